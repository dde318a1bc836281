//! The programme's accompaniment, as rules both sides share: the training catalogue, the
//! attendance marks, the kinds of coaching visit, the milestones of a project with the days
//! they fall due after enrolment, the outcome surveys, the kinds of financing, the funders
//! and their budget lines, and the way a tranche of money moves from planned to reconciled.
//! The server applies them; the pages use them to offer only what is allowed.

use serde::{Deserialize, Serialize};

/// An enum stored as a code: its values in order, the code of each, and the key of its name
/// in the console's messages (`<prefix>-<code with dashes>`).
macro_rules! coded {
    ($(#[$meta:meta])* $name:ident, $prefix:literal { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// As stored in the database.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }

            /// The key of its name in the console's messages.
            pub fn label_key(self) -> String {
                format!("{}-{}", $prefix, self.code().replace('_', "-"))
            }
        }
    };
}
pub(crate) use coded;

coded! {
    /// What a site of the programme is: a regional social incubator, where cohorts are
    /// accompanied, or a social centre, where women are received and registered.
    SiteKind, "admin-site-kind" {
        Incubator = "incubator",
        Centre = "centre",
    }
}

coded! {
    /// The training catalogue: what a session teaches.
    TrainingModule, "admin-module" {
        BusinessPlan = "business_plan",
        Accounting = "accounting",
        Marketing = "marketing",
        LegalForms = "legal_forms",
        DigitalTools = "digital_tools",
        Leadership = "leadership",
        FinancialLiteracy = "financial_literacy",
        Sales = "sales",
    }
}

coded! {
    /// A woman's attendance at one session.
    Mark, "admin-mark" {
        Present = "present",
        Absent = "absent",
        /// Absent for a reason given (illness, a child, work): not counted against her.
        Excused = "excused",
    }
}

coded! {
    VisitKind, "admin-visit-kind" {
        Individual = "individual",
        Group = "group",
        OnSite = "on_site",
    }
}

coded! {
    /// The milestones of her project, from the programme's template.
    Milestone, "admin-milestone" {
        BusinessPlanDrafted = "business_plan_drafted",
        PlanValidated = "plan_validated",
        LegalFormCreated = "legal_form_created",
        BankAccountOpened = "bank_account_opened",
        FirstSale = "first_sale",
        FinancingReceived = "financing_received",
    }
}

impl Milestone {
    /// Days after her enrolment by which it is expected.
    pub fn due_after_days(self) -> i64 {
        match self {
            Milestone::BusinessPlanDrafted => 30,
            Milestone::PlanValidated => 60,
            Milestone::LegalFormCreated => 90,
            Milestone::BankAccountOpened => 105,
            Milestone::FinancingReceived => 150,
            Milestone::FirstSale => 180,
        }
    }
}

coded! {
    /// The legal form her business takes, recorded with the milestone that creates it.
    LegalForm, "admin-legal-form" {
        AutoEntrepreneur = "auto_entrepreneur",
        Cooperative = "cooperative",
        Company = "company",
    }
}

coded! {
    /// When her outcomes are asked.
    SurveyWave, "admin-wave" {
        Baseline = "baseline",
        Month6 = "month_6",
        Month12 = "month_12",
    }
}

impl SurveyWave {
    /// Days after her enrolment the survey falls due.
    pub fn due_after_days(self) -> i64 {
        match self {
            SurveyWave::Baseline => 0,
            SurveyWave::Month6 => 182,
            SurveyWave::Month12 => 365,
        }
    }
}

coded! {
    /// A monthly amount, in dirhams, asked as a band rather than a figure.
    Band, "admin-band" {
        None = "none",
        UpTo1000 = "up_to_1000",
        UpTo3000 = "up_to_3000",
        UpTo6000 = "up_to_6000",
        Over6000 = "over_6000",
    }
}

