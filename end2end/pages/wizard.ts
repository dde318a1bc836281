import { expect, type Page } from '@playwright/test';

export type Lang = 'ar' | 'fr';

/** A CIN no other test uses: two letters and six digits. */
export function freshCin(): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const pick = () => letters[Math.floor(Math.random() * letters.length)];
  return `${pick()}${pick()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

export interface Identity {
  firstName: string;
  lastName: string;
  cin: string;
  birthDate: string; // YYYY-MM-DD
  phone: string;
}

export function someone(overrides: Partial<Identity> = {}): Identity {
  return {
    firstName: 'Fatima',
    lastName: 'El Amrani',
    cin: freshCin(),
    birthDate: '1985-03-14',
    phone: '06 12 34 56 78',
    ...overrides,
  };
}

/** The registration wizard, driven the way a woman on a phone does it. */
export class Wizard {
  constructor(readonly page: Page) {}

  async useLanguage(lang: Lang, baseURL: string) {
    await this.page.context().addCookies([{ name: 'jisr_lang', value: lang, url: baseURL }]);
  }

  /** Resolves once the WASM runs the page, its lazily loaded form included. */
  async waitForHydration() {
    await expect(this.page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    await expect(this.page.locator('main form').first()).toHaveAttribute('data-ready', 'true');
  }

  field(name: string) {
    return this.page.locator(`main [name="${name}"]`).first();
  }

  async choose(name: string, value: string) {
    await this.page.locator(`input[name="${name}"][value="${value}"]`).check();
  }

  async continue() {
    await this.nextPageReady();
    await this.page.locator('main form button[type="submit"]').click();
  }

  /**
   * With the WASM running, waits for the code of the page the form leads to, as a woman
   * filling the form in gives it time to come: until then a tap loads the next page whole from
   * the server (slow-connection.spec.ts tries that).
   */
  async nextPageReady() {
    const form = this.page.locator('main form[data-ready="true"]').first();
    const action = (await form.count()) > 0 ? await form.getAttribute('action') : null;
    if (action?.startsWith('/register/') && action !== '/register/resume') {
      await expect(form).toHaveAttribute('data-ahead', 'ready');
    }
  }

  async expectStep(slug: string) {
    await expect(this.page).toHaveURL(new RegExp(`/register/${slug}(\\?|$)`));
    // The step's own form: after a tap, the address changes before the next step's page (its
    // code comes lazily) replaces the last one.
    await expect(
      this.page.locator(`main form[action="/register/${slug}"], main .verdict`).first(),
    ).toBeVisible();
  }

  async eligibility(region = '01') {
    await this.expectStep('eligibility');
    await this.choose('adult', 'yes');
    await this.field('region').selectOption(region);
    await this.choose('has_project', 'yes');
    await this.choose('situations', 'widowed');
    await this.choose('situations', 'no_income');
    await this.continue();
  }

  async fillIdentity(who: Identity) {
    await this.expectStep('identity');
    await this.field('first_name').fill(who.firstName);
    await this.field('last_name').fill(who.lastName);
    await this.field('cin').fill(who.cin);
    await this.fillDate('birth_date', who.birthDate);
    await this.field('phone').fill(who.phone);
  }

  /** A date in its three boxes (day, month, year), from YYYY-MM-DD. */
  async fillDate(name: string, isoDate: string) {
    const [year, month, day] = isoDate.split('-');
    await this.field(`${name}_day`).fill(String(Number(day)));
    await this.field(`${name}_month`).fill(String(Number(month)));
    await this.field(`${name}_year`).fill(year);
  }

  async identity(who: Identity) {
    await this.fillIdentity(who);
    await this.continue();
  }

  async residence() {
    await this.expectStep('residence');
    await this.field('province').selectOption({ index: 1 });
    await this.field('locality').fill('Fnideq');
    await this.choose('area', 'urban');
    await this.continue();
  }

  /** Her situation: what the eligibility step did not already say (she is widowed, without income). */
  async situation() {
    await this.expectStep('situation');
    await this.field('dependants').fill('3');
    await this.choose('rsu', 'yes');
    await this.continue();
  }

  async schooling() {
    await this.expectStep('schooling');
    await this.field('education').selectOption('primary');
    await this.choose('reading', 'reads_a_little');
    await this.continue();
  }

  async project() {
    await this.expectStep('project');
    await this.choose('stage', 'informal');
    await this.field('sector').selectOption('agri_food');
    await this.field('description').fill('Je prépare du couscous et des msemen que je vends au marché.');
    await this.choose('support', 'training');
    await this.choose('cooperative_member', 'no');
    await this.choose('budget', '10000_49999');
    await this.continue();
  }

  async preferences() {
    await this.expectStep('preferences');
    await this.field('centre').fill('Tétouan');
    await this.choose('availability', 'mornings');
    await this.choose('training_language', 'darija');
    await this.continue();
  }

  async consent() {
    await this.expectStep('consent');
    await this.choose('consent', 'yes');
    await this.continue();
  }

  /** From the first step to the answers page, in region `region`. */
  async answerEverything(who: Identity, region = '01') {
    await this.page.goto('/register/eligibility');
    await this.eligibility(region);
    await this.identity(who);
    await this.residence();
    await this.situation();
    await this.schooling();
    await this.project();
    await this.preferences();
    await this.consent();
    await expect(this.page).toHaveURL(/\/register\/check$/);
    // The answers page's own code arrives on its own: wait for the page, not just the address.
    await expect(this.page.locator('input[name="idempotency_key"]')).toBeAttached();
  }

  /** Submits from the answers page; returns the reference number. */
  async submit(): Promise<string> {
    await expect(this.page.locator('input[name="idempotency_key"]')).toBeAttached();
    if ((await this.page.locator('html[data-hydrated="true"]').count()) > 0) {
      await expect(this.page.locator('main form').first()).toHaveAttribute('data-ahead', 'ready');
    }
    await this.page.locator('main form button[type="submit"]').click();
    await expect(this.page).toHaveURL(/\/register\/submitted$/);
    const reference = this.page.locator('#reference');
    await expect(reference).toHaveText(/^JSR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    return (await reference.textContent())!.trim();
  }

  errorFor(name: string) {
    return this.page.locator(`#error-${name}`);
  }
}
