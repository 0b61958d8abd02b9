//! The report's annex of contributors: a table in the report while it is short, past that a CSV
//! file of its own, written from the store one contributor at a time.

use std::io::Write;

use consulta_core::Consultation;
use consulta_i18n::Localizer;
use consulta_store::{Contributor, Store, StoreError};

use crate::group_label;

/// Why the annex file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum AnnexError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the annex: {0}")]
    Csv(#[from] csv::Error),
}

/// The annex's column headings.
pub(crate) fn annex_header(l: &Localizer) -> Vec<String> {
    vec![l.text("report-contributor"), l.text("table-group"), l.text("report-country"), l.text("report-contributions")]
}

/// A contributor's row: name, stakeholder group, country, the numbers of its contributions.
pub(crate) fn annex_row(c: &Contributor, l: &Localizer) -> Vec<String> {
    vec![
        c.name.clone(),
        group_label(c.group.as_str(), l),
        c.country.map(|code| code.country().name(l.language()).to_owned()).unwrap_or_default(),
        c.contributions.iter().map(|id| id.0.to_string()).collect::<Vec<_>>().join(", "),
    ]
}

/// Writes the annex of `consultation` as CSV in the localizer's language: its header, then a row
/// per contributor, every cell made safe for spreadsheets. Gives how many contributors it wrote.
pub fn write_annex_csv(
    store: &dyn Store,
    consultation: &Consultation,
    localizer: &Localizer,
    out: impl Write,
) -> Result<u64, AnnexError> {
    let mut writer = csv::Writer::from_writer(out);
    let safe = |row: Vec<String>| -> Vec<String> {
        row.iter().map(|cell| consulta_core::markup::spreadsheet_safe(cell).into_owned()).collect()
    };
    writer.write_record(safe(annex_header(localizer)))?;
    let mut written = 0;
    let mut failed = None;
    let read =
        store.contributors(consultation.id, &mut |c| match writer.write_record(safe(annex_row(&c, localizer))) {
            Ok(()) => {
                written += 1;
                Ok(())
            }
            Err(error) => {
                failed = Some(error);
                Err(StoreError::Stopped)
            }
        });
    if let Some(error) = failed {
        return Err(error.into());
    }
    read?;
    writer.flush().map_err(csv::Error::from)?;
    Ok(written)
}
