//! Consultations: a call for contributions with a mandate, a period, and guiding questions.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::language::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConsultationId(pub i64);

/// The short name of a consultation in URLs and commands (`enhanced-cooperation-2010`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsultationError {
    #[error("'{0}' is not a slug (1 to 80 lower-case letters, digits and '-', starting with a letter or digit)")]
    Slug(String),
    #[error("the period is empty: it closes ({closes}) before it opens ({opens})")]
    EmptyPeriod { opens: Timestamp, closes: Timestamp },
    #[error("the title is empty")]
    EmptyTitle,
}

impl Slug {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Slug {
    type Err = ConsultationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let valid = (1..=80).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-');
        if valid { Ok(Slug(s.to_owned())) } else { Err(ConsultationError::Slug(s.to_owned())) }
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A text in several languages, keyed by primary language subtag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Localized(BTreeMap<String, String>);

impl Localized {
    pub fn new(language: &Language, text: impl Into<String>) -> Self {
        let mut localized = Localized::default();
        localized.set(language, text);
        localized
    }

    pub fn set(&mut self, language: &Language, text: impl Into<String>) {
        self.0.insert(language.primary().to_owned(), text.into());
    }

    /// The text in `language`, else in `fallback`, else in any language it has.
    pub fn get(&self, language: &str, fallback: &str) -> &str {
        self.0
            .get(language)
            .or_else(|| self.0.get(fallback))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// The language the text will actually be shown in, for the page's `lang` attribute.
    pub fn language_of<'a>(&'a self, language: &'a str, fallback: &'a str) -> &'a str {
        if self.0.contains_key(language) {
            language
        } else if self.0.contains_key(fallback) {
            fallback
        } else {
            self.0.keys().next().map_or(fallback, String::as_str)
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Localized(pairs.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect())
    }
}

/// When contributions are received: from `opens` (included) to `closes` (excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    opens: Timestamp,
    closes: Timestamp,
}

/// Where a consultation stands, derived from its period and the current time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsultationStatus {
    Upcoming,
    Open,
    Closed,
}

impl ConsultationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsultationStatus::Upcoming => "upcoming",
            ConsultationStatus::Open => "open",
            ConsultationStatus::Closed => "closed",
        }
    }
}

impl Period {
    pub fn new(opens: Timestamp, closes: Timestamp) -> Result<Self, ConsultationError> {
        if closes <= opens {
            return Err(ConsultationError::EmptyPeriod { opens, closes });
        }
        Ok(Period { opens, closes })
    }

    pub fn opens(&self) -> Timestamp {
        self.opens
    }

    pub fn closes(&self) -> Timestamp {
        self.closes
    }

    /// The last instant inside the period, for showing "until 31 December" rather than
    /// "until 1 January 00:00".
    pub fn last_instant(&self) -> Timestamp {
        self.closes.checked_sub(jiff::SignedDuration::from_nanos(1)).unwrap_or(self.closes)
    }

    pub fn contains(&self, instant: Timestamp) -> bool {
        self.opens <= instant && instant < self.closes
    }

    pub fn status(&self, now: Timestamp) -> ConsultationStatus {
        if now < self.opens {
            ConsultationStatus::Upcoming
        } else if now < self.closes {
            ConsultationStatus::Open
        } else {
            ConsultationStatus::Closed
        }
    }
}

/// A consultation as recorded.
#[derive(Debug, Clone)]
pub struct Consultation {
    pub id: ConsultationId,
    pub slug: Slug,
    /// The language its texts were first written in, shown when no translation exists.
    pub original_language: Language,
    pub title: Localized,
    pub description: Localized,
    /// The decision that calls for the consultation (for example ECOSOC resolution 2010/2).
    pub mandate: Option<String>,
    pub period: Period,
    pub time_zone: TimeZone,
    pub questions: Vec<Localized>,
    /// Demonstration data: invented entities and texts, labelled as such on every page.
    pub is_example: bool,
}

impl Consultation {
    pub fn status(&self, now: Timestamp) -> ConsultationStatus {
        self.period.status(now)
    }
}

/// What it takes to open a consultation.
#[derive(Debug, Clone)]
pub struct NewConsultation {
    pub slug: Slug,
    pub original_language: Language,
    pub title: Localized,
    pub description: Localized,
    pub mandate: Option<String>,
    pub period: Period,
    pub time_zone: TimeZone,
    pub questions: Vec<Localized>,
    pub is_example: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("test timestamp")
    }

    #[test]
    fn status_follows_the_period() {
        let period = Period::new(ts("2010-09-01T00:00:00Z"), ts("2011-01-01T00:00:00Z")).expect("period");
        assert_eq!(period.status(ts("2010-08-31T23:59:59Z")), ConsultationStatus::Upcoming);
        assert_eq!(period.status(ts("2010-09-01T00:00:00Z")), ConsultationStatus::Open);
        assert_eq!(period.status(ts("2010-12-31T23:59:59Z")), ConsultationStatus::Open);
        assert_eq!(period.status(ts("2011-01-01T00:00:00Z")), ConsultationStatus::Closed);
        assert!(period.contains(ts("2010-12-14T15:00:00Z")));
        assert!(!period.contains(ts("2011-01-01T00:00:00Z")));
    }

    #[test]
    fn a_period_that_closes_before_it_opens_is_refused() {
        assert!(Period::new(ts("2011-01-01T00:00:00Z"), ts("2010-09-01T00:00:00Z")).is_err());
        assert!(Period::new(ts("2011-01-01T00:00:00Z"), ts("2011-01-01T00:00:00Z")).is_err());
    }

    #[test]
    fn slugs_are_checked() {
        assert!("enhanced-cooperation-2010".parse::<Slug>().is_ok());
        for bad in ["", "-x", "Enhanced", "a b", "é", &"x".repeat(81)] {
            assert!(bad.parse::<Slug>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn localized_text_falls_back() {
        let fr: Language = "fr".parse().expect("fr");
        let text = Localized::new(&fr, "Coopération renforcée");
        assert_eq!(text.get("en", "fr"), "Coopération renforcée");
        assert_eq!(text.language_of("en", "fr"), "fr");
        assert_eq!(text.get("es", "en"), "Coopération renforcée");
    }
}
