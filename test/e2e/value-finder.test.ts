import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Helper, MatchPath, ValueFinder } from '#shared/api/matching.ts';
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

const data = {
  it: {
    locale: 'it-IT',
    user: 'Marta Colombo',
    email: 'marta@example.it',
    // A need in the other language than the interface.
    need: 'I need a lawyer for unpaid invoices',
    offer: "Posso rifare il sito web di un'azienda, anche per il mobile",
  },
  en: {
    locale: 'en-US',
    user: 'Anna Walsh',
    email: 'anna@example.com',
    need: 'cerco un commercialista',
    offer: 'I can rebuild a company website so that it works well on mobile',
  },
};

type PeopleList = { items: Array<{ id: string; name: string }> };

/** The words the interface uses to open a path of this kind. */
function pathText(lang: Lang, path: MatchPath): string {
  switch (path.kind) {
    case 'self':
      return tr(lang, 'match.path.self');
    case 'direct':
      return tr(lang, 'match.path.direct');
    case 'via':
      return tr(lang, 'match.path.through');
    case 'none':
      return tr(lang, 'match.path.none');
  }
}

async function signUpWithDemo(page: Page, url: string, lang: Lang, user: string, email: string) {
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);
  await page.goto(url);
  await page.waitForURL('**/signup');
  await label(page, t('auth.displayName')).fill(user);
  await label(page, t('auth.email')).fill(email);
  await label(page, t('auth.password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
  await page.waitForURL('**/welcome');
  await page.getByRole('button', { name: t('welcome.demoButton') }).click();
  await page.waitForURL('**/people');
  await page.locator('main a[href^="/people/"]').first().waitFor();
}

/** A person with an open need that someone in the network answers, and their Value Finder. */
async function personWithHelpers(page: Page): Promise<{ id: string; vf: ValueFinder }> {
  const list = await api<PeopleList>(page, '/api/v1/people?hasOpenNeeds=true&limit=50');
  expect(list.items.length).toBeGreaterThan(0);
  for (const p of list.items) {
    const vf = await api<ValueFinder>(page, `/api/v1/people/${p.id}/value-finder`);
    const first = vf.needs[0]?.network[0];
    if (first && first.reasons.length > 0) return { id: p.id, vf };
  }
  throw new Error('no person in the demo network has a need that someone answers');
}

for (const lang of ['it', 'en'] as const) {
  const d = data[lang];
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);

  describe(`Value Finder in ${lang === 'it' ? 'Italian' : 'English'} (${d.locale})`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(browser, { locale: d.locale });
    });

    afterEach((ctx) => shotOnFailure(ctx, w, `vf-${lang}`));

    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    it('signs up and loads the demo network', async () => {
      await signUpWithDemo(w.page, app.url, lang, d.user, d.email);
      assertClean(w);
    });

    it('shows on a person page how to help, who can, why and how to reach them', async () => {
      const { page } = w;
      const { id, vf } = await personWithHelpers(page);
      const entry = vf.needs[0] as ValueFinder['needs'][number];
      const best = entry.network[0] as Helper;

      await page.goto(`${app.url}/people/${id}`);
      await page.getByRole('heading', { name: vf.person.name, level: 1 }).waitFor();
      const panel = page.getByRole('region', { name: t('valueFinder.title') });
      await panel.getByRole('heading', { name: t('valueFinder.title'), level: 2 }).waitFor();

      // The first need, with the same best helper as the API, a reason and a path.
      const need = panel.getByRole('article').first();
      await need.getByRole('heading', { name: entry.need.text, level: 3 }).waitFor();
      await need.getByRole('heading', { name: t('valueFinder.networkCanHelp'), level: 4 }).waitFor();
      const helpers = need.getByRole('list', { name: t('valueFinder.networkCanHelp'), exact: true });
      const row = helpers.getByTestId('match-row').first();
      const who = row.getByRole('link', { name: best.person.name, exact: true });
      await who.waitFor();
      expect(await row.getByRole('link').first().textContent()).toBe(best.person.name);
      expect(await row.getByTestId('match-reason').count()).toBeGreaterThan(0);
      expect(await row.textContent()).toContain(best.offer?.text ?? best.person.name);
      const path = row.getByTestId('match-path');
      expect(await path.getAttribute('data-path')).toBe(best.path.kind);
      expect(await path.textContent()).toContain(pathText(lang, best.path));

      // A concept reason reads in the interface language, with the words on both sides.
      const concept = best.reasons.find((r) => r.kind === 'concept');
      if (concept) {
        const labelText = (lang === 'it' ? concept.labelIt : concept.labelEn) ?? '';
        const chip = row.getByTestId('match-reason').filter({ hasText: labelText }).first();
        expect(await chip.textContent()).toContain(`“${concept.needText}” ↔ “${concept.offerText}”`);
      }

      if (vf.offers.length > 0) {
        await panel.getByRole('heading', { name: t('valueFinder.whoNeeds', { name: vf.person.name }), level: 3 }).waitFor();
      }
      await shot(page, `${lang}-vf-01-person-panel`, false);
      await panel.screenshot({ path: `test/e2e/screenshots/${lang}-vf-02-panel.png` });

      // The helper's name opens their page.
      await who.click();
      await page.getByRole('heading', { name: best.person.name, level: 1 }).waitFor();
      assertClean(w);
    });

    it('answers "I need…" typed in the other language, and opens a helper', async () => {
      const { page } = w;
      const box = page.getByRole('search', { name: t('find.label') }).getByRole('textbox', { name: t('find.label') });

      // Too short: the box says so and stays put.
      await box.fill('a');
      await box.press('Enter');
      await page
        .getByRole('tooltip')
        .filter({ hasText: t('find.tooShort', { count: 2 }) })
        .waitFor();
      expect(new URL(page.url()).pathname).not.toBe('/find');

      await box.fill(d.need);
      await box.press('Enter');
      await page.waitForURL(/\/find\?q=/);
      await page.getByRole('heading', { name: t('find.title'), level: 1 }).waitFor();
      const expected = await api<{ items: Helper[]; shown: number }>(
        page,
        `/api/v1/match?q=${encodeURIComponent(d.need)}&limit=20`,
      );
      // Only the confident matches are shown.
      expect(expected.shown).toBeGreaterThan(0);
      const first = expected.items[0] as Helper;

      const results = page.getByRole('list', { name: t('find.resultsFor', { q: d.need }) });
      const rows = results.getByTestId('match-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(expected.shown);
      expect(await rows.first().getByRole('link').first().textContent()).toBe(first.person.name);
      expect(await rows.first().getByTestId('match-path').textContent()).toContain(pathText(lang, first.path));
      if (first.reasons.length > 0) expect(await rows.first().getByTestId('match-reason').count()).toBeGreaterThan(0);
      // The box on the page holds the need, ready to refine.
      expect(
        await page
          .getByRole('main')
          .getByRole('textbox', { name: t('find.label') })
          .inputValue(),
      ).toBe(d.need);
      await shot(page, `${lang}-vf-03-find`, false);

      // Too short here too, with the message under the box.
      const pageBox = page.getByRole('main').getByRole('textbox', { name: t('find.label') });
      await pageBox.fill(' x ');
      await page.getByRole('button', { name: t('find.submit') }).click();
      await page.getByText(t('find.tooShort', { count: 2 })).waitFor();
      await pageBox.fill(d.need);

      await rows.first().getByRole('link', { name: first.person.name, exact: true }).click();
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: first.person.name, level: 1 }).waitFor();
      await page.getByRole('region', { name: t('valueFinder.title') }).waitFor();
      assertClean(w);
    });

    if (lang === 'en') {
      it('names the intermediary of a contact of a contact, and says when there is no tie yet', async () => {
        const { page } = w;
        const list = await api<PeopleList>(page, '/api/v1/people?q=Marta%20Bianchi&limit=5');
        const laura = list.items.find((p) => p.name === 'Marta Bianchi') ?? list.items[0];
        expect(laura).toBeDefined();
        const via = await post<{ id: string }>(page, '/api/v1/people', { name: 'Omar Haddad', city: 'Leeds' });
        await post(page, `/api/v1/people/${via.id}/offers`, { text: 'Restores antique harpsichords and clavichords' });
        await post(page, `/api/v1/people/${via.id}/relationships`, { otherPersonId: laura?.id, strength: 3 });
        const none = await post<{ id: string }>(page, '/api/v1/people', { name: 'Nadia Vitale', city: 'Lecce' });
        await post(page, `/api/v1/people/${none.id}/offers`, { text: 'Tunes and restores harpsichords' });

        const box = page.getByRole('search', { name: t('find.label') }).getByRole('textbox', { name: t('find.label') });
        await box.fill('someone to restore an old harpsichord');
        await box.press('Enter');
        await page.waitForURL(/\/find\?q=/);
        const rows = page.getByTestId('match-row');
        const omar = rows.filter({ hasText: 'Omar Haddad' });
        const nadia = rows.filter({ hasText: 'Nadia Vitale' });
        await omar.waitFor();
        await nadia.waitFor();
        const omarPath = omar.getByTestId('match-path');
        expect(await omarPath.getAttribute('data-path')).toBe('via');
        expect(await omarPath.textContent()).toContain(
          `${t('match.path.through')} ${laura?.name ?? ''}, ${t('match.path.who', { strength: t('match.path.strength.3', { name: 'Omar Haddad' }) })} (●●●`,
        );
        await omarPath.getByRole('link', { name: laura?.name ?? '' }).waitFor();
        expect(await nadia.getByTestId('match-path').textContent()).toContain(t('match.path.none'));
        await shot(page, `${lang}-vf-06-find-paths`, false);
        assertClean(w);
      });
    }

    it('shows on Me who needs what I offer, and updates after a new offer', async () => {
      const { page } = w;
      await page.getByRole('link', { name: t('nav.me'), exact: true }).click();
      await page.waitForURL('**/me');
      const give = page.getByRole('region', { name: t('giveToday.title') });
      await give.getByRole('heading', { name: t('giveToday.title'), level: 2 }).waitFor();

      await label(page, t('items.addOffer')).fill(d.offer);
      await label(page, t('items.addOffer')).press('Enter');
      const offer = give.getByRole('article').filter({ has: page.getByRole('heading', { name: d.offer, level: 3 }) });
      await offer.waitFor();

      const me = await api<{ id: string }>(page, '/api/v1/me');
      const vf = await api<ValueFinder>(page, `/api/v1/people/${me.id}/value-finder`);
      const mine = vf.offers.find((o) => o.offer.text === d.offer);
      expect(mine).toBeDefined();
      const seekers = mine?.seekers ?? [];
      if (seekers.length > 0) {
        const rows = offer.getByTestId('match-row');
        await rows.first().waitFor();
        expect(await rows.first().getByRole('link').first().textContent()).toBe(seekers[0]?.person.name);
        expect(await rows.first().textContent()).toContain(seekers[0]?.need.text);
        await rows.first().getByTestId('match-path').waitFor();
      } else {
        await offer.getByText(t('giveToday.noSeekers')).waitFor();
      }
      await offer.scrollIntoViewIfNeeded();
      await shot(page, `${lang}-vf-04-me-give`, false);
      await give.screenshot({ path: `test/e2e/screenshots/${lang}-vf-05-me-give-section.png` });
      assertClean(w);
    });
  });
}

