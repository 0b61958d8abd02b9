//! The bulk channel: `POST /api/v1/consultations/{slug}/contributions:batch`, NDJSON sent by an
//! organisation with the API key the secretariat issued it. The key is checked before the body
//! is read; at most `CONCURRENT_BATCHES` bodies are held at once, each read no further than
//! `MAX_BULK_BYTES`, so memory stays bounded whatever arrives; a key sends at most its hourly
//! allowance. Each line is answered on its own (its contribution's number or why it was
//! refused); the lines accepted are on disk, in the log under one signed tree head, before the
//! answer, and each one's receipt is at `/api/v1/contributions/{id}/receipt`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use consulta_auth::api_keys::{KeyError, authenticate};
use consulta_i18n::{Arg, Localizer};
use consulta_intake::bulk::{BulkError, LineProblem, MAX_BULK_BYTES, MAX_LINE_BYTES, read_lines, record_lines};
use consulta_intake::submission::TreeHeadJson;
use serde::Serialize;
use tokio::sync::Semaphore;

use crate::App;
use crate::api::ApiError;
use crate::language::RequestLanguage;
use crate::openapi::Refused;

/// Bodies held in memory at once, across every key.
const CONCURRENT_BATCHES: usize = 2;
static BATCHES: Semaphore = Semaphore::const_new(CONCURRENT_BATCHES);
/// The window of a key's allowance.
const HOUR: jiff::SignedDuration = jiff::SignedDuration::from_hours(1);

/// One line's answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LineResult {
    /// The line's number in the body, from 1 (blank lines counted).
    pub line: u64,
    /// The contribution recorded, if the line was accepted.
    pub contribution: Option<i64>,
    /// Why the line was refused: a stable code, a message in the reader's language, the fields.
    pub error: Option<LineError>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LineError {
    pub code: &'static str,
    pub message: String,
    pub fields: Vec<&'static str>,
}

/// What a batch gave.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchResponse {
    pub accepted: usize,
    pub refused: usize,
    pub lines: Vec<LineResult>,
    /// The tree head signed over the batch: every accepted line is a leaf within it.
    pub signed_tree_head: TreeHeadJson,
    /// The instance's Ed25519 public key, hexadecimal.
    pub public_key: String,
}

fn key_error(error: KeyError, localizer: &Localizer) -> ApiError {
    let (status, code, key) = match &error {
        KeyError::Missing => (StatusCode::UNAUTHORIZED, "api_key_missing", "api-key-missing"),
        KeyError::Unknown => (StatusCode::UNAUTHORIZED, "api_key_unknown", "api-key-unknown"),
        KeyError::Revoked => (StatusCode::UNAUTHORIZED, "api_key_revoked", "api-key-revoked"),
        KeyError::OtherConsultation(_) => {
            (StatusCode::FORBIDDEN, "api_key_other_consultation", "api-key-other-consultation")
        }
        KeyError::Store(_) => return ApiError::server(error, localizer),
    };
    ApiError::new(status, code, localizer.text(key))
}

fn bulk_error(error: BulkError, localizer: &Localizer) -> ApiError {
    match error {
        BulkError::TooLarge => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            localizer.format("bulk-too-large", &[("size", localizer.file_size(MAX_BULK_BYTES as u64).into())]),
        ),
        BulkError::TooManyLines => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_many_lines",
            localizer.format("bulk-too-many-lines", &[("count", consulta_intake::bulk::MAX_BULK_LINES.into())]),
        ),
        BulkError::Empty => ApiError::new(StatusCode::BAD_REQUEST, "batch_empty", localizer.text("bulk-empty")),
    }
}

fn line_error(problem: LineProblem, localizer: &Localizer) -> LineError {
    match problem {
        LineProblem::TooLong => LineError {
            code: "line_too_long",
            message: localizer
                .format("bulk-line-too-long", &[("size", localizer.file_size(MAX_LINE_BYTES as u64).into())]),
            fields: Vec::new(),
        },
        LineProblem::Json(detail) => LineError {
            code: "line_not_json",
            message: localizer.format("bulk-line-not-json", &[("detail", Arg::Text(detail))]),
            fields: Vec::new(),
        },
        LineProblem::Submission(error) => {
            let fields = error.fields();
            LineError { code: error.code(), message: error.describe(localizer), fields }
        }
    }
}

