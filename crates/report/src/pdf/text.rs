//! Text as the PDF sets it: each character's face (by its script, falling back to another face
//! where one lacks the glyph), shaping by rustybuzz (Arabic letters joined, marks placed), and each
//! line's runs put in visual order by the Unicode bidirectional algorithm, so that Arabic reads
//! right to left with Latin names and numbers inside it left to right.

use std::cell::RefCell;
use std::ops::Range;

use krilla::text::{GlyphId, KrillaGlyph};
use unicode_bidi::{BidiInfo, Level};

use super::fonts::{self, Face, FontError};

/// The weight and slant a piece of text asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Roman,
    Bold,
    Italic,
}

/// The fonts by script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Latin,
    Arabic,
    Cjk,
}

impl Family {
    fn face(self, style: Style) -> Face {
        match (self, style) {
            (Family::Latin, Style::Roman) => Face::SerifRegular,
            (Family::Latin, Style::Bold) => Face::SerifBold,
            (Family::Latin, Style::Italic) => Face::SerifItalic,
            // Naskh and the CJK faces have no italic: their roman stands in.
            (Family::Arabic, Style::Bold) => Face::NaskhBold,
            (Family::Arabic, _) => Face::NaskhRegular,
            (Family::Cjk, Style::Bold) => Face::CjkBold,
            (Family::Cjk, _) => Face::CjkRegular,
        }
    }

    fn of_face(face: Face) -> Family {
        match face {
            Face::SerifRegular | Face::SerifBold | Face::SerifItalic => Family::Latin,
            Face::NaskhRegular | Face::NaskhBold => Family::Arabic,
            Face::CjkRegular | Face::CjkBold => Family::Cjk,
        }
    }
}

/// The family a character's script asks for; None for characters every script shares (spaces,
/// digits, most punctuation), which go with their neighbours.
fn script(c: char) -> Option<Family> {
    match u32::from(c) {
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Some(Family::Arabic),
        0x1100..=0x11FF
        | 0x2E80..=0x2FDF
        | 0x3000..=0x303F
        | 0x3040..=0x31FF
        | 0x3200..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => Some(Family::Cjk),
        _ if c.is_alphabetic() => Some(Family::Latin),
        _ => None,
    }
}

/// A run of text shaped in one face, its glyphs in visual order.
#[derive(Debug, Clone)]
pub struct Shaped {
    pub face: Face,
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    /// The advance, in ems.
    pub advance: f32,
}

/// What a piece of text is marked as beyond its style: a link, or words a revision inserts
/// (underlined) or strikes out (struck through).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marking {
    Link(String),
    Inserted,
    Deleted,
}

/// A logical piece of a line: its text, style and marking.
#[derive(Debug, Clone)]
pub struct Segment {
    pub text: String,
    pub style: Style,
    pub marking: Option<Marking>,
}

/// A shaped piece placed on a line, `x` from the line's left edge.
#[derive(Debug, Clone)]
pub struct Placed {
    pub x: f32,
    pub shaped: Shaped,
    pub marking: Option<Marking>,
}

/// Sets text in a document's base direction, keeping the first font that could not be read.
#[derive(Debug)]
pub struct Setter {
    base: Level,
    default: Family,
    error: RefCell<Option<FontError>>,
}

impl Setter {
    /// A setter for a document in `language` (its primary subtag chooses the direction and the
    /// family that characters shared by every script take when nothing surrounds them).
    pub fn new(language: &str) -> Setter {
        let primary = language.split(['-', '_']).next().unwrap_or(language);
        let default = match primary {
            "ar" | "fa" | "ur" => Family::Arabic,
            "zh" | "ja" | "ko" => Family::Cjk,
            _ => Family::Latin,
        };
        let base = if consulta_i18n::direction_of(primary) == "rtl" { Level::rtl() } else { Level::ltr() };
        Setter { base, default, error: RefCell::new(None) }
    }

    pub fn right_to_left(&self) -> bool {
        self.base.is_rtl()
    }

    /// Whether `text` reads right to left: by its first letter, as `dir="auto"` decides in a
    /// page, the document's direction when it has none (an English summary in an Arabic report
    /// reads left to right, its final stop on the right).
    pub fn reads_right_to_left(&self, text: &str) -> bool {
        crate::document::reads_right_to_left(text, self.base.is_rtl())
    }

