//! Her page: who she is in the programme, what to record next (a visit, a milestone, a
//! survey, her financing), and her timeline.

use super::*;
use crate::admin::{
    coaching::{record_survey, record_visit, SurveyForm, VisitForm},
    cohorts::page::path_id,
    financing::{
        add_line, add_tranche, advance_tranche, load_financing, Financing, LineForm, LineRow,
        StepForm, TrancheForm,
    },
    i18n::t,
    programme::{FinancingKind, Funder, TrancheStep, VisitKind},
    roles::Staff,
    shell::*,
};
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn BeneficiaryPage() -> impl IntoView {
    view! { <Console title_key="admin-beneficiary-title" body=beneficiary_body /> }
}

type HerResource = Resource<Result<Beneficiary, AppError>>;

fn beneficiary_body(_staff: Staff) -> impl IntoView {
    let id = path_id("/admin/beneficiaries/");
    let her = Resource::new(move || id.get(), load_beneficiary);
    let financing = Resource::new(move || id.get(), load_financing);
    let message = RwSignal::new(None::<String>);
    view! {
        {message_view(message)}
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match her.await {
                    Ok(b) => {
                        view! {
                            {header(&b)}
                            {b.may_record.then(|| visit_form(b.application_id, b.today.clone(), her, message))}
                            {milestones(&b, her, message)}
                            <section aria-labelledby="financing-title">
                                <h2 id="financing-title">{t("admin-financing")}</h2>
                                <Transition fallback=loading>
                                    {move || Suspend::new(async move {
                                        match financing.await {
                                            Ok(f) => financing_view(id.get_untracked(), f, financing, her, message).into_any(),
                                            Err(error) => error_view(error),
                                        }
                                    })}
                                </Transition>
                            </section>
                            {surveys(&b, her, message)}
                            {timeline(&b)}
                        }
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

fn header(b: &Beneficiary) -> impl IntoView {
    let lang = use_lang();
    let reached = b.milestones.iter().filter(|m| m.reached.is_some()).count();
    // A link's content is made again on each render: owned, not borrowed.
    let cohort = b.cohort.clone();
    view! {
        <h1>{b.name.clone()}</h1>
        <p class="lead">
            <bdi dir="ltr">{b.reference.clone()}</bdi> " · " <bdi dir="ltr">{b.phone.clone()}</bdi> " · "
            {lang.pick(&b.province_fr, &b.province_ar).to_owned()} ", "
            {lang.pick(&b.region_fr, &b.region_ar).to_owned()}
        </p>
        <p>
            <span class=format!("badge status-{}", b.status.code()) id="beneficiary-status">
                {t(&b.status.label_key())}
            </span>
            " · " {t("admin-cohort")} " "
            <A href=format!("/admin/cohorts/{}", b.cohort_id)>{cohort.clone()}</A>
            {(!b.open).then(|| view! { " " <span class="badge">{t("admin-left-cohort")}</span> })}
            " · " {t("admin-coach")} {lang.colon()} {b.coach.clone().unwrap_or_else(|| "—".into())}
            {b.may_review
                .then(|| {
                    view! {
                        " · "
                        <A href=format!("/admin/applications/{}", b.application_id)>{t("admin-open-application")}</A>
                    }
                })}
        </p>
        <div class="cards actions-cards">
            <div class="card">
                <p class="card-value" data-figure="attendance">
                    <bdi dir="ltr">{attendance_rate(b.present, b.present + b.absent, lang)}</bdi>
                </p>
                <p class="card-label">
                    {t("admin-attendance-rate")} " (" {b.present} " / " {b.present + b.absent}
                    {(b.excused > 0).then(|| format!(", {} {}", b.excused, t("admin-excused-count")))} ")"
                </p>
            </div>
            <div class=if b.visit_overdue { "card late" } else { "card" }>
                <p class="card-value" data-figure="next-visit">
                    <bdi dir="ltr">{b.next_visit.clone()}</bdi>
                </p>
                <p class="card-label">
                    {t("admin-next-visit")}
                    {b.visit_overdue.then(|| view! { " " <span class="badge late">{t("admin-overdue")}</span> })}
                </p>
            </div>
            <div class="card">
                <p class="card-value" data-figure="milestones" data-value=reached>
                    <bdi dir="ltr">{reached} " / " {b.milestones.len()}</bdi>
                </p>
                <p class="card-label">{t("admin-milestones-reached")}</p>
            </div>
        </div>
    }
}

fn visit_form(
    id: i64,
    today: String,
    her: HerResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = VisitForm {
            application_id: id,
            date: field(&pairs, "date"),
            kind: field(&pairs, "kind"),
            notes: field(&pairs, "notes"),
            next_steps: field(&pairs, "next_steps"),
        };
        save_with(
            refusals,
            message,
            "admin-visit-recorded",
            move || record_visit(form),
            move |_| her.refetch(),
        );
    };
    let kinds = VisitKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), t(&k.label_key())))
        .collect();
    view! {
        <details class="filter-panel" id="visit-panel">
            <summary>{t("admin-visit-record")}</summary>
            <form class="console-form filters" on:submit=on_submit novalidate>
                {text_field("visit-date", "date", t("admin-date"), Input::date(today), refusals)}
                {select_field("visit-kind", "kind", t("admin-visit-kind"), kinds, String::new(), refusals)}
                {textarea_field("visit-notes", "notes", t("admin-visit-notes"), refusals)}
                {textarea_field("visit-next", "next_steps", t("admin-visit-next-steps"), refusals)}
                {refusals.of("visit-form".into(), "")}
                <button type="submit" class="button primary">{t("admin-visit-record")}</button>
            </form>
        </details>
    }
}

