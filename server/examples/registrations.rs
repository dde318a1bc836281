//! `make bench`, part (b): complete registrations per second through the real HTTP server,
//! each one every step's server function then the final submission, from 50 clients at once;
//! beside it, the same insert done directly through sqlx in the same run, and the server's
//! peak memory.
//!
//! Usage: `registrations <base-url> <database-url> <server-pid> [registrations]`

mod common;

use anyhow::{bail, Context};
use app::{
    db::Db,
    i18n::Lang,
    registration::{
        answers::{read_application, Rules},
        service::{store_application, today, NewApplication},
        steps::{raw_from_pairs, Raw},
    },
};
use common::{ms, peak_memory_kb, percentile, HttpClient, Session};
use sqlx::Row;
use std::{
    collections::BTreeMap,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Instant,
};

const CLIENTS: usize = 50;

/// The answers of registration number `n`: a different CIN and phone each time, the regions
/// in turn.
fn answers(
    n: usize,
    cin_prefix: &str,
    provinces: &BTreeMap<String, i64>,
) -> Vec<(&'static str, String)> {
    let region = format!("{:02}", n % 12 + 1);
    let province = provinces.get(&region).copied().unwrap_or(1);
    let fixed: &[(&str, &str)] = &[
        ("adult", "yes"),
        ("has_project", "yes"),
        ("situations", "widowed"),
        ("email", ""),
        ("locality", "Fnideq"),
        ("area", "urban"),
        ("marital_status", "widowed"),
        ("dependants", "3"),
        ("household_head", "yes"),
        ("disability", "no"),
        ("education", "primary"),
        ("reading", "reads_a_little"),
        ("rsu", "yes"),
        ("income", "under_1000"),
        ("situation_details", ""),
        ("stage", "informal"),
        ("sector", "agri_food"),
        (
            "description",
            "Je prépare du couscous et des msemen que je vends au marché.",
        ),
        ("support", "training"),
        ("cooperative_member", "no"),
        ("budget", "10000_49999"),
        ("centre", "Tétouan"),
        ("availability", "mornings"),
        ("training_language", "darija"),
        ("consent", "yes"),
    ];
    let mut all: Vec<(&'static str, String)> =
        fixed.iter().map(|(k, v)| (*k, v.to_string())).collect();
    all.push(("region", region));
    all.push(("province", province.to_string()));
    all.push(("cin", format!("{cin_prefix}{n:06}")));
    // Names and birth dates vary as a real population's do: the same name with the same date
    // of birth is rare (and flagged when it happens).
    const FIRST: [&str; 12] = [
        "Fatima",
        "Khadija",
        "Amina",
        "Naima",
        "Zahra",
        "Malika",
        "فاطمة",
        "خديجة",
        "Samira",
        "Hafsa",
        "Rachida",
        "Imane",
    ];
    const LAST: [&str; 12] = [
        "El Amrani",
        "Bennani",
        "Alaoui",
        "Tazi",
        "Idrissi",
        "Berrada",
        "بناني",
        "العلوي",
        "Ouazzani",
        "Chraibi",
        "Fassi",
        "Naciri",
    ];
    all.push(("first_name", FIRST[n % 12].to_owned()));
    all.push(("last_name", LAST[(n / 12) % 12].to_owned()));
    let born = time::Date::from_calendar_date(1960, time::Month::January, 1)
        .map(|d| d + time::Duration::days(((n * 7919) % 16_000) as i64))
        .map(app::registration::fields::iso_date)
        .unwrap_or_else(|_| "1985-03-14".to_owned());
    all.push(("birth_date", born));
    all.push(("phone", format!("06{:08}", n % 100_000_000)));
    all
}

fn step_of(name: &str) -> &'static str {
    match app::registration::steps::Step::of_field(name) {
        Some(step) => match step {
            app::registration::steps::Step::Eligibility => "Eligibility",
            app::registration::steps::Step::Identity => "Identity",
            app::registration::steps::Step::Residence => "Residence",
            app::registration::steps::Step::Situation => "Situation",
            app::registration::steps::Step::Schooling => "Schooling",
            app::registration::steps::Step::Project => "Project",
            app::registration::steps::Step::Preferences => "Preferences",
            app::registration::steps::Step::Consent => "Consent",
        },
        None => "",
    }
}

