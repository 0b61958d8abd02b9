//! The public-policy issues a consultation raises (seeds/003 §17, seeds/004 §43, §48) and the
//! cooperation mechanisms that handle them (seeds/003 §19, §21, §27): the taxonomy, the matrix
//! issue × mechanism, and the gaps it leaves. The starting taxonomy is compiled in from `data/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use crate::consultation::Localized;

const ISSUES_CSV: &str = include_str!("../data/issues.csv");
const MECHANISMS_CSV: &str = include_str!("../data/mechanisms.csv");
const ISSUE_MECHANISMS_CSV: &str = include_str!("../data/issue_mechanisms.csv");

/// The languages every issue and mechanism must be named in; the starting taxonomy names them in
/// all six UN languages, and a name missing in another language reads the English one.
pub const REQUIRED_LANGUAGES: [&str; 2] = ["en", "fr"];

/// An identifier of the taxonomy (`privacy`, `council_of_europe`): lower-case ASCII letters,
/// digits and '_', as it appears in files and URLs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct TaxonomyId(String);

pub type IssueId = TaxonomyId;
pub type MechanismId = TaxonomyId;

impl TaxonomyId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for TaxonomyId {
    type Err = TaxonomyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let valid = !s.is_empty()
            && s.len() <= 64
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && s.as_bytes()[0].is_ascii_lowercase();
        if valid { Ok(Self(s.to_owned())) } else { Err(TaxonomyError::Id(s.to_owned())) }
    }
}

impl fmt::Display for TaxonomyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a mechanism acts, or where an issue needs one (seeds/003 §27).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Global,
    Regional,
    National,
}

/// What a mechanism does about an issue (seeds/003 §19).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Function {
    Legal,
    Normative,
    Administrative,
}

macro_rules! keyword_enum {
    ($type:ident, $error:ident, $($variant:ident => $text:literal),+) => {
        impl $type {
            pub const ALL: &'static [$type] = &[$($type::$variant),+];

            /// The identifier in files and forms, and the suffix of its i18n key.
            pub fn as_str(self) -> &'static str {
                match self { $($type::$variant => $text),+ }
            }
        }

        impl FromStr for $type {
            type Err = TaxonomyError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s.trim() {
                    $($text => Ok($type::$variant),)+
                    other => Err(TaxonomyError::$error(other.to_owned())),
                }
            }
        }
    };
}

keyword_enum!(Level, Level, Global => "global", Regional => "regional", National => "national");
keyword_enum!(Function, Function, Legal => "legal", Normative => "normative", Administrative => "administrative");

/// A node of the issue taxonomy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub id: IssueId,
    /// The name, in English and French at least.
    pub label: Localized,
    /// Words and phrases that suggest the issue, by language (matched in any contribution,
    /// without regard to case or accents).
    pub terms: BTreeMap<String, Vec<String>>,
    /// The level at which the issue needs a mechanism.
    pub needed_level: Level,
}

/// An institution or process that handles issues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mechanism {
    pub id: MechanismId,
    pub acronym: Localized,
    pub name: Localized,
    pub level: Level,
    pub functions: BTreeSet<Function>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaxonomyError {
    #[error("'{0}' is not an identifier (lower-case letters, digits and '_', starting with a letter)")]
    Id(String),
    #[error("unknown level '{0}' (expected global, regional or national)")]
    Level(String),
    #[error("unknown function '{0}' (expected legal, normative or administrative)")]
    Function(String),
    #[error("the name in '{0}' is missing")]
    MissingName(&'static str),
    #[error("the name in '{0}' is longer than 200 characters")]
    LongName(&'static str),
}

impl TaxonomyError {
    /// The message key and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            TaxonomyError::Id(value) => ("taxonomy-id", vec![("value", value.clone())]),
            TaxonomyError::Level(value) => ("taxonomy-level", vec![("value", value.clone())]),
            TaxonomyError::Function(value) => ("taxonomy-function", vec![("value", value.clone())]),
            TaxonomyError::MissingName(language) => {
                ("taxonomy-missing-name", vec![("language", (*language).to_owned())])
            }
            TaxonomyError::LongName(language) => ("taxonomy-long-name", vec![("language", (*language).to_owned())]),
        }
    }
}

