//! Sending email: messages wait in the store's outbox (so nothing is lost on a restart) and a
//! background job sends them through SMTP, or, with no SMTP server configured, writes each as an
//! .eml file in an outbox directory. Failures are retried with growing delays; a message the
//! server refuses for good, or that fails five times, is marked failed with the reason.

use std::path::PathBuf;
use std::time::Duration;

use consulta_store::{JobStore, MailOutcome, QueuedMail, StoreError};
use jiff::{SignedDuration, Timestamp};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::{Message, SmtpTransport, Transport};

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the SMTP address {url} cannot be used: {detail}")]
    BadUrl { url: String, detail: String },
    #[error("the sender address {0} is not an email address")]
    BadSender(String),
    #[error("cannot use the outbox directory {path}: {source}")]
    Outbox { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How many times a message is tried before it is marked failed.
pub const MAX_ATTEMPTS: u32 = 5;

/// Where messages go.
pub enum Delivery {
    /// A real SMTP server, from a URL such as `smtp://user:password@mail.example.org:587?tls=required`
    /// or `smtps://mail.example.org` (lettre's URL form).
    Smtp(Box<SmtpTransport>),
    /// No server: each message becomes `<id>.eml` in this directory, for the secretariat to see.
    Outbox(PathBuf),
}

impl std::fmt::Debug for Delivery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Delivery::Smtp(_) => f.write_str("Delivery::Smtp"),
            Delivery::Outbox(dir) => f.debug_tuple("Delivery::Outbox").field(dir).finish(),
        }
    }
}

impl Delivery {
    /// SMTP if `url` is given, else the outbox directory (created if missing).
    pub fn configure(url: Option<&str>, outbox: PathBuf) -> Result<Delivery, MailError> {
        match url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => {
                let transport = SmtpTransport::from_url(url)
                    .map_err(|e| MailError::BadUrl {
                        url: consulta_core::markup::redact_url(url),
                        detail: e.to_string(),
                    })?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Ok(Delivery::Smtp(Box::new(transport)))
            }
            None => {
                std::fs::create_dir_all(&outbox)
                    .map_err(|source| MailError::Outbox { path: outbox.clone(), source })?;
                Ok(Delivery::Outbox(outbox))
            }
        }
    }

    /// Delivers one message; the error says why it did not go, and whether trying again can help.
    fn deliver(&self, id: i64, message: &Message) -> Result<(), (String, bool)> {
        match self {
            Delivery::Smtp(transport) => {
                transport.send(message).map(|_| ()).map_err(|e| (e.to_string(), !e.is_permanent()))
            }
            Delivery::Outbox(dir) => {
                let path = dir.join(format!("{id}.eml"));
                let partial = dir.join(format!(".{id}.eml.partial"));
                std::fs::write(&partial, message.formatted())
                    .and_then(|()| std::fs::rename(&partial, &path))
                    .map_err(|e| (format!("{}: {e}", path.display()), true))
            }
        }
    }
}

/// Sends queued messages from the store.
#[derive(Debug)]
pub struct Mailer {
    delivery: Delivery,
    from: Mailbox,
    /// The pause between two messages: the rate limit.
    pause: Duration,
}

/// How long to wait before the next try, after `attempts` failures.
fn backoff(attempts: u32) -> SignedDuration {
    SignedDuration::from_secs(match attempts {
        0 | 1 => 60,
        2 => 5 * 60,
        3 => 30 * 60,
        _ => 2 * 3600,
    })
}

impl Mailer {
    /// `per_minute`: at most this many messages a minute (at least one).
    pub fn new(delivery: Delivery, from: &str, per_minute: u32) -> Result<Mailer, MailError> {
        let from: Mailbox = from.parse().map_err(|_| MailError::BadSender(from.to_owned()))?;
        Ok(Mailer { delivery, from, pause: Duration::from_millis(60_000 / u64::from(per_minute.max(1))) })
    }

    pub fn delivery(&self) -> &Delivery {
        &self.delivery
    }

