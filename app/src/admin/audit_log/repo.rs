//! The audit log's queries.

use super::*;
use crate::admin::auth;
use crate::db::Db;
use sqlx::Row;

/// Entries per page of the audit log.
const AUDIT_PER_PAGE: i64 = 50;

pub async fn audit(db: &Db, filters: &AuditFilters) -> Result<AuditPage, AppError> {
    let page = filters.page.max(1);
    let rows = sqlx::query(
        "select at, actor_email, action, subject, detail, client from audit_log \
         where ($1 = '' or actor_email = $1) and ($2 = '' or action = $2) \
         order by id desc limit $3 offset $4",
    )
    .bind(auth::normalise_email(&filters.actor))
    .bind(filters.action.trim())
    .bind(AUDIT_PER_PAGE + 1)
    .bind((i64::from(page) - 1) * AUDIT_PER_PAGE)
    .fetch_all(db.pool())
    .await?;
    let more = rows.len() as i64 > AUDIT_PER_PAGE;
    let rows = rows
        .iter()
        .take(AUDIT_PER_PAGE as usize)
        .map(|row| -> Result<AuditRow, sqlx::Error> {
            Ok(AuditRow {
                at: crate::clock::LocalTime::of(row.try_get("at")?),
                actor_email: row.try_get("actor_email")?,
                action: row.try_get("action")?,
                subject: row.try_get("subject")?,
                subject_name: String::new(),
                subject_link: None,
                detail: row.try_get("detail")?,
                client: row.try_get("client")?,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let rows = name_audit_subjects(db, rows).await?;
    Ok(AuditPage { rows, page, more })
}

/// Names what each entry was done to, in words and with a link: the application's reference,
/// the account's e-mail, the site's and the cohort's names. One query per kind for the whole
/// page, whatever its length.
async fn name_audit_subjects(db: &Db, mut rows: Vec<AuditRow>) -> Result<Vec<AuditRow>, AppError> {
    let ids_of = |kind: &str| -> Vec<i64> {
        rows.iter()
            .filter_map(|row| row.subject.strip_prefix(kind)?.parse().ok())
            .collect()
    };
    let lookup = |table: &'static str, column: &'static str, ids: Vec<i64>| async move {
        let mut names = std::collections::HashMap::new();
        if ids.is_empty() {
            return Ok::<_, AppError>(names);
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "select id, {column} as name from {table} where id in ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for id in &ids {
            query = query.bind(*id);
        }
        for row in query.fetch_all(db.pool()).await? {
            names.insert(
                row.try_get::<i64, _>("id")?,
                row.try_get::<String, _>("name")?,
            );
        }
        Ok(names)
    };
    let applications = lookup("applications", "reference", ids_of("application:")).await?;
    let accounts = lookup("staff", "email", ids_of("staff:")).await?;
    let sites = lookup("sites", "name_fr", ids_of("site:")).await?;
    let cohorts = lookup("cohorts", "name", ids_of("cohort:")).await?;
    let partner_keys = lookup("partner_tokens", "name", ids_of("partner_key:")).await?;
    for row in &mut rows {
        let (kind, value) = row
            .subject
            .split_once(':')
            .unwrap_or((row.subject.as_str(), ""));
        let id = value.parse::<i64>().ok();
        let (name, link) = match (kind, id) {
            ("application", Some(id)) => (
                applications
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| value.to_owned()),
                Some(format!("/admin/applications/{id}")),
            ),
            ("staff", Some(id)) => (
                accounts
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| value.to_owned()),
                Some("/admin/staff".to_owned()),
            ),
            ("site", Some(id)) => (
                sites.get(&id).cloned().unwrap_or_else(|| value.to_owned()),
                Some("/admin/sites".to_owned()),
            ),
            ("cohort", Some(id)) => (
                cohorts
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| value.to_owned()),
                Some(format!("/admin/cohorts/{id}")),
            ),
            ("partner_key", Some(id)) => (
                partner_keys
                    .get(&id)
                    .map(|name| format!("{name} (#{id})"))
                    .unwrap_or_else(|| value.to_owned()),
                Some("/admin/partners".to_owned()),
            ),
            ("session", Some(id)) => (value.to_owned(), Some(format!("/admin/sessions/{id}"))),
            ("reference" | "region" | "reviewer", _) => (value.to_owned(), None),
            _ => (row.subject.clone(), None),
        };
        row.subject_name = name;
        row.subject_link = link;
    }
    Ok(rows)
}
