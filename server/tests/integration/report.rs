//! The programme's report through the real router, on both databases: its figures are the
//! applications counted one by one, each reader reads her own scope, what partners will read
//! has its small numbers protected, and a query the form cannot send is refused.

use crate::admin::{column, one, seeded, signed_in};
use app::admin::report::{
    repo::{self, Reader},
    ReportQuery, AGE_BANDS,
};
use app::clock::{self, days};
use app::registration::fields::age_on;
use axum::http::StatusCode;
use serde_json::{json, Value};
use sqlx::Row;

fn asked(indicator: &str, rows: &str, columns: &str, from: &str, to: &str) -> Value {
    json!({"query": {"indicator": indicator, "rows": rows, "columns": columns,
        "from": from, "to": to}})
}

fn codes(keys: &Value) -> Vec<String> {
    keys.as_array()
        .unwrap()
        .iter()
        .map(|k| k["code"].as_str().unwrap().to_owned())
        .collect()
}

/// Her age band today from her birth date, by the wizard's own reckoning of age (the report
/// reckons it in SQL).
fn band(birth_date: &str, today: time::Date) -> usize {
    let parts: Vec<u8> = birth_date[5..]
        .split('-')
        .map(|p| p.parse().unwrap())
        .collect();
    let birth = time::Date::from_calendar_date(
        birth_date[..4].parse().unwrap(),
        time::Month::try_from(parts[0]).unwrap(),
        parts[1],
    )
    .unwrap();
    let age = age_on(birth, today);
    AGE_BANDS[1..]
        .iter()
        .filter(|(start, _)| age >= *start)
        .count()
}

