//! The wizard's steps: which answers each one asks for and the rule that checks them. The
//! same parse (`answers`) runs in the browser as she types and submits, and on the server, which
//! decides; the whole application is read once more, step by step, when she submits.

use super::{choices::*, eligibility::EligibilityForm, fields::*};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every answer as typed, by field name (a multiple choice has one value per ticked box).
pub type Raw = BTreeMap<String, Vec<String>>;

/// Gathers a form's name and value pairs.
pub fn raw_from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Raw {
    let mut raw = Raw::new();
    for (name, value) in pairs {
        raw.entry(name).or_default().push(value);
    }
    raw
}

/// The first value of a field, or `""`.
pub fn first<'a>(raw: &'a Raw, name: &str) -> &'a str {
    raw.get(name)
        .and_then(|values| values.first())
        .map_or("", String::as_str)
}

/// Every value of a field (the ticked boxes).
pub fn values<'a>(raw: &'a Raw, name: &str) -> &'a [String] {
    raw.get(name).map_or(&[], Vec::as_slice)
}

/// The longest text accepted in any field, whatever the field: what a form may send.
pub const MAX_VALUE_LEN: usize = 4_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    Eligibility,
    Identity,
    Residence,
    Situation,
    Schooling,
    Project,
    Preferences,
    Consent,
}

/// How an answer is shown on the "check your answers" page.
#[derive(Clone, Copy)]
pub enum Shown {
    Text,
    /// Numbers and codes: left-to-right inside Arabic text.
    Ltr,
    Region,
    Province,
    Date,
    Choice(fn(&str) -> Option<String>),
}

/// One question of a step.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub shown: Shown,
    /// Tick boxes: several answers at once. Any other question keeps one.
    pub many: bool,
}

const fn field(name: &'static str, shown: Shown) -> FieldSpec {
    FieldSpec {
        name,
        shown,
        many: false,
    }
}

const fn many(name: &'static str, shown: Shown) -> FieldSpec {
    FieldSpec {
        name,
        shown,
        many: true,
    }
}

const ELIGIBILITY_FIELDS: &[FieldSpec] = &[
    field("adult", Shown::Choice(YesNo::label_key_of)),
    field("region", Shown::Region),
    field("has_project", Shown::Choice(YesNo::label_key_of)),
    many("situations", Shown::Choice(Situation::label_key_of)),
];
const IDENTITY_FIELDS: &[FieldSpec] = &[
    field("first_name", Shown::Text),
    field("last_name", Shown::Text),
    field("cin", Shown::Ltr),
    field("birth_date", Shown::Date),
    field("phone", Shown::Ltr),
    field("email", Shown::Ltr),
];
const RESIDENCE_FIELDS: &[FieldSpec] = &[
    field("province", Shown::Province),
    field("locality", Shown::Text),
    field("area", Shown::Choice(Area::label_key_of)),
];
const SITUATION_FIELDS: &[FieldSpec] = &[
    field("marital_status", Shown::Choice(MaritalStatus::label_key_of)),
    field("dependants", Shown::Ltr),
    field("household_head", Shown::Choice(YesNo::label_key_of)),
    field("disability", Shown::Choice(YesNo::label_key_of)),
    field("rsu", Shown::Choice(YesNo::label_key_of)),
    field("income", Shown::Choice(IncomeBand::label_key_of)),
    field("situation_details", Shown::Text),
];
const SCHOOLING_FIELDS: &[FieldSpec] = &[
    field("education", Shown::Choice(EducationLevel::label_key_of)),
    field("reading", Shown::Choice(ReadingAbility::label_key_of)),
];
const PROJECT_FIELDS: &[FieldSpec] = &[
    field("stage", Shown::Choice(ProjectStage::label_key_of)),
    field("sector", Shown::Choice(Sector::label_key_of)),
    field("description", Shown::Text),
    field("explain_at_centre", Shown::Choice(YesNo::label_key_of)),
    many("support", Shown::Choice(SupportNeed::label_key_of)),
    field("cooperative_member", Shown::Choice(YesNo::label_key_of)),
    field("budget", Shown::Choice(BudgetBand::label_key_of)),
];
const PREFERENCES_FIELDS: &[FieldSpec] = &[
    field("centre", Shown::Text),
    many("availability", Shown::Choice(Availability::label_key_of)),
    field(
        "training_language",
        Shown::Choice(TrainingLanguage::label_key_of),
    ),
];
const CONSENT_FIELDS: &[FieldSpec] = &[field("consent", Shown::Choice(YesNo::label_key_of))];

