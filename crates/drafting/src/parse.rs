//! The parser of a draft's plain text, in the shape of seeds/000 and seeds/002: a heading, the
//! body's author line, then sections each opened by a verb phrase on a line of its own, holding
//! paragraphs, items lettered a), b) with roman sub-items i), ii), and paragraphs quoted from
//! another document with their own numbers. The `[bookmark: …]` marks that converted Word files
//! leave are ignored; a line the parser cannot place is reported with its number, never dropped.

use crate::text::{Draft, Item, Section, roman};
use crate::verbs::section_opening;

/// The most text a draft may hold (a resolution runs to a few dozen kilobytes).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// A line the parser could not place in the structure, with its number (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    pub line: usize,
    pub text: String,
}

/// A draft parsed, and what could not be placed in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub draft: Draft,
    pub unplaced: Vec<Unplaced>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the text is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error(
        "no line opens a section (a verb phrase such as “rappelant”, “recalling”, “invite”, “invites” on a line of its own)"
    )]
    NoSection,
}

/// The text without the `[bookmark: …]` marks of converted Word files.
fn without_bookmarks(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("[bookmark:") {
        out.push_str(&rest[..at]);
        match rest[at..].find(']') {
            Some(end) => rest = &rest[at + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// An item's label and text: "b)\tque…" gives ("b", "que…").
fn item_label(line: &str) -> Option<(&str, &str)> {
    let (label, rest) = line.split_once(')')?;
    let valid = (1..=6).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_lowercase());
    (valid && rest.starts_with([' ', '\t'])).then(|| (label, rest.trim()))
}

/// A quoted paragraph's number and text: `"20\tInvite…` gives ("20", "Invite…").
fn quoted(line: &str) -> Option<(Option<String>, String)> {
    let opened = line.trim_start().strip_prefix(['"', '“', '«']);
    let body = opened.unwrap_or(line).trim_start();
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    let after = &body[digits.len()..];
    let numbered = !digits.is_empty() && digits.len() <= 4 && (after.starts_with('\t') || after.starts_with("  "));
    if !numbered && opened.is_none() {
        return None;
    }
    let text = if numbered { after.trim() } else { body.trim() };
    // The closing quote, and the punctuation of the sentence that quotes, are not the quote's.
    let text = text.trim_end_matches([',', '.']).trim_end_matches(['"', '”', '»']).trim_end();
    Some((numbered.then_some(digits), text.to_owned()))
}

/// Whether `label` is the next letter after the section's last lettered item.
fn next_letter(label: &str, letters_so_far: usize) -> bool {
    label.len() == 1 && label.as_bytes()[0] == b'a' + (letters_so_far % 26) as u8
}

/// A place and a date, as the line above a heading gives them ("Genève, 14-16 mai 2013").
fn is_place_and_date(line: &str) -> bool {
    let year =
        line.trim_end().rsplit(' ').next().is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    year && line.contains(',') && line.len() < 80
}

/// Parses a draft's plain text.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    if text.len() > MAX_BYTES {
        return Err(ParseError::TooLarge { max: MAX_BYTES });
    }
    let lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, without_bookmarks(line)))
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    let first_section =
        lines.iter().position(|(_, line)| section_opening(line).is_some()).ok_or(ParseError::NoSection)?;
    let mut draft = Draft::default();
    let mut unplaced = Vec::new();
    // The heading: a place and date, the title's lines, then the author line just above the
    // first section.
    let (head, author) = match first_section {
        0 => (&lines[..0], None),
        n => (&lines[..n - 1], Some(&lines[n - 1])),
    };
    let mut title = Vec::new();
    for (_, line) in head {
        if draft.place_and_date.is_none() && title.is_empty() && is_place_and_date(line) {
            draft.place_and_date = Some(line.trim().to_owned());
        } else {
            title.push(line.trim());
        }
    }
    draft.title = title.join(" ");
    draft.author = author.map(|(_, line)| line.trim().to_owned()).unwrap_or_default();

    for (number, line) in &lines[first_section..] {
        if let Some((kind, phrase, addressees)) = section_opening(line) {
            draft.sections.push(Section { kind, phrase, addressees, items: Vec::new() });
            continue;
        }
        let Some(section) = draft.sections.last_mut() else {
            unplaced.push(Unplaced { line: *number, text: line.trim().to_owned() });
            continue;
        };
        let trimmed = line.trim();
        let letters = section.items.iter().filter(|i| matches!(i, Item::Numbered { .. })).count();
        let last_numbered = section.items.iter_mut().rev().find(|i| matches!(i, Item::Numbered { .. }));
        if let Some((label, body)) = item_label(trimmed) {
            let sub_items = last_numbered
                .as_ref()
                .map_or(0, |i| i.children().iter().filter(|c| matches!(c, Item::Numbered { .. })).count());
            let letter = next_letter(label, letters);
            let sub_item = last_numbered.is_some() && label == roman(sub_items + 1);
            // "i)" and "v)" can be either: a sub-item when the item above has some already or
            // announces them (its text ends with a colon), the next letter otherwise.
            let announces = last_numbered.as_ref().is_some_and(|i| sub_items > 0 || i.text().trim_end().ends_with(':'));
            if sub_item && (!letter || announces) {
                if let Some(Item::Numbered { items, .. }) = last_numbered {
                    items.push(Item::Numbered { text: body.to_owned(), items: Vec::new() });
                    continue;
                }
            }
            if letter {
                section.items.push(Item::Numbered { text: body.to_owned(), items: Vec::new() });
                continue;
            }
            // A label out of sequence: the text is kept in its place, and reported.
            unplaced.push(Unplaced { line: *number, text: trimmed.to_owned() });
            continue;
        }
        if let Some((quote_number, body)) = quoted(line) {
            let quote = Item::Quoted { number: quote_number, text: body };
            match last_numbered {
                Some(Item::Numbered { items, .. }) => items.push(quote),
                _ => section.items.push(quote),
            }
            continue;
        }
        section.items.push(Item::Paragraph { text: trimmed.to_owned() });
    }
    Ok(Parsed { draft, unplaced })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::SectionKind;

    /// A seed from `../shared/seeds/`; None (skipped, said so) where it is not here, never in CI.
    fn seed(name: &str) -> Option<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds").join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(error) => {
                assert!(std::env::var_os("CI").is_none(), "{}: {error}", path.display());
                eprintln!("skipped: {} is not here", path.display());
                None
            }
        }
    }

    fn labels_and_starts(items: &[Item], depth: usize) -> Vec<(String, String)> {
        Draft::labels(items, depth)
            .into_iter()
            .map(|(label, item)| (label, item.text().chars().take(12).collect()))
            .collect()
    }

    #[test]
    fn seed_002_draft_opinion_5() {
        let Some(text) = seed("002_5a2dea2a1e850189.txt") else { return };
        let parsed = parse(&text).expect("parses");
        assert!(parsed.unplaced.is_empty(), "{:?}", parsed.unplaced);
        let draft = parsed.draft;
        assert_eq!(draft.place_and_date.as_deref(), Some("Genève, 14-16 mai 2013"));
        assert_eq!(
            draft.title,
            "PROJET D'AVIS 5: APPUYER UNE APPROCHE MULTI-PARTIES PRENANTES POUR LA GOUVERNANCE DE L'INTERNET"
        );
        assert!(draft.author.starts_with("Le cinquième Forum mondial") && draft.author.ends_with("(Genève, 2013),"));
        let phrases: Vec<(&str, SectionKind)> = draft.sections.iter().map(|s| (s.phrase.as_str(), s.kind)).collect();
        assert_eq!(
            phrases,
            [
                ("rappelant", SectionKind::Preambular),
                ("reconnaissant", SectionKind::Preambular),
                ("considérant", SectionKind::Preambular),
                ("est d'avis", SectionKind::Operative),
                ("invite", SectionKind::Operative),
            ]
        );
        let [rappelant, reconnaissant, considerant, avis, invite] = &draft.sections[..] else {
            panic!("five sections")
        };
        assert!(
            matches!(&rappelant.items[..], [Item::Paragraph { text }] if text.starts_with("que, conformément à la définition de travail")),
            "{:?}",
            rappelant.items
        );
        let lettered = labels_and_starts(&reconnaissant.items, 0);
        let labels: Vec<&str> = lettered.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["a)", "b)", "c)", "d)"]);
        assert_eq!(lettered[1].1, "que, conform");
        let sub: Vec<String> =
            Draft::labels(reconnaissant.items[1].children(), 1).into_iter().map(|(l, _)| l).collect();
        assert_eq!(sub, ["i)", "ii)", "iii)", "iv)", "v)"]);
        assert!(
            reconnaissant.items[1].children()[4].text().starts_with("les organisations internationales, elles aussi")
        );
        assert_eq!(considerant.items.len(), 1);
        assert!(matches!(&avis.items[..], [Item::Paragraph { text }] if text.starts_with("qu'il est important")));
        assert_eq!(invite.addressees.as_deref(), Some("les Etats Membres et les autres parties prenantes"));
        let labels: Vec<String> = Draft::labels(&invite.items, 0).into_iter().map(|(l, _)| l).collect();
        assert_eq!(labels, ["a)", "b)", "c)"]);
    }

    #[test]
    fn seed_000_draft_opinion_6_with_its_quoted_paragraphs() {
        let Some(text) = seed("000_48780e75494b9387.txt") else { return };
        let parsed = parse(&text).expect("parses");
        assert!(parsed.unplaced.is_empty(), "{:?}", parsed.unplaced);
        let draft = parsed.draft;
        assert_eq!(
            draft.title,
            "PROJET D'AVIS 6: Appuyer la mise en oeuvre du processus de renforcement de la coopération"
        );
        assert_eq!(draft.place_and_date, None);
        let phrases: Vec<&str> = draft.sections.iter().map(|s| s.phrase.as_str()).collect();
        assert_eq!(phrases, ["rappelant", "considérant", "reconnaissant", "notant", "est d'avis", "invite"]);
        let preambular = draft.sections.iter().filter(|s| s.kind == SectionKind::Preambular).count();
        assert_eq!(preambular, 4);
        let counts: Vec<usize> = draft.sections.iter().map(|s| Draft::labels(&s.items, 0).len()).collect();
        assert_eq!(counts, [3, 4, 0, 3, 0, 0]);
        let notant = &draft.sections[3];
        let c = notant.items.iter().filter(|i| matches!(i, Item::Numbered { .. })).nth(2).expect("c)");
        let quotes: Vec<(Option<&str>, String)> = c
            .children()
            .iter()
            .filter_map(|q| match q {
                Item::Quoted { number, text } => Some((number.as_deref(), text.chars().take(12).collect::<String>())),
                _ => None,
            })
            .collect();
        assert_eq!(quotes, [(Some("20"), "Invite le Pr".into()), (Some("21"), "Prie le Prés".into())]);
        let last = c.children()[1].text();
        assert!(last.ends_with("sur le renforcement de la coopération;"), "{last}");
        assert_eq!(draft.sections[5].addressees, None);
        assert!(
            matches!(&draft.sections[5].items[..], [Item::Paragraph { text }] if text == "toutes les parties prenantes à travailler sur ces questions.")
        );
    }

    #[test]
    fn a_draft_written_out_reads_back_the_same() {
        for name in ["000_48780e75494b9387.txt", "002_5a2dea2a1e850189.txt"] {
            let Some(text) = seed(name) else { return };
            let draft = parse(&text).expect("parses").draft;
            let again = parse(&draft.plain_text()).expect("parses again");
            assert!(again.unplaced.is_empty(), "{name}: {:?}", again.unplaced);
            assert_eq!(again.draft, draft, "{name}:\n{}", draft.plain_text());
        }
    }

    #[test]
    fn english_drafts_parse_too_and_what_cannot_be_placed_is_reported() {
        let text = "Draft resolution\nThe General Assembly,\nRecalling\nits resolution 65/141,\nInvites\nMember States\na)\tto act;\nii)\tstray;\nb)\tto report.\n";
        let parsed = parse(text).expect("parses");
        assert_eq!(parsed.draft.title, "Draft resolution");
        assert_eq!(parsed.draft.author, "The General Assembly,");
        assert_eq!(parsed.draft.sections.len(), 2);
        assert_eq!(parsed.unplaced, [Unplaced { line: 8, text: "ii)\tstray;".into() }]);
        assert_eq!(Draft::labels(&parsed.draft.sections[1].items, 0).len(), 2);
        assert_eq!(parse("no verb here\nnor here").expect_err("no section"), ParseError::NoSection);
        assert!(matches!(parse(&"x".repeat(MAX_BYTES + 1)), Err(ParseError::TooLarge { .. })));
    }

    /// Every word of a parsed text is somewhere in the result: placed, or reported.
    fn all_text(parsed: &Parsed) -> String {
        fn collect(out: &mut String, items: &[Item]) {
            for item in items {
                out.push_str(item.text());
                out.push(' ');
                if let Item::Quoted { number: Some(n), .. } = item {
                    out.push_str(n);
                    out.push(' ');
                }
                collect(out, item.children());
            }
        }
        let draft = &parsed.draft;
        let mut out = format!("{} {} {} ", draft.title, draft.place_and_date.as_deref().unwrap_or(""), draft.author);
        for section in &draft.sections {
            out += &format!("{} {} ", section.phrase, section.addressees.as_deref().unwrap_or(""));
            collect(&mut out, &section.items);
        }
        for u in &parsed.unplaced {
            out += &u.text;
            out.push(' ');
        }
        out
    }

    proptest! {
        #[test]
        fn no_line_is_dropped(lines in proptest::collection::vec(prop_oneof![
            Just("rappelant".to_owned()),
            Just("invite".to_owned()),
            "[a-e]\\)\t[a-z ]{0,20}[a-z]",
            "(i|ii|iii|iv|v)\\)\t[a-z ]{0,20}[a-z]",
            "\"?[0-9]{1,2}\t[a-z ]{0,20}[a-z]\"?,?",
            "[A-Za-z ,;.]{0,30}[a-z]",
        ], 0..30)) {
            let text = lines.join("\n");
            if let Ok(parsed) = parse(&text) {
                let found = all_text(&parsed);
                for line in &lines {
                    let last = line.split_whitespace().last().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric());
                    prop_assert!(found.contains(last), "{last:?} of {line:?} is lost: {found:?}");
                }
            }
        }
    }
}
