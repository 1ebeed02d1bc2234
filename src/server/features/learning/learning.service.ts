import type {
  ConceptRef,
  Feedback,
  FeedbackBody,
  TaughtWord,
  TaughtWordBody,
  UpdateTaughtWordBody,
} from '#shared/api/learning.ts';
import type { Executor } from '../../db/db.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Deps } from '../auth/auth.service.ts';
import type { ReteLearnt } from '../import/json.ts';
import { MatchEngine } from '../matching/engine/index.ts';
import { askKey, Learning, meaningOf, parseIds, phraseKey } from './learn.ts';
import * as repo from './learning.repo.ts';

let shared: MatchEngine | null = null;
/** An empty engine: its catalogue and analysis are all that learning needs (the same as every index's). */
export function analyzer(): MatchEngine {
  if (!shared) shared = new MatchEngine();
  return shared;
}

/** Everything the Value Finder learnt from this user, for one request. */
export async function loadLearning(db: Executor, ownerId: string): Promise<Learning> {
  const [feedback, taught] = await Promise.all([repo.allFeedback(db, ownerId), repo.allTaught(db, ownerId)]);
  return new Learning(analyzer(), feedback, taught);
}

// --- concepts ---------------------------------------------------------------------------------

const conceptRef = (id: string): ConceptRef | null => {
  const cat = analyzer().catalogue;
  const idx = cat.byId.get(id);
  const c = idx === undefined ? undefined : cat.concepts[idx];
  return c ? { id: c.id, labelIt: c.labelIt, labelEn: c.labelEn } : null;
};

/** Every concept of the catalogue, by English label. */
export function listConcepts(): ConceptRef[] {
  return analyzer()
    .catalogue.concepts.map((c) => ({ id: c.id, labelIt: c.labelIt, labelEn: c.labelEn }))
    .sort((a, b) => a.labelEn.localeCompare(b.labelEn, 'en') || a.id.localeCompare(b.id));
}

// --- feedback ---------------------------------------------------------------------------------

const TABLE = { need: 'needs', offer: 'offers' } as const;

