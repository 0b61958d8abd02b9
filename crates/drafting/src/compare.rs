//! Two revisions compared word by word: what the later one inserts and what it strikes out, in
//! the order of the text (patience diff over words, so that moved clauses read as such).

use similar::{Algorithm, ChangeTag, capture_diff_slices};

use crate::text::{Draft, Line, LineKind};

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
    word_runs(&earlier.plain_text(), &later.plain_text())
}

/// A line of a comparison: the line as set (the later revision's, or the earlier's for a line
/// it strikes out) and its text as runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparedLine {
    pub line: Line,
    pub runs: Vec<Run>,
}

/// A line's text as compared: a verb phrase with its addressees.
fn compared_text(line: &Line) -> String {
    match &line.kind {
        LineKind::Phrase { addressees: Some(addressees) } => format!("{} {addressees}", line.text),
        _ => line.text.clone(),
    }
}

/// The later draft against the earlier line by line, in the later's layout: lines matched
/// whole, then words compared within a line the later revision rewrites; a line struck out
/// keeps its place and label, an inserted one has the later revision's. A label that changed
/// only because an item was inserted or deleted before it is not a change of words.
pub fn compare_lines(earlier: &Draft, later: &Draft) -> Vec<ComparedLine> {
    let (old_lines, new_lines) = (earlier.lines(), later.lines());
    let old: Vec<String> = old_lines.iter().map(compared_text).collect();
    let new: Vec<String> = new_lines.iter().map(compared_text).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &old, &new) {
        let (_, old_range, new_range) = op.as_tag_tuple();
        let paired = old_range.len().min(new_range.len());
        for k in 0..paired {
            let (before, after) = (&old[old_range.start + k], &new[new_range.start + k]);
            let runs = if before == after { vec![Run::Kept(after.clone())] } else { word_runs(before, after) };
            out.push(ComparedLine { line: new_lines[new_range.start + k].clone(), runs });
        }
        for at in old_range.start + paired..old_range.end {
            out.push(ComparedLine { line: old_lines[at].clone(), runs: vec![Run::Deleted(old[at].clone())] });
        }
        for at in new_range.start + paired..new_range.end {
            out.push(ComparedLine { line: new_lines[at].clone(), runs: vec![Run::Inserted(new[at].clone())] });
        }
    }
    out
}

/// Two texts compared word by word.
fn word_runs(old_text: &str, new_text: &str) -> Vec<Run> {
    let (old, new) = (words(old_text), words(new_text));
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

    #[test]
    fn lines_are_compared_in_the_later_layout_and_renumbering_is_no_change() {
        let earlier = crate::parse("Draft\nThe Forum,\ninvites\na)\tto study;\nb)\tto act.\n").expect("parses").draft;
        let inserted = Amendment {
            place: "1/a".parse().expect("place"),
            change: Change::InsertAfter { text: "to report;".into() },
        };
        let reworded = Amendment {
            place: "1/a".parse().expect("place"),
            change: Change::Replace { from: "study".into(), to: "examine".into() },
        };
        let later = earlier.amended(&inserted).and_then(|d| d.amended(&reworded)).expect("made");
        let lines = compare_lines(&earlier, &later);
        let shown: Vec<(String, Vec<Run>)> = lines
            .iter()
            .filter_map(|l| match &l.line.kind {
                LineKind::Numbered { label } => Some((label.clone(), l.runs.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "a)".into(),
                    vec![Run::Kept("to ".into()), Run::Deleted("study;".into()), Run::Inserted("examine;".into())]
                ),
                ("b)".into(), vec![Run::Inserted("to report;".into())]),
                ("c)".into(), vec![Run::Kept("to act.".into())]),
            ]
        );
        let deleted =
            earlier.amended(&Amendment { place: "1/b".parse().expect("place"), change: Change::Delete }).expect("made");
        let lines = compare_lines(&earlier, &deleted);
        let last = lines.last().expect("a line");
        assert_eq!(
            (&last.line.kind, &last.runs),
            (&LineKind::Numbered { label: "b)".into() }, &vec![Run::Deleted("to act.".into())])
        );
    }
}
