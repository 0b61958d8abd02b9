//! `consulta body`: bodies whose membership must be balanced — create one, set its rules and
//! the solver's objective, import nominations from CSV, pin nominees in or out, check a slate
//! (the members seated today by default), solve for the best slate or the rules that conflict,
//! seat a slate for a term, and show the body with its composition.

use anyhow::{Context, bail};
use consulta_composition::{Attribute, Objective, Pin, Solved, check};
use consulta_i18n::{Arg, Localizer};
use consulta_report::bodies::{
    self, BodyError, candidates, composition, read_nominations, seated_on, violation_message,
};
use consulta_store::{Database, NewBody, StoreError};

use crate::cli::{
    BodyChairs, BodyCheck, BodyCommand, BodyCreate, BodyNominate, BodyPin, BodyRules, BodySeat, BodyShow, BodySolve,
    ListFormat, ObjectiveArg, PinArg,
};
use crate::commands::{command_line, find_consultation, open_existing};

pub fn run(database: &Database, command: BodyCommand, localizer: &Localizer) -> anyhow::Result<()> {
    match command {
        BodyCommand::Create(args) => create(database, args, localizer),
        BodyCommand::Rules(args) => set_rules(database, args, localizer),
        BodyCommand::Nominate(args) => nominate(database, args, localizer),
        BodyCommand::Pin(args) => pin(database, args, localizer),
        BodyCommand::Check(args) => check_slate(database, args, localizer),
        BodyCommand::Solve(args) => solve_body(database, args, localizer),
        BodyCommand::Seat(args) => seat(database, args, localizer),
        BodyCommand::Chairs(args) => chairs(database, args, localizer),
        BodyCommand::Show(args) => show(database, args, localizer),
    }
}

fn said(error: BodyError, localizer: &Localizer) -> anyhow::Error {
    anyhow::anyhow!(error.message(localizer))
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn create(database: &Database, args: BodyCreate, localizer: &Localizer) -> anyhow::Result<()> {
    let valid = |text: &str, max: usize| !text.trim().is_empty() && text.chars().count() <= max;
    if !valid(&args.slug, 80) || !args.slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        bail!(localizer.format("draft-slug", &[("value", args.slug.clone().into())]));
    }
    if !valid(&args.name, 300) || args.mandate.chars().count() > 4000 || !(1..=10).contains(&args.term_years) {
        bail!(localizer.text("body-bad-fields"));
    }
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let new = NewBody {
        consultation: consultation.id,
        slug: &args.slug,
        name: args.name.trim(),
        mandate: args.mandate.trim(),
        term_years: args.term_years,
    };
    match store.add_body(&new, &command_line()) {
        Ok(_) => println!("{}", localizer.format("cli-body-created", &[("slug", args.slug.into())])),
        Err(StoreError::DuplicateBody(slug)) => bail!(localizer.format("body-duplicate", &[("slug", slug.into())])),
        Err(other) => return Err(other.into()),
    }
    Ok(())
}

fn set_rules(database: &Database, args: BodyRules, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let body = bodies::body(&*store, &args.slug).map_err(|e| said(e, localizer))?;
    let Some(file) = &args.file else {
        print!("{}", body.rules);
        return Ok(());
    };
    let text = std::fs::read_to_string(file).with_context(|| file.display().to_string())?;
    let rules = consulta_composition::parse_rules(&text)
        .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), BodyError::Rules(e).message(localizer)))?;
    let objective = match args.objective {
        Some(ObjectiveArg::Priority) => Objective::Priority,
        Some(ObjectiveArg::SpreadCountries) => Objective::SpreadCountries,
        Some(ObjectiveArg::KeepSeated) => Objective::KeepSeated,
        None => body.objective,
    };
    store.set_body_rules(body.id, &text, objective, &command_line())?;
    let args: [(&str, Arg); 2] = [("slug", args.slug.into()), ("rules", rules.rules.len().into())];
    println!("{}", localizer.format("cli-body-rules-set", &args));
    Ok(())
}

fn nominate(database: &Database, args: BodyNominate, localizer: &Localizer) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.csv).with_context(|| args.csv.display().to_string())?;
    let mut store = open_existing(database, localizer)?;
    let body = bodies::body(&*store, &args.slug).map_err(|e| said(e, localizer))?;
    let nominations = read_nominations(&mut *store, &bytes)
        .map_err(|e| anyhow::anyhow!("{}: {}", args.csv.display(), e.message(localizer)))?;
    let ids = store.nominate(body.id, &nominations, &command_line())?;
    let args: [(&str, Arg); 2] = [("slug", args.slug.into()), ("count", ids.len().into())];
    println!("{}", localizer.format("cli-body-nominated", &args));
    Ok(())
}

