//! The public pages' handlers: the consultations, a consultation with its form, a contribution,
//! an entity, a receipt, search, and the site's static files; and `/healthz`. Each reads the
//! request, runs a page function of `pages` (or `search`) and renders its template.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::language::RequestLanguage;
use crate::page::PageError;
use crate::{App, accounts, api, client, kept_files, openapi, pages, search};

/// GET /healthz: 200 "ok" when this server can serve and record; otherwise 503 with what is
/// wrong (the database cannot be reached or written, the search index is gone or failing), so
/// a load balancer stops sending it requests.
pub(crate) async fn healthz(State(app): State<App>) -> Response {
    let database = app.database.clone();
    let written =
        tokio::task::spawn_blocking(move || database.connect().and_then(|mut store| store.probe_write())).await;
    let mut problems = Vec::new();
    if !matches!(written, Ok(Ok(()))) {
        problems.push("database cannot be written");
    }
    if !app.index.is_present() {
        problems.push("search index missing");
    }
    problems.extend(app.health.problems());
    if problems.is_empty() {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, problems.join("; ")).into_response()
    }
}

type Params = Query<std::collections::HashMap<String, String>>;

pub(crate) async fn consultations(State(app): State<App>, language: RequestLanguage) -> Response {
    let localizer = language.localizer;
    let accounts = app.demo_accounts.clone();
    let result = app.page(move |store| pages::consultations(store, &accounts, &localizer)).await;
    app.templates.respond(&language, result)
}

pub(crate) async fn consultation(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    Query(params): Params,
    headers: axum::http::HeaderMap,
) -> Response {
    let localizer = language.localizer;
    let limits = app.limits;
    let result = app
        .page(move |store| {
            let query = pages::Query::parse(&params)?;
            let visitor = accounts::Visitor::read(store, &headers, jiff::Timestamp::now())?;
            pages::consultation(store, &slug, &query, limits, &visitor, &localizer)
        })
        .await;
    app.templates.respond(&language, result)
}

pub(crate) async fn contribution(
    State(app): State<App>,
    language: RequestLanguage,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .page(move |store| {
            let visitor = accounts::Visitor::read(store, &headers, jiff::Timestamp::now())?;
            pages::contribution(store, &id, &visitor, &localizer)
        })
        .await;
    app.templates.respond(&language, result)
}

pub(crate) async fn entity(
    State(app): State<App>,
    language: RequestLanguage,
    Path(id): Path<String>,
    Query(params): Params,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .page(move |store| {
            let query = pages::Query::parse(&params)?;
            pages::entity(store, &id, &query, &localizer)
        })
        .await;
    app.templates.respond(&language, result)
}

/// The contribution form: on success, the receipt; on refusal, the page again with what was
/// typed and what is wrong, in the reader's language. A signed-in focal point sends for its
/// entity (verified); anyone else sends unverified, within the per-address limit.
pub(crate) async fn contribute(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    client: client::ClientIp,
    headers: axum::http::HeaderMap,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let localizer = language.localizer;
    let (visitor, entity) = match accounts::visitor_and_entity(&app, headers).await {
        Ok(found) => found,
        Err(error) => return app.templates.respond(&language, Err(error)),
    };
    let mut amended = None;
    let (submission, refused) = match api::read_submission(multipart, app.limits, &app.upload_budget).await {
        Ok(api::Posted { mut submission, csrf, amends, kept, mut buffered }) => {
            if visitor.session.is_some() {
                if let Err(error) = visitor.check_token(&csrf) {
                    return app.templates.respond(&language, Err(error));
                }
            }
            match app.take_back_kept_files(kept, &mut buffered).await {
                Ok(files) => submission.files.extend(files),
                Err(error) => return app.refused_form(language, slug, visitor, submission, error, None).await,
            }
            let sender = match &entity {
                Some(entity) => {
                    submission.entity = entity.name.as_str().to_owned();
                    submission.stakeholder_group = entity.group.as_str().to_owned();
                    submission.country = entity.country.map(|c| c.as_str().to_owned()).unwrap_or_default();
                    api::Identified::FocalPoint
                }
                None => match app.admit_unverified(client.0).await {
                    Some(sender) => api::Identified::Unverified(sender),
                    None => return app.templates.respond(&language, Err(PageError::TooManyAttempts)),
                },
            };
            amended = amends.trim().parse::<i64>().ok().map(consulta_core::ContributionId);
            match app.record(slug.clone(), submission.clone(), None, sender, amended, localizer).await {
                Ok((receipt, _)) => {
                    return Redirect::to(&format!("/contributions/{}/receipt?recorded=1", receipt.id)).into_response();
                }
                Err(api::RecordError::UnknownConsultation) => {
                    return app.templates.respond(&language, Err(PageError::NotFound));
                }
                Err(api::RecordError::Submission(error)) => (submission, api::ReadError::Submission(error)),
            }
        }
        Err((submission, error)) => (submission, error),
    };
    app.refused_form(language, slug, visitor, submission, refused, amended).await
}

