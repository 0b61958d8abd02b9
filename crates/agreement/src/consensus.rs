//! What each group thinks of each statement, for any partition of the participants (opinion
//! groups, or stakeholder groups, regional groups, development status): the counts, each group's
//! representative statements as Pol.is selects them, the group-aware consensus, and whether a
//! statement is a point of agreement or one for further debate.

use crate::matrix::{Vote, VoteMatrix};

/// A one-sided z above this is significant at 90 % (Pol.is's threshold).
const Z_90: f64 = 1.2816;
/// The share of a group (one vote each way assumed) that makes its majority.
pub const MAJORITY: f64 = 0.6;
/// Representative statements shown per group, at most.
const REPRESENTATIVES: usize = 5;

/// The votes on one statement within one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub agree: u64,
    pub disagree: u64,
    pub pass: u64,
}

impl Counts {
    fn add(&mut self, vote: Vote) {
        match vote {
            Vote::Agree => self.agree += 1,
            Vote::Disagree => self.disagree += 1,
            Vote::Pass => self.pass += 1,
        }
    }

    /// Everyone in the group who voted on the statement, passes included.
    pub fn seen(&self) -> u64 {
        self.agree + self.disagree + self.pass
    }

    /// The share who agree, with one vote each way assumed, so a handful of votes is not
    /// taken for certainty: (agree + 1) / (seen + 2).
    pub fn agree_share(&self) -> f64 {
        (self.agree as f64 + 1.0) / (self.seen() as f64 + 2.0)
    }

    pub fn disagree_share(&self) -> f64 {
        (self.disagree as f64 + 1.0) / (self.seen() as f64 + 2.0)
    }

    fn plus(self, other: Counts) -> Counts {
        Counts {
            agree: self.agree + other.agree,
            disagree: self.disagree + other.disagree,
            pass: self.pass + other.pass,
        }
    }
}

/// The counts of every statement in every group: `[group][statement]`.
pub fn counts(matrix: &VoteMatrix, groups: &[Vec<usize>]) -> Vec<Vec<Counts>> {
    groups
        .iter()
        .map(|members| {
            let mut counts = vec![Counts::default(); matrix.statements()];
            for &participant in members {
                for &(statement, vote) in matrix.votes_of(participant) {
                    counts[statement as usize].add(vote);
                }
            }
            counts
        })
        .collect()
}

/// Pol.is's one-proportion test: how far above one half `successes` of `n` are, as a z.
fn proportion_z(successes: u64, n: u64) -> f64 {
    let (s, n) = (successes as f64 + 1.0, n as f64 + 1.0);
    2.0 * n.sqrt() * (s / n - 0.5)
}

/// Pol.is's two-proportion test: how much higher the share inside a group is than outside it.
fn two_proportion_z(success_in: u64, success_out: u64, n_in: u64, n_out: u64) -> f64 {
    let [s_in, s_out, n_in, n_out] = [success_in, success_out, n_in, n_out].map(|x| x as f64 + 1.0);
    let pooled = (s_in + s_out) / (n_in + n_out);
    if pooled >= 1.0 {
        return 0.0;
    }
    (s_in / n_in - s_out / n_out) / (pooled * (1.0 - pooled) * (1.0 / n_in + 1.0 / n_out)).sqrt()
}

/// Which way a group leans on a statement, compared with everyone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Agree,
    Disagree,
}

/// A statement that sets a group apart: the group agrees (or disagrees) with it more than the
/// rest of the participants do.
#[derive(Debug, Clone, PartialEq)]
pub struct Representative {
    pub statement: usize,
    pub side: Side,
    /// Votes on that side within the group, and all the group's votes on the statement.
    pub votes: u64,
    pub seen: u64,
    /// The group's share on that side (one vote each way assumed).
    pub share: f64,
    /// How many times the rest's share it is.
    pub ratio: f64,
    /// The two-proportion z of that difference.
    pub z: f64,
    share_z: f64,
}

impl Representative {
    fn metric(&self) -> f64 {
        self.ratio * self.z * self.share * self.share_z
    }
}

/// Every statistic of one statement in one group against the rest.
#[derive(Debug, Clone, Copy)]
struct Comparison {
    inside: Counts,
    pa: f64,
    pd: f64,
    pat: f64,
    pdt: f64,
    ra: f64,
    rd: f64,
    rat: f64,
    rdt: f64,
}

impl Comparison {
    fn of(inside: Counts, rest: Counts) -> Comparison {
        let (pa, pd) = (inside.agree_share(), inside.disagree_share());
        Comparison {
            inside,
            pa,
            pd,
            pat: proportion_z(inside.agree, inside.seen()),
            pdt: proportion_z(inside.disagree, inside.seen()),
            ra: pa / rest.agree_share(),
            rd: pd / rest.disagree_share(),
            rat: two_proportion_z(inside.agree, rest.agree, inside.seen(), rest.seen()),
            rdt: two_proportion_z(inside.disagree, rest.disagree, inside.seen(), rest.seen()),
        }
    }

