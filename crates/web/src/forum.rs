//! The forum on projects and funding on the web (no script needed): the items with their
//! matches, one item with its reasons and its thread, the form by which a verified entity's
//! focal point posts (shown again with the error and every field kept when something is
//! wrong), answers in a thread, and the secretariat's moderation. The JSON API reads the same.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use consulta_followup::{ForumFields, ForumKind, action_lines};
use consulta_i18n::Localizer;
use consulta_report::forum::{self, ForumError, ForumItemSummary, ForumItemView, ForumQuery};
use consulta_store::{AuditActor, Store};
use serde::Deserialize;
use serde_json::json;

use crate::App;
use crate::accounts::{Visitor, acting_for, with_visitor};
use crate::forms::{self, signed_in_form};
use crate::language::RequestLanguage;
use crate::page::{Page, PageError, PageResult};

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn forum_error(error: ForumError, localizer: &Localizer) -> PageError {
    match error {
        ForumError::UnknownItem(_) | ForumError::UnknownReply { .. } => PageError::NotFound,
        ForumError::NotVerified => PageError::Forbidden,
        ForumError::Store(error) => error.into(),
        other => PageError::BadRequest(other.message(localizer)),
    }
}

/// The listing's filters as the query string gives them (empty = any).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub(crate) struct ForumParams {
    /// project or funding.
    kind: String,
    /// An action line, C1 to C11.
    action_line: String,
    /// An ISO 3166-1 country code.
    country: String,
}

impl ForumParams {
    fn query(&self) -> Result<ForumQuery, ForumError> {
        ForumQuery::read(&self.kind, &self.action_line, &self.country)
    }
}

fn kinds(localizer: &Localizer) -> serde_json::Value {
    json!({
        "project": localizer.text("forum-kind-project"),
        "funding": localizer.text("forum-kind-funding"),
    })
}

fn index(store: &dyn Store, params: &ForumParams, visitor: &Visitor, localizer: &Localizer) -> PageResult {
    let query = params.query().map_err(|e| forum_error(e, localizer))?;
    let items = forum::items(store, &query, today(), localizer).map_err(|e| forum_error(e, localizer))?;
    let option =
        |value: &str, label: String, chosen: &str| json!({ "value": value, "label": label, "chosen": value == chosen });
    let kind_options: Vec<_> = ForumKind::ALL
        .iter()
        .map(|k| option(k.as_str(), localizer.text(&format!("forum-kind-{}", k.as_str())), &params.kind))
        .collect();
    let line_options: Vec<_> = action_lines()
        .iter()
        .map(|l| option(&l.code, format!("{} {}", l.code, l.title(localizer.language())), &params.action_line))
        .collect();
    let may_post = acting_for(store, visitor)?.is_some_and(|e| forum::may_post(&e));
    Ok(Page {
        template: "forum.html",
        title: localizer.text("forum-title"),
        is_example: false,
        context: json!({
            "items": items,
            "kinds": kinds(localizer),
            "filters": [
                { "name": "kind", "label": localizer.text("forum-field-kind"), "options": kind_options },
                { "name": "action_line", "label": localizer.text("forum-field-action-lines"), "options": line_options },
            ],
            "country": params.country,
            "may_post": may_post,
            "visitor": visitor.view(),
        }),
    })
}

/// GET /forum
pub(crate) async fn index_page(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<ForumParams>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| index(store, &params, &visitor, &localizer)).await;
    app.templates.respond(&language, result)
}

fn item(store: &dyn Store, id: &str, visitor: &Visitor, localizer: &Localizer) -> PageResult {
    let id: i64 = id.parse().map_err(|_| PageError::NotFound)?;
    let view = forum::item_view(store, id, today(), localizer).map_err(|e| forum_error(e, localizer))?;
    let entity = acting_for(store, visitor)?.filter(forum::may_post);
    let date = |d: &str| d.parse().map(|d| localizer.date(d)).unwrap_or_else(|_| d.to_owned());
    let posted = date(&view.summary.posted_on);
    let deadline = view.summary.deadline.as_deref().map(date);
    let answered: Vec<String> = view.thread.iter().map(|a| date(&a.posted_on)).collect();
    Ok(Page {
        template: "forum_item.html",
        title: view.summary.title.clone(),
        is_example: view.summary.is_example,
        context: json!({
            "item": view,
            "posted": posted,
            "deadline": deadline,
            "answered": answered,
            "kinds": kinds(localizer),
            "acting_for": entity.map(|e| e.name.as_str().to_owned()),
            // The item, not a consultation, is what is invented here.
            "example_banner": "example-banner-forum",
            "secretariat": visitor.actor.may(consulta_core::Action::Administer),
            "visitor": visitor.view(),
        }),
    })
}

