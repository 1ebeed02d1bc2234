/**
 * Optional embedding similarity as one more ranking signal (EMBEDDINGS_URL; off by default).
 *
 * Rete talks to any OpenAI-compatible embeddings endpoint (`POST …/embeddings` with
 * `{ model, input: [texts] }`, answering `{ data: [{ index, embedding }] }`): a hosted service or
 * a local server. It never downloads model weights itself. The lexical and concept engine stays
 * the retriever; embeddings only re-rank the candidates it found, so they can add meaning the
 * catalogue lacks but can never make an answer depend on the provider being up.
 *
 * Vectors are cached per text (offer and need texts repeat across requests). When the provider
 * fails (unreachable, timeout, an error status, an unexpected body), the engine's ranking is
 * returned unchanged, one warning is written, and the provider is left alone for a while before
 * it is tried again; the next failure after a success warns again.
 */

export interface EmbeddingsSettings {
  url: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
}

/** How much of the final score comes from embedding similarity (the rest is the engine's). */
const EMBEDDING_SHARE = 0.3;
/** Candidates fetched from the engine per requested result, for the re-ranking to choose from. */
export const CANDIDATES_FACTOR = 3;
const MIN_CANDIDATES = 30;
const CACHE_LIMIT = 20_000;
const RETRY_AFTER_MS = 60_000;

export type Warn = (message: string) => void;

const defaultWarn: Warn = (message) => process.emitWarning(message, { code: 'RETE_EMBEDDINGS' });

export class EmbeddingProvider {
  private readonly cache = new Map<string, Float32Array>();
  private readonly endpoint: string;
  private pausedUntil = 0;
  private warned = false;
  /** Requests sent, for tests and diagnostics. */
  requests = 0;

  constructor(
    private readonly settings: EmbeddingsSettings,
    private readonly warn: Warn = defaultWarn,
    private readonly now: () => number = Date.now,
  ) {
    const url = settings.url.replace(/\/+$/, '');
    this.endpoint = url.endsWith('/embeddings') ? url : `${url}/embeddings`;
  }

  /** Vectors for the texts (cached ones reused, the others fetched in one request), or null on failure. */
  async embed(texts: readonly string[]): Promise<Array<Float32Array> | null> {
    if (this.now() < this.pausedUntil) return null;
    const missing = [...new Set(texts.filter((t) => !this.cache.has(t)))];
    if (missing.length > 0) {
      const fetched = await this.fetchVectors(missing);
      if (!fetched) return null;
      if (this.cache.size + missing.length > CACHE_LIMIT) this.cache.clear();
      missing.forEach((t, i) => this.cache.set(t, fetched[i] as Float32Array));
    }
    const out: Float32Array[] = [];
    for (const t of texts) {
      const v = this.cache.get(t);
      if (!v) return null;
      out.push(v);
    }
    return out;
  }

  private async fetchVectors(input: string[]): Promise<Float32Array[] | null> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;
    try {
      this.requests++;
      const res = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.settings.model, input }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { data?: Array<{ index?: number; embedding?: unknown }> };
      const rows = body.data;
      if (!Array.isArray(rows) || rows.length !== input.length) throw new Error('unexpected response body');
      const vectors: Float32Array[] = new Array<Float32Array>(input.length);
      rows.forEach((row, i) => {
        const e = row.embedding;
        if (!Array.isArray(e) || e.length === 0 || !e.every((x) => typeof x === 'number'))
          throw new Error('unexpected response body');
        vectors[typeof row.index === 'number' ? row.index : i] = normalise(Float32Array.from(e));
      });
      for (let i = 0; i < input.length; i++) if (!vectors[i]) throw new Error('unexpected response body');
      this.warned = false;
      return vectors;
    } catch (err) {
      this.pausedUntil = this.now() + RETRY_AFTER_MS;
      if (!this.warned) {
        this.warned = true;
        this.warn(
          `Embeddings provider unavailable (${err instanceof Error ? err.message : String(err)}); ` +
            'matching uses the lexical and concept engine alone until it answers again.',
        );
      }
      return null;
    }
  }
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / n;
  return v;
}

function dot(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** How many candidates to ask the engine for when `limit` results will be re-ranked. */
export function candidateCount(limit: number): number {
  return Math.max(limit * CANDIDATES_FACTOR, MIN_CANDIDATES);
}

/**
 * Re-ranks the engine's candidates (best first, with their scores and texts) by a blend of the
 * engine's score, relative to the best, and the cosine similarity of the query and each text.
 * Returns the best `limit`, with the blended score on the engine's scale; on any provider
 * failure, the engine's own best `limit`, unchanged.
 */
export async function rerank<T>(
  provider: EmbeddingProvider | null,
  query: string,
  candidates: ReadonlyArray<{ item: T; score: number; text: string }>,
  limit: number,
): Promise<Array<{ item: T; score: number }>> {
  const plain = () => candidates.slice(0, limit).map(({ item, score }) => ({ item, score }));
  if (!provider || candidates.length === 0) return plain();
  const vectors = await provider.embed([query, ...candidates.map((c) => c.text)]);
  if (!vectors) return plain();
  const [q, ...docs] = vectors;
  if (!q) return plain();
  const top = Math.max(...candidates.map((c) => c.score)) || 1;
  return candidates
    .map((c, i) => {
      const d = docs[i];
      const sim = d ? Math.max(0, dot(q, d)) : 0;
      return { item: c.item, score: top * ((1 - EMBEDDING_SHARE) * (c.score / top) + EMBEDDING_SHARE * sim) };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

const providers = new WeakMap<EmbeddingsSettings, EmbeddingProvider>();

/** The provider of a configuration (one per process, so that its cache is shared), or null when off. */
export function embeddingProvider(settings: EmbeddingsSettings | null): EmbeddingProvider | null {
  if (!settings) return null;
  let p = providers.get(settings);
  if (!p) providers.set(settings, (p = new EmbeddingProvider(settings)));
  return p;
}
