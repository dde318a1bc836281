//! The programme's report through the real router, on both databases: its figures are the
//! applications counted one by one, each reader reads her own scope, what partners will read
//! has its small numbers protected, and a query the form cannot send is refused.

use crate::admin::{column, one, seeded, signed_in};
use app::admin::applications::filters::Filters;
use app::admin::report::{
    repo::{self, Reader},
    Figures, Report, ReportQuery, AGE_BANDS,
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
    // A partner viewer reads the report protected (server/tests/integration/partner_figures.rs
    // says how).
    let mut partner = signed_in(&app, "partenaire@demo.jisr.ma").await;
    let (response, reply) = partner
        .call("admin/report", asked("received", "region", "", "", ""))
        .await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(reply["figures"]["Protected"].is_object(), "{reply}");
    let protected = Reader {
        region: None,
        exact: false,
        follow_up: false,
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
    holds_no_person(&body);
}

/// No person in a body of figures: none of her fields.
pub(crate) fn holds_no_person(body: &str) {
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
    for email in ["agent.06@demo.jisr.ma", "coach.06@demo.jisr.ma"] {
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
        ("accepted", "reason", "", "", ""),
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

/// Every figure of an exact report links to the applications list holding exactly what it
/// counts, within the reader's scope: each cell, each line's total and the grand total.
#[tokio::test]
async fn every_figure_leads_to_the_list_of_what_it_counts() {
    let app = seeded(600).await;
    // Rejections with each reason, and some recorded before reasons were asked.
    sqlx::query(
        "update applications set reject_reason = case id % 4 when 0 then 'not_eligible' \
         when 1 then 'incomplete_file' when 2 then 'project_not_viable' else null end \
         where status = 'rejected'",
    )
    .execute(app.db.pool())
    .await
    .unwrap();
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    for (indicator, rows, columns) in [
        ("accepted", "age_band", "area"),
        ("received", "province", "channel"),
        ("rejected", "sector", "stage"),
        ("rejected", "reason", "channel"),
        ("received", "education", "area"),
    ] {
        let (response, body) = coordinator
            .call("admin/report", asked(indicator, rows, columns, "", ""))
            .await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.body);
        let report: Report = serde_json::from_value(body).unwrap();
        let Figures::Exact {
            cells,
            row_totals,
            column_totals,
            total,
        } = &report.figures
        else {
            panic!("a coordinator reads exact figures");
        };
        let mut figures = vec![(None, None, *total)];
        for (i, row) in cells.iter().enumerate() {
            figures.push((Some(i), None, row_totals[i]));
            for (j, n) in row.iter().enumerate() {
                figures.push((Some(i), Some(j), *n));
            }
        }
        for (j, n) in column_totals.iter().enumerate() {
            figures.push((None, Some(j), *n));
        }
        assert!(*total > 0 && *total < 1000, "{indicator}: {total}");
        for (row, column, figure) in figures {
            let link = report.list_link(row, column);
            let query = link
                .strip_prefix("/admin/applications")
                .unwrap()
                .trim_start_matches('?');
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect();
            let filters = Filters::from_query(|name| {
                pairs
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.clone())
            });
            let (response, page) = coordinator
                .call("admin/applications", json!({ "filters": filters }))
                .await;
            assert_eq!(response.status, StatusCode::OK, "{link}");
            assert_eq!(page["total"], figure, "{indicator} {link}");
            assert_eq!(page["more"], false);
        }
    }
}

/// The report's exports hold every indicator over the axes and period asked, with the same
/// figures as the page: the CSV one line per figure, the spreadsheet one sheet per indicator
/// with numbers as numbers and headers in the reader's language; each export is recorded in
/// the audit log, and only those who read the report may export it.
#[tokio::test]
async fn the_report_exports_every_indicator_as_csv_and_as_a_spreadsheet_and_records_it() {
    use app::admin::{i18n::tr, report::Indicator};
    use app::i18n::Lang;
    use calamine::{Data, Reader as _};
    let app = seeded(600).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let query = "rows=region&columns=age_band&from=&to=";
    let mut reports = Vec::new();
    for indicator in Indicator::ALL {
        let (_, body) = national
            .call(
                "admin/report",
                asked(indicator.code(), "region", "age_band", "", ""),
            )
            .await;
        let report: Report = serde_json::from_value(body).unwrap();
        reports.push(report);
    }
    let cells = |report: &Report| match &report.figures {
        Figures::Exact { cells, .. } => cells.clone(),
        Figures::Protected(_) => panic!("exact"),
    };

    // The spreadsheet, in French (the test browser's language is French).
    let xlsx = national
        .get(&format!("/admin/report/export.xlsx?{query}"))
        .await;
    assert_eq!(xlsx.status, StatusCode::OK, "{}", xlsx.body);
    assert!(xlsx
        .header(axum::http::header::CONTENT_TYPE)
        .starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assert!(xlsx
        .header(axum::http::header::CONTENT_DISPOSITION)
        .contains(".xlsx"));
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx.bytes.clone())).unwrap();
    let names: Vec<String> = Indicator::ALL
        .iter()
        .map(|i| tr(Lang::Fr, &i.label_key()))
        .collect();
    assert_eq!(book.sheet_names(), names);
    for (report, name) in reports.iter().zip(&names) {
        let sheet = book.worksheet_range(name).unwrap();
        // Its title, then the table: the axis's name, the age bands, "Ensemble".
        assert_eq!(sheet.get_value((0, 0)), Some(&Data::String(name.clone())));
        let header: Vec<String> = (0..7)
            .map(|j| sheet.get_value((6, j)).unwrap().to_string())
            .collect();
        assert_eq!(
            header,
            ["Région", "18-24", "25-34", "35-44", "45-54", "55+", "Ensemble"]
        );
        for (i, row) in cells(report).iter().enumerate() {
            for (j, n) in row.iter().enumerate() {
                assert_eq!(
                    sheet.get_value((7 + i as u32, 1 + j as u32)),
                    Some(&Data::Float(*n as f64)),
                    "{name} {i} {j}"
                );
            }
        }
        let total: i64 = cells(report).iter().flatten().sum();
        assert_eq!(
            sheet.get_value((19, 6)),
            Some(&Data::Float(total as f64)),
            "{name}: the grand total under the twelve regions"
        );
    }

    // The CSV: a header, then one line per figure of every indicator.
    let csv_export = national
        .get(&format!("/admin/report/export.csv?{query}&sep=comma"))
        .await;
    assert_eq!(csv_export.status, StatusCode::OK);
    let mut reader = csv::ReaderBuilder::new()
        .from_reader(csv_export.body.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["Indicateur", "Région", "Tranche d'âge", "Nombre"]
    );
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(lines.len(), Indicator::ALL.len() * 12 * 5);
    for (report, name) in reports.iter().zip(&names) {
        let counted: Vec<i64> = lines
            .iter()
            .filter(|line| &line[0] == name)
            .map(|line| line[3].parse().unwrap())
            .collect();
        let expected: Vec<i64> = cells(report).into_iter().flatten().collect();
        assert_eq!(counted, expected, "{name}");
    }

    // Both recorded, with what was asked.
    let recorded: Vec<String> = column(
        &app,
        "select detail from audit_log where action = 'export' and subject = 'report' \
         order by id",
    )
    .await;
    assert_eq!(recorded.len(), 2);
    assert!(recorded[0].starts_with("xlsx: rows=region columns=age_band"));
    assert!(recorded[1].starts_with("csv:"));

    // In Arabic: the sheets named in Arabic, read from right to left.
    national.set_lang("ar");
    let arabic = national
        .get(&format!("/admin/report/export.xlsx?{query}"))
        .await;
    let book = calamine::Xlsx::new(std::io::Cursor::new(arabic.bytes)).unwrap();
    assert_eq!(
        book.sheet_names()[0],
        tr(Lang::Ar, &Indicator::ALL[0].label_key())
    );

    // A partner viewer exports what she reads: no count under 5.
    let mut partner = signed_in(&app, "partenaire@demo.jisr.ma").await;
    let protected = partner
        .get(&format!("/admin/report/export.csv?{query}"))
        .await;
    assert_eq!(protected.status, StatusCode::OK, "{}", protected.body);
    assert!(protected.body.contains("< 5"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(protected.body.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        let record = record.unwrap();
        let figure = &record[record.len() - 1];
        assert!(figure.parse::<i64>().map_or(true, |n| n >= 5), "{record:?}");
    }

    // Nobody else exports it, and a query the page cannot send is refused.
    let mut agent = signed_in(&app, "agent.06@demo.jisr.ma").await;
    for path in ["/admin/report/export.xlsx", "/admin/report/export.csv"] {
        assert_eq!(
            agent.get(&format!("{path}?{query}")).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(
        app.get("/admin/report/export.csv").await.status,
        StatusCode::UNAUTHORIZED
    );
    let refused = national
        .get("/admin/report/export.csv?rows=sector&columns=sector")
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The charts draw the report's own figures: each region's against its target when the
/// indicator counts places, and month by month, the twelve months to this one when the period
/// has no start, every application of those months counted once.
#[tokio::test]
async fn the_charts_draw_each_region_against_its_target_and_each_month() {
    let app = seeded(600).await;
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let (_, body) = national
        .call("admin/report", asked("accepted", "region", "", "", ""))
        .await;
    let report: Report = serde_json::from_value(body).unwrap();
    let Figures::Exact { row_totals, .. } = &report.figures else {
        panic!("exact");
    };
    let targets: Vec<i64> = column(&app, "select target from regions order by code").await;
    assert_eq!(report.charts.regions.len(), 12);
    for (i, region) in report.charts.regions.iter().enumerate() {
        assert_eq!(region.key.code, report.row_keys[i].code);
        assert_eq!(region.value.value(), Some(row_totals[i]));
        assert_eq!(region.target, Some(targets[i]));
    }
    let months = &report.charts.months;
    assert!((12..=repo::MAX_MONTHS).contains(&months.len()));
    let today = clock::today();
    assert_eq!(
        months[months.len() - 1].0,
        format!("{:04}-{:02}", today.year(), u8::from(today.month()))
    );
    let first = time::Date::parse(
        &format!("{}-01", months[0].0),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .unwrap();
    let since = one(
        &app,
        &format!(
            "select count(*) from applications where status in ('accepted', 'enrolled') \
             and submitted_at >= {}",
            clock::day_start(first)
        ),
    )
    .await;
    let drawn: i64 = months.iter().map(|(_, n)| n.value().unwrap()).sum();
    assert_eq!(drawn, since);
    // From the first application's month: every one is drawn.
    if months.len() < repo::MAX_MONTHS {
        assert_eq!(drawn, row_totals.iter().sum::<i64>());
    }
    // Applications received have no target; a reviewer's charts hold her region alone.
    let mut reviewer = signed_in(&app, "revue.06@demo.jisr.ma").await;
    let (_, body) = reviewer
        .call("admin/report", asked("received", "", "", "", ""))
        .await;
    let report: Report = serde_json::from_value(body).unwrap();
    assert_eq!(report.charts.regions.len(), 1);
    assert_eq!(report.charts.regions[0].key.code, "06");
    assert_eq!(report.charts.regions[0].target, None);
    assert_eq!(
        report.charts.regions[0].value.value(),
        Some(
            one(
                &app,
                "select count(*) from applications where region_code = '06'"
            )
            .await
        )
    );
}

/// The follow-up's indicators, each counted in Rust from the rows it reads (marks, visits,
/// milestones, financing, surveys) rather than by the report's own SQL, region by region; and
/// each figure's list holds as many women.
#[tokio::test]
async fn the_follow_up_s_indicators_count_the_women_who_reached_each_step() {
    use app::admin::report::{Indicator, TRAINED_MODULES};
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    let app = seeded(1500).await;
    let region_of: HashMap<i64, String> =
        sqlx::query("select id, region_code from applications where status = 'enrolled'")
            .fetch_all(app.db.pool())
            .await
            .unwrap()
            .iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect();
    let women = |sql: &str| {
        let sql = sql.to_owned();
        let app = &app;
        async move {
            sqlx::query(&sql)
                .fetch_all(app.db.pool())
                .await
                .unwrap()
                .iter()
                .map(|row| row.get::<i64, _>(0))
                .collect::<Vec<i64>>()
        }
    };
    let mut modules: HashMap<i64, BTreeSet<String>> = HashMap::new();
    for row in sqlx::query(
        "select t.application_id, s.module from attendance t \
         join training_sessions s on s.id = t.session_id where t.mark = 'present'",
    )
    .fetch_all(app.db.pool())
    .await
    .unwrap()
    {
        modules
            .entry(row.get(0))
            .or_default()
            .insert(row.get::<String, _>(1));
    }
    let expected: Vec<(Indicator, BTreeSet<i64>)> =
        vec![
        (
            Indicator::Trained,
            modules
                .iter()
                .filter(|(_, m)| m.len() as i64 >= TRAINED_MODULES)
                .map(|(id, _)| *id)
                .collect(),
        ),
        (
            Indicator::Coached,
            women("select application_id from coaching_visits").await.into_iter().collect(),
        ),
        (
            Indicator::Formalised,
            women(
                "select application_id from milestones \
                 where milestone = 'legal_form_created' and reached_day is not null",
            )
            .await
            .into_iter()
            .collect(),
        ),
        (
            Indicator::FirstSale,
            women(
                "select application_id from milestones \
                 where milestone = 'first_sale' and reached_day is not null",
            )
            .await
            .into_iter()
            .collect(),
        ),
        (
            Indicator::Financed,
            women("select application_id from financing_lines").await.into_iter().collect(),
        ),
        (
            Indicator::Paid,
            women(
                "select l.application_id from tranches t join financing_lines l \
                 on l.id = t.line_id where t.state in ('paid', 'reconciled')",
            )
            .await
            .into_iter()
            .collect(),
        ),
        (
            Indicator::Operating6,
            women("select application_id from surveys where wave = 'month_6' and operating = true")
                .await
                .into_iter()
                .collect(),
        ),
        (
            Indicator::Operating12,
            women("select application_id from surveys where wave = 'month_12' and operating = true")
                .await
                .into_iter()
                .collect(),
        ),
    ];
    let mut national = signed_in(&app, "national@demo.jisr.ma").await;
    let mut some = 0;
    for (indicator, reached) in expected {
        let mut per_region: BTreeMap<String, i64> = BTreeMap::new();
        for id in &reached {
            // Only women still enrolled are counted.
            if let Some(region) = region_of.get(id) {
                *per_region.entry(region.clone()).or_default() += 1;
            }
        }
        let (response, body) = national
            .call(
                "admin/report",
                asked(indicator.code(), "region", "", "", ""),
            )
            .await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.body);
        let report: Report = serde_json::from_value(body).unwrap();
        let Figures::Exact {
            row_totals, total, ..
        } = &report.figures
        else {
            panic!("exact");
        };
        for (key, n) in report.row_keys.iter().zip(row_totals) {
            assert_eq!(
                *n,
                per_region.get(&key.code).copied().unwrap_or(0),
                "{indicator:?} in {}",
                key.code
            );
        }
        if *total > 0 {
            some += 1;
        }
        // Its list holds as many women.
        let link = report.list_link(None, None);
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(link.split_once('?').unwrap().1.as_bytes())
                .into_owned()
                .collect();
        let filters = Filters::from_query(|name| {
            pairs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        });
        let (_, page) = national
            .call("admin/applications", json!({ "filters": filters }))
            .await;
        if *total <= 1000 {
            assert_eq!(page["total"], *total, "{indicator:?} {link}");
        }
    }
    assert!(some >= 6, "the seed's follow-up reaches most steps");
}

/// The follow-up's figures are for those who run it: a reviewer reads the applications'
/// indicators only, in the report, its exports and the list's filter by a step reached.
#[tokio::test]
async fn a_reviewer_reads_no_follow_up_in_the_report_its_exports_or_the_list() {
    let app = seeded(300).await;
    let mut reviewer = signed_in(&app, "revue.06@demo.jisr.ma").await;
    let (response, _) = reviewer
        .call("admin/report", asked("paid", "sector", "", "", ""))
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    let (response, _) = reviewer
        .call("admin/report", asked("accepted", "sector", "", "", ""))
        .await;
    assert_eq!(response.status, StatusCode::OK);
    let xlsx = reviewer
        .get("/admin/report/export.xlsx?rows=sector&columns=&from=&to=")
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let book = calamine::Xlsx::new(std::io::Cursor::new(xlsx.bytes)).unwrap();
    use calamine::Reader as _;
    assert_eq!(book.sheet_names().len(), 5, "{:?}", book.sheet_names());
    let csv_export = reviewer
        .get("/admin/report/export.csv?rows=sector&columns=&from=&to=")
        .await;
    assert!(!csv_export.body.contains("financ"), "{}", csv_export.body);
    for reached in ["paid", "coached", "operating_6"] {
        let (response, _) = reviewer
            .call(
                "admin/applications",
                json!({"filters": {"reached": reached}}),
            )
            .await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{reached}");
        assert_eq!(
            reviewer
                .get(&format!("/admin/export.csv?reached={reached}"))
                .await
                .status,
            StatusCode::FORBIDDEN,
            "{reached}"
        );
    }
    let mut agent = signed_in(&app, "agent.06@demo.jisr.ma").await;
    let (response, _) = agent
        .call(
            "admin/applications",
            json!({"filters": {"reached": "paid"}}),
        )
        .await;
    assert_eq!(response.status, StatusCode::FORBIDDEN);
    // Their coordinator may.
    let mut coordinator = signed_in(&app, "coordination.06@demo.jisr.ma").await;
    let (response, _) = coordinator
        .call(
            "admin/applications",
            json!({"filters": {"reached": "paid"}}),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK);
}
