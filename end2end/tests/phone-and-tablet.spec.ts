import { expect, test, type Page } from '../fixtures';
import type { Locator } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Console } from '../pages/console';
import { someone, Wizard, type Lang } from '../pages/wizard';

const LANGS: Lang[] = ['ar', 'fr'];

/** Where the suite leaves its screenshots, for the next person to look at without running it. */
const SHOTS = path.join(__dirname, '..', 'screenshots');

/** What the screen shows first, and the whole page. */
async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.screenshot({ path: path.join(SHOTS, `${name}-full.png`), fullPage: true });
}

/**
 * A finger's tap: pressed, held a moment (as a thumb does), released. Whatever the page does
 * between the press and the release happens under the finger.
 */
async function tap(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await page.waitForTimeout(150);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Up to the residence step, hydrated. */
async function toResidence(wizard: Wizard, lang: Lang, baseURL: string) {
  await wizard.useLanguage(lang, baseURL);
  await wizard.page.goto('/register/eligibility');
  await wizard.waitForHydration();
  await wizard.eligibility();
  await wizard.identity(someone());
  await wizard.expectStep('residence');
  await wizard.waitForHydration();
}

/** The left edges, on screen, of each occurrence of `parts` in `element`'s text, in order. */
async function leftEdges(element: Locator, parts: string[]): Promise<number[]> {
  return element.evaluate((node, parts) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const text: Text[] = [];
    while (walker.nextNode()) text.push(walker.currentNode as Text);
    return parts.map((part) => {
      for (const t of text) {
        const i = t.data.indexOf(part);
        if (i >= 0) {
          const range = document.createRange();
          range.setStart(t, i);
          range.setEnd(t, i + part.length);
          return range.getBoundingClientRect().left;
        }
      }
      return NaN;
    });
  }, parts);
}