fn milestones(
    b: &Beneficiary,
    her: HerResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let rows = b
        .milestones
        .iter()
        .map(|m| {
            let state = match &m.reached {
                Some(day) => view! {
                    <span class="badge status-accepted">{t("admin-reached")}</span> " "
                    <bdi dir="ltr">{day.clone()}</bdi>
                    {m.by.clone().map(|by| format!(" · {by}"))}
                    {m.legal_form.map(|l| format!(" · {}", t(&l.label_key())))}
                    {(!m.document.is_empty()).then(|| format!(" · {}", m.document))}
                }
                .into_any(),
                None => view! { <span class="muted">{t("admin-not-reached")}</span> }.into_any(),
            };
            view! {
                <tr data-milestone=m.milestone.code()>
                    <th scope="row">{t(&m.milestone.label_key())}</th>
                    <td data-label=t("admin-due")>
                        <bdi dir="ltr" class="nowrap">{m.due.clone()}</bdi>
                        {m.late.then(|| view! { " " <span class="badge late">{t("admin-overdue")}</span> })}
                    </td>
                    <td>{state}</td>
                </tr>
            }
        })
        .collect_view();
    let open: Vec<crate::admin::programme::Milestone> = b
        .milestones
        .iter()
        .filter(|m| m.reached.is_none())
        .map(|m| m.milestone)
        .collect();
    let form = (b.may_record && !open.is_empty())
        .then(|| milestone_form(b.application_id, open, b.today.clone(), her, message));
    view! {
        <h2>{t("admin-milestones")}</h2>
        {list_table(
            "milestones",
            t("admin-milestones"),
            vec![
                t("admin-milestone"),
                t("admin-due"),
                t("admin-milestone-state"),
            ],
            rows,
        )}
        {form}
    }
}

/// Confirms one of the milestones not reached yet.
fn milestone_form(
    id: i64,
    open: Vec<crate::admin::programme::Milestone>,
    today: String,
    her: HerResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    use crate::admin::programme::LegalForm;
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = MilestoneForm {
            application_id: id,
            milestone: field(&pairs, "milestone"),
            reached_on: field(&pairs, "reached_on"),
            legal_form: field(&pairs, "legal_form"),
            document: field(&pairs, "document"),
        };
        save_with(
            refusals,
            message,
            "admin-milestone-confirmed",
            move || confirm_milestone(form),
            move |_| her.refetch(),
        );
    };
    let milestones = open
        .iter()
        .map(|m| (m.code().to_owned(), t(&m.label_key())))
        .collect();
    let forms = LegalForm::ALL
        .iter()
        .map(|l| (l.code().to_owned(), t(&l.label_key())))
        .collect();
    view! {
        <details class="filter-panel" id="milestone-panel">
            <summary>{t("admin-milestone-confirm")}</summary>
            <form class="console-form filters" on:submit=on_submit novalidate>
                {select_field("milestone-which", "milestone", t("admin-milestone"), milestones, String::new(), refusals)}
                {text_field("milestone-day", "reached_on", t("admin-reached-on"), Input::date(today), refusals)}
                {select_field("milestone-legal", "legal_form", t("admin-legal-form-if-created"), forms, String::new(), refusals)}
                {text_field("milestone-document", "document", t("admin-document"), Input::text(""), refusals)}
                {refusals.of("milestone-form".into(), "")}
                <button type="submit" class="button primary">{t("admin-confirm")}</button>
            </form>
        </details>
    }
}

