//! A JPEG file's segments, walked as the standard lays them out: to read what its frame
//! holds, and to copy it into a PDF without the metadata a camera or phone wrote.

use crate::big_endian::u16_at;

/// One piece of a JPEG file, in file order.
enum Piece<'a> {
    /// A marker without a segment: SOI, EOI, a restart or TEM.
    Marker(u8),
    /// A marker and its segment, from the length bytes on.
    Segment { code: u8, segment: &'a [u8] },
    /// The entropy-coded data after a start of scan.
    Scan(&'a [u8]),
}

/// The pieces of a JPEG file up to its end marker; `None` when they can't be walked
/// as the JPEG standard lays them out.
fn pieces(bytes: &[u8]) -> Option<Vec<Piece<'_>>> {
    const SOI: u8 = 0xD8;
    const EOI: u8 = 0xD9;
    const SOS: u8 = 0xDA;
    if bytes.get(..2)? != [0xFF, SOI] {
        return None;
    }
    let mut pieces = vec![Piece::Marker(SOI)];
    let mut at = 2;
    loop {
        // A marker is 0xFF, any number of 0xFF fill bytes, then its code.
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        while *bytes.get(at)? == 0xFF {
            at += 1;
        }
        let code = bytes[at];
        at += 1;
        match code {
            EOI => {
                pieces.push(Piece::Marker(EOI));
                return Some(pieces);
            }
            // Markers without a segment: restarts and TEM.
            0x01 | 0xD0..=0xD7 => {
                pieces.push(Piece::Marker(code));
                continue;
            }
            0x00 | SOI => return None,
            _ => {}
        }
        let length = usize::from(u16_at(bytes, at)?);
        let segment = bytes.get(at..at.checked_add(length)?)?;
        if length < 2 {
            return None;
        }
        at += length;
        pieces.push(Piece::Segment { code, segment });
        if code == SOS {
            // The coded scan runs to the next 0xFF that starts a marker: in it, 0xFF is
            // followed by 0x00 (a stuffed byte) or a restart marker.
            let start = at;
            loop {
                if *bytes.get(at)? == 0xFF {
                    let next = *bytes.get(at + 1)?;
                    if next == 0x00 || (0xD0..=0xD7).contains(&next) {
                        at += 2;
                        continue;
                    }
                    break;
                }
                at += 1;
            }
            pieces.push(Piece::Scan(&bytes[start..at]));
        }
    }
}

/// A JPEG file walked once, for what its frame holds and for its bytes without metadata.
pub(crate) struct Jpeg<'a> {
    pieces: Vec<Piece<'a>>,
}

impl<'a> Jpeg<'a> {
    /// `None` when the segments can't be walked as the JPEG standard lays them out.
    pub fn read(bytes: &'a [u8]) -> Option<Jpeg<'a>> {
        Some(Jpeg {
            pieces: pieces(bytes)?,
        })
    }

    /// The number of colour components in the frame header, from the first
    /// start-of-frame segment.
    pub fn components(&self) -> Option<u8> {
        self.pieces.iter().find_map(|piece| match *piece {
            // Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
            Piece::Segment {
                code: code @ 0xC0..=0xCF,
                segment,
            } if !matches!(code, 0xC4 | 0xC8 | 0xCC) => segment.get(7).copied(),
            _ => None,
        })
    }

    /// How the picture is coded, when it is one of the codings the JPEG standard has but
    /// decoders (this program's among them) rarely read: said as what the file is.
    /// Cameras, phones and photo editors write baseline or progressive JPEGs, which are
    /// read; these come from medical, scientific and archiving software.
    pub fn rare_coding(&self) -> Option<&'static str> {
        self.pieces.iter().find_map(|piece| match *piece {
            // ITU T.81, table B.1: the start-of-frame markers, and the arithmetic
            // coding conditioning (DAC) only arithmetic coding writes.
            Piece::Segment { code, .. } => match code {
                0xC3 => Some("a lossless JPEG"),
                0xC5..=0xC7 => Some("a hierarchical JPEG"),
                0xC9..=0xCF => Some("a JPEG with arithmetic coding"),
                _ => None,
            },
            _ => None,
        })
    }

    /// The file with only what decoding needs: application segments other than JFIF
    /// (APP0) and Adobe (APP14) are left out, with comments and whatever follows the end
    /// marker (some phones append a second picture there).
    pub fn without_metadata(&self) -> Vec<u8> {
        const COM: u8 = 0xFE;
        let mut out = Vec::new();
        for piece in &self.pieces {
            match *piece {
                Piece::Marker(code) => out.extend_from_slice(&[0xFF, code]),
                Piece::Segment { code, segment } => {
                    let body = &segment[2..];
                    let keep = match code {
                        0xE0 => body.starts_with(b"JFIF\0"),
                        0xEE => body.starts_with(b"Adobe"),
                        0xE1..=0xEF | COM => false,
                        _ => true,
                    };
                    if keep {
                        out.extend_from_slice(&[0xFF, code]);
                        out.extend_from_slice(segment);
                    }
                }
                Piece::Scan(data) => out.extend_from_slice(data),
            }
        }
        out
    }
}
