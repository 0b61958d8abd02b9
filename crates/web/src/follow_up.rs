//! The follow-up record as the public reads it: the action lines of the Geneva Plan of Action
//! with their facilitators and how the commitments serving each stand, one action line with
//! its facilitators year by year and its commitments, and one commitment with its timeline and
//! the chart of its progress (inline SVG, no script). The JSON API gives the same views.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use consulta_i18n::Localizer;
use consulta_report::follow_up::{
    self, ActionLineSummary, ActionLineView, CommitmentView, FollowUpError, progress_chart, status_name,
};
use consulta_report::reporting_rounds::{self, RoundView};
use consulta_store::Store;
use serde_json::json;

use crate::App;
use crate::accounts::{acting_for, with_visitor};
use crate::api::ApiError;
use crate::forms::{self, signed_in_form};
use crate::language::RequestLanguage;
use crate::page::{Page, PageError, PageResult};

pub(crate) fn commitment_url(id: i64) -> String {
    format!("/commitments/{id}")
}

fn follow_up_error(error: FollowUpError, localizer: &Localizer) -> PageError {
    match error {
        FollowUpError::UnknownActionLine(_) | FollowUpError::UnknownCommitment(_) | FollowUpError::UnknownRound(_) => {
            PageError::NotFound
        }
        FollowUpError::Store(error) => error.into(),
        other => PageError::BadRequest(other.message(localizer)),
    }
}

/// Names of statuses and roles in the reader's language, for the templates.
fn labels(localizer: &Localizer) -> serde_json::Value {
    let status = |s: &str| status_name(s, localizer);
    json!({
        "planned": status("planned"),
        "in_progress": status("in_progress"),
        "achieved": status("achieved"),
        "dropped": status("dropped"),
        "lead": localizer.text("follow-up-role-lead"),
        "co_facilitator": localizer.text("follow-up-role-co-facilitator"),
        "moderator": localizer.text("follow-up-role-moderator"),
    })
}

fn index(store: &dyn Store, localizer: &Localizer) -> PageResult {
    let lines =
        follow_up::action_line_summaries(store, localizer.language()).map_err(|e| follow_up_error(e, localizer))?;
    Ok(Page {
        template: "action_lines.html",
        title: localizer.text("action-lines-title"),
        is_example: false,
        context: json!({
            "lines": lines,
            "labels": labels(localizer),
            "cycle": follow_up::cycle_sentence(i32::from(jiff::Zoned::now().year()), localizer),
        }),
    })
}

/// GET /action-lines
pub(crate) async fn index_page(State(app): State<App>, language: RequestLanguage) -> Response {
    let localizer = language.localizer;
    let result = app.page(move |store| index(store, &localizer)).await;
    app.templates.respond(&language, result)
}

/// The filters of the commitments' listing, as the query string gives them (empty = any).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub(crate) struct CommitmentParams {
    /// An action line, C1 to C11.
    action_line: String,
    /// planned, in_progress, achieved or dropped.
    status: String,
    /// A stakeholder group (government, civil_society, …).
    group: String,
    /// A UN regional group (african, asia_pacific, eastern_european, latin_american_caribbean, weog).
    region: String,
    /// ldc, developing or developed.
    development: String,
    /// An issue of the taxonomy (its identifier).
    issue: String,
}

impl CommitmentParams {
    fn query(&self) -> Result<follow_up::CommitmentQuery, FollowUpError> {
        follow_up::CommitmentQuery::read(
            Some(&self.action_line),
            None,
            Some(&self.status),
            Some(&self.group),
            Some(&self.region),
            Some(&self.development),
            Some(&self.issue),
        )
    }
}

