import { describe, expect, it } from 'vitest';
import { appPerSuite, userPerSuite } from '#test/helpers/app.ts';
import { dialects } from '#test/helpers/test-db.ts';
import { expectErrorShape, snapshot } from '#test/helpers/world.ts';
import { fixture } from './parse/fixtures.ts';

const raw = { 'content-type': 'application/octet-stream' };

describe.each(dialects())('import routes on %s', (dialect) => {
  const t = appPerSuite(dialect);
  const alice = userPerSuite(t);

  it('previews without writing, then imports, then a re-import changes nothing', async () => {
    const file = fixture('vcard', 'ezvcard__gmail-list.vcf');
    const before = await snapshot(t);
    const preview = await alice.req({ method: 'POST', url: '/api/v1/imports/preview?people=true', headers: raw, payload: file });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      format: 'vcard',
      toCreate: 3,
      toMerge: 0,
      people: [{ name: 'Arnold Smith' }, {}, {}],
    });
    expect(await snapshot(t)).toEqual(before);
    const counts = await alice.req({ method: 'POST', url: '/api/v1/imports/preview', headers: raw, payload: file });
    expect(counts.json().people).toBeUndefined();

    const done = await alice.req({ method: 'POST', url: '/api/v1/imports?filename=list.vcf', headers: raw, payload: file });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ toCreate: 3, created: [expect.any(String), expect.any(String), expect.any(String)] });
    const list = await alice.req({ method: 'GET', url: '/api/v1/people?q=arnold' });
    expect(list.json().items).toHaveLength(1);

    const again = await alice.req({ method: 'POST', url: '/api/v1/imports', headers: raw, payload: file });
    expect(again.json()).toMatchObject({ toCreate: 0, toMerge: 0, unchanged: 3 });
  });

  it('takes a forced format and a column mapping for a generic CSV', async () => {
    const csv = Buffer.from('Nome;Posta;Azienda\r\nLuca Bassi;luca@example.com;Bassi Srl\r\n');
    const mapping = encodeURIComponent(JSON.stringify({ Nome: 'name', Posta: 'email', Azienda: 'company' }));
    const res = await alice.req({
      method: 'POST',
      url: `/api/v1/imports/preview?format=csv&people=true&mapping=${mapping}`,
      headers: raw,
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      format: 'csv',
      toCreate: 1,
      csvHeaders: ['Nome', 'Posta', 'Azienda'],
      people: [{ name: 'Luca Bassi', company: 'Bassi Srl', emails: [{ value: 'luca@example.com' }] }],
    });
    const bad = await alice.req({ method: 'POST', url: '/api/v1/imports/preview?mapping=nope', headers: raw, payload: csv });
    expectErrorShape(bad, 400, 'validation_failed');
  });

  it('answers 400 with the problems for an unparsable file, 413 over the limit, 415 for JSON, and writes nothing', async () => {
    const before = await snapshot(t);
    const bad = await alice.req({
      method: 'POST',
      url: '/api/v1/imports',
      headers: raw,
      payload: Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nX-ONLY:nothing\r\nEND:VCARD\r\n'),
    });
    const err = expectErrorShape(bad, 400, 'validation_failed');
    expect(err.details?.length).toBeGreaterThan(0);
    expect(err.details?.[0]?.path).toMatch(/^line \d+$/);

    const empty = await alice.req({ method: 'POST', url: '/api/v1/imports/preview', headers: raw, payload: Buffer.alloc(0) });
    expect([400, 415]).toContain(empty.statusCode);

    const big = await alice.req({
      method: 'POST',
      url: '/api/v1/imports/preview',
      headers: raw,
      payload: Buffer.alloc(20 * 1024 * 1024 + 1, 0x41),
    });
    expectErrorShape(big, 413, 'payload_too_large');

    const json = await alice.req({ method: 'POST', url: '/api/v1/imports', payload: { file: 'BEGIN:VCARD' } });
    expectErrorShape(json, 415);
    expect(await snapshot(t)).toEqual(before);
  });

  it('needs a session or a token, and the CSRF token with a cookie', async () => {
    const file = fixture('vcard', 'ezvcard__gmail-list.vcf');
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: raw, payload: file });
    expect(anon.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...raw, cookie: alice.cookie },
      payload: file,
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe.each(dialects())('the import size limit (IMPORT_MAX_BYTES) on %s', (dialect) => {
  const file = fixture('vcard', 'ezvcard__gmail-list.vcf');
  // Big enough for the fixture (331 bytes), too small for it ten times over.
  const limit = 1024;
  const t = appPerSuite(dialect, { env: { IMPORT_MAX_BYTES: String(limit) } });
  const alice = userPerSuite(t);

  it('takes files up to the configured size, refuses larger ones with 413, and tells the web app the limit', async () => {
    const state = await t.app.inject({ method: 'GET', url: '/api/v1/auth/state' });
    expect(state.json()).toMatchObject({ importMaxBytes: limit });

    const ok = await alice.req({ method: 'POST', url: '/api/v1/imports', headers: raw, payload: file });
    expect(ok.statusCode, ok.body).toBe(201);

    const before = await snapshot(t);
    const big = Buffer.concat(Array.from({ length: 10 }, () => [file, Buffer.from('\r\n')]).flat());
    expect(big.length).toBeGreaterThan(limit);
    for (const url of ['/api/v1/imports/preview', '/api/v1/imports'])
      expectErrorShape(await alice.req({ method: 'POST', url, headers: raw, payload: big }), 413, 'payload_too_large');
    expect(await snapshot(t)).toEqual(before);
  });
});
