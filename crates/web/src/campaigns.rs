//! The campaigns of a consultation as the public reads them: the list (with how many distinct
//! voices the contributions are), each campaign with its representative, its members by
//! stakeholder group, country and channel, its variants' differences and a template's slots; the
//! same as JSON; and the secretariat's form to name a campaign.

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Json, Response};
use consulta_core::{CampaignNote, Consultation, ContributionId};
use consulta_i18n::Localizer;
use consulta_report::campaigns::{CampaignDetail, Count, NamingError, campaign_detail, campaigns_page, name_campaign};
use consulta_store::{AuditActor, Store};
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::accounts::{QueryParams, Visitor, secretariat_form, with_visitor};
use crate::api::ApiError;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError, PageResult};
use crate::pages::{consultation_summary, find_consultation, moment_label};
use crate::{App, forms};

fn campaign_url(consultation: &Consultation, campaign: i64) -> String {
    format!("/consultations/{}/campaigns/{campaign}", consultation.record.slug.as_str())
}

fn campaign_id(id: &str) -> Option<ContributionId> {
    id.parse::<i64>().ok().filter(|id| *id > 0).map(ContributionId)
}

/// Campaigns a page lists unless the API asks for another number, and the most it may ask for.
const CAMPAIGNS_PER_PAGE: usize = 50;
const MOST_CAMPAIGNS_PER_PAGE: usize = 200;

/// The page asked for (`page`, from 1) and its size (`per_page`, the API's), checked.
fn page_of(query: &QueryParams, most: usize) -> Result<(usize, usize), String> {
    let number = |name: &str, default: usize, range: std::ops::RangeInclusive<usize>| match query.get(name) {
        None => Ok(default),
        Some(value) => value.parse().ok().filter(|n| range.contains(n)).ok_or_else(|| format!("{name}={value}")),
    };
    Ok((number("page", 1, 1..=100_000)?, number("per_page", CAMPAIGNS_PER_PAGE, 1..=most)?))
}

/// GET /consultations/{slug}/campaigns
pub(crate) async fn list_page(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    Query(query): Query<QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let result = app.page(move |store| list(store, &slug, &query, &localizer)).await;
    app.templates.respond(&language, result)
}

fn list(store: &dyn Store, slug: &str, query: &QueryParams, localizer: &Localizer) -> PageResult {
    let consultation = find_consultation(store, slug)?;
    let (page, _) = page_of(query, CAMPAIGNS_PER_PAGE).map_err(PageError::BadRequest)?;
    let offset = (page - 1) * CAMPAIGNS_PER_PAGE;
    let list = campaigns_page(store, &consultation, offset, CAMPAIGNS_PER_PAGE)?;
    if offset > 0 && list.campaigns.is_empty() {
        return Err(PageError::NotFound);
    }
    let views = &list.campaigns;
    let zone = &consultation.record.time_zone;
    let moment = |text: &str| text.parse::<Timestamp>().map(|t| moment_label(t, zone, localizer)).unwrap_or_default();
    let members = list.members;
    let total = store
        .channel_counts(consultation.id)?
        .iter()
        .filter(|(_, _, standing, _)| *standing != consulta_core::table::Standing::Withheld)
        .map(|(.., n)| *n)
        .sum::<u64>();
    let distinct = total.saturating_sub(members) + list.total as u64;
    let base = format!("/consultations/{}/campaigns", consultation.record.slug.as_str());
    Ok(Page {
        template: "campaigns.html",
        title: localizer.text("campaigns-title"),
        is_example: consultation.record.is_example,
        context: json!({
            "consultation": consultation_summary(&consultation, localizer),
            "summary": localizer.format("campaigns-summary", &[
                ("members", members.into()),
                ("campaigns", list.total.into()),
                ("total", total.into()),
                ("distinct", distinct.into()),
            ]),
            "campaigns": views.iter().map(|v| json!({
                "id": v.campaign,
                "name": v.name,
                "url": campaign_url(&consultation, v.campaign),
                "size": v.size,
                "first": moment(&v.first_seen),
                "last": moment(&v.last_seen),
                "representative": v.representative,
            })).collect::<Vec<_>>(),
            "previous": (page > 1).then(|| format!("{base}?page={}", page - 1)),
            "next": (offset + views.len() < list.total).then(|| format!("{base}?page={}", page + 1)),
        }),
    })
}

