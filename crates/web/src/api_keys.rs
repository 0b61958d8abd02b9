//! The secretariat's API keys for the bulk channel on the web: the keys issued (never the keys
//! themselves), the form that issues one to a recorded organisation for a consultation — the key
//! is shown on the answer to that form, once, and nowhere after — and revocation. The same
//! functions as `consulta api-key`.

use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use consulta_auth::api_keys::{DEFAULT_LINES_PER_HOUR, IssueError, issue};
use consulta_i18n::Localizer;
use consulta_store::{AuditActor, Store};
use serde::Deserialize;
use serde_json::json;

use crate::App;
use crate::accounts::{Visitor, with_visitor};
use crate::forms::Posted;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError, PageResult};

const PATH: &str = "/admin/api-keys";

/// The page: the keys, the issuing form, and the key just issued, if any.
fn page(store: &dyn Store, visitor: &Visitor, issued: Option<(i64, String)>, localizer: &Localizer) -> PageResult {
    let keys: Vec<_> = store
        .api_keys()?
        .into_iter()
        .map(|k| {
            json!({
                "id": k.id, "entity": k.entity_name, "consultation": k.consultation_slug, "label": k.label,
                "lines_per_hour": k.lines_per_hour,
                "created": k.created_at.to_zoned(jiff::tz::TimeZone::UTC).date().to_string(),
                "revoked": k.revoked_at.map(|at| at.to_zoned(jiff::tz::TimeZone::UTC).date().to_string()),
            })
        })
        .collect();
    let consultations: Vec<_> = store
        .consultations()?
        .into_iter()
        .map(|c| {
            let record = &c.record;
            json!({ "slug": record.slug.as_str(), "title": record.title.get(localizer.language(), record.original_language.primary()) })
        })
        .collect();
    Ok(Page {
        template: "admin_api_keys.html",
        title: localizer.text("api-keys-title"),
        is_example: false,
        context: json!({
            "keys": keys,
            "consultations": consultations,
            "issued": issued.map(|(id, key)| json!({ "id": id, "key": key })),
            "default_allowance": DEFAULT_LINES_PER_HOUR,
            "visitor": visitor.view(),
        }),
    })
}

/// GET /admin/api-keys
pub(crate) async fn keys_page(State(app): State<App>, language: RequestLanguage, headers: HeaderMap) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat(PATH)?;
        page(store, &visitor, None, &localizer)
    })
    .await;
    app.templates.respond(&language, result)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct IssueForm {
    csrf: String,
    consultation: String,
    entity: String,
    label: String,
    lines_per_hour: String,
}

impl Posted for IssueForm {
    fn token(&self) -> &str {
        &self.csrf
    }
}

/// POST /admin/api-keys: issues a key and answers with the page showing it, once (a redirect
/// would lose it).
pub(crate) async fn issue_key(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<IssueForm>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat(PATH)?.clone();
        visitor.check_form(&form)?;
        let allowance = match form.lines_per_hour.trim() {
            "" => DEFAULT_LINES_PER_HOUR,
            // Not a number is refused as an allowance of none is.
            text => text.parse::<u64>().unwrap_or(0),
        };
        let consultation = store.consultation_by_slug(form.consultation.trim())?.ok_or(PageError::NotFound)?;
        let by = AuditActor::account(&account, jiff::Timestamp::now());
        let issued = issue(store, &consultation, &form.entity, &form.label, allowance, &by).map_err(|e| match e {
            IssueError::Auth(e) => PageError::Internal(e.to_string()),
            refused => PageError::BadRequest(refused.describe(&localizer)),
        })?;
        page(store, &visitor, Some(issued), &localizer)
    })
    .await;
    app.templates.respond(&language, result)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RevokeForm {
    csrf: String,
    key: i64,
}

impl Posted for RevokeForm {
    fn token(&self) -> &str {
        &self.csrf
    }
}

/// POST /admin/api-key-revocations
pub(crate) async fn revoke_key(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<RevokeForm>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat(PATH)?.clone();
        visitor.check_form(&form)?;
        let by = AuditActor::account(&account, jiff::Timestamp::now());
        store.revoke_api_key(form.key, &by).map_err(|e| match e {
            consulta_store::StoreError::NotAnApiKey(n) => PageError::BadRequest(
                localizer.format("cli-api-key-none", &[("number", consulta_i18n::Arg::Number(n as f64))]),
            ),
            other => other.into(),
        })
    })
    .await;
    match result {
        Ok(()) => Redirect::to(PATH).into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}
