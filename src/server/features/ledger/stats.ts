/**
 * "Givers gain": what I gave and what came back over a period, computed with a handful of
 * grouped queries (portable SQL: `substr` on ISO dates, `count`, `sum`) and assembled here.
 */
import { GIVE_KINDS, OUTCOME_KINDS, type LedgerStats, type StatsQuery } from '#shared/api/ledger.ts';
import type { Db } from '../../db/db.ts';
import type { GiveKind, OutcomeKind } from '../../db/schema.ts';
import { badRequest } from '../../http/errors.ts';
import type { Deps } from '../auth/auth.service.ts';
import { today } from './ledger.service.ts';

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

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

  const [byMonthKind, people, intros, outcomes, forOthers, received, referrers, top, never] = await Promise.all([
    db
      .selectFrom('gives')
      .select((eb) => [eb.fn<string>('substr', ['given_on', eb.val(1), eb.val(7)]).as('month'), 'kind', eb.fn.countAll().as('n')])
      .where('owner_id', '=', ownerId)
      .where('given_on', '>=', from)
      .where('given_on', '<=', to)
      .groupBy(['month', 'kind'])
      .execute(),
    db
      .selectFrom('give_recipients')
      .innerJoin('gives', 'gives.id', 'give_recipients.give_id')
      .select((eb) => eb.fn.count('give_recipients.person_id').distinct().as('n'))
      .where('gives.owner_id', '=', ownerId)
      .where('gives.given_on', '>=', from)
      .where('gives.given_on', '<=', to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('intros')
      .select((eb) => ['status', eb.fn.countAll().as('n')])
      .where('owner_id', '=', ownerId)
      .where('sent_at', '>=', fromTs)
      .where('sent_at', '<', toTs)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('outcomes')
      .select((eb) => ['kind', eb.fn.countAll().as('n')])
      .where('owner_id', '=', ownerId)
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to)
      .groupBy('kind')
      .execute(),
    db
      .selectFrom('outcomes')
      .select((eb) => ['currency', eb.fn.sum('value_cents').as('total'), eb.fn.countAll().as('n')])
      .where('owner_id', '=', ownerId)
      .where('kind', '=', 'business')
      .where('value_cents', 'is not', null)
      .where('currency', 'is not', null)
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to)
      .groupBy('currency')
      .execute(),
    db
      .selectFrom('received_business')
      .select((eb) => ['currency', eb.fn.sum('value_cents').as('total'), eb.fn.countAll().as('n')])
      .where('owner_id', '=', ownerId)
      .where('value_cents', 'is not', null)
      .where('currency', 'is not', null)
      .where('received_on', '>=', from)
      .where('received_on', '<=', to)
      .groupBy('currency')
      .execute(),
    db
      .selectFrom('received_business')
      .innerJoin('people', 'people.id', 'received_business.referred_by_id')
      .select((eb) => [
        'people.id',
        'people.name',
        'received_business.currency',
        eb.fn.sum('received_business.value_cents').as('total'),
        eb.fn.countAll().as('n'),
      ])
      .where('received_business.owner_id', '=', ownerId)
      // Who passed me business: an introduction someone made for me is help, not business.
      .where('received_business.kind', '=', 'business')
      .where('people.owner_id', '=', ownerId)
      .where('received_business.received_on', '>=', from)
      .where('received_business.received_on', '<=', to)
      .groupBy(['people.id', 'people.name', 'received_business.currency'])
      .execute(),
    db
      .selectFrom('give_recipients')
      .innerJoin('gives', 'gives.id', 'give_recipients.give_id')
      .innerJoin('people', 'people.id', 'give_recipients.person_id')
      .select((eb) => ['people.id', 'people.name', eb.fn.countAll().as('n'), eb.fn.max('gives.given_on').as('last')])
      .where('gives.owner_id', '=', ownerId)
      .where('people.owner_id', '=', ownerId)
      .where('gives.given_on', '>=', from)
      .where('gives.given_on', '<=', to)
      .groupBy(['people.id', 'people.name'])
      .execute(),
    neverGivenTo(db, ownerId),
  ]);

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

/** My contacts who never received a give (ever): how many, and ten of them, those with open needs first. */
async function neverGivenTo(db: Db, ownerId: string) {
  const base = db
    .selectFrom('people')
    .where('people.owner_id', '=', ownerId)
    .where('people.is_self', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('give_recipients')
            .select('give_recipients.person_id')
            .whereRef('give_recipients.person_id', '=', 'people.id')
            .where('give_recipients.owner_id', '=', ownerId),
        ),
      ),
    );
  const [count, sample] = await Promise.all([
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    base
      .select((eb) => [
        'people.id',
        'people.name',
        eb
          .selectFrom('needs')
          .select((e2) => e2.fn.countAll().as('c'))
          .whereRef('needs.person_id', '=', 'people.id')
          .where('needs.owner_id', '=', ownerId)
          .where('needs.status', '=', 'open')
          .as('open_needs'),
      ])
      .orderBy('open_needs', 'desc')
      .orderBy('people.sort_name')
      .orderBy('people.id')
      .limit(10)
      .execute(),
  ]);
  return { count: num(count.n), sample: sample.map((p) => ({ id: p.id, name: p.name })) };
}