    /// The first font that could not be read, if any: the report cannot be set without it.
    pub fn take_error(&self) -> Option<FontError> {
        self.error.borrow_mut().take()
    }

    fn shaper(&self, face: Face) -> Option<&'static rustybuzz::Face<'static>> {
        match fonts::shaper(face) {
            Ok(shaper) => Some(shaper),
            Err(error) => {
                self.error.borrow_mut().get_or_insert(error);
                None
            }
        }
    }

    /// The face for `c`: its script's, else a face that has its glyph (a font that cannot be
    /// read is reported by `take_error`, and the Latin face stands in).
    fn face_for(&self, c: char, style: Style, neighbour: Family) -> Face {
        let wanted = script(c).unwrap_or(neighbour);
        let has = |face: Face| self.shaper(face).is_some_and(|s| s.glyph_index(c).is_some());
        if has(wanted.face(style)) {
            return wanted.face(style);
        }
        // A character the script's face lacks (a Latin « inside Arabic, an arrow): the first face
        // that has it, among those already read.
        [Family::Latin, Family::Cjk, Family::Arabic]
            .into_iter()
            .map(|f| f.face(style))
            .find(|face| fonts::shaper(*face).is_ok_and(|s| s.glyph_index(c).is_some()))
            .unwrap_or(wanted.face(style))
    }

    /// Splits `text` (all in one style) into ranges that each take one face, in logical order.
    fn by_face(&self, text: &str, style: Style) -> Vec<(Range<usize>, Face)> {
        let mut pieces: Vec<(Range<usize>, Face)> = Vec::new();
        let mut neighbour = text.chars().find_map(script).unwrap_or(self.default);
        for (at, c) in text.char_indices() {
            let face = self.face_for(c, style, neighbour);
            neighbour = script(c).map_or(neighbour, |_| Family::of_face(face));
            match pieces.last_mut() {
                Some((range, last)) if *last == face => range.end = at + c.len_utf8(),
                _ => pieces.push((at..at + c.len_utf8(), face)),
            }
        }
        pieces
    }

