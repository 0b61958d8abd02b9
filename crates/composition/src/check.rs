//! The checker: for any slate (the candidates proposed to sit), every rule it breaks and by how
//! much, as the reader is told it ("Latin American and Caribbean States: 1 member, at least 3
//! required"). The solver's constraints are these same counts, so a slate it proposes passes.

use serde::Serialize;

use crate::rules::{Attribute, Bound, Candidate, Filter, Rule, RuleSet};

/// A rule a slate breaks: which (its index in the set and its line), for which value of the
/// attribute it counts by (a per-value rule), how many the slate has, and how many the rule
/// requires (a share's percentage turned into members of this slate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub rule: usize,
    pub line: usize,
    pub attribute: Option<Attribute>,
    pub value: Option<String>,
    pub found: u32,
    pub required: Bound,
}

fn count(candidates: &[Candidate], slate: &[usize], admits: impl Fn(&Candidate) -> bool) -> u32 {
    slate.iter().filter(|&&i| candidates.get(i).is_some_and(&admits)).count() as u32
}

/// The values a per-value rule counts: those it lists, or those the candidates it admits have.
pub(crate) fn counted_values(
    candidates: &[Candidate],
    attribute: Attribute,
    values: &[String],
    filter: &Filter,
) -> Vec<String> {
    if !values.is_empty() {
        return values.to_vec();
    }
    let mut seen: Vec<String> = candidates
        .iter()
        .filter(|c| filter.admits(c))
        .flat_map(|c| c.values(attribute).map(str::to_owned).collect::<Vec<_>>())
        .collect();
    seen.sort();
    seen.dedup();
    seen
}

/// Members a share of `base` members comes to: at least rounds up, at most down.
pub(crate) fn share_of(percent: u32, base: u32, at_least: bool) -> u32 {
    let product = u64::from(percent) * u64::from(base);
    let members = if at_least { product.div_ceil(100) } else { product / 100 };
    members as u32
}

/// Every rule `slate` (indices into `candidates`) breaks, in the rules' order.
pub fn check(candidates: &[Candidate], rules: &RuleSet, slate: &[usize]) -> Vec<Violation> {
    let mut slate = slate.to_vec();
    slate.sort_unstable();
    slate.dedup();
    let size = slate.len() as u32;
    let mut broken = Vec::new();
    for (index, (line, rule)) in rules.rules.iter().enumerate() {
        let mut report = |attribute: Option<Attribute>, value: Option<String>, found: u32, required: Bound| {
            if !required.admits(found) {
                broken.push(Violation { rule: index, line: *line, attribute, value, found, required });
            }
        };
        match rule {
            Rule::Total { seats } => report(None, None, size, Bound::Exactly(*seats)),
            Rule::Count { bound, filter } => {
                report(None, None, count(candidates, &slate, |c| filter.admits(c)), *bound)
            }
            Rule::PerValue { bound, attribute, values, filter } => {
                for value in counted_values(candidates, *attribute, values, filter) {
                    let found = count(candidates, &slate, |c| filter.admits(c) && c.has(*attribute, &value));
                    report(Some(*attribute), Some(value), found, *bound);
                }
            }
            Rule::Share { at_least, percent, filter, of } => {
                let base = count(candidates, &slate, |c| of.admits(c));
                let found = count(candidates, &slate, |c| of.admits(c) && filter.admits(c));
                let members = share_of(*percent, base, *at_least);
                report(None, None, found, if *at_least { Bound::AtLeast(members) } else { Bound::AtMost(members) });
            }
            Rule::Renewal { percent } => {
                let seats = rules.seats().unwrap_or(size);
                let left_out =
                    candidates.iter().enumerate().filter(|(i, c)| c.seated && slate.binary_search(i).is_err()).count();
                report(None, None, left_out as u32, Bound::AtMost(share_of(*percent, seats, false)));
            }
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rules;

    fn candidate(attributes: &[(Attribute, &str)]) -> Candidate {
        Candidate {
            attributes: attributes.iter().map(|(a, v)| (*a, (*v).to_owned())).collect(),
            ..Candidate::default()
        }
    }

    #[test]
    fn every_broken_rule_is_listed_with_by_how_much() {
        use Attribute::*;
        let candidates = vec![
            candidate(&[(Group, "government"), (Region, "african"), (Country, "KE"), (Gender, "female")]),
            candidate(&[(Group, "government"), (Region, "african"), (Country, "KE"), (Gender, "male")]),
            candidate(&[(Group, "government"), (Region, "weog"), (Country, "CH"), (Gender, "male")]),
            candidate(&[(Group, "civil_society"), (Region, "weog"), (Country, "CH"), (Gender, "female")]),
        ];
        let rules = parse_rules(
            "total 4\n\
             at least 3 per region in african,latin_american_caribbean,weog\n\
             at most 1 per country where group=government\n\
             at least 50% gender=female\n\
             exactly 1 group=civil_society\n",
        )
        .expect("rules");
        let broken = check(&candidates, &rules, &[0, 1, 2]);
        let shown: Vec<(usize, Option<&str>, u32, Bound)> =
            broken.iter().map(|v| (v.line, v.value.as_deref(), v.found, v.required)).collect();
        assert_eq!(
            shown,
            [
                (1, None, 3, Bound::Exactly(4)),
                (2, Some("african"), 2, Bound::AtLeast(3)),
                (2, Some("latin_american_caribbean"), 0, Bound::AtLeast(3)),
                (2, Some("weog"), 1, Bound::AtLeast(3)),
                (3, Some("KE"), 2, Bound::AtMost(1)),
                (4, None, 1, Bound::AtLeast(2)),
                (5, None, 0, Bound::Exactly(1)),
            ]
        );
        assert!(check(&candidates, &parse_rules("total 2\nat most 1 per country").expect("rules"), &[0, 2]).is_empty());
    }

    #[test]
    fn renewal_counts_the_seated_members_left_out() {
        let seated = Candidate { seated: true, ..Candidate::default() };
        let candidates = vec![seated.clone(), seated.clone(), seated, Candidate::default()];
        let rules = parse_rules("total 2\nrenew at most 50%").expect("rules");
        assert!(check(&candidates, &rules, &[0, 1]).is_empty(), "one seated member of three out: 1 seat of 2");
        let broken = check(&candidates, &rules, &[0, 3]);
        assert_eq!((broken[0].found, broken[0].required), (2, Bound::AtMost(1)), "two out: more than half");
        assert_eq!(check(&candidates, &rules, &[0, 1, 2, 3])[0].required, Bound::Exactly(2));
    }
}
