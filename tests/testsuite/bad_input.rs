//! Bad input: each case is a diagnostic at file:line:column, exit code 1, and the
//! previous output left byte-for-byte as it was.

use crate::support::Fixture;

/// Builds the good fixture, breaks it with `damage`, and checks the failed rebuild.
#[track_caller]
fn assert_rejected(damage: impl FnOnce(&Fixture), expected: &[&str]) -> String {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let before = site.snapshot("public");
    damage(&site);
    let run = site.build();
    run.assert_code(1);
    for needle in expected {
        run.assert_stderr_contains(needle);
    }
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(
        site.snapshot("public"),
        before,
        "the previous output changed"
    );
    assert!(
        !site.path(".public.attune-staging").exists(),
        "staging folder left behind"
    );
    run.stderr
}

#[test]
fn malformed_yaml_front_matter() {
    assert_rejected(
        |s| {
            s.write(
                "content/effects/bad.md",
                "---\ntitle: [unclosed\nsummary: x\n---\nBody\n",
            )
        },
        &[
            "error: invalid YAML in front matter",
            "--> content/effects/bad.md:3:",
        ],
    );
}

#[test]
fn front_matter_that_is_not_a_mapping() {
    assert_rejected(
        |s| {
            s.write(
                "content/effects/bad.md",
                "---\n- just\n- a list\n---\nBody\n",
            )
        },
        &[
            "error: front matter must be a mapping of keys to values",
            "--> content/effects/bad.md:2:1",
        ],
    );
}

#[test]
fn unterminated_front_matter() {
    assert_rejected(
        |s| {
            s.write(
                "content/effects/bad.md",
                "---\ntitle: Open\n\nBody without a closing line\n",
            )
        },
        &[
            "error: front matter is not closed",
            "--> content/effects/bad.md:1:1",
            "help: add a line containing only `---`",
        ],
    );
}

#[test]
fn field_of_the_wrong_type() {
    assert_rejected(
        |s| {
            s.write(
                "content/effects/bad.md",
                "---\ntitle: Typed\norder: x\n---\nBody\n",
            )
        },
        &[
            "error: front matter: order: invalid type: string \"x\", expected i64",
            "--> content/effects/bad.md:3:8",
        ],
    );
}

#[test]
fn file_that_is_not_utf8() {
    assert_rejected(
        |s| {
            s.write(
                "content/effects/bad.md",
                b"---\ntitle: Latin-1\n---\nCaf\xe9 au lait\n".as_slice(),
            )
        },
        &[
            "error: file is not valid UTF-8",
            "--> content/effects/bad.md:4:4",
        ],
    );
}

#[test]
fn binary_file_named_md() {
    assert_rejected(
        |s| s.write("content/effects/blob.md", b"\x00\x01\x02binary".as_slice()),
        &[
            "error: file contains NUL bytes",
            "--> content/effects/blob.md:1:1",
        ],
    );
}

#[test]
fn utf16_text_named_md_is_read_as_utf16() {
    // UTF-16 without a byte-order mark is valid UTF-8 with a NUL after every ASCII
    // letter: read as the UTF-16 it is, with a warning, never published as "T\u{0}i\u{0}t…".
    let utf16: Vec<u8> = "---\ntitle: Wide\n---\nSome text that is long enough\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let site = Fixture::new("basic");
    site.write("content/effects/wide.md", utf16);
    let run = site.build();
    run.assert_code(0).assert_stderr_contains(
        "warning: file is UTF-16 (little-endian), not UTF-8: read as UTF-16\n --> content/effects/wide.md:1:1",
    );
    let page = site.read("effects/wide/index.html");
    assert!(page.contains("Some text that is long enough"), "{page}");
    assert!(!page.contains('\0'), "{page}");
}

#[test]
fn a_few_nul_bytes_in_a_note_are_shown_as_replacement_characters() {
    // A note with binary output pasted into it (found in a real vault: 5 NULs in 7 KB)
    // is text; CommonMark replaces each NUL with U+FFFD. The build goes on, warning.
    let site = Fixture::new("basic");
    let mut text = b"---\ntitle: Pasted bytes\n---\n".to_vec();
    text.extend(std::iter::repeat_n(b"Readable text around the paste. ".as_slice(), 20).flatten());
    text.extend(b"\n\n\x01x\x00l\x00end\n");
    site.write("content/effects/pasted.md", text);
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: file contains 2 NUL bytes")
        .assert_stderr_contains("--> content/effects/pasted.md:6:3");
    let page = site.read("effects/pasted/index.html");
    assert!(page.contains("x\u{fffd}l\u{fffd}end"), "{page}");
    assert!(!page.contains('\0'));
}

