//! Her page's queries: each of her records read by its index on her, merged into one
//! timeline; a milestone confirmed once, by someone who follows her.

use super::*;
use crate::admin::{
    audit::{AuditAction, AuditedWrite, Entry},
    follow_up::{clean_text, followed, records, today, Followed},
    programme::{FinancingKind, Funder, Mark, TrainingModule, TrancheState, VisitKind},
    roles::Staff,
};
use crate::{
    clock::{self, days},
    db::Db,
    i18n::Lang,
};
use sqlx::Row;
use std::net::IpAddr;

const DAY: i64 = 86_400;

/// A local day's item as a moment: seconds after its start in UTC, which is the same local
/// day in Morocco (never behind UTC); the day's order is the items' rank (see [`rank`]).
fn on_day(day: i64) -> i64 {
    day * DAY
}

fn item(at: i64, date: String, kind: &str, detail: String) -> TimelineItem {
    TimelineItem {
        at,
        date,
        kind: kind.to_owned(),
        detail,
        missed: false,
    }
}

/// Where an item of a day falls in that day's order.
fn rank(kind: &str) -> u8 {
    match kind {
        "admin-event-submitted" => 0,
        "admin-event-accept" | "admin-event-wait-list" => 1,
        "admin-timeline-enrolled" => 2,
        "admin-timeline-present" | "admin-timeline-absent" | "admin-timeline-excused" => 3,
        "admin-timeline-visit" => 4,
        "admin-timeline-milestone" => 5,
        "admin-timeline-financing-approved" => 6,
        // A tranche's steps of one day in their order: a payment's time is its day alone,
        // and would otherwise come before the approval's hour.
        "admin-tranche-approved" => 7,
        "admin-tranche-paid" => 8,
        "admin-tranche-reconciled" => 9,
        "admin-timeline-survey" => 10,
        _ => 11,
    }
}

