//! Who works in the console and what each role may see and do. The server decides every
//! request from the signed-in staff member it reads from the session, through these rules;
//! the pages use the same rules only to hide what would be refused.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Everything, in every region: staff accounts, targets, the audit log.
    NationalAdmin,
    /// One region: reviews and decides; manages that region's reviewers and centre agents.
    RegionalCoordinator,
    /// One region: reads, adds notes, recommends; never decides.
    Reviewer,
    /// Registers women on their behalf; sees the applications she or he entered.
    CentreAgent,
    /// Aggregate figures only, never a person's data.
    PartnerViewer,
    /// One incubator of one region: follows the women of her own cohorts (attendance, visits,
    /// milestones, surveys), never their application's review.
    IncubatorCoach,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::NationalAdmin,
        Role::RegionalCoordinator,
        Role::Reviewer,
        Role::CentreAgent,
        Role::IncubatorCoach,
        Role::PartnerViewer,
    ];

    /// As stored in `staff.role`.
    pub fn code(self) -> &'static str {
        match self {
            Role::NationalAdmin => "national_admin",
            Role::RegionalCoordinator => "regional_coordinator",
            Role::Reviewer => "reviewer",
            Role::CentreAgent => "centre_agent",
            Role::PartnerViewer => "partner_viewer",
            Role::IncubatorCoach => "incubator_coach",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code)
    }

    /// The message key of the role's name.
    pub fn label_key(self) -> String {
        format!("role-{}", self.code().replace('_', "-"))
    }

    /// Works in one region (and must have one); the others see the whole country.
    pub fn is_regional(self) -> bool {
        matches!(
            self,
            Role::RegionalCoordinator | Role::Reviewer | Role::CentreAgent | Role::IncubatorCoach
        )
    }

    /// Is attached to one site of her region: a coach to an incubator (she must be), a centre
    /// agent to a centre (she may be).
    pub fn site_kind(self) -> Option<super::programme::SiteKind> {
        match self {
            Role::IncubatorCoach => Some(super::programme::SiteKind::Incubator),
            Role::CentreAgent => Some(super::programme::SiteKind::Centre),
            _ => None,
        }
    }
}

/// A signed-in staff member, as the server read it from the session and the database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// Set for the regional roles.
    pub region: Option<String>,
    /// Signed in with a temporary password: nothing else until it is changed.
    pub must_change_password: bool,
    /// A demo account made by `server seed`: the console says so.
    pub demo: bool,
    /// The incubator a coach works in, or the centre of a centre agent.
    #[serde(default)]
    pub site: Option<i64>,
}

/// Whose follow-up a staff member reads and records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUp {
    /// Every region's.
    National,
    /// One region's.
    Region(String),
    /// The women of the cohorts this coach (a staff id) coaches.
    Coach(i64),
    /// None: reviewers, centre agents and partners see no one's follow-up (partners see its
    /// figures on the dashboard).
    None,
}

impl FollowUp {
    /// May this scope read a cohort of `region` coached by `coach`?
    pub fn sees_cohort(&self, region: &str, coach: Option<i64>) -> bool {
        match self {
            FollowUp::National => true,
            FollowUp::Region(own) => own == region,
            FollowUp::Coach(id) => coach == Some(*id),
            FollowUp::None => false,
        }
    }
}

/// Which applications a staff member may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every application.
    National,
    /// The applications of one region.
    Region(String),
    /// The applications this centre agent entered.
    EnteredBy(i64),
    /// None: aggregate figures only.
    Aggregates,
}

impl Staff {
    pub fn scope(&self) -> Scope {
        match (self.role, &self.region) {
            (Role::NationalAdmin, _) => Scope::National,
            (Role::RegionalCoordinator | Role::Reviewer, Some(region)) => {
                Scope::Region(region.clone())
            }
            (Role::CentreAgent, _) => Scope::EnteredBy(self.id),
            // A regional role without a region (the database forbids it) sees nothing; a
            // coach reads no application, only the follow-up of her cohorts.
            (Role::RegionalCoordinator | Role::Reviewer, None)
            | (Role::PartnerViewer | Role::IncubatorCoach, _) => Scope::Aggregates,
        }
    }

