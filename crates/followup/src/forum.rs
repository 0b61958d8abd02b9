//! The forum on projects and funding (seeds/004 §40, Tunis Agenda §27 g): stakeholders post the
//! projects they need funded and the funding sources they offer; each project is matched to the
//! funding sources whose action lines, place and eligibility it meets, with the reasons kept so a
//! reader sees why. The fields come from outside (a form, an API client): `ForumFields::check`
//! bounds every one and names the field of the first thing wrong.

use consulta_core::{CountryCode, DevelopmentStatus, RegionalGroup, StakeholderGroupId};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::action_lines::action_line;

/// The longest title, description, contact and funder's name, in characters.
pub const MAX_TITLE: usize = 200;
pub const MAX_DESCRIPTION: usize = 5_000;
pub const MAX_SHORT: usize = 200;
/// The most countries one item names.
pub const MAX_COUNTRIES: usize = 60;
/// The largest amount, in US dollars (a thousand billion).
pub const MAX_AMOUNT: u64 = 1_000_000_000_000;
/// The longest answer in a thread, in characters.
pub const MAX_REPLY: usize = 5_000;

/// What an item offers or asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForumKind {
    /// A project that needs funding.
    Project,
    /// A source of funding or a financing mechanism.
    Funding,
}

impl ForumKind {
    pub const ALL: [ForumKind; 2] = [ForumKind::Project, ForumKind::Funding];

    pub fn as_str(self) -> &'static str {
        match self {
            ForumKind::Project => "project",
            ForumKind::Funding => "funding",
        }
    }
}

impl std::str::FromStr for ForumKind {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ForumKind::ALL.into_iter().find(|k| k.as_str() == s.trim()).ok_or(())
    }
}

/// An item's fields as typed: lists separated by commas or spaces, amounts in whole US dollars
/// (digits, with spaces, commas or apostrophes between thousands), the deadline as YYYY-MM-DD.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ForumFields {
    pub kind: String,
    pub title: String,
    /// A project's need, or what a funding source funds.
    pub description: String,
    pub action_lines: String,
    /// Where a project is carried out, or the countries a funding source covers.
    pub countries: String,
    /// A funding source's UN regional groups (african, asia_pacific, …).
    pub regions: String,
    /// A funding source's eligible development statuses (ldc, developing, developed).
    pub development: String,
    /// A funding source's eligible stakeholder groups (government, civil_society, …).
    pub groups: String,
    /// A project's budget.
    pub budget: String,
    /// A funding source's smallest and largest grant.
    pub amount_min: String,
    pub amount_max: String,
    /// When a funding source stops taking applications.
    pub deadline: String,
    /// Who funds (a fund, a programme, a bank).
    pub funder: String,
    /// Whom to contact, as the poster wants it published.
    pub contact: String,
}

/// A checked item: what the store records and the matching reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForumPost {
    pub kind: ForumKind,
    pub title: String,
    pub description: String,
    /// Action line codes, C1 to C11, at least one, each once, in their order.
    pub action_lines: Vec<String>,
    pub countries: Vec<CountryCode>,
    /// Funding only (empty for a project), as are `development`, `groups` and the amounts' range.
    pub regions: Vec<RegionalGroup>,
    pub development: Vec<DevelopmentStatus>,
    pub groups: Vec<String>,
    /// A project's budget (in `amount_max`), or a funding source's grants from `amount_min` to
    /// `amount_max`, in US dollars.
    pub amount_min: Option<u64>,
    pub amount_max: Option<u64>,
    pub deadline: Option<Date>,
    pub funder: String,
    pub contact: String,
}

