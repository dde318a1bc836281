import { expect, test, type Page } from '../fixtures';
import type { BrowserContext } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { noViolation } from '../pages/axe';
import { Console } from '../pages/console';
import { someone, Wizard, type Lang } from '../pages/wizard';

/** Where the suite leaves its screenshots (see phone-and-tablet.spec.ts). */
const SHOTS = path.join(__dirname, '..', 'screenshots');
const TABLET = { width: 1024, height: 768 };

/** Each language's run works in a region of its own, apart from the other tests'. */
const RUNS: { lang: Lang; region: string }[] = [
  { lang: 'fr', region: '04' },
  { lang: 'ar', region: '05' },
];

/** What each page says, in each language. */
const SAYS = {
  fr: {
    enrolled: /^3 femmes inscrites\.$/,
    scheduled: 'Séance programmée.',
    marksSaved: (n: number) => (n === 1 ? `${n} marque enregistrée.` : `${n} marques enregistrées.`),
    visit: /Visite enregistrée/,
    milestone: 'Étape confirmée.',
    line: 'Financement approuvé.',
    nextSession: 'Votre prochaine séance',
    take: "Faire l'appel",
  },
  ar: {
    enrolled: /^سُجلت 3 نساء\.$/,
    scheduled: 'تمت برمجة الحصة.',
    marksSaved: (n: number) => (n === 1 ? 'حُفظت علامة واحدة.' : `حُفظت ${n} علامات.`),
    visit: /سُجلت الزيارة/,
    milestone: 'تم تأكيد المرحلة.',
    line: 'تمت المصادقة على التمويل.',
    nextSession: 'حصتك المقبلة',
    take: 'تسجيل الحضور',
  },
};

/** A day in Morocco, `yyyy-mm-dd`, `days` from today. */
function moroccanDay(days = 0): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(at);
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.screenshot({ path: path.join(SHOTS, `${name}-full.png`), fullPage: true });
}

/** A tablet in a centre or an incubator, touch first. */
async function tablet(browser: import('@playwright/test').Browser, baseURL: string, lang: Lang, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, viewport: TABLET, hasTouch: true, javaScriptEnabled });
  await context.addCookies([{ name: 'jisr_lang', value: lang, url: baseURL }]);
  return context;
}

async function signedIn(context: BrowserContext, email: string) {
  const page = await context.newPage();
  const console_ = new Console(page);
  await console_.signInAs(email);
  return { page, console_ };
}

