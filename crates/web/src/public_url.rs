//! The one address the instance is reached at. Every absolute link Consulta writes (emails,
//! receipts, feeds, reports) is built from it, and whether cookies are `Secure` follows its
//! scheme: a request's `Host` header is never trusted for either.

use std::net::SocketAddr;

/// A base URL such as `https://consultations.example.org` or `https://example.org/consulta`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    /// Without a trailing slash, so that `base + "/path"` is a link.
    base: String,
    https: bool,
}

/// Why a public URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublicUrlError {
    #[error("not an absolute URL: {0}")]
    NotAUrl(String),
    #[error("the scheme must be http or https")]
    Scheme,
    #[error("a public URL has no user name, password, query or fragment")]
    Extras,
}

impl PublicUrlError {
    /// The i18n key that tells a person what is wrong.
    pub fn message_key(&self) -> &'static str {
        match self {
            PublicUrlError::NotAUrl(_) => "public-url-not-a-url",
            PublicUrlError::Scheme => "public-url-scheme",
            PublicUrlError::Extras => "public-url-extras",
        }
    }
}

impl PublicUrl {
    pub fn parse(text: &str) -> Result<PublicUrl, PublicUrlError> {
        let url = url::Url::parse(text.trim()).map_err(|e| PublicUrlError::NotAUrl(e.to_string()))?;
        let https = match url.scheme() {
            "https" => true,
            "http" => false,
            _ => return Err(PublicUrlError::Scheme),
        };
        if url.host_str().is_none_or(str::is_empty) {
            return Err(PublicUrlError::NotAUrl(text.to_owned()));
        }
        if !url.username().is_empty() || url.password().is_some() || url.query().is_some() || url.fragment().is_some() {
            return Err(PublicUrlError::Extras);
        }
        Ok(PublicUrl { base: url.as_str().trim_end_matches('/').to_owned(), https })
    }

    /// The address of a server listening on `addr` itself, for the demo and tests on loopback.
    pub fn local(addr: SocketAddr) -> PublicUrl {
        PublicUrl { base: format!("http://{addr}"), https: false }
    }

    /// The base, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// The absolute link to `path` (which starts with `/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Whether the instance is served over HTTPS, so cookies must be `Secure`.
    pub fn is_https(&self) -> bool {
        self.https
    }
}

impl std::fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_url_is_an_http_or_https_base() {
        let url = PublicUrl::parse("https://consultations.example.org/").expect("valid");
        assert_eq!(url.as_str(), "https://consultations.example.org");
        assert_eq!(url.link("/contributions/9"), "https://consultations.example.org/contributions/9");
        assert!(url.is_https());
        let under = PublicUrl::parse("http://example.org/consulta/").expect("valid");
        assert_eq!(under.link("/login"), "http://example.org/consulta/login");
        assert!(!under.is_https());
        assert_eq!(PublicUrl::parse("ftp://example.org"), Err(PublicUrlError::Scheme));
        assert_eq!(PublicUrl::parse("https://example.org/?a=1"), Err(PublicUrlError::Extras));
        assert_eq!(PublicUrl::parse("https://user:pw@example.org"), Err(PublicUrlError::Extras));
        assert!(matches!(PublicUrl::parse("example.org"), Err(PublicUrlError::NotAUrl(_))));
        assert_eq!(PublicUrl::local("127.0.0.1:8080".parse().expect("addr")).as_str(), "http://127.0.0.1:8080");
    }
}
