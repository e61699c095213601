//! Obsidian Bases views in a vault: `![[Books.base]]`, `![[Books.base#View]]` and
//! `base` code blocks show the notes the base keeps, computed when the site is built,
//! as Obsidian shows them; what a published page cannot compute is left out with a
//! warning naming it.

use crate::support::Fixture;

/// A vault of worksheets and books, with a base over them kept among its templates
/// (as kepano's vault keeps its bases in `Templates/Bases/`).
fn vault() -> Fixture {
    let site = Fixture::new("obsidian");
    site.write("content/.obsidian/app.json", "{}");
    site.write(
        "content/.obsidian/templates.json",
        "{\"folder\": \"Templates\"}",
    );
    site.write(
        "content/Templates/Bases/Reading.base",
        r#"filters:
  and:
    - categories.contains(link("Books"))
    - '!file.name.contains("Template")'
formulas:
  pages_per_year: (pages / (2025 - year)).toFixed(1)
properties:
  note.author:
    displayName: Author
  file.name:
    displayName: Book
summaries:
  twice: 'values.reduce(acc + value, 0) * 2'
views:
  - type: table
    name: Books
    order:
      - file.name
      - author
      - year
      - formula.pages_per_year
    sort:
      - property: year
        direction: DESC
    summaries:
      year: Average
      formula.pages_per_year: Filled
  - type: table
    name: Short
    limit: 1
    filters: pages < 300
    order: [file.name, pages]
    sort:
      - property: pages
        direction: ASC
  - type: list
    name: By author
    filters:
      and:
        - list(author).contains(this)
    order: [file.name, year]
  - type: table
    name: Grouped
    groupBy:
      property: shelf
      direction: ASC
    order: [file.name, pages]
    summaries:
      pages: twice
  - type: table
    name: Recent
    filters: 'added > now() - "30d"'
  - type: map
    name: Where
"#,
    );
    site.write(
        "content/Categories/Books.md",
        "# Books\n\n![[Reading.base]]\n",
    );
    site.write(
        "content/Reading/The Body Keeps the Score.md",
        "---\ncategories:\n  - \"[[Books]]\"\nauthor: \"[[Bessel van der Kolk]]\"\nyear: 2014\npages: 464\nshelf: trauma\n---\n# The Body Keeps the Score\n\nOn trauma.\n",
    );
    site.write(
        "content/Reading/Running on Empty.md",
        "---\ncategories: [\"[[Books]]\"]\nauthor: Jonice Webb\nyear: 2012\npages: 288\nshelf: neglect\n---\n# Running on Empty\n\nOn childhood emotional neglect.\n",
    );
    site.write(
        "content/Reading/Adult Children of Emotionally Immature Parents.md",
        "---\ncategories:\n  - \"[[Books]]\"\nauthor: Lindsay C. Gibson\nyear: 2015\npages: 224\nshelf: neglect\n---\n# Adult Children of Emotionally Immature Parents\n\nOn parents.\n",
    );
    site.write(
        "content/Reading/Book Template.md",
        "---\ncategories: [\"[[Books]]\"]\n---\n# Book Template\n",
    );
    site.write(
        "content/People/Bessel van der Kolk.md",
        "# Bessel van der Kolk\n\nPsychiatrist.\n\n![[Reading.base#By author]]\n",
    );
    site
}

