//! Campaigns kept from the record: `rebuild` finds a consultation's again from every published
//! contribution (what `consulta campaigns rebuild` runs); `CampaignFollower` follows the change
//! feed in the background, adding each new contribution to its consultation's detector as it is
//! recorded. Both add texts in the order recorded (by contribution number) to the same
//! `Detector`, which gives the same campaigns whether texts come one at a time or all at once; so
//! the follower gives what a rebuild would, and where that order is broken (a contribution
//! withheld, restored, or its attachments' text extracted after later ones came) it rebuilds that
//! consultation.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use consulta_campaigns::tokens::tokens;
use consulta_campaigns::{Detector, Settings};
use consulta_core::{Consultation, ConsultationId, ContributionId};
use consulta_store::{PublicText, Store, StoreError};

/// How many contributions are read from the store at a time.
const BATCH: usize = 1000;
/// Texts a followed consultation's detector keeps ready for comparison between rounds: a server
/// follows every consultation at once, and new contributions come a few at a time.
const FOLLOWED_READY: usize = 256;

/// The text a contribution is compared by: its title, body and attachments' text.
pub(crate) fn text_of(t: &PublicText) -> String {
    format!("{}\n{}\n{}", t.title, t.body, t.attachments_text)
}

/// What a contribution counted as when it was read: its text's hash, or None when withheld.
fn fingerprint(t: &PublicText) -> Option<u64> {
    (!t.withheld).then(|| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text_of(t).hash(&mut hasher);
        hasher.finish()
    })
}

/// One consultation's campaigns as read from the record, and as last written.
#[derive(Debug)]
struct Followed {
    consultation: ConsultationId,
    detector: Detector,
    /// Every contribution read, with what it counted as.
    seen: HashMap<i64, Option<u64>>,
    /// The greatest contribution number the detector holds: a new one comes after it.
    last: i64,
    /// The members as the store holds them: contribution, campaign.
    written: HashMap<i64, i64>,
}

impl Followed {
    /// Reads a consultation's published contributions, in the order recorded, into a detector.
    fn read(
        store: &dyn Store,
        consultation: ConsultationId,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Followed, StoreError> {
        let mut texts: Vec<(u64, String)> = Vec::new();
        let mut seen = HashMap::new();
        consulta_store::for_each_id_batch(store, consultation, BATCH, |ids| {
            for text in store.public_texts(&ids)? {
                seen.insert(text.id.0, fingerprint(&text));
                if !text.withheld {
                    texts.push((text.id.0 as u64, text_of(&text)));
                }
            }
            progress(seen.len() as u64);
            Ok::<_, StoreError>(())
        })?;
        let positions: HashMap<u64, usize> = texts.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
        let numbered: Vec<(u64, &str)> = texts.iter().map(|(id, text)| (*id, text.as_str())).collect();
        let mut detector = Detector::new(Settings::default());
        detector.add_all(&numbered, &mut |id| positions.get(&id).map(|&i| tokens(&texts[i].1)).unwrap_or_default());
        let written = store.campaign_members(consultation)?.into_iter().map(|(m, c)| (m.0, c.0)).collect();
        let last = texts.last().map_or(0, |(id, _)| *id as i64);
        detector.keep_ready(FOLLOWED_READY);
        Ok(Followed { consultation, detector, seen, last, written })
    }

    /// Adds a contribution recorded after every one the detector holds.
    fn add(&mut self, store: &dyn Store, text: &PublicText) -> Result<(), StoreError> {
        let mut failed = None;
        let mut tokens_of = |id: u64| match store.public_texts(&[ContributionId(id as i64)]) {
            Ok(texts) => texts.first().map(|t| tokens(&text_of(t))).unwrap_or_default(),
            Err(error) => {
                failed = Some(error);
                Vec::new()
            }
        };
        self.detector.add(text.id.0 as u64, &text_of(text), &mut tokens_of);
        self.last = text.id.0;
        failed.map_or(Ok(()), Err)
    }

    /// Writes what changed since the store's members were read or last written: members that
    /// joined, left, or whose campaign is now named by an earlier first member. Gives how many
    /// contributions changed.
    fn write(&mut self, store: &mut dyn Store) -> Result<usize, StoreError> {
        let now: HashMap<i64, i64> = self
            .detector
            .campaigns()
            .into_iter()
            .flat_map(|members| {
                let first = members[0] as i64;
                members.into_iter().map(move |m| (m as i64, first))
            })
            .collect();
        let mut changes: Vec<(ContributionId, Option<ContributionId>)> = now
            .iter()
            .filter(|(member, campaign)| self.written.get(member) != Some(campaign))
            .map(|(member, campaign)| (ContributionId(*member), Some(ContributionId(*campaign))))
            .chain(self.written.keys().filter(|m| !now.contains_key(m)).map(|m| (ContributionId(*m), None)))
            .collect();
        changes.sort();
        if !changes.is_empty() {
            store.change_campaigns(self.consultation, &changes)?;
        }
        self.written = now;
        Ok(changes.len())
    }

    fn members(&self) -> usize {
        self.written.len()
    }

    fn campaigns(&self) -> usize {
        self.written.values().collect::<HashSet<_>>().len()
    }
}

/// What a rebuild found and wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rebuilt {
    /// Contributions that belong to a campaign, and the campaigns.
    pub members: usize,
    pub campaigns: usize,
    /// Contributions whose campaign the store had otherwise (0 when it was up to date).
    pub changed: usize,
}

