//! The report's page: an indicator chosen, split by up to two axes over a period (a form sent
//! by `GET`, so the address is the report and it works before the console's code arrives),
//! then its table with totals, its definition, and the rows' totals as bars; printed, only the
//! report (`@media print` in `console.css`).

use super::*;
use crate::admin::{
    i18n::{t, t_with},
    roles::Staff,
    shell::*,
};
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;
use leptos_router::{components::Form, hooks::use_query_map};
use suppression::Shown;

#[component]
pub fn ReportPage() -> impl IntoView {
    view! { <Console title_key="admin-report-title" body=report_body /> }
}

pub(crate) fn report_body(staff: Staff) -> impl IntoView {
    // Partners read every indicator as it stood when the month began, and ask no period.
    let partner = staff.is_partner();
    // The follow-up's indicators for those who run it only (not reviewers).
    let follow_up = staff.runs_follow_up();
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        let query = query.get();
        let value = |name: &str| query.get(name).unwrap_or_default();
        ReportQuery {
            indicator: match value("indicator") {
                none if none.is_empty() => Indicator::Accepted.code().to_owned(),
                chosen => chosen,
            },
            rows: match query.get("rows") {
                None => Axis::Region.code().to_owned(),
                Some(rows) => rows,
            },
            columns: value("columns"),
            from: value("from"),
            to: value("to"),
        }
    });
    let report = Resource::new(move || asked.get(), load_report);
    let axis_options = move |chosen: String| {
        Axis::ALL
            .iter()
            .map(|axis| {
                let selected = chosen == axis.code();
                view! { <option value=axis.code() selected=selected>{t(&axis.label_key())}</option> }
            })
            .collect_view()
    };
    view! {
        <h1>{t("admin-report-title")}</h1>
        <Form method="GET" action="/admin/report" attr:class="report-form">
            <div class="filters">
                <div class="field wide">
                    <label for="report-indicator">{t("admin-report-indicator")}</label>
                    <select id="report-indicator" name="indicator">
                        {move || {
                            let chosen = asked.get().indicator;
                            Indicator::ALL
                                .iter()
                                .filter(|i| follow_up || !i.is_follow_up())
                                .map(|i| {
                                    view! {
                                        <option value=i.code() selected=chosen == i.code()>
                                            {t(&i.label_key())}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="report-rows">{t("admin-report-rows")}</label>
                    <select id="report-rows" name="rows">
                        <option value="">{t("admin-report-no-split")}</option>
                        {move || axis_options(asked.get().rows)}
                    </select>
                </div>
                <div class="field">
                    <label for="report-columns">{t("admin-report-columns")}</label>
                    <select id="report-columns" name="columns">
                        <option value="">{t("admin-report-no-split")}</option>
                        {move || axis_options(asked.get().columns)}
                    </select>
                </div>
                {(!partner).then(|| view! {
                    <div class="field">
                        <label for="report-from">{t("admin-report-from")}</label>
                        <input id="report-from" name="from" type="date" value=move || asked.get().from />
                    </div>
                    <div class="field">
                        <label for="report-to">{t("admin-report-to")}</label>
                        <input id="report-to" name="to" type="date" value=move || asked.get().to />
                    </div>
                })}
            </div>
            {partner.then(|| view! { <p class="muted" id="report-partner-note">{t("admin-report-partner-note")}</p> })}
            <button type="submit" class="button primary">{t("admin-report-show")}</button>
        </Form>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                // The reason asked for another indicator than rejections: say so.
                let misplaced = {
                    let asked = asked.get_untracked();
                    let indicator = Indicator::from_code(&asked.indicator);
                    [asked.rows, asked.columns].iter().any(|code| {
                        Axis::from_code(code)
                            .zip(indicator)
                            .is_some_and(|(axis, indicator)| !axis.splits(indicator))
                    })
                };
                match report.await {
                    Ok(report) => report_view(report).into_any(),
                    Err(crate::error::AppError::Invalid) if misplaced => view! {
                        <p class="alert" role="alert" id="report-not-crossed">
                            {t("admin-report-reason-rejected-only")}
                        </p>
                    }
                    .into_any(),
                    // What a partner asked that is not crossed: say which.
                    Err(crate::error::AppError::Invalid) if partner => view! {
                        <p class="alert" role="alert" id="report-not-crossed">
                            {t("admin-report-partner-not-crossed")}
                        </p>
                    }
                    .into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

/// One figure of the table, a link to its list when there is one.
fn figure_cell(figure: Shown, link: Option<String>, class: &'static str) -> impl IntoView {
    let text = view! { <bdi dir="ltr">{figure.text()}</bdi> };
    let inner = match link {
        Some(href) => view! { <a href=href>{text}</a> }.into_any(),
        None => text.into_any(),
    };
    view! { <td class=class data-shown=format!("{figure:?}")>{inner}</td> }
}

fn key_name(key: &Key, lang: Lang) -> String {
    match &key.label_key {
        Some(label) => t(label),
        None => lang.pick(&key.name_fr, &key.name_ar).to_owned(),
    }
}

fn report_view(report: Report) -> impl IntoView {
    let lang = use_lang();
    // Every figure as shown, the totals with them.
    let (cells, row_totals, column_totals, total) = report.figures.shown();
    let protected = matches!(report.figures, Figures::Protected(_));
    let split_columns = report.columns.is_some();
    let split_rows = report.rows.is_some();
    let title = t(&report.indicator.label_key());
    let scope = match (&report.rows, &report.columns) {
        (Some(r), Some(c)) => format!("{} · {}", t(&r.label_key()), t(&c.label_key())),
        (Some(a), None) | (None, Some(a)) => t(&a.label_key()),
        (None, None) => t("admin-report-all"),
    };
    let bound = |day: &str| {
        if day.is_empty() {
            "…".to_owned()
        } else {
            day.to_owned()
        }
    };
    let period = match (report.from.as_str(), report.to.as_str()) {
        ("", "") => String::new(),
        (from, to) => format!("{} → {}", bound(from), bound(to)),
    };
    let head = report
        .column_keys
        .iter()
        .filter(|_| split_columns)
        .map(|k| view! { <th scope="col"><bdi>{key_name(k, lang)}</bdi></th> })
        .collect_view();
    // Exact figures link to the list of the applications they count.
    let link = |row: Option<usize>, column: Option<usize>| {
        (!protected).then(|| report.list_link(row, column))
    };
    let body = report
        .row_keys
        .iter()
        .zip(&cells)
        .zip(&row_totals)
        .enumerate()
        .map(|(i, ((key, row), row_total))| {
            let at = split_rows.then_some(i);
            let figures = row
                .iter()
                .enumerate()
                .filter(|_| split_columns)
                .map(|(j, figure)| figure_cell(*figure, link(at, Some(j)), "figure"))
                .collect_view();
            view! {
                <tr data-key=key.code.clone()>
                    <th scope="row"><bdi>{key_name(key, lang)}</bdi></th>
                    {figures}
                    {figure_cell(*row_total, link(at, None), "figure total")}
                </tr>
            }
        })
        .collect_view();
    let foot = split_rows.then(|| {
        let figures = column_totals
            .iter()
            .enumerate()
            .filter(|_| split_columns)
            .map(|(j, figure)| figure_cell(*figure, link(None, Some(j)), "figure"))
            .collect_view();
        view! {
            <tfoot>
                <tr>
                    <th scope="row">{t("admin-report-all")}</th>
                    {figures}
                    {figure_cell(total, link(None, None), "figure total grand-total")}
                </tr>
            </tfoot>
        }
    });
    // The rows' totals as bars, when the rows are split and the totals can be read.
    let max = row_totals
        .iter()
        .filter_map(|s| s.value())
        .max()
        .unwrap_or(0)
        .max(1);
    // (By region, the chart of the regions below draws them, against their targets.)
    let bars =
        (split_rows && report.row_keys.len() > 1 && report.rows != Some(Axis::Region)).then(|| {
            let items = report
                .row_keys
                .iter()
                .zip(&row_totals)
                .map(|(key, figure)| {
                    let width = figure.value().map_or(0, |n| n * 100 / max);
                    view! {
                        <li>
                            <span class="bar-label"><bdi>{key_name(key, lang)}</bdi></span>
                            <span class="bar-track">
                                <span class="bar-fill" style=format!("width: {width}%")></span>
                            </span>
                            <span class="bar-value"><bdi dir="ltr">{figure.text()}</bdi></span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="bars" aria-hidden="true">{items}</ul> }
        });
    let caption = |key: &str| t_with(key, &[("indicator", title.clone().into())]);
    view! {
        <section id="report" aria-labelledby="report-title">
            <h2 id="report-title">{title.clone()}</h2>
            <p class="muted">{t(&report.indicator.definition_key())}</p>
            <p class="report-scope">
                {scope} {(!period.is_empty()).then(|| view! { " · " <bdi dir="ltr">{period}</bdi> })}
            </p>
            <p class="muted" id="report-as-of">
                {t("admin-report-as-of")} " " <bdi dir="ltr">{report.as_of.clone()}</bdi>
            </p>
            {protected.then(|| view! { <p class="report-note" id="report-suppressed">{t("admin-report-suppressed")}</p> })}
            <div class="table-scroll" tabindex="0" role="region" aria-label=scroll_label(title.clone())>
                <table class="figures" id="report-table">
                    <thead>
                        <tr>
                            <th scope="col">
                                {report.rows.map_or_else(|| t(&report.indicator.label_key()), |r| t(&r.label_key()))}
                            </th>
                            {head}
                            <th scope="col">{t("admin-report-all")}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                    {foot}
                </table>
            </div>
            {bars}
            <div class="charts">
                {charts::region_bars(&report.charts, lang, caption("admin-report-chart-regions"))}
                {charts::region_map(&report.charts, lang, caption("admin-report-chart-map"))}
                {charts::months_line(&report.charts, lang, caption("admin-report-chart-months"))}
            </div>
            <p class="report-exports">
                <span>{t("admin-report-export")}</span>
                " "
                <a class="button" rel="external" download="" id="report-xlsx"
                    href=format!("/admin/report/export.xlsx?{}", report.export_query())>
                    {t("admin-report-export-xlsx")}
                </a>
                " "
                <a class="button" rel="external" download="" id="report-csv"
                    href=format!("/admin/report/export.csv?{}", report.export_query())>
                    {t("admin-report-export-csv")}
                </a>
            </p>
        </section>
    }
}
