/**
 * Import, export, duplicates and privacy rights in Chromium: real files from the shared real-world
 * fixtures (chosen with the file input and dropped on the drop zone), a generated LinkedIn export,
 * the live progress bar, downloads, merging, erasure with suppression, deleting the account.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  visible,
  type Lang,
  type TestServer,
  type Watched,
} from './harness.ts';

const PASSWORD = 'una frase lunga e segreta';

/** The real-world export files kept in the repository, with their sources and licences. */
const fixture = (rel: string) => path.join(import.meta.dirname, '../fixtures/real-world', rel);

// Google Contacts export of three minimal contacts (see SOURCES.md).
const GMAIL_LIST = 'vcard/ezvcard__gmail-list.vcf';
const GMAIL_NAMES = ['Arnold Smith', 'Chris Beatle', 'Doug White'];
// Thunderbird 4.0 export: two cards whose placeholder emails are dropped with a warning (lines 3 and 10).
const THUNDERBIRD = 'vcard/thunderbird__export.vcf';
// A semicolon-separated CSV with a header: the generic CSV that needs the column mapping.
const SEMICOLON_CSV = 'csv/thunderbird__csv_semicolon.csv';

/** A LinkedIn Connections.csv as exported today: a `Notes:` preamble, then the header. */
function linkedinCsv(rows: number): Buffer {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'Giorgia,Lunardi,https://www.linkedin.com/in/giorgia-lunardi-7a1b2c,,"Lunardi, Verdi & Associati",Avvocata,12 Mar 2024',
    'Marco,Benedetti,https://www.linkedin.com/in/marcobenedetti,marco.benedetti@example.org,Studio Benedetti,"Commercialista, revisore",03 Jan 2023',
    'Sophie,Turner-Hale,https://www.linkedin.com/in/sophie-turner-hale,,Hale Partners,Managing Director,27 Nov 2025',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `Contact${i},Sample${i},https://www.linkedin.com/in/contact-sample-${i},,Company ${i % 97},Role ${i % 13},0${(i % 9) + 1} Feb 2024`,
    );
  }
  return Buffer.from(`\ufeff${lines.join('\n')}\n`, 'utf8');
}
const LINKEDIN_NAMES = ['Giorgia Lunardi', 'Marco Benedetti', 'Sophie Turner-Hale'];

/** One network in three files (synthetic people; see its README): LinkedIn, a phone's vCards, Google Contacts. */
const threeSources = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/three-sources', name));

/** Statuses a test provokes on purpose (a wrong password, a file that is no contact list). */
const PROVOKED = /Failed to load resource: the server responded with a status of (400|403|413)/;

/** Drops a file on the drop zone the way a browser does: a DataTransfer holding a File. */
async function dropFile(zone: Locator, name: string, bytes: Buffer, type: string) {
  const handle = await zone.elementHandle();
  if (!handle) throw new Error('no drop zone');
  await zone.page().evaluate(
    ({ el, b64, name, type }) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bin], name, { type }));
      for (const ev of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(new DragEvent(ev, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    },
    { el: handle, b64: bytes.toString('base64'), name, type },
  );
}

