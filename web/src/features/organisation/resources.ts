// What each console page shows and edits, as data; ResourceView renders any of them.
export type FieldKind = 'text' | 'textarea' | 'number' | 'select' | 'division' | 'checklist' | 'tags' | 'bool';

export interface FormField {
  prop: string;
  label: string; // i18n key
  kind: FieldKind;
  required?: boolean;
  max?: number;
  options?: string[]; // select: values; labels from enums.<enumKey>.<value>
  enumKey?: string;
  min?: number;
  maxValue?: number;
}

export interface Column { prop: string; label: string; enumKey?: string; width?: number }

export interface ResourceConfig {
  title: string;
  api: string;
  columns: Column[];
  form?: FormField[];
  filters?: { prop: string; enumKey: string; options: string[] }[];
  canArchive?: boolean;
}

export const resources: Record<string, ResourceConfig> = {
  studios: {
    title: 'nav.studios',
    api: '/api/v1/studios',
    columns: [
      { prop: 'id', label: 'ID', width: 70 },
      { prop: 'name', label: 'field.name' },
      { prop: 'kind', label: 'field.kind', enumKey: 'kind', width: 120 },
      { prop: 'mode', label: 'field.mode', enumKey: 'mode', width: 150 },
      { prop: 'address', label: 'field.address' },
      { prop: 'status', label: 'field.status', enumKey: 'status', width: 100 },
    ],
    filters: [
      { prop: 'kind', enumKey: 'kind', options: ['studio', 'station'] },
      { prop: 'mode', enumKey: 'mode', options: ['sector', 'street', 'party', 'industry', 'task'] },
      { prop: 'status', enumKey: 'status', options: ['active', 'under_review', 'rectifying', 'archived'] },
    ],
    form: [
      { prop: 'name', label: 'field.name', kind: 'text', required: true, max: 60 },
      { prop: 'kind', label: 'field.kind', kind: 'select', required: true, options: ['studio', 'station'], enumKey: 'kind' },
      { prop: 'mode', label: 'field.mode', kind: 'select', required: true, options: ['sector', 'street', 'party', 'industry', 'task'], enumKey: 'mode' },
      { prop: 'division_code', label: 'field.divisionCode', kind: 'division', required: true },
      { prop: 'address', label: 'field.address', kind: 'text', max: 200 },
      { prop: 'lat', label: 'field.lat', kind: 'number', min: 3, maxValue: 54 },
      { prop: 'lng', label: 'field.lng', kind: 'number', min: 73, maxValue: 136 },
      { prop: 'first_convenor_member_id', label: 'field.firstConvenor', kind: 'number', min: 1 },
      { prop: 'second_convenor_member_id', label: 'field.secondConvenor', kind: 'number', min: 1 },
      { prop: 'phone', label: 'field.phone', kind: 'text', max: 30 },
      { prop: 'opening_rules', label: 'field.openingRules', kind: 'textarea', max: 500 },
      { prop: 'description', label: 'field.description', kind: 'textarea', max: 2000 },
      { prop: 'standards_checklist', label: 'field.checklist', kind: 'checklist' },
      { prop: 'status', label: 'field.status', kind: 'select', options: ['active', 'under_review', 'rectifying', 'archived'], enumKey: 'status' },
    ],
    canArchive: true,
  },
  members: {
    title: 'nav.members',
    api: '/api/v1/members',
    columns: [
      { prop: 'id', label: 'ID', width: 70 },
      { prop: 'name', label: 'field.personName', width: 100 },
      { prop: 'sector_name', label: 'field.sector' },
      { prop: 'committee_name', label: 'field.committee' },
      { prop: 'work_unit', label: 'field.workUnit' },
      { prop: 'title', label: 'field.title', width: 120 },
    ],
    form: [
      { prop: 'name', label: 'field.personName', kind: 'text', required: true, max: 30 },
      { prop: 'gender', label: 'field.gender', kind: 'select', options: ['male', 'female'], enumKey: 'gender' },
      { prop: 'ethnicity', label: 'field.ethnicity', kind: 'text', max: 20 },
      { prop: 'birth_year', label: 'field.birthYear', kind: 'number', min: 1920, maxValue: 2010 },
      { prop: 'sector_id', label: 'field.sector', kind: 'number', min: 1 },
      { prop: 'committee_id', label: 'field.committee', kind: 'number', min: 1 },
      { prop: 'group_id', label: 'field.group', kind: 'number', min: 1 },
      { prop: 'work_unit', label: 'field.workUnit', kind: 'text', max: 100 },
      { prop: 'title', label: 'field.title', kind: 'text', max: 100 },
      { prop: 'division_code', label: 'field.divisionCode', kind: 'division' },
      { prop: 'expertise', label: 'field.expertise', kind: 'tags' },
      { prop: 'bio', label: 'field.bio', kind: 'textarea', max: 2000 },
    ],
    canArchive: true,
  },
  sectors: {
    title: 'nav.sectors',
    api: '/api/v1/sectors',
    columns: [{ prop: 'id', label: 'ID', width: 70 }, { prop: 'name', label: 'field.name' }, { prop: 'sort_order', label: 'field.sortOrder', width: 100 }],
    form: [
      { prop: 'name', label: 'field.name', kind: 'text', required: true, max: 50 },
      { prop: 'sort_order', label: 'field.sortOrder', kind: 'number', min: 0, maxValue: 10000 },
    ],
    canArchive: true,
  },
  committees: {
    title: 'nav.committees',
    api: '/api/v1/committees',
    columns: [{ prop: 'id', label: 'ID', width: 70 }, { prop: 'name', label: 'field.name' }, { prop: 'short_name', label: 'field.shortName' }],
    form: [
      { prop: 'name', label: 'field.name', kind: 'text', required: true, max: 60 },
      { prop: 'short_name', label: 'field.shortName', kind: 'text', max: 20 },
    ],
    canArchive: true,
  },
  'member-groups': {
    title: 'nav.groups',
    api: '/api/v1/member-groups',
    columns: [{ prop: 'id', label: 'ID', width: 70 }, { prop: 'name', label: 'field.name' }, { prop: 'committee_id', label: 'field.committee', width: 120 }],
    form: [
      { prop: 'name', label: 'field.name', kind: 'text', required: true, max: 60 },
      { prop: 'committee_id', label: 'field.committee', kind: 'number', required: true, min: 1 },
    ],
    canArchive: true,
  },
  conferences: {
    title: 'nav.conferences',
    api: '/api/v1/conferences',
    columns: [
      { prop: 'id', label: 'ID', width: 70 },
      { prop: 'name', label: 'field.name' },
      { prop: 'level', label: 'field.level', enumKey: 'level', width: 100 },
      { prop: 'division_name', label: 'field.divisionCode' },
    ],
  },
  // 承办单位: the bodies a conference assigns micro-suggestions, proposals and opinion reports to.
  agencies: {
    title: 'outputs.nav.agencies',
    api: '/api/v1/agencies',
    columns: [
      { prop: 'id', label: 'ID', width: 70 },
      { prop: 'name', label: 'field.name' },
      { prop: 'short_name', label: 'field.shortName', width: 140 },
      { prop: 'kind', label: 'field.kind', enumKey: 'agencyKind', width: 130 },
      { prop: 'contact_name', label: 'outputs.agency.contactName', width: 110 },
      { prop: 'contact_phone', label: 'outputs.agency.contactPhone', width: 140 },
      { prop: 'sort_order', label: 'field.sortOrder', width: 80 },
    ],
    filters: [{ prop: 'kind', enumKey: 'agencyKind', options: ['government', 'judicial', 'people_org', 'enterprise', 'other'] }],
    form: [
      { prop: 'name', label: 'field.name', kind: 'text', required: true, max: 60 },
      { prop: 'short_name', label: 'field.shortName', kind: 'text', max: 20 },
      { prop: 'kind', label: 'field.kind', kind: 'select', options: ['government', 'judicial', 'people_org', 'enterprise', 'other'], enumKey: 'agencyKind' },
      { prop: 'division_code', label: 'field.divisionCode', kind: 'division' },
      { prop: 'contact_name', label: 'outputs.agency.contactName', kind: 'text', max: 30 },
      { prop: 'contact_phone', label: 'outputs.agency.contactPhone', kind: 'text', max: 30 },
      { prop: 'sort_order', label: 'field.sortOrder', kind: 'number', min: 0, maxValue: 10000 },
    ],
    canArchive: true,
  },
  users: {
    title: 'nav.users',
    api: '/api/v1/users',
    columns: [
      { prop: 'id', label: 'ID', width: 70 },
      { prop: 'username', label: 'field.username' },
      { prop: 'display_name', label: 'field.displayName' },
      { prop: 'roles', label: 'field.roles' },
    ],
  },
  'audit-log': {
    title: 'nav.audit',
    api: '/api/v1/audit-log',
    columns: [
      { prop: 'id', label: 'ID', width: 80 },
      { prop: 'at', label: 'field.time', width: 180 },
      { prop: 'username', label: 'field.username', width: 120 },
      { prop: 'action', label: 'field.action' },
      { prop: 'remote_addr', label: 'IP', width: 130 },
    ],
  },
};

// Validates a form the way the server will, so most mistakes are caught before sending.
export function validate(fields: FormField[], values: Record<string, any>, t: (k: string, p?: any) => string): string[] {
  const errors: string[] = [];
  for (const f of fields) {
    const v = values[f.prop];
    const empty = v === undefined || v === null || v === '';
    if (f.required && empty) errors.push(t('common.required', { field: t(f.label) }));
    if (!empty && f.kind === 'text' && f.max && [...String(v)].length > f.max) errors.push(`${t(f.label)} ≤ ${f.max}`);
    if (!empty && f.kind === 'number') {
      if (typeof v !== 'number' || Number.isNaN(v)) errors.push(t(f.label));
      else if ((f.min !== undefined && v < f.min) || (f.maxValue !== undefined && v > f.maxValue)) errors.push(`${t(f.label)}: ${f.min}–${f.maxValue ?? ''}`);
    }
  }
  return errors;
}
