//! Reports drawn from the record: the distribution table (contributions by stakeholder group ×
//! channel, as in seeds/003) in text, CSV, JSON or Markdown, and the synthesis report
//! (`synthesis`) as a `Document` rendered to HTML, Markdown, DOCX or PDF. The command line and
//! the web call the same functions.

pub mod agreement;
pub mod agreement_chapter;
pub mod bodies;
pub mod campaigns;
pub mod document;
pub mod docx;
pub mod drafts;
pub mod follow_up;
pub mod follow_up_report;
pub mod forum;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod reporting_rounds;
pub mod synthesis;

pub use document::Document;
pub use synthesis::{
    ANNEX_INLINE_MAX, AnnexError, AnnexSize, Links, ReportInput, annex_file_name, annex_size, gather, synthesis,
    write_annex_csv,
};

use consulta_core::table::ChannelCounts;
use consulta_core::{Channel, ConsultationId, DistributionTable};
use consulta_i18n::Localizer;
use consulta_store::{RecordStore, StoreError};
use serde::Serialize;

/// Builds the distribution table of a consultation from the record.
pub fn distribution_table(
    store: &dyn RecordStore,
    consultation: ConsultationId,
) -> Result<DistributionTable, StoreError> {
    let order = store.stakeholder_groups()?;
    Ok(DistributionTable::from_standings(&order, store.channel_counts(consultation)?))
}

/// How the lists of the analyses (groups, statements, campaigns) are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Text,
    Csv,
    Json,
    Markdown,
}

/// Renders the table; labels (not the CSV's identifiers) are in the localizer's language.
pub fn render_table(table: &DistributionTable, format: TableFormat, localizer: &Localizer) -> String {
    match format {
        TableFormat::Text => render_text(table, localizer),
        TableFormat::Csv => render_csv(table),
        TableFormat::Json => render_json(table, localizer),
        TableFormat::Markdown => render_markdown(table, localizer),
    }
}

/// A stakeholder group's label: its message `group-<id>`, or the id where none exists.
pub fn group_label(group: &str, localizer: &Localizer) -> String {
    let key = format!("group-{group}");
    if localizer.has(&key) { localizer.text(&key) } else { group.to_owned() }
}

fn counts_row(counts: &ChannelCounts) -> Vec<String> {
    Channel::ALL.iter().map(|c| counts.get(*c).to_string()).chain([counts.total().to_string()]).collect()
}

/// The header and body as cells: first the label column, then one per channel, then the total.
fn cells(table: &DistributionTable, localizer: &Localizer) -> (Vec<String>, Vec<Vec<String>>) {
    let header = [localizer.text("table-group")]
        .into_iter()
        .chain(Channel::ALL.iter().map(|c| localizer.text(&format!("channel-{}", c.as_str()))))
        .chain([localizer.text("table-total")])
        .collect();
    let body = table
        .rows
        .iter()
        .map(|row| [group_label(row.group.as_str(), localizer)].into_iter().chain(counts_row(&row.counts)).collect())
        .chain([[localizer.text("table-total")].into_iter().chain(counts_row(&table.totals)).collect()])
        .collect();
    (header, body)
}

fn render_text(table: &DistributionTable, localizer: &Localizer) -> String {
    let (header, body) = cells(table, localizer);
    let width =
        |column: usize| std::iter::once(&header).chain(&body).map(|row| row[column].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |row: &[String]| {
        let mut out = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let pad = w - cell.chars().count();
            if i == 0 {
                out.push_str(cell);
                out.push_str(&" ".repeat(pad));
            } else {
                out.push_str("  ");
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            }
        }
        out.trim_end().to_owned() + "\n"
    };
    let rule = "-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)) + "\n";
    let mut out = localizer.text("table-caption") + "\n\n" + &line(&header) + &rule;
    let (total, rows) = body.split_last().map_or((None, &body[..]), |(t, r)| (Some(t), r));
    for row in rows {
        out += &line(row);
    }
    if let Some(total) = total {
        out += &rule;
        out += &line(total);
    }
    if let Some(row) = unverified_row(table, localizer) {
        out += &line(&row);
    }
    out + &withheld_note(table, localizer).map(|note| format!("\n{note}\n")).unwrap_or_default()
}

