/**
 * Merging two people into one, in one transaction. The person kept receives everything of the
 * other: emails, phones, links and tags it lacks, needs, offers and timeline entries, the
 * relationships (a relationship between the two disappears; two with the same third person
 * become one, with the stronger tie and both notes), the people the other introduced, its
 * privacy and source information, and what other features hold about it (an objection to being
 * contacted, introduction sides, sent emails, gives, referred business). Nothing of the other is lost: its notes are appended to the
 * kept person's notes, and a field both have with different values (company, role, city,
 * birthday, ...) is written into a closing line of the notes: the kept person keeps theirs, and
 * takes the other's only where they have none. Then the other person is deleted.
 */
import type { PersonDetail } from '#shared/api/people.ts';
import type { Locale } from '#shared/api/values.ts';
import { formatBirthday } from '#shared/text/birthday.ts';
import type { Executor } from '../../db/db.ts';
import type { PeopleTable, Person } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import type { Deps } from '../../deps.ts';
import { userLocale } from '../auth/auth.repo.ts';
import { lockNetwork, recordChange } from '../network/changes.ts';
import * as people from '../people/people.repo.ts';
import { getPerson, sortKey } from '../people/people.service.ts';
import * as repo from './duplicates.repo.ts';
import { nameTokens } from './similarity.ts';

type Scalar = 'company' | 'role' | 'city' | 'country' | 'how_met' | 'birthday';
const SCALARS: readonly Scalar[] = ['company', 'role', 'city', 'country', 'how_met', 'birthday'];
// Written into the kept person's notes in the owner's language, in words that fit anyone.
const LABELS: Record<Locale, Record<Scalar | 'name' | 'merged' | 'alsoFrom', string>> = {
  en: {
    name: 'also known as',
    company: 'company',
    role: 'role',
    city: 'city',
    country: 'country',
    how_met: 'how we met',
    birthday: 'birthday',
    merged: 'Merged with',
    alsoFrom: 'Other source:',
  },
  it: {
    name: 'altro nome',
    company: 'azienda',
    role: 'ruolo',
    city: 'città',
    country: 'paese',
    how_met: 'come ci siamo conosciuti',
    birthday: 'compleanno',
    merged: 'Unione con',
    alsoFrom: 'Altra fonte:',
  },
};

