//! The report as a Word document (Office Open XML, ECMA-376), written by hand: the parts a
//! WordprocessingML package needs, its styles (Times New Roman, numbered paragraphs with a
//! hanging number as in UN documents), tables, links, and bar charts drawn with shaded runs. Each
//! paragraph says its direction (`w:bidi` where it reads right to left) and each run of Arabic
//! script is marked `w:rtl`, under the document's languages (`w:lang`: its own, Arabic for
//! complex scripts, Chinese for East Asian text), so that Word and LibreOffice set them right.

use std::io::{Seek, Write};

use consulta_core::markup::escape_xml;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use crate::document::{Block, Chart, Document, GROUP_COLOURS, OpinionMap, Span, Table};

/// The width of the text on an A4 page with 2.54 cm margins, in twentieths of a point.
const TEXT_WIDTH: u64 = 11906 - 2 * 1440;
const ACCENT: &str = "0B4F8A";

/// Writes the report as a `.docx` file.
pub fn write<W: Write + Seek>(document: &Document, out: W) -> zip::result::ZipResult<W> {
    let rtl = consulta_i18n::direction_of(&document.language) == "rtl";
    let mut body = String::new();
    let mut links: Vec<String> = Vec::new();
    let front = &document.front;
    if !front.organs.is_empty() || front.symbol.is_some() {
        // The organs on the left, the symbol on a right tab stop, ruled beneath.
        let organs: Vec<String> = front.organs.iter().map(|o| run(o, "<w:b/><w:sz w:val=\"24\"/>")).collect();
        body += &format!(
            "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"4\" w:color=\"000000\"/></w:pBdr>\
             <w:tabs><w:tab w:val=\"right\" w:pos=\"{TEXT_WIDTH}\"/></w:tabs>{}</w:pPr>{}{}</w:p>",
            bidi_if(rtl),
            organs.join("<w:r><w:br/></w:r>"),
            front.symbol.as_deref().map(|s| run(&format!("\t{s}"), "<w:sz w:val=\"24\"/>")).unwrap_or_default()
        );
    }
    for (i, line) in document.masthead.iter().enumerate() {
        let border = if i + 1 == document.masthead.len() {
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"000000\"/></w:pBdr>"
        } else {
            ""
        };
        // The masthead stands at the end of the page in the document's own direction.
        body += &format!("<w:p><w:pPr>{border}{}<w:jc w:val=\"end\"/></w:pPr>{}</w:p>", bidi_if(rtl), run(line, ""));
    }
    for lines in &front.addressees {
        let runs: Vec<String> =
            lines.iter().enumerate().map(|(i, line)| run(line, if i == 0 { "<w:b/>" } else { "" })).collect();
        body += &format!(
            "<w:p><w:pPr><w:spacing w:after=\"120\"/>{}</w:pPr>{}</w:p>",
            bidi(&lines.concat(), rtl),
            runs.join("<w:r><w:br/></w:r>")
        );
    }
    body += &paragraph("Title", &[Span::Text(document.title.clone())], &mut links, rtl);
    body += &paragraph("Subtitle", &[Span::Text(document.subtitle.clone())], &mut links, rtl);
    if !front.summary.is_empty() {
        body += &format!(
            "<w:p><w:pPr><w:keepNext/>{}<w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
            bidi_if(rtl),
            run(&front.summary_heading, "<w:i/><w:sz w:val=\"24\"/>")
        );
        for paragraph_text in &front.summary {
            body += &paragraph("Plain", &[Span::Text(paragraph_text.clone())], &mut links, rtl);
        }
    }
    for block in &document.blocks {
        match block {
            Block::Heading(text) => body += &paragraph("Heading1", &[Span::Text(text.clone())], &mut links, rtl),
            Block::Paragraph { number: Some(n), spans } => {
                let mut spans = spans.clone();
                spans.insert(0, Span::Text(format!("{n}.\t")));
                body += &paragraph("Numbered", &spans, &mut links, rtl);
            }
            Block::Paragraph { number: None, spans } => body += &paragraph("Plain", spans, &mut links, rtl),
            Block::Table(table) => body += &table_xml(table, rtl),
            Block::Chart(chart) => body += &chart_xml(chart, rtl),
            Block::Map(map) => body += &map_xml(map, rtl),
            Block::Phrase { phrase, rest } => {
                let rest = rest.as_deref().map(|r| run(&format!(" {r}"), "")).unwrap_or_default();
                body += &format!(
                    "<w:p><w:pPr><w:keepNext/>{}</w:pPr>{}{rest}</w:p>",
                    bidi(phrase, rtl),
                    run(phrase, "<w:i/>")
                );
            }
            Block::Item { label, depth, spans } => {
                // The label hangs at the item's depth, the text at the next tab stop.
                let start = 567 * (*depth as u64 + 1);
                let mut spans = spans.clone();
                if let Some(label) = label {
                    spans.insert(0, Span::Text(format!("{label}\t")));
                }
                let text: String = spans.iter().map(Span::text).collect();
                let mut runs = paragraph("Plain", &spans, &mut links, rtl);
                runs = runs.replacen(
                    "<w:pStyle w:val=\"Plain\"/>",
                    &format!("<w:pStyle w:val=\"Plain\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"{start}\"/></w:tabs><w:ind w:start=\"{start}\" w:hanging=\"567\"/>{}", bidi(&text, rtl).replace("<w:bidi/>", "")),
                    1,
                );
                body += &runs;
            }
        }
    }
    let document_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" \
         w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>{}</w:sectPr></w:body></w:document>",
        bidi_if(rtl)
    );
    let mut relationships = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    );
    for (i, url) in links.iter().enumerate() {
        relationships += &format!(
            "<Relationship Id=\"rIdLink{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" \
             Target=\"{}\" TargetMode=\"External\"/>",
            escape_xml(url)
        );
    }
    relationships += "</Relationships>";

    let mut zip = ZipWriter::new(out);
    let options = SimpleFileOptions::default();
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS.to_owned()),
        ("docProps/core.xml", core_properties(document)),
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", relationships),
        ("word/styles.xml", styles(&document.language)),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(content.as_bytes())?;
    }
    zip.finish()
}