/// GET /forum/{id}
pub(crate) async fn item_page(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| item(store, &id, &visitor, &localizer)).await;
    app.templates.respond(&language, result)
}

/// The posting form's fields, with the visitor's token; ticked boxes (action lines, regions,
/// development statuses, stakeholder groups) come repeated and are joined as a list.
#[derive(Debug, Default)]
pub(crate) struct PostForm {
    csrf: String,
    fields: ForumFields,
}

impl forms::Posted for PostForm {
    fn token(&self) -> &str {
        &self.csrf
    }
}

impl PostForm {
    fn from_pairs(pairs: &[(String, String)]) -> PostForm {
        let mut form = PostForm::default();
        let f = &mut form.fields;
        for (name, value) in pairs {
            let add = |list: &mut String| {
                if !list.is_empty() {
                    list.push(',');
                }
                list.push_str(value.trim());
            };
            match name.as_str() {
                "csrf" => form.csrf = value.clone(),
                "kind" => f.kind = value.clone(),
                "title" => f.title = value.clone(),
                "description" => f.description = value.clone(),
                "action_lines" => add(&mut f.action_lines),
                "countries" => f.countries = value.clone(),
                "regions" => add(&mut f.regions),
                "development" => add(&mut f.development),
                "groups" => add(&mut f.groups),
                "budget" => f.budget = value.clone(),
                "amount_min" => f.amount_min = value.clone(),
                "amount_max" => f.amount_max = value.clone(),
                "deadline" => f.deadline = value.clone(),
                "funder" => f.funder = value.clone(),
                "contact" => f.contact = value.clone(),
                _ => {}
            }
        }
        form
    }
}

