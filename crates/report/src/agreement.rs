//! Points of agreement of a consultation, computed from the record: its statements and every
//! vote cast, replayed as Pol.is replays them (`consulta_agreement::replay`), give the opinion
//! groups, each group's representative statements and each statement's standing; the same
//! consensus is taken over the verified participants' stakeholder groups, regional groups and
//! development status. The command line, the pages and the report all call `analyse`, so they
//! show the same groups.

use std::collections::HashMap;

use consulta_agreement::consensus::Side;
use consulta_agreement::{
    OpinionGroups, Representative, Standing, StatementReport, TimedVote, Vote, VoteMatrix, representative_statements,
    statement_reports,
};
use consulta_core::{Choice, Consultation, Moderation, Participant, Statement};
use consulta_store::{Store, StoreError};
use jiff::Timestamp;
use serde::Serialize;

pub use crate::ListFormat;

/// What the analysis reads of the record.
#[derive(Debug, Clone)]
pub struct AgreementInput {
    /// Every statement, in the order proposed; only accepted ones are voted on and shown.
    pub statements: Vec<Statement>,
    pub participants: Vec<Participant>,
    /// Every vote, in the order cast.
    pub votes: Vec<consulta_core::CastVote>,
}

pub fn gather(store: &dyn Store, consultation: &Consultation) -> Result<AgreementInput, StoreError> {
    Ok(AgreementInput {
        statements: store.statements(consultation.id, None)?,
        participants: store.participants(consultation.id)?,
        votes: store.votes(consultation.id)?,
    })
}

/// Which attribute of verified participants a `Dimension` groups them by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DimensionKind {
    StakeholderGroup,
    RegionalGroup,
    DevelopmentStatus,
}

impl DimensionKind {
    pub const ALL: [DimensionKind; 3] =
        [DimensionKind::StakeholderGroup, DimensionKind::RegionalGroup, DimensionKind::DevelopmentStatus];

    pub fn as_str(self) -> &'static str {
        match self {
            DimensionKind::StakeholderGroup => "stakeholder_group",
            DimensionKind::RegionalGroup => "regional_group",
            DimensionKind::DevelopmentStatus => "development_status",
        }
    }

    /// The i18n message naming one of its groups (`group-government`, `region-africa`, …).
    pub fn label_key(self, key: &str) -> String {
        match self {
            DimensionKind::StakeholderGroup => format!("group-{key}"),
            DimensionKind::RegionalGroup => format!("region-{key}"),
            DimensionKind::DevelopmentStatus => format!("report-development-{key}"),
        }
    }
}

/// The verified participants grouped by one attribute, and each statement's standing across
/// those groups.
#[derive(Debug, Clone)]
pub struct Dimension {
    pub kind: DimensionKind,
    /// Each group's key (`government`, `africa`, `developing`), in the record's order.
    pub keys: Vec<String>,
    /// Each group's participants (matrix rows).
    pub members: Vec<Vec<usize>>,
    /// One per accepted statement, in statement order.
    pub reports: Vec<StatementReport>,
}

/// Everything shown of a consultation's points of agreement.
#[derive(Debug, Clone)]
pub struct Agreement {
    /// The matrix's columns: every statement, those not accepted withdrawn.
    pub statements: Vec<Statement>,
    /// The matrix's rows.
    pub participants: Vec<Participant>,
    pub matrix: VoteMatrix,
    pub groups: OpinionGroups,
    /// Across the opinion groups, one per accepted statement, in statement order.
    pub reports: Vec<StatementReport>,
    /// Each opinion group's representative statements, most representative first.
    pub representatives: Vec<Vec<Representative>>,
    pub dimensions: Vec<Dimension>,
    /// Every participant's latest votes counted, statement by statement (the reports count only
    /// those placed in a group).
    pub totals: Vec<consulta_agreement::consensus::Counts>,
    pub votes_cast: usize,
    pub last_vote: Option<Timestamp>,
}

