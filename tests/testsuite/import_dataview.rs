//! What vaults built on community plugins wrote: Dataview's inline queries
//! (`` `= this.Name` ``), answered from the note's own properties as Obsidian shows
//! them, and properties a vault keeps for its own things (a Pokémon's `weight:`, a
//! paper's `review:`, a `date:` with a remark after it), left out with a warning.

use crate::support::Fixture;

#[test]
fn inline_queries_of_the_note_itself_show_their_answer() {
    // Pokerole-Obsidian-SRD: every move note is a template of `= this.…` queries
    // (23,909 in the vault), its title a heading holding one; they were shown as code.
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Moves/SRD-Counter.md",
        "---\nName: Counter\nPower: 2\nDamage1: ''\nDamage2: Strength\nDescription: The user prepares to receive damage,\n  then returns it.\nTarget: Foe | Ally\ntraditions: [arcane, divine]\n---\n\n### `= this.name`\n*`= this.Description`*\n\n**Damage:** `= this.Power` `= choice(length(this.Damage1)=0, \"\",\"\\+ \"+ this.Damage1)` `= choice(length(this.Damage2)=0, \"\",\"\\+ \"+ this.Damage2)`\n\n| Target | Traditions | Price |\n| --- | --- | --- |\n| `= this.Target` | `=this.traditions` | `= this.SuggestedPrice` |\n\nRank:: 3\n\nFile `=this.file.name`, rank `= this.Rank * 2`, The `==` sign and `= a b` are code.\n\n```\n`= this.Name` in a code block\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("Dataview"), "{}", run.stderr);
    let page = site.read("moves/srd-counter/index.html");
    assert!(
        page.contains("<title>Counter"),
        "the title is the answer: {page}"
    );
    assert!(
        page.contains("<em>The user prepares to receive damage, then returns it.</em>"),
        "{page}"
    );
    assert!(
        page.contains("<strong>Damage:</strong> 2  + Strength"),
        "{page}"
    );
    assert!(
        page.contains("<td>Foe | Ally</td>"),
        "a `|` in an answer keeps the row's cells: {page}"
    );
    assert!(page.contains("<td>arcane, divine</td>"), "{page}");
    assert!(
        page.contains("<td>-</td>"),
        "a property the note lacks is `-`, as Dataview shows null: {page}"
    );
    assert!(page.contains("File SRD-Counter, rank 6,"), "{page}");
    assert!(page.contains("<code>==</code>"), "{page}");
    assert!(page.contains("<code>= a b</code>"), "{page}");
    assert!(page.contains("`= this.Name` in a code block"), "{page}");
    assert!(!page.contains("<code>= this"), "{page}");
}

