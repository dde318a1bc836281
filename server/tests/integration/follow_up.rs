//! The follow-up after acceptance through the real router, on both databases: who reads and
//! records whose follow-up (a coach her own cohorts only, a coordinator her region only),
//! attendance taken twice at once, the financing's invariants, the visits due and overdue
//! across a month's end, what the woman reads on the status page, and the attendance sheet
//! posted without JavaScript.

use crate::admin::{column, one, seeded, signed_in};
use crate::helpers::TestApp;
use crate::wizard::Phone;
use app::clock::{self, days};
use axum::http::{header, StatusCode};
use serde_json::{json, Value};
use sqlx::Row;

const COORDINATOR: &str = "coordination.06@demo.jisr.ma";
const COACH: &str = "coach.06@demo.jisr.ma";
const OTHER_COACH: &str = "coach.06.b@demo.jisr.ma";

fn today() -> i64 {
    clock::local_day(clock::now())
}

/// The id a save answered with; fails the test on a refusal.
fn saved(reply: &Value) -> i64 {
    reply["Saved"]
        .as_i64()
        .unwrap_or_else(|| panic!("not saved: {reply}"))
}

/// The refusals' message keys of a save.
fn refused(reply: &Value) -> Vec<String> {
    reply["Invalid"]
        .as_array()
        .unwrap_or_else(|| panic!("not refused: {reply}"))
        .iter()
        .map(|pair| pair[1].as_str().unwrap().to_owned())
        .collect()
}

/// Two cohorts of region 06, one per incubator and its coach, the first with two accepted
/// women enrolled and a session today, the second with one.
struct Cohorts {
    first: i64,
    second: i64,
    women: Vec<i64>,
    other_woman: i64,
    session: i64,
}

