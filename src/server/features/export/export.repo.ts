/** The export's SQL: every row of an account, table by table. */
import type { Executor } from '../../db/db.ts';
import { allOf } from '../../lib/promises.ts';
import { accountOf } from '../auth/auth.repo.ts';

/**
 * Everything the account owns, read with one query per table (all filtered by owner), as rows;
 * null when there is no such account. The export service shapes them (export.service.ts).
 */
export async function loadAccountRows(db: Executor, ownerId: string) {
  const user = await accountOf(db, ownerId);
  if (!user) return null;
  const contacts = await allOf({
    people: db.selectFrom('people').selectAll().where('owner_id', '=', ownerId).orderBy('sort_name').orderBy('id').execute(),
    channels: db
      .selectFrom('person_channels')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('person_id')
      .orderBy('kind')
      .orderBy('position')
      .execute(),
    tags: db.selectFrom('person_tags').selectAll().where('owner_id', '=', ownerId).orderBy('tag').execute(),
    needs: db.selectFrom('needs').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    offers: db.selectFrom('offers').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    interactions: db
      .selectFrom('interactions')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute(),
    relationships: db
      .selectFrom('relationships')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    tokens: db
      .selectFrom('api_tokens')
      .select(['name', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', ownerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    sessions: db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'expires_at'])
      .where('user_id', '=', ownerId)
      .orderBy('created_at')
      .execute(),
  });
  const learning = await allOf({
    feedback: db
      .selectFrom('match_feedback')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    taught: db
      .selectFrom('taught_words')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('phrase_key')
      .orderBy('id')
      .execute(),
  });
  const activity = await allOf({
    intros: db.selectFrom('intros').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    sides: db.selectFrom('intro_sides').selectAll().where('owner_id', '=', ownerId).orderBy('intro_id').orderBy('side').execute(),
    events: db
      .selectFrom('intro_events')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('intro_id')
      .orderBy('seq')
      .execute(),
    mails: db
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
    gives: db.selectFrom('gives').selectAll().where('owner_id', '=', ownerId).orderBy('given_on').orderBy('id').execute(),
    recipients: db
      .selectFrom('give_recipients')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('give_id')
      .orderBy('person_id')
      .execute(),
    outcomes: db
      .selectFrom('outcomes')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('occurred_on')
      .orderBy('id')
      .execute(),
    received: db
      .selectFrom('received_business')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('received_on')
      .orderBy('id')
      .execute(),
    objections: db
      .selectFrom('person_objections')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .orderBy('objected_at')
      .orderBy('person_id')
      .execute(),
    asks: db.selectFrom('intro_asks').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
  });
  const routine = await allOf({
    routineSettings: db.selectFrom('routine_settings').selectAll().where('user_id', '=', ownerId).execute(),
    cadences: db.selectFrom('cadences').selectAll().where('owner_id', '=', ownerId).orderBy('created_at').orderBy('id').execute(),
    followUps: db.selectFrom('follow_ups').selectAll().where('owner_id', '=', ownerId).orderBy('due_on').orderBy('id').execute(),
    todayMarks: db.selectFrom('today_states').selectAll().where('owner_id', '=', ownerId).orderBy('item_key').execute(),
  });
  return { user, ...contacts, ...learning, ...activity, ...routine };
}

export type AccountRows = NonNullable<Awaited<ReturnType<typeof loadAccountRows>>>;
