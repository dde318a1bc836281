//! The console's own messages (`app/src/admin/locales/<lang>.ftl`). They are not built into
//! the WASM that every applicant downloads: the server sends the page's language with the
//! console (a resource, so hydration finds them in the page), and they are read with the same
//! Fluent as the rest. Messages the console shares with the public pages come from there.

use crate::i18n::{use_lang, Lang};
use fluent_templates::fluent_bundle::{
    concurrent::FluentBundle, FluentArgs, FluentResource, FluentValue,
};
use std::sync::{Arc, Mutex};

/// The console's messages in one language. Built the way the shared messages are (a bundle
/// of `&'static` resources), so formatting them needs no code of its own in the WASM.
#[derive(Clone)]
pub struct Messages(Arc<FluentBundle<&'static FluentResource>>);

/// Each language's messages, read once per process (or page load) and kept, with their source.
static READ: Mutex<Vec<(Lang, Messages, String)>> = Mutex::new(Vec::new());

/// The id of the element that carries the console's messages in its pages.
pub const ELEMENT_ID: &str = "console-messages";

impl Messages {
    /// Reads `source`, once per language; a message with an error is left out (the tests
    /// below keep them out).
    pub fn parse(lang: Lang, source: String) -> Messages {
        let mut read = READ.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, messages, _)) = read.iter().find(|(l, _, _)| *l == lang) {
            return messages.clone();
        }
        let resource =
            FluentResource::try_new(source.clone()).unwrap_or_else(|(resource, _)| resource);
        // Kept for the life of the process: one per language.
        let resource: &'static FluentResource = Box::leak(Box::new(resource));
        let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
        // As for the other messages: direction is set with `dir` and `<bdi>`.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        let messages = Messages(Arc::new(bundle));
        read.push((lang, messages.clone(), source));
        messages
    }

    pub fn get(&self, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.0.get_message(key)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.0
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }
}

/// The console's messages, as the server keeps them.
#[cfg(feature = "ssr")]
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => include_str!("locales/ar.ftl"),
        Lang::Fr => include_str!("locales/fr.ftl"),
    }
}

/// The console's messages in `lang`, once read (on the server: read on first use).
fn messages(lang: Lang) -> Option<Messages> {
    let found = READ
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .iter()
        .find(|(l, _, _)| *l == lang)
        .map(|(_, messages, _)| messages.clone());
    #[cfg(feature = "ssr")]
    let found = found.or_else(|| Some(Messages::parse(lang, source(lang).to_owned())));
    found
}

/// The source of the console's messages for a page in `lang`, and reads them. The server
/// writes it into the page (in [`ELEMENT_ID`]); the browser reads it back from there when it
/// hydrates, then keeps it for the pages it renders itself.
pub fn page_source(lang: Lang) -> String {
    #[cfg(feature = "ssr")]
    let source = source(lang).to_owned();
    #[cfg(not(feature = "ssr"))]
    let source = READ
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .iter()
        .find(|(l, _, _)| *l == lang)
        .map(|(_, _, source)| source.clone())
        .or_else(|| {
            leptos::prelude::document()
                .get_element_by_id(ELEMENT_ID)
                .and_then(|element| element.text_content())
        })
        .unwrap_or_default();
    Messages::parse(lang, source.clone());
    source
}

/// The message `key` in `lang`: the console's own, else a shared one (the export's labels).
#[cfg(feature = "ssr")]
pub fn tr(lang: Lang, key: &str) -> String {
    messages(lang)
        .and_then(|messages| messages.get(key, None))
        .unwrap_or_else(|| crate::i18n::tr(lang, key))
}

/// The message `key` in the page's language: the console's own, else a shared one.
pub fn t(key: &str) -> String {
    messages(use_lang())
        .and_then(|messages| messages.get(key, None))
        .unwrap_or_else(|| crate::i18n::t(key))
}

/// The message `key` with its `{ $name }` placeholders filled in.
pub fn t_with(key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    messages(use_lang())
        .and_then(|messages| messages.get(key, Some(&fluent_args)))
        .unwrap_or_else(|| crate::i18n::t_with(key, args))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn ids(lang: Lang) -> BTreeSet<String> {
        let resource = fluent_syntax::parser::parse(source(lang))
            .unwrap_or_else(|(_, errors)| panic!("{lang:?} console messages: {errors:?}"));
        resource
            .body
            .into_iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_languages_have_every_console_message() {
        let ar = ids(Lang::Ar);
        let fr = ids(Lang::Fr);
        assert!(ar.len() > 100);
        assert_eq!(ar, fr);
    }

    #[test]
    fn every_key_the_console_uses_has_a_message() {
        let shared = |key: &str| {
            crate::i18n::tr(Lang::Fr, key) != format!("Unknown localization key: {key:?}")
        };
        let known = ids(Lang::Fr);
        let pages = [
            include_str!("mod.rs"),
            include_str!("shell.rs"),
            include_str!("sign_in.rs"),
            include_str!("dashboard/page.rs"),
            include_str!("applications/page.rs"),
            include_str!("applications/filters.rs"),
            include_str!("review/page.rs"),
            include_str!("staff/page.rs"),
            include_str!("audit_log/page.rs"),
            include_str!("report/page.rs"),
        ]
        .concat();
        let mut missing = Vec::new();
        for call in ["t(\"", "t_with(\""] {
            for (at, _) in pages.match_indices(call) {
                // `t(` itself, not the end of another name (`select(`).
                let before = pages[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let key = pages[at + call.len()..]
                    .split('"')
                    .next()
                    .unwrap_or_default();
                if !known.contains(key) && !shared(key) {
                    missing.push(key.to_owned());
                }
            }
        }
        assert!(missing.is_empty(), "missing messages: {missing:?}");
    }

    #[test]
    fn the_messages_can_sit_in_a_script_element() {
        for lang in Lang::ALL {
            assert!(!source(lang).contains("</"), "{lang:?}");
        }
    }

    #[test]
    fn messages_are_formatted_with_their_arguments() {
        let fr = Messages::parse(Lang::Fr, source(Lang::Fr).to_owned());
        let mut args = FluentArgs::new();
        args.set("total", 2);
        args.set("shown", "2");
        assert_eq!(fr.get("admin-results", Some(&args)).unwrap(), "2 dossiers");
        // A list's total is shown grouped by thousands; the plural is chosen from the number.
        let mut args = FluentArgs::new();
        args.set("total", 2_000);
        args.set("shown", crate::landing::format_count(2_000));
        assert_eq!(
            fr.get("admin-results", Some(&args)).unwrap(),
            "2\u{202f}000 dossiers"
        );
        let ar = Messages::parse(Lang::Ar, source(Lang::Ar).to_owned());
        assert_eq!(
            ar.get("admin-results", Some(&args)).unwrap(),
            "2\u{202f}000 ملف"
        );
        assert_eq!(
            fr.get("admin-dashboard-title", None).unwrap(),
            "Tableau de bord"
        );
        assert!(fr.get("no-such-message", None).is_none());
    }
}
