//! The facets a search can be narrowed by, and the collector that counts the matches of a
//! query in each of their values.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use consulta_store::PublicText;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::{COLLECT_BLOCK_BUFFER_LEN, DocId, Score, SegmentOrdinal, SegmentReader};

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

    /// A contribution's values of every facet as one string, in the order of `Facet::ALL`, an
    /// absent value empty: what the index's `facet_values` column holds.
    pub(crate) fn combination_of(text: &PublicText) -> String {
        let values: Vec<Cow<'_, str>> =
            Facet::ALL.iter().map(|facet| facet.value_of(text).unwrap_or_default()).collect();
        values.join(SEPARATOR)
    }
}

/// The field holding each contribution's `Facet::combination_of`.
pub(crate) const COMBINATION_FIELD: &str = "facet_values";
/// Between the values of a combination: facet values are slugs, codes and numbers, which never
/// hold it (a combination that does not split in as many values as there are facets is not
/// counted).
const SEPARATOR: &str = "\u{1f}";
const FACETS: usize = Facet::ALL.len();
/// No value of a facet in a combination.
const NONE: u32 = u32::MAX;

/// How many matching contributions have each value of a facet, most first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub facet: Facet,
    pub values: Vec<(String, u64)>,
}

/// The distinct combinations of facet values in one segment, decoded from its dictionary once
/// (a segment never changes): counting a match then reads one value, not one per facet, which
/// was most of the work of a search for a common word.
pub(crate) struct Combinations {
    /// For each combination's ordinal, each facet's value: an index into `values`, or `NONE`.
    by_ord: Vec<[u32; FACETS]>,
    /// Each facet's values in the segment.
    values: [Vec<String>; FACETS],
}

impl Combinations {
    /// Decodes a segment's `facet_values` column: its terms, in ordinal order.
    fn of(column: &tantivy::columnar::StrColumn) -> std::io::Result<Combinations> {
        let mut combinations =
            Combinations { by_ord: Vec::with_capacity(column.num_terms()), values: Default::default() };
        let mut known: [HashMap<String, u32>; FACETS] = Default::default();
        let mut terms = column.dictionary().stream()?;
        while terms.advance() {
            let mut combination = [NONE; FACETS];
            let text = String::from_utf8_lossy(terms.key());
            let parts: Vec<&str> = text.split(SEPARATOR).collect();
            if parts.len() == FACETS {
                for (facet, part) in parts.into_iter().enumerate() {
                    if part.is_empty() {
                        continue;
                    }
                    let values = &mut combinations.values[facet];
                    combination[facet] = *known[facet].entry(part.to_owned()).or_insert_with(|| {
                        values.push(part.to_owned());
                        (values.len() - 1) as u32
                    });
                }
            }
            combinations.by_ord.push(combination);
        }
        Ok(combinations)
    }
}

/// The combinations of the segments searched, kept while they are in the index.
#[derive(Default)]
pub(crate) struct CombinationCache(Mutex<HashMap<SegmentId, Arc<Combinations>>>);

impl CombinationCache {
    /// A segment's column of combination ordinals and its combinations (none for a segment
    /// written before the column existed).
    fn of(&self, segment: &SegmentReader) -> tantivy::Result<Option<(Column<u64>, Arc<Combinations>)>> {
        let Some(column) = segment.fast_fields().str(COMBINATION_FIELD)? else { return Ok(None) };
        let id = segment.segment_id();
        let cached = self.0.lock().ok().and_then(|cache| cache.get(&id).cloned());
        let combinations = match cached {
            Some(combinations) => combinations,
            None => {
                let combinations = Arc::new(Combinations::of(&column)?);
                if let Ok(mut cache) = self.0.lock() {
                    cache.insert(id, combinations.clone());
                }
                combinations
            }
        };
        Ok(Some((column.ords().clone(), combinations)))
    }

    /// Forgets the segments merged away since: only `segments` are searched from now on.
    pub(crate) fn keep_only(&self, segments: &[SegmentReader]) {
        if let Ok(mut cache) = self.0.lock() {
            cache.retain(|id, _| segments.iter().any(|s| s.segment_id() == *id));
        }
    }
}

/// Counts, for every facet, the matching documents per value.
pub(crate) struct FacetCollector<'a>(pub(crate) &'a CombinationCache);

pub(crate) struct FacetSegmentCollector {
    tally: Tally,
    /// Matches handed one by one, not yet counted.
    pending: Vec<DocId>,
}

/// A segment's matches per combination.
struct Tally {
    segment: Option<(Column<u64>, Arc<Combinations>)>,
    /// Matches per combination ordinal.
    counts: Vec<u64>,
    /// A block's combination ordinals, reused from block to block.
    block: Vec<Option<u64>>,
}

type Counts = BTreeMap<(Facet, String), u64>;

impl Collector for FacetCollector<'_> {
    type Fruit = Vec<FacetCount>;
    type Child = FacetSegmentCollector;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<FacetSegmentCollector> {
        let segment = self.0.of(segment)?;
        let counts = vec![0; segment.as_ref().map_or(0, |(_, combinations)| combinations.by_ord.len())];
        let pending = Vec::with_capacity(COLLECT_BLOCK_BUFFER_LEN);
        Ok(FacetSegmentCollector { tally: Tally { segment, counts, block: Vec::new() }, pending })
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

impl Tally {
    /// Counts a block of matches, their ordinals read all at once (`first_vals`).
    fn count(&mut self, docs: &[DocId]) {
        let Some((ords, _)) = &self.segment else { return };
        self.block.clear();
        self.block.resize(docs.len(), None);
        ords.first_vals(docs, &mut self.block);
        for ord in self.block.iter().flatten() {
            if let Some(n) = self.counts.get_mut(*ord as usize) {
                *n += 1;
            }
        }
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = Counts;

    /// A scored search hands matches one by one: they wait for a block of their own.
    fn collect(&mut self, doc: DocId, _: Score) {
        self.pending.push(doc);
        if self.pending.len() == COLLECT_BLOCK_BUFFER_LEN {
            self.tally.count(&self.pending);
            self.pending.clear();
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.tally.count(docs);
    }

    fn harvest(mut self) -> Counts {
        self.tally.count(&self.pending);
        let Tally { segment, counts, .. } = self.tally;
        let mut out = Counts::new();
        let Some((_, combinations)) = segment else { return out };
        let mut per_value: [Vec<u64>; FACETS] = combinations.values.each_ref().map(|values| vec![0; values.len()]);
        for (combination, n) in combinations.by_ord.iter().zip(&counts).filter(|(_, n)| **n > 0) {
            for (counts, value) in per_value.iter_mut().zip(combination) {
                if let Some(count) = counts.get_mut(*value as usize) {
                    *count += n;
                }
            }
        }
        for ((facet, values), counts) in Facet::ALL.iter().zip(&combinations.values).zip(per_value) {
            for (value, n) in values.iter().zip(counts).filter(|(_, n)| *n > 0) {
                out.insert((*facet, value.clone()), n);
            }
        }
        out
    }
}
