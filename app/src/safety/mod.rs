//! The applicant's safety. Some women register from a home where they are at risk: a quick
//! exit on every page leaves at once for a neutral site through the server's `/exit`, which
//! expires every Jisr cookie and asks the browser to clear the site's data; in the browser it
//! first forgets the answers kept on the phone, and takes Jisr's page out of the history
//! (`location.replace`), so Back does not bring it back. Her draft stays on the server, for
//! her resume code.

use crate::i18n::t;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The server's path that clears what the site left in the browser, then leaves.
pub const EXIT_PATH: &str = "/exit";

/// Where the quick exit leads (`--quick-exit-url`), after `/exit`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickExitUrl(pub String);

impl QuickExitUrl {
    /// Only an absolute http(s) address is a place to go.
    pub fn parse(raw: &str) -> Result<QuickExitUrl, &'static str> {
        let raw = raw.trim();
        let rest = raw
            .strip_prefix("https://")
            .or_else(|| raw.strip_prefix("http://"))
            .ok_or("the quick exit address must start with https:// or http://")?;
        if rest.is_empty() || rest.starts_with('/') || raw.chars().any(|c| c.is_whitespace()) {
            return Err("the quick exit address must name a site");
        }
        Ok(QuickExitUrl(raw.to_owned()))
    }
}

impl std::fmt::Display for QuickExitUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Default for QuickExitUrl {
    /// A weather search: a page nobody would wonder about.
    fn default() -> Self {
        QuickExitUrl("https://www.google.com/search?q=m%C3%A9t%C3%A9o".to_owned())
    }
}

/// How close together three presses of Shift must come to leave.
#[cfg(any(feature = "hydrate", test))]
const SHIFT_WINDOW_MS: f64 = 1500.0;

#[component]
pub fn QuickExit() -> impl IntoView {
    let leave = move || {
        #[cfg(feature = "hydrate")]
        crate::ui::browser::forget_all();
        let _ = window().location().replace(EXIT_PATH);
    };

    #[cfg(feature = "hydrate")]
    {
        let presses = StoredValue::new(Vec::<f64>::new());
        let handle = window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() != "Shift" || event.repeat() {
                return;
            }
            let now = event.time_stamp();
            let three = presses.with_value(|times| {
                times
                    .iter()
                    .filter(|t| now - **t <= SHIFT_WINDOW_MS)
                    .count()
                    >= 2
            });
            presses.update_value(|times| {
                times.retain(|t| now - *t <= SHIFT_WINDOW_MS);
                times.push(now);
            });
            if three {
                leave();
            }
        });
        on_cleanup(move || handle.remove());
    }

    // A plain page has no WASM: the same quick exit comes as a few lines of script.
    #[cfg(feature = "ssr")]
    let script = use_context::<crate::PlainPage>().map(|_| {
        view! { <script nonce=leptos::nonce::use_nonce() inner_html=PLAIN_PAGE_SCRIPT></script> }
    });
    #[cfg(not(feature = "ssr"))]
    let script = ();

    view! {
        <a
            class="quick-exit"
            href=EXIT_PATH
            rel="external noreferrer"
            title=t("quick-exit-hint")
            on:click=move |event| {
                event.prevent_default();
                leave();
            }
        >
            {t("quick-exit")}
        </a>
        {script}
    }
}

/// The quick exit of a page served without the WASM (`crate::is_plain_page`), as the
/// component above does it: the answers kept on the phone forgotten (`ui::KEPT_PREFIX`), the
/// page replaced by `/exit` in the history, on a tap or on three presses of Shift within
/// 1.5 s. It marks `<html data-quick-exit>` once in place.
#[cfg(feature = "ssr")]
const PLAIN_PAGE_SCRIPT: &str = r#"(function(){var t=[];function leave(){try{for(var i=localStorage.length-1;i>=0;i--){var k=localStorage.key(i);if(k&&k.indexOf("jisr.wizard.")===0)localStorage.removeItem(k)}}catch(e){}location.replace("/exit")}document.addEventListener("click",function(e){if(e.target.closest&&e.target.closest("a.quick-exit")){e.preventDefault();leave()}});addEventListener("keydown",function(e){if(e.key!=="Shift"||e.repeat)return;var n=e.timeStamp;t=t.filter(function(x){return n-x<=1500});t.push(n);if(t.length>=3)leave()});document.documentElement.setAttribute("data-quick-exit","ready")})();"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn the_plain_pages_quick_exit_forgets_the_same_answers_and_leaves_the_same_way() {
        assert!(PLAIN_PAGE_SCRIPT.contains(&format!("location.replace(\"{EXIT_PATH}\")")));
        assert!(PLAIN_PAGE_SCRIPT.contains(&format!("\"{}\"", crate::ui::KEPT_PREFIX)));
        assert!(PLAIN_PAGE_SCRIPT.contains(&format!("<={}", SHIFT_WINDOW_MS as u32)));
        // Nothing in it may end the script element early.
        assert!(!PLAIN_PAGE_SCRIPT.contains("</"));
    }

    #[test]
    fn the_quick_exit_goes_only_to_a_web_address() {
        assert!(QuickExitUrl::parse("https://www.example.org/weather").is_ok());
        assert!(QuickExitUrl::parse("http://127.0.0.1:3000/healthz").is_ok());
        assert!(QuickExitUrl::parse("javascript:alert(1)").is_err());
        assert!(QuickExitUrl::parse("/register").is_err());
        assert!(QuickExitUrl::parse("https://").is_err());
        assert!(QuickExitUrl::parse("https:///x").is_err());
        assert!(QuickExitUrl::parse(&QuickExitUrl::default().0).is_ok());
    }
}
