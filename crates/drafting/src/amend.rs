//! Amendments to a draft: where one applies (a section and the labels of an item, as delegations
//! name them: "2/b/ii"), what it changes (words replaced or struck out, the item deleted, a new
//! item inserted after it), applying accepted ones to make a revision, and the compilation text
//! that shows every pending one in brackets at its place with who proposed and supports it.

use serde::{Deserialize, Serialize};

use crate::text::{Draft, Item, Numbering};

/// Where an amendment applies: a section (from 1) and, within it, the labels of the item and its
/// sub-items ("b", "ii"), or `p1`, `p2`… for its paragraphs without a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub section: usize,
    pub labels: Vec<String>,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.section)?;
        for label in &self.labels {
            write!(f, "/{label}")?;
        }
        Ok(())
    }
}

impl Place {
    /// Whether `other` is this place or one of its sub-items.
    pub fn holds(&self, other: &Place) -> bool {
        self.section == other.section && other.labels.starts_with(&self.labels)
    }
}

impl std::str::FromStr for Place {
    type Err = AmendError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.trim().split('/');
        let section = parts
            .next()
            .and_then(|n| n.trim().parse::<usize>().ok())
            .filter(|n| *n >= 1)
            .ok_or_else(|| AmendError::BadPlace(s.to_owned()))?;
        let labels: Vec<String> = parts.map(|l| l.trim().trim_end_matches([')', '.']).to_ascii_lowercase()).collect();
        let valid = labels.len() <= 4
            && labels.iter().all(|l| !l.is_empty() && l.len() <= 6 && l.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !valid {
            return Err(AmendError::BadPlace(s.to_owned()));
        }
        Ok(Place { section, labels })
    }
}

/// What an amendment changes at its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The words `from`, found once in the item, replaced by `to` (struck out when `to` is empty).
    Replace { from: String, to: String },
    /// The whole item struck out.
    Delete,
    /// A new numbered item after this one, at its depth.
    InsertAfter { text: String },
}

/// An amendment: its place and its change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub place: Place,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmendError {
    #[error("“{0}” is not a place in a draft (a section's number, then its item's labels: 2/b/ii, or 5/p1)")]
    BadPlace(String),
    #[error("the draft has no {0}")]
    NoSuchPlace(Place),
    #[error("the words “{from}” are not in {place} exactly once")]
    WordsNotFound { place: Place, from: String },
    #[error("an amendment's text cannot be empty")]
    Empty,
    #[error("a quoted paragraph is another document's text: it cannot be amended")]
    Quoted,
}

/// The index in `items` of the item a label names: a numbered item by its derived label at
/// `depth`, a paragraph without number by `p1`, `p2`….
fn index_of(items: &[Item], label: &str, depth: usize) -> Option<usize> {
    if let Some(n) = label.strip_prefix('p').and_then(|n| n.parse::<usize>().ok()) {
        return items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i, Item::Paragraph { .. }))
            .nth(n.checked_sub(1)?)
            .map(|(at, _)| at);
    }
    let numbering = Numbering::at_depth(depth);
    let mut position = 0;
    for (at, item) in items.iter().enumerate() {
        if let Item::Numbered { .. } = item {
            if numbering.label(position).trim_end_matches([')', '.']) == label {
                return Some(at);
            }
            position += 1;
        }
    }
    None
}

/// The items vector that holds the place's item, and the item's index in it.
fn locate<'a>(draft: &'a mut Draft, place: &Place) -> Result<(&'a mut Vec<Item>, usize), AmendError> {
    let missing = || AmendError::NoSuchPlace(place.clone());
    let section = place.section.checked_sub(1).and_then(|s| draft.sections.get_mut(s)).ok_or_else(missing)?;
    let (last, parents) = place.labels.split_last().ok_or_else(missing)?;
    let mut items = &mut section.items;
    for (depth, label) in parents.iter().enumerate() {
        let at = index_of(items, label, depth).ok_or_else(missing)?;
        items = match &mut items[at] {
            Item::Numbered { items, .. } => items,
            _ => return Err(missing()),
        };
    }
    let at = index_of(items, last, parents.len()).ok_or_else(missing)?;
    Ok((items, at))
}

