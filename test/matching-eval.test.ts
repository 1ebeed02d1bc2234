/**
 * The matching evaluation on the labelled dev split (`eval/matching/dev`), run in CI with floors a
 * little under the measured result, so that matching quality cannot silently regress. The rankings
 * file it writes is also scored by the reference scorer (`eval/matching/score.mjs`), and both must
 * agree, so the product's own scoring cannot drift from the benchmark's definition.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evalMatching, metrics, type MetricRow, type Ranking } from '#server/features/matching/eval.ts';
import type { Locale } from '#shared/api/values.ts';

const evalDir = join(import.meta.dirname, '../eval/matching');
const devSplit = join(evalDir, 'dev');
const holdoutSplit = join(evalDir, 'holdout');

/**
 * Floors: a little under the measured dev result (docs/benchmarks-matching.md), never above the
 * targets (recall@5 0.90, MRR and nDCG@5 0.85, P@shown 0.60, every tag and language 0.80, with
 * every offer removed recall@5 0.60). Noise (the share of asks nobody can answer for which
 * someone is shown) is a ceiling: the target, 0.15 (measured 0.00 on dev and held-out).
 */
const FLOOR = { recall5: 0.9, mrr: 0.92, ndcg5: 0.9, precShown: 0.6 };
const GROUP_RECALL_FLOOR = 0.85;
const NOISE_CEILING = 0.15;
const NO_OFFERS_FLOOR = { recall5: 0.6, precShown: 0.6 };
/** The held-out split (eval/matching/holdout), never used for tuning: the targets themselves. */
const HOLDOUT_FLOOR = { recall5: 0.9, mrr: 0.85, ndcg5: 0.85, precShown: 0.6 };
const HOLDOUT_NOISE_CEILING = 0.15;

interface ReferenceRow {
  group: string;
  n: number;
  recall5?: number;
  mrr?: number;
  ndcg5?: number;
  precShown?: number;
  none?: number;
  noise?: number;
}

describe('matching quality on the dev split', () => {
  const tmp = mkdtempSync(join(os.tmpdir(), 'rete-eval-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('stays above its floors overall, on every tag and in each language', { timeout: 180_000 }, async () => {
    const out = join(tmp, 'rankings.jsonl');
    const { rows, noanswer, asks } = await evalMatching(devSplit, out);
    expect(asks).toBeGreaterThan(50);

    // The output file is the one the reference scorer reads: one ranking per ask.
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(asks);

    const byGroup = new Map<string, MetricRow>(rows.map((r) => [r.group, r]));
    const all = byGroup.get('all');
    expect(all).toBeDefined();
    expect(all!.recall5).toBeGreaterThanOrEqual(FLOOR.recall5);
    expect(all!.mrr).toBeGreaterThanOrEqual(FLOOR.mrr);
    expect(all!.ndcg5).toBeGreaterThanOrEqual(FLOOR.ndcg5);
    // What the product shows after its relevance cut-off is mostly right, and nobody is shown
    // for most asks that nobody can answer.
    expect(all!.precShown).toBeGreaterThanOrEqual(FLOOR.precShown);

    expect(byGroup.has('lang:it') && byGroup.has('lang:en')).toBe(true);
    const weak = rows.filter((r) => r.group !== 'all' && r.recall5 < GROUP_RECALL_FLOOR);
    expect(weak.map((r) => `${r.group} ${r.recall5.toFixed(3)}`)).toEqual([]);

    // Asks nobody can answer are scored apart: they are in the split, and not in the "all" row.
    expect(noanswer).not.toBeNull();
    expect(noanswer!.n).toBeGreaterThan(0);
    expect(all!.n + noanswer!.n).toBe(asks);
    expect(noanswer!.noise).toBeLessThanOrEqual(NOISE_CEILING);
    // `shown` is the product's decision, not always the first five.
    const shownCounts = lines.map((l) => (JSON.parse(l) as { shown: number }).shown);
    expect(new Set(shownCounts).size).toBeGreaterThan(2);

    // The reference scorer reads the same file and finds the same numbers.
    const reference = JSON.parse(
      execFileSync(process.execPath, [join(evalDir, 'score.mjs'), '--split', devSplit, '--rankings', out, '--json'], {
        encoding: 'utf8',
      }),
    ) as Array<{ rows: ReferenceRow[] }>;
    const refRows = reference[0]!.rows;
    for (const r of rows) {
      const ref = refRows.find((x) => x.group === r.group);
      expect(ref, r.group).toBeDefined();
      expect(ref!.n).toBe(r.n);
      for (const k of ['recall5', 'mrr', 'ndcg5', 'precShown', 'none'] as const) expect(r[k]).toBeCloseTo(ref![k]!, 9);
    }
    expect(refRows.find((x) => x.group === 'noanswer')?.noise).toBeCloseTo(noanswer!.noise, 9);
  });
});