/** Every value the progress bar takes, recorded in the page as it changes. */
async function watchProgress(page: Page) {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    const record = () => {
      const bar = document.querySelector('[role="progressbar"]');
      const v = bar ? Number(bar.getAttribute('aria-valuenow')) : NaN;
      if (!Number.isNaN(v) && seen[seen.length - 1] !== v) seen.push(v);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
  return () => page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
}

function makeHelpers(lang: Lang, w: () => Watched) {
  const t = (key: string, vars?: Record<string, string | number>) => tr(lang, key, vars);
  const page = () => w().page;
  const stat = async (key: string) => {
    const group = page().getByRole('group', { name: t(key), exact: true });
    return Number((await group.locator('[data-stat]').textContent())?.trim());
  };
  const importSection = () => page().getByRole('region', { name: t('import.sectionTitle') });
  const previewSection = () => page().getByRole('region', { name: t('import.preview.title') });
  const dropZone = () => page().getByRole('group', { name: t('import.dropZone') });

  async function signUp(url: string, name: string, email: string) {
    const p = page();
    await p.goto(url);
    await p.waitForURL('**/signup');
    await label(p, t('auth.displayName')).fill(name);
    await label(p, t('auth.email')).fill(email);
    await label(p, t('auth.password')).fill(PASSWORD);
    await p.getByRole('button', { name: t('auth.createAdminButton') }).click();
    await p.waitForURL('**/welcome');
  }

  async function openImport() {
    const p = page();
    await p.goto(new URL('/import', p.url()).href);
    await p.getByRole('heading', { name: t('import.title'), level: 1 }).waitFor();
    await dropZone().waitFor();
  }

  async function chooseFile(rel: string) {
    await page().locator('input[type="file"]').setInputFiles(fixture(rel));
    await previewSection().waitFor();
  }

  /** Confirms the previewed import and waits for the bar at 100 % and the summary. */
  async function confirmImport() {
    const p = page();
    const values = await watchProgress(p);
    const response = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/imports' && r.request().method() === 'POST');
    await previewSection()
      .getByRole('button', { name: t('import.confirm') })
      .click();
    // The commit is read as the NDJSON progress stream.
    const res = await response;
    expect(await res.request().headerValue('accept')).toBe('application/x-ndjson');
    expect(res.headers()['content-type']).toMatch(/^application\/x-ndjson/);
    const done = p.getByRole('alert').filter({ hasText: t('import.result.title') });
    await done.waitFor();
    const bar = p.getByRole('progressbar', { name: t('import.progress.label') });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await visible(p, t('import.progress.done'), true);
    expect(await p.getByTestId('import-percent').textContent()).toBe('100 %');
    const seen = await values();
    // The bar only moves forward.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(100);
    return { done, seen };
  }

  async function peopleNames(): Promise<string[]> {
    const p = page();
    await p.goto(new URL('/people', p.url()).href);
    await p.getByRole('heading', { name: t('people.title'), level: 1 }).waitFor();
    const links = p.locator('main a[href^="/people/"]');
    await links.first().waitFor();
    return (await links.allTextContents()).map((s) => s.trim());
  }

  return { t, stat, importSection, previewSection, dropZone, signUp, openImport, chooseFile, confirmImport, peopleNames };
}

describe('import, export, duplicates and privacy in Italian (it-IT)', () => {
  const lang: Lang = 'it';
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  const h = makeHelpers(lang, () => w);
  const { t } = h;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'it-IT' });
  });
  afterEach((ctx) => shotOnFailure(ctx, w, `import-${lang}`));
  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
  });

  it('goes from the welcome page to the import page', async () => {
    const { page } = w;
    await h.signUp(app.url, 'Chiara Galli', 'chiara@example.it');
    await shot(page, 'import-it-00-welcome');
    await page.getByRole('link', { name: t('welcome.importButton') }).click();
    await page.waitForURL('**/import');
    await page.getByRole('heading', { name: t('import.title'), level: 1 }).waitFor();
    await h.dropZone().getByText(t('import.dropHere')).waitFor();
    await page.getByRole('region', { name: t('export.title') }).waitFor();
    await shot(page, 'import-it-01-page');
    assertClean(w);
  });

  it('imports a real vCard chosen with the file input: preview, confirm, progress to 100 %, people', async () => {
    const { page } = w;
    await h.chooseFile(GMAIL_LIST);
    const preview = h.previewSection();
    await preview.getByText(new RegExp(escapeRe('ezvcard__gmail-list.vcf'))).waitFor();
    expect(await h.stat('import.preview.toCreate')).toBe(3);
    expect(await h.stat('import.preview.toMerge')).toBe(0);
    expect(await h.stat('import.preview.problems')).toBe(0);
    expect(await h.stat('import.preview.suppressed')).toBe(0);
    // The parsed people, with what will happen to each.
    const sample = page.getByRole('region', { name: t('import.sample.title') });
    for (const name of GMAIL_NAMES) await sample.getByRole('cell', { name, exact: true }).waitFor();
    await sample.getByRole('cell', { name: 'asmithk@gmail.com' }).waitFor();
    expect(await sample.getByText(t('import.sample.actions.create'), { exact: true }).count()).toBe(3);
    await shot(page, 'import-it-02-preview');

    const { done } = await h.confirmImport();
    await done.getByText(tr(lang, 'import.result.created_other', { count: 3 })).waitFor();
    await shot(page, 'import-it-03-done');
    await done.getByRole('link', { name: t('import.result.seePeople') }).click();
    await page.waitForURL('**/people');
    await visible(page, tr(lang, 'people.subtitle_other', { count: 3 }));
    for (const name of GMAIL_NAMES) await page.getByRole('link', { name, exact: true }).waitFor();
    assertClean(w);
  });

  it('reads a dropped file: problems with their line, nothing new on a re-import, and Cancel writes nothing', async () => {
    const { page } = w;
    await page.getByRole('button', { name: t('people.moreActions') }).click();
    await page.getByRole('menuitem', { name: t('people.importContacts') }).click();
    await page.waitForURL('**/import');

    // The same file again, dropped: everybody is already there.
    await dropFile(h.dropZone(), 'rubrica.vcf', fs.readFileSync(fixture(GMAIL_LIST)), 'text/vcard');
    await h.previewSection().waitFor();
    expect(await h.stat('import.preview.toCreate')).toBe(0);
    expect(await h.stat('import.preview.unchanged')).toBe(3);
    await visible(page, t('import.preview.nothingToDo'));
    expect(
      await h
        .previewSection()
        .getByRole('button', { name: t('import.confirm') })
        .isDisabled(),
    ).toBe(true);

    // A Thunderbird export whose placeholder emails are dropped: each problem with its line.
    await dropFile(h.dropZone(), 'thunderbird.vcf', fs.readFileSync(fixture(THUNDERBIRD)), 'text/vcard');
    await h
      .previewSection()
      .getByText(/thunderbird\.vcf/)
      .waitFor();
    expect(await h.stat('import.preview.toCreate')).toBe(2);
    const problems = page.getByRole('region', { name: t('import.problems.title') });
    await problems.getByRole('cell', { name: t('import.problems.line', { line: 3 }), exact: true }).waitFor();
    await problems.getByRole('cell', { name: t('import.problems.line', { line: 10 }), exact: true }).waitFor();
    // In Italian, not the server's English reason.
    await problems.getByRole('cell', { name: t('import.problemCodes.email_invalid', { value: '"contact1@invalid"' }) }).waitFor();
    await problems.getByRole('cell', { name: t('import.problemCodes.email_invalid', { value: '"contact2@invalid"' }) }).waitFor();
    expect(await problems.getByText(/is not an address Rete can store/).count()).toBe(0);
    await shot(page, 'import-it-04-dropped-with-problems');

    // Cancel: back to choosing a file, and nobody was added.
    await h
      .previewSection()
      .getByRole('button', { name: t('common.cancel') })
      .click();
    await expect.poll(() => h.previewSection().count()).toBe(0);
    await h
      .dropZone()
      .getByRole('button', { name: t('import.chooseFile') })
      .waitFor();
    const names = await h.peopleNames();
    expect(names.sort()).toEqual([...GMAIL_NAMES].sort());
    assertClean(w);
  });

  it('maps the columns of a generic CSV, re-runs the preview and imports with that mapping', async () => {
    const { page } = w;
    await h.openImport();
    await h.chooseFile(SEMICOLON_CSV);
    const mapping = page.getByRole('region', { name: t('import.mapping.title') });
    await mapping.waitFor();
    // Prefilled from the suggestion.
    const last = mapping.getByLabel('Last Name', { exact: true });
    expect(await last.inputValue()).toBe('familyName');
    expect(await mapping.getByLabel('Primary Email', { exact: true }).inputValue()).toBe('email');
    expect(await h.stat('import.preview.toCreate')).toBe(2);
    await shot(page, 'import-it-05-mapping');

    // The last name becomes the company; the preview must be refreshed before importing.
    await last.selectOption('company');
    await visible(page, t('import.mapping.dirty'));
    expect(
      await h
        .previewSection()
        .getByRole('button', { name: t('import.confirm') })
        .isDisabled(),
    ).toBe(true);
    await mapping.getByRole('button', { name: t('import.mapping.apply') }).click();
    await expect.poll(() => page.getByText(t('import.mapping.dirty')).count()).toBe(0);
    const sample = page.getByRole('region', { name: t('import.sample.title') });
    await sample
      .getByRole('row', { name: /John Doe/ })
      .getByRole('cell', { name: 'Doe', exact: true })
      .waitFor();
    await shot(page, 'import-it-06-mapping-applied');

    await h.confirmImport();
    await page.getByRole('link', { name: t('import.result.seePeople') }).click();
    await page.waitForURL('**/people');
    await page.getByRole('link', { name: 'John Doe', exact: true }).click();
    await page.getByRole('heading', { name: 'John Doe', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: t('person.details') })
      .getByText('Doe', { exact: true })
      .waitFor();
    // Where the data came from, filled in by the import.
    const privacy = page.getByRole('region', { name: t('privacy.title') });
    await privacy
      .getByText(new RegExp(`^${escapeRe(t('privacy.sourceImported', { source: 'CSV', date: '@' })).replace('@', '.+2\\d{3}')}$`))
      .waitFor();
    await shot(page, 'import-it-07-person-privacy');
    assertClean(w);
  });

  it('exports vCard and CSV files holding the imported people', async () => {
    const { page } = w;
    await page.getByRole('link', { name: t('nav.importExport'), exact: true }).click();
    await page.waitForURL('**/import');
    const exportCard = page.getByRole('region', { name: t('export.title') });
    for (const [key, expected] of [
      ['export.formats.vcard.label', /BEGIN:VCARD\r?\nVERSION:4\.0/],
      ['export.formats.csv.label', /Arnold Smith/],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        exportCard.getByRole('link', { name: t(key), exact: true }).click(),
      ]);
      const file = await download.path();
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toMatch(expected);
      for (const name of [...GMAIL_NAMES, 'John Doe', 'Jane Doe']) expect(text).toContain(name);
    }
    assertClean(w);
  });

  it('lists two entries of one person as duplicates and merges them', async () => {
    const { page } = w;
    // The same person typed by hand, with another email and a city.
    await page.goto(`${app.url}/people`);
    await page
      .getByRole('button', { name: t('people.add') })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await label(dialog, t('person.name')).fill('Arnold Smith');
    await label(dialog, t('person.city')).fill('Bologna');
    await label(dialog, t('person.email')).fill('arnold@officina.example');
    await dialog.getByRole('button', { name: t('people.addButton') }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);

    await page.getByRole('link', { name: t('nav.duplicates'), exact: true }).click();
    await page.waitForURL('**/duplicates');
    const pair = page.getByRole('region', { name: t('duplicates.pairTitle', { a: 'Arnold Smith', b: 'Arnold Smith' }) });
    await pair.waitFor();
    await pair.getByText(t('duplicates.reasons.similar_name'), { exact: true }).waitFor();
    await pair.getByText('arnold@officina.example').waitFor();
    await pair.getByText('asmithk@gmail.com').waitFor();
    await shot(page, 'import-it-08-duplicates');

    await pair.getByRole('button', { name: t('duplicates.merge'), exact: true }).click();
    const dialog2 = page.getByRole('dialog');
    await dialog2.getByRole('button', { name: t('duplicates.confirmButton') }).click();
    await visible(page, t('duplicates.merged', { name: 'Arnold Smith' }));
    await expect.poll(() => pair.count()).toBe(0);
    await visible(page, t('duplicates.emptyTitle'));

    // One Arnold Smith left, with both emails and the city.
    await page.getByRole('link', { name: t('nav.people'), exact: true }).click();
    await page.waitForURL('**/people');
    const arnold = page.getByRole('link', { name: 'Arnold Smith', exact: true });
    await expect.poll(() => arnold.count()).toBe(1);
    await arnold.click();
    const details = page.getByRole('region', { name: t('person.details') });
    await details.getByRole('link', { name: 'arnold@officina.example' }).waitFor();
    await details.getByRole('link', { name: 'asmithk@gmail.com' }).waitFor();
    await details.getByText('Bologna', { exact: true }).waitFor();
    assertClean(w);
  });

  it('merges every pair that shares an email, phone or profile after showing who becomes whom; namesakes stay', async () => {
    const { page } = w;
    const add = (body: Record<string, unknown>) => post<{ id: string }>(page, '/api/v1/people', body);
    await add({ name: 'Barbara Neri', company: 'Studio Neri', emails: [{ value: 'barbara@studioneri.example' }] });
    await add({ name: 'Barbie', emails: [{ value: 'Barbara@StudioNeri.example' }], phones: [{ value: '333 123 4567' }] });
    await add({ name: 'Barbara N.', phones: [{ value: '+39 333 1234567' }], city: 'Modena' });
    await add({ name: 'Luca B.', links: [{ value: 'http://it.linkedin.com/in/luca-bianchi/' }] });
    await add({ name: 'Luca Bianchi', links: [{ value: 'https://www.linkedin.com/in/luca-bianchi' }] });
    await add({ name: 'Marco Rossi', company: 'Rossi Impianti', phones: [{ value: '338 000 1111' }] });
    await add({ name: 'Marco Rossi', phones: [{ value: '329 000 2222' }] });
    const found = await api<{ total: number; strongTotal: number }>(page, '/api/v1/duplicates');
    expect(found.strongTotal).toBe(3);

    // A fresh load: the people were added through the API, behind the app's back.
    await page.goto(`${app.url}/duplicates`);
    // The count is every pair found.
    await visible(page, tr(lang, 'duplicates.subtitle_other', { count: found.total }));
    // Two Marco Rossi: each "keep" says which one.
    const marco = page.getByRole('region', { name: t('duplicates.pairTitle', { a: 'Marco Rossi', b: 'Marco Rossi' }) });
    await marco
      .getByRole('radio', { name: t('duplicates.keepThisDetail', { name: 'Marco Rossi', detail: 'Rossi Impianti' }) })
      .waitFor();
    await marco
      .getByRole('radio', { name: t('duplicates.keepThisDetail', { name: 'Marco Rossi', detail: '329 000 2222' }) })
      .waitFor();
    await shot(page, 'import-it-08b-duplicates-bulk');

    const bulk = page.getByRole('region', { name: t('duplicates.bulk.region') });
    await bulk.getByText(tr(lang, 'duplicates.bulk.title_other', { count: 3 })).waitFor();
    await bulk.getByRole('button', { name: tr(lang, 'duplicates.bulk.review_other', { count: 3 }) }).click();
    // The list first: Barbie is Barbara Neri by her email and Barbara N. by her number: one group.
    const dialog = page.getByRole('dialog');
    const list = dialog.getByRole('table', { name: t('duplicates.bulk.listLabel') });
    await list.waitFor();
    const barbara = list.getByRole('row', { name: /Barbara Neri/ });
    await barbara.getByText('Barbie', { exact: true }).waitFor();
    await barbara.getByText('Barbara N.', { exact: true }).waitFor();
    await list
      .getByRole('row', { name: /Luca Bianchi/ })
      .getByText('Luca B.', { exact: true })
      .waitFor();
    expect(await list.getByText('Marco Rossi').count()).toBe(0);
    await shot(page, 'import-it-08c-duplicates-bulk-list');
    await dialog.getByRole('button', { name: tr(lang, 'duplicates.bulk.confirm_other', { count: 3 }) }).click();
    await visible(page, tr(lang, 'duplicates.bulk.done_other', { count: 3 }));

    // Only the namesakes are left, and the count says so.
    await expect.poll(() => page.getByRole('region', { name: t('duplicates.bulk.region') }).count()).toBe(0);
    await visible(page, tr(lang, 'duplicates.subtitle_one', { count: 1 }));
    await marco.waitFor();
    const left = await api<{ total: number; strongTotal: number }>(page, '/api/v1/duplicates');
    expect(left).toMatchObject({ total: 1, strongTotal: 0 });
    const people = await api<{ items: Array<{ name: string }> }>(page, '/api/v1/people?q=barbara');
    expect(people.items.map((p) => p.name)).toEqual(['Barbara Neri']);
    assertClean(w);
  });

  it('erases a person with a suppression: a re-import skips them until the entry is lifted', async () => {
    const { page } = w;
    await page.getByRole('link', { name: t('nav.people'), exact: true }).click();
    await page.getByRole('link', { name: 'Doug White', exact: true }).click();
    await page.getByRole('heading', { name: 'Doug White', level: 1 }).waitFor();
    const privacy = page.getByRole('region', { name: t('privacy.title') });
    // The legal basis is kept.
    await privacy.getByRole('combobox', { name: t('privacy.legalBasis') }).click();
    await page.getByRole('option', { name: t('privacy.bases.legitimate_interest') }).click();
    await expect
      .poll(() => privacy.getByRole('combobox', { name: t('privacy.legalBasis') }).inputValue())
      .toBe(t('privacy.bases.legitimate_interest'));
    await page.reload();
    await page.getByRole('heading', { name: 'Doug White', level: 1 }).waitFor();
    expect(await privacy.getByRole('combobox', { name: t('privacy.legalBasis') }).inputValue()).toBe(
      t('privacy.bases.legitimate_interest'),
    );

    await privacy.getByRole('button', { name: t('privacy.erase') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(t('person.deleteText')).waitFor();
    await dialog.getByRole('checkbox', { name: t('privacy.suppress') }).check();
    await label(dialog, t('privacy.suppressReason')).fill('Ha chiesto la cancellazione');
    await shot(page, 'import-it-09-erase');
    await dialog.getByRole('button', { name: t('person.deleteConfirm') }).click();
    await page.waitForURL(/\/people$/);
    await visible(page, t('privacy.erasedSuppressed', { name: 'Doug White' }));
    await expect.poll(() => page.getByRole('link', { name: 'Doug White', exact: true }).count()).toBe(0);

    // Importing the same file again: Doug White is recognised and skipped.
    await h.openImport();
    await h.chooseFile(GMAIL_LIST);
    expect(await h.stat('import.preview.suppressed')).toBe(1);
    expect(await h.stat('import.preview.toCreate')).toBe(0);
    await visible(page, tr(lang, 'import.preview.suppressedHelp_one', { count: 1 }));
    await shot(page, 'import-it-10-suppressed');
    await h
      .previewSection()
      .getByRole('button', { name: t('common.cancel') })
      .click();

    // Settings → Privacy lists the entry (no name: only hashes are kept); lifting it lets Doug back in.
    await page
      .getByRole('link', { name: t('nav.settings'), exact: true })
      .first()
      .click();
    const list = page.getByRole('region', { name: t('privacy.suppressionsTitle') });
    await list.getByText('Ha chiesto la cancellazione').waitFor();
    expect(await list.getByText('Doug White').count()).toBe(0);
    await shot(page, 'import-it-11-settings-privacy');
    await list.getByRole('button', { name: t('privacy.lift') }).click();
    await list.getByText(t('privacy.suppressionsEmpty')).waitFor();
    await h.openImport();
    await h.chooseFile(GMAIL_LIST);
    expect(await h.stat('import.preview.suppressed')).toBe(0);
    expect(await h.stat('import.preview.toCreate')).toBe(1);
    assertClean(w);
  });

  it('downloads all my data, then deletes the account after the password', async () => {
    const { page } = w;
    await page
      .getByRole('link', { name: t('nav.settings'), exact: true })
      .first()
      .click();
    await page.waitForURL('**/settings');
    const card = page.getByRole('region', { name: t('privacy.settingsTitle') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: t('privacy.download') }).click(),
    ]);
    const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as unknown;
    const text = JSON.stringify(json);
    for (const name of ['Arnold Smith', 'Chris Beatle', 'John Doe']) expect(text).toContain(name);
    expect(text).toContain('chiara@example.it');

    await card.getByRole('button', { name: t('privacy.deleteAccount') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(t('privacy.deleteAccountWarning')).waitFor();
    await label(dialog, t('privacy.deleteAccountPassword')).fill('not my password');
    await dialog.getByRole('button', { name: t('privacy.deleteAccountConfirm') }).click();
    await dialog.getByText(t('privacy.wrongPassword')).waitFor();
    await shot(page, 'import-it-12-delete-account');
    await label(dialog, t('privacy.deleteAccountPassword')).fill(PASSWORD);
    await dialog.getByRole('button', { name: t('privacy.deleteAccountConfirm') }).click();
    await visible(page, t('privacy.accountDeleted'));
    // It was the only account: the instance is empty again and offers to create the first one.
    await page.waitForURL('**/signup');
    await visible(page, t('auth.firstAccountAdmin'));
    expect(await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).toBe(401);
    await shot(page, 'import-it-13-account-deleted');
    assertClean(w, PROVOKED);
  });
});

