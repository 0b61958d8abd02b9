//! The synthesis report of a consultation as a UN document, in the style of the
//! Secretary-General's report on enhanced cooperation (A/66/77–E/2011/103): the organs, symbol,
//! session and agenda item and the Summary the secretariat set, then context, organisation with
//! its tables, the issues raised and by whom (contributors by name), the mechanisms and the gaps,
//! the conclusions, and an annex of contributors (a separate file when it is long), in numbered
//! paragraphs. `gather` reads what it needs from the store; `synthesis` writes it in one language.

use std::collections::{BTreeMap, BTreeSet};

use consulta_analysis::citations::cited_in;
use consulta_analysis::{Cited, CrossTable};
use consulta_core::issue::gaps;
use consulta_core::report_details::in_language;
use consulta_core::{
    Channel, Consultation, ConsultationId, ContributionId, Gap, Issue, IssueId, Matrix, Mechanism, Meeting,
    StakeholderGroupId,
};
use consulta_core::{Organ, ReportDetails};
use consulta_i18n::{Arg, Localizer};
use consulta_store::{Contributor, Store, StoreError};
use jiff::civil::Date;

use crate::document::{Builder, Chart, Document, FrontMatter, Span, Table};
use crate::{distribution_table, group_label};

mod annex;
mod counts;

pub use annex::{AnnexError, write_annex_csv};
use annex::{annex_header, annex_row};
pub use counts::{ContributionFacts, IssueCounts, NAMED_PER_ISSUE, RecordCounts};
use counts::{NO_COUNTRY, NOT_LISTED};

/// Everything the report draws on, read from the store in one pass: counts, not the
/// contributions themselves, so that its size does not grow with the record.
#[derive(Debug, Clone)]
pub struct ReportInput {
    pub consultation: Consultation,
    pub meetings: Vec<Meeting>,
    /// The stakeholder groups, in the order tables list them.
    pub groups: Vec<StakeholderGroupId>,
    /// The contributions, counted.
    pub counts: RecordCounts,
    /// How many contributors the counted contributions have.
    pub contributors: u64,
    /// For each issue raised, how many contributors raised it.
    pub issue_contributors: BTreeMap<IssueId, u64>,
    /// Every contributor with their contributions, when the annex is printed in the report;
    /// None when it is a file of its own (`annex_is_separate`), written by `write_annex_csv`.
    pub annex: Option<Vec<Contributor>>,
    pub issues: Vec<Issue>,
    pub mechanisms: Vec<Mechanism>,
    pub matrix: Matrix,
    pub table: consulta_core::DistributionTable,
    /// What the secretariat set: symbol, organs, summary, conclusions.
    pub details: ReportDetails,
    /// The points of agreement, when statements were put to the vote.
    pub agreement: Option<crate::agreement::Agreement>,
    /// The campaigns among the counted contributions, and the distinct voices.
    pub voices: crate::campaigns::Voices,
}

/// How many contributions are read from the store at a time.
const BATCH: usize = 1000;

/// Reads what the report of `consultation` needs.
pub fn gather(store: &dyn Store, consultation: Consultation) -> Result<ReportInput, StoreError> {
    let mut counts = RecordCounts::default();
    consulta_store::for_each_id_batch(store, consultation.id, BATCH, |ids| {
        let mut tags: BTreeMap<ContributionId, Vec<IssueId>> = BTreeMap::new();
        for (contribution, issue) in store.issue_tags_of(&ids)? {
            tags.entry(contribution).or_default().push(issue);
        }
        for c in store.public_texts(&ids)? {
            counts.add(ContributionFacts {
                // A withheld contribution's text is not the report's to quote, nor its citations.
                cited: if c.withheld {
                    Vec::new()
                } else {
                    cited_in(&format!("{}\n{}\n{}", c.title, c.body, c.attachments_text))
                },
                issues: tags.remove(&c.id).unwrap_or_default(),
                id: c.id,
                entity_name: c.entity_name,
                group: c.group,
                channel: c.channel,
                country: c.country,
                withheld: c.withheld,
                unverified: c.unverified,
            });
        }
        Ok::<_, StoreError>(())
    })?;
    let AnnexSize { contributors, separate } = annex_size(store, consultation.id)?;
    let annex = if separate {
        None
    } else {
        let mut annex = Vec::new();
        store.contributors(consultation.id, &mut |c| {
            annex.push(c);
            Ok(())
        })?;
        Some(annex)
    };
    Ok(ReportInput {
        meetings: store.meetings(consultation.id)?,
        groups: store.stakeholder_groups()?,
        issues: store.issues()?,
        mechanisms: store.mechanisms()?,
        matrix: store.matrix()?,
        table: distribution_table(store, consultation.id)?,
        details: store.report_details(consultation.id)?,
        voices: crate::campaigns::distinct_voices(store, &consultation)?,
        agreement: if store.statements(consultation.id, Some(consulta_core::Moderation::Accepted))?.is_empty() {
            None
        } else {
            Some(crate::agreement::agreement_of(store, &consultation)?)
        },
        issue_contributors: store.issue_contributor_counts(consultation.id)?.into_iter().collect(),
        counts,
        contributors,
        annex,
        consultation,
    })
}

