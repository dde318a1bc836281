import { expect, test, type Page } from '../fixtures';
import { answerEligibility, slowConnection } from '../pages/network';
import { Wizard } from '../pages/wizard';

// A woman on a modest phone over a slow mobile connection (see pages/network.ts).
test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

/** The code files (JS and WASM) and the server functions the page asks for from now on. */
function codeRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/\.(wasm|js)$/.test(path) || path.startsWith('/api/')) asked.push(path);
  });
  return asked;
}

test('a tapped Continue is busy at once, and with the next step\'s code fetched ahead that step opens in place in one round trip, nothing more to download', async ({ page }) => {
  const wizard = new Wizard(page);
  await page.goto('/register/eligibility');
  await wizard.waitForHydration();
  await answerEligibility(page);
  // Fetched while she answered.
  await wizard.nextPageReady();
  await slowConnection(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const asked = codeRequests(page);
  // The server's answer is held until the button has been seen busy: the feedback comes from
  // the tap itself, not from anything the connection brings.
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/wizard/save', async (route) => {
    await held;
    await route.continue();
  });
  const button = page.locator('main form button[type="submit"]');
  await button.tap();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(button).toBeDisabled();
  answer();
  await wizard.expectStep('identity');
  await expect(wizard.field('first_name')).toBeEditable();
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  // One round trip: the save's answer brought the next step's data. No code for the step she
  // opened: only for the one after it, fetched ahead while she answers.
  expect(
    asked.filter((path) => !/^\/pkg\/split___residence_step_view_\d+\.[\w-]+\.wasm$/.test(path)),
    'code and server functions asked for between the tap and the next step',
  ).toEqual(['/api/wizard/save']);
});

test("until the first step's code is here, Start loads that step whole from the server, and its form works before any of its code arrives", async ({ page }) => {
  const wizard = new Wizard(page);
  // The first step's own code never comes during this test (held, as a slow connection would).
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/pkg\/split___eligibility_step_view_/, async (route) => {
    await released;
    await route.abort();
  });
  await page.goto('/register');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const start = page.locator('main a.button.primary');
  await expect(start).toHaveAttribute('rel', 'external');
  await slowConnection(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  // When Start shows it is busy, noted where the next page can read it.
  await page.evaluate(() => {
    const link = document.querySelector('main a.button.primary')!;
    new MutationObserver(() => {
      if (link.getAttribute('aria-busy') === 'true' && !sessionStorage.getItem('busyAt')) {
        sessionStorage.setItem('busyAt', String(Date.now()));
      }
    }).observe(link, { attributes: true });
  });
  // The step's page is held a while, as the slow connection would.
  let answeredAt = 0;
  await page.route('**/register/eligibility', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    answeredAt = Date.now();
    await route.continue();
  });
  await start.tap();
  await wizard.expectStep('eligibility');
  const busyAt = Number(await page.evaluate(() => sessionStorage.getItem('busyAt')));
  expect(busyAt, 'Start showed it was busy before the page came').toBeGreaterThan(0);
  expect(busyAt).toBeLessThan(answeredAt);
  // A new page from the server, not the router waiting for code that is not there.
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBeUndefined();
  await expect(page.locator('main form').first()).not.toHaveAttribute('data-ready', 'true');
  await answerEligibility(page);
  await page.locator('main form button[type="submit"]').tap();
  await wizard.expectStep('identity');
  release();
});

test('Start becomes an in-place link once the first step\'s code is here', async ({ page }) => {
  await page.goto('/register');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
  const start = page.locator('main a.button.primary');
  await expect(start).not.toHaveAttribute('rel', /external/);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await start.tap();
  await new Wizard(page).expectStep('eligibility');
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});
