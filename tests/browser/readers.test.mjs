// Readers' journeys in the bundled library, in real Chromium: quick exit that never
// fires by accident, search results that fit the window, print that is always dark on
// white, a 404 that works at any depth, a phone-first layout, handouts that fit two
// pages, tables reachable by keyboard, reading order, copy-link offline, the topic map.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { axeViolations, fileUrl, launch, openPage, repo, serve, tempFolder } from "./harness.mjs";

const bin = process.env.ATTUNE_BIN || join(repo, "target/debug/attune");
const neutral = "https://www.bbc.co.uk/weather";
let browser, server, web, offline, extra, extraServer, subServer, elsewhere, extraElsewhere;

before(async () => {
  const out = tempFolder("attune-readers-");
  web = join(out, "web");
  offline = join(out, "offline");
  execFileSync(bin, ["build", "--root", repo, "--out", web], { stdio: "pipe" });
  execFileSync(bin, ["build", "--root", repo, "--out", offline, "--offline"], { stdio: "pipe" });
  // A small site with what the library lacks: a code block, a wide table, and a
  // base_url under a sub-path, served there.
  const root = join(out, "extra");
  cpSync(join(repo, "tests/fixtures/basic"), root, { recursive: true });
  const toml = join(root, "book.toml");
  execFileSync("sed", ["-i", "s|^base_url = .*|base_url = \"https://library.example.net/help/lib/\"|", toml]);
  const rows = Array.from({ length: 4 }, (_, i) => `| Feeling ${i} | ${"a long description of the feeling ".repeat(3)} | ${"what the body might do ".repeat(3)} | ${"what helps ".repeat(4)} |`).join("\n");
  writeFileSync(join(root, "content/effects/wide-table.md"),
    `---\ntitle: Feelings at a glance\ntopic: effects\nsummary: A table of feelings.\n---\n\nSome feelings, side by side.\n\n## Feelings compared\n\n| Feeling | Description | Body | Helps |\n|---|---|---|---|\n${rows}\n\n## A snippet\n\n\`\`\`python\nprint("hello")\n\`\`\`\n\n## A long line\n\n\`\`\`\na_line_of_code_too_long_for_a_narrow_screen(first, second)\n\`\`\`\n`);
  // A topic's own text (a README on a hub, as imported sites have) with the same.
  writeFileSync(join(root, "content/healing/index.md"),
    `---\ntitle: Healing\n---\n\nWays of healing.\n\n## Compared\n\n| Way | Description |\n|---|---|\n| Naming | ${"an_unbroken_word_wider_than_a_phone".repeat(2)} |\n\n## A long line\n\n\`\`\`\nanother_line_of_code_too_long_for_a_narrow_screen(first, second)\n\`\`\`\n`);
  extra = join(out, "extra-web");
  execFileSync(bin, ["build", "--root", root, "--out", extra], { stdio: "pipe" });
  server = await serve(web);
  extraServer = await serve(extra);
  subServer = await serve(extra, { prefix: "/help/lib/" });
  // Hosted under a path that base_url does not name (the library's is "/", the extra
  // site's "/help/lib/").
  elsewhere = await serve(web, { prefix: "/some/prefix/" });
  extraElsewhere = await serve(extra, { prefix: "/other/place/" });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await extraServer?.close();
  await subServer?.close();
  await elsewhere?.close();
  await extraElsewhere?.close();
});

const origin = (s = server) => new URL(s.url).origin;

async function neutralContext(options = {}) {
  const context = await browser.newContext(options);
  await context.route(neutral + "**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>neutral" }));
  return context;
}

// Types as a person does: capitals with Shift held down, a short pause between keys.
async function typeLikeAPerson(page, text, pause = 45) {
  for (const ch of text) {
    if (/[A-Z]/.test(ch)) {
      await page.keyboard.down("Shift");
      await page.keyboard.press(ch);
      await page.keyboard.up("Shift");
    } else {
      await page.keyboard.press(ch === " " ? "Space" : ch);
    }
    await page.waitForTimeout(pause);
  }
}

