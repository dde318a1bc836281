//! `server seed`: realistic demo data. Applications across the 12 regions (Arabic and Latin
//! names, valid CIN and phone forms, varied answers and statuses, some possible duplicates,
//! never more accepted than a region's target), a demo staff account for each role, and the
//! follow-up of the women enrolled (`follow_up.rs`).

mod follow_up;

use anyhow::{anyhow, Context};
use app::{
    admin::{
        passwords,
        roles::Role,
        staff::repo::{self as staff_repo, Created, NewStaff},
        workflow::{Status, TAKES_A_PLACE_SQL},
    },
    db::Db,
    registration::{
        fields::{iso_date, ReferenceNumber},
        steps::{name_key, CONSENT_VERSION},
    },
};
use sqlx::Row;
use std::collections::{BTreeMap, HashMap};

const FIRST_LATIN: &[&str] = &[
    "Fatima", "Khadija", "Amina", "Naima", "Zahra", "Malika", "Samira", "Hafsa", "Rachida",
    "Imane", "Meryem", "Soukaina", "Latifa", "Nadia", "Hanane", "Karima", "Saida", "Loubna",
    "Siham", "Asmae", "Ilham", "Houda", "Jamila", "Touria",
];
const FIRST_ARABIC: &[&str] = &[
    "فاطمة",
    "خديجة",
    "أمينة",
    "نعيمة",
    "الزهراء",
    "مليكة",
    "سميرة",
    "حفصة",
    "رشيدة",
    "إيمان",
    "مريم",
    "سكينة",
    "لطيفة",
    "نادية",
    "حنان",
    "كريمة",
    "سعيدة",
    "لبنى",
];
const LAST_LATIN: &[&str] = &[
    "El Amrani",
    "Bennani",
    "Alaoui",
    "Tazi",
    "Idrissi",
    "Berrada",
    "Ouazzani",
    "Chraibi",
    "Fassi",
    "Naciri",
    "Benjelloun",
    "El Khattabi",
    "Amazigh",
    "Ait Lahcen",
    "Boukhris",
    "Lahlou",
    "Zeroual",
    "Sbai",
    "Ouali",
    "Haddad",
];
const LAST_ARABIC: &[&str] = &[
    "بناني",
    "العلوي",
    "التازي",
    "الإدريسي",
    "برادة",
    "الوزاني",
    "الشرايبي",
    "الفاسي",
    "الناصري",
    "بنجلون",
    "الخطابي",
    "أيت لحسن",
    "بوخريص",
    "لحلو",
    "زروال",
];
const LOCALITIES: &[&str] = &[
    "Douar Ouled Ali",
    "Hay Mohammadi",
    "Centre",
    "Ksar Jdid",
    "Aït Ourir",
    "Sidi Moumen",
    "Tamesna",
    "Bni Makada",
];
const SECTORS: &[&str] = &[
    "agriculture",
    "agri_food",
    "handicrafts",
    "textile",
    "commerce",
    "services",
    "tourism",
    "digital",
    "other",
];
const STAGES: &[&str] = &[
    "idea",
    "informal",
    "auto_entrepreneur",
    "cooperative",
    "company",
];
const SITUATIONS: &[&str] = &[
    "widowed",
    "divorced",
    "single_mother",
    "disability",
    "rural_isolated",
];
const DESCRIPTIONS: &[&str] = &[
    "Je prépare du couscous et des msemen que je vends au marché.",
    "أصنع الزرابي التقليدية وأريد بيعها عبر الإنترنت.",
    "Élevage de poules et vente d'œufs aux épiceries du quartier.",
    "خياطة الملابس التقليدية للمناسبات.",
    "Une petite unité de séchage de figues et d'amandes.",
];

/// Rows per insert statement (27 values each, under both databases' limits).
const BATCH: usize = 400;

/// Seeds `applications` demo applications and the demo staff. Refuses a database that holds
/// applications or staff accounts other than demo ones, unless `add_to_existing`: demo data
/// must never mix with the programme's own.
pub async fn run(
    db: &Db,
    applications: u32,
    staff_password: Option<String>,
    seed: u64,
    add_to_existing: bool,
) -> anyhow::Result<()> {
    run_with(
        db,
        Options {
            applications,
            staff_password,
            seed,
            add_to_existing,
            enrolled: None,
        },
    )
    .await
}

/// What `server seed` makes.
pub struct Options {
    pub applications: u32,
    pub staff_password: Option<String>,
    pub seed: u64,
    pub add_to_existing: bool,
    /// About this many of the applications are enrolled women, with a year of follow-up;
    /// otherwise about 3%.
    pub enrolled: Option<u32>,
}

