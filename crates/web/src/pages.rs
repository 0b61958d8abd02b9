//! The pages, as functions from the store and the reader's language to a template and its data.
//! They read the record through the same store and report functions as the command line.

use std::collections::HashMap;

use consulta_core::{Channel, Consultation, ConsultationId, ContributionId, EntityId, StakeholderGroupId};
use consulta_i18n::{Arg, Localizer};
use consulta_intake::submission::{Limits, Submission};
use consulta_store::{ContributionFilter, ContributionSummary, Page as StorePage, PageRequest, Store, StoreError};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::{Value, json};

use consulta_report::group_label;

use crate::accounts::Visitor;
use crate::language::encode;
use crate::page::{Page, PageError, PageResult};

/// Contributions listed per page.
const PAGE_SIZE: u64 = 50;

/// The listing parameters of a page's address.
#[derive(Debug, Clone)]
pub struct Query {
    pub group: Option<StakeholderGroupId>,
    pub channel: Option<Channel>,
    pub page: u64,
    /// `?amend=ID`: the form starts from that contribution, to amend it.
    pub amend: Option<ContributionId>,
}

impl Default for Query {
    /// The first page, unfiltered.
    fn default() -> Self {
        Query { group: None, channel: None, page: 1, amend: None }
    }
}

impl Query {
    pub fn parse(params: &HashMap<String, String>) -> Result<Query, PageError> {
        let bad = |name: &str, value: &str| PageError::BadRequest(format!("{name}={value}"));
        let non_empty = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        let group = non_empty("group").map(|v| v.parse().map_err(|_| bad("group", v))).transpose()?;
        let channel = non_empty("channel").map(|v| v.parse().map_err(|_| bad("channel", v))).transpose()?;
        let page = non_empty("page")
            .map(|v| v.parse::<u64>().ok().filter(|p| *p >= 1 && *p < 1_000_000).ok_or_else(|| bad("page", v)))
            .transpose()?
            .unwrap_or(1);
        let amend = non_empty("amend").and_then(|v| v.parse().ok()).map(ContributionId);
        Ok(Query { group, channel, page, amend })
    }

    fn request(&self) -> PageRequest {
        PageRequest { offset: self.page.saturating_sub(1) * PAGE_SIZE, limit: PAGE_SIZE }
    }

    /// The address of another page of the same listing.
    fn url(&self, path: &str, page: u64) -> String {
        let mut pairs = Vec::new();
        if let Some(group) = &self.group {
            pairs.push(format!("group={}", encode(group.as_str())));
        }
        if let Some(channel) = self.channel {
            pairs.push(format!("channel={}", channel.as_str()));
        }
        if page > 1 {
            pairs.push(format!("page={page}"));
        }
        if pairs.is_empty() { path.to_owned() } else { format!("{path}?{}", pairs.join("&")) }
    }
}

pub(crate) fn find_consultation(store: &dyn Store, slug: &str) -> Result<Consultation, PageError> {
    store.consultation_by_slug(slug)?.ok_or(PageError::NotFound)
}

fn channel_label(channel: Channel, localizer: &Localizer) -> String {
    localizer.text(&format!("channel-{}", channel.as_str()))
}

/// A moment in a zone: the date alone when it falls at midnight, else date and time.
pub(crate) fn moment_label(instant: Timestamp, zone: &TimeZone, localizer: &Localizer) -> String {
    let civil = instant.to_zoned(zone.clone()).datetime();
    let midnight = civil.time() == jiff::civil::Time::midnight();
    let end_of_day = civil.hour() == 23 && civil.minute() == 59 && civil.second() == 59;
    if midnight || end_of_day { localizer.date(civil.date()) } else { localizer.date_time(civil) }
}

fn date_label(instant: Timestamp, zone: &TimeZone, localizer: &Localizer) -> String {
    localizer.date(instant.to_zoned(zone.clone()).date())
}