describe("quick exit", () => {
  test("typing mixed-case phrases at human speed never exits; Shift×3 in the search box does", async () => {
    const context = await neutralContext();
    const page = await context.newPage();
    await page.goto(server.url + "effects/alexithymia/");
    await page.locator("#site-search-input").focus();
    for (const phrase of ["I Am OK", "Why Do I Feel", "A B C D E", "OK I Am Not OK", "I I I"]) {
      await page.locator("#site-search-input").fill("");
      await typeLikeAPerson(page, phrase);
      await page.waitForTimeout(100);
      assert.match(page.url(), /alexithymia/, `typing "${phrase}" left the page`);
      assert.equal(await page.locator("#site-search-input").inputValue(), phrase);
    }
    // Fast typing too, with Shift pressed between every letter.
    await typeLikeAPerson(page, "AbAbAbAb", 5);
    assert.match(page.url(), /alexithymia/);
    await page.locator("#site-search-input").focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL(neutral);
    await context.close();
  });

  test("two Shifts, another key, then one Shift does not exit", async () => {
    const context = await neutralContext();
    const page = await context.newPage();
    await page.goto(server.url + "effects/alexithymia/");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Shift");
    await page.waitForTimeout(200);
    assert.match(page.url(), /alexithymia/);
    await context.close();
  });

  test("on a phone the button stays in reach after scrolling, without covering content", async () => {
    const context = await neutralContext({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(server.url + "effects/alexithymia/");
    const button = page.getByRole("link", { name: "Quick exit" });
    const crisis = await page.locator(".crisis").boundingBox();
    const header = await page.locator(".site-header").boundingBox();
    assert.ok(header.y >= crisis.y + crisis.height - 1, "the bar sits above the header, not over it");
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(100);
    const box = await button.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 667, `button on screen after scrolling: ${JSON.stringify(box)}`);
    assert.ok(box.width >= 24 && box.height >= 24, `target at least 24px: ${JSON.stringify(box)}`);
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest(".quick-exit") !== null, [box.x + box.width / 2, box.y + box.height / 2]);
    assert.ok(hit, "nothing covers the button");
    // A heading reached by its link is not hidden under the bar.
    const id = await page.locator(".article-body h2[id]").nth(1).getAttribute("id");
    await page.goto(server.url + "effects/alexithymia/#" + id);
    await page.waitForTimeout(100);
    const bar = await page.locator(".crisis").boundingBox();
    const heading = await page.locator("#" + id).boundingBox();
    assert.ok(heading.y >= bar.y + bar.height, `heading at ${heading.y} hidden under the bar ending at ${bar.y + bar.height}`);
    await button.tap();
    await page.waitForURL(neutral);
    await context.close();
  });
});

test("search results sit fully inside the window at every width", async () => {
  for (const width of [320, 375, 768, 1024, 1280, 1600, 2560]) {
    const page = await openPage(browser, server.url + "effects/alexithymia/", { allowedOrigin: origin() });
    await page.setViewportSize({ width, height: 800 });
    await page.locator("#site-search-input").fill("you can borrow");
    await page.waitForSelector("#site-search-results:not([hidden]) [role=option]");
    const box = await page.locator("#site-search-results").boundingBox();
    const view = await page.evaluate(() => ({ w: document.documentElement.clientWidth, h: innerHeight }));
    assert.ok(box.x >= 0 && box.x + box.width <= view.w, `at ${width}px the list spans ${box.x}..${box.x + box.width} of ${view.w}`);
    assert.ok(box.y >= 0 && box.y + box.height <= view.h, `at ${width}px the list spans ${box.y}..${box.y + box.height} of ${view.h}`);
    await page.context().close();
  }
});

describe("print", () => {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };

  for (const how of ["the system setting", "the site's toggle"]) {
    test(`is dark text on white when dark comes from ${how}`, async () => {
      const context = await browser.newContext(how === "the system setting" ? { colorScheme: "dark" } : {});
      const page = await context.newPage();
      await page.goto(server.url + "patterns/dismissive-family/");
      if (how === "the site's toggle") {
        await page.locator(".theme-toggle").click();
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
      }
      const screenBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.ok(luminance(screenBg) < 0.1, `the screen is dark first (${screenBg})`);
      await page.emulateMedia({ media: "print" });
      const colours = await page.evaluate(() => {
        const bg = getComputedStyle(document.body).backgroundColor;
        return [...document.querySelectorAll("h1, .lede, .article-body p, .article-body li, .article-body a, .meta, .review, .callout, .crisis p, .handout-footer p, blockquote")]
          .filter((el) => el.getClientRects().length)
          .map((el) => ({ tag: el.tagName + "." + el.className, color: getComputedStyle(el).color, bg }));
      });
      assert.ok(colours.length > 5);
      assert.equal(colours[0].bg, "rgb(255, 255, 255)");
      for (const c of colours) {
        assert.ok(contrast(c.color, c.bg) >= 7, `${c.tag} prints ${c.color} on ${c.bg}`);
      }
      await context.close();
    });
  }
});

