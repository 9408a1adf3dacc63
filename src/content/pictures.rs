//! Reading, checking and preparing PNG and JPEG pictures, each file once per load.
//!
//! A picture is checked in steps, cheapest first: its first bytes say what kind of file it
//! is, its header gives its size (refused when absurd, before a single pixel is decoded, so
//! a small "decompression bomb" can't eat the machine's memory), then its structure finds
//! files that are cut short or damaged: a PNG's chunks are each checked against their
//! checksums, a JPEG's headers are read. Last its pixels are made ready for the PDF
//! ([`super::pixels`]): kept as the file codes them where a PDF reader decodes that, else
//! decoded here, which finds the damage no checksum can. The size is given as displayed,
//! the file's Exif orientation applied.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use image::metadata::Orientation;
use image::{ImageDecoder, ImageFormat, ImageReader};

use super::jpeg::Jpeg;
use super::pixels::{pixels, undecodable, Format};
use super::png::Png;
use crate::model::Picture;

const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
const MAX_SIDE: u32 = 12_000;
const MAX_PIXELS: u64 = 50_000_000;

/// Why a picture file can't be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PictureError {
    Unreadable(String),
    TooLargeFile {
        bytes: u64,
    },
    /// A kind of picture, or file, other than PNG and JPEG: "a GIF image", "a PDF document".
    WrongFormat(&'static str),
    UnknownFormat,
    TooManyPixels {
        width: u32,
        height: u32,
    },
    NoPixels {
        width: u32,
        height: u32,
    },
    /// A JPEG coded in a way decoders rarely read: "a lossless JPEG".
    RareJpeg(&'static str),
    Damaged(String),
}

impl PictureError {
    /// The message and hint for this error about the picture written as `written`.
    pub fn explain(&self, written: &str) -> (String, String) {
        let convert = "save it as PNG (drawings, diagrams) or JPEG (photos)";
        match self {
            PictureError::Unreadable(reason) => (
                format!("cannot read `{written}`: {reason}"),
                "check that the file can be opened".into(),
            ),
            PictureError::TooLargeFile { bytes } => (
                format!(
                    "`{written}` is {} MiB; a picture may be at most {} MiB",
                    bytes / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
                "save it smaller; 2000 pixels across is plenty for print".into(),
            ),
            PictureError::WrongFormat(kind) => (
                format!("`{written}` is {kind}; a picture must be PNG or JPEG"),
                convert.into(),
            ),
            PictureError::UnknownFormat => (
                format!("`{written}` is not a PNG or JPEG picture"),
                convert.into(),
            ),
            PictureError::TooManyPixels { width, height } => (
                format!(
                    "`{written}` is {width} × {height} pixels; the limit is {MAX_SIDE} pixels \
                     a side and {} megapixels",
                    MAX_PIXELS / 1_000_000
                ),
                "scale it down; 2000 pixels across is plenty for print".into(),
            ),
            PictureError::NoPixels { width, height } => (
                format!(
                    "`{written}` says it is {width} × {height} pixels; a picture needs at \
                     least one pixel each way"
                ),
                "the file is damaged; export or download it again".into(),
            ),
            PictureError::RareJpeg(kind) => (
                format!("`{written}` is {kind}, a kind of JPEG handout can't read"),
                "open it in a photo editor and export it as an ordinary JPEG, or as PNG".into(),
            ),
            PictureError::Damaged(reason) => (
                format!("`{written}` can't be read as a picture: {reason}"),
                "the file may be cut short or damaged; export or download it again".into(),
            ),
        }
    }
}

/// Pictures read so far in this load, by canonical path.
///
/// The same file named twice gives the same `Arc`, so the PDF stores it once; a file that
/// failed is not read again either.
#[derive(Default)]
pub(crate) struct Pictures {
    read: RefCell<HashMap<PathBuf, Result<Arc<Picture>, PictureError>>>,
}

impl Pictures {
    pub fn get(&self, path: &Path) -> Result<Arc<Picture>, PictureError> {
        if let Some(known) = self.read.borrow().get(path) {
            return known.clone();
        }
        let picture = read(path).map(Arc::new);
        self.read
            .borrow_mut()
            .insert(path.to_path_buf(), picture.clone());
        picture
    }
}

fn read(path: &Path) -> Result<Picture, PictureError> {
    let unreadable = |e: std::io::Error| PictureError::Unreadable(e.to_string());
    let size = fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(PictureError::TooLargeFile { bytes: size });
    }
    let bytes = Bytes::from(fs::read(path).map_err(unreadable)?);
    let format = sniff(&bytes)?;
    let (orientation, (width, height)) = header(&bytes, format)?;
    let pixels =
        pixels(&bytes, format, orientation, (width, height)).map_err(PictureError::Damaged)?;
    Ok(Picture {
        path: path.to_path_buf(),
        width,
        height,
        pixels,
    })
}

/// How the picture is to be turned, and its size once turned, from its header alone.
fn header(bytes: &Bytes, format: Format) -> Result<(Orientation, (u32, u32)), PictureError> {
    if format == Format::Png {
        // Its chunks say all there is to know of a PNG that the PDF can hold as stored.
        let png = Png::read(bytes).map_err(PictureError::Damaged)?;
        check_size(png.width, png.height)?;
        if png.copyable() && !png.exif {
            return Ok((Orientation::NoTransforms, (png.width, png.height)));
        }
    }
    if format == Format::Jpeg {
        if let Some(kind) = Jpeg::read(bytes).and_then(|jpeg| jpeg.rare_coding()) {
            return Err(PictureError::RareJpeg(kind));
        }
    }
    let image_format = match format {
        Format::Png => ImageFormat::Png,
        Format::Jpeg => ImageFormat::Jpeg,
    };
    let damaged = |e: image::ImageError| PictureError::Damaged(undecodable(format, bytes, &e));
    let mut header = ImageReader::with_format(Cursor::new(bytes), image_format)
        .into_decoder()
        .map_err(damaged)?;
    let (width, height) = header.dimensions();
    check_size(width, height)?;
    let orientation = header.orientation().map_err(damaged)?;
    let size = if turns_sideways(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    Ok((orientation, size))
}

/// Refuses a picture too large to decode, from its header's size alone, and one that
/// says it has no pixels (which PDF readers refuse).
fn check_size(width: u32, height: u32) -> Result<(), PictureError> {
    if width == 0 || height == 0 {
        return Err(PictureError::NoPixels { width, height });
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PictureError::TooManyPixels { width, height });
    }
    Ok(())
}

/// Whether showing a picture upright swaps its width and height.
fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// What the first bytes of a file say it is.
fn sniff(bytes: &[u8]) -> Result<Format, PictureError> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let wrong = |kind| Err(PictureError::WrongFormat(kind));
    if starts(b"\x89PNG\r\n\x1a\n") {
        Ok(Format::Png)
    } else if starts(b"\xFF\xD8\xFF") {
        Ok(Format::Jpeg)
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        wrong("a GIF image")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        wrong("a WebP image")
    } else if bytes.get(4..8) == Some(b"ftyp") {
        wrong("an HEIC or AVIF image")
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        wrong("a TIFF image")
    } else if starts(b"BM") {
        wrong("a BMP image")
    } else if starts(b"%PDF") {
        wrong("a PDF document")
    } else if looks_like_svg(bytes) {
        wrong("an SVG drawing")
    } else {
        Err(PictureError::UnknownFormat)
    }
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<svg") || (head.starts_with("<?xml") && head.contains("<svg"))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Pixels;

    /// A small PNG, as the tests of this module and its callers need one.
    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_pixel(width, height, image::Rgb([15, 110, 110]));
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    }

    /// A JPEG stored `width` × `height`, its left half dark and its right half light, with
    /// an Exif segment spliced in after the start marker whose one entry is the Orientation
    /// tag (0x0112) set to `orientation` (6: turn 90° clockwise to show upright).
    pub fn jpeg_with_orientation(width: u32, height: u32, orientation: u16) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, _| {
            if x < width / 2 {
                image::Rgb([20, 20, 20])
            } else {
                image::Rgb([235, 235, 235])
            }
        });
        let mut jpeg = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        // "Exif\0\0", a big-endian TIFF header whose first IFD is at offset 8, and that IFD:
        // one entry (tag, type SHORT, count 1, value padded to four bytes), then no next IFD.
        let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
        exif.extend(1u16.to_be_bytes());
        exif.extend(0x0112u16.to_be_bytes());
        exif.extend(3u16.to_be_bytes());
        exif.extend(1u32.to_be_bytes());
        exif.extend(orientation.to_be_bytes());
        exif.extend([0, 0]);
        exif.extend(0u32.to_be_bytes());
        let mut spliced = jpeg[..2].to_vec();
        spliced.extend([0xFF, 0xE1]);
        spliced.extend(u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
        spliced.extend(exif);
        spliced.extend_from_slice(&jpeg[2..]);
        spliced
    }

    fn read_bytes(bytes: &[u8]) -> Result<Picture, PictureError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p");
        fs::write(&path, bytes).unwrap();
        read(&path)
    }

    #[test]
    fn reads_a_png_and_keeps_its_compressed_pixels() {
        let bytes = png(3, 2);
        let picture = read_bytes(&bytes).unwrap();
        assert_eq!((picture.width, picture.height), (3, 2));
        let Pixels::Png { data, .. } = &picture.pixels else {
            panic!("{:?}", picture.pixels);
        };
        assert_eq!(data.concat(), Png::read(&bytes).unwrap().data.concat());
    }

    #[test]
    fn a_photo_turned_by_its_exif_orientation_has_its_displayed_size() {
        let picture = read_bytes(&jpeg_with_orientation(16, 8, 6)).unwrap();
        assert_eq!((picture.width, picture.height), (8, 16));
        let upside_down = read_bytes(&jpeg_with_orientation(16, 8, 3)).unwrap();
        assert_eq!((upside_down.width, upside_down.height), (16, 8));
        // Both are decoded, to be stored upright.
        for turned in [picture, upside_down] {
            assert!(matches!(turned.pixels, Pixels::Samples { .. }));
        }
        let untagged = read_bytes(&jpeg_with_orientation(16, 8, 1)).unwrap();
        assert!(matches!(untagged.pixels, Pixels::Jpeg { .. }));
    }

    #[test]
    fn a_jpeg_coded_as_decoders_rarely_read_is_said_to_be_that() {
        // Made by `jpegtran -arithmetic` from good.jpg.
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images");
        let arithmetic = fs::read(fixture.join("arithmetic.jpg")).unwrap();
        assert_eq!(
            read_bytes(&arithmetic).unwrap_err(),
            PictureError::RareJpeg("a JPEG with arithmetic coding")
        );
        // The same frame header marked lossless or hierarchical: the marker says so.
        let baseline = jpeg_with_orientation(16, 8, 1);
        let frame = baseline
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("a baseline frame header");
        for (code, kind) in [(0xC3, "a lossless JPEG"), (0xC5, "a hierarchical JPEG")] {
            let mut marked = baseline.clone();
            marked[frame + 1] = code;
            assert_eq!(
                read_bytes(&marked).unwrap_err(),
                PictureError::RareJpeg(kind)
            );
        }
        assert!(read_bytes(&baseline).is_ok());
    }

    #[test]
    fn refuses_a_picture_without_pixels() {
        let mut header = Vec::new();
        header.extend_from_slice(&0u32.to_be_bytes());
        header.extend_from_slice(&5u32.to_be_bytes());
        header.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend(chunk(b"IHDR", &header));
        bytes.extend(chunk(b"IDAT", b"x"));
        bytes.extend(chunk(b"IEND", b""));
        assert_eq!(
            read_bytes(&bytes).unwrap_err(),
            PictureError::NoPixels {
                width: 0,
                height: 5
            }
        );
    }

    #[test]
    fn names_the_format_of_other_pictures() {
        assert_eq!(
            read_bytes(b"GIF89a\x01\x00\x01\x00").unwrap_err(),
            PictureError::WrongFormat("a GIF image")
        );
        assert_eq!(
            read_bytes(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                .unwrap_err(),
            PictureError::WrongFormat("an SVG drawing")
        );
        assert_eq!(
            read_bytes(b"hello").unwrap_err(),
            PictureError::UnknownFormat
        );
    }

    #[test]
    fn refuses_huge_dimensions_from_the_header_alone() {
        // A header claiming 20 000 × 20 000 pixels over a few bytes of nonsense: refused for
        // its size rather than found damaged, so no decoding was tried.
        let mut header = Vec::new();
        header.extend_from_slice(&20_000u32.to_be_bytes());
        header.extend_from_slice(&20_000u32.to_be_bytes());
        header.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend(chunk(b"IHDR", &header));
        bytes.extend(chunk(b"IDAT", b"nonsense"));
        bytes.extend(chunk(b"IEND", b""));
        assert_eq!(
            read_bytes(&bytes).unwrap_err(),
            PictureError::TooManyPixels {
                width: 20_000,
                height: 20_000
            }
        );
    }

    #[test]
    fn finds_a_picture_cut_short() {
        let bytes = png(40, 40);
        let error = read_bytes(&bytes[..bytes.len() - 30]).unwrap_err();
        assert!(matches!(error, PictureError::Damaged(_)), "{error:?}");
    }

    #[test]
    fn the_same_file_twice_is_the_same_picture() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.png");
        fs::write(&path, png(2, 2)).unwrap();
        let pictures = Pictures::default();
        let first = pictures.get(&path).unwrap();
        fs::remove_file(&path).unwrap();
        assert!(Arc::ptr_eq(&first, &pictures.get(&path).unwrap()));
    }

    /// A PNG chunk: length, kind, data and the CRC-32 of kind and data.
    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut crc = !0u32;
        for &byte in kind.iter().chain(data) {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
        chunk.extend_from_slice(kind);
        chunk.extend_from_slice(data);
        chunk.extend_from_slice(&(!crc).to_be_bytes());
        chunk
    }
}
