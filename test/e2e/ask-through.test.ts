/**
 * "Through Enrico" as an action, in the browser: the Value Finder shows that Stefano, whom I do not
 * know, can help Laura through Enrico; "Ask Enrico to introduce Laura to Stefano" shows the email
 * drafted in Enrico's language and sends it in a second click. No SMTP server is configured, so the
 * server's worker writes the email to the outbox as an .eml file; its "yes" link opens the server's
 * answer page, Enrico says yes, and the introduction between Stefano and Laura is drafted: it is
 * sent from its page, and Enrico's help is in the ledger. In Italian on a desktop, and in English at
 * phone width.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askAnsweredPage, askAnswerPage } from '#server/features/intros/asks.texts.ts';
import {
  api,
  assertClean,
  label,
  launchBrowser,
  noHorizontalScroll,
  openPage,
  post,
  shot,
  shotOnFailure,
  startApp,
  tr,
  type Lang,
  type TestServer,
  type Watched,
} from './harness.ts';

const PASSWORD = 'una frase lunga e segreta';
const NEED = 'Cerco un commercialista per la dichiarazione dei redditi';
const OFFER = 'Dichiarazione dei redditi e consulenza fiscale per piccole imprese';

interface Run {
  lang: Lang;
  locale: string;
  user: string;
  email: string;
  mobile: boolean;
  prefix: string;
}

const runs: Run[] = [
  { lang: 'it', locale: 'it-IT', user: 'Marta Colombo', email: 'marta@example.it', mobile: false, prefix: 'it' },
  { lang: 'en', locale: 'en-US', user: 'Sam Reed', email: 'sam@example.com', mobile: true, prefix: 'mobile-en' },
];

/** The .eml files of the outbox, parsed, once there are `n` of them. */
async function outboxMails(dir: string, n: number): Promise<ParsedMail[]> {
  const folder = path.join(dir, 'outbox');
  await expect
    .poll(() => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.eml')).length : 0), {
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(n);
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.eml'));
  return Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(folder, f)))));
}