describe("not found", () => {
  test("a nested mistyped address is styled, offers the closest pages and search, and quick exit works", async () => {
    const context = await neutralContext();
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => { if (m.type() === "error" && !/404/.test(m.text())) problems.push(m.text()); });
    page.on("response", (r) => { if (r.status() === 404 && !r.request().isNavigationRequest()) problems.push(`404 for ${r.url()}`); });
    for (const path of ["patterns/dismisive-family/", "a/b/c/d/harsh-self-critisism", "effects/alexithymia/extra/"]) {
      const response = await page.goto(server.url + path);
      assert.equal(response.status(), 404);
      assert.equal(await page.locator("h1").textContent(), "Page not found");
      assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /system-ui/, `styled at /${path}`);
      await page.waitForSelector("#closest-pages li a");
      const first = await page.locator("#closest-pages li a").first();
      const want = { "patterns/dismisive-family/": "The dismissive family", "a/b/c/d/harsh-self-critisism": "Harsh self-criticism", "effects/alexithymia/extra/": "extra" }[path];
      if (want !== "extra") assert.equal(await first.textContent(), want);
      assert.equal(await page.locator(".theme-toggle").isVisible(), true, "attune.js ran");
    }
    assert.deepEqual(problems, []);
    // Its links lead into the site, not to another 404.
    await page.goto(server.url + "patterns/dismisive-family/");
    await page.waitForSelector("#closest-pages li a");
    await page.locator("#closest-pages li a").first().click();
    await page.waitForURL(server.url + "patterns/dismissive-family/");
    await page.goto(server.url + "x/y/");
    await page.getByRole("link", { name: "home page" }).click();
    await page.waitForURL(server.url);
    // Its search box searches.
    await page.goto(server.url + "x/y/z/");
    await page.locator("#not-found-q").fill("numbness");
    await page.locator(".not-found-search button").click();
    await page.waitForURL(/search\/\?q=numbness/);
    await page.waitForSelector(".search-page-results li a");
    // Quick exit, both ways.
    await page.goto(server.url + "deep/er/still/");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL(neutral);
    await page.goto(server.url + "deep/er/");
    await page.getByRole("link", { name: "Quick exit" }).click();
    await page.waitForURL(neutral);
    await page.goBack();
    assert.ok(!page.url().includes("deep/er"), "quick exit replaced the 404 in history");
    await context.close();
  });

  test("works at any depth when the site is hosted under a sub-path", async () => {
    const page = await openPage(browser, subServer.url + "patterns/nope/deeper/", { allowedOrigin: origin(subServer) });
    assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /system-ui/);
    await page.waitForSelector("#closest-pages li a");
    await page.getByRole("link", { name: "home page" }).click();
    await page.waitForURL(subServer.url);
    assert.equal(await page.locator("h1").textContent(), "Fixture Library");
    // The only failed load is the missing address itself.
    assert.deepEqual(page.problems.filter((p) => !/status of 404/.test(p)), []);
    assert.equal(page.problems.length, 1);
    await page.context().close();
  });
});

