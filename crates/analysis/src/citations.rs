//! The citation finder: UN document symbols (A/RES/67/195, E/2011/100, WSIS-II/PC-3/DOC/5,
//! "resolution 65/141") and paragraphs of the Tunis Agenda ("paragraph 69 of the Tunis Agenda",
//! "paragraphes 68 à 71 de l'Agenda de Tunis"), in English and French (and Spanish).

use std::fmt;

use crate::text::fold;

/// What a citation points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cited {
    /// A UN document, by its symbol.
    Document(String),
    /// A paragraph of the Tunis Agenda for the Information Society.
    TunisParagraph(u32),
}

/// The Tunis Agenda is annexed to this document (seeds/003, note 1).
pub const TUNIS_AGENDA_SYMBOL: &str = "A/60/687";
/// The Tunis Agenda's last paragraph.
const TUNIS_PARAGRAPHS: u32 = 122;
/// A range of more paragraphs than this is taken for a misreading, not a citation.
const LONGEST_RANGE: u32 = 30;

impl Cited {
    /// Where the public can read it: the UN's document system.
    pub fn url(&self) -> String {
        match self {
            Cited::Document(symbol) => document_url(symbol),
            Cited::TunisParagraph(_) => document_url(TUNIS_AGENDA_SYMBOL),
        }
    }
}

impl fmt::Display for Cited {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cited::Document(symbol) => f.write_str(symbol),
            Cited::TunisParagraph(n) => write!(f, "Tunis §{n}"),
        }
    }
}

/// The address of a UN document on undocs.org.
pub fn document_url(symbol: &str) -> String {
    let path: String = symbol.chars().map(|c| if c == ' ' { "%20".to_owned() } else { c.to_string() }).collect();
    format!("https://undocs.org/{path}")
}

/// A citation and where it is in the text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub cited: Cited,
    pub start: usize,
    pub end: usize,
}

/// Every citation in `text`, in order of appearance (a range of paragraphs gives one citation
/// per paragraph, with the span of the whole reference).
pub fn find_citations(text: &str) -> Vec<Citation> {
    let mut found = symbols(text);
    // Cutting a text into words costs more than looking for the words a reference needs.
    let lower = text.to_lowercase();
    if TRIGGERS.iter().any(|t| lower.contains(t)) {
        let tokens = tokenize(text);
        found.extend(resolutions(&tokens));
        found.extend(tunis_paragraphs(&tokens));
    }
    found.sort_by(|a, b| (a.start, &a.cited).cmp(&(b.start, &b.cited)));
    found.dedup();
    found
}

/// The distinct things a text cites, in order of first appearance.
pub fn cited_in(text: &str) -> Vec<Cited> {
    let mut cited: Vec<Cited> = Vec::new();
    for citation in find_citations(text) {
        if !cited.contains(&citation.cited) {
            cited.push(citation.cited);
        }
    }
    cited
}

/// The first part of the symbols of the UN's principal organs and of the documents the seeds
/// cite (General Assembly, ECOSOC, Security Council, Secretariat, UNCTAD, UNDP, UNEP).
const SYMBOL_PREFIXES: &[&str] = &["A", "E", "S", "ST", "TD", "DP", "UNEP"];

fn is_symbol_start(segment: &str) -> bool {
    SYMBOL_PREFIXES.contains(&segment) || segment.starts_with("WSIS")
}

fn is_symbol_segment(segment: &str) -> bool {
    !segment.is_empty() && segment.chars().all(|c| c.is_ascii_alphanumeric() || ".-()".contains(c))
}

