//! Tagging contributions with the issues they raise, as a secretariat works through hundreds:
//! one contribution at a time with Consulta's suggestions and why, "save and next" to the next
//! contribution still untagged in the consultation, previous and next links, filters by
//! stakeholder group and by untagged or all, and keys for each (Alt+N, Alt+P, Alt+S).

use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use consulta_analysis::{Classifier, Reason, suggest};
use consulta_core::{Consultation, ContributionId, IssueId, StakeholderGroupId};
use consulta_i18n::{Arg, Localizer};
use consulta_store::{AuditActor, ContributionFilter, PageRequest, Store};
use jiff::Timestamp;
use serde_json::json;

use crate::App;
use crate::accounts::{secretariat_form, with_visitor};
use crate::forms;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError};

/// The classifier last trained, and the tags and taxonomy it was trained on: a page view
/// retrains only when a tag or an issue has changed since (any server's change, since the key is
/// read from the store).
#[derive(Debug, Default)]
pub(crate) struct ClassifierCache(std::sync::Mutex<Option<(u64, std::sync::Arc<Classifier>)>>);

impl ClassifierCache {
    fn get(&self, store: &dyn Store, issues: &[consulta_core::Issue]) -> Result<std::sync::Arc<Classifier>, PageError> {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        store.issue_tags(None)?.hash(&mut hasher);
        issues.iter().map(|i| i.id.as_str()).collect::<Vec<_>>().hash(&mut hasher);
        let key = hasher.finish();
        let cached = self.0.lock().map_err(|_| PageError::Internal("the classifier cache".into()))?.clone();
        if let Some((cached_key, classifier)) = cached {
            if cached_key == key {
                return Ok(classifier);
            }
        }
        let classifier = std::sync::Arc::new(consulta_index::train_classifier(store, issues)?);
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some((key, classifier.clone()));
        }
        Ok(classifier)
    }
}

/// A page to show, or where to go instead.
enum Answer {
    Show(Page),
    GoTo(String),
}

/// Which contributions the triage walks through.
#[derive(Debug, Clone)]
struct Triage {
    consultation: Consultation,
    /// Untagged ones only (the default), or all.
    untagged_only: bool,
    group: Option<StakeholderGroupId>,
}

impl Triage {
    /// The triage a page's filters ask for: `consultation` (a slug; else the contribution's),
    /// `group` (empty for all) and `only` (`all`, or the untagged).
    fn from_filters(
        store: &dyn Store,
        (consultation, group, only): (&str, &str, &str),
        contribution: Option<ContributionId>,
    ) -> Result<Triage, PageError> {
        let consultation = match (Some(consultation.trim()).filter(|s| !s.is_empty()), contribution) {
            (Some(slug), _) => store.consultation_by_slug(slug)?,
            (None, Some(id)) => match store.contribution(id)? {
                Some(c) => store.consultation(c.record.consultation)?,
                None => None,
            },
            (None, None) => None,
        }
        .ok_or(PageError::NotFound)?;
        let group = match Some(group.trim()).filter(|g| !g.is_empty()) {
            // The filter offers only known groups: anything else is a hand-made address.
            Some(group) => Some(group.parse().map_err(|_| PageError::NotFound)?),
            None => None,
        };
        Ok(Triage { consultation, untagged_only: only != "all", group })
    }

    /// The query string that keeps these filters.
    fn query(&self) -> String {
        let mut query = format!("consultation={}", self.consultation.record.slug.as_str());
        if !self.untagged_only {
            query.push_str("&only=all");
        }
        if let Some(group) = &self.group {
            query.push_str(&format!("&group={group}"));
        }
        query
    }

    fn url(&self, contribution: ContributionId) -> String {
        format!("/admin/tags?contribution={}&{}", contribution.0, self.query())
    }

    /// The published contributions it walks through, in order.
    fn contributions(&self, store: &dyn Store) -> Result<Vec<ContributionId>, PageError> {
        let filter = ContributionFilter {
            consultation: Some(self.consultation.id),
            group: self.group.clone(),
            ..Default::default()
        };
        let all = store.contributions(&filter, PageRequest { offset: 0, limit: u64::from(u32::MAX) })?;
        let tagged: std::collections::HashSet<ContributionId> = if self.untagged_only {
            store.issue_tags(Some(self.consultation.id))?.into_iter().map(|(c, _)| c).collect()
        } else {
            Default::default()
        };
        let mut ids: Vec<ContributionId> =
            all.items.iter().filter(|c| !c.withheld && !tagged.contains(&c.id)).map(|c| c.id).collect();
        ids.sort();
        Ok(ids)
    }
}