#[test]
fn control_characters_a_page_may_not_hold_are_replaced_with_a_warning() {
    // 117503445/OnJava8-zh's `ch20.md` holds a U+0010 in a Chinese sentence, which went
    // into the page as it was: the Nu HTML Checker calls it a "forbidden code point".
    // DEL and C1 controls are forbidden too; tabs and form feeds are whitespace.
    let site = Fixture::new("basic");
    site.write(
        "content/effects/copied.md",
        "---\ntitle: Copied\n---\nSee [[alexithymia]].\n\n泛型不仅仅是关于集合\u{10}它真正要表达\u{7f}的\u{85}是\tand\u{c}more.\n\n```\ncode\u{1}\n```\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: file contains 4 control characters a web page may not hold (U+0010 first); each is shown as the replacement character U+FFFD")
        .assert_stderr_contains("--> content/effects/copied.md:6:11");
    let page = site.read("effects/copied/index.html");
    assert!(
        page.contains("关于集合\u{fffd}它真正要表达\u{fffd}的\u{fffd}是\tand\u{c}more."),
        "{page}"
    );
    assert!(page.contains("code\u{fffd}"), "{page}");
    for forbidden in ['\u{10}', '\u{7f}', '\u{85}', '\u{1}'] {
        assert!(!page.contains(forbidden), "{forbidden:?}");
    }
}

#[test]
fn two_articles_with_one_file_name_need_their_paths_where_named() {
    // Identity is the path: the same file name in two folders is fine, but a name
    // both answer to (in a wikilink, the glossary, a relation) must be a path.
    let stderr = assert_rejected(
        |s| {
            s.write(
                "content/healing/alexithymia.md",
                "---\ntitle: Another\n---\nBody\n",
            )
        },
        &[
            "error: glossary term 'Alexithymia' names unknown article 'alexithymia'",
            "'alexithymia' could mean 2 notes; write the path of the one you mean: effects/alexithymia (content/effects/alexithymia.md), healing/alexithymia (content/healing/alexithymia.md)",
        ],
    );
    assert!(!stderr.contains("two articles have the slug"), "{stderr}");
}

#[test]
fn topic_not_declared() {
    assert_rejected(
        |s| {
            s.write(
                "content/tools/breathing.md",
                "---\ntitle: Breathing\n---\nBody\n",
            )
        },
        &[
            "error: topic 'tools' is not declared in book.toml",
            "--> content/tools/breathing.md:1:1",
        ],
    );
    assert_rejected(
        |s| {
            s.write(
                "content/effects/x.md",
                "---\ntitle: X\ntopic: efects\n---\nBody\n",
            )
        },
        &[
            "error: topic 'efects' is not declared in book.toml",
            "--> content/effects/x.md:3:1",
            "did you mean 'effects'?",
        ],
    );
}

#[test]
fn broken_relative_link_and_anchor() {
    assert_rejected(
        |s| {
            s.strict_links();
            s.write("content/effects/links.md", "---\ntitle: Links\n---\nSee [this](../patterns/dismisive-family.md).\n\nAnd [that](alexithymia.md#nope).\n")
        },
        &[
            "error: broken link to '../patterns/dismisive-family.md'",
            "--> content/effects/links.md:4:5",
            "help: did you mean '../patterns/dismissive-family.md'?",
            "error: no heading with id 'nope' in 'alexithymia'",
            "--> content/effects/links.md:6:5",
        ],
    );
}

#[test]
fn template_syntax_error_in_site_theme() {
    assert_rejected(
        |s| {
            let book = std::fs::read_to_string(s.path("book.toml")).unwrap();
            s.write(
                "book.toml",
                book.replace("[site]\n", "[build]\ntheme = \"mine\"\n\n[site]\n"),
            );
            s.write("themes/mine/templates/topic.html", "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ topic.title </h1>\n{% endblock main %}\n");
        },
        &[
            "error: template syntax error",
            "--> themes/mine/templates/topic.html:3:",
        ],
    );
}

