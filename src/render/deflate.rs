//! Deflating streams with one compressor per document: setting a compressor up costs more
//! than deflating a page of text.

use flate2::{Compress, Compression, FlushCompress, Status};

/// How hard to try. Text and font programs are small and repeat themselves, so the best
/// level pays for itself in bytes; a decoded picture is large, and a middle level keeps
/// nearly all of the gain for a quarter of the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    Best,
    Balanced,
}

impl Effort {
    fn level(self) -> Compression {
        match self {
            Effort::Best => Compression::best(),
            Effort::Balanced => Compression::new(5),
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
        let mut deflater = Deflater::new(Effort::Best);
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
}
