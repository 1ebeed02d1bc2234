/**
 * Today on a large network (issue 13, "Quality bar"): one account of 100,000 people with 10,000
 * keep-in-touch cadences and 5,000 follow-ups, on SQLite and, when DATABASE_URL is set, on
 * PostgreSQL too:
 *
 *   node --import tsx bench/today.bench.ts [--people 100000] [--cadences 10000] [--follow-ups 5000]
 *        [--queries 300] [--sqlite-only]
 *
 * The network comes from the shared generator (bench/lib/network.ts: names, roles, tags, needs and
 * offers); on top of it, seeded at random: a timeline entry for half the people (up to a year back),
 * birthdays for a third, 9,000 person cadences plus tag cadences until 10,000 people have one,
 * follow-ups due from 60 days back to 60 days ahead (a third done), 300 gives, 40 draft
 * introductions. Each run measures the first Today (the in-memory views built) apart, then
 * `getToday` (limit 50, as the web page asks) repeatedly: p50/p95/p99, with the load average.
 * Target: p99 ≤ 50 ms.
 */
import { sql } from 'kysely';
import { createNetworkCache, type AppDeps } from '#server/deps.ts';
import { loadConfig } from '#server/config.ts';
import type { Dialect } from '#server/db/db.ts';
import { createUser } from '#server/features/auth/auth.service.ts';
import * as people from '#server/features/people/people.service.ts';
import { getToday } from '#server/features/routine/today.service.ts';
import { newId } from '#server/lib/ids.ts';
import { createTestDb } from '#test/helpers/test-db.ts';
import { NetworkGenerator } from './lib/network.ts';
import { Rng } from './lib/prng.ts';
import { load, ms, summarize, timeAsync } from './lib/stats.ts';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : dflt;
};
const PEOPLE = opt('people', 100_000);
const CADENCES = opt('cadences', 10_000);
const FOLLOW_UPS = opt('follow-ups', 5_000);
const QUERIES = opt('queries', 300);
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

const DAY = 86_400_000;
const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });

