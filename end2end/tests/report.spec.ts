import { expect, test, type Page } from '../fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { noViolation } from '../pages/axe';
import { Console } from '../pages/console';
import ExcelJS from 'exceljs';

/** Where the suite leaves its screenshots (see phone-and-tablet.spec.ts). */
const SHOTS = path.join(__dirname, '..', 'screenshots');
const TABLET = { width: 1024, height: 768 };

const SAYS = {
  fr: {
    nav: 'Bilan',
    title: 'Bilan du programme',
    sheets: ['Candidatures reçues', 'Femmes retenues', "Sur liste d'attente", 'Candidatures non retenues', 'Femmes inscrites au programme',
      'Femmes formées', 'Femmes accompagnées', 'Projets formalisés', 'Premières ventes', 'Femmes financées',
      'Financements versés', 'Activité en marche à 6 mois', 'Activité en marche à 12 mois'],
  },
  ar: {
    nav: 'الحصيلة',
    title: 'حصيلة البرنامج',
    sheets: ['الترشيحات المتوصل بها', 'النساء المقبولات', 'في لائحة الانتظار', 'الترشيحات غير المقبولة', 'النساء الملتحقات بالبرنامج',
      'النساء المكوَّنات', 'النساء المواكَبات', 'المشاريع المهيكلة', 'أولى المبيعات', 'النساء المموَّلات',
      'التمويلات المصروفة', 'نشاط قائم بعد 6 أشهر', 'نشاط قائم بعد 12 شهرا'],
  },
};

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The whole number a figure's cell shows, or null for "< 5" and "×". */
async function numbers(page: Page, selector: string): Promise<(number | null)[]> {
  return page.locator(selector).evaluateAll((cells) =>
    cells.map((cell) => {
      const digits = (cell.textContent ?? '').replace(/[^0-9]/g, '');
      return /^[0-9]/.test((cell.textContent ?? '').trim()) ? Number(digits) : null;
    }),
  );
}