async fn two_cohorts(app: &TestApp) -> Cohorts {
    let mut coordinator = signed_in(app, COORDINATOR).await;
    let (response, page) = coordinator.call_form("admin/cohorts", &[]).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let incubators = page["incubators"].as_array().unwrap().clone();
    assert_eq!(incubators.len(), 2, "{page}");
    let cohort = |i: usize, name: &str| {
        let incubator = &incubators[i];
        json!({"form": {
            "site_id": incubator["id"].to_string(),
            "name": name,
            "starts_on": days::iso(today() - 30),
            "ends_on": days::iso(today() + 150),
            "capacity": "10",
            "coach_id": incubator["coaches"][0][0].to_string(),
            "visit_every_days": "14",
        }})
    };
    let first = cohort(0, "Tétouan A");
    let second = cohort(1, "Tétouan B");
    let (_, reply) = coordinator.call("admin/cohorts/create", first).await;
    let first = saved(&reply);
    let (_, reply) = coordinator.call("admin/cohorts/create", second).await;
    let second = saved(&reply);
    let (_, detail) = coordinator
        .call_form("admin/cohort", &[("id", &first.to_string())])
        .await;
    let candidates: Vec<i64> = detail["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["application_id"].as_i64().unwrap())
        .collect();
    assert!(
        candidates.len() >= 3,
        "accepted women of region 06: {detail}"
    );
    let (_, reply) = coordinator
        .call(
            "admin/cohorts/enrol",
            json!({"cohort_id": first, "application_ids": &candidates[..2]}),
        )
        .await;
    assert_eq!(reply["enrolled"].as_array().unwrap().len(), 2, "{reply}");
    let (_, reply) = coordinator
        .call(
            "admin/cohorts/enrol",
            json!({"cohort_id": second, "application_ids": [candidates[2]]}),
        )
        .await;
    assert_eq!(reply["enrolled"].as_array().unwrap().len(), 1, "{reply}");
    let (_, reply) = coordinator
        .call(
            "admin/sessions/schedule",
            json!({"form": {
                "cohort_id": first, "module": "accounting", "date": days::iso(today()),
                "time": "00:05", "duration_minutes": "120", "place": "Salle 2",
                "trainer": "Nadia Benali",
            }}),
        )
        .await;
    Cohorts {
        first,
        second,
        women: candidates[..2].to_vec(),
        other_woman: candidates[2],
        session: saved(&reply),
    }
}

#[tokio::test]
async fn enrolment_puts_an_accepted_woman_in_a_cohort_and_keeps_the_region_s_places() {
    let app = seeded(600).await;
    let places =
        "select count(*) from applications where region_code = '06' and status in ('accepted', 'enrolled')";
    let before = one(&app, places).await;
    let cohorts = two_cohorts(&app).await;
    assert_eq!(one(&app, places).await, before, "enrolment keeps her place");
    for woman in &cohorts.women {
        let status: String = sqlx::query("select status from applications where id = $1")
            .bind(woman)
            .fetch_one(app.db.pool())
            .await
            .unwrap()
            .get(0);
        assert_eq!(status, "enrolled");
        // Her project's milestones and her surveys are made with her enrolment.
        let milestones = one(
            &app,
            &format!("select count(*) from milestones where application_id = {woman}"),
        )
        .await;
        assert_eq!(milestones, 6);
        let surveys = one(
            &app,
            &format!("select count(*) from surveys where application_id = {woman}"),
        )
        .await;
        assert_eq!(surveys, 3);
    }
    // She cannot be enrolled twice, nor a woman not accepted, nor one of another region.
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let submitted = one(
        &app,
        "select min(id) from applications where region_code = '06' and status = 'submitted'",
    )
    .await;
    let elsewhere = one(
        &app,
        "select min(id) from applications where region_code = '07' and status = 'accepted'",
    )
    .await;
    let (_, reply) = coordinator
        .call(
            "admin/cohorts/enrol",
            json!({"cohort_id": cohorts.second, "application_ids": [cohorts.women[0], submitted, elsewhere]}),
        )
        .await;
    assert_eq!(reply["enrolled"], json!([]), "{reply}");
    assert_eq!(reply["refused"].as_array().unwrap().len(), 3);
    // The review page no longer enrols: she is put in a cohort from its page.
    let woman = one(
        &app,
        "select min(id) from applications where region_code = '06' and status = 'accepted'",
    )
    .await;
    let version = one(
        &app,
        &format!("select version from applications where id = {woman}"),
    )
    .await;
    let (_, reply) = coordinator
        .call(
            "admin/act",
            json!({"id": woman, "version": version, "action": "Enrol"}),
        )
        .await;
    assert_eq!(reply, json!({"Refused": "EnrolInCohort"}));
    // A move to the other cohort closes one enrolment and opens another: her history stays.
    let (_, reply) = coordinator
        .call_form(
            "admin/cohorts/move",
            &[
                ("application_id", &cohorts.women[0].to_string()),
                ("cohort_id", &cohorts.second.to_string()),
            ],
        )
        .await;
    assert_eq!(saved(&reply), cohorts.second);
    let history: Vec<(i64, Option<String>)> = sqlx::query(
        "select cohort_id, left_reason from enrolments where application_id = $1 order by id",
    )
    .bind(cohorts.women[0])
    .fetch_all(app.db.pool())
    .await
    .unwrap()
    .iter()
    .map(|row| (row.get(0), row.get(1)))
    .collect();
    assert_eq!(
        history,
        [
            (cohorts.first, Some("moved".to_owned())),
            (cohorts.second, None)
        ]
    );
    // Withdrawn, she leaves her cohort.
    let version = one(
        &app,
        &format!(
            "select version from applications where id = {}",
            cohorts.other_woman
        ),
    )
    .await;
    let (_, reply) = coordinator
        .call(
            "admin/act",
            json!({"id": cohorts.other_woman, "version": version, "action": "Withdraw"}),
        )
        .await;
    assert_eq!(reply, json!("Done"));
    let open = one(
        &app,
        &format!(
            "select count(*) from enrolments where application_id = {} and left_day is null",
            cohorts.other_woman
        ),
    )
    .await;
    assert_eq!(open, 0);
}

#[tokio::test]
async fn every_role_reads_and_records_only_the_follow_up_it_may() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let woman = cohorts.women[0].to_string();
    let first = cohorts.first.to_string();
    let session = cohorts.session.to_string();
    // A reviewer's note on her application: review internals no coach may read.
    let mut reviewer = signed_in(&app, "revue.06@demo.jisr.ma").await;
    let (response, _) = reviewer
        .call_form(
            "admin/note",
            &[("id", &woman), ("body", "Note interne de la revue")],
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let visit = |date: String| {
        json!({"form": {"application_id": cohorts.women[0], "date": date, "kind": "individual",
            "notes": "", "next_steps": ""}})
    };
    for email in [
        "national@demo.jisr.ma",
        COORDINATOR,
        "coordination.07@demo.jisr.ma",
        COACH,
        OTHER_COACH,
        "revue.06@demo.jisr.ma",
        "agent.06@demo.jisr.ma",
        "partenaire@demo.jisr.ma",
    ] {
        let mut browser = signed_in(&app, email).await;
        // (may read, may record) her follow-up; reads some follow-up at all; runs it.
        let (reads_her, follows, runs) = match email {
            "national@demo.jisr.ma" | COORDINATOR => (true, true, true),
            COACH => (true, true, false),
            "coordination.07@demo.jisr.ma" => (false, true, true),
            OTHER_COACH => (false, true, false),
            _ => (false, false, false),
        };
        let expect = |status: StatusCode, visible: bool| {
            if !follows {
                assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
            } else if visible {
                assert_eq!(status, StatusCode::OK, "{email}");
            } else {
                assert_eq!(status, StatusCode::NOT_FOUND, "{email}");
            }
        };
        let (response, list) = browser.call_form("admin/cohorts", &[]).await;
        if follows {
            assert_eq!(response.status, StatusCode::OK, "{email}");
            let ids: Vec<i64> = list["cohorts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_i64().unwrap())
                .collect();
            assert_eq!(ids.contains(&cohorts.first), reads_her, "{email}: {ids:?}");
            if email == OTHER_COACH {
                assert_eq!(ids, [cohorts.second], "{email}");
            }
        } else {
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
        }
        let (response, _) = browser.call_form("admin/cohort", &[("id", &first)]).await;
        expect(response.status, reads_her);
        let (response, her) = browser
            .call_form("admin/beneficiary", &[("id", &woman)])
            .await;
        expect(response.status, reads_her);
        if reads_her {
            assert!(!response.body.contains("Note interne"), "{email}: {her}");
            assert!(her["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["kind"] != "admin-event-recommend"));
        }
        let (response, _) = browser
            .call_form("admin/sheet", &[("session_id", &session)])
            .await;
        expect(response.status, reads_her);
        let (response, _) = browser
            .call(
                "admin/sheet/save",
                json!({"session_id": cohorts.session, "pairs": [
                    [format!("version-{woman}"), "0"], [format!("mark-{woman}"), "present"],
                    [format!("reason-{woman}"), ""],
                ]}),
            )
            .await;
        expect(response.status, reads_her);
        let (response, _) = browser
            .call("admin/visits/record", visit(days::iso(today())))
            .await;
        expect(response.status, reads_her);
        let (response, _) = browser
            .call_form("admin/financing", &[("application_id", &woman)])
            .await;
        expect(response.status, reads_her);
        let line = json!({"form": {"application_id": cohorts.women[0], "kind": "grant",
            "funder": "indh", "funder_detail": "", "amount": "20000"}});
        let (response, _) = browser.call("admin/financing/line", line).await;
        match (runs, reads_her) {
            (true, true) => assert_eq!(response.status, StatusCode::OK, "{email}"),
            (true, false) => assert_eq!(response.status, StatusCode::NOT_FOUND, "{email}"),
            _ => assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}"),
        }
        let (response, _) = browser
            .call(
                "admin/cohorts/enrol",
                json!({"cohort_id": cohorts.first, "application_ids": [cohorts.other_woman]}),
            )
            .await;
        match (runs, reads_her) {
            (true, true) => assert_eq!(response.status, StatusCode::OK, "{email}"),
            (true, false) => assert_eq!(response.status, StatusCode::NOT_FOUND, "{email}"),
            _ => assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}"),
        }
        let (response, sites) = browser.call_form("admin/sites", &[]).await;
        if runs {
            assert_eq!(response.status, StatusCode::OK, "{email}");
            let regions: Vec<&str> = sites["sites"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["region_code"].as_str().unwrap())
                .collect();
            assert!(!regions.is_empty());
            if email != "national@demo.jisr.ma" {
                let own = &email["coordination.".len().."coordination.".len() + 2];
                assert!(regions.iter().all(|r| r == &own), "{email}: {regions:?}");
            }
        } else {
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
        }
        let (response, list) = browser.call_form("admin/work-list", &[]).await;
        if follows {
            assert_eq!(response.status, StatusCode::OK, "{email}");
            let listed = list
                .to_string()
                .contains(&format!("\"application_id\":{woman}"));
            // Her visit was recorded today: she is due again in two weeks, not listed.
            assert!(!listed || reads_her, "{email}: {list}");
        } else {
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
        }
        // A coach reads no application and no list of them.
        if email == COACH {
            let (response, _) = browser
                .call_form("admin/application", &[("id", &woman)])
                .await;
            assert_eq!(response.status, StatusCode::NOT_FOUND);
            let (response, _) = browser
                .call("admin/applications", json!({"filters": {}}))
                .await;
            assert_eq!(response.status, StatusCode::FORBIDDEN);
            assert_eq!(
                browser.get("/admin/export.csv").await.status,
                StatusCode::FORBIDDEN
            );
        }
    }
    // Only her coach's and the two who run region 06's follow-up's writes reached her.
    let recorders: Vec<String> = sqlx::query(
        "select distinct s.email from coaching_visits v join staff s on s.id = v.recorded_by \
         where v.application_id = $1 order by s.email",
    )
    .bind(cohorts.women[0])
    .fetch_all(app.db.pool())
    .await
    .unwrap()
    .iter()
    .map(|row| row.get(0))
    .collect();
    assert_eq!(recorders, [COACH, COORDINATOR, "national@demo.jisr.ma"]);
    assert_eq!(
        one(
            &app,
            &format!("select count(*) from financing_lines where application_id = {woman}")
        )
        .await,
        2
    );
    // Every change was recorded in the audit log, with its author.
    assert!(one(&app, "select count(*) from audit_log where action in ('enrolment', 'cohort_saved', 'session_scheduled', 'attendance_recorded', 'visit_recorded', 'financing_approved')").await >= 9);
}

#[tokio::test]
async fn attendance_sent_twice_at_once_writes_each_mark_once_and_never_over_someone_else_s() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coach = signed_in(&app, COACH).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let (_, sheet) = coach
        .call_form(
            "admin/sheet",
            &[("session_id", &cohorts.session.to_string())],
        )
        .await;
    let rows = sheet["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{sheet}");
    let pairs = |mark: &str, reason: &str, versions: [i64; 2]| {
        let mut pairs = Vec::new();
        for (woman, version) in cohorts.women.iter().zip(versions) {
            pairs.push(json!([format!("version-{woman}"), version.to_string()]));
            pairs.push(json!([format!("mark-{woman}"), mark]));
            pairs.push(json!([format!("reason-{woman}"), reason]));
        }
        json!({"session_id": cohorts.session, "pairs": pairs})
    };
    // Both read the empty sheet and send it at the same moment, each with her own marks.
    let (a, b) = tokio::join!(
        coach.call("admin/sheet/save", pairs("present", "", [0, 0])),
        coordinator.call("admin/sheet/save", pairs("absent", "", [0, 0])),
    );
    let (a, b) = (a.1, b.1);
    let saved = a["saved"].as_i64().unwrap() + b["saved"].as_i64().unwrap();
    let conflicts =
        a["conflicts"].as_array().unwrap().len() + b["conflicts"].as_array().unwrap().len();
    assert_eq!((saved, conflicts), (2, 2), "{a} {b}");
    assert_eq!(
        one(
            &app,
            &format!(
                "select count(*) from attendance where session_id = {}",
                cohorts.session
            )
        )
        .await,
        2
    );
    // Sent again from the sheet as it was read (version 0), the marks now there stay.
    let marks_now: Vec<String> =
        sqlx::query("select mark from attendance where session_id = $1 order by application_id")
            .bind(cohorts.session)
            .fetch_all(app.db.pool())
            .await
            .unwrap()
            .iter()
            .map(|row| row.get(0))
            .collect();
    let (_, stale) = coach
        .call("admin/sheet/save", pairs("excused", "malade", [0, 0]))
        .await;
    assert_eq!(stale["saved"], 0, "{stale}");
    assert_eq!(stale["conflicts"].as_array().unwrap().len(), 2);
    assert!(stale["conflicts"][0]["by"]
        .as_str()
        .is_some_and(|by| !by.is_empty()));
    let marks_after: Vec<String> =
        sqlx::query("select mark from attendance where session_id = $1 order by application_id")
            .bind(cohorts.session)
            .fetch_all(app.db.pool())
            .await
            .unwrap()
            .iter()
            .map(|row| row.get(0))
            .collect();
    assert_eq!(marks_after, marks_now);
    // From the versions now read, the change is written.
    let (_, sheet) = coach
        .call_form(
            "admin/sheet",
            &[("session_id", &cohorts.session.to_string())],
        )
        .await;
    let version = |woman: i64| {
        sheet["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["application_id"] == woman)
            .unwrap()["version"]
            .as_i64()
            .unwrap()
    };
    let versions = [version(cohorts.women[0]), version(cohorts.women[1])];
    // An excused absence without its reason: nothing of the sheet is written.
    let (_, refused_sheet) = coach
        .call("admin/sheet/save", pairs("excused", "", versions))
        .await;
    assert_eq!(
        refused_sheet["invalid"].as_array().unwrap().len(),
        2,
        "{refused_sheet}"
    );
    assert_eq!(refused_sheet["saved"], 0);
    let (_, done) = coach
        .call("admin/sheet/save", pairs("excused", "malade", versions))
        .await;
    assert_eq!(done["saved"], 2, "{done}");
    // The dashboard's counters follow: two marks, both excused.
    let counted = one(&app, "select cast(coalesce(sum(n), 0) as bigint) from attendance_counts where region_code = '06'").await;
    let excused = one(&app, "select cast(coalesce(sum(n), 0) as bigint) from attendance_counts where region_code = '06' and mark = 'excused'").await;
    let seeded_marks = one(&app, "select count(*) from attendance m join applications a on a.id = m.application_id where a.region_code = '06'").await;
    assert_eq!(counted, seeded_marks);
    assert!(excused >= 2);
    // A woman not on the sheet is refused, and nothing of it written.
    let (_, outsider) = coach
        .call(
            "admin/sheet/save",
            json!({"session_id": cohorts.session, "pairs": [
                [format!("version-{}", cohorts.other_woman), "0"],
                [format!("mark-{}", cohorts.other_woman), "present"],
            ]}),
        )
        .await;
    assert_eq!(
        outsider["invalid"][0][1], "admin-refused-not-on-sheet",
        "{outsider}"
    );
}

#[tokio::test]
async fn money_is_never_planned_or_paid_beyond_what_was_approved_nor_paid_before_approval() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (_, reply) = coordinator
        .call(
            "admin/financing/line",
            json!({"form": {"application_id": cohorts.women[0], "kind": "interest_free_loan",
                "funder": "regional_council", "funder_detail": "", "amount": "10 000"}}),
        )
        .await;
    let line = saved(&reply);
    let tranche = |amount: &str| json!({"form": {"line_id": line, "amount": amount, "planned_on": days::iso(today())}});
    let (_, reply) = coordinator
        .call("admin/financing/tranche", tranche("6000"))
        .await;
    let first = saved(&reply);
    let (_, reply) = coordinator
        .call("admin/financing/tranche", tranche("4000,01"))
        .await;
    assert_eq!(refused(&reply), ["admin-error-tranche-over-line"]);
    let (_, reply) = coordinator
        .call("admin/financing/tranche", tranche("4000"))
        .await;
    let second = saved(&reply);
    let (_, reply) = coordinator
        .call("admin/financing/tranche", tranche("abc"))
        .await;
    assert_eq!(refused(&reply), ["admin-error-amount"]);
    let step = |tranche: i64, version: i64, step: &str| {
        json!({"form": {"tranche_id": tranche, "version": version, "step": step,
            "paid_on": days::iso(today()), "payment_reference": "VIR-2026-0042"}})
    };
    // Not paid before it is approved.
    let (_, reply) = coordinator
        .call("admin/financing/step", step(first, 1, "pay"))
        .await;
    assert_eq!(refused(&reply), ["admin-refused-tranche-state"]);
    let (_, reply) = coordinator
        .call("admin/financing/step", step(first, 1, "approve"))
        .await;
    saved(&reply);
    // A payment needs its day (not ahead) and its reference.
    let (_, reply) = coordinator
        .call(
            "admin/financing/step",
            json!({"form": {"tranche_id": first, "version": 2, "step": "pay",
                "paid_on": days::iso(today() + 1), "payment_reference": ""}}),
        )
        .await;
    assert_eq!(
        refused(&reply),
        ["admin-error-date-future", "admin-error-payment-reference"]
    );
    // Two payments of one tranche at once: exactly one is written.
    let (a, b) = tokio::join!(
        coordinator.call("admin/financing/step", step(first, 2, "pay")),
        national.call("admin/financing/step", step(first, 2, "pay")),
    );
    let outcomes = [a.1, b.1];
    assert_eq!(
        outcomes.iter().filter(|r| r.get("Saved").is_some()).count(),
        1,
        "{outcomes:?}"
    );
    let paid = one(
        &app,
        &format!("select count(*) from tranches where id = {first} and state = 'paid'"),
    )
    .await;
    assert_eq!(paid, 1);
    // Reconciled after it was paid, never before.
    let (_, reply) = coordinator
        .call("admin/financing/step", step(second, 1, "reconcile"))
        .await;
    assert_eq!(refused(&reply), ["admin-refused-tranche-state"]);
    let (_, reply) = coordinator
        .call("admin/financing/step", step(first, 3, "reconcile"))
        .await;
    saved(&reply);
    // What the line holds, and what the dashboard counts.
    let (_, financing) = coordinator
        .call_form(
            "admin/financing",
            &[("application_id", &cohorts.women[0].to_string())],
        )
        .await;
    let states: Vec<&str> = financing["lines"][0]["tranches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["Reconciled", "Planned"]);
    // Her timeline tells the money's steps in their order, the payment with its reference.
    let (_, her) = coordinator
        .call_form(
            "admin/beneficiary",
            &[("id", &cohorts.women[0].to_string())],
        )
        .await;
    let steps: Vec<(&str, &str)> = her["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| {
            let kind = i["kind"].as_str().unwrap();
            kind.starts_with("admin-tranche-") || kind == "admin-timeline-financing-approved"
        })
        .map(|i| (i["kind"].as_str().unwrap(), i["detail"].as_str().unwrap()))
        .collect();
    let kinds: Vec<&str> = steps.iter().map(|s| s.0).collect();
    assert_eq!(
        kinds,
        [
            "admin-timeline-financing-approved",
            "admin-tranche-approved",
            "admin-tranche-paid",
            "admin-tranche-reconciled"
        ],
        "{steps:?}"
    );
    assert!(steps[2].1.contains("VIR-2026-0042"), "{steps:?}");
    // Each step is in the audit log, by whom it was taken.
    let audited = one(
        &app,
        &format!(
            "select count(*) from audit_log where detail like 'tranche:{first} %' \
             and actor_email = '{COORDINATOR}' \
             and action in ('tranche_planned', 'tranche_approved', 'tranche_reconciled')"
        ),
    )
    .await;
    assert_eq!(audited, 3);
    assert_eq!(
        one(
            &app,
            &format!(
                "select count(*) from audit_log where detail like 'tranche:{first} %' \
                 and action = 'tranche_paid'"
            )
        )
        .await,
        1
    );
    let paid_total = one(&app, "select cast(coalesce(sum(paid_centimes), 0) as bigint) from financing_totals where region_code = '06' and funder = 'regional_council'").await;
    let paid_rows = one(&app, "select cast(coalesce(sum(t.amount_centimes), 0) as bigint) from tranches t join financing_lines l on l.id = t.line_id where l.region_code = '06' and l.funder = 'regional_council' and t.state in ('paid', 'reconciled')").await;
    assert_eq!(paid_total, paid_rows);
    // The database itself refuses a paid tranche without its reference.
    let _turn = app.db.writing().await;
    let refused_by_database = sqlx::query("update tranches set state = 'paid' where id = $1")
        .bind(second)
        .execute(app.db.pool())
        .await;
    assert!(refused_by_database.is_err());
}

#[tokio::test]
async fn the_next_visit_falls_due_across_a_month_s_end_and_lists_tell_due_from_overdue() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coach = signed_in(&app, COACH).await;
    // A visit on the last day of last month (within her first month): due two weeks later,
    // in this month.
    let this_month = days::date(today()).replace_day(1).unwrap();
    let month_before_end = this_month - time::Duration::days(1);
    let visit_day = days::of_date(month_before_end);
    let (_, reply) = coach
        .call(
            "admin/visits/record",
            json!({"form": {"application_id": cohorts.women[0], "date": days::iso(visit_day),
                "kind": "on_site", "notes": "Atelier visité", "next_steps": "Compte bancaire"}}),
        )
        .await;
    saved(&reply);
    let due = one(
        &app,
        &format!(
            "select next_visit_day from enrolments where application_id = {} and left_day is null",
            cohorts.women[0]
        ),
    )
    .await;
    assert_eq!(days::date(due), month_before_end + time::Duration::days(14));
    assert_ne!(days::date(due).month(), month_before_end.month());
    // Due yesterday, today, on Sunday and the day after: overdue, this week, this week, later.
    let week_end = days::week_end(today());
    let (_, sheet) = coach
        .call_form("admin/cohort", &[("id", &cohorts.first.to_string())])
        .await;
    assert_eq!(sheet["members"].as_array().unwrap().len(), 2);
    let set_due = |woman: i64, day: i64| {
        let db = app.db.clone();
        async move {
            let _turn = db.writing().await;
            sqlx::query("update enrolments set next_visit_day = $2 where application_id = $1 and left_day is null")
                .bind(woman)
                .bind(day)
                .execute(db.pool())
                .await
                .unwrap();
        }
    };
    let list_of = |list: &Value, part: &str| -> Vec<i64> {
        list[part]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["application_id"].as_i64().unwrap())
            .collect()
    };
    for (day, overdue, this_week) in [
        (today() - 1, true, false),
        (today(), false, true),
        (week_end, false, true),
        (week_end + 1, false, false),
    ] {
        set_due(cohorts.women[0], day).await;
        set_due(cohorts.women[1], week_end + 30).await;
        let (_, list) = coach.call_form("admin/work-list", &[]).await;
        assert_eq!(
            list_of(&list, "overdue").contains(&cohorts.women[0]),
            overdue,
            "{day}: {list}"
        );
        assert_eq!(
            list_of(&list, "this_week").contains(&cohorts.women[0]),
            this_week,
            "{day}: {list}"
        );
        assert!(!list_of(&list, "overdue").contains(&cohorts.women[1]));
        if overdue {
            let late = list["overdue"]
                .as_array()
                .unwrap()
                .iter()
                .find(|v| v["application_id"] == cohorts.women[0])
                .unwrap();
            assert_eq!(late["days_late"], 1);
            assert_eq!(late["due"], days::shown(day));
        }
        // Her coordinator's list is the same for her; another coach's never holds her.
        let mut coordinator = signed_in(&app, COORDINATOR).await;
        let (_, theirs) = coordinator.call_form("admin/work-list", &[]).await;
        assert_eq!(
            list_of(&theirs, "overdue").contains(&cohorts.women[0]),
            overdue
        );
        let mut other = signed_in(&app, OTHER_COACH).await;
        let (_, others) = other.call_form("admin/work-list", &[]).await;
        assert!(!others
            .to_string()
            .contains(&format!("\"application_id\":{}", cohorts.women[0])));
    }
    // The baseline survey is due from her enrolment on, and answered once.
    let (_, list) = coach.call_form("admin/work-list", &[]).await;
    assert!(list["surveys"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["application_id"] == cohorts.women[0] && s["wave"] == "Baseline"));
    let survey = json!({"form": {"application_id": cohorts.women[0], "wave": "baseline", "operating": "yes",
        "revenue_band": "up_to_1000", "jobs_women": "1", "jobs_men": "0", "formalised": "no",
        "income_band": "none"}});
    let (_, reply) = coach.call("admin/surveys/record", survey).await;
    saved(&reply);
    let month_12 = json!({"form": {"application_id": cohorts.women[0], "wave": "month_12", "operating": "yes",
        "revenue_band": "up_to_1000", "jobs_women": "1", "jobs_men": "0", "formalised": "no",
        "income_band": "none"}});
    let (_, reply) = coach.call("admin/surveys/record", month_12).await;
    assert_eq!(refused(&reply), ["admin-error-survey-not-due"]);
    // A milestone is confirmed once, with who and when.
    let milestone = |form: &str| {
        json!({"form": {"application_id": cohorts.women[0], "milestone": "legal_form_created",
        "reached_on": days::iso(today()), "legal_form": form, "document": "Attestation"}})
    };
    let (_, reply) = coach.call("admin/milestones/confirm", milestone("")).await;
    assert_eq!(refused(&reply), ["admin-error-legal-form"]);
    let (_, reply) = coach
        .call("admin/milestones/confirm", milestone("cooperative"))
        .await;
    saved(&reply);
    let (_, reply) = coach
        .call("admin/milestones/confirm", milestone("cooperative"))
        .await;
    assert_eq!(refused(&reply), ["admin-refused-milestone-reached"]);
    let (_, her) = coach
        .call_form(
            "admin/beneficiary",
            &[("id", &cohorts.women[0].to_string())],
        )
        .await;
    let kinds: Vec<&str> = her["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "admin-event-submitted",
        "admin-timeline-enrolled",
        "admin-timeline-visit",
        "admin-timeline-milestone",
        "admin-timeline-survey",
    ] {
        assert!(kinds.contains(&kind), "{kind}: {kinds:?}");
    }
    let confirmed = her["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["milestone"] == "LegalFormCreated")
        .unwrap()
        .clone();
    assert_eq!(confirmed["by"], "Salma Coach 06");
    assert_eq!(confirmed["legal_form"], "Cooperative");
}

