//! Drafts in the JSON API: a consultation's drafts, a draft with one revision's structure and
//! every amendment, and an amendment's canonical record, its proof in the public log and its
//! receipt (the proof in the current signed tree head). A
//! symbol's slashes are percent-encoded in the path (`EXAMPLE%2FDRAFT%2F1`): it is one segment.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use consulta_i18n::Localizer;
use consulta_report::drafts::{self, DraftView, DraftingError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::App;
use crate::api::{ApiError, Found};
use crate::language::RequestLanguage;
use crate::openapi::{LeafProof, Refused};

/// A draft in a consultation's list.
#[derive(Debug, Serialize, ToSchema)]
pub struct DraftSummary {
    pub symbol: String,
    pub title: String,
    pub language: String,
    /// `proposal`, `negotiation`, `agreed` or `adopted`.
    pub status: &'static str,
    /// The latest revision's number (0: as recorded).
    pub revision: u32,
    /// The draft's page.
    pub page: String,
    /// The draft in this API.
    pub api: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DraftsResponse {
    pub consultation: String,
    pub drafts: Vec<DraftSummary>,
}

/// An amendment's place in the log, and the proof.
#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentInclusionResponse {
    pub draft: String,
    pub amendment: u32,
    #[serde(flatten)]
    pub proof: LeafProof,
}

/// What the proposer of an amendment keeps: enough to prove, at any later time, that the public
/// log holds the amendment as it was proposed.
#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentReceipt {
    pub draft: String,
    pub amendment: u32,
    /// SHA-256 of the amendment's canonical record (`…/amendments/{number}/record`).
    pub sha256: String,
    pub log: consulta_intake::submission::ReceiptLog,
}

/// The API's address of a draft, or of one of its amendments' `record` or `inclusion`.
pub(crate) fn draft_address(symbol: &str) -> String {
    format!("/api/v1/drafts/{}", crate::language::encode(symbol))
}

pub(crate) fn amendment_address(symbol: &str, number: u32, what: &str) -> String {
    format!("{}/amendments/{number}/{what}", draft_address(symbol))
}

fn api_error(error: DraftingError, localizer: &Localizer) -> ApiError {
    match error {
        DraftingError::UnknownDraft(_) | DraftingError::NoRevision { .. } => ApiError::not_found(localizer),
        DraftingError::Store(error) => ApiError::from_store(error, localizer),
        other => ApiError::server(other, localizer),
    }
}

fn number_in_path(text: &str, localizer: &Localizer) -> Result<u32, ApiError> {
    text.parse().map_err(|_| ApiError::not_found(localizer))
}

/// GET /api/v1/consultations/{slug}/drafts
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{slug}/drafts",
    params(("slug" = String, Path, description = "The consultation's slug")),
    responses(
        (status = 200, description = "The consultation's drafts, by symbol, with their latest revision", body = DraftsResponse),
        Refused,
    )
)]
pub(crate) async fn list(State(app): State<App>, language: RequestLanguage, Path(slug): Path<String>) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let consultation = store.consultation_by_slug(&slug).found(&localizer)?;
            let drafts = store.drafts(consultation.id).map_err(|e| ApiError::from_store(e, &localizer))?;
            Ok(DraftsResponse {
                consultation: slug,
                drafts: drafts
                    .iter()
                    .map(|d| DraftSummary {
                        symbol: d.symbol.clone(),
                        title: d.text.title.clone(),
                        language: d.language.clone(),
                        status: d.status.as_str(),
                        revision: d.revision,
                        page: super::draft_url(&d.symbol),
                        api: draft_address(&d.symbol),
                    })
                    .collect(),
            })
        })
        .await;
    result.map(Json).into_response()
}

/// GET /api/v1/drafts/{symbol}?revision=N
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{symbol}",
    params(
        ("symbol" = String, Path, description = "The draft's document symbol, its slashes percent-encoded"),
        ("revision" = Option<u32>, Query, description = "The revision (0: as recorded); the latest unless asked"),
    ),
    responses(
        (status = 200, description = "The draft: its status, the revision's structure, the paragraphs agreed ad referendum and every amendment with its leaf in the public log", body = DraftView),
        Refused,
    )
)]
pub(crate) async fn draft(
    State(app): State<App>,
    language: RequestLanguage,
    Path(symbol): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let revision = match params.get("revision") {
                Some(_) => {
                    Some(u32::try_from(crate::api::number(&params, "revision", &localizer)?).unwrap_or(u32::MAX))
                }
                None => None,
            };
            drafts::draft_view(store, &symbol, revision).map_err(|e| api_error(e, &localizer))
        })
        .await;
    result.map(Json).into_response()
}

