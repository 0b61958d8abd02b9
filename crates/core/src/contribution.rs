//! Contributions: one item received through one channel, by one entity.

use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;

use crate::consultation::ConsultationId;
use crate::entity::EntityId;
use crate::language::Language;
use crate::meeting::MeetingId;
use crate::stakeholder::StakeholderGroupId;

/// How a contribution reached the secretariat (seeds/003 §9–§11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Channel {
    /// A written comment, in any form, at any time in the period.
    Written,
    /// A presentation at a meeting by a designated representative.
    Presentation,
    /// An intervention in the open debate of a meeting.
    Intervention,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown channel '{0}' (expected written, presentation or intervention)")]
pub struct ChannelError(pub String);

impl Channel {
    /// In the order the seeds' table lists them.
    pub const ALL: [Channel; 3] = [Channel::Written, Channel::Presentation, Channel::Intervention];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Written => "written",
            Channel::Presentation => "presentation",
            Channel::Intervention => "intervention",
        }
    }

    /// Oral channels happen at a meeting, so their contributions name it.
    pub fn requires_meeting(self) -> bool {
        !matches!(self, Channel::Written)
    }
}

impl FromStr for Channel {
    type Err = ChannelError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Self::ALL.into_iter().find(|c| c.as_str().eq_ignore_ascii_case(s)).ok_or_else(|| ChannelError(s.to_owned()))
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContributionId(pub i64);

pub const MAX_TITLE_CHARS: usize = 500;
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// A contribution ready to be recorded: every rule below has been checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContribution {
    pub consultation: ConsultationId,
    pub entity: EntityId,
    /// The entity's stakeholder group when it contributed; tables count by it, so a later
    /// change of the entity's group does not rewrite a published table.
    pub group: StakeholderGroupId,
    pub channel: Channel,
    /// The stakeholder group a designated representative spoke for, if any.
    pub on_behalf_of: Option<StakeholderGroupId>,
    pub meeting: Option<MeetingId>,
    pub submitted_at: Timestamp,
    pub language: Language,
    pub title: String,
    pub body: String,
    /// Received outside the consultation's period and recorded all the same.
    pub late: bool,
    pub identity: crate::record::Identity,
    /// How to reach the contributor; kept for the secretariat, never published.
    pub contact_email: Option<String>,
}

/// A contribution as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    pub id: ContributionId,
    pub record: NewContribution,
    /// Why the secretariat withholds it from publication, if it does; its log entry stays.
    pub withheld_reason: Option<String>,
    /// The recorded entity the secretariat found an unverified contribution to come from, after
    /// checking (audited); the record keeps what the sender claimed.
    pub attributed_to: Option<EntityId>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("is empty")]
    Empty,
    #[error("is longer than {0} characters")]
    TitleTooLong(usize),
    #[error("is larger than {0} bytes")]
    BodyTooLarge(usize),
    /// A control character (NUL, escape, …; in a body, anything but tab and line ends):
    /// invisible to a reader, it can hide text or break the files others download.
    #[error("holds the control character U+{code:04X} at character {at}")]
    ControlCharacter { at: usize, code: u32 },
}

/// The first control character in `text` that `allowed` does not let through, with its
/// position (counted in characters from 1).
fn find_control(text: &str, allowed: impl Fn(char) -> bool) -> Result<(), TextError> {
    match text.chars().enumerate().find(|(_, c)| c.is_control() && !allowed(*c)) {
        Some((at, c)) => Err(TextError::ControlCharacter { at: at + 1, code: u32::from(c) }),
        None => Ok(()),
    }
}

/// Checks a title: present, and short enough to be a title.
pub fn check_title(title: &str) -> Result<String, TextError> {
    let title = title.trim();
    if title.is_empty() {
        Err(TextError::Empty)
    } else if title.chars().count() > MAX_TITLE_CHARS {
        Err(TextError::TitleTooLong(MAX_TITLE_CHARS))
    } else {
        find_control(title, |_| false)?;
        Ok(title.to_owned())
    }
}

/// Checks a body: present, and within the size a record holds inline. Line ends are kept as
/// written but for CRLF, which becomes LF so the same text always reads the same.
pub fn check_body(body: &str) -> Result<String, TextError> {
    let body = body.trim();
    if body.is_empty() {
        Err(TextError::Empty)
    } else if body.len() > MAX_BODY_BYTES {
        Err(TextError::BodyTooLarge(MAX_BODY_BYTES))
    } else {
        find_control(body, |c| matches!(c, '\n' | '\r' | '\t'))?;
        Ok(body.replace("\r\n", "\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_read_their_names() {
        assert_eq!("Written".parse(), Ok(Channel::Written));
        assert_eq!(" intervention ".parse(), Ok(Channel::Intervention));
        assert!("email".parse::<Channel>().is_err());
        assert!(!Channel::Written.requires_meeting());
        assert!(Channel::Presentation.requires_meeting());
    }

    #[test]
    fn texts_are_checked() {
        assert_eq!(check_title("  "), Err(TextError::Empty));
        assert!(check_title(&"t".repeat(501)).is_err());
        assert_eq!(check_body("a\r\nb"), Ok("a\nb".to_owned()));
        assert_eq!(check_body(""), Err(TextError::Empty));
        assert_eq!(check_title("a\u{0}b"), Err(TextError::ControlCharacter { at: 2, code: 0 }));
        assert_eq!(check_title("Tab\there"), Err(TextError::ControlCharacter { at: 4, code: 9 }));
        assert_eq!(check_body("x\u{1b}[31m"), Err(TextError::ControlCharacter { at: 2, code: 0x1b }));
        assert_eq!(check_body("a\tb\r\nc"), Ok("a\tb\nc".to_owned()), "tabs and line ends stay");
        assert_eq!(check_body("ok \u{7f}"), Err(TextError::ControlCharacter { at: 4, code: 0x7f }));
    }
}
