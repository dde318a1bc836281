//! The applications list's filters, as they live in the page's URL: a link holds them, so it
//! can be shared and Back brings the previous list back.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    pub region: String,
    pub province: String,
    pub status: String,
    pub sector: String,
    pub stage: String,
    /// Submitted on or after this day (YYYY-MM-DD).
    pub from: String,
    /// Submitted on or before this day.
    pub to: String,
    pub channel: String,
    /// Urban or rural.
    pub area: String,
    /// Her age band today (`report::AGE_BANDS`' codes, such as `25-34`).
    pub age: String,
    /// Only the women who reached one of the follow-up's steps: a report's indicator code
    /// (`report::Indicator::condition`), such as `coached`.
    pub reached: String,
    /// Her schooling (`registration::choices::EducationLevel`'s codes).
    pub education: String,
    /// Why it was not accepted (`workflow::RejectReason`'s codes, or `report::NO_REASON`).
    pub reason: String,
    /// Only the applications flagged as possible duplicates.
    pub flagged: bool,
    /// A reference, a CIN, a phone number, or the start of a name.
    pub q: String,
    pub sort: Sort,
    /// The number of the page shown, from 1: a label only, the cursors below say which rows.
    pub page: u32,
    /// The page after the row this cursor names (see `repo::Cursor`): pages follow each other
    /// by the sort's own order, so a deep page costs what the first does.
    pub after: String,
    /// The page before the row this cursor names.
    pub before: String,
    /// The last page.
    pub last: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    Name,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Name];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Name => "name",
        }
    }

    pub fn from_code(code: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .unwrap_or_default()
    }
}

/// The status filter's value for every application not decided yet (received or under
/// review): what is left to do.
pub const OPEN_STATUSES: &str = "open";

/// The status filter's value for every woman holding a place: accepted, enrolled since or
/// not yet (the report's "accepted").
pub const PLACED_STATUSES: &str = "placed";

/// Rows on one page of the list.
pub const PER_PAGE: u32 = 25;
/// The longest search text read.
const MAX_QUERY_LEN: usize = 100;

impl Filters {
    /// How many filters narrow the list (the search and the order aside).
    pub fn active_count(&self) -> usize {
        [
            &self.region,
            &self.province,
            &self.status,
            &self.sector,
            &self.stage,
            &self.from,
            &self.to,
            &self.channel,
            &self.area,
            &self.age,
            &self.reached,
            &self.reason,
            &self.education,
        ]
        .iter()
        .filter(|value| !value.is_empty())
        .count()
            + usize::from(self.flagged)
    }

    /// Reads the filters from the URL's query parameters; anything unreadable is ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filters {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().chars().take(MAX_QUERY_LEN).collect::<String>())
                .unwrap_or_default()
        };
        Filters {
            region: text("region"),
            province: text("province"),
            status: text("status"),
            sector: text("sector"),
            stage: text("stage"),
            from: text("from"),
            to: text("to"),
            channel: text("channel"),
            area: text("area"),
            age: text("age"),
            reached: text("reached"),
            reason: text("reason"),
            education: text("education"),
            flagged: matches!(get("flagged").as_deref(), Some("1" | "on" | "true")),
            q: text("q"),
            sort: Sort::from_code(&text("sort")),
            page: text("page").parse().ok().filter(|p| *p >= 1).unwrap_or(1),
            after: text("after"),
            before: text("before"),
            last: matches!(get("last").as_deref(), Some("1")),
        }
    }

    /// The query string (without `?`) that holds these filters; empty ones are left out.
    pub fn to_query(&self) -> String {
        let mut out: Vec<(&str, String)> = Vec::new();
        let pairs = [
            ("q", self.q.as_str()),
            ("region", &self.region),
            ("province", &self.province),
            ("status", &self.status),
            ("sector", &self.sector),
            ("stage", &self.stage),
            ("channel", &self.channel),
            ("area", &self.area),
            ("age", &self.age),
            ("reached", &self.reached),
            ("reason", &self.reason),
            ("education", &self.education),
            ("from", &self.from),
            ("to", &self.to),
        ];
        for (name, value) in pairs {
            if !value.is_empty() {
                out.push((name, value.to_owned()));
            }
        }
        if self.flagged {
            out.push(("flagged", "1".into()));
        }
        if self.sort != Sort::Newest {
            out.push(("sort", self.sort.code().into()));
        }
        if self.page > 1 {
            out.push(("page", self.page.to_string()));
        }
        if !self.after.is_empty() {
            out.push(("after", self.after.clone()));
        }
        if !self.before.is_empty() {
            out.push(("before", self.before.clone()));
        }
        if self.last {
            out.push(("last", "1".into()));
        }
        out.iter()
            .map(|(name, value)| format!("{name}={}", crate::layout::encode_query_value(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The same filters at their first page.
    pub fn first_page(&self) -> Filters {
        Filters {
            page: 1,
            after: String::new(),
            before: String::new(),
            last: false,
            ..self.clone()
        }
    }

    /// Page `page`, after the row `cursor` names.
    pub fn page_after(&self, page: u32, cursor: &str) -> Filters {
        Filters {
            page,
            after: cursor.to_owned(),
            ..self.first_page()
        }
    }

    /// Page `page`, before the row `cursor` names.
    pub fn page_before(&self, page: u32, cursor: &str) -> Filters {
        Filters {
            page,
            before: cursor.to_owned(),
            ..self.first_page()
        }
    }

    /// The last page, numbered `page`.
    pub fn last_page(&self, page: u32) -> Filters {
        Filters {
            page,
            last: true,
            ..self.first_page()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(query: &[(&str, &str)]) -> Filters {
        let map: HashMap<String, String> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Filters::from_query(|name| map.get(name).cloned())
    }

    #[test]
    fn filters_survive_the_trip_through_the_url() {
        let filters = read(&[
            ("region", "06"),
            ("status", "under_review"),
            ("area", "rural"),
            ("age", "55+"),
            ("reached", "coached"),
            ("q", "فاطمة الزهراء"),
            ("flagged", "1"),
            ("sort", "name"),
            ("page", "3"),
            ("after", "1234.الزهراء بناني"),
        ]);
        let query = filters.to_query();
        let pairs: HashMap<String, String> = query
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                (k.to_owned(), percent_decode(v))
            })
            .collect();
        assert_eq!(Filters::from_query(|n| pairs.get(n).cloned()), filters);
    }

    fn percent_decode(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn nonsense_in_the_url_falls_back_to_the_defaults() {
        let filters = read(&[("page", "-4"), ("sort", "drop table"), ("flagged", "maybe")]);
        assert_eq!(filters, Filters::default().first_page());
        assert_eq!(Filters::default().first_page().to_query(), "");
    }
}