type FinancingResource = Resource<Result<Financing, AppError>>;

fn financing_view(
    id: i64,
    f: Financing,
    financing: FinancingResource,
    her: HerResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let refresh = move || {
        financing.refetch();
        her.refetch();
    };
    let may_finance = f.may_finance;
    let lines = f
        .lines
        .iter()
        .map(|line| line_view(line, may_finance, refresh, message))
        .collect_view();
    let empty = f.lines.is_empty();
    let totals = (!empty).then(|| {
        let approved: i64 = f.lines.iter().map(|l| l.approved.0).sum();
        let paid: i64 = f.lines.iter().map(|l| l.paid().0).sum();
        view! {
            <p id="financing-totals">
                {t("admin-approved")} {lang.colon()}
                <bdi dir="ltr">{crate::admin::programme::Centimes(approved).dirhams(lang)}</bdi> " · "
                {t("admin-paid")} {lang.colon()}
                <bdi dir="ltr">{crate::admin::programme::Centimes(paid).dirhams(lang)}</bdi>
            </p>
        }
    });
    view! {
        {totals}
        {if empty { Some(view! { <p class="muted">{t("admin-financing-none")}</p> }) } else { None }}
        {lines}
        {may_finance.then(|| line_form(id, refresh, message))}
    }
}

fn line_view(
    line: &LineRow,
    may_finance: bool,
    refresh: impl Fn() + Copy + Send + Sync + 'static,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let funder = if line.funder == Funder::Other {
        line.funder_detail.clone()
    } else {
        t(&line.funder.label_key())
    };
    let tranches = line
        .tranches
        .iter()
        .enumerate()
        .map(|(i, tranche)| {
            let step = (may_finance).then(|| tranche.next_step()).flatten().map(|step| {
                step_form(tranche.id, tranche.version, step, refresh, message)
            });
            view! {
                <tr data-tranche=tranche.id data-state=tranche.state.code()>
                    <th scope="row">{t("admin-tranche")} " " {i + 1}</th>
                    <td data-label=t("admin-amount")>
                        <bdi dir="ltr" class="nowrap">{tranche.amount.dirhams(lang)}</bdi>
                    </td>
                    <td data-label=t("admin-planned-on")>
                        <bdi dir="ltr" class="nowrap">{tranche.planned.clone()}</bdi>
                    </td>
                    <td data-label=t("admin-tranche-state")>
                        <span class=format!("badge tranche-{}", tranche.state.code())>{t(&tranche.state.label_key())}</span>
                        {tranche.paid.clone().map(|day| view! { " " <bdi dir="ltr" class="nowrap">{day}</bdi> })}
                        {tranche.payment_reference.clone().map(|r| view! { " · " <bdi dir="ltr" class="nowrap">{r}</bdi> })}
                    </td>
                    <td>{step}</td>
                </tr>
            }
        })
        .collect_view();
    let remaining = crate::admin::programme::Centimes(line.approved.0 - line.planned().0);
    let title = format!("line-{}-title", line.id);
    let add = (may_finance && remaining.0 > 0).then(|| tranche_form(line.id, refresh, message));
    view! {
        <article class="financing-line" data-line=line.id>
            <h3 id=title.clone()>
                {t(&line.kind.label_key())} " · " {funder} " · "
                <bdi dir="ltr">{line.approved.dirhams(lang)}</bdi>
            </h3>
            <p class="muted">
                {t("admin-approved-on")} " " <bdi dir="ltr">{line.approved_on.clone()}</bdi> " · "
                {t("admin-paid")} {lang.colon()} <bdi dir="ltr">{line.paid().dirhams(lang)}</bdi> " · "
                {t("admin-to-plan")} {lang.colon()} <bdi dir="ltr">{remaining.dirhams(lang)}</bdi>
            </p>
            {(!line.tranches.is_empty())
                .then(|| {
                    view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=title.clone()>
                            <table class="list">
                                <thead>
                                    <tr>
                                        <th scope="col">{t("admin-tranche")}</th>
                                        <th scope="col">{t("admin-amount")}</th>
                                        <th scope="col">{t("admin-planned-on")}</th>
                                        <th scope="col">{t("admin-tranche-state")}</th>
                                        <th scope="col">
                                            <span class="visually-hidden">{t("admin-actions")}</span>
                                        </th>
                                    </tr>
                                </thead>
                                <tbody>{tranches}</tbody>
                            </table>
                        </div>
                    }
                })}
            {add}
        </article>
    }
}

