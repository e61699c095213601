// ad-hoc: axe over N sampled pages of an output folder (file://), counts by rule.
import { chromium } from "playwright-core";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
const [dir, n = "25"] = process.argv.slice(2);
const axe = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
let files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith("index.html") && !f.includes("tags/"));
files.sort(); const step = Math.max(1, Math.floor(files.length / Number(n))); files = files.filter((_, i) => i % step === 0).slice(0, Number(n));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const page = await browser.newPage();
const counts = {};
for (const f of files) {
  await page.goto("file://" + join(dir, f));
  await page.evaluate(axe);
  const r = await page.evaluate(async () => (await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })).violations.map((v) => [v.id, v.nodes.length, v.nodes[0].html.slice(0, 160)]));
  for (const [id, k, html] of r) { counts[id] = counts[id] || { pages: 0, nodes: 0, example: `${f}: ${html}` }; counts[id].pages++; counts[id].nodes += k; }
}
console.log(files.length, "pages", JSON.stringify(counts, null, 1));
await browser.close();
