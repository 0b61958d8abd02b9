//! Tests of the `Store` contract, each run on both backends: SQLite in a temporary file, and a
//! new database of a PostgreSQL server the tests start (`consulta-testpg`).

use consulta_core::table::Standing;
use consulta_core::{
    Channel, Consultation, ConsultationId, ContributionId, Entity, Issue, IssueId, Language, Localized, Matrix,
    NewConsultation, NewContribution, NewEntity, Period,
};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::*;

#[derive(Debug, Clone, Copy)]
enum Backend {
    Sqlite,
    Postgres,
}

struct Fixture {
    _dir: tempfile::TempDir,
    location: String,
    store: PooledStore,
}

impl Fixture {
    /// Another connection to the same database, as a restarted server would open.
    fn reopen(&self) -> PooledStore {
        Database::from_location(&self.location).connect().expect("reopen")
    }
}

/// A new, empty store of `backend`; None when PostgreSQL is not installed here (and CI is not
/// set: `consulta_testpg::shared` says so loudly).
fn fixture(backend: Backend) -> Option<Fixture> {
    let dir = tempfile::tempdir().expect("temporary directory");
    let location = match backend {
        Backend::Sqlite => dir.path().join("consulta.db").display().to_string(),
        Backend::Postgres => consulta_testpg::shared()?.new_database(),
    };
    let store = Database::from_location(&location).connect().expect("open store");
    Some(Fixture { _dir: dir, location, store })
}

/// Runs each named test on both backends.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name(super::Backend::Sqlite) } )*
        }
        mod postgres {
            $( #[test] fn $name() { super::$name(super::Backend::Postgres) } )*
        }
    };
}

on_both_backends!(
    a_new_store_has_the_default_groups_in_order,
    consultations_round_trip,
    one_meeting_a_day,
    a_transaction_dropped_without_commit_writes_nothing,
    counts_and_listings_follow_the_recorded_group,
    contributors_are_read_in_the_annex_order_and_counted,
    an_oral_contribution_without_a_meeting_is_refused_by_the_schema,
    reopening_keeps_the_record,
    the_log_proves_inclusion_and_consistency_under_a_key_that_persists,
    the_change_feed_follows_every_change_the_public_can_see,
    accounts_sessions_and_the_audit_log,
    an_invitation_works_once_and_not_after_it_expires,
    a_new_store_has_the_starting_taxonomy_and_the_secretariat_edits_it,
    tags_are_set_whole_audited_and_refused_for_unknown_issues,
    a_job_lease_is_held_by_one_server_until_it_expires,
    contribution_ids_walk_one_consultation_in_id_order,
    a_record_copies_whole_to_the_other_backend_and_refuses_a_target_in_use,
    a_claimed_identity_stays_apart_from_the_registry_until_attributed,
    a_released_lease_passes_at_once,
    a_store_says_whether_it_may_write,
    a_reports_details_are_kept_whole_and_audited,
    several_emails_are_queued_at_once_with_their_attachments,
    servers_share_the_outbox_through_claims_that_lapse_or_are_released,
    claims_made_at_once_never_hand_out_an_email_twice,
    statements_are_moderated_into_the_log_and_votes_keep_their_history,
    a_conversation_is_imported_whole_or_not_at_all,
    a_consultations_campaigns_are_written_whole_and_only_of_its_contributions,
    campaigns_change_member_by_member_and_keep_the_secretariats_notes,
    a_draft_is_kept_whole_by_its_symbol_and_audited,
    a_body_keeps_its_rules_nominations_pins_and_terms,
    commitments_are_imported_whole_updated_with_their_history_and_facilitators_kept_by_year,
    forum_items_keep_their_fields_threads_and_moderation,
    an_api_key_is_kept_as_its_hash_scoped_and_revoked_once,
);

const MINUTE: std::time::Duration = std::time::Duration::from_secs(60);

/// Queues `count` emails, due a minute ago by any clock.
fn queue_due_mails(store: &mut PooledStore, count: usize) {
    let created_at = Timestamp::now() - jiff::SignedDuration::from_secs(60);
    let mails: Vec<NewMail> = (0..count)
        .map(|n| NewMail {
            to: format!("contributor{n}@example.org"),
            subject: format!("Contribution {n} recorded"),
            body: "Your contribution is recorded.".into(),
            created_at,
            attachment: None,
        })
        .collect();
    let mut tx = store.begin().expect("begin");
    tx.queue_mails(&mails).expect("queued");
    tx.commit().expect("commit");
}

fn servers_share_the_outbox_through_claims_that_lapse_or_are_released(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    queue_due_mails(&mut f.store, 4);
    let ids = |mails: Vec<QueuedMail>| mails.into_iter().map(|m| m.id).collect::<Vec<_>>();
    let a = ids(f.store.claim_due_mail("server-a", MINUTE, 2).expect("claim"));
    assert_eq!(a.len(), 2, "oldest first, at most the limit");
    let b = ids(f.store.claim_due_mail("server-b", MINUTE, 10).expect("claim"));
    assert_eq!(b.len(), 2, "the other server gets the rest");
    assert!(a.iter().all(|id| !b.contains(id)), "none twice: {a:?} {b:?}");
    assert!(f.store.claim_due_mail("server-c", MINUTE, 10).expect("claim").is_empty(), "all claimed");

    // An outcome releases its email: sent, it is no longer due; to be retried, it is due again.
    f.store.mail_outcome(a[0], &MailOutcome::Sent, Timestamp::now()).expect("sent");
    let retry = MailOutcome::Failed { reason: "busy".into(), retry_at: Some(Timestamp::now()) };
    f.store.mail_outcome(a[1], &retry, Timestamp::now()).expect("failed");
    assert_eq!(ids(f.store.claim_due_mail("server-c", MINUTE, 10).expect("claim")), [a[1]]);

    // A stopping server releases its claims; a claim that lapses is taken over.
    f.store.release_claims("server-b").expect("released");
    assert_eq!(ids(f.store.claim_due_mail("server-d", std::time::Duration::ZERO, 1).expect("claim")), [b[0]]);
    assert_eq!(ids(f.store.claim_due_mail("server-e", MINUTE, 10).expect("claim")), b, "one lapsed, one free");
}

fn claims_made_at_once_never_hand_out_an_email_twice(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    queue_due_mails(&mut f.store, 300);
    let servers: Vec<_> = (0..4)
        .map(|n| {
            let mut store = f.reopen();
            std::thread::spawn(move || {
                let mut claimed = Vec::new();
                loop {
                    let mails = store.claim_due_mail(&format!("server-{n}"), MINUTE, 7).expect("claim");
                    if mails.is_empty() {
                        return claimed;
                    }
                    claimed.extend(mails.into_iter().map(|m| m.id));
                }
            })
        })
        .collect();
    let mut all: Vec<i64> = servers.into_iter().flat_map(|s| s.join().expect("server")).collect();
    let claimed = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!((claimed, all.len()), (300, 300), "every email claimed once");
}

fn several_emails_are_queued_at_once_with_their_attachments(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("instant");
    let mails: Vec<NewMail> = (0..450)
        .map(|n| NewMail {
            to: format!("contributor{n}@example.org"),
            subject: format!("Contribution {n} recorded"),
            body: "Your contribution is recorded.".into(),
            created_at: now,
            attachment: (n % 2 == 0)
                .then(|| MailAttachment { name: format!("receipt-{n}.json"), content: "{}".into() }),
        })
        .collect();
    let mut tx = f.store.begin().expect("begin");
    tx.queue_mails(&mails).expect("queued");
    tx.commit().expect("commit");
    let due = f.store.claim_due_mail("server", MINUTE, 1000).expect("due");
    assert_eq!(due.len(), 450, "more than one statement's worth, all queued");
    let first = due.iter().find(|m| m.to == "contributor0@example.org").expect("the first");
    assert_eq!(first.attachment.as_ref().map(|a| a.name.as_str()), Some("receipt-0.json"));
    assert!(due.iter().find(|m| m.to == "contributor1@example.org").expect("the second").attachment.is_none());
}

fn a_reports_details_are_kept_whole_and_audited(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    assert!(f.store.report_details(c.id).expect("read").is_empty(), "none until the secretariat sets them");
    let by = AuditActor::command_line("tester", "2026-11-23T10:00:00Z".parse().expect("instant"));
    let details = consulta_core::ReportDetails {
        symbol: "A/66/77–E/2011/103".into(),
        addressees: vec![consulta_core::report_details::Addressee {
            organ: Some(consulta_core::Organ::GeneralAssembly),
            session: [("en".to_owned(), "Sixty-sixth session".to_owned())].into(),
            ..Default::default()
        }],
        summary: [("fr".to_owned(), "Résumé « inventé ».".to_owned())].into(),
        conclusions: Default::default(),
    };
    f.store.set_report_details(c.id, &details, &by).expect("set");
    let changed = consulta_core::ReportDetails { symbol: "A/66/78".into(), ..details.clone() };
    f.store.set_report_details(c.id, &changed, &by).expect("set again");
    assert_eq!(f.reopen().report_details(c.id).expect("read"), changed);
    let log = f.store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit");
    let entries: Vec<_> = log.items.iter().filter(|e| e.entry.action == "report.details").collect();
    assert_eq!(entries.len(), 2, "{log:?}");
    assert!(
        entries.iter().any(|e| e.entry.before.as_ref().is_some_and(|b| b.to_string().contains("A/66/77"))),
        "{entries:?}"
    );
}

