//! Accreditation lists (ECOSOC consultative status, ITU sector members, WSIS-accredited,
//! CSTD-approved, or any list the secretariat keeps) imported from CSV, with the addresses of
//! each entity's focal points. All or nothing, every bad row reported, as for contributions.

use std::io::Read;

use consulta_core::access::is_email_address;
use consulta_core::{EntityName, Language, NewEntity};
use consulta_store::{AuditActor, AuditEntry, Store};

use crate::csv_rows::{CsvRows, RowProblems};
use crate::{Columns, EntityBook, FileProblem, ImportError, RowProblem, known_group};

/// The well-known lists of seeds/003 §8, with their names; others may be made.
pub const KNOWN_LISTS: [(&str, &str); 4] = [
    ("ecosoc", "ECOSOC consultative status"),
    ("itu", "ITU sector members"),
    ("wsis", "WSIS-accredited entities"),
    ("cstd", "CSTD-approved entities"),
];

const REQUIRED: [&str; 3] = ["entity", "stakeholder_group", "country"];
const OPTIONAL: [&str; 3] = ["focal_point_email", "focal_point_name", "language"];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListSummary {
    pub entities: u64,
    pub new_entities: u64,
    pub contacts: u64,
}

/// The value, or None with the problem noted against `column`.
fn note<T>(
    problems: &mut Vec<(&'static str, RowProblem)>,
    column: &'static str,
    result: Result<T, RowProblem>,
) -> Option<T> {
    result.map_err(|problem| problems.push((column, problem))).ok()
}

/// A list's slug: lower-case letters, digits and dashes.
pub fn check_list_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 40
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Imports `input` into the list `slug` (created, or renamed to `name`): each row an entity
/// (matched by name, created if new) and optionally one focal point's address. Audited.
pub fn import_list(
    store: &mut dyn Store,
    slug: &str,
    name: &str,
    input: impl Read,
    by: &AuditActor,
) -> Result<ListSummary, ImportError> {
    let groups = store.stakeholder_groups()?;
    let mut on_progress = |_| {};
    let mut rows = CsvRows::open(input, &mut on_progress)?;
    let columns = Columns::named(&rows.header, &REQUIRED, &OPTIONAL).map_err(ImportError::File)?;
    let mut transaction = store.begin()?;
    let list = transaction.ensure_list(slug, name)?;
    let mut entities = EntityBook::default();
    let mut refused = RowProblems::default();
    let mut summary = ListSummary::default();
    while let Some((line, record)) = rows.next_row(&mut refused)? {
        let mut problems = Vec::new();
        let field = |name| columns.field(record, name);
        let entity_name = note(
            &mut problems,
            "entity",
            field("entity").and_then(|t| t.parse::<EntityName>().map_err(RowProblem::EntityName)),
        );
        let group =
            note(&mut problems, "stakeholder_group", field("stakeholder_group").and_then(|t| known_group(t, &groups)));
        let country = note(&mut problems, "country", field("country").and_then(|t| crate::country_field(t, false)));
        let email = note(
            &mut problems,
            "focal_point_email",
            field("focal_point_email").and_then(|t| match t {
                "" => Ok(None),
                t if is_email_address(t) => Ok(Some(t.to_lowercase())),
                t => Err(RowProblem::BadEmail(t.to_owned())),
            }),
        );
        let language = note(
            &mut problems,
            "language",
            field("language").and_then(|t| match t {
                "" => Ok("en".parse::<Language>().map_err(|_| RowProblem::BadLanguage(t.to_owned()))?),
                t => t.parse::<Language>().map_err(|_| RowProblem::BadLanguage(t.to_owned())),
            }),
        );
        let contact_name = field("focal_point_name").unwrap_or_default().to_owned();
        let (Some(entity_name), Some(group), Some(country), Some(email), Some(language)) =
            (entity_name, group, country, email, language)
        else {
            for (column, problem) in problems {
                refused.report(line, Some(column), problem);
            }
            continue;
        };
        let described = NewEntity { name: entity_name, group, country, is_example: false, claimed: false };
        if let Err((column, problem)) = entities.check(&mut *transaction, &described)? {
            refused.report(line, Some(column), problem);
            continue;
        }
        if refused.any() {
            continue;
        }
        let (entity, created) = entities.record(&mut *transaction, &described)?;
        summary.new_entities += u64::from(created);
        summary.entities += 1;
        transaction.add_list_member(list, entity)?;
        if let Some(email) = email {
            let name = if contact_name.is_empty() { email.clone() } else { contact_name };
            transaction.add_contact(entity, &email, &name, language.primary())?;
            summary.contacts += 1;
        }
    }
    refused.into_result()?;
    if summary.entities == 0 {
        return Err(ImportError::File(FileProblem::NoRows));
    }
    transaction.record_audit(&AuditEntry {
        by: by.clone(),
        action: "list.import".to_owned(),
        subject: format!("list {slug}"),
        before: None,
        after: Some(serde_json::json!({
            "name": name,
            "entities": summary.entities,
            "new_entities": summary.new_entities,
            "contacts": summary.contacts,
        })),
    })?;
    transaction.commit()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use consulta_store::AccountStore;
    use consulta_store::SqliteStore;

    fn store() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let store = SqliteStore::open(&dir.path().join("consulta.db")).expect("store");
        (dir, store)
    }

    fn by() -> AuditActor {
        AuditActor::command_line("test", jiff::Timestamp::now())
    }

    #[test]
    fn a_list_is_imported_with_its_contacts_and_selected_by_it() {
        let (_dir, mut store) = store();
        let file = "entity,stakeholder_group,country,focal_point_email,focal_point_name,language\r\n\
                    Example Network,civil_society,SN,Awa@Example.org,Awa Diop,fr\r\n\
                    Example Network,civil_society,SN,second@example.org,,\r\n\
                    Example Chamber,private_sector,BR,,,\r\n";
        let summary =
            import_list(&mut store, "ecosoc", "ECOSOC consultative status", file.as_bytes(), &by()).expect("import");
        assert_eq!(summary, ListSummary { entities: 3, new_entities: 2, contacts: 2 });
        let selection = consulta_store::Selection { lists: vec!["ecosoc".into()], ..Default::default() };
        let contacts = store.invitation_targets(&selection).expect("targets");
        let addresses: Vec<(&str, &str, &str)> =
            contacts.iter().map(|c| (c.email.as_str(), c.name.as_str(), c.language.as_str())).collect();
        assert_eq!(
            addresses,
            [("awa@example.org", "Awa Diop", "fr"), ("second@example.org", "second@example.org", "en")]
        );
        assert_eq!(
            store.accreditation_lists().expect("lists"),
            [("ecosoc".into(), "ECOSOC consultative status".into(), 2)]
        );
        let none = consulta_store::Selection { lists: vec!["itu".into()], ..Default::default() };
        assert!(store.invitation_targets(&none).expect("targets").is_empty());
    }

    #[test]
    fn a_bad_row_refuses_the_whole_file_with_line_and_column() {
        let (_dir, mut store) = store();
        let file = "entity,stakeholder_group,country,focal_point_email\n\
                    Example Network,civil_society,SN,awa@example.org\n\
                    \n\
                    Example Other,society,XX,not-an-address\n";
        let Err(ImportError::Rows { errors, .. }) = import_list(&mut store, "wsis", "WSIS", file.as_bytes(), &by())
        else {
            panic!("refused");
        };
        let found: Vec<(u64, Option<&str>)> = errors.iter().map(|e| (e.line, e.field)).collect();
        assert_eq!(found, [(4, Some("stakeholder_group")), (4, Some("country")), (4, Some("focal_point_email"))]);
        assert!(store.accreditation_lists().expect("lists").is_empty(), "nothing was written");
        assert!(matches!(
            import_list(&mut store, "wsis", "WSIS", "entity,group\n".as_bytes(), &by()),
            Err(ImportError::File(FileProblem::UnknownColumns(_)))
        ));
    }
}
