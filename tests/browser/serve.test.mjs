// attune serve in Chromium: a save reloads the page (keeping the scroll position), and
// a build error shows an overlay that clears when fixed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, repo, tempFolder } from "./harness.mjs";

const bin = process.env.ATTUNE_BIN || join(repo, "target/debug/attune");
let browser, server, url, root;

before(async () => {
  const dir = tempFolder("attune-serve-");
  root = join(dir, "site");
  cpSync(join(repo, "tests/fixtures/basic"), root, { recursive: true });
  server = spawn(bin, ["serve", "--port", "0", "--out", join(dir, "served")], { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
  url = await new Promise((ok, fail) => {
    let text = "";
    server.stdout.on("data", (d) => {
      text += d;
      const m = text.match(/http:\/\/[\d.:]+\//);
      if (m) ok(m[0]);
    });
    server.on("exit", () => fail(new Error("serve exited")));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

// Opens a served page and waits until its live-reload script knows the build it shows.
// The script takes that from its first poll: a rebuild finished before the answer came
// would be taken for the page's own and not reload it. Polls follow one another, the
// next sent only once an answer has been read, so that request is the sign.
async function openLive(page, path) {
  const polled = new Promise((ok) => {
    let answered = false;
    const status = (r) => new URL(r.url()).pathname === "/__attune/status";
    page.on("response", (r) => { if (status(r.request()) && r.ok()) answered = true; });
    page.on("request", (r) => { if (status(r) && answered) ok(); });
  });
  await page.goto(url + path);
  await polled;
}

test("a save reloads the page and keeps the reader's place", async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 400 } });
  await openLive(page, "effects/counter-dependence/");
  await page.evaluate(() => window.scrollTo(0, 600));
  const file = join(root, "content/effects/counter-dependence.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("Saying no", "Saying a kind no"));
  // The place is restored when the new page has loaded; before that the page may not be
  // long enough to hold it.
  await page.waitForFunction(() => document.body.textContent.includes("Saying a kind no") && document.readyState === "complete",
    null, { timeout: 15000 });
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(y - 600) < 50, `scroll kept near 600, was ${y}`);
  await page.close();
});

test("a build error shows an overlay, and fixing it clears the overlay", async () => {
  const page = await browser.newPage();
  await openLive(page, "effects/alexithymia/");
  const file = join(root, "content/effects/alexithymia.md");
  const good = readFileSync(file, "utf8");
  // A link to a page that does not exist (a missing `.md` note is only a warning by default).
  writeFileSync(file, good + "\nSee [a page](../nowhere-at-all.html).\n");
  // A rebuild may catch the file half-written and show another error first; the overlay
  // is checked once it shows this one.
  const overlay = page.locator("#attune-error-overlay");
  await page.waitForFunction(() => /broken link to '\.\.\/nowhere-at-all\.html'/.test(document.getElementById("attune-error-overlay")?.textContent),
    null, { timeout: 15000 });
  assert.equal(await overlay.getAttribute("role"), "alert");
  assert.equal(await page.locator("h1").first().textContent(), "Alexithymia", "the last good page is still there");
  writeFileSync(file, good + "\nSee [[counter-dependence]].\n");
  // The page is reloaded with the fix: the new link is in the article, not only in the
  // navigation that had it before.
  await page.waitForFunction(() => !document.getElementById("attune-error-overlay")
    && [...document.querySelectorAll("main p")].some((p) => p.textContent.trim() === "See Counter-dependence."),
  null, { timeout: 15000 });
  await page.close();
});

test("a rebuild that ends before the page's first poll still reloads the page", async () => {
  const page = await browser.newPage();
  // Hold the page's first status request until the rebuild is over.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route("**/__attune/status", async (route) => { await held; await route.continue(); });
  await page.goto(url + "effects/alexithymia/");
  const before = (await (await fetch(url + "__attune/status")).json()).build;
  const file = join(root, "content/effects/alexithymia.md");
  writeFileSync(file, readFileSync(file, "utf8").replace(/\n*$/, "\n\nA line saved while the page was loading.\n"));
  const deadline = Date.now() + 15000;
  while ((await (await fetch(url + "__attune/status")).json()).build === before) {
    assert.ok(Date.now() < deadline, "the save was rebuilt");
    await new Promise((ok) => setTimeout(ok, 50));
  }
  release();
  await page.waitForFunction(() => document.body?.textContent.includes("A line saved while the page was loading."),
    null, { timeout: 15000 });
  await page.close();
});

test("a mistyped nested address under serve gets a styled 404 with working links", async () => {
  const page = await browser.newPage();
  const failed = [];
  page.on("response", (r) => { if (r.status() >= 400 && !r.request().isNavigationRequest()) failed.push(`${r.status()} ${r.url()}`); });
  const response = await page.goto(url + "patterns/dismisive-family/");
  assert.equal(response.status(), 404);
  assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /system-ui/, "the stylesheet loaded");
  await page.waitForSelector("#closest-pages li a");
  assert.equal(await page.locator("#closest-pages li a").first().textContent(), "The dismissive family");
  await page.locator("#closest-pages li a").first().click();
  await page.waitForURL(url + "patterns/dismissive-family/");
  assert.deepEqual(failed, []);
  await page.close();
});