#[tokio::test]
async fn an_enrolled_woman_reads_her_next_session_and_her_coach_s_first_name_on_the_status_page() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let (_, reply) = coordinator
        .call(
            "admin/sessions/schedule",
            json!({"form": {"cohort_id": cohorts.first, "module": "marketing",
                "date": days::iso(today() + 3), "time": "10:00", "duration_minutes": "180",
                "place": "Maison de la femme, Martil", "trainer": "Nadia Benali"}}),
        )
        .await;
    saved(&reply);
    let row = sqlx::query("select reference, cin from applications where id = $1")
        .bind(cohorts.women[0])
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    let (reference, cin): (String, String) = (row.get(0), row.get(1));
    let mut phone = Phone::new(&app);
    let (_, reply) = phone
        .call_form("status", &[("reference", &reference), ("identity", &cin)])
        .await;
    let found = &reply["Found"];
    assert_eq!(found["status"], "enrolled", "{reply}");
    // Today's session is her next one until today ends.
    let (at, place) = (&found["next_session"][0], &found["next_session"][1]);
    assert!(at["unix"].as_i64().unwrap() <= clock::now() + 3 * 86_400);
    assert_eq!(place, "Salle 2");
    assert_eq!(found["coach"], "Salma");
    // Nothing else of her follow-up: no visit, no money, no attendance.
    for word in ["visit", "financing", "attendance", "present", "Nadia"] {
        assert!(!reply.to_string().contains(word), "{word}: {reply}");
    }
    // Without JavaScript, the page says the same.
    let page = phone
        .post("/status", &[("reference", &reference), ("identity", &cin)])
        .await;
    assert!(
        page.body.contains("id=\"status-next-session\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("Salle 2"));
    assert!(page.body.contains("Salma"));
    // A woman not enrolled reads her status and nothing more.
    let row = sqlx::query("select reference, cin from applications where region_code = '06' and status = 'submitted' limit 1")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    let (reference, cin): (String, String) = (row.get(0), row.get(1));
    let (_, reply) = phone
        .call_form("status", &[("reference", &reference), ("identity", &cin)])
        .await;
    assert_eq!(reply["Found"]["next_session"], Value::Null);
    assert_eq!(reply["Found"]["coach"], Value::Null);
}

#[tokio::test]
async fn an_attendance_sheet_posted_without_javascript_is_written_or_shown_again_as_typed() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coach = signed_in(&app, COACH).await;
    let path = format!("/admin/sessions/{}", cohorts.session);
    let page = coach.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&format!("action=\"{path}\"")),
        "a plain form posted to its own page"
    );
    let (a, b) = (cohorts.women[0].to_string(), cohorts.women[1].to_string());
    // An excused absence without its reason: the page again, her choices kept, nothing written.
    let form = [
        (format!("version-{a}"), "0"),
        (format!("mark-{a}"), "present"),
        (format!("reason-{a}"), ""),
        (format!("version-{b}"), "0"),
        (format!("mark-{b}"), "excused"),
        (format!("reason-{b}"), ""),
    ];
    let pairs: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let refused_page = coach.post(&path, &pairs).await;
    assert_eq!(refused_page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused_page.body.contains("admin-error-excused-reason")
            || refused_page.body.contains("Une absence excusée a un motif"),
        "{}",
        refused_page.body
    );
    let checked = |body: &str, id: &str| {
        body.split(&format!("id=\"{id}\""))
            .nth(1)
            .is_some_and(|rest| {
                rest.split('>')
                    .next()
                    .unwrap_or_default()
                    .contains("checked")
            })
    };
    assert!(
        checked(&refused_page.body, &format!("mark-{b}-excused")),
        "her choice is kept"
    );
    assert!(checked(&refused_page.body, &format!("mark-{a}-present")));
    assert_eq!(
        one(
            &app,
            &format!(
                "select count(*) from attendance where session_id = {}",
                cohorts.session
            )
        )
        .await,
        0
    );
    // With the reason: written, and a redirect to the page, which says how many.
    let mut form = form.to_vec();
    form[5].1 = "Enfant malade";
    let pairs: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let done = coach.post(&path, &pairs).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.header(header::LOCATION), format!("{path}?saved=2"));
    let shown = coach.get(done.header(header::LOCATION)).await;
    assert!(
        shown.body.contains("2 marques enregistrées"),
        "{}",
        shown.body
    );
    assert!(checked(&shown.body, &format!("mark-{b}-excused")));
    // The same form sent again (a second tap, the old versions): nothing written over.
    let again = coach.post(&path, &pairs).await;
    assert_eq!(
        again.status,
        StatusCode::SEE_OTHER,
        "the same marks: nothing to write or refuse"
    );
    assert_eq!(again.header(header::LOCATION), format!("{path}?saved=0"));
    let mut changed = form.to_vec();
    changed[1].1 = "absent";
    let pairs: Vec<(&str, &str)> = changed.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let conflict = coach.post(&path, &pairs).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    let mark: String =
        sqlx::query("select mark from attendance where session_id = $1 and application_id = $2")
            .bind(cohorts.session)
            .bind(cohorts.women[0])
            .fetch_one(app.db.pool())
            .await
            .unwrap()
            .get(0);
    assert_eq!(mark, "present");
    // Signed out, the form leads to the sign-in page; another coach's session is not found.
    let mut stranger = Phone::new(&app);
    let response = stranger.post(&path, &pairs).await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.header(header::LOCATION), "/admin/sign-in");
    let mut other = signed_in(&app, OTHER_COACH).await;
    assert_eq!(
        other.post(&path, &pairs).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_coach_is_created_attached_to_an_incubator_of_her_region() {
    let app = seeded(100).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let (_, sites) = coordinator.call_form("admin/sites", &[]).await;
    let site_of = |kind: &str| {
        sites["sites"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["kind"] == kind)
            .unwrap()["id"]
            .to_string()
    };
    let (incubator, centre) = (site_of("Incubator"), site_of("Centre"));
    let create = |site: &str, email: &str| {
        vec![
            ("email".to_owned(), email.to_owned()),
            ("name".to_owned(), "Houda Coach".to_owned()),
            ("role".to_owned(), "incubator_coach".to_owned()),
            ("region".to_owned(), "06".to_owned()),
            ("site".to_owned(), site.to_owned()),
        ]
    };
    for (site, key) in [
        ("", "admin-error-coach-site"),
        (centre.as_str(), "admin-error-coach-site"),
    ] {
        let form = create(site, "houda@example.org");
        let pairs: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (_, reply) = coordinator.call_form("admin/staff/create", &pairs).await;
        assert_eq!(reply["Invalid"][0], json!(["site", key]), "{reply}");
    }
    let other_region_site = one(
        &app,
        "select min(id) from sites where region_code = '07' and kind = 'incubator'",
    )
    .await
    .to_string();
    let form = create(&other_region_site, "houda@example.org");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let (_, reply) = coordinator.call_form("admin/staff/create", &pairs).await;
    assert!(reply.get("Invalid").is_some(), "{reply}");
    let form = create(&incubator, "houda@example.org");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let (_, reply) = coordinator.call_form("admin/staff/create", &pairs).await;
    assert!(reply.get("Created").is_some(), "{reply}");
    let site = one(
        &app,
        "select site_id from staff where email = 'houda@example.org'",
    )
    .await;
    assert_eq!(site.to_string(), incubator);
    // The database refuses a coach without an incubator.
    let _turn = app.db.writing().await;
    let refused = sqlx::query("update staff set site_id = null where email = 'houda@example.org'")
        .execute(app.db.pool())
        .await;
    assert!(refused.is_err());
}

#[tokio::test]
async fn a_cohort_is_changed_at_the_version_read_and_a_new_rhythm_moves_each_next_visit() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let (_, detail) = coordinator
        .call_form("admin/cohort", &[("id", &cohorts.first.to_string())])
        .await;
    let edit = &detail["edit"];
    let version = edit["version"].as_i64().unwrap();
    let mut form = edit["form"].clone();
    form["visit_every_days"] = json!("30");
    form["name"] = json!("Tétouan A, changée");
    let (_, reply) = coordinator
        .call(
            "admin/cohorts/update",
            json!({"id": cohorts.first, "version": version, "form": form}),
        )
        .await;
    assert_eq!(saved(&reply), cohorts.first);
    // No visit yet: her next one is her enrolment plus the new rhythm.
    let due = one(
        &app,
        &format!(
            "select next_visit_day from enrolments where application_id = {} and left_day is null",
            cohorts.women[0]
        ),
    )
    .await;
    let enrolled = one(
        &app,
        &format!(
            "select enrolled_day from enrolments where application_id = {} and left_day is null",
            cohorts.women[0]
        ),
    )
    .await;
    assert_eq!(due, enrolled + 30);
    // The same page sent again, from the version it read: refused, nothing changed.
    let (_, reply) = coordinator
        .call(
            "admin/cohorts/update",
            json!({"id": cohorts.first, "version": version, "form": form}),
        )
        .await;
    assert_eq!(refused(&reply), ["admin-refused-changed"]);
    // Never below the women in it.
    form["capacity"] = json!("1");
    let (_, reply) = coordinator
        .call(
            "admin/cohorts/update",
            json!({"id": cohorts.first, "version": version + 1, "form": form}),
        )
        .await;
    assert_eq!(refused(&reply), ["admin-error-capacity-below-members"]);
    // Another region's coordinator finds no such cohort; its coach may not change it.
    let mut other = signed_in(&app, "coordination.07@demo.jisr.ma").await;
    let (response, _) = other
        .call(
            "admin/cohorts/update",
            json!({"id": cohorts.first, "version": version + 1, "form": form}),
        )
        .await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    let mut coach = signed_in(&app, COACH).await;
    let (response, _) = coach
        .call(
            "admin/cohorts/update",
            json!({"id": cohorts.first, "version": version + 1, "form": form}),
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    let (_, detail) = coach
        .call_form("admin/cohort", &[("id", &cohorts.first.to_string())])
        .await;
    assert_eq!(detail["edit"], Value::Null, "a coach is offered no change");
    assert_eq!(detail["cohort"]["name"], "Tétouan A, changée");
}

#[tokio::test]
async fn two_sheets_of_one_region_saved_at_once_with_opposite_marks_are_both_written() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let mut coach = signed_in(&app, COACH).await;
    let sheet = |session: i64, marks: [&str; 2]| {
        let mut pairs = Vec::new();
        for (woman, mark) in cohorts.women.iter().zip(marks) {
            pairs.push(json!([format!("version-{woman}"), "0"]));
            pairs.push(json!([format!("mark-{woman}"), mark]));
            pairs.push(json!([format!("reason-{woman}"), ""]));
        }
        json!({"session_id": session, "pairs": pairs})
    };
    let mut sessions = Vec::new();
    // Each mark counts in the region's counters: two sheets taking them in opposite orders
    // must not deadlock one of them out (PostgreSQL). Ten pairs of sessions, each pair saved
    // at once.
    for round in 0..10 {
        let mut pair = Vec::new();
        for minute in [round * 2, round * 2 + 1] {
            let (_, reply) = coordinator
                .call(
                    "admin/sessions/schedule",
                    json!({"form": {
                        "cohort_id": cohorts.first, "module": "marketing",
                        "date": days::iso(today()), "time": format!("00:{:02}", 10 + minute),
                        "duration_minutes": "120", "place": "Salle 3", "trainer": "Nadia Benali",
                    }}),
                )
                .await;
            pair.push(saved(&reply));
        }
        let (a, b) = tokio::join!(
            coach.call("admin/sheet/save", sheet(pair[0], ["present", "absent"])),
            coordinator.call("admin/sheet/save", sheet(pair[1], ["absent", "present"])),
        );
        assert_eq!(a.0.status, StatusCode::OK, "round {round}: {}", a.0.body);
        assert_eq!(b.0.status, StatusCode::OK, "round {round}: {}", b.0.body);
        assert_eq!(
            (a.1["saved"].as_i64(), b.1["saved"].as_i64()),
            (Some(2), Some(2))
        );
        sessions.extend(pair);
    }
    let listed: Vec<String> = sessions.iter().map(i64::to_string).collect();
    let marks = one(
        &app,
        &format!(
            "select count(*) from attendance where session_id in ({})",
            listed.join(", ")
        ),
    )
    .await;
    assert_eq!(marks, 40);
    let counted = one(&app, "select cast(coalesce(sum(n), 0) as bigint) from attendance_counts where region_code = '06'").await;
    let rows = one(&app, "select count(*) from attendance m join applications a on a.id = m.application_id where a.region_code = '06'").await;
    assert_eq!(counted, rows);
}

