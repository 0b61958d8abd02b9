//! Drafts as the public reads them: the text of a revision in the layout of UN drafts (verb
//! phrases in italics, items with hanging labels, quoted paragraphs set apart), the compilation
//! text with every pending amendment in brackets, two revisions compared word by word, and the
//! amendments with who proposed and supports them and their leaves in the public log; and the
//! forms with which a focal point proposes an amendment for its entity or takes a stance on one,
//! and the secretariat proposes its own (merging others into it), issues the next revision, marks
//! paragraphs agreed ad referendum and moves the draft to agreed and adopted. The JSON API is in
//! `api.rs`.

pub(crate) mod api;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use consulta_core::{Action, Entity};
use consulta_drafting::{ComparedLine, Draft, Item, LineKind, Run, compare_lines};
use consulta_drafting::{DraftStatus, Place};
use consulta_i18n::Localizer;
use consulta_report::drafts::{
    self, AmendmentView, DraftFile, DraftingError, Exported, Which, compilation_text, propose, revise, revision_label,
    revision_text,
};
use consulta_store::{Store, StoredAmendment};
use serde_json::{Value, json};

use crate::accounts::{QueryParams, Visitor, acting_for, with_visitor};
use crate::forms::signed_in_form;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError, PageResult};
use crate::{App, forms};

/// A draft's address: symbols hold slashes ("WTPF-13/6"), which the path keeps as they are.
pub(crate) fn draft_url(symbol: &str) -> String {
    format!("/drafts/{}", symbol.split('/').map(crate::language::encode).collect::<Vec<_>>().join("/"))
}

/// Items as the template sets them: each with its derived label, its text, whether it is agreed
/// ad referendum (its place among `agreed`), and its sub-items.
fn items_view(items: &[Item], depth: usize, place: &Place, agreed: &[Place]) -> Vec<Value> {
    let labels = Draft::labels(items, depth);
    let mut numbered = labels.iter();
    let mut paragraphs = 0;
    let at = |label: String| Place { section: place.section, labels: [place.labels.clone(), vec![label]].concat() };
    items
        .iter()
        .map(|item| match item {
            Item::Paragraph { text } => {
                paragraphs += 1;
                let here = at(format!("p{paragraphs}"));
                json!({ "kind": "paragraph", "text": text, "agreed": agreed.contains(&here) })
            }
            Item::Numbered { text, items } => {
                let label = numbered.next().map(|(l, _)| l.clone()).unwrap_or_default();
                let here = at(label.trim_end_matches([')', '.']).to_owned());
                json!({
                    "kind": "numbered",
                    "label": label,
                    "text": text,
                    "agreed": agreed.contains(&here),
                    "items": items_view(items, depth + 1, &here, agreed),
                })
            }
            Item::Quoted { number, text } => json!({ "kind": "quoted", "number": number, "text": text }),
        })
        .collect()
}

fn text_view(draft: &Draft, agreed: &[Place]) -> Value {
    json!({
        "title": draft.title,
        "place_and_date": draft.place_and_date,
        "author": draft.author,
        "sections": draft.sections.iter().enumerate().map(|(i, s)| json!({
            "kind": s.kind,
            "phrase": s.phrase,
            "addressees": s.addressees,
            "items": items_view(&s.items, 0, &Place { section: i + 1, labels: vec![] }, agreed),
        })).collect::<Vec<_>>(),
    })
}

