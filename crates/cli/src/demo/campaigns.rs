//! The demonstration's campaigns: invented letters sent many times to the open consultation
//! (`demo/open_campaigns.json`), each sender picking a word at each of the letter's slots and
//! some adding a sentence of their own, sent as the contribution form sends them; then the
//! consultation's campaigns are found as `consulta campaigns rebuild` finds them.

use anyhow::Context;
use consulta_blobs::BlobStore;
use consulta_core::Consultation;
use consulta_intake::submission::{Sender, Submission};
use consulta_store::Store;
use jiff::{Timestamp, ToSpan};
use serde::Deserialize;

use super::{Dice, send};

const OPEN_CAMPAIGNS: &str = include_str!("../../demo/open_campaigns.json");

#[derive(Deserialize)]
struct DemoCampaigns {
    campaigns: Vec<DemoCampaign>,
}

#[derive(Deserialize)]
struct DemoCampaign {
    language: String,
    stakeholder_group: String,
    /// The senders' names, `{n}` numbering them.
    entity: String,
    countries: Vec<String>,
    senders: u32,
    days_ago: i64,
    title: String,
    letter: String,
    personal: Vec<String>,
}

/// `text` with each `{a|b|c}` slot replaced by one of its words, picked with `dice`.
fn fill(text: &str, dice: &mut Dice) -> anyhow::Result<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').context("a slot `{` without its `}`")? + open;
        let words: Vec<&str> = rest[open + 1..close].split('|').collect();
        let pick = ((dice.roll() * words.len() as f64) as usize).min(words.len() - 1);
        out.push_str(words[pick]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Sends every campaign's letters, then finds the campaigns; gives how many letters were sent.
pub(super) fn send_campaigns(
    store: &mut dyn Store,
    blobs: &dyn BlobStore,
    open: &Consultation,
    now: Timestamp,
) -> anyhow::Result<u64> {
    let demo: DemoCampaigns = serde_json::from_str(OPEN_CAMPAIGNS)?;
    let mut dice = Dice(17);
    let mut sent = 0;
    for campaign in &demo.campaigns {
        for n in 1..=campaign.senders {
            let entity = campaign.entity.replace("{n}", &n.to_string());
            let mut body = fill(&campaign.letter, &mut dice)?;
            // One sender in three adds a sentence of their own before the letter.
            if n % 3 == 0 && !campaign.personal.is_empty() {
                let own = &campaign.personal[(n as usize / 3) % campaign.personal.len()];
                body = format!("{own}\n{body}");
            }
            let submission = Submission {
                email: format!("{}@contributor.example", entity.to_lowercase().replace(' ', "-")),
                entity,
                stakeholder_group: campaign.stakeholder_group.clone(),
                country: campaign.countries[n as usize % campaign.countries.len()].clone(),
                language: campaign.language.clone(),
                title: fill(&campaign.title, &mut dice)?,
                body,
                files: Vec::new(),
            };
            let at = now.checked_sub((campaign.days_ago * 24 - i64::from(n) * 5).hours())?;
            send(store, blobs, open, submission, Sender::default(), at)?;
            sent += 1;
        }
    }
    consulta_report::campaigns::rebuild(store, open, &mut |_| {})?;
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use consulta_core::ContributionId;
    use consulta_store::RecordStore;

    #[test]
    fn slots_are_filled_with_one_of_their_words() {
        let mut dice = Dice(3);
        for _ in 0..20 {
            let filled = fill("I {urge|ask} you to act {now|soon}.", &mut dice).expect("filled");
            assert!(
                [
                    "I urge you to act now.",
                    "I urge you to act soon.",
                    "I ask you to act now.",
                    "I ask you to act soon."
                ]
                .contains(&filled.as_str()),
                "{filled}"
            );
        }
        assert!(fill("a {broken slot", &mut dice).is_err());
    }

    #[test]
    fn the_demos_letters_make_two_campaigns_one_a_template() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut store = consulta_store::SqliteStore::open(&dir.path().join("demo.db")).expect("store");
        let blobs = consulta_blobs::LocalBlobs::new(dir.path().join("files"));
        super::super::load(&mut store, &blobs, Timestamp::now()).expect("demo loads");
        let open = store.consultation_by_slug("example-affordable-access").expect("read").expect("found");
        let found = consulta_report::campaigns::campaigns(&store, &open).expect("campaigns");
        assert_eq!(found.iter().map(|c| c.size).collect::<Vec<_>>(), [24, 8]);
        let template = consulta_report::campaigns::campaign_detail(&store, &open, ContributionId(found[0].campaign))
            .expect("read")
            .expect("found");
        assert!(template.slots.len() >= 5, "{:?}", template.slots);
        let letter = consulta_report::campaigns::campaign_detail(&store, &open, ContributionId(found[1].campaign))
            .expect("read")
            .expect("found");
        assert!(letter.slots.is_empty(), "a form letter with sentences added is not a template");
    }

    #[test]
    fn every_letter_says_it_is_invented() {
        let demo: DemoCampaigns = serde_json::from_str(OPEN_CAMPAIGNS).expect("demo json");
        for campaign in demo.campaigns {
            assert!(
                campaign.letter.starts_with("Example letter, invented")
                    || campaign.letter.starts_with("Exemple de lettre, inventée")
            );
        }
    }
}
