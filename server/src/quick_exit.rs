//! `GET /exit`: the applicant's quick exit. It expires every cookie the site set (the draft,
//! the language, the reference shown after submitting, a staff session on a shared device),
//! asks the browser to clear the site's data (`Clear-Site-Data`), and sends her to the
//! neutral site. Her draft stays on the server: her resume code takes it up again.

use crate::state::Settings;
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use cookie::Cookie;
use std::{collections::BTreeSet, sync::Arc};

/// The cookies the site sets, expired even when the request does not carry them (a cookie
/// scoped elsewhere, or sent only over HTTPS).
const SITE_COOKIES: &[&str] = &[
    app::i18n::LANG_COOKIE,
    app::registration::service::DRAFT_COOKIE,
    app::registration::service::ELIGIBILITY_COOKIE,
    app::registration::service::SUBMITTED_COOKIE,
    app::admin::auth::DEVICE_COOKIE,
    crate::routes::STAFF_COOKIE,
];

pub async fn quick_exit(State(settings): State<Arc<Settings>>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let mut names: BTreeSet<String> = SITE_COOKIES.iter().map(|n| (*n).to_owned()).collect();
    names.extend(
        app::client::request_cookies(&parts)
            .map(|cookie| cookie.name().to_owned())
            .filter(|name| name.starts_with("jisr_")),
    );
    let mut response = (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, settings.quick_exit_url.0.clone()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
    )
        .into_response();
    let headers = response.headers_mut();
    headers.insert(
        "clear-site-data",
        HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    for name in names {
        let mut cookie = Cookie::from(name);
        cookie.set_path("/");
        cookie.make_removal();
        if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}