fn pin(database: &Database, args: BodyPin, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let body = bodies::body(&*store, &args.slug).map_err(|e| said(e, localizer))?;
    let pin = match args.pin {
        PinArg::In => Pin::In,
        PinArg::Out => Pin::Out,
        PinArg::Free => Pin::Free,
    };
    match store.set_pin(body.id, args.nomination, pin, &command_line()) {
        Err(StoreError::NotANomination(n)) => {
            bail!(localizer.format("body-not-a-nomination", &[("number", Arg::Number(n as f64))]))
        }
        other => other?,
    }
    println!("{}", localizer.format("cli-body-pinned", &[("number", Arg::Number(args.nomination as f64))]));
    Ok(())
}

/// A slate's members as indices among the nominations, or the number that is not one.
fn indices(
    nominations: &[consulta_store::StoredNomination],
    slate: &[i64],
    localizer: &Localizer,
) -> anyhow::Result<Vec<usize>> {
    slate
        .iter()
        .map(|n| {
            nominations.iter().position(|s| s.id == *n).ok_or_else(|| {
                anyhow::anyhow!(localizer.format("body-not-a-nomination", &[("number", Arg::Number(*n as f64))]))
            })
        })
        .collect()
}

fn check_slate(database: &Database, args: BodyCheck, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let body = bodies::body(&*store, &args.slug).map_err(|e| said(e, localizer))?;
    let rules = bodies::rules(&body).map_err(|e| said(e, localizer))?;
    let (nominations, candidates) = candidates(&*store, &body, today()).map_err(|e| said(e, localizer))?;
    let slate = if args.slate.is_empty() { seated_on(&store.memberships(body.id)?, today()) } else { args.slate };
    let members = indices(&nominations, &slate, localizer)?;
    let broken = check(&candidates, &rules, &members);
    let messages: Vec<String> = broken.iter().map(|v| violation_message(v, &rules, localizer)).collect();
    match args.format {
        ListFormat::Json => {
            let rows: Vec<serde_json::Value> = broken
                .iter()
                .zip(&messages)
                .map(|(v, m)| serde_json::json!({ "line": v.line, "attribute": v.attribute, "value": v.value, "found": v.found, "required": v.required, "message": m }))
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows)?);
        }
        ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(std::io::stdout());
            out.write_record(["line", "value", "found", "required", "message"])?;
            for (v, m) in broken.iter().zip(&messages) {
                let required = v.required.to_string();
                out.write_record([
                    &v.line.to_string(),
                    v.value.as_deref().unwrap_or(""),
                    &v.found.to_string(),
                    &required,
                    m,
                ])?;
            }
            out.flush()?;
        }
        ListFormat::Text => {
            if broken.is_empty() {
                println!("{}", localizer.format("cli-body-slate-passes", &[("count", slate.len().into())]));
            }
            for message in &messages {
                println!("{message}");
            }
        }
    }
    if !broken.is_empty() && matches!(args.format, ListFormat::Text) {
        bail!(localizer.format("cli-body-slate-fails", &[("count", broken.len().into())]));
    }
    Ok(())
}

fn solve_body(database: &Database, args: BodySolve, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let body = bodies::body(&*store, &args.slug).map_err(|e| said(e, localizer))?;
    let bodies::Solution { nominations, rules, answer, .. } =
        bodies::solve_body(&*store, &body, today()).map_err(|e| said(e, localizer))?;
    let slate = match answer {
        Solved::Slate(slate) => slate,
        Solved::Conflict { rules: conflict } => {
            let lines: Vec<String> = conflict
                .iter()
                .filter_map(|i| rules.rules.get(*i))
                .map(|(line, rule)| {
                    localizer.format(
                        "cli-body-conflicting-rule",
                        &[("line", (*line).into()), ("rule", rule.to_string().into())],
                    )
                })
                .collect();
            bail!("{}\n{}", localizer.text("cli-body-no-slate"), lines.join("\n"));
        }
    };
    let members: Vec<&consulta_store::StoredNomination> = slate.members.iter().map(|&i| &nominations[i]).collect();
    match args.format {
        ListFormat::Json => {
            let rows: Vec<serde_json::Value> = members
                .iter()
                .map(|n| serde_json::json!({ "nomination": n.id, "person": n.nomination.person, "stakeholder_group": n.nomination.stakeholder_group, "country": n.nomination.country.map(|c| c.as_str().to_owned()), "gender": n.nomination.gender }))
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({ "score": slate.score, "members": rows }))?
            );
        }
        ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(std::io::stdout());
            out.write_record(["nomination", "person", "stakeholder_group", "country", "gender"])?;
            for n in &members {
                let country = n.nomination.country.map(|c| c.as_str().to_owned()).unwrap_or_default();
                out.write_record([
                    &n.id.to_string(),
                    &n.nomination.person,
                    &n.nomination.stakeholder_group,
                    &country,
                    &n.nomination.gender,
                ])?;
            }
            out.flush()?;
        }
        ListFormat::Text => {
            println!("{}", localizer.format("cli-body-slate", &[("count", members.len().into())]));
            for n in &members {
                let country = n.nomination.country.map(|c| c.as_str().to_owned()).unwrap_or_default();
                let group = bodies::value_name(Attribute::Group, &n.nomination.stakeholder_group, localizer);
                let gender = bodies::value_name(Attribute::Gender, &n.nomination.gender, localizer);
                println!("{:>6}  {}  ({group}, {country}, {gender})", n.id, n.nomination.person);
            }
        }
    }
    Ok(())
}