for (const lang of LANGS) {
  test.describe(`an applicant on a phone, in ${lang}`, () => {
    test('a tap lands where her finger is, while the field she left shows or clears its message', async ({ page, baseURL }) => {
      const wizard = new Wizard(page);
      await toResidence(wizard, lang, baseURL!);
      const rural = page.locator('label.choice', { has: page.locator('input[name="area"][value="rural"]') });
      const urban = page.locator('label.choice', { has: page.locator('input[name="area"][value="urban"]') });
      // A locality too short: its message appears as she taps the next answer.
      await wizard.field('locality').fill('x');
      await tap(page, rural);
      await expect(page.locator('input[name="area"][value="rural"]')).toBeChecked();
      await expect(wizard.errorFor('locality')).toBeVisible();
      // Corrected: the message goes as she taps again, and the tap still lands.
      await wizard.field('locality').fill('Fnideq');
      await tap(page, urban);
      await expect(page.locator('input[name="area"][value="urban"]')).toBeChecked();
      await expect(wizard.errorFor('locality')).toHaveCount(0);
    });

    test('each choice is a tile as wide as the form, its control beside its words, big enough for a thumb', async ({ page, baseURL }) => {
      const wizard = new Wizard(page);
      await wizard.useLanguage(lang, baseURL!);
      await page.goto('/register/eligibility');
      await wizard.waitForHydration();
      const tiles = await page.locator('label.choice').evaluateAll((labels) =>
        labels.map((label) => {
          const tile = label.getBoundingClientRect();
          const box = label.querySelector('input')!.getBoundingClientRect();
          const words = label.querySelector('span')!.getBoundingClientRect();
          const set = label.closest('fieldset')!.getBoundingClientRect();
          const style = getComputedStyle(label);
          return {
            height: tile.height,
            widthShare: tile.width / set.width,
            gap: Math.max(words.left - box.right, box.left - words.right),
            offCentre: Math.abs(box.top + box.height / 2 - (tile.top + tile.height / 2)),
            weight: Number(style.fontWeight),
          };
        }),
      );
      expect(tiles.length).toBeGreaterThan(8);
      for (const tile of tiles) {
        expect(tile.height).toBeGreaterThanOrEqual(44);
        expect(tile.widthShare).toBeGreaterThan(0.9);
        expect(tile.gap).toBeGreaterThanOrEqual(8);
        expect(tile.offCentre).toBeLessThanOrEqual(6);
        expect(tile.weight).toBeLessThan(600);
      }
      await shot(page, `wizard-eligibility-360-${lang}`);
    });

    test('her date of birth is three numeric boxes, day, month and year', async ({ page, baseURL }) => {
      const wizard = new Wizard(page);
      await wizard.useLanguage(lang, baseURL!);
      await page.goto('/register/eligibility');
      await wizard.waitForHydration();
      await wizard.eligibility();
      await wizard.expectStep('identity');
      for (const part of ['day', 'month', 'year']) {
        const box = wizard.field(`birth_date_${part}`);
        await expect(box).toHaveAttribute('inputmode', 'numeric');
        await expect(box).toHaveAttribute('type', 'text');
      }
      await expect(page.locator('input[type="date"]')).toHaveCount(0);
      await shot(page, `wizard-identity-360-${lang}`);
      // Moving from one box to the next says nothing; leaving the date half done does.
      await wizard.field('birth_date_day').fill('14');
      await wizard.field('birth_date_month').focus();
      await expect(wizard.errorFor('birth_date')).toHaveCount(0);
      await wizard.field('phone').focus();
      await expect(wizard.errorFor('birth_date')).toBeVisible();
    });

    test('left-to-right numbers inside Arabic read in their own order', async ({ page, baseURL }) => {
      const wizard = new Wizard(page);
      await wizard.useLanguage(lang, baseURL!);
      await page.goto('/register/eligibility');
      await wizard.waitForHydration();
      await wizard.eligibility();
      await wizard.expectStep('identity');
      const groups = ['06', '12', '34', '56', '78'];
      const hint = await leftEdges(page.locator('#hint-phone'), groups);
      expect(hint.every((x, i) => i === 0 || x > hint[i - 1])).toBe(true);
      // The same in the message of a refused number.
      await wizard.field('phone').fill('12');
      await wizard.continue();
      const error = await leftEdges(page.locator('#error-phone'), groups);
      expect(error.every((x, i) => i === 0 || x > error[i - 1])).toBe(true);
    });

    test('every step has a way back, and a long project need not be written', async ({ page, baseURL }) => {
      const wizard = new Wizard(page);
      await wizard.useLanguage(lang, baseURL!);
      await page.goto('/register/eligibility');
      await wizard.waitForHydration();
      await expect(page.locator('a.back-link')).toHaveAttribute('href', '/register');
      await wizard.eligibility();
      await wizard.identity(someone());
      await wizard.residence();
      // What the eligibility step said (widowed, no income) is not asked again.
      await wizard.expectStep('situation');
      for (const asked of ['marital_status', 'household_head', 'disability', 'income']) {
        await expect(page.locator(`[name="${asked}"]`)).toHaveCount(0);
      }
      await expect(page.locator('a.back-link')).toHaveAttribute('href', '/register/residence');
      const screens = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
      expect(screens).toBeLessThan(3);
      await shot(page, `wizard-situation-360-${lang}`);
      await wizard.situation();
      await wizard.schooling();
      await wizard.expectStep('project');
      await wizard.choose('stage', 'informal');
      await wizard.field('sector').selectOption('agri_food');
      await wizard.choose('explain_at_centre', 'yes');
      await wizard.choose('support', 'training');
      await wizard.choose('cooperative_member', 'no');
      await wizard.choose('budget', '10000_49999');
      await wizard.continue();
      await wizard.expectStep('preferences');
    });

    test('the pages say who runs the programme, how to get help, and where her centre is', async ({ page, baseURL }) => {
      const wizard = new Wizard(page);
      await wizard.useLanguage(lang, baseURL!);
      for (const where of ['/', '/register', '/register/eligibility', '/status']) {
        await page.goto(where);
        const help = page.locator('footer #help');
        await expect(help.locator('a[href^="tel:"]')).toBeVisible();
        await expect(help.locator('a[href="/centres"]')).toBeVisible();
        await expect(page.locator('footer')).toContainText(lang === 'fr' ? 'Ministère' : 'وزارة');
        await expect(page).toHaveTitle(lang === 'fr' ? / · Jisr$/ : / · جسر$/);
      }
      await page.goto('/centres');
      await expect(page.locator('section.centres')).toHaveCount(12);
      await wizard.answerEverything(someone());
      await wizard.submit();
      await expect(page.locator('#nearest-centre')).toContainText(lang === 'fr' ? 'Tanger' : 'طنجة');
      await expect(page.locator('#region-places')).toBeVisible();
      await shot(page, `wizard-submitted-360-${lang}`);
    });
  });
}

