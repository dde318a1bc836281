use crate::helpers::TestApp;
use axum::http::{header, StatusCode};

#[tokio::test]
async fn accept_language_gives_the_first_guess() {
    let app = TestApp::spawn().await;
    let page = app
        .get_with("/", &[("accept-language", "fr-MA,fr;q=0.9,en;q=0.8")])
        .await;
    assert!(page.body.contains(r#"<html lang="fr" dir="ltr""#));
    assert!(page
        .body
        .contains("Programme d'autonomisation économique et de leadership des femmes"));
}

#[tokio::test]
async fn the_cookie_wins_over_accept_language() {
    let app = TestApp::spawn().await;
    let page = app
        .get_with(
            "/",
            &[
                ("accept-language", "fr-FR"),
                ("cookie", "other=1; jisr_lang=ar"),
            ],
        )
        .await;
    assert!(page.body.contains(r#"<html lang="ar" dir="rtl""#));
}

#[tokio::test]
async fn a_language_nobody_offers_falls_back_to_arabic() {
    let app = TestApp::spawn().await;
    let page = app
        .get_with("/", &[("accept-language", "de-DE,en;q=0.5")])
        .await;
    assert!(page.body.contains(r#"<html lang="ar" dir="rtl""#));
}

#[tokio::test]
async fn the_switcher_remembers_the_choice_and_goes_back() {
    let app = TestApp::spawn().await;
    let response = app.get("/lang/fr?next=/register").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.header(header::LOCATION), "/register");
    let cookie = response.header(header::SET_COOKIE);
    assert!(cookie.starts_with("jisr_lang=fr"), "{cookie}");
    assert!(
        cookie.contains("Path=/") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Max-Age="),
        "{cookie}"
    );
}

#[tokio::test]
async fn the_switcher_never_sends_anyone_to_another_site() {
    let app = TestApp::spawn().await;
    for next in [
        "https://evil.example/",
        "//evil.example/",
        "/%5Cevil.example",
    ] {
        let response = app.get(&format!("/lang/ar?next={next}")).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER);
        assert_eq!(response.header(header::LOCATION), "/", "next={next}");
    }
}

#[tokio::test]
async fn every_page_has_the_switcher() {
    let app = TestApp::spawn().await;
    for path in ["/", "/register", "/missing"] {
        let page = app.get(path).await;
        assert!(
            page.body
                .contains(&format!(r#"href="/lang/fr?next={path}""#)),
            "{path}"
        );
        assert!(
            page.body
                .contains(&format!(r#"href="/lang/ar?next={path}""#)),
            "{path}"
        );
    }
}
