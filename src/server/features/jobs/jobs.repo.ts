import type { Selectable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { JobsTable } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';

export type Job = Selectable<JobsTable>;

export interface NewJob {
  kind: string;
  payload: unknown;
  ownerId: string | null;
  runAt: string;
  maxAttempts: number;
  now: string;
}

export async function enqueue(db: Executor, j: NewJob): Promise<string> {
  const id = newId();
  await db
    .insertInto('jobs')
    .values({
      id,
      owner_id: j.ownerId,
      kind: j.kind,
      payload: JSON.stringify(j.payload),
      state: 'pending',
      run_at: j.runAt,
      attempts: 0,
      max_attempts: j.maxAttempts,
      locked_until: null,
      locked_by: null,
      done_at: null,
      last_error: null,
      created_at: j.now,
    })
    .execute();
  return id;
}

/** Due jobs nobody holds (never locked, or whose holder's lease ran out), oldest first. */
export const dueJobIds = (db: Executor, now: string, limit: number) =>
  db
    .selectFrom('jobs')
    .select('id')
    .where('state', '=', 'pending')
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('run_at')
    .orderBy('id')
    .limit(limit)
    .execute();

/**
 * Takes one job for this worker. A conditional UPDATE: of several workers (threads, processes,
 * machines on one PostgreSQL) racing for the same row exactly one changes it; on PostgreSQL the
 * others wait for its row lock, re-check the WHERE against the committed row and change nothing.
 * Returns the job as claimed, or null when someone else got it first.
 */
export async function claim(db: Executor, id: string, workerId: string, now: string, lockedUntil: string): Promise<Job | null> {
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({ locked_until: lockedUntil, locked_by: workerId, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return null;
  const job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return job && job.locked_by === workerId ? job : null;
}

/** Marks a job this worker holds as done; false when the lease was lost (someone else took it). */
export async function markDone(db: Executor, job: Job, now: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ state: 'done', done_at: now, locked_until: null, last_error: null })
    .where('id', '=', job.id)
    .where('state', '=', 'pending')
    .where('locked_by', '=', job.locked_by)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markRetry(db: Executor, job: Job, runAt: string, error: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ run_at: runAt, locked_until: null, locked_by: null, last_error: error })
    .where('id', '=', job.id)
    .where('state', '=', 'pending')
    .where('locked_by', '=', job.locked_by)
    .execute();
}

export async function markFailed(db: Executor, job: Job, now: string, error: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'failed', done_at: now, locked_until: null, last_error: error })
    .where('id', '=', job.id)
    .where('state', '=', 'pending')
    .execute();
}

export async function cancelJobs(db: Executor, ids: readonly string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ state: 'cancelled', done_at: now, locked_until: null })
    .where('id', 'in', ids)
    .where('state', '=', 'pending')
    .execute();
}

/**
 * A job that gave up (failed), runs again now from its first attempt; one still waiting for its
 * next attempt runs now. Not while a worker holds it. Returns whether it changed.
 */
export async function runAgainNow(db: Executor, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'pending',
      run_at: now,
      attempts: eb.case().when('state', '=', 'failed').then(0).else(eb.ref('attempts')).end(),
      locked_until: null,
      locked_by: null,
      done_at: null,
    }))
    .where('id', '=', id)
    .where('state', 'in', ['pending', 'failed'])
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findJob = (db: Executor, id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
