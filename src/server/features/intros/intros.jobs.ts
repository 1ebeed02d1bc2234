/**
 * The job that sends one email of the outbox, and the worker of a server process.
 *
 * Never twice: a message is sent only while it is `queued`, and "message sent" and "job done"
 * commit in one transaction right after the SMTP server accepted it. The only window left is a
 * crash between the SMTP server's "250 OK" and that commit: the job is then retried once its lease
 * runs out and the message goes out again, with the same Message-ID (derived from the job id), so
 * a receiving server or client that deduplicates by Message-ID shows it once. A worker holding a
 * job for longer than its lease (5 minutes; SMTP timeouts are shorter) can lose it to another.
 */
import type { MailDelivery } from '#shared/api/values.ts';
import type { AppDeps } from '../../deps.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import { createDigestTick, digestSending } from '../digest/digest.service.ts';
import { classifyMailError, createMailer, type Mailer } from '../email/mailer.ts';
import * as outbox from '../outbox/outbox.repo.ts';
import { MAIL_JOB, parseAddress, parseAddresses } from '../outbox/outbox.service.ts';
import type { Job } from '../jobs/jobs.repo.ts';
import { JobWorker, PermanentJobError, type JobHandler, type WorkerOptions } from '../jobs/worker.ts';
import * as asks from './asks.repo.ts';
import { askDelivered, askLinkExpiry } from './asks.mail.ts';
import { ASK_JOB_HANDLERS } from './asks.service.ts';
import * as repo from './intros.repo.ts';
import { mailStillWanted, requestDelivered, requestExpiry, sweepIntros } from './intros.service.ts';
import { withLink } from './mails.ts';

/** The domain of the Message-ID: that of the From address (MAIL_FROM, or its default from PUBLIC_BASE_URL). */
const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1) || 'rete.invalid';

function payloadOf(job: Job): { messageId: string } {
  const v: unknown = JSON.parse(job.payload);
  if (typeof v === 'object' && v !== null && typeof (v as { messageId?: unknown }).messageId === 'string') {
    return { messageId: (v as { messageId: string }).messageId };
  }
  throw new PermanentJobError('mail job without a message id');
}

