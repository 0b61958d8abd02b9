//! Rendering: the templates (compiled in), the `t` function that gives templates their
//! translations, and the HTTP response around a page or an error.

use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use consulta_i18n::{Arg, LANGUAGES, Localizer};
use minijinja::value::Kwargs;
use minijinja::{Environment, State};
use serde_json::json;

use crate::language::RequestLanguage;
use crate::page::{PageError, PageResult};

const TEMPLATES: [(&str, &str); 36] = [
    ("admin_api_keys.html", include_str!("../templates/admin_api_keys.html")),
    ("forum.html", include_str!("../templates/forum.html")),
    ("forum_item.html", include_str!("../templates/forum_item.html")),
    ("forum_new.html", include_str!("../templates/forum_new.html")),
    ("commitments.html", include_str!("../templates/commitments.html")),
    ("reports_due.html", include_str!("../templates/reports_due.html")),
    ("reporting_round.html", include_str!("../templates/reporting_round.html")),
    ("action_lines.html", include_str!("../templates/action_lines.html")),
    ("action_line.html", include_str!("../templates/action_line.html")),
    ("commitment.html", include_str!("../templates/commitment.html")),
    ("campaigns.html", include_str!("../templates/campaigns.html")),
    ("campaign.html", include_str!("../templates/campaign.html")),
    ("agreement.html", include_str!("../templates/agreement.html")),
    ("admin_agreement.html", include_str!("../templates/admin_agreement.html")),
    ("admin_consultation.html", include_str!("../templates/admin_consultation.html")),
    ("draft.html", include_str!("../templates/draft.html")),
    ("body.html", include_str!("../templates/body.html")),
    ("admin_report.html", include_str!("../templates/admin_report.html")),
    ("admin_issues.html", include_str!("../templates/admin_issues.html")),
    ("admin_tags.html", include_str!("../templates/admin_tags.html")),
    ("pagination.html", include_str!("../templates/pagination.html")),
    ("invitation.html", include_str!("../templates/invitation.html")),
    ("password_reset.html", include_str!("../templates/password_reset.html")),
    ("admin_mail.html", include_str!("../templates/admin_mail.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("admin.html", include_str!("../templates/admin.html")),
    ("admin_audit.html", include_str!("../templates/admin_audit.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("receipt.html", include_str!("../templates/receipt.html")),
    ("listing.html", include_str!("../templates/listing.html")),
    ("base.html", include_str!("../templates/base.html")),
    ("consultations.html", include_str!("../templates/consultations.html")),
    ("consultation.html", include_str!("../templates/consultation.html")),
    ("contribution.html", include_str!("../templates/contribution.html")),
    ("entity.html", include_str!("../templates/entity.html")),
    ("error.html", include_str!("../templates/error.html")),
];

pub struct Templates {
    environment: Environment<'static>,
}

/// `t("key", name=value, …)`: the message in the page's language.
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let language = state.lookup("lang").map(|v| v.to_string()).unwrap_or_default();
    let localizer = Localizer::for_language(&language).unwrap_or_default();
    let args = kwargs
        .args()
        .map(|name| {
            let value: minijinja::Value = kwargs.get(name)?;
            let arg = match value.as_i64() {
                Some(n) => Arg::Number(n as f64),
                None => Arg::Text(value.to_string()),
            };
            Ok((name, arg))
        })
        .collect::<Result<Vec<_>, minijinja::Error>>()?;
    Ok(localizer.format(key, &args))
}

/// Escapes strings for HTML (the five characters that need it, not '/' as minijinja does,
/// which keeps addresses readable and pages smaller); everything else as minijinja formats it.
fn html_formatter(
    out: &mut minijinja::Output,
    state: &State,
    value: &minijinja::Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if state.auto_escape() == minijinja::AutoEscape::Html && !value.is_safe() => out
            .write_str(&consulta_core::markup::escape_html(text))
            .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())),
        _ => minijinja::escape_formatter(out, state, value),
    }
}

impl Templates {
    pub fn new() -> Templates {
        let mut environment = Environment::new();
        for (name, source) in TEMPLATES {
            // Compiled in and rendered by the tests: a failure is a build defect.
            environment.add_template(name, source).expect("the templates parse");
        }
        environment.add_function("t", translate);
        // The static files by their versioned addresses, so browsers keep them until they change.
        environment.add_global("stylesheet_url", crate::static_files::stylesheet().url("/static/consulta.css"));
        environment.add_global("icon_url", crate::static_files::icon().url("/static/favicon.svg"));
        environment.set_formatter(html_formatter);
        Templates { environment }
    }

    fn render(
        &self,
        language: &RequestLanguage,
        template: &str,
        title: &str,
        is_example: bool,
        context: serde_json::Value,
    ) -> Result<String, minijinja::Error> {
        let lang = language.localizer.language();
        let languages: Vec<_> = LANGUAGES
            .iter()
            .map(|l| {
                json!({
                    "code": l,
                    // Each language by its own name, whatever the page's language.
                    "name": Localizer::for_language(l).unwrap_or_default().text(&format!("language-name-{l}")),
                    "url": language.switch_url(l),
                    "current": *l == lang,
                })
            })
            .collect();
        let template = self.environment.get_template(template)?;
        template.render(minijinja::context! {
            lang => lang,
            dir => language.localizer.direction(),
            title => title,
            is_example => is_example,
            languages => languages,
            page => minijinja::Value::from_serialize(&context),
        })
    }

    /// The response for a page shown with another status than 200 (a refused form, a failed
    /// sign-in); an error, or a page that cannot be rendered, keeps its own status.
    pub fn respond_with_status(
        &self,
        language: &RequestLanguage,
        result: PageResult,
        status: axum::http::StatusCode,
    ) -> Response {
        let mut response = self.respond(language, result);
        if response.status().is_success() {
            *response.status_mut() = status;
        }
        response
    }

    /// The response for a page, or for the error that stopped it, in the reader's language.
    pub fn respond(&self, language: &RequestLanguage, result: PageResult) -> Response {
        if let Err(PageError::SignIn { next, ended }) = &result {
            return axum::response::Redirect::to(&crate::accounts::sign_in_url(next, *ended)).into_response();
        }
        let localizer = &language.localizer;
        let (status, rendered) = match result {
            Ok(page) => match self.render(language, page.template, &page.title, page.is_example, page.context) {
                Ok(html) => (axum::http::StatusCode::OK, Ok(html)),
                Err(e) => (
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                    Err(PageError::Internal(format!("template: {e:#}"))),
                ),
            },
            Err(error) => (error.status(), Err(error)),
        };
        let html = match rendered {
            Ok(html) => html,
            Err(error) => {
                if status.is_server_error() {
                    tracing::error!(%error, path = %language.path, "page failed");
                }
                let context = json!({ "message": error.describe(localizer), "code": error.code() });
                self.render(language, "error.html", &localizer.text(error.title_key()), false, context).unwrap_or_else(
                    |e| {
                        tracing::error!(error = %e, "the error page failed");
                        localizer.text("error-server")
                    },
                )
            }
        };
        let mut response = (status, Html(html)).into_response();
        let headers = response.headers_mut();
        if let Ok(value) = HeaderValue::from_str(localizer.language()) {
            headers.insert(header::CONTENT_LANGUAGE, value);
        }
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
        // The pages need no script and load nothing from elsewhere; say so, so a browser refuses
        // anything injected.
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        );
        headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
        if let Some(cookie) = language.set_cookie().and_then(|c| HeaderValue::from_str(&c).ok()) {
            headers.append(header::SET_COOKIE, cookie);
        }
        // Pages may show a session's form token: never keep them in a shared cache.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}
