//! The report as PDF, written directly: A4 pages set in the standard Times fonts (no font file
//! to embed; text in WinAnsiEncoding, which covers English and French), wrapped and paginated
//! here with the fonts' metrics, with link annotations, ruled tables and bar charts.

#[rustfmt::skip]
mod metrics;

use crate::document::{Block, Chart, Document, GROUP_COLOURS, OpinionMap, Span, Table};

const PAGE_WIDTH: f64 = 595.28;
const PAGE_HEIGHT: f64 = 841.89;
const MARGIN: f64 = 72.0;
const TOP: f64 = PAGE_HEIGHT - MARGIN;
const BOTTOM: f64 = MARGIN;
const TEXT_WIDTH: f64 = PAGE_WIDTH - 2.0 * MARGIN;
/// Where a numbered paragraph's text starts, after its number.
const HANGING: f64 = 28.0;
const BODY_SIZE: f64 = 11.0;
const TABLE_SIZE: f64 = 9.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Roman,
    Bold,
    Italic,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Roman => "F1",
            Font::Bold => "F2",
            Font::Italic => "F3",
        }
    }

    fn widths(self) -> &'static [u16; 256] {
        match self {
            Font::Roman => &metrics::TIMES_ROMAN,
            Font::Bold => &metrics::TIMES_BOLD,
            Font::Italic => &metrics::TIMES_ITALIC,
        }
    }

    fn width(self, text: &[u8], size: f64) -> f64 {
        text.iter().map(|b| f64::from(self.widths()[*b as usize])).sum::<f64>() * size / 1000.0
    }
}

/// The byte of WinAnsiEncoding for a character; '?' for one it lacks.
fn win_ansi(c: char) -> u8 {
    const SPECIALS: &[(char, u8)] = &[
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
        ('\u{202f}', 0xA0),
        ('\u{2009}', b' '),
        ('§', 0xA7),
    ];
    match c as u32 {
        0x20..=0x7E | 0xA0..=0xFF => c as u8,
        _ => SPECIALS.iter().find(|(s, _)| *s == c).map_or(b'?', |(_, b)| *b),
    }
}

fn encode(text: &str) -> Vec<u8> {
    text.chars().map(win_ansi).collect()
}

/// A PDF string literal.
fn literal(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![b'('];
    for b in bytes {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(*b);
    }
    out.push(b')');
    out
}

/// A word ready to set: its bytes, font, the link it belongs to, and whether a space follows.
#[derive(Debug, Clone)]
struct Word {
    bytes: Vec<u8>,
    font: Font,
    link: Option<String>,
    space_after: bool,
}

fn words(spans: &[Span], font: Font) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for span in spans {
        let (text, link) = match span {
            Span::Text(text) => (text.as_str(), None),
            Span::Link { text, url } => (text.as_str(), Some(url.clone())),
        };
        let mut first = true;
        for (i, part) in text.split(' ').enumerate() {
            if i > 0 {
                if let Some(last) = words.last_mut() {
                    last.space_after = true;
                }
            }
            if part.is_empty() {
                continue;
            }
            // Text that continues the previous word without a space ("#12" then ",") sticks to it.
            let glue = first && i == 0 && words.last().is_some_and(|w| !w.space_after);
            first = false;
            if glue && link.is_none() && words.last().is_some_and(|w| w.link.is_none() && w.font == font) {
                if let Some(last) = words.last_mut() {
                    last.bytes.extend(encode(part));
                }
                continue;
            }
            words.push(Word { bytes: encode(part), font, link: link.clone(), space_after: false });
        }
    }
    words
}

