//! Points of agreement on the web: the public page of a consultation's opinion groups, points of
//! agreement and for further debate; voting one statement at a time and proposing statements,
//! with plain forms; the secretariat's moderation queue; and the JSON API. A focal point signed
//! in votes for its entity (verified: its stakeholder group and country count); anyone else is a
//! member of the public known by a random cookie, whose hash alone the record keeps.

mod cache;
mod view;

use std::time::Duration;

use axum::Json;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use consulta_auth::throttle::{Participation, allow_participation};
use consulta_auth::{new_token, tokens_match};
use consulta_core::agreement::statement_text;
use consulta_core::{
    CastVote, Choice, Consultation, ConsultationStatus, Entity, Moderation, NewStatement, Origin, ParticipantId,
    StatementId, Voter,
};
use consulta_i18n::Localizer;
use consulta_store::{AuditActor, Store, StoreError};
use jiff::Timestamp;
use serde_json::json;

pub(crate) use cache::AgreementCache;

use crate::accounts::{QueryParams, Visitor, acting_for, cookie, set_cookie, with_cookie, with_visitor};
use crate::api::{ApiError, Found};
use crate::client::ClientIp;
use crate::language::RequestLanguage;
use crate::openapi::Refused;
use crate::page::{Page, PageError, PageResult};
use crate::pages::{consultation_summary, find_consultation, moment_label};
use crate::{App, forms};

/// The cookie that tells a member of the public's votes apart: a random identifier, kept a year.
const VOTER_COOKIE: &str = "consulta_voter";
const VOTER_COOKIE_SECONDS: i64 = 365 * 24 * 3600;

/// Who votes, and the token their forms carry.
struct Voting {
    voter: Voter,
    entity: Option<Entity>,
    token: String,
    /// A new cookie identifier to set (a first visit).
    new_cookie: Option<String>,
}

/// The focal point's entity, or the public visitor's cookie (a new one on a first visit).
fn voting(headers: &HeaderMap, visitor: &Visitor, entity: Option<Entity>) -> Result<Voting, PageError> {
    if let (Some(entity), Some(session)) = (entity, &visitor.session) {
        return Ok(Voting {
            voter: Voter::Verified(entity.id),
            entity: Some(entity),
            token: session.csrf_token.clone(),
            new_cookie: None,
        });
    }
    let (identifier, new_cookie) =
        match cookie(headers, VOTER_COOKIE).filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())) {
            Some(existing) => (existing.to_owned(), None),
            None => {
                let made = new_token().map_err(|e| PageError::Internal(e.to_string()))?;
                (made.clone(), Some(made))
            }
        };
    let hash = |prefix: &str| consulta_log::to_hex(&consulta_log::sha256(format!("{prefix}{identifier}").as_bytes()));
    // The record keeps a hash of the identifier; the forms carry another, so a page's token
    // never is what the record holds.
    Ok(Voting { voter: Voter::Anonymous(hash("")), entity: None, token: hash("form\0"), new_cookie })
}

fn page_path(slug: &str) -> String {
    format!("/consultations/{slug}/agreement")
}

/// GET /consultations/{slug}/agreement
pub(crate) async fn page(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    Query(params): Query<QueryParams>,
    headers: HeaderMap,
) -> Response {
    let localizer = language.localizer;
    // Who asks, the consultation and the record's mark, read once; then the groups, waited for
    // with no connection held; then the page.
    let found = with_visitor(&app, headers.clone(), move |store, visitor| {
        let who = voting(&headers, &visitor, acting_for(store, &visitor)?)?;
        let consultation = find_consultation(store, &slug)?;
        let mark = store.agreement_mark(consultation.id)?;
        Ok((visitor, who, consultation, mark))
    })
    .await;
    let (visitor, who, consultation, mark) = match found {
        Ok(found) => found,
        Err(error) => return app.templates.respond(&language, Err(error)),
    };
    let new_cookie = who.new_cookie.clone();
    let notice = params.get("done").cloned();
    let result = async {
        let (cache, database, waited_for) = (app.agreement.clone(), app.database.clone(), consultation.clone());
        let computed =
            tokio::task::spawn_blocking(move || cache.current(&database, &waited_for, mark, cache::PAGE_WAIT))
                .await
                .map_err(|e| PageError::Internal(e.to_string()))?;
        app.page(move |store| {
            let notice = notice.as_deref();
            agreement_page(store, &consultation, computed.as_deref(), mark, &who, &visitor, notice, &localizer)
        })
        .await
    }
    .await;
    let response = app.templates.respond(&language, result);
    match new_cookie {
        Some(identifier) => with_cookie(response, set_cookie(&app, VOTER_COOKIE, &identifier, VOTER_COOKIE_SECONDS)),
        None => response,
    }
}