impl Agreement {
    /// The accepted statements, in the order the reports list them.
    pub fn statement(&self, column: usize) -> &Statement {
        &self.statements[column]
    }

    /// A participant as the public may know it: the imported system's id, or Consulta's number.
    pub fn participant_label(&self, row: usize) -> String {
        let participant = &self.participants[row];
        participant.external_id.clone().unwrap_or_else(|| participant.id.0.to_string())
    }

    /// The statements every opinion group agrees (or disagrees) with, by consensus, highest first.
    pub fn points_of_agreement(&self) -> Vec<&StatementReport> {
        let mut points: Vec<&StatementReport> =
            self.reports.iter().filter(|r| matches!(r.standing, Standing::Agreement(_))).collect();
        points.sort_by(|a, b| consensus_either_way(b).total_cmp(&consensus_either_way(a)));
        points
    }

    /// The statements the groups are split on, the most divided first.
    pub fn points_for_further_debate(&self) -> Vec<&StatementReport> {
        let mut points: Vec<&StatementReport> =
            self.reports.iter().filter(|r| r.standing == Standing::FurtherDebate).collect();
        points.sort_by(|a, b| spread(b).total_cmp(&spread(a)));
        points
    }
}

/// Consensus on the side the groups share: agreeing, or disagreeing together.
fn consensus_either_way(report: &StatementReport) -> f64 {
    match report.standing {
        Standing::Agreement(Side::Disagree) => {
            report.groups.iter().filter(|g| g.counts.seen() > 0).map(|g| g.disagree).product()
        }
        _ => report.consensus,
    }
}

/// How far apart the groups are on a statement: the largest difference in agree share.
fn spread(report: &StatementReport) -> f64 {
    let shares = report.groups.iter().filter(|g| g.counts.seen() > 0).map(|g| g.agree);
    let (low, high) = shares.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), s| (l.min(s), h.max(s)));
    if low.is_finite() { high - low } else { 0.0 }
}

fn vote_of(choice: Choice) -> Vote {
    match choice {
        Choice::Agree => Vote::Agree,
        Choice::Disagree => Vote::Disagree,
        Choice::Pass => Vote::Pass,
    }
}

/// Computes the groups and standings from what `gather` read.
pub fn analyse(input: AgreementInput) -> Agreement {
    let AgreementInput { statements, participants, votes } = input;
    let column: HashMap<i64, usize> = statements.iter().enumerate().map(|(i, s)| (s.id.0, i)).collect();
    let row: HashMap<i64, usize> = participants.iter().enumerate().map(|(i, p)| (p.id.0, i)).collect();
    let history: Vec<TimedVote> = votes
        .iter()
        .filter_map(|v| {
            Some(TimedVote {
                at_ms: v.cast_at.as_millisecond(),
                participant: *row.get(&v.participant.0)?,
                statement: *column.get(&v.statement.0)?,
                vote: vote_of(v.choice),
            })
        })
        .collect();
    let withdrawn: Vec<usize> =
        (0..statements.len()).filter(|&s| statements[s].moderation != Moderation::Accepted).collect();
    let (mut matrix, groups) = consulta_agreement::replay(statements.len(), &withdrawn, &history);
    // Participants who never voted are rows too (none is placed in a group).
    while matrix.participants() < participants.len() {
        matrix.push_participant([]);
    }
    let reports = statement_reports(&matrix, &groups.groups);
    let representatives = representative_statements(&matrix, &groups.groups);
    let dimensions = DimensionKind::ALL.iter().map(|&kind| dimension(kind, &participants, &matrix)).collect();
    let everyone: Vec<usize> = (0..matrix.participants()).collect();
    let totals = consulta_agreement::consensus::counts(&matrix, &[everyone]).pop().unwrap_or_default();
    Agreement {
        totals,
        last_vote: votes.iter().map(|v| v.cast_at).max(),
        votes_cast: votes.len(),
        statements,
        participants,
        matrix,
        groups,
        reports,
        representatives,
        dimensions,
    }
}