impl Issue {
    /// Checks what the secretariat gives for an issue: an identifier, a label in each required
    /// language, a level, and terms (one per line or separated by ';').
    pub fn check(
        id: &str,
        labels: &[(&str, &str)],
        terms: &[(&str, &str)],
        needed_level: &str,
    ) -> Result<Issue, Vec<TaxonomyError>> {
        let mut problems = Vec::new();
        let id = id.parse().map_err(|e| problems.push(e)).ok();
        let label = check_names(labels, &mut problems);
        let needed_level = needed_level.parse().map_err(|e| problems.push(e)).ok();
        let terms = terms
            .iter()
            .map(|(language, list)| ((*language).to_owned(), split_list(list)))
            .filter(|(_, list)| !list.is_empty())
            .collect();
        match (id, needed_level) {
            (Some(id), Some(needed_level)) if problems.is_empty() => Ok(Issue { id, label, terms, needed_level }),
            _ => Err(problems),
        }
    }

    /// Every term with its language.
    pub fn all_terms(&self) -> impl Iterator<Item = (&str, &str)> {
        self.terms.iter().flat_map(|(language, terms)| terms.iter().map(move |t| (language.as_str(), t.as_str())))
    }
}

impl Mechanism {
    /// Checks what the secretariat gives for a mechanism.
    pub fn check(
        id: &str,
        acronyms: &[(&str, &str)],
        names: &[(&str, &str)],
        level: &str,
        functions: &[&str],
    ) -> Result<Mechanism, Vec<TaxonomyError>> {
        let mut problems = Vec::new();
        let id = id.parse().map_err(|e| problems.push(e)).ok();
        let name = check_names(names, &mut problems);
        let acronym = Localized::from_pairs(
            acronyms.iter().map(|(l, a)| (*l, a.trim())).filter(|(_, a)| !a.is_empty()).collect::<Vec<_>>(),
        );
        let level = level.parse().map_err(|e| problems.push(e)).ok();
        let functions = functions.iter().filter_map(|f| f.parse().map_err(|e| problems.push(e)).ok()).collect();
        match (id, level) {
            (Some(id), Some(level)) if problems.is_empty() => Ok(Mechanism { id, acronym, name, level, functions }),
            _ => Err(problems),
        }
    }

    /// The short name in `language` (the acronym if there is one).
    pub fn short_name(&self, language: &str) -> &str {
        let acronym = self.acronym.get(language, "en");
        if acronym.is_empty() { self.name.get(language, "en") } else { acronym }
    }
}

fn check_names(names: &[(&str, &str)], problems: &mut Vec<TaxonomyError>) -> Localized {
    for required in REQUIRED_LANGUAGES {
        match names.iter().find(|(language, _)| *language == required).map(|(_, n)| n.trim()) {
            None | Some("") => problems.push(TaxonomyError::MissingName(required)),
            Some(name) if name.chars().count() > 200 => problems.push(TaxonomyError::LongName(required)),
            Some(_) => {}
        }
    }
    Localized::from_pairs(names.iter().map(|(l, n)| (*l, n.trim())).filter(|(_, n)| !n.is_empty()).collect::<Vec<_>>())
}

/// A list typed as lines or separated by ';', without blanks or repeats.
pub fn split_list(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    text.split(['\n', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .map(str::to_owned)
        .collect()
}

/// Which mechanisms handle which issues.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix(BTreeSet<(IssueId, MechanismId)>);

impl Matrix {
    pub fn new(pairs: impl IntoIterator<Item = (IssueId, MechanismId)>) -> Matrix {
        Matrix(pairs.into_iter().collect())
    }

    pub fn handles(&self, mechanism: &MechanismId, issue: &IssueId) -> bool {
        self.0.contains(&(issue.clone(), mechanism.clone()))
    }

    pub fn pairs(&self) -> impl Iterator<Item = &(IssueId, MechanismId)> {
        self.0.iter()
    }

    /// The mechanisms that handle `issue`, in the order of `mechanisms`.
    pub fn mechanisms_for<'a>(&self, issue: &IssueId, mechanisms: &'a [Mechanism]) -> Vec<&'a Mechanism> {
        mechanisms.iter().filter(|m| self.handles(&m.id, issue)).collect()
    }
}