fn commitments(store: &dyn Store, params: &CommitmentParams, localizer: &Localizer) -> PageResult {
    use consulta_composition::Attribute;
    use consulta_report::bodies::value_name;
    let filter = params.query().and_then(|q| q.filter()).map_err(|e| follow_up_error(e, localizer))?;
    let list = follow_up::commitment_summaries(store, &filter).map_err(|e| follow_up_error(e, localizer))?;
    let option =
        |value: &str, label: String, chosen: &str| json!({ "value": value, "label": label, "chosen": value == chosen });
    let lines: Vec<_> = consulta_followup::action_lines()
        .iter()
        .map(|l| option(&l.code, format!("{} {}", l.code, l.title(localizer.language())), &params.action_line))
        .collect();
    let statuses: Vec<_> = consulta_followup::CommitmentStatus::ALL
        .iter()
        .map(|s| option(s.as_str(), status_name(s.as_str(), localizer), &params.status))
        .collect();
    let groups: Vec<_> = store
        .stakeholder_groups()?
        .iter()
        .map(|g| option(g.as_str(), value_name(Attribute::Group, g.as_str(), localizer), &params.group))
        .collect();
    let regions: Vec<_> = consulta_core::RegionalGroup::ALL
        .iter()
        .map(|r| option(r.as_str(), value_name(Attribute::Region, r.as_str(), localizer), &params.region))
        .collect();
    let issues: Vec<_> = store
        .issues()?
        .iter()
        .map(|i| option(i.id.as_str(), i.label.get(localizer.language(), "en").to_owned(), &params.issue))
        .collect();
    let developments: Vec<_> = consulta_core::DevelopmentStatus::ALL
        .iter()
        .map(|d| option(d.as_str(), value_name(Attribute::Development, d.as_str(), localizer), &params.development))
        .collect();
    Ok(Page {
        template: "commitments.html",
        title: localizer.text("commitments-title"),
        is_example: false,
        context: json!({
            "commitments": list,
            "labels": labels(localizer),
            "filters": [
                { "name": "action_line", "label": localizer.text("commitment-action-lines"), "options": lines },
                { "name": "status", "label": localizer.text("commitment-status"), "options": statuses },
                { "name": "group", "label": localizer.text("commitments-filter-group"), "options": groups },
                { "name": "region", "label": localizer.text("commitments-filter-region"), "options": regions },
                { "name": "development", "label": localizer.text("commitments-filter-development"), "options": developments },
                { "name": "issue", "label": localizer.text("commitments-filter-issue"), "options": issues },
            ],
        }),
    })
}

/// GET /commitments: the implementation record, filtered by action line, status, stakeholder
/// group, region, development status and issue with a plain form.
pub(crate) async fn commitments_page(
    State(app): State<App>,
    language: RequestLanguage,
    axum::extract::Query(params): axum::extract::Query<CommitmentParams>,
) -> Response {
    let localizer = language.localizer;
    let result = app.page(move |store| commitments(store, &params, &localizer)).await;
    app.templates.respond(&language, result)
}