pub(crate) fn consultation_summary(consultation: &Consultation, localizer: &Localizer) -> Value {
    let lang = localizer.language();
    let fallback = consultation.record.original_language.primary();
    let status = consultation.status(Timestamp::now());
    let zone = &consultation.record.time_zone;
    let title_lang = consultation.record.title.language_of(lang, fallback);
    json!({
        "slug": consultation.record.slug.as_str(),
        "title": consultation.record.title.get(lang, fallback),
        "title_lang": title_lang,
        // Not yet translated into the reader's language: shown in the original, and said so.
        "original": (title_lang != lang).then(|| {
            let name = localizer.format("language-of", &[("language", title_lang.into())]);
            localizer.format("report-original", &[("name", name.into())])
        }),
        "status": status.as_str(),
        "status_label": localizer.text(&format!("status-{}", status.as_str())),
        "period": localizer.format("consultation-period-value", &[
            ("opens", moment_label(consultation.record.period.opens(), zone, localizer).into()),
            ("closes", moment_label(consultation.record.period.last_instant(), zone, localizer).into()),
            ("zone", consulta_core::time::zone_name(zone).into()),
        ]),
        "is_example": consultation.record.is_example,
    })
}

pub fn consultations(store: &dyn Store, demo_accounts: &[crate::DemoAccount], localizer: &Localizer) -> PageResult {
    let consultations = store.consultations()?;
    let items: Vec<Value> = consultations
        .iter()
        .map(|c| {
            let mut summary = consultation_summary(c, localizer);
            let filter = ContributionFilter { consultation: Some(c.id), ..Default::default() };
            let total = store.contributions(&filter, PageRequest { offset: 0, limit: 0 })?.total;
            summary["contributions"] = json!(total);
            Ok(summary)
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(Page {
        template: "consultations.html",
        title: localizer.text("consultations-title"),
        is_example: consultations.iter().any(|c| c.record.is_example),
        context: json!({
            "consultations": items,
            "demo_accounts": demo_accounts.iter().map(|a| json!({
                "role": localizer.text(&format!("role-{}", a.role.as_str())),
                "entity": a.entity,
                "email": a.email,
                "password": a.password,
            })).collect::<Vec<_>>(),
        }),
    })
}

/// Contributions' dates, each in its consultation's time zone: the zone is said once, in `note`,
/// when they all share it, and beside each date when they do not.
pub(crate) struct Dated {
    pub dates: Vec<String>,
    pub note: Option<String>,
}

pub(crate) fn dates_in_zones<'z>(
    moments: impl IntoIterator<Item = (Timestamp, &'z TimeZone)>,
    localizer: &Localizer,
) -> Dated {
    let moments: Vec<(Timestamp, &TimeZone)> = moments.into_iter().collect();
    let names: Vec<&str> = moments.iter().map(|(_, zone)| consulta_core::time::zone_name(zone)).collect();
    let one_zone = names.windows(2).all(|pair| pair[0] == pair[1]);
    let dates = moments
        .iter()
        .zip(&names)
        .map(|((moment, zone), name)| {
            let date = date_label(*moment, zone, localizer);
            if one_zone {
                date
            } else {
                localizer.format("date-in-zone", &[("date", date.into()), ("zone", (*name).into())])
            }
        })
        .collect();
    let note =
        names.first().filter(|_| one_zone).map(|name| localizer.format("dates-zone-note", &[("zone", (*name).into())]));
    Dated { dates, note }
}

/// Each consultation's time zone, for the consultations `ids` name.
pub(crate) fn zones_of(
    store: &dyn Store,
    ids: impl IntoIterator<Item = ConsultationId>,
) -> Result<HashMap<ConsultationId, TimeZone>, StoreError> {
    let mut zones = HashMap::new();
    for id in ids {
        if let std::collections::hash_map::Entry::Vacant(entry) = zones.entry(id) {
            if let Some(consultation) = store.consultation(id)? {
                entry.insert(consultation.record.time_zone);
            }
        }
    }
    Ok(zones)
}

fn listing(
    page: &StorePage<ContributionSummary>,
    query: &Query,
    path: &str,
    zones: &HashMap<ConsultationId, TimeZone>,
    localizer: &Localizer,
) -> Value {
    let utc = TimeZone::UTC;
    let dated = dates_in_zones(
        page.items.iter().map(|c| (c.submitted_at, zones.get(&c.consultation).unwrap_or(&utc))),
        localizer,
    );
    let from = query.request().offset + 1;
    let to = query.request().offset + page.items.len() as u64;
    let last_page = page.total.div_ceil(PAGE_SIZE).max(1);
    json!({
        "zone_note": dated.note,
        "items": page.items.iter().zip(dated.dates).map(|(c, date)| json!({
            "id": c.id.0,
            "title": if c.withheld { localizer.text("contribution-withheld-title") } else { c.title.clone() },
            "lang": if c.withheld { localizer.language().to_owned() } else { c.language.clone() },
            "entity_id": c.entity.0,
            "entity_name": c.entity_name,
            "group": group_label(c.group.as_str(), localizer),
            "channel": localizer.text(&format!("channel-{}-short", c.channel.as_str())),
            "date": date,
            "late": c.late,
            "unverified": c.unverified,
        })).collect::<Vec<_>>(),
        "summary": localizer.format("contributions-count", &[
            ("total", page.total.into()), ("from", from.into()), ("to", to.into()),
        ]),
        "previous": (query.page > 1).then(|| query.url(path, query.page - 1)),
        "next": (query.page < last_page).then(|| query.url(path, query.page + 1)),
    })
}

/// What the contribution form shows: what was typed, and what is wrong with it.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    pub values: Submission,
    /// Each field at fault, with the message for it.
    pub errors: Vec<(&'static str, String)>,
    /// A message about the whole submission (closed consultation, too many files, …).
    pub summary: Option<String>,
    /// The contribution this one amends, if the focal point is amending.
    pub amends: Option<ContributionId>,
    /// The files a refused form had received, kept to be sent again.
    pub kept: Vec<crate::kept_files::KeptFile>,
}

/// The languages the form offers for a contribution: the six UN languages first.
const FORM_LANGUAGES: [&str; 8] = ["en", "fr", "es", "ru", "ar", "zh", "pt", "de"];

fn contribution_form(
    consultation: &Consultation,
    groups: &[StakeholderGroupId],
    form: &FormState,
    limits: Limits,
    localizer: &Localizer,
) -> Value {
    let lang = localizer.language();
    let values = &form.values;
    let chosen_language = if values.language.is_empty() { lang } else { values.language.as_str() };
    // An example consultation offers the fictional States of its examples too.
    let mut countries: Vec<(&str, &str)> = consulta_core::reference::countries_for(consultation.record.is_example)
        .map(|c| (c.code.as_str(), c.name(lang)))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(b.1));
    let error_of = |field: &str| form.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone());
    let fields = ["entity", "stakeholder_group", "country", "email", "language", "title", "body", "files"];
    json!({
        "values": {
            "entity": values.entity,
            "email": values.email,
            "title": values.title,
            "body": values.body,
        },
        "errors": fields
            .iter()
            .filter_map(|f| error_of(f).map(|m| (f.to_string(), json!(m))))
            .collect::<serde_json::Map<String, Value>>(),
        "error_list": form.errors.iter().map(|(field, message)| json!({ "field": field, "message": message })).collect::<Vec<_>>(),
        "summary": form.summary,
        "kept": form.kept.iter().map(|k| json!({
            "token": k.token,
            "name": k.name,
            "size": localizer.file_size(k.size),
        })).collect::<Vec<_>>(),
        "max_files": limits.max_files,
        "max_size": localizer.file_size(limits.max_file_bytes),
        "groups": groups.iter().map(|g| json!({
            "id": g.as_str(),
            "label": group_label(g.as_str(), localizer),
            "selected": values.stakeholder_group == g.as_str(),
        })).collect::<Vec<_>>(),
        "international": values.country.eq_ignore_ascii_case(consulta_intake::submission::INTERNATIONAL),
        "countries": countries.iter().map(|(code, name)| json!({
            "code": code, "name": name, "selected": values.country.eq_ignore_ascii_case(code),
        })).collect::<Vec<_>>(),
        "languages": FORM_LANGUAGES.iter().map(|code| json!({
            "code": code,
            "name": localizer.text(&format!("language-name-{code}")),
            "selected": *code == chosen_language,
        })).collect::<Vec<_>>(),
    })
}

