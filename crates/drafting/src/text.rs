//! A draft's structure: its title, the body it speaks for (the author line), and its sections,
//! preambular then operative, each opened by a verb phrase and holding paragraphs, lettered
//! items with roman sub-items, and paragraphs quoted from other documents. Item numbers are
//! derived from their place, never stored, so inserting an item renumbers those after it.

use serde::{Deserialize, Serialize};

/// One line of a draft as it is set (`Draft::lines`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub depth: usize,
    pub kind: LineKind,
    /// The line's own text: a verb phrase without its addressees, an item without its label.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Place,
    Title,
    Author,
    Phrase { addressees: Option<String> },
    Paragraph,
    Numbered { label: String },
    Quoted { number: Option<String> },
}

/// Whether a section recalls the grounds (preambular) or says what the body does (operative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Preambular,
    Operative,
}

/// How the items at one depth are numbered: a), b) at the first, i), ii) at the second, 1., 2.
/// below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    Letters,
    Roman,
    Arabic,
}

impl Numbering {
    pub fn at_depth(depth: usize) -> Numbering {
        match depth {
            0 => Numbering::Letters,
            1 => Numbering::Roman,
            _ => Numbering::Arabic,
        }
    }

    /// The label of the item at `position` (0 for the first): "a)", "ii)", "3.".
    pub fn label(self, position: usize) -> String {
        match self {
            Numbering::Letters => format!("{})", letters(position)),
            Numbering::Roman => format!("{})", roman(position + 1)),
            Numbering::Arabic => format!("{}.", position + 1),
        }
    }
}

/// a, b, … z, aa, ab, … as drafts continue past z.
fn letters(position: usize) -> String {
    let mut n = position + 1;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Lower-case roman numerals.
pub(crate) fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out += digits;
            n -= value;
        }
    }
    out
}

/// What a section holds, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Item {
    /// A paragraph without a number (a section's only paragraph, or text between items).
    Paragraph { text: String },
    /// A numbered item, its number derived from its place, with its sub-items.
    Numbered { text: String, items: Vec<Item> },
    /// A paragraph quoted from another document, with the number it has there ("20").
    Quoted { number: Option<String>, text: String },
}

impl Item {
    pub fn text(&self) -> &str {
        match self {
            Item::Paragraph { text } | Item::Numbered { text, .. } | Item::Quoted { text, .. } => text,
        }
    }

    pub fn children(&self) -> &[Item] {
        match self {
            Item::Numbered { items, .. } => items,
            _ => &[],
        }
    }
}

/// A section: its verb phrase as written ("reconnaissant", "invite"), the addressees that follow an
/// operative verb ("les Etats Membres et les autres parties prenantes"), and its items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub phrase: String,
    pub addressees: Option<String>,
    pub items: Vec<Item>,
}

/// A draft as its text sets it out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Draft {
    /// The heading ("PROJET D'AVIS 5: …"), its lines joined.
    pub title: String,
    /// Where and when, when the text says it ("Genève, 14-16 mai 2013").
    pub place_and_date: Option<String>,
    /// The body the draft speaks for ("Le cinquième Forum mondial … (Genève, 2013),").
    pub author: String,
    pub sections: Vec<Section>,
}

impl Draft {
    /// Each numbered item's label, in reading order with its depth: what a reader sees beside
    /// it, derived from where it stands.
    pub fn labels(items: &[Item], depth: usize) -> Vec<(String, &Item)> {
        let mut out = Vec::new();
        let mut position = 0;
        for item in items {
            if let Item::Numbered { .. } = item {
                out.push((Numbering::at_depth(depth).label(position), item));
                position += 1;
            }
        }
        out
    }