for (const lang of ['fr', 'ar'] as const) {
  test(`the report in ${lang}: a coordinator splits accepted women by age band, a partner reads it protected`, async ({ browser, baseURL }) => {
    test.setTimeout(60_000);
    const context = await browser.newContext({ baseURL, viewport: TABLET, hasTouch: true });
    const page = await context.newPage();
    const console_ = new Console(page);
    await console_.useLanguage(lang, baseURL!);
    await console_.signInAs('coordination.06@demo.jisr.ma');
    await page.getByRole('link', { name: SAYS[lang].nav, exact: true }).tap();
    await expect(page).toHaveURL(/\/admin\/report$/);
    await expect(page.locator('h1')).toHaveText(SAYS[lang].title);
    await console_.ready();
    await page.locator('#report-indicator').selectOption('accepted');
    await page.locator('#report-rows').selectOption('age_band');
    await page.locator('#report-columns').selectOption('channel');
    await page.locator('.report-form button[type="submit"]').tap();
    await expect(page).toHaveURL(/indicator=accepted&rows=age_band&columns=channel/);
    // Five age bands, two channels, and the totals that add them up.
    await expect(page.locator('#report-table tbody tr')).toHaveCount(5);
    await expect(page.locator('#report-table tbody tr').first()).toHaveAttribute('data-key', '18-24');
    await expect(page.locator('#report-table thead th')).toHaveCount(4);
    const rowTotals = await numbers(page, '#report-table tbody td.total');
    const [total] = await numbers(page, '#report-table tfoot td.total');
    expect(rowTotals.every((n) => n !== null)).toBe(true);
    expect(rowTotals.reduce((a, b) => a! + b!, 0)).toBe(total);
    expect(total).toBeGreaterThan(0);
    // Its charts: her region against its target, the months; no map of one region.
    await expect(page.locator('#chart-regions svg g[data-region]')).toHaveCount(1);
    await expect(page.locator('#chart-regions svg g[data-region="06"] .chart-target')).toHaveCount(1);
    await expect(page.locator('#chart-map')).toHaveCount(0);
    expect(await page.locator('#chart-months svg g[data-month]').count()).toBeGreaterThanOrEqual(12);
    await noViolation(page, 'report');
    await shot(page, `report-${lang}-tablet`);
    await page.setViewportSize({ width: 360, height: 640 });
    await shot(page, `report-${lang}-phone`);
    await page.setViewportSize(TABLET);

    // The spreadsheet: one sheet per indicator, the figures as numbers, read back.
    const downloading = page.waitForEvent('download');
    await page.locator('#report-xlsx').tap();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^jisr-report-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(SAYS[lang].sheets);
    const accepted = book.worksheets[1];
    // Its table starts on row 7: the bands down, the channels across, totals last.
    const grandTotal = accepted.getRow(7 + 5 + 1).getCell(4).value;
    expect(grandTotal).toBe(total);

    // A figure leads to the list of the applications it counts.
    const index = rowTotals.findIndex((n) => n! > 0);
    await page.locator('#report-table tbody td.total a').nth(index).tap();
    await expect(page).toHaveURL(/\/admin\/applications\?status=placed&age=/);
    await expect(page.locator('#result-count')).toHaveAttribute('data-total', String(rowTotals[index]));
    await context.close();

    // Nationally: the twelve regions against their targets, and their map.
    const nationalContext = await browser.newContext({ baseURL, viewport: TABLET, hasTouch: true });
    const nationalPage = await nationalContext.newPage();
    const national = new Console(nationalPage);
    await national.useLanguage(lang, baseURL!);
    await national.signInAs('national@demo.jisr.ma');
    await nationalPage.goto('/admin/report?indicator=enrolled&rows=region');
    await expect(nationalPage.locator('#chart-regions svg g[data-region]')).toHaveCount(12);
    await expect(nationalPage.locator('#chart-regions .chart-target')).toHaveCount(12);
    await expect(nationalPage.locator('#chart-map svg g[data-region]')).toHaveCount(12);
    await noViolation(nationalPage, 'national report');
    await shot(nationalPage, `report-national-${lang}-tablet`);
    await nationalPage.setViewportSize({ width: 360, height: 640 });
    await shot(nationalPage, `report-national-${lang}-phone`);
    await nationalContext.close();

    // A partner viewer's home is the report, every figure as it stood when the month began,
    // small numbers shown "< 5", no link to any list, no period to ask.
    const partnerContext = await browser.newContext({ baseURL, viewport: TABLET, hasTouch: true });
    const partnerPage = await partnerContext.newPage();
    const partner = new Console(partnerPage);
    await partner.useLanguage(lang, baseURL!);
    await partner.signInAs('partenaire@demo.jisr.ma');
    await expect(partnerPage.locator('#report-partner-note')).toBeVisible();
    await expect(partnerPage.locator('#report-from')).toHaveCount(0);
    await partner.ready();
    await partnerPage.locator('#report-indicator').selectOption('accepted');
    await partnerPage.locator('#report-rows').selectOption('region');
    await partnerPage.locator('#report-columns').selectOption('age_band');
    await partnerPage.locator('.report-form button[type="submit"]').tap();
    await expect(partnerPage).toHaveURL(/columns=age_band/);
    const table = partnerPage.locator('#report-table');
    await expect(table.locator('tbody tr')).toHaveCount(12);
    await expect(table.locator('td[data-shown="Small"]').first()).toHaveText('< 5');
    await expect(partnerPage.locator('#report-suppressed')).toBeVisible();
    await expect(table.locator('a')).toHaveCount(0);
    // No figure shown counts fewer than 5 women.
    for (const text of await table.locator('td[data-shown^="Value"]').allTextContents()) {
      expect(Number(text.replace(/\D/g, ''))).toBeGreaterThanOrEqual(5);
    }
    await noViolation(partnerPage, 'partner report');
    await shot(partnerPage, `report-partner-${lang}-tablet`);
    await partnerPage.setViewportSize({ width: 360, height: 640 });
    await shot(partnerPage, `report-partner-${lang}-phone`);
    // The province crossed with another axis: said next to the form, in her language.
    await partnerPage.goto('/admin/report?indicator=received&rows=province&columns=sector');
    await expect(partnerPage.locator('#report-not-crossed')).toBeVisible();
    await expect(partnerPage.locator('#report-rows')).toHaveValue('province');
    await partnerContext.close();
  });
}
