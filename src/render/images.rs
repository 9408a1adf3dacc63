//! Pictures as PDF image objects, without loss: JPEG bytes are embedded as they
//! are, less their metadata, and a PNG's compressed data is copied when PDF can read it
//! directly (8-bit grey, RGB or palette, not interlaced, no transparency). Other PNGs,
//! and every picture whose Exif orientation says to turn or mirror it, are decoded once,
//! turned upright and re-compressed losslessly, their transparency kept as a soft mask.
//!
//! Nothing but pixels goes into the PDF: no Exif (a phone photo's carries where and when it
//! was taken), XMP, IPTC, ICC profile, comment or thumbnail. A copied JPEG keeps only the
//! segments needed to decode it, and its JFIF and Adobe markers, which say how its colours
//! are coded; a copied PNG gives only its pixel data and palette.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use bytes::Bytes;
use image::metadata::Orientation;
use image::DynamicImage;

use super::deflate::{Deflater, Effort};
use super::file::{fingerprint, Body, PdfFile};
use super::jpeg::Jpeg;
use super::syntax::{self, Dict, Ref};
use crate::content::png::Png;
use crate::model::{Document, Picture, PictureFormat};

/// A picture that can't be decoded: its chunks' checksums or its headers were sound, but
/// its data is not.
#[derive(Debug, Clone, thiserror::Error)]
#[error("this picture can't be read: {reason}")]
pub struct ImageError {
    pub path: std::path::PathBuf,
    reason: String,
}

impl ImageError {
    /// What the decoder found wrong.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A picture as a PDF image object, made once and shared by every document of a run.
#[derive(Debug)]
pub struct ImageObject {
    /// The dictionary's entries but the length and the soft mask.
    entries: Vec<u8>,
    /// The stream's data, in pieces (a PNG's data chunks, still in the file's bytes).
    data: Vec<Bytes>,
    /// A hash of `data`, for the document ID.
    fingerprint: u64,
    /// The transparency, as a grey image.
    mask: Option<Box<ImageObject>>,
}

impl ImageObject {
    fn new(entries: Vec<u8>, data: Vec<Bytes>) -> ImageObject {
        ImageObject {
            entries,
            fingerprint: fingerprint(data.iter().map(|piece| &piece[..])),
            data,
            mask: None,
        }
    }

    /// Writes the image as object `id`, its mask first.
    pub fn write(&self, file: &mut PdfFile, id: Ref) {
        let mask = self.mask.as_ref().map(|mask| {
            let mask_id = file.alloc();
            mask.write(file, mask_id);
            mask_id
        });
        file.stream(
            id,
            |d| {
                d.extend(&self.entries);
                if let Some(mask) = mask {
                    d.reference("SMask", mask);
                }
            },
            Body::Shared {
                data: &self.data,
                fingerprint: self.fingerprint,
            },
        );
    }
}

/// Every picture of a handout as an image object, each made on first use; several
/// threads may ask at once, and the one picture is made once.
#[derive(Debug, Default)]
pub struct PictureStore {
    objects: HashMap<std::path::PathBuf, OnceLock<Result<Arc<ImageObject>, ImageError>>>,
    /// The pictures in the order the document names them.
    pictures: Vec<Arc<Picture>>,
}

impl PictureStore {
    /// A store for the pictures of `document`: the logo and each exercise's.
    pub fn new(document: &Document) -> PictureStore {
        let figures = document.exercises.iter().flat_map(|e| &e.images);
        let pictures: Vec<Arc<Picture>> = document
            .brand
            .logo
            .iter()
            .chain(figures.map(|f| &f.picture))
            .cloned()
            .collect();
        let objects = pictures
            .iter()
            .map(|p| (p.path.clone(), OnceLock::new()))
            .collect();
        PictureStore { objects, pictures }
    }

    /// Makes every picture's image object now (the work a build can do on another core
    /// while this one lays out), and returns why each picture that failed did.
    pub fn prepare_all(&self) -> Vec<ImageError> {
        self.pictures
            .iter()
            .filter_map(|picture| self.get(picture).err())
            .collect()
    }