/// Finds a consultation's campaigns again from the record and writes what differs from the
/// store's; `progress` is told how many contributions have been read. Withheld contributions are
/// left out.
pub fn rebuild(
    store: &mut dyn Store,
    consultation: &Consultation,
    progress: &mut dyn FnMut(u64),
) -> Result<Rebuilt, StoreError> {
    let mut followed = Followed::read(&*store, consultation.id, progress)?;
    let changed = followed.write(store)?;
    Ok(Rebuilt { members: followed.members(), campaigns: followed.campaigns(), changed })
}

/// Follows the change feed, assigning each new contribution to its campaign (or none) as it is
/// recorded. One server follows at a time (under a lease); the store keeps how far the feed has
/// been followed, so another server, or this one restarted, takes up from there. Each
/// consultation's detector is read whole from the record the first time one of its contributions
/// changes, and kept.
#[derive(Debug, Default)]
pub struct CampaignFollower {
    /// The feed's position this follower last wrote; None before its first round.
    at: Option<u64>,
    followed: HashMap<ConsultationId, Followed>,
    /// Consultations by slug, as the feed's texts name them.
    by_slug: HashMap<String, ConsultationId>,
}

impl CampaignFollower {
    pub fn new() -> CampaignFollower {
        CampaignFollower::default()
    }

    /// Follows up to `limit` changes of the feed; gives how many were read (0: caught up).
    pub fn round(&mut self, store: &mut dyn Store, limit: usize) -> Result<usize, StoreError> {
        let stored = store.campaigns_followed()?;
        if self.at != Some(stored) {
            // Another server followed the feed meanwhile (or this is the first round): what this
            // one holds may be behind the store's campaigns, so it reads them again.
            self.followed.clear();
        }
        let changes = store.changes_since(stored, limit)?;
        let Some(last) = changes.last().map(|c| c.seq) else {
            self.at = Some(stored);
            return Ok(0);
        };
        let mut ids: Vec<ContributionId> = changes.iter().map(|c| c.contribution).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut touched: Vec<ConsultationId> = Vec::new();
        let mut stale: HashSet<ConsultationId> = HashSet::new();
        for text in store.public_texts(&ids)? {
            let consultation = self.consultation_of(&*store, &text.consultation)?;
            if !touched.contains(&consultation) {
                touched.push(consultation);
            }
            let followed = match self.followed.entry(consultation) {
                std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
                std::collections::hash_map::Entry::Vacant(entry) => {
                    // Read now, the consultation's detector holds this text as it is.
                    entry.insert(Followed::read(&*store, consultation, &mut |_| {})?);
                    continue;
                }
            };
            let now = fingerprint(&text);
            match followed.seen.get(&text.id.0) {
                Some(before) if *before == now => {}
                Some(_) => {
                    stale.insert(consultation);
                }
                None if text.id.0 > followed.last => {
                    followed.seen.insert(text.id.0, now);
                    if now.is_some() {
                        if let Err(error) = followed.add(&*store, &text) {
                            // Compared with a text it could not read: what it holds is no
                            // longer what a rebuild would hold, so it is read again next time.
                            self.followed.remove(&consultation);
                            return Err(error);
                        }
                    }
                }
                None => {
                    stale.insert(consultation);
                }
            }
        }
        for consultation in touched {
            if stale.contains(&consultation) {
                self.followed.insert(consultation, Followed::read(&*store, consultation, &mut |_| {})?);
            }
            if let Some(followed) = self.followed.get_mut(&consultation) {
                followed.write(store)?;
            }
        }
        store.set_campaigns_followed(last)?;
        self.at = Some(last);
        Ok(changes.len())
    }

