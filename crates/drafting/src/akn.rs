//! A draft as Akoma Ntoso 3.0 (OASIS LegalDocML), the XML parliaments and the UN exchange texts
//! in: a `statement` whose preface holds the place and date, the title and the author line; the
//! preamble one `container` a preambular section; the main body one `hcontainer` an operative
//! one; items as `blockList`/`item` with their derived labels in `num`; quoted paragraphs as
//! `mod`/`quotedStructure`. Reading it back gives the same draft (labels are derived again).
//! An amendment is an Akoma Ntoso `amendment` document referring to the draft's expression.

use std::io::Cursor;

use quick_xml::Writer;
use quick_xml::events::BytesText;

use crate::amend::{Amendment, Change};
use crate::text::{Draft, Item, Numbering, Section, SectionKind};

const NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The most nodes a document read back may hold (a resolution has a few thousand).
const MAX_NODES: u32 = 200_000;

/// What names the draft in the document's identification.
#[derive(Debug, Clone, Copy)]
pub struct Identity<'a> {
    pub symbol: &'a str,
    /// BCP 47 (en, fr, …), written as ISO 639-2 as Akoma Ntoso wants.
    pub language: &'a str,
    /// YYYY-MM-DD.
    pub date: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AknError {
    #[error("the document is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error("not well-formed XML: {0}")]
    Xml(String),
    #[error("not an Akoma Ntoso statement (no akomaNtoso/statement element)")]
    NotAkomaNtoso,
}

/// ISO 639-2 codes of the UN languages; another tag passes as it is.
fn iso_639_2(language: &str) -> &str {
    match language.split(['-', '_']).next().unwrap_or(language) {
        "en" => "eng",
        "fr" => "fra",
        "es" => "spa",
        "ru" => "rus",
        "ar" => "ara",
        "zh" => "zho",
        other => other,
    }
}

/// A symbol as a component of an Akoma Ntoso name ("WTPF-13/6" gives "WTPF-13-6").
fn uri_part(symbol: &str) -> String {
    symbol.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '-' }).collect()
}

type W = Writer<Cursor<Vec<u8>>>;

fn text_element(w: &mut W, name: &str, class: Option<&str>, text: &str) -> std::io::Result<()> {
    let element = w.create_element(name);
    let element = match class {
        Some(class) => element.with_attribute(("class", class)),
        None => element,
    };
    element.write_text_content(BytesText::new(text))?;
    Ok(())
}

fn empty(w: &mut W, name: &str, attributes: &[(&str, &str)]) -> std::io::Result<()> {
    w.create_element(name).with_attributes(attributes.iter().copied()).write_empty()?;
    Ok(())
}

/// The draft's work and expression: its name in Akoma Ntoso's naming convention.
fn draft_uris(identity: &Identity<'_>) -> (String, String) {
    let work = format!("/akn/un/statement/draft/{}/{}", identity.date, uri_part(identity.symbol));
    let expression = format!("{work}/{}@", iso_639_2(identity.language));
    (work, expression)
}

fn identification(w: &mut W, identity: &Identity<'_>) -> std::io::Result<()> {
    let (work, expression) = draft_uris(identity);
    identification_of(w, &work, &expression, identity)
}

/// The FRBR identification of a work and its expression, and the references it names.
fn identification_of(w: &mut W, work: &str, expression: &str, identity: &Identity<'_>) -> std::io::Result<()> {
    let (work, expression) = (work.to_owned(), expression.to_owned());
    let dated = [("date", identity.date), ("name", "generation")];
    w.create_element("identification").with_attribute(("source", "#consulta")).write_inner_content(|w| {
        w.create_element("FRBRWork").write_inner_content(|w| {
            empty(w, "FRBRthis", &[("value", &format!("{work}/!main"))])?;
            empty(w, "FRBRuri", &[("value", &work)])?;
            empty(w, "FRBRdate", &dated)?;
            empty(w, "FRBRauthor", &[("href", "#consulta")])?;
            empty(w, "FRBRcountry", &[("value", "un")])
        })?;
        w.create_element("FRBRExpression").write_inner_content(|w| {
            empty(w, "FRBRthis", &[("value", &format!("{expression}/!main"))])?;
            empty(w, "FRBRuri", &[("value", &expression)])?;
            empty(w, "FRBRdate", &dated)?;
            empty(w, "FRBRauthor", &[("href", "#consulta")])?;
            empty(w, "FRBRlanguage", &[("language", iso_639_2(identity.language))])
        })?;
        w.create_element("FRBRManifestation").write_inner_content(|w| {
            empty(w, "FRBRthis", &[("value", &format!("{expression}/!main.xml"))])?;
            empty(w, "FRBRuri", &[("value", &format!("{expression}.akn"))])?;
            empty(w, "FRBRdate", &dated)?;
            empty(w, "FRBRauthor", &[("href", "#consulta")])
        })?;
        Ok(())
    })?;
    Ok(())
}

