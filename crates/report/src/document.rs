//! A report as a format-neutral document: headings, numbered paragraphs, tables and bar charts,
//! which each renderer (HTML, Markdown, DOCX, PDF) lays out its own way.

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Link { text: String, url: String },
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Text(text) | Span::Link { text, .. } => text,
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

#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The language it is written in (BCP 47 primary subtag).
    pub language: String,
    /// The lines of the masthead: distribution, date, original language.
    pub masthead: Vec<String>,
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

impl Document {
    /// Every table, in order (what tests compare against the seeds).
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
    }

    /// The document's plain text, paragraph by paragraph (for tests and search).
    pub fn plain_text(&self) -> String {
        let mut out = format!("{}\n{}\n", self.title, self.subtitle);
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

    pub fn finish(self) -> Vec<Block> {
        self.blocks
    }
}
