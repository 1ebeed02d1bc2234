/**
 * The matching evaluation on the labelled dev split, run in CI with floors a little under the
 * measured result, so that matching quality cannot silently regress. The split lives in `shared/`
 * next to the repository root (found by walking up, like the real-world import fixtures).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { evalMatching, type MetricRow } from '../src/server/features/matching/eval.ts';

function devSplitDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'shared', 'eval', 'matching', 'dev');
    if (existsSync(join(candidate, 'asks.jsonl'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('shared/eval/matching/dev not found in any folder above this file');
    dir = parent;
  }
}

/** Floors: a little under the measured dev result (see docs/benchmarks.md), never above target. */
const FLOOR = { recall5: 0.9, mrr: 0.92, ndcg5: 0.9 };
const GROUP_RECALL_FLOOR = 0.85;

describe('matching quality on the dev split', () => {
  const tmp = mkdtempSync(join(os.tmpdir(), 'rete-eval-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('stays above its floors overall, on every tag and in each language', { timeout: 180_000 }, async () => {
    const out = join(tmp, 'rankings.jsonl');
    const { rows, asks } = await evalMatching(devSplitDir(), out);
    expect(asks).toBeGreaterThan(50);

    // The output file is the one the shared scorer reads: one ranking per ask.
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(asks);

    const byGroup = new Map<string, MetricRow>(rows.map((r) => [r.group, r]));
    const all = byGroup.get('all');
    expect(all).toBeDefined();
    expect(all!.recall5).toBeGreaterThanOrEqual(FLOOR.recall5);
    expect(all!.mrr).toBeGreaterThanOrEqual(FLOOR.mrr);
    expect(all!.ndcg5).toBeGreaterThanOrEqual(FLOOR.ndcg5);

    expect(byGroup.has('lang:it') && byGroup.has('lang:en')).toBe(true);
    const weak = rows.filter((r) => r.group !== 'all' && r.recall5 < GROUP_RECALL_FLOOR);
    expect(weak.map((r) => `${r.group} ${r.recall5.toFixed(3)}`)).toEqual([]);
  });
});
