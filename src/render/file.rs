//! The PDF file: objects numbered and written in one pass, dictionaries packed into one
//! compressed object stream, and a compressed cross-reference stream at the end.
//!
//! A stream's bytes that several documents share (a picture in every PDF of a roster)
//! are kept as a reference to the one copy, not copied into each file.

use std::hash::Hasher;
use std::io::{IoSlice, Write};

use bytes::Bytes;

use super::deflate::Deflater;
use super::syntax::{self, Dict, Ref};

/// A finished PDF: its bytes in order, some of them shared with other documents.
#[derive(Debug, Clone, Default)]
pub struct Pdf {
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
enum Part {
    Owned(Vec<u8>),
    Shared(Bytes),
}

impl Part {
    fn bytes(&self) -> &[u8] {
        match self {
            Part::Owned(bytes) => bytes,
            Part::Shared(bytes) => bytes,
        }
    }
}

impl Pdf {
    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.bytes().len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the file's bytes in order, each part as it is, with as few calls as the
    /// writer takes (one, for a file).
    pub fn write_to(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut slices: Vec<IoSlice> = self.parts.iter().map(|p| IoSlice::new(p.bytes())).collect();
        let mut slices = &mut slices[..];
        while !slices.is_empty() {
            match out.write_vectored(slices) {
                Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
                Ok(written) => IoSlice::advance_slices(&mut slices, written),
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
        Ok(())
    }

    pub fn to_vec(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.len());
        for part in &self.parts {
            bytes.extend_from_slice(part.bytes());
        }
        bytes
    }
}

/// A stream's data, as [`PdfFile::stream`] takes it.
pub enum Body<'a> {
    /// To be deflated with the file's compressor.
    Deflate(&'a [u8]),
    /// Already in its final form; the dictionary says how it is encoded.
    Encoded(&'a [u8]),
    /// In its final form and shared with other documents, in one or more pieces (a
    /// PNG's data chunks, say), with a hash of it made once, so the document ID need not
    /// read it again.
    Shared { data: &'a [Bytes], fingerprint: u64 },
}

/// Where an object's bytes are, for the cross-reference stream.
#[derive(Debug, Clone, Copy)]
enum Location {
    Unwritten,
    At(u64),
    /// The `index`th object of the object stream.
    Packed(u16),
}

pub struct PdfFile<'d> {
    parts: Vec<Part>,
    /// Bytes written since the last shared part.
    buffer: Vec<u8>,
    /// Bytes in `parts`.
    flushed: u64,
    /// By object number less one.
    locations: Vec<Location>,
    /// The packed objects' bodies, one after another, and where each starts.
    packed: Vec<u8>,
    packed_objects: Vec<(Ref, usize)>,
    deflater: &'d mut Deflater,
    /// Everything written so far, for the document ID.
    digest: Digest,
}

/// What the trailer names.
pub struct Trailer {
    pub root: Ref,
    pub info: Ref,
}

impl<'d> PdfFile<'d> {
    pub fn new(deflater: &'d mut Deflater) -> PdfFile<'d> {
        let mut buffer = Vec::with_capacity(64 * 1024);
        // The high bytes on the second line tell transfer programs that this is binary.
        buffer.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        PdfFile {
            parts: Vec::new(),
            buffer,
            flushed: 0,
            locations: Vec::new(),
            packed: Vec::with_capacity(8 * 1024),
            packed_objects: Vec::new(),
            deflater,
            digest: Digest::default(),
        }
    }

    /// A new object number, to refer to before the object is written.
    pub fn alloc(&mut self) -> Ref {
        self.locations.push(Location::Unwritten);
        Ref(self.locations.len() as u32)
    }

    pub fn deflater(&mut self) -> &mut Deflater {
        self.deflater
    }

    fn offset(&self) -> u64 {
        self.flushed + self.buffer.len() as u64
    }

    fn locate(&mut self, id: Ref, location: Location) {
        self.locations[id.0 as usize - 1] = location;
    }

    /// Writes object `id`, a dictionary or array that `body` writes, into the object stream.
    pub fn packed(&mut self, id: Ref, body: impl FnOnce(&mut Vec<u8>)) {
        // The cross-reference stream numbers an object stream's objects in two bytes;
        // any beyond that many are written on their own.
        let Ok(index) = u16::try_from(self.packed_objects.len()) else {
            self.locate(id, Location::At(self.offset()));
            let start = self.buffer.len();
            syntax::integer(&mut self.buffer, u64::from(id.0));
            self.buffer.extend_from_slice(b" 0 obj\n");
            body(&mut self.buffer);
            self.buffer.extend_from_slice(b"\nendobj\n");
            self.digest.add(&self.buffer[start..]);
            return;
        };
        self.locate(id, Location::Packed(index));
        self.packed_objects.push((id, self.packed.len()));
        body(&mut self.packed);
        self.packed.push(b'\n');
    }

    /// Writes stream object `id`: its dictionary (what `dict` adds, then the filter and
    /// length) and its data.
    pub fn stream(&mut self, id: Ref, dict: impl FnOnce(&mut Dict), body: Body) {
        self.locate(id, Location::At(self.offset()));
        syntax::integer(&mut self.buffer, u64::from(id.0));
        self.buffer.extend_from_slice(b" 0 obj\n");
        let deflated;
        let (data, deflate) = match &body {
            Body::Deflate(raw) => {
                deflated = self.deflater.deflate(raw);
                (deflated.as_slice(), true)
            }
            Body::Encoded(data) => (*data, false),
            Body::Shared { .. } => (&[][..], false),
        };
        let length = match &body {
            Body::Shared { data, .. } => data.iter().map(Bytes::len).sum(),
            _ => data.len(),
        };
        let mut d = Dict::new(&mut self.buffer);
        dict(&mut d);
        if deflate {
            d.name("Filter", "FlateDecode");
        }
        d.int("Length", length as i64);
        d.finish();
        self.buffer.extend_from_slice(b"stream\n");
        match body {
            Body::Shared { data, fingerprint } => {
                self.digest.add(&fingerprint.to_le_bytes());
                self.flush();
                self.flushed += length as u64;
                self.parts.extend(data.iter().cloned().map(Part::Shared));
            }
            _ => {
                self.digest.add(data);
                self.buffer.extend_from_slice(data);
            }
        }
        self.buffer.extend_from_slice(b"\nendstream\nendobj\n");
    }

    fn flush(&mut self) {
        if !self.buffer.is_empty() {
            self.flushed += self.buffer.len() as u64;
            self.parts
                .push(Part::Owned(std::mem::take(&mut self.buffer)));
        }
    }

    /// Writes the object stream and the cross-reference stream; the document ID comes from
    /// everything written before.
    pub fn finish(mut self, trailer: Trailer) -> Pdf {
        self.digest.add(&self.packed);
        let id = self.digest.document_id();
        let objects = self.alloc();
        self.write_object_stream(objects);
        let xref = self.alloc();
        let xref_at = self.offset();
        self.locate(xref, Location::At(xref_at));
        let rows = self.cross_references(objects);
        let columns = rows.first().map_or(0, Vec::len);
        let mut data = Vec::with_capacity(rows.len() * (columns + 1));
        // The PNG "up" predictor: each row as its difference from the one above, which
        // turns the slowly growing offsets into runs of zeros.
        let mut above = vec![0u8; columns];
        for row in &rows {
            data.push(2);
            data.extend(row.iter().zip(&above).map(|(b, a)| b.wrapping_sub(*a)));
            above.clone_from(row);
        }
        let widths = [1, columns.saturating_sub(3), 2].map(|w| w as f32);
        self.stream(
            xref,
            |d| {
                d.name("Type", "XRef")
                    .int("Size", rows.len() as i64)
                    .numbers("W", &widths)
                    .reference("Root", trailer.root)
                    .reference("Info", trailer.info)
                    .raw("ID", |o| {
                        o.push(b'[');
                        syntax::hex(o, &id);
                        syntax::hex(o, &id);
                        o.push(b']');
                    })
                    .raw("DecodeParms", |o| {
                        let mut p = Dict::new(o);
                        p.int("Predictor", 12).int("Columns", columns as i64);
                        p.finish();
                    });
            },
            Body::Deflate(&data),
        );
        self.buffer.extend_from_slice(b"startxref\n");
        syntax::integer(&mut self.buffer, xref_at);
        self.buffer.extend_from_slice(b"\n%%EOF\n");
        self.flush();
        Pdf { parts: self.parts }
    }

    fn write_object_stream(&mut self, id: Ref) {
        let mut header = Vec::with_capacity(self.packed_objects.len() * 8);
        for (i, (object, at)) in self.packed_objects.iter().enumerate() {
            if i > 0 {
                header.push(b' ');
            }
            syntax::integer(&mut header, u64::from(object.0));
            header.push(b' ');
            syntax::integer(&mut header, *at as u64);
        }
        header.push(b'\n');
        let first = header.len();
        header.extend_from_slice(&self.packed);
        let count = self.packed_objects.len();
        self.stream(
            id,
            |d| {
                d.name("Type", "ObjStm")
                    .int("N", count as i64)
                    .int("First", first as i64);
            },
            Body::Deflate(&header),
        );
    }

    /// One row per object number from 0: its type, then its offset (or its object stream
    /// and index), big-endian, in as few bytes as the largest needs.
    fn cross_references(&self, objects: Ref) -> Vec<Vec<u8>> {
        let end = self.offset().max(1);
        let offset_bytes = (64 - end.leading_zeros()).div_ceil(8).max(2) as usize;
        let mut rows = Vec::with_capacity(self.locations.len() + 1);
        let row = |kind: u8, field: u64, index: u16| {
            let mut row = vec![kind];
            row.extend_from_slice(&field.to_be_bytes()[8 - offset_bytes..]);
            row.extend_from_slice(&index.to_be_bytes());
            row
        };
        rows.push(row(0, 0, 0xFFFF));
        for location in &self.locations {
            rows.push(match *location {
                Location::At(offset) => row(1, offset, 0),
                Location::Packed(index) => row(2, u64::from(objects.0), index),
                Location::Unwritten => {
                    debug_assert!(false, "an object number was given out but never written");
                    // Listed as free, the file stays readable.
                    row(0, 0, 0)
                }
            });
        }
        rows
    }
}

/// A cheap hash of bytes that go into a PDF as they are, in pieces, for its document ID.
pub fn fingerprint<'a>(pieces: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut hasher = crc32fast::Hasher::new();
    let mut length = 0u64;
    for piece in pieces {
        hasher.update(piece);
        length += piece.len() as u64;
    }
    (u64::from(hasher.finalize()) << 32) | (length & 0xFFFF_FFFF)
}

/// A stable 128-bit hash of a document's bytes (SipHash with fixed keys, twice): the same
/// content always gets the same ID, on any machine.
#[derive(Default)]
struct Digest {
    #[allow(deprecated)]
    hasher: std::hash::SipHasher,
}

impl Digest {
    fn add(&mut self, bytes: &[u8]) {
        // The length as eight little-endian bytes, so that the ID is the same on every
        // machine, whatever its word size or byte order.
        self.hasher.write(&(bytes.len() as u64).to_le_bytes());
        self.hasher.write(bytes);
    }

    fn document_id(&self) -> [u8; 16] {
        let first = self.hasher.finish();
        let mut second = self.hasher.clone();
        second.write(b"handout");
        let mut id = [0; 16];
        id[..8].copy_from_slice(&first.to_be_bytes());
        id[8..].copy_from_slice(&second.finish().to_be_bytes());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::deflate::Effort;

    /// A catalog and a page tree of no pages.
    fn empty_document(file: &mut PdfFile, catalog: Ref, pages: Ref) {
        file.packed(catalog, |o| {
            let mut d = Dict::new(o);
            d.name("Type", "Catalog").reference("Pages", pages);
            d.finish();
        });
        file.packed(pages, |o| {
            let mut d = Dict::new(o);
            d.name("Type", "Pages")
                .int("Count", 0)
                .references("Kids", &[]);
            d.finish();
        });
    }

    fn tiny_pdf(shared: Bytes) -> Pdf {
        let mut deflater = Deflater::new(Effort::Text);
        let mut file = PdfFile::new(&mut deflater);
        let catalog = file.alloc();
        let pages = file.alloc();
        let info = file.alloc();
        let image = file.alloc();
        empty_document(&mut file, catalog, pages);
        file.packed(info, |o| {
            let mut d = Dict::new(o);
            d.text("Title", "Knee – pain");
            d.finish();
        });
        file.stream(
            image,
            |d| {
                d.name("Type", "XObject");
            },
            Body::Shared {
                data: &[shared.slice(..3), shared.slice(3..)],
                fingerprint: 7,
            },
        );
        file.finish(Trailer {
            root: catalog,
            info,
        })
    }

    #[test]
    fn objects_past_what_an_object_stream_can_number_are_written_on_their_own() {
        let mut deflater = Deflater::new(Effort::Text);
        let mut file = PdfFile::new(&mut deflater);
        let catalog = file.alloc();
        let pages = file.alloc();
        let numbers: Vec<Ref> = (0..70_000).map(|_| file.alloc()).collect();
        empty_document(&mut file, catalog, pages);
        for (value, &id) in numbers.iter().enumerate() {
            file.packed(id, |o| syntax::integer(o, value as u64));
        }
        let bytes = file
            .finish(Trailer {
                root: catalog,
                info: pages,
            })
            .to_vec();
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        for (value, id) in numbers
            .iter()
            .enumerate()
            .step_by(997)
            .chain([(69_999, &numbers[69_999])])
        {
            let object = doc.get_object((id.0, 0)).unwrap();
            assert_eq!(object.as_i64().unwrap(), value as i64, "object {}", id.0);
        }
    }

    #[test]
    fn the_file_reads_back_with_its_objects_and_shared_bytes() {
        let shared = Bytes::from_static(b"shared picture bytes");
        let pdf = tiny_pdf(shared.clone());
        let bytes = pdf.to_vec();
        assert_eq!(bytes.len(), pdf.len());
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        let catalog = doc.catalog().unwrap();
        assert_eq!(catalog.get(b"Type").unwrap().as_name().unwrap(), b"Catalog");
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let title = doc.get_dictionary(info).unwrap().get(b"Title").unwrap();
        assert_eq!(
            title.as_str().unwrap(),
            syntax::utf16_with_bom("Knee – pain")
        );
        let image = doc.get_object((4, 0)).unwrap().as_stream().unwrap();
        assert_eq!(image.content, &shared[..]);
        let mut written = Vec::new();
        pdf.write_to(&mut written).unwrap();
        assert_eq!(written, bytes);
    }

    #[test]
    fn the_id_follows_the_content() {
        let id = |pdf: &Pdf| {
            let doc = lopdf::Document::load_mem(&pdf.to_vec()).unwrap();
            doc.trailer.get(b"ID").unwrap().clone()
        };
        let a = tiny_pdf(Bytes::from_static(b"abcd"));
        assert_eq!(id(&a), id(&tiny_pdf(Bytes::from_static(b"abcd"))));
        assert_eq!(a.to_vec(), tiny_pdf(Bytes::from_static(b"abcd")).to_vec());
    }
}
