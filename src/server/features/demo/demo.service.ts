import type { DemoLoaded, DemoRemoved, DemoStatus } from '#shared/api/demo.ts';
import type { ItemStatus } from '#shared/api/values.ts';
import type { GiveKind, OutcomeKind, PeopleTable } from '../../db/schema.ts';
import { conflict } from '../../lib/errors.ts';
import { newId, newRowId } from '../../lib/ids.ts';
import { findUserById } from '../auth/auth.repo.ts';
import type { Deps } from '../../deps.ts';
import { detectTextLanguage } from '../matching/engine/lang.ts';
import { recordChange } from '../network/changes.ts';
import * as people from '../people/people.repo.ts';
import { DEMO_SOURCE, normalizeChannel, sortKey } from '../people/people.service.ts';
import { erasePeopleRows } from '../privacy/privacy.repo.ts';
import * as repo from './demo.repo.ts';
import { buildDemoNetwork, daysAgoToIso } from './demo-network.ts';

const day = (iso: string): string => iso.slice(0, 10);

/**
 * Writes the demo network into an account in one transaction: its people (marked as demo people),
 * their relationships, timelines, needs and offers, and a short ledger of gives to them with what
 * came back, written in the user's language. The user's own profile ("Me") is never touched.
 * Refused when the account already has contacts, so that a second click never doubles a network.
 */
