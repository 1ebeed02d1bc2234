import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { createNetworkCache, type AppDeps } from '../../app.ts';
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
  lang: z.enum(['it', 'en']),
  headline: z.string().default(''),
  offers: z.array(z.string()),
  needs: z.array(z.string()).default([]),
  city: z.string().nullable().optional(),
});
const Ask = z.object({
  id: z.string(),
  lang: z.enum(['it', 'en']),
  text: z.string(),
  relevant: z.record(z.string(), z.number()).optional(),
  tags: z.array(z.string()).optional(),
});
type Ask = z.infer<typeof Ask>;

const K = 5;
const TAGS = ['lexical', 'synonym', 'crosslingual', 'distractor', 'intent', 'contact'];

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

export function scoreAsk(relevant: Record<string, number>, ranked: string[]) {
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
  return { recall, rr, ndcg: idcg ? dcg / idcg : 0 };
}

export interface MetricRow {
  group: string;
  n: number;
  recall5: number;
  mrr: number;
  ndcg5: number;
}

export function metrics(asks: Ask[], rankings: Map<string, string[]>): MetricRow[] {
  const groups = new Map<string, Array<ReturnType<typeof scoreAsk>>>();
  const add = (k: string, s: ReturnType<typeof scoreAsk>) => groups.set(k, [...(groups.get(k) ?? []), s]);
  for (const a of asks) {
    if (!a.relevant) continue;
    const s = scoreAsk(a.relevant, rankings.get(a.id) ?? []);
    add('all', s);
    for (const t of TAGS) if (a.tags?.includes(t)) add(`tag:${t}`, s);
    add(`lang:${a.lang}`, s);
  }
  const rows: MetricRow[] = [];
  for (const key of ['all', ...TAGS.map((t) => `tag:${t}`), 'lang:it', 'lang:en']) {
    const g = groups.get(key);
    if (!g) continue;
    const mean = (f: 'recall' | 'rr' | 'ndcg') => g.reduce((x, s) => x + s[f], 0) / g.length;
    rows.push({ group: key, n: g.length, recall5: mean('recall'), mrr: mean('rr'), ndcg5: mean('ndcg') });
  }
  return rows;
}

export function formatTable(rows: MetricRow[]): string {
  const lines = ['| group | n | recall@5 | MRR | nDCG@5 |', '|---|---:|---:|---:|---:|'];
  for (const r of rows)
    lines.push(`| ${r.group} | ${r.n} | ${r.recall5.toFixed(3)} | ${r.mrr.toFixed(3)} | ${r.ndcg5.toFixed(3)} |`);
  return lines.join('\n');
}

export async function evalMatching(splitDir: string, outFile: string): Promise<{ rows: MetricRow[]; asks: number; ms: number }> {
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
      for (const text of p.offers) await addItem(deps, 'offers', user.id, id, { text });
      for (const text of p.needs) await addItem(deps, 'needs', user.id, id, { text });
    }
    const rankings = new Map<string, string[]>();
    const lines: string[] = [];
    for (const a of asks) {
      const results = await matchText(deps, user.id, a.text, 20);
      const ranked = results.map((r) => profileOf.get(r.person.id)).filter((x): x is string => x !== undefined);
      rankings.set(a.id, ranked);
      lines.push(JSON.stringify({ ask: a.id, ranked }));
    }
    fs.writeFileSync(outFile, lines.join('\n') + '\n');
    return { rows: metrics(asks, rankings), asks: asks.length, ms: performance.now() - t0 };
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
