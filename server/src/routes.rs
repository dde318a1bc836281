use crate::{health, lang, state::AppState, telemetry};
use app::{shell, App};
use axum::{routing::get, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};

/// The whole HTTP surface: the Leptos pages and server functions, health, language switch,
/// and the built site's files.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
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