/// The references a document names: Consulta, which writes it, and the proposer of an amendment.
fn references(w: &mut W, proposer: Option<&str>) -> std::io::Result<()> {
    w.create_element("references").with_attribute(("source", "#consulta")).write_inner_content(|w| {
        empty(
            w,
            "TLCOrganization",
            &[("eId", "consulta"), ("href", "/ontology/organization/consulta"), ("showAs", "Consulta")],
        )?;
        if let Some(proposer) = proposer {
            let href = format!("/ontology/organization/{}", uri_part(proposer));
            empty(w, "TLCOrganization", &[("eId", "proposer"), ("href", &href), ("showAs", proposer)])?;
        }
        Ok(())
    })?;
    Ok(())
}

/// A quoted paragraph: its own number and text, inside a `mod` of a `p`.
fn quote(w: &mut W, id: &str, number: Option<&str>, text: &str) -> std::io::Result<()> {
    w.create_element("p").write_inner_content(|w| {
        w.create_element("mod").with_attribute(("eId", id)).write_inner_content(|w| {
            let structure = format!("{id}__qstr_1");
            w.create_element("quotedStructure").with_attribute(("eId", structure.as_str())).write_inner_content(
                |w| {
                    let paragraph = format!("{structure}__para_1");
                    w.create_element("paragraph").with_attribute(("eId", paragraph.as_str())).write_inner_content(
                        |w| {
                            if let Some(number) = number {
                                text_element(w, "num", None, number)?;
                            }
                            w.create_element("content").write_inner_content(|w| text_element(w, "p", None, text))?;
                            Ok(())
                        },
                    )?;
                    Ok(())
                },
            )?;
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

/// A run of items: paragraphs, numbered items grouped in block lists, quotes.
fn blocks(w: &mut W, items: &[Item], depth: usize, id: &str) -> std::io::Result<()> {
    let numbering = Numbering::at_depth(depth);
    let (mut position, mut lists, mut quotes) = (0, 0, 0);
    let mut at = 0;
    while at < items.len() {
        match &items[at] {
            Item::Paragraph { text } => {
                text_element(w, "p", None, text)?;
                at += 1;
            }
            Item::Quoted { number, text } => {
                quotes += 1;
                quote(w, &format!("{id}__mod_{quotes}"), number.as_deref(), text)?;
                at += 1;
            }
            Item::Numbered { .. } => {
                lists += 1;
                let list = format!("{id}__list_{lists}");
                let run = items[at..].iter().take_while(|i| matches!(i, Item::Numbered { .. })).count();
                w.create_element("blockList").with_attribute(("eId", list.as_str())).write_inner_content(|w| {
                    for item in &items[at..at + run] {
                        let Item::Numbered { text, items: children } = item else { continue };
                        let label = numbering.label(position);
                        position += 1;
                        let item_id = format!("{list}__item_{}", label.trim_end_matches([')', '.']));
                        w.create_element("item").with_attribute(("eId", item_id.as_str())).write_inner_content(
                            |w| {
                                text_element(w, "num", None, &label)?;
                                text_element(w, "p", None, text)?;
                                blocks(w, children, depth + 1, &item_id)
                            },
                        )?;
                    }
                    Ok(())
                })?;
                at += run;
            }
        }
    }
    Ok(())
}

/// A section's verb phrase (in italics, as drafts set it) and its addressees, then its items.
fn section_body(w: &mut W, section: &Section, id: &str) -> std::io::Result<()> {
    w.create_element("p")
        .with_attribute(("class", "phrase"))
        .write_inner_content(|w| text_element(w, "i", None, &section.phrase))?;
    if let Some(addressees) = &section.addressees {
        text_element(w, "p", Some("addressees"), addressees)?;
    }
    blocks(w, &section.items, 0, id)
}

fn statement(w: &mut W, draft: &Draft, identity: &Identity<'_>) -> std::io::Result<()> {
    w.create_element("meta").write_inner_content(|w| {
        identification(w, identity)?;
        references(w, None)
    })?;
    w.create_element("preface").write_inner_content(|w| {
        if let Some(place) = &draft.place_and_date {
            text_element(w, "p", Some("place"), place)?;
        }
        w.create_element("longTitle").write_inner_content(|w| text_element(w, "p", None, &draft.title))?;
        text_element(w, "p", Some("author"), &draft.author)
    })?;
    let numbered: Vec<(usize, &Section)> = draft.sections.iter().enumerate().map(|(i, s)| (i + 1, s)).collect();
    let preambular: Vec<_> = numbered.iter().filter(|(_, s)| s.kind == SectionKind::Preambular).collect();
    if !preambular.is_empty() {
        w.create_element("preamble").write_inner_content(|w| {
            for (n, section) in &preambular {
                let id = format!("preamble__sec_{n}");
                w.create_element("container")
                    .with_attributes([("name", "preambularSection"), ("eId", id.as_str())])
                    .write_inner_content(|w| section_body(w, section, &id))?;
            }
            Ok(())
        })?;
    }
    w.create_element("mainBody").write_inner_content(|w| {
        for (n, section) in numbered.iter().filter(|(_, s)| s.kind == SectionKind::Operative) {
            let id = format!("sec_{n}");
            w.create_element("hcontainer")
                .with_attributes([("name", "operativeSection"), ("eId", id.as_str())])
                .write_inner_content(|w| {
                    w.create_element("content").write_inner_content(|w| section_body(w, section, &id)).map(|_| ())
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The draft as an Akoma Ntoso document.
pub fn to_akn(draft: &Draft, identity: &Identity<'_>) -> String {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    let written: std::io::Result<()> = (|| {
        w.write_event(quick_xml::events::Event::Decl(quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("akomaNtoso").with_attribute(("xmlns", NAMESPACE)).write_inner_content(|w| {
            w.create_element("statement")
                .with_attribute(("name", "draft"))
                .write_inner_content(|w| statement(w, draft, identity))?;
            Ok(())
        })?;
        Ok(())
    })();
    // Writing into memory fails only on a bug of the writer itself.
    debug_assert!(written.is_ok(), "{written:?}");
    String::from_utf8(w.into_inner().into_inner()).unwrap_or_default() + "\n"
}

/// An amendment as Akoma Ntoso names and shows it: the draft it amends (the revision it was
/// proposed to), its number, who proposed it, and the reader's words for its heading.
#[derive(Debug, Clone, Copy)]
pub struct AmendmentDocument<'a> {
    /// The amended draft's revision.
    pub draft: Identity<'a>,
    pub number: u32,
    /// YYYY-MM-DD, when it was proposed.
    pub date: &'a str,
    /// "Amendment 3 to WTPF-13/6, proposed by …".
    pub heading: &'a str,
    pub proposer: Option<&'a str>,
    pub amendment: &'a Amendment,
    pub justification: &'a str,
}

/// An amendment as an Akoma Ntoso `amendment` document: the heading; the reference to the draft
/// and the place in it; the change as a `mod` whose quoted texts are classed `replaced` and
/// `replacement`, `deleted`, or `inserted`; and the justification.
pub fn amendment_to_akn(document: &AmendmentDocument<'_>) -> String {
    let (_, draft_expression) = draft_uris(&document.draft);
    let work = format!(
        "/akn/un/amendment/{}/{}-amendment-{}",
        document.date,
        uri_part(document.draft.symbol),
        document.number
    );
    let expression = format!("{work}/{}@", iso_639_2(document.draft.language));
    let identity = Identity { date: document.date, ..document.draft };
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    let written: std::io::Result<()> = (|| {
        w.write_event(quick_xml::events::Event::Decl(quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("akomaNtoso").with_attribute(("xmlns", NAMESPACE)).write_inner_content(|w| {
            w.create_element("amendment").with_attribute(("name", "amendment")).write_inner_content(|w| {
                w.create_element("meta").write_inner_content(|w| {
                    identification_of(w, &work, &expression, &identity)?;
                    references(w, document.proposer)
                })?;
                w.create_element("amendmentBody")
                    .write_inner_content(|w| amendment_body(w, document, &draft_expression))?;
                Ok(())
            })?;
            Ok(())
        })?;
        Ok(())
    })();
    debug_assert!(written.is_ok(), "{written:?}");
    String::from_utf8(w.into_inner().into_inner()).unwrap_or_default() + "\n"
}

fn amendment_body(w: &mut W, document: &AmendmentDocument<'_>, draft_expression: &str) -> std::io::Result<()> {
    w.create_element("amendmentHeading").write_inner_content(|w| text_element(w, "p", None, document.heading))?;
    w.create_element("amendmentReference").write_inner_content(|w| {
        w.create_element("p").write_inner_content(|w| {
            w.create_element("ref")
                .with_attributes([("eId", "ref_1"), ("href", draft_expression)])
                .write_text_content(BytesText::new(document.draft.symbol))?;
            w.write_event(quick_xml::events::Event::Text(BytesText::new(" ")))?;
            text_element(w, "span", Some("place"), &document.amendment.place.to_string())
        })?;
        Ok(())
    })?;
    w.create_element("amendmentContent").write_inner_content(|w| {
        w.create_element("p").write_inner_content(|w| {
            w.create_element("mod").with_attribute(("eId", "mod_1")).write_inner_content(|w| {
                let quoted = |w: &mut W, n: u32, class: &str, text: &str| -> std::io::Result<()> {
                    let id = format!("mod_1__qtext_{n}");
                    w.create_element("quotedText")
                        .with_attributes([("eId", id.as_str()), ("class", class)])
                        .write_text_content(BytesText::new(text))?;
                    Ok(())
                };
                match &document.amendment.change {
                    Change::Replace { from, to } => {
                        quoted(w, 1, "replaced", from)?;
                        quoted(w, 2, "replacement", to)
                    }
                    Change::Delete => quoted(w, 1, "deleted", &document.amendment.place.to_string()),
                    Change::InsertAfter { text } => quoted(w, 1, "inserted", text),
                }
            })?;
            Ok(())
        })?;
        Ok(())
    })?;
    if !document.justification.is_empty() {
        w.create_element("amendmentJustification")
            .write_inner_content(|w| text_element(w, "p", None, document.justification))?;
    }
    Ok(())
}

fn is(node: &roxmltree::Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(NAMESPACE)
}

fn child<'a, 'input: 'a>(node: roxmltree::Node<'a, 'input>, name: &str) -> Option<roxmltree::Node<'a, 'input>> {
    node.children().find(|c| is(c, name))
}

/// An element's text, its descendants' included, its whitespace as written in the draft.
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect::<String>().trim().to_owned()
}

/// The items a container's (or an item's) children hold.
fn items_of(children: &[roxmltree::Node<'_, '_>]) -> Vec<Item> {
    let mut items = Vec::new();
    for node in children.iter().copied().filter(|n| n.is_element()) {
        if is(&node, "p") {
            let class = node.attribute("class");
            if class == Some("phrase") || class == Some("addressees") {
                continue;
            }
            match node.descendants().find(|n| is(n, "quotedStructure")) {
                Some(structure) => {
                    let paragraph = structure.descendants().find(|n| is(n, "paragraph"));
                    let number = paragraph.and_then(|p| child(p, "num")).map(text_of);
                    let text = paragraph.and_then(|p| child(p, "content")).map(text_of).unwrap_or_default();
                    items.push(Item::Quoted { number, text });
                }
                None => items.push(Item::Paragraph { text: text_of(node) }),
            }
        } else if is(&node, "blockList") {
            for item in node.children().filter(|n| is(n, "item")) {
                let text = child(item, "p").map(text_of).unwrap_or_default();
                // The item's own paragraph is its first; what follows it is its sub-items and quotes.
                let rest: Vec<_> =
                    item.children().filter(|n| n.is_element()).skip_while(|n| !is(n, "p")).skip(1).collect();
                items.push(Item::Numbered { text, items: items_of(&rest) });
            }
        }
    }
    items
}

fn section_of(node: roxmltree::Node<'_, '_>, kind: SectionKind) -> Section {
    let body = if kind == SectionKind::Operative { child(node, "content").unwrap_or(node) } else { node };
    let paragraph = |class: &str| body.children().find(|c| is(c, "p") && c.attribute("class") == Some(class));
    Section {
        kind,
        phrase: paragraph("phrase").map(text_of).unwrap_or_default(),
        addressees: paragraph("addressees").map(text_of),
        items: items_of(&body.children().collect::<Vec<_>>()),
    }
}

/// A draft read from an Akoma Ntoso document written as `to_akn` writes it.
pub fn from_akn(xml: &str) -> Result<Draft, AknError> {
    if xml.len() > crate::parse::MAX_BYTES * 4 {
        return Err(AknError::TooLarge { max: crate::parse::MAX_BYTES * 4 });
    }
    let options =
        roxmltree::ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES, ..roxmltree::ParsingOptions::default() };
    let document = roxmltree::Document::parse_with_options(xml, options).map_err(|e| AknError::Xml(e.to_string()))?;
    let root = document.root_element();
    if !is(&root, "akomaNtoso") {
        return Err(AknError::NotAkomaNtoso);
    }
    let statement = child(root, "statement").ok_or(AknError::NotAkomaNtoso)?;
    let mut draft = Draft::default();
    if let Some(preface) = child(statement, "preface") {
        let classed = |class: &str| preface.children().find(|c| is(c, "p") && c.attribute("class") == Some(class));
        draft.place_and_date = classed("place").map(text_of);
        draft.author = classed("author").map(text_of).unwrap_or_default();
        draft.title = child(preface, "longTitle").map(text_of).unwrap_or_default();
    }
    if let Some(preamble) = child(statement, "preamble") {
        for container in preamble.children().filter(|c| is(c, "container")) {
            draft.sections.push(section_of(container, SectionKind::Preambular));
        }
    }
    if let Some(body) = child(statement, "mainBody") {
        for container in body.children().filter(|c| is(c, "hcontainer")) {
            draft.sections.push(section_of(container, SectionKind::Operative));
        }
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Draft {
        crate::parse(
            "Genève, 1 mai 2013\nDraft & opinion <5>\nThe Forum,\nrecalling\nthat \"quotes\" & signs stay;\nnoting\na)\tfirst;\nb)\tsecond:\ni)\tone;\nii)\ttwo;\n\t\"20\tInvites the Chair;\"\ninvites Member States\na)\tto act.\n",
        )
        .expect("parses")
        .draft
    }

    #[test]
    fn a_draft_reads_back_from_its_akoma_ntoso() {
        let draft = sample();
        let xml = to_akn(&draft, &Identity { symbol: "EX/5", language: "fr", date: "2026-12-02" });
        assert!(
            xml.contains("<FRBRlanguage language=\"fra\"/>") && xml.contains("/akn/un/statement/draft/2026-12-02/EX-5"),
            "{xml}"
        );
        assert!(xml.contains("<num>ii)</num>") && xml.contains("Draft &amp; opinion &lt;5&gt;"), "{xml}");
        assert_eq!(from_akn(&xml).expect("reads"), draft);
    }

    #[test]
    fn what_is_not_akoma_ntoso_is_refused() {
        assert!(matches!(from_akn("<html/>"), Err(AknError::NotAkomaNtoso)));
        assert!(matches!(from_akn("<akomaNtoso"), Err(AknError::Xml(_))));
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"xx\">]><akomaNtoso/>";
        assert!(matches!(from_akn(bomb), Err(AknError::Xml(_))), "no DTD");
    }
}
