//! One campaign read closely: its representative (the most central member), its members by
//! stakeholder group, country and channel, each listed variant's word-level differences from
//! the representative, and, when it is a synonym-swap template, its slots with their
//! alternatives. The cost is bounded however large the campaign: counts come from the database,
//! texts are read for an evenly spread sample and the members listed.

use std::collections::BTreeMap;

use consulta_campaigns::tokens::words;
use consulta_campaigns::variants::{CENTRAL_SAMPLE, Piece, TemplateRule, differences, most_central, slots};
use consulta_core::{Consultation, ContributionId};
use consulta_store::{PublicText, Store, StoreError};
use jiff::Timestamp;
use serde::Serialize;

use super::follow::text_of;

/// Members read to find a template's slots, spread evenly over the campaign.
const TEMPLATE_SAMPLE: usize = 200;
/// Members listed with their differences from the representative.
pub const VARIANTS_LISTED: usize = 50;

/// Every `len / n`-th position, so that a sample of about `n` is spread over the whole.
fn spread(len: usize, n: usize) -> impl Iterator<Item = usize> {
    (0..len).step_by(len.div_ceil(n.max(1)).max(1))
}

/// The published texts of `ids`, read a thousand at a time.
fn texts(store: &dyn Store, ids: &[ContributionId]) -> Result<Vec<PublicText>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(1000) {
        out.extend(store.public_texts(chunk)?.into_iter().filter(|t| !t.withheld));
    }
    Ok(out)
}

/// The most central of a campaign's members (given in the order recorded), of an evenly spread
/// sample; None for a campaign with no published member.
pub(crate) fn representative(store: &dyn Store, members: &[ContributionId]) -> Result<Option<PublicText>, StoreError> {
    let sample: Vec<ContributionId> = spread(members.len(), CENTRAL_SAMPLE).map(|i| members[i]).collect();
    let mut read = texts(store, &sample)?;
    let tokens: Vec<Vec<u64>> = read.iter().map(|t| words(&text_of(t)).into_iter().map(|(t, _)| t).collect()).collect();
    Ok(most_central(&tokens).map(|at| read.swap_remove(at)))
}

/// A member as listed.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Member {
    pub contribution: i64,
    pub title: String,
    pub entity: String,
    pub stakeholder_group: String,
    pub country: Option<String>,
    pub channel: String,
    pub language: String,
    #[schema(value_type = String)]
    pub submitted_at: Timestamp,
}

impl Member {
    fn of(text: &PublicText) -> Member {
        Member {
            contribution: text.id.0,
            title: text.title.clone(),
            entity: text.entity_name.clone(),
            stakeholder_group: text.group.as_str().to_owned(),
            country: text.country.map(|c| c.to_string()),
            channel: text.channel.as_str().to_owned(),
            language: text.language.clone(),
            submitted_at: text.submitted_at,
        }
    }
}

/// How many members share a value (a stakeholder group, a country code, a channel; no value:
/// no country).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Count {
    pub value: Option<String>,
    pub members: u64,
}

/// A stretch of a variant: words it shares with the representative, adds, or lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Stretch {
    /// `same`, `added` or `removed`.
    pub kind: &'static str,
    pub text: String,
}

/// A listed member and how its text differs from the representative's.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Variant {
    pub member: Member,
    /// The same words as the representative (punctuation, case and accents aside).
    pub identical: bool,
    pub stretches: Vec<Stretch>,
}

/// A word picked at a slot, and by how many of the members read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Pick {
    pub word: String,
    pub members: usize,
}

/// A place of the template where members pick one word of a set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SlotView {
    /// The representative's words just before it, to find it by.
    pub after: String,
    pub picks: Vec<Pick>,
}

/// One campaign, read closely.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CampaignDetail {
    pub campaign: i64,
    /// The secretariat's name and note, if it gave them.
    pub name: Option<String>,
    pub note: Option<String>,
    pub size: u64,
    #[schema(value_type = String)]
    pub first_seen: Timestamp,
    #[schema(value_type = String)]
    pub last_seen: Timestamp,
    pub representative: Member,
    /// The representative's text (its title, body and attachments' text).
    pub representative_text: String,
    pub by_stakeholder_group: Vec<Count>,
    pub by_country: Vec<Count>,
    pub by_channel: Vec<Count>,
    /// Empty unless the campaign is a synonym-swap template.
    pub slots: Vec<SlotView>,
    /// The first members recorded (the representative aside), with their differences.
    pub variants: Vec<Variant>,
}

