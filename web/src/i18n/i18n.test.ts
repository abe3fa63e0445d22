import { describe, it, expect } from 'vitest';
import zh from './zh-CN';
import en from './en';

function keys(o: any, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('messages', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
  it('has no empty message', () => {
    for (const k of keys(zh)) expect(k.split('.').reduce((o: any, p) => o[p], zh)).not.toBe('');
  });
});
