use crate::{admin::EventStreams, config::AllowedOrigins};
use app::{
    admin::auth::SignInLimiter,
    changes::Changes,
    client::TrustedProxies,
    db::Db,
    registration::service::{LookupLimiter, WizardSettings},
    safety::QuickExitUrl,
};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::{sync::Arc, time::Duration};

/// What every handler can reach: shared, so that each request's copies (every layer and
/// handler takes one) cost one counter, not one per field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl From<Shared> for AppState {
    fn from(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Db {
        state.db.clone()
    }
}

impl FromRef<AppState> for Arc<Settings> {
    fn from_ref(state: &AppState) -> Arc<Settings> {
        state.settings.clone()
    }
}

/// What [`AppState`] holds.
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Status lookups and resume attempts, per client address.
    pub lookups: LookupLimiter,
    /// Sign-in attempts, per client address, and wrong passwords per account.
    pub sign_ins: SignInLimiter,
    /// Tells the open dashboards that the figures changed.
    pub changes: Changes,
    /// The live streams open, per staff session.
    pub streams: EventStreams,
}

/// Settings the handlers need from the command line.
#[derive(Debug)]
pub struct Settings {
    pub secure_cookies: bool,
    pub quick_exit_url: QuickExitUrl,
    pub wizard: WizardSettings,
    pub trusted_proxies: TrustedProxies,
    pub allowed_origins: AllowedOrigins,
    /// How often the live stream checks that its session still holds, and says it is alive.
    pub keep_alive: Duration,
    /// The helpline and the centres the public pages show.
    pub help: app::help::Help,
    /// Calls one partner key may make in a minute.
    pub partner_calls_per_minute: std::num::NonZeroU32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            secure_cookies: false,
            quick_exit_url: QuickExitUrl::default(),
            wizard: WizardSettings::default(),
            trusted_proxies: TrustedProxies::default(),
            allowed_origins: AllowedOrigins::default(),
            keep_alive: Duration::from_secs(15),
            help: app::help::Help::default(),
            partner_calls_per_minute: std::num::NonZeroU32::new(
                crate::partner_api::CALLS_PER_MINUTE,
            )
            .unwrap_or(std::num::NonZeroU32::MIN),
        }
    }
}