describe("not found, hosted where base_url does not say", () => {
  // The only failed loads are the missing address itself, the files from base_url's
  // path, and the folders tried on the way up to the site.
  const tried = (page) => page.problems.filter((p) => !/status of 404/.test(p));

  test("finds the site from the address: styled, its links, search and quick exit work", async () => {
    for (const [host, path] of [[elsewhere, "patterns/dismisive-family/"], [elsewhere, "a/b/c/d/harsh-self-critisism"], [extraElsewhere, "effects/nope/deeper/"]]) {
      const context = await neutralContext();
      const page = await context.newPage();
      page.problems = [];
      page.on("console", (m) => { if (m.type() === "error") page.problems.push(m.text()); });
      page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
      const response = await page.goto(host.url + path);
      assert.equal(response.status(), 404);
      await page.waitForFunction(() => getComputedStyle(document.body).fontFamily.includes("system-ui"));
      await page.waitForSelector(".theme-toggle", { state: "attached" });
      await page.waitForSelector("#closest-pages li a");
      if (host === elsewhere) {
        const want = path.startsWith("patterns") ? "The dismissive family" : "Harsh self-criticism";
        assert.equal(await page.locator("#closest-pages li a").first().textContent(), want);
      }
      // Every link of the page stays inside the site's folder.
      const hrefs = await page.evaluate(() => [...document.querySelectorAll("a[href^='/'], form[action]")].map((a) => a.getAttribute("href") || a.getAttribute("action")));
      const prefix = new URL(host.url).pathname;
      for (const h of hrefs) assert.ok(h.startsWith(prefix), `${h} leads out of ${prefix}`);
      assert.deepEqual(tried(page), [], `${host.url}${path}`);
      await page.getByRole("link", { name: "home page" }).click();
      await page.waitForURL(host.url);
      assert.notEqual(await page.locator("h1").textContent(), "Page not found");
      // Search from the 404 goes to the site's own search page.
      await page.goto(host.url + path);
      await page.waitForSelector("#closest-pages li a");
      await page.locator("#not-found-q").fill("feelings");
      await page.locator(".not-found-search button").click();
      await page.waitForURL(host.url + "search/?q=feelings");
      // Quick exit, by keyboard and by its button, replacing the page in history.
      await page.goto(host.url + path);
      await page.waitForSelector(".theme-toggle", { state: "attached" });
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      await page.waitForURL(neutral);
      await page.goto(host.url + "deep/er/");
      await page.waitForSelector(".theme-toggle", { state: "attached" });
      await page.getByRole("link", { name: "Quick exit" }).click();
      await page.waitForURL(neutral);
      await page.goBack();
      assert.ok(!page.url().includes("deep/er"), "quick exit replaced the 404 in history");
      await context.close();
    }
  });

  test("the page's one inline script is the one its Content-Security-Policy allows", async () => {
    const { createHash } = await import("node:crypto");
    for (const file of [join(web, "404.html"), join(web, "404/index.html"), join(offline, "404.html"), join(extra, "404.html")]) {
      const html = readFileSync(file, "utf8");
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      assert.equal(scripts.length, 1, file);
      const hash = createHash("sha256").update(scripts[0]).digest("base64");
      assert.match(html, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, "\\$&")}';`), `${file}: CSP allows the script`);
    }
    // Every other page allows no inline script at all.
    assert.match(readFileSync(join(web, "index.html"), "utf8"), /script-src 'self'; /);
  });
});