export function mailJob(mailer: Mailer): JobHandler {
  return {
    async run(job, ctx) {
      const { deps } = ctx;
      const { messageId } = payloadOf(job);
      const m = await outbox.findMessageById(deps.db, messageId);
      if (!m || m.status !== 'queued') return; // cancelled, erased, or sent by an earlier run
      const now = deps.now();
      const nowIso = now.toISOString();
      // A digest's email: its links, made now (null when the user turned the digest off meanwhile).
      const digest = m.kind === 'digest' ? await digestSending(deps, m) : undefined;
      if (digest === null || !(await mailStillWanted(deps.db, m, nowIso))) {
        await deps.db.transaction().execute(async (tx) => {
          await outbox.updateQueued(tx, m.id, { status: 'cancelled' });
          await ctx.finish(tx);
        });
        return;
      }
      // Everything that comes from the configuration is taken now, not when the message was
      // queued: a restart with a corrected MAIL_FROM or PUBLIC_BASE_URL rescues queued messages.
      const { publicBaseUrl } = deps.config;
      let link: string | null = null;
      if ((m.kind === 'intro_ask' || m.kind === 'intro_ask_reminder') && m.ask_id) {
        const a = await asks.findAsk(deps.db, m.owner_id, m.ask_id);
        const secret = newSecret();
        await asks.insertAskToken(deps.db, {
          id: newId(),
          ask_id: m.ask_id,
          owner_id: m.owner_id,
          token_hash: sha256(secret),
          created_at: nowIso,
          expires_at: askLinkExpiry(deps, a ?? { expires_at: null }, now),
          used_at: null,
        });
        link = `${publicBaseUrl}/i/${secret}`;
      } else if ((m.kind === 'intro_request' || m.kind === 'intro_reminder') && m.intro_id && m.side) {
        const side = (await repo.sidesOf(deps.db, m.owner_id, [m.intro_id])).find((s) => s.side === m.side);
        const secret = newSecret();
        await repo.insertToken(deps.db, {
          id: newId(),
          intro_id: m.intro_id,
          owner_id: m.owner_id,
          side: m.side,
          token_hash: sha256(secret),
          created_at: nowIso,
          expires_at: requestExpiry(deps, side ?? { expires_at: null }, now),
          used_at: null,
        });
        link = `${publicBaseUrl}/i/${secret}`;
      }
      const text = m.text_body ?? '';
      const html = m.html_body ?? '';
      const bodies = digest ? digest.bodies : link ? withLink(text, html, link) : { text, html };
      const from = { name: parseAddress(m.from_addr)?.name ?? null, address: deps.config.mail.from };
      const headerId = `${job.id}@${domainOf(from.address)}`;
      let delivery: MailDelivery;
      try {
        ({ delivery } = await mailer.send({
          from,
          replyTo: parseAddress(m.reply_to),
          to: parseAddresses(m.to_addrs),
          cc: parseAddresses(m.cc_addrs),
          subject: m.subject,
          text: bodies.text,
          html: bodies.html,
          messageId: headerId,
          date: now,
          fileName: `${nowIso.slice(0, 10)}-${m.id}`,
          ...(digest ? { headers: digest.headers } : {}),
        }));
      } catch (err) {
        const failure = classifyMailError(err, mailer.mode);
        await outbox.updateQueued(deps.db, m.id, {
          attempts: job.attempts,
          last_error: failure.text,
          error_reason: failure.reason,
        });
        // No retry can change an address refused or a message refused for good: it fails now.
        if (failure.permanent) throw new PermanentJobError(failure.text, { cause: err });
        throw err;
      }
      // In outbox mode the outbox is the mailbox: it keeps the working links. Over SMTP the link
      // (a token in clear) is not kept.
      const kept = delivery === 'outbox' ? bodies : digest ? digest.keptOverSmtp : withLink(text, html, `${publicBaseUrl}/i/…`);
      await deps.db.transaction().execute(async (tx) => {
        // Lock order intro (or ask) → message, as everywhere else (cancelling, answering).
        if (m.intro_id) await repo.updateIntro(tx, m.owner_id, m.intro_id, { updated_at: nowIso });
        if (m.ask_id) await asks.updateAsk(tx, m.owner_id, m.ask_id, { updated_at: nowIso });
        const marked = await outbox.updateQueued(tx, m.id, {
          status: 'sent',
          sent_at: nowIso,
          delivery,
          from_addr: JSON.stringify(from),
          message_id: `<${headerId}>`,
          attempts: job.attempts,
          last_error: null,
          error_reason: null,
          text_body: kept.text,
          html_body: kept.html,
        });
        if (marked && m.kind === 'intro_request') await requestDelivered(tx, deps, m, now);
        if (marked && m.kind === 'intro_ask' && m.ask_id)
          await askDelivered(tx, deps, { owner_id: m.owner_id, ask_id: m.ask_id }, now);
        await ctx.finish(tx);
      });
    },
    async onFailed(job, ctx, error) {
      const { messageId } = payloadOf(job);
      const m = await outbox.findMessageById(ctx.deps.db, messageId);
      // The failure of the last attempt was recorded by `run` when it came from delivering.
      await outbox.updateQueued(ctx.deps.db, messageId, {
        status: 'failed',
        attempts: job.attempts,
        last_error: m?.last_error ?? error,
        error_reason: m?.error_reason ?? 'other',
      });
    },
  };
}

/**
 * The worker of a server process (or of `rete jobs run-once`): emails, reminders and expiry (of
 * introductions and asks), and the weekly digests.
 */
export function createJobWorker(
  deps: AppDeps,
  opts: Partial<WorkerOptions> & { mailer?: Mailer } = {},
): JobWorker & { mailer: Mailer } {
  const mailer = opts.mailer ?? createMailer(deps.config);
  const digestTick = createDigestTick();
  const worker = new JobWorker(deps, {
    ...opts,
    handlers: { [MAIL_JOB]: mailJob(mailer), ...ASK_JOB_HANDLERS, ...(opts.handlers ?? {}) },
    ticks: opts.ticks ?? [async (d) => void (await sweepIntros(d)), async (d, c) => void (await digestTick(d, c))],
  });
  return Object.assign(worker, { mailer });
}
