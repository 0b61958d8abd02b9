//! The secretariat's analysis pages: the draft synthesis report and its downloads, and the issue
//! taxonomy with the mechanisms, the matrix and the gaps (tagging is `tagging.rs`). They call the
//! same functions as `consulta report`.

use std::collections::BTreeMap;
use std::io::{Seek, SeekFrom};

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use consulta_core::issue::split_list;
use consulta_core::{Function, Issue, IssueId, Level, Localized, Matrix, Mechanism, TaxonomyError};
use consulta_core::{Organ, ReportDetails};
use consulta_i18n::Localizer;
use consulta_report::{Links, ReportFormat, gather, render_report, synthesis};
use consulta_store::{AuditActor, Store, TaxonomyEntry};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde_json::{Value, json};

use crate::App;
use crate::accounts::{QueryParams, secretariat_form, with_visitor};
use crate::forms;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError};

/// The report's language: `?lang=` if it names one, else the page's.
fn report_localizer(query: &QueryParams, language: &RequestLanguage) -> Localizer {
    query.get("lang").and_then(|l| Localizer::for_language(l)).unwrap_or(language.localizer)
}

fn build_report(
    store: &dyn Store,
    slug: &str,
    localizer: &Localizer,
    base_url: String,
) -> Result<consulta_report::Document, PageError> {
    let consultation = store.consultation_by_slug(slug)?.ok_or(PageError::NotFound)?;
    let input = gather(store, consultation)?;
    Ok(synthesis(
        &input,
        localizer,
        &Links { base_url: Some(base_url) },
        Timestamp::now().to_zoned(TimeZone::UTC).date(),
    ))
}

/// GET /admin/consultations/{slug}/report: the draft report, with its downloads.
pub async fn report_page(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Query(query): Query<QueryParams>,
) -> Response {
    let localizer = report_localizer(&query, &language);
    let base_url = app.public_url.as_str().to_owned();
    let page_localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat(&format!("/admin/consultations/{slug}/report"))?;
        let document = build_report(store, &slug, &localizer, base_url)?;
        let consultation = store.consultation_by_slug(&slug)?.ok_or(PageError::NotFound)?;
        let details = store.report_details(consultation.id)?;
        let record = &consultation.record;
        Ok(Page {
            template: "admin_report.html",
            title: page_localizer.text("analysis-report-title"),
            is_example: record.is_example,
            context: json!({
                "visitor": visitor.view(),
                "slug": slug,
                "consultation_title": record.title.get(page_localizer.language(), record.original_language.primary()),
                "report_language": localizer.language(),
                "report": consulta_report::html::fragment(&document),
                "formats": ReportFormat::ALL.iter().map(|f| f.extension()).collect::<Vec<_>>(),
                "annex": document.separate_annex.then_some(ANNEX_DOWNLOAD),
                "saved": query.contains_key("saved"),
                "details": details_form(&details, &page_localizer),
            }),
        })
    })
    .await;
    app.templates.respond(&language, result)
}

