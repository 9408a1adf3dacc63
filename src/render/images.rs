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

use std::collections::BTreeMap;

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::metadata::Orientation;
use image::{ColorType, DynamicImage, ImageEncoder};
use printpdf::{DictItem, ExternalStream, ExternalXObject, Px};

use crate::content::png::Png;
use crate::content::{Picture, PictureFormat};

#[derive(Debug, thiserror::Error)]
#[error("cannot embed {path}: {reason}")]
pub struct ImageError {
    path: String,
    reason: String,
}

pub fn xobject(picture: &Picture) -> Result<ExternalXObject, ImageError> {
    let fail = |reason: String| ImageError {
        path: picture.path.display().to_string(),
        reason,
    };
    let stream = match picture.format {
        // The loader decoded what can't be copied; and pixels stored sideways or mirrored
        // only decoding can turn upright.
        _ if picture.pixels.is_some() || picture.orientation != Orientation::NoTransforms => {
            decoded_stream(picture).map_err(fail)?
        }
        PictureFormat::Jpeg => jpeg_stream(picture).map_err(fail)?,
        PictureFormat::Png => match png_passthrough(&picture.bytes, None) {
            Some(stream) => stream,
            None => decoded_stream(picture).map_err(fail)?,
        },
    };
    Ok(ExternalXObject {
        stream,
        width: Some(Px(picture.width as usize)),
        height: Some(Px(picture.height as usize)),
        dpi: Some(72.0),
    })
}

fn image_dict(width: u32, height: u32, color_space: DictItem) -> BTreeMap<String, DictItem> {
    let mut dict = BTreeMap::new();
    dict.insert("Type".into(), name("XObject"));
    dict.insert("Subtype".into(), name("Image"));
    dict.insert("Width".into(), DictItem::Int(i64::from(width)));
    dict.insert("Height".into(), DictItem::Int(i64::from(height)));
    dict.insert("BitsPerComponent".into(), DictItem::Int(8));
    dict.insert("ColorSpace".into(), color_space);
    dict
}

fn name(value: &str) -> DictItem {
    DictItem::Name(value.as_bytes().to_vec())
}

fn jpeg_stream(picture: &Picture) -> Result<ExternalStream, String> {
    // The decoder reports CMYK pictures as RGB, having converted them; the frame
    // header says what the compressed data really holds.
    let color_space = match frame_components(&picture.bytes) {
        Some(1) => "DeviceGray",
        Some(3) => "DeviceRGB",
        // CMYK (often with Adobe's inverted values) and rarer layouts: decode and
        // store losslessly as RGB.
        _ => return decoded_stream(picture),
    };
    // A file whose segments can't be walked is decoded instead, so no metadata goes along.
    let Some(content) = without_metadata(&picture.bytes) else {
        return decoded_stream(picture);
    };
    let mut dict = image_dict(picture.width, picture.height, name(color_space));
    dict.insert("Filter".into(), name("DCTDecode"));
    Ok(ExternalStream {
        dict,
        content,
        compress: false,
    })
}

/// One piece of a JPEG file, in file order.
enum JpegPiece<'a> {
    /// A marker without a segment: SOI, EOI, a restart or TEM.
    Marker(u8),
    /// A marker and its segment, from the length bytes on.
    Segment { code: u8, segment: &'a [u8] },
    /// The entropy-coded data after a start of scan.
    Scan(&'a [u8]),
}

/// The pieces of a JPEG file up to its end marker; `None` when they can't be walked
/// as the JPEG standard lays them out.
fn jpeg_pieces(bytes: &[u8]) -> Option<Vec<JpegPiece<'_>>> {
    const SOI: u8 = 0xD8;
    const EOI: u8 = 0xD9;
    const SOS: u8 = 0xDA;
    if bytes.get(..2)? != [0xFF, SOI] {
        return None;
    }
    let mut pieces = vec![JpegPiece::Marker(SOI)];
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
                pieces.push(JpegPiece::Marker(EOI));
                return Some(pieces);
            }
            // Markers without a segment: restarts and TEM.
            0x01 | 0xD0..=0xD7 => {
                pieces.push(JpegPiece::Marker(code));
                continue;
            }
            0x00 | SOI => return None,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
        let segment = bytes.get(at..at.checked_add(length)?)?;
        if length < 2 {
            return None;
        }
        at += length;
        pieces.push(JpegPiece::Segment { code, segment });
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
            pieces.push(JpegPiece::Scan(&bytes[start..at]));
        }
    }
}

