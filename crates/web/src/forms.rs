//! The forms the pages post, each read at the edge into a typed struct (through axum's `Form`),
//! so that a handler works with named fields rather than looking names up in a map. Every form
//! carries its token (`csrf`), checked before anything it asks is done. A field a browser did
//! not send is empty, as an empty field is; each handler says what it requires.

use std::collections::HashMap;

use serde::Deserialize;

/// A posted form, with the token that shows it came from this site's page.
pub(crate) trait Posted: Send + 'static {
    fn token(&self) -> &str;
}

macro_rules! posted {
    ($($form:ty),*) => {
        $(impl Posted for $form {
            fn token(&self) -> &str {
                &self.csrf
            }
        })*
    };
}

posted!(
    Token,
    SignIn,
    ResetRequest,
    NewPassword,
    Acceptance,
    NewConsultation,
    NewMeeting,
    ConsultationTranslation,
    Moderation,
    Attribution,
    IssueForm,
    MechanismForm,
    MatrixForm,
    ReportDetailsForm,
    TagsForm,
    Campaign,
    VoteForm,
    ProposalForm,
    StatementModeration,
    NewStatementForm,
    CampaignNoteForm,
    AmendmentForm,
    StanceForm,
    RevisionForm,
    DraftAgreementForm,
    DraftStatusForm,
    NominationForm,
    BodyRulesForm,
    BodyPinForm,
    BodySeatForm,
    ReminderForm
);

/// A vote on a statement: `choice` is agree, disagree or pass.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct VoteForm {
    pub csrf: String,
    pub statement: String,
    pub choice: String,
}

/// A statement a participant proposes.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ProposalForm {
    pub csrf: String,
    pub text: String,
}

/// Accepting a statement (`action=accept`) or rejecting it with a reason.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct StatementModeration {
    pub csrf: String,
    pub statement: String,
    pub action: String,
    pub reason: String,
}

/// The secretariat's own statement: its consultation, text, language (empty: the
/// consultation's) and the contribution it is drawn from (empty: none).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NewStatementForm {
    pub csrf: String,
    pub consultation: String,
    pub text: String,
    pub language: String,
    pub contribution: String,
}

/// A form with nothing but its token (signing out).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Token {
    pub csrf: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct SignIn {
    pub csrf: String,
    pub email: String,
    pub password: String,
    /// Where to go back to once signed in (checked by `safe_next`).
    pub next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ResetRequest {
    pub csrf: String,
    pub email: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NewPassword {
    pub csrf: String,
    pub password: String,
}

/// A focal point accepting an invitation: their name and password.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Acceptance {
    pub csrf: String,
    pub name: String,
    pub password: String,
}

/// The new consultation form; `None` for a field the browser did not send, so the form shows
/// its default again (the reader's language, UTC).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NewConsultation {
    pub csrf: String,
    pub slug: String,
    pub title: String,
    pub lang: Option<String>,
    pub opens: String,
    pub closes: String,
    pub time_zone: Option<String>,
    pub mandate: String,
    /// One question per line.
    pub questions: String,
    pub description: String,
    /// A ticked box: only verified focal points may send.
    pub verified_only: Option<String>,
}

