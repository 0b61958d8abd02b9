//! The language of a request: an explicit `?lang=` choice (remembered in a cookie), else the
//! cookie, else `Accept-Language`.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use consulta_i18n::Localizer;

const COOKIE: &str = "consulta_lang";

pub struct RequestLanguage {
    pub localizer: Localizer,
    /// Chosen with `?lang=` on this request, so the response remembers it.
    pub chosen: bool,
    /// The request's path and query without `lang`, for the language switch links.
    pub path: String,
    pub query_without_lang: Vec<(String, String)>,
}

impl RequestLanguage {
    pub fn set_cookie(&self) -> Option<String> {
        self.chosen.then(|| format!("{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", self.localizer.language()))
    }

    /// The address of this page in `language`.
    pub fn switch_url(&self, language: &str) -> String {
        let mut pairs: Vec<String> =
            self.query_without_lang.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
        pairs.push(format!("lang={language}"));
        format!("{}?{}", self.path, pairs.join("&"))
    }
}

/// Percent-encodes a query component.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl<S: Send + Sync> FromRequestParts<S> for RequestLanguage {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query: Vec<(String, String)> = parts
            .uri
            .query()
            .unwrap_or_default()
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(k), decode(v))
            })
            .collect();
        let asked = query.iter().find(|(k, _)| k == "lang").and_then(|(_, v)| Localizer::for_language(v));
        let from_cookie = || {
            parts
                .headers
                .get_all(header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(';'))
                .filter_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('='))
                .find_map(Localizer::for_language)
        };
        let from_header = || {
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Localizer::negotiate)
                .unwrap_or_default()
        };
        let localizer = asked.or_else(from_cookie).unwrap_or_else(from_header);
        Ok(RequestLanguage {
            localizer,
            chosen: asked.is_some(),
            path: parts.uri.path().to_owned(),
            query_without_lang: query.into_iter().filter(|(k, _)| k != "lang").collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_components_round_trip() {
        assert_eq!(encode("civil society/é"), "civil%20society%2F%C3%A9");
        assert_eq!(decode("civil%20society%2F%C3%A9"), "civil society/é");
        assert_eq!(decode("a+b%"), "a b%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%é%"), "%é%");
    }
}