const FORMATS: Record<string, string> = {
  linkedin: 'LinkedIn',
  vcard: 'vCard',
  google: 'Google Contacts',
  csv: 'CSV',
  json: 'Rete (JSON)',
};
const MONTHS = {
  it: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** Where a person came from, in words: "import from vCard, 21 May 2025" / "importazione da vCard, 21 mag 2025". */
function sourceWords(source: string, at: string | null, locale: Locale): string {
  const format = source.startsWith('import:') ? (FORMATS[source.slice(7)] ?? source.slice(7)) : null;
  const what =
    format !== null
      ? locale === 'it'
        ? `importazione da ${format}`
        : `import from ${format}`
      : source === 'manual'
        ? locale === 'it'
          ? 'inserimento manuale'
          : 'added by hand'
        : source === 'demo'
          ? locale === 'it'
            ? 'rete di prova'
            : 'demo network'
          : source;
  const d = at === null ? null : new Date(at);
  if (d === null || Number.isNaN(d.getTime())) return what;
  return `${what}, ${d.getUTCDate()} ${MONTHS[locale][d.getUTCMonth()] as string} ${d.getUTCFullYear()}`;
}

const same = (x: string | null, y: string | null): boolean => sortKey(x ?? '') === sortKey(y ?? '');
const joinText = (...parts: Array<string | null>): string | null => {
  const kept: string[] = [];
  for (const p of parts) {
    const t = p?.trim();
    if (t && !kept.some((k) => same(k, t))) kept.push(t);
  }
  return kept.length > 0 ? kept.join('\n\n') : null;
};

export interface MergeOptions {
  /** Called between the steps, inside the transaction; throwing rolls the merge back (tests use it). */
  onStep?: ((step: string) => void | Promise<void>) | undefined;
}

/**
 * Which of two people who are one keeps the name (and id): the fuller name ("Barbara Neri" over
 * "Barbie", "Elisabetta Gallo" over "Betta Gallo": more words, then more letters); negative when
 * `a` should be kept, 0 when neither is fuller.
 */
export function fullerName(a: string, b: string): number {
  const wa = nameTokens(a);
  const wb = nameTokens(b);
  if (wa.length !== wb.length) return wb.length - wa.length;
  const la = wa.join('').length;
  const lb = wb.join('').length;
  return lb - la;
}

/** What the kept person's row becomes. */
function mergedRow(keep: Person, other: Person, locale: Locale): Partial<PeopleTable> {
  const L = LABELS[locale];
  const patch: Partial<PeopleTable> = {};
  const conflicts: string[] = [];
  // A name that is more than the same words in another order is kept as "also known as".
  const words = (n: string) => [...nameTokens(n)].sort().join(' ');
  if (words(keep.name) !== words(other.name)) conflicts.push(`${L.name} ${other.name}`);
  for (const f of SCALARS) {
    const mine = keep[f] ?? null;
    const theirs = other[f] ?? null;
    if (theirs === null || theirs.trim() === '') continue;
    if (mine === null || mine.trim() === '') patch[f] = theirs;
    else if (!same(mine, theirs)) conflicts.push(`${L[f]} ${f === 'birthday' ? formatBirthday(theirs, locale) : theirs}`);
  }
  if (keep.language === null && other.language !== null) patch.language = other.language;
  const closing = conflicts.length > 0 ? `${L.merged} ${other.name}: ${conflicts.join('; ')}.` : null;
  const notes = joinText(keep.notes, other.notes, closing);
  if (notes !== keep.notes) patch.notes = notes;

  // "Introduced by": the kept one's, else the other's; never one of the two themselves.
  const introducer = [keep.introduced_by_id, other.introduced_by_id].find((x) => x !== null && x !== keep.id && x !== other.id);
  if ((introducer ?? null) !== keep.introduced_by_id) patch.introduced_by_id = introducer ?? null;

  // Privacy: the kept basis (else the other's); both notes; the earliest source, the other noted.
  if (keep.legal_basis === null && other.legal_basis !== null) patch.legal_basis = other.legal_basis;
  const privacyLines: Array<string | null> = [keep.legal_basis_note, other.legal_basis_note];
  if (keep.legal_basis !== null && other.legal_basis !== null && keep.legal_basis !== other.legal_basis)
    privacyLines.push(`${L.merged} ${other.name}: ${other.legal_basis}`);
  const keepFirst = keep.source_at === null ? false : other.source_at === null || keep.source_at <= other.source_at;
  const [first, second] = keepFirst || other.source === null ? [keep, other] : [other, keep];
  if (first !== keep) {
    patch.source = first.source;
    patch.source_at = first.source_at;
  }
  if (second.source !== null && (second.source !== first.source || second.source_at !== first.source_at))
    privacyLines.push(`${L.alsoFrom} ${sourceWords(second.source, second.source_at, locale)}`);
  const legalNote = joinText(...privacyLines);
  if (legalNote !== keep.legal_basis_note) patch.legal_basis_note = legalNote;
  return patch;
}

/** Merges `otherId` into `keepId` and deletes `otherId`; answers the merged person. */
export async function mergePeople(
  deps: Deps,
  ownerId: string,
  keepId: string,
  otherId: string,
  opts: MergeOptions = {},
): Promise<PersonDetail> {
  if (keepId === otherId)
    throw badRequest('A person cannot be merged with themselves', [{ path: 'otherId', message: 'same person' }]);
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    // Serialises writers of this network before reading (as imports do).
    await lockNetwork(tx, ownerId);
    const locale = await userLocale(tx, ownerId);
    await mergeWithin(tx, ownerId, keepId, otherId, { locale, now, onStep: opts.onStep });
  });
  return getPerson(deps, ownerId, keepId);
}

export interface MergeContext {
  /** The owner's language, for the lines written into the kept person's notes. */
  locale: Locale;
  /** ISO timestamp of the change. */
  now: string;
  onStep?: MergeOptions['onStep'];
}

