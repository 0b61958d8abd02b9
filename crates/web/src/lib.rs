//! Consulta's web front: server-rendered HTML pages that work without JavaScript, and the JSON
//! API. Handlers are thin: they choose the language, run a page function from `pages` (which
//! reads the store through the same functions as the command line) and render its template.

mod accounts;
mod analysis;
mod api;
mod client;
mod consultation_cache;
mod kept_files;
mod language;
mod open_data;
mod openapi;
mod page;
mod pages;
mod public_url;
mod render;
mod search;
mod server;
mod tagging;
mod workers;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use consulta_blobs::BlobStore;
use consulta_index::SearchIndex;
use consulta_intake::committer::Committer;
use consulta_intake::submission::Limits;
use consulta_store::Database;
use consulta_store::log_key::LogSigner;
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

use crate::language::RequestLanguage;
use crate::page::{PageError, PageResult};
use crate::render::Templates;
use crate::workers::Workers;

pub use client::parse_trusted as parse_trusted_proxy;
pub use pages::Query as PageQuery;
pub use public_url::{PublicUrl, PublicUrlError};

/// The memory that submissions being read may hold at once (at least one at its largest).
const UPLOAD_MEMORY: u64 = 512 << 20;

const SITE_STYLESHEET: &str = include_str!("../static/consulta.css");

/// The one stylesheet: the site's rules, then the report's (shared with standalone reports).
fn stylesheet_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| format!("{SITE_STYLESHEET}{}", consulta_report::html::REPORT_CSS))
}

#[derive(Clone)]
struct App {
    database: Database,
    /// Records submissions in groups: one transaction and one sync for all that are waiting.
    committer: Committer,
    blobs: Arc<dyn BlobStore>,
    limits: Limits,
    templates: Arc<Templates>,
    index: Arc<SearchIndex>,
    /// Unverified contributions accepted per sender per hour, counted in the store (0: no limit).
    unverified_per_hour: u64,
    public_url: Arc<PublicUrl>,
    health: Arc<workers::Health>,
    /// The memory submissions being read may hold at once.
    upload_budget: api::UploadBudget,
    open_data: Arc<open_data::OpenDataCache>,
    signer: Arc<LogSigner>,
    trusted_proxies: Arc<Vec<ipnet::IpNet>>,
    demo_accounts: Arc<Vec<DemoAccount>>,
    classifiers: Arc<tagging::ClassifierCache>,
    /// The consultations submissions go to, read once every few seconds.
    consultations: Arc<consultation_cache::ConsultationCache>,
}

/// What the web front serves from.
#[derive(Debug, Clone)]
pub struct WebConfig {
    pub database: Database,
    pub blobs: Arc<dyn BlobStore>,
    pub limits: Limits,
    /// This server's search index; the server keeps it caught up with the store.
    pub index: Arc<SearchIndex>,
    /// Unverified contributions accepted per network address per hour (0: no limit).
    pub unverified_per_hour: usize,
    /// Sends the outbox's email.
    pub mailer: Arc<consulta_mail::Mailer>,
    /// The address every absolute link is built from.
    pub public_url: PublicUrl,
    /// Connections served at once.
    pub max_connections: usize,
    /// How attachments' text is extracted (in a bounded child process, for a server).
    pub extractor: consulta_extract::Extractor,
    /// Signs the log's tree heads (the key is never in the database) and journals them.
    pub signer: Arc<LogSigner>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (for rate limits).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The demonstration's accounts, shown on the home page (empty but for `consulta demo`).
    pub demo_accounts: Vec<DemoAccount>,
}

/// An account of the demonstration, whose sign-in details the home page shows: it exists only in
/// the demo's throwaway database.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub role: consulta_core::access::Role,
    pub email: String,
    pub password: String,
    /// The entity a focal point acts for.
    pub entity: Option<String>,
}

impl App {
    /// Runs a page function on a blocking thread with a store from the pool.
    async fn page<F>(&self, build: F) -> PageResult
    where
        F: FnOnce(&dyn consulta_store::Store) -> PageResult + Send + 'static,
    {
        let database = self.database.clone();
        let joined = tokio::task::spawn_blocking(move || {
            let store = database.connect().map_err(PageError::from)?;
            build(&*store)
        })
        .await;
        joined.unwrap_or_else(|e| Err(PageError::Internal(format!("page task failed: {e}"))))
    }
}

