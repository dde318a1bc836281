import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';
import { LandingPage } from '../pages/landing';

for (const lang of ['ar', 'fr'] as const) {
  for (const path of ['/', '/register', '/no-such-page']) {
    test(`axe finds no violation on ${path} in ${lang}`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'jisr_lang', value: lang, url: baseURL! }]);
      await page.goto(path);
      const landing = new LandingPage(page);
      await (path === '/' ? landing.ready() : landing.waitForHydration());
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    });
  }
}
