//! The site's static files (the stylesheet, the icon): compiled in, each with a validator (its
//! ETag, a hash of its bytes) answered by 304 Not Modified, and linked with its version in the
//! address (`?v=`), so that a browser keeps each for a year and asks again only when it changes.

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A compiled-in file and its validator.
pub(crate) struct StaticFile {
    /// Shared, so that sending it copies nothing.
    body: Bytes,
    media_type: &'static str,
    /// The hash of its bytes, in hex: its ETag (quoted) and its version in links.
    version: String,
}

/// Whether the request's `If-None-Match` names `etag` (or any version): the client's copy is
/// current, and 304 answers it.
pub(crate) fn holds(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim().trim_start_matches("W/") == etag || tag.trim() == "*")
}

impl StaticFile {
    fn new(body: impl Into<Bytes>, media_type: &'static str) -> StaticFile {
        let body = body.into();
        // SipHash with fixed keys: the same bytes give the same version on every server.
        let mut hasher = std::hash::DefaultHasher::new();
        body.hash(&mut hasher);
        StaticFile { body, media_type, version: format!("{:016x}", hasher.finish()) }
    }

    /// The address pages link it by, its version included.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{path}?v={}", &self.version[..12])
    }

    fn etag(&self) -> String {
        format!("\"{}\"", self.version)
    }

    /// The file, or 304 when the browser's copy (`If-None-Match`) is this version.
    pub(crate) fn serve(&self, headers: &HeaderMap) -> Response {
        let etag = self.etag();
        let cached = holds(headers, &etag);
        let validators = [
            (header::ETAG, HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"\""))),
            // Linked by version: a new version is a new address.
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
        ];
        if cached {
            return (StatusCode::NOT_MODIFIED, validators).into_response();
        }
        (validators, [(header::CONTENT_TYPE, HeaderValue::from_static(self.media_type))], self.body.clone())
            .into_response()
    }
}

/// The one stylesheet: the site's rules, then the report's (shared with standalone reports).
pub(crate) fn stylesheet() -> &'static StaticFile {
    static FILE: OnceLock<StaticFile> = OnceLock::new();
    FILE.get_or_init(|| {
        let text = format!("{}{}", include_str!("../static/consulta.css"), consulta_report::html::REPORT_CSS);
        StaticFile::new(text, "text/css; charset=utf-8")
    })
}

/// The site's icon (an SVG, which browsers take at /favicon.ico too).
pub(crate) fn icon() -> &'static StaticFile {
    static FILE: OnceLock<StaticFile> = OnceLock::new();
    FILE.get_or_init(|| StaticFile::new(include_str!("../static/favicon.svg"), "image/svg+xml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_sent_once_then_validated() {
        let file = stylesheet();
        let fresh = file.serve(&HeaderMap::new());
        assert_eq!(fresh.status(), StatusCode::OK);
        let etag = fresh.headers()[header::ETAG].clone();
        assert!(fresh.headers()[header::CACHE_CONTROL].to_str().expect("ascii").contains("immutable"));
        let mut again = HeaderMap::new();
        again.insert(header::IF_NONE_MATCH, etag);
        assert_eq!(file.serve(&again).status(), StatusCode::NOT_MODIFIED);
        again.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"an-older-version\""));
        assert_eq!(file.serve(&again).status(), StatusCode::OK);
        assert!(file.url("/static/consulta.css").starts_with("/static/consulta.css?v="));
        assert_ne!(stylesheet().version, icon().version);
    }
}
