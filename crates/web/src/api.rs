//! The JSON API: submitting contributions (multipart, with an Idempotency-Key), receipts, the
//! canonical record of a contribution, and the public log (signed tree head, inclusion and
//! consistency proofs). Errors are JSON with a stable `error` code and a `message` in the
//! reader's language.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use consulta_core::ContributionId;
use consulta_core::contribution::MAX_BODY_BYTES;
use consulta_i18n::{Arg, Localizer};
use consulta_intake::submission::{
    Limits, Receipt, Submission, SubmissionError, TreeHeadJson, UploadedFile, prepare, public_receipt,
};
use consulta_log::to_hex;
use consulta_store::{Extraction, StoreError};
use jiff::Timestamp;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::App;
use crate::language::RequestLanguage;
use crate::openapi::{
    AttachmentText, ConsistencyResponse, ErrorBody, InclusionResponse, Refused, SearchResponse, SubmissionForm,
    TreeHeadResponse,
};

/// An API error: status, stable code, message in the reader's language, and the fields at fault.
pub struct ApiError {
    pub status: StatusCode,
    code: &'static str,
    pub message: String,
    fields: Vec<&'static str>,
}

/// What the store may not have: its failure as the API answers one, or not found.
pub(crate) trait Found<T> {
    fn found(self, localizer: &Localizer) -> Result<T, ApiError>;
}

impl<T> Found<T> for Result<Option<T>, StoreError> {
    fn found(self, localizer: &Localizer) -> Result<T, ApiError> {
        self.map_err(|e| ApiError::from_store(e, localizer))?.ok_or_else(|| ApiError::not_found(localizer))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(ErrorBody { error: self.code, message: self.message, fields: self.fields })).into_response()
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: String) -> ApiError {
        ApiError { status, code, message, fields: Vec::new() }
    }

    pub(crate) fn not_found(localizer: &Localizer) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", localizer.text("error-not-found"))
    }

    pub(crate) fn server(error: impl std::fmt::Display, localizer: &Localizer) -> ApiError {
        tracing::error!(%error, "API request failed");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "server", localizer.text("error-server"))
    }

    pub(crate) fn from_store(error: StoreError, localizer: &Localizer) -> ApiError {
        match error {
            StoreError::BeyondLog { size, asked } => ApiError::new(
                StatusCode::BAD_REQUEST,
                "beyond_log",
                localizer.format("api-beyond-log", &[("size", size.into()), ("asked", asked.into())]),
            ),
            other => ApiError::server(other, localizer),
        }
    }

    pub(crate) fn from_page(error: crate::page::PageError, localizer: &Localizer) -> ApiError {
        match error {
            crate::page::PageError::Internal(detail) => ApiError::server(detail, localizer),
            other => ApiError::new(other.status(), other.code(), other.describe(localizer)),
        }
    }

    pub fn from_submission(error: SubmissionError, localizer: &Localizer) -> ApiError {
        let status = match &error {
            SubmissionError::Invalid(_) | SubmissionError::BadFileName(_) | SubmissionError::BadIdempotencyKey => {
                StatusCode::BAD_REQUEST
            }
            SubmissionError::TooManyFiles { .. } | SubmissionError::FileTooLarge { .. } => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            SubmissionError::NotOpen(_) | SubmissionError::VerifiedOnly | SubmissionError::CannotAmend(_) => {
                StatusCode::FORBIDDEN
            }
            SubmissionError::IdempotencyConflict => StatusCode::UNPROCESSABLE_ENTITY,
            SubmissionError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            SubmissionError::Blobs(consulta_blobs::BlobError::Full(_)) => {
                tracing::error!(%error, "a submission was refused: the files' store is full");
                StatusCode::INSUFFICIENT_STORAGE
            }
            SubmissionError::Blobs(_) | SubmissionError::Store(_) => return ApiError::server(error, localizer),
        };
        ApiError { status, code: error.code(), message: error.describe(localizer), fields: error.fields() }
    }
}

/// Why a multipart body could not be turned into a submission.
pub enum ReadError {
    Malformed(String),
    TooLarge(u64),
    /// A text field longer than any valid value of it (read no further).
    FieldTooLarge {
        field: &'static str,
        max: u64,
    },
    UnknownField(String),
    Submission(SubmissionError),
    /// Files a refused form kept can no longer be taken back (expired): choose them again.
    KeptFilesExpired,
}