/// The verified participants by `kind`, groups in the reference data's order.
fn dimension(kind: DimensionKind, participants: &[Participant], matrix: &VoteMatrix) -> Dimension {
    let key_of = |p: &Participant| -> Option<String> {
        match kind {
            DimensionKind::StakeholderGroup => p.group.as_ref().map(|g| g.as_str().to_owned()),
            DimensionKind::RegionalGroup => {
                p.country.and_then(|c| c.country().regional_group).map(|r| r.as_str().to_owned())
            }
            DimensionKind::DevelopmentStatus => {
                p.country.and_then(|c| c.country().development).map(|d| d.as_str().to_owned())
            }
        }
    };
    let order: Vec<String> = match kind {
        DimensionKind::StakeholderGroup => {
            consulta_core::stakeholder::DEFAULT_GROUPS.iter().map(|g| (*g).to_owned()).collect()
        }
        DimensionKind::RegionalGroup => {
            consulta_core::RegionalGroup::ALL.iter().map(|r| r.as_str().to_owned()).collect()
        }
        DimensionKind::DevelopmentStatus => ["ldc", "developing", "developed"].map(str::to_owned).to_vec(),
    };
    let mut keys: Vec<String> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (row, participant) in participants.iter().enumerate() {
        let Some(key) = key_of(participant) else { continue };
        match keys.iter().position(|k| *k == key) {
            Some(i) => members[i].push(row),
            None => {
                keys.push(key);
                members.push(vec![row]);
            }
        }
    }
    let rank = |key: &String| order.iter().position(|o| o == key).unwrap_or(order.len());
    let mut paired: Vec<(String, Vec<usize>)> = keys.into_iter().zip(members).collect();
    paired.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then(a.0.cmp(&b.0)));
    let (keys, members): (Vec<String>, Vec<Vec<usize>>) = paired.into_iter().unzip();
    let reports = statement_reports(matrix, &members);
    Dimension { kind, keys, members, reports }
}

/// Reads and analyses a consultation's points of agreement.
pub fn agreement_of(store: &dyn Store, consultation: &Consultation) -> Result<Agreement, StoreError> {
    Ok(analyse(gather(store, consultation)?))
}

#[cfg(test)]
mod tests {
    use consulta_core::{CastVote, ConsultationId, Origin, ParticipantId, StatementId};

    use super::*;

    fn statement(id: i64, moderation: Moderation) -> Statement {
        Statement {
            id: StatementId(id),
            consultation: ConsultationId(1),
            text: format!("Statement {id}"),
            language: "en".parse().expect("en"),
            origin: Origin::Secretariat,
            source: None,
            external_id: None,
            proposed_by: None,
            proposed_at: Timestamp::UNIX_EPOCH,
            moderation,
            rejection_reason: None,
        }
    }

    /// Forty verified participants: twenty governments of developed countries, twenty civil
    /// society organisations of developing ones; all agree with statement 1, they split on 2.
    fn two_camps() -> AgreementInput {
        let statements = vec![
            statement(1, Moderation::Accepted),
            statement(2, Moderation::Accepted),
            statement(3, Moderation::Rejected),
        ];
        let mut participants = Vec::new();
        let mut votes = Vec::new();
        for p in 0..40i64 {
            let government = p < 20;
            participants.push(Participant {
                id: ParticipantId(p + 1),
                kind: "verified",
                external_id: None,
                group: Some(if government { "government" } else { "civil_society" }.parse().expect("group")),
                country: Some(if government { "FR" } else { "KE" }.parse().expect("country")),
            });
            let at = |s: i64| Timestamp::from_second(1_000 + p * 10 + s).expect("instant");
            let side = if government { Choice::Agree } else { Choice::Disagree };
            for (s, choice) in [(1, Choice::Agree), (2, side)] {
                votes.push(CastVote {
                    participant: ParticipantId(p + 1),
                    statement: StatementId(s),
                    choice,
                    cast_at: at(s),
                });
            }
        }
        AgreementInput { statements, participants, votes }
    }

