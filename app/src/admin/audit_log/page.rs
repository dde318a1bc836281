//! The audit log's page.

use super::*;
use crate::admin::{i18n::t, roles::Staff, shell::*};
use leptos::prelude::*;
use leptos_router::{
    components::{Form, A},
    hooks::use_query_map,
};

#[component]
pub fn AuditPage() -> impl IntoView {
    view! { <Console title_key="admin-audit-title" body=audit_body /> }
}

fn audit_body(_staff: Staff) -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| {
        let query = query.get();
        AuditFilters {
            actor: query.get("actor").unwrap_or_default(),
            action: query.get("action").unwrap_or_default(),
            page: query.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        }
    });
    let entries = Resource::new(move || filters.get(), load_audit);
    view! {
        <h1>{t("admin-audit-title")}</h1>
        <Form method="GET" action="/admin/audit">
            <div class="filters">
                <div class="field">
                    <label for="audit-actor">{t("admin-email")}</label>
                    <input id="audit-actor" name="actor" type="email" dir="ltr" value=move || filters.get().actor />
                </div>
                <div class="field">
                    <label for="audit-action">{t("admin-audit-action")}</label>
                    <select id="audit-action" name="action">
                        <option value="">{t("admin-filter-any")}</option>
                        {AUDIT_ACTIONS
                            .iter()
                            .map(|code| {
                                let chosen = move || filters.get().action == *code;
                                view! {
                                    <option value=*code selected=chosen>
                                        {audit_action_label(code)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <button type="submit" class="button primary">
                {t("admin-filter")}
            </button>
        </Form>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(page) => {
                        let f = filters.get_untracked();
                        let next = format!(
                            "/admin/audit?actor={}&action={}&page={}",
                            crate::layout::encode_query_value(&f.actor),
                            crate::layout::encode_query_value(&f.action),
                            page.page + 1
                        );
                        view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-label=t("admin-table-scroll")>
                                <table class="list">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t("admin-when")}</th>
                                            <th scope="col">{t("admin-email")}</th>
                                            <th scope="col">{t("admin-audit-action")}</th>
                                            <th scope="col">{t("admin-audit-subject")}</th>
                                            <th scope="col">{t("admin-audit-detail")}</th>
                                            <th scope="col">{t("admin-audit-client")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {page
                                            .rows
                                            .into_iter()
                                            .map(|row| {
                                                let kind = row.subject.split(':').next().unwrap_or_default().to_owned();
                                                let name = view! { <bdi dir="ltr">{row.subject_name.clone()}</bdi> };
                                                let subject = match row.subject_link.clone() {
                                                    Some(href) => view! { <A href=href>{name}</A> }.into_any(),
                                                    None => name.into_any(),
                                                };
                                                view! {
                                                    <tr data-action=row.action.clone()>
                                                        <td class="date-cell" data-label=t("admin-when")>
                                                            <bdi dir="ltr">{row.at.date_time()}</bdi>
                                                        </td>
                                                        <td data-label=t("admin-email")>
                                                            <bdi dir="ltr">{row.actor_email}</bdi>
                                                        </td>
                                                        <td data-label=t("admin-audit-action")>
                                                            {audit_action_label(&row.action)}
                                                        </td>
                                                        <td data-label=t("admin-audit-subject")>
                                                            {audit_subject_label(&kind)} " " {subject}
                                                        </td>
                                                        <td data-label=t("admin-audit-detail")>
                                                            <bdi>{row.detail}</bdi>
                                                        </td>
                                                        <td data-label=t("admin-audit-client")>
                                                            <bdi dir="ltr">{row.client}</bdi>
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            {page.more.then(|| view! { <A href=next>{t("admin-next")}</A> })}
                        }
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

/// An action of the audit log, in words.
fn audit_action_label(code: &str) -> String {
    t(&format!("admin-audit-action-{}", code.replace('_', "-")))
}

/// What kind of thing an audit entry was done to, in words.
fn audit_subject_label(kind: &str) -> String {
    match kind {
        "application" | "reference" | "staff" | "region" | "reviewer" | "applications" | "site"
        | "cohort" | "session" => t(&format!("admin-audit-subject-{kind}")),
        _ => String::new(),
    }
}
