/**
 * Introductions end to end, in the browser: from "who can help?" in the Value Finder to an
 * introduction both sides accepted by email, an outcome recorded on it, and the Givers gain page
 * that shows it. No SMTP server is configured, so the server's worker delivers to the outbox, which
 * the web app shows; each side's accept link opens the server's own answer page.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answeredPage, answerPage, frame } from '#server/features/intros/texts.ts';
import type { Intro } from '#shared/api/intros.ts';
import type { Helper, ValueFinder } from '#shared/api/matching.ts';
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
}

const runs: Run[] = [
  { lang: 'it', locale: 'it-IT', user: 'Marta Colombo', email: 'marta@example.it', mobile: false, prefix: 'it' },
  { lang: 'en', locale: 'en-US', user: 'Anna Walsh', email: 'anna@example.com', mobile: false, prefix: 'en' },
  { lang: 'en', locale: 'en-US', user: 'Sam Reed', email: 'sam@example.com', mobile: true, prefix: 'mobile' },
];

type PeopleList = { items: Array<{ id: string; name: string }> };

/** Deletes every give and business received, through the API as the app does it. */
async function clearLedger(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const { csrfToken } = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
    for (const kind of ['gives', 'received']) {
      const { items } = (await (await fetch(`/api/v1/${kind}?limit=200`)).json()) as { items: Array<{ id: string }> };
      for (const { id } of items) {
        const res = await fetch(`/api/v1/${kind}/${id}`, { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken } });
        if (!res.ok) throw new Error(`DELETE /api/v1/${kind}/${id}: ${res.status}`);
      }
    }
  });
}

/**
 * Picks a contact in a person picker: types part of the name and chooses the option. Typed right
 * after a dialog opens, the text can land before the field is ready: type again until it shows.
 */
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

/** Money as the app writes it, formatted by the browser itself. */
const money = (page: Page, lang: Lang, amount: number, currency = 'EUR') =>
  page.evaluate(([l, a, c]) => new Intl.NumberFormat(l, { style: 'currency', currency: c }).format(a), [
    lang,
    amount,
    currency,
  ] as const);

