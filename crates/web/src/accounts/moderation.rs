//! Moderation: withholding a contribution or publishing it again, and attributing an unverified
//! one to a recorded entity, each audited.

use axum::extract::{Form, State};
use axum::http::HeaderMap;
use axum::response::Response;
use consulta_core::ContributionId;
use consulta_i18n::Localizer;
use consulta_store::{AuditActor, StoreError};
use jiff::Timestamp;

use crate::App;
use crate::language::RequestLanguage;
use crate::page::PageError;

use super::session::secretariat_form;
use crate::forms;

/// The contribution a secretariat's form names.
fn contribution_number(value: &str, localizer: &Localizer) -> Result<i64, PageError> {
    value.trim().parse::<i64>().map_err(|_| PageError::BadRequest(localizer.text("admin-bad-contribution")))
}

/// Withholds or publishes a contribution (POST /admin/moderation), audited.
pub async fn moderate(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::Moderation>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin", move |store, account, form| {
        let id = contribution_number(&form.contribution, &localizer)?;
        let reason = form.reason.trim();
        let withhold = form.action == "withhold";
        if withhold && reason.is_empty() {
            return Err(PageError::BadRequest(localizer.text("admin-reason-needed")));
        }
        let by = AuditActor::account(&account, Timestamp::now());
        if !store.set_withheld(ContributionId(id), withhold.then_some(reason), &by)? {
            return Err(PageError::BadRequest(
                localizer.format("cli-unknown-contribution", &[("id", id.to_string().into())]),
            ));
        }
        Ok(format!("/admin?done={}", if withhold { "withheld" } else { "published" }))
    })
    .await
}

/// Attributes an unverified contribution to a recorded entity, or takes the attribution back
/// (POST /admin/attribution), audited; back to the contribution's page.
pub async fn attribute(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::Attribution>,
) -> Response {
    use consulta_store::audited::AttributionError;
    let localizer = language.localizer;
    secretariat_form(app, language, headers, form, "/admin", move |store, account, form| {
        let id = contribution_number(&form.contribution, &localizer)?;
        let clear = form.action == "clear";
        let entity = Some(form.entity.trim()).filter(|e| !e.is_empty());
        if !clear && entity.is_none() {
            return Err(PageError::BadRequest(localizer.text("attribution-entity-needed")));
        }
        let by = AuditActor::account(&account, Timestamp::now());
        let id_arg = || consulta_i18n::Arg::Number(id as f64);
        match consulta_store::audited::attribute(store, ContributionId(id), if clear { None } else { entity }, &by) {
            Ok(_) => Ok(format!("/contributions/{id}")),
            Err(AttributionError::UnknownContribution(_)) => {
                Err(PageError::BadRequest(localizer.format("cli-unknown-contribution", &[("id", id_arg())])))
            }
            Err(AttributionError::UnknownEntity(name)) => {
                Err(PageError::BadRequest(localizer.format("cli-unknown-entity", &[("entity", name.into())])))
            }
            Err(AttributionError::Store(StoreError::NotAttributable(_))) => {
                Err(PageError::BadRequest(localizer.format("attribution-refused", &[("id", id_arg())])))
            }
            Err(AttributionError::Store(error)) => Err(error.into()),
        }
    })
    .await
}
