/**
 * The README's start, in the browser: the server runs with none of PUBLIC_BASE_URL, MAIL_FROM or
 * SMTP_* set (so it is at http://localhost:PORT and keeps email in the outbox, from
 * rete@localhost). Proposal → send → the requests in the outbox within seconds, never called
 * sent → their `.eml` files → each answer link → accept → connected, and the give in the ledger.
 * Then, with a mail server that refuses a request: shown as not delivered, with the reason, and
 * "Try again" delivers it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answeredPage, answerPage } from '#server/features/intros/texts.ts';
import { startMailbox, type Mailbox } from '../helpers/mailbox.ts';
import {
  api,
  assertClean,
  escapeRe,
  label,
  launchBrowser,
  openPage,
  post,
  shot,
  shotOnFailure,
  startApp,
  tr,
  type TestServer,
  type Watched,
} from './harness.ts';

const lang = 'it';
const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);
const USER = 'Marta Colombo';

/** Picks a contact in a person picker: types part of the name and chooses the option (typing again until it shows). */
async function pick(page: Page, field: Locator, query: string, name: string) {
  const option = page.getByRole('option', { name: new RegExp(`^${escapeRe(name)}`) });
  await expect
    .poll(
      async () => {
        if ((await option.count()) > 0) return true;
        await field.click();
        await field.fill(query);
        await option
          .first()
          .waitFor({ timeout: 3_000 })
          .catch(() => undefined);
        return (await option.count()) > 0;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await option.first().click();
}

/** The outbox's `.eml` files, parsed, oldest first. */
async function emls(app: TestServer): Promise<ParsedMail[]> {
  const dir = path.join(app.dataDir, 'outbox');
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  return Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(dir, f)))));
}

/** The person asked opens the link in their own browser: a context of its own, with no session. */
async function recipientPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

