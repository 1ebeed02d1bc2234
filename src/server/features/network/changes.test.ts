import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appPerSuite, signup } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { changedSince, recordChange } from './changes.ts';

describe.each(dialects())('the network change log on %s', (dialect) => {
  const t = appPerSuite(dialect);

  it('records a change of more people than one statement can carry (a large import)', async () => {
    const u = await signup(t.app);
    const db = t.db.handle.db;
    const before = Number(
      (await db.selectFrom('users').select('network_version').where('id', '=', u.userId).executeTakeFirstOrThrow())
        .network_version,
    );
    // 12,000 people × 3 parameters is more than SQLite's 32,766 parameters per statement.
    const ids = Array.from({ length: 12_000 }, () => randomUUID());
    const version = await db.transaction().execute((tx) => recordChange(tx, u.userId, [...ids, ...ids.slice(0, 10)]));
    expect(version).toBe(before + 1);
    const rows = await changedSince(db, u.userId, before, 20_000);
    expect(rows).toHaveLength(12_000);
    expect(new Set(rows.map((r) => r.person_id))).toEqual(new Set(ids));
    expect(rows.every((r) => Number(r.version) === version)).toBe(true);
  });
});
