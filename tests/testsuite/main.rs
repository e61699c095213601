//! attune's integration tests: fixture sites built into temporary folders by the real
//! binary, with assertions on exit codes, diagnostics and the HTML written.

mod bad_input;
mod broken_links;
mod browser;
mod build;
mod check;
mod commonmark;
mod crash;
mod crossrefs;
mod golden;
mod governance;
mod hostile;
mod hostile_data;
mod import_addresses;
mod import_exclude;
mod import_frontmatter;
mod import_hugo;
mod import_languages;
mod import_mdbook;
mod import_obsidian;
mod import_static;
mod import_structure;
mod import_syntax;
mod in_place;
mod layout;
mod linkcheck;
mod links;
mod markdown;
mod outdir;
mod properties;
mod safety;
mod search;
mod serve;
mod serve_safety;
mod snapshots;
mod support;
