//! The poster PDF (issue 21): the chain map fitted to a sheet of paper (A4 to A0, either way
//! round) with its title, legend, date and source note, as vector graphics. Text stays text: the
//! bundled font is embedded as a subset with a ToUnicode map, so names (Chinese included) can be
//! selected and searched in any PDF reader.
//!
//! The page is drawn as SVG first (`frame.rs`, reusing the map SVG of `picture.rs`), parsed by
//! the `usvg` that resvg already brings, and written as PDF by `pdf.rs` with `pdf-writer` and
//! the font subset by `subsetter` (`font.rs`). svg2pdf and krilla-svg would do the last step,
//! but their releases are built on older usvg/fontdb versions than ours and would add second
//! copies of both.

mod font;
mod frame;
mod pdf;

use crate::i18n::Lang;
use crate::model::Project;

/// ISO 216 paper sizes a poster is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Paper {
    A4,
    #[default]
    A3,
    A2,
    A1,
    A0,
}

impl Paper {
    pub const ALL: [Paper; 5] = [Paper::A4, Paper::A3, Paper::A2, Paper::A1, Paper::A0];

    /// The name, as on the command line and in the dialog.
    pub fn code(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::A2 => "A2",
            Paper::A1 => "A1",
            Paper::A0 => "A0",
        }
    }

    /// `A3`, `a3`: the paper of that name.
    pub fn parse(text: &str) -> Option<Paper> {
        Paper::ALL
            .into_iter()
            .find(|p| p.code().eq_ignore_ascii_case(text.trim()))
    }

    /// Width and height in millimetres, portrait.
    pub fn millimetres(self) -> (u32, u32) {
        match self {
            Paper::A4 => (210, 297),
            Paper::A3 => (297, 420),
            Paper::A2 => (420, 594),
            Paper::A1 => (594, 841),
            Paper::A0 => (841, 1189),
        }
    }
}

/// Which way round the paper is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Orientation {
    #[default]
    Landscape,
    Portrait,
}

impl Orientation {
    pub const ALL: [Orientation; 2] = [Orientation::Landscape, Orientation::Portrait];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Orientation::Landscape => lang.pick("横向", "Landscape"),
            Orientation::Portrait => lang.pick("纵向", "Portrait"),
        }
    }

    /// The way round that suits a map of `width`×`height`: landscape unless it is taller.
    pub fn suiting(width: u32, height: u32) -> Orientation {
        if height > width {
            Orientation::Portrait
        } else {
            Orientation::Landscape
        }
    }
}

/// The sheet a poster is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sheet {
    pub paper: Paper,
    pub orientation: Orientation,
}

impl Sheet {
    /// A3 (big enough to read a county's chain on a wall), turned the way the map is.
    pub fn suiting(project: &Project) -> Sheet {
        let (w, h) = super::picture::natural_size(project);
        Sheet {
            paper: Paper::A3,
            orientation: Orientation::suiting(w, h),
        }
    }

    /// Width and height in PDF points (1/72 inch).
    pub fn points(self) -> (f32, f32) {
        let (w, h) = self.paper.millimetres();
        let (w, h) = (w as f32 * 72.0 / 25.4, h as f32 * 72.0 / 25.4);
        match self.orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        }
    }

    /// `A3 横向` / `A3 landscape`.
    pub fn label(self, lang: Lang) -> String {
        let way = self.orientation.label(lang);
        match lang {
            Lang::Zh => format!("{} {way}", self.paper.code()),
            Lang::En => format!("{} {}", self.paper.code(), way.to_lowercase()),
        }
    }
}

/// Why a poster could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the poster drawing could not be read: {0}")]
    Svg(String),
    #[error("the font could not be embedded: {0}")]
    Font(String),
}

impl PdfError {
    /// What went wrong, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PdfError::Svg(e), Lang::Zh) => format!("无法读取海报图形:{e}"),
            (PdfError::Font(e), Lang::Zh) => format!("无法嵌入字体:{e}"),
            (e, Lang::En) => e.to_string(),
        }
    }
}

/// Today in the user's time zone, as the poster prints it.
pub fn today() -> String {
    jiff::ZonedDateTime::now().strftime("%Y-%m-%d").to_string()
}

/// The poster page as SVG, in points: what the PDF draws.
pub fn poster_svg(project: &Project, lang: Lang, sheet: Sheet, date: &str) -> String {
    frame::poster_svg(project, lang, sheet, date)
}

/// The poster as a one-page PDF on `sheet`, dated `date`.
pub fn pdf(project: &Project, lang: Lang, sheet: Sheet, date: &str) -> Result<Vec<u8>, PdfError> {
    let svg = frame::poster_svg(project, lang, sheet, date);
    let meta = pdf::Meta {
        title: project.meta.name.clone(),
        lang,
    };
    pdf::svg_to_pdf(&svg, sheet.points(), &meta)
}
