//! Each step's answers, parsed once into a typed value: checking a step, writing its answers
//! in their normal form and reading the whole application all come from the same parse. The
//! browser runs it as she types (instant messages); the server runs it again and decides.

use super::{
    choices::*,
    eligibility::{EligibilityForm, NotEligible, Verdict},
    fields::*,
    steps::{first, values, Raw, Step},
};
use time::Date;

/// Limits of the free-text answers.
pub const LOCALITY_LEN: (usize, usize) = (2, 80);
pub const CENTRE_LEN: (usize, usize) = (2, 80);
pub const DESCRIPTION_LEN: (usize, usize) = (20, 1000);
pub const DETAILS_MAX: usize = 500;
pub const DEPENDANTS_MAX: u32 = 20;

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

/// Reads answers field by field, keeping each refusal against its field.
struct Reader<'a> {
    raw: &'a Raw,
    errors: FieldErrors,
}

impl<'a> Reader<'a> {
    fn new(raw: &'a Raw) -> Reader<'a> {
        Reader {
            raw,
            errors: FieldErrors::new(),
        }
    }

    fn text(&self, name: &str) -> &'a str {
        first(self.raw, name)
    }

    /// The value of `parse` on the field's first value, or its refusal kept.
    fn field<T>(
        &mut self,
        name: &'static str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        let text = self.text(name);
        self.keep(name, parse(text))
    }

    /// Every value of a tick-box field.
    fn many<T: Copy + PartialEq>(
        &mut self,
        name: &'static str,
        parse: impl Fn(&str) -> Result<T, FieldError>,
    ) -> Option<Vec<T>> {
        let parsed = parse_many(values(self.raw, name), parse, true);
        self.keep(name, parsed)
    }

    fn keep<T>(&mut self, name: &'static str, parsed: Result<T, FieldError>) -> Option<T> {
        parsed.map_err(|error| self.errors.push((name, error))).ok()
    }

    fn refuse(&mut self, name: &'static str, error: FieldError) {
        self.errors.push((name, error));
    }

    /// The answers, when every field was read.
    fn done<T>(self, answers: Option<T>) -> Result<T, FieldErrors> {
        match answers {
            Some(answers) if self.errors.is_empty() => Ok(answers),
            _ => Err(self.errors),
        }
    }
}

fn province(raw: &str, rules: &Rules) -> Result<i64, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::Required);
    }
    raw.parse::<i64>()
        .ok()
        .filter(|id| rules.provinces.contains(id))
        .ok_or(FieldError::NotAnOption)
}

/// Free text that may be left empty.
fn optional_text(raw: &str, max: usize) -> Result<Option<BoundedText>, FieldError> {
    match BoundedText::parse(raw, 0, max, true) {
        Ok(text) => Ok(Some(text)),
        Err(FieldError::Required) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Who she is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityAnswers {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub cin: Cin,
    pub birth_date: BirthDate,
    pub phone: PhoneNumber,
    pub email: Option<Email>,
}

impl IdentityAnswers {
    pub fn parse(raw: &Raw, rules: &Rules) -> Result<IdentityAnswers, FieldErrors> {
        let mut r = Reader::new(raw);
        let first_name = r.field("first_name", PersonName::parse);
        let last_name = r.field("last_name", PersonName::parse);
        let cin = r.field("cin", Cin::parse);
        let birth_date = r.field("birth_date", |t| BirthDate::parse(t, rules.today));
        let phone = r.field("phone", PhoneNumber::parse);
        let email = r.field("email", Email::parse_optional);
        let answers = (|| {
            Some(IdentityAnswers {
                first_name: first_name?,
                last_name: last_name?,
                cin: cin?,
                birth_date: birth_date?,
                phone: phone?,
                email: email?,
            })
        })();
        r.done(answers)
    }

    /// What finds the same person written the same way: the names, lower case, one space.
    pub fn name_key(&self) -> String {
        super::steps::name_key(self.first_name.as_str(), self.last_name.as_str())
    }
}

/// Where she lives (her region is the eligibility step's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResidenceAnswers {
    pub province_id: i64,
    pub locality: BoundedText,
    pub area: Area,
}

impl ResidenceAnswers {
    pub fn parse(raw: &Raw, rules: &Rules) -> Result<ResidenceAnswers, FieldErrors> {
        let mut r = Reader::new(raw);
        let province_id = r.field("province", |t| province(t, rules));
        let locality = r.field("locality", |t| {
            BoundedText::parse(t, LOCALITY_LEN.0, LOCALITY_LEN.1, false)
        });
        let area = r.field("area", Area::parse);
        let answers = (|| {
            Some(ResidenceAnswers {
                province_id: province_id?,
                locality: locality?,
                area: area?,
            })
        })();
        r.done(answers)
    }
}

/// Her situation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SituationAnswers {
    pub marital_status: MaritalStatus,
    pub dependants: u32,
    pub household_head: YesNo,
    pub disability: YesNo,
    pub rsu: YesNo,
    pub income: IncomeBand,
    pub details: Option<BoundedText>,
}