impl Draft {
    /// The item at a place, if the draft has one there.
    pub fn item_at(&self, place: &Place) -> Option<&Item> {
        let section = self.sections.get(place.section.checked_sub(1)?)?;
        let (last, parents) = place.labels.split_last()?;
        let mut items = &section.items;
        for (depth, label) in parents.iter().enumerate() {
            items = match &items[index_of(items, label, depth)?] {
                Item::Numbered { items, .. } => items,
                _ => return None,
            };
        }
        items.get(index_of(items, last, parents.len())?)
    }

    /// The draft with `amendment` made, or why it cannot be.
    pub fn amended(&self, amendment: &Amendment) -> Result<Draft, AmendError> {
        let mut draft = self.clone();
        let place = &amendment.place;
        let (items, at) = locate(&mut draft, place)?;
        match &amendment.change {
            Change::Replace { from, to } => {
                if from.trim().is_empty() {
                    return Err(AmendError::Empty);
                }
                let text = match &mut items[at] {
                    Item::Paragraph { text } | Item::Numbered { text, .. } => text,
                    Item::Quoted { .. } => return Err(AmendError::Quoted),
                };
                if text.matches(from.as_str()).count() != 1 {
                    return Err(AmendError::WordsNotFound { place: place.clone(), from: from.clone() });
                }
                *text = text.replacen(from.as_str(), to, 1).split_whitespace().collect::<Vec<_>>().join(" ");
            }
            Change::Delete => {
                if let Item::Quoted { .. } = items[at] {
                    return Err(AmendError::Quoted);
                }
                items.remove(at);
            }
            Change::InsertAfter { text } => {
                if text.trim().is_empty() {
                    return Err(AmendError::Empty);
                }
                items.insert(at + 1, Item::Numbered { text: text.trim().to_owned(), items: Vec::new() });
            }
        }
        Ok(draft)
    }
}

/// A pending amendment as the compilation text shows it: its number, who proposed it and who
/// supports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub number: u64,
    pub amendment: Amendment,
    pub proposers: Vec<String>,
    pub supporters: Vec<String>,
}

/// Who stands behind a pending amendment, as the brackets say it: "(3: Aurelia; supported by
/// Borealis)".
fn attribution(pending: &Pending, supported_by: &str) -> String {
    let mut out = format!("{}: {}", pending.number, pending.proposers.join(", "));
    if !pending.supporters.is_empty() {
        out += &format!("; {supported_by} {}", pending.supporters.join(", "));
    }
    out
}

/// The reader's words for what the compilation text says of an amendment and a paragraph.
#[derive(Debug, Clone, Copy)]
pub struct CompilationWords<'a> {
    /// "supported by"
    pub supported_by: &'a str,
    /// "agreed ad referendum"
    pub agreed: &'a str,
}