fn a_claimed_identity_stays_apart_from_the_registry_until_attributed(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let by = crate::AuditActor::command_line("test", Timestamp::now());
    let mut tx = f.store.begin().expect("begin");
    let recorded = tx.insert_entity(&new_entity("Fictional Republic of Aurelia", "government")).expect("entity");
    let claim = NewEntity { claimed: true, ..new_entity("fictional republic of  AURELIA", "government") };
    let claimed = tx.insert_entity(&claim).expect("a claim");
    let another = tx.insert_entity(&claim).expect("two claims of one name never collide");
    assert!(claimed.claimed && claimed.id != recorded.id && another.id != claimed.id);
    let found = tx.entity_by_name(&"Fictional Republic of Aurelia".parse().expect("name")).expect("lookup");
    assert_eq!(found.map(|e| e.id), Some(recorded.id), "a name finds the registry's entity, never a claim");
    let official = tx.insert_contribution(&contribution(&c, &recorded, Channel::Written)).expect("insert");
    let unverified = NewContribution {
        identity: consulta_core::Identity::Unverified,
        ..contribution(&c, &claimed, Channel::Written)
    };
    let sent = tx.insert_contribution(&unverified).expect("insert");
    let withheld = tx.insert_contribution(&contribution(&c, &recorded, Channel::Written)).expect("insert");
    tx.commit().expect("commit");
    f.store.set_withheld(withheld, Some("abuse"), &by).expect("withhold");
    let government: consulta_core::StakeholderGroupId = "government".parse().expect("g");
    let standing = |f: &Fixture| {
        let mut counts = f.store.channel_counts(c.id).expect("counts");
        counts.sort_by_key(|(_, _, s, _)| s.as_str());
        counts.into_iter().map(|(_, _, s, n)| (s, n)).collect::<Vec<_>>()
    };
    assert_eq!(standing(&f), vec![(Standing::Counted, 1), (Standing::Unverified, 1), (Standing::Withheld, 1)]);
    assert!(f.store.entity(claimed.id).expect("read").expect("found").claimed);

    assert!(
        matches!(f.store.attribute(official, Some(recorded.id), &by), Err(StoreError::NotAttributable(_))),
        "only an unverified contribution is attributed"
    );
    assert!(
        matches!(f.store.attribute(sent, Some(another.id), &by), Err(StoreError::NotAttributable(_))),
        "only to an entity of the registry"
    );
    assert!(f.store.attribute(sent, Some(recorded.id), &by).expect("attribute"));
    assert_eq!(standing(&f), vec![(Standing::Counted, 2), (Standing::Withheld, 1)]);
    assert!(f.store.channel_counts(c.id).expect("counts").iter().all(|(g, _, _, _)| *g == government));
    assert_eq!(f.store.contribution(sent).expect("read").expect("found").attributed_to, Some(recorded.id));
    let audit = f.store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit");
    assert!(audit.items.iter().any(|r| r.entry.action == "contribution.attribute"));
    assert!(!f.store.attribute(ContributionId(9999), None, &by).expect("unknown"));
    assert!(f.store.attribute(sent, None, &by).expect("taken back"));
    assert_eq!(standing(&f), vec![(Standing::Counted, 1), (Standing::Unverified, 1), (Standing::Withheld, 1)]);
}

fn a_released_lease_passes_at_once(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("instant");
    let until = now + jiff::SignedDuration::from_secs(60);
    assert!(f.store.claim_lease("mail", "server-a", now, until).expect("claim"));
    f.store.release_lease("mail", "server-b").expect("another holder's release does nothing");
    assert!(!f.store.claim_lease("mail", "server-b", now, until).expect("still A's"));
    f.store.release_lease("mail", "server-a").expect("release");
    assert!(f.store.claim_lease("mail", "server-b", now, until).expect("B takes it at once"));
}

fn a_store_says_whether_it_may_write(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    f.store.probe_write().expect("writable");
    f.store.probe_write().expect("and again: the probe leaves nothing behind");
    assert_eq!(f.store.claim_lease("write-probe", "server", Timestamp::now(), Timestamp::now()).ok(), Some(true));
    if let Backend::Postgres = backend {
        // A database turned read-only (a replica, a maintenance switch) is seen by new sessions.
        let url = f.location.clone();
        let mut admin = ::postgres::Client::connect(&url, ::postgres::NoTls).expect("connect");
        let name: String = admin.query_one("SELECT current_database()", &[]).expect("name").get(0);
        admin
            .batch_execute(&format!("ALTER DATABASE \"{name}\" SET default_transaction_read_only = on"))
            .expect("read-only");
        assert!(f.reopen().probe_write().is_err(), "a read-only database cannot be written");
    }
}

/// A server opens so many connections and no more: a caller waits for one to come back, and is
/// told the database is busy if none does in time.
#[test]
fn the_pool_bounds_its_connections_and_a_caller_waits_for_one() {
    let Some(f) = fixture(Backend::Sqlite) else { return };
    let wait = std::time::Duration::from_millis(300);
    let database = Database::from_location(&f.location).bounded(2, wait);
    let (first, _second) = (database.connect().expect("one"), database.connect().expect("two"));
    let started = std::time::Instant::now();
    let refused = database.connect().map(drop).expect_err("a third is refused");
    assert!(refused.is_busy() && started.elapsed() >= wait, "{refused} after {:?}", started.elapsed());
    let waiting = {
        let database = database.clone().bounded(2, std::time::Duration::from_secs(10));
        std::thread::spawn(move || database.connect().map(|store| store.log_size().is_ok()))
    };
    std::thread::sleep(std::time::Duration::from_millis(100));
    drop(first);
    assert_eq!(waiting.join().expect("the waiting caller").ok(), Some(true), "it got the one given back");
}

/// The PostgreSQL server ends every connection (a restart): the pool does not hand out the
/// connections it held, which would fail the next request of each.
#[test]
fn a_pool_drops_the_connections_a_restarted_server_closed() {
    let Some(f) = fixture(Backend::Postgres) else { return };
    let database = Database::from_location(&f.location).checking_every_connection();
    let held: Vec<PooledStore> = (0..3).map(|_| database.connect().expect("connect")).collect();
    drop(held);
    let mut admin = ::postgres::Client::connect(&f.location, ::postgres::NoTls).expect("connect");
    let ended = admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .expect("end the other connections");
    assert!(ended >= 3, "the pool's connections were ended ({ended})");
    for _ in 0..3 {
        let store = database.connect().expect("a connection");
        assert!(store.stakeholder_groups().is_ok(), "a pooled connection works after the restart");
    }
}

fn new_consultation(slug: &str) -> NewConsultation {
    let en: Language = "en".parse().expect("en");
    NewConsultation {
        slug: slug.parse().expect("slug"),
        original_language: en.clone(),
        title: Localized::new(&en, "Enhanced cooperation"),
        description: Localized::default(),
        mandate: Localized::new(&en, "ECOSOC resolution 2010/2"),
        period: Period::new(
            "2010-09-01T00:00:00Z".parse().expect("opens"),
            "2011-01-01T00:00:00Z".parse().expect("closes"),
        )
        .expect("period"),
        time_zone: jiff::tz::TimeZone::UTC,
        questions: vec![Localized::new(&en, "Which issues are not handled adequately?")],
        is_example: false,
        unverified_allowed: true,
    }
}

fn contribution(consultation: &Consultation, entity: &Entity, channel: Channel) -> NewContribution {
    NewContribution {
        consultation: consultation.id,
        entity: entity.id,
        group: entity.group.clone(),
        channel,
        on_behalf_of: None,
        meeting: None,
        submitted_at: "2010-10-01T12:00:00Z".parse().expect("instant"),
        language: "en".parse().expect("en"),
        title: "A title".to_owned(),
        body: "A body".to_owned(),
        late: false,
        identity: consulta_core::Identity::Recorded,
        contact_email: None,
    }
}

/// A small text file, as a contribution's first attachment.
fn note_file() -> Attachment {
    Attachment {
        position: 0,
        name: "note.txt".into(),
        media_type: "text/plain".into(),
        size: 4,
        sha256: consulta_log::sha256(b"note"),
    }
}

fn new_entity(name: &str, group: &str) -> NewEntity {
    NewEntity {
        name: name.parse().expect("name"),
        group: group.parse().expect("group"),
        country: None,
        is_example: false,
        claimed: false,
    }
}

fn a_new_store_has_the_default_groups_in_order(backend: Backend) {
    let Some(f) = fixture(backend) else { return };
    let groups: Vec<String> = f.store.stakeholder_groups().expect("groups").iter().map(|g| g.to_string()).collect();
    assert_eq!(groups, consulta_core::stakeholder::DEFAULT_GROUPS);
}

fn consultations_round_trip(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let created = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let read = f.store.consultation_by_slug("ec-2010").expect("read").expect("found");
    assert_eq!(read.id, created.id);
    assert_eq!(read.record.title.get("en", "en"), "Enhanced cooperation");
    assert_eq!(read.record.questions.len(), 1);
    assert_eq!(read.record.mandate.get("fr", "en"), "ECOSOC resolution 2010/2");
    assert!(matches!(f.store.create_consultation(&new_consultation("ec-2010")), Err(StoreError::DuplicateSlug(_))));
}

fn one_meeting_a_day(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let date: Date = "2010-12-14".parse().expect("date");
    f.store.add_meeting(c.id, date, "New York").expect("meeting");
    assert!(matches!(f.store.add_meeting(c.id, date, "Geneva"), Err(StoreError::DuplicateMeeting(_))));
    assert_eq!(f.store.meetings(c.id).expect("meetings").len(), 1);
}

fn a_transaction_dropped_without_commit_writes_nothing(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    {
        let mut tx = f.store.begin().expect("begin");
        let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
        tx.insert_contribution(&contribution(&c, &entity, Channel::Written)).expect("contribution");
    }
    let page =
        f.store.contributions(&ContributionFilter::default(), PageRequest { offset: 0, limit: 10 }).expect("list");
    assert_eq!(page.total, 0);
    let mut tx = f.store.begin().expect("begin");
    assert_eq!(tx.entity_by_name(&"Example Org".parse().expect("name")).expect("lookup"), None);
}

