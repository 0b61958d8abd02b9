//! The email a contributor receives once their contribution is on disk: what was recorded, where
//! its receipt page is, and the receipt itself attached, in the language they used the site in.

use consulta_i18n::{Arg, Localizer};
use consulta_store::{MailAttachment, NewMail};
use jiff::Timestamp;

use crate::submission::{Prepared, Receipt};

/// Asks for an acknowledgement: in which language, and the instance's public address the link
/// in it starts with (never one a request named).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgement {
    pub language: String,
    pub base_url: String,
}

/// The name a receipt is saved under, on the receipt page and attached to the acknowledgement;
/// `consulta verify` is shown with it.
pub fn receipt_file_name(id: i64) -> String {
    format!("receipt-{id}.json")
}

/// The acknowledgement of `prepared`, now recorded with `receipt`, as an email to queue.
pub fn acknowledgement_mail(prepared: &Prepared, receipt: &Receipt, now: Timestamp) -> Option<NewMail> {
    let asked = prepared.acknowledgement.as_ref()?;
    let localizer = Localizer::for_language(&asked.language).unwrap_or_default();
    let consultation = &prepared.consultation.record;
    let title = consultation.title.get(localizer.language(), consultation.original_language.primary());
    let received = prepared.now.to_zoned(consultation.time_zone.clone()).strftime("%Y-%m-%d %H:%M %Z").to_string();
    let args = [
        ("id", Arg::Number(receipt.id as f64)),
        ("title", Arg::Text(prepared.title.clone())),
        ("entity", Arg::Text(prepared.name.as_str().to_owned())),
        ("consultation", Arg::Text(title.to_owned())),
        ("received", Arg::Text(received)),
        ("link", Arg::Text(format!("{}/contributions/{}/receipt", asked.base_url.trim_end_matches('/'), receipt.id))),
        ("file", Arg::Text(receipt_file_name(receipt.id))),
    ];
    // A receipt serialises whatever it holds: hashes, numbers and the names the contributor gave.
    let content = serde_json::to_string_pretty(receipt).ok()?;
    Some(NewMail {
        to: prepared.email.clone(),
        subject: localizer.format("acknowledgement-subject", &args),
        body: localizer.format("acknowledgement-body", &args),
        created_at: now,
        attachment: Some(MailAttachment { name: receipt_file_name(receipt.id), content }),
    })
}
