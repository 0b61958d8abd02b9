//! Consulta's web front: server-rendered HTML pages that work without JavaScript, and the JSON
//! API. Handlers are thin: they choose the language, run a page function from `pages` (which
//! reads the store through the same functions as the command line) and render its template.
//! `server` starts a server (its committer and workers); `router` routes requests to the
//! handlers, and touches nothing else, so tests can call it in-process.

mod accounts;
mod agreement;
mod analysis;
mod api;
mod api_keys;
mod bodies;
mod bulk;
mod campaigns;
mod client;
mod consultation_cache;
mod drafts;
mod follow_up;
mod forms;
mod forum;
mod kept_files;
mod language;
mod listener;
mod open_data;
mod openapi;
mod page;
mod pages;
mod public;
mod public_url;
mod render;
mod search;
mod server;
mod static_files;
mod tagging;
mod workers;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath};
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::routing::{get, post};
use consulta_blobs::BlobStore;
use consulta_index::SearchIndex;
use consulta_intake::committer::Committer;
use consulta_intake::submission::Limits;
use consulta_store::Database;
use consulta_store::log_key::LogSigner;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::page::PageError;
use crate::render::Templates;

pub use client::parse_trusted as parse_trusted_proxy;
pub use listener::bind;
pub use pages::Query as PageQuery;
pub use public_url::{PublicUrl, PublicUrlError};
pub use server::{DemoAccount, Server, WebConfig, serve};

/// How long a request other than a submission may take before its response starts (a page, an
/// export, a report): past it the client is told the server is busy rather than left waiting.
/// Submissions are bounded by their body's idle time instead, so a slow link can finish.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(120);

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
    /// Each consultation's points of agreement, computed in the background.
    agreement: Arc<agreement::AgreementCache>,
}

