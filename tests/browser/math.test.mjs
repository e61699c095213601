// Formulas in Chromium: numbered equations and the links to them pass axe in both
// themes, a reference leads to its equation's row, and a link in a formula is a link
// after it, never a request.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { axeInThemesAndWidths, openPage, startFixture } from "./harness.mjs";

let fixture;

before(async () => {
  fixture = await startFixture("math");
});

after(() => fixture?.close());

const url = () => fixture.server.url + "maths/equations/";

test("a page of numbered equations passes axe, light and dark, 320 and 1280 px", async () => {
  assert.deepEqual(await axeInThemesAndWidths(fixture.browser, url()), []);
});

test("numbers are shown beside their rows and references lead to them", async () => {
  const page = await openPage(fixture.browser, url(), { allowedOrigin: new URL(fixture.server.url).origin });
  // Each number is drawn, at the right of its formula.
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll("mtd.math-tag")].filter((t) => t.textContent).map((t) => {
      const row = t.closest("mtr").getBoundingClientRect();
      const box = t.getBoundingClientRect();
      return { text: t.textContent, width: box.width, right: box.right, rowRight: row.right };
    }),
  );
  assert.deepEqual(boxes.map((b) => b.text), ["(1)", "(2)", "(3)", "(A.1)", "(4)"]);
  for (const b of boxes) {
    assert.ok(b.width > 0 && Math.abs(b.right - b.rowRight) < 1, JSON.stringify(b));
  }
  // A reference in the text is a link to the equation's row.
  await page.locator("a.math-ref", { hasText: "(1)" }).first().click();
  assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), "eq-sum");
  assert.equal(await page.evaluate(() => document.querySelector(":target")?.localName), "mtr");
  // The link a formula holds follows it.
  assert.equal(await page.locator(".math-links a[href='https://example.org/docs']").textContent(), "docs");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