fn seat(database: &Database, args: BodySeat, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let body = bodies::body(&*store, &args.slug).map_err(|e| said(e, localizer))?;
    let members = if args.members.is_empty() {
        bodies::solve_body(&*store, &body, today()).and_then(|s| s.slate()).map_err(|e| said(e, localizer))?
    } else {
        args.members
    };
    let start = match &args.from {
        Some(text) => text
            .parse::<jiff::civil::Date>()
            .map_err(|_| anyhow::anyhow!(localizer.format("draft-date", &[("value", text.clone().into())])))?,
        None => today(),
    };
    let seating = bodies::Seating { members, start, chair: args.chair, co_chair: args.co_chair };
    let end = bodies::seat(&mut *store, &body, &seating, today(), &command_line()).map_err(|e| said(e, localizer))?;
    let terms = seating.members;
    let args: [(&str, Arg); 4] = [
        ("slug", args.slug.into()),
        ("count", terms.len().into()),
        ("from", localizer.date(start).into()),
        ("until", localizer.date(end).into()),
    ];
    println!("{}", localizer.format("cli-body-seated", &args));
    Ok(())
}

fn show(database: &Database, args: BodyShow, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let body = bodies::body(&*store, &args.slug).map_err(|e| said(e, localizer))?;
    let (nominations, candidates) = candidates(&*store, &body, today()).map_err(|e| said(e, localizer))?;
    let members: Vec<usize> = candidates.iter().enumerate().filter(|(_, c)| c.seated).map(|(i, _)| i).collect();
    let by = |attribute: Attribute| -> Vec<(String, usize)> { composition(&candidates, &members, attribute) };
    match args.format {
        ListFormat::Json => {
            let json = serde_json::json!({
                "slug": body.slug,
                "name": body.name,
                "mandate": body.mandate,
                "term_years": body.term_years,
                "rules": body.rules,
                "objective": body.objective,
                "nominations": nominations.len(),
                "members": members.iter().map(|&i| serde_json::json!({ "nomination": nominations[i].id, "person": nominations[i].nomination.person })).collect::<Vec<_>>(),
                "composition": Attribute::ALL.iter().map(|a| (a.as_str(), by(*a))).collect::<std::collections::BTreeMap<_, _>>(),
            });
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
        _ => {
            println!("{}", body.name);
            let args: [(&str, Arg); 2] = [("members", members.len().into()), ("nominations", nominations.len().into())];
            println!("{}", localizer.format("cli-body-summary", &args));
            for attribute in [Attribute::Group, Attribute::Region, Attribute::Development, Attribute::Gender] {
                for (value, count) in by(attribute) {
                    println!("  {:<45} {count:>4}", bodies::value_name(attribute, &value, localizer));
                }
            }
        }
    }
    Ok(())
}

fn chairs(database: &Database, args: BodyChairs, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let mut body = bodies::body(&*store, &args.slug).map_err(|e| said(e, localizer))?;
    if let Some(rotation) = &args.rotation {
        let names: Vec<String> = rotation.split(',').map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()).collect();
        if names.len() > 50 || names.iter().any(|n| n.chars().count() > 200) {
            bail!(localizer.text("body-bad-fields"));
        }
        store.set_chair_rotation(body.id, &names, &command_line())?;
        body.chair_rotation = names;
    }
    let nominations = store.nominations(body.id)?;
    let memberships = store.memberships(body.id)?;
    let (next, co_chairs) = bodies::chairs(&body, &nominations, &memberships, today());
    if !body.chair_rotation.is_empty() {
        println!("{}", localizer.format("body-rotation", &[("rotation", body.chair_rotation.join(" → ").into())]));
    }
    if let Some(next) = next {
        println!("{}", localizer.format("body-next-chair", &[("nominator", next.into())]));
    }
    println!("{}", localizer.format("body-co-chair-candidates", &[("members", co_chairs.join(", ").into())]));
    Ok(())
}
