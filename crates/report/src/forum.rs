//! The forum on projects and funding as the command line, the pages, the API and the open data
//! use it: a verified entity posts a project or a funding source and asks or answers in an
//! item's thread; every visible project is matched to the visible funding sources it meets, with
//! the reasons in the reader's language; the secretariat hides an item or an answer with its
//! reason, which is shown in its place.

use consulta_composition::Attribute;
use consulta_core::{AccountId, Entity};
use consulta_followup::{
    ForumFieldError, ForumFields, ForumKind, ForumProblem, MatchReason, check_reply, match_reasons, match_score,
};
use consulta_i18n::{Arg, Localizer};
use consulta_store::{AuditActor, ForumItemId, ForumReply, NewForumItem, Store, StoreError, StoredForumItem};
use jiff::civil::Date;
use serde::Serialize;

use crate::bodies::value_name;

#[derive(Debug, thiserror::Error)]
pub enum ForumError {
    #[error("{0}")]
    Field(ForumFieldError),
    #[error("answer: {0}")]
    Reply(ForumProblem),
    #[error("only a verified entity's focal point may post in the forum")]
    NotVerified,
    #[error("{0} is not a stakeholder group of this instance")]
    UnknownGroup(String),
    #[error("no item {0} in the forum")]
    UnknownItem(i64),
    #[error("no answer {number} under item {item}")]
    UnknownReply { item: i64, number: i64 },
    #[error("the reason for hiding is required")]
    NoReason,
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for ForumError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotAForumItem(id) => ForumError::UnknownItem(id),
            StoreError::NotAForumReply { item, number } => ForumError::UnknownReply { item, number },
            other => ForumError::Store(other),
        }
    }
}

/// A field's problem in the reader's language.
fn problem_message(problem: &ForumProblem, localizer: &Localizer) -> String {
    let value = |key: &str, value: &str| localizer.format(key, &[("value", value.to_owned().into())]);
    match problem {
        ForumProblem::Missing => localizer.text("forum-problem-missing"),
        ForumProblem::TooLong(n) => localizer.format("forum-problem-too-long", &[("count", Arg::Number(*n as f64))]),
        ForumProblem::TooMany(n) => localizer.format("forum-problem-too-many", &[("count", Arg::Number(*n as f64))]),
        ForumProblem::BadKind(v) => value("forum-problem-kind", v),
        ForumProblem::UnknownActionLine(v) => value("follow-up-problem-action-line", v),
        ForumProblem::UnknownCountry(v) => value("forum-problem-country", v),
        ForumProblem::UnknownRegion(v) => value("forum-problem-region", v),
        ForumProblem::UnknownDevelopment(v) => value("forum-problem-development", v),
        ForumProblem::BadGroup(v) => value("forum-problem-group", v),
        ForumProblem::BadAmount(v) => value("forum-problem-amount", v),
        ForumProblem::MinAboveMax => localizer.text("forum-problem-min-above-max"),
        ForumProblem::BadDate(v) => value("follow-up-problem-date", v),
        ForumProblem::FundingOnly => localizer.text("forum-problem-funding-only"),
        ForumProblem::ProjectOnly => localizer.text("forum-problem-project-only"),
    }
}

/// A field's label in the reader's language (the form's, so an error names what a person sees).
pub fn field_label(field: &str, localizer: &Localizer) -> String {
    localizer.text(&format!("forum-field-{}", field.replace('_', "-")))
}

impl ForumError {
    pub fn message(&self, localizer: &Localizer) -> String {
        match self {
            ForumError::Field(e) => localizer.format(
                "forum-field-error",
                &[
                    ("field", field_label(e.field, localizer).into()),
                    ("problem", problem_message(&e.problem, localizer).into()),
                ],
            ),
            ForumError::Reply(problem) => localizer.format(
                "forum-field-error",
                &[
                    ("field", localizer.text("forum-reply-label").into()),
                    ("problem", problem_message(problem, localizer).into()),
                ],
            ),
            ForumError::NotVerified => localizer.text("forum-not-verified"),
            ForumError::UnknownGroup(g) => localizer.format("forum-problem-group", &[("value", g.clone().into())]),
            ForumError::UnknownItem(n) => localizer.format("forum-unknown-item", &[("number", Arg::Number(*n as f64))]),
            ForumError::UnknownReply { item, number } => localizer.format(
                "forum-unknown-reply",
                &[("item", Arg::Number(*item as f64)), ("number", Arg::Number(*number as f64))],
            ),
            ForumError::NoReason => localizer.text("forum-no-reason"),
            ForumError::Store(e) => e.to_string(),
        }
    }
}

