//! Tests of the index against a real SQLite store in a temporary directory.

use consulta_core::{
    Channel, Consultation, ConsultationDraft, ContributionId, Identity, NewContribution, NewEntity, time::parse_instant,
};
use consulta_store::{Extraction, JobStore, RecordStore, SqliteStore, Store};

use super::*;

struct Fixture {
    dir: tempfile::TempDir,
    store: SqliteStore,
    consultation: Consultation,
}

fn fixture() -> Fixture {
    // Open a year longer than the 2010 consultation: some tests send in 2011.
    let draft = ConsultationDraft { closes: "2011-12-31".into(), ..consulta_testkit::consultation_2010() };
    let record = consulta_testkit::TempRecord::with(draft);
    let store = record.store();
    Fixture { store, consultation: record.consultation, dir: record.dir }
}

impl Fixture {
    fn contribute(
        &mut self,
        entity: &str,
        group: &str,
        country: Option<&str>,
        language: &str,
        when: &str,
        body: &str,
    ) -> ContributionId {
        let mut tx = self.store.begin().expect("begin");
        let name = entity.parse().expect("name");
        let entity = match tx.entity_by_name(&name).expect("lookup") {
            Some(e) => e,
            None => tx
                .insert_entity(&NewEntity {
                    name,
                    group: group.parse().expect("group"),
                    country: country.map(|c| c.parse().expect("country")),
                    is_example: true,
                    claimed: false,
                })
                .expect("entity"),
        };
        let id = tx
            .insert_contribution(&NewContribution {
                consultation: self.consultation.id,
                entity: entity.id,
                group: entity.group.clone(),
                channel: Channel::Written,
                on_behalf_of: None,
                meeting: None,
                submitted_at: parse_instant(when, &jiff::tz::TimeZone::UTC, consulta_core::time::DayBoundary::Start)
                    .expect("instant"),
                language: language.parse().expect("language"),
                title: format!("Contribution of {}", entity.name.as_str()),
                body: body.to_owned(),
                late: false,
                identity: Identity::Recorded,
                contact_email: None,
            })
            .expect("contribution");
        tx.commit().expect("commit");
        id
    }

    /// The example corpus: French, English, Arabic and Chinese contributions.
    fn corpus(&mut self) -> [ContributionId; 5] {
        [
            self.contribute(
                "Example Ministry",
                "government",
                Some("FR"),
                "fr",
                "2010-10-01",
                "Il faut renforcer la coopération entre les gouvernements sur les politiques publiques de l'Internet.",
            ),
            self.contribute(
                "Example Society",
                "civil_society",
                Some("KE"),
                "en",
                "2010-11-02",
                "Enhanced cooperation must include civil society. Spam and cybercrime need a global answer.",
            ),
            self.contribute(
                "Example League",
                "international_organization",
                None,
                "ar",
                "2010-11-20",
                "يجب تعزيز التعاون الدولي في مجال أمن الإنترنت",
            ),
            self.contribute(
                "Example Institute",
                "academic",
                Some("CN"),
                "zh",
                "2011-01-15",
                "我们支持加强互联网治理方面的国际合作",
            ),
            self.contribute(
                "Example Firm",
                "private_sector",
                Some("US"),
                "en",
                "2011-02-01",
                "The private sector invests in infrastructure; interconnection costs remain high.",
            ),
        ]
    }
}

fn caught_up(store: &dyn Store) -> SearchIndex {
    let index = SearchIndex::in_memory().expect("index");
    index.writer(15_000_000).expect("writer").catch_up(store, &mut |_, _| {}).expect("catch up");
    index
}

fn find(index: &SearchIndex, store: &dyn Store, query: &str) -> Vec<ContributionId> {
    let request = SearchRequest { query: query.into(), limit: 50, ..Default::default() };
    let mut ids: Vec<_> = index.search(store, &request).expect("search").hits.iter().map(|h| h.text.id).collect();
    ids.sort();
    ids
}