/// Where `current` stands among `ids`: the one before it, the one after it, and its place.
fn neighbours(
    ids: &[ContributionId],
    current: ContributionId,
) -> (Option<ContributionId>, Option<ContributionId>, Option<usize>) {
    let previous = ids.iter().rev().find(|id| **id < current).copied();
    let next = ids.iter().find(|id| **id > current).copied();
    (previous, next, ids.iter().position(|id| *id == current))
}

/// What the held-out figures say of the classifier's suggestions, in the reader's language.
fn evaluation_note(classifier: &Classifier, localizer: &Localizer) -> String {
    let evaluation = classifier.evaluation();
    let percent = |share: f64| Arg::Number((share * 100.0).round());
    match (evaluation.precision(), evaluation.recall()) {
        (Some(precision), Some(recall)) if classifier.calibration().fitted => localizer.format(
            "tagging-evaluation",
            &[
                ("suggested", evaluation.suggested.into()),
                ("right", evaluation.right.into()),
                ("precision", percent(precision)),
                ("threshold", percent(evaluation.threshold)),
                ("recall", percent(recall)),
                ("tags", evaluation.tags.into()),
            ],
        ),
        _ => localizer.format("tagging-evaluation-too-few", &[("count", classifier.documents().into())]),
    }
}

fn reason_view(reason: &Reason, localizer: &Localizer) -> String {
    match reason {
        Reason::Term { term, language, count } => localizer.format(
            "analysis-reason-term",
            &[("term", term.as_str().into()), ("language", language.as_str().into()), ("count", (*count).into())],
        ),
        Reason::Resembles { words, examples, probability } => localizer.format(
            "analysis-reason-resembles",
            &[
                ("examples", (*examples).into()),
                ("percent", ((probability * 100.0).round() as u64).into()),
                ("words", words.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(", ").into()),
            ],
        ),
    }
}

fn contribution_number(value: &str, localizer: &Localizer) -> Result<Option<ContributionId>, PageError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .trim_start_matches('#')
        .parse()
        .map(|n| Some(ContributionId(n)))
        .map_err(|_| PageError::BadRequest(localizer.format("analysis-bad-contribution", &[("value", value.into())])))
}