    /// Shapes `text` in one face and direction.
    fn shape(&self, text: &str, face: Face, right_to_left: bool) -> Shaped {
        let Some(shaper) = self.shaper(face).or_else(|| self.shaper(Face::SerifRegular)) else {
            return Shaped { face, text: text.to_owned(), glyphs: Vec::new(), advance: 0.0 };
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if right_to_left {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let output = rustybuzz::shape(shaper, &[], buffer);
        let em = shaper.units_per_em() as f32;
        // A glyph stands for its cluster: from its cluster's start to the next cluster's start in
        // logical order, so that the PDF's text reads back as written whatever the direction.
        let mut starts: Vec<usize> = output.glyph_infos().iter().map(|g| g.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| starts.iter().find(|s| **s > start).copied().unwrap_or(text.len());
        let glyphs: Vec<KrillaGlyph> = output
            .glyph_infos()
            .iter()
            .zip(output.glyph_positions())
            .map(|(info, position)| {
                let start = info.cluster as usize;
                KrillaGlyph {
                    glyph_id: GlyphId::new(info.glyph_id),
                    text_range: start..end_of(start),
                    x_advance: position.x_advance as f32 / em,
                    x_offset: position.x_offset as f32 / em,
                    y_offset: position.y_offset as f32 / em,
                    y_advance: position.y_advance as f32 / em,
                    location: None,
                }
            })
            .collect();
        let advance = glyphs.iter().map(|g| g.x_advance).sum();
        Shaped { face, text: text.to_owned(), glyphs, advance }
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        self.by_face(text, style)
            .into_iter()
            .map(|(range, face)| self.shape(&text[range], face, false).advance)
            .sum::<f32>()
            * size
    }

    /// A line of segments, shaped and placed in visual order; with its width at `size` points.
    /// `right_to_left` is the direction of the paragraph the line belongs to.
    pub fn line(&self, segments: &[Segment], size: f32, right_to_left: bool) -> (Vec<Placed>, f32) {
        let text: String = segments.iter().map(|s| s.text.as_str()).collect();
        if text.is_empty() {
            return (Vec::new(), 0.0);
        }
        // Each byte's segment, to split runs where style or marking changes.
        let mut owner = Vec::with_capacity(text.len());
        for (i, segment) in segments.iter().enumerate() {
            owner.extend(std::iter::repeat_n(i, segment.text.len()));
        }
        let base = if right_to_left { Level::rtl() } else { Level::ltr() };
        let bidi = BidiInfo::new(&text, Some(base));
        let mut placed = Vec::new();
        let mut x = 0.0;
        for paragraph in &bidi.paragraphs {
            let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
            for run in runs {
                let right_to_left = levels[run.start].is_rtl();
                // The run's pieces in logical order: one segment and one face each.
                let mut pieces: Vec<(Range<usize>, Face, usize)> = Vec::new();
                let mut start = run.start;
                while start < run.end {
                    let segment = owner[start];
                    let end = (start..run.end).find(|i| owner[*i] != segment).unwrap_or(run.end);
                    for (range, face) in self.by_face(&text[start..end], segments[segment].style) {
                        pieces.push((start + range.start..start + range.end, face, segment));
                    }
                    start = end;
                }
                if right_to_left {
                    pieces.reverse();
                }
                for (range, face, segment) in pieces {
                    let shaped = self.shape(&text[range], face, right_to_left);
                    let width = shaped.advance * size;
                    placed.push(Placed { x, shaped, marking: segments[segment].marking.clone() });
                    x += width;
                }
            }
        }
        (placed, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visual(setter: &Setter, text: &str) -> Vec<String> {
        let segments = [Segment { text: text.to_owned(), style: Style::Roman, marking: None }];
        setter.line(&segments, 10.0, setter.reads_right_to_left(text)).0.into_iter().map(|p| p.shaped.text).collect()
    }

    #[test]
    fn each_script_takes_its_face() {
        if !fonts::here_for_tests() {
            return;
        }
        let setter = Setter::new("en");
        let faces: Vec<Face> = setter.by_face("UN 联合国 الأمم", Style::Roman).into_iter().map(|(_, f)| f).collect();
        assert_eq!(faces, [Face::SerifRegular, Face::CjkRegular, Face::NaskhRegular]);
        assert!(setter.take_error().is_none());
    }

    #[test]
    fn arabic_runs_read_right_to_left_with_latin_inside_left_to_right() {
        if !fonts::here_for_tests() {
            return;
        }
        let setter = Setter::new("ar");
        assert!(setter.right_to_left());
        // Logical: Arabic, then a Latin symbol, then Arabic: visually the last Arabic word comes
        // first from the left, the Latin keeps its own order.
        let pieces = visual(&setter, "الوثيقة A/66/77 المؤرخة");
        let joined = pieces.concat();
        assert!(joined.trim_start().starts_with("المؤرخة"), "{pieces:?}");
        assert!(joined.contains("A/66/77"), "{pieces:?}");
        assert!(joined.trim_end().ends_with("الوثيقة"), "{pieces:?}");
        // An English sentence in an Arabic report keeps its stop at its end, on the right.
        assert!(visual(&setter, "The record follows.").concat().ends_with('.'));
    }

    #[test]
    fn arabic_letters_are_joined_not_isolated() {
        if !fonts::here_for_tests() {
            return;
        }
        let setter = Setter::new("ar");
        let joined = setter.shape("سلام", Face::NaskhRegular, true);
        let isolated: Vec<u16> = "سلام"
            .chars()
            .map(|c| setter.shape(&c.to_string(), Face::NaskhRegular, true).glyphs[0].glyph_id.to_u32() as u16)
            .collect();
        let shaped: Vec<u16> = joined.glyphs.iter().rev().map(|g| g.glyph_id.to_u32() as u16).collect();
        assert_eq!(shaped.len(), isolated.len());
        assert_ne!(shaped, isolated, "joined forms differ from the isolated ones");
        // Each glyph still stands for its own letter, in logical order.
        let ranges: Vec<_> = joined.glyphs.iter().rev().map(|g| g.text_range.clone()).collect();
        assert_eq!(ranges, [0..2, 2..4, 4..6, 6..8]);
    }

    #[test]
    fn a_width_grows_with_the_text() {
        if !fonts::here_for_tests() {
            return;
        }
        let setter = Setter::new("fr");
        let one = setter.width("Société", Style::Roman, 10.0);
        let two = setter.width("Société civile", Style::Roman, 10.0);
        assert!(one > 20.0 && two > one, "{one} {two}");
        assert!(setter.width("中文", Style::Roman, 10.0) > 15.0);
    }
}