    #[test]
    fn stakeholder_groups_agree_on_one_statement_and_split_on_another() {
        let agreement = analyse(two_camps());
        let groups = &agreement.dimensions[0];
        assert_eq!(groups.keys, ["government", "civil_society"]);
        let standings: Vec<Standing> = groups.reports.iter().map(|r| r.standing).collect();
        assert_eq!(standings, [Standing::Agreement(Side::Agree), Standing::FurtherDebate]);
        let development = &agreement.dimensions[2];
        assert_eq!(development.keys, ["developing", "developed"]);
        assert_eq!(agreement.reports.len(), 2, "the rejected statement is not reported");
        assert_eq!(agreement.votes_cast, 80);
        assert_eq!(agreement.points_of_agreement().iter().map(|r| r.statement).collect::<Vec<_>>(), [0]);
    }
}

/// A statement's standing as the outputs name it.
pub fn standing_name(standing: Standing) -> &'static str {
    match standing {
        Standing::Agreement(Side::Agree) => "agreement",
        Standing::Agreement(Side::Disagree) => "shared_disagreement",
        Standing::FurtherDebate => "further_debate",
        Standing::Unsettled => "unsettled",
    }
}

/// One group's view of a statement, as the outputs give it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct GroupView {
    /// The opinion group's number (from 0), or the stakeholder group, regional group or
    /// development status's identifier.
    pub group: String,
    pub agree: u64,
    pub disagree: u64,
    pub pass: u64,
    /// The share who agree, with one vote each way assumed (Pol.is's estimate).
    pub agree_share: f64,
    pub disagree_share: f64,
}

/// A statement with its counts, consensus and standing, across opinion groups and across
/// stakeholder groups.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct StatementView {
    pub id: i64,
    /// Its id in the system it was imported from.
    pub external_id: Option<String>,
    pub text: String,
    pub language: String,
    /// Every participant's latest vote counted.
    pub agree: u64,
    pub disagree: u64,
    pub pass: u64,
    /// Group-aware consensus: the product over opinion groups of each group's agree share.
    pub consensus: f64,
    /// agreement, shared_disagreement, further_debate or unsettled (across opinion groups).
    pub standing: String,
    pub opinion_groups: Vec<GroupView>,
    /// Across the verified participants' stakeholder groups.
    pub stakeholder_standing: String,
    pub stakeholder_groups: Vec<GroupView>,
}

fn group_views(report: &StatementReport, name: impl Fn(usize) -> String) -> Vec<GroupView> {
    report
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| GroupView {
            group: name(i),
            agree: g.counts.agree,
            disagree: g.counts.disagree,
            pass: g.counts.pass,
            agree_share: round(g.agree),
            disagree_share: round(g.disagree),
        })
        .collect()
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Agreement {
    /// Every accepted statement, in the order proposed.
    pub fn statement_views(&self) -> Vec<StatementView> {
        let stakeholders = &self.dimensions[0];
        self.reports
            .iter()
            .zip(&stakeholders.reports)
            .map(|(report, across_stakeholders)| {
                let statement = self.statement(report.statement);
                let total = self.totals.get(report.statement).copied().unwrap_or_default();
                StatementView {
                    id: statement.id.0,
                    external_id: statement.external_id.clone(),
                    text: statement.text.clone(),
                    language: statement.language.as_str().to_owned(),
                    agree: total.agree,
                    disagree: total.disagree,
                    pass: total.pass,
                    consensus: round(report.consensus),
                    standing: standing_name(report.standing).to_owned(),
                    opinion_groups: group_views(report, |i| i.to_string()),
                    stakeholder_standing: standing_name(across_stakeholders.standing).to_owned(),
                    stakeholder_groups: group_views(across_stakeholders, |i| stakeholders.keys[i].clone()),
                }
            })
            .collect()
    }

    /// Each participant placed in a group, with its group's number, in participant order.
    pub fn placements(&self) -> Vec<(String, usize)> {
        (0..self.participants.len())
            .filter_map(|row| Some((self.participant_label(row), (*self.groups.group_of.get(row)?)?)))
            .collect()
    }
}

