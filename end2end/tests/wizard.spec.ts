import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '../fixtures';
import { someone, Wizard } from '../pages/wizard';

const SUBMITTED = { fr: 'Votre inscription est envoyée', ar: 'تم إرسال تسجيلك' };

for (const lang of ['fr', 'ar'] as const) {
  test(`the whole wizard runs in the browser without a reload, in ${lang}`, async ({ page, baseURL }) => {
    const wizard = new Wizard(page);
    await wizard.useLanguage(lang, baseURL!);
    await page.goto('/register/eligibility');
    await wizard.waitForHydration();
    // Set on the first page: a full page load anywhere below would lose it.
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await wizard.eligibility();
    await wizard.identity(someone({ firstName: lang === 'ar' ? 'فاطمة' : 'Fatima' }));
    await wizard.residence();
    await wizard.situation();
    await wizard.schooling();
    await wizard.project();
    await wizard.preferences();
    await wizard.consent();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const reference = await wizard.submit();
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await expect(page.getByText(SUBMITTED[lang])).toBeVisible();
    await expect(page.locator('#reference')).toHaveAttribute('dir', 'ltr');
    expect(reference).toMatch(/^JSR-/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole wizard works with plain forms, in Arabic', async ({ page, baseURL }) => {
    const wizard = new Wizard(page);
    await wizard.useLanguage('ar', baseURL!);
    const who = someone({ firstName: 'خديجة', lastName: 'بناني' });
    await page.goto('/register/eligibility');
    // A refused answer comes back with everything typed.
    await wizard.choose('adult', 'yes');
    await wizard.continue();
    await expect(page.locator('#error-summary')).toBeVisible();
    await expect(wizard.errorFor('region')).toHaveText('هذا الجواب إلزامي.');
    await expect(page.locator('input[name="adult"][value="yes"]')).toBeChecked();
    await wizard.eligibility();
    await wizard.identity(who);
    await wizard.residence();
    await wizard.situation();
    await wizard.schooling();
    await wizard.project();
    await wizard.preferences();
    await wizard.consent();
    await expect(page.getByText('خديجة')).toBeVisible();
    const reference = await wizard.submit();
    await expect(page.getByText(SUBMITTED.ar)).toBeVisible();

    await page.goto('/status');
    await wizard.field('reference').fill(reference);
    await wizard.field('identity').fill(who.cin);
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('.status-word')).toHaveText('تم الاستلام: ملفك في انتظار الدراسة.');
  });
});

test('refused answers are explained next to each field and in a summary that takes the focus', async ({ page, baseURL }) => {
  const wizard = new Wizard(page);
  await wizard.useLanguage('fr', baseURL!);
  await page.goto('/register/eligibility');
  await wizard.waitForHydration();
  await wizard.eligibility();
  await wizard.expectStep('identity');

  // Instant feedback when she leaves a field.
  await wizard.field('phone').fill('05 22 00 00 00');
  await wizard.field('email').focus();
  await expect(wizard.errorFor('phone')).toContainText('numéro de mobile marocain');
  await wizard.field('phone').fill('06 12 34 56 78');
  await wizard.field('email').focus();
  await expect(wizard.errorFor('phone')).toHaveCount(0);

  await wizard.fillIdentity(someone({ firstName: 'F4tima', cin: '123', birthDate: '2015-06-01' }));
  await wizard.continue();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(3);
  await expect(wizard.errorFor('first_name')).toContainText('seulement des lettres');
  await expect(wizard.errorFor('cin')).toContainText('une ou deux lettres suivies de chiffres');
  await expect(wizard.errorFor('birth_date')).toContainText('18 ans ou plus');
  await expect(wizard.field('cin')).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.field('first_name')).toHaveValue('F4tima');
  await summary.getByRole('link').first().click();
  await expect(wizard.field('first_name')).toBeFocused();

  // Not eligible: told why and where to turn; nothing kept.
  await page.goto('/register/eligibility');
  await wizard.choose('adult', 'no');
  await wizard.field('region').selectOption('abroad');
  await wizard.choose('has_project', 'no');
  // "None of these" with a situation still ticked from before is asked again, plainly.
  await wizard.choose('situations', 'none');
  await wizard.continue();
  await expect(wizard.errorFor('situations')).toContainText('« Aucune de ces situations » avec une autre situation');
  await page.locator('input[name="situations"][value="widowed"]').uncheck();
  await page.locator('input[name="situations"][value="no_income"]').uncheck();
  await wizard.continue();
  const verdict = page.locator('.verdict');
  await expect(verdict).toContainText('réservé aux femmes de 18 ans ou plus');
  await expect(verdict).toContainText('Entraide Nationale');
});