    /// Significant both within the group and against the rest, on either side.
    fn passes(&self) -> bool {
        (self.rat > Z_90 && self.pat > Z_90) || (self.rdt > Z_90 && self.pdt > Z_90)
    }

    fn representative(&self, statement: usize) -> Representative {
        let c = self.inside;
        if self.rat > self.rdt {
            let (votes, share, ratio, z, share_z) = (c.agree, self.pa, self.ra, self.rat, self.pat);
            Representative { statement, side: Side::Agree, votes, seen: c.seen(), share, ratio, z, share_z }
        } else {
            let (votes, share, ratio, z, share_z) = (c.disagree, self.pd, self.rd, self.rdt, self.pdt);
            Representative { statement, side: Side::Disagree, votes, seen: c.seen(), share, ratio, z, share_z }
        }
    }

    /// Whether this is a better statement of what the group agrees with than `best` (Pol.is
    /// keeps one, so that every group shows something it agrees with).
    fn beats_best_agree(&self, best: Option<&Comparison>) -> bool {
        if self.inside.agree == 0 && self.inside.disagree == 0 {
            return false;
        }
        match best {
            Some(best) if best.ra > 1.0 => {
                self.ra * self.rat * self.pa * self.pat > best.ra * best.rat * best.pa * best.pat
            }
            Some(best) => self.pa * self.pat > best.pa * best.pat,
            None => self.pat > Z_90 || (self.ra > 1.0 && self.pa > 0.5),
        }
    }
}

/// Each group's representative statements, at most five, as Pol.is selects them: those
/// significant at 90 % both within the group and against the rest, ranked by ratio × z × share ×
/// share's z, the statement the group most clearly agrees with first, agreements before
/// disagreements; when none is significant, the best there is. Withdrawn statements are left out.
pub fn representative_statements(matrix: &VoteMatrix, groups: &[Vec<usize>]) -> Vec<Vec<Representative>> {
    let counts = counts(matrix, groups);
    let everyone: Vec<Counts> = (0..matrix.statements())
        .map(|s| counts.iter().fold(Counts::default(), |sum, group| sum.plus(group[s])))
        .collect();
    (0..groups.len())
        .map(|g| {
            let mut sufficient: Vec<Representative> = Vec::new();
            let mut best: Option<Representative> = None;
            let mut best_agree: Option<(usize, Comparison)> = None;
            for statement in (0..matrix.statements()).filter(|&s| !matrix.is_withdrawn(s)) {
                let inside = counts[g][statement];
                let rest = Counts {
                    agree: everyone[statement].agree - inside.agree,
                    disagree: everyone[statement].disagree - inside.disagree,
                    pass: everyone[statement].pass - inside.pass,
                };
                let comparison = Comparison::of(inside, rest);
                if comparison.passes() {
                    sufficient.push(comparison.representative(statement));
                }
                if sufficient.is_empty() && best.as_ref().is_none_or(|b| comparison.rat.max(comparison.rdt) > b.z) {
                    best = Some(comparison.representative(statement));
                }
                if comparison.beats_best_agree(best_agree.as_ref().map(|(_, c)| c)) {
                    best_agree = Some((statement, comparison));
                }
            }
            let best_agree = best_agree.map(|(statement, c)| {
                let mut chosen = c.representative(statement);
                if chosen.side != Side::Agree {
                    chosen = Representative {
                        side: Side::Agree,
                        votes: c.inside.agree,
                        share: c.pa,
                        ratio: c.ra,
                        z: c.rat,
                        share_z: c.pat,
                        ..chosen
                    };
                }
                chosen
            });
            if sufficient.is_empty() {
                return best_agree.or(best).into_iter().collect();
            }
            let head = best_agree.as_ref().map(|b| b.statement);
            sufficient.retain(|r| Some(r.statement) != head);
            sufficient.sort_by(|a, b| b.metric().total_cmp(&a.metric()).then(a.statement.cmp(&b.statement)));
            let mut chosen: Vec<Representative> =
                best_agree.into_iter().chain(sufficient).take(REPRESENTATIVES).collect();
            // Agreements first, each side keeping its order.
            chosen.sort_by_key(|r| r.side == Side::Disagree);
            chosen
        })
        .collect()
}

/// Group-aware consensus (Pol.is's group-informed consensus): the product over the groups of
/// each group's agree share. High only when every group agrees.
pub fn group_consensus(by_group: &[Counts]) -> f64 {
    by_group.iter().filter(|c| c.seen() > 0).map(Counts::agree_share).product()
}

