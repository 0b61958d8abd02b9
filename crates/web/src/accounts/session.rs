//! Who is asking: the session cookie read into a `Visitor`, form tokens (the session's, or a
//! double-submit cookie before sign-in), cookies, and the checks every secretariat handler starts with.

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use consulta_auth::{new_token, token_hash, tokens_match};
use consulta_core::{Account, Action, Actor, Entity};
use consulta_store::{Session, Store, StoreError};
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::App;
use crate::forms::Posted;
use crate::language::{RequestLanguage, encode};
use crate::page::{Page, PageError};

pub const SESSION_COOKIE: &str = "consulta_session";

/// The form token of the sign-in form, before there is a session (double-submit cookie).
pub(super) const SIGN_IN_COOKIE: &str = "consulta_signin";

/// The form token of a form shown to someone not signed in (sign-in, invitation, password
/// reset): kept in a cookie and echoed by the form (double submit), so another site cannot
/// post it.
pub(super) fn anonymous_form_token(headers: &HeaderMap) -> Result<String, PageError> {
    match cookie(headers, SIGN_IN_COOKIE).filter(|t| t.len() == 64) {
        Some(token) => Ok(token.to_owned()),
        None => new_token().map_err(internal),
    }
}

pub(super) fn check_anonymous_form(headers: &HeaderMap, form: &impl Posted) -> Result<(), PageError> {
    let sent = form.token();
    let expected = cookie(headers, SIGN_IN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !tokens_match(expected, sent) { Err(PageError::FormExpired) } else { Ok(()) }
}

/// A page with an anonymous form, and the cookie that holds its token.
pub(super) fn anonymous_form_page(
    app: &App,
    language: &RequestLanguage,
    page: Result<Page, PageError>,
    token: &str,
) -> Response {
    let response = app.templates.respond(language, page);
    with_cookie(response, set_cookie(app, SIGN_IN_COOKIE, token, 3600))
}

/// The value of cookie `name` in a request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
}

/// Who is asking, as the session cookie says.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub actor: Actor,
    pub session: Option<Session>,
    /// A session cookie came but its session has ended (expired, or signed out elsewhere).
    pub ended: bool,
}

impl Visitor {
    pub fn read(store: &dyn Store, headers: &HeaderMap, now: Timestamp) -> Result<Visitor, StoreError> {
        let Some(token) = cookie(headers, SESSION_COOKIE) else {
            return Ok(Visitor { actor: Actor::Anonymous, session: None, ended: false });
        };
        Ok(match store.session(&token_hash(token), now)? {
            Some(session) => {
                Visitor { actor: Actor::Signed(session.account.clone()), session: Some(session), ended: false }
            }
            None => Visitor { actor: Actor::Anonymous, session: None, ended: true },
        })
    }

    /// The secretariat account asking, or the error that sends others to sign in or away.
    pub fn secretariat(&self, path: &str) -> Result<&Account, PageError> {
        match self.actor.account() {
            Some(account) if self.actor.may(Action::Administer) => Ok(account),
            Some(_) => Err(PageError::Forbidden),
            None => Err(PageError::SignIn { next: path.to_owned(), ended: self.ended }),
        }
    }

    /// Checks the form token a signed-in visitor's form sent back.
    pub fn check_form(&self, form: &impl Posted) -> Result<(), PageError> {
        self.check_token(form.token())
    }

    pub fn check_token(&self, sent: &str) -> Result<(), PageError> {
        match &self.session {
            Some(session) if tokens_match(&session.csrf_token, sent) => Ok(()),
            _ => Err(PageError::FormExpired),
        }
    }

    /// What every page's header shows of the visitor: who, and the sign-out form's token.
    pub fn view(&self) -> Value {
        match (&self.actor, &self.session) {
            (Actor::Signed(account), Some(session)) => json!({
                "name": account.name,
                "email": account.email,
                "secretariat": self.actor.may(Action::Administer),
                "csrf": session.csrf_token,
            }),
            _ => Value::Null,
        }
    }
}

/// The visitor, and the entity it may contribute for (a focal point's), if any.
pub async fn visitor_and_entity(app: &App, headers: HeaderMap) -> Result<(Visitor, Option<Entity>), PageError> {
    with_visitor(app, headers, |store, visitor| {
        let entity = acting_for(store, &visitor)?;
        Ok((visitor, entity))
    })
    .await
}

