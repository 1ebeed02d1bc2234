/** The grouped queries of "Givers gain" (stats.ts assembles them). Every one is filtered by the owner. */
import type { Executor } from '../../db/db.ts';

/** Counts and sums come back as numbers, or as strings (PostgreSQL's numeric sums). */
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

/** The period: days `from`..`to` (ISO dates) and the same as timestamps, `toTs` exclusive. */
export interface StatsPeriod {
  from: string;
  to: string;
  fromTs: string;
  toTs: string;
}

export async function statsRows(db: Executor, ownerId: string, period: StatsPeriod) {
  const { from, to, fromTs, toTs } = period;
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
  return { byMonthKind, people, intros, outcomes, forOthers, received, referrers, top, never };
}

/** My contacts who never received a give (ever): how many, and ten of them, those with open needs first. */
async function neverGivenTo(db: Executor, ownerId: string) {
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
