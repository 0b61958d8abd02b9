//! What a handler answers: a page to render (its template, title and data), or a typed error
//! that becomes an error page in the reader's language with the right status.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use consulta_i18n::Localizer;
use consulta_store::StoreError;
use serde_json::Value;

/// A page ready to render: its template, title and data.
pub struct Page {
    pub template: &'static str,
    pub title: String,
    /// Shows the banner that says the data is invented.
    pub is_example: bool,
    pub context: Value,
}

pub type PageResult = Result<Page, PageError>;

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("internal error: {0}")]
    Internal(String),
    /// Only for someone signed in: sign in, then come back to `next`.
    #[error("sign in first")]
    SignIn { next: String, ended: bool },
    /// Signed in, but this is not for this account's role.
    #[error("forbidden")]
    Forbidden,
    /// A form came back without the token of the session (or sign-in page) that showed it.
    #[error("form expired or forged")]
    FormExpired,
    #[error("too many attempts")]
    TooManyAttempts,
    /// A single-use link that cannot be used (the message key says why: unknown, used, expired).
    #[error("unusable link: {0}")]
    InvitationInvalid(&'static str),
}

impl From<StoreError> for PageError {
    fn from(error: StoreError) -> Self {
        PageError::Internal(error.to_string())
    }
}

impl PageError {
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            PageError::SignIn { .. } => StatusCode::SEE_OTHER,
            PageError::Forbidden | PageError::FormExpired => StatusCode::FORBIDDEN,
            PageError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            PageError::InvitationInvalid(_) => StatusCode::GONE,
        }
    }

    /// The stable code clients see, which is also the stem of the message keys.
    pub fn code(&self) -> &'static str {
        match self {
            PageError::NotFound => "not_found",
            PageError::BadRequest(_) => "bad_request",
            PageError::Internal(_) => "server",
            PageError::SignIn { .. } => "sign_in",
            PageError::Forbidden => "forbidden",
            PageError::FormExpired => "form_expired",
            PageError::TooManyAttempts => "too_many_attempts",
            PageError::InvitationInvalid(_) => "link_unusable",
        }
    }

    pub fn title_key(&self) -> &'static str {
        match self {
            PageError::NotFound => "error-not-found-title",
            PageError::BadRequest(_) => "error-bad-request-title",
            PageError::Internal(_) => "error-server-title",
            PageError::SignIn { .. } => "login-title",
            PageError::Forbidden => "error-forbidden-title",
            PageError::FormExpired => "error-form-expired-title",
            PageError::TooManyAttempts => "error-too-many-title",
            PageError::InvitationInvalid(_) => "error-link-title",
        }
    }

    pub fn describe(&self, localizer: &Localizer) -> String {
        match self {
            PageError::NotFound => localizer.text("error-not-found"),
            PageError::BadRequest(detail) => {
                localizer.format("error-bad-request", &[("detail", detail.as_str().into())])
            }
            PageError::Internal(_) => localizer.text("error-server"),
            PageError::SignIn { .. } => localizer.text("login-needed"),
            PageError::Forbidden => localizer.text("error-forbidden"),
            PageError::FormExpired => localizer.text("error-form-expired"),
            PageError::TooManyAttempts => localizer.text("error-too-many"),
            PageError::InvitationInvalid(key) => localizer.text(key),
        }
    }
}

/// A file to download: its bytes, its media type and the name a browser saves it under.
pub(crate) fn attachment(bytes: Vec<u8>, media_type: &'static str, name: &str) -> Response {
    (download_headers(media_type, name), bytes).into_response()
}

/// The same from a file on disk, sent as it is read: a file as large as the record is never
/// held in memory.
pub(crate) fn attachment_file(file: std::fs::File, media_type: &'static str, name: &str) -> Response {
    let body = axum::body::Body::from_stream(tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file)));
    (download_headers(media_type, name), body).into_response()
}

fn download_headers(media_type: &'static str, name: &str) -> [(header::HeaderName, HeaderValue); 2] {
    // Names are built from symbols and slugs; one that is not a valid header still downloads.
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    [(header::CONTENT_TYPE, HeaderValue::from_static(media_type)), (header::CONTENT_DISPOSITION, disposition)]
}
