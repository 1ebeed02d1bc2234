/**
 * The give ledger: gives (to one or more of my contacts, optionally answering a need, which can be
 * closed from here), their outcomes, and the business passed to me with who referred it. An
 * introduction sent through Rete records its give here itself (`recordIntroGive`), and a contact who
 * agrees to make an introduction I asked them for is recorded as received (`recordIntroReceived`).
 */
import type {
  CreateGiveBody,
  CreateOutcomeBody,
  CreateReceivedBody,
  Give,
  ListGivesQuery,
  ListReceivedQuery,
  Outcome,
  Received,
  UpdateGiveBody,
  UpdateReceivedBody,
} from '#shared/api/ledger.ts';
import type { Executor } from '../../db/db.ts';
import { badRequest, internal, notFound } from '../../lib/errors.ts';
import { fromCursor, toCursor } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import type { Deps } from '../../deps.ts';
import { recordChange } from '../network/changes.ts';
import * as people from '../people/people.repo.ts';
import * as repo from './ledger.repo.ts';

export const today = (deps: Deps): string => deps.now().toISOString().slice(0, 10);

const toOutcome = (o: repo.OutcomeRow): Outcome => ({
  id: o.id,
  giveId: o.give_id,
  kind: o.kind,
  date: o.occurred_on,
  value: o.value_cents !== null && o.currency ? { amountCents: Number(o.value_cents), currency: o.currency } : null,
  note: o.note,
  createdAt: o.created_at,
});

