/** The export's SQL: every row of an account, table by table. */
import type { Executor } from '../../db/db.ts';
import { accountOf } from '../auth/auth.repo.ts';

/**
 * Everything the account owns, read with one query per table (all filtered by owner), as rows;
 * null when there is no such account. The export service shapes them (export.service.ts).
 */
export async function loadAccountRows(db: Executor, ownerId: string) {
  const user = await accountOf(db, ownerId);
  if (!user) return null;
  const [people, channels, tags, needs, offers, interactions, relationships, tokens, sessions] = await Promise.all([
    db.selectFrom('people').selectAll().where('owner_id', '=', ownerId).orderBy('sort_name').orderBy('id').execute(),
    db
      .selectFrom('person_channels')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('person_id')
      .orderBy('kind')
      .orderBy('position')
      .execute(),
    db.selectFrom('person_tags').selectAll().where('owner_id', '=', ownerId).orderBy('tag').execute(),
    db.selectFrom('needs').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('offers').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('interactions').selectAll().where('owner_id', '=', ownerId).orderBy('occurred_at').orderBy('id').execute(),
    db.selectFrom('relationships').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('api_tokens')
      .select(['name', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', ownerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'expires_at'])
      .where('user_id', '=', ownerId)
      .orderBy('created_at')
      .execute(),
  ]);
  const [feedback, taught] = await Promise.all([
    db.selectFrom('match_feedback').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('taught_words').selectAll().where('owner_id', '=', ownerId).orderBy('phrase_key').orderBy('id').execute(),
  ]);
  const [intros, sides, events, mails, gives, recipients, outcomes, received, objections, asks] = await Promise.all([
    db.selectFrom('intros').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('intro_sides').selectAll().where('owner_id', '=', ownerId).orderBy('intro_id').orderBy('side').execute(),
    db.selectFrom('intro_events').selectAll().where('owner_id', '=', ownerId).orderBy('intro_id').orderBy('seq').execute(),
    db
      .selectFrom('mail_messages')
      .select([
        'id',
        'intro_id',
        'ask_id',
        'side',
        'person_id',
        'other_person_id',
        'kind',
        'status',
        'from_addr',
        'reply_to',
        'to_addrs',
        'cc_addrs',
        'subject',
        'text_body',
        'delivery',
        'attempts',
        'last_error',
        'created_at',
        'sent_at',
      ])
      .where('owner_id', '=', ownerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('gives').selectAll().where('owner_id', '=', ownerId).orderBy('given_on').orderBy('id').execute(),
    db
      .selectFrom('give_recipients')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('give_id')
      .orderBy('person_id')
      .execute(),
    db.selectFrom('outcomes').selectAll().where('owner_id', '=', ownerId).orderBy('occurred_on').orderBy('id').execute(),
    db.selectFrom('received_business').selectAll().where('owner_id', '=', ownerId).orderBy('received_on').orderBy('id').execute(),
    db
      .selectFrom('person_objections')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('objected_at')
      .orderBy('person_id')
      .execute(),
    db.selectFrom('intro_asks').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
  ]);
  return {
    user,
    people,
    channels,
    tags,
    needs,
    offers,
    interactions,
    relationships,
    tokens,
    sessions,
    feedback,
    taught,
    intros,
    sides,
    events,
    mails,
    gives,
    recipients,
    outcomes,
    received,
    objections,
    asks,
  };
}

export type AccountRows = NonNullable<Awaited<ReturnType<typeof loadAccountRows>>>;