describe('the README’s start: an introduction through the outbox, in the browser', () => {
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  let introId = '';
  const giulia = { name: 'Giulia Ferri', email: 'giulia.ferri@example.it' };
  const paolo = { name: 'Paolo Greco', email: 'paolo.greco@example.it' };

  beforeAll(async () => {
    app = await startApp({ readme: true });
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'it-IT' });
  });
  afterEach((ctx) => shotOnFailure(ctx, w, 'readme-email'));
  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
  });

  it('signs up at http://localhost:PORT and proposes an introduction from a person’s page, then sends it', async () => {
    const { page } = w;
    expect(app.url).toMatch(/^http:\/\/localhost:\d+$/);
    await page.goto(app.url);
    await page.waitForURL('**/signup');
    await label(page, t('auth.displayName')).fill(USER);
    await label(page, t('auth.email')).fill('marta@example.it');
    await label(page, t('auth.password')).fill('una frase lunga e segreta');
    await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
    await page.waitForURL('**/welcome');
    const a = await post<{ id: string }>(page, '/api/v1/people', {
      name: giulia.name,
      language: 'it',
      emails: [{ value: giulia.email }],
    });
    await post(page, '/api/v1/people', { name: paolo.name, language: 'it', emails: [{ value: paolo.email }] });

    await page.goto(`${app.url}/people/${a.id}`);
    await page.getByRole('heading', { name: giulia.name, level: 1 }).waitFor();
    await page.getByRole('button', { name: t('intros.introduceTo') }).click();
    const dialog = page.getByRole('dialog', { name: t('intros.form.title') });
    expect(await label(dialog, t('intros.form.sideA')).inputValue()).toBe(giulia.name);
    await pick(page, label(dialog, t('intros.form.sideB')), 'Paolo', paolo.name);
    await label(dialog, t('intros.form.note')).fill('Lavorate entrambi con le cantine del Chianti.');
    await dialog.getByText(t('intros.form.orderBoth'), { exact: true }).click();
    await dialog.getByRole('button', { name: t('intros.form.draft') }).click();
    const drafts = page.getByRole('dialog', { name: t('intros.form.draftTitle') });
    await drafts.getByRole('button', { name: t('intros.draft.send') }).click();
    await page.waitForURL(/\/intros\/[0-9a-f-]{36}$/);
    introId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const sentAt = Date.now();

    // Within seconds the requests are in the outbox, and the introduction says exactly that.
    const badge = page.getByTestId('intro-status').first();
    await expect.poll(() => badge.getAttribute('data-delivery'), { timeout: 15_000 }).toBe('outbox');
    console.log(`requests in the outbox ${Date.now() - sentAt} ms after "send"`);
    expect(await badge.getAttribute('data-status')).toBe('asked');
    expect(await badge.textContent()).toBe(t('intros.delivery.outbox'));
    for (const side of ['a', 'b']) {
      const s = page.getByTestId(`side-${side}`).getByTestId('side-status');
      await expect.poll(() => s.textContent()).toBe(t('intros.requestStanding.outbox'));
    }
    expect(await page.getByTestId('mail-problem').count()).toBe(0);
    await shot(page, 'readme-email-01-intro-in-outbox');
    assertClean(w);
  });

  it('lists both requests in the outbox as kept there, never as sent', async () => {
    const { page } = w;
    await page.goto(`${app.url}/outbox`);
    await page.getByRole('heading', { name: t('outbox.title'), level: 1 }).waitFor();
    await page.getByText(t('outbox.noSmtp')).waitFor();
    const rows = page.getByTestId('outbox-row');
    await expect.poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) {
      expect(await row.getByTestId('mail-status').getAttribute('data-status')).toBe('outbox');
      expect(await row.getByTestId('mail-status').textContent()).toBe(t('outbox.standing.outbox'));
    }
    expect(
      await page
        .getByTestId('mail-status')
        .filter({ hasText: t('outbox.standing.sent') })
        .count(),
    ).toBe(0);
    await shot(page, 'readme-email-02-outbox');

    // One request, opened: From the default address, answer links at the server's own address.
    await rows.first().getByRole('link').first().click();
    await page.waitForURL(/\/outbox\/[0-9a-f-]{36}$/);
    const headers = await page.getByRole('table', { name: t('outbox.headers') }).textContent();
    expect(headers).toContain(`${USER} via Rete <rete@localhost>`);
    expect(headers).toMatch(/@localhost>/); // the Message-ID
    expect(await page.getByTestId('mail-text').textContent()).toContain(`${app.url}/i/`);
    await page.getByRole('link', { name: t('outbox.openAccept') }).waitFor();
    assertClean(w);
  });

  it('the .eml files hold the requests; each side accepts through the link of its file; they are connected', async () => {
    const { page } = w;
    const files = await emls(app);
    expect(files).toHaveLength(2);
    for (const eml of files) {
      expect(eml.from?.value[0]).toEqual({ name: `${USER} via Rete`, address: 'rete@localhost' });
      expect(eml.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
      const to = eml.to && !Array.isArray(eml.to) ? eml.to.value[0]?.address : undefined;
      expect([giulia.email, paolo.email]).toContain(to);
      const link = new RegExp(`${escapeRe(app.url)}/i/[A-Za-z0-9_-]{43}\\?choice=accept`).exec(eml.text ?? '')?.[0];
      expect(link, eml.text).toBeDefined();

      const answer = await recipientPage(browser);
      await answer.goto(link ?? '');
      const other = to === giulia.email ? paolo.name : giulia.name;
      const words = answerPage('it', USER, other);
      await answer.getByRole('heading', { name: words.title, level: 1 }).waitFor();
      const [posted] = await Promise.all([
        answer.waitForResponse((res) => res.request().method() === 'POST'),
        answer.getByRole('button', { name: words.accept, exact: true }).click(),
      ]);
      expect(posted.status()).toBe(200);
      await answer.getByRole('heading', { name: answeredPage('it', 'accept', USER).title, level: 1 }).waitFor();
      await answer.context().close();
    }

    await page.goto(`${app.url}/intros/${introId}`);
    const badge = page.getByTestId('intro-status').first();
    await expect.poll(() => badge.getAttribute('data-status'), { timeout: 15_000 }).toBe('connected');
    // The introduction email to both lands in the outbox too.
    await expect.poll(async () => (await emls(app)).length, { timeout: 15_000 }).toBe(3);
    const connect = (await emls(app)).find((m) => m.to && !Array.isArray(m.to) && m.to.value.length === 2);
    expect(connect?.to && !Array.isArray(connect.to) ? connect.to.value.map((v) => v.address).sort() : []).toEqual(
      [giulia.email, paolo.email].sort(),
    );
    await expect.poll(() => badge.getAttribute('data-delivery'), { timeout: 15_000 }).toBe('outbox');
    expect(await badge.textContent()).toBe(t('intros.status.connected'));
    expect(await page.getByTestId('intro-delivery-problem').count()).toBe(0);
    await shot(page, 'readme-email-03-connected');

    // The ledger counts it as a give (a request was placed in the outbox), shown as connected.
    await page.goto(`${app.url}/ledger`);
    const give = page.getByTestId('give-card').filter({ hasText: t('ledger.kinds.introduction') });
    await give.waitFor();
    expect(await give.count()).toBe(1);
    expect(await give.getByTestId('give-intro-status').getAttribute('data-status')).toBe('connected');
    assertClean(w);
  });
});