/// How many rows the citation tables show.
const CITATION_ROWS: usize = 10;

/// Past this many contributors, the annex is a file of its own that the report names, so that a
/// consultation of a million contributors does not make a report of thousands of pages.
pub const ANNEX_INLINE_MAX: u64 = 1_000;
/// Past this many contributions, the same: a few contributors may send thousands.
pub const ANNEX_INLINE_CONTRIBUTIONS_MAX: u64 = 10_000;

/// How many contributors a consultation's annex lists, and whether that makes it a file of its
/// own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnexSize {
    pub contributors: u64,
    pub separate: bool,
}

/// The annex's size, from the counts the store keeps (it reads no contribution).
pub fn annex_size(store: &dyn Store, consultation: ConsultationId) -> Result<AnnexSize, StoreError> {
    let contributors = store.contributor_count(consultation)?;
    let contributions = distribution_table(store, consultation)?.totals.total();
    let separate = contributors > ANNEX_INLINE_MAX || contributions > ANNEX_INLINE_CONTRIBUTIONS_MAX;
    Ok(AnnexSize { contributors, separate })
}

/// Where the report's readers find things: the instance's public address, never one a request
/// named; without one, the report names contributions without linking them.
#[derive(Debug, Clone)]
pub struct Links {
    pub base_url: Option<String>,
}

impl Links {
    /// `text` linking to contribution `id`, or plain text when there is no public address.
    fn contribution(&self, text: String, id: ContributionId) -> Span {
        match &self.base_url {
            Some(base) => Span::Link { text, url: format!("{}/contributions/{}", base.trim_end_matches('/'), id.0) },
            None => Span::Text(text),
        }
    }
}

/// The name of the annex file a long report names (the CLI writes it beside the report, the
/// web offers it for download).
pub fn annex_file_name(consultation: &Consultation, language: &str) -> String {
    format!("{}-contributors-{language}.csv", consultation.record.slug.as_str())
}

fn text(s: String) -> Span {
    Span::Text(s)
}

