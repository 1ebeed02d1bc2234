/**
 * People known only by their role, in Chromium: a small LinkedIn export (names, companies and
 * positions, no offers) is imported through the page, then "I need…" finds the commercialista and
 * the lawyers among them, with a reason that says it comes from the role; a need that nobody in
 * the network fits shows "nobody fits" and what to do next. In Italian and in English.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  assertClean,
  label,
  launchBrowser,
  openPage,
  shot,
  shotOnFailure,
  startApp,
  tr,
  type Lang,
  type TestServer,
  type Watched,
} from './harness.ts';

const PASSWORD = 'una frase lunga e segreta';

/** A LinkedIn Connections.csv: a `Notes:` preamble, then names, companies and positions only. */
const CONNECTIONS = Buffer.from(
  [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'Lucia,Galli,https://www.linkedin.com/in/lucia-galli,,Studio Galli,Commercialista,12 Mar 2021',
    'Francesca,Moretti,https://www.linkedin.com/in/francesca-moretti,,Moretti Legal,Avvocato giuslavorista,18 Jan 2022',
    'Giorgio,Lanza,https://www.linkedin.com/in/giorgio-lanza,,Studio Legale Lanza,Avvocato civilista,07 Jul 2019',
    'Sara,Villa,https://www.linkedin.com/in/sara-villa,,Villa Trasporti,Freight Director,21 Sep 2020',
    'Marco,Riva,https://www.linkedin.com/in/marco-riva,,Riva Immobiliare,Agente immobiliare,02 May 2018',
    'Elena,Costa,https://www.linkedin.com/in/elena-costa,,Acme Srl,Marketing Manager,11 Nov 2021',
  ].join('\r\n') + '\r\n',
);

const data = {
  it: {
    locale: 'it-IT',
    user: 'Marta Colombo',
    email: 'marta.roles@example.it',
    ask: 'Cerco un commercialista',
    expected: ['Lucia Galli'],
    nobody: 'Cerco un tatuatore bravo',
  },
  en: {
    locale: 'en-US',
    user: 'Anna Walsh',
    email: 'anna.roles@example.com',
    ask: 'I need a lawyer',
    expected: ['Francesca Moretti', 'Giorgio Lanza'],
    nobody: 'Looking for a tattoo artist',
  },
};

for (const lang of ['it', 'en'] as const satisfies readonly Lang[]) {
  const d = data[lang];
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);

  describe(`people known by their role in Find, ${lang === 'it' ? 'Italian' : 'English'} (${d.locale})`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(browser, { locale: d.locale });
    });
    afterEach((ctx) => shotOnFailure(ctx, w, `roles-${lang}`));
    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    it('imports a LinkedIn export of people known only by their role', async () => {
      const { page } = w;
      await page.goto(app.url);
      await page.waitForURL('**/signup');
      await label(page, t('auth.displayName')).fill(d.user);
      await label(page, t('auth.email')).fill(d.email);
      await label(page, t('auth.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
      await page.waitForURL('**/welcome');
      await page.getByRole('link', { name: t('welcome.importButton') }).click();
      await page.waitForURL('**/import');
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: CONNECTIONS });
      const preview = page.getByRole('region', { name: t('import.preview.title') });
      await preview.waitFor();
      await preview.getByRole('button', { name: t('import.confirm') }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: t('import.result.title') })
        .waitFor();
      assertClean(w);
    });

    it('finds them for a need typed in "I need…", with a reason from their role', async () => {
      const { page } = w;
      const box = page.getByRole('search', { name: t('find.label') }).getByRole('textbox', { name: t('find.label') });
      await box.fill(d.ask);
      await box.press('Enter');
      await page.waitForURL(/\/find\?q=/);
      const results = page.getByRole('list', { name: t('find.resultsFor', { q: d.ask }) });
      const rows = results.getByTestId('match-row');
      await rows.first().waitFor();
      const names = (await rows.evaluateAll((els) => els.map((el) => el.querySelector('a')?.textContent ?? ''))).map((s) =>
        s.trim(),
      );
      expect(names.sort()).toEqual([...d.expected].sort());
      // The same as the API says it shows.
      const api_ = await api<{ shown: number }>(page, `/api/v1/match?q=${encodeURIComponent(d.ask)}&limit=20`);
      expect(await rows.count()).toBe(api_.shown);
      // A person known by their role has no offer line; the reason says it comes from the role.
      const first = rows.first();
      expect(await first.getByText(t('match.offers')).count()).toBe(0);
      const reason = first.getByTestId('match-reason').first();
      expect(await reason.getAttribute('data-source')).toBe('role');
      expect(await reason.textContent()).toContain(t('match.fromRole'));
      expect(await page.getByTestId('nobody-fits').count()).toBe(0);
      await shot(page, `roles-${lang}-01-find`, false);
      assertClean(w);
    });

    it('says that nobody in the network fits, and what to do next', async () => {
      const { page } = w;
      const box = page.getByRole('main').getByRole('textbox', { name: t('find.label') });
      await box.fill(d.nobody);
      await page.getByRole('button', { name: t('find.submit') }).click();
      await page.waitForURL((u) => new URL(u).searchParams.get('q') === d.nobody);
      const nobody = page.getByTestId('nobody-fits');
      await nobody.waitFor();
      expect(await nobody.textContent()).toContain(t('match.nobody.title'));
      expect(await nobody.textContent()).toContain(t('match.nobody.next'));
      expect(await page.getByTestId('match-row').count()).toBe(0);
      await shot(page, `roles-${lang}-02-nobody`, false);
      assertClean(w);
    });
  });
}
