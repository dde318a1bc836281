//! Where an applicant finds help: the programme's helpline and the centres of each region,
//! from the server's configuration (`--helpline`, `--centres-file`). Every public page shows
//! the helpline and the way to the centres; the confirmation names the centre of her region.

use crate::{
    error::AppError,
    i18n::{t, use_lang, Lang},
};
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// A place where a woman is received and helped to register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Centre {
    pub region_code: String,
    pub name_fr: String,
    pub name_ar: String,
    pub address_fr: String,
    pub address_ar: String,
    pub phone: String,
}

/// How to get help, as configured.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Help {
    /// The programme's helpline, as dialled (`0800 00 00 00`).
    pub helpline: Option<String>,
    pub centres: Vec<Centre>,
}

impl Help {
    /// The centres of a region, in the order configured.
    pub fn centres_of<'a>(&'a self, region: &'a str) -> impl Iterator<Item = &'a Centre> + 'a {
        self.centres.iter().filter(move |c| c.region_code == region)
    }
}

#[server(endpoint = "help")]
pub async fn load_help() -> Result<Help, AppError> {
    Ok(use_context::<Help>().unwrap_or_default())
}

/// A phone number, as a link that dials it, kept left to right inside Arabic.
#[component]
pub fn PhoneLink(number: String) -> impl IntoView {
    let dial: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    view! {
        <a href=format!("tel:{dial}") class="phone">
            <bdi dir="ltr">{number}</bdi>
        </a>
    }
}

/// The footer's line: the helpline, and the way to the centres.
#[component]
pub fn HelpLine() -> impl IntoView {
    let help = Resource::new(|| (), |_| load_help());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let help = help.await.unwrap_or_default();
                let helpline = help
                    .helpline
                    .clone()
                    .map(|number| {
                        view! {
                            <span>
                                {t("help-call")} " " <PhoneLink number />
                            </span>
                        }
                    });
                let centres = (!help.centres.is_empty())
                    .then(|| {
                        view! {
                            <a href=CENTRES_PATH>{t("help-find-centre")}</a>
                        }
                    });
                let configured = helpline.is_some() || centres.is_some();
                view! {
                    <p class="help" id="help">
                        <strong>{t("help-title")}</strong>
                        " "
                        {helpline}
                        " "
                        {centres}
                        {(!configured).then(|| t("help-generic"))}
                    </p>
                }
            })}
        </Suspense>
    }
}

/// Where the centres are listed.
pub const CENTRES_PATH: &str = "/centres";

fn centre_view(centre: &Centre, lang: Lang) -> impl IntoView {
    view! {
        <p class="centre-name">{lang.pick(&centre.name_fr, &centre.name_ar).to_owned()}</p>
        <p>{lang.pick(&centre.address_fr, &centre.address_ar).to_owned()}</p>
        <p>
            <PhoneLink number=centre.phone.clone() />
        </p>
    }
}

/// Every region's centres.
#[component]
pub fn CentresPage() -> impl IntoView {
    let help = Resource::new(|| (), |_| load_help());
    let regions = Resource::new(|| (), |_| crate::reference::get_region_places());
    let lang = use_lang();
    view! {
        <Title text=t("centres-title") />
        <section class="page narrow">
            <h1>{t("centres-title")}</h1>
            <p>{t("centres-intro")}</p>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let help = help.await.unwrap_or_default();
                    let regions = regions.await.unwrap_or_default();
                    let helpline = help
                        .helpline
                        .clone()
                        .map(|number| view! { <p>{t("help-call")} " " <PhoneLink number /></p> });
                    let sections = regions
                        .into_iter()
                        .filter(|region| help.centres_of(&region.code).next().is_some())
                        .map(|region| {
                            let centres = help
                                .centres_of(&region.code)
                                .map(|c| view! { <li class="centre">{centre_view(c, lang)}</li> })
                                .collect_view();
                            view! {
                                <section class="centres" data-region=region.code.clone()>
                                    <h2>{lang.pick(&region.name_fr, &region.name_ar).to_owned()}</h2>
                                    <ul class="cards">{centres}</ul>
                                </section>
                            }
                        })
                        .collect_view();
                    view! {
                        {helpline}
                        {sections}
                    }
                })}
            </Suspense>
        </section>
    }
}

/// On the confirmation: the centre of her region, where she can ask about her application.
#[component]
pub fn NearestCentre(region: String) -> impl IntoView {
    let help = Resource::new(|| (), |_| load_help());
    let lang = use_lang();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let region = region.clone();
                Suspend::new(async move {
                    let help = help.await.unwrap_or_default();
                    let centre = help.centres_of(&region).next().cloned();
                    centre
                        .map(|centre| {
                            view! {
                                <section class="nearest-centre" id="nearest-centre">
                                    <h2>{t("centre-nearest-title")}</h2>
                                    {centre_view(&centre, lang)}
                                    <p>
                                        <a href=CENTRES_PATH>{t("help-find-centre")}</a>
                                    </p>
                                </section>
                            }
                        })
                })
            }}
        </Suspense>
    }
}
