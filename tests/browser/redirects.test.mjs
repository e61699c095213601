// mdBook's fragment redirects ("/first.html#old-part" = "second.html#new-part"): the
// page at the old address follows the part its address names, over http and file://.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileUrl, openPage, startFixture } from "./harness.mjs";

let browser, site, server, fixture;

before(async () => {
  fixture = await startFixture("moved-parts");
  ({ browser, site, server } = fixture);
});

after(() => fixture?.close());

describe("a part of a page that moved", () => {
  test("is followed from the page still there, over http", async () => {
    const page = await openPage(browser, `${server.url}first/#old-part`, { allowedOrigin: new URL(server.url).origin });
    await page.waitForURL(/\/second\/#new-part$/);
    assert.equal(await page.locator("h1").textContent(), "Second chapter");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("is followed from mdBook's old file and from a page that is gone, offline", async () => {
    for (const [old, lands] of [
      ["first.html#old-part", /\/second\/index\.html#new-part$/],
      ["gone.html#kept-part", /\/second\/index\.html#new-part$/],
      ["gone.html", /\/first\/index\.html$/],
    ]) {
      const [path, part] = old.split("#");
      const page = await openPage(browser, fileUrl(site.offline, path) + (part ? `#${part}` : ""));
      await page.waitForURL(lands);
      assert.deepEqual(page.problems, [], old);
      await page.context().close();
    }
  });

  test("a part that stayed stays on its page", async () => {
    const page = await openPage(browser, fileUrl(site.offline, "first/index.html") + "#still-here");
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    assert.match(page.url(), /\/first\/index\.html#still-here$/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