async function toFeedback(db: Executor, ownerId: string, rows: repo.FeedbackRow[]): Promise<Feedback[]> {
  const ids = (kind: 'need' | 'offer') => rows.filter((r) => r.item_kind === kind).map((r) => r.item_key);
  const [needs, offers, names] = await Promise.all([
    repo.itemTexts(db, ownerId, 'needs', ids('need')),
    repo.itemTexts(db, ownerId, 'offers', ids('offer')),
    repo.peopleNames(
      db,
      ownerId,
      rows.map((r) => r.person_id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    itemKind: r.item_kind,
    itemId: r.item_kind === 'ask' ? null : r.item_key,
    itemText: r.item_kind === 'ask' ? r.ask_text : ((r.item_kind === 'need' ? needs : offers).get(r.item_key) ?? null),
    person: { id: r.person_id, name: names.get(r.person_id) ?? '' },
    verdict: r.verdict,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function listFeedback(deps: Deps, ownerId: string): Promise<Feedback[]> {
  return toFeedback(deps.db, ownerId, await repo.allFeedback(deps.db, ownerId));
}

/**
 * Marks a suggestion: the pair (what was asked, the person suggested) gets this verdict, replacing
 * an earlier one. The ask's concepts are kept with it, read with the user's own words, so that the
 * verdict also weighs on similar asks. A need, offer or person of someone else is not found (404).
 */
export async function setFeedback(deps: Deps, ownerId: string, body: FeedbackBody): Promise<Feedback> {
  return deps.db.transaction().execute(async (tx) => {
    if (body.itemKind === 'ask' ? body.ask === undefined : body.itemId === undefined)
      throw badRequest('Give itemId for a need or an offer, ask for a typed need', [
        { path: body.itemKind === 'ask' ? 'ask' : 'itemId', message: 'required' },
      ]);
    if (body.itemKind === 'ask' ? body.itemId !== undefined : body.ask !== undefined)
      throw badRequest('Give itemId for a need or an offer, ask for a typed need', [
        { path: body.itemKind === 'ask' ? 'itemId' : 'ask', message: `not for ${body.itemKind}` },
      ]);
    const names = await repo.peopleNames(tx, ownerId, [body.personId]);
    if (!names.has(body.personId)) throw notFound();
    let key: string;
    let text: string;
    if (body.itemKind === 'ask') {
      text = body.ask ?? '';
      key = askKey(text);
      if (key === '') throw badRequest('The ask has no words', [{ path: 'ask', message: 'no words' }]);
    } else {
      const item = await repo.findItem(tx, ownerId, TABLE[body.itemKind], body.itemId ?? '');
      if (!item) throw notFound();
      key = item.id;
      text = item.text;
    }
    const learning = await loadLearning(tx, ownerId);
    const concepts = JSON.stringify(learning.conceptsOf(learning.expand(text).text));
    const stamp = deps.now().toISOString();
    const ask = body.itemKind === 'ask' ? text : null;
    const prev = await repo.findPair(tx, ownerId, body.itemKind, key, body.personId);
    let id: string;
    if (prev) {
      id = prev.id;
      await repo.updateFeedback(tx, ownerId, id, { verdict: body.verdict, concepts, updated_at: stamp, ask_text: ask });
    } else {
      id = newId();
      await repo.insertFeedback(tx, {
        id,
        owner_id: ownerId,
        item_kind: body.itemKind,
        item_key: key,
        ask_text: ask,
        person_id: body.personId,
        verdict: body.verdict,
        concepts,
        created_at: stamp,
        updated_at: stamp,
      });
    }
    const row = await repo.findFeedback(tx, ownerId, id);
    if (!row) throw notFound();
    const [out] = await toFeedback(tx, ownerId, [row]);
    return out as Feedback;
  });
}

/** Takes a verdict back: the person may be suggested again for that ask. */
export async function deleteFeedback(deps: Deps, ownerId: string, id: string): Promise<void> {
  const r = await repo.deleteFeedback(deps.db, ownerId, id);
  if (Number(r.numDeletedRows) === 0) throw notFound();
}

// --- taught words -----------------------------------------------------------------------------

function validConcepts(ids: readonly string[]): string[] {
  const out: string[] = [];
  ids.forEach((id, i) => {
    if (!conceptRef(id)) throw badRequest('Unknown concept', [{ path: `concepts.${i}`, message: `no concept ${id}` }]);
    if (!out.includes(id)) out.push(id);
  });
  return out;
}

function toTaught(r: repo.TaughtRow): TaughtWord {
  const concepts = parseIds(r.concepts)
    .map(conceptRef)
    .filter((c): c is ConceptRef => c !== null);
  const understood = [...concepts];
  if (r.words.trim())
    for (const id of analyzer()
      .analyzeText(r.words)
      .concepts.map((c) => c.id)) {
      const c = conceptRef(id);
      if (c && !understood.some((u) => u.id === id)) understood.push(c);
    }
  return {
    id: r.id,
    phrase: r.phrase,
    words: r.words,
    concepts,
    understood,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listTaught(deps: Deps, ownerId: string): Promise<TaughtWord[]> {
  return (await repo.allTaught(deps.db, ownerId)).map(toTaught);
}

/** The key of a phrase; a phrase without a letter or digit is refused. */
function checkPhrase(phrase: string): string {
  const key = phraseKey(phrase);
  if (key === '') throw badRequest('The phrase has no words', [{ path: 'phrase', message: 'no words' }]);
  return key;
}

/**
 * Teaches a phrase. A phrase already taught is a conflict (409), unless `replace`: then it gets
 * the new meaning (the command line's `rete teach`).
 */
export async function teach(
  deps: Deps,
  ownerId: string,
  body: TaughtWordBody,
  opts: { replace?: boolean } = {},
): Promise<{ word: TaughtWord; created: boolean }> {
  const key = checkPhrase(body.phrase);
  if (body.words === '' && body.concepts.length === 0)
    throw badRequest('Say what the phrase means', [{ path: 'words', message: 'words or concepts are needed' }]);
  const concepts = JSON.stringify(validConcepts(body.concepts));
  const stamp = deps.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const prev = await repo.findTaughtByKey(tx, ownerId, key);
    if (prev && !opts.replace) throw conflict('This phrase is already taught: change its meaning instead');
    if (prev) {
      await repo.updateTaught(tx, ownerId, prev.id, { phrase: body.phrase, words: body.words, concepts, updated_at: stamp });
    } else {
      await repo.insertTaught(tx, {
        id: newId(),
        owner_id: ownerId,
        phrase: body.phrase,
        phrase_key: key,
        words: body.words,
        concepts,
        created_at: stamp,
        updated_at: stamp,
      });
    }
    const row = await repo.findTaughtByKey(tx, ownerId, key);
    if (!row) throw notFound();
    return { word: toTaught(row), created: !prev };
  });
}

export async function updateTaught(deps: Deps, ownerId: string, id: string, body: UpdateTaughtWordBody): Promise<TaughtWord> {
  return deps.db.transaction().execute(async (tx) => {
    const prev = await repo.findTaught(tx, ownerId, id);
    if (!prev) throw notFound();
    const patch: Parameters<typeof repo.updateTaught>[3] = { updated_at: deps.now().toISOString() };
    if (body.phrase !== undefined) {
      const key = checkPhrase(body.phrase);
      const other = await repo.findTaughtByKey(tx, ownerId, key);
      if (other && other.id !== id) throw conflict('This phrase is already taught');
      patch.phrase = body.phrase;
      patch.phrase_key = key;
    }
    if (body.words !== undefined) patch.words = body.words;
    if (body.concepts !== undefined) patch.concepts = JSON.stringify(validConcepts(body.concepts));
    const words = patch.words ?? prev.words;
    const concepts = patch.concepts ?? prev.concepts;
    if (words === '' && parseIds(concepts).length === 0)
      throw badRequest('Say what the phrase means', [{ path: 'words', message: 'words or concepts are needed' }]);
    await repo.updateTaught(tx, ownerId, id, patch);
    const row = await repo.findTaught(tx, ownerId, id);
    if (!row) throw notFound();
    return toTaught(row);
  });
}

export async function deleteTaught(deps: Deps, ownerId: string, id: string): Promise<void> {
  const r = await repo.deleteTaught(deps.db, ownerId, id);
  if (Number(r.numDeletedRows) === 0) throw notFound();
}

/** What a taught phrase becomes in an ask (for the command line). */
export function meaningText(word: Pick<TaughtWord, 'words' | 'concepts'>): string {
  return meaningOf(analyzer(), { words: word.words, concepts: JSON.stringify(word.concepts.map((c) => c.id)) });
}

// --- restoring an export ----------------------------------------------------------------------

/** A need's or offer's text as compared when restoring (case, accents and spacing aside). */
const textKey = (text: string): string => askKey(text);

export interface LearntRestore {
  learnt: ReteLearnt;
  /** This account's person for a person id of the file, or null when the file's person is not here. */
  person(fileId: string): string | null;
  /** A need or offer of the file, by its id there: whose it is (the file's person id) and its text. */
  item(kind: 'need' | 'offer', fileId: string): { personFileId: string; text: string } | null;
}

/**
 * Restores what the Value Finder had learnt, after an import of a Rete export wrote its people and
 * their needs and offers: verdicts whose person (and need or offer) are here, and taught words.
 * A need or offer is found again by its person and text (an import gives it a new id). What this
 * account already has (the same pair, the same phrase) stays as it is.
 */
export async function restoreLearnt(tx: Executor, ownerId: string, r: LearntRestore, stamp: string): Promise<void> {
  const { feedback, taughtWords } = r.learnt;
  if (feedback.length === 0 && taughtWords.length === 0) return;
  const [existingFeedback, existingTaught] = await Promise.all([repo.allFeedback(tx, ownerId), repo.allTaught(tx, ownerId)]);
  const pairs = new Set(existingFeedback.map((f) => `${f.item_kind}|${f.item_key}|${f.person_id}`));
  const phrases = new Set(existingTaught.map((t) => t.phrase_key));

  const itemOf = new Map<string, { personId: string; text: string }>();
  for (const f of feedback) {
    if (f.itemKind === 'ask' || !f.itemFileId) continue;
    const it = r.item(f.itemKind, f.itemFileId);
    const personId = it ? r.person(it.personFileId) : null;
    if (it && personId) itemOf.set(`${f.itemKind}|${f.itemFileId}`, { personId, text: it.text });
  }
  const owners = [...new Set([...itemOf.values()].map((i) => i.personId))];
  const [needs, offers] = await Promise.all([
    repo.itemIdsOf(tx, ownerId, 'needs', owners),
    repo.itemIdsOf(tx, ownerId, 'offers', owners),
  ]);
  const idOf = new Map<string, string>();
  for (const [kind, rows] of [
    ['need', needs],
    ['offer', offers],
  ] as const)
    for (const row of rows) {
      const k = `${kind}|${row.person_id}|${textKey(row.text)}`;
      if (!idOf.has(k)) idOf.set(k, row.id);
    }

  const valid = (ids: readonly string[]) => ids.filter((id) => conceptRef(id) !== null);
  for (const f of feedback) {
    const personId = r.person(f.personFileId);
    if (!personId) continue;
    let key: string | undefined;
    if (f.itemKind === 'ask') key = f.ask ? askKey(f.ask) : undefined;
    else {
      const it = itemOf.get(`${f.itemKind}|${f.itemFileId ?? ''}`);
      key = it ? idOf.get(`${f.itemKind}|${it.personId}|${textKey(it.text)}`) : undefined;
    }
    if (!key || pairs.has(`${f.itemKind}|${key}|${personId}`)) continue;
    pairs.add(`${f.itemKind}|${key}|${personId}`);
    const created = f.createdAt ?? stamp;
    await repo.insertFeedback(tx, {
      id: newId(),
      owner_id: ownerId,
      item_kind: f.itemKind,
      item_key: key,
      ask_text: f.itemKind === 'ask' ? f.ask : null,
      person_id: personId,
      verdict: f.verdict,
      concepts: JSON.stringify(valid(f.concepts)),
      created_at: created,
      updated_at: f.updatedAt ?? created,
    });
  }
  for (const t of taughtWords) {
    const key = phraseKey(t.phrase);
    const concepts = valid(t.concepts);
    if (key === '' || phrases.has(key) || (t.words === '' && concepts.length === 0)) continue;
    phrases.add(key);
    const created = t.createdAt ?? stamp;
    await repo.insertTaught(tx, {
      id: newId(),
      owner_id: ownerId,
      phrase: t.phrase,
      phrase_key: key,
      words: t.words,
      concepts: JSON.stringify(concepts),
      created_at: created,
      updated_at: t.updatedAt ?? created,
    });
  }
}