/// Whether an entity may post and answer in the forum: one of the registry, never an unverified
/// sender's claim.
pub fn may_post(entity: &Entity) -> bool {
    !entity.claimed
}

fn verified(entity: &Entity) -> Result<(), ForumError> {
    if !may_post(entity) {
        return Err(ForumError::NotVerified);
    }
    Ok(())
}

/// Posts a project or a funding source for a verified entity, the fields checked (stakeholder
/// groups against this instance's, fictional States only for an invented entity).
pub fn post(
    store: &mut dyn Store,
    entity: &Entity,
    account: Option<AccountId>,
    fields: &ForumFields,
    by: &AuditActor,
) -> Result<ForumItemId, ForumError> {
    verified(entity)?;
    let post = fields.check().map_err(ForumError::Field)?;
    // The examples' fictional States are for invented entities only.
    if let Some(fictional) = post.countries.iter().find(|c| c.country().fictional && !entity.is_example) {
        let problem = ForumProblem::UnknownCountry(fictional.to_string());
        return Err(ForumError::Field(ForumFieldError { field: "countries", problem }));
    }
    let groups = store.stakeholder_groups()?;
    if let Some(unknown) = post.groups.iter().find(|g| !groups.iter().any(|known| known.as_str() == g.as_str())) {
        return Err(ForumError::UnknownGroup(unknown.clone()));
    }
    Ok(store.post_forum_item(&NewForumItem { entity: entity.id, account, post }, by)?)
}

/// Asks or answers under an item, for a verified entity; gives the answer's number.
pub fn reply(
    store: &mut dyn Store,
    item: i64,
    entity: &Entity,
    account: Option<AccountId>,
    text: &str,
    by: &AuditActor,
) -> Result<i64, ForumError> {
    verified(entity)?;
    let body = check_reply(text).map_err(ForumError::Reply)?;
    Ok(store.reply_in_forum(ForumItemId(item), entity.id, account, &body, by)?)
}

/// The secretariat hides an item (or one answer of its thread) with a reason, or shows it again.
pub fn moderate(
    store: &mut dyn Store,
    item: i64,
    answer: Option<i64>,
    hide: Option<&str>,
    by: &AuditActor,
) -> Result<(), ForumError> {
    let reason = match hide.map(str::trim) {
        Some("") => return Err(ForumError::NoReason),
        other => other,
    };
    Ok(store.moderate_forum(ForumItemId(item), answer, reason, by)?)
}

/// Why two items were matched, in the reader's language.
pub fn reason_text(reason: &MatchReason, localizer: &Localizer) -> String {
    let country = |c: &consulta_core::CountryCode| c.country().name(localizer.language()).to_owned();
    match reason {
        MatchReason::ActionLines { codes } => {
            localizer.format("forum-reason-action-lines", &[("codes", codes.join(", ").into())])
        }
        MatchReason::Country { country: c } => {
            localizer.format("forum-reason-country", &[("country", country(c).into())])
        }
        MatchReason::Region { region, country: c } => localizer.format(
            "forum-reason-region",
            &[
                ("region", value_name(Attribute::Region, region.as_str(), localizer).into()),
                ("country", country(c).into()),
            ],
        ),
        MatchReason::Anywhere => localizer.text("forum-reason-anywhere"),
        MatchReason::Development { status, country: c } => localizer.format(
            "forum-reason-development",
            &[
                ("status", value_name(Attribute::Development, status.as_str(), localizer).into()),
                ("country", country(c).into()),
            ],
        ),
        MatchReason::Group { group } => {
            localizer.format("forum-reason-group", &[("group", value_name(Attribute::Group, group, localizer).into())])
        }
        MatchReason::Budget { budget, min, max } => localizer.format(
            "forum-reason-budget",
            &[("budget", dollars(*budget, localizer).into()), ("range", range(*min, *max, localizer).into())],
        ),
        MatchReason::Deadline { deadline } => {
            localizer.format("forum-reason-deadline", &[("date", localizer.date(*deadline).into())])
        }
    }
}

fn dollars(amount: u64, localizer: &Localizer) -> String {
    localizer.format("forum-dollars", &[("amount", localizer.whole_number(amount).into())])
}

/// A funding source's grants, "from … to …", or its one bound, or "" when it states none.
fn range(min: Option<u64>, max: Option<u64>, localizer: &Localizer) -> String {
    let amount = |a: u64| dollars(a, localizer);
    match (min, max) {
        (Some(min), Some(max)) => {
            localizer.format("forum-range", &[("min", amount(min).into()), ("max", amount(max).into())])
        }
        (Some(min), None) => localizer.format("forum-range-from", &[("min", amount(min).into())]),
        (None, Some(max)) => localizer.format("forum-range-up-to", &[("max", amount(max).into())]),
        (None, None) => String::new(),
    }
}

