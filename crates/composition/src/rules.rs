//! Who may sit on a body and the rules its composition must meet, in the small declarative form
//! the secretariat writes, one rule a line (`#` starts a comment):
//!
//! ```text
//! total 42
//! exactly 22 group=government
//! at least 1 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government
//! exactly 5 group=private_sector
//! at most 1 per country
//! at least 50% development=developing,ldc where group=government
//! at least 40% gender=female
//! renew at most 50%
//! ```
//!
//! A filter is one or more conditions joined by `and`, each an attribute and the values it may
//! take (`group=academic,technical`). The parser is bounded (size, rules, values) and says what
//! is wrong with a line and where.

use serde::Serialize;

/// What a candidate is described by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// The stakeholder group (government, private_sector, …).
    Group,
    /// The UN regional group of the country.
    Region,
    /// Developed, developing or least developed (ldc).
    Development,
    Gender,
    /// ISO 3166-1 alpha-2.
    Country,
    /// Expertise tags (a candidate may have several).
    Expertise,
}

impl Attribute {
    pub const ALL: [Attribute; 6] = [
        Attribute::Group,
        Attribute::Region,
        Attribute::Development,
        Attribute::Gender,
        Attribute::Country,
        Attribute::Expertise,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::Group => "group",
            Attribute::Region => "region",
            Attribute::Development => "development",
            Attribute::Gender => "gender",
            Attribute::Country => "country",
            Attribute::Expertise => "expertise",
        }
    }
}

impl std::str::FromStr for Attribute {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Attribute::ALL.into_iter().find(|a| a.as_str() == s).ok_or(())
    }
}

/// Whether the solver must seat a candidate, must leave them out, or is free to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pin {
    #[default]
    Free,
    In,
    Out,
}

impl Pin {
    pub const ALL: [Pin; 3] = [Pin::Free, Pin::In, Pin::Out];

    pub fn as_str(self) -> &'static str {
        match self {
            Pin::Free => "free",
            Pin::In => "in",
            Pin::Out => "out",
        }
    }
}

impl std::str::FromStr for Pin {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pin::ALL.into_iter().find(|p| p.as_str() == s).ok_or(())
    }
}

/// A person who may sit on the body: a nomination, or a member seated now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Candidate {
    /// Their attributes; an attribute may appear more than once (expertise).
    pub attributes: Vec<(Attribute, String)>,
    /// A member now: renewal rules and the objective of keeping members count them.
    pub seated: bool,
    /// Their nominator's order of preference (1 first); 0 when none was given.
    pub priority: u32,
    pub pin: Pin,
}

impl Candidate {
    /// Their values of `attribute`.
    pub fn values(&self, attribute: Attribute) -> impl Iterator<Item = &str> {
        self.attributes.iter().filter(move |(a, _)| *a == attribute).map(|(_, v)| v.as_str())
    }

    pub fn has(&self, attribute: Attribute, value: &str) -> bool {
        self.values(attribute).any(|v| v == value)
    }
}

/// Who a rule counts: everyone, or those meeting every condition (an attribute taking one of
/// the values listed).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Filter(pub Vec<(Attribute, Vec<String>)>);

impl Filter {
    pub fn admits(&self, candidate: &Candidate) -> bool {
        self.0.iter().all(|(attribute, values)| values.iter().any(|v| candidate.has(*attribute, v)))
    }

    pub fn is_everyone(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let conditions: Vec<String> =
            self.0.iter().map(|(attribute, values)| format!("{}={}", attribute.as_str(), values.join(","))).collect();
        write!(f, "{}", conditions.join(" and "))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "n")]
pub enum Bound {
    AtLeast(u32),
    AtMost(u32),
    Exactly(u32),
}

impl Bound {
    pub fn admits(self, count: u32) -> bool {
        match self {
            Bound::AtLeast(n) => count >= n,
            Bound::AtMost(n) => count <= n,
            Bound::Exactly(n) => count == n,
        }
    }

    pub fn n(self) -> u32 {
        match self {
            Bound::AtLeast(n) | Bound::AtMost(n) | Bound::Exactly(n) => n,
        }
    }
}

impl std::fmt::Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bound::AtLeast(n) => write!(f, "at least {n}"),
            Bound::AtMost(n) => write!(f, "at most {n}"),
            Bound::Exactly(n) => write!(f, "exactly {n}"),
        }
    }
}

