//! Small numbers protected: what partners may read of a table of counts. A cell counting
//! fewer than [`THRESHOLD`] women is hidden ("< 5"), and so is any further figure that would
//! let a hidden one be computed back from the others (secondary suppression): in every line
//! of figures that add up (a row with its total, a column with its total, the totals with the
//! grand total), no figure is hidden alone.
//!
//! National and regional staff read exact figures; this is for partner viewers and the
//! partner API.

use serde::{Deserialize, Serialize};

/// The fewest women a figure shown to partners may count.
pub const THRESHOLD: i64 = 5;

/// A figure as a partner reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    Value(i64),
    /// Fewer than [`THRESHOLD`]: shown as "< 5".
    Small,
    /// Hidden so that a small one cannot be computed back from it.
    Complement,
}

impl Shown {
    pub fn value(self) -> Option<i64> {
        match self {
            Shown::Value(n) => Some(n),
            Shown::Small | Shown::Complement => None,
        }
    }

    pub fn is_hidden(self) -> bool {
        self.value().is_none()
    }

    /// As the page and the charts write it: the figure, "< 5", or "×" for one hidden with it.
    pub fn text(self) -> String {
        match self {
            Shown::Value(n) => crate::landing::format_count(n),
            Shown::Small => "< 5".to_owned(),
            Shown::Complement => "×".to_owned(),
        }
    }
}

/// A list of counts (one axis) and its total, as partners read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectedList {
    pub cells: Vec<Shown>,
    pub total: Shown,
}

/// A table of counts (two axes), its row and column totals and its grand total, as partners
/// read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtectedTable {
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub total: Shown,
}

impl ProtectedTable {
    /// How many figures are hidden, small and complementary: what an answer says it withheld.
    pub fn hidden(&self) -> usize {
        self.cells
            .iter()
            .flatten()
            .chain(&self.row_totals)
            .chain(&self.column_totals)
            .chain(std::iter::once(&self.total))
            .filter(|s| s.is_hidden())
            .count()
    }
}

/// One axis: the counts and their total.
pub fn protect_list(counts: &[i64]) -> ProtectedList {
    let mut figures = Figures::default();
    let cells: Vec<usize> = counts.iter().map(|&n| figures.add(n)).collect();
    let total = figures.sum(&cells);
    let shown = figures.protect();
    ProtectedList {
        cells: cells.iter().map(|&i| shown[i]).collect(),
        total: shown[total],
    }
}

/// Two axes: `rows[i][j]` counts the women of row `i` and column `j` (every row as long as
/// the first).
pub fn protect_table(rows: &[Vec<i64>]) -> ProtectedTable {
    let mut figures = Figures::default();
    let table = figures.table(rows);
    let shown = figures.protect();
    table.read(&shown)
}

/// Figures that add up, protected together: every figure one reader could set against
/// another (a list of regions, and the regions' totals of a table of regions by sector) is
/// added once and shared, so it is hidden in both answers or in neither.
#[derive(Default)]
pub struct Figures {
    counts: Vec<i64>,
    lines: Vec<Line>,
}

/// Where a table's figures are in its [`Figures`].
#[derive(Clone, Debug)]
pub struct TableAt {
    pub cells: Vec<Vec<usize>>,
    pub row_totals: Vec<usize>,
    pub column_totals: Vec<usize>,
    pub total: usize,
}

impl TableAt {
    /// The table as shown, once its figures are protected.
    pub fn read(&self, shown: &[Shown]) -> ProtectedTable {
        let pick = |at: &Vec<usize>| at.iter().map(|&i| shown[i]).collect::<Vec<_>>();
        ProtectedTable {
            cells: self.cells.iter().map(pick).collect(),
            row_totals: pick(&self.row_totals),
            column_totals: pick(&self.column_totals),
            total: shown[self.total],
        }
    }
}

impl Figures {
    /// A count; its index.
    pub fn add(&mut self, n: i64) -> usize {
        self.counts.push(n);
        self.counts.len() - 1
    }

    /// The figure at `total` is the sum of those at `cells`.
    pub fn adds_up(&mut self, cells: Vec<usize>, total: usize) {
        debug_assert_eq!(
            cells.iter().map(|&i| self.counts[i]).sum::<i64>(),
            self.counts[total]
        );
        self.lines.push(Line { cells, total });
    }

    /// A new figure, the sum of those at `cells`; its index.
    pub fn sum(&mut self, cells: &[usize]) -> usize {
        let total = self.add(cells.iter().map(|&i| self.counts[i]).sum());
        self.adds_up(cells.to_vec(), total);
        total
    }