fn step_form(
    tranche: i64,
    version: i64,
    step: TrancheStep,
    refresh: impl Fn() + Copy + Send + Sync + 'static,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = StepForm {
            tranche_id: tranche,
            version,
            step: step.code().to_owned(),
            paid_on: field(&pairs, "paid_on"),
            payment_reference: field(&pairs, "payment_reference"),
        };
        save_with(
            refusals,
            message,
            "admin-tranche-moved",
            move || advance_tranche(form),
            move |_| refresh(),
        );
    };
    let prefix = format!("tranche-{tranche}");
    let pay_fields = (step == TrancheStep::Pay).then(|| {
        view! {
            {text_field(&format!("{prefix}-paid-on"), "paid_on", t("admin-paid-on"), Input::date(""), refusals)}
            {text_field(&format!("{prefix}-reference"), "payment_reference", t("admin-payment-reference"), Input::code(""), refusals)}
        }
    });
    view! {
        <form class="console-form inline" on:submit=on_submit novalidate>
            {pay_fields}
            {refusals.of(format!("{prefix}-step"), "")}
            <button type="submit" class="button">{t(&step.label_key())}</button>
        </form>
    }
}

fn tranche_form(
    line: i64,
    refresh: impl Fn() + Copy + Send + Sync + 'static,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = TrancheForm {
            line_id: line,
            amount: field(&pairs, "amount"),
            planned_on: field(&pairs, "planned_on"),
        };
        save_with(
            refusals,
            message,
            "admin-tranche-added",
            move || add_tranche(form),
            move |_| refresh(),
        );
    };
    let prefix = format!("line-{line}");
    view! {
        <form class="console-form inline" on:submit=on_submit novalidate aria-label=t("admin-tranche-add")>
            {text_field(&format!("{prefix}-amount"), "amount", t("admin-amount-dh"), Input::number(""), refusals)}
            {text_field(&format!("{prefix}-planned"), "planned_on", t("admin-planned-on"), Input::date(""), refusals)}
            {refusals.of(format!("{prefix}-form"), "")}
            <button type="submit" class="button">{t("admin-tranche-add")}</button>
        </form>
    }
}

fn line_form(
    id: i64,
    refresh: impl Fn() + Copy + Send + Sync + 'static,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = LineForm {
            application_id: id,
            kind: field(&pairs, "kind"),
            funder: field(&pairs, "funder"),
            funder_detail: field(&pairs, "funder_detail"),
            amount: field(&pairs, "amount"),
        };
        save_with(
            refusals,
            message,
            "admin-line-added",
            move || add_line(form),
            move |_| refresh(),
        );
    };
    let kinds = FinancingKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), t(&k.label_key())))
        .collect();
    let funders = Funder::ALL
        .iter()
        .map(|f| (f.code().to_owned(), t(&f.label_key())))
        .collect();
    view! {
        <details class="filter-panel" id="line-panel">
            <summary>{t("admin-line-add")}</summary>
            <form class="console-form filters" on:submit=on_submit novalidate>
                {select_field("line-kind", "kind", t("admin-financing-kind"), kinds, String::new(), refusals)}
                {select_field("line-funder", "funder", t("admin-funder"), funders, String::new(), refusals)}
                {text_field("line-funder-detail", "funder_detail", t("admin-funder-detail"), Input::text(""), refusals)}
                {text_field("line-amount", "amount", t("admin-amount-approved-dh"), Input::number(""), refusals)}
                {refusals.of("line-form".into(), "")}
                <button type="submit" class="button primary">{t("admin-line-add")}</button>
            </form>
        </details>
    }
}

