import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES } from '#shared/api/values.ts';
import { createNetworkCache, type AppDeps } from '../../deps.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/db.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createUser } from '../auth/auth.service.ts';
import { addItem, createPerson } from '../people/people.service.ts';
import { matchText } from './matching.service.ts';

/**
 * `rete eval matching`: loads a split's profiles as one user's network in a fresh temporary
 * database, through the product's services, and ranks them for each ask with the product's
 * default matching (the same call as GET /api/v1/match). Labels are read only for scoring.
 */

const Profile = z.object({
  id: z.string(),
  name: z.string(),
  lang: z.enum(LOCALES),
  headline: z.string().default(''),
  offers: z.array(z.string()),
  needs: z.array(z.string()).default([]),
  city: z.string().nullable().optional(),
});
const Ask = z.object({
  id: z.string(),
  lang: z.enum(LOCALES),
  text: z.string(),
  relevant: z.record(z.string(), z.number()).optional(),
  tags: z.array(z.string()).optional(),
});
type Ask = z.infer<typeof Ask>;

const K = 5;
/** The tags scored as rows; `noanswer` asks (nobody can help) are scored apart, as noise. */
const TAGS = ['lexical', 'synonym', 'crosslingual', 'distractor', 'intent', 'contact'];
const isNoAnswer = (a: Ask) => a.tags?.includes('noanswer') === true;

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const r = schema.safeParse(JSON.parse(l));
      if (!r.success)
        throw new Error(`${file}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      return r.data;
    });
}

export interface AskScore {
  recall: number;
  rr: number;
  ndcg: number;
  /** Relevant share of what is shown (the first min(shown, 5)); null when nothing is shown. */
  prec: number | null;
  /** 1 when nothing is shown for an answerable ask. */
  none: number;
}

/**
 * One answerable ask, as the reference scorer (eval/matching/score.mjs) scores it. `shown` is how
 * many of the ranked people the product would display (default: the first five).
 */
export function scoreAsk(relevant: Record<string, number>, ranked: string[], shown = Math.min(ranked.length, K)): AskScore {
  const nShown = Math.min(shown, K);
  const nRel = Object.keys(relevant).length;
  const top = ranked.slice(0, K);
  const recall = nRel ? top.filter((id) => (relevant[id] ?? 0) > 0).length / nRel : 0;
  const first = ranked.findIndex((id) => relevant[id] === 2);
  const rr = first >= 0 ? 1 / (first + 1) : 0;
  const gain = (g: number) => 2 ** g - 1;
  let dcg = 0;
  top.forEach((id, i) => {
    const g = relevant[id];
    if (g) dcg += gain(g) / Math.log2(i + 2);
  });
  let idcg = 0;
  Object.values(relevant)
    .sort((x, y) => y - x)
    .slice(0, K)
    .forEach((g, i) => (idcg += gain(g) / Math.log2(i + 2)));
  const prec = nShown ? ranked.slice(0, nShown).filter((id) => (relevant[id] ?? 0) > 0).length / nShown : null;
  return { recall, rr, ndcg: idcg ? dcg / idcg : 0, prec, none: nShown ? 0 : 1 };
}

export interface MetricRow {
  group: string;
  n: number;
  recall5: number;
  mrr: number;
  ndcg5: number;
  /** Mean relevant share of what is shown, over the asks that show someone. */
  precShown: number;
  /** Share of answerable asks for which nothing is shown. */
  none: number;
}

/** The `noanswer` row: share of the asks nobody can answer for which someone is shown anyway. */
export interface NoiseRow {
  group: 'noanswer';
  n: number;
  noise: number;
}

export interface Ranking {
  ranked: string[];
  shown: number;
}

export function metrics(asks: Ask[], rankings: Map<string, Ranking>): { rows: MetricRow[]; noanswer: NoiseRow | null } {
  const groups = new Map<string, AskScore[]>();
  const add = (k: string, s: AskScore) => groups.set(k, [...(groups.get(k) ?? []), s]);
  let noAnswerAsks = 0;
  let noisy = 0;
  for (const a of asks) {
    const r = rankings.get(a.id) ?? { ranked: [], shown: 0 };
    if (isNoAnswer(a)) {
      noAnswerAsks++;
      if (r.shown > 0) noisy++;
      continue;
    }
    if (!a.relevant) continue;
    const s = scoreAsk(a.relevant, r.ranked, r.shown);
    add('all', s);
    for (const t of TAGS) if (a.tags?.includes(t)) add(`tag:${t}`, s);
    add(`lang:${a.lang}`, s);
  }
  const rows: MetricRow[] = [];
  for (const key of ['all', ...TAGS.map((t) => `tag:${t}`), 'lang:it', 'lang:en']) {
    const g = groups.get(key);
    if (!g) continue;
    const mean = (f: 'recall' | 'rr' | 'ndcg' | 'none') => g.reduce((x, s) => x + s[f], 0) / g.length;
    const withShown = g.flatMap((s) => (s.prec === null ? [] : [s.prec]));
    rows.push({
      group: key,
      n: g.length,
      recall5: mean('recall'),
      mrr: mean('rr'),
      ndcg5: mean('ndcg'),
      precShown: withShown.length ? withShown.reduce((x, p) => x + p, 0) / withShown.length : 0,
      none: mean('none'),
    });
  }
  const noanswer: NoiseRow | null = noAnswerAsks ? { group: 'noanswer', n: noAnswerAsks, noise: noisy / noAnswerAsks } : null;
  return { rows, noanswer };
}

export function formatTable(rows: MetricRow[], noanswer: NoiseRow | null = null): string {
  const lines = ['| group | n | recall@5 | MRR | nDCG@5 | P@shown | none shown |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows)
    lines.push(
      `| ${r.group} | ${r.n} | ${r.recall5.toFixed(3)} | ${r.mrr.toFixed(3)} | ${r.ndcg5.toFixed(3)} | ${r.precShown.toFixed(3)} | ${r.none.toFixed(3)} |`,
    );
  if (noanswer) lines.push(`| noanswer (shown anyone) | ${noanswer.n} | | | | | noise ${noanswer.noise.toFixed(3)} |`);
  return lines.join('\n');
}

export interface EvalResult {
  rows: MetricRow[];
  noanswer: NoiseRow | null;
  asks: number;
  ms: number;
}

export interface EvalOptions {
  /**
   * Load every profile without its offers: people known only by their headline (role, company),
   * as after a LinkedIn import. The hidden split is also judged this way.
   */
  noOffers?: boolean;
}

export async function evalMatching(splitDir: string, outFile: string, options: EvalOptions = {}): Promise<EvalResult> {
  const t0 = performance.now();
  const profiles = readJsonl(path.join(splitDir, 'profiles.jsonl'), Profile);
  const asks = readJsonl(path.join(splitDir, 'asks.jsonl'), Ask);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rete-eval-'));
  const handle = openDatabase({ kind: 'sqlite', path: path.join(dir, 'eval.db') });
  try {
    await migrateToLatest(handle.db);
    const config = loadConfig({ NODE_ENV: 'test', SQLITE_PATH: path.join(dir, 'eval.db') });
    const deps: AppDeps = {
      db: handle.db,
      dialect: 'sqlite',
      config,
      now: () => new Date(),
      network: createNetworkCache(handle.db),
    };
    const user = await createUser(
      deps,
      { email: 'eval@example.com', password: 'evaluation run password', displayName: 'Eval', locale: 'it' },
      'admin',
    );
    const profileOf = new Map<string, string>();
    for (const p of profiles) {
      // The headline says what the person does: it is their role, as a user would write it.
      const id = await createPerson(deps, user.id, {
        name: p.name,
        role: p.headline || null,
        city: p.city ?? null,
        language: p.lang,
      });
      profileOf.set(id, p.id);
      if (!options.noOffers) for (const text of p.offers) await addItem(deps, 'offers', user.id, id, { text });
      for (const text of p.needs) await addItem(deps, 'needs', user.id, id, { text });
    }
    const rankings = new Map<string, Ranking>();
    const lines: string[] = [];
    for (const a of asks) {
      const results = await matchText(deps, user.id, a.text, 20);
      const ranked = results.items.map((r) => profileOf.get(r.person.id)).filter((x): x is string => x !== undefined);
      // What the product shows after its relevance cut-off (0: "nobody in your network fits, yet").
      const shown = Math.min(results.shown, ranked.length);
      rankings.set(a.id, { ranked, shown });
      lines.push(JSON.stringify({ ask: a.id, ranked, shown }));
    }
    fs.writeFileSync(outFile, lines.join('\n') + '\n');
    return { ...metrics(asks, rankings), asks: asks.length, ms: performance.now() - t0 };
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
