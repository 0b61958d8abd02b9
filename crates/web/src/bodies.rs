//! Bodies as the public reads them — members seated today with their terms, the composition by
//! stakeholder group, regional group, development status and gender (a table and a bar each),
//! the rules and whether the membership meets them — and the forms with which a focal point
//! nominates for its entity and the secretariat sets the rules, pins nominees, solves and seats
//! the slate. The JSON API gives the same view.

use axum::Form;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use consulta_composition::{Attribute, Candidate, Objective, Pin, Solved, check, solve};
use consulta_i18n::Localizer;
use consulta_report::bodies::{self, BodyError, composition, seated_on, value_name, violation_message};
use consulta_store::{Membership, NewNomination, Store, StoredBody, StoredNomination};
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::App;
use crate::accounts::{acting_for, with_visitor};
use crate::api::ApiError;
use crate::forms::{self, signed_in_form};
use crate::language::RequestLanguage;
use crate::page::{Page, PageError};

pub(crate) fn body_url(slug: &str) -> String {
    format!("/bodies/{}", crate::language::encode(slug))
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn body_error(error: BodyError, localizer: &Localizer) -> PageError {
    match error {
        BodyError::UnknownBody(_) => PageError::NotFound,
        BodyError::Store(error) => error.into(),
        other => PageError::BadRequest(other.message(localizer)),
    }
}

/// A seated member as the page and the API show them.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberView {
    pub nomination: i64,
    pub person: String,
    pub stakeholder_group: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub gender: String,
    /// `member`, `chair` or `co_chair`.
    pub role: &'static str,
    /// The term: first day and the day it ends (excluded), YYYY-MM-DD.
    pub term_start: String,
    pub term_end: String,
}

/// One line of a composition: a value, its name in the reader's language, and how many.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountView {
    pub value: String,
    pub label: String,
    pub members: usize,
}

/// A body as the API gives it.
#[derive(Debug, Serialize, ToSchema)]
pub struct BodyView {
    pub slug: String,
    pub name: String,
    pub mandate: String,
    pub term_years: u32,
    /// The composition rules as the secretariat wrote them, one a line.
    pub rules: String,
    pub members: Vec<MemberView>,
    /// The members seated today counted by `group`, `region`, `development` and `gender`.
    pub composition: std::collections::BTreeMap<String, Vec<CountView>>,
    /// Every rule the membership breaks today, in the reader's language; empty when it meets them.
    pub broken_rules: Vec<String>,
}

struct Loaded {
    body: StoredBody,
    nominations: Vec<StoredNomination>,
    candidates: Vec<Candidate>,
    memberships: Vec<Membership>,
}

fn load(store: &dyn Store, slug: &str, localizer: &Localizer) -> Result<Loaded, PageError> {
    let body = bodies::body(store, slug).map_err(|e| body_error(e, localizer))?;
    let (nominations, candidates) = bodies::candidates(store, &body, today()).map_err(|e| body_error(e, localizer))?;
    let memberships = store.memberships(body.id)?;
    Ok(Loaded { body, nominations, candidates, memberships })
}

fn view(loaded: &Loaded, localizer: &Localizer) -> BodyView {
    let day = today();
    let seated = seated_on(&loaded.memberships, day);
    let members: Vec<usize> = loaded
        .nominations
        .iter()
        .enumerate()
        .filter(|(_, n)| seated.binary_search(&n.id).is_ok())
        .map(|(i, _)| i)
        .collect();
    let member_views = members
        .iter()
        .map(|&i| {
            let n = &loaded.nominations[i];
            let term = loaded.memberships.iter().rev().find(|m| m.nomination == n.id && m.start <= day && day < m.end);
            MemberView {
                nomination: n.id,
                person: n.nomination.person.clone(),
                stakeholder_group: n.nomination.stakeholder_group.clone(),
                country: n.nomination.country.map(|c| c.as_str().to_owned()),
                gender: n.nomination.gender.clone(),
                role: term.map(|t| t.role).unwrap_or_default().as_str(),
                term_start: term.map(|t| t.start.to_string()).unwrap_or_default(),
                term_end: term.map(|t| t.end.to_string()).unwrap_or_default(),
            }
        })
        .collect();
    let composition = [Attribute::Group, Attribute::Region, Attribute::Development, Attribute::Gender]
        .into_iter()
        .map(|attribute| {
            let counts = composition(&loaded.candidates, &members, attribute)
                .into_iter()
                .map(|(value, count)| CountView {
                    label: value_name(attribute, &value, localizer),
                    value,
                    members: count,
                })
                .collect();
            (attribute.as_str().to_owned(), counts)
        })
        .collect();
    let broken_rules = match bodies::rules(&loaded.body) {
        Ok(rules) if !members.is_empty() => check(&loaded.candidates, &rules, &members)
            .iter()
            .map(|v| violation_message(v, &rules, localizer))
            .collect(),
        _ => Vec::new(),
    };
    BodyView {
        slug: loaded.body.slug.clone(),
        name: loaded.body.name.clone(),
        mandate: loaded.body.mandate.clone(),
        term_years: loaded.body.term_years,
        rules: loaded.body.rules.clone(),
        members: member_views,
        composition,
        broken_rules,
    }
}

