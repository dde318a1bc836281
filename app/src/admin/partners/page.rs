//! The partners' keys' page: the keys issued (whose, for where, until when, last used), the
//! form that issues one and shows it once, and the revocation of a key.

use super::*;
use crate::admin::{i18n::t, roles::Staff, shell::*};
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn PartnersPage() -> impl IntoView {
    view! { <Console title_key="admin-partners-title" body=partners_body /> }
}

fn partners_body(_staff: Staff) -> impl IntoView {
    let keys = Resource::new(|| (), |_| list_partner_keys());
    let regions = Resource::new(|| (), |_| crate::reference::get_region_places());
    let message = RwSignal::new(None::<String>);
    let issued = RwSignal::new(None::<String>);
    view! {
        <h1>{t("admin-partners-title")}</h1>
        <p class="lead">{t("admin-partners-lead")}</p>
        <p>
            {t("admin-partners-document")} " "
            <a href="/api/partner/v1/openapi.json" rel="external">
                <bdi dir="ltr">"/api/partner/v1/openapi.json"</bdi>
            </a>
        </p>
        {message_view(message)}
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match keys.await {
                    Ok(rows) => keys_table(rows, keys, message).into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
        <h2 id="issue-title">{t("admin-partner-key-issue")}</h2>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                let regions = regions.await.unwrap_or_default();
                issue_form(regions, keys, issued).into_any()
            })}
        </Transition>
        {move || {
            issued
                .get()
                .map(|key| {
                    view! {
                        <div class="notice" role="status" id="issued-key">
                            <p>{t("admin-partner-key-issued")}</p>
                            <p>
                                <code dir="ltr" class="secret">{key}</code>
                            </p>
                        </div>
                    }
                })
        }}
    }
}

fn keys_table(
    rows: Vec<KeyRow>,
    keys: Resource<Result<Vec<KeyRow>, AppError>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p class="muted" id="partner-keys-none">{t("admin-partner-keys-none")}</p> }
            .into_any();
    }
    let body = rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            // Revoking cannot be undone: a first tap asks, a second one revokes.
            let asking = RwSignal::new(false);
            let revoke = move |_| {
                leptos::task::spawn_local(async move {
                    match revoke_partner_key(id).await {
                        Ok(()) => message.set(Some(t("admin-partner-key-revoked-done"))),
                        Err(error) => message.set(Some(error.message(lang))),
                    }
                    keys.refetch();
                });
            };
            let scope = match (&row.region_fr, &row.region_ar) {
                (Some(fr), Some(ar)) => lang.pick(fr, ar).to_owned(),
                _ => t("admin-region-national"),
            };
            let state = row.state;
            view! {
                <tr data-key=id data-state=state.code()>
                    <th scope="row">{row.name}</th>
                    <td data-label=t("admin-partner-key-scope")>{scope}</td>
                    <td data-label=t("admin-partner-key-shown")>
                        <code dir="ltr">{row.shown} "…"</code>
                    </td>
                    <td data-label=t("admin-partner-key-issued-on")>
                        <bdi dir="ltr" class="nowrap">{row.created.date()}</bdi>
                        " · "
                        {row.created_by}
                    </td>
                    <td data-label=t("admin-partner-key-expires")>
                        <bdi dir="ltr" class="nowrap">{row.expires.date()}</bdi>
                    </td>
                    <td data-label=t("admin-partner-key-last-used")>
                        <bdi dir="ltr" class="nowrap">
                            {row.last_used.map(|at| at.date_time()).unwrap_or_else(|| "—".into())}
                        </bdi>
                    </td>
                    <td>
                        <span class=format!("badge key-{}", state.code())>{t(&state.label_key())}</span>
                        {(state == KeyState::Active)
                            .then(|| {
                                view! {
                                    " "
                                    <button
                                        type="button"
                                        class="link-button"
                                        hidden=move || asking.get()
                                        on:click=move |_| asking.set(true)
                                    >
                                        {t("admin-partner-key-revoke")}
                                    </button>
                                    <span class="confirm" hidden=move || !asking.get()>
                                        {t("admin-partner-key-revoke-ask")} " "
                                        <button type="button" class="button" on:click=revoke>
                                            {t("admin-partner-key-revoke-confirm")}
                                        </button>
                                        " "
                                        <button
                                            type="button"
                                            class="link-button"
                                            on:click=move |_| asking.set(false)
                                        >
                                            {t("admin-cancel")}
                                        </button>
                                    </span>
                                }
                            })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    list_table(
        "partner-keys",
        t("admin-partners-title"),
        vec![
            t("admin-name"),
            t("admin-partner-key-scope"),
            t("admin-partner-key-shown"),
            t("admin-partner-key-issued-on"),
            t("admin-partner-key-expires"),
            t("admin-partner-key-last-used"),
            t("admin-partner-key-state"),
        ],
        body,
    )
    .into_any()
}

fn issue_form(
    regions: Vec<crate::reference::RegionPlaces>,
    keys: Resource<Result<Vec<KeyRow>, AppError>>,
    issued: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let submitted = SubmittedForm::of(&ev);
        let pairs = form_pairs(&ev);
        leptos::task::spawn_local(async move {
            let reply = issue_partner_key(
                field(&pairs, "name"),
                field(&pairs, "region"),
                field(&pairs, "days"),
            )
            .await;
            match reply {
                Ok(IssueReply::Issued { key, .. }) => {
                    refusals.clear();
                    submitted.reset();
                    issued.set(Some(key));
                    keys.refetch();
                }
                Ok(IssueReply::Invalid(refused)) => {
                    issued.set(None);
                    refusals.set(refused);
                }
                Err(error) => refusals.set(vec![(String::new(), error.message(lang))]),
            }
        });
    };
    let mut scopes = vec![(String::new(), t("admin-region-national"))];
    scopes.extend(regions.iter().map(|region| {
        (
            region.code.clone(),
            lang.pick(&region.name_fr, &region.name_ar).to_owned(),
        )
    }));
    view! {
        <form class="console-form" on:submit=on_submit novalidate aria-labelledby="issue-title">
            {text_field("key-name", "name", t("admin-partner-key-name"), Input::text(""), refusals)}
            {select_field("key-region", "region", t("admin-partner-key-scope"), scopes, String::new(), refusals)}
            {text_field(
                "key-days",
                "days",
                t("admin-partner-key-days"),
                Input::number(DEFAULT_DAYS.to_string()),
                refusals,
            )}
            {refusals.of("key-form".into(), "")}
            <button type="submit" class="button primary">{t("admin-partner-key-issue")}</button>
        </form>
    }
}
