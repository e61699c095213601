//! The search index on disk: shards that cover the vocabulary in order, postings and
//! documents split by size, and a manifest that describes them.

use crate::support::Fixture;
use serde_json::Value;

fn shard(site: &Fixture, name: &str) -> Value {
    let text = site.read(&format!("search/{name}.js"));
    let json = text
        .strip_prefix(&format!("window.__attuneSearch.push(\"{name}\", "))
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| {
            panic!(
                "{name}.js is not a push call: {}",
                &text[..text.len().min(80)]
            )
        });
    serde_json::from_str(json).unwrap()
}

#[test]
fn a_small_site_is_one_shard_of_each() {
    let site = Fixture::new("basic");
    site.build().assert_code(0);
    let manifest = shard(&site, "index");
    assert_eq!(manifest["vocab"].as_array().unwrap().len(), 1);
    assert_eq!(manifest["postings"], 1);
    let vocab = shard(&site, "v0");
    let words: Vec<&str> = vocab["w"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    assert!(
        words.contains(&"alexithymia")
            && words.contains(&"boundaries")
            && words.contains(&"boundary")
    );
    let stem = |w: &str| vocab["s"][words.iter().position(|x| *x == w).unwrap()].clone();
    assert_eq!(
        stem("boundaries"),
        stem("boundary"),
        "word forms share a stem"
    );
    assert_eq!(
        manifest["synonyms"][0],
        serde_json::json!([["hyper", "independence"], ["counter", "dependence"]])
    );
    let docs = shard(&site, "d0");
    assert!(docs.as_array().unwrap().iter().any(|d| d[0]
        == "effects/counter-dependence/#boundaries-and-closeness"
        && d[2] == "Boundaries and closeness"));
}

#[test]
fn a_large_vocabulary_splits_into_ordered_shards() {
    let site = Fixture::new("basic");
    // 300 articles with 40 distinct made-up words each: about 12,000 words.
    for a in 0..300 {
        let words: Vec<String> = (0..40)
            .map(|w| format!("w{:05}x{}", a * 40 + w, ["alpha", "beta", "gamma"][w % 3]))
            .collect();
        site.write(
            &format!("content/effects/gen{a}.md"),
            format!(
                "---\ntitle: Generated {a}\n---\n{}\n\nSee [[alexithymia]].\n",
                words.join(" ")
            ),
        );
    }
    site.build().assert_code(0);
    let manifest = shard(&site, "index");
    let bounds: Vec<&str> = manifest["vocab"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_str().unwrap())
        .collect();
    assert!(bounds.len() > 1, "split into several vocabulary shards");
    assert!(bounds.windows(2).all(|b| b[0] < b[1]));
    let mut total = 0;
    for (n, bound) in bounds.iter().enumerate() {
        let vocab = shard(&site, &format!("v{n}"));
        let words = vocab["w"].as_array().unwrap();
        assert_eq!(words[0].as_str().unwrap(), *bound);
        if let Some(next) = bounds.get(n + 1) {
            assert!(words.last().unwrap().as_str().unwrap() < *next);
        }
        total += words.len();
    }
    assert!(total > 12_000);
    let postings = manifest["postings"].as_u64().unwrap();
    assert!(postings > 1, "postings split by size");
    // Every stem's postings are in the shard its id selects.
    let v0 = shard(&site, "v0");
    let stem = v0["s"][0].as_u64().unwrap();
    let p = shard(&site, &format!("p{}", stem % postings));
    assert!(p.get(stem.to_string()).is_some());
    let docs = manifest["docs"].as_u64().unwrap();
    assert_eq!(manifest["doc_shard"], 64);
    assert!(site
        .path(&format!("public/search/d{}.js", (docs - 1) / 64))
        .is_file());
    assert!(!site
        .path(&format!("public/search/d{}.js", (docs - 1) / 64 + 1))
        .exists());
}
