// Search in Chromium, online and from file://: exact words, typos, prefixes, synonyms,
// ranking, keyboard use and accessibility with the results open.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, fileUrl, openPage, startFixture } from "./harness.mjs";

let browser, site, server, fixture;

before(async () => {
  fixture = await startFixture();
  ({ browser, site, server } = fixture);
});

after(() => fixture?.close());

// The status names the query its list answers ("3 results for x", "No results for x"),
// so waiting for it proves the list is the one for this query, not an earlier one.
async function results(page, query) {
  const input = page.locator("#site-search-input");
  await input.fill(query);
  await page.waitForFunction((q) => document.querySelector(".search-status").textContent.endsWith(` for ${q}`), query);
  return page.locator("#site-search-results [role=option]:not(.search-more)").evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector(".result-title").textContent,
      heading: li.querySelector(".result-heading")?.textContent || "",
      href: li.getAttribute("data-href"),
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
    })),
  );
}

for (const mode of ["http", "file"]) {
  describe(`search over ${mode}`, () => {
    const open = (path = "") =>
      mode === "http"
        ? openPage(browser, server.url + path, { allowedOrigin: new URL(server.url).origin })
        : openPage(browser, fileUrl(site.offline, path + "index.html"));

    test("an exact word finds its article with the word highlighted", async () => {
      const page = await open();
      const found = await results(page, "alexithymia");
      assert.ok(found.length > 0);
      assert.equal(found[0].title, "Alexithymia");
      assert.ok(found.some((r) => r.marks.some((m) => /alexithymia/i.test(m))), JSON.stringify(found));
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });

    test("a typo still finds the word", async () => {
      const page = await open();
      const found = await results(page, "alexithymya");
      assert.equal(found[0]?.title, "Alexithymia", JSON.stringify(found));
      await page.context().close();
    });

    test("a prefix finds words as you type", async () => {
      const page = await open();
      const found = await results(page, "bounda");
      assert.ok(found.some((r) => r.heading === "Boundaries and closeness"), JSON.stringify(found));
      await page.context().close();
    });

    test("a synonym from book.toml expands the query", async () => {
      const page = await open();
      const found = await results(page, "hyper independence");
      assert.equal(found[0]?.title, "Counter-dependence", JSON.stringify(found));
      await page.context().close();
    });

    test("a section with every query word ranks first", async () => {
      const page = await open();
      const found = await results(page, "caregiver friend");
      assert.equal(found[0]?.heading, "Asking for help", JSON.stringify(found));
      await page.context().close();
    });

    test("keyboard only: / focuses, arrows choose, Enter lands on the section anchor", async () => {
      const page = await open("patterns/dismissive-family/");
      await page.keyboard.press("/");
      assert.equal(await page.evaluate(() => document.activeElement.id), "site-search-input");
      // Typed slower than the search waits for a pause, so lists for "b", "bo", ...
      // open on the way; the arrow comes right after the last letter, while its search
      // is pending: it must choose from the results for "bounda", not from the list
      // for "bound" that is about to be replaced.
      await page.keyboard.type("bound", { delay: 120 });
      await page.waitForFunction(() => document.querySelector(".search-status").textContent.endsWith(" for bound"));
      await page.keyboard.type("a");
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => {
        const input = document.getElementById("site-search-input");
        return input.getAttribute("aria-activedescendant") === "search-option-0"
          && document.querySelector(".search-status").textContent.endsWith(" for bounda");
      });
      await page.keyboard.press("Enter");
      await page.waitForURL(/counter-dependence\/(index\.html)?#boundaries-and-closeness$/);
      await page.context().close();
    });

    test("Escape closes the results; clicking a result opens the section", async () => {
      const page = await open();
      await results(page, "boundary");
      await page.keyboard.press("Escape");
      assert.equal(await page.locator("#site-search-results").isHidden(), true);
      await page.locator("#site-search-input").press("ArrowDown");
      await page.locator("#site-search-results [role=option]").first().click();
      await page.waitForURL(/#boundaries-and-closeness$/);
      await page.context().close();
    });

    test("no accessibility violations with the results open", async () => {
      const page = await open();
      await results(page, "feel");
      assert.equal(await page.locator("#site-search-results").isVisible(), true);
      assert.deepEqual(await axeViolations(page), []);
      await page.context().close();
    });

    test("the search page answers ?q= links and lists an A–Z index", async () => {
      const page = mode === "http"
        ? await openPage(browser, server.url + "search/?q=alexithymya", { allowedOrigin: new URL(server.url).origin })
        : await openPage(browser, fileUrl(site.offline, "search/index.html") + "?q=alexithymya");
      await page.waitForFunction(() => document.querySelector(".search-page-status").textContent.includes("alexithymya"));
      const first = await page.locator(".search-page-results li .result-title").first().textContent();
      assert.equal(first, "Alexithymia");
      assert.ok(await page.locator(".a-to-z-list a", { hasText: "Attunement" }).count());
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  });
}

// Holds the site's requests for one search shard until `release()`, so that a search is
// on its way for as long as a test needs; `asked` resolves once the search asks for it.
async function hold(page, file) {
  let release;
  const released = new Promise((ok) => (release = ok));
  await page.route(`**/search/${file}`, async (route) => { await released; await route.continue(); });
  return { asked: page.waitForRequest(`**/search/${file}`), release };
}

// A search waiting only for `file` has shown its results (or been dropped) once the shard
// is in: the rest happens in the same task as the shard's script.
const loaded = (page, file) => page.waitForFunction((key) => key in window.__attuneSearch.data, file.replace(/\.js$/, ""));

describe("the search box while results are on their way", () => {
  const origin = () => new URL(server.url).origin;

  // In the fixture one shard holds every section's details: a query with no results
  // does not load it, so the next query's search must wait for it.
  async function openWithNoResults() {
    const page = await openPage(browser, server.url, { allowedOrigin: origin() });
    await results(page, "zzzz");
    assert.equal(await page.locator("#site-search-results").isVisible(), true);
    return page;
  }

  test("Escape closes the list for good: results still on their way do not reopen it", async () => {
    const page = await openWithNoResults();
    const details = await hold(page, "d0.js");
    await page.locator("#site-search-input").fill("boundary");
    await details.asked;
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("#site-search-results").isHidden(), true);
    details.release();
    await loaded(page, "d0.js");
    assert.equal(await page.locator("#site-search-results").isHidden(), true, "the list reopened after Escape");
    assert.equal(await page.locator("#site-search-input").getAttribute("aria-expanded"), "false");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("results that arrive after focus has left the box wait until it returns", async () => {
    const page = await openWithNoResults();
    const details = await hold(page, "d0.js");
    const input = page.locator("#site-search-input");
    await input.fill("boundary");
    await details.asked;
    await page.keyboard.press("Tab");
    assert.notEqual(await page.evaluate(() => document.activeElement.id), "site-search-input");
    await page.locator("#site-search-results").waitFor({ state: "hidden" });
    details.release();
    await loaded(page, "d0.js");
    assert.equal(await page.locator("#site-search-results").isHidden(), true, "the list opened away from the box");
    await input.focus();
    await page.locator("#site-search-results").waitFor({ state: "visible" });
    assert.match(await page.locator(".search-status").textContent(), / for boundary$/);
    assert.ok(await page.locator("#site-search-results .result-heading", { hasText: "Boundaries and closeness" }).count());
    await page.context().close();
  });

  test("typing after choosing a result drops the choice: Enter searches for the new words", async () => {
    const page = await openPage(browser, server.url, { allowedOrigin: origin() });
    await results(page, "bounda");
    const input = page.locator("#site-search-input");
    await input.press("ArrowDown");
    assert.equal(await input.getAttribute("aria-activedescendant"), "search-option-0");
    // Enter comes before the search for the new words has had time to start.
    await page.keyboard.type("ry");
    await page.keyboard.press("Enter");
    await page.waitForURL(/search\/\?q=boundary$/);
    await page.context().close();
  });
});

test("without JavaScript the search box leads to the A–Z index", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator("#site-search-input").fill("anything");
  await page.locator("#site-search-input").press("Enter");
  await page.waitForURL(/search\/\?q=anything$/);
  assert.ok(await page.locator("#a-to-z").isVisible());
  assert.ok(await page.locator(".a-to-z-list a", { hasText: "The dismissive family" }).count());
  await context.close();
});
