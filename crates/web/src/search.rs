//! The search page and `GET /api/v1/search`: one request read from the address, one search, shown
//! as HTML (without JavaScript: facets are links, the form is a GET) or as JSON.

use std::collections::HashMap;

use consulta_i18n::Localizer;
use consulta_index::{Facet, FacetCount, Found, SearchIndex, SearchRequest, SearchResults, Sort};
use consulta_report::group_label;
use consulta_store::Store;
use serde_json::{Value, json};

use crate::language::encode;
use crate::page::{Page, PageError, PageResult};

/// Results per page unless the API asks for another number.
const PAGE_SIZE: usize = 20;
const MAX_QUERY_CHARS: usize = 500;
/// The deepest result a search pages to: 500 pages of 20. Deep pages cost more than they help
/// (ranking the best 50,000 of a million matches took 40 ms), and filters narrow a search better.
const MAX_RESULTS: usize = 10_000;
/// Values of a facet the page lists (the API gives them all).
const FACET_VALUES_SHOWN: usize = 12;

/// How many pages `results` fill.
fn pages_of(results: usize, per_page: usize) -> usize {
    results.div_ceil(per_page.max(1))
}

/// A search as the address states it: `q`, `sort`, `page`, `per_page` and a parameter per facet
/// (repeated for several values: `group=government&group=civil_society`).
#[derive(Debug, Clone)]
pub struct SearchParams {
    pub query: String,
    pub filters: Vec<(Facet, String)>,
    pub sort: Sort,
    pub page: usize,
    pub per_page: usize,
    /// Each campaign once (`collapse=1`).
    pub collapse: bool,
}

impl SearchParams {
    /// Reads the parameters; a bad value is an error that names it. Unknown parameters (the
    /// language switch's `lang`, say) are left alone.
    pub fn parse(pairs: &[(String, String)]) -> Result<SearchParams, PageError> {
        let bad = |name: &str, value: &str| PageError::BadRequest(format!("{name}={value}"));
        let mut params = SearchParams {
            query: String::new(),
            filters: Vec::new(),
            sort: Sort::Relevance,
            page: 1,
            per_page: PAGE_SIZE,
            collapse: false,
        };
        for (name, value) in pairs {
            let value = value.trim();
            match name.as_str() {
                "q" => params.query = value.chars().take(MAX_QUERY_CHARS).collect(),
                "sort" if value.is_empty() => {}
                "sort" => params.sort = Sort::from_name(value).ok_or_else(|| bad(name, value))?,
                "page" if value.is_empty() => {}
                "page" => params.page = value.parse().ok().filter(|p| *p >= 1).ok_or_else(|| bad(name, value))?,
                "collapse" => {
                    params.collapse = match value {
                        "" | "0" => false,
                        "1" | "on" => true,
                        _ => return Err(bad(name, value)),
                    }
                }
                "per_page" => {
                    params.per_page = value
                        .parse()
                        .ok()
                        .filter(|n| (1..=consulta_index::MAX_PAGE_SIZE).contains(n))
                        .ok_or_else(|| bad(name, value))?
                }
                _ => {
                    if let Some(facet) = Facet::from_name(name) {
                        if !value.is_empty() && !params.filters.iter().any(|(f, v)| *f == facet && v == value) {
                            params.filters.push((facet, value.to_owned()));
                        }
                    }
                }
            }
        }
        if params.page > pages_of(MAX_RESULTS, params.per_page) {
            return Err(bad("page", &params.page.to_string()));
        }
        Ok(params)
    }

    fn request(&self) -> SearchRequest {
        SearchRequest {
            query: self.query.clone(),
            filters: self.filters.clone(),
            sort: self.sort,
            offset: (self.page - 1) * self.per_page,
            limit: self.per_page,
            collapse: self.collapse,
        }
    }

    /// The address of this search with other filters, or another page.
    fn url(&self, filters: &[(Facet, String)], page: usize) -> String {
        let mut pairs = Vec::new();
        if !self.query.is_empty() {
            pairs.push(format!("q={}", encode(&self.query)));
        }
        for (facet, value) in filters {
            pairs.push(format!("{}={}", facet.name(), encode(value)));
        }
        if self.sort != Sort::Relevance {
            pairs.push(format!("sort={}", self.sort.name()));
        }
        if self.collapse {
            pairs.push("collapse=1".to_owned());
        }
        if page > 1 {
            pairs.push(format!("page={page}"));
        }
        if pairs.is_empty() { "/search".to_owned() } else { format!("/search?{}", pairs.join("&")) }
    }

    /// The address with `value` of `facet` added to the filters, or taken away if it is there.
    fn toggled(&self, facet: Facet, value: &str) -> String {
        let mut filters = self.filters.clone();
        match filters.iter().position(|(f, v)| *f == facet && v == value) {
            Some(i) => {
                filters.remove(i);
            }
            None => filters.push((facet, value.to_owned())),
        }
        self.url(&filters, 1)
    }
}