impl ReadError {
    /// The fields at fault, each with its message, for a form to show beside them.
    pub fn field_messages(&self, localizer: &Localizer) -> Vec<(&'static str, String)> {
        match self {
            ReadError::Submission(SubmissionError::Invalid(problems)) => {
                problems.iter().map(|(field, problem)| (*field, problem.describe(localizer))).collect()
            }
            ReadError::Submission(
                error @ (SubmissionError::TooManyFiles { .. }
                | SubmissionError::FileTooLarge { .. }
                | SubmissionError::BadFileName(_)),
            ) => {
                vec![("files", error.describe(localizer))]
            }
            ReadError::FieldTooLarge { field, .. } => vec![(field, self.describe_field(localizer))],
            ReadError::KeptFilesExpired => vec![("files", localizer.text("submit-kept-files-expired"))],
            _ => Vec::new(),
        }
    }

    fn describe_field(&self, localizer: &Localizer) -> String {
        match self {
            ReadError::FieldTooLarge { field, max } => localizer.format(
                "submit-field-too-large",
                &[
                    ("field", Arg::Text(localizer.text(&format!("submit-field-{field}")))),
                    ("max", Arg::Text(localizer.file_size(*max))),
                ],
            ),
            _ => String::new(),
        }
    }

    pub fn into_api(self, localizer: &Localizer) -> ApiError {
        match self {
            ReadError::Malformed(detail) => ApiError::new(
                StatusCode::BAD_REQUEST,
                "malformed_multipart",
                localizer.format("submit-malformed", &[("detail", detail.into())]),
            ),
            ReadError::TooLarge(max) => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                localizer.format("submit-too-large", &[("max", Arg::Text(localizer.file_size(max)))]),
            ),
            ReadError::FieldTooLarge { field, .. } => ApiError {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                code: "field_too_large",
                message: self.describe_field(localizer),
                fields: vec![field],
            },
            ReadError::UnknownField(field) => ApiError {
                status: StatusCode::BAD_REQUEST,
                code: "unknown_field",
                message: localizer.format("submit-unknown-field", &[("field", field.into())]),
                fields: Vec::new(),
            },
            ReadError::Submission(error) => ApiError::from_submission(error, localizer),
            ReadError::KeptFilesExpired => ApiError {
                status: StatusCode::BAD_REQUEST,
                code: "kept_files_expired",
                message: localizer.text("submit-kept-files-expired"),
                fields: vec!["files"],
            },
        }
    }
}

/// The largest request body the submission routes accept: every file at its limit, plus room
/// for the text fields.
pub fn body_limit(limits: Limits) -> usize {
    let files = limits.max_file_bytes.saturating_mul(limits.max_files as u64);
    usize::try_from(files.saturating_add(4 * 1024 * 1024)).unwrap_or(usize::MAX)
}

/// How far past the body limit a refused request is still read (and thrown away), so that a
/// client that sent a little too much gets the answer that says so rather than a connection
/// reset; each field is refused as soon as it passes its own cap, so nothing of it is kept.
const DRAIN_ALLOWANCE: usize = 16 * 1024 * 1024;

/// The limit the transport enforces on the submission routes: the body limit and the allowance.
pub fn transport_limit(limits: Limits) -> usize {
    body_limit(limits).saturating_add(DRAIN_ALLOWANCE)
}

/// Reads a multipart body into a submission, stopping as soon as a limit is passed. On error,
/// what was read so far comes back too, so a form can show it again.
/// A submission as posted, with the web form's own fields: its token, and the contribution it
/// amends (as typed).
pub struct Posted {
    pub submission: Submission,
    pub csrf: String,
    pub amends: String,
    /// Tokens of the files a refused form kept (`kept_files`), sent again.
    pub kept: Vec<String>,
    /// The share of the server's upload memory this submission holds until it is dropped.
    pub buffered: Vec<OwnedSemaphorePermit>,
}

/// The most bytes a text field may send: a body at its limit, and room for what is trimmed.
const MAX_TEXT_FIELD_BYTES: u64 = MAX_BODY_BYTES as u64 + 64 * 1024;
/// The most bytes any other field may send (a title at its limit is at most 2,000 bytes).
const MAX_LINE_FIELD_BYTES: u64 = 16 * 1024;

/// The memory all submissions being read may hold at once, in units of `BUDGET_UNIT` bytes:
/// a submission waits for its share, so that many large uploads at once cannot exhaust memory.
#[derive(Debug, Clone)]
pub struct UploadBudget(Arc<Semaphore>);

const BUDGET_UNIT: u64 = 1024;

impl UploadBudget {
    /// Room for `bytes` (at least one submission at its largest).
    pub fn new(bytes: u64, limits: Limits) -> UploadBudget {
        let units = bytes.max(body_limit(limits) as u64).div_ceil(BUDGET_UNIT);
        UploadBudget(Arc::new(Semaphore::new(usize::try_from(units).unwrap_or(Semaphore::MAX_PERMITS))))
    }

