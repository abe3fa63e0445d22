import { describe, expect, it } from 'vitest';
import { placeLine } from './place';

describe('placeLine', () => {
  it('writes the division once when the address already starts with it', () => {
    expect(placeLine('甘肃省兰州市城关区', '甘肃省兰州市城关区委员之家')).toBe('甘肃省兰州市城关区委员之家');
  });
  it('puts the division before a street-only address', () => {
    expect(placeLine('甘肃省兰州市城关区', '庆阳路 88 号')).toBe('甘肃省兰州市城关区 庆阳路 88 号');
  });
  it('shows what there is when one part is missing', () => {
    expect(placeLine('', '庆阳路 88 号')).toBe('庆阳路 88 号');
    expect(placeLine('甘肃省兰州市城关区', null)).toBe('甘肃省兰州市城关区');
  });
});
