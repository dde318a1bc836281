//! The defences every request and every answer goes through, as layers around the router:
//!
//! - the client's address, read from a trusted proxy's headers only;
//! - no state change from another site: `Sec-Fetch-Site: cross-site` and a foreign `Origin`
//!   are refused, and server functions take only the content types their clients send;
//! - no NUL character anywhere a request carries text (PostgreSQL cannot store one);
//! - security headers on every answer, with a Content-Security-Policy that lets through only
//!   the site's own scripts and those carrying the page's nonce;
//! - honest statuses: a server function that could not read its arguments answers 400, not
//!   500, and a page that redirects answers a real redirect.

use crate::state::AppState;
use app::{client::ClientAddr, error::AppError, CspNonce};
use axum::{
    body::{Body, Bytes},
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::net::SocketAddr;

/// The largest body read to look into it: the router refuses larger ones anyway.
const MAX_BODY_BYTES: usize = crate::routes::MAX_BODY_BYTES;

/// Decides the client's address once, for the limits and the audit log.
pub async fn client_address(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(peer)) = request.extensions().get::<ConnectInfo<SocketAddr>>() {
        let ip = app::client::resolve(
            peer.ip(),
            request.headers(),
            &state.settings.trusted_proxies,
        );
        request.extensions_mut().insert(ClientAddr(ip));
    }
    next.run(request).await
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn refused(status: StatusCode, why: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        why,
    )
        .into_response()
}

/// Whether `origin` (as browsers send it) is this site: the request's own host, or one of the
/// origins the deployment allows.
fn origin_is_this_site(origin: &str, headers: &HeaderMap, allowed: &[String]) -> bool {
    let origin = origin.trim().to_ascii_lowercase();
    if allowed.contains(&origin) {
        return true;
    }
    let authority = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_ascii_lowercase);
    matches!((authority, host), (Some(a), Some(h)) if a == h)
}

/// The media type of a `Content-Type`, without its parameters.
fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Refuses a state-changing request that another site made the browser send. `SameSite`
/// cookies already keep staff sessions out of such requests; this holds for every form and
/// function, signed in or not, and for browsers that ignore `SameSite`.
pub async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if changes_state(request.method()) {
        let headers = request.headers();
        let fetch_site = headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if fetch_site.eq_ignore_ascii_case("cross-site") {
            return refused(StatusCode::FORBIDDEN, CROSS_SITE);
        }
        if let Some(origin) = headers.get(header::ORIGIN) {
            let origin = origin.to_str().unwrap_or("null").trim();
            let ours = if origin == "null" {
                // Under `Referrer-Policy: no-referrer` browsers send `Origin: null` with every
                // form, the site's own included; their `Sec-Fetch-Site`, which no page can
                // set, then says whether it is the site's.
                fetch_site.eq_ignore_ascii_case("same-origin")
            } else {
                origin_is_this_site(origin, headers, &state.settings.allowed_origins.0)
            };
            if !ours {
                return refused(StatusCode::FORBIDDEN, CROSS_SITE);
            }
        }
        // Server functions read JSON or URL-encoded forms, what their clients send; a form of
        // another type (`text/plain` can carry a JSON body) never reaches them. The partners'
        // API reads no body: it answers other methods itself (405).
        let path = request.uri().path();
        if path.starts_with("/api/")
            && !path.starts_with(crate::partner_api::BASE)
            && !matches!(
                media_type(headers).as_str(),
                "application/json" | "application/x-www-form-urlencoded"
            )
        {
            return refused(StatusCode::UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED);
        }
    }
    next.run(request).await
}

const CROSS_SITE: &str = "Requête refusée : elle vient d'un autre site.\n\
                          رُفض الطلب: مصدره موقع آخر.\n";
const UNSUPPORTED: &str = "Type de contenu non accepté.\nنوع المحتوى غير مقبول.\n";
const NUL: &str = "Caractère interdit dans la requête.\nحرف غير مسموح به في الطلب.\n";
const TOO_LARGE: &str = "Requête trop grande.\nالطلب كبير جدًا.\n";

fn has_nul_encoded(text: &[u8]) -> bool {
    form_urlencoded::parse(text).any(|(name, value)| name.contains('\0') || value.contains('\0'))
}

fn json_has_nul(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => s.contains('\0'),
        serde_json::Value::Array(items) => items.iter().any(json_has_nul),
        serde_json::Value::Object(map) => map
            .iter()
            .any(|(key, value)| key.contains('\0') || json_has_nul(value)),
        _ => false,
    }
}

