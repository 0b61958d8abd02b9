//! Searching: a query and filters in, the page of matching contributions (read from the store as
//! they are now, with a highlighted snippet) and the facet counts out.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use consulta_core::ContributionId;
use consulta_core::markup::escape_html;
use consulta_store::{PublicText, Store};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, Term};

use crate::facets::{FacetCollector, FacetCount};
use crate::query::{Clause, parse_query};
use crate::{Analysis, Facet, Result, SNIPPET_SOURCE_BYTES, SearchIndex, contribution_id};

/// The order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first (newest first when there are no words to match).
    #[default]
    Relevance,
    Newest,
    Oldest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    pub fn name(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    pub fn from_name(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// What a reader asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// Words, "phrases" and -exclusions; empty matches every contribution.
    pub query: String,
    /// Only contributions with one of these values, for each facet named.
    pub filters: Vec<(Facet, String)>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
    /// Each campaign once: its best-placed member stands for the others that match.
    pub collapse: bool,
}

/// The most results one page may hold.
pub const MAX_PAGE_SIZE: usize = 100;
/// The most matches a collapsed search reads in order to fold campaigns; matches past them are
/// counted, each as itself.
pub const COLLAPSE_SCAN: usize = 100_000;

/// A matching contribution, as the store has it now.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub text: PublicText,
    /// The passage that best matches the query, as plain text.
    pub snippet: String,
    /// The same passage as HTML: escaped, with matched words in `<b>`.
    pub snippet_html: String,
    /// Its record was edited in the database since it was logged: its text is not shown.
    pub altered: bool,
    /// In a collapsed search, the campaign it stands for and how many of its other members
    /// match too (none when it is not in a campaign).
    pub campaign: Option<(ContributionId, u64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// How many contributions match, across all pages.
    pub total: u64,
    pub hits: Vec<Found>,
    /// For each facet, how many matching contributions have each value.
    pub facets: Vec<FacetCount>,
}

impl SearchIndex {
    /// Runs a search and reads the page of results from `store`. A contribution withheld since
    /// it was indexed is left out of the page.
    pub fn search(&self, store: &dyn Store, request: &SearchRequest) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        self.combinations.keep_only(searcher.segment_readers());
        let clauses = parse_query(&request.query);
        let words = clauses.iter().any(|c| !c.excluded);
        let query = self.query(&clauses, request);
        // Browsing the whole record: its counts are the same for every reader of this searcher.
        let everything = clauses.is_empty() && request.filters.is_empty();
        let limit = request.limit.clamp(1, MAX_PAGE_SIZE);
        let top = if request.collapse {
            TopDocs::with_limit(COLLAPSE_SCAN)
        } else {
            TopDocs::with_limit(limit).and_offset(request.offset)
        };
        let (addresses, total, facets) = match request.sort {
            Sort::Relevance if words => {
                let (top, total, facets) =
                    searcher.search(&query, &(top.order_by_score(), Count, FacetCollector(&self.combinations)))?;
                (top.into_iter().map(|(_, a)| a).collect(), total, facets)
            }
            Sort::Relevance | Sort::Newest => self.by_date(&searcher, &query, top, Order::Desc, everything)?,
            Sort::Oldest => self.by_date(&searcher, &query, top, Order::Asc, everything)?,
        };
        let mut ids = self.ids(&searcher, &addresses)?;
        let (mut total, mut campaigns) = (total as u64, HashMap::new());
        if request.collapse {
            let folded = fold_campaigns(store, &ids)?;
            // Matches past the scan are counted each as itself.
            total = (folded.kept.len() + (total as usize).saturating_sub(ids.len())) as u64;
            ids = folded.kept.iter().skip(request.offset).take(limit).copied().collect();
            campaigns = folded.standing_for;
        }
        let mut texts: HashMap<ContributionId, PublicText> =
            store.public_texts(&ids)?.into_iter().map(|t| (t.id, t)).collect();
        let altered = consulta_store::check::records_altered(store, &ids)?;
        let mut hits = Vec::with_capacity(ids.len());
        for (id, altered) in ids.into_iter().zip(altered) {
            let Some(mut text) = texts.remove(&id).filter(|t| !t.withheld) else { continue };
            if altered {
                // Not the record: no title, text or passage of it is served as if it were.
                (text.title, text.body, text.attachments_text) = (String::new(), String::new(), String::new());
            }
            let campaign = campaigns.get(&id).copied();
            hits.push(Found { text, snippet: String::new(), snippet_html: String::new(), altered, campaign });
        }
        self.fill_snippets(&searcher, &query, &mut hits)?;
        Ok(SearchResults { total, hits, facets })
    }

    fn query(&self, parsed: &[Clause], request: &SearchRequest) -> BooleanQuery {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for clause in parsed {
            if let Some(query) = self.clause_query(clause) {
                clauses.push((if clause.excluded { Occur::MustNot } else { Occur::Must }, query));
            }
        }
        if !clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        let mut filters: BTreeMap<Facet, Vec<&str>> = BTreeMap::new();
        for (facet, value) in &request.filters {
            filters.entry(*facet).or_default().push(value);
        }
        for (facet, values) in filters {
            let field = self.fields.facet(facet);
            let any_of: Vec<(Occur, Box<dyn Query>)> = values
                .into_iter()
                .map(|value| {
                    let term = TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic);
                    (Occur::Should, Box::new(term) as Box<dyn Query>)
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_of))));
        }
        BooleanQuery::new(clauses)
    }

    /// A word or phrase matches a contribution if it matches in the field of its language,
    /// analysed the way that language is: so a query is analysed once per language. A phrase is
    /// looked for only where all its pairs of terms are.
    fn clause_query(&self, clause: &Clause) -> Option<Box<dyn Query>> {
        let per_language: Vec<(Occur, Box<dyn Query>)> = Analysis::ALL
            .iter()
            .filter_map(|analysis| {
                let mut terms = self.terms(analysis.name(), self.fields.text(*analysis), &clause.text)?;
                let query: Box<dyn Query> = match terms.len() {
                    0 => return None,
                    1 => Box::new(TermQuery::new(terms.remove(0).1, IndexRecordOption::WithFreqs)),
                    _ => {
                        let pairs = self.terms(analysis.pairs_name(), self.fields.pairs(*analysis), &clause.text)?;
                        let mut all: Vec<(Occur, Box<dyn Query>)> = pairs
                            .into_iter()
                            .map(|(_, pair)| {
                                (
                                    Occur::Must,
                                    Box::new(TermQuery::new(pair, IndexRecordOption::Basic)) as Box<dyn Query>,
                                )
                            })
                            .collect();
                        all.push((Occur::Must, Box::new(PhraseQuery::new_with_offset(terms))));
                        Box::new(BooleanQuery::new(all))
                    }
                };
                Some((Occur::Should, query))
            })
            .collect();
        (!per_language.is_empty()).then(|| Box::new(BooleanQuery::new(per_language)) as Box<dyn Query>)
    }

    /// The terms, with their positions, that the tokenizer `tokenizer` makes of `text` in `field`.
    fn terms(&self, tokenizer: &str, field: Field, text: &str) -> Option<Vec<(usize, Term)>> {
        let mut analyzer = self.index.tokenizers().get(tokenizer)?;
        let mut terms = Vec::new();
        analyzer.token_stream(text).process(&mut |token| {
            terms.push((token.position, Term::from_field_text(field, &token.text)));
        });
        Some(terms)
    }

    fn ids(&self, searcher: &Searcher, addresses: &[DocAddress]) -> Result<Vec<ContributionId>> {
        let mut ids = Vec::with_capacity(addresses.len());
        for address in addresses {
            let column = searcher.segment_reader(address.segment_ord).fast_fields().u64("id")?;
            if let Some(id) = contribution_id(&column, address.doc_id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }
}

/// Matches with each campaign folded into its first member.
struct Folded {
    /// The matches kept, in order: every one that is in no campaign, and each campaign's first.
    kept: Vec<ContributionId>,
    /// Each campaign's first match: the campaign, and how many of its other members match.
    standing_for: HashMap<ContributionId, (ContributionId, u64)>,
}

fn fold_campaigns(store: &dyn Store, ids: &[ContributionId]) -> Result<Folded> {
    let campaign_of: HashMap<ContributionId, ContributionId> = store.campaigns_of(ids)?.into_iter().collect();
    let mut first_of: HashMap<ContributionId, ContributionId> = HashMap::new();
    let mut folded = Folded { kept: Vec::new(), standing_for: HashMap::new() };
    for id in ids {
        match campaign_of.get(id) {
            None => folded.kept.push(*id),
            Some(campaign) => match first_of.get(campaign) {
                Some(first) => {
                    if let Some((_, similar)) = folded.standing_for.get_mut(first) {
                        *similar += 1;
                    }
                }
                None => {
                    first_of.insert(*campaign, *id);
                    folded.standing_for.insert(*id, (*campaign, 0));
                    folded.kept.push(*id);
                }
            },
        }
    }
    Ok(folded)
}

type Page = (Vec<DocAddress>, usize, Vec<FacetCount>);

impl SearchIndex {
    /// A page by date, with the total and facet counts of the matches; for the whole record
    /// (`everything`) the counts are those of the searcher's generation, counted once.
    fn by_date(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        top: TopDocs,
        order: Order,
        everything: bool,
    ) -> Result<Page> {
        let by_date = top.order_by_fast_field::<i64>("submitted_at", order);
        if !everything {
            let (top, total, facets) = searcher.search(query, &(by_date, Count, FacetCollector(&self.combinations)))?;
            return Ok((top.into_iter().map(|(_, a)| a).collect(), total, facets));
        }
        let generation = searcher.generation().generation_id();
        let cached = self.everything.lock().ok().and_then(|cached| {
            cached.as_ref().filter(|(counted_in, _, _)| *counted_in == generation).map(|(_, t, f)| (*t, f.clone()))
        });
        let (total, facets) = match cached {
            Some(counts) => counts,
            None => {
                let (total, facets) = searcher.search(query, &(Count, FacetCollector(&self.combinations)))?;
                if let Ok(mut cached) = self.everything.lock() {
                    *cached = Some((generation, total, facets.clone()));
                }
                (total, facets)
            }
        };
        let top = searcher.search(query, &by_date)?;
        Ok((top.into_iter().map(|(_, a)| a).collect(), total, facets))
    }
}

/// How long a snippet is, in characters.
const SNIPPET_CHARS: usize = 240;

/// From how many hits snippets are made on several threads.
const SNIPPETS_SHARED_FROM: usize = 32;

impl SearchIndex {
    /// Fills in the snippets of `hits` (none for an altered record), with one generator per
    /// language among them: on several threads for a long page, where making them is most of
    /// the work (a page of 100).
    fn fill_snippets(&self, searcher: &Searcher, query: &dyn Query, hits: &mut [Found]) -> Result<()> {
        let mut generators = HashMap::new();
        for hit in hits.iter().filter(|hit| !hit.altered) {
            let analysis = Analysis::for_language(&hit.text.language);
            if let std::collections::hash_map::Entry::Vacant(entry) = generators.entry(analysis) {
                let mut generator = SnippetGenerator::create(searcher, query, self.fields.text(analysis))?;
                generator.set_max_num_chars(SNIPPET_CHARS);
                entry.insert(generator);
            }
        }
        let fill = |hits: &mut [Found]| {
            for hit in hits.iter_mut().filter(|hit| !hit.altered) {
                if let Some(generator) = generators.get(&Analysis::for_language(&hit.text.language)) {
                    (hit.snippet, hit.snippet_html) = snippet(generator, &hit.text);
                }
            }
        };
        let threads = crate::search_threads();
        if hits.len() < SNIPPETS_SHARED_FROM || threads < 2 {
            fill(hits);
            return Ok(());
        }
        let fill = &fill;
        let share = hits.len().div_ceil(threads);
        std::thread::scope(|scope| {
            for hits in hits.chunks_mut(share) {
                scope.spawn(move || fill(hits));
            }
        });
        Ok(())
    }
}

/// A text's snippet: the passage that best matches, or its opening.
fn snippet(generator: &SnippetGenerator, text: &PublicText) -> (String, String) {
    for source in [&text.body, &text.attachments_text] {
        let source = prefix(source, SNIPPET_SOURCE_BYTES);
        let snippet = generator.snippet(source);
        if !snippet.highlighted().is_empty() {
            return in_context(source, snippet.fragment_range(), snippet.highlighted());
        }
    }
    // Nothing to highlight (no words in the query, or they matched the title only).
    let opening = prefix_chars(&text.body, SNIPPET_CHARS);
    in_context(&text.body, 0..opening.len(), &[])
}

/// How far a snippet is widened to reach the start or end of a word.
const WIDEN_CHARS: usize = 24;
const ELLIPSIS: &str = "…";

/// A snippet of `source` as a reader sees it: the fragment widened to whole words (within
/// `WIDEN_CHARS`; a script without spaces is cut between characters), an ellipsis where text goes
/// on before or after, and in its HTML the `highlighted` ranges (relative to the fragment) in
/// `<b>`.
fn in_context(source: &str, fragment: Range<usize>, highlighted: &[Range<usize>]) -> (String, String) {
    let before = &source[..fragment.start];
    let start = before
        .char_indices()
        .rev()
        .take(WIDEN_CHARS)
        .find(|(_, c)| c.is_whitespace())
        .map_or(if before.chars().count() <= WIDEN_CHARS { 0 } else { fragment.start }, |(i, c)| i + c.len_utf8());
    let after = &source[fragment.end..];
    let end = fragment.end
        + after
            .char_indices()
            .take(WIDEN_CHARS)
            .find(|(_, c)| c.is_whitespace())
            .map_or(if after.chars().count() <= WIDEN_CHARS { after.len() } else { 0 }, |(i, _)| i);
    let (open, close) = (if start > 0 { ELLIPSIS } else { "" }, if end < source.len() { ELLIPSIS } else { "" });
    let text = source[start..end].trim();
    let mut html = String::from(open);
    let mut at = start;
    for range in highlighted {
        let (from, to) = ((fragment.start + range.start).max(at), fragment.start + range.end);
        if to <= from {
            continue;
        }
        html.push_str(&escape_html(&source[at..from]));
        html.push_str("<b>");
        html.push_str(&escape_html(&source[from..to]));
        html.push_str("</b>");
        at = to;
    }
    html.push_str(&escape_html(&source[at..end]));
    html.push_str(close);
    (format!("{open}{text}{close}"), html.trim().to_owned())
}

/// At most `bytes` bytes of `text`, cut at a character boundary.
fn prefix(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn prefix_chars(text: &str, chars: usize) -> &str {
    text.char_indices().nth(chars).map_or(text, |(end, _)| &text[..end])
}

#[cfg(test)]
mod snippet_tests {
    use super::*;

    #[test]
    fn a_snippet_shows_whole_words_and_says_where_text_goes_on() {
        let source = "Texte d’exemple : l’accessibilité économique de l’accès dépend du coût.";
        let at = source.find("accessibilité").expect("found");
        let word = at..at + "accessibilité".len();
        let (text, html) = in_context(source, word.clone(), std::slice::from_ref(&(0..word.len())));
        assert_eq!(text, "…l’accessibilité…");
        assert_eq!(html, "…l’<b>accessibilité</b>…");
        // The whole text: no ellipsis.
        let (text, html) = in_context(source, 0..source.len(), std::slice::from_ref(&(at..at + "accessibilité".len())));
        assert_eq!(text, source);
        assert!(!html.contains('…') && html.contains("<b>accessibilité</b>"), "{html}");
        // Text with no spaces (Chinese) is cut between characters, with its ellipses.
        let chinese = "互联网治理的国际公共政策问题需要加强合作以及各利益攸关方的参与和平等地位问题的讨论".repeat(3);
        let at = chinese.match_indices("加强").nth(1).expect("found").0;
        let (text, _) = in_context(&chinese, at..at + "加强合作".len(), std::slice::from_ref(&(0.."加强".len())));
        assert!(text.starts_with('…') && text.ends_with('…') && text.contains("加强合作"), "{text}");
        // Markup in the text stays text.
        let (_, html) = in_context("a <b>tag</b> here", 0..17, &[]);
        assert_eq!(html, "a &lt;b&gt;tag&lt;/b&gt; here");
    }
}
