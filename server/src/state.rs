use app::{db::Db, safety::QuickExitUrl};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// What every handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
}

/// Settings the handlers need from the command line.
#[derive(Debug, Default)]
pub struct Settings {
    pub secure_cookies: bool,
    pub quick_exit_url: QuickExitUrl,
}