/// Writes the report in the localizer's language, dated `today`.
pub fn synthesis(input: &ReportInput, localizer: &Localizer, links: &Links, today: Date) -> Document {
    let l = localizer;
    let language = l.language();
    let record = &input.consultation.record;
    let original = record.original_language.primary();
    let title = record.title.get(language, original).to_owned();
    let masthead = vec![
        l.text("report-distribution"),
        l.date(today),
        l.format("report-original", &[("name", l.format("language-of", &[("language", original.into())]).into())]),
    ];
    let group_name = |g: &StakeholderGroupId| group_label(g.as_str(), l);
    let issue_name = |id: &str| {
        input
            .issues
            .iter()
            .find(|i| i.id.as_str() == id)
            .map_or_else(|| id.to_owned(), |i| i.label.get(language, "en").to_owned())
    };
    let counts = &input.counts;

    let front = front_matter(&input.details, l);
    let subtitle = l.text(if input.details.is_empty() { "report-subtitle" } else { "report-of-the-secretary-general" });
    let mut b = Builder::default();

    // I. Context.
    b.heading(l.text("report-section-context"));
    let mandate = record.mandate.get(language, original);
    b.numbered(vec![text(if mandate.is_empty() {
        l.format("report-context", &[("title", title.clone().into())])
    } else {
        l.format("report-context-mandate", &[("title", title.clone().into()), ("mandate", mandate.into())])
    })]);
    if !record.questions.is_empty() {
        let questions: Vec<String> = record
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| format!("({}) {}", char::from(b'a' + (i % 26) as u8), q.get(language, original)))
            .collect();
        b.numbered(vec![text(l.format("report-context-questions", &[("questions", questions.join(" ").into())]))]);
    }

    // II. Organisation of the consultation.
    b.heading(l.text("report-section-organisation"));
    let zone = &record.time_zone;
    let opens = record.period.opens().to_zoned(zone.clone()).date();
    let closes = record.period.last_instant().to_zoned(zone.clone()).date();
    let meetings: Vec<String> = input
        .meetings
        .iter()
        .map(|m| l.format("report-meeting", &[("place", m.place.clone().into()), ("date", l.date(m.date).into())]))
        .collect();
    b.numbered(vec![text(l.format(
        "report-organisation-period",
        &[
            ("opens", l.date(opens).into()),
            ("closes", l.date(closes).into()),
            ("meetings", meetings.len().into()),
            ("list", meetings.join(", ").into()),
        ],
    ))]);
    let totals = input.table.totals;
    b.numbered(vec![text(l.format(
        "report-organisation-total",
        &[
            ("total", totals.total().into()),
            ("entities", input.contributors.into()),
            ("written", totals.written.into()),
            ("presentations", totals.presentation.into()),
            ("interventions", totals.intervention.into()),
        ],
    ))]);
    let channels: Vec<&str> = Channel::ALL.iter().map(|c| c.as_str()).collect();
    let channel_header = |first: &str| {
        [l.text(first)]
            .into_iter()
            .chain(Channel::ALL.iter().map(|c| l.text(&format!("channel-{}", c.as_str()))))
            .chain([l.text("table-total")])
            .collect::<Vec<_>>()
    };
    let distribution = CrossTable {
        rows: input.table.rows.iter().map(|r| r.group.to_string()).collect(),
        columns: channels.iter().map(|c| (*c).to_owned()).collect(),
        cells: input.table.rows.iter().map(|r| Channel::ALL.iter().map(|c| r.counts.get(*c)).collect()).collect(),
    };
    b.table(cross_table(
        &distribution,
        l.text("table-caption"),
        channel_header("table-group"),
        |g| group_label(g, l),
        true,
    ));
    b.chart(Chart {
        caption: l.text("report-chart-groups"),
        bars: input.table.rows.iter().map(|r| (group_name(&r.group), r.counts.total())).collect(),
    });

    // By regional group and by development status, from the country each contribution gave: an
    // entity with no country (an international one) and a country outside the lists (a territory)
    // get rows of their own.
    let by_region = CrossTable::from_counts(
        counts.by_region.iter().map(|(pair, n)| (*pair, *n)),
        &consulta_core::RegionalGroup::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        &channels,
        false,
    );
    let international = counts.international();
    b.numbered(vec![text(l.format("report-organisation-regions", &[("unstated", international.into())]))]);
    let outside_label = |key: &str| match key {
        NO_COUNTRY => Some(l.text("report-no-country")),
        NOT_LISTED => Some(l.text("report-not-listed")),
        _ => None,
    };
    let region_label = |r: &str| outside_label(r).unwrap_or_else(|| l.text(&format!("region-{r}")));
    b.table(cross_table(
        &by_region,
        l.text("report-table-regions"),
        channel_header("report-regional-group"),
        region_label,
        true,
    ));
    b.chart(Chart {
        caption: l.text("report-chart-regions"),
        bars: by_region.rows.iter().enumerate().map(|(i, r)| (region_label(r), by_region.row_total(i))).collect(),
    });
    let by_development = CrossTable::from_counts(
        counts.by_development.iter().map(|(pair, n)| (*pair, *n)),
        &["ldc", "developing", "developed"],
        &channels,
        false,
    );
    b.numbered(vec![text(l.text("report-organisation-development"))]);
    let status_label = |s: &str| outside_label(s).unwrap_or_else(|| l.text(&format!("report-development-{s}")));
    b.table(cross_table(
        &by_development,
        l.text("report-table-development"),
        channel_header("report-development-status"),
        status_label,
        true,
    ));
    if counts.withheld > 0 {
        b.numbered(vec![text(l.format("report-withheld", &[("count", counts.withheld.into())]))]);
    }
    if counts.unverified > 0 {
        b.numbered(vec![text(l.format("report-unverified", &[("count", counts.unverified.into())]))]);
    }
    if input.voices.campaigns > 0 {
        b.numbered(vec![text(l.format(
            "report-campaigns",
            &[
                ("members", input.voices.members.into()),
                ("campaigns", input.voices.campaigns.into()),
                ("distinct", input.voices.distinct().into()),
            ],
        ))]);
    }

    // III. The issues raised.
    b.heading(l.text("report-section-issues"));
    let count_of = |issue: &IssueId| counts.issues.get(issue).map_or(0, |i| i.contributions);
    if counts.issues.is_empty() {
        b.numbered(vec![text(l.text("report-issues-none"))]);
    } else {
        b.numbered(vec![text(l.format(
            "report-issues-intro",
            &[
                ("tagged", counts.tagged.into()),
                ("total", counts.counted.into()),
                ("issues", counts.issues.len().into()),
            ],
        ))]);
        let issue_table = CrossTable::from_counts(
            counts
                .issues
                .iter()
                .flat_map(|(issue, c)| c.by_group.iter().map(move |(group, n)| ((issue.as_str(), group.as_str()), *n))),
            &input.issues.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            &input.groups.iter().map(StakeholderGroupId::as_str).collect::<Vec<_>>(),
            false,
        );
        let issue_table = drop_empty_columns(issue_table);
        let header = [l.text("report-issue")]
            .into_iter()
            .chain(issue_table.columns.iter().map(|g| group_label(g, l)))
            .chain([l.text("table-total")])
            .collect();
        b.table(cross_table(&issue_table, l.text("report-table-issues"), header, issue_name, false));
        let mut raised: Vec<(&IssueId, &IssueCounts)> = counts.issues.iter().collect();
        raised.sort_by_key(|(_, c)| std::cmp::Reverse(c.contributions));
        for (issue, raised) in raised {
            let mut per_group: Vec<(usize, &StakeholderGroupId, u64)> = raised
                .by_group
                .iter()
                .map(|(g, n)| (input.groups.iter().position(|x| x == g).unwrap_or(usize::MAX), g, *n))
                .collect();
            per_group.sort();
            let groups: Vec<String> = per_group.iter().map(|(_, g, n)| format!("{} {n}", group_name(g))).collect();
            let mut spans = vec![text(l.format(
                "report-issue-raised",
                &[
                    ("issue", issue_name(issue.as_str()).into()),
                    ("count", raised.contributions.into()),
                    ("groups", groups.join(", ").into()),
                ],
            ))];
            // Each contributor named once, linked to its first contribution on the issue.
            for (k, (name, id)) in raised.named.iter().enumerate() {
                spans.push(text(if k == 0 { " ".to_owned() } else { ", ".to_owned() }));
                spans.push(links.contribution(name.clone(), *id));
            }
            let contributors = input.issue_contributors.get(issue).copied().unwrap_or(raised.named.len() as u64);
            let more = contributors.saturating_sub(raised.named.len() as u64);
            if more > 0 {
                spans.push(text(format!(" {}", l.format("report-and-more", &[("count", more.into())]))));
            }
            spans.push(text(".".to_owned()));
            b.numbered(spans);
        }
    }

    // Citations of UN documents and of the Tunis Agenda.
    if !counts.any_citation() {
        b.numbered(vec![text(l.text("report-citations-none"))]);
    } else {
        let distinct_paragraphs: BTreeSet<u32> = counts.tunis_paragraphs.keys().map(|(p, _)| *p).collect();
        b.numbered(vec![text(l.format(
            "report-citations-intro",
            &[("documents", counts.documents.len().into()), ("paragraphs", distinct_paragraphs.len().into())],
        ))]);
        if !counts.tunis_paragraphs.is_empty() {
            let paragraphs: Vec<((String, &str), u64)> =
                counts.tunis_paragraphs.iter().map(|((p, g), n)| ((p.to_string(), g.as_str()), *n)).collect();
            let table = CrossTable::from_counts(
                paragraphs.iter().map(|((p, g), n)| ((p.as_str(), *g), *n)),
                &[],
                &input.groups.iter().map(StakeholderGroupId::as_str).collect::<Vec<_>>(),
                false,
            );
            let table = drop_empty_columns(table).largest_rows(CITATION_ROWS);
            let header = [l.text("report-tunis-paragraph")]
                .into_iter()
                .chain(table.columns.iter().map(|g| group_label(g, l)))
                .chain([l.text("table-total")])
                .collect();
            b.table(cross_table(
                &table,
                l.text("report-table-paragraphs"),
                header,
                |p| l.format("report-paragraph", &[("number", p.into())]),
                false,
            ));
        }
        if !counts.documents.is_empty() {
            let mut ranked: Vec<(&str, u64)> = counts.documents.iter().map(|(s, n)| (s.as_str(), *n)).collect();
            ranked.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
            let mut spans = vec![text(l.text("report-documents-cited"))];
            for (k, (symbol, n)) in ranked.iter().take(CITATION_ROWS).enumerate() {
                spans.push(text(if k == 0 { " ".to_owned() } else { "; ".to_owned() }));
                spans.push(Span::Link { text: (*symbol).to_owned(), url: Cited::Document((*symbol).to_owned()).url() });
                spans.push(text(format!(" ({n})")));
            }
            spans.push(text(".".to_owned()));
            b.numbered(spans);
        }
    }

    // IV. Mechanisms and gaps.
    b.heading(l.text("report-section-mechanisms"));
    b.numbered(vec![text(l.format(
        "report-mechanisms-intro",
        &[("mechanisms", input.mechanisms.len().into()), ("issues", input.issues.len().into())],
    ))]);
    let mechanism_cell = |m: &Mechanism| {
        l.format(
            "report-mechanism-level",
            &[
                ("name", m.short_name(language).into()),
                ("level", l.text(&format!("level-{}", m.level.as_str())).into()),
            ],
        )
    };
    let rows: Vec<Vec<String>> = input
        .issues
        .iter()
        .map(|issue| {
            let handling = input.matrix.mechanisms_for(&issue.id, &input.mechanisms);
            let names: Vec<String> = handling.iter().map(|m| mechanism_cell(m)).collect();
            vec![
                issue.label.get(language, "en").to_owned(),
                if names.is_empty() { "—".to_owned() } else { names.join(", ") },
                l.text(&format!("level-{}", issue.needed_level.as_str())),
                count_of(&issue.id).to_string(),
            ]
        })
        .collect();
    b.table(Table {
        caption: l.text("report-table-mechanisms"),
        header: vec![
            l.text("report-issue"),
            l.text("report-mechanisms"),
            l.text("report-needed-level"),
            l.text("report-contributions"),
        ],
        rows,
        total: None,
        numeric: false,
    });
    let gap_list = gaps(&input.issues, &input.mechanisms, &input.matrix);
    if gap_list.is_empty() {
        b.numbered(vec![text(l.text("report-gaps-none"))]);
    } else {
        b.numbered(vec![text(l.format("report-gaps-intro", &[("count", gap_list.len().into())]))]);
        for (issue, gap) in gap_list {
            let args: Vec<(&str, Arg)> = vec![
                ("issue", issue.label.get(language, "en").into()),
                ("count", count_of(&issue.id).into()),
                ("level", l.text(&format!("level-{}", issue.needed_level.as_str())).into()),
                (
                    "mechanisms",
                    input
                        .matrix
                        .mechanisms_for(&issue.id, &input.mechanisms)
                        .iter()
                        .map(|m| mechanism_cell(m))
                        .collect::<Vec<_>>()
                        .join(", ")
                        .into(),
                ),
            ];
            let key = match gap {
                Gap::NoMechanism => "report-gap-none",
                Gap::NotAtNeededLevel => "report-gap-level",
            };
            b.plain(vec![text(l.format(key, &args))]);
        }
    }

    // V. Points of agreement and points for further debate, when statements were voted on.
    let mut next_chapter = 5;
    if let Some(agreement) = &input.agreement {
        crate::agreement_chapter::chapter(&mut b, agreement, l, crate::document::roman(next_chapter));
        next_chapter += 1;
    }

    // V (or VI). Conclusions, as the secretariat wrote them, one numbered paragraph each.
    if let Some(conclusions) = in_language(&input.details.conclusions, language) {
        b.heading(l.format("report-section-conclusions", &[("number", crate::document::roman(next_chapter).into())]));
        for paragraph in paragraphs_of(conclusions) {
            b.numbered(vec![text(paragraph)]);
        }
    }

    // Annex: every contributor.
    b.heading(l.text("report-annex"));
    let separate_annex = match &input.annex {
        Some(contributors) => {
            b.table(Table {
                caption: l.format("report-annex-caption", &[("count", contributors.len().into())]),
                header: annex_header(l),
                rows: contributors.iter().map(|c| annex_row(c, l)).collect(),
                total: None,
                numeric: false,
            });
            false
        }
        None => {
            b.plain(vec![text(l.format(
                "report-annex-separate",
                &[
                    ("count", input.contributors.into()),
                    ("file", annex_file_name(&input.consultation, language).into()),
                ],
            ))]);
            true
        }
    };

    Document { language: language.to_owned(), front, masthead, title, subtitle, blocks: b.finish(), separate_annex }
}