/// Why an issue is a gap: no mechanism at all, or none at the level it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    NoMechanism,
    NotAtNeededLevel,
}

/// The issues no mechanism handles, or none at the level they need (seeds/003 §9, §19, §27), in
/// the taxonomy's order.
pub fn gaps<'a>(issues: &'a [Issue], mechanisms: &[Mechanism], matrix: &Matrix) -> Vec<(&'a Issue, Gap)> {
    issues
        .iter()
        .filter_map(|issue| {
            let handling = matrix.mechanisms_for(&issue.id, mechanisms);
            if handling.is_empty() {
                Some((issue, Gap::NoMechanism))
            } else if !handling.iter().any(|m| m.level == issue.needed_level) {
                Some((issue, Gap::NotAtNeededLevel))
            } else {
                None
            }
        })
        .collect()
}

/// The taxonomy a new store starts with: issues, mechanisms and the matrix, from `data/`.
pub fn starting_taxonomy() -> (Vec<Issue>, Vec<Mechanism>, Matrix) {
    // The files are compiled in and checked by the tests below, so a failure is a build defect.
    parse_taxonomy().expect("the embedded taxonomy files are valid")
}

fn parse_taxonomy() -> Result<(Vec<Issue>, Vec<Mechanism>, Matrix), String> {
    let rows = |text: &'static str| {
        csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(text.as_bytes())
            .into_records()
            .enumerate()
            .map(|(row, record)| record.map_err(|e| format!("row {}: {e}", row + 1)))
    };
    let mut issues = Vec::new();
    for record in rows(ISSUES_CSV) {
        let r = record?;
        let f = |i| r.get(i).unwrap_or_default();
        let labels = [("en", f(2)), ("fr", f(3)), ("es", f(7)), ("ru", f(8)), ("ar", f(9)), ("zh", f(10))];
        let issue = Issue::check(f(0), &labels, &[("en", f(4)), ("fr", f(5)), ("es", f(6))], f(1))
            .map_err(|e| format!("issues.csv {}: {e:?}", f(0)))?;
        issues.push(issue);
    }
    let mut mechanisms = Vec::new();
    for record in rows(MECHANISMS_CSV) {
        let r = record?;
        let f = |i| r.get(i).unwrap_or_default();
        let functions: Vec<&str> = f(2).split(';').filter(|s| !s.is_empty()).collect();
        // acronym_en, acronym_fr, name_en, name_fr, then acronym and name in es, ru, ar and zh.
        let later = ["es", "ru", "ar", "zh"].into_iter().enumerate();
        let acronyms: Vec<_> =
            [("en", f(3)), ("fr", f(4))].into_iter().chain(later.clone().map(|(i, l)| (l, f(7 + 2 * i)))).collect();
        let names: Vec<_> =
            [("en", f(5)), ("fr", f(6))].into_iter().chain(later.map(|(i, l)| (l, f(8 + 2 * i)))).collect();
        let mechanism = Mechanism::check(f(0), &acronyms, &names, f(1), &functions)
            .map_err(|e| format!("mechanisms.csv {}: {e:?}", f(0)))?;
        mechanisms.push(mechanism);
    }
    let mut pairs = Vec::new();
    for record in rows(ISSUE_MECHANISMS_CSV) {
        let r = record?;
        let issue: IssueId = r.get(0).unwrap_or_default().parse().map_err(|e| format!("{e}"))?;
        let mechanism: MechanismId = r.get(1).unwrap_or_default().parse().map_err(|e| format!("{e}"))?;
        if !issues.iter().any(|i| i.id == issue) || !mechanisms.iter().any(|m| m.id == mechanism) {
            return Err(format!("issue_mechanisms.csv names an unknown issue or mechanism: {issue}, {mechanism}"));
        }
        pairs.push((issue, mechanism));
    }
    Ok((issues, mechanisms, Matrix::new(pairs)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starting_taxonomy_holds_the_seeds_issues_and_mechanisms() {
        let (issues, mechanisms, matrix) = parse_taxonomy().expect("valid");
        let ids: Vec<&str> = issues.iter().map(|i| i.id.as_str()).collect();
        // seeds/003 §17 and seeds/004 §43, §48.
        for id in ["cybersecurity", "cybercrime", "spam", "privacy", "freedom_of_expression", "human_rights"] {
            assert!(ids.contains(&id), "{id}");
        }
        assert!(issues.iter().all(|i| i.label.get("fr", "en") != i.label.get("en", "fr")), "French labels");
        let short: Vec<&str> = mechanisms.iter().map(|m| m.short_name("en")).collect();
        for name in ["UNGA", "ECOSOC", "CSTD", "IGF", "ITU", "UNESCO", "WIPO", "UNCITRAL", "OECD", "CoE", "ICANN"] {
            assert!(short.contains(&name), "{name}");
        }
        for name in ["IETF", "RIRs", "ISOC", "W3C"] {
            assert!(short.contains(&name), "{name}");
        }
        assert!(matrix.pairs().count() > 30);
    }

    #[test]
    fn the_starting_taxonomy_is_named_in_the_six_languages() {
        let (issues, mechanisms, _) = parse_taxonomy().expect("valid");
        for language in ["en", "fr", "es", "ru", "ar", "zh"] {
            let unnamed: Vec<_> =
                issues.iter().filter(|i| i.label.language_of(language, "") != language).map(|i| &i.id).collect();
            assert!(unnamed.is_empty(), "issues without a name in {language}: {unnamed:?}");
            let unnamed: Vec<_> =
                mechanisms.iter().filter(|m| m.name.language_of(language, "") != language).map(|m| &m.id).collect();
            assert!(unnamed.is_empty(), "mechanisms without a name in {language}: {unnamed:?}");
        }
        let privacy = issues.iter().find(|i| i.id.as_str() == "privacy").expect("privacy");
        assert_eq!(privacy.label.get("ar", "en"), "الخصوصية والبيانات الشخصية");
        assert_eq!(privacy.label.get("zh", "en"), "隐私和个人数据");
        assert_eq!(privacy.label.get("ru", "en"), "Неприкосновенность частной жизни и персональные данные");
        let itu = mechanisms.iter().find(|m| m.id.as_str() == "itu").expect("itu");
        assert_eq!(itu.short_name("es"), "UIT");
        assert_eq!(itu.short_name("ru"), "МСЭ");
    }

    #[test]
    fn gaps_are_issues_without_a_mechanism_or_without_one_at_their_level() {
        let (issues, mechanisms, matrix) = starting_taxonomy();
        let gaps = gaps(&issues, &mechanisms, &matrix);
        let find = |id: &str| gaps.iter().find(|(i, _)| i.id.as_str() == id).map(|(_, g)| *g);
        assert_eq!(find("interconnection_costs"), Some(Gap::NoMechanism));
        assert_eq!(find("cybercrime"), Some(Gap::NotAtNeededLevel));
        assert_eq!(find("critical_internet_resources"), None);
    }

    #[test]
    fn bad_input_names_every_problem() {
        let problems = Issue::check("Bad Id", &[("en", "Spam")], &[], "planetary").expect_err("refused");
        assert_eq!(
            problems,
            [
                TaxonomyError::Id("Bad Id".into()),
                TaxonomyError::MissingName("fr"),
                TaxonomyError::Level("planetary".into())
            ]
        );
        let issue =
            Issue::check("spam", &[("en", "Spam"), ("fr", "Spam")], &[("en", "spam; junk mail\nspam")], "global")
                .expect("valid");
        assert_eq!(issue.terms["en"], ["spam", "junk mail"]);
    }
}