test('a reload in the middle keeps every answer, saved or being typed', async ({ page, baseURL }) => {
  const wizard = new Wizard(page);
  await wizard.useLanguage('fr', baseURL!);
  await page.goto('/register/eligibility');
  await wizard.waitForHydration();
  await wizard.eligibility();
  const who = someone();
  await wizard.fillIdentity(who);
  await page.reload();
  await wizard.waitForHydration();
  await expect(wizard.field('cin')).toHaveValue(who.cin);
  await expect(wizard.field('phone')).toHaveValue(who.phone);
  await wizard.continue();
  await wizard.expectStep('residence');
  await page.goto('/register/eligibility');
  await expect(page.locator('input[name="situations"][value="no_income"]')).toBeChecked();
});

test('switching language keeps every answer', async ({ page, baseURL }) => {
  const wizard = new Wizard(page);
  await wizard.useLanguage('fr', baseURL!);
  await page.goto('/register/eligibility');
  await wizard.waitForHydration();
  await wizard.eligibility();
  const who = someone();
  await wizard.fillIdentity(who);
  await page.locator('a[hreflang="ar"]').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await wizard.waitForHydration();
  await expect(wizard.field('first_name')).toHaveValue(who.firstName);
  await expect(wizard.field('cin')).toHaveValue(who.cin);
  await expect(wizard.field('cin')).toHaveAttribute('dir', 'ltr');
  await wizard.continue();
  await wizard.expectStep('residence');
  await expect(page.getByText('طنجة تطوان الحسيمة')).toBeVisible();
});

test('a draft is taken up in another browser with the resume code and the date of birth', async ({ page, browser, baseURL }) => {
  const wizard = new Wizard(page);
  await wizard.useLanguage('fr', baseURL!);
  await page.goto('/register/eligibility');
  await wizard.waitForHydration();
  await wizard.eligibility();
  const who = someone();
  await wizard.identity(who);
  await wizard.residence();
  await wizard.expectStep('situation');
  const code = (await page.locator('.resume-code .code').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);

  const other = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const phone = await other.newPage();
  await phone.goto('/register/resume');
  const resumed = new Wizard(phone);
  await resumed.waitForHydration();
  await resumed.field('resume_code').fill(code.toLowerCase());
  await resumed.fillDate('birth_date', who.birthDate);
  await phone.locator('main form button[type="submit"]').click();
  await resumed.expectStep('situation');
  await phone.goto('/register/identity');
  await expect(resumed.field('cin')).toHaveValue(who.cin);
  await other.close();
});