    /// Waits for room for `bytes`, then holds it in `held`.
    pub(crate) async fn reserve(&self, bytes: usize, held: &mut Vec<OwnedSemaphorePermit>) -> Result<(), ReadError> {
        let units = u32::try_from((bytes as u64).div_ceil(BUDGET_UNIT)).unwrap_or(u32::MAX);
        let permit = self.0.clone().acquire_many_owned(units).await.map_err(|e| ReadError::Malformed(e.to_string()))?;
        held.push(permit);
        Ok(())
    }

    /// Reads a field chunk by chunk within this budget (the shares taken go to `held`); None as
    /// soon as it passes `max` bytes, read no further.
    async fn read_field(
        &self,
        field: &mut axum::extract::multipart::Field<'_>,
        max: u64,
        held: &mut Vec<OwnedSemaphorePermit>,
        malformed: impl Fn(axum::extract::multipart::MultipartError) -> ReadError,
    ) -> Result<Option<Vec<u8>>, ReadError> {
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(&malformed)? {
            if (bytes.len() + chunk.len()) as u64 > max {
                return Ok(None);
            }
            self.reserve(chunk.len(), held).await?;
            bytes.extend_from_slice(&chunk);
        }
        Ok(Some(bytes))
    }
}

pub async fn read_submission(
    multipart: Result<Multipart, MultipartRejection>,
    limits: Limits,
    budget: &UploadBudget,
) -> Result<Posted, (Submission, ReadError)> {
    let mut multipart = match multipart {
        Ok(multipart) => multipart,
        Err(rejection) => return Err((Submission::default(), ReadError::Malformed(rejection.body_text()))),
    };
    let mut submission = Submission::default();
    let mut form = FormFields::default();
    let mut buffered = Vec::new();
    match read_parts(&mut multipart, limits, budget, &mut buffered, &mut submission, &mut form).await {
        Ok(()) => Ok(Posted { submission, csrf: form.csrf, amends: form.amends, kept: form.kept, buffered }),
        Err(error) => {
            submission.files.clear();
            drop(buffered);
            if matches!(error, ReadError::FieldTooLarge { .. } | ReadError::Submission(_) | ReadError::UnknownField(_))
            {
                discard_rest(&mut multipart).await;
            }
            Err((submission, error))
        }
    }
}

/// Reads the rest of a refused request and throws it away, keeping none of it, so that the
/// sender (a browser) gets to read the answer that says what is wrong instead of a connection
/// reset. The body limit and the body's idle timeout bound how long this takes.
async fn discard_rest(multipart: &mut Multipart) {
    while let Ok(Some(mut field)) = multipart.next_field().await {
        while let Ok(Some(_)) = field.chunk().await {}
    }
}

/// The contribution form's own fields, beside the submission's.
#[derive(Debug, Default)]
struct FormFields {
    csrf: String,
    amends: String,
    kept: Vec<String>,
}

async fn read_parts(
    multipart: &mut Multipart,
    limits: Limits,
    budget: &UploadBudget,
    buffered: &mut Vec<OwnedSemaphorePermit>,
    submission: &mut Submission,
    form: &mut FormFields,
) -> Result<(), ReadError> {
    let malformed = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ReadError::TooLarge(body_limit(limits) as u64)
        } else {
            ReadError::Malformed(e.body_text())
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(malformed)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "files" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let media_type = field.content_type().unwrap_or_default().to_owned();
            let Some(bytes) = budget.read_field(&mut field, limits.max_file_bytes, buffered, malformed).await? else {
                let max = limits.max_file_bytes;
                return Err(ReadError::Submission(SubmissionError::FileTooLarge { name: file_name, max }));
            };
            // A form sent with no file chosen has one empty, nameless part.
            if file_name.is_empty() && bytes.is_empty() {
                continue;
            }
            if submission.files.len() + form.kept.len() == limits.max_files {
                return Err(ReadError::Submission(SubmissionError::TooManyFiles { max: limits.max_files }));
            }
            submission.files.push(UploadedFile { name: file_name, media_type, bytes });
            continue;
        }
        let (slot, field_name) = match name.as_str() {
            "entity" => (&mut submission.entity, "entity"),
            "stakeholder_group" => (&mut submission.stakeholder_group, "stakeholder_group"),
            "country" => (&mut submission.country, "country"),
            "email" => (&mut submission.email, "email"),
            "language" => (&mut submission.language, "language"),
            "title" => (&mut submission.title, "title"),
            "body" => (&mut submission.body, "body"),
            // The form's own fields.
            "csrf" => (&mut form.csrf, "csrf"),
            "amends" => (&mut form.amends, "amends"),
            "kept" => {
                if submission.files.len() + form.kept.len() == limits.max_files {
                    return Err(ReadError::Submission(SubmissionError::TooManyFiles { max: limits.max_files }));
                }
                let bytes = budget
                    .read_field(&mut field, MAX_LINE_FIELD_BYTES, buffered, malformed)
                    .await?
                    .ok_or(ReadError::FieldTooLarge { field: "files", max: MAX_LINE_FIELD_BYTES })?;
                form.kept.push(String::from_utf8(bytes).map_err(|_| ReadError::KeptFilesExpired)?);
                continue;
            }
            "lang" => continue,
            other => return Err(ReadError::UnknownField(other.to_owned())),
        };
        // Only the body may be long; every other field is a line.
        let max = if field_name == "body" { MAX_TEXT_FIELD_BYTES } else { MAX_LINE_FIELD_BYTES };
        let bytes = budget
            .read_field(&mut field, max, buffered, malformed)
            .await?
            .ok_or(ReadError::FieldTooLarge { field: field_name, max })?;
        *slot = String::from_utf8(bytes).map_err(|_| ReadError::Malformed(format!("{field_name}: not UTF-8")))?;
    }
    Ok(())
}

