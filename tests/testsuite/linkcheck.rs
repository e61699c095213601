//! An independent link checker for built sites: every HTML file is read by html5ever's
//! tokenizer (not attune's code), and every `href`, `src`, `srcset`, `poster`, `data`
//! and meta-refresh target must name a file on disk, with its `#fragment` an id (or
//! `<a name>`) in that file. Web editions may link to folders (a server answers with
//! their `index.html`); offline editions, read from `file://`, may not. Root-relative
//! links count as broken: they fail under a sub-path and offline. The one exception is
//! a web edition's top `404.html`, which hosts serve at any depth: its links start from
//! the site's base path.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One page read: the ids it defines and the URLs it follows or loads.
#[derive(Default)]
struct Page {
    ids: BTreeSet<String>,
    urls: Vec<String>,
}

struct Sink(RefCell<Page>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        let name = tag.name.to_string();
        let attr = |wanted: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == wanted)
                .map(|a| a.value.to_string())
        };
        let mut page = self.0.borrow_mut();
        if let Some(id) = attr("id") {
            page.ids.insert(id);
        }
        if name == "a" {
            if let Some(anchor) = attr("name") {
                page.ids.insert(anchor);
            }
        }
        let wanted: &[&str] = match name.as_str() {
            "a" | "area" | "link" => &["href"],
            "img" | "source" => &["src", "srcset"],
            "video" => &["src", "poster"],
            "audio" | "iframe" | "embed" | "script" | "track" | "input" | "frame" => &["src"],
            "object" => &["data"],
            _ => &[],
        };
        for a in wanted {
            let Some(value) = attr(a) else { continue };
            if *a == "srcset" {
                for candidate in value.split(',') {
                    if let Some(url) = candidate.split_whitespace().next() {
                        page.urls.push(url.to_string());
                    }
                }
            } else {
                page.urls.push(value.trim().to_string());
            }
        }
        if name == "meta" && attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("refresh")) {
            if let Some(content) = attr("content") {
                if let Some((_, url)) = content.split_once("url=") {
                    page.urls.push(url.trim().to_string());
                }
            }
        }
        match name.as_str() {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" => TokenSinkResult::RawData(RawKind::Rawtext),
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            _ => TokenSinkResult::Continue,
        }
    }
}

fn read_page(html: &str) -> Page {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Sink(RefCell::new(Page::default())), Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A broken reference: the page it is on, the URL, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Broken {
    pub page: String,
    pub url: String,
    pub why: String,
}

/// Checks every HTML file under `root`; `offline` for an edition read from `file://`.
pub fn check_folder(root: &Path, offline: bool) -> Vec<Broken> {
    let mut pages: BTreeMap<PathBuf, Page> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "html") {
            // A copied page may be in another encoding (Latin-1): read as a browser
            // reads what it cannot decode, its links are ASCII all the same.
            let html = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
            pages.insert(
                path.strip_prefix(root).unwrap().to_path_buf(),
                read_page(&html),
            );
        }
    }
    let mut broken = Vec::new();
    for (page, found) in &pages {
        let folder = page.parent().unwrap_or(Path::new(""));
        for url in &found.urls {
            let fail = |why: &str| Broken {
                page: page.display().to_string(),
                url: url.clone(),
                why: why.to_string(),
            };
            let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
                s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
            if url.starts_with("//") || scheme.is_some() {
                continue;
            }
            // The top `404.html` of a web edition is served at whatever depth the
            // missing address had, so its links start from the site's base path (the
            // root, in these fixtures); anywhere else a root-relative link is broken.
            let any_depth = !offline && page == Path::new("404.html");
            if url.starts_with('/') && !any_depth {
                broken.push(fail("root-relative: breaks under a sub-path and offline"));
                continue;
            }
            let folder = if url.starts_with('/') {
                Path::new("")
            } else {
                folder
            };
            // Its links start with the path the site is published under (`/library/`
            // for a base_url with one): the folder its own stylesheet sits in.
            let base = found
                .urls
                .iter()
                .find_map(|u| u.strip_suffix("assets/style.css"))
                .filter(|b| b.starts_with('/'))
                .unwrap_or("/");
            let url = match url.strip_prefix(base) {
                Some(rest) if any_depth && url.starts_with('/') => format!("/{rest}"),
                _ => url.clone(),
            };
            let (rest, fragment) = match url.split_once('#') {
                Some((r, f)) => (r, Some(decode(f))),
                None => (url.as_str(), None),
            };
            let rest = rest.split('?').next().unwrap_or_default();
            let mut target = if rest.is_empty() {
                page.clone()
            } else {
                let mut t = folder.to_path_buf();
                let mut escaped = false;
                for part in decode(rest).split('/') {
                    match part {
                        "" | "." => {}
                        ".." => escaped |= !t.pop(),
                        p => t.push(p),
                    }
                }
                if escaped {
                    broken.push(fail("leads above the site root"));
                    continue;
                }
                t
            };
            let full = root.join(&target);
            if full.is_dir() {
                if offline {
                    broken.push(fail(
                        "names a folder: file:// shows a listing, not the page",
                    ));
                    continue;
                }
                target.push("index.html");
            } else if rest.ends_with('/') {
                broken.push(fail("no such folder"));
                continue;
            }
            if !root.join(&target).is_file() {
                broken.push(fail("no such file"));
                continue;
            }
            if let Some(id) = fragment.filter(|f| !f.is_empty()) {
                if target.extension().is_some_and(|e| e == "html") {
                    // The HTML standard scrolls `#top` to the top of any page.
                    let known = id.eq_ignore_ascii_case("top")
                        || pages.get(&target).is_some_and(|p| p.ids.contains(&id));
                    if !known {
                        broken.push(fail("no element with that id"));
                    }
                }
            }
        }
    }
    broken
}

/// Unpacks `zip` into `into` (a folder per archive, as a reader's unzip tool would).
pub fn unzip(zip: &Path, into: &Path) {
    let file = std::fs::File::open(zip).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    archive.extract(into).unwrap();
}

#[test]
fn the_checker_finds_what_is_broken() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("a")).unwrap();
    std::fs::write(
        root.join("index.html"),
        "<a href=\"a/\">ok</a><a href=\"a/#x\">ok</a><a href=\"a/#nope\">bad</a><img src=\"missing.png\"><a href=\"/a/\">root</a><img srcset=\"a/p.png 1x, a/q.png 2x\"><script>'<a href=\"nowhere\">'</script><a href=\"https://example.org/\">far</a>",
    )
    .unwrap();
    std::fs::write(
        root.join("a/index.html"),
        "<h2 id=\"x\">X</h2><a name=\"y\"></a><a href=\"#y\">y</a>",
    )
    .unwrap();
    std::fs::write(root.join("a/p.png"), "").unwrap();
    let urls: Vec<String> = check_folder(root, false)
        .into_iter()
        .map(|b| b.url)
        .collect();
    assert_eq!(urls, ["a/#nope", "missing.png", "/a/", "a/q.png"]);
    let offline: Vec<String> = check_folder(root, true)
        .into_iter()
        .map(|b| b.url)
        .collect();
    assert!(offline.contains(&"a/".to_string()));
}