/// The report's annex and counts: every contributor of a counted contribution, in the order of
/// their group then name, an attributed contribution under the entity it was attributed to,
/// withheld and unverified ones left out; the table moves an attributed contribution to its
/// entity's group.
fn contributors_are_read_in_the_annex_order_and_counted(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let by = AuditActor::command_line("test", Timestamp::now());
    let mut tx = f.store.begin().expect("begin");
    let zeta = tx.insert_entity(&new_entity("zeta NGO", "civil_society")).expect("entity");
    let alpha = tx.insert_entity(&new_entity("Alpha NGO", "civil_society")).expect("entity");
    let state = tx.insert_entity(&new_entity("Fictional Republic of Aurelia", "government")).expect("entity");
    let claim =
        tx.insert_entity(&NewEntity { claimed: true, ..new_entity("Aurelia", "private_sector") }).expect("a claim");
    let first = tx.insert_contribution(&contribution(&c, &zeta, Channel::Written)).expect("insert");
    let second = tx.insert_contribution(&contribution(&c, &alpha, Channel::Written)).expect("insert");
    let third = tx.insert_contribution(&contribution(&c, &zeta, Channel::Written)).expect("insert");
    let unverified =
        NewContribution { identity: consulta_core::Identity::Unverified, ..contribution(&c, &claim, Channel::Written) };
    let attributed = tx.insert_contribution(&unverified).expect("insert");
    tx.insert_contribution(&unverified).expect("insert");
    let withheld = tx.insert_contribution(&contribution(&c, &state, Channel::Written)).expect("insert");
    tx.commit().expect("commit");
    f.store.set_withheld(withheld, Some("abuse"), &by).expect("withhold");
    f.store.attribute(attributed, Some(state.id), &by).expect("attribute");
    let issue: IssueId = "privacy".parse().expect("id");
    for id in [first, third, second] {
        f.store.set_contribution_issues(id, std::slice::from_ref(&issue), &by).expect("tag");
    }

    let mut read = Vec::new();
    f.store
        .contributors(c.id, &mut |contributor| {
            read.push((contributor.name, contributor.group.to_string(), contributor.contributions));
            Ok(())
        })
        .expect("contributors");
    assert_eq!(
        read,
        vec![
            ("Fictional Republic of Aurelia".to_owned(), "government".to_owned(), vec![attributed]),
            ("Alpha NGO".to_owned(), "civil_society".to_owned(), vec![second]),
            ("zeta NGO".to_owned(), "civil_society".to_owned(), vec![first, third]),
        ],
        "the group's place, then the name whatever its case; withheld and unverified left out"
    );
    assert_eq!(f.store.contributor_count(c.id).expect("count"), 3);
    assert_eq!(f.store.issue_contributor_counts(c.id).expect("by issue"), vec![(issue.clone(), 2)]);
    assert_eq!(
        f.store.issue_tags_of(&[third, attributed, first]).expect("tags"),
        vec![(first, issue.clone()), (third, issue)]
    );
    let mut counts = f.store.channel_counts(c.id).expect("counts");
    counts.sort();
    assert_eq!(
        counts,
        vec![
            ("government".parse().expect("g"), Channel::Written, Standing::Counted, 1),
            ("government".parse().expect("g"), Channel::Written, Standing::Withheld, 1),
            ("private_sector".parse().expect("g"), Channel::Written, Standing::Unverified, 1),
            ("civil_society".parse().expect("g"), Channel::Written, Standing::Counted, 3),
        ]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>(),
        "the attributed contribution counts under its entity's group, the other claim apart"
    );
}

fn counts_and_listings_follow_the_recorded_group(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let mut tx = f.store.begin().expect("begin");
    let ngo = tx.insert_entity(&new_entity("Example NGO", "civil_society")).expect("entity");
    let firm = tx.insert_entity(&new_entity("Example Firm", "private_sector")).expect("entity");
    for _ in 0..3 {
        tx.insert_contribution(&contribution(&c, &ngo, Channel::Written)).expect("insert");
    }
    tx.insert_contribution(&contribution(&c, &firm, Channel::Written)).expect("insert");
    assert_eq!(tx.entity_by_name(&"EXAMPLE  ngo".parse().expect("name")).expect("lookup").map(|e| e.id), Some(ngo.id));
    tx.commit().expect("commit");

    let mut counts = f.store.channel_counts(c.id).expect("counts");
    counts.sort();
    assert_eq!(
        counts,
        vec![
            ("civil_society".parse().expect("g"), Channel::Written, Standing::Counted, 3),
            ("private_sector".parse().expect("g"), Channel::Written, Standing::Counted, 1)
        ]
    );
    let filter = ContributionFilter { group: Some("civil_society".parse().expect("g")), ..Default::default() };
    let page = f.store.contributions(&filter, PageRequest { offset: 1, limit: 1 }).expect("list");
    assert_eq!(page.total, 3);
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].entity_name, "Example NGO");
    let stored = f.store.contribution(page.items[0].id).expect("read").expect("found");
    assert_eq!(stored.record.body, "A body");
}

fn an_oral_contribution_without_a_meeting_is_refused_by_the_schema(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let mut tx = f.store.begin().expect("begin");
    let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
    assert!(tx.insert_contribution(&contribution(&c, &entity, Channel::Intervention)).is_err());
}

fn reopening_keeps_the_record(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    assert_eq!(f.reopen().consultations().expect("list").len(), 1);
}

fn the_log_proves_inclusion_and_consistency_under_a_key_that_persists(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let key_file = f._dir.path().join("log.key");
    let store = &mut f.store;
    let c = store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let mut ids = Vec::new();
    let entity = {
        let mut tx = store.begin().expect("begin");
        let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
        tx.commit().expect("commit");
        entity
    };
    let mut old = None;
    for batch in [3, 2] {
        let mut tx = store.begin().expect("begin");
        for _ in 0..batch {
            let id = tx.insert_contribution(&contribution(&c, &entity, Channel::Written)).expect("insert");
            let record = tx.canonical_record(id).expect("read").expect("found");
            assert_eq!(record.entity, "Example Org");
            let leaf = tx.append_to_log(id, consulta_log::sha256(&record.to_bytes())).expect("append");
            assert_eq!(leaf, ids.len() as u64);
            ids.push(id);
        }
        tx.commit().expect("commit");
        // The root of the tree of 3 leaves, before the last two are appended.
        old.get_or_insert(store.tree_head(Timestamp::now()).expect("head"));
    }
    let old_head = old.expect("the tree of 3");
    let old = old_head.root;
    // The first server to start makes the instance's key, outside the database (entries
    // imported before were signed by no one).
    let key = crate::log_key::open_log_key(&mut **store, &key_file).expect("key");
    let signer = crate::log_key::LogSigner::new(key, None);

    let now: jiff::Timestamp = "2010-12-15T00:00:00Z".parse().expect("now");
    let head = signer.signed_head(&**store, now).expect("head");
    let public_key = signer.public_key();
    assert_eq!(head.head.size, 5);
    head.verify(&public_key).expect("the signature verifies");
    // The record, held against both signed heads as a journal would keep them.
    let journal = [signer.checkpoint(&old_head), signer.checkpoint(&head.head)];
    let check = crate::check::check_log(&**store, &journal, &mut |_| {}).expect("check");
    assert_eq!((check.contributions, check.heads_checked, check.problems), (5, 2, vec![]));
    let forged = crate::log_key::LogSigner::new(consulta_log::LogKey::from_secret([7; 32]), None);
    let check = crate::check::check_log(&**store, &[forged.checkpoint(&head.head)], &mut |_| {}).expect("check");
    assert!(matches!(check.problems[..], [crate::check::LogProblem::BadCheckpoint { .. }]), "{:?}", check.problems);
    for (i, id) in ids.iter().enumerate() {
        let inclusion = store.inclusion(*id, 5).expect("proof").expect("included");
        assert_eq!(inclusion.leaf_index, i as u64);
        let record = store.canonical_record(*id).expect("read").expect("found");
        assert_eq!(inclusion.record_sha256, consulta_log::sha256(&record.to_bytes()));
        let leaf = consulta_log::leaf_hash(&inclusion.record_sha256);
        assert!(consulta_log::verify_inclusion(&leaf, inclusion.leaf_index, 5, &inclusion.proof, &head.head.root));
    }
    assert_eq!(store.inclusion(ids[4], 3).expect("proof"), None, "leaf 4 is not in the tree of 3");
    let mut asked = ids.clone();
    asked.push(ContributionId(999));
    let each: Vec<_> = asked.iter().map(|id| store.inclusion(*id, 4).expect("proof")).collect();
    assert_eq!(store.inclusions(&asked, 4).expect("proofs"), each, "a batch proves as one at a time");
    assert_eq!(each.iter().filter(|i| i.is_some()).count(), 4, "leaf 4 and an unknown id have none");
    let proof = store.consistency(3, 5).expect("proof");
    assert!(consulta_log::verify_consistency(3, 5, &old, &head.head.root, &proof));
    assert!(matches!(store.consistency(3, 9), Err(StoreError::BeyondLog { .. })));

    assert_eq!(f.reopen().log_public_key().expect("key"), Some(public_key), "the public key is recorded");
    let again = crate::log_key::open_log_key(&mut *f.reopen(), &key_file).expect("the key file is read again");
    assert_eq!(again.public_key(), public_key);
}

fn the_change_feed_follows_every_change_the_public_can_see(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let mut tx = f.store.begin().expect("begin");
    let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
    let first = tx.insert_contribution(&contribution(&c, &entity, Channel::Written)).expect("insert");
    let second = tx.insert_contribution(&contribution(&c, &entity, Channel::Written)).expect("insert");
    let file = note_file();
    tx.insert_attachment(second, &file).expect("attachment");
    tx.commit().expect("commit");
    let feed = |store: &dyn Store, after| -> Vec<i64> {
        store.changes_since(after, 100).expect("changes").iter().map(|c| c.contribution.0).collect()
    };
    assert_eq!(feed(&*f.store, 0), vec![first.0, second.0]);
    assert_eq!(f.store.last_change().expect("last"), 2);

    f.store
        .set_withheld(first, Some("defamatory"), &crate::AuditActor::command_line("test", jiff::Timestamp::now()))
        .expect("withhold");
    f.store
        .set_withheld(first, Some("defamatory"), &crate::AuditActor::command_line("test", jiff::Timestamp::now()))
        .expect("withhold again: no change");
    f.store.set_extraction(second, 0, &Extraction::Done("the extracted words".into())).expect("extraction");
    f.store
        .set_withheld(first, None, &crate::AuditActor::command_line("test", jiff::Timestamp::now()))
        .expect("publish");
    assert_eq!(feed(&*f.store, 2), vec![first.0, second.0, first.0]);
    assert_eq!(f.store.changes_since(3, 1).expect("changes")[0].seq, 4, "numbers follow one another");

    let texts = f.store.public_texts(&[second, first, ContributionId(999)]).expect("texts");
    assert_eq!(texts.iter().map(|t| t.id).collect::<Vec<_>>(), vec![first, second]);
    assert_eq!(texts[1].attachments_text, "the extracted words");
    assert_eq!(texts[1].consultation, "ec-2010");
    assert_eq!(texts[1].entity_name, "Example Org");
    assert!(!texts[0].withheld);
}

