//! Bodies, as the command line and the pages use them: the nominations and seated members as
//! the composition crate's candidates (region and development status from the country), the
//! body's rules read, a slate checked or solved, what a broken rule means in the reader's
//! language ("Latin American and Caribbean States: 1 member, at least 3 required"), and the
//! composition of those seated by group, region, development status and gender.

use consulta_composition::{Attribute, Bound, Candidate, Filter, Rule, RuleError, RuleSet, Violation, parse_rules};
use consulta_i18n::{Arg, Localizer};
use consulta_store::{Membership, Store, StoreError, StoredBody, StoredNomination};

#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("there is no body {0}")]
    UnknownBody(String),
    #[error("the body's rules: {0}")]
    Rules(#[from] RuleError),
    #[error(transparent)]
    Solve(#[from] consulta_composition::SolveError),
    #[error("it is {expected}'s turn to have the chair")]
    ChairNotInTurn { expected: String },
    #[error("{person} has been co-chair already")]
    CoChairHeld { person: String },
    #[error("no slate meets every rule")]
    NoSlate,
    #[error("nomination {0} is not among those seated")]
    ChairNotSeated(i64),
    #[error("nomination {0} is not a nomination to this body")]
    NotANomination(i64),
    #[error("the term would end past the calendar's end")]
    TermOutOfRange,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for BodyError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotANomination(n) => BodyError::NotANomination(n),
            other => BodyError::Store(other),
        }
    }
}

impl BodyError {
    pub fn message(&self, localizer: &Localizer) -> String {
        match self {
            BodyError::UnknownBody(slug) => localizer.format("body-unknown", &[("slug", slug.clone().into())]),
            BodyError::Rules(error) => localizer.format(
                "body-rules-error",
                &[("line", error.line.into()), ("problem", error.problem.to_string().into())],
            ),
            BodyError::ChairNotInTurn { expected } => {
                localizer.format("body-chair-not-in-turn", &[("nominator", expected.clone().into())])
            }
            BodyError::CoChairHeld { person } => {
                localizer.format("body-co-chair-held", &[("person", person.clone().into())])
            }
            BodyError::NoSlate => localizer.text("cli-body-no-slate"),
            BodyError::ChairNotSeated(n) => {
                localizer.format("cli-body-chair-not-seated", &[("number", Arg::Number(*n as f64))])
            }
            BodyError::NotANomination(n) => {
                localizer.format("body-not-a-nomination", &[("number", Arg::Number(*n as f64))])
            }
            other => other.to_string(),
        }
    }
}

/// The body known by `slug`.
pub fn body(store: &dyn Store, slug: &str) -> Result<StoredBody, BodyError> {
    store.body_by_slug(slug)?.ok_or_else(|| BodyError::UnknownBody(slug.to_owned()))
}

/// The body's rules as written, read.
pub fn rules(body: &StoredBody) -> Result<RuleSet, BodyError> {
    Ok(parse_rules(&body.rules)?)
}

/// The nominations seated on `day`.
pub fn seated_on(memberships: &[Membership], day: jiff::civil::Date) -> Vec<i64> {
    let mut seated: Vec<i64> =
        memberships.iter().filter(|m| m.start <= day && day < m.end).map(|m| m.nomination).collect();
    seated.sort_unstable();
    seated.dedup();
    seated
}

/// A nomination as the solver sees it: the rules' attributes (region and development status
/// derived from the country), whether seated now, the nominator's order and the pin.
pub fn candidate(nomination: &StoredNomination, seated: bool) -> Candidate {
    let n = &nomination.nomination;
    let mut attributes = vec![(Attribute::Group, n.stakeholder_group.clone()), (Attribute::Gender, n.gender.clone())];
    if let Some(code) = n.country {
        let country = code.country();
        attributes.push((Attribute::Country, code.as_str().to_owned()));
        if let Some(region) = country.regional_group {
            attributes.push((Attribute::Region, region.as_str().to_owned()));
        }
        if let Some(development) = country.development {
            attributes.push((Attribute::Development, development.as_str().to_owned()));
        }
    }
    attributes.extend(n.expertise.iter().map(|tag| (Attribute::Expertise, tag.clone())));
    Candidate { attributes, seated, priority: n.priority, pin: nomination.pin }
}

