import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

type Person = { id: string; name: string };

async function signUp(page: Page, url: string, lang: Lang, name: string, email: string): Promise<void> {
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);
  await page.goto(url);
  await page.waitForURL('**/signup');
  await label(page, t('auth.displayName')).fill(name);
  await label(page, t('auth.email')).fill(email);
  await label(page, t('auth.password')).fill(PASSWORD);
  await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
  await page.waitForURL('**/welcome');
}

/**
 * The network of the report: typing "Federica" listed Enrico Farina first (his note names her), and
 * "Roberto" listed two other people above both Roberto Colombo.
 */
async function namesakes(page: Page) {
  const add = (body: Record<string, unknown>) => post<Person>(page, '/api/v1/people', body);
  const anna = await add({ name: 'Anna Riva', city: 'Milano' });
  const enrico = await add({ name: 'Enrico Farina', notes: 'Fratello di Federica, organizza le cene del gruppo' });
  const villaMi = await add({ name: 'Federica Villa', company: 'Villa Architetti', city: 'Milano' });
  const villaBg = await add({ name: 'Federica Villa', city: 'Bergamo' });
  const angela = await add({ name: 'Angela Bassi', company: 'Studio Roberto & Figli' });
  const bruno = await add({ name: 'Bruno Neri', role: 'Agente di Roberto Colombo' });
  const robSerr = await add({ name: 'Roberto Colombo', company: 'Colombo Serramenti', city: 'Como' });
  const robLecco = await add({ name: 'Roberto Colombo', city: 'Lecco' });
  return { anna, enrico, villaMi, villaBg, angela, bruno, robSerr, robLecco };
}

/** The options a picker shows once the answer for `text` is in: each option's whole text. */
async function optionsFor(page: Page, field: ReturnType<typeof label>, text: string, firstName: string): Promise<string[]> {
  await field.click();
  await field.fill(text);
  const first = page.getByRole('option').first();
  await expect
    .poll(async () => ((await first.count()) > 0 ? await first.textContent() : ''), { timeout: 15_000 })
    .toMatch(new RegExp(`^${firstName}`));
  return page.getByRole('option').allTextContents();
}

