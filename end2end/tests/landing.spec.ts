import { expect, test, type Page } from '../fixtures';
import { LandingPage } from '../pages/landing';

/** Fails the test on any console error or uncaught exception in the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test.describe('with JavaScript', () => {
  test('the landing page opens in Arabic, right to left, cleanly', async ({ page }) => {
    const errors = watchErrors(page);
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.expectLanguage('ar');
    await expect(landing.heading).toHaveText('برنامج التمكين الاقتصادي والقيادة للنساء');
    await expect(landing.regions).toHaveCount(12);
    await expect(landing.regions.filter({ hasText: 'الداخلة وادي الذهب' })).toContainText('3');
    await landing.ready();
    expect(await landing.hasHorizontalScroll()).toBe(false);
    expect(errors).toEqual([]);
  });

  test('the landing page and the centres are plain pages: no code to download but the quick exit', async ({ page }) => {
    const files: string[] = [];
    page.on('request', (request) => files.push(new URL(request.url()).pathname));
    const landing = new LandingPage(page);
    for (const path of ['/', '/centres']) {
      await page.goto(path);
      await landing.ready();
      await expect(page.locator('link[rel="modulepreload"], link[as="fetch"]')).toHaveCount(0);
    }
    expect(files.filter((file) => /\.(wasm|js)$/.test(file))).toEqual([]);
    expect(await page.locator('html').getAttribute('data-hydrated')).toBeNull();
    // The wizard, opened from it, is a page with its code.
    await page.goto('/');
    await landing.startLink.tap();
    await expect(page).toHaveURL(/\/register$/);
    await landing.waitForHydration();
    expect(files.some((file) => /^\/pkg\/jisr\.[\w-]+\.wasm$/.test(file))).toBe(true);
  });

  test('the switcher turns the page to French and the choice is remembered', async ({ page }) => {
    const errors = watchErrors(page);
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.ready();
    await landing.switchTo('fr');
    await landing.expectLanguage('fr');
    await expect(landing.heading).toHaveText(
      "Programme d'autonomisation économique et de leadership des femmes",
    );
    await expect(landing.regions.filter({ hasText: 'Casablanca-Settat' })).toContainText(
      'places restantes sur',
    );
    await page.reload();
    await landing.expectLanguage('fr');
    await landing.switchTo('ar');
    await landing.expectLanguage('ar');
    expect(errors).toEqual([]);
  });

  test('the browser language is the first guess', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.expectLanguage('fr');
    await context.close();
  });

  test('the way in to registration leads to a page that exists', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.startLink.click();
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await landing.hasHorizontalScroll()).toBe(false);
  });

  test('the stylesheet and the WASM have hashed names and are kept for a year', async ({ page }) => {
    const landing = new LandingPage(page);
    const siteFiles: { url: string; cacheControl: string | undefined }[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/pkg/')) {
        siteFiles.push({ url: response.url(), cacheControl: response.headers()['cache-control'] });
      }
    });
    // The wizard's first page: the landing page has no WASM.
    await page.goto('/register');
    await landing.waitForHydration();
    // The stylesheet applies: the page has no default body margin.
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    const names = siteFiles.map((file) => new URL(file.url).pathname);
    for (const ext of ['css', 'js', 'wasm']) {
      expect(names.some((name) => new RegExp(`^/pkg/jisr\\.[\\w-]+\\.${ext}$`).test(name))).toBe(true);
    }
    for (const file of siteFiles) {
      expect(file.cacheControl, file.url).toBe('public, max-age=31536000, immutable');
    }
  });

  test('the health check answers', async ({ request }) => {
    const response = await request.get('/healthz');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the landing page and the language switch work', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.expectLanguage('ar');
    await expect(landing.regions).toHaveCount(12);
    await landing.switchTo('fr');
    await landing.expectLanguage('fr');
    await expect(landing.regions.first()).toContainText('Tanger-Tétouan-Al Hoceïma');
    expect(await landing.hasHorizontalScroll()).toBe(false);
  });
});
