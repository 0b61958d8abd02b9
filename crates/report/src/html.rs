//! The report as HTML: a fragment for the secretariat's page (styled by the site's stylesheet,
//! which includes `REPORT_CSS`) or a standalone file with the same rules inline. Charts are
//! inline SVG, so the file needs nothing from elsewhere.

use consulta_core::markup::escape_html;

use crate::document::{Block, Chart, Document, GROUP_COLOURS, OpinionMap, Span, Table};

/// The report's own rules, scoped to `.report`: numbered paragraphs in the margin as in UN
/// documents, ruled tables, bar charts. The web's stylesheet appends them to its own.
pub const REPORT_CSS: &str = r#".report { max-width: 46rem; font-family: "Times New Roman", "Liberation Serif", Georgia, serif; font-size: 1.05rem; line-height: 1.5; }
.report .organs { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.25rem 1rem; font-weight: 700; font-size: 1.05rem; border-bottom: 1px solid #1b1f24; padding-bottom: 0.3rem; margin: 0 0 0.5rem; }
.report .organs p { margin: 0; }
.report .organs .symbol { font-weight: 400; }
.report .addressees { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; font-size: 0.9rem; margin: 0 0 1rem; }
.report .addressees p { margin: 0; }
.report .summary { border-top: 1px solid #1b1f24; border-bottom: 1px solid #1b1f24; padding: 0.25rem 0 0.5rem; margin: 0 0 1.5rem; }
.report .summary h2 { font-style: italic; font-weight: 400; text-align: center; margin: 0.5rem 0; }
.report .summary p { margin: 0 0 0.6rem 2.5rem; }
.report .masthead { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; justify-content: flex-end; font-size: 0.9rem; border-bottom: 2px solid #1b1f24; padding-bottom: 0.4rem; margin: 0 0 1rem; }
.report .masthead p { margin: 0; }
.report h1 { font-size: 1.5rem; line-height: 1.25; margin: 1rem 0 0.25rem; }
.report .subtitle { font-weight: 700; font-size: 1.15rem; margin: 0 0 1.5rem; }
.report h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; }
.report p.numbered { display: grid; grid-template-columns: 2.5rem 1fr; margin: 0 0 0.8rem; }
.report p.numbered .number { font-variant-numeric: tabular-nums; }
.report p.plain { margin: 0 0 0.6rem 2.5rem; }
.report table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; width: 100%; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
.report caption { text-align: start; font-weight: 700; padding-bottom: 0.4rem; }
.report th, .report td { border-bottom: 1px solid #d5d9de; padding: 0.3rem 0.5rem; vertical-align: top; text-align: start; }
.report thead th { font-style: italic; font-weight: 400; border-bottom: 1.5px solid #1b1f24; }
.report table.numeric td, .report table.numeric thead th:not(:first-child) { text-align: end; }
.report tfoot th, .report tfoot td { font-weight: 700; border-top: 1.5px solid #1b1f24; }
.report .table-scroll { overflow-x: auto; }
.report figure { margin: 0.5rem 0 1.5rem; }
.report figcaption { font-weight: 700; margin-bottom: 0.3rem; }
.report svg { width: 100%; height: auto; max-width: 40rem; font-family: system-ui, "Liberation Sans", Arial, sans-serif; }
.report svg .bar { fill: #0b4f8a; }
.report svg text { fill: #1b1f24; font-size: 13px; }
@media (max-width: 36rem) { .report p.numbered { grid-template-columns: 2rem 1fr; } .report p.plain { margin-inline-start: 0; } }
"#;

/// The report as an `<article>`, for a page.
pub fn fragment(document: &Document) -> String {
    let mut out = format!("<article class=\"report\" lang=\"{}\">\n", escape_html(&document.language));
    let front = &document.front;
    if !front.organs.is_empty() || front.symbol.is_some() {
        out += "<div class=\"organs\"><p>";
        out += &front.organs.iter().map(|o| escape_html(o)).collect::<Vec<_>>().join("<br>");
        out += "</p>";
        if let Some(symbol) = &front.symbol {
            out += &format!("<p class=\"symbol\">{}</p>", escape_html(symbol));
        }
        out += "</div>\n";
    }
    out += "<div class=\"masthead\">";
    for line in &document.masthead {
        out += &format!("<p>{}</p>", escape_html(line));
    }
    out += "</div>\n";
    if !front.addressees.is_empty() {
        out += "<div class=\"addressees\">";
        for lines in &front.addressees {
            let (organ, rest) = lines.split_first().map_or(("", &[][..]), |(o, r)| (o.as_str(), r));
            out += &format!("<p><strong>{}</strong>", escape_html(organ));
            for line in rest {
                out += &format!("<br>{}", escape_html(line));
            }
            out += "</p>";
        }
        out += "</div>\n";
    }
    out += &format!("<h1>{}</h1>\n", escape_html(&document.title));
    out += &format!("<p class=\"subtitle\">{}</p>\n", escape_html(&document.subtitle));
    if !front.summary.is_empty() {
        out += &format!("<section class=\"summary\"><h2>{}</h2>", escape_html(&front.summary_heading));
        for paragraph in &front.summary {
            out += &format!("<p>{}</p>", escape_html(paragraph));
        }
        out += "</section>\n";
    }
    for block in &document.blocks {
        match block {
            Block::Heading(text) => out += &format!("<h2>{}</h2>\n", escape_html(text)),
            Block::Paragraph { number: Some(n), spans } => {
                out += &format!(
                    "<p class=\"numbered\"><span class=\"number\">{n}.</span><span>{}</span></p>\n",
                    spans_html(spans)
                )
            }
            Block::Paragraph { number: None, spans } => {
                out += &format!("<p class=\"plain\">{}</p>\n", spans_html(spans))
            }
            Block::Table(table) => out += &table_html(table),
            Block::Chart(chart) => out += &chart_svg(chart),
            Block::Map(map) => out += &map_svg(map),
            Block::Phrase { phrase, rest } => {
                let rest = rest.as_deref().map(|r| format!(" {}", escape_html(r))).unwrap_or_default();
                out += &format!("<p class=\"phrase\"><em>{}</em>{rest}</p>\n", escape_html(phrase))
            }
            Block::Item { label, depth, spans } => {
                let label = label
                    .as_deref()
                    .map(|l| format!("<span class=\"number\">{}</span>", escape_html(l)))
                    .unwrap_or_default();
                out += &format!(
                    "<p class=\"numbered\" style=\"margin-inline-start: {}em\">{label}<span>{}</span></p>\n",
                    2.5 * *depth as f64,
                    spans_html(spans)
                )
            }
        }
    }
    out += "</article>\n";
    out
}

/// The report as a whole HTML file.
pub fn standalone(document: &Document) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <style>\nbody {{ margin: 0; padding: 1rem; color: #1b1f24; }}\n.report {{ margin: 0 auto; }}\n{css}</style>\n\
         </head>\n<body>\n{body}</body>\n</html>\n",
        lang = escape_html(&document.language),
        dir = consulta_i18n::direction_of(&document.language),
        title = escape_html(&document.title),
        css = REPORT_CSS,
        body = fragment(document),
    )
}

fn spans_html(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(text) => escape_html(text),
            Span::Link { text, url } => format!("<a href=\"{}\">{}</a>", escape_html(url), escape_html(text)),
            Span::Inserted(text) => format!("<ins>{}</ins>", escape_html(text)),
            Span::Deleted(text) => format!("<del>{}</del>", escape_html(text)),
        })
        .collect()
}

fn table_html(table: &Table) -> String {
    let class = if table.numeric { " class=\"numeric\"" } else { "" };
    let mut out =
        format!("<div class=\"table-scroll\"><table{class}>\n<caption>{}</caption>\n", escape_html(&table.caption));
    out += "<thead><tr>";
    for cell in &table.header {
        out += &format!("<th scope=\"col\">{}</th>", escape_html(cell));
    }
    out += "</tr></thead>\n<tbody>\n";
    let row = |cells: &[String]| {
        let mut row = String::from("<tr>");
        for (i, cell) in cells.iter().enumerate() {
            if i == 0 {
                row += &format!("<th scope=\"row\">{}</th>", escape_html(cell));
            } else {
                row += &format!("<td>{}</td>", escape_html(cell));
            }
        }
        row + "</tr>\n"
    };
    for cells in &table.rows {
        out += &row(cells);
    }
    out += "</tbody>\n";
    if let Some(total) = &table.total {
        out += &format!("<tfoot>{}</tfoot>\n", row(total).trim_end());
    }
    out += "</table></div>\n";
    out
}

/// The opinion map as SVG: a dot per participant, each group's outline and letter.
pub fn map_svg(map: &OpinionMap) -> String {
    const SIZE: f64 = 400.0;
    const MARGIN: f64 = 16.0;
    let at = |p: [f64; 2]| (MARGIN + p[0] * (SIZE - 2.0 * MARGIN), MARGIN + (1.0 - p[1]) * (SIZE - 2.0 * MARGIN));
    let colour = |g: usize| GROUP_COLOURS[g % GROUP_COLOURS.len()];
    let mut out = format!(
        "<figure>\n<figcaption>{caption}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {SIZE} \
         {SIZE}\" role=\"img\" aria-label=\"{caption}\" style=\"max-width:28rem;border:1px solid #d5d9de\">\n",
        caption = escape_html(&map.caption)
    );
    for (g, group) in map.groups.iter().enumerate() {
        let points: Vec<String> = group.hull.iter().map(|p| at(*p)).map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        out += &format!(
            "<polygon points=\"{}\" fill=\"#{c}\" fill-opacity=\"0.12\" stroke=\"#{c}\" stroke-width=\"1.5\"/>\n",
            points.join(" "),
            c = colour(g)
        );
    }
    for (place, group) in &map.points {
        let (x, y) = at(*place);
        out += &format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\" fill=\"#{}\"/>", colour(*group));
    }
    for group in &map.groups {
        let (x, y) = at(group.centre);
        out += &format!(
            "\n<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\" dominant-baseline=\"middle\" \
             style=\"font-size:22px;font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:4px\">{}</text>",
            escape_html(&group.label)
        );
    }
    out += "\n</svg>\n</figure>\n";
    out
}

/// A horizontal bar chart: labels on the left, bars scaled to the largest count, counts at
/// the end of each bar.
fn chart_svg(chart: &Chart) -> String {
    const WIDTH: u64 = 640;
    const LABEL: u64 = 250;
    const ROW: u64 = 28;
    const BAR_SPACE: u64 = WIDTH - LABEL - 50;
    let largest = chart.largest().max(1);
    let height = ROW * chart.bars.len() as u64 + 8;
    let mut out = format!(
        "<figure>\n<figcaption>{caption}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} \
         {height}\" role=\"img\" aria-label=\"{caption}\">\n",
        caption = escape_html(&chart.caption)
    );
    for (i, (label, count)) in chart.bars.iter().enumerate() {
        let y = ROW * i as u64 + 4;
        let length = (BAR_SPACE * count).div_ceil(largest);
        out += &format!(
            "<text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect class=\"bar\" x=\"{LABEL}\" y=\"{y}\" width=\"{length}\" height=\"{h}\"/>\
             <text x=\"{cx}\" y=\"{ty}\">{count}</text>\n",
            lx = LABEL - 8,
            ty = y + 15,
            label = escape_html(label),
            h = ROW - 8,
            cx = LABEL + length + 6,
        );
    }
    out += "</svg>\n</figure>\n";
    out
}