impl App {
    /// The files a refused form kept, sent again by their tokens; the memory they take is held
    /// from the upload budget (in `held`) like an upload's.
    async fn take_back_kept_files(
        &self,
        tokens: Vec<String>,
        held: &mut Vec<tokio::sync::OwnedSemaphorePermit>,
    ) -> Result<Vec<consulta_intake::submission::UploadedFile>, api::ReadError> {
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        let kept = kept_files::verify(&self.signer, &tokens, jiff::Timestamp::now())
            .map_err(|_| api::ReadError::KeptFilesExpired)?;
        let size: u64 = kept.iter().map(|k| k.size).sum();
        self.upload_budget.reserve(usize::try_from(size).unwrap_or(usize::MAX), held).await?;
        let blobs = self.blobs.clone();
        let taken = tokio::task::spawn_blocking(move || kept_files::read(&*blobs, kept)).await;
        match taken {
            Ok(Ok(files)) => Ok(files),
            Ok(Err(kept_files::KeptFileError::Invalid)) => Err(api::ReadError::KeptFilesExpired),
            Ok(Err(kept_files::KeptFileError::Blobs(error))) => {
                Err(api::ReadError::Submission(consulta_intake::submission::SubmissionError::Blobs(error)))
            }
            Err(error) => Err(api::ReadError::Malformed(error.to_string())),
        }
    }

    /// The form again, with what was typed, what is wrong, and the files it had received kept
    /// (stored, named by tokens) so that they need not be chosen again.
    async fn refused_form(
        &self,
        language: RequestLanguage,
        slug: String,
        visitor: accounts::Visitor,
        mut submission: consulta_intake::submission::Submission,
        refused: api::ReadError,
        amends: Option<consulta_core::ContributionId>,
    ) -> Response {
        let localizer = language.localizer;
        let errors = refused.field_messages(&localizer);
        let api_error = refused.into_api(&localizer);
        let status = api_error.status;
        let files = std::mem::take(&mut submission.files);
        let (blobs, signer) = (self.blobs.clone(), self.signer.clone());
        let kept =
            tokio::task::spawn_blocking(move || kept_files::keep(&*blobs, &signer, &files, jiff::Timestamp::now()))
                .await;
        let kept =
            kept.map_err(|e| e.to_string()).and_then(|kept| kept.map_err(|e| e.to_string())).unwrap_or_else(|error| {
                // The contributor chooses the files again; nothing else is lost.
                tracing::warn!(%error, "a refused form's files could not be kept");
                Vec::new()
            });
        let form = pages::FormState {
            values: submission,
            summary: errors.is_empty().then_some(api_error.message),
            errors,
            amends,
            kept,
        };
        let limits = self.limits;
        let result = self
            .page(move |store| {
                pages::consultation_with_form(
                    store,
                    &slug,
                    &pages::Query::default(),
                    &form,
                    limits,
                    &visitor,
                    &localizer,
                )
            })
            .await;
        self.templates.respond_with_status(&language, result, status)
    }
}

pub(crate) async fn receipt_page(
    State(app): State<App>,
    language: RequestLanguage,
    Path(id): Path<String>,
    Query(params): Params,
) -> Response {
    let localizer = language.localizer;
    let base = app.public_url.as_str().to_owned();
    let fresh = params.contains_key("recorded");
    let signer = app.signer.clone();
    let result = app.page(move |store| pages::receipt(store, &signer, &id, &base, fresh, &localizer)).await;
    app.templates.respond(&language, result)
}

type Pairs = Query<Vec<(String, String)>>;

pub(crate) async fn search_page(State(app): State<App>, language: RequestLanguage, Query(pairs): Pairs) -> Response {
    let localizer = language.localizer;
    let index = app.index.clone();
    let result = app
        .page(move |store| {
            let params = search::SearchParams::parse(&pairs)?;
            search::search_page(store, &index, &params, &localizer)
        })
        .await;
    app.templates.respond(&language, result)
}

pub(crate) async fn openapi_document() -> Response {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let document = DOCUMENT.get_or_init(openapi::document).clone();
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], document).into_response()
}

/// The site's icon (an SVG, which browsers take at /favicon.ico too), so that no first visit
/// meets a 404.
pub(crate) async fn favicon(headers: axum::http::HeaderMap) -> Response {
    crate::static_files::icon().serve(&headers)
}

pub(crate) async fn stylesheet(headers: axum::http::HeaderMap) -> Response {
    crate::static_files::stylesheet().serve(&headers)
}

/// What answers an address no route knows: a page, or under `/api/` the API's JSON error (a
/// client of the API reads JSON whatever went wrong).
pub(crate) async fn not_found(State(app): State<App>, language: RequestLanguage, uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return crate::api::ApiError::not_found(&language.localizer).into_response();
    }
    app.templates.respond(&language, Err(PageError::NotFound))
}
