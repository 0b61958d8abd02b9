//! Text made safe to place in HTML, XML and spreadsheets.

/// Escapes the five characters HTML gives meaning to (not '/', which keeps addresses readable).
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Escapes text for XML content and attribute values, dropping the control characters XML
/// 1.0 cannot carry at all (feeds, Word documents).
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A text as a CSV cell that a spreadsheet shows as text and never runs as a formula: one that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, as OWASP's
/// advice on CSV injection says. Anyone may choose a title or an entity name, and these files
/// are opened in spreadsheets; the JSON files keep the text exact.
pub fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// A URL (a database's, an SMTP server's) with its password hidden, to show in messages and logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => match url[scheme + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
            None => url.to_owned(),
        },
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_urls_password_is_hidden_and_nothing_else_changes() {
        use super::redact_url;
        assert_eq!(
            redact_url("postgres://consulta:s3cret@db.example.org/consulta"),
            "postgres://consulta:***@db.example.org/consulta"
        );
        assert_eq!(redact_url("smtp://user:p@ss@mail.example.org:587"), "smtp://user:***@mail.example.org:587");
        assert_eq!(redact_url("smtp://mail.example.org:25"), "smtp://mail.example.org:25");
        assert_eq!(redact_url("postgres://consulta@db/consulta"), "postgres://consulta@db/consulta");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            super::escape_html(r#"<a href="x">Tom & 'Jerry'</a>/"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;/"
        );
    }
}