/// The version of the consent text (`consent-*` messages). Change it whenever their meaning
/// changes: each application keeps the version she agreed to.
pub const CONSENT_VERSION: &str = "2026-11-29";

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Eligibility,
        Step::Identity,
        Step::Residence,
        Step::Situation,
        Step::Schooling,
        Step::Project,
        Step::Preferences,
        Step::Consent,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Eligibility => "eligibility",
            Step::Identity => "identity",
            Step::Residence => "residence",
            Step::Situation => "situation",
            Step::Schooling => "schooling",
            Step::Project => "project",
            Step::Preferences => "preferences",
            Step::Consent => "consent",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.slug() == slug)
    }

    /// `/register/<slug>`: where the step is shown and where its form posts.
    pub fn path(self) -> String {
        format!("/register/{}", self.slug())
    }

    /// 1 to 7.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn title_key(self) -> String {
        format!("step-{}-title", self.slug())
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        Step::ALL.get(self.number().checked_sub(2)?).copied()
    }

    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Step::Eligibility => ELIGIBILITY_FIELDS,
            Step::Identity => IDENTITY_FIELDS,
            Step::Residence => RESIDENCE_FIELDS,
            Step::Situation => SITUATION_FIELDS,
            Step::Schooling => SCHOOLING_FIELDS,
            Step::Project => PROJECT_FIELDS,
            Step::Preferences => PREFERENCES_FIELDS,
            Step::Consent => CONSENT_FIELDS,
        }
    }

    /// The step a field belongs to.
    pub fn of_field(name: &str) -> Option<Step> {
        Step::ALL
            .into_iter()
            .find(|step| step.fields().iter().any(|f| f.name == name))
    }
}

/// The page after the last step.
pub const CHECK_PATH: &str = "/register/check";
pub const SUBMITTED_PATH: &str = "/register/submitted";
pub const RESUME_PATH: &str = "/register/resume";
pub const STATUS_PATH: &str = "/status";

/// The message key of a field's label: `field-<name>`.
pub fn label_key(name: &str) -> String {
    format!("field-{}", name.replace('_', "-"))
}

/// How an answer reads, on her answers page and on the console's application page alike:
/// dates as `dd/mm/yyyy`, choices by their labels in `lang` (a code no list has, as it is),
/// the region and the province by their names.
pub fn shown_answer(
    shown: Shown,
    values: &[String],
    lang: crate::i18n::Lang,
    region: &str,
    province: &str,
) -> String {
    let first = values.first().map(|v| v.trim()).unwrap_or_default();
    match shown {
        Shown::Text | Shown::Ltr => first.to_owned(),
        Shown::Date => parse_date(first).map_or(first.to_owned(), crate::clock::dd_mm_yyyy),
        Shown::Region => region.to_owned(),
        Shown::Province => province.to_owned(),
        Shown::Choice(label_key_of) => values
            .iter()
            .map(|code| {
                if code == EligibilityForm::NO_SITUATION {
                    crate::i18n::tr(lang, "situation-none")
                } else {
                    label_key_of(code)
                        .map(|key| crate::i18n::tr(lang, &key))
                        .unwrap_or_else(|| code.clone())
                }
            })
            .collect::<Vec<_>>()
            .join(lang.pick(", ", "، ")),
    }
}

/// Two names as they are searched and compared: lower case, one space between words.
pub fn name_key(first_name: &str, last_name: &str) -> String {
    search_key(&format!("{first_name} {last_name}"))
}

/// Text as names are searched and compared: lower case, one space between words.
pub fn search_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The first value of a field among a form's pairs, or `""`.
pub fn first_of<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The answers asked as a date in three boxes, named `<answer>_day`, `_month` and `_year`.
pub const DATE_ANSWERS: &[&str] = &["birth_date"];
const DATE_PARTS: [&str; 3] = ["day", "month", "year"];

/// The answer an input belongs to: a date's box belongs to the date.
pub fn answer_name(input: &str) -> &str {
    DATE_ANSWERS
        .iter()
        .find(|date| {
            input
                .strip_prefix(**date)
                .and_then(|rest| rest.strip_prefix('_'))
                .is_some_and(|part| DATE_PARTS.contains(&part))
        })
        .copied()
        .unwrap_or(input)
}