/// The router with every page, the API and the stylesheet, and the background workers it
/// relies on (started here, stopped by the caller).
fn build(config: WebConfig) -> std::io::Result<(Router, Workers)> {
    let workers = Workers::start(&config)?;
    let app = App {
        committer: Committer::start(config.database.clone(), config.signer.clone())?,
        database: config.database,
        blobs: config.blobs,
        limits: config.limits,
        templates: Arc::new(Templates::new()),
        index: config.index,
        unverified_per_hour: config.unverified_per_hour as u64,
        public_url: Arc::new(config.public_url),
        health: workers.health(),
        upload_budget: api::UploadBudget::new(UPLOAD_MEMORY, config.limits),
        open_data: Arc::new(open_data::OpenDataCache::default()),
        signer: config.signer,
        trusted_proxies: Arc::new(config.trusted_proxies),
        demo_accounts: Arc::new(config.demo_accounts),
        classifiers: Arc::default(),
        consultations: Arc::default(),
    };
    let submissions = Router::new()
        .route("/api/v1/consultations/{slug}/contributions", post(api::submit_contribution))
        .route("/consultations/{slug}/contribute", post(contribute))
        .layer(DefaultBodyLimit::max(api::transport_limit(config.limits)));
    let router = Router::new()
        .merge(submissions)
        .route("/api/v1/contributions/{id}/receipt", get(api::contribution_receipt))
        .route("/api/v1/contributions/{id}/record", get(api::contribution_record))
        .route("/api/v1/log/tree-head", get(api::tree_head))
        .route("/api/v1/log/checkpoint", get(api::checkpoint))
        .route("/api/v1/log/inclusion", get(api::inclusion))
        .route("/api/v1/log/consistency", get(api::consistency))
        .route("/contributions/{id}/files/{position}", get(api::attachment))
        .route("/api/v1/contributions/{id}/files/{position}/text", get(api::attachment_text))
        .route("/contributions/{id}/receipt", get(receipt_page))
        .route("/contributions/{id}/receipt.json", get(api::receipt_download))
        .route("/", get(consultations))
        .route("/consultations/{slug}", get(consultation))
        .route("/consultations/{slug}/{file}", get(open_data::download))
        .route("/contributions/{id}", get(contribution))
        .route("/entities/{id}", get(entity))
        .route("/api/v1/consultations/{slug}/table", get(api::table))
        .route("/search", get(search_page))
        .route("/login", get(accounts::login_page).post(accounts::login))
        .route("/logout", post(accounts::logout))
        .route("/admin", get(accounts::admin))
        .route("/admin/moderation", post(accounts::moderate))
        .route("/admin/attribution", post(accounts::attribute))
        .route("/admin/audit", get(accounts::audit))
        .route("/admin/audit.csv", get(accounts::audit_csv))
        .route("/admin/mail", get(accounts::mail))
        .route("/admin/invitations", post(accounts::invite))
        .route("/admin/consultations/new", get(accounts::new_consultation))
        .route("/admin/consultations", post(accounts::create_consultation))
        .route("/admin/meetings", post(accounts::add_meeting))
        .route("/admin/consultations/{slug}/report", get(analysis::report_page))
        .route("/admin/consultations/{slug}/report/{format}", get(analysis::report_download))
        .route("/admin/consultations/{slug}/report/details", post(analysis::save_report_details))
        .route("/admin/issues", get(analysis::taxonomy_page).post(analysis::save_issue))
        .route("/admin/mechanisms", post(analysis::save_mechanism))
        .route("/admin/matrix", post(analysis::save_matrix))
        .route("/admin/tags", get(tagging::tags_page).post(tagging::save_tags))
        .route("/invitations/{token}", get(accounts::invitation).post(accounts::accept_invitation))
        .route("/password-reset", get(accounts::password_reset_page).post(accounts::request_reset))
        .route("/password-reset/{token}", get(accounts::password_reset_page).post(accounts::reset_password))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/openapi.json", get(openapi_document))
        .route("/static/consulta.css", get(stylesheet))
        .route("/static/favicon.svg", get(favicon))
        .route("/favicon.ico", get(favicon))
        .route("/healthz", get(healthz))
        .fallback(not_found)
        .with_state(app)
        .layer(RequestBodyTimeoutLayer::new(server::BODY_IDLE_TIMEOUT))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ));
    Ok((router, workers))
}

/// Serves until the process is asked to stop (Ctrl-C or SIGTERM).
/// Then the background workers stop and give up their leases, so that another server takes
/// over extraction and email at once.
pub async fn serve(listener: TcpListener, config: WebConfig) -> std::io::Result<()> {
    ready(config)?.serve(listener).await
}

/// A server about to take connections: its pages routed and its workers started (the search
/// index taken), so that whatever can refuse to start has refused.
pub struct Ready {
    router: Router,
    workers: Workers,
    max_connections: usize,
}

/// Builds the server `config` describes, ready to serve.
pub fn ready(config: WebConfig) -> std::io::Result<Ready> {
    let max_connections = config.max_connections;
    let (router, workers) = build(config)?;
    Ok(Ready { router, workers, max_connections })
}

impl Ready {
    /// Serves on `listener` until the process is asked to stop, then stops the workers.
    pub async fn serve(self, listener: TcpListener) -> std::io::Result<()> {
        let served = server::serve_connections(listener, self.router, self.max_connections).await;
        let workers = self.workers;
        tokio::task::spawn_blocking(move || workers.stop()).await.map_err(std::io::Error::other)?;
        served
    }
}

/// GET /healthz: 200 "ok" when this server can serve and record; otherwise 503 with what is
/// wrong (the database cannot be reached or written, the search index is gone or failing), so
/// a load balancer stops sending it requests.
async fn healthz(State(app): State<App>) -> Response {
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

async fn consultations(State(app): State<App>, language: RequestLanguage) -> Response {
    let localizer = language.localizer;
    let accounts = app.demo_accounts.clone();
    let result = app.page(move |store| pages::consultations(store, &accounts, &localizer)).await;
    app.templates.respond(&language, result)
}

async fn consultation(
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

async fn contribution(
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

async fn entity(
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
async fn contribute(
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
        let mut response = self.templates.respond(&language, result);
        if response.status().is_success() {
            *response.status_mut() = status;
        }
        response
    }
}

async fn receipt_page(
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

async fn search_page(State(app): State<App>, language: RequestLanguage, Query(pairs): Pairs) -> Response {
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

async fn openapi_document() -> Response {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let document = DOCUMENT.get_or_init(openapi::document).clone();
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], document).into_response()
}

/// The site's icon (an SVG, which browsers take at /favicon.ico too), so that no first visit
/// meets a 404.
async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=604800")),
        ],
        include_str!("../static/favicon.svg"),
    )
        .into_response()
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400")),
        ],
        stylesheet_text(),
    )
        .into_response()
}

async fn not_found(State(app): State<App>, language: RequestLanguage) -> Response {
    let mut response = app.templates.respond(&language, Err(PageError::NotFound));
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}
