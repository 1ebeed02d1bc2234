/**
 * Commands of what the Value Finder learns: `rete teach` (my words), `rete concepts` (what they
 * can mean), `rete feedback list|forget` (my verdicts on suggestions). Like the rest of the CLI
 * they call the services, not the HTTP API.
 */
import type { Command } from 'commander';
import type { Feedback } from '#shared/api/learning.ts';
import { fold } from '#shared/text/fold.ts';

import type { AppDeps } from '../../deps.ts';
import { phraseKey } from './learn.ts';
import { deleteFeedback, deleteTaught, listConcepts, listFeedback, listTaught, meaningText, teach } from './learning.service.ts';
import { say } from '../../lib/terminal.ts';

export interface LearningCliHelpers {
  withDeps<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T>;
  userIdByEmail(deps: AppDeps, email: string): Promise<string>;
  /** Service errors as one readable line. */
  friendly<T>(p: Promise<T>): Promise<T>;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function feedbackLine(f: Feedback): string {
  const verdict = f.verdict === 'good' ? 'good match    ' : 'not relevant  ';
  const what =
    f.itemText === null ? `(a removed ${f.itemKind})` : `${f.itemKind === 'ask' ? 'asked' : f.itemKind}: ${f.itemText}`;
  return `${verdict}${f.person.name} for ${what}  [${f.id}]`;
}

export function registerLearningCommands(program: Command, h: LearningCliHelpers): void {
  program
    .command('teach')
    .description('teach the Value Finder a phrase of yours and what it means; without --means or --concept, list what you taught')
    .argument('[phrase]', 'your words, e.g. "quelli del gestionale"')
    .requiredOption('--user <email>')
    .option('--means <words>', 'what the phrase means, in words Rete understands')
    .option('--concept <id>', 'a concept it means (see `rete concepts`); repeat for more', collect, [] as string[])
    .option('--forget', 'forget the phrase', false)
    .option('--json', 'print JSON', false)
    .action(
      (phrase: string | undefined, o: { user: string; means?: string; concept: string[]; forget: boolean; json: boolean }) =>
        h.withDeps(async (deps) => {
          const owner = await h.userIdByEmail(deps, o.user);
          if (o.forget || (!o.means && o.concept.length === 0)) {
            const all = await listTaught(deps, owner);
            if (!phrase) {
              if (o.json) say(JSON.stringify(all, null, 2));
              else if (all.length === 0) say('You have not taught Rete any words yet.');
              else for (const w of all) say(`"${w.phrase}" → ${meaningText(w)}`);
              return;
            }
            const word = all.find((w) => phraseKey(w.phrase) === phraseKey(phrase));
            if (!word) throw new Error(`You have not taught "${phrase}"`);
            if (!o.forget) {
              say(o.json ? JSON.stringify(word, null, 2) : `"${word.phrase}" → ${meaningText(word)}`);
              return;
            }
            await h.friendly(deleteTaught(deps, owner, word.id));
            say(`Forgot "${word.phrase}".`);
            return;
          }
          if (!phrase) throw new Error('Which phrase? e.g. rete teach "quelli del gestionale" --concept data.erp');
          const { word, created } = await h.friendly(
            teach(deps, owner, { phrase, words: (o.means ?? '').trim(), concepts: o.concept }, { replace: true }),
          );
          if (o.json) say(JSON.stringify(word, null, 2));
          else {
            const understood = word.understood.map((c) => c.labelEn).join(', ');
            say(
              `${created ? 'Taught' : 'Changed'} "${word.phrase}" → ${meaningText(word)}${understood ? ` (understood as: ${understood})` : ''}`,
            );
          }
        }),
    );

  program
    .command('concepts')
    .description('the concepts the Value Finder knows, to say what your words mean (`rete teach --concept`)')
    .argument('[words]', 'only those whose id or label holds these words')
    .option('--json', 'print JSON', false)
    .action((filter: string | undefined, o: { json: boolean }) => {
      const words = fold(filter ?? '')
        .split(/\s+/)
        .filter(Boolean);
      const list = listConcepts().filter((c) => {
        const hay = fold(`${c.id} ${c.labelIt} ${c.labelEn}`);
        return words.every((w) => hay.includes(w));
      });
      if (o.json) say(JSON.stringify(list, null, 2));
      else for (const c of list) say(`${c.id.padEnd(28)} ${c.labelEn} / ${c.labelIt}`);
    });

  const feedback = program.command('feedback').description('your verdicts on suggestions of the Value Finder');
  feedback
    .command('list')
    .description('the suggestions you marked "good match" or "not relevant", newest first')
    .requiredOption('--user <email>')
    .option('--json', 'print JSON', false)
    .action((o: { user: string; json: boolean }) =>
      h.withDeps(async (deps) => {
        const list = await listFeedback(deps, await h.userIdByEmail(deps, o.user));
        if (o.json) say(JSON.stringify(list, null, 2));
        else if (list.length === 0) say('No verdicts yet.');
        else for (const f of list) say(feedbackLine(f));
      }),
    );
  feedback
    .command('forget')
    .description('take a verdict back: the person may be suggested again')
    .argument('<id>', 'the id shown by `rete feedback list`')
    .requiredOption('--user <email>')
    .action((id: string, o: { user: string }) =>
      h.withDeps(async (deps) => {
        await h.friendly(deleteFeedback(deps, await h.userIdByEmail(deps, o.user), id));
        say('Verdict taken back.');
      }),
    );
}