pub fn consultation(
    store: &dyn Store,
    slug: &str,
    query: &Query,
    limits: Limits,
    visitor: &Visitor,
    localizer: &Localizer,
) -> PageResult {
    consultation_with_form(store, slug, query, &FormState::default(), limits, visitor, localizer)
}

/// The consultation page, with the contribution form as `form` has it (after a refused
/// submission, what the person typed and what is wrong).
pub fn consultation_with_form(
    store: &dyn Store,
    slug: &str,
    query: &Query,
    form: &FormState,
    limits: Limits,
    visitor: &Visitor,
    localizer: &Localizer,
) -> PageResult {
    let consultation = find_consultation(store, slug)?;
    let acting_for = match visitor.actor.account().and_then(|a| a.entity) {
        Some(entity) => store.entity(entity)?.map(|e| e.name.as_str().to_owned()),
        None => None,
    };
    // A focal point amending one of its entity's contributions starts from its text.
    let amending = match (form.amends.or(query.amend), visitor.actor.account().and_then(|a| a.entity)) {
        (Some(id), Some(entity)) => {
            store.contribution(id)?.filter(|c| c.record.entity == entity && c.record.consultation == consultation.id)
        }
        _ => None,
    };
    let mut form = form.clone();
    if let Some(earlier) = &amending {
        if form.values.title.is_empty() && form.values.body.is_empty() {
            form.values.title = earlier.record.title.clone();
            form.values.body = earlier.record.body.clone();
            form.values.language = earlier.record.language.as_str().to_owned();
        }
    }
    let form = &form;
    let groups = store.stakeholder_groups()?;
    if let Some(group) = &query.group {
        if !groups.contains(group) {
            return Err(PageError::BadRequest(format!("group={group}")));
        }
    }
    let lang = localizer.language();
    let fallback = consultation.record.original_language.primary();
    let zone = &consultation.record.time_zone;

    let open = consultation.status(Timestamp::now()) == consulta_core::ConsultationStatus::Open;
    let table = consulta_report::distribution_table(store, consultation.id)?;
    let counts = |c: &consulta_core::table::ChannelCounts| Channel::ALL.iter().map(|ch| c.get(*ch)).collect::<Vec<_>>();
    let table = json!({
        "channels": Channel::ALL.iter().map(|c| channel_label(*c, localizer)).collect::<Vec<_>>(),
        "rows": table.rows.iter().map(|r| json!({
            "group": r.group.as_str(),
            "label": group_label(r.group.as_str(), localizer),
            "counts": counts(&r.counts),
            "total": r.counts.total(),
        })).collect::<Vec<_>>(),
        "totals": { "counts": counts(&table.totals), "total": table.totals.total() },
        "unverified": (table.unverified.total() > 0)
            .then(|| json!({ "counts": counts(&table.unverified), "total": table.unverified.total() })),
        "withheld_note": (table.withheld > 0)
            .then(|| localizer.format("table-withheld-note", &[("count", table.withheld.into())])),
    });
    let distinct: Vec<Value> = consulta_report::campaigns::distinct_voices(store, &consultation)?
        .groups
        .iter()
        .map(|d| json!({ "label": group_label(&d.group, localizer), "contributions": d.contributions, "distinct": d.distinct }))
        .collect();

    let meetings: Vec<Value> = store
        .meetings(consultation.id)?
        .iter()
        .map(|m| {
            json!(localizer.format(
                "consultation-meeting-line",
                &[("date", localizer.date(m.date).into()), ("place", m.place.as_str().into()),]
            ))
        })
        .collect();

    let filter = ContributionFilter {
        consultation: Some(consultation.id),
        group: query.group.clone(),
        channel: query.channel,
        ..Default::default()
    };
    let page = store.contributions(&filter, query.request())?;
    let path = format!("/consultations/{}", consultation.record.slug);

    let mut summary = consultation_summary(&consultation, localizer);
    summary["description"] = json!(consultation.record.description.get(lang, fallback));
    summary["description_lang"] = json!(consultation.record.description.language_of(lang, fallback));
    summary["mandate"] = json!(consultation.record.mandate.get(lang, fallback));
    summary["mandate_lang"] = json!(consultation.record.mandate.language_of(lang, fallback));
    summary["questions"] = consultation
        .record
        .questions
        .iter()
        .map(|q| json!({ "text": q.get(lang, fallback), "lang": q.language_of(lang, fallback) }))
        .collect();
    summary["meetings"] = json!(meetings);

    Ok(Page {
        template: "consultation.html",
        title: consultation.record.title.get(lang, fallback).to_owned(),
        is_example: consultation.record.is_example,
        context: json!({
            "consultation": summary,
            "table": table,
            "distinct": distinct,
            "drafts": crate::drafts::drafts_of(store, consultation.id, localizer)?,
            "bodies": crate::bodies::bodies_of(store, consultation.id)?,
            "filters": {
                "groups": groups.iter().map(|g| json!({
                    "id": g.as_str(),
                    "label": group_label(g.as_str(), localizer),
                    "selected": query.group.as_ref() == Some(g),
                })).collect::<Vec<_>>(),
                "channels": Channel::ALL.iter().map(|c| json!({
                    "id": c.as_str(),
                    "label": channel_label(*c, localizer),
                    "selected": query.channel == Some(*c),
                })).collect::<Vec<_>>(),
            },
            "contributions": listing(&page, query, &path, &HashMap::from([(consultation.id, zone.clone())]), localizer),
            "search": format!("/search?consultation={}", encode(consultation.record.slug.as_str())),
            "feed": format!("{path}/feed.atom"),
            "open_data": consulta_export::OpenData::ALL.iter().map(|d| json!({
                "url": format!("{path}/{}", d.file_name()),
                "label": localizer.text(&format!("open-data-{}", d.file_name().replace('.', "-"))),
            })).collect::<Vec<_>>(),
            // Where only focal points may contribute, the public sees why there is no form.
            "verified_only": open && !consultation.record.unverified_allowed && acting_for.is_none(),
            "form": (open && (consultation.record.unverified_allowed || acting_for.is_some()))
                .then(|| contribution_form(&consultation, &groups, form, limits, localizer)),
            "visitor": visitor.view(),
            "acting_for": acting_for,
            "amending": amending.map(|c| c.id.0),
            // A submission refused because the consultation is not open: there is no form to
            // show it in.
            "notice": if open { None } else { form.summary.clone() },
        }),
    })
}

