//! How text becomes search terms: words split the same way in every script (Chinese and
//! Japanese cut into overlapping pairs of characters, since they are written without spaces),
//! then, per language, case and accents folded, stop words dropped and words stemmed.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, StopWordFilter, TextAnalyzer,
    TextAnalyzerBuilder, Token, TokenStream, Tokenizer,
};

/// The analysers of the index: one per language that has a stemmer, and one for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Analysis {
    English,
    French,
    Spanish,
    Russian,
    Arabic,
    /// Any other language, Chinese included: words and characters as written, case and
    /// accents folded, no stemming.
    Plain,
}

impl Analysis {
    pub const ALL: [Analysis; 6] =
        [Analysis::English, Analysis::French, Analysis::Spanish, Analysis::Russian, Analysis::Arabic, Analysis::Plain];

    /// The analysis for a contribution written in `language` (a BCP 47 tag).
    pub fn for_language(language: &str) -> Analysis {
        let primary = language.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Analysis::English,
            "fr" => Analysis::French,
            "es" => Analysis::Spanish,
            "ru" => Analysis::Russian,
            "ar" => Analysis::Arabic,
            _ => Analysis::Plain,
        }
    }

    /// Where it stands in `ALL` (and its fields in the index's lists of fields).
    pub(crate) fn position(self) -> usize {
        Analysis::ALL.iter().position(|a| *a == self).unwrap_or(Analysis::ALL.len() - 1)
    }

    /// The name of its tokenizer and of the index field that holds texts analysed this way.
    pub fn name(self) -> &'static str {
        match self {
            Analysis::English => "text_en",
            Analysis::French => "text_fr",
            Analysis::Spanish => "text_es",
            Analysis::Russian => "text_ru",
            Analysis::Arabic => "text_ar",
            Analysis::Plain => "text_plain",
        }
    }

    fn stemmer(self) -> Option<Language> {
        match self {
            Analysis::English => Some(Language::English),
            Analysis::French => Some(Language::French),
            Analysis::Spanish => Some(Language::Spanish),
            Analysis::Russian => Some(Language::Russian),
            Analysis::Arabic => Some(Language::Arabic),
            Analysis::Plain => None,
        }
    }

    /// Words too common to search by. Elided articles and pronouns (the l of l'homme) are
    /// added to the French list, since words split at the apostrophe.
    fn stop_words(self) -> Vec<String> {
        let extra: &[&str] = match self {
            Analysis::French => &[
                "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
                // Function words Snowball's list lacks, which every French text has.
                "contre", "doit", "doivent", "peut", "peuvent", "ainsi", "comme", "tout", "tous", "toute", "toutes",
                "sans", "sous", "vers", "chez", "donc", "car", "très", "aussi", "dont", "où", "cela", "celle", "celui",
                "ceux", "selon", "afin", "entre", "lors", "leurs",
            ],
            Analysis::English => &["s"],
            Analysis::Arabic => ARABIC_STOP_WORDS,
            _ => &[],
        };
        extra.iter().map(|w| (*w).to_owned()).collect()
    }

    /// The tantivy analyser: words, lower case, stop words, then accents folded before
    /// stemming, so that a word typed without its accents (cooperation) and one typed with
    /// them (coopération) are the same term.
    pub fn analyzer(self) -> TextAnalyzer {
        self.builder().build()
    }

    /// The same terms as `analyzer`, each made a pair with the one before it (`Pairs`).
    pub(crate) fn pairs_analyzer(self) -> TextAnalyzer {
        self.builder().filter_dynamic(Pairs).build()
    }

    fn builder(self) -> TextAnalyzerBuilder {
        let builder = TextAnalyzer::builder(Words::default())
            .filter(RemoveLongFilter::limit(60))
            .filter(LowerCaser)
            .filter(StopWordFilter::remove(self.stop_words()))
            .dynamic();
        let builder = match self.stemmer().and_then(StopWordFilter::new) {
            Some(list) => builder.filter_dynamic(list),
            None => builder,
        };
        let builder = builder.filter_dynamic(AsciiFoldingFilter);
        match self.stemmer() {
            Some(language) => builder.filter_dynamic(Stemmer::new(language)).filter_dynamic(FinalE),
            None => builder,
        }
    }

    /// The name of the tokenizer and index field of a text's pairs of terms (`Pairs`).
    pub(crate) fn pairs_name(self) -> &'static str {
        match self {
            Analysis::English => "pairs_en",
            Analysis::French => "pairs_fr",
            Analysis::Spanish => "pairs_es",
            Analysis::Russian => "pairs_ru",
            Analysis::Arabic => "pairs_ar",
            Analysis::Plain => "pairs_plain",
        }
    }
}

/// The terms the search makes of a text, each with the word of the text it comes from: the
/// classifier of issue suggestions counts these, so it never weighs a stop word and takes a
/// word's forms (access, accesses) as one.
#[derive(Debug, Clone, Copy, Default)]
pub struct SearchTerms;

