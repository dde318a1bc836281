import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';
import * as fs from 'node:fs';
import { Console } from '../pages/console';
import { someone, Wizard } from '../pages/wizard';

test('a wrong password is refused with the same message as an unknown account, the right one opens the console', async ({ page, baseURL }) => {
  const console_ = new Console(page);
  await console_.useLanguage('fr', baseURL!);
  await console_.openSignIn();
  await console_.signIn('revue.02@demo.jisr.ma', 'not the password');
  const message = page.locator('#sign-in-message');
  await expect(message).toHaveText('E-mail ou mot de passe incorrect.');
  await console_.signIn('personne@demo.jisr.ma', 'not the password');
  await expect(message).toHaveText('E-mail ou mot de passe incorrect.');
  await console_.signIn('revue.02@demo.jisr.ma');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
});

test('the sign-in page loads no code; signing out comes back to it, and signing in again works', async ({ page, baseURL }) => {
  const console_ = new Console(page);
  await console_.useLanguage('ar', baseURL!);
  const code: string[] = [];
  page.on('request', (request) => {
    if (/\.(js|wasm)$/.test(new URL(request.url()).pathname)) code.push(request.url());
  });
  await console_.openSignIn();
  await page.waitForLoadState('load');
  expect(code, 'code loaded by the sign-in page').toEqual([]);
  await console_.signIn('coordination.05@demo.jisr.ma');
  await expect(page).toHaveURL(/\/admin$/);
  await console_.ready();
  expect(code.some((url) => /\/pkg\/jisr-console\.[0-9a-f]{20}\.wasm$/.test(url)), code.join(' ')).toBe(true);
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await expect(page.locator('#email')).toBeVisible();
  await console_.signIn('coordination.05@demo.jisr.ma');
  await expect(page).toHaveURL(/\/admin$/);
  await console_.ready();
});