test('without JavaScript there is no Copy button that would do nothing', async ({ browser, baseURL }) => {
  // Two whole registrations, one after the other: twice a single one's time.
  test.setTimeout(60_000);
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 640 } });
    await context.addCookies([{ name: 'jisr_lang', value: 'fr', url: baseURL! }]);
    const page = await context.newPage();
    const wizard = new Wizard(page);
    await wizard.answerEverything(someone());
    await wizard.submit();
    const copy = page.getByRole('button', { name: 'Copier le numéro' });
    if (javaScriptEnabled) await expect(copy).toBeVisible();
    else await expect(copy).toBeHidden();
    await context.close();
  }
});

test('French is written as French: no-break spaces before colons and question marks, a space before "(facultatif)"', async ({ page, baseURL }) => {
  const wizard = new Wizard(page);
  await wizard.useLanguage('fr', baseURL!);
  await page.goto('/register/eligibility');
  await wizard.eligibility();
  await wizard.expectStep('identity');
  await expect(page.locator('label[for="field-email"]')).toHaveText(/e-mail \(facultatif\)$/);
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\S[?:!;](\s|$)/);
});

test('a woman who cannot join is shown why at once, where she is looking', async ({ page, baseURL }) => {
  const wizard = new Wizard(page);
  await wizard.useLanguage('fr', baseURL!);
  await page.goto('/register/eligibility');
  await wizard.waitForHydration();
  await wizard.choose('adult', 'no');
  await wizard.field('region').selectOption('01');
  await wizard.choose('has_project', 'yes');
  await wizard.choose('situations', 'widowed');
  await wizard.continue();
  const verdict = page.locator('.verdict');
  await expect(verdict).toBeFocused();
  await expect(verdict).toBeInViewport();
});

