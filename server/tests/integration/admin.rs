//! The admin console through the real router: sign-in, the role matrix (every server
//! function, every role, own region and another), the workflow's version check and regional
//! targets, the export and the audit log.

use crate::helpers::TestApp;
use crate::wizard::{fill_in, reference_in, Phone};
use app::admin::staff::repo::ensure_first_admin;
use axum::http::StatusCode;
use serde_json::{json, Value};
use sqlx::Row;

const PASSWORD: &str = "demo-password-123";

/// A test database with the demo staff and `n` seeded applications.
pub(crate) async fn seeded(n: u32) -> TestApp {
    let app = TestApp::spawn().await;
    server::seed::run(&app.db, n, Some(PASSWORD.into()), 7, false)
        .await
        .expect("seed");
    app
}

pub(crate) async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Phone<'a> {
    let mut browser = Phone::new(app);
    let (response, reply) = browser
        .call_form("admin/sign-in", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(
        reply["SignedIn"]["must_change_password"], false,
        "{email}: {reply}"
    );
    browser
}

/// The one whole number `sql` reads.
pub(crate) async fn one(app: &TestApp, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get::<i64, _>(0)
}

/// The first column of every row `sql` returns.
pub(crate) async fn column<T>(app: &TestApp, sql: &str) -> Vec<T>
where
    T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    sqlx::query(sql)
        .fetch_all(app.db.pool())
        .await
        .unwrap()
        .iter()
        .map(|row| row.get::<T, _>(0))
        .collect()
}

/// The ids of a list page's rows, in order.
fn page_ids(page: &Value) -> Vec<i64> {
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_i64().unwrap())
        .collect()
}

async fn ids_of(app: &TestApp, sql: &str) -> Vec<i64> {
    column(app, sql).await
}

async fn strings(app: &TestApp, sql: &str) -> Vec<String> {
    column(app, sql).await
}

#[tokio::test]
async fn the_first_start_creates_one_administrator_who_can_sign_in() {
    let app = TestApp::spawn().await;
    let (email, password) = ensure_first_admin(&app.db).await.unwrap().expect("created");
    assert!(password.len() >= 16);
    assert!(
        ensure_first_admin(&app.db).await.unwrap().is_none(),
        "only once"
    );
    let mut browser = Phone::new(&app);
    let (_, reply) = browser
        .call_form(
            "admin/sign-in",
            &[("email", &email), ("password", &password)],
        )
        .await;
    // The password was printed in the server's output: it is changed first.
    assert_eq!(reply["SignedIn"]["must_change_password"], true);
    let (_, same) = browser
        .call_form(
            "admin/password",
            &[
                ("current", &password),
                ("new", &password),
                ("confirm", &password),
            ],
        )
        .await;
    assert_eq!(same, json!("SameAsCurrent"));
    let new = "the administrator's own password";
    let (_, changed) = browser
        .call_form(
            "admin/password",
            &[("current", &password), ("new", new), ("confirm", new)],
        )
        .await;
    assert_eq!(changed, json!("Changed"));
    let (response, me) = browser.call_form("admin/me", &[]).await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(me["role"], "NationalAdmin");
    let hash: String = sqlx::query("select password_hash from staff")
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get(0);
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains(&password));
}

async fn sign_in_at(app: &TestApp, addr: &str, email: &str, password: &str) -> Value {
    let mut browser = Phone::at(app, addr);
    browser
        .call_form("admin/sign-in", &[("email", email), ("password", password)])
        .await
        .1
}

#[tokio::test]
async fn wrong_passwords_slow_down_but_never_lock_out_and_an_unknown_account_reads_the_same() {
    use app::admin::throttle::{ACCOUNT_CEILING, FREE_FAILURES};
    let app = seeded(0).await;
    let real = "revue.06@demo.jisr.ma";
    let unknown = "nobody@demo.jisr.ma";
    // From one address: the first wrong passwords are answered at once, then each attempt
    // waits; a real account and an e-mail without one get exactly the same replies.
    for email in [real, unknown] {
        for _ in 0..=FREE_FAILURES {
            assert_eq!(
                sign_in_at(&app, "10.0.7.1:5000", email, "wrong password").await,
                json!("Invalid"),
                "{email}"
            );
        }
        let wait = sign_in_at(&app, "10.0.7.1:5000", email, "wrong password").await;
        assert!(
            (1..=3).contains(&wait["Wait"]["seconds"].as_i64().unwrap_or(0)),
            "{email}: {wait}"
        );
    }
    // The account is not locked: the right password from her own address goes in.
    let mut her = Phone::at(&app, "10.0.7.2:5000");
    let (_, reply) = her
        .call_form("admin/sign-in", &[("email", real), ("password", PASSWORD)])
        .await;
    assert_eq!(reply["SignedIn"]["must_change_password"], false, "{reply}");
    let device = her
        .cookies
        .get("jisr_device")
        .cloned()
        .expect("her device is remembered");

    // Guesses spread over many addresses: past the account's ceiling, new devices are paced
    // (one a minute), the same for a real account and an unknown one...
    for email in [real, unknown] {
        for n in 0..ACCOUNT_CEILING {
            sign_in_at(&app, &format!("10.0.8.{n}:5000"), email, "guess").await;
        }
        let paced = sign_in_at(&app, "10.0.9.1:5000", email, PASSWORD).await;
        assert!(paced.get("Wait").is_some(), "{email}: {paced}");
    }
    // ...but her known device, from yet another address, goes in at once.
    let mut known = Phone::at(&app, "10.0.9.2:5000");
    known.cookies.insert("jisr_device".into(), device);
    let (_, reply) = known
        .call_form("admin/sign-in", &[("email", real), ("password", PASSWORD)])
        .await;
    assert_eq!(reply["SignedIn"]["must_change_password"], false, "{reply}");
    let (_, me) = Phone::at(&app, "10.0.9.3:5000")
        .call_form("admin/me", &[])
        .await;
    assert_eq!(me, Value::Null);
    assert!(
        one(
            &app,
            "select count(*) from audit_log where action = 'sign_in_failed'"
        )
        .await
            > 2 * ACCOUNT_CEILING as i64
    );
}