/// POST /api/v1/consultations/{slug}/contributions
#[utoipa::path(
    post,
    path = "/api/v1/consultations/{slug}/contributions",
    params(
        ("slug" = String, Path, description = "The consultation's slug"),
        ("Idempotency-Key" = Option<String>, Header, description = "The same key always gives the same contribution"),
    ),
    request_body(content = SubmissionForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Recorded, on disk, in the log: the receipt", body = Receipt),
        (status = 200, description = "Recorded before under the same Idempotency-Key: its receipt", body = Receipt),
        Refused,
    )
)]
pub async fn submit_contribution(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    client: crate::client::ClientIp,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let localizer = language.localizer;
    let Some(sender) = app.admit_unverified(client.0).await else {
        return ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts", localizer.text("error-too-many"))
            .into_response();
    };
    let (submission, _buffered) = match read_submission(multipart, app.limits, &app.upload_budget).await {
        Ok(posted) => (posted.submission, posted.buffered),
        Err((_, error)) => return error.into_api(&localizer).into_response(),
    };
    let key = headers.get("idempotency-key").map(|v| v.to_str().map(str::to_owned));
    let key = match key {
        Some(Ok(key)) => Some(key),
        Some(Err(_)) => {
            return ApiError::from_submission(SubmissionError::BadIdempotencyKey, &localizer).into_response();
        }
        None => None,
    };
    match app.record(slug, submission, key, Identified::Unverified(sender), None, localizer).await {
        Ok((receipt, replayed)) => {
            let status = if replayed { StatusCode::OK } else { StatusCode::CREATED };
            (status, [(header::LOCATION, format!("/contributions/{}", receipt.id))], Json(receipt)).into_response()
        }
        Err(RecordError::UnknownConsultation) => ApiError::not_found(&localizer).into_response(),
        Err(RecordError::Submission(SubmissionError::Busy)) => {
            let busy = ApiError::from_submission(SubmissionError::Busy, &localizer).into_response();
            ([(header::RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS.to_string())], busy).into_response()
        }
        Err(RecordError::Submission(error)) => ApiError::from_submission(error, &localizer).into_response(),
    }
}

/// When a client refused as busy may send again: the writer clears its queue in about a second.
pub const BUSY_RETRY_AFTER_SECONDS: u64 = 2;

pub enum RecordError {
    UnknownConsultation,
    Submission(SubmissionError),
}

/// Who sends a submission: a signed-in focal point of its entity, or someone unverified (with
/// their network address keyed as the record keeps it for the per-sender limit).
pub enum Identified {
    FocalPoint,
    Unverified(String),
}

/// The window of the per-sender limit on unverified contributions.
const UNVERIFIED_WINDOW: jiff::SignedDuration = jiff::SignedDuration::from_hours(1);

impl App {
    /// The keyed address of an unverified sender from `client`, if the sender is still within
    /// the per-hour limit, which every server counts from the same record; None if over it.
    pub async fn admit_unverified(&self, client: std::net::IpAddr) -> Option<String> {
        let sender = self.signer.sender_key(&client);
        if self.unverified_per_hour == 0 {
            return Some(sender);
        }
        let (database, key) = (self.database.clone(), sender.clone());
        let counted = tokio::task::spawn_blocking(move || {
            database.connect()?.contributions_from_sender(&key, Timestamp::now() - UNVERIFIED_WINDOW)
        })
        .await;
        match counted {
            Ok(Ok(sent)) if sent >= self.unverified_per_hour => None,
            Ok(Ok(_)) => Some(sender),
            // A count that cannot be read lets the submission through: its recording will say
            // whether the database is there.
            Ok(Err(error)) => {
                tracing::warn!(%error, "the per-sender limit could not be read");
                Some(sender)
            }
            Err(_) => Some(sender),
        }
    }

