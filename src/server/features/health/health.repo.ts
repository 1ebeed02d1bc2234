import { sql } from 'kysely';
import type { Executor } from '../../db/db.ts';

/** The cheapest round trip to the database: fails when it cannot be reached. */
export async function ping(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