#[tokio::test]
async fn an_unknown_account_takes_as_long_to_refuse_as_a_wrong_password() {
    let app = seeded(0).await;
    let mut times = std::collections::BTreeMap::new();
    for email in ["revue.06@demo.jisr.ma", "nobody@demo.jisr.ma"] {
        let mut runs = Vec::new();
        for n in 0..7 {
            // A new address each time: the throttle does not come into it.
            let addr = format!(
                "10.0.10.{}:5000",
                n + if email.starts_with('n') { 100 } else { 0 }
            );
            let started = std::time::Instant::now();
            let reply = sign_in_at(&app, &addr, email, "wrong password").await;
            runs.push(started.elapsed());
            assert_eq!(reply, json!("Invalid"));
        }
        runs.sort();
        times.insert(email, runs[3]);
    }
    let (a, b) = (times["revue.06@demo.jisr.ma"], times["nobody@demo.jisr.ma"]);
    assert!(
        a < b * 3 && b < a * 3,
        "wrong password {a:?}, unknown account {b:?}"
    );
}

#[tokio::test]
async fn a_chosen_password_must_be_long_and_not_easy_to_guess() {
    let app = seeded(0).await;
    let mut browser = signed_in(&app, "national@demo.jisr.ma").await;
    for (new, reply) in [
        ("short", "TooShort"),
        ("password1234", "TooEasy"),
        ("azertyuiop123", "TooEasy"),
        ("national@demo.jisr.ma", "TooEasy"),
        ("zitoun tramway 17 ghorba", "Changed"),
    ] {
        let (_, answer) = browser
            .call_form(
                "admin/password",
                &[("current", PASSWORD), ("new", new), ("confirm", new)],
            )
            .await;
        assert_eq!(answer, json!(reply), "{new}");
    }
}