/// The front matter of a UN document from the secretariat's details, in the report's language.
fn front_matter(details: &ReportDetails, l: &Localizer) -> FrontMatter {
    let language = l.language();
    let organ_name = |organ: Organ| l.text(&format!("organ-{}", organ.as_str()));
    FrontMatter {
        organs: details.addressees.iter().filter_map(|a| a.organ).map(organ_name).collect(),
        symbol: (!details.symbol.is_empty()).then(|| details.symbol.clone()),
        addressees: details
            .addressees
            .iter()
            .filter_map(|a| {
                let mut lines = vec![organ_name(a.organ?)];
                for texts in [&a.session, &a.item, &a.item_title] {
                    lines.extend(in_language(texts, language).map(str::to_owned));
                }
                Some(lines)
            })
            .collect(),
        summary_heading: l.text("report-summary"),
        summary: in_language(&details.summary, language).map(paragraphs_of).unwrap_or_default(),
    }
}

/// A text's paragraphs: the blocks between blank lines, each on one line.
fn paragraphs_of(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Leaves out the columns no row counts in (a group that raised no issue).
fn drop_empty_columns(mut table: CrossTable) -> CrossTable {
    let keep: Vec<bool> = (0..table.columns.len()).map(|c| table.column_total(c) > 0).collect();
    let mut i = 0;
    table.columns.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for row in &mut table.cells {
        let mut j = 0;
        row.retain(|_| {
            j += 1;
            keep[j - 1]
        });
    }
    table
}

/// A cross table as a document table: labelled rows, a total column, and a total row if asked.
fn cross_table(
    table: &CrossTable,
    caption: String,
    header: Vec<String>,
    label: impl Fn(&str) -> String,
    with_total_row: bool,
) -> Table {
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, key)| {
            [label(key)]
                .into_iter()
                .chain(table.cells[i].iter().map(u64::to_string))
                .chain([table.row_total(i).to_string()])
                .collect()
        })
        .collect();
    let total = with_total_row.then(|| {
        [header.last().cloned().unwrap_or_default()]
            .into_iter()
            .chain((0..table.columns.len()).map(|c| table.column_total(c).to_string()))
            .chain([table.total().to_string()])
            .collect()
    });
    Table { caption, header, rows, total, numeric: true }
}
