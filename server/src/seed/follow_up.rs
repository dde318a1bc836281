//! The follow-up of the seeded women who are enrolled: each region's incubators and centre,
//! a demo coach for each incubator, cohorts of about thirty women started at dates spread over
//! the past year, two training sessions a week with each woman's attendance, coaching visits
//! at the cohort's rhythm (a few missed, so some fall overdue), the milestones of her project,
//! financing lines with their tranches at every stage, and her surveys. All of it coherent
//! with her application and with what the console itself would have written.

use anyhow::Context;
use app::{
    admin::{
        passwords::PasswordHashString,
        programme::{
            FinancingKind, Funder, LegalForm, Milestone, SurveyWave, TrainingModule, VisitKind,
        },
        roles::Role,
        staff::repo::{insert_staff, NewStaff},
    },
    clock,
    db::Db,
};
use sqlx::Row;

/// How long before now the enrolled women applied, at least (their cohorts began since).
pub const ENROLLED_AGO_DAYS: i64 = 400;

/// Women per cohort.
const COHORT_SIZE: usize = 30;
/// Days between two coaching visits in the seeded cohorts.
const RHYTHM: i64 = 14;
/// Rows per insert statement (at most 9 values each, under both databases' limits).
const ROWS: usize = 500;

/// A progress bar on the terminal (nothing when the output is not one).
pub fn progress(total: u64, what: &'static str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg:>14} [{bar:30}] {pos}/{len} ({percent}%, {eta} left)",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what);
    bar
}

/// What was made.
#[derive(Debug, Default)]
pub struct Made {
    pub women: usize,
    pub cohorts: usize,
    pub sessions: usize,
    pub marks: usize,
    pub visits: usize,
    pub tranches: usize,
}

/// A value to insert.
#[derive(Clone, Debug)]
enum V {
    I(i64),
    T(String),
    NullI,
    NullT,
    B(bool),
    NullB,
}

