//! The campaigns of a consultation as the public reads them: the list (with how many distinct
//! voices the contributions are), and each campaign with its first member as representative,
//! when its members came, by stakeholder group, and its members.

use axum::extract::{Path, State};
use axum::response::Response;
use consulta_core::{Consultation, ContributionId};
use consulta_i18n::Localizer;
use consulta_report::campaigns::campaigns;
use consulta_store::Store;
use serde_json::{Value, json};

use crate::App;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError, PageResult};
use crate::pages::{consultation_summary, find_consultation, moment_label};

/// Members a campaign's page lists at most (the rest are counted).
const MEMBERS_SHOWN: usize = 200;

fn campaign_url(consultation: &Consultation, campaign: i64) -> String {
    format!("/consultations/{}/campaigns/{campaign}", consultation.record.slug.as_str())
}

/// GET /consultations/{slug}/campaigns
pub(crate) async fn list_page(State(app): State<App>, language: RequestLanguage, Path(slug): Path<String>) -> Response {
    let localizer = language.localizer;
    let result = app.page(move |store| list(store, &slug, &localizer)).await;
    app.templates.respond(&language, result)
}

fn list(store: &dyn Store, slug: &str, localizer: &Localizer) -> PageResult {
    let consultation = find_consultation(store, slug)?;
    let views = campaigns(store, &consultation)?;
    let zone = &consultation.record.time_zone;
    let moment =
        |text: &str| text.parse::<jiff::Timestamp>().map(|t| moment_label(t, zone, localizer)).unwrap_or_default();
    let members: usize = views.iter().map(|v| v.size).sum();
    let total = store
        .channel_counts(consultation.id)?
        .iter()
        .filter(|(_, _, standing, _)| *standing != consulta_core::table::Standing::Withheld)
        .map(|(.., n)| *n)
        .sum::<u64>() as usize;
    let distinct = total.saturating_sub(members) + views.len();
    Ok(Page {
        template: "campaigns.html",
        title: localizer.text("campaigns-title"),
        is_example: consultation.record.is_example,
        context: json!({
            "consultation": consultation_summary(&consultation, localizer),
            "summary": localizer.format("campaigns-summary", &[
                ("members", members.into()),
                ("campaigns", views.len().into()),
                ("total", total.into()),
                ("distinct", distinct.into()),
            ]),
            "campaigns": views.iter().map(|v| json!({
                "id": v.campaign,
                "url": campaign_url(&consultation, v.campaign),
                "size": v.size,
                "first": moment(&v.first_seen),
                "last": moment(&v.last_seen),
                "representative": v.representative,
            })).collect::<Vec<_>>(),
        }),
    })
}

/// GET /consultations/{slug}/campaigns/{id}
pub(crate) async fn campaign_page(
    State(app): State<App>,
    language: RequestLanguage,
    Path((slug, id)): Path<(String, String)>,
) -> Response {
    let localizer = language.localizer;
    let result = app.page(move |store| campaign(store, &slug, &id, &localizer)).await;
    app.templates.respond(&language, result)
}

fn campaign(store: &dyn Store, slug: &str, id: &str, localizer: &Localizer) -> PageResult {
    let consultation = find_consultation(store, slug)?;
    let id = ContributionId(id.parse().map_err(|_| PageError::NotFound)?);
    let members: Vec<ContributionId> = store
        .campaign_members(consultation.id)?
        .into_iter()
        .filter(|(_, campaign)| *campaign == id)
        .map(|(member, _)| member)
        .collect();
    if members.is_empty() {
        return Err(PageError::NotFound);
    }
    let texts: Vec<consulta_store::PublicText> =
        store.public_texts(&members)?.into_iter().filter(|t| !t.withheld).collect();
    let zone = &consultation.record.time_zone;
    let representative = texts.iter().find(|t| t.id == id).or(texts.first());
    let mut by_group: Vec<(String, usize)> = Vec::new();
    for text in &texts {
        let label = consulta_report::group_label(text.group.as_str(), localizer);
        match by_group.iter_mut().find(|(g, _)| *g == label) {
            Some(entry) => entry.1 += 1,
            None => by_group.push((label, 1)),
        }
    }
    by_group.sort_by_key(|(g, n)| (std::cmp::Reverse(*n), g.clone()));
    let seen: Vec<jiff::Timestamp> = texts.iter().map(|t| t.submitted_at).collect();
    let listed: Vec<Value> = texts
        .iter()
        .take(MEMBERS_SHOWN)
        .map(|t| {
            json!({
                "id": t.id.0,
                "title": t.title,
                "lang": t.language,
                "entity": t.entity_name,
                "group": consulta_report::group_label(t.group.as_str(), localizer),
                "submitted": moment_label(t.submitted_at, zone, localizer),
            })
        })
        .collect();
    Ok(Page {
        template: "campaign.html",
        title: localizer.format("campaign-name", &[("id", consulta_i18n::Arg::Number(id.0 as f64))]),
        is_example: consultation.record.is_example,
        context: json!({
            "consultation": consultation_summary(&consultation, localizer),
            "id": id.0,
            "size": texts.len(),
            "first": seen.iter().min().map(|t| moment_label(*t, zone, localizer)),
            "last": seen.iter().max().map(|t| moment_label(*t, zone, localizer)),
            "representative": representative.map(|t| json!({ "id": t.id.0, "title": t.title, "body": t.body, "lang": t.language })),
            "by_group": by_group.iter().map(|(g, n)| json!({ "group": g, "count": n })).collect::<Vec<_>>(),
            "members": listed,
            "more": texts.len().saturating_sub(MEMBERS_SHOWN),
        }),
    })
}
