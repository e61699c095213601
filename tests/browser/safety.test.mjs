// Safety and sharing features in Chromium: quick exit, copy-link, printable handouts
// (to PDF, read back with pdftotext), and accessibility of the pages they add.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { axeViolations, openPage, startFixture, tempFolder } from "./harness.mjs";

let browser, site, server, fixture;
const neutral = "https://www.bbc.co.uk/weather";

before(async () => {
  fixture = await startFixture();
  ({ browser, site, server } = fixture);
});

after(() => fixture?.close());

const origin = () => new URL(server.url).origin;

// The neutral site is answered locally: no request leaves this machine.
async function withNeutralSite(page) {
  await page.context().route(neutral + "**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>neutral" }));
}

test("quick exit button replaces the page, so Back does not return", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await withNeutralSite(page);
  await page.goto(server.url);
  await page.goto(server.url + "effects/alexithymia/");
  await page.getByRole("link", { name: "Quick exit" }).click();
  await page.waitForURL(neutral);
  await page.goBack();
  assert.ok(!page.url().includes("alexithymia"), `Back returned to ${page.url()}`);
  await context.close();
});

test("Shift pressed three times exits, without a mouse", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await withNeutralSite(page);
  await page.goto(server.url + "effects/alexithymia/");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForURL(neutral);
  await context.close();
});

test("copy-link controls copy the section URL and confirm visibly", async () => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: origin() });
  const page = await context.newPage();
  await page.goto(server.url + "effects/alexithymia/");
  const anchor = page.locator("#naming-feelings a.anchor");
  await anchor.focus();
  await page.keyboard.press("Enter");
  // The confirmation shows for a few seconds only, so it is checked as it appears,
  // not after the clipboard has been read.
  await page.waitForFunction(() => {
    const a = document.querySelector("#naming-feelings a.anchor");
    return a.hasAttribute("data-copied") && getComputedStyle(a, "::after").content.includes("Link copied");
  });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, server.url + "effects/alexithymia/#naming-feelings");
  assert.equal(page.url(), server.url + "effects/alexithymia/", "copying does not navigate");
  await context.close();
});

test("a handout prints cleanly: title, exercise, URL, QR code, crisis line, no navigation", async () => {
  const page = await openPage(browser, server.url + "healing/emotion-focused-therapy/", { allowedOrigin: origin() });
  await page.emulateMedia({ media: "print" });
  const qr = await page.locator(".handout-footer svg.qr").boundingBox();
  assert.ok(qr && qr.width > 50 && qr.height > 50, `QR code visible in print: ${JSON.stringify(qr)}`);
  assert.equal(await page.locator(".site-nav").isVisible(), false);
  assert.equal(await page.locator(".write-space").isVisible(), true, "exercises get writing space");
  const dir = tempFolder("attune-pdf-");
  const pdf = join(dir, "handout.pdf");
  writeFileSync(pdf, await page.pdf({ format: "A4" }));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  assert.match(text, /Emotion-focused therapy/);
  assert.match(text, /Exercise: Name one feeling/);
  assert.match(text, /https:\/\/fixture\.example\.org\/healing\/emotion-focused-therapy\//);
  assert.match(text, /If you are in crisis, call for help now\./);
  assert.match(text, /Fixture Library/);
  assert.ok(!/Skip to content|Reading paths|Dark theme|Quick exit/.test(text), `navigation printed:\n${text}`);
  await page.context().close();
});

test("print edition holds every article with links turned into in-page anchors", async () => {
  const page = await openPage(browser, server.url + "print.html", { allowedOrigin: origin() });
  assert.equal(await page.locator("article.print-article").count(), 4);
  const link = page.locator("#dismissive-family a", { hasText: "the effects" });
  assert.equal(await link.getAttribute("href"), "#alexithymia--naming-feelings");
  assert.equal(await page.locator("#alexithymia--naming-feelings").count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("pages added for safety and sharing have no accessibility violations", async () => {
  for (const path of ["handouts/", "privacy/", "quick-exit/", "paths/start-here/", "healing/emotion-focused-therapy/", "map/", "search/"]) {
    const page = await openPage(browser, server.url + path, { allowedOrigin: origin() });
    assert.deepEqual(await axeViolations(page), [], `axe on /${path}`);
    assert.deepEqual(page.problems, [], `problems on /${path}`);
    await page.context().close();
  }
});
