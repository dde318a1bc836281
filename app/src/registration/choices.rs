//! The closed lists the wizard asks about. Each value has a stable code (what the form sends
//! and the database stores) and a label in every language (`<prefix>-<code>` in the .ftl files).

use super::fields::FieldError;
use serde::{Deserialize, Serialize};

macro_rules! choices {
    ($(#[$meta:meta])* $name:ident, $prefix:literal { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            /// Every value, in the order the form lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The prefix of the labels' message keys.
            pub const LABEL_PREFIX: &'static str = $prefix;

            /// The code the form sends and the database stores.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// Reads a code sent by the form.
            pub fn parse(raw: &str) -> Result<$name, FieldError> {
                let raw = raw.trim();
                if raw.is_empty() {
                    return Err(FieldError::Required);
                }
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.code() == raw)
                    .ok_or(FieldError::NotAnOption)
            }

            /// The message key of the value's label.
            pub fn label_key(self) -> String {
                format!("{}-{}", $prefix, self.code().replace('_', "-"))
            }
        }

        impl Choice for $name {
            fn options() -> Vec<(&'static str, String)> {
                Self::ALL.iter().map(|v| (v.code(), v.label_key())).collect()
            }

            fn label_key_of(code: &str) -> Option<String> {
                Self::parse(code).ok().map(Self::label_key)
            }
        }
    };
}

