//! The query syntax readers type: words (all must match), "phrases" (words in that order), and
//! -exclusions (-word or -"a phrase"). Nothing else is special, so no query is ever an error.

/// One part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub text: String,
    /// Quoted: its words must follow one another.
    pub phrase: bool,
    /// Preceded by a minus: contributions that match it are left out.
    pub excluded: bool,
}

/// Reads a query typed by a person. An unclosed quote runs to the end of the query.
pub fn parse_query(query: &str) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let mut rest = query.trim_start();
    while !rest.is_empty() {
        let excluded = rest.starts_with('-') && rest[1..].chars().next().is_some_and(|c| !c.is_whitespace());
        if excluded {
            rest = &rest[1..];
        }
        let (text, phrase, after) = if let Some(quoted) = rest.strip_prefix('"') {
            match quoted.find('"') {
                Some(end) => (&quoted[..end], true, &quoted[end + 1..]),
                None => (quoted, true, ""),
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], false, &rest[end..])
        };
        let text = text.trim();
        if !text.is_empty() {
            clauses.push(Clause { text: text.to_owned(), phrase, excluded });
        }
        rest = after.trim_start();
    }
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(text: &str, phrase: bool, excluded: bool) -> Clause {
        Clause { text: text.to_owned(), phrase, excluded }
    }

    #[test]
    fn words_phrases_and_exclusions() {
        assert_eq!(
            parse_query(r#"  internet "enhanced cooperation" -spam -"private sector" "#),
            vec![
                clause("internet", false, false),
                clause("enhanced cooperation", true, false),
                clause("spam", false, true),
                clause("private sector", true, true),
            ]
        );
    }

    #[test]
    fn odd_input_is_read_as_well_as_it_can_be() {
        assert_eq!(parse_query(r#""unclosed phrase"#), vec![clause("unclosed phrase", true, false)]);
        assert_eq!(parse_query("- a-b"), vec![clause("-", false, false), clause("a-b", false, false)]);
        assert_eq!(parse_query(r#""" -"""#), vec![]);
        assert_eq!(parse_query("互联网 治理"), vec![clause("互联网", false, false), clause("治理", false, false)]);
    }
}

#[cfg(test)]
mod properties {
    //! Whatever a person types is read as a query, never a panic: every clause holds text the
    //! query had, and there are no more clauses than the query has characters.
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_query_is_read(query in "\\PC{0,200}") {
            let clauses = parse_query(&query);
            prop_assert!(clauses.len() <= query.chars().count());
            for clause in clauses {
                prop_assert!(!clause.text.trim().is_empty());
            }
        }
    }
}
