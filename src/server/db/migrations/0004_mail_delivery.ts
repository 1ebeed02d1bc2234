import { sql, type Kysely } from 'kysely';

// Frozen once shipped: never edit a migration that has shipped; add a new file instead.

/**
 * What really happened to an email (issue 10). A message records why its last attempt failed
 * (`error_reason`), so the web app can say it in the user's language. An introduction request
 * starts its reminder and expiry clock when it reaches the person, not when it is queued, and an
 * introduction becomes a give in the ledger once a request was delivered.
 *
 * Rows written before this version are brought in line: a side asked by a request that never
 * left waits for it (no expiry yet), and the give Rete recorded for an introduction none of whose
 * requests left is removed, unless the user changed it or recorded an outcome on it (then it is
 * theirs and stays). When such a request is delivered later, its give is recorded then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mail_messages').addColumn('error_reason', 'text').execute();

  await sql`
    update intro_sides set expires_at = null
    where status = 'asked'
      and exists (
        select 1 from mail_messages m
        where m.intro_id = intro_sides.intro_id and m.side = intro_sides.side and m.kind = 'intro_request')
      and not exists (
        select 1 from mail_messages m
        where m.intro_id = intro_sides.intro_id and m.side = intro_sides.side and m.kind = 'intro_request'
          and m.status = 'sent')
  `.execute(db);

  await sql`
    delete from gives
    where kind = 'introduction' and intro_id is not null and created_at = updated_at
      and not exists (select 1 from outcomes o where o.give_id = gives.id)
      and not exists (
        select 1 from mail_messages m
        where m.intro_id = gives.intro_id and m.kind = 'intro_request' and m.status = 'sent')
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only; restore a backup to go back.');
}
