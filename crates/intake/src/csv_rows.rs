//! The row loop both imports share (contributions, accreditation lists): a spreadsheet's CSV
//! read row by row, blank lines skipped, a row of the wrong width reported, and every problem
//! kept with its line and column, up to a bound, so that a file is refused whole with all that
//! is wrong in it.

use std::io::Read;

use crate::lines::SpreadsheetLines;
use crate::{FileProblem, ImportError, MAX_REPORTED_ERRORS, RowError, RowProblem, csv_error_problem};

/// A CSV file opened at its header.
pub(crate) struct CsvRows<'a, R> {
    reader: csv::Reader<SpreadsheetLines<'a, R>>,
    pub header: csv::ByteRecord,
    record: csv::ByteRecord,
}

impl<'a, R: Read> CsvRows<'a, R> {
    /// Reads the header of `input`; a file with no header is refused as empty.
    pub fn open(input: R, on_progress: &'a mut dyn FnMut(u64)) -> Result<Self, ImportError> {
        let lines = SpreadsheetLines::new(input, on_progress);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(lines);
        let header = reader.byte_headers().map_err(|e| ImportError::File(csv_error_problem(e)))?.clone();
        if header.iter().all(|f| f.is_empty()) {
            return Err(ImportError::File(FileProblem::Empty));
        }
        Ok(CsvRows { reader, header, record: csv::ByteRecord::new() })
    }

    /// The next row that holds something, with its line. Blank rows (spreadsheets leave them)
    /// are skipped; a row of another width than the header is reported and skipped.
    pub fn next_row(&mut self, problems: &mut RowProblems) -> Result<Option<(u64, &csv::ByteRecord)>, ImportError> {
        loop {
            if !self.reader.read_byte_record(&mut self.record).map_err(|e| ImportError::File(csv_error_problem(e)))? {
                return Ok(None);
            }
            let line = self.record.position().map_or(0, |p| p.line());
            if self.record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            if self.record.len() != self.header.len() {
                let found = self.record.len();
                problems.report(line, None, RowProblem::FieldCount { expected: self.header.len(), found });
                continue;
            }
            return Ok(Some((line, &self.record)));
        }
    }
}

/// The problems found in a file's rows: the first `MAX_REPORTED_ERRORS`, and how many more.
#[derive(Debug, Default)]
pub(crate) struct RowProblems {
    errors: Vec<RowError>,
    unreported: usize,
}

impl RowProblems {
    pub fn report(&mut self, line: u64, field: Option<&'static str>, problem: RowProblem) {
        if self.errors.len() < MAX_REPORTED_ERRORS {
            self.errors.push(RowError { line, field, problem });
        } else {
            self.unreported += 1;
        }
    }

    /// Whether any row was refused: the file will be, so nothing more need be written.
    pub fn any(&self) -> bool {
        !self.errors.is_empty() || self.unreported > 0
    }

    /// The file's verdict: refused with every problem, or fine.
    pub fn into_result(self) -> Result<(), ImportError> {
        if self.any() { Err(ImportError::Rows { errors: self.errors, unreported: self.unreported }) } else { Ok(()) }
    }
}
