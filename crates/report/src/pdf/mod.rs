//! The report as PDF: A4 pages laid out here (wrapped, paginated, numbered paragraphs, ruled
//! tables, bar charts, the opinion map) and written by krilla, which embeds and subsets the Noto
//! fonts (`fonts.rs`) so that every UN language is set with its own glyphs; text is shaped and
//! ordered for each script by `text.rs`. A right-to-left report is laid out as a left-to-right one
//! and mirrored, so that its paragraphs, numbers, tables and charts start on the right.

mod fonts;
mod text;

use krilla::Document as Pdf;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::tagging::{ContentTag, SpanTag, Tag, TagGroup, TagTree};
use krilla::text::Font as PdfFont;

pub use fonts::{FontError, here_for_tests as fonts_here_for_tests};
use text::{Marking, Placed, Segment, Setter, Style};

use crate::document::{Block, Chart, Document, GROUP_COLOURS, OpinionMap, Span, Table};

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 72.0;
const TOP: f32 = PAGE_HEIGHT - MARGIN;
const BOTTOM: f32 = MARGIN;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Where a numbered paragraph's text starts, after its number.
const HANGING: f32 = 28.0;
const BODY_SIZE: f32 = 11.0;
const TABLE_SIZE: f32 = 9.5;
const BLACK: [u8; 3] = [0, 0, 0];
const GREY: [u8; 3] = [191, 191, 191];
const FRAME: [u8; 3] = [213, 217, 222];
const BAR: [u8; 3] = [11, 79, 138];

/// What a page holds, in PDF points from its bottom-left corner, already mirrored for a
/// right-to-left report.
#[derive(Debug)]
enum Mark {
    /// A line of text: its pieces in visual order from `left`, with the number of the paragraph
    /// it belongs to (each paragraph a P of the structure tree, each line a span in its language).
    Text {
        left: f32,
        baseline: f32,
        size: f32,
        pieces: Vec<Placed>,
        paragraph: usize,
    },
    Line {
        from: [f32; 2],
        to: [f32; 2],
        width: f32,
        colour: [u8; 3],
    },
    Rectangle {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        colour: [u8; 3],
    },
    Outline {
        points: Vec<[f32; 2]>,
        width: f32,
        colour: [u8; 3],
    },
    Link {
        rect: [f32; 4],
        url: String,
    },
}

/// A word ready to set: its text, style, marking (the link it belongs to, or a revision's
/// insertion or deletion), and whether a space follows.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    style: Style,
    marking: Option<Marking>,
    space_after: bool,
}

fn words(spans: &[Span], style: Style) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for span in spans {
        let (text, marking) = match span {
            Span::Text(text) => (text.as_str(), None),
            Span::Link { text, url } => (text.as_str(), Some(Marking::Link(url.clone()))),
            Span::Inserted(text) => (text.as_str(), Some(Marking::Inserted)),
            Span::Deleted(text) => (text.as_str(), Some(Marking::Deleted)),
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
            for (k, piece) in breakable(part).into_iter().enumerate() {
                let sticks = k == 0 && glue && marking.is_none();
                if sticks && words.last().is_some_and(|w| w.marking.is_none() && w.style == style) {
                    if let Some(last) = words.last_mut() {
                        last.text.push_str(piece);
                    }
                    continue;
                }
                words.push(Word { text: piece.to_owned(), style, marking: marking.clone(), space_after: false });
            }
        }
    }
    words
}

/// Chinese and Japanese are written without spaces: a line may break between any two
/// ideographs, but never before closing punctuation nor after opening punctuation.
fn breakable(part: &str) -> Vec<&str> {
    let ideograph = |c: char| matches!(u32::from(c), 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF);
    let closing = |c: char| "，。、；：！？）」』】》〉”’…—".contains(c);
    let opening = |c: char| "（「『【《〈“‘".contains(c);
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (at, c) in part.char_indices() {
        if let Some(p) = previous {
            let between_ideographs = ideograph(p) || ideograph(c) || opening(c);
            if at > start && between_ideographs && !closing(c) && !opening(p) {
                pieces.push(&part[start..at]);
                start = at;
            }
        }
        previous = Some(c);
    }
    pieces.push(&part[start..]);
    pieces
}

