//! A PNG file's chunks, read once for both jobs that need them: checking a picture when it
//! is loaded, and copying its compressed pixels into the PDF.

/// What a PNG file's chunks say, every chunk checked against its checksum.
pub(crate) struct Png<'a> {
    pub width: u32,
    pub height: u32,
    pub bit_depth: u8,
    pub color_type: u8,
    pub interlaced: bool,
    pub palette: Option<&'a [u8]>,
    pub transparency: bool,
    /// Exif data, which may say to turn the picture.
    pub exif: bool,
    /// The IDAT chunks' bodies, which together are one zlib stream.
    pub data: Vec<&'a [u8]>,
}

impl<'a> Png<'a> {
    /// Reads the chunks after the signature up to IEND; why not, when one is cut short,
    /// damaged or missing.
    pub fn read(bytes: &'a [u8]) -> Result<Png<'a>, String> {
        let mut rest = bytes
            .strip_prefix(b"\x89PNG\r\n\x1a\n".as_slice())
            .ok_or("it has no PNG signature")?;
        let mut header: Option<&[u8; 13]> = None;
        let (mut palette, mut transparency, mut exif, mut data) = (None, false, false, Vec::new());
        loop {
            let cut = || "the file ends in the middle of its data".to_string();
            let length = rest.get(..4).ok_or_else(cut)?;
            let length = u32::from_be_bytes(length.try_into().expect("four bytes")) as usize;
            let chunk = rest.get(4..8 + length).ok_or_else(cut)?;
            let checksum = rest.get(8 + length..12 + length).ok_or_else(cut)?;
            let (kind, body) = chunk.split_at(4);
            if crc32fast::hash(chunk).to_be_bytes() != checksum {
                let part = match kind {
                    b"IDAT" => "pixel data".to_string(),
                    b"IHDR" => "header".to_string(),
                    b"PLTE" => "palette".to_string(),
                    _ => format!("{} part", String::from_utf8_lossy(kind)),
                };
                return Err(format!(
                    "the file is damaged: the checksum of its {part} does not match"
                ));
            }
            match kind {
                b"IHDR" => header = body.try_into().ok(),
                b"PLTE" => palette = Some(body),
                b"tRNS" => transparency = true,
                b"eXIf" => exif = true,
                b"IDAT" => data.push(body),
                b"IEND" => break,
                _ => {}
            }
            rest = &rest[12 + length..];
        }
        let header = header.ok_or("it has no image header")?;
        if data.is_empty() {
            return Err("it has no image data".into());
        }
        let number = |at: usize| u32::from_be_bytes(header[at..at + 4].try_into().expect("four"));
        Ok(Png {
            width: number(0),
            height: number(4),
            bit_depth: header[8],
            color_type: header[9],
            interlaced: header[12] != 0,
            palette,
            transparency,
            exif,
            data,
        })
    }

    /// Whether PDF's Flate filter with the PNG predictor reads the compressed pixels as
    /// they are: 8-bit grey, RGB or palette, not interlaced, without transparency. A
    /// palette must be whole RGB entries, at most 256, as an indexed colour space's is.
    pub fn copyable(&self) -> bool {
        let sound_palette =
            |p: &[u8]| !p.is_empty() && p.len().is_multiple_of(3) && p.len() <= 3 * 256;
        let colours = matches!(self.color_type, 0 | 2)
            || (self.color_type == 3 && self.palette.is_some_and(sound_palette));
        self.bit_depth == 8 && colours && !self.interlaced && !self.transparency
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(palette: &[u8]) -> Png<'_> {
        Png {
            width: 1,
            height: 1,
            bit_depth: 8,
            color_type: 3,
            interlaced: false,
            palette: Some(palette),
            transparency: false,
            exif: false,
            data: Vec::new(),
        }
    }

    #[test]
    fn only_a_palette_of_whole_rgb_entries_is_copied() {
        assert!(indexed(&[0; 6]).copyable());
        assert!(indexed(&[0; 3 * 256]).copyable());
        assert!(!indexed(&[0; 3 * 257]).copyable());
        assert!(!indexed(&[0; 7]).copyable());
        assert!(!indexed(&[]).copyable());
    }
}
