//! Points of agreement: the statements a consultation puts to the vote, the participants who
//! vote on them and their votes (seeds/003 §14: "determine the points of agreement and those
//! that justify more debate"). The groups and consensus are computed elsewhere
//! (`consulta-agreement`); here are the record's words and rules.

use std::fmt;

use serde::Serialize;

use crate::{ConsultationId, ContributionId, CountryCode, EntityId, Language, StakeholderGroupId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct StatementId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ParticipantId(pub i64);

/// A statement is short: one idea a person can agree or disagree with.
pub const STATEMENT_MAX_CHARS: usize = 280;

/// Why a statement's text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StatementTextError {
    #[error("a statement cannot be empty")]
    Empty,
    #[error("a statement has at most {STATEMENT_MAX_CHARS} characters; this one has {0}")]
    TooLong(usize),
}

impl StatementTextError {
    /// The i18n message that says so.
    pub fn message_id(self) -> &'static str {
        match self {
            StatementTextError::Empty => "statement-empty",
            StatementTextError::TooLong(_) => "statement-too-long",
        }
    }
}

/// A statement's text as a person typed it: white space at its ends and runs of it inside
/// folded to one space, 1 to 280 characters.
pub fn statement_text(typed: &str) -> Result<String, StatementTextError> {
    let text = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.chars().count() {
        0 => Err(StatementTextError::Empty),
        n if n > STATEMENT_MAX_CHARS => Err(StatementTextError::TooLong(n)),
        _ => Ok(text),
    }
}

/// Where a statement stands in moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    /// Proposed by a participant, waiting for the secretariat.
    Pending,
    /// Put to the vote: a leaf of the public log.
    Accepted,
    /// Refused, with a reason; kept, never shown to vote on.
    Rejected,
}

impl Moderation {
    pub const ALL: [Moderation; 3] = [Moderation::Pending, Moderation::Accepted, Moderation::Rejected];

    pub fn as_str(self) -> &'static str {
        match self {
            Moderation::Pending => "pending",
            Moderation::Accepted => "accepted",
            Moderation::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> Option<Moderation> {
        Moderation::ALL.into_iter().find(|m| m.as_str() == text)
    }
}

/// Who put a statement forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A participant proposed it (moderated before it is voted on).
    Participant,
    /// The secretariat wrote it, often drawn from a contribution.
    Secretariat,
    /// Imported from another system (a Pol.is export), with that system's id.
    Imported,
}

impl Origin {
    pub const ALL: [Origin; 3] = [Origin::Participant, Origin::Secretariat, Origin::Imported];

    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Participant => "participant",
            Origin::Secretariat => "secretariat",
            Origin::Imported => "imported",
        }
    }

    pub fn parse(text: &str) -> Option<Origin> {
        Origin::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// A statement to be voted on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStatement {
    pub consultation: ConsultationId,
    /// Checked by `statement_text`.
    pub text: String,
    pub language: Language,
    pub origin: Origin,
    /// The contribution the secretariat drew it from.
    pub source: Option<ContributionId>,
    /// Its id in the system it was imported from.
    pub external_id: Option<String>,
    /// The participant who proposed it.
    pub proposed_by: Option<ParticipantId>,
    pub proposed_at: jiff::Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: StatementId,
    pub consultation: ConsultationId,
    pub text: String,
    pub language: Language,
    pub origin: Origin,
    pub source: Option<ContributionId>,
    pub external_id: Option<String>,
    pub proposed_by: Option<ParticipantId>,
    pub proposed_at: jiff::Timestamp,
    pub moderation: Moderation,
    pub rejection_reason: Option<String>,
}

/// Who votes: an entity's focal point signed in (the vote is the entity's, and carries its
/// stakeholder group and country), a member of the public known by a cookie, or a participant of
/// an imported conversation known by that system's id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Voter {
    Verified(EntityId),
    /// The SHA-256 (hexadecimal) of the cookie's random identifier: the record never holds the
    /// identifier itself.
    Anonymous(String),
    Imported(String),
}