describe('matching quality with every offer removed (people known only by their role)', () => {
  const tmp = mkdtempSync(join(os.tmpdir(), 'rete-eval-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds people from their headline alone', { timeout: 180_000 }, async () => {
    const { rows } = await evalMatching(devSplit, join(tmp, 'no-offers.jsonl'), { noOffers: true });
    const all = rows.find((r) => r.group === 'all');
    expect(all!.recall5).toBeGreaterThanOrEqual(NO_OFFERS_FLOOR.recall5);
    expect(all!.precShown).toBeGreaterThanOrEqual(NO_OFFERS_FLOOR.precShown);
  });
});

describe('matching quality on the held-out split', () => {
  const tmp = mkdtempSync(join(os.tmpdir(), 'rete-eval-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('meets the targets on asks and profiles the engine was never tuned on', { timeout: 180_000 }, async () => {
    const { rows, noanswer } = await evalMatching(holdoutSplit, join(tmp, 'holdout.jsonl'));
    const all = rows.find((r) => r.group === 'all');
    expect(all!.recall5).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.recall5);
    expect(all!.mrr).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.mrr);
    expect(all!.ndcg5).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.ndcg5);
    expect(all!.precShown).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.precShown);
    expect(noanswer!.noise).toBeLessThanOrEqual(HOLDOUT_NOISE_CEILING);
  });
});

describe('matching metrics', () => {
  const asks: Array<{ id: string; lang: Locale; text: string; relevant: Record<string, number>; tags: string[] }> = [
    { id: 'a1', lang: 'it', text: 'x', relevant: { p1: 2, p2: 1 }, tags: ['lexical'] },
    { id: 'a2', lang: 'en', text: 'y', relevant: { p3: 2 }, tags: ['synonym'] },
    { id: 'a3', lang: 'it', text: 'z', relevant: {}, tags: ['noanswer'] },
    { id: 'a4', lang: 'en', text: 'w', relevant: {}, tags: ['noanswer'] },
  ];

  it('scores what is shown, and asks nobody can answer as noise apart from the rest', () => {
    const rankings = new Map<string, Ranking>([
      ['a1', { ranked: ['p9', 'p1', 'p2'], shown: 2 }],
      ['a2', { ranked: ['p4', 'p5'], shown: 0 }],
      ['a3', { ranked: ['p1'], shown: 1 }],
      ['a4', { ranked: ['p2'], shown: 0 }],
    ]);
    const { rows, noanswer } = metrics(asks, rankings);
    const all = rows.find((r) => r.group === 'all')!;
    expect(all.n).toBe(2);
    // a1: both relevant in the top 5 (recall 1), first grade 2 at rank 2; a2: nothing relevant.
    expect(all.recall5).toBeCloseTo(0.5, 9);
    expect(all.mrr).toBeCloseTo(0.25, 9);
    // Only a1 shows anyone: of its two shown, one is relevant.
    expect(all.precShown).toBeCloseTo(0.5, 9);
    expect(all.none).toBeCloseTo(0.5, 9);
    expect(noanswer).toEqual({ group: 'noanswer', n: 2, noise: 0.5 });
    expect(rows.some((r) => r.group === 'tag:noanswer')).toBe(false);
  });
});
