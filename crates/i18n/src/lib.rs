//! Consulta's translations. Every string a person reads is a Fluent message in `locales/<lang>.ftl`,
//! looked up by key; this crate picks the language (from a choice, an `Accept-Language` header or
//! the environment) and formats the message.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The interface languages, the six official languages of the United Nations, the first being
/// the fallback; the others in the order of the UN's own sites (Arabic, Chinese, French, Russian,
/// Spanish), which is alphabetical by English name.
pub const LANGUAGES: [&str; 6] = ["en", "ar", "zh", "fr", "ru", "es"];

const SOURCES: [(&str, &str); 6] = [
    ("en", include_str!("../locales/en.ftl")),
    ("ar", include_str!("../locales/ar.ftl")),
    ("zh", include_str!("../locales/zh.ftl")),
    ("fr", include_str!("../locales/fr.ftl")),
    ("ru", include_str!("../locales/ru.ftl")),
    ("es", include_str!("../locales/es.ftl")),
];

struct Catalogue {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let bundles = SOURCES
            .iter()
            .map(|(language, source)| {
                // The files are compiled in and parsed by the tests below: a failure here is a
                // build defect, not bad input.
                let resource = FluentResource::try_new((*source).to_owned()).expect("the .ftl files parse");
                let id: LanguageIdentifier = language.parse().expect("the language ids parse");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Isolation marks would end up in terminals and CSV files.
                bundle.set_use_isolating(false);
                bundle.add_resource(resource).expect("no message is defined twice");
                (*language, bundle)
            })
            .collect();
        Catalogue { bundles }
    })
}

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

/// Formats messages in one interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localizer {
    language: &'static str,
}

impl Default for Localizer {
    fn default() -> Self {
        Localizer { language: LANGUAGES[0] }
    }
}

/// The direction a language (its primary subtag) is written in: `rtl` for Arabic, Hebrew,
/// Persian and Urdu, `ltr` for the others.
pub fn direction_of(language: &str) -> &'static str {
    let primary = language.split(['-', '_']).next().unwrap_or(language);
    if ["ar", "he", "fa", "ur"].contains(&primary) { "rtl" } else { "ltr" }
}

impl Localizer {
    /// The localizer for `language` (a tag such as `fr` or `fr-CH`), or None if Consulta has no
    /// translation for it.
    pub fn for_language(language: &str) -> Option<Localizer> {
        let primary = language.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        LANGUAGES.iter().find(|l| **l == primary).map(|language| Localizer { language })
    }

    /// Chooses from an `Accept-Language` header, honouring its q-values; English when nothing
    /// in it is supported.
    pub fn negotiate(accept_language: &str) -> Localizer {
        let mut wanted: Vec<(f32, usize, &str)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(position, part)| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (q > 0.0 && !tag.is_empty()).then_some((q, position, tag))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        wanted.iter().find_map(|(_, _, tag)| Localizer::for_language(tag)).unwrap_or_default()
    }

    /// Chooses from the environment of a command-line session: `CONSULTA_LANG`, then the POSIX
    /// locale variables.
    pub fn from_environment(lookup: impl Fn(&str) -> Option<String>) -> Localizer {
        ["CONSULTA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| lookup(name))
            .find(|value| !value.is_empty())
            .and_then(|value| Localizer::for_language(&value))
            .unwrap_or_default()
    }

    pub fn language(&self) -> &'static str {
        self.language
    }

