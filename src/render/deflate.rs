//! Deflating streams with one compressor per document: setting a compressor up costs more
//! than deflating a page of text.

use bytes::Bytes;
use flate2::{Compress, Compression, FlushCompress, Status};

use crate::memo::{hash_of, Memo};

/// What is deflated, which sets how hard to try and how far back to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Content streams, font programs and maps: tens of kilobytes at most, so the best
    /// level and the widest window.
    Text,
    /// A decoded picture: large, so a middle level keeps nearly all of the gain for a
    /// quarter of the time of the best.
    Picture,
}

impl Effort {
    fn level(self) -> Compression {
        match self {
            Effort::Text => Compression::new(9),
            Effort::Picture => Compression::new(5),
        }
    }
}

pub struct Deflater {
    compress: Compress,
}

impl Deflater {
    pub fn new(effort: Effort) -> Deflater {
        Deflater {
            compress: Compress::new(effort.level(), true),
        }
    }

    /// `data` as a zlib stream, appended to `out`.
    pub fn deflate_into(&mut self, data: &[u8], out: &mut Vec<u8>) {
        self.compress.reset();
        out.reserve(data.len() / 2 + 64);
        let mut input = data;
        loop {
            let before_in = self.compress.total_in();
            let status = self
                .compress
                .compress_vec(input, out, FlushCompress::Finish)
                .expect("deflating bytes in memory cannot fail");
            input = &input[(self.compress.total_in() - before_in) as usize..];
            match status {
                Status::StreamEnd => return,
                // The output is full: make room and go on.
                Status::Ok | Status::BufError => out.reserve(out.capacity().max(1024)),
            }
        }
    }

    pub fn deflate(&mut self, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        self.deflate_into(data, &mut out);
        out
    }
}

/// Streams deflated before in a run, by their bytes: a roster's handouts share their
/// fonts and most of their pages.
pub struct DeflatedCache {
    memo: Memo<(Box<[u8]>, Bytes)>,
}

impl Default for DeflatedCache {
    fn default() -> Self {
        DeflatedCache {
            // A handout's pages, and the few each recipient changes, for some dozens of recipients.
            memo: Memo::new(64),
        }
    }
}

impl DeflatedCache {
    pub fn get(&mut self, raw: &[u8], deflater: &mut Deflater) -> Bytes {
        let hash = hash_of(&raw);
        if let Some((_, found)) = self.memo.find(hash, |(bytes, _)| **bytes == *raw) {
            return found.clone();
        }
        let deflated = Bytes::from(deflater.deflate(raw));
        self.memo.insert(hash, (raw.into(), deflated.clone()));
        deflated
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(data)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn one_compressor_deflates_many_streams_each_whole() {
        let mut deflater = Deflater::new(Effort::Text);
        let text: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 13) as u8).collect();
        let first = deflater.deflate(&text);
        let second = deflater.deflate(b"short");
        let empty = deflater.deflate(b"");
        assert_eq!(inflate(&first), text);
        assert_eq!(inflate(&second), b"short");
        assert_eq!(inflate(&empty), b"");
        assert_eq!(
            deflater.deflate(&text),
            first,
            "a reset forgets the last stream"
        );
    }

    #[test]
    fn a_stream_deflated_before_is_taken_from_the_cache() {
        let mut deflater = Deflater::new(Effort::Text);
        let mut cache = DeflatedCache::default();
        let page = b"BT /F1 13 Tf 0 0 Td (Rest your knee.) Tj ET".repeat(20);
        let first = cache.get(&page, &mut deflater);
        let again = cache.get(&page, &mut deflater);
        assert_eq!(first.as_ptr(), again.as_ptr(), "the same bytes, not a copy");
        assert_eq!(inflate(&first), page);
        let other = cache.get(b"another page", &mut deflater);
        assert_ne!(other.as_ptr(), first.as_ptr());
        assert_eq!(inflate(&other), b"another page");
    }
}
