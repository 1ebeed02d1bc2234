/**
 * `rete match` ("I need…"), `rete help-for` (the Value Finder for a person) and
 * `rete eval matching` (the benchmark's rankings and measures).
 */
import type { Command } from 'commander';
import type { Helper, ValueFinder as ValueFinderBody } from '#shared/api/matching.ts';
import type { CliHelpers, Context } from '../../cli.ts';
import { complain, say } from '../../lib/terminal.ts';
import { listPeople } from '../people/people.service.ts';
import { evalMatching, formatTable } from './eval.ts';
import { matchText, valueFinder } from './matching.service.ts';

export function registerMatchingCommands(program: Command, cli: CliHelpers): void {
  program
    .command('match')
    .description('"I need…": who in my network can help with a need, with reasons and paths')
    .argument('<text>', 'the need, in Italian or English')
    .requiredOption('--user <email>')
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 10)
    .option('--json', 'print JSON', false)
    .action((text: string, o: { user: string; limit: number; json: boolean }) =>
      cli.withContext(async (ctx) => {
        const results = await matchText(ctx.deps, await cli.userIdByEmail(ctx.deps, o.user), text, o.limit);
        if (o.json) say(JSON.stringify(results, null, 2));
        else
          say(
            results.shown > 0
              ? results.items
                  .slice(0, results.shown)
                  .map((h, i) => formatHelper(h, i))
                  .join('\n')
              : 'Nobody in your network fits, yet. Ask your contacts whether they know someone.',
          );
      }),
    );

  program
    .command('help-for')
    .description('the Value Finder for a person: how I can help, who else can, who needs what they offer')
    .argument('<person>', 'a person id, or words of their name')
    .requiredOption('--user <email>')
    .option('--json', 'print JSON', false)
    .action((person: string, o: { user: string; json: boolean }) =>
      cli.withContext(async (ctx) => {
        const owner = await cli.userIdByEmail(ctx.deps, o.user);
        const personId = await resolvePerson(ctx, owner, person);
        const vf = await valueFinder(ctx.deps, owner, personId);
        say(o.json ? JSON.stringify(vf, null, 2) : formatValueFinder(vf));
      }),
    );
}

export function registerEvalCommands(program: Command): void {
  const evalCmd = program.command('eval').description('quality measurements');
  evalCmd
    .command('matching')
    .description("rank a split's profiles for each ask and print recall@5, MRR, nDCG@5, P@shown and noise")
    .requiredOption('--split <dir>', 'folder with profiles.jsonl and asks.jsonl')
    .requiredOption('--out <file>', 'where to write the rankings (JSON lines)')
    .option('--no-offers', 'load every profile without its offers (people known only by their role)')
    .action(async (o: { split: string; out: string; offers: boolean }) => {
      const r = await evalMatching(o.split, o.out, { noOffers: !o.offers });
      say(`Ranked ${r.asks} asks in ${(r.ms / 1000).toFixed(1)} s; rankings in ${o.out}`);
      if (r.rows.length || r.noanswer) say(formatTable(r.rows, r.noanswer));
    });
}

async function resolvePerson(ctx: Context, ownerId: string, ref: string): Promise<string> {
  if (/^[0-9a-f-]{36}$/i.test(ref)) return ref;
  const page = await listPeople(ctx.deps, ownerId, { q: ref, limit: 2 });
  const first = page.items[0];
  if (!first) throw new Error(`Nobody in your network matches "${ref}"`);
  if (page.items.length > 1) complain(`Several people match "${ref}"; showing ${first.name}.`);
  return first.id;
}

function formatPath(p: Helper['path']): string {
  switch (p.kind) {
    case 'self':
      return 'it is you';
    case 'direct':
      return `direct contact${p.strength ? `, tie ${p.strength}/3` : ''}${p.lastInteractionAt ? `, last seen ${p.lastInteractionAt.slice(0, 10)}` : ''}`;
    case 'via':
      return `through ${p.via.map((v) => `${v.name} (knows them ${v.theirStrength}/3)`).join(' or ')}`;
    case 'none':
      return 'in your network, no recorded tie';
  }
}

function formatReasons(h: { reasons: Helper['reasons'] }): string {
  return h.reasons
    .slice(0, 3)
    .map((r) => {
      const role = r.source === 'role' ? ', from the role' : '';
      if (r.kind === 'place') return `${r.offerText}${r.km !== null ? `, ${r.km} km from ${r.needText}` : ''}`;
      return r.kind === 'concept'
        ? `${r.labelEn}: '${r.needText}' ↔ '${r.offerText}'${role}`
        : `'${r.needText}' ↔ '${r.offerText}'${role}`;
    })
    .join('; ');
}

function formatHelper(h: Helper, i: number): string {
  const who = [h.person.name, h.person.role, h.person.city].filter(Boolean).join(', ');
  const what = h.offer ? `offers: ${h.offer.text}` : `known as: ${[h.person.role, h.person.company].filter(Boolean).join(', ')}`;
  return `${i + 1}. ${who}\n   ${what}\n   why: ${formatReasons(h)}\n   path: ${formatPath(h.path)}`;
}

function formatValueFinder(vf: ValueFinderBody): string {
  const out: string[] = [`# ${vf.person.name}`];
  for (const n of vf.needs) {
    out.push(`\nNeeds: ${n.need.text}`);
    for (const m of n.mine) out.push(`  you can help — ${m.offer?.text ?? ''} (${formatReasons(m)})`);
    n.network.forEach((h, i) => out.push(`  ${formatHelper(h, i).replace(/\n/g, '\n  ')}`));
    if (n.mine.length + n.network.length === 0) out.push('  nobody in your network fits, yet');
  }
  for (const o of vf.offers) {
    out.push(`\nOffers: ${o.offer.text}`);
    for (const s of o.seekers) out.push(`  ${s.person.name} needs: ${s.need.text} — path: ${formatPath(s.path)}`);
    if (o.seekers.length === 0) out.push('  nobody in your network needs this right now');
  }
  return out.join('\n');
}
