use crate::helpers::TestApp;
use axum::http::{header, StatusCode};
use leptos::config::LeptosOptions;

fn site_with_hashed_css() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/jisr.abc123.css"), "body{}").unwrap();
    std::fs::write(site.path().join("pkg/jisr.abc123.css.br"), "brotli bytes").unwrap();
    std::fs::write(site.path().join("pkg/jisr.abc123.css.gz"), "gzip bytes").unwrap();
    site
}

fn options(site: &tempfile::TempDir, hash_files: bool) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("jisr")
        .site_root(site.path().to_str().unwrap())
        .hash_files(hash_files)
        .build()
}

#[tokio::test]
async fn hashed_site_files_are_sent_precompressed_and_kept_for_a_year() {
    let site = site_with_hashed_css();
    let app = TestApp::spawn_with_site(options(&site, true)).await;

    let brotli = app
        .get_with("/pkg/jisr.abc123.css", &[("accept-encoding", "gzip, br")])
        .await;
    assert_eq!(brotli.status, StatusCode::OK);
    assert_eq!(brotli.header(header::CONTENT_ENCODING), "br");
    assert_eq!(brotli.body, "brotli bytes");
    assert!(brotli.header(header::CONTENT_TYPE).starts_with("text/css"));
    assert_eq!(
        brotli.header(header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );

    let gzip = app
        .get_with("/pkg/jisr.abc123.css", &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(gzip.header(header::CONTENT_ENCODING), "gzip");
    assert_eq!(gzip.body, "gzip bytes");

    let plain = app.get("/pkg/jisr.abc123.css").await;
    assert_eq!(plain.body, "body{}");
}

#[tokio::test]
async fn site_files_without_hashed_names_are_checked_each_time() {
    let site = site_with_hashed_css();
    let app = TestApp::spawn_with_site(options(&site, false)).await;
    let response = app.get("/pkg/jisr.abc123.css").await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header(header::CACHE_CONTROL), "no-cache");
}

#[tokio::test]
async fn pages_are_never_kept_by_shared_caches() {
    let app = TestApp::spawn().await;
    let page = app.get("/").await;
    assert_eq!(page.header(header::CACHE_CONTROL), "private, no-cache");
}

#[tokio::test]
async fn pages_are_sent_compressed_to_browsers_that_accept_it() {
    let app = TestApp::spawn().await;
    let page = app.get_with("/", &[("accept-encoding", "br")]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header(header::CONTENT_ENCODING), "br");
    let plain = app.get("/").await;
    assert_eq!(plain.header(header::CONTENT_ENCODING), "");
    assert!(plain.body.contains("<html"));
}
