//! Financing's queries. Every write holds the line's row (on PostgreSQL its row lock; on
//! SQLite the one writer's turn) while it checks what the line allows, and moves a tranche
//! only from the state its step starts from and the version the page read: of two payments
//! of one tranche at once, one is written and the other told it changed.

use super::*;
use crate::admin::{
    audit::{AuditAction, AuditedWrite, Entry},
    follow_up::{clean_text, followed, today},
    roles::Staff,
};
use crate::{
    clock::{self, days},
    db::Db,
};
use sqlx::Row;
use std::net::IpAddr;

/// Her financing lines with their tranches, if she is in the staff member's follow-up.
pub async fn financing(
    db: &Db,
    staff: &Staff,
    application_id: i64,
) -> Result<Option<Financing>, AppError> {
    if followed(db.pool(), staff, application_id).await?.is_none() {
        return Ok(None);
    }
    let mut lines = sqlx::query(
        "select id, kind, funder, funder_detail, approved_centimes, approved_day \
         from financing_lines where application_id = $1 order by id",
    )
    .bind(application_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<LineRow, AppError> {
        Ok(LineRow {
            id: row.try_get("id")?,
            kind: FinancingKind::from_code(&row.try_get::<String, _>("kind")?)
                .ok_or(AppError::Internal)?,
            funder: Funder::from_code(&row.try_get::<String, _>("funder")?)
                .ok_or(AppError::Internal)?,
            funder_detail: row.try_get("funder_detail")?,
            approved: Centimes(row.try_get("approved_centimes")?),
            approved_on: days::shown(row.try_get("approved_day")?),
            tranches: Vec::new(),
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let tranches = sqlx::query(
        "select t.id, t.line_id, t.version, t.amount_centimes, t.state, t.planned_day, \
             t.paid_day, t.payment_reference \
         from tranches t join financing_lines l on l.id = t.line_id \
         where l.application_id = $1 order by t.line_id, t.id",
    )
    .bind(application_id)
    .fetch_all(db.pool())
    .await?;
    for row in tranches {
        let line: i64 = row.try_get("line_id")?;
        let paid: Option<i64> = row.try_get("paid_day")?;
        let tranche = TrancheRow {
            id: row.try_get("id")?,
            version: row.try_get("version")?,
            amount: Centimes(row.try_get("amount_centimes")?),
            state: TrancheState::from_code(&row.try_get::<String, _>("state")?)
                .ok_or(AppError::Internal)?,
            planned: days::shown(row.try_get("planned_day")?),
            paid: paid.map(days::shown),
            payment_reference: row.try_get("payment_reference")?,
        };
        if let Some(line) = lines.iter_mut().find(|l| l.id == line) {
            line.tranches.push(tranche);
        }
    }
    Ok(Some(Financing {
        lines,
        may_finance: staff.runs_follow_up(),
    }))
}

/// The longest name of another funder, and of a payment reference.
const MAX_FUNDER: usize = 120;
const MAX_PAYMENT_REFERENCE: usize = 60;

/// Adds a financing line, its amount approved by the staff member today.
pub async fn add_line(
    db: &Db,
    staff: &Staff,
    form: &LineForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut refuse = |field: &str, key: &str| errors.push((field.to_owned(), key.to_owned()));
    let kind = FinancingKind::from_code(&form.kind);
    if kind.is_none() {
        refuse("kind", "admin-error-choose");
    }
    let funder = Funder::from_code(&form.funder);
    if funder.is_none() {
        refuse("funder", "admin-error-choose");
    }
    let detail = clean_text(&form.funder_detail, MAX_FUNDER);
    match (&detail, funder) {
        (None, _) => refuse("funder_detail", "admin-error-text"),
        (Some(detail), Some(Funder::Other)) if detail.chars().count() < 2 => {
            refuse("funder_detail", "admin-error-funder-detail")
        }
        _ => {}
    }
    let amount = Centimes::parse_dirhams(&form.amount);
    if amount.is_none() {
        refuse("amount", "admin-error-amount");
    }
    let mut write = AuditedWrite::begin(db).await?;
    let Some(her) = followed(&mut *write.tx, staff, form.application_id).await? else {
        return Ok(None);
    };
    let (Some(kind), Some(funder), Some(detail), Some(amount)) = (kind, funder, detail, amount)
    else {
        return Ok(Some(SaveReply::Invalid(errors)));
    };
    if !errors.is_empty() {
        return Ok(Some(SaveReply::Invalid(errors)));
    }
    let id: i64 = sqlx::query(
        "insert into financing_lines (application_id, region_code, kind, funder, funder_detail, \
             approved_centimes, approved_by, approved_day, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
    )
    .bind(her.application_id)
    .bind(&her.region)
    .bind(kind.code())
    .bind(funder.code())
    .bind(if funder == Funder::Other {
        detail
    } else {
        String::new()
    })
    .bind(amount.0)
    .bind(staff.id)
    .bind(today())
    .bind(clock::now())
    .fetch_one(&mut *write.tx)
    .await?
    .try_get(0)?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::FinancingApproved,
            format!("application:{}", her.application_id),
            format!("line:{id} {} {} {}", funder.code(), kind.code(), amount.0),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(id)))
}

/// A line as a write holds it: its row taken first, then what it allows.
struct HeldLine {
    application_id: i64,
    approved: i64,
    /// Planned in all its tranches, and paid (or reconciled) of it.
    planned: i64,
    paid: i64,
}

async fn hold_line(
    write: &mut AuditedWrite,
    staff: &Staff,
    line: i64,
) -> Result<Option<HeldLine>, AppError> {
    // The line's row lock on PostgreSQL: writes to one line's tranches take turns.
    sqlx::query("update financing_lines set version = version + 1 where id = $1")
        .bind(line)
        .execute(&mut *write.tx)
        .await?;
    let row = sqlx::query(
        "select l.application_id, l.approved_centimes, \
             cast(coalesce(sum(t.amount_centimes), 0) as bigint) as planned, \
             cast(coalesce(sum(case when t.state in ('paid', 'reconciled') \
                 then t.amount_centimes else 0 end), 0) as bigint) as paid \
         from financing_lines l left join tranches t on t.line_id = l.id \
         where l.id = $1 group by l.application_id, l.approved_centimes",
    )
    .bind(line)
    .fetch_optional(&mut *write.tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let held = HeldLine {
        application_id: row.try_get("application_id")?,
        approved: row.try_get("approved_centimes")?,
        planned: row.try_get("planned")?,
        paid: row.try_get("paid")?,
    };
    if followed(&mut *write.tx, staff, held.application_id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    Ok(Some(held))
}

/// Plans a tranche of a line: the line's tranches together never pass what it approved.
pub async fn add_tranche(
    db: &Db,
    staff: &Staff,
    form: &TrancheForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let amount = Centimes::parse_dirhams(&form.amount);
    if amount.is_none() {
        errors.push(("amount".into(), "admin-error-amount".into()));
    }
    let planned = days::parse_iso(&form.planned_on);
    if planned.is_none() {
        errors.push(("planned_on".into(), "admin-error-date".into()));
    }
    let mut write = AuditedWrite::begin(db).await?;
    let Some(line) = hold_line(&mut write, staff, form.line_id).await? else {
        return Ok(None);
    };
    let (Some(amount), Some(planned)) = (amount, planned) else {
        return Ok(Some(SaveReply::Invalid(errors)));
    };
    if line.planned + amount.0 > line.approved {
        return Ok(Some(SaveReply::refused(
            "amount",
            "admin-error-tranche-over-line",
        )));
    }
    let id: i64 = sqlx::query(
        "insert into tranches (line_id, amount_centimes, planned_day, created_by, created_at) \
         values ($1, $2, $3, $4, $5) returning id",
    )
    .bind(form.line_id)
    .bind(amount.0)
    .bind(planned)
    .bind(staff.id)
    .bind(clock::now())
    .fetch_one(&mut *write.tx)
    .await?
    .try_get(0)?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::TranchePlanned,
            format!("application:{}", line.application_id),
            format!("tranche:{id} line:{} {}", form.line_id, amount.0),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(id)))
}

/// Moves a tranche one step on: approved, paid (on a day, with a payment reference, never
/// beyond what its line approved), reconciled.
pub async fn advance_tranche(
    db: &Db,
    staff: &Staff,
    form: &StepForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let Some(step) = TrancheStep::from_code(&form.step) else {
        return Ok(Some(SaveReply::refused("step", "admin-error-choose")));
    };
    let line_of: Option<i64> = sqlx::query("select line_id from tranches where id = $1")
        .bind(form.tranche_id)
        .fetch_optional(db.pool())
        .await?
        .map(|row| row.try_get(0))
        .transpose()?;
    let Some(line_id) = line_of else {
        return Ok(None);
    };
    let mut write = AuditedWrite::begin(db).await?;
    let Some(line) = hold_line(&mut write, staff, line_id).await? else {
        return Ok(None);
    };
    let row = sqlx::query("select state, version, amount_centimes from tranches where id = $1")
        .bind(form.tranche_id)
        .fetch_one(&mut *write.tx)
        .await?;
    let state = TrancheState::from_code(&row.try_get::<String, _>("state")?);
    let version: i64 = row.try_get("version")?;
    let amount: i64 = row.try_get("amount_centimes")?;
    let (from, to) = step.from_to();
    if version != form.version {
        return Ok(Some(SaveReply::refused("", "admin-refused-changed")));
    }
    if state != Some(from) {
        return Ok(Some(SaveReply::refused("", "admin-refused-tranche-state")));
    }
    let now = clock::now();
    let (sql, action) = match step {
        TrancheStep::Approve => (
            "update tranches set state = 'approved', approved_by = $3, approved_at = $4, \
                 version = version + 1 \
             where id = $1 and version = $2 and state = 'planned'",
            AuditAction::TrancheApproved,
        ),
        TrancheStep::Pay => (
            "update tranches set state = 'paid', paid_by = $3, paid_at = $4, paid_day = $5, \
                 payment_reference = $6, version = version + 1 \
             where id = $1 and version = $2 and state = 'approved'",
            AuditAction::TranchePaid,
        ),
        TrancheStep::Reconcile => (
            "update tranches set state = 'reconciled', reconciled_by = $3, reconciled_at = $4, \
                 version = version + 1 \
             where id = $1 and version = $2 and state = 'paid'",
            AuditAction::TrancheReconciled,
        ),
    };
    let mut query = sqlx::query(sql)
        .bind(form.tranche_id)
        .bind(version)
        .bind(staff.id)
        .bind(now);
    let mut detail = format!(
        "tranche:{} {} -> {}",
        form.tranche_id,
        from.code(),
        to.code()
    );
    if step == TrancheStep::Pay {
        let mut errors = Vec::new();
        let paid_on = days::parse_iso(&form.paid_on);
        match paid_on {
            None => errors.push(("paid_on".to_owned(), "admin-error-date".to_owned())),
            Some(day) if day > today() => {
                errors.push(("paid_on".to_owned(), "admin-error-date-future".to_owned()))
            }
            _ => {}
        }
        let reference = clean_text(&form.payment_reference, MAX_PAYMENT_REFERENCE)
            .filter(|r| r.chars().count() >= 3);
        if reference.is_none() {
            errors.push((
                "payment_reference".to_owned(),
                "admin-error-payment-reference".to_owned(),
            ));
        }
        let (Some(paid_on), Some(reference)) = (paid_on, reference) else {
            return Ok(Some(SaveReply::Invalid(errors)));
        };
        if !errors.is_empty() {
            return Ok(Some(SaveReply::Invalid(errors)));
        }
        if line.paid + amount > line.approved {
            return Ok(Some(SaveReply::refused("", "admin-error-overpaid")));
        }
        detail.push_str(&format!(" {} {reference}", days::iso(paid_on)));
        query = query.bind(paid_on).bind(reference);
    }
    if query.execute(&mut *write.tx).await?.rows_affected() == 0 {
        return Ok(Some(SaveReply::refused("", "admin-refused-changed")));
    }
    write
        .commit(Entry::by(
            staff,
            action,
            format!("application:{}", line.application_id),
            detail,
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(form.tranche_id)))
}