fn word(text: &str, style: Style) -> Vec<Word> {
    vec![Word { text: text.to_owned(), style, marking: None, space_after: false }]
}

/// Lays the document out page by page.
struct Layout {
    setter: Setter,
    pages: Vec<Vec<Mark>>,
    y: f32,
    /// The paragraph the next lines belong to (a line set alone is a paragraph of its own).
    paragraph: usize,
}

impl Layout {
    fn new(language: &str) -> Layout {
        Layout { setter: Setter::new(language), pages: vec![Vec::new()], y: TOP, paragraph: 0 }
    }

    /// The left edge, on the page, of something `width` wide whose start is `x` in the reading
    /// direction.
    fn left(&self, x: f32, width: f32) -> f32 {
        if self.setter.right_to_left() { PAGE_WIDTH - x - width } else { x }
    }

    fn mark(&mut self, mark: Mark) {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` fits above the bottom margin.
    fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    fn width(&self, word: &Word, size: f32) -> f32 {
        self.setter.width(&word.text, word.style, size)
    }

    fn space(&self, word: &Word, size: f32) -> f32 {
        if word.space_after { self.setter.width(" ", word.style, size) } else { 0.0 }
    }

    /// Breaks words into lines no wider than `width`.
    fn wrap(&self, words: Vec<Word>, width: f32, size: f32) -> Vec<Vec<Word>> {
        let mut lines: Vec<Vec<Word>> = Vec::new();
        let mut line: Vec<Word> = Vec::new();
        let mut used = 0.0;
        for word in words {
            let w = self.width(&word, size);
            let space = line.last().map_or(0.0, |last| self.space(last, size));
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

    /// The line's segments, in logical order, a space after each word that has one.
    fn segments(line: &[Word]) -> Vec<Segment> {
        let mut segments = Vec::new();
        for (i, word) in line.iter().enumerate() {
            segments.push(Segment { text: word.text.clone(), style: word.style, marking: word.marking.clone() });
            if word.space_after && i + 1 < line.len() {
                // A space between two inserted (or struck) words is marked with them.
                let between = line.get(i + 1).filter(|next| next.marking == word.marking && word.marking.is_some());
                let marking = between.and(word.marking.clone()).filter(|m| !matches!(m, Marking::Link(_)));
                segments.push(Segment { text: " ".into(), style: word.style, marking });
            }
        }
        segments
    }

    fn text_of(line: &[Word]) -> String {
        line.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    fn line_width(&self, line: &[Word], size: f32) -> f32 {
        let right_to_left = self.setter.reads_right_to_left(&Self::text_of(line));
        self.setter.line(&Self::segments(line), size, right_to_left).1
    }

    /// Sets one line of words starting at `x` in the document's reading direction, on
    /// `baseline`; the line reads in its own direction.
    fn set_line(&mut self, line: &[Word], x: f32, baseline: f32, size: f32) {
        let right_to_left = self.setter.reads_right_to_left(&Self::text_of(line));
        self.set_line_reading(line, x, baseline, size, right_to_left);
    }

    fn set_line_reading(&mut self, line: &[Word], x: f32, baseline: f32, size: f32, right_to_left: bool) {
        let (pieces, width) = self.setter.line(&Self::segments(line), size, right_to_left);
        let left = self.left(x, width);
        for piece in &pieces {
            let start = left + piece.x;
            let end = start + piece.shaped.advance * size;
            let underline = |y: f32| Mark::Line { from: [start, y], to: [end, y], width: 0.5, colour: BLACK };
            match &piece.marking {
                Some(Marking::Link(url)) => {
                    // Underlined, as on screen.
                    self.mark(underline(baseline - 1.2));
                    self.mark(Mark::Link { rect: [start, baseline - 2.0, end, baseline + size], url: url.clone() });
                }
                Some(Marking::Inserted) => self.mark(underline(baseline - 1.2)),
                // Through the middle of the lower-case letters.
                Some(Marking::Deleted) => self.mark(underline(baseline + size * 0.28)),
                None => {}
            }
        }
        let paragraph = self.paragraph;
        self.mark(Mark::Text { left, baseline, size, pieces, paragraph });
    }

    /// Starts a new paragraph for the lines set after it.
    fn next_paragraph(&mut self) {
        self.paragraph += 1;
    }

    /// A paragraph of running text from `x`, `width` wide.
    /// A paragraph that reads against the document's direction (English in an Arabic report)
    /// starts at the other side of its column.
    fn paragraph(&mut self, spans: &[Span], style: Style, size: f32, x: f32, width: f32, space_after: f32) {
        self.paragraph_of(words(spans, style), size, x, width, space_after);
    }

    /// A paragraph of words already styled (a verb phrase in italics, then its addressees).
    fn paragraph_of(&mut self, words: Vec<Word>, size: f32, x: f32, width: f32, space_after: f32) {
        let leading = size * 1.3;
        self.next_paragraph();
        let right_to_left = self.setter.reads_right_to_left(&Self::text_of(&words));
        let against = right_to_left != self.setter.right_to_left();
        for line in self.wrap(words, width, size) {
            self.ensure(leading);
            self.y -= leading;
            let baseline = self.y + 3.0;
            let start = if against {
                let (_, used) = self.setter.line(&Self::segments(&line), size, right_to_left);
                x + width - used
            } else {
                x
            };
            self.set_line_reading(&line, start, baseline, size, right_to_left);
        }
        self.next_paragraph();
        self.y -= space_after;
    }

    /// One line set so that it ends at `end` in the reading direction.
    fn set_ending_at(&mut self, line: &[Word], end: f32, baseline: f32, size: f32) {
        let width = self.line_width(line, size);
        self.set_line(line, end - width, baseline, size);
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, colour: [u8; 3]) {
        let left = self.left(x1, x2 - x1);
        self.mark(Mark::Line { from: [left, y], to: [left + (x2 - x1), y], width, colour });
    }

    fn table(&mut self, table: &Table) {
        let widths: Vec<f32> = table.column_shares().iter().map(|share| *share as f32 * TEXT_WIDTH).collect();
        let leading = TABLE_SIZE * 1.25;
        let pad = 3.0;
        let row_lines = |layout: &Layout, cells: &[String], style: Style| -> Vec<Vec<Vec<Word>>> {
            cells
                .iter()
                .zip(&widths)
                .map(|(cell, w)| layout.wrap(words(&[Span::Text(cell.clone())], style), w - 2.0 * pad, TABLE_SIZE))
                .collect()
        };
        let height =
            |lines: &[Vec<Vec<Word>>]| lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 2.0 * pad;
        let header = row_lines(self, &table.header, Style::Italic);
        // The caption never stands alone at the foot of a page: it goes with the header and the
        // first rows (the whole table when it is short).
        let caption = self.wrap(words(&[Span::Text(table.caption.clone())], Style::Bold), TEXT_WIDTH, BODY_SIZE).len();
        let first_rows: f32 = table.rows.iter().take(3).map(|r| height(&row_lines(self, r, Style::Roman))).sum();
        self.ensure(caption as f32 * BODY_SIZE * 1.3 + 2.0 + height(&header) + first_rows);
        self.paragraph(&[Span::Text(table.caption.clone())], Style::Bold, BODY_SIZE, MARGIN, TEXT_WIDTH, 2.0);
        let draw_header = |layout: &mut Layout| {
            layout.rule(MARGIN, MARGIN + TEXT_WIDTH, layout.y, 0.8, BLACK);
            layout.draw_row(&header, &widths, table.numeric, leading, pad);
            layout.rule(MARGIN, MARGIN + TEXT_WIDTH, layout.y, 0.8, BLACK);
        };
        draw_header(self);
        let body = table.rows.iter().map(|r| (r, Style::Roman)).chain(table.total.iter().map(|t| (t, Style::Bold)));
        for (cells, style) in body {
            let lines = row_lines(self, cells, style);
            if self.y - height(&lines) < BOTTOM {
                self.new_page();
                draw_header(self);
            }
            if style == Style::Bold {
                self.rule(MARGIN, MARGIN + TEXT_WIDTH, self.y, 0.8, BLACK);
            }
            self.draw_row(&lines, &widths, table.numeric, leading, pad);
            self.rule(MARGIN, MARGIN + TEXT_WIDTH, self.y, 0.4, GREY);
        }
        self.rule(MARGIN, MARGIN + TEXT_WIDTH, self.y, 0.8, BLACK);
        self.y -= 12.0;
    }

    fn draw_row(&mut self, cells: &[Vec<Vec<Word>>], widths: &[f32], numeric: bool, leading: f32, pad: f32) {
        let top = self.y;
        let mut x = MARGIN;
        let mut lowest = top;
        for (i, (lines, width)) in cells.iter().zip(widths).enumerate() {
            let mut y = top - pad;
            for line in lines {
                y -= leading;
                // Figures end at the column's end, to be read down the column.
                if numeric && i > 0 {
                    self.set_ending_at(line, x + width - pad, y + 2.5, TABLE_SIZE);
                } else {
                    self.set_line(line, x + pad, y + 2.5, TABLE_SIZE);
                }
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
        self.paragraph(&[Span::Text(map.caption.clone())], Style::Bold, BODY_SIZE, MARGIN, TEXT_WIDTH, 4.0);
        let bottom = self.y - side;
        let left = self.left(MARGIN, side);
        let at = |p: [f64; 2]| [left + 8.0 + p[0] as f32 * (side - 16.0), bottom + 8.0 + p[1] as f32 * (side - 16.0)];
        let colour = |g: usize| {
            let hex = GROUP_COLOURS[g % GROUP_COLOURS.len()];
            let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
            [part(0), part(2), part(4)]
        };
        let corners = [[left, bottom], [left + side, bottom], [left + side, bottom + side], [left, bottom + side]];
        self.mark(Mark::Outline { points: corners.to_vec(), width: 0.5, colour: FRAME });
        for (g, group) in map.groups.iter().enumerate() {
            if group.hull.len() > 1 {
                self.mark(Mark::Outline {
                    points: group.hull.iter().map(|p| at(*p)).collect(),
                    width: 1.2,
                    colour: colour(g),
                });
            }
        }
        for (place, group) in &map.points {
            let [x, y] = at(*place);
            self.mark(Mark::Rectangle { x: x - 1.5, y: y - 1.5, width: 3.0, height: 3.0, colour: colour(*group) });
        }
        for group in &map.groups {
            let [x, y] = at(group.centre);
            let label = word(&group.label, Style::Bold);
            let width = self.line_width(&label, 16.0);
            // `at` gives the page's coordinates: undo the mirroring `set_line` applies.
            let start = if self.setter.right_to_left() { PAGE_WIDTH - x - width / 2.0 } else { x - width / 2.0 };
            self.set_line(&label, start, y - 5.0, 16.0);
        }
        self.y = bottom - 12.0;
    }

    fn chart(&mut self, chart: &Chart) {
        let row = 16.0;
        let label_width = TEXT_WIDTH * 0.38;
        let bar_space = TEXT_WIDTH - label_width - 40.0;
        let largest = chart.largest().max(1) as f32;
        self.ensure(BODY_SIZE * 1.3 + row * chart.bars.len() as f32 + 10.0);
        self.paragraph(&[Span::Text(chart.caption.clone())], Style::Bold, BODY_SIZE, MARGIN, TEXT_WIDTH, 4.0);
        for (label, count) in &chart.bars {
            self.ensure(row);
            self.y -= row;
            let baseline = self.y + 4.0;
            self.set_ending_at(&word(label, Style::Roman), MARGIN + label_width - 6.0, baseline, TABLE_SIZE);
            let length = bar_space * (*count as f32) / largest;
            let x = self.left(MARGIN + label_width, length);
            self.mark(Mark::Rectangle { x, y: self.y + 2.0, width: length, height: row - 5.0, colour: BAR });
            self.set_line(
                &word(&count.to_string(), Style::Roman),
                MARGIN + label_width + length + 4.0,
                baseline,
                TABLE_SIZE,
            );
        }
        self.y -= 12.0;
    }

    /// A line set at the end of the text column (the right in English, the left in Arabic).
    fn at_end(&mut self, text: &str, style: Style, size: f32, baseline: f32) {
        self.set_ending_at(&word(text, style), MARGIN + TEXT_WIDTH, baseline, size);
    }
}

/// Lays the report out.
fn lay_out(document: &Document) -> Layout {
    let mut layout = Layout::new(&document.language);
    let front = &document.front;
    if !front.organs.is_empty() || front.symbol.is_some() {
        let top = layout.y;
        for organ in &front.organs {
            layout.y -= 15.0;
            let y = layout.y;
            layout.set_line(&word(organ, Style::Bold), MARGIN, y, 12.0);
        }
        if let Some(symbol) = &front.symbol {
            layout.at_end(symbol, Style::Roman, 12.0, top - 15.0);
            layout.y = layout.y.min(top - 15.0);
        }
        layout.y -= 5.0;
        let y = layout.y;
        layout.rule(MARGIN, MARGIN + TEXT_WIDTH, y, 0.8, BLACK);
    }
    for line in &document.masthead {
        layout.y -= 13.0;
        let y = layout.y;
        layout.at_end(line, Style::Roman, 10.0, y);
    }
    layout.y -= 6.0;
    let y = layout.y;
    layout.rule(MARGIN, MARGIN + TEXT_WIDTH, y, 1.5, BLACK);
    layout.y -= 18.0;
    for lines in &front.addressees {
        for (i, line) in lines.iter().enumerate() {
            let style = if i == 0 { Style::Bold } else { Style::Roman };
            layout.paragraph(&[Span::Text(line.clone())], style, 10.0, MARGIN, TEXT_WIDTH * 0.6, 0.0);
        }
        layout.y -= 8.0;
    }
    layout.paragraph(&[Span::Text(document.title.clone())], Style::Bold, 16.0, MARGIN, TEXT_WIDTH, 6.0);
    layout.paragraph(&[Span::Text(document.subtitle.clone())], Style::Bold, 12.5, MARGIN, TEXT_WIDTH, 16.0);
    if !front.summary.is_empty() {
        let heading = word(&front.summary_heading, Style::Italic);
        let x = MARGIN + (TEXT_WIDTH - layout.line_width(&heading, 12.0)) / 2.0;
        layout.y -= 15.0;
        let y = layout.y;
        layout.set_line(&heading, x, y, 12.0);
        layout.y -= 8.0;
        for paragraph in &front.summary {
            let spans = [Span::Text(paragraph.clone())];
            layout.paragraph(&spans, Style::Roman, BODY_SIZE, MARGIN + HANGING, TEXT_WIDTH - HANGING, 5.0);
        }
        layout.y -= 6.0;
        let y = layout.y;
        layout.rule(MARGIN, MARGIN + TEXT_WIDTH, y, 0.8, BLACK);
        layout.y -= 10.0;
    }
    for block in &document.blocks {
        match block {
            Block::Heading(text) => {
                layout.ensure(60.0);
                layout.y -= 10.0;
                layout.paragraph(&[Span::Text(text.clone())], Style::Bold, 12.0, MARGIN, TEXT_WIDTH, 6.0);
            }
            Block::Paragraph { number: Some(n), spans } => {
                layout.ensure(BODY_SIZE * 1.3);
                let baseline = layout.y - BODY_SIZE * 1.3 + 3.0;
                layout.set_line(&word(&format!("{n}."), Style::Roman), MARGIN, baseline, BODY_SIZE);
                layout.paragraph(spans, Style::Roman, BODY_SIZE, MARGIN + HANGING, TEXT_WIDTH - HANGING, 7.0);
            }
            Block::Paragraph { number: None, spans } => {
                layout.paragraph(spans, Style::Roman, BODY_SIZE, MARGIN + HANGING, TEXT_WIDTH - HANGING, 5.0)
            }
            Block::Table(table) => layout.table(table),
            Block::Chart(chart) => layout.chart(chart),
            Block::Map(map) => layout.map(map),
            Block::Phrase { phrase, rest } => {
                layout.ensure(BODY_SIZE * 2.6);
                layout.y -= 4.0;
                let mut spans = vec![Span::Text(phrase.clone())];
                if let Some(rest) = rest {
                    spans.push(Span::Text(format!(" {rest}")));
                }
                // The phrase in italics, its addressees in roman: one paragraph of two styles.
                let mut words = words(&spans[..1], Style::Italic);
                if let Some(last) = words.last_mut() {
                    last.space_after = spans.len() > 1;
                }
                words.extend(self::words(&spans[1..], Style::Roman));
                layout.paragraph_of(words, BODY_SIZE, MARGIN, TEXT_WIDTH, 3.0);
            }
            Block::Item { label, depth, spans } => {
                let indent = HANGING * (*depth as f32);
                layout.ensure(BODY_SIZE * 1.3);
                if let Some(label) = label {
                    let baseline = layout.y - BODY_SIZE * 1.3 + 3.0;
                    layout.set_line(&word(label, Style::Roman), MARGIN + indent, baseline, BODY_SIZE);
                }
                layout.paragraph(
                    spans,
                    Style::Roman,
                    BODY_SIZE,
                    MARGIN + indent + HANGING,
                    TEXT_WIDTH - indent - HANGING,
                    4.0,
                );
            }
        }
    }
    // Each page's number, centred at its foot.
    let count = layout.pages.len();
    for page in 0..count {
        let text = format!("{} / {count}", page + 1);
        let (pieces, width) = layout.setter.line(&Layout::segments(&word(&text, Style::Roman)), 9.0, false);
        let left = PAGE_WIDTH / 2.0 - width / 2.0;
        layout.paragraph += 1;
        let paragraph = layout.paragraph;
        layout.pages[page].push(Mark::Text { left, baseline: BOTTOM / 2.0, size: 9.0, pieces, paragraph });
    }
    layout
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    Font(#[from] FontError),
    #[error("the PDF could not be written: {0}")]
    Writer(String),
}

fn paint(colour: [u8; 3]) -> krilla::paint::Paint {
    rgb::Color::new(colour[0], colour[1], colour[2]).into()
}

/// Writes the report as a PDF file, its fonts embedded.
pub fn render(document: &Document) -> Result<Vec<u8>, PdfError> {
    let layout = lay_out(document);
    if let Some(error) = layout.setter.take_error() {
        return Err(error.into());
    }
    let mut pdf = Pdf::new();
    let mut faces: Vec<(fonts::Face, PdfFont)> = Vec::new();
    // Each paragraph a P of the structure tree, its lines spans in the document's language.
    let mut paragraphs: Vec<(usize, TagGroup)> = Vec::new();
    // Krilla measures from the top of the page, the layout from its foot.
    let down = |y: f32| PAGE_HEIGHT - y;
    for marks in &layout.pages {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Writer("page size".into()))?;
        let mut page = pdf.start_page_with(settings);
        let mut links = Vec::new();
        let mut surface = page.surface();
        for mark in marks {
            match mark {
                Mark::Text { left, baseline, size, pieces, paragraph } => {
                    let span = SpanTag { lang: Some(&document.language), ..SpanTag::empty() };
                    let id = surface.start_tagged(ContentTag::Span(span));
                    surface.set_fill(Some(Fill::default()));
                    for piece in pieces {
                        let face = piece.shaped.face;
                        let font = match faces.iter().find(|(f, _)| *f == face) {
                            Some((_, font)) => font.clone(),
                            None => {
                                let font = PdfFont::new(fonts::bytes(face)?.into(), face.index())
                                    .ok_or(PdfError::Writer(format!("font {face:?}")))?;
                                faces.push((face, font.clone()));
                                font
                            }
                        };
                        surface.draw_glyphs(
                            Point::from_xy(left + piece.x, down(*baseline)),
                            &piece.shaped.glyphs,
                            font,
                            &piece.shaped.text,
                            *size,
                            false,
                        );
                    }
                    surface.end_tagged();
                    match paragraphs.last_mut() {
                        Some((number, group)) if number == paragraph => group.push(id),
                        _ => {
                            let mut group = TagGroup::new(Tag::P);
                            group.push(id);
                            paragraphs.push((*paragraph, group));
                        }
                    }
                }
                Mark::Line { from, to, width, colour } => {
                    let mut path = PathBuilder::new();
                    path.move_to(from[0], down(from[1]));
                    path.line_to(to[0], down(to[1]));
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke { paint: paint(*colour), width: *width, ..Stroke::default() }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Mark::Outline { points, width, colour } => {
                    let mut path = PathBuilder::new();
                    for (i, p) in points.iter().enumerate() {
                        if i == 0 { path.move_to(p[0], down(p[1])) } else { path.line_to(p[0], down(p[1])) }
                    }
                    path.close();
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke { paint: paint(*colour), width: *width, ..Stroke::default() }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Mark::Rectangle { x, y, width, height, colour } => {
                    let mut path = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(*x, down(y + height), *width, *height) {
                        path.push_rect(rect);
                    }
                    if let Some(path) = path.finish() {
                        surface.set_stroke(None);
                        surface.set_fill(Some(Fill {
                            paint: paint(*colour),
                            opacity: NormalizedF32::ONE,
                            ..Fill::default()
                        }));
                        surface.draw_path(&path);
                    }
                }
                Mark::Link { rect, url } => links.push((*rect, url.clone())),
            }
        }
        surface.finish();
        for (rect, url) in links {
            if let Some(rect) = Rect::from_ltrb(rect[0], down(rect[3]), rect[2], down(rect[1])) {
                let target = krilla::action::Action::Link(krilla::action::LinkAction::new(url));
                let link = krilla::annotation::LinkAnnotation::new(rect, krilla::annotation::Target::Action(target));
                page.add_annotation(krilla::annotation::Annotation::new_link(link, None));
            }
        }
        page.finish();
    }
    let mut tree = TagTree::new();
    for (_, group) in paragraphs {
        tree.push(group);
    }
    pdf.set_tag_tree(tree);
    pdf.set_metadata(
        krilla::metadata::Metadata::new()
            .title(document.title.clone())
            .language(document.language.clone())
            .creator("Consulta".into()),
    );
    pdf.finish().map_err(|e| PdfError::Writer(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_wrapped_to_the_width() {
        if !fonts::here_for_tests() {
            return;
        }
        let layout = Layout::new("en");
        let spans = [Span::Text("word ".repeat(200))];
        let lines = layout.wrap(words(&spans, Style::Roman), 200.0, 11.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|l| layout.line_width(l, 11.0) <= 200.0));
    }

    #[test]
    fn chinese_breaks_between_ideographs_but_not_before_a_comma() {
        if !fonts::here_for_tests() {
            return;
        }
        assert_eq!(breakable("各国政府，民间社会"), ["各", "国", "政", "府，", "民", "间", "社", "会"]);
        assert_eq!(breakable("（共计）"), ["（共", "计）"]);
        assert_eq!(breakable("Consulta"), ["Consulta"]);
        assert_eq!(breakable("2010年"), ["2010", "年"]);
        let layout = Layout::new("zh");
        let lines = layout.wrap(words(&[Span::Text("意见".repeat(100))], Style::Roman), 200.0, 11.0);
        assert!(lines.len() > 3 && lines.iter().all(|l| layout.line_width(l, 11.0) <= 200.0));
    }

    #[test]
    fn a_link_keeps_its_punctuation_outside() {
        let spans = [
            Span::Text("See ".into()),
            Span::Link { text: "#12".into(), url: "http://x/12".into() },
            Span::Text(", then".into()),
        ];
        let words = words(&spans, Style::Roman);
        let shown: Vec<(String, bool)> = words.iter().map(|w| (w.text.clone(), w.marking.is_some())).collect();
        assert_eq!(shown, [("See".into(), false), ("#12".into(), true), (",".into(), false), ("then".into(), false)]);
    }

    #[test]
    fn an_arabic_report_starts_its_lines_on_the_right() {
        if !fonts::here_for_tests() {
            return;
        }
        let mut layout = Layout::new("ar");
        layout.paragraph(&[Span::Text("تقرير الأمين العام".into())], Style::Roman, BODY_SIZE, MARGIN, TEXT_WIDTH, 0.0);
        let rightmost = layout.pages[0]
            .iter()
            .flat_map(|m| match m {
                Mark::Text { left, size, pieces, .. } => {
                    pieces.iter().map(|p| left + p.x + p.shaped.advance * size).collect()
                }
                _ => Vec::new(),
            })
            .fold(0.0_f32, f32::max);
        assert!((rightmost - (PAGE_WIDTH - MARGIN)).abs() < 0.5, "{rightmost}");
    }
}
