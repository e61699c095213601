// The bundled library audited as an auditor would: the Nu HTML Checker over every page
// of both editions, and Lighthouse (mobile preset) on the home page and an article of
// the web edition served on 127.0.0.1. Run by .ci/run after the test suite:
//   (cd tests/audit && npm ci && ATTUNE_BIN=../../target/debug/attune npm test)
// Needs Java 17+ for the checker and Chromium (CHROMIUM, /usr/bin/chromium).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { createServer } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const bin = resolve(process.env.ATTUNE_BIN || join(repo, "target/debug/attune"));
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
let out, server, url;

before(async () => {
  out = mkdtempSync(join(tmpdir(), "attune-audit-"));
  process.once("exit", () => rmSync(out, { recursive: true, force: true }));
  execFileSync(bin, ["build", "--root", repo, "--out", join(out, "web")], { stdio: "pipe" });
  execFileSync(bin, ["build", "--root", repo, "--out", join(out, "offline"), "--offline"], { stdio: "pipe" });
  // A static host: files as they are, the site's 404.html for anything missing.
  const web = join(out, "web");
  const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".xml": "application/xml", ".txt": "text/plain" };
  server = createServer((req, res) => {
    let file = normalize(join(web, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    try {
      if (!file.startsWith(web)) throw new Error("outside");
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" }).end(readFileSync(file));
    } catch {
      res.writeHead(404, { "content-type": types[".html"] }).end(readFileSync(join(web, "404.html")));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  url = `http://127.0.0.1:${server.address().port}/`;
});

after(() => server?.close());

const pages = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".html")).map((f) => join(dir, f));

test("Nu HTML Checker: no error on any page of either edition", () => {
  const files = [...pages(join(out, "web")), ...pages(join(out, "offline"))];
  assert.ok(files.length > 100, `${files.length} pages`);
  const jar = join(here, "node_modules/vnu-jar/build/dist/vnu.jar");
  // The checker writes its report to stderr, and exits non-zero when it finds an error.
  const run = spawnSync("java", ["-Xss2m", "-jar", jar, "--errors-only", "--format", "json", ...files], { encoding: "utf8", maxBuffer: 1 << 26 });
  assert.ifError(run.error);
  const report = run.stderr.trim();
  const messages = report ? JSON.parse(report).messages : [];
  assert.ok(run.status === 0 || messages.length > 0, `the checker failed: ${report}`);
  const errors = messages.map((m) => `${m.url.replace("file:" + out, "")}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, [], `${errors.length} errors in ${files.length} pages`);
});

for (const [name, path] of [["the home page", ""], ["an article", "patterns/dismissive-family/"]]) {
  test(`Lighthouse (mobile) on ${name}: accessibility and best practices 100`, async (t) => {
    const json = join(out, `lighthouse-${path.replace(/\W+/g, "-") || "home"}.json`);
    // Asynchronously: the server answering Lighthouse's requests runs in this process.
    await promisify(execFile)(join(here, "node_modules/.bin/lighthouse"), [url + path, "--quiet", "--output=json", `--output-path=${json}`,
      "--only-categories=performance,accessibility,best-practices,seo", "--chrome-flags=--headless --no-sandbox --disable-gpu"],
    { env: { ...process.env, CHROME_PATH: chromium }, timeout: 240_000 });
    const result = JSON.parse(readFileSync(json, "utf8"));
    const score = (id) => Math.round(result.categories[id].score * 100);
    const failing = [];
    for (const category of Object.values(result.categories)) {
      for (const ref of category.auditRefs) {
        const audit = result.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${category.id}/${ref.id}: ${audit.title} ${audit.displayValue || audit.explanation || ""}`);
      }
    }
    const figures = `performance ${score("performance")}, accessibility ${score("accessibility")}, best practices ${score("best-practices")}, SEO ${score("seo")}`;
    t.diagnostic(`${name}: ${figures}`);
    for (const f of failing) t.diagnostic(`  below full marks: ${f}`);
    assert.equal(score("accessibility"), 100, failing.join("\n"));
    assert.equal(score("best-practices"), 100, failing.join("\n"));
    // Timings vary with the machine's load: a floor that still catches a page made
    // slow (a render-blocking file, a script that polls), not a target.
    assert.ok(score("performance") >= 90, `${figures}\n${failing.join("\n")}`);
  });
}