/// One item matched to another, the closest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MatchView {
    pub id: i64,
    pub title: String,
    pub entity: String,
    pub score: u32,
    /// Why, one fact a line, in the reader's language.
    pub reasons: Vec<String>,
}

/// An item as listings show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ForumItemSummary {
    pub id: i64,
    /// project or funding.
    pub kind: String,
    pub title: String,
    /// The posting entity.
    pub entity: String,
    pub is_example: bool,
    pub action_lines: Vec<String>,
    /// Country names in the reader's language.
    pub countries: Vec<String>,
    /// A project's budget, or a funding source's grants, in the reader's words.
    pub amount: String,
    pub funder: String,
    /// YYYY-MM-DD.
    pub deadline: Option<String>,
    /// YYYY-MM-DD.
    pub posted_on: String,
    pub answers: i64,
    pub matches: Vec<MatchView>,
    /// Why the secretariat hid it; its content is then left out.
    pub hidden_reason: Option<String>,
}

/// An answer in a thread; a hidden one keeps its place and its reason, not its text.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReplyView {
    pub number: i64,
    pub entity: String,
    pub body: Option<String>,
    pub hidden_reason: Option<String>,
    /// YYYY-MM-DD.
    pub posted_on: String,
}

/// One item whole: its fields in the reader's words, its matches and its thread.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ForumItemView {
    #[serde(flatten)]
    pub summary: ForumItemSummary,
    pub description: Option<String>,
    pub contact: Option<String>,
    /// A funding source's eligibility: regional groups, development statuses and stakeholder
    /// groups, named in the reader's language (empty: open to all).
    pub regions: Vec<String>,
    pub development: Vec<String>,
    pub groups: Vec<String>,
    pub thread: Vec<ReplyView>,
}

/// Which items a listing shows (empty = any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ForumQuery {
    pub kind: Option<ForumKind>,
    pub action_line: Option<String>,
    pub country: Option<consulta_core::CountryCode>,
}

impl ForumQuery {
    /// Reads a listing's filters as typed (empty = any), each checked.
    pub fn read(kind: &str, action_line: &str, country: &str) -> Result<ForumQuery, ForumError> {
        let field = |field, problem| ForumError::Field(ForumFieldError { field, problem });
        let kind = match kind.trim() {
            "" => None,
            k => Some(k.parse().map_err(|_| field("kind", ForumProblem::BadKind(k.chars().take(40).collect())))?),
        };
        let action_line = match action_line.trim() {
            "" => None,
            code => Some(
                consulta_followup::action_line(code)
                    .ok_or_else(|| {
                        field("action_lines", ForumProblem::UnknownActionLine(code.chars().take(40).collect()))
                    })?
                    .code
                    .clone(),
            ),
        };
        let country = match country.trim() {
            "" => None,
            c => Some(
                c.parse()
                    .map_err(|_| field("countries", ForumProblem::UnknownCountry(c.chars().take(40).collect())))?,
            ),
        };
        Ok(ForumQuery { kind, action_line, country })
    }

    fn admits(&self, item: &StoredForumItem) -> bool {
        self.kind.is_none_or(|k| k == item.post.kind)
            && self.action_line.as_ref().is_none_or(|code| item.post.action_lines.contains(code))
            && self.country.is_none_or(|c| item.post.countries.contains(&c))
    }
}

/// The items `item` meets among `all` (projects to funding sources and back), with why.
fn matched<'a>(
    item: &StoredForumItem,
    all: &'a [StoredForumItem],
    today: Date,
) -> Vec<(&'a StoredForumItem, Vec<MatchReason>)> {
    if item.hidden.is_some() {
        return Vec::new();
    }
    all.iter()
        .filter(|other| other.hidden.is_none() && other.id != item.id)
        .filter_map(|other| {
            let reasons = match item.post.kind {
                ForumKind::Project => match_reasons(&item.post, &item.entity_group, &other.post, today),
                ForumKind::Funding => match_reasons(&other.post, &other.entity_group, &item.post, today),
            }?;
            Some((other, reasons))
        })
        .collect()
}

/// The matches of `item`, the closest first, the reasons in the reader's language.
fn matches(item: &StoredForumItem, all: &[StoredForumItem], today: Date, localizer: &Localizer) -> Vec<MatchView> {
    let mut found: Vec<MatchView> = matched(item, all, today)
        .into_iter()
        .map(|(other, reasons)| MatchView {
            id: other.id.0,
            title: other.post.title.clone(),
            entity: other.entity_name.clone(),
            score: match_score(&reasons),
            reasons: reasons.iter().map(|r| reason_text(r, localizer)).collect(),
        })
        .collect();
    found.sort_by(|a, b| b.score.cmp(&a.score).then(a.id.cmp(&b.id)));
    found
}