/// Breaks words into lines no wider than `width`.
fn wrap(words: Vec<Word>, width: f64, size: f64) -> Vec<Vec<Word>> {
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut used = 0.0;
    for word in words {
        let w = word.font.width(&word.bytes, size);
        let space =
            line.last().map_or(0.0, |last: &Word| if last.space_after { last.font.width(b" ", size) } else { 0.0 });
        if !line.is_empty() && used + space + w > width {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        } else {
            used += space;
        }
        used += w;
        line.push(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn line_width(line: &[Word], size: f64) -> f64 {
    line.iter()
        .enumerate()
        .map(|(i, w)| {
            let space = if w.space_after && i + 1 < line.len() { w.font.width(b" ", size) } else { 0.0 };
            w.font.width(&w.bytes, size) + space
        })
        .sum()
}

#[derive(Debug, Default)]
struct Page {
    content: Vec<u8>,
    links: Vec<([f64; 4], String)>,
}

/// Lays the document out page by page.
#[derive(Debug)]
struct Layout {
    pages: Vec<Page>,
    y: f64,
}

impl Layout {
    fn new() -> Layout {
        Layout { pages: vec![Page::default()], y: TOP }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `height` fits above the bottom margin.
    fn ensure(&mut self, height: f64) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    fn push(&mut self, bytes: &[u8]) {
        self.page().content.extend_from_slice(bytes);
    }

    /// Sets one line of words with its left edge at `x` and its baseline at `baseline`.
    fn set_line(&mut self, line: &[Word], x: f64, baseline: f64, size: f64) {
        let mut cursor = x;
        for (i, word) in line.iter().enumerate() {
            let mut text = word.bytes.clone();
            if word.space_after && i + 1 < line.len() {
                text.push(b' ');
            }
            let mut op =
                format!("BT /{} {size:.1} Tf {cursor:.2} {baseline:.2} Td ", word.font.resource()).into_bytes();
            op.extend(literal(&text));
            op.extend(b" Tj ET\n");
            self.push(&op);
            let width = word.font.width(&word.bytes, size);
            if let Some(url) = &word.link {
                let rect = [cursor, baseline - 2.0, cursor + width, baseline + size];
                // Underline the link, as on screen.
                self.push(
                    format!(
                        "{:.2} {:.2} m {:.2} {:.2} l 0.5 w S\n",
                        cursor,
                        baseline - 1.2,
                        cursor + width,
                        baseline - 1.2
                    )
                    .as_bytes(),
                );
                self.page().links.push((rect, url.clone()));
            }
            cursor += word.font.width(&text, size);
        }
    }

    /// A paragraph of running text from `x`, `width` wide.
    fn paragraph(&mut self, spans: &[Span], font: Font, size: f64, x: f64, width: f64, space_after: f64) {
        let leading = size * 1.3;
        for line in wrap(words(spans, font), width, size) {
            self.ensure(leading);
            self.y -= leading;
            self.set_line(&line, x, self.y + 3.0, size);
        }
        self.y -= space_after;
    }

    fn rule(&mut self, x1: f64, x2: f64, y: f64, width: f64) {
        self.push(format!("{x1:.2} {y:.2} m {x2:.2} {y:.2} l {width:.2} w S\n").as_bytes());
    }

    fn table(&mut self, table: &Table) {
        let widths: Vec<f64> = table.column_shares().iter().map(|share| share * TEXT_WIDTH).collect();
        let leading = TABLE_SIZE * 1.25;
        let pad = 3.0;
        let row_lines = |cells: &[String], font: Font| -> Vec<Vec<Vec<Word>>> {
            cells
                .iter()
                .zip(&widths)
                .map(|(cell, w)| wrap(words(&[Span::Text(cell.clone())], font), w - 2.0 * pad, TABLE_SIZE))
                .collect()
        };
        let height =
            |lines: &[Vec<Vec<Word>>]| lines.iter().map(Vec::len).max().unwrap_or(1) as f64 * leading + 2.0 * pad;
        let header = row_lines(&table.header, Font::Italic);
        // The caption never stands alone at the foot of a page: it goes with the header and the
        // first rows (the whole table when it is short).
        let caption_lines = wrap(words(&[Span::Text(table.caption.clone())], Font::Bold), TEXT_WIDTH, BODY_SIZE).len();
        let first_rows: f64 = table.rows.iter().take(3).map(|r| height(&row_lines(r, Font::Roman))).sum();
        self.ensure(caption_lines as f64 * BODY_SIZE * 1.3 + 2.0 + height(&header) + first_rows);
        self.paragraph(&[Span::Text(table.caption.clone())], Font::Bold, BODY_SIZE, MARGIN, TEXT_WIDTH, 2.0);
        let draw_header = |layout: &mut Layout| {
            layout.rule(MARGIN, MARGIN + TEXT_WIDTH, layout.y, 0.8);
            layout.draw_row(&header, &widths, table.numeric, leading, pad);
            layout.rule(MARGIN, MARGIN + TEXT_WIDTH, layout.y, 0.8);
        };
        draw_header(self);
        let body = table.rows.iter().map(|r| (r, Font::Roman)).chain(table.total.iter().map(|t| (t, Font::Bold)));
        for (cells, font) in body {
            let lines = row_lines(cells, font);
            if self.y - height(&lines) < BOTTOM {
                self.new_page();
                draw_header(self);
            }
            if font == Font::Bold {
                self.rule(MARGIN, MARGIN + TEXT_WIDTH, self.y, 0.8);
            }
            self.draw_row(&lines, &widths, table.numeric, leading, pad);
            self.push(b"0.75 G\n");
            self.rule(MARGIN, MARGIN + TEXT_WIDTH, self.y, 0.4);
            self.push(b"0 G\n");
        }
        self.rule(MARGIN, MARGIN + TEXT_WIDTH, self.y, 0.8);
        self.y -= 12.0;
    }

    fn draw_row(&mut self, cells: &[Vec<Vec<Word>>], widths: &[f64], numeric: bool, leading: f64, pad: f64) {
        let top = self.y;
        let mut x = MARGIN;
        let mut lowest = top;
        for (i, (lines, width)) in cells.iter().zip(widths).enumerate() {
            let mut y = top - pad;
            for line in lines {
                y -= leading;
                let left = if numeric && i > 0 { x + width - pad - line_width(line, TABLE_SIZE) } else { x + pad };
                self.set_line(line, left, y + 2.5, TABLE_SIZE);
            }
            lowest = lowest.min(y);
            x += width;
        }
        self.y = lowest.min(top - leading) - pad;
    }

    /// The opinion map: a framed square, each group's outline, a dot per participant, and each
    /// group's letter at its centre.
    fn map(&mut self, map: &OpinionMap) {
        let side = TEXT_WIDTH * 0.6;
        self.ensure(BODY_SIZE * 2.6 + side + 12.0);
        self.paragraph(&[Span::Text(map.caption.clone())], Font::Bold, BODY_SIZE, MARGIN, TEXT_WIDTH, 4.0);
        let (left, bottom) = (MARGIN, self.y - side);
        let at = |p: [f64; 2]| (left + 8.0 + p[0] * (side - 16.0), bottom + 8.0 + p[1] * (side - 16.0));
        let rgb = |g: usize| {
            let hex = GROUP_COLOURS[g % GROUP_COLOURS.len()];
            let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_or(0.0, |v| f64::from(v) / 255.0);
            format!("{:.3} {:.3} {:.3}", part(0), part(2), part(4))
        };
        let mut ops = format!("0.835 0.851 0.871 RG 0.5 w {left:.2} {bottom:.2} {side:.2} {side:.2} re S\n");
        for (g, group) in map.groups.iter().enumerate() {
            if let Some((first, rest)) = group.hull.split_first() {
                let (x, y) = at(*first);
                ops += &format!("{} RG 1.2 w {x:.2} {y:.2} m ", rgb(g));
                for p in rest {
                    let (x, y) = at(*p);
                    ops += &format!("{x:.2} {y:.2} l ");
                }
                ops += "h S\n";
            }
        }
        for (place, group) in &map.points {
            let (x, y) = at(*place);
            ops += &format!("{} rg {:.2} {:.2} 3 3 re f\n", rgb(*group), x - 1.5, y - 1.5);
        }
        ops += "0 g 0 G\n";
        self.push(ops.as_bytes());
        for group in &map.groups {
            let (x, y) = at(group.centre);
            let label = encode(&group.label);
            let width = Font::Bold.width(&label, 16.0);
            let word = Word { bytes: label, font: Font::Bold, link: None, space_after: false };
            self.set_line(&[word], x - width / 2.0, y - 5.0, 16.0);
        }
        self.y = bottom - 12.0;
    }

    fn chart(&mut self, chart: &Chart) {
        let row = 16.0;
        let label_width = TEXT_WIDTH * 0.38;
        let bar_space = TEXT_WIDTH - label_width - 40.0;
        let largest = chart.largest().max(1) as f64;
        self.ensure(BODY_SIZE * 1.3 + row * chart.bars.len() as f64 + 10.0);
        self.paragraph(&[Span::Text(chart.caption.clone())], Font::Bold, BODY_SIZE, MARGIN, TEXT_WIDTH, 4.0);
        for (label, count) in &chart.bars {
            self.ensure(row);
            self.y -= row;
            let label = encode(label);
            let x = MARGIN + label_width - 6.0 - Font::Roman.width(&label, TABLE_SIZE);
            let baseline = self.y + 4.0;
            self.set_line(
                &[Word { bytes: label, font: Font::Roman, link: None, space_after: false }],
                x,
                baseline,
                TABLE_SIZE,
            );
            let length = bar_space * (*count as f64) / largest;
            self.push(
                format!(
                    "0.043 0.310 0.541 rg {:.2} {:.2} {length:.2} {:.2} re f 0 g\n",
                    MARGIN + label_width,
                    self.y + 2.0,
                    row - 5.0
                )
                .as_bytes(),
            );
            let count = count.to_string().into_bytes();
            let word = Word { bytes: count, font: Font::Roman, link: None, space_after: false };
            self.set_line(&[word], MARGIN + label_width + length + 4.0, baseline, TABLE_SIZE);
        }
        self.y -= 12.0;
    }
}

/// A text string for the document information dictionary (UTF-16BE, so any language).
fn info_string(text: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in text.encode_utf16() {
        out += &format!("{unit:04X}");
    }
    out + ">"
}

/// Writes the report as a PDF file.
pub fn render(document: &Document) -> Vec<u8> {
    let mut layout = Layout::new();
    let front = &document.front;
    if !front.organs.is_empty() || front.symbol.is_some() {
        let top = layout.y;
        for organ in &front.organs {
            layout.y -= 15.0;
            let y = layout.y;
            layout.set_line(
                &[Word { bytes: encode(organ), font: Font::Bold, link: None, space_after: false }],
                MARGIN,
                y,
                12.0,
            );
        }
        if let Some(symbol) = &front.symbol {
            let bytes = encode(symbol);
            let x = MARGIN + TEXT_WIDTH - Font::Roman.width(&bytes, 12.0);
            layout.set_line(&[Word { bytes, font: Font::Roman, link: None, space_after: false }], x, top - 15.0, 12.0);
            layout.y = layout.y.min(top - 15.0);
        }
        layout.y -= 5.0;
        let y = layout.y;
        layout.rule(MARGIN, MARGIN + TEXT_WIDTH, y, 0.8);
    }
    for line in &document.masthead {
        let bytes = encode(line);
        let x = MARGIN + TEXT_WIDTH - Font::Roman.width(&bytes, 10.0);
        layout.y -= 13.0;
        let y = layout.y;
        layout.set_line(&[Word { bytes, font: Font::Roman, link: None, space_after: false }], x, y, 10.0);
    }
    layout.y -= 6.0;
    let y = layout.y;
    layout.rule(MARGIN, MARGIN + TEXT_WIDTH, y, 1.5);
    layout.y -= 18.0;
    for lines in &front.addressees {
        for (i, line) in lines.iter().enumerate() {
            let font = if i == 0 { Font::Bold } else { Font::Roman };
            layout.paragraph(&[Span::Text(line.clone())], font, 10.0, MARGIN, TEXT_WIDTH * 0.6, 0.0);
        }
        layout.y -= 8.0;
    }
    layout.paragraph(&[Span::Text(document.title.clone())], Font::Bold, 16.0, MARGIN, TEXT_WIDTH, 6.0);
    layout.paragraph(&[Span::Text(document.subtitle.clone())], Font::Bold, 12.5, MARGIN, TEXT_WIDTH, 16.0);
    if !front.summary.is_empty() {
        let heading = encode(&front.summary_heading);
        let x = MARGIN + (TEXT_WIDTH - Font::Italic.width(&heading, 12.0)) / 2.0;
        layout.y -= 15.0;
        let y = layout.y;
        layout.set_line(&[Word { bytes: heading, font: Font::Italic, link: None, space_after: false }], x, y, 12.0);
        layout.y -= 8.0;
        for paragraph in &front.summary {
            layout.paragraph(
                &[Span::Text(paragraph.clone())],
                Font::Roman,
                BODY_SIZE,
                MARGIN + HANGING,
                TEXT_WIDTH - HANGING,
                5.0,
            );
        }
        layout.y -= 6.0;
        let y = layout.y;
        layout.rule(MARGIN, MARGIN + TEXT_WIDTH, y, 0.8);
        layout.y -= 10.0;
    }
    for block in &document.blocks {
        match block {
            Block::Heading(text) => {
                layout.ensure(60.0);
                layout.y -= 10.0;
                layout.paragraph(&[Span::Text(text.clone())], Font::Bold, 12.0, MARGIN, TEXT_WIDTH, 6.0);
            }
            Block::Paragraph { number: Some(n), spans } => {
                layout.ensure(BODY_SIZE * 1.3);
                let number = encode(&format!("{n}."));
                let baseline = layout.y - BODY_SIZE * 1.3 + 3.0;
                layout.set_line(
                    &[Word { bytes: number, font: Font::Roman, link: None, space_after: false }],
                    MARGIN,
                    baseline,
                    BODY_SIZE,
                );
                layout.paragraph(spans, Font::Roman, BODY_SIZE, MARGIN + HANGING, TEXT_WIDTH - HANGING, 7.0);
            }
            Block::Paragraph { number: None, spans } => {
                layout.paragraph(spans, Font::Roman, BODY_SIZE, MARGIN + HANGING, TEXT_WIDTH - HANGING, 5.0)
            }
            Block::Table(table) => layout.table(table),
            Block::Chart(chart) => layout.chart(chart),
            Block::Map(map) => layout.map(map),
        }
    }
    write_pdf(document, layout.pages)
}

fn write_pdf(document: &Document, mut pages: Vec<Page>) -> Vec<u8> {
    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        // The page number, centred at the foot of the page.
        let label = format!("{} / {count}", i + 1).into_bytes();
        let x = PAGE_WIDTH / 2.0 - Font::Roman.width(&label, 9.0) / 2.0;
        let mut op = format!("BT /F1 9.0 Tf {x:.2} {:.2} Td ", BOTTOM / 2.0).into_bytes();
        op.extend(literal(&label));
        op.extend(b" Tj ET\n");
        page.content.extend(op);
    }
    // Objects: 1 catalog, 2 page tree, 3-5 fonts, 6 information; then per page: page, content,
    // and one object per link.
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let fonts = ["Times-Roman", "Times-Bold", "Times-Italic"];
    let mut next = 7;
    let mut page_ids = Vec::new();
    let mut page_objects: Vec<Vec<u8>> = Vec::new();
    for page in &pages {
        let page_id = next;
        let content_id = next + 1;
        let link_ids: Vec<usize> = (0..page.links.len()).map(|k| next + 2 + k).collect();
        next += 2 + page.links.len();
        page_ids.push(page_id);
        let annotations = if link_ids.is_empty() {
            String::new()
        } else {
            format!("/Annots [{}] ", link_ids.iter().map(|id| format!("{id} 0 R")).collect::<Vec<_>>().join(" "))
        };
        page_objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R \
                 /F2 4 0 R /F3 5 0 R >> >> {annotations}/Contents {content_id} 0 R >>"
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", page.content.len()).into_bytes();
        stream.extend(&page.content);
        stream.extend(b"\nendstream");
        page_objects.push(stream);
        for (rect, url) in &page.links {
            let mut link = format!(
                "<< /Type /Annot /Subtype /Link /Rect [{:.2} {:.2} {:.2} {:.2}] /Border [0 0 0] /A << /S /URI /URI ",
                rect[0], rect[1], rect[2], rect[3]
            )
            .into_bytes();
            link.extend(literal(url.as_bytes()));
            link.extend(b" >> >>");
            page_objects.push(link);
        }
    }
    objects.push(format!("<< /Type /Catalog /Pages 2 0 R /Lang ({}) >>", document.language).into_bytes());
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {count} >>",
            page_ids.iter().map(|id| format!("{id} 0 R")).collect::<Vec<_>>().join(" ")
        )
        .into_bytes(),
    );
    for font in fonts {
        objects.push(
            format!("<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>").into_bytes(),
        );
    }
    objects.push(format!("<< /Title {} /Producer (Consulta) >>", info_string(&document.title)).into_bytes());
    objects.extend(page_objects);

    let mut out: Vec<u8> = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(object);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_text_is_encoded_in_win_ansi() {
        assert_eq!(encode("Société œuvre « € »"), b"Soci\xe9t\xe9 \x9cuvre \xab \x80 \xbb");
        assert_eq!(encode("中"), b"?");
    }

    #[test]
    fn lines_are_wrapped_to_the_width() {
        let spans = [Span::Text("word ".repeat(200))];
        let lines = wrap(words(&spans, Font::Roman), 200.0, 11.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|l| line_width(l, 11.0) <= 200.0));
    }

    #[test]
    fn a_link_keeps_its_punctuation_outside() {
        let spans = [
            Span::Text("See ".into()),
            Span::Link { text: "#12".into(), url: "http://x/12".into() },
            Span::Text(", then".into()),
        ];
        let words = words(&spans, Font::Roman);
        let shown: Vec<(String, bool)> =
            words.iter().map(|w| (String::from_utf8_lossy(&w.bytes).into_owned(), w.link.is_some())).collect();
        assert_eq!(shown, [("See".into(), false), ("#12".into(), true), (",".into(), false), ("then".into(), false)]);
    }
}
