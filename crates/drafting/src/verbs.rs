//! The verb phrases that open the sections of a UN draft: preambular (*rappelant*, *recalling*)
//! and operative (*est d'avis*, *invites*), in French and English, as the drafting manuals of the
//! UN and ITU list them.

use crate::text::SectionKind;

/// Preambular phrases: the body recalls, recognizes, considers, notes….
const PREAMBULAR: &[&str] = &[
    // French.
    "rappelant",
    "reconnaissant",
    "considérant",
    "notant",
    "prenant note",
    "ayant à l'esprit",
    "tenant compte",
    "réaffirmant",
    "soulignant",
    "conscient",
    "consciente",
    "se félicitant",
    "préoccupé",
    "préoccupée",
    "convaincu",
    "convaincue",
    "affirmant",
    "accueillant",
    "observant",
    "estimant",
    // English.
    "recalling",
    "recognizing",
    "recognising",
    "considering",
    "noting",
    "taking note",
    "bearing in mind",
    "taking into account",
    "reaffirming",
    "emphasizing",
    "emphasising",
    "stressing",
    "aware",
    "mindful",
    "welcoming",
    "concerned",
    "convinced",
    "affirming",
    "observing",
];

/// Operative phrases: the body is of the view, invites, decides, requests….
const OPERATIVE: &[&str] = &[
    // French.
    "est d'avis",
    "sont d'avis",
    "invite",
    "décide",
    "prie",
    "charge",
    "encourage",
    "recommande",
    "demande",
    "appelle",
    "exhorte",
    "engage",
    "réaffirme",
    "souligne",
    "approuve",
    "adopte",
    // English.
    "is of the view",
    "are of the view",
    "invites",
    "decides",
    "requests",
    "instructs",
    "encourages",
    "recommends",
    "calls upon",
    "calls on",
    "urges",
    "resolves",
    "reaffirms",
    "stresses",
    "endorses",
    "adopts",
];

/// Apostrophes and capitals as the phrases are listed.
fn normal(text: &str) -> String {
    text.trim().replace(['’', '‘'], "'").to_lowercase()
}

/// The section a line opens, its phrase and what follows it (the addressees of an operative
/// verb), when the line is a verb phrase standing alone: short, and not ending a sentence or an
/// item.
pub fn section_opening(line: &str) -> Option<(SectionKind, String, Option<String>)> {
    let trimmed = line.trim();
    let normal = normal(trimmed);
    let words = normal.split_whitespace().count();
    if words == 0 || words > 14 || normal.ends_with([',', ';', '.', ':']) {
        return None;
    }
    let lists = [(SectionKind::Preambular, PREAMBULAR), (SectionKind::Operative, OPERATIVE)];
    lists.into_iter().find_map(|(kind, phrases)| {
        phrases.iter().filter(|p| starts_with_phrase(&normal, p)).max_by_key(|p| p.len()).map(|phrase| {
            // The phrase as written in the text (its capitals and apostrophes), then the rest.
            let split = trimmed.char_indices().nth(phrase.chars().count()).map_or(trimmed.len(), |(at, _)| at);
            let rest = trimmed[split..].trim();
            (kind, trimmed[..split].to_owned(), Some(rest.to_owned()).filter(|r| !r.is_empty()))
        })
    })
}

fn starts_with_phrase(line: &str, phrase: &str) -> bool {
    line.strip_prefix(phrase).is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_line_opens_a_section_with_its_addressees() {
        let (kind, phrase, addressees) =
            section_opening("invite les Etats Membres et les autres parties prenantes").expect("a section");
        assert_eq!((kind, phrase.as_str()), (SectionKind::Operative, "invite"));
        assert_eq!(addressees.as_deref(), Some("les Etats Membres et les autres parties prenantes"));
        assert_eq!(section_opening("est d’avis").map(|s| s.1), Some("est d’avis".to_owned()));
        assert_eq!(section_opening("notant ").map(|s| s.0), Some(SectionKind::Preambular));
        assert_eq!(section_opening("Recalling").map(|s| s.0), Some(SectionKind::Preambular));
    }

    #[test]
    fn a_sentence_is_not_a_verb_line() {
        assert!(section_opening("invite toutes les parties prenantes à travailler sur ces questions.").is_none());
        assert!(section_opening("notamment les pays en développement;").is_none());
        assert!(section_opening("inviter").is_none(), "a whole word only");
        assert!(section_opening("").is_none());
    }
}