/// What the forms and the answers page need of any closed list.
pub trait Choice {
    /// Every value's code and label key, in the order the form lists them.
    fn options() -> Vec<(&'static str, String)>;
    /// The label key of a code, `None` for a code not offered.
    fn label_key_of(code: &str) -> Option<String>;
}

/// Reads the values of a multiple-choice question (each checked box sends one code); at
/// least one when `required`, duplicates dropped, order kept.
pub fn parse_many<T: Copy + PartialEq>(
    raw: &[String],
    parse: impl Fn(&str) -> Result<T, FieldError>,
    required: bool,
) -> Result<Vec<T>, FieldError> {
    let mut values = Vec::new();
    for code in raw.iter().filter(|code| !code.trim().is_empty()) {
        let value = parse(code)?;
        if !values.contains(&value) {
            values.push(value);
        }
    }
    if required && values.is_empty() {
        return Err(FieldError::Required);
    }
    Ok(values)
}

choices!(
    /// The difficult situations that open the programme to a woman.
    Situation, "situation" {
        Widowed = "widowed",
        Divorced = "divorced",
        SingleMother = "single_mother",
        HeadOfHousehold = "head_of_household",
        Disability = "disability",
        ViolenceSurvivor = "violence_survivor",
        NoIncome = "no_income",
        Caregiver = "caregiver",
        Other = "other",
    }
);

choices!(
    /// A yes-or-no answer.
    YesNo, "answer" {
        Yes = "yes",
        No = "no",
    }
);

choices!(
    MaritalStatus, "marital" {
        Single = "single",
        Married = "married",
        Divorced = "divorced",
        Widowed = "widowed",
        Separated = "separated",
    }
);

choices!(
    EducationLevel, "education" {
        None = "none",
        Primary = "primary",
        Middle = "middle",
        Secondary = "secondary",
        Vocational = "vocational",
        Higher = "higher",
    }
);

choices!(
    ReadingAbility, "reading" {
        ReadsAndWrites = "reads_and_writes",
        ReadsALittle = "reads_a_little",
        DoesNotRead = "does_not_read",
    }
);

choices!(
    /// Monthly income of the applicant, in dirhams.
    IncomeBand, "income" {
        NoIncome = "none",
        Under1000 = "under_1000",
        From1000To2999 = "1000_2999",
        From3000To4999 = "3000_4999",
        From5000 = "5000_plus",
    }
);

choices!(
    Area, "area" {
        Urban = "urban",
        Rural = "rural",
    }
);

choices!(
    ProjectStage, "stage" {
        Idea = "idea",
        Informal = "informal",
        AutoEntrepreneur = "auto_entrepreneur",
        Cooperative = "cooperative",
        Company = "company",
    }
);

choices!(
    Sector, "sector" {
        Agriculture = "agriculture",
        AgriFood = "agri_food",
        Handicrafts = "handicrafts",
        Textile = "textile",
        Commerce = "commerce",
        Services = "services",
        Tourism = "tourism",
        Digital = "digital",
        Other = "other",
    }
);

choices!(
    SupportNeed, "support" {
        Training = "training",
        Coaching = "coaching",
        Financing = "financing",
        Equipment = "equipment",
        MarketAccess = "market_access",
    }
);

choices!(
    /// The approximate budget of the project, in dirhams.
    BudgetBand, "budget" {
        Under10000 = "under_10000",
        From10000To49999 = "10000_49999",
        From50000To99999 = "50000_99999",
        From100000 = "100000_plus",
    }
);

choices!(
    Availability, "availability" {
        Mornings = "mornings",
        Afternoons = "afternoons",
        FullDays = "full_days",
        Weekends = "weekends",
    }
);

choices!(
    TrainingLanguage, "training-language" {
        Darija = "darija",
        Arabic = "arabic",
        Tamazight = "tamazight",
        French = "french",
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{tr, Lang};

    fn labels<T: Copy>(all: &[T], key: impl Fn(T) -> String) -> Vec<String> {
        all.iter().map(|value| key(*value)).collect()
    }

    #[test]
    fn every_choice_has_a_label_in_every_language() {
        let keys: Vec<String> = [
            labels(Situation::ALL, Situation::label_key),
            labels(YesNo::ALL, YesNo::label_key),
            labels(MaritalStatus::ALL, MaritalStatus::label_key),
            labels(EducationLevel::ALL, EducationLevel::label_key),
            labels(ReadingAbility::ALL, ReadingAbility::label_key),
            labels(IncomeBand::ALL, IncomeBand::label_key),
            labels(Area::ALL, Area::label_key),
            labels(ProjectStage::ALL, ProjectStage::label_key),
            labels(Sector::ALL, Sector::label_key),
            labels(SupportNeed::ALL, SupportNeed::label_key),
            labels(BudgetBand::ALL, BudgetBand::label_key),
            labels(Availability::ALL, Availability::label_key),
            labels(TrainingLanguage::ALL, TrainingLanguage::label_key),
        ]
        .concat();
        for lang in Lang::ALL {
            for key in &keys {
                assert!(
                    !tr(lang, key).contains("Unknown localization"),
                    "{lang:?} lacks {key}"
                );
            }
        }
    }

    #[test]
    fn a_choice_is_read_from_its_code_only() {
        assert_eq!(Sector::parse("agri_food"), Ok(Sector::AgriFood));
        assert_eq!(Sector::parse(" textile "), Ok(Sector::Textile));
        assert_eq!(Sector::parse(""), Err(FieldError::Required));
        assert_eq!(Sector::parse("Textile"), Err(FieldError::NotAnOption));
        assert_eq!(
            Sector::parse("textile' OR '1'='1"),
            Err(FieldError::NotAnOption)
        );
    }

    #[test]
    fn codes_are_unique_within_each_list() {
        for codes in [
            Situation::ALL.iter().map(|v| v.code()).collect::<Vec<_>>(),
            Sector::ALL.iter().map(|v| v.code()).collect(),
            SupportNeed::ALL.iter().map(|v| v.code()).collect(),
        ] {
            let mut unique = codes.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), codes.len(), "{codes:?}");
        }
    }

    #[test]
    fn several_answers_are_read_once_each_in_order() {
        let raw = ["coaching", "training", "coaching", ""].map(String::from);
        assert_eq!(
            parse_many(&raw, SupportNeed::parse, true),
            Ok(vec![SupportNeed::Coaching, SupportNeed::Training])
        );
        assert_eq!(
            parse_many(&[], SupportNeed::parse, true),
            Err(FieldError::Required)
        );
        assert_eq!(parse_many(&[], SupportNeed::parse, false), Ok(vec![]));
        assert_eq!(
            parse_many(&["flying".to_owned()], SupportNeed::parse, false),
            Err(FieldError::NotAnOption)
        );
    }
}