/// The statement to put to `who` next: among the accepted ones it has not voted on, the one the
/// fewest have voted on (so every statement gathers votes), the earliest first.
fn next_statement(
    store: &dyn Store,
    consultation: &Consultation,
    who: &Voting,
    computed: Option<&cache::Computed>,
) -> Result<(Option<consulta_core::Statement>, usize), PageError> {
    let accepted = store.statements(consultation.id, Some(Moderation::Accepted))?;
    let voted: Vec<StatementId> = match store.find_participant(consultation.id, &who.voter)? {
        Some(id) => store.votes_of(id)?.into_iter().map(|(statement, _)| statement).collect(),
        None => Vec::new(),
    };
    let votes_on = |id: StatementId| -> u64 {
        computed
            .and_then(|c| {
                let column = c.agreement.statements.iter().position(|s| s.id == id)?;
                Some(c.agreement.totals.get(column)?.seen())
            })
            .unwrap_or(0)
    };
    let remaining: Vec<consulta_core::Statement> = accepted.into_iter().filter(|s| !voted.contains(&s.id)).collect();
    let count = remaining.len();
    Ok((remaining.into_iter().min_by_key(|s| (votes_on(s.id), s.id)), count))
}

#[allow(clippy::too_many_arguments)]
fn agreement_page(
    store: &dyn Store,
    consultation: &Consultation,
    computed: Option<&cache::Computed>,
    mark: cache::Mark,
    who: &Voting,
    visitor: &Visitor,
    notice: Option<&str>,
    localizer: &Localizer,
) -> PageResult {
    let lang = localizer.language();
    let fallback = consultation.record.original_language.primary();
    let open = consultation.status(Timestamp::now()) == ConsultationStatus::Open;
    let (next, remaining) = next_statement(store, consultation, who, computed)?;
    let zone = &consultation.record.time_zone;
    let results = computed.map(|c| {
        let (agreed, debated) = view::points(&c.agreement);
        json!({
            "at": moment_label(c.at, zone, localizer),
            "stale": c.mark != mark,
            "votes": c.agreement.votes_cast,
            "participants": c.agreement.participants.len(),
            "placed": c.agreement.groups.groups.iter().map(Vec::len).sum::<usize>(),
            "statements": c.agreement.reports.len(),
            "map": view::map(&c.agreement),
            "groups": view::groups(&c.agreement, localizer),
            "agreed": agreed,
            "debated": debated,
            "dimensions": view::dimensions(&c.agreement, localizer),
        })
    });
    let notice = notice.and_then(|done| match done {
        "voted" => Some(localizer.text("agreement-voted")),
        "proposed" => Some(localizer.text("agreement-proposed")),
        _ => None,
    });
    Ok(Page {
        template: "agreement.html",
        title: localizer
            .format("agreement-title", &[("consultation", consultation.record.title.get(lang, fallback).into())]),
        is_example: consultation.record.is_example,
        context: json!({
            "consultation": consultation_summary(consultation, localizer),
            "results": results,
            "open": open,
            "vote": next.map(|s| json!({ "id": s.id.0, "text": s.text, "lang": s.language.as_str() })),
            "remaining": remaining,
            "token": who.token,
            "verified_as": who.entity.as_ref().map(|e| e.name.as_str().to_owned()),
            "notice": notice,
            "visitor": visitor.view(),
            "max_chars": consulta_core::agreement::STATEMENT_MAX_CHARS,
        }),
    })
}

/// Checks a participation form: its token, and the client's hourly allowance.
fn check_participation(
    store: &mut dyn Store,
    who: &Voting,
    sent_token: &str,
    what: Participation,
    client: &ClientIp,
) -> Result<(), PageError> {
    if who.new_cookie.is_some() || !tokens_match(&who.token, sent_token) {
        return Err(PageError::FormExpired);
    }
    if !allow_participation(store, what, &client.0.to_string(), Timestamp::now())? {
        return Err(PageError::TooManyAttempts);
    }
    Ok(())
}