/// GET /admin/consultations/{slug}/report/{format}: the report as a file (html, md, docx, pdf).
pub async fn report_download(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Path((slug, extension)): Path<(String, String)>,
    Query(query): Query<QueryParams>,
) -> Response {
    let localizer = report_localizer(&query, &language);
    let base_url = app.public_url.as_str().to_owned();
    // The report in a format, or its separate annex of contributors.
    let format = match ReportFormat::from_extension(&extension) {
        Some(format) => Some(format),
        None if extension == ANNEX_DOWNLOAD => None,
        None => return app.templates.respond(&language, Err(PageError::NotFound)),
    };
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat(&format!("/admin/consultations/{slug}/report"))?;
        match format {
            Some(format) => {
                let document = build_report(store, &slug, &localizer, base_url)?;
                let name = format!("{slug}-report-{}.{}", localizer.language(), format.extension());
                // The PDF needs its fonts: a server without them logs why and answers 500.
                let bytes = render_report(&document, format).map_err(|e| PageError::Internal(e.to_string()))?;
                Ok((Download::Bytes(bytes), format.media_type(), name))
            }
            None => {
                // The annex alone, written from the record a contributor at a time: the report
                // itself is not needed to send it.
                let consultation = store.consultation_by_slug(&slug)?.ok_or(PageError::NotFound)?;
                if !consulta_report::annex_size(store, consultation.id)?.separate {
                    return Err(PageError::NotFound);
                }
                let internal = |e: &dyn std::fmt::Display| PageError::Internal(e.to_string());
                let mut file = tempfile::tempfile().map_err(|e| internal(&e))?;
                consulta_report::write_annex_csv(store, &consultation, &localizer, &mut file)
                    .map_err(|e| internal(&e))?;
                file.seek(SeekFrom::Start(0)).map_err(|e| internal(&e))?;
                let name = consulta_report::annex_file_name(&consultation, localizer.language());
                Ok((Download::File(file), "text/csv; charset=utf-8", name))
            }
        }
    })
    .await;
    match result {
        Ok((Download::Bytes(bytes), media_type, name)) => crate::page::attachment(bytes, media_type, &name),
        Ok((Download::File(file), media_type, name)) => crate::page::attachment_file(file, media_type, &name),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// A download: made in memory (a report of bounded size), or written to a file (the annex,
/// which grows with the record).
enum Download {
    Bytes(Vec<u8>),
    File(std::fs::File),
}

/// The download name, in the report's address, of its separate annex.
const ANNEX_DOWNLOAD: &str = "contributors.csv";

/// The languages the report's details are written in: each the report can be issued in.
const DETAIL_LANGUAGES: [&str; 6] = consulta_i18n::LANGUAGES;

/// The report details as the form shows them, field by field.
fn details_form(details: &ReportDetails, localizer: &Localizer) -> Value {
    let texts = |texts: &consulta_core::report_details::Texts| {
        DETAIL_LANGUAGES
            .iter()
            .map(|l| json!({ "lang": l, "text": texts.get(*l).cloned().unwrap_or_default() }))
            .collect::<Vec<_>>()
    };
    json!({
        "symbol": details.symbol,
        "organs": Organ::ALL.iter().map(|organ| {
            let addressee = details.addressees.iter().find(|a| a.organ == Some(*organ));
            let empty = consulta_core::report_details::Addressee::default();
            let a = addressee.unwrap_or(&empty);
            json!({
                "id": organ.as_str(),
                "label": localizer.text(&format!("organ-{}", organ.as_str())),
                "chosen": addressee.is_some(),
                "session": texts(&a.session),
                "item": texts(&a.item),
                "item_title": texts(&a.item_title),
            })
        }).collect::<Vec<_>>(),
        "summary": texts(&details.summary),
        "conclusions": texts(&details.conclusions),
    })
}

/// The report details a form sent: `symbol`, `organ:<id>` boxes, `<id>:session:<lang>`,
/// `<id>:item:<lang>`, `<id>:item_title:<lang>`, `summary:<lang>` and `conclusions:<lang>`.
fn details_from(form: &forms::ReportDetailsForm) -> ReportDetails {
    let texts = |prefix: &str| {
        DETAIL_LANGUAGES
            .iter()
            .filter_map(|l| Some(((*l).to_owned(), form.by_name.get(&format!("{prefix}:{l}"))?.clone())))
            .collect()
    };
    ReportDetails {
        symbol: form.symbol.trim().to_owned(),
        addressees: Organ::ALL
            .iter()
            .filter(|organ| form.by_name.contains_key(&format!("organ:{}", organ.as_str())))
            .map(|organ| consulta_core::report_details::Addressee {
                organ: Some(*organ),
                session: texts(&format!("{}:session", organ.as_str())),
                item: texts(&format!("{}:item", organ.as_str())),
                item_title: texts(&format!("{}:item_title", organ.as_str())),
            })
            .collect(),
        summary: texts("summary"),
        conclusions: texts("conclusions"),
    }
}

/// POST /admin/consultations/{slug}/report/details: what the secretariat says of the report.
pub async fn save_report_details(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Form(form): Form<forms::ReportDetailsForm>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin", move |store, account, form| {
        let consultation = store.consultation_by_slug(&slug)?.ok_or(PageError::NotFound)?;
        let details = details_from(&form)
            .check()
            .map_err(|error| PageError::BadRequest(consulta_report::describe_details_problem(&error, &localizer)))?;
        store.set_report_details(consultation.id, &details, &AuditActor::account(&account, Timestamp::now()))?;
        Ok(format!("/admin/consultations/{slug}/report?saved=1#details"))
    })
    .await
}

fn level_label(level: Level, localizer: &Localizer) -> String {
    localizer.text(&format!("level-{}", level.as_str()))
}

