//! The demonstration's forum on projects and funding: invented projects and funding sources of
//! the demo's invented entities (`demo/example_forum.json`, each item's fields as
//! `consulta forum post` reads them), some matched and one not, a thread of a question and its
//! answer, and an answer the secretariat hid, to show moderation.

use anyhow::Context;
use consulta_followup::ForumFields;
use consulta_report::forum;
use consulta_store::{AuditActor, Store};
use jiff::{Timestamp, ToSpan};

const FORUM: &str = include_str!("../../demo/example_forum.json");

#[derive(serde::Deserialize)]
struct DemoItem {
    entity: String,
    item: ForumFields,
    /// The funding source's deadline, counted from the demo's day.
    deadline_in_days: Option<i64>,
    /// (entity, text) or (entity, text, the secretariat's reason for hiding it).
    thread: Vec<Vec<String>>,
}

fn entity(store: &mut dyn Store, name: &str) -> anyhow::Result<consulta_core::Entity> {
    let parsed: consulta_core::EntityName = name.parse().map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    consulta_store::audited::recorded_entity(store, &parsed)?.with_context(|| format!("no demo entity {name}"))
}

pub fn post(store: &mut dyn Store, now: Timestamp) -> anyhow::Result<()> {
    let items: Vec<DemoItem> = serde_json::from_str(FORUM).context("demo/example_forum.json")?;
    let by = AuditActor::command_line("demo", now);
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    for demo in items {
        let poster = entity(store, &demo.entity)?;
        let mut fields = demo.item;
        if let Some(days) = demo.deadline_in_days {
            fields.deadline = today.checked_add(days.days())?.to_string();
        }
        let id =
            forum::post(store, &poster, None, &fields, &by).map_err(|e| anyhow::anyhow!("{}: {e}", fields.title))?;
        for answer in &demo.thread {
            let [name, text, rest @ ..] = answer.as_slice() else {
                anyhow::bail!("a thread's answer needs its entity and text")
            };
            let author = entity(store, name)?;
            let number = forum::reply(store, id.0, &author, None, text, &by).map_err(|e| anyhow::anyhow!("{e}"))?;
            if let Some(reason) = rest.first() {
                forum::moderate(store, id.0, Some(number), Some(reason), &by).map_err(|e| anyhow::anyhow!("{e}"))?;
            }
        }
    }
    Ok(())
}
