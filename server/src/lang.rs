//! `GET /lang/{code}?next=/path`: remembers the chosen language in a cookie and goes back to
//! the page. A link, so it works without JavaScript.

use crate::state::Settings;
use app::i18n::{Lang, LANG_COOKIE};
use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderValue},
    response::{IntoResponse, Redirect, Response},
};
use cookie::{time::Duration, Cookie, SameSite};
use serde::Deserialize;
use std::sync::Arc;

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

pub async fn switch(
    State(settings): State<Arc<Settings>>,
    Path(code): Path<String>,
    Query(Next { next }): Query<Next>,
) -> Response {
    let target = local_path(next.as_deref());
    let Some(lang) = Lang::from_tag(&code) else {
        return Redirect::to(target).into_response();
    };
    let cookie = Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(settings.secure_cookies)
        .build();
    let mut response = Redirect::to(target).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Only a path on this site; anything else (another host, `//host`, `/\host`) goes home.
fn local_path(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(char::is_control) =>
        {
            path
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path(Some("/register")), "/register");
        assert_eq!(local_path(Some("/")), "/");
        assert_eq!(local_path(None), "/");
        assert_eq!(local_path(Some("https://evil.example/")), "/");
        assert_eq!(local_path(Some("//evil.example/")), "/");
        assert_eq!(local_path(Some("/\\evil.example/")), "/");
        assert_eq!(local_path(Some("/a\r\nSet-Cookie: x=1")), "/");
    }
}