#[test]
fn a_french_query_finds_french_text_through_stemming_and_without_accents() {
    let mut f = fixture();
    let [french, english, ..] = f.corpus();
    let index = caught_up(&f.store);
    assert_eq!(find(&index, &f.store, "coopération renforcée"), vec![french]);
    assert_eq!(find(&index, &f.store, "COOPERATION renforcee"), vec![french]);
    assert_eq!(find(&index, &f.store, "gouvernement"), vec![french]);
    assert_eq!(find(&index, &f.store, "homme"), Vec::<ContributionId>::new());
    assert_eq!(find(&index, &f.store, "cooperation"), vec![french, english], "each in its own language");
}

#[test]
fn arabic_and_chinese_contributions_are_found_by_a_word_they_contain() {
    let mut f = fixture();
    let [_, _, arabic, chinese, _] = f.corpus();
    let index = caught_up(&f.store);
    assert_eq!(find(&index, &f.store, "الإنترنت"), vec![arabic]);
    assert_eq!(find(&index, &f.store, "التعاون"), vec![arabic]);
    assert_eq!(find(&index, &f.store, "互联网"), vec![chinese]);
    assert_eq!(find(&index, &f.store, "治理"), vec![chinese]);
    assert_eq!(find(&index, &f.store, "联网治"), vec![chinese], "pairs across word boundaries still match");
    assert_eq!(find(&index, &f.store, "网络"), Vec::<ContributionId>::new());
}

#[test]
fn phrases_exclusions_and_snippets() {
    let mut f = fixture();
    let [_, english, _, _, firm] = f.corpus();
    let index = caught_up(&f.store);
    assert_eq!(find(&index, &f.store, "\"enhanced cooperation\""), vec![english]);
    assert_eq!(find(&index, &f.store, "\"cooperation enhanced\""), Vec::<ContributionId>::new());
    assert_eq!(find(&index, &f.store, "\"Enhanced Cooperation\""), vec![english], "case and stems as for words");
    assert_eq!(find(&index, &f.store, "\"include civil society\""), vec![english], "three words");
    assert_eq!(find(&index, &f.store, "\"spam and cybercrime\""), vec![english], "a stop word inside");
    assert_eq!(find(&index, &f.store, "\"cooperation civil\""), Vec::<ContributionId>::new(), "words apart");
    assert_eq!(find(&index, &f.store, "private -spam"), vec![firm]);
    assert_eq!(find(&index, &f.store, "-spam").len(), 4, "an exclusion alone leaves out what it matches");
    let results = index
        .search(&f.store, &SearchRequest { query: "cybercrime".into(), limit: 10, ..Default::default() })
        .expect("search");
    assert_eq!(results.hits[0].snippet_html.matches("<b>cybercrime</b>").count(), 1, "{:?}", results.hits[0]);
    assert!(results.hits[0].snippet.contains("Spam and cybercrime"));
}