    fn consultation_of(&mut self, store: &dyn Store, slug: &str) -> Result<ConsultationId, StoreError> {
        if let Some(id) = self.by_slug.get(slug) {
            return Ok(*id);
        }
        let consultation = store
            .consultation_by_slug(slug)?
            .ok_or_else(|| StoreError::Corrupt(format!("a contribution of an unknown consultation {slug}")))?;
        self.by_slug.insert(slug.to_owned(), consultation.id);
        Ok(consultation.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use consulta_core::{Channel, Entity, NewContribution, NewEntity};
    use consulta_store::AuditActor;

    /// A letter of `words` words drawn from a fixed sequence; `seed` chooses which.
    fn letter(seed: u64, words: usize) -> Vec<String> {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..words)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                format!("w{}", x % 3000)
            })
            .collect()
    }

    /// The i-th text sent: a variant of letter A or B (a word changed, sometimes a paragraph of
    /// the sender's own before it), or a text of its own.
    fn text(i: u64) -> String {
        let mut words = match i % 3 {
            0 => letter(1, 80),
            1 => letter(2, 80),
            _ => return letter(100 + i, 70).join(" "),
        };
        words[(i % 80) as usize] = format!("edited{i}");
        let text = words.join(" ");
        if i % 4 == 0 { format!("{} {text}", letter(500 + i, 30).join(" ")) } else { text }
    }

    fn send(store: &mut dyn Store, consultation: &Consultation, entity: &Entity, i: u64) -> ContributionId {
        let mut tx = store.begin().expect("begin");
        let id = tx
            .insert_contribution(&NewContribution {
                consultation: consultation.id,
                entity: entity.id,
                group: entity.group.clone(),
                channel: Channel::Written,
                on_behalf_of: None,
                meeting: None,
                submitted_at: jiff::Timestamp::now(),
                language: "en".parse().expect("en"),
                title: format!("Contribution {i}"),
                body: text(i),
                late: false,
                identity: consulta_core::Identity::Recorded,
                contact_email: None,
            })
            .expect("recorded");
        tx.commit().expect("commit");
        id
    }

    /// A record with one consultation, and an entity to send letters as.
    fn record() -> (consulta_testkit::TempRecord, Entity) {
        let record = consulta_testkit::TempRecord::with(consulta_testkit::open_consultation("letters"));
        let mut store = record.database.connect().expect("store");
        let mut tx = store.begin().expect("begin");
        let entity = tx
            .insert_entity(&NewEntity {
                name: "Example Association".parse().expect("name"),
                group: "civil_society".parse().expect("group"),
                country: None,
                is_example: true,
                claimed: false,
            })
            .expect("entity");
        tx.commit().expect("commit");
        (record, entity)
    }

    #[test]
    fn following_the_feed_gives_what_a_rebuild_gives() {
        let (record, entity) = record();
        let mut store = record.database.connect().expect("store");
        let store = &mut *store;
        let consultation = &record.consultation;
        let by = AuditActor::command_line("test", jiff::Timestamp::now());
        // Two servers take turns following the feed, as a lease passes between them, while
        // letters arrive and the secretariat withholds some and publishes them again.
        let mut servers = [CampaignFollower::new(), CampaignFollower::new()];
        let mut ids = Vec::new();
        let mut withheld = std::collections::BTreeSet::new();
        let mut dice = 0x2545_f491_4f6c_dd1d_u64;
        let mut last_server = 0;
        for i in 0..90 {
            ids.push(send(store, consultation, &entity, i));
            dice ^= dice << 13;
            dice ^= dice >> 7;
            dice ^= dice << 17;
            match dice % 8 {
                0 => {
                    let chosen = ids[(dice >> 8) as usize % ids.len()];
                    let reason = (!withheld.remove(&chosen)).then_some("spam");
                    if reason.is_some() {
                        withheld.insert(chosen);
                    }
                    store.set_withheld(chosen, reason, &by).expect("withheld or published");
                }
                1..=4 => {
                    // Mostly the same server; now and then the lease passes to the other.
                    last_server = usize::from((dice >> 16) % 6 == 0);
                    let server = &mut servers[last_server];
                    while server.round(store, 1 + (dice >> 24) as usize % 6).expect("round") > 0 {}
                }
                _ => {}
            }
        }
        // Then letters keep coming to the server that followed last, with nothing withheld: what
        // it adds one at a time decides, not a fresh read.
        for i in 90..120 {
            ids.push(send(store, consultation, &entity, i));
            while servers[last_server].round(store, 2).expect("round") > 0 {}
        }
        let followed = store.campaign_members(consultation.id).expect("members");
        let expected_members = (0..120u64).filter(|i| i % 3 != 2 && !withheld.contains(&ids[*i as usize])).count();
        assert_eq!(followed.len(), expected_members, "every published letter and nothing else");
        // Each letter's campaign is named by its first published member.
        let first_published = |letter: u64| {
            (0..120u64).filter(|i| i % 3 == letter).map(|i| ids[i as usize]).find(|id| !withheld.contains(id))
        };
        let names: std::collections::BTreeSet<ContributionId> = followed.iter().map(|(_, c)| *c).collect();
        assert_eq!(names, [first_published(0), first_published(1)].into_iter().flatten().collect());
        let rebuilt = rebuild(store, consultation, &mut |_| {}).expect("rebuilt");
        assert_eq!(rebuilt, Rebuilt { members: expected_members, campaigns: 2, changed: 0 }, "nothing to correct");
        assert_eq!(store.campaign_members(consultation.id).expect("members"), followed);
        assert_eq!(store.campaigns_followed().expect("followed"), store.last_change().expect("last"));
    }

    #[test]
    fn a_server_that_takes_the_feed_back_reads_the_campaigns_again() {
        let (record, entity) = record();
        let mut store = record.database.connect().expect("store");
        let store = &mut *store;
        let consultation = &record.consultation;
        let (mut one, mut other) = (CampaignFollower::new(), CampaignFollower::new());
        let ids: Vec<ContributionId> = (0..6).map(|i| send(store, consultation, &entity, i)).collect();
        while one.round(store, 100).expect("round") > 0 {}
        // While the other server holds the lease, the first letter's first member is withheld:
        // its campaign is named by the next member from then on.
        let by = AuditActor::command_line("test", jiff::Timestamp::now());
        store.set_withheld(ids[0], Some("spam"), &by).expect("withheld");
        while other.round(store, 100).expect("round") > 0 {}
        for i in 6..9 {
            send(store, consultation, &entity, i);
        }
        while one.round(store, 100).expect("round") > 0 {}
        let followed = store.campaign_members(consultation.id).expect("members");
        assert!(followed.iter().all(|(_, campaign)| *campaign != ids[0]), "{followed:?}");
        assert_eq!(rebuild(store, consultation, &mut |_| {}).expect("rebuilt").changed, 0);
    }
}
