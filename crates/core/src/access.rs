//! Who may do what: accounts, their roles, and the one function that decides. The secretariat
//! runs consultations; a focal point acts for one entity only; the public reads and, where a
//! consultation is open, sends unverified contributions.

use std::fmt;
use std::str::FromStr;

use crate::entity::EntityId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AccountId(pub i64);

/// The role of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Manages consultations, meetings, entities, invitations and moderation.
    Secretariat,
    /// Submits and amends for one entity.
    FocalPoint,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Secretariat => "secretariat",
            Role::FocalPoint => "focal_point",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role '{0}' (expected secretariat or focal_point)")]
pub struct RoleError(pub String);

impl FromStr for Role {
    type Err = RoleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().replace('-', "_").as_str() {
            "secretariat" => Ok(Role::Secretariat),
            "focal_point" => Ok(Role::FocalPoint),
            _ => Err(RoleError(s.to_owned())),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An account as recorded (without its password hash, which never leaves the store's
/// sign-in check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    /// Lower case; an account is found by it.
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The entity a focal point acts for; none for the secretariat.
    pub entity: Option<EntityId>,
    /// The language its emails are written in.
    pub language: String,
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    Signed(Account),
}

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read anything public: pages, search, open data, the log.
    ReadPublic,
    /// Send a contribution marked unverified, where the consultation is open.
    SubmitUnverified,
    /// Send or amend a contribution in the name of an entity, marked verified.
    ActFor(EntityId),
    /// Anything under /admin: consultations, moderation, accounts, the audit log.
    Administer,
}

impl Actor {
    pub fn account(&self) -> Option<&Account> {
        match self {
            Actor::Anonymous => None,
            Actor::Signed(account) => Some(account),
        }
    }

    /// Whether this actor may do `action`.
    pub fn may(&self, action: Action) -> bool {
        match (action, self.account()) {
            (Action::ReadPublic | Action::SubmitUnverified, _) => true,
            (Action::ActFor(entity), Some(account)) => {
                account.role == Role::FocalPoint && account.entity == Some(entity)
            }
            (Action::Administer, Some(account)) => account.role == Role::Secretariat,
            (Action::ActFor(_) | Action::Administer, None) => false,
        }
    }
}

/// Whether `text` has the shape of an email address (one @, a dotted domain, no spaces): the
/// only sure check is a message that arrives.
pub fn is_email_address(text: &str) -> bool {
    text.len() <= 254
        && !text.chars().any(char::is_whitespace)
        && text.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        })
}

/// The shortest password accepted: long passphrases beat complex short ones (NIST SP 800-63B).
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("shorter than {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("longer than {MAX_PASSWORD_CHARS} characters")]
    TooLong,
}

/// Checks a new password's length (the only rule: no composition rules, no expiry).
pub fn check_password(password: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err(PasswordProblem::TooShort)
    } else if chars > MAX_PASSWORD_CHARS {
        Err(PasswordProblem::TooLong)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(role: Role, entity: Option<i64>) -> Actor {
        Actor::Signed(Account {
            id: AccountId(1),
            email: "someone@example.org".into(),
            name: "Someone".into(),
            role,
            entity: entity.map(EntityId),
            language: "en".into(),
        })
    }

    #[test]
    fn each_role_may_do_its_part_only() {
        let secretariat = account(Role::Secretariat, None);
        let focal_a = account(Role::FocalPoint, Some(1));
        let a = EntityId(1);
        let b = EntityId(2);
        assert!(secretariat.may(Action::Administer));
        assert!(!secretariat.may(Action::ActFor(a)), "the secretariat records, it does not speak for an entity");
        assert!(focal_a.may(Action::ActFor(a)));
        assert!(!focal_a.may(Action::ActFor(b)));
        assert!(!focal_a.may(Action::Administer));
        assert!(!Actor::Anonymous.may(Action::ActFor(a)));
        assert!(!Actor::Anonymous.may(Action::Administer));
        for actor in [&secretariat, &focal_a, &Actor::Anonymous] {
            assert!(actor.may(Action::ReadPublic) && actor.may(Action::SubmitUnverified));
        }
    }

    #[test]
    fn passwords_are_judged_by_length() {
        assert_eq!(check_password("short"), Err(PasswordProblem::TooShort));
        assert_eq!(check_password("correct horse battery staple"), Ok(()));
        assert_eq!(check_password(&"x".repeat(300)), Err(PasswordProblem::TooLong));
        assert_eq!("focal-point".parse(), Ok(Role::FocalPoint));
    }
}
