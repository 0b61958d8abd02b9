//! The eleven action lines C1–C11 of the Geneva Plan of Action (seeds/004 §3, §5, §10), compiled
//! in from `data/action_lines.csv` with their English and French titles, and the roles an
//! organisation may hold in facilitating one (seeds/004 §10, §37: facilitators, co-facilitators,
//! moderators).

use std::sync::LazyLock;

use serde::Serialize;

/// One action line: its code ("C7"), its number and its titles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionLine {
    pub code: String,
    pub number: u8,
    pub title_en: String,
    pub title_fr: String,
}

impl ActionLine {
    /// The title in `language` (a language tag); English where it is not shipped.
    pub fn title(&self, language: &str) -> &str {
        if language.starts_with("fr") { &self.title_fr } else { &self.title_en }
    }
}

const ACTION_LINES_CSV: &str = include_str!("../data/action_lines.csv");

static ACTION_LINES: LazyLock<Vec<ActionLine>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(ACTION_LINES_CSV.as_bytes());
    // The file is ours, compiled in, and checked by a test: a row it cannot read is a build
    // mistake, left out rather than brought down at run time.
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            let code = r.get(0)?.to_owned();
            let number = code.strip_prefix('C')?.parse().ok()?;
            Some(ActionLine { code, number, title_en: r.get(1)?.to_owned(), title_fr: r.get(2)?.to_owned() })
        })
        .collect()
});

/// Every action line, C1 to C11.
pub fn action_lines() -> &'static [ActionLine] {
    &ACTION_LINES
}

/// The action line with this code, as people write it ("C7", "c7", " C07 ").
pub fn action_line(code: &str) -> Option<&'static ActionLine> {
    let code = code.trim();
    let number: u8 = code.strip_prefix(['C', 'c'])?.parse().ok()?;
    action_lines().iter().find(|l| l.number == number)
}

/// What an organisation does for an action line in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FacilitatorRole {
    /// The lead facilitator.
    Lead,
    CoFacilitator,
    /// Moderates the action line's multi-stakeholder network (seeds/004 §37).
    Moderator,
}

impl FacilitatorRole {
    pub const ALL: [FacilitatorRole; 3] =
        [FacilitatorRole::Lead, FacilitatorRole::CoFacilitator, FacilitatorRole::Moderator];

    pub fn as_str(self) -> &'static str {
        match self {
            FacilitatorRole::Lead => "lead",
            FacilitatorRole::CoFacilitator => "co_facilitator",
            FacilitatorRole::Moderator => "moderator",
        }
    }
}

impl std::str::FromStr for FacilitatorRole {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FacilitatorRole::ALL.into_iter().find(|r| r.as_str() == s.trim()).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleven_action_lines_are_shipped_in_english_and_french() {
        let lines = action_lines();
        assert_eq!(lines.len(), 11);
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(usize::from(line.number), i + 1);
            assert!(!line.title_en.is_empty() && !line.title_fr.is_empty(), "{}", line.code);
        }
        assert_eq!(
            action_line("c2").map(|l| l.title_en.as_str()),
            Some("Information and communication infrastructure")
        );
        assert_eq!(action_line(" C08 ").map(|l| l.code.as_str()), Some("C8"));
        assert_eq!(action_line("C12"), None);
        assert_eq!(action_line("C"), None);
        assert_eq!(action_line("C9").map(|l| l.title("fr")), Some("Médias"));
    }

    #[test]
    fn roles_are_read_as_written() {
        for role in FacilitatorRole::ALL {
            assert_eq!(role.as_str().parse(), Ok(role));
        }
        assert_eq!("chair".parse::<FacilitatorRole>(), Err(()));
    }
}
