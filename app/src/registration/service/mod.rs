//! The wizard on the server, in four files: the draft store (`drafts.rs`: where answers are
//! kept between steps, resume codes), the applications store (`store.rs`: the one-time insert,
//! duplicate flags, bursts), the step flow (`flow.rs`: each step's save, the submission, what a
//! page shows), the status lookup (`status.rs`), and the limits per connection (`limits.rs`).
//!
//! In short: where answers are kept between steps, the duplicate rules, the
//! one-time submission, the limits per connection, resume codes and the status lookup.
//!
//! Nothing here tells an applicant anything about another application: a CIN that already
//! has one is accepted as a possible duplicate for staff to resolve, and she sees the ordinary
//! confirmation. Places are taken by acceptances at review, not by submissions, so a flood of
//! false registrations cannot fill a region.
//!
//! Before the identity step nothing is stored on the server: the eligibility answers travel
//! in a cookie on her phone. The identity step creates the draft (a row keyed by a random
//! token in an HttpOnly cookie), which then holds every answer until she submits, or until it
//! expires and is deleted.

mod drafts;
mod flow;
mod limits;
mod status;
mod store;

pub use crate::clock::today;
pub use drafts::purge_expired_drafts;
pub use flow::{resume, save_step, submit, view, view_after};
pub use limits::{LookupLimiter, RegistrationLimiter};
pub use status::lookup_status;
pub use store::{fill_submitted_days, store_application, NewApplication, Stored};

use super::steps::{raw_from_pairs, Raw};
use crate::{error::AppError, keys::ServerKeys};
use cookie::{Cookie, SameSite};

pub const DRAFT_COOKIE: &str = "jisr_draft";
pub const ELIGIBILITY_COOKIE: &str = "jisr_eligibility";
pub const SUBMITTED_COOKIE: &str = "jisr_submitted";

/// How long an untouched draft is kept, by default.
pub const DEFAULT_DRAFT_TTL_DAYS: u32 = 30;

#[derive(Clone, Debug)]
pub struct WizardSettings {
    /// Cookies carry `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    /// Seconds a draft is kept after its last change.
    pub draft_ttl_secs: i64,
    /// Signs the cookie that shows her reference; hashes the address she applied from.
    pub keys: ServerKeys,
    /// Drafts and submissions per client address.
    pub registrations: RegistrationLimiter,
}

impl Default for WizardSettings {
    fn default() -> Self {
        WizardSettings {
            secure_cookies: false,
            draft_ttl_secs: i64::from(DEFAULT_DRAFT_TTL_DAYS) * 86_400,
            keys: ServerKeys::random(),
            registrations: RegistrationLimiter::default(),
        }
    }
}

/// A reply, with the cookies to set on the response that carries it.
pub struct Outcome<T> {
    pub reply: T,
    pub cookies: Vec<Cookie<'static>>,
    /// Her answers as a save just kept them: the next page's view starts from them instead
    /// of reading them back ([`view_after`]).
    pub(crate) kept: Option<drafts::Session>,
}

impl<T> Outcome<T> {
    pub(super) fn new(reply: T) -> Outcome<T> {
        Outcome {
            reply,
            cookies: Vec::new(),
            kept: None,
        }
    }

    pub(super) fn keeping(mut self, session: drafts::Session) -> Outcome<T> {
        self.kept = Some(session);
        self
    }

    pub(super) fn with(mut self, cookie: Cookie<'static>) -> Outcome<T> {
        self.cookies.push(cookie);
        self
    }

    /// The browser's next request, as it will be once it has taken this outcome's cookies:
    /// with those it sets, without those it removes. What the next page loads can then be
    /// worked out in the same answer.
    pub fn next_request(&self, parts: &http::request::Parts) -> http::request::Parts {
        let set = |name: &str| self.cookies.iter().any(|cookie| cookie.name() == name);
        let kept = crate::client::request_cookies(parts)
            .filter(|cookie| !set(cookie.name()))
            .map(|cookie| cookie.stripped().to_string());
        let taken = self
            .cookies
            .iter()
            .filter(|cookie| cookie.max_age() != Some(cookie::time::Duration::ZERO))
            .map(|cookie| cookie.stripped().to_string());
        let header = kept.chain(taken).collect::<Vec<_>>().join("; ");
        let mut next = parts.clone();
        next.headers.remove(http::header::COOKIE);
        match http::HeaderValue::from_str(&header) {
            Ok(value) if !header.is_empty() => {
                next.headers.insert(http::header::COOKIE, value);
            }
            _ => {}
        }
        next
    }
}

pub(super) fn random<const N: usize>() -> Result<[u8; N], AppError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|error| {
        tracing::error!(%error, "no randomness");
        AppError::Internal
    })?;
    Ok(bytes)
}

pub(super) fn random_token() -> Result<String, AppError> {
    Ok(random::<16>()?.iter().map(|b| format!("{b:02x}")).collect())
}

pub(super) fn set_cookie(
    name: &'static str,
    value: String,
    settings: &WizardSettings,
) -> Cookie<'static> {
    let mut cookie = Cookie::new(name, value);
    cookie.set_path("/");
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Lax);
    cookie.set_secure(settings.secure_cookies);
    cookie
}

pub(super) fn remove_cookie(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::from(name);
    cookie.set_path("/");
    cookie.make_removal();
    cookie
}

/// The eligibility answers as a cookie value (URL-encoded pairs).
pub(super) fn encode_pairs(raw: &Raw) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, values) in raw {
        for value in values {
            out.append_pair(name, value);
        }
    }
    out.finish()
}

pub(super) fn decode_pairs(value: &str) -> Raw {
    raw_from_pairs(form_urlencoded::parse(value.as_bytes()).into_owned())
}
