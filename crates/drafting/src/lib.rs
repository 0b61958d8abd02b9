//! Drafting: the texts a consultation leads to and that participants negotiate paragraph by
//! paragraph (seeds/000 and seeds/002, draft opinions of the WTPF-13): their structure
//! (`text.rs`), the verbs that open their sections (`verbs.rs`), and the parser of their plain
//! text (`parse.rs`). No I/O: the store keeps drafts, the CLI and the web show them.

pub mod parse;
pub mod text;
pub mod verbs;

pub use parse::{ParseError, Parsed, Unplaced, parse};
pub use text::{Draft, Item, Numbering, Section, SectionKind};