fn accounts_sessions_and_the_audit_log(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("now");
    let by = AuditActor::command_line("admin", now);
    let new = NewAccount {
        email: " Secretariat@Example.ORG ".into(),
        name: "Secretariat".into(),
        role: consulta_core::Role::Secretariat,
        entity: None,
        language: "fr".into(),
        password_hash: "$argon2id$…".into(),
    };
    let account = f.store.create_account(&new, &by).expect("account");
    assert_eq!(account.email, "secretariat@example.org");
    assert!(matches!(f.store.create_account(&new, &by), Err(StoreError::DuplicateAccount(_))));
    let (found, hash) = f.store.sign_in_record("SECRETARIAT@example.org").expect("read").expect("found");
    assert_eq!((found, hash.as_str()), (account.clone(), "$argon2id$…"));
    let focal_without_entity =
        NewAccount { email: "fp@example.org".into(), role: consulta_core::Role::FocalPoint, ..new };
    assert!(f.store.create_account(&focal_without_entity, &by).is_err(), "a focal point needs an entity");

    let token = consulta_log::sha256(b"token");
    let session = NewSession {
        token_sha256: token,
        account: account.id,
        csrf_token: "csrf".into(),
        created_at: now,
        expires_at: now + jiff::SignedDuration::from_hours(8),
    };
    f.store.create_session(&session).expect("session");
    assert_eq!(f.store.session(&token, now).expect("read").map(|s| s.account), Some(account.clone()));
    let later = now + jiff::SignedDuration::from_hours(9);
    assert_eq!(f.store.session(&token, later).expect("read"), None, "expired");
    f.store.end_session(&token, now).expect("end");
    assert_eq!(f.store.session(&token, now).expect("read"), None, "signed out");

    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let mut tx = f.store.begin().expect("begin");
    let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
    let id = tx.insert_contribution(&contribution(&c, &entity, Channel::Written)).expect("insert");
    tx.commit().expect("commit");
    let as_account = AuditActor::account(&account, now);
    assert!(f.store.set_withheld(id, Some("spam"), &as_account).expect("withhold"));
    assert!(!f.store.set_withheld(ContributionId(999), Some("spam"), &as_account).expect("none"));
    let log = f.store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("log");
    assert_eq!(log.total, 2);
    let withhold = &log.items[0].entry;
    assert_eq!(
        (withhold.action.as_str(), withhold.by.label.as_str()),
        ("contribution.withhold", "secretariat@example.org")
    );
    assert_eq!(withhold.before, Some(serde_json::json!({ "withheld_reason": null })));
    assert_eq!(withhold.after, Some(serde_json::json!({ "withheld_reason": "spam" })));
    assert_eq!(log.items[1].entry.action, "account.create");
    assert_eq!(log.items[1].entry.by.label, "command line: admin");
}

fn an_api_key_is_kept_as_its_hash_scoped_and_revoked_once(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let by = AuditActor::command_line("test", Timestamp::now());
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let mut tx = f.store.begin().expect("begin");
    let entity = tx.insert_entity(&new_entity("Example Campaign Org", "civil_society")).expect("entity");
    tx.commit().expect("commit");
    let hash = consulta_log::sha256(b"the key itself");
    let new = crate::NewApiKey {
        key_sha256: hash,
        consultation: c.id,
        entity: entity.id,
        label: "Petition platform".into(),
        lines_per_hour: 100_000,
    };
    let id = f.store.issue_api_key(&new, &by).expect("issued");
    let key = f.store.api_key_by_hash(&hash).expect("read").expect("found");
    assert_eq!(
        (key.id, key.consultation_slug.as_str(), key.entity_name.as_str()),
        (id, "ec-2010", "Example Campaign Org")
    );
    assert_eq!((key.lines_per_hour, key.revoked_at, key.sender_key()), (100_000, None, format!("api-key:{id}")));
    assert_eq!(f.store.api_key_by_hash(&consulta_log::sha256(b"another")).expect("read"), None);
    assert!(f.store.issue_api_key(&new, &by).is_err(), "one hash, one key");
    f.store.revoke_api_key(id, &by).expect("revoked");
    assert!(f.store.api_key_by_hash(&hash).expect("read").expect("found").revoked_at.is_some());
    assert!(matches!(f.store.revoke_api_key(id, &by), Err(StoreError::NotAnApiKey(n)) if n == id), "once");
    assert_eq!(f.store.api_keys().expect("list").len(), 1);
    let audit = f.store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit");
    let actions: Vec<&str> = audit.items.iter().map(|a| a.entry.action.as_str()).collect();
    assert!(actions.contains(&"api_key.issue") && actions.contains(&"api_key.revoke"), "{actions:?}");
}

fn an_invitation_works_once_and_not_after_it_expires(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let now: Timestamp = "2026-11-23T10:00:00Z".parse().expect("now");
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let mut tx = f.store.begin().expect("begin");
    let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
    for (token, expires_at) in [(b"fresh", now + jiff::SignedDuration::from_hours(1)), (b"stale", now)] {
        tx.insert_invitation(&NewInvitation {
            token_sha256: consulta_log::sha256(token),
            consultation: c.id,
            entity: entity.id,
            email: "fp@example.org".into(),
            language: "fr".into(),
            created_at: now - jiff::SignedDuration::from_hours(24),
            expires_at,
        })
        .expect("invitation");
    }
    tx.commit().expect("commit");
    let new = NewAccount {
        email: "ignored@example.org".into(),
        name: "Focal Point".into(),
        role: consulta_core::Role::FocalPoint,
        entity: None,
        language: "fr".into(),
        password_hash: "$argon2id$…".into(),
    };
    let account = f.store.accept_invitation(&consulta_log::sha256(b"fresh"), &new, now).expect("accepted");
    assert_eq!(
        (account.email.as_str(), account.entity),
        ("fp@example.org", Some(entity.id)),
        "the invitation's address and entity"
    );
    assert!(matches!(
        f.store.accept_invitation(&consulta_log::sha256(b"fresh"), &new, now),
        Err(StoreError::InvitationUsed)
    ));
    assert!(matches!(
        f.store.accept_invitation(&consulta_log::sha256(b"stale"), &new, now),
        Err(StoreError::InvitationExpired)
    ));
    assert!(matches!(
        f.store.accept_invitation(&consulta_log::sha256(b"other"), &new, now),
        Err(StoreError::UnknownInvitation)
    ));
    let invitation = f.store.invitation(&consulta_log::sha256(b"fresh")).expect("read").expect("found");
    assert_eq!(invitation.used_at, Some(now));
}

fn a_new_store_has_the_starting_taxonomy_and_the_secretariat_edits_it(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let (issues, mechanisms, matrix) = consulta_core::issue::starting_taxonomy();
    assert_eq!(f.store.issues().expect("issues"), issues);
    assert_eq!(f.store.mechanisms().expect("mechanisms"), mechanisms);
    assert_eq!(f.store.matrix().expect("matrix"), matrix);

    let by = AuditActor::command_line("tester", "2026-11-23T10:00:00Z".parse().expect("instant"));
    let edited =
        Issue::check("spam", &[("en", "Spam"), ("fr", "Pourriel")], &[("fr", "pourriel")], "national").expect("valid");
    f.store.save_taxonomy_entry(TaxonomyEntry::Issue(&edited), &by).expect("save");
    let added =
        Issue::check("ai", &[("en", "Artificial intelligence"), ("fr", "Intelligence artificielle")], &[], "global")
            .expect("valid");
    f.store.save_taxonomy_entry(TaxonomyEntry::Issue(&added), &by).expect("save");
    let stored = f.store.issues().expect("issues");
    assert_eq!(stored.len(), issues.len() + 1);
    assert_eq!(stored.iter().find(|i| i.id.as_str() == "spam"), Some(&edited), "edited in place");
    assert_eq!(stored.last(), Some(&added), "a new issue comes last");

    let unknown: Matrix = Matrix::new([("ai".parse().expect("id"), "nowhere".parse().expect("id"))]);
    assert!(matches!(f.store.set_matrix(&unknown, &by), Err(StoreError::UnknownTaxonomy(_))));
    assert_eq!(f.store.matrix().expect("matrix"), matrix, "a refused matrix changes nothing");
    let log = f.store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit");
    assert_eq!(log.items[0].entry.action, "issue.save");
    assert_eq!(log.items[1].entry.before.as_ref().map(|b| b["needed_level"].clone()), Some("global".into()));
}

fn tags_are_set_whole_audited_and_refused_for_unknown_issues(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let c = f.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let mut tx = f.store.begin().expect("begin");
    let ngo = tx.insert_entity(&new_entity("Example NGO", "civil_society")).expect("entity");
    let id = tx.insert_contribution(&contribution(&c, &ngo, Channel::Written)).expect("insert");
    tx.commit().expect("commit");
    let by = AuditActor::command_line("tester", "2026-11-23T10:00:00Z".parse().expect("instant"));
    let ids = |list: &[&str]| list.iter().map(|i| i.parse().expect("id")).collect::<Vec<IssueId>>();

    assert!(f.store.set_contribution_issues(id, &ids(&["spam", "privacy"]), &by).expect("tag"));
    assert_eq!(f.store.contribution_issues(id).expect("read"), ids(&["spam", "privacy"]), "taxonomy order");
    assert!(matches!(
        f.store.set_contribution_issues(id, &ids(&["spam", "astrology"]), &by),
        Err(StoreError::UnknownTaxonomy(issue)) if issue == "astrology"
    ));
    assert_eq!(f.store.contribution_issues(id).expect("read"), ids(&["spam", "privacy"]), "unchanged");
    assert!(!f.store.set_contribution_issues(ContributionId(999), &ids(&["spam"]), &by).expect("no such"));
    assert_eq!(f.store.issue_tags(Some(c.id)).expect("tags").len(), 2);
    assert_eq!(f.store.issue_tags(Some(ConsultationId(999))).expect("tags"), []);
    let log = f.store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit");
    assert_eq!(log.total, 1);
    assert_eq!(log.items[0].entry.after, Some(serde_json::json!(["spam", "privacy"])));
}

fn a_job_lease_is_held_by_one_server_until_it_expires(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let at = |s: &str| -> Timestamp { s.parse().expect("instant") };
    let (t0, t1, t2) = (at("2026-11-23T10:00:00Z"), at("2026-11-23T10:00:30Z"), at("2026-11-23T10:01:01Z"));
    let until = |t: Timestamp| t + jiff::SignedDuration::from_secs(60);
    assert!(f.store.claim_lease("mail", "server-a", t0, until(t0)).expect("claim"));
    assert!(!f.store.claim_lease("mail", "server-b", t1, until(t1)).expect("refused while A holds it"));
    assert!(f.store.claim_lease("extraction", "server-b", t1, until(t1)).expect("another job is free"));
    assert!(f.store.claim_lease("mail", "server-a", t1, until(t1)).expect("A renews"));
    assert!(!f.store.claim_lease("mail", "server-b", t2, until(t2)).expect("renewed: still A's"));
    let t3 = at("2026-11-23T10:01:31Z");
    assert!(f.store.claim_lease("mail", "server-b", t3, until(t3)).expect("A stopped renewing: B takes it"));
    assert!(!f.store.claim_lease("mail", "server-a", t3, until(t3)).expect("and keeps it"));
}