/// Terms shorter than this tell nothing to a classifier.
const MIN_TERM_CHARS: usize = 3;

impl consulta_analysis::Terms for SearchTerms {
    fn terms(&self, text: &str, language: &str) -> std::collections::BTreeMap<String, String> {
        let mut analyzer = Analysis::for_language(language).analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut terms = std::collections::BTreeMap::new();
        while stream.advance() {
            let token = stream.token();
            if token.text.chars().count() < MIN_TERM_CHARS || token.text.chars().all(char::is_numeric) {
                continue;
            }
            let word = text.get(token.offset_from..token.offset_to).unwrap_or(&token.text);
            terms.entry(token.text.clone()).or_insert_with(|| word.to_owned());
        }
        terms
    }
}

/// Arabic function words (Snowball has no Arabic list).
const ARABIC_STOP_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "الى",
    "عن",
    "مع",
    "و",
    "أو",
    "او",
    "أن",
    "ان",
    "إن",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "كان",
    "كانت",
    "لا",
    "ما",
    "هو",
    "هي",
    "هم",
    "قد",
    "كل",
    "بين",
    "ثم",
    "لم",
    "لن",
    "حتى",
    "عند",
    "غير",
    "بعد",
    "قبل",
    "أي",
    "كما",
    "مثل",
    "ب",
    "ل",
    "ك",
    "ف",
];

/// Drops a final e left by a stemmer on a word typed without its accents: the French
/// stemmer takes "renforcée" to "renforc" but "renforcee" to "renforce".
#[derive(Clone, Copy, Debug, Default)]
struct FinalE;

impl tantivy::tokenizer::TokenFilter for FinalE {
    type Tokenizer<T: Tokenizer> = FinalEWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FinalEWrapper<T> {
        FinalEWrapper(tokenizer)
    }
}

#[derive(Clone)]
struct FinalEWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for FinalEWrapper<T> {
    type TokenStream<'a> = FinalEStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FinalEStream(self.0.token_stream(text))
    }
}

struct FinalEStream<S>(S);

impl<S: TokenStream> TokenStream for FinalEStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let text = &mut self.0.token_mut().text;
        if text.len() > 3 && text.ends_with('e') {
            text.pop();
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

/// Makes each term a pair with the term before it ("enhanc cooper"), for a field of its own. The
/// pairs of a phrase of common words are far rarer than its words: a phrase is looked for only
/// in the contributions that have all its pairs, instead of in the positions of every
/// contribution that has all its words (under 10 ms rather than 30 ms at a million
/// contributions for "enhanced cooperation").
#[derive(Clone, Copy, Debug, Default)]
struct Pairs;

impl tantivy::tokenizer::TokenFilter for Pairs {
    type Tokenizer<T: Tokenizer> = PairsWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PairsWrapper<T> {
        PairsWrapper(tokenizer)
    }
}

#[derive(Clone)]
struct PairsWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for PairsWrapper<T> {
    type TokenStream<'a> = PairsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PairsStream { terms: self.0.token_stream(text), previous: String::new(), from: None, pair: Token::default() }
    }
}

struct PairsStream<S> {
    terms: S,
    /// The term before, and where it starts in the text (none before the first term).
    previous: String,
    from: Option<usize>,
    pair: Token,
}

impl<S: TokenStream> TokenStream for PairsStream<S> {
    fn advance(&mut self) -> bool {
        while self.terms.advance() {
            let term = self.terms.token();
            let from = self.from.replace(term.offset_from);
            if let Some(from) = from {
                self.pair.text.clear();
                self.pair.text.push_str(&self.previous);
                // Terms are runs of letters and digits: a space never belongs to one.
                self.pair.text.push(' ');
                self.pair.text.push_str(&term.text);
                (self.pair.offset_from, self.pair.offset_to) = (from, term.offset_to);
                self.pair.position = term.position;
            }
            self.previous.clone_from(&term.text);
            if from.is_some() {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        &self.pair
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.pair
    }
}

/// Splits text into words: runs of letters, digits and combining marks (Arabic vowel signs
/// stay inside their word). Han, Hiragana and Katakana runs become overlapping pairs of
/// characters (a single character stays alone), so a Chinese word of two or more characters
/// is found as the phrase of its pairs.
#[derive(Clone, Debug, Default)]
pub struct Words {
    token: Token,
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream { text, cursor: 0, ideographs: None, token: &mut self.token }
    }
}

pub struct WordStream<'a> {
    text: &'a str,
    /// Where to look for the next word, in bytes.
    cursor: usize,
    /// The run of ideographs being cut into pairs: its end, and where the next pair starts.
    ideographs: Option<(usize, usize)>,
    token: &'a mut Token,
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x3134F) // CJK extensions B to G
}

fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x200C..=0x200D)
}

fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || is_mark(c)) && !is_ideograph(c)
}

