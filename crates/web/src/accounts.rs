//! Signing in and out, sessions and form tokens, and the secretariat's pages under /admin
//! (moderation and the audit log). Who may do what is decided by `Actor::may` in the core.

use std::collections::HashMap;

use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use consulta_auth::{check_credentials, new_token, start_session, throttle, token_hash, tokens_match};
use consulta_core::{Account, Action, Actor, ContributionId, Entity};
use consulta_i18n::Localizer;
use consulta_store::{AuditActor, Invitation, NewAccount, PageRequest, Session, Store, StoreError};
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::App;
use crate::client::ClientIp;
use crate::language::{RequestLanguage, encode};
use crate::pages::{Page, PageError};

pub const SESSION_COOKIE: &str = "consulta_session";
/// The form token of the sign-in form, before there is a session (double-submit cookie).
const SIGN_IN_COOKIE: &str = "consulta_signin";

/// The form token of a form shown to someone not signed in (sign-in, invitation, password
/// reset): kept in a cookie and echoed by the form (double submit), so another site cannot
/// post it.
fn anonymous_form_token(headers: &HeaderMap) -> Result<String, PageError> {
    match cookie(headers, SIGN_IN_COOKIE).filter(|t| t.len() == 64) {
        Some(token) => Ok(token.to_owned()),
        None => new_token().map_err(internal),
    }
}

fn check_anonymous_form(headers: &HeaderMap, fields: &Fields) -> Result<(), PageError> {
    let sent = fields.get("csrf").map(String::as_str).unwrap_or_default();
    let expected = cookie(headers, SIGN_IN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !tokens_match(expected, sent) { Err(PageError::FormExpired) } else { Ok(()) }
}

/// A page with an anonymous form, and the cookie that holds its token.
fn anonymous_form_page(app: &App, language: &RequestLanguage, page: Result<Page, PageError>, token: &str) -> Response {
    let response = app.templates.respond(language, page);
    with_cookie(response, set_cookie(app, SIGN_IN_COOKIE, token, 3600))
}
/// Entries per page of the secretariat's logs (audit, outbox).
const LOG_PAGE: u64 = 50;

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
    pub fn check_form(&self, fields: &HashMap<String, String>) -> Result<(), PageError> {
        self.check_token(fields.get("csrf").map(String::as_str).unwrap_or_default())
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
        let entity = match visitor.actor.account().and_then(|a| a.entity) {
            Some(id) if visitor.actor.may(Action::ActFor(id)) => store.entity(id)?,
            _ => None,
        };
        Ok((visitor, entity))
    })
    .await
}

