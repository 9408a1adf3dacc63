//! PDF syntax written straight into bytes: numbers, names, strings and dictionaries.
//!
//! A handout's PDF holds thousands of numbers; formatting them through `fmt` would cost
//! more than everything else the renderer does, so they are written digit by digit.

/// A number written with at most `decimals` places and no trailing zeros: `12`, `0.5`,
/// `-3.25`. PDF readers take no exponents, so none is ever written.
pub fn real(out: &mut Vec<u8>, value: f32, decimals: u32) {
    let scale = 10_i64.pow(decimals);
    let scaled = (f64::from(value) * scale as f64).round();
    // Far beyond any page; a broken value must still be valid syntax.
    let scaled = if scaled.is_finite() {
        scaled.clamp(-1e15, 1e15) as i64
    } else {
        0
    };
    fixed(out, scaled, decimals);
}

/// A number held as an integer count of `10^-decimals`, written as [`real`] writes it.
pub fn fixed(out: &mut Vec<u8>, scaled: i64, decimals: u32) {
    if scaled < 0 {
        out.push(b'-');
    }
    let magnitude = scaled.unsigned_abs();
    let scale = 10_u64.pow(decimals);
    integer(out, magnitude / scale);
    let mut fraction = magnitude % scale;
    if fraction == 0 {
        return;
    }
    out.push(b'.');
    let mut places = decimals;
    while fraction % 10 == 0 {
        fraction /= 10;
        places -= 1;
    }
    let start = out.len();
    for _ in 0..places {
        out.push(b'0' + (fraction % 10) as u8);
        fraction /= 10;
    }
    out[start..].reverse();
}

pub fn integer(out: &mut Vec<u8>, mut value: u64) {
    let start = out.len();
    loop {
        out.push(b'0' + (value % 10) as u8);
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out[start..].reverse();
}

/// A literal string: `(...)` with the bytes that would end it or be read otherwise escaped.
pub fn literal(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'(');
    literal_body(out, bytes);
    out.push(b')');
}

/// The inside of a literal string. A bare carriage return would be read as a line feed.
pub fn literal_body(out: &mut Vec<u8>, bytes: &[u8]) {
    for &byte in bytes {
        match byte {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
}

/// A text string, which PDF shows to people (titles, bookmarks): plain when ASCII, else
/// UTF-16BE after a byte-order mark, the form that holds any character.
pub fn text_string(out: &mut Vec<u8>, text: &str) {
    if text.is_ascii() {
        literal(out, text.as_bytes());
    } else {
        hex(out, &utf16_with_bom(text));
    }
}

/// `text` as UTF-16BE after a byte-order mark.
pub fn utf16_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    bytes
}

/// A hexadecimal string: `<48656C6C6F>`.
pub fn hex(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'<');
    hex_digits(out, bytes);
    out.push(b'>');
}

pub fn hex_digits(out: &mut Vec<u8>, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)]);
        out.push(DIGITS[usize::from(byte & 15)]);
    }
}

/// A PDF object number; generation numbers are always 0 in a file written at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref(pub u32);

