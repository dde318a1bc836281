use app::{
    admin::{auth::SignInLimiter, live::Changes},
    db::Db,
    registration::service::{LookupLimiter, WizardSettings},
    safety::QuickExitUrl,
};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// What every handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
    /// Status lookups and resume attempts, per client address.
    pub lookups: LookupLimiter,
    /// Sign-in attempts, per client address.
    pub sign_ins: SignInLimiter,
    /// Tells the open dashboards that the figures changed.
    pub changes: Changes,
}

/// Settings the handlers need from the command line.
#[derive(Debug, Default)]
pub struct Settings {
    pub secure_cookies: bool,
    pub quick_exit_url: QuickExitUrl,
    pub wizard: WizardSettings,
}
