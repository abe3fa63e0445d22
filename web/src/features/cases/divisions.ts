// The full name of a 12-digit division code ("甘肃省兰州市城关区皋兰路街道"), from the
// one-level-at-a-time /api/v1/divisions endpoint; cached for the page's lifetime.
import { api } from '../../shared/api/client';

/** The ancestors of a code, province first, ending with the code itself: prefixes of 2, 4, 6 and 9 digits. */
export function divisionPath(code: string): string[] {
  const out: string[] = [];
  for (const n of [2, 4, 6, 9, 12]) {
    const full = code.slice(0, n).padEnd(12, '0');
    if (!out.includes(full)) out.push(full);
    if (full === code) break;
  }
  return out;
}

const children = new Map<string, Promise<Map<string, string>>>();

function childrenOf(parent: string): Promise<Map<string, string>> {
  let p = children.get(parent);
  if (!p) {
    p = api<{ items: { code: string; name: string }[] }>('GET', `/api/v1/divisions${parent ? `?parent=${parent}` : ''}`)
      .then((r) => new Map(r.items.map((d) => [d.code, d.name])));
    p.catch(() => children.delete(parent));
    children.set(parent, p);
  }
  return p;
}

export async function divisionName(code: string | null | undefined): Promise<string> {
  if (!code || !/^\d{12}$/.test(code)) return code ?? '';
  const path = divisionPath(code);
  let parent = '';
  let name = '';
  for (const c of path) {
    const names = await childrenOf(parent);
    const n = names.get(c);
    if (!n) break;
    name += n;
    parent = c;
  }
  return name || code;
}
