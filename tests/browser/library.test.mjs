// The bundled library, as a new user first sees it: every kind of page passes axe
// and requests nothing from another origin, online and from file://.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { axeViolations, fileUrl, launch, openPage, repo, serve, tempFolder } from "./harness.mjs";

const bin = process.env.ATTUNE_BIN || join(repo, "target/debug/attune");
let browser, server, web, offline;

before(async () => {
  const out = tempFolder("attune-library-");
  web = join(out, "web");
  offline = join(out, "offline");
  execFileSync(bin, ["build", "--root", repo, "--out", web], { stdio: "pipe" });
  execFileSync(bin, ["build", "--root", repo, "--out", offline, "--offline"], { stdio: "pipe" });
  server = await serve(web);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const pages = ["", "patterns/", "patterns/dismissive-family/", "effects/alexithymia/", "healing/emdr/",
  "tools/calming-breath/", "map/", "glossary/", "references/", "paths/", "paths/start-here/", "tags/", "tags/emotions/",
  "about/", "404/", "search/", "search/?q=feelings", "handouts/", "privacy/", "quick-exit/", "print.html",
  "help/when-to-get-help/", "help/self-harm-and-safety-planning/", "404.html", "no/such/page/"];

// Where each page is in an edition: the offline edition names its index.html files.
const address = (edition, path) => {
  if (edition === "web") return server.url + path;
  const [file, query] = path.split("?");
  return fileUrl(offline, file.endsWith(".html") ? file : file + "index.html") + (query ? "?" + query : "");
};

// Every kind of page, in both editions and both themes, on a phone and a desktop.
for (const edition of ["web", "offline"]) {
  test(`every kind of page passes axe: ${edition} edition, light and dark, 320 and 1280 px`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      for (const width of [320, 1280]) {
        const context = await browser.newContext({ colorScheme, viewport: { width, height: 800 } });
        const page = await context.newPage();
        for (const path of pages) {
          if (edition === "offline" && path === "no/such/page/") continue;
          await page.goto(address(edition, path));
          if (path.includes("?q=")) await page.waitForSelector(".search-page-results li a");
          assert.deepEqual(await axeViolations(page), [], `axe on ${edition} /${path}, ${colorScheme}, ${width}px`);
        }
        // The header's search results, open over the page.
        await page.goto(address(edition, "patterns/dismissive-family/"));
        await page.locator("#site-search-input").fill("feelings");
        await page.waitForSelector("#site-search-results [role=option]");
        assert.deepEqual(await axeViolations(page), [], `axe on ${edition} search results open, ${colorScheme}, ${width}px`);
        // A handout as it prints.
        await page.goto(address(edition, "tools/calming-breath/"));
        await page.emulateMedia({ media: "print" });
        assert.deepEqual(await axeViolations(page), [], `axe on ${edition} printed handout, ${colorScheme}, ${width}px`);
        await page.emulateMedia({ media: "screen" });
        await context.close();
      }
    }
  });
}

test("every kind of page in the library loads with no problem over http", async () => {
  for (const path of pages.filter((p) => !p.startsWith("no/") && p !== "404.html")) {
    const page = await openPage(browser, server.url + path, { allowedOrigin: new URL(server.url).origin });
    assert.deepEqual(page.problems, [], `problems on /${path}`);
    await page.context().close();
  }
});

test("the library works from file:// with no request elsewhere", async () => {
  for (const path of pages.filter((p) => !p.startsWith("no/") && !p.endsWith(".html"))) {
    const page = await openPage(browser, address("offline", path));
    assert.deepEqual(page.problems, [], `problems on ${path}`);
    if (path.startsWith("tools/")) assert.deepEqual(await axeViolations(page), [], `axe on ${path}`);
    await page.context().close();
  }
});

test("the library's search forgives typos and lay words", async () => {
  const page = await openPage(browser, fileUrl(offline, "index.html"));
  const top = async (query) => {
    await page.locator("#site-search-input").fill(query);
    await page.waitForFunction((q) => document.querySelector(".search-status").textContent.includes(q), query);
    return page.locator("#site-search-results [role=option] .result-title").first().textContent();
  };
  assert.match(await top("alexithymya"), /alexithymia/i);
  assert.match(await top("hyper independence"), /Counter-dependence/);
  assert.match(await top("can't feel anything"), /numbness|emptiness/i);
  assert.match(await top("people pleaser"), /people-pleasing/i);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