/// The entity a focal point signed in acts for, if the visitor is one.
pub(crate) fn acting_for(store: &dyn Store, visitor: &Visitor) -> Result<Option<Entity>, StoreError> {
    match visitor.actor.account().and_then(|a| a.entity) {
        Some(id) if visitor.actor.may(Action::ActFor(id)) => store.entity(id),
        _ => Ok(None),
    }
}

/// A cookie, `Secure` whenever the instance's public URL is HTTPS (never decided by the request).
pub(crate) fn set_cookie(app: &App, name: &str, value: &str, max_age_seconds: i64) -> String {
    let secure = if app.public_url.is_https() { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age_seconds}; HttpOnly; SameSite=Lax{secure}")
}

/// The session cookie for `token`, lasting as long as a session does.
pub(super) fn session_cookie(app: &App, token: &str) -> String {
    set_cookie(app, SESSION_COOKIE, token, consulta_auth::SESSION_HOURS * 3600)
}

pub(crate) fn with_cookie(mut response: Response, cookie: String) -> Response {
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// A path to go back to after signing in: one that a browser resolves, under the WHATWG URL
/// rules, to a page of this site (browsers drop tabs and newlines and read `\\` as `/`, so
/// `/\t/evil.example` would leave it). The path given back is the parsed one.
pub(crate) fn safe_next(next: Option<&String>) -> Option<String> {
    let next = next?;
    if !next.starts_with('/') || next.chars().any(char::is_control) {
        return None;
    }
    let site = url::Url::parse("http://consulta.invalid/").ok()?;
    let resolved = site.join(next).ok()?;
    if resolved.origin() != site.origin() {
        return None;
    }
    let mut path = resolved.path().to_owned();
    if path.starts_with("//") || path.contains('\\') {
        return None;
    }
    if let Some(query) = resolved.query() {
        path.push('?');
        path.push_str(query);
    }
    Some(path)
}

pub(super) fn internal(error: impl std::fmt::Display) -> PageError {
    PageError::Internal(error.to_string())
}

/// A page's query string, for the few parameters a page reads (its forms are typed: `forms`).
pub(crate) type QueryParams = HashMap<String, String>;

/// Runs `act` on a blocking thread with the store and the visitor.
pub(crate) async fn with_visitor<T: Send + 'static>(
    app: &App,
    headers: HeaderMap,
    act: impl FnOnce(&mut dyn Store, Visitor) -> Result<T, PageError> + Send + 'static,
) -> Result<T, PageError> {
    let database = app.database.clone();
    tokio::task::spawn_blocking(move || {
        let mut store = database.connect()?;
        let visitor = Visitor::read(&*store, &headers, Timestamp::now())?;
        act(&mut *store, visitor)
    })
    .await
    .unwrap_or_else(|e| Err(PageError::Internal(e.to_string())))
}

/// A secretariat's form: checks the visitor's role and the form's token, runs `act` with the
/// account, then redirects to the address `act` gives, or shows the error page.
pub(crate) async fn secretariat_form<F: Posted>(
    app: App,
    language: RequestLanguage,
    headers: HeaderMap,
    form: F,
    path: &'static str,
    act: impl FnOnce(&mut dyn Store, Account, F) -> Result<String, PageError> + Send + 'static,
) -> Response {
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat(path)?.clone();
        visitor.check_form(&form)?;
        act(store, account, form)
    })
    .await;
    match result {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// The address to send a visitor to sign in, coming back to `next`.
pub fn sign_in_url(next: &str, ended: bool) -> String {
    format!("/login?next={}{}", encode(next), if ended { "&ended=1" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    fn next(path: &str) -> Option<String> {
        safe_next(Some(&path.to_owned()))
    }

    #[test]
    fn only_a_path_of_this_site_is_a_place_to_go_back_to() {
        assert_eq!(next("/admin"), Some("/admin".into()));
        assert_eq!(next("/admin/tags?contribution=4"), Some("/admin/tags?contribution=4".into()));
        assert_eq!(next("/a/../admin"), Some("/admin".into()));
        for off_site in [
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\n/x",
            "/\r\n/evil.example",
            "https://evil.example/",
            "evil.example",
            "/.//evil.example",
            "/%09/evil.example",
            "",
        ] {
            let found = next(off_site);
            assert!(
                found.as_deref().is_none_or(|p| url::Url::parse("http://consulta.invalid/")
                    .and_then(|site| site.join(p))
                    .is_ok_and(|u| u.host_str() == Some("consulta.invalid"))
                    && !p.starts_with("//")),
                "{off_site:?} gave {found:?}"
            );
        }
        assert_eq!(next("/\t/evil.example"), None);
        assert_eq!(next("/\n/x"), None);
    }
}