/// GET /api/v1/commitments
#[utoipa::path(
    get,
    path = "/api/v1/commitments",
    params(CommitmentParams),
    responses(
        (status = 200, description = "The commitments the filters let through, by number", body = [follow_up::CommitmentSummary]),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_commitments(
    State(app): State<App>,
    language: RequestLanguage,
    axum::extract::Query(params): axum::extract::Query<CommitmentParams>,
) -> Response {
    app.json_view(language.localizer, follow_up_error, move |store, _| {
        follow_up::commitment_summaries(store, &params.query()?.filter()?)
    })
    .await
}

fn action_line(store: &dyn Store, code: &str, localizer: &Localizer) -> PageResult {
    let view =
        follow_up::action_line_view(store, code, localizer.language()).map_err(|e| follow_up_error(e, localizer))?;
    // Facilitators grouped by year, the latest first.
    let mut years: Vec<i32> = view.facilitators.iter().map(|f| f.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let by_year: Vec<_> = years
        .iter()
        .map(|year| json!({ "year": year, "facilitators": view.facilitators.iter().filter(|f| f.year == *year).collect::<Vec<_>>() }))
        .collect();
    Ok(Page {
        template: "action_line.html",
        title: format!("{} {}", view.code, view.title),
        is_example: false,
        context: json!({ "line": view, "years": by_year, "labels": labels(localizer) }),
    })
}

/// GET /action-lines/{code}
pub(crate) async fn action_line_page(
    State(app): State<App>,
    language: RequestLanguage,
    Path(code): Path<String>,
) -> Response {
    let localizer = language.localizer;
    let result = app.page(move |store| action_line(store, &code, &localizer)).await;
    app.templates.respond(&language, result)
}

fn commitment(store: &dyn Store, id: &str, localizer: &Localizer) -> PageResult {
    let id: i64 = id.parse().map_err(|_| PageError::NotFound)?;
    let view =
        follow_up::commitment_view(store, id, localizer.language()).map_err(|e| follow_up_error(e, localizer))?;
    let chart_title = localizer.format("commitment-progress-chart", &[("title", view.title.clone().into())]);
    let chart = progress_chart(&view.updates, (view.start_date.as_deref(), view.end_date.as_deref()), &chart_title);
    let dates: Vec<String> =
        view.updates.iter().map(|u| u.on.parse().map(|d| localizer.date(d)).unwrap_or_else(|_| u.on.clone())).collect();
    let date = |d: &Option<String>| d.as_ref().and_then(|d| d.parse().ok()).map(|d| localizer.date(d));
    Ok(Page {
        template: "commitment.html",
        title: view.title.clone(),
        is_example: false,
        context: json!({
            "commitment": view,
            "chart": chart,
            "dates": dates,
            "start": date(&view.start_date),
            "end": date(&view.end_date),
            "parent_url": view.parent.map(commitment_url),
            "labels": labels(localizer),
        }),
    })
}

/// GET /commitments/{id}
pub(crate) async fn commitment_page(
    State(app): State<App>,
    language: RequestLanguage,
    Path(id): Path<String>,
) -> Response {
    let localizer = language.localizer;
    let result = app.page(move |store| commitment(store, &id, &localizer)).await;
    app.templates.respond(&language, result)
}

/// GET /api/v1/action-lines
#[utoipa::path(
    get,
    path = "/api/v1/action-lines",
    responses(
        (status = 200, description = "The action lines C1 to C11 of the Geneva Plan of Action, each with its facilitators of the latest year recorded and its commitments counted by status", body = [ActionLineSummary]),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_action_lines(State(app): State<App>, language: RequestLanguage) -> Response {
    app.json_view(language.localizer, follow_up_error, |store, l| follow_up::action_line_summaries(store, l.language()))
        .await
}

/// GET /api/v1/action-lines/{code}
#[utoipa::path(
    get,
    path = "/api/v1/action-lines/{code}",
    params(("code" = String, Path, description = "The action line's code, C1 to C11")),
    responses(
        (status = 200, description = "One action line: its facilitators year by year and the commitments serving it", body = ActionLineView),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_action_line(
    State(app): State<App>,
    language: RequestLanguage,
    Path(code): Path<String>,
) -> Response {
    app.json_view(language.localizer, follow_up_error, move |store, l| {
        follow_up::action_line_view(store, &code, l.language())
    })
    .await
}

/// GET /api/v1/commitments/{id}
#[utoipa::path(
    get,
    path = "/api/v1/commitments/{id}",
    params(("id" = i64, Path, description = "The commitment's number")),
    responses(
        (status = 200, description = "A commitment: who undertook it, the action lines it serves, its dates, indicator and target, its status and progress, and every update of them", body = CommitmentView),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_commitment(State(app): State<App>, language: RequestLanguage, Path(id): Path<i64>) -> Response {
    app.json_view(language.localizer, follow_up_error, move |store, l| {
        follow_up::commitment_view(store, id, l.language())
    })
    .await
}

/// The follow-up record as open data: `commitments.csv` (the results CSV, Decidim's columns and
/// Consulta's, which `consulta follow-up import` reads back), `facilitators.csv`, or `forum.json`
/// (the forum's items with their matches and threads).
pub(crate) async fn open_data(
    State(app): State<App>,
    language: RequestLanguage,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    use axum::http::{StatusCode, header};
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let not_found = || ApiError::from_page(PageError::NotFound, &localizer);
            let export: fn(&dyn Store) -> Result<String, String> = match file.as_str() {
                "commitments.csv" => |store| follow_up::export_results(store).map_err(|e| e.to_string()),
                "facilitators.csv" => |store| follow_up::export_facilitators(store).map_err(|e| e.to_string()),
                "forum.json" => |store| {
                    consulta_report::forum::export_json(store, jiff::Zoned::now().date()).map_err(|e| e.to_string())
                },
                _ => return Err(not_found()),
            };
            // The file's version is the record's count of changes: a client's copy of that
            // version is answered 304, without writing the file again.
            let changes = store.follow_up_changes().map_err(|e| ApiError::from_store(e, &localizer))?;
            let etag = format!("\"{file}-{changes}\"");
            if crate::static_files::holds(&headers, &etag) {
                return Ok((etag, None));
            }
            let body = export(store).map_err(|e| ApiError::from_page(PageError::Internal(e), &localizer))?;
            let media = if file.ends_with(".json") { "application/json" } else { "text/csv; charset=utf-8" };
            Ok((etag, Some((media, body))))
        })
        .await;
    match result {
        Ok((etag, None)) => (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response(),
        Ok((etag, Some((media, body)))) => {
            ([(header::CONTENT_TYPE, media.to_owned()), (header::ETAG, etag)], body).into_response()
        }
        Err(error) => error.into_response(),
    }
}

/// Names of an invitee's standing in the reader's language, for the templates.
fn standings(localizer: &Localizer) -> serde_json::Value {
    json!({
        "reported": localizer.text("follow-up-standing-reported"),
        "late": localizer.text("follow-up-standing-late"),
        "due": localizer.text("follow-up-standing-due"),
    })
}

fn round_context(round: &RoundView, localizer: &Localizer) -> serde_json::Value {
    let deadline = round.last_day.parse().map(|day| localizer.date(day)).unwrap_or_default();
    json!({ "round": round, "deadline": deadline })
}

/// GET /reports-due: the rounds a focal point's organisation is invited to, and whether it has
/// reported; the secretariat sees every round, with a link to each one's status.
pub(crate) async fn reports_due(State(app): State<App>, language: RequestLanguage, headers: HeaderMap) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        if visitor.actor.account().is_none() {
            return Err(PageError::SignIn { next: "/reports-due".to_owned(), ended: visitor.ended });
        }
        let secretariat = visitor.actor.may(consulta_core::Action::Administer);
        let entity = acting_for(store, &visitor)?;
        let now = jiff::Timestamp::now();
        let rounds = match (&entity, secretariat) {
            (Some(entity), _) => reporting_rounds::rounds_of(store, entity.id, localizer.language(), now),
            (None, true) => reporting_rounds::rounds(store, localizer.language(), now),
            (None, false) => Ok(Vec::new()),
        }
        .map_err(|e| follow_up_error(e, &localizer))?;
        let rounds: Vec<_> = rounds
            .iter()
            .map(|r| {
                let mine = entity.as_ref().and_then(|e| r.invitees.iter().find(|i| i.entity == e.id.0));
                let mut context = round_context(r, &localizer);
                context["mine"] = json!(mine);
                context
            })
            .collect();
        Ok(Page {
            template: "reports_due.html",
            title: localizer.text("reports-due-title"),
            is_example: false,
            context: json!({
                "rounds": rounds,
                "entity": entity.map(|e| e.name.as_str().to_owned()),
                "secretariat": secretariat,
                "standings": standings(&localizer),
                "visitor": visitor.view(),
            }),
        })
    })
    .await;
    app.templates.respond(&language, result)
}

/// GET /admin/reporting-rounds/{slug}: who has reported in a round, who is late, who is due,
/// and the form that reminds those who have not reported.
pub(crate) async fn round_page(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<crate::accounts::QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat(&format!("/admin/reporting-rounds/{slug}"))?;
        let round = reporting_rounds::round(store, &slug, localizer.language(), jiff::Timestamp::now())
            .map_err(|e| follow_up_error(e, &localizer))?;
        let mut context = round_context(&round, &localizer);
        context["standings"] = standings(&localizer);
        context["visitor"] = json!(visitor.view());
        context["reminded"] = json!(query.get("reminded"));
        Ok(Page { template: "reporting_round.html", title: round.title.clone(), is_example: false, context })
    })
    .await;
    app.templates.respond(&language, result)
}