/** Gives with their recipients, need, intro and outcomes, in a few queries for any number of gives. */
async function toGives(db: Executor, ownerId: string, rows: repo.GiveRow[]): Promise<Give[]> {
  const ids = rows.map((r) => r.id);
  const [recipients, outcomes, needs, intros] = await Promise.all([
    repo.recipientsOf(db, ownerId, ids),
    repo.outcomesOf(db, ownerId, ids),
    repo.needsByIds(db, ownerId, [...new Set(rows.flatMap((r) => (r.need_id ? [r.need_id] : [])))]),
    repo.introStatuses(db, ownerId, [...new Set(rows.flatMap((r) => (r.intro_id ? [r.intro_id] : [])))]),
  ]);
  const needMap = new Map(needs.map((n) => [n.id, n]));
  const introMap = new Map(intros.map((i) => [i.id, i]));
  return rows.map((r) => {
    const need = r.need_id ? needMap.get(r.need_id) : undefined;
    const intro = r.intro_id ? introMap.get(r.intro_id) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      date: r.given_on,
      description: r.description,
      recipients: recipients.filter((p) => p.give_id === r.id).map((p) => ({ id: p.id, name: p.name })),
      need: need ? { id: need.id, personId: need.person_id, text: need.text, status: need.status } : null,
      intro: intro ? { id: intro.id, status: intro.status } : null,
      outcomes: outcomes.filter((o) => o.give_id === r.id).map(toOutcome),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function getGive(deps: Deps, ownerId: string, id: string): Promise<Give> {
  const row = await repo.findGive(deps.db, ownerId, id);
  if (!row) throw notFound();
  const [give] = await toGives(deps.db, ownerId, [row]);
  if (!give) throw notFound();
  return give;
}

async function checkRecipients(tx: Executor, ownerId: string, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const rows = await people.selfFlags(tx, ownerId, unique);
  if (rows.length !== unique.length) {
    throw badRequest('A recipient is not one of your contacts', [{ path: 'recipientIds', message: 'unknown contact' }]);
  }
  if (rows.some((r) => r.is_self === 1)) {
    throw badRequest('A give goes to others, not to yourself', [{ path: 'recipientIds', message: 'that is you' }]);
  }
}

/** Checks that the need is the owner's; with `close`, marks it satisfied (and tells the network views). */
async function linkNeed(tx: Executor, deps: Deps, ownerId: string, needId: string, close: boolean): Promise<void> {
  const need = await people.findItem(tx, 'needs', ownerId, needId);
  if (!need) throw badRequest('The need is not one of your contacts’ needs', [{ path: 'needId', message: 'unknown need' }]);
  if (close && need.status !== 'satisfied') {
    const now = deps.now().toISOString();
    await people.updateItem(tx, 'needs', ownerId, needId, { status: 'satisfied', closed_at: now, updated_at: now });
    await recordChange(tx, ownerId, [need.person_id]);
  }
}

export async function createGive(deps: Deps, ownerId: string, input: CreateGiveBody): Promise<Give> {
  const id = newId();
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await checkRecipients(tx, ownerId, input.recipientIds);
    if (input.needId) await linkNeed(tx, deps, ownerId, input.needId, input.closeNeed === true);
    else if (input.closeNeed) throw badRequest('closeNeed needs a needId', [{ path: 'closeNeed', message: 'no need given' }]);
    await repo.insertGive(tx, {
      id,
      owner_id: ownerId,
      kind: input.kind,
      given_on: input.date ?? today(deps),
      description: input.description,
      need_id: input.needId ?? null,
      intro_id: null,
      created_at: now,
      updated_at: now,
    });
    await repo.setRecipients(tx, ownerId, id, input.recipientIds, true);
  });
  return getGive(deps, ownerId, id);
}

/**
 * The give of an introduction whose first request was just delivered (or placed in the outbox):
 * to the sides that are not me, on the day it was delivered. In the caller's transaction.
 */
export async function recordIntroGive(
  tx: Executor,
  deps: Deps,
  ownerId: string,
  intro: { id: string; description: string; recipientIds: string[]; on: string },
): Promise<string> {
  const id = newId();
  const now = deps.now().toISOString();
  await repo.insertGive(tx, {
    id,
    owner_id: ownerId,
    kind: 'introduction',
    given_on: intro.on,
    description: intro.description.slice(0, 2_000),
    need_id: null,
    intro_id: intro.id,
    created_at: now,
    updated_at: now,
  });
  await repo.setRecipients(tx, ownerId, id, intro.recipientIds, true);
  return id;
}

/**
 * The help of a contact who agreed to make an introduction I asked them for: received, kind
 * `introduction`, referred by them, on the day they answered. In the caller's transaction.
 */
export async function recordIntroReceived(
  tx: Executor,
  deps: Deps,
  ownerId: string,
  r: { askId: string; viaPersonId: string; description: string; on: string },
): Promise<string> {
  const id = newId();
  const now = deps.now().toISOString();
  await repo.insertReceived(tx, {
    id,
    owner_id: ownerId,
    kind: 'introduction',
    ask_id: r.askId,
    received_on: r.on,
    description: r.description.slice(0, 2_000),
    referred_by_id: r.viaPersonId,
    value_cents: null,
    currency: null,
    created_at: now,
    updated_at: now,
  });
  return id;
}

export async function updateGive(deps: Deps, ownerId: string, id: string, input: UpdateGiveBody): Promise<Give> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await repo.findGive(tx, ownerId, id);
    if (!row) throw notFound();
    const patch: Parameters<typeof repo.updateGive>[3] = { updated_at: deps.now().toISOString() };
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.date !== undefined) patch.given_on = input.date;
    if (input.description !== undefined) patch.description = input.description;
    if (input.needId !== undefined) patch.need_id = input.needId;
    const needId = input.needId === undefined ? row.need_id : input.needId;
    if (needId && (input.needId !== undefined || input.closeNeed)) {
      await linkNeed(tx, deps, ownerId, needId, input.closeNeed === true);
    } else if (input.closeNeed && !needId) {
      throw badRequest('closeNeed needs a needId', [{ path: 'closeNeed', message: 'no need linked' }]);
    }
    if (input.recipientIds) {
      await checkRecipients(tx, ownerId, input.recipientIds);
      await repo.setRecipients(tx, ownerId, id, input.recipientIds);
    }
    await repo.updateGive(tx, ownerId, id, patch);
  });
  return getGive(deps, ownerId, id);
}

export async function deleteGive(deps: Deps, ownerId: string, id: string): Promise<void> {
  const r = await repo.deleteGive(deps.db, ownerId, id);
  if (Number(r.numDeletedRows) !== 1) throw notFound();
}

interface Cursor {
  date: string;
  id: string;
}

const encodeCursor = (c: Cursor): string => toCursor([c.date, c.id]);

function decodeCursor(s: string | undefined): Cursor | undefined {
  if (s === undefined) return undefined;
  const v = fromCursor(s, ['string', 'string']);
  if (v) return { date: v[0], id: v[1] };
  throw badRequest('The cursor is not valid', [{ path: 'cursor', message: 'invalid cursor' }]);
}

export async function listGives(
  deps: Deps,
  ownerId: string,
  q: ListGivesQuery,
): Promise<{ items: Give[]; nextCursor: string | null }> {
  const rows = await repo.listGives(deps.db, ownerId, {
    kind: q.kind,
    personId: q.personId,
    from: q.from,
    to: q.to,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await toGives(deps.db, ownerId, page),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ date: last.given_on, id: last.id }) : null,
  };
}

// --- outcomes ----------------------------------------------------------------------------