/// GET /admin/issues: the taxonomy, the mechanisms, the matrix and the gaps.
pub async fn taxonomy_page(State(app): State<App>, language: RequestLanguage, headers: HeaderMap) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat("/admin/issues")?;
        let issues = store.issues()?;
        let mechanisms = store.mechanisms()?;
        let matrix = store.matrix()?;
        let mut counts: BTreeMap<IssueId, u64> = BTreeMap::new();
        for (_, issue) in store.issue_tags(None)? {
            *counts.entry(issue).or_default() += 1;
        }
        let lang = localizer.language();
        let terms = |issue: &Issue, language: &str| issue.terms.get(language).map(|t| t.join("; ")).unwrap_or_default();
        let gaps: Vec<Value> = consulta_core::issue::gaps(&issues, &mechanisms, &matrix)
            .into_iter()
            .map(|(issue, gap)| {
                json!({
                    "label": issue.label.get(lang, "en"),
                    "count": counts.get(&issue.id).copied().unwrap_or(0),
                    "why": match gap {
                        consulta_core::Gap::NoMechanism => localizer.text("analysis-gap-none"),
                        consulta_core::Gap::NotAtNeededLevel => localizer.format(
                            "analysis-gap-level",
                            &[("level", level_label(issue.needed_level, &localizer).into())],
                        ),
                    },
                })
            })
            .collect();
        Ok(Page {
            template: "admin_issues.html",
            title: localizer.text("analysis-issues-title"),
            is_example: false,
            context: json!({
                "visitor": visitor.view(),
                "levels": Level::ALL.iter().map(|l| json!({"id": l.as_str(), "label": level_label(*l, &localizer)})).collect::<Vec<_>>(),
                "functions": Function::ALL.iter().map(|f| json!({"id": f.as_str(), "label": localizer.text(&format!("function-{}", f.as_str()))})).collect::<Vec<_>>(),
                "issues": issues.iter().map(|i| json!({
                    "id": i.id.as_str(),
                    "label": i.label.get(lang, "en"),
                    "label_en": i.label.get("en", "en"),
                    "label_fr": i.label.get("fr", "fr"),
                    "terms_en": terms(i, "en"),
                    "terms_fr": terms(i, "fr"),
                    "level": i.needed_level.as_str(),
                    "level_label": level_label(i.needed_level, &localizer),
                    "count": counts.get(&i.id).copied().unwrap_or(0),
                    "cells": mechanisms.iter().map(|m| json!({"mechanism": m.id.as_str(), "on": matrix.handles(&m.id, &i.id)})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "mechanisms": mechanisms.iter().map(|m| json!({
                    "id": m.id.as_str(),
                    "short": m.short_name(lang),
                    "name": m.name.get(lang, "en"),
                    "acronym_en": m.acronym.get("en", "en"),
                    "acronym_fr": m.acronym.get("fr", "fr"),
                    "name_en": m.name.get("en", "en"),
                    "name_fr": m.name.get("fr", "fr"),
                    "level": m.level.as_str(),
                    "level_label": level_label(m.level, &localizer),
                    "functions": m.functions.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
                    "function_labels": m.functions.iter().map(|f| localizer.text(&format!("function-{}", f.as_str()))).collect::<Vec<_>>().join(", "),
                })).collect::<Vec<_>>(),
                "gaps": gaps,
            }),
        })
    })
    .await;
    app.templates.respond(&language, result)
}

/// An unknown issue or mechanism is the form's fault; anything else is the server's.
fn unknown_taxonomy(error: consulta_store::StoreError, localizer: &Localizer) -> PageError {
    match error {
        consulta_store::StoreError::UnknownTaxonomy(what) => {
            PageError::BadRequest(localizer.format("taxonomy-unknown", &[("value", what.into())]))
        }
        other => other.into(),
    }
}

fn taxonomy_problems(problems: Vec<TaxonomyError>, localizer: &Localizer) -> PageError {
    let messages: Vec<String> = problems
        .iter()
        .map(|p| {
            let (key, args) = p.message();
            let args: Vec<(&str, consulta_i18n::Arg)> = args.into_iter().map(|(k, v)| (k, v.into())).collect();
            localizer.format(key, &args)
        })
        .collect();
    PageError::BadRequest(messages.join(" "))
}

/// The names the form gives, with the entry's names in the languages the form does not show
/// (Spanish, Russian, Arabic, Chinese), so that changing the English or French name keeps them.
fn with_unshown<'a>(shown: &[(&'a str, &'a str)], existing: Option<&'a Localized>) -> Vec<(&'a str, &'a str)> {
    let unshown = existing.into_iter().flat_map(Localized::iter).filter(|(l, _)| shown.iter().all(|(s, _)| s != l));
    shown.iter().copied().chain(unshown).collect()
}

