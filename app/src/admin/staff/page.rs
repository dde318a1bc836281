//! The staff accounts' page.

use super::*;
use crate::admin::{
    i18n::t,
    roles::{Role, Staff},
    shell::*,
};
use crate::i18n::use_lang;
use leptos::{either::Either, prelude::*};

#[component]
pub fn StaffPage() -> impl IntoView {
    view! { <Console title_key="admin-staff-title" body=staff_body /> }
}

fn staff_body(me: Staff) -> impl IntoView {
    let accounts = Resource::new(|| (), |_| list_staff());
    let lang = use_lang();
    let created = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        leptos::task::spawn_local(async move {
            let reply = create_staff_account(
                field(&pairs, "email"),
                field(&pairs, "name"),
                field(&pairs, "role"),
                field(&pairs, "region"),
                field(&pairs, "site"),
            )
            .await;
            match reply {
                Ok(CreateStaffReply::Created { temporary_password }) => {
                    errors.set(Vec::new());
                    created.set(Some(temporary_password));
                    accounts.refetch();
                }
                Ok(CreateStaffReply::Invalid(refusals)) => {
                    created.set(None);
                    errors.set(refusals);
                }
                Err(error) => errors.set(vec![(String::new(), error.message(lang))]),
            }
        });
    };
    let error_of = move |name: &'static str| {
        move || {
            errors
                .get()
                .into_iter()
                .find(|(field, _)| field == name)
                .map(|(_, key)| view! { <p class="field-error">{t(&key)}</p> })
        }
    };
    // The incubators and centres an account may be attached to, by the role chosen.
    let sites = Resource::new(|| (), |_| crate::admin::sites::load_sites());
    let chosen_role = RwSignal::new(String::new());
    let site_field = move || {
        let kind = Role::from_code(&chosen_role.get()).and_then(Role::site_kind)?;
        let options: Vec<(String, String)> = sites
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.sites
                    .iter()
                    .filter(|site| site.kind == kind)
                    .map(|site| {
                        (
                            site.id.to_string(),
                            format!("{} ({})", site.name(lang), site.region_code),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(view! {
            <div class="field">
                <label for="staff-site">{t("admin-staff-site")}</label>
                <select id="staff-site" name="site">
                    <option value="" selected>{t("admin-choose")}</option>
                    {options
                        .into_iter()
                        .map(|(id, name)| view! { <option value=id>{name}</option> })
                        .collect_view()}
                </select>
                {error_of("site")}
            </div>
        })
    };
    let manageable: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|role| {
            me.manages(
                *role,
                if role.is_regional() {
                    me.region.as_deref()
                } else {
                    None
                },
            )
        })
        .collect();
    if let Some(first) = manageable.first() {
        chosen_role.set(first.code().to_owned());
    }
    let roles = manageable
        .into_iter()
        .map(|role| view! { <option value=role.code()>{t(&role.label_key())}</option> })
        .collect_view();
    let region_field = match me.region.clone() {
        Some(region) => Either::Left(view! { <input type="hidden" name="region" value=region /> }),
        None => Either::Right(view! {
            <div class="field">
                <label for="staff-region">{t("admin-region")}</label>
                <input id="staff-region" name="region" type="text" inputmode="numeric" maxlength="2" dir="ltr" />
                <p class="hint">{t("admin-region-hint")}</p>
            </div>
        }),
    };
    let my_id = me.id;
    view! {
        <h1>{t("admin-staff-title")}</h1>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match accounts.await {
                    Ok(rows) => {
                        view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-label=t("admin-table-scroll")>
                                <table class="list">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t("admin-name")}</th>
                                            <th scope="col">{t("admin-email")}</th>
                                            <th scope="col">{t("admin-role")}</th>
                                            <th scope="col">{t("admin-region")}</th>
                                            <th scope="col">{t("admin-account")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|row| {
                                                let id = row.id;
                                                let active = row.active;
                                                let toggle = move |_| {
                                                    leptos::task::spawn_local(async move {
                                                        let _ = set_staff_active(id, !active).await;
                                                        accounts.refetch();
                                                    });
                                                };
                                                view! {
                                                    <tr>
                                                        <td>
                                                            {row.name}
                                                            {row
                                                                .demo
                                                                .then(|| {
                                                                    view! {
                                                                        " "
                                                                        <span class="badge demo">{t("admin-demo-account")}</span>
                                                                    }
                                                                })}
                                                        </td>
                                                        <td>
                                                            <bdi dir="ltr">{row.email}</bdi>
                                                        </td>
                                                        <td data-label=t("admin-role")>{t(&row.role.label_key())}</td>
                                                        <td data-label=t("admin-region")>
                                                            {match (&row.region_fr, &row.region_ar) {
                                                                (Some(fr), Some(ar)) => lang.pick(fr, ar).to_owned(),
                                                                _ => t("admin-region-national"),
                                                            }}
                                                            {match (&row.site_fr, &row.site_ar) {
                                                                (Some(fr), Some(ar)) => format!(" · {}", lang.pick(fr, ar)),
                                                                _ => String::new(),
                                                            }}
                                                        </td>
                                                        <td>
                                                            {if active { t("admin-active") } else { t("admin-inactive") }}
                                                            " "
                                                            {(id != my_id)
                                                                .then(|| {
                                                                    view! {
                                                                        <button type="button" class="link-button" on:click=toggle>
                                                                            {if active { t("admin-deactivate") } else { t("admin-activate") }}
                                                                        </button>
                                                                    }
                                                                })}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
        <h2>{t("admin-staff-create")}</h2>
        <form class="console-form" on:submit=on_submit novalidate>
            <div class="field">
                <label for="staff-email">{t("admin-email")}</label>
                <input id="staff-email" name="email" type="email" dir="ltr" />
                {error_of("email")}
            </div>
            <div class="field">
                <label for="staff-name">{t("admin-name")}</label>
                <input id="staff-name" name="name" type="text" />
                {error_of("name")}
            </div>
            <div class="field">
                <label for="staff-role">{t("admin-role")}</label>
                <select id="staff-role" name="role" on:change=move |ev| chosen_role.set(event_target_value(&ev))>
                    {roles}
                </select>
                {error_of("role")}
            </div>
            {region_field}
            {error_of("region")}
            {site_field}
            {error_of("")}
            <button type="submit" class="button primary">
                {t("admin-staff-create")}
            </button>
        </form>
        {move || {
            created
                .get()
                .map(|password| {
                    view! {
                        <div class="notice" role="status" id="temporary-password">
                            <p>{t("admin-staff-created")}</p>
                            <p>
                                <code dir="ltr">{password}</code>
                            </p>
                        </div>
                    }
                })
        }}
    }
}
