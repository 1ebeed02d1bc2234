/**
 * How alike two people are, for the Duplicates view. Pure functions, no database.
 *
 * Names are compared token by token after folding accents and case ("Nicolò" = "nicolo"), in any
 * order ("Rossi Mario" = "Mario Rossi"), with initials ("M. Rossi" ~ "Mario Rossi"), small typos
 * (one edit in a word of four letters or more, two in a long word) and particles joined to the
 * next word ("De Luca" = "DeLuca"). Italian first names that differ only in the final vowel
 * (Mario / Maria, Giulio / Giulia, Francesco / Francesca) are different names, not typos.
 */
import { words } from '#shared/text/fold.ts';

const TITLES = new Set([
  'dr',
  'dott',
  'dottssa',
  'dottoressa',
  'ing',
  'avv',
  'arch',
  'geom',
  'rag',
  'prof',
  'profssa',
  'sig',
  'sigra',
  'sigg',
  'mr',
  'mrs',
  'ms',
  'miss',
  'sir',
  'jr',
  'sr',
  'phd',
  'mba',
]);
const PARTICLES = new Set([
  'de',
  'di',
  'da',
  'del',
  'della',
  'dei',
  'degli',
  'dal',
  'la',
  'lo',
  'le',
  'van',
  'von',
  'der',
  'den',
  'mc',
  'mac',
  'st',
]);
const LEGAL = new Set([
  'srl',
  'srls',
  'spa',
  'snc',
  'sas',
  'sapa',
  'scarl',
  'scrl',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'llp',
  'gmbh',
  'ag',
  'plc',
  'co',
  'corp',
  'corporation',
  'company',
  'sa',
  'sl',
  'bv',
  'nv',
  'oy',
  'ab',
  'the',
  'and',
  'e',
  'group',
  'gruppo',
]);

// Folding (NFD) and Unicode-aware splitting are the costly part; most names are plain ASCII.
const NON_ASCII = /[^ -~]/;
const wordsOf = (s: string): string[] => (NON_ASCII.test(s) ? words(s) : (s.toLowerCase().match(/[a-z0-9]+/g) ?? []));

/** Name tokens: folded words without titles; a particle is joined to the word after it. */
export function nameTokens(name: string): string[] {
  // "Sig.ra", "Dott.ssa" are one title; "D'Angelo", "O'Brien" one word.
  const raw = wordsOf(name.replace(/\b(sig|dott|prof)\.(ra|ssa)\b/gi, '$1$2').replace(/(\p{L})['\u2019](\p{L})/gu, '$1$2'));
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i] as string;
    if (TITLES.has(w) && raw.length > 2) continue;
    const next = raw[i + 1];
    if (PARTICLES.has(w) && next !== undefined && w.length > 1) {
      out.push(w + next);
      i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Company tokens without legal forms ("ACME S.r.l." = "Acme"). */
export function companyTokens(company: string | null | undefined): string[] {
  if (!company) return [];
  const joined = company.replace(/\b([a-z])\.(?=[a-z]\.)/gi, '$1').replace(/\.(?=\s|$)/g, '');
  const ws = wordsOf(joined);
  const kept = ws.filter((w) => !LEGAL.has(w) && !(w.length === 1 && ws.length > 1));
  return kept.length > 0 ? kept : ws;
}

// Three rows reused by every call: the scan compares many thousands of words.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance, giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > rows[0].length) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[n] as number;
}

const VOWELS = new Set(['a', 'e', 'i', 'o']);

/** Whether two words of the same length differ at most in their last letter. */
function samePrefix(x: string, y: string): boolean {
  for (let k = 0; k < x.length - 1; k++) if (x.charCodeAt(k) !== y.charCodeAt(k)) return false;
  return true;
}

/** Similarity of two name (or company) words, 0..1. */
export function tokenSimilarity(x: string, y: string): number {
  if (x === y) return 1;
  if (x.length === 1) return y.startsWith(x) ? 0.85 : 0;
  if (y.length === 1) return x.startsWith(y) ? 0.85 : 0;
  const min = Math.min(x.length, y.length);
  if (x.length === y.length && VOWELS.has(x[x.length - 1] as string) && VOWELS.has(y[y.length - 1] as string) && samePrefix(x, y))
    return 0; // Mario / Maria: another person, not a typo
  if (min < 4) return 0;
  const d = editDistance(x, y, 2);
  if (d === 1) return 0.9;
  if (d === 2 && min >= 7) return 0.8;
  return 0;
}

/** Best one-to-one pairing of two token lists (greedy on the best pairs), as a Dice score 0..1. */
export function tokensSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.join('') === b.join('') || [...a].sort().join('') === [...b].sort().join('')) return a.length === b.length ? 1 : 0.95;
  return pairTokens(a, b);
}

function pairTokens(a: readonly string[], b: readonly string[]): number {
  let pairs: Array<[number, number, number]> | null = null;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      const s = tokenSimilarity(a[i] as string, b[j] as string);
      if (s > 0) (pairs ??= []).push([s, i, j]);
    }
  if (pairs === null) return 0; // most compared names share no word at all
  pairs.sort((p, q) => q[0] - p[0]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let sum = 0;
  for (const [s, i, j] of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    sum += s;
  }
  return (2 * sum) / (a.length + b.length);
}

export interface Comparable {
  tokens: string[];
  company: string[];
  emails: ReadonlySet<string>;
  phones: ReadonlySet<string>;
  links: ReadonlySet<string>;
  /** Filled by `prepare`: the words joined in order and sorted, for the exact cases. */
  joined?: { name: [string, string]; company: [string, string] };
}

const joins = (t: readonly string[]): [string, string] => [t.join(''), [...t].sort().join('')];

/** Computes once per person what every comparison would otherwise recompute. */
export function prepare<T extends Comparable>(c: T): T {
  c.joined = { name: joins(c.tokens), company: joins(c.company) };
  return c;
}

function similarity(
  a: readonly string[],
  b: readonly string[],
  ja: [string, string] | undefined,
  jb: [string, string] | undefined,
): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (!ja || !jb) return tokensSimilarity(a, b);
  if (ja[0] === jb[0] || ja[1] === jb[1]) return a.length === b.length ? 1 : 0.95;
  return pairTokens(a, b);
}