/// A date answered in three boxes becomes one answer, `day/month/year`, left empty when every
/// box is; the date's rule then reads it like any other. Other pairs pass as they are.
pub fn join_date_parts(pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut joined: Vec<(String, String)> = Vec::with_capacity(pairs.len());
    let mut dates: BTreeMap<&'static str, [Option<String>; 3]> = BTreeMap::new();
    for (name, value) in pairs {
        let part = DATE_ANSWERS.iter().find_map(|date| {
            let part = name.strip_prefix(*date)?.strip_prefix('_')?;
            Some((*date, DATE_PARTS.iter().position(|p| *p == part)?))
        });
        match part {
            Some((date, i)) => {
                let boxes = dates.entry(date).or_default();
                if boxes[i].is_none() {
                    boxes[i] = Some(value.trim().to_owned());
                }
            }
            None => joined.push((name, value)),
        }
    }
    for (date, boxes) in dates {
        let [day, month, year] = boxes.map(Option::unwrap_or_default);
        let value = if day.is_empty() && month.is_empty() && year.is_empty() {
            String::new()
        } else {
            format!("{day}/{month}/{year}")
        };
        joined.push((date.to_owned(), value));
    }
    joined
}

/// A date answer split into its three boxes (day, month, year) to show it again.
pub fn split_date(value: &str) -> [String; 3] {
    let parts: Vec<&str> = value.trim().split(['/', '-', '.']).collect();
    match parts.as_slice() {
        [year, month, day] if year.len() == 4 => {
            [day.to_string(), month.to_string(), year.to_string()]
        }
        [day, month, year] => [day.to_string(), month.to_string(), year.to_string()],
        _ => [String::new(), String::new(), String::new()],
    }
}

/// Keeps only the answers of `step` from a posted form (unknown names, extra values and
/// oversized text dropped), so a form can change nothing but its own step.
pub fn step_answers(step: Step, pairs: Vec<(String, String)>) -> Raw {
    let mut raw = Raw::new();
    for (name, mut value) in join_date_parts(pairs) {
        if let Some(spec) = step.fields().iter().find(|f| f.name == name) {
            if value.len() > MAX_VALUE_LEN {
                // Cut on a character boundary; the length rule then says what is wrong.
                let mut end = MAX_VALUE_LEN;
                while !value.is_char_boundary(end) {
                    end -= 1;
                }
                value.truncate(end);
            }
            let entry: &mut Vec<String> = raw.entry(spec.name.to_owned()).or_default();
            // A question with one answer keeps the first one sent, whatever a form adds.
            let room = if spec.many { 32 } else { 1 };
            if entry.len() < room {
                entry.push(value);
            }
        }
    }
    raw
}

/// Replaces `step`'s answers in `all` by `answers`, then fills in what the eligibility
/// answers already say (see [`implied`]).
pub fn merge_step(all: &mut Raw, step: Step, answers: Raw) {
    for spec in step.fields() {
        all.remove(spec.name);
    }
    all.extend(answers);
    apply_implied(all);
}

/// Where the answers filled in from the eligibility step are listed.
const IMPLIED: &str = "_implied";

/// What the eligibility step already said, which she is not asked again: whether she heads
/// her household and has a disability (she ticked it or not), her marital status when she is
/// widowed or divorced, and her income when she has none.
pub fn implied(raw: &Raw) -> Vec<(&'static str, &'static str)> {
    let situations = values(raw, "situations");
    if situations.is_empty() {
        return Vec::new();
    }
    let has = |s: Situation| situations.iter().any(|code| code == s.code());
    let yes_no = |yes: bool| if yes { YesNo::Yes } else { YesNo::No }.code();
    let mut said = vec![
        ("household_head", yes_no(has(Situation::HeadOfHousehold))),
        ("disability", yes_no(has(Situation::Disability))),
    ];
    if has(Situation::Widowed) {
        said.push(("marital_status", MaritalStatus::Widowed.code()));
    } else if has(Situation::Divorced) {
        said.push(("marital_status", MaritalStatus::Divorced.code()));
    }
    if has(Situation::NoIncome) {
        said.push(("income", IncomeBand::NoIncome.code()));
    }
    said
}

