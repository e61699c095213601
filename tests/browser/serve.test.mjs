// attune serve in Chromium: a save reloads the page (keeping the scroll position), and
// a build error shows an overlay that clears when fixed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, repo } from "./harness.mjs";

const bin = process.env.ATTUNE_BIN || join(repo, "target/debug/attune");
let browser, server, url, root;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), "attune-serve-"));
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

test("a save reloads the page and keeps the reader's place", async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 400 } });
  await page.goto(url + "effects/counter-dependence/");
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.waitForTimeout(400);
  const file = join(root, "content/effects/counter-dependence.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("Saying no", "Saying a kind no"));
  await page.waitForFunction(() => document.body.textContent.includes("Saying a kind no"), null, { timeout: 15000 });
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(y - 600) < 50, `scroll kept near 600, was ${y}`);
  await page.close();
});

test("a build error shows an overlay, and fixing it clears the overlay", async () => {
  const page = await browser.newPage();
  await page.goto(url + "effects/alexithymia/");
  await page.waitForTimeout(400);
  const file = join(root, "content/effects/alexithymia.md");
  const good = readFileSync(file, "utf8");
  writeFileSync(file, good + "\nSee [[nowhere-at-all]].\n");
  const overlay = page.locator("#attune-error-overlay");
  await overlay.waitFor({ state: "visible", timeout: 15000 });
  assert.match(await overlay.textContent(), /broken link to 'nowhere-at-all'/);
  assert.equal(await overlay.getAttribute("role"), "alert");
  assert.equal(await page.locator("h1").first().textContent(), "Alexithymia", "the last good page is still there");
  writeFileSync(file, good + "\nSee [[counter-dependence]].\n");
  await page.waitForFunction(() => !document.getElementById("attune-error-overlay") && document.body.textContent.includes("Counter-dependence"), null, { timeout: 15000 });
  await page.close();
});