/**
 * The merge itself, inside a transaction the caller opened after locking the network (see
 * `lockNetwork` in network/changes.ts): the merge of the Duplicates page and the people an import finds to be one.
 * Records the change (the merged-away id included) in the change log.
 */
export async function mergeWithin(
  tx: Executor,
  ownerId: string,
  keepId: string,
  otherId: string,
  ctx: MergeContext,
): Promise<void> {
  const step = async (name: string) => ctx.onStep?.(name);
  const now = ctx.now;
  const [keep, other] = await Promise.all([people.findPerson(tx, ownerId, keepId), people.findPerson(tx, ownerId, otherId)]);
  if (!keep || !other) throw notFound();
  if (other.is_self === 1) throw conflict('Your own profile cannot be merged away; merge the other person into it');
  const touched = new Set<string>([keepId, otherId]);

  // Channels: the other's that the kept one lacks move over, after the kept ones.
  const [mine, theirs] = await Promise.all([
    repo.channelsOfPerson(tx, ownerId, keepId),
    repo.channelsOfPerson(tx, ownerId, otherId),
  ]);
  const have = new Set(mine.map((c) => `${c.kind}|${c.normalized}`));
  const next = { email: 0, phone: 0, link: 0 };
  for (const c of mine) next[c.kind] = Math.max(next[c.kind], c.position + 1);
  for (const c of theirs) {
    const key = `${c.kind}|${c.normalized}`;
    if (have.has(key)) continue;
    have.add(key);
    await repo.moveChannel(tx, ownerId, c.id, keepId, next[c.kind]++);
  }
  await step('channels');

  const myTags = new Set((await repo.tagsOfPerson(tx, ownerId, keepId)).map((t) => t.tag));
  const theirTags = (await repo.tagsOfPerson(tx, ownerId, otherId)).map((t) => t.tag).filter((t) => !myTags.has(t));
  await repo.insertTags(tx, ownerId, keepId, theirTags);
  await step('tags');

  await repo.movePersonRows(tx, ownerId, otherId, keepId);
  await step('items');

  // Relationships: re-pointed; one between the two goes; one with a third person the kept one
  // already knows collapses into the stronger tie.
  const [myRels, theirRels] = await Promise.all([
    repo.relationshipsOfPerson(tx, ownerId, keepId),
    repo.relationshipsOfPerson(tx, ownerId, otherId),
  ]);
  const thirdOf = (r: { person_a_id: string; person_b_id: string }, me: string) =>
    r.person_a_id === me ? r.person_b_id : r.person_a_id;
  const myByThird = new Map(myRels.filter((r) => thirdOf(r, keepId) !== otherId).map((r) => [thirdOf(r, keepId), r]));
  for (const r of theirRels) {
    const third = thirdOf(r, otherId);
    touched.add(third);
    if (third === keepId) {
      await repo.deleteRelationship(tx, ownerId, r.id);
      continue;
    }
    const existing = myByThird.get(third);
    if (existing) {
      await repo.deleteRelationship(tx, ownerId, r.id);
      const strength = Math.max(existing.strength, r.strength);
      const note = joinText(
        existing.strength >= r.strength ? existing.note : r.note,
        existing.strength >= r.strength ? r.note : existing.note,
      );
      if (strength !== existing.strength || note !== existing.note)
        await repo.updateRelationship(tx, ownerId, existing.id, { strength, note, updated_at: now });
      continue;
    }
    const [a, b] = keepId < third ? [keepId, third] : [third, keepId];
    await repo.updateRelationship(tx, ownerId, r.id, { person_a_id: a, person_b_id: b, updated_at: now });
  }
  await step('relationships');

  for (const id of await repo.repointIntroducer(tx, ownerId, otherId, keepId)) touched.add(id);
  await repo.repointOtherFeatures(tx, ownerId, otherId, keepId);
  const patch = mergedRow(keep, other, ctx.locale);
  await people.updatePerson(tx, ownerId, keepId, { ...patch, updated_at: now });
  await step('person');

  await repo.deleteMerged(tx, ownerId, otherId);
  await recordChange(tx, ownerId, [...touched]);
  await step('done');
}