/// Where a statement stands across the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// A majority of every group that voted on it is on the same side.
    Agreement(Side),
    /// A majority of one group agrees and a majority of another disagrees.
    FurtherDebate,
    /// Neither: the groups are divided within, or too few voted.
    Unsettled,
}

/// One group's view of a statement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupShare {
    pub counts: Counts,
    /// The share who agree, with one vote each way assumed.
    pub agree: f64,
    pub disagree: f64,
}

/// A statement across the groups.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementReport {
    pub statement: usize,
    pub overall: Counts,
    /// In the groups' order.
    pub groups: Vec<GroupShare>,
    pub consensus: f64,
    pub standing: Standing,
}

/// Every statement still in, across `groups`: its counts, each group's shares, its group-aware
/// consensus and its standing. In statement order.
pub fn statement_reports(matrix: &VoteMatrix, groups: &[Vec<usize>]) -> Vec<StatementReport> {
    let counts = counts(matrix, groups);
    (0..matrix.statements())
        .filter(|&s| !matrix.is_withdrawn(s))
        .map(|statement| {
            let by_group: Vec<Counts> = counts.iter().map(|group| group[statement]).collect();
            let shares: Vec<GroupShare> = by_group
                .iter()
                .map(|c| GroupShare { counts: *c, agree: c.agree_share(), disagree: c.disagree_share() })
                .collect();
            let voted: Vec<&GroupShare> = shares.iter().filter(|s| s.counts.seen() > 0).collect();
            let all = |test: &dyn Fn(&GroupShare) -> bool| !voted.is_empty() && voted.iter().all(|s| test(s));
            let any = |test: &dyn Fn(&GroupShare) -> bool| voted.iter().any(|s| test(s));
            let standing = if all(&|s| s.agree >= MAJORITY) {
                Standing::Agreement(Side::Agree)
            } else if all(&|s| s.disagree >= MAJORITY) {
                Standing::Agreement(Side::Disagree)
            } else if any(&|s| s.agree >= MAJORITY) && any(&|s| s.disagree >= MAJORITY) {
                Standing::FurtherDebate
            } else {
                Standing::Unsettled
            };
            StatementReport {
                statement,
                overall: by_group.iter().fold(Counts::default(), |sum, c| sum.plus(*c)),
                groups: shares,
                consensus: group_consensus(&by_group),
                standing,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two groups of 20: both agree with statement 0; they split on statement 1; statement 2 is
    /// passed by most.
    fn two_groups() -> (VoteMatrix, Vec<Vec<usize>>) {
        let mut m = VoteMatrix::new(3);
        for p in 0..40 {
            let side = if p < 20 { Vote::Agree } else { Vote::Disagree };
            let third = if p % 4 == 0 { Vote::Agree } else { Vote::Pass };
            m.push_participant([(0, Vote::Agree), (1, side), (2, third)]);
        }
        (m, vec![(0..20).collect(), (20..40).collect()])
    }

    #[test]
    fn agreement_debate_and_the_unsettled_are_told_apart() {
        let (m, groups) = two_groups();
        let reports = statement_reports(&m, &groups);
        let standings: Vec<Standing> = reports.iter().map(|r| r.standing).collect();
        assert_eq!(standings, [Standing::Agreement(Side::Agree), Standing::FurtherDebate, Standing::Unsettled]);
        assert!(reports[0].consensus > 0.8 && reports[1].consensus < 0.1, "{reports:?}");
        assert_eq!(reports[1].overall, Counts { agree: 20, disagree: 20, pass: 0 });
    }

    #[test]
    fn each_group_is_represented_by_the_statement_that_sets_it_apart() {
        let (m, groups) = two_groups();
        let representatives = representative_statements(&m, &groups);
        let first: Vec<(usize, Side)> = representatives[0].iter().map(|r| (r.statement, r.side)).collect();
        let second: Vec<(usize, Side)> = representatives[1].iter().map(|r| (r.statement, r.side)).collect();
        // What the group agrees with most comes first (here what everyone agrees with), then
        // what sets it apart.
        assert_eq!(first, [(0, Side::Agree), (1, Side::Agree)], "{:?}", representatives[0]);
        assert!(second.contains(&(1, Side::Disagree)), "{:?}", representatives[1]);
    }

    #[test]
    fn the_z_tests_are_pol_is_s() {
        // 9 of 10: 2·√11·(10/11 − ½) ≈ 2.71.
        assert!((proportion_z(9, 10) - 2.7136).abs() < 1e-3);
        assert_eq!(two_proportion_z(5, 5, 5, 5), 0.0);
        assert!(two_proportion_z(9, 1, 10, 10) > Z_90);
    }
}