for (const run of runs) {
  const { lang } = run;
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);

  describe(`asking a contact for an introduction (${run.locale}${run.mobile ? ', 375×812' : ''})`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;
    const ids = { enrico: '', stefano: '', laura: '' };
    let introId = '';

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(
        browser,
        run.mobile ? { locale: run.locale, viewport: { width: 375, height: 812 }, mobile: true } : { locale: run.locale },
      );
    });
    afterEach((ctx) => shotOnFailure(ctx, w, `ask-${run.prefix}`));
    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    it('signs up and records who knows whom: me — Enrico — Stefano, and Laura’s need', async () => {
      const { page } = w;
      await page.goto(app.url);
      await page.waitForURL('**/signup');
      await label(page, t('auth.displayName')).fill(run.user);
      await label(page, t('auth.email')).fill(run.email);
      await label(page, t('auth.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
      await page.waitForURL('**/welcome');
      const me = await api<{ user: { selfPersonId: string } }>(page, '/api/v1/auth/me');
      const person = (body: Record<string, unknown>) => post<{ id: string }>(page, '/api/v1/people', body);
      ids.enrico = (await person({ name: 'Enrico Farina', language: 'it', emails: [{ value: 'enrico@example.it' }] })).id;
      ids.stefano = (
        await person({
          name: 'Stefano Galli',
          role: 'Commercialista',
          company: 'Studio Galli',
          language: 'it',
          emails: [{ value: 'stefano@example.it' }],
          offers: [{ text: OFFER }],
        })
      ).id;
      ids.laura = (
        await person({ name: 'Laura Rossi', language: 'it', emails: [{ value: 'laura@example.it' }], needs: [{ text: NEED }] })
      ).id;
      await post(page, `/api/v1/people/${me.user.selfPersonId}/relationships`, { otherPersonId: ids.enrico, strength: 3 });
      await post(page, `/api/v1/people/${ids.enrico}/relationships`, { otherPersonId: ids.stefano, strength: 2 });
      assertClean(w);
    });

    it('asks Enrico from the Value Finder in two clicks: the email in Enrico’s language, editable', async () => {
      const { page } = w;
      await page.goto(`${app.url}/people/${ids.laura}`);
      await page.getByRole('heading', { name: 'Laura Rossi', level: 1 }).waitFor();
      const panel = page.getByRole('region', { name: t('valueFinder.title') });
      const row = panel.getByTestId('match-row').filter({ hasText: 'Stefano Galli' }).first();
      await row.waitFor();
      expect(await row.getByTestId('match-path').getAttribute('data-path')).toBe('via');
      const button = row.getByRole('button', {
        name: t('asks.buttonAria.other', { via: 'Enrico Farina', seeker: 'Laura Rossi', helper: 'Stefano Galli' }),
      });
      expect(await button.textContent()).toBe(t('asks.button.other', { via: 'Enrico', seeker: 'Laura', helper: 'Stefano' }));
      await button.scrollIntoViewIfNeeded();
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-ask-01-value-finder`, false);
      await button.click(); // first click

      const dialog = page.getByRole('dialog', { name: t('asks.title', { via: 'Enrico Farina' }) });
      await dialog.waitFor();
      const subject = label(dialog, t('asks.subject'));
      // Enrico writes Italian: the email is in Italian whatever the interface's language.
      await expect.poll(() => subject.inputValue(), { timeout: 15_000 }).toBe('Presenteresti Laura Rossi a Stefano Galli?');
      const body = label(dialog, t('asks.body'));
      const drafted = await body.inputValue();
      expect(drafted).toContain(`«${NEED}»`);
      expect(drafted).toContain(`«${OFFER}»`);
      expect(drafted).toContain('——— Da inoltrare a Stefano ———');
      expect(await dialog.textContent()).toContain('Enrico Farina <enrico@example.it>');
      await body.fill(`${drafted}\n\nP.S. ${run.prefix}`);
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-ask-02-email`, false);
      await dialog.getByRole('button', { name: t('asks.send', { via: 'Enrico' }) }).click(); // second click
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(t('asks.sent', { via: 'Enrico Farina' })).waitFor();

      // The row now says that Enrico was asked, instead of offering to ask again.
      const state = row.getByTestId('ask-state');
      await state.waitFor();
      expect(await state.textContent()).toBe(t('asks.waiting', { via: 'Enrico' }));
      assertClean(w);
    });

    it('Enrico’s email is an .eml in the outbox; its link opens the answer page, and Enrico says yes', async () => {
      const { page } = w;
      const [mail] = await outboxMails(app.dataDir, 1);
      expect(mail?.subject).toBe('Presenteresti Laura Rossi a Stefano Galli?');
      expect(mail?.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : '').toBe('enrico@example.it');
      const text = mail?.text ?? '';
      expect(text).toContain(NEED);
      expect(text).toContain(`P.S. ${run.prefix}`);
      const link = /(https?:\/\/\S+\/i\/[A-Za-z0-9_-]{43})\?choice=yes/.exec(text)?.[1];
      expect(link).toBeDefined();

      // The outbox shows it too, with its answer links.
      await page.goto(`${app.url}/outbox`);
      const rowOf = page.getByTestId('outbox-row').filter({ hasText: 'Presenteresti Laura Rossi a Stefano Galli?' });
      await rowOf.first().waitFor();
      expect(await rowOf.first().textContent()).toContain(t('outbox.kinds.intro_ask'));
      await rowOf.first().getByRole('link', { name: 'Presenteresti Laura Rossi a Stefano Galli?' }).click();
      const yesLink = page.getByRole('link', { name: t('outbox.openYes') });
      await yesLink.waitFor();
      expect(await yesLink.getAttribute('href')).toBe(`${link}?choice=yes`);
      expect(await page.getByRole('link', { name: t('outbox.openNo') }).getAttribute('href')).toBe(`${link}?choice=no`);

      await page.goto(`${link}?choice=yes`);
      const words = askAnswerPage('it', {
        userName: run.user,
        helperName: 'Stefano Galli',
        seekerName: 'Laura Rossi',
        need: NEED,
      });
      await page.getByRole('heading', { name: words.title, level: 1 }).waitFor();
      await page.getByText(words.lead).waitFor();
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-ask-03-answer-page`, false);
      const done = askAnsweredPage('it', 'yes', { userName: run.user, helperName: 'Stefano Galli' });
      const [posted] = await Promise.all([
        page.waitForResponse((res) => res.request().method() === 'POST'),
        page.getByRole('button', { name: words.yes, exact: true }).click(),
      ]);
      expect(posted.status(), 'the answer page refused its own form').toBe(200);
      await page.getByRole('heading', { name: done.title, level: 1 }).waitFor();
      await shot(page, `${run.prefix}-ask-04-yes`, false);
      // Used: the same link now leads nowhere.
      await page.goto(`${link}?choice=yes`);
      await page.getByText('Questo link non è valido, è scaduto o è già stato usato.').waitFor();
      // The used link's page answers 404, on purpose.
      assertClean(w, /status of 404/);
    });

    it('shows the yes on the introductions page, and the drafted introduction is read and sent', async () => {
      const { page } = w;
      await page.goto(`${app.url}/intros`);
      const card = page.getByTestId('ask-card').first();
      await card.waitFor();
      await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('yes');
      expect(await card.getByTestId('ask-status').textContent()).toBe(t('asks.status.yes'));
      expect(await card.textContent()).toContain(t('asks.card.other', { seeker: 'Laura Rossi', helper: 'Stefano Galli' }));
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-ask-05-intros`);

      await card.getByTestId('ask-intro').click();
      await page.waitForURL(/\/intros\/[0-9a-f-]{36}$/);
      introId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await page.getByRole('heading', { name: 'Stefano Galli ↔ Laura Rossi', level: 1 }).waitFor();
      expect(await page.getByTestId('intro-status').first().getAttribute('data-status')).toBe('draft');
      await page.getByText('Enrico Farina ha accettato di fare da tramite.').first().waitFor();
      await shot(page, `${run.prefix}-ask-06-draft`);
      await page.getByRole('button', { name: t('intros.draft.send') }).click();
      await expect
        .poll(() => page.getByTestId('intro-status').first().getAttribute('data-status'), { timeout: 20_000 })
        .toBe('asked');

      // Stefano is asked first (the one who helps), by email, as for any introduction.
      const mails = await outboxMails(app.dataDir, 2);
      expect(mails.map((m) => m.subject)).toContain('Ti presento Laura Rossi?');
      expect(await noHorizontalScroll(page)).toBe(true);
      assertClean(w);
    });

    it('records Enrico’s help in the ledger as received', async () => {
      const { page } = w;
      await page.goto(`${app.url}/ledger?tab=received`);
      const card = page.getByTestId('received-card').filter({ hasText: 'Enrico Farina' }).first();
      await card.waitFor();
      expect(await card.getByTestId('received-kind').textContent()).toBe(t('ledger.received.kinds.introduction'));
      expect(await card.textContent()).toContain(
        lang === 'it'
          ? 'Enrico Farina presenta Laura Rossi a Stefano Galli'
          : 'Enrico Farina introduces Laura Rossi to Stefano Galli',
      );
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-ask-07-ledger`);
      expect(introId).not.toBe('');
      assertClean(w);
    });
  });
}