/// GET /bodies/{slug}
pub(crate) async fn page(
    State(app): State<App>,
    language: RequestLanguage,
    Path(slug): Path<String>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<crate::accounts::QueryParams>,
) -> Response {
    let localizer = language.localizer;
    let result = with_visitor(&app, headers, move |store, visitor| {
        let entity = acting_for(store, &visitor)?;
        let loaded = load(store, &slug, &localizer)?;
        let consultation = store.consultation(loaded.body.consultation)?.ok_or(PageError::NotFound)?;
        let body_view = view(&loaded, &localizer);
        let secretariat = visitor.actor.may(consulta_core::Action::Administer);
        let mut context = json!({
            "body": body_view,
            "url": body_url(&loaded.body.slug),
            "consultation": { "slug": consultation.record.slug.as_str(), "title": consultation.record.title.get(localizer.language(), consultation.record.original_language.primary()) },
            "dates": body_view.members.iter().map(|m| json!({
                "start": m.term_start.parse::<jiff::civil::Date>().map(|d| localizer.date(d)).unwrap_or_default(),
                "end": m.term_end.parse::<jiff::civil::Date>().map(|d| localizer.date(d)).unwrap_or_default(),
                "group": value_name(Attribute::Group, &m.stakeholder_group, &localizer),
                "country": m.country.as_deref().map(|c| value_name(Attribute::Country, c, &localizer)).unwrap_or_default(),
                "gender": value_name(Attribute::Gender, &m.gender, &localizer),
                "role": localizer.text(&format!("body-role-{}", m.role)),
            })).collect::<Vec<_>>(),
            "rotation": loaded.body.chair_rotation.join(" → "),
            "next_chair": bodies::chairs(&loaded.body, &loaded.nominations, &loaded.memberships, today()).0,
            "visitor": visitor.view(),
            "acting_for": entity.map(|e| e.name.as_str().to_owned()),
            "secretariat": secretariat,
            "signed_in": visitor.actor.account().is_some(),
            "groups": store.stakeholder_groups()?.iter().map(|g| json!({ "id": g.as_str(), "label": value_name(Attribute::Group, g.as_str(), &localizer) })).collect::<Vec<_>>(),
            "done": query.get("done").filter(|d| ["nominated", "rules", "pin", "seated"].contains(&d.as_str())),
            "sign_in": crate::accounts::sign_in_url(&body_url(&loaded.body.slug), false),
        });
        if secretariat {
            context["objective"] = json!(loaded.body.objective.as_str());
            context["objectives"] = json!(Objective::ALL.iter().map(|o| json!({ "value": o.as_str(), "label": localizer.text(&format!("body-objective-{}", o.as_str())) })).collect::<Vec<_>>());
            context["nominations"] = json!(loaded.nominations.iter().map(|n| json!({
                "id": n.id,
                "person": n.nomination.person,
                "nominator": n.nominator_name.clone().or_else(|| n.nomination.process.clone()),
                "group": value_name(Attribute::Group, &n.nomination.stakeholder_group, &localizer),
                "country": n.nomination.country.map(|c| value_name(Attribute::Country, c.as_str(), &localizer)),
                "gender": value_name(Attribute::Gender, &n.nomination.gender, &localizer),
                "priority": n.nomination.priority,
                "pin": n.pin.as_str(),
            })).collect::<Vec<_>>());
            context["solved"] = solved_view(&loaded, &localizer)?;
        }
        Ok(Page {
            template: "body.html",
            title: loaded.body.name.clone(),
            is_example: consultation.record.is_example,
            context,
        })
    })
    .await;
    app.templates.respond(&language, result)
}

