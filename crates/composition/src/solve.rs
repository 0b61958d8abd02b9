//! The solver: a slate that meets every rule and is best by the objective the secretariat
//! chooses, found by integer programming (a 0/1 variable a candidate, each rule the linear
//! constraint the checker counts), exact rather than greedy; the secretariat's pins are
//! constraints too. When no slate exists it names a minimal set of rules that conflict, found
//! by taking rules out one at a time and keeping out those the conflict does not need (a
//! deletion filter: each rule it names is needed, none it leaves out is).

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable, WithTimeLimit, constraint, microlp,
    variable,
};
use serde::Serialize;

use crate::check::{counted_values, share_of};
use crate::rules::{Bound, Candidate, Pin, Rule, RuleSet};

/// What the secretariat asks the slate to be best at, among those meeting every rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// The nominators' first choices before their second ones.
    #[default]
    Priority,
    /// As many countries as possible (then priority).
    SpreadCountries,
    /// As few seated members replaced as possible (then priority).
    KeepSeated,
}

impl Objective {
    pub const ALL: [Objective; 3] = [Objective::Priority, Objective::SpreadCountries, Objective::KeepSeated];

    pub fn as_str(self) -> &'static str {
        match self {
            Objective::Priority => "priority",
            Objective::SpreadCountries => "spread_countries",
            Objective::KeepSeated => "keep_seated",
        }
    }
}

impl std::str::FromStr for Objective {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Objective::ALL.into_iter().find(|o| o.as_str() == s).ok_or(())
    }
}

