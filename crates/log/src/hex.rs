//! Hashes and signatures as lower-case hexadecimal, the form receipts and the API carry.

pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 0xf)] as char);
    }
    out
}

/// Reads exactly `N` bytes of hexadecimal (either case).
pub fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    bytes_from_hex(text)?.try_into().ok()
}

/// Reads any even number of hexadecimal digits (either case).
pub fn bytes_from_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim().as_bytes();
    if text.len() % 2 != 0 {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    text.chunks(2).map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?)).collect()
}
