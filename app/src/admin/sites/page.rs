//! The sites' page: the incubators and centres of one's scope, and the form that adds or
//! changes one.

use super::*;
use crate::admin::{i18n::t, roles::Staff, shell::*};
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;

#[component]
pub fn SitesPage() -> impl IntoView {
    view! { <Console title_key="admin-sites-title" body=sites_body /> }
}

fn sites_body(_staff: Staff) -> impl IntoView {
    let data = Resource::new(|| (), |_| load_sites());
    let message = RwSignal::new(None::<String>);
    // The site being changed; none while adding one.
    let editing = RwSignal::new(None::<SiteRow>);
    view! {
        <h1>{t("admin-sites-title")}</h1>
        {message_view(message)}
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => sites_view(page, data, editing, message).into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

type SitesResource = Resource<Result<SitesPage, AppError>>;

fn sites_view(
    page: SitesPage,
    data: SitesResource,
    editing: RwSignal<Option<SiteRow>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = page
        .sites
        .iter()
        .map(|site| {
            let other_name = lang.pick(&site.name_ar, &site.name_fr).to_owned();
            let edit = site.clone();
            view! {
                <tr data-site=site.id>
                    <td>
                        <strong>{site.name(lang).to_owned()}</strong>
                        <br />
                        <span class="muted">
                            <bdi>{other_name}</bdi>
                        </span>
                    </td>
                    <td data-label=t("admin-site-kind")>{t(&site.kind.label_key())}</td>
                    <td data-label=t("admin-province")>
                        {lang.pick(&site.province_fr, &site.province_ar).to_owned()}
                    </td>
                    <td data-label=t("admin-capacity")>
                        <bdi dir="ltr">{site.capacity}</bdi>
                    </td>
                    <td data-label=t("admin-site-staff")>{site.staff}</td>
                    <td data-label=t("admin-site-cohorts")>{site.cohorts}</td>
                    <td>
                        <button
                            type="button"
                            class="link-button"
                            on:click=move |_| {
                                message.set(None);
                                editing.set(Some(edit.clone()));
                            }
                        >
                            {t("admin-edit")}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let empty = page.sites.is_empty();
    let regions = page.regions.clone();
    view! {
        {if empty {
            view! { <p class="muted">{t("admin-sites-none")}</p> }.into_any()
        } else {
            view! {
                {list_table(
                    "sites",
                    t("admin-sites-title"),
                    vec![
                        t("admin-name"),
                        t("admin-site-kind"),
                        t("admin-province"),
                        t("admin-capacity"),
                        t("admin-site-staff"),
                        t("admin-site-cohorts"),
                        String::new(),
                    ],
                    rows,
                )}
            }
                .into_any()
        }}
        {move || site_form(regions.clone(), editing.get(), data, editing, message)}
    }
}

fn site_form(
    regions: Vec<RegionChoice>,
    site: Option<SiteRow>,
    data: SitesResource,
    editing: RwSignal<Option<SiteRow>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let refusals = Refusals::default();
    let id = site.as_ref().map_or(0, |s| s.id);
    let version = site.as_ref().map_or(0, |s| s.version);
    let region = RwSignal::new(
        site.as_ref()
            .map(|s| s.region_code.clone())
            .or_else(|| (regions.len() == 1).then(|| regions[0].code.clone()))
            .unwrap_or_default(),
    );
    let value = |pick: fn(&SiteRow) -> String| site.as_ref().map(pick).unwrap_or_default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = SiteForm {
            id,
            version,
            region: region.get_untracked(),
            province_id: field(&pairs, "province_id"),
            kind: field(&pairs, "kind"),
            name_fr: field(&pairs, "name_fr"),
            name_ar: field(&pairs, "name_ar"),
            address_fr: field(&pairs, "address_fr"),
            address_ar: field(&pairs, "address_ar"),
            capacity: field(&pairs, "capacity"),
        };
        save_with(
            refusals,
            message,
            "admin-saved",
            move || save_site(form),
            move |_| {
                editing.set(None);
                data.refetch();
            },
        );
    };
    let region_choice = (regions.len() > 1).then(|| {
        let options: Vec<(String, String)> = regions
            .iter()
            .map(|r| (r.code.clone(), lang.pick(&r.name_fr, &r.name_ar).to_owned()))
            .collect();
        view! {
            <div class="field">
                <label for="site-region">{t("admin-region")}</label>
                <select
                    id="site-region"
                    name="region"
                    on:change=move |ev| region.set(event_target_value(&ev))
                >
                    <option value="" selected=move || region.get().is_empty()>{t("admin-choose")}</option>
                    {options
                        .into_iter()
                        .map(|(code, name)| {
                            let chosen = code.clone();
                            view! { <option value=code selected=move || region.get() == chosen>{name}</option> }
                        })
                        .collect_view()}
                </select>
                {refusals.of("site-region".into(), "region")}
            </div>
        }
    });
    let province = site
        .as_ref()
        .map(|s| s.province_id.to_string())
        .unwrap_or_default();
    let provinces = move || {
        let options = regions
            .iter()
            .find(|r| r.code == region.get())
            .map(|r| {
                r.provinces
                    .iter()
                    .map(|p| {
                        (
                            p.id.to_string(),
                            lang.pick(&p.name_fr, &p.name_ar).to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        select_field(
            "site-province",
            "province_id",
            t("admin-province"),
            options,
            province.clone(),
            refusals,
        )
    };
    let kinds = SiteKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), t(&k.label_key())))
        .collect();
    let kind = site
        .as_ref()
        .map(|s| s.kind.code().to_owned())
        .unwrap_or_default();
    let title = if id == 0 {
        t("admin-site-add")
    } else {
        t("admin-site-change")
    };
    view! {
        <h2 id="site-form-title">{title.clone()}</h2>
        <form class="console-form" on:submit=on_submit novalidate aria-labelledby="site-form-title">
            {select_field("site-kind", "kind", t("admin-site-kind"), kinds, kind, refusals)}
            {region_choice}
            {provinces}
            {text_field("site-name-fr", "name_fr", t("admin-name-fr"), Input::text(value(|s| s.name_fr.clone())).in_lang(Lang::Fr), refusals)}
            {text_field("site-name-ar", "name_ar", t("admin-name-ar"), Input::text(value(|s| s.name_ar.clone())).in_lang(Lang::Ar), refusals)}
            {text_field("site-address-fr", "address_fr", t("admin-address-fr"), Input::text(value(|s| s.address_fr.clone())).in_lang(Lang::Fr), refusals)}
            {text_field("site-address-ar", "address_ar", t("admin-address-ar"), Input::text(value(|s| s.address_ar.clone())).in_lang(Lang::Ar), refusals)}
            {text_field("site-capacity", "capacity", t("admin-capacity"), Input::number(value(|s| s.capacity.to_string())), refusals)}
            {refusals.of("site-form".into(), "")}
            <div class="toolbar">
                <button type="submit" class="button primary">{title}</button>
                {(id != 0)
                    .then(|| {
                        view! {
                            <button type="button" class="button" on:click=move |_| editing.set(None)>
                                {t("admin-cancel")}
                            </button>
                        }
                    })}
            </div>
        </form>
    }
}
