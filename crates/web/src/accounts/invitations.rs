//! Invitations: the secretariat's campaign (`consulta_auth::invitations`, shared with the CLI)
//! and a focal point's first visit through its link.

use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use consulta_auth::{start_session, token_hash};
use consulta_i18n::Localizer;
use consulta_store::{AuditActor, Invitation, NewAccount, Store, StoreError};
use jiff::Timestamp;
use serde_json::json;

use crate::App;
use crate::forms;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError};

use super::session::{
    anonymous_form_page, anonymous_form_token, check_anonymous_form, internal, session_cookie, with_cookie,
    with_visitor,
};

/// The invitation a link names, if it can still be used; else the page that says why.
fn usable_invitation(store: &dyn Store, token: &str, now: Timestamp) -> Result<Invitation, PageError> {
    let invitation = store.invitation(&token_hash(token))?.ok_or(PageError::InvitationInvalid("invitation-unknown"))?;
    if invitation.used_at.is_some() {
        Err(PageError::InvitationInvalid("invitation-used"))
    } else if invitation.expires_at <= now {
        Err(PageError::InvitationInvalid("invitation-expired"))
    } else {
        Ok(invitation)
    }
}

fn invitation_page(
    invitation: &Invitation,
    csrf: &str,
    name: &str,
    message: Option<String>,
    localizer: &Localizer,
) -> Page {
    Page {
        template: "invitation.html",
        title: localizer.format("invitation-title", &[("entity", invitation.entity_name.as_str().into())]),
        is_example: false,
        context: json!({
            "entity": invitation.entity_name,
            "email": invitation.email,
            "name": name,
            "csrf": csrf,
            "message": message,
        }),
    }
}

/// GET /invitations/{token}: the form that makes a focal point's account from an invitation.
pub async fn invitation(
    State(app): State<App>,
    language: RequestLanguage,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let localizer = language.localizer;
    let csrf = match anonymous_form_token(&headers) {
        Ok(token) => token,
        Err(error) => return app.templates.respond(&language, Err(error)),
    };
    let form_token = csrf.clone();
    let result = app
        .page(move |store| {
            let invitation = usable_invitation(store, &token, Timestamp::now())?;
            Ok(invitation_page(&invitation, &form_token, "", None, &localizer))
        })
        .await;
    anonymous_form_page(&app, &language, result, &csrf)
}

/// POST /invitations/{token}: creates the account, uses the link, signs in, and goes to the
/// consultation, where the form now sends in the entity's name.
pub async fn accept_invitation(
    State(app): State<App>,
    language: RequestLanguage,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(form): Form<forms::Acceptance>,
) -> Response {
    let localizer = language.localizer;
    if let Err(error) = check_anonymous_form(&headers, &form) {
        return app.templates.respond(&language, Err(error));
    }
    let forms::Acceptance { csrf, name, password } = form;
    let name = name.trim().to_owned();
    let database = app.database.clone();
    let lang = localizer.language().to_owned();
    let outcome = tokio::task::spawn_blocking(move || -> Result<Result<(String, String), Page>, PageError> {
        let mut store = database.connect()?;
        let now = Timestamp::now();
        let invitation = usable_invitation(&*store, &token, now)?;
        let problem = if name.is_empty() {
            Some(localizer.text("invitation-name-needed"))
        } else {
            consulta_core::access::check_password(&password)
                .err()
                .map(|p| consulta_auth::describe_password_problem(p, &localizer))
        };
        if let Some(message) = problem {
            return Ok(Err(invitation_page(&invitation, &csrf, &name, Some(message), &localizer)));
        }
        let password_hash = consulta_auth::hash_password(&password).map_err(internal)?;
        let new = NewAccount {
            email: invitation.email.clone(),
            name,
            role: consulta_core::Role::FocalPoint,
            entity: Some(invitation.entity),
            language: lang,
            password_hash,
        };
        let account = match store.accept_invitation(&token_hash(&token), &new, now) {
            Ok(account) => account,
            Err(StoreError::InvitationUsed) => return Err(PageError::InvitationInvalid("invitation-used")),
            Err(StoreError::InvitationExpired) => return Err(PageError::InvitationInvalid("invitation-expired")),
            Err(StoreError::DuplicateAccount(_)) => {
                return Err(PageError::InvitationInvalid("invitation-other-entity"));
            }
            Err(other) => return Err(other.into()),
        };
        let session = start_session(&mut *store, &account, now).map_err(internal)?;
        Ok(Ok((session, format!("/consultations/{}#contribute", invitation.consultation_slug))))
    })
    .await
    .unwrap_or_else(|e| Err(PageError::Internal(e.to_string())));
    match outcome {
        Ok(Ok((session, target))) => with_cookie(Redirect::to(&target).into_response(), session_cookie(&app, &session)),
        Ok(Err(page)) => app.templates.respond_with_status(&language, Ok(page), StatusCode::UNPROCESSABLE_ENTITY),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// POST /admin/invitations: an invitation campaign, as `consulta invite` runs it.
pub async fn invite(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let localizer = language.localizer;
    let base = app.public_url.as_str().to_owned();
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat("/admin")?.clone();
        let campaign = forms::Campaign::from_pairs(&pairs);
        visitor.check_form(&campaign)?;
        let consultation = store.consultation_by_slug(&campaign.consultation)?.ok_or(PageError::NotFound)?;
        let choice = consulta_auth::invitations::Choice {
            lists: campaign.lists,
            groups: campaign.groups,
            countries: campaign.countries,
            regions: campaign.regions,
        };
        let selection = consulta_auth::invitations::selection(store, &choice).map_err(|error| match error {
            consulta_auth::invitations::ChoiceError::Store(error) => PageError::from(error),
            refused => PageError::BadRequest(refused.describe(&localizer)),
        })?;
        let by = AuditActor::account(&account, Timestamp::now());
        consulta_auth::invitations::invite(store, &consultation, &selection, &base, &by).map_err(internal)
    })
    .await;
    match result {
        Ok(count) => Redirect::to(&format!("/admin?done=invited&count={count}")).into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}
