import type { TFunction } from 'i18next';
import type { PersonSummary } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * Why a search result is there when its name does not say it: "works at …", "note: …". Null
 * when the name holds the words searched for.
 */
export function matchText(t: TFunction, p: Pick<PersonSummary, 'match'>): string | null {
  if (!p.match) return null;
  // Found by meaning: what the words were understood as, in the interface language.
  const c = p.match.concept;
  const label = c ? (currentLanguage() === 'it' ? c.labelIt : c.labelEn) : '';
  return t(`people.match.${p.match.field}`, { text: p.match.text, label });
}

/** A short line telling a contact apart from namesakes: company and city. */
export function whoLine(p: Pick<PersonSummary, 'company' | 'role' | 'city'>): string {
  return [p.company ?? p.role, p.city].filter(Boolean).join(' · ');
}
