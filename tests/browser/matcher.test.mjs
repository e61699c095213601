// Unit tests of search.js's pure helpers (folding, words, the edit-distance matcher),
// run in node without a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { join } from "node:path";
import { repo } from "./harness.mjs";

const context = { window: {} };
runInNewContext(readFileSync(join(repo, "themes/default/static/search.js"), "utf8"), context);
const lib = context.window.__attuneSearch.lib;

test("folding matches the build: case, accents, curly apostrophes", () => {
  assert.equal(lib.fold("Café ÉMOTIONS can’t"), "cafe emotions can't");
  assert.deepEqual([...lib.words("Counter-dependence; can’t feel!")], ["counter", "dependence", "can't", "feel"]);
});

test("edit distance within a budget", () => {
  assert.equal(lib.within("alexithymya", "alexithymia", 1), true);
  assert.equal(lib.within("alexithimya", "alexithymia", 1), false);
  assert.equal(lib.within("alexithimya", "alexithymia", 2), true);
  assert.equal(lib.within("bondary", "boundary", 1), true, "a missing letter");
  assert.equal(lib.within("shame", "shape", 0), false);
  assert.equal(lib.within("calm", "clam", 1), false, "a swap is two edits");
  assert.equal(lib.within("numb", "number", 1), false, "length difference beyond the budget");
});

test("typo budget grows with word length", () => {
  assert.equal(lib.typoBudget("sad"), 0);
  assert.equal(lib.typoBudget("numb"), 1);
  assert.equal(lib.typoBudget("anxious"), 1);
  assert.equal(lib.typoBudget("boundary"), 2);
});