fn parse_id(id: &str) -> Result<i64, PageError> {
    id.parse::<i64>().ok().filter(|id| *id > 0).ok_or(PageError::NotFound)
}

pub fn contribution(store: &dyn Store, id: &str, visitor: &Visitor, localizer: &Localizer) -> PageResult {
    let contribution = store.contribution(ContributionId(parse_id(id)?))?.ok_or(PageError::NotFound)?;
    let amends = store.canonical_record(contribution.id)?.and_then(|r| r.amends);
    let amended_by: Vec<i64> = store.amendments(contribution.id)?.iter().map(|c| c.0).collect();
    let may_amend = visitor.actor.may(consulta_core::Action::ActFor(contribution.record.entity));
    let record = &contribution.record;
    let consultation = store.consultation(record.consultation)?.ok_or(PageError::NotFound)?;
    let entity = store.entity(record.entity)?.ok_or(PageError::NotFound)?;
    let zone = &consultation.record.time_zone;
    let lang = localizer.language();
    let fallback = consultation.record.original_language.primary();
    let meeting = match record.meeting {
        Some(id) => store.meetings(consultation.id)?.into_iter().find(|m| m.id == id).map(|m| {
            localizer.format(
                "consultation-meeting-line",
                &[("date", localizer.date(m.date).into()), ("place", Arg::Text(m.place))],
            )
        }),
        None => None,
    };
    let submitted = localizer.format(
        "date-time",
        &[
            ("date", date_label(record.submitted_at, zone, localizer).into()),
            ("time", record.submitted_at.to_zoned(zone.clone()).strftime("%H:%M %Z").to_string().into()),
        ],
    );
    let altered = consulta_store::check::records_altered(store, &[contribution.id])?.first().copied().unwrap_or(false);
    let title = match &contribution.withheld_reason {
        _ if altered => localizer.text("contribution-altered-title"),
        Some(_) => localizer.text("contribution-withheld-title"),
        None => record.title.clone(),
    };
    let attributed = match contribution.attributed_to {
        Some(id) => store.entity(id)?.map(|e| json!({ "id": e.id.0, "name": e.name.as_str() })),
        None => None,
    };
    let may_attribute =
        record.identity == consulta_core::Identity::Unverified && visitor.actor.may(consulta_core::Action::Administer);
    Ok(Page {
        template: "contribution.html",
        title: title.clone(),
        is_example: consultation.record.is_example || entity.is_example,
        context: json!({
            "contribution": {
                "id": contribution.id.0,
                "title": title,
                "body": record.body,
                "citations": crate::analysis::citation_links(&format!("{}\n{}", record.title, record.body), localizer),
                "lang": record.language.as_str(),
                "language_name": localizer.format("language-of", &[("language", record.language.primary().into())]),
                "dir": if record.language.is_right_to_left() { "rtl" } else { "ltr" },
                "entity_id": entity.id.0,
                "entity_name": entity.name.as_str(),
                "group": group_label(record.group.as_str(), localizer),
                "channel": channel_label(record.channel, localizer),
                "on_behalf_of": record.on_behalf_of.as_ref().map(|g| group_label(g.as_str(), localizer)),
                "meeting": meeting,
                "submitted": submitted,
                "late": record.late,
                "identity": record.identity.as_str(),
                "attributed": attributed,
                "may_attribute": may_attribute,
                "amends": amends,
                "amended_by": amended_by,
                "may_amend": may_amend,
                // The message ends the reason with its own full stop.
                "withheld": contribution.withheld_reason.as_deref().map(|r| r.trim_end_matches(['.', ' '])),
                "altered": altered,
                "campaign": match store.campaign_of(contribution.id)? {
                    Some((campaign, size)) if contribution.withheld_reason.is_none() => Some(json!({
                        "id": campaign.0,
                        "size": size,
                        "url": format!("/consultations/{}/campaigns/{}", consultation.record.slug.as_str(), campaign.0),
                    })),
                    _ => None,
                },
                "files": store.attachments(contribution.id)?.iter().map(|a| json!({
                    "position": a.position,
                    "name": a.name,
                    "size": localizer.file_size(a.size),
                    "sha256": consulta_log::to_hex(&a.sha256),
                })).collect::<Vec<_>>(),
            },
            "consultation": {
                "slug": consultation.record.slug.as_str(),
                "title": consultation.record.title.get(lang, fallback),
                "title_lang": consultation.record.title.language_of(lang, fallback),
            },
            "visitor": visitor.view(),
        }),
    })
}

