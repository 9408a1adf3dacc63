//! A picture's pixels made ready for the PDF, without loss: JPEG data is kept as it is,
//! less its metadata, and a PNG's compressed data when PDF can read it directly (8-bit
//! grey, RGB or palette, not interlaced, no transparency). Other PNGs, and every picture
//! whose Exif orientation says to turn or mirror it, are decoded once and turned upright,
//! their transparency kept apart. Decoding is where a picture damaged inside is found, so
//! it is done while loading, where the content that names the picture can be pointed at.
//!
//! Nothing but pixels goes into the PDF: no Exif (a phone photo's carries where and when it
//! was taken), XMP, IPTC, ICC profile, comment or thumbnail. A kept JPEG has only the
//! segments needed to decode it, and its JFIF and Adobe markers, which say how its colours
//! are coded; a kept PNG gives only its pixel data and palette.

use bytes::Bytes;
use image::metadata::Orientation;
use image::DynamicImage;

use super::jpeg::Jpeg;
use super::png::Png;
use crate::model::{ColorSpace, Pixels};

/// A picture file's kind, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Png,
    Jpeg,
}

/// The pixels of the file `bytes` (of `format`, to be shown `orientation`), as the PDF
/// will hold them; why not when its data is damaged.
pub(crate) fn pixels(
    bytes: &Bytes,
    format: Format,
    orientation: Orientation,
    (width, height): (u32, u32),
) -> Result<Pixels, String> {
    let kept = match format {
        // Pixels stored sideways or mirrored only decoding can turn upright.
        _ if orientation != Orientation::NoTransforms => None,
        Format::Jpeg => jpeg(bytes),
        Format::Png => png(bytes),
    };
    match kept {
        Some(pixels) => Ok(pixels),
        None => decoded(bytes, format, orientation, (width, height)),
    }
}

/// What an image decoder's error says of the file `bytes`, in words for the person who
/// chose it: the decoders' own are about their workings ("BadZlibHeader").
pub(crate) fn undecodable(format: Format, bytes: &[u8], error: &image::ImageError) -> String {
    let ends_early = matches!(error, image::ImageError::IoError(e)
        if e.kind() == std::io::ErrorKind::UnexpectedEof);
    // A JPEG without its end marker was cut short, whatever the decoder ran into first.
    let unended = format == Format::Jpeg && !bytes.windows(2).any(|w| w == [0xFF, 0xD9]);
    damaged(format, ends_early || unended)
}

/// Why a file's pixels can't be read: it ends early, or its data is damaged.
fn damaged(format: Format, cut_short: bool) -> String {
    let kind = match format {
        Format::Png => "PNG",
        Format::Jpeg => "JPEG",
    };
    if cut_short {
        "the file ends in the middle of its data".to_string()
    } else {
        format!("its {kind} data is damaged, so its pixels can't be read")
    }
}

/// The JPEG's coded data, when a PDF reader decodes it as it is.
fn jpeg(bytes: &Bytes) -> Option<Pixels> {
    // A file whose segments can't be walked is decoded instead, so no metadata goes along.
    let file = Jpeg::read(bytes)?;
    // The decoder reports CMYK pictures as RGB, having converted them; the frame header
    // says what the compressed data really holds. CMYK (often with Adobe's inverted values)
    // and rarer layouts are decoded and stored as RGB.
    let colors = match file.components()? {
        1 => ColorSpace::Gray,
        3 => ColorSpace::Rgb,
        _ => return None,
    };
    Some(Pixels::Jpeg {
        data: file.without_metadata().into(),
        colors,
    })
}

