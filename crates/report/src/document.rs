//! A report as a format-neutral document: headings, numbered paragraphs, tables and bar charts,
//! which each renderer (HTML, Markdown, DOCX, PDF) lays out its own way.

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Link {
        text: String,
        url: String,
    },
    /// Words a later revision inserts: underlined.
    Inserted(String),
    /// Words a later revision strikes out: struck through.
    Deleted(String),
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Text(text) | Span::Link { text, .. } | Span::Inserted(text) | Span::Deleted(text) => text,
        }
    }
}

/// A table: a label column, then numeric (or short) columns; an optional total row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
    /// Whether the columns after the first hold numbers (aligned right).
    pub numeric: bool,
}

/// How many characters of table text to count on across the text width (Times at table size,
/// with room for capitals and italics, so that an estimate errs on the wide side).
const CHARACTERS_ACROSS: f64 = 75.0;

impl Table {
    /// How the text width is shared among the columns: each column after the first gets room for
    /// its longest word (so that no header breaks inside a word) and, up to a point, its widest
    /// cell; the first column, the labels, takes the rest (at least a quarter).
    pub fn column_shares(&self) -> Vec<f64> {
        let columns = self.header.len();
        if columns <= 1 {
            return vec![1.0];
        }
        let cells = |i: usize| {
            std::iter::once(&self.header).chain(&self.rows).chain(self.total.iter()).filter_map(move |row| row.get(i))
        };
        let cap = if self.numeric { 12 } else { 28 };
        let needs: Vec<f64> = (1..columns)
            .map(|i| {
                let word = cells(i).flat_map(|c| c.split_whitespace()).map(|w| w.chars().count()).max().unwrap_or(1);
                let widest = cells(i).skip(1).map(|c| c.chars().count()).max().unwrap_or(1).min(cap);
                (word.max(widest) + 3) as f64 / CHARACTERS_ACROSS
            })
            .collect();
        let wanted: f64 = needs.iter().sum();
        let scale = if wanted > 0.75 { 0.75 / wanted } else { 1.0 };
        let others: Vec<f64> = needs.iter().map(|n| n * scale).collect();
        std::iter::once(1.0 - others.iter().sum::<f64>()).chain(others).collect()
    }
}

/// A horizontal bar chart of counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub caption: String,
    pub bars: Vec<(String, u64)>,
}

impl Chart {
    pub fn largest(&self) -> u64 {
        self.bars.iter().map(|(_, n)| *n).max().unwrap_or(0)
    }
}

/// The opinion map: each placed participant a point in the unit square (y up), coloured by its
/// opinion group, and each group's outline.
#[derive(Debug, Clone, PartialEq)]
pub struct OpinionMap {
    pub caption: String,
    /// (place, group).
    pub points: Vec<([f64; 2], usize)>,
    /// Each group's convex hull and its label (letter) at the group's centre.
    pub groups: Vec<MapGroup>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapGroup {
    pub label: String,
    pub hull: Vec<[f64; 2]>,
    pub centre: [f64; 2],
}

/// The colours of the opinion groups, told apart by lightness too (hexadecimal RGB).
pub const GROUP_COLOURS: [&str; 5] = ["0B4F8A", "B35C00", "2E7D32", "7B1FA2", "5D4037"];

impl OpinionMap {
    /// Which group holds the most points in each cell of a `columns` × `rows` grid, row by row
    /// from the top: the map as text and table renderers draw it.
    pub fn grid(&self, columns: usize, rows: usize) -> Vec<Vec<Option<usize>>> {
        let groups = self.groups.len().max(1);
        let mut counts = vec![vec![vec![0u32; groups]; columns]; rows];
        for (place, group) in &self.points {
            let column = ((place[0] * columns as f64) as usize).min(columns - 1);
            let row = (((1.0 - place[1]) * rows as f64) as usize).min(rows - 1);
            if let Some(count) = counts[row][column].get_mut(*group) {
                *count += 1;
            }
        }
        counts
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|cell| {
                        let (group, most) =
                            cell.iter().enumerate().max_by_key(|(g, n)| (**n, std::cmp::Reverse(*g)))?;
                        (*most > 0).then_some(group)
                    })
                    .collect()
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A chapter heading ("I. Context").
    Heading(String),
    /// A paragraph, numbered in the style of UN reports when `number` is set.
    Paragraph {
        number: Option<u32>,
        spans: Vec<Span>,
    },
    Table(Table),
    Chart(Chart),
    Map(OpinionMap),
    /// The verb phrase that opens a section of a draft ("recalling", "invites"), set in italics,
    /// and what follows it (the addressees).
    Phrase {
        phrase: String,
        rest: Option<String>,
    },
    /// An item of a draft: its label ("a)", "ii)", or a quoted paragraph's own number) hanging
    /// before its text, indented by its depth.
    Item {
        label: Option<String>,
        depth: usize,
        spans: Vec<Span>,
    },
}

/// What comes before the report's chapters in a UN document, as the secretariat set it: the
/// organs and the symbol on the top line, each organ's session and agenda item, the Summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// The organs named on the top line ("General Assembly", "Economic and Social Council").
    pub organs: Vec<String>,
    /// The document symbol, on the top line opposite the organs.
    pub symbol: Option<String>,
    /// For each organ: its name, then its session, agenda item and item title, as printed.
    pub addressees: Vec<Vec<String>>,
    /// The Summary's heading and paragraphs; none when the secretariat wrote none.
    pub summary_heading: String,
    pub summary: Vec<String>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The language it is written in (BCP 47 primary subtag).
    pub language: String,
    pub front: FrontMatter,
    /// The lines of the masthead: distribution, date, original language.
    pub masthead: Vec<String>,
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
    /// Whether the annex of contributors is too long to print: then it is a file of its own that
    /// the report names (`synthesis::annex_file_name`, written by `synthesis::write_annex_csv`).
    pub separate_annex: bool,
}