#[tokio::test]
async fn a_seeded_application_is_found_by_its_reference() {
    let app = seeded(40).await;
    let references = strings(&app, "select reference from applications").await;
    assert_eq!(references.len(), 40);
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    for reference in &references {
        // As a person types it: lower case, without the prefix.
        let typed = reference.trim_start_matches("JSR-").to_lowercase();
        let (_, page) = national
            .call("admin/applications", json!({"filters": {"q": typed}}))
            .await;
        let rows = page["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 1, "{reference}: {page}");
        assert_eq!(rows[0]["reference"], reference.as_str());
    }
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = seeded(10).await;
    let mut browser = signed_in(&app, "national@demo.jisr.ma").await;
    let stolen = browser.cookies.clone();
    let (response, _) = browser.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::OK);
    browser.call_form("admin/sign-out", &[]).await;
    let (response, _) = browser.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    // The old cookie, replayed, finds nothing.
    browser.cookies = stolen;
    let (response, _) = browser.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_account_created_by_an_administrator_must_change_its_temporary_password() {
    let app = seeded(0).await;
    let mut admin = signed_in(&app, "national@demo.jisr.ma").await;
    let (_, reply) = admin
        .call_form(
            "admin/staff/create",
            &[
                ("email", "Nouvelle.Relectrice@Example.org"),
                ("name", "Nouvelle relectrice"),
                ("role", "reviewer"),
                ("region", "03"),
            ],
        )
        .await;
    let temporary = reply["Created"]["temporary_password"]
        .as_str()
        .expect("a temporary password")
        .to_owned();
    let mut reviewer = Phone::new(&app);
    let (_, signed) = reviewer
        .call_form(
            "admin/sign-in",
            &[
                ("email", "nouvelle.relectrice@example.org"),
                ("password", &temporary),
            ],
        )
        .await;
    assert_eq!(signed["SignedIn"]["must_change_password"], true);
    let (response, _) = reviewer.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    let (_, short) = reviewer
        .call_form(
            "admin/password",
            &[
                ("current", &temporary),
                ("new", "short"),
                ("confirm", "short"),
            ],
        )
        .await;
    assert_eq!(short, json!("TooShort"));
    let new = "a long enough password";
    let (_, changed) = reviewer
        .call_form(
            "admin/password",
            &[("current", &temporary), ("new", new), ("confirm", new)],
        )
        .await;
    assert_eq!(changed, json!("Changed"));
    let (response, _) = reviewer.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::OK);
    // Deactivated: the session stops working at once.
    let id = one(
        &app,
        "select id from staff where email = 'nouvelle.relectrice@example.org'",
    )
    .await;
    let (response, _) = admin
        .call_form(
            "admin/staff/active",
            &[("id", &id.to_string()), ("active", "false")],
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let (response, _) = reviewer.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
}

/// Ids the matrix acts on: an application of region 06 entered online, one of region 07,
/// and one the centre agent of 06 entered.
struct Ids {
    own: i64,
    other: i64,
    agents: i64,
    other_reviewer: i64,
}

async fn ids(app: &TestApp) -> Ids {
    Ids {
        own: one(app, "select min(id) from applications where region_code = '06' and entered_by is null and status = 'submitted'").await,
        other: one(app, "select min(id) from applications where region_code = '07' and status = 'submitted'").await,
        agents: one(app, "select min(a.id) from applications a join staff s on s.id = a.entered_by where s.email = 'agent.06@demo.jisr.ma'").await,
        other_reviewer: one(app, "select id from staff where email = 'revue.07@demo.jisr.ma'").await,
    }
}

#[tokio::test]
async fn every_role_sees_and_changes_only_what_it_may_whatever_ids_it_sends() {
    let app = seeded(600).await;
    let ids = ids(&app).await;
    let national = "national@demo.jisr.ma";
    let coordinator = "coordination.06@demo.jisr.ma";
    let reviewer = "revue.06@demo.jisr.ma";
    let agent = "agent.06@demo.jisr.ma";
    let partner = "partenaire@demo.jisr.ma";
    let id = |n: i64| n.to_string();

    // Signed out: every console function is refused.
    let mut anonymous = Phone::new(&app);
    for endpoint in ["admin/dashboard", "admin/filter-options", "admin/staff"] {
        let (response, _) = anonymous.call_form(endpoint, &[]).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{endpoint}");
    }
    let (response, _) = anonymous
        .call("admin/applications", json!({"filters": {}}))
        .await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    let (response, _) = anonymous
        .call_form("admin/application", &[("id", &id(ids.own))])
        .await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        anonymous.get("/admin/export.csv").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        anonymous.get("/admin/events").await.status,
        StatusCode::UNAUTHORIZED
    );

    for email in [national, coordinator, reviewer, agent, partner] {
        let mut browser = signed_in(&app, email).await;
        let reads = email != partner;
        let regional = email != national && email != partner;

        // Dashboard: every member of the staff, limited to the region for the regional
        // roles; not partners, whose figures are the report's, protected.
        let (response, dashboard) = browser.call_form("admin/dashboard", &[]).await;
        if email == partner {
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
        } else {
            assert_eq!(response.status, StatusCode::OK, "{email}");
            let regions = dashboard["regions"].as_array().unwrap();
            if regional {
                assert_eq!(regions.len(), 1, "{email}");
                assert_eq!(regions[0]["code"], "06");
            } else {
                assert_eq!(regions.len(), 12, "{email}");
            }
            assert!(
                !dashboard.to_string().contains("JSR-"),
                "no person in the figures"
            );
        }

        // The list, also when asked for another region.
        let (response, page) = browser
            .call("admin/applications", json!({"filters": {}}))
            .await;
        let (_, elsewhere) = browser
            .call("admin/applications", json!({"filters": {"region": "07"}}))
            .await;
        if !reads {
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
        } else {
            assert_eq!(response.status, StatusCode::OK, "{email}");
            let rows = page["rows"].as_array().unwrap();
            assert!(!rows.is_empty(), "{email}");
            if regional {
                assert!(rows.iter().all(|r| r["region_code"] == "06"), "{email}");
                assert_eq!(elsewhere["total"], 0, "{email}");
            } else {
                assert!(elsewhere["total"].as_i64().unwrap() > 0);
            }
            if email == agent {
                let entered = one(&app, "select count(*) from applications a join staff s on s.id = a.entered_by where s.email = 'agent.06@demo.jisr.ma'").await;
                assert_eq!(page["total"], entered);
            }
        }

        // One application's page: own region, another region, the agent's own.
        for (target, visible) in [
            (ids.own, email != agent && reads),
            (ids.other, email == national),
            (ids.agents, reads),
        ] {
            let (response, detail) = browser
                .call_form("admin/application", &[("id", &id(target))])
                .await;
            if visible {
                assert_eq!(response.status, StatusCode::OK, "{email} {target}");
                assert!(detail["reference"].as_str().unwrap().starts_with("JSR-"));
            } else {
                assert_eq!(response.status, StatusCode::NOT_FOUND, "{email} {target}");
                assert!(!response.body.contains("JSR-"), "{email}");
            }
        }

        // Acting on another region's application, a note, a bulk action: nothing changes.
        let version = one(
            &app,
            &format!("select version from applications where id = {}", ids.other),
        )
        .await;
        let (response, _) = browser
            .call(
                "admin/act",
                json!({"id": ids.other, "version": version, "action": "StartReview"}),
            )
            .await;
        if email == national {
            assert_eq!(response.status, StatusCode::OK);
        } else {
            assert_eq!(response.status, StatusCode::NOT_FOUND, "{email}");
        }
        let (response, _) = browser
            .call_form("admin/note", &[("id", &id(ids.other)), ("body", "note")])
            .await;
        let expected = if email == national {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        };
        assert_eq!(response.status, expected, "{email}");
        let (_, bulk) = browser
            .call(
                "admin/bulk",
                json!({"ids": [ids.other], "action": {"AssignReviewer": ids.other_reviewer}}),
            )
            .await;
        if email != national {
            assert_eq!(bulk["done"], 0, "{email}: {bulk}");
        }

        // The export.
        let export = browser.get("/admin/export.csv").await;
        if reads {
            assert_eq!(export.status, StatusCode::OK, "{email}");
            if regional {
                let region_column = 3;
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(b';')
                    .from_reader(export.body.trim_start_matches('\u{feff}').as_bytes());
                for record in reader.records() {
                    assert_eq!(&record.unwrap()[region_column], "06", "{email}");
                }
            }
        } else {
            assert_eq!(export.status, StatusCode::FORBIDDEN, "{email}");
        }

        // Staff accounts, targets, the audit log.
        let (response, staff) = browser.call_form("admin/staff", &[]).await;
        match email {
            e if e == national => assert_eq!(response.status, StatusCode::OK),
            e if e == coordinator => {
                assert_eq!(response.status, StatusCode::OK);
                assert!(staff
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|s| s["region"] == "06"));
            }
            _ => assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}"),
        }
        let (response, _) = browser
            .call_form(
                "admin/staff/active",
                &[("id", &id(ids.other_reviewer)), ("active", "false")],
            )
            .await;
        let expected = if email == national {
            StatusCode::OK
        } else if email == coordinator {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(response.status, expected, "{email}");
        if email == national {
            browser
                .call_form(
                    "admin/staff/active",
                    &[("id", &id(ids.other_reviewer)), ("active", "true")],
                )
                .await;
        }
        let (_, created) = browser
            .call_form(
                "admin/staff/create",
                &[
                    ("email", &format!("x.{}@example.org", email.len())),
                    ("name", "X"),
                    ("role", "reviewer"),
                    ("region", "07"),
                ],
            )
            .await;
        if email != national {
            assert!(created.get("Created").is_none(), "{email}: {created}");
        }
        let (response, _) = browser
            .call_form("admin/target", &[("region", "07"), ("target", "10")])
            .await;
        let expected = if email == national {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(response.status, expected, "{email}");
        let (response, _) = browser.call("admin/audit", json!({"filters": {}})).await;
        let expected = if email == national {
            StatusCode::OK
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(response.status, expected, "{email}");
    }
    // Only the national administrator's actions reached region 07.
    let actors = strings(
        &app,
        &format!(
            "select distinct s.email from application_events e join staff s on s.id = e.actor_id \
             where e.application_id = {}",
            ids.other
        ),
    )
    .await;
    assert_eq!(actors, vec![national.to_owned()]);
    assert_eq!(
        one(&app, "select target from regions where code = '07'").await,
        10
    );
}

#[tokio::test]
async fn two_staff_acting_at_once_one_wins_and_the_other_is_told_it_changed() {
    let app = seeded(100).await;
    let ids = ids(&app).await;
    let mut first = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    let mut second = signed_in(&app, "revue.06@demo.jisr.ma").await;
    let version = one(
        &app,
        &format!("select version from applications where id = {}", ids.own),
    )
    .await;
    let act = json!({"id": ids.own, "version": version, "action": "StartReview"});
    let (_, a) = first.call("admin/act", act.clone()).await;
    let (_, b) = second.call("admin/act", act).await;
    assert_eq!(a, json!("Done"));
    assert_eq!(b, json!({"Refused": "Changed"}));
    // The reviewer recommends; she cannot decide.
    let version = version + 1;
    let (_, refused) = second
        .call(
            "admin/act",
            json!({"id": ids.own, "version": version, "action": "Accept"}),
        )
        .await;
    assert_eq!(refused, json!({"Refused": "NotAllowed"}));
    let (_, recommended) = second
        .call(
            "admin/act",
            json!({"id": ids.own, "version": version, "action": {"Recommend": "Accept"}}),
        )
        .await;
    assert_eq!(recommended, json!("Done"));
    // An invalid transition is refused with its reason.
    let (_, invalid) = first
        .call(
            "admin/act",
            json!({"id": ids.own, "version": version + 1, "action": "Enrol"}),
        )
        .await;
    assert_eq!(
        invalid["Refused"]["InvalidTransition"]["from"],
        "UnderReview"
    );
    let (_, accepted) = first
        .call(
            "admin/act",
            json!({"id": ids.own, "version": version + 1, "action": "Accept"}),
        )
        .await;
    assert_eq!(accepted, json!("Done"));
    let (_, detail) = first
        .call_form("admin/application", &[("id", &ids.own.to_string())])
        .await;
    assert_eq!(detail["status"], "Accepted");
    let kinds: Vec<&str> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["start_review", "recommend", "accept"]);
    assert!(one(&app, &format!("select count(*) from audit_log where subject = 'application:{}' and action = 'view_application'", ids.own)).await >= 1);
}

