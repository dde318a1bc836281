//! `make bench`, part (c): the admin console on a database of a million seeded applications.
//! Latency (p50, p95) of the dashboard figures, the filtered and searched list and the
//! application page, through the real HTTP server; the dashboard's figures computed without
//! the cache too; then the CSV export of every row, in rows per second, and the server's peak
//! memory.
//!
//! Usage: `console <base-url> <database-url> <server-pid> <staff-password> [samples]`

mod common;

use anyhow::{bail, Context};
use app::{admin::dashboard::repo, db::Db};
use common::{measure, ms, peak_memory_kb, percentile, report, signed_in, FORM, JSON};
use http_body_util::BodyExt;
use serde_json::json;
use sqlx::Row;
use std::{
    collections::BTreeMap,
    time::{Duration, Instant},
};

fn list(filters: serde_json::Value) -> String {
    json!({ "filters": filters }).to_string()
}

/// Search texts staff type: one- and two-letter starts in both scripts (the article "ال" most
/// Arabic surnames start with among them), whole names, two words, and numbers.
const SEARCHES: &[&str] = &[
    "ال",
    "ا",
    "م",
    "ب",
    "بن",
    "فا",
    "f",
    "b",
    "el",
    "a",
    "k",
    "ha",
    "fatima",
    "bennani",
    "khadija el",
    "فاطمة",
    "الإدريسي",
    "نعيمة بن",
    "zeroual",
    "zz",
    "ق",
];

/// Draws one filter combination from what the list's form offers, for staff of `region`
/// (none: national).
fn draw_filters(
    rng: &mut fastrand::Rng,
    region: Option<&str>,
    provinces: &[(i64, String)],
    days: (time::Date, time::Date),
    numbers: &[&str],
) -> serde_json::Value {
    let mut filters = serde_json::Map::new();
    let mut put = |name: &str, value: serde_json::Value| {
        filters.insert(name.to_owned(), value);
    };
    let chosen_region = match region {
        Some(region) => Some(region.to_owned()),
        None if rng.u8(0..3) == 0 => Some(format!("{:02}", rng.u8(1..13))),
        None => None,
    };
    if region.is_none() {
        if let Some(code) = &chosen_region {
            put("region", json!(code));
        }
    }
    if rng.u8(0..6) == 0 {
        let inside: Vec<i64> = provinces
            .iter()
            .filter(|(_, r)| chosen_region.as_ref().is_none_or(|c| c == r))
            .map(|(id, _)| *id)
            .collect();
        if !inside.is_empty() {
            put(
                "province",
                json!(inside[rng.usize(0..inside.len())].to_string()),
            );
        }
    }
    // What the filter form offers, from the same lists.
    let statuses: Vec<&str> = std::iter::once(app::admin::applications::filters::OPEN_STATUSES)
        .chain(app::admin::workflow::Status::ALL.iter().map(|s| s.code()))
        .collect();
    if rng.u8(0..5) < 3 {
        put("status", json!(statuses[rng.usize(0..statuses.len())]));
    }
    let sectors = app::registration::choices::Sector::ALL;
    if rng.u8(0..10) < 3 {
        put("sector", json!(sectors[rng.usize(0..sectors.len())].code()));
    }
    let stages = app::registration::choices::ProjectStage::ALL;
    if rng.u8(0..4) == 0 {
        put("stage", json!(stages[rng.usize(0..stages.len())].code()));
    }
    if rng.u8(0..4) == 0 {
        put(
            "channel",
            json!(if rng.bool() { "self" } else { "assisted" }),
        );
    }
    if rng.u8(0..4) == 0 {
        let span = (days.1 - days.0).whole_days().max(1);
        let from = days.0 + time::Duration::days(rng.i64(0..span));
        let to = from + time::Duration::days(rng.i64(0..30));
        if rng.bool() {
            put("from", json!(from.to_string()));
        }
        put("to", json!(to.to_string()));
    }
    if rng.u8(0..10) == 0 {
        put("flagged", json!(true));
    }
    match rng.u8(0..20) {
        0..=6 => put("q", json!(SEARCHES[rng.usize(0..SEARCHES.len())])),
        7 => put("q", json!(numbers[rng.usize(0..numbers.len())])),
        _ => {}
    }
    put("sort", json!(["Newest", "Oldest", "Name"][rng.usize(0..3)]));
    serde_json::Value::Object(filters)
}

