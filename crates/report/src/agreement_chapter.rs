//! The report's chapter on points of agreement and points for further debate: who voted, the
//! opinion map and what sets each group apart, the statements all groups agree on and those that
//! divide them, and the same across stakeholder groups, regional groups and development status.

use consulta_agreement::consensus::Side;
use consulta_agreement::map::{convex_hull, fit};
use consulta_agreement::{Standing, StatementReport};
use consulta_i18n::Localizer;

use crate::agreement::{Agreement, Dimension, group_letter, percent, standing_name};
use crate::document::{Builder, MapGroup, OpinionMap, Span, Table};

/// Statements named in a paragraph, at most.
const LISTED: usize = 5;

fn quoted(agreement: &Agreement, report: &StatementReport, l: &Localizer) -> String {
    l.format("report-agreement-quoted", &[("text", agreement.statement(report.statement).text.clone().into())])
}

/// "A, B and C" in the reader's language.
fn listing(items: &[String], l: &Localizer) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), l.text("report-agreement-and")),
    }
}

/// The map as the report draws it, in the unit square.
pub fn opinion_map(agreement: &Agreement, caption: String) -> OpinionMap {
    let placed: Vec<(usize, usize)> = (0..agreement.participants.len())
        .filter_map(|p| Some((p, agreement.groups.group_of.get(p).copied().flatten()?)))
        .collect();
    let fitted = fit(&placed.iter().map(|(p, _)| agreement.groups.places[*p]).collect::<Vec<_>>());
    let points: Vec<([f64; 2], usize)> = fitted.into_iter().zip(placed.iter().map(|(_, g)| *g)).collect();
    let groups = (0..agreement.groups.groups.len())
        .map(|g| {
            let members: Vec<[f64; 2]> = points.iter().filter(|(_, of)| *of == g).map(|(p, _)| *p).collect();
            let n = members.len().max(1) as f64;
            let centre = members.iter().fold([0.0, 0.0], |c, p| [c[0] + p[0] / n, c[1] + p[1] / n]);
            MapGroup { label: group_letter(g), hull: convex_hull(&members), centre }
        })
        .collect();
    OpinionMap { caption, points, groups }
}

/// Writes the chapter numbered `number` (a Roman numeral).
pub fn chapter(b: &mut Builder, agreement: &Agreement, l: &Localizer, number: &str) {
    b.heading(l.format("report-section-agreement", &[("number", number.into())]));
    let verified = agreement.participants.iter().filter(|p| p.kind == "verified").count();
    let placed: usize = agreement.groups.groups.iter().map(Vec::len).sum();
    b.numbered(vec![Span::Text(l.format(
        "report-agreement-intro",
        &[
            ("participants", agreement.participants.len().into()),
            ("verified", verified.into()),
            ("votes", agreement.votes_cast.into()),
            ("statements", agreement.reports.len().into()),
            ("placed", placed.into()),
            ("groups", agreement.groups.groups.len().into()),
        ],
    ))]);
    b.map(opinion_map(agreement, l.text("report-agreement-map")));
    for (g, members) in agreement.groups.groups.iter().enumerate() {
        let marks: Vec<String> = agreement.representatives[g]
            .iter()
            .take(3)
            .map(|r| {
                let key = match r.side {
                    Side::Agree => "report-agreement-group-agrees",
                    Side::Disagree => "report-agreement-group-disagrees",
                };
                let text = agreement.statement(r.statement).text.clone();
                l.format(key, &[("text", text.into()), ("share", percent(r.share).into())])
            })
            .collect();
        if !marks.is_empty() {
            b.numbered(vec![Span::Text(l.format(
                "report-agreement-group",
                &[
                    ("group", group_letter(g).into()),
                    ("size", members.len().into()),
                    ("marks", listing(&marks, l).into()),
                ],
            ))]);
        }
    }
    let agreed: Vec<String> =
        agreement.points_of_agreement().iter().take(LISTED).map(|r| quoted(agreement, r, l)).collect();
    b.numbered(vec![Span::Text(if agreed.is_empty() {
        l.text("report-agreement-no-points")
    } else {
        l.format("report-agreement-points", &[("list", listing(&agreed, l).into()), ("count", agreed.len().into())])
    })]);
    let debated: Vec<String> =
        agreement.points_for_further_debate().iter().take(LISTED).map(|r| quoted(agreement, r, l)).collect();
    b.numbered(vec![Span::Text(if debated.is_empty() {
        l.text("report-agreement-no-debate")
    } else {
        l.format("report-agreement-debate", &[("list", listing(&debated, l).into()), ("count", debated.len().into())])
    })]);
    for dimension in agreement.dimensions.iter().filter(|d| d.keys.len() >= 2) {
        for sentence in dimension_sentences(agreement, dimension, l) {
            b.numbered(vec![Span::Text(sentence)]);
        }
    }
    if let Some(stakeholders) = agreement.dimensions.first().filter(|d| !d.keys.is_empty()) {
        b.table(dimension_table(agreement, stakeholders, l));
    }
}

