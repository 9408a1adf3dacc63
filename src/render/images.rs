//! Pictures as PDF image objects, passed to printpdf as they are: a JPEG's coded data and a
//! PNG's compressed pixels go in unchanged, and decoded samples are deflated here, once a
//! run however many documents show them.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use printpdf::{DictItem, ExternalStream, ExternalXObject, Px};

use super::deflate::{Deflater, Effort};
use crate::model::{ColorSpace, Picture, Pixels};

/// Every picture of a run as an image object, each made on first use; several threads may
/// ask at once, and each picture is made once.
#[derive(Debug, Default)]
pub struct PictureStore {
    objects: Mutex<BTreeMap<PathBuf, Arc<OnceLock<ExternalXObject>>>>,
}

impl PictureStore {
    /// The image object of `picture`, made now if no thread has made it yet.
    pub fn get(&self, picture: &Picture) -> ExternalXObject {
        let cell = self
            .objects
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(picture.path.clone())
            .or_default()
            .clone();
        cell.get_or_init(|| image_object(picture)).clone()
    }
}

/// The image object of a picture, its transparency a soft mask.
pub fn image_object(picture: &Picture) -> ExternalXObject {
    let (width, height) = (picture.width, picture.height);
    let stream = match &picture.pixels {
        Pixels::Jpeg { data, colors } => {
            let mut dict = image_dict(width, height, colors);
            dict.insert("Filter".into(), name("DCTDecode"));
            stored(dict, data.to_vec())
        }
        Pixels::Png { data, colors } => {
            let mut dict = image_dict(width, height, colors);
            dict.insert("Filter".into(), name("FlateDecode"));
            let components = match colors {
                ColorSpace::Rgb => 3,
                ColorSpace::Gray | ColorSpace::Indexed { .. } => 1,
            };
            let params = [
                ("Predictor", 15),
                ("Colors", components),
                ("BitsPerComponent", 8),
                ("Columns", i64::from(width)),
            ]
            .map(|(key, value)| (key.to_string(), DictItem::Int(value)));
            dict.insert(
                "DecodeParms".into(),
                DictItem::Dict {
                    map: params.into_iter().collect(),
                },
            );
            stored(dict, data.concat())
        }
        Pixels::Samples {
            colors,
            samples,
            alpha,
        } => {
            // Pictures that need decoding are mostly logos with transparency: flat colours,
            // which deflate better unfiltered than behind a PNG predictor, and at a middle
            // level (the sample logo: the best level 2 % smaller, four times slower).
            let mut deflater = Deflater::new(Effort::Picture);
            let mut deflated = |colors: &ColorSpace, samples: &[u8]| {
                let mut dict = image_dict(width, height, colors);
                dict.insert("Filter".into(), name("FlateDecode"));
                stored(dict, deflater.deflate(samples))
            };
            let mut image = deflated(colors, samples);
            if let Some(alpha) = alpha {
                let mask = deflated(&ColorSpace::Gray, alpha);
                image
                    .dict
                    .insert("SMask".into(), DictItem::Stream { stream: mask });
            }
            image
        }
    };
    ExternalXObject {
        stream,
        width: Some(Px(width as usize)),
        height: Some(Px(height as usize)),
        dpi: None,
    }
}

/// A stream whose data is already coded as its filter says.
fn stored(dict: BTreeMap<String, DictItem>, content: Vec<u8>) -> ExternalStream {
    ExternalStream {
        dict,
        content,
        compress: false,
    }
}

/// The entries every image has: its kind, size, bits and colour space.
fn image_dict(width: u32, height: u32, colors: &ColorSpace) -> BTreeMap<String, DictItem> {
    let color_space = match colors {
        ColorSpace::Gray => name("DeviceGray"),
        ColorSpace::Rgb => name("DeviceRGB"),
        ColorSpace::Indexed { palette } => DictItem::Array(vec![
            name("Indexed"),
            name("DeviceRGB"),
            DictItem::Int((palette.len() / 3).saturating_sub(1) as i64),
            DictItem::String {
                data: palette.to_vec(),
                literal: false,
            },
        ]),
    };
    [
        ("Type", name("XObject")),
        ("Subtype", name("Image")),
        ("Width", DictItem::Int(i64::from(width))),
        ("Height", DictItem::Int(i64::from(height))),
        ("BitsPerComponent", DictItem::Int(8)),
        ("ColorSpace", color_space),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_string(), value))
    .collect()
}

fn name(name: &str) -> DictItem {
    DictItem::Name(name.as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use std::io::Read;

    fn picture(pixels: Pixels) -> Picture {
        Picture {
            path: PathBuf::from("p.png"),
            width: 2,
            height: 2,
            pixels,
        }
    }

    #[test]
    fn kept_data_goes_in_unchanged_and_samples_deflated_with_their_mask() {
        let jpeg = image_object(&picture(Pixels::Jpeg {
            data: Bytes::from_static(b"\xFF\xD8coded\xFF\xD9"),
            colors: ColorSpace::Gray,
        }));
        assert_eq!(jpeg.stream.content, b"\xFF\xD8coded\xFF\xD9");
        assert_eq!(jpeg.stream.dict.get("Filter"), Some(&name("DCTDecode")));
        assert_eq!(
            jpeg.stream.dict.get("ColorSpace"),
            Some(&name("DeviceGray"))
        );

        let png = image_object(&picture(Pixels::Png {
            data: vec![Bytes::from_static(b"ab"), Bytes::from_static(b"cd")],
            colors: ColorSpace::Rgb,
        }));
        assert_eq!(png.stream.content, b"abcd");
        let Some(DictItem::Dict { map }) = png.stream.dict.get("DecodeParms") else {
            panic!("no predictor");
        };
        assert_eq!(map.get("Colors"), Some(&DictItem::Int(3)));

        let samples = image_object(&picture(Pixels::Samples {
            colors: ColorSpace::Rgb,
            samples: Bytes::from(vec![7; 12]),
            alpha: Some(Bytes::from(vec![255, 0, 255, 0])),
        }));
        let inflate = |data: &[u8]| {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(data)
                .read_to_end(&mut out)
                .unwrap();
            out
        };
        assert_eq!(inflate(&samples.stream.content), vec![7; 12]);
        let Some(DictItem::Stream { stream: mask }) = samples.stream.dict.get("SMask") else {
            panic!("no soft mask");
        };
        assert_eq!(inflate(&mask.content), [255, 0, 255, 0]);
        assert_eq!(mask.dict.get("ColorSpace"), Some(&name("DeviceGray")));
    }
}
