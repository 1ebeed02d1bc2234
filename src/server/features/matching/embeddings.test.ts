import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createTestApp, signup, type Client, type TestApp } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { EmbeddingProvider, rerank } from './embeddings.ts';

/**
 * A stand-in for a third-party OpenAI-compatible embeddings service, on 127.0.0.1: it embeds a
 * text as its bag of words hashed into 64 dimensions (texts sharing words are similar), records
 * every request, and can be told to fail.
 */
class FakeEmbeddings {
  requests: Array<{ path: string; auth: string | undefined; model: unknown; input: string[] }> = [];
  mode: 'ok' | 'error' = 'ok';
  /** Texts forced to one vector, to make the provider disagree with the engine on purpose. */
  pinned = new Map<string, number[]>();
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { model?: unknown; input?: string[] };
      const input = parsed.input ?? [];
      this.requests.push({ path: req.url ?? '', auth: req.headers.authorization, model: parsed.model, input });
      if (this.mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
        return;
      }
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: this.vector(text) }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
    });
  });

  vector(text: string): number[] {
    const pinned = this.pinned.get(text);
    if (pinned) return pinned;
    const v = new Array<number>(64).fill(0);
    for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
      if (w.length < 4) continue;
      let h = 0;
      for (const ch of w) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 64;
      v[h] = (v[h] ?? 0) + 1;
    }
    return v;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const settings = (url: string) => ({ url, model: 'test-embed-small', apiKey: 'sk-test-123', timeoutMs: 2000 });

describe('embedding re-ranking', () => {
  const fake = new FakeEmbeddings();
  let url = '';
  beforeAll(async () => (url = await fake.start()));
  afterAll(async () => fake.stop());

  it('moves the candidate the provider finds closest above a slightly better engine score', async () => {
    fake.mode = 'ok';
    fake.pinned = new Map([
      ['need', [1, 0, 0]],
      ['close', [1, 0, 0]],
      ['far', [0, 1, 0]],
    ]);
    const provider = new EmbeddingProvider(settings(url), () => {});
    const candidates = [
      { item: 'a', score: 10, text: 'far' },
      { item: 'b', score: 9.5, text: 'close' },
    ];
    const ranked = await rerank(provider, 'need', candidates, 2);
    expect(ranked.map((r) => r.item)).toEqual(['b', 'a']);
    // A large gap in the engine's evidence is not overturned by similarity alone.
    const wide = await rerank(
      provider,
      'need',
      [candidates[0] as (typeof candidates)[0], { ...candidates[1], score: 2 } as (typeof candidates)[0]],
      2,
    );
    expect(wide.map((r) => r.item)).toEqual(['a', 'b']);
    fake.pinned = new Map();
  });

  it('caches vectors per text and sends one request for what it has not seen', async () => {
    fake.mode = 'ok';
    const provider = new EmbeddingProvider(settings(url), () => {});
    const before = fake.requests.length;
    await provider.embed(['uno due tre', 'quattro cinque sei']);
    await provider.embed(['uno due tre', 'quattro cinque sei']);
    await provider.embed(['quattro cinque sei', 'sette otto nove']);
    const sent = fake.requests.slice(before);
    expect(sent.map((r) => r.input)).toEqual([['uno due tre', 'quattro cinque sei'], ['sette otto nove']]);
    expect(sent[0]).toMatchObject({ path: '/v1/embeddings', auth: 'Bearer sk-test-123', model: 'test-embed-small' });
  });

  it('falls back to the engine order and warns once when the provider fails', async () => {
    fake.mode = 'error';
    const warnings: string[] = [];
    let clock = 0;
    const provider = new EmbeddingProvider(
      settings(url),
      (m) => warnings.push(m),
      () => clock,
    );
    const candidates = [
      { item: 'a', score: 3, text: 'alpha text' },
      { item: 'b', score: 2, text: 'beta text' },
    ];
    expect(await rerank(provider, 'query one', candidates, 2)).toEqual([
      { item: 'a', score: 3 },
      { item: 'b', score: 2 },
    ]);
    clock += 120_000; // past the pause: it tries again, fails again, and stays quiet
    expect((await rerank(provider, 'query two', candidates, 1)).map((r) => r.item)).toEqual(['a']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Embeddings provider unavailable \(HTTP 500\)/);
    fake.mode = 'ok';
  });
});