fn contribution_ids_walk_one_consultation_in_id_order(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let first = f.store.create_consultation(&new_consultation("first")).expect("create");
    let second = f.store.create_consultation(&new_consultation("second")).expect("create");
    let mut tx = f.store.begin().expect("begin");
    let ngo = tx.insert_entity(&new_entity("Example NGO", "civil_society")).expect("entity");
    let mut expected = Vec::new();
    for i in 0..5 {
        let consultation = if i % 2 == 0 { &first } else { &second };
        let id = tx.insert_contribution(&contribution(consultation, &ngo, Channel::Written)).expect("insert");
        if i % 2 == 0 {
            expected.push(id);
        }
    }
    tx.commit().expect("commit");
    let page = f.store.contribution_ids(first.id, None, 2).expect("ids");
    assert_eq!(page, expected[..2]);
    let rest = f.store.contribution_ids(first.id, page.last().copied(), 2).expect("ids");
    assert_eq!(rest, expected[2..]);
    assert_eq!(f.store.contribution_ids(first.id, rest.last().copied(), 2).expect("ids"), []);
}

fn a_record_copies_whole_to_the_other_backend_and_refuses_a_target_in_use(backend: Backend) {
    let Some(mut source) = fixture(backend) else { return };
    let other = match backend {
        Backend::Sqlite => Backend::Postgres,
        Backend::Postgres => Backend::Sqlite,
    };
    let Some(mut target) = fixture(other) else { return };
    let c = source.store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let by = AuditActor::command_line("tester", "2026-11-23T10:00:00Z".parse().expect("instant"));
    let mut ids = Vec::new();
    let mut tx = source.store.begin().expect("begin");
    let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
    for i in 0..7 {
        let id = tx.insert_contribution(&contribution(&c, &entity, Channel::Written)).expect("insert");
        if i == 2 {
            tx.insert_attachment(id, &note_file()).expect("attachment");
        }
        let record = tx.canonical_record(id).expect("read").expect("found");
        tx.append_to_log(id, consulta_log::sha256(&record.to_bytes())).expect("append");
        ids.push(id);
    }
    tx.commit().expect("commit");
    source.store.set_withheld(ids[1], Some("spam"), &by).expect("withhold");
    source.store.set_contribution_issues(ids[0], &["privacy".parse().expect("id")], &by).expect("tag");
    source.store.set_extraction(ids[2], 0, &Extraction::Done("extracted".into())).expect("extraction");

    let report = crate::copy::copy_and_verify(&*source.store, &mut *target.store, &mut |_, _| {}).expect("copy");
    assert_eq!(report.log_size, 7);
    assert_eq!(target.store.row_counts().expect("counts"), source.store.row_counts().expect("counts"));
    let now = Timestamp::now();
    assert_eq!(target.store.tree_head(now).expect("head"), source.store.tree_head(now).expect("head"));
    assert_eq!(target.store.log_public_key().expect("key"), source.store.log_public_key().expect("key"));
    let check = crate::check::check_log(&*target.store, &[], &mut |_| {}).expect("check");
    assert_eq!((check.contributions, check.problems), (7, vec![]));
    assert_eq!(target.store.changes_since(0, 100).expect("feed"), source.store.changes_since(0, 100).expect("feed"));
    assert_eq!(target.store.public_texts(&ids).expect("texts"), source.store.public_texts(&ids).expect("texts"));
    assert_eq!(target.store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit").total, 2);

    // New ids go on after the copied ones.
    let next = target.store.create_consultation(&new_consultation("next")).expect("create");
    assert!(next.id.0 > c.id.0);
    let mut tx = target.store.begin().expect("begin");
    let id = tx.insert_contribution(&contribution(&next, &entity, Channel::Written)).expect("insert");
    assert!(id.0 > ids[6].0);
    drop(tx);

    assert!(matches!(
        crate::copy::copy_record(&*source.store, &mut *target.store, &mut |_, _| {}),
        Err(StoreError::NotEmpty(_))
    ));
}

/// A schema as the guards compare it: each table's columns, each with its kind of value.
type Schema = std::collections::BTreeMap<String, std::collections::BTreeMap<String, &'static str>>;

/// The kind of value a declared column type holds, the same word on both backends (SQLite keeps
/// booleans as integers).
fn kind_of(declared: &str) -> &'static str {
    match declared.to_ascii_lowercase().as_str() {
        "integer" | "bigint" | "int" | "smallint" | "boolean" => "integer",
        "text" | "character varying" => "text",
        "blob" | "bytea" => "bytes",
        "real" | "double precision" => "real",
        other => panic!("a column type the guards do not know: {other}"),
    }
}

/// The tables and columns of a migrated SQLite database.
fn sqlite_schema(path: &str) -> Schema {
    let connection = rusqlite::Connection::open(path).expect("open");
    let mut tables = connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .expect("prepare");
    let names: Vec<String> = tables.query_map([], |r| r.get(0)).expect("tables").map(|n| n.expect("name")).collect();
    names
        .into_iter()
        .map(|table| {
            let mut columns = connection.prepare(&format!("PRAGMA table_info({table})")).expect("prepare");
            let columns = columns
                .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
                .expect("columns")
                .map(|c| c.expect("column"))
                .map(|(name, declared)| (name, kind_of(&declared)))
                .collect();
            (table, columns)
        })
        .collect()
}

/// The tables and columns of a migrated PostgreSQL database (its own version table aside).
fn postgres_schema(url: &str) -> Schema {
    let rows = std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let mut client = ::postgres::Client::connect(url, ::postgres::NoTls).expect("connect");
                client
                    .query(
                        "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
                         WHERE table_schema = 'public' AND table_name <> 'consulta_schema'",
                        &[],
                    )
                    .expect("columns")
            })
            .join()
            .expect("the schema is read")
    });
    let mut schema = Schema::new();
    for row in rows {
        let declared: String = row.get(2);
        schema.entry(row.get(0)).or_default().insert(row.get(1), kind_of(&declared));
    }
    schema
}

/// What `copy::TABLES` says of the schema, and the tables it leaves out on purpose.
fn copied_schema() -> Schema {
    crate::copy::TABLES
        .iter()
        .map(|table| {
            let columns = table
                .columns
                .iter()
                .map(|(name, kind)| {
                    let kind = match kind {
                        crate::copy::Kind::Integer | crate::copy::Kind::Bool => "integer",
                        crate::copy::Kind::Text => "text",
                        crate::copy::Kind::Bytes => "bytes",
                    };
                    ((*name).to_owned(), kind)
                })
                .collect();
            (table.name.to_owned(), columns)
        })
        .collect()
}

fn without_servers_tables(mut schema: Schema) -> Schema {
    schema.retain(|table, _| !crate::copy::NOT_COPIED.contains(&table.as_str()));
    schema
}

/// Both backends' migrations make the same tables with the same columns, of the same kinds; and
/// the copy behind `consulta migrate`, backups and restores names every one of them, so a column
/// added to a migration and forgotten in `copy::TABLES` fails here rather than vanish from a
/// migrated record.
#[test]
fn both_schemas_agree_and_the_copy_covers_every_table_and_column() {
    let Some(sqlite) = fixture(Backend::Sqlite) else { return };
    let sqlite = sqlite_schema(&sqlite.location);
    assert!(sqlite.contains_key("contributions") && sqlite.contains_key("report_details"), "{sqlite:?}");
    assert_eq!(without_servers_tables(sqlite.clone()), copied_schema(), "copy::TABLES against the SQLite schema");
    let Some(postgres) = fixture(Backend::Postgres) else { return };
    let postgres = postgres_schema(&postgres.location);
    assert_eq!(postgres, sqlite, "the PostgreSQL schema against the SQLite one");
}

/// The guard fails when a column is left out of the copy.
#[test]
fn the_copy_guard_sees_a_forgotten_column() {
    let mut copied = copied_schema();
    copied.get_mut("contributions").expect("contributions").remove("sender_key");
    let Some(sqlite) = fixture(Backend::Sqlite) else { return };
    assert_ne!(without_servers_tables(sqlite_schema(&sqlite.location)), copied);
}

fn secretariat(at: &str) -> AuditActor {
    AuditActor { account: None, label: "test".into(), at: at.parse().expect("instant") }
}

fn new_statement(c: &Consultation, text: &str, origin: consulta_core::Origin) -> consulta_core::NewStatement {
    consulta_core::NewStatement {
        consultation: c.id,
        text: text.to_owned(),
        language: "en".parse().expect("en"),
        origin,
        source: None,
        external_id: None,
        proposed_by: None,
        proposed_at: "2010-10-01T12:00:00Z".parse().expect("instant"),
    }
}

