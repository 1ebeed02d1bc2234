/**
 * What the job sending an ask's email needs to know: whether it is still wanted, how long its
 * link lives, and what happens once it reached the intermediary (the reminder and expiry jobs).
 * Apart from the rest of the asks so that the introductions' service can use it without a cycle.
 */
import type { Executor } from '../../db/db.ts';
import type { Deps } from '../../deps.ts';
import { enqueue } from '../jobs/jobs.repo.ts';
import * as asks from './asks.repo.ts';
import * as repo from './intros.repo.ts';

const DAY = 86_400_000;

/** The job that reminds the intermediary once, and the one that ends an unanswered ask. */
export const ASK_REMIND_JOB = 'intro_ask.remind';
export const ASK_EXPIRE_JOB = 'intro_ask.expire';

/** Whether an email of an ask is still wanted: the ask waits for its answer and the intermediary has not objected. */
export async function askMailStillWanted(db: Executor, ownerId: string, askId: string, now: string): Promise<boolean> {
  const a = await asks.findAsk(db, ownerId, askId);
  if (!a || a.status !== 'asked') return false;
  // An ask not yet delivered has no expiry yet (it starts when it arrives).
  if (a.expires_at !== null && a.expires_at <= now) return false;
  return !(await repo.objectedAmong(db, ownerId, [a.via_person_id])).has(a.via_person_id);
}

/** When the link of an ask's email expires if it leaves now: with the ask. */
export function askLinkExpiry(deps: Deps, a: Pick<asks.AskRow, 'expires_at'>, now: Date): string {
  return a.expires_at ?? new Date(now.getTime() + deps.config.intros.askExpireDays * DAY).toISOString();
}

/**
 * The ask reached the intermediary (or the outbox), in the transaction that marks its email sent:
 * its clock starts now. One reminder job is scheduled after INTRO_ASK_REMIND_DAYS and the expiry
 * after INTRO_ASK_EXPIRE_DAYS; both do nothing once the ask was answered or cancelled.
 */
export async function askDelivered(tx: Executor, deps: Deps, m: { owner_id: string; ask_id: string }, at: Date): Promise<void> {
  const atIso = at.toISOString();
  const { askRemindDays, askExpireDays } = deps.config.intros;
  const expiresAt = new Date(at.getTime() + askExpireDays * DAY).toISOString();
  if (!(await asks.markAskDelivered(tx, m.owner_id, m.ask_id, atIso, expiresAt))) return;
  const job = (kind: string, runAt: string) =>
    enqueue(tx, { kind, payload: { askId: m.ask_id }, ownerId: m.owner_id, runAt, maxAttempts: 5, now: atIso });
  if (askRemindDays < askExpireDays) await job(ASK_REMIND_JOB, new Date(at.getTime() + askRemindDays * DAY).toISOString());
  await job(ASK_EXPIRE_JOB, expiresAt);
}
