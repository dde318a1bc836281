//! `make bench`, part (b): complete registrations per second through the real HTTP server,
//! from 50 clients at once, sending what a phone sends on each of her two paths: with
//! JavaScript (the first page, then each step's server function, whose answer carries the data
//! of the page it opens, then the submission) and without (each step's page and its form, the answers page,
//! the submission, the confirmation). For each: registrations per second, latency, and the
//! server's own CPU time per registration; beside them, the same insert done directly through
//! sqlx in the same run, and the server's peak memory.
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
use common::{cpu_time, ms, peak_memory_kb, percentile, HttpClient, Session};
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

const STEPS: [&str; 8] = [
    "Eligibility",
    "Identity",
    "Residence",
    "Situation",
    "Schooling",
    "Project",
    "Preferences",
    "Consent",
];

/// The two ways a phone registers.
#[derive(Clone, Copy)]
enum Path {
    /// Hydrated: server functions.
    ServerFunctions,
    /// Without JavaScript: pages and forms.
    PlainForms,
}

const HTML: &str = "text/html";
const FORM: &str = "application/x-www-form-urlencoded";

async fn page(session: &mut Session, path: &str) -> anyhow::Result<common::Answer> {
    let answer = session
        .send(http::Method::GET, path, None, HTML, String::new())
        .await?;
    if answer.status != http::StatusCode::OK {
        bail!("GET {path}: {}", answer.status);
    }
    Ok(answer)
}

/// Posts a form as the browser does and checks it is sent on to `expected`.
async fn post_form(
    session: &mut Session,
    path: &str,
    pairs: &[(&str, &str)],
    expected: &str,
) -> anyhow::Result<()> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    let answer = session
        .send(http::Method::POST, path, Some(FORM), HTML, body)
        .await?;
    if !answer.status.is_redirection() || answer.location.as_deref() != Some(expected) {
        bail!(
            "POST {path}: {} to {:?}: {}",
            answer.status,
            answer.location,
            String::from_utf8_lossy(&answer.body)
        );
    }
    Ok(())
}