#[test]
fn a_query_of_other_notes_stays_code_with_a_warning_at_it() {
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/Sessions/Session 1.md",
        "---\nSession: 1\n---\n# Session 1\n\nLast: `=link(this.Session)`, by `$= dv.current().file.name`.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "warning: Dataview inline query `=link(this.Session)` is shown as code: only what the note itself holds is filled in\n --> content/Sessions/Session 1.md:6:7",
    );
    run.assert_stderr_contains(
        "warning: DataviewJS inline query `$= dv.current().file.name` is shown as code",
    );
    let page = site.read("sessions/session-1/index.html");
    assert!(page.contains("<code>=link(this.Session)</code>"), "{page}");
    // A vault's dashboard counting its notes with many (SoRobby's starter vault: 15):
    // one warning.
    site.write(
        "content/Sessions/Board.md",
        "# Board\n\n`$= dv.pages().length` `$= dv.pages('#a').length`\n\n`$= 1 + 1` and `$= 2`\n",
    );
    let run = site.build();
    run.assert_stderr_contains(
        "warning: DataviewJS inline query `$= dv.pages().length` is shown as code: attune runs no JavaScript in content (5 DataviewJS inline queries in 2 files, reported here as one)",
    );
    assert_eq!(
        run.stderr.matches("warning: DataviewJS").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn outside_a_vault_a_code_span_opening_with_an_equals_sign_is_code() {
    // No `.obsidian/` and none of Obsidian's syntax in the notes: not a vault.
    let site = Fixture::empty();
    site.write("book.toml", "[site]\ntitle = \"Notes\"\n");
    site.write(
        "content/Notes/Code.md",
        "---\nName: Counter\n---\n# Code\n\nWrite `= this.Name` to assign, or `=this.Name`; `x = 1` is code.\n",
    );
    let run = site.build();
    run.assert_code(0);
    // One warning a note says why.
    run.assert_stderr_contains(
        "warning: `= this.Name` reads as a Dataview inline query, but the content is not an Obsidian vault: it is shown as code\n --> content/Notes/Code.md:6:7",
    );
    assert_eq!(
        run.stderr.matches("reads as a Dataview").count(),
        1,
        "{}",
        run.stderr
    );
    let page = site.read("notes/code/index.html");
    assert!(page.contains("<code>= this.Name</code>"), "{page}");
}

#[test]
fn properties_a_vault_keeps_for_its_own_things_are_left_out_with_a_warning() {
    // Pokerole-Obsidian-SRD (`weight: {kg: 460}`, 2,220 errors: no build) and
    // knowledge_obsidian (`review: 待深入`, `date: '2026-04-29 (v2)'`).
    let site = Fixture::new("obsidian");
    site.write(
        "content/Pokedex/Abomasnow.md",
        "---\nName: Abomasnow\nweight:\n  kg: 135.5\n  lbs: 298.7\n---\n# Abomasnow\n\nText.\n",
    );
    site.write(
        "content/Papers/Voxels.md",
        "---\ntitle: Voxels\nreview: 待深入\ndate: '2026-04-29 (v2)'\n---\nText.\n",
    );
    site.write(
        "content/Papers/Order.md",
        "---\ntitle: Order\norder: [1, 2]\n---\nText.\n",
    );
    let run = site.build();
    run.assert_code(0);
    run.assert_stderr_contains(
        "warning: front matter: `weight` holds something other than a number, so it is left out\n --> content/Pokedex/Abomasnow.md:3:1",
    );
    run.assert_stderr_contains(
        "warning: front matter: `review` holds something other than a clinical review, so it is left out\n --> content/Papers/Voxels.md:3:1",
    );
    run.assert_stderr_contains(
        "warning: front matter: `date` holds something other than a date, so it is left out\n --> content/Papers/Voxels.md:4:1",
    );
    run.assert_stderr_contains(
        "warning: front matter: `order` holds something other than a number, so it is left out",
    );
    let page = site.read("papers/voxels/index.html");
    assert!(
        page.contains("Not yet clinically reviewed"),
        "no review claim: {page}"
    );
    site.read("pokedex/abomasnow/index.html");
    // A date written wrongly, with nothing after it, stays an error.
    site.write(
        "content/Papers/Wrong.md",
        "---\ntitle: Wrong\ndate: 2026-13-01\n---\nText.\n",
    );
    site.build().assert_code(1);
}

#[test]
fn a_vault_whose_plugins_leave_out_dataview_shows_its_inline_code_as_written() {
    // 0xFC963F18DC21/Notes2022-2023 runs obsidian-git, kanban and style settings only:
    // its `` `=β` `` (beta equivalence) was reported as a Dataview query.
    let site = Fixture::new("obsidian");
    site.write(
        "content/.obsidian/community-plugins.json",
        "[\n  \"obsidian-git\",\n  \"obsidian-kanban\"\n]",
    );
    site.write(
        "content/Notes/Lambda.md",
        "---\nName: Lambda\n---\n\nBeta equivalence (`=β`) and `= this.Name`.\n",
    );
    let run = site.build();
    run.assert_code(0);
    assert!(!run.stderr.contains("Dataview"), "{}", run.stderr);
    let page = site.read("notes/lambda/index.html");
    assert!(
        page.contains("Beta equivalence (<code>=β</code>) and <code>= this.Name</code>."),
        "{page}"
    );
    // With Dataview among its plugins, the query of the note itself is answered.
    site.write(
        "content/.obsidian/community-plugins.json",
        "[\"obsidian-git\", \"dataview\"]",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: Dataview inline query `=β` is shown as code");
    assert!(site
        .read("notes/lambda/index.html")
        .contains("<code>=β</code>) and Lambda."));
}
