//! What partners read, through the real router, on both databases: each indicator as it
//! stood when the month began, its figures the applications counted one by one, small numbers
//! protected in every answer alike (a total two answers share is hidden in both or in
//! neither), a region's key held to its region's row of the country's tables, and the same
//! figures for a partner viewer in the console.

use crate::admin::{one, seeded, signed_in};
use crate::helpers::{TestApp, TestResponse};
use crate::partner_api::{error_code, issue};
use crate::report::holds_no_person;
use app::clock;
use axum::http::StatusCode;
use serde_json::Value;

/// A test database whose 600 applications were all submitted before this month began.
async fn last_month() -> TestApp {
    let app = seeded(600).await;
    sqlx::query("update applications set submitted_at = submitted_at - 40 * 86400")
        .execute(app.db.pool())
        .await
        .unwrap();
    sqlx::query(
        "update applications set reject_reason = case id % 3 when 0 then 'not_eligible' \
         when 1 then 'incomplete_file' else null end where status = 'rejected'",
    )
    .execute(app.db.pool())
    .await
    .unwrap();
    app
}

async fn figures(app: &TestApp, key: &str, indicator: &str, query: &str) -> TestResponse {
    app.get_with(
        &format!("/api/partner/v1/indicators/{indicator}/figures?{query}"),
        &[("authorization", &format!("Bearer {key}"))],
    )
    .await
}

async fn read(app: &TestApp, key: &str, indicator: &str, query: &str) -> Value {
    let response = figures(app, key, indicator, query).await;
    assert_eq!(
        response.status,
        StatusCode::OK,
        "{query}: {}",
        response.body
    );
    serde_json::from_str(&response.body).unwrap()
}