    /// Whose follow-up (enrolment, attendance, visits, milestones, financing, surveys) this
    /// staff member reads.
    pub fn follow_up(&self) -> FollowUp {
        match (self.role, &self.region) {
            (Role::NationalAdmin, _) => FollowUp::National,
            (Role::RegionalCoordinator, Some(region)) => FollowUp::Region(region.clone()),
            (Role::IncubatorCoach, Some(_)) => FollowUp::Coach(self.id),
            _ => FollowUp::None,
        }
    }

    /// Runs the follow-up: the region's sites, cohorts and enrolments, and its financing.
    pub fn runs_follow_up(&self) -> bool {
        matches!(self.follow_up(), FollowUp::National | FollowUp::Region(_))
    }

    /// Reads some follow-up: those who run it and coaches.
    pub fn reads_follow_up(&self) -> bool {
        self.follow_up() != FollowUp::None
    }

    /// Sees the programme's follow-up figures on the dashboard (attendance, visits overdue,
    /// money per funder, milestones, outcomes): those who run the follow-up. Reviewers and
    /// centre agents see no follow-up; a coach reads her own cohorts, not her region's; a
    /// partner reads no dashboard (her figures are the report's, protected).
    pub fn sees_programme_figures(&self) -> bool {
        self.runs_follow_up()
    }

    /// Reads the programme's report: national administrators the country's, coordinators and
    /// reviewers their region's, partner viewers the country's with small numbers protected
    /// (`report::partner`). Centre agents and coaches read none.
    pub fn reads_report(&self) -> bool {
        match self.role {
            Role::NationalAdmin | Role::PartnerViewer => true,
            Role::RegionalCoordinator | Role::Reviewer => self.region.is_some(),
            Role::CentreAgent | Role::IncubatorCoach => false,
        }
    }

    /// The region whose figures the dashboard shows; `None` for the whole country.
    pub fn dashboard_region(&self) -> Option<&str> {
        if self.role.is_regional() {
            self.region.as_deref()
        } else {
            None
        }
    }

    /// Reads people's applications (list, page, export).
    pub fn reads_applications(&self) -> bool {
        !matches!(self.scope(), Scope::Aggregates)
    }

    /// May this staff member see an application of `region`, entered by `entered_by`?
    pub fn sees(&self, region: &str, entered_by: Option<i64>) -> bool {
        match self.scope() {
            Scope::National => true,
            Scope::Region(own) => own == region,
            Scope::EnteredBy(id) => entered_by == Some(id),
            Scope::Aggregates => false,
        }
    }

    /// Manages staff accounts: national administrators everywhere, coordinators the
    /// reviewers, centre agents and coaches of their region.
    pub fn manages(&self, role: Role, region: Option<&str>) -> bool {
        match self.role {
            Role::NationalAdmin => true,
            Role::RegionalCoordinator => {
                matches!(
                    role,
                    Role::Reviewer | Role::CentreAgent | Role::IncubatorCoach
                ) && region.is_some()
                    && region == self.region.as_deref()
            }
            _ => false,
        }
    }

    pub fn manages_any_staff(&self) -> bool {
        matches!(self.role, Role::NationalAdmin | Role::RegionalCoordinator)
    }

    /// Sets the regional targets and reads the audit log.
    pub fn is_national_admin(&self) -> bool {
        self.role == Role::NationalAdmin
    }

    /// Reads figures only, with small numbers protected (`report::partner`): no dashboard.
    pub fn is_partner(&self) -> bool {
        self.role == Role::PartnerViewer
    }

