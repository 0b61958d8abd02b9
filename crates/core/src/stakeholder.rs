//! Stakeholder groups: the taxonomy a consultation tabulates by (governments, civil society, …).

use std::fmt;
use std::str::FromStr;

/// The identifier of a stakeholder group, as it appears in files and URLs (`civil_society`).
/// The groups themselves, with their order, are configured in the store; their labels live in
/// the i18n files under `group-<id>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StakeholderGroupId(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a stakeholder group identifier (lower-case letters and '_' only)")]
pub struct StakeholderGroupIdError(pub String);

/// The groups every new store starts with, in the order tables list them (seeds/003 lists
/// governments, international organisations, civil society, private sector; Tunis §35 adds the
/// academic and technical communities).
pub const DEFAULT_GROUPS: [&str; 6] =
    ["government", "international_organization", "civil_society", "private_sector", "academic", "technical"];

impl StakeholderGroupId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for StakeholderGroupId {
    type Err = StakeholderGroupIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let valid = !s.is_empty()
            && s.len() <= 64
            && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && !s.starts_with('_');
        if valid { Ok(Self(s.to_owned())) } else { Err(StakeholderGroupIdError(s.to_owned())) }
    }
}

impl fmt::Display for StakeholderGroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_groups_are_valid_ids() {
        for id in DEFAULT_GROUPS {
            assert!(id.parse::<StakeholderGroupId>().is_ok(), "{id}");
        }
    }

    #[test]
    fn ids_are_strict() {
        for bad in ["", "Civil Society", "civil-society", "_x", "gouvernement!"] {
            assert!(bad.parse::<StakeholderGroupId>().is_err(), "{bad:?}");
        }
    }
}