#[tokio::test]
async fn a_full_region_offers_the_waiting_list_and_a_withdrawal_proposes_the_first_waiting() {
    let app = seeded(300).await;
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    let taken = one(&app, "select count(*) from applications where region_code = '06' and status in ('accepted', 'enrolled')").await;
    sqlx::query("update regions set target = $1 where code = '06'")
        .bind(taken)
        .execute(app.db.pool())
        .await
        .unwrap();
    let candidate = one(
        &app,
        "select min(id) from applications where region_code = '06' and status = 'under_review'",
    )
    .await;
    let version = one(
        &app,
        &format!("select version from applications where id = {candidate}"),
    )
    .await;
    let (_, detail) = coordinator
        .call_form("admin/application", &[("id", &candidate.to_string())])
        .await;
    assert_eq!(detail["target_reached"], true);
    let (_, refused) = coordinator
        .call(
            "admin/act",
            json!({"id": candidate, "version": version, "action": "Accept"}),
        )
        .await;
    assert_eq!(refused, json!({"Refused": "TargetReached"}));
    let (_, waiting) = coordinator
        .call(
            "admin/act",
            json!({"id": candidate, "version": version, "action": "WaitList"}),
        )
        .await;
    assert_eq!(waiting, json!("Done"));
    // An accepted woman withdraws: the first on the waiting list is proposed.
    let accepted = one(
        &app,
        "select min(id) from applications where region_code = '06' and status = 'accepted'",
    )
    .await;
    let version = one(
        &app,
        &format!("select version from applications where id = {accepted}"),
    )
    .await;
    let (_, withdrawn) = coordinator
        .call(
            "admin/act",
            json!({"id": accepted, "version": version, "action": "Withdraw"}),
        )
        .await;
    assert_eq!(withdrawn, json!("Done"));
    let first_waiting = one(&app, "select id from applications where region_code = '06' and status = 'waiting_list' order by submitted_at, id limit 1").await;
    let (_, detail) = coordinator
        .call_form("admin/application", &[("id", &accepted.to_string())])
        .await;
    assert_eq!(
        detail["proposed"][0], first_waiting,
        "{}",
        detail["proposed"]
    );
    let version = one(
        &app,
        &format!("select version from applications where id = {first_waiting}"),
    )
    .await;
    let (_, accepted_now) = coordinator
        .call(
            "admin/act",
            json!({"id": first_waiting, "version": version, "action": "Accept"}),
        )
        .await;
    assert_eq!(accepted_now, json!("Done"));
}

#[tokio::test]
async fn the_export_is_the_filtered_list_and_is_recorded() {
    let app = seeded(400).await;
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    let (_, page) = coordinator
        .call(
            "admin/applications",
            json!({"filters": {"status": "under_review", "sector": "tourism"}}),
        )
        .await;
    let export = coordinator
        .get("/admin/export.csv?status=under_review&sector=tourism")
        .await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export
        .header(axum::http::header::CONTENT_DISPOSITION)
        .contains("attachment"));
    // For a French spreadsheet: `;` between fields, the columns and the answers in French,
    // phone numbers in groups (text, leading zero kept), dates a spreadsheet reads as dates.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(export.body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let (status, sector, region, phone, submitted, birth) = (
        column("Statut"),
        column("Secteur"),
        column("Code région"),
        column("Téléphone"),
        column("Déposée le"),
        column("Date de naissance"),
    );
    let records: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len() as i64, page["total"].as_i64().unwrap());
    for r in &records {
        assert_eq!(&r[status], "En étude");
        assert_eq!(&r[sector], "Tourisme");
        assert_eq!(&r[region], "06");
        assert!(
            r[phone].len() == 14 && r[phone].starts_with('0') && r[phone].split(' ').count() == 5,
            "{}",
            &r[phone]
        );
        assert!(time::Date::parse(
            &r[birth],
            &time::format_description::well_known::Iso8601::DATE
        )
        .is_ok());
        assert_eq!(
            r[submitted].len(),
            "2026-11-30 14:05".len(),
            "{}",
            &r[submitted]
        );
    }
    // In Arabic, with commas, on request.
    let mut arabic = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    arabic.set_lang("ar");
    let export = arabic
        .get("/admin/export.csv?status=under_review&sector=tourism&sep=comma")
        .await;
    let mut reader =
        csv::Reader::from_reader(export.body.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "رقم الملف");
    assert_eq!(reader.records().count(), records.len());
    // Each export is recorded, with its filters.
    assert_eq!(
        one(&app, "select count(*) from audit_log where action = 'export' and detail = 'status=under_review&sector=tourism'").await,
        2
    );
}