/// Campaign `campaign` of a consultation; None if it has no published member there.
pub fn campaign_detail(
    store: &dyn Store,
    consultation: &Consultation,
    campaign: ContributionId,
) -> Result<Option<CampaignDetail>, StoreError> {
    let Some(summary) = store.campaign_summary(consultation.id, campaign)? else {
        return Ok(None);
    };
    let members = store.campaign_member_ids(campaign)?;
    let Some(representative) = representative(store, &members)? else { return Ok(None) };
    let note = store.campaign_note(campaign)?;
    let (mut by_group, mut by_country, mut by_channel) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    for facet in store.campaign_breakdown(campaign)? {
        *by_group.entry(Some(facet.group.as_str().to_owned())).or_default() += facet.members;
        *by_country.entry(facet.country.map(|c| c.to_string())).or_default() += facet.members;
        *by_channel.entry(Some(facet.channel.as_str().to_owned())).or_default() += facet.members;
    }
    let counts = |map: BTreeMap<Option<String>, u64>| {
        let mut counts: Vec<Count> = map.into_iter().map(|(value, members)| Count { value, members }).collect();
        counts.sort_by_key(|c| std::cmp::Reverse(c.members));
        counts
    };
    let own = Read::of(&representative);
    let listed: Vec<ContributionId> =
        members.iter().copied().filter(|m| *m != representative.id).take(VARIANTS_LISTED).collect();
    let variants = texts(store, &listed)?
        .iter()
        .map(|text| {
            let theirs = Read::of(text);
            let pieces = differences(&own.tokens, &theirs.tokens);
            let identical = pieces.iter().all(|p| matches!(p, Piece::Same { .. }));
            let stretches = pieces
                .into_iter()
                .map(|piece| match piece {
                    Piece::Same { to, .. } => Stretch { kind: "same", text: theirs.span(to) },
                    Piece::Added(to) => Stretch { kind: "added", text: theirs.span(to) },
                    Piece::Removed(from) => Stretch { kind: "removed", text: own.span(from) },
                })
                .collect();
            Variant { member: Member::of(text), identical, stretches }
        })
        .collect();

    let sample: Vec<ContributionId> = spread(members.len(), TEMPLATE_SAMPLE).map(|i| members[i]).collect();
    let sampled: Vec<Read> = texts(store, &sample)?.iter().map(Read::of).collect();
    let sampled_tokens: Vec<Vec<u64>> = sampled.iter().map(|r| r.tokens.clone()).collect();
    let slot_views = slots(&own.tokens, &sampled_tokens, TemplateRule::default())
        .into_iter()
        .map(|slot| SlotView {
            after: own.span(slot.at.saturating_sub(4)..slot.at),
            picks: slot
                .alternatives
                .iter()
                .map(|a| {
                    let (member, at) = a.example;
                    // The representative's own word has no member as example.
                    let word = sampled.get(member).unwrap_or(&own).span(at..at + 1);
                    Pick { word, members: a.members }
                })
                .collect(),
        })
        .collect();

    Ok(Some(CampaignDetail {
        campaign: campaign.0,
        name: note.as_ref().map(|n| n.name().to_owned()),
        note: note.as_ref().map(|n| n.note().to_owned()).filter(|n| !n.is_empty()),
        size: summary.size,
        first_seen: summary.first_seen,
        last_seen: summary.last_seen,
        representative: Member::of(&representative),
        representative_text: own.text.trim().to_owned(),
        by_stakeholder_group: counts(by_group),
        by_country: counts(by_country),
        by_channel: counts(by_channel),
        slots: slot_views,
        variants,
    }))
}

/// A member's text read into words.
struct Read {
    text: String,
    words: Vec<(u64, std::ops::Range<usize>)>,
    tokens: Vec<u64>,
}

impl Read {
    fn of(text: &PublicText) -> Read {
        let text = text_of(text);
        let words = words(&text);
        let tokens = words.iter().map(|(t, _)| *t).collect();
        Read { text, words, tokens }
    }

    /// The text of words `range` (token positions), from the first word's start to the next
    /// word's (or the text's end): the punctuation between and after them kept, the spaces after
    /// them not.
    fn span(&self, range: std::ops::Range<usize>) -> String {
        let Some((_, first)) = self.words.get(range.start).filter(|_| range.start < range.end) else {
            return String::new();
        };
        let end = self.words.get(range.end).map_or(self.text.len(), |(_, next)| next.start);
        self.text[first.start..end].trim_end().to_owned()
    }
}