/// A slate the solver proposes: the candidates (indices, in order) and its score by the
/// objective (higher is better; see `score`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Slate {
    pub members: Vec<usize>,
    pub score: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Solved {
    Slate(Slate),
    /// No slate meets every rule: these rules (indices into the set) cannot hold together,
    /// and each of them is needed for the conflict.
    Conflict {
        rules: Vec<usize>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SolveError {
    #[error("the solver found no answer in {0} seconds")]
    TimeLimit(u64),
    #[error("the solver failed: {0}")]
    Solver(String),
}

/// How long one solve may take before the secretariat is told so.
pub const TIME_LIMIT_SECONDS: u64 = 60;

/// A candidate's weight by the nominators' order: a first choice weighs most, no order least.
fn priority_weight(candidate: &Candidate, lowest: u32) -> u64 {
    match candidate.priority {
        0 => 1,
        p => u64::from(lowest.saturating_sub(p)) + 2,
    }
}

fn lowest_priority(candidates: &[Candidate]) -> u32 {
    candidates.iter().map(|c| c.priority).max().unwrap_or(0)
}

/// A slate's score by `objective`: the priority weights of its members, ranked after the
/// number of countries it spans or of seated members it keeps when that is the objective.
pub fn score(candidates: &[Candidate], members: &[usize], objective: Objective) -> u64 {
    let lowest = lowest_priority(candidates);
    let priority: u64 = members.iter().filter_map(|&i| candidates.get(i)).map(|c| priority_weight(c, lowest)).sum();
    let scale = priority_scale(candidates);
    match objective {
        Objective::Priority => priority,
        Objective::SpreadCountries => {
            let mut countries: Vec<&str> = members
                .iter()
                .filter_map(|&i| candidates.get(i))
                .flat_map(|c| c.values(crate::rules::Attribute::Country))
                .collect();
            countries.sort_unstable();
            countries.dedup();
            countries.len() as u64 * scale + priority
        }
        Objective::KeepSeated => {
            let kept = members.iter().filter_map(|&i| candidates.get(i)).filter(|c| c.seated).count() as u64;
            kept * scale + priority
        }
    }
}

/// A weight above any sum of priority weights, so that the first aim ranks before priority.
fn priority_scale(candidates: &[Candidate]) -> u64 {
    let lowest = lowest_priority(candidates);
    candidates.iter().map(|c| priority_weight(c, lowest)).sum::<u64>() + 1
}

fn sum(variables: impl IntoIterator<Item = Variable>) -> Expression {
    variables.into_iter().map(Expression::from).sum()
}

/// The constraints of `rules` (those `keep` selects) and of the pins over the variables `x`.
fn constraints(
    candidates: &[Candidate],
    rules: &RuleSet,
    keep: &dyn Fn(usize) -> bool,
    x: &[Variable],
) -> Vec<good_lp::Constraint> {
    let chosen =
        |admits: &dyn Fn(&Candidate) -> bool| sum(candidates.iter().zip(x).filter(|(c, _)| admits(c)).map(|(_, v)| *v));
    let bounded = |expression: Expression, bound: Bound| -> good_lp::Constraint {
        let n = f64::from(bound.n());
        match bound {
            Bound::AtLeast(_) => constraint!(expression >= n),
            Bound::AtMost(_) => constraint!(expression <= n),
            Bound::Exactly(_) => constraint!(expression == n),
        }
    };
    let mut out = Vec::new();
    let everyone = sum(x.iter().copied());
    for (_, (_, rule)) in rules.rules.iter().enumerate().filter(|(i, _)| keep(*i)) {
        match rule {
            Rule::Total { seats } => out.push(bounded(everyone.clone(), Bound::Exactly(*seats))),
            Rule::Count { bound, filter } => out.push(bounded(chosen(&|c| filter.admits(c)), *bound)),
            Rule::PerValue { bound, attribute, values, filter } => {
                for value in counted_values(candidates, *attribute, values, filter) {
                    out.push(bounded(chosen(&|c| filter.admits(c) && c.has(*attribute, &value)), *bound));
                }
            }
            Rule::Share { at_least, percent, filter, of } => {
                // 100 × those counted against percent × the base: exact, as the checker rounds.
                let counted = chosen(&|c| of.admits(c) && filter.admits(c)) * 100.0;
                let base = chosen(&|c| of.admits(c)) * f64::from(*percent);
                out.push(if *at_least { constraint!(counted >= base) } else { constraint!(counted <= base) });
            }
            Rule::Renewal { percent } => {
                let left_out: Expression =
                    candidates.iter().zip(x).filter(|(c, _)| c.seated).map(|(_, v)| 1.0 - Expression::from(*v)).sum();
                match rules.seats() {
                    Some(seats) => {
                        let most = f64::from(share_of(*percent, seats, false));
                        out.push(constraint!(left_out <= most));
                    }
                    None => {
                        let most = everyone.clone() * (f64::from(*percent) / 100.0);
                        out.push(constraint!(left_out <= most));
                    }
                }
            }
        }
    }
    for (candidate, v) in candidates.iter().zip(x) {
        match candidate.pin {
            Pin::In => out.push(constraint!(*v == 1.0)),
            Pin::Out => out.push(constraint!(*v == 0.0)),
            Pin::Free => {}
        }
    }
    out
}

/// Solves with the rules `keep` selects: the members chosen, or None when no slate meets them.
fn solve_with(
    candidates: &[Candidate],
    rules: &RuleSet,
    keep: &dyn Fn(usize) -> bool,
    objective: Option<Objective>,
) -> Result<Option<Vec<usize>>, SolveError> {
    let mut problem = ProblemVariables::new();
    let x: Vec<Variable> = candidates.iter().map(|_| problem.add(variable().binary())).collect();
    let lowest = lowest_priority(candidates);
    let n = candidates.len() as f64;
    // Ties go to the candidate nominated first: a small weight, less than 1 in all, so that the
    // same nominations always give the same slate.
    let tie = |i: usize| (n - i as f64) / (2.0 * n * (n + 1.0));
    let mut target = Expression::from(0.0);
    if let Some(objective) = objective {
        let scale = priority_scale(candidates) as f64;
        for (i, (c, v)) in candidates.iter().zip(&x).enumerate() {
            target += *v * (priority_weight(c, lowest) as f64 + tie(i));
        }
        match objective {
            Objective::Priority => {}
            Objective::SpreadCountries => {
                let mut countries: Vec<&str> =
                    candidates.iter().flat_map(|c| c.values(crate::rules::Attribute::Country)).collect();
                countries.sort_unstable();
                countries.dedup();
                let mut spans = Vec::new();
                for country in countries {
                    let y = problem.add(variable().min(0.0).max(1.0));
                    let members = sum(candidates
                        .iter()
                        .zip(&x)
                        .filter(|(c, _)| c.has(crate::rules::Attribute::Country, country))
                        .map(|(_, v)| *v));
                    spans.push((y, members));
                    target += y * scale;
                }
                return finish(problem.maximise(target), candidates, rules, keep, &x, spans);
            }
            Objective::KeepSeated => {
                for (c, v) in candidates.iter().zip(&x) {
                    if c.seated {
                        target += *v * scale;
                    }
                }
            }
        }
    }
    finish(problem.maximise(target), candidates, rules, keep, &x, Vec::new())
}

fn finish(
    unsolved: good_lp::variable::UnsolvedProblem,
    candidates: &[Candidate],
    rules: &RuleSet,
    keep: &dyn Fn(usize) -> bool,
    x: &[Variable],
    spans: Vec<(Variable, Expression)>,
) -> Result<Option<Vec<usize>>, SolveError> {
    let mut model = unsolved.using(microlp).with_time_limit(TIME_LIMIT_SECONDS as f64);
    for c in constraints(candidates, rules, keep, x) {
        model.add_constraint(c);
    }
    for (y, members) in spans {
        model.add_constraint(constraint!(y <= members));
    }
    match model.solve() {
        Ok(solution) => {
            Ok(Some(x.iter().enumerate().filter(|(_, v)| solution.value(**v) > 0.5).map(|(i, _)| i).collect()))
        }
        Err(ResolutionError::Infeasible) => Ok(None),
        Err(ResolutionError::Other(message)) if message.contains("Time limit") => {
            Err(SolveError::TimeLimit(TIME_LIMIT_SECONDS))
        }
        Err(other) => Err(SolveError::Solver(other.to_string())),
    }
}

/// The best slate by `objective` among those meeting every rule and pin, or the rules that
/// conflict.
pub fn solve(candidates: &[Candidate], rules: &RuleSet, objective: Objective) -> Result<Solved, SolveError> {
    if let Some(members) = solve_with(candidates, rules, &|_| true, Some(objective))? {
        let score = score(candidates, &members, objective);
        return Ok(Solved::Slate(Slate { members, score }));
    }
    // The deletion filter: a rule whose removal leaves the rest still in conflict is not needed.
    let mut needed: Vec<bool> = vec![true; rules.rules.len()];
    for rule in 0..rules.rules.len() {
        needed[rule] = false;
        let still = needed.clone();
        let feasible = solve_with(candidates, rules, &|i| still[i], None)?.is_some();
        if feasible {
            needed[rule] = true;
        }
    }
    Ok(Solved::Conflict { rules: (0..rules.rules.len()).filter(|i| needed[*i]).collect() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::rules::{Attribute, parse_rules};
    use proptest::prelude::*;

    fn candidate(group: &str, region: &str, country: &str, priority: u32) -> Candidate {
        Candidate {
            attributes: vec![
                (Attribute::Group, group.into()),
                (Attribute::Region, region.into()),
                (Attribute::Country, country.into()),
            ],
            priority,
            ..Candidate::default()
        }
    }

    #[test]
    fn the_slate_meets_every_rule_and_prefers_first_choices() {
        let candidates = vec![
            candidate("government", "african", "KE", 2),
            candidate("government", "african", "GH", 1),
            candidate("government", "weog", "CH", 1),
            candidate("civil_society", "weog", "CH", 1),
            candidate("civil_society", "african", "KE", 3),
        ];
        let rules =
            parse_rules("total 3\nexactly 2 group=government\nat least 1 per region in african,weog\n").expect("rules");
        let Solved::Slate(slate) = solve(&candidates, &rules, Objective::Priority).expect("solved") else {
            panic!("a slate exists")
        };
        assert_eq!(slate.members, [1, 2, 3]);
        assert!(check(&candidates, &rules, &slate.members).is_empty());
        // Pinned out, the first choice gives way; pinned in, the third choice sits.
        let mut pinned = candidates.clone();
        pinned[1].pin = Pin::Out;
        pinned[4].pin = Pin::In;
        let Solved::Slate(slate) = solve(&pinned, &rules, Objective::Priority).expect("solved") else {
            panic!("a slate exists")
        };
        assert_eq!(slate.members, [0, 2, 4]);
    }

    #[test]
    fn contradictory_rules_are_named_and_only_those() {
        let candidates: Vec<Candidate> =
            (0..6).map(|i| candidate("government", if i < 2 { "african" } else { "weog" }, "XX", 1)).collect();
        let rules = parse_rules(
            "total 4\n\
             at least 1 group=government\n\
             at least 3 region=african\n\
             at most 5 region=weog\n\
             at most 1 per country in XX\n",
        )
        .expect("rules");
        let solved = solve(&candidates, &rules, Objective::Priority).expect("solved");
        // Only two African candidates: the third rule cannot hold whatever else; and four seats
        // cannot be filled from one country at one each.
        let Solved::Conflict { rules: conflict } = solved else { panic!("no slate: {solved:?}") };
        assert_eq!(conflict, [2]);
    }

    /// Every slate of a small case that keeps the pins, the best score among those the checker
    /// passes.
    fn brute_force(candidates: &[Candidate], rules: &RuleSet, objective: Objective) -> Option<u64> {
        let pinned = |members: &[usize]| {
            candidates.iter().enumerate().all(|(i, c)| match c.pin {
                Pin::In => members.contains(&i),
                Pin::Out => !members.contains(&i),
                Pin::Free => true,
            })
        };
        (0u32..1 << candidates.len())
            .map(|mask| (0..candidates.len()).filter(|i| mask & (1 << i) != 0).collect::<Vec<_>>())
            .filter(|members| pinned(members) && check(candidates, rules, members).is_empty())
            .map(|members| score(candidates, &members, objective))
            .max()
    }

    fn small_case() -> impl Strategy<Value = (Vec<Candidate>, RuleSet, Objective)> {
        let person = (0..3usize, 0..3usize, 0..4usize, 0..4u32, any::<bool>(), 0..6u8).prop_map(
            |(group, region, country, priority, seated, pin)| Candidate {
                attributes: vec![
                    (Attribute::Group, ["government", "civil_society", "academic"][group].into()),
                    (Attribute::Region, ["african", "weog", "asia_pacific"][region].into()),
                    (Attribute::Country, ["AA", "BB", "CC", "DD"][country].into()),
                ],
                seated,
                priority,
                pin: match pin {
                    0 => Pin::In,
                    1 => Pin::Out,
                    _ => Pin::Free,
                },
            },
        );
        let rule = prop_oneof![
            (1..6u32).prop_map(|n| format!("total {n}")),
            (0..3u32, 0..3usize)
                .prop_map(|(n, g)| format!("at least {n} group={}", ["government", "civil_society", "academic"][g])),
            (0..3u32).prop_map(|n| format!("at most {n} per country")),
            (0..2u32).prop_map(|n| format!("at least {n} per region in african,weog,asia_pacific")),
            (0..=100u32).prop_map(|p| format!("at least {p}% group=government")),
            (0..=100u32).prop_map(|p| format!("renew at most {p}%")),
        ];
        (
            prop::collection::vec(person, 1..10),
            prop::collection::vec(rule, 0..5),
            prop::sample::select(Objective::ALL.to_vec()),
        )
            .prop_map(|(candidates, rules, objective)| {
                (candidates, parse_rules(&rules.join("\n")).expect("rules"), objective)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn the_solver_finds_the_best_slate_brute_force_finds((candidates, rules, objective) in small_case()) {
            let best = brute_force(&candidates, &rules, objective);
            match solve(&candidates, &rules, objective).expect("solved") {
                Solved::Slate(slate) => {
                    prop_assert!(check(&candidates, &rules, &slate.members).is_empty(), "{:?}", check(&candidates, &rules, &slate.members));
                    prop_assert_eq!(Some(slate.score), best);
                }
                Solved::Conflict { rules: conflict } => {
                    prop_assert_eq!(best, None);
                    // Each rule named is needed: without any one of them a slate exists.
                    for left_out in &conflict {
                        let rest = RuleSet { rules: rules.rules.iter().enumerate().filter(|(i, _)| conflict.contains(i) && i != left_out).map(|(_, r)| r.clone()).collect() };
                        prop_assert!(brute_force(&candidates, &rest, objective).is_some(), "rule {} was not needed", left_out);
                    }
                }
            }
        }
    }
}