fn surveys(b: &Beneficiary, her: HerResource, message: RwSignal<Option<String>>) -> impl IntoView {
    let yes_no = |v: Option<bool>| match v {
        Some(true) => t("admin-yes"),
        Some(false) => t("admin-no"),
        None => "—".to_owned(),
    };
    let lang = use_lang();
    let rows = b
        .surveys
        .iter()
        .map(|s| {
            let answers = match &s.done {
                Some(day) => view! {
                    <bdi dir="ltr">{day.clone()}</bdi> " · " {t("admin-survey-operating")} {lang.colon()}
                    {yes_no(s.operating)} " · " {t("admin-survey-revenue")} {lang.colon()}
                    {s.revenue_band.map(|b| t(&b.label_key())).unwrap_or_default()} " · "
                    {t("admin-survey-jobs")} {lang.colon()}
                    <bdi dir="ltr">{s.jobs_women.unwrap_or(0)} " + " {s.jobs_men.unwrap_or(0)}</bdi>
                }
                .into_any(),
                None if s.open => view! { <span class="badge late">{t("admin-survey-due")}</span> }.into_any(),
                None => view! { <span class="muted">{t("admin-survey-not-yet")}</span> }.into_any(),
            };
            view! {
                <tr data-wave=s.wave.code()>
                    <th scope="row">{t(&s.wave.label_key())}</th>
                    <td data-label=t("admin-due")>
                        <bdi dir="ltr" class="nowrap">{s.due.clone()}</bdi>
                    </td>
                    <td>{answers}</td>
                </tr>
            }
        })
        .collect_view();
    let due: Vec<crate::admin::programme::SurveyWave> = b
        .surveys
        .iter()
        .filter(|s| s.open && s.done.is_none())
        .map(|s| s.wave)
        .collect();
    let form =
        (b.may_record && !due.is_empty()).then(|| survey_form(b.application_id, due, her, message));
    view! {
        <h2 id="surveys">{t("admin-surveys")}</h2>
        {list_table(
            "survey-table",
            t("admin-surveys"),
            vec![
                t("admin-wave"),
                t("admin-due"),
                t("admin-survey-answers"),
            ],
            rows,
        )}
        {form}
    }
}

/// Answers one of the surveys due, as her coach asks them.
fn survey_form(
    id: i64,
    due: Vec<crate::admin::programme::SurveyWave>,
    her: HerResource,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    use crate::admin::programme::Band;
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pairs = form_pairs(&ev);
        let form = SurveyForm {
            application_id: id,
            wave: field(&pairs, "wave"),
            operating: field(&pairs, "operating"),
            revenue_band: field(&pairs, "revenue_band"),
            jobs_women: field(&pairs, "jobs_women"),
            jobs_men: field(&pairs, "jobs_men"),
            formalised: field(&pairs, "formalised"),
            income_band: field(&pairs, "income_band"),
        };
        save_with(
            refusals,
            message,
            "admin-survey-recorded",
            move || record_survey(form),
            move |_| her.refetch(),
        );
    };
    let yes_no = || {
        vec![
            ("yes".to_owned(), t("admin-yes")),
            ("no".to_owned(), t("admin-no")),
        ]
    };
    let bands = || {
        Band::ALL
            .iter()
            .map(|b| (b.code().to_owned(), t(&b.label_key())))
            .collect::<Vec<_>>()
    };
    let first = due.first().map(|w| w.code().to_owned()).unwrap_or_default();
    let waves = due
        .iter()
        .map(|w| (w.code().to_owned(), t(&w.label_key())))
        .collect();
    view! {
        <details class="filter-panel" id="survey-panel">
            <summary>{t("admin-survey-record")}</summary>
            <form class="console-form filters" on:submit=on_submit novalidate>
                {select_field("survey-wave", "wave", t("admin-wave"), waves, first, refusals)}
                {select_field("survey-operating", "operating", t("admin-survey-operating"), yes_no(), String::new(), refusals)}
                {select_field("survey-revenue", "revenue_band", t("admin-survey-revenue"), bands(), String::new(), refusals)}
                {text_field("survey-jobs-women", "jobs_women", t("admin-survey-jobs-women"), Input::number("0"), refusals)}
                {text_field("survey-jobs-men", "jobs_men", t("admin-survey-jobs-men"), Input::number("0"), refusals)}
                {select_field("survey-formalised", "formalised", t("admin-survey-formalised"), yes_no(), String::new(), refusals)}
                {select_field("survey-income", "income_band", t("admin-survey-income"), bands(), String::new(), refusals)}
                {refusals.of("survey-form".into(), "")}
                <button type="submit" class="button primary">{t("admin-survey-record")}</button>
            </form>
        </details>
    }
}

fn timeline(b: &Beneficiary) -> impl IntoView {
    let items = b
        .timeline
        .iter()
        .map(|i| {
            view! {
                <li class:missed=i.missed data-kind=i.kind.clone()>
                    <span class="muted nowrap">
                        <bdi dir="ltr">{i.date.clone()}</bdi>
                    </span>
                    " " {t(&i.kind)}
                    {(!i.detail.is_empty()).then(|| view! { " · " <bdi>{i.detail.clone()}</bdi> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{t("admin-timeline")}</h2>
        <ol class="history timeline" id="timeline">{items}</ol>
    }
}