test('repeated wrong passwords slow the attempts down, the same for an unknown e-mail, and never lock the account', async ({ page, baseURL }) => {
  const console_ = new Console(page);
  await console_.useLanguage('fr', baseURL!);
  await console_.openSignIn();
  const message = page.locator('#sign-in-message');
  for (const email of ['revue.04@demo.jisr.ma', 'personne.04@demo.jisr.ma']) {
    for (let i = 0; i < 3; i++) {
      await console_.signIn(email, `wrong ${i}`);
      await expect(message).toHaveText('E-mail ou mot de passe incorrect.');
    }
    await console_.signIn(email, 'wrong again');
    await expect(message).toHaveText(/^Trop d'essais de connexion en peu de temps\. Réessayez dans [1-3] secondes?\.$/);
  }
  // After the wait, the right password opens the console: the account was never locked.
  await page.waitForTimeout(3_000);
  await console_.signIn('revue.04@demo.jisr.ma');
  await expect(page).toHaveURL(/\/admin$/);
});

test('a coordinator sees none of another region: not in the list, the page, the export or the server function', async ({ browser, baseURL }) => {
  const national = await browser.newContext({ baseURL });
  const nationalPage = await national.newPage();
  await new Console(nationalPage).signInAs('national@demo.jisr.ma');
  const other = await nationalPage.request.post('/api/admin/applications', { data: { filters: { region: '07' } } });
  const otherId = (await other.json()).rows[0].id as number;
  await national.close();

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const console_ = new Console(page);
  await console_.useLanguage('fr', baseURL!);
  await console_.signInAs('coordination.06@demo.jisr.ma');
  await console_.open('/admin/applications?region=07');
  await expect(page.locator('#result-count')).toContainText('0');
  await console_.open('/admin/applications');
  await expect(page.locator('table.list tbody tr').first()).toBeVisible();

  await page.goto(`/admin/applications/${otherId}`);
  await expect(page.locator('main p.alert')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('JSR-');

  const direct = await page.request.post('/api/admin/application', { form: { id: String(otherId) } });
  expect(direct.status()).toBe(404);
  const export_ = await page.request.get('/admin/export.csv?region=07');
  const lines = (await export_.text()).trim().split('\n');
  expect(lines).toHaveLength(1); // the header only
  await context.close();
});

test('an application submitted through the wizard is reviewed and accepted', async ({ browser, baseURL }) => {
  const applicant = await browser.newContext({ baseURL });
  const phone = await applicant.newPage();
  const wizard = new Wizard(phone);
  await wizard.useLanguage('fr', baseURL!);
  await wizard.answerEverything(someone({ firstName: 'Ghizlane' }));
  const reference = await wizard.submit();
  await applicant.close();

  const staff = await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 } });
  const page = await staff.newPage();
  const console_ = new Console(page);
  await console_.useLanguage('fr', baseURL!);
  await console_.signInAs('coordination.01@demo.jisr.ma');
  await console_.open('/admin/applications');
  await page.getByLabel('Rechercher').fill(reference);
  await page.getByRole('button', { name: 'Chercher' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${reference}`));
  await page.getByRole('link', { name: reference }).click();
  await expect(page.locator('#application-status')).toHaveText('Reçue');
  await expect(page.locator('main')).toContainText('Ghizlane');
  await page.getByRole('button', { name: 'Mettre en étude' }).click();
  await expect(page.locator('#application-status')).toHaveText('En étude');
  await page.getByRole('button', { name: 'Accepter' }).click();
  await expect(page.locator('#application-status')).toHaveText('Acceptée');
  await expect(page.locator('ol.history')).toContainText('Coordinatrice 01');
  // Back returns to the filtered list.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`q=${reference}`));
  await staff.close();
});

test('the dashboard updates by itself when another browser submits an application', async ({ browser, baseURL }) => {
  const staff = await browser.newContext({ baseURL });
  const page = await staff.newPage();
  const console_ = new Console(page);
  await console_.signInAs('national@demo.jisr.ma');
  await expect(page.locator('#dashboard')).toHaveAttribute('data-live', 'open');
  const before = Number(await console_.figure('applications').getAttribute('data-value'));

  const applicant = await browser.newContext({ baseURL });
  const wizard = new Wizard(await applicant.newPage());
  await wizard.useLanguage('fr', baseURL!);
  await wizard.answerEverything(someone());
  await wizard.submit();
  await applicant.close();

  // Other tests submit at the same time (two workers): the figure grows by at least hers,
  // without the page being loaded again.
  await expect
    .poll(async () => Number(await console_.figure('applications').getAttribute('data-value')))
    .toBeGreaterThan(before);
  await staff.close();
});

test('the export downloads exactly the filtered rows', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const page = await context.newPage();
  const console_ = new Console(page);
  await console_.useLanguage('fr', baseURL!);
  await console_.signInAs('coordination.06@demo.jisr.ma');
  await console_.open('/admin/applications?status=under_review');
  const count = Number((await page.locator('#result-count').textContent())!.replace(/\D/g, ''));
  expect(count).toBeGreaterThan(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Exporter en CSV' }).click(),
  ]);
  // Opens right in a French spreadsheet: `;` between fields, columns and answers in words.
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trim().split('\n');
  expect(csv).toHaveLength(count + 1);
  expect(csv[0].startsWith('Dossier;Statut;Déposée le;')).toBe(true);
  expect(csv.slice(1).every((line) => line.split(';')[1] === 'En étude')).toBe(true);
  expect(csv.slice(1).every((line) => /;0[67]( \d\d){4};/.test(line))).toBe(true);
  await context.close();
});

test('the console reads right to left in Arabic', async ({ page, baseURL }) => {
  const console_ = new Console(page);
  await console_.useLanguage('ar', baseURL!);
  await console_.signInAs('coordination.03@demo.jisr.ma');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('لوحة القيادة');
  await console_.open('/admin/applications');
  await expect(page.locator('table.list tbody tr').first()).toBeVisible();
});

for (const lang of ['ar', 'fr'] as const) {
  test(`axe finds no violation on the console pages in ${lang}`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const console_ = new Console(page);
    await console_.useLanguage(lang, baseURL!);
    await console_.openSignIn();
    const check = async (where: string) => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(results.violations.map((v) => `${where} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    };
    await check('sign-in');
    await console_.signIn('national@demo.jisr.ma');
    await expect(page).toHaveURL(/\/admin$/);
    await console_.ready();
    await expect(page.locator('#dashboard table').first()).toBeVisible();
    await check('dashboard');
    await console_.open('/admin/applications');
    await expect(page.locator('table.list tbody tr').first()).toBeVisible();
    await check('list');
    await page.locator('table.list tbody tr a').first().click();
    await expect(page.locator('#application-status')).toBeVisible();
    await check('application');
    await console_.open('/admin/staff');
    await expect(page.locator('table.list')).toBeVisible();
    await check('staff');
    await context.close();
  });
}