impl App {
    /// Runs a page function (or one that builds a file) on a blocking thread with a store from
    /// the pool.
    async fn page<F, T>(&self, build: F) -> Result<T, PageError>
    where
        F: FnOnce(&dyn consulta_store::Store) -> Result<T, PageError> + Send + 'static,
        T: Send + 'static,
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

/// Every page, the API and the static files, with the layers every request passes: a request
/// id (made here: one a client sends is replaced), a trace line per request naming its route,
/// never its path (paths carry invitation and reset tokens), security headers, compression,
/// and time limits.
fn router(app: App) -> Router {
    let submissions = Router::new()
        .route("/api/v1/consultations/{slug}/contributions", post(api::submit_contribution))
        .route("/api/v1/consultations/{slug}/contributions:batch", post(bulk::submit_batch))
        .route("/consultations/{slug}/contribute", post(public::contribute))
        .layer(DefaultBodyLimit::max(api::transport_limit(app.limits)));
    let others = Router::new()
        .route("/api/v1/contributions/{id}/receipt", get(api::contribution_receipt))
        .route("/api/v1/contributions/{id}/record", get(api::contribution_record))
        .route("/api/v1/log/tree-head", get(api::tree_head))
        .route("/api/v1/log/checkpoint", get(api::checkpoint))
        .route("/api/v1/log/inclusion", get(api::inclusion))
        .route("/api/v1/log/consistency", get(api::consistency))
        .route("/contributions/{id}/files/{position}", get(api::attachment))
        .route("/api/v1/contributions/{id}/files/{position}/text", get(api::attachment_text))
        .route("/contributions/{id}/receipt", get(public::receipt_page))
        .route("/contributions/{id}/receipt.json", get(api::receipt_download))
        .route("/", get(public::consultations))
        .route("/consultations/{slug}", get(public::consultation))
        .route("/consultations/{slug}/{file}", get(open_data::download))
        .route("/contributions/{id}", get(public::contribution))
        .route("/entities/{id}", get(public::entity))
        .route("/api/v1/consultations/{slug}/table", get(api::table))
        .route("/search", get(public::search_page))
        .route("/login", get(accounts::login_page).post(accounts::login))
        .route("/logout", post(accounts::logout))
        .route("/admin", get(accounts::admin))
        .route("/admin/moderation", post(accounts::moderate))
        .route("/admin/attribution", post(accounts::attribute))
        .route("/admin/audit", get(accounts::audit))
        .route("/admin/audit.csv", get(accounts::audit_csv))
        .route("/admin/mail", get(accounts::mail))
        .route("/admin/api-keys", get(api_keys::keys_page).post(api_keys::issue_key))
        .route("/admin/api-key-revocations", post(api_keys::revoke_key))
        .route("/admin/invitations", post(accounts::invite))
        .route("/admin/consultations/new", get(accounts::new_consultation))
        .route("/admin/consultations", post(accounts::create_consultation))
        .route("/admin/meetings", post(accounts::add_meeting))
        .route("/admin/translations", post(accounts::translate_consultation))
        .route("/admin/consultations/{slug}/report", get(analysis::report_page))
        .route("/admin/consultations/{slug}/report/{format}", get(analysis::report_download))
        .route("/admin/consultations/{slug}/report/details", post(analysis::save_report_details))
        .route("/admin/issues", get(analysis::taxonomy_page).post(analysis::save_issue))
        .route("/admin/mechanisms", post(analysis::save_mechanism))
        .route("/admin/matrix", post(analysis::save_matrix))
        .route("/admin/tags", get(tagging::tags_page).post(tagging::save_tags))
        .route("/admin/agreement", get(agreement::queue))
        .route("/admin/agreement/moderate", post(agreement::moderate))
        .route("/admin/agreement/statements", post(agreement::add_statement))
        .route("/drafts/{*symbol}", get(drafts::page))
        .route("/draft-amendments", post(drafts::amend))
        .route("/draft-stances", post(drafts::stance))
        .route("/admin/draft-revisions", post(drafts::decide))
        .route("/admin/draft-agreements", post(drafts::agree))
        .route("/bodies/{slug}", get(bodies::page))
        .route("/body-nominations", post(bodies::nominate))
        .route("/admin/body-rules", post(bodies::set_rules))
        .route("/admin/body-pins", post(bodies::pin))
        .route("/admin/body-seats", post(bodies::seat))
        .route("/api/v1/bodies/{slug}", get(bodies::api))
        .route("/action-lines", get(follow_up::index_page))
        .route("/action-lines/{code}", get(follow_up::action_line_page))
        .route("/commitments", get(follow_up::commitments_page))
        .route("/commitments/{id}", get(follow_up::commitment_page))
        .route("/api/v1/commitments", get(follow_up::api_commitments))
        .route("/open-data/{file}", get(follow_up::open_data))
        .route("/reports-due", get(follow_up::reports_due))
        .route("/admin/reporting-rounds/{slug}", get(follow_up::round_page))
        .route("/admin/reporting-reminders", post(follow_up::remind))
        .route("/api/v1/reporting-rounds/{slug}", get(follow_up::api_round))
        .route("/api/v1/action-lines", get(follow_up::api_action_lines))
        .route("/api/v1/action-lines/{code}", get(follow_up::api_action_line))
        .route("/api/v1/commitments/{id}", get(follow_up::api_commitment))
        .route("/forum", get(forum::index_page).post(forum::post))
        .route("/forum/new", get(forum::new_page))
        .route("/forum/{id}", get(forum::item_page))
        .route("/forum/{id}/answers", post(forum::answer))
        .route("/admin/forum-moderation", post(forum::moderate))
        .route("/api/v1/forum", get(forum::api_items))
        .route("/api/v1/forum/{id}", get(forum::api_item))
        .route("/admin/draft-status", post(drafts::set_status))
        .route("/api/v1/consultations/{slug}/drafts", get(drafts::api::list))
        .route("/api/v1/drafts/{symbol}", get(drafts::api::draft))
        .route("/api/v1/drafts/{symbol}/amendments/{number}/record", get(drafts::api::record))
        .route("/api/v1/drafts/{symbol}/amendments/{number}/inclusion", get(drafts::api::inclusion))
        .route("/api/v1/drafts/{symbol}/amendments/{number}/receipt", get(drafts::api::receipt))
        .route("/consultations/{slug}/campaigns", get(campaigns::list_page))
        .route("/consultations/{slug}/campaigns/{id}", get(campaigns::campaign_page))
        .route("/admin/consultations/{slug}/campaigns/{id}/note", post(campaigns::save_note))
        .route("/api/v1/consultations/{slug}/campaigns", get(campaigns::api_list))
        .route("/api/v1/consultations/{slug}/campaigns/{id}", get(campaigns::api_campaign))
        .route("/consultations/{slug}/agreement", get(agreement::page))
        .route("/consultations/{slug}/agreement/vote", post(agreement::vote))
        .route("/consultations/{slug}/agreement/propose", post(agreement::propose))
        .route("/api/v1/consultations/{slug}/agreement", get(agreement::api))
        .route("/api/v1/statements/{id}/record", get(agreement::statement_record))
        .route("/api/v1/statements/{id}/inclusion", get(agreement::statement_inclusion))
        .route("/invitations/{token}", get(accounts::invitation).post(accounts::accept_invitation))
        .route("/password-reset", get(accounts::password_reset_page).post(accounts::request_reset))
        .route("/password-reset/{token}", get(accounts::password_reset_page).post(accounts::reset_password))
        .route("/api/v1/search", get(api::search))
        .route("/api/v1/openapi.json", get(public::openapi_document))
        .route("/static/consulta.css", get(public::stylesheet))
        .route("/static/favicon.svg", get(public::favicon))
        .route("/favicon.ico", get(public::favicon))
        .route("/healthz", get(public::healthz))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, RESPONSE_TIMEOUT));
    // Files that are compressed already gain nothing from a second pass.
    let compressible = tower_http::compression::DefaultPredicate::new()
        .and(NotForContentType::const_new("application/zip"))
        .and(NotForContentType::const_new("application/pdf"))
        .and(NotForContentType::const_new("application/vnd.openxmlformats"))
        .and(NotForContentType::const_new("application/gzip"));
    Router::new()
        .merge(submissions)
        .merge(others)
        .fallback(public::not_found)
        .with_state(app)
        .layer(RequestBodyTimeoutLayer::new(listener::BODY_IDLE_TIMEOUT))
        .layer(CompressionLayer::new().compress_when(compressible))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(tower::util::MapRequestLayer::new(|mut request: Request<axum::body::Body>| {
            request.headers_mut().remove("x-request-id");
            request
        }))
}

/// The span of one request: its id, method and route (the pattern, so no token is written).
fn request_span<B>(request: &Request<B>) -> tracing::Span {
    let id = request.extensions().get::<RequestId>().and_then(|id| id.header_value().to_str().ok()).unwrap_or("");
    let route = request.extensions().get::<MatchedPath>().map_or("(no route)", MatchedPath::as_str);
    tracing::info_span!("request", id, method = %request.method(), route)
}
