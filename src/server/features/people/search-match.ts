import type { SearchMatch } from '#shared/api/people.ts';
import { fold, words } from '#shared/text/fold.ts';

/** What a search result is shown with when the name alone does not explain it. */
export interface MatchSource {
  name: string;
  company: string | null;
  role: string | null;
  city: string | null;
  tags: readonly string[];
  offers: readonly string[];
  needs: readonly string[];
  howMet: string | null;
  notes: string | null;
}

/** Longer texts are cut to about this many characters around the match. */
const SNIPPET = 80;

/**
 * Where the words of a query that are not in the name were found: the field that holds most of
 * them (company, role, city, tags, offers, needs, how we met, notes, in that order on a tie), with
 * its value or the words around the first match. Null when the name holds every word.
 */
export function whatMatched(query: string, s: MatchSource): SearchMatch | null {
  const nameWords = words(s.name);
  const rest = [...new Set(words(query))].filter((q) => !nameWords.some((w) => w.startsWith(q)));
  if (rest.length === 0) return null;
  const fields: Array<[SearchMatch['field'], string | null]> = [
    ['company', s.company],
    ['role', s.role],
    ['city', s.city],
    ...s.tags.map((t): [SearchMatch['field'], string] => ['tag', t]),
    ...s.offers.map((t): [SearchMatch['field'], string] => ['offer', t]),
    ...s.needs.map((t): [SearchMatch['field'], string] => ['need', t]),
    ['howMet', s.howMet],
    ['notes', s.notes],
  ];
  let best: { field: SearchMatch['field']; text: string; covered: number } | null = null;
  for (const [field, text] of fields) {
    if (!text) continue;
    const ws = words(text);
    const covered = rest.filter((q) => ws.some((w) => w.startsWith(q))).length;
    if (covered > (best?.covered ?? 0)) best = { field, text, covered };
  }
  return best ? { field: best.field, text: snippet(best.text, rest) } : null;
}

/** The text on one line, cut around the first word that starts with one of `prefixes`. */
export function snippet(text: string, prefixes: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET) return flat;
  let at = 0;
  for (const m of flat.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = fold(m[0]);
    if (prefixes.some((p) => w.startsWith(p))) {
      at = m.index;
      break;
    }
  }
  let start = Math.max(0, at - Math.floor(SNIPPET / 3));
  let end = Math.min(flat.length, start + SNIPPET);
  start = Math.max(0, Math.min(start, end - SNIPPET));
  // Cut at spaces, so that no word is shown in half.
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > at ? space : end;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}
