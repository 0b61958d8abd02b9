//! The secretariat's pages under /admin: the dashboard, consultations and meetings, the audit
//! log and the outbox (paged the same way, `LOG_PAGE` entries at a time).

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use consulta_i18n::{Arg, Localizer};
use consulta_store::{AuditActor, PageRequest, StoreError};
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::App;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError};

use super::session::{QueryParams, Visitor, internal, secretariat_form, with_visitor};
use crate::forms;

/// Entries per page of the secretariat's logs (audit, outbox).
const LOG_PAGE: u64 = 50;

/// The secretariat's home: consultations, moderation, the audit log.
pub async fn admin(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat("/admin")?;
        let consultations: Vec<Value> = store
            .consultations()?
            .iter()
            .map(|c| {
                json!({
                    "slug": c.record.slug.as_str(),
                    "title": c.record.title.get(localizer.language(), c.record.original_language.primary()),
                })
            })
            .collect();
        let notice = params.get("done").map(|what| match what.as_str() {
            "withheld" => localizer.text("admin-withheld"),
            "translated" => localizer.text("admin-translated"),
            "invited" => {
                let count = params.get("count").and_then(|c| c.parse::<u64>().ok()).unwrap_or(0);
                localizer.format("admin-invited", &[("count", count.into())])
            }
            _ => localizer.text("admin-published"),
        });
        let lists: Vec<Value> = store
            .accreditation_lists()?
            .into_iter()
            .map(|(slug, name, entities)| json!({ "slug": slug, "name": name, "entities": entities }))
            .collect();
        let groups: Vec<Value> = store
            .stakeholder_groups()?
            .iter()
            .map(|g| json!({ "id": g.as_str(), "label": consulta_report::group_label(g.as_str(), &localizer) }))
            .collect();
        let regions: Vec<Value> = consulta_core::RegionalGroup::ALL
            .iter()
            .map(|r| json!({ "id": r.as_str(), "label": localizer.text(&format!("region-{}", r.as_str())) }))
            .collect();
        Ok(Page {
            template: "admin.html",
            title: localizer.text("admin-title"),
            is_example: false,
            context: json!({
                "visitor": visitor.view(),
                "account": { "name": account.name, "email": account.email },
                "consultations": consultations,
                "notice": notice,
                "lists": lists,
                "groups": groups,
                "regions": regions,
                // The languages a consultation's texts may be given in, each by its own name.
                "languages": consulta_i18n::LANGUAGES.iter().map(|l| json!({
                    "code": l,
                    "name": Localizer::for_language(l).unwrap_or_default().text(&format!("language-name-{l}")),
                })).collect::<Vec<_>>(),
            }),
        })
    })
    .await;
    app.templates.respond(&language, result)
}

/// The page of a secretariat's log at `path` (audit, outbox) that `params` asks for
/// (`?page=N`, from 1), newest first: `read` reads a slice of the log, and each entry is shown by
/// `row` under `key`, with links to the pages either side.
#[allow(clippy::too_many_arguments)]
fn log_listing<T>(
    visitor: &Visitor,
    params: &QueryParams,
    path: &str,
    template: &'static str,
    title: String,
    read: impl FnOnce(PageRequest) -> Result<consulta_store::Page<T>, StoreError>,
    key: &str,
    row: impl Fn(&T) -> Value,
) -> Result<Page, PageError> {
    visitor.secretariat(path)?;
    let page = params.get("page").and_then(|p| p.parse().ok()).filter(|p: &u64| *p >= 1).unwrap_or(1);
    let log = read(PageRequest { offset: (page - 1) * LOG_PAGE, limit: LOG_PAGE })?;
    let last = log.total.div_ceil(LOG_PAGE).max(1);
    let mut context = json!({
        "visitor": visitor.view(),
        "total": log.total,
        "previous": (page > 1).then(|| format!("{path}?page={}", page - 1)),
        "next": (page < last).then(|| format!("{path}?page={}", page + 1)),
    });
    context[key] = log.items.iter().map(row).collect();
    Ok(Page { template, title, is_example: false, context })
}

/// A moment of a secretariat's log, as a person reads it (in UTC, which the page says).
fn log_time(at: Timestamp, localizer: &Localizer) -> String {
    localizer.format(
        "date-time-utc",
        &[("time", localizer.date_time(at.to_zoned(jiff::tz::TimeZone::UTC).datetime()).into())],
    )
}

fn audit_row(record: &consulta_store::AuditRecord) -> Value {
    let entry = &record.entry;
    json!({
        "id": record.id,
        "at": entry.by.at.to_string(),
        "actor": entry.by.label,
        "action": entry.action,
        "subject": entry.subject,
        "before": entry.before.as_ref().map(|v| v.to_string()),
        "after": entry.after.as_ref().map(|v| v.to_string()),
    })
}