    fn message(&self, mail: &QueuedMail) -> Result<Message, String> {
        let to: Mailbox = mail.to.parse().map_err(|e| format!("{}: {e}", mail.to))?;
        let builder = Message::builder().from(self.from.clone()).to(to).subject(mail.subject.as_str());
        // Quoted-printable keeps the text readable in the raw message and safe on any server.
        let text = Body::new_with_encoding(mail.body.clone(), ContentTransferEncoding::QuotedPrintable)
            .map_err(|_| "the text cannot be encoded".to_owned())?;
        match &mail.attachment {
            None => builder.header(ContentType::TEXT_PLAIN).body(text),
            Some(attachment) => {
                let kind = if attachment.name.ends_with(".json") { "application/json" } else { "text/plain" };
                let kind = ContentType::parse(kind).map_err(|e| e.to_string())?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(text))
                        .singlepart(Attachment::new(attachment.name.clone()).body(attachment.content.clone(), kind)),
                )
            }
        }
        .map_err(|e| e.to_string())
    }

    /// Claims up to `limit` messages due now for `holder` (one server of several: each sends
    /// what it claimed), sends them pausing between them, and records each outcome, which
    /// releases its claim. Returns how many were handled.
    pub fn send_due(&self, store: &mut dyn JobStore, holder: &str, limit: usize) -> Result<usize, MailError> {
        // Long enough to send `limit` messages at the slowest rate, with room to spare.
        let lease = (self.pause + Duration::from_secs(30)) * u32::try_from(limit).unwrap_or(u32::MAX);
        let due = store.claim_due_mail(holder, lease, limit)?;
        for (n, mail) in due.iter().enumerate() {
            if n > 0 {
                std::thread::sleep(self.pause);
            }
            // An address that cannot be read will never go: no point trying again.
            let delivered = match self.message(mail) {
                Ok(message) => self.delivery.deliver(mail.id, &message),
                Err(reason) => Err((reason, false)),
            };
            let outcome = match delivered {
                Ok(()) => MailOutcome::Sent,
                Err((reason, transient)) => {
                    let retry = transient && mail.attempts + 1 < MAX_ATTEMPTS;
                    tracing::warn!(id = mail.id, to = %mail.to, %reason, retry, "an email was not sent");
                    MailOutcome::Failed {
                        reason,
                        retry_at: retry.then(|| Timestamp::now() + backoff(mail.attempts + 1)),
                    }
                }
            };
            store.mail_outcome(mail.id, &outcome, Timestamp::now())?;
        }
        Ok(due.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use consulta_store::{JobStore, NewMail, PageRequest, SqliteStore};

    #[test]
    fn without_smtp_messages_land_in_the_outbox_and_their_status_is_kept() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut store = SqliteStore::open(&dir.path().join("consulta.db")).expect("store");
        let now = Timestamp::now();
        let good = store
            .queue_mail(&NewMail {
                to: "focal.point@example.org".into(),
                subject: "Invitation".into(),
                body: "Bonjour « vous »".into(),
                created_at: now,
                attachment: None,
            })
            .expect("queue");
        let bad = store
            .queue_mail(&NewMail {
                to: "not an address".into(),
                subject: "x".into(),
                body: "y".into(),
                created_at: now,
                attachment: None,
            })
            .expect("queue");
        let outbox = dir.path().join("outbox");
        let mailer = Mailer::new(
            Delivery::configure(None, outbox.clone()).expect("outbox"),
            "Consulta <consulta@example.org>",
            6000,
        )
        .expect("mailer");
        assert_eq!(mailer.send_due(&mut store, "server", 10).expect("send"), 2);
        let eml = std::fs::read_to_string(outbox.join(format!("{good}.eml"))).expect("the .eml");
        assert!(eml.contains("To: focal.point@example.org") && eml.contains("Subject: Invitation"), "{eml}");
        let log = store.mail_log(PageRequest { offset: 0, limit: 10 }).expect("log");
        let status =
            |id| log.items.iter().find(|m| m.id == id).map(|m| (m.status.clone(), m.attempts)).expect("listed");
        assert_eq!(status(good), ("sent".to_owned(), 1));
        assert_eq!(status(bad), ("failed".to_owned(), 1), "an unreadable address is not tried again");
        assert_eq!(mailer.send_due(&mut store, "server", 10).expect("send"), 0, "nothing is sent twice");
        assert!(matches!(Mailer::new(Delivery::Outbox(outbox), "nobody", 1), Err(MailError::BadSender(_))));
    }

    #[test]
    fn urls_are_checked_and_passwords_never_shown() {
        let error =
            Delivery::configure(Some("ftp://user:secret@example.org"), PathBuf::from("unused")).expect_err("refused");
        assert!(!error.to_string().contains("secret"), "{error}");
        assert!(matches!(Delivery::configure(Some("smtp://127.0.0.1:2525"), PathBuf::new()), Ok(Delivery::Smtp(_))));
    }
}