impl ForumPost {
    /// A project's budget.
    pub fn budget(&self) -> Option<u64> {
        match self.kind {
            ForumKind::Project => self.amount_max,
            ForumKind::Funding => None,
        }
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ForumProblem {
    #[error("it is required")]
    Missing,
    #[error("it is longer than {0} characters")]
    TooLong(usize),
    #[error("it names more than {0}")]
    TooMany(usize),
    #[error("{0} is neither project nor funding")]
    BadKind(String),
    #[error("{0} is not an action line (C1 to C11)")]
    UnknownActionLine(String),
    #[error("{0} is not a country code")]
    UnknownCountry(String),
    #[error("{0} is not a UN regional group")]
    UnknownRegion(String),
    #[error("{0} is not a development status (ldc, developing, developed)")]
    UnknownDevelopment(String),
    #[error("{0} is not a stakeholder group identifier")]
    BadGroup(String),
    #[error("{0} is not a whole number of US dollars")]
    BadAmount(String),
    #[error("the smallest grant is larger than the largest")]
    MinAboveMax,
    #[error("{0} is not a date (YYYY-MM-DD)")]
    BadDate(String),
    #[error("only a funding source has it")]
    FundingOnly,
    #[error("only a project has it")]
    ProjectOnly,
}

/// The first thing wrong with an item's fields, and in which.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct ForumFieldError {
    pub field: &'static str,
    pub problem: ForumProblem,
}

fn at(field: &'static str) -> impl Fn(ForumProblem) -> ForumFieldError {
    move |problem| ForumFieldError { field, problem }
}

/// A text trimmed, within `max` characters.
fn bounded(text: &str, max: usize) -> Result<String, ForumProblem> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(ForumProblem::TooLong(max));
    }
    Ok(text.to_owned())
}

fn required(text: &str, max: usize) -> Result<String, ForumProblem> {
    let text = bounded(text, max)?;
    if text.is_empty() {
        return Err(ForumProblem::Missing);
    }
    Ok(text)
}

/// The words of a list, each read by `read`, kept once each in the order first given; at most
/// `max` of them (checked before reading, so a long field costs no more than its length).
fn list<T: PartialEq>(
    text: &str,
    max: usize,
    read: impl Fn(&str) -> Result<T, ForumProblem>,
) -> Result<Vec<T>, ForumProblem> {
    let words: Vec<&str> = text.split([',', ';', ' ', '\n', '\t']).filter(|w| !w.trim().is_empty()).collect();
    if words.len() > max {
        return Err(ForumProblem::TooMany(max));
    }
    let mut values = Vec::with_capacity(words.len());
    for word in words {
        let value = read(word.trim())?;
        if !values.contains(&value) {
            values.push(value);
        }
    }
    Ok(values)
}

fn amount(text: &str) -> Result<Option<u64>, ForumProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || ForumProblem::BadAmount(text.chars().take(40).collect());
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | ',' | '\'' | '\u{a0}' | '\u{202f}')).collect();
    if digits.is_empty() || digits.len() > 13 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let value: u64 = digits.parse().map_err(|_| bad())?;
    if value > MAX_AMOUNT {
        return Err(bad());
    }
    Ok(Some(value))
}

fn empty_unless(applies: bool, text: &str, not: ForumProblem) -> Result<(), ForumProblem> {
    if !applies && !text.trim().is_empty() {
        return Err(not);
    }
    Ok(())
}

