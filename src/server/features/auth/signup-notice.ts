/**
 * Sign-up with an address that already has an account answers exactly as for a new address (so
 * the answer does not tell whether an address is registered) and tells the owner instead, by an
 * email queued like every other (the outbox, then SMTP if configured), in the owner's language.
 * At most one such email per account in 24 hours, so that nobody can flood an inbox through the
 * sign-up form.
 */
import type { Locale } from '#shared/api/values.ts';
import type { Executor } from '../../db/db.ts';
import type { User } from '../../db/schema.ts';
import { queueMail } from '../outbox/outbox.service.ts';
import { displayName, textToHtml } from '../email/sanitize.ts';
import type { Deps } from '../../deps.ts';

const DAY = 24 * 60 * 60 * 1000;

export function signupAttemptText(lang: Locale, name: string, email: string, when: Date): { subject: string; text: string } {
  const day = when.toISOString().slice(0, 16).replace('T', ' ');
  return lang === 'it'
    ? {
        subject: 'Qualcuno ha provato a registrarsi su Rete con il tuo indirizzo',
        text:
          `Ciao ${name},\n\n` +
          `il ${day} (UTC) qualcuno ha provato a creare un account su Rete con il tuo indirizzo ${email}. ` +
          'Hai già un account, quindi non è cambiato nulla: nessun nuovo account, nessun accesso al tuo.\n\n' +
          'Se eri tu, accedi con la tua password; se l’hai dimenticata, chiedi all’amministratore di Rete. ' +
          'Se non eri tu, non devi fare nulla: la tua password non è stata usata.\n\n' +
          'Rete',
      }
    : {
        subject: 'Someone tried to sign up to Rete with your address',
        text:
          `Hi ${name},\n\n` +
          `on ${day} (UTC) someone tried to create an account on Rete with your address ${email}. ` +
          'You already have an account, so nothing changed: no new account, no access to yours.\n\n' +
          'If it was you, log in with your password; if you forgot it, ask the administrator of Rete. ' +
          'If it was not you, there is nothing to do: your password was not used.\n\n' +
          'Rete',
      };
}

/** Queues the notice to the owner of `user`, unless one was queued in the last 24 hours. */
export async function noticeSignupAttempt(tx: Executor, deps: Deps, user: User): Promise<void> {
  const now = deps.now();
  const recent = await tx
    .selectFrom('mail_messages')
    .select('id')
    .where('owner_id', '=', user.id)
    .where('kind', '=', 'signup_attempt')
    .where('created_at', '>', new Date(now.getTime() - DAY).toISOString())
    .executeTakeFirst();
  if (recent) return;
  const { subject, text } = signupAttemptText(user.locale, user.display_name, user.email, now);
  await queueMail(tx, deps, {
    ownerId: user.id,
    kind: 'signup_attempt',
    introId: null,
    side: null,
    personId: null,
    from: { name: 'Rete', address: deps.config.mail.from },
    replyTo: null,
    to: [{ name: displayName(user.display_name), address: user.email }],
    cc: [],
    subject,
    text,
    html: textToHtml(text),
  });
}