/// Inserts `values` (rows of `width` values, in order) with `head` (`insert into t (a, b)
/// values`), a few hundred rows a statement; `tail` ends each statement (`returning id`).
/// Returns the rows each statement returned.
async fn insert(
    tx: &mut sqlx::AnyConnection,
    head: &str,
    width: usize,
    values: &[V],
    tail: &str,
) -> anyhow::Result<Vec<sqlx::any::AnyRow>> {
    let mut returned = Vec::new();
    for chunk in values.chunks(width * ROWS) {
        let mut sql = String::with_capacity(head.len() + chunk.len() * 6);
        sql.push_str(head);
        for (r, _) in chunk.chunks(width).enumerate() {
            sql.push_str(if r == 0 { " (" } else { ", (" });
            for c in 0..width {
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", r * width + c + 1));
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(tail);
        let mut query = sqlx::query(&sql);
        for value in chunk {
            query = match value {
                V::I(n) => query.bind(*n),
                V::T(t) => query.bind(t.clone()),
                V::NullI => query.bind(None::<i64>),
                V::NullT => query.bind(None::<String>),
                V::B(b) => query.bind(*b),
                V::NullB => query.bind(None::<bool>),
            };
        }
        returned.extend(
            query
                .fetch_all(&mut *tx)
                .await
                .with_context(|| head.to_owned())?,
        );
    }
    Ok(returned)
}

fn pick<T: Copy>(rng: &mut fastrand::Rng, list: &[T]) -> T {
    list[rng.usize(0..list.len())]
}

/// A region's two incubators (each with its coach) and its centre, made if the region has
/// no site yet; the region's demo centre agent is attached to the centre.
async fn sites(
    db: &Db,
    region: &str,
    hash: &PasswordHashString,
    now: i64,
) -> anyhow::Result<Vec<(i64, Option<i64>)>> {
    let existing: Vec<(i64, Option<i64>)> = sqlx::query(
        "select s.id, (select min(t.id) from staff t where t.site_id = s.id \
             and t.role = 'incubator_coach' and t.active = true) as coach \
         from sites s where s.region_code = $1 and s.kind = 'incubator' order by s.id",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| Ok((row.try_get("id")?, row.try_get("coach")?)))
    .collect::<Result<_, sqlx::Error>>()?;
    if !existing.is_empty() {
        return Ok(existing);
    }
    let provinces = sqlx::query(
        "select id, name_fr, name_ar from provinces where region_code = $1 order by id limit 2",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    let mut made = Vec::new();
    let _turn = db.writing().await;
    for (i, province) in provinces.iter().enumerate() {
        let (id, fr, ar): (i64, String, String) = (
            province.try_get("id")?,
            province.try_get("name_fr")?,
            province.try_get("name_ar")?,
        );
        let incubator: i64 = sqlx::query(
            "insert into sites (region_code, province_id, kind, name_fr, name_ar, address_fr, \
                 address_ar, capacity, created_at) \
             values ($1, $2, 'incubator', $3, $4, $5, $6, 120, $7) returning id",
        )
        .bind(region)
        .bind(id)
        .bind(format!("Incubateur social de {fr}"))
        .bind(format!("الحاضنة الاجتماعية {ar}"))
        .bind(format!("Avenue Hassan II, {fr}"))
        .bind(format!("شارع الحسن الثاني، {ar}"))
        .bind(now)
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
        let email = if i == 0 {
            format!("coach.{region}@demo.jisr.ma")
        } else {
            format!("coach.{region}.b@demo.jisr.ma")
        };
        let name = format!("Salma Coach {region}{}", if i == 0 { "" } else { " B" });
        insert_staff(
            db.pool(),
            &NewStaff {
                email: &email,
                name: &name,
                role: Role::IncubatorCoach,
                region: Some(region),
                site: Some(incubator),
                temporary: false,
                demo: true,
            },
            hash,
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let coach: Option<i64> =
            sqlx::query("select id from staff where email = $1 and site_id = $2")
                .bind(&email)
                .bind(incubator)
                .fetch_optional(db.pool())
                .await?
                .map(|row| row.try_get(0))
                .transpose()?;
        made.push((incubator, coach));
        if i == 0 {
            let centre: i64 = sqlx::query(
                "insert into sites (region_code, province_id, kind, name_fr, name_ar, address_fr, \
                     address_ar, capacity, created_at) \
                 values ($1, $2, 'centre', $3, $4, '', '', 40, $5) returning id",
            )
            .bind(region)
            .bind(id)
            .bind(format!("Centre social de {fr}"))
            .bind(format!("المركز الاجتماعي {ar}"))
            .bind(now)
            .fetch_one(db.pool())
            .await?
            .try_get(0)?;
            sqlx::query("update staff set site_id = $1 where email = $2 and role = 'centre_agent'")
                .bind(centre)
                .bind(format!("agent.{region}@demo.jisr.ma"))
                .execute(db.pool())
                .await?;
        }
    }
    Ok(made)
}

const REASONS: &[&str] = &[
    "Enfant malade",
    "Rendez-vous médical",
    "مرض",
    "Travail au souk",
];
const NOTES: &[&str] = &[
    "Le plan d'affaires avance ; prix de vente revus.",
    "Visite de l'atelier : stock et registre à jour.",
    "تم الاتفاق على تجربة البيع في السوق الأسبوعي.",
    "",
];
const NEXT_STEPS: &[&str] = &[
    "Préparer le dossier pour le comité.",
    "Ouvrir un compte bancaire.",
    "تحضير عينات للمعرض الجهوي.",
    "",
];

/// Seeds the follow-up of the women enrolled among the applications after `first_id`.
pub async fn seed(
    db: &Db,
    rng: &mut fastrand::Rng,
    first_id: i64,
    hash: &PasswordHashString,
    now: i64,
) -> anyhow::Result<Made> {
    let today = clock::local_day(now);
    let mut made = Made::default();
    let regions: Vec<String> = sqlx::query("select code from regions order by code")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()?;
    // Every region gets its sites and demo coaches, women enrolled or not.
    let mut incubators_of = std::collections::HashMap::new();
    for region in &regions {
        incubators_of.insert(region.clone(), sites(db, region, hash, now).await?);
    }
    let total: i64 =
        sqlx::query("select count(*) from applications where status = 'enrolled' and id > $1")
            .bind(first_id)
            .fetch_one(db.pool())
            .await?
            .try_get(0)?;
    if total == 0 {
        return Ok(made);
    }
    let bar = progress(total as u64, "follow-up");
    for region in &regions {
        let women: Vec<i64> = sqlx::query(
            "select id from applications where region_code = $1 and status = 'enrolled' \
             and id > $2 and id not in (select application_id from enrolments) order by id",
        )
        .bind(region)
        .bind(first_id)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()?;
        if women.is_empty() {
            continue;
        }
        let Some(incubators) = incubators_of.get(region).filter(|i| !i.is_empty()) else {
            continue;
        };
        let coordinator: i64 = sqlx::query(
            "select coalesce((select id from staff where email = $1), (select min(id) from staff))",
        )
        .bind(format!("coordination.{region}@demo.jisr.ma"))
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
        for (k, cohort_women) in women.chunks(COHORT_SIZE).enumerate() {
            let (site, coach) = incubators[k % incubators.len()];
            let starts = today - rng.i64(14..=365);
            let ends = starts + 182;
            let _turn = db.writing().await;
            let mut tx = db.pool().begin().await?;
            let cohort: i64 = sqlx::query(
                "insert into cohorts (site_id, region_code, name, starts_day, ends_day, capacity, \
                     coach_id, visit_every_days, created_at) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
            )
            .bind(site)
            .bind(region)
            .bind(format!("{region}-{} {}", k + 1, clock::days::iso(starts)))
            .bind(starts)
            .bind(ends)
            .bind(COHORT_SIZE as i64)
            .bind(coach)
            .bind(RHYTHM)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
            let recorder = coach.unwrap_or(coordinator);
            // Two sessions a week, from its start to four weeks ahead or its end.
            let mut session_rows = Vec::new();
            let mut day = starts;
            let mut n = 0;
            while day <= ends.min(today + 28) {
                for offset in [0, 3] {
                    let module = TrainingModule::ALL[n % TrainingModule::ALL.len()];
                    let at =
                        clock::local_moment(clock::days::date(day + offset), 9, 30).unwrap_or(now);
                    session_rows.extend([
                        V::I(cohort),
                        V::T(module.code().into()),
                        V::I(at),
                        V::I(180),
                        V::T("Salle de formation de l'incubateur".into()),
                        V::T("Nadia Formatrice".into()),
                        V::I(coordinator),
                        V::I(now),
                    ]);
                    n += 1;
                }
                day += 7;
            }
            let sessions: Vec<(i64, i64)> = insert(
                &mut tx,
                "insert into training_sessions (cohort_id, module, starts_at, duration_minutes, \
                     place, trainer, created_by, created_at) values",
                8,
                &session_rows,
                "returning id, starts_at",
            )
            .await?
            .iter()
            .map(|row| Ok((row.try_get("id")?, row.try_get("starts_at")?)))
            .collect::<Result<_, sqlx::Error>>()?;
            made.sessions += sessions.len();
            let (mut enrolments, mut events, mut marks, mut visits) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let (mut milestones, mut surveys, mut lines) = (Vec::new(), Vec::new(), Vec::new());
            for &woman in cohort_women {
                let mut last_visit = None;
                let mut visit = starts + RHYTHM;
                while visit <= today && visit <= ends {
                    // One visit in ten is missed: her next one falls due, some overdue.
                    if rng.u8(0..10) > 0 {
                        visits.extend([
                            V::I(woman),
                            V::I(cohort),
                            V::I(visit),
                            V::T(pick(rng, VisitKind::ALL).code().into()),
                            V::T(pick(rng, NOTES).into()),
                            V::T(pick(rng, NEXT_STEPS).into()),
                            V::I(recorder),
                            V::I(now),
                        ]);
                        last_visit = Some(visit);
                    }
                    visit += RHYTHM;
                }
                let next_visit = last_visit.unwrap_or(starts) + RHYTHM;
                enrolments.extend([
                    V::I(woman),
                    V::I(cohort),
                    V::T(region.clone()),
                    V::I(starts),
                    V::I(next_visit),
                    V::I(coordinator),
                    V::I(now),
                ]);
                events.extend([
                    V::I(woman),
                    V::I(clock::day_start(clock::days::date(starts))),
                    V::I(coordinator),
                    V::T("enrol".into()),
                    V::T("accepted".into()),
                    V::T("enrolled".into()),
                    V::T(format!("cohort:{cohort}")),
                ]);
                for &(session, at) in &sessions {
                    if clock::local_day(at) > today {
                        continue;
                    }
                    let (mark, reason) = match rng.u8(0..100) {
                        0..=84 => ("present", String::new()),
                        85..=94 => ("absent", String::new()),
                        _ => ("excused", pick(rng, REASONS).to_owned()),
                    };
                    marks.extend([
                        V::I(session),
                        V::I(woman),
                        V::T(mark.into()),
                        V::T(reason),
                        V::I(recorder),
                        V::I(at + 3600),
                    ]);
                }
                for milestone in Milestone::ALL {
                    let due = starts + milestone.due_after_days();
                    let reached = (due <= today && rng.u8(0..10) < 7)
                        .then(|| (due - rng.i64(0..20)).max(starts));
                    milestones.extend([
                        V::I(woman),
                        V::T(milestone.code().into()),
                        V::T(region.clone()),
                        V::I(due),
                        reached.map_or(V::NullI, V::I),
                        match (reached, milestone) {
                            (Some(_), Milestone::LegalFormCreated) => {
                                V::T(pick(rng, LegalForm::ALL).code().into())
                            }
                            _ => V::NullT,
                        },
                        reached.map_or(V::NullI, |_| V::I(recorder)),
                        reached.map_or(V::NullI, |_| V::I(now)),
                    ]);
                }
                for wave in SurveyWave::ALL {
                    let due = starts + wave.due_after_days();
                    let done = due <= today && rng.u8(0..10) < 8;
                    let operating = rng.u8(0..4) > 0;
                    surveys.extend([
                        V::I(woman),
                        V::T(wave.code().into()),
                        V::T(region.clone()),
                        V::I(due),
                    ]);
                    if done {
                        surveys.extend([
                            V::I(due + rng.i64(0..10)),
                            V::I(recorder),
                            V::B(operating),
                            V::T(
                                if operating {
                                    pick(rng, &["up_to_1000", "up_to_3000", "up_to_6000"])
                                } else {
                                    "none"
                                }
                                .into(),
                            ),
                            V::I(rng.i64(0..3)),
                            V::I(rng.i64(0..2)),
                            V::B(rng.bool()),
                            V::T(pick(rng, &["none", "up_to_1000", "up_to_3000"]).into()),
                        ]);
                    } else {
                        surveys.extend([
                            V::NullI,
                            V::NullI,
                            V::NullB,
                            V::NullT,
                            V::NullI,
                            V::NullI,
                            V::NullB,
                            V::NullT,
                        ]);
                    }
                }
                if today - starts > 60 && rng.u8(0..10) < 7 {
                    let funder = match rng.u8(0..100) {
                        0..=44 => Funder::Ministry,
                        45..=56 => Funder::Indh,
                        57..=81 => Funder::RegionalCouncil,
                        82..=94 => Funder::ProvincialCouncil,
                        _ => Funder::Other,
                    };
                    lines.push((
                        woman,
                        funder,
                        pick(rng, FinancingKind::ALL),
                        rng.i64(10..=50) * 1_000 * 100,
                    ));
                }
            }
            insert(
                &mut tx,
                "insert into enrolments (application_id, cohort_id, region_code, enrolled_day, \
                     next_visit_day, enrolled_by, created_at) values",
                7,
                &enrolments,
                "",
            )
            .await?;
            insert(
                &mut tx,
                "insert into application_events (application_id, at, actor_id, kind, from_status, \
                     to_status, detail) values",
                7,
                &events,
                "",
            )
            .await?;
            insert(
                &mut tx,
                "insert into attendance (session_id, application_id, mark, reason, marked_by, \
                     marked_at) values",
                6,
                &marks,
                "",
            )
            .await?;
            insert(
                &mut tx,
                "insert into coaching_visits (application_id, cohort_id, visit_day, kind, notes, \
                     next_steps, recorded_by, created_at) values",
                8,
                &visits,
                "",
            )
            .await?;
            insert(
                &mut tx,
                "insert into milestones (application_id, milestone, region_code, due_day, \
                     reached_day, legal_form, confirmed_by, confirmed_at) values",
                8,
                &milestones,
                "",
            )
            .await?;
            insert(
                &mut tx,
                "insert into surveys (application_id, wave, region_code, due_day, done_day, \
                     entered_by, operating, revenue_band, jobs_women, jobs_men, formalised, \
                     income_band) values",
                12,
                &surveys,
                "",
            )
            .await?;
            made.tranches += seed_financing(
                &mut tx,
                rng,
                &lines,
                region,
                starts,
                today,
                coordinator,
                now,
            )
            .await?;
            tx.commit().await?;
            made.women += cohort_women.len();
            made.cohorts += 1;
            made.marks += marks.len() / 6;
            made.visits += visits.len() / 8;
            bar.inc(cohort_women.len() as u64);
        }
    }
    bar.finish_and_clear();
    Ok(made)
}

/// Her financing lines, approved six weeks into her cohort, and two to four tranches each, a
/// month apart, as far on as their days allow: the oldest reconciled, then paid, approved,
/// planned.
#[allow(clippy::too_many_arguments)]
async fn seed_financing(
    tx: &mut sqlx::AnyConnection,
    rng: &mut fastrand::Rng,
    lines: &[(i64, Funder, FinancingKind, i64)],
    region: &str,
    starts: i64,
    today: i64,
    coordinator: i64,
    now: i64,
) -> anyhow::Result<usize> {
    if lines.is_empty() {
        return Ok(0);
    }
    let approved_day = starts + 45;
    let mut values = Vec::new();
    for (woman, funder, kind, centimes) in lines {
        values.extend([
            V::I(*woman),
            V::T(region.to_owned()),
            V::T(kind.code().into()),
            V::T(funder.code().into()),
            V::T(if *funder == Funder::Other {
                "Fondation partenaire".into()
            } else {
                String::new()
            }),
            V::I(*centimes),
            V::I(coordinator),
            V::I(approved_day),
            V::I(now),
        ]);
    }
    let ids: Vec<(i64, i64)> = insert(
        tx,
        "insert into financing_lines (application_id, region_code, kind, funder, funder_detail, \
             approved_centimes, approved_by, approved_day, created_at) values",
        9,
        &values,
        "returning id, approved_centimes",
    )
    .await?
    .iter()
    .map(|row| Ok((row.try_get("id")?, row.try_get("approved_centimes")?)))
    .collect::<Result<_, sqlx::Error>>()?;
    let mut tranches = Vec::new();
    let mut count = 0;
    for (line, approved) in ids {
        let n = rng.i64(2..=4);
        for i in 0..n {
            // The last tranche takes what the others left: they add up to the line.
            let amount = if i == n - 1 {
                approved - approved / n * (n - 1)
            } else {
                approved / n
            };
            let planned = approved_day + 30 * i;
            let state = match today - planned {
                age if age > 60 => "reconciled",
                age if age > 30 => "paid",
                age if age >= 0 => "approved",
                _ => "planned",
            };
            let stage = ["planned", "approved", "paid", "reconciled"]
                .iter()
                .position(|s| *s == state)
                .unwrap_or(0);
            let moment = clock::day_start(clock::days::date(planned.min(today)));
            let opt = |from: usize, value: V| if stage >= from { value } else { V::NullI };
            tranches.extend([
                V::I(line),
                V::I(amount),
                V::T(state.into()),
                V::I(planned),
                V::I(coordinator),
                opt(1, V::I(coordinator)),
                opt(1, V::I(moment)),
                opt(2, V::I((planned + 7).min(today))),
                if stage >= 2 {
                    V::T(format!("VIR-{line}-{}", i + 1))
                } else {
                    V::NullT
                },
                opt(2, V::I(coordinator)),
                opt(2, V::I(moment + 7 * 86_400)),
                opt(3, V::I(coordinator)),
                opt(3, V::I(moment + 30 * 86_400)),
                V::I(now),
            ]);
            count += 1;
        }
    }
    insert(
        tx,
        "insert into tranches (line_id, amount_centimes, state, planned_day, created_by, \
             approved_by, approved_at, paid_day, payment_reference, paid_by, paid_at, \
             reconciled_by, reconciled_at, created_at) values",
        14,
        &tranches,
        "",
    )
    .await?;
    Ok(count)
}