impl SituationAnswers {
    pub fn parse(raw: &Raw) -> Result<SituationAnswers, FieldErrors> {
        let mut r = Reader::new(raw);
        let marital_status = r.field("marital_status", MaritalStatus::parse);
        let dependants = r.field("dependants", |t| parse_count(t, DEPENDANTS_MAX));
        let household_head = r.field("household_head", YesNo::parse);
        let disability = r.field("disability", YesNo::parse);
        let rsu = r.field("rsu", YesNo::parse);
        let income = r.field("income", IncomeBand::parse);
        let details = r.field("situation_details", |t| optional_text(t, DETAILS_MAX));
        let answers = (|| {
            Some(SituationAnswers {
                marital_status: marital_status?,
                dependants: dependants?,
                household_head: household_head?,
                disability: disability?,
                rsu: rsu?,
                income: income?,
                details: details?,
            })
        })();
        r.done(answers)
    }
}

/// Her schooling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolingAnswers {
    pub education: EducationLevel,
    pub reading: ReadingAbility,
}

impl SchoolingAnswers {
    pub fn parse(raw: &Raw) -> Result<SchoolingAnswers, FieldErrors> {
        let mut r = Reader::new(raw);
        let education = r.field("education", EducationLevel::parse);
        let reading = r.field("reading", ReadingAbility::parse);
        let answers = (|| {
            Some(SchoolingAnswers {
                education: education?,
                reading: reading?,
            })
        })();
        r.done(answers)
    }
}

/// Her project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectAnswers {
    pub stage: ProjectStage,
    pub sector: Sector,
    /// Written, or else explained at the centre.
    pub description: Option<BoundedText>,
    pub explain_at_centre: bool,
    pub support: Vec<SupportNeed>,
    pub cooperative_member: YesNo,
    pub budget: BudgetBand,
}

impl ProjectAnswers {
    pub fn parse(raw: &Raw) -> Result<ProjectAnswers, FieldErrors> {
        let mut r = Reader::new(raw);
        let stage = r.field("stage", ProjectStage::parse);
        let sector = r.field("sector", Sector::parse);
        let explain_at_centre = match r.text("explain_at_centre") {
            "" => false,
            code if code == YesNo::Yes.code() => true,
            _ => {
                r.refuse("explain_at_centre", FieldError::NotAnOption);
                false
            }
        };
        // She may say she will explain her project at the centre rather than write it.
        let description = if explain_at_centre {
            r.field("description", |t| optional_text(t, DESCRIPTION_LEN.1))
        } else {
            r.field("description", |t| {
                BoundedText::parse(t, DESCRIPTION_LEN.0, DESCRIPTION_LEN.1, true).map(Some)
            })
        };
        let support = r.many("support", SupportNeed::parse);
        let cooperative_member = r.field("cooperative_member", YesNo::parse);
        let budget = r.field("budget", BudgetBand::parse);
        let answers = (|| {
            Some(ProjectAnswers {
                stage: stage?,
                sector: sector?,
                description: description?,
                explain_at_centre,
                support: support?,
                cooperative_member: cooperative_member?,
                budget: budget?,
            })
        })();
        r.done(answers)
    }
}

/// How she would follow the programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreferencesAnswers {
    pub centre: BoundedText,
    pub availability: Vec<Availability>,
    pub training_language: TrainingLanguage,
}

impl PreferencesAnswers {
    pub fn parse(raw: &Raw) -> Result<PreferencesAnswers, FieldErrors> {
        let mut r = Reader::new(raw);
        let centre = r.field("centre", |t| {
            BoundedText::parse(t, CENTRE_LEN.0, CENTRE_LEN.1, false)
        });
        let availability = r.many("availability", Availability::parse);
        let training_language = r.field("training_language", TrainingLanguage::parse);
        let answers = (|| {
            Some(PreferencesAnswers {
                centre: centre?,
                availability: availability?,
                training_language: training_language?,
            })
        })();
        r.done(answers)
    }
}

/// One step's answers, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepAnswers {
    Eligibility(Verdict),
    Identity(IdentityAnswers),
    Residence(ResidenceAnswers),
    Situation(SituationAnswers),
    Schooling(SchoolingAnswers),
    Project(ProjectAnswers),
    Preferences(PreferencesAnswers),
    /// She agreed.
    Consent,
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