coded! {
    FinancingKind, "admin-financing-kind" {
        Grant = "grant",
        InterestFreeLoan = "interest_free_loan",
        MicroCredit = "micro_credit",
        /// Equipment given in kind, valued in dirhams.
        InKind = "in_kind",
    }
}

coded! {
    Funder, "admin-funder" {
        Ministry = "ministry",
        Indh = "indh",
        RegionalCouncil = "regional_council",
        ProvincialCouncil = "provincial_council",
        /// Another partner, named in the line.
        Other = "other",
    }
}

coded! {
    /// A funder's share of the programme's budget (`budget_lines`): the regional and
    /// provincial councils share one.
    BudgetLine, "admin-budget-line" {
        Ministry = "ministry",
        Indh = "indh",
        Councils = "councils",
        Other = "other",
    }
}

impl Funder {
    pub fn budget_line(self) -> BudgetLine {
        match self {
            Funder::Ministry => BudgetLine::Ministry,
            Funder::Indh => BudgetLine::Indh,
            Funder::RegionalCouncil | Funder::ProvincialCouncil => BudgetLine::Councils,
            Funder::Other => BudgetLine::Other,
        }
    }
}

coded! {
    /// Where a tranche of money stands.
    TrancheState, "admin-tranche" {
        Planned = "planned",
        Approved = "approved",
        Paid = "paid",
        Reconciled = "reconciled",
    }
}

coded! {
    /// What can be done to a tranche, one step at a time.
    TrancheStep, "admin-tranche-step" {
        Approve = "approve",
        Pay = "pay",
        Reconcile = "reconcile",
    }
}

impl TrancheStep {
    /// The state a tranche must be in for this step, and the state it leads to.
    pub fn from_to(self) -> (TrancheState, TrancheState) {
        match self {
            TrancheStep::Approve => (TrancheState::Planned, TrancheState::Approved),
            TrancheStep::Pay => (TrancheState::Approved, TrancheState::Paid),
            TrancheStep::Reconcile => (TrancheState::Paid, TrancheState::Reconciled),
        }
    }

    /// The next step of a tranche in `state`; none once reconciled.
    pub fn next(state: TrancheState) -> Option<TrancheStep> {
        TrancheStep::ALL
            .iter()
            .copied()
            .find(|step| step.from_to().0 == state)
    }
}

/// An amount of money in whole centimes of a dirham.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Centimes(pub i64);

/// The largest amount one line or tranche may hold: 10 million dirhams.
pub const MAX_CENTIMES: i64 = 1_000_000_000;

impl Centimes {
    /// Reads an amount in dirhams as staff type it: `12500`, `12 500`, `12.500,50`,
    /// `12,500.50`, `12500.5`. A separator followed by exactly one or two digits at the end
    /// marks the centimes; any other dot, comma or space groups thousands. Refuses what is
    /// not a positive amount of at most [`MAX_CENTIMES`].
    pub fn parse_dirhams(text: &str) -> Option<Centimes> {
        let text: String = text
            .trim()
            .trim_end_matches("DH")
            .trim_end_matches("MAD")
            .trim_end_matches("درهم")
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        if text.is_empty()
            || !text
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return None;
        }
        let (whole, cents) = match text.rfind(['.', ',']) {
            Some(at) if (1..=2).contains(&(text.len() - at - 1)) => {
                let cents = &text[at + 1..];
                let cents = if cents.len() == 1 {
                    format!("{cents}0")
                } else {
                    cents.to_owned()
                };
                (&text[..at], cents.parse::<i64>().ok()?)
            }
            _ => (text.as_str(), 0),
        };
        // What is left separates thousands only: groups of three digits.
        let mut groups = whole.split(['.', ',']);
        let first = groups.next()?;
        if first.is_empty() || first.len() > 10 {
            return None;
        }
        let mut dirhams: i64 = first.parse().ok()?;
        for group in groups {
            if group.len() != 3 {
                return None;
            }
            dirhams = dirhams
                .checked_mul(1000)?
                .checked_add(group.parse().ok()?)?;
        }
        let centimes = dirhams.checked_mul(100)?.checked_add(cents)?;
        (centimes > 0 && centimes <= MAX_CENTIMES).then_some(Centimes(centimes))
    }

    /// `12 500,50 DH` in French, `12 500.50 DH` in Arabic (digits as Moroccan documents
    /// write them), without centimes when there are none.
    pub fn dirhams(self, lang: crate::i18n::Lang) -> String {
        let whole = crate::landing::format_count(self.0 / 100);
        let cents = self.0 % 100;
        let decimal = match lang {
            crate::i18n::Lang::Fr => ',',
            crate::i18n::Lang::Ar => '.',
        };
        if cents == 0 {
            format!("{whole}\u{a0}DH")
        } else {
            format!("{whole}{decimal}{cents:02}\u{a0}DH")
        }
    }
}