/// The posting form, empty or as the visitor filled it, with the error to correct.
fn post_form(
    store: &dyn Store,
    visitor: &Visitor,
    kind: ForumKind,
    form: Option<&PostForm>,
    error: Option<String>,
    localizer: &Localizer,
) -> PageResult {
    use consulta_composition::Attribute;
    use consulta_report::bodies::value_name;
    let Some(entity) = acting_for(store, visitor)?.filter(forum::may_post) else {
        return Err(forum_error(ForumError::NotVerified, localizer));
    };
    let chosen = |list: Option<&String>, value: &str| list.is_some_and(|l| l.split(',').any(|v| v == value));
    let lines: Vec<_> = action_lines()
        .iter()
        .map(|l| {
            json!({ "value": l.code, "label": format!("{} {}", l.code, l.title(localizer.language())),
                         "chosen": chosen(form.map(|f| &f.fields.action_lines), &l.code) })
        })
        .collect();
    let choices = |attribute, values: Vec<String>, list: Option<&String>| -> Vec<serde_json::Value> {
        values
            .iter()
            .map(|v| json!({ "value": v, "label": value_name(attribute, v, localizer), "chosen": chosen(list, v) }))
            .collect()
    };
    let regions = choices(
        Attribute::Region,
        consulta_core::RegionalGroup::ALL.iter().map(|r| r.as_str().to_owned()).collect(),
        form.map(|f| &f.fields.regions),
    );
    let development = choices(
        Attribute::Development,
        consulta_core::DevelopmentStatus::ALL.iter().map(|d| d.as_str().to_owned()).collect(),
        form.map(|f| &f.fields.development),
    );
    let groups = choices(
        Attribute::Group,
        store.stakeholder_groups()?.iter().map(|g| g.as_str().to_owned()).collect(),
        form.map(|f| &f.fields.groups),
    );
    let title_key = format!("forum-new-{}", kind.as_str());
    Ok(Page {
        template: "forum_new.html",
        title: localizer.text(&title_key),
        is_example: false,
        context: json!({
            "kind": kind.as_str(),
            "entity": entity.name.as_str(),
            "form": form.map(|f| &f.fields),
            "error": error,
            "lines": lines,
            "regions": regions,
            "development": development,
            "groups": groups,
            "visitor": visitor.view(),
        }),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NewParams {
    kind: String,
}

/// GET /forum/new?kind=project|funding
pub(crate) async fn new_page(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<NewParams>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let kind = params.kind.parse().unwrap_or(ForumKind::Project);
        if visitor.actor.account().is_none() {
            let next = format!("/forum/new?kind={}", kind.as_str());
            return Err(PageError::SignIn { next, ended: visitor.ended });
        }
        post_form(store, &visitor, kind, None, None, &localizer)
    })
    .await;
    app.templates.respond(&language, result)
}

/// What posting gives: the new item's address, or the form again with the error.
enum Posted {
    Item(i64),
    Again(Page),
}

/// POST /forum: a verified entity's focal point posts a project or a funding source.
pub(crate) async fn post(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let localizer = language.localizer;
    let form = PostForm::from_pairs(&pairs);
    let result = with_visitor(&app, headers, move |store, visitor| {
        let Some(account) = visitor.actor.account().cloned() else {
            return Err(PageError::SignIn { next: "/forum".to_owned(), ended: visitor.ended });
        };
        visitor.check_form(&form)?;
        let entity = acting_for(store, &visitor)?.ok_or_else(|| forum_error(ForumError::NotVerified, &localizer))?;
        let by = AuditActor::account(&account, jiff::Timestamp::now());
        match forum::post(store, &entity, Some(account.id), &form.fields, &by) {
            Ok(id) => Ok(Posted::Item(id.0)),
            Err(error @ (ForumError::Field(_) | ForumError::UnknownGroup(_))) => {
                let kind = form.fields.kind.parse().unwrap_or(ForumKind::Project);
                let message = error.message(&localizer);
                post_form(store, &visitor, kind, Some(&form), Some(message), &localizer).map(Posted::Again)
            }
            Err(error) => Err(forum_error(error, &localizer)),
        }
    })
    .await;
    match result {
        Ok(Posted::Item(id)) => Redirect::to(&format!("/forum/{id}")).into_response(),
        Ok(Posted::Again(page)) => {
            let mut response = app.templates.respond(&language, Ok(page));
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            response
        }
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct AnswerForm {
    csrf: String,
    text: String,
}

impl forms::Posted for AnswerForm {
    fn token(&self) -> &str {
        &self.csrf
    }
}

/// POST /forum/{id}/answers: a verified entity's focal point asks or answers under an item.
pub(crate) async fn answer(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<AnswerForm>,
) -> Response {
    let localizer = language.localizer;
    signed_in_form(app, language, headers, form, format!("/forum/{id}"), move |store, visitor, entity, form| {
        let entity = entity.ok_or_else(|| forum_error(ForumError::NotVerified, &localizer))?;
        let account = visitor.actor.account().ok_or(PageError::Forbidden)?;
        let by = AuditActor::account(account, jiff::Timestamp::now());
        let number = forum::reply(store, id, &entity, Some(account.id), &form.text, &by)
            .map_err(|e| forum_error(e, &localizer))?;
        Ok(format!("/forum/{id}#answer-{number}"))
    })
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ModerationForm {
    csrf: String,
    item: i64,
    /// An answer's number; empty for the item itself.
    answer: String,
    /// hide or show.
    action: String,
    reason: String,
}

impl forms::Posted for ModerationForm {
    fn token(&self) -> &str {
        &self.csrf
    }
}

/// POST /admin/forum-moderation: the secretariat hides an item or an answer, or shows it again.
pub(crate) async fn moderate(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<ModerationForm>,
) -> Response {
    let localizer = language.localizer;
    crate::accounts::secretariat_form(app, language, headers, form, "/forum", move |store, account, form| {
        let answer = match form.answer.trim() {
            "" => None,
            n => Some(n.parse().map_err(|_| PageError::NotFound)?),
        };
        let reason = (form.action == "hide").then_some(form.reason.as_str());
        let by = AuditActor::account(&account, jiff::Timestamp::now());
        forum::moderate(store, form.item, answer, reason, &by).map_err(|e| forum_error(e, &localizer))?;
        Ok(format!("/forum/{}", form.item))
    })
    .await
}

/// GET /api/v1/forum
#[utoipa::path(
    get,
    path = "/api/v1/forum",
    params(ForumParams),
    responses(
        (status = 200, description = "The forum's projects and funding sources the filters let through, the latest first, each with the items it is matched to and why", body = [ForumItemSummary]),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_items(
    State(app): State<App>,
    language: RequestLanguage,
    Query(params): Query<ForumParams>,
) -> Response {
    app.json_view(language.localizer, forum_error, move |store, l| forum::items(store, &params.query()?, today(), l))
        .await
}

/// GET /api/v1/forum/{id}
#[utoipa::path(
    get,
    path = "/api/v1/forum/{id}",
    params(("id" = i64, Path, description = "The item's number")),
    responses(
        (status = 200, description = "One item of the forum: its fields, the items it is matched to with the reasons, and its thread of questions and answers (a hidden one with the secretariat's reason in place of its content)", body = ForumItemView),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api_item(State(app): State<App>, language: RequestLanguage, Path(id): Path<i64>) -> Response {
    app.json_view(language.localizer, forum_error, move |store, l| forum::item_view(store, id, today(), l)).await
}
