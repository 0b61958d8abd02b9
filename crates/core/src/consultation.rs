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
    pub record: NewConsultation,
}

impl Consultation {
    pub fn status(&self, now: Timestamp) -> ConsultationStatus {
        self.record.period.status(now)
    }
}

/// What it takes to open a consultation, and what is recorded of it.
#[derive(Debug, Clone)]
pub struct NewConsultation {
    pub slug: Slug,
    /// The language its texts were first written in, shown when no translation exists.
    pub original_language: Language,
    pub title: Localized,
    pub description: Localized,
    /// The decision that calls for the consultation (for example ECOSOC resolution 2010/2);
    /// empty when none is given.
    pub mandate: Localized,
    pub period: Period,
    pub time_zone: TimeZone,
    pub questions: Vec<Localized>,
    /// Demonstration data: invented entities and texts, labelled as such on every page.
    pub is_example: bool,
    /// Whether the public may send unverified contributions; if not, only signed-in focal
    /// points (invited) contribute.
    pub unverified_allowed: bool,
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

/// A consultation as typed on the command line or in a form, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct ConsultationDraft {
    pub slug: String,
    pub original_language: String,
    /// Texts by language tag.
    pub title: Vec<(String, String)>,
    pub description: Vec<(String, String)>,
    pub mandate: Vec<(String, String)>,
    /// A date (the period opens at its start) or a date-time, in `time_zone`.
    pub opens: String,
    /// A date (the period includes the whole day) or a date-time, in `time_zone`.
    pub closes: String,
    pub time_zone: String,
    pub questions: Vec<Vec<(String, String)>>,
    pub is_example: bool,
    /// Contributions only from signed-in focal points.
    pub verified_only: bool,
}

/// What is wrong with a draft, and in which field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct DraftError {
    pub field: &'static str,
    pub problem: DraftProblem,
}

/// What can be wrong with a field of a draft. `message` names the i18n message that says so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftProblem {
    #[error("'{0}' is not a slug")]
    Slug(String),
    #[error("'{0}' is not a language tag")]
    Language(String),
    #[error("the title is empty")]
    EmptyTitle,
    #[error("'{0}' is not a time zone")]
    TimeZone(String),
    #[error("'{0}' is not a date")]
    Date(String),
    #[error("the period closes before it opens")]
    EmptyPeriod,
    #[error("one translation is needed for each of the {0} guiding questions")]
    QuestionCount(usize),
}

impl DraftProblem {
    /// The message key and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            DraftProblem::Slug(value) => ("draft-slug", vec![("value", value.clone())]),
            DraftProblem::Language(value) => ("draft-language", vec![("value", value.clone())]),
            DraftProblem::EmptyTitle => ("draft-empty-title", vec![]),
            DraftProblem::TimeZone(value) => (
                "draft-time-zone",
                vec![("value", value.clone()), ("nearest", crate::time::nearest_zones(value, 3).join(", "))],
            ),
            DraftProblem::Date(value) => ("draft-date", vec![("value", value.clone())]),
            DraftProblem::EmptyPeriod => ("draft-empty-period", vec![]),
            DraftProblem::QuestionCount(count) => ("draft-question-count", vec![("count", count.to_string())]),
        }
    }
}

