//! Signing in and out, and password resets (the request, the link, the new password).

use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use consulta_auth::{check_credentials, start_session, throttle, token_hash};
use consulta_core::{Account, Action, Actor};
use consulta_i18n::Localizer;
use jiff::Timestamp;
use serde_json::json;

use crate::App;
use crate::client::ClientIp;
use crate::forms;
use crate::language::RequestLanguage;
use crate::page::{Page, PageError};

use super::session::{
    QueryParams, SESSION_COOKIE, SIGN_IN_COOKIE, anonymous_form_page, anonymous_form_token, check_anonymous_form,
    cookie, internal, safe_next, session_cookie, set_cookie, with_cookie, with_visitor,
};

fn sign_in_page(next: Option<String>, csrf: &str, email: &str, message: Option<String>, localizer: &Localizer) -> Page {
    Page {
        template: "login.html",
        title: localizer.text("login-title"),
        is_example: false,
        context: json!({ "next": next, "csrf": csrf, "email": email, "message": message }),
    }
}

pub async fn login_page(
    State(app): State<App>,
    language: RequestLanguage,
    Query(params): Query<QueryParams>,
    headers: HeaderMap,
) -> Response {
    let localizer = language.localizer;
    let csrf = match anonymous_form_token(&headers) {
        Ok(token) => token,
        Err(error) => return app.templates.respond(&language, Err(error)),
    };
    let message = if params.contains_key("reset") {
        Some(localizer.text("reset-done"))
    } else if params.contains_key("ended") {
        Some(localizer.format(
            "login-session-ended",
            &[("hours", consulta_i18n::Arg::Number(consulta_auth::SESSION_HOURS as f64))],
        ))
    } else if params.contains_key("signed_out") {
        Some(localizer.text("login-signed-out"))
    } else {
        None
    };
    let page = sign_in_page(safe_next(params.get("next")), &csrf, "", message, &localizer);
    anonymous_form_page(&app, &language, Ok(page), &csrf)
}

