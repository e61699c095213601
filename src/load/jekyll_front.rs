//! A Jekyll document's address from a permalink pattern (`/:categories/:year/:month/
//! :day/:title:output_ext`, `/:collection/:path/`), with Jekyll's placeholders in
//! Jekyll's meaning (see `jekyll.rs`, which finds the documents and their patterns).

use super::FrontMatter;
use serde_json::Value;
use std::path::Path;

/// A post or a collection's document, as a permalink pattern reads it.
pub struct Document<'a> {
    /// The collection's name (`posts`, `docs`).
    pub collection: &'a str,
    /// The file's path below the collection's folder (`community/bug.md`).
    pub below: &'a Path,
    /// The file's path below the content folder.
    pub rel: &'a Path,
    pub front: &'a FrontMatter,
    /// Its front matter as a tree of values (`categories` are read from it).
    pub values: Option<&'a Value>,
}

impl Document<'_> {
    /// The address `pattern` gives the document, from the site's top (`/docs/setup/`,
    /// `/2024/01/02/hello.html`); `None` when the pattern names what the document does
    /// not have (a date) or a placeholder Jekyll does not define.
    pub fn address(&self, pattern: &str) -> Option<String> {
        let stem = self.rel.file_stem()?.to_string_lossy().into_owned();
        let is_post = self.collection == "posts";
        // A post's name after its date (`2024-01-02-hello` is `hello`).
        let name = match (stem.get(..10), stem.get(11..)) {
            (Some(date), Some(name)) if is_post && super::Date::parse(date).is_some() => {
                name.to_string()
            }
            _ => stem.clone(),
        };
        let slug = self.front.slug.clone().filter(|s| !s.trim().is_empty());
        let title = cased_slug(slug.as_deref().unwrap_or(&name));
        let path = self.below.with_extension("");
        let path = path.to_string_lossy().replace('\\', "/");
        let date = self.front.date;
        let mut out = String::new();
        let mut rest = pattern;
        while let Some(at) = rest.find(':') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let token_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            let token = &after[..token_len];
            let day = || date.map(|d| (d.year, d.month, d.day));
            let value = match token {
                "collection" => self.collection.to_string(),
                "path" => path.clone(),
                "name" => crate::text::slugify(&stem),
                "title" => title.clone(),
                "slug" => crate::text::slugify(slug.as_deref().unwrap_or(&name)),
                "categories" => self.categories().join("/"),
                "output_ext" => ".html".to_string(),
                "year" => day()?.0.to_string(),
                "short_year" => format!("{:02}", day()?.0 % 100),
                "month" => format!("{:02}", day()?.1),
                "i_month" => day()?.1.to_string(),
                "day" => format!("{:02}", day()?.2),
                "i_day" => day()?.2.to_string(),
                "short_month" => date?.month_name().get(..3)?.to_string(),
                "long_month" => date?.month_name().to_string(),
                "y_day" => {
                    let (y, m, d) = day()?;
                    let before: u32 = (1..m).map(|m| super::date::days_in_month(y, m)).sum();
                    format!("{:03}", before + d)
                }
                _ => return None,
            };
            out.push_str(&value);
            rest = &after[token_len..];
        }
        out.push_str(rest);
        let mut address = String::from("/");
        for part in out.split('/').filter(|p| !p.is_empty()) {
            if part == "." || part == ".." {
                return None;
            }
            address.push_str(part);
            address.push('/');
        }
        if !out.ends_with('/') && address.len() > 1 {
            address.pop();
        }
        Some(address)
    }

    /// A post's categories, as Jekyll puts them in its address: the folders above
    /// `_posts/` then the front matter's `categories` (a list, or words apart by
    /// spaces) or `category`, in lower case, each once.
    fn categories(&self) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        if self.collection == "posts" {
            let folders = self
                .rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy());
            found.extend(
                folders
                    .take_while(|p| p != "_posts")
                    .map(|p| p.into_owned()),
            );
        }
        for key in ["categories", "category"] {
            match self.values.and_then(|v| v.get(key)) {
                Some(Value::Array(list)) => found.extend(list.iter().filter_map(scalar)),
                Some(one) => {
                    let words = scalar(one).unwrap_or_default();
                    found.extend(words.split_whitespace().map(str::to_string));
                }
                None => {}
            }
        }
        let mut categories: Vec<String> = Vec::new();
        for category in found.into_iter().map(|c| c.to_lowercase()) {
            if !category.is_empty() && !categories.contains(&category) {
                categories.push(category);
            }
        }
        categories
    }
}

/// A front matter value written as text: a string or a number.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A name as Jekyll's `:title` writes it (`slugify` in its "pretty" mode, case kept):
/// each run of characters other than letters, digits and `._~!$&'()+,;=@` is one `-`.
fn cased_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() || "._~!$&'()+,;=@".contains(c) {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(collection: &str, rel: &str, text: &str, pattern: &str) -> Option<String> {
        let mut front = FrontMatter::default();
        let stem = Path::new(rel).file_stem().unwrap().to_string_lossy();
        front.date = stem.get(..10).and_then(super::super::Date::parse);
        let rel = Path::new(rel);
        let below = rel
            .iter()
            .skip_while(|p| !p.to_string_lossy().starts_with('_'))
            .skip(1)
            .collect::<std::path::PathBuf>();
        let values = super::super::hugo_params::front_values(text);
        let document = Document {
            collection,
            below: &below,
            rel,
            front: &front,
            values: values.as_ref(),
        };
        document.address(pattern)
    }

    #[test]
    fn a_post_takes_the_address_its_pattern_gives() {
        let date = "/:categories/:year/:month/:day/:title:output_ext";
        let post = "---\ntitle: Hello\ncategory: Release\n---\nText\n";
        assert_eq!(
            address("posts", "blog/_posts/2016-04-19-hello.md", post, date).as_deref(),
            Some("/blog/release/2016/04/19/hello.html")
        );
        let news = "/news/:year/:month/:day/:title/";
        assert_eq!(
            address("posts", "_posts/2016-04-19-Hello World.md", "", news).as_deref(),
            Some("/news/2016/04/19/Hello-World/")
        );
        let ordinal = "/:year/:y_day/:slug/";
        assert_eq!(
            address("posts", "_posts/2016-03-01-a.md", "", ordinal).as_deref(),
            Some("/2016/061/a/")
        );
        assert_eq!(address("posts", "_posts/hello.md", "", news), None);
        // A letter of two bytes across the tenth byte is no date, and no panic.
        let odd = address("posts", "_posts/2016-04-1é-a.md", "", "/:title/");
        assert_eq!(odd.as_deref(), Some("/2016-04-1é-a/"));
        assert_eq!(
            address("posts", "_posts/2016-04-19-a.md", "", "/:nope/"),
            None
        );
    }

    #[test]
    fn a_collections_document_takes_its_path() {
        assert_eq!(
            address("docs", "_docs/community/bug.md", "", "/:collection/:path/").as_deref(),
            Some("/docs/community/bug/")
        );
        assert_eq!(
            address(
                "docs",
                "_docs/setup.md",
                "",
                "/:collection/:path:output_ext"
            )
            .as_deref(),
            Some("/docs/setup.html")
        );
    }
}
