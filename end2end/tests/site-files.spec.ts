import { expect, test } from '../fixtures';
import { Console } from '../pages/console';

/** The preload links of a page's HTML, in order. */
function preloads(html: string): string[] {
  return [...html.matchAll(/<link[^>]*rel="(?:module)?preload"[^>]*>/g)].map(
    (tag) => /href="([^"]+)"/.exec(tag[0])?.[1] ?? '',
  );
}

/** The lazy pages and the name `#[lazy_route]` gives each one's view (app/src/preloads.rs). */
const LAZY_PAGES: [string, string][] = [
  ...['eligibility', 'identity', 'residence', 'situation', 'schooling', 'project', 'preferences', 'consent'].map(
    (step): [string, string] => [`/register/${step}`, `${step}_step`],
  ),
  ['/register/check', 'check'],
  ['/register/submitted', 'submitted'],
  ['/register/resume', 'resume'],
  ['/status', 'status'],
];

test('every answer for a lazy page lists the same preloads, its own code among them, each once', async ({ request }) => {
  const seen = new Map<string, string>();
  const served = new Set<string>();
  // Twice round, with the landing page and the console's pages in between: a first answer of
  // a fresh server, and answers after a console page, carry them as every other one does.
  for (const round of [1, 2]) {
    for (const [path, view] of LAZY_PAGES) {
      const answer = await request.get(path, { maxRedirects: 0 });
      await request.get(round === 1 ? '/admin/sign-in' : '/');
      if (answer.status() !== 200) {
        // The check and confirmation pages send her to the wizard without a draft.
        expect([303, 302, 307], path).toContain(answer.status());
        continue;
      }
      const links = preloads(await answer.text());
      const own = new RegExp(String.raw`^/pkg/split___${view}_view_\d+\.[\w-]+\.wasm$`);
      expect(links.filter((href) => own.test(href)), `${path}: ${links.join(' ')}`).toHaveLength(1);
      expect(links.some((href) => /^\/pkg\/__wasm_split\.[\w-]+\.js$/.test(href)), path).toBe(true);
      expect(new Set(links).size, `${path} lists a file twice`).toBe(links.length);
      const list = links.join(' ');
      expect(seen.get(path) ?? list, `${path}, answer ${round}`).toBe(list);
      seen.set(path, list);
      for (const href of links.filter((href) => !href.includes('/jisr.'))) served.add(href);
    }
  }
  for (const path of ['/register/eligibility', '/register/identity', '/register/resume', '/status']) {
    expect(seen.has(path), `${path} answered 200`).toBe(true);
  }
  for (const href of served) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
});

test("the console's code is named after its content and kept a year, like the applicants'", async ({ page }) => {
  // The sign-in page carries no code: the console's pages, once signed in, do.
  await new Console(page).signInAs('national@demo.jisr.ma');
  const request = page.request;
  const html = await (await request.get('/admin')).text();
  const links = preloads(html);
  const js = links.find((href) => href.includes('jisr-console'));
  const wasm = links.find((href) => href.endsWith('.wasm'));
  expect(js).toMatch(/^\/pkg\/jisr-console\.[0-9a-f]{20}\.js$/);
  expect(wasm).toMatch(/^\/pkg\/jisr-console\.[0-9a-f]{20}\.wasm$/);
  for (const file of [js!, wasm!]) {
    const answer = await request.get(file);
    expect(answer.status(), file).toBe(200);
    expect(answer.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  }
});