/// GET /admin/tags?contribution=N or ?consultation=S (the first contribution left to tag), with
/// `only=all` and `group=G` to filter and `saved=N` after saving.
pub async fn tags_page(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(query): Query<forms::TagsQuery>,
) -> Response {
    let localizer = language.localizer;
    let classifiers = app.classifiers.clone();
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat("/admin/tags")?;
        let requested = contribution_number(&query.contribution, &localizer)?;
        let triage = Triage::from_filters(store, (&query.consultation, &query.group, &query.only), requested)?;
        let ids = triage.contributions(store)?;
        let Some(id) = requested.or_else(|| ids.first().copied()) else {
            return Ok(Answer::Show(done_page(&triage, &visitor, &localizer)));
        };
        if requested.is_none() {
            return Ok(Answer::GoTo(triage.url(id)));
        }
        let text = store.public_texts(&[id])?.into_iter().next().ok_or(PageError::NotFound)?;
        let issues = store.issues()?;
        let tagged = store.contribution_issues(id)?;
        let classifier = classifiers.get(store, &issues)?;
        let full_text = format!("{}\n{}\n{}", text.title, text.body, text.attachments_text);
        let suggestions = suggest(&full_text, &text.language, &issues, &classifier, &tagged);
        let (previous, next, position) = neighbours(&ids, id);
        let lang = localizer.language();
        let groups = store.stakeholder_groups()?;
        let consultation = &triage.consultation.record;
        Ok(Answer::Show(Page {
            template: "admin_tags.html",
            title: localizer.format("analysis-tags-title", &[("id", (id.0 as u64).into())]),
            is_example: false,
            context: json!({
                "visitor": visitor.view(),
                "id": id.0,
                "title": text.title,
                "title_lang": text.language,
                "entity": text.entity_name,
                "excerpt": text.body.chars().take(1200).collect::<String>(),
                "trained_on": classifier.documents(),
                "evaluation": evaluation_note(&classifier, &localizer),
                "citations": crate::analysis::citation_links(&full_text, &localizer),
                "saved": query.saved.as_ref().is_some_and(|s| s.trim() == id.0.to_string()),
                "saved_other": query.saved.as_ref().filter(|s| s.trim() != id.0.to_string()).cloned(),
                "consultation": consultation.slug.as_str(),
                "consultation_title": consultation.title.get(lang, consultation.original_language.primary()),
                "untagged_only": triage.untagged_only,
                "group": triage.group.as_ref().map(|g| g.as_str()),
                "groups": groups.iter().map(|g| json!({
                    "id": g.as_str(),
                    "label": localizer.text(&format!("group-{g}")),
                    "selected": triage.group.as_ref() == Some(g),
                })).collect::<Vec<_>>(),
                "previous": previous.map(|p| triage.url(p)),
                "next": next.map(|n| triage.url(n)),
                "position": position.map(|p| localizer.format(
                    if triage.untagged_only { "tagging-position-untagged" } else { "tagging-position" },
                    &[("n", (p + 1).into()), ("total", ids.len().into())],
                )),
                "remaining": localizer.format("tagging-remaining", &[("count", ids.len().into())]),
                "issues": issues.iter().map(|i| {
                    let suggestion = suggestions.iter().find(|s| s.issue == i.id);
                    json!({
                        "id": i.id.as_str(),
                        "label": i.label.get(lang, "en"),
                        "tagged": tagged.contains(&i.id),
                        "reasons": suggestion.map(|s| s.reasons.iter().map(|r| reason_view(r, &localizer)).collect::<Vec<_>>()),
                    })
                }).collect::<Vec<_>>(),
            }),
        }))
    })
    .await;
    match result {
        Ok(Answer::GoTo(to)) => Redirect::to(&to).into_response(),
        Ok(Answer::Show(page)) => app.templates.respond(&language, Ok(page)),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// The page when nothing is left to tag under the filters chosen.
fn done_page(triage: &Triage, visitor: &crate::accounts::Visitor, localizer: &Localizer) -> Page {
    let consultation = &triage.consultation.record;
    Page {
        template: "admin_tags.html",
        title: localizer.text("tagging-done-title"),
        is_example: false,
        context: json!({
            "visitor": visitor.view(),
            "done": true,
            "consultation": consultation.slug.as_str(),
            "consultation_title": consultation.title.get(localizer.language(), consultation.original_language.primary()),
            "all": format!("/admin/tags?consultation={}&only=all", consultation.slug.as_str()),
        }),
    }
}

/// POST /admin/tags: sets a contribution's issues (`issue:<id>` boxes); `then=next` goes on to
/// the next contribution left under the same filters.
pub async fn save_tags(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::TagsForm>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin/tags", move |store, account, form| {
        let id = contribution_number(&form.contribution, &localizer)?.ok_or_else(|| {
            PageError::BadRequest(localizer.format("analysis-bad-contribution", &[("value", "".into())]))
        })?;
        let mut issues: Vec<IssueId> = Vec::new();
        for name in form.ticked.keys() {
            if let Some(issue) = name.strip_prefix("issue:") {
                issues.push(issue.parse().map_err(|_| {
                    PageError::BadRequest(localizer.format("taxonomy-unknown", &[("value", issue.into())]))
                })?);
            }
        }
        let by = AuditActor::account(&account, Timestamp::now());
        match store.set_contribution_issues(id, &issues, &by) {
            Ok(true) => {}
            Ok(false) => return Err(PageError::NotFound),
            Err(consulta_store::StoreError::UnknownTaxonomy(what)) => {
                return Err(PageError::BadRequest(localizer.format("taxonomy-unknown", &[("value", what.into())])));
            }
            Err(other) => return Err(other.into()),
        }
        let triage = Triage::from_filters(store, (&form.consultation, &form.group, &form.only), Some(id))?;
        let saved = format!("saved={}", id.0);
        if form.then == "next" {
            let ids = triage.contributions(&*store)?;
            if let (_, Some(next), _) = neighbours(&ids, id) {
                return Ok(format!("{}&{saved}", triage.url(next)));
            }
            return Ok(format!("/admin/tags?{}&{saved}", triage.query()));
        }
        Ok(format!("{}&{saved}", triage.url(id)))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_are_found_whether_or_not_the_current_one_is_in_the_list() {
        let ids: Vec<ContributionId> = [2, 5, 9].into_iter().map(ContributionId).collect();
        assert_eq!(neighbours(&ids, ContributionId(5)), (Some(ContributionId(2)), Some(ContributionId(9)), Some(1)));
        // Just tagged, so no longer among the untagged: still between its neighbours.
        assert_eq!(neighbours(&ids, ContributionId(6)), (Some(ContributionId(5)), Some(ContributionId(9)), None));
        assert_eq!(neighbours(&ids, ContributionId(9)), (Some(ContributionId(5)), None, Some(2)));
        assert_eq!(neighbours(&[], ContributionId(1)), (None, None, None));
    }
}
