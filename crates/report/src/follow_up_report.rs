//! The annual report on the follow-up (`consulta report --kind follow-up --year Y`), in the
//! same UN layout and the same four formats as the consultation's report: how the commitments
//! stood at the end of the year, who facilitated each action line (the matrix of action lines
//! and facilitators), progress by action line against the year before, the commitments nobody
//! reported on during the year, the year's reporting rounds, and the forum's projects with the
//! funding sources each meets.

use consulta_followup::{CommitmentStatus, FacilitatorRole, action_lines};
use consulta_i18n::{Arg, Localizer};
use consulta_store::{CommitmentFilter, CommitmentUpdate, Store, StoredCommitment};
use jiff::civil::Date;

use crate::document::{Builder, Chart, Document, FrontMatter, Span, Table, roman};
use crate::follow_up::{FollowUpError, status_name};

/// A commitment as it stood at the end of a year: its latest update on or before that day.
fn as_of(updates: &[CommitmentUpdate], day: Date) -> Option<&CommitmentUpdate> {
    updates.iter().rfind(|u| u.on <= day)
}

struct Followed {
    commitment: StoredCommitment,
    updates: Vec<CommitmentUpdate>,
}

/// Writes the year's report in the localizer's language, dated `today`.
pub fn annual_report(
    store: &dyn Store,
    year: i16,
    localizer: &Localizer,
    today: Date,
) -> Result<Document, FollowUpError> {
    let l = localizer;
    let language = l.language();
    let (start, end) = (jiff::civil::date(year, 1, 1), jiff::civil::date(year, 12, 31));
    let year_arg = || Arg::Number(f64::from(year));
    let mut updates = store.all_commitment_updates()?;
    let followed: Vec<Followed> = store
        .commitments(&CommitmentFilter::default())?
        .into_iter()
        .map(|commitment| Followed { updates: updates.remove(&commitment.id).unwrap_or_default(), commitment })
        // A commitment first reported after the year is not in its report.
        .filter(|f| as_of(&f.updates, end).is_some())
        .collect();
    let status_at_end = |f: &Followed| as_of(&f.updates, end).map(|u| (u.status, u.progress.percent()));
    let count = |status: CommitmentStatus, of: &[&Followed]| {
        of.iter().filter(|f| status_at_end(f).map(|s| s.0) == Some(status)).count()
    };
    let all: Vec<&Followed> = followed.iter().collect();
    let updated_in_year = |f: &Followed| f.updates.iter().any(|u| u.on >= start && u.on <= end);

    let masthead = vec![
        l.text("report-distribution"),
        l.date(today),
        l.format("report-original", &[("name", l.format("language-of", &[("language", language.into())]).into())]),
    ];
    let mut b = Builder::default();
    let counts = |of: &[&Followed]| -> Vec<(&'static str, Arg)> {
        vec![
            ("count", of.len().into()),
            ("achieved", count(CommitmentStatus::Achieved, of).into()),
            ("progress", count(CommitmentStatus::InProgress, of).into()),
            ("planned", count(CommitmentStatus::Planned, of).into()),
            ("dropped", count(CommitmentStatus::Dropped, of).into()),
        ]
    };

    // I. Introduction.
    b.heading(l.text("report-follow-up-section-introduction"));
    let mut args = counts(&all);
    args.push(("year", year_arg()));
    args.push(("updates", followed.iter().filter(|f| updated_in_year(f)).count().into()));
    b.numbered(vec![Span::Text(l.format("report-follow-up-introduction", &args))]);
    if let Some(cycle) = crate::follow_up::cycle_sentence(i32::from(year), l) {
        b.numbered(vec![Span::Text(cycle)]);
    }
    b.chart(Chart {
        caption: l.format("report-follow-up-chart", &[("year", year_arg())]),
        bars: CommitmentStatus::ALL.iter().map(|s| (status_name(s.as_str(), l), count(*s, &all) as u64)).collect(),
    });

    // II. The action lines and their facilitators.
    b.heading(l.text("report-follow-up-section-facilitators"));
    let facilitators = store.facilitators(Some(i32::from(year)))?;
    if facilitators.is_empty() {
        b.numbered(vec![Span::Text(l.format("report-follow-up-no-facilitators", &[("year", year_arg())]))]);
    } else {
        let names = |code: &str, role: FacilitatorRole| {
            let of: Vec<&str> = facilitators
                .iter()
                .filter(|f| f.action_line == code && f.role == role)
                .map(|f| f.organisation.as_str())
                .collect();
            if of.is_empty() { "—".to_owned() } else { of.join(", ") }
        };
        b.numbered(vec![Span::Text(l.format("report-follow-up-facilitators", &[("year", year_arg())]))]);
        b.table(Table {
            caption: l.format("report-follow-up-facilitators-caption", &[("year", year_arg())]),
            header: vec![
                l.text("action-line-column-line"),
                l.text("report-follow-up-column-lead"),
                l.text("report-follow-up-column-co-facilitators"),
                l.text("report-follow-up-column-moderators"),
            ],
            rows: action_lines()
                .iter()
                .map(|line| {
                    vec![
                        format!("{} {}", line.code, line.title(language)),
                        names(&line.code, FacilitatorRole::Lead),
                        names(&line.code, FacilitatorRole::CoFacilitator),
                        names(&line.code, FacilitatorRole::Moderator),
                    ]
                })
                .collect(),
            total: None,
            numeric: false,
        });
    }

    // III. Progress by action line.
    b.heading(l.text("report-follow-up-section-progress"));
    let year_before = jiff::civil::date(year - 1, 12, 31);
    for line in action_lines() {
        let serving: Vec<&Followed> =
            followed.iter().filter(|f| f.commitment.commitment.action_lines.contains(&line.code)).collect();
        if serving.is_empty() {
            continue;
        }
        let mut args = counts(&serving);
        args.push(("line", format!("{} {}", line.code, line.title(language)).into()));
        b.numbered(vec![Span::Text(l.format("report-follow-up-line", &args))]);
        b.table(Table {
            caption: l.format("report-follow-up-commitments-caption", &[("line", line.code.clone().into())]),
            header: vec![
                l.text("commitment-column-title"),
                l.text("commitment-entity"),
                l.text("commitment-status"),
                l.format("report-follow-up-progress-at", &[("year", Arg::Number(f64::from(year - 1)))]),
                l.format("report-follow-up-progress-at", &[("year", year_arg())]),
            ],
            rows: serving
                .iter()
                .map(|f| {
                    let c = &f.commitment.commitment;
                    let now = status_at_end(f);
                    let before = as_of(&f.updates, year_before)
                        .map_or("—".to_owned(), |u| format!("{} %", u.progress.percent()));
                    vec![
                        c.title.clone(),
                        c.entity.clone(),
                        now.map(|s| status_name(s.0.as_str(), l)).unwrap_or_default(),
                        before,
                        now.map(|s| format!("{} %", s.1)).unwrap_or_default(),
                    ]
                })
                .collect(),
            total: None,
            numeric: false,
        });
    }

    // IV. Commitments not reported on during the year.
    b.heading(l.text("report-follow-up-section-missing"));
    let open = |f: &&Followed| {
        matches!(status_at_end(f).map(|s| s.0), Some(CommitmentStatus::Planned | CommitmentStatus::InProgress))
    };
    let silent: Vec<&Followed> = followed.iter().filter(open).filter(|f| !updated_in_year(f)).collect();
    if silent.is_empty() {
        b.numbered(vec![Span::Text(l.format("report-follow-up-none-missing", &[("year", year_arg())]))]);
    } else {
        b.numbered(vec![Span::Text(
            l.format("report-follow-up-missing", &[("count", silent.len().into()), ("year", year_arg())]),
        )]);
        b.table(Table {
            caption: l.format("report-follow-up-missing-caption", &[("year", year_arg())]),
            header: vec![
                l.text("commitment-column-title"),
                l.text("commitment-entity"),
                l.text("report-follow-up-last-report"),
            ],
            rows: silent
                .iter()
                .map(|f| {
                    let last = f.updates.last().map(|u| l.date(u.on)).unwrap_or_default();
                    vec![f.commitment.commitment.title.clone(), f.commitment.commitment.entity.clone(), last]
                })
                .collect(),
            total: None,
            numeric: false,
        });
    }

    // The chapters that follow are there only when the year has something to say in them.
    let mut next_chapter = 4;
    // V. The year's reporting rounds: who reported, who was late.
    let now = today.to_zoned(jiff::tz::TimeZone::UTC).map_or(jiff::Timestamp::now(), |z| z.timestamp());
    let rounds: Vec<_> = crate::reporting_rounds::rounds(store, language, now)?
        .into_iter()
        .filter(|r| r.year == i32::from(year))
        .collect();
    if !rounds.is_empty() {
        next_chapter += 1;
        b.heading(l.format("report-follow-up-section-rounds", &[("number", roman(next_chapter).into())]));
        for round in &rounds {
            let late: Vec<&str> = round
                .invitees
                .iter()
                .filter(|i| i.standing == crate::reporting_rounds::Standing::Late)
                .map(|i| i.name.as_str())
                .collect();
            let args = [
                ("round", round.title.clone().into()),
                ("reported", round.reported.into()),
                ("count", round.invitees.len().into()),
            ];
            let mut text = l.format("report-follow-up-round", &args);
            if !late.is_empty() {
                text.push(' ');
                text.push_str(&l.format("report-follow-up-round-late", &[("names", late.join(", ").into())]));
            } else if round.open {
                text.push(' ');
                text.push_str(&l.text("report-follow-up-round-open"));
            }
            b.numbered(vec![Span::Text(text)]);
        }
    }

    // VI. The forum on projects and funding: the year's items and the funding each project meets.
    let posted: Vec<_> = crate::forum::items(store, &crate::forum::ForumQuery::default(), today, l)
        .map_err(FollowUpError::Forum)?
        .into_iter()
        .filter(|i| i.posted_on.starts_with(&format!("{year}-")))
        .collect();
    if !posted.is_empty() {
        next_chapter += 1;
        b.heading(l.format("report-follow-up-section-forum", &[("number", roman(next_chapter).into())]));
        let projects: Vec<_> = posted.iter().filter(|i| i.kind == "project").collect();
        let args = [
            ("year", year_arg()),
            ("projects", projects.len().into()),
            ("funding", (posted.len() - projects.len()).into()),
            ("matched", projects.iter().filter(|p| !p.matches.is_empty()).count().into()),
        ];
        b.numbered(vec![Span::Text(l.format("report-follow-up-forum", &args))]);
        if !projects.is_empty() {
            b.table(Table {
                caption: l.format("report-follow-up-forum-caption", &[("year", year_arg())]),
                header: vec![
                    l.text("forum-kind-project"),
                    l.text("forum-posted-by"),
                    l.text("forum-field-action-lines"),
                    l.text("forum-matches-funding"),
                ],
                rows: projects
                    .iter()
                    .map(|p| {
                        let funders: Vec<&str> = p.matches.iter().map(|m| m.entity.as_str()).collect();
                        let funders = if funders.is_empty() { "—".to_owned() } else { funders.join("; ") };
                        vec![p.title.clone(), p.entity.clone(), p.action_lines.join(", "), funders]
                    })
                    .collect(),
                total: None,
                numeric: false,
            });
        }
    }

    Ok(Document {
        language: language.to_owned(),
        front: FrontMatter::default(),
        masthead,
        title: l.format("report-follow-up-title", &[("year", year_arg())]),
        subtitle: l.text("report-follow-up-subtitle"),
        blocks: b.finish(),
        separate_annex: false,
    })
}