/// Every follow-up write the console offers, tried by each role against region 06's first
/// cohort and its women, those who may not first: the audit log names, for each write, exactly
/// those who may make it (a coordinator runs her region, a coach records for her own cohort),
/// and no one else's attempt was saved.
#[tokio::test]
async fn every_role_writes_only_the_follow_up_it_may() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let (_, page) = coordinator.call_form("admin/cohorts", &[]).await;
    let incubator = page["incubators"][0].clone();
    let province = one(
        &app,
        "select min(id) from provinces where region_code = '06'",
    )
    .await;
    // A line of her financing with two tranches planned, for the tranche's writes.
    let (_, reply) = coordinator
        .call(
            "admin/financing/line",
            json!({"form": {"application_id": cohorts.women[0], "kind": "grant",
                "funder": "ministry", "funder_detail": "", "amount": "30000"}}),
        )
        .await;
    let line = saved(&reply);
    let mut planned = Vec::new();
    for _ in 0..2 {
        let (_, reply) = coordinator
            .call(
                "admin/financing/tranche",
                json!({"form": {"line_id": line, "amount": "5000", "planned_on": days::iso(today())}}),
            )
            .await;
        planned.push(saved(&reply));
    }
    let since = one(&app, "select max(id) from audit_log").await;
    const NATIONAL: &str = "national@demo.jisr.ma";
    // Those who may not come first, so that each refusal is the role's, not a write already made.
    let staff = [
        "coordination.07@demo.jisr.ma",
        OTHER_COACH,
        "revue.06@demo.jisr.ma",
        "agent.06@demo.jisr.ma",
        "partenaire@demo.jisr.ma",
        NATIONAL,
        COORDINATOR,
        COACH,
    ];
    let milestones = ["business_plan_drafted", "plan_validated", "first_sale"];
    let mut allowed_turn = 0;
    for (i, email) in staff.into_iter().enumerate() {
        let runs = email == NATIONAL || email == COORDINATOR;
        let records = runs || email == COACH;
        // Reviewers, centre agents and partners follow no one: refused as such.
        let follows_no_one = (2..=4).contains(&i);
        let mut browser = signed_in(&app, email).await;
        // The woman each may record for: the one not yet recorded, for those who may.
        let (woman, turn) = if records {
            allowed_turn += 1;
            (
                [cohorts.other_woman, cohorts.women[1], cohorts.women[0]][allowed_turn - 1],
                allowed_turn - 1,
            )
        } else {
            (cohorts.women[0], 0)
        };
        let writes = [
            (
                "admin/sites/save",
                json!({"form": {"id": 0, "version": 0, "region": "06",
                    "province_id": province.to_string(), "kind": "centre",
                    "name_fr": format!("Centre {i}"), "name_ar": format!("مركز {i}"),
                    "address_fr": "Rue 1", "address_ar": "شارع 1", "capacity": "40"}}),
                runs,
            ),
            (
                "admin/cohorts/create",
                json!({"form": {"site_id": incubator["id"].to_string(),
                    "name": format!("Cohorte {i}"), "starts_on": days::iso(today()),
                    "ends_on": days::iso(today() + 90), "capacity": "10",
                    "coach_id": incubator["coaches"][0][0].to_string(),
                    "visit_every_days": "14"}}),
                runs,
            ),
            (
                "admin/sessions/schedule",
                json!({"form": {"cohort_id": cohorts.first, "module": "marketing",
                    "date": days::iso(today() + 1 + i as i64), "time": "09:00",
                    "duration_minutes": "90", "place": "Salle 1", "trainer": "Amina"}}),
                records,
            ),
            (
                "admin/milestones/confirm",
                json!({"form": {"application_id": cohorts.women[0],
                    "milestone": milestones[turn], "reached_on": days::iso(today()),
                    "legal_form": "", "document": ""}}),
                records,
            ),
            (
                "admin/surveys/record",
                json!({"form": {"application_id": woman, "wave": "baseline",
                    "operating": "yes", "revenue_band": "up_to_1000", "jobs_women": "1",
                    "jobs_men": "0", "formalised": "no", "income_band": "none"}}),
                records,
            ),
            (
                "admin/financing/tranche",
                json!({"form": {"line_id": line, "amount": "1000",
                    "planned_on": days::iso(today())}}),
                runs,
            ),
            (
                "admin/financing/step",
                json!({"form": {"tranche_id": planned[turn.min(1)], "version": 1,
                    "step": "approve", "paid_on": "", "payment_reference": ""}}),
                runs,
            ),
        ];
        for (endpoint, body, may) in writes {
            let (response, reply) = browser.call(endpoint, body).await;
            if may {
                assert_eq!(response.status, StatusCode::OK, "{email} {endpoint}");
                saved(&reply);
            } else {
                assert!(
                    reply.get("Saved").is_none(),
                    "{email} {endpoint}: {} {reply}",
                    response.status
                );
                if follows_no_one {
                    assert_eq!(response.status, StatusCode::FORBIDDEN, "{email} {endpoint}");
                }
            }
        }
        // Her move to the other cohort, and back: only those who run the region's follow-up.
        let now_in = one(
            &app,
            &format!(
                "select cohort_id from enrolments where application_id = {} and left_day is null",
                cohorts.women[1]
            ),
        )
        .await;
        let to = if now_in == cohorts.first {
            cohorts.second
        } else {
            cohorts.first
        };
        let (response, reply) = browser
            .call_form(
                "admin/cohorts/move",
                &[
                    ("application_id", &cohorts.women[1].to_string()),
                    ("cohort_id", &to.to_string()),
                ],
            )
            .await;
        if runs {
            assert_eq!(saved(&reply), to, "{email}");
        } else {
            assert!(reply.get("Saved").is_none(), "{email}: {reply}");
            if follows_no_one {
                assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
            }
        }
    }
    // The audit log: who made each write since, and no one else.
    for (action, expected) in [
        ("site_saved", vec![COORDINATOR, NATIONAL]),
        ("cohort_saved", vec![COORDINATOR, NATIONAL]),
        ("session_scheduled", vec![COACH, COORDINATOR, NATIONAL]),
        ("milestone_confirmed", vec![COACH, COORDINATOR, NATIONAL]),
        ("survey_recorded", vec![COACH, COORDINATOR, NATIONAL]),
        ("tranche_planned", vec![COORDINATOR, NATIONAL]),
        ("tranche_approved", vec![COORDINATOR, NATIONAL]),
        ("cohort_move", vec![COORDINATOR, NATIONAL]),
    ] {
        let actors: Vec<String> = column(
            &app,
            &format!(
                "select distinct actor_email from audit_log where id > {since} \
                 and action = '{action}' order by actor_email"
            ),
        )
        .await;
        let mut expected: Vec<&str> = expected;
        expected.sort();
        assert_eq!(actors, expected, "{action}");
    }
    // Each tranche's approval names who approved it, and the log says which tranche.
    let approvals = one(
        &app,
        &format!(
            "select count(*) from audit_log where id > {since} and action = 'tranche_approved' \
             and (detail like 'tranche:{} %' or detail like 'tranche:{} %')",
            planned[0], planned[1]
        ),
    )
    .await;
    assert_eq!(approvals, 2);
    let approvers = one(
        &app,
        &format!(
            "select count(distinct approved_by) from tranches where id in ({}, {})",
            planned[0], planned[1]
        ),
    )
    .await;
    assert_eq!(approvers, 2);
}

