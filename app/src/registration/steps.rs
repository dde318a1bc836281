//! The wizard's steps: which answers each one asks for and the rule that checks them. The
//! same `check_step` runs in the browser as she types and submits, and on the server, which
//! decides; the whole application is read once more, step by step, when she submits.

use super::{
    choices::*,
    eligibility::{EligibilityForm, NotEligible, Verdict},
    fields::*,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

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

/// Limits of the free-text answers.
pub const LOCALITY_LEN: (usize, usize) = (2, 80);
pub const CENTRE_LEN: (usize, usize) = (2, 80);
pub const DESCRIPTION_LEN: (usize, usize) = (20, 1000);
pub const DETAILS_MAX: usize = 500;
pub const DEPENDANTS_MAX: u32 = 20;

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

/// What the rules need to know beyond the answers.
#[derive(Clone, Debug)]
pub struct Rules {
    /// The day of submission, for the age rule.
    pub today: Date,
    /// Every region code.
    pub regions: Vec<String>,
    /// The provinces of the region she chose.
    pub provinces: Vec<i64>,
}

/// Keeps the value of a parse, or records its error against the field.
fn keep<T>(
    errors: &mut FieldErrors,
    name: &'static str,
    parsed: Result<T, FieldError>,
) -> Option<T> {
    parsed.map_err(|error| errors.push((name, error))).ok()
}

fn done(errors: FieldErrors) -> Result<(), FieldErrors> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The eligibility answers, as the eligibility rule reads them.
pub fn eligibility_form(raw: &Raw) -> EligibilityForm {
    EligibilityForm {
        adult: first(raw, "adult").into(),
        region: first(raw, "region").into(),
        has_project: first(raw, "has_project").into(),
        situations: values(raw, "situations").to_vec(),
    }
}

/// The eligibility verdict, or the questions to answer first.
pub fn eligibility_verdict(raw: &Raw, rules: &Rules) -> Result<Verdict, FieldErrors> {
    eligibility_form(raw).check(|code| rules.regions.iter().any(|r| r == code))
}

/// Checks one step's answers. For the eligibility step this checks that every question has
/// an offered answer; the verdict is [`eligibility_verdict`].
pub fn check_step(step: Step, raw: &Raw, rules: &Rules) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let text = |name| first(raw, name);
    match step {
        Step::Eligibility => return eligibility_verdict(raw, rules).map(|_| ()),
        Step::Identity => {
            keep(
                &mut errors,
                "first_name",
                PersonName::parse(text("first_name")),
            );
            keep(
                &mut errors,
                "last_name",
                PersonName::parse(text("last_name")),
            );
            keep(&mut errors, "cin", Cin::parse(text("cin")));
            keep(
                &mut errors,
                "birth_date",
                BirthDate::parse(text("birth_date"), rules.today),
            );
            keep(&mut errors, "phone", PhoneNumber::parse(text("phone")));
            keep(&mut errors, "email", Email::parse_optional(text("email")));
        }
        Step::Residence => {
            keep(
                &mut errors,
                "province",
                parse_province(text("province"), rules),
            );
            keep(
                &mut errors,
                "locality",
                BoundedText::parse(text("locality"), LOCALITY_LEN.0, LOCALITY_LEN.1, false),
            );
            keep(&mut errors, "area", Area::parse(text("area")));
        }
        Step::Situation => {
            keep(
                &mut errors,
                "marital_status",
                MaritalStatus::parse(text("marital_status")),
            );
            keep(
                &mut errors,
                "dependants",
                parse_count(text("dependants"), DEPENDANTS_MAX),
            );
            keep(
                &mut errors,
                "household_head",
                YesNo::parse(text("household_head")),
            );
            keep(&mut errors, "disability", YesNo::parse(text("disability")));
            keep(&mut errors, "rsu", YesNo::parse(text("rsu")));
            keep(&mut errors, "income", IncomeBand::parse(text("income")));
            keep(
                &mut errors,
                "situation_details",
                optional_text(text("situation_details"), DETAILS_MAX),
            );
        }
        Step::Schooling => {
            keep(
                &mut errors,
                "education",
                EducationLevel::parse(text("education")),
            );
            keep(
                &mut errors,
                "reading",
                ReadingAbility::parse(text("reading")),
            );
        }
        Step::Project => {
            keep(&mut errors, "stage", ProjectStage::parse(text("stage")));
            keep(&mut errors, "sector", Sector::parse(text("sector")));
            // She may say she will explain her project at the centre rather than write it.
            if text("explain_at_centre") == YesNo::Yes.code() {
                keep(
                    &mut errors,
                    "description",
                    optional_text(text("description"), DESCRIPTION_LEN.1),
                );
            } else {
                keep(
                    &mut errors,
                    "description",
                    BoundedText::parse(
                        text("description"),
                        DESCRIPTION_LEN.0,
                        DESCRIPTION_LEN.1,
                        true,
                    ),
                );
            }
            if !matches!(text("explain_at_centre"), "" | "yes") {
                errors.push(("explain_at_centre", FieldError::NotAnOption));
            }
            keep(
                &mut errors,
                "support",
                parse_many(values(raw, "support"), SupportNeed::parse, true),
            );
            keep(
                &mut errors,
                "cooperative_member",
                YesNo::parse(text("cooperative_member")),
            );
            keep(&mut errors, "budget", BudgetBand::parse(text("budget")));
        }
        Step::Preferences => {
            keep(
                &mut errors,
                "centre",
                BoundedText::parse(text("centre"), CENTRE_LEN.0, CENTRE_LEN.1, false),
            );
            keep(
                &mut errors,
                "availability",
                parse_many(values(raw, "availability"), Availability::parse, true),
            );
            keep(
                &mut errors,
                "training_language",
                TrainingLanguage::parse(text("training_language")),
            );
        }
        Step::Consent => {
            if text("consent") != YesNo::Yes.code() {
                errors.push(("consent", FieldError::ConsentRequired));
            }
        }
    }
    done(errors)
}