export type Reason = 'same_email' | 'same_phone' | 'same_link' | 'similar_name' | 'same_company';

function shares(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  if (x.size === 0 || y.size === 0) return false;
  const small = x.size <= y.size ? x : y;
  const big = small === x ? y : x;
  for (const v of small) if (big.has(v)) return true;
  return false;
}

/**
 * How likely two people are one: a shared email or LinkedIn URL is strong evidence (0.95), a
 * shared phone number a little less (0.9), each weighed by how alike the names are; similar
 * names count up to 0.9, more with the same company, less with a different one or a one-word name.
 */
export function score(a: Comparable, b: Comparable): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const email = shares(a.emails, b.emails);
  const phone = shares(a.phones, b.phones);
  const link = shares(a.links, b.links);
  if (email) reasons.push('same_email');
  if (phone) reasons.push('same_phone');
  if (link) reasons.push('same_link');
  const name = similarity(a.tokens, b.tokens, a.joined?.name, b.joined?.name);
  const company =
    a.company.length > 0 && b.company.length > 0 ? similarity(a.company, b.company, a.joined?.company, b.joined?.company) : null;
  if (name >= 0.8) reasons.push('similar_name');
  if (company !== null && company >= 0.85) reasons.push('same_company');

  let byName = 0;
  if (name >= 0.8) {
    let f = company === null ? 0.85 : company >= 0.85 ? 1 : company >= 0.5 ? 0.9 : 0.75;
    if (Math.min(a.tokens.length, b.tokens.length) < 2) f *= 0.8;
    byName = 0.9 * name * f;
  }
  const channel = email || link ? 0.95 : phone ? 0.9 : 0;
  const byChannel = channel * (0.75 + 0.25 * name);
  let s = Math.max(byName, byChannel);
  if (byName >= 0.6 && channel > 0) s += 0.05;
  return { score: Math.min(1, Math.round(s * 1000) / 1000), reasons };
}

/**
 * Blocking keys: two people are compared only when they share one. Channels; for every pair of
 * name words, their first three letters (order-free: typos after the third letter, word order)
 * and one word in full with the other's initial (initials, typos early in a word); the words
 * joined ("Gianmarco" = "Gian Marco").
 */
export function blockingKeys(c: Comparable): string[] {
  const keys: string[] = [];
  for (const e of c.emails) keys.push(`e:${e}`);
  for (const p of c.phones) keys.push(`p:${p}`);
  for (const l of c.links) keys.push(`l:${l}`);
  const t = c.tokens.slice(0, 4);
  if (t.length === 1) keys.push(`n1:${t[0] as string}`);
  for (let i = 0; i < t.length; i++)
    for (let j = i + 1; j < t.length; j++) {
      const x = t[i] as string;
      const y = t[j] as string;
      const [p, q] = [x.slice(0, 3), y.slice(0, 3)].sort();
      keys.push(`np:${p as string}|${q as string}`);
      keys.push(`nf:${x}|${y[0] as string}`, `nf:${y}|${x[0] as string}`);
    }
  if (c.tokens.length > 1) keys.push(`nj:${[...c.tokens].sort().join('')}`, `nj:${c.tokens.join('')}`);
  else if (c.tokens.length === 1) keys.push(`nj:${c.tokens[0] as string}`);
  return keys;
}