describe('Value Finder at phone width (375×812, en-US)', () => {
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  const t = (key: string, vars?: Record<string, string | number>) => tr('en', key, vars);

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'en-US', viewport: { width: 375, height: 812 }, mobile: true });
  });

  afterEach((ctx) => shotOnFailure(ctx, w, 'vf-mobile'));

  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
  });

  it('shows the panel and the "I need…" box without overflowing', async () => {
    const { page } = w;
    await signUpWithDemo(page, app.url, 'en', 'Sam Reed', 'sam@example.com');
    const { id, vf } = await personWithHelpers(page);

    await page.goto(`${app.url}/people/${id}`);
    await page.getByRole('heading', { name: vf.person.name, level: 1 }).waitFor();
    const panel = page.getByRole('region', { name: t('valueFinder.title') });
    await panel.getByTestId('match-row').first().waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await panel.screenshot({ path: 'test/e2e/screenshots/mobile-vf-01-panel.png' });
    await panel.getByRole('article').first().scrollIntoViewIfNeeded();
    await shot(page, 'mobile-vf-01b-panel-viewport', false);

    // On a phone the header has an icon that opens the "I need…" page.
    await page.getByRole('link', { name: t('find.open') }).click();
    await page.waitForURL('**/find');
    const box = page.getByRole('main').getByRole('textbox', { name: t('find.label') });
    await box.fill('looking for a tax advisor');
    await box.press('Enter');
    await page.waitForURL(/\/find\?q=/);
    await page.getByTestId('match-row').first().waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'mobile-vf-02-find', false);
    assertClean(w);
  });
});