/// An amendment as the template sets it: the API's view, with what the reader's language names.
fn amendment_view(amendment: &StoredAmendment, symbol: &str, localizer: &Localizer) -> Value {
    use consulta_drafting::Change;
    let (kind, words, by) = match &amendment.amendment.change {
        Change::Replace { from, to } => ("replace", from.clone(), to.clone()),
        Change::Delete => ("delete", String::new(), String::new()),
        Change::InsertAfter { text } => ("insert", String::new(), text.clone()),
    };
    let mut view = json!(AmendmentView::from(amendment));
    view["kind"] = json!(kind);
    view["words"] = json!(words);
    view["by"] = json!(by);
    view["proposer"] = json!(drafts::proposer_name(amendment, localizer));
    view["status_label"] = json!(localizer.text(&format!("draft-amendment-status-{}", amendment.status.as_str())));
    view["record"] = json!(api::amendment_address(symbol, amendment.number, "record"));
    view["akn"] = json!(format!("{}?amendment={}&format=akn", draft_url(symbol), amendment.number));
    view["receipt"] = json!(api::amendment_address(symbol, amendment.number, "receipt"));
    view
}

/// A line of a comparison as the template sets it: its kind, label and depth, its runs.
fn compared_line_view(compared: &ComparedLine) -> Value {
    let line = &compared.line;
    let (kind, label) = match &line.kind {
        LineKind::Place | LineKind::Title | LineKind::Author => ("paragraph", None),
        LineKind::Phrase { .. } => ("phrase", None),
        LineKind::Paragraph => ("item", None),
        LineKind::Numbered { label } => ("item", Some(label.clone())),
        LineKind::Quoted { number } => ("quoted", number.clone()),
    };
    let runs: Vec<Value> = compared
        .runs
        .iter()
        .map(|run| match run {
            Run::Kept(t) => json!({ "kind": "kept", "text": t }),
            Run::Inserted(t) => json!({ "kind": "inserted", "text": t }),
            Run::Deleted(t) => json!({ "kind": "deleted", "text": t }),
        })
        .collect();
    json!({ "kind": kind, "label": label, "depth": line.depth, "runs": runs })
}

/// The revision a reader asks for (`revision`, `compare`), checked against those there are.
fn revision_asked(query: &QueryParams, name: &str, latest: u32) -> Result<Option<u32>, PageError> {
    match query.get(name) {
        None => Ok(None),
        Some(value) => value
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= latest)
            .map(Some)
            .ok_or_else(|| PageError::BadRequest(format!("{name}={value}"))),
    }
}

/// What the page says after a form: `draft-done-…`.
const DONE: [&str; 6] = ["amended", "stance", "revised", "merged", "agreed", "status"];

/// GET /drafts/{symbol}: the latest revision, or `?revision=N`, `?view=compilation`, `?compare=N`.
pub(crate) async fn page(
    State(app): State<App>,
    language: RequestLanguage,
    Path(symbol): Path<String>,
    Query(query): Query<QueryParams>,
    headers: HeaderMap,
) -> Response {
    let localizer = language.localizer;
    if let Some(format) = query.get("format").cloned() {
        let result = app.page(move |store| download(store, &symbol, &query, &format, &localizer)).await;
        return match result {
            Ok((exported, media_type)) => crate::page::attachment(exported.bytes, media_type, &exported.name),
            Err(error) => app.templates.respond(&language, Err(error)),
        };
    }
    let result = with_visitor(&app, headers, move |store, visitor| {
        let entity = acting_for(store, &visitor)?;
        draft_page(store, &symbol, &query, &localizer, &visitor, entity.as_ref())
    })
    .await;
    app.templates.respond(&language, result)
}

