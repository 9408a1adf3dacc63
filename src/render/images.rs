//! Pictures as PDF image objects, without loss: JPEG bytes are embedded as they
//! are, and a PNG's compressed data is copied when PDF can read it directly
//! (8-bit grey, RGB or palette, not interlaced, no transparency). Other PNGs are
//! decoded once and re-compressed losslessly, their transparency kept as a soft mask.

use std::collections::BTreeMap;
use std::io::Cursor;

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ColorType, DynamicImage, ImageEncoder};
use printpdf::{DictItem, ExternalStream, ExternalXObject, Px};

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
        PictureFormat::Jpeg => jpeg_stream(picture).map_err(fail)?,
        PictureFormat::Png => match png_passthrough(&picture.bytes, None) {
            Some(stream) => stream,
            None => decoded_png_stream(picture).map_err(fail)?,
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
    let decoder = image::codecs::jpeg::JpegDecoder::new(Cursor::new(&picture.bytes[..]))
        .map_err(|e| e.to_string())?;
    let color_space = match image::ImageDecoder::color_type(&decoder) {
        ColorType::L8 => "DeviceGray",
        ColorType::Rgb8 => "DeviceRGB",
        // CMYK and other rare layouts: decode and store losslessly as RGB.
        _ => return decoded_stream(picture, None),
    };
    let mut dict = image_dict(picture.width, picture.height, name(color_space));
    dict.insert("Filter".into(), name("DCTDecode"));
    Ok(ExternalStream {
        dict,
        content: picture.bytes.to_vec(),
        compress: false,
    })
}

/// The parts of a PNG file that PDF's Flate filter with the PNG predictor reads as they are.
struct PngParts {
    width: u32,
    height: u32,
    bit_depth: u8,
    color_type: u8,
    interlaced: bool,
    palette: Option<Vec<u8>>,
    transparency: bool,
    data: Vec<u8>,
}

fn png_parts(bytes: &[u8]) -> Option<PngParts> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let mut rest = bytes.strip_prefix(SIGNATURE)?;
    let mut parts: Option<PngParts> = None;
    while rest.len() >= 12 {
        let length = u32::from_be_bytes(rest[..4].try_into().ok()?) as usize;
        let kind = &rest[4..8];
        let body = rest.get(8..8 + length)?;
        rest = rest.get(12 + length..)?;
        match kind {
            b"IHDR" if body.len() >= 13 => {
                parts = Some(PngParts {
                    width: u32::from_be_bytes(body[..4].try_into().ok()?),
                    height: u32::from_be_bytes(body[4..8].try_into().ok()?),
                    bit_depth: body[8],
                    color_type: body[9],
                    interlaced: body[12] != 0,
                    palette: None,
                    transparency: false,
                    data: Vec::new(),
                });
            }
            b"PLTE" => parts.as_mut()?.palette = Some(body.to_vec()),
            b"tRNS" => parts.as_mut()?.transparency = true,
            b"IDAT" => parts.as_mut()?.data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
    }
    parts
}

/// The PNG's own compressed data behind a PNG predictor, when PDF can read it as is.
fn png_passthrough(bytes: &[u8], smask: Option<ExternalStream>) -> Option<ExternalStream> {
    let png = png_parts(bytes)?;
    if png.bit_depth != 8 || png.interlaced || png.transparency {
        return None;
    }
    let (color_space, colors) = match (png.color_type, &png.palette) {
        (0, _) => (name("DeviceGray"), 1),
        (2, _) => (name("DeviceRGB"), 3),
        (3, Some(palette)) => (
            DictItem::Array(vec![
                name("Indexed"),
                name("DeviceRGB"),
                DictItem::Int((palette.len() / 3) as i64 - 1),
                DictItem::String {
                    data: palette.clone(),
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
        content: png.data,
        compress: false,
    })
}

fn decoded_png_stream(picture: &Picture) -> Result<ExternalStream, String> {
    decoded_stream(picture, Some(image::ImageFormat::Png))
}

/// Decodes the picture and stores it as 8-bit RGB (or grey) plus an alpha soft mask.
fn decoded_stream(
    picture: &Picture,
    format: Option<image::ImageFormat>,
) -> Result<ExternalStream, String> {
    let decoded = match format {
        Some(format) => image::load_from_memory_with_format(&picture.bytes, format),
        None => image::load_from_memory(&picture.bytes),
    }
    .map_err(|e| e.to_string())?;
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

/// PNG encoding gives the best lossless filter-and-deflate at hand, in a form PDF reads.
fn encode_png(pixels: &[u8], width: u32, height: u32, color: ColorType) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Best, FilterType::Adaptive)
        .write_image(pixels, width, height, color.into())
        .map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn picture(bytes: Vec<u8>, width: u32, height: u32) -> Picture {
        Picture {
            path: PathBuf::from("test.png"),
            format: PictureFormat::Png,
            width,
            height,
            bytes: Arc::from(bytes),
        }
    }

    fn rgb_png(width: u32, height: u32) -> Vec<u8> {
        let pixels: Vec<u8> = (0..width * height * 3)
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        encode_png(&pixels, width, height, ColorType::Rgb8).unwrap()
    }

    #[test]
    fn an_opaque_rgb_png_is_copied_not_recompressed() {
        let bytes = rgb_png(20, 10);
        let parts = png_parts(&bytes).unwrap();
        let object = xobject(&picture(bytes, 20, 10)).unwrap();
        assert_eq!(object.stream.content, parts.data);
        assert!(object.stream.dict.contains_key("DecodeParms"));
        assert!(!object.stream.dict.contains_key("SMask"));
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
