// Measures search in headless Chromium from file:// on a built (offline) site:
// bytes of index files a one-word query loads, and first and warm query times.
// usage: node benches/search_budget.mjs SITE_DIR   (prints JSON)
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "../tests/browser/node_modules/playwright-core/index.mjs";

const site = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
let bytes = 0, files = 0;
page.on("requestfinished", (r) => {
  const url = r.url();
  if (url.includes("/search/") && url.endsWith(".js")) {
    bytes += statSync(fileURLToPath(url)).size;
    files += 1;
  }
});
await page.goto(pathToFileURL(join(site, "index.html")).href);

// Time of a query through the page's search API: matching, ranking and the result
// rows, without the typing debounce or drawing.
async function query(q) {
  return page.evaluate(async (q) => {
    const t0 = performance.now();
    await window.__attuneSearch.query(q);
    return performance.now() - t0;
  }, q);
}

await page.waitForFunction(() => window.__attuneSearch && window.__attuneSearch.query);
const first = await query("attunement");
const loaded = { bytes, files };
// Warm: the same shards are already loaded (a repeated or refined query).
const warm = [];
for (const q of ["attunement", "attunemen", "attunement", "attune", "attunement"]) warm.push(await query(q));
warm.sort((a, b) => a - b);
const index = readdirSync(join(site, "search")).filter((f) => f.endsWith(".js"));
const indexBytes = index.reduce((n, f) => n + statSync(join(site, "search", f)).size, 0);
console.log(JSON.stringify({ bytes: loaded.bytes, files: loaded.files, first_ms: first, warm_ms: warm[2], index_bytes: indexBytes, index_files: index.length }));
await browser.close();
