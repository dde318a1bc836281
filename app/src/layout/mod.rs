//! What every page has: the header with the language switcher, the footer, the 404 page.

use crate::i18n::{t, use_lang, Lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

/// The console's pages: staff at work, not applicants.
pub fn is_console_path(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

/// Whether this page is one of the console's.
fn in_console() -> bool {
    is_console_path(&use_location().pathname.get_untracked())
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    // The quick exit is the applicants'; staff pages do not show it.
    let quick_exit = (!in_console()).then(|| view! { <crate::safety::QuickExit /> });
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">
                    "ج"
                </span>
                <span class="brand-name">{t("site-name")}</span>
            </a>
            <LanguageSwitcher />
            {quick_exit}
        </header>
    }
}

/// Links to `/lang/<code>`, which sets the cookie and comes back to this page. Plain links, so
/// the switch works before and without the WASM; `rel=external` keeps the client-side router
/// from taking them.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let current = use_lang();
    let location = use_location();
    view! {
        <nav class="lang-switcher" aria-label=t("lang-switcher-label")>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        let href = move || {
                            let here =
                                format!("{}{}", location.pathname.get(), location.search.get());
                            format!("/lang/{}?next={}", lang.code(), encode_query_value(&here))
                        };
                        let is_current = lang == current;
                        view! {
                            <li>
                                <a
                                    href=href
                                    rel="external"
                                    hreflang=lang.code()
                                    lang=lang.code()
                                    aria-current=is_current.then_some("true")
                                >
                                    {lang.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Percent-encodes a query parameter's value (all but unreserved characters and `/`).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            {(!in_console()).then(|| view! { <crate::help::HelpLine /> })}
            <p>{t("footer-ministry")}</p>
            <p>{t("footer-partners")}</p>
        </footer>
    }
}

/// A page that only says something: a title, a sentence, and the way home.
#[component]
pub fn MessagePage(title_key: &'static str, text_key: &'static str) -> impl IntoView {
    view! {
        <Title text=t(title_key) />
        <section class="page narrow">
            <h1>{t(title_key)}</h1>
            <p>{t(text_key)}</p>
            <p>
                <a href="/">{t("back-home")}</a>
            </p>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! { <MessagePage title_key="not-found-title" text_key="not-found-text" /> }
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn the_page_to_come_back_to_survives_the_trip() {
        assert_eq!(encode_query_value("/register"), "/register");
        assert_eq!(
            encode_query_value("/a%26b?x=1&y=2"),
            "/a%2526b%3Fx%3D1%26y%3D2"
        );
        assert_eq!(encode_query_value("/é"), "/%C3%A9");
    }
}