describe.each(dialects())('embeddings in the product on %s', (dialect) => {
  const fake = new FakeEmbeddings();
  let url = '';
  beforeAll(async () => (url = await fake.start()));
  afterAll(async () => fake.stop());

  /** A small network, the same in every app; returns the answer's names for a few needs. */
  async function answers(env: Record<string, string>): Promise<{ names: string[][]; requests: number }> {
    const t: TestApp = await createTestApp(dialect, {}, env);
    try {
      const me: Client = await signup(t.app);
      const person = async (name: string, role: string, offers: string[]) => {
        const p = await createPerson(me, { name, role });
        for (const text of offers) {
          const r = await me.req({ method: 'POST', url: `/api/v1/people/${p.id}/offers`, payload: { text } });
          expect(r.statusCode).toBe(201);
        }
      };
      await person('Laura Conti', 'Avvocato', ['Recupero crediti e decreti ingiuntivi']);
      await person('Federica Villa', 'Consulente finanza d’impresa', ['Factoring e anticipo fatture per PMI']);
      await person('Sarah Whitfield', 'Tax advisor for expats', ['Italian tax returns for foreigners']);
      await person('Marco Ferri', 'Commercialista', ['Dichiarazione dei redditi e contabilità per partite IVA']);
      const before = fake.requests.length;
      const names: string[][] = [];
      for (const q of ['i clienti non pagano le fatture', 'I need an accountant for my tax return', 'recupero crediti']) {
        const res = await me.req({ method: 'GET', url: `/api/v1/match?q=${encodeURIComponent(q)}` });
        expect(res.statusCode).toBe(200);
        names.push(res.json<{ items: Array<{ person: { name: string } }> }>().items.map((h) => h.person.name));
      }
      return { names, requests: fake.requests.length - before };
    } finally {
      await t.close();
    }
  }

  it('sends nothing when no provider is configured', async () => {
    fake.mode = 'ok';
    const off = await answers({});
    expect(off.requests).toBe(0);
    expect(off.names[0]?.length).toBeGreaterThan(0);
  });

  it('asks the configured model with the API key when one is', async () => {
    fake.mode = 'ok';
    const before = fake.requests.length;
    const on = await answers({ EMBEDDINGS_URL: url, EMBEDDINGS_MODEL: 'test-embed-small', EMBEDDINGS_API_KEY: 'sk-test-123' });
    expect(on.requests).toBeGreaterThan(0);
    for (const r of fake.requests.slice(before)) {
      expect(r).toMatchObject({ path: '/v1/embeddings', auth: 'Bearer sk-test-123', model: 'test-embed-small' });
    }
    expect(fake.requests.slice(before).flatMap((r) => r.input)).toContain('i clienti non pagano le fatture');
    expect(on.names[0]?.length).toBeGreaterThan(0);
  });

  it('gives the same answers as without a provider when the provider fails', async () => {
    fake.mode = 'ok';
    const off = await answers({});
    fake.mode = 'error';
    const warnings: string[] = [];
    const onWarning = (w: Error & { code?: string }) => {
      if (w.code === 'RETE_EMBEDDINGS') warnings.push(w.message);
    };
    process.on('warning', onWarning);
    try {
      const failing = await answers({ EMBEDDINGS_URL: url, EMBEDDINGS_MODEL: 'test-embed-small' });
      expect(failing.requests).toBeGreaterThan(0);
      expect(failing.names).toEqual(off.names);
      const unreachable = await answers({ EMBEDDINGS_URL: 'http://127.0.0.1:9/v1', EMBEDDINGS_TIMEOUT_MS: '500' });
      expect(unreachable.names).toEqual(off.names);
      await new Promise((r) => setImmediate(r)); // process warnings are emitted on the next tick
      expect(warnings).toHaveLength(2); // one per failing provider (two apps), not one per request
    } finally {
      process.off('warning', onWarning);
      fake.mode = 'ok';
    }
  });
});