    /// A table of counts with its totals, each a new figure.
    pub fn table(&mut self, rows: &[Vec<i64>]) -> TableAt {
        let width = rows.first().map_or(0, Vec::len);
        let cells: Vec<Vec<usize>> = rows
            .iter()
            .map(|row| row.iter().map(|&n| self.add(n)).collect())
            .collect();
        let row_totals: Vec<usize> = cells.iter().map(|row| self.sum(row)).collect();
        let columns: Vec<Vec<usize>> = (0..width)
            .map(|j| cells.iter().map(|row| row[j]).collect())
            .collect();
        let column_totals: Vec<usize> = columns.iter().map(|c| self.sum(c)).collect();
        let total = self.sum(&row_totals);
        self.adds_up(column_totals.clone(), total);
        TableAt {
            cells,
            row_totals,
            column_totals,
            total,
        }
    }

    /// A table whose row and column totals are figures already added (shared with other
    /// answers): its cells are new, and each of its rows and columns adds up to its total.
    pub fn cross(
        &mut self,
        rows: &[Vec<i64>],
        row_totals: &[usize],
        column_totals: &[usize],
    ) -> Vec<Vec<usize>> {
        let width = column_totals.len();
        let cells: Vec<Vec<usize>> = rows
            .iter()
            .map(|row| row.iter().map(|&n| self.add(n)).collect())
            .collect();
        for (row, &total) in cells.iter().zip(row_totals) {
            self.adds_up(row.clone(), total);
        }
        for (j, &total) in column_totals.iter().enumerate().take(width) {
            self.adds_up(cells.iter().map(|row| row[j]).collect(), total);
        }
        cells
    }

    /// Every figure as shown: see [`protect`].
    pub fn protect(&self) -> Vec<Shown> {
        protect(&self.counts, &self.lines)
    }
}

/// Figures that add up: the cells' sum is the total (indices into the figures).
struct Line {
    cells: Vec<usize>,
    total: usize,
}

impl Line {
    fn members(&self) -> impl Iterator<Item = usize> + '_ {
        self.cells.iter().copied().chain([self.total])
    }
}

/// What a reader knows a figure is: exactly its value when shown, 0 to 4 for "< 5", at least
/// 5 for one hidden with a small one.
fn bounds(shown: Shown) -> (i64, i64) {
    match shown {
        Shown::Value(n) => (n, n),
        Shown::Small => (0, THRESHOLD - 1),
        Shown::Complement => (THRESHOLD, i64::MAX),
    }
}

/// Whether a reader who knows that the line adds up, and what each of its figures is shown
/// as, can tell one of its hidden figures exactly: alone hidden in its line, or held to one
/// value by the others (two "< 5" beside a known total of 8 are both 4).
fn gives_back(shown: &[Shown], line: &Line) -> bool {
    let held =
        |(lo, hi): (i64, i64), (lo_line, hi_line): (i64, i64)| lo.max(lo_line) >= hi.min(hi_line);
    let sum = |of: &mut dyn Iterator<Item = (i64, i64)>| {
        of.fold((0i64, 0i64), |(lo, hi), (l, h)| {
            (lo.saturating_add(l), hi.saturating_add(h))
        })
    };
    let total = bounds(shown[line.total]);
    if shown[line.total].is_hidden() {
        let cells = sum(&mut line.cells.iter().map(|&i| bounds(shown[i])));
        if held(total, cells) {
            return true;
        }
    }
    line.cells.iter().enumerate().any(|(at, &i)| {
        if !shown[i].is_hidden() {
            return false;
        }
        // This cell is the total less the others.
        let others = sum(&mut line
            .cells
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != at)
            .map(|(_, &k)| bounds(shown[k])));
        let from_line = (
            total.0.saturating_sub(others.1),
            total.1.saturating_sub(others.0),
        );
        held(bounds(shown[i]), from_line)
    })
}