/// `<w:bidi/>` for a paragraph of `text` that reads right to left: by its first letter, as
/// `dir="auto"` decides, the document's direction when it has none.
fn bidi(text: &str, document_rtl: bool) -> &'static str {
    bidi_if(crate::document::reads_right_to_left(text, document_rtl))
}

fn bidi_if(rtl: bool) -> &'static str {
    if rtl { "<w:bidi/>" } else { "" }
}

/// Whether a character is of a right-to-left script (Hebrew, Arabic, Syriac, Thaana…).
fn right_to_left_script(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A run of text, split where the script changes direction so that each run of Arabic script is
/// marked `w:rtl` (characters every script shares go with the run they are in).
fn run(text: &str, properties: &str) -> String {
    let mut out = String::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (at, c) in text.char_indices() {
        let rtl = if right_to_left_script(c) {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        if let (Some(rtl), Some(now)) = (rtl, current) {
            if rtl != now {
                out += &one_direction_run(&text[start..at], properties, now);
                start = at;
            }
        }
        current = rtl.or(current);
    }
    out + &one_direction_run(&text[start..], properties, current == Some(true))
}

/// A run in one direction; tabs become tab elements.
fn one_direction_run(text: &str, properties: &str, rtl: bool) -> String {
    let properties = match (properties.is_empty(), rtl) {
        (true, false) => String::new(),
        (_, true) => format!("<w:rPr>{properties}<w:rtl/></w:rPr>"),
        (false, false) => format!("<w:rPr>{properties}</w:rPr>"),
    };
    text.split('\t')
        .enumerate()
        .map(|(i, part)| {
            let tab = if i > 0 { format!("<w:r>{properties}<w:tab/></w:r>") } else { String::new() };
            let text = if part.is_empty() {
                String::new()
            } else {
                format!("<w:r>{properties}<w:t xml:space=\"preserve\">{}</w:t></w:r>", escape_xml(part))
            };
            tab + &text
        })
        .collect()
}

fn paragraph(style: &str, spans: &[Span], links: &mut Vec<String>, document_rtl: bool) -> String {
    let text: String = spans.iter().map(Span::text).collect();
    let mut out = format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{}</w:pPr>", bidi(&text, document_rtl));
    for span in spans {
        match span {
            Span::Text(text) => out += &run(text, ""),
            Span::Inserted(text) => out += &run(text, "<w:u w:val=\"single\"/>"),
            Span::Deleted(text) => out += &run(text, "<w:strike/>"),
            Span::Link { text, url } => {
                out += &format!(
                    "<w:hyperlink r:id=\"rIdLink{}\">{}</w:hyperlink>",
                    links.len(),
                    run(text, "<w:rStyle w:val=\"Hyperlink\"/>")
                );
                links.push(url.clone());
            }
        }
    }
    out + "</w:p>"
}

/// Column widths in twentieths of a point, as the table shares its width.
fn column_widths(table: &Table) -> Vec<u64> {
    table.column_shares().iter().map(|share| (share * TEXT_WIDTH as f64).round() as u64).collect()
}

/// A table cell; `keep_next` keeps its row on the page of the next one (small tables stay whole);
/// figures end at the column's end (the right in English, the left in Arabic).
fn cell(text: &str, width: u64, at_end: bool, run_properties: &str, keep_next: bool, rtl: bool) -> String {
    let justify = if at_end { "<w:jc w:val=\"end\"/>" } else { "" };
    let keep = if keep_next { "<w:keepNext/>" } else { "" };
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{keep}{}{justify}</w:pPr>{}</w:p></w:tc>",
        bidi(text, rtl),
        run(text, run_properties)
    )
}

/// A caption, kept with what follows it.
fn caption(text: &str, rtl: bool) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/>{}</w:pPr>{}</w:p>", bidi(text, rtl), run(text, ""))
}