#[test]
fn an_embedded_base_shows_the_notes_it_keeps_in_its_views_order_and_columns() {
    let site = vault();
    site.write(
        "content/Reading/Workbook.md",
        "---\ncategories: [\"[[Books]]\"]\nauthor: Jonice Webb\n---\n# Workbook\n",
    );
    let run = site.build();
    run.assert_code(0);
    // The properties the base reads are used: no "unknown key" for them.
    for key in ["categories", "author", "year", "pages", "shelf"] {
        let unknown = format!("unknown front matter key `{key}`");
        assert!(!run.stderr.contains(&unknown), "{}", run.stderr);
    }
    let page = site.read("categories/books/index.html");
    let table = page
        .split("<table class=\"base-view\">")
        .nth(1)
        .and_then(|t| t.split("</table>").next())
        .unwrap_or_else(|| panic!("no view: {page}"));
    assert!(table.contains("<caption>Books</caption>"), "{table}");
    assert!(
        table.contains("<thead><tr><th scope=\"col\">Book</th><th scope=\"col\">Author</th><th scope=\"col\">year</th><th scope=\"col\">pages_per_year</th></tr></thead>"),
        "display names from `properties`, else the property's own: {table}"
    );
    // Newest first, a book without a year last; the template is filtered out by its name.
    let rows: Vec<&str> = table.matches("<tr><td><a").collect();
    assert_eq!(rows.len(), 4, "{table}");
    let at = |s: &str| table.find(s).unwrap_or_else(|| panic!("{s}: {table}"));
    assert!(
        at("Adult Children of") < at("The Body Keeps")
            && at("The Body Keeps") < at("Running on Empty")
    );
    assert!(at("Running on Empty") < at(">Workbook<"), "{table}");
    assert!(!table.contains("Book Template"), "{table}");
    // A `[[link]]` property links to its note; a formula is computed per row.
    assert!(
        table.contains("<td><a href=\"../../reading/the-body-keeps-the-score/\">The Body Keeps the Score</a></td><td><a href=\"../../people/bessel-van-der-kolk/\">Bessel van der Kolk</a></td><td>2014</td><td>42.2</td>"),
        "{table}"
    );
    assert!(
        table.contains("<td>Jonice Webb</td><td>2012</td><td>22.2</td>"),
        "{table}"
    );
    // Summaries under their columns: Obsidian's Average, and Filled.
    assert!(
        table.contains("<tfoot><tr><td></td><td></td><td>2013.67</td><td>3</td></tr></tfoot>"),
        "{table}"
    );
}

#[test]
fn a_named_view_this_groups_limits_and_code_blocks_are_computed_too() {
    let site = vault();
    site.write(
        "content/Reading/Shelves.md",
        "# Shelves\n\n![[Reading.base#Short]]\n\n![[Reading.base#Grouped]]\n\n```base\nfilters: file.inFolder(\"People\")\nviews:\n  - type: table\n    name: People here\n```\n\n```base\nfilters: 'file.ext == \"png\"'\nviews:\n  - type: table\n    name: Images\n    order: [file.name, file.backlinks, file.folder]\n```\n",
    );
    // A cards view shows each card's image, a file of the vault; not one on another site.
    site.write(
        "content/Reading/Covered.md",
        "---\ncover: \"[[breathing.png]]\"\n---\n# Covered\n",
    );
    site.write(
        "content/Reading/Remote.md",
        "---\ncover: https://covers.example.org/remote.jpg\n---\n# Remote\n",
    );
    site.write(
        "content/Reading/Covers.md",
        "# Covers\n\n```base\nfilters: cover\nviews:\n  - type: cards\n    name: Covers\n    image: note.cover\n    order: [file.name, cover]\n```\n",
    );
    let run = site.build();
    run.assert_code(0);
    let covers = site.read("reading/covers/index.html");
    assert!(
        covers.contains("<ul>\n<li><img src=\"../../Attachments/breathing.png\" alt=\"\" loading=\"lazy\"> <a href=\"../../reading/covered/\">Covered</a>: <a href=\"../../Attachments/breathing.png\">breathing</a></li>\n<li><a href=\"../../reading/remote/\">Remote</a>: https://covers.example.org/remote.jpg</li>\n</ul>"),
        "{covers}"
    );
    // `this` is the note holding the embed: the author's books, as a list.
    let person = site.read("people/bessel-van-der-kolk/index.html");
    assert!(
        person.contains("<figure class=\"base-view\">\n<figcaption>By author</figcaption>\n<ul>\n<li><a href=\"../../reading/the-body-keeps-the-score/\">The Body Keeps the Score</a>: 2014</li>\n</ul>\n</figure>"),
        "{person}"
    );
    let shelves = site.read("reading/shelves/index.html");
    // `limit: 1` of the books under 300 pages, fewest first.
    let short = shelves
        .split("<caption>Short</caption>")
        .nth(1)
        .unwrap_or_default();
    let short = short.split("</table>").next().unwrap_or_default();
    assert!(
        short.contains("Adult Children of Emotionally Immature Parents</a></td><td>224</td>"),
        "{short}"
    );
    assert_eq!(short.matches("<tr><td>").count(), 1, "{short}");
    // Groups in order of their value, each headed by it; a custom summary over `values`.
    let grouped = shelves
        .split("<caption>Grouped</caption>")
        .nth(1)
        .unwrap_or_default();
    let neglect = grouped
        .find("<th scope=\"rowgroup\" colspan=\"2\">neglect</th>")
        .unwrap_or(usize::MAX);
    let trauma = grouped
        .find("<th scope=\"rowgroup\" colspan=\"2\">trauma</th>")
        .unwrap_or(0);
    assert!(neglect < trauma, "{grouped}");
    assert!(
        grouped.contains("<tfoot><tr><td></td><td>1952</td></tr></tfoot>"),
        "{grouped}"
    );
    // A code block's base: `file.inFolder`, the file's name as the only column.
    assert!(
        shelves.contains("<caption>People here</caption>\n<thead><tr><th scope=\"col\">file name</th></tr></thead>\n<tbody>\n<tr><td><a href=\"../../people/bessel-van-der-kolk/\">Bessel van der Kolk</a></td></tr>"),
        "{shelves}"
    );
    assert!(
        !shelves.contains("```") && !shelves.contains("filters:"),
        "{shelves}"
    );
    // Files that are no notes are rows too, with the notes that show them.
    assert!(
        shelves.contains("<tr><td><a href=\"../../Attachments/breathing.png\">breathing.png</a></td><td><a href=\"../../patterns/family-styles/dismissive-family/\">Dismissive Family</a></td><td>Attachments</td></tr>"),
        "{shelves}"
    );
    // The base file itself, among the templates, is not published.
    assert!(!site.path("public/templates").exists());
    assert!(!run.stderr.contains("Bases view"), "{}", run.stderr);
}