pub async fn run_with(db: &Db, options: Options) -> anyhow::Result<()> {
    let Options {
        applications,
        staff_password,
        seed,
        add_to_existing,
        enrolled,
    } = options;

    let started = std::time::Instant::now();
    if let Some(password) = &staff_password {
        passwords::check_password_rules(password, &[]).map_err(|_| {
            anyhow!(
                "the demo staff password must have at least {} characters and not be easy to \
                 guess (a common password, a keyboard run, a date)",
                app::admin::passwords::MIN_PASSWORD_LEN
            )
        })?;
    }
    if !add_to_existing {
        let held: i64 = sqlx::query("select count(*) from applications")
            .fetch_one(db.pool())
            .await?
            .try_get(0)?;
        let staff: i64 = sqlx::query("select count(*) from staff where demo = false")
            .fetch_one(db.pool())
            .await?
            .try_get(0)?;
        if held > 0 || staff > 0 {
            anyhow::bail!(
                "this database holds {held} applications and {staff} staff accounts that are \
                 not demo accounts: seed fills an empty database only. Give --add-to-existing \
                 to add demo data anyway (never on the programme's own database)"
            );
        }
    }
    let (agents, hash) = demo_staff(db, staff_password).await?;
    let provinces: Vec<(i64, String)> =
        sqlx::query("select id, region_code from provinces order by id")
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|row| Ok((row.try_get("id")?, row.try_get("region_code")?)))
            .collect::<Result<_, sqlx::Error>>()?;
    let mut quota = enrolled.map(|n| Quota::new(n, applications, &provinces));
    let mut places: HashMap<String, (i64, i64)> = HashMap::new();
    for row in sqlx::query(&format!(
        "select r.code, r.target, (select count(*) from applications a where a.region_code = r.code \
             and a.status in ({TAKES_A_PLACE_SQL})) as taken from regions r"
    ))
    .fetch_all(db.pool())
    .await?
    {
        places.insert(row.try_get("code")?, (row.try_get("taken")?, row.try_get("target")?));
    }
    let first_id: i64 = sqlx::query("select coalesce(max(id), 0) from applications")
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
    let mut rng = fastrand::Rng::with_seed(seed);
    // Reference numbers and CINs count up from a random start: unique within the run, and
    // unlikely to meet earlier ones.
    let reference_start = rng.u64(0..30u64.pow(8));
    let cin_start = rng.u64(0..5_000_000);
    let now = app::clock::now();
    let mut done = 0usize;
    let total = applications as usize;
    let progress = follow_up::progress(total as u64, "applications");
    while done < total {
        let size = BATCH.min(total - done);
        let mut rows = Vec::with_capacity(size);
        for i in done..done + size {
            rows.push(generate(
                &mut rng,
                i,
                reference_start,
                cin_start,
                now,
                &provinces,
                &agents,
                &mut places,
                quota.as_mut(),
            ));
        }
        insert(db, &rows).await?;
        done += size;
        progress.set_position(done as u64);
    }
    progress.finish_and_clear();
    flag_shared_phones(db, first_id).await?;
    // The reasons the applications seeded as not accepted give, as reviewers record them.
    sqlx::query(
        "update applications set reject_reason = case id % 5 when 0 then 'not_eligible' \
         when 1 then 'incomplete_file' when 2 then 'project_not_viable' when 3 then 'duplicate' \
         else 'other' end where status = 'rejected' and reject_reason is null and id > $1",
    )
    .bind(first_id)
    .execute(db.pool())
    .await?;
    println!(
        "{applications} applications seeded in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = std::time::Instant::now();
    let made = follow_up::seed(db, &mut rng, first_id, &hash, now).await?;
    if made.women > 0 {
        println!(
            "follow-up of {} enrolled women seeded in {:.1} s: {} cohorts, {} sessions, {} \
             attendance marks, {} visits, {} tranches",
            made.women,
            started.elapsed().as_secs_f64(),
            made.cohorts,
            made.sessions,
            made.marks,
            made.visits,
            made.tranches
        );
    }
    if db.backend() == app::db::Backend::Postgres {
        // After a bulk load, as a database administrator would: the counters' rows were
        // updated once per row seeded, in the load's long transactions, so each counter
        // table holds its few rows among hundreds of thousands of dead ones (attendance's
        // 36 rows in 28 MB, read in 30 ms by the national dashboard); rewritten, they are a
        // page each, as autovacuum keeps them when the rows come one at a time. And the
        // planner knows nothing of the new tables yet.
        let started = std::time::Instant::now();
        sqlx::query(
            "vacuum full application_counts, region_counts, flagged_counts, \
             attendance_counts, milestone_counts, financing_totals, survey_counts",
        )
        .execute(db.pool())
        .await?;
        sqlx::query("vacuum analyze").execute(db.pool()).await?;
        println!(
            "database vacuumed and analysed in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// One coordinator, reviewer and centre agent per region, a national administrator and a
/// partner viewer, all with the same password. Returns each region's centre agent.
async fn demo_staff(
    db: &Db,
    password: Option<String>,
) -> anyhow::Result<(HashMap<String, i64>, passwords::PasswordHashString)> {
    let generated = password.is_none();
    let password = match password {
        Some(password) => password,
        None => passwords::generate_password().map_err(|e| anyhow!("{e}"))?,
    };
    let hash = passwords::hash_password(password.clone())
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let regions: Vec<String> = sqlx::query("select code from regions order by code")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()?;
    let mut accounts: Vec<(String, String, Role, Option<String>)> = vec![
        (
            "national@demo.jisr.ma".into(),
            "Administratrice nationale (démo)".into(),
            Role::NationalAdmin,
            None,
        ),
        (
            "partenaire@demo.jisr.ma".into(),
            "Partenaire (démo)".into(),
            Role::PartnerViewer,
            None,
        ),
    ];
    for code in &regions {
        accounts.push((
            format!("coordination.{code}@demo.jisr.ma"),
            format!("Coordinatrice {code}"),
            Role::RegionalCoordinator,
            Some(code.clone()),
        ));
        accounts.push((
            format!("revue.{code}@demo.jisr.ma"),
            format!("Relectrice {code}"),
            Role::Reviewer,
            Some(code.clone()),
        ));
        accounts.push((
            format!("agent.{code}@demo.jisr.ma"),
            format!("Agente {code}"),
            Role::CentreAgent,
            Some(code.clone()),
        ));
    }
    let mut created = 0;
    for (email, name, role, region) in &accounts {
        let new = NewStaff {
            email,
            name,
            role: *role,
            region: region.as_deref(),
            site: None,
            temporary: false,
            demo: true,
        };
        let _turn = db.writing().await;
        if let Created::Created(_) = staff_repo::insert_staff(db.pool(), &new, &hash)
            .await
            .map_err(|e| anyhow!("{e}"))?
        {
            created += 1;
        }
    }
    if created > 0 {
        println!("{created} demo staff accounts created: national@demo.jisr.ma, partenaire@demo.jisr.ma,");
        println!("  and coordination.NN@, revue.NN@, agent.NN@, coach.NN@demo.jisr.ma for each region NN (01 to 12)");
        if generated {
            println!("  password of every demo account: {password}");
        }
    }
    let mut agents = HashMap::new();
    for row in sqlx::query("select id, region_code from staff where role = 'centre_agent' and email like 'agent.%@demo.jisr.ma'")
        .fetch_all(db.pool())
        .await?
    {
        agents.insert(row.try_get("region_code")?, row.try_get("id")?);
    }
    Ok((agents, hash))
}

/// About how many enrolled women to seed, evenly across the regions.
struct Quota {
    /// The share of applications that are enrolled women.
    share: f64,
    per_region: i64,
    enrolled: HashMap<String, i64>,
    /// Each region with its provinces.
    regions: Vec<(String, Vec<i64>)>,
}

impl Quota {
    fn new(enrolled: u32, applications: u32, provinces: &[(i64, String)]) -> Quota {
        let mut regions: BTreeMap<String, Vec<i64>> = BTreeMap::new();
        for (id, region) in provinces {
            regions.entry(region.clone()).or_default().push(*id);
        }
        Quota {
            share: (f64::from(enrolled) / f64::from(applications.max(1))).min(1.0),
            per_region: i64::from(enrolled) / regions.len().max(1) as i64,
            enrolled: HashMap::new(),
            regions: regions.into_iter().collect(),
        }
    }
}

struct Seeded {
    reference: String,
    cin: String,
    first_name: String,
    last_name: String,
    birth_date: String,
    phone: String,
    region: String,
    province: i64,
    locality: String,
    area: &'static str,
    sector: &'static str,
    stage: &'static str,
    education: &'static str,
    answers: String,
    lang: &'static str,
    entered_by: Option<i64>,
    status: Status,
    submitted_at: i64,
}

fn pick<'a>(rng: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(0..list.len())]
}

#[allow(clippy::too_many_arguments)]
fn generate(
    rng: &mut fastrand::Rng,
    i: usize,
    reference_start: u64,
    cin_start: u64,
    now: i64,
    provinces: &[(i64, String)],
    agents: &HashMap<String, i64>,
    places: &mut HashMap<String, (i64, i64)>,
    mut quota: Option<&mut Quota>,
) -> Seeded {
    let reference = ReferenceNumber::from_serial(reference_start + i as u64).to_string();
    let letters = [
        "A", "B", "BE", "BK", "C", "CD", "D", "E", "EE", "F", "G", "H", "I", "J", "JA", "K", "L",
        "M", "N", "P", "Q", "R", "S", "SH", "T", "U", "V", "W", "X", "Y", "Z",
    ];
    let serial = cin_start + i as u64;
    let cin = format!(
        "{}{:07}",
        letters[(serial / 10_000_000) as usize % letters.len()],
        serial % 10_000_000
    );
    let arabic = rng.bool();
    let first_name = if arabic {
        pick(rng, FIRST_ARABIC)
    } else {
        pick(rng, FIRST_LATIN)
    }
    .to_owned();
    let last_name = if arabic {
        pick(rng, LAST_ARABIC)
    } else {
        pick(rng, LAST_LATIN)
    }
    .to_owned();
    let born = time::Date::from_calendar_date(1966, time::Month::January, 1)
        .map(|d| d + time::Duration::days(rng.i64(0..14_000)))
        .map(iso_date)
        .unwrap_or_else(|_| "1985-03-14".to_owned());
    // One in forty shares the phone of the one before: a possible duplicate to review.
    let phone_number = if i % 40 == 39 { i - 1 } else { i };
    let phone = format!("+2126{:08}", (phone_number as u64 * 7_919) % 100_000_000);
    // An enrolled woman's region is drawn evenly: 3,000 women a region, as the programme has.
    let enrolled_now = quota.as_ref().map(|q| rng.f64() < q.share);
    let (province, region) = match (enrolled_now, quota.as_ref()) {
        (Some(true), Some(q)) => {
            let (region, ids) = &q.regions[rng.usize(0..q.regions.len())];
            (ids[rng.usize(0..ids.len())], region.clone())
        }
        _ => provinces[rng.usize(0..provinces.len())].clone(),
    };
    let locality = pick(rng, LOCALITIES).to_owned();
    let area = if rng.u8(0..3) == 0 { "rural" } else { "urban" };
    let sector = pick(rng, SECTORS);
    let stage = pick(rng, STAGES);
    let lang = if rng.u8(0..3) == 0 { "fr" } else { "ar" };
    let entered_by = if rng.u8(0..4) == 0 {
        agents.get(&region).copied()
    } else {
        None
    };
    let mut status = match rng.u8(0..100) {
        0..=39 => Status::Submitted,
        40..=64 => Status::UnderReview,
        65..=79 => Status::Accepted,
        80..=87 => Status::WaitingList,
        88..=95 => Status::Rejected,
        96..=98 => Status::Enrolled,
        _ => Status::Withdrawn,
    };
    if let Some(enrolled) = enrolled_now {
        status = if enrolled {
            Status::Enrolled
        } else if status == Status::Enrolled {
            Status::Accepted
        } else {
            status
        };
    }
    let (taken, target) = places.entry(region.clone()).or_insert((0, 3000));
    if status.takes_a_place() {
        // Acceptances leave room for the enrolled women still to come.
        let reserved = match (&quota, status) {
            (Some(q), Status::Accepted) => {
                (q.per_region - q.enrolled.get(&region).copied().unwrap_or(0)).max(0)
            }
            _ => 0,
        };
        if *taken + reserved < *target {
            *taken += 1;
            if let (Some(q), Status::Enrolled) = (quota.as_mut(), status) {
                *q.enrolled.entry(region.clone()).or_default() += 1;
            }
        } else {
            status = Status::WaitingList;
        }
    }
    // The women enrolled applied before their cohorts began, up to a year and more ago.
    let submitted_at = now
        - rng.i64(0..60 * 86_400)
        - if status == Status::Enrolled {
            follow_up::ENROLLED_AGO_DAYS * 86_400
        } else {
            0
        };
    let mut answers: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut put = |name: &'static str, value: String| {
        answers.insert(name, vec![value]);
    };
    put("adult", "yes".into());
    put("has_project", "yes".into());
    put("situations", pick(rng, SITUATIONS).into());
    put("first_name", first_name.clone());
    put("last_name", last_name.clone());
    put("cin", cin.clone());
    put("birth_date", born.clone());
    put("phone", phone.clone());
    put("email", String::new());
    put("region", region.clone());
    put("province", province.to_string());
    put("locality", locality.clone());
    put("area", area.into());
    put(
        "marital_status",
        pick(rng, &["single", "married", "divorced", "widowed"]).into(),
    );
    put("dependants", rng.u8(0..7).to_string());
    put("household_head", pick(rng, &["yes", "no"]).into());
    put("disability", pick(rng, &["yes", "no", "no", "no"]).into());
    let education = pick(rng, &["none", "primary", "secondary", "higher"]);
    put("education", education.into());
    put(
        "reading",
        pick(rng, &["reads_and_writes", "reads_a_little"]).into(),
    );
    put("rsu", pick(rng, &["yes", "no"]).into());
    put("income", pick(rng, &["none", "under_1000"]).into());
    put("situation_details", String::new());
    put("stage", stage.into());
    put("sector", sector.into());
    put("description", pick(rng, DESCRIPTIONS).into());
    put(
        "support",
        pick(
            rng,
            &[
                "training",
                "coaching",
                "financing",
                "equipment",
                "market_access",
            ],
        )
        .into(),
    );
    put("cooperative_member", pick(rng, &["yes", "no"]).into());
    put(
        "budget",
        pick(
            rng,
            &["under_10000", "10000_49999", "50000_99999", "100000_plus"],
        )
        .into(),
    );
    put("centre", locality.clone());
    put(
        "availability",
        pick(rng, &["mornings", "afternoons"]).into(),
    );
    put(
        "training_language",
        pick(rng, &["darija", "amazigh", "french"]).into(),
    );
    put("consent", "yes".into());
    Seeded {
        reference,
        cin,
        first_name,
        last_name,
        birth_date: born,
        phone,
        region,
        province,
        locality,
        area,
        sector,
        stage,
        education,
        answers: serde_json::to_string(&answers).unwrap_or_default(),
        lang,
        entered_by,
        status,
        submitted_at,
    }
}

async fn insert(db: &Db, rows: &[Seeded]) -> anyhow::Result<()> {
    const COLUMNS: usize = 25;
    let mut sql = String::from(
        "insert into applications (reference, idempotency_key, cin, first_name, last_name, \
             name_key, last_first_key, birth_date, phone, region_code, province_id, locality, \
             area, sector, stage, answers, lang, channel, status, consent_version, consented_at, \
             submitted_at, entered_by, submitted_day, education) values ",
    );
    for (r, _) in rows.iter().enumerate() {
        if r > 0 {
            sql.push(',');
        }
        sql.push('(');
        for c in 0..COLUMNS {
            if c > 0 {
                sql.push(',');
            }
            sql.push_str(&format!("${}", r * COLUMNS + c + 1));
        }
        sql.push(')');
    }
    sql.push_str(" on conflict do nothing");
    let mut query = sqlx::query(&sql);
    for row in rows {
        query = query
            .bind(&row.reference)
            .bind(format!("seed-{}", row.reference))
            .bind(&row.cin)
            .bind(&row.first_name)
            .bind(&row.last_name)
            .bind(name_key(&row.first_name, &row.last_name))
            .bind(name_key(&row.last_name, &row.first_name))
            .bind(&row.birth_date)
            .bind(&row.phone)
            .bind(&row.region)
            .bind(row.province)
            .bind(&row.locality)
            .bind(row.area)
            .bind(row.sector)
            .bind(row.stage)
            .bind(&row.answers)
            .bind(row.lang)
            .bind(if row.entered_by.is_some() {
                "assisted"
            } else {
                "self"
            })
            .bind(row.status.code())
            .bind(CONSENT_VERSION)
            .bind(row.submitted_at)
            .bind(row.submitted_at)
            .bind(row.entered_by)
            .bind(app::clock::local_day(row.submitted_at))
            .bind(row.education);
    }
    let _turn = db.writing().await;
    query
        .execute(db.pool())
        .await
        .context("inserting seeded applications")?;
    Ok(())
}

/// Flags the seeded applications that share a phone, both ways, as the wizard does.
async fn flag_shared_phones(db: &Db, first_id: i64) -> anyhow::Result<()> {
    let _turn = db.writing().await;
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "insert into application_flags (application_id, other_id, kind) \
         select a.id, b.id, 'same_phone' from applications a join applications b \
             on b.phone = a.phone and b.id <> a.id \
         where a.id > $1 on conflict do nothing",
    )
    .bind(first_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "insert into application_flags (application_id, other_id, kind) \
         select other_id, application_id, kind from application_flags where application_id > $1 \
         on conflict do nothing",
    )
    .bind(first_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "update applications set possible_duplicate = true \
         where id in (select application_id from application_flags)",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
