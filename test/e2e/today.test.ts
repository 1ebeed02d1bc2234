/**
 * Today, the giving routine's home page, in the browser: in Italian at phone width and in English
 * on a desktop. A new account's Today teaches how to start and saves the browser's time zone;
 * "Just met…" saves a person in one go and warns of a namesake while the name is typed; with a
 * network, Today lists a way to give (a helper through a contact), a follow-up due, people to
 * hear from and a birthday (with a note to send), in the order of their kinds; an item is done
 * (and undone), one snoozed and one dismissed, each in one tap; a call logged from Today resets
 * the cadence that put the person there; the one-to-one form is filled and the Value Finder
 * answers on what was heard right after; Settings set a giving goal and a cadence for a tag, show
 * the digest's preview, and make, remake and revoke the calendar feed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUp, Today } from '#shared/api/routine.ts';
import type { PersonDetail } from '#shared/api/people.ts';
import type { ValueFinder } from '#shared/api/matching.ts';
import {
  api,
  assertClean,
  escapeRe,
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

interface Run {
  lang: Lang;
  locale: string;
  user: string;
  email: string;
  mobile: boolean;
  prefix: string;
  laura: { name: string; howMet: string; need: string; offer: string };
  helperOffer: string;
  followUp: string;
  callNote: string;
  nextStep: string;
  answers: { goals: string; interests: string; networks: string; skills: string; lookingFor: string };
  extraOffer: string;
  lawyer: { name: string; role: string; offer: string };
  tag: string;
}

const runs: Run[] = [
  {
    lang: 'it',
    locale: 'it-IT',
    user: 'Marta Colombo',
    email: 'marta@example.it',
    mobile: true,
    prefix: 'today-mobile-it',
    laura: {
      name: 'Laura Rossi',
      howMet: 'Colazione BNI a Torino',
      need: 'Cerco un commercialista per la dichiarazione dei redditi',
      offer: 'Organizza eventi aziendali in Piemonte',
    },
    helperOffer: 'Dichiarazione dei redditi e consulenza fiscale per piccole imprese',
    followUp: 'Mandare a Enrico il preventivo',
    callNote: 'Sentita per gli auguri, le presento Stefano',
    nextStep: 'Richiamare Laura dopo la presentazione',
    answers: {
      goals: 'Aprire un secondo ufficio a Milano',
      interests: 'Vela e auto d’epoca',
      networks: 'Rotary di Torino',
      skills: 'Siti web per piccole imprese',
      lookingFor: 'Cerco un avvocato esperto di contratti commerciali',
    },
    extraOffer: 'Fotografia di prodotto per cataloghi',
    lawyer: { name: 'Giorgio Conti', role: 'Avvocato', offer: 'Avvocato esperto di contratti commerciali e recupero crediti' },
    tag: 'clienti',
  },
  {
    lang: 'en',
    locale: 'en-US',
    user: 'Sam Reed',
    email: 'sam@example.com',
    mobile: false,
    prefix: 'today-en',
    laura: {
      name: 'Laura Hughes',
      howMet: 'Chamber of commerce breakfast',
      need: 'Looking for an accountant for my tax return',
      offer: 'Organises corporate events in London',
    },
    helperOffer: 'Tax returns and tax advice for small businesses',
    followUp: 'Send Enrico the quote',
    callNote: 'Caught up by phone, will introduce Stefano',
    nextStep: 'Call Laura back after the introduction',
    answers: {
      goals: 'Open a second office in Manchester',
      interests: 'Sailing and vintage cars',
      networks: 'The Rotary club of Leeds',
      skills: 'Websites for small businesses',
      lookingFor: 'Looking for a lawyer who knows commercial contracts',
    },
    extraOffer: 'Product photography for catalogues',
    lawyer: { name: 'George Clarke', role: 'Lawyer', offer: 'Lawyer for commercial contracts and debt recovery' },
    tag: 'clients',
  },
];

/** A change through the API with any method, as the app makes it (session cookie and CSRF token). */
async function send<T>(page: Page, method: 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const signal = AbortSignal.timeout(15_000);
      const session = (await (await fetch('/api/v1/auth/me', { signal })).json()) as { csrfToken: string };
      const res = await fetch(p, {
        signal,
        method: m,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: b === undefined ? null : JSON.stringify(b),
      });
      if (!res.ok) throw new Error(`${m} ${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as unknown;
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

/** The day `n` days from `day` (YYYY-MM-DD). */
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

for (const run of runs) {
  const { lang } = run;
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);
  const size = run.mobile ? { width: 375, height: 812 } : { width: 1280, height: 860 };

  describe(`Today (${run.locale}, ${size.width}×${size.height})`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;
    const ids = { laura: '', enrico: '', stefano: '', lawyer: '' };
    let followUpId = '';

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(browser, { locale: run.locale, viewport: size, mobile: run.mobile });
    });
    afterEach((ctx) => shotOnFailure(ctx, w, run.prefix));
    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    const getToday = (page: Page) => api<Today>(page, '/api/v1/today');

    it('signs up: Today, first in the menu, teaches how to start and saves the browser’s time zone', async () => {
      const { page } = w;
      await page.goto(app.url);
      await page.waitForURL('**/signup');
      await label(page, t('auth.displayName')).fill(run.user);
      await label(page, t('auth.email')).fill(run.email);
      await label(page, t('auth.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
      await page.waitForURL('**/welcome');

      await page.goto(`${app.url}/`);
      await page.waitForURL('**/today');
      await page.getByRole('heading', { name: t('today.title'), level: 1 }).waitFor();
      const start = page.getByTestId('today-no-people');
      await start.getByText(t('today.start.title')).waitFor();
      await start.getByRole('link', { name: t('today.start.import') }).waitFor();
      await start.getByRole('button', { name: t('today.start.demo') }).waitFor();
      await start.getByRole('button', { name: t('capture.open') }).waitFor();
      const nav = page.getByRole('navigation', { name: t('nav.main') });
      expect(await nav.getByRole('link').first().textContent()).toBe(t('nav.today'));
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-01-start`);

      // The browser says Europe/Rome (the harness's zone): saved on the first visit.
      await expect
        .poll(async () => api<{ timeZone: string; timeZoneSet: boolean }>(page, '/api/v1/settings/routine'))
        .toMatchObject({ timeZone: 'Europe/Rome', timeZoneSet: true });
      assertClean(w);
    });

    it('"Just met…" saves a person in one go, and warns of a namesake while the name is typed', async () => {
      const { page } = w;
      await page
        .getByTestId('today-no-people')
        .getByRole('button', { name: t('capture.open') })
        .click();
      let dialog = page.getByRole('dialog', { name: t('capture.title') });
      await dialog.waitFor();
      await label(dialog, t('person.name')).fill(run.laura.name);
      await label(dialog, t('capture.howMet')).fill(run.laura.howMet);
      await label(dialog, t('capture.need')).fill(run.laura.need);
      await label(dialog, t('capture.offer')).fill(run.laura.offer);
      await label(dialog, t('person.email')).fill('laura@example.it');
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-02-capture`, false);
      await dialog.getByRole('button', { name: t('capture.save') }).click();
      await page
        .getByTestId('capture-saved')
        .filter({ hasText: t('capture.saved', { name: run.laura.name }) })
        .waitFor();
      await dialog.waitFor({ state: 'hidden' });

      const found = await api<{ items: Array<{ id: string; name: string }> }>(
        page,
        `/api/v1/people?q=${encodeURIComponent(run.laura.name)}`,
      );
      ids.laura = found.items.find((p) => p.name === run.laura.name)?.id ?? '';
      const laura = await api<PersonDetail>(page, `/api/v1/people/${ids.laura}`);
      expect(laura.howMet).toBe(run.laura.howMet);
      expect(laura.needs.map((n) => n.text)).toEqual([run.laura.need]);
      expect(laura.offers.map((o) => o.text)).toEqual([run.laura.offer]);
      expect(laura.emails.map((e) => e.value)).toEqual(['laura@example.it']);

      // One person, nothing due: Today says so and what to do next.
      await page.getByTestId('today-empty').getByText(t('today.empty.title')).waitFor();

      // From the header this time: the name of someone already there is flagged as it is typed.
      await page.getByTestId(run.mobile ? 'quick-capture-icon' : 'quick-capture').click();
      dialog = page.getByRole('dialog', { name: t('capture.title') });
      await dialog.waitFor();
      const name = label(dialog, t('person.name'));
      await name.pressSequentially(run.laura.name, { delay: 20 });
      const warning = dialog.getByTestId('capture-duplicates');
      await warning.getByText(t('capture.duplicatesTitle')).waitFor();
      expect(await warning.getByRole('link', { name: run.laura.name }).getAttribute('href')).toBe(`/people/${ids.laura}`);
      await shot(page, `${run.prefix}-03-capture-duplicate`, false);
      await name.fill('Enrico Farina');
      await warning.waitFor({ state: 'hidden' });
      await label(dialog, t('person.email')).fill('enrico@example.it');
      await dialog.getByRole('button', { name: t('capture.save') }).click();
      await page
        .getByTestId('capture-saved')
        .filter({ hasText: t('capture.saved', { name: 'Enrico Farina' }) })
        .waitFor();
      const enrico = await api<{ items: Array<{ id: string; name: string }> }>(page, '/api/v1/people?q=Enrico%20Farina');
      ids.enrico = enrico.items[0]?.id ?? '';
      expect(ids.enrico).not.toBe('');
      assertClean(w);
    });

    it('lists, in the order of their kinds, a way to give through a contact, a follow-up due, people to hear from and a birthday', async () => {
      const { page } = w;
      const me = await api<{ user: { selfPersonId: string } }>(page, '/api/v1/auth/me');
      ids.stefano = (
        await post<{ id: string }>(page, '/api/v1/people', {
          name: 'Stefano Galli',
          role: lang === 'it' ? 'Commercialista' : 'Accountant',
          language: lang,
          emails: [{ value: 'stefano@example.it' }],
          offers: [{ text: run.helperOffer }],
        })
      ).id;
      // I know Enrico, who knows Stefano: Stefano can meet Laura's need through Enrico.
      await post(page, `/api/v1/people/${me.user.selfPersonId}/relationships`, { otherPersonId: ids.enrico, strength: 3 });
      await post(page, `/api/v1/people/${ids.enrico}/relationships`, { otherPersonId: ids.stefano, strength: 2 });
      const day = (await getToday(page)).date;
      followUpId = (await post<FollowUp>(page, '/api/v1/follow-ups', { text: run.followUp, dueOn: day, personId: ids.enrico }))
        .id;
      // Last heard from a month ago; Laura every two weeks, Enrico every week.
      for (const id of [ids.laura, ids.enrico]) {
        await post(page, `/api/v1/people/${id}/interactions`, { kind: 'meeting', occurredAt: shift(day, -30), summary: '' });
      }
      await send(page, 'PUT', '/api/v1/cadences', { personId: ids.laura, everyDays: 14 });
      await send(page, 'PUT', '/api/v1/cadences', { personId: ids.enrico, everyDays: 7 });
      // Laura turns 41 in two days.
      const birthday = shift(day, 2);
      await send(page, 'PATCH', `/api/v1/people/${ids.laura}`, {
        birthday: `${Number(birthday.slice(0, 4)) - 41}${birthday.slice(4)}`,
      });

      await page.goto(`${app.url}/today`);
      const give = page.locator('[data-testid="today-item"][data-kind="give"]').filter({ hasText: run.laura.need });
      await give.waitFor();
      await give.getByTestId('today-new').waitFor();
      const helper = give.getByTestId('today-helper').filter({ hasText: 'Stefano Galli' });
      await helper.getByText(t('today.give.via', { name: 'Enrico Farina' })).waitFor();
      await helper.getByRole('button', { name: t('intros.introduceAToB', { a: 'Stefano Galli', b: run.laura.name }) }).waitFor();
      await helper.getByTestId('ask-through').waitFor();
      await give.getByRole('button', { name: t('today.give.handle') }).waitFor();
      await page.locator('[data-testid="today-item"][data-kind="follow_up"]').filter({ hasText: run.followUp }).waitFor();
      await page.locator('[data-testid="today-item"][data-kind="keep_in_touch"]').filter({ hasText: run.laura.name }).waitFor();
      await page.locator('[data-testid="today-item"][data-kind="keep_in_touch"]').filter({ hasText: 'Enrico Farina' }).waitFor();

      const wishes = page.locator('[data-testid="today-item"][data-kind="birthday"]').filter({ hasText: run.laura.name });
      await wishes.getByText(t('today.birthday.turns_other', { count: 41 }), { exact: false }).waitFor();
      const note = wishes.getByTestId('birthday-note');
      await expect
        .poll(() => note.getAttribute('href'))
        .toBe(`mailto:laura@example.it?subject=${encodeURIComponent(t('today.birthday.subject'))}`);
      expect(await note.textContent()).toBe(t('today.birthday.note'));

      const sections = await page
        .locator('[data-testid^="today-section-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(sections).toEqual([
        'today-section-give',
        'today-section-followUps',
        'today-section-keep',
        'today-section-birthdays',
      ]);
      for (const s of ['give', 'followUps', 'keep', 'birthdays']) {
        await page.getByRole('heading', { name: t(`today.sections.${s}.title`) }).waitFor();
      }
      await page.getByTestId('today-goal').getByText(t('today.goal.none')).waitFor();
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-04-today`);
      assertClean(w);
    });

    it('marks a follow-up done (undone, then done again), snoozes a way to give and dismisses a reminder, each in one tap', async () => {
      const { page } = w;
      const followUp = page.locator('[data-testid="today-item"][data-kind="follow_up"]').filter({ hasText: run.followUp });
      await followUp.getByRole('button', { name: t('today.done') }).click();
      await followUp.waitFor({ state: 'detached' });
      const marked = page.getByTestId('today-marked').filter({ hasText: t('today.marked.done') });
      await marked.waitFor();
      await shot(page, `${run.prefix}-05-done`, false);
      await marked.getByRole('button', { name: t('today.undo') }).click();
      await followUp.waitFor();
      await expect.poll(async () => (await api<FollowUp>(page, `/api/v1/follow-ups/${followUpId}`)).doneAt).toBeNull();
      await followUp.getByRole('button', { name: t('today.done') }).click();
      await followUp.waitFor({ state: 'detached' });
      await expect.poll(async () => (await api<FollowUp>(page, `/api/v1/follow-ups/${followUpId}`)).doneAt).not.toBeNull();

      const give = page.locator('[data-testid="today-item"][data-kind="give"]').filter({ hasText: run.laura.need });
      await give.getByRole('button', { name: t('today.snooze') }).click();
      await page.getByRole('menuitem', { name: new RegExp(`^${escapeRe(t('today.tomorrow'))}`) }).click();
      await give.waitFor({ state: 'detached' });
      const snoozed = new RegExp(escapeRe(t('today.marked.snoozed', { day: 'X' })).replace('X', '.+'));
      await page.getByTestId('today-marked').filter({ hasText: snoozed }).first().waitFor();

      const enrico = page.locator('[data-testid="today-item"][data-kind="keep_in_touch"]').filter({ hasText: 'Enrico Farina' });
      await enrico.getByRole('button', { name: t('today.dismiss') }).click();
      await enrico.waitFor({ state: 'detached' });

      // What I said stays said: after a reload, and in the API.
      await page.reload();
      await page.locator('[data-testid="today-item"][data-kind="keep_in_touch"]').filter({ hasText: run.laura.name }).waitFor();
      expect(await give.count()).toBe(0);
      expect(await enrico.count()).toBe(0);
      expect(await followUp.count()).toBe(0);
      const today = await getToday(page);
      expect(today.items.map((i) => i.kind)).toEqual(['keep_in_touch', 'birthday']);
      expect(today.counts.hidden).toBe(2);
      await page.getByText(t('today.hidden_other', { count: 2 })).waitFor();
      assertClean(w);
    });

    it('logs a call from Today with a next step: the cadence starts again and Laura leaves the list', async () => {
      const { page } = w;
      const laura = page.locator('[data-testid="today-item"][data-kind="keep_in_touch"]').filter({ hasText: run.laura.name });
      await laura.getByRole('button', { name: t('today.keep.logFor', { name: run.laura.name }) }).click();
      const dialog = page.getByRole('dialog', { name: t('log.title', { name: run.laura.name }) });
      await dialog.waitFor();
      await label(dialog, t('log.note')).fill(run.callNote);
      await dialog.getByRole('switch', { name: t('nextStep.add') }).click();
      await label(dialog, t('nextStep.text')).fill(run.nextStep);
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-06-log-call`, false);
      await dialog.getByRole('button', { name: t('log.submit') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await laura.waitFor({ state: 'detached' });
      // Her birthday is still to come: only the reminder to call her left.
      await page.locator('[data-testid="today-item"][data-kind="birthday"]').filter({ hasText: run.laura.name }).waitFor();

      const today = await getToday(page);
      expect(today.items.filter((i) => i.person?.id === ids.laura).map((i) => i.kind)).toEqual(['birthday']);
      const person = await api<PersonDetail>(page, `/api/v1/people/${ids.laura}`);
      expect(person.timeline[0]).toMatchObject({ kind: 'call', summary: run.callNote });
      const steps = await api<{ items: FollowUp[] }>(page, `/api/v1/follow-ups?personId=${ids.laura}`);
      expect(steps.items.map((f) => [f.text, f.dueOn, f.interactionId])).toEqual([
        [run.nextStep, shift(today.date, 7), person.timeline[0]?.id],
      ]);

      // On her page: the cadence, and the next step under the call in the timeline.
      await page.goto(`${app.url}/people/${ids.laura}`);
      const keep = page.getByRole('region', { name: t('keep.title') });
      await keep.getByText(t('keep.ownCadence_other', { count: 14 })).waitFor();
      await keep.getByTestId('follow-up').filter({ hasText: run.nextStep }).waitFor();
      await page.getByTestId('entry-next-step').filter({ hasText: run.nextStep }).waitFor();
      expect(await noHorizontalScroll(page)).toBe(true);
      await keep.scrollIntoViewIfNeeded();
      await shot(page, `${run.prefix}-07-person-keep-in-touch`, false);
      await page.getByTestId('entry-next-step').scrollIntoViewIfNeeded();
      await shot(page, `${run.prefix}-07-person-timeline`, false);
      assertClean(w);
    });

    it('fills the one-to-one, keeps what was heard as edited, and the Value Finder answers right after', async () => {
      const { page } = w;
      const me = await api<{ user: { selfPersonId: string } }>(page, '/api/v1/auth/me');
      ids.lawyer = (
        await post<{ id: string }>(page, '/api/v1/people', {
          name: run.lawyer.name,
          role: run.lawyer.role,
          language: lang,
          offers: [{ text: run.lawyer.offer }],
        })
      ).id;
      await post(page, `/api/v1/people/${me.user.selfPersonId}/relationships`, { otherPersonId: ids.lawyer, strength: 2 });

      await page.goto(`${app.url}/people/${ids.enrico}`);
      await page.getByRole('link', { name: t('oneToOne.button') }).click();
      await page.waitForURL(`**/people/${ids.enrico}/one-to-one`);
      await page.getByRole('heading', { name: t('oneToOne.title', { name: 'Enrico Farina' }), level: 1 }).waitFor();

      const answers: Record<string, string> = { ...run.answers };
      const order = ['goals', 'achievements', 'interests', 'networks', 'skills', 'goodIntroduction', 'lookingFor'];
      for (const [i, q] of order.entries()) {
        await page.getByText(t('oneToOne.progress', { n: i + 1, total: order.length })).waitFor();
        const box = page.getByLabel(t(`oneToOne.questions.${q}.ask`));
        await box.waitFor();
        if (i === 0) {
          expect(await noHorizontalScroll(page)).toBe(true);
          await shot(page, `${run.prefix}-08-one-to-one-question`, false);
        }
        const answer = answers[q];
        if (answer) await box.fill(answer);
        if (i < order.length - 1)
          await page.getByRole('button', { name: answer ? t('oneToOne.next') : t('oneToOne.skip') }).click();
      }
      await page.getByRole('button', { name: t('oneToOne.propose') }).click();

      const needs = page.getByTestId('heard-needs');
      const offers = page.getByTestId('heard-offers');
      await needs.getByTestId('heard-item').first().waitFor();
      const needTexts = await needs.getByRole('textbox').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
      expect(needTexts).toEqual([run.answers.lookingFor, run.answers.goals]);
      const offerTexts = await offers.getByRole('textbox').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
      expect(offerTexts).toEqual([run.answers.skills, run.answers.networks]);
      // Edited before saving: the goal is not a need to match, and one more offer was heard.
      await needs.getByRole('button', { name: t('oneToOne.removeN', { title: t('oneToOne.needsHeard'), n: 2 }) }).click();
      await offers.getByRole('button', { name: t('items.addOffer') }).click();
      await offers.getByRole('textbox').nth(2).fill(run.extraOffer);
      await expect.poll(() => label(page, t('nextStep.text')).inputValue()).not.toBe('');
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-09-one-to-one-review`);
      await page.getByRole('button', { name: t('oneToOne.save') }).click();

      const saved = page.getByTestId('one-to-one-saved');
      await saved.getByText(t('oneToOne.saved')).waitFor();
      await saved.getByRole('heading', { name: t('oneToOne.whoCanHelp', { name: 'Enrico' }) }).waitFor();
      const panel = saved.getByRole('region', { name: t('valueFinder.title') });
      const block = panel.locator('article').filter({ hasText: run.answers.lookingFor });
      await block.getByTestId('match-row').filter({ hasText: run.lawyer.name }).first().waitFor();
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-10-one-to-one-value-finder`);

      const enrico = await api<PersonDetail>(page, `/api/v1/people/${ids.enrico}`);
      expect(enrico.needs.map((n) => n.text)).toEqual([run.answers.lookingFor]);
      expect(enrico.offers.map((o) => o.text).sort()).toEqual([run.answers.skills, run.answers.networks, run.extraOffer].sort());
      expect(enrico.timeline[0]?.kind).toBe('one_to_one');
      const vf = await api<ValueFinder>(page, `/api/v1/people/${ids.enrico}/value-finder`);
      expect(vf.needs[0]?.network.map((h) => h.person.name)).toContain(run.lawyer.name);
      assertClean(w);
    });

    it('Settings: a weekly giving goal, a cadence for a tag, the digest’s preview and the calendar feed; Today shows where the week stands', async () => {
      const { page } = w;
      await page.goto(`${app.url}/settings#routine`);
      const card = page.getByTestId('routine-settings');
      await label(card, t('routine.goal')).fill('3');
      await card.getByRole('button', { name: t('common.save') }).click();
      await expect
        .poll(async () => (await api<{ givingGoal: number | null }>(page, '/api/v1/settings/routine')).givingGoal)
        .toBe(3);
      const tags = card.getByTestId('tag-cadences');
      await label(tags, t('routine.tag')).fill(run.tag);
      await label(tags, t('keep.every')).fill('30');
      await tags.getByRole('button', { name: t('common.add') }).click();
      await tags.getByRole('cell', { name: run.tag, exact: true }).waitFor();
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-11-settings`);

      // The weekly digest as it would leave now.
      await card.getByRole('button', { name: t('routine.digestPreview') }).click();
      const preview = page.getByRole('dialog', { name: t('routine.digestPreviewTitle') });
      await preview.getByTestId('digest-preview').waitFor();
      await preview.getByRole('button', { name: t('common.close') }).click();
      await preview.waitFor({ state: 'hidden' });

      // The calendar feed: its address shown once, answering an iCalendar until revoked.
      const feed = page.getByTestId('calendar-feed');
      await feed.getByText(t('calendarFeed.inactive')).waitFor();
      await feed.getByRole('button', { name: t('calendarFeed.create') }).click();
      let made = page.getByRole('dialog', { name: t('calendarFeed.createdTitle') });
      const first = (await made.getByTestId('calendar-feed-url').textContent()) ?? '';
      expect(first.startsWith(`${app.url}/`)).toBe(true);
      expect(await (await fetch(first)).text()).toContain('BEGIN:VCALENDAR');
      await shot(page, `${run.prefix}-12-calendar-feed`, false);
      await made.getByRole('button', { name: t('tokens.done') }).click();
      await feed.getByText(new RegExp(escapeRe(t('calendarFeed.active', { date: 'X' })).replace('X', '.+'))).waitFor();
      await feed.getByRole('button', { name: t('calendarFeed.regenerate') }).click();
      await page
        .getByRole('dialog', { name: t('calendarFeed.regenerateTitle') })
        .getByRole('button', { name: t('calendarFeed.regenerate') })
        .click();
      made = page.getByRole('dialog', { name: t('calendarFeed.createdTitle') });
      const second = (await made.getByTestId('calendar-feed-url').textContent()) ?? '';
      expect(second).not.toBe(first);
      expect((await fetch(first)).status).toBe(404);
      await made.getByRole('button', { name: t('tokens.done') }).click();
      await feed.getByRole('button', { name: t('calendarFeed.revoke') }).click();
      await page
        .getByRole('dialog', { name: t('calendarFeed.revokeTitle') })
        .getByRole('button', { name: t('calendarFeed.revoke') })
        .click();
      await feed.getByText(t('calendarFeed.inactive')).waitFor();
      expect((await fetch(second)).status).toBe(404);

      await page.goto(`${app.url}/today`);
      const goal = page.getByTestId('today-goal');
      await goal
        .getByText(new RegExp(escapeRe(t('today.goal.progress', { given: 'X', goal: 3 })).replace('X', '\\d+')))
        .waitFor();
      assertClean(w);
    });
  });
}
