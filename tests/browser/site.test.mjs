// Navigation, file:// use, cross-reference behaviour and accessibility in Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, fileUrl, openPage, startFixture } from "./harness.mjs";

let browser, site, server, fixture;

before(async () => {
  fixture = await startFixture();
  ({ browser, site, server } = fixture);
});

after(() => fixture?.close());

const origin = () => new URL(server.url).origin;

describe("over http", () => {
  test("home and article pages have no accessibility violations", async () => {
    for (const path of ["", "patterns/dismissive-family/", "effects/alexithymia/", "glossary/", "references/", "paths/start-here/", "tags/"]) {
      const page = await openPage(browser, server.url + path, { allowedOrigin: origin() });
      assert.deepEqual(await axeViolations(page), [], `axe on /${path}`);
      assert.deepEqual(page.problems, [], `problems on /${path}`);
      await page.context().close();
    }
  });

  test("following links from home reaches an article and back", async () => {
    const page = await openPage(browser, server.url, { allowedOrigin: origin() });
    await page.getByRole("link", { name: "The dismissive family" }).first().click();
    await page.waitForURL(/patterns\/dismissive-family\/$/);
    assert.equal(await page.locator("h1").textContent(), "The dismissive family");
    await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Patterns" }).click();
    await page.waitForURL(/patterns\/$/);
    assert.equal(await page.locator("h1").textContent(), "Patterns");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("a wikilink to a heading lands on the heading", async () => {
    const page = await openPage(browser, server.url + "patterns/dismissive-family/", { allowedOrigin: origin() });
    await page.getByRole("link", { name: "the effects" }).click();
    await page.waitForURL(/effects\/alexithymia\/#naming-feelings$/);
    const top = await page.locator("#naming-feelings").evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 200, `heading should be at the top of the viewport, is at ${top}`);
    await page.context().close();
  });

  test("glossary definitions are reachable by keyboard", async () => {
    const page = await openPage(browser, server.url + "patterns/dismissive-family/", { allowedOrigin: origin() });
    const term = page.locator(".term a").first();
    const definition = page.locator(".term .term-def").first();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await term.evaluate((a) => document.activeElement === a);
    }
    assert.ok(reached, "the glossary term can be focused with Tab");
    const box = await definition.boundingBox();
    assert.ok(box && box.height > 10 && box.width > 50, `definition visible on focus: ${JSON.stringify(box)}`);
    assert.equal(await term.getAttribute("aria-describedby"), await definition.getAttribute("id"));
    await page.context().close();
  });

  test("the theme toggle switches to dark and remembers it", async () => {
    const page = await openPage(browser, server.url, { allowedOrigin: origin() });
    const toggle = page.locator(".theme-toggle");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false", "Chromium here prefers light");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    await page.reload();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    assert.deepEqual(await axeViolations(page), [], "dark theme contrast");
    await page.context().close();
  });

  test("pages reflow at 320px without horizontal scrolling", async () => {
    const page = await openPage(browser, server.url + "patterns/dismissive-family/", { allowedOrigin: origin() });
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await page.context().close();
  });
});

describe("from file:// (offline build)", () => {
  test("navigation works with no server", async () => {
    const page = await openPage(browser, fileUrl(site.offline));
    await page.getByRole("link", { name: "The dismissive family" }).first().click();
    await page.waitForURL(/patterns\/dismissive-family\/index\.html$/);
    assert.equal(await page.locator("h1").textContent(), "The dismissive family");
    await page.getByRole("link", { name: "Alexithymia" }).first().click();
    await page.waitForURL(/effects\/alexithymia\/index\.html$/);
    await page.getByRole("link", { name: "Home" }).first().click();
    await page.waitForURL(/\/offline\/index\.html$/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("article pages have no accessibility violations and load their scripts", async () => {
    const page = await openPage(browser, fileUrl(site.offline, "effects/alexithymia/index.html"));
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await page.locator(".theme-toggle").isVisible(), true, "attune.js ran under the CSP");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
