//! Extraction from real files of each format, made here.

use super::*;

use crate::samples::{docx_with, odt_with, pdf_with_text};

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
    let bomb = crate::samples::bombs::docx(MAX_XML_BYTES + (1 << 20));
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let refused = extract(Kind::Docx, &bomb);
    assert!(
        matches!(&refused, Err(ExtractError::Limit(reason)) if reason.contains("word/document.xml")),
        "{refused:?}"
    );
}
