/**
 * Dev-only: ranks the profiles of an evaluation split with the in-memory matching engine and
 * writes the rankings file that eval/matching/score.mjs reads.
 *
 *   node --import tsx scripts/eval-engine.ts --split DIR --out FILE [--explain ASK_ID]
 *
 * Indexes each profile's headline and offers (never its needs) and ranks for each ask's text
 * only: the labels (relevant, tags, why) are never read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MatchEngine } from '#server/features/matching/engine/index.ts';
import type { Locale } from '#shared/api/values.ts';

interface Profile {
  id: string;
  lang?: Locale;
  headline?: string;
  offers?: string[];
  city?: string;
}
interface Ask {
  id: string;
  lang?: Locale;
  text: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as T);
}

const split = arg('--split');
const out = arg('--out');
if (!split || !out) {
  console.error('usage: eval-engine.ts --split DIR --out FILE [--explain ASK_ID]');
  process.exit(2);
}
const explain = arg('--explain');

const profiles = readJsonl<Profile>(join(split, 'profiles.jsonl'));
const asks = readJsonl<Ask>(join(split, 'asks.jsonl'));

const t0 = performance.now();
const engine = new MatchEngine();
for (const p of profiles) {
  (p.offers ?? []).forEach((text, i) => {
    engine.upsertOffer({ id: `${p.id}#${i}`, personId: p.id, text, headline: p.headline ?? '', city: p.city ?? '' });
  });
}
const t1 = performance.now();
const lines: string[] = [];
for (const a of asks) {
  const people = engine.queryPeople(a.text, { limit: 20 });
  lines.push(JSON.stringify({ ask: a.id, ranked: people.map((p) => p.personId) }));
  if (explain === a.id || explain === 'all') {
    console.log(`\n${a.id}: ${a.text}`);
    console.log(
      '  concepts:',
      engine
        .analyzeText(a.text)
        .concepts.map((c) => `${c.id}[${c.text}]`)
        .join(', '),
    );
    for (const p of people.slice(0, 6)) {
      const r = p.best.reasons.map((x) =>
        x.kind === 'concept' ? `${x.conceptId}:'${x.needText}'↔'${x.offerText}'` : `'${x.needText}'↔'${x.offerText}'`,
      );
      console.log(`  ${p.personId} ${p.score.toFixed(2)} ${r.join(' | ')}`);
    }
  }
}
const t2 = performance.now();
writeFileSync(out, lines.join('\n') + '\n');
console.error(
  `indexed ${profiles.length} profiles in ${(t1 - t0).toFixed(0)} ms; ranked ${asks.length} asks in ${(t2 - t1).toFixed(0)} ms`,
);