impl Voter {
    pub fn kind(&self) -> &'static str {
        match self {
            Voter::Verified(_) => "verified",
            Voter::Anonymous(_) => "anonymous",
            Voter::Imported(_) => "imported",
        }
    }

    /// What tells this voter apart from others of its kind in a consultation.
    pub fn key(&self) -> String {
        match self {
            Voter::Verified(entity) => entity.0.to_string(),
            Voter::Anonymous(key) | Voter::Imported(key) => key.clone(),
        }
    }
}

/// A participant as the analysis sees them: a number, and for a verified one who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub id: ParticipantId,
    pub kind: &'static str,
    /// The imported system's id, for an imported participant.
    pub external_id: Option<String>,
    /// For a verified participant: its stakeholder group and country when it first voted.
    pub group: Option<StakeholderGroupId>,
    pub country: Option<CountryCode>,
}

/// A participant's position on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Agree,
    Disagree,
    Pass,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::Agree, Choice::Disagree, Choice::Pass];

    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Agree => "agree",
            Choice::Disagree => "disagree",
            Choice::Pass => "pass",
        }
    }

    pub fn parse(text: &str) -> Option<Choice> {
        Choice::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// As the record and Pol.is's exports write it: agree 1, disagree −1, pass 0.
    pub fn number(self) -> i64 {
        match self {
            Choice::Agree => 1,
            Choice::Disagree => -1,
            Choice::Pass => 0,
        }
    }

    pub fn from_number(n: i64) -> Option<Choice> {
        Choice::ALL.into_iter().find(|c| c.number() == n)
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One vote as the record keeps it: every vote stays, the latest of a participant on a
/// statement counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CastVote {
    pub participant: ParticipantId,
    pub statement: StatementId,
    pub choice: Choice,
    pub cast_at: jiff::Timestamp,
}

/// What an accepted statement's log leaf commits to: JSON with a fixed field order, as a
/// contribution's `CanonicalRecord`; `kind` tells the two apart in the one log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementRecord {
    pub v: u32,
    pub kind: &'static str,
    pub id: i64,
    pub consultation: String,
    pub text: String,
    pub language: String,
    pub origin: Origin,
    pub source_contribution: Option<i64>,
    pub external_id: Option<String>,
    /// RFC 3339, UTC, to the millisecond.
    pub proposed_at: String,
}

impl StatementRecord {
    pub const VERSION: u32 = 1;

    pub fn of(statement: &Statement, consultation: &crate::Slug) -> StatementRecord {
        let proposed_at =
            jiff::Timestamp::from_millisecond(statement.proposed_at.as_millisecond()).unwrap_or(statement.proposed_at);
        StatementRecord {
            v: StatementRecord::VERSION,
            kind: "statement",
            id: statement.id.0,
            consultation: consultation.as_str().to_owned(),
            text: statement.text.clone(),
            language: statement.language.as_str().to_owned(),
            origin: statement.origin,
            source_contribution: statement.source.map(|c| c.0),
            external_id: statement.external_id.clone(),
            proposed_at: proposed_at.to_string(),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Strings, numbers and options always serialise.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_texts_are_folded_and_bounded() {
        assert_eq!(statement_text("  Network  neutrality\nmatters "), Ok("Network neutrality matters".to_owned()));
        assert_eq!(statement_text(" \n\t "), Err(StatementTextError::Empty));
        assert_eq!(statement_text(&"é".repeat(280)).map(|t| t.chars().count()), Ok(280));
        assert_eq!(statement_text(&"字".repeat(281)), Err(StatementTextError::TooLong(281)));
    }

    #[test]
    fn choices_read_as_they_are_written() {
        for choice in Choice::ALL {
            assert_eq!(Choice::from_number(choice.number()), Some(choice));
            assert_eq!(Choice::parse(choice.as_str()), Some(choice));
        }
        assert_eq!(Choice::from_number(2), None);
    }
}
