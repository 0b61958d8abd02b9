//! What the secretariat may say of a campaign: a name and a note. Campaigns themselves are
//! derived from the record (`consulta_campaigns`), never edited by hand; these are the
//! secretariat's words beside one, audited.

use serde::{Deserialize, Serialize};

/// The longest name, in characters: it heads a page and a table row.
pub const NAME_CHARS: usize = 120;
/// The longest note, in characters.
pub const NOTE_CHARS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CampaignNoteError {
    #[error("a campaign's name may not be empty")]
    EmptyName,
    #[error("a campaign's name has {0} characters, more than {NAME_CHARS}")]
    NameTooLong(usize),
    #[error("a campaign's note has {0} characters, more than {NOTE_CHARS}")]
    NoteTooLong(usize),
}

impl CampaignNoteError {
    /// The i18n key of the message a person reads.
    pub fn message_key(&self) -> &'static str {
        match self {
            CampaignNoteError::EmptyName => "campaign-note-empty-name",
            CampaignNoteError::NameTooLong(_) => "campaign-note-name-too-long",
            CampaignNoteError::NoteTooLong(_) => "campaign-note-note-too-long",
        }
    }
}

/// A campaign's name and note, as the secretariat set them (spaces at either end trimmed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignNote {
    name: String,
    note: String,
}

impl CampaignNote {
    pub fn new(name: &str, note: &str) -> Result<CampaignNote, CampaignNoteError> {
        let (name, note) = (name.trim(), note.trim());
        if name.is_empty() {
            return Err(CampaignNoteError::EmptyName);
        }
        let (name_chars, note_chars) = (name.chars().count(), note.chars().count());
        if name_chars > NAME_CHARS {
            return Err(CampaignNoteError::NameTooLong(name_chars));
        }
        if note_chars > NOTE_CHARS {
            return Err(CampaignNoteError::NoteTooLong(note_chars));
        }
        Ok(CampaignNote { name: name.to_owned(), note: note.to_owned() })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn note(&self) -> &str {
        &self.note
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_required_and_both_are_bounded() {
        assert_eq!(CampaignNote::new("  ", "x"), Err(CampaignNoteError::EmptyName));
        assert_eq!(CampaignNote::new(&"n".repeat(121), ""), Err(CampaignNoteError::NameTooLong(121)));
        assert_eq!(CampaignNote::new("n", &"é".repeat(2001)), Err(CampaignNoteError::NoteTooLong(2001)));
        let note = CampaignNote::new(" Letter A ", " Sent by members of an association. ").expect("a note");
        assert_eq!((note.name(), note.note()), ("Letter A", "Sent by members of an association."));
    }
}