/// `w:bidiVisual`: in a right-to-left document a table's first column is on the right.
fn visual_if(rtl: bool) -> &'static str {
    if rtl { "<w:bidiVisual/>" } else { "" }
}

fn table_xml(table: &Table, rtl: bool) -> String {
    let widths = column_widths(table);
    let mut out = caption(&table.caption, rtl);
    // A fixed layout keeps the widths given, so a header wraps between words, never inside one.
    out += "<w:tbl><w:tblPr>";
    out += visual_if(rtl);
    out += "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>\
            <w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>\
            <w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>\
            <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/></w:tblBorders>\
            <w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
    for w in &widths {
        out += &format!("<w:gridCol w:w=\"{w}\"/>");
    }
    out += "</w:tblGrid>";
    let row = |cells: &[String], row_properties: &str, run_properties: &str, keep_next: bool| {
        let mut out = format!("<w:tr>{row_properties}");
        for (i, (text, width)) in cells.iter().zip(&widths).enumerate() {
            out += &cell(text, *width, table.numeric && i > 0, run_properties, keep_next, rtl);
        }
        out + "</w:tr>"
    };
    let keep_whole = table.rows.len() <= 20;
    out += &row(&table.header, "<w:trPr><w:tblHeader/></w:trPr>", "<w:i/>", true);
    for (i, cells) in table.rows.iter().enumerate() {
        let last = i + 1 == table.rows.len() && table.total.is_none();
        out += &row(cells, "<w:trPr><w:cantSplit/></w:trPr>", "", keep_whole && !last);
    }
    if let Some(total) = &table.total {
        out += &row(total, "<w:trPr><w:cantSplit/></w:trPr>", "<w:b/>", false);
    }
    out + "</w:tbl><w:p/>"
}

/// Bars as shaded runs of no-break spaces, scaled to the largest count.
fn chart_xml(chart: &Chart, rtl: bool) -> String {
    const LONGEST: u64 = 60;
    let largest = chart.largest().max(1);
    let widths = [TEXT_WIDTH * 35 / 100, TEXT_WIDTH * 65 / 100];
    let mut out = caption(&chart.caption, rtl);
    out += &format!("<w:tbl><w:tblPr>{}<w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>", visual_if(rtl));
    for w in widths {
        out += &format!("<w:gridCol w:w=\"{w}\"/>");
    }
    out += "</w:tblGrid>";
    for (label, count) in &chart.bars {
        let bar = "\u{a0}".repeat((LONGEST * count).div_ceil(largest) as usize);
        out += &format!(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>{}<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{}</w:pPr>{}{}</w:p></w:tc></w:tr>",
            cell(label, widths[0], true, "", true, rtl),
            widths[1],
            bidi_if(rtl),
            run(&bar, &format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{ACCENT}\"/>")),
            run(&format!(" {count}"), ""),
        );
    }
    out + "</w:tbl><w:p/>"
}