#[test]
fn facets_count_the_matches_and_filters_narrow_them() {
    let mut f = fixture();
    let [_, english, _, _, firm] = f.corpus();
    let index = caught_up(&f.store);
    let all = index.search(&f.store, &SearchRequest { limit: 10, ..Default::default() }).expect("search");
    assert_eq!(all.total, 5);
    let counts = |facet: Facet| -> Vec<(String, u64)> {
        all.facets.iter().find(|c| c.facet == facet).expect("facet").values.clone()
    };
    assert_eq!(counts(Facet::Language), vec![("en".into(), 2), ("ar".into(), 1), ("fr".into(), 1), ("zh".into(), 1)]);
    assert_eq!(counts(Facet::Year), vec![("2010".into(), 3), ("2011".into(), 2)]);
    assert_eq!(counts(Facet::Consultation), vec![("ec-2010".into(), 5)]);
    assert_eq!(counts(Facet::Channel), vec![("written".into(), 5)]);
    assert_eq!(counts(Facet::Country).len(), 4, "the organisation has no country");
    assert_eq!(
        counts(Facet::RegionalGroup),
        vec![("weog".into(), 2), ("african".into(), 1), ("asia_pacific".into(), 1)]
    );

    let filtered = SearchRequest {
        filters: vec![(Facet::Language, "en".into()), (Facet::Year, "2011".into())],
        limit: 10,
        ..Default::default()
    };
    let results = index.search(&f.store, &filtered).expect("search");
    assert_eq!(results.hits.iter().map(|h| h.text.id).collect::<Vec<_>>(), vec![firm]);
    let either = SearchRequest {
        filters: vec![(Facet::Group, "civil_society".into()), (Facet::Group, "private_sector".into())],
        sort: Sort::Oldest,
        limit: 10,
        ..Default::default()
    };
    let results = index.search(&f.store, &either).expect("search");
    assert_eq!(results.hits.iter().map(|h| h.text.id).collect::<Vec<_>>(), vec![english, firm]);
    assert_eq!(results.facets.iter().find(|c| c.facet == Facet::Group).expect("groups").values.len(), 2);
}

#[test]
fn sorting_and_paging() {
    let mut f = fixture();
    let ids = f.corpus();
    let index = caught_up(&f.store);
    let page = |offset, sort| -> Vec<ContributionId> {
        let request = SearchRequest { offset, limit: 2, sort, ..Default::default() };
        index.search(&f.store, &request).expect("search").hits.iter().map(|h| h.text.id).collect()
    };
    assert_eq!(page(0, Sort::Newest), vec![ids[4], ids[3]]);
    assert_eq!(page(2, Sort::Newest), vec![ids[2], ids[1]]);
    assert_eq!(page(4, Sort::Newest), vec![ids[0]]);
    assert_eq!(page(0, Sort::Oldest), vec![ids[0], ids[1]]);
    assert_eq!(page(0, Sort::Relevance), page(0, Sort::Newest), "with no words, newest first");
}

#[test]
fn withheld_contributions_leave_the_index_and_return_when_published() {
    let mut f = fixture();
    let [french, ..] = f.corpus();
    let index = SearchIndex::in_memory().expect("index");
    let mut updater = index.writer(15_000_000).expect("writer");
    updater.catch_up(&f.store, &mut |_, _| {}).expect("catch up");
    let browse = SearchRequest { limit: 10, ..Default::default() };
    // Browsing counts the whole index once per generation: withheld or published, it follows.
    assert_eq!(index.search(&f.store, &browse).expect("search").total, 5);
    f.store
        .set_withheld(
            french,
            Some("defamatory"),
            &consulta_store::AuditActor::command_line("test", jiff::Timestamp::now()),
        )
        .expect("withhold");
    // Withheld but not yet caught up: the page leaves it out all the same.
    assert_eq!(find(&index, &f.store, "gouvernements"), Vec::<ContributionId>::new());
    assert_eq!(updater.catch_up(&f.store, &mut |_, _| {}).expect("catch up"), 1);
    assert_eq!(index.len(), 4);
    let all = index.search(&f.store, &browse).expect("search");
    assert_eq!(all.total, 4);
    assert!(!all.facets.iter().flat_map(|c| &c.values).any(|(v, _)| v == "fr"), "nor in the facets");
    f.store
        .set_withheld(french, None, &consulta_store::AuditActor::command_line("test", jiff::Timestamp::now()))
        .expect("publish");
    updater.catch_up(&f.store, &mut |_, _| {}).expect("catch up");
    assert_eq!(find(&index, &f.store, "gouvernements"), vec![french]);
    let again = index.search(&f.store, &browse).expect("search");
    assert_eq!((again.total, again.hits.len()), (5, 5));
    assert!(again.facets.iter().flat_map(|c| &c.values).any(|(v, _)| v == "fr"), "back in the facets");
}

