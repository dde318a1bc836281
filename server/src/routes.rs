use crate::{health, lang, state::AppState, telemetry};
use app::{shell, App};
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::{self, Next},
    response::Response,
    routing::get,
    Router,
};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::CompressionLayer;

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
    let quick_exit = state.settings.quick_exit_url.clone();
    let context = move || {
        provide_context(db.clone());
        provide_context(quick_exit.clone());
    };
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
        .layer(middleware::from_fn_with_state(state.clone(), cache_control))
        // Pages and server function answers; site files are sent precompressed as they are.
        .layer(CompressionLayer::new())
        .layer(telemetry::request_layer())
        .with_state(state)
}

/// Files under `/pkg/` named after their content never change: browsers keep them a year.
/// Without hashed names they are checked each time. Pages are never stored by shared caches.
async fn cache_control(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let pkg = format!("/{}/", state.leptos_options.site_pkg_dir);
    let is_site_file = request.uri().path().starts_with(&pkg);
    let mut response = next.run(request).await;
    let value = match (is_site_file, state.leptos_options.hash_files) {
        (true, true) => "public, max-age=31536000, immutable",
        (true, false) => "no-cache",
        (false, _) => "private, no-cache",
    };
    if response.status().is_success() {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static(value));
    }
    response
}
