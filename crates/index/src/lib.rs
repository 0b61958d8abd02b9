//! The search index of the public archive: derived from the store, never the record. It follows
//! the store's change feed by sequence number, so it can be rebuilt from nothing at any time and
//! always catches up after a crash; withheld contributions are never in it.

mod analysis;
mod facets;
mod query;
mod search;
mod training;

use std::path::{Path, PathBuf};

use consulta_core::ContributionId;
use consulta_store::{PublicText, RecordStore, StoreError};
use serde::{Deserialize, Serialize};
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

pub use analysis::{Analysis, SearchTerms};
pub use facets::{Facet, FacetCount};
pub use query::{Clause, parse_query};
pub use search::{Found, MAX_PAGE_SIZE, SearchRequest, SearchResults, Sort};
pub use training::{tagged_texts, train_classifier};

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("another Consulta process is writing the search index in {0} (a server, or a rebuild); stop it first")]
    Busy(PathBuf),
    #[error("cannot create the search index directory {path}: {source}")]
    Directory { path: PathBuf, source: std::io::Error },
    #[error("the search index says something Consulta cannot read: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

pub type Result<T, E = IndexError> = std::result::Result<T, E>;

/// What an index's last commit says about it: the layout it was built with, and the last
/// change of the store's feed it holds.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Progress {
    format: u32,
    seq: u64,
}

/// Bumped whenever fields or analysis change: an index of another format is rebuilt.
const FORMAT: u32 = 3;

/// How many changes are indexed between commits while catching up.
const COMMIT_EVERY: usize = 50_000;
/// How many changes are read from the store at a time.
const BATCH: usize = 2_000;
/// At most this many bytes of a text are read to make its snippet.
const SNIPPET_SOURCE_BYTES: usize = 100_000;

/// How many threads one search is shared out to.
fn search_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(4)
}

/// The fields of a document, one per contribution.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    submitted_at: Field,
    /// One per facet, in the order of `Facet::ALL`: what filters match.
    facets: [Field; Facet::ALL.len()],
    /// Every facet's value at once (`Facet::combination_of`): what facet counts read.
    combination: Field,
    /// One per analysis, in the order of `Analysis::ALL`; a contribution's text goes in the
    /// field of its language.
    texts: [Field; Analysis::ALL.len()],
    /// The same texts' pairs of terms (`Analysis::pairs_analyzer`), where phrases are looked
    /// for first.
    pairs: [Field; Analysis::ALL.len()],
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_u64_field("id", INDEXED | FAST);
    let submitted_at = builder.add_i64_field("submitted_at", FAST);
    let facets = Facet::ALL.map(|facet| builder.add_text_field(facet.name(), STRING));
    let combination = builder.add_text_field(facets::COMBINATION_FIELD, FAST);
    let texts = Analysis::ALL.map(|analysis| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analysis.name())
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        builder.add_text_field(analysis.name(), TextOptions::default().set_indexing_options(indexing))
    });
    let pairs = Analysis::ALL.map(|analysis| {
        // Which contributions have a pair is all a phrase search asks of it.
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analysis.pairs_name())
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false);
        builder.add_text_field(analysis.pairs_name(), TextOptions::default().set_indexing_options(indexing))
    });
    (builder.build(), Fields { id, submitted_at, facets, combination, texts, pairs })
}

impl Fields {
    fn text(&self, analysis: Analysis) -> Field {
        self.texts[analysis.position()]
    }

    fn pairs(&self, analysis: Analysis) -> Field {
        self.pairs[analysis.position()]
    }

    fn facet(&self, facet: Facet) -> Field {
        let position = Facet::ALL.iter().position(|f| *f == facet).unwrap_or(0);
        self.facets[position]
    }

    fn document(&self, text: &PublicText) -> TantivyDocument {
        let mut document = TantivyDocument::default();
        document.add_u64(self.id, text.id.0 as u64);
        document.add_i64(self.submitted_at, text.submitted_at.as_millisecond());
        for facet in Facet::ALL {
            if let Some(value) = facet.value_of(text) {
                document.add_text(self.facet(facet), value);
            }
        }
        document.add_text(self.combination, Facet::combination_of(text));
        // The text's terms, for words, and their pairs, for phrases.
        let analysis = Analysis::for_language(&text.language);
        for field in [self.text(analysis), self.pairs(analysis)] {
            document.add_text(field, &text.title);
            document.add_text(field, &text.body);
            if !text.attachments_text.is_empty() {
                document.add_text(field, &text.attachments_text);
            }
        }
        document
    }
}