/// A draft's file: the revision asked for (`revision`), or the compilation text
/// (`view=compilation`), as Akoma Ntoso (`format=akn`), PDF or DOCX, a comparison
/// (`compare=N`, with `revision`) as PDF or DOCX, or one amendment
/// (`amendment=N`) as an Akoma Ntoso amendment document, as `draft export` writes them.
fn download(
    store: &dyn Store,
    symbol: &str,
    query: &QueryParams,
    format: &str,
    localizer: &Localizer,
) -> Result<(Exported, &'static str), PageError> {
    let file = match format {
        "akn" => DraftFile::Akn,
        "pdf" => DraftFile::Pdf,
        "docx" => DraftFile::Docx,
        other => return Err(PageError::BadRequest(format!("format={other}"))),
    };
    let latest = drafts::draft(store, symbol).map_err(|e| drafting_error(e, localizer))?.revision;
    let amendment =
        query.get("amendment").map(|n| n.parse::<u32>().map_err(|_| PageError::BadRequest(format!("amendment={n}"))));
    let which = if let Some(number) = amendment {
        Which::Amendment(number?)
    } else if let Some(earlier) = revision_asked(query, "compare", latest)? {
        Which::Comparison { earlier, later: revision_asked(query, "revision", latest)? }
    } else if query.get("view").map(String::as_str) == Some("compilation") {
        Which::Compilation
    } else {
        revision_asked(query, "revision", latest)?.map_or(Which::Latest, Which::Revision)
    };
    let exported = drafts::export(store, symbol, which, file, localizer).map_err(|e| drafting_error(e, localizer))?;
    Ok((exported, file.media_type()))
}

fn draft_page(
    store: &dyn Store,
    symbol: &str,
    query: &QueryParams,
    localizer: &Localizer,
    visitor: &Visitor,
    entity: Option<&Entity>,
) -> PageResult {
    let draft = store.draft_by_symbol(symbol)?.ok_or(PageError::NotFound)?;
    let consultation = store.consultation(draft.consultation)?.ok_or(PageError::NotFound)?;
    let revision = revision_asked(query, "revision", draft.revision)?.unwrap_or(draft.revision);
    let shown = revision_text(store, &draft, revision).map_err(|e| drafting_error(e, localizer))?;
    let url = draft_url(&draft.symbol);
    let mut context = json!({
        "symbol": draft.symbol,
        "url": url,
        "language": draft.language,
        "status": localizer.text(&format!("draft-status-{}", draft.status.as_str())),
        "open": draft.status.is_open(),
        // The statuses the secretariat may move the draft to now (agreed once nothing is pending).
        "next_statuses": DraftStatus::ALL
            .iter()
            .filter(|s| draft.status.may_become(**s, 0).is_ok())
            .map(|s| json!({ "value": s.as_str(), "label": localizer.text(&format!("draft-status-{}", s.as_str())) }))
            .collect::<Vec<_>>(),
        "consultation": { "slug": consultation.record.slug.as_str(), "title": consultation.record.title.get(localizer.language(), consultation.record.original_language.primary()) },
        "revision": revision,
        "latest": draft.revision,
        "revisions": (0..=draft.revision).rev().map(|r| json!({
            "number": r,
            "label": revision_label(r, localizer),
            "current": r == revision,
        })).collect::<Vec<_>>(),
        "revision_label": revision_label(revision, localizer),
        "view": "text",
        "text": text_view(&shown, if revision == draft.revision { &draft.agreed } else { &[] }),
        "amendments": store.draft_amendments(draft.id)?.iter().map(|a| amendment_view(a, &draft.symbol, localizer)).collect::<Vec<_>>(),
        "visitor": visitor.view(),
        // Who may propose: a focal point for its entity, the secretariat for itself.
        "acting_for": entity.map(|e| e.name.as_str().to_owned()),
        "secretariat": visitor.actor.may(Action::Administer),
        "signed_in": visitor.actor.account().is_some(),
        "done": query.get("done").filter(|d| DONE.contains(&d.as_str())),
        "sign_in": crate::accounts::sign_in_url(&url, false),
    });
    context["pending"] =
        json!(context["amendments"].as_array().is_some_and(|a| a.iter().any(|a| a["status"] == "pending")));
    // The proposer's receipt: the amendment just recorded, with its leaf in the public log.
    if let Some(number) = query.get("amendment").and_then(|n| n.parse::<u32>().ok()) {
        let just = context["amendments"].as_array().and_then(|a| a.iter().find(|a| a["number"] == number)).cloned();
        context["receipt"] = json!(just);
    }
    if query.get("view").map(String::as_str) == Some("compilation") {
        let (text, _) = compilation_text(store, symbol, localizer).map_err(|e| PageError::Internal(e.to_string()))?;
        context["view"] = json!("compilation");
        context["compilation"] = json!(text);
    } else if let Some(earlier) = revision_asked(query, "compare", draft.revision)? {
        let before = revision_text(store, &draft, earlier).map_err(|e| drafting_error(e, localizer))?;
        context["view"] = json!("compare");
        context["compare"] = json!(earlier);
        context["compare_label"] = json!(revision_label(earlier, localizer));
        // The title is the page's heading already.
        let lines = compare_lines(&before, &shown);
        context["lines"] = lines.iter().filter(|l| l.line.kind != LineKind::Title).map(compared_line_view).collect();
    }
    Ok(Page {
        template: "draft.html",
        title: localizer.format("draft-page-title", &[("symbol", draft.symbol.clone().into())]),
        is_example: consultation.record.is_example,
        context,
    })
}