describe('person pickers and search in Italian (it-IT)', () => {
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  let net: Awaited<ReturnType<typeof namesakes>>;
  const t = (key: string, vars?: Record<string, string | number>) => tr('it', key, vars);

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'it-IT' });
  });
  afterEach((ctx) => shotOnFailure(ctx, w, 'pickers-it'));
  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
  });

  it('"Aggiungi relazione": typing "Federica" lists both Federica Villa first, told apart, and saves the one taken', async () => {
    const { page } = w;
    await signUp(page, app.url, 'it', 'Marta Colombo', 'marta@example.it');
    net = await namesakes(page);
    await page.goto(`${app.url}/people/${net.anna.id}`);
    await page.getByRole('heading', { name: 'Anna Riva', level: 1 }).waitFor();
    const rels = page.getByRole('region', { name: t('relationships.title') });
    await rels.getByRole('button', { name: t('relationships.add') }).click();
    const picker = label(rels, t('relationships.knows', { name: 'Anna Riva' }));
    const options = await optionsFor(page, picker, 'Federica', 'Federica Villa');
    // Namesakes first (between them, in a stable order), each with what tells them apart; the note
    // that names her last, saying so.
    expect(options.slice(0, 2).sort()).toEqual(['Federica VillaBergamo', 'Federica VillaVilla Architetti · Milano']);
    expect(options.slice(2)).toEqual([
      `Enrico Farina${t('people.match.notes', { text: 'Fratello di Federica, organizza le cene del gruppo' })}`,
    ]);
    const taken = options[0]?.includes('Milano') ? net.villaMi.id : net.villaBg.id;
    await shot(page, 'it-pickers-01-relationship-federica', false);
    await page.getByRole('option').first().click();
    await rels.getByRole('button', { name: t('common.save') }).click();
    await rels.getByRole('link', { name: 'Federica Villa', exact: true }).waitFor();
    const anna = await api<{ relationships: Array<{ other: Person }> }>(page, `/api/v1/people/${net.anna.id}`);
    expect(anna.relationships.map((r) => r.other.id)).toEqual([taken]);
    assertClean(w);
  });

  it('"Registra un dono": typing "Roberto" lists both Roberto Colombo first and saves the one taken', async () => {
    const { page } = w;
    await page.goto(`${app.url}/ledger`);
    await page.waitForURL('**/ledger');
    await page
      .getByRole('button', { name: t('ledger.give.add') })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: t('ledger.give.title') });
    await dialog.waitFor();
    const options = await optionsFor(page, label(dialog, t('ledger.give.recipients')), 'Roberto', 'Roberto Colombo');
    expect(options.slice(0, 2).sort()).toEqual(['Roberto ColomboColombo Serramenti · Como', 'Roberto ColomboLecco']);
    expect(options.slice(2)).toEqual([
      `Angela Bassi${t('people.match.company', { text: 'Studio Roberto & Figli' })}`,
      `Bruno Neri${t('people.match.role', { text: 'Agente di Roberto Colombo' })}`,
    ]);
    const second = options[1]?.includes('Lecco') ? net.robLecco.id : net.robSerr.id;
    await shot(page, 'it-pickers-02-give-roberto', false);
    // The second one this time, with the keyboard.
    await label(dialog, t('ledger.give.recipients')).press('ArrowDown');
    await label(dialog, t('ledger.give.recipients')).press('ArrowDown');
    await label(dialog, t('ledger.give.recipients')).press('Enter');
    await dialog
      .getByRole('list', { name: t('ledger.give.recipients') })
      .getByText('Roberto Colombo')
      .waitFor();
    await label(dialog, t('ledger.give.what')).fill('Gli ho presentato un architetto');
    await dialog.getByRole('button', { name: t('common.save') }).click();
    await page.getByText(t('ledger.give.saved')).waitFor();
    const gives = await api<{ items: Array<{ recipients: Person[] }> }>(page, '/api/v1/gives');
    expect(gives.items.map((g) => g.recipients.map((r) => r.id))).toEqual([[second]]);
    assertClean(w);
  });

  it('the People search puts names first and says why the others are there', async () => {
    const { page } = w;
    await page
      .getByRole('navigation', { name: t('nav.main') })
      .getByRole('link', { name: t('nav.people'), exact: true })
      .click();
    await page.waitForURL('**/people');
    await page.getByPlaceholder(t('people.searchPlaceholder')).fill('roberto');
    await page.waitForURL(/q=roberto/);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const names = await rows.locator('a[href^="/people/"]').allTextContents();
    expect(names).toEqual(['Roberto Colombo', 'Roberto Colombo', 'Angela Bassi', 'Bruno Neri']);
    expect(await rows.nth(0).getByTestId('search-match').count()).toBe(0);
    expect(await rows.nth(2).getByTestId('search-match').textContent()).toBe(
      t('people.match.company', { text: 'Studio Roberto & Figli' }),
    );
    await shot(page, 'it-pickers-03-search', false);
    assertClean(w);
  });
});

describe('person search at phone width (375×812, en-US)', () => {
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  const t = (key: string, vars?: Record<string, string | number>) => tr('en', key, vars);

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'en-US', viewport: { width: 375, height: 812 }, mobile: true });
  });
  afterEach((ctx) => shotOnFailure(ctx, w, 'pickers-mobile'));
  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
  });

  it('finds Federica before the note that names her, on cards and in the relationship picker', async () => {
    const { page } = w;
    await signUp(page, app.url, 'en', 'Anna Walsh', 'anna@example.com');
    const net = await namesakes(page);
    await page.goto(`${app.url}/people?q=federica`);
    const cards = page.locator('main a[href^="/people/"]');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      'Federica Villa',
      'Federica Villa',
      'Enrico Farina',
    ]);
    expect(await cards.nth(2).getByTestId('search-match').textContent()).toBe(
      t('people.match.notes', { text: 'Fratello di Federica, organizza le cene del gruppo' }),
    );
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'en-pickers-mobile-01-search', false);

    await page.goto(`${app.url}/people/${net.enrico.id}`);
    const rels = page.getByRole('region', { name: t('relationships.title') });
    await rels.getByRole('button', { name: t('relationships.add') }).click();
    const picker = label(rels, t('relationships.knows', { name: 'Enrico Farina' }));
    const options = await optionsFor(page, picker, 'federica v', 'Federica Villa');
    expect([...options].sort()).toEqual(['Federica VillaBergamo', 'Federica VillaVilla Architetti · Milano']);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.getByRole('option').nth(1).click();
    await rels.getByRole('button', { name: t('common.save') }).click();
    await rels.getByRole('link', { name: 'Federica Villa', exact: true }).waitFor();
    const enrico = await api<{ relationships: Array<{ other: Person }> }>(page, `/api/v1/people/${net.enrico.id}`);
    expect(enrico.relationships.map((r) => r.other.id)).toEqual([
      options[1]?.includes('Milano') ? net.villaMi.id : net.villaBg.id,
    ]);
    await shot(page, 'en-pickers-mobile-02-relationship', false);
    assertClean(w);
  });
});

