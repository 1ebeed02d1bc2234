/**
 * "Givers gain": what I gave and what came back over a period, computed with a handful of
 * grouped queries (stats.repo.ts: portable SQL, `substr` on ISO dates, `count`, `sum`) and assembled here.
 */
import type { LedgerStats, StatsQuery } from '#shared/api/ledger.ts';
import { GIVE_KINDS, OUTCOME_KINDS } from '#shared/api/values.ts';
import type { Db } from '../../db/db.ts';
import type { GiveKind, OutcomeKind } from '../../db/schema.ts';
import { badRequest } from '../../lib/errors.ts';
import type { Deps } from '../../deps.ts';
import { today } from './ledger.service.ts';
import * as repo from './stats.repo.ts';
import { num } from './stats.repo.ts';

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The default period: the 12 calendar months ending with the month of `to`. */
function defaultFrom(to: string): string {
  const d = new Date(`${to.slice(0, 7)}-01T00:00:00.000Z`);
  d.setUTCMonth(d.getUTCMonth() - 11);
  return d.toISOString().slice(0, 10);
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from.slice(0, 7)}-01T00:00:00.000Z`);
  const last = to.slice(0, 7);
  while (out.length < 1200) {
    const m = d.toISOString().slice(0, 7);
    out.push(m);
    if (m >= last) break;
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

type Sum = { currency: string; amountCents: number; count: number };
const sortSums = (s: Sum[]): Sum[] => s.sort((a, b) => b.amountCents - a.amountCents || a.currency.localeCompare(b.currency));

export async function ledgerStats(deps: Deps, ownerId: string, q: StatsQuery): Promise<LedgerStats> {
  const db: Db = deps.db;
  const to = q.to ?? today(deps);
  const from = q.from ?? defaultFrom(to);
  if (from > to) throw badRequest('`from` is after `to`', [{ path: 'from', message: 'after to' }]);
  const fromTs = `${from}T00:00:00.000Z`;
  const toTs = `${addDays(to, 1)}T00:00:00.000Z`;

  const { byMonthKind, people, intros, outcomes, forOthers, received, referrers, top, never } = await repo.statsRows(
    db,
    ownerId,
    {
      from,
      to,
      fromTs,
      toTs,
    },
  );

  const months = monthsBetween(from, to);
  const zeroKinds = () => new Map<GiveKind, number>(GIVE_KINDS.map((k) => [k, 0]));
  const perMonth = new Map(months.map((m) => [m, zeroKinds()]));
  const kinds = zeroKinds();
  let totalGives = 0;
  for (const r of byMonthKind) {
    const n = num(r.n);
    const m = perMonth.get(r.month);
    if (m) m.set(r.kind, (m.get(r.kind) ?? 0) + n);
    kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + n);
    totalGives += n;
  }

  const introCount = (s: string) => num(intros.find((r) => r.status === s)?.n);
  const outcomeKinds = new Map<OutcomeKind, number>(OUTCOME_KINDS.map((k) => [k, 0]));
  for (const r of outcomes) outcomeKinds.set(r.kind, num(r.n));

  const refMap = new Map<string, { person: { id: string; name: string }; count: number; sums: Sum[] }>();
  for (const r of referrers) {
    const e = refMap.get(r.id) ?? { person: { id: r.id, name: r.name }, count: 0, sums: [] };
    e.count += num(r.n);
    if (r.currency && r.total !== null) e.sums.push({ currency: r.currency, amountCents: num(r.total), count: num(r.n) });
    refMap.set(r.id, e);
  }

  return {
    from,
    to,
    totals: { gives: totalGives, peopleGivenTo: num(people.n), outcomes: outcomes.reduce((a, r) => a + num(r.n), 0) },
    givesByMonth: months.map((month) => {
      const m = perMonth.get(month) ?? zeroKinds();
      return {
        month,
        total: [...m.values()].reduce((a, b) => a + b, 0),
        byKind: GIVE_KINDS.map((kind) => ({ kind, count: m.get(kind) ?? 0 })),
      };
    }),
    givesByKind: GIVE_KINDS.map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    intros: {
      proposed: intros.reduce((a, r) => a + num(r.n), 0),
      connected: introCount('connected'),
      declined: introCount('declined'),
      expired: introCount('expired'),
      pending: introCount('asked') + introCount('accepted_one'),
      cancelled: introCount('cancelled'),
    },
    outcomesByKind: OUTCOME_KINDS.map((kind) => ({ kind, count: outcomeKinds.get(kind) ?? 0 })),
    businessForOthers: sortSums(
      forOthers.flatMap((r) => (r.currency ? [{ currency: r.currency, amountCents: num(r.total), count: num(r.n) }] : [])),
    ),
    businessReceived: sortSums(
      received.flatMap((r) => (r.currency ? [{ currency: r.currency, amountCents: num(r.total), count: num(r.n) }] : [])),
    ),
    referrers: [...refMap.values()]
      .map((e) => ({ ...e, sums: sortSums(e.sums) }))
      .sort((a, b) => b.count - a.count || a.person.name.localeCompare(b.person.name)),
    topRecipients: top
      .map((r) => ({ person: { id: r.id, name: r.name }, gives: num(r.n), lastDate: String(r.last) }))
      .sort((a, b) => b.gives - a.gives || b.lastDate.localeCompare(a.lastDate) || a.person.name.localeCompare(b.person.name))
      .slice(0, 10),
    neverGivenTo: never,
  };
}
