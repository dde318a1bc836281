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
    let mut figures: Vec<i64> = counts.to_vec();
    figures.push(counts.iter().sum());
    let total = counts.len();
    let line = Line {
        cells: (0..counts.len()).collect(),
        total,
    };
    let shown = protect(&figures, &[line]);
    ProtectedList {
        cells: shown[..total].to_vec(),
        total: shown[total],
    }
}

/// Two axes: `rows[i][j]` counts the women of row `i` and column `j` (every row as long as
/// the first).
pub fn protect_table(rows: &[Vec<i64>]) -> ProtectedTable {
    let height = rows.len();
    let width = rows.first().map_or(0, Vec::len);
    debug_assert!(rows.iter().all(|row| row.len() == width));
    // The figures in one list: the cells row by row, then the row totals, the column totals,
    // and the grand total.
    let cell = |i: usize, j: usize| i * width + j;
    let row_total = |i: usize| height * width + i;
    let column_total = |j: usize| height * width + height + j;
    let grand = height * width + height + width;
    let mut figures: Vec<i64> = rows.iter().flatten().copied().collect();
    figures.extend(rows.iter().map(|row| row.iter().sum::<i64>()));
    figures.extend((0..width).map(|j| rows.iter().map(|row| row[j]).sum::<i64>()));
    figures.push(rows.iter().flatten().sum());
    let mut lines: Vec<Line> = (0..height)
        .map(|i| Line {
            cells: (0..width).map(|j| cell(i, j)).collect(),
            total: row_total(i),
        })
        .collect();
    lines.extend((0..width).map(|j| Line {
        cells: (0..height).map(|i| cell(i, j)).collect(),
        total: column_total(j),
    }));
    lines.push(Line {
        cells: (0..height).map(row_total).collect(),
        total: grand,
    });
    lines.push(Line {
        cells: (0..width).map(column_total).collect(),
        total: grand,
    });
    let shown = protect(&figures, &lines);
    ProtectedTable {
        cells: (0..height)
            .map(|i| (0..width).map(|j| shown[cell(i, j)]).collect())
            .collect(),
        row_totals: (0..height).map(|i| shown[row_total(i)]).collect(),
        column_totals: (0..width).map(|j| shown[column_total(j)]).collect(),
        total: shown[grand],
    }
}

/// Figures that add up: the cells' sum is the total (indices into the figures).
struct Line {
    cells: Vec<usize>,
    total: usize,
}

/// Hides every small figure, then, while some line has exactly one figure hidden (which its
/// line's others would give back), one more of that line. The one picked exposes as few
/// other lines as it can (a cell whose other line already hides a figure costs nothing: one
/// small cell in a table hides the corners of a rectangle, not a cascade), then the smallest
/// (the least information lost), a cell before the total. Each round hides one more figure, so
/// it ends; what it picks depends only on the figures, so the same table is always hidden the
/// same way (two answers never hide different cells that together give one back).
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
    let members = |line: &Line| {
        line.cells
            .iter()
            .copied()
            .chain([line.total])
            .collect::<Vec<_>>()
    };
    let hidden_in = |shown: &[Shown], line: &Line| {
        members(line)
            .iter()
            .filter(|&&i| shown[i].is_hidden())
            .count()
    };
    loop {
        let Some(exposed) = lines
            .iter()
            .position(|line| !line.cells.is_empty() && hidden_in(&shown, line) == 1)
        else {
            return shown;
        };
        let line = &lines[exposed];
        // Lines other than this one that hiding `i` would leave with one figure hidden.
        let cost = |i: usize| {
            lines
                .iter()
                .enumerate()
                .filter(|(k, other)| {
                    *k != exposed && members(other).contains(&i) && hidden_in(&shown, other) == 0
                })
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
    /// figure alone in its row, its column or the totals' lines. None may be.
    fn recoverable(table: &ProtectedTable) -> bool {
        let (h, w) = (table.row_totals.len(), table.column_totals.len());
        let mut figures: Vec<Shown> = table.cells.iter().flatten().copied().collect();
        figures.extend(&table.row_totals);
        figures.extend(&table.column_totals);
        figures.push(table.total);
        let mut lines: Vec<Vec<usize>> = (0..h)
            .map(|i| (0..w).map(|j| i * w + j).chain([h * w + i]).collect())
            .collect();
        lines.extend((0..w).map(|j| (0..h).map(|i| i * w + j).chain([h * w + h + j]).collect()));
        lines.push((0..h).map(|i| h * w + i).chain([h * w + h + w]).collect());
        lines.push(
            (0..w)
                .map(|j| h * w + h + j)
                .chain([h * w + h + w])
                .collect(),
        );
        lines
            .iter()
            .any(|line| line.iter().filter(|&&i| figures[i].is_hidden()).count() == 1)
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
