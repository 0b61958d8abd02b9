//! Drafting: the texts a consultation leads to and that participants negotiate paragraph by
//! paragraph (seeds/000 and seeds/002, draft opinions of the WTPF-13): their structure
//! (`text.rs`), the verbs that open their sections (`verbs.rs`), the parser of their plain
//! text (`parse.rs`), amendments, revisions and the compilation text (`amend.rs`), the word
//! comparison of two revisions (`compare.rs`), and Akoma Ntoso XML (`akn.rs`). No I/O: the store keeps drafts, the CLI and the web show them.

pub mod akn;
pub mod amend;
pub mod compare;
pub mod parse;
pub mod text;
pub mod verbs;

pub use akn::{AknError, Identity, from_akn, to_akn};
pub use amend::{AmendError, Amendment, Change, Pending, Place, compilation};
pub use compare::{Run, compare, marked};
pub use parse::{ParseError, Parsed, Unplaced, parse};
pub use text::{Draft, Item, Numbering, Section, SectionKind};