/// POST /admin/issues: adds or changes an issue (identifier, labels, terms, level needed).
pub async fn save_issue(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::IssueForm>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin/issues", move |store, account, form| {
        let id = form.id.trim();
        // Languages the form does not show keep their terms.
        let existing = store.issues()?.into_iter().find(|i| i.id.as_str() == id);
        let shown = [("en", form.label_en.trim()), ("fr", form.label_fr.trim())];
        let labels = with_unshown(&shown, existing.as_ref().map(|i| &i.label));
        let mut issue =
            Issue::check(id, &labels, &[], form.level.trim()).map_err(|p| taxonomy_problems(p, &localizer))?;
        issue.terms = existing.map(|i| i.terms).unwrap_or_default();
        for (language, terms) in [("en", &form.terms_en), ("fr", &form.terms_fr)] {
            let terms = split_list(terms.trim());
            if terms.is_empty() {
                issue.terms.remove(language);
            } else {
                issue.terms.insert(language.to_owned(), terms);
            }
        }
        store.save_taxonomy_entry(TaxonomyEntry::Issue(&issue), &AuditActor::account(&account, Timestamp::now()))?;
        Ok("/admin/issues".to_owned())
    })
    .await
}

/// POST /admin/mechanisms: adds or changes a mechanism.
pub async fn save_mechanism(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::MechanismForm>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin/issues", move |store, account, form| {
        let functions: Vec<&str> = Function::ALL
            .iter()
            .map(|f| f.as_str())
            .filter(|f| form.ticked.contains_key(&format!("function:{f}")))
            .collect();
        let existing = store.mechanisms()?.into_iter().find(|m| m.id.as_str() == form.id.trim());
        let acronyms = with_unshown(
            &[("en", form.acronym_en.trim()), ("fr", form.acronym_fr.trim())],
            existing.as_ref().map(|m| &m.acronym),
        );
        let names = with_unshown(
            &[("en", form.name_en.trim()), ("fr", form.name_fr.trim())],
            existing.as_ref().map(|m| &m.name),
        );
        let mechanism = Mechanism::check(form.id.trim(), &acronyms, &names, form.level.trim(), &functions)
            .map_err(|p| taxonomy_problems(p, &localizer))?;
        store.save_taxonomy_entry(
            TaxonomyEntry::Mechanism(&mechanism),
            &AuditActor::account(&account, Timestamp::now()),
        )?;
        Ok("/admin/issues#mechanisms".to_owned())
    })
    .await
}

/// POST /admin/matrix: which mechanisms handle which issues (`m:<issue>:<mechanism>` boxes).
pub async fn save_matrix(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::MatrixForm>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin/issues", move |store, account, form| {
        let mut pairs = Vec::new();
        for name in form.ticked.keys() {
            let Some((issue, mechanism)) = name.strip_prefix("m:").and_then(|rest| rest.split_once(':')) else {
                continue;
            };
            let bad = |value: &str| PageError::BadRequest(localizer.format("taxonomy-id", &[("value", value.into())]));
            pairs.push((issue.parse().map_err(|_| bad(issue))?, mechanism.parse().map_err(|_| bad(mechanism))?));
        }
        match store.set_matrix(&Matrix::new(pairs), &AuditActor::account(&account, Timestamp::now())) {
            Ok(()) => Ok("/admin/issues#matrix".to_owned()),
            Err(error) => Err(unknown_taxonomy(error, &localizer)),
        }
    })
    .await
}

/// The documents and Tunis Agenda paragraphs a text cites, each with its label and address.
pub(crate) fn citation_links(text: &str, localizer: &Localizer) -> Vec<Value> {
    consulta_analysis::citations::cited_in(text)
        .into_iter()
        .map(|cited| {
            let label = match &cited {
                consulta_analysis::Cited::Document(symbol) => symbol.clone(),
                consulta_analysis::Cited::TunisParagraph(n) => {
                    localizer.format("analysis-tunis-paragraph", &[("number", u64::from(*n).into())])
                }
            };
            json!({"label": label, "url": cited.url()})
        })
        .collect()
}