/// Document symbols written out: each whitespace-separated piece of text that reads as one.
fn symbols(text: &str) -> Vec<Citation> {
    let mut found = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += piece.len();
        if !piece.contains('/') {
            continue; // most words: no symbol can be in them
        }
        let trimmed_start = piece.trim_start_matches(['(', '[', '«', '“', '"', '\'', '*']);
        let mut candidate = trimmed_start.trim_end().trim_end_matches([',', ';', ':', ']', '»', '”', '"', '\'']);
        // A closing parenthesis or a final full stop belongs to the sentence, not the symbol,
        // unless the symbol opened it: "WSIS-05/TUNIS/DOC/6(Rev.1)".
        loop {
            let before = candidate;
            if candidate.ends_with(')') && candidate.matches('(').count() < candidate.matches(')').count() {
                candidate = &candidate[..candidate.len() - 1];
            }
            candidate = candidate.trim_end_matches([',', ';', ':', '.']);
            if candidate == before {
                break;
            }
        }
        let mut piece_start = start + (piece.len() - trimmed_start.len());
        // A joint symbol ("A/64/64-E/2009/10") names two documents.
        for part in split_joint(candidate) {
            if is_symbol(part) {
                found.push(Citation {
                    cited: Cited::Document(part.to_owned()),
                    start: piece_start,
                    end: piece_start + part.len(),
                });
            }
            piece_start += part.len() + 1;
        }
    }
    found
}

fn is_symbol(candidate: &str) -> bool {
    let segments: Vec<&str> = candidate.split('/').collect();
    segments.len() >= 2
        && is_symbol_start(segments[0])
        && segments.iter().all(|s| is_symbol_segment(s))
        && candidate.chars().any(|c| c.is_ascii_digit())
}

/// Where a second symbol of a joint one may start: '-' then a principal organ's prefix.
const JOINT_MARKS: &[&str] = &["-A/", "-E/", "-S/", "-ST/", "-TD/", "-DP/", "-UNEP/"];

fn split_joint(candidate: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = candidate;
    while let Some(at) = JOINT_MARKS.iter().filter_map(|mark| rest.find(mark).filter(|at| *at > 0)).min() {
        parts.push(&rest[..at]);
        rest = &rest[at + 1..];
    }
    parts.push(rest);
    parts
}

/// A word (a run of letters and digits, folded) or one other visible character.
#[derive(Debug, Clone, PartialEq)]
struct Token {
    /// Folded (lower case, no accents).
    text: String,
    /// As written.
    raw: String,
    start: usize,
    end: usize,
}

impl Token {
    fn is(&self, words: &[&str]) -> bool {
        words.contains(&self.text.as_str())
    }

    fn number(&self) -> Option<u32> {
        if self.text.chars().all(|c| c.is_ascii_digit()) { self.text.parse().ok() } else { None }
    }
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word_start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(s) = word_start.take() {
            tokens.push(Token { text: fold(&text[s..i]), raw: text[s..i].to_owned(), start: s, end: i });
        }
        if !c.is_whitespace() {
            let c = if c == '’' { '\'' } else { c };
            tokens.push(Token { text: c.to_string(), raw: c.to_string(), start: i, end: i + c.len_utf8() });
        }
    }
    tokens
}

const LIST_SEPARATORS: &[&str] = &[",", "and", "et", "y", "&"];
const RANGE_SEPARATORS: &[&str] = &["-", "–", "to", "a", "au", "through", "thru"];

/// Reads a list of numbers and ranges ("35, 69-71", "68 à 71", "35 et 69") from token `i`;
/// returns the numbers and the index after the last one.
fn number_list(tokens: &[Token], mut i: usize) -> Option<(Vec<u32>, usize)> {
    let mut numbers = Vec::new();
    let mut end = i;
    while let Some(first) = tokens.get(i).and_then(Token::number) {
        i += 1;
        let range_end = tokens.get(i).filter(|t| t.is(RANGE_SEPARATORS)).and_then(|_| tokens.get(i + 1)?.number());
        match range_end {
            Some(last) if last > first && last - first <= LONGEST_RANGE => {
                numbers.extend(first..=last);
                i += 2;
            }
            _ => numbers.push(first),
        }
        end = i;
        match tokens.get(i) {
            Some(t) if t.is(LIST_SEPARATORS) && tokens.get(i + 1).and_then(Token::number).is_some() => i += 1,
            _ => break,
        }
    }
    (!numbers.is_empty()).then_some((numbers, end))
}

