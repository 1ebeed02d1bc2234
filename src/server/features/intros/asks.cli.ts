/**
 * `rete intro ask-through VIA HELPER`: ask a contact to make an introduction (the Value Finder's
 * "through …" path), and `rete intro asks`: where the asks stand. They call the services, not the
 * HTTP API; `--user` and `--json` are the options of `rete intro`.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { AskStatus, IntroAsk } from '#shared/api/asks.ts';
import { ASK_STATUSES, isLocale, type Locale } from '#shared/api/values.ts';
import type { MailState } from '#shared/api/intros.ts';
import type { AppDeps } from '../../deps.ts';
import { createAsk, draftAskMessage, getAsk, listAsks } from './asks.service.ts';
import { say } from '../../lib/terminal.ts';

export interface AskCliHelpers {
  withDeps<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T>;
  userIdByEmail(deps: AppDeps, email: string): Promise<string>;
  uniquePerson(deps: AppDeps, ownerId: string, ref: string): Promise<string>;
  friendly<T>(p: Promise<T>): Promise<T>;
  mailStanding: (m: MailState) => string;
}

const WORDS: Record<AskStatus, string> = {
  asked: 'waiting for the answer',
  yes: 'yes: the introduction is drafted',
  no: 'no',
  lost_touch: 'no longer in touch with them (that path is not proposed again)',
  objected: 'asked not to be contacted again',
  expired: 'no answer in time',
  cancelled: 'cancelled',
};

function status(v: string): AskStatus {
  const found = ASK_STATUSES.find((s) => s === v);
  if (!found) throw new InvalidArgumentError(`use one of ${ASK_STATUSES.join(', ')}`);
  return found;
}

function lang(v: string): Locale {
  if (!isLocale(v)) throw new InvalidArgumentError('use it or en');
  return v;
}

function formatAsk(a: IntroAsk, standing: (m: MailState) => string): string {
  const whom = a.seeker.isSelf ? 'me' : a.seeker.name;
  const lines = [`${a.id}  ${a.via.name}: introduce ${whom} to ${a.helper.name} — ${WORDS[a.status]}`, `  need: ${a.need.text}`];
  if (a.request && a.status === 'asked') lines.push(`  email: ${standing(a.request)}${a.remindedAt ? ', reminded once' : ''}`);
  if (a.introId) lines.push(`  introduction (draft until you send it): ${a.introId}`);
  return lines.join('\n');
}

export function registerAskCommands(intro: Command, h: AskCliHelpers): void {
  intro
    .command('ask-through')
    .description('ask a contact (VIA) to introduce me, or someone of my network (--for), to a person they know (HELPER)')
    .argument('<via>', 'the contact to ask: a person id or words of their name')
    .argument('<helper>', 'the person they know who can help: a person id or words of their name')
    .option('--for <person>', 'whose need it is: me (default) or a contact', 'me')
    .option('--need <text>', 'the need, in words')
    .option('--need-id <id>', 'a recorded need of that person')
    .option('--why <text>', 'why the helper (default: their role)')
    .option('--lang <it|en>', 'language of the email (default: the contact’s)', lang)
    .option('--draft', 'only print the email that would be sent', false)
    .action(async function (this: Command, via: string, helper: string) {
      const o = this.optsWithGlobals<{
        user?: string;
        json: boolean;
        for: string;
        need?: string;
        needId?: string;
        why?: string;
        lang?: Locale;
        draft: boolean;
      }>();
      const user = o.user;
      if (!user) throw new Error("required option '--user <email>' not specified");
      if (!o.need && !o.needId) throw new Error('say the need: --need "text" or --need-id ID');
      await h.withDeps(async (deps) => {
        const owner = await h.userIdByEmail(deps, user);
        const body = {
          viaPersonId: await h.uniquePerson(deps, owner, via),
          helperPersonId: await h.uniquePerson(deps, owner, helper),
          forPersonId: await h.uniquePerson(deps, owner, o.for),
          ...(o.need ? { needText: o.need.trim() } : {}),
          ...(o.needId ? { needId: o.needId } : {}),
          ...(o.why ? { why: o.why.trim() } : {}),
          ...(o.lang ? { language: o.lang } : {}),
        };
        const d = await h.friendly(draftAskMessage(deps, owner, body));
        if (o.draft) {
          if (o.json) say(JSON.stringify(d, null, 2));
          else {
            say(
              `To ${d.to.name} <${d.to.email ?? 'no email address'}> (${d.language})\n${d.message.subject}\n\n${d.message.body}`,
            );
          }
          return;
        }
        const a = await getAsk(deps, owner, await h.friendly(createAsk(deps, owner, body)));
        if (o.json) say(JSON.stringify(a, null, 2));
        else {
          say(`${formatAsk(a, h.mailStanding)}\n\n[${a.language}] ${a.message.subject}\n${a.message.body}`);
          say(`\nQueued: the server's job worker (or \`rete jobs run-once\`) sends it to ${a.email ?? '?'}.`);
        }
      });
    });

  intro
    .command('asks')
    .description('my asks to contacts to make an introduction, newest first, and where each one stands')
    .option('--status <status>', ASK_STATUSES.join(' | '), status)
    .action(async function (this: Command) {
      const o = this.optsWithGlobals<{ user?: string; json: boolean; status?: AskStatus }>();
      const user = o.user;
      if (!user) throw new Error("required option '--user <email>' not specified");
      await h.withDeps(async (deps) => {
        const page = await listAsks(deps, await h.userIdByEmail(deps, user), { status: o.status, limit: 200 });
        if (o.json) say(JSON.stringify(page.items, null, 2));
        else if (page.items.length === 0) say('No asks.');
        else say(page.items.map((a) => formatAsk(a, h.mailStanding)).join('\n'));
      });
    });
}