    /// The direction the interface language is written in: `rtl` for Arabic (and Hebrew, Persian
    /// and Urdu), `ltr` for the others; pages and reports declare it, and the stylesheet's
    /// logical properties follow it.
    pub fn direction(&self) -> &'static str {
        direction_of(self.language)
    }

    /// The message `key` without arguments.
    pub fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The message `key` with arguments. A key missing from this language falls back to
    /// English, and a key missing everywhere shows itself, so a gap is visible but never fatal.
    pub fn format(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let catalogue = catalogue();
        for language in [self.language, LANGUAGES[0]] {
            let Some(bundle) = catalogue.bundles.get(language) else { continue };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else { continue };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
            // A message given fewer arguments than it names shows `{$name}` to a person: every
            // test that formats it fails here, so no such call ships.
            debug_assert!(errors.is_empty(), "message {key} in {language}: {errors:?}");
            return text;
        }
        key.to_owned()
    }

    /// A civil date as people write it in this language ("14 December 2010", "14 décembre 2010").
    pub fn date(&self, date: jiff::civil::Date) -> String {
        self.format(
            "date-long",
            &[
                ("day", Arg::Number(f64::from(date.day()))),
                ("month", Arg::Text(self.text(&format!("month-{}", date.month())))),
                ("year", Arg::Text(date.year().to_string())),
            ],
        )
    }

    /// A date and time of day ("14 December 2010, 15:00").
    pub fn date_time(&self, moment: jiff::civil::DateTime) -> String {
        self.format(
            "date-time",
            &[("date", Arg::Text(self.date(moment.date()))), ("time", Arg::Text(moment.strftime("%H:%M").to_string()))],
        )
    }

    /// A size in bytes as people read it ("12.3 KiB", "25,0 Mio").
    pub fn file_size(&self, bytes: u64) -> String {
        let (key, value) = match bytes {
            0..1024 => ("size-bytes", bytes.to_string()),
            1024..1_048_576 => ("size-kib", format!("{:.1}", bytes as f64 / 1024.0)),
            _ => ("size-mib", format!("{:.1}", bytes as f64 / 1_048_576.0)),
        };
        let value = value.replace('.', &self.text("number-decimal-separator"));
        self.format(key, &[("n", Arg::Text(value))])
    }

    /// A whole number with its thousands grouped as this language writes them ("1,250,000",
    /// "1 250 000").
    pub fn whole_number(&self, n: u64) -> String {
        let digits = n.to_string();
        let separator = self.text("number-group-separator");
        let mut grouped = String::with_capacity(digits.len() * 2);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push_str(&separator);
            }
            grouped.push(digit);
        }
        grouped
    }

    /// Whether the message exists in this language (for optional labels such as a stakeholder
    /// group's description).
    pub fn has(&self, key: &str) -> bool {
        catalogue().bundles.get(self.language).is_some_and(|b| b.has_message(key))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn arabic_is_written_right_to_left() {
        assert_eq!(super::direction_of("ar"), "rtl");
        assert_eq!(super::direction_of("ar-EG"), "rtl");
        assert_eq!(super::direction_of("en"), "ltr");
        assert_eq!(super::direction_of("zh-Hans"), "ltr");
    }

    use super::*;

    fn keys(source: &str) -> Vec<String> {
        let resource = FluentResource::try_new(source.to_owned()).expect("parses");
        let mut keys: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let english = keys(SOURCES[0].1);
        for (language, source) in &SOURCES[1..] {
            let other = keys(source);
            let missing: Vec<_> = english.iter().filter(|k| !other.contains(k)).collect();
            let extra: Vec<_> = other.iter().filter(|k| !english.contains(k)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{language}: missing {missing:?}, extra {extra:?}");
        }
    }

    /// Each message's source text, by key.
    fn sources(source: &str) -> HashMap<String, String> {
        let mut messages: HashMap<String, String> = HashMap::new();
        let mut current: Option<String> = None;
        for line in source.lines() {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if starts_message {
                let key = line.split('=').next().unwrap_or_default().trim().to_owned();
                messages.insert(key.clone(), line.to_owned());
                current = Some(key);
            } else if line.starts_with('#') {
                current = None;
            } else if let Some(key) = &current {
                messages.entry(key.clone()).or_default().push_str(line);
            }
        }
        messages
    }

    /// The variables a message's text names (`{ $name }`).
    fn variables(text: &str) -> std::collections::BTreeSet<String> {
        text.split('$')
            .skip(1)
            .map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect())
            .collect()
    }

    #[test]
    fn translations_name_only_the_variables_english_is_given() {
        // A translation naming a variable the English message lacks would show `{$name}`: the
        // code passes only what English uses.
        let english = sources(SOURCES[0].1);
        for (language, source) in &SOURCES[1..] {
            for (key, text) in sources(source) {
                let given = variables(english.get(&key).map_or("", String::as_str));
                let named = variables(&text);
                let unknown: Vec<_> = named.difference(&given).collect();
                assert!(unknown.is_empty(), "{language} {key} names {unknown:?}, which English does not");
            }
        }
    }

    #[test]
    fn every_language_formats_every_message_with_englishs_arguments() {
        let english = sources(SOURCES[0].1);
        for language in LANGUAGES {
            let localizer = Localizer::for_language(language).expect("language");
            for (key, text) in &english {
                // Numbers for the counts and sizes a message selects on, text for the rest.
                let names = variables(text);
                let args: Vec<(&str, Arg)> = names.iter().map(|name| (name.as_str(), Arg::Number(3.0))).collect();
                let shown = localizer.format(key, &args);
                assert!(!shown.contains("{$") && !shown.contains("{ $"), "{language} {key}: {shown}");
                // A thousands separator may be a space of its own (French, Russian).
                let blank = if key == "number-group-separator" { shown.is_empty() } else { shown.trim().is_empty() };
                assert!(!blank || key == "entity-none", "{language} {key} is empty");
            }
        }
    }

    #[test]
    fn whole_numbers_are_grouped_as_each_language_writes_them() {
        let in_language = |language: &str, n: u64| Localizer::for_language(language).expect("language").whole_number(n);
        assert_eq!(in_language("en", 1_250_000), "1,250,000");
        assert_eq!(in_language("fr", 1_250_000), "1\u{202f}250\u{202f}000");
        assert_eq!(in_language("es", 45_000), "45.000");
        assert_eq!(
            (in_language("en", 0), in_language("en", 999), in_language("en", 1000)),
            ("0".into(), "999".into(), "1,000".into())
        );
    }

    #[test]
    fn each_language_is_named_in_its_own_language() {
        let names: Vec<String> = LANGUAGES
            .iter()
            .map(|l| Localizer::for_language(l).expect("language").text(&format!("language-name-{l}")))
            .collect();
        assert_eq!(names, ["English", "العربية", "中文", "Français", "Русский", "Español"]);
    }

    #[test]
    fn plural_rules_of_each_language_choose_the_form() {
        let ru = Localizer::for_language("ru").expect("ru");
        let size = |l: &Localizer, n: u64| l.format("campaign-size", &[("count", n.into())]);
        assert_eq!(size(&ru, 1), "1 материал");
        assert_eq!(size(&ru, 3), "3 материала");
        assert_eq!(size(&ru, 5), "5 материалов");
        assert_eq!(size(&ru, 21), "21 материал");
        let ar = Localizer::for_language("ar").expect("ar");
        assert_eq!(size(&ar, 2), "مساهمتان");
        assert_eq!(size(&ar, 3), "3 مساهمات");
        assert_eq!(size(&ar, 11), "11 مساهمة");
        let zh = Localizer::for_language("zh").expect("zh");
        assert_eq!(size(&zh, 1), "1 份意见");
        let es = Localizer::for_language("es").expect("es");
        assert_eq!(size(&es, 1), "una contribución");
        assert_eq!(es.date(jiff::civil::date(2010, 12, 14)), "14 de diciembre de 2010");
        assert_eq!(zh.date(jiff::civil::date(2010, 12, 14)), "2010年12月14日");
        assert_eq!(ar.date(jiff::civil::date(2010, 12, 14)), "14 كانون الأول/ديسمبر 2010");
    }

    #[test]
    fn files_parse_without_errors() {
        for (language, source) in SOURCES {
            assert!(FluentResource::try_new(source.to_owned()).is_ok(), "{language}.ftl has syntax errors");
        }
    }

    #[test]
    fn accept_language_is_negotiated_by_quality() {
        assert_eq!(Localizer::negotiate("fr-CH, fr;q=0.9, en;q=0.8").language(), "fr");
        assert_eq!(Localizer::negotiate("de, en;q=0.5, fr;q=0.7").language(), "fr");
        assert_eq!(Localizer::negotiate("de").language(), "en");
        assert_eq!(Localizer::negotiate("").language(), "en");
        assert_eq!(Localizer::negotiate("fr;q=0, en").language(), "en");
    }

    #[test]
    fn the_environment_chooses_for_the_command_line() {
        let env = |name: &str| (name == "LANG").then(|| "fr_FR.UTF-8".to_owned());
        assert_eq!(Localizer::from_environment(env).language(), "fr");
        assert_eq!(Localizer::from_environment(|_| None).language(), "en");
    }

    #[test]
    fn messages_take_arguments() {
        let fr = Localizer::for_language("fr").expect("fr");
        assert_eq!(fr.format("test-greeting", &[("name", "Genève".into())]), "Bonjour, Genève");
        assert_eq!(fr.text("no-such-key"), "no-such-key");
        let date = jiff::civil::date(2010, 12, 14);
        assert_eq!(fr.date(date), "14 décembre 2010");
        assert_eq!(Localizer::default().date_time(date.at(15, 0, 0, 0)), "14 December 2010, 15:00");
        assert_eq!(fr.file_size(25 * 1024 * 1024), "25,0 Mio");
        assert_eq!(Localizer::default().file_size(1536), "1.5 KiB");
        assert_eq!(Localizer::default().file_size(24), "24 B");
    }
}
