//! Languages. Every user-facing string lives in `app/locales/<lang>/*.ftl` (Fluent) and is read
//! through [`tr`] or [`t`]; nothing user-facing is written in Rust source.
//!
//! The language of a page is decided on the server for each request ([`negotiate`]: the
//! `jisr_lang` cookie, then `Accept-Language`, then Arabic) and rendered into
//! `<html lang dir>`, so there is never a flash of the wrong direction. The browser reads it
//! back from `<html lang>` when it hydrates.

use fluent_templates::{fluent_bundle::FluentValue, LanguageIdentifier, Loader};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::{borrow::Cow, collections::HashMap};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "ar",
        // The page sets direction with `dir` and `<bdi>`; Fluent's own isolation marks
        // would end up inside attribute values and copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "jisr_lang";

/// A language the platform is offered in.
///
/// To add Tamazight: add a `Zgh` variant here (code `zgh`, Tifinagh, left-to-right), list it in
/// [`Lang::ALL`], and add `app/locales/zgh/` with the same messages; the completeness test in
/// this module then checks that no message is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    Ar,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ar, Lang::Fr];
    /// Used when nothing in the request says otherwise.
    pub const DEFAULT: Lang = Lang::Ar;

    /// The BCP 47 code, as used in `<html lang>`, the cookie and the locale folders.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
        }
    }

    /// Text direction: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::Fr => "ltr",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Fr => "Français",
        }
    }

    /// Reads a language tag such as `fr`, `fr-MA` or `AR`; `None` for a language not offered.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// Picks the French or Arabic form of a name stored in both.
    pub fn pick<'a>(self, fr: &'a str, ar: &'a str) -> &'a str {
        match self {
            Lang::Ar => ar,
            Lang::Fr => fr,
        }
    }

    /// What joins a label to what follows it: French puts a no-break space before the colon.
    pub fn colon(self) -> &'static str {
        self.pick("\u{a0}: ", ": ")
    }

    pub(crate) fn langid(self) -> LanguageIdentifier {
        self.code()
            .parse()
            .expect("language codes are valid BCP 47")
    }
}

/// The language of a request: the cookie if it names a language we offer, else the first
/// offered language in `Accept-Language`, else Arabic.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(lang) = cookie.and_then(Lang::from_tag) {
        return lang;
    }
    accept_language
        .map(accept_language::parse_with_quality)
        .unwrap_or_default()
        .iter()
        // q=0 means "not this one".
        .filter(|(_, quality)| *quality > 0.0)
        .find_map(|(tag, _)| Lang::from_tag(tag))
        .unwrap_or(Lang::DEFAULT)
}

/// The message `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    LOCALES.lookup(&lang.langid(), key)
}

/// The message `key` in `lang`, with its `{ $name }` placeholders filled in.
pub fn tr_with(lang: Lang, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
        .collect();
    LOCALES.lookup_with_args(&lang.langid(), key, &args)
}

/// The language of the page being rendered (provided by the shell on the server and by the
/// hydration entry point in the browser).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::DEFAULT)
}

/// The message `key` in the page's language.
pub fn t(key: &str) -> String {
    tr(use_lang(), key)
}

/// The message `key` in the page's language, with arguments.
pub fn t_with(key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    tr_with(use_lang(), key, args)
}

