//! Entities: the governments and organisations that contribute.

use std::fmt;
use std::str::FromStr;

use crate::reference::{CountryCode, DevelopmentStatus, RegionalGroup};
use crate::stakeholder::StakeholderGroupId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub i64);

/// An entity's name, with surrounding and repeated white space removed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EntityName(String);

pub const MAX_ENTITY_NAME_CHARS: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntityNameError {
    #[error("the entity name is empty")]
    Empty,
    #[error("the entity name is longer than {MAX_ENTITY_NAME_CHARS} characters")]
    TooLong,
    #[error("the entity name contains a control character")]
    ControlCharacter,
}

impl EntityName {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key entities are matched by: two spellings that differ only in case or spacing are
    /// the same entity.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

impl FromStr for EntityName {
    type Err = EntityNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let normalised = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if normalised.is_empty() {
            Err(EntityNameError::Empty)
        } else if normalised.chars().count() > MAX_ENTITY_NAME_CHARS {
            Err(EntityNameError::TooLong)
        } else if normalised.chars().any(char::is_control) {
            Err(EntityNameError::ControlCharacter)
        } else {
            Ok(EntityName(normalised))
        }
    }
}

impl fmt::Display for EntityName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An entity as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: EntityId,
    pub name: EntityName,
    pub group: StakeholderGroupId,
    /// None for international organisations and others that belong to no one country.
    pub country: Option<CountryCode>,
    /// Invented for the demonstration, and labelled so.
    pub is_example: bool,
    /// Only what an unverified sender claimed to be: kept apart from the registry of entities,
    /// never matched by name, and shown everywhere as "identity not verified".
    pub claimed: bool,
}

impl Entity {
    pub fn regional_group(&self) -> Option<RegionalGroup> {
        self.country.and_then(|c| c.country().regional_group)
    }

    pub fn development_status(&self) -> Option<DevelopmentStatus> {
        self.country.and_then(|c| c.country().development)
    }
}

/// An entity seen for the first time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntity {
    pub name: EntityName,
    pub group: StakeholderGroupId,
    pub country: Option<CountryCode>,
    pub is_example: bool,
    /// An unverified sender's claimed identity (see `Entity::claimed`).
    pub claimed: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised_and_matched_without_case() {
        let a: EntityName = "  Example   Society\tfor the Internet ".parse().expect("name");
        let b: EntityName = "example society for the internet".parse().expect("name");
        assert_eq!(a.as_str(), "Example Society for the Internet");
        assert_eq!(a.key(), b.key());
    }

    #[test]
    fn bad_names_are_refused() {
        assert_eq!("   ".parse::<EntityName>(), Err(EntityNameError::Empty));
        assert_eq!("x".repeat(301).parse::<EntityName>(), Err(EntityNameError::TooLong));
        assert_eq!("a\u{7}b".parse::<EntityName>(), Err(EntityNameError::ControlCharacter));
    }

    #[test]
    fn regional_group_and_status_are_derived_from_the_country() {
        let entity = Entity {
            id: EntityId(1),
            name: "Example Ministry".parse().expect("name"),
            group: "government".parse().expect("group"),
            country: Some("SN".parse().expect("country")),
            is_example: true,
            claimed: false,
        };
        assert_eq!(entity.regional_group(), Some(RegionalGroup::African));
        assert_eq!(entity.development_status(), Some(DevelopmentStatus::LeastDeveloped));
        let organisation = Entity { country: None, ..entity };
        assert_eq!(organisation.regional_group(), None);
    }
}