/// A dictionary being written: `<<`, then keys with their values, then `>>` when it is
/// finished. Keys are names without their slash; values are written as PDF syntax.
pub struct Dict<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> Dict<'a> {
    pub fn new(out: &'a mut Vec<u8>) -> Dict<'a> {
        out.extend_from_slice(b"<<");
        Dict { out }
    }

    /// Entries alone, without the brackets: to keep and add to a dictionary later
    /// with [`Dict::extend`].
    pub fn entries_only(out: &'a mut Vec<u8>) -> Dict<'a> {
        Dict { out }
    }

    /// Entries written before with [`Dict::entries_only`].
    pub fn extend(&mut self, entries: &[u8]) -> &mut Self {
        self.out.extend_from_slice(entries);
        self
    }

    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        self.out.push(b'/');
        self.out.extend_from_slice(key.as_bytes());
        self.out
    }

    /// `/Key/Value`
    pub fn name(&mut self, key: &str, value: &str) -> &mut Self {
        let out = self.key(key);
        out.push(b'/');
        out.extend_from_slice(value.as_bytes());
        self
    }

    pub fn int(&mut self, key: &str, value: i64) -> &mut Self {
        let out = self.key(key);
        out.push(b' ');
        if value < 0 {
            out.push(b'-');
        }
        integer(out, value.unsigned_abs());
        self
    }

    pub fn real(&mut self, key: &str, value: f32) -> &mut Self {
        let out = self.key(key);
        out.push(b' ');
        real(out, value, 3);
        self
    }

    pub fn reference(&mut self, key: &str, value: Ref) -> &mut Self {
        let out = self.key(key);
        out.push(b' ');
        reference(out, value);
        self
    }

    pub fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        let out = self.key(key);
        out.extend_from_slice(if value { b" true" } else { b" false" });
        self
    }

    pub fn text(&mut self, key: &str, value: &str) -> &mut Self {
        let out = self.key(key);
        text_string(out, value);
        self
    }

    /// `/Key` followed by whatever `value` writes: an array, a nested dictionary.
    pub fn raw(&mut self, key: &str, value: impl FnOnce(&mut Vec<u8>)) -> &mut Self {
        let out = self.key(key);
        value(out);
        self
    }

    /// `/Key[n n n]`
    pub fn numbers(&mut self, key: &str, values: &[f32]) -> &mut Self {
        let out = self.key(key);
        numbers(out, values);
        self
    }

    pub fn references(&mut self, key: &str, values: &[Ref]) -> &mut Self {
        let out = self.key(key);
        out.push(b'[');
        for (i, &value) in values.iter().enumerate() {
            if i > 0 {
                out.push(b' ');
            }
            reference(out, value);
        }
        out.push(b']');
        self
    }

    pub fn finish(self) {
        self.out.extend_from_slice(b">>");
    }
}

/// `[n n n]`, each with up to three decimals.
pub fn numbers(out: &mut Vec<u8>, values: &[f32]) {
    out.push(b'[');
    for (i, &value) in values.iter().enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        real(out, value, 3);
    }
    out.push(b']');
}

/// `12 0 R`
pub fn reference(out: &mut Vec<u8>, value: Ref) {
    integer(out, u64::from(value.0));
    out.extend_from_slice(b" 0 R");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn numbers_have_no_trailing_zeros_and_no_exponent() {
        assert_eq!(written(|o| real(o, 12.0, 2)), "12");
        assert_eq!(written(|o| real(o, 0.5, 2)), "0.5");
        assert_eq!(written(|o| real(o, -3.254, 2)), "-3.25");
        assert_eq!(written(|o| real(o, 0.059, 3)), "0.059");
        assert_eq!(written(|o| real(o, 9.99999, 2)), "10");
        assert_eq!(written(|o| real(o, -0.001, 2)), "0");
        assert_eq!(written(|o| real(o, 1e-9, 3)), "0");
        assert_eq!(written(|o| real(o, f32::NAN, 2)), "0");
        assert_eq!(written(|o| fixed(o, -5, 2)), "-0.05");
        assert_eq!(written(|o| fixed(o, 120, 2)), "1.2");
    }

    #[test]
    fn strings_escape_what_would_end_or_change_them() {
        assert_eq!(
            written(|o| literal(o, b"a(b)c\\d\re")),
            "(a\\(b\\)c\\\\d\\re)"
        );
        assert_eq!(written(|o| text_string(o, "en")), "(en)");
        assert_eq!(written(|o| text_string(o, "’")), "<FEFF2019>");
    }

    #[test]
    fn dictionaries_write_keys_and_values() {
        let text = written(|o| {
            let mut d = Dict::new(o);
            d.name("Type", "Page")
                .int("Count", -2)
                .reference("Parent", Ref(3))
                .numbers("MediaBox", &[0.0, 0.0, 595.276, 841.89])
                .bool("DisplayDocTitle", true);
            d.finish();
        });
        assert_eq!(
            text,
            "<</Type/Page/Count -2/Parent 3 0 R/MediaBox[0 0 595.276 841.89]/DisplayDocTitle true>>"
        );
    }
}
