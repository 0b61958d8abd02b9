//! The report as Markdown (CommonMark with pipe tables): numbered paragraphs keep their
//! numbers, charts become tables of bars drawn with block characters.

use crate::document::{Block, Chart, Document, OpinionMap, Span};

/// The report as Markdown.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    let front = &document.front;
    for line in front.organs.iter().chain(&front.symbol) {
        out += &format!("**{}**  \n", escape(line));
    }
    for line in &document.masthead {
        out += &format!("{}  \n", escape(line));
    }
    for lines in &front.addressees {
        out.push('\n');
        for (i, line) in lines.iter().enumerate() {
            out += &if i == 0 { format!("**{}**  \n", escape(line)) } else { format!("{}  \n", escape(line)) };
        }
    }
    out += &format!("\n# {}\n\n**{}**\n", escape(&document.title), escape(&document.subtitle));
    if !front.summary.is_empty() {
        out += &format!("\n## *{}*\n", escape(&front.summary_heading));
        for paragraph in &front.summary {
            out += &format!("\n> {}\n", escape(paragraph));
        }
    }
    for block in &document.blocks {
        out.push('\n');
        match block {
            Block::Heading(text) => out += &format!("## {}\n", escape(text)),
            // A number followed by a full stop starts an ordered list that keeps its number.
            Block::Paragraph { number: Some(n), spans } => out += &format!("{n}. {}\n", spans_markdown(spans)),
            Block::Paragraph { number: None, spans } => out += &format!("{}\n", spans_markdown(spans)),
            Block::Table(table) => {
                out += &format!("**{}**\n\n", escape(&table.caption));
                out += &table_markdown(&table.header, &table.rows, table.total.as_deref(), table.numeric);
            }
            Block::Chart(chart) => out += &chart_markdown(chart),
            Block::Map(map) => out += &map_markdown(map),
            Block::Phrase { phrase, rest } => {
                let rest = rest.as_deref().map(|r| format!(" {}", escape(r))).unwrap_or_default();
                out += &format!("*{}*{rest}\n", escape(phrase))
            }
            // Indented by its depth, as a nested list's line, its label kept as written.
            Block::Item { label, depth, spans } => {
                let label = label.as_deref().map(|l| format!("{} ", escape(l))).unwrap_or_default();
                out += &format!("{}- {label}{}\n", "  ".repeat(*depth), spans_markdown(spans))
            }
        }
    }
    out
}

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn spans_markdown(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(text) => escape(text),
            Span::Link { text, url } => format!("[{}](<{}>)", escape(text), url.replace('>', "%3E")),
            // Markdown has no underline: an insertion is HTML's, a deletion GitHub's strikethrough.
            Span::Inserted(text) => format!("<ins>{}</ins>", escape(text)),
            Span::Deleted(text) => format!("~~{}~~", escape(text)),
        })
        .collect()
}

/// A pipe table: the first column aligned left, the others right when `numeric`; the total
/// row in bold.
pub(crate) fn table_markdown(
    header: &[String],
    rows: &[Vec<String>],
    total: Option<&[String]>,
    numeric: bool,
) -> String {
    let row = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | "));
    let mut out = row(header);
    let align = if numeric { "---:|" } else { "---|" };
    out += &format!("|:---|{}\n", align.repeat(header.len().saturating_sub(1)));
    for cells in rows {
        out += &row(cells);
    }
    if let Some(total) = total {
        let bold: Vec<String> = total.iter().map(|c| format!("**{}**", escape(c))).collect();
        out += &format!("| {} |\n", bold.join(" | "));
    }
    out
}

/// The opinion map as a block of text: each cell of a grid shows the letter of the group most of
/// its participants belong to.
fn map_markdown(map: &OpinionMap) -> String {
    let mut out = format!("**{}**\n\n```text\n", escape(&map.caption));
    for row in map.grid(48, 20) {
        let line: String =
            row.iter().map(|cell| cell.and_then(|g| map.groups.get(g)?.label.chars().next()).unwrap_or(' ')).collect();
        out += line.trim_end();
        out.push('\n');
    }
    out + "```\n"
}

fn chart_markdown(chart: &Chart) -> String {
    const WIDTH: u64 = 30;
    let largest = chart.largest().max(1);
    let mut out = format!("**{}**\n\n", escape(&chart.caption));
    out += "| | |\n|:---|:---|\n";
    for (label, count) in &chart.bars {
        let bar = "█".repeat((WIDTH * count).div_ceil(largest) as usize);
        out += &format!("| {} | {bar} {count} |\n", escape(label));
    }
    out
}
