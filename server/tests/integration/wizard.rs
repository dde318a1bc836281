//! The registration wizard through the real router: each step's form posted as a phone
//! without JavaScript does, the server functions the hydrated page calls, and what ends up
//! in the database.

use crate::helpers::{TestApp, TestResponse};
use app::{
    reference::repo::set_region_target,
    registration::service::{purge_expired_drafts, DRAFT_COOKIE, ELIGIBILITY_COOKIE},
};
use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{header, Request, StatusCode},
};
use sqlx::Row;
use std::{collections::BTreeMap, net::SocketAddr};

/// One phone: keeps the cookies the server sets, like a browser.
pub(crate) struct Phone<'a> {
    app: &'a TestApp,
    pub(crate) cookies: BTreeMap<String, String>,
    lang: &'static str,
    pub(crate) addr: SocketAddr,
    /// Headers sent with every request (`Origin`, `X-Forwarded-For`, ...).
    pub(crate) headers: Vec<(String, String)>,
}

impl<'a> Phone<'a> {
    pub(crate) fn new(app: &'a TestApp) -> Phone<'a> {
        Phone {
            app,
            cookies: BTreeMap::new(),
            lang: "fr",
            addr: "10.0.0.1:5000".parse().unwrap(),
            headers: Vec::new(),
        }
    }

    /// Reads the pages in `lang` from now on.
    pub(crate) fn set_lang(&mut self, lang: &'static str) {
        self.lang = lang;
    }

    /// Another phone on another connection.
    pub(crate) fn at(app: &'a TestApp, addr: &str) -> Phone<'a> {
        let mut phone = Phone::new(app);
        phone.addr = addr.parse().unwrap();
        phone
    }

    /// The request the phone would send, with its cookies and headers.
    pub(crate) fn request(
        &self,
        request: axum::http::request::Builder,
        body: Body,
    ) -> Request<Body> {
        let mut request = request.header(header::COOKIE, self.cookie_header());
        for (name, value) in &self.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        let mut request = request.body(body).unwrap();
        request.extensions_mut().insert(ConnectInfo(self.addr));
        request
    }

    fn cookie_header(&self) -> String {
        let mut pairs = vec![format!("jisr_lang={}", self.lang)];
        pairs.extend(self.cookies.iter().map(|(n, v)| format!("{n}={v}")));
        pairs.join("; ")
    }

    pub(crate) async fn send(
        &mut self,
        request: axum::http::request::Builder,
        body: Body,
    ) -> TestResponse {
        let request = self.request(request, body);
        let response = self.app.request(request).await;
        for value in response.headers.get_all(header::SET_COOKIE) {
            let cookie = cookie::Cookie::parse(value.to_str().unwrap().to_owned()).unwrap();
            let removed = cookie.max_age().is_some_and(|age| age.is_zero())
                || cookie.expires_datetime().is_some_and(|at| at.year() < 2000);
            if removed {
                self.cookies.remove(cookie.name());
            } else {
                self.cookies
                    .insert(cookie.name().to_owned(), cookie.value().to_owned());
            }
        }
        response
    }

    pub(crate) async fn get(&mut self, path: &str) -> TestResponse {
        self.send(Request::get(path), Body::empty()).await
    }

    pub(crate) async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> TestResponse {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        self.send(
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded"),
            Body::from(body),
        )
        .await
    }

    /// Calls a server function that takes its arguments URL-encoded, as the page does.
    pub(crate) async fn call_form(
        &mut self,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> (TestResponse, serde_json::Value) {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let response = self
            .send(
                Request::post(format!("/api/{endpoint}"))
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header(header::ACCEPT, "application/json"),
                Body::from(body),
            )
            .await;
        let value = serde_json::from_str(&response.body).unwrap_or(serde_json::Value::Null);
        (response, value)
    }

    /// Calls a server function that takes JSON, as the hydrated page does.
    pub(crate) async fn call(
        &mut self,
        endpoint: &str,
        json: serde_json::Value,
    ) -> (TestResponse, serde_json::Value) {
        let response = self
            .send(
                Request::post(format!("/api/{endpoint}"))
                    .header(header::CONTENT_TYPE, "application/json")
                    .header(header::ACCEPT, "application/json"),
                Body::from(json.to_string()),
            )
            .await;
        let value = serde_json::from_str(&response.body).unwrap_or(serde_json::Value::Null);
        (response, value)
    }
}

fn redirect(response: &TestResponse) -> &str {
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    response.header(header::LOCATION)
}

pub(crate) const ELIGIBLE: &[(&str, &str)] = &[
    ("adult", "yes"),
    ("region", "01"),
    ("has_project", "yes"),
    ("situations", "widowed"),
    ("situations", "no_income"),
];

pub(crate) fn identity<'a>(
    cin: &'a str,
    phone: &'a str,
    first_name: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("first_name", first_name),
        ("last_name", "El Amrani"),
        ("cin", cin),
        ("birth_date", "14/03/1985"),
        ("phone", phone),
        ("email", ""),
    ]
}

pub(crate) const RESIDENCE: &[(&str, &str)] =
    &[("province", "2"), ("locality", "Fnideq"), ("area", "urban")];
/// The situation step of a widow without income (what the eligibility step said): not
/// asked again about either.
pub(crate) const SITUATION: &[(&str, &str)] = &[
    ("dependants", "3"),
    ("rsu", "yes"),
    ("situation_details", ""),
];
pub(crate) const SCHOOLING: &[(&str, &str)] =
    &[("education", "primary"), ("reading", "reads_a_little")];
pub(crate) const PROJECT: &[(&str, &str)] = &[
    ("stage", "informal"),
    ("sector", "agri_food"),
    (
        "description",
        "Je prépare du couscous et des msemen que je vends au marché.",
    ),
    ("support", "training"),
    ("support", "financing"),
    ("cooperative_member", "no"),
    ("budget", "10000_49999"),
];
pub(crate) const PREFERENCES: &[(&str, &str)] = &[
    ("centre", "Tétouan"),
    ("availability", "mornings"),
    ("training_language", "darija"),
];

/// Answers every step up to the answers page; returns the idempotency key found there.
pub(crate) async fn fill_in(
    phone: &mut Phone<'_>,
    cin: &str,
    number: &str,
    first_name: &str,
) -> String {
    type Form<'a> = Vec<(&'a str, &'a str)>;
    let steps: Vec<(&str, Form, &str)> = vec![
        (
            "/register/eligibility",
            ELIGIBLE.to_vec(),
            "/register/identity",
        ),
        (
            "/register/identity",
            identity(cin, number, first_name),
            "/register/residence",
        ),
        (
            "/register/residence",
            RESIDENCE.to_vec(),
            "/register/situation",
        ),
        (
            "/register/situation",
            SITUATION.to_vec(),
            "/register/schooling",
        ),
        (
            "/register/schooling",
            SCHOOLING.to_vec(),
            "/register/project",
        ),
        (
            "/register/project",
            PROJECT.to_vec(),
            "/register/preferences",
        ),
        (
            "/register/preferences",
            PREFERENCES.to_vec(),
            "/register/consent",
        ),
        (
            "/register/consent",
            vec![("consent", "yes")],
            "/register/check",
        ),
    ];
    for (path, form, next) in steps {
        let response = phone.post(path, &form).await;
        assert_eq!(redirect(&response), next, "{path}");
    }
    let check = phone.get("/register/check").await;
    assert_eq!(check.status, StatusCode::OK);
    idempotency_key(&check.body)
}

pub(crate) fn idempotency_key(page: &str) -> String {
    let start = page
        .find(r#"name="idempotency_key" value=""#)
        .expect("the answers page carries the key")
        + r#"name="idempotency_key" value=""#.len();
    page[start..start + 32].to_owned()
}

pub(crate) fn reference_in(page: &str) -> String {
    let start = page.find("JSR-").expect("a reference number");
    page[start..start + 13].to_owned()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get::<i64, _>(0)
}

#[tokio::test]
async fn a_woman_registers_without_javascript_and_leaves_with_a_reference() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    let key = fill_in(&mut phone, "bk 123456", "+212 6-12-34-56-78", "Fatima").await;
    assert!(!phone.cookies.contains_key(ELIGIBILITY_COOKIE));
    let check = phone.get("/register/check").await;
    for shown in [
        "BK123456",
        "06 12 34 56 78",
        "14/03/1985",
        "Fnideq",
        "Agroalimentaire",
    ] {
        assert!(check.body.contains(shown), "{shown} on the answers page");
    }
    assert!(check
        .body
        .contains(r#"href="/register/identity?from=check#field-cin""#));

    let submitted = phone
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    assert_eq!(redirect(&submitted), "/register/submitted");
    assert!(
        !phone.cookies.contains_key(DRAFT_COOKIE),
        "the draft is closed"
    );
    let page = phone.get("/register/submitted").await;
    let reference = reference_in(&page.body);
    assert!(page.body.contains("Votre inscription est envoyée"));

    let row = sqlx::query(
        "select cin, phone, birth_date, first_name, region_code, province_id, channel, status, \
                consent_version, lang, education from applications where reference = $1",
    )
    .bind(&reference)
    .fetch_one(app.db.pool())
    .await
    .unwrap();
    assert_eq!(row.get::<String, _>("cin"), "BK123456");
    assert_eq!(row.get::<String, _>("phone"), "+212612345678");
    assert_eq!(row.get::<String, _>("birth_date"), "1985-03-14");
    assert_eq!(row.get::<String, _>("region_code"), "01");
    assert_eq!(row.get::<i64, _>("province_id"), 2);
    assert_eq!(row.get::<String, _>("channel"), "self");
    assert_eq!(row.get::<String, _>("status"), "submitted");
    assert_eq!(row.get::<String, _>("lang"), "fr");
    // Her schooling, kept as a column for the report's education axis.
    assert_eq!(row.get::<String, _>("education"), "primary");
    assert_eq!(
        row.get::<String, _>("consent_version"),
        app::registration::steps::CONSENT_VERSION
    );
    assert_eq!(count(&app, "select count(*) from drafts").await, 0);
}

#[tokio::test]
async fn nothing_is_stored_before_the_identity_step_and_a_woman_who_cannot_join_is_told_why() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    let response = phone
        .post(
            "/register/eligibility",
            &[
                ("adult", "no"),
                ("region", "abroad"),
                ("has_project", "yes"),
                ("situations", "none"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response
        .body
        .contains("réservé aux femmes de 18 ans ou plus"));
    assert!(response.body.contains("qui vivent au Maroc"));
    assert!(response
        .body
        .contains("au moins une des situations difficiles"));
    assert!(
        response.body.contains("Entraide Nationale"),
        "where else to turn"
    );
    assert!(
        phone.cookies.is_empty(),
        "nothing kept: {:?}",
        phone.cookies
    );

    let eligible = phone.post("/register/eligibility", ELIGIBLE).await;
    assert_eq!(redirect(&eligible), "/register/identity");
    assert!(
        phone.cookies.contains_key(ELIGIBILITY_COOKIE),
        "kept on the phone"
    );
    assert_eq!(count(&app, "select count(*) from drafts").await, 0);
    assert_eq!(count(&app, "select count(*) from applications").await, 0);
}

#[tokio::test]
async fn refused_answers_come_back_next_to_their_fields_with_everything_she_typed() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    phone.post("/register/eligibility", ELIGIBLE).await;
    let response = phone
        .post(
            "/register/identity",
            &[
                ("first_name", "<script>alert(1)</script>"),
                ("last_name", "Robert'); DROP TABLE applications;--"),
                ("cin", "123"),
                ("birth_date", "2015-01-01"),
                ("phone", "05 22 00 00 00"),
                ("email", "fatima@"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = &response.body;
    assert!(body.contains(r#"id="error-summary""#));
    for (field, message) in [
        ("first_name", "Utilisez seulement des lettres"),
        ("last_name", "Utilisez seulement des lettres"),
        ("cin", "une ou deux lettres suivies de chiffres"),
        ("birth_date", "18 ans ou plus"),
        ("phone", "numéro de mobile marocain"),
        ("email", "pas valide"),
    ] {
        assert!(
            body.contains(&format!(r##"href="#field-{field}""##)),
            "{field} in the summary"
        );
        let error = body.find(&format!(r#"id="error-{field}""#)).expect(field);
        assert!(body[error..].contains(message), "{field}: {message}");
        assert!(
            body.contains(&format!(r#"aria-describedby="hint-{field} error-{field}""#))
                || body.contains(&format!(r#"aria-describedby="error-{field}""#))
        );
    }
    assert!(
        !body.contains("<script>alert(1)"),
        "markup is shown escaped"
    );
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "and kept"
    );
    assert!(body.contains(r#"value="05 22 00 00 00""#));
    assert_eq!(count(&app, "select count(*) from drafts").await, 0);

    // In Arabic too.
    phone.lang = "ar";
    let response = phone
        .post("/register/identity", &identity("", "", ""))
        .await;
    assert!(response.body.contains("هذا الجواب إلزامي."));
    assert!(response.body.contains(r#"<html lang="ar" dir="rtl""#));
}

#[tokio::test]
async fn hostile_text_is_refused_or_stored_inert_and_shown_escaped() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    fill_in(&mut phone, "AB1234", "0612345678", "Amina").await;
    let hostile = "<img src=x onerror=alert(1)> '; delete from drafts; -- 👩🏽‍🌾 مشروع";
    let mut project: Vec<(&str, &str)> = PROJECT
        .iter()
        .copied()
        .filter(|(n, _)| *n != "description")
        .collect();
    project.extend([("description", hostile), ("from", "check")]);
    let response = phone.post("/register/project", &project).await;
    assert_eq!(redirect(&response), "/register/check");
    let check = phone.get("/register/check").await;
    assert!(check.body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!check.body.contains("<img src=x"));
    assert!(check.body.contains("👩🏽\u{200d}🌾"));

    let response = phone
        .post(
            "/register/preferences",
            &[
                ("centre", "Tanger\u{202E}txt.exe"),
                ("availability", "mornings"),
                ("training_language", "darija"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.body.contains("caractères invisibles"));
    let long = "a".repeat(100_000);
    let response = phone
        .post(
            "/register/preferences",
            &[
                ("centre", long.as_str()),
                ("availability", "x"),
                ("training_language", "darija"),
            ],
        )
        .await;
    assert!(matches!(
        response.status,
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::PAYLOAD_TOO_LARGE
    ));
    assert_eq!(count(&app, "select count(*) from drafts").await, 1);
}

/// The median time of `f`, over `runs` runs.
async fn median_time<F, Fut>(runs: usize, mut f: F) -> std::time::Duration
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::with_capacity(runs);
    for run in 0..runs {
        let started = std::time::Instant::now();
        f(run).await;
        times.push(started.elapsed());
    }
    times.sort();
    times[runs / 2]
}

/// What the page shows, without what differs from one submission to the next: her
/// reference, and the region's count of applications.
fn without_reference_and_counts(page: &str, reference: &str) -> String {
    let main = page.find("<main").unwrap();
    let end = page.find("</main>").unwrap();
    let page = page[main..end].replace(reference, "JSR-XXXX-XXXX");
    match page.find(r#"id="region-places""#) {
        Some(start) => {
            let end = start + page[start..].find("</p>").unwrap();
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page,
    }
}

#[tokio::test]
async fn nobody_learns_whether_a_cin_has_applied_and_a_second_application_is_a_linked_duplicate() {
    let app = TestApp::spawn().await;
    let mut first = Phone::at(&app, "10.0.1.1:5000");
    let key = fill_in(&mut first, "BK123456", "0612345678", "Fatima").await;
    first
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    let first_reference = reference_in(&first.get("/register/submitted").await.body);
    let before = sqlx::query("select status, version from applications where cin = 'BK123456'")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    let (status_before, version_before): (String, i64) = (before.get(0), before.get(1));

    // The identity step, without JavaScript, for the registered CIN (written another way)
    // and for a CIN nobody used: the same answer.
    let mut registered = Phone::at(&app, "10.0.1.2:5000");
    let mut unregistered = Phone::at(&app, "10.0.1.3:5000");
    registered.post("/register/eligibility", ELIGIBLE).await;
    unregistered.post("/register/eligibility", ELIGIBLE).await;
    let a = registered
        .post(
            "/register/identity",
            &identity("bk-123456", "0700000000", "Amina"),
        )
        .await;
    let b = unregistered
        .post(
            "/register/identity",
            &identity("BK654321", "0700000001", "Amina"),
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.status, b.status);
    assert_eq!(a.header(header::LOCATION), b.header(header::LOCATION));
    assert_eq!(a.body, b.body);
    let names = |r: &TestResponse| {
        r.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().split('=').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));

    // The same through the server function, and in the same time class: nothing about the
    // CIN is looked up, so the two take the same work.
    let save = |cin: &str| {
        serde_json::json!({
            "step": "Identity",
            "fields": identity(cin, "0700000002", "Amina"),
            "back_to_check": false,
        })
    };
    let registered_time = median_time(9, |run| {
        let app = &app;
        let body = save("BK123456");
        async move {
            let mut phone = Phone::at(app, &format!("10.0.2.{run}:5000"));
            phone.post("/register/eligibility", ELIGIBLE).await;
            let (response, reply) = phone.call("wizard/save", body).await;
            assert_eq!(response.status, StatusCode::OK);
            assert_eq!(
                reply["reply"],
                serde_json::json!({ "Next": "/register/residence" })
            );
        }
    })
    .await;
    let unregistered_time = median_time(9, |run| {
        let app = &app;
        let body = save("BK999999");
        async move {
            let mut phone = Phone::at(app, &format!("10.0.3.{run}:5000"));
            phone.post("/register/eligibility", ELIGIBLE).await;
            let (response, reply) = phone.call("wizard/save", body).await;
            assert_eq!(response.status, StatusCode::OK);
            assert_eq!(
                reply["reply"],
                serde_json::json!({ "Next": "/register/residence" })
            );
        }
    })
    .await;
    let (fast, slow) = if registered_time < unregistered_time {
        (registered_time, unregistered_time)
    } else {
        (unregistered_time, registered_time)
    };
    assert!(
        slow < fast * 3 + std::time::Duration::from_millis(20),
        "registered {registered_time:?}, unregistered {unregistered_time:?}"
    );

    // Both go on to the end and see the ordinary confirmation.
    let mut second = Phone::at(&app, "10.0.1.4:5000");
    let key = fill_in(&mut second, "BK 123456", "0700000003", "Amina").await;
    let submitted = second
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    assert_eq!(redirect(&submitted), "/register/submitted");
    let second_page = second.get("/register/submitted").await;
    let second_reference = reference_in(&second_page.body);
    assert_ne!(second_reference, first_reference);
    assert!(!second_page.body.contains(&first_reference));
    assert!(!second_page.body.contains("Fatima"));
    let mut third = Phone::at(&app, "10.0.1.5:5000");
    let key = fill_in(&mut third, "BK777777", "0700000004", "Amina").await;
    third
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    let third_page = third.get("/register/submitted").await;
    let third_reference = reference_in(&third_page.body);
    assert_eq!(second_page.status, third_page.status);
    assert_eq!(
        without_reference_and_counts(&second_page.body, &second_reference),
        without_reference_and_counts(&third_page.body, &third_reference),
        "the confirmation says nothing of the other application"
    );

    // For staff: the two are linked both ways and marked; the first is otherwise untouched.
    assert_eq!(
        count(
            &app,
            "select count(*) from application_flags where kind = 'same_cin'"
        )
        .await,
        2
    );
    assert_eq!(
        count(
            &app,
            "select count(*) from applications where cin = 'BK123456' and possible_duplicate"
        )
        .await,
        2
    );
    let after = sqlx::query("select status, version from applications where reference = $1")
        .bind(&first_reference)
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    assert_eq!(after.get::<String, _>(0), status_before);
    assert_eq!(after.get::<i64, _>(1), version_before);
}

#[tokio::test]
async fn the_same_phone_or_the_same_name_and_birth_date_is_accepted_and_flagged() {
    let app = TestApp::spawn().await;
    for (cin, number, name) in [
        ("BK1", "0612345678", "Fatima"),
        ("BK2", "0612345678", "Khadija"),
        ("BK3", "0700000001", "fatima"),
        ("BK4", "0700000002", "Nadia"),
    ] {
        let mut phone = Phone::new(&app);
        let key = fill_in(&mut phone, &format!("{cin}23456"), number, name).await;
        let response = phone
            .post("/register/check", &[("idempotency_key", &key)])
            .await;
        assert_eq!(redirect(&response), "/register/submitted");
    }
    let flagged: Vec<String> =
        sqlx::query("select cin from applications where possible_duplicate order by cin")
            .fetch_all(app.db.pool())
            .await
            .unwrap()
            .iter()
            .map(|row| row.get(0))
            .collect();
    assert_eq!(flagged, ["BK123456", "BK223456", "BK323456"]);
    assert_eq!(
        count(
            &app,
            "select count(*) from application_flags where kind = 'same_phone'"
        )
        .await,
        2
    );
    assert_eq!(
        count(
            &app,
            "select count(*) from application_flags where kind = 'same_name_and_birth_date'"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn a_double_tap_or_a_retry_makes_one_application() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    let key = fill_in(&mut phone, "BK123456", "0612345678", "Fatima").await;
    let cookies = phone.cookies.clone();
    let mut twin = Phone::new(&app);
    twin.cookies = cookies.clone();
    // Two taps at once, then a retry of the first after the draft has closed.
    let form = [("idempotency_key", key.as_str())];
    let (a, b) = tokio::join!(
        phone.post("/register/check", &form),
        twin.post("/register/check", &form)
    );
    assert_eq!(redirect(&a), "/register/submitted");
    assert_eq!(redirect(&b), "/register/submitted");
    let mut retry = Phone::new(&app);
    retry.cookies = cookies;
    let (response, reply) = retry
        .call_form("wizard/submit", &[("idempotency_key", &key)])
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(reply, serde_json::json!({ "Next": "/register/submitted" }));
    assert_eq!(count(&app, "select count(*) from applications").await, 1);
    let first = reference_in(&phone.get("/register/submitted").await.body);
    let again = reference_in(&retry.get("/register/submitted").await.body);
    assert_eq!(first, again, "the same reference every time");
}

#[tokio::test]
async fn places_are_taken_by_acceptances_and_applying_never_fills_a_region() {
    let app = TestApp::spawn().await;
    set_region_target(&app.db, "01", 1).await.unwrap();
    let mut references = Vec::new();
    for (i, cin) in ["BK111111", "BK222222", "BK333333"].into_iter().enumerate() {
        let mut phone = Phone::at(&app, &format!("10.0.4.{i}:5000"));
        let key = fill_in(&mut phone, cin, &format!("061234567{i}"), "Fatima").await;
        phone
            .post("/register/check", &[("idempotency_key", &key)])
            .await;
        let page = phone.get("/register/submitted").await;
        references.push(reference_in(&page.body));
        // She is told her region's places and how many have applied, never that she waits.
        assert!(
            page.body.contains(&format!(
                "Région Tanger-Tétouan-Al Hoceïma\u{a0}: 1 places, {} inscriptions reçues à ce jour.",
                i + 1
            )),
            "application {i}"
        );
        assert!(!page.body.contains("liste d'attente"), "application {i}");
    }
    let region_on_landing = |app| async move {
        let landing = Phone::new(app).get("/").await;
        let region = landing.body.find(r#"data-region="01""#).unwrap();
        landing.body[region..region + 600].to_owned()
    };
    let region = region_on_landing(&app).await;
    assert!(region.contains("1 place restante sur 1"), "{region}");
    assert!(region.contains("3 inscriptions reçues"), "{region}");
    let mut phone = Phone::new(&app);
    phone.post("/register/eligibility", ELIGIBLE).await;
    let identity = phone.get("/register/identity").await;
    assert!(!identity.body.contains("sont prises"));
    assert!(!identity.body.contains("liste d'attente"));

    // An acceptance takes the place: made here in the database, as by another server, whose
    // figures this one keeps until its next change; a server started now reads them.
    sqlx::query("update applications set status = 'accepted' where reference = $1")
        .bind(&references[0])
        .execute(app.db.pool())
        .await
        .unwrap();
    let region = region_on_landing(&app.restarted().await).await;
    assert!(
        region.contains("Toutes les places sont attribuées"),
        "{region}"
    );
    assert!(region.contains("3 inscriptions reçues"), "{region}");
    // The others are still waiting for their review, whatever the order they came in.
    let (_, reply) = Phone::at(&app, "10.0.4.9:5000")
        .call_form(
            "status",
            &[("reference", &references[2]), ("identity", "BK333333")],
        )
        .await;
    assert_eq!(
        reply,
        serde_json::json!({ "Found": { "reference": references[2], "status": "submitted" } })
    );
}

#[tokio::test]
async fn one_connection_is_limited_in_drafts_and_submissions_and_its_bursts_are_marked_for_staff() {
    use app::registration::{service::RegistrationLimiter, BURST_SIZE};
    let app = TestApp::spawn_with(|setup| {
        setup.settings.wizard.registrations =
            RegistrationLimiter::per_hour(std::num::NonZeroU32::new(BURST_SIZE as u32).unwrap());
    })
    .await;
    server::seed::run(&app.db, 0, Some("demo-password-123".into()), 7, false)
        .await
        .unwrap();
    // A centre's connection: ten women register one after the other.
    for i in 0..BURST_SIZE {
        let mut phone = Phone::at(&app, "10.0.5.1:5000");
        let key = fill_in(
            &mut phone,
            &format!("BK5{i:05}"),
            &format!("06123450{i:02}"),
            "Fatima",
        )
        .await;
        let response = phone
            .post("/register/check", &[("idempotency_key", &key)])
            .await;
        assert_eq!(redirect(&response), "/register/submitted", "{i}");
    }
    // The eleventh draft from it is refused, with what she typed kept.
    let mut twelfth = Phone::at(&app, "10.0.5.1:5000");
    twelfth.post("/register/eligibility", ELIGIBLE).await;
    let refused = twelfth
        .post(
            "/register/identity",
            &identity("BK700000", "0612347777", "Salma"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused
        .body
        .contains("Trop d'inscriptions sont parties de cette connexion"));
    assert!(refused.body.contains("BK700000") && refused.body.contains("0612347777"));
    assert!(!twelfth.cookies.contains_key(DRAFT_COOKIE));
    // The server function says the same.
    let (response, reply) = twelfth
        .call(
            "wizard/save",
            serde_json::json!({
                "step": "Identity",
                "fields": identity("BK700000", "0612347777", "Salma"),
                "back_to_check": false,
            }),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        reply,
        serde_json::json!({ "reply": "TooMany", "next_view": null })
    );
    // Another connection is not held back, and is not part of the burst.
    let mut elsewhere = Phone::at(&app, "10.0.5.2:5000");
    let key = fill_in(&mut elsewhere, "BK800000", "0612348888", "Houda").await;
    elsewhere
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    assert_eq!(
        count(&app, "select count(*) from applications where burst").await,
        BURST_SIZE
    );
    assert_eq!(
        count(
            &app,
            "select count(*) from applications where cin = 'BK800000' and burst"
        )
        .await,
        0
    );
    // Staff see the mark, in the list and on the application's page.
    let mut coordinator = Phone::at(&app, "10.0.5.9:5000");
    let (_, reply) = coordinator
        .call_form(
            "admin/sign-in",
            &[
                ("email", "coordination.01@demo.jisr.ma"),
                ("password", "demo-password-123"),
            ],
        )
        .await;
    assert!(reply.get("SignedIn").is_some(), "{reply}");
    let (_, list) = coordinator
        .call("admin/applications", serde_json::json!({"filters": {}}))
        .await;
    let rows = list["rows"].as_array().unwrap();
    let marked = rows.iter().filter(|row| row["burst"] == true).count();
    assert_eq!(marked as i64, BURST_SIZE, "{list}");
    let burst_id = rows.iter().find(|row| row["burst"] == true).unwrap()["id"].clone();
    let page = coordinator
        .get(&format!("/admin/applications/{burst_id}"))
        .await;
    assert!(page.body.contains(r#"id="burst-note""#), "the page says so");
    assert!(page.body.contains("depuis la même connexion en 10 minutes"));
    // A draft started elsewhere cannot be submitted from the busy connection either.
    let mut moving = Phone::at(&app, "10.0.5.3:5000");
    let key = fill_in(&mut moving, "BK600000", "0612340000", "Salma").await;
    moving.addr = "10.0.5.1:5000".parse().unwrap();
    let refused = moving
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.body.contains("Trop d'inscriptions"));
    assert_eq!(
        count(&app, "select count(*) from applications").await,
        BURST_SIZE + 1
    );
}

#[tokio::test]
async fn a_draft_is_taken_up_on_another_phone_with_its_code_and_the_birth_date() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    phone.post("/register/eligibility", ELIGIBLE).await;
    phone
        .post(
            "/register/identity",
            &identity("BK123456", "0612345678", "Fatima"),
        )
        .await;
    phone.post("/register/residence", RESIDENCE).await;
    let page = phone.get("/register/situation").await;
    let start = page
        .body
        .find(r#"class="code">"#)
        .expect("the resume code is shown")
        + r#"class="code">"#.len();
    let code = page.body[start..start + 9].to_owned();

    let mut other = Phone::new(&app);
    let wrong = other
        .post(
            "/register/resume",
            &[("resume_code", &code), ("birth_date", "1985-03-15")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong
            .body
            .contains("Aucune inscription en cours ne correspond"),
        "{}",
        &wrong.body[wrong.body.find("<main").unwrap()..]
    );
    let right = other
        .post(
            "/register/resume",
            &[
                ("resume_code", &code.to_lowercase().replace('-', " ")),
                ("birth_date", "14/03/1985"),
            ],
        )
        .await;
    assert_eq!(redirect(&right), "/register/situation", "where she stopped");
    let residence = other.get("/register/residence").await;
    assert!(
        residence.body.contains(r#"value="Fnideq""#),
        "her answers are there"
    );
}

#[tokio::test]
async fn drafts_expire_and_are_deleted() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    phone.post("/register/eligibility", ELIGIBLE).await;
    phone
        .post(
            "/register/identity",
            &identity("BK123456", "0612345678", "Fatima"),
        )
        .await;
    assert_eq!(purge_expired_drafts(&app.db).await.unwrap(), 0);
    sqlx::query("update drafts set expires_at = expires_at - 31 * 86400")
        .execute(app.db.pool())
        .await
        .unwrap();
    // An expired draft is gone for her at once, and deleted by the next sweep.
    let response = phone.post("/register/residence", RESIDENCE).await;
    assert_eq!(redirect(&response), "/register/eligibility");
    assert_eq!(purge_expired_drafts(&app.db).await.unwrap(), 1);
    assert_eq!(count(&app, "select count(*) from drafts").await, 0);
}

#[tokio::test]
async fn steps_taken_out_of_order_lead_back_to_the_start() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    let response = phone.post("/register/project", PROJECT).await;
    assert_eq!(redirect(&response), "/register/eligibility");
    let response = phone
        .post(
            "/register/identity",
            &identity("BK123456", "0612345678", "Fatima"),
        )
        .await;
    assert_eq!(redirect(&response), "/register/eligibility");
    let page = phone.get("/register/project").await;
    assert!(page.body.contains("Répondez d'abord à l'étape précédente"));
    let submit = phone
        .post("/register/check", &[("idempotency_key", "nothing")])
        .await;
    assert_eq!(redirect(&submit), "/register/eligibility");
}

#[tokio::test]
async fn the_server_functions_follow_the_same_rules() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    let step = |name: &str, fields: &[(&str, &str)]| serde_json::json!({ "step": name, "fields": fields, "back_to_check": false });
    let (response, reply) = phone
        .call("wizard/save", step("Eligibility", ELIGIBLE))
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(
        reply["reply"],
        serde_json::json!({ "Next": "/register/identity" })
    );
    // Before any draft, the answers kept in a cookie: the view brought is the one the cookie
    // gives.
    let (_, view) = phone.call("wizard/view", serde_json::json!({})).await;
    assert_eq!(view["first_incomplete"], "Identity");
    assert_eq!(reply["next_view"], view);
    let (_, reply) = phone
        .call(
            "wizard/save",
            step("Identity", &identity("BK12", "0612345678", "Fatima")),
        )
        .await;
    assert_eq!(
        reply,
        serde_json::json!({ "reply": { "Invalid": [["cin", "CinFormat"]] }, "next_view": null })
    );
    let (_, reply) = phone
        .call(
            "wizard/save",
            step("Identity", &identity("BK1234", "0612345678", "Fatima")),
        )
        .await;
    assert_eq!(
        reply["reply"],
        serde_json::json!({ "Next": "/register/residence" })
    );
    assert!(phone.cookies.contains_key(DRAFT_COOKIE));
    let (_, view) = phone.call("wizard/view", serde_json::json!({})).await;
    assert_eq!(view["answers"]["cin"], serde_json::json!(["BK1234"]));
    assert_eq!(view["first_incomplete"], "Residence");
    assert!(view["resume_code"].as_str().is_some_and(|c| c.len() == 9));
    // The save brought the same view for the page it leads to, worked out with the draft it
    // had just created: the next page opens without asking for it.
    assert_eq!(reply["next_view"], view);
    // And after a step of a draft already there, the answers just saved.
    let (_, reply) = phone
        .call("wizard/save", step("Residence", RESIDENCE))
        .await;
    let (_, view) = phone.call("wizard/view", serde_json::json!({})).await;
    assert_eq!(
        reply["reply"],
        serde_json::json!({ "Next": "/register/situation" })
    );
    assert_eq!(view["answers"]["locality"], serde_json::json!(["Fnideq"]));
    assert_eq!(reply["next_view"], view);
}

#[tokio::test]
async fn the_status_is_told_only_for_the_right_pair_and_lookups_are_limited() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    let key = fill_in(&mut phone, "BK123456", "0612345678", "Fatima").await;
    phone
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    let reference = reference_in(&phone.get("/register/submitted").await.body);

    let mut other = Phone::new(&app);
    other.addr = "10.0.0.2:5000".parse().unwrap();
    for identity in ["bk123456", "14/03/1985", "1985-03-14"] {
        let found = other
            .post(
                "/status",
                &[
                    ("reference", &reference.to_lowercase()),
                    ("identity", identity),
                ],
            )
            .await;
        assert_eq!(found.status, StatusCode::OK);
        assert!(
            found
                .body
                .contains("Reçu\u{a0}: votre dossier attend d'être étudié."),
            "{identity}"
        );
    }
    let wrong = other
        .post(
            "/status",
            &[("reference", &reference), ("identity", "BK999999")],
        )
        .await;
    let unknown = other
        .post(
            "/status",
            &[("reference", "JSR-2222-2222"), ("identity", "BK123456")],
        )
        .await;
    let said = |page: &TestResponse| {
        let start = page.body.find(r#"id="status-result""#).unwrap();
        page.body[start..start + 400].to_owned()
    };
    assert_eq!(
        said(&wrong),
        said(&unknown),
        "a wrong pair is an unknown one"
    );
    assert!(!wrong.body.contains("Reçu"));

    let (_, reply) = other
        .call_form(
            "status",
            &[("reference", &reference), ("identity", "BK123456")],
        )
        .await;
    assert_eq!(reply["Found"]["status"], "submitted");

    // Ten lookups a minute from one address; the others are refused, whoever they name.
    let mut limited = 0;
    for _ in 0..12 {
        let response = other
            .post(
                "/status",
                &[("reference", &reference), ("identity", "BK123456")],
            )
            .await;
        if response.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(response.body.contains("Trop d'essais"));
            limited += 1;
        }
    }
    assert!(limited >= 6, "{limited} refused");
    let mut elsewhere = Phone::new(&app);
    elsewhere.addr = "10.0.0.3:5000".parse().unwrap();
    let response = elsewhere
        .post(
            "/status",
            &[("reference", &reference), ("identity", "BK123456")],
        )
        .await;
    assert_eq!(
        response.status,
        StatusCode::OK,
        "another phone is not held back"
    );
}

#[tokio::test]
async fn switching_language_keeps_every_answer() {
    let app = TestApp::spawn().await;
    let mut phone = Phone::new(&app);
    phone.post("/register/eligibility", ELIGIBLE).await;
    phone.lang = "ar";
    let page = phone.get("/register/eligibility").await;
    assert!(page.body.contains(r#"<html lang="ar" dir="rtl""#));
    assert!(
        page.body.contains(r#"value="no_income" checked"#),
        "ticked boxes kept"
    );
    phone
        .post(
            "/register/identity",
            &identity("BK123456", "0612345678", "فاطمة"),
        )
        .await;
    phone.lang = "fr";
    let page = phone.get("/register/identity").await;
    assert!(page.body.contains(r#"value="فاطمة""#));
    assert!(
        page.body.contains(r#"dir="ltr""#),
        "the CIN and phone stay left-to-right"
    );
}