/// Reads one step's answers. For the eligibility step, the verdict (every question must have
/// an offered answer).
pub fn parse_step(step: Step, raw: &Raw, rules: &Rules) -> Result<StepAnswers, FieldErrors> {
    Ok(match step {
        Step::Eligibility => StepAnswers::Eligibility(eligibility_verdict(raw, rules)?),
        Step::Identity => StepAnswers::Identity(IdentityAnswers::parse(raw, rules)?),
        Step::Residence => StepAnswers::Residence(ResidenceAnswers::parse(raw, rules)?),
        Step::Situation => StepAnswers::Situation(SituationAnswers::parse(raw)?),
        Step::Schooling => StepAnswers::Schooling(SchoolingAnswers::parse(raw)?),
        Step::Project => StepAnswers::Project(ProjectAnswers::parse(raw)?),
        Step::Preferences => StepAnswers::Preferences(PreferencesAnswers::parse(raw)?),
        Step::Consent => {
            if first(raw, "consent") != YesNo::Yes.code() {
                return Err(vec![("consent", FieldError::ConsentRequired)]);
            }
            StepAnswers::Consent
        }
    })
}

/// Checks one step's answers (their refusals, field by field).
pub fn check_step(step: Step, raw: &Raw, rules: &Rules) -> Result<(), FieldErrors> {
    parse_step(step, raw, rules).map(|_| ())
}

impl StepAnswers {
    /// The answers in their normal form (names and lines trimmed, the CIN upper case without
    /// spaces, the phone as Moroccans write it, the date as `YYYY-MM-DD`), so that they read
    /// and compare the same however she typed them.
    pub fn normal(&self) -> Vec<(&'static str, String)> {
        match self {
            StepAnswers::Identity(a) => vec![
                ("first_name", a.first_name.as_str().to_owned()),
                ("last_name", a.last_name.as_str().to_owned()),
                ("cin", a.cin.as_str().to_owned()),
                ("birth_date", a.birth_date.iso()),
                ("phone", a.phone.national()),
                (
                    "email",
                    a.email
                        .as_ref()
                        .map(|e| e.as_str().to_owned())
                        .unwrap_or_default(),
                ),
            ],
            StepAnswers::Residence(a) => vec![("locality", a.locality.as_str().to_owned())],
            StepAnswers::Situation(a) => vec![("dependants", a.dependants.to_string())],
            StepAnswers::Preferences(a) => vec![("centre", a.centre.as_str().to_owned())],
            _ => Vec::new(),
        }
    }

    /// Writes the answers back into `raw` in their normal form.
    pub fn normalize(&self, raw: &mut Raw) {
        for (name, value) in self.normal() {
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
    pub identity: IdentityAnswers,
    pub region: String,
    pub residence: ResidenceAnswers,
    pub project: ProjectAnswers,
}

impl Application {
    pub fn name_key(&self) -> String {
        self.identity.name_key()
    }
}

/// Why a whole application cannot be submitted yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incomplete {
    /// A step's answers are missing or refused.
    Step(Step, FieldErrors),
    NotEligible(Vec<NotEligible>),
}

/// Reads the whole application, every step checked again, each answer parsed once.
pub fn read_application(raw: &Raw, rules: &Rules) -> Result<Application, Incomplete> {
    let mut identity = None;
    let mut residence = None;
    let mut project = None;
    for step in Step::ALL {
        match parse_step(step, raw, rules) {
            Ok(StepAnswers::Eligibility(Verdict::NotEligible(reasons))) => {
                return Err(Incomplete::NotEligible(reasons))
            }
            Ok(StepAnswers::Identity(answers)) => identity = Some(answers),
            Ok(StepAnswers::Residence(answers)) => residence = Some(answers),
            Ok(StepAnswers::Project(answers)) => project = Some(answers),
            Ok(_) => {}
            Err(errors) => return Err(Incomplete::Step(step, errors)),
        }
    }
    match (identity, residence, project) {
        (Some(identity), Some(residence), Some(project)) => Ok(Application {
            identity,
            region: first(raw, "region").trim().to_owned(),
            residence,
            project,
        }),
        // Every step was read just above.
        _ => Err(Incomplete::Step(Step::Identity, FieldErrors::new())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registration::steps::tests::{complete, rules};
    use crate::registration::steps::Raw;

    #[test]
    fn a_complete_application_is_read_with_its_answers_in_normal_form() {
        let application = read_application(&complete(), &rules()).unwrap();
        assert_eq!(application.identity.cin.as_str(), "BK123456");
        assert_eq!(application.identity.phone.as_str(), "+212612345678");
        assert_eq!(application.residence.province_id, 2);
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
        parse_step(Step::Identity, &raw, &rules())
            .unwrap()
            .normalize(&mut raw);
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
}
