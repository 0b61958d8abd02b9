//! Chairs that rotate: the next chair from a fixed rotation (seeds/004 §17: the UN Group on the
//! Information Society is chaired in turn by ITU, UNESCO and UNDP, a year each), and the members
//! who may be elected co-chair (those who have not held it, all of them again once everyone
//! has).

use serde::Serialize;

/// What a member holds on a body for a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Member,
    Chair,
    CoChair,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Member, Role::Chair, Role::CoChair];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Chair => "chair",
            Role::CoChair => "co_chair",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or(())
    }
}

/// The chair after `last` in `rotation` (the first when there was none, or `last` is not in it).
pub fn next_chair<'a>(rotation: &[&'a str], last: Option<&str>) -> Option<&'a str> {
    let after = last.and_then(|last| rotation.iter().position(|r| *r == last)).map_or(0, |at| at + 1);
    rotation.get(after % rotation.len().max(1)).copied()
}

/// The members who may be co-chair next: those who have not held it; all of them once every
/// member has.
pub fn co_chair_candidates<'a>(members: &[&'a str], held: &[&str]) -> Vec<&'a str> {
    let fresh: Vec<&str> = members.iter().copied().filter(|m| !held.contains(m)).collect();
    if fresh.is_empty() { members.to_vec() } else { fresh }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chair_rotates_and_the_co_chair_goes_round() {
        let rotation = ["ITU", "UNESCO", "UNDP"];
        assert_eq!(next_chair(&rotation, None), Some("ITU"));
        assert_eq!(next_chair(&rotation, Some("ITU")), Some("UNESCO"));
        assert_eq!(next_chair(&rotation, Some("UNDP")), Some("ITU"));
        assert_eq!(next_chair(&[], Some("ITU")), None);
        assert_eq!(co_chair_candidates(&["A", "B", "C"], &["A", "C"]), ["B"]);
        assert_eq!(co_chair_candidates(&["A", "B"], &["A", "B"]), ["A", "B"]);
    }
}
