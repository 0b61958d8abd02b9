//! Languages of contributions and of the interface, as validated BCP 47 tags.

use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

/// A BCP 47 language tag in canonical form (`fr`, `en-GB`, `zh-Hans`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Language(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a language tag (expected a BCP 47 tag such as en, fr or es-419)")]
pub struct LanguageError(pub String);

impl Language {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`fr` for `fr-CA`), which is what the interface and text
    /// analysis choose by.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// Text direction: the scripts Consulta knows to be written right to left.
    pub fn is_right_to_left(&self) -> bool {
        matches!(self.primary(), "ar" | "he" | "fa" | "ur" | "ps" | "dv" | "yi" | "ckb")
    }
}

impl FromStr for Language {
    type Err = LanguageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("und") {
            return Err(LanguageError(s.to_owned()));
        }
        let id: LanguageIdentifier = trimmed.parse().map_err(|_| LanguageError(s.to_owned()))?;
        Ok(Language(id.to_string()))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_canonicalised() {
        assert_eq!("FR".parse::<Language>().map(|l| l.0), Ok("fr".to_owned()));
        assert_eq!("en-gb".parse::<Language>().map(|l| l.0), Ok("en-GB".to_owned()));
        assert_eq!("zh-hans".parse::<Language>().map(|l| l.0), Ok("zh-Hans".to_owned()));
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in ["", "  ", "french!", "und", "e"] {
            assert!(bad.parse::<Language>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn arabic_is_right_to_left() {
        assert!("ar".parse::<Language>().is_ok_and(|l| l.is_right_to_left()));
        assert!("fr".parse::<Language>().is_ok_and(|l| !l.is_right_to_left()));
    }
}