impl NewConsultation {
    /// The value of the field `name` as sent, for showing the form again.
    pub fn sent(&self, name: &str) -> Option<&str> {
        match name {
            "slug" => Some(&self.slug),
            "title" => Some(&self.title),
            "lang" => self.lang.as_deref(),
            "opens" => Some(&self.opens),
            "closes" => Some(&self.closes),
            "time_zone" => self.time_zone.as_deref(),
            "mandate" => Some(&self.mandate),
            "questions" => Some(&self.questions),
            "description" => Some(&self.description),
            _ => None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NewMeeting {
    pub csrf: String,
    /// The consultation's slug.
    pub consultation: String,
    pub date: String,
    pub place: String,
}

/// A consultation's texts in another language: the guiding questions one per line, in order.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ConsultationTranslation {
    pub csrf: String,
    /// The consultation's slug.
    pub consultation: String,
    pub lang: String,
    pub title: String,
    pub description: String,
    pub mandate: String,
    pub questions: String,
}

/// Withholding a contribution (`action=withhold`, with a reason) or publishing it again.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Moderation {
    pub csrf: String,
    pub contribution: String,
    pub reason: String,
    pub action: String,
}

/// Attributing an unverified contribution to an entity, or (`action=clear`) taking it back.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Attribution {
    pub csrf: String,
    pub contribution: String,
    pub action: String,
    pub entity: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct IssueForm {
    pub csrf: String,
    pub id: String,
    pub label_en: String,
    pub label_fr: String,
    pub level: String,
    /// Search terms, separated by commas or lines.
    pub terms_en: String,
    pub terms_fr: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct MechanismForm {
    pub csrf: String,
    pub id: String,
    pub acronym_en: String,
    pub acronym_fr: String,
    pub name_en: String,
    pub name_fr: String,
    pub level: String,
    /// The ticked `function:<function>` boxes.
    #[serde(flatten)]
    pub ticked: HashMap<String, String>,
}

/// The matrix: a ticked `m:<issue>:<mechanism>` box for each mechanism that handles an issue.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct MatrixForm {
    pub csrf: String,
    #[serde(flatten)]
    pub ticked: HashMap<String, String>,
}

/// A report's details: `symbol`, `organ:<id>` boxes, and texts per language named
/// `<id>:session:<lang>`, `<id>:item:<lang>`, `<id>:item_title:<lang>`, `summary:<lang>`,
/// `conclusions:<lang>`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ReportDetailsForm {
    pub csrf: String,
    pub symbol: String,
    #[serde(flatten)]
    pub by_name: HashMap<String, String>,
}

/// A contribution's tags (`issue:<id>` boxes), with where the triage goes next (`then=next`)
/// and its filters (consultation, stakeholder group, `only=all` or untagged).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct TagsForm {
    pub csrf: String,
    pub contribution: String,
    pub then: String,
    pub consultation: String,
    pub group: String,
    pub only: String,
    #[serde(flatten)]
    pub ticked: HashMap<String, String>,
}

/// The tagging page's address: a contribution (`#N` or `N`) or a consultation's first one left
/// to tag, the triage's filters, and the contribution just saved.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct TagsQuery {
    pub contribution: String,
    pub consultation: String,
    pub group: String,
    pub only: String,
    pub saved: Option<String>,
}

/// An invitation campaign: a consultation and who is invited (lists, stakeholder groups,
/// regional groups, countries; each field may be repeated).
#[derive(Debug, Default)]
pub(crate) struct Campaign {
    pub csrf: String,
    pub consultation: String,
    pub lists: Vec<String>,
    pub groups: Vec<String>,
    pub regions: Vec<String>,
    pub countries: Vec<String>,
}

impl Campaign {
    /// Reads the campaign form's fields (repeated ones in the order sent; blank ones left out).
    pub fn from_pairs(pairs: &[(String, String)]) -> Campaign {
        let mut campaign = Campaign::default();
        for (name, value) in pairs {
            let value = value.trim().to_owned();
            match name.as_str() {
                "csrf" => campaign.csrf = value,
                "consultation" => campaign.consultation = value,
                _ if value.is_empty() => {}
                "list" => campaign.lists.push(value),
                "group" => campaign.groups.push(value),
                "region" => campaign.regions.push(value),
                // Countries come typed in one field, separated by commas or spaces.
                "countries" => {
                    campaign.countries.extend(value.split([',', ' ']).filter(|c| !c.is_empty()).map(str::to_owned))
                }
                _ => {}
            }
        }
        campaign
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: serde::de::DeserializeOwned>(body: &str) -> T {
        serde_urlencoded::from_str(body).expect("a form")
    }

    #[test]
    fn a_form_reads_its_fields_and_leaves_the_rest_to_its_boxes() {
        let form: MechanismForm = read("csrf=t&id=igf&level=global&function%3Adialogue=on&function%3Anorms=on");
        assert_eq!((form.token(), form.id.as_str(), form.level.as_str()), ("t", "igf", "global"));
        let mut ticked: Vec<&str> = form.ticked.keys().map(String::as_str).collect();
        ticked.sort();
        assert_eq!(ticked, ["function:dialogue", "function:norms"]);
        let missing: SignIn = read("email=a%40example.org");
        assert_eq!((missing.csrf.as_str(), missing.password.as_str(), missing.next), ("", "", None));
        let consultation: NewConsultation = read("slug=s&verified_only=on");
        assert_eq!((consultation.sent("slug"), consultation.sent("lang")), (Some("s"), None));
        assert!(consultation.verified_only.is_some());
    }

    #[test]
    fn a_campaign_keeps_every_repeated_choice_and_drops_blank_ones() {
        let pairs: Vec<(String, String)> = [
            ("csrf", "t"),
            ("consultation", "ec"),
            ("list", "a"),
            ("list", " "),
            ("list", "b"),
            ("countries", "KE, FR"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let campaign = Campaign::from_pairs(&pairs);
        assert_eq!(campaign.lists, ["a", "b"]);
        assert_eq!(campaign.countries, ["KE", "FR"]);
        assert_eq!((campaign.token(), campaign.consultation.as_str()), ("t", "ec"));
    }
}

/// The secretariat's name and note for a campaign; both empty removes them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct CampaignNoteForm {
    pub csrf: String,
    pub name: String,
    pub note: String,
}

/// An amendment to a draft: where (`place`), what (`kind`: replace, delete or insert; `words`
/// and `by` to replace, `text` to insert) and why.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct AmendmentForm {
    pub csrf: String,
    pub symbol: String,
    pub place: String,
    pub kind: String,
    pub words: String,
    pub by: String,
    pub text: String,
    pub justification: String,
    /// The secretariat's: the pending amendments this one merges ("3, 4"), or empty.
    pub merges: String,
}

/// A focal point's nomination to a body, for its entity.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NominationForm {
    pub csrf: String,
    pub body: String,
    pub person: String,
    pub stakeholder_group: String,
    pub country: String,
    pub gender: String,
    pub expertise: String,
    pub statement: String,
    pub priority: String,
}

