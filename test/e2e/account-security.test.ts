/**
 * Account security in the web app, in Italian and English: signing up logs the new user in (the
 * sign-up answer carries no session: the page logs in next); signing up again with an address
 * that has an account says so only after the password failed, and the owner finds the email in
 * their outbox; Settings offers "also revoke my API tokens", checked, on a password change.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  assertClean,
  label,
  launchBrowser,
  openPage,
  post,
  shot,
  shotOnFailure,
  startApp,
  tr,
  visible,
  type TestServer,
  type Watched,
} from './harness.ts';

const PASSWORD = 'una frase lunga e segreta';
const cases = [
  { lang: 'it' as const, locale: 'it-IT', who: 'Marta Colombo' },
  { lang: 'en' as const, locale: 'en-GB', who: 'Anna Walsh' },
];

for (const c of cases) {
  const t = (key: string, vars?: Record<string, string | number>) => tr(c.lang, key, vars);

  describe(`account security (${c.locale})`, () => {
    let app: TestServer;
    let browser: Browser;
    let w: Watched;
    const email = `${c.lang}@example.com`;

    beforeAll(async () => {
      app = await startApp();
      browser = await launchBrowser();
      w = await openPage(browser, { locale: c.locale });
    });
    afterEach((ctx) => shotOnFailure(ctx, w, `account-${c.lang}`));
    afterAll(async () => {
      await w?.context.close();
      await browser?.close();
      await app?.stop();
    });

    async function signUp(page: Page, password: string, button: string) {
      await page.goto(`${app.url}/signup`);
      await label(page, t('auth.displayName')).fill(c.who);
      await label(page, t('auth.email')).fill(email);
      await label(page, t('auth.password')).fill(password);
      await page.getByRole('button', { name: button }).click();
    }

    it('signs up and is in; a second sign-up with the address and another password is told to log in, and changes nothing', async () => {
      const { page } = w;
      await signUp(page, PASSWORD, t('auth.createAdminButton'));
      await page.waitForURL('**/welcome');
      const tokens = await post<{ secret: string }>(page, '/api/v1/tokens', { name: 'cron' });
      expect(tokens.secret).toMatch(/^rete_/);

      // Someone else, in another browser, with the same address.
      const other = await openPage(browser, { locale: c.locale });
      try {
        await signUp(other.page, 'the password of someone else', t('auth.signupButton'));
        await visible(other.page, t('auth.signupExisting'));
        expect(other.page.url()).toMatch(/\/signup$/);
        await shot(other.page, `account-${c.lang}-signup-existing`);
        assertClean(other);
      } finally {
        await other.context.close();
      }

      // The owner is still in, and finds the email in their outbox, in their language.
      const outbox = await api<{ items: Array<{ kind: string; subject: string }> }>(page, '/api/v1/outbox');
      expect(outbox.items.map((m) => m.kind)).toEqual(['signup_attempt']);
      expect(outbox.items[0]?.subject).toBe(
        c.lang === 'it'
          ? 'Qualcuno ha provato a registrarsi su Rete con il tuo indirizzo'
          : 'Someone tried to sign up to Rete with your address',
      );
    });

    it('changes the password with "also revoke my API tokens" checked by default', async () => {
      const { page } = w;
      await page.goto(`${app.url}/settings`);
      const box = page.getByRole('checkbox', { name: t('settings.revokeTokens') });
      await expect.poll(() => box.isChecked()).toBe(true);
      await label(page, t('settings.currentPassword')).fill(PASSWORD);
      await label(page, t('settings.newPassword')).fill(`${PASSWORD} nuova`);
      await label(page, t('settings.confirmPassword')).fill(`${PASSWORD} nuova`);
      await shot(page, `account-${c.lang}-password`);
      await page.getByRole('button', { name: t('settings.changePassword') }).click();
      await visible(page, t('settings.passwordChangedTokens_one'));
      const left = await api<{ items: unknown[] }>(page, '/api/v1/tokens');
      expect(left.items).toEqual([]);
      assertClean(w);
    });
  });
}