    /// Checks a submission and stores its files on a blocking thread, then records it through
    /// the committer; the web form and the API both come here.
    pub async fn record(
        &self,
        slug: String,
        submission: Submission,
        key: Option<String>,
        sender: Identified,
        amends: Option<ContributionId>,
        localizer: Localizer,
    ) -> Result<(consulta_intake::submission::Receipt, bool), RecordError> {
        let acknowledgement = consulta_intake::acknowledgement::Acknowledgement {
            language: localizer.language().to_owned(),
            base_url: self.public_url.as_str().to_owned(),
        };
        let database = self.database.clone();
        let committer = self.committer.clone();
        let blobs = self.blobs.clone();
        let limits = self.limits;
        let consultations = self.consultations.clone();
        let joined = tokio::task::spawn_blocking(move || {
            let store_error = |e: StoreError| RecordError::Submission(SubmissionError::Store(e));
            let store = database.connect().map_err(store_error)?;
            let consultation =
                consultations.by_slug(&*store, &slug).map_err(store_error)?.ok_or(RecordError::UnknownConsultation)?;
            let (verified, sender_key) = match &sender {
                Identified::FocalPoint => (true, None),
                Identified::Unverified(key) => (false, Some(key.as_str())),
            };
            let sender = consulta_intake::submission::Sender {
                idempotency_key: key.as_deref(),
                verified,
                amends,
                sender_key,
                acknowledgement: Some(&acknowledgement),
            };
            prepare(&*store, &*blobs, &consultation, &submission, sender, limits, Timestamp::now())
                .map_err(RecordError::Submission)
        })
        .await;
        // The connection is back in the pool; the committer is awaited, not blocked on.
        let prepared = joined.unwrap_or_else(|e| {
            Err(RecordError::Submission(SubmissionError::Store(StoreError::Corrupt(format!("task failed: {e}")))))
        })?;
        committer.record(prepared).await.map_err(RecordError::Submission)
    }

    /// Answers an API request with a view read from the store as JSON, or with its error, as
    /// `to_page` classes it (not found, bad request…), in the reader's language.
    pub(crate) async fn json_view<T: serde::Serialize + Send + 'static, E: 'static>(
        &self,
        localizer: Localizer,
        to_page: fn(E, &Localizer) -> crate::page::PageError,
        view: impl FnOnce(&dyn consulta_store::Store, &Localizer) -> Result<T, E> + Send + 'static,
    ) -> Response {
        let result = self
            .read(localizer, move |store| {
                view(store, &localizer).map_err(|e| ApiError::from_page(to_page(e, &localizer), &localizer))
            })
            .await;
        result.map(Json).into_response()
    }

    /// Runs a read of the store on a blocking thread, for the API.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        localizer: Localizer,
        read: impl FnOnce(&dyn consulta_store::Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let database = self.database.clone();
        tokio::task::spawn_blocking(move || {
            let store = database.connect().map_err(|e| ApiError::from_store(e, &localizer))?;
            read(&*store)
        })
        .await
        .unwrap_or_else(|e| Err(ApiError::server(e, &localizer)))
    }
}

/// The contribution `id` names, if it exists and is published: a withheld one answers 410 with
/// the reason.
fn published(store: &dyn consulta_store::Store, id: &str, localizer: &Localizer) -> Result<ContributionId, ApiError> {
    let id = parse_id(id, localizer)?;
    let contribution = store
        .contribution(id)
        .map_err(|e| ApiError::from_store(e, localizer))?
        .ok_or_else(|| ApiError::not_found(localizer))?;
    match contribution.withheld_reason {
        Some(reason) => Err(ApiError::new(StatusCode::GONE, "withheld", reason)),
        None => Ok(id),
    }
}

fn parse_id(id: &str, localizer: &Localizer) -> Result<ContributionId, ApiError> {
    id.parse::<i64>().ok().filter(|id| *id > 0).map(ContributionId).ok_or_else(|| ApiError::not_found(localizer))
}

/// GET /api/v1/contributions/{id}/receipt: the receipt, with its proof in the log as it now is.
#[utoipa::path(
    get,
    path = "/api/v1/contributions/{id}/receipt",
    params(("id" = String, Path, description = "The contribution's number")),
    responses(
        (status = 200, description = "The receipt, proved in the log as it is now (a withheld contribution's lists no files)", body = Receipt),
        Refused,
    )
)]
pub async fn contribution_receipt(
    State(app): State<App>,
    language: RequestLanguage,
    Path(id): Path<String>,
) -> Response {
    read_receipt(&app, language, id).await.map(Json).into_response()
}