/// The secretariat's rules for a body and the solver's objective.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct BodyRulesForm {
    pub csrf: String,
    pub body: String,
    pub rules: String,
    pub objective: String,
}

/// The secretariat pins a nominee (`pin`: in, out, free).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct BodyPinForm {
    pub csrf: String,
    pub body: String,
    pub nomination: String,
    pub pin: String,
}

/// The secretariat seats the solver's slate from a day.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct BodySeatForm {
    pub csrf: String,
    pub body: String,
    pub from: String,
    /// The nomination seated as chair, and as co-chair (empty: none).
    pub chair: String,
    pub co_chair: String,
}

/// The secretariat marks a paragraph agreed ad referendum (`withdraw` empty) or takes the mark
/// back.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DraftAgreementForm {
    pub csrf: String,
    pub symbol: String,
    pub place: String,
    pub withdraw: String,
}

/// The secretariat moves a draft to `status`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DraftStatusForm {
    pub csrf: String,
    pub symbol: String,
    pub status: String,
}

/// An entity's stance on an amendment: `stance` is support or oppose.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct StanceForm {
    pub csrf: String,
    pub symbol: String,
    pub amendment: String,
    pub stance: String,
}

/// The secretariat's decisions on a draft's pending amendments (`decide:<number>`: accept,
/// reject, or keep pending), which make the next revision.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RevisionForm {
    pub csrf: String,
    pub symbol: String,
    #[serde(flatten)]
    pub by_name: HashMap<String, String>,
}

/// A signed-in visitor's form: checks its token, runs `act` with the entity the visitor acts for
/// (a focal point's), then goes to the address `act` gives; a visitor not signed in is sent to
/// sign in first, and back to `next` after.
pub(crate) async fn signed_in_form<F: Posted + Send + 'static>(
    app: crate::App,
    language: crate::language::RequestLanguage,
    headers: axum::http::HeaderMap,
    form: F,
    next: String,
    act: impl FnOnce(
        &mut dyn consulta_store::Store,
        &crate::accounts::Visitor,
        Option<consulta_core::Entity>,
        F,
    ) -> Result<String, crate::page::PageError>
    + Send
    + 'static,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let result = crate::accounts::with_visitor(&app, headers, move |store, visitor| {
        if visitor.actor.account().is_none() {
            return Err(crate::page::PageError::SignIn { next, ended: visitor.ended });
        }
        visitor.check_form(&form)?;
        let entity = crate::accounts::acting_for(store, &visitor)?;
        act(store, &visitor, entity, form)
    })
    .await;
    match result {
        Ok(to) => axum::response::Redirect::to(&to).into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// The secretariat's reminder to the invitees of a reporting round that have not reported.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ReminderForm {
    pub csrf: String,
    /// The round's consultation.
    pub round: String,
}