/// Fills in the [`implied`] answers, and forgets those the eligibility answers said before
/// but no longer say, so that she is asked them.
pub fn apply_implied(raw: &mut Raw) {
    let said = implied(raw);
    for before in raw.remove(IMPLIED).unwrap_or_default() {
        if !said.iter().any(|(name, _)| *name == before) {
            raw.remove(&before);
        }
    }
    for (name, value) in &said {
        raw.insert((*name).to_owned(), vec![(*value).to_owned()]);
    }
    if !said.is_empty() {
        raw.insert(
            IMPLIED.to_owned(),
            said.iter().map(|(name, _)| (*name).to_owned()).collect(),
        );
    }
}

/// Whether `name` was answered by the eligibility step (and is not asked).
pub fn is_implied(raw: &Raw, name: &str) -> bool {
    values(raw, IMPLIED).iter().any(|n| n == name)
}

/// Keeps only the answers that belong to `steps`.
pub fn only_steps(raw: &Raw, steps: &[Step]) -> Raw {
    raw.iter()
        .filter(|(name, _)| {
            steps
                .iter()
                .any(|s| s.fields().iter().any(|f| f.name == *name))
        })
        .map(|(name, values)| (name.clone(), values.clone()))
        .collect()
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::i18n::{tr, Lang};
    use time::macros::date;

    pub fn rules() -> crate::registration::answers::Rules {
        crate::registration::answers::Rules {
            today: date!(2026 - 11 - 29),
            regions: (1..=12).map(|n| format!("{n:02}")).collect(),
            provinces: vec![1, 2, 3],
        }
    }

    /// A complete, valid set of answers.
    pub fn complete() -> Raw {
        let pairs = [
            ("adult", "yes"),
            ("region", "01"),
            ("has_project", "yes"),
            ("situations", "widowed"),
            ("situations", "no_income"),
            ("first_name", "Fatima"),
            ("last_name", "El Amrani"),
            ("cin", "bk 123456"),
            ("birth_date", "1985-03-14"),
            ("phone", "06 12 34 56 78"),
            ("email", ""),
            ("province", "2"),
            ("locality", "Fnideq"),
            ("area", "urban"),
            ("marital_status", "widowed"),
            ("dependants", "3"),
            ("household_head", "yes"),
            ("disability", "no"),
            ("education", "primary"),
            ("reading", "reads_a_little"),
            ("rsu", "yes"),
            ("income", "under_1000"),
            ("situation_details", ""),
            ("stage", "informal"),
            ("sector", "agri_food"),
            (
                "description",
                "Je prépare du couscous et des msemen que je vends au marché.",
            ),
            ("support", "training"),
            ("support", "financing"),
            ("cooperative_member", "no"),
            ("budget", "10000_49999"),
            ("centre", "Tétouan"),
            ("availability", "mornings"),
            ("training_language", "darija"),
            ("consent", "yes"),
        ];
        raw_from_pairs(pairs.map(|(n, v)| (n.to_owned(), v.to_owned())))
    }

    #[test]
    fn a_form_can_only_set_its_own_step() {
        let pairs = vec![
            ("first_name".into(), "Amina".into()),
            ("region".into(), "12".into()),
            ("__proto__".into(), "x".into()),
            ("last_name".into(), "é".repeat(3_000)),
        ];
        let raw = step_answers(Step::Identity, pairs);
        assert_eq!(first(&raw, "first_name"), "Amina");
        assert!(!raw.contains_key("region") && !raw.contains_key("__proto__"));
        assert!(first(&raw, "last_name").len() <= MAX_VALUE_LEN);
        let mut all = complete();
        merge_step(&mut all, Step::Identity, raw);
        assert_eq!(
            first(&all, "cin"),
            "",
            "the step's answers are replaced whole"
        );
        assert_eq!(first(&all, "region"), "01");
    }

    #[test]
    fn every_step_and_field_has_a_label_in_every_language() {
        for lang in Lang::ALL {
            for step in Step::ALL {
                assert!(!tr(lang, &step.title_key()).contains("Unknown localization"));
                for spec in step.fields() {
                    let label = tr(lang, &label_key(spec.name));
                    assert!(
                        !label.contains("Unknown localization"),
                        "{lang:?} {}",
                        spec.name
                    );
                }
            }
        }
    }

    #[test]
    fn steps_follow_each_other_and_are_found_by_slug() {
        assert_eq!(Step::Eligibility.next(), Some(Step::Identity));
        assert_eq!(Step::Consent.next(), None);
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        assert_eq!(Step::of_field("budget"), Some(Step::Project));
    }

    #[test]
    fn a_question_with_one_answer_keeps_the_first_value_sent_twice() {
        let pairs = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect::<Vec<_>>()
        };
        let identity = step_answers(
            Step::Identity,
            pairs(&[("first_name", "Fatima"), ("first_name", "Khadija")]),
        );
        assert_eq!(values(&identity, "first_name"), ["Fatima"]);
        let situation = step_answers(
            Step::Situation,
            pairs(&[("marital_status", "widowed"), ("marital_status", "married")]),
        );
        assert_eq!(values(&situation, "marital_status"), ["widowed"]);
        // Tick boxes keep every box ticked.
        let project = step_answers(
            Step::Project,
            pairs(&[("support", "training"), ("support", "financing")]),
        );
        assert_eq!(values(&project, "support").len(), 2);
    }

    #[test]
    fn a_date_in_three_boxes_is_one_answer() {
        let pairs = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect::<Vec<_>>()
        };
        let identity = step_answers(
            Step::Identity,
            pairs(&[
                ("birth_date_day", " 14"),
                ("birth_date_month", "3"),
                ("birth_date_year", "1985"),
                ("cin", "BK123456"),
            ]),
        );
        assert_eq!(values(&identity, "birth_date"), ["14/3/1985"]);
        assert_eq!(values(&identity, "cin"), ["BK123456"]);
        let empty = step_answers(
            Step::Identity,
            pairs(&[
                ("birth_date_day", ""),
                ("birth_date_month", ""),
                ("birth_date_year", ""),
            ]),
        );
        assert_eq!(values(&empty, "birth_date"), [""]);
        // A form that sends the whole date still works.
        let whole = step_answers(Step::Identity, pairs(&[("birth_date", "14/03/1985")]));
        assert_eq!(values(&whole, "birth_date"), ["14/03/1985"]);
        assert_eq!(answer_name("birth_date_month"), "birth_date");
        assert_eq!(answer_name("birth_date_hour"), "birth_date_hour");
        assert_eq!(answer_name("phone"), "phone");
        assert_eq!(split_date("1985-03-14"), ["14", "03", "1985"]);
        assert_eq!(split_date("14/3/1985"), ["14", "3", "1985"]);
        assert_eq!(split_date("14//"), ["14", "", ""]);
        assert_eq!(split_date(""), ["", "", ""]);
    }

    #[test]
    fn an_answer_reads_one_way_wherever_it_is_shown() {
        let shown = |shown, values: &[&str], lang| {
            let values: Vec<String> = values.iter().map(|v| (*v).to_owned()).collect();
            shown_answer(shown, &values, lang, "Tanger", "Fahs-Anjra")
        };
        let area = Shown::Choice(Area::label_key_of);
        assert_eq!(
            shown(area, &["urban"], Lang::Fr),
            tr(Lang::Fr, "area-urban")
        );
        // A code no list has (an answer kept from an older version of a list) reads as it is.
        assert_eq!(shown(area, &["nomadic"], Lang::Fr), "nomadic");
        assert_eq!(shown(Shown::Date, &["1985-03-14"], Lang::Ar), "14/03/1985");
        assert_eq!(shown(Shown::Province, &["2"], Lang::Fr), "Fahs-Anjra");
        let support = Shown::Choice(SupportNeed::label_key_of);
        assert_eq!(
            shown(support, &["training", "financing"], Lang::Ar),
            format!(
                "{}، {}",
                tr(Lang::Ar, "support-training"),
                tr(Lang::Ar, "support-financing")
            )
        );
    }

    #[test]
    fn names_are_searched_lower_case_with_one_space() {
        assert_eq!(search_key("  Fatima   EL Amrani "), "fatima el amrani");
        assert_eq!(name_key("Fatima", "El  Amrani"), "fatima el amrani");
        let pairs = vec![
            ("q".to_owned(), "a".to_owned()),
            ("q".to_owned(), "b".to_owned()),
        ];
        assert_eq!(first_of(&pairs, "q"), "a");
        assert_eq!(first_of(&pairs, "page"), "");
    }
}