/// GET /contributions/{id}/receipt.json: the same receipt, saved under the name the receipt
/// page's `consulta verify` line uses.
pub async fn receipt_download(State(app): State<App>, language: RequestLanguage, Path(id): Path<String>) -> Response {
    match read_receipt(&app, language, id).await {
        Ok(receipt) => {
            let name = consulta_intake::acknowledgement::receipt_file_name(receipt.id);
            ([(header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\""))], Json(receipt)).into_response()
        }
        Err(error) => error.into_response(),
    }
}

async fn read_receipt(app: &App, language: RequestLanguage, id: String) -> Result<Receipt, ApiError> {
    let localizer = language.localizer;
    let signer = app.signer.clone();
    app.read(localizer, move |store| {
        let id = parse_id(&id, &localizer)?;
        public_receipt(store, &signer, id, Timestamp::now())
            .map_err(|e| ApiError::from_store(e, &localizer))?
            .ok_or_else(|| ApiError::not_found(&localizer))
    })
    .await
}

/// GET /api/v1/contributions/{id}/record: the canonical record, byte for byte as hashed; for a
/// withheld contribution, 410 with the reason.
#[utoipa::path(
    get,
    path = "/api/v1/contributions/{id}/record",
    params(("id" = String, Path, description = "The contribution's number")),
    responses(
        (status = 200, description = "The canonical record, byte for byte as its log leaf hashes it", body = serde_json::Value),
        Refused,
    )
)]
pub async fn contribution_record(
    State(app): State<App>,
    language: RequestLanguage,
    Path(id): Path<String>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let id = published(store, &id, &localizer)?;
            let record = store.canonical_record(id).found(&localizer)?;
            Ok(record.to_bytes())
        })
        .await;
    canonical_record_response(result)
}

/// A canonical record's bytes as JSON, as hashed (no reformatting), or the error.
pub(crate) fn canonical_record_response(result: Result<Vec<u8>, ApiError>) -> Response {
    match result {
        Ok(bytes) => ([(header::CONTENT_TYPE, "application/json")], bytes).into_response(),
        Err(error) => error.into_response(),
    }
}

/// GET /api/v1/log/tree-head
#[utoipa::path(
    get,
    path = "/api/v1/log/tree-head",
    responses(
        (status = 200, description = "The log's head now, signed", body = TreeHeadResponse),
        (status = "5XX", description = "The server failed", body = ErrorBody),
    )
)]
pub async fn tree_head(State(app): State<App>, language: RequestLanguage) -> Response {
    let localizer = language.localizer;
    let signer = app.signer.clone();
    let result = app
        .read(localizer, move |store| {
            let head = signer.signed_head(store, Timestamp::now()).map_err(|e| ApiError::from_store(e, &localizer))?;
            Ok(TreeHeadResponse { head: TreeHeadJson::from(&head), public_key: to_hex(&signer.public_key()) })
        })
        .await;
    result.map(Json).into_response()
}

/// GET /api/v1/log/checkpoint: the log's head now as a C2SP checkpoint (a signed note), for
/// witnesses and the transparency-log ecosystem's verifiers.
#[utoipa::path(
    get,
    path = "/api/v1/log/checkpoint",
    responses(
        (status = 200, description = "The log's head now as a C2SP tlog-checkpoint signed note", body = String, content_type = "text/plain"),
        (status = "5XX", description = "The server failed", body = ErrorBody),
    )
)]
pub async fn checkpoint(State(app): State<App>, language: RequestLanguage) -> Response {
    let localizer = language.localizer;
    let signer = app.signer.clone();
    let result = app
        .read(localizer, move |store| {
            let head = store.tree_head(Timestamp::now()).map_err(|e| ApiError::from_store(e, &localizer))?;
            Ok(signer.checkpoint(&head))
        })
        .await;
    match result {
        Ok(note) => ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], note).into_response(),
        Err(error) => error.into_response(),
    }
}

pub(crate) fn number(params: &HashMap<String, String>, name: &str, localizer: &Localizer) -> Result<u64, ApiError> {
    let value = params.get(name).map(String::as_str).unwrap_or_default();
    value.parse().map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_request",
            localizer.format("error-bad-request", &[("detail", format!("{name}={value}").into())]),
        )
    })
}

