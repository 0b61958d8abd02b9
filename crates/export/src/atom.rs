//! The Atom feed (RFC 4287) of a consultation's newest published contributions.

use std::fmt::Write as _;

use consulta_core::Consultation;
use consulta_core::markup::escape_xml;
use consulta_store::Store;

use crate::Result;

/// How many contributions the feed holds.
const ENTRIES: u64 = 50;
/// How much of a contribution's text an entry's summary gives, in characters.
const SUMMARY_CHARS: usize = 600;

/// The feed of `consultation`, newest first; `base_url` (such as https://consulta.example.org)
/// makes its addresses absolute, as Atom identifiers must be.
pub fn atom_feed(store: &dyn Store, consultation: &Consultation, base_url: &str) -> Result<String> {
    let base = escape_xml(base_url.trim_end_matches('/'));
    let slug = consultation.record.slug.as_str();
    let language = consultation.record.original_language.primary();
    let newest = store.newest_contributions(consultation.id, ENTRIES)?;
    let published: Vec<_> = newest.iter().filter(|c| !c.withheld).collect();
    let updated = published.first().map_or(consultation.record.period.opens(), |c| c.submitted_at);

    let mut xml = String::with_capacity(4096);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <id>{base}/consultations/{slug}</id>\n<title>{}</title>\n<updated>{}</updated>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}/consultations/{slug}/feed.atom\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{base}/consultations/{slug}\"/>\n\
         <generator>Consulta</generator>\n",
        escape_xml(language),
        escape_xml(consultation.record.title.get(language, language)),
        updated,
    );
    for summary in published {
        let Some(record) = store.canonical_record(summary.id)? else { continue };
        let text: String = record.body.chars().take(SUMMARY_CHARS).collect();
        let ellipsis = if record.body.chars().count() > SUMMARY_CHARS { "…" } else { "" };
        let _ = write!(
            xml,
            "<entry xml:lang=\"{lang}\">\n<id>{base}/contributions/{id}</id>\n<title>{title}</title>\n\
             <updated>{at}</updated>\n<published>{at}</published>\n<author><name>{entity}</name></author>\n\
             <category term=\"{group}\"/>\n<category term=\"{channel}\"/>\n{identity}\
             <link rel=\"alternate\" type=\"text/html\" href=\"{base}/contributions/{id}\"/>\n\
             <summary>{text}{ellipsis}</summary>\n</entry>\n",
            lang = escape_xml(&record.language),
            id = summary.id.0,
            title = escape_xml(&record.title),
            at = record.submitted_at,
            entity = escape_xml(&record.entity),
            group = escape_xml(&record.stakeholder_group),
            channel = escape_xml(&record.channel),
            identity = if summary.unverified { "<category term=\"identity:unverified\"/>\n" } else { "" },
            text = escape_xml(&text),
        );
    }
    xml.push_str("</feed>\n");
    Ok(xml)
}