describe("phones (375 px)", () => {
  const phone = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

  test("an article's text starts on the first screen; crisis help is one tap away; the menu folds", async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    for (const path of ["effects/alexithymia/", "patterns/dismissive-family/", "healing/emdr/", "tools/calming-breath/", "effects/emptiness-and-numbness/"]) {
      await page.goto(server.url + path);
      // The article's own words: a content note where there is one, else the body.
      const text = await page.locator(".content-note, .article-body > *").first().boundingBox();
      assert.ok(text.y < 667 - 20, `/${path}: the text starts at ${text.y}px, below the first screen`);
    }
    const bar = await page.locator(".crisis").boundingBox();
    assert.ok(bar.height <= 60, `crisis bar is compact (${bar.height}px)`);
    const tel = page.locator(".crisis-compact a[href^='tel:']").first();
    assert.equal(await tel.isVisible(), false);
    await page.locator(".crisis-compact summary").tap();
    assert.equal(await tel.isVisible(), true, "one tap shows the helplines");
    const nav = page.locator(".site-nav ul a").first();
    assert.equal(await nav.isVisible(), false, "the topics menu starts folded");
    const menu = page.getByRole("button", { name: "Menu" });
    assert.equal(await menu.getAttribute("aria-expanded"), "false");
    await menu.tap();
    assert.equal(await menu.getAttribute("aria-expanded"), "true");
    assert.equal(await nav.isVisible(), true);
    await context.close();
  });

  test("the lists after an article are folded: never taller than the article", async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    for (const path of ["effects/alexithymia/", "healing/emdr/", "patterns/dismissive-family/", "effects/self-worth/"]) {
      await page.goto(server.url + path);
      const heights = await page.evaluate(() => {
        const h = (sel) => [...document.querySelectorAll(sel)].reduce((sum, el) => sum + el.getBoundingClientRect().height, 0);
        return { body: h(".article-body"), lists: h(".relation, .backlinks, .related") };
      });
      assert.ok(heights.lists < heights.body, `/${path}: lists ${heights.lists}px, article ${heights.body}px`);
      for (const list of await page.locator(".relation > ul, .backlinks > ul, .related > ul").all()) {
        assert.ok((await list.locator(":scope > li").count()) <= 4, `/${path}: a list shows at most 4 items before folding`);
      }
    }
    await context.close();
  });

  test("a list title that wraps keeps its bullet on its first line", async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    let wrapped = 0;
    for (const path of ["patterns/dismisive-family/", "tags/emotions/", "effects/alexithymia/", "search/", "help/when-to-get-help/"]) {
      await page.goto(server.url + path);
      if (path.startsWith("patterns/dismisive")) await page.waitForSelector("#closest-pages li a");
      // The bullet sits on the baseline of the item's first line box: so does an empty
      // inline block (its bottom edge on the baseline) put at the start of the item.
      const off = await page.evaluate(() => [...document.querySelectorAll(".article-list li > a:first-child, .toc li > a:first-child, .a-to-z-list li > a:first-child, .help-lines li > a:first-child, .crisis-compact li > a:first-child")]
        .filter((a) => a.getClientRects().length && a.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(a).lineHeight))
        .map((a) => {
          const probe = document.createElement("span");
          probe.style.display = "inline-block";
          a.before(probe);
          const gap = probe.getBoundingClientRect().top - a.getBoundingClientRect().top;
          probe.remove();
          return { text: a.textContent, gap, line: parseFloat(getComputedStyle(a).lineHeight) };
        }));
      wrapped += off.length;
      for (const o of off) assert.ok(o.gap < o.line, `/${path} "${o.text}": its bullet sits ${o.gap}px below the top of its first line`);
    }
    assert.ok(wrapped > 0, "some titles wrap at 375 px");
    await context.close();
  });

  test("the wide screen keeps its full banner and open navigation", async () => {
    const page = await openPage(browser, server.url + "effects/alexithymia/", { allowedOrigin: origin() });
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await page.locator(".crisis-full a[href^='tel:']").first().isVisible(), true);
    assert.equal(await page.locator(".site-nav ul a").first().isVisible(), true);
    assert.equal(await page.locator(".menu-toggle").isVisible(), false);
    assert.equal(await page.locator(".toc ol").isVisible(), true);
    await page.context().close();
  });
});

describe("handouts", () => {
  const handouts = () => execFileSync("grep", ["-rl", "^handout: true", join(repo, "content")], { encoding: "utf8" })
    .trim().split("\n").map((f) => f.slice(join(repo, "content").length + 1).replace(/\.md$/, "/"));

  test("every bundled handout prints on two pages at most, on A4 and US Letter, with its helplines' numbers", async () => {
    const list = handouts();
    assert.ok(list.length >= 5, `handouts found: ${list}`);
    const dir = tempFolder("attune-handouts-");
    const page = await openPage(browser, server.url, { allowedOrigin: origin() });
    for (const path of list) {
      await page.goto(server.url + path);
      for (const format of ["A4", "Letter"]) {
        const pdf = join(dir, `${path.replace(/\//g, "_")}${format}.pdf`);
        writeFileSync(pdf, await page.pdf({ format }));
        const pages = Number(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(/^Pages:\s+(\d+)/m)[1]);
        assert.ok(pages <= 2, `/${path} prints on ${pages} ${format} pages`);
        if (format === "A4") {
          const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
          assert.match(text, /findahelpline\.com/, `/${path}: a helpline link prints its address`);
          assert.match(text, /988/);
        }
      }
    }
    await page.context().close();
  });
});