/// GET /api/v1/log/inclusion?contribution=ID&tree_size=N
#[utoipa::path(
    get,
    path = "/api/v1/log/inclusion",
    params(
        ("contribution" = i64, Query, description = "The contribution's number"),
        ("tree_size" = u64, Query, description = "The size of the tree to prove inclusion in"),
    ),
    responses(
        (status = 200, description = "The leaf and its inclusion proof", body = InclusionResponse),
        Refused,
    )
)]
pub async fn inclusion(
    State(app): State<App>,
    language: RequestLanguage,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let id = ContributionId(number(&params, "contribution", &localizer)? as i64);
            let size = number(&params, "tree_size", &localizer)?;
            let inclusion = store.inclusion(id, size).found(&localizer)?;
            Ok(InclusionResponse { contribution: id.0, proof: (&inclusion).into() })
        })
        .await;
    result.map(Json).into_response()
}

/// GET /api/v1/log/consistency?from=M&to=N
#[utoipa::path(
    get,
    path = "/api/v1/log/consistency",
    params(
        ("from" = u64, Query, description = "The smaller tree's size"),
        ("to" = u64, Query, description = "The larger tree's size"),
    ),
    responses(
        (status = 200, description = "The consistency proof", body = ConsistencyResponse),
        Refused,
    )
)]
pub async fn consistency(
    State(app): State<App>,
    language: RequestLanguage,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let from = number(&params, "from", &localizer)?;
            let to = number(&params, "to", &localizer)?;
            if from > to {
                let message = localizer.format("api-consistency-order", &[("from", from.into()), ("to", to.into())]);
                return Err(ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message));
            }
            let proof = store.consistency(from, to).map_err(|e| ApiError::from_store(e, &localizer))?;
            Ok(ConsistencyResponse { from, to, consistency_proof: proof.iter().map(|h| to_hex(h)).collect() })
        })
        .await;
    result.map(Json).into_response()
}

/// GET /contributions/{id}/files/{position}: an attachment as it came.
pub async fn attachment(
    State(app): State<App>,
    language: RequestLanguage,
    Path((id, position)): Path<(String, u32)>,
) -> Response {
    let localizer = language.localizer;
    let blobs = app.blobs.clone();
    let result = app
        .read(localizer, move |store| {
            let id = published(store, &id, &localizer)?;
            let attachments = store.attachments(id).map_err(|e| ApiError::from_store(e, &localizer))?;
            let file = attachments
                .into_iter()
                .find(|a| a.position == position)
                .ok_or_else(|| ApiError::not_found(&localizer))?;
            let bytes = blobs
                .get(&file.sha256)
                .map_err(|e| ApiError::server(e, &localizer))?
                .ok_or_else(|| ApiError::server(format!("blob {} is missing", to_hex(&file.sha256)), &localizer))?;
            Ok((file, bytes))
        })
        .await;
    match result {
        Ok((file, bytes)) => {
            let disposition = format!("attachment; filename*=UTF-8''{}", crate::language::encode(&file.name));
            (
                [
                    (header::CONTENT_TYPE, file.media_type),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::HeaderName::from_static("x-content-type-options"), "nosniff".to_owned()),
                    // A file is the contributor's, not ours: never let it run as part of the site.
                    (header::CONTENT_SECURITY_POLICY, "sandbox; default-src 'none'".to_owned()),
                ],
                bytes,
            )
                .into_response()
        }
        Err(error) => error.into_response(),
    }
}

/// GET /api/v1/contributions/{id}/files/{position}/text: the text extracted from an
/// attachment, or where its extraction stands.
#[utoipa::path(
    get,
    path = "/api/v1/contributions/{id}/files/{position}/text",
    params(
        ("id" = String, Path, description = "The contribution's number"),
        ("position" = String, Path, description = "The file's position in the contribution, from 0"),
    ),
    responses(
        (status = 200, description = "Where the file's text extraction stands, and the text once done", body = AttachmentText),
        Refused,
    )
)]
pub async fn attachment_text(
    State(app): State<App>,
    language: RequestLanguage,
    Path((id, position)): Path<(String, String)>,
) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let id = published(store, &id, &localizer)?;
            let position: u32 = position.parse().map_err(|_| ApiError::not_found(&localizer))?;
            let extraction = store.extraction(id, position).found(&localizer)?;
            Ok(match extraction {
                Extraction::Pending => AttachmentText::Pending,
                Extraction::Done(text) => AttachmentText::Done { text },
                Extraction::Failed(reason) => AttachmentText::Failed { reason },
                Extraction::Unsupported => AttachmentText::Unsupported,
            })
        })
        .await;
    result.map(Json).into_response()
}