impl WordStream<'_> {
    fn emit(&mut self, from: usize, to: usize) -> bool {
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
        true
    }

    /// The next pair of the current run of ideographs, if any is left.
    fn next_pair(&mut self) -> Option<(usize, usize)> {
        let (end, start) = self.ideographs?;
        let mut chars = self.text[start..end].char_indices();
        let first_len = chars.next().map(|(_, c)| c.len_utf8())?;
        let second = chars.next();
        let pair_end = match second {
            Some((offset, c)) => start + offset + c.len_utf8(),
            None => start + first_len,
        };
        // A run of one character is a token of its own; a longer run gives only pairs.
        let last = second.is_none() || pair_end == end;
        self.ideographs = if last { None } else { Some((end, start + first_len)) };
        Some((start, pair_end))
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some((from, to)) = self.next_pair() {
            return self.emit(from, to);
        }
        let rest = &self.text[self.cursor..];
        let Some((offset, first)) = rest.char_indices().find(|(_, c)| is_word_char(*c) || is_ideograph(*c)) else {
            self.cursor = self.text.len();
            return false;
        };
        let from = self.cursor + offset;
        let same_kind = |c: char| if is_ideograph(first) { is_ideograph(c) } else { is_word_char(c) };
        let to =
            self.text[from..].char_indices().find(|(_, c)| !same_kind(*c)).map_or(self.text.len(), |(i, _)| from + i);
        self.cursor = to;
        if is_ideograph(first) {
            self.ideographs = Some((to, from));
            if let Some((from, to)) = self.next_pair() {
                return self.emit(from, to);
            }
        }
        self.emit(from, to)
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(analysis: Analysis, text: &str) -> Vec<String> {
        analysed(analysis.analyzer(), text)
    }

    fn analysed(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn french_words_are_stemmed_with_or_without_accents() {
        assert_eq!(terms(Analysis::French, "coopération renforcée"), terms(Analysis::French, "Cooperation renforcee"));
        let query = terms(Analysis::French, "coopération renforcée");
        let text = terms(Analysis::French, "renforcer la coopération");
        for term in &query {
            assert!(text.contains(term), "{term} of {query:?} in {text:?}");
        }
        assert_eq!(terms(Analysis::French, "l'homme"), terms(Analysis::French, "homme"));
        assert_eq!(terms(Analysis::French, "sécurité"), terms(Analysis::French, "securite"));
        // The examples the search page's help gives.
        assert_eq!(terms(Analysis::French, "coopérer"), terms(Analysis::French, "coopération"));
        assert_eq!(terms(Analysis::English, "cooperate"), terms(Analysis::English, "cooperation"));
    }

    #[test]
    fn english_russian_spanish_and_arabic_are_stemmed() {
        assert_eq!(terms(Analysis::English, "the governments"), terms(Analysis::English, "government"));
        assert_eq!(terms(Analysis::Spanish, "las políticas"), terms(Analysis::Spanish, "politica"));
        assert_eq!(terms(Analysis::Russian, "безопасности"), terms(Analysis::Russian, "безопасность"));
        assert_eq!(terms(Analysis::Arabic, "في الإنترنت"), terms(Analysis::Arabic, "الإنترنت"));
        assert_eq!(terms(Analysis::Arabic, "التعاون").len(), 1);
    }

    #[test]
    fn chinese_is_cut_into_pairs_and_other_scripts_into_words() {
        assert_eq!(terms(Analysis::Plain, "加强互联网治理"), ["加强", "强互", "互联", "联网", "网治", "治理"]);
        assert_eq!(terms(Analysis::Plain, "网"), ["网"]);
        assert_eq!(terms(Analysis::Plain, "IGF 的 Internet"), ["igf", "的", "internet"]);
        assert_eq!(terms(Analysis::Plain, "Ḗcole"), ["ecole"]);
        // Arabic vowel signs stay inside their word.
        assert_eq!(terms(Analysis::Plain, "كَتَبَ الكتاب").len(), 2);
    }

    #[test]
    fn pairs_join_each_term_to_the_one_before() {
        let pairs = |analysis: Analysis, text| analysed(analysis.pairs_analyzer(), text);
        assert_eq!(
            pairs(Analysis::English, "Enhanced cooperation on the Internet"),
            ["enhanc cooper", "cooper internet"]
        );
        assert_eq!(pairs(Analysis::French, "coopération renforcée"), pairs(Analysis::French, "Cooperation renforcee"));
        assert_eq!(pairs(Analysis::Plain, "互联网治理"), ["互联 联网", "联网 网治", "网治 治理"]);
        assert!(pairs(Analysis::English, "cooperation").is_empty(), "a single term makes no pair");
        assert!(pairs(Analysis::English, "").is_empty());
    }

    #[test]
    fn positions_follow_the_text() {
        let mut analyzer = Analysis::Plain.analyzer();
        let mut stream = analyzer.token_stream("a 互联网 b");
        let mut positions = Vec::new();
        while stream.advance() {
            positions.push(stream.token().position);
        }
        assert_eq!(positions, [0, 1, 2, 3]);
    }
}