#[tokio::test]
async fn the_report_s_figures_are_the_applications_counted_one_by_one() {
    let app = seeded(600).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    // Accepted women by region and age band.
    let (response, report) = national
        .call(
            "admin/report",
            asked("accepted", "region", "age_band", "", ""),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let regions = codes(&report["row_keys"]);
    assert_eq!(regions.len(), 12);
    assert_eq!(
        codes(&report["column_keys"]),
        ["18-24", "25-34", "35-44", "45-54", "55+"]
    );
    let today = clock::today();
    let mut expected = vec![vec![0_i64; 5]; 12];
    let rows = sqlx::query(
        "select region_code, birth_date from applications \
         where status in ('accepted', 'enrolled')",
    )
    .fetch_all(app.db.pool())
    .await
    .unwrap();
    for row in &rows {
        let region: String = row.get(0);
        let born: String = row.get(1);
        let i = regions.iter().position(|r| *r == region).unwrap();
        expected[i][band(&born, today)] += 1;
    }
    let exact = &report["figures"]["Exact"];
    assert_eq!(exact["cells"], json!(expected));
    assert_eq!(exact["total"], rows.len());
    assert!(rows.len() > 20, "the seed accepted women");
    // Every application by channel, over one day: today's.
    let day = clock::local_day(clock::now());
    let (_, report) = national
        .call(
            "admin/report",
            asked("received", "", "channel", &days::iso(day), &days::iso(day)),
        )
        .await;
    assert_eq!(codes(&report["column_keys"]), ["self", "assisted"]);
    let (start, end) = (
        clock::day_start(days::date(day)),
        clock::day_start(days::date(day + 1)),
    );
    for (j, channel) in ["self", "assisted"].iter().enumerate() {
        let counted = one(
            &app,
            &format!(
                "select count(*) from applications where channel = '{channel}' \
                 and submitted_at >= {start} and submitted_at < {end}"
            ),
        )
        .await;
        assert_eq!(
            report["figures"]["Exact"]["cells"][0][j], counted,
            "{channel}"
        );
    }
    // A reviewer reads her region's: its provinces, its applications.
    let mut reviewer = signed_in(&app, "revue.06@demo.jisr.ma").await;
    let (_, report) = reviewer
        .call(
            "admin/report",
            asked("received", "province", "sector", "", ""),
        )
        .await;
    let provinces: Vec<String> = column(
        &app,
        "select cast(id as text) from provinces where region_code = '06' order by id",
    )
    .await;
    assert_eq!(codes(&report["row_keys"]), provinces);
    assert_eq!(report["region"], "06");
    assert_eq!(
        report["figures"]["Exact"]["total"],
        one(
            &app,
            "select count(*) from applications where region_code = '06'"
        )
        .await
    );
}

/// What partners will read, once its protection is whole (README): no count under 5, no
/// hidden figure alone in its line, no person. They read no report yet.
#[tokio::test]
async fn a_protected_report_has_no_count_under_five_nor_one_that_gives_it_back_and_no_person() {
    let app = seeded(600).await;
    let mut partner = signed_in(&app, "partenaire@demo.jisr.ma").await;
    let (response, _) = partner
        .call("admin/report", asked("received", "region", "", "", ""))
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    let protected = Reader {
        region: None,
        exact: false,
    };
    let query = ReportQuery {
        indicator: "received".to_owned(),
        rows: "region".to_owned(),
        columns: "sector".to_owned(),
        ..ReportQuery::default()
    };
    let report = repo::report(&app.db, &protected, &query)
        .await
        .unwrap()
        .unwrap();
    let body = serde_json::to_string(&report).unwrap();
    let report: Value = serde_json::from_str(&body).unwrap();
    assert!(report["figures"]["Exact"].is_null(), "{report}");
    let table = &report["figures"]["Protected"];
    let shown = |v: &Value| v.get("Value").and_then(Value::as_i64);
    let cells: Vec<Vec<Value>> = table["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row.as_array().unwrap().clone())
        .collect();
    let mut small = 0;
    for value in cells.iter().flatten() {
        match shown(value) {
            Some(n) => assert!(n >= 5, "{value}"),
            None => small += usize::from(value == "Small"),
        }
    }
    // 600 applications over 12 regions and 9 sectors: there are small counts to hide.
    assert!(small > 0, "{table}");
    // No hidden figure alone in its row or its column, with their totals.
    let hidden = |v: &Value| shown(v).is_none();
    for (i, row) in cells.iter().enumerate() {
        let alone =
            row.iter().filter(|v| hidden(v)).count() + usize::from(hidden(&table["row_totals"][i]));
        assert_ne!(alone, 1, "row {i}: {table}");
    }
    for j in 0..cells[0].len() {
        let alone = cells.iter().filter(|row| hidden(&row[j])).count()
            + usize::from(hidden(&table["column_totals"][j]));
        assert_ne!(alone, 1, "column {j}: {table}");
    }
    for field in [
        "first_name",
        "last_name",
        "cin",
        "phone",
        "reference",
        "birth_date",
    ] {
        assert!(!body.contains(field), "{field}");
    }
}

#[tokio::test]
async fn only_the_programme_s_staff_read_the_report_and_only_what_the_form_sends() {
    let app = seeded(200).await;
    for email in [
        "agent.06@demo.jisr.ma",
        "coach.06@demo.jisr.ma",
        "partenaire@demo.jisr.ma",
    ] {
        let mut browser = signed_in(&app, email).await;
        let (response, _) = browser
            .call("admin/report", asked("received", "region", "", "", ""))
            .await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{email}");
    }
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    for (indicator, rows, columns, from, to) in [
        ("everything", "region", "", "", ""),
        ("received", "name", "", "", ""),
        ("received", "sector", "sector", "", ""),
        ("received", "", "", "2026-13-01", ""),
        ("received", "", "", "2026-06-01", "2026-05-31"),
    ] {
        let (response, _) = coordinator
            .call("admin/report", asked(indicator, rows, columns, from, to))
            .await;
        assert_eq!(
            response.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{indicator} {rows} {columns} {from} {to}"
        );
    }
    // Not split at all: one figure, her region's applications.
    let (response, report) = coordinator
        .call("admin/report", asked("received", "", "", "", ""))
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(
        report["figures"]["Exact"]["cells"],
        json!([[one(
            &app,
            "select count(*) from applications where region_code = '06'"
        )
        .await]])
    );
}