describe("contrast and keyboard", () => {
  test("highlighted quotes in 'Mentioned in' are readable in the dark theme", async () => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(server.url + "effects/alexithymia/");
    const pairs = await page.evaluate(() => [...document.querySelectorAll(".backlinks mark")].slice(0, 3).map((m) => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]));
    assert.ok(pairs.length > 0);
    const lum = (rgb) => rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
    for (const [fg, bg] of pairs) {
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      assert.ok((a + 0.05) / (b + 0.05) >= 4.5, `${fg} on ${bg}`);
    }
    await context.close();
  });

  test("a table that scrolls sideways is focusable, labelled and scrolls from the keyboard", async () => {
    const page = await openPage(browser, extraServer.url + "effects/wide-table/", { allowedOrigin: origin(extraServer) });
    await page.setViewportSize({ width: 320, height: 640 });
    const wrap = page.locator(".table-scroll");
    await page.waitForFunction(() => document.querySelector(".table-scroll")?.getAttribute("tabindex") === "0");
    assert.equal(await wrap.getAttribute("role"), "region");
    assert.match(await wrap.getAttribute("aria-label"), /Feelings compared/);
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await wrap.evaluate((w) => document.activeElement === w);
    }
    assert.ok(reached, "Tab reaches the table");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.querySelector(".table-scroll").scrollLeft > 0);
    // Wide enough to show the table whole, it is no longer a tab stop.
    await page.setViewportSize({ width: 2560, height: 900 });
    await page.waitForFunction(() => !document.querySelector(".table-scroll").hasAttribute("tabindex"));
    await page.context().close();
  });

  test("a code block that scrolls sideways is a tab stop while it overflows, as axe's scrollable-region-focusable asks", async () => {
    const page = await openPage(browser, extraServer.url + "effects/wide-table/", { allowedOrigin: origin(extraServer) });
    await page.setViewportSize({ width: 320, height: 640 });
    const wide = page.locator(".article-body pre").filter({ hasText: "a_line_of_code_too_long" });
    await page.waitForFunction(() => [...document.querySelectorAll(".article-body pre")].some((p) => p.getAttribute("tabindex") === "0"));
    assert.equal(await wide.getAttribute("tabindex"), "0");
    assert.deepEqual((await axeViolations(page)).filter((v) => v.startsWith("scrollable-region-focusable")), []);
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await wide.evaluate((p) => document.activeElement === p);
    }
    assert.ok(reached, "Tab reaches the code block");
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => [...document.querySelectorAll(".article-body pre")].some((p) => p.scrollLeft > 0));
    await page.setViewportSize({ width: 2560, height: 900 });
    await page.waitForFunction(() => ![...document.querySelectorAll(".article-body pre")].some((p) => p.hasAttribute("tabindex")));
    await page.context().close();
  });

  test("a hub's own text scrolls its wide code and tables the same way", async () => {
    // prettier's README on its home page and PyO3's hubs: axe's scrollable-region-focusable.
    const page = await openPage(browser, extraServer.url + "healing/", { allowedOrigin: origin(extraServer) });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForFunction(() => [...document.querySelectorAll(".hub-text pre")].some((p) => p.getAttribute("tabindex") === "0"));
    await page.waitForFunction(() => document.querySelector(".hub-text .table-scroll")?.getAttribute("tabindex") === "0");
    assert.match(await page.locator(".hub-text .table-scroll").getAttribute("aria-label"), /Compared/);
    assert.deepEqual((await axeViolations(page)).filter((v) => v.startsWith("scrollable-region-focusable")), []);
    await page.context().close();
  });
});

test("highlight.css loads only on pages with a code block", async () => {
  const page = await openPage(browser, server.url, { allowedOrigin: origin() });
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  for (const path of ["", "effects/alexithymia/", "tools/calming-breath/", "map/", "search/"]) {
    await page.goto(server.url + path);
    assert.equal(await page.locator("link[href$='highlight.css']").count(), 0, `/${path} loads highlight.css`);
  }
  assert.ok(!requested.some((p) => p.endsWith("highlight.css")));
  await page.goto(extraServer.url + "effects/wide-table/");
  assert.equal(await page.locator("link[href$='highlight.css']").count(), 1);
  assert.notEqual(await page.locator("pre .hl-keyword, pre [class^=hl-]").count(), 0);
  await page.context().close();
});

