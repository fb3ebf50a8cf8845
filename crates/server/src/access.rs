//! Who may see which records: the one access model every flow applies.
//!
//! The route table ([`crate::routes::ROUTES`]) says which roles may call a route at all. Within
//! a route, a flow limits the records by the caller's [`Scope`], derived here from the
//! principal and nowhere else:
//!
//! - **public**: not logged in; what is published;
//! - **own**: an applicant: their own cases and permits; another's is "not found" (404), so
//!   an applicant is never told that someone else's case exists;
//! - **region**: an officer of a region: that region's cases, permits and kandas
//!   applications; another region's is forbidden (403);
//! - **national**: administrators (to read), analysts and coordinators (figures), and officers
//!   without a region.
//!
//! Some flows are national by the law they serve: citizens abroad are handled by the
//! ministry's officers whatever their region ([`Access::national`]); the Paryz contest has its
//! coordinators and the administrators as its secretariat ([`Access::paryz_staff`]).

use crate::auth::Principal;
use crate::problem::Problem;
use ashyq_core::Role;
use ashyq_store::cases::Viewer;

/// The records a caller may reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Not logged in, or a role that keeps no records of its own here.
    Public,
    /// An applicant's own records (by account id).
    Own(i64),
    /// One region's records (ISO 3166-2, `KZ-75`).
    Region(String),
    /// Every record in the country.
    National,
}

/// The caller's role and scope, as every use case sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    pub role: Role,
    pub scope: Scope,
}

impl Access {
    /// The access of the principal behind a request.
    pub fn of(p: &Principal) -> Access {
        let Some(u) = &p.user else {
            return Access { role: Role::Public, scope: Scope::Public };
        };
        let scope = match u.role {
            Role::Public => Scope::Public,
            Role::Applicant => Scope::Own(u.id),
            Role::Officer => u.region.clone().map_or(Scope::National, Scope::Region),
            Role::Analyst | Role::Coordinator | Role::Border | Role::Admin => Scope::National,
        };
        Access { role: u.role, scope }
    }

    /// 403 for this caller's role.
    pub fn refused(&self) -> Problem {
        Problem::forbidden(self.role)
    }

    /// Only these roles; the route table refuses the others first, this is the second line.
    pub fn require(&self, roles: &[Role]) -> Result<(), Problem> {
        if roles.contains(&self.role) { Ok(()) } else { Err(self.refused()) }
    }

    /// The caller as the case workflow (cases, evidence, permits) sees them: an applicant's own
    /// cases, an officer's region (or all), an administrator's reading of all. Other roles have
    /// no business with cases (403).
    pub fn viewer(&self) -> Result<Viewer, Problem> {
        match (&self.scope, self.role) {
            (Scope::Own(me), Role::Applicant) => Ok(Viewer::Applicant(*me)),
            (Scope::Region(r), Role::Officer) => Ok(Viewer::Officer(Some(r.clone()))),
            (Scope::National, Role::Officer) => Ok(Viewer::Officer(None)),
            (Scope::National, Role::Admin) => Ok(Viewer::Admin),
            _ => Err(self.refused()),
        }
    }

    /// The region the caller is limited to in regional work (kandas): an officer's own region;
    /// `None` (all regions) for the national roles that read it. Applicants, border staff and
    /// the public are refused.
    pub fn region(&self) -> Result<Option<&str>, Problem> {
        match (&self.scope, self.role) {
            (Scope::Region(r), Role::Officer) => Ok(Some(r.as_str())),
            (Scope::National, Role::Officer | Role::Admin | Role::Analyst | Role::Coordinator) => Ok(None),
            _ => Err(self.refused()),
        }
    }

    /// National work (citizens abroad): officers act whatever their region, administrators read.
    pub fn national(&self) -> Result<(), Problem> {
        self.require(&[Role::Officer, Role::Admin])
    }

    /// The Paryz contest's staff: coordinators nominate, administrators are the secretariat.
    pub fn paryz_staff(&self) -> bool {
        matches!(self.role, Role::Coordinator | Role::Admin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(role: Role, scope: Scope) -> Access {
        Access { role, scope }
    }

    #[test]
    fn an_applicant_sees_their_own_cases_and_an_officer_their_region() {
        assert_eq!(access(Role::Applicant, Scope::Own(7)).viewer().unwrap(), Viewer::Applicant(7));
        let officer = access(Role::Officer, Scope::Region("KZ-75".into()));
        assert_eq!(officer.viewer().unwrap(), Viewer::Officer(Some("KZ-75".into())));
        assert_eq!(officer.region().unwrap(), Some("KZ-75"));
        assert!(officer.national().is_ok(), "citizens-abroad officers are national");
        assert_eq!(access(Role::Admin, Scope::National).viewer().unwrap(), Viewer::Admin);
        assert_eq!(access(Role::Analyst, Scope::National).region().unwrap(), None);
    }

    #[test]
    fn roles_without_business_are_refused_with_403() {
        for role in [Role::Analyst, Role::Coordinator, Role::Border] {
            assert_eq!(access(role, Scope::National).viewer().unwrap_err().status, 403);
        }
        assert_eq!(access(Role::Applicant, Scope::Own(1)).region().unwrap_err().status, 403);
        assert_eq!(access(Role::Border, Scope::National).region().unwrap_err().status, 403);
        assert_eq!(access(Role::Public, Scope::Public).viewer().unwrap_err().status, 403);
        assert!(!access(Role::Officer, Scope::National).paryz_staff());
    }
}
