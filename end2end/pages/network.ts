import type { Page } from '@playwright/test';

/**
 * A woman on a modest phone over a slow mobile connection (issue 12): Chromium's "slow 3G" as
 * Lighthouse has it, 400 ms of latency and 400 kbit/s each way, the CPU four times slower.
 */
export async function slowConnection(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** Answers the eligibility step as a woman who can join, without going on. */
export async function answerEligibility(page: Page) {
  await page.locator('input[name="adult"][value="yes"]').check();
  await page.locator('main [name="region"]').selectOption('01');
  await page.locator('input[name="has_project"][value="yes"]').check();
  await page.locator('input[name="situations"][value="widowed"]').check();
  await page.locator('input[name="situations"][value="no_income"]').check();
}
