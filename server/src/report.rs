//! The report's exports: every indicator the reader may count over the axes and period the
//! report page shows, as CSV (one line per figure) or as a spreadsheet (`.xlsx`, one sheet per
//! indicator, headers in the reader's language, numbers as numbers), each recorded in the
//! audit log. A report is at most a few thousand figures (75 provinces by a dozen values, 13
//! indicators), so each file is made whole and then sent. Its reports queue with the page's
//! (a few at a time, `report::repo`).

use crate::{admin::signed_in, state::AppState};
use app::admin::{
    applications::repo::ExportFormat,
    i18n::tr,
    report::{
        repo::{every_indicator, record_export, Reader},
        suppression::Shown,
        Report, ReportQuery,
    },
};
use app::{client::client_ip, i18n::Lang};
use axum::{
    extract::{Request, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use tower_sessions::Session;

pub const CSV_PATH: &str = "/admin/report/export.csv";
pub const XLSX_PATH: &str = "/admin/report/export.xlsx";

pub fn add_routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route(CSV_PATH, get(export_csv))
        .route(XLSX_PATH, get(export_xlsx))
}

async fn export_csv(state: State<AppState>, session: Session, request: Request) -> Response {
    export(state, session, request, Kind::Csv).await
}

async fn export_xlsx(state: State<AppState>, session: Session, request: Request) -> Response {
    export(state, session, request, Kind::Xlsx).await
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Xlsx,
}

async fn export(
    State(state): State<AppState>,
    session: Session,
    request: Request,
    kind: Kind,
) -> Response {
    let staff = match signed_in(&state, &session).await {
        Ok(staff) => staff,
        Err(refusal) => return refusal,
    };
    let Some(reader) = Reader::of(&staff) else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let (parts, _) = request.into_parts();
    let pairs = crate::admin::query_pairs(&parts);
    let get = |name: &str| app::registration::steps::first_of(&pairs, name).to_owned();
    let asked = ReportQuery {
        indicator: String::new(),
        rows: get("rows"),
        columns: get("columns"),
        from: get("from"),
        to: get("to"),
    };
    let lang = app::i18n::request_lang(&parts);
    let reports = match every_indicator(&state.db, &reader, &asked).await {
        Ok(Some(reports)) => reports,
        Ok(None) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                tr(lang, "admin-report-invalid"),
            )
                .into_response()
        }
        Err(error) => return error.status().into_response(),
    };
    let format = match kind {
        Kind::Csv => "csv",
        Kind::Xlsx => "xlsx",
    };
    if let Err(error) = record_export(&state.db, &staff, &asked, format, client_ip(&parts)).await {
        return error.status().into_response();
    }
    // The day the figures were counted, as the page prints it.
    let day = reports
        .first()
        .map_or_else(|| app::clock::iso(app::clock::today()), |r| r.as_of.clone());
    let (body, content_type) = match kind {
        Kind::Csv => {
            let separator = ExportFormat::new(&get("sep"), lang).separator;
            match csv_of(&reports, lang, separator) {
                Ok(body) => (body, "text/csv; charset=utf-8"),
                Err(error) => {
                    tracing::error!(%error, "the report's CSV failed");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            }
        }
        Kind::Xlsx => match xlsx_of(&reports, lang, &day, &scope_name(&reports, &reader, lang)) {
            Ok(body) => (
                body,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            Err(error) => {
                tracing::error!(%error, "the report's spreadsheet failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        },
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"jisr-report-{day}.{format}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// What the report covers, in `lang`: the whole country, or the reader's region by name (the
/// one region its charts hold).
fn scope_name(reports: &[Report], reader: &Reader, lang: Lang) -> String {
    let Some(code) = &reader.region else {
        return tr(lang, "admin-report-country");
    };
    let name = reports
        .first()
        .and_then(|r| r.charts.regions.iter().find(|f| &f.key.code == code))
        .map_or_else(|| code.clone(), |f| f.key.name_in(lang));
    format!("{}{}{name}", tr(lang, "admin-region"), colon(lang))
}

/// A colon as each language writes it (French puts a no-break space before it).
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::Ar => ": ",
    }
}

/// The name of a report's line, or "all" when that axis is not split.
fn axis_name(axis: Option<app::admin::report::Axis>, lang: Lang) -> String {
    axis.map_or_else(
        || tr(lang, "admin-report-all"),
        |axis| tr(lang, &axis.label_key()),
    )
}

/// One line per figure (the totals left out, they add up): indicator, row, column, count.
/// A byte-order mark first, so spreadsheet programs read the Arabic as UTF-8.
fn csv_of(reports: &[Report], lang: Lang, separator: u8) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let Some(first) = reports.first() else {
        return Ok(writer.into_inner().map_err(|e| e.into_error())?);
    };
    writer.write_record([
        tr(lang, "admin-report-indicator"),
        axis_name(first.rows, lang),
        axis_name(first.columns, lang),
        tr(lang, "admin-report-count"),
    ])?;
    for report in reports {
        let indicator = tr(lang, &report.indicator.label_key());
        let (cells, ..) = report.figures.shown();
        for (row, figures) in report.row_keys.iter().zip(&cells) {
            for (column, figure) in report.column_keys.iter().zip(figures) {
                // A number as a number (no thousands' separator); a hidden one as the page
                // writes it.
                let value = figure
                    .value()
                    .map_or_else(|| figure.text(), |n| n.to_string());
                writer.write_record([
                    indicator.as_str(),
                    &row.name_in(lang),
                    &column.name_in(lang),
                    &value,
                ])?;
            }
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// One line of a sheet's table: its label, its figures when the columns are split, and its
/// total; numbers as numbers, a hidden figure as the page writes it.
fn line(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    (label, format): (&str, Option<&Format>),
    figures: &[Shown],
    total: Shown,
    split_columns: bool,
) -> Result<(), XlsxError> {
    match format {
        Some(format) => sheet.write_string_with_format(row, 0, label, format)?,
        None => sheet.write_string(row, 0, label)?,
    };
    let figures = figures.iter().filter(|_| split_columns).chain([&total]);
    for (col, figure) in (1..).zip(figures) {
        match figure.value() {
            Some(n) => sheet.write_number(row, col, n as f64)?,
            None => sheet.write_string(row, col, figure.text())?,
        };
    }
    Ok(())
}

/// A sheet's name: at most 31 characters, none of those a sheet's name may not hold.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

/// One sheet per indicator: its name, definition, scope, period and day, then the table
/// with its totals, numbers as numbers; right to left in Arabic.
fn xlsx_of(reports: &[Report], lang: Lang, day: &str, scope: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    for report in reports {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&tr(lang, &report.indicator.label_key())))?;
        sheet.set_right_to_left(lang == Lang::Ar);
        sheet.write_string_with_format(0, 0, tr(lang, &report.indicator.label_key()), &title)?;
        sheet.write_string(1, 0, tr(lang, &report.indicator.definition_key()))?;
        sheet.write_string(2, 0, scope)?;
        let bound = |day: &str| if day.is_empty() { "…" } else { day }.to_owned();
        sheet.write_string(
            3,
            0,
            format!(
                "{}{}{} → {}",
                tr(lang, "admin-report-period"),
                colon(lang),
                bound(&report.from),
                bound(&report.to)
            ),
        )?;
        sheet.write_string(4, 0, format!("{} {day}", tr(lang, "admin-report-as-of")))?;
        let (cells, row_totals, column_totals, total) = report.figures.shown();
        let head = 6;
        sheet.set_column_width(0, 36)?;
        let corner = match report.rows {
            Some(axis) => tr(lang, &axis.label_key()),
            None => tr(lang, &report.indicator.label_key()),
        };
        sheet.write_string_with_format(head, 0, corner, &bold)?;
        let split_columns = report.columns.is_some();
        let mut col = 1;
        if split_columns {
            for key in &report.column_keys {
                sheet.write_string_with_format(head, col, key.name_in(lang), &bold)?;
                sheet.set_column_width(col, 14)?;
                col += 1;
            }
        }
        sheet.write_string_with_format(head, col, tr(lang, "admin-report-all"), &bold)?;
        let mut row = head + 1;
        for ((key, figures), row_total) in report.row_keys.iter().zip(&cells).zip(&row_totals) {
            let label = key.name_in(lang);
            line(
                sheet,
                row,
                (&label, None),
                figures,
                *row_total,
                split_columns,
            )?;
            row += 1;
        }
        if report.rows.is_some() {
            let label = tr(lang, "admin-report-all");
            line(
                sheet,
                row,
                (&label, Some(&bold)),
                &column_totals,
                total,
                split_columns,
            )?;
        }
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_s_name_holds_no_forbidden_character_and_fits() {
        assert_eq!(
            sheet_name("Liste d'attente [2026/12]"),
            "Liste d'attente 202612"
        );
        assert_eq!(sheet_name(&"ا".repeat(40)).chars().count(), 31);
    }
}