/// A body's nominations and their candidates, in the same order, as of `day`.
pub fn candidates(
    store: &dyn Store,
    body: &StoredBody,
    day: jiff::civil::Date,
) -> Result<(Vec<StoredNomination>, Vec<Candidate>), BodyError> {
    let nominations = store.nominations(body.id)?;
    let seated = seated_on(&store.memberships(body.id)?, day);
    let candidates = nominations.iter().map(|n| candidate(n, seated.binary_search(&n.id).is_ok())).collect();
    Ok((nominations, candidates))
}

/// The name of an attribute's value in the reader's language.
pub fn value_name(attribute: Attribute, value: &str, localizer: &Localizer) -> String {
    let keyed = |prefix: &str| {
        let key = format!("{prefix}-{value}");
        if localizer.has(&key) { localizer.text(&key) } else { value.to_owned() }
    };
    match attribute {
        Attribute::Group => keyed("group"),
        Attribute::Region => keyed("region"),
        Attribute::Development => keyed("development"),
        Attribute::Gender => keyed("gender"),
        Attribute::Country => value
            .parse::<consulta_core::CountryCode>()
            .map(|c| c.country().name(localizer.language()).to_owned())
            .unwrap_or_else(|_| value.to_owned()),
        Attribute::Expertise => localizer.format("body-expertise", &[("tag", value.into())]),
    }
}

