//! What the secretariat says of a synthesis report that the record cannot: the UN document
//! symbol it is issued under, the organs it goes to with their session and agenda item, and its
//! summary and conclusions, each in the languages the secretariat writes them in. The report is
//! the record's; these are the secretariat's words, set per consultation and audited.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The principal organs a report of the Secretary-General goes to (seeds/003 goes to both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Organ {
    GeneralAssembly,
    EconomicAndSocialCouncil,
}

impl Organ {
    pub const ALL: [Organ; 2] = [Organ::GeneralAssembly, Organ::EconomicAndSocialCouncil];

    /// The identifier in forms, files and the i18n keys (`organ-<id>`).
    pub fn as_str(self) -> &'static str {
        match self {
            Organ::GeneralAssembly => "general_assembly",
            Organ::EconomicAndSocialCouncil => "economic_and_social_council",
        }
    }
}

impl std::str::FromStr for Organ {
    type Err = ReportDetailsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().replace('-', "_");
        Organ::ALL.into_iter().find(|o| o.as_str() == s).ok_or(ReportDetailsError::UnknownOrgan(s))
    }
}

/// Texts by language (primary subtag: `en`, `fr`).
pub type Texts = BTreeMap<String, String>;

/// An organ the report goes to, with its session and agenda item as the masthead prints them
/// ("Sixty-sixth session", "Item 17 of the preliminary list", "Information and communications
/// technologies for development").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    pub organ: Option<Organ>,
    pub session: Texts,
    pub item: Texts,
    pub item_title: Texts,
}

/// The report's details, as the secretariat sets them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDetails {
    /// The document symbol, as issued ("A/66/77–E/2011/103").
    pub symbol: String,
    pub addressees: Vec<Addressee>,
    pub summary: Texts,
    pub conclusions: Texts,
}

/// Longest symbol, and longest line of a masthead.
pub const MAX_SYMBOL_CHARS: usize = 100;
pub const MAX_LINE_CHARS: usize = 300;
/// Longest summary or conclusions, per language.
pub const MAX_TEXT_CHARS: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportDetailsError {
    #[error("unknown organ '{0}'")]
    UnknownOrgan(String),
    #[error("the organ {0} is named twice")]
    OrganTwice(&'static str),
    #[error("{field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} holds a control character")]
    ControlCharacter { field: &'static str },
    #[error("'{0}' is not a language tag")]
    Language(String),
}

impl ReportDetailsError {
    /// The i18n key that says it (`report-details-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            ReportDetailsError::UnknownOrgan(_) => "unknown-organ",
            ReportDetailsError::OrganTwice(_) => "organ-twice",
            ReportDetailsError::TooLong { .. } => "too-long",
            ReportDetailsError::ControlCharacter { .. } => "control-character",
            ReportDetailsError::Language(_) => "language",
        }
    }
}

fn check_text(field: &'static str, text: &str, max: usize, lines: bool) -> Result<(), ReportDetailsError> {
    if text.chars().count() > max {
        return Err(ReportDetailsError::TooLong { field, max });
    }
    if text.chars().any(|c| c.is_control() && !(lines && matches!(c, '\n' | '\r' | '\t'))) {
        return Err(ReportDetailsError::ControlCharacter { field });
    }
    Ok(())
}

fn check_texts(field: &'static str, texts: &Texts, max: usize, lines: bool) -> Result<Texts, ReportDetailsError> {
    let mut checked = Texts::new();
    for (language, text) in texts {
        let language = language.trim().to_ascii_lowercase();
        if language.is_empty() || language.len() > 8 || !language.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(ReportDetailsError::Language(language));
        }
        let text = text.trim();
        check_text(field, text, max, lines)?;
        if !text.is_empty() {
            checked.insert(language, text.to_owned());
        }
    }
    Ok(checked)
}