/// The solver's answer for the secretariat: the slate with its members, or the conflicting rules.
fn solved_view(loaded: &Loaded, localizer: &Localizer) -> Result<Value, PageError> {
    let Ok(rules) = bodies::rules(&loaded.body) else { return Ok(Value::Null) };
    if rules.rules.is_empty() || loaded.candidates.is_empty() {
        return Ok(Value::Null);
    }
    let answer = solve(&loaded.candidates, &rules, loaded.body.objective)
        .map_err(|e| body_error(BodyError::Solve(e), localizer))?;
    Ok(match answer {
        Solved::Slate(slate) => json!({
            "members": slate.members.iter().map(|&i| {
                let n = &loaded.nominations[i];
                json!({
                    "id": n.id,
                    "person": n.nomination.person,
                    "nominator": bodies::nominator_label(n),
                    "group": value_name(Attribute::Group, &n.nomination.stakeholder_group, localizer),
                    "country": n.nomination.country.map(|c| value_name(Attribute::Country, c.as_str(), localizer)),
                    "gender": value_name(Attribute::Gender, &n.nomination.gender, localizer),
                })
            }).collect::<Vec<_>>(),
        }),
        Solved::Conflict { rules: conflict } => json!({
            "conflict": conflict.iter().filter_map(|i| rules.rules.get(*i)).map(|(line, rule)| json!({ "line": line, "rule": rule.to_string() })).collect::<Vec<_>>(),
        }),
    })
}

/// POST /body-nominations: a focal point nominates a person for its entity.
pub(crate) async fn nominate(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::NominationForm>,
) -> Response {
    let localizer = language.localizer;
    let next = body_url(&form.body);
    signed_in_form(app, language, headers, form, next, move |store, visitor, entity, form| {
        let entity = entity.ok_or(PageError::Forbidden)?;
        let body = bodies::body(store, &form.body).map_err(|e| body_error(e, &localizer))?;
        let bad = |field: &str| {
            PageError::BadRequest(localizer.format("body-field-invalid", &[("field", field.to_owned().into())]))
        };
        let person = form.person.trim();
        if person.is_empty() || person.chars().count() > 200 {
            return Err(bad(&localizer.text("body-field-person")));
        }
        let groups = store.stakeholder_groups()?;
        if !groups.iter().any(|g| g.as_str() == form.stakeholder_group) {
            return Err(bad(&localizer.text("body-field-group")));
        }
        let country = match form.country.trim() {
            "" => None,
            code => Some(code.parse().map_err(|_| bad(&localizer.text("body-field-country")))?),
        };
        let gender = form.gender.trim();
        if gender.is_empty() || gender.chars().count() > 40 {
            return Err(bad(&localizer.text("body-field-gender")));
        }
        let expertise: Vec<String> =
            form.expertise.split([',', ';']).map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
        if expertise.len() > 20
            || expertise.iter().any(|t| t.chars().count() > 40)
            || form.statement.chars().count() > 4000
        {
            return Err(bad(&localizer.text("body-field-expertise")));
        }
        let priority = match form.priority.trim() {
            "" => 0,
            n => n.parse().map_err(|_| bad(&localizer.text("body-field-priority")))?,
        };
        let nomination = NewNomination {
            person: person.to_owned(),
            nominator: Some(entity.id),
            process: None,
            stakeholder_group: form.stakeholder_group.clone(),
            country,
            gender: gender.to_owned(),
            expertise,
            statement: form.statement.trim().to_owned(),
            priority,
        };
        let by = consulta_store::AuditActor::account(
            visitor.actor.account().ok_or(PageError::Forbidden)?,
            jiff::Timestamp::now(),
        );
        store.nominate(body.id, &[nomination], &by)?;
        Ok(format!("{}?done=nominated", body_url(&body.slug)))
    })
    .await
}

fn secretariat_actor(visitor: &crate::accounts::Visitor) -> Result<consulta_store::AuditActor, PageError> {
    let account = visitor.secretariat("/admin")?;
    Ok(consulta_store::AuditActor::account(account, jiff::Timestamp::now()))
}

