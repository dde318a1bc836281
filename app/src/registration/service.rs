//! The wizard on the server: where answers are kept between steps, the duplicate rules, the
//! one-time submission, the limits per connection, resume codes and the status lookup.
//!
//! Nothing here tells an applicant anything about another application: a CIN that already
//! has one is accepted as a possible duplicate for staff to resolve, and she sees the ordinary
//! confirmation. Places are taken by acceptances at review, not by submissions, so a flood of
//! false registrations cannot fill a region.
//!
//! Before the identity step nothing is stored on the server: the eligibility answers travel
//! in a cookie on her phone. The identity step creates the draft (a row keyed by a random
//! token in an HttpOnly cookie), which then holds every answer until she submits, or until it
//! expires and is deleted.

use super::{
    api::*,
    eligibility::Verdict,
    fields::{parse_date, BirthDate, Cin, FieldError, FieldErrors, ReferenceNumber, ResumeCode},
    steps::*,
};
use crate::{
    client::{at_least_one, client_ip, request_cookie, AddressLimiter},
    db::Db,
    error::AppError,
    i18n::request_lang,
    keys::ServerKeys,
};
use cookie::{Cookie, SameSite};
use http::request::Parts;
use sqlx::Row;
use std::num::NonZeroU32;
use time::{Date, OffsetDateTime, UtcOffset};

pub const DRAFT_COOKIE: &str = "jisr_draft";
pub const ELIGIBILITY_COOKIE: &str = "jisr_eligibility";
pub const SUBMITTED_COOKIE: &str = "jisr_submitted";

/// How long an untouched draft is kept, by default.
pub const DEFAULT_DRAFT_TTL_DAYS: u32 = 30;

#[derive(Clone, Debug)]
pub struct WizardSettings {
    /// Cookies carry `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    /// Seconds a draft is kept after its last change.
    pub draft_ttl_secs: i64,
    /// Signs the cookie that shows her reference; hashes the address she applied from.
    pub keys: ServerKeys,
    /// Drafts and submissions per client address.
    pub registrations: RegistrationLimiter,
}

impl Default for WizardSettings {
    fn default() -> Self {
        WizardSettings {
            secure_cookies: false,
            draft_ttl_secs: i64::from(DEFAULT_DRAFT_TTL_DAYS) * 86_400,
            keys: ServerKeys::random(),
            registrations: RegistrationLimiter::default(),
        }
    }
}

/// Limits status lookups and resume attempts per client address, so that neither a
/// reference number nor a resume code can be guessed by trying.
#[derive(Clone)]
pub struct LookupLimiter(pub AddressLimiter);

impl LookupLimiter {
    pub const DEFAULT_PER_MINUTE: u32 = 10;

    pub fn per_minute(count: NonZeroU32) -> LookupLimiter {
        LookupLimiter(AddressLimiter::per_minute(count))
    }
}

impl Default for LookupLimiter {
    fn default() -> Self {
        LookupLimiter::per_minute(at_least_one(Self::DEFAULT_PER_MINUTE))
    }
}

/// Drafts started and applications submitted per client address and hour. A centre's
/// shared connection registers many women in a morning: the default leaves room for that,
/// and stops one machine from storing hundreds. Centre agents signed in are not limited:
/// they are accountable in the audit log.
#[derive(Clone)]
pub struct RegistrationLimiter {
    drafts: AddressLimiter,
    submissions: AddressLimiter,
}

impl RegistrationLimiter {
    pub const DEFAULT_PER_HOUR: u32 = 100;

    pub fn per_hour(count: NonZeroU32) -> RegistrationLimiter {
        RegistrationLimiter {
            drafts: AddressLimiter::per_hour(count),
            submissions: AddressLimiter::per_hour(count),
        }
    }

    pub fn forget_idle(&self) {
        self.drafts.forget_idle();
        self.submissions.forget_idle();
    }
}

