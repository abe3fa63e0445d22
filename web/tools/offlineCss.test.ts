import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stripOutsideFontSources } from './offlineCss';

describe('stripOutsideFontSources', () => {
  it("leaves Vant's icon font embedded and nothing outside", () => {
    const path = fileURLToPath(new URL('../node_modules/vant/lib/index.css', import.meta.url));
    const css = stripOutsideFontSources(readFileSync(path, 'utf8'));
    expect(css).toContain('font-family:vant-icon');
    expect(css).toContain('url(data:font/woff2');
    expect(css).not.toMatch(/url\((["']?)(https?:)?\/\//);
  });

  it('keeps a list with only local sources as it is', () => {
    const css = '@font-face{src:url(data:font/woff2;base64,AA) format("woff2"),url(/f.woff) format("woff")}';
    expect(stripOutsideFontSources(css)).toBe(css);
  });

  it('cuts each outside entry of a list', () => {
    const css =
      'src:url(data:x) format("woff2"),url("https://cdn.example/a.woff") format("woff"),url(//b.example/b.ttf) format("truetype")}';
    expect(stripOutsideFontSources(css)).toBe('src:url(data:x) format("woff2")}');
  });
});