/// A consultation's drafts, for its page: symbol, title, address and revision.
pub(crate) fn drafts_of(
    store: &dyn Store,
    consultation: consulta_core::ConsultationId,
    localizer: &Localizer,
) -> Result<Vec<Value>, PageError> {
    Ok(store
        .drafts(consultation)?
        .iter()
        .map(|d| {
            json!({
                "symbol": d.symbol,
                "title": d.text.title,
                "language": d.language,
                "url": draft_url(&d.symbol),
                "revision": revision_label(d.revision, localizer),
            })
        })
        .collect())
}

fn drafting_error(error: DraftingError, localizer: &Localizer) -> PageError {
    match error {
        DraftingError::UnknownDraft(_) | DraftingError::NoRevision { .. } | DraftingError::NoAmendment { .. } => {
            PageError::NotFound
        }
        DraftingError::Store(error) => error.into(),
        DraftingError::Render(detail) => PageError::Internal(detail),
        other => PageError::BadRequest(other.message(localizer)),
    }
}

/// Who the audit log names for a visitor's act.
fn actor(visitor: &Visitor) -> Result<consulta_store::AuditActor, PageError> {
    let account = visitor.actor.account().ok_or(PageError::Forbidden)?;
    Ok(consulta_store::AuditActor::account(account, jiff::Timestamp::now()))
}

/// POST /draft-amendments: an amendment, for the focal point's entity or by the secretariat.
pub(crate) async fn amend(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::AmendmentForm>,
) -> Response {
    let localizer = language.localizer;
    let symbol = form.symbol.clone();
    signed_in_form(app, language, headers, form, draft_url(&symbol), move |store, visitor, entity, form| {
        if entity.is_none() && !visitor.actor.may(Action::Administer) {
            return Err(PageError::Forbidden);
        }
        let change = match form.kind.as_str() {
            "replace" => {
                consulta_drafting::Change::Replace { from: form.words.trim().to_owned(), to: form.by.trim().to_owned() }
            }
            "delete" => consulta_drafting::Change::Delete,
            "insert" => consulta_drafting::Change::InsertAfter { text: form.text.trim().to_owned() },
            _ => return Err(PageError::BadRequest(localizer.text("cli-draft-amend-which"))),
        };
        let place = form.place.parse().map_err(|e| drafting_error(DraftingError::Amend(e), &localizer))?;
        let amendment = consulta_drafting::Amendment { place, change };
        let merges = numbers(&form.merges).ok_or_else(|| PageError::BadRequest(form.merges.clone()))?;
        let (proposed, done) = if merges.is_empty() {
            let proposer = entity.map(|e| e.id);
            (propose(store, &form.symbol, &amendment, &form.justification, proposer, &actor(visitor)?), "amended")
        } else {
            // Merging is the secretariat's: a focal point's form has no such field.
            visitor.secretariat("/admin")?;
            (drafts::merge(store, &form.symbol, &merges, &amendment, &form.justification, &actor(visitor)?), "merged")
        };
        let proposed = proposed.map_err(|e| drafting_error(e, &localizer))?;
        Ok(format!("{}?done={done}&amendment={}#receipt", draft_url(&form.symbol), proposed.number))
    })
    .await
}