impl ForumFields {
    /// The item these fields describe, or the first field wrong. A project needs a budget; a
    /// funding source a funder; both a title, a description, a contact and an action line.
    pub fn check(&self) -> Result<ForumPost, ForumFieldError> {
        let kind: ForumKind =
            self.kind.parse().map_err(|_| at("kind")(ForumProblem::BadKind(self.kind.chars().take(40).collect())))?;
        let funding = kind == ForumKind::Funding;
        let title = required(&self.title, MAX_TITLE).map_err(at("title"))?;
        let description = required(&self.description, MAX_DESCRIPTION).map_err(at("description"))?;
        let action_lines = list(&self.action_lines, 11, |code| {
            action_line(code).map(|l| l.code.clone()).ok_or_else(|| ForumProblem::UnknownActionLine(code.to_owned()))
        })
        .map_err(at("action_lines"))?;
        if action_lines.is_empty() {
            return Err(at("action_lines")(ForumProblem::Missing));
        }
        let mut action_lines = action_lines;
        action_lines.sort_by_key(|code| code[1..].parse::<u8>().unwrap_or(u8::MAX));
        let countries = list(&self.countries, MAX_COUNTRIES, |code| {
            code.parse::<CountryCode>().map_err(|_| ForumProblem::UnknownCountry(code.chars().take(40).collect()))
        })
        .map_err(at("countries"))?;
        let funding_only = [
            ("regions", &self.regions),
            ("development", &self.development),
            ("groups", &self.groups),
            ("amount_min", &self.amount_min),
            ("amount_max", &self.amount_max),
            ("deadline", &self.deadline),
            ("funder", &self.funder),
        ];
        for (field, text) in funding_only {
            empty_unless(funding, text, ForumProblem::FundingOnly).map_err(at(field))?;
        }
        empty_unless(!funding, &self.budget, ForumProblem::ProjectOnly).map_err(at("budget"))?;
        let regions = list(&self.regions, RegionalGroup::ALL.len(), |r| {
            r.parse().map_err(|_| ForumProblem::UnknownRegion(r.chars().take(40).collect()))
        })
        .map_err(at("regions"))?;
        let development = list(&self.development, DevelopmentStatus::ALL.len(), |d| {
            d.parse().map_err(|_| ForumProblem::UnknownDevelopment(d.chars().take(40).collect()))
        })
        .map_err(at("development"))?;
        let groups = list(&self.groups, 20, |g| {
            g.parse::<StakeholderGroupId>()
                .map(|g| g.as_str().to_owned())
                .map_err(|_| ForumProblem::BadGroup(g.chars().take(40).collect()))
        })
        .map_err(at("groups"))?;
        let (amount_min, amount_max) = if funding {
            let min = amount(&self.amount_min).map_err(at("amount_min"))?;
            let max = amount(&self.amount_max).map_err(at("amount_max"))?;
            if let (Some(min), Some(max)) = (min, max)
                && min > max
            {
                return Err(at("amount_min")(ForumProblem::MinAboveMax));
            }
            (min, max)
        } else {
            let budget =
                amount(&self.budget).map_err(at("budget"))?.ok_or_else(|| at("budget")(ForumProblem::Missing))?;
            (None, Some(budget))
        };
        let deadline = match self.deadline.trim() {
            "" => None,
            text => Some(
                text.parse::<Date>()
                    .map_err(|_| at("deadline")(ForumProblem::BadDate(text.chars().take(40).collect())))?,
            ),
        };
        let funder = if funding { required(&self.funder, MAX_SHORT).map_err(at("funder"))? } else { String::new() };
        let contact = required(&self.contact, MAX_SHORT).map_err(at("contact"))?;
        Ok(ForumPost {
            kind,
            title,
            description,
            action_lines,
            countries,
            regions,
            development,
            groups,
            amount_min,
            amount_max,
            deadline,
            funder,
            contact,
        })
    }
}

/// An answer in an item's thread, trimmed and within `MAX_REPLY` characters.
pub fn check_reply(text: &str) -> Result<String, ForumProblem> {
    required(text, MAX_REPLY)
}

/// Why a project and a funding source were matched, each a fact a reader can check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchReason {
    /// The action lines both serve.
    ActionLines { codes: Vec<String> },
    /// The funding source names the project's country.
    Country { country: CountryCode },
    /// The funding source covers the regional group of the project's country.
    Region { region: RegionalGroup, country: CountryCode },
    /// The funding source covers any country.
    Anywhere,
    /// The project's country has a development status the funding source is open to.
    Development { status: DevelopmentStatus, country: CountryCode },
    /// The poster's stakeholder group is one the funding source is open to.
    Group { group: String },
    /// The project's budget is at least the smallest grant.
    Budget { budget: u64, min: Option<u64>, max: Option<u64> },
    /// The funding source takes applications until then.
    Deadline { deadline: Date },
}