/// The number of colour components in a JPEG's frame header, from the first
/// start-of-frame segment.
fn frame_components(bytes: &[u8]) -> Option<u8> {
    jpeg_pieces(bytes)?.iter().find_map(|piece| match *piece {
        // Start of frame: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
        JpegPiece::Segment {
            code: code @ 0xC0..=0xCF,
            segment,
        } if !matches!(code, 0xC4 | 0xC8 | 0xCC) => segment.get(7).copied(),
        _ => None,
    })
}

/// The JPEG `bytes` with only what decoding needs: application segments other than JFIF
/// (APP0) and Adobe (APP14) are left out, with comments and whatever follows the end
/// marker (some phones append a second picture there). `None` when the segments can't be
/// walked as the JPEG standard lays them out.
fn without_metadata(bytes: &[u8]) -> Option<Vec<u8>> {
    const COM: u8 = 0xFE;
    let mut out = Vec::with_capacity(bytes.len());
    for piece in jpeg_pieces(bytes)? {
        match piece {
            JpegPiece::Marker(code) => out.extend_from_slice(&[0xFF, code]),
            JpegPiece::Segment { code, segment } => {
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
            JpegPiece::Scan(data) => out.extend_from_slice(data),
        }
    }
    Some(out)
}

/// The PNG's own compressed data behind a PNG predictor, when PDF can read it as is.
fn png_passthrough(bytes: &[u8], smask: Option<ExternalStream>) -> Option<ExternalStream> {
    let png = Png::read(bytes).ok().filter(Png::copyable)?;
    let (color_space, colors) = match (png.color_type, png.palette) {
        (0, _) => (name("DeviceGray"), 1),
        (2, _) => (name("DeviceRGB"), 3),
        (3, Some(palette)) => (
            DictItem::Array(vec![
                name("Indexed"),
                name("DeviceRGB"),
                DictItem::Int((palette.len() / 3) as i64 - 1),
                DictItem::String {
                    data: palette.to_vec(),
                    literal: false,
                },
            ]),
            1,
        ),
        _ => return None,
    };
    let mut dict = image_dict(png.width, png.height, color_space);
    dict.insert("Filter".into(), name("FlateDecode"));
    let mut params = BTreeMap::new();
    params.insert("Predictor".into(), DictItem::Int(15));
    params.insert("Colors".into(), DictItem::Int(colors));
    params.insert("BitsPerComponent".into(), DictItem::Int(8));
    params.insert("Columns".into(), DictItem::Int(i64::from(png.width)));
    dict.insert("DecodeParms".into(), DictItem::Dict { map: params });
    if let Some(mask) = smask {
        dict.insert("SMask".into(), DictItem::Stream { stream: mask });
    }
    Some(ExternalStream {
        dict,
        content: png.data.concat(),
        compress: false,
    })
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
/// mask.
fn decoded_stream(picture: &Picture) -> Result<ExternalStream, String> {
    let owned;
    let decoded = match &picture.pixels {
        Some(pixels) => &*pixels.0,
        None => {
            owned = decode_upright(picture)?;
            &owned
        }
    };
    let has_alpha = decoded.color().has_alpha();
    let grey = !decoded.color().has_color();
    let smask = if has_alpha {
        let alpha: Vec<u8> = decoded.to_rgba8().pixels().map(|p| p.0[3]).collect();
        let encoded = encode_png(&alpha, decoded.width(), decoded.height(), ColorType::L8)?;
        Some(png_passthrough(&encoded, None).ok_or("cannot re-read the encoded mask")?)
    } else {
        None
    };
    let (pixels, color) = if grey {
        (
            DynamicImage::ImageLuma8(decoded.to_luma8()).into_bytes(),
            ColorType::L8,
        )
    } else {
        (
            DynamicImage::ImageRgb8(decoded.to_rgb8()).into_bytes(),
            ColorType::Rgb8,
        )
    };
    let encoded = encode_png(&pixels, decoded.width(), decoded.height(), color)?;
    png_passthrough(&encoded, smask).ok_or_else(|| "cannot re-read the encoded picture".to_string())
}

/// PNG encoding gives a good lossless filter-and-deflate, in a form PDF reads. The
/// default level: on the sample logo the best level saves 18 bytes and costs 8 ms.
fn encode_png(pixels: &[u8], width: u32, height: u32, color: ColorType) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
        .write_image(pixels, width, height, color.into())
        .map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_pictures::jpeg_with_orientation;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn picture(bytes: Vec<u8>, width: u32, height: u32) -> Picture {
        Picture {
            path: PathBuf::from("test.png"),
            format: PictureFormat::Png,
            width,
            height,
            orientation: image::metadata::Orientation::NoTransforms,
            bytes: Arc::from(bytes),
            pixels: None,
        }
    }

    fn rgb_png(width: u32, height: u32) -> Vec<u8> {
        let pixels: Vec<u8> = (0..width * height * 3)
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        encode_png(&pixels, width, height, ColorType::Rgb8).unwrap()
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
        assert_eq!(frame_components(grey), Some(1));
        assert_eq!(frame_components(cmyk), Some(4));

        let copied = xobject(&jpeg(grey)).unwrap().stream;
        assert_eq!(copied.dict.get("Filter"), Some(&name("DCTDecode")));
        assert_eq!(copied.dict.get("ColorSpace"), Some(&name("DeviceGray")));

        // CMYK data is never labelled as RGB: it is decoded, converted and re-stored.
        let decoded = xobject(&jpeg(cmyk)).unwrap().stream;
        assert_eq!(decoded.dict.get("Filter"), Some(&name("FlateDecode")));
        assert_eq!(decoded.dict.get("ColorSpace"), Some(&name("DeviceRGB")));
    }

    #[test]
    fn an_opaque_rgb_png_is_copied_not_recompressed() {
        let bytes = rgb_png(20, 10);
        let object = xobject(&picture(bytes.clone(), 20, 10)).unwrap();
        assert_eq!(
            object.stream.content,
            Png::read(&bytes).unwrap().data.concat()
        );
        assert!(object.stream.dict.contains_key("DecodeParms"));
        assert!(!object.stream.dict.contains_key("SMask"));
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
            bytes: Arc::from(bytes),
            pixels: None,
        }
    }

    fn int(stream: &ExternalStream, key: &str) -> Option<i64> {
        match stream.dict.get(key) {
            Some(DictItem::Int(n)) => Some(*n),
            _ => None,
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

        let object = xobject(&picture).unwrap();
        assert_eq!(int(&object.stream, "Width"), Some(8));
        assert_eq!(int(&object.stream, "Height"), Some(16));
        assert_eq!(object.stream.dict.get("Filter"), Some(&name("FlateDecode")));
        assert_eq!((object.width, object.height), (Some(Px(8)), Some(Px(16))));
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
        let object = xobject(&picture).unwrap();
        let copied = &object.stream.content;
        assert_eq!(object.stream.dict.get("Filter"), Some(&name("DCTDecode")));
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
        assert!(without_metadata(&bytes).is_some());
        // Cut off before the end marker: the walk fails, so no byte of the file is copied.
        bytes.truncate(bytes.len() - 2);
        assert_eq!(without_metadata(&bytes), None);
        assert_eq!(without_metadata(b"\xFF\xD8\x00garbage"), None);
    }

    #[test]
    fn a_transparent_png_keeps_its_alpha_as_a_soft_mask() {
        let pixels: Vec<u8> = (0..8 * 8)
            .flat_map(|i| [200, 10, 10, (i * 4) as u8])
            .collect();
        let bytes = encode_png(&pixels, 8, 8, ColorType::Rgba8).unwrap();
        let object = xobject(&picture(bytes, 8, 8)).unwrap();
        let Some(DictItem::Stream { stream }) = object.stream.dict.get("SMask") else {
            panic!("no soft mask");
        };
        assert_eq!(stream.dict.get("ColorSpace"), Some(&name("DeviceGray")));
    }
}