fn statements_are_moderated_into_the_log_and_votes_keep_their_history(backend: Backend) {
    use consulta_core::{CastVote, Choice, Moderation, Origin, Voter};
    let Some(mut f) = fixture(backend) else { return };
    let store = &mut f.store;
    let c = store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let entity = {
        let mut tx = store.begin().expect("begin");
        let mut new = new_entity("Example Ministry", "government");
        new.country = Some("FR".parse().expect("country"));
        let entity = tx.insert_entity(&new).expect("entity");
        tx.commit().expect("commit");
        entity
    };
    let by = secretariat("2010-10-02T00:00:00Z");
    let drawn =
        store.add_statement(&new_statement(&c, "Interconnection costs are unfair", Origin::Secretariat), Some(&by));
    let drawn = drawn.expect("the secretariat's statement");
    assert_eq!(drawn.moderation, Moderation::Accepted);
    let public = store.participant(c.id, &Voter::Anonymous("ab".repeat(32)), None, by.at).expect("participant");
    let mut proposal = new_statement(&c, "Privacy needs a global framework", Origin::Participant);
    proposal.proposed_by = Some(public);
    let proposed = store.add_statement(&proposal, None).expect("proposed");
    assert_eq!(proposed.moderation, Moderation::Pending);
    assert_eq!(store.log_size().expect("size"), 1, "only the accepted statement is in the log");
    let vote = |statement, choice| CastVote { participant: public, statement, choice, cast_at: by.at };
    assert!(matches!(store.cast_vote(&vote(proposed.id, Choice::Agree)), Err(StoreError::NotVotable(_))));
    store.moderate_statement(proposed.id, None, &by).expect("accepted").expect("found");
    assert!(matches!(store.moderate_statement(proposed.id, Some("no"), &by), Err(StoreError::AlreadyModerated(_))));
    let third = store.add_statement(&new_statement(&c, "Off topic", Origin::Participant), None).expect("third");
    let rejected = store.moderate_statement(third.id, Some("Off topic"), &by).expect("rejected").expect("found");
    assert_eq!((rejected.moderation, rejected.rejection_reason.as_deref()), (Moderation::Rejected, Some("Off topic")));
    assert_eq!(store.log_size().expect("size"), 2);
    let accepted: Vec<_> = store.statements(c.id, Some(Moderation::Accepted)).expect("statements");
    assert_eq!(accepted.iter().map(|s| s.id).collect::<Vec<_>>(), [drawn.id, proposed.id]);

    store.cast_vote(&vote(drawn.id, Choice::Disagree)).expect("vote");
    store.cast_vote(&vote(drawn.id, Choice::Agree)).expect("the same participant changes its mind");
    store.cast_vote(&vote(proposed.id, Choice::Pass)).expect("vote");
    let verified = store.participant(c.id, &Voter::Verified(entity.id), Some(&entity), by.at).expect("verified");
    assert_eq!(store.participant(c.id, &Voter::Verified(entity.id), Some(&entity), by.at).expect("again"), verified);
    store.cast_vote(&CastVote { participant: verified, ..vote(drawn.id, Choice::Agree) }).expect("vote");
    assert_eq!(store.votes(c.id).expect("votes").len(), 4, "every vote is kept");
    let (last_vote, statements, accepted) = store.agreement_mark(c.id).expect("mark");
    assert!(last_vote > 0);
    assert_eq!((statements, accepted), (3, 2));
    assert_eq!(store.votes_of(public).expect("latest"), [(drawn.id, Choice::Agree), (proposed.id, Choice::Pass)]);
    let participants = store.participants(c.id).expect("participants");
    let government = participants.iter().find(|p| p.id == verified).expect("the verified participant");
    assert_eq!(government.group.as_ref().map(|g| g.as_str()), Some("government"));
    assert_eq!(government.country.map(|c| c.as_str().to_owned()), Some("FR".to_owned()));

    let check = crate::check::check_log(&**store, &[], &mut |_| {}).expect("check");
    assert_eq!((check.log_size, check.problems.clone()), (2, vec![]));
    let head = store.tree_head(by.at).expect("head");
    let inclusion = store.statement_inclusion(proposed.id, 2).expect("proof").expect("in the log");
    let record = store.statement_record(proposed.id).expect("record").expect("found");
    assert_eq!(inclusion.record_sha256, consulta_log::sha256(&record.to_bytes()));
    let leaf = consulta_log::leaf_hash(&inclusion.record_sha256);
    assert!(consulta_log::verify_inclusion(&leaf, inclusion.leaf_index, 2, &inclusion.proof, &head.root));
    assert_eq!(store.statement_inclusion(third.id, 2).expect("none"), None, "a rejected statement has no leaf");
    assert_eq!(store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit").total, 3);
}

fn a_conversation_is_imported_whole_or_not_at_all(backend: Backend) {
    use consulta_core::{Choice, Moderation, Origin};
    let Some(mut f) = fixture(backend) else { return };
    let store = &mut f.store;
    let c = store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let at: Timestamp = "2014-06-18T01:00:00Z".parse().expect("instant");
    let imported = |id: &str, accepted: bool| ImportedStatement {
        new: consulta_core::NewStatement {
            external_id: Some(id.to_owned()),
            ..new_statement(&c, &format!("Comment {id}"), Origin::Imported)
        },
        accepted,
        rejection_reason: (!accepted).then(|| "moderated out".to_owned()),
    };
    let import = ConversationImport {
        consultation: c.id,
        source: "test".into(),
        statements: vec![imported("0", true), imported("1", false), imported("2", true)],
        participants: (0..300).map(|p| (p.to_string(), at)).collect(),
        votes: (0..600)
            .map(|i| ImportedVote { participant: i % 300, statement: (i % 2) * 2, choice: Choice::Agree, cast_at: at })
            .collect(),
    };
    let by = secretariat("2020-01-01T00:00:00Z");
    let wrote = store.import_conversation(&import, &by).expect("import");
    assert_eq!(wrote, ImportedConversation { statements: 3, accepted: 2, participants: 300, votes: 600 });
    assert_eq!(store.statements(c.id, Some(Moderation::Rejected)).expect("rejected").len(), 1);
    assert_eq!(store.votes(c.id).expect("votes").len(), 600);
    assert_eq!(store.log_size().expect("size"), 2);
    let before = store.row_counts().expect("counts");
    assert!(matches!(store.import_conversation(&import, &by), Err(StoreError::AlreadyImported)));
    assert_eq!(store.row_counts().expect("counts"), before, "a refused import writes nothing");
}

/// Two consultations: four contributions to the first, one to the other.
fn letters(store: &mut PooledStore) -> (Consultation, Consultation, Vec<ContributionId>, ContributionId) {
    let c = store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let other = store.create_consultation(&new_consultation("other")).expect("create");
    let mut tx = store.begin().expect("begin");
    let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
    let ids: Vec<ContributionId> =
        (0..4).map(|_| tx.insert_contribution(&contribution(&c, &entity, Channel::Written)).expect("insert")).collect();
    let stranger = tx.insert_contribution(&contribution(&other, &entity, Channel::Written)).expect("insert");
    tx.commit().expect("commit");
    (c, other, ids, stranger)
}

fn a_consultations_campaigns_are_written_whole_and_only_of_its_contributions(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let store = &mut f.store;
    let (c, _, ids, stranger) = letters(store);
    let members = [(ids[0], ids[0]), (ids[2], ids[0]), (ids[3], ids[0])];
    store.set_campaigns(c.id, &members).expect("written");
    assert_eq!(store.campaign_members(c.id).expect("read"), members);
    assert_eq!(store.campaigns_mark(c.id).expect("mark"), (3, 3 * ids[0].0));
    assert_eq!(store.campaign_of(ids[2]).expect("read"), Some((ids[0], 3)));
    assert_eq!(store.campaign_of(ids[1]).expect("read"), None);
    // Counted, broken down and listed as the public reads them: a withheld member left out.
    let by = AuditActor::command_line("test", Timestamp::now());
    store.set_withheld(ids[2], Some("spam"), &by).expect("withheld");
    let sent: Timestamp = "2010-10-01T12:00:00Z".parse().expect("instant");
    assert_eq!(
        store.campaign_summaries(c.id).expect("summaries"),
        [crate::CampaignSummary { campaign: ids[0], size: 2, first_seen: sent, last_seen: sent }]
    );
    assert_eq!(
        store.campaign_breakdown(ids[0]).expect("breakdown"),
        [crate::CampaignFacet {
            group: "civil_society".parse().expect("group"),
            country: None,
            channel: Channel::Written,
            members: 2
        }]
    );
    assert_eq!(store.campaign_member_ids(ids[0]).expect("ids"), [ids[0], ids[3]]);
    assert_eq!(store.campaign_summary(c.id, ids[0]).expect("one").map(|s| s.size), Some(2));
    assert_eq!(store.campaign_summary(c.id, ids[1]).expect("none"), None, "not a campaign");
    let civil_society: consulta_core::StakeholderGroupId = "civil_society".parse().expect("group");
    assert_eq!(
        store.campaign_reach(c.id).expect("reach"),
        crate::CampaignReach { groups: vec![(civil_society, 2, 1)], campaigns: 1 }
    );
    let mut of = store.campaigns_of(&[ids[3], ids[1], ids[2]]).expect("campaigns of");
    of.sort();
    assert_eq!(of, [(ids[2], ids[0]), (ids[3], ids[0])], "a contribution of its own has none");
    store.set_campaigns(c.id, &[(ids[1], ids[1]), (ids[3], ids[1])]).expect("written again");
    assert_eq!(store.campaign_members(c.id).expect("read"), [(ids[1], ids[1]), (ids[3], ids[1])], "replaced whole");
    let refused = store.set_campaigns(c.id, &[(ids[0], ids[0]), (stranger, ids[0])]);
    assert!(matches!(refused, Err(StoreError::NotInConsultation(_))), "{refused:?}");
    assert_eq!(store.campaign_members(c.id).expect("read").len(), 2, "a refused write changes nothing");
}

fn campaigns_change_member_by_member_and_keep_the_secretariats_notes(backend: Backend) {
    let Some(mut f) = fixture(backend) else { return };
    let store = &mut f.store;
    let (c, other, ids, stranger) = letters(store);
    store.set_campaigns(c.id, &[(ids[0], ids[0]), (ids[1], ids[0])]).expect("written");
    // A third member joins, and the second leaves.
    store.change_campaigns(c.id, &[(ids[2], Some(ids[0])), (ids[1], None)]).expect("changed");
    assert_eq!(store.campaign_members(c.id).expect("read"), [(ids[0], ids[0]), (ids[2], ids[0])]);
    let refused = store.change_campaigns(c.id, &[(ids[3], Some(ids[0])), (stranger, Some(ids[0]))]);
    assert!(matches!(refused, Err(StoreError::NotInConsultation(_))), "{refused:?}");
    assert_eq!(store.campaign_members(c.id).expect("read").len(), 2, "a refused change changes nothing");

    assert_eq!(store.campaigns_followed().expect("read"), 0);
    store.set_campaigns_followed(41).expect("set");
    store.set_campaigns_followed(42).expect("set again");
    assert_eq!(store.campaigns_followed().expect("read"), 42);

    let by = AuditActor::command_line("test", Timestamp::now());
    let note = consulta_core::CampaignNote::new("Letter A", "From an association's members.").expect("note");
    store.set_campaign_note(ids[0], Some(&note), &by).expect("named");
    assert_eq!(store.campaign_note(ids[0]).expect("read"), Some(note.clone()));
    assert_eq!(store.campaign_notes(c.id).expect("read"), [(ids[0], note)]);
    assert!(store.campaign_notes(other.id).expect("read").is_empty());
    store.set_campaign_note(ids[0], None, &by).expect("removed");
    assert_eq!(store.campaign_note(ids[0]).expect("read"), None);
    let audit = store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit");
    let actions: Vec<&str> = audit.items.iter().map(|a| a.entry.action.as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "campaign.note").count(), 2, "{actions:?}");
}