fn label(dimension: &Dimension, i: usize, l: &Localizer) -> String {
    let key = dimension.kind.label_key(&dimension.keys[i]);
    if l.has(&key) { l.text(&key) } else { dimension.keys[i].clone() }
}

/// "Governments, civil society and the private sector all agree with S (81 %, 77 %, 85 %)";
/// "developed and developing countries are divided on T": the statements every group of the
/// dimension agrees on, then those it is divided on, the most voted first.
fn dimension_sentences(agreement: &Agreement, dimension: &Dimension, l: &Localizer) -> Vec<String> {
    let mut sentences = Vec::new();
    for (standing, key) in [
        (Standing::Agreement(Side::Agree), "report-agreement-dimension-agree"),
        (Standing::FurtherDebate, "report-agreement-dimension-split"),
    ] {
        let mut reports: Vec<&StatementReport> = dimension.reports.iter().filter(|r| r.standing == standing).collect();
        reports.sort_by_key(|r| std::cmp::Reverse(r.overall.seen()));
        for report in reports.into_iter().take(2) {
            let voting: Vec<usize> =
                (0..dimension.keys.len()).filter(|&i| report.groups[i].counts.seen() > 0).collect();
            let names: Vec<String> = voting.iter().map(|&i| label(dimension, i, l)).collect();
            let shares: Vec<String> =
                voting.iter().map(|&i| format!("{} %", percent(report.groups[i].agree))).collect();
            sentences.push(l.format(
                key,
                &[
                    ("groups", listing(&names, l).into()),
                    ("text", agreement.statement(report.statement).text.clone().into()),
                    ("shares", shares.join(", ").into()),
                ],
            ));
        }
    }
    sentences
}

/// Statements × the dimension's groups: the share who agree, and the standing across them.
fn dimension_table(agreement: &Agreement, dimension: &Dimension, l: &Localizer) -> Table {
    let header = std::iter::once(l.text("agreement-statement"))
        .chain((0..dimension.keys.len()).map(|i| label(dimension, i, l)))
        .chain([l.text("agreement-standing")])
        .collect();
    let rows = dimension
        .reports
        .iter()
        .filter(|r| r.overall.seen() > 0)
        .map(|r| {
            std::iter::once(agreement.statement(r.statement).text.clone())
                .chain(
                    r.groups
                        .iter()
                        .map(|g| if g.counts.seen() > 0 { format!("{} %", percent(g.agree)) } else { "–".to_owned() }),
                )
                .chain([l.text(&format!("agreement-standing-{}", standing_name(r.standing)))])
                .collect()
        })
        .collect();
    Table {
        caption: l.text(&format!("agreement-table-{}", dimension.kind.as_str())),
        header,
        rows,
        total: None,
        numeric: false,
    }
}