impl Default for RegistrationLimiter {
    fn default() -> Self {
        RegistrationLimiter::per_hour(at_least_one(Self::DEFAULT_PER_HOUR))
    }
}

impl std::fmt::Debug for RegistrationLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RegistrationLimiter(..)")
    }
}

use super::{BURST_SIZE, BURST_WINDOW_SECS};

/// A reply, with the cookies to set on the response that carries it.
pub struct Outcome<T> {
    pub reply: T,
    pub cookies: Vec<Cookie<'static>>,
}

impl<T> Outcome<T> {
    fn new(reply: T) -> Outcome<T> {
        Outcome {
            reply,
            cookies: Vec::new(),
        }
    }

    fn with(mut self, cookie: Cookie<'static>) -> Outcome<T> {
        self.cookies.push(cookie);
        self
    }
}

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Today in Morocco (UTC+1), the day the age rule counts to.
pub fn today() -> Date {
    let offset = UtcOffset::from_hms(1, 0, 0).unwrap_or(UtcOffset::UTC);
    OffsetDateTime::now_utc().to_offset(offset).date()
}

fn random<const N: usize>() -> Result<[u8; N], AppError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|error| {
        tracing::error!(%error, "no randomness");
        AppError::Internal
    })?;
    Ok(bytes)
}

fn random_token() -> Result<String, AppError> {
    Ok(random::<16>()?.iter().map(|b| format!("{b:02x}")).collect())
}

fn set_cookie(name: &'static str, value: String, settings: &WizardSettings) -> Cookie<'static> {
    let mut cookie = Cookie::new(name, value);
    cookie.set_path("/");
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Lax);
    cookie.set_secure(settings.secure_cookies);
    cookie
}

fn remove_cookie(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::from(name);
    cookie.set_path("/");
    cookie.make_removal();
    cookie
}

/// The eligibility answers as a cookie value (URL-encoded pairs).
fn encode_pairs(raw: &Raw) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, values) in raw {
        for value in values {
            out.append_pair(name, value);
        }
    }
    out.finish()
}

fn decode_pairs(value: &str) -> Raw {
    raw_from_pairs(form_urlencoded::parse(value.as_bytes()).into_owned())
}

struct Draft {
    token: String,
    resume_code: String,
    idempotency_key: String,
    answers: Raw,
}

/// Where her answers are kept so far.
struct Session {
    draft: Option<Draft>,
    answers: Raw,
}

async fn load_draft(db: &Db, token: &str) -> Result<Option<Draft>, AppError> {
    let row = sqlx::query(
        "select token, resume_code, idempotency_key, answers from drafts \
         where token = $1 and expires_at > $2",
    )
    .bind(token)
    .bind(now())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let answers: String = row.try_get("answers")?;
    Ok(Some(Draft {
        token: row.try_get("token")?,
        resume_code: row.try_get("resume_code")?,
        idempotency_key: row.try_get("idempotency_key")?,
        answers: serde_json::from_str(&answers).unwrap_or_default(),
    }))
}

async fn session(db: &Db, parts: &Parts) -> Result<Session, AppError> {
    if let Some(token) = request_cookie(parts, DRAFT_COOKIE) {
        if let Some(draft) = load_draft(db, &token).await? {
            return Ok(Session {
                answers: draft.answers.clone(),
                draft: Some(draft),
            });
        }
    }
    let answers = request_cookie(parts, ELIGIBILITY_COOKIE)
        .map(|value| only_steps(&decode_pairs(&value), &[Step::Eligibility]))
        .unwrap_or_default();
    Ok(Session {
        draft: None,
        answers,
    })
}