fn run(store: &dyn Store, index: &SearchIndex, params: &SearchParams) -> Result<SearchResults, PageError> {
    index.search(store, &params.request()).map_err(|e| PageError::Internal(e.to_string()))
}

/// How a facet's value reads: a group, channel, country or language by its name in the
/// reader's language, a consultation by its title.
struct ValueLabels {
    consultation_titles: HashMap<String, String>,
    /// Some consultation holds invented data: the page says so.
    any_example: bool,
}

impl ValueLabels {
    fn new(store: &dyn Store, localizer: &Localizer) -> Result<ValueLabels, PageError> {
        let lang = localizer.language();
        let consultations = store.consultations()?;
        let any_example = consultations.iter().any(|c| c.record.is_example);
        let consultation_titles = consultations
            .into_iter()
            .map(|c| {
                let title = c.record.title.get(lang, c.record.original_language.primary()).to_owned();
                (c.record.slug.as_str().to_owned(), title)
            })
            .collect();
        Ok(ValueLabels { consultation_titles, any_example })
    }

    fn label(&self, facet: Facet, value: &str, localizer: &Localizer) -> String {
        let keyed = |key: String| if localizer.has(&key) { localizer.text(&key) } else { value.to_owned() };
        match facet {
            Facet::Consultation => self.consultation_titles.get(value).cloned().unwrap_or_else(|| value.to_owned()),
            Facet::Group => group_label(value, localizer),
            Facet::Channel => keyed(format!("channel-{value}")),
            Facet::Country => value
                .parse::<consulta_core::CountryCode>()
                .map_or_else(|_| value.to_owned(), |c| c.country().name(localizer.language()).to_owned()),
            Facet::RegionalGroup => keyed(format!("region-{value}")),
            Facet::Language => localizer.format("language-of", &[("language", value.into())]),
            Facet::Year => value.to_owned(),
        }
    }
}

fn facet_title(facet: Facet, localizer: &Localizer) -> String {
    localizer.text(&format!("search-facet-{}", facet.name()))
}

/// The search page.
pub fn search_page(store: &dyn Store, index: &SearchIndex, params: &SearchParams, localizer: &Localizer) -> PageResult {
    let results = run(store, index, params)?;
    let labels = ValueLabels::new(store, localizer)?;
    let is_active = |facet: Facet, value: &str| params.filters.iter().any(|(f, v)| *f == facet && v == value);
    let facets: Vec<Value> = results
        .facets
        .iter()
        .filter(|count| !count.values.is_empty())
        .map(|count| {
            let values: Vec<Value> = count
                .values
                .iter()
                .enumerate()
                .filter(|(rank, (value, _))| *rank < FACET_VALUES_SHOWN || is_active(count.facet, value))
                .map(|(_, (value, n))| {
                    json!({
                        "label": labels.label(count.facet, value, localizer),
                        "count": n,
                        "url": params.toggled(count.facet, value),
                        "active": is_active(count.facet, value),
                    })
                })
                .collect();
            json!({ "name": count.facet.name(), "label": facet_title(count.facet, localizer), "values": values })
        })
        .collect();
    let active: Vec<Value> = params
        .filters
        .iter()
        .map(|(facet, value)| {
            json!({
                "name": facet.name(),
                "value": value,
                "label": localizer.format("search-filter", &[
                    ("facet", facet_title(*facet, localizer).into()),
                    ("value", labels.label(*facet, value, localizer).into()),
                ]),
                "remove": params.toggled(*facet, value),
            })
        })
        .collect();
    let from = (params.page - 1) * params.per_page + 1;
    let to = from + results.hits.len().saturating_sub(1);
    let last_page = pages_of(results.total as usize, params.per_page).clamp(1, pages_of(MAX_RESULTS, params.per_page));
    // Each date in its consultation's time zone, as on the consultation's own page.
    let mut zones = std::collections::HashMap::new();
    for hit in &results.hits {
        if !zones.contains_key(&hit.text.consultation) {
            let zone = store.consultation_by_slug(&hit.text.consultation)?.map(|c| c.record.time_zone);
            zones.insert(hit.text.consultation.clone(), zone.unwrap_or(jiff::tz::TimeZone::UTC));
        }
    }
    let dated = crate::pages::dates_in_zones(
        results.hits.iter().map(|hit| (hit.text.submitted_at, &zones[&hit.text.consultation])),
        localizer,
    );
    let hits: Vec<Value> =
        results.hits.iter().zip(dated.dates).map(|(hit, date)| hit_summary(hit, date, &labels, localizer)).collect();
    let sorts: Vec<Value> = Sort::ALL
        .iter()
        .map(|s| {
            json!({
                "name": s.name(),
                "label": localizer.text(&format!("search-sort-{}", s.name())),
                "selected": *s == params.sort,
            })
        })
        .collect();
    let title = if params.query.is_empty() {
        localizer.text("search-title")
    } else {
        localizer.format("search-title-query", &[("query", params.query.as_str().into())])
    };
    Ok(Page {
        template: "search.html",
        title,
        is_example: labels.any_example,
        context: json!({
            "q": params.query,
            "collapse": params.collapse,
            "sorts": sorts,
            "sort": params.sort.name(),
            "facets": facets,
            "active": active,
            "hits": hits,
            "zone_note": dated.note,
            // Each result names its consultation only when they are not all from one.
            "several_consultations": results
                .facets
                .iter()
                .any(|c| c.facet == Facet::Consultation && c.values.len() > 1),
            "from": from,
            "summary": localizer.format("search-count", &[
                ("total", results.total.into()), ("from", (from as u64).into()), ("to", (to as u64).into()),
            ]),
            "previous": (params.page > 1).then(|| params.url(&params.filters, params.page - 1)),
            "next": (params.page < last_page).then(|| params.url(&params.filters, params.page + 1)),
        }),
    })
}

