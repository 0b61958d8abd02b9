//! Words as the analyses compare them: lower case, accents and ligatures folded, so that
//! "Coopération", "cooperation" and "COOPERATION" are one word.

/// One word of a text, folded, with where it is in the original (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// Folds one character to what it is compared as (lower case, no accent).
fn fold_char(c: char, out: &mut String) {
    const TABLE: [(&str, &str); 14] = [
        ("àáâãäåāăą", "a"),
        ("çćĉċč", "c"),
        ("ďđ", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ìíîïĩīĭįı", "i"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"),
        ("śŝşš", "s"),
        ("ţťŧ", "t"),
        ("ùúûüũūŭůűų", "u"),
        ("ýÿŷ", "y"),
    ];
    for lower in c.to_lowercase() {
        match lower {
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ź' | 'ż' | 'ž' => out.push('z'),
            _ => match TABLE.iter().find(|(accented, _)| accented.contains(lower)) {
                Some((_, plain)) => out.push_str(plain),
                None => out.push(lower),
            },
        }
    }
}

/// The text folded (lower case, accents removed), for comparing.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The words of a text (runs of letters and digits), folded, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(Word { folded: fold(&text[s..i]), start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_meets_accents_case_and_ligatures() {
        assert_eq!(fold("Coopération RENFORCÉE"), "cooperation renforcee");
        assert_eq!(fold("main-d'œuvre"), "main-d'oeuvre");
        assert_eq!(fold("Ciberdelincuencia y protección"), "ciberdelincuencia y proteccion");
    }

    #[test]
    fn words_keep_their_place_in_the_original() {
        let text = "L'Agenda de Tunis, §35.";
        let words = words(text);
        let found: Vec<(&str, &str)> = words.iter().map(|w| (w.folded.as_str(), &text[w.start..w.end])).collect();
        assert_eq!(found, [("l", "L"), ("agenda", "Agenda"), ("de", "de"), ("tunis", "Tunis"), ("35", "35")]);
    }
}