fn open_consultation(store: &dyn Store, slug: &str, localizer: &Localizer) -> Result<Consultation, PageError> {
    let consultation = find_consultation(store, slug)?;
    if consultation.status(Timestamp::now()) != ConsultationStatus::Open {
        return Err(PageError::BadRequest(localizer.text("agreement-closed")));
    }
    Ok(consultation)
}

/// A participant's form (a vote, a proposal) on an open consultation: the token and the hourly
/// allowance checked, the participant recorded on its first appearance, then `act`; back to the
/// address `act` gives, or the error page.
#[allow(clippy::too_many_arguments)]
async fn participation(
    app: App,
    language: RequestLanguage,
    headers: HeaderMap,
    slug: String,
    client: ClientIp,
    token: String,
    what: Participation,
    act: impl FnOnce(&mut dyn Store, &Consultation, ParticipantId, &Localizer) -> Result<String, PageError> + Send + 'static,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers.clone(), move |store, visitor| {
        let entity = acting_for(store, &visitor)?;
        let who = voting(&headers, &visitor, entity)?;
        check_participation(store, &who, &token, what, &client)?;
        let consultation = open_consultation(store, &slug, &localizer)?;
        let participant = store.participant(consultation.id, &who.voter, who.entity.as_ref(), Timestamp::now())?;
        act(store, &consultation, participant, &localizer)
    })
    .await;
    match result {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// POST /consultations/{slug}/agreement/vote: one vote, then the next statement.
pub(crate) async fn vote(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    client: ClientIp,
    headers: HeaderMap,
    Form(form): Form<forms::VoteForm>,
) -> Response {
    let path = page_path(&slug);
    let (token, what) = (form.csrf.clone(), Participation::Vote);
    participation(app, language, headers, slug, client, token, what, move |store, _, participant, localizer| {
        let bad = || PageError::BadRequest(localizer.text("agreement-bad-vote"));
        let statement = StatementId(form.statement.trim().parse().map_err(|_| bad())?);
        let choice = Choice::parse(form.choice.trim()).ok_or_else(bad)?;
        match store.cast_vote(&CastVote { participant, statement, choice, cast_at: Timestamp::now() }) {
            Ok(()) => Ok(format!("{path}?done=voted#vote")),
            Err(StoreError::NotVotable(_)) => Err(bad()),
            Err(error) => Err(error.into()),
        }
    })
    .await
}

/// A statement's text as typed, or the page that says what is wrong with it.
fn checked_text(typed: &str, localizer: &Localizer) -> Result<String, PageError> {
    statement_text(typed).map_err(|problem| {
        let max = consulta_core::agreement::STATEMENT_MAX_CHARS as u64;
        PageError::BadRequest(localizer.format(problem.message_id(), &[("max", max.into())]))
    })
}

/// POST /consultations/{slug}/agreement/propose: a statement for the secretariat to moderate.
pub(crate) async fn propose(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    client: ClientIp,
    headers: HeaderMap,
    Form(form): Form<forms::ProposalForm>,
) -> Response {
    let path = page_path(&slug);
    let (token, what) = (form.csrf.clone(), Participation::Proposal);
    participation(
        app,
        language,
        headers,
        slug,
        client,
        token,
        what,
        move |store, consultation, participant, localizer| {
            let new = NewStatement {
                consultation: consultation.id,
                text: checked_text(&form.text, localizer)?,
                language: localizer.language().parse().map_err(|_| PageError::Internal("language".into()))?,
                origin: Origin::Participant,
                source: None,
                external_id: None,
                proposed_by: Some(participant),
                proposed_at: Timestamp::now(),
            };
            store.add_statement(&new, None)?;
            Ok(format!("{path}?done=proposed#propose"))
        },
    )
    .await
}

/// GET /admin/agreement: the statements waiting for moderation, and the form to add one.
pub(crate) async fn queue(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat("/admin/agreement")?;
        let mut consultations = Vec::new();
        let mut pending = Vec::new();
        for consultation in store.consultations()? {
            let title =
                consultation.record.title.get(localizer.language(), consultation.record.original_language.primary());
            for statement in store.statements(consultation.id, Some(Moderation::Pending))? {
                pending.push(json!({
                    "id": statement.id.0,
                    "text": statement.text,
                    "lang": statement.language.as_str(),
                    "consultation": title,
                    "proposed": moment_label(statement.proposed_at, &consultation.record.time_zone, &localizer),
                }));
            }
            consultations.push(json!({ "slug": consultation.record.slug.as_str(), "title": title }));
        }
        let notice = params.get("done").map(|done| {
            localizer.text(&format!(
                "agreement-admin-{}",
                match done.as_str() {
                    "accepted" => "accepted",
                    "rejected" => "rejected",
                    _ => "added",
                }
            ))
        });
        Ok(Page {
            template: "admin_agreement.html",
            title: localizer.text("agreement-admin-title"),
            is_example: false,
            context: json!({
                "pending": pending,
                "consultations": consultations,
                "notice": notice,
                "visitor": visitor.view(),
                "max_chars": consulta_core::agreement::STATEMENT_MAX_CHARS,
            }),
        })
    })
    .await;
    app.templates.respond(&language, result)
}