    pub fn get(&self, picture: &Picture) -> Result<Arc<ImageObject>, ImageError> {
        match self.objects.get(&picture.path) {
            Some(cell) => cell
                .get_or_init(|| image_object(picture).map(Arc::new))
                .clone(),
            // A picture the handout does not name (a test's own layout): made each time.
            None => image_object(picture).map(Arc::new),
        }
    }
}

pub fn image_object(picture: &Picture) -> Result<ImageObject, ImageError> {
    let fail = |reason: String| ImageError {
        path: picture.path.clone(),
        // Decoders' messages may run over several lines; a diagnostic has one.
        reason: reason.split_whitespace().collect::<Vec<_>>().join(" "),
    };
    match picture.format {
        // Pixels stored sideways or mirrored only decoding can turn upright.
        _ if picture.orientation != Orientation::NoTransforms => decoded(picture).map_err(fail),
        PictureFormat::Jpeg => jpeg(picture).map_err(fail),
        PictureFormat::Png => match png_passthrough(&picture.bytes) {
            Some(object) => Ok(object),
            None => decoded(picture).map_err(fail),
        },
    }
}

/// The entries every image has: its kind, size, bits and colour space (`/Type/XObject`
/// is optional, and left out).
fn image_entries(width: u32, height: u32, color_space: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut entries = Vec::with_capacity(160);
    let mut d = Dict::entries_only(&mut entries);
    d.name("Subtype", "Image")
        .int("Width", i64::from(width))
        .int("Height", i64::from(height))
        .int("BitsPerComponent", 8)
        .raw("ColorSpace", color_space);
    entries
}

fn jpeg(picture: &Picture) -> Result<ImageObject, String> {
    // The decoder reports CMYK pictures as RGB, having converted them; the frame
    // header says what the compressed data really holds.
    // A file whose segments can't be walked is decoded instead, so no metadata goes along.
    let Some(file) = Jpeg::read(&picture.bytes) else {
        return decoded(picture);
    };
    let color_space = match file.components() {
        Some(1) => "/DeviceGray",
        Some(3) => "/DeviceRGB",
        // CMYK (often with Adobe's inverted values) and rarer layouts: decode and
        // store losslessly as RGB.
        _ => return decoded(picture),
    };
    let content = file.without_metadata();
    let mut entries = image_entries(picture.width, picture.height, |o| {
        o.extend_from_slice(color_space.as_bytes())
    });
    Dict::entries_only(&mut entries).name("Filter", "DCTDecode");
    Ok(ImageObject::new(entries, vec![content.into()]))
}

/// The PNG's own compressed data behind a PNG predictor, when PDF can read it as is.
fn png_passthrough(bytes: &Bytes) -> Option<ImageObject> {
    let png = Png::read(bytes).ok().filter(Png::copyable)?;
    let mut color_space = Vec::new();
    let colors = match (png.color_type, png.palette) {
        (0, _) => {
            color_space.extend_from_slice(b"/DeviceGray");
            1
        }
        (2, _) => {
            color_space.extend_from_slice(b"/DeviceRGB");
            3
        }
        (3, Some(palette)) => {
            color_space.extend_from_slice(b"[/Indexed/DeviceRGB ");
            syntax::integer(
                &mut color_space,
                (palette.len() / 3).saturating_sub(1) as u64,
            );
            syntax::hex(&mut color_space, palette);
            color_space.push(b']');
            1
        }
        _ => return None,
    };
    let mut entries = image_entries(png.width, png.height, |o| o.extend(color_space));
    Dict::entries_only(&mut entries)
        .name("Filter", "FlateDecode")
        .raw("DecodeParms", |o| {
            // Eight bits a component and one colour are the defaults.
            let mut p = Dict::new(o);
            p.int("Predictor", 15);
            if colors != 1 {
                p.int("Colors", colors);
            }
            p.int("Columns", i64::from(png.width));
            p.finish();
        });
    let pieces = png
        .data
        .iter()
        .map(|piece| bytes.slice_ref(piece))
        .collect();
    Some(ImageObject::new(entries, pieces))
}

/// The picture's pixels, decoded and turned or mirrored as its orientation says.
fn decode_upright(picture: &Picture) -> Result<DynamicImage, String> {
    let format = match picture.format {
        PictureFormat::Png => image::ImageFormat::Png,
        PictureFormat::Jpeg => image::ImageFormat::Jpeg,
    };
    let mut decoded =
        image::load_from_memory_with_format(&picture.bytes, format).map_err(|e| e.to_string())?;
    decoded.apply_orientation(picture.orientation);
    if (decoded.width(), decoded.height()) != (picture.width, picture.height) {
        return Err(format!(
            "it decodes to {} × {} pixels, not the {} × {} it was loaded as",
            decoded.width(),
            decoded.height(),
            picture.width,
            picture.height
        ));
    }
    Ok(decoded)
}

/// Decodes the picture, upright, and stores it as 8-bit RGB (or grey) plus an alpha soft
/// mask, each deflated as plain samples. Pictures that need decoding are mostly logos
/// with transparency: flat colours, which deflate better unfiltered than behind a PNG
/// predictor, and at a middle level (the sample logo: best level 2 % smaller, 4× slower).
fn decoded(picture: &Picture) -> Result<ImageObject, String> {
    let mut samples = Samples {
        deflater: Deflater::new(Effort::Picture),
    };
    // The usual case, a transparent logo, split as it is decoded.
    if picture.format == PictureFormat::Png && picture.orientation == Orientation::NoTransforms {
        if let Some(split) = split_rgba_png(&picture.bytes) {
            let split = split?;
            let (width, height) = (split.width, split.height);
            return Ok(samples.transparent(width, height, &split.rgb, &split.alpha, "/DeviceRGB"));
        }
    }
    let decoded = &decode_upright(picture)?;
    let (width, height) = (decoded.width(), decoded.height());
    let color = decoded.color();
    Ok(match (color.has_color(), color.has_alpha()) {
        (true, false) => samples.object(width, height, decoded.to_rgb8().as_raw(), "/DeviceRGB"),
        (false, false) => samples.object(width, height, decoded.to_luma8().as_raw(), "/DeviceGray"),
        (true, true) => {
            let (rgb, alpha) = split_channels(decoded.to_rgba8().as_raw(), 3);
            samples.transparent(width, height, &rgb, &alpha, "/DeviceRGB")
        }
        (false, true) => {
            let (grey, alpha) = split_channels(decoded.to_luma_alpha8().as_raw(), 1);
            samples.transparent(width, height, &grey, &alpha, "/DeviceGray")
        }
    })
}

/// Image objects of plain samples, deflated with one compressor.
struct Samples {
    deflater: Deflater,
}

impl Samples {
    fn object(
        &mut self,
        width: u32,
        height: u32,
        samples: &[u8],
        color_space: &str,
    ) -> ImageObject {
        let mut entries = image_entries(width, height, |o| {
            o.extend_from_slice(color_space.as_bytes())
        });
        Dict::entries_only(&mut entries).name("Filter", "FlateDecode");
        ImageObject::new(entries, vec![self.deflater.deflate(samples).into()])
    }

