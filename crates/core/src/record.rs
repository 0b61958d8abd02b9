//! The canonical record of a contribution: the exact bytes its log leaf commits to. A receipt
//! carries their SHA-256; anyone can fetch the published record, hash it and compare. The form
//! is JSON with a fixed field order and no white space; `v` names the version of this form.

use serde::Serialize;

/// How the contributor's identity is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Identity {
    /// Entered by the secretariat from its own records (a meeting, a letter).
    Recorded,
    /// Sent through the public form or API by someone who was not signed in.
    Unverified,
    /// Sent by a signed-in focal point of the entity.
    Verified,
}

impl Identity {
    pub fn as_str(self) -> &'static str {
        match self {
            Identity::Recorded => "recorded",
            Identity::Unverified => "unverified",
            Identity::Verified => "verified",
        }
    }

    pub fn parse(text: &str) -> Option<Identity> {
        [Identity::Recorded, Identity::Unverified, Identity::Verified].into_iter().find(|i| i.as_str() == text)
    }
}

/// A file of a contribution, as the record names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentEntry {
    pub name: String,
    pub size: u64,
    /// Lower-case hexadecimal SHA-256 of the file's bytes.
    pub sha256: String,
}

/// Everything the record says of a contribution, in the order it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CanonicalRecord {
    pub v: u32,
    pub id: i64,
    pub consultation: String,
    pub entity: String,
    pub stakeholder_group: String,
    pub country: Option<String>,
    pub channel: String,
    pub on_behalf_of: Option<String>,
    pub meeting: Option<String>,
    /// RFC 3339, UTC.
    pub submitted_at: String,
    pub language: String,
    pub identity: Identity,
    pub late: bool,
    pub title: String,
    pub body: String,
    pub attachments: Vec<AttachmentEntry>,
    /// The contribution this one amends, if it does. Left out of the bytes when there is none,
    /// so records made before amendments existed keep their hash.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amends: Option<i64>,
}

impl CanonicalRecord {
    pub const VERSION: u32 = 1;

    /// The record of a contribution as it is being written, built from what is written rather
    /// than read back (a round trip saved per contribution on a database server): `entity` as it
    /// is now, whose name and country the contribution keeps; `meeting`, the date of its
    /// meeting. The store reads the same record back (`Store::canonical_record`); a test holds
    /// the two equal.
    pub fn of(
        id: crate::ContributionId,
        consultation: &crate::Slug,
        entity: &crate::Entity,
        contribution: &crate::NewContribution,
        meeting: Option<jiff::civil::Date>,
        amends: Option<crate::ContributionId>,
        attachments: Vec<AttachmentEntry>,
    ) -> CanonicalRecord {
        // The database keeps instants to the millisecond.
        let submitted_at = jiff::Timestamp::from_millisecond(contribution.submitted_at.as_millisecond())
            .unwrap_or(contribution.submitted_at);
        CanonicalRecord {
            v: CanonicalRecord::VERSION,
            id: id.0,
            consultation: consultation.as_str().to_owned(),
            entity: entity.name.as_str().to_owned(),
            stakeholder_group: contribution.group.as_str().to_owned(),
            country: entity.country.map(|c| c.as_str().to_owned()),
            channel: contribution.channel.as_str().to_owned(),
            on_behalf_of: contribution.on_behalf_of.as_ref().map(|g| g.as_str().to_owned()),
            meeting: meeting.map(|date| date.to_string()),
            submitted_at: submitted_at.to_string(),
            language: contribution.language.as_str().to_owned(),
            identity: contribution.identity,
            late: contribution.late,
            title: contribution.title.clone(),
            body: contribution.body.clone(),
            attachments,
            amends: amends.map(|a| a.0),
        }
    }

    /// The canonical bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        // A struct of strings, numbers and booleans always serialises.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_is_stable() {
        let record = CanonicalRecord {
            v: CanonicalRecord::VERSION,
            id: 7,
            consultation: "ec-2010".into(),
            entity: "Example NGO".into(),
            stakeholder_group: "civil_society".into(),
            country: None,
            channel: "written".into(),
            on_behalf_of: None,
            meeting: None,
            submitted_at: "2010-10-01T12:00:00Z".into(),
            language: "fr".into(),
            identity: Identity::Unverified,
            late: false,
            title: "Titre".into(),
            body: "Texte « cité »".into(),
            attachments: vec![AttachmentEntry { name: "a.pdf".into(), size: 3, sha256: "ab".into() }],
            amends: None,
        };
        assert_eq!(
            String::from_utf8(record.to_bytes()).expect("UTF-8"),
            r#"{"v":1,"id":7,"consultation":"ec-2010","entity":"Example NGO","stakeholder_group":"civil_society","country":null,"channel":"written","on_behalf_of":null,"meeting":null,"submitted_at":"2010-10-01T12:00:00Z","language":"fr","identity":"unverified","late":false,"title":"Titre","body":"Texte « cité »","attachments":[{"name":"a.pdf","size":3,"sha256":"ab"}]}"#
        );
        let amending = CanonicalRecord { amends: Some(3), ..record };
        assert!(
            String::from_utf8(amending.to_bytes())
                .expect("UTF-8")
                .ends_with(r#""attachments":[{"name":"a.pdf","size":3,"sha256":"ab"}],"amends":3}"#)
        );
    }
}