/// One rule of a body's composition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Rule {
    /// The body's size.
    Total { seats: u32 },
    /// How many members of those the filter admits.
    Count { bound: Bound, filter: Filter },
    /// How many members of each value of an attribute (every regional group at least 1; at most
    /// one per country), among those the filter admits. `values` lists the values counted (an
    /// `at least` rule needs them: a value no candidate has must still be counted); empty, the
    /// values the candidates have.
    PerValue { bound: Bound, attribute: Attribute, values: Vec<String>, filter: Filter },
    /// A share of the body, in per cent, of those `of` admits (the whole body when it admits
    /// everyone) that `filter` admits too.
    Share { at_least: bool, percent: u32, filter: Filter, of: Filter },
    /// At most this share of the seats changes hands: members seated now left out, in per cent
    /// of the body's size (terms staggered so that at most half the members change in a year).
    Renewal { percent: u32 },
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let among = |filter: &Filter| if filter.is_everyone() { String::new() } else { format!(" where {filter}") };
        match self {
            Rule::Total { seats } => write!(f, "total {seats}"),
            Rule::Count { bound, filter } => write!(f, "{bound} {filter}"),
            Rule::PerValue { bound, attribute, values, filter } => {
                let listed = if values.is_empty() { String::new() } else { format!(" in {}", values.join(",")) };
                write!(f, "{bound} per {}{listed}{}", attribute.as_str(), among(filter))
            }
            Rule::Share { at_least, percent, filter, of } => {
                let bound = if *at_least { "at least" } else { "at most" };
                write!(f, "{bound} {percent}% {filter}{}", among(of))
            }
            Rule::Renewal { percent } => write!(f, "renew at most {percent}%"),
        }
    }
}

/// A body's rules, each with the line it was written on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleSet {
    pub rules: Vec<(usize, Rule)>,
}

impl RuleSet {
    /// The body's size, if a rule sets it.
    pub fn seats(&self) -> Option<u32> {
        self.rules.iter().find_map(|(_, r)| match r {
            Rule::Total { seats } => Some(*seats),
            _ => None,
        })
    }

    /// The rules written back as text, one a line.
    pub fn text(&self) -> String {
        self.rules.iter().map(|(_, r)| format!("{r}\n")).collect()
    }
}

/// The most a rules file may hold.
pub const MAX_BYTES: usize = 64 * 1024;
pub const MAX_RULES: usize = 500;
pub const MAX_VALUES: usize = 300;
pub const MAX_VALUE_CHARS: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleProblem {
    #[error("the rules are larger than {MAX_BYTES} bytes")]
    TooLarge,
    #[error("more than {MAX_RULES} rules")]
    TooManyRules,
    #[error("a rule starts with total, at least, at most, exactly or renew, not “{0}”")]
    UnknownStart(String),
    #[error("“{0}” is not a whole number")]
    BadNumber(String),
    #[error("{0}% is more than 100%")]
    BadPercent(u32),
    #[error("“{0}” is not an attribute (group, region, development, gender, country, expertise)")]
    UnknownAttribute(String),
    #[error("“{0}” is not a condition (attribute=value,value)")]
    BadCondition(String),
    #[error("a value is empty, longer than {MAX_VALUE_CHARS} characters, or one of more than {MAX_VALUES}")]
    BadValue,
    #[error("the rule says what to count: a condition such as group=government")]
    MissingFilter,
    #[error("“{0}” is left over at the end of the rule")]
    LeftOver(String),
    #[error("a share is written at least or at most, not exactly")]
    ExactShare,
}

/// What is wrong with the rules, and on which line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct RuleError {
    pub line: usize,
    pub problem: RuleProblem,
}

/// The words of a rule, read one at a time.
struct Words<'a> {
    words: std::iter::Peekable<std::str::SplitWhitespace<'a>>,
}

impl<'a> Words<'a> {
    fn next(&mut self) -> Option<&'a str> {
        self.words.next()
    }

    fn peek(&mut self) -> Option<&'a str> {
        self.words.peek().copied()
    }

    fn expect_end(&mut self) -> Result<(), RuleProblem> {
        match self.next() {
            None => Ok(()),
            Some(word) => Err(RuleProblem::LeftOver(word.to_owned())),
        }
    }
}

fn number(word: Option<&str>) -> Result<u32, RuleProblem> {
    let word = word.unwrap_or_default();
    word.parse().map_err(|_| RuleProblem::BadNumber(word.to_owned()))
}

fn percent(word: Option<&str>) -> Result<u32, RuleProblem> {
    let word = word.unwrap_or_default();
    let n = number(Some(word.strip_suffix('%').unwrap_or(word)))?;
    if n > 100 { Err(RuleProblem::BadPercent(n)) } else { Ok(n) }
}