    /// Registers women through the assisted wizard.
    pub fn registers_women(&self) -> bool {
        matches!(self.role, Role::CentreAgent | Role::NationalAdmin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(role: Role, region: Option<&str>) -> Staff {
        Staff {
            id: 7,
            email: "x@example.org".into(),
            name: "X".into(),
            role,
            region: region.map(str::to_owned),
            must_change_password: false,
            demo: false,
            site: None,
        }
    }

    #[test]
    fn role_codes_read_back() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn a_coordinator_sees_her_region_only() {
        let coordinator = staff(Role::RegionalCoordinator, Some("06"));
        assert!(coordinator.sees("06", None));
        assert!(!coordinator.sees("07", None));
        assert_eq!(coordinator.dashboard_region(), Some("06"));
    }

    #[test]
    fn a_centre_agent_sees_what_she_entered() {
        let agent = staff(Role::CentreAgent, Some("06"));
        assert!(agent.sees("06", Some(7)));
        assert!(!agent.sees("06", Some(8)));
        assert!(!agent.sees("06", None));
    }

    #[test]
    fn a_partner_sees_no_person() {
        let partner = staff(Role::PartnerViewer, None);
        assert!(!partner.reads_applications());
        assert!(!partner.sees("06", None));
        assert_eq!(partner.dashboard_region(), None);
    }

    #[test]
    fn the_report_is_read_by_the_programme_s_staff_and_partners_not_agents_or_coaches() {
        let reads = |role, region| staff(role, region).reads_report();
        assert!(reads(Role::NationalAdmin, None));
        assert!(reads(Role::PartnerViewer, None));
        assert!(reads(Role::RegionalCoordinator, Some("06")));
        assert!(reads(Role::Reviewer, Some("06")));
        assert!(!reads(Role::Reviewer, None));
        assert!(!reads(Role::CentreAgent, Some("06")));
        assert!(!reads(Role::IncubatorCoach, Some("06")));
    }

    #[test]
    fn the_programme_s_figures_reach_those_who_run_it_and_partners_only() {
        let sees = |role, region| staff(role, region).sees_programme_figures();
        assert!(sees(Role::NationalAdmin, None));
        assert!(sees(Role::RegionalCoordinator, Some("06")));
        assert!(!sees(Role::PartnerViewer, None));
        assert!(!sees(Role::Reviewer, Some("06")));
        assert!(!sees(Role::CentreAgent, Some("06")));
        assert!(!sees(Role::IncubatorCoach, Some("06")));
        assert!(!sees(Role::RegionalCoordinator, None));
    }

    #[test]
    fn a_coach_follows_her_cohorts_and_reads_no_application() {
        let coach = staff(Role::IncubatorCoach, Some("06"));
        assert_eq!(coach.follow_up(), FollowUp::Coach(7));
        assert!(coach.reads_follow_up());
        assert!(!coach.runs_follow_up());
        assert!(!coach.reads_applications());
        assert!(!coach.sees("06", None));
        assert!(
            staff(Role::RegionalCoordinator, Some("06")).manages(Role::IncubatorCoach, Some("06"))
        );
    }

    #[test]
    fn reviewers_agents_and_partners_see_no_follow_up() {
        for role in [Role::Reviewer, Role::CentreAgent, Role::PartnerViewer] {
            let region = role.is_regional().then_some("06");
            assert_eq!(staff(role, region).follow_up(), FollowUp::None, "{role:?}");
        }
        assert_eq!(
            staff(Role::RegionalCoordinator, Some("06")).follow_up(),
            FollowUp::Region("06".into())
        );
        assert_eq!(
            staff(Role::NationalAdmin, None).follow_up(),
            FollowUp::National
        );
    }

    #[test]
    fn a_coordinator_manages_reviewers_and_agents_of_her_region() {
        let coordinator = staff(Role::RegionalCoordinator, Some("06"));
        assert!(coordinator.manages(Role::Reviewer, Some("06")));
        assert!(coordinator.manages(Role::CentreAgent, Some("06")));
        assert!(!coordinator.manages(Role::Reviewer, Some("07")));
        assert!(!coordinator.manages(Role::RegionalCoordinator, Some("06")));
        assert!(!coordinator.manages(Role::NationalAdmin, None));
        assert!(staff(Role::NationalAdmin, None).manages(Role::NationalAdmin, None));
        assert!(!staff(Role::Reviewer, Some("06")).manages(Role::Reviewer, Some("06")));
    }
}
