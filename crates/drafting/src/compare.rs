//! Two revisions compared word by word: what the later one inserts and what it strikes out, in
//! the order of the text (patience diff over words, so that moved clauses read as such).

use similar::{Algorithm, ChangeTag, capture_diff_slices};

use crate::text::Draft;

/// A run of words of a comparison: kept, inserted by the later revision, or struck out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Kept(String),
    Inserted(String),
    Deleted(String),
}

/// The words of a text, each with the whitespace after it, so that runs join back into it.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            in_space = true;
        } else if in_space {
            out.push(&text[start..at]);
            start = at;
            in_space = false;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The later draft against the earlier, as runs of their plain text.
pub fn compare(earlier: &Draft, later: &Draft) -> Vec<Run> {
    let (old_text, new_text) = (earlier.plain_text(), later.plain_text());
    let (old, new) = (words(&old_text), words(&new_text));
    let mut runs: Vec<Run> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &old, &new) {
        for change in op.iter_changes(&old, &new) {
            let word = change.value();
            let run = match change.tag() {
                ChangeTag::Equal => Run::Kept(word.to_owned()),
                ChangeTag::Insert => Run::Inserted(word.to_owned()),
                ChangeTag::Delete => Run::Deleted(word.to_owned()),
            };
            match (runs.last_mut(), run) {
                (Some(Run::Kept(a)), Run::Kept(b))
                | (Some(Run::Inserted(a)), Run::Inserted(b))
                | (Some(Run::Deleted(a)), Run::Deleted(b)) => a.push_str(&b),
                (_, run) => runs.push(run),
            }
        }
    }
    runs
}

/// The comparison as text, insertions as [+…+] and deletions as [-…-]; a deletion the next
/// insertion replaces stands beside it on the same line.
pub fn marked(runs: &[Run]) -> String {
    let mut out = String::new();
    for (i, run) in runs.iter().enumerate() {
        let split = |text: &str| {
            let words = text.trim_end();
            (words.to_owned(), text[words.len()..].to_owned())
        };
        match run {
            Run::Kept(text) => out.push_str(text),
            Run::Inserted(text) => {
                let (words, space) = split(text);
                out += &format!("[+{words}+]{space}");
            }
            Run::Deleted(text) => {
                let (words, space) = split(text);
                let replaced = matches!(runs.get(i + 1), Some(Run::Inserted(_)));
                out += &format!("[-{words}-]{}", if replaced { " " } else { space.as_str() });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amend::{Amendment, Change};

    #[test]
    fn a_revision_is_compared_word_by_word() {
        let earlier = crate::parse("Draft\nThe Forum,\ninvites\na)\tto study ways of cooperating;\nb)\tto act.\n")
            .expect("parses")
            .draft;
        let amendment = Amendment {
            place: "1/a".parse().expect("place"),
            change: Change::Replace { from: "study ways of cooperating".into(), to: "cooperate closely".into() },
        };
        let later = earlier.amended(&amendment).expect("made");
        let runs = compare(&earlier, &later);
        let text = marked(&runs);
        assert!(text.contains("a)\tto [-study ways of cooperating;-] [+cooperate closely;+]\nb)\tto act."), "{text}");
        let joined: String = runs
            .iter()
            .filter_map(|r| match r {
                Run::Kept(t) | Run::Inserted(t) => Some(t.as_str()),
                Run::Deleted(_) => None,
            })
            .collect();
        assert_eq!(joined, later.plain_text(), "the later text is the kept and inserted runs");
    }
}