describe("order and sharing", () => {
  test("reading paths and topics follow book.toml and front matter: Start here first", async () => {
    const page = await openPage(browser, server.url + "paths/", { allowedOrigin: origin() });
    const cards = await page.locator(".cards .card > a").allTextContents();
    assert.deepEqual(cards, ["Start here", "The body", "Between sessions", "For partners"]);
    await page.goto(server.url);
    assert.equal(await page.locator(".home-paths .card > a").first().textContent(), "Start here");
    const topics = await page.locator(".site-nav a").allTextContents();
    // The order book.toml declares its topics in, whatever they are.
    const book = readFileSync(new URL("../../book.toml", import.meta.url), "utf8");
    const declared = [...book.matchAll(/\[\[topics\]\][^[]*?\ntitle = "([^"]+)"/g)].map((m) => m[1]);
    assert.ok(declared.length >= 4, "book.toml declares its topics");
    assert.deepEqual(topics.slice(0, declared.length), declared);
    await page.goto(server.url + "patterns/");
    assert.equal(await page.locator("main .article-list a").first().textContent(), "What is childhood emotional neglect?");
    await page.context().close();
  });

  test("copy link on file:// never sends the reader to the placeholder domain", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    const elsewhere = [];
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) elsewhere.push(r.url()); });
    const url = fileUrl(offline, "effects/alexithymia/index.html");
    await page.goto(url);
    const link = page.getByRole("link", { name: "Copy link to this page" });
    assert.ok(!/example\./.test(await link.getAttribute("href")), "the link's own address is not the placeholder");
    await link.click();
    await page.waitForTimeout(200);
    assert.equal(page.url(), url);
    const shown = await page.evaluate(async () => document.querySelector(".copy-by-hand")?.value || await navigator.clipboard.readText());
    assert.ok(!/example\./.test(shown), `copied ${shown}`);
    assert.match(shown, /alexithymia/);
    assert.deepEqual(elsewhere, []);
    await context.close();
  });
});

describe("topic map", () => {
  test("the legend stays in view on a narrow screen while the map scrolls sideways", async () => {
    const page = await openPage(browser, server.url + "map/", { allowedOrigin: origin() });
    await page.setViewportSize({ width: 375, height: 800 });
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    const entries = await page.locator(".map-key li").evaluateAll((items) =>
      items.map((li) => { const r = li.getBoundingClientRect(); return { text: li.textContent.trim(), left: r.left, right: r.right, height: r.height }; }));
    assert.ok(entries.length >= 2, "a legend entry per relation");
    for (const e of entries) {
      assert.ok(e.left >= 0 && e.right <= width + 1 && e.height > 0, `legend entry "${e.text}" within the ${width}px screen: ${JSON.stringify(e)}`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, "only the map scrolls, not the page");
    await page.context().close();
  });
  test("labels are large, edges grouped by relation, and a node lights its connections on hover and focus", async () => {
    const page = await openPage(browser, server.url + "map/", { allowedOrigin: origin() });
    const size = await page.locator(".map-label").first().evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
    assert.ok(size >= 15, `labels at ${size}px`);
    assert.ok(await page.locator("svg.topic-map g.map-edges").count() >= 2, "edges grouped by relation");
    assert.ok(await page.locator(".map-key li").count() >= 2, "a legend names each group");
    const nodes = await page.locator("svg.topic-map [data-node]").count();
    assert.equal(await page.locator(".map-list > li").count(), nodes, "the list says the same in words");
    const node = page.locator("svg.topic-map [data-node]").nth(2);
    const id = await node.getAttribute("data-node");
    const check = async () => {
      const state = await page.evaluate((n) => {
        const map = document.querySelector(".topic-map");
        const edges = [...map.querySelectorAll(".map-edges .map-edge")];
        const mine = edges.filter((e) => e.dataset.from === n || e.dataset.to === n);
        const opacity = (e) => parseFloat(getComputedStyle(e).strokeOpacity);
        return { mine: mine.length, lit: mine.every((e) => opacity(e) === 1), others: edges.filter((e) => !mine.includes(e)).every((e) => opacity(e) < 0.2) };
      }, id);
      assert.ok(state.mine > 0 && state.lit && state.others, JSON.stringify(state));
    };
    await node.hover();
    await check();
    await page.mouse.move(0, 0);
    await node.focus();
    await check();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
