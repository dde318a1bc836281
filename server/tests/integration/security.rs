//! The defences, tried as an attacker would: requests from another site, spoofed client
//! addresses, malformed and hostile input, a forged cookie, an open stream outliving its
//! session, what a centre agent may read, demo data in a real database.

use crate::helpers::TestApp;
use crate::wizard::{fill_in, reference_in, Phone};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use serde_json::{json, Value};
use sqlx::Row;
use std::time::Duration;

const PASSWORD: &str = "demo-password-123";

async fn seeded(n: u32) -> TestApp {
    seeded_with(n, |_| {}).await
}

async fn seeded_with(n: u32, setup: impl FnOnce(&mut crate::helpers::Setup)) -> TestApp {
    let app = TestApp::spawn_with(setup).await;
    server::seed::run(&app.db, n, Some(PASSWORD.into()), 7, false)
        .await
        .expect("seed");
    app
}

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Phone<'a> {
    let mut browser = Phone::at(app, "10.0.20.1:5000");
    let (response, reply) = browser
        .call_form("admin/sign-in", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert!(reply.get("SignedIn").is_some(), "{email}: {reply}");
    browser
}

async fn one(app: &TestApp, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get::<i64, _>(0)
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

/// An application in region 06 the coordinator may act on, with its version.
async fn application_in_06(app: &TestApp) -> (i64, i64) {
    let row = sqlx::query(
        "select id, version from applications where region_code = '06' and status = 'submitted' \
         order by id limit 1",
    )
    .fetch_one(app.db.pool())
    .await
    .unwrap();
    (row.get(0), row.get(1))
}

#[tokio::test]
async fn another_site_cannot_make_a_signed_in_browser_act_and_the_site_itself_can() {
    let app = seeded(40).await;
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    let (id, version) = application_in_06(&app).await;
    let foreign = [
        headers(&[
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ]),
        headers(&[("origin", "https://evil.example")]),
        headers(&[("sec-fetch-site", "cross-site")]),
        headers(&[("origin", "null")]),
        headers(&[("origin", "null"), ("sec-fetch-site", "same-site")]),
    ];
    let notes_before = one(&app, "select count(*) from application_notes").await;
    let staff_before = one(&app, "select count(*) from staff").await;
    for sent in &foreign {
        coordinator.headers = sent.clone();
        let (note, _) = coordinator
            .call_form("admin/note", &[("id", &id.to_string()), ("body", "note")])
            .await;
        let (decision, _) = coordinator
            .call(
                "admin/act",
                json!({"id": id, "version": version, "action": "StartReview"}),
            )
            .await;
        let (create, _) = coordinator
            .call_form(
                "admin/staff/create",
                &[
                    ("email", "x.new@example.org"),
                    ("name", "X"),
                    ("role", "reviewer"),
                    ("region", "06"),
                ],
            )
            .await;
        let mut stranger = Phone::at(&app, "10.0.20.9:5000");
        stranger.headers = sent.clone();
        let (sign_in, _) = stranger
            .call_form(
                "admin/sign-in",
                &[("email", "revue.06@demo.jisr.ma"), ("password", PASSWORD)],
            )
            .await;
        for (what, response) in [
            ("note", &note),
            ("decision", &decision),
            ("staff", &create),
            ("sign-in", &sign_in),
        ] {
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{what} {sent:?}");
        }
        assert!(!stranger.cookies.contains_key("jisr_staff"));
    }
    assert_eq!(
        one(&app, "select count(*) from application_notes").await,
        notes_before
    );
    assert_eq!(one(&app, "select count(*) from staff").await, staff_before);
    assert_eq!(
        one(
            &app,
            &format!("select version from applications where id = {id}")
        )
        .await,
        version
    );

    // The same from the site itself passes.
    coordinator.headers = headers(&[
        ("host", "jisr.example.ma"),
        ("origin", "https://jisr.example.ma"),
        ("sec-fetch-site", "same-origin"),
    ]);
    let (note, added) = coordinator
        .call_form("admin/note", &[("id", &id.to_string()), ("body", "note")])
        .await;
    assert_eq!(note.status, StatusCode::OK, "{}", note.body);
    assert_eq!(added, json!(true));
    let (decision, done) = coordinator
        .call(
            "admin/act",
            json!({"id": id, "version": version, "action": "StartReview"}),
        )
        .await;
    assert_eq!(decision.status, StatusCode::OK);
    assert_eq!(done, json!("Done"));
    let (create, created) = coordinator
        .call_form(
            "admin/staff/create",
            &[
                ("email", "x.new@example.org"),
                ("name", "X"),
                ("role", "reviewer"),
                ("region", "06"),
            ],
        )
        .await;
    assert_eq!(create.status, StatusCode::OK);
    assert!(created.get("Created").is_some(), "{created}");
    let mut colleague = Phone::at(&app, "10.0.20.2:5000");
    colleague.headers = coordinator.headers.clone();
    let (sign_in, _) = colleague
        .call_form(
            "admin/sign-in",
            &[("email", "revue.06@demo.jisr.ma"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(sign_in.status, StatusCode::OK);
    // A form of the wizard, posted from the site without JavaScript, still works: with the
    // site's `Referrer-Policy: no-referrer`, browsers send `Origin: null` and say the form is
    // the site's own in `Sec-Fetch-Site`.
    let mut phone = Phone::at(&app, "10.0.20.3:5000");
    phone.headers = headers(&[("origin", "null"), ("sec-fetch-site", "same-origin")]);
    let response = phone
        .post("/register/eligibility", crate::wizard::ELIGIBLE)
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.header(header::LOCATION), "/register/identity");
    // And a form posted there from another site is refused.
    phone.headers = headers(&[("origin", "https://evil.example")]);
    let response = phone
        .post("/register/eligibility", crate::wizard::ELIGIBLE)
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_origin_allowed_by_the_deployment_passes_behind_a_proxy_that_rewrites_the_host() {
    let app = TestApp::spawn_with(|setup| {
        setup.settings.allowed_origins =
            server::config::AllowedOrigins(vec!["https://jisr.social.gov.ma".into()]);
    })
    .await;
    let mut phone = Phone::at(&app, "10.0.21.1:5000");
    phone.headers = headers(&[
        ("host", "127.0.0.1:3000"),
        ("origin", "https://jisr.social.gov.ma"),
    ]);
    let response = phone
        .post("/register/eligibility", crate::wizard::ELIGIBLE)
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    phone.headers = headers(&[
        ("host", "127.0.0.1:3000"),
        ("origin", "https://other.gov.ma"),
    ]);
    let response = phone
        .post("/register/eligibility", crate::wizard::ELIGIBLE)
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn server_functions_take_only_the_content_types_their_clients_send() {
    let app = seeded(40).await;
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    let (id, version) = application_in_06(&app).await;
    // A JSON body in a text/plain form: what another site's form can send.
    let body = json!({"id": id, "version": version, "action": "StartReview"}).to_string();
    for content_type in ["text/plain", "multipart/form-data; boundary=x", ""] {
        let mut request = Request::post("/api/admin/act");
        if !content_type.is_empty() {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let response = coordinator.send(request, Body::from(body.clone())).await;
        assert_eq!(
            response.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type:?}"
        );
    }
    // A URL-encoded form to a function that reads JSON cannot be read: 400.
    let (response, _) = coordinator
        .call_form(
            "admin/act",
            &[("id", &id.to_string()), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        one(
            &app,
            &format!("select version from applications where id = {id}")
        )
        .await,
        version
    );
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_pages_carry_their_nonce() {
    let app = TestApp::spawn().await;
    let page = app.get("/").await;
    let policy = page.header(header::CONTENT_SECURITY_POLICY).to_owned();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("the policy names a nonce")
        .to_owned();
    assert!(nonce.len() >= 22, "{nonce}");
    for directive in [
        "script-src 'self' 'nonce-",
        "'wasm-unsafe-eval'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ] {
        assert!(policy.contains(directive), "{directive}: {policy}");
    }
    let script_src = policy
        .split(';')
        .find(|d| d.trim().starts_with("script-src"))
        .unwrap();
    assert!(!script_src.contains("unsafe-inline") && !script_src.contains(" 'unsafe-eval'"));
    // Every inline script of the page carries the nonce; nothing else runs.
    let scripts: Vec<&str> = page.body.split("<script").skip(1).collect();
    assert!(!scripts.is_empty());
    for script in &scripts {
        let tag = script.split('>').next().unwrap();
        if tag.contains("src=") || tag.contains(r#"type="text/plain""#) {
            continue;
        }
        assert!(
            tag.contains(&format!(r#"nonce="{nonce}""#)),
            "<script{tag}>"
        );
    }
    // A new nonce each time.
    let again = app.get("/").await;
    assert_ne!(again.header(header::CONTENT_SECURITY_POLICY), policy);
    for path in [
        "/",
        "/register/eligibility",
        "/healthz",
        "/missing",
        "/admin/sign-in",
    ] {
        let answer = app.get(path).await;
        assert!(
            !answer.header(header::CONTENT_SECURITY_POLICY).is_empty(),
            "{path}"
        );
        assert_eq!(
            answer.header(header::X_CONTENT_TYPE_OPTIONS),
            "nosniff",
            "{path}"
        );
        assert_eq!(
            answer.header(header::REFERRER_POLICY),
            "no-referrer",
            "{path}"
        );
        assert_eq!(answer.header(header::X_FRAME_OPTIONS), "DENY", "{path}");
        assert!(
            answer
                .header("permissions-policy".parse().unwrap())
                .contains("camera=()"),
            "{path}"
        );
        assert_eq!(
            answer.header(header::STRICT_TRANSPORT_SECURITY),
            "",
            "{path}"
        );
    }
    let (response, _) = Phone::new(&app).call_form("region-places", &[]).await;
    assert_eq!(response.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");

    // Over HTTPS the browser is told to stay on it.
    let https = TestApp::spawn_with(|setup| setup.settings.secure_cookies = true).await;
    let answer = https.get("/").await;
    assert!(answer
        .header(header::STRICT_TRANSPORT_SECURITY)
        .starts_with("max-age="));
}

#[tokio::test]
async fn a_forwarded_address_counts_only_from_a_trusted_proxy() {
    let app = seeded_with(0, |setup| {
        setup.settings.trusted_proxies = app::client::TrustedProxies::parse("10.9.9.9").unwrap();
        setup.lookups_per_minute = 2;
    })
    .await;
    async fn lookup(phone: &mut Phone<'_>) -> StatusCode {
        phone
            .post(
                "/status",
                &[("reference", "JSR-2222-2222"), ("identity", "BK123456")],
            )
            .await
            .status
    }
    // An untrusted peer makes up a new address each time: it is still one client.
    let mut spoofer = Phone::at(&app, "203.0.113.5:5000");
    let mut statuses = Vec::new();
    for n in 0..4 {
        spoofer.headers = headers(&[
            ("x-forwarded-for", &format!("198.51.100.{n}")),
            ("forwarded", &format!("for=198.51.100.{n}")),
        ]);
        statuses.push(lookup(&mut spoofer).await);
    }
    assert_eq!(
        statuses,
        [
            StatusCode::OK,
            StatusCode::OK,
            StatusCode::TOO_MANY_REQUESTS,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
    // Behind the trusted proxy, each client is told apart by what the proxy forwards.
    let mut proxy = Phone::at(&app, "10.9.9.9:443");
    let mut statuses = Vec::new();
    for client in [
        "198.51.100.7",
        "198.51.100.7",
        "198.51.100.7",
        "198.51.100.8",
    ] {
        proxy.headers = headers(&[("x-forwarded-for", &format!("6.6.6.6, {client}"))]);
        statuses.push(lookup(&mut proxy).await);
    }
    assert_eq!(
        statuses,
        [
            StatusCode::OK,
            StatusCode::OK,
            StatusCode::TOO_MANY_REQUESTS,
            StatusCode::OK
        ]
    );
    // The audit log records the client the same way.
    let mut via_proxy = Phone::at(&app, "10.9.9.9:443");
    via_proxy.headers = headers(&[("forwarded", "for=198.51.100.20;proto=https")]);
    via_proxy
        .call_form(
            "admin/sign-in",
            &[("email", "national@demo.jisr.ma"), ("password", PASSWORD)],
        )
        .await;
    let mut direct = Phone::at(&app, "203.0.113.6:5000");
    direct.headers = headers(&[("x-forwarded-for", "198.51.100.21")]);
    direct
        .call_form(
            "admin/sign-in",
            &[("email", "national@demo.jisr.ma"), ("password", "wrong")],
        )
        .await;
    let clients: Vec<String> = sqlx::query(
        "select client from audit_log where action in ('sign_in', 'sign_in_failed') order by id",
    )
    .fetch_all(app.db.pool())
    .await
    .unwrap()
    .iter()
    .map(|row| row.get(0))
    .collect();
    assert_eq!(clients, ["198.51.100.20", "203.0.113.6"]);
}

#[tokio::test]
async fn malformed_and_hostile_requests_get_4xx_never_5xx() {
    let app = seeded(20).await;
    let mut staff = signed_in(&app, "national@demo.jisr.ma").await;
    let mut phone = Phone::at(&app, "10.0.22.1:5000");
    phone
        .post("/register/eligibility", crate::wizard::ELIGIBLE)
        .await;
    let id = one(&app, "select min(id) from applications").await;
    let json_cases: Vec<(&str, String)> = vec![
        ("wizard/save", "{not json".into()),
        ("wizard/save", json!({"step": "Nowhere", "fields": [], "back_to_check": false}).to_string()),
        ("wizard/save", json!({"fields": []}).to_string()),
        ("wizard/save", json!({"step": "Identity", "fields": "x", "back_to_check": false}).to_string()),
        ("wizard/save", json!({"step": "Identity", "fields": [["first_name", "Fa\u{0}tima"]], "back_to_check": false}).to_string()),
        ("wizard/save", json!({"step": "Eligibility", "fields": [["region", "0\u{0}1"]], "back_to_check": false}).to_string()),
        ("admin/applications", json!({"filters": {"page": -1}}).to_string()),
        ("admin/applications", json!({"filters": {"q": "Fa\u{0}tima"}}).to_string()),
        ("admin/applications", json!({"filters": {"page": "x"}}).to_string()),
        ("admin/applications", "[]".into()),
        ("admin/act", json!({"id": "abc", "version": 1, "action": "StartReview"}).to_string()),
        ("admin/act", json!({"id": id, "version": 1, "action": "Fly"}).to_string()),
        ("admin/act", json!({"id": id}).to_string()),
        ("admin/bulk", json!({"ids": [1, "two"], "action": "StartReview"}).to_string()),
        ("admin/audit", json!({"filters": {"page": -1}}).to_string()),
        ("admin/audit", json!({"filters": {"actor": "\u{0}"}}).to_string()),
        ("", String::new()),
    ];
    for (endpoint, body) in &json_cases {
        let request = Request::post(format!("/api/{endpoint}"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json");
        let response = staff.send(request, Body::from(body.clone())).await;
        assert!(
            response.status.is_client_error(),
            "{endpoint} {body}: {} {}",
            response.status,
            response.body
        );
    }
    let form_cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "admin/sign-in",
            vec![("email", "national@demo.jisr.ma\0"), ("password", "x")],
        ),
        ("admin/sign-in", vec![("password", "x")]),
        ("admin/application", vec![("id", "abc")]),
        ("admin/application", vec![]),
        ("admin/note", vec![("id", "1"), ("body", "a\0b")]),
        ("admin/note", vec![("id", "-")]),
        (
            "admin/staff/create",
            vec![
                ("email", "a@b.ma"),
                ("name", "X\0"),
                ("role", "reviewer"),
                ("region", "06"),
            ],
        ),
        ("admin/staff/active", vec![("id", "1"), ("active", "maybe")]),
        ("admin/target", vec![("region", "06"), ("target", "lots")]),
        ("status", vec![("reference", "JSR\0"), ("identity", "x")]),
        ("wizard/resume", vec![("resume_code", "\0")]),
        ("wizard/submit", vec![]),
    ];
    for (endpoint, form) in &form_cases {
        let (response, _) = staff.call_form(endpoint, form).await;
        assert!(
            response.status.is_client_error(),
            "{endpoint} {form:?}: {} {}",
            response.status,
            response.body
        );
    }
    // The forms of pages without JavaScript, and query strings.
    let response = phone
        .post(
            "/register/identity",
            &[("first_name", "Fa\0tima"), ("cin", "BK123456")],
        )
        .await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    for path in [
        "/admin/export.csv?q=%00",
        "/register/identity?from=%00",
        "/status%00",
    ] {
        let response = staff.get(path).await;
        assert!(
            response.status.is_client_error(),
            "{path}: {}",
            response.status
        );
    }
    // Hidden characters in the console's text are refused where they enter.
    let (_, added) = staff
        .call_form(
            "admin/note",
            &[("id", &id.to_string()), ("body", "a\u{202E}b")],
        )
        .await;
    assert_eq!(added, json!(false));
    let (_, created) = staff
        .call_form(
            "admin/staff/create",
            &[
                ("email", "c@b.ma"),
                ("name", "X\u{7}"),
                ("role", "reviewer"),
                ("region", "06"),
            ],
        )
        .await;
    assert!(created.get("Invalid").is_some(), "{created}");
    // Nothing of it was stored; the database still answers.
    assert_eq!(one(&app, "select count(*) from application_notes").await, 0);
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_live_stream_ends_with_its_session_or_its_account_and_is_capped() {
    let app = seeded_with(0, |setup| {
        setup.settings.keep_alive = Duration::from_millis(100);
    })
    .await;
    let events = |phone: &Phone<'_>| phone.request(Request::get("/admin/events"), Body::empty());
    // Signed out elsewhere (another tab): the open stream ends at its next keep-alive.
    let coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    let stream = events(&coordinator);
    let mut other_tab = Phone::at(&app, "10.0.20.1:5000");
    other_tab.cookies = coordinator.cookies.clone();
    let (text, ended) = tokio::join!(app.stream(stream, Duration::from_secs(5)), async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        other_tab.call_form("admin/sign-out", &[]).await;
    })
    .0;
    assert!(text.contains("event: hello"), "{text}");
    assert!(ended, "the stream ended after the sign-out");

    // A deactivated account's stream ends too.
    let reviewer = signed_in(&app, "revue.06@demo.jisr.ma").await;
    let stream = events(&reviewer);
    let mut admin = signed_in(&app, "national@demo.jisr.ma").await;
    let reviewer_id = one(
        &app,
        "select id from staff where email = 'revue.06@demo.jisr.ma'",
    )
    .await;
    let ((text, ended), _) = tokio::join!(app.stream(stream, Duration::from_secs(5)), async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        admin
            .call_form(
                "admin/staff/active",
                &[("id", &reviewer_id.to_string()), ("active", "false")],
            )
            .await;
    });
    assert!(text.contains("event: hello"), "{text}");
    assert!(ended, "the stream ended after the deactivation");

    // While the session holds, the stream stays open; a session opens a few at most.
    let agent = signed_in(&app, "agent.06@demo.jisr.ma").await;
    let (text, ended) = app.stream(events(&agent), Duration::from_millis(500)).await;
    assert!(!ended && text.contains("event: hello"), "{text}");
    let open: Vec<_> =
        futures_util::future::join_all((0..server::admin::STREAMS_PER_SESSION).map(|_| {
            let request = events(&agent);
            async { app.open(request).await }
        }))
        .await;
    assert!(open.iter().all(|r| r.status() == StatusCode::OK));
    let refused = app.open(events(&agent)).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    drop(open);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let again = app.open(events(&agent)).await;
    assert_eq!(
        again.status(),
        StatusCode::OK,
        "closing a stream frees its place"
    );
}

#[tokio::test]
async fn a_forged_reference_cookie_shows_nothing() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::at(&app, "10.0.23.1:5000");
    let key = fill_in(&mut phone, "BK123456", "0612345678", "Fatima").await;
    phone
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    let page = phone.get("/register/submitted").await;
    let reference = reference_in(&page.body);
    let signed = phone.cookies.get("jisr_submitted").cloned().unwrap();
    assert_ne!(signed, reference, "the cookie is signed");
    for forged in [
        reference.clone(),
        "JSR-2222-2222".to_owned(),
        signed.replace(&reference, "JSR-2222-2222"),
        format!("x{signed}"),
    ] {
        let mut other = Phone::at(&app, "10.0.23.2:5000");
        other
            .cookies
            .insert("jisr_submitted".into(), forged.clone());
        let page = other.get("/register/submitted").await;
        assert!(!page.body.contains(&reference), "{forged}");
        assert!(
            page.body
                .contains("Aucune inscription envoyée depuis ce téléphone"),
            "{forged}"
        );
    }
}

#[tokio::test]
async fn a_centre_agent_sees_no_review_internals() {
    let app = seeded(0).await;
    let mut agent = signed_in(&app, "agent.01@demo.jisr.ma").await;
    let key = fill_in(&mut agent, "AB123456", "0612345678", "Latifa").await;
    agent
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    let id = one(&app, "select id from applications where cin = 'AB123456'").await;
    let mut coordinator = signed_in(&app, "coordination.01@demo.jisr.ma").await;
    let mut reviewer = signed_in(&app, "revue.01@demo.jisr.ma").await;
    let reviewer_id = one(
        &app,
        "select id from staff where email = 'revue.01@demo.jisr.ma'",
    )
    .await;
    coordinator
        .call(
            "admin/bulk",
            json!({"ids": [id], "action": {"AssignReviewer": reviewer_id}}),
        )
        .await;
    for (by_reviewer, action) in [
        (false, json!("StartReview")),
        (true, json!({"Recommend": "Reject"})),
        (
            false,
            json!({"Reject": {"reason": "ProjectNotViable", "text": "Le local ne convient pas, voir note de Relectrice 01"}}),
        ),
    ] {
        let who = if by_reviewer {
            &mut reviewer
        } else {
            &mut coordinator
        };
        let version = one(
            &app,
            &format!("select version from applications where id = {id}"),
        )
        .await;
        let (_, reply) = who
            .call(
                "admin/act",
                json!({"id": id, "version": version, "action": action}),
            )
            .await;
        assert_eq!(reply, json!("Done"), "{action}");
    }
    let (_, internal) = coordinator
        .call_form("admin/application", &[("id", &id.to_string())])
        .await;
    assert!(internal["reject_reason"].is_string(), "{internal}");
    let (_, seen) = agent
        .call_form("admin/application", &[("id", &id.to_string())])
        .await;
    assert_eq!(seen["status"], "Rejected", "she may know where it stands");
    assert_eq!(seen["reviewer"], Value::Null);
    assert_eq!(seen["recommendation"], Value::Null);
    assert_eq!(seen["reject_reason"], Value::Null);
    assert_eq!(seen["notes"], json!([]));
    let history = seen["history"].as_array().unwrap();
    assert!(!history.is_empty());
    for event in history {
        assert_ne!(event["kind"], "recommend", "{event}");
        assert_ne!(event["kind"], "assignment", "{event}");
        assert_eq!(event["actor"], "", "{event}");
        assert_eq!(event["detail"], "", "{event}");
    }
    let text = seen.to_string();
    for secret in [
        "Relectrice 01",
        "Coordinatrice 01",
        "Le local ne convient pas",
        "project_not_viable",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}

#[tokio::test]
async fn a_signed_out_console_page_is_a_real_redirect() {
    let app = TestApp::spawn().await;
    for accept in ["text/html,application/xhtml+xml", "*/*", ""] {
        for path in ["/admin", "/admin/applications", "/admin/staff"] {
            let headers: Vec<(&str, &str)> = if accept.is_empty() {
                vec![]
            } else {
                vec![("accept", accept)]
            };
            let page = app.get_with(path, &headers).await;
            assert!(
                page.status.is_redirection(),
                "{path} ({accept}): {}",
                page.status
            );
            assert_eq!(page.header(header::LOCATION), "/admin/sign-in", "{path}");
        }
    }
    let sign_in = app.get("/admin/sign-in").await;
    assert_eq!(sign_in.status, StatusCode::OK);
}

#[tokio::test]
async fn seed_fills_an_empty_database_only_and_its_accounts_are_marked_as_demo() {
    let app = TestApp::spawn().await;
    // A weak demo password is refused.
    let weak = server::seed::run(&app.db, 0, Some("password1234".into()), 1, false).await;
    assert!(weak
        .unwrap_err()
        .to_string()
        .contains("at least 12 characters"));
    // A database with a real account, or with applications, is refused.
    app::admin::staff::repo::ensure_first_admin(&app.db)
        .await
        .unwrap();
    let refused = server::seed::run(&app.db, 5, Some(PASSWORD.into()), 1, false).await;
    assert!(refused
        .unwrap_err()
        .to_string()
        .contains("--add-to-existing"));
    assert_eq!(one(&app, "select count(*) from applications").await, 0);
    assert_eq!(one(&app, "select count(*) from staff").await, 1);
    // Told explicitly, it adds its demo data.
    server::seed::run(&app.db, 5, Some(PASSWORD.into()), 1, true)
        .await
        .unwrap();
    assert_eq!(one(&app, "select count(*) from applications").await, 5);
    assert_eq!(
        one(&app, "select count(*) from staff where demo = false").await,
        1,
        "only the real administrator is not a demo account"
    );
    let applications_only = TestApp::spawn().await;
    let mut phone = Phone::at(&applications_only, "10.0.24.1:5000");
    let key = fill_in(&mut phone, "BK123456", "0612345678", "Fatima").await;
    phone
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    let refused =
        server::seed::run(&applications_only.db, 5, Some(PASSWORD.into()), 1, false).await;
    assert!(refused.is_err());
    // The console says which accounts are demo ones.
    let mut admin = signed_in(&app, "national@demo.jisr.ma").await;
    let (_, me) = admin.call_form("admin/me", &[]).await;
    assert_eq!(me["demo"], true);
    let (_, staff) = admin.call_form("admin/staff", &[]).await;
    let rows = staff.as_array().unwrap();
    assert!(rows
        .iter()
        .any(|row| row["email"] == "admin@jisr.local" && row["demo"] == false));
    assert!(rows
        .iter()
        .any(|row| row["email"] == "national@demo.jisr.ma" && row["demo"] == true));
}

#[tokio::test]
async fn a_question_answered_twice_in_one_form_keeps_one_answer() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::at(&app, "10.0.25.1:5000");
    phone
        .post("/register/eligibility", crate::wizard::ELIGIBLE)
        .await;
    let response = phone
        .post(
            "/register/identity",
            &[
                ("first_name", "Fatima"),
                ("first_name", "Khadija"),
                ("last_name", "El Amrani"),
                ("cin", "BK123456"),
                ("cin", "ZZ999999"),
                ("birth_date", "14/03/1985"),
                ("phone", "0612345678"),
                ("email", ""),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    let answers: String = sqlx::query("select answers from drafts")
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get(0);
    let answers: Value = serde_json::from_str(&answers).unwrap();
    assert_eq!(answers["first_name"], json!(["Fatima"]));
    assert_eq!(answers["cin"], json!(["BK123456"]));
}

#[tokio::test]
async fn the_quick_exit_expires_every_site_cookie_and_asks_the_browser_to_clear_the_site() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::at(&app, "10.0.26.1:5000");
    phone
        .post("/register/eligibility", crate::wizard::ELIGIBLE)
        .await;
    phone
        .post(
            "/register/identity",
            &[
                ("first_name", "Fatima"),
                ("last_name", "El Amrani"),
                ("cin", "BK123456"),
                ("birth_date", "14/03/1985"),
                ("phone", "0612345678"),
                ("email", ""),
            ],
        )
        .await;
    assert!(phone.cookies.contains_key("jisr_draft"));
    phone
        .cookies
        .insert("jisr_something_new".into(), "1".into());
    let exit = phone.get("/exit").await;
    assert_eq!(exit.status, StatusCode::SEE_OTHER);
    assert_eq!(
        exit.header(header::LOCATION),
        app::safety::QuickExitUrl::default().0
    );
    assert_eq!(
        exit.header("clear-site-data".parse().unwrap()),
        r#""cache", "cookies", "storage""#
    );
    let expired: Vec<String> = exit
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    for name in [
        "jisr_lang",
        "jisr_draft",
        "jisr_eligibility",
        "jisr_submitted",
        "jisr_staff",
        "jisr_device",
        "jisr_something_new",
    ] {
        assert!(
            expired
                .iter()
                .any(|c| c.starts_with(&format!("{name}=")) && c.contains("Max-Age=0")),
            "{name}: {expired:?}"
        );
    }
    assert!(phone.cookies.is_empty(), "{:?}", phone.cookies);
    // Her draft is still on the server, for her resume code.
    assert_eq!(one(&app, "select count(*) from drafts").await, 1);
}
