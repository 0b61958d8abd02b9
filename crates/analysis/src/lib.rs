//! Analyses over the record, with no I/O: which issues a text suggests and why
//! (`suggest`, with the calibrated classifier of `classifier`), which documents and Tunis Agenda paragraphs it cites (`citations`), and the
//! cross tables of a report (`tables`). The report crate reads the store and calls these.

pub mod citations;
pub mod classifier;
pub mod suggest;
pub mod tables;
pub mod text;

pub use citations::{Citation, Cited, find_citations};
pub use classifier::{Classifier, Evaluation, Tagged, Terms};
pub use suggest::{Reason, Suggestion, suggest};
pub use tables::CrossTable;
