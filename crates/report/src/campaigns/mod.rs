//! A consultation's campaigns from the record: `follow` keeps them (a rebuild, or following the
//! change feed); here `campaigns` lists them with their size, when their first and last members
//! came, and their first member's title as representative, and `distinct_voices` counts each
//! campaign once per stakeholder group beside the raw counts.

mod detail;
mod follow;

pub use detail::{CampaignDetail, Count, Member, Pick, SlotView, Stretch, VARIANTS_LISTED, Variant, campaign_detail};
pub use follow::{CampaignFollower, Rebuilt, rebuild};

use consulta_core::{Consultation, ContributionId};
use consulta_store::{Store, StoreError};
use serde::Serialize;

/// A campaign as the outputs list it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CampaignView {
    /// Its first member's number, which names it.
    pub campaign: i64,
    /// The secretariat's name for it, if it gave one.
    pub name: Option<String>,
    pub size: u64,
    pub first_seen: String,
    pub last_seen: String,
    /// The most central member's title, and its number.
    pub representative: String,
    pub representative_id: i64,
}

/// A page of a consultation's campaigns, with what the whole list counts.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignList {
    pub campaigns: Vec<CampaignView>,
    /// Campaigns in all, and the published contributions that belong to one.
    pub total: usize,
    pub members: u64,
}

/// A consultation's campaigns, the largest first (then by their first member), each with its
/// most central member as representative.
pub fn campaigns(store: &dyn Store, consultation: &Consultation) -> Result<Vec<CampaignView>, StoreError> {
    Ok(campaigns_page(store, consultation, 0, usize::MAX)?.campaigns)
}

/// Campaigns `offset..offset + limit` of the list `campaigns` gives: the representatives,
/// which read texts, are found for those alone, so a page costs the same however many
/// campaigns a consultation has.
pub fn campaigns_page(
    store: &dyn Store,
    consultation: &Consultation,
    offset: usize,
    limit: usize,
) -> Result<CampaignList, StoreError> {
    let names: std::collections::HashMap<i64, String> =
        store.campaign_notes(consultation.id)?.into_iter().map(|(c, n)| (c.0, n.name().to_owned())).collect();
    let summaries = store.campaign_summaries(consultation.id)?;
    let (total, members) = (summaries.len(), summaries.iter().map(|s| s.size).sum());
    let mut views = Vec::new();
    for summary in summaries.into_iter().skip(offset).take(limit) {
        let theirs = store.campaign_member_ids(summary.campaign)?;
        let Some(representative) = detail::representative(store, &theirs)? else { continue };
        views.push(CampaignView {
            campaign: summary.campaign.0,
            name: names.get(&summary.campaign.0).cloned(),
            size: summary.size,
            first_seen: summary.first_seen.to_string(),
            last_seen: summary.last_seen.to_string(),
            representative: representative.title,
            representative_id: representative.id.0,
        });
    }
    Ok(CampaignList { campaigns: views, total, members })
}

/// Why a campaign could not be named.
#[derive(Debug, thiserror::Error)]
pub enum NamingError {
    #[error("no campaign {0} in this consultation")]
    NoSuchCampaign(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Sets (or, with None, removes) the secretariat's name and note for campaign `campaign` of a
/// consultation, audited: what the command line and the campaign's page both do.
pub fn name_campaign(
    store: &mut dyn Store,
    consultation: &Consultation,
    campaign: ContributionId,
    note: Option<&consulta_core::CampaignNote>,
    by: &consulta_store::AuditActor,
) -> Result<(), NamingError> {
    if store.campaign_summary(consultation.id, campaign)?.is_none() {
        return Err(NamingError::NoSuchCampaign(campaign.0));
    }
    store.set_campaign_note(campaign, note, by)?;
    Ok(())
}

/// The campaigns as `consulta campaigns list` prints them.
pub fn render_campaigns(
    views: &[CampaignView],
    format: crate::ListFormat,
    localizer: &consulta_i18n::Localizer,
) -> String {
    match format {
        crate::ListFormat::Json => serde_json::to_string_pretty(views).unwrap_or_default() + "\n",
        crate::ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(Vec::new());
            let _ = out.write_record(["campaign", "size", "first_seen", "last_seen", "representative"]);
            for v in views {
                let numbers = [v.campaign.to_string(), v.size.to_string()];
                let _ = out.write_record(numbers.iter().map(String::as_str).chain([
                    v.first_seen.as_str(),
                    v.last_seen.as_str(),
                    v.representative.as_str(),
                ]));
            }
            String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        crate::ListFormat::Text => views
            .iter()
            .map(|v| {
                let args: [(&str, consulta_i18n::Arg); 5] = [
                    ("campaign", consulta_i18n::Arg::Number(v.campaign as f64)),
                    ("size", v.size.into()),
                    ("first", v.first_seen.clone().into()),
                    ("last", v.last_seen.clone().into()),
                    ("representative", v.representative.clone().into()),
                ];
                localizer.format("cli-campaigns-line", &args) + "\n"
            })
            .collect(),
    }
}

/// The members as `consulta campaigns members` prints them: `contribution,campaign`.
pub fn render_members(members: &[(ContributionId, ContributionId)], format: crate::ListFormat) -> String {
    match format {
        crate::ListFormat::Json => {
            let rows: Vec<serde_json::Value> = members
                .iter()
                .map(|(member, campaign)| serde_json::json!({ "contribution": member.0, "campaign": campaign.0 }))
                .collect();
            serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
        }
        crate::ListFormat::Csv | crate::ListFormat::Text => std::iter::once("contribution,campaign\n".to_owned())
            .chain(members.iter().map(|(member, campaign)| format!("{},{}\n", member.0, campaign.0)))
            .collect(),
    }
}

/// One stakeholder group's contributions and distinct voices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DistinctVoices {
    pub group: String,
    /// Counted contributions (published, of a known sender), as the distribution table counts.
    pub contributions: u64,
    /// The same with each campaign counted once in the group: a contribution of its own counts
    /// one, a campaign reaching the group counts one however many of its members are in it.
    pub distinct: u64,
}

/// The distinct voices of a consultation: by stakeholder group, and how many counted
/// contributions belong to how many campaigns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Voices {
    pub groups: Vec<DistinctVoices>,
    pub members: u64,
    pub campaigns: usize,
}

impl Voices {
    pub fn distinct(&self) -> u64 {
        self.groups.iter().map(|g| g.distinct).sum()
    }
}

/// For each stakeholder group of the distribution table, its contributions and distinct voices;
/// none when the consultation has no campaign.
pub fn distinct_voices(store: &dyn Store, consultation: &Consultation) -> Result<Voices, StoreError> {
    let consulta_store::CampaignReach { groups: reach, campaigns } = store.campaign_reach(consultation.id)?;
    if reach.is_empty() {
        return Ok(Voices::default());
    }
    let table = crate::distribution_table(store, consultation.id)?;
    let groups = table
        .rows
        .iter()
        .map(|row| {
            let contributions = row.counts.total();
            let (members, campaigns) =
                reach.iter().find(|(group, ..)| *group == row.group).map_or((0, 0), |(_, n, c)| (*n, *c));
            DistinctVoices {
                group: row.group.as_str().to_owned(),
                contributions,
                distinct: contributions.saturating_sub(members) + campaigns,
            }
        })
        .collect();
    Ok(Voices { groups, members: reach.iter().map(|(_, n, _)| n).sum(), campaigns: campaigns as usize })
}