/// The line of unverified contributions, shown under the table and not in its totals, if any.
fn unverified_row(table: &DistributionTable, localizer: &Localizer) -> Option<Vec<String>> {
    (table.unverified.total() > 0)
        .then(|| [localizer.text("table-unverified")].into_iter().chain(counts_row(&table.unverified)).collect())
}

/// What the table says of withheld contributions, if any.
fn withheld_note(table: &DistributionTable, localizer: &Localizer) -> Option<String> {
    (table.withheld > 0).then(|| localizer.format("table-withheld-note", &[("count", table.withheld.into())]))
}

fn render_csv(table: &DistributionTable) -> String {
    let mut out = String::from("group,written,presentation,intervention,total\n");
    let rows = table.rows.iter().map(|r| (r.group.as_str(), &r.counts)).chain([("total", &table.totals)]);
    for (group, counts) in rows {
        out += &format!("{group},{}\n", counts_row(counts).join(","));
    }
    if table.unverified.total() > 0 {
        out += &format!("unverified,{}\n", counts_row(&table.unverified).join(","));
    }
    out
}

fn render_markdown(table: &DistributionTable, localizer: &Localizer) -> String {
    let (header, mut body) = cells(table, localizer);
    let total = body.pop();
    let mut out = markdown::table_markdown(&header, &body, total.as_deref(), true);
    if let Some(row) = unverified_row(table, localizer) {
        out += &format!("| {} |\n", row.iter().map(|c| markdown::escape(c)).collect::<Vec<_>>().join(" | "));
    }
    if let Some(note) = withheld_note(table, localizer) {
        out += &format!("\n{note}\n");
    }
    out
}

/// The formats of the synthesis report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Markdown,
    Docx,
    Pdf,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 4] =
        [ReportFormat::Html, ReportFormat::Markdown, ReportFormat::Docx, ReportFormat::Pdf];

    /// The file name extension, which also names the format in URLs.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Markdown => "md",
            ReportFormat::Docx => "docx",
            ReportFormat::Pdf => "pdf",
        }
    }

    pub fn from_extension(extension: &str) -> Option<ReportFormat> {
        Self::ALL.into_iter().find(|f| f.extension() == extension)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            ReportFormat::Html => "text/html; charset=utf-8",
            ReportFormat::Markdown => "text/markdown; charset=utf-8",
            ReportFormat::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ReportFormat::Pdf => "application/pdf",
        }
    }
}

/// The report's bytes in a format. Only the PDF can fail: it needs its fonts.
pub fn render_report(document: &Document, format: ReportFormat) -> Result<Vec<u8>, pdf::PdfError> {
    match format {
        ReportFormat::Html => Ok(html::standalone(document).into_bytes()),
        ReportFormat::Markdown => Ok(markdown::render(document).into_bytes()),
        ReportFormat::Docx => {
            // Writing a zip into memory can only fail on a bug in the zip writer itself.
            Ok(docx::write(document, std::io::Cursor::new(Vec::new())).map(|c| c.into_inner()).unwrap_or_default())
        }
        ReportFormat::Pdf => pdf::render(document),
    }
}