async function run(dialect: Dialect): Promise<void> {
  const db = await createTestDb(dialect);
  const clock = { now: new Date('2026-12-07T08:00:00Z') };
  const deps: AppDeps = { db: db.handle.db, dialect, config, now: () => clock.now, network: createNetworkCache(db.handle.db) };
  const rng = new Rng(1313);
  try {
    const user = await createUser(
      deps,
      { email: 'bench@example.com', password: 'a long bench password 2026', displayName: 'Bench', locale: 'it' },
      'signup',
    );
    const owner = user.id;
    const gen = new NetworkGenerator();
    const inputs = Array.from({ length: PEOPLE }, () => {
      const p = gen.next();
      return { ...p.person, needs: p.needs, offers: p.offers };
    });
    const [ids, createMs] = await timeAsync(() => people.createPeople(deps, owner, inputs));
    log(`${dialect}: ${PEOPLE} people created in ${ms(createMs / 1000)} s`);

    const nowIso = clock.now.toISOString();
    const day = (offset: number) => new Date(clock.now.getTime() + offset * DAY).toISOString().slice(0, 10);
    const k = db.handle.db;
    const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
    };

    // Timeline entries for half the people, up to a year back; birthdays for a third.
    const interactions = ids
      .filter(() => rng.next() < 0.5)
      .map((id) => ({
        id: newId(),
        owner_id: owner,
        person_id: id,
        kind: 'meeting' as const,
        occurred_at: new Date(clock.now.getTime() - rng.int(1, 365) * DAY).toISOString(),
        summary: 'caffè',
        created_at: nowIso,
      }));
    await chunked(interactions, (c) => k.insertInto('interactions').values(c).execute());
    for (const id of ids) {
      if (rng.next() < 1 / 3) {
        const m = rng.int(1, 12);
        const d = rng.int(1, 28);
        const birthday =
          rng.next() < 0.5
            ? `--${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
            : `19${rng.int(50, 99)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        await k.updateTable('people').set({ birthday }).where('id', '=', id).execute();
      }
    }

    // Cadences: 90% of them of one person each, then tags until CADENCES people have one.
    const personCadences = Math.floor(CADENCES * 0.9);
    const shuffled = [...ids].sort(() => rng.next() - 0.5);
    await chunked(
      shuffled.slice(0, personCadences).map((id) => ({
        id: newId(),
        owner_id: owner,
        target: `person:${id}`,
        person_id: id,
        tag: null,
        every_days: rng.pick([14, 30, 60, 90]),
        created_at: new Date(clock.now.getTime() - 400 * DAY).toISOString(),
        updated_at: nowIso,
      })),
      (c) => k.insertInto('cadences').values(c).execute(),
    );
    const tagCounts = await k
      .selectFrom('person_tags')
      .select(['tag', (eb) => eb.fn.countAll<number>().as('n')])
      .where('owner_id', '=', owner)
      .groupBy('tag')
      .orderBy('n')
      .execute();
    let covered = personCadences;
    for (const t of tagCounts) {
      const n = Number(t.n);
      if (covered + n > CADENCES) continue;
      covered += n;
      await k
        .insertInto('cadences')
        .values({
          id: newId(),
          owner_id: owner,
          target: `tag:${t.tag.toLowerCase()}`,
          person_id: null,
          tag: t.tag,
          every_days: 30,
          created_at: nowIso,
          updated_at: nowIso,
        })
        .execute();
    }
    const cadenceRows = await k
      .selectFrom('cadences')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', owner)
      .executeTakeFirst();

    // Follow-ups from 60 days back to 60 days ahead, a third done.
    await chunked(
      Array.from({ length: FOLLOW_UPS }, () => ({
        id: newId(),
        owner_id: owner,
        kind: 'follow_up' as const,
        text: 'richiamare per il preventivo',
        due_on: day(rng.int(-60, 60)),
        due_time: rng.next() < 0.3 ? '09:00' : null,
        person_id: rng.pick(ids),
        interaction_id: null,
        intro_id: null,
        give_id: null,
        done_at: rng.next() < 1 / 3 ? nowIso : null,
        created_at: nowIso,
        updated_at: nowIso,
      })),
      (c) => k.insertInto('follow_ups').values(c).execute(),
    );
    // Gives this year, and draft introductions.
    for (let i = 0; i < 300; i++) {
      const id = newId();
      await k
        .insertInto('gives')
        .values({
          id,
          owner_id: owner,
          kind: 'advice',
          given_on: day(-rng.int(0, 300)),
          description: 'consiglio',
          need_id: null,
          intro_id: null,
          created_at: nowIso,
          updated_at: nowIso,
        })
        .execute();
      await k
        .insertInto('give_recipients')
        .values({ give_id: id, owner_id: owner, person_id: rng.pick(ids) })
        .execute();
    }
    for (let i = 0; i < 40; i++) {
      const id = newId();
      await k
        .insertInto('intros')
        .values({
          id,
          owner_id: owner,
          status: 'draft',
          ask_order: 'both',
          note: 'vi presento',
          created_at: nowIso,
          updated_at: nowIso,
          sent_at: null,
          connected_at: null,
          closed_at: null,
        })
        .execute();
      for (const side of ['a', 'b'] as const) {
        await k
          .insertInto('intro_sides')
          .values({
            intro_id: id,
            side,
            owner_id: owner,
            person_id: rng.pick(ids),
            is_self: 0,
            language: 'it',
            status: 'waiting',
            subject: null,
            body: null,
            message_edited: 0,
            asked_at: null,
            reminded_at: null,
            answered_at: null,
            expires_at: null,
          })
          .execute();
      }
    }
    await sql`analyze`.execute(k);
    log(
      `${dialect}: seeded ${interactions.length} timeline entries, ${Number(cadenceRows?.n ?? 0)} cadence rows covering ${covered} people, ${FOLLOW_UPS} follow-ups; load ${load()}`,
    );

    const [first, firstMs] = await timeAsync(() => getToday(deps, owner, { limit: 50 }));
    const kinds = new Map<string, number>();
    for (const i of first.items) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
    log(
      `${dialect}: first Today (views built) ${ms(firstMs)} ms; ${first.items.length} items: ${[...kinds].map(([k2, n]) => `${k2} ${n}`).join(', ')}; hidden ${first.counts.hidden}`,
    );
    for (let i = 0; i < 20; i++) await getToday(deps, owner, { limit: 50 });
    const samples: number[] = [];
    const loadBefore = load();
    for (let i = 0; i < QUERIES; i++) {
      const [, t] = await timeAsync(() => getToday(deps, owner, { limit: 50 }));
      samples.push(t);
    }
    const s = summarize(samples);
    const ok = s.p99 <= 50;
    console.log(
      `RESULT ${dialect}: Today of ${PEOPLE.toLocaleString('en')} people, ${covered.toLocaleString('en')} with a cadence, ${FOLLOW_UPS.toLocaleString('en')} follow-ups: ` +
        `p50 ${ms(s.p50)} / p95 ${ms(s.p95)} / p99 ${ms(s.p99)} ms (max ${ms(s.max)}, n=${s.n}); target p99 ≤ 50 ms: ${ok ? 'met' : 'MISSED'}; load ${loadBefore} → ${load()}`,
    );
  } finally {
    await db.destroy();
  }
}

await run('sqlite');
if (process.env.DATABASE_URL && !argv.includes('--sqlite-only')) await run('postgres');
else log('PostgreSQL skipped: set DATABASE_URL to measure it too');