/// POST /draft-stances: a focal point's entity supports or opposes an amendment.
pub(crate) async fn stance(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::StanceForm>,
) -> Response {
    let localizer = language.localizer;
    let symbol = form.symbol.clone();
    signed_in_form(app, language, headers, form, draft_url(&symbol), move |store, visitor, entity, form| {
        let entity = entity.ok_or(PageError::Forbidden)?;
        let number: u32 = form.amendment.trim().parse().map_err(|_| PageError::BadRequest(form.amendment.clone()))?;
        drafts::take_stance(store, &form.symbol, number, entity.id, form.stance != "oppose", &actor(visitor)?)
            .map_err(|e| drafting_error(e, &localizer))?;
        Ok(format!("{}?done=stance#amendments", draft_url(&form.symbol)))
    })
    .await
}

/// POST /admin/draft-revisions: the secretariat's decisions, making the next revision.
pub(crate) async fn decide(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::RevisionForm>,
) -> Response {
    let localizer = language.localizer;
    let symbol = form.symbol.clone();
    signed_in_form(app, language, headers, form, draft_url(&symbol), move |store, visitor, _, form| {
        visitor.secretariat("/admin")?;
        let decided = |wanted: &str| -> Vec<u32> {
            let mut numbers: Vec<u32> = form
                .by_name
                .iter()
                .filter(|(_, decision)| decision.as_str() == wanted)
                .filter_map(|(name, _)| name.strip_prefix("decide:")?.parse().ok())
                .collect();
            numbers.sort_unstable();
            numbers
        };
        revise(store, &form.symbol, &decided("accept"), &decided("reject"), &actor(visitor)?)
            .map_err(|e| drafting_error(e, &localizer))?;
        Ok(format!("{}?done=revised", draft_url(&form.symbol)))
    })
    .await
}

/// Amendment numbers as a person types them: "3, 4" or "3 4"; None if one is not a number.
fn numbers(typed: &str) -> Option<Vec<u32>> {
    typed.split([',', ' ', ';']).filter(|n| !n.trim().is_empty()).map(|n| n.trim().parse().ok()).collect()
}

/// POST /admin/draft-agreements: the secretariat marks a paragraph agreed ad referendum, or takes
/// the mark back.
pub(crate) async fn agree(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::DraftAgreementForm>,
) -> Response {
    let localizer = language.localizer;
    let symbol = form.symbol.clone();
    signed_in_form(app, language, headers, form, draft_url(&symbol), move |store, visitor, _, form| {
        visitor.secretariat("/admin")?;
        let place = form.place.parse().map_err(|e| drafting_error(DraftingError::Amend(e), &localizer))?;
        drafts::mark_agreed(store, &form.symbol, &place, form.withdraw.is_empty(), &actor(visitor)?)
            .map_err(|e| drafting_error(e, &localizer))?;
        Ok(format!("{}?view=compilation&done=agreed", draft_url(&form.symbol)))
    })
    .await
}

/// POST /admin/draft-status: the secretariat moves the draft to negotiation, agreed or adopted.
pub(crate) async fn set_status(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::DraftStatusForm>,
) -> Response {
    let localizer = language.localizer;
    let symbol = form.symbol.clone();
    signed_in_form(app, language, headers, form, draft_url(&symbol), move |store, visitor, _, form| {
        visitor.secretariat("/admin")?;
        let status = form.status.parse().map_err(|e| drafting_error(DraftingError::Status(e), &localizer))?;
        drafts::set_status(store, &form.symbol, status, &actor(visitor)?).map_err(|e| drafting_error(e, &localizer))?;
        Ok(format!("{}?done=status", draft_url(&form.symbol)))
    })
    .await
}