/// The longest free text of a visit's notes, a reason or a document's name.
pub const MAX_NOTE_LEN: usize = 2000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back() {
        for module in TrainingModule::ALL {
            assert_eq!(TrainingModule::from_code(module.code()), Some(*module));
        }
        for funder in Funder::ALL {
            assert_eq!(Funder::from_code(funder.code()), Some(*funder));
        }
        assert_eq!(Mark::from_code("late"), None);
        assert_eq!(Mark::Excused.label_key(), "admin-mark-excused");
        assert_eq!(VisitKind::OnSite.label_key(), "admin-visit-kind-on-site");
    }

    #[test]
    fn a_tranche_goes_from_planned_to_reconciled_one_step_at_a_time() {
        let mut state = TrancheState::Planned;
        let mut steps = Vec::new();
        while let Some(step) = TrancheStep::next(state) {
            let (from, to) = step.from_to();
            assert_eq!(from, state);
            steps.push(step);
            state = to;
        }
        assert_eq!(
            steps,
            [
                TrancheStep::Approve,
                TrancheStep::Pay,
                TrancheStep::Reconcile
            ]
        );
        assert_eq!(state, TrancheState::Reconciled);
    }

    #[test]
    fn amounts_are_read_as_staff_type_them() {
        let dh = |text| Centimes::parse_dirhams(text).map(|c| c.0);
        assert_eq!(dh("12500"), Some(1_250_000));
        assert_eq!(dh("12 500"), Some(1_250_000));
        assert_eq!(dh("12.500"), Some(1_250_000));
        assert_eq!(dh("12,500.50"), Some(1_250_050));
        assert_eq!(dh("12.500,5"), Some(1_250_050));
        assert_eq!(dh("12500,75 DH"), Some(1_250_075));
        assert_eq!(dh("0"), None);
        assert_eq!(dh("-5"), None);
        assert_eq!(dh("12,50,0"), None);
        assert_eq!(dh("abc"), None);
        assert_eq!(dh(""), None);
        assert_eq!(dh("10000001"), None);
        assert_eq!(dh("10000000"), Some(MAX_CENTIMES));
    }

    #[test]
    fn amounts_are_written_with_their_thousands_apart() {
        use crate::i18n::Lang;
        assert_eq!(
            Centimes(1_250_000).dirhams(Lang::Fr),
            "12\u{202f}500\u{a0}DH"
        );
        assert_eq!(
            Centimes(1_250_050).dirhams(Lang::Fr),
            "12\u{202f}500,50\u{a0}DH"
        );
        assert_eq!(
            Centimes(1_250_050).dirhams(Lang::Ar),
            "12\u{202f}500.50\u{a0}DH"
        );
    }

    #[test]
    fn the_councils_share_one_budget_line() {
        assert_eq!(Funder::RegionalCouncil.budget_line(), BudgetLine::Councils);
        assert_eq!(
            Funder::ProvincialCouncil.budget_line(),
            BudgetLine::Councils
        );
        assert_eq!(Funder::Indh.budget_line(), BudgetLine::Indh);
    }
}