describe('import in English (en-US): a LinkedIn export, limits and errors', () => {
  const lang: Lang = 'en';
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  const h = makeHelpers(lang, () => w);
  const { t } = h;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'en-US' });
  });
  afterEach((ctx) => shotOnFailure(ctx, w, `import-${lang}`));
  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
  });

  it('refuses a file that is too big, and one that holds no contacts, with clear messages', async () => {
    const { page } = w;
    await h.signUp(app.url, 'Hannah Price', 'hannah@example.com');
    await page.getByRole('button', { name: t('welcome.emptyButton') }).click();
    await page.waitForURL('**/people');
    await page.getByRole('link', { name: t('people.importContacts') }).click();
    await page.waitForURL('**/import');

    await page.locator('input[type="file"]').setInputFiles({
      name: 'huge.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.alloc(21 * 1024 * 1024, 0x41),
    });
    // 21 MB against a 20 MB limit: never two numbers that look the same.
    await page
      .getByRole('alert')
      .filter({ hasText: t('import.errors.tooBigSize', { size: '21.0 MB', limit: '20.0 MB' }) })
      .waitFor();
    expect(await h.previewSection().count()).toBe(0);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'just-over.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.alloc(21_000_000, 0x41),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: t('import.errors.tooBigSize', { size: '20.03 MB', limit: '20.00 MB' }) })
      .waitFor();

    await dropFile(h.dropZone(), 'photo.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image/png');
    await page
      .getByRole('alert')
      .filter({ hasText: t('import.errors.noContacts') })
      .waitFor();
    await shot(page, 'import-en-01-error');
    assertClean(w, PROVOKED);
  });

  it('says what went wrong with a line in English, and removes control characters', async () => {
    const { page } = w;
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Nadia,Ricci,https://www.linkedin.com/in/nadia-ricci,nadia@@example,Ricci Srl,CEO,12 Mar 2024',
      'Ottavio,Ne\u0000ri,https://www.linkedin.com/in/ottavio-neri,,Neri\u001b[2J,CTO,yesterday',
    ].join('\n');
    await dropFile(h.dropZone(), 'Connections.csv', Buffer.from(csv), 'text/csv');
    const problems = page.getByRole('region', { name: t('import.problems.title') });
    await problems.waitFor();
    for (const text of [
      t('import.problemCodes.email_invalid', { value: '"nadia@@example"' }),
      t('import.problemCodes.control_chars_removed', { field: t('import.problemWords.familyName') }),
      t('import.problemCodes.control_chars_removed', { field: t('import.problemWords.company') }),
      t('import.problemCodes.linkedin_connected_on_not_date', { value: '"yesterday"' }),
    ])
      await problems.getByRole('cell', { name: text, exact: true }).waitFor();
    await problems
      .getByRole('cell', { name: t('import.problems.line', { line: 3 }), exact: true })
      .first()
      .waitFor();
    await shot(page, 'import-en-01b-problems');
    await h
      .previewSection()
      .getByRole('button', { name: t('common.cancel') })
      .click();
    assertClean(w);
  });

  it('imports a LinkedIn Connections.csv dropped on the page, through the progress stream', async () => {
    const { page } = w;
    const rows = 3000;
    await dropFile(h.dropZone(), 'Connections.csv', linkedinCsv(rows), 'text/csv');
    await h
      .previewSection()
      .getByText(/Connections\.csv: LinkedIn/)
      .waitFor();
    expect(await h.stat('import.preview.toCreate')).toBe(rows + 3);
    expect(await h.stat('import.preview.problems')).toBe(0);
    // No column mapping for a known layout.
    expect(await page.getByRole('region', { name: t('import.mapping.title') }).count()).toBe(0);
    await shot(page, 'import-en-02-linkedin-preview');

    const { done } = await h.confirmImport();
    await done.getByText(tr(lang, 'import.result.created_other', { count: rows + 3 })).waitFor();
    await shot(page, 'import-en-03-linkedin-done');

    await page.getByRole('link', { name: t('import.result.seePeople') }).click();
    await page.waitForURL('**/people');
    await visible(page, tr(lang, 'people.subtitle_other', { count: rows + 3 }));
    const search = page.getByPlaceholder(t('people.searchPlaceholder'));
    await search.fill('Lunardi');
    await page.getByRole('link', { name: 'Giorgia Lunardi', exact: true }).click();
    await page.getByRole('heading', { name: 'Giorgia Lunardi', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: t('person.details') })
      .getByText('Lunardi, Verdi & Associati', { exact: true })
      .waitFor();
    const privacy = page.getByRole('region', { name: t('privacy.title') });
    await privacy
      .getByText(new RegExp(`^${escapeRe(t('privacy.sourceImportedNoDate', { source: 'LinkedIn' }))} on .+`))
      .waitFor();
    await shot(page, 'import-en-04-person');
    assertClean(w);
  });

  it('merges a Google-style vCard of the same people instead of duplicating them', async () => {
    const { page } = w;
    await h.openImport();
    const vcf = LINKEDIN_NAMES.map((n, i) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `FN:${n}`,
        `EMAIL;TYPE=INTERNET:${['giorgia@lunardiverdi.example', 'marco.benedetti@example.org', 'sophie@hale.example'][i]}`,
        `TEL;TYPE=CELL:+39 333 000 00${i}`,
        i === 0 ? 'URL:https://www.linkedin.com/in/giorgia-lunardi-7a1b2c' : '',
        'END:VCARD',
      ]
        .filter(Boolean)
        .join('\r\n'),
    ).join('\r\n');
    await dropFile(h.dropZone(), 'phone.vcf', Buffer.from(vcf), 'text/vcard');
    await h.previewSection().waitFor();
    // Giorgia by her LinkedIn URL, Marco by his email; Sophie has neither in common: a new person.
    expect(await h.stat('import.preview.toMerge')).toBe(2);
    expect(await h.stat('import.preview.toCreate')).toBe(1);
    const sample = page.getByRole('region', { name: t('import.sample.title') });
    await sample
      .getByRole('row', { name: /Giorgia Lunardi/ })
      .getByText(t('import.sample.actions.merge'))
      .waitFor();
    await h.confirmImport();
    await page.getByText(tr(lang, 'import.result.merged_other', { count: 2 })).waitFor();
    assertClean(w);
  });

  it('makes one person of the records three files hold of each, and says so before and after', async () => {
    const { page } = w;
    const total = async () => (await api<{ total: number }>(page, '/api/v1/people/facets')).total;
    const before = await total();
    for (const name of ['Connections.csv', 'contacts.vcf']) {
      await h.openImport();
      await dropFile(h.dropZone(), name, threeSources(name), name.endsWith('.vcf') ? 'text/vcard' : 'text/csv');
      await h.previewSection().waitFor();
      await h.confirmImport();
    }
    await h.openImport();
    await dropFile(h.dropZone(), 'google-contacts.csv', threeSources('google-contacts.csv'), 'text/csv');
    await h.previewSection().waitFor();
    await h
      .previewSection()
      .getByText(tr(lang, 'import.preview.joined_other', { count: 21, people: 42 }))
      .waitFor();
    expect(await h.stat('import.preview.toCreate')).toBe(7);
    const sample = page.getByRole('region', { name: t('import.sample.title') });
    await sample
      .getByText(tr(lang, 'import.sample.joins_one', { count: 1 }))
      .first()
      .waitFor();
    await shot(page, 'import-en-05-three-sources-preview');
    const { done } = await h.confirmImport();
    await done.getByText(tr(lang, 'import.result.joined_other', { count: 21, people: 42 })).waitFor();
    await shot(page, 'import-en-06-three-sources-done');
    // 60 people, however many records the three files hold of them.
    expect(await total()).toBe(before + 60);
    assertClean(w);
  });
});

