//! Extraction from real files of each format, made here.

use super::*;

use consulta_testkit::samples::{docx_with, odt_with, pdf_with_text};

#[test]
fn pdf_text_is_extracted() {
    let pdf = pdf_with_text("Enhanced cooperation on Internet governance");
    assert_eq!(kind(&pdf, "application/pdf", "views.pdf"), Some(Kind::Pdf));
    let text = extract(Kind::Pdf, &pdf).expect("text");
    assert!(text.contains("Enhanced cooperation on Internet governance"), "{text:?}");
}

#[test]
fn docx_and_odt_text_is_extracted_with_entities() {
    let docx = docx_with(&["Renforcer la coop&#233;ration", "Tom &amp; Jerry"]);
    assert_eq!(kind(&docx, "", "annex.docx"), Some(Kind::Docx));
    assert_eq!(kind(&docx, "application/octet-stream", "annex"), Some(Kind::Docx), "found from inside the zip");
    assert_eq!(extract(Kind::Docx, &docx), Ok("Renforcer la coopération\nTom & Jerry".to_owned()));
    let odt = odt_with(&["Multilinguisme", "l&apos;accès"]);
    assert_eq!(kind(&odt, "application/vnd.oasis.opendocument.text", "a.odt"), Some(Kind::Odt));
    assert_eq!(extract(Kind::Odt, &odt), Ok("Multilinguisme\nl'accès".to_owned()));
}

#[test]
fn html_text_leaves_scripts_and_styles_out() {
    let html = "<html><head><style>p{color:red}</style><script>alert('x')</script></head>\
                <body><h1>Titre</h1><p>Coop&eacute;ration &laquo;renforc&eacute;e&raquo;</p><!-- note --></body></html>";
    assert_eq!(kind(html.as_bytes(), "text/html", "page.html"), Some(Kind::Html));
    assert_eq!(extract(Kind::Html, html.as_bytes()), Ok("Titre\n\nCoopération «renforcée»".to_owned()));
}

#[test]
fn plain_text_in_several_encodings() {
    assert_eq!(extract(Kind::Text, "\u{feff}Accès".as_bytes()), Ok("Accès".to_owned()));
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("Accès".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert_eq!(extract(Kind::Text, &utf16), Ok("Accès".to_owned()));
    assert_eq!(extract(Kind::Text, b"Acc\xe8s"), Ok("Accès".to_owned()), "Latin-1");
}

#[test]
fn damaged_and_unknown_files_are_said_so() {
    assert!(matches!(extract(Kind::Pdf, b"%PDF-1.4 this is not a PDF"), Err(ExtractError::Damaged(_))));
    assert!(matches!(extract(Kind::Docx, b"PK\x03\x04 not a zip"), Err(ExtractError::Damaged(_))));
    assert_eq!(kind(b"\x89PNG\r\n\x1a\n", "image/png", "chart.png"), None);
}

#[test]
fn a_zipped_document_is_read_no_further_than_its_limit() {
    let bomb = consulta_testkit::samples::bombs::docx(MAX_XML_BYTES + (1 << 20));
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let refused = extract(Kind::Docx, &bomb);
    assert!(
        matches!(&refused, Err(ExtractError::Limit(reason)) if reason.contains("word/document.xml")),
        "{refused:?}"
    );
}

#[test]
fn an_unclosed_tag_at_the_end_of_markup_is_read() {
    // Found by the property tests: the end of an unclosed tag fell inside a character.
    assert_eq!(extract(Kind::Html, "Texte </sc1ip\u{c2}\u{f0}".as_bytes()), Ok("Texte".to_owned()));
    assert_eq!(extract(Kind::Html, b"<"), Ok(String::new()));
}

mod properties {
    //! Any bytes, and real files with bytes changed, are extracted or refused, never a panic,
    //! and never more text than the limit.
    use proptest::prelude::*;

    use super::*;

    const KINDS: [Kind; 5] = [Kind::Pdf, Kind::Docx, Kind::Odt, Kind::Html, Kind::Text];

    fn real_files() -> Vec<(Kind, Vec<u8>)> {
        vec![
            (Kind::Pdf, pdf_with_text("Enhanced cooperation")),
            (Kind::Docx, docx_with(&["Renforcer la coop&#233;ration"])),
            (Kind::Odt, odt_with(&["Multilinguisme"])),
            (Kind::Html, b"<p>Acc&egrave;s <b>abordable</b></p><script>x()</script>".to_vec()),
            (Kind::Text, "S\u{e9}curit\u{e9}".as_bytes().to_vec()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_bytes_are_extracted_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..2048), kind in 0..5usize) {
            if let Ok(text) = extract(KINDS[kind], &bytes) {
                prop_assert!(text.len() <= MAX_TEXT_BYTES);
            }
        }

        #[test]
        fn real_files_with_bytes_changed_are_extracted_or_refused(
            file in 0..5usize,
            changes in prop::collection::vec((any::<usize>(), any::<u8>()), 1..24),
        ) {
            let (kind, mut bytes) = real_files().swap_remove(file);
            for (at, value) in changes {
                let at = at % bytes.len();
                bytes[at] = value;
            }
            if let Ok(text) = extract(kind, &bytes) {
                prop_assert!(text.len() <= MAX_TEXT_BYTES);
            }
        }
    }
}
