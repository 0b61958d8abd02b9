//! Instants as people write them in files and on the command line: RFC 3339, or a civil date or
//! date-time read in the consultation's time zone.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// Which end of a day a plain date stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayBoundary {
    /// Midnight at the start of the day: an opening date, or a submission date.
    Start,
    /// Midnight at the start of the next day: a closing date includes the whole day.
    End,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error(
        "'{0}' is not a date or time (expected RFC 3339 such as 2010-12-14T15:00:00Z, or a date such as 2010-12-14)"
    )]
    Unreadable(String),
    #[error("'{0}' does not exist in time zone {1}")]
    OutOfRange(String, String),
    #[error("'{0}' is not a time zone (expected an IANA name such as UTC, Europe/Zurich or America/New_York)")]
    UnknownTimeZone(String),
}

/// Reads an instant: an RFC 3339 time with its offset as it is, a civil date-time in `zone`, or
/// a civil date in `zone` at the given boundary.
pub fn parse_instant(text: &str, zone: &TimeZone, boundary: DayBoundary) -> Result<Timestamp, TimeError> {
    let trimmed = text.trim();
    let out_of_range = |_| TimeError::OutOfRange(trimmed.to_owned(), zone_name(zone).to_owned());
    if let Ok(timestamp) = trimmed.parse::<Timestamp>() {
        return Ok(timestamp);
    }
    // A civil date-time has a time part; a bare date does not.
    if trimmed.len() > 10 {
        if let Ok(civil) = trimmed.parse::<DateTime>() {
            return civil.to_zoned(zone.clone()).map(|z| z.timestamp()).map_err(out_of_range);
        }
    }
    let date = parse_date(trimmed)?;
    let day = match boundary {
        DayBoundary::Start => date,
        DayBoundary::End => date.tomorrow().map_err(out_of_range)?,
    };
    day.to_zoned(zone.clone()).map(|z| z.timestamp()).map_err(out_of_range)
}

/// Reads a civil date (`2010-12-14`).
pub fn parse_date(text: &str) -> Result<Date, TimeError> {
    let trimmed = text.trim();
    if trimmed.len() != 10 {
        return Err(TimeError::Unreadable(trimmed.to_owned()));
    }
    trimmed.parse::<Date>().map_err(|_| TimeError::Unreadable(trimmed.to_owned()))
}

/// Finds an IANA time zone by name.
pub fn time_zone(name: &str) -> Result<TimeZone, TimeError> {
    TimeZone::get(name.trim()).map_err(|_| TimeError::UnknownTimeZone(name.trim().to_owned()))
}

/// The `count` time zone names nearest to `name` as a person might have typed it (case, spaces
/// for underscores, a letter off), nearest first: what to suggest when `name` is not one.
pub fn nearest_zones(name: &str, count: usize) -> Vec<String> {
    let typed = name.trim().to_lowercase().replace(' ', "_");
    let mut names: Vec<(f64, String)> = jiff::tz::db()
        .available()
        .map(|zone| zone.to_string())
        .filter(|zone| zone.contains('/') && !zone.starts_with("Etc/"))
        .map(|zone| {
            let lower = zone.to_lowercase();
            // The whole name, or its city alone (`zurik` for `Europe/Zurich`).
            let city = lower.rsplit('/').next().unwrap_or(&lower).to_owned();
            let score = strsim::jaro_winkler(&typed, &lower).max(strsim::jaro_winkler(&typed, &city));
            (score, zone)
        })
        .collect();
    names.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    names.into_iter().take(count).map(|(_, zone)| zone).collect()
}

/// The IANA name of a zone, for storage and display.
pub fn zone_name(zone: &TimeZone) -> &str {
    zone.iana_name().unwrap_or("UTC")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> Timestamp {
        s.parse().expect("test timestamp")
    }

    #[test]
    fn rfc3339_keeps_its_offset() {
        let ny = time_zone("America/New_York").expect("zone");
        assert_eq!(
            parse_instant("2010-12-14T10:00:00+01:00", &ny, DayBoundary::Start),
            Ok(utc("2010-12-14T09:00:00Z"))
        );
    }

    #[test]
    fn plain_dates_are_read_in_the_zone() {
        let ny = time_zone("America/New_York").expect("zone");
        assert_eq!(parse_instant("2010-12-14", &ny, DayBoundary::Start), Ok(utc("2010-12-14T05:00:00Z")));
        assert_eq!(parse_instant("2010-12-31", &ny, DayBoundary::End), Ok(utc("2011-01-01T05:00:00Z")));
        assert_eq!(parse_instant("2010-12-14T09:30", &ny, DayBoundary::Start), Ok(utc("2010-12-14T14:30:00Z")));
    }

    #[test]
    fn nonsense_is_refused_with_what_was_expected() {
        let utc_zone = TimeZone::UTC;
        for bad in ["14/12/2010", "2010-13-01", "yesterday", "", "2010-12-14T25:00"] {
            let err = parse_instant(bad, &utc_zone, DayBoundary::Start);
            assert!(matches!(err, Err(TimeError::Unreadable(_)) | Err(TimeError::OutOfRange(..))), "{bad:?}: {err:?}");
        }
        assert!(time_zone("Mars/Olympus").is_err());
    }

    #[test]
    fn a_mistyped_zone_gets_the_nearest_names() {
        assert_eq!(nearest_zones("Europe/Zurik", 3).first().map(String::as_str), Some("Europe/Zurich"));
        assert_eq!(nearest_zones("america/new york", 1), vec!["America/New_York".to_owned()]);
        assert_eq!(nearest_zones("Geneva", 3).len(), 3);
        assert!(time_zone("Europe/Zurich").is_ok(), "the example the help gives is a zone");
    }
}