fn values(text: &str) -> Result<Vec<String>, RuleProblem> {
    let values: Vec<String> = text.split(',').map(|v| v.trim().to_owned()).collect();
    let valid = values.len() <= MAX_VALUES
        && values.iter().all(|v| !v.is_empty() && v.chars().count() <= MAX_VALUE_CHARS && !v.contains('='));
    if valid { Ok(values) } else { Err(RuleProblem::BadValue) }
}

fn condition(word: &str) -> Result<(Attribute, Vec<String>), RuleProblem> {
    let (attribute, listed) = word.split_once('=').ok_or_else(|| RuleProblem::BadCondition(word.to_owned()))?;
    let attribute = attribute.parse().map_err(|_| RuleProblem::UnknownAttribute(attribute.to_owned()))?;
    Ok((attribute, values(listed)?))
}

/// A filter: conditions joined by `and`, to the end of the rule.
fn filter(words: &mut Words<'_>) -> Result<Filter, RuleProblem> {
    let mut conditions = vec![condition(words.next().ok_or(RuleProblem::MissingFilter)?)?];
    while let Some(word) = words.next() {
        if word != "and" {
            return Err(RuleProblem::LeftOver(word.to_owned()));
        }
        conditions.push(condition(words.next().ok_or(RuleProblem::MissingFilter)?)?);
    }
    Ok(Filter(conditions))
}

/// `where FILTER` to the end of the rule, or nothing.
fn optional_where(words: &mut Words<'_>) -> Result<Filter, RuleProblem> {
    match words.next() {
        None => Ok(Filter::default()),
        Some("where") => filter(words),
        Some(other) => Err(RuleProblem::LeftOver(other.to_owned())),
    }
}

fn rule(line: &str) -> Result<Rule, RuleProblem> {
    let mut words = Words { words: line.split_whitespace().peekable() };
    let first = words.next().unwrap_or_default();
    let bound = match first {
        "total" => {
            let seats = number(words.next())?;
            words.expect_end()?;
            return Ok(Rule::Total { seats });
        }
        "renew" => {
            match (words.next(), words.next()) {
                (Some("at"), Some("most")) => {}
                (word, _) => return Err(RuleProblem::UnknownStart(word.unwrap_or_default().to_owned())),
            }
            let percent = percent(words.next())?;
            words.expect_end()?;
            return Ok(Rule::Renewal { percent });
        }
        "exactly" => "exactly",
        "at" => match words.next() {
            Some("least") => "at least",
            Some("most") => "at most",
            other => return Err(RuleProblem::UnknownStart(format!("at {}", other.unwrap_or_default()))),
        },
        other => return Err(RuleProblem::UnknownStart(other.to_owned())),
    };
    let amount = words.next().unwrap_or_default();
    if amount.ends_with('%') {
        if bound == "exactly" {
            return Err(RuleProblem::ExactShare);
        }
        let percent = percent(Some(amount))?;
        let mut shared = Vec::new();
        while let Some(word) = words.peek() {
            if word == "where" {
                break;
            }
            words.next();
            if word != "and" {
                shared.push(condition(word)?);
            }
        }
        if shared.is_empty() {
            return Err(RuleProblem::MissingFilter);
        }
        let of = optional_where(&mut words)?;
        return Ok(Rule::Share { at_least: bound == "at least", percent, filter: Filter(shared), of });
    }
    let n = number(Some(amount))?;
    let bound = match bound {
        "exactly" => Bound::Exactly(n),
        "at least" => Bound::AtLeast(n),
        _ => Bound::AtMost(n),
    };
    if words.peek() == Some("per") {
        words.next();
        let name = words.next().unwrap_or_default();
        let attribute = name.parse().map_err(|_| RuleProblem::UnknownAttribute(name.to_owned()))?;
        let listed = if words.peek() == Some("in") {
            words.next();
            values(words.next().unwrap_or_default())?
        } else {
            Vec::new()
        };
        let filter = optional_where(&mut words)?;
        return Ok(Rule::PerValue { bound, attribute, values: listed, filter });
    }
    Ok(Rule::Count { bound, filter: filter(&mut words)? })
}