fn parse_province(raw: &str, rules: &Rules) -> Result<i64, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::Required);
    }
    raw.parse::<i64>()
        .ok()
        .filter(|id| rules.provinces.contains(id))
        .ok_or(FieldError::NotAnOption)
}

fn optional_text(raw: &str, max: usize) -> Result<(), FieldError> {
    match BoundedText::parse(raw, 0, max, true) {
        Ok(_) | Err(FieldError::Required) => Ok(()),
        Err(error) => Err(error),
    }
}

/// Rewrites a checked step's answers in their normal form (names and lines trimmed, the CIN
/// upper case without spaces, the phone as Moroccans write it, the date as `YYYY-MM-DD`), so
/// they read and compare the same however she typed them.
pub fn normalize_step(step: Step, raw: &mut Raw, today: Date) {
    let text = |name| first(raw, name);
    let normal: Vec<(&str, Option<String>)> = match step {
        Step::Identity => vec![
            (
                "first_name",
                PersonName::parse(text("first_name"))
                    .ok()
                    .map(|n| n.as_str().to_owned()),
            ),
            (
                "last_name",
                PersonName::parse(text("last_name"))
                    .ok()
                    .map(|n| n.as_str().to_owned()),
            ),
            (
                "cin",
                Cin::parse(text("cin")).ok().map(|c| c.as_str().to_owned()),
            ),
            (
                "birth_date",
                BirthDate::parse(text("birth_date"), today)
                    .ok()
                    .map(BirthDate::iso),
            ),
            (
                "phone",
                PhoneNumber::parse(text("phone")).ok().map(|p| p.national()),
            ),
            (
                "email",
                Email::parse_optional(text("email"))
                    .ok()
                    .map(|e| e.map(|e| e.as_str().to_owned()).unwrap_or_default()),
            ),
        ],
        Step::Residence => vec![(
            "locality",
            BoundedText::parse(text("locality"), 0, usize::MAX, false)
                .ok()
                .map(|t| t.as_str().to_owned()),
        )],
        Step::Situation => vec![(
            "dependants",
            parse_count(text("dependants"), DEPENDANTS_MAX)
                .ok()
                .map(|n| n.to_string()),
        )],
        Step::Preferences => vec![(
            "centre",
            BoundedText::parse(text("centre"), 0, usize::MAX, false)
                .ok()
                .map(|t| t.as_str().to_owned()),
        )],
        _ => Vec::new(),
    };
    for (name, value) in normal {
        if let Some(value) = value {
            raw.insert(name.to_owned(), vec![value]);
        }
    }
}

/// The first step whose answers are missing or refused, `None` when every step is done.
pub fn first_incomplete(raw: &Raw, rules: &Rules) -> Option<Step> {
    Step::ALL.into_iter().find(|step| match step {
        Step::Eligibility => !matches!(eligibility_verdict(raw, rules), Ok(Verdict::Eligible(_))),
        step => check_step(*step, raw, rules).is_err(),
    })
}

/// The answers the application's own columns hold (the rest stay in its answers document).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub cin: Cin,
    pub birth_date: BirthDate,
    pub phone: PhoneNumber,
    pub email: Option<Email>,
    pub region: String,
    pub province_id: i64,
    pub locality: String,
    pub area: Area,
    pub sector: Sector,
    pub stage: ProjectStage,
}

impl Application {
    /// What finds the same person written the same way: the names, lower case, one space.
    pub fn name_key(&self) -> String {
        name_key(self.first_name.as_str(), self.last_name.as_str())
    }
}

