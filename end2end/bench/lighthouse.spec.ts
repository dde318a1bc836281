import { test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Wizard, someone, type Lang } from '../pages/wizard';

// `make bench`, part (a''): Lighthouse's mobile preset (a mid-range phone, slow 4G and a CPU
// 4x slower, simulated) on every applicants' page and the staff sign-in page, in Arabic and
// French, against the release build (issue 12, aims 4 and 6). Lighthouse comes from the npm
// package in ../lighthouse, which `make bench` installs (`make test` does not need it). A
// report, not a test: it prints each figure beside its aim.
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1);
const LIGHTHOUSE = path.join(__dirname, '../lighthouse/node_modules/.bin/lighthouse');

const STEPS = ['eligibility', 'identity', 'residence', 'situation', 'schooling', 'project', 'preferences', 'consent'];
/** The applicants' pages (aims: performance at least 98, blocking time at most 150 ms). */
const APPLICANT_PAGES = ['/', '/register', ...STEPS.map((step) => `/register/${step}`), '/register/check', '/status'];
const SIGN_IN = '/admin/sign-in';

interface Figures {
  performance: number;
  tbt: number;
  lcp: number;
  bytes: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

/**
 * One Lighthouse run on `url`, sending `cookie` (her language and her draft) with each request.
 * Lighthouse sometimes loses the page load's trace on a busy machine (NO_NAVSTART): it is run
 * again then, up to three times.
 */
function lighthouse(url: string, cookie: string, attempt = 1): Figures {
  const run = spawnSync(
    LIGHTHOUSE,
    [
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    },
  );
  if (run.status !== 0) {
    if (attempt < 3) return lighthouse(url, cookie, attempt + 1);
    throw new Error(`lighthouse ${url}: ${run.stderr || run.error}`);
  }
  const report = JSON.parse(run.stdout);
  if (report.runtimeError) {
    if (attempt < 3) return lighthouse(url, cookie, attempt + 1);
    throw new Error(`lighthouse ${url}: ${report.runtimeError.message}`);
  }
  const score = (category: string) => Math.round(report.categories[category].score * 100);
  return {
    performance: score('performance'),
    tbt: report.audits['total-blocking-time'].numericValue,
    lcp: report.audits['largest-contentful-paint'].numericValue,
    bytes: report.audits['total-byte-weight'].numericValue,
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function medianOf(runs: Figures[]): Figures {
  const of = (key: keyof Figures) => median(runs.map((run) => run[key]));
  return {
    performance: of('performance'),
    tbt: of('tbt'),
    lcp: of('lcp'),
    bytes: of('bytes'),
    accessibility: of('accessibility'),
    bestPractices: of('bestPractices'),
    seo: of('seo'),
  };
}

test('Lighthouse on the applicants pages and the staff sign-in page', async ({ page, baseURL }) => {
  test.setTimeout(30 * 60_000);
  // A draft answered to the end, so every step and the answers page show her answers, as
  // when she comes back to them.
  const wizard = new Wizard(page);
  await wizard.answerEverything(someone());
  const draft = (await page.context().cookies())
    .filter((cookie) => cookie.name !== 'jisr_lang')
    .map((cookie) => `${cookie.name}=${cookie.value}`);

  const lines = [
    `Lighthouse, mobile preset (slow 4G and CPU 4x, simulated), median of ${RUNS}:`,
    '  page                     lang  perf  blocking  LCP      bytes      a11y  practices  SEO',
  ];
  const misses: string[] = [];
  for (const lang of ['ar', 'fr'] as Lang[]) {
    const cookie = [`jisr_lang=${lang}`, ...draft].join('; ');
    for (const pagePath of [...APPLICANT_PAGES, SIGN_IN]) {
      const runs = Array.from({ length: RUNS }, () => lighthouse(baseURL + pagePath, cookie));
      const f = medianOf(runs);
      lines.push(
        `  ${pagePath.padEnd(24)} ${lang}    ${String(f.performance).padStart(4)}  ` +
          `${`${Math.round(f.tbt)} ms`.padStart(8)}  ${`${(f.lcp / 1000).toFixed(1)} s`.padStart(6)}  ` +
          `${`${Math.round(f.bytes / 1000)} KB`.padStart(9)}  ${String(f.accessibility).padStart(4)}  ` +
          `${String(f.bestPractices).padStart(9)}  ${String(f.seo).padStart(3)}`,
      );
      const where = `${pagePath} (${lang})`;
      if (pagePath === SIGN_IN) {
        if (f.lcp > 2500) misses.push(`${where}: LCP ${(f.lcp / 1000).toFixed(1)} s (aim: at most 2.5 s)`);
        continue;
      }
      if (f.performance < 98) misses.push(`${where}: performance ${f.performance} (aim: at least 98)`);
      if (f.tbt > 150) misses.push(`${where}: blocking ${Math.round(f.tbt)} ms (aim: at most 150 ms)`);
      const budget = pagePath === '/' ? 150_000 : 200_000;
      if (f.bytes > budget) {
        misses.push(`${where}: ${Math.round(f.bytes / 1000)} KB opened first (aim: at most ${budget / 1000} KB)`);
      }
    }
  }
  lines.push(
    '  aims: applicants\' pages performance at least 98, blocking time at most 150 ms, / at most',
    '  150 KB and a wizard page opened first at most 200 KB; the sign-in page LCP at most 2.5 s',
  );
  lines.push(...(misses.length ? misses.map((miss) => `  NOT met: ${miss}`) : ['  all met']));
  console.log(lines.join('\n'));
});