#[tokio::test]
async fn a_search_finds_her_by_reference_cin_phone_or_name_in_either_script() {
    let app = seeded(300).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let row = sqlx::query("select reference, cin, phone, first_name, last_name from applications where first_name in ('فاطمة', 'خديجة', 'مريم') limit 1")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    let reference: String = row.get(0);
    let cin: String = row.get(1);
    let phone: String = row.get(2);
    let first: String = row.get(3);
    let last: String = row.get(4);
    let local_phone = format!("0{}", &phone[4..]);
    for query in [
        reference.to_lowercase(),
        cin.clone(),
        local_phone,
        first.clone(),
        format!("{last} {first}"),
    ] {
        let (_, page) = national
            .call("admin/applications", json!({"filters": {"q": query}}))
            .await;
        let rows = page["rows"].as_array().unwrap();
        assert!(
            rows.iter().any(|r| r["reference"] == reference.as_str()),
            "{query}"
        );
    }
    let (_, latin) = national
        .call("admin/applications", json!({"filters": {"q": "fati"}}))
        .await;
    assert!(latin["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["first_name"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .starts_with("fati")));
}

#[tokio::test]
async fn a_centre_agent_registers_a_woman_on_her_behalf() {
    let app = seeded(0).await;
    let mut phone = signed_in(&app, "agent.01@demo.jisr.ma").await;
    let key = fill_in(&mut phone, "AB123456", "0612345678", "Latifa").await;
    let submitted = phone
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    assert_eq!(submitted.status, StatusCode::SEE_OTHER);
    let page = phone.get("/register/submitted").await;
    let reference = reference_in(&page.body);
    let row = sqlx::query("select a.channel, s.email from applications a join staff s on s.id = a.entered_by where a.reference = $1")
        .bind(&reference)
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    assert_eq!(row.get::<String, _>(0), "assisted");
    assert_eq!(row.get::<String, _>(1), "agent.01@demo.jisr.ma");
    let (_, list) = phone
        .call("admin/applications", json!({"filters": {}}))
        .await;
    assert_eq!(list["total"], 1);
    assert_eq!(
        one(
            &app,
            "select count(*) from audit_log where action = 'assisted_registration'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_working_session_stays_open_and_a_password_change_ends_the_others() {
    let app = seeded(0).await;
    let mut first = signed_in(&app, "revue.05@demo.jisr.ma").await;
    let mut second = signed_in(&app, "revue.05@demo.jisr.ma").await;
    // Age both sessions: 100 s left, last seen two minutes ago.
    let rows = sqlx::query("select id, data from staff_sessions")
        .fetch_all(app.db.pool())
        .await
        .unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    for row in &rows {
        let mut data: serde_json::Map<String, Value> =
            serde_json::from_str(&row.get::<String, _>("data")).unwrap();
        data.insert("seen_at".into(), json!(now - 120));
        sqlx::query("update staff_sessions set data = $2, expires_at = $3 where id = $1")
            .bind(row.get::<String, _>("id"))
            .bind(Value::Object(data).to_string())
            .bind(now + 100)
            .execute(app.db.pool())
            .await
            .unwrap();
    }
    let (response, _) = first.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::OK);
    let latest = one(&app, "select max(expires_at) from staff_sessions").await;
    assert!(
        latest > now + 25 * 60,
        "the idle expiry moved on: {latest} vs {now}"
    );
    // The session ids are stored hashed.
    let stored = strings(&app, "select id from staff_sessions").await;
    let cookie = first.cookies.get("jisr_staff").cloned().unwrap();
    assert!(stored.iter().all(|id| id.len() == 64 && *id != cookie));

    let new = "another long password";
    let (_, changed) = first
        .call_form(
            "admin/password",
            &[("current", PASSWORD), ("new", new), ("confirm", new)],
        )
        .await;
    assert_eq!(changed, json!("Changed"));
    let (response, _) = first.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::OK, "this session goes on");
    let (response, _) = second.call_form("admin/dashboard", &[]).await;
    assert_eq!(
        response.status,
        StatusCode::UNAUTHORIZED,
        "the other one ends"
    );
}

/// `demo-password-123` hashed with argon2's default parameters (19 MiB, 2 passes), as
/// accounts made before the parameters changed were.
const OLDER_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$dfmYSnc5rZjRPRqB+LWgKA$\
                          XgCroaL6DQPflHjDPM205x9saNQ388k2ZBROlKjiqJ8";

#[tokio::test]
async fn a_hash_of_older_parameters_is_made_again_at_sign_in_and_no_session_ends() {
    let app = seeded(0).await;
    let email = "revue.05@demo.jisr.ma";
    const HASH: &str = "select password_hash from staff where email = 'revue.05@demo.jisr.ma'";
    const VERSION: &str =
        "select password_version from staff where email = 'revue.05@demo.jisr.ma'";
    sqlx::query("update staff set password_hash = $1 where email = $2")
        .bind(OLDER_HASH)
        .bind(email)
        .execute(app.db.pool())
        .await
        .unwrap();
    let version = one(&app, VERSION).await;
    let mut first = signed_in(&app, email).await;
    let upgraded = strings(&app, HASH).await.remove(0);
    assert!(
        upgraded.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"),
        "{upgraded}"
    );
    assert_eq!(
        one(&app, VERSION).await,
        version,
        "the same password: no session ends"
    );
    let mut second = signed_in(&app, email).await;
    assert_eq!(
        strings(&app, HASH).await.remove(0),
        upgraded,
        "made again once only"
    );
    for browser in [&mut first, &mut second] {
        let (response, _) = browser.call_form("admin/dashboard", &[]).await;
        assert_eq!(response.status, StatusCode::OK);
    }
    assert_eq!(
        sign_in_at(&app, "10.9.0.1:5000", email, "demo-password-124").await,
        json!("Invalid"),
        "the new hash refuses another password"
    );
}

#[tokio::test]
async fn console_answers_are_never_stored_by_the_browser() {
    let app = seeded(10).await;
    let mut browser = signed_in(&app, "national@demo.jisr.ma").await;
    let (response, _) = browser.call_form("admin/dashboard", &[]).await;
    assert_eq!(
        response.header(axum::http::header::CACHE_CONTROL),
        "no-store"
    );
    let export = browser.get("/admin/export.csv").await;
    assert_eq!(export.header(axum::http::header::CACHE_CONTROL), "no-store");
    let page = browser.get("/admin/sign-in").await;
    assert_eq!(page.header(axum::http::header::CACHE_CONTROL), "no-store");
}

#[tokio::test]
async fn the_dashboard_figures_are_the_applications_counted() {
    let app = seeded(300).await;
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    // Some changes of status first: the counts follow them.
    for _ in 0..3 {
        let id = one(
            &app,
            "select min(id) from applications where region_code = '06' and status = 'submitted'",
        )
        .await;
        let version = one(
            &app,
            &format!("select version from applications where id = {id}"),
        )
        .await;
        let (_, done) = coordinator
            .call(
                "admin/act",
                json!({"id": id, "version": version, "action": "StartReview"}),
            )
            .await;
        assert_eq!(done, json!("Done"));
    }
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (_, dashboard) = national.call_form("admin/dashboard", &[]).await;
    let statuses = [
        "submitted",
        "under_review",
        "accepted",
        "waiting_list",
        "rejected",
        "enrolled",
        "withdrawn",
    ];
    for region in dashboard["regions"].as_array().unwrap() {
        let code = region["code"].as_str().unwrap();
        for (i, status) in statuses.iter().enumerate() {
            let counted = one(&app, &format!("select count(*) from applications where region_code = '{code}' and status = '{status}'")).await;
            assert_eq!(region["by_status"][i], counted, "{code} {status}");
        }
    }
    for sector in dashboard["by_sector"].as_array().unwrap() {
        let key = sector["key"].as_str().unwrap();
        let counted = one(
            &app,
            &format!("select count(*) from applications where sector = '{key}'"),
        )
        .await;
        assert_eq!(sector["count"], counted, "{key}");
    }
    let per_day: i64 = dashboard["per_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["count"].as_i64().unwrap())
        .sum();
    let first_day = dashboard["per_day"][0]["key"].as_str().unwrap().to_owned();
    // The first day starts at midnight in Morocco, whatever its offset from UTC that day.
    let since = app::clock::day_start(
        time::Date::parse(
            &first_day,
            &time::macros::format_description!("[year]-[month]-[day]"),
        )
        .unwrap(),
    );
    let counted = one(
        &app,
        &format!("select count(*) from applications where submitted_at >= {since}"),
    )
    .await;
    assert_eq!(per_day, counted);
}

#[tokio::test]
async fn a_session_and_the_live_stream_outlast_a_server_restart() {
    let app = seeded(0).await;
    let browser = signed_in(&app, "national@demo.jisr.ma").await;
    let restarted = app.restarted().await;
    let mut again = Phone::new(&restarted);
    again.cookies = browser.cookies.clone();
    let (response, _) = again.call_form("admin/dashboard", &[]).await;
    assert_eq!(
        response.status,
        StatusCode::OK,
        "the session is in the database"
    );
    // The stream tells browsers to come back within a second when it breaks (EventSource
    // reconnects by itself), then carries the changes.
    let cookie = browser
        .cookies
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let request = axum::http::Request::get("/admin/events")
        .header(axum::http::header::COOKIE, cookie)
        .body(axum::body::Body::empty())
        .unwrap();
    let (status, first) = restarted.first_chunk(request).await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains("event: hello"), "{first}");
    assert!(first.contains("retry: 1000"), "{first}");
}

#[tokio::test]
async fn a_coordinator_starts_the_review_of_several_and_assigns_them_a_reviewer() {
    let app = seeded(200).await;
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    let ids = ids_of(
        &app,
        "select id from applications where region_code = '06' and status = 'submitted' \
         order by id limit 3",
    )
    .await;
    assert_eq!(ids.len(), 3);
    let reviewer = one(
        &app,
        "select id from staff where email = 'revue.06@demo.jisr.ma'",
    )
    .await;
    let (_, started) = coordinator
        .call("admin/bulk", json!({"ids": ids, "action": "StartReview"}))
        .await;
    assert_eq!(started, json!({"done": 3, "refused": 0}));
    let (_, assigned) = coordinator
        .call(
            "admin/bulk",
            json!({"ids": ids, "action": {"AssignReviewer": reviewer}}),
        )
        .await;
    assert_eq!(assigned, json!({"done": 3, "refused": 0}));
    for id in &ids {
        let status = strings(
            &app,
            &format!("select status from applications where id = {id}"),
        )
        .await;
        assert_eq!(status, ["under_review"]);
        let assigned_to = one(
            &app,
            &format!("select reviewer_id from applications where id = {id}"),
        )
        .await;
        assert_eq!(assigned_to, reviewer);
    }
    // A national administrator finds these decisions in the audit log.
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (_, audit) = national
        .call("admin/audit", json!({"filters": {"action": "assignment"}}))
        .await;
    let rows = audit["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .all(|r| r["actor_email"] == "coordination.06@demo.jisr.ma"
                && r["action"] == "assignment")
    );
}

#[tokio::test]
async fn the_sign_in_page_is_a_plain_page_whose_form_works_without_the_console() {
    let app = seeded(0).await;
    let email = "national@demo.jisr.ma";
    let mut browser = Phone::new(&app);
    let page = browser.get("/admin/sign-in").await;
    assert_eq!(page.status, StatusCode::OK);
    // No code: neither the console's nor the applicants', nor the console's messages for it.
    assert!(!page.body.contains("jisr-console"), "{}", page.body);
    assert!(!page.body.contains(".wasm"), "{}", page.body);
    assert!(!page.body.contains(".js"), "{}", page.body);
    assert!(!page.body.contains("<script src"), "{}", page.body);
    assert!(
        !page.body.contains(app::admin::i18n::ELEMENT_ID),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"action="/admin/sign-in""#));

    // A box left empty, then a wrong password: the page again, her e-mail kept, the reason
    // next to the form, the status saying so.
    let empty = browser
        .post("/admin/sign-in", &[("email", email), ("password", "")])
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = browser
        .post(
            "/admin/sign-in",
            &[("email", email), ("password", "not the password")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(
        wrong.body.contains(&format!(r#"value="{email}""#)),
        "{}",
        wrong.body
    );
    assert!(
        wrong.body.contains(&app::admin::i18n::tr(
            app::i18n::Lang::Fr,
            "admin-sign-in-invalid"
        )),
        "{}",
        wrong.body
    );
    assert!(!wrong.body.contains("not the password"));

    // The right one: on to the console, signed in, its code loaded there.
    let right = browser
        .post(
            "/admin/sign-in",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(right.status, StatusCode::SEE_OTHER, "{}", right.body);
    assert_eq!(right.header(axum::http::header::LOCATION), "/admin");
    let (_, me) = browser.call_form("admin/me", &[]).await;
    assert_eq!(me["email"], email, "{me}");
    let console = browser.get("/admin").await;
    assert!(console.body.contains("jisr-console"));
}

/// Every row of the list once, in order, following the pages from the first to the last and
/// back, for each order; and the last page from the other end.
#[tokio::test]
async fn pages_follow_one_another_by_the_sort_order_forward_and_back() {
    let app = seeded(800).await;
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    // Two applications submitted in the same second: the id breaks the tie.
    sqlx::query(
        "update applications set submitted_at = (select min(submitted_at) from applications \
         where region_code = '06') where id in (select id from applications where region_code = '06' \
         order by id limit 3)",
    )
    .execute(app.db.pool())
    .await
    .unwrap();
    for (sort, order) in [
        ("Newest", "submitted_at desc, id desc"),
        ("Oldest", "submitted_at, id"),
        ("Name", "last_first_key, id"),
    ] {
        let expected = ids_of(
            &app,
            &format!("select id from applications where region_code = '06' order by {order}"),
        )
        .await;
        assert!(expected.len() > 25, "{sort}: {} rows", expected.len());
        let mut forward = Vec::new();
        let mut pages = Vec::new();
        let mut filters = json!({"sort": sort});
        loop {
            let (response, page) = coordinator
                .call("admin/applications", json!({ "filters": filters }))
                .await;
            assert_eq!(response.status, StatusCode::OK, "{sort}: {page}");
            assert!(page_ids(&page).len() <= 25);
            forward.extend(page_ids(&page));
            pages.push(page.clone());
            match page["next"].as_str() {
                Some(cursor) => {
                    filters = json!({"sort": sort, "after": cursor, "page": pages.len() + 1})
                }
                None => break,
            }
        }
        if app.backend() == app::db::Backend::Sqlite || sort != "Name" {
            assert_eq!(forward, expected, "{sort}: every row once, in order");
        } else {
            let mut seen = forward.clone();
            seen.sort();
            let mut all = expected.clone();
            all.sort();
            assert_eq!(seen, all, "{sort}: every row once");
        }
        assert_eq!(pages[0]["previous"], Value::Null);
        assert_eq!(pages.last().unwrap()["page"], pages.len());
        // Back from the last page to the first, by the previous cursors.
        let mut backward = page_ids(pages.last().unwrap());
        let mut page = pages.last().unwrap().clone();
        while let Some(cursor) = page["previous"].as_str() {
            let (_, before) = coordinator
                .call(
                    "admin/applications",
                    json!({"filters": {"sort": sort, "before": cursor}}),
                )
                .await;
            backward.splice(0..0, page_ids(&before));
            page = before;
        }
        assert_eq!(backward, forward, "{sort}: the same rows, going back");
        assert_eq!(page["page"], 1);
        // The last page straight from the other end.
        let (_, last) = coordinator
            .call(
                "admin/applications",
                json!({"filters": {"sort": sort, "last": true}}),
            )
            .await;
        assert_eq!(
            page_ids(&last),
            page_ids(pages.last().unwrap()),
            "{sort}: the last page"
        );
        assert_eq!(last["next"], Value::Null);
    }
    // A cursor naming a row of another region shows nothing of that row.
    let foreign: i64 = one(
        &app,
        "select min(id) from applications where region_code <> '06'",
    )
    .await;
    let (response, page) = coordinator
        .call(
            "admin/applications",
            json!({"filters": {"after": format!("{foreign}.9999999999")}}),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|row| row["region_code"] == "06"));
}

/// A filter the rows read in the sort's order do not satisfy (the oldest days, newest first)
/// is answered from the filters' own indexes, with the same rows and pages.
#[tokio::test]
async fn a_rare_filter_beyond_the_rows_read_in_order_finds_its_rows() {
    let app = seeded(4_300).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let first: i64 = one(&app, "select min(submitted_at) from applications").await;
    // Her day in Morocco (an hour ahead of UTC: late in the UTC evening, the next day).
    let day = app::clock::local_date(first);
    let last_of_day = app::clock::day_start(day + time::Duration::days(1));
    let expected: Vec<i64> = sqlx::query(
        "select id from applications where submitted_at < $1 order by submitted_at desc, id desc",
    )
    .bind(last_of_day)
    .fetch_all(app.db.pool())
    .await
    .unwrap()
    .iter()
    .map(|row| row.get::<i64, _>(0))
    .collect();
    assert!(!expected.is_empty());
    let mut seen = Vec::new();
    let mut filters = json!({"to": day.to_string()});
    loop {
        let (response, page) = national
            .call("admin/applications", json!({ "filters": filters }))
            .await;
        assert_eq!(response.status, StatusCode::OK, "{page}");
        seen.extend(page_ids(&page));
        match page["next"].as_str() {
            Some(cursor) => filters = json!({"to": day.to_string(), "after": cursor}),
            None => break,
        }
    }
    assert_eq!(seen, expected);
}

/// Whichever index leads a count or a page (the counters, a status and the dates, a region, a
/// name's start, a centre agent's own, a CIN), the list holds exactly the filters' rows, page
/// after page, and says how many: exactly from the counters, up to 1,000 otherwise. The pages
/// that follow say what the first said.
#[tokio::test]
async fn every_filter_lists_and_counts_exactly_its_rows_whichever_index_leads() {
    let app = seeded(4_300).await;
    let all = one(&app, "select count(*) from applications").await;
    let flagged = one(
        &app,
        "select count(*) from applications where possible_duplicate = true",
    )
    .await;
    assert!(
        all > 1_000 && flagged > 0,
        "{all} applications, {flagged} flagged"
    );
    let sector = strings(
        &app,
        "select sector from applications where region_code = '06' group by sector \
         order by count(*) desc, sector limit 1",
    )
    .await
    .remove(0);
    let agent = one(
        &app,
        "select id from staff where email = 'agent.06@demo.jisr.ma'",
    )
    .await;
    let middle = one(
        &app,
        "select submitted_at from applications order by submitted_at, id \
         limit 1 offset (select count(*) / 2 from applications)",
    )
    .await;
    let day = time::OffsetDateTime::from_unix_timestamp(middle)
        .unwrap()
        .to_offset(time::UtcOffset::from_hms(1, 0, 0).unwrap())
        .date();
    let (day_start, next_day) = (
        app::clock::day_start(day),
        app::clock::day_start(day + time::Duration::days(1)),
    );
    let cin = strings(
        &app,
        "select cin from applications where region_code = '06' order by id limit 1",
    )
    .await
    .remove(0);
    // Staff, filters, the rows they select, counted exactly (from the counters) or up to 1,000.
    let combinations: Vec<(&str, Value, String, bool)> = vec![
        ("national@demo.jisr.ma", json!({}), "true".into(), true),
        (
            "coordination.06@demo.jisr.ma",
            json!({"status": "submitted", "sector": sector}),
            format!("region_code = '06' and status = 'submitted' and sector = '{sector}'"),
            true,
        ),
        (
            "coordination.06@demo.jisr.ma",
            json!({"flagged": true, "sort": "Oldest"}),
            "region_code = '06' and possible_duplicate = true".into(),
            true,
        ),
        (
            "national@demo.jisr.ma",
            json!({"flagged": true, "status": "submitted"}),
            "possible_duplicate = true and status = 'submitted'".into(),
            true,
        ),
        (
            "national@demo.jisr.ma",
            json!({"status": "submitted", "to": day.to_string(), "sort": "Oldest"}),
            format!("status = 'submitted' and submitted_at < {next_day}"),
            false,
        ),
        (
            "coordination.06@demo.jisr.ma",
            json!({"status": "open", "from": day.to_string()}),
            format!(
                "region_code = '06' and status in ('submitted', 'under_review') \
                 and submitted_at >= {day_start}"
            ),
            false,
        ),
        (
            "national@demo.jisr.ma",
            json!({"q": "fa", "region": "06", "sort": "Name"}),
            "region_code = '06' and (name_key like 'fa%' or last_first_key like 'fa%')".into(),
            false,
        ),
        (
            "agent.06@demo.jisr.ma",
            json!({"sort": "Name"}),
            format!("entered_by = {agent}"),
            false,
        ),
        (
            "agent.06@demo.jisr.ma",
            json!({"sort": "Name", "sector": sector, "status": "submitted"}),
            format!("entered_by = {agent} and sector = '{sector}' and status = 'submitted'"),
            false,
        ),
        (
            "revue.06@demo.jisr.ma",
            json!({"q": cin, "to": "2099-12-31", "sort": "Oldest"}),
            format!("region_code = '06' and cin = '{cin}'"),
            false,
        ),
        (
            "national@demo.jisr.ma",
            json!({"to": "2099-12-31", "sort": "Oldest"}),
            "true".into(),
            false,
        ),
        // Scattered along the sort's order beyond the rows read in it first.
        (
            "national@demo.jisr.ma",
            json!({"flagged": true, "sector": sector, "sort": "Name"}),
            format!("possible_duplicate = true and sector = '{sector}'"),
            false,
        ),
        (
            "national@demo.jisr.ma",
            json!({"status": "rejected", "sector": sector, "sort": "Name"}),
            format!("status = 'rejected' and sector = '{sector}'"),
            true,
        ),
        (
            "national@demo.jisr.ma",
            json!({"q": "fa", "status": "submitted"}),
            "status = 'submitted' and (name_key like 'fa%' or last_first_key like 'fa%')".into(),
            false,
        ),
        (
            "national@demo.jisr.ma",
            json!({"q": "fa", "sector": sector, "sort": "Oldest"}),
            format!("sector = '{sector}' and (name_key like 'fa%' or last_first_key like 'fa%')"),
            false,
        ),
    ];
    for (email, filters, condition, exact) in combinations {
        let mut staff = signed_in(&app, email).await;
        let order = match filters["sort"].as_str() {
            Some("Oldest") => "submitted_at, id",
            Some("Name") => "last_first_key, id",
            _ => "submitted_at desc, id desc",
        };
        let expected = ids_of(
            &app,
            &format!("select id from applications where {condition} order by {order}"),
        )
        .await;
        let mut seen = Vec::new();
        let mut first: Option<Value> = None;
        let mut next = filters.clone();
        loop {
            let (response, page) = staff
                .call("admin/applications", json!({ "filters": next }))
                .await;
            assert_eq!(response.status, StatusCode::OK, "{email} {next}: {page}");
            seen.extend(page_ids(&page));
            let counted = (page["total"].clone(), page["more"].clone());
            let first = first.get_or_insert_with(|| page.clone());
            assert_eq!(
                counted,
                (first["total"].clone(), first["more"].clone()),
                "{email} {next}: the count of the first page"
            );
            match page["next"].as_str() {
                Some(cursor) => {
                    next["after"] = json!(cursor);
                    next["page"] = json!(seen.len() / 25 + 1);
                }
                None => break,
            }
        }
        if app.backend() == app::db::Backend::Sqlite || order != "last_first_key, id" {
            assert_eq!(
                seen, expected,
                "{email} {filters}: every row once, in order"
            );
        } else {
            let (mut seen, mut expected) = (seen, expected.clone());
            seen.sort();
            expected.sort();
            assert_eq!(seen, expected, "{email} {filters}: every row once");
        }
        let (total, more) = (
            first.as_ref().unwrap()["total"].as_i64().unwrap(),
            first.as_ref().unwrap()["more"].as_bool().unwrap(),
        );
        let n = expected.len() as i64;
        assert!(n > 0, "{email} {filters}: some rows to list");
        if exact {
            assert_eq!(
                (total, more),
                (n, false),
                "{email} {filters}: counted exactly"
            );
        } else {
            assert_eq!(
                (total, more),
                (n.min(1_000), n > 1_000),
                "{email} {filters}: counted up to 1,000"
            );
        }
    }
}

/// The count kept for the pages that follow the first is its scope's alone, and is counted
/// again once something has changed.
#[tokio::test]
async fn the_count_kept_for_the_next_pages_is_the_scopes_own_and_follows_changes() {
    let app = seeded(1_300).await;
    let filters = json!({"status": "submitted", "sort": "Oldest"});
    let submitted = |region: &str| {
        format!(
            "select count(*) from applications where region_code = '{region}' \
             and status = 'submitted'"
        )
    };
    let mut staff = Vec::new();
    for region in ["06", "07"] {
        let mut coordinator = signed_in(&app, &format!("coordination.{region}@demo.jisr.ma")).await;
        let (_, first) = coordinator
            .call("admin/applications", json!({ "filters": filters }))
            .await;
        let expected = one(&app, &submitted(region)).await;
        assert!(expected > 25, "{region}: {expected} submitted");
        assert_eq!(first["total"], expected, "{region}");
        staff.push((
            region,
            coordinator,
            first["next"].as_str().unwrap().to_owned(),
        ));
    }
    for (region, coordinator, next) in &mut staff {
        let mut second = filters.clone();
        second["after"] = json!(next);
        let (_, page) = coordinator
            .call("admin/applications", json!({ "filters": second }))
            .await;
        assert_eq!(
            page["total"],
            one(&app, &submitted(region)).await,
            "{region}"
        );
    }
    // Two reviews started in 06: its next page counts again.
    let ids = ids_of(
        &app,
        "select id from applications where region_code = '06' and status = 'submitted' \
         order by id desc limit 2",
    )
    .await;
    let (region, coordinator, next) = &mut staff[0];
    let (_, started) = coordinator
        .call("admin/bulk", json!({"ids": ids, "action": "StartReview"}))
        .await;
    assert_eq!(started, json!({"done": 2, "refused": 0}));
    let mut second = filters.clone();
    second["after"] = json!(next);
    let (_, page) = coordinator
        .call("admin/applications", json!({ "filters": second }))
        .await;
    assert_eq!(page["total"], one(&app, &submitted(region)).await);
}