/// The PNG's own compressed data, when PDF's Flate filter with the PNG predictor reads it
/// as it is.
fn png(bytes: &Bytes) -> Option<Pixels> {
    let png = Png::read(bytes).ok().filter(Png::copyable)?;
    let colors = match (png.color_type, png.palette) {
        (0, _) => ColorSpace::Gray,
        (2, _) => ColorSpace::Rgb,
        (3, Some(palette)) => ColorSpace::Indexed {
            palette: bytes.slice_ref(palette),
        },
        _ => return None,
    };
    let data = png
        .data
        .iter()
        .map(|piece| bytes.slice_ref(piece))
        .collect();
    Some(Pixels::Png { data, colors })
}

/// The picture's pixels, decoded and turned or mirrored as its orientation says.
fn decode_upright(
    bytes: &[u8],
    format: Format,
    orientation: Orientation,
    size: (u32, u32),
) -> Result<DynamicImage, String> {
    let image_format = match format {
        Format::Png => image::ImageFormat::Png,
        Format::Jpeg => image::ImageFormat::Jpeg,
    };
    let mut decoded = image::load_from_memory_with_format(bytes, image_format)
        .map_err(|e| undecodable(format, bytes, &e))?;
    decoded.apply_orientation(orientation);
    if (decoded.width(), decoded.height()) != size {
        return Err(format!(
            "it decodes to {} × {} pixels, not the {} × {} its header says",
            decoded.width(),
            decoded.height(),
            size.0,
            size.1
        ));
    }
    Ok(decoded)
}

/// Decodes the picture, upright, into 8-bit RGB (or grey) samples and its transparency.
fn decoded(
    bytes: &Bytes,
    format: Format,
    orientation: Orientation,
    size: (u32, u32),
) -> Result<Pixels, String> {
    // The usual case, a transparent logo, split as it is decoded.
    if format == Format::Png && orientation == Orientation::NoTransforms {
        if let Some(split) = split_rgba_png(bytes, size) {
            let (rgb, alpha) = split?;
            return Ok(Pixels::Samples {
                colors: ColorSpace::Rgb,
                samples: rgb.into(),
                alpha: Some(alpha.into()),
            });
        }
    }
    let decoded = &decode_upright(bytes, format, orientation, size)?;
    let color = decoded.color();
    let samples = |colors, samples: Vec<u8>, alpha: Option<Vec<u8>>| Pixels::Samples {
        colors,
        samples: samples.into(),
        alpha: alpha.map(Bytes::from),
    };
    Ok(match (color.has_color(), color.has_alpha()) {
        (true, false) => samples(ColorSpace::Rgb, decoded.to_rgb8().into_raw(), None),
        (false, false) => samples(ColorSpace::Gray, decoded.to_luma8().into_raw(), None),
        (true, true) => {
            let (rgb, alpha) = split_channels(decoded.to_rgba8().as_raw(), 3);
            samples(ColorSpace::Rgb, rgb, Some(alpha))
        }
        (false, true) => {
            let (grey, alpha) = split_channels(decoded.to_luma_alpha8().as_raw(), 1);
            samples(ColorSpace::Gray, grey, Some(alpha))
        }
    })
}

/// A transparent picture's colour samples and its alpha, apart.
type Split = (Vec<u8>, Vec<u8>);

/// An 8-bit RGBA PNG's colour and alpha, split row by row as it decodes, so its pixels
/// are never held whole; `None` for any other kind of PNG.
fn split_rgba_png(bytes: &[u8], size: (u32, u32)) -> Option<Result<Split, String>> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::IDENTITY);
    let mut reader = decoder.read_info().ok()?;
    let info = reader.info();
    let rgba = info.color_type == png::ColorType::Rgba && info.bit_depth == png::BitDepth::Eight;
    if !rgba || info.interlaced || (info.width, info.height) != size {
        return None;
    }
    let width = size.0 as usize;
    let pixels = width * size.1 as usize;
    let (mut rgb, mut alpha) = (vec![0; pixels * 3], vec![0; pixels]);
    let rows = rgb
        .chunks_exact_mut(width * 3)
        .zip(alpha.chunks_exact_mut(width));
    for (color, alpha) in rows {
        match reader.next_row() {
            Ok(Some(row)) => split_into(row.data(), 3, color, alpha),
            Ok(None) => return Some(Err("the file ends before its last row".into())),
            Err(error) => {
                let cut_short = matches!(&error, png::DecodingError::IoError(e)
                    if e.kind() == std::io::ErrorKind::UnexpectedEof);
                return Some(Err(damaged(Format::Png, cut_short)));
            }
        }
    }
    Some(Ok((rgb, alpha)))
}

