//! Open data downloads of a consultation (`/consultations/{slug}/contributions.csv`, …,
//! `feed.atom`, `archive.zip`): written to a temporary file by the same function as
//! `consulta export`, then streamed, so a large consultation never sits in memory.

use std::io::Seek;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use consulta_export::{ExportError, OpenData, write_open_data};
use jiff::Timestamp;

use crate::App;
use crate::language::RequestLanguage;
use crate::pages::PageError;

/// The address this request reached the server at, to make a feed's links absolute.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("127.0.0.1:8080");
    format!("http://{host}")
}

pub async fn download(
    State(app): State<App>,
    language: RequestLanguage,
    Path((slug, file)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let Some(what) = OpenData::from_file_name(&file) else {
        return app.templates.respond(&language, Err(PageError::NotFound));
    };
    let base = base_url(&headers);
    let database = app.database.clone();
    let blobs = app.blobs.clone();
    let name = format!("{slug}-{}", what.file_name());
    let written = tokio::task::spawn_blocking(move || -> Result<Option<std::fs::File>, ExportError> {
        let store = database.connect()?;
        let Some(consultation) = store.consultation_by_slug(&slug)? else { return Ok(None) };
        let mut file = tempfile::tempfile()?;
        write_open_data(&*store, &*blobs, &consultation, what, &base, Timestamp::now(), &mut file)?;
        file.rewind()?;
        Ok(Some(file))
    })
    .await;
    let file = match written {
        Ok(Ok(Some(file))) => file,
        Ok(Ok(None)) => return app.templates.respond(&language, Err(PageError::NotFound)),
        Ok(Err(error)) => return app.templates.respond(&language, Err(PageError::Internal(error.to_string()))),
        Err(error) => return app.templates.respond(&language, Err(PageError::Internal(error.to_string()))),
    };
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(file)));
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(what.media_type()));
    if what != OpenData::Feed {
        if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}