    /// An image with its transparency as a grey soft mask.
    fn transparent(
        &mut self,
        width: u32,
        height: u32,
        colour: &[u8],
        alpha: &[u8],
        color_space: &str,
    ) -> ImageObject {
        let mut object = self.object(width, height, colour, color_space);
        object.mask = Some(Box::new(self.object(width, height, alpha, "/DeviceGray")));
        object
    }
}

/// A transparent picture's colour and alpha samples, apart.
struct Split {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
    alpha: Vec<u8>,
}

/// An 8-bit RGBA PNG's colour and alpha, split row by row as it decodes, so its pixels
/// are never held whole; `None` for any other kind of PNG.
fn split_rgba_png(bytes: &[u8]) -> Option<Result<Split, String>> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::IDENTITY);
    let mut reader = decoder.read_info().ok()?;
    let info = reader.info();
    let rgba = info.color_type == png::ColorType::Rgba && info.bit_depth == png::BitDepth::Eight;
    if !rgba || info.interlaced {
        return None;
    }
    let (width, height) = (info.width, info.height);
    let pixels = width as usize * height as usize;
    let (mut rgb, mut alpha) = (Vec::with_capacity(pixels * 3), Vec::with_capacity(pixels));
    loop {
        match reader.next_row() {
            Ok(Some(row)) => split_into(row.data(), 3, &mut rgb, &mut alpha),
            Ok(None) => break,
            Err(error) => return Some(Err(error.to_string())),
        }
    }
    if alpha.len() != pixels {
        return Some(Err("the file ends before its last row".into()));
    }
    Some(Ok(Split {
        width,
        height,
        rgb,
        alpha,
    }))
}