pub async fn audit(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let title = localizer.text("audit-title");
        log_listing(
            &visitor,
            &params,
            "/admin/audit",
            "admin_audit.html",
            title,
            |page| store.audit_log(page),
            "entries",
            |record| {
                let mut row = audit_row(record);
                row["at"] = json!(log_time(record.entry.by.at, &localizer));
                row
            },
        )
    })
    .await;
    app.templates.respond(&language, result)
}

/// The whole audit log as CSV, oldest first.
pub async fn audit_csv(State(app): State<App>, language: RequestLanguage, headers: HeaderMap) -> Response {
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat("/admin/audit.csv")?;
        let total = store.audit_log(PageRequest { offset: 0, limit: 0 })?.total;
        let log = store.audit_log(PageRequest { offset: 0, limit: total })?;
        let mut writer = csv::Writer::from_writer(Vec::new());
        let columns = ["id", "at", "actor", "action", "subject", "before", "after"];
        writer.write_record(columns).map_err(internal)?;
        for record in log.items.iter().rev() {
            let row = audit_row(record);
            writer
                .write_record(columns.map(|c| match row[c].as_str() {
                    Some(text) => consulta_export::spreadsheet_safe(text).into_owned(),
                    None => row[c].to_string(),
                }))
                .map_err(internal)?;
        }
        writer.into_inner().map_err(internal)
    })
    .await;
    match result {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"consulta-audit.csv\""),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// The outbox: every email, its status and, for a failure, why.
pub async fn mail(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let title = localizer.text("mail-title");
        log_listing(
            &visitor,
            &params,
            "/admin/mail",
            "admin_mail.html",
            title,
            |page| store.mail_log(page),
            "messages",
            |m| {
                json!({
                    "id": m.id,
                    "to": m.to,
                    "subject": m.subject,
                    "status": m.status,
                    "status_label": localizer.text(&format!("mail-status-{}", m.status)),
                    "attempts": m.attempts,
                    "error": m.last_error,
                    "created": log_time(m.created_at, &localizer),
                    "sent": m.sent_at.map(|t| log_time(t, &localizer)),
                })
            },
        )
    })
    .await;
    app.templates.respond(&language, result)
}

/// The fields of the new consultation form, in order, with whether each is required.
const CONSULTATION_FIELDS: [(&str, bool); 8] = [
    ("slug", true),
    ("title", true),
    ("lang", true),
    ("opens", true),
    ("closes", true),
    ("time_zone", true),
    ("mandate", false),
    ("questions", false),
];

fn consultation_form(
    visitor: &Visitor,
    sent: &forms::NewConsultation,
    error: Option<(String, String)>,
    localizer: &Localizer,
) -> Page {
    let value = |name: &str| match (sent.sent(name), name) {
        (Some(value), _) => value.to_owned(),
        (None, "lang") => localizer.language().to_owned(),
        (None, "time_zone") => "UTC".to_owned(),
        (None, _) => String::new(),
    };
    Page {
        template: "admin_consultation.html",
        title: localizer.text("admin-new-consultation"),
        is_example: false,
        context: json!({
            "visitor": visitor.view(),
            "fields": CONSULTATION_FIELDS.iter().chain([("description", false)].iter()).map(|(name, required)| json!({
                "name": name,
                "label": localizer.text(&format!("consultation-field-{name}")),
                "hint": localizer.has(&format!("consultation-hint-{name}")).then(|| localizer.text(&format!("consultation-hint-{name}"))),
                "value": value(name),
                "required": required,
            })).collect::<Vec<_>>(),
            "verified_only": sent.verified_only.is_some(),
            "error_field": error.as_ref().map(|(field, _)| field.clone()),
            "error": error.map(|(_, message)| message),
        }),
    }
}

/// GET /admin/consultations/new: the form that opens a consultation.
pub async fn new_consultation(State(app): State<App>, language: RequestLanguage, headers: HeaderMap) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |_, visitor| {
        visitor.secretariat("/admin/consultations/new")?;
        Ok(consultation_form(&visitor, &forms::NewConsultation::default(), None, &localizer))
    })
    .await;
    app.templates.respond(&language, result)
}