#[test]
fn attachment_text_is_searched_with_its_contribution() {
    let mut f = fixture();
    let [_, english, ..] = f.corpus();
    let mut tx = f.store.begin().expect("begin");
    let attachment = consulta_store::Attachment {
        position: 0,
        name: "annex.pdf".into(),
        media_type: "application/pdf".into(),
        size: 10,
        sha256: consulta_log::sha256(b"annex"),
    };
    tx.insert_attachment(english, &attachment).expect("attachment");
    tx.commit().expect("commit");
    let index = SearchIndex::in_memory().expect("index");
    let mut updater = index.writer(15_000_000).expect("writer");
    updater.catch_up(&f.store, &mut |_, _| {}).expect("catch up");
    assert_eq!(find(&index, &f.store, "multilingualism"), Vec::<ContributionId>::new());
    f.store.set_extraction(english, 0, &Extraction::Done("Annex: multilingualism online.".into())).expect("text");
    updater.catch_up(&f.store, &mut |_, _| {}).expect("catch up");
    assert_eq!(find(&index, &f.store, "multilingualism"), vec![english]);
    assert_eq!(index.len(), 5, "re-indexed, not duplicated");
}

#[test]
fn an_index_rebuilt_from_scratch_answers_as_the_live_one() {
    let mut f = fixture();
    let dir = f.dir.path().join("live-index");
    let live = SearchIndex::open(&dir).expect("index");
    let mut updater = live.writer(15_000_000).expect("writer");
    let ids = f.corpus();
    updater.catch_up(&f.store, &mut |_, _| {}).expect("catch up");
    f.store
        .set_withheld(ids[1], Some("spam"), &consulta_store::AuditActor::command_line("test", jiff::Timestamp::now()))
        .expect("withhold");
    f.contribute(
        "Example Ministry",
        "government",
        Some("FR"),
        "fr",
        "2011-03-01",
        "La coopération renforcée continue.",
    );
    let mut seen = Vec::new();
    updater.catch_up(&f.store, &mut |done, all| seen.push((done, all))).expect("catch up");
    assert_eq!(seen.last(), Some(&(2, 2)), "progress is told");
    assert_eq!(live.indexed_through().expect("seq"), f.store.last_change().expect("last"));

    let rebuilt = caught_up(&f.store);
    for query in ["coopération", "cooperation", "互联网", "الإنترنت", "spam", "", "-internet", "\"private sector\""]
    {
        let request = SearchRequest { query: query.into(), limit: 50, ..Default::default() };
        let a = live.search(&f.store, &request).expect("live");
        let b = rebuilt.search(&f.store, &request).expect("rebuilt");
        assert_eq!(a.total, b.total, "{query}");
        assert_eq!(a.facets, b.facets, "{query}");
        let ids = |r: &SearchResults| r.hits.iter().map(|h| h.text.id).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(ids(&a), ids(&b), "{query}");
    }

    // Another writer is refused while this one holds the index; reopening keeps its progress.
    assert!(matches!(live.writer(15_000_000), Err(IndexError::Busy(_))));
    let seq = live.indexed_through().expect("seq");
    drop(updater);
    drop(live);
    let reopened = SearchIndex::open(&dir).expect("reopen");
    assert_eq!(reopened.indexed_through().expect("seq"), seq);
    assert_eq!(reopened.len(), 5);
    let mut updater = reopened.writer(15_000_000).expect("writer");
    updater.clear().expect("clear");
    assert_eq!((reopened.len(), reopened.indexed_through().expect("seq")), (0, 0));
}