/// The regions, with their places and how many women have applied, from the counters that
/// triggers keep (no counting of applications at each page).
async fn regions(db: &Db) -> Result<Vec<RegionOption>, AppError> {
    let rows = sqlx::query(&format!(
        "select r.code, r.name_fr, r.name_ar, r.target, \
                cast(coalesce((select sum(c.n) from application_counts c \
                     where c.region_code = r.code), 0) as bigint) as applied, \
                cast(coalesce((select sum(c.n) from application_counts c \
                     where c.region_code = r.code and c.status in ({})), 0) as bigint) \
                    as accepted \
         from regions r order by r.code",
        crate::admin::workflow::TAKES_A_PLACE_SQL
    ))
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let target: i64 = row.try_get("target")?;
            let accepted: i64 = row.try_get("accepted")?;
            Ok(RegionOption {
                code: row.try_get("code")?,
                name_fr: row.try_get("name_fr")?,
                name_ar: row.try_get("name_ar")?,
                target,
                applied: row.try_get("applied")?,
                places_left: (target - accepted).max(0),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}

async fn provinces(db: &Db, region: &str) -> Result<Vec<ProvinceOption>, AppError> {
    let rows = sqlx::query(
        "select id, name_fr, name_ar from provinces where region_code = $1 order by name_fr",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ProvinceOption {
                id: row.try_get("id")?,
                name_fr: row.try_get("name_fr")?,
                name_ar: row.try_get("name_ar")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}

fn rules_from(regions: &[RegionOption], provinces: &[ProvinceOption]) -> Rules {
    Rules {
        today: today(),
        regions: regions.iter().map(|r| r.code.clone()).collect(),
        provinces: provinces.iter().map(|p| p.id).collect(),
    }
}

/// The rules for checking answers. Only codes and ids: no counting of applications, which
/// every step's save would otherwise pay for.
async fn rules_for(db: &Db, answers: &Raw) -> Result<Rules, AppError> {
    let regions = sqlx::query("select code from regions order by code")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| row.try_get("code"))
        .collect::<Result<_, _>>()?;
    let provinces = sqlx::query("select id from provinces where region_code = $1")
        .bind(first(answers, "region"))
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| row.try_get("id"))
        .collect::<Result<_, _>>()?;
    Ok(Rules {
        today: today(),
        regions,
        provinces,
    })
}

/// Everything a wizard page needs.
pub async fn view(
    db: &Db,
    settings: &WizardSettings,
    parts: &Parts,
    posted: Option<Posted>,
) -> Result<WizardView, AppError> {
    let session = session(db, parts).await?;
    let regions = regions(db).await?;
    let provinces = provinces(db, first(&session.answers, "region")).await?;
    let rules = rules_from(&regions, &provinces);
    let submitted = match request_cookie(parts, SUBMITTED_COOKIE)
        .and_then(|value| settings.keys.verify(SUBMITTED_COOKIE, &value))
    {
        Some(reference) => submitted(&reference, &regions, db).await?,
        None => None,
    };
    Ok(WizardView {
        first_incomplete: first_incomplete(&session.answers, &rules),
        resume_code: session.draft.as_ref().map(|d| d.resume_code.clone()),
        idempotency_key: session.draft.as_ref().map(|d| d.idempotency_key.clone()),
        answers: session.answers,
        regions,
        provinces,
        posted,
        submitted,
    })
}

/// Her application, named by the cookie this server signed when she submitted it, with her
/// region's places and how many women have applied there.
async fn submitted(
    reference: &str,
    regions: &[RegionOption],
    db: &Db,
) -> Result<Option<Submitted>, AppError> {
    let row = sqlx::query("select reference, region_code from applications where reference = $1")
        .bind(reference)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("region_code")?;
    Ok(Some(Submitted {
        reference: row.try_get("reference")?,
        region: regions.iter().find(|r| r.code == code).cloned(),
    }))
}

fn refusals(errors: FieldErrors) -> StepReply {
    StepReply::Invalid(
        errors
            .into_iter()
            .map(|(name, error)| (name.to_owned(), error))
            .collect(),
    )
}

/// A centre agent signed in on this device, registering a woman on her behalf.
async fn assisting_agent(
    db: &Db,
    parts: &Parts,
) -> Result<Option<crate::admin::roles::Staff>, AppError> {
    Ok(crate::admin::auth::request_staff(db, parts)
        .await?
        .filter(|staff| staff.registers_women() && !staff.must_change_password))
}

/// Checks and keeps one step's answers.
pub async fn save_step(
    db: &Db,
    settings: &WizardSettings,
    parts: &Parts,
    step: Step,
    fields: Vec<(String, String)>,
    back_to_check: bool,
) -> Result<Outcome<StepReply>, AppError> {
    let session = session(db, parts).await?;
    if step > Step::Identity && session.draft.is_none() {
        // No draft (expired, or the steps taken out of order): start again.
        return Ok(Outcome::new(StepReply::Next(Step::Eligibility.path())));
    }
    let mut answers = session.answers;
    merge_step(&mut answers, step, step_answers(step, fields));
    let rules = rules_for(db, &answers).await?;
    if step == Step::Identity
        && !matches!(
            eligibility_verdict(&answers, &rules),
            Ok(Verdict::Eligible(_))
        )
    {
        return Ok(Outcome::new(StepReply::Next(Step::Eligibility.path())));
    }
    if let Err(errors) = check_step(step, &answers, &rules) {
        return Ok(Outcome::new(refusals(errors)));
    }
    normalize_step(step, &mut answers, rules.today);
    let next = if back_to_check {
        CHECK_PATH.to_owned()
    } else {
        step.next().map_or(CHECK_PATH.to_owned(), Step::path)
    };
    match step {
        Step::Eligibility => {
            let verdict = eligibility_verdict(&answers, &rules).map_err(|_| AppError::Internal)?;
            if let Verdict::NotEligible(reasons) = verdict {
                // Nothing she answered is kept.
                return Ok(Outcome::new(StepReply::NotEligible(reasons))
                    .with(remove_cookie(ELIGIBILITY_COOKIE)));
            }
            // A new region may not have the province she chose.
            if let Some(province) = answers.get("province").and_then(|v| v.first()) {
                if !province
                    .parse::<i64>()
                    .is_ok_and(|id| rules.provinces.contains(&id))
                {
                    answers.remove("province");
                }
            }
            let next = if back_to_check && first(&answers, "province").is_empty() {
                Step::Residence.path()
            } else {
                next
            };
            match session.draft {
                Some(draft) => {
                    update_draft(db, settings, &draft.token, &answers).await?;
                    Ok(Outcome::new(StepReply::Next(next)))
                }
                None => {
                    let value = encode_pairs(&only_steps(&answers, &[Step::Eligibility]));
                    Ok(Outcome::new(StepReply::Next(next)).with(set_cookie(
                        ELIGIBILITY_COOKIE,
                        value,
                        settings,
                    )))
                }
            }
        }
        Step::Identity => {
            // Whether another application holds this CIN is never looked at here: the answer
            // would tell anyone who types a woman's CIN whether she applied.
            match session.draft {
                Some(draft) => {
                    update_draft(db, settings, &draft.token, &answers).await?;
                    Ok(Outcome::new(StepReply::Next(next)))
                }
                None => {
                    if !settings.registrations.drafts.allows(client_ip(parts))
                        && assisting_agent(db, parts).await?.is_none()
                    {
                        return Ok(Outcome::new(StepReply::TooMany));
                    }
                    let token = create_draft(db, settings, &answers).await?;
                    Ok(Outcome::new(StepReply::Next(next))
                        .with(set_cookie(DRAFT_COOKIE, token, settings))
                        .with(remove_cookie(ELIGIBILITY_COOKIE)))
                }
            }
        }
        _ => {
            let Some(draft) = session.draft else {
                return Ok(Outcome::new(StepReply::Next(Step::Eligibility.path())));
            };
            if step == Step::Consent {
                answers.insert(CONSENTED_AT.into(), vec![now().to_string()]);
            }
            update_draft(db, settings, &draft.token, &answers).await?;
            Ok(Outcome::new(StepReply::Next(next)))
        }
    }
}

/// When she ticked the consent box, kept with her answers (no form can set it).
const CONSENTED_AT: &str = "_consented_at";

fn birth_date_of(answers: &Raw) -> String {
    parse_date(first(answers, "birth_date"))
        .map(super::fields::iso_date)
        .unwrap_or_default()
}

async fn create_draft(
    db: &Db,
    settings: &WizardSettings,
    answers: &Raw,
) -> Result<String, AppError> {
    let json = serde_json::to_string(answers).map_err(|_| AppError::Internal)?;
    let now = now();
    for _ in 0..5 {
        let token = random_token()?;
        let resume_code = ResumeCode::from_random(random()?);
        let _turn = db.writing().await;
        let done = sqlx::query(
            "insert into drafts (token, resume_code, idempotency_key, birth_date, answers, \
                                 created_at, updated_at, expires_at) \
             values ($1, $2, $3, $4, $5, $6, $6, $7) on conflict do nothing",
        )
        .bind(&token)
        .bind(resume_code.as_str())
        .bind(random_token()?)
        .bind(birth_date_of(answers))
        .bind(&json)
        .bind(now)
        .bind(now + settings.draft_ttl_secs)
        .execute(db.pool())
        .await?;
        if done.rows_affected() == 1 {
            return Ok(token);
        }
    }
    tracing::error!("five resume codes in a row were taken");
    Err(AppError::Internal)
}

async fn update_draft(
    db: &Db,
    settings: &WizardSettings,
    token: &str,
    answers: &Raw,
) -> Result<(), AppError> {
    let json = serde_json::to_string(answers).map_err(|_| AppError::Internal)?;
    let now = now();
    let _turn = db.writing().await;
    sqlx::query(
        "update drafts set answers = $1, birth_date = $2, updated_at = $3, expires_at = $4 \
         where token = $5",
    )
    .bind(json)
    .bind(birth_date_of(answers))
    .bind(now)
    .bind(now + settings.draft_ttl_secs)
    .bind(token)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Deletes the drafts past their expiry. Returns how many.
pub async fn purge_expired_drafts(db: &Db) -> Result<u64, sqlx::Error> {
    let _turn = db.writing().await;
    let done = sqlx::query("delete from drafts where expires_at <= $1")
        .bind(now())
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// The reply to a submission: where she goes, with the cookie that shows her reference,
/// signed, so that a forged one shows nothing.
fn submitted_outcome(reference: String, settings: &WizardSettings) -> Outcome<StepReply> {
    let mut shown = set_cookie(SUBMITTED_COOKIE, reference, settings);
    shown.set_max_age(cookie::time::Duration::days(1));
    let shown = settings.keys.sign(shown);
    Outcome::new(StepReply::Next(SUBMITTED_PATH.into()))
        .with(shown)
        .with(remove_cookie(DRAFT_COOKIE))
}

async fn reference_of(db: &Db, idempotency_key: &str) -> Result<Option<String>, AppError> {
    let row = sqlx::query("select reference from applications where idempotency_key = $1")
        .bind(idempotency_key)
        .fetch_optional(db.pool())
        .await?;
    Ok(match row {
        Some(row) => Some(row.try_get("reference")?),
        None => None,
    })
}

/// Submits her application, once: the same idempotency key always yields the same one.
pub async fn submit(
    db: &Db,
    settings: &WizardSettings,
    parts: &Parts,
    idempotency_key: &str,
) -> Result<Outcome<StepReply>, AppError> {
    if !idempotency_key.is_empty() {
        if let Some(reference) = reference_of(db, idempotency_key).await? {
            return Ok(submitted_outcome(reference, settings));
        }
    }
    let session = session(db, parts).await?;
    let Some(draft) = session.draft else {
        // The same submission, sent twice at once, may have closed the draft just now: it
        // stored the application in the same transaction.
        if !idempotency_key.is_empty() {
            if let Some(reference) = reference_of(db, idempotency_key).await? {
                return Ok(submitted_outcome(reference, settings));
            }
        }
        return Ok(Outcome::new(StepReply::Next(Step::Eligibility.path())));
    };
    let rules = rules_for(db, &draft.answers).await?;
    let application = match read_application(&draft.answers, &rules) {
        Ok(application) => application,
        Err(Incomplete::Step(step, _)) => return Ok(Outcome::new(StepReply::Next(step.path()))),
        Err(Incomplete::NotEligible(reasons)) => {
            return Ok(Outcome::new(StepReply::NotEligible(reasons)))
        }
    };
    let lang = request_lang(parts);
    let consented_at = first(&draft.answers, CONSENTED_AT)
        .parse::<i64>()
        .unwrap_or_else(|_| now());
    let agent = assisting_agent(db, parts).await?;
    let client = client_ip(parts);
    if agent.is_none() && !settings.registrations.submissions.allows(client) {
        return Ok(Outcome::new(StepReply::TooMany));
    }
    let stored = store_application(
        db,
        &NewApplication {
            application: &application,
            answers: &draft.answers,
            idempotency_key: &draft.idempotency_key,
            lang,
            consented_at,
            draft_token: Some(&draft.token),
            entered_by: agent.as_ref().map(|staff| staff.id),
            // Assisted registrations come from a centre's connection, many a day, by design.
            client_key: agent.is_none().then(|| settings.keys.address_key(client)),
        },
    )
    .await?;
    if let Some(changes) = parts.extensions.get::<crate::admin::live::Changes>() {
        changes.notify();
    }
    if let Some(agent) = &agent {
        let _turn = db.writing().await;
        crate::admin::audit::record(
            db.pool(),
            crate::admin::audit::Entry::by(
                agent,
                crate::admin::audit::AuditAction::AssistedRegistration,
                format!("reference:{reference}", reference = stored.0),
                String::new(),
                client,
            ),
        )
        .await?;
    }
    Ok(submitted_outcome(stored.0, settings))
}

/// An application to store, with what it was submitted with.
pub struct NewApplication<'a> {
    pub application: &'a Application,
    pub answers: &'a Raw,
    pub idempotency_key: &'a str,
    pub lang: crate::i18n::Lang,
    pub consented_at: i64,
    /// The draft it came from, deleted in the same transaction.
    pub draft_token: Option<&'a str>,
    /// The centre agent who registered her on her behalf (the assisted channel).
    pub entered_by: Option<i64>,
    /// The keyed hash of the address it came from ([`ServerKeys::address_key`]), to mark
    /// bursts; none for assisted registrations.
    pub client_key: Option<String>,
}

/// An application stored now, or before with the same idempotency key: its reference.
pub struct Stored(pub String);

/// Stores an application once: a second call with the same idempotency key finds the first.
/// Flags possible duplicates (the same CIN among them), marks bursts from one connection, and
/// closes the draft in the same transaction.
pub async fn store_application(db: &Db, new: &NewApplication<'_>) -> Result<Stored, AppError> {
    let application = new.application;
    let key = new.idempotency_key;
    let answers = serde_json::to_string(new.answers).map_err(|_| AppError::Internal)?;
    for _ in 0..5 {
        let reference = ReferenceNumber::from_random(random()?);
        let turn = db.writing().await;
        let mut tx = db.pool().begin().await?;
        let inserted = sqlx::query(
            "insert into applications (reference, idempotency_key, cin, first_name, last_name, \
                 name_key, birth_date, phone, email, region_code, province_id, locality, area, \
                 sector, stage, answers, lang, channel, consent_version, \
                 consented_at, submitted_at, entered_by, last_first_key, client_key) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
                 $17, case when $21 is null then 'self' else 'assisted' end, \
                 $18, $19, $20, $21, $22, $23) \
             on conflict do nothing returning id",
        )
        .bind(reference.as_str())
        .bind(key)
        .bind(application.cin.as_str())
        .bind(application.first_name.as_str())
        .bind(application.last_name.as_str())
        .bind(application.name_key())
        .bind(application.birth_date.iso())
        .bind(application.phone.as_str())
        .bind(application.email.as_ref().map(|e| e.as_str().to_owned()))
        .bind(&application.region)
        .bind(application.province_id)
        .bind(&application.locality)
        .bind(application.area.code())
        .bind(application.sector.code())
        .bind(application.stage.code())
        .bind(&answers)
        .bind(new.lang.code())
        .bind(CONSENT_VERSION)
        .bind(new.consented_at)
        .bind(now())
        .bind(new.entered_by)
        .bind(name_key(
            application.last_name.as_str(),
            application.first_name.as_str(),
        ))
        .bind(new.client_key.as_deref())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = inserted else {
            tx.rollback().await?;
            drop(turn);
            // Someone (a double tap, a retry) got there first with this key?
            if let Some(reference) = reference_of(db, key).await? {
                return Ok(Stored(reference));
            }
            // The reference number was taken: draw another.
            continue;
        };
        let id: i64 = row.try_get(0)?;
        flag_possible_duplicates(&mut tx, id, application).await?;
        if let Some(client_key) = &new.client_key {
            mark_burst(&mut tx, id, client_key).await?;
        }
        if let Some(token) = new.draft_token {
            sqlx::query("delete from drafts where token = $1")
                .bind(token)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        tracing::info!(application = id, "application submitted");
        return Ok(Stored(reference.as_str().to_owned()));
    }
    tracing::error!("five reference numbers in a row were taken");
    Err(AppError::Internal)
}

/// Links the application to any other with the same CIN, the same phone, or the same name
/// and date of birth, both ways, and marks them all for the reviewers. The other applications
/// are not otherwise changed.
async fn flag_possible_duplicates(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    application: &Application,
) -> Result<(), AppError> {
    sqlx::query(
        "insert into application_flags (application_id, other_id, kind) \
         select $1, id, 'same_cin' from applications where cin = $2 and id <> $1",
    )
    .bind(id)
    .bind(application.cin.as_str())
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "insert into application_flags (application_id, other_id, kind) \
         select $1, id, 'same_phone' from applications where phone = $2 and id <> $1",
    )
    .bind(id)
    .bind(application.phone.as_str())
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "insert into application_flags (application_id, other_id, kind) \
         select $1, id, 'same_name_and_birth_date' from applications \
         where name_key = $2 and birth_date = $3 and id <> $1",
    )
    .bind(id)
    .bind(application.name_key())
    .bind(application.birth_date.iso())
    .execute(&mut **tx)
    .await?;
    let flagged = sqlx::query(
        "insert into application_flags (application_id, other_id, kind) \
         select other_id, application_id, kind from application_flags where application_id = $1",
    )
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if flagged.rows_affected() > 0 {
        sqlx::query(
            "update applications set possible_duplicate = true \
             where id = $1 or id in (select other_id from application_flags where application_id = $1)",
        )
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Once [`BURST_SIZE`] applications have come from one connection within
/// [`BURST_WINDOW_SECS`], marks them all, and each one after, for staff to look at. Counts at
/// most one past the size, so a long burst costs the same at each submission.
async fn mark_burst(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    client_key: &str,
) -> Result<(), AppError> {
    let since = now() - BURST_WINDOW_SECS;
    let recent: i64 = sqlx::query(
        "select count(*) from (select 1 from applications \
             where client_key = $1 and submitted_at > $2 limit $3) recent",
    )
    .bind(client_key)
    .bind(since)
    .bind(BURST_SIZE + 1)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    if recent == BURST_SIZE {
        // This one makes the burst: the ones before it in the window are part of it.
        sqlx::query(
            "update applications set burst = true \
             where client_key = $1 and submitted_at > $2 and burst = false",
        )
        .bind(client_key)
        .bind(since)
        .execute(&mut **tx)
        .await?;
    } else if recent > BURST_SIZE {
        sqlx::query("update applications set burst = true where id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Takes up a draft on this phone from its resume code and her date of birth.
pub async fn resume(
    db: &Db,
    settings: &WizardSettings,
    limiter: &LookupLimiter,
    parts: &Parts,
    resume_code: &str,
    birth_date: &str,
) -> Result<Outcome<StepReply>, AppError> {
    let mut errors = FieldErrors::new();
    let code = ResumeCode::parse(resume_code)
        .map_err(|e| errors.push(("resume_code", e)))
        .ok();
    let birth = BirthDate::parse(birth_date, today())
        .map_err(|e| errors.push(("birth_date", e)))
        .ok();
    let (Some(code), Some(birth)) = (code, birth) else {
        return Ok(Outcome::new(refusals(errors)));
    };
    if !limiter.0.allows(client_ip(parts)) {
        return Ok(Outcome::new(StepReply::Invalid(vec![(
            "resume_code".into(),
            FieldError::TooManyAttempts,
        )])));
    }
    let row = sqlx::query(
        "select token, answers from drafts \
         where resume_code = $1 and birth_date = $2 and expires_at > $3",
    )
    .bind(code.as_str())
    .bind(birth.iso())
    .bind(now())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(Outcome::new(StepReply::Invalid(vec![(
            "resume_code".into(),
            FieldError::ResumeNotFound,
        )])));
    };
    let token: String = row.try_get("token")?;
    let answers: Raw =
        serde_json::from_str(&row.try_get::<String, _>("answers")?).unwrap_or_default();
    let rules = rules_for(db, &answers).await?;
    let next = first_incomplete(&answers, &rules).map_or(CHECK_PATH.to_owned(), Step::path);
    Ok(Outcome::new(StepReply::Next(next))
        .with(set_cookie(DRAFT_COOKIE, token, settings))
        .with(remove_cookie(ELIGIBILITY_COOKIE)))
}

/// An application's status from its reference and her CIN or date of birth. A wrong pair
/// gets the same answer as an unknown reference.
pub async fn lookup_status(
    db: &Db,
    limiter: &LookupLimiter,
    parts: &Parts,
    reference: &str,
    identity: &str,
) -> Result<StatusReply, AppError> {
    let mut errors: Refusals = Vec::new();
    let reference = ReferenceNumber::parse(reference)
        .map_err(|e| errors.push(("reference".into(), e)))
        .ok();
    // A date of birth, or else a CIN.
    let birth = parse_date(identity);
    let cin = match birth {
        Some(_) => None,
        None => match Cin::parse(identity) {
            Ok(cin) => Some(cin),
            Err(FieldError::Required) => {
                errors.push(("identity".into(), FieldError::Required));
                None
            }
            Err(_) => {
                errors.push(("identity".into(), FieldError::IdentityFormat));
                None
            }
        },
    };
    let Some(reference) = reference.filter(|_| errors.is_empty()) else {
        return Ok(StatusReply::Invalid(errors));
    };
    if !limiter.0.allows(client_ip(parts)) {
        return Ok(StatusReply::TooMany);
    }
    let row = sqlx::query(
        "select reference, status, cin, birth_date from applications where reference = $1",
    )
    .bind(reference.as_str())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(StatusReply::NotFound);
    };
    let matches = match (&cin, birth) {
        (Some(cin), _) => row.try_get::<String, _>("cin")? == cin.as_str(),
        (None, Some(birth)) => {
            row.try_get::<String, _>("birth_date")? == super::fields::iso_date(birth)
        }
        (None, None) => false,
    };
    if !matches {
        return Ok(StatusReply::NotFound);
    }
    Ok(StatusReply::Found {
        reference: row.try_get("reference")?,
        status: row.try_get("status")?,
    })
}