/// GET /api/v1/consultations/{slug}/table: the distribution table, as `consulta table --format json`.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{slug}/table",
    params(("slug" = String, Path, description = "The consultation's slug")),
    responses(
        (status = 200, description = "Counted contributions by stakeholder group and channel; unverified ones apart", body = consulta_report::JsonTable),
        Refused,
    )
)]
pub async fn table(State(app): State<App>, language: RequestLanguage, Path(slug): Path<String>) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let consultation = store.consultation_by_slug(&slug).found(&localizer)?;
            let table = consulta_report::distribution_table(store, consultation.id)
                .map_err(|e| ApiError::from_store(e, &localizer))?;
            Ok(consulta_report::render_table(&table, consulta_report::TableFormat::Json, &localizer))
        })
        .await;
    match result {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(error) => error.into_response(),
    }
}

/// GET /api/v1/search: the search page's results as JSON, with every facet's counts.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    params(
        ("q" = Option<String>, Query, description = "Words, \"phrases\" and -exclusions; empty matches everything"),
        ("consultation" = Option<String>, Query, description = "A consultation's slug (repeat for several)"),
        ("group" = Option<String>, Query, description = "A stakeholder group (repeat for several)"),
        ("channel" = Option<String>, Query, description = "written, presentation or intervention"),
        ("country" = Option<String>, Query, description = "ISO 3166-1 alpha-2 code"),
        ("region" = Option<String>, Query, description = "A UN regional group"),
        ("language" = Option<String>, Query, description = "A language's primary subtag"),
        ("year" = Option<String>, Query, description = "The year of receipt"),
        ("sort" = Option<String>, Query, description = "relevance, newest or oldest"),
        ("page" = Option<String>, Query, description = "From 1; at most the 10,000th result (page 500 of 20, page 100 of 100)"),
        ("per_page" = Option<String>, Query, description = "At most 100"),
        ("collapse" = Option<String>, Query, description = "1: each campaign once, its best-placed member standing for the others that match (counted in `similar`)"),
    ),
    responses(
        (status = 200, description = "A page of results with every facet's counts", body = SearchResponse),
        Refused,
    )
)]
pub async fn search(
    State(app): State<App>,
    language: RequestLanguage,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let localizer = language.localizer;
    let index = app.index.clone();
    let result = app
        .read(localizer, move |store| {
            let params = crate::search::SearchParams::parse(&pairs).map_err(|e| ApiError::from_page(e, &localizer))?;
            crate::search::search_json(store, &index, &params).map_err(|e| ApiError::from_page(e, &localizer))
        })
        .await;
    result.map(Json).into_response()
}

#[cfg(test)]
mod properties {
    //! Any multipart body is read within its limits or refused, never a panic: no text field
    //! longer than its cap, no more files or bytes than the limits allow.
    use axum::extract::FromRequest;
    use proptest::prelude::*;

    use super::*;

    const NAMES: [&str; 10] =
        ["entity", "stakeholder_group", "country", "email", "language", "title", "body", "files", "csrf", "other"];

    fn body(parts: &[(usize, Vec<u8>)], boundary: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for (name, value) in parts {
            let name = NAMES[*name % NAMES.len()];
            out.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"").as_bytes(),
            );
            if name == "files" {
                out.extend_from_slice(b"; filename=\"note.txt\"\r\nContent-Type: text/plain");
            }
            out.extend_from_slice(b"\r\n\r\n");
            out.extend_from_slice(value);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        out
    }

    /// Whether the form was read, and what was read of it.
    fn read(bytes: Vec<u8>, boundary: &str, limits: Limits) -> Option<Submission> {
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        runtime.block_on(async {
            let request = axum::http::Request::builder()
                .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
                .body(axum::body::Body::from(bytes))
                .expect("request");
            let multipart = Multipart::from_request(request, &()).await;
            read_submission(multipart, limits, &UploadBudget::new(64 << 20, limits)).await.ok().map(|p| p.submission)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn any_form_is_read_within_its_limits(
            parts in prop::collection::vec((any::<usize>(), prop::collection::vec(any::<u8>(), 0..20_000)), 0..6),
        ) {
            let limits = Limits { max_files: 2, max_file_bytes: 8 * 1024 };
            let boundary = "consulta-property-boundary";
            if let Some(s) = read(body(&parts, boundary), boundary, limits) {
                for line in [&s.entity, &s.stakeholder_group, &s.country, &s.email, &s.language, &s.title] {
                    prop_assert!(line.len() as u64 <= MAX_LINE_FIELD_BYTES);
                }
                prop_assert!(s.body.len() as u64 <= MAX_TEXT_FIELD_BYTES);
                prop_assert!(s.files.len() <= limits.max_files);
                prop_assert!(s.files.iter().all(|f| f.bytes.len() as u64 <= limits.max_file_bytes));
            }
        }

        #[test]
        fn any_bytes_are_refused_or_read(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
            let _ = read(bytes, "b", Limits::default());
        }
    }
}