/// A cookie, `Secure` whenever the instance's public URL is HTTPS (never decided by the request).
fn set_cookie(app: &App, name: &str, value: &str, max_age_seconds: i64) -> String {
    let secure = if app.public_url.is_https() { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; Max-Age={max_age_seconds}; HttpOnly; SameSite=Lax{secure}")
}

fn with_cookie(mut response: Response, cookie: String) -> Response {
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

fn sign_in_page(next: Option<String>, csrf: &str, email: &str, message: Option<String>, localizer: &Localizer) -> Page {
    Page {
        template: "login.html",
        title: localizer.text("login-title"),
        is_example: false,
        context: json!({ "next": next, "csrf": csrf, "email": email, "message": message }),
    }
}

pub(crate) type Fields = HashMap<String, String>;

pub async fn login_page(
    State(app): State<App>,
    language: RequestLanguage,
    Query(params): Query<Fields>,
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
    Form(fields): Form<Fields>,
) -> Response {
    let localizer = language.localizer;
    if let Err(error) = check_anonymous_form(&headers, &fields) {
        return app.templates.respond(&language, Err(error));
    }
    let csrf = fields.get("csrf").cloned().unwrap_or_default();
    let email = fields.get("email").map(|e| e.trim().to_lowercase()).unwrap_or_default();
    let password = fields.get("password").cloned().unwrap_or_default();
    let next = safe_next(fields.get("next"));
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
            let response = Redirect::to(&target).into_response();
            let hours = consulta_auth::SESSION_HOURS * 3600;
            let response = with_cookie(response, set_cookie(&app, SESSION_COOKIE, &token, hours));
            with_cookie(response, set_cookie(&app, SIGN_IN_COOKIE, "", 0))
        }
        Ok(None) => {
            let message = Some(localizer.text("login-failed"));
            let page = sign_in_page(next, &csrf, &email, message, &localizer);
            let mut response = app.templates.respond(&language, Ok(page));
            *response.status_mut() = StatusCode::UNAUTHORIZED;
            response
        }
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

fn internal(error: impl std::fmt::Display) -> PageError {
    PageError::Internal(error.to_string())
}

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
pub(crate) async fn secretariat_form(
    app: App,
    language: RequestLanguage,
    headers: HeaderMap,
    fields: Fields,
    path: &'static str,
    act: impl FnOnce(&mut dyn Store, Account, Fields) -> Result<String, PageError> + Send + 'static,
) -> Response {
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat(path)?.clone();
        visitor.check_form(&fields)?;
        act(store, account, fields)
    })
    .await;
    match result {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

pub async fn logout(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let token = cookie(&headers, SESSION_COOKIE).map(str::to_owned);
    let ended = with_visitor(&app, headers.clone(), move |store, visitor| {
        visitor.check_form(&fields)?;
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

/// The secretariat's home: consultations, moderation, the audit log.
pub async fn admin(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<Fields>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat("/admin")?;
        let consultations: Vec<Value> = store
            .consultations()?
            .iter()
            .map(|c| {
                json!({
                    "slug": c.record.slug.as_str(),
                    "title": c.record.title.get(localizer.language(), c.record.original_language.primary()),
                })
            })
            .collect();
        let notice = params.get("done").map(|what| match what.as_str() {
            "withheld" => localizer.text("admin-withheld"),
            "invited" => {
                let count = params.get("count").and_then(|c| c.parse::<u64>().ok()).unwrap_or(0);
                localizer.format("admin-invited", &[("count", count.into())])
            }
            _ => localizer.text("admin-published"),
        });
        let lists: Vec<Value> = store
            .accreditation_lists()?
            .into_iter()
            .map(|(slug, name, entities)| json!({ "slug": slug, "name": name, "entities": entities }))
            .collect();
        let groups: Vec<Value> = store
            .stakeholder_groups()?
            .iter()
            .map(|g| json!({ "id": g.as_str(), "label": consulta_report::group_label(g.as_str(), &localizer) }))
            .collect();
        let regions: Vec<Value> = consulta_core::RegionalGroup::ALL
            .iter()
            .map(|r| json!({ "id": r.as_str(), "label": localizer.text(&format!("region-{}", r.as_str())) }))
            .collect();
        Ok(Page {
            template: "admin.html",
            title: localizer.text("admin-title"),
            is_example: false,
            context: json!({
                "visitor": visitor.view(),
                "account": { "name": account.name, "email": account.email },
                "consultations": consultations,
                "notice": notice,
                "lists": lists,
                "groups": groups,
                "regions": regions,
            }),
        })
    })
    .await;
    app.templates.respond(&language, result)
}

/// The contribution a secretariat's form names.
fn contribution_field(fields: &Fields, localizer: &Localizer) -> Result<i64, PageError> {
    fields
        .get("contribution")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .ok_or_else(|| PageError::BadRequest(localizer.text("admin-bad-contribution")))
}

/// Withholds or publishes a contribution (POST /admin/moderation), audited.
pub async fn moderate(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, fields, "/admin", move |store, account, fields| {
        let id = contribution_field(&fields, &localizer)?;
        let reason = fields.get("reason").map(|r| r.trim()).unwrap_or_default();
        let withhold = fields.get("action").map(String::as_str) == Some("withhold");
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
    Form(fields): Form<Fields>,
) -> Response {
    use consulta_store::audited::AttributionError;
    let localizer = language.localizer;
    secretariat_form(app, language, headers, fields, "/admin", move |store, account, fields| {
        let id = contribution_field(&fields, &localizer)?;
        let clear = fields.get("action").map(String::as_str) == Some("clear");
        let entity = fields.get("entity").map(|e| e.trim()).filter(|e| !e.is_empty());
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

/// The page of a secretariat's log (`?page=N`, from 1) a request asks for.
fn log_page(params: &Fields) -> u64 {
    params.get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1)
}

/// The slice of a log page `page` holds.
fn log_request(page: u64) -> PageRequest {
    PageRequest { offset: (page - 1) * LOG_PAGE, limit: LOG_PAGE }
}

/// The links to the pages either side of `page` of a log of `total` entries at `path`.
fn log_neighbours(path: &str, page: u64, total: u64) -> (Option<String>, Option<String>) {
    let last = total.div_ceil(LOG_PAGE).max(1);
    (
        (page > 1).then(|| format!("{path}?page={}", page - 1)),
        (page < last).then(|| format!("{path}?page={}", page + 1)),
    )
}

/// A moment of a secretariat's log, as a person reads it (in UTC, which the page says).
fn log_time(at: Timestamp, localizer: &Localizer) -> String {
    localizer.format(
        "date-time-utc",
        &[("time", localizer.date_time(at.to_zoned(jiff::tz::TimeZone::UTC).datetime()).into())],
    )
}

fn audit_row(record: &consulta_store::AuditRecord) -> Value {
    let entry = &record.entry;
    json!({
        "id": record.id,
        "at": entry.by.at.to_string(),
        "actor": entry.by.label,
        "action": entry.action,
        "subject": entry.subject,
        "before": entry.before.as_ref().map(|v| v.to_string()),
        "after": entry.after.as_ref().map(|v| v.to_string()),
    })
}

pub async fn audit(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<Fields>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat("/admin/audit")?;
        let page = log_page(&params);
        let log = store.audit_log(log_request(page))?;
        let (previous, next) = log_neighbours("/admin/audit", page, log.total);
        Ok(Page {
            template: "admin_audit.html",
            title: localizer.text("audit-title"),
            is_example: false,
            context: json!({
                "visitor": visitor.view(),
                "entries": log.items.iter().map(|record| {
                    let mut row = audit_row(record);
                    row["at"] = json!(log_time(record.entry.by.at, &localizer));
                    row
                }).collect::<Vec<_>>(),
                "total": log.total,
                "previous": previous,
                "next": next,
            }),
        })
    })
    .await;
    app.templates.respond(&language, result)
}

/// The whole audit log as CSV, oldest first.
pub async fn audit_csv(State(app): State<App>, language: RequestLanguage, headers: HeaderMap) -> Response {
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat("/admin/audit.csv")?;
        let total = store.audit_log(PageRequest { offset: 0, limit: 0 })?.total;
        let log = store.audit_log(PageRequest { offset: 0, limit: total })?;
        let mut writer = csv::Writer::from_writer(Vec::new());
        let columns = ["id", "at", "actor", "action", "subject", "before", "after"];
        writer.write_record(columns).map_err(internal)?;
        for record in log.items.iter().rev() {
            let row = audit_row(record);
            writer
                .write_record(columns.map(|c| match row[c].as_str() {
                    Some(text) => consulta_export::spreadsheet_safe(text).into_owned(),
                    None => row[c].to_string(),
                }))
                .map_err(internal)?;
        }
        writer.into_inner().map_err(internal)
    })
    .await;
    match result {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"consulta-audit.csv\""),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// The address to send a visitor to sign in, coming back to `next`.
pub fn sign_in_url(next: &str, ended: bool) -> String {
    format!("/login?next={}{}", encode(next), if ended { "&ended=1" } else { "" })
}

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
    Form(fields): Form<Fields>,
) -> Response {
    let localizer = language.localizer;
    if let Err(error) = check_anonymous_form(&headers, &fields) {
        return app.templates.respond(&language, Err(error));
    }
    let name = fields.get("name").map(|n| n.trim().to_owned()).unwrap_or_default();
    let password = fields.get("password").cloned().unwrap_or_default();
    let csrf = fields.get("csrf").cloned().unwrap_or_default();
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
        Ok(Ok((session, target))) => {
            let hours = consulta_auth::SESSION_HOURS * 3600;
            with_cookie(Redirect::to(&target).into_response(), set_cookie(&app, SESSION_COOKIE, &session, hours))
        }
        Ok(Err(page)) => {
            let mut response = app.templates.respond(&language, Ok(page));
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            response
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
    Form(fields): Form<Fields>,
) -> Response {
    let localizer = language.localizer;
    if let Err(error) = check_anonymous_form(&headers, &fields) {
        return app.templates.respond(&language, Err(error));
    }
    let email = fields.get("email").map(|e| e.trim().to_lowercase()).unwrap_or_default();
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
    let csrf = fields.get("csrf").cloned().unwrap_or_default();
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
    Form(fields): Form<Fields>,
) -> Response {
    let localizer = language.localizer;
    if let Err(error) = check_anonymous_form(&headers, &fields) {
        return app.templates.respond(&language, Err(error));
    }
    let password = fields.get("password").cloned().unwrap_or_default();
    let csrf = fields.get("csrf").cloned().unwrap_or_default();
    if let Err(problem) = consulta_core::access::check_password(&password) {
        let page = reset_page(
            Some(&token),
            &csrf,
            Some(consulta_auth::describe_password_problem(problem, &localizer)),
            false,
            &localizer,
        );
        let mut response = app.templates.respond(&language, Ok(page));
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return response;
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

/// The outbox: every email, its status and, for a failure, why.
pub async fn mail(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Query(params): Query<Fields>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        visitor.secretariat("/admin/mail")?;
        let page = log_page(&params);
        let log = store.mail_log(log_request(page))?;
        let (previous, next) = log_neighbours("/admin/mail", page, log.total);
        Ok(Page {
            template: "admin_mail.html",
            title: localizer.text("mail-title"),
            is_example: false,
            context: json!({
                "visitor": visitor.view(),
                "total": log.total,
                "messages": log.items.iter().map(|m| json!({
                    "id": m.id,
                    "to": m.to,
                    "subject": m.subject,
                    "status": m.status,
                    "status_label": localizer.text(&format!("mail-status-{}", m.status)),
                    "attempts": m.attempts,
                    "error": m.last_error,
                    "created": log_time(m.created_at, &localizer),
                    "sent": m.sent_at.map(|t| log_time(t, &localizer)),
                })).collect::<Vec<_>>(),
                "previous": previous,
                "next": next,
            }),
        })
    })
    .await;
    app.templates.respond(&language, result)
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
        let fields: Fields = pairs.iter().cloned().collect();
        visitor.check_form(&fields)?;
        let values = |name: &'static str| -> Vec<String> {
            pairs.iter().filter(|(k, v)| k == name && !v.trim().is_empty()).map(|(_, v)| v.trim().to_owned()).collect()
        };
        let slug = fields.get("consultation").cloned().unwrap_or_default();
        let consultation = store.consultation_by_slug(&slug)?.ok_or(PageError::NotFound)?;
        let choice = consulta_auth::invitations::Choice {
            lists: values("list"),
            groups: values("group"),
            countries: values("countries")
                .iter()
                .flat_map(|t| t.split([',', ' ']).filter(|c| !c.is_empty()).map(str::to_owned))
                .collect(),
            regions: values("region"),
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

/// The fields of the new consultation form, in order, with whether each is required.
const CONSULTATION_FIELDS: [(&str, bool); 8] = [
    ("slug", true),
    ("title", true),
    ("lang", true),
    ("opens", true),
    ("closes", true),
    ("time_zone", true),
    ("mandate", false),
    ("questions", false),
];

fn consultation_form(
    visitor: &Visitor,
    fields: &Fields,
    error: Option<(String, String)>,
    localizer: &Localizer,
) -> Page {
    let value = |name: &str| {
        fields.get(name).cloned().unwrap_or_else(|| match name {
            "lang" => localizer.language().to_owned(),
            "time_zone" => "UTC".to_owned(),
            _ => String::new(),
        })
    };
    Page {
        template: "admin_consultation.html",
        title: localizer.text("admin-new-consultation"),
        is_example: false,
        context: json!({
            "visitor": visitor.view(),
            "fields": CONSULTATION_FIELDS.iter().chain([("description", false)].iter()).map(|(name, required)| json!({
                "name": name,
                "label": localizer.text(&format!("consultation-field-{name}")),
                "hint": localizer.has(&format!("consultation-hint-{name}")).then(|| localizer.text(&format!("consultation-hint-{name}"))),
                "value": value(name),
                "required": required,
            })).collect::<Vec<_>>(),
            "verified_only": fields.contains_key("verified_only"),
            "error_field": error.as_ref().map(|(field, _)| field.clone()),
            "error": error.map(|(_, message)| message),
        }),
    }
}

/// GET /admin/consultations/new: the form that opens a consultation.
pub async fn new_consultation(State(app): State<App>, language: RequestLanguage, headers: HeaderMap) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |_, visitor| {
        visitor.secretariat("/admin/consultations/new")?;
        Ok(consultation_form(&visitor, &Fields::new(), None, &localizer))
    })
    .await;
    app.templates.respond(&language, result)
}

/// POST /admin/consultations: checks the draft as `consulta consultation create` does, creates it
/// (audited), and goes to its page; a wrong field comes back with the form.
pub async fn create_consultation(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let account = visitor.secretariat("/admin/consultations/new")?.clone();
        visitor.check_form(&fields)?;
        let text = |name: &str| fields.get(name).map(|v| v.trim().to_owned()).unwrap_or_default();
        let lang = text("lang");
        let localized = |name: &str| if text(name).is_empty() { vec![] } else { vec![(lang.clone(), text(name))] };
        let draft = consulta_core::ConsultationDraft {
            slug: text("slug"),
            original_language: lang.clone(),
            title: localized("title"),
            description: localized("description"),
            mandate: localized("mandate"),
            opens: text("opens"),
            closes: text("closes"),
            time_zone: text("time_zone"),
            questions: text("questions")
                .lines()
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(|q| vec![(lang.clone(), q.to_owned())])
                .collect(),
            is_example: false,
            verified_only: fields.contains_key("verified_only"),
        };
        let new = match draft.check() {
            Ok(new) => new,
            Err(error) => {
                let (key, args) = error.problem.message();
                let args: Vec<(&str, consulta_i18n::Arg)> =
                    args.into_iter().map(|(name, value)| (name, consulta_i18n::Arg::Text(value))).collect();
                let field = if error.field == "original_language" { "lang" } else { error.field };
                let message = localizer.format(
                    "admin-field-problem",
                    &[
                        ("field", localizer.text(&format!("consultation-field-{field}")).into()),
                        ("problem", localizer.format(key, &args).into()),
                    ],
                );
                return Ok(Err(consultation_form(&visitor, &fields, Some((field.to_owned(), message)), &localizer)));
            }
        };
        let by = AuditActor::account(&account, Timestamp::now());
        match consulta_store::audited::create_consultation(store, &new, &by) {
            Ok(consultation) => Ok(Ok(consultation.record.slug.as_str().to_owned())),
            Err(StoreError::DuplicateSlug(slug)) => {
                let message = localizer.format("admin-duplicate-slug", &[("slug", slug.into())]);
                Ok(Err(consultation_form(&visitor, &fields, Some(("slug".to_owned(), message)), &localizer)))
            }
            Err(other) => Err(other.into()),
        }
    })
    .await;
    match result {
        Ok(Ok(slug)) => Redirect::to(&format!("/consultations/{slug}")).into_response(),
        Ok(Err(page)) => {
            let mut response = app.templates.respond(&language, Ok(page));
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            response
        }
        Err(error) => app.templates.respond(&language, Err(error)),
    }
}