/// POST /admin/reporting-reminders: the secretariat reminds the invitees that have not reported.
pub(crate) async fn remind(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::ReminderForm>,
) -> Response {
    let localizer = language.localizer;
    let next = format!("/admin/reporting-rounds/{}", crate::language::encode(&form.round));
    let public_url = app.public_url.as_str().to_owned();
    signed_in_form(app, language, headers, form, next, move |store, visitor, _, form| {
        let account = visitor.secretariat("/admin")?;
        let by = consulta_store::AuditActor::account(account, jiff::Timestamp::now());
        let sent = reporting_rounds::remind(store, &form.round, &public_url, &by)
            .map_err(|e| follow_up_error(e, &localizer))?;
        Ok(format!("/admin/reporting-rounds/{}?reminded={sent}", crate::language::encode(&form.round)))
    })
    .await
}

/// GET /api/v1/reporting-rounds/{slug}
#[utoipa::path(
    get,
    path = "/api/v1/reporting-rounds/{slug}",
    params(("slug" = String, Path, description = "The slug of the round's consultation")),
    responses(
        (status = 200, description = "A reporting round: its year, action lines and deadline, and each invited organisation with its report (reported, late or due)", body = RoundView),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_round(State(app): State<App>, language: RequestLanguage, Path(slug): Path<String>) -> Response {
    app.json_view(language.localizer, follow_up_error, move |store, l| {
        reporting_rounds::round(store, &slug, l.language(), jiff::Timestamp::now())
    })
    .await
}