/// What is wrong with a report's details, in the reader's language.
pub fn describe_details_problem(
    error: &consulta_core::report_details::ReportDetailsError,
    localizer: &Localizer,
) -> String {
    use consulta_core::report_details::ReportDetailsError;
    let field = match error {
        ReportDetailsError::TooLong { field, .. } | ReportDetailsError::ControlCharacter { field } => {
            localizer.text(&format!("report-details-field-{field}"))
        }
        ReportDetailsError::OrganTwice(organ) => localizer.text(&format!("organ-{organ}")),
        ReportDetailsError::UnknownOrgan(value) | ReportDetailsError::Language(value) => value.clone(),
    };
    let max = match error {
        ReportDetailsError::TooLong { max, .. } => *max,
        _ => 0,
    };
    localizer.format(&format!("report-details-{}", error.code()), &[("field", field.into()), ("max", max.into())])
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct JsonCounts {
    written: u64,
    presentation: u64,
    intervention: u64,
    total: u64,
}

impl From<&ChannelCounts> for JsonCounts {
    fn from(c: &ChannelCounts) -> Self {
        JsonCounts { written: c.written, presentation: c.presentation, intervention: c.intervention, total: c.total() }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct JsonRow {
    group: String,
    label: String,
    #[serde(flatten)]
    counts: JsonCounts,
}

/// The distribution table as JSON (`consulta table --format json`, `GET …/table`).
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = DistributionTable)]
pub struct JsonTable {
    language: &'static str,
    groups: Vec<JsonRow>,
    total: JsonCounts,
    /// Not in `total`: contributions whose sender's identity is not verified.
    unverified: JsonCounts,
    /// Not counted anywhere: contributions withheld from publication.
    withheld: u64,
}

fn render_json(table: &DistributionTable, localizer: &Localizer) -> String {
    let json = JsonTable {
        language: localizer.language(),
        groups: table
            .rows
            .iter()
            .map(|r| JsonRow {
                group: r.group.to_string(),
                label: group_label(r.group.as_str(), localizer),
                counts: (&r.counts).into(),
            })
            .collect(),
        total: (&table.totals).into(),
        unverified: (&table.unverified).into(),
        withheld: table.withheld,
    };
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use consulta_core::StakeholderGroupId;

    fn seeds_table() -> DistributionTable {
        let order: Vec<StakeholderGroupId> =
            consulta_core::stakeholder::DEFAULT_GROUPS.iter().map(|g| g.parse().expect("id")).collect();
        let seeds = [
            ("government", [11, 13, 8]),
            ("international_organization", [7, 1, 0]),
            ("civil_society", [32, 7, 3]),
            ("private_sector", [9, 5, 2]),
        ];
        let counts = seeds
            .iter()
            .flat_map(|(g, n)| Channel::ALL.into_iter().zip(n).map(|(c, n)| (g.parse().expect("id"), c, *n)));
        DistributionTable::from_counts(&order, counts)
    }

    #[test]
    fn csv_is_exactly_the_documented_format() {
        let csv = render_table(&seeds_table(), TableFormat::Csv, &Localizer::default());
        assert_eq!(
            csv,
            "group,written,presentation,intervention,total\n\
             government,11,13,8,32\n\
             international_organization,7,1,0,8\n\
             civil_society,32,7,3,42\n\
             private_sector,9,5,2,16\n\
             total,59,26,13,98\n"
        );
    }

    #[test]
    fn text_is_laid_out_like_the_seeds_table_in_french() {
        let fr = Localizer::for_language("fr").expect("fr");
        let text = render_table(&seeds_table(), TableFormat::Text, &fr);
        assert!(text.starts_with("Répartition des contributions reçues\n"), "{text}");
        assert!(text.contains("Observations écrites"));
        let government = text.lines().find(|l| l.starts_with("Gouvernements")).expect("row");
        assert_eq!(government.split_whitespace().skip(1).collect::<Vec<_>>(), ["11", "13", "8", "32"]);
        let total = text.lines().last().expect("total");
        assert_eq!(total.split_whitespace().collect::<Vec<_>>(), ["Total", "59", "26", "13", "98"]);
    }

    #[test]
    fn json_carries_ids_labels_and_totals() {
        let json = render_table(&seeds_table(), TableFormat::Json, &Localizer::default());
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["groups"][2]["group"], "civil_society");
        assert_eq!(value["groups"][2]["label"], "Civil society");
        assert_eq!(value["groups"][2]["total"], 42);
        assert_eq!(value["total"]["total"], 98);
    }

    #[test]
    fn markdown_is_a_table_with_a_bold_total() {
        let md = render_table(&seeds_table(), TableFormat::Markdown, &Localizer::default());
        let lines: Vec<_> = md.lines().collect();
        assert_eq!(lines.len(), 2 + 4 + 1);
        assert_eq!(lines[1], "|:---|---:|---:|---:|---:|");
        assert_eq!(lines[6], "| **Total** | **59** | **26** | **13** | **98** |");
    }
}
