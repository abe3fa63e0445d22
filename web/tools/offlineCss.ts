// web/tools/offlineCss.ts
//
// Vant's icon font lists a copy on a CDN after its embedded woff2. The app's CSP allows
// fonts from 'self' and data: only, and a civic app must not call outside servers, so the
// outside sources are cut from every stylesheet at build time; the embedded font remains.
import type { Plugin } from 'vite';

// `,url(//host/...) format("woff")` or `url(https://...)` as one entry of a src list.
const OUTSIDE_SRC = /,\s*url\((["']?)(?:https?:)?\/\/[^)]*\1\)(?:\s*format\([^)]*\))?/g;

export function stripOutsideFontSources(css: string): string {
  return css.replace(OUTSIDE_SRC, '');
}

export function offlineCss(): Plugin {
  return {
    name: 'tongxin-offline-css',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0].endsWith('.css')) return null;
      const out = stripOutsideFontSources(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}