pub fn receipt(
    store: &dyn Store,
    signer: &consulta_store::log_key::LogSigner,
    id: &str,
    server: &str,
    fresh: bool,
    localizer: &Localizer,
) -> PageResult {
    let id = ContributionId(parse_id(id)?);
    let receipt =
        consulta_intake::submission::public_receipt(store, signer, id, Timestamp::now())?.ok_or(PageError::NotFound)?;
    let consultation = store.consultation_by_slug(&receipt.consultation)?.ok_or(PageError::NotFound)?;
    let received = receipt
        .received_at
        .parse::<Timestamp>()
        .map(|t| {
            localizer.format(
                "date-time",
                &[
                    ("date", date_label(t, &consultation.record.time_zone, localizer).into()),
                    (
                        "time",
                        t.to_zoned(consultation.record.time_zone.clone()).strftime("%H:%M:%S %Z").to_string().into(),
                    ),
                ],
            )
        })
        .unwrap_or_else(|_| receipt.received_at.clone());
    // What was sent, as a person recognises it; a withheld contribution's title stays hidden.
    let contribution = store.contribution(id)?.ok_or(PageError::NotFound)?;
    let entity = store.entity(contribution.record.entity)?.ok_or(PageError::NotFound)?;
    let lang = localizer.language();
    let fallback = consultation.record.original_language.primary();
    Ok(Page {
        template: "receipt.html",
        title: localizer.format("receipt-title", &[("id", Arg::Number(id.0 as f64))]),
        is_example: consultation.record.is_example,
        context: json!({
            "file_sizes": receipt.files.iter().map(|f| localizer.file_size(f.size)).collect::<Vec<_>>(),
            "contribution_title": if contribution.withheld_reason.is_some() {
                localizer.text("contribution-withheld-title")
            } else {
                contribution.record.title.clone()
            },
            "entity": entity.name.as_str(),
            "consultation_title": consultation.record.title.get(lang, fallback),
            "file_name": consulta_intake::acknowledgement::receipt_file_name(id.0),
            "receipt": receipt,
            "received": received,
            "server": server,
            "fresh": fresh,
        }),
    })
}