/// Her page, if she is in the staff member's follow-up.
pub async fn beneficiary(
    db: &Db,
    staff: &Staff,
    id: i64,
    lang: Lang,
) -> Result<Option<Beneficiary>, AppError> {
    let Some(her) = followed(db.pool(), staff, id).await? else {
        return Ok(None);
    };
    let row = sqlx::query(
        "select a.reference, a.first_name, a.last_name, a.phone, a.status, a.sector, \
             a.submitted_at, r.name_fr as region_fr, r.name_ar as region_ar, \
             p.name_fr as province_fr, p.name_ar as province_ar, c.name as cohort, \
             t.name as coach, e.next_visit_day \
         from applications a join regions r on r.code = a.region_code \
             join provinces p on p.id = a.province_id \
             join enrolments e on e.id = $2 join cohorts c on c.id = e.cohort_id \
             left join staff t on t.id = c.coach_id \
         where a.id = $1",
    )
    .bind(id)
    .bind(her.enrolment_id)
    .fetch_one(db.pool())
    .await?;
    let today = today();
    let next_visit: i64 = row.try_get("next_visit_day")?;
    let mut timeline = vec![item(
        row.try_get("submitted_at")?,
        clock::LocalTime::of(row.try_get("submitted_at")?).date(),
        "admin-event-submitted",
        String::new(),
    )];
    // Her decision and enrolment, without the review's internals (who recommended what).
    for event in sqlx::query(
        "select at, kind, coalesce(detail, '') as detail from application_events \
         where application_id = $1 and kind in ('accept', 'wait_list', 'withdraw') order by id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    {
        let at: i64 = event.try_get("at")?;
        let kind: String = event.try_get("kind")?;
        timeline.push(item(
            at,
            clock::LocalTime::of(at).date(),
            &format!("admin-event-{}", kind.replace('_', "-")),
            String::new(),
        ));
    }
    for enrolment in sqlx::query(
        "select e.enrolled_day, e.left_day, e.left_reason, c.name from enrolments e \
         join cohorts c on c.id = e.cohort_id where e.application_id = $1 order by e.id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    {
        let day: i64 = enrolment.try_get("enrolled_day")?;
        let cohort: String = enrolment.try_get("name")?;
        timeline.push(item(
            on_day(day),
            days::shown(day),
            "admin-timeline-enrolled",
            cohort.clone(),
        ));
        if let (Some(left), Some(reason)) = (
            enrolment.try_get::<Option<i64>, _>("left_day")?,
            enrolment.try_get::<Option<String>, _>("left_reason")?,
        ) {
            timeline.push(item(
                on_day(left) + 9,
                days::shown(left),
                &format!("admin-timeline-left-{reason}"),
                cohort,
            ));
        }
    }
    let (mut present, mut absent, mut excused) = (0, 0, 0);
    for mark in sqlx::query(
        "select t.starts_at, t.module, m.mark, m.reason from attendance m \
         join training_sessions t on t.id = m.session_id where m.application_id = $1",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    {
        let at: i64 = mark.try_get("starts_at")?;
        let module = TrainingModule::from_code(&mark.try_get::<String, _>("module")?)
            .map(|m| crate::admin::i18n::tr(lang, &m.label_key()))
            .unwrap_or_default();
        let kind = Mark::from_code(&mark.try_get::<String, _>("mark")?);
        let reason: String = mark.try_get("reason")?;
        match kind {
            Some(Mark::Present) => present += 1,
            Some(Mark::Absent) => absent += 1,
            _ => excused += 1,
        }
        let detail = if reason.is_empty() {
            module
        } else {
            format!("{module} · {reason}")
        };
        timeline.push(TimelineItem {
            missed: kind != Some(Mark::Present),
            ..item(
                at,
                clock::LocalTime::of(at).date(),
                &kind.map_or("admin-mark-absent".to_owned(), |k| {
                    format!("admin-timeline-{}", k.code())
                }),
                detail,
            )
        });
    }
    // Her coach's notes are for those who follow her: this page is theirs only.
    for visit in sqlx::query(
        "select v.visit_day, v.kind, v.notes, v.next_steps, s.name from coaching_visits v \
         join staff s on s.id = v.recorded_by where v.application_id = $1 order by v.visit_day, v.id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    {
        let day: i64 = visit.try_get("visit_day")?;
        let kind = VisitKind::from_code(&visit.try_get::<String, _>("kind")?)
            .map(|k| crate::admin::i18n::tr(lang, &k.label_key()))
            .unwrap_or_default();
        let notes: String = visit.try_get("notes")?;
        let next: String = visit.try_get("next_steps")?;
        let by: String = visit.try_get("name")?;
        let mut detail = format!("{kind} · {by}");
        for part in [notes, next] {
            if !part.is_empty() {
                detail.push_str(" · ");
                detail.push_str(&part);
            }
        }
        timeline.push(item(on_day(day) + 1, days::shown(day), "admin-timeline-visit", detail));
    }
    let milestones = sqlx::query(
        "select m.milestone, m.due_day, m.reached_day, m.legal_form, m.document, s.name \
         from milestones m left join staff s on s.id = m.confirmed_by \
         where m.application_id = $1",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<MilestoneRow, AppError> {
        let due: i64 = row.try_get("due_day")?;
        let reached: Option<i64> = row.try_get("reached_day")?;
        let legal: Option<String> = row.try_get("legal_form")?;
        Ok(MilestoneRow {
            milestone: Milestone::from_code(&row.try_get::<String, _>("milestone")?)
                .ok_or(AppError::Internal)?,
            due: days::shown(due),
            late: reached.is_none() && due < today,
            reached: reached.map(days::shown),
            by: row.try_get("name")?,
            legal_form: legal.as_deref().and_then(LegalForm::from_code),
            document: row.try_get("document")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let mut milestones = milestones;
    milestones.sort_by_key(|m| Milestone::ALL.iter().position(|x| *x == m.milestone));
    for row in sqlx::query(
        "select milestone, reached_day, document from milestones \
         where application_id = $1 and reached_day is not null",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    {
        let day: i64 = row.try_get("reached_day")?;
        let milestone = Milestone::from_code(&row.try_get::<String, _>("milestone")?)
            .map(|m| crate::admin::i18n::tr(lang, &m.label_key()))
            .unwrap_or_default();
        let document: String = row.try_get("document")?;
        let detail = if document.is_empty() {
            milestone
        } else {
            format!("{milestone} · {document}")
        };
        timeline.push(item(
            on_day(day) + 2,
            days::shown(day),
            "admin-timeline-milestone",
            detail,
        ));
    }
    financing_events(db, id, lang, &mut timeline).await?;
    let surveys = surveys(db, id, today, lang, &mut timeline).await?;
    // By day; within a day, in the order a day of hers goes (her application before her
    // enrolment, her sessions before her visit, ...), then by the hour.
    timeline.sort_by_key(|i| (clock::local_day(i.at), rank(&i.kind), i.at));
    Ok(Some(Beneficiary {
        application_id: id,
        reference: row.try_get("reference")?,
        name: format!(
            "{} {}",
            row.try_get::<String, _>("first_name")?,
            row.try_get::<String, _>("last_name")?
        ),
        phone: row.try_get("phone")?,
        status: Status::from_code(&row.try_get::<String, _>("status")?)
            .ok_or(AppError::Internal)?,
        region_fr: row.try_get("region_fr")?,
        region_ar: row.try_get("region_ar")?,
        province_fr: row.try_get("province_fr")?,
        province_ar: row.try_get("province_ar")?,
        sector: row.try_get("sector")?,
        cohort_id: her.cohort_id,
        cohort: row.try_get("cohort")?,
        coach: row.try_get("coach")?,
        open: her.open,
        next_visit: days::shown(next_visit),
        visit_overdue: her.open && next_visit < today,
        present,
        absent,
        excused,
        timeline,
        milestones,
        surveys,
        may_record: records(staff, &her),
        may_review: staff.reads_applications(),
        today: days::iso(today),
    }))
}

/// Her financing's steps: each line approved, each tranche approved, paid and reconciled.
async fn financing_events(
    db: &Db,
    id: i64,
    lang: Lang,
    timeline: &mut Vec<TimelineItem>,
) -> Result<(), AppError> {
    let tr = |key: &str| crate::admin::i18n::tr(lang, key);
    for line in sqlx::query(
        "select kind, funder, approved_centimes, approved_day from financing_lines \
         where application_id = $1",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    {
        let day: i64 = line.try_get("approved_day")?;
        let kind = FinancingKind::from_code(&line.try_get::<String, _>("kind")?)
            .map(|k| tr(&k.label_key()))
            .unwrap_or_default();
        let funder = Funder::from_code(&line.try_get::<String, _>("funder")?)
            .map(|f| tr(&f.label_key()))
            .unwrap_or_default();
        let amount = crate::admin::programme::Centimes(line.try_get("approved_centimes")?);
        timeline.push(item(
            on_day(day) + 3,
            days::shown(day),
            "admin-timeline-financing-approved",
            format!("{kind} · {funder} · {}", amount.dirhams(lang)),
        ));
    }
    for tranche in sqlx::query(
        "select t.amount_centimes, t.state, t.approved_at, t.paid_day, t.payment_reference, \
             t.reconciled_at from tranches t join financing_lines l on l.id = t.line_id \
         where l.application_id = $1",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    {
        let amount =
            crate::admin::programme::Centimes(tranche.try_get("amount_centimes")?).dirhams(lang);
        if let Some(at) = tranche.try_get::<Option<i64>, _>("approved_at")? {
            timeline.push(item(
                at,
                clock::LocalTime::of(at).date(),
                &TrancheState::Approved.label_key(),
                amount.clone(),
            ));
        }
        if let Some(day) = tranche.try_get::<Option<i64>, _>("paid_day")? {
            let reference: Option<String> = tranche.try_get("payment_reference")?;
            timeline.push(item(
                on_day(day) + 4,
                days::shown(day),
                &TrancheState::Paid.label_key(),
                format!("{amount} · {}", reference.unwrap_or_default()),
            ));
        }
        if let Some(at) = tranche.try_get::<Option<i64>, _>("reconciled_at")? {
            timeline.push(item(
                at,
                clock::LocalTime::of(at).date(),
                &TrancheState::Reconciled.label_key(),
                amount,
            ));
        }
    }
    Ok(())
}

/// How early a survey may be answered before it falls due (as `coaching` takes it).
const SURVEY_EARLY_DAYS: i64 = 14;

async fn surveys(
    db: &Db,
    id: i64,
    today: i64,
    lang: Lang,
    timeline: &mut Vec<TimelineItem>,
) -> Result<Vec<SurveyRow>, AppError> {
    let mut rows = Vec::new();
    for row in sqlx::query(
        "select wave, due_day, done_day, \
             case when operating then 1 when not operating then 0 end as operating, \
             revenue_band, jobs_women, jobs_men, \
             case when formalised then 1 when not formalised then 0 end as formalised, \
             income_band from surveys where application_id = $1",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    {
        let wave =
            SurveyWave::from_code(&row.try_get::<String, _>("wave")?).ok_or(AppError::Internal)?;
        let due: i64 = row.try_get("due_day")?;
        let done: Option<i64> = row.try_get("done_day")?;
        let yes_no = |column: &str| -> Result<Option<bool>, sqlx::Error> {
            Ok(row.try_get::<Option<i64>, _>(column)?.map(|n| n != 0))
        };
        let band = |column: &str| -> Result<Option<Band>, sqlx::Error> {
            Ok(row
                .try_get::<Option<String>, _>(column)?
                .as_deref()
                .and_then(Band::from_code))
        };
        if let Some(day) = done {
            timeline.push(item(
                on_day(day) + 5,
                days::shown(day),
                "admin-timeline-survey",
                crate::admin::i18n::tr(lang, &wave.label_key()),
            ));
        }
        rows.push(SurveyRow {
            wave,
            due: days::shown(due),
            open: due <= today + SURVEY_EARLY_DAYS,
            done: done.map(days::shown),
            operating: yes_no("operating")?,
            revenue_band: band("revenue_band")?,
            jobs_women: row.try_get("jobs_women")?,
            jobs_men: row.try_get("jobs_men")?,
            formalised: yes_no("formalised")?,
            income_band: band("income_band")?,
        });
    }
    rows.sort_by_key(|s| SurveyWave::ALL.iter().position(|w| *w == s.wave));
    Ok(rows)
}

/// Confirms a milestone of her project, once: when it was reached, who confirmed it (the
/// staff member), the legal form her business took when that is the milestone, and the
/// name of a document that shows it.
pub async fn confirm_milestone(
    db: &Db,
    staff: &Staff,
    form: &MilestoneForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let milestone = Milestone::from_code(&form.milestone);
    if milestone.is_none() {
        errors.push(("milestone".into(), "admin-error-choose".into()));
    }
    let day = days::parse_iso(&form.reached_on);
    match day {
        None => errors.push(("reached_on".into(), "admin-error-date".into())),
        Some(day) if day > today() => {
            errors.push(("reached_on".into(), "admin-error-date-future".into()))
        }
        _ => {}
    }
    let legal_form = LegalForm::from_code(&form.legal_form);
    if milestone == Some(Milestone::LegalFormCreated) && legal_form.is_none() {
        errors.push(("legal_form".into(), "admin-error-legal-form".into()));
    }
    let document = clean_text(&form.document, 200);
    if document.is_none() {
        errors.push(("document".into(), "admin-error-text".into()));
    }
    let mut write = AuditedWrite::begin(db).await?;
    let Some(her): Option<Followed> = followed(&mut *write.tx, staff, form.application_id).await?
    else {
        return Ok(None);
    };
    if !records(staff, &her) {
        return Ok(Some(SaveReply::refused("", "admin-refused-not-enrolled")));
    }
    let (Some(milestone), Some(day), Some(document)) = (milestone, day, document) else {
        return Ok(Some(SaveReply::Invalid(errors)));
    };
    if !errors.is_empty() {
        return Ok(Some(SaveReply::Invalid(errors)));
    }
    let legal_form = (milestone == Milestone::LegalFormCreated)
        .then_some(legal_form)
        .flatten();
    let updated = sqlx::query(
        "update milestones set reached_day = $3, legal_form = $4, document = $5, \
             confirmed_by = $6, confirmed_at = $7 \
         where application_id = $1 and milestone = $2 and reached_day is null",
    )
    .bind(her.application_id)
    .bind(milestone.code())
    .bind(day)
    .bind(legal_form.map(|l| l.code()))
    .bind(&document)
    .bind(staff.id)
    .bind(clock::now())
    .execute(&mut *write.tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(Some(SaveReply::refused(
            "milestone",
            "admin-refused-milestone-reached",
        )));
    }
    write
        .commit(Entry::by(
            staff,
            AuditAction::MilestoneConfirmed,
            format!("application:{}", her.application_id),
            format!("{} {}", milestone.code(), days::iso(day)),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(her.application_id)))
}
