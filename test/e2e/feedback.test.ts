/**
 * The Value Finder page learns from its user (issue 11, items 5 and 6), phone width first: the best
 * few helpers per need with "show more", "not relevant" taking a helper off the list for good (with
 * an undo), "good match" moving one up, the "through …" path in view; words taught in Settings
 * answering "I need…"; the people search finding a commercialista for "tax advisor".
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ValueFinder } from '#shared/api/matching.ts';
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
  type TestServer,
  type Watched,
} from './harness.ts';

const PASSWORD = 'una frase lunga e segreta';
const NEED = 'Cerco un commercialista per la contabilità';
// Five accountants with the same offer: all five fit, equally well.
const ACCOUNTANTS = ['Giulia Galli', 'Marco Neri', 'Paola Ricci', 'Sergio Testa', 'Elena Fabbri'];
const OFFER = 'Contabilità e dichiarazioni dei redditi per piccole imprese';

type Person = { id: string; name: string };

const cases = [
  { lang: 'it' as const, locale: 'it-IT', viewport: { width: 375, height: 812 }, mobile: true, who: 'Marta Colombo' },
  { lang: 'en' as const, locale: 'en-GB', viewport: { width: 1280, height: 860 }, mobile: false, who: 'Anna Walsh' },
];

for (const c of cases) {
  const t = (key: string, vars?: Record<string, string | number>) => tr(c.lang, key, vars);
  const tag = `${c.lang}-${c.mobile ? 'phone' : 'desktop'}`;

  describe(`Value Finder feedback and words (${c.locale}, ${c.viewport.width} px)`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;
    let chiara: Person;
    let laura: Person;

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(browser, { locale: c.locale, viewport: c.viewport, mobile: c.mobile });
    });
    afterEach((ctx) => shotOnFailure(ctx, w, `feedback-${tag}`));
    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    async function signUp(page: Page) {
      await page.goto(app.url);
      await page.waitForURL('**/signup');
      await label(page, t('auth.displayName')).fill(c.who);
      await label(page, t('auth.email')).fill(`${c.lang}@example.com`);
      await label(page, t('auth.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
      await page.waitForURL('**/welcome');
      await page.getByRole('button', { name: t('welcome.emptyButton') }).click();
      await page.waitForURL('**/people');
    }

    const helpersList = (page: Page): Locator =>
      page
        .getByRole('region', { name: t('valueFinder.title') })
        .getByRole('article')
        .first()
        .getByRole('list', { name: t('valueFinder.networkCanHelp'), exact: true });
    const rowNames = async (list: Locator) =>
      Promise.all(
        (await list.getByTestId('match-row').all()).map(async (r) => (await r.getByRole('link').first().textContent()) ?? ''),
      );

    it('shows the best three helpers of a need, and the rest on "show more"', async () => {
      const { page } = w;
      await signUp(page);
      const me = await api<{ id: string }>(page, '/api/v1/me');
      chiara = await post<Person>(page, '/api/v1/people', { name: 'Chiara Rinaldi', role: 'Titolare, carpenteria metallica' });
      await post(page, `/api/v1/people/${chiara.id}/needs`, { text: NEED });
      laura = await post<Person>(page, '/api/v1/people', { name: 'Laura Conti', role: 'Avvocato' });
      await post(page, `/api/v1/people/${me.id}/relationships`, { otherPersonId: laura.id, strength: 3 });
      for (const name of ACCOUNTANTS) {
        const p = await post<Person>(page, '/api/v1/people', { name, role: 'Commercialista', city: 'Milano' });
        await post(page, `/api/v1/people/${p.id}/offers`, { text: OFFER });
        // I know none of them; Laura knows each well: every path goes through her.
        await post(page, `/api/v1/people/${laura.id}/relationships`, { otherPersonId: p.id, strength: 3 });
      }

      await page.goto(`${app.url}/people/${chiara.id}`);
      await page.getByRole('heading', { name: 'Chiara Rinaldi', level: 1 }).waitFor();
      const list = helpersList(page);
      await list.getByTestId('match-row').first().waitFor();
      expect(await list.getByTestId('match-row').count()).toBe(3);
      // The "through …" path is in view on every row, with the intermediary's name.
      const path = list.getByTestId('match-row').first().getByTestId('match-path');
      expect(await path.getAttribute('data-path')).toBe('via');
      expect(await path.textContent()).toContain(`${t('match.path.through')} Laura Conti`);
      expect(await path.isVisible()).toBe(true);
      if (c.mobile) expect(await noHorizontalScroll(page)).toBe(true);
      await list.scrollIntoViewIfNeeded();
      await shot(page, `${tag}-feedback-01-three`, false);

      await list.getByRole('button', { name: t('valueFinder.showMore', { count: 2 }) }).click();
      await expect.poll(() => list.getByTestId('match-row').count()).toBe(5);
      expect((await rowNames(list)).sort()).toEqual([...ACCOUNTANTS].sort());
      await list.getByRole('button', { name: t('valueFinder.showFewer') }).click();
      await expect.poll(() => list.getByTestId('match-row').count()).toBe(3);
      assertClean(w);
    });

    it('"not relevant" takes a helper off the list for good, with an undo; "good match" moves one up', async () => {
      const { page } = w;
      const list = helpersList(page);
      const before = await rowNames(list);
      const first = before[0] as string;

      await list.getByRole('button', { name: t('feedback.notRelevantFor', { name: first }) }).click();
      await expect.poll(() => rowNames(list)).not.toContain(first);
      // Still the best three, now with one less behind "show more".
      expect(await list.getByTestId('match-row').count()).toBe(3);
      await list.getByRole('button', { name: t('valueFinder.showMore', { count: 1 }) }).waitFor();
      const note = page.getByText(t('feedback.hidden', { name: first }));
      await note.waitFor();
      await shot(page, `${tag}-feedback-02-dismissed`, false);

      // Undo brings them back ...
      await page.getByRole('button', { name: t('feedback.undo') }).click();
      await expect.poll(() => rowNames(list)).toContain(first);
      // ... and dismissing again is for good: after a reload too, and in the API.
      await list.getByRole('button', { name: t('feedback.notRelevantFor', { name: first }) }).click();
      await expect.poll(() => rowNames(list)).not.toContain(first);
      await page.reload();
      await list.getByTestId('match-row').first().waitFor();
      await list.getByRole('button', { name: t('valueFinder.showMore', { count: 1 }) }).click();
      await expect.poll(() => list.getByTestId('match-row').count()).toBe(4);
      expect(await rowNames(list)).not.toContain(first);
      const vf = await api<ValueFinder>(page, `/api/v1/people/${chiara.id}/value-finder`);
      expect(vf.needs[0]?.network.map((h) => h.person.name)).not.toContain(first);

      // A good match on the last of the list puts them first.
      const names = await rowNames(list);
      const last = names[names.length - 1] as string;
      const good = list.getByRole('button', { name: t('feedback.goodFor', { name: last }) });
      expect(await good.getAttribute('aria-pressed')).toBe('false');
      await good.click();
      await expect.poll(async () => (await rowNames(list))[0]).toBe(last);
      const pressed = list.getByRole('button', { name: t('feedback.goodFor', { name: last }) });
      await expect.poll(() => pressed.getAttribute('aria-pressed')).toBe('true');
      if (c.mobile) expect(await noHorizontalScroll(page)).toBe(true);
      await list.scrollIntoViewIfNeeded();
      await shot(page, `${tag}-feedback-03-good`, false);

      // Settings lists both verdicts, and one can be taken back there.
      await page.goto(`${app.url}/settings`);
      const verdicts = page.getByRole('list', { name: t('learning.verdictsTitle') });
      await verdicts.getByTestId('verdict').first().waitFor();
      expect(await verdicts.getByTestId('verdict').count()).toBe(2);
      await verdicts.getByRole('button', { name: t('learning.takeBackNamed', { name: last }) }).click();
      await expect.poll(() => verdicts.getByTestId('verdict').count()).toBe(1);
      assertClean(w);
    });

    it('a phrase taught in Settings answers "I need…", and the people search knows "tax advisor"', async () => {
      const { page } = w;
      const ask = 'cerco la zia Pina';
      await page.goto(`${app.url}/find?q=${encodeURIComponent(ask)}`);
      await page.getByTestId('nobody-fits').waitFor();
      await page.getByRole('link', { name: t('feedback.teachLink') }).click();
      await page.waitForURL('**/settings#words');
      const words = page.getByRole('region', { name: t('learning.title') });
      await label(words, t('learning.phrase')).fill('la zia Pina');
      const pick = words.getByPlaceholder(t('learning.conceptsPlaceholder'));
      await pick.click();
      await pick.fill(c.lang === 'it' ? 'consulenza fisc' : 'tax advi');
      await page.getByRole('option', { name: c.lang === 'it' ? 'consulenza fiscale' : 'tax advice', exact: true }).click();
      await words.getByRole('button', { name: t('learning.teach'), exact: true }).click();
      const taught = words.getByTestId('taught-word');
      await taught.first().waitFor();
      expect(await taught.first().textContent()).toContain('“la zia Pina”');
      if (c.mobile) expect(await noHorizontalScroll(page)).toBe(true);
      await words.scrollIntoViewIfNeeded();
      await shot(page, `${tag}-feedback-04-words`, false);

      await page.goto(`${app.url}/find?q=${encodeURIComponent(ask)}`);
      const rows = page.getByRole('list', { name: t('find.resultsFor', { q: ask }) }).getByTestId('match-row');
      await rows.first().waitFor();
      expect(ACCOUNTANTS).toContain(await rows.first().getByRole('link').first().textContent());
      expect(await rows.first().getByTestId('match-reason').first().textContent()).toContain('la zia Pina');
      await shot(page, `${tag}-feedback-05-find`, false);

      // The people search: nobody is called "tax advisor", but the accountants mean it.
      await page.goto(`${app.url}/people?q=${encodeURIComponent('tax advisor')}`);
      const match = page.getByTestId('search-match').first();
      await match.waitFor();
      expect(await match.textContent()).toContain(c.lang === 'it' ? 'consulenza fiscale' : 'tax advice');
      await shot(page, `${tag}-feedback-06-people-search`, false);
      assertClean(w);
    });
  });
}