pub fn name_key(first_name: &str, last_name: &str) -> String {
    format!("{first_name} {last_name}")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Why a whole application cannot be submitted yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incomplete {
    /// A step's answers are missing or refused.
    Step(Step, FieldErrors),
    NotEligible(Vec<NotEligible>),
}

/// Reads the whole application, every step checked again.
pub fn read_application(raw: &Raw, rules: &Rules) -> Result<Application, Incomplete> {
    match eligibility_verdict(raw, rules) {
        Ok(Verdict::Eligible(_)) => {}
        Ok(Verdict::NotEligible(reasons)) => return Err(Incomplete::NotEligible(reasons)),
        Err(errors) => return Err(Incomplete::Step(Step::Eligibility, errors)),
    }
    for step in &Step::ALL[1..] {
        check_step(*step, raw, rules).map_err(|errors| Incomplete::Step(*step, errors))?;
    }
    let text = |name| first(raw, name);
    // Every answer below passed its step's check just above.
    let fail = |name: &'static str, error| Incomplete::Step(Step::Identity, vec![(name, error)]);
    Ok(Application {
        first_name: PersonName::parse(text("first_name")).map_err(|e| fail("first_name", e))?,
        last_name: PersonName::parse(text("last_name")).map_err(|e| fail("last_name", e))?,
        cin: Cin::parse(text("cin")).map_err(|e| fail("cin", e))?,
        birth_date: BirthDate::parse(text("birth_date"), rules.today)
            .map_err(|e| fail("birth_date", e))?,
        phone: PhoneNumber::parse(text("phone")).map_err(|e| fail("phone", e))?,
        email: Email::parse_optional(text("email")).map_err(|e| fail("email", e))?,
        region: text("region").trim().to_owned(),
        province_id: parse_province(text("province"), rules).map_err(|e| fail("province", e))?,
        locality: BoundedText::parse(text("locality"), LOCALITY_LEN.0, LOCALITY_LEN.1, false)
            .map_err(|e| fail("locality", e))?
            .as_str()
            .to_owned(),
        area: Area::parse(text("area")).map_err(|e| fail("area", e))?,
        sector: Sector::parse(text("sector")).map_err(|e| fail("sector", e))?,
        stage: ProjectStage::parse(text("stage")).map_err(|e| fail("stage", e))?,
    })
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

    pub fn rules() -> Rules {
        Rules {
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
    fn a_complete_application_is_read_with_its_answers_in_normal_form() {
        let application = read_application(&complete(), &rules()).unwrap();
        assert_eq!(application.cin.as_str(), "BK123456");
        assert_eq!(application.phone.as_str(), "+212612345678");
        assert_eq!(application.province_id, 2);
        assert_eq!(application.name_key(), "fatima el amrani");
        assert_eq!(first_incomplete(&complete(), &rules()), None);
    }

    #[test]
    fn each_step_reports_its_own_missing_answers() {
        let empty = Raw::new();
        for step in Step::ALL {
            let errors = check_step(step, &empty, &rules()).unwrap_err();
            let required: Vec<&str> = step
                .fields()
                .iter()
                .map(|f| f.name)
                .filter(|n| !matches!(*n, "email" | "situation_details" | "explain_at_centre"))
                .collect();
            let named: Vec<&str> = errors.iter().map(|(n, _)| *n).collect();
            assert_eq!(named, required, "{step:?}");
        }
        assert_eq!(first_incomplete(&empty, &rules()), Some(Step::Eligibility));
    }

    #[test]
    fn a_missing_step_is_found_and_named() {
        let mut raw = complete();
        raw.remove("budget");
        assert_eq!(first_incomplete(&raw, &rules()), Some(Step::Project));
        assert_eq!(
            read_application(&raw, &rules()),
            Err(Incomplete::Step(
                Step::Project,
                vec![("budget", FieldError::Required)]
            ))
        );
        let mut raw = complete();
        raw.insert("adult".into(), vec!["no".into()]);
        assert_eq!(
            read_application(&raw, &rules()),
            Err(Incomplete::NotEligible(vec![NotEligible::Under18]))
        );
    }

    #[test]
    fn answers_are_kept_in_normal_form() {
        let mut raw = complete();
        raw.insert("first_name".into(), vec!["  Fatima   Zahra ".into()]);
        raw.insert("birth_date".into(), vec!["١٤/٠٣/١٩٨٥".into()]);
        raw.insert("phone".into(), vec!["+212-612-345-678".into()]);
        normalize_step(Step::Identity, &mut raw, rules().today);
        assert_eq!(first(&raw, "first_name"), "Fatima Zahra");
        assert_eq!(first(&raw, "cin"), "BK123456");
        assert_eq!(first(&raw, "birth_date"), "1985-03-14");
        assert_eq!(first(&raw, "phone"), "06 12 34 56 78");
        assert_eq!(check_step(Step::Identity, &raw, &rules()), Ok(()));
    }

    #[test]
    fn a_province_of_another_region_is_refused() {
        let mut raw = complete();
        raw.insert("province".into(), vec!["40".into()]);
        assert_eq!(
            check_step(Step::Residence, &raw, &rules()),
            Err(vec![("province", FieldError::NotAnOption)])
        );
    }

    #[test]
    fn consent_must_be_given_explicitly() {
        let mut raw = complete();
        raw.insert("consent".into(), vec!["on".into()]);
        assert_eq!(
            check_step(Step::Consent, &raw, &rules()),
            Err(vec![("consent", FieldError::ConsentRequired)])
        );
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
}
