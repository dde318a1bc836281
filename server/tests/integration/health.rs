use crate::helpers::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn healthz_answers_ok_when_the_database_answers() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(
        response.body.contains(r#""database":"ok""#),
        "{}",
        response.body
    );
}

#[tokio::test]
async fn healthz_answers_unavailable_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    app.db.close().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.body.contains("unreachable"), "{}", response.body);
}