/// Hides every small figure, then, while some line gives a hidden figure back (alone hidden
/// in its line, or held to one value by the others), one more of that line. The one picked
/// exposes as few other lines as it can (a cell whose other line already hides a figure costs
/// nothing: one small cell in a table hides the corners of a rectangle, not a cascade), then
/// the smallest (the least information lost), a cell before the total. Each round hides one
/// more figure, so it ends; what it picks depends only on the figures, so the same figures are
/// always hidden the same way.
fn protect(figures: &[i64], lines: &[Line]) -> Vec<Shown> {
    let mut shown: Vec<Shown> = figures
        .iter()
        .map(|&n| {
            if n < THRESHOLD {
                Shown::Small
            } else {
                Shown::Value(n)
            }
        })
        .collect();
    // The lines each figure is in.
    let mut lines_of: Vec<Vec<usize>> = vec![Vec::new(); figures.len()];
    for (k, line) in lines.iter().enumerate() {
        for i in line.members() {
            lines_of[i].push(k);
        }
    }
    loop {
        let Some(exposed) = lines.iter().position(|line| {
            !line.cells.is_empty()
                && gives_back(&shown, line)
                && line.members().any(|i| !shown[i].is_hidden())
        }) else {
            return shown;
        };
        let line = &lines[exposed];
        // Lines other than this one that hiding `i` would leave with one figure hidden.
        let cost = |i: usize| {
            lines_of[i]
                .iter()
                .filter(|&&k| k != exposed && lines[k].members().all(|m| !shown[m].is_hidden()))
                .count()
        };
        let pick = line
            .cells
            .iter()
            .copied()
            .filter(|&i| !shown[i].is_hidden())
            .min_by_key(|&i| (cost(i), figures[i], i))
            .unwrap_or(line.total);
        shown[pick] = Shown::Complement;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Shown::*;

    /// What someone who knows that the cells add up to the totals can compute back: a hidden
    /// figure alone in its row, its column or the totals' lines, or held to one value there by
    /// what "< 5" and "×" say. None may be.
    fn recoverable(table: &ProtectedTable) -> bool {
        let (h, w) = (table.row_totals.len(), table.column_totals.len());
        let mut figures: Vec<Shown> = table.cells.iter().flatten().copied().collect();
        figures.extend(&table.row_totals);
        figures.extend(&table.column_totals);
        figures.push(table.total);
        let grand = h * w + h + w;
        let mut lines: Vec<Line> = (0..h)
            .map(|i| Line {
                cells: (0..w).map(|j| i * w + j).collect(),
                total: h * w + i,
            })
            .collect();
        lines.extend((0..w).map(|j| Line {
            cells: (0..h).map(|i| i * w + j).collect(),
            total: h * w + h + j,
        }));
        lines.push(Line {
            cells: (0..h).map(|i| h * w + i).collect(),
            total: grand,
        });
        lines.push(Line {
            cells: (0..w).map(|j| h * w + h + j).collect(),
            total: grand,
        });
        lines.iter().any(|line| gives_back(&figures, line))
    }

    #[test]
    fn a_list_without_small_counts_is_shown_whole() {
        let list = protect_list(&[12, 7, 30]);
        assert_eq!(list.cells, [Value(12), Value(7), Value(30)]);
        assert_eq!(list.total, Value(49));
    }

    #[test]
    fn a_small_count_hides_the_next_smallest_so_the_total_does_not_give_it_back() {
        // 40 in all, 3 in the second: with the others and the total shown, 3 = 40 - 12 - 25.
        let list = protect_list(&[12, 3, 25]);
        assert_eq!(list.cells, [Complement, Small, Value(25)]);
        assert_eq!(list.total, Value(40));
    }

    #[test]
    fn two_small_counts_protect_each_other() {
        let list = protect_list(&[2, 3, 25]);
        assert_eq!(list.cells, [Small, Small, Value(25)]);
        assert_eq!(list.total, Value(30));
    }

    #[test]
    fn two_small_counts_held_to_one_value_by_the_total_hide_one_more() {
        // 33 in all, 25 shown: the two "< 5" add up to 8, so both are 4. Hiding 25 too leaves
        // them anywhere from 4 to 0... as a reader can tell: not one value.
        let list = protect_list(&[4, 4, 25, 30]);
        assert_eq!(list.cells, [Small, Small, Complement, Value(30)]);
        let table = protect_table(&[vec![4, 4], vec![20, 30]]);
        assert!(!recoverable(&table), "{table:?}");
    }

    #[test]
    fn figures_shared_by_two_answers_are_hidden_in_both_or_in_neither() {
        // Regions alone, and regions by channel: the regions' totals are the same figures.
        // Protected apart, the list hides region 2's total (the smallest next to region 1's
        // 3); the table hides region 3's instead (its row hides a small cell already) and
        // shows region 2's, which gives the list's hidden figures back: 106 - 13 - 90 = 3.
        let by_channel = vec![vec![1, 2], vec![6, 7], vec![3, 87]];
        let apart_list = protect_list(&[3, 13, 90]);
        let apart_table = protect_table(&by_channel);
        assert_eq!(apart_list.cells[1], Complement);
        assert_eq!(apart_table.row_totals[1], Value(13));
        assert_eq!(apart_table.row_totals[2], Complement);
        // Protected together, they are one set of figures.
        let mut figures = Figures::default();
        let regions: Vec<usize> = [3, 13, 90].iter().map(|&n| figures.add(n)).collect();
        let grand = figures.sum(&regions);
        let channels: Vec<usize> = [10, 96].iter().map(|&n| figures.add(n)).collect();
        figures.adds_up(channels.clone(), grand);
        let cells = figures.cross(&by_channel, &regions, &channels);
        let shown = figures.protect();
        let table = TableAt {
            cells,
            row_totals: regions.clone(),
            column_totals: channels,
            total: grand,
        }
        .read(&shown);
        assert!(!recoverable(&table), "{table:?}");
        let list: Vec<Shown> = regions.iter().map(|&i| shown[i]).collect();
        assert_eq!(list, table.row_totals);
        assert_eq!(list[0], Small);
        assert!(list[1].is_hidden() || list[2].is_hidden());
    }

    #[test]
    fn provinces_under_a_region_shown_hide_one_more_of_theirs() {
        // A region of 20: provinces 3 and 17. Its total shown, the 17 must go too.
        let mut figures = Figures::default();
        let provinces: Vec<usize> = [3, 17, 30, 40].iter().map(|&n| figures.add(n)).collect();
        let first = figures.sum(&provinces[..2]);
        let second = figures.sum(&provinces[2..]);
        let total = figures.sum(&[first, second]);
        figures.adds_up(provinces.clone(), total);
        let shown = figures.protect();
        assert_eq!(shown[provinces[0]], Small);
        assert_eq!(shown[provinces[1]], Complement);
        assert_eq!((shown[first], shown[second]), (Value(20), Value(70)));
        assert_eq!(shown[total], Value(90));
    }

    #[test]
    fn zero_is_fewer_than_five() {
        let list = protect_list(&[0, 9, 8]);
        assert_eq!(list.cells, [Small, Value(9), Complement]);
    }

    #[test]
    fn a_list_of_one_small_count_hides_its_total_too() {
        let list = protect_list(&[4]);
        assert_eq!(list.cells, [Small]);
        assert_eq!(list.total, Small);
        let list = protect_list(&[9]);
        assert_eq!((list.cells[0], list.total), (Value(9), Value(9)));
    }

    #[test]
    fn a_small_total_is_hidden_with_what_would_give_it_back() {
        // Every cell is small: the total is too.
        let list = protect_list(&[1, 1, 2]);
        assert!(list.cells.iter().all(|c| *c == Small) && list.total == Small);
    }

    #[test]
    fn in_a_table_no_hidden_cell_can_be_computed_back_from_its_row_or_its_column() {
        // Region by age band: one small cell (3) in the middle.
        let table = protect_table(&[vec![20, 3, 15], vec![30, 40, 50], vec![9, 11, 60]]);
        assert_eq!(table.cells[0][1], Small);
        // Its row and its column each hide one more, and one more closes the rectangle.
        assert!(!recoverable(&table), "{table:?}");
        // The small cell's row hid its smallest other cell (15), its column its own (11), and
        // the corner where their row and column cross (60): four cells, not a cascade.
        assert_eq!(table.cells[0][2], Complement);
        assert_eq!(table.cells[2][1], Complement);
        assert_eq!(table.cells[2][2], Complement);
        assert_eq!(table.hidden(), 4);
        // The grand total and the large figures stay.
        assert_eq!(table.total, Value(238));
        assert_eq!(table.cells[1][0], Value(30));
    }

    #[test]
    fn no_table_of_many_leaves_a_small_cell_shown_or_a_hidden_figure_alone_in_its_line() {
        // Tables of every shape up to 6 by 6, their counts drawn from a fixed sequence, many
        // of them small.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below) as i64
        };
        for _ in 0..2_000 {
            let (h, w) = (1 + next(6) as usize, 1 + next(6) as usize);
            let rows: Vec<Vec<i64>> = (0..h)
                .map(|_| {
                    (0..w)
                        .map(|_| if next(3) == 0 { next(5) } else { next(80) })
                        .collect()
                })
                .collect();
            let table = protect_table(&rows);
            for (i, row) in rows.iter().enumerate() {
                for (j, &n) in row.iter().enumerate() {
                    let shown = table.cells[i][j];
                    assert!(n >= THRESHOLD || shown == Small, "{rows:?}");
                    assert!(shown.value().is_none_or(|v| v == n));
                }
            }
            assert!(!recoverable(&table), "{rows:?} -> {table:?}");
        }
    }

    #[test]
    fn a_table_is_hidden_the_same_way_every_time() {
        let rows = vec![vec![7, 2, 7], vec![7, 7, 1]];
        assert_eq!(protect_table(&rows), protect_table(&rows));
    }

    #[test]
    fn a_table_with_nothing_small_is_shown_whole() {
        let table = protect_table(&[vec![5, 6], vec![7, 8]]);
        assert_eq!(table.hidden(), 0);
        assert_eq!(table.row_totals, [Value(11), Value(15)]);
        assert_eq!(table.column_totals, [Value(12), Value(14)]);
        assert_eq!(table.total, Value(26));
    }
}
