//! The partners' keys and API through the real router, on both databases: only national
//! administrators issue and revoke keys; a key is shown once and kept as its SHA-256; the API
//! opens to a valid key alone, limits each key, records each call with the key's id, and
//! answers every refusal in one JSON shape; its OpenAPI document is the one in the repository.

use crate::admin::{column, one, seeded, signed_in};
use crate::helpers::{TestApp, TestResponse};
use app::admin::partners::{repo::hash, KEY_PREFIX};
use axum::http::{header, StatusCode};
use serde_json::Value;
use server::partner_api::CALLS_PER_MINUTE;

const INDICATORS: &str = "/api/partner/v1/indicators";

async fn call(app: &TestApp, key: &str) -> TestResponse {
    app.get_with(INDICATORS, &[("authorization", &format!("Bearer {key}"))])
        .await
}

pub(crate) fn error_code(response: &TestResponse) -> String {
    let body: Value = serde_json::from_str(&response.body)
        .unwrap_or_else(|_| panic!("a JSON refusal: {} {}", response.status, response.body));
    assert!(body["error"]["message"].is_string(), "{body}");
    body["error"]["code"].as_str().unwrap().to_owned()
}

/// How many entries of the audit log record `action` on key `id`.
async fn recorded(app: &TestApp, action: &str, id: i64) -> i64 {
    one(
        app,
        &format!(
            "select count(*) from audit_log where action = '{action}' \
             and subject = 'partner_key:{id}'"
        ),
    )
    .await
}

