//! What a woman on a phone and staff on a tablet see, as the server renders it: questions
//! not asked twice, a date in three boxes, a project explained at the centre, help on every
//! page, titles, and the console's figures, records and export in words.

use crate::helpers::TestApp;
use crate::wizard::{fill_in, idempotency_key, Phone, ELIGIBLE};
use axum::http::StatusCode;
use serde_json::{json, Value};
use sqlx::Row;

const PASSWORD: &str = "demo-password-123";

async fn seeded(n: u32) -> TestApp {
    let app = TestApp::spawn_with(|setup| {
        setup.settings.help = app::help::Help {
            helpline: Some("0800 00 00 00".into()),
            centres: vec![app::help::Centre {
                region_code: "01".into(),
                name_fr: "Centre social de Tétouan".into(),
                name_ar: "المركز الاجتماعي تطوان".into(),
                address_fr: "Avenue Mohammed V".into(),
                address_ar: "شارع محمد الخامس".into(),
                phone: "05 39 00 00 01".into(),
            }],
        };
    })
    .await;
    server::seed::run(&app.db, n, Some(PASSWORD.into()), 7, false)
        .await
        .expect("seed");
    app
}

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Phone<'a> {
    let mut browser = Phone::at(app, "10.0.30.1:5000");
    let (_, reply) = browser
        .call_form("admin/sign-in", &[("email", email), ("password", PASSWORD)])
        .await;
    assert!(reply.get("SignedIn").is_some(), "{reply}");
    browser
}

fn title_of(page: &str) -> &str {
    let start = page.find("<title>").unwrap() + "<title>".len();
    let end = page[start..].find("</title>").unwrap();
    &page[start..start + end]
}