/// The compilation text: the draft as plain text with every pending amendment in square
/// brackets at its place — words proposed for replacement bracketed and followed by the proposed
/// words, an item proposed for deletion bracketed whole, a proposed new item bracketed after its
/// place — each labelled with its number, proposers and supporters — and the paragraphs agreed
/// ad referendum marked so where no pending amendment touches them. Amendments whose place the
/// draft lacks are left out (the caller lists them).
pub fn compilation(draft: &Draft, pending: &[Pending], agreed: &[Place], words: &CompilationWords<'_>) -> String {
    let supported_by = words.supported_by;
    let mut marked = draft.clone();
    for place in agreed.iter().filter(|a| !pending.iter().any(|p| a.holds(&p.amendment.place))) {
        if let Ok((items, at)) = locate(&mut marked, place) {
            if let Item::Paragraph { text } | Item::Numbered { text, .. } = &mut items[at] {
                *text = format!("{text} ({})", words.agreed);
            }
        }
    }
    // Insertions last, and from the last place backwards, so that earlier places keep their
    // labels while the text is marked.
    let mut order: Vec<&Pending> = pending.iter().collect();
    order.sort_by_key(|p| matches!(p.amendment.change, Change::InsertAfter { .. }));
    for p in order.iter().filter(|p| !matches!(p.amendment.change, Change::InsertAfter { .. })) {
        let Ok((items, at)) = locate(&mut marked, &p.amendment.place) else { continue };
        let who = attribution(p, supported_by);
        let text = match &mut items[at] {
            Item::Paragraph { text } | Item::Numbered { text, .. } => text,
            Item::Quoted { .. } => continue,
        };
        match &p.amendment.change {
            Change::Replace { from, to } if text.matches(from.as_str()).count() == 1 => {
                let proposed = if to.is_empty() { String::new() } else { format!(" [{to}]") };
                *text = text.replacen(from.as_str(), &format!("[{from}]{proposed} ({who})"), 1);
            }
            Change::Delete => *text = format!("[{text}] ({who})"),
            _ => {}
        }
    }
    let insertions: Vec<&&Pending> =
        order.iter().filter(|p| matches!(p.amendment.change, Change::InsertAfter { .. })).collect();
    for p in insertions.iter().rev() {
        let Change::InsertAfter { text } = &p.amendment.change else { continue };
        let who = attribution(p, supported_by);
        if let Ok((items, at)) = locate(&mut marked, &p.amendment.place) {
            items.insert(at + 1, Item::Paragraph { text: format!("[{text}] ({who})") });
        }
    }
    marked.plain_text()
}

