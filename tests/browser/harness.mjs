// Shared set-up for the browser suite: builds fixture sites with the real attune
// binary, serves them on 127.0.0.1, and drives Debian's Chromium with playwright-core.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, "../..");
const bin = process.env.ATTUNE_BIN || join(repo, "target/debug/attune");

/** A new folder under the system's temp folder, removed when this test file's process
 * ends, so runs leave nothing behind. */
export function tempFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copies tests/fixtures/<name> to a temp folder and builds it (web and offline). */
export function buildFixture(name) {
  const root = join(tempFolder("attune-browser-"), name);
  cpSync(join(repo, "tests/fixtures", name), root, { recursive: true });
  execFileSync(bin, ["build", "--root", root, "--out", join(root, "web")], { stdio: "pipe" });
  execFileSync(bin, ["build", "--root", root, "--out", join(root, "offline"), "--offline"], { stdio: "pipe" });
  return { root, web: join(root, "web"), offline: join(root, "offline") };
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml", ".txt": "text/plain",
};

/** A minimal static file server for the built site, on a free loopback port; with
 * `prefix` (`/lib/`) the site is served under that path, as on a sub-path host, and
 * every other address is a 404. Missing files get the site's 404.html, as static
 * hosts do. */
export async function serve(dir, { prefix = "/" } = {}) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const inside = path.startsWith(prefix);
    path = inside ? "/" + path.slice(prefix.length) : "/\0missing";
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/html" }).end(readFileSync(join(dir, "404.html")));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

export function fileUrl(dir, path = "index.html") {
  return pathToFileURL(join(dir, path)).href;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
  });
}

/** Opens a page that fails the test on any console error or request to another origin. */
export async function openPage(browser, url, { allowedOrigin } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (m) => { if (m.type() === "error") page.problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    const own = u.protocol === "file:" || u.protocol === "data:" || (allowedOrigin && u.origin === allowedOrigin);
    if (!own) page.problems.push(`request to another origin: ${r.url()}`);
  });
  await page.goto(url);
  return page;
}

const axeSource = readFileSync(join(here, "node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core violations (WCAG 2.x A and AA) on the current page. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: an injected <script> would (rightly) be
  // refused by the site's Content-Security-Policy.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** Each axe violation on `url`, in the light and dark themes, on a phone and a desktop
 * (320 and 1280 px wide), as one list of `"<theme>, <width>px: <violation>"`. */
export async function axeInThemesAndWidths(browser, url) {
  const found = [];
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [320, 1280]) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(url);
      for (const violation of await axeViolations(page)) found.push(`${colorScheme}, ${width}px: ${violation}`);
      await context.close();
    }
  }
  return found;
}

/** The usual suite set-up: the basic fixture built, served on loopback, and Chromium. */
export async function startFixture(name = "basic") {
  const site = buildFixture(name);
  const server = await serve(site.web);
  const browser = await launch();
  return {
    site,
    server,
    browser,
    close: async () => { await browser.close(); await server.close(); },
  };
}
