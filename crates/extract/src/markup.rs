//! Text from markup: a small tokenizer over the XML of DOCX and ODT files and over HTML. These
//! documents are machine-written, so tags, text and character references are all there is to
//! handle; text in HTML scripts and styles is skipped.

/// Replaces character references (`&amp;`, `&#233;`, `&#xE9;` and the common named ones).
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|end| {
            let name = &after[..end];
            let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(decimal) = name.strip_prefix('#') {
                decimal.parse().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "agrave" => 'à',
        "acirc" => 'â',
        "ccedil" => 'ç',
        "ocirc" => 'ô',
        "ucirc" => 'û',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "aacute" => 'á',
        "iacute" => 'í',
        "uacute" => 'ú',
        "laquo" => '«',
        "raquo" => '»',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "euro" => '€',
        "copy" => '©',
        _ => return None,
    })
}

enum Token<'a> {
    /// A tag's name (without `/`), whether it closes, and whether it closes itself.
    Tag {
        name: &'a str,
        closing: bool,
        empty: bool,
    },
    Text(&'a str),
}

/// Splits markup into tags and text; comments, declarations and processing instructions are
/// dropped.
fn tokens(markup: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = markup;
    while !rest.is_empty() {
        match rest.find('<') {
            Some(0) => {
                if let Some(comment) = rest.strip_prefix("<!--") {
                    rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
                    continue;
                }
                if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
                    let end = cdata.find("]]>").unwrap_or(cdata.len());
                    out.push(Token::Text(&cdata[..end]));
                    rest = cdata.get(end + 3..).unwrap_or("");
                    continue;
                }
                // An unclosed tag runs to the end (which may hold a character of several bytes).
                let end = rest.find('>').unwrap_or(rest.len());
                let inside = rest.get(1..end).unwrap_or("");
                rest = rest.get(end + 1..).unwrap_or("");
                if inside.starts_with('!') || inside.starts_with('?') {
                    continue;
                }
                let closing = inside.starts_with('/');
                let empty = inside.ends_with('/');
                let name =
                    inside.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
                out.push(Token::Tag { name, closing, empty });
            }
            Some(start) => {
                out.push(Token::Text(&rest[..start]));
                rest = &rest[start..];
            }
            None => {
                out.push(Token::Text(rest));
                rest = "";
            }
        }
    }
    out
}

/// The text of a DOCX `word/document.xml`: runs of `w:t`, a line per paragraph.
pub fn docx_text(xml: &str) -> String {
    let mut out = String::new();
    let mut in_text = false;
    for token in tokens(xml) {
        match token {
            Token::Tag { name: "w:t", closing, empty } => in_text = !closing && !empty,
            Token::Tag { name: "w:p", closing: true, .. } | Token::Tag { name: "w:br", .. } => out.push('\n'),
            Token::Tag { name: "w:tab", .. } => out.push('\t'),
            Token::Text(text) if in_text => out.push_str(&decode_entities(text)),
            _ => {}
        }
    }
    out
}

/// The text of an ODT `content.xml`: the body's text, a line per paragraph or heading.
pub fn odt_text(xml: &str) -> String {
    let mut out = String::new();
    let mut in_body = false;
    for token in tokens(xml) {
        match token {
            Token::Tag { name: "office:body", closing, .. } => in_body = !closing,
            Token::Tag { name: "text:p" | "text:h", closing: true, .. }
            | Token::Tag { name: "text:line-break", .. } => out.push('\n'),
            Token::Tag { name: "text:s", .. } => out.push(' '),
            Token::Tag { name: "text:tab", .. } => out.push('\t'),
            Token::Text(text) if in_body => out.push_str(&decode_entities(text)),
            _ => {}
        }
    }
    out
}

/// The text of an HTML page: what a reader sees, without scripts and styles.
pub fn html_text(html: &str) -> String {
    const BLOCKS: [&str; 16] =
        ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol"];
    let mut out = String::new();
    let mut skipping: Option<String> = None;
    for token in tokens(html) {
        match token {
            Token::Tag { name, closing, .. } => {
                let name = name.to_ascii_lowercase();
                match &skipping {
                    Some(skipped) if closing && *skipped == name => skipping = None,
                    Some(_) => {}
                    None if !closing && (name == "script" || name == "style") => skipping = Some(name),
                    None if BLOCKS.contains(&name.as_str()) => out.push('\n'),
                    None => {}
                }
            }
            Token::Text(text) if skipping.is_none() => out.push_str(&decode_entities(text)),
            Token::Text(_) => {}
        }
    }
    out
}