impl ReportDetails {
    /// The details with every field checked and trimmed, empty texts dropped; organs named
    /// once each, and addressees with no organ left out.
    pub fn check(self) -> Result<ReportDetails, ReportDetailsError> {
        let symbol = self.symbol.trim().to_owned();
        check_text("symbol", &symbol, MAX_SYMBOL_CHARS, false)?;
        let mut addressees: Vec<Addressee> = Vec::new();
        for addressee in self.addressees {
            let Some(organ) = addressee.organ else { continue };
            if addressees.iter().any(|a| a.organ == Some(organ)) {
                return Err(ReportDetailsError::OrganTwice(organ.as_str()));
            }
            addressees.push(Addressee {
                organ: Some(organ),
                session: check_texts("session", &addressee.session, MAX_LINE_CHARS, false)?,
                item: check_texts("item", &addressee.item, MAX_LINE_CHARS, false)?,
                item_title: check_texts("item_title", &addressee.item_title, MAX_LINE_CHARS, false)?,
            });
        }
        addressees.sort_by_key(|a| a.organ);
        Ok(ReportDetails {
            symbol,
            addressees,
            summary: check_texts("summary", &self.summary, MAX_TEXT_CHARS, true)?,
            conclusions: check_texts("conclusions", &self.conclusions, MAX_TEXT_CHARS, true)?,
        })
    }

    /// Whether the secretariat has said anything.
    pub fn is_empty(&self) -> bool {
        self == &ReportDetails::default()
    }
}

/// A text in `language`, or else in any language it has (the report says which is missing by
/// showing the other).
pub fn in_language<'a>(texts: &'a Texts, language: &str) -> Option<&'a str> {
    texts.get(language).or_else(|| texts.values().next()).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> Texts {
        pairs.iter().map(|(l, t)| ((*l).to_owned(), (*t).to_owned())).collect()
    }

    #[test]
    fn details_are_checked_trimmed_and_ordered() {
        let details = ReportDetails {
            symbol: " A/66/77–E/2011/103 ".into(),
            addressees: vec![
                Addressee {
                    organ: Some(Organ::EconomicAndSocialCouncil),
                    session: texts(&[("en", "Substantive session of 2011")]),
                    ..Default::default()
                },
                Addressee { organ: None, ..Default::default() },
                Addressee {
                    organ: Some(Organ::GeneralAssembly),
                    session: texts(&[("en", "Sixty-sixth session"), ("fr", "  ")]),
                    ..Default::default()
                },
            ],
            summary: texts(&[("EN", "A summary.\n\nIn two paragraphs.")]),
            conclusions: Texts::new(),
        }
        .check()
        .expect("valid");
        assert_eq!(details.symbol, "A/66/77–E/2011/103");
        let organs: Vec<_> = details.addressees.iter().map(|a| a.organ).collect();
        assert_eq!(organs, [Some(Organ::GeneralAssembly), Some(Organ::EconomicAndSocialCouncil)]);
        assert_eq!(details.addressees[0].session, texts(&[("en", "Sixty-sixth session")]), "empty texts dropped");
        assert_eq!(in_language(&details.summary, "fr"), Some("A summary.\n\nIn two paragraphs."));
    }

    #[test]
    fn bad_details_say_what_is_wrong() {
        let twice = ReportDetails {
            addressees: vec![
                Addressee { organ: Some(Organ::GeneralAssembly), ..Default::default() },
                Addressee { organ: Some(Organ::GeneralAssembly), ..Default::default() },
            ],
            ..Default::default()
        };
        assert_eq!(twice.check(), Err(ReportDetailsError::OrganTwice("general_assembly")));
        let long = ReportDetails { symbol: "A/".repeat(60), ..Default::default() };
        assert!(matches!(long.check(), Err(ReportDetailsError::TooLong { field: "symbol", .. })));
        let control = ReportDetails { symbol: "A/66\u{7}".into(), ..Default::default() };
        assert!(matches!(control.check(), Err(ReportDetailsError::ControlCharacter { field: "symbol" })));
        assert!("ecosoc".parse::<Organ>().is_err());
        assert_eq!("economic-and-social-council".parse::<Organ>(), Ok(Organ::EconomicAndSocialCouncil));
    }
}