/// One complete registration, as a hydrated phone does it: the first step's page, then each
/// step's save (its answer carries the data of the page it opens), then the submission.
async fn register_with_javascript(
    session: &mut Session,
    answers: &[(&'static str, String)],
) -> anyhow::Result<()> {
    page(session, "/register/eligibility").await?;
    let mut key = None;
    for step in STEPS {
        let fields: Vec<(&str, &str)> = answers
            .iter()
            .filter(|(name, _)| step_of(name) == step)
            .map(|(n, v)| (*n, v.as_str()))
            .collect();
        let body = serde_json::json!({ "step": step, "fields": fields, "back_to_check": false });
        let saved = session
            .post("/api/wizard/save", "application/json", body.to_string())
            .await?;
        if saved["reply"].get("Next").is_none() {
            bail!("{step} refused: {saved}");
        }
        // The save brings the next page's data: the page opens without asking for it.
        key = saved["next_view"]["idempotency_key"]
            .as_str()
            .map(str::to_owned);
    }
    let key = key.context("no idempotency key")?;
    let reply = session
        .post("/api/wizard/submit", FORM, format!("idempotency_key={key}"))
        .await?;
    if reply != serde_json::json!({ "Next": "/register/submitted" }) {
        bail!("submission refused: {reply}");
    }
    Ok(())
}

/// One complete registration without JavaScript: each step's page and its form, the answers
/// page and its form, the confirmation page.
async fn register_with_forms(
    session: &mut Session,
    answers: &[(&'static str, String)],
) -> anyhow::Result<()> {
    for (i, step) in STEPS.iter().enumerate() {
        let path = format!("/register/{}", step.to_lowercase());
        page(session, &path).await?;
        let fields: Vec<(&str, &str)> = answers
            .iter()
            .filter(|(name, _)| step_of(name) == *step)
            .map(|(n, v)| (*n, v.as_str()))
            .collect();
        let next = match STEPS.get(i + 1) {
            Some(next) => format!("/register/{}", next.to_lowercase()),
            None => "/register/check".to_owned(),
        };
        post_form(session, &path, &fields, &next).await?;
    }
    let check = page(session, "/register/check").await?;
    let html = String::from_utf8_lossy(&check.body);
    let key = html
        .split_once(r#"name="idempotency_key" value=""#)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(key, _)| key.to_owned())
        .context("no idempotency key on the answers page")?;
    post_form(
        session,
        "/register/check",
        &[("idempotency_key", &key)],
        "/register/submitted",
    )
    .await?;
    page(session, "/register/submitted").await?;
    Ok(())
}

/// What one path gave: registrations per second, latencies, server CPU per registration.
struct Figures {
    rate: f64,
    latencies: Vec<std::time::Duration>,
    cpu: Option<std::time::Duration>,
}

async fn through_http(
    path: Path,
    client: &HttpClient,
    base: &str,
    pid: u32,
    total: usize,
    first: usize,
    provinces: &Arc<BTreeMap<String, i64>>,
) -> anyhow::Result<Figures> {
    let next = Arc::new(AtomicUsize::new(first));
    let cpu_before = cpu_time(pid);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (client, base, next, provinces) = (
            client.clone(),
            base.to_owned(),
            next.clone(),
            provinces.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= first + total {
                    return Ok::<_, anyhow::Error>(latencies);
                }
                let mut session = Session {
                    client: client.clone(),
                    base: base.clone(),
                    cookies: BTreeMap::new(),
                    bearer: None,
                };
                let answers = answers(n, "HT", &provinces);
                let begun = Instant::now();
                match path {
                    Path::ServerFunctions => {
                        register_with_javascript(&mut session, &answers).await?
                    }
                    Path::PlainForms => register_with_forms(&mut session, &answers).await?,
                }
                latencies.push(begun.elapsed());
            }
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await??);
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let cpu = cpu_before
        .zip(cpu_time(pid))
        .map(|(before, after)| (after - before) / total as u32);
    Ok(Figures {
        rate: total as f64 / elapsed.as_secs_f64(),
        latencies,
        cpu,
    })
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

    // The applicants' pages with no application stored, for part (c) to compare.
    let empty = common::time_applicant_pages(&client, base, 200).await?;
    if let Ok(file) = std::env::var("BENCH_PAGES_FILE") {
        let figures: BTreeMap<&str, f64> = empty.iter().map(|(name, d)| (*name, ms(*d))).collect();
        std::fs::write(file, serde_json::to_string(&figures)?)?;
    }

    // Through the HTTP server, on each path.
    let scripted = through_http(
        Path::ServerFunctions,
        &client,
        base,
        pid,
        total,
        0,
        &provinces,
    )
    .await
    .context("with JavaScript")?;
    let plain = through_http(
        Path::PlainForms,
        &client,
        base,
        pid,
        total,
        total,
        &provinces,
    )
    .await
    .context("without JavaScript")?;

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
    for (name, figures, cpu_aim) in [
        (
            "with JavaScript (first page, 8 saves bringing the next page's data, submit)",
            &scripted,
            2.0,
        ),
        (
            "without JavaScript (8 pages + 8 forms, answers page + form, confirmation)",
            &plain,
            3.0,
        ),
    ] {
        println!("  {name}:");
        println!("    {:.0} registrations/s", figures.rate);
        println!(
            "    latency of a whole registration: p50 {:.0} ms, p99 {:.0} ms",
            ms(percentile(&figures.latencies, 0.50)),
            ms(percentile(&figures.latencies, 0.99))
        );
        match figures.cpu {
            Some(cpu) => println!(
                "    server CPU per registration: {:.1} ms (aim: at most {cpu_aim:.0} ms)",
                ms(cpu)
            ),
            None => println!("    server CPU per registration: unknown (no /proc/{pid}/stat)"),
        }
    }
    println!("  the same insert straight through sqlx: {raw_rate:.0} inserts/s");
    if let Some((batches, writes)) = db.group_commits() {
        println!(
            "    committed in {batches} transactions ({:.1} writes per commit)",
            writes as f64 / batches.max(1) as f64
        );
    }
    println!(
        "  with JavaScript / raw: {:.0}% (aim: at least 50%); without: {:.0}%",
        scripted.rate / raw_rate * 100.0,
        plain.rate / raw_rate * 100.0
    );
    println!("  with no application stored (p50 of 200 each):");
    for (name, p50) in &empty {
        println!("    {name:<40} {:>6.2} ms", ms(*p50));
    }
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