/// The search index: one directory of files, or memory (in tests).
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    location: PathBuf,
    /// The total and facet counts of the whole index (browsing, no words, no filter), for the
    /// searcher generation they were counted in: the same for every reader until the index
    /// changes, and a count over every document (30 ms at a million) otherwise.
    everything: std::sync::Mutex<Option<(u64, usize, Vec<FacetCount>)>>,
    combinations: facets::CombinationCache,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("location", &self.location).finish()
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it if there is none or if it was built in another
    /// format (it is derived data; catching up fills it again).
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Directory { path: dir.to_owned(), source })?;
        let (schema, fields) = schema();
        let existing = Index::open_in_dir(dir).ok().filter(|index| {
            index.schema() == schema && read_progress(index).is_ok_and(|p| p.is_none_or(|p| p.format == FORMAT))
        });
        let index = match existing {
            Some(index) => index,
            None => {
                clear_directory(dir)?;
                Index::create_in_dir(dir, schema)?
            }
        };
        SearchIndex::with_index(index, fields, dir.to_owned())
    }

    /// Whether the index is still where it was opened (someone may delete its directory while
    /// the server runs; searches would then silently go stale).
    pub fn is_present(&self) -> bool {
        self.location == std::path::Path::new(":memory:") || self.location.join("meta.json").is_file()
    }

    /// An index in memory, for tests.
    pub fn in_memory() -> Result<SearchIndex> {
        let (schema, fields) = schema();
        SearchIndex::with_index(Index::create_in_ram(schema), fields, PathBuf::from(":memory:"))
    }

    fn with_index(mut index: Index, fields: Fields, location: PathBuf) -> Result<SearchIndex> {
        for analysis in Analysis::ALL {
            index.tokenizers().register(analysis.name(), analysis.analyzer());
            index.tokenizers().register(analysis.pairs_name(), analysis.pairs_analyzer());
        }
        index.set_multithread_executor(search_threads())?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            location,
            everything: std::sync::Mutex::default(),
            combinations: Default::default(),
        })
    }

    /// The sequence number of the last change the index holds (0 for a new index).
    pub fn indexed_through(&self) -> Result<u64> {
        Ok(read_progress(&self.index)?.map_or(0, |p| p.seq))
    }

    /// How many contributions the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes its files take on disk (0 in memory).
    pub fn size_on_disk(&self) -> u64 {
        directory_size(&self.location)
    }

    /// Takes the index's one writer; fails with `Busy` if another process has it.
    pub fn writer(&self, memory_budget_bytes: usize) -> Result<IndexUpdater> {
        let writer = self.index.writer(memory_budget_bytes).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => IndexError::Busy(self.location.clone()),
            other => IndexError::Tantivy(other),
        })?;
        Ok(IndexUpdater {
            index: self.index.clone(),
            reader: self.reader.clone(),
            fields: self.fields,
            location: self.location.clone(),
            writer,
        })
    }
}

fn read_progress(index: &Index) -> Result<Option<Progress>> {
    let metas = index.load_metas()?;
    metas
        .payload
        .map(|payload| {
            serde_json::from_str(&payload).map_err(|_| IndexError::Corrupt(format!("commit payload {payload}")))
        })
        .transpose()
}

fn directory_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(meta) if meta.is_dir() => directory_size(&entry.path()),
            Ok(meta) => meta.len(),
            Err(_) => 0,
        })
        .sum()
}

fn clear_directory(dir: &Path) -> Result<()> {
    let io = |source| IndexError::Directory { path: dir.to_owned(), source };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path).map_err(io)?;
        } else {
            std::fs::remove_file(&path).map_err(io)?;
        }
    }
    Ok(())
}

/// The one writer of an index: it catches the index up with the store. Searches through the
/// `SearchIndex` it came from see each of its commits.
pub struct IndexUpdater {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    location: PathBuf,
    writer: IndexWriter,
}

impl std::fmt::Debug for IndexUpdater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexUpdater").field("index", &self.location).finish()
    }
}

impl IndexUpdater {
    /// Empties the index, so that the next catch-up rebuilds it from the whole feed.
    pub fn clear(&mut self) -> Result<()> {
        self.writer.delete_all_documents()?;
        self.commit(0)?;
        Ok(())
    }

    /// Indexes every change the store has recorded since the index's last commit, and makes
    /// them searchable. `progress` is told (changes done, changes in all) after each batch.
    /// Returns how many changes were applied.
    pub fn catch_up(&mut self, store: &dyn RecordStore, progress: &mut dyn FnMut(u64, u64)) -> Result<u64> {
        let start = read_progress(&self.index)?.map_or(0, |p| p.seq);
        let mut seq = start;
        let last = store.last_change()?;
        if last <= seq {
            return Ok(0);
        }
        let fields = self.fields;
        let mut since_commit = 0;
        loop {
            let changes = store.changes_since(seq, BATCH)?;
            let Some(latest) = changes.last() else { break };
            seq = latest.seq;
            let mut ids: Vec<ContributionId> = changes.iter().map(|c| c.contribution).collect();
            ids.sort_unstable();
            ids.dedup();
            for id in &ids {
                self.writer.delete_term(Term::from_field_u64(fields.id, id.0 as u64));
            }
            for text in store.public_texts(&ids)? {
                if !text.withheld {
                    self.writer.add_document(fields.document(&text))?;
                }
            }
            since_commit += changes.len();
            if since_commit >= COMMIT_EVERY {
                self.commit(seq)?;
                since_commit = 0;
            }
            progress(seq - start, last.max(seq) - start);
        }
        self.commit(seq)?;
        Ok(seq - start)
    }

    fn commit(&mut self, seq: u64) -> Result<()> {
        let mut prepared = self.writer.prepare_commit()?;
        let payload =
            serde_json::to_string(&Progress { format: FORMAT, seq }).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Waits for background merges to finish (at the end of a rebuild, so its size is final).
    pub fn finish(self) -> Result<()> {
        self.writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }
}

/// Reads the `id` fast field of a segment's documents.
fn contribution_id(column: &tantivy::columnar::Column<u64>, doc: tantivy::DocId) -> Option<ContributionId> {
    column.first(doc).and_then(|id| i64::try_from(id).ok()).map(ContributionId)
}

#[cfg(test)]
mod tests;
