use crate::{health, lang, state::AppState, telemetry};
use app::{shell, App};
use axum::{routing::get, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};

/// The routes of the Leptos app. Generating them renders the app once with resource loading
/// switched off for the whole process, so it must not run while pages are being served:
/// call it once, before serving.
pub fn page_routes() -> Vec<AxumRouteListing> {
    generate_route_list(App)
}

/// The whole HTTP surface: the Leptos pages and server functions, health, language switch,
/// and the built site's files.
pub fn router(state: AppState, routes: Vec<AxumRouteListing>) -> Router {
    let db = state.db.clone();
    let context = move || provide_context(db.clone());
    let options = state.leptos_options.clone();

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/lang/{code}", get(lang::switch))
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(telemetry::request_layer())
        .with_state(state)
}