for (const lang of LANGS) {
  test.describe(`programme staff on a tablet, in ${lang}`, () => {
    test.use({ viewport: { width: 1024, height: 768 }, isMobile: false, hasTouch: true });

    test('the list comes first, as cards, with whole words, references and dates on one line', async ({ page, baseURL }) => {
      const console_ = new Console(page);
      await console_.useLanguage(lang, baseURL!);
      await console_.signInAs('national@demo.jisr.ma');
      await console_.open('/admin/applications');
      await expect(page.locator('#filter-panel')).not.toHaveAttribute('open', '');
      const first = page.locator('table.list tbody tr').first();
      await expect(first).toBeInViewport();
      expect(await first.evaluate((row) => getComputedStyle(row).display)).toBe('grid');
      const lines = await page.locator('.reference-text, .date-text').evaluateAll((nodes) =>
        nodes.map((node) => node.getClientRects().length),
      );
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.every((n) => n === 1)).toBe(true);
      // A reference reads from its start, whatever the page's direction.
      const [start, end] = await leftEdges(page.locator('.reference-text').first(), ['JSR', '-']);
      expect(start).toBeLessThan(end);
      // No word broken in two: every cell's words fit its width.
      const overflowing = await page.locator('table.list td').evaluateAll((cells) =>
        cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length,
      );
      expect(overflowing).toBe(0);
      await shot(page, `console-list-1024-${lang}`);
    });

    test('the dashboard says what waits, and each figure agrees with the others', async ({ page, baseURL }) => {
      const console_ = new Console(page);
      await console_.useLanguage(lang, baseURL!);
      await console_.signInAs('national@demo.jisr.ma');
      for (const card of ['to-review', 'oldest', 'duplicates', 'waiting-list']) {
        await expect(page.locator(`a.card.action[data-card="${card}"]`)).toBeVisible();
      }
      // The accepted of the region table and of the funnel are one count.
      const table = await page.locator('tr[data-region] td[data-figure="accepted"]').evaluateAll((cells) =>
        cells.reduce((sum, cell) => sum + Number(cell.getAttribute('data-value')), 0),
      );
      const funnel = Number(await page.locator('[data-figure="status-accepted"]').getAttribute('data-value'));
      expect(table).toBe(funnel);
      await expect(page.locator('[data-figure="status-accepted"]')).toContainText('%');
      await expect(page.locator('[data-figure="target-total"]')).toHaveText('36\u202f000');
      // "places / target" reads in that order in Arabic too.
      const [taken, target] = await leftEdges(page.locator('.card-value', { has: page.locator('[data-figure="target-total"]') }), [
        await page.locator('[data-figure="accepted-total"]').innerText(),
        '36',
      ]);
      expect(taken).toBeLessThan(target);
      // The chart has its axis and its dates, and time runs the way the page reads.
      const chart = page.locator('svg.chart');
      await expect(chart.locator('text.axis-label')).toHaveCount(5);
      await expect(chart).toHaveAttribute('data-direction', lang === 'ar' ? 'rtl' : 'ltr');
      await shot(page, `console-dashboard-1024-${lang}`);
      await page.setViewportSize({ width: 360, height: 640 });
      await shot(page, `console-dashboard-360-${lang}`);
      await page.setViewportSize({ width: 1024, height: 768 });
      // A card opens the list of what it counts. Other tests submit and decide meanwhile, so a
      // count may move between the two pages: they must agree when nothing moved in between.
      let first = true;
      await expect(async () => {
        if (!first) await console_.open('/admin');
        first = false;
        const card = page.locator('a.card.action[data-card="to-review"]');
        const toReview = Number((await card.locator('.card-value').innerText()).replace(/\D/g, ''));
        await card.click();
        await expect(page).toHaveURL(/status=open/);
        await console_.ready();
        await expect(page.locator('#result-count')).toContainText(String(toReview), { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
    });

    test('an application is decided after it is read, from no preselected reason', async ({ page, baseURL }) => {
      const console_ = new Console(page);
      await console_.useLanguage(lang, baseURL!);
      await console_.signInAs('coordination.06@demo.jisr.ma');
      await console_.open('/admin/applications?status=under_review');
      await console_.openFirstApplication();
      const order = await page.evaluate(() => {
        const answers = document.querySelector('dl.answers')!;
        const flags = document.querySelector('h2 + ul, h2 + p.muted')!;
        const decision = document.querySelector('section.decision')!;
        return [
          answers.compareDocumentPosition(decision) & Node.DOCUMENT_POSITION_FOLLOWING,
          flags.compareDocumentPosition(decision) & Node.DOCUMENT_POSITION_FOLLOWING,
        ];
      });
      expect(order.every(Boolean)).toBe(true);
      await expect(page.locator('#reject-reason')).toHaveValue('');
      await shot(page, `console-application-1024-${lang}`);
    });

    test('the audit log and the staff accounts are written in words', async ({ page, baseURL }) => {
      const console_ = new Console(page);
      await console_.useLanguage(lang, baseURL!);
      await console_.signInAs('national@demo.jisr.ma');
      await console_.open('/admin/applications');
      await console_.openFirstApplication();
      await console_.open('/admin/audit');
      await expect(page.locator('select#audit-action')).toBeVisible();
      const viewed = page.locator('tr[data-action="view_application"]').first();
      await expect(viewed).toContainText(lang === 'fr' ? 'Dossier consulté' : 'الاطلاع على ملف');
      await expect(viewed.locator('a[href^="/admin/applications/"]')).toContainText('JSR-');
      await expect(page.locator('table.list')).not.toContainText('view_application');
      await shot(page, `console-audit-1024-${lang}`);
      await console_.open('/admin/staff');
      await expect(page.locator('table.list')).toContainText(lang === 'fr' ? 'Casablanca-Settat' : 'الدار البيضاء سطات');
    });

    test('the console has no quick exit: it is the applicants\'', async ({ page, baseURL }) => {
      const console_ = new Console(page);
      await console_.useLanguage(lang, baseURL!);
      await console_.openSignIn();
      await expect(page.locator('.quick-exit')).toHaveCount(0);
      await page.goto('/');
      await expect(page.locator('.quick-exit')).toHaveCount(1);
    });
  });
}

test.describe('programme staff on a wide tablet', () => {
  test.use({ viewport: { width: 1366, height: 768 }, isMobile: false });

  test('the list is a table whose first rows show on the first screen', async ({ page, baseURL }) => {
    const console_ = new Console(page);
    await console_.useLanguage('fr', baseURL!);
    await console_.signInAs('national@demo.jisr.ma');
    await console_.open('/admin/applications');
    const first = page.locator('table.list tbody tr').first();
    await expect(first).toBeInViewport();
    expect(await first.evaluate((row) => getComputedStyle(row).display)).toBe('table-row');
    const lines = await page.locator('.reference-text, .date-text').evaluateAll((nodes) =>
      nodes.map((node) => node.getClientRects().length),
    );
    expect(lines.every((n) => n === 1)).toBe(true);
  });
});
