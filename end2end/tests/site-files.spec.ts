import { expect, test } from '../fixtures';

/** The preload links of a page's HTML, in order. */
function preloads(html: string): string[] {
  return [...html.matchAll(/<link[^>]*rel="(?:module)?preload"[^>]*>/g)].map(
    (tag) => /href="([^"]+)"/.exec(tag[0])?.[1] ?? '',
  );
}

test("the console's code is named after its content and kept a year, like the applicants'", async ({ request }) => {
  const html = await (await request.get('/admin/sign-in')).text();
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
