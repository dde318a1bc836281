import { expect, test } from '@playwright/test';
import { LandingPage } from '../pages/landing';

// The test server's quick exit leads to its /healthz (see playwright.config.ts).
const neutral = /\/healthz$/;

test.describe('quick exit, with JavaScript', () => {
  test('the button leaves at once and Back does not return to Jisr', async ({ page }) => {
    await page.goto('about:blank');
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.waitForHydration();
    await page.getByRole('link', { name: 'خروج سريع' }).click();
    await expect(page).toHaveURL(neutral);
    await page.goBack();
    await expect(page).toHaveURL('about:blank');
  });

  test('three presses of Shift leave too', async ({ page }) => {
    const landing = new LandingPage(page);
    await landing.goto();
    await landing.waitForHydration();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await expect(page).toHaveURL(neutral);
  });

  test('it is on every page, in the page language', async ({ page }) => {
    await page.goto('/register');
    await page.goto('/lang/fr?next=/register');
    await expect(page.getByRole('link', { name: 'Quitter vite' })).toBeVisible();
  });
});

test.describe('quick exit, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the button is a plain link to the neutral site', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'خروج سريع' }).click();
    await expect(page).toHaveURL(neutral);
  });
});