/// POST /admin/meetings: adds a meeting (date and place) to a consultation, audited.
pub async fn add_meeting(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let localizer = language.localizer;
    secretariat_form(app, language, headers, fields, "/admin", move |store, account, fields| {
        let slug = fields.get("consultation").cloned().unwrap_or_default();
        let consultation = store.consultation_by_slug(&slug)?.ok_or(PageError::NotFound)?;
        let date_text = fields.get("date").map(|d| d.trim().to_owned()).unwrap_or_default();
        let date = consulta_core::time::parse_date(&date_text).map_err(|_| {
            PageError::BadRequest(localizer.format("draft-date", &[("value", date_text.as_str().into())]))
        })?;
        let place = fields.get("place").map(|p| p.trim().to_owned()).unwrap_or_default();
        if place.is_empty() {
            return Err(PageError::BadRequest(localizer.text("admin-place-needed")));
        }
        let by = AuditActor::account(&account, Timestamp::now());
        match consulta_store::audited::add_meeting(store, &consultation, date, &place, &by) {
            Ok(_) => Ok(format!("/consultations/{slug}")),
            Err(StoreError::DuplicateMeeting(date)) => Err(PageError::BadRequest(
                localizer.format("cli-duplicate-meeting", &[("date", date.to_string().into())]),
            )),
            Err(other) => Err(other.into()),
        }
    })
    .await
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