/// Who a filter counts, in the reader's words: "Governments", "Academic community or Technical
/// community, Women".
pub fn filter_name(filter: &Filter, localizer: &Localizer) -> String {
    if filter.is_everyone() {
        return localizer.text("body-everyone");
    }
    let or = localizer.text("body-or");
    filter
        .0
        .iter()
        .map(|(attribute, values)| {
            values.iter().map(|v| value_name(*attribute, v, localizer)).collect::<Vec<_>>().join(&format!(" {or} "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn bound_text(bound: Bound, localizer: &Localizer) -> String {
    let (key, n) = match bound {
        Bound::AtLeast(n) => ("body-at-least", n),
        Bound::AtMost(n) => ("body-at-most", n),
        Bound::Exactly(n) => ("body-exactly", n),
    };
    localizer.format(key, &[("n", u64::from(n).into())])
}

/// What a broken rule means, in the reader's language.
pub fn violation_message(violation: &Violation, rules: &RuleSet, localizer: &Localizer) -> String {
    let rule = rules.rules.get(violation.rule).map(|(_, r)| r);
    let what = match (rule, violation.attribute, &violation.value) {
        (_, Some(attribute), Some(value)) => {
            let name = value_name(attribute, value, localizer);
            match rule {
                Some(Rule::PerValue { filter, .. }) if !filter.is_everyone() => {
                    format!("{name} ({})", filter_name(filter, localizer))
                }
                _ => name,
            }
        }
        (Some(Rule::Total { .. }), ..) => localizer.text("body-what-total"),
        (Some(Rule::Renewal { .. }), ..) => localizer.text("body-what-renewal"),
        (Some(Rule::Count { filter, .. }), ..) => filter_name(filter, localizer),
        (Some(Rule::Share { filter, of, .. }), ..) if !of.is_everyone() => {
            format!("{} ({})", filter_name(filter, localizer), filter_name(of, localizer))
        }
        (Some(Rule::Share { filter, .. }), ..) => filter_name(filter, localizer),
        _ => String::new(),
    };
    let args: [(&str, Arg); 4] = [
        ("what", what.into()),
        ("found", u64::from(violation.found).into()),
        ("required", bound_text(violation.required, localizer).into()),
        ("line", violation.line.into()),
    ];
    localizer.format("body-violation", &args)
}

/// How many of `members` have each value of `attribute`, by value, most first.
pub fn composition(candidates: &[Candidate], members: &[usize], attribute: Attribute) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for candidate in members.iter().filter_map(|&i| candidates.get(i)) {
        for value in candidate.values(attribute) {
            *counts.entry(value.to_owned()).or_default() += 1;
        }
    }
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// The largest nominations file read, and the most rows it may hold.
pub const MAX_NOMINATIONS_BYTES: usize = 8 * 1024 * 1024;
pub const MAX_NOMINATIONS: usize = 20_000;

/// The columns of a nominations file, in order.
pub const NOMINATION_COLUMNS: [&str; 9] =
    ["person", "nominator", "process", "stakeholder_group", "country", "gender", "expertise", "statement", "priority"];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NominationProblem {
    #[error("the file is larger than {MAX_NOMINATIONS_BYTES} bytes")]
    TooLarge,
    #[error("more than {MAX_NOMINATIONS} nominations")]
    TooMany,
    #[error("the columns are not {0}")]
    Header(String),
    #[error("not CSV: {0}")]
    Csv(String),
    #[error("empty")]
    Missing,
    #[error("too long")]
    TooLong,
    #[error("no recorded entity is named “{0}”")]
    UnknownEntity(String),
    #[error("give a nominating entity or a selection process")]
    NoNominator,
    #[error("“{0}” is not a stakeholder group")]
    UnknownGroup(String),
    #[error("“{0}” is not a country code (ISO 3166-1 alpha-2)")]
    UnknownCountry(String),
    #[error("“{0}” is not a whole number")]
    BadNumber(String),
}

/// What is wrong with a nominations file, where: its line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, {field}: {problem}")]
pub struct NominationError {
    pub line: u64,
    pub field: &'static str,
    pub problem: NominationProblem,
}

impl NominationError {
    pub fn message(&self, localizer: &Localizer) -> String {
        localizer.format(
            "body-nomination-error",
            &[("line", self.line.into()), ("field", self.field.into()), ("problem", self.problem.to_string().into())],
        )
    }
}

/// Reads a nominations file (CSV, the columns of `NOMINATION_COLUMNS`), every row checked:
/// nominating entities must be recorded, groups known, countries real. The first problem is
/// reported with its line and field; nothing is returned unless every row is right.
pub fn read_nominations(
    store: &mut dyn Store,
    bytes: &[u8],
) -> Result<Vec<consulta_store::NewNomination>, NominationError> {
    let at = |line: u64, field: &'static str| move |problem| NominationError { line, field, problem };
    if bytes.len() > MAX_NOMINATIONS_BYTES {
        return Err(at(0, "file")(NominationProblem::TooLarge));
    }
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| at(1, "file")(NominationProblem::Csv(e.to_string())))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if header != NOMINATION_COLUMNS {
        return Err(at(1, "file")(NominationProblem::Header(NOMINATION_COLUMNS.join(","))));
    }
    let groups: Vec<String> = store
        .stakeholder_groups()
        .map_err(|e| at(0, "file")(NominationProblem::Csv(e.to_string())))?
        .into_iter()
        .map(|g| g.as_str().to_owned())
        .collect();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            at(line, "file")(NominationProblem::Csv(e.to_string()))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if out.len() == MAX_NOMINATIONS {
            return Err(at(line, "file")(NominationProblem::TooMany));
        }
        let field = |i: usize| record.get(i).unwrap_or_default().trim();
        let text = |i: usize, max: usize, required: bool| -> Result<String, NominationError> {
            let value = field(i);
            if required && value.is_empty() {
                return Err(at(line, NOMINATION_COLUMNS[i])(NominationProblem::Missing));
            }
            if value.chars().count() > max {
                return Err(at(line, NOMINATION_COLUMNS[i])(NominationProblem::TooLong));
            }
            Ok(value.to_owned())
        };
        let person = text(0, 200, true)?;
        let nominator = match field(1) {
            "" => None,
            name => Some(
                crate::drafts::entity_named(store, name)
                    .map_err(|_| at(line, "nominator")(NominationProblem::UnknownEntity(name.to_owned())))?,
            ),
        };
        let process = Some(text(2, 200, false)?).filter(|p| !p.is_empty());
        if nominator.is_none() && process.is_none() {
            return Err(at(line, "nominator")(NominationProblem::NoNominator));
        }
        let group = text(3, 64, true)?;
        if !groups.contains(&group) {
            return Err(at(line, "stakeholder_group")(NominationProblem::UnknownGroup(group)));
        }
        let country = match field(4) {
            "" => None,
            code => Some(
                code.parse::<consulta_core::CountryCode>()
                    .map_err(|_| at(line, "country")(NominationProblem::UnknownCountry(code.to_owned())))?,
            ),
        };
        let gender = text(5, 40, true)?;
        let expertise_text = text(6, 1000, false)?;
        let expertise: Vec<String> =
            expertise_text.split([';', ',']).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
        if expertise.len() > 20 || expertise.iter().any(|t| t.chars().count() > 40) {
            return Err(at(line, "expertise")(NominationProblem::TooLong));
        }
        let statement = text(7, 4000, false)?;
        let priority = match field(8) {
            "" => 0,
            n => n.parse().map_err(|_| at(line, "priority")(NominationProblem::BadNumber(n.to_owned())))?,
        };
        out.push(consulta_store::NewNomination {
            person,
            nominator,
            process,
            stakeholder_group: group,
            country,
            gender,
            expertise,
            statement,
            priority,
        });
    }
    Ok(out)
}

/// Who nominated someone, as the rotation names nominators: the entity, or the selection
/// process.
pub fn nominator_label(nomination: &StoredNomination) -> String {
    nomination.nominator_name.clone().or_else(|| nomination.nomination.process.clone()).unwrap_or_default()
}

/// The chair's rotation as it stands: the nominator whose turn it is next (after the nominator
/// of the last chair seated), and the members seated on `day` who may be co-chair (those who
/// have not held it; all of them once everyone has).
pub fn chairs(
    body: &StoredBody,
    nominations: &[StoredNomination],
    memberships: &[Membership],
    day: jiff::civil::Date,
) -> (Option<String>, Vec<String>) {
    use consulta_composition::Role;
    let named = |id: i64| nominations.iter().find(|n| n.id == id);
    let last_chair = memberships
        .iter()
        .filter(|m| m.role == Role::Chair)
        .max_by_key(|m| m.start)
        .and_then(|m| named(m.nomination))
        .map(nominator_label);
    let rotation: Vec<&str> = body.chair_rotation.iter().map(String::as_str).collect();
    let next = consulta_composition::next_chair(&rotation, last_chair.as_deref()).map(str::to_owned);
    let seated: Vec<String> =
        seated_on(memberships, day).into_iter().filter_map(named).map(|n| n.nomination.person.clone()).collect();
    let held: Vec<String> = memberships
        .iter()
        .filter(|m| m.role == Role::CoChair)
        .filter_map(|m| named(m.nomination))
        .map(|n| n.nomination.person.clone())
        .collect();
    let seated_refs: Vec<&str> = seated.iter().map(String::as_str).collect();
    let held_refs: Vec<&str> = held.iter().map(String::as_str).collect();
    let candidates =
        consulta_composition::co_chair_candidates(&seated_refs, &held_refs).into_iter().map(str::to_owned).collect();
    (next, candidates)
}

/// Whether a chair and co-chair named for a new term follow the body's rotation: the chair
/// nominated by the nominator whose turn it is (when the chair rotates), the co-chair one of
/// the members who may be (those who have not held it, all once everyone has).
pub fn check_chairs(
    body: &StoredBody,
    nominations: &[StoredNomination],
    memberships: &[Membership],
    day: jiff::civil::Date,
    chair: Option<i64>,
    co_chair: Option<i64>,
) -> Result<(), BodyError> {
    let (next, candidates) = chairs(body, nominations, memberships, day);
    let named = |id: i64| nominations.iter().find(|n| n.id == id);
    if let (Some(expected), Some(chair)) = (next, chair.and_then(named)) {
        if nominator_label(chair) != expected {
            return Err(BodyError::ChairNotInTurn { expected });
        }
    }
    if let Some(co_chair) = co_chair.and_then(named) {
        let seated_now = seated_on(memberships, day).contains(&co_chair.id);
        if seated_now && !candidates.contains(&co_chair.nomination.person) {
            return Err(BodyError::CoChairHeld { person: co_chair.nomination.person.clone() });
        }
    }
    Ok(())
}

/// A body's nominations and their candidates as of a day, its rules, and the solver's answer.
#[derive(Debug)]
pub struct Solution {
    pub nominations: Vec<StoredNomination>,
    pub candidates: Vec<Candidate>,
    pub rules: RuleSet,
    pub answer: consulta_composition::Solved,
}

impl Solution {
    /// The solver's slate as nomination numbers, or `NoSlate`.
    pub fn slate(&self) -> Result<Vec<i64>, BodyError> {
        match &self.answer {
            consulta_composition::Solved::Slate(slate) => {
                Ok(slate.members.iter().map(|&i| self.nominations[i].id).collect())
            }
            consulta_composition::Solved::Conflict { .. } => Err(BodyError::NoSlate),
        }
    }
}

/// Solves a body as of `day`: the best slate by its objective, or the rules that conflict.
pub fn solve_body(store: &dyn Store, body: &StoredBody, day: jiff::civil::Date) -> Result<Solution, BodyError> {
    let rules = rules(body)?;
    let (nominations, candidates) = candidates(store, body, day)?;
    let answer = consulta_composition::solve(&candidates, &rules, body.objective)?;
    Ok(Solution { nominations, candidates, rules, answer })
}

/// A slate to seat: its members (nomination numbers), the term's first day, and the chair and
/// co-chair among them, if named.
#[derive(Debug, Clone)]
pub struct Seating {
    pub members: Vec<i64>,
    pub start: jiff::civil::Date,
    pub chair: Option<i64>,
    pub co_chair: Option<i64>,
}

/// Seats a slate for one term of the body's length, the chair and co-chair in turn by its
/// rotation (as of `today`); gives the term's end.
pub fn seat(
    store: &mut dyn Store,
    body: &StoredBody,
    seating: &Seating,
    today: jiff::civil::Date,
    by: &consulta_store::AuditActor,
) -> Result<jiff::civil::Date, BodyError> {
    use consulta_composition::Role;
    let end = seating
        .start
        .checked_add(jiff::Span::new().years(i64::from(body.term_years)))
        .map_err(|_| BodyError::TermOutOfRange)?;
    for named in [seating.chair, seating.co_chair].into_iter().flatten() {
        if !seating.members.contains(&named) {
            return Err(BodyError::ChairNotSeated(named));
        }
    }
    let (nominations, memberships) = (store.nominations(body.id)?, store.memberships(body.id)?);
    check_chairs(body, &nominations, &memberships, today, seating.chair, seating.co_chair)?;
    let role = |nomination: i64| {
        if Some(nomination) == seating.chair {
            Role::Chair
        } else if Some(nomination) == seating.co_chair {
            Role::CoChair
        } else {
            Role::Member
        }
    };
    let terms: Vec<Membership> = seating
        .members
        .iter()
        .map(|&nomination| Membership { nomination, start: seating.start, end, role: role(nomination) })
        .collect();
    store.seat(body.id, &terms, by)?;
    Ok(end)
}