/// Samples of `colors` channels and an alpha channel, apart.
fn split_channels(samples: &[u8], colors: usize) -> Split {
    let pixels = samples.len() / (colors + 1);
    let (mut color, mut alpha) = (vec![0; pixels * colors], vec![0; pixels]);
    split_into(samples, colors, &mut color, &mut alpha);
    (color, alpha)
}

/// Splits pixels of `colors` channels and alpha into `color` and `alpha`, which hold
/// exactly as many.
fn split_into(samples: &[u8], colors: usize, color: &mut [u8], alpha: &mut [u8]) {
    let pixels = samples.chunks_exact(colors + 1);
    for ((pixel, out), a) in pixels.zip(color.chunks_exact_mut(colors)).zip(alpha) {
        out.copy_from_slice(&pixel[..colors]);
        *a = pixel[colors];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::pictures::tests::jpeg_with_orientation;

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

    fn upright(bytes: &[u8], format: Format, size: (u32, u32)) -> Pixels {
        pixels(
            &Bytes::copy_from_slice(bytes),
            format,
            Orientation::NoTransforms,
            size,
        )
        .unwrap()
    }

    #[test]
    fn a_grey_jpeg_is_kept_and_a_cmyk_one_decoded() {
        let grey = include_bytes!("../../tests/fixtures/images/grey.jpg");
        let cmyk = include_bytes!("../../tests/fixtures/images/cmyk.jpg");
        let components = |bytes| Jpeg::read(bytes).and_then(|file| file.components());
        assert_eq!(components(grey), Some(1));
        assert_eq!(components(cmyk), Some(4));
        let size = |bytes: &[u8]| {
            let decoded = image::load_from_memory(bytes).unwrap();
            (decoded.width(), decoded.height())
        };

        let kept = upright(grey, Format::Jpeg, size(grey));
        assert!(
            matches!(
                kept,
                Pixels::Jpeg {
                    colors: ColorSpace::Gray,
                    ..
                }
            ),
            "{kept:?}"
        );
        // CMYK data is never labelled as RGB: it is decoded, converted and kept as samples.
        let decoded = upright(cmyk, Format::Jpeg, size(cmyk));
        assert!(
            matches!(
                decoded,
                Pixels::Samples {
                    colors: ColorSpace::Rgb,
                    alpha: None,
                    ..
                }
            ),
            "{decoded:?}"
        );
    }

    #[test]
    fn an_opaque_rgb_png_is_kept_as_its_compressed_data() {
        let bytes = rgb_png(20, 10);
        let Pixels::Png { data, colors } = upright(&bytes, Format::Png, (20, 10)) else {
            panic!("decoded");
        };
        assert_eq!(colors, ColorSpace::Rgb);
        assert_eq!(data.concat(), Png::read(&bytes).unwrap().data.concat());
    }

    #[test]
    fn a_photo_tagged_to_turn_is_decoded_upright() {
        // Stored 16 × 8, dark on the left; Exif orientation 6 turns it a quarter clockwise,
        // so upright it is 8 × 16 with the dark half on top.
        let bytes = Bytes::from(jpeg_with_orientation(16, 8, 6));
        let pixels = pixels(&bytes, Format::Jpeg, Orientation::Rotate90, (8, 16)).unwrap();
        let Pixels::Samples {
            colors: ColorSpace::Rgb,
            samples,
            alpha: None,
        } = pixels
        else {
            panic!("kept as it is: {pixels:?}");
        };
        assert_eq!(samples.len(), 8 * 16 * 3);
        let mean = |rows: std::ops::Range<usize>| {
            let values: Vec<u32> = rows
                .flat_map(|y| (0..8).map(move |x| (y * 8 + x) * 3))
                .map(|at| u32::from(samples[at]))
                .collect();
            values.iter().sum::<u32>() / values.len() as u32
        };
        assert!(mean(0..6) < 60, "top {}", mean(0..6));
        assert!(mean(10..16) > 200, "bottom {}", mean(10..16));
    }

    #[test]
    fn a_kept_jpeg_leaves_its_metadata_behind() {
        // Orientation 1 needs no turning, so the file's own coded data is kept.
        let tagged = jpeg_with_orientation(16, 8, 1);
        let mut bytes = tagged[..2].to_vec();
        bytes.extend([0xFF, 0xFE, 0, 9]);
        bytes.extend(b"comment");
        bytes.extend_from_slice(&tagged[2..]);
        bytes.extend(b"a second picture some phones append");
        let Pixels::Jpeg { data, .. } = upright(&bytes, Format::Jpeg, (16, 8)) else {
            panic!("decoded");
        };
        let holds = |needle: &[u8]| data.windows(needle.len()).any(|w| w == needle);
        assert!(!holds(b"Exif"));
        assert!(!holds(b"comment"));
        assert!(!holds(b"phones"));
        assert!(holds(b"JFIF\0") == tagged.windows(5).any(|w| w == b"JFIF\0"));
        assert!(data.ends_with(&[0xFF, 0xD9]));
        assert!(data.len() < bytes.len());
        let decoded = |jpeg: &[u8]| image::load_from_memory(jpeg).unwrap().to_rgb8().into_raw();
        assert_eq!(
            decoded(&data),
            decoded(&bytes),
            "the coded data is untouched"
        );
    }

    #[test]
    fn a_jpeg_whose_segments_cannot_be_walked_is_decoded_or_refused() {
        let mut bytes = jpeg_with_orientation(16, 8, 1);
        assert!(Jpeg::read(&bytes).is_some());
        // Cut off before the end marker: the walk fails, so no byte of the file is kept,
        // and decoding finds it damaged.
        bytes.truncate(bytes.len() - 2);
        assert!(Jpeg::read(&bytes).is_none());
        assert!(Jpeg::read(b"\xFF\xD8\x00garbage").is_none());
        let cut = Bytes::from(bytes);
        match pixels(&cut, Format::Jpeg, Orientation::NoTransforms, (16, 8)) {
            Ok(pixels) => assert!(matches!(pixels, Pixels::Samples { .. }), "{pixels:?}"),
            Err(reason) => assert!(!reason.contains('\n'), "{reason}"),
        }
    }

    #[test]
    fn a_transparent_png_keeps_its_alpha_apart() {
        let rgba: Vec<u8> = (0..8 * 8)
            .flat_map(|i| [200, 10, 10, (i * 4) as u8])
            .collect();
        let bytes = encode_png(&rgba, 8, 8, image::ColorType::Rgba8);
        let Pixels::Samples {
            colors,
            samples,
            alpha: Some(alpha),
        } = upright(&bytes, Format::Png, (8, 8))
        else {
            panic!("no transparency");
        };
        assert_eq!(colors, ColorSpace::Rgb);
        assert_eq!(&samples[..6], &[200, 10, 10, 200, 10, 10]);
        assert_eq!(
            alpha.to_vec(),
            (0..64).map(|i| (i * 4) as u8).collect::<Vec<u8>>()
        );
    }

    #[test]
    fn data_that_is_not_deflate_is_damage_found_while_loading() {
        let bad = include_bytes!("../../tests/fixtures/images/bad-data.png");
        let error = pixels(
            &Bytes::from_static(bad),
            Format::Png,
            Orientation::NoTransforms,
            (4, 4),
        )
        .unwrap_err();
        assert!(!error.is_empty());
    }
}