impl ConsultationDraft {
    pub fn check(&self) -> Result<NewConsultation, DraftError> {
        use crate::time::{DayBoundary, parse_instant, time_zone};
        let fail = |field: &'static str, problem: DraftProblem| DraftError { field, problem };
        let slug: Slug = self.slug.parse().map_err(|_| fail("slug", DraftProblem::Slug(self.slug.clone())))?;
        let original_language: Language = self
            .original_language
            .parse()
            .map_err(|_| fail("original_language", DraftProblem::Language(self.original_language.clone())))?;
        let localized = |field: &'static str, pairs: &[(String, String)]| -> Result<Localized, DraftError> {
            let mut text = Localized::default();
            for (language, value) in pairs {
                let language: Language =
                    language.parse().map_err(|_| fail(field, DraftProblem::Language(language.clone())))?;
                if !value.trim().is_empty() {
                    text.set(&language, value.trim());
                }
            }
            Ok(text)
        };
        let title = localized("title", &self.title)?;
        if title.is_empty() {
            return Err(fail("title", DraftProblem::EmptyTitle));
        }
        let zone = time_zone(&self.time_zone)
            .map_err(|_| fail("time_zone", DraftProblem::TimeZone(self.time_zone.clone())))?;
        let opens = parse_instant(&self.opens, &zone, DayBoundary::Start)
            .map_err(|_| fail("opens", DraftProblem::Date(self.opens.clone())))?;
        let closes = parse_instant(&self.closes, &zone, DayBoundary::End)
            .map_err(|_| fail("closes", DraftProblem::Date(self.closes.clone())))?;
        let period = Period::new(opens, closes).map_err(|_| fail("closes", DraftProblem::EmptyPeriod))?;
        let questions = self
            .questions
            .iter()
            .map(|q| localized("questions", q))
            .filter(|q| !matches!(q, Ok(text) if text.is_empty()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(NewConsultation {
            slug,
            original_language,
            title,
            description: localized("description", &self.description)?,
            mandate: localized("mandate", &self.mandate)?,
            period,
            time_zone: zone,
            questions,
            is_example: self.is_example,
            unverified_allowed: !self.verified_only,
        })
    }
}

/// A consultation's texts in one more language (or corrected in one it has).
#[derive(Debug, Clone, Default)]
pub struct Translation {
    pub language: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub mandate: Option<String>,
    /// One for each guiding question, in order; empty to leave the questions as they are.
    pub questions: Vec<String>,
}

impl NewConsultation {
    /// Adds or replaces the texts of one language.
    pub fn translate(&mut self, translation: &Translation) -> Result<(), DraftError> {
        let language: Language = translation
            .language
            .parse()
            .map_err(|_| DraftError { field: "lang", problem: DraftProblem::Language(translation.language.clone()) })?;
        if !translation.questions.is_empty() && translation.questions.len() != self.questions.len() {
            return Err(DraftError { field: "question", problem: DraftProblem::QuestionCount(self.questions.len()) });
        }
        let text = |t: &Option<String>| t.as_ref().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        if let Some(title) = text(&translation.title) {
            self.title.set(&language, title);
        }
        if let Some(description) = text(&translation.description) {
            self.description.set(&language, description);
        }
        if let Some(mandate) = text(&translation.mandate) {
            self.mandate.set(&language, mandate);
        }
        for (question, text) in self.questions.iter_mut().zip(&translation.questions) {
            if !text.trim().is_empty() {
                question.set(&language, text.trim());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod draft_tests {
    use super::*;

    fn draft() -> ConsultationDraft {
        ConsultationDraft {
            slug: "ec-2010".into(),
            original_language: "en".into(),
            title: vec![("en".into(), "Enhanced cooperation".into())],
            opens: "2010-09-01".into(),
            closes: "2010-12-31".into(),
            time_zone: "America/New_York".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_draft_gives_a_period_in_its_zone() {
        let consultation = draft().check().expect("valid");
        assert_eq!(consultation.period.opens(), "2010-09-01T04:00:00Z".parse::<Timestamp>().expect("ts"));
        assert_eq!(consultation.period.closes(), "2011-01-01T05:00:00Z".parse::<Timestamp>().expect("ts"));
    }

    #[test]
    fn a_translation_adds_a_language_and_keeps_the_others() {
        let mut draft = draft();
        draft.questions = vec![vec![("en".into(), "Which issues?".into())]];
        let mut consultation = draft.check().expect("valid");
        let french = Translation {
            language: "fr".into(),
            title: Some("Coopération renforcée".into()),
            questions: vec!["Quelles questions ?".into()],
            ..Default::default()
        };
        consultation.translate(&french).expect("translated");
        assert_eq!(consultation.title.get("fr", "en"), "Coopération renforcée");
        assert_eq!(consultation.title.get("en", "en"), "Enhanced cooperation");
        assert_eq!(consultation.questions[0].get("fr", "en"), "Quelles questions ?");
        let too_many =
            Translation { language: "es".into(), questions: vec!["a".into(), "b".into()], ..Default::default() };
        assert_eq!(consultation.translate(&too_many).map_err(|e| e.field), Err("question"));
    }

    #[test]
    fn each_bad_field_is_named() {
        type Spoil = fn(&mut ConsultationDraft);
        let cases: [(&str, Spoil); 6] = [
            ("slug", |d| d.slug = "Bad Slug".into()),
            ("title", |d| d.title.clear()),
            ("opens", |d| d.opens = "1 Sept".into()),
            ("closes", |d| d.closes = "2010-08-01".into()),
            ("time_zone", |d| d.time_zone = "Nowhere/Land".into()),
            ("original_language", |d| d.original_language = "!!".into()),
        ];
        for (field, spoil) in cases {
            let mut d = draft();
            spoil(&mut d);
            assert_eq!(d.check().map_err(|e| e.field).err(), Some(field));
        }
    }
}