/// Reads a body's rules, one a line; blank lines and `#` comments are skipped. The first
/// problem is reported with its line; nothing is half read.
pub fn parse_rules(text: &str) -> Result<RuleSet, RuleError> {
    if text.len() > MAX_BYTES {
        return Err(RuleError { line: 0, problem: RuleProblem::TooLarge });
    }
    let mut rules = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        if rules.len() == MAX_RULES {
            return Err(RuleError { line: index + 1, problem: RuleProblem::TooManyRules });
        }
        let parsed = rule(line).map_err(|problem| RuleError { line: index + 1, problem })?;
        rules.push((index + 1, parsed));
    }
    Ok(RuleSet { rules })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_rules_of_a_working_group_are_read() {
        let text = "# The WGEC, as an example\n\
                    total 42\n\
                    exactly 22 group=government\n\
                    at least 1 per region in african,weog where group=government\n\
                    at most 1 per country\n\
                    at least 50% development=developing,ldc where group=government\n\
                    exactly 5 group=academic,technical and gender=female\n\
                    renew at most 50%\n";
        let set = parse_rules(text).expect("read");
        assert_eq!(set.seats(), Some(42));
        assert_eq!(set.rules.len(), 7);
        assert_eq!(set.rules[2].0, 4, "line numbers count comments");
        assert_eq!(
            set.rules[2].1,
            Rule::PerValue {
                bound: Bound::AtLeast(1),
                attribute: Attribute::Region,
                values: vec!["african".into(), "weog".into()],
                filter: Filter(vec![(Attribute::Group, vec!["government".into()])]),
            }
        );
        assert_eq!(
            set.rules[5].1,
            Rule::Count {
                bound: Bound::Exactly(5),
                filter: Filter(vec![
                    (Attribute::Group, vec!["academic".into(), "technical".into()]),
                    (Attribute::Gender, vec!["female".into()]),
                ]),
            }
        );
        assert_eq!(
            parse_rules(&set.text()).map(|s| s.rules.into_iter().map(|(_, r)| r).collect::<Vec<_>>()),
            Ok(set.rules.iter().map(|(_, r)| r.clone()).collect())
        );
    }

    #[test]
    fn a_wrong_line_is_named_with_what_is_wrong() {
        let error = |text: &str| parse_rules(text).expect_err("refused");
        assert_eq!(
            error("total 3\nabout 4 group=x"),
            RuleError { line: 2, problem: RuleProblem::UnknownStart("about".into()) }
        );
        assert_eq!(error("at least x group=a").problem, RuleProblem::BadNumber("x".into()));
        assert_eq!(error("at least 2 colour=red").problem, RuleProblem::UnknownAttribute("colour".into()));
        assert_eq!(error("at least 2").problem, RuleProblem::MissingFilter);
        assert_eq!(error("at least 120% gender=female").problem, RuleProblem::BadPercent(120));
        assert_eq!(error("exactly 50% gender=female").problem, RuleProblem::ExactShare);
        assert_eq!(error("total 3 seats").problem, RuleProblem::LeftOver("seats".into()));
        assert_eq!(error("at most 1 group=a or group=b").problem, RuleProblem::LeftOver("or".into()));
        assert_eq!(error(&"#".repeat(MAX_BYTES + 1)).problem, RuleProblem::TooLarge);
        assert_eq!(error(&"total 1\n".repeat(MAX_RULES + 1)).problem, RuleProblem::TooManyRules);
    }

    fn arbitrary_rule() -> impl Strategy<Value = Rule> {
        let value = "[a-z_]{1,12}";
        let condition = (prop::sample::select(Attribute::ALL.to_vec()), prop::collection::vec(value, 1..4));
        let filter = prop::collection::vec(condition, 1..3).prop_map(Filter);
        let bound = (0..3u8, 0..100u32).prop_map(|(k, n)| match k {
            0 => Bound::AtLeast(n),
            1 => Bound::AtMost(n),
            _ => Bound::Exactly(n),
        });
        prop_oneof![
            (0..1000u32).prop_map(|seats| Rule::Total { seats }),
            (bound.clone(), filter.clone()).prop_map(|(bound, filter)| Rule::Count { bound, filter }),
            (
                bound,
                prop::sample::select(Attribute::ALL.to_vec()),
                prop::collection::vec(value, 0..3),
                prop::option::of(filter.clone())
            )
                .prop_map(|(bound, attribute, values, filter)| Rule::PerValue {
                    bound,
                    attribute,
                    values,
                    filter: filter.unwrap_or_default()
                }),
            (any::<bool>(), 0..=100u32, filter.clone(), prop::option::of(filter)).prop_map(
                |(at_least, percent, filter, of)| Rule::Share { at_least, percent, filter, of: of.unwrap_or_default() }
            ),
            (0..=100u32).prop_map(|percent| Rule::Renewal { percent }),
        ]
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_without_panic(text in "\\PC{0,300}") {
            let _ = parse_rules(&text);
        }

        #[test]
        fn a_rule_written_back_reads_the_same(rule in arbitrary_rule()) {
            let read = parse_rules(&rule.to_string()).expect("read back");
            prop_assert_eq!(read.rules.into_iter().map(|(_, r)| r).collect::<Vec<_>>(), vec![rule]);
        }
    }
}
