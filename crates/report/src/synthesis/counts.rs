//! What the synthesis report counts of a consultation's contributions, folded in one pass over
//! the record, contribution by contribution, into counts whose size does not grow with the
//! record: a million contributions take the memory of a hundred.

use std::collections::BTreeMap;

use consulta_analysis::Cited;
use consulta_core::{Channel, ContributionId, CountryCode, IssueId, StakeholderGroupId};

/// How many contributors an issue's paragraph names, each linked to its first contribution on
/// the issue, before it says "and N more".
pub const NAMED_PER_ISSUE: usize = 12;

/// The row of a contribution with no country (an international entity) in the tables by
/// regional group and by development status.
pub const NO_COUNTRY: &str = "no_country";
/// The row of a country outside the lists (a territory).
pub const NOT_LISTED: &str = "not_listed";

/// What the report needs of one contribution: who sent it, how, what it cites and the issues it
/// is tagged with. Its text is read once, for its citations, and not kept.
#[derive(Debug, Clone)]
pub struct ContributionFacts {
    pub id: ContributionId,
    pub entity_name: String,
    pub group: StakeholderGroupId,
    pub channel: Channel,
    pub country: Option<CountryCode>,
    pub withheld: bool,
    /// Sent without a verified identity and not attributed: not counted in the report.
    pub unverified: bool,
    pub cited: Vec<Cited>,
    pub issues: Vec<IssueId>,
}

/// An issue as the counted contributions raise it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueCounts {
    pub contributions: u64,
    pub by_group: BTreeMap<StakeholderGroupId, u64>,
    /// The first contributors to raise it, by name, each with its first contribution on it,
    /// in the order they were recorded; at most `NAMED_PER_ISSUE`.
    pub named: Vec<(String, ContributionId)>,
}

/// The report's counts of a consultation's contributions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordCounts {
    /// What the report counts, as the distribution table does: published contributions of
    /// recorded, verified or attributed senders.
    pub counted: u64,
    pub withheld: u64,
    /// Published, but sent without a verified identity and not attributed.
    pub unverified: u64,
    /// Counted contributions by regional group (or `NO_COUNTRY`, `NOT_LISTED`) and channel.
    pub by_region: BTreeMap<(&'static str, &'static str), u64>,
    /// Counted contributions by development status (or `NO_COUNTRY`, `NOT_LISTED`) and channel.
    pub by_development: BTreeMap<(&'static str, &'static str), u64>,
    /// Counted contributions tagged with at least one issue.
    pub tagged: u64,
    pub issues: BTreeMap<IssueId, IssueCounts>,
    /// Citations of the Tunis Agenda's paragraphs in counted contributions, by paragraph and by
    /// the citing contribution's stakeholder group.
    pub tunis_paragraphs: BTreeMap<(u32, StakeholderGroupId), u64>,
    /// Citations of UN documents in counted contributions, by symbol.
    pub documents: BTreeMap<String, u64>,
}

impl RecordCounts {
    /// Counts one contribution in.
    pub fn add(&mut self, c: ContributionFacts) {
        if c.withheld {
            self.withheld += 1;
            return;
        }
        if c.unverified {
            self.unverified += 1;
            return;
        }
        self.counted += 1;
        let channel = c.channel.as_str();
        let (region, development) = match c.country {
            None => (NO_COUNTRY, NO_COUNTRY),
            Some(code) => {
                let country = code.country();
                (
                    country.regional_group.map_or(NOT_LISTED, |r| r.as_str()),
                    country.development.map_or(NOT_LISTED, |d| d.as_str()),
                )
            }
        };
        *self.by_region.entry((region, channel)).or_default() += 1;
        *self.by_development.entry((development, channel)).or_default() += 1;
        if !c.issues.is_empty() {
            self.tagged += 1;
        }
        for issue in c.issues {
            let counts = self.issues.entry(issue).or_default();
            counts.contributions += 1;
            *counts.by_group.entry(c.group.clone()).or_default() += 1;
            if counts.named.len() < NAMED_PER_ISSUE && !counts.named.iter().any(|(name, _)| *name == c.entity_name) {
                counts.named.push((c.entity_name.clone(), c.id));
            }
        }
        for cited in c.cited {
            match cited {
                Cited::TunisParagraph(n) => *self.tunis_paragraphs.entry((n, c.group.clone())).or_default() += 1,
                Cited::Document(symbol) => *self.documents.entry(symbol).or_default() += 1,
            }
        }
    }

