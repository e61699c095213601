//! What the served folder's pages and fragments were rendered from, kept between
//! rebuilds, so a rebuild renders again only what a change touches.

use crate::output::{Inputs, PageCache};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The page caches of one serve session.
#[derive(Default)]
pub struct Pages {
    /// Site-relative path → what the page was rendered from.
    pages: Mutex<HashMap<String, Inputs>>,
    /// Pieces of larger files (print.html's articles), by name: inputs and HTML.
    fragments: Mutex<HashMap<String, (Inputs, String)>>,
    rendered: AtomicUsize,
}

impl Pages {
    /// Forgets what each page was rendered from, so every page renders again (after a
    /// template change).
    pub fn clear(&self) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.clear();
        }
        if let Ok(mut fragments) = self.fragments.lock() {
            fragments.clear();
        }
    }

    /// How many pages were rendered since the last call.
    pub fn take_rendered(&self) -> usize {
        self.rendered.swap(0, Ordering::Relaxed)
    }
}

impl PageCache for Pages {
    fn fresh(&self, path: &str, key: u64) -> bool {
        self.pages
            .lock()
            .map(|p| p.get(path).is_some_and(|i| i.key == key))
            .unwrap_or(false)
    }

    fn unchanged(&self, path: &str, inputs: Inputs) -> bool {
        let Ok(mut pages) = self.pages.lock() else {
            return false;
        };
        match pages.get_mut(path) {
            Some(known) if known.context == inputs.context => {
                known.key = inputs.key;
                true
            }
            _ => false,
        }
    }

    fn rendered(&self, path: &str, inputs: Inputs) {
        self.rendered.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut pages) = self.pages.lock() {
            pages.insert(path.to_string(), inputs);
        }
    }

    fn fragment(&self, name: &str, check: &dyn Fn(&Inputs) -> bool) -> Option<String> {
        let fragments = self.fragments.lock().ok()?;
        let (inputs, html) = fragments.get(name)?;
        check(inputs).then(|| html.clone())
    }

    fn keep_fragment(&self, name: &str, inputs: Inputs, html: String) {
        if let Ok(mut fragments) = self.fragments.lock() {
            fragments.insert(name.to_string(), (inputs, html));
        }
    }

    fn forget(&self, path: &str) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.remove(path);
        }
    }
}
