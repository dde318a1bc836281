import { expect, type Page } from '@playwright/test';

/** The password `server seed` gives the demo staff in the end-to-end run (playwright.config). */
export const STAFF_PASSWORD = 'e2e-staff-password';

/** The admin console, used the way programme staff use it. */
export class Console {
  constructor(readonly page: Page) {}

  async useLanguage(lang: 'ar' | 'fr', baseURL: string) {
    await this.page.context().addCookies([{ name: 'jisr_lang', value: lang, url: baseURL }]);
  }

  /** The sign-in page: a plain page, its form posted to the server, no code loaded. */
  async openSignIn() {
    await this.page.goto('/admin/sign-in');
    await expect(this.page.locator('main form')).toBeVisible();
  }

  /** Fills the sign-in form and sends it; resolves once the page it leads to is there. */
  async signIn(email: string, password = STAFF_PASSWORD) {
    await this.page.locator('#email').fill(email);
    await this.page.locator('#password').fill(password);
    const answered = this.page.waitForEvent('framenavigated', (frame) => frame === this.page.mainFrame());
    await this.page.locator('main form button[type="submit"]').click();
    await answered;
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