/// Issues a key as the national administrator: its id and the key.
pub(crate) async fn issue(app: &TestApp, name: &str, region: &str, days: &str) -> (i64, String) {
    let mut national = signed_in(app, "national@demo.jisr.ma").await;
    let (response, reply) = national
        .call_form(
            "admin/partner-keys/issue",
            &[("name", name), ("region", region), ("days", days)],
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let issued = &reply["Issued"];
    (
        issued["id"].as_i64().unwrap(),
        issued["key"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn a_key_is_issued_by_a_national_administrator_shown_once_and_kept_as_its_hash() {
    let app = seeded(10).await;
    let (id, key) = issue(&app, "UNFPA — tableau de bord", "", "90").await;
    assert!(key.starts_with(KEY_PREFIX), "{key}");
    // Kept: its SHA-256 and its first characters, never the key.
    let stored: Vec<String> = column(
        &app,
        &format!("select token_hash from partner_tokens where id = {id}"),
    )
    .await;
    assert_eq!(stored, [hash(&key)]);
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (response, list) = national.call_form("admin/partner-keys", &[]).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert!(!response.body.contains(&key[KEY_PREFIX.len()..]));
    assert_eq!(list[0]["name"], "UNFPA — tableau de bord");
    assert_eq!(list[0]["state"], "Active");
    assert_eq!(list[0]["region"], Value::Null);
    assert_eq!(list[0]["shown"].as_str().unwrap(), &key[..14]);
    assert_eq!(recorded(&app, "partner_key_issued", id).await, 1);

    // What the form refuses, each beside its field.
    let (_, reply) = national
        .call_form(
            "admin/partner-keys/issue",
            &[("name", " "), ("region", "99"), ("days", "0")],
        )
        .await;
    let fields: Vec<&str> = reply["Invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|refusal| refusal[0].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "days", "region"]);
    let (_, reply) = national
        .call_form(
            "admin/partner-keys/issue",
            &[("name", "AECID"), ("region", "06"), ("days", "367")],
        )
        .await;
    assert_eq!(reply["Invalid"][0][0], "days");

    // Nobody else issues, lists or revokes keys.
    for email in [
        "coordination.06@demo.jisr.ma",
        "revue.06@demo.jisr.ma",
        "partenaire@demo.jisr.ma",
    ] {
        let mut other = signed_in(&app, email).await;
        let (response, _) = other.call_form("admin/partner-keys", &[]).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
        let (response, _) = other
            .call_form(
                "admin/partner-keys/issue",
                &[("name", "x"), ("region", ""), ("days", "30")],
            )
            .await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
        let (response, _) = other
            .call_form("admin/partner-keys/revoke", &[("id", &id.to_string())])
            .await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
    }
    assert_eq!(one(&app, "select count(*) from partner_tokens").await, 1);
}

#[tokio::test]
async fn the_api_opens_to_a_valid_key_alone_and_records_each_call_with_its_id() {
    let app = seeded(10).await;
    let (id, key) = issue(&app, "ADS", "06", "30").await;

    let response = call(&app, &key).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(response.header(header::CACHE_CONTROL), "no-store");
    // The scheme's name in any case; another scheme is no key.
    let lower = app
        .get_with(INDICATORS, &[("authorization", &format!("bearer {key}"))])
        .await;
    assert_eq!(lower.status, StatusCode::OK);
    let basic = app
        .get_with(INDICATORS, &[("authorization", &format!("Basic {key}"))])
        .await;
    assert_eq!(basic.status, StatusCode::UNAUTHORIZED);
    let body: Value = serde_json::from_str(&response.body).unwrap();
    assert_eq!(body["scope"]["region"], "06");
    assert!(body["data_as_of"].as_str().unwrap().ends_with('Z'));
    let indicators = body["indicators"].as_array().unwrap();
    assert_eq!(indicators.len(), 13);
    assert_eq!(indicators[1]["id"], "accepted");
    assert_eq!(indicators[1]["name"]["fr"], "Femmes retenues");
    assert!(!indicators[1]["name"]["ar"].as_str().unwrap().is_empty());
    assert!(!indicators[1]["definition"]["ar"]
        .as_str()
        .unwrap()
        .is_empty());
    assert!(body["axes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|axis| axis["id"] == "age_band"));
    let calls: Vec<String> = column(
        &app,
        &format!(
            "select detail from audit_log where action = 'partner_api_call' \
             and subject = 'partner_key:{id}'"
        ),
    )
    .await;
    assert_eq!(
        calls,
        [format!("GET {INDICATORS}"), format!("GET {INDICATORS}")]
    );
    assert_eq!(
        one(
            &app,
            &format!(
                "select count(*) from partner_tokens where id = {id} and last_used_at is not null"
            )
        )
        .await,
        1
    );

    // No key, a key of the wrong shape, an unknown one: the same 401, nothing recorded.
    for presented in [
        String::new(),
        "not-a-key".to_owned(),
        format!("{KEY_PREFIX}{}", "0".repeat(64)),
        key.to_uppercase(),
    ] {
        let response = call(&app, &presented).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{presented}");
        assert_eq!(error_code(&response), "invalid_key");
        assert!(response
            .header(header::WWW_AUTHENTICATE)
            .starts_with("Bearer"));
    }
    let response = app.get(INDICATORS).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        one(
            &app,
            "select count(*) from audit_log where action = 'partner_api_call'"
        )
        .await,
        2
    );

    // Revoked: 401 from then on, and the revocation recorded.
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (response, _) = national
        .call_form("admin/partner-keys/revoke", &[("id", &id.to_string())])
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(call(&app, &key).await.status, StatusCode::UNAUTHORIZED);
    let (response, _) = national
        .call_form("admin/partner-keys/revoke", &[("id", &id.to_string())])
        .await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    let (_, list) = national.call_form("admin/partner-keys", &[]).await;
    assert_eq!(list[0]["state"], "Revoked");
    assert_eq!(recorded(&app, "partner_key_revoked", id).await, 1);

    // Expired: 401 too.
    let (other, other_key) = issue(&app, "Conseil régional", "", "1").await;
    assert_eq!(call(&app, &other_key).await.status, StatusCode::OK);
    sqlx::query("update partner_tokens set expires_at = $1 where id = $2")
        .bind(app::clock::now() - 1)
        .bind(other)
        .execute(app.db.pool())
        .await
        .unwrap();
    let response = call(&app, &other_key).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(&response), "invalid_key");
    let (_, list) = national.call_form("admin/partner-keys", &[]).await;
    assert_eq!(list[0]["state"], "Expired");
}

#[tokio::test]
async fn each_key_is_limited_on_its_own_with_a_time_to_wait() {
    let app = seeded(5).await;
    let (_, busy) = issue(&app, "Busy", "", "30").await;
    let (_, calm) = issue(&app, "Calm", "", "30").await;
    for n in 0..CALLS_PER_MINUTE {
        assert_eq!(call(&app, &busy).await.status, StatusCode::OK, "call {n}");
    }
    let response = call(&app, &busy).await;
    assert_eq!(response.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(error_code(&response), "rate_limited");
    let wait: u64 = response.header(header::RETRY_AFTER).parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    // Another key is not held back by it.
    assert_eq!(call(&app, &calm).await.status, StatusCode::OK);
}

#[tokio::test]
async fn what_is_not_an_operation_is_a_json_404_or_405_and_the_document_is_the_one_in_the_repository(
) {
    let app = TestApp::spawn().await;
    for path in [
        "/api/partner/v1",
        "/api/partner/v1/",
        "/api/partner/v1/figures",
        "/api/partner/v1/indicators/accepted",
    ] {
        let response = app.get(path).await;
        assert_eq!(
            response.status,
            StatusCode::NOT_FOUND,
            "{path}: {}",
            response.body
        );
        assert_eq!(error_code(&response), "not_found", "{path}");
    }
    // Another method than GET: a JSON 405 that says which, whatever the body's type.
    for method in ["POST", "PUT", "DELETE", "TRACE"] {
        let response = app
            .request(
                axum::http::Request::builder()
                    .method(method)
                    .uri(INDICATORS)
                    .body(axum::body::Body::from("x"))
                    .unwrap(),
            )
            .await;
        assert_eq!(response.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(error_code(&response), "method_not_allowed");
        assert_eq!(response.header(header::ALLOW), "GET, HEAD");
    }
    let response = app.get("/api/partner/v1/openapi.json").await;
    assert_eq!(response.status, StatusCode::OK);
    let served: Value = serde_json::from_str(&response.body).unwrap();
    assert!(served["openapi"].as_str().unwrap().starts_with("3.1"));
    let committed: Value = serde_json::from_str(include_str!("../../openapi/partner-v1.json"))
        .expect("server/openapi/partner-v1.json");
    assert_eq!(
        served, committed,
        "the API changed: write it again with `server openapi > server/openapi/partner-v1.json`"
    );
    // Every answer the operation may give is in the document, with the one refusal shape.
    let answers = &served["paths"][INDICATORS]["get"]["responses"];
    for status in ["200", "401", "429", "500"] {
        assert!(answers[status].is_object(), "{status}");
    }
    assert_eq!(
        answers["401"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    assert!(answers["429"]["headers"]["Retry-After"].is_object());
}