/// The row of the amendment a path names, or not found.
fn amendment(
    store: &dyn consulta_store::Store,
    symbol: &str,
    number: &str,
    localizer: &Localizer,
) -> Result<(consulta_store::AmendmentId, u32), ApiError> {
    let number = number_in_path(number, localizer)?;
    let id = drafts::amendment_id(store, symbol, number)
        .map_err(|e| api_error(e, localizer))?
        .ok_or_else(|| ApiError::not_found(localizer))?;
    Ok((id, number))
}

/// GET /api/v1/drafts/{symbol}/amendments/{number}/record
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{symbol}/amendments/{number}/record",
    params(
        ("symbol" = String, Path, description = "The draft's document symbol, its slashes percent-encoded"),
        ("number" = String, Path, description = "The amendment's number in the draft"),
    ),
    responses(
        (status = 200, description = "The amendment's canonical record, byte for byte as its log leaf hashes it", body = serde_json::Value),
        Refused,
    )
)]
pub(crate) async fn record(
    State(app): State<App>,
    language: RequestLanguage,
    Path((symbol, number)): Path<(String, String)>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let (id, _) = amendment(store, &symbol, &number, &localizer)?;
            let record = store.amendment_record(id).found(&localizer)?;
            Ok(record.to_bytes())
        })
        .await;
    crate::api::canonical_record_response(result)
}

/// GET /api/v1/drafts/{symbol}/amendments/{number}/inclusion?tree_size=N
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{symbol}/amendments/{number}/inclusion",
    params(
        ("symbol" = String, Path, description = "The draft's document symbol, its slashes percent-encoded"),
        ("number" = String, Path, description = "The amendment's number in the draft"),
        ("tree_size" = u64, Query, description = "The size of the tree to prove inclusion in"),
    ),
    responses(
        (status = 200, description = "The amendment's leaf and its inclusion proof", body = AmendmentInclusionResponse),
        Refused,
    )
)]
pub(crate) async fn inclusion(
    State(app): State<App>,
    language: RequestLanguage,
    Path((symbol, number)): Path<(String, String)>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let (id, number) = amendment(store, &symbol, &number, &localizer)?;
            let size = crate::api::number(&params, "tree_size", &localizer)?;
            let inclusion = store.amendment_inclusion(id, size).found(&localizer)?;
            Ok(AmendmentInclusionResponse { draft: symbol, amendment: number, proof: (&inclusion).into() })
        })
        .await;
    result.map(Json).into_response()
}

/// GET /api/v1/drafts/{symbol}/amendments/{number}/receipt
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{symbol}/amendments/{number}/receipt",
    params(
        ("symbol" = String, Path, description = "The draft's document symbol, its slashes percent-encoded"),
        ("number" = String, Path, description = "The amendment's number in the draft"),
    ),
    responses(
        (status = 200, description = "The amendment's receipt: its record's hash and its proof in the log's current signed tree head", body = AmendmentReceipt),
        Refused,
    )
)]
pub(crate) async fn receipt(
    State(app): State<App>,
    language: RequestLanguage,
    Path((symbol, number)): Path<(String, String)>,
) -> Response {
    let localizer = language.localizer;
    let signer = app.signer.clone();
    let result = app
        .read(localizer, move |store| {
            let (id, number) = amendment(store, &symbol, &number, &localizer)?;
            let head =
                signer.signed_head(store, jiff::Timestamp::now()).map_err(|e| ApiError::from_store(e, &localizer))?;
            let inclusion = store.amendment_inclusion(id, head.head.size).found(&localizer)?;
            Ok(AmendmentReceipt {
                draft: symbol,
                amendment: number,
                sha256: consulta_log::to_hex(&inclusion.record_sha256),
                log: consulta_intake::submission::ReceiptLog::of(&inclusion, &head, &signer.public_key()),
            })
        })
        .await;
    result.map(Json).into_response()
}
