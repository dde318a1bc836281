//! The first step: who the programme is for. It runs before anything is stored; an answer
//! that rules her out is explained, with where else to turn, and nothing is kept.

use super::{
    choices::{parse_many, Situation, YesNo},
    fields::{FieldError, FieldErrors},
};
use serde::{Deserialize, Serialize};

/// What the eligibility form sends, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityForm {
    /// `yes` or `no`: 18 or older.
    pub adult: String,
    /// A region code, or [`EligibilityForm::ABROAD`].
    pub region: String,
    /// `yes` or `no`: carries a business idea or an income-generating activity.
    pub has_project: String,
    /// Situation codes, or [`EligibilityForm::NO_SITUATION`] alone.
    pub situations: Vec<String>,
}

/// Why a woman cannot join. Each has a plain explanation (`not-eligible-*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotEligible {
    Under18,
    OutsideMorocco,
    NoProject,
    NoDifficultSituation,
}

impl NotEligible {
    pub fn message_key(self) -> &'static str {
        match self {
            NotEligible::Under18 => "not-eligible-under-18",
            NotEligible::OutsideMorocco => "not-eligible-outside-morocco",
            NotEligible::NoProject => "not-eligible-no-project",
            NotEligible::NoDifficultSituation => "not-eligible-no-situation",
        }
    }
}

/// The answers of an eligible woman, kept for her application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    pub region: String,
    pub situations: Vec<Situation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Eligible(Eligibility),
    NotEligible(Vec<NotEligible>),
}

impl EligibilityForm {
    /// The value of the region list's "I live outside Morocco".
    pub const ABROAD: &'static str = "abroad";
    /// The value of the situations' "None of these".
    pub const NO_SITUATION: &'static str = "none";

    /// Field errors when a question is unanswered or an answer is not one offered; else the
    /// verdict, with every reason she cannot join.
    pub fn check(&self, is_region: impl Fn(&str) -> bool) -> Result<Verdict, FieldErrors> {
        let mut errors = FieldErrors::new();
        let adult = YesNo::parse(&self.adult)
            .map_err(|e| errors.push(("adult", e)))
            .ok();
        let region = self.region.trim();
        let abroad = region == Self::ABROAD;
        if region.is_empty() {
            errors.push(("region", FieldError::Required));
        } else if !abroad && !is_region(region) {
            errors.push(("region", FieldError::NotAnOption));
        }
        let has_project = YesNo::parse(&self.has_project)
            .map_err(|e| errors.push(("has_project", e)))
            .ok();
        let none_of_these = self
            .situations
            .iter()
            .any(|s| s.trim() == Self::NO_SITUATION);
        let others: Vec<String> = self
            .situations
            .iter()
            .filter(|s| !s.trim().is_empty() && s.trim() != Self::NO_SITUATION)
            .cloned()
            .collect();
        let situations = if none_of_these && !others.is_empty() {
            // "None of these" and a situation at once: ask again rather than guess.
            errors.push(("situations", FieldError::NoneWithOthers));
            None
        } else {
            parse_many(&others, Situation::parse, !none_of_these)
                .map_err(|e| errors.push(("situations", e)))
                .ok()
        };
        let (Some(adult), Some(has_project), Some(situations)) = (adult, has_project, situations)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }

        let mut reasons = Vec::new();
        if adult == YesNo::No {
            reasons.push(NotEligible::Under18);
        }
        if abroad {
            reasons.push(NotEligible::OutsideMorocco);
        }
        if has_project == YesNo::No {
            reasons.push(NotEligible::NoProject);
        }
        if situations.is_empty() {
            reasons.push(NotEligible::NoDifficultSituation);
        }
        Ok(if reasons.is_empty() {
            Verdict::Eligible(Eligibility {
                region: region.to_owned(),
                situations,
            })
        } else {
            Verdict::NotEligible(reasons)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{tr, Lang};

    fn is_region(code: &str) -> bool {
        matches!(code.parse::<u8>(), Ok(1..=12)) && code.len() == 2
    }

    fn form(adult: &str, region: &str, has_project: &str, situations: &[&str]) -> EligibilityForm {
        EligibilityForm {
            adult: adult.into(),
            region: region.into(),
            has_project: has_project.into(),
            situations: situations.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn an_adult_in_morocco_with_a_project_and_a_difficult_situation_is_eligible() {
        let verdict = form("yes", "09", "yes", &["widowed", "caregiver"]).check(is_region);
        assert_eq!(
            verdict,
            Ok(Verdict::Eligible(Eligibility {
                region: "09".into(),
                situations: vec![Situation::Widowed, Situation::Caregiver],
            }))
        );
    }

    #[test]
    fn every_reason_she_cannot_join_is_given() {
        let verdict = form("no", "abroad", "no", &["none"]).check(is_region);
        assert_eq!(
            verdict,
            Ok(Verdict::NotEligible(vec![
                NotEligible::Under18,
                NotEligible::OutsideMorocco,
                NotEligible::NoProject,
                NotEligible::NoDifficultSituation,
            ]))
        );
        assert_eq!(
            form("yes", "01", "yes", &["none", ""]).check(is_region),
            Ok(Verdict::NotEligible(vec![
                NotEligible::NoDifficultSituation
            ]))
        );
    }

    #[test]
    fn unanswered_questions_are_field_errors_not_a_verdict() {
        let errors = EligibilityForm::default().check(is_region).unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("adult", FieldError::Required),
                ("region", FieldError::Required),
                ("has_project", FieldError::Required),
                ("situations", FieldError::Required),
            ]
        );
    }

    #[test]
    fn answers_that_were_never_offered_are_refused() {
        let errors = form("maybe", "13", "yes", &["rich"])
            .check(is_region)
            .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("adult", FieldError::NotAnOption),
                ("region", FieldError::NotAnOption),
                ("situations", FieldError::NotAnOption),
            ]
        );
        let errors = form("yes", "01", "yes", &["none", "widowed"])
            .check(is_region)
            .unwrap_err();
        assert_eq!(errors, vec![("situations", FieldError::NoneWithOthers)]);
    }

    #[test]
    fn every_reason_is_explained_in_every_language() {
        for lang in Lang::ALL {
            for reason in [
                NotEligible::Under18,
                NotEligible::OutsideMorocco,
                NotEligible::NoProject,
                NotEligible::NoDifficultSituation,
            ] {
                assert!(!tr(lang, reason.message_key()).contains("Unknown localization"));
            }
            assert!(!tr(lang, "not-eligible-elsewhere").contains("Unknown localization"));
        }
    }
}