fn a_draft_is_kept_whole_by_its_symbol_and_audited(backend: Backend) {
    use consulta_drafting::{Draft, Item, Section, SectionKind};
    let Some(mut f) = fixture(backend) else { return };
    let store = &mut f.store;
    let c = store.create_consultation(&new_consultation("ec-2010")).expect("create");
    let text = Draft {
        title: "Draft opinion 6".into(),
        place_and_date: None,
        author: "The Forum,".into(),
        sections: vec![Section {
            kind: SectionKind::Operative,
            phrase: "invites".into(),
            addressees: Some("Member States".into()),
            items: vec![Item::Numbered {
                text: "to act;".into(),
                items: vec![Item::Quoted { number: Some("20".into()), text: "Invites".into() }],
            }],
        }],
    };
    let by = AuditActor::command_line("test", Timestamp::now());
    let new = NewDraft { consultation: c.id, symbol: "WTPF-13/6", language: "en", text: &text };
    let stored = store.add_draft(&new, &by).expect("recorded");
    assert_eq!((stored.revision, stored.status.as_str()), (0, "proposal"));
    let size_before = store.tree_head(jiff::Timestamp::now()).expect("head").size;
    let found = store.draft_by_symbol("WTPF-13/6").expect("read").expect("found");
    assert_eq!(found.text, text, "the structure round-trips whole");
    assert_eq!(found.id, stored.id);
    assert_eq!(store.draft_revision(stored.id, 0).expect("read"), Some(text.clone()));
    assert_eq!(store.draft_revision(stored.id, 1).expect("read"), None);
    assert_eq!(store.drafts(c.id).expect("read").len(), 1);
    assert!(store.draft_by_symbol("nope").expect("read").is_none());
    assert!(matches!(store.add_draft(&new, &by), Err(StoreError::DuplicateDraft(_))), "one draft a symbol");
    let audit = store.audit_log(PageRequest { offset: 0, limit: 10 }).expect("audit");
    let imports = audit.items.iter().filter(|a| a.entry.action == "draft.import").count();
    assert_eq!(imports, 1, "the refused import is not audited");

    // Amendments: proposed by an entity or the secretariat, supported and opposed (a later
    // stance replacing an earlier one), decided in one revision; a decided one cannot be again.
    let mut tx = store.begin().expect("begin");
    let entity = tx.insert_entity(&new_entity("Example Org", "civil_society")).expect("entity");
    tx.commit().expect("commit");
    let place: consulta_drafting::Place = "1/a".parse().expect("place");
    let amendment = consulta_drafting::Amendment {
        place,
        change: consulta_drafting::Change::Replace { from: "act".into(), to: "cooperate".into() },
    };
    let first = store.propose_amendment(stored.id, &amendment, "Clearer.", Some(entity.id), &by).expect("proposed");
    let second = store
        .propose_amendment(
            stored.id,
            &consulta_drafting::Amendment { change: consulta_drafting::Change::Delete, ..amendment.clone() },
            "",
            None,
            &by,
        )
        .expect("proposed");
    assert_eq!((first.number, second.number), (1, 2), "numbered in the draft");
    assert_eq!((first.leaf_index, second.leaf_index), (size_before, size_before + 1), "each a leaf of the log");
    let record = store.amendment_record(first.id).expect("read").expect("a record");
    assert_eq!(consulta_log::sha256(&record.to_bytes()), first.record_sha256);
    assert_eq!(
        (record.draft.as_str(), record.number, record.proposer.as_deref()),
        ("WTPF-13/6", 1, Some("Example Org"))
    );
    let inclusion = store.amendment_inclusion(second.id, size_before + 2).expect("proof").expect("in the log");
    assert_eq!((inclusion.leaf_index, inclusion.record_sha256), (second.leaf_index, second.record_sha256));
    assert!(crate::check::check_log(&**store, &[], &mut |_| {}).expect("checked").problems.is_empty());
    let mark = store.drafts_and_bodies_mark(c.id).expect("mark");
    store.take_stance(stored.id, first.number, entity.id, false, &by).expect("opposed");
    assert_ne!(store.drafts_and_bodies_mark(c.id).expect("mark"), mark, "a stance changes what open data follows");
    store.take_stance(stored.id, first.number, entity.id, true, &by).expect("supports after all");
    let listed = store.draft_amendments(stored.id).expect("read");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].leaf_index, Some(first.leaf_index));
    assert_eq!(listed[0].amendment, amendment);
    assert_eq!(listed[0].proposer.as_ref().map(|(_, n)| n.as_str()), Some("Example Org"));
    assert_eq!((listed[0].supporters.len(), listed[0].opponents.len()), (1, 0), "one stance an entity");
    assert_eq!(listed[1].proposer, None, "the secretariat's");
    let revised = consulta_drafting::Draft { title: "Revised".into(), ..text.clone() };
    let agreed: Vec<consulta_drafting::Place> = vec!["1/a".parse().expect("place")];
    let decided =
        crate::Revised { text: &revised, accepted: &[first.number], rejected: &[second.number], agreed: &agreed };
    assert_eq!(store.revise_draft(stored.id, &decided, &by).expect("revised"), 1);
    let found = store.draft_by_symbol("WTPF-13/6").expect("read").expect("found");
    assert_eq!((found.revision, found.status.as_str(), found.text.title.as_str()), (1, "negotiation", "Revised"));
    assert_eq!(found.agreed, agreed, "marks carried to the new revision");
    let listed = store.draft_amendments(stored.id).expect("read");
    assert_eq!((listed[0].status.as_str(), listed[0].decided_revision), ("accepted", Some(1)));
    assert_eq!(listed[1].status.as_str(), "rejected");
    let again = crate::Revised { text: &text, accepted: &[first.number], rejected: &[], agreed: &[] };
    assert!(matches!(store.revise_draft(stored.id, &again, &by), Err(StoreError::NotPending(1))));
    assert_eq!(store.draft_by_symbol("WTPF-13/6").expect("read").expect("found").revision, 1, "nothing written");
    store.mark_agreed(stored.id, &agreed[0], false, &by).expect("mark taken back");
    assert!(store.draft_by_symbol("WTPF-13/6").expect("read").expect("found").agreed.is_empty());

    // A merge closes the amendments it combines; an adopted draft takes no more amendments.
    let third = store.propose_amendment(stored.id, &amendment, "", None, &by).expect("proposed");
    let fourth = store.propose_amendment(stored.id, &amendment, "", Some(entity.id), &by).expect("proposed");
    let merged =
        store.merge_amendments(stored.id, &[third.number, fourth.number], &amendment, "Both.", &by).expect("merged");
    let listed = store.draft_amendments(stored.id).expect("read");
    assert_eq!((listed[2].status.as_str(), listed[2].merged_into), ("merged", Some(merged.number)));
    assert_eq!(listed[4].status.as_str(), "pending");
    store.set_draft_status(stored.id, consulta_drafting::DraftStatus::Adopted, &by).expect("status");
    assert!(matches!(
        store.propose_amendment(stored.id, &amendment, "", None, &by),
        Err(StoreError::DraftClosed("adopted"))
    ));
    assert!(crate::check::check_log(&**store, &[], &mut |_| {}).expect("checked").problems.is_empty());
}

fn a_body_keeps_its_rules_nominations_pins_and_terms(backend: Backend) {
    use crate::{Membership, NewBody, NewNomination};
    let Some(mut f) = fixture(backend) else { return };
    let store = &mut f.store;
    let c = store.create_consultation(&new_consultation("wg-2013")).expect("create");
    let by = AuditActor::command_line("test", Timestamp::now());
    let new =
        NewBody { consultation: c.id, slug: "wgec", name: "WGEC", mandate: "Enhanced cooperation", term_years: 2 };
    let body = store.add_body(&new, &by).expect("recorded");
    assert!(matches!(store.add_body(&new, &by), Err(StoreError::DuplicateBody(_))), "one body a slug");
    store.set_body_rules(body.id, "total 2\n", consulta_composition::Objective::SpreadCountries, &by).expect("rules");
    let found = store.body_by_slug("wgec").expect("read").expect("found");
    assert_eq!(
        (found.rules.as_str(), found.objective),
        ("total 2\n", consulta_composition::Objective::SpreadCountries)
    );
    assert_eq!(store.bodies(c.id).expect("read").len(), 1);
    let nomination = |person: &str| NewNomination {
        person: person.into(),
        nominator: None,
        process: Some("Selection (example)".into()),
        stakeholder_group: "civil_society".into(),
        country: Some("FR".parse().expect("a country")),
        gender: "female".into(),
        expertise: vec!["policy".into(), "law".into()],
        statement: String::new(),
        priority: 1,
    };
    let mark = store.drafts_and_bodies_mark(c.id).expect("mark");
    let ids = store.nominate(body.id, &[nomination("A"), nomination("B")], &by).expect("nominated");
    assert_ne!(store.drafts_and_bodies_mark(c.id).expect("mark"), mark, "open data follows the body's changes");
    let listed = store.nominations(body.id).expect("read");
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].nomination, nomination("A"), "kept whole");
    store.set_pin(body.id, ids[1], consulta_composition::Pin::Out, &by).expect("pinned");
    assert_eq!(store.nominations(body.id).expect("read")[1].pin, consulta_composition::Pin::Out);
    assert!(matches!(
        store.set_pin(body.id, 999, consulta_composition::Pin::In, &by),
        Err(StoreError::NotANomination(999))
    ));
    let start: jiff::civil::Date = "2013-05-01".parse().expect("date");
    let end: jiff::civil::Date = "2015-05-01".parse().expect("date");
    let chair = Membership { nomination: ids[0], start, end, role: consulta_composition::Role::Chair };
    store.seat(body.id, std::slice::from_ref(&chair), &by).expect("seated");
    assert_eq!(store.memberships(body.id).expect("read"), [chair]);
    let rotation = vec!["ITU".to_owned(), "UNESCO".to_owned(), "UNDP".to_owned()];
    store.set_chair_rotation(body.id, &rotation, &by).expect("rotation");
    assert_eq!(store.body_by_slug("wgec").expect("read").expect("found").chair_rotation, rotation);
    let stranger = Membership { nomination: 999, start, end, role: consulta_composition::Role::Member };
    assert!(matches!(store.seat(body.id, &[stranger], &by), Err(StoreError::NotANomination(999))));
    let audit = store.audit_log(PageRequest { offset: 0, limit: 20 }).expect("audit");
    let actions: Vec<&str> = audit.items.iter().map(|a| a.entry.action.as_str()).collect();
    for action in ["body.create", "body.rules", "body.nominate", "body.pin", "body.seat", "body.chair_rotation"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}

