use crate::{
    admin::{seeded, signed_in},
    helpers::TestApp,
};
use axum::http::StatusCode;

#[tokio::test]
async fn the_landing_page_is_rendered_on_the_server_in_arabic_by_default() {
    let app = TestApp::spawn().await;
    let page = app.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page
        .header(axum::http::header::CONTENT_TYPE)
        .starts_with("text/html"));
    assert!(
        page.body.contains(r#"<html lang="ar" dir="rtl""#),
        "{}",
        &page.body[..300]
    );
    assert!(page
        .body
        .contains("برنامج التمكين الاقتصادي والقيادة للنساء"));
    assert!(
        page.body.contains(r#"href="/register""#),
        "links to registration"
    );
}

#[tokio::test]
async fn the_landing_page_lists_every_region_with_its_places_from_the_database() {
    // Staff accounts only: no application yet.
    let app = seeded(0).await;
    let page = app.get_with("/", &[("cookie", "jisr_lang=fr")]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.body.matches(r#"class="region""#).count(),
        12,
        "12 regions"
    );
    assert!(page.body.contains("Laâyoune-Sakia El Hamra"));
    assert!(page
        .body
        .contains("3\u{202f}000 places restantes sur 3\u{202f}000"));
    assert!(page.body.contains("36\u{202f}000 places dans 12 régions"));

    // The target is stored, not written in the code, and a change made in the console shows
    // on the next page at once (the public figures are kept until the next change).
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (response, _) = national
        .call_form("admin/target", &[("region", "11"), ("target", "1500")])
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let page = app.get_with("/", &[("cookie", "jisr_lang=fr")]).await;
    assert!(page
        .body
        .contains("1\u{202f}500 places restantes sur 1\u{202f}500"));
    assert!(page.body.contains("34\u{202f}500 places dans 12 régions"));
}

#[tokio::test]
async fn the_region_names_follow_the_language() {
    let app = TestApp::spawn().await;
    let arabic = app.get("/").await;
    assert!(arabic
        .body
        .contains(r#"class="region-name">العيون الساقية الحمراء<"#));
    assert!(!arabic.body.contains(r#"class="region-name">Laâyoune"#));
    let french = app.get_with("/", &[("cookie", "jisr_lang=fr")]).await;
    assert!(french
        .body
        .contains(r#"class="region-name">Laâyoune-Sakia El Hamra<"#));
}

#[tokio::test]
async fn the_places_server_function_answers_json() {
    let app = TestApp::spawn().await;
    let response = app.post_form("/api/region-places", "").await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert!(response.body.starts_with('['), "{}", response.body);
    assert!(response.body.contains(r#""code":"06""#));
    assert!(response.body.contains(r#""places_left":3000"#));
}

#[tokio::test]
async fn an_unknown_page_is_a_translated_404() {
    let app = TestApp::spawn().await;
    let page = app
        .get_with("/no-such-page", &[("accept-language", "fr-FR")])
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.body.contains(r#"<html lang="fr" dir="ltr""#));
    assert!(page.body.contains("Page introuvable"));
}

#[tokio::test]
async fn the_registration_link_leads_to_a_real_page() {
    let app = TestApp::spawn().await;
    let page = app.get("/register").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("التسجيل"));
}

#[tokio::test]
async fn a_page_s_title_is_in_its_language_even_many_at_once() {
    // The plain pages keep the title the server wrote: no WASM comes to correct it.
    let app = seeded(0).await;
    let pages = ["/", "/centres", "/register", "/status"];
    for (cookie, site) in [
        ("jisr_lang=fr", " · Jisr</title>"),
        ("jisr_lang=ar", " · جسر</title>"),
    ] {
        let headers = [("cookie", cookie)];
        let answers = futures_util::future::join_all(
            (0..24).map(|i| app.get_with(pages[i % pages.len()], &headers)),
        )
        .await;
        for (i, page) in answers.iter().enumerate() {
            assert_eq!(page.status, StatusCode::OK);
            assert!(
                page.body.contains(site),
                "{} ({cookie}): {}",
                pages[i % pages.len()],
                page.body
                    .split("<title>")
                    .nth(1)
                    .and_then(|rest| rest.split("</title>").next())
                    .unwrap_or("no title")
            );
        }
    }
}
