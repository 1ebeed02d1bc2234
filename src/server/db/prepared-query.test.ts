import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, dialects, type TestDb } from '#test/helpers/test-db.ts';
import { createNetworkCache, type AppDeps } from '../deps.ts';
import { loadConfig } from '../config.ts';
import { createUser } from '../features/auth/auth.service.ts';
import { preparedQuery } from './db.ts';

const nameOf = preparedQuery((db, id: string) => db.selectFrom('users').select(['id', 'display_name']).where('id', '=', id));
const byEmailAndId = preparedQuery((db, id: string, email: string) =>
  db.selectFrom('users').select('id').where('email', '=', email).where('id', '=', id),
);

describe.each(dialects())('preparedQuery on %s', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  const users: Array<{ id: string; email: string }> = [];

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    deps = { db: t.handle.db, dialect, config, now: () => new Date(), network: createNetworkCache(t.handle.db) };
    for (const name of ['Ada', 'Bruno']) {
      const email = `${name.toLowerCase()}@example.com`;
      const u = await createUser(
        deps,
        { email, password: 'a long test password 2026', displayName: name, locale: 'it' },
        'signup',
      );
      users.push({ id: u.id, email });
    }
  });
  afterAll(async () => t.destroy());

  it('runs the SQL compiled on first use with each call’s own arguments, in their places', async () => {
    const [ada, bruno] = users as [{ id: string; email: string }, { id: string; email: string }];
    expect(await nameOf(deps.db, ada.id)).toEqual([{ id: ada.id, display_name: 'Ada' }]);
    expect(await nameOf(deps.db, bruno.id)).toEqual([{ id: bruno.id, display_name: 'Bruno' }]);
    expect(await nameOf(deps.db, 'no-such-id')).toEqual([]);
    expect(await byEmailAndId(deps.db, bruno.id, bruno.email)).toEqual([{ id: bruno.id }]);
    expect(await byEmailAndId(deps.db, bruno.id, ada.email)).toEqual([]);
  });

  it('sees committed data only: not a transaction still open, which sees its own writes', async () => {
    const ada = users[0] as { id: string };
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    let inside: unknown;
    const tx = deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ display_name: 'Ada renamed' }).where('id', '=', ada.id).execute();
      inside = await nameOf(trx, ada.id);
      await hold;
    });
    // Let the transaction write, then read from outside it while it is still open.
    for (let i = 0; i < 50 && inside === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    expect(inside).toEqual([{ id: ada.id, display_name: 'Ada renamed' }]);
    // Outside the transaction the read neither waits for it nor sees its uncommitted write: on
    // SQLite it runs on a connection of its own, on PostgreSQL on another pooled connection.
    expect(await nameOf(deps.db, ada.id)).toEqual([{ id: ada.id, display_name: 'Ada' }]);
    release();
    await tx;
    expect(await nameOf(deps.db, ada.id)).toEqual([{ id: ada.id, display_name: 'Ada renamed' }]);
  });
});
