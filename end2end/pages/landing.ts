import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'ar' | 'fr';

/** The public landing page. */
export class LandingPage {
  readonly heading: Locator;
  readonly startLink: Locator;
  readonly regions: Locator;
  readonly languages: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.startLink = page.locator('a[href="/register"]');
    this.regions = page.locator('li.region');
    this.languages = page.getByRole('navigation').filter({ has: page.locator('a[hreflang]') });
  }

  async goto() {
    await this.page.goto('/');
  }

  async switchTo(lang: Lang) {
    await this.languages.locator(`a[hreflang="${lang}"]`).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  async expectLanguage(lang: Lang) {
    const html = this.page.locator('html');
    await expect(html).toHaveAttribute('lang', lang);
    await expect(html).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  }

  /**
   * Resolves once the landing page's quick exit is in place: the page is plain HTML, with a
   * few lines of script and no WASM.
   */
  async ready() {
    await expect(this.page.locator('html')).toHaveAttribute('data-quick-exit', 'ready');
  }

  /** Resolves once the WASM has taken over a page that has it (not this one). */
  async waitForHydration() {
    await expect(this.page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  }

  async hasHorizontalScroll(): Promise<boolean> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
  }
}