/// Resolutions cited by number: "resolution 65/141" (a General Assembly session and number),
/// "résolution 2010/2" (an ECOSOC year and number), "resolution 57/270 B".
fn resolutions(tokens: &[Token]) -> Vec<Citation> {
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if !token.is(&["resolution", "resolutions", "resolucion", "resoluciones"]) {
            continue;
        }
        let mut j = i + 1;
        while let (Some(first), Some(slash), Some(second)) = (tokens.get(j), tokens.get(j + 1), tokens.get(j + 2)) {
            let (Some(session), true, Some(number)) = (first.number(), slash.text == "/", second.number()) else {
                break;
            };
            let digits = first.text.len();
            let mut end = second.end;
            let mut next = j + 3;
            let symbol = match digits {
                2 => {
                    // A part letter ("57/270 B") is a capital letter standing alone.
                    let part = tokens
                        .get(next)
                        .filter(|t| t.raw.len() == 1 && t.raw.chars().all(|c| c.is_ascii_uppercase()))
                        .filter(|t| t.start == end + 1);
                    let letter = part.map(|t| t.raw.clone()).unwrap_or_default();
                    if let Some(part) = part {
                        end = part.end;
                        next += 1;
                    }
                    format!("A/RES/{session}/{number}{letter}")
                }
                4 => format!("E/RES/{session}/{number}"),
                _ => break,
            };
            found.push(Citation { cited: Cited::Document(symbol), start: first.start, end });
            match tokens.get(next) {
                Some(t) if t.is(LIST_SEPARATORS) => j = next + 1,
                _ => break,
            }
        }
    }
    found
}

const PARAGRAPH_WORDS: &[&str] =
    &["paragraph", "paragraphs", "para", "paras", "paragraphe", "paragraphes", "§", "parrafo", "parrafos"];
/// Abbreviations that name paragraphs only with their full stop ("par. 35", "pp. 68-71"): "par"
/// alone is a French word.
const PARAGRAPH_ABBREVIATIONS: &[&str] = &["par", "pp"];
/// What a text must contain (in lower case) for a resolution or a paragraph to be cited in it.
const TRIGGERS: &[&str] = &["resol", "résol", "para", "§", "par.", "pp.", "párr"];

/// Other documents a paragraph may belong to: a reference followed by one of these is not the
/// Tunis Agenda's.
const OTHER_DOCUMENTS: &[&str] = &[
    "resolucion",
    "informe",
    "declaracion",
    "resolution",
    "resolutions",
    "declaration",
    "convention",
    "charter",
    "charte",
    "report",
    "rapport",
    "decision",
    "plan",
    "covenant",
    "pacte",
    "recommendation",
    "recommandation",
    "principles",
    "principes",
];

/// Where the Tunis Agenda is named: "Tunis Agenda", "Agenda de Tunis", "Programme d'action de
/// Tunis". Returns the index of its first token.
fn tunis_mentions(tokens: &[Token]) -> Vec<usize> {
    let text: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    (0..tokens.len())
        .filter(|&i| {
            text[i..].starts_with(&["tunis", "agenda"])
                || text[i..].starts_with(&["agenda", "de", "tunis"])
                || text[i..].starts_with(&["agenda", "de", "tunez"])
                || text[i..].starts_with(&["programme", "d", "'", "action", "de", "tunis"])
        })
        .collect()
}

/// Sentences as token ranges: a sentence ends at '.', '!' or '?', except the full stop of an
/// abbreviation ("para. 35", "No. 3").
fn sentences(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        let abbreviation = token.text == "." && i > 0 && tokens[i - 1].is(&["para", "paras", "par", "no", "pp", "cf"]);
        if token.is(&[".", "!", "?"]) && !abbreviation {
            sentences.push((start, i));
            start = i + 1;
        }
    }
    sentences.push((start, tokens.len()));
    sentences
}

/// How many tokens after a paragraph reference the document it belongs to may be named
/// ("paragraph 69 of the Tunis Agenda": 3).
const DOCUMENT_WITHIN: usize = 6;

