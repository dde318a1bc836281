use crate::{
    admin, health, lang, partner_api, quick_exit, report, security, state::AppState, telemetry,
    wizard,
};
use app::admin::{auth::IDLE_MINUTES, sessions::DbSessionStore};
use app::{shell, App};
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::{self, Next},
    response::Response,
    routing::get,
    Extension, Router,
};
use leptos::prelude::{provide_context, use_context, LeptosOptions};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::Arc;
use tower_http::{
    compression::{CompressionLayer, CompressionLevel},
    limit::RequestBodyLimitLayer,
};
use tower_sessions::{cookie::SameSite, Expiry, SessionManagerLayer};

/// The routes of the Leptos app. Generating them renders the app once with resource loading
/// switched off for the whole process, so it must not run while pages are being served:
/// call it once, before serving.
pub fn page_routes() -> Vec<AxumRouteListing> {
    generate_route_list(App)
}

/// The whole HTTP surface: the Leptos pages and server functions, health, language switch,
/// and the built site's files.
pub fn router(state: AppState, routes: Vec<AxumRouteListing>) -> Router {
    let context = page_context(&state);
    let options = state.leptos_options.clone();

    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name(STAFF_COOKIE)
        .with_http_only(true)
        // Strict: no other site can make a staff member's browser act in the console.
        .with_same_site(SameSite::Strict)
        .with_secure(state.settings.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(IDLE_MINUTES)));

    report::add_routes(admin::add_routes(wizard::add_routes(Router::new())))
        .merge(partner_api::routes(state.settings.partner_calls_per_minute))
        .route("/healthz", get(health::healthz))
        .route("/lang/{code}", get(lang::switch))
        .route(app::safety::EXIT_PATH, get(quick_exit::quick_exit))
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(middleware::from_fn(security::honest_status))
        .layer(middleware::from_fn_with_state(
            CachePolicy::new(&state.leptos_options),
            cache_control,
        ))
        .layer(sessions)
        .layer(Extension(state.changes.clone()))
        .layer(middleware::from_fn(security::refuse_nul))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::refuse_cross_site,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::client_address,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::security_headers,
        ))
        // Pages and server function answers; site files are sent precompressed as they are (at
        // the highest level). Brotli's level 1 rather than tower-http's 4: with the answers
        // compressed as a browser asks, level 4 took half the server's CPU per registration
        // (11.5 ms of it with JavaScript, 20.4 without; 4.7 and 10.3 at level 1), and level 1
        // sends about 13% more: 3,822 bytes for the landing page in Arabic instead of 3,386,
        // 0.2% of a first visit.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(telemetry::request_layer())
        .with_state(state)
}

/// The staff session's cookie.
pub const STAFF_COOKIE: &str = "jisr_staff";

/// The largest request body read, before anything else looks at it.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// What pages and server functions find in their context.
pub fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let db = state.db.clone();
    let settings = state.settings.clone();
    let lookups = state.lookups.clone();
    let sign_ins = state.sign_ins.clone();
    move || {
        provide_context(sign_ins.clone());
        provide_context(db.clone());
        provide_context(settings.wizard.clone());
        provide_context(settings.help.clone());
        provide_context(lookups.clone());
        // The page's inline scripts carry the nonce the security layer put in the policy.
        let nonce = use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<app::CspNonce>().cloned());
        if let Some(nonce) = nonce {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0));
        }
    }
}

/// Files under `/pkg/` named after their content never change: browsers keep them a year.
/// Without hashed names they are checked each time. Pages are never stored by shared caches.
#[derive(Clone)]
struct CachePolicy {
    site_prefix: Arc<str>,
    site_files: HeaderValue,
}

impl CachePolicy {
    fn new(options: &LeptosOptions) -> CachePolicy {
        CachePolicy {
            site_prefix: format!("/{}/", options.site_pkg_dir).into(),
            site_files: HeaderValue::from_static(if options.hash_files {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            }),
        }
    }
}

async fn cache_control(
    State(policy): State<CachePolicy>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let is_site_file = path.starts_with(&*policy.site_prefix);
    // People's data, possibly on a shared computer in a centre: never kept by the browser.
    // Nor the partners' figures, each call of which is counted and recorded.
    let is_console = app::layout::is_console_path(path)
        || path.starts_with("/api/admin/")
        || path.starts_with(crate::partner_api::BASE);
    let mut response = next.run(request).await;
    let value = if is_site_file {
        policy.site_files
    } else if is_console {
        HeaderValue::from_static("no-store")
    } else {
        HeaderValue::from_static("private, no-cache")
    };
    if response.status().is_success() {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(value);
    }
    response
}