/// POST /admin/agreement/moderate: accept a statement (it joins the log) or reject it with a
/// reason, audited.
pub(crate) async fn moderate(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::StatementModeration>,
) -> Response {
    let localizer = language.localizer;
    crate::accounts::secretariat_form(app, language, headers, form, "/admin/agreement", move |store, account, form| {
        let id = StatementId(form.statement.trim().parse().map_err(|_| PageError::NotFound)?);
        let reason = form.reason.trim();
        let reject = form.action == "reject";
        if reject && reason.is_empty() {
            return Err(PageError::BadRequest(localizer.text("agreement-reason-needed")));
        }
        let by = AuditActor::account(&account, Timestamp::now());
        match store.moderate_statement(id, reject.then_some(reason), &by) {
            Ok(Some(_)) => Ok(format!("/admin/agreement?done={}", if reject { "rejected" } else { "accepted" })),
            Ok(None) => Err(PageError::NotFound),
            Err(StoreError::AlreadyModerated(_)) => {
                Err(PageError::BadRequest(localizer.text("agreement-already-moderated")))
            }
            Err(error) => Err(error.into()),
        }
    })
    .await
}

/// POST /admin/agreement/statements: the secretariat's own statement, drawn from a contribution
/// or not, put to the vote at once.
pub(crate) async fn add_statement(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::NewStatementForm>,
) -> Response {
    let localizer = language.localizer;
    crate::accounts::secretariat_form(app, language, headers, form, "/admin/agreement", move |store, account, form| {
        let consultation = find_consultation(store, form.consultation.trim())?;
        let text = checked_text(&form.text, &localizer)?;
        let source = match form.contribution.trim() {
            "" => None,
            number => {
                let unknown =
                    || PageError::BadRequest(localizer.format("cli-unknown-contribution", &[("id", number.into())]));
                let id = consulta_core::ContributionId(number.parse().map_err(|_| unknown())?);
                match store.contribution(id)? {
                    Some(c) if c.record.consultation == consultation.id => Some(id),
                    _ => return Err(unknown()),
                }
            }
        };
        let language = match form.language.trim() {
            "" => consultation.record.original_language.clone(),
            tag => tag.parse().map_err(|_| PageError::BadRequest(localizer.text("agreement-bad-language")))?,
        };
        let by = AuditActor::account(&account, Timestamp::now());
        let new = NewStatement {
            consultation: consultation.id,
            text,
            language,
            origin: Origin::Secretariat,
            source,
            external_id: None,
            proposed_by: None,
            proposed_at: by.at,
        };
        store.add_statement(&new, Some(&by))?;
        Ok("/admin/agreement?done=added".to_owned())
    })
    .await
}

/// How long the API waits for a computation before answering that it is under way.
const API_WAIT: Duration = Duration::from_secs(10);

