import type { TFunction } from 'i18next';
import type { PersonSummary } from '../api/client.ts';

/**
 * Why a search result is there when its name does not say it: "works at …", "note: …". Null
 * when the name holds the words searched for.
 */
export function matchText(t: TFunction, p: Pick<PersonSummary, 'match'>): string | null {
  return p.match ? t(`people.match.${p.match.field}`, { text: p.match.text }) : null;
}

/** A short line telling a contact apart from namesakes: company and city. */
export function whoLine(p: Pick<PersonSummary, 'company' | 'role' | 'city'>): string {
  return [p.company ?? p.role, p.city].filter(Boolean).join(' · ');
}