for (const run of runs) {
  const { lang } = run;
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);
  const title = run.mobile
    ? `introductions at phone width (375×812, ${run.locale})`
    : `introductions in ${lang === 'it' ? 'Italian' : 'English'} (${run.locale})`;

  describe(title, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;
    // What the steps share: the person with a need, their helper, the introduction.
    let seeker: ValueFinder['person'];
    let helper: Helper;
    let need: string;
    let introId = '';
    const marker = `P.S. ${run.prefix}-${Date.now().toString(36)}`;
    const subjectB = lang === 'it' ? `Una persona da conoscere (${run.prefix})` : `Someone you should meet (${run.prefix})`;

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(
        browser,
        run.mobile ? { locale: run.locale, viewport: { width: 375, height: 812 }, mobile: true } : { locale: run.locale },
      );
    });

    afterEach((ctx) => shotOnFailure(ctx, w, `intros-${run.prefix}`));

    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    /** Follows a link of the main navigation (behind the burger on a phone). */
    async function nav(page: Page, key: string) {
      if (run.mobile) await page.getByRole('button', { name: t('nav.menu') }).click();
      await page
        .getByRole('navigation', { name: t('nav.main') })
        .getByRole('link', { name: t(key), exact: true })
        .click();
    }

    it('signs up and loads the demo network', async () => {
      const { page } = w;
      await page.goto(app.url);
      await page.waitForURL('**/signup');
      await label(page, t('auth.displayName')).fill(run.user);
      await label(page, t('auth.email')).fill(run.email);
      await label(page, t('auth.password')).fill(PASSWORD);
      await page.getByRole('button', { name: t('auth.createAdminButton') }).click();
      await page.waitForURL('**/welcome');
      await page.getByRole('button', { name: t('welcome.demoButton') }).click();
      await page.waitForURL('**/people');
      await page.locator('main a[href^="/people/"]').first().waitFor();
      // The demo network comes with a ledger of its own: these steps count only what they record.
      await clearLedger(page);

      // A person with an open need that someone else in the network answers.
      const list = await api<PeopleList>(page, '/api/v1/people?hasOpenNeeds=true&limit=50');
      for (const p of list.items) {
        const vf = await api<ValueFinder>(page, `/api/v1/people/${p.id}/value-finder`);
        const first = vf.needs[0]?.network[0];
        if (first && !first.person.isSelf) {
          seeker = vf.person;
          helper = first;
          need = vf.needs[0]?.need.text ?? '';
          break;
        }
      }
      expect(helper).toBeDefined();
      assertClean(w);
    });

    it('proposes an introduction from the Value Finder, edits the draft and sends it', async () => {
      const { page } = w;
      await page.goto(`${app.url}/people/${seeker.id}`);
      await page.getByRole('heading', { name: seeker.name, level: 1 }).waitFor();
      const panel = page.getByRole('region', { name: t('valueFinder.title') });
      const row = panel
        .getByRole('article')
        .first()
        .getByRole('list', { name: t('valueFinder.networkCanHelp'), exact: true })
        .getByTestId('match-row')
        .first();
      const introduce = row.getByRole('button', {
        name: t('intros.introduceAToB', { a: helper.person.name, b: seeker.name }),
      });
      await introduce.scrollIntoViewIfNeeded();
      await shot(page, `${run.prefix}-intro-01-value-finder`, false);
      await introduce.click();

      // The proposal comes filled in: the helper as A, the person in need as B, a note on why.
      const dialog = page.getByRole('dialog', { name: t('intros.form.title') });
      await dialog.waitFor();
      expect(await label(dialog, t('intros.form.sideA')).inputValue()).toBe(helper.person.name);
      expect(await label(dialog, t('intros.form.sideB')).inputValue()).toBe(seeker.name);
      const note = label(dialog, t('intros.form.note'));
      expect(await note.inputValue()).toContain(need);
      expect(await note.inputValue()).toContain(helper.offer?.text ?? helper.person.role ?? helper.person.name);
      await dialog.getByText(t('intros.form.orderBoth'), { exact: true }).click();
      await shot(page, `${run.prefix}-intro-02-propose`, false);
      await dialog.getByRole('button', { name: t('intros.form.draft') }).click();

      // The drafted messages, one per side, each editable.
      const drafts = page.getByRole('dialog', { name: t('intros.form.draftTitle') });
      const sideA = drafts.getByRole('group', { name: t('intros.draft.toSide', { name: helper.person.name }) });
      const sideB = drafts.getByRole('group', { name: t('intros.draft.toSide', { name: seeker.name }) });
      await sideA.waitFor();
      await sideB.waitFor();
      const bodyA = label(sideA, t('intros.draft.body'));
      const drafted = await bodyA.inputValue();
      expect(drafted).toContain(need);
      expect(await label(sideA, t('intros.draft.subject')).inputValue()).not.toBe('');
      await bodyA.fill(`${drafted}\n\n${marker}`);
      await label(sideB, t('intros.draft.subject')).fill(subjectB);
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-intro-03-drafts`, false);
      await drafts.getByRole('button', { name: t('intros.draft.send') }).click();

      await page.waitForURL(/\/intros\/[0-9a-f-]{36}$/);
      introId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await page.getByRole('heading', { name: `${helper.person.name} ↔ ${seeker.name}`, level: 1 }).waitFor();
      expect(await page.getByTestId('intro-status').first().getAttribute('data-status')).toBe('asked');
      for (const side of ['a', 'b']) {
        expect(await page.getByTestId(`side-${side}`).getByTestId('side-status').getAttribute('data-status')).toBe('asked');
      }
      await page.getByText(t('intros.events.asked', { name: helper.person.name })).waitFor();
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-intro-04-sent`);
      assertClean(w);
    });

    it('opens both requests from the outbox, in each side’s language, and accepts them on the answer page', async () => {
      const { page } = w;
      const intro = await api<Intro>(page, `/api/v1/intros/${introId}`);
      await nav(page, 'nav.outbox');
      await page.waitForURL('**/outbox');
      await page.getByRole('heading', { name: t('outbox.title'), level: 1 }).waitFor();

      const requests = [
        { side: intro.a, name: helper.person.name, subject: intro.a.message?.subject ?? '', mustContain: marker },
        { side: intro.b, name: seeker.name, subject: subjectB, mustContain: need },
      ];
      for (const [i, r] of requests.entries()) {
        // The worker sends within seconds; the list follows it. No SMTP server: kept in the outbox, never "sent".
        const rowOf = page.getByTestId('outbox-row').filter({ hasText: r.subject });
        await rowOf.first().waitFor();
        await expect
          .poll(() => rowOf.first().getByTestId('mail-status').getAttribute('data-status'), { timeout: 20_000 })
          .toBe('outbox');
        expect(await rowOf.first().getByTestId('mail-status').textContent()).toBe(t('outbox.standing.outbox'));
        expect(await rowOf.first().textContent()).toContain(`${r.name} <${r.side.email ?? ''}>`);
        if (i === 0) {
          expect(await noHorizontalScroll(page)).toBe(true);
          await shot(page, `${run.prefix}-intro-05-outbox`);
        }
        await rowOf.first().getByRole('link', { name: r.subject }).click();
        await page.getByRole('heading', { name: r.subject, level: 1 }).waitFor();

        // The text part, as sent: my edits, and the answer links in the side's own language.
        const text = page.getByTestId('mail-text');
        await text.waitFor();
        const body = (await text.textContent()) ?? '';
        expect(body).toContain(r.mustContain);
        const labels = frame({
          lang: r.side.language,
          userName: run.user,
          userEmail: run.email,
          link: '',
          privacyNotice: false,
          reminder: false,
        });
        expect(body).toContain(`${labels.acceptLabel}: ${app.url}/i/`);
        expect(body).toContain(`${labels.declineLabel}: ${app.url}/i/`);
        expect(await page.getByRole('table', { name: t('outbox.headers') }).textContent()).toContain(
          `${r.name} <${r.side.email ?? ''}>`,
        );
        // The HTML part, in a sandboxed frame.
        await page.getByRole('tab', { name: t('outbox.htmlPart') }).click();
        const iframe = page.locator(`iframe[title="${t('outbox.htmlPart')}"]`);
        expect(await iframe.getAttribute('sandbox')).toBe('');
        await page
          .frameLocator(`iframe[title="${t('outbox.htmlPart')}"]`)
          .getByText(labels.acceptLabel, { exact: true })
          .waitFor();
        expect(await noHorizontalScroll(page)).toBe(true);
        await shot(page, `${run.prefix}-intro-06-request-${r.side.side}`);

        // The accept link opens the server's answer page; the person accepts there.
        const [answer] = await Promise.all([
          w.context.waitForEvent('page'),
          page.getByRole('link', { name: t('outbox.openAccept') }).click(),
        ]);
        await answer.waitForLoadState();
        const words = answerPage(r.side.language, run.user, r.side.side === 'a' ? seeker.name : helper.person.name);
        await answer.getByRole('heading', { name: words.title, level: 1 }).waitFor();
        await answer.getByText(words.lead).waitFor();
        await shot(answer, `${run.prefix}-intro-07-answer-${r.side.side}`);
        const done = answeredPage(r.side.language, 'accept', run.user);
        const [posted] = await Promise.all([
          answer.waitForResponse((res) => res.request().method() === 'POST'),
          answer.getByRole('button', { name: words.accept, exact: true }).click(),
        ]);
        // The form of the answer page goes out with "Origin: null" (its Referrer-Policy is no-referrer):
        // the server must take it as the same-origin post it is (Sec-Fetch-Site: same-origin).
        expect(posted.status(), 'the answer page refused its own form').toBe(200);
        await answer.getByRole('heading', { name: done.title, level: 1 }).waitFor();
        await shot(answer, `${run.prefix}-intro-08-accepted-${r.side.side}`);
        await answer.close();

        await page
          .getByRole('main')
          .getByRole('link', { name: t('outbox.back') })
          .click();
        await page.waitForURL('**/outbox');
      }
      assertClean(w);
    });

    it('shows the introduction connected, and the email that puts both in touch', async () => {
      const { page } = w;
      await nav(page, 'nav.intros');
      await page.waitForURL('**/intros');
      const card = page.getByTestId('intro-card').filter({ hasText: `${helper.person.name} ↔ ${seeker.name}` });
      await expect
        .poll(() => card.getByTestId('intro-status').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('connected');
      await shot(page, `${run.prefix}-intro-09-list`);

      // The status filter is kept in the address; a status nobody has says so.
      const filter = page.getByRole('combobox', { name: t('intros.filter') });
      const choose = async (label: string) => {
        await filter.click();
        await page.getByRole('option', { name: label, exact: true }).click();
      };
      await choose(t('intros.status.connected'));
      await page.waitForURL(/\/intros\?status=connected$/);
      await card.waitFor();
      await choose(t('intros.status.declined'));
      await page.waitForURL(/\/intros\?status=declined$/);
      await page.getByText(t('intros.emptyFiltered')).waitFor();
      expect(await card.count()).toBe(0);
      await choose(t('intros.allStatuses'));
      await page.waitForURL(/\/intros$/);
      await card.waitFor();

      await card.getByRole('link').first().click();
      await page.waitForURL(`**/intros/${introId}`);
      await page.getByText(t('intros.events.connected')).waitFor();
      for (const side of ['a', 'b']) {
        expect(await page.getByTestId(`side-${side}`).getByTestId('side-status').getAttribute('data-status')).toBe('accepted');
      }
      await page.getByText(t('intros.events.accepted', { name: seeker.name })).waitFor();

      // The introduction email, to both, in the outbox.
      const emails = page.getByRole('region', { name: t('intros.emails') });
      const connect = emails.getByRole('link', { name: t('outbox.kinds.intro_connect'), exact: true });
      await connect.waitFor();
      await connect.click();
      await page.waitForURL(/\/outbox\/[0-9a-f-]{36}$/);
      const headers = page.getByRole('table', { name: t('outbox.headers') });
      await headers.waitFor();
      const to = (await headers.textContent()) ?? '';
      expect(to).toContain(helper.person.name);
      expect(to).toContain(seeker.name);
      await expect.poll(() => page.getByTestId('mail-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('outbox');
      expect(await page.getByTestId('mail-text').textContent()).toContain(need);
      await shot(page, `${run.prefix}-intro-10-connect-email`);

      // The outbox's status filter: every email of this run is in the outbox; none was sent over SMTP; none failed.
      await page.goto(`${app.url}/outbox?status=outbox`);
      const rows = page.getByTestId('outbox-row');
      await rows.first().waitFor();
      expect(await page.getByRole('combobox', { name: t('outbox.filter') }).inputValue()).toBe(t('outbox.standing.outbox'));
      await page.getByRole('combobox', { name: t('outbox.filter') }).click();
      await page.getByRole('option', { name: t('outbox.standing.sent'), exact: true }).click();
      await page.waitForURL(/\/outbox\?status=sent$/);
      await page.getByText(t('outbox.emptyFiltered')).waitFor();
      expect(await rows.count()).toBe(0);
      await page.getByRole('combobox', { name: t('outbox.filter') }).click();
      await page.getByRole('option', { name: t('outbox.standing.failed'), exact: true }).click();
      await page.waitForURL(/\/outbox\?status=failed$/);
      await page.getByText(t('outbox.emptyFiltered')).waitFor();
      expect(await rows.count()).toBe(0);
      assertClean(w);
    });

    it('records an outcome (business closed, with its value) and sees it on Givers gain', async () => {
      const { page } = w;
      await page.goto(`${app.url}/intros/${introId}`);
      await page.getByRole('button', { name: t('ledger.outcome.add') }).click();
      const dialog = page.getByRole('dialog', { name: t('ledger.outcome.title') });
      await dialog.waitFor();
      await dialog.getByText(t('ledger.outcomeKinds.business'), { exact: true }).click();
      await label(dialog, t('ledger.outcome.value')).fill('1500');
      await shot(page, `${run.prefix}-intro-11-outcome`, false);
      await dialog.getByRole('button', { name: t('ledger.outcome.save') }).click();
      await page.getByText(t('ledger.outcome.saved')).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      const amount = await money(page, lang, 1500);

      // The give of the introduction, in the ledger, with its outcome.
      await nav(page, 'nav.ledger');
      await page.waitForURL('**/ledger');
      const give = page
        .getByTestId('give-card')
        .filter({ hasText: t('ledger.kinds.introduction') })
        .first();
      await give.waitFor();
      expect(await give.getByRole('link', { name: helper.person.name, exact: true }).count()).toBe(1);
      expect(await give.getByRole('link', { name: seeker.name, exact: true }).count()).toBe(1);
      const outcome = give.getByTestId('outcome');
      expect(await outcome.textContent()).toContain(t('ledger.outcomeKinds.business'));
      expect(await outcome.textContent()).toContain(amount);
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-intro-12-ledger`);

      // Givers gain: the numbers and the charts show it.
      await nav(page, 'nav.giversGain');
      await page.waitForURL('**/givers-gain');
      await page.getByRole('heading', { name: t('giversGain.title'), level: 1 }).waitFor();
      const value = (id: string) => page.getByTestId(`stat-${id}`).getByTestId('stat-value').textContent();
      await expect.poll(() => value('for-others')).toBe(amount);
      expect(await value('intros')).toBe('1 / 1');
      expect(await value('gives')).toBe('1');
      expect(await value('outcomes')).toBe('1');
      const bar = (chart: string, row: string) =>
        page.getByTestId(chart).getByTestId('bar-row').filter({ hasText: row }).getByTestId('bar-value');
      expect(await bar('chart-intros', t('giversGain.intros.proposed')).textContent()).toBe('1');
      expect(await bar('chart-intros', t('giversGain.intros.connected')).textContent()).toBe('1');
      expect(await bar('chart-outcomes', t('ledger.outcomeKinds.business')).textContent()).toBe('1');
      expect(await bar('chart-business', 'EUR').first().textContent()).toBe(`${t('giversGain.forOthers')}: ${amount}`);
      await page.getByTestId('chart-top').getByRole('link', { name: helper.person.name, exact: true }).waitFor();
      await page.getByTestId('chart-top').getByRole('link', { name: seeker.name, exact: true }).waitFor();

      // The monthly chart: an image with a name, and its numbers in a table for assistive technology.
      await page.getByRole('img', { name: new RegExp(`^${escapeRe(t('giversGain.charts.byMonth'))}`) }).waitFor();
      const month = await page.evaluate(
        (l) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric' }).format(new Date()),
        lang,
      );
      const table = page.getByRole('table', { name: t('giversGain.charts.byMonth') });
      const cells = await table
        .locator('tr', { has: page.locator('th', { hasText: month }) })
        .locator('td')
        .allTextContents();
      // One introduction this month: the column of the kind "introduction" (first) and the total (last).
      expect(cells[0]).toBe('1');
      expect(cells.at(-1)).toBe('1');
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, `${run.prefix}-intro-13-givers-gain`);

      // Another period: the same introduction is in the last 3 months too.
      const range = await page.getByTestId('period-range').textContent();
      await page.getByText(t('giversGain.periods.3'), { exact: true }).click();
      await page.waitForURL(/period=3/);
      await expect.poll(() => page.getByTestId('period-range').textContent()).not.toBe(range);
      expect(await value('intros')).toBe('1 / 1');
      expect(await value('for-others')).toBe(amount);
      assertClean(w);
    });

    if (!run.mobile) {
      it('records a give in two clicks, closing the need it answered, and business received', async () => {
        const { page } = w;
        const amount = await money(page, lang, 800);
        await nav(page, 'nav.ledger');
        await page.waitForURL('**/ledger');
        await page
          .getByRole('button', { name: t('ledger.give.add') })
          .first()
          .click();
        const dialog = page.getByRole('dialog', { name: t('ledger.give.title') });
        await dialog.waitFor();
        await dialog.getByText(t('ledger.kinds.advice'), { exact: true }).click();
        await pick(page, label(dialog, t('ledger.give.recipients')), seeker.name.split(' ')[0] ?? seeker.name, seeker.name);
        await dialog
          .getByRole('list', { name: t('ledger.give.recipients') })
          .getByText(seeker.name)
          .waitFor();
        const what = lang === 'it' ? 'Un consiglio su come sollecitare i pagamenti' : 'Advice on chasing late payments';
        await label(dialog, t('ledger.give.what')).fill(what);
        await label(dialog, t('ledger.give.need')).click();
        await page.getByRole('option', { name: `${seeker.name}: ${need}` }).click();
        await dialog.getByText(t('ledger.give.closeNeed'), { exact: true }).click();
        await shot(page, `${run.prefix}-intro-14-record-give`, false);
        await dialog.getByRole('button', { name: t('common.save') }).click();
        await page.getByText(t('ledger.give.saved')).waitFor();

        const card = page.getByTestId('give-card').filter({ hasText: what });
        await card.waitFor();
        expect(await card.textContent()).toContain(t('ledger.kinds.advice'));
        expect(await card.textContent()).toContain(need);
        expect(await card.textContent()).toContain(t('ledger.needStatus.satisfied'));

        // Business someone passed to me, with who referred it.
        await page.getByRole('button', { name: t('ledger.received.add') }).click();
        const rec = page.getByRole('dialog', { name: t('ledger.received.title') });
        const business = lang === 'it' ? 'Nuovo cliente: sito per Rossi srl' : 'New client: website for Rossi Ltd';
        await label(rec, t('ledger.received.what')).fill(business);
        await pick(
          page,
          label(rec, t('ledger.received.referredBy')),
          helper.person.name.split(' ')[0] ?? helper.person.name,
          helper.person.name,
        );
        await label(rec, t('ledger.received.value')).fill('800');
        await rec.getByRole('button', { name: t('common.save') }).click();
        await page.getByText(t('ledger.received.saved')).waitFor();
        await page.getByRole('tab', { name: t('ledger.tabs.received') }).click();
        const received = page.getByTestId('received-card').filter({ hasText: business });
        await received.waitFor();
        expect(await received.textContent()).toContain(amount);
        await received.getByRole('link', { name: helper.person.name, exact: true }).waitFor();
        await shot(page, `${run.prefix}-intro-15-received`);

        await nav(page, 'nav.giversGain');
        await page.waitForURL('**/givers-gain');
        const value = (id: string) => page.getByTestId(`stat-${id}`).getByTestId('stat-value').textContent();
        await expect.poll(() => value('received')).toBe(amount);
        await expect.poll(() => value('gives')).toBe('2');
        await page.getByText(t('giversGain.referrals_one', { count: 1 }), { exact: false }).waitFor();
        assertClean(w);
      });

      it('changes a give, then deletes it and the business received', async () => {
        const { page } = w;
        const what = lang === 'it' ? 'Un consiglio su come sollecitare i pagamenti' : 'Advice on chasing late payments';
        const business = lang === 'it' ? 'Nuovo cliente: sito per Rossi srl' : 'New client: website for Rossi Ltd';
        await nav(page, 'nav.ledger');
        await page.waitForURL('**/ledger');
        const card = page.getByTestId('give-card').filter({ hasText: what });
        await card.getByRole('button', { name: t('ledger.give.edit') }).click();
        const dialog = page.getByRole('dialog', { name: t('ledger.give.editTitle') });
        const changed = `${what} (2)`;
        await label(dialog, t('ledger.give.what')).fill(changed);
        await dialog.getByRole('button', { name: t('common.save') }).click();
        await page.getByText(t('ledger.give.updated')).waitFor();
        const edited = page.getByTestId('give-card').filter({ hasText: changed });
        await edited.waitFor();

        await edited.getByRole('button', { name: t('ledger.give.delete') }).click();
        const confirm = page.getByRole('dialog', { name: t('ledger.give.deleteTitle') });
        await confirm.getByRole('button', { name: t('common.delete') }).click();
        await page.getByText(t('ledger.give.deleted')).waitFor();
        await expect.poll(() => edited.count()).toBe(0);

        await page.getByRole('tab', { name: t('ledger.tabs.received') }).click();
        const received = page.getByTestId('received-card').filter({ hasText: business });
        await received.getByRole('button', { name: t('ledger.received.delete') }).click();
        await page
          .getByRole('dialog', { name: t('ledger.received.deleteTitle') })
          .getByRole('button', { name: t('common.delete') })
          .click();
        await page.getByText(t('ledger.received.deleted')).waitFor();
        await expect.poll(() => received.count()).toBe(0);
        assertClean(w);
      });

      it('will not send to a person without an email address, and says so', async () => {
        const { page } = w;
        const name = lang === 'it' ? 'Pietro Senzamail' : 'Peter Nomail';
        const p = await post<{ id: string }>(page, '/api/v1/people', { name });
        await page.goto(`${app.url}/people/${p.id}`);
        await page.getByRole('heading', { name, level: 1 }).waitFor();
        await page.getByRole('button', { name: t('intros.introduceTo') }).click();
        const dialog = page.getByRole('dialog', { name: t('intros.form.title') });
        expect(await label(dialog, t('intros.form.sideA')).inputValue()).toBe(name);
        await pick(
          page,
          label(dialog, t('intros.form.sideB')),
          helper.person.name.split(' ')[0] ?? helper.person.name,
          helper.person.name,
        );
        await label(dialog, t('intros.form.note')).fill(
          lang === 'it' ? 'Lavorate nello stesso settore.' : 'You work in the same field.',
        );
        await dialog.getByRole('button', { name: t('intros.form.draft') }).click();
        const drafts = page.getByRole('dialog', { name: t('intros.form.draftTitle') });
        await drafts
          .getByRole('alert')
          .filter({ hasText: t('intros.errors.noEmail', { name }) })
          .waitFor();
        await drafts.getByRole('link', { name: t('intros.draft.addEmail', { name }) }).waitFor();
        expect(await drafts.getByRole('button', { name: t('intros.draft.send') }).isDisabled()).toBe(true);
        await shot(page, `${run.prefix}-intro-16-no-email`, false);
        assertClean(w);
      });
    }
  });
}