pub fn entity(store: &dyn Store, id: &str, query: &Query, localizer: &Localizer) -> PageResult {
    let entity = store.entity(EntityId(parse_id(id)?))?.ok_or(PageError::NotFound)?;
    let lang = localizer.language();
    let none = localizer.text("entity-none");
    let filter = ContributionFilter { entity: Some(entity.id), channel: query.channel, ..Default::default() };
    let page = store.contributions(&filter, query.request())?;
    let path = format!("/entities/{}", entity.id.0);
    Ok(Page {
        template: "entity.html",
        title: entity.name.to_string(),
        is_example: entity.is_example,
        context: json!({
            "entity": {
                "name": entity.name.as_str(),
                "claimed": entity.claimed,
                "group": group_label(entity.group.as_str(), localizer),
                "country": entity.country.map_or_else(
                    || localizer.text("entity-no-country"),
                    |c| c.country().name(lang).to_owned(),
                ),
                "region": entity.regional_group().map_or(none.clone(), |g| localizer.text(&format!("region-{}", g.as_str()))),
                "development": entity.development_status().map_or(none, |d| localizer.text(&format!("development-{}", d.as_str()))),
            },
            "contributions": listing(&page, query, &path, &zones_of(store, page.items.iter().map(|c| c.consultation))?, localizer),
        }),
    })
}
