//! Small valid files of each format Consulta extracts text from, made on the spot, so that no
//! binary fixture needs to be kept in the repository; and decompression bombs of two formats.

use std::io::Write;

/// A one-page PDF whose page shows `text`, with a correct cross-reference table.
pub fn pdf_with_text(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 18 Tf 72 720 Td ({text}) Tj ET");
    pdf_with_content(&format!("<< /Length {} >>", content.len()), content.as_bytes())
}

/// A one-page PDF whose page's content stream is `stream` (with `dictionary`), with a correct
/// cross-reference table.
fn pdf_with_content(dictionary: &str, stream: &[u8]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let objects: [&[u8]; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        &[dictionary.as_bytes(), b"\nstream\n", stream, b"\nendstream"].concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ];
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}

fn zip_with(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        writer.start_file(*name, zip::write::SimpleFileOptions::default()).expect("entry");
        writer.write_all(content.as_bytes()).expect("write");
    }
    writer.finish().expect("zip").into_inner()
}

pub fn docx_with(paragraphs: &[&str]) -> Vec<u8> {
    let body: String =
        paragraphs.iter().map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>")).collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip_with(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", &xml)])
}

pub fn odt_with(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs.iter().map(|p| format!("<text:p>{p}</text:p>")).collect();
    let xml = format!(
        "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:automatic-styles><style:style/></office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    zip_with(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", &xml)])
}

/// Decompression bombs, for the tests that show they cannot take a server down: small files
/// that inflate to `inflated` bytes.
pub mod bombs {
    use std::io::Write;

    /// `inflated` bytes of one repeated line, written through `out` a mebibyte at a time.
    fn repeat_into(out: &mut impl Write, inflated: u64, line: &[u8]) -> std::io::Result<()> {
        let chunk: Vec<u8> = line.iter().copied().cycle().take(1 << 20).collect();
        let mut left = inflated;
        while left > 0 {
            let now = left.min(chunk.len() as u64) as usize;
            out.write_all(&chunk[..now])?;
            left -= now as u64;
        }
        Ok(())
    }

    /// A DOCX whose `word/document.xml` inflates to `inflated` bytes of text in one run.
    pub fn docx(inflated: u64) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().large_file(inflated > u32::MAX as u64);
        writer.start_file("[Content_Types].xml", options).expect("entry");
        writer.write_all(b"<Types/>").expect("write");
        writer.start_file("word/document.xml", options).expect("entry");
        writer.write_all(b"<w:document><w:body><w:p><w:r><w:t>").expect("write");
        repeat_into(&mut writer, inflated, b"bomb ").expect("write");
        writer.write_all(b"</w:t></w:r></w:p></w:body></w:document>").expect("write");
        writer.finish().expect("zip").into_inner()
    }

    /// A PDF whose page's FlateDecode content stream inflates to `inflated` bytes.
    pub fn pdf(inflated: u64) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        repeat_into(&mut encoder, inflated, b"BT /F1 1 Tf (bomb) Tj ET\n").expect("compress");
        let stream = encoder.finish().expect("compress");
        super::pdf_with_content(&format!("<< /Length {} /Filter /FlateDecode >>", stream.len()), &stream)
    }
}