/// GET /consultations/{slug}/campaigns/{id}
pub(crate) async fn campaign_page(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    Query(query): Query<QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let saved = query.contains_key("saved");
    let result =
        with_visitor(&app, headers, move |store, visitor| campaign(store, &visitor, &slug, &id, saved, &localizer))
            .await;
    app.templates.respond(&language, result)
}

fn count_labels(counts: &[Count], label: impl Fn(&str) -> String, none: &str) -> Vec<Value> {
    counts
        .iter()
        .map(|c| json!({ "label": c.value.as_deref().map_or_else(|| none.to_owned(), &label), "count": c.members }))
        .collect()
}

fn campaign(
    store: &dyn Store,
    visitor: &Visitor,
    slug: &str,
    id: &str,
    saved: bool,
    localizer: &Localizer,
) -> PageResult {
    let consultation = find_consultation(store, slug)?;
    let id = campaign_id(id).ok_or(PageError::NotFound)?;
    let detail: CampaignDetail = campaign_detail(store, &consultation, id)?.ok_or(PageError::NotFound)?;
    let zone = &consultation.record.time_zone;
    let lang = localizer.language();
    let group = |g: &str| consulta_report::group_label(g, localizer);
    let country = |code: &str| {
        code.parse::<consulta_core::CountryCode>()
            .map_or_else(|_| code.to_owned(), |c| c.country().name(lang).to_owned())
    };
    let channel = |c: &str| localizer.text(&format!("channel-{c}"));
    let member = |m: &consulta_report::campaigns::Member| {
        json!({
            "id": m.contribution,
            "title": m.title,
            "lang": m.language,
            "entity": m.entity,
            "group": group(&m.stakeholder_group),
            "submitted": moment_label(m.submitted_at, zone, localizer),
        })
    };
    let title = localizer.format("campaign-name", &[("id", consulta_i18n::Arg::Number(id.0 as f64))]);
    Ok(Page {
        template: "campaign.html",
        title: detail.name.clone().map_or(title.clone(), |name| format!("{name} ({title})")),
        is_example: consultation.record.is_example,
        context: json!({
            "consultation": consultation_summary(&consultation, localizer),
            "id": id.0,
            "name": detail.name,
            "note": detail.note,
            "size": detail.size,
            "first": moment_label(detail.first_seen, zone, localizer),
            "last": moment_label(detail.last_seen, zone, localizer),
            "representative": member(&detail.representative),
            "representative_text": detail.representative_text,
            "by_group": count_labels(&detail.by_stakeholder_group, group, ""),
            "by_country": count_labels(&detail.by_country, country, &localizer.text("entity-no-country")),
            "by_channel": count_labels(&detail.by_channel, channel, ""),
            "slots": detail.slots,
            "variants": detail.variants.iter().map(|v| json!({
                "member": member(&v.member),
                "identical": v.identical,
                "stretches": v.stretches,
            })).collect::<Vec<_>>(),
            "more": (detail.size as usize).saturating_sub(detail.variants.len() + 1),
            "visitor": visitor.view(),
            "secretariat": visitor.secretariat("").is_ok(),
            "saved": saved,
        }),
    })
}