/// POST /admin/consultations: checks the draft as `consulta consultation create` does, creates it
/// (audited), and goes to its page; a wrong field comes back with the form.
pub async fn create_consultation(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::NewConsultation>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat("/admin/consultations/new")?.clone();
        visitor.check_form(&form)?;
        let lang = form.lang.as_deref().unwrap_or_default().trim().to_owned();
        let localized = |text: &str| {
            let text = text.trim();
            if text.is_empty() { vec![] } else { vec![(lang.clone(), text.to_owned())] }
        };
        let draft = consulta_core::ConsultationDraft {
            slug: form.slug.trim().to_owned(),
            original_language: lang.clone(),
            title: localized(&form.title),
            description: localized(&form.description),
            mandate: localized(&form.mandate),
            opens: form.opens.trim().to_owned(),
            closes: form.closes.trim().to_owned(),
            time_zone: form.time_zone.as_deref().unwrap_or_default().trim().to_owned(),
            questions: form
                .questions
                .lines()
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(|q| vec![(lang.clone(), q.to_owned())])
                .collect(),
            is_example: false,
            verified_only: form.verified_only.is_some(),
        };
        let new = match draft.check() {
            Ok(new) => new,
            Err(error) => {
                let field = if error.field == "original_language" { "lang" } else { error.field };
                let message = draft_problem(&error, &localizer);
                return Ok(Err(consultation_form(&visitor, &form, Some((field.to_owned(), message)), &localizer)));
            }
        };
        let by = AuditActor::account(&account, Timestamp::now());
        match consulta_store::audited::create_consultation(store, &new, &by) {
            Ok(consultation) => Ok(Ok(consultation.record.slug.as_str().to_owned())),
            Err(StoreError::DuplicateSlug(slug)) => {
                let message = localizer.format("admin-duplicate-slug", &[("slug", slug.into())]);
                Ok(Err(consultation_form(&visitor, &form, Some(("slug".to_owned(), message)), &localizer)))
            }
            Err(other) => Err(other.into()),
        }
    })
    .await;
    match result {
        Ok(Ok(slug)) => Redirect::to(&format!("/consultations/{slug}")).into_response(),
        Ok(Err(page)) => app.templates.respond_with_status(&language, Ok(page), StatusCode::UNPROCESSABLE_ENTITY),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// POST /admin/translations: a consultation's title, description, mandate and guiding questions
/// in another language (the same check and audited write as `consulta consultation translate`).
pub async fn translate_consultation(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::ConsultationTranslation>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin", move |store, account, form| {
        let mut consultation = store.consultation_by_slug(&form.consultation)?.ok_or(PageError::NotFound)?;
        let given = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        let translation = consulta_core::Translation {
            language: form.lang.trim().to_owned(),
            title: given(&form.title),
            description: given(&form.description),
            mandate: given(&form.mandate),
            questions: form.questions.lines().map(str::trim).filter(|q| !q.is_empty()).map(str::to_owned).collect(),
        };
        if let Err(error) = consultation.record.translate(&translation) {
            return Err(PageError::BadRequest(draft_problem(&error, &localizer)));
        }
        let by = AuditActor::account(&account, Timestamp::now());
        consulta_store::audited::translate_consultation(store, &consultation, &translation.language, &by)?;
        Ok("/admin?done=translated".to_owned())
    })
    .await
}

/// What is wrong with a consultation's field, named as the form names it.
fn draft_problem(error: &consulta_core::DraftError, localizer: &Localizer) -> String {
    let field = match error.field {
        "original_language" => "lang",
        "question" => "questions",
        other => other,
    };
    let (key, args) = error.problem.message();
    let args: Vec<(&str, Arg)> = args.into_iter().map(|(name, value)| (name, Arg::Text(value))).collect();
    localizer.format(
        "admin-field-problem",
        &[
            ("field", localizer.text(&format!("consultation-field-{field}")).into()),
            ("problem", localizer.format(key, &args).into()),
        ],
    )
}

/// POST /admin/meetings: adds a meeting (date and place) to a consultation, audited.
pub async fn add_meeting(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::NewMeeting>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin", move |store, account, form| {
        let slug = form.consultation;
        let consultation = store.consultation_by_slug(&slug)?.ok_or(PageError::NotFound)?;
        let date_text = form.date.trim();
        let date = consulta_core::time::parse_date(date_text)
            .map_err(|_| PageError::BadRequest(localizer.format("draft-date", &[("value", date_text.into())])))?;
        let place = form.place.trim().to_owned();
        if place.is_empty() {
            return Err(PageError::BadRequest(localizer.text("admin-place-needed")));
        }
        let by = AuditActor::account(&account, Timestamp::now());
        match consulta_store::audited::add_meeting(store, &consultation, date, &place, &by) {
            Ok(_) => Ok(format!("/consultations/{slug}")),
            Err(StoreError::DuplicateMeeting(date)) => Err(PageError::BadRequest(
                localizer.format("cli-duplicate-meeting", &[("date", date.to_string().into())]),
            )),
            Err(other) => Err(other.into()),
        }
    })
    .await
}