fn summary(item: &StoredForumItem, all: &[StoredForumItem], today: Date, localizer: &Localizer) -> ForumItemSummary {
    let post = &item.post;
    let hidden = item.hidden.is_some();
    let amount = match post.kind {
        ForumKind::Project => post.amount_max.map(|b| dollars(b, localizer)).unwrap_or_default(),
        ForumKind::Funding => range(post.amount_min, post.amount_max, localizer),
    };
    ForumItemSummary {
        id: item.id.0,
        kind: post.kind.as_str().to_owned(),
        title: if hidden { localizer.text("forum-hidden-title") } else { post.title.clone() },
        entity: item.entity_name.clone(),
        is_example: item.is_example,
        action_lines: post.action_lines.clone(),
        countries: post.countries.iter().map(|c| c.country().name(localizer.language()).to_owned()).collect(),
        amount,
        funder: post.funder.clone(),
        deadline: post.deadline.map(|d| d.to_string()),
        posted_on: item.posted_at.to_zoned(jiff::tz::TimeZone::UTC).date().to_string(),
        answers: item.replies,
        matches: matches(item, all, today, localizer),
        hidden_reason: item.hidden.as_ref().map(|h| h.reason.clone()),
    }
}

/// The forum's items the query lets through, visible ones only, the latest first, each with its
/// matches.
pub fn items(
    store: &dyn Store,
    query: &ForumQuery,
    today: Date,
    localizer: &Localizer,
) -> Result<Vec<ForumItemSummary>, ForumError> {
    let all = store.forum_items()?;
    Ok(all
        .iter()
        .filter(|i| i.hidden.is_none() && query.admits(i))
        .map(|i| summary(i, &all, today, localizer))
        .collect())
}

/// The items the secretariat has hidden, with their reasons.
pub fn hidden_items(
    store: &dyn Store,
    today: Date,
    localizer: &Localizer,
) -> Result<Vec<ForumItemSummary>, ForumError> {
    let all = store.forum_items()?;
    Ok(all.iter().filter(|i| i.hidden.is_some()).map(|i| summary(i, &all, today, localizer)).collect())
}

fn reply_view(reply: ForumReply) -> ReplyView {
    let hidden = reply.hidden.map(|h| h.reason);
    ReplyView {
        number: reply.number,
        entity: reply.entity_name,
        body: if hidden.is_some() { None } else { Some(reply.body) },
        hidden_reason: hidden,
        posted_on: reply.posted_at.to_zoned(jiff::tz::TimeZone::UTC).date().to_string(),
    }
}

/// One item whole; a hidden one shows its reason in place of its content.
pub fn item_view(store: &dyn Store, id: i64, today: Date, localizer: &Localizer) -> Result<ForumItemView, ForumError> {
    let all = store.forum_items()?;
    let item = all.iter().find(|i| i.id.0 == id).ok_or(ForumError::UnknownItem(id))?;
    whole(store, item, &all, today, localizer)
}

/// `item` whole, matched among `all` (every item, read once by the caller), with its thread.
fn whole(
    store: &dyn Store,
    item: &StoredForumItem,
    all: &[StoredForumItem],
    today: Date,
    localizer: &Localizer,
) -> Result<ForumItemView, ForumError> {
    let thread = store.forum_replies(item.id)?.into_iter().map(reply_view).collect();
    let shown = item.hidden.is_none();
    let post = &item.post;
    let names = |attribute, values: Vec<&str>| -> Vec<String> {
        values.into_iter().map(|v| value_name(attribute, v, localizer)).collect()
    };
    Ok(ForumItemView {
        summary: summary(item, all, today, localizer),
        description: shown.then(|| post.description.clone()),
        contact: shown.then(|| post.contact.clone()),
        regions: names(Attribute::Region, post.regions.iter().map(|r| r.as_str()).collect()),
        development: names(Attribute::Development, post.development.iter().map(|d| d.as_str()).collect()),
        groups: names(Attribute::Group, post.groups.iter().map(String::as_str).collect()),
        thread,
    })
}

/// The forum as open data: every item (a hidden one with its reason, not its content) with its
/// thread and its matches, in English.
pub fn export_json(store: &dyn Store, today: Date) -> Result<String, ForumError> {
    let localizer = Localizer::for_language("en").unwrap_or_else(|| Localizer::negotiate(""));
    let all = store.forum_items()?;
    let items = all.iter().map(|item| whole(store, item, &all, today, &localizer)).collect::<Result<Vec<_>, _>>()?;
    Ok(serde_json::to_string_pretty(&items).unwrap_or_default())
}