impl Document {
    /// Every table, in order (what tests compare against the seeds).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
    }

    /// The document's plain text, paragraph by paragraph (for tests and search).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for line in self.front.organs.iter().chain(&self.front.symbol).chain(self.front.addressees.iter().flatten()) {
            out += &format!("{line}\n");
        }
        out += &format!("{}\n{}\n", self.title, self.subtitle);
        if !self.front.summary.is_empty() {
            out += &format!("{}\n{}\n", self.front.summary_heading, self.front.summary.join("\n"));
        }
        for block in &self.blocks {
            match block {
                Block::Heading(text) => out += &format!("\n{text}\n"),
                Block::Paragraph { number, spans } => {
                    let text: String = spans.iter().map(Span::text).collect();
                    match number {
                        Some(n) => out += &format!("{n}. {text}\n"),
                        None => out += &format!("{text}\n"),
                    }
                }
                Block::Table(table) => out += &format!("[{}]\n", table.caption),
                Block::Chart(chart) => out += &format!("[{}]\n", chart.caption),
                Block::Map(map) => out += &format!("[{}]\n", map.caption),
                Block::Phrase { phrase, rest } => {
                    out += &format!("{phrase}{}\n", rest.as_deref().map(|r| format!(" {r}")).unwrap_or_default())
                }
                Block::Item { label, depth, spans } => {
                    let text: String = spans.iter().map(Span::text).collect();
                    let label = label.as_deref().map(|l| format!("{l} ")).unwrap_or_default();
                    out += &format!("{}{label}{text}\n", "    ".repeat(*depth));
                }
            }
        }
        out
    }
}

/// Builds a document block by block, numbering paragraphs as it goes.
#[derive(Debug, Default)]
pub struct Builder {
    blocks: Vec<Block>,
    next_number: u32,
}

impl Builder {
    pub fn heading(&mut self, text: String) {
        self.blocks.push(Block::Heading(text));
    }

    /// A numbered paragraph.
    pub fn numbered(&mut self, spans: Vec<Span>) {
        self.next_number += 1;
        self.blocks.push(Block::Paragraph { number: Some(self.next_number), spans });
    }

    /// An unnumbered paragraph (a note, a list under a heading).
    pub fn plain(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Paragraph { number: None, spans });
    }

    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    pub fn chart(&mut self, chart: Chart) {
        if chart.largest() > 0 {
            self.blocks.push(Block::Chart(chart));
        }
    }

    pub fn map(&mut self, map: OpinionMap) {
        if !map.points.is_empty() {
            self.blocks.push(Block::Map(map));
        }
    }

    pub fn finish(self) -> Vec<Block> {
        self.blocks
    }
}

/// Whether a paragraph of `text` reads right to left: by its first strong letter, as
/// `dir="auto"` decides in a page, the document's direction when it has none (an English
/// summary in an Arabic report reads left to right). The PDF and DOCX renderers both ask this.
pub fn reads_right_to_left(text: &str, document_rtl: bool) -> bool {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Ltr => false,
        unicode_bidi::Direction::Rtl => true,
        unicode_bidi::Direction::Mixed => document_rtl,
    }
}

/// A chapter's number as UN reports write it (I to XII; the last for any beyond).
pub fn roman(chapter: usize) -> &'static str {
    const NUMERALS: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    NUMERALS[chapter.clamp(1, NUMERALS.len()) - 1]
}
