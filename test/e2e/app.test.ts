import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  assertClean,
  escapeRe,
  label,
  noHorizontalScroll,
  launchBrowser,
  openPage,
  shot,
  shotOnFailure,
  startApp,
  tr,
  visible,
  type Lang,
  type TestServer,
  type Watched,
} from './harness.ts';

const PASSWORD = 'una frase lunga e segreta';

const data = {
  it: {
    locale: 'it-IT',
    other: 'en' as Lang,
    user: 'Marta Colombo',
    email: 'marta@example.it',
    person: 'Giulia Bianchi',
    company: 'Studio Bianchi',
    city: 'Torino',
    need: 'Cerca un avvocato esperto di recupero crediti',
    offer: 'Organizza laboratori di origami per team aziendali',
    offerWord: 'origami',
    decoy: 'Paolo Ferri',
    role: 'Commercialista',
    demo: false,
  },
  en: {
    locale: 'en-US',
    other: 'it' as Lang,
    user: 'Anna Walsh',
    email: 'anna@example.com',
    person: 'Oliver Grant',
    company: 'Grant & Partners',
    city: 'London',
    need: 'Looking for a bookkeeper who knows Italian VAT',
    offer: 'Runs calligraphy workshops for corporate events',
    offerWord: 'calligraphy',
    decoy: 'Emily Stone',
    role: 'Managing partner',
    demo: true,
  },
};