#[tokio::test]
async fn what_the_eligibility_step_said_is_not_asked_again_and_reaches_the_application() {
    let app = seeded(0).await;
    let mut phone = Phone::at(&app, "10.0.31.1:5000");
    phone.post("/register/eligibility", ELIGIBLE).await;
    let identity = phone
        .post(
            "/register/identity",
            &[
                ("first_name", "Fatima"),
                ("last_name", "El Amrani"),
                ("cin", "BK123456"),
                ("birth_date_day", "14"),
                ("birth_date_month", "3"),
                ("birth_date_year", "1985"),
                ("phone", "0612345678"),
                ("email", ""),
            ],
        )
        .await;
    assert_eq!(
        identity.status,
        StatusCode::SEE_OTHER,
        "the date in three boxes is read"
    );
    phone
        .post(
            "/register/residence",
            &[("province", "2"), ("locality", "Fnideq"), ("area", "urban")],
        )
        .await;
    let situation = phone.get("/register/situation").await;
    for not_asked in [
        "marital_status",
        "household_head",
        "disability",
        r#"name="income""#,
    ] {
        assert!(
            !situation.body.contains(&format!("name=\"{not_asked}\"")),
            "{not_asked}"
        );
    }
    assert!(situation.body.contains(r#"name="dependants""#));
    let saved = phone
        .post(
            "/register/situation",
            &[
                ("dependants", "2"),
                ("rsu", "no"),
                ("situation_details", ""),
            ],
        )
        .await;
    assert_eq!(
        saved.header(axum::http::header::LOCATION),
        "/register/schooling"
    );
    let answers: String = sqlx::query("select answers from drafts")
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get(0);
    let answers: Value = serde_json::from_str(&answers).unwrap();
    assert_eq!(answers["birth_date"], json!(["1985-03-14"]));
    assert_eq!(answers["marital_status"], json!(["widowed"]));
    assert_eq!(answers["income"], json!(["none"]));
    assert_eq!(answers["household_head"], json!(["no"]));
    assert_eq!(answers["disability"], json!(["no"]));
    // A date half typed comes back in its boxes, with what she typed.
    let mut other = Phone::at(&app, "10.0.31.2:5000");
    other.post("/register/eligibility", ELIGIBLE).await;
    let refused = other
        .post(
            "/register/identity",
            &[
                ("birth_date_day", "14"),
                ("birth_date_month", ""),
                ("birth_date_year", "1985"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains(r#"name="birth_date_day" value="14""#));
    assert!(refused
        .body
        .contains(r#"name="birth_date_year" value="1985""#));
    assert!(refused.body.contains(r#"id="error-birth_date""#));
}

#[tokio::test]
async fn she_may_explain_her_project_at_the_centre_and_staff_are_told() {
    let app = seeded(0).await;
    let mut phone = Phone::at(&app, "10.0.32.1:5000");
    fill_in(&mut phone, "BK123456", "0612345678", "Fatima").await;
    let project = [
        ("stage", "informal"),
        ("sector", "agri_food"),
        ("description", ""),
        ("explain_at_centre", "yes"),
        ("support", "training"),
        ("cooperative_member", "no"),
        ("budget", "10000_49999"),
        ("from", "check"),
    ];
    // Amounts are written with their thousands apart, in both languages.
    for lang in ["fr", "ar"] {
        phone.set_lang(lang);
        let page = phone.get("/register/project").await;
        assert!(page.body.contains("10\u{202f}000"), "{lang}");
        assert!(!page.body.contains("10000 "), "{lang}");
    }
    phone.set_lang("fr");
    let saved = phone.post("/register/project", &project).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // Without the box ticked, a description is still asked for.
    let mut project_without = project.to_vec();
    project_without.retain(|(name, _)| *name != "explain_at_centre");
    let refused = phone.post("/register/project", &project_without).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    phone.post("/register/project", &project).await;
    let check = phone.get("/register/check").await;
    let key = idempotency_key(&check.body);
    phone
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    let id: i64 = sqlx::query("select id from applications")
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get(0);
    let mut coordinator = signed_in(&app, "coordination.01@demo.jisr.ma").await;
    let (_, detail) = coordinator
        .call_form("admin/application", &[("id", &id.to_string())])
        .await;
    assert_eq!(detail["explains_at_centre"], true);
    let page = coordinator.get(&format!("/admin/applications/{id}")).await;
    assert!(page.body.contains(r#"id="explains-at-centre""#));
}

#[tokio::test]
async fn every_public_page_says_how_to_get_help_and_ends_its_title_with_the_site_name() {
    let app = seeded(0).await;
    for (lang, site) in [("fr", "Jisr"), ("ar", "جسر")] {
        let mut phone = Phone::at(&app, "10.0.33.1:5000");
        phone.set_lang(lang);
        for path in [
            "/",
            "/register",
            "/register/eligibility",
            "/register/resume",
            "/status",
            "/centres",
            "/nowhere",
        ] {
            let page = phone.get(path).await;
            assert!(
                page.body.contains(r#"href="tel:0800000000""#),
                "{lang} {path}"
            );
            assert!(page.body.contains(r#"href="/centres""#), "{lang} {path}");
            assert!(
                title_of(&page.body).ends_with(&format!(" · {site}")),
                "{lang} {path}: {}",
                title_of(&page.body)
            );
        }
        let centres = phone.get("/centres").await;
        assert!(centres.body.contains(if lang == "fr" {
            "Centre social de Tétouan"
        } else {
            "المركز الاجتماعي تطوان"
        }));
        // Staff pages show neither the applicants' help nor their quick exit.
        let console = phone.get("/admin/sign-in").await;
        assert!(!console.body.contains(r#"class="quick-exit""#));
        assert!(!console.body.contains(r#"id="help""#));
    }
    let mut phone = Phone::at(&app, "10.0.33.2:5000");
    let key = fill_in(&mut phone, "BK123456", "0612345678", "Fatima").await;
    phone
        .post("/register/check", &[("idempotency_key", &key)])
        .await;
    let submitted = phone.get("/register/submitted").await;
    assert!(submitted.body.contains(r#"id="nearest-centre""#));
    assert!(submitted.body.contains("Centre social de Tétouan"));
}

#[tokio::test]
async fn the_dashboard_counts_what_waits_and_its_cards_open_those_lists() {
    let app = seeded(300).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (_, dashboard) = national.call_form("admin/dashboard", &[]).await;
    let count = |sql: &str| {
        let app = &app;
        let sql = sql.to_owned();
        async move {
            sqlx::query(&sql)
                .fetch_one(app.db.pool())
                .await
                .unwrap()
                .get::<i64, _>(0)
        }
    };
    let open =
        count("select count(*) from applications where status in ('submitted', 'under_review')")
            .await;
    let (_, list) = national
        .call("admin/applications", json!({"filters": {"status": "open"}}))
        .await;
    assert_eq!(list["total"], open);
    let oldest = count(
        "select min(submitted_at) from applications where status in ('submitted', 'under_review')",
    )
    .await;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    assert_eq!(dashboard["oldest_waiting_days"], (now - oldest) / 86_400);
    let duplicates = count(
        "select count(*) from applications where possible_duplicate = true \
         and status in ('submitted', 'under_review')",
    )
    .await;
    assert_eq!(dashboard["duplicates_to_resolve"], duplicates);
    let (_, flagged) = national
        .call(
            "admin/applications",
            json!({"filters": {"status": "open", "flagged": true}}),
        )
        .await;
    assert_eq!(flagged["total"], duplicates);
    let page = national.get("/admin").await;
    for card in ["to-review", "oldest", "duplicates", "waiting-list"] {
        assert!(
            page.body.contains(&format!(r#"data-card="{card}""#)),
            "{card}"
        );
    }
}

/// The counters of possible duplicates (migration 0007) follow a flag raised, a decision,
/// a move to another region and a deletion, as the rows they count do.
/// Rows of (region, status, count).
async fn counts(app: &TestApp, sql: &str) -> Vec<(String, String, i64)> {
    sqlx::query(sql)
        .fetch_all(app.db.pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

#[tokio::test]
async fn the_counters_per_region_follow_every_change() {
    let app = seeded(120).await;
    let agree = || async {
        let counted = counts(
            &app,
            "select region_code, status, count(*) from applications \
             where possible_duplicate = true group by region_code, status \
             order by region_code, status",
        )
        .await;
        let kept = counts(
            &app,
            "select region_code, status, n from flagged_counts where n <> 0 \
             order by region_code, status",
        )
        .await;
        assert_eq!(kept, counted);
        // The applications per region and status, which the public pages show.
        assert_eq!(
            counts(
                &app,
                "select region_code, status, n from region_counts where n <> 0 \
                 order by region_code, status"
            )
            .await,
            counts(
                &app,
                "select region_code, status, count(*) from applications \
                 group by region_code, status order by region_code, status"
            )
            .await
        );
        counted.iter().map(|c| c.2).sum::<i64>()
    };
    let before = agree().await;
    let run = |sql: &'static str| async {
        sqlx::query(sql).execute(app.db.pool()).await.unwrap();
    };
    run("update applications set possible_duplicate = true \
         where id in (select id from applications where possible_duplicate = false limit 3)")
    .await;
    assert_eq!(agree().await, before + 3);
    run("update applications set status = 'rejected' \
         where id = (select min(id) from applications where possible_duplicate = true)")
    .await;
    run("update applications set region_code = '12', province_id = \
             (select min(id) from provinces where region_code = '12') \
         where id = (select max(id) from applications where possible_duplicate = true)")
    .await;
    agree().await;
    run("delete from application_flags").await;
    run("delete from applications where id = \
         (select min(id) from applications where possible_duplicate = true)")
    .await;
    assert_eq!(agree().await, before + 2);
}

#[tokio::test]
async fn the_audit_log_and_the_staff_accounts_name_things_in_words() {
    let app = seeded(20).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let id: i64 = sqlx::query("select min(id) from applications")
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get(0);
    let reference: String = sqlx::query("select reference from applications where id = $1")
        .bind(id)
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get(0);
    national
        .call_form("admin/application", &[("id", &id.to_string())])
        .await;
    let (_, audit) = national
        .call(
            "admin/audit",
            json!({"filters": {"action": "view_application"}}),
        )
        .await;
    let row = &audit["rows"][0];
    assert_eq!(row["subject_name"], reference);
    assert_eq!(row["subject_link"], format!("/admin/applications/{id}"));
    let page = national.get("/admin/audit").await;
    assert!(page.body.contains("Dossier consulté"));
    assert!(page
        .body
        .contains(r#"<select id="audit-action" name="action">"#));
    let (_, staff) = national.call_form("admin/staff", &[]).await;
    let coordinator = staff
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["email"] == "coordination.06@demo.jisr.ma")
        .unwrap();
    assert_eq!(coordinator["region_fr"], "Casablanca-Settat");
}