fn forum_items_keep_their_fields_threads_and_moderation(backend: Backend) {
    use crate::{ForumItemId, NewForumItem};
    use consulta_followup::ForumFields;
    let Some(mut f) = fixture(backend) else { return };
    let by = AuditActor::command_line("test", Timestamp::now());
    let mut tx = f.store.begin().expect("begin");
    let ngo = tx.insert_entity(&new_entity("Example Network", "civil_society")).expect("entity");
    let fund = tx.insert_entity(&new_entity("Example Fund", "international_organization")).expect("entity");
    tx.commit().expect("commit");
    let store = &mut f.store;
    let project = ForumFields {
        kind: "project".into(),
        title: "Community networks in rural districts".into(),
        description: "Example need".into(),
        action_lines: "C2 C4".into(),
        countries: "KE UG".into(),
        budget: "150000".into(),
        contact: "projects@example.org".into(),
        ..ForumFields::default()
    }
    .check()
    .expect("a project");
    let funding = ForumFields {
        kind: "funding".into(),
        title: "Connectivity grants".into(),
        description: "Example scope".into(),
        action_lines: "C2".into(),
        regions: "african asia_pacific".into(),
        development: "ldc developing".into(),
        groups: "civil_society".into(),
        amount_min: "10000".into(),
        amount_max: "200000".into(),
        deadline: "2027-03-31".into(),
        funder: "Example Fund".into(),
        contact: "fund@example.org".into(),
        ..ForumFields::default()
    }
    .check()
    .expect("a funding source");
    let changes = store.follow_up_changes().expect("changes");
    let first = store.post_forum_item(&NewForumItem { entity: ngo.id, account: None, post: project.clone() }, &by);
    let first = first.expect("posted");
    let second = store.post_forum_item(&NewForumItem { entity: fund.id, account: None, post: funding.clone() }, &by);
    let second = second.expect("posted");
    assert!(store.follow_up_changes().expect("changes") >= changes + 2, "open data follows the forum");
    let items = store.forum_items().expect("items");
    assert_eq!(items.iter().map(|i| i.id).collect::<Vec<_>>(), [second, first], "the latest first");
    let read = store.forum_item(second).expect("read").expect("found");
    assert_eq!(
        (read.post, read.entity_name.as_str(), read.entity_group.as_str()),
        (funding, "Example Fund", "international_organization")
    );
    assert_eq!(store.forum_item(first).expect("read").expect("found").post, project);

    assert_eq!(store.reply_in_forum(first, fund.id, None, "Is the budget for equipment?", &by).expect("asked"), 1);
    assert_eq!(store.reply_in_forum(first, ngo.id, None, "Mostly: 70 %.", &by).expect("answered"), 2);
    store.moderate_forum(first, Some(1), Some("Off topic"), &by).expect("hidden");
    let thread = store.forum_replies(first).expect("thread");
    assert_eq!(
        thread.iter().map(|r| (r.number, r.entity_name.as_str())).collect::<Vec<_>>(),
        [(1, "Example Fund"), (2, "Example Network")]
    );
    assert_eq!(thread[0].hidden.as_ref().map(|h| h.reason.as_str()), Some("Off topic"));
    assert_eq!(store.forum_item(first).expect("read").expect("found").replies, 2);
    store.moderate_forum(first, Some(1), None, &by).expect("shown again");
    assert_eq!(store.forum_replies(first).expect("thread")[0].hidden, None);
    store.moderate_forum(second, None, Some("Duplicate"), &by).expect("hidden");
    assert!(store.forum_item(second).expect("read").expect("found").hidden.is_some());

    let nothing = ForumItemId(999);
    assert!(matches!(store.forum_replies(nothing), Err(StoreError::NotAForumItem(999))));
    assert!(matches!(store.reply_in_forum(nothing, ngo.id, None, "?", &by), Err(StoreError::NotAForumItem(999))));
    assert!(matches!(
        store.moderate_forum(first, Some(9), Some("x"), &by),
        Err(StoreError::NotAForumReply { number: 9, .. })
    ));
    let audit = store.audit_log(PageRequest { offset: 0, limit: 20 }).expect("audit");
    let actions: Vec<&str> = audit.items.iter().map(|a| a.entry.action.as_str()).collect();
    for action in ["forum.post", "forum.reply", "forum.hide", "forum.show"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}

fn commitments_are_imported_whole_updated_with_their_history_and_facilitators_kept_by_year(backend: Backend) {
    use crate::{CommitmentFilter, CommitmentUpdate, NewCommitment};
    use consulta_followup::{CommitmentStatus, FacilitatorRole, Progress};
    let Some(mut f) = fixture(backend) else { return };
    let store = &mut f.store;
    let by = AuditActor::command_line("test", Timestamp::now());
    let at = |p: u8| Progress::new(p).expect("in range");
    let commitment = |id: &str, parent: Option<&str>, status, progress| NewCommitment {
        external_id: Some(id.into()),
        parent_external_id: parent.map(str::to_owned),
        consultation: None,
        entity: "Example Ministry".into(),
        entity_id: None,
        title: format!("Commitment {id}"),
        description: String::new(),
        action_lines: vec!["C2".into(), "C7".into()],
        start_date: Some("2025-01-01".parse().expect("date")),
        end_date: None,
        indicator: "Schools connected".into(),
        target: "All".into(),
        status,
        progress,
        issues: if parent.is_some() { vec!["privacy".into(), "spam".into()] } else { Vec::new() },
        draft: None,
        contribution: None,
    };
    let (first, second): (Date, Date) = ("2025-12-31".parse().expect("date"), "2026-12-31".parse().expect("date"));
    // The child comes first in the file; its parent gets the smaller id all the same.
    let rows = [
        commitment("1.1", Some("1"), CommitmentStatus::InProgress, at(40)),
        commitment("1", None, CommitmentStatus::InProgress, at(20)),
    ];
    let changes = store.follow_up_changes().expect("changes");
    assert_eq!(store.import_commitments(&rows, first, &by).expect("imported"), (2, 0));
    assert!(store.follow_up_changes().expect("changes") > changes, "open data follows the record");
    let all = store.commitments(&CommitmentFilter::default()).expect("read");
    assert_eq!(all.len(), 2);
    let (parent, child) = (&all[0], &all[1]);
    assert_eq!(parent.commitment.external_id.as_deref(), Some("1"));
    assert_eq!(child.parent, Some(parent.id));
    assert_eq!(child.commitment.parent_external_id.as_deref(), Some("1"));
    assert_eq!(child.commitment.action_lines, ["C2", "C7"]);
    // A stranger parent, or an update the rules refuse, leaves the record as it was.
    let orphan = commitment("2", Some("nowhere"), CommitmentStatus::Planned, at(0));
    assert!(matches!(store.import_commitments(&[orphan], first, &by), Err(StoreError::UnknownParent { .. })));
    let back = commitment("1", None, CommitmentStatus::Planned, at(0));
    let new = commitment("3", None, CommitmentStatus::Planned, at(0));
    assert!(matches!(store.import_commitments(&[new, back], second, &by), Err(StoreError::CommitmentUpdate(_))));
    assert_eq!(store.commitments(&CommitmentFilter::default()).expect("read").len(), 2, "nothing written");
    // The same id a year later updates the commitment and keeps its history.
    let later = commitment("1", None, CommitmentStatus::InProgress, at(70));
    assert_eq!(store.import_commitments(&[later], second, &by).expect("imported"), (0, 1));
    let history = store.commitment_updates(parent.id).expect("read");
    assert_eq!(history.iter().map(|u| (u.on, u.progress.percent())).collect::<Vec<_>>(), [(first, 20), (second, 70)]);
    let done = CommitmentUpdate {
        on: second,
        status: CommitmentStatus::Achieved,
        progress: Progress::DONE,
        note: "Done".into(),
    };
    store.update_commitment(child.id, &done, &by).expect("updated");
    let reopened =
        CommitmentUpdate { on: second, status: CommitmentStatus::InProgress, progress: at(50), note: String::new() };
    assert!(matches!(store.update_commitment(child.id, &reopened, &by), Err(StoreError::CommitmentUpdate(_))));
    assert!(matches!(
        store.update_commitment(crate::CommitmentId(999), &done, &by),
        Err(StoreError::NotACommitment(999))
    ));
    let filter = |status| CommitmentFilter { status: Some(status), ..CommitmentFilter::default() };
    assert_eq!(store.commitments(&filter(CommitmentStatus::Achieved)).expect("read").len(), 1);
    let c1 = CommitmentFilter { action_line: Some("C1".into()), ..CommitmentFilter::default() };
    assert!(store.commitments(&c1).expect("read").is_empty(), "C1 is not found in C2 nor in a C12");
    let issue = |id: &str| CommitmentFilter { issue: Some(id.into()), ..CommitmentFilter::default() };
    let spam = store.commitments(&issue("spam")).expect("read");
    assert_eq!(spam.iter().map(|c| c.id).collect::<Vec<_>>(), [child.id]);
    assert_eq!(spam[0].commitment.issues, ["privacy", "spam"]);
    assert!(store.commitments(&issue("spa")).expect("read").is_empty(), "an issue is matched whole");
    // Filters by the linked entity's group and country: these commitments name no recorded one.
    let by_group = CommitmentFilter { group: Some("government".into()), ..CommitmentFilter::default() };
    assert!(store.commitments(&by_group).expect("read").is_empty());
    let by_countries =
        CommitmentFilter { countries: Some(vec!["FR".into(), "KE".into()]), ..CommitmentFilter::default() };
    assert!(store.commitments(&by_countries).expect("read").is_empty());
    // Facilitators, replaced per year and action line.
    let set = [("ITU".to_owned(), FacilitatorRole::Lead), ("UNDP".to_owned(), FacilitatorRole::CoFacilitator)];
    store.set_facilitators(2025, "C2", &set, &by).expect("set");
    store.set_facilitators(2026, "C2", &set[..1], &by).expect("set");
    store.set_facilitators(2026, "C10", &set[1..], &by).expect("set");
    assert_eq!(store.facilitators(Some(2025)).expect("read").len(), 2);
    let latest: Vec<(String, String)> =
        store.facilitators(Some(2026)).expect("read").into_iter().map(|f| (f.action_line, f.organisation)).collect();
    assert_eq!(latest, [("C2".to_owned(), "ITU".to_owned()), ("C10".to_owned(), "UNDP".to_owned())], "C2 before C10");
    let audit = store.audit_log(PageRequest { offset: 0, limit: 20 }).expect("audit");
    let actions: Vec<&str> = audit.items.iter().map(|a| a.entry.action.as_str()).collect();
    for action in ["follow_up.import", "follow_up.update", "follow_up.facilitators"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}
