//! The shortcodes of the Hugo themes most documentation sites use, which a page's
//! text or links are in: Docsy's (`docsy.rs`), Hextra's (`hextra.rs`) and Hugo
//! Book's (`book.rs`), drawn as their templates draw them. The theme itself is a Hugo
//! module, not in the site's repository, so its templates are not there to read.

mod book;
mod docsy;
mod hextra;

pub(super) use docsy::{in_place, pair};
