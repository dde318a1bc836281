//! The public landing page: what the programme offers, who can apply, the places left in
//! each region (read from the database), and the way in to registration.

use crate::{
    i18n::{t, t_with, use_lang, Lang},
    reference::{get_region_places, RegionPlaces},
};
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;

#[component]
pub fn LandingPage() -> impl IntoView {
    let regions = Resource::new(|| (), |_| get_region_places());
    let lang = use_lang();

    view! {
        <Title text=t("landing-title") />
        <section class="hero">
            <p class="eyebrow">{t("landing-eyebrow")}</p>
            <h1>{t("landing-title")}</h1>
            <p class="lead">{t("landing-lead")}</p>
            <p>
                <a class="button primary" href="/register">
                    {t("landing-cta")}
                </a>
            </p>
            <p class="hint">{t("landing-cta-note")}</p>
        </section>

        <section class="page" aria-labelledby="offers-title">
            <h2 id="offers-title">{t("offers-title")}</h2>
            <ul class="cards">
                <li class="card">
                    <h3>{t("offer-training-title")}</h3>
                    <p>{t("offer-training-text")}</p>
                </li>
                <li class="card">
                    <h3>{t("offer-coaching-title")}</h3>
                    <p>{t("offer-coaching-text")}</p>
                </li>
                <li class="card">
                    <h3>{t("offer-financing-title")}</h3>
                    <p>{t("offer-financing-text")}</p>
                </li>
            </ul>
        </section>

        <section class="page" aria-labelledby="eligibility-title">
            <h2 id="eligibility-title">{t("eligibility-title")}</h2>
            <p>{t("eligibility-intro")}</p>
            <ul class="checklist">
                <li>{t("eligibility-age")}</li>
                <li>{t("eligibility-residence")}</li>
                <li>{t("eligibility-project")}</li>
                <li>{t("eligibility-situation")}</li>
            </ul>
        </section>

        <section class="page" aria-labelledby="steps-title">
            <h2 id="steps-title">{t("steps-title")}</h2>
            <ol class="steps">
                <li>{t("step-register")}</li>
                <li>{t("step-review")}</li>
                <li>{t("step-training")}</li>
                <li>{t("step-financing")}</li>
            </ol>
        </section>

        <section class="page" aria-labelledby="places-title">
            <h2 id="places-title">{t("places-title")}</h2>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match regions.await {
                        Ok(regions) => Either::Left(view! { <RegionPlacesList regions /> }),
                        Err(error) => {
                            Either::Right(
                                view! {
                                    <p class="alert" role="alert">
                                        {error.message(lang)}
                                    </p>
                                },
                            )
                        }
                    }
                })}
            </Suspense>
            <p class="hint">{t("places-note")}</p>
        </section>
    }
}

#[component]
fn RegionPlacesList(regions: Vec<RegionPlaces>) -> impl IntoView {
    let lang = use_lang();
    let total: i64 = regions.iter().map(|r| r.target).sum();
    let count = regions.len();
    view! {
        <p>
            {t_with(
                "places-intro",
                &[
                    ("total", format_count(total).into()),
                    ("regions", t_with("landing-regions-count", &[("count", count.into())]).into()),
                ],
            )}
        </p>
        <ul class="regions">
            {regions
                .into_iter()
                .map(|region| view! { <RegionPlacesItem region lang /> })
                .collect_view()}
        </ul>
    }
}

#[component]
fn RegionPlacesItem(region: RegionPlaces, lang: Lang) -> impl IntoView {
    let left = region.places_left.clamp(0, region.target);
    let percent_left = if region.target > 0 {
        left * 100 / region.target
    } else {
        0
    };
    let status = if left > 0 {
        t_with(
            "places-left",
            &[
                ("n", left.into()),
                ("left", format_count(left).into()),
                ("target", format_count(region.target).into()),
            ],
        )
    } else {
        t("places-waitlist")
    };
    let applied = t_with(
        "places-applied",
        &[
            ("n", region.applied.into()),
            ("applied", format_count(region.applied).into()),
        ],
    );
    view! {
        <li class="region" data-region=region.code.clone()>
            <span class="region-name">{lang.pick(&region.name_fr, &region.name_ar).to_owned()}</span>
            <span class="region-places">{status}</span>
            <span class="region-applied">{applied}</span>
            <span class="bar" aria-hidden="true">
                <span class="bar-fill" style=format!("inline-size: {percent_left}%")></span>
            </span>
        </li>
    }
}

/// A whole number with its thousands set apart by a narrow no-break space, as French and
/// Moroccan Arabic print them (digits stay Western, as on Moroccan documents).
pub fn format_count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(3000), "3\u{202f}000");
        assert_eq!(format_count(36000), "36\u{202f}000");
        assert_eq!(format_count(1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(format_count(-1500), "-1\u{202f}500");
    }
}
