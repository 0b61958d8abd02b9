//! What an amendment's leaf in the public log commits to: its canonical record, JSON with a fixed
//! field order, made only of what cannot change once it is proposed (the draft's symbol, the
//! amendment's number in it, the revision it was proposed to, its place, change and
//! justification, who proposed it, when).

use serde::Serialize;

use crate::amend::{Amendment, Change};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AmendmentRecord {
    pub v: u32,
    /// "amendment": tells it apart from contributions and statements in the one log.
    pub kind: &'static str,
    pub draft: String,
    pub number: u32,
    pub revision: u32,
    pub place: String,
    pub change: Change,
    pub justification: String,
    /// The proposing entity's name as recorded then; None for the secretariat.
    pub proposer: Option<String>,
    /// RFC 3339, UTC, to the millisecond.
    pub proposed_at: String,
}

impl AmendmentRecord {
    pub const VERSION: u32 = 1;

    #[allow(clippy::too_many_arguments)]
    pub fn of(
        draft: &str,
        number: u32,
        revision: u32,
        amendment: &Amendment,
        justification: &str,
        proposer: Option<&str>,
        proposed_at: jiff::Timestamp,
    ) -> AmendmentRecord {
        AmendmentRecord {
            v: Self::VERSION,
            kind: "amendment",
            draft: draft.to_owned(),
            number,
            revision,
            place: amendment.place.to_string(),
            change: amendment.change.clone(),
            justification: justification.to_owned(),
            proposer: proposer.map(str::to_owned),
            // To the millisecond, as the store keeps it.
            proposed_at: jiff::Timestamp::from_millisecond(proposed_at.as_millisecond())
                .unwrap_or(proposed_at)
                .to_string(),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Strings, numbers, options and the change's plain variants always serialise.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_is_json_in_a_fixed_order() {
        let amendment = Amendment {
            place: "2/b".parse().expect("place"),
            change: Change::Replace { from: "study".into(), to: "consider".into() },
        };
        let at = jiff::Timestamp::from_millisecond(1_291_334_645_123).expect("a time");
        let record = AmendmentRecord::of("EX/1", 3, 1, &amendment, "Clearer.", Some("Aurelia"), at);
        assert_eq!(
            String::from_utf8(record.to_bytes()).expect("utf-8"),
            r#"{"v":1,"kind":"amendment","draft":"EX/1","number":3,"revision":1,"place":"2/b","change":{"kind":"replace","from":"study","to":"consider"},"justification":"Clearer.","proposer":"Aurelia","proposed_at":"2010-12-03T00:04:05.123Z"}"#
        );
    }
}