export async function addOutcome(deps: Deps, ownerId: string, giveId: string, input: CreateOutcomeBody): Promise<Outcome> {
  if (input.value && input.kind !== 'business') {
    throw badRequest('Only a business outcome has a value', [{ path: 'value', message: 'only for kind business' }]);
  }
  const id = newId();
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const give = await repo.findGive(tx, ownerId, giveId);
    if (!give) throw notFound();
    if (input.kind === 'need_satisfied' && input.closeNeed !== false && give.need_id) {
      await linkNeed(tx, deps, ownerId, give.need_id, true);
    } else if (input.closeNeed && !give.need_id) {
      throw badRequest('This give answers no need', [{ path: 'closeNeed', message: 'no need linked' }]);
    }
    await repo.insertOutcome(tx, {
      id,
      owner_id: ownerId,
      give_id: giveId,
      kind: input.kind,
      occurred_on: input.date ?? today(deps),
      value_cents: input.value?.amountCents ?? null,
      currency: input.value?.currency ?? null,
      note: input.note?.trim() || null,
      created_at: now,
    });
    await repo.updateGive(tx, ownerId, giveId, { updated_at: now });
  });
  const row = await repo.findOutcome(deps.db, ownerId, id);
  if (!row) throw internal('outcome vanished');
  return toOutcome(row);
}

export async function deleteOutcome(deps: Deps, ownerId: string, id: string): Promise<void> {
  const r = await repo.deleteOutcome(deps.db, ownerId, id);
  if (Number(r.numDeletedRows) !== 1) throw notFound();
}

// --- business received -------------------------------------------------------------------

type ReceivedWithName = repo.ReceivedRow & { referrer_name: string | null };

const toReceived = (r: ReceivedWithName): Received => ({
  id: r.id,
  kind: r.kind ?? 'business',
  askId: r.ask_id ?? null,
  date: r.received_on,
  description: r.description,
  referredBy: r.referred_by_id && r.referrer_name !== null ? { id: r.referred_by_id, name: r.referrer_name } : null,
  value: r.value_cents !== null && r.currency ? { amountCents: Number(r.value_cents), currency: r.currency } : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

async function checkReferrer(tx: Executor, ownerId: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const p = await people.findPerson(tx, ownerId, id);
  if (!p) throw badRequest('The referrer is not one of your contacts', [{ path: 'referredById', message: 'unknown contact' }]);
  if (p.is_self === 1)
    throw badRequest('You cannot refer business to yourself', [{ path: 'referredById', message: 'that is you' }]);
}

export async function getReceived(deps: Deps, ownerId: string, id: string): Promise<Received> {
  const row = await repo.findReceived(deps.db, ownerId, id);
  if (!row) throw notFound();
  const p = row.referred_by_id ? await people.findPerson(deps.db, ownerId, row.referred_by_id) : undefined;
  return toReceived({ ...row, referrer_name: p?.name ?? null });
}

export async function createReceived(deps: Deps, ownerId: string, input: CreateReceivedBody): Promise<Received> {
  const id = newId();
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await checkReferrer(tx, ownerId, input.referredById);
    await repo.insertReceived(tx, {
      id,
      owner_id: ownerId,
      received_on: input.date ?? today(deps),
      description: input.description,
      referred_by_id: input.referredById ?? null,
      value_cents: input.value?.amountCents ?? null,
      currency: input.value?.currency ?? null,
      created_at: now,
      updated_at: now,
    });
  });
  return getReceived(deps, ownerId, id);
}

export async function updateReceived(deps: Deps, ownerId: string, id: string, input: UpdateReceivedBody): Promise<Received> {
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repo.findReceived(tx, ownerId, id))) throw notFound();
    await checkReferrer(tx, ownerId, input.referredById);
    const patch: Parameters<typeof repo.updateReceived>[3] = { updated_at: deps.now().toISOString() };
    if (input.date !== undefined) patch.received_on = input.date;
    if (input.description !== undefined) patch.description = input.description;
    if (input.referredById !== undefined) patch.referred_by_id = input.referredById;
    if (input.value !== undefined) {
      patch.value_cents = input.value?.amountCents ?? null;
      patch.currency = input.value?.currency ?? null;
    }
    await repo.updateReceived(tx, ownerId, id, patch);
  });
  return getReceived(deps, ownerId, id);
}

export async function deleteReceived(deps: Deps, ownerId: string, id: string): Promise<void> {
  const r = await repo.deleteReceived(deps.db, ownerId, id);
  if (Number(r.numDeletedRows) !== 1) throw notFound();
}

export async function listReceived(deps: Deps, ownerId: string, q: ListReceivedQuery) {
  const rows = await repo.listReceived(deps.db, ownerId, {
    from: q.from,
    to: q.to,
    before: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toReceived),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ date: last.received_on, id: last.id }) : null,
  };
}