/// POST /api/v1/consultations/{slug}/contributions:batch
#[utoipa::path(
    post,
    path = "/api/v1/consultations/{slug}/contributions:batch",
    params(
        ("slug" = String, Path, description = "The consultation's slug, the one the key is for"),
        ("Authorization" = String, Header, description = "Bearer and the API key the secretariat issued (consulta api-key issue)"),
    ),
    request_body(
        description = "One contribution a line, as JSON: entity, stakeholder_group, country (optional), email, language, title, body. At most 100,000 lines and 128 MiB. Sent as NDJSON; the body is read as such whatever its Content-Type.",
        content((String = "application/x-ndjson"), (String = "text/plain"))
    ),
    responses(
        (status = 200, description = "Each line's contribution or why it was refused; the accepted ones are on disk and in the log under the signed tree head given", body = BatchResponse),
        (status = 401, description = "No API key, one this instance did not issue, or one revoked", body = crate::openapi::ErrorBody),
        (status = 429, description = "The key's hourly allowance would be passed: retry after the time given", body = crate::openapi::ErrorBody),
        Refused,
    )
)]
pub async fn submit_batch(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let localizer = language.localizer;
    let authorization = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let since = jiff::Timestamp::now() - HOUR;
    let checked = app
        .read(localizer, {
            let slug = slug.clone();
            move |store| {
                let key = authenticate(store, authorization.as_deref(), &slug).map_err(|e| key_error(e, &localizer))?;
                let sent = store
                    .contributions_from_sender(&key.sender_key(), since)
                    .map_err(|e| ApiError::from_store(e, &localizer))?;
                Ok((key, sent))
            }
        })
        .await;
    let (key, sent) = match checked {
        Ok(checked) => checked,
        Err(error) => return error.into_response(),
    };
    let Ok(_held) = BATCHES.acquire().await else {
        return ApiError::server("the batches' semaphore is closed", &localizer).into_response();
    };
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BULK_BYTES).await else {
        return bulk_error(BulkError::TooLarge, &localizer).into_response();
    };
    let lines = match read_lines(&bytes) {
        Ok(lines) => lines,
        Err(error) => return bulk_error(error, &localizer).into_response(),
    };
    drop(bytes);
    if sent.saturating_add(lines.len() as u64) > key.lines_per_hour {
        let message = localizer.format(
            "bulk-allowance",
            &[("allowance", key.lines_per_hour.into()), ("sent", sent.into()), ("count", lines.len().into())],
        );
        let refused = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "allowance_passed", message).into_response();
        return ([(header::RETRY_AFTER, HOUR.as_secs().to_string())], refused).into_response();
    }
    let (database, blobs, signer, consultations, limits) =
        (app.database.clone(), app.blobs.clone(), app.signer.clone(), app.consultations.clone(), app.limits);
    let recorded = tokio::task::spawn_blocking(move || {
        let mut store = database.connect().map_err(|e| ApiError::from_store(e, &localizer))?;
        let consultation = consultations
            .by_slug(&*store, &slug)
            .map_err(|e| ApiError::from_store(e, &localizer))?
            .ok_or_else(|| ApiError::not_found(&localizer))?;
        let sender = key.sender_key();
        let now = jiff::Timestamp::now();
        record_lines(&mut *store, &*blobs, &signer, &consultation, lines, &sender, limits, now)
            .map(|recorded| (recorded, signer.public_key()))
            .map_err(|e| ApiError::from_store(e, &localizer))
    })
    .await
    .unwrap_or_else(|e| Err(ApiError::server(e, &localizer)));
    let (recorded, public_key) = match recorded {
        Ok(recorded) => recorded,
        Err(error) => return error.into_response(),
    };
    let lines: Vec<LineResult> = recorded
        .lines
        .into_iter()
        .map(|(line, outcome)| match outcome {
            Ok(id) => LineResult { line, contribution: Some(id.0), error: None },
            Err(problem) => LineResult { line, contribution: None, error: Some(line_error(problem, &localizer)) },
        })
        .collect();
    let accepted = lines.iter().filter(|l| l.contribution.is_some()).count();
    let response = BatchResponse {
        accepted,
        refused: lines.len() - accepted,
        lines,
        signed_tree_head: (&recorded.head).into(),
        public_key: consulta_log::to_hex(&public_key),
    };
    (StatusCode::OK, Json(response)).into_response()
}