/// Samples of `colors` channels and an alpha channel, apart.
fn split_channels(samples: &[u8], colors: usize) -> (Vec<u8>, Vec<u8>) {
    let pixels = samples.len() / (colors + 1);
    let (mut color, mut alpha) = (
        Vec::with_capacity(pixels * colors),
        Vec::with_capacity(pixels),
    );
    split_into(samples, colors, &mut color, &mut alpha);
    (color, alpha)
}

fn split_into(samples: &[u8], colors: usize, color: &mut Vec<u8>, alpha: &mut Vec<u8>) {
    for pixel in samples.chunks_exact(colors + 1) {
        color.extend_from_slice(&pixel[..colors]);
        alpha.push(pixel[colors]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_pictures::jpeg_with_orientation;
    use std::path::PathBuf;

    fn picture(bytes: Vec<u8>, width: u32, height: u32) -> Picture {
        Picture {
            path: PathBuf::from("test.png"),
            format: PictureFormat::Png,
            width,
            height,
            orientation: image::metadata::Orientation::NoTransforms,
            bytes: bytes.into(),
        }
    }

    fn encode_png(pixels: &[u8], width: u32, height: u32, color: image::ColorType) -> Vec<u8> {
        let mut out = Vec::new();
        image::ImageEncoder::write_image(
            image::codecs::png::PngEncoder::new(&mut out),
            pixels,
            width,
            height,
            color.into(),
        )
        .unwrap();
        out
    }

    fn rgb_png(width: u32, height: u32) -> Vec<u8> {
        let pixels: Vec<u8> = (0..width * height * 3)
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        encode_png(&pixels, width, height, image::ColorType::Rgb8)
    }

    /// The image dictionary's entries as text.
    fn entries(object: &ImageObject) -> String {
        String::from_utf8_lossy(&object.entries).into_owned()
    }

    fn jpeg(bytes: &[u8]) -> Picture {
        Picture {
            format: PictureFormat::Jpeg,
            ..picture(bytes.to_vec(), 16, 16)
        }
    }

    #[test]
    fn a_grey_jpeg_is_copied_and_a_cmyk_one_decoded() {
        let grey = include_bytes!("../../tests/fixtures/images/grey.jpg");
        let cmyk = include_bytes!("../../tests/fixtures/images/cmyk.jpg");
        let components = |bytes| Jpeg::read(bytes).and_then(|file| file.components());
        assert_eq!(components(grey), Some(1));
        assert_eq!(components(cmyk), Some(4));

        let copied = entries(&image_object(&jpeg(grey)).unwrap());
        assert!(copied.contains("/Filter/DCTDecode"), "{copied}");
        assert!(copied.contains("/ColorSpace/DeviceGray"), "{copied}");

        // CMYK data is never labelled as RGB: it is decoded, converted and re-stored.
        let decoded = entries(&image_object(&jpeg(cmyk)).unwrap());
        assert!(decoded.contains("/Filter/FlateDecode"), "{decoded}");
        assert!(decoded.contains("/ColorSpace/DeviceRGB"), "{decoded}");
    }

    #[test]
    fn an_opaque_rgb_png_is_copied_not_recompressed() {
        let bytes = rgb_png(20, 10);
        let object = image_object(&picture(bytes.clone(), 20, 10)).unwrap();
        assert_eq!(
            object.data.concat(),
            Png::read(&bytes).unwrap().data.concat()
        );
        assert!(entries(&object).contains("/DecodeParms<</Predictor 15/Colors 3"));
        assert!(object.mask.is_none());
    }

    /// A JPEG read as the loader reads it: the size as displayed, the orientation found.
    fn loaded_jpeg(bytes: Vec<u8>) -> Picture {
        let mut decoder =
            image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let orientation = image::ImageDecoder::orientation(&mut decoder).unwrap();
        let (mut width, mut height) = image::ImageDecoder::dimensions(&decoder);
        if matches!(orientation, Orientation::Rotate90 | Orientation::Rotate270) {
            (width, height) = (height, width);
        }
        Picture {
            path: PathBuf::from("photo.jpg"),
            format: PictureFormat::Jpeg,
            width,
            height,
            orientation,
            bytes: bytes.into(),
        }
    }

    #[test]
    fn a_photo_tagged_to_turn_is_embedded_upright() {
        // Stored 16 × 8, dark on the left; Exif orientation 6 turns it a quarter clockwise,
        // so upright it is 8 × 16 with the dark half on top.
        let picture = loaded_jpeg(jpeg_with_orientation(16, 8, 6));
        assert_eq!(picture.orientation, Orientation::Rotate90);
        let upright = decode_upright(&picture).unwrap().to_luma8();
        assert_eq!(upright.dimensions(), (8, 16));
        let mean = |rows: std::ops::Range<u32>| {
            let values: Vec<u32> = rows
                .flat_map(|y| (0..8).map(move |x| (x, y)))
                .map(|(x, y)| u32::from(upright.get_pixel(x, y).0[0]))
                .collect();
            values.iter().sum::<u32>() / values.len() as u32
        };
        assert!(mean(0..6) < 60, "top {}", mean(0..6));
        assert!(mean(10..16) > 200, "bottom {}", mean(10..16));

        let object = entries(&image_object(&picture).unwrap());
        assert!(object.contains("/Width 8/Height 16"), "{object}");
        assert!(object.contains("/Filter/FlateDecode"), "{object}");
    }

    #[test]
    fn a_copied_jpeg_leaves_its_metadata_behind() {
        // Orientation 1 needs no turning, so the file's own coded data is copied.
        let tagged = jpeg_with_orientation(16, 8, 1);
        let mut bytes = tagged[..2].to_vec();
        bytes.extend([0xFF, 0xFE, 0, 9]);
        bytes.extend(b"comment");
        bytes.extend_from_slice(&tagged[2..]);
        bytes.extend(b"a second picture some phones append");
        let picture = loaded_jpeg(bytes.clone());
        assert_eq!(picture.orientation, Orientation::NoTransforms);
        let object = image_object(&picture).unwrap();
        let copied = &object.data.concat();
        assert!(entries(&object).contains("/Filter/DCTDecode"));
        let holds = |needle: &[u8]| copied.windows(needle.len()).any(|w| w == needle);
        assert!(!holds(b"Exif"));
        assert!(!holds(b"comment"));
        assert!(!holds(b"phones"));
        assert!(holds(b"JFIF\0") == tagged.windows(5).any(|w| w == b"JFIF\0"));
        assert!(copied.ends_with(&[0xFF, 0xD9]));
        assert!(copied.len() < bytes.len());
        let pixels = |jpeg: &[u8]| image::load_from_memory(jpeg).unwrap().to_rgb8().into_raw();
        assert_eq!(
            pixels(copied),
            pixels(&bytes),
            "the coded data is untouched"
        );
    }

    #[test]
    fn a_jpeg_whose_segments_cannot_be_walked_is_decoded_instead() {
        let mut bytes = jpeg_with_orientation(16, 8, 1);
        assert!(Jpeg::read(&bytes).is_some());
        // Cut off before the end marker: the walk fails, so no byte of the file is copied.
        bytes.truncate(bytes.len() - 2);
        assert!(Jpeg::read(&bytes).is_none());
        assert!(Jpeg::read(b"\xFF\xD8\x00garbage").is_none());
        let cut = Picture {
            format: PictureFormat::Jpeg,
            ..picture(bytes, 16, 8)
        };
        let object = image_object(&cut).unwrap();
        assert!(
            !entries(&object).contains("/DCTDecode"),
            "decoded, not copied"
        );
    }

    #[test]
    fn a_transparent_png_keeps_its_alpha_as_a_soft_mask() {
        let pixels: Vec<u8> = (0..8 * 8)
            .flat_map(|i| [200, 10, 10, (i * 4) as u8])
            .collect();
        let bytes = encode_png(&pixels, 8, 8, image::ColorType::Rgba8);
        let object = image_object(&picture(bytes, 8, 8)).unwrap();
        let mask = object.mask.as_ref().expect("a soft mask");
        assert!(entries(mask).contains("/ColorSpace/DeviceGray"));
        assert!(entries(&object).contains("/ColorSpace/DeviceRGB"));
        let inflate = |data: &[u8]| {
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(data), &mut out)
                .unwrap();
            out
        };
        let alpha: Vec<u8> = (0..64).map(|i| (i * 4) as u8).collect();
        assert_eq!(inflate(&mask.data.concat()), alpha, "the alpha, unfiltered");
        assert_eq!(
            &inflate(&object.data.concat())[..6],
            &[200, 10, 10, 200, 10, 10]
        );
    }
}
