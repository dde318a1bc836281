import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * Every test runs with the server's Content-Security-Policy in force: a violation in any page
 * of any browser context the test opens fails it. A test that provokes one on purpose reads
 * `cspViolations` and empties it.
 */
export const test = base.extend<{ cspViolations: string[]; cspGuard: void }>({
  cspViolations: async ({}, use) => {
    await use([]);
  },
  cspGuard: [
    async ({ context, browser, cspViolations }, use) => {
      const watchPage = (page: Page) => {
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) {
            cspViolations.push(`${page.url()}: ${message.text()}`);
          }
        });
      };
      const watchContext = async (watched: BrowserContext) => {
        watched.pages().forEach(watchPage);
        watched.on('page', watchPage);
        // Chromium reports a violation on the console; the event makes sure of it.
        await watched.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            console.error(
              `Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
            );
          });
        });
      };
      await watchContext(context);
      const newContext = browser.newContext.bind(browser);
      (browser as Browser).newContext = async (...args: Parameters<Browser['newContext']>) => {
        const opened = await newContext(...args);
        await watchContext(opened);
        return opened;
      };
      await use();
      browser.newContext = newContext;
      expect(cspViolations, 'no Content-Security-Policy violation').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page };