/// `participant,group` for every participant placed in a group.
pub fn render_groups(agreement: &Agreement, format: ListFormat) -> String {
    let placements = agreement.placements();
    match format {
        ListFormat::Json => {
            let rows: Vec<serde_json::Value> = placements
                .iter()
                .map(|(participant, group)| serde_json::json!({ "participant": participant, "group": group }))
                .collect();
            serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
        }
        ListFormat::Csv | ListFormat::Text => {
            let mut out = csv::Writer::from_writer(Vec::new());
            let _ = out.write_record(["participant", "group"]);
            for (participant, group) in &placements {
                let _ = out.write_record([participant.as_str(), &group.to_string()]);
            }
            String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
        }
    }
}

/// Every accepted statement with its counts, consensus, group-by-group agreement and standing.
pub fn render_statements(agreement: &Agreement, format: ListFormat, localizer: &consulta_i18n::Localizer) -> String {
    let views = agreement.statement_views();
    match format {
        ListFormat::Json => serde_json::to_string_pretty(&views).unwrap_or_default() + "\n",
        ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(Vec::new());
            let groups = agreement.groups.groups.len();
            let mut header: Vec<String> =
                ["id", "external_id", "text", "agree", "disagree", "pass", "consensus", "standing"]
                    .map(str::to_owned)
                    .to_vec();
            header.extend((0..groups).map(|g| format!("group_{g}_agree_share")));
            header.extend(agreement.dimensions[0].keys.iter().map(|k| format!("{k}_agree_share")));
            header.push("stakeholder_standing".to_owned());
            let _ = out.write_record(&header);
            for view in &views {
                let mut row = vec![
                    view.id.to_string(),
                    view.external_id.clone().unwrap_or_default(),
                    view.text.clone(),
                    view.agree.to_string(),
                    view.disagree.to_string(),
                    view.pass.to_string(),
                    format!("{:.4}", view.consensus),
                    view.standing.clone(),
                ];
                row.extend(view.opinion_groups.iter().map(|g| format!("{:.4}", g.agree_share)));
                row.extend(view.stakeholder_groups.iter().map(|g| format!("{:.4}", g.agree_share)));
                row.push(view.stakeholder_standing.clone());
                let _ = out.write_record(&row);
            }
            String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        ListFormat::Text => {
            let l = localizer;
            let mut out = String::new();
            for view in &views {
                out += &format!("[{}] {}\n", view.id, view.text);
                out += &format!(
                    "    {}\n",
                    l.format(
                        "agreement-counts",
                        &[
                            ("agree", view.agree.into()),
                            ("disagree", view.disagree.into()),
                            ("pass", view.pass.into()),
                            ("consensus", format!("{:.0}", view.consensus * 100.0).into()),
                        ]
                    )
                );
                let shares: Vec<String> = view
                    .opinion_groups
                    .iter()
                    .map(|g| {
                        format!(
                            "{} {:.0} %",
                            l.format(
                                "agreement-group-name",
                                &[("group", group_letter(g.group.parse().unwrap_or(0)).into())]
                            ),
                            g.agree_share * 100.0
                        )
                    })
                    .collect();
                if !shares.is_empty() {
                    out += &format!("    {}\n", shares.join(" · "));
                }
                out += &format!("    {}\n", l.text(&format!("agreement-standing-{}", view.standing)));
            }
            out
        }
    }
}

/// A share as a whole percentage, as pages and the report print it ("81").
pub fn percent(share: f64) -> String {
    format!("{:.0}", share * 100.0)
}

/// An opinion group's name as people read it: A, B, C…
pub fn group_letter(group: usize) -> String {
    char::from_u32(u32::from(b'A') + group as u32).map(String::from).unwrap_or_else(|| group.to_string())
}
