//! Invitation campaigns and password resets: personal single-use links, sent by email in each
//! person's language (the links' tokens are stored only as hashes).

use consulta_core::Consultation;
use consulta_i18n::{Arg, Localizer};
use consulta_store::{AuditActor, AuditEntry, NewInvitation, NewMail, NewPasswordReset, Selection, Store};
use jiff::{SignedDuration, Timestamp};

use crate::{AuthError, new_token, token_hash};

/// How long an invitation link works.
pub const INVITATION_DAYS: i64 = 30;
/// How long a password reset link works.
pub const RESET_HOURS: i64 = 1;

/// Whom a secretariat chose to invite, as typed at the command line or in the form: accreditation
/// lists, stakeholder groups, countries (ISO codes) and UN regional groups. An empty kind of
/// choice does not narrow.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    pub lists: Vec<String>,
    pub groups: Vec<String>,
    pub countries: Vec<String>,
    pub regions: Vec<String>,
}

/// What is wrong with a choice, or the store that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ChoiceError {
    #[error("'{0}' is not a stakeholder group, country or regional group")]
    Unknown(String),
    #[error("no accreditation list '{list}'")]
    UnknownList { list: String, known: Vec<String> },
    #[error(transparent)]
    Store(#[from] consulta_store::StoreError),
}

impl ChoiceError {
    /// What to tell the secretariat, in its language.
    pub fn describe(&self, localizer: &Localizer) -> String {
        match self {
            ChoiceError::Store(_) => localizer.text("error-server"),
            ChoiceError::Unknown(value) => localizer.format("cli-bad-selection", &[("value", value.as_str().into())]),
            ChoiceError::UnknownList { list, known } => localizer
                .format("cli-unknown-list", &[("list", list.as_str().into()), ("known", known.join(", ").into())]),
        }
    }
}

/// The selection a choice makes: every value checked (a regional group stands for its member
/// States), every list known. The command line and the web's campaign form both use it.
pub fn selection(store: &dyn Store, choice: &Choice) -> Result<Selection, ChoiceError> {
    let unknown = |value: &String| ChoiceError::Unknown(value.clone());
    let groups = choice.groups.iter().map(|g| g.parse().map_err(|_| unknown(g))).collect::<Result<_, _>>()?;
    let mut countries = choice
        .countries
        .iter()
        .map(|c| c.parse::<consulta_core::CountryCode>().map_err(|_| unknown(c)))
        .collect::<Result<Vec<_>, _>>()?;
    for region in &choice.regions {
        let region: consulta_core::RegionalGroup = region.parse().map_err(|_| unknown(region))?;
        countries.extend(
            consulta_core::reference::countries().iter().filter(|c| c.regional_group == Some(region)).map(|c| c.code),
        );
    }
    let known: Vec<String> = store.accreditation_lists()?.into_iter().map(|(slug, _, _)| slug).collect();
    if let Some(list) = choice.lists.iter().find(|l| !known.contains(l)) {
        return Err(ChoiceError::UnknownList { list: list.clone(), known });
    }
    Ok(Selection { lists: choice.lists.clone(), groups, countries })
}

/// Invites the focal points of every entity `selection` picks to contribute to `consultation`:
/// one link and one email per address, queued for the mail job, audited, all in one
/// transaction. Returns how many were invited.
pub fn invite(
    store: &mut dyn Store,
    consultation: &Consultation,
    selection: &Selection,
    base_url: &str,
    by: &AuditActor,
) -> Result<u64, AuthError> {
    let contacts = store.invitation_targets(selection)?;
    let now = by.at;
    let expires_at = now + SignedDuration::from_hours(24 * INVITATION_DAYS);
    let base = base_url.trim_end_matches('/');
    let mut transaction = store.begin()?;
    for contact in &contacts {
        let token = new_token()?;
        transaction.insert_invitation(&NewInvitation {
            token_sha256: token_hash(&token),
            consultation: consultation.id,
            entity: contact.entity,
            email: contact.email.clone(),
            language: contact.language.clone(),
            created_at: now,
            expires_at,
        })?;
        let localizer = Localizer::for_language(&contact.language).unwrap_or_default();
        let record = &consultation.record;
        let title = record.title.get(localizer.language(), record.original_language.primary());
        let args = [
            ("name", Arg::Text(contact.name.clone())),
            ("entity", Arg::Text(contact.entity_name.clone())),
            ("consultation", Arg::Text(title.to_owned())),
            ("link", Arg::Text(format!("{base}/invitations/{token}"))),
            ("days", Arg::Number(INVITATION_DAYS as f64)),
        ];
        transaction.queue_mail(&NewMail {
            to: contact.email.clone(),
            subject: localizer.format("invitation-subject", &args),
            body: localizer.format("invitation-body", &args),
            created_at: now,
            attachment: None,
        })?;
    }
    transaction.record_audit(&AuditEntry {
        by: by.clone(),
        action: "invitation.campaign".to_owned(),
        subject: format!("consultation {}", consultation.record.slug.as_str()),
        before: None,
        after: Some(serde_json::json!({
            "lists": selection.lists,
            "groups": selection.groups.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
            "countries": selection.countries.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            "invited": contacts.len(),
        })),
    })?;
    transaction.commit()?;
    Ok(contacts.len() as u64)
}

/// Sends a password reset link to the account with this address, if there is one. Says
/// nothing either way, so the answer does not tell who has an account.
pub fn request_password_reset(
    store: &mut dyn Store,
    email: &str,
    base_url: &str,
    now: Timestamp,
) -> Result<(), AuthError> {
    let Some((account, _)) = store.sign_in_record(email)? else { return Ok(()) };
    let token = new_token()?;
    let localizer = Localizer::for_language(&account.language).unwrap_or_default();
    let args = [
        ("name", Arg::Text(account.name.clone())),
        ("link", Arg::Text(format!("{}/password-reset/{token}", base_url.trim_end_matches('/')))),
        ("hours", Arg::Number(RESET_HOURS as f64)),
    ];
    store.create_password_reset(
        &NewPasswordReset {
            token_sha256: token_hash(&token),
            account: account.id,
            created_at: now,
            expires_at: now + SignedDuration::from_hours(RESET_HOURS),
        },
        &NewMail {
            to: account.email.clone(),
            subject: localizer.text("reset-subject"),
            body: localizer.format("reset-body", &args),
            created_at: now,
            attachment: None,
        },
    )?;
    Ok(())
}