    /// The draft as plain text in the shape it was read from (what `parse` reads back): the
    /// heading, the author line, each section's verb phrase on a line of its own, its items
    /// with their derived labels, sub-items and quoted paragraphs indented by a tab.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for line in self.lines() {
            let indent = "\t".repeat(line.depth);
            match &line.kind {
                LineKind::Title => out += &format!("{}\n\n", line.text),
                LineKind::Phrase { addressees: Some(addressees) } => out += &format!("{} {addressees}\n", line.text),
                LineKind::Numbered { label } => out += &format!("{indent}{label}\t{}\n", line.text),
                LineKind::Quoted { number } => {
                    let number = number.as_deref().map(|n| format!("{n}\t")).unwrap_or_default();
                    out += &format!("{indent}\"{number}{}\"\n", line.text);
                }
                _ => out += &format!("{indent}{}\n", line.text),
            }
        }
        out
    }

    /// The draft line by line, as it is set: place and date, title, author line, then each
    /// section's verb phrase and its items with their derived labels and depths.
    pub fn lines(&self) -> Vec<Line> {
        fn item_lines(out: &mut Vec<Line>, items: &[Item], depth: usize) {
            let labels = Draft::labels(items, depth);
            let mut numbered = labels.iter();
            for item in items {
                let (kind, text) = match item {
                    Item::Paragraph { text } => (LineKind::Paragraph, text),
                    Item::Numbered { text, .. } => {
                        let label = numbered.next().map_or_else(String::new, |(label, _)| label.clone());
                        (LineKind::Numbered { label }, text)
                    }
                    Item::Quoted { number, text } => (LineKind::Quoted { number: number.clone() }, text),
                };
                out.push(Line { depth, kind, text: text.clone() });
                item_lines(out, item.children(), depth + 1);
            }
        }
        let mut out = Vec::new();
        if let Some(place) = &self.place_and_date {
            out.push(Line { depth: 0, kind: LineKind::Place, text: place.clone() });
        }
        out.push(Line { depth: 0, kind: LineKind::Title, text: self.title.clone() });
        out.push(Line { depth: 0, kind: LineKind::Author, text: self.author.clone() });
        for section in &self.sections {
            let kind = LineKind::Phrase { addressees: section.addressees.clone() };
            out.push(Line { depth: 0, kind, text: section.phrase.clone() });
            item_lines(&mut out, &section.items, 0);
        }
        out
    }

    /// Inserts `item` after the numbered item at `position` of a section (at the top level), the
    /// items after it taking the next numbers; false when there is no such section or item.
    pub fn insert_item_after(&mut self, section: usize, position: usize, item: Item) -> bool {
        let Some(section) = self.sections.get_mut(section) else { return false };
        let Some(at) = section
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i, Item::Numbered { .. }))
            .nth(position)
            .map(|(at, _)| at)
        else {
            return false;
        };
        section.items.insert(at + 1, item);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(text: &str) -> Item {
        Item::Numbered { text: text.into(), items: Vec::new() }
    }

    #[test]
    fn labels_follow_the_depth() {
        assert_eq!(Numbering::Letters.label(0), "a)");
        assert_eq!(Numbering::Letters.label(25), "z)");
        assert_eq!(Numbering::Letters.label(26), "aa)");
        assert_eq!(Numbering::Roman.label(3), "iv)");
        assert_eq!(Numbering::Roman.label(8), "ix)");
        assert_eq!(Numbering::Arabic.label(1), "2.");
    }

    #[test]
    fn inserting_an_item_renumbers_the_rest() {
        let mut draft = Draft {
            sections: vec![Section {
                kind: SectionKind::Operative,
                phrase: "invite".into(),
                addressees: None,
                items: vec![numbered("one"), numbered("two")],
            }],
            ..Draft::default()
        };
        assert!(draft.insert_item_after(0, 0, numbered("new")));
        let labels: Vec<(String, &str)> =
            Draft::labels(&draft.sections[0].items, 0).into_iter().map(|(l, i)| (l, i.text())).collect();
        assert_eq!(labels, [("a)".into(), "one"), ("b)".into(), "new"), ("c)".into(), "two")]);
        assert!(!draft.insert_item_after(0, 5, numbered("nowhere")));
        assert!(!draft.insert_item_after(3, 0, numbered("nowhere")));
    }
}