fn hit_summary(hit: &Found, date: String, labels: &ValueLabels, localizer: &Localizer) -> Value {
    let text = &hit.text;
    json!({
        "id": text.id.0,
        "title": text.title,
        "lang": text.language,
        "entity": text.entity_name,
        "group": group_label(text.group.as_str(), localizer),
        "channel": localizer.text(&format!("channel-{}-short", text.channel.as_str())),
        "consultation": labels.label(Facet::Consultation, &text.consultation, localizer),
        "consultation_slug": text.consultation,
        "date": date,
        "unverified": text.unverified,
        "altered": hit.altered,
        "snippet_html": hit.snippet_html,
        "similar": hit.campaign.filter(|(_, similar)| *similar > 0).map(|(campaign, similar)| json!({
            "url": format!("/consultations/{}/campaigns/{}", text.consultation, campaign.0),
            "label": localizer.format("search-similar", &[("count", similar.into())]),
        })),
    })
}

/// `GET /api/v1/search`: the results as JSON (documented in docs/open-data.md).
pub fn search_json(
    store: &dyn Store,
    index: &SearchIndex,
    params: &SearchParams,
) -> Result<crate::openapi::SearchResponse, PageError> {
    use crate::openapi::{FacetValue, SearchFilter, SearchHit, SearchResponse};
    let results = run(store, index, params)?;
    let facets = results
        .facets
        .iter()
        .map(|FacetCount { facet, values }| {
            let values =
                values.iter().map(|(value, count)| FacetValue { value: value.clone(), count: *count }).collect();
            (facet.name().to_owned(), values)
        })
        .collect();
    let hits = results
        .hits
        .iter()
        .map(|hit| {
            let text = &hit.text;
            SearchHit {
                id: text.id.0,
                url: format!("/contributions/{}", text.id.0),
                consultation: text.consultation.clone(),
                entity_name: text.entity_name.clone(),
                stakeholder_group: text.group.as_str().to_owned(),
                channel: text.channel.as_str().to_owned(),
                country: text.country.map(|c| c.as_str().to_owned()),
                language: text.language.clone(),
                submitted_at: text.submitted_at.to_string(),
                identity: text.identity.as_str(),
                identity_verified: !text.unverified,
                record_altered: hit.altered,
                title: text.title.clone(),
                snippet: hit.snippet.clone(),
                snippet_html: hit.snippet_html.clone(),
                campaign: hit.campaign.map(|(campaign, _)| campaign.0),
                similar: hit.campaign.map(|(_, similar)| similar),
            }
        })
        .collect();
    Ok(SearchResponse {
        query: params.query.clone(),
        filters: params.filters.iter().map(|(f, v)| SearchFilter { facet: f.name(), value: v.clone() }).collect(),
        sort: params.sort.name(),
        page: params.page,
        per_page: params.per_page,
        collapse: params.collapse,
        total: results.total,
        results: hits,
        facets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(query: &[(&str, &str)]) -> Result<SearchParams, PageError> {
        SearchParams::parse(&query.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect::<Vec<_>>())
    }

    #[test]
    fn pages_reach_the_ten_thousandth_result_at_most_whatever_their_size() {
        assert_eq!(parsed(&[("page", "500")]).expect("page 500 of 20").request().offset, 9_980);
        assert!(matches!(parsed(&[("page", "501")]), Err(PageError::BadRequest(p)) if p == "page=501"));
        let last = parsed(&[("page", "100"), ("per_page", "100")]).expect("page 100 of 100").request();
        assert_eq!((last.offset, last.limit), (9_900, 100));
        assert!(parsed(&[("page", "101"), ("per_page", "100")]).is_err(), "whichever comes first");
        assert!(parsed(&[("page", "0")]).is_err());
    }
}
