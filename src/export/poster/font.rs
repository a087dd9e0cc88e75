//! A font embedded in the PDF as a CID-keyed Type0 font: only the glyphs used (subset by
//! `subsetter`, the name tagged `ABCDEF+` as PDF asks of subsets), their widths, and a ToUnicode
//! map from each glyph to the text it stands for, so the text can be copied and searched.

use super::PdfError;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref, Str};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use subsetter::GlyphRemapper;

/// Glyph codes are two-byte CIDs, mapped straight to the subset's glyph ids.
const IDENTITY_H: &str = "Identity-H";
const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// One font's glyphs as the page uses them.
pub(super) struct EmbeddedFont {
    data: Vec<u8>,
    index: u32,
    units_per_em: f32,
    /// Original glyph id → CID (the glyph id in the subset).
    remapper: GlyphRemapper,
    /// Advance widths by CID, in font units.
    widths: Vec<f32>,
    /// CID → the text it was drawn for.
    text: BTreeMap<u16, String>,
}

impl EmbeddedFont {
    pub(super) fn new(data: Vec<u8>, index: u32) -> Result<EmbeddedFont, PdfError> {
        let face = ttf_parser::Face::parse(&data, index)
            .map_err(|e| PdfError::Font(format!("the font cannot be read ({e})")))?;
        let units_per_em = f32::from(face.units_per_em());
        let notdef = advance(&face, 0);
        Ok(EmbeddedFont {
            data,
            index,
            units_per_em,
            remapper: GlyphRemapper::new(),
            widths: vec![notdef],
            text: BTreeMap::new(),
        })
    }

    pub(super) fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// The CID of `glyph`, drawn for `text`; added to the subset if new.
    pub(super) fn cid(&mut self, glyph: u16, text: &str) -> u16 {
        let cid = self.remapper.remap(glyph);
        if usize::from(cid) >= self.widths.len() {
            let width = ttf_parser::Face::parse(&self.data, self.index)
                .map(|face| advance(&face, glyph))
                .unwrap_or(0.0);
            self.widths.push(width);
        }
        if !text.is_empty() {
            self.text.entry(cid).or_insert_with(|| text.to_owned());
        }
        cid
    }

    /// The advance of a CID in thousandths of an em (PDF text space).
    pub(super) fn width(&self, cid: u16) -> f32 {
        self.widths
            .get(usize::from(cid))
            .map_or(0.0, |w| w * 1000.0 / self.units_per_em)
    }

    /// Writes the Type0 font at `id` and the objects it needs (ids from `next`).
    pub(super) fn write(
        &self,
        chunk: &mut Chunk,
        id: Ref,
        next: &mut impl FnMut() -> Ref,
    ) -> Result<(), PdfError> {
        let face = ttf_parser::Face::parse(&self.data, self.index)
            .map_err(|e| PdfError::Font(format!("the font cannot be read ({e})")))?;
        let is_cff = face
            .raw_face()
            .table(ttf_parser::Tag::from_bytes(b"CFF "))
            .is_some();
        let subset = subsetter::subset(&self.data, self.index, &self.remapper)
            .map_err(|e| PdfError::Font(format!("the font subset cannot be made ({e:?})")))?;
        // A CFF font goes in as its bare CFF program (FontFile3/CIDFontType0C), as PDF wants.
        let program = if is_cff {
            ttf_parser::RawFace::parse(&subset, 0)
                .ok()
                .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"CFF ")))
                .map(<[u8]>::to_vec)
                .ok_or_else(|| PdfError::Font("the subset has no CFF table".to_owned()))?
        } else {
            subset
        };
        let base = format!("{}+{}", self.subset_tag(), postscript_name(&face));
        let (cid_ref, descriptor_ref, cmap_ref, data_ref) = (next(), next(), next(), next());

        let type0_name = if is_cff {
            format!("{base}-{IDENTITY_H}")
        } else {
            base.clone()
        };
        chunk
            .type0_font(id)
            .base_font(Name(type0_name.as_bytes()))
            .encoding_predefined(Name(IDENTITY_H.as_bytes()))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);

        let mut cid = chunk.cid_font(cid_ref);
        cid.subtype(if is_cff {
            CidFontType::Type0
        } else {
            CidFontType::Type2
        });
        cid.base_font(Name(base.as_bytes()));
        cid.system_info(SYSTEM_INFO);
        cid.font_descriptor(descriptor_ref);
        cid.default_width(0.0);
        if !is_cff {
            cid.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        cid.widths()
            .consecutive(0, (0..self.widths.len()).map(|c| self.width(c as u16)));
        cid.finish();

        let scale = |v: f32| v * 1000.0 / self.units_per_em;
        let bbox = face.global_bounding_box();
        let ascent = scale(f32::from(face.ascender()));
        let mut descriptor = chunk.font_descriptor(descriptor_ref);
        descriptor
            .name(Name(base.as_bytes()))
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                scale(f32::from(bbox.x_min)),
                scale(f32::from(bbox.y_min)),
                scale(f32::from(bbox.x_max)),
                scale(f32::from(bbox.y_max)),
            ))
            .italic_angle(face.italic_angle())
            .ascent(ascent)
            .descent(scale(f32::from(face.descender())))
            .cap_height(
                face.capital_height()
                    .map_or(ascent, |h| scale(f32::from(h))),
            )
            .stem_v(10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0));
        if is_cff {
            descriptor.font_file3(data_ref);
        } else {
            descriptor.font_file2(data_ref);
        }
        descriptor.finish();

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
        for (cid, text) in &self.text {
            cmap.pair_with_multiple(*cid, text.chars());
        }
        let cmap = deflate(&cmap.finish().into_vec());
        chunk.cmap(cmap_ref, &cmap).filter(Filter::FlateDecode);

        let program = deflate(&program);
        let mut stream = chunk.stream(data_ref, &program);
        stream.filter(Filter::FlateDecode);
        if is_cff {
            stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C"));
        }
        stream.finish();
        Ok(())
    }

    /// Six capitals from the glyphs used: the same subset always gets the same tag.
    fn subset_tag(&self) -> String {
        let mut hasher = std::hash::DefaultHasher::new();
        self.remapper
            .remapped_gids()
            .for_each(|g| g.hash(&mut hasher));
        let mut hash = Hasher::finish(&hasher);
        (0..6)
            .map(|_| {
                let letter = b'A' + (hash % 26) as u8;
                hash /= 26;
                char::from(letter)
            })
            .collect()
    }
}

fn advance(face: &ttf_parser::Face, glyph: u16) -> f32 {
    face.glyph_hor_advance(ttf_parser::GlyphId(glyph))
        .map_or(0.0, f32::from)
}

/// The font's PostScript name, with only the characters a PDF name may hold plainly.
fn postscript_name(face: &ttf_parser::Face) -> String {
    let name = face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .and_then(|n| n.to_string())
        .unwrap_or_default();
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(100)
        .collect();
    if name.is_empty() {
        "Font".to_owned()
    } else {
        name
    }
}

/// Bytes compressed for a FlateDecode stream.
pub(super) fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}