for (const { lang, region } of RUNS) {
  test(`after acceptance, in ${lang}: a cohort, three women, a session, its attendance with and without JavaScript, a visit, a milestone, a tranche paid, and her next session`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const says = SAYS[lang];

    // She registers on her phone and is accepted.
    const phoneContext = await browser.newContext({ baseURL });
    const phone = await phoneContext.newPage();
    const wizard = new Wizard(phone);
    await wizard.useLanguage(lang, baseURL!);
    const her = someone({ firstName: lang === 'fr' ? 'Rkia' : 'رقية' });
    await wizard.answerEverything(her, region);
    const reference = await wizard.submit();

    const coordinatorContext = await tablet(browser, baseURL!, lang);
    const { page, console_ } = await signedIn(coordinatorContext, `coordination.${region}@demo.jisr.ma`);
    await console_.open(`/admin/applications?q=${reference}`);
    await page.locator('.reference-text', { hasText: reference }).first().tap();
    await expect(page.locator('dl.answers')).toBeVisible();
    await page.locator('.decision .actions button').first().tap(); // start the review
    await expect(page.locator('#application-status')).toHaveAttribute('class', /status-under_review/);
    await page.locator('.decision .actions button').first().tap(); // accept
    await expect(page.locator('#application-status')).toHaveAttribute('class', /status-accepted/);

    // A cohort in one of the region's incubators, with its coach.
    await console_.open('/admin/cohorts');
    const name = `Cohorte e2e ${lang} ${Date.now() % 100000}`;
    const form = page.locator('form[aria-labelledby="cohort-form-title"]');
    // The incubator whose coach is `coach.NN@`: Salma Coach NN (the other's is "… B").
    const coachName = `Salma Coach ${region}`;
    for (const index of [1, 2]) {
      await form.locator('#cohort-site').selectOption({ index });
      await expect(form.locator('#cohort-coach option')).toHaveCount(2);
      if ((await form.locator('#cohort-coach option').nth(1).textContent()) === coachName) break;
    }
    await form.locator('#cohort-coach').selectOption({ label: coachName });
    await form.locator('#cohort-name').fill(name);
    await form.locator('#cohort-starts').fill(moroccanDay(-7));
    await form.locator('#cohort-ends').fill(moroccanDay(90));
    await form.locator('#cohort-capacity').fill('20');
    await form.locator('button[type="submit"]').tap();
    // Opened, the cohort's page comes, to enrol its women.
    await expect(page).toHaveURL(/\/admin\/cohorts\/\d+$/);
    await expect(page.locator('h1')).toContainText(name);
    const cohortPath = new URL(page.url()).pathname;
    await console_.open('/admin/cohorts');
    await expect(page.getByRole('link', { name })).toBeVisible();
    await shot(page, `follow-up-cohorts-${lang}-tablet`);
    await noViolation(page, 'cohorts');
    await page.getByRole('link', { name }).tap();
    await expect(page).toHaveURL(new RegExp(`${cohortPath}$`));
    await console_.ready();

    // Three accepted women: her, and two the seed accepted.
    await page.getByLabel(new RegExp(reference)).tap();
    const others = page.locator('input[name="application_id"]:not(:checked)');
    await others.first().tap();
    await others.first().tap();
    await expect(page.locator('input[name="application_id"]:checked')).toHaveCount(3);
    await page.locator('section[aria-labelledby="enrol-title"] button[type="submit"]').tap();
    await expect(page.locator('#action-message')).toHaveText(says.enrolled);
    await expect(page.locator('#members tbody tr')).toHaveCount(3);

    // A session today.
    await page.locator('#session-module').selectOption('accounting');
    await page.locator('#session-date').fill(moroccanDay());
    await page.locator('#session-time').fill('00:01');
    await page.locator('#session-place').fill(lang === 'fr' ? 'Salle Annexe' : 'قاعة الملحقة');
    await page.locator('#session-trainer').fill('Nadia Benali');
    await page.locator('form[aria-labelledby="session-form-title"] button[type="submit"]').tap();
    await expect(page.locator('#action-message')).toHaveText(says.scheduled);
    await expect(page.locator('#sessions tbody tr')).toHaveCount(1);
    await shot(page, `follow-up-cohort-${lang}-tablet`);
    await noViolation(page, 'cohort');
    const sheetPath = await page.locator('#sessions tbody tr a').first().getAttribute('href');

    // Her coach takes attendance on a tablet: two present, her excused with a reason.
    const coachContext = await tablet(browser, baseURL!, lang);
    const coach = await signedIn(coachContext, `coach.${region}@demo.jisr.ma`);
    await expect(coach.page.locator('h1')).toBeVisible();
    await noViolation(coach.page, 'work list');
    await coach.console_.open(cohortPath);
    await coach.page.getByRole('link', { name: says.take }).tap();
    await expect(coach.page).toHaveURL(new RegExp(`${sheetPath}$`));
    await coach.console_.ready();
    const rows = coach.page.locator('fieldset.sheet-row');
    await expect(rows).toHaveCount(3);
    const herRow = rows.filter({ hasText: reference });
    for (const row of await rows.all()) {
      if ((await row.textContent())!.includes(reference)) continue;
      await row.locator('label.choice').nth(0).tap();
    }
    await herRow.locator('label.choice').nth(2).tap();
    await herRow.locator('input[type="text"]').fill(lang === 'fr' ? 'Enfant malade' : 'طفل مريض');
    await coach.page.locator('form.sheet button[type="submit"]').tap();
    await expect(coach.page.locator('#sheet-message')).toHaveText(says.marksSaved(3));
    await expect(coach.page.locator('#sheet-rate')).toContainText('100');
    await shot(coach.page, `follow-up-sheet-${lang}-tablet`);
    await noViolation(coach.page, 'sheet');
    await coach.page.setViewportSize({ width: 360, height: 640 });
    await shot(coach.page, `follow-up-sheet-${lang}-phone`);
    await coach.page.setViewportSize(TABLET);

    // The same sheet on a tablet without JavaScript: a plain form, the page again.
    const plainContext = await tablet(browser, baseURL!, lang, false);
    const plain = await plainContext.newPage();
    await plain.goto('/admin/sign-in');
    await plain.locator('#email').fill(`coach.${region}@demo.jisr.ma`);
    await plain.locator('#password').fill('e2e-staff-password');
    await plain.locator('main form button[type="submit"]').tap();
    await expect(plain).toHaveURL(/\/admin$/);
    await plain.goto(sheetPath!);
    const plainRows = plain.locator('fieldset.sheet-row');
    await expect(plainRows).toHaveCount(3);
    const first = plainRows.filter({ hasNotText: reference }).first();
    await first.locator('label.choice').nth(1).tap();
    await plain.locator('form.sheet button[type="submit"]').tap();
    await expect(plain).toHaveURL(new RegExp(`${sheetPath}\\?saved=1$`));
    await expect(plain.locator('#sheet-message')).toHaveText(says.marksSaved(1));
    await expect(first.locator('label.choice').nth(1).locator('input')).toBeChecked();
    await plainContext.close();
    // axe needs a script of its own: the same page as served, with the page's code held back.
    const servedContext = await tablet(browser, baseURL!, lang);
    await servedContext.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    const served = await servedContext.newPage();
    await served.goto('/admin/sign-in');
    await served.locator('#email').fill(`coach.${region}@demo.jisr.ma`);
    await served.locator('#password').fill('e2e-staff-password');
    await served.locator('main form button[type="submit"]').tap();
    await expect(served).toHaveURL(/\/admin$/);
    await served.goto(`${sheetPath}?saved=1`);
    await expect(served.locator('#sheet-message')).toBeVisible();
    await noViolation(served, 'sheet without JavaScript');
    await servedContext.close();

    // Her page: a visit and a milestone, by her coach.
    await coach.console_.open(cohortPath);
    await coach.page.locator('#members tbody tr', { hasText: reference }).getByRole('link').tap();
    await expect(coach.page).toHaveURL(/\/admin\/beneficiaries\/\d+$/);
    await coach.console_.ready();
    // She starts on the milestone, then records the visit first: what she typed in the
    // milestone stays while the page shows the visit.
    await coach.page.locator('#milestone-panel summary').tap();
    await coach.page.locator('#milestone-which').selectOption('business_plan_drafted');
    await coach.page.locator('#milestone-document').fill('Plan v1');
    await coach.page.locator('#visit-panel summary').tap();
    await coach.page.locator('#visit-kind').selectOption('on_site');
    await coach.page.locator('#visit-notes').fill(lang === 'fr' ? "Visite de l'atelier." : 'زيارة الورشة.');
    await coach.page.locator('#visit-panel button[type="submit"]').tap();
    await expect(coach.page.locator('#action-message')).toHaveText(says.visit);
    await expect(coach.page.locator('#timeline li[data-kind="admin-timeline-visit"]')).toHaveCount(1);
    // The visit's form is emptied and closed; the milestone's is as she left it.
    await expect(coach.page.locator('#visit-panel')).not.toHaveAttribute('open', '');
    await expect(coach.page.locator('#visit-notes')).toHaveValue('');
    await expect(coach.page.locator('#milestone-panel')).toHaveAttribute('open', '');
    await expect(coach.page.locator('#milestone-which')).toHaveValue('business_plan_drafted');
    await expect(coach.page.locator('#milestone-document')).toHaveValue('Plan v1');
    await coach.page.locator('#milestone-panel button[type="submit"]').tap();
    await expect(coach.page.locator('#action-message')).toHaveText(says.milestone);
    await expect(coach.page.locator('tr[data-milestone="business_plan_drafted"]')).toContainText('Plan v1');
    await expect(coach.page.locator('#timeline li[data-kind="admin-timeline-visit"]')).toHaveCount(1);
    await expect(coach.page.locator('#timeline li[data-kind="admin-timeline-excused"]')).toHaveCount(1);
    // A coach does not finance: no form for it.
    await expect(coach.page.locator('#line-panel')).toHaveCount(0);
    const herPage = new URL(coach.page.url()).pathname;
    await coachContext.close();

    // Her coordinator approves her financing, then plans, approves and pays a tranche.
    await console_.open(herPage);
    await page.locator('#line-panel summary').tap();
    await page.locator('#line-kind').selectOption('grant');
    await page.locator('#line-funder').selectOption('indh');
    await page.locator('#line-amount').fill('20 000');
    await page.locator('#line-panel button[type="submit"]').tap();
    await expect(page.locator('#action-message')).toHaveText(says.line);
    await expect(page.locator('#timeline li[data-kind="admin-timeline-financing-approved"]')).toHaveCount(1);
    const line = page.locator('article.financing-line').first();
    await line.locator('input[name="amount"]').fill('10000');
    await line.locator('input[name="planned_on"]').fill(moroccanDay());
    await line.locator('form[aria-label] button[type="submit"]').last().tap();
    const tranche = line.locator('tr[data-tranche]').first();
    await expect(tranche).toHaveAttribute('data-state', 'planned');
    await tranche.locator('button[type="submit"]').tap();
    await expect(tranche).toHaveAttribute('data-state', 'approved');
    await expect(page.locator('#timeline li[data-kind="admin-tranche-approved"]')).toHaveCount(1);
    await tranche.locator('input[name="paid_on"]').fill(moroccanDay());
    await tranche.locator('input[name="payment_reference"]').fill('VIR-2026-0815');
    // A visit recorded meanwhile leaves the payment she is typing as it is.
    await page.locator('#visit-panel summary').tap();
    await page.locator('#visit-kind').selectOption('individual');
    await page.locator('#visit-notes').fill(lang === 'fr' ? 'Point sur le paiement.' : 'متابعة الدفع.');
    await page.locator('#visit-panel button[type="submit"]').tap();
    await expect(page.locator('#timeline li[data-kind="admin-timeline-visit"]')).toHaveCount(2);
    await expect(tranche.locator('input[name="payment_reference"]')).toHaveValue('VIR-2026-0815');
    await tranche.locator('button[type="submit"]').tap();
    await expect(tranche).toHaveAttribute('data-state', 'paid');
    await expect(tranche).toContainText('VIR-2026-0815');
    await shot(page, `follow-up-beneficiary-${lang}-tablet`);
    await noViolation(page, 'beneficiary');
    await console_.open('/admin/sites');
    await expect(page.locator('#sites tbody tr').first()).toBeVisible();
    await noViolation(page, 'sites');
    await console_.open('/admin/follow-up');
    await expect(page.locator('h1')).toBeVisible();
    await noViolation(page, 'work list of a coordinator');
    await console_.open('/admin');
    await expect(page.locator('#follow-up')).toBeVisible();
    // The 10,000 dirhams paid count in the region's INDH line at once (in centimes).
    const paid = page.locator('#funders tr[data-budget="indh"] td[data-figure="paid"]');
    expect(Number(await paid.getAttribute('data-value'))).toBeGreaterThanOrEqual(1_000_000);
    await shot(page, `follow-up-dashboard-${lang}-tablet`);
    await noViolation(page, 'dashboard');
    await page.setViewportSize({ width: 360, height: 640 });
    await shot(page, `follow-up-dashboard-${lang}-phone`);
    await coordinatorContext.close();

    // On her phone, she reads her next session and her coach's first name.
    await phone.goto('/status');
    await wizard.field('reference').fill(reference);
    await wizard.field('identity').fill(her.cin);
    await phone.locator('main form button[type="submit"]').click();
    await expect(phone.locator('#status-next-session')).toContainText(says.nextSession);
    await expect(phone.locator('#status-next-session')).toContainText(lang === 'fr' ? 'Salle Annexe' : 'قاعة الملحقة');
    await expect(phone.locator('#status-coach')).toContainText('Salma');
    await shot(phone, `follow-up-status-${lang}-phone`);
    await noViolation(phone, 'status with her next session');
    await phoneContext.close();
  });
}
