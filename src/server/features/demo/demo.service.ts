import type { Deps } from '../auth/auth.service.ts';
import { selfPersonId } from '../auth/auth.repo.ts';
import { detectTextLanguage } from '../matching/engine/lang.ts';
import { newId, newRowId } from '../../lib/ids.ts';
import { recordChange } from '../network/changes.ts';
import { normalizeChannel, sortKey } from '../people/people.service.ts';
import { buildDemoNetwork, daysAgoToIso } from './demoNetwork.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Writes the demo network into an account in one transaction. Refused when the account already
 * has contacts, so that a second click never doubles a network.
 */
export async function loadDemo(deps: Deps, ownerId: string): Promise<{ people: number; relationships: number }> {
  const now = deps.now();
  const net = buildDemoNetwork(now);
  const stamp = now.toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('people')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('is_self', '=', 0)
      .limit(1)
      .execute();
    if (existing.length > 0) throw new AppError(409, 'conflict', 'The demo network can only be loaded into an empty network');
    const selfId = await selfPersonId(tx, ownerId);
    const ids = new Map(net.people.map((p) => [p.key, newId()]));
    const idOf = (key: string): string => {
      const id = ids.get(key);
      if (!id) throw new Error(`demo network refers to unknown person ${key}`);
      return id;
    };
    const item = (personId: string, text: string, status: 'open' | 'satisfied', createdAt: string) => ({
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

    for (const p of net.people) {
      const id = idOf(p.key);
      const created = daysAgoToIso(now, Math.max(30, ...p.timeline.map((t) => t.daysAgo), ...p.offers.map((o) => o.daysAgo)));
      await tx
        .insertInto('people')
        .values({
          id,
          owner_id: ownerId,
          is_self: 0,
          name: p.name,
          sort_name: sortKey(p.name),
          company: p.company,
          role: p.role,
          city: p.city,
          country: p.country,
          language: p.language,
          notes: p.notes,
          how_met: p.howMet,
          introduced_by_id: null,
          created_at: created,
          updated_at: stamp,
          source: 'demo',
          source_at: stamp,
        })
        .execute();
    }
    for (const p of net.people) {
      const id = idOf(p.key);
      if (p.introducedByKey) {
        await tx
          .updateTable('people')
          .set({ introduced_by_id: idOf(p.introducedByKey) })
          .where('id', '=', id)
          .execute();
      }
      const channels = [
        ...p.emails.map((value) => ({ kind: 'email' as const, value })),
        ...p.phones.map((value) => ({ kind: 'phone' as const, value })),
        ...p.links.map((value) => ({ kind: 'link' as const, value })),
      ];
      if (channels.length > 0) {
        await tx
          .insertInto('person_channels')
          .values(
            channels.map((c, position) => ({
              id: newRowId(),
              owner_id: ownerId,
              person_id: id,
              kind: c.kind,
              value: c.value,
              label: null,
              normalized: normalizeChannel(c.kind, c.value),
              position,
            })),
          )
          .execute();
      }
      if (p.tags.length > 0) {
        await tx
          .insertInto('person_tags')
          .values([...new Set(p.tags)].map((tag) => ({ owner_id: ownerId, person_id: id, tag })))
          .execute();
      }
      if (p.needs.length > 0) {
        await tx
          .insertInto('needs')
          .values(p.needs.map((n) => item(id, n.text, n.status, daysAgoToIso(now, n.daysAgo))))
          .execute();
      }
      if (p.offers.length > 0) {
        await tx
          .insertInto('offers')
          .values(p.offers.map((o) => item(id, o.text, 'open', daysAgoToIso(now, o.daysAgo))))
          .execute();
      }
      if (p.timeline.length > 0) {
        await tx
          .insertInto('interactions')
          .values(
            p.timeline.map((t) => ({
              id: newId(),
              owner_id: ownerId,
              person_id: id,
              kind: t.kind,
              occurred_at: daysAgoToIso(now, t.daysAgo),
              summary: t.summary,
              created_at: stamp,
            })),
          )
          .execute();
      }
    }
    const seen = new Set<string>();
    for (const r of net.relationships) {
      const [a, b] = [idOf(r.a), idOf(r.b)].sort() as [string, string];
      if (a === b || seen.has(`${a}|${b}`)) continue;
      seen.add(`${a}|${b}`);
      await tx
        .insertInto('relationships')
        .values({
          id: newId(),
          owner_id: ownerId,
          person_a_id: a,
          person_b_id: b,
          strength: r.strength,
          note: r.note,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
    }
    if (net.me.offers.length + net.me.needs.length > 0) {
      const mine = [...net.me.offers.map((t) => ['offers', t] as const), ...net.me.needs.map((t) => ['needs', t] as const)];
      for (const [table, text] of mine)
        await tx
          .insertInto(table)
          .values(item(selfId, text, 'open', stamp))
          .execute();
    }
    await recordChange(tx, ownerId, [selfId, ...ids.values()]);
    return { people: net.people.length, relationships: seen.size };
  });
}
