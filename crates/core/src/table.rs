//! The distribution table: contributions by stakeholder group × channel, with totals, as in the
//! table of seeds/003.

use std::collections::BTreeMap;

use crate::contribution::Channel;
use crate::stakeholder::StakeholderGroupId;

/// Counts for each channel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChannelCounts {
    pub written: u64,
    pub presentation: u64,
    pub intervention: u64,
}

impl ChannelCounts {
    pub fn get(&self, channel: Channel) -> u64 {
        match channel {
            Channel::Written => self.written,
            Channel::Presentation => self.presentation,
            Channel::Intervention => self.intervention,
        }
    }

    fn add(&mut self, channel: Channel, n: u64) {
        match channel {
            Channel::Written => self.written += n,
            Channel::Presentation => self.presentation += n,
            Channel::Intervention => self.intervention += n,
        }
    }

    pub fn total(&self) -> u64 {
        self.written + self.presentation + self.intervention
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub group: StakeholderGroupId,
    pub counts: ChannelCounts,
}

/// Where a contribution stands in the official table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// Recorded by the secretariat, sent by a verified focal point, or attributed to a recorded
    /// entity by the secretariat after checking: counted under its stakeholder group.
    Counted,
    /// Sent without a verified identity and not attributed: shown apart, never counted under
    /// the group its sender claimed.
    Unverified,
    /// Withheld from publication: in no count; the report says how many.
    Withheld,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Counted => "counted",
            Standing::Unverified => "unverified",
            Standing::Withheld => "withheld",
        }
    }

    pub fn parse(text: &str) -> Option<Standing> {
        [Standing::Counted, Standing::Unverified, Standing::Withheld].into_iter().find(|s| s.as_str() == text)
    }
}

/// One row per stakeholder group that has counted contributions, in the taxonomy's order, and
/// the column totals; then, apart, the unverified contributions by channel and how many are
/// withheld.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DistributionTable {
    pub rows: Vec<TableRow>,
    pub totals: ChannelCounts,
    /// Contributions whose sender's identity is not verified, by channel (not in `totals`).
    pub unverified: ChannelCounts,
    /// Contributions withheld from publication (in no count).
    pub withheld: u64,
}

impl DistributionTable {
    /// Builds the table from (group, channel, standing, count) rows, as the store gives them.
    pub fn from_standings(
        order: &[StakeholderGroupId],
        counts: impl IntoIterator<Item = (StakeholderGroupId, Channel, Standing, u64)>,
    ) -> Self {
        let mut unverified = ChannelCounts::default();
        let mut withheld = 0;
        let mut counted = Vec::new();
        for (group, channel, standing, n) in counts {
            match standing {
                Standing::Counted => counted.push((group, channel, n)),
                Standing::Unverified => unverified.add(channel, n),
                Standing::Withheld => withheld += n,
            }
        }
        DistributionTable { unverified, withheld, ..DistributionTable::from_counts(order, counted) }
    }

    /// Builds the table from (group, channel, count) triples. Groups missing from `order` (none
    /// should be) come last, by identifier, rather than being dropped.
    pub fn from_counts(
        order: &[StakeholderGroupId],
        counts: impl IntoIterator<Item = (StakeholderGroupId, Channel, u64)>,
    ) -> Self {
        let mut by_group: BTreeMap<StakeholderGroupId, ChannelCounts> = BTreeMap::new();
        let mut totals = ChannelCounts::default();
        for (group, channel, n) in counts {
            by_group.entry(group).or_default().add(channel, n);
            totals.add(channel, n);
        }
        let mut rows = Vec::with_capacity(by_group.len());
        for group in order {
            if let Some(counts) = by_group.remove(group) {
                rows.push(TableRow { group: group.clone(), counts });
            }
        }
        rows.extend(by_group.into_iter().map(|(group, counts)| TableRow { group, counts }));
        rows.retain(|row| row.counts.total() > 0);
        DistributionTable { rows, totals, unverified: ChannelCounts::default(), withheld: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> StakeholderGroupId {
        s.parse().expect("group id")
    }

    #[test]
    fn the_seeds_table_adds_up() {
        let order: Vec<_> = crate::stakeholder::DEFAULT_GROUPS.iter().map(|g| id(g)).collect();
        let seeds = [
            ("government", [11, 13, 8]),
            ("international_organization", [7, 1, 0]),
            ("civil_society", [32, 7, 3]),
            ("private_sector", [9, 5, 2]),
        ];
        // Fed in reverse to show the order comes from the taxonomy.
        let counts = seeds.iter().rev().flat_map(|(g, n)| Channel::ALL.into_iter().zip(n).map(|(c, n)| (id(g), c, *n)));
        let table = DistributionTable::from_counts(&order, counts);
        let groups: Vec<_> = table.rows.iter().map(|r| r.group.as_str()).collect();
        assert_eq!(groups, ["government", "international_organization", "civil_society", "private_sector"]);
        let totals: Vec<_> = table.rows.iter().map(|r| r.counts.total()).collect();
        assert_eq!(totals, [32, 8, 42, 16]);
        assert_eq!((table.totals.written, table.totals.presentation, table.totals.intervention), (59, 26, 13));
        assert_eq!(table.totals.total(), 98);
    }

    #[test]
    fn unverified_and_withheld_contributions_stand_apart_from_the_counts() {
        let order = [id("government"), id("civil_society")];
        let table = DistributionTable::from_standings(
            &order,
            [
                (id("government"), Channel::Written, Standing::Counted, 3),
                (id("government"), Channel::Written, Standing::Unverified, 2),
                (id("civil_society"), Channel::Written, Standing::Unverified, 4),
                (id("civil_society"), Channel::Presentation, Standing::Withheld, 1),
            ],
        );
        assert_eq!(table.rows.len(), 1, "only the counted group has a row");
        assert_eq!(table.totals.total(), 3);
        assert_eq!(table.unverified.written, 6);
        assert_eq!(table.withheld, 1);
        assert_eq!(Standing::parse("unverified"), Some(Standing::Unverified));
    }

    #[test]
    fn an_empty_consultation_has_an_empty_table() {
        let table = DistributionTable::from_counts(&[id("government")], []);
        assert!(table.rows.is_empty());
        assert_eq!(table.totals.total(), 0);
    }
}
