//! What the "Points of agreement" page shows of a computed `Agreement`, in the reader's
//! language: the opinion map (dots and hulls, drawn as inline SVG by the template), each group
//! with its representative statements, the points of agreement and for further debate, and the
//! tables across stakeholder groups, regional groups and development status.

use consulta_agreement::consensus::Side;
use consulta_agreement::map::{convex_hull, fit};
use consulta_agreement::{Standing, StatementReport};
use consulta_i18n::Localizer;
use consulta_report::agreement::{Agreement, group_letter, percent, standing_name};
use serde_json::{Value, json};

/// The map's size in SVG units (it scales to the page's width).
const MAP_SIZE: f64 = 400.0;
const MAP_MARGIN: f64 = 16.0;
/// The most dots drawn: past it, every k-th participant stands for the others (the hulls are
/// drawn from all of them), so the page stays light on a slow link.
pub(crate) const MAP_DOTS: usize = 2_000;
/// Statements listed as points of agreement, or for further debate, at most.
const POINTS_SHOWN: usize = 10;

/// The opinion map: each placed participant a dot, each group a hull with its letter.
pub(crate) fn map(agreement: &Agreement) -> Value {
    let placed: Vec<usize> = (0..agreement.participants.len())
        .filter(|&p| agreement.groups.group_of.get(p).copied().flatten().is_some())
        .collect();
    if placed.is_empty() {
        return Value::Null;
    }
    let places: Vec<[f64; 2]> = placed.iter().map(|&p| agreement.groups.places[p]).collect();
    let to_svg = |p: [f64; 2]| {
        [MAP_MARGIN + p[0] * (MAP_SIZE - 2.0 * MAP_MARGIN), MAP_MARGIN + (1.0 - p[1]) * (MAP_SIZE - 2.0 * MAP_MARGIN)]
    };
    let fitted: Vec<[f64; 2]> = fit(&places).into_iter().map(to_svg).collect();
    let step = placed.len().div_ceil(MAP_DOTS).max(1);
    let dots: Vec<Value> = placed
        .iter()
        .zip(&fitted)
        .step_by(step)
        .map(|(&p, at)| json!({ "x": format!("{:.1}", at[0]), "y": format!("{:.1}", at[1]), "g": agreement.groups.group_of[p] }))
        .collect();
    let hulls: Vec<Value> = agreement
        .groups
        .groups
        .iter()
        .enumerate()
        .map(|(g, members)| {
            let points: Vec<[f64; 2]> =
                placed.iter().zip(&fitted).filter(|(p, _)| members.contains(p)).map(|(_, at)| *at).collect();
            let hull = convex_hull(&points);
            let n = points.len().max(1) as f64;
            let centre = points.iter().fold([0.0, 0.0], |c, p| [c[0] + p[0] / n, c[1] + p[1] / n]);
            json!({
                "g": g,
                "letter": group_letter(g),
                "points": hull.iter().map(|p| format!("{:.1},{:.1}", p[0], p[1])).collect::<Vec<_>>().join(" "),
                "x": format!("{:.1}", centre[0]),
                "y": format!("{:.1}", centre[1]),
            })
        })
        .collect();
    json!({ "size": MAP_SIZE, "dots": dots, "hulls": hulls, "shown": dots.len(), "placed": placed.len() })
}

fn statement_json(agreement: &Agreement, report: &StatementReport) -> Value {
    let statement = agreement.statement(report.statement);
    json!({
        "id": statement.id.0,
        "text": statement.text,
        "lang": statement.language.as_str(),
        "agree": agreement.totals[report.statement].agree,
        "disagree": agreement.totals[report.statement].disagree,
        "pass": agreement.totals[report.statement].pass,
        "consensus": percent(report.consensus),
        "groups": report.groups.iter().enumerate().map(|(g, share)| json!({
            "letter": group_letter(g),
            "agree": percent(share.agree),
            "disagree": percent(share.disagree),
            "voted": share.counts.seen() > 0,
        })).collect::<Vec<_>>(),
    })
}

/// Each opinion group: its size and its representative statements.
pub(crate) fn groups(agreement: &Agreement, localizer: &Localizer) -> Vec<Value> {
    agreement
        .groups
        .groups
        .iter()
        .enumerate()
        .map(|(g, members)| {
            let representatives = agreement.representatives.get(g).map(Vec::as_slice).unwrap_or_default();
            json!({
                "g": g,
                "name": localizer.format("agreement-group-name", &[("group", group_letter(g).into())]),
                "size": members.len(),
                "representatives": representatives.iter().take(5).map(|r| {
                    let statement = agreement.statement(r.statement);
                    json!({
                        "text": statement.text,
                        "lang": statement.language.as_str(),
                        "side": match r.side { Side::Agree => "agree", Side::Disagree => "disagree" },
                        "share": localizer.format(
                            match r.side { Side::Agree => "agreement-group-agrees", Side::Disagree => "agreement-group-disagrees" },
                            &[("share", percent(r.share).into())],
                        ),
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect()
}

pub(crate) fn points(agreement: &Agreement) -> (Vec<Value>, Vec<Value>) {
    let agreed = agreement
        .points_of_agreement()
        .into_iter()
        .take(POINTS_SHOWN)
        .map(|r| {
            let mut point = statement_json(agreement, r);
            point["disagreeing"] = json!(matches!(r.standing, Standing::Agreement(Side::Disagree)));
            point
        })
        .collect();
    let debated = agreement
        .points_for_further_debate()
        .into_iter()
        .take(POINTS_SHOWN)
        .map(|r| statement_json(agreement, r))
        .collect();
    (agreed, debated)
}

/// One table per dimension that has groups: statements as rows, each group's agree share, and
/// the standing across them.
pub(crate) fn dimensions(agreement: &Agreement, localizer: &Localizer) -> Vec<Value> {
    agreement
        .dimensions
        .iter()
        .filter(|d| !d.keys.is_empty())
        .map(|dimension| {
            let kind = dimension.kind;
            let columns: Vec<Value> = dimension
                .keys
                .iter()
                .zip(&dimension.members)
                .map(|(key, members)| {
                    let label_key = kind.label_key(key);
                    let label = if localizer.has(&label_key) { localizer.text(&label_key) } else { key.clone() };
                    json!({ "label": label, "size": members.len() })
                })
                .collect();
            let rows: Vec<Value> = dimension
                .reports
                .iter()
                .filter(|r| r.overall.seen() > 0)
                .map(|r| {
                    let statement = agreement.statement(r.statement);
                    json!({
                        "text": statement.text,
                        "lang": statement.language.as_str(),
                        "shares": r.groups.iter().map(|g| if g.counts.seen() > 0 { percent(g.agree) } else { String::new() }).collect::<Vec<_>>(),
                        "standing": standing_name(r.standing),
                        "standing_label": localizer.text(&format!("agreement-standing-{}", standing_name(r.standing))),
                    })
                })
                .collect();
            json!({
                "kind": kind.as_str(),
                "caption": localizer.text(&format!("agreement-table-{}", kind.as_str())),
                "columns": columns,
                "rows": rows,
            })
        })
        .collect()
}