/// The follow-up's figures on the dashboard are the programme's own rows added up, region by
/// region and per funder, follow a payment as soon as it is made, and reach those who run the
/// follow-up and partners, not reviewers, centre agents or coaches.
#[tokio::test]
async fn the_dashboard_s_follow_up_figures_add_up_and_reach_only_those_who_may_see_them() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (_, first) = national.call_form("admin/dashboard", &[]).await;
    let programme = &first["programme"];
    let regions = programme["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 12, "{programme}");
    for r in regions {
        let code = r["code"].as_str().unwrap();
        let marks = |mark: &str| {
            format!(
                "select count(*) from attendance a join training_sessions s on s.id = a.session_id \
                 join cohorts c on c.id = s.cohort_id where c.region_code = '{code}' and a.mark = '{mark}'"
            )
        };
        assert_eq!(r["present"], one(&app, &marks("present")).await, "{code}");
        assert_eq!(r["absent"], one(&app, &marks("absent")).await, "{code}");
        assert_eq!(r["excused"], one(&app, &marks("excused")).await, "{code}");
        let overdue = one(
            &app,
            &format!(
                "select count(*) from enrolments where region_code = '{code}' \
                 and left_day is null and next_visit_day < {}",
                today()
            ),
        )
        .await;
        assert_eq!(r["overdue_visits"], overdue, "{code}");
        let approved = one(
            &app,
            &format!(
                "select cast(coalesce(sum(approved_centimes), 0) as bigint) from financing_lines \
                 where region_code = '{code}'"
            ),
        )
        .await;
        assert_eq!(r["approved"], approved, "{code}");
        let paid = one(
            &app,
            &format!(
                "select cast(coalesce(sum(t.amount_centimes), 0) as bigint) from tranches t \
                 join financing_lines l on l.id = t.line_id where l.region_code = '{code}' \
                 and t.state in ('paid', 'reconciled')"
            ),
        )
        .await;
        assert_eq!(r["paid"], paid, "{code}");
        for (wave, answered, operating) in [
            ("month_6", "answered_6", "operating_6"),
            ("month_12", "answered_12", "operating_12"),
        ] {
            let done = format!(
                "select count(*) from surveys where region_code = '{code}' and wave = '{wave}' \
                 and done_day is not null"
            );
            assert_eq!(r[answered], one(&app, &done).await, "{code} {wave}");
            let operating_sql = format!("{done} and operating = true");
            assert_eq!(
                r[operating],
                one(&app, &operating_sql).await,
                "{code} {wave}"
            );
        }
    }
    // The seeded programme has money, marks and milestones to add up: the figures are not all 0.
    let sum = |field: &str| {
        regions
            .iter()
            .map(|r| r[field].as_i64().unwrap())
            .sum::<i64>()
    };
    assert!(sum("present") > 0 && sum("approved") > 0, "{programme}");
    for f in programme["funders"].as_array().unwrap() {
        let funder = f["funder"].as_str().unwrap().to_lowercase();
        let approved = one(
            &app,
            &format!(
                "select cast(coalesce(sum(approved_centimes), 0) as bigint) from financing_lines \
                 where replace(funder, '_', '') = '{funder}'"
            ),
        )
        .await;
        assert_eq!(f["approved"], approved, "{f}");
    }
    let reached: i64 = programme["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m[1].as_i64().unwrap())
        .sum();
    assert_eq!(
        reached,
        one(
            &app,
            "select count(*) from milestones where reached_day is not null"
        )
        .await
    );
    // A payment shows at once, in the national and the regional figures.
    let indh = |d: &Value| {
        d["programme"]["funders"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["funder"] == "Indh")
            .map(|f| f["paid"].as_i64().unwrap())
            .unwrap()
    };
    let (_, regional) = coordinator.call_form("admin/dashboard", &[]).await;
    let (paid_before, regional_before) = (indh(&first), indh(&regional));
    let (_, reply) = coordinator
        .call(
            "admin/financing/line",
            json!({"form": {"application_id": cohorts.women[0], "kind": "grant",
                "funder": "indh", "funder_detail": "", "amount": "8000"}}),
        )
        .await;
    let line = saved(&reply);
    let (_, reply) = coordinator
        .call(
            "admin/financing/tranche",
            json!({"form": {"line_id": line, "amount": "8000", "planned_on": days::iso(today())}}),
        )
        .await;
    let tranche = saved(&reply);
    for (version, step) in [(1, "approve"), (2, "pay")] {
        let (_, reply) = coordinator
            .call(
                "admin/financing/step",
                json!({"form": {"tranche_id": tranche, "version": version, "step": step,
                    "paid_on": days::iso(today()), "payment_reference": "OV-77"}}),
            )
            .await;
        saved(&reply);
    }
    let (_, after) = national.call_form("admin/dashboard", &[]).await;
    assert_eq!(indh(&after), paid_before + 800_000);
    let (_, regional) = coordinator.call_form("admin/dashboard", &[]).await;
    assert_eq!(indh(&regional), regional_before + 800_000);
    assert_eq!(
        regional["programme"]["regions"].as_array().unwrap().len(),
        1
    );
    // Who sees them: not partners, whose dashboard is the report, protected.
    let mut partner = signed_in(&app, "partenaire@demo.jisr.ma").await;
    let (response, _) = partner.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    for (email, sees) in [
        ("revue.06@demo.jisr.ma", false),
        ("agent.06@demo.jisr.ma", false),
        (COACH, false),
    ] {
        let mut browser = signed_in(&app, email).await;
        let (response, dashboard) = browser.call_form("admin/dashboard", &[]).await;
        assert_eq!(response.status, StatusCode::OK, "{email}");
        assert_eq!(
            dashboard["programme"].is_object(),
            sees,
            "{email}: {dashboard}"
        );
        assert_eq!(response.body.contains("overdue_visits"), sees, "{email}");
    }
}

/// Her attendance and her cohort's: present over the marks, excused absences aside.
#[tokio::test]
async fn attendance_rates_count_present_over_marked_with_excused_absences_aside() {
    let app = seeded(600).await;
    let cohorts = two_cohorts(&app).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let (_, reply) = coordinator
        .call(
            "admin/sessions/schedule",
            json!({"form": {
                "cohort_id": cohorts.first, "module": "marketing", "date": days::iso(today()),
                "time": "00:10", "duration_minutes": "60", "place": "Salle 3",
                "trainer": "Nadia Benali",
            }}),
        )
        .await;
    let second_session = saved(&reply);
    let [first_woman, second_woman] = [cohorts.women[0], cohorts.women[1]];
    // The first session: she is present, the other absent; the second: present, and excused.
    for (session, other_mark, reason) in [
        (cohorts.session, "absent", ""),
        (second_session, "excused", "malade"),
    ] {
        let (_, reply) = coordinator
            .call(
                "admin/sheet/save",
                json!({"session_id": session, "pairs": [
                    [format!("version-{first_woman}"), "0"],
                    [format!("mark-{first_woman}"), "present"],
                    [format!("reason-{first_woman}"), ""],
                    [format!("version-{second_woman}"), "0"],
                    [format!("mark-{second_woman}"), other_mark],
                    [format!("reason-{second_woman}"), reason],
                ]}),
            )
            .await;
        assert_eq!(reply["saved"], 2, "{reply}");
    }
    let (_, detail) = coordinator
        .call_form("admin/cohort", &[("id", &cohorts.first.to_string())])
        .await;
    let member = |woman: i64| {
        let m = detail["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["application_id"] == woman)
            .unwrap_or_else(|| panic!("{woman} in {detail}"))
            .clone();
        [&m["present"], &m["absent"], &m["excused"]].map(|n| n.as_i64().unwrap())
    };
    assert_eq!(member(first_woman), [2, 0, 0]);
    assert_eq!(member(second_woman), [0, 1, 1]);
    let detail: app::admin::cohorts::CohortDetail = serde_json::from_value(detail).unwrap();
    // Two present of three counted: the excused absence counts for neither.
    assert_eq!(detail.attendance(), (2, 3));
    let sessions: Vec<(i64, i64)> = detail
        .sessions
        .iter()
        .map(|s| (s.marked, s.present))
        .collect();
    assert_eq!(sessions.iter().map(|s| s.1).sum::<i64>(), 2, "{sessions:?}");
}

/// `server seed`'s follow-up is what the console itself would have written: each enrolled
/// woman in one open cohort of an incubator of her region, coached by a coach of that
/// incubator, marked only at her own cohort's sessions, never paid beyond what was approved,
/// and the dashboard's counters equal to the rows they count.
#[tokio::test]
async fn the_seeded_follow_up_holds_together_as_the_console_would_have_written_it() {
    let app = seeded(1500).await;
    assert!(
        one(
            &app,
            "select count(*) from enrolments where left_day is null"
        )
        .await
            > 10,
        "the seed enrolled women"
    );
    for (what, sql) in [
        (
            "an enrolled woman without an open enrolment",
            "select count(*) from applications a where a.status = 'enrolled' and not exists \
             (select 1 from enrolments e where e.application_id = a.id and e.left_day is null)",
        ),
        (
            "an open enrolment of a woman not enrolled",
            "select count(*) from enrolments e join applications a on a.id = e.application_id \
             where e.left_day is null and a.status <> 'enrolled'",
        ),
        (
            "an enrolment in a cohort of another region",
            "select count(*) from enrolments e join cohorts c on c.id = e.cohort_id \
             join applications a on a.id = e.application_id \
             where c.region_code <> a.region_code or e.region_code <> a.region_code",
        ),
        (
            "a cohort outside an incubator of its region",
            "select count(*) from cohorts c join sites s on s.id = c.site_id \
             where s.kind <> 'incubator' or s.region_code <> c.region_code",
        ),
        (
            "a cohort coached by someone not of its incubator",
            "select count(*) from cohorts c join staff st on st.id = c.coach_id \
             where st.role <> 'incubator_coach' or st.site_id <> c.site_id",
        ),
        (
            "a mark at a session of a cohort she was never in",
            "select count(*) from attendance m join training_sessions s on s.id = m.session_id \
             where not exists (select 1 from enrolments e \
                 where e.application_id = m.application_id and e.cohort_id = s.cohort_id)",
        ),
        (
            "a line whose tranches plan more than it approved",
            "select count(*) from financing_lines l where l.approved_centimes < \
             (select coalesce(sum(t.amount_centimes), 0) from tranches t where t.line_id = l.id)",
        ),
        (
            "a tranche paid without its approval or its reference",
            "select count(*) from tranches where state in ('paid', 'reconciled') \
             and (approved_at is null or payment_reference is null or paid_day is null)",
        ),
        (
            "a milestone reached without who confirmed it",
            "select count(*) from milestones where reached_day is not null and confirmed_by is null",
        ),
    ] {
        assert_eq!(one(&app, sql).await, 0, "{what}");
    }
    for (counter, rows) in [
        (
            "select cast(coalesce(sum(n), 0) as bigint) from attendance_counts",
            "select count(*) from attendance",
        ),
        (
            "select cast(coalesce(sum(n), 0) as bigint) from milestone_counts",
            "select count(*) from milestones where reached_day is not null",
        ),
        (
            "select cast(coalesce(sum(paid_centimes), 0) as bigint) from financing_totals",
            "select cast(coalesce(sum(amount_centimes), 0) as bigint) from tranches \
             where state in ('paid', 'reconciled')",
        ),
    ] {
        assert_eq!(one(&app, counter).await, one(&app, rows).await, "{counter}");
    }
}