for (const lang of ['it', 'en'] as const) {
  const d = data[lang];
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);

  describe(`web app in ${lang === 'it' ? 'Italian' : 'English'} (${d.locale})`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(browser, { locale: d.locale });
    });

    afterEach((ctx) => shotOnFailure(ctx, w, lang));

    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    it('signs up on a fresh instance, with field errors first', async () => {
      const { page } = w;
      await page.goto(app.url);
      await page.waitForURL('**/signup');
      await visible(page, t('auth.welcomeTitle'));
      await visible(page, t('auth.firstAccountAdmin'));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await shot(page, `${lang}-01-welcome-signup`);

      // Nothing filled in: each field says what is wrong.
      await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
      await visible(page, t('common.required'));
      await visible(page, t('auth.emailInvalid'));
      await label(page, t('auth.displayName')).fill(d.user);
      await label(page, t('auth.email')).fill(d.email);
      await label(page, t('auth.password')).fill('short');
      await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
      await visible(page, t('auth.passwordTooShort', { count: 8 }));
      await shot(page, `${lang}-02-signup-errors`);

      await label(page, t('auth.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
      await page.waitForURL('**/welcome');
      await visible(page, t('welcome.title', { name: d.user }));
      await visible(page, t('welcome.demoTitle'));
      await shot(page, `${lang}-03-welcome-choice`);
      assertClean(w);
    });

    it(d.demo ? 'loads the demo network' : 'starts with an empty network that explains itself', async () => {
      const { page } = w;
      if (d.demo) {
        await page.getByRole('button', { name: t('welcome.demoButton') }).click();
        await page.waitForURL('**/people');
        await visible(page, new RegExp(escapeRe(t('people.subtitle_other', { count: 'X' })).replace('X', '\\d+')));
        // Many rows, and paging through nextCursor when there are more than a page.
        const rows = page.locator('tbody tr');
        await rows.first().waitFor();
        expect(await rows.count()).toBeGreaterThan(40);
        const more = page.getByRole('button', { name: t('people.loadMore') });
        if (await more.isVisible()) {
          const before = await rows.count();
          await more.click();
          await expect.poll(() => rows.count()).toBeGreaterThan(before);
        }
        await shot(page, `${lang}-04-people-demo`, false);
      } else {
        await page.getByRole('button', { name: t('welcome.emptyButton') }).click();
        await page.waitForURL('**/people');
        await visible(page, t('people.emptyTitle'));
        await visible(page, t('people.emptyNeedsTitle'), true);
        await page.getByRole('button', { name: t('people.loadDemo') }).waitFor();
        await shot(page, `${lang}-04-people-empty`);
      }
      assertClean(w);
    });

    it('adds a person with a need and an offer', async () => {
      const { page } = w;
      // A second person first, who must not turn up in the search below.
      for (const name of [d.decoy, d.person]) {
        await page
          .getByRole('button', { name: t('people.add') })
          .first()
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await dialog.getByRole('button', { name: t('people.addButton') }).click();
        await dialog.getByText(t('common.required')).waitFor(); // the name is required
        await label(dialog, t('person.name')).fill(name);
        await label(dialog, t('person.city')).fill(d.city);
        if (name === d.person) {
          await label(dialog, t('person.company')).fill(d.company);
          await label(dialog, t('person.email')).fill('not-an-email');
          await dialog.getByRole('button', { name: t('people.addButton') }).click();
          await dialog.getByText(t('auth.emailInvalid')).waitFor();
          await label(dialog, t('person.email')).fill('giulia@example.org');
          await shot(page, `${lang}-05-add-person`);
        }
        await dialog.getByRole('button', { name: t('people.addButton') }).click();
        await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
        await page.getByRole('heading', { name, level: 1 }).waitFor();
        if (name === d.decoy) await page.getByRole('link', { name: t('person.backToPeople') }).click();
      }

      await label(page, t('items.addNeed')).fill(d.need);
      await label(page, t('items.addNeed')).press('Enter');
      await visible(page, d.need, true);
      await label(page, t('items.addOffer')).fill(d.offer);
      await label(page, t('items.addOffer')).press('Enter');
      await visible(page, d.offer, true);
      await expect.poll(() => label(page, t('items.addOffer')).inputValue()).toBe('');

      // The email is a mailto: link; user text stays text.
      const mail = page.getByRole('link', { name: 'giulia@example.org' });
      expect(await mail.getAttribute('href')).toBe('mailto:giulia@example.org');
      await shot(page, `${lang}-06-person`);

      // Saved: a reload shows both.
      await page.reload();
      await visible(page, d.need, true);
      await visible(page, d.offer, true);
      assertClean(w);
    });

    it('finds the person by a word of the offer', async () => {
      const { page } = w;
      const search = page.getByPlaceholder(t('people.searchPlaceholder'));
      const link = (name: string) => page.getByRole('link', { name, exact: true });
      const rows = page.locator('tbody tr');
      await link(t('nav.people')).click();
      await page.waitForURL('**/people');
      await rows.first().waitFor();

      // Both live in the same city; only one has an open need.
      await search.fill(d.city);
      await page.waitForURL(new RegExp(`q=${d.city}`));
      await link(d.person).waitFor();
      await link(d.decoy).waitFor();
      await page.getByRole('switch', { name: t('people.hasOpenNeeds') }).click();
      await page.waitForURL(/open=1/);
      await expect.poll(() => link(d.decoy).count()).toBe(0);
      await link(d.person).waitFor();
      await page.getByRole('switch', { name: t('people.hasOpenNeeds') }).click();
      await link(d.decoy).waitFor();

      // A word of the offer finds exactly that person.
      await search.fill(d.offerWord);
      await page.waitForURL(new RegExp(`q=${d.offerWord}`));
      await expect.poll(() => rows.count()).toBe(1);
      await link(d.person).waitFor();
      expect(await link(d.decoy).count()).toBe(0);
      const row = rows.first();
      expect(await row.textContent()).toContain(d.company);
      expect(await row.textContent()).toContain(d.city);
      await row.getByLabel(t('people.openNeedsCount_one', { count: 1 })).waitFor();
      await shot(page, `${lang}-07-search`);

      // A word nobody has: an empty state that says what to do.
      await search.fill('zzqxw');
      await visible(page, t('people.noResultsTitle'));
      await page
        .getByRole('button', { name: t('people.clearFilters') })
        .first()
        .click();
      await expect.poll(() => search.inputValue()).toBe('');
      await rows.first().waitFor();

      await search.fill(d.offerWord);
      await expect.poll(() => rows.count()).toBe(1);
      await link(d.person).click();
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: d.person, level: 1 }).waitFor();
      assertClean(w);
    });

    it('edits a field in place and keeps it after a reload', async () => {
      const { page } = w;
      const details = page.getByRole('region', { name: t('person.details') });
      await details.getByRole('button', { name: t('common.editField', { field: t('person.role') }) }).click();
      const input = label(details, t('person.role'));
      await input.fill(d.role);
      await shot(page, `${lang}-08-edit-in-place`, false);
      await input.press('Enter');
      await details.getByText(d.role, { exact: true }).waitFor();
      await expect.poll(() => input.count()).toBe(0);

      // A need is toggled to satisfied and the section says so.
      const needs = page.getByRole('region', { name: t('items.needsTitle') });
      await needs.getByRole('button', { name: t('items.needs.markSatisfied') }).click();
      await needs.getByRole('button', { name: t('items.needs.markOpen') }).waitFor();

      // A timeline entry becomes the last interaction.
      const timeline = page.getByRole('region', { name: t('timeline.title') });
      await timeline.getByRole('button', { name: t('timeline.add') }).click();
      await label(timeline, t('timeline.summary')).fill(lang === 'it' ? 'Caffè in centro' : 'Coffee in town');
      await timeline.getByRole('button', { name: t('common.save') }).click();
      await timeline.getByText(lang === 'it' ? 'Caffè in centro' : 'Coffee in town').waitFor();

      await page.reload();
      await page.getByRole('heading', { name: d.person, level: 1 }).waitFor();
      await page
        .getByRole('region', { name: t('person.details') })
        .getByText(d.role, { exact: true })
        .waitFor();
      await page
        .getByRole('region', { name: t('items.needsTitle') })
        .getByRole('button', { name: t('items.needs.markOpen') })
        .waitFor();
      await visible(page, lang === 'it' ? 'Caffè in centro' : 'Coffee in town');
      await visible(page, new RegExp(escapeRe(t('timeline.last', { when: '@', date: '@' })).replace(/@/g, '.+')));
      await shot(page, `${lang}-09-person-saved`);
      assertClean(w);
    });

    it('links two people, follows the link, and deletes one after confirming', async () => {
      const { page } = w;
      const rels = page.getByRole('region', { name: t('relationships.title') });
      await rels.getByRole('button', { name: t('relationships.add') }).click();
      const picker = label(rels, t('relationships.knows', { name: d.person }));
      await picker.fill(d.decoy.split(' ')[1] as string);
      await page.getByRole('option', { name: new RegExp(`^${escapeRe(d.decoy)}`) }).click();
      await rels.getByText(t('relationships.strengths.3'), { exact: true }).click();
      expect(await rels.getByRole('radio', { name: t('relationships.strengths.3') }).isChecked()).toBe(true);
      await rels.getByRole('button', { name: t('common.save') }).click();
      const other = rels.getByRole('link', { name: d.decoy, exact: true });
      await other.waitFor();
      await rels.getByText(t('relationships.strengths.3'), { exact: true }).first().waitFor();
      await shot(page, `${lang}-10-relationship`, false);

      await other.click();
      await page.getByRole('heading', { name: d.decoy, level: 1 }).waitFor();
      await page.getByRole('button', { name: t('person.delete') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(t('person.deleteText')).waitFor();
      await dialog.getByRole('button', { name: t('person.deleteConfirm') }).click();
      await page.waitForURL(/\/people$/);
      await page.getByPlaceholder(t('people.searchPlaceholder')).fill(d.city);
      await page.getByRole('link', { name: d.person, exact: true }).waitFor();
      expect(await page.getByRole('link', { name: d.decoy, exact: true }).count()).toBe(0);
      await page.getByRole('link', { name: d.person, exact: true }).click();
      await page.getByRole('heading', { name: d.person, level: 1 }).waitFor();
      expect(
        await page
          .getByRole('region', { name: t('relationships.title') })
          .getByText(t('relationships.empty'))
          .count(),
      ).toBe(1);
      assertClean(w);
    });

    it('switches the language from the header, and the account remembers it', async () => {
      const { page } = w;
      const o = d.other;
      await page.getByRole('link', { name: t('nav.people'), exact: true }).waitFor();
      await page.locator('header label', { hasText: new RegExp(`^${o.toUpperCase()}$`) }).click();
      await page.getByRole('link', { name: tr(o, 'nav.people'), exact: true }).waitFor();
      await visible(page, tr(o, 'person.details'), true);
      await visible(page, tr(o, 'items.needsTitle'), true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(o);
      await shot(page, `${lang}-11-switched-to-${o}`);

      // Saved to the account: the server says so, and a reload keeps it.
      await expect
        .poll(() =>
          page.evaluate(
            async () => ((await (await fetch('/api/v1/auth/me')).json()) as { user: { locale: string } }).user.locale,
          ),
        )
        .toBe(o);
      await page.reload();
      await page.getByRole('link', { name: tr(o, 'nav.people'), exact: true }).waitFor();

      await page.locator('header label', { hasText: new RegExp(`^${lang.toUpperCase()}$`) }).click();
      await page.getByRole('link', { name: t('nav.people'), exact: true }).waitFor();
      assertClean(w);
    });

    it('logs out, refuses a wrong password, and logs back in', async () => {
      const { page } = w;
      await page
        .getByRole('link', { name: t('nav.settings'), exact: true })
        .first()
        .click();
      await page.waitForURL('**/settings');
      await page.getByRole('heading', { name: t('tokens.title') }).waitFor();
      await label(page, t('tokens.name')).fill('backup');
      await page.getByRole('button', { name: t('tokens.create') }).click();
      const secret = page.getByTestId('token-secret');
      await secret.waitFor();
      expect(await secret.textContent()).toMatch(/^rete_/);
      await shot(page, `${lang}-12-token-created`, false);
      await page.getByRole('button', { name: t('tokens.done') }).click();
      await page.getByRole('cell', { name: 'backup', exact: true }).waitFor();
      await shot(page, `${lang}-13-settings`);

      await page
        .getByRole('button', { name: t('nav.logout') })
        .first()
        .click();
      await page.waitForURL('**/login');
      await page.getByRole('heading', { name: t('auth.loginTitle') }).waitFor();
      await page.goto(`${app.url}/people`);
      await page.waitForURL('**/login');

      await label(page, t('auth.email')).fill(d.email);
      await label(page, t('auth.password')).fill('wrong password!');
      await page.getByRole('button', { name: t('auth.loginButton') }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: t('errors.invalid_credentials') })
        .waitFor();
      await shot(page, `${lang}-14-login-error`);

      await label(page, t('auth.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('auth.loginButton') }).click();
      await page.waitForURL('**/people');
      await page.getByRole('heading', { name: t('people.title'), level: 1 }).waitFor();
      await page.getByPlaceholder(t('people.searchPlaceholder')).fill(d.offerWord);
      await page.getByRole('link', { name: d.person, exact: true }).waitFor();
      assertClean(w);
    });
  });
}

describe('web app at phone width (375×812, it-IT)', () => {
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  const t = (key: string, vars?: Record<string, string | number>) => tr('it', key, vars);

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'it-IT', viewport: { width: 375, height: 812 }, mobile: true });
  });

  afterEach((ctx) => shotOnFailure(ctx, w, 'mobile'));

  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
  });

  /** The collapsed navbar is moved off the screen, not hidden: check where it is. */
  const onScreen = async (loc: Locator) => {
    const box = await loc.boundingBox();
    return box !== null && box.x + box.width > 0 && box.x < 375;
  };

  it('signs up, explores the demo, edits Me, and logs out from the burger menu', async () => {
    const { page } = w;
    await page.goto(app.url);
    await page.waitForURL('**/signup');
    await label(page, t('auth.displayName')).fill('Luca Ferrari');
    await label(page, t('auth.email')).fill('luca@example.it');
    await label(page, t('auth.password')).fill(PASSWORD);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'mobile-01-signup');
    await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
    await page.waitForURL('**/welcome');
    await shot(page, 'mobile-02-welcome');
    await page.getByRole('button', { name: t('welcome.demoButton') }).click();
    await page.waitForURL('**/people');

    // Cards instead of a table, and nothing wider than the screen.
    const cards = page.locator('main a[href^="/people/"]');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(20);
    expect(await page.locator('table').count()).toBe(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'mobile-03-people', false);

    // The navigation hides behind the burger.
    const nav = page.getByRole('link', { name: t('nav.me'), exact: true });
    expect(await onScreen(nav)).toBe(false);
    await page.getByRole('button', { name: t('nav.menu') }).click();
    await expect.poll(() => onScreen(nav)).toBe(true);
    await shot(page, 'mobile-04-menu', false);
    await nav.click();
    await page.waitForURL('**/me');
    await page.getByRole('heading', { name: t('me.title'), level: 1 }).waitFor();
    await expect.poll(() => onScreen(nav)).toBe(false);

    const offer = 'Posso rivedere un piano di marketing per una PMI';
    await label(page, t('items.addOffer')).fill(offer);
    await page
      .getByRole('region', { name: t('me.offersTitle') })
      .getByRole('button', { name: t('common.add') })
      .click();
    await visible(page, offer, true);
    await page.reload();
    await visible(page, offer, true);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'mobile-05-me');

    // A person's page on a phone.
    await page.getByRole('button', { name: t('nav.menu') }).click();
    await page.getByRole('link', { name: t('nav.people'), exact: true }).click();
    await page.waitForURL('**/people');
    await cards.first().click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('region', { name: t('person.details') }).waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'mobile-06-person');

    await page.getByRole('button', { name: t('nav.menu') }).click();
    await page.getByRole('button', { name: t('nav.logout') }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: t('auth.loginTitle') }).waitFor();
    assertClean(w);
  });
});