/// Reads the request's language on the server from its cookie and `Accept-Language`.
#[cfg(feature = "ssr")]
pub fn request_lang(parts: &http::request::Parts) -> Lang {
    let cookie = parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == LANG_COOKIE)
        .map(|c| c.value().to_owned());
    let accept = parts
        .headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(cookie.as_deref(), accept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn arabic_is_chosen_when_nothing_says_otherwise() {
        assert_eq!(negotiate(None, None), Lang::Ar);
        assert_eq!(negotiate(None, Some("")), Lang::Ar);
        assert_eq!(negotiate(Some("xx"), Some("de-DE,en;q=0.8")), Lang::Ar);
    }

    #[test]
    fn accept_language_gives_the_first_guess() {
        assert_eq!(negotiate(None, Some("fr-FR,fr;q=0.9,ar;q=0.5")), Lang::Fr);
        assert_eq!(
            negotiate(None, Some("en-US,ar-MA;q=0.7,fr;q=0.5")),
            Lang::Ar
        );
        assert_eq!(negotiate(None, Some("en;q=0.9,fr;q=0.8")), Lang::Fr);
        assert_eq!(
            negotiate(None, Some("en, fr;q=0")),
            Lang::Ar,
            "q=0 refuses French"
        );
    }

    #[test]
    fn the_cookie_wins_over_accept_language() {
        assert_eq!(negotiate(Some("ar"), Some("fr-FR")), Lang::Ar);
        assert_eq!(negotiate(Some("fr"), Some("ar")), Lang::Fr);
    }

    #[test]
    fn language_tags_are_read_loosely() {
        assert_eq!(Lang::from_tag("FR-ma"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag(" ar "), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("ar_MA"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("en"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn arabic_is_right_to_left_and_french_left_to_right() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Fr.dir(), "ltr");
    }

    #[test]
    fn messages_are_translated_with_arguments() {
        let args = [("count", FluentValue::from(12))];
        assert_eq!(
            tr_with(Lang::Fr, "landing-regions-count", &args),
            "12 régions"
        );
        assert!(tr(Lang::Ar, "landing-title").contains("التمكين"));
        let places = |lang, n: i64| {
            tr_with(
                lang,
                "places-left",
                &[
                    ("n", n.into()),
                    ("left", n.to_string().into()),
                    ("target", "3000".into()),
                ],
            )
        };
        assert_eq!(places(Lang::Fr, 1), "1 place restante sur 3000");
        assert_eq!(places(Lang::Fr, 2), "2 places restantes sur 3000");
        assert_eq!(places(Lang::Ar, 5), "5 مقاعد متبقية من أصل 3000");
        assert_eq!(places(Lang::Ar, 40), "40 مقعدًا متبقيًا من أصل 3000");
    }

    fn message_ids(lang: Lang) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang.code());
        let mut ids = BTreeSet::new();
        for entry in std::fs::read_dir(dir).expect("locale folder exists") {
            let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{lang:?} has Fluent errors: {errors:?}"));
            for item in resource.body {
                if let fluent_syntax::ast::Entry::Message(message) = item {
                    assert!(
                        ids.insert(message.id.name.to_owned()),
                        "{lang:?} defines {} twice",
                        message.id.name
                    );
                }
            }
        }
        ids
    }

    #[test]
    fn every_language_has_every_message() {
        let reference = message_ids(Lang::DEFAULT);
        assert!(reference.len() > 20, "the Arabic messages were read");
        for lang in Lang::ALL {
            let ids = message_ids(lang);
            let missing: Vec<_> = reference.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&reference).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{lang:?} has messages Arabic lacks: {extra:?}"
            );
        }
    }

    /// Every message of the French files, as written (variants and all).
    fn french_text() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        [
            root.join("locales/fr/main.ftl"),
            root.join("src/admin/locales/fr.ftl"),
        ]
        .iter()
        .flat_map(|path| {
            let source = std::fs::read_to_string(path).unwrap();
            source
                .lines()
                .filter(|line| !line.trim_start().starts_with('#'))
                .map(|line| (path.display().to_string(), line.to_owned()))
                .collect::<Vec<_>>()
        })
        .collect()
    }

    #[test]
    fn french_punctuation_is_held_to_its_word_by_a_no_break_space() {
        for (file, line) in french_text() {
            let text = line.split_once(" = ").map_or(line.as_str(), |(_, v)| v);
            let chars: Vec<char> = text.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if !matches!(c, ':' | '?' | '!' | ';' | '»') || i == 0 {
                    continue;
                }
                let before = chars[i - 1];
                // "https://", "hh:mm" and Fluent's own syntax aside.
                if *c == ':' && chars.get(i + 1) == Some(&'/') || before == '{' || before == '$' {
                    continue;
                }
                assert!(
                    matches!(before, '\u{a0}' | '\u{202f}'),
                    "{file}: a no-break space before {c:?} in {line:?}"
                );
            }
        }
    }
}