describe('import at phone width (375×812, it-IT)', () => {
  const lang: Lang = 'it';
  let app: TestServer;
  let browser: Browser;
  let w: Watched;
  const h = makeHelpers(lang, () => w);
  const { t } = h;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    w = await openPage(browser, { locale: 'it-IT', viewport: { width: 375, height: 812 }, mobile: true });
  });
  afterEach((ctx) => shotOnFailure(ctx, w, 'import-mobile'));
  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await app?.stop();
  });

  it('imports a vCard, fits the screen at every step, and lists duplicates', async () => {
    const { page } = w;
    await h.signUp(app.url, 'Sara Conti', 'sara@example.it');
    await page.getByRole('link', { name: t('welcome.importButton') }).click();
    await page.waitForURL('**/import');
    // No dragging on a phone: the drop zone asks to choose the file.
    await h.dropZone().getByText(t('import.pickHere')).waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'import-mobile-01-page');

    await h.chooseFile(THUNDERBIRD);
    expect(await h.stat('import.preview.toCreate')).toBe(2);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'import-mobile-02-preview');
    await h.confirmImport();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'import-mobile-03-done');

    await page.getByRole('button', { name: t('import.result.another') }).click();
    await h.chooseFile(SEMICOLON_CSV);
    await page.getByRole('region', { name: t('import.mapping.title') }).waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'import-mobile-04-mapping');
    await h
      .previewSection()
      .getByRole('button', { name: t('common.cancel') })
      .click();

    // One person typed twice in a phone's address book, with a typo: not merged on import (the
    // names differ), but listed as likely duplicates.
    const card = (name: string, email: string) =>
      ['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, `ORG:Ferraro Arredamenti`, `EMAIL:${email}`, 'END:VCARD'].join('\r\n');
    const vcf = `${card('Giovanna Ferraro', 'giovanna@ferraro.example')}\r\n${card('Giovana Ferraro', 'g.ferraro@posta.example')}\r\n`;
    await dropFile(h.dropZone(), 'rubrica.vcf', Buffer.from(vcf), 'text/vcard');
    await h.previewSection().waitFor();
    expect(await h.stat('import.preview.toCreate')).toBe(2);
    await h.confirmImport();

    await page.getByRole('button', { name: t('nav.menu') }).click();
    await page.getByRole('link', { name: t('nav.duplicates'), exact: true }).click();
    await page.waitForURL('**/duplicates');
    await page.getByRole('heading', { name: t('duplicates.title'), level: 1 }).waitFor();
    const pair = page
      .getByRole('region', { name: t('duplicates.pairTitle', { a: 'Giovanna Ferraro', b: 'Giovana Ferraro' }) })
      .or(page.getByRole('region', { name: t('duplicates.pairTitle', { a: 'Giovana Ferraro', b: 'Giovanna Ferraro' }) }));
    await pair.waitFor();
    await pair.getByText(t('duplicates.reasons.same_company'), { exact: true }).waitFor();
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'import-mobile-05-duplicates');

    // Not duplicates: the pair goes away and can be shown again.
    const before = await page.getByRole('button', { name: t('duplicates.merge'), exact: true }).count();
    await page
      .getByRole('button', { name: t('duplicates.dismiss') })
      .first()
      .click();
    await expect.poll(() => page.getByRole('button', { name: t('duplicates.merge'), exact: true }).count()).toBe(before - 1);
    await page.getByRole('button', { name: tr(lang, 'duplicates.showDismissed_one', { count: 1 }) }).click();
    await expect.poll(() => page.getByRole('button', { name: t('duplicates.merge'), exact: true }).count()).toBe(before);
    assertClean(w);
  });
});