/// Filter combinations drawn at random (seeded) from the list's form, for each role's scope:
/// each one's first page three times, then its pages followed from one to the next as staff
/// page through (deep pages), the last page reached from the other end. Prints the p95 over
/// every call and the worst combinations (aim: every one at most 100 ms).
async fn random_filters(
    base: &str,
    password: &str,
    db: &Db,
    references: &[String],
    cins: &[String],
) -> anyhow::Result<()> {
    let combos: usize = std::env::var("BENCH_COMBOS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150);
    let provinces: Vec<(i64, String)> = sqlx::query("select id, region_code from provinces")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|r| (r.get("id"), r.get("region_code")))
        .collect();
    let span: (i64, i64) = {
        let row = sqlx::query("select min(submitted_at), max(submitted_at) from applications")
            .fetch_one(db.pool())
            .await?;
        (row.get(0), row.get(1))
    };
    let day = |at: i64| {
        time::OffsetDateTime::from_unix_timestamp(at)
            .map(|t| t.date())
            .unwrap_or(time::Date::MIN)
    };
    let days = (day(span.0), day(span.1));
    let numbers: Vec<&str> = references
        .iter()
        .take(10)
        .chain(cins.iter().take(10))
        .map(String::as_str)
        .collect();
    let mut rng = fastrand::Rng::with_seed(2026);
    let roles = [
        ("national@demo.jisr.ma", None),
        ("coordination.06@demo.jisr.ma", Some("06")),
        ("revue.06@demo.jisr.ma", Some("06")),
        ("agent.06@demo.jisr.ma", Some("06")),
    ];
    let mut sessions = Vec::new();
    for (email, _) in roles {
        sessions.push(signed_in(base, email, password).await?);
    }
    let mut all = Vec::new();
    let mut worst: Vec<(Duration, String, String)> = Vec::new();
    let mut deep = Vec::new();
    for n in 0..combos {
        let (email, region) = roles[n % roles.len()];
        let session = &mut sessions[n % roles.len()];
        let filters = draw_filters(&mut rng, region, &provinces, days, &numbers);
        let mut first = Vec::new();
        let mut reply = serde_json::Value::Null;
        for _ in 0..3 {
            let begun = Instant::now();
            reply = session
                .post("/api/admin/applications", JSON, list(filters.clone()))
                .await
                .with_context(|| format!("{email} {filters}"))?;
            first.push(begun.elapsed());
        }
        first.sort();
        all.extend(first.iter().copied());
        worst.push((first[1], email.to_owned(), filters.to_string()));
        // Staff paging through: up to 40 pages deep for one combination in five.
        let depth = if n % 5 == 0 { 40 } else { 3 };
        let mut cursor = reply["next"].as_str().map(str::to_owned);
        let mut page = 1;
        while let Some(after) = cursor.take() {
            if page >= depth {
                break;
            }
            page += 1;
            let mut next = filters.clone();
            next["after"] = json!(after);
            next["page"] = json!(page);
            let begun = Instant::now();
            let reply = session
                .post("/api/admin/applications", JSON, list(next.clone()))
                .await?;
            let took = begun.elapsed();
            all.push(took);
            if page == depth {
                deep.push(took);
            }
            worst.push((took, email.to_owned(), next.to_string()));
            cursor = reply["next"].as_str().map(str::to_owned);
        }
        // The last page, from the other end.
        let mut last = filters.clone();
        last["last"] = json!(true);
        let begun = Instant::now();
        session
            .post("/api/admin/applications", JSON, list(last.clone()))
            .await?;
        let took = begun.elapsed();
        all.push(took);
        worst.push((took, email.to_owned(), last.to_string()));
    }
    all.sort();
    deep.sort();
    worst.sort_by_key(|b| std::cmp::Reverse(b.0));
    println!(
        "  filter combinations drawn at random ({combos}, 4 roles' scopes; first pages, pages followed, last pages: {} calls):",
        all.len()
    );
    println!(
        "    p50 {:.1} ms   p95 {:.1} ms   worst {:.1} ms (aim: p95 at most 100 ms)",
        ms(percentile(&all, 0.5)),
        ms(percentile(&all, 0.95)),
        ms(all.last().copied().unwrap_or_default())
    );
    if !deep.is_empty() {
        println!(
            "    the 40th page, followed from the first: p50 {:.1} ms   p95 {:.1} ms",
            ms(percentile(&deep, 0.5)),
            ms(percentile(&deep, 0.95))
        );
    }
    println!("    the slowest calls:");
    let shown = std::env::var("BENCH_WORST")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    for (took, email, filters) in worst.iter().take(shown) {
        println!("      {:>7.1} ms  {email}  {filters}", ms(*took));
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, database_url, pid, password, rest @ ..] = args.as_slice() else {
        bail!("usage: console <base-url> <database-url> <server-pid> <staff-password> [samples]");
    };
    let samples: usize = rest.first().map_or(Ok(100), |n| n.parse())?;
    let pid: u32 = pid.parse()?;
    let db = Db::connect(database_url).await?;
    let rows: i64 = sqlx::query("select count(*) from applications")
        .fetch_one(db.pool())
        .await?
        .get(0);
    // Applications to open and find, spread over the table.
    let picked = sqlx::query(
        "select id, reference, cin, first_name from applications where id % 997 = 0 \
         order by id limit 200",
    )
    .fetch_all(db.pool())
    .await?;
    let ids: Vec<i64> = picked.iter().map(|r| r.get("id")).collect();
    let references: Vec<String> = picked.iter().map(|r| r.get("reference")).collect();
    let cins: Vec<String> = picked.iter().map(|r| r.get("cin")).collect();
    let regional_ids: Vec<i64> = sqlx::query(
        "select id from applications where region_code = '06' and id % 101 = 0 limit 200",
    )
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| r.get("id"))
    .collect();
    if ids.is_empty() || regional_ids.is_empty() {
        bail!("seed the database first (server seed --applications 1000000)");
    }
    println!("Admin console ({rows} applications, {samples} calls each, one client):");
    // BENCH_RANDOM_ONLY: the random filter combinations alone, to try a change to the list.
    if std::env::var_os("BENCH_RANDOM_ONLY").is_some() {
        return random_filters(base, password, &db, &references, &cins).await;
    }

    // The applicants' pages, against the same pages with no application stored (part b).
    let full = common::time_applicant_pages(&common::client(1), base, 200).await?;
    let empty: BTreeMap<String, f64> = std::env::var("BENCH_PAGES_FILE")
        .ok()
        .and_then(|file| std::fs::read_to_string(file).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    println!(
        "  applicants' pages, p50 of 200 each (aim: within 10% of the figure with none stored):"
    );
    for (name, p50) in &full {
        match empty.get(*name) {
            Some(none) => println!(
                "    {name:<40} {:>6.2} ms   with none stored {none:>6.2} ms   {:+.0}%",
                ms(*p50),
                (ms(*p50) / none - 1.0) * 100.0
            ),
            None => println!("    {name:<40} {:>6.2} ms", ms(*p50)),
        }
    }

    // Twenty staff sign in at once, then each opens her dashboard and lists.
    let mut team = Vec::new();
    let emails = (1..=12)
        .map(|n| format!("coordination.{n:02}@demo.jisr.ma"))
        .chain((1..=8).map(|n| format!("revue.{n:02}@demo.jisr.ma")));
    for email in emails {
        let (base, password) = (base.clone(), password.clone());
        team.push(tokio::spawn(async move {
            let mut session = signed_in(&base, &email, &password).await?;
            session
                .post("/api/admin/dashboard", FORM, String::new())
                .await?;
            for filters in [
                json!({}),
                json!({"status": "open"}),
                json!({"flagged": true}),
            ] {
                session
                    .post("/api/admin/applications", JSON, list(filters))
                    .await?;
            }
            Ok::<_, anyhow::Error>(())
        }));
    }
    for member in team {
        member.await??;
    }
    match peak_memory_kb(pid) {
        Some(kb) => println!(
            "  server's peak memory after 20 staff signed in and worked: {:.1} MB (aim: at most 60 MB)",
            kb as f64 / 1024.0
        ),
        None => println!("  server's peak memory: unknown (no /proc/{pid}/status)"),
    }

    // The dashboard's figures computed from the database, as a cache miss does.
    for (name, region) in [("national", None), ("region 06", Some("06"))] {
        let mut latencies = Vec::new();
        for _ in 0..samples.min(20) {
            let begun = Instant::now();
            repo::dashboard(&db, region)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            latencies.push(begun.elapsed());
        }
        report(&format!("dashboard figures computed, {name}"), latencies);
    }

    let mut national = signed_in(base, "national@demo.jisr.ma", password).await?;
    let mut coordinator = signed_in(base, "coordination.06@demo.jisr.ma", password).await?;
    measure(
        &mut national,
        "dashboard as served, national",
        samples,
        "/api/admin/dashboard",
        FORM,
        |_| String::new(),
    )
    .await?;
    measure(
        &mut coordinator,
        "dashboard as served, region 06",
        samples,
        "/api/admin/dashboard",
        FORM,
        |_| String::new(),
    )
    .await?;
    measure(
        &mut national,
        "list, national, newest first",
        samples,
        "/api/admin/applications",
        JSON,
        |_| list(json!({})),
    )
    .await?;
    measure(&mut national, "list, region + status + sector", samples, "/api/admin/applications", JSON, |i| {
        let sectors = ["agriculture", "textile", "digital", "services"];
        list(json!({"region": format!("{:02}", i % 12 + 1), "status": "under_review", "sector": sectors[i % 4]}))
    }).await?;
    measure(&mut national, "list, date range + channel, sorted by name", samples, "/api/admin/applications", JSON, |i| {
        list(json!({"from": "2026-10-15", "to": "2026-11-15", "channel": if i % 2 == 0 { "assisted" } else { "self" }, "sort": "Name"}))
    }).await?;
    // Page 40 of a filter, reached as staff reach it: from one page to the next.
    let mut cursor = String::new();
    for page in 2..=40 {
        let reply = national
            .post(
                "/api/admin/applications",
                JSON,
                list(json!({"status": "submitted", "after": cursor, "page": page - 1})),
            )
            .await?;
        cursor = reply["next"]
            .as_str()
            .context("fewer than 40 pages")?
            .to_owned();
    }
    measure(
        &mut national,
        "list, page 40 of a filter",
        samples,
        "/api/admin/applications",
        JSON,
        |_| list(json!({"status": "submitted", "after": cursor, "page": 40})),
    )
    .await?;
    measure(
        &mut coordinator,
        "list, coordinator of 06, flagged only",
        samples,
        "/api/admin/applications",
        JSON,
        |_| list(json!({"flagged": true})),
    )
    .await?;
    measure(
        &mut national,
        "search by name (Latin and Arabic prefixes)",
        samples,
        "/api/admin/applications",
        JSON,
        |i| {
            let names = ["fatima", "khadija el", "فاطمة", "bennani", "نعيمة", "hafsa"];
            list(json!({"q": names[i % names.len()]}))
        },
    )
    .await?;
    measure(
        &mut national,
        "search by reference",
        samples,
        "/api/admin/applications",
        JSON,
        |i| list(json!({"q": references[i % references.len()]})),
    )
    .await?;
    measure(
        &mut national,
        "search by CIN",
        samples,
        "/api/admin/applications",
        JSON,
        |i| list(json!({"q": cins[i % cins.len()]})),
    )
    .await?;
    measure(
        &mut national,
        "application page",
        samples,
        "/api/admin/application",
        FORM,
        |i| format!("id={}", ids[i % ids.len()]),
    )
    .await?;
    measure(
        &mut coordinator,
        "application page, coordinator of 06",
        samples,
        "/api/admin/application",
        FORM,
        |i| format!("id={}", regional_ids[i % regional_ids.len()]),
    )
    .await?;

    random_filters(base, password, &db, &references, &cins).await?;

    // The export of every row.
    let before = peak_memory_kb(pid);
    let cookie = national
        .cookies
        .iter()
        .map(|(n, v)| format!("{n}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let request = http::Request::get(format!("{base}/admin/export.csv"))
        .header(http::header::COOKIE, cookie)
        .body(http_body_util::Full::new(axum::body::Bytes::new()))?;
    let begun = Instant::now();
    let response = national.client.request(request).await?;
    if !response.status().is_success() {
        bail!("export: {}", response.status());
    }
    let mut body = response.into_body();
    let (mut bytes, mut lines) = (0usize, 0usize);
    while let Some(frame) = body.frame().await {
        if let Ok(data) = frame?.into_data() {
            bytes += data.len();
            lines += data.iter().filter(|b| **b == b'\n').count();
        }
    }
    let elapsed = begun.elapsed();
    let exported = lines.saturating_sub(1);
    println!(
        "  CSV export of every row: {exported} rows, {:.1} MB in {:.1} s: {:.0} rows/s",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64(),
        exported as f64 / elapsed.as_secs_f64()
    );
    if exported as i64 != rows {
        bail!("the export has {exported} rows, the table {rows}");
    }
    match (before, peak_memory_kb(pid)) {
        (Some(before), Some(after)) => println!(
            "  server's peak memory: {:.1} MB before the export, {:.1} MB after (aim: at most 100 MB)",
            before as f64 / 1024.0,
            after as f64 / 1024.0
        ),
        _ => println!("  server's peak memory: unknown (no /proc/{pid}/status)"),
    }
    Ok(())
}