for (const run of [
  { lang: 'en' as Lang, locale: 'en-US', mobile: false, user: 'Anna Walsh', email: 'anna@example.com' },
  { lang: 'it' as Lang, locale: 'it-IT', mobile: true, user: 'Marta Colombo', email: 'marta@example.it' },
]) {
  const t = (key: string, vars?: Record<string, string | number>) => tr(run.lang, key, vars);
  describe(`the demo network in ${run.lang === 'it' ? 'Italian at phone width (375×812)' : 'English'} (${run.locale})`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;
    const prefix = `${run.lang}-demo${run.mobile ? '-mobile' : ''}`;

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(browser, {
        locale: run.locale,
        ...(run.mobile ? { viewport: { width: 375, height: 812 }, mobile: true } : {}),
      });
    });
    afterEach((ctx) => shotOnFailure(ctx, w, prefix));
    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    async function nav(page: Page, key: string) {
      if (run.mobile) await page.getByRole('button', { name: t('nav.menu') }).click();
      await page
        .getByRole('navigation', { name: t('nav.main') })
        .getByRole('link', { name: t(key), exact: true })
        .click();
    }

    it('loads without touching Me, marks its people, and shows gives and paths through someone', async () => {
      const { page } = w;
      await signUp(page, app.url, run.lang, run.user, run.email);
      await page.getByRole('button', { name: t('welcome.demoButton') }).click();
      await page.waitForURL('**/people');
      const banner = page.getByTestId('demo-banner');
      await banner.getByText(t('demo.bannerTitle')).waitFor();
      const people = page.locator('main a[href^="/people/"]');
      await people.first().waitFor();
      expect(await page.getByTestId('demo-badge').count()).toBeGreaterThan(20);
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${prefix}-01-people`, false);

      await nav(page, 'nav.me');
      await page.waitForURL('**/me');
      await page.getByText(t('me.offersEmpty')).waitFor();
      await page.getByText(t('me.needsEmpty')).waitFor();

      // A contact met only through Francesca Galli: the Value Finder says so.
      const list = await api<{ items: Person[] }>(page, '/api/v1/people?q=Davide%20Conti');
      await page.goto(`${app.url}/people/${list.items[0]?.id ?? ''}`);
      await page.getByRole('heading', { name: 'Davide Conti', level: 1 }).waitFor();
      await page.getByTestId('demo-badge').first().waitFor();
      const row = page.getByTestId('match-row').filter({ hasText: 'Cristina Morandi' }).first();
      await row.waitFor();
      const path = row.getByTestId('match-path');
      expect(await path.getAttribute('data-path')).toBe('via');
      expect(await path.textContent()).toContain(`${t('match.path.through')} Francesca Galli`);
      expect(await page.getByText(t('valueFinder.youCanHelp')).count()).toBe(0);
      await row.scrollIntoViewIfNeeded();
      await shot(page, `${prefix}-02-through-someone`, false);

      await nav(page, 'nav.giversGain');
      await page.waitForURL('**/givers-gain');
      const value = (id: string) => page.getByTestId(`stat-${id}`).getByTestId('stat-value').textContent();
      await expect.poll(() => value('gives')).toBe('6');
      expect(Number(await value('outcomes'))).toBeGreaterThanOrEqual(5);
      await shot(page, `${prefix}-03-givers-gain`, false);
      assertClean(w);
    });

    it('removes the demo network after a confirmation, keeping Me and the people I added', async () => {
      const { page } = w;
      const mine = await post<Person>(page, '/api/v1/people', { name: 'Lucia Verdi', city: 'Milano' });
      const me = await api<{ id: string }>(page, '/api/v1/me');
      const offer = run.lang === 'it' ? 'Consulenza su bandi europei' : 'Advice on EU grants';
      await post(page, `/api/v1/people/${me.id}/offers`, { text: offer });
      const anyDemo = await api<{ items: Array<Person & { demo: boolean }> }>(page, '/api/v1/people?q=Giulia');
      await post(page, `/api/v1/people/${mine.id}/relationships`, { otherPersonId: anyDemo.items[0]?.id, strength: 2 });

      let remove: ReturnType<Page['getByRole']>;
      if (run.mobile) {
        await page.goto(`${app.url}/settings`);
        const card = page.getByRole('region', { name: t('demo.settingsTitle') });
        remove = card.getByRole('button', { name: t('demo.remove') });
      } else {
        await page.goto(`${app.url}/people`);
        remove = page.getByTestId('demo-banner').getByRole('button', { name: t('demo.remove') });
      }
      await remove.click();
      const dialog = page.getByRole('dialog', { name: t('demo.removeTitle') });
      const count = (await api<{ people: number }>(page, '/api/v1/demo')).people;
      await dialog.getByText(t('demo.removeText_other', { count })).waitFor();
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${prefix}-04-remove-confirm`, false);
      // Cancel first: nothing goes.
      await dialog.getByRole('button', { name: t('common.cancel') }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await api<{ people: number }>(page, '/api/v1/demo')).people).toBe(count);

      await remove.click();
      await dialog.getByRole('button', { name: t('demo.removeConfirm') }).click();
      await page.getByText(t('demo.removed_other', { count })).waitFor();
      await page.goto(`${app.url}/people`);
      const people = page.locator('main a[href^="/people/"]');
      await expect.poll(() => people.count()).toBe(1);
      expect(await page.getByTestId('demo-banner').count()).toBe(0);
      expect(await page.getByTestId('demo-badge').count()).toBe(0);
      await page.getByText('Lucia Verdi').first().waitFor();
      const after = await api<{ offers: Array<{ text: string }> }>(page, '/api/v1/me');
      expect(after.offers.map((o) => o.text)).toEqual([offer]);
      const lucia = await api<{ relationships: unknown[] }>(page, `/api/v1/people/${mine.id}`);
      expect(lucia.relationships).toEqual([]);
      await nav(page, 'nav.giversGain');
      await page.waitForURL('**/givers-gain');
      await expect.poll(() => page.getByTestId('stat-gives').getByTestId('stat-value').textContent()).toBe('0');
      await shot(page, `${prefix}-05-removed`, false);
      assertClean(w);
    });
  });
}