pub async fn login(
    State(app): State<App>,
    language: RequestLanguage,
    ClientIp(client_ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<forms::SignIn>,
) -> Response {
    let localizer = language.localizer;
    if let Err(error) = check_anonymous_form(&headers, &form) {
        return app.templates.respond(&language, Err(error));
    }
    let forms::SignIn { csrf, email, password, next } = form;
    let email = email.trim().to_lowercase();
    let next = safe_next(next.as_ref());
    let client = client_ip.to_string();
    let database = app.database.clone();
    let checked = {
        let email = email.clone();
        tokio::task::spawn_blocking(move || -> Result<Option<(Account, String)>, PageError> {
            let mut store = database.connect()?;
            let now = Timestamp::now();
            if throttle::check_sign_in(&*store, &email, &client, now).is_err() {
                return Err(PageError::TooManyAttempts);
            }
            let Some(account) = check_credentials(&*store, &email, &password).map_err(internal)? else {
                throttle::sign_in_failed(&mut *store, &email, &client, now)?;
                return Ok(None);
            };
            throttle::sign_in_succeeded(&mut *store, &email, &client, now)?;
            let token = start_session(&mut *store, &account, now).map_err(internal)?;
            Ok(Some((account, token)))
        })
        .await
        .unwrap_or_else(|e| Err(PageError::Internal(e.to_string())))
    };
    match checked {
        Ok(Some((account, token))) => {
            let home = if Actor::Signed(account.clone()).may(Action::Administer) { "/admin" } else { "/" };
            let target = next.unwrap_or_else(|| home.to_owned());
            let response = with_cookie(Redirect::to(&target).into_response(), session_cookie(&app, &token));
            with_cookie(response, set_cookie(&app, SIGN_IN_COOKIE, "", 0))
        }
        Ok(None) => {
            let message = Some(localizer.text("login-failed"));
            let page = sign_in_page(next, &csrf, &email, message, &localizer);
            app.templates.respond_with_status(&language, Ok(page), StatusCode::UNAUTHORIZED)
        }
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

pub async fn logout(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::Token>,
) -> Response {
    let token = cookie(&headers, SESSION_COOKIE).map(str::to_owned);
    let ended = with_visitor(&app, headers.clone(), move |store, visitor| {
        visitor.check_form(&form)?;
        if let Some(token) = token {
            store.end_session(&token_hash(&token), Timestamp::now())?;
        }
        Ok(())
    })
    .await;
    match ended {
        Ok(()) => {
            with_cookie(Redirect::to("/login?signed_out=1").into_response(), set_cookie(&app, SESSION_COOKIE, "", 0))
        }
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

fn reset_page(token: Option<&str>, csrf: &str, message: Option<String>, done: bool, localizer: &Localizer) -> Page {
    Page {
        template: "password_reset.html",
        title: localizer.text("reset-title"),
        is_example: false,
        context: json!({ "token": token, "csrf": csrf, "message": message, "done": done }),
    }
}

/// GET /password-reset and /password-reset/{token}: ask for a link, or choose a new password.
pub async fn password_reset_page(
    State(app): State<App>,
    language: RequestLanguage,
    token: Option<Path<String>>,
    headers: HeaderMap,
) -> Response {
    let csrf = match anonymous_form_token(&headers) {
        Ok(token) => token,
        Err(error) => return app.templates.respond(&language, Err(error)),
    };
    let token = token.map(|Path(t)| t);
    let page = reset_page(token.as_deref(), &csrf, None, false, &language.localizer);
    anonymous_form_page(&app, &language, Ok(page), &csrf)
}

/// POST /password-reset: sends a link if the address has an account; the same answer either
/// way. Limited per network address and per address asked for.
pub async fn request_reset(
    State(app): State<App>,
    language: RequestLanguage,
    ClientIp(client_ip): ClientIp,
    headers: HeaderMap,
    Form(form): Form<forms::ResetRequest>,
) -> Response {
    let localizer = language.localizer;
    if let Err(error) = check_anonymous_form(&headers, &form) {
        return app.templates.respond(&language, Err(error));
    }
    let forms::ResetRequest { csrf, email } = form;
    let email = email.trim().to_lowercase();
    let base = app.public_url.as_str().to_owned();
    let client = client_ip.to_string();
    let result = with_visitor(&app, headers.clone(), move |store, _| {
        let now = Timestamp::now();
        if !throttle::allow_reset(store, &email, &client, now)? {
            return Err(PageError::TooManyAttempts);
        }
        consulta_auth::invitations::request_password_reset(store, &email, &base, now).map_err(internal)
    })
    .await;
    match result {
        Ok(()) => {
            let page = reset_page(None, &csrf, Some(localizer.text("reset-sent")), true, &localizer);
            app.templates.respond(&language, Ok(page))
        }
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// POST /password-reset/{token}: sets the new password, once, and signs out everywhere.
pub async fn reset_password(
    State(app): State<App>,
    language: RequestLanguage,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(form): Form<forms::NewPassword>,
) -> Response {
    let localizer = language.localizer;
    if let Err(error) = check_anonymous_form(&headers, &form) {
        return app.templates.respond(&language, Err(error));
    }
    let forms::NewPassword { csrf, password } = form;
    if let Err(problem) = consulta_core::access::check_password(&password) {
        let page = reset_page(
            Some(&token),
            &csrf,
            Some(consulta_auth::describe_password_problem(problem, &localizer)),
            false,
            &localizer,
        );
        return app.templates.respond_with_status(&language, Ok(page), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let result = with_visitor(&app, headers.clone(), move |store, _| {
        let hash = consulta_auth::hash_password(&password).map_err(internal)?;
        store
            .use_password_reset(&token_hash(&token), &hash, Timestamp::now())?
            .ok_or(PageError::InvitationInvalid("reset-invalid"))
    })
    .await;
    match result {
        Ok(_) => Redirect::to("/login?reset=1").into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}