/// Whether a project, posted by an entity of `project_group`, meets a funding source on `today`,
/// and why: it must share an action line with it, be carried out where the source funds (a
/// source naming no country and no region funds anywhere; a project naming no country meets only
/// those), be of a development status and a stakeholder group the source is open to where it
/// names some, need no less than the smallest grant, and come before the deadline.
pub fn match_reasons(
    project: &ForumPost,
    project_group: &str,
    funding: &ForumPost,
    today: Date,
) -> Option<Vec<MatchReason>> {
    if project.kind != ForumKind::Project || funding.kind != ForumKind::Funding {
        return None;
    }
    let codes: Vec<String> =
        project.action_lines.iter().filter(|c| funding.action_lines.contains(c)).cloned().collect();
    if codes.is_empty() {
        return None;
    }
    let mut reasons = vec![MatchReason::ActionLines { codes }];
    if funding.countries.is_empty() && funding.regions.is_empty() {
        reasons.push(MatchReason::Anywhere);
    } else if let Some(country) = project.countries.iter().find(|c| funding.countries.contains(c)) {
        reasons.push(MatchReason::Country { country: *country });
    } else {
        let (region, country) = project.countries.iter().find_map(|c| {
            let region = c.country().regional_group?;
            funding.regions.contains(&region).then_some((region, *c))
        })?;
        reasons.push(MatchReason::Region { region, country });
    }
    if !funding.development.is_empty() {
        let (status, country) = project.countries.iter().find_map(|c| {
            let status = c.country().development?;
            funding.development.contains(&status).then_some((status, *c))
        })?;
        reasons.push(MatchReason::Development { status, country });
    }
    if !funding.groups.is_empty() {
        let group = funding.groups.iter().find(|g| g.as_str() == project_group)?;
        reasons.push(MatchReason::Group { group: group.clone() });
    }
    if let Some(budget) = project.budget()
        && (funding.amount_min.is_some() || funding.amount_max.is_some())
    {
        if funding.amount_min.is_some_and(|min| budget < min) {
            return None;
        }
        reasons.push(MatchReason::Budget { budget, min: funding.amount_min, max: funding.amount_max });
    }
    if let Some(deadline) = funding.deadline {
        if deadline < today {
            return None;
        }
        reasons.push(MatchReason::Deadline { deadline });
    }
    Some(reasons)
}