fn tunis_paragraphs(tokens: &[Token]) -> Vec<Citation> {
    let tunis = tunis_mentions(tokens);
    let mut found = Vec::new();
    for (from, to) in sentences(tokens) {
        let sentence = &tokens[from..to];
        let mut i = 0;
        while i < sentence.len() {
            let abbreviation =
                sentence[i].is(PARAGRAPH_ABBREVIATIONS) && sentence.get(i + 1).is_some_and(|t| t.text == ".");
            if !sentence[i].is(PARAGRAPH_WORDS) && !abbreviation {
                i += 1;
                continue;
            }
            let numbers_at = if sentence.get(i + 1).is_some_and(|t| t.text == ".") { i + 2 } else { i + 1 };
            let Some((numbers, after)) = number_list(sentence, numbers_at) else {
                i += 1;
                continue;
            };
            // The document named right after the reference decides; failing that, the last one
            // named before it in the sentence.
            let is_tunis = |k: usize| tunis.contains(&(from + k));
            let is_other = |k: usize| sentence[k].is(OTHER_DOCUMENTS);
            let after_mention =
                (after..sentence.len().min(after + DOCUMENT_WITHIN)).find(|&k| is_tunis(k) || is_other(k));
            let belongs_to_tunis = match after_mention {
                Some(k) => is_tunis(k),
                None => (0..i).rev().find(|&k| is_tunis(k) || is_other(k)).is_some_and(is_tunis),
            };
            if belongs_to_tunis {
                let (start, end) = (sentence[i].start, sentence[after - 1].end);
                found.extend(numbers.into_iter().filter(|n| (1..=TUNIS_PARAGRAPHS).contains(n)).map(|n| Citation {
                    cited: Cited::TunisParagraph(n),
                    start,
                    end,
                }));
            }
            i = after;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> Vec<String> {
        cited_in(text).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn symbols_from_the_seeds_are_found_and_linked() {
        // seeds/003, its notes and paragraphs 4 and 5.
        assert_eq!(cited("\\* A/66/50.\n\n\\*\\* E/2011/100."), ["A/66/50", "E/2011/100"]);
        assert_eq!(
            cited("dans son rapport daté du 13 mars 2009 sur la mise en œuvre (A/64/64-E/2009/10). Ces 10"),
            ["A/64/64", "E/2009/10"]
        );
        assert_eq!(
            cited("publié en juin 2009 (E/2009/92), qui a été complété par une mise à jour informelle (E/2010/CRP.4)."),
            ["E/2009/92", "E/2010/CRP.4"]
        );
        assert_eq!(cited("<sup>4</sup> WSIS-II/PC-3/DOC/5, document consultable sur le site"), ["WSIS-II/PC-3/DOC/5"]);
        assert_eq!(cited("the Tunis Agenda (WSIS-05/TUNIS/DOC/6(Rev.1))."), ["WSIS-05/TUNIS/DOC/6(Rev.1)"]);
        assert_eq!(cited("Recalling A/RES/67/195, paragraph 21"), ["A/RES/67/195"]);
        assert_eq!(Cited::Document("A/RES/67/195".into()).url(), "https://undocs.org/A/RES/67/195");
        assert_eq!(Cited::TunisParagraph(69).url(), "https://undocs.org/A/60/687");
    }

    #[test]
    fn resolutions_cited_by_number_get_their_symbol() {
        // seeds/003 §2, §5, §6, §37.
        assert_eq!(cited("approuvé par l'Assemblée générale dans sa résolution 60/252, a reconnu"), ["A/RES/60/252"]);
        assert_eq!(cited("Dans sa résolution 2010/2, le Conseil économique et social"), ["E/RES/2010/2"]);
        assert_eq!(cited("conformément à la résolution 57/270 B de l'Assemblée générale"), ["A/RES/57/270B"]);
        assert_eq!(cited("resolutions 56/183 and 60/252"), ["A/RES/56/183", "A/RES/60/252"]);
    }

    #[test]
    fn things_that_only_look_like_symbols_are_not_cited() {
        assert!(cited("TCP/IP and/or A/B testing on 14/12/2010, N/A, E/F").is_empty());
    }

    #[test]
    fn tunis_paragraphs_in_french_as_the_seeds_write_them() {
        // seeds/003 §6, §7, §20, §35 and seeds/004 §44.
        for (sentence, paragraph) in [
            (
                "touchant aux questions de politiques publiques internationales concernant Internet, comme il est \
              indiqué au paragraphe 35 de l'Agenda de Tunis ».",
                35,
            ),
            ("en se conformant scrupuleusement aux directives énoncées au paragraphe 71 de l'Agenda de Tunis", 71),
            ("Le paragraphe 69 de l'Agenda de Tunis souligne la nécessité de renforcer la coopération", 69),
            ("en tenant compte du paragraphe 35 de l’Agenda de Tunis, qui réaffirme les rôles", 35),
            ("ainsi qu'il est indiqué au paragraphe 72 de l'Agenda de Tunis, consistera notamment", 72),
        ] {
            assert_eq!(cited(sentence), [format!("Tunis §{paragraph}")], "{sentence}");
        }
        // seeds/003 §3: the Agenda named before its paragraphs, and a range.
        assert_eq!(
            cited(
                "Dans le cadre de l'Agenda de Tunis, et plus particulièrement des paragraphes 68 à 71, le Secrétaire"
            ),
            ["Tunis §68", "Tunis §69", "Tunis §70", "Tunis §71"]
        );
    }

    #[test]
    fn a_paragraph_of_another_document_is_not_the_tunis_agendas() {
        // seeds/004, its summary: the paragraph is the resolution's.
        let text = "Le présent rapport est soumis pour répondre à la requête formulée au paragraphe 15 de la \
                    résolution 60/252 de l'Assemblée générale. Dans l'Agenda de Tunis pour la société de \
                    l'information, le Sommet a invité le Secrétaire général.";
        assert_eq!(cited(text), ["A/RES/60/252"]);
    }

    #[test]
    fn tunis_paragraphs_in_english() {
        assert_eq!(cited("as set out in paragraph 69 of the Tunis Agenda."), ["Tunis §69"]);
        // DESIGN.md's own wording.
        assert_eq!(
            cited("international Internet public policy issues (Tunis Agenda, paragraphs 35, 69-71)."),
            ["Tunis §35", "Tunis §69", "Tunis §70", "Tunis §71"]
        );
        assert_eq!(cited("The Tunis Agenda (para. 72) created the IGF."), ["Tunis §72"]);
        assert_eq!(
            cited("Recuerda el párrafo 69 de la Agenda de Túnez y la resolución 65/141."),
            ["Tunis §69", "A/RES/65/141"]
        );
        assert_eq!(cited("Paragraphs 35 and 36 of the Geneva Declaration of Principles"), Vec::<String>::new());
        assert_eq!(cited("L'Agenda de Tunis, adopté par 35 voix"), Vec::<String>::new(), "'par' is a word");
        assert_eq!(cited("L'Agenda de Tunis (par. 35)"), ["Tunis §35"]);
        assert_eq!(cited("paragraph 500 of the Tunis Agenda"), Vec::<String>::new());
    }

    #[test]
    fn spans_point_at_the_citation() {
        let text = "See paragraph 69 of the Tunis Agenda and A/RES/67/195.";
        let found = find_citations(text);
        assert_eq!(&text[found[0].start..found[0].end], "paragraph 69");
        assert_eq!(&text[found[1].start..found[1].end], "A/RES/67/195");
    }
}

#[cfg(test)]
mod properties {
    //! Any text, and real sentences with characters changed, are read without a panic, and
    //! every citation found lies within the text and links to the UN's document system.
    use proptest::prelude::*;

    use super::*;

    const SENTENCES: [&str; 4] = [
        "Conformément aux paragraphes 68 à 71 de l'Agenda de Tunis et à la résolution 65/141",
        "As decided in A/RES/67/195 and E/2011/100, see paragraphs 35, 69-71 of the Tunis Agenda.",
        "paragraphe 15 de la résolution 60/252; WSIS-05/TUNIS/DOC/6(Rev.1), E/2010/CRP.4",
        "résolution 57/270 B, A/64/64-E/2009/10",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_text_is_read_without_a_panic(text in "\\PC{0,400}") {
            for citation in find_citations(&text) {
                prop_assert!(citation.start <= citation.end && citation.end <= text.len());
            }
            let _ = cited_in(&text);
        }

        #[test]
        fn real_sentences_with_characters_changed(sentence in 0..4usize, at in any::<usize>(), with in any::<char>()) {
            let mut chars: Vec<char> = SENTENCES[sentence].chars().collect();
            let at = at % chars.len();
            chars[at] = with;
            let text: String = chars.into_iter().collect();
            for citation in find_citations(&text) {
                prop_assert!(citation.end <= text.len() && text.is_char_boundary(citation.start));
            }
            for cited in cited_in(&text) {
                if let Cited::Document(symbol) = cited {
                    prop_assert!(document_url(&symbol).starts_with("https://undocs.org/"));
                }
            }
        }
    }
}
