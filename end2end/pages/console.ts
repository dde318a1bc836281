import { expect, type Page } from '@playwright/test';

/** The password `server seed` gives the demo staff in the end-to-end run (playwright.config). */
export const STAFF_PASSWORD = 'e2e-staff-password';

/** The admin console, used the way programme staff use it. */
export class Console {
  constructor(readonly page: Page) {}

  async useLanguage(lang: 'ar' | 'fr', baseURL: string) {
    await this.page.context().addCookies([{ name: 'jisr_lang', value: lang, url: baseURL }]);
  }

  async openSignIn() {
    await this.page.goto('/admin/sign-in');
    await expect(this.page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    await expect(this.page.locator('main form')).toHaveAttribute('data-ready', 'true');
  }

  async signIn(email: string, password = STAFF_PASSWORD) {
    await this.page.locator('#email').fill(email);
    await this.page.locator('#password').fill(password);
    await this.page.locator('main form button[type="submit"]').click();
  }

  /** Signs in and waits for the dashboard. */
  async signInAs(email: string) {
    await this.openSignIn();
    await this.signIn(email);
    await expect(this.page).toHaveURL(/\/admin$/);
    await this.ready();
  }

  /** Resolves once the console's page runs in the browser. */
  async ready() {
    await expect(this.page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    await expect(this.page.locator('.console')).toHaveAttribute('data-ready', 'true');
  }

  async open(path: string) {
    await this.page.goto(path);
    await this.ready();
  }

  /** Opens the first application of the list shown and waits for its page, not for the list it leaves. */
  async openFirstApplication() {
    await this.page.locator('.reference-text').first().click();
    await expect(this.page).toHaveURL(/\/admin\/applications\/\d+$/);
    await expect(this.page.locator('dl.answers')).toBeVisible();
    await this.ready();
  }

  figure(name: string) {
    return this.page.locator(`[data-figure="${name}"]`).first();
  }
}
