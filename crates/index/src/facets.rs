//! The facets a search can be narrowed by, and the collector that counts the matches of a
//! query in each of their values.

use std::borrow::Cow;
use std::collections::BTreeMap;

use consulta_store::PublicText;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// A facet: every contribution has at most one value of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Consultation,
    Group,
    Channel,
    Country,
    RegionalGroup,
    Language,
    Year,
}

impl Facet {
    pub const ALL: [Facet; 7] = [
        Facet::Consultation,
        Facet::Group,
        Facet::Channel,
        Facet::Country,
        Facet::RegionalGroup,
        Facet::Language,
        Facet::Year,
    ];

    /// Its name in the index, in URLs (`?group=civil_society`) and in the API's JSON.
    pub fn name(self) -> &'static str {
        match self {
            Facet::Consultation => "consultation",
            Facet::Group => "group",
            Facet::Channel => "channel",
            Facet::Country => "country",
            Facet::RegionalGroup => "region",
            Facet::Language => "language",
            Facet::Year => "year",
        }
    }

    pub fn from_name(name: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.name() == name)
    }

    /// A contribution's value of this facet, if it has one (an international organisation has
    /// no country, so no regional group either).
    pub fn value_of(self, text: &PublicText) -> Option<Cow<'_, str>> {
        match self {
            Facet::Consultation => Some(Cow::Borrowed(&text.consultation)),
            Facet::Group => Some(Cow::Borrowed(text.group.as_str())),
            Facet::Channel => Some(Cow::Borrowed(text.channel.as_str())),
            Facet::Country => text.country.as_ref().map(|c| Cow::Owned(c.as_str().to_owned())),
            Facet::RegionalGroup => {
                text.country.and_then(|c| c.country().regional_group).map(|g| Cow::Borrowed(g.as_str()))
            }
            Facet::Language => {
                Some(Cow::Owned(text.language.split('-').next().unwrap_or_default().to_ascii_lowercase()))
            }
            Facet::Year => Some(Cow::Owned(text.submitted_at.to_zoned(jiff::tz::TimeZone::UTC).year().to_string())),
        }
    }
}

/// How many matching contributions have each value of a facet, most first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub facet: Facet,
    pub values: Vec<(String, u64)>,
}

/// Counts, for every facet, the matching documents per value. Values are read as term
/// ordinals from the fast fields and turned into strings once per segment.
pub(crate) struct FacetCollector;

pub(crate) struct FacetSegmentCollector {
    columns: Vec<Option<StrColumn>>,
    ords: Vec<Option<tantivy::columnar::Column<u64>>>,
    counts: Vec<Vec<u64>>,
}

type Counts = BTreeMap<(Facet, String), u64>;

impl Collector for FacetCollector {
    type Fruit = Vec<FacetCount>;
    type Child = FacetSegmentCollector;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<FacetSegmentCollector> {
        let fast = segment.fast_fields();
        let columns = Facet::ALL.iter().map(|f| fast.str(f.name())).collect::<tantivy::Result<Vec<_>>>()?;
        let ords = columns.iter().map(|c| c.as_ref().map(|c| c.ords().clone())).collect();
        let counts = columns.iter().map(|c| vec![0; c.as_ref().map_or(0, |c| c.num_terms())]).collect();
        Ok(FacetSegmentCollector { columns, ords, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Vec<FacetCount>> {
        let mut total = Counts::new();
        for fruit in fruits {
            for (key, n) in fruit {
                *total.entry(key).or_default() += n;
            }
        }
        let mut out: Vec<FacetCount> =
            Facet::ALL.iter().map(|facet| FacetCount { facet: *facet, values: Vec::new() }).collect();
        for ((facet, value), n) in total {
            if let Some(count) = out.iter_mut().find(|c| c.facet == facet) {
                count.values.push((value, n));
            }
        }
        for count in &mut out {
            count.values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        Ok(out)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (ords, counts) in self.ords.iter().zip(&mut self.counts) {
            if let Some(ord) = ords.as_ref().and_then(|o| o.first(doc)) {
                if let Some(n) = counts.get_mut(ord as usize) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> Counts {
        let mut out = Counts::new();
        let mut value = String::new();
        for ((facet, column), counts) in Facet::ALL.iter().zip(&self.columns).zip(&self.counts) {
            let Some(column) = column else { continue };
            for (ord, n) in counts.iter().enumerate() {
                if *n > 0 && column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    out.insert((*facet, value.clone()), *n);
                }
            }
        }
        out
    }
}