fn codes(split: &Value) -> Vec<String> {
    split["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The first moment of this month in Morocco.
fn month_start() -> i64 {
    clock::day_start(clock::today().replace_day(1).unwrap())
}

fn withheld(figure: &Value) -> bool {
    figure["value"].is_null()
}

#[tokio::test]
async fn partners_read_the_applications_counted_one_by_one_with_small_numbers_protected() {
    let app = last_month().await;
    let (_, key) = issue(&app, "UNFPA", "", "30").await;
    let table = read(&app, &key, "received", "rows=region&columns=sector").await;
    let first = clock::today().replace_day(1).unwrap();
    assert_eq!(
        table["data_as_of"],
        clock::iso(first.previous_day().unwrap()),
        "{table}"
    );
    let (regions, sectors) = (codes(&table["rows"]), codes(&table["columns"]));
    assert_eq!(
        (regions.len(), table["rows"]["axis"].as_str()),
        (12, Some("region"))
    );
    let mut small = 0;
    for (i, region) in regions.iter().enumerate() {
        for (j, sector) in sectors.iter().enumerate() {
            let figure = &table["cells"][i][j];
            let counted = one(
                &app,
                &format!(
                    "select count(*) from applications where region_code = '{region}' \
                     and sector = '{sector}' and submitted_at < {}",
                    month_start()
                ),
            )
            .await;
            match figure["withheld"].as_str() {
                None => assert_eq!(figure["value"].as_i64(), Some(counted), "{region} {sector}"),
                Some("fewer_than_5") => {
                    assert!(counted < 5, "{region} {sector}");
                    small += 1;
                }
                Some(other) => {
                    assert_eq!(other, "secondary");
                    assert!(counted >= 5, "{region} {sector}");
                }
            }
            assert!(figure["value"].as_i64().is_none_or(|n| n >= 5));
        }
    }
    // 600 applications over 12 regions and 9 sectors: there are small counts to hide, and
    // none is alone hidden in its row or its column.
    assert!(small > 0, "{table}");
    for (i, row) in table["cells"].as_array().unwrap().iter().enumerate() {
        let hidden = row
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| withheld(f))
            .count()
            + usize::from(withheld(&table["row_totals"][i]));
        assert_ne!(hidden, 1, "row {i}");
    }
    for j in 0..sectors.len() {
        let hidden = table["cells"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|row| withheld(&row[j]))
            .count()
            + usize::from(withheld(&table["column_totals"][j]));
        assert_ne!(hidden, 1, "column {j}");
    }
    let every: Vec<&Value> = table["cells"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row.as_array().unwrap())
        .chain(table["row_totals"].as_array().unwrap())
        .chain(table["column_totals"].as_array().unwrap())
        .chain([&table["total"]])
        .collect();
    let count = |why: &str| every.iter().filter(|f| f["withheld"] == why).count() as u64;
    assert_eq!(
        table["suppressed"]["fewer_than_5"].as_u64(),
        Some(count("fewer_than_5"))
    );
    assert_eq!(
        table["suppressed"]["secondary"].as_u64(),
        Some(count("secondary"))
    );
    // The regions alone, and the sectors alone, show their totals as the table does: two
    // answers cannot be set against each other.
    let by_region = read(&app, &key, "received", "rows=region").await;
    assert_eq!(by_region["row_totals"], table["row_totals"]);
    assert_eq!(by_region["total"], table["total"]);
    let by_sector = read(&app, &key, "received", "columns=sector").await;
    assert_eq!(by_sector["column_totals"], table["column_totals"]);
    let turned = read(&app, &key, "received", "rows=sector&columns=region").await;
    assert_eq!(turned["row_totals"], table["column_totals"]);
    assert_eq!(turned["cells"][0][0], table["cells"][0][0]);
    // By schooling: each level's figure is its applications counted.
    let by_education = read(&app, &key, "received", "rows=education").await;
    for (i, level) in codes(&by_education["rows"]).iter().enumerate() {
        let counted = one(
            &app,
            &format!(
                "select count(*) from applications where education = '{level}' \
                 and submitted_at < {}",
                month_start()
            ),
        )
        .await;
        if let Some(n) = by_education["row_totals"][i]["value"].as_i64() {
            assert_eq!(n, counted, "{level}");
        }
    }
    assert!(
        by_education["row_totals"][0]["value"].as_i64() > Some(0),
        "{by_education}"
    );
    // Rejections by reason: each reason's figure is its rejections counted.
    let by_reason = read(&app, &key, "rejected", "rows=reason&columns=region").await;
    for (i, reason) in codes(&by_reason["rows"]).iter().enumerate() {
        let counted = one(
            &app,
            &format!(
                "select count(*) from applications where status = 'rejected' \
                 and coalesce(reject_reason, 'not_given') = '{reason}' and submitted_at < {}",
                month_start()
            ),
        )
        .await;
        match by_reason["row_totals"][i]["value"].as_i64() {
            Some(n) => assert_eq!(n, counted, "{reason}"),
            None => assert!(
                by_reason["row_totals"][i]["withheld"] == "secondary" || counted < 5,
                "{reason}"
            ),
        }
    }
    // No person: none of her fields.
    holds_no_person(&serde_json::to_string(&table).unwrap());
}

#[tokio::test]
async fn the_partners_figures_stay_as_they_were_until_the_month_ends() {
    let app = last_month().await;
    let (_, key) = issue(&app, "AECID", "", "30").await;
    let before = read(&app, &key, "accepted", "rows=region&columns=channel").await;
    // Decisions taken and applications received since: the partners' figures do not move,
    // so reading them again tells nothing of one woman.
    sqlx::query("update applications set status = 'accepted' where status = 'submitted'")
        .execute(app.db.pool())
        .await
        .unwrap();
    sqlx::query(
        "update applications set submitted_at = submitted_at + 40 * 86400 where id % 7 = 0",
    )
    .execute(app.db.pool())
    .await
    .unwrap();
    let after = read(&app, &key, "accepted", "rows=region&columns=channel").await;
    assert_eq!(before["cells"], after["cells"]);
    assert_eq!(before["counted_at"], after["counted_at"]);
    let month = one(
        &app,
        "select count(*) from partner_snapshot where month <> ''",
    )
    .await;
    assert_eq!(month, 1);
}

#[tokio::test]
async fn a_region_s_key_reads_its_row_of_the_country_s_tables_and_nothing_else() {
    let app = last_month().await;
    let (_, national) = issue(&app, "ADS", "", "30").await;
    let (_, regional) = issue(&app, "Conseil régional", "06", "30").await;
    let country = read(&app, &national, "received", "rows=region&columns=age_band").await;
    let at = codes(&country["rows"])
        .iter()
        .position(|c| c == "06")
        .unwrap();
    let own = read(&app, &regional, "received", "columns=age_band").await;
    assert_eq!(own["region"], "06");
    assert_eq!(own["scope"]["region"], "06");
    assert_eq!(own["cells"][0], country["cells"][at]);
    assert_eq!(own["total"], country["row_totals"][at]);
    // The same, asked by name.
    let asked = read(&app, &regional, "received", "columns=age_band&region=06").await;
    assert_eq!(asked["cells"], own["cells"]);
    // Another region's: 403; no region: 422; what is not crossed: 422; no such indicator:
    // 404; what is not a parameter or an axis: 400. Each in the one JSON shape.
    for (key, indicator, query, status, code) in [
        (
            &regional,
            "received",
            "rows=sector&region=07",
            StatusCode::FORBIDDEN,
            "other_region",
        ),
        (
            &national,
            "received",
            "rows=sector&region=99",
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_region",
        ),
        (
            &regional,
            "received",
            "rows=sector&columns=channel",
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_crossed",
        ),
        (
            &national,
            "received",
            "rows=province&columns=sector",
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_crossed",
        ),
        (
            &national,
            "received",
            "rows=sector&columns=sector",
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_crossed",
        ),
        (
            &national,
            "accepted",
            "rows=reason",
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_crossed",
        ),
        (
            &national,
            "everything",
            "rows=sector",
            StatusCode::NOT_FOUND,
            "unknown_indicator",
        ),
        (
            &national,
            "received",
            "rows=sector&region=",
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            &national,
            "received",
            "rows=name",
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            &national,
            "received",
            "rows=sector&cin=AB123",
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
    ] {
        let response = figures(&app, key, indicator, query).await;
        assert_eq!(response.status, status, "{query}: {}", response.body);
        assert_eq!(error_code(&response), code, "{query}");
    }
}

#[tokio::test]
async fn a_partner_viewer_reads_the_same_protected_figures_and_no_dashboard() {
    let app = last_month().await;
    let (_, key) = issue(&app, "UNFPA", "", "30").await;
    let api = read(&app, &key, "enrolled", "rows=region").await;
    let mut partner = signed_in(&app, "partenaire@demo.jisr.ma").await;
    let (response, report) = partner
        .call(
            "admin/report",
            serde_json::json!({"query": {"indicator": "enrolled", "rows": "region",
                "columns": "", "from": "", "to": ""}}),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let table = &report["figures"]["Protected"];
    let shown: Vec<Option<i64>> = table["row_totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["Value"].as_i64())
        .collect();
    let from_api: Vec<Option<i64>> = api["row_totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["value"].as_i64())
        .collect();
    assert_eq!(shown, from_api);
    assert!(report["figures"]["Exact"].is_null());
    // A period is not hers to ask; the dashboard's exact, live figures are not hers to read.
    let (response, _) = partner
        .call(
            "admin/report",
            serde_json::json!({"query": {"indicator": "enrolled", "rows": "region",
                "columns": "", "from": "2026-01-01", "to": ""}}),
        )
        .await;
    assert_ne!(response.status, StatusCode::OK);
    let (response, _) = partner.call_form("admin/dashboard", &[]).await;
    assert_eq!(response.status, StatusCode::FORBIDDEN, "{}", response.body);
}