/// GET /api/v1/consultations/{slug}/agreement: the opinion groups and every statement's standing.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{slug}/agreement",
    params(("slug" = String, Path, description = "The consultation's slug")),
    responses(
        (status = 200, description = "The groups as last computed, and every accepted statement with its counts, consensus and standing across opinion groups and stakeholder groups", body = crate::openapi::AgreementResponse),
        (status = 202, description = "The groups are being computed; ask again in a moment", body = crate::openapi::ComputingResponse),
        Refused,
    )
)]
pub(crate) async fn api(State(app): State<App>, language: RequestLanguage, Path(slug): Path<String>) -> Response {
    let localizer = language.localizer;
    let found = app
        .read(localizer, move |store| {
            let consultation = store.consultation_by_slug(&slug).found(&localizer)?;
            let mark = store.agreement_mark(consultation.id).map_err(|e| ApiError::from_store(e, &localizer))?;
            Ok((consultation, mark))
        })
        .await;
    let (consultation, mark) = match found {
        Ok(found) => found,
        Err(error) => return error.into_response(),
    };
    let (cache, database, waited_for) = (app.agreement.clone(), app.database.clone(), consultation.clone());
    let computed = tokio::task::spawn_blocking(move || cache.current(&database, &waited_for, mark, API_WAIT)).await;
    match computed {
        Ok(Some(computed)) => {
            let agreement = &computed.agreement;
            Json(crate::openapi::AgreementResponse {
                consultation: consultation.record.slug.as_str().to_owned(),
                computed_at: computed.at.to_string(),
                up_to_date: computed.mark == mark,
                votes_cast: agreement.votes_cast,
                participants: agreement.participants.len(),
                opinion_groups: agreement
                    .groups
                    .groups
                    .iter()
                    .enumerate()
                    .map(|(group, members)| crate::openapi::OpinionGroupSize { group, size: members.len() })
                    .collect(),
                statements: agreement.statement_views(),
            })
            .into_response()
        }
        Ok(None) => {
            (StatusCode::ACCEPTED, Json(crate::openapi::ComputingResponse { status: "computing" })).into_response()
        }
        Err(error) => ApiError::server(error, &localizer).into_response(),
    }
}

/// The accepted statement `id` names, or not found (a pending or rejected one is not public).
fn accepted_statement(store: &dyn Store, id: &str, localizer: &Localizer) -> Result<StatementId, ApiError> {
    let id = id.trim().parse::<i64>().map(StatementId).map_err(|_| ApiError::not_found(localizer))?;
    match store.statement(id).map_err(|e| ApiError::from_store(e, localizer))? {
        Some(statement) if statement.moderation == Moderation::Accepted => Ok(id),
        _ => Err(ApiError::not_found(localizer)),
    }
}

/// GET /api/v1/statements/{id}/record: an accepted statement's canonical record, byte for byte as
/// its log leaf hashes it.
#[utoipa::path(
    get,
    path = "/api/v1/statements/{id}/record",
    params(("id" = String, Path, description = "The statement's number")),
    responses(
        (status = 200, description = "The canonical record, byte for byte as its log leaf hashes it", body = serde_json::Value),
        Refused,
    )
)]
pub(crate) async fn statement_record(
    State(app): State<App>,
    language: RequestLanguage,
    Path(id): Path<String>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let id = accepted_statement(store, &id, &localizer)?;
            let record = store.statement_record(id).found(&localizer)?;
            Ok(record.to_bytes())
        })
        .await;
    crate::api::canonical_record_response(result)
}

/// GET /api/v1/statements/{id}/inclusion?tree_size=N: where an accepted statement is in the
/// public log, and the proof.
#[utoipa::path(
    get,
    path = "/api/v1/statements/{id}/inclusion",
    params(
        ("id" = String, Path, description = "The statement's number"),
        ("tree_size" = u64, Query, description = "The size of the tree to prove inclusion in"),
    ),
    responses(
        (status = 200, description = "The leaf and its inclusion proof", body = crate::openapi::StatementInclusionResponse),
        Refused,
    )
)]
pub(crate) async fn statement_inclusion(
    State(app): State<App>,
    language: RequestLanguage,
    Path(id): Path<String>,
    Query(params): Query<QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let id = accepted_statement(store, &id, &localizer)?;
            let size = crate::api::number(&params, "tree_size", &localizer)?;
            let inclusion = store.statement_inclusion(id, size).found(&localizer)?;
            Ok(crate::openapi::StatementInclusionResponse { statement: id.0, proof: (&inclusion).into() })
        })
        .await;
    result.map(Json).into_response()
}
