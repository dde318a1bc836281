//! The preloads of a lazy page's WASM files, written by the server into the page's `<head>`
//! from the split manifest, so every answer for a page lists the same ones.
//!
//! Leptos adds them itself after rendering, from the lazy routes the page registered and a
//! manifest looked up outside the page's owner, and often finds nothing (issue 12 saw 29 of
//! 40 answers without them): those phones fetched the step's code only once the main WASM
//! asked for it. The shell uses [`links`] instead, and [`silence_leptos`] so the two lists
//! are never both written.

use leptos::config::LeptosOptions;
use std::{collections::HashMap, path::PathBuf, sync::OnceLock};

/// What a page's head links to, in order: each `.wasm` file to fetch, then the loader script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preloads {
    pub wasm: Vec<String>,
    pub loader: String,
}

/// The preloads of the page at `path`, or none when it is not a lazy page or the site was
/// built without `--split`. Read from the split manifest once, for every lazy page.
pub fn links(path: &str, options: &LeptosOptions) -> Option<Preloads> {
    PAGES
        .get_or_init(|| read_manifest(options).unwrap_or_default())
        .get(path.trim_end_matches('/'))
        .cloned()
}

/// Gives the page's lazy routes a list of their own to register in, so the one Leptos reads
/// after rendering stays empty and it adds no second, sometimes missing, set of preloads.
pub fn silence_leptos() {
    leptos::prelude::provide_context(leptos::PrefetchLazyFn::default());
}

/// Each lazy page's preloads, by path.
static PAGES: OnceLock<HashMap<&'static str, Preloads>> = OnceLock::new();

/// Reads `__wasm_split_manifest[.<hash>].json` from the site, its name from `hash.txt` beside
/// the binary when the files are named after their content (as Leptos finds it), and lists
/// each lazy page's files: those of its view, named `__<route>_view_<hash>` by `#[lazy_route]`.
fn read_manifest(options: &LeptosOptions) -> Option<HashMap<&'static str, Preloads>> {
    let mut manifest = "__wasm_split_manifest.json".to_string();
    let mut loader = "__wasm_split.______________________.js".to_string();
    if options.hash_files {
        let hashes = std::env::current_exe().ok().and_then(|exe| {
            std::fs::read_to_string(exe.parent()?.join(options.hash_file.as_ref())).ok()
        })?;
        for (file, hash) in hashes.lines().filter_map(|line| line.split_once(':')) {
            match file.trim() {
                "manifest" => manifest = format!("__wasm_split_manifest.{}.json", hash.trim()),
                "split" => loader = format!("__wasm_split.{}.js", hash.trim()),
                _ => {}
            }
        }
    }
    let pkg_dir = PathBuf::from(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let text = std::fs::read_to_string(pkg_dir.join(manifest)).ok()?;
    let files: HashMap<String, Vec<String>> = serde_json::from_str(&text)
        .inspect_err(|error| tracing::error!(%error, "the split manifest cannot be read"))
        .ok()?;
    let pkg = format!("/{}", options.site_pkg_dir);
    let pages = crate::LAZY_PAGES.iter().filter_map(|(path, route)| {
        let key = format!("__{}_view_", snake_case(route));
        let (_, wasm) = files.iter().find(|(name, _)| {
            name.strip_prefix(&key)
                .is_some_and(|hash| hash.bytes().all(|b| b.is_ascii_digit()))
        })?;
        let preloads = Preloads {
            wasm: wasm
                .iter()
                .map(|file| format!("{pkg}/{file}.wasm"))
                .collect(),
            loader: format!("{pkg}/{loader}"),
        };
        Some((*path, preloads))
    });
    Some(pages.collect())
}

/// `EligibilityStep` → `eligibility_step`, as `#[lazy_route]` names a route's view.
fn snake_case(name: &str) -> String {
    let mut snake = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        } else {
            snake.push(c);
        }
    }
    snake
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_types_are_named_as_lazy_route_names_their_views() {
        assert_eq!(snake_case("EligibilityStep"), "eligibility_step");
        assert_eq!(snake_case("Check"), "check");
    }

    #[test]
    fn a_page_that_is_not_lazy_has_no_preloads() {
        let options = LeptosOptions::builder().output_name("jisr").build();
        assert_eq!(links("/", &options), None);
        assert_eq!(links("/admin/sign-in", &options), None);
    }
}
