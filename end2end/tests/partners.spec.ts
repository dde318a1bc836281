import { expect, test, type Page } from '../fixtures';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { noViolation } from '../pages/axe';
import { Console } from '../pages/console';

/** Where the suite leaves its screenshots (see phone-and-tablet.spec.ts). */
const SHOTS = path.join(__dirname, '..', 'screenshots');
const TABLET = { width: 1024, height: 768 };

const SAYS = {
  fr: { nav: 'Clés des partenaires', title: "Clés d'accès des partenaires", region: 'Casablanca-Settat', days: 'Entrez un nombre de jours entre 1 et 366.' },
  ar: { nav: 'مفاتيح الشركاء', title: 'مفاتيح ولوج الشركاء', region: 'الدار البيضاء سطات', days: 'أدخلي عدد أيام بين 1 و366.' },
};

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

for (const lang of ['fr', 'ar'] as const) {
  test(`partner keys in ${lang}: issued on a tablet, shown once, opening the API until revoked`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: TABLET, hasTouch: true });
    const page = await context.newPage();
    const console_ = new Console(page);
    await console_.useLanguage(lang, baseURL!);
    await console_.signInAs('national@demo.jisr.ma');
    await page.getByRole('link', { name: SAYS[lang].nav, exact: true }).tap();
    await expect(page).toHaveURL(/\/admin\/partners$/);
    await expect(page.locator('h1')).toHaveText(SAYS[lang].title);
    await console_.ready();

    // A validity the form refuses: the message beside the field, the name kept.
    const name = `Conseil régional ${lang} ${Date.now()}`;
    await page.locator('#key-name').fill(name);
    await page.locator('#key-region').selectOption({ label: SAYS[lang].region });
    await page.locator('#key-days').fill('400');
    await page.getByRole('button', { name: lang === 'fr' ? 'Émettre une clé' : 'إصدار مفتاح' }).tap();
    await expect(page.locator('#key-days-error')).toHaveText(SAYS[lang].days);
    await expect(page.locator('#key-name')).toHaveValue(name);
    await expect(page.locator('#issued-key')).toHaveCount(0);

    await page.locator('#key-days').fill('30');
    await page.getByRole('button', { name: lang === 'fr' ? 'Émettre une clé' : 'إصدار مفتاح' }).tap();
    const shown = page.locator('#issued-key code');
    await expect(shown).toHaveText(/^jisr_pk_[0-9a-f]{64}$/);
    const key = (await shown.textContent())!;
    const row = page.locator('#partner-keys tbody tr', { hasText: name });
    await expect(row).toHaveAttribute('data-state', 'active');
    await expect(row).toContainText(SAYS[lang].region);
    await expect(row).toContainText(key.slice(0, 14));
    expect(await row.textContent()).not.toContain(key.slice(14));
    await noViolation(page, 'partner keys');
    await shot(page, `partners-${lang}-tablet`);
    await page.setViewportSize({ width: 360, height: 640 });
    await shot(page, `partners-${lang}-phone`);
    // The key wraps on a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize(TABLET);

    // The key opens the API, for its region.
    const api = await page.request.get('/api/partner/v1/indicators', { headers: { Authorization: `Bearer ${key}` } });
    expect(api.status()).toBe(200);
    expect((await api.json()).scope.region).toBe('06');

    // Once away from the page, the key is not shown again.
    await page.reload();
    await console_.ready();
    await expect(page.locator('#issued-key')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(key);

    // Revoked: the API refuses it.
    // Revoking asks first: cancelled, the key stays; confirmed, it is revoked.
    await row.getByRole('button', { name: lang === 'fr' ? 'Révoquer' : 'إبطال', exact: true }).tap();
    await row.getByRole('button', { name: lang === 'fr' ? 'Annuler' : 'إلغاء', exact: true }).tap();
    await expect(row).toHaveAttribute('data-state', 'active');
    await row.getByRole('button', { name: lang === 'fr' ? 'Révoquer' : 'إبطال', exact: true }).tap();
    await expect(row.locator('.confirm')).toBeVisible();
    await noViolation(page, 'partner keys, revoking');
    await shot(page, `partners-revoking-${lang}-tablet`);
    await row.getByRole('button', { name: lang === 'fr' ? 'Oui, révoquer' : 'نعم، إبطال' }).tap();
    await expect(row).toHaveAttribute('data-state', 'revoked');
    const refused = await page.request.get('/api/partner/v1/indicators', { headers: { Authorization: `Bearer ${key}` } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe('invalid_key');
    await context.close();
  });
}