    /// Counted contributions from entities with no country.
    pub fn international(&self) -> u64 {
        self.by_region.iter().filter(|((region, _), _)| *region == NO_COUNTRY).map(|(_, n)| n).sum()
    }

    /// Whether any counted contribution cites a UN document or a paragraph of the Tunis Agenda.
    pub fn any_citation(&self) -> bool {
        !self.tunis_paragraphs.is_empty() || !self.documents.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(id: i64, name: &str, country: Option<&str>) -> ContributionFacts {
        ContributionFacts {
            id: ContributionId(id),
            entity_name: name.to_owned(),
            group: "government".parse().expect("a group"),
            channel: Channel::Written,
            country: country.map(|c| c.parse().expect("a country")),
            withheld: false,
            unverified: false,
            cited: Vec::new(),
            issues: Vec::new(),
        }
    }

    #[test]
    fn withheld_and_unverified_contributions_are_counted_apart_and_nothing_else_of_them() {
        let mut counts = RecordCounts::default();
        let mut withheld = facts(1, "A", Some("KE"));
        withheld.withheld = true;
        withheld.issues = vec!["access".parse().expect("an issue")];
        let mut unverified = facts(2, "B", Some("KE"));
        unverified.unverified = true;
        unverified.cited = vec![Cited::TunisParagraph(35)];
        counts.add(withheld);
        counts.add(unverified);
        assert_eq!((counts.counted, counts.withheld, counts.unverified), (0, 1, 1));
        assert!(counts.issues.is_empty() && !counts.any_citation() && counts.by_region.is_empty());
    }

    #[test]
    fn places_issues_and_citations_are_counted() {
        let mut counts = RecordCounts::default();
        let access: IssueId = "access".parse().expect("an issue");
        for (id, name, country) in [(1, "Kenya", Some("KE")), (2, "ISOC", None), (3, "Kenya", Some("KE"))] {
            let mut c = facts(id, name, country);
            c.issues = vec![access.clone()];
            c.cited = vec![Cited::TunisParagraph(35), Cited::Document("A/66/77".into())];
            counts.add(c);
        }
        assert_eq!(counts.counted, 3);
        assert_eq!(counts.international(), 1);
        assert_eq!(counts.by_region.get(&("african", "written")), Some(&2));
        assert_eq!(counts.by_development.get(&(NO_COUNTRY, "written")), Some(&1));
        let issue = &counts.issues[&access];
        assert_eq!(issue.contributions, 3);
        // Each contributor named once, with its first contribution.
        assert_eq!(issue.named, vec![("Kenya".to_owned(), ContributionId(1)), ("ISOC".to_owned(), ContributionId(2))]);
        assert_eq!(counts.tunis_paragraphs.values().sum::<u64>(), 3);
        assert_eq!(counts.documents.get("A/66/77"), Some(&3));
    }

    #[test]
    fn an_issue_names_at_most_so_many_contributors() {
        let mut counts = RecordCounts::default();
        let access: IssueId = "access".parse().expect("an issue");
        for id in 0..100 {
            let mut c = facts(id, &format!("Entity {id}"), None);
            c.issues = vec![access.clone()];
            counts.add(c);
        }
        assert_eq!(counts.issues[&access].named.len(), NAMED_PER_ISSUE);
        assert_eq!(counts.issues[&access].contributions, 100);
    }
}
