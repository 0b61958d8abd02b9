//! Open data downloads of a consultation (`/consultations/{slug}/contributions.csv`, …,
//! `feed.atom`, `archive.zip`): written to a temporary file by the same function as
//! `consulta export`, kept until the record changes, and streamed, so a large consultation never
//! sits in memory and is not rebuilt for every request.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use consulta_export::{ExportError, OpenData, OpenDataSource, write_open_data};
use jiff::Timestamp;

use crate::App;
use crate::language::RequestLanguage;
use crate::page::PageError;

/// A file as written, and the change-feed position it was written at (for the files of votes,
/// combined with the consultation's `agreement_mark`).
type Written = (u64, Arc<tempfile::NamedTempFile>);

/// Open data files already written, by consultation and file, with the change-feed position
/// they were written at: a file is written again only once the record has changed since, so
/// that anonymous requests for a large archive cost a read, not a rebuild.
#[derive(Debug, Default)]
pub struct OpenDataCache {
    files: std::sync::Mutex<HashMap<(String, OpenData), Written>>,
    /// One file written at a time: a burst of requests for a stale file writes it once.
    writing: tokio::sync::Mutex<()>,
}

impl OpenDataCache {
    fn fresh(&self, key: &(String, OpenData), position: u64) -> Option<std::io::Result<std::fs::File>> {
        let files = self.files.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.get(key).filter(|(at, _)| *at == position).map(|(_, file)| file.reopen())
    }

    fn keep(
        &self,
        key: (String, OpenData),
        position: u64,
        file: tempfile::NamedTempFile,
    ) -> std::io::Result<std::fs::File> {
        let reader = file.reopen()?;
        let mut files = self.files.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.insert(key, (position, Arc::new(file)));
        Ok(reader)
    }
}

/// The file of `what` for consultation `slug` as of now: from the cache when the record has not
/// changed since it was written, else written anew (None for an unknown consultation).
async fn current_file(app: &App, slug: String, what: OpenData) -> Result<Option<std::fs::File>, ExportError> {
    let database = app.database.clone();
    let position = {
        let (database, slug) = (database.clone(), slug.clone());
        tokio::task::spawn_blocking(move || -> Result<u64, consulta_store::StoreError> {
            let store = database.connect()?;
            let change = store.last_change()?;
            if !what.follows_votes() && !what.follows_campaigns() && !what.follows_drafts() {
                return Ok(change);
            }
            // Votes, statements, campaigns and drafts are not in the change feed: their files
            // follow their marks too.
            let consultation = store.consultation_by_slug(&slug)?;
            let votes = match (&consultation, what.follows_votes()) {
                (Some(consultation), true) => store.agreement_mark(consultation.id)?,
                _ => (0, 0, 0),
            };
            let campaigns = match (&consultation, what.follows_campaigns()) {
                (Some(consultation), true) => store.campaigns_mark(consultation.id)?,
                _ => (0, 0),
            };
            let drafts = match (&consultation, what.follows_drafts()) {
                (Some(consultation), true) => store.drafts_and_bodies_mark(consultation.id)?,
                _ => (0, 0),
            };
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            std::hash::Hash::hash(&(change, votes, campaigns, drafts), &mut hasher);
            Ok(std::hash::Hasher::finish(&hasher))
        })
        .await
        .map_err(|e| ExportError::Io(std::io::Error::other(e)))??
    };
    let key = (slug.clone(), what);
    if let Some(file) = app.open_data.fresh(&key, position) {
        return Ok(Some(file?));
    }
    let _writing = app.open_data.writing.lock().await;
    if let Some(file) = app.open_data.fresh(&key, position) {
        return Ok(Some(file?));
    }
    let (blobs, base, signer) = (app.blobs.clone(), app.public_url.as_str().to_owned(), app.signer.clone());
    let written = tokio::task::spawn_blocking(move || -> Result<Option<tempfile::NamedTempFile>, ExportError> {
        let store = database.connect()?;
        let Some(consultation) = store.consultation_by_slug(&slug)? else { return Ok(None) };
        let mut file = tempfile::NamedTempFile::new()?;
        let source = OpenDataSource { store: &*store, blobs: &*blobs, signer: Some(&signer), base_url: &base };
        write_open_data(&source, &consultation, what, Timestamp::now(), file.as_file_mut())?;
        file.as_file_mut().sync_data()?;
        Ok(Some(file))
    })
    .await
    .map_err(|e| ExportError::Io(std::io::Error::other(e)))??;
    match written {
        // The position read before writing: a change made meanwhile makes the next request
        // write the file again, never the reverse.
        Some(file) => Ok(Some(app.open_data.keep(key, position, file)?)),
        None => Ok(None),
    }
}

pub async fn download(
    State(app): State<App>,
    language: RequestLanguage,
    Path((slug, file)): Path<(String, String)>,
) -> Response {
    let Some(what) = OpenData::from_file_name(&file) else {
        return app.templates.respond(&language, Err(PageError::NotFound));
    };
    let name = format!("{slug}-{}", what.file_name());
    let file = match current_file(&app, slug, what).await {
        Ok(Some(file)) => file,
        Ok(None) => return app.templates.respond(&language, Err(PageError::NotFound)),
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
