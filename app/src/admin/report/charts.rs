//! The report's charts, drawn as SVG where the page is rendered (on the server first), so
//! they print and need no chart library: the indicator by region against the regions'
//! targets, month by month over the period, and a map of the twelve regions shaded by value
//! (a tile map: each region a square in its place, south-west along the coast). In Arabic the
//! bars grow and time runs from right to left, as the text reads; the map keeps its north.

use super::{suppression::Shown, Charts, RegionFigure};
use crate::admin::i18n::t;
use crate::i18n::Lang;
use leptos::prelude::*;

/// `x` from the start of a line `width` wide, mirrored in Arabic.
fn along(x: f64, width: f64, lang: Lang) -> f64 {
    match lang {
        Lang::Ar => width - x,
        _ => x,
    }
}

/// The text anchor of text that starts at the line's start (`start`) or ends at its end.
fn anchor(start: bool, lang: Lang) -> &'static str {
    match (start, lang) {
        (true, Lang::Ar) | (false, Lang::Fr) => "end",
        _ => "start",
    }
}

const WIDTH: f64 = 640.0;

/// The top of a chart's scale: its highest figure, at least 1.
fn highest(figures: impl IntoIterator<Item = i64>) -> f64 {
    figures.into_iter().max().unwrap_or(0).max(1) as f64
}

/// The indicator in each region as a bar, with the region's target marked (a dashed line)
/// when the indicator counts places.
pub fn region_bars(charts: &Charts, lang: Lang, caption: String) -> impl IntoView {
    let (name_end, bar_start, bar_end) = (250.0, 262.0, 530.0);
    let row = 32.0;
    let highest = highest(
        charts
            .regions
            .iter()
            .flat_map(|r| [r.value.value().unwrap_or(0), r.target.unwrap_or(0)]),
    );
    let scale = |n: i64| (bar_end - bar_start) * n as f64 / highest;
    let height = row * charts.regions.len() as f64 + 8.0;
    let bars = charts
        .regions
        .iter()
        .enumerate()
        .map(|(i, RegionFigure { key, value, target })| {
            let y = 4.0 + row * i as f64;
            let length = scale(value.value().unwrap_or(0));
            let (a, b) = (
                along(bar_start, WIDTH, lang),
                along(bar_start + length, WIDTH, lang),
            );
            let target_line = target.map(|target| {
                let x = along(bar_start + scale(target), WIDTH, lang);
                view! {
                    <line class="chart-target" x1=x x2=x y1=y y2=y + row - 4.0 />
                }
            });
            // Its figure, and the target it is measured against.
            let figure = match target {
                Some(target) => format!(
                    "{} / {}",
                    value.text(),
                    crate::landing::format_count(*target)
                ),
                None => value.text(),
            };
            view! {
                <g data-region=key.code.clone()>
                    <text x=along(name_end, WIDTH, lang) y=y + 19.0 text-anchor=anchor(false, lang)
                        class="chart-name">
                        {lang.pick(&key.name_fr, &key.name_ar).to_owned()}
                    </text>
                    <rect class="chart-bar" x=a.min(b) y=y + 4.0 width=length height=row - 12.0 />
                    {target_line}
                    <text x=along(bar_start + length + 6.0, WIDTH, lang) y=y + 19.0
                        text-anchor=anchor(true, lang) class="chart-value" direction="ltr">
                        {figure}
                    </text>
                </g>
            }
        })
        .collect_view();
    let legend = charts.regions.iter().any(|r| r.target.is_some()).then(|| {
        view! { <p class="chart-legend"><span class="legend-target" aria-hidden="true"></span>" "{t("admin-report-chart-target")}</p> }
    });
    view! {
        <figure class="report-chart" id="chart-regions">
            <figcaption>{caption.clone()}</figcaption>
            <svg direction="ltr" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=caption
                preserveAspectRatio="xMidYMin meet">
                {bars}
            </svg>
            {legend}
        </figure>
    }
}

