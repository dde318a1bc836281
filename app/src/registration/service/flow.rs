//! The step flow: each step's answers checked and kept, the submission, and what a wizard
//! page shows.

use super::*;
use crate::{
    client::{client_ip, request_cookie},
    clock,
    db::Db,
    i18n::request_lang,
    registration::{
        answers::*,
        api::*,
        eligibility::Verdict,
        fields::{BirthDate, FieldError, FieldErrors, ResumeCode},
        steps::*,
    },
};
use drafts::{create_draft, session, update_draft, Draft, Session, CONSENTED_AT};
use http::request::Parts;
use sqlx::Row;
use store::{reference_of, submitted};

/// The regions, with their places and how many women have applied: the public pages' query
/// (counters kept per region and status, no counting of applications at each page), places
/// left never below zero. Read once per change to the figures, not at each page and save.
async fn regions(db: &Db, parts: &Parts) -> Result<Vec<RegionOption>, AppError> {
    let changes = parts.extensions.get::<crate::changes::Changes>();
    Ok(crate::reference::repo::public_region_places(db, changes)
        .await?
        .into_iter()
        .map(|region| RegionOption {
            code: region.code,
            name_fr: region.name_fr,
            name_ar: region.name_ar,
            target: region.target,
            applied: region.applied,
            places_left: region.places_left.max(0),
        })
        .collect())
}

async fn provinces(db: &Db, region: &str) -> Result<Vec<ProvinceOption>, AppError> {
    Ok(crate::reference::repo::places(db)
        .await?
        .provinces_of(region)
        .to_vec())
}

fn rules_from(regions: &[RegionOption], provinces: &[ProvinceOption]) -> Rules {
    Rules {
        today: clock::today(),
        regions: regions.iter().map(|r| r.code.clone()).collect(),
        provinces: provinces.iter().map(|p| p.id).collect(),
    }
}

/// The rules for checking answers. Only codes and ids: no counting of applications, which
/// every step's save would otherwise pay for.
async fn rules_for(db: &Db, answers: &Raw) -> Result<Rules, AppError> {
    let places = crate::reference::repo::places(db).await?;
    Ok(Rules {
        today: clock::today(),
        regions: places.region_codes.clone(),
        provinces: places
            .provinces_of(first(answers, "region"))
            .iter()
            .map(|province| province.id)
            .collect(),
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
    view_of(db, settings, parts, session, posted).await
}

/// The page a save leads to, as the browser's next request would show it: from the answers
/// the save kept, without reading them back.
pub async fn view_after(
    db: &Db,
    settings: &WizardSettings,
    parts: &Parts,
    outcome: &mut Outcome<StepReply>,
) -> Result<WizardView, AppError> {
    let next = outcome.next_request(parts);
    let session = match outcome.kept.take() {
        Some(session) => session,
        None => session(db, &next).await?,
    };
    view_of(db, settings, &next, session, None).await
}

async fn view_of(
    db: &Db,
    settings: &WizardSettings,
    parts: &Parts,
    session: Session,
    posted: Option<Posted>,
) -> Result<WizardView, AppError> {
    let regions = regions(db, parts).await?;
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

pub(super) fn refusals(errors: FieldErrors) -> StepReply {
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
    let parsed = match parse_step(step, &answers, &rules) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(Outcome::new(refusals(errors))),
    };
    parsed.normalize(&mut answers);
    let next = if back_to_check {
        CHECK_PATH.to_owned()
    } else {
        step.next().map_or(CHECK_PATH.to_owned(), Step::path)
    };
    match step {
        Step::Eligibility => {
            if let StepAnswers::Eligibility(Verdict::NotEligible(reasons)) = parsed {
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
                    Ok(Outcome::new(StepReply::Next(next)).keeping(kept(draft, answers)))
                }
                None => {
                    let answers = only_steps(&answers, &[Step::Eligibility]);
                    let value = encode_pairs(&answers);
                    Ok(Outcome::new(StepReply::Next(next))
                        .with(set_cookie(ELIGIBILITY_COOKIE, value, settings))
                        .keeping(Session {
                            draft: None,
                            answers,
                        }))
                }
            }
        }
        Step::Identity => {
            // Whether another application holds this CIN is never looked at here: the answer
            // would tell anyone who types a woman's CIN whether she applied.
            match session.draft {
                Some(draft) => {
                    update_draft(db, settings, &draft.token, &answers).await?;
                    Ok(Outcome::new(StepReply::Next(next)).keeping(kept(draft, answers)))
                }
                None => {
                    if !settings.registrations.drafts.allows(client_ip(parts))
                        && assisting_agent(db, parts).await?.is_none()
                    {
                        return Ok(Outcome::new(StepReply::TooMany));
                    }
                    let draft = create_draft(db, settings, &answers).await?;
                    Ok(Outcome::new(StepReply::Next(next))
                        .with(set_cookie(DRAFT_COOKIE, draft.token.clone(), settings))
                        .with(remove_cookie(ELIGIBILITY_COOKIE))
                        .keeping(kept(draft, answers)))
                }
            }
        }
        _ => {
            let Some(draft) = session.draft else {
                return Ok(Outcome::new(StepReply::Next(Step::Eligibility.path())));
            };
            if step == Step::Consent {
                answers.insert(CONSENTED_AT.into(), vec![clock::now().to_string()]);
            }
            update_draft(db, settings, &draft.token, &answers).await?;
            Ok(Outcome::new(StepReply::Next(next)).keeping(kept(draft, answers)))
        }
    }
}

/// Her draft as a save left it.
fn kept(draft: Draft, answers: Raw) -> Session {
    Session {
        draft: Some(Draft {
            answers: answers.clone(),
            ..draft
        }),
        answers,
    }
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
        .unwrap_or_else(|_| clock::now());
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
            submitted_at: clock::now(),
            draft_token: Some(&draft.token),
            entered_by: agent.as_ref().map(|staff| staff.id),
            // Assisted registrations come from a centre's connection, many a day, by design.
            client_key: agent.is_none().then(|| settings.keys.address_key(client)),
        },
    )
    .await?;
    if let Some(changes) = parts.extensions.get::<crate::changes::Changes>() {
        changes.notify();
    }
    if let Some(agent) = &agent {
        use crate::admin::audit::{record_alone, AuditAction, Entry};
        record_alone(
            db,
            Entry::by(
                agent,
                AuditAction::AssistedRegistration,
                format!("reference:{reference}", reference = stored.0),
                String::new(),
                client,
            ),
        )
        .await?;
    }
    Ok(submitted_outcome(stored.0, settings))
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
    let birth = BirthDate::parse(birth_date, clock::today())
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
    .bind(clock::now())
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
