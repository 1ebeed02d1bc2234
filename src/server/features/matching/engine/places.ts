/**
 * Places: where a helper is, and which places a need names ("vicino a Bergamo", "in Milan",
 * "zona Seriate", "in Salento"), with coordinates, so that helpers there or nearby rank first and
 * a helper far away says how far. The gazetteer (gazetteer/places.tsv, built by
 * scripts/gazetteer.mjs) holds every Italian comune with its province and population, the
 * provinces, the regions and cities abroad that people name; sources and licences in
 * gazetteer/README.md.
 */
import fs from 'node:fs';
import { fold } from './normalize.ts';
import type { Token } from './normalize.ts';

export interface Place {
  /** The name as the gazetteer writes it. */
  name: string;
  lat: number;
  lon: number;
  /** A place covers this much around its point: a region or a province is not a dot. */
  radiusKm: number;
  population: number;
  kind: 'comune' | 'province' | 'region' | 'area' | 'world';
}

const RADIUS: Record<Place['kind'], number> = { comune: 0, province: 25, region: 90, area: 35, world: 0 };
const KIND: Record<string, Place['kind']> = { c: 'comune', p: 'province', r: 'region', a: 'area', w: 'world' };

// English and other names of Italian places that the gazetteer writes in Italian.
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['milan', 'milano'],
  ['rome', 'roma'],
  ['naples', 'napoli'],
  ['turin', 'torino'],
  ['florence', 'firenze'],
  ['venice', 'venezia'],
  ['genoa', 'genova'],
  ['padua', 'padova'],
  ['mantua', 'mantova'],
  ['syracuse', 'siracusa'],
  ['leghorn', 'livorno'],
  ['bozen', 'bolzano'],
  ['lombardy', 'lombardia'],
  ['tuscany', 'toscana'],
  ['piedmont', 'piemonte'],
  ['sicily', 'sicilia'],
  ['sardinia', 'sardegna'],
  ['apulia', 'puglia'],
  ['latium', 'lazio'],
  ['trentino', 'trentino alto adige'],
  ['alto adige', 'trentino alto adige'],
  ['south tyrol', 'trentino alto adige'],
  ['aosta valley', 'valle d aosta'],
  ['valle d aosta', 'valle d aosta'],
  ['friuli', 'friuli venezia giulia'],
  ['emilia', 'emilia romagna'],
  ['romagna', 'emilia romagna'],
];

// Areas people name that are neither comuni nor provinces, placed at the province that covers them.
const AREAS: ReadonlyArray<readonly [string, string]> = [
  ['salento', 'lecce'],
  ['brianza', 'monza e della brianza'],
  ['langhe', 'cuneo'],
  ['roero', 'cuneo'],
  ['chianti', 'siena'],
  ['cilento', 'salerno'],
  ['franciacorta', 'brescia'],
  ['valtellina', 'sondrio'],
  ['valpolicella', 'verona'],
  ['costiera amalfitana', 'salerno'],
  ['riviera romagnola', 'rimini'],
  ['versilia', 'lucca'],
  ['maremma', 'grosseto'],
  ['monferrato', 'asti'],
  ['canavese', 'torino'],
  ['irpinia', 'avellino'],
  ['gargano', 'foggia'],
  ['murge', 'bari'],
  ['val d orcia', 'siena'],
  ['lago di garda', 'verona'],
  ['lago di como', 'como'],
  ['lago maggiore', 'verbano cusio ossola'],
  ['hinterland milanese', 'milano'],
];

interface Gazetteer {
  byName: Map<string, Place>;
  /** First words of every name, to find names in a text quickly. */
  firsts: Set<string>;
  maxWords: number;
}

let loaded: Gazetteer | null = null;