#[test]
fn a_view_a_page_cannot_compute_is_left_out_with_a_warning_naming_why() {
    let site = vault();
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        format!("{book}\n[build]\nbroken_links = \"warn\"\n"),
    );
    site.write(
        "content/Reading/Lists.md",
        "# Lists\n\nNew:\n\n![[Reading.base#Recent]]\n\n![[Reading.base#Where]]\n\n![[Reading.base#Nope]]\n\n![[Missing.base]]\n\nEnd.\n",
    );
    site.write(
        "content/Reading/Broken.md",
        "# Broken\n\n```base\nviews:\n  - type: table\n    filters: 'pages ~ 3'\n```\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: Obsidian Bases view `Reading.base#Recent` uses `now()`: it is left out of the page\n --> content/Reading/Lists.md:5:1")
        .assert_stderr_contains("help: a published page cannot compute it as Obsidian does when the note is opened; list the notes it shows as links, or change the view in content/Templates/Bases/Reading.base")
        .assert_stderr_contains("warning: Obsidian Bases view `Reading.base#Where` is a `map` view, which attune does not draw: it is left out of the page\n --> content/Reading/Lists.md:7:1")
        .assert_stderr_contains("warning: Obsidian Bases view `Reading.base#Nope` has no view named `Nope`: it is left out of the page\n --> content/Reading/Lists.md:9:1")
        .assert_stderr_contains("warning: Obsidian Bases view `Missing.base` is not in the content folder: it is left out of the page\n  --> content/Reading/Lists.md:11:1")
        .assert_stderr_contains("warning: Obsidian Bases view `base code block` cannot be read: `pages ~ 3` cannot be read: `~` is not part of the language: it is left out of the page\n --> content/Reading/Broken.md:6:1");
    let page = site.read("reading/lists/index.html");
    assert!(
        !page.contains("base-view") && !page.contains("<p></p>"),
        "{page}"
    );
    assert!(
        page.contains("<p>New:</p>") && page.contains("<p>End.</p>"),
        "{page}"
    );
    // Strict builds make them errors, as other tools' syntax is.
    site.write(
        "book.toml",
        format!("{book}\n[build]\nbroken_links = \"warn\"\nunsupported_syntax = \"error\"\n"),
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: Obsidian Bases view `Reading.base#Recent` uses `now()`");
}