test('a CIN that already has an application goes through like any other, and nothing tells it apart', async ({ page, browser, baseURL }) => {
  // Three registrations from start to end.
  test.setTimeout(90_000);
  const wizard = new Wizard(page);
  await wizard.useLanguage('fr', baseURL!);
  const who = someone();
  await wizard.answerEverything(who);
  const reference = await wizard.submit();

  // Someone who knows her CIN starts a registration with it, and one with a CIN nobody used:
  // both go on to the next step, with the same page.
  const seen: string[] = [];
  for (const cin of [who.cin.toLowerCase(), someone().cin]) {
    const other = await browser.newContext();
    await other.addCookies([{ name: 'jisr_lang', value: 'fr', url: baseURL! }]);
    const again = new Wizard(await other.newPage());
    await again.page.goto('/register/eligibility');
    await again.waitForHydration();
    await again.eligibility();
    await again.identity(someone({ cin, firstName: 'Amina' }));
    await again.expectStep('residence');
    await expect(again.page.locator('.field-error')).toHaveCount(0);
    seen.push(await again.page.locator('main h1').innerText());
    await again.residence();
    await again.situation();
    await again.schooling();
    await again.project();
    await again.preferences();
    await again.consent();
    await expect(again.page).toHaveURL(/\/register\/check$/);
    const second = await again.submit();
    expect(second).not.toBe(reference);
    await expect(again.page.locator('main')).not.toContainText(reference);
    await expect(again.page.locator('main')).not.toContainText(who.firstName);
    await other.close();
  }
  expect(seen[0]).toBe(seen[1]);

  const other = await browser.newContext();
  await other.addCookies([{ name: 'jisr_lang', value: 'fr', url: baseURL! }]);
  const again = new Wizard(await other.newPage());

  await again.page.goto('/status');
  await again.waitForHydration();
  await again.field('reference').fill(reference);
  await again.field('identity').fill('14/03/1985');
  await again.page.locator('main form button[type="submit"]').click();
  await expect(again.page.locator('.status-word')).toHaveText('Reçu : votre dossier attend d\'être étudié.');
  await again.field('identity').fill('01/01/1990');
  await again.page.locator('main form button[type="submit"]').click();
  await expect(again.page.locator('#status-result')).toContainText('Aucun dossier ne correspond');
  await other.close();
});

test('a double tap and a resubmitted form make one application', async ({ page, baseURL }) => {
  const wizard = new Wizard(page);
  await wizard.useLanguage('fr', baseURL!);
  await wizard.answerEverything(someone());
  await wizard.waitForHydration();
  const key = await page.locator('input[name="idempotency_key"]').inputValue();
  const submits: string[] = [];
  page.on('request', (r) => r.url().includes('/api/wizard/submit') && submits.push(r.url()));
  await page.locator('main form button[type="submit"]').dblclick();
  await expect(page).toHaveURL(/\/register\/submitted$/);
  const reference = (await page.locator('#reference').textContent())!.trim();
  expect(submits.length).toBeLessThanOrEqual(1);
  // The same form posted again, as a retry after a timeout would.
  const retry = await page.request.post('/register/check', { form: { idempotency_key: key }, maxRedirects: 0 });
  expect(retry.status()).toBe(303);
  await page.goto('/register/submitted');
  await expect(page.locator('#reference')).toHaveText(reference);
});

async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(results.violations.map((v) => `${where}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

for (const lang of ['ar', 'fr'] as const) {
  test(`axe finds no violation on any step in ${lang}`, async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const wizard = new Wizard(page);
    await wizard.useLanguage(lang, baseURL!);
    const steps: [string, () => Promise<void>][] = [
      ['eligibility', () => wizard.eligibility()],
      ['identity', () => wizard.identity(someone())],
      ['residence', () => wizard.residence()],
      ['situation', () => wizard.situation()],
      ['schooling', () => wizard.schooling()],
      ['project', () => wizard.project()],
      ['preferences', () => wizard.preferences()],
      ['consent', () => wizard.consent()],
    ];
    await page.goto('/register/eligibility');
    await wizard.waitForHydration();
    for (const [slug, answer] of steps) {
      await wizard.expectStep(slug);
      await expectNoAxeViolations(page, slug);
      await answer();
    }
    await expect(page).toHaveURL(/\/register\/check$/);
    await expectNoAxeViolations(page, 'check');
    await wizard.submit();
    await expectNoAxeViolations(page, 'submitted');
    // A form with refused answers, and the status lookup.
    await page.goto('/register/resume');
    await wizard.waitForHydration();
    await page.locator('main form button[type="submit"]').click();
    await expect(page.locator('#error-summary')).toBeVisible();
    await expectNoAxeViolations(page, 'resume with errors');
    await page.goto('/status');
    await wizard.waitForHydration();
    await expectNoAxeViolations(page, 'status');
  });
}
