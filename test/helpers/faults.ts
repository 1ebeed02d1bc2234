/**
 * Real failures planted in the database for tests: a trigger that makes an INSERT fail, on either
 * dialect. Raw SQL stays here, in the test helpers, so that code under src/ reaches SQL only
 * through its repositories (the lint rule on `kysely` imports).
 */
import { sql } from 'kysely';
import type { Db, Dialect } from '#server/db/db.ts';

/**
 * From the `from`-th person of an owner on, inserting into `people` fails with "boom" (counting,
 * not waiting for a name: imports write people in the order of their random ids). Returns the
 * function that removes the trigger.
 */
export async function failPeopleInsertsFrom(db: Db, dialect: Dialect, from: number): Promise<() => Promise<void>> {
  const n = sql.lit(from);
  if (dialect === 'sqlite') {
    await sql`create trigger boom before insert on people when (select count(*) from people where owner_id = new.owner_id) >= ${n} begin select raise(abort, 'boom'); end`.execute(
      db,
    );
  } else {
    await sql`create function boom() returns trigger as $$ begin if (select count(*) from people where owner_id = new.owner_id) >= ${n} then raise exception 'boom'; end if; return new; end $$ language plpgsql`.execute(
      db,
    );
    await sql`create trigger boom before insert on people for each row execute function boom()`.execute(db);
  }
  return async () => {
    await sql`drop trigger boom ${dialect === 'postgres' ? sql`on people` : sql``}`.execute(db);
    if (dialect === 'postgres') await sql`drop function boom()`.execute(db);
  };
}
