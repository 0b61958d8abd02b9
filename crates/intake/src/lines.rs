//! A reader in front of the CSV parser that makes line numbers in error messages true for files
//! as spreadsheets save them. The csv crate miscounts lines after CRLF line ends and blank
//! lines, so this reader turns CRLF into LF and gives each blank line (outside quotes) a single
//! space, which the importer then skips as an empty row. It also reports progress in bytes of
//! the original input.

use std::io::{self, Read};

pub struct SpreadsheetLines<'a, R> {
    inner: R,
    /// Transformed bytes not yet handed to the parser.
    out: Vec<u8>,
    out_start: usize,
    scratch: Vec<u8>,
    /// A CR at the end of the last chunk, whose fate depends on the next byte.
    pending_cr: bool,
    in_quotes: bool,
    /// At the start of a line (outside quotes), where a LF would make the line blank.
    at_line_start: bool,
    read: u64,
    on_progress: &'a mut dyn FnMut(u64),
}

impl<'a, R: Read> SpreadsheetLines<'a, R> {
    pub fn new(inner: R, on_progress: &'a mut dyn FnMut(u64)) -> Self {
        SpreadsheetLines {
            inner,
            out: Vec::new(),
            out_start: 0,
            scratch: vec![0; 64 * 1024],
            pending_cr: false,
            in_quotes: false,
            at_line_start: true,
            read: 0,
            on_progress,
        }
    }

    fn push(&mut self, byte: u8) {
        match byte {
            b'"' => self.in_quotes = !self.in_quotes,
            b'\n' if !self.in_quotes => {
                if self.at_line_start {
                    self.out.push(b' ');
                }
                self.out.push(b'\n');
                self.at_line_start = true;
                return;
            }
            _ => {}
        }
        self.out.push(byte);
        self.at_line_start = false;
    }

    /// Reads one chunk of input into `out`; false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        self.out.clear();
        self.out_start = 0;
        let n = self.inner.read(&mut self.scratch)?;
        self.read += n as u64;
        (self.on_progress)(self.read);
        if n == 0 {
            if std::mem::take(&mut self.pending_cr) {
                self.push(b'\r');
            }
            return Ok(!self.out.is_empty());
        }
        let chunk = std::mem::take(&mut self.scratch);
        for (i, &byte) in chunk[..n].iter().enumerate() {
            if std::mem::take(&mut self.pending_cr) && byte != b'\n' {
                self.push(b'\r');
            }
            if byte == b'\r' {
                if i + 1 == n {
                    self.pending_cr = true;
                } else if chunk[i + 1] != b'\n' {
                    self.push(b'\r');
                }
            } else {
                self.push(byte);
            }
        }
        self.scratch = chunk;
        Ok(true)
    }
}

impl<R: Read> Read for SpreadsheetLines<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_start == self.out.len() {
            if !self.fill()? {
                return Ok(0);
            }
        }
        let available = &self.out[self.out_start..];
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.out_start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(input: &[u8], chunk: usize) -> Vec<u8> {
        let mut progress = |_| {};
        let mut reader = SpreadsheetLines::new(input, &mut progress);
        reader.scratch = vec![0; chunk];
        let mut out = Vec::new();
        reader.read_to_end(&mut out).expect("read");
        out
    }

    #[test]
    fn crlf_becomes_lf_and_blank_lines_get_a_space() {
        for chunk in [1, 2, 3, 64 * 1024] {
            assert_eq!(through(b"h\r\n\r\na,\"x\r\n\r\ny\"\r\n", chunk), b"h\n \na,\"x\n\ny\"\n", "chunk {chunk}");
            assert_eq!(through(b"a\rb\r", chunk), b"a\rb\r", "chunk {chunk}");
        }
    }

    #[test]
    fn the_csv_parser_then_counts_lines_right() {
        let input = b"\xef\xbb\xbfh1,h2\r\n\r\na,\"x\r\ny\"\r\n\r\nb,\"x\r\n\r\ny\"\r\nc,d\r\n";
        let mut progress = |_| {};
        let mut reader =
            csv::ReaderBuilder::new().flexible(true).from_reader(SpreadsheetLines::new(&input[..], &mut progress));
        let mut lines = Vec::new();
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).expect("record") {
            if record.iter().any(|f| !f.iter().all(u8::is_ascii_whitespace)) {
                lines.push(record.position().map(|p| p.line()));
            }
        }
        assert_eq!(lines, [Some(3), Some(6), Some(9)]);
    }
}
