//! The tokens a text is compared by: words of letters and digits, lower case, accents and other
//! combining marks dropped (so "Coopération" and "cooperation", or an Arabic word with and
//! without its vowel marks, are one token); in scripts written without spaces (Chinese,
//! Japanese, Korean syllables too, for simplicity), every character is a token of its own.

/// Whether a character belongs to a script written without spaces between words.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FA1F) // CJK extensions B–F and supplement
}

/// Combining marks: accents once decomposed, Arabic and Hebrew vowel marks.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// A letter or digit of the scripts most contributions outside ASCII are written in (Latin with
/// accents, Greek, Cyrillic, Arabic), lower-cased, without asking Unicode's tables: None when
/// the character is outside those ranges, or is not a letter or digit there (then the tables
/// decide).
fn common_letter(c: char) -> Option<Option<char>> {
    let code = c as u32;
    let lower = |offset: u32| char::from_u32(code + offset);
    Some(match code {
        0xC0..=0xD6 | 0xD8..=0xDE => lower(0x20),
        0xDF..=0xF6 | 0xF8..=0xFF => Some(c),
        0xD7 | 0xF7 => None,
        // Latin Extended-A: capitals at even code points, small letters at odd ones, except
        // in 0x139–0x148 and 0x179–0x17E, where it is the other way round; İ (whose small
        // letter is two characters) is left to the tables, and ı, ĸ, ŉ and ſ stand alone.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => lower(code & 1 ^ 1),
        0x131 => Some(c),
        0x139..=0x148 | 0x179..=0x17E => lower(code & 1),
        0x391..=0x3A1 | 0x3A3..=0x3AB => lower(0x20),
        0x3AC..=0x3CE => Some(c),
        0x410..=0x42F => lower(0x20),
        0x400..=0x40F => lower(0x50),
        0x430..=0x45F => Some(c),
        0x621..=0x63A | 0x641..=0x64A | 0x660..=0x669 => Some(c),
        _ => return None,
    })
}

/// A Latin letter with an accent, as its plain letter (lower case already).
fn plain(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        _ => c,
    }
}

/// Calls `each` with every token of `text`, in order, as a 64-bit hash (FNV-1a over the folded
/// characters, a character at a time): comparing hashes is all the detection needs, and no token
/// is allocated.
pub fn for_each_token(text: &str, mut each: impl FnMut(u64)) {
    for_each_word(text, |token, _| each(token));
}

/// Calls `each` with every token of `text` and where it is in the text (its bytes): for showing
/// the words themselves where tokens differ.
pub fn for_each_word(text: &str, mut each: impl FnMut(u64, std::ops::Range<usize>)) {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let step = |hash: u64, c: char| (hash ^ u64::from(c as u32)).wrapping_mul(PRIME);
    let mut hash = OFFSET;
    // Where the word being read started, if one is.
    let mut word: Option<usize> = None;
    for (at, c) in text.char_indices() {
        // Most text is ASCII: its letters and digits are told apart without Unicode's tables.
        let letter = if c.is_ascii() {
            c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
        } else if is_mark(c) {
            continue;
        } else if let Some(letter) = common_letter(c) {
            letter.map(plain)
        } else if is_unspaced(c) {
            if let Some(start) = word.take() {
                each(hash, start..at);
            }
            each(step(OFFSET, c), at..at + c.len_utf8());
            continue;
        } else if c.is_alphanumeric() {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(one), None) => Some(plain(one)),
                // A letter that lower-cases to several (rare): each is hashed.
                (Some(first), Some(second)) => {
                    if word.is_none() {
                        hash = OFFSET;
                        word = Some(at);
                    }
                    hash = step(hash, plain(first));
                    hash = step(hash, plain(second));
                    for more in lower {
                        hash = step(hash, plain(more));
                    }
                    continue;
                }
                _ => None,
            }
        } else {
            None
        };
        match letter {
            Some(letter) => {
                if word.is_none() {
                    hash = OFFSET;
                    word = Some(at);
                }
                hash = step(hash, letter);
            }
            None => {
                if let Some(start) = word.take() {
                    each(hash, start..at);
                }
            }
        }
    }
    if let Some(start) = word {
        each(hash, start..text.len());
    }
}

/// The words of `text`: each token with where it is.
pub fn words(text: &str) -> Vec<(u64, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for_each_word(text, |token, at| out.push((token, at)));
    out
}

/// The tokens of `text`, hashed.
pub fn tokens(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_marks_and_punctuation_do_not_count() {
        assert_eq!(tokens("Coopération RENFORCÉE, déjà!"), tokens("cooperation renforcee deja"));
        // "Internet" in Arabic, with and without its vowel marks.
        assert_eq!(tokens("الإِنْتَرْنِت"), tokens("الإنترنت"));
        assert_eq!(tokens("Интернет ёж"), tokens("интернет еж"));
        assert_ne!(tokens("the cat"), tokens("the cut"));
    }

    proptest::proptest! {
        /// Any text is read: never more tokens than characters, and the same tokens every time.
        #[test]
        fn any_text_is_tokenised(text in ".{0,400}") {
            let first = tokens(&text);
            proptest::prop_assert!(first.len() <= text.chars().count());
            proptest::prop_assert_eq!(first, tokens(&text));
            // Words are slices of the text, in order, apart.
            let mut after = 0;
            for (_, at) in words(&text) {
                proptest::prop_assert!(at.start >= after && at.start < at.end && text.get(at.clone()).is_some());
                after = at.end;
            }
        }
    }

    #[test]
    fn common_letters_fold_as_unicode_folds_them() {
        for code in 0xC0..0x700u32 {
            let Some(c) = char::from_u32(code) else { continue };
            let Some(fast) = common_letter(c) else { continue };
            let mut lower = c.to_lowercase();
            let one = lower.next().expect("a character");
            assert!(lower.next().is_none(), "{c:?} lower-cases to several characters: the tables must decide");
            let by_tables = c.is_alphanumeric().then_some(one);
            assert_eq!(fast, by_tables, "{c:?} (U+{code:04X})");
        }
    }

    #[test]
    fn words_are_where_their_tokens_are() {
        let text = "Coopération, renforcée! 网络";
        let found: Vec<&str> = words(text).iter().map(|(_, at)| &text[at.clone()]).collect();
        assert_eq!(found, ["Coopération", "renforcée", "网", "络"]);
        assert_eq!(words(text).iter().map(|(t, _)| *t).collect::<Vec<_>>(), tokens(text));
    }

    #[test]
    fn each_ideograph_is_a_token() {
        assert_eq!(tokens("网络中立性").len(), 5);
        assert_eq!(tokens("网络 neutrality 中立").len(), 5);
        assert_eq!(tokens("网络中立性")[0], tokens("网")[0]);
    }
}