/// One complete registration: every step, the answers page's data, the submission.
async fn register(session: &mut Session, answers: &[(&'static str, String)]) -> anyhow::Result<()> {
    for step in [
        "Eligibility",
        "Identity",
        "Residence",
        "Situation",
        "Schooling",
        "Project",
        "Preferences",
        "Consent",
    ] {
        let fields: Vec<(&str, &str)> = answers
            .iter()
            .filter(|(name, _)| step_of(name) == step)
            .map(|(n, v)| (*n, v.as_str()))
            .collect();
        let body = serde_json::json!({ "step": step, "fields": fields, "back_to_check": false });
        let reply = session
            .post("/api/wizard/save", "application/json", body.to_string())
            .await?;
        if reply.get("Next").is_none() {
            bail!("{step} refused: {reply}");
        }
    }
    let view = session
        .post(
            "/api/wizard/view",
            "application/x-www-form-urlencoded",
            String::new(),
        )
        .await?;
    let key = view["idempotency_key"]
        .as_str()
        .context("no idempotency key")?
        .to_owned();
    let reply = session
        .post(
            "/api/wizard/submit",
            "application/x-www-form-urlencoded",
            format!("idempotency_key={key}"),
        )
        .await?;
    if reply != serde_json::json!({ "Next": "/register/submitted" }) {
        bail!("submission refused: {reply}");
    }
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, base, database_url, pid, rest @ ..] = args.as_slice() else {
        bail!("usage: registrations <base-url> <database-url> <server-pid> [registrations]");
    };
    let total: usize = rest.first().map_or(Ok(2_000), |n| n.parse())?;
    let pid: u32 = pid.parse()?;
    let db = Db::connect(database_url).await?;
    let provinces: BTreeMap<String, i64> =
        sqlx::query("select region_code, min(id) as id from provinces group by region_code")
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|row| (row.get("region_code"), row.get("id")))
            .collect();
    let client: HttpClient = common::client(CLIENTS);
    let provinces = Arc::new(provinces);

    // Through the HTTP server.
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (client, base, next, provinces) = (
            client.clone(),
            base.clone(),
            next.clone(),
            provinces.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    return Ok::<_, anyhow::Error>(latencies);
                }
                let mut session = Session {
                    client: client.clone(),
                    base: base.clone(),
                    cookies: BTreeMap::new(),
                };
                let begun = Instant::now();
                register(&mut session, &answers(n, "HT", &provinces)).await?;
                latencies.push(begun.elapsed());
            }
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await??);
    }
    let http_elapsed = started.elapsed();
    latencies.sort();
    let http_rate = total as f64 / http_elapsed.as_secs_f64();

    // The same insert straight through sqlx, from as many tasks.
    let rules = Rules {
        today: today(),
        regions: (1..=12).map(|n| format!("{n:02}")).collect(),
        provinces: provinces.values().copied().collect(),
    };
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (db, next, provinces, rules) =
            (db.clone(), next.clone(), provinces.clone(), rules.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    return Ok::<_, anyhow::Error>(());
                }
                let raw: Raw = raw_from_pairs(
                    answers(n, "SQ", &provinces)
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v)),
                );
                let application =
                    read_application(&raw, &rules).map_err(|e| anyhow::anyhow!("{e:?}"))?;
                let key = format!("bench-{n}");
                let stored = store_application(
                    &db,
                    &NewApplication {
                        application: &application,
                        answers: &raw,
                        idempotency_key: &key,
                        lang: Lang::Fr,
                        consented_at: 0,
                        submitted_at: app::clock::now(),
                        draft_token: None,
                        entered_by: None,
                        client_key: None,
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
                if stored.0.is_empty() {
                    bail!("raw insert {n} has no reference");
                }
            }
        }));
    }
    for task in tasks {
        task.await??;
    }
    let raw_rate = total as f64 / started.elapsed().as_secs_f64();

    println!(
        "Registrations ({total}, {CLIENTS} concurrent clients, {} database):",
        if database_url.starts_with("sqlite") {
            "SQLite"
        } else {
            "PostgreSQL"
        }
    );
    println!("  through HTTP (7 step saves + view + submit each): {http_rate:.0} registrations/s");
    println!(
        "  latency of a whole registration: p50 {:.0} ms, p99 {:.0} ms",
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.99))
    );
    println!("  the same insert straight through sqlx: {raw_rate:.0} inserts/s");
    let ratio = http_rate / raw_rate * 100.0;
    println!("  HTTP / raw: {ratio:.0}% (aim: at least 50%)");
    match peak_memory_kb(pid) {
        Some(kb) => println!(
            "  server's peak memory (VmHWM): {:.1} MB",
            kb as f64 / 1024.0
        ),
        None => println!("  server's peak memory: unknown (no /proc/{pid}/status)"),
    }
    db.close().await;
    Ok(())
}
