import { describe, expect, it } from 'vitest';
import { appPerSuite, signup, type Client } from '#test/helpers/app.ts';
import { failPeopleInsertsFrom } from '#test/helpers/faults.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { snapshot } from '#test/helpers/world.ts';
import { ImportEvent, type ImportResult } from '#shared/api/import.ts';

const raw = { 'content-type': 'application/octet-stream' };
const streamed = { ...raw, accept: 'application/x-ndjson' };

/** A LinkedIn export of `n` people. */
function linkedin(n: number): Buffer {
  const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 1; i <= n; i++) {
    rows.push(`Nome${i},Cognome${i},https://www.linkedin.com/in/p-${i},p${i}@example.com,Azienda ${i % 40},Ruolo,12 Mar 2024`);
  }
  return Buffer.from(rows.join('\r\n'));
}

function parseLines(body: string): ImportEvent[] {
  expect(body.endsWith('\n')).toBe(true);
  return body
    .trimEnd()
    .split('\n')
    .map((l) => ImportEvent.parse(JSON.parse(l)));
}

const PHASES = ['parse', 'match', 'write'];

describe.each(dialects())('import progress stream (NDJSON) on %s', (dialect) => {
  const t = appPerSuite(dialect);

  it('streams progress for every phase in order, then the same result as a plain import', async () => {
    const file = linkedin(1_200);
    const plainUser = await signup(t.app);
    const plain = await plainUser.req({ method: 'POST', url: '/api/v1/imports', headers: raw, payload: file });
    expect(plain.statusCode, plain.body).toBe(201);

    const u = await signup(t.app);
    const res = await u.req({ method: 'POST', url: '/api/v1/imports?filename=c.csv', headers: streamed, payload: file });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const events = parseLines(res.body);
    const progress = events.filter((e) => e.type === 'progress');
    const last = events.at(-1);
    expect(last?.type).toBe('result');
    expect(events.filter((e) => e.type !== 'progress')).toHaveLength(1);

    // Phases in order, each starting at 0 and ending at its total, never going back.
    const order = progress.map((e) => PHASES.indexOf(e.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const phase of PHASES) {
      const of = progress.filter((e) => e.phase === phase);
      expect(of.length, phase).toBeGreaterThanOrEqual(2);
      expect(of[0]?.done, phase).toBe(0);
      expect(of.at(-1)?.done, phase).toBe(of.at(-1)?.total);
      const done = of.map((e) => e.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    }
    expect(progress.find((e) => e.phase === 'parse')?.total).toBe(file.length);
    expect(progress.filter((e) => e.phase === 'match').map((e) => [e.done, e.total])).toEqual([
      [0, 1_200],
      [1_200, 1_200],
    ]);
    expect(progress.filter((e) => e.phase === 'write').map((e) => e.done)).toEqual([0, 500, 1_000, 1_200]);

    const result = (last as { result: ImportResult }).result;
    const expected = plain.json<ImportResult>();
    expect(result.created).toHaveLength(1_200);
    expect({ ...result, created: [], merged: [] }).toEqual({ ...expected, created: [], merged: [] });
    const count = await t.db.handle.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', u.userId)
      .where('is_self', '=', 0)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1_200);

    // Without the header: the plain answer, as before.
    const again = await u.req({ method: 'POST', url: '/api/v1/imports', headers: raw, payload: file });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ toCreate: 0, unchanged: 1_200 });
  });

  it('ends with an error line and writes nothing when the import fails halfway', async () => {
    const u: Client = await signup(t.app);
    const db = t.db.handle.db;
    // A real failure inside the database on the 700th person written, in the second step of 500
    // (people are written in the order of their random ids, so the trigger counts instead of
    // waiting for a name).
    const removeTrigger = await failPeopleInsertsFrom(db, dialect, 700);
    try {
      const before = await snapshot(t);
      const res = await u.req({
        method: 'POST',
        url: '/api/v1/imports',
        headers: streamed,
        payload: linkedin(1_000),
      });
      expect(res.statusCode).toBe(200);
      const events = parseLines(res.body);
      expect(
        events.filter((e) => e.type === 'progress' && e.phase === 'write').map((e) => (e.type === 'progress' ? e.done : -1)),
      ).toEqual([0, 500]);
      expect(events.at(-1)).toEqual({
        type: 'error',
        error: { code: 'internal', message: expect.stringMatching(/^Internal error \(request .+\)$/) },
      });
      expect(events.some((e) => e.type === 'result')).toBe(false);
      expect(res.body).not.toMatch(/boom|sqlite|insert/i);
      expect(await snapshot(t)).toEqual(before);
    } finally {
      await removeTrigger();
    }

    // A file without any contact: the error line carries the problems, and nothing is written.
    const before = await snapshot(t);
    const bad = await u.req({
      method: 'POST',
      url: '/api/v1/imports',
      headers: streamed,
      payload: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nX-ONLY:nothing\r\nEND:VCARD\r\n'),
    });
    const events = parseLines(bad.body);
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'validation_failed', details: [{ path: expect.stringMatching(/^line \d+$/) }] },
    });
    expect(await snapshot(t)).toEqual(before);
  });
  // Last: it puts the app on a real socket and closes it afterwards.
  it('sends each progress line as it happens, not all at the end (over a real socket)', async () => {
    const u = await signup(t.app);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(`${address}/api/v1/imports`, {
        method: 'POST',
        headers: { ...streamed, cookie: u.cookie, 'x-csrf-token': u.csrf },
        body: new Uint8Array(linkedin(2_000)),
      });
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      // The lines each chunk completed: a bar can only move if they come in several chunks.
      const arrivals: string[][] = [];
      let pending = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        pending += decoder.decode(value, { stream: true });
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        if (lines.length > 0)
          arrivals.push(
            lines.map((l) => JSON.parse(l) as ImportEvent).map((e) => (e.type === 'progress' ? `${e.phase}:${e.done}` : e.type)),
          );
      }
      expect(arrivals.flat().at(-1)).toBe('result');
      expect(arrivals.length).toBeGreaterThanOrEqual(4);
      // The first write step arrived in an earlier chunk than the result.
      const at = (what: string) => arrivals.findIndex((chunk) => chunk.includes(what));
      expect(at('write:500')).toBeGreaterThanOrEqual(0);
      expect(at('write:500')).toBeLessThan(at('result'));
    } finally {
      await t.app.close();
    }
  });
});