const key = (s: string): string =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const byName = new Map<string, Place>();
  const rank = (p: Place): number => (p.kind === 'world' ? 1e9 : p.kind === 'comune' ? p.population : p.population / 10);
  const put = (name: string, p: Place): void => {
    const k = key(name);
    if (!k) return;
    const prev = byName.get(k);
    // A name shared by several places means the most populous; a comune wins over its province
    // of the same name (the point is the same, and a comune is more precise).
    if (!prev || rank(p) > rank(prev)) byName.set(k, p);
  };
  const text = fs.readFileSync(new URL('./gazetteer/places.tsv', import.meta.url), 'utf8');
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [kind, names, , lat, lon, pop] = line.split('\t');
    const k = KIND[kind ?? ''];
    if (!k || !names) continue;
    const all = names.split(/[|/]/);
    const place: Place = {
      name: all[0] ?? names,
      lat: Number(lat),
      lon: Number(lon),
      radiusKm: RADIUS[k],
      population: Number(pop) || 0,
      kind: k,
    };
    for (const n of all) put(n, place);
    if (k === 'province') put(`provincia di ${all[0] ?? ''}`, place);
  }
  for (const [alias, target] of ALIASES) {
    const p = byName.get(key(target));
    if (p) byName.set(key(alias), p);
  }
  for (const [area, province] of AREAS) {
    const p = byName.get(key(province)) ?? byName.get(key(`provincia di ${province}`));
    if (p)
      byName.set(key(area), { ...p, name: area.replace(/\b\w/g, (c) => c.toUpperCase()), kind: 'area', radiusKm: RADIUS.area });
  }
  const firsts = new Set<string>();
  let maxWords = 1;
  for (const k of byName.keys()) {
    const words = k.split(' ');
    firsts.add(words[0] ?? '');
    maxWords = Math.max(maxWords, words.length);
  }
  loaded = { byName, firsts, maxWords: Math.min(maxWords, 6) };
  return loaded;
}

/**
 * The place a person's city field names: "Seriate", "Milano (MI)", "Bergamo, Italy", "Greater
 * Milan Area", "Munich". Null when unknown.
 */
export function placeOf(city: string | null | undefined): Place | null {
  if (!city) return null;
  const g = gazetteer();
  const raw = key(city.replace(/\([^)]*\)/g, ' '));
  if (!raw) return null;
  const direct = g.byName.get(raw);
  if (direct) return direct;
  // "Bergamo, Italia", "Greater Milan Area", "Milano e provincia": the longest known run of words.
  const words = raw
    .split(' ')
    .filter((w) => !['greater', 'area', 'metropolitan', 'italy', 'italia', 'e', 'and', 'provincia', 'city'].includes(w));
  for (let n = Math.min(words.length, g.maxWords); n >= 1; n--)
    for (let i = 0; i + n <= words.length; i++) {
      const p = g.byName.get(words.slice(i, i + n).join(' '));
      if (p) return p;
    }
  return null;
}

// Words that introduce a place: "a Bergamo", "vicino a Milano", "zona Seriate", "near Turin".
const CUES = new Set([
  'a',
  'ad',
  'in',
  'da',
  'zona',
  'vicino',
  'presso',
  'dintorni',
  'pressi',
  'provincia',
  'near',
  'around',
  'at',
  'from',
  'verso',
  'sul',
  'nel',
  'nella',
  'nei',
]);

export interface NamedPlace {
  place: Place;
  /** Character span of the name in the text. */
  start: number;
  end: number;
}

/**
 * Places a need names. A name counts when it is written with a capital inside a sentence, when
 * it follows a word that introduces a place ("a", "in", "zona", "vicino a", "near"), or when it
 * has several words; a small comune whose name is also a common word ("prato", "fermo",
 * "potenza") needs a capital. Longest names first ("Riva del Garda" before "Riva").
 */
export function placesIn(tokens: readonly Token[], text: string, isWord: (norm: string) => boolean): NamedPlace[] {
  const g = gazetteer();
  const out: NamedPlace[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!g.firsts.has(t.norm)) continue;
    for (let n = Math.min(g.maxWords, tokens.length - i); n >= 1; n--) {
      const last = tokens[i + n - 1] as Token;
      const place = g.byName.get(
        tokens
          .slice(i, i + n)
          .map((x) => x.norm)
          .join(' '),
      );
      if (!place) continue;
      const surface = text.slice(t.start, last.end);
      const capital = /^\p{Lu}/u.test(surface);
      const before = text.slice(0, t.start).trimEnd();
      const sentenceStart = before === '' || /[.!?:;\n]$/.test(before);
      const prev = tokens[i - 1]?.norm ?? '';
      const cued = CUES.has(prev) || (i >= 2 && CUES.has(tokens[i - 2]?.norm ?? '') && (prev === 'a' || prev === 'di'));
      const common = n === 1 && (t.stop || isWord(t.norm));
      const small = place.kind === 'comune' && place.population < 20_000;
      const ok =
        (capital && !sentenceStart) ||
        (capital && cued) ||
        (!common && (cued || n > 1) && !(small && !capital)) ||
        (!common && !small && place.population >= 100_000);
      if (!ok) continue;
      out.push({ place, start: t.start, end: last.end });
      i += n - 1;
      break;
    }
  }
  return out;
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