/// The opinion map as a grid of small square cells, each shaded with the colour of the group
/// most of its participants belong to, the group's letter at its centre: a table, so that every
/// word processor draws it.
fn map_xml(map: &OpinionMap, rtl: bool) -> String {
    const CELLS: usize = 30;
    const CELL: u64 = 150;
    let grid = map.grid(CELLS, CELLS);
    let centre_cell = |c: [f64; 2]| {
        let column = ((c[0] * CELLS as f64) as usize).min(CELLS - 1);
        let row = (((1.0 - c[1]) * CELLS as f64) as usize).min(CELLS - 1);
        (row, column)
    };
    let labels: Vec<((usize, usize), &str)> =
        map.groups.iter().map(|g| (centre_cell(g.centre), g.label.as_str())).collect();
    let mut out = caption(&map.caption, rtl);
    out += "<w:tbl><w:tblPr><w:tblLayout w:type=\"fixed\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:color=\"D5D9DE\"/>\
            <w:left w:val=\"single\" w:sz=\"4\" w:color=\"D5D9DE\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"D5D9DE\"/>\
            <w:right w:val=\"single\" w:sz=\"4\" w:color=\"D5D9DE\"/></w:tblBorders>\
            <w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
    for _ in 0..CELLS {
        out += &format!("<w:gridCol w:w=\"{CELL}\"/>");
    }
    out += "</w:tblGrid>";
    for (r, row) in grid.iter().enumerate() {
        out += &format!("<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val=\"{CELL}\" w:hRule=\"exact\"/></w:trPr>");
        for (c, cell) in row.iter().enumerate() {
            let shade = cell
                .map(|g| {
                    format!(
                        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>",
                        GROUP_COLOURS[g % GROUP_COLOURS.len()]
                    )
                })
                .unwrap_or_default();
            // The letter is white on its group's colour, or in that colour on an empty cell.
            let label = labels.iter().enumerate().find(|(_, (at, _))| *at == (r, c)).map(|(g, (_, l))| {
                let colour = if cell.is_some() { "FFFFFF" } else { GROUP_COLOURS[g % GROUP_COLOURS.len()] };
                run(l, &format!("<w:b/><w:color w:val=\"{colour}\"/><w:sz w:val=\"14\"/>"))
            });
            out += &format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{CELL}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p></w:tc>",
                label.unwrap_or_default()
            );
        }
        out += "</w:tr>";
    }
    out + "</w:tbl><w:p/>"
}

fn core_properties(document: &Document) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>{}</dc:language>\
         <dc:creator>Consulta</dc:creator></cp:coreProperties>",
        escape_xml(&document.title),
        escape_xml(&document.language)
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const PACKAGE_RELATIONSHIPS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

fn styles(language: &str) -> String {
    let paragraph_style = |id: &str, name: &str, paragraph: &str, run: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/>\
             <w:qFormat/><w:pPr>{paragraph}</w:pPr><w:rPr>{run}</w:rPr></w:style>"
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" \
         w:cs=\"Times New Roman\" w:eastAsia=\"SimSun\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>\
         <w:lang w:val=\"{language}\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" \
         w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         {title}{subtitle}{heading}{numbered}{plain}{caption}{table_text}\
         <w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>\
         <w:rPr><w:color w:val=\"{ACCENT}\"/><w:u w:val=\"single\"/></w:rPr></w:style></w:styles>",
        title = paragraph_style(
            "Title",
            "Title",
            "<w:spacing w:before=\"240\" w:after=\"60\"/>",
            "<w:b/><w:sz w:val=\"32\"/>"
        ),
        subtitle =
            paragraph_style("Subtitle", "Subtitle", "<w:spacing w:after=\"360\"/>", "<w:b/><w:sz w:val=\"26\"/>"),
        heading = paragraph_style(
            "Heading1",
            "heading 1",
            "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
            "<w:b/><w:sz w:val=\"24\"/>"
        ),
        numbered = paragraph_style(
            "Numbered",
            "Numbered paragraph",
            "<w:tabs><w:tab w:val=\"left\" w:pos=\"567\"/></w:tabs><w:ind w:start=\"567\" w:hanging=\"567\"/><w:jc w:val=\"both\"/>",
            ""
        ),
        plain = paragraph_style("Plain", "Indented paragraph", "<w:ind w:start=\"567\"/>", ""),
        caption = paragraph_style("Caption", "caption", "<w:spacing w:before=\"120\" w:after=\"60\"/>", "<w:b/>"),
        table_text = paragraph_style(
            "TableText",
            "Table text",
            "<w:spacing w:before=\"20\" w:after=\"20\"/>",
            "<w:sz w:val=\"20\"/>"
        ),
    )
}