/// Refuses, with 400, a request that carries a NUL character in its path, query or body:
/// no honest form sends one, and PostgreSQL cannot store it.
pub async fn refuse_nul(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let path_has_nul = uri.path().to_ascii_lowercase().contains("%00");
    let query_has_nul = uri
        .query()
        .is_some_and(|query| has_nul_encoded(query.as_bytes()));
    if path_has_nul || query_has_nul {
        return refused(StatusCode::BAD_REQUEST, NUL);
    }
    if !changes_state(request.method()) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return refused(StatusCode::PAYLOAD_TOO_LARGE, TOO_LARGE);
    };
    let nul = match media_type(&parts.headers).as_str() {
        "application/x-www-form-urlencoded" => has_nul_encoded(&bytes),
        "application/json" => serde_json::from_slice::<serde_json::Value>(&bytes)
            .map(|value| json_has_nul(&value))
            // Unreadable JSON: the server function says so itself.
            .unwrap_or(false),
        _ => bytes.contains(&0),
    };
    if nul {
        return refused(StatusCode::BAD_REQUEST, NUL);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn random_nonce() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        tracing::error!("no randomness for a page nonce");
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The Content-Security-Policy of an answer whose inline scripts carry `nonce`.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; \
         script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{nonce}'; \
         style-src-attr 'unsafe-inline'; \
         img-src 'self' data:; \
         connect-src 'self'; \
         font-src 'self'; \
         object-src 'none'; \
         base-uri 'none'; \
         form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The security headers every answer carries. The nonce is made here, handed to the page
/// through the request (see `routes::page_context`), and named in the policy.
pub async fn security_headers(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = random_nonce();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), \
             microphone=(), payment=(), usb=()",
        ),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if state.settings.secure_cookies {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// The header leptos puts on a server function's error.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// Gives answers their true status. A server function's error is sent as 500 whatever it
/// is: a request it could not read becomes 400, and the other refusals their own status. A
/// page that only redirects (a console page signed out) becomes a real redirect, which
/// browsers follow without JavaScript.
pub async fn honest_status(request: Request, next: Next) -> Response {
    let is_get = request.method() == Method::GET;
    let mut response = next.run(request).await;
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && response.headers().contains_key(SERVER_FN_ERROR)
    {
        let (mut parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
            .await
            .unwrap_or_else(|_| Bytes::new());
        if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
            parts.status = error.status();
        }
        return Response::from_parts(parts, Body::from(bytes));
    }
    if is_get && response.status().is_success() && response.headers().contains_key(header::LOCATION)
    {
        *response.status_mut() = StatusCode::SEE_OTHER;
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_is_its_host_or_an_allowed_origin() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("jisr.example.ma"));
        assert!(origin_is_this_site(
            "https://jisr.example.ma",
            &headers,
            &[]
        ));
        assert!(origin_is_this_site("http://JISR.example.ma", &headers, &[]));
        assert!(!origin_is_this_site("https://evil.example", &headers, &[]));
        assert!(!origin_is_this_site("null", &headers, &[]));
        assert!(!origin_is_this_site(
            "https://jisr.example.ma.evil.example",
            &headers,
            &[]
        ));
        let allowed = ["https://jisr.social.gov.ma".to_owned()];
        assert!(origin_is_this_site(
            "https://jisr.social.gov.ma",
            &headers,
            &allowed
        ));
        assert!(!origin_is_this_site(
            "https://jisr.social.gov.ma",
            &HeaderMap::new(),
            &[]
        ));
    }

    #[test]
    fn a_nul_is_found_encoded_or_in_json() {
        assert!(has_nul_encoded(b"email=a%00b&password=x"));
        assert!(!has_nul_encoded(b"email=a%2500b"));
        let json: serde_json::Value =
            serde_json::from_str(r#"{"fields":[["first_name","Fa\u0000tima"]]}"#).unwrap();
        assert!(json_has_nul(&json));
        let clean: serde_json::Value = serde_json::from_str(r#"{"q":"\\u0000"}"#).unwrap();
        assert!(!json_has_nul(&clean));
    }

    #[test]
    fn the_policy_names_the_nonce_and_forbids_framing_and_plugins() {
        let policy = content_security_policy("abc123");
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"));
        for directive in [
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ] {
            assert!(policy.contains(directive), "{directive}");
        }
        assert!(!policy.contains(" 'unsafe-eval'"));
        assert!(!policy.contains("script-src 'self' 'unsafe-inline'"));
    }
}