#[test]
fn template_render_error_names_the_theme_file() {
    let use_theme = |s: &Fixture| {
        let book = std::fs::read_to_string(s.path("book.toml")).unwrap();
        s.write(
            "book.toml",
            book.replace("[site]\n", "[build]\ntheme = \"mine\"\n\n[site]\n"),
        );
    };
    // In the page's own template. (A render error comes after the staging folder is
    // made, which stays for the next build: so not `assert_rejected`.)
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let before = site.snapshot("public");
    use_theme(&site);
    site.write("themes/mine/templates/topic.html", "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ topic.nope.deeper }}</h1>\n{% endblock main %}\n");
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("error: rendering topic.html")
        .assert_stderr_contains("--> themes/mine/templates/topic.html")
        .assert_stderr_contains("nothing was written");
    assert!(!run.stderr.contains("--> templates/"), "{}", run.stderr);
    assert_eq!(
        site.snapshot("public"),
        before,
        "the previous output changed"
    );
    // In the template it extends, outside any block: tera does not say where, so the
    // page's template is named with the templates it extends, at their real paths.
    site.remove("themes/mine/templates/topic.html");
    let base = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap();
    site.write(
        "themes/mine/templates/base.html",
        base.replace("</body>", "{{ no_such_thing.at_all }}</body>"),
    );
    let run = site.build();
    run.assert_code(1)
        .assert_stderr_contains("error: rendering topic.html")
        .assert_stderr_contains("--> themes/default/templates/topic.html")
        .assert_stderr_contains("or in a template it extends: themes/mine/templates/base.html");
}

#[test]
fn unknown_front_matter_key_is_a_warning() {
    let site = Fixture::new("basic");
    site.write(
        "content/effects/x.md",
        "---\ntitle: X\nsumary: typo\n---\nLinks to [[alexithymia]].\n",
    );
    let run = site.build();
    run.assert_code(0)
        .assert_stderr_contains("warning: unknown front matter key `sumary` is ignored")
        .assert_stderr_contains("--> content/effects/x.md:3:1")
        .assert_stderr_contains("did you mean `summary`?");
}

#[test]
fn unknown_book_toml_key_suggests_the_nearest() {
    let site = Fixture::new("basic");
    let book = std::fs::read_to_string(site.path("book.toml")).unwrap();
    site.write(
        "book.toml",
        book.replace("description = \"A small", "descripton = \"A small"),
    );
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: unknown key `descripton` in book.toml")
        .assert_stderr_contains("--> book.toml:3:1")
        .assert_stderr_contains("did you mean `description`?");
}

#[test]
fn empty_content_folder() {
    let site = Fixture::new("basic");
    site.remove("content");
    std::fs::create_dir_all(site.path("content")).unwrap();
    site.build()
        .assert_code(1)
        .assert_stderr_contains("error: no Markdown articles found in `content/`")
        .assert_stderr_contains("attune init");
    assert!(!site.path("public").exists());
}

#[test]
fn no_book_toml() {
    let site = Fixture::empty();
    site.build()
        .assert_code(2)
        .assert_stderr_contains("no book.toml in")
        .assert_stderr_contains("run `attune init`");
}

#[test]
fn hidden_and_temporary_files_are_skipped() {
    let site = Fixture::new("basic");
    site.write("content/effects/.draft.md", "not yaml ---\n---\n");
    site.write("content/effects/alexithymia.md~", "backup");
    site.write("content/effects/.#alexithymia.md", "lock");
    site.write("content/.git/config", "x");
    site.build().assert_code(0);
    assert!(!site.path("public/effects/.draft").exists());
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang_the_walk() {
    let site = Fixture::new("basic");
    std::os::unix::fs::symlink(site.path("content"), site.path("content/effects/loop")).unwrap();
    site.build()
        .assert_code(0)
        .assert_stderr_contains("symbolic link loop skipped");
}

#[cfg(unix)]
#[test]
fn a_symlink_to_nothing_is_named_as_one() {
    // 0xb120's vault holds `VR -> ../VR`, a folder outside the repository: the
    // warning was the walk's own, "IO error for operation on …".
    let site = Fixture::new("basic");
    std::os::unix::fs::symlink("../VR", site.path("content/VR")).unwrap();
    site.build().assert_code(0).assert_stderr_contains(
        "warning: symbolic link to '../VR', which does not exist: left out\n--> content/VR",
    );
}

#[test]
fn output_over_content_or_root_is_refused() {
    let site = Fixture::new("basic");
    site.run(&["build", "--out", "content"])
        .assert_code(2)
        .assert_stderr_contains("refusing to write the site");
    site.run(&["build", "--out", "."])
        .assert_code(2)
        .assert_stderr_contains("refusing to write the site");
    assert!(site.path("content/effects/alexithymia.md").exists());
    assert!(site.path("book.toml").exists());
}