#[test]
fn a_column_or_sort_a_page_cannot_compute_is_left_out_and_the_notes_stay() {
    // 0xd3xt3r/mind_river: 11 maps of content listing their notes in views with a
    // `file.mtime` column, sorted by it: each whole view was left out.
    let site = vault();
    site.write(
        "content/Reading/Recently.md",
        r#"# Recently

```base
filters: shelf == "neglect"
views:
  - type: table
    name: Changed
    order: [file.name, file.mtime, year]
    sort:
      - property: file.mtime
        direction: DESC
      - property: year
        direction: ASC
```
"#,
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: Obsidian Bases view `base code block#Changed` uses `file.mtime`: shown without those columns and that sort\n --> content/Reading/Recently.md:3:1")
        .assert_stderr_contains("help: a published page cannot compute it as Obsidian does when the note is opened; sort by a property the notes hold (a `created:` or `updated:` date)");
    let page = site.read("reading/recently/index.html");
    let table = page
        .split("<table class=\"base-view\">")
        .nth(1)
        .expect("the view");
    let table = table.split("</table>").next().unwrap();
    assert!(!table.contains("mtime"), "{table}");
    let (empty, adult) = (table.find("Running on Empty"), table.find("Adult Children"));
    assert!(empty.is_some() && empty < adult, "sorted by year: {table}");
    assert!(
        table.contains("<td>2012</td>") && table.contains("<td>2015</td>"),
        "{table}"
    );
}

#[test]
fn serve_shows_a_view_again_when_a_note_or_the_base_changes() {
    use crate::serve::{assert_same_as_full_build, get, start, wait_until};
    let site = vault();
    let server = start(&site);
    let a = &server.address;
    let books = || get(a, "/categories/books/").1;
    assert!(books().contains("<td>2012</td>"), "{}", books());
    // A property of one note changes the view on another note's page.
    let file = "content/Reading/Running on Empty.md";
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    site.write(file, text.replace("year: 2012", "year: 2013"));
    wait_until("the new year", || books().contains("<td>2013</td>"));
    // The base, kept in the vault's templates folder, is read again too.
    let base = "content/Templates/Bases/Reading.base";
    let text = std::fs::read_to_string(site.path(base)).unwrap();
    site.write(base, text.replace("name: Books", "name: Shelf of books"));
    wait_until("the view's new name", || {
        books().contains("<caption>Shelf of books</caption>")
    });
    assert_same_as_full_build(&site, &server.out);
}

#[test]
fn a_hostile_base_is_refused_with_a_warning_not_a_crash() {
    let site = vault();
    // Formulas 60 parentheses deep, each using the one before, 15 of them: the deepest
    // evaluation allowed, in the build's worker threads.
    let mut formulas = String::from("formulas:\n  f0: pages\n");
    for n in 1..15 {
        let open = "(".repeat(60);
        let close = ")".repeat(60);
        formulas.push_str(&format!("  f{n}: {open}formula.f{} + 1{close}\n", n - 1));
    }
    formulas.push_str("  loop: formula.loop + 1\n");
    let deep = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
    site.write(
        "content/Templates/Bases/Hostile.base",
        format!(
            "{formulas}views:\n  - type: table\n    name: Deep\n    filters: year > 0\n    order: [file.name, formula.f14]\n  - type: table\n    name: Loop\n    order: [formula.loop]\n  - type: table\n    name: Doubling\n    filters: year > 0\n    order: [pages]\n    summaries:\n      pages: double\nsummaries:\n  double: 'values.map([1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]).flat().reduce(acc + acc, \"xx\").length'\n"
        ),
    );
    site.write(
        "content/Reading/Hostile.md",
        format!(
            "# Hostile\n\n![[Hostile.base#Deep]]\n\n![[Hostile.base#Loop]]\n\n![[Hostile.base#Doubling]]\n\n```base\nfilters: '{deep}'\n```\n"
        ),
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: Obsidian Bases view `Hostile.base#Loop` uses formulas that use each other more than 16 deep, or in a circle (`loop`)")
        .assert_stderr_contains("warning: Obsidian Bases view `Hostile.base#Doubling` uses a value longer than 1000000")
        .assert_stderr_contains("warning: Obsidian Bases view `base code block` cannot be read: `((((")
        .assert_stderr_contains("it nests more than 64 deep");
    let page = site.read("reading/hostile/index.html");
    assert!(page.contains("<caption>Deep</caption>"), "{page}");
    assert!(page.contains("<td>478</td>"), "464 pages + 14: {page}");
    assert!(
        !page.contains("Loop") && !page.contains("Doubling"),
        "{page}"
    );
}