/// POST /admin/consultations/{slug}/campaigns/{id}/note: the secretariat's name and note for a
/// campaign (both empty: removed).
pub(crate) async fn save_note(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, String)>,
    axum::Form(form): axum::Form<forms::CampaignNoteForm>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin", move |store, account, form| {
        let consultation = find_consultation(&*store, &slug)?;
        let campaign = campaign_id(&id).ok_or(PageError::NotFound)?;
        let note = if form.name.trim().is_empty() && form.note.trim().is_empty() {
            None
        } else {
            Some(
                CampaignNote::new(&form.name, &form.note)
                    .map_err(|e| PageError::BadRequest(localizer.text(e.message_key())))?,
            )
        };
        let by = AuditActor::account(&account, Timestamp::now());
        name_campaign(store, &consultation, campaign, note.as_ref(), &by).map_err(|e| match e {
            NamingError::NoSuchCampaign(_) => PageError::NotFound,
            NamingError::Store(e) => e.into(),
        })?;
        Ok(format!("{}?saved=1#note", campaign_url(&consultation, campaign.0)))
    })
    .await
}

/// The consultation `slug` names, or the API's 404.
fn api_consultation(store: &dyn Store, slug: &str, localizer: &Localizer) -> Result<Consultation, ApiError> {
    store
        .consultation_by_slug(slug)
        .map_err(|e| ApiError::from_store(e, localizer))?
        .ok_or_else(|| ApiError::not_found(localizer))
}

/// GET /api/v1/consultations/{slug}/campaigns: the campaigns, and the distinct voices by
/// stakeholder group.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{slug}/campaigns",
    params(
        ("slug" = String, Path, description = "The consultation's slug"),
        ("page" = Option<String>, Query, description = "From 1"),
        ("per_page" = Option<String>, Query, description = "Campaigns per page: 50 unless asked, at most 200"),
    ),
    responses(
        (status = 200, description = "A page of the consultation's campaigns, the largest first, and each stakeholder group's contributions and distinct voices (a campaign counted once per group it reaches)", body = crate::openapi::CampaignsResponse),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_list(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    Query(query): Query<QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let found = app
        .read(localizer, move |store| {
            let fail = |e| ApiError::from_store(e, &localizer);
            let consultation = api_consultation(store, &slug, &localizer)?;
            let (page, per_page) = page_of(&query, MOST_CAMPAIGNS_PER_PAGE)
                .map_err(|bad| ApiError::from_page(PageError::BadRequest(bad), &localizer))?;
            let offset = (page - 1) * per_page;
            let list = campaigns_page(store, &consultation, offset, per_page).map_err(fail)?;
            let voices = consulta_report::campaigns::distinct_voices(store, &consultation).map_err(fail)?;
            Ok(crate::openapi::CampaignsResponse {
                consultation: consultation.record.slug.as_str().to_owned(),
                members: list.members,
                total: list.total,
                page,
                per_page,
                campaigns: list.campaigns,
                distinct_voices: voices.groups,
            })
        })
        .await;
    match found {
        Ok(found) => Json(found).into_response(),
        Err(error) => error.into_response(),
    }
}

/// GET /api/v1/consultations/{slug}/campaigns/{id}
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{slug}/campaigns/{id}",
    params(
        ("slug" = String, Path, description = "The consultation's slug"),
        ("id" = i64, Path, description = "The campaign: its first member's number"),
    ),
    responses(
        (status = 200, description = "The campaign: its representative (the most central member), its members by stakeholder group, country and channel, the first members' word-level differences from the representative, and a synonym-swap template's slots", body = CampaignDetail),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_campaign(
    State(app): State<App>,
    language: RequestLanguage,
    Path((slug, id)): Path<(String, String)>,
) -> Response {
    let localizer = language.localizer;
    let found = app
        .read(localizer, move |store| {
            let consultation = api_consultation(store, &slug, &localizer)?;
            let campaign = campaign_id(&id).ok_or_else(|| ApiError::not_found(&localizer))?;
            campaign_detail(store, &consultation, campaign)
                .map_err(|e| ApiError::from_store(e, &localizer))?
                .ok_or_else(|| ApiError::not_found(&localizer))
        })
        .await;
    match found {
        Ok(found) => Json(found).into_response(),
        Err(error) => error.into_response(),
    }
}