/// The marks of agreement that a new revision keeps: those whose place holds the same words in
/// both revisions (an item moved or reworded must be agreed again).
pub fn agreed_carried_over(before: &Draft, after: &Draft, agreed: &[Place]) -> Vec<Place> {
    agreed
        .iter()
        .filter(|place| match (before.item_at(place), after.item_at(place)) {
            (Some(was), Some(now)) => was == now,
            _ => false,
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Section, SectionKind};

    fn draft() -> Draft {
        let numbered = |text: &str, items: Vec<Item>| Item::Numbered { text: text.into(), items };
        Draft {
            title: "Draft opinion".into(),
            place_and_date: None,
            author: "The Forum,".into(),
            sections: vec![
                Section {
                    kind: SectionKind::Preambular,
                    phrase: "recalling".into(),
                    addressees: None,
                    items: vec![Item::Paragraph { text: "paragraph 35 of the Tunis Agenda,".into() }],
                },
                Section {
                    kind: SectionKind::Operative,
                    phrase: "invites".into(),
                    addressees: Some("Member States".into()),
                    items: vec![
                        numbered(
                            "to study ways of cooperating;",
                            vec![numbered("first;", vec![]), numbered("second;", vec![])],
                        ),
                        numbered("to contribute.", vec![]),
                    ],
                },
            ],
        }
    }

    #[test]
    fn places_parse_and_name_items_by_their_labels() {
        let place: Place = "2/a/ii".parse().expect("a place");
        assert_eq!(place, Place { section: 2, labels: vec!["a".into(), "ii".into()] });
        assert_eq!(place.to_string(), "2/a/ii");
        assert_eq!("2/b)".parse::<Place>().map(|p| p.labels), Ok(vec!["b".to_owned()]));
        assert!("0/a".parse::<Place>().is_err() && "x".parse::<Place>().is_err() && "2/a b".parse::<Place>().is_err());
        let d = draft();
        assert_eq!(d.item_at(&"2/a/ii".parse().expect("place")).map(Item::text), Some("second;"));
        assert_eq!(
            d.item_at(&"1/p1".parse().expect("place")).map(Item::text),
            Some("paragraph 35 of the Tunis Agenda,")
        );
        assert!(d.item_at(&"2/c".parse().expect("place")).is_none());
    }

    #[test]
    fn amendments_replace_words_delete_items_and_insert_new_ones() {
        let d = draft();
        let replace = Amendment {
            place: "2/a".parse().expect("place"),
            change: Change::Replace { from: "study ways of cooperating".into(), to: "cooperate".into() },
        };
        assert_eq!(
            d.amended(&replace).expect("made").item_at(&"2/a".parse().expect("place")).map(Item::text),
            Some("to cooperate;")
        );
        let delete = Amendment { place: "2/a/i".parse().expect("place"), change: Change::Delete };
        let deleted = d.amended(&delete).expect("made");
        assert_eq!(deleted.item_at(&"2/a/i".parse().expect("place")).map(Item::text), Some("second;"), "renumbered");
        let insert = Amendment {
            place: "2/a".parse().expect("place"),
            change: Change::InsertAfter { text: "to report;".into() },
        };
        let inserted = d.amended(&insert).expect("made");
        let labels: Vec<(String, &str)> =
            Draft::labels(&inserted.sections[1].items, 0).into_iter().map(|(l, i)| (l, i.text())).collect();
        assert_eq!(
            labels,
            [
                ("a)".into(), "to study ways of cooperating;"),
                ("b)".into(), "to report;"),
                ("c)".into(), "to contribute.")
            ]
        );
        let missing = Amendment {
            place: "2/a".parse().expect("place"),
            change: Change::Replace { from: "absent".into(), to: "x".into() },
        };
        assert!(matches!(d.amended(&missing), Err(AmendError::WordsNotFound { .. })));
        let nowhere = Amendment { place: "3/a".parse().expect("place"), change: Change::Delete };
        assert!(matches!(d.amended(&nowhere), Err(AmendError::NoSuchPlace(_))));
    }

    #[test]
    fn the_compilation_text_brackets_every_pending_amendment_with_who_stands_behind_it() {
        let pending = [
            Pending {
                number: 1,
                amendment: Amendment {
                    place: "2/a".parse().expect("place"),
                    change: Change::Replace { from: "study ways of cooperating".into(), to: "cooperate".into() },
                },
                proposers: vec!["Aurelia".into()],
                supporters: vec!["Borealis".into()],
            },
            Pending {
                number: 2,
                amendment: Amendment { place: "2/b".parse().expect("place"), change: Change::Delete },
                proposers: vec!["Caldera".into()],
                supporters: vec![],
            },
            Pending {
                number: 3,
                amendment: Amendment {
                    place: "2/a".parse().expect("place"),
                    change: Change::InsertAfter { text: "to report;".into() },
                },
                proposers: vec!["Dunmore".into()],
                supporters: vec![],
            },
        ];
        let words = CompilationWords { supported_by: "supported by", agreed: "agreed ad referendum" };
        let agreed: Vec<Place> = ["1/p1", "2/a"].iter().map(|p| p.parse().expect("place")).collect();
        let text = compilation(&draft(), &pending, &agreed, &words);
        assert!(text.contains("paragraph 35 of the Tunis Agenda, (agreed ad referendum)"), "{text}");
        assert_eq!(text.matches("agreed ad referendum").count(), 1, "2/a has amendments pending: {text}");
        assert!(
            text.contains("a)\tto [study ways of cooperating] [cooperate] (1: Aurelia; supported by Borealis);"),
            "{text}"
        );
        assert!(text.contains("[to report;] (3: Dunmore)\n"), "{text}");
        assert!(text.contains("b)\t[to contribute.] (2: Caldera)"), "{text}");
    }
}

#[cfg(test)]
mod agreed_tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn a_mark_of_agreement_stays_where_the_words_are_the_same() {
        let before =
            parse("Title\n\nThe Forum,\n\ninvites\n\na)\tto study;\n\nb)\tto report.\n").expect("parsed").draft;
        let place = |p: &str| p.parse::<Place>().expect("place");
        let reworded = before
            .amended(&Amendment {
                place: place("1/a"),
                change: Change::Replace { from: "study".into(), to: "act".into() },
            })
            .expect("amended");
        assert_eq!(agreed_carried_over(&before, &reworded, &[place("1/a"), place("1/b")]), [place("1/b")]);
        assert!(
            place("2/b").holds(&place("2/b/ii"))
                && !place("2/b").holds(&place("2/c"))
                && !place("2/b/ii").holds(&place("2/b"))
        );
    }
}
