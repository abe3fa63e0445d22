import { describe, it, expect } from 'vitest';
import { resources, validate } from './resources';

const t = (k: string, p?: any) => (p?.field ? `${p.field} required` : k);

describe('console form validation', () => {
  const fields = resources.studios.form!;
  it('requires the required fields', () => {
    const errors = validate(fields, {}, t);
    expect(errors).toContain('field.name required');
    expect(errors).toContain('field.divisionCode required');
  });
  it('checks lengths in characters and number ranges', () => {
    const ok = { name: '张掖路街道委员工作站', kind: 'station', mode: 'street', division_code: '620102002000', lat: 36.06 };
    expect(validate(fields, ok, t)).toEqual([]);
    expect(validate(fields, { ...ok, name: '工'.repeat(61) }, t)).toHaveLength(1);
    expect(validate(fields, { ...ok, lat: 80 }, t)).toHaveLength(1);
  });
});