/// POST /admin/body-rules: the secretariat sets the rules and the solver's objective.
pub(crate) async fn set_rules(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::BodyRulesForm>,
) -> Response {
    let localizer = language.localizer;
    let next = body_url(&form.body);
    signed_in_form(app, language, headers, form, next, move |store, visitor, _, form| {
        let by = secretariat_actor(visitor)?;
        let body = bodies::body(store, &form.body).map_err(|e| body_error(e, &localizer))?;
        consulta_composition::parse_rules(&form.rules).map_err(|e| body_error(BodyError::Rules(e), &localizer))?;
        let objective: Objective = form.objective.parse().map_err(|_| PageError::BadRequest(form.objective.clone()))?;
        store.set_body_rules(body.id, &form.rules, objective, &by)?;
        Ok(format!("{}?done=rules", body_url(&body.slug)))
    })
    .await
}

/// POST /admin/body-pins: the secretariat pins a nominee in or out, or frees them.
pub(crate) async fn pin(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::BodyPinForm>,
) -> Response {
    let localizer = language.localizer;
    let next = body_url(&form.body);
    signed_in_form(app, language, headers, form, next, move |store, visitor, _, form| {
        let by = secretariat_actor(visitor)?;
        let body = bodies::body(store, &form.body).map_err(|e| body_error(e, &localizer))?;
        let nomination: i64 = form.nomination.parse().map_err(|_| PageError::BadRequest(form.nomination.clone()))?;
        let pin: Pin = form.pin.parse().map_err(|_| PageError::BadRequest(form.pin.clone()))?;
        store.set_pin(body.id, nomination, pin, &by).map_err(|e| match e {
            consulta_store::StoreError::NotANomination(_) => PageError::NotFound,
            other => other.into(),
        })?;
        Ok(format!("{}?done=pin#nominations", body_url(&body.slug)))
    })
    .await
}

/// POST /admin/body-seats: the secretariat seats the solver's slate (solved again here: the form
/// names no member) for a term from the day given.
pub(crate) async fn seat(
    State(app): State<App>,
    language: RequestLanguage,
    headers: HeaderMap,
    Form(form): Form<forms::BodySeatForm>,
) -> Response {
    let localizer = language.localizer;
    let next = body_url(&form.body);
    signed_in_form(app, language, headers, form, next, move |store, visitor, _, form| {
        let by = secretariat_actor(visitor)?;
        let body = bodies::body(store, &form.body).map_err(|e| body_error(e, &localizer))?;
        let members = bodies::solve_body(store, &body, today())
            .and_then(|solution| solution.slate())
            .map_err(|e| body_error(e, &localizer))?;
        let start: jiff::civil::Date = form.from.trim().parse().map_err(|_| {
            PageError::BadRequest(localizer.format("draft-date", &[("value", form.from.clone().into())]))
        })?;
        let number = |text: &str| -> Result<Option<i64>, PageError> {
            match text.trim() {
                "" => Ok(None),
                n => n.parse().map(Some).map_err(|_| PageError::BadRequest(n.to_owned())),
            }
        };
        let seating =
            bodies::Seating { members, start, chair: number(&form.chair)?, co_chair: number(&form.co_chair)? };
        bodies::seat(store, &body, &seating, today(), &by).map_err(|e| body_error(e, &localizer))?;
        Ok(format!("{}?done=seated", body_url(&body.slug)))
    })
    .await
}

/// A consultation's bodies, for its page.
pub(crate) fn bodies_of(
    store: &dyn Store,
    consultation: consulta_core::ConsultationId,
) -> Result<Vec<Value>, PageError> {
    Ok(store.bodies(consultation)?.iter().map(|b| json!({ "name": b.name, "url": body_url(&b.slug) })).collect())
}

/// GET /api/v1/bodies/{slug}
#[utoipa::path(
    get,
    path = "/api/v1/bodies/{slug}",
    params(("slug" = String, Path, description = "The body's slug")),
    responses(
        (status = 200, description = "The body: its members seated today with their terms, its composition by stakeholder group, regional group, development status and gender, its rules and the rules its membership breaks", body = BodyView),
        crate::openapi::Refused,
    )
)]
pub(crate) async fn api(State(app): State<App>, language: RequestLanguage, Path(slug): Path<String>) -> Response {
    let localizer = language.localizer;
    let result = app
        .read(localizer, move |store| {
            let loaded = load(store, &slug, &localizer).map_err(|e| ApiError::from_page(e, &localizer))?;
            Ok(view(&loaded, &localizer))
        })
        .await;
    result.map(Json).into_response()
}
