// GitHub's Markdown as a vault writes it, in Chromium: task list checkboxes are named
// by their item's text (Obsidian's other states checked, as Obsidian shows them),
// aligned columns stay aligned under the Content-Security-Policy, bare addresses are
// links, and the page passes axe in both themes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axeInThemesAndWidths, openPage, startFixture } from "./harness.mjs";

let fixture;

before(async () => {
  fixture = await startFixture("gfm");
});

after(() => fixture?.close());

const url = () => fixture.server.url + "plans/safety-plan/";

test("a page of task lists, an aligned table and bare links passes axe, light and dark, 320 and 1280 px", async () => {
  assert.deepEqual(await axeInThemesAndWidths(fixture.browser, url()), []);
});

test("each checkbox is disabled and named by its item's text; columns keep their alignment", async () => {
  const page = await openPage(fixture.browser, url(), { allowedOrigin: new URL(fixture.server.url).origin });
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll(".article-body input[type=checkbox]")].map((b) => ({
      name: b.labels[0]?.textContent.trim(),
      checked: b.checked,
      disabled: b.disabled,
      state: b.closest("li").dataset.task ?? null,
    })),
  );
  assert.deepEqual(boxes, [
    { name: "Write down three warning signs", checked: true, disabled: true, state: null },
    { name: "Call the GP on Monday", checked: false, disabled: true, state: null },
    { name: "Find the surgery’s number", checked: true, disabled: true, state: "/" },
    { name: "Ask a friend to ring for me", checked: true, disabled: true, state: "-" },
    { name: "Book a walk with Sleep log", checked: true, disabled: true, state: ">" },
    { name: "Ask about talking therapy", checked: true, disabled: true, state: "?" },
    { name: "Sleep at the same time", checked: true, disabled: true, state: null },
    { name: "Eat breakfast", checked: false, disabled: true, state: null },
  ]);
  const aligns = await page.evaluate(() =>
    [...document.querySelectorAll(".article-body tbody tr:first-child > *")].map((c) => getComputedStyle(c).textAlign),
  );
  assert.deepEqual(aligns, ["left", "center", "right"]);
  const links = await page.evaluate(() =>
    [...document.querySelectorAll(".article-body a[href^=http], .article-body a[href^=mailto]")].map((a) => a.getAttribute("href")),
  );
  assert.deepEqual(links, [
    "http://www.nhs.uk/mental-health",
    "https://www.samaritans.org/how-we-can-help/",
    "mailto:help@example.org",
  ]);
  await page.close();
});