/// How closely a match fits, to list the closest first: each shared action line, then a named
/// country over a region over anywhere.
pub fn match_score(reasons: &[MatchReason]) -> u32 {
    reasons
        .iter()
        .map(|r| match r {
            MatchReason::ActionLines { codes } => 4 * codes.len() as u32,
            MatchReason::Country { .. } => 3,
            MatchReason::Region { .. } => 2,
            MatchReason::Anywhere => 1,
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(lines: &str, countries: &str, budget: &str) -> ForumPost {
        ForumFields {
            kind: "project".into(),
            title: "Community networks".into(),
            description: "Example need".into(),
            action_lines: lines.into(),
            countries: countries.into(),
            budget: budget.into(),
            contact: "projects@example.org".into(),
            ..ForumFields::default()
        }
        .check()
        .expect("a project")
    }

    fn funding(lines: &str, fields: ForumFields) -> ForumPost {
        ForumFields {
            kind: "funding".into(),
            title: "Connectivity fund".into(),
            description: "Example scope".into(),
            action_lines: lines.into(),
            funder: "Example Fund".into(),
            contact: "fund@example.org".into(),
            ..fields
        }
        .check()
        .expect("a funding source")
    }

    fn today() -> Date {
        jiff::civil::date(2026, 12, 2)
    }

    #[test]
    fn fields_are_checked_and_named() {
        let post = project("c4, C2 C2", "ke", "250 000");
        assert_eq!(post.action_lines, ["C2", "C4"], "once each, in their order");
        assert_eq!(post.countries, ["KE".parse::<CountryCode>().expect("KE")]);
        assert_eq!(post.budget(), Some(250_000));
        let error = |fields: ForumFields| fields.check().expect_err("refused");
        let base = ForumFields {
            kind: "project".into(),
            title: "T".into(),
            description: "D".into(),
            action_lines: "C2".into(),
            budget: "10".into(),
            contact: "c".into(),
            ..ForumFields::default()
        };
        let cases = [
            (ForumFields { kind: "grant".into(), ..base.clone() }, "kind"),
            (ForumFields { title: " ".into(), ..base.clone() }, "title"),
            (ForumFields { action_lines: "C2 C12".into(), ..base.clone() }, "action_lines"),
            (ForumFields { action_lines: String::new(), ..base.clone() }, "action_lines"),
            (ForumFields { countries: "KE XX".into(), ..base.clone() }, "countries"),
            (ForumFields { budget: "12.50".into(), ..base.clone() }, "budget"),
            (ForumFields { budget: String::new(), ..base.clone() }, "budget"),
            (ForumFields { funder: "A fund".into(), ..base.clone() }, "funder"),
            (ForumFields { regions: "african".into(), ..base.clone() }, "regions"),
            (ForumFields { description: "x".repeat(MAX_DESCRIPTION + 1), ..base.clone() }, "description"),
        ];
        for (fields, field) in cases {
            assert_eq!(error(fields).field, field);
        }
        let funding = ForumFields {
            kind: "funding".into(),
            funder: "F".into(),
            budget: String::new(),
            amount_min: "50,000".into(),
            amount_max: "10,000".into(),
            ..base
        };
        assert_eq!(error(funding.clone()), ForumFieldError { field: "amount_min", problem: ForumProblem::MinAboveMax });
        assert_eq!(
            error(ForumFields { amount_min: String::new(), deadline: "2026-13-01".into(), ..funding }).field,
            "deadline"
        );
    }

    #[test]
    fn a_project_meets_a_funding_source_for_stated_reasons() {
        let kenya = "KE".parse::<CountryCode>().expect("KE");
        let need = project("C2 C4", "KE", "150000");
        let fund = funding(
            "C2 C7",
            ForumFields {
                regions: "african".into(),
                development: "developing ldc".into(),
                groups: "civil_society government".into(),
                amount_min: "10000".into(),
                amount_max: "200000".into(),
                deadline: "2027-03-31".into(),
                ..ForumFields::default()
            },
        );
        let reasons = match_reasons(&need, "civil_society", &fund, today()).expect("a match");
        assert_eq!(
            reasons,
            [
                MatchReason::ActionLines { codes: vec!["C2".into()] },
                MatchReason::Region { region: RegionalGroup::African, country: kenya },
                MatchReason::Development { status: DevelopmentStatus::Developing, country: kenya },
                MatchReason::Group { group: "civil_society".into() },
                MatchReason::Budget { budget: 150_000, min: Some(10_000), max: Some(200_000) },
                MatchReason::Deadline { deadline: jiff::civil::date(2027, 3, 31) },
            ]
        );
        assert_eq!(match_score(&reasons), 6);
        // Each condition unmet breaks the match.
        assert_eq!(match_reasons(&project("C5", "KE", "150000"), "civil_society", &fund, today()), None);
        assert_eq!(match_reasons(&project("C2", "FR", "150000"), "civil_society", &fund, today()), None);
        assert_eq!(match_reasons(&project("C2", "", "150000"), "civil_society", &fund, today()), None);
        assert_eq!(match_reasons(&need, "private_sector", &fund, today()), None);
        assert_eq!(match_reasons(&project("C2", "KE", "5000"), "civil_society", &fund, today()), None);
        assert_eq!(match_reasons(&need, "civil_society", &fund, jiff::civil::date(2027, 4, 1)), None);
        assert_eq!(match_reasons(&fund, "civil_society", &need, today()), None, "a project funds nothing");
        // A source naming no place funds anywhere, and a named country counts above a region.
        let open = funding("C2 C4", ForumFields::default());
        let reasons = match_reasons(&project("C2 C4", "", "1"), "academic", &open, today()).expect("a match");
        assert_eq!(reasons[1], MatchReason::Anywhere);
        let named = funding("C2", ForumFields { countries: "KE".into(), ..ForumFields::default() });
        let reasons = match_reasons(&need, "academic", &named, today()).expect("a match");
        assert_eq!(reasons[1], MatchReason::Country { country: kenya });
    }

    proptest::proptest! {
        /// Any fields are checked or refused without a panic, and what is accepted keeps within
        /// the bounds.
        #[test]
        fn any_fields_are_checked_or_refused(
            kind in "(project|funding|[a-z]{0,8})",
            title in "\\PC{0,300}",
            lines in "[Cc0-9 ,;]{0,40}",
            countries in "[A-Za-z ,]{0,30}",
            regions in "[a-z_ ,]{0,30}",
            amount in "[0-9 ,.'-]{0,20}",
            deadline in "[0-9-]{0,12}",
        ) {
            let fields = ForumFields {
                kind,
                title: title.clone(),
                description: title,
                action_lines: lines,
                countries,
                regions,
                budget: amount.clone(),
                amount_max: amount,
                deadline,
                funder: "F".into(),
                contact: "c".into(),
                ..ForumFields::default()
            };
            if let Ok(post) = fields.check() {
                proptest::prop_assert!(!post.action_lines.is_empty() && post.action_lines.len() <= 11);
                proptest::prop_assert!(post.title.chars().count() <= MAX_TITLE);
                proptest::prop_assert!(post.amount_max.is_none_or(|a| a <= MAX_AMOUNT));
            }
        }
    }
}
