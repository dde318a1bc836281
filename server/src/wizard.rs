//! The wizard's forms posted without JavaScript (before the WASM has arrived, or on a phone
//! without it). Each handler runs the same code as the server function the hydrated page
//! calls, then either sends her on with a redirect or renders the same page again with her
//! answers and what to correct.

use crate::{routes::page_context, state::AppState};
use app::registration::{
    api::{Posted, PostedStatus, StatusReply, StepReply},
    service::{self, Outcome},
    steps::{join_date_parts, Step, CHECK_PATH, RESUME_PATH, STATUS_PATH},
};
use app::{error::AppError, shell};
use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::post,
    Router,
};
use leptos::prelude::provide_context;

/// The largest form accepted: far above any honest answer, far below harm.
const MAX_FORM_BYTES: usize = 64 * 1024;

/// `POST` on each step's page, the answers page (submission), resume and status.
pub fn add_routes(mut router: Router<AppState>) -> Router<AppState> {
    for step in Step::ALL {
        router = router.route(
            &step.path(),
            post(move |state: State<AppState>, request: Request| post_step(state, step, request)),
        );
    }
    router
        .route(CHECK_PATH, post(post_submit))
        .route(RESUME_PATH, post(post_resume))
        .route(STATUS_PATH, post(post_status))
}

type Pairs = Vec<(String, String)>;

/// A form's pairs, read up to `limit` bytes (past it, 413).
pub(crate) async fn read_form(
    request: Request,
    limit: usize,
) -> Result<(http::request::Parts, Pairs), Response> {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
    // A date asked in three boxes is read as one answer.
    let pairs = join_date_parts(form_urlencoded::parse(&bytes).into_owned().collect());
    Ok((parts, pairs))
}

fn value<'a>(pairs: &'a Pairs, name: &str) -> &'a str {
    app::registration::steps::first_of(pairs, name)
}

async fn post_step(State(state): State<AppState>, step: Step, request: Request) -> Response {
    let (parts, pairs) = match read_form(request, MAX_FORM_BYTES).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let back_to_check = value(&pairs, "from") == "check";
    let outcome = service::save_step(
        &state.db,
        &state.settings.wizard,
        &parts,
        step,
        pairs.clone(),
        back_to_check,
    )
    .await;
    step_response(&state, parts, pairs, outcome).await
}

async fn post_submit(State(state): State<AppState>, request: Request) -> Response {
    let (parts, pairs) = match read_form(request, MAX_FORM_BYTES).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let key = value(&pairs, "idempotency_key").to_owned();
    let outcome = service::submit(&state.db, &state.settings.wizard, &parts, &key).await;
    step_response(&state, parts, pairs, outcome).await
}

async fn post_resume(State(state): State<AppState>, request: Request) -> Response {
    let (parts, pairs) = match read_form(request, MAX_FORM_BYTES).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let outcome = service::resume(
        &state.db,
        &state.settings.wizard,
        &state.lookups,
        &parts,
        value(&pairs, "resume_code"),
        value(&pairs, "birth_date"),
    )
    .await;
    step_response(&state, parts, pairs, outcome).await
}

async fn post_status(State(state): State<AppState>, request: Request) -> Response {
    let (parts, pairs) = match read_form(request, MAX_FORM_BYTES).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let reply = match service::lookup_status(
        &state.db,
        &state.lookups,
        &parts,
        value(&pairs, "reference"),
        value(&pairs, "identity"),
    )
    .await
    {
        Ok(reply) => reply,
        Err(_) => return unavailable(),
    };
    let status = match reply {
        StatusReply::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        StatusReply::TooMany => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::OK,
    };
    let posted = PostedStatus {
        fields: pairs,
        reply,
    };
    let mut response = render(&state, parts, move || provide_context(posted.clone())).await;
    *response.status_mut() = status;
    response
}

/// Redirects to the next page, or shows this one again with her answers.
async fn step_response(
    state: &AppState,
    parts: http::request::Parts,
    pairs: Pairs,
    outcome: Result<Outcome<StepReply>, AppError>,
) -> Response {
    let Ok(Outcome { reply, cookies, .. }) = outcome else {
        return unavailable();
    };
    let mut response = match reply {
        StepReply::Next(path) => Redirect::to(&path).into_response(),
        reply => {
            let status = match reply {
                StepReply::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                StepReply::TooMany => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::OK,
            };
            let posted = Posted {
                fields: pairs,
                reply,
            };
            let mut response = render(state, parts, move || provide_context(posted.clone())).await;
            *response.status_mut() = status;
            response
        }
    };
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Renders the page at the request's path, as a `GET` would, with `extra` in its context.
pub(crate) async fn render(
    state: &AppState,
    mut parts: http::request::Parts,
    extra: impl Fn() + Clone + Send + Sync + 'static,
) -> Response {
    parts.method = Method::GET;
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    let options = state.leptos_options.clone();
    let context = page_context(state);
    let app_state = state.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(app_state.clone());
            provide_context(leptos_router::Method::Get);
            context();
            extra();
        },
        move || shell(options.clone()),
    );
    handler(Request::from_parts(parts, Body::empty())).await
}

fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "5")],
        "Service momentanément indisponible. الخدمة غير متاحة مؤقتًا.",
    )
        .into_response()
}