/// The indicator month by month, as a line, each month's figure on its point.
pub fn months_line(charts: &Charts, lang: Lang, caption: String) -> impl IntoView {
    let (left, right, top, bottom) = (32.0, 32.0, 24.0, 180.0);
    let count = charts.months.len();
    let highest = highest(charts.months.iter().filter_map(|(_, v)| v.value()));
    let step = if count > 1 {
        (WIDTH - left - right) / (count - 1) as f64
    } else {
        0.0
    };
    let point = |i: usize, figure: Shown| {
        let x = along(left + step * i as f64, WIDTH, lang);
        let y = bottom - (bottom - top) * figure.value().unwrap_or(0) as f64 / highest;
        (x, y)
    };
    let line = charts
        .months
        .iter()
        .enumerate()
        .map(|(i, (_, figure))| {
            let (x, y) = point(i, *figure);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    // A label every few months, so that three years still read.
    let every = count.div_ceil(12).max(1);
    let points = charts
        .months
        .iter()
        .enumerate()
        .map(|(i, (month, figure))| {
            let (x, y) = point(i, *figure);
            // The last month always, and every few before it not too close to it.
            let labelled = i + 1 == count || (i % every == 0 && count - 1 - i >= every);
            // On a phone, every other label (`chart-odd`) gives way to larger text.
            let odd = if (i / every) % 2 == 1 && i + 1 != count { "chart-odd" } else { "" };
            let (year, month_number) = month.split_at(4);
            let short = format!("{}/{}", month_number.trim_start_matches('-'), &year[2..]);
            view! {
                <g data-month=month.clone()>
                    <circle class="chart-point" cx=x cy=y r="3.5" />
                    {labelled.then(|| view! {
                        <g class=odd>
                        <text x=x y=y - 8.0 text-anchor="middle" class="chart-value" direction="ltr">
                            {figure.text()}
                        </text>
                        <text x=x y=bottom + 18.0 text-anchor="middle" class="chart-name" direction="ltr">
                            {short}
                        </text>
                        </g>
                    })}
                </g>
            }
        })
        .collect_view();
    let axis_start = along(left, WIDTH, lang);
    let axis_end = along(WIDTH - right, WIDTH, lang);
    view! {
        <figure class="report-chart" id="chart-months">
            <figcaption>{caption.clone()}</figcaption>
            <svg direction="ltr" viewBox=format!("0 0 {WIDTH} 210") role="img" aria-label=caption
                preserveAspectRatio="xMidYMin meet">
                <line class="chart-axis" x1=axis_start x2=axis_end y1=bottom y2=bottom />
                <polyline class="chart-line" points=line />
                {points}
            </svg>
        </figure>
    }
}

/// Where each region's square sits on the map (column, row), by its code.
const TILES: [(&str, u8, u8); 12] = [
    ("01", 2, 0),
    ("02", 3, 0),
    ("04", 1, 1),
    ("03", 2, 1),
    ("06", 0, 2),
    ("05", 1, 2),
    ("08", 2, 2),
    ("07", 0, 3),
    ("09", 1, 3),
    ("10", 0, 4),
    ("11", 0, 5),
    ("12", 0, 6),
];

/// A region's name on two lines of at most about 16 and 18 characters, cut between words.
fn two_lines(name: &str) -> (String, String) {
    let mut first = String::new();
    let mut rest = String::new();
    for word in name.split_inclusive([' ', '-']) {
        if rest.is_empty() && first.chars().count() + word.trim_end().chars().count() <= 16 {
            first.push_str(word);
        } else {
            rest.push_str(word);
        }
    }
    if first.is_empty() {
        std::mem::swap(&mut first, &mut rest);
    }
    let rest = if rest.chars().count() > 18 {
        format!("{}…", rest.chars().take(17).collect::<String>())
    } else {
        rest
    };
    (first.trim().to_owned(), rest.trim().to_owned())
}

/// The twelve regions as squares in their places, each shaded by the indicator's value
/// (darker for more); a region outside the reader's scope is drawn empty, a hidden figure
/// hatched.
pub fn region_map(charts: &Charts, lang: Lang, caption: String) -> Option<impl IntoView> {
    // A region's own staff read one region: a map of one square would tell nothing.
    if charts.regions.len() < 2 {
        return None;
    }
    let (tile_w, tile_h, gap) = (124.0, 72.0, 6.0);
    let highest = highest(charts.regions.iter().filter_map(|r| r.value.value()));
    let tiles = TILES
        .iter()
        .map(|(code, column, row)| {
            let x = f64::from(*column) * (tile_w + gap);
            let y = f64::from(*row) * (tile_h + gap);
            let figure = charts.regions.iter().find(|r| r.key.code == *code);
            let (fill, dark) = match figure.map(|r| r.value) {
                None => ("var(--map-empty, #f1f3f5)".to_owned(), false),
                Some(Shown::Value(n)) => {
                    let share = n as f64 / highest;
                    let lightness = 95.0 - 60.0 * share;
                    (format!("hsl(272, 45%, {lightness:.0}%)"), lightness < 60.0)
                }
                Some(_) => ("url(#map-hidden)".to_owned(), false),
            };
            let (first, second) = figure
                .map(|r| two_lines(lang.pick(&r.key.name_fr, &r.key.name_ar)))
                .unwrap_or_default();
            let value = figure.map(|r| r.value.text());
            let middle = x + tile_w / 2.0;
            view! {
                <g data-region=*code class=if dark { "tile dark" } else { "tile" }>
                    <rect x=x y=y width=tile_w height=tile_h rx="6" fill=fill class="map-tile" />
                    <text x=middle y=y + 18.0 text-anchor="middle" class="map-name">{first}</text>
                    <text x=middle y=y + 34.0 text-anchor="middle" class="map-name">{second}</text>
                    <text x=middle y=y + 60.0 text-anchor="middle" class="map-value" direction="ltr">
                        {value}
                    </text>
                </g>
            }
        })
        .collect_view();
    let width = 4.0 * (tile_w + gap);
    let height = 7.0 * (tile_h + gap);
    Some(view! {
        <figure class="report-chart" id="chart-map">
            <figcaption>{caption.clone()}</figcaption>
            <svg direction="ltr" viewBox=format!("0 0 {width} {height}") role="img" aria-label=caption
                preserveAspectRatio="xMidYMin meet" class="map">
                <defs>
                    <pattern id="map-hidden" width="8" height="8" patternUnits="userSpaceOnUse"
                        patternTransform="rotate(45)">
                        <rect width="8" height="8" fill="#e9ecef" />
                        <line x1="0" y1="0" x2="0" y2="8" stroke="#adb5bd" stroke-width="3" />
                    </pattern>
                </defs>
                {tiles}
            </svg>
            <p class="chart-legend">
                "0 "
                <span class="legend-scale" aria-hidden="true"></span>
                " "
                <bdi dir="ltr">{crate::landing::format_count(highest as i64)}</bdi>
            </p>
        </figure>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_s_name_is_cut_between_words_on_two_short_lines() {
        assert_eq!(
            two_lines("Tanger-Tétouan-Al Hoceïma"),
            ("Tanger-Tétouan-".to_owned(), "Al Hoceïma".to_owned())
        );
        assert_eq!(
            two_lines("العيون الساقية الحمراء"),
            ("العيون الساقية".to_owned(), "الحمراء".to_owned())
        );
        assert_eq!(
            two_lines("Fès-Meknès"),
            ("Fès-Meknès".to_owned(), String::new())
        );
    }

    #[test]
    fn every_region_has_a_square_of_its_own() {
        let mut places: Vec<(u8, u8)> = TILES.iter().map(|(_, c, r)| (*c, *r)).collect();
        places.sort();
        places.dedup();
        assert_eq!(places.len(), 12);
        let mut codes: Vec<&str> = TILES.iter().map(|(code, ..)| *code).collect();
        codes.sort();
        let expected: Vec<String> = (1..=12).map(|n| format!("{n:02}")).collect();
        assert_eq!(codes, expected);
    }
}
