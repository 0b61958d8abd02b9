//! The follow-up's calendar, computed from the rules the seeds state rather than typed in: the
//! UN Group on the Information Society is chaired a year each by ITU, UNESCO and UNDP in turn
//! from its first meeting in July 2006 (seeds/004 §17–18), and the Commission on Science and
//! Technology for Development holds its sessions in two-year cycles, a review session then a
//! policy session, the first cycle being 2006–2008 (seeds/004 §32–33).

use serde::Serialize;

/// The organisations the UNGIS chair rotates between, in their order (seeds/004 §17).
pub const UNGIS_ROTATION: [&str; 3] = ["ITU", "UNESCO", "UNDP"];
/// The year of the Group's first meeting (seeds/004 §18), chaired by the first of the rotation.
pub const UNGIS_FIRST_YEAR: i32 = 2006;
/// The first two-year cycle of the Commission's sessions began in this year (seeds/004 §32).
pub const CSTD_FIRST_CYCLE: i32 = 2006;

/// Who chairs the Group in `year`; None before it met.
pub fn ungis_chair(year: i32) -> Option<&'static str> {
    let since = year.checked_sub(UNGIS_FIRST_YEAR)?;
    let turn = usize::try_from(since).ok()?;
    Some(UNGIS_ROTATION[turn % UNGIS_ROTATION.len()])
}

/// Which session of its cycle the Commission holds in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Session {
    Review,
    Policy,
}

impl Session {
    pub fn as_str(self) -> &'static str {
        match self {
            Session::Review => "review",
            Session::Policy => "policy",
        }
    }
}

/// The Commission's session in `year` and the cycle it belongs to (its first and last year, as
/// "2006–2008" names the first): a cycle starting in year S holds its review session in S + 1
/// and its policy session in S + 2. None before the first cycle's review session.
pub fn cstd_session(year: i32) -> Option<(Session, i32, i32)> {
    let since = year.checked_sub(CSTD_FIRST_CYCLE + 1)?;
    if since < 0 {
        return None;
    }
    let start = CSTD_FIRST_CYCLE + since - since % 2;
    Some((if since % 2 == 0 { Session::Review } else { Session::Policy }, start, start + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chair_rotates_yearly_from_2006() {
        assert_eq!(ungis_chair(2005), None);
        assert_eq!(ungis_chair(2006), Some("ITU"));
        assert_eq!(ungis_chair(2007), Some("UNESCO"));
        assert_eq!(ungis_chair(2008), Some("UNDP"));
        assert_eq!(ungis_chair(2009), Some("ITU"));
        for year in 2006..2100 {
            assert_ne!(ungis_chair(year), ungis_chair(year + 1), "a new chair every year");
            assert_eq!(ungis_chair(year), ungis_chair(year + 3), "the same one every third year");
        }
    }

    #[test]
    fn the_commission_reviews_then_sets_policy_in_two_year_cycles() {
        assert_eq!(cstd_session(2006), None);
        assert_eq!(cstd_session(2007), Some((Session::Review, 2006, 2008)), "the first cycle, 2006–2008");
        assert_eq!(cstd_session(2008), Some((Session::Policy, 2006, 2008)));
        assert_eq!(cstd_session(2009), Some((Session::Review, 2008, 2010)));
        assert_eq!(cstd_session(2026), Some((Session::Policy, 2024, 2026)));
    }
}