export async function loadDemo(deps: Deps, ownerId: string): Promise<DemoLoaded> {
  const now = deps.now();
  const net = buildDemoNetwork(now);
  const stamp = now.toISOString();
  return deps.db.transaction().execute(async (tx) => {
    if (await repo.hasContacts(tx, ownerId)) {
      throw conflict('The demo network can only be loaded into an empty network');
    }
    const user = await findUserById(tx, ownerId);
    const lang = user?.locale ?? 'en';
    const ids = new Map(net.people.map((p) => [p.key, newId()]));
    const idOf = (key: string): string => {
      const id = ids.get(key);
      if (!id) throw new Error(`demo network refers to unknown person ${key}`);
      return id;
    };
    const item = (personId: string, text: string, status: ItemStatus, createdAt: string) => ({
      id: newId(),
      owner_id: ownerId,
      person_id: personId,
      text,
      language: detectTextLanguage(text),
      status,
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: status === 'open' ? null : createdAt,
    });

    const rows: PeopleTable[] = [];
    const channels: people.ChannelInsert[] = [];
    const tags: Array<{ owner_id: string; person_id: string; tag: string }> = [];
    const needs: people.ItemInsert[] = [];
    const offers: people.ItemInsert[] = [];
    const interactions: Parameters<typeof repo.insertInteractions>[1] = [];
    const needIds = new Map<string, Array<{ id: string; text: string }>>();
    for (const p of net.people) {
      const id = idOf(p.key);
      const created = daysAgoToIso(now, Math.max(30, ...p.timeline.map((t) => t.daysAgo), ...p.offers.map((o) => o.daysAgo)));
      rows.push({
        id,
        owner_id: ownerId,
        is_self: 0,
        name: p.name,
        sort_name: sortKey(p.name),
        ...people.personDetails(p),
        how_met: p.howMet,
        birthday: p.birthday,
        introduced_by_id: null,
        created_at: created,
        updated_at: stamp,
        legal_basis: null,
        legal_basis_note: null,
        source: DEMO_SOURCE,
        source_at: stamp,
      });
      const list = [
        ...p.emails.map((value) => ({ kind: 'email' as const, value })),
        ...p.phones.map((value) => ({ kind: 'phone' as const, value })),
        ...p.links.map((value) => ({ kind: 'link' as const, value })),
      ];
      list.forEach((c, position) =>
        channels.push({
          id: newRowId(),
          owner_id: ownerId,
          person_id: id,
          kind: c.kind,
          value: c.value,
          label: null,
          normalized: normalizeChannel(c.kind, c.value),
          position,
        }),
      );
      for (const tag of new Set(p.tags)) tags.push({ owner_id: ownerId, person_id: id, tag });
      for (const n of p.needs) {
        const row = item(id, n.text, n.status, daysAgoToIso(now, n.daysAgo));
        needs.push(row);
        needIds.set(p.key, [...(needIds.get(p.key) ?? []), { id: row.id, text: n.text }]);
      }
      for (const o of p.offers) offers.push(item(id, o.text, 'open', daysAgoToIso(now, o.daysAgo)));
      for (const t of p.timeline) {
        interactions.push({
          id: newId(),
          owner_id: ownerId,
          person_id: id,
          kind: t.kind,
          occurred_at: daysAgoToIso(now, t.daysAgo),
          summary: t.summary,
          created_at: stamp,
        });
      }
    }
    await people.insertPeople(tx, rows);
    await repo.setIntroducers(
      tx,
      ownerId,
      net.people.flatMap((p) => (p.introducedByKey ? [{ id: idOf(p.key), by: idOf(p.introducedByKey) }] : [])),
    );
    await people.insertChannels(tx, channels);
    await people.insertTags(tx, tags);
    await people.insertItems(tx, 'needs', needs);
    await people.insertItems(tx, 'offers', offers);
    await repo.insertInteractions(tx, interactions);

    const seen = new Set<string>();
    const relationships: Parameters<typeof repo.insertRelationships>[1] = [];
    for (const r of net.relationships) {
      const [a, b] = [idOf(r.a), idOf(r.b)].sort() as [string, string];
      if (a === b || seen.has(`${a}|${b}`)) continue;
      seen.add(`${a}|${b}`);
      relationships.push({
        id: newId(),
        owner_id: ownerId,
        person_a_id: a,
        person_b_id: b,
        strength: r.strength,
        note: r.note,
        created_at: stamp,
        updated_at: stamp,
      });
    }
    await repo.insertRelationships(tx, relationships);

    const ledger: Parameters<typeof repo.insertLedger>[1] = { gives: [], recipients: [], outcomes: [], received: [] };
    for (const g of net.gives) {
      const giveId = newId();
      const need = g.need ? needIds.get(g.need.person)?.find((n) => n.text.startsWith(g.need?.startsWith ?? '')) : undefined;
      if (g.need && !need) throw new Error(`demo give refers to an unknown need of ${g.need.person}`);
      const at = daysAgoToIso(now, g.daysAgo);
      ledger.gives.push({
        id: giveId,
        owner_id: ownerId,
        kind: g.kind satisfies GiveKind,
        given_on: day(at),
        description: g.description[lang],
        need_id: need?.id ?? null,
        intro_id: null,
        created_at: at,
        updated_at: at,
      });
      for (const key of g.recipients) ledger.recipients.push({ give_id: giveId, owner_id: ownerId, person_id: idOf(key) });
      for (const o of g.outcomes) {
        const oAt = daysAgoToIso(now, o.daysAgo);
        ledger.outcomes.push({
          id: newId(),
          owner_id: ownerId,
          give_id: giveId,
          kind: o.kind satisfies OutcomeKind,
          occurred_on: day(oAt),
          value_cents: o.valueCents,
          currency: o.valueCents === null ? null : 'EUR',
          note: o.note ? o.note[lang] : null,
          created_at: oAt,
        });
      }
    }
    for (const r of net.received) {
      const at = daysAgoToIso(now, r.daysAgo);
      ledger.received.push({
        id: newId(),
        owner_id: ownerId,
        received_on: day(at),
        description: r.description[lang],
        referred_by_id: idOf(r.referredBy),
        value_cents: r.valueCents,
        currency: 'EUR',
        created_at: at,
        updated_at: at,
      });
    }
    await repo.insertLedger(tx, ledger);
    await recordChange(tx, ownerId, [...ids.values()]);
    return { people: net.people.length, relationships: relationships.length, gives: ledger.gives.length };
  });
}

export async function demoStatus(deps: Deps, ownerId: string): Promise<DemoStatus> {
  return { people: (await repo.demoPeopleIds(deps.db, ownerId)).length };
}

/**
 * Removes the demo network in one transaction: every demo person, erased as a contact is erased
 * (channels, tags, needs, offers, timeline, relationships, "introduced by" references), and
 * everything of the account that refers to them (introductions with their emails, gives that went
 * only to them, business they referred). The user's own profile and their other contacts stay.
 */
export async function removeDemo(deps: Deps, ownerId: string): Promise<DemoRemoved> {
  return deps.db.transaction().execute(async (tx) => {
    // Serialises with other writers of this network before reading what to remove.
    await recordChange(tx, ownerId, []);
    const ids = await repo.demoPeopleIds(tx, ownerId);
    if (ids.length === 0) return { people: 0, intros: 0, messages: 0, gives: 0, received: 0 };
    const removed = await repo.removeReferencesTo(tx, ownerId, ids);
    const touched = await erasePeopleRows(tx, ownerId, ids);
    await recordChange(tx, ownerId, [...ids, ...touched]);
    return { people: ids.length, ...removed };
  });
}