/// The classifier's terms are the search's: stop words gone (the French of the first report of
/// a wrong suggestion among them), forms of a word as one, each shown as written.
#[test]
fn the_classifier_counts_the_searchs_terms_and_never_a_stop_word() {
    use consulta_analysis::Terms;
    let french = crate::SearchTerms.terms(
        "Les États doivent agir contre le spam : la coopération doit être renforcée, et les coopérations aussi.",
        "fr",
    );
    for stop in ["les", "contre", "doit", "doivent", "le", "la", "et", "aussi"] {
        assert!(!french.values().any(|w| w.to_lowercase() == stop), "{stop}: {french:?}");
    }
    assert_eq!(french.get("spam").map(String::as_str), Some("spam"));
    let cooperation: Vec<_> = french.iter().filter(|(_, w)| w.starts_with("coopération")).map(|(t, _)| t).collect();
    assert_eq!(cooperation.len(), 1, "one term for coopération and coopérations: {french:?}");
    let english = crate::SearchTerms.terms("The accesses to access networks", "en");
    assert_eq!(english.keys().filter(|t| t.starts_with("access")).count(), 1, "{english:?}");
    assert!(!english.values().any(|w| w == "The" || w == "to"), "{english:?}");
}

#[test]
fn a_collapsed_search_shows_each_campaign_once_with_how_many_similar_match() {
    use consulta_store::CampaignStore;
    let mut f = fixture();
    let letter = "We ask that interconnection costs be shared fairly between networks.";
    let members: Vec<ContributionId> = (0..5)
        .map(|i| f.contribute(&format!("Example sender {i}"), "civil_society", None, "en", "2010-10-02", letter))
        .collect();
    let own = f.contribute("Example institute", "academic", None, "en", "2010-10-03", "Interconnection costs matter.");
    let campaign: Vec<(ContributionId, ContributionId)> = members.iter().map(|m| (*m, members[0])).collect();
    f.store.set_campaigns(f.consultation.id, &campaign).expect("campaigns");
    let index = caught_up(&f.store);
    let search = |collapse, offset| {
        let request = SearchRequest {
            query: "interconnection".into(),
            sort: Sort::Oldest,
            offset,
            limit: 10,
            collapse,
            ..Default::default()
        };
        index.search(&f.store, &request).expect("search")
    };
    let all = search(false, 0);
    assert_eq!(all.total, 6);
    assert!(all.hits.iter().all(|h| h.campaign.is_none()));
    let collapsed = search(true, 0);
    assert_eq!(collapsed.total, 2);
    assert_eq!(collapsed.hits.iter().map(|h| h.text.id).collect::<Vec<_>>(), [members[0], own]);
    assert_eq!(collapsed.hits[0].campaign, Some((members[0], 4)));
    assert_eq!(collapsed.hits[1].campaign, None);
    assert_eq!(collapsed.facets, all.facets, "facets count every match");
    assert_eq!(search(true, 1).hits.iter().map(|h| h.text.id).collect::<Vec<_>>(), [own], "pages of the folded list");
}

#[test]
fn every_hit_of_a_long_page_has_its_own_snippet() {
    let mut f = fixture();
    let mut ids = Vec::new();
    for n in 0..60 {
        let (language, body) = if n % 2 == 0 {
            ("en", format!("Point {n}: enhanced cooperation on public policy issues."))
        } else {
            ("fr", format!("Point {n}: la coopération renforcée sur les questions de politique publique."))
        };
        ids.push(f.contribute(&format!("Example body {n}"), "civil_society", None, language, "2010-09-01", &body));
    }
    let index = caught_up(&f.store);
    let request = SearchRequest { query: "cooperation".into(), limit: 100, ..Default::default() };
    let results = index.search(&f.store, &request).expect("search");
    assert_eq!(results.hits.len(), 60);
    for hit in &results.hits {
        let point = format!("Point {}:", ids.iter().position(|id| *id == hit.text.id).expect("one of them"));
        assert!(hit.snippet.starts_with(&point), "{hit:?}");
        assert_eq!(hit.snippet_html.matches("<b>").count(), 1, "{hit:?}");
    }
}