describe('an email the mail server refuses, in the browser (English)', () => {
  const en = (key: string, vars?: Record<string, string | number>) => tr('en', key, vars);
  let mailbox: Mailbox;
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  let introId = '';

  beforeAll(async () => {
    mailbox = await startMailbox();
    app = await startApp({ env: mailbox.env });
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'en-US' });
  });
  afterEach((ctx) => shotOnFailure(ctx, w, 'refused-email'));
  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
    await mailbox?.close();
  });

  it('shows the request as not delivered, with the reason, on the introduction and in the outbox', async () => {
    const { page } = w;
    await page.goto(app.url);
    await page.waitForURL('**/signup');
    await label(page, en('auth.displayName')).fill('Anna Walsh');
    await label(page, en('auth.email')).fill('anna@example.com');
    await label(page, en('auth.password')).fill('a long and secret sentence');
    await page.getByRole('button', { name: en('auth.createAdminButton') }).click();
    await page.waitForURL('**/welcome');
    const a = await post<{ id: string }>(page, '/api/v1/people', {
      name: 'Ben Carter',
      language: 'en',
      emails: [{ value: 'ben@example.com' }],
    });
    const b = await post<{ id: string }>(page, '/api/v1/people', {
      name: 'Cleo Dunn',
      language: 'en',
      emails: [{ value: 'cleo@example.com' }],
    });
    // The first request that reaches the mail server is refused for good (550).
    mailbox.failNext(1, 550);
    const intro = await post<{ id: string }>(page, '/api/v1/intros', {
      personAId: a.id,
      personBId: b.id,
      note: 'Both of you sell to hotels.',
    });
    introId = intro.id;
    await post(page, `/api/v1/intros/${introId}/send`, {});

    await page.goto(`${app.url}/intros/${introId}`);
    const badge = page.getByTestId('intro-status').first();
    await expect.poll(() => badge.getAttribute('data-delivery'), { timeout: 15_000 }).toBe('failed');
    expect(await badge.textContent()).toBe(en('intros.delivery.failed'));
    const problem = page.getByTestId('mail-problem');
    await problem.waitFor();
    expect(await problem.count()).toBe(1);
    expect(await problem.textContent()).toContain(en('outbox.reasons.rejected'));
    expect(await problem.textContent()).toContain('550');
    // The other side's request leaves on its own job, which may still be running on a busy machine.
    await expect
      .poll(async () => (await page.getByTestId('side-status').allTextContents()).sort(), { timeout: 15_000 })
      .toEqual([en('intros.requestStanding.failed'), en('intros.sideStatus.asked')].sort());
    await shot(page, 'refused-email-01-intro');

    await page.goto(`${app.url}/outbox`);
    const failed = page.getByTestId('outbox-row').filter({ has: page.locator('[data-status="failed"]') });
    await failed.waitFor();
    expect(await failed.getByTestId('mail-status').textContent()).toBe(en('outbox.standing.failed'));
    expect(await failed.getByTestId('mail-problem').textContent()).toContain(en('outbox.reasons.rejected'));
    await shot(page, 'refused-email-02-outbox');
    assertClean(w);
  });

  it('"Try again" delivers it; the introduction then shows the request sent, and it is one give', async () => {
    const { page } = w;
    const failed = page.getByTestId('outbox-row').filter({ has: page.locator('[data-status="failed"]') });
    await failed.getByRole('button', { name: en('outbox.retry') }).click();
    await page.getByText(en('outbox.retryStarted')).waitFor();
    await expect.poll(() => mailbox.messages.length, { timeout: 15_000 }).toBe(2);
    await expect
      .poll(async () => (await page.getByTestId('mail-status').allTextContents()).join('|'), { timeout: 15_000 })
      .toBe([en('outbox.standing.sent'), en('outbox.standing.sent')].join('|'));

    await page.goto(`${app.url}/intros/${introId}`);
    const badge = page.getByTestId('intro-status').first();
    await expect.poll(() => badge.getAttribute('data-delivery'), { timeout: 15_000 }).toBe('sent');
    expect(await badge.textContent()).toBe(en('intros.status.asked'));
    expect(await page.getByTestId('mail-problem').count()).toBe(0);
    await page.getByText(en('intros.delivered.smtp.intro_request', { name: 'Ben Carter' })).waitFor();
    await shot(page, 'refused-email-03-delivered');

    await page.goto(`${app.url}/ledger`);
    const give = page.getByTestId('give-card').filter({ hasText: en('ledger.kinds.introduction') });
    await give.waitFor();
    expect(await give.count()).toBe(1);
    expect(await give.getByTestId('give-intro-status').textContent()).toBe(en('intros.status.asked'));
    assertClean(w);
  });

  it('a declined introduction shows in the ledger as declined, not as a give waiting for an outcome', async () => {
    const { page } = w;
    const link = /(http:\/\/[^\s]+\/i\/[A-Za-z0-9_-]{43})\?choice=decline/.exec(mailbox.messages[0]?.parsed.text ?? '')?.[1];
    expect(link).toBeDefined();
    const answer = await recipientPage(browser);
    await answer.goto(`${link ?? ''}?choice=decline`);
    const words = answerPage('en', 'Anna Walsh', null);
    await answer.getByRole('button', { name: words.decline, exact: true }).waitFor();
    const [posted] = await Promise.all([
      answer.waitForResponse((res) => res.request().method() === 'POST'),
      answer.getByRole('button', { name: words.decline, exact: true }).click(),
    ]);
    expect(posted.status()).toBe(200);
    await answer.getByRole('heading', { name: answeredPage('en', 'decline', 'Anna Walsh').title, level: 1 }).waitFor();
    await answer.context().close();
    // The answer is recorded before the ledger is read (the page reads it once).
    await expect.poll(async () => (await api<{ status: string }>(page, `/api/v1/intros/${introId}`)).status).toBe('declined');

    await page.goto(`${app.url}/ledger`);
    const give = page.getByTestId('give-card').filter({ hasText: en('ledger.kinds.introduction') });
    await expect.poll(() => give.getByTestId('give-intro-status').getAttribute('data-status')).toBe('declined');
    expect(await give.getByTestId('give-intro-status').textContent()).toBe(en('intros.status.declined'));
    expect(await give.getByRole('button', { name: en('ledger.outcome.add') }).count()).toBe(0);
    await shot(page, 'refused-email-04-declined-in-ledger');
    assertClean(w);
  });
});