for (const run of [
  { lang: 'it' as Lang, locale: 'it-IT', mobile: false, user: 'Marta Colombo', email: 'marta@example.it' },
  { lang: 'en' as Lang, locale: 'en-US', mobile: true, user: 'Anna Walsh', email: 'anna@example.com' },
]) {
  const t = (key: string, vars?: Record<string, string | number>) => tr(run.lang, key, vars);
  const d =
    run.lang === 'it'
      ? {
          needs: ['Un commercialista che conosca il regime forfettario', 'Clienti nel settore alberghiero'],
          offer: 'Serramenti in legno su misura',
          howMet: 'Fiera Made Expo, Milano',
          notes: 'Preferisce essere chiamato la mattina',
        }
      : {
          needs: ['An accountant who knows the flat-rate regime', 'Clients among hotels'],
          offer: 'Made-to-measure wooden windows',
          howMet: 'Made Expo fair, Milan',
          notes: 'Prefers calls in the morning',
        };
  describe(`adding a person in ${run.lang === 'it' ? 'Italian' : 'English at phone width (375×812)'} (${run.locale})`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;
    const prefix = `${run.lang}-add${run.mobile ? '-mobile' : ''}`;

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(browser, {
        locale: run.locale,
        ...(run.mobile ? { viewport: { width: 375, height: 812 }, mobile: true } : {}),
      });
    });
    afterEach((ctx) => shotOnFailure(ctx, w, prefix));
    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    it('saves needs, offers, how we met, notes and a link typed without https:// in one go', async () => {
      const { page } = w;
      await signUp(page, app.url, run.lang, run.user, run.email);
      await page.getByRole('button', { name: t('welcome.emptyButton') }).click();
      await page.waitForURL('**/people');
      await page
        .getByRole('button', { name: t('people.add') })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: t('people.addTitle') });
      await dialog.waitFor();
      await label(dialog, t('person.name')).fill('Roberto Colombo');
      await label(dialog, t('person.company')).fill('Colombo Serramenti');

      // The link is checked as one types: wrong once left, right again at the next keystrokes.
      const link = label(dialog, t('person.link'));
      await link.fill('colombo');
      await label(dialog, t('person.phone')).click();
      await dialog.getByText(t('person.linkInvalid')).waitFor();
      await link.pressSequentially('serramenti.it');
      await expect.poll(() => dialog.getByText(t('person.linkInvalid')).count()).toBe(0);
      await link.fill('www.colomboserramenti.it');
      await dialog.getByText(t('person.linkSavedAs', { url: 'https://www.colomboserramenti.it' })).waitFor();

      await label(dialog, t('people.needN', { n: 1 })).fill(d.needs[0] ?? '');
      await dialog.getByRole('button', { name: t('items.addNeed') }).click();
      await label(dialog, t('people.needN', { n: 2 })).fill(d.needs[1] ?? '');
      await label(dialog, t('people.offerN', { n: 1 })).fill(d.offer);
      await label(dialog, t('person.howMet')).fill(d.howMet);
      await label(dialog, t('person.notes')).fill(d.notes);
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${prefix}-01-form`, false);
      await dialog.getByRole('button', { name: t('people.addButton') }).click();

      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Roberto Colombo', level: 1 }).waitFor();
      const needs = page.getByRole('region', { name: t('items.needsTitle') });
      for (const n of d.needs) await needs.getByText(n, { exact: true }).first().waitFor();
      await page
        .getByRole('region', { name: t('items.offersTitle') })
        .getByText(d.offer, { exact: true })
        .first()
        .waitFor();
      const details = page.getByRole('region', { name: t('person.details') });
      await details.getByText(d.howMet, { exact: true }).waitFor();
      await details.getByText(d.notes, { exact: true }).waitFor();
      const site = details.getByRole('link', { name: /colomboserramenti\.it/ });
      expect(await site.getAttribute('href')).toMatch(/^https:\/\/www\.colomboserramenti\.it\/?$/);
      const id = page.url().split('/').at(-1) ?? '';
      const saved = await api<{ needs: Array<{ text: string }>; links: Array<{ value: string }> }>(page, `/api/v1/people/${id}`);
      expect(saved.needs.map((n) => n.text)).toEqual(d.needs);
      expect(saved.links.map((l) => l.value)).toEqual(['https://www.colomboserramenti.it']);
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${prefix}-02-person`, false);
      assertClean(w);
    });

    it('takes a link typed without https:// when editing it too, and says at once what is wrong', async () => {
      const { page } = w;
      const details = page.getByRole('region', { name: t('person.details') });
      await details.getByRole('button', { name: t('common.editField', { field: t('person.links') }) }).click();
      const row = details.getByRole('textbox', { name: `${t('person.links')} 1` });
      await row.fill('colombo serramenti');
      await row.press('Tab');
      await details.getByText(t('person.linkInvalid')).waitFor();
      await row.fill('www.colombo-serramenti.com');
      await expect.poll(() => details.getByText(t('person.linkInvalid')).count()).toBe(0);
      await details.getByRole('button', { name: t('common.save') }).click();
      const site = details.getByRole('link', { name: /colombo-serramenti\.com/ });
      await site.waitFor();
      expect(await site.getAttribute('href')).toMatch(/^https:\/\/www\.colombo-serramenti\.com\/?$/);
      assertClean(w);
    });

    it('edits the birthday by day, month and year, refuses a 29 February the year had not, keeps it without the year', async () => {
      const { page } = w;
      const details = page.getByRole('region', { name: t('person.details') });
      const id = page.url().split('/').at(-1) ?? '';
      const edit = () => details.getByRole('button', { name: t('common.editField', { field: t('person.birthday') }) }).click();
      await edit();
      await details.getByRole('combobox', { name: t('person.birthdayDay') }).selectOption('29');
      await details.getByRole('combobox', { name: t('person.birthdayMonth') }).selectOption('2');
      const year = details.getByRole('textbox', { name: t('person.birthdayYear') });
      await year.fill('1983');
      await details.getByRole('button', { name: t('common.save') }).click();
      await details.getByText(t('person.birthdayNotLeap', { year: 1983 })).waitFor();
      await year.fill('1984');
      // What was wrong goes as soon as it is being put right.
      await expect.poll(() => details.getByText(t('person.birthdayNotLeap', { year: 1983 })).count()).toBe(0);
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${prefix}-03-birthday`, false);
      await details.getByRole('button', { name: t('common.save') }).click();
      await details.getByText(run.lang === 'it' ? '29 febbraio 1984' : '29 February 1984', { exact: true }).waitFor();
      expect((await api<{ birthday: string | null }>(page, `/api/v1/people/${id}`)).birthday).toBe('1984-02-29');
      // The year is optional: without it, 29 February is a birthday all the same.
      await edit();
      await year.fill('');
      await details.getByRole('button', { name: t('common.save') }).click();
      await details.getByText(run.lang === 'it' ? '29 febbraio' : '29 February', { exact: true }).waitFor();
      expect((await api<{ birthday: string | null }>(page, `/api/v1/people/${id}`)).birthday).toBe('--02-29');
      assertClean(w);
    });
  });
}
