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

/// Her data as last read. The page is drawn once from the first read; a save reads her data
/// again into this, and only what shows it is drawn again. The forms stay as they are, so
/// what someone typed in one while another was saved is kept.
#[derive(Clone, Copy)]
struct Her {
    id: i64,
    now: RwSignal<Beneficiary>,
    message: RwSignal<Option<String>>,
}

impl Her {
    fn reload(self) {
        let lang = use_lang();
        leptos::task::spawn_local(async move {
            match load_beneficiary(self.id).await {
                Ok(b) => self.now.set(b),
                Err(error) => self.message.set(Some(error.message(lang))),
            }
        });
    }
}

fn beneficiary_body(_staff: Staff) -> impl IntoView {
    let id = path_id("/admin/beneficiaries/");
    // Read when she opens the page (or another woman's): never read again as a whole.
    let first = Resource::new(move || id.get(), load_beneficiary);
    let financing = Resource::new(move || id.get(), load_financing);
    let message = RwSignal::new(None::<String>);
    view! {
        {message_view(message)}
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match first.await {
                    Ok(b) => beneficiary_view(b, financing, message).into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

fn beneficiary_view(
    b: Beneficiary,
    financing: Resource<Result<Financing, AppError>>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let application_id = b.application_id;
    let may_record = b.may_record;
    let today = b.today.clone();
    let her = Her {
        id: application_id,
        now: RwSignal::new(b),
        message,
    };
    let now = her.now;
    view! {
        {move || now.with(header)}
        {may_record.then(|| visit_form(application_id, today.clone(), her))}
        {milestones(her, today)}
        <section aria-labelledby="financing-title">
            <h2 id="financing-title">{t("admin-financing")}</h2>
            <Transition fallback=loading>
                {move || Suspend::new(async move {
                    match financing.await {
                        Ok(f) => financing_view(f, her).into_any(),
                        Err(error) => error_view(error),
                    }
                })}
            </Transition>
        </section>
        {surveys(her)}
        {move || now.with(timeline)}
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

fn visit_form(id: i64, today: String, her: Her) -> impl IntoView {
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let submitted = SubmittedForm::of(&ev);
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
            her.message,
            "admin-visit-recorded",
            move || record_visit(form),
            move |_| {
                submitted.reset();
                her.reload();
            },
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

fn milestone_rows(b: &Beneficiary) -> impl IntoView {
    b.milestones
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
        .collect_view()
}

fn milestones(her: Her, today: String) -> impl IntoView {
    let now = her.now;
    // The form is drawn again only when the milestones it offers change.
    let open = Memo::new(move |_| {
        now.with(|b| {
            b.milestones
                .iter()
                .filter(|m| b.may_record && m.reached.is_none())
                .map(|m| m.milestone)
                .collect::<Vec<_>>()
        })
    });
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
            move || now.with(milestone_rows),
        )}
        {move || {
            let open = open.get();
            (!open.is_empty()).then(|| milestone_form(her, open, today.clone()))
        }}
    }
}

/// Confirms one of the milestones not reached yet.
fn milestone_form(
    her: Her,
    open: Vec<crate::admin::programme::Milestone>,
    today: String,
) -> impl IntoView {
    use crate::admin::programme::LegalForm;
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let submitted = SubmittedForm::of(&ev);
        let pairs = form_pairs(&ev);
        let form = MilestoneForm {
            application_id: her.id,
            milestone: field(&pairs, "milestone"),
            reached_on: field(&pairs, "reached_on"),
            legal_form: field(&pairs, "legal_form"),
            document: field(&pairs, "document"),
        };
        save_with(
            refusals,
            her.message,
            "admin-milestone-confirmed",
            move || confirm_milestone(form),
            move |_| {
                submitted.reset();
                her.reload();
            },
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

/// Her financing as last read, read again (with her timeline) after each of its saves.
#[derive(Clone, Copy)]
struct Lines {
    her: Her,
    now: RwSignal<Financing>,
}

impl Lines {
    fn reload(self) {
        let lang = use_lang();
        let Lines { her, now } = self;
        leptos::task::spawn_local(async move {
            match load_financing(her.id).await {
                Ok(f) => now.set(f),
                Err(error) => her.message.set(Some(error.message(lang))),
            }
        });
        her.reload();
    }

    fn line(self, id: i64) -> Memo<Option<LineRow>> {
        let now = self.now;
        Memo::new(move |_| now.with(|f| f.lines.iter().find(|l| l.id == id).cloned()))
    }
}

fn financing_view(f: Financing, her: Her) -> impl IntoView {
    let lang = use_lang();
    let may_finance = f.may_finance;
    let lines = Lines {
        her,
        now: RwSignal::new(f),
    };
    let now = lines.now;
    let totals = move || {
        now.with(|f| {
            if f.lines.is_empty() {
                return view! { <p class="muted">{t("admin-financing-none")}</p> }.into_any();
            }
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
            .into_any()
        })
    };
    // Each line is drawn once, and what changes in it is drawn again: a tranche typed into
    // one line is kept while another line is saved.
    view! {
        {totals}
        <For
            each=move || now.with(|f| f.lines.iter().map(|l| l.id).collect::<Vec<_>>())
            key=|id| *id
            children=move |id| line_view(lines, id, may_finance)
        />
        {may_finance.then(|| line_form(lines))}
    }
}

fn line_view(lines: Lines, id: i64, may_finance: bool) -> impl IntoView {
    let lang = use_lang();
    let line = lines.line(id);
    let heading = move || {
        line.with(|line| {
            line.as_ref().map(|line| {
                let funder = if line.funder == Funder::Other {
                    line.funder_detail.clone()
                } else {
                    t(&line.funder.label_key())
                };
                view! {
                    {t(&line.kind.label_key())} " · " {funder} " · "
                    <bdi dir="ltr">{line.approved.dirhams(lang)}</bdi>
                }
            })
        })
    };
    let remaining = Memo::new(move |_| {
        line.with(|line| {
            line.as_ref()
                .map_or(0, |line| line.approved.0 - line.planned().0)
        })
    });
    let summary = move || {
        line.with(|line| {
            line.as_ref().map(|line| {
                view! {
                    {t("admin-approved-on")} " " <bdi dir="ltr">{line.approved_on.clone()}</bdi> " · "
                    {t("admin-paid")} {lang.colon()} <bdi dir="ltr">{line.paid().dirhams(lang)}</bdi> " · "
                    {t("admin-to-plan")} {lang.colon()}
                    <bdi dir="ltr">{crate::admin::programme::Centimes(remaining.get()).dirhams(lang)}</bdi>
                }
            })
        })
    };
    // A tranche's row is drawn again when it moves on (its version changes), and only then.
    let tranches = move || {
        line.with(|line| {
            line.as_ref()
                .map(|line| {
                    line.tranches
                        .iter()
                        .cloned()
                        .enumerate()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let empty = move || line.with(|line| line.as_ref().is_none_or(|l| l.tranches.is_empty()));
    let title = format!("line-{id}-title");
    view! {
        <article class="financing-line" data-line=id>
            <h3 id=title.clone()>{heading}</h3>
            <p class="muted">{summary}</p>
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-labelledby=title
                hidden=empty
            >
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
                    <tbody>
                        <For
                            each=tranches
                            key=|(_, tranche)| (tranche.id, tranche.version)
                            children=move |(i, tranche)| tranche_row(lines, i, tranche, may_finance)
                        />
                    </tbody>
                </table>
            </div>
            {move || (may_finance && remaining.get() > 0).then(|| tranche_form(lines, id))}
        </article>
    }
}

fn tranche_row(
    lines: Lines,
    i: usize,
    tranche: crate::admin::financing::TrancheRow,
    may_finance: bool,
) -> impl IntoView {
    let lang = use_lang();
    let step = may_finance
        .then(|| tranche.next_step())
        .flatten()
        .map(|step| step_form(lines, tranche.id, tranche.version, step));
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
}

fn step_form(lines: Lines, tranche: i64, version: i64, step: TrancheStep) -> impl IntoView {
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
            lines.her.message,
            "admin-tranche-moved",
            move || advance_tranche(form),
            move |_| lines.reload(),
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

fn tranche_form(lines: Lines, line: i64) -> impl IntoView {
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let submitted = SubmittedForm::of(&ev);
        let pairs = form_pairs(&ev);
        let form = TrancheForm {
            line_id: line,
            amount: field(&pairs, "amount"),
            planned_on: field(&pairs, "planned_on"),
        };
        save_with(
            refusals,
            lines.her.message,
            "admin-tranche-added",
            move || add_tranche(form),
            move |_| {
                submitted.reset();
                lines.reload();
            },
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

fn line_form(lines: Lines) -> impl IntoView {
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let submitted = SubmittedForm::of(&ev);
        let pairs = form_pairs(&ev);
        let form = LineForm {
            application_id: lines.her.id,
            kind: field(&pairs, "kind"),
            funder: field(&pairs, "funder"),
            funder_detail: field(&pairs, "funder_detail"),
            amount: field(&pairs, "amount"),
        };
        save_with(
            refusals,
            lines.her.message,
            "admin-line-added",
            move || add_line(form),
            move |_| {
                submitted.reset();
                lines.reload();
            },
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

fn survey_rows(b: &Beneficiary) -> impl IntoView {
    let yes_no = |v: Option<bool>| match v {
        Some(true) => t("admin-yes"),
        Some(false) => t("admin-no"),
        None => "—".to_owned(),
    };
    let lang = use_lang();
    b.surveys
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
        .collect_view()
}

fn surveys(her: Her) -> impl IntoView {
    let now = her.now;
    // The form is drawn again only when the surveys it offers change.
    let due = Memo::new(move |_| {
        now.with(|b| {
            b.surveys
                .iter()
                .filter(|s| b.may_record && s.open && s.done.is_none())
                .map(|s| s.wave)
                .collect::<Vec<_>>()
        })
    });
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
            move || now.with(survey_rows),
        )}
        {move || {
            let due = due.get();
            (!due.is_empty()).then(|| survey_form(her, due))
        }}
    }
}

/// Answers one of the surveys due, as her coach asks them.
fn survey_form(her: Her, due: Vec<crate::admin::programme::SurveyWave>) -> impl IntoView {
    use crate::admin::programme::Band;
    let refusals = Refusals::default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let submitted = SubmittedForm::of(&ev);
        let pairs = form_pairs(&ev);
        let form = SurveyForm {
            application_id: her.id,
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
            her.message,
            "admin-survey-recorded",
            move || record_survey(form),
            move |_| {
                submitted.reset();
                her.reload();
            },
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
