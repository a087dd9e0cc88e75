//! Colours, strokes and fonts. The bundled CJK font makes Chinese render on a machine with no
//! fonts installed; eframe's system-font fallback stays on for anything rarer.

use crate::model::{LinkKind, NodeKind, Segment};
use crate::style;
use egui::{
    Color32, FontData, FontFamily,
    epaint::text::{FontInsert, FontPriority, InsertFontFamily},
};

/// Noto Sans CJK SC, subset to the CJK Unified Ideographs block (SIL OFL 1.1, see assets/fonts).
const CJK_FONT: &[u8] = style::CJK_FONT;

/// A few symbols (folder and file icons of the in-app browser, ⚠ ✓ ☐ …) from Symbola.
const ICON_FONT: &[u8] = include_bytes!("../../assets/fonts/Symbola-icons.ttf");

/// Registers the bundled CJK font after egui's own Latin fonts, for proportional and monospace
/// text, so Latin text keeps egui's look and every Chinese character has a glyph.
pub fn install_fonts(ctx: &egui::Context) {
    for (name, data) in [("noto_sans_sc", CJK_FONT), ("symbola_icons", ICON_FONT)] {
        let families = [FontFamily::Proportional, FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect();
        ctx.add_font(FontInsert::new(name, FontData::from_static(data), families));
    }
}

/// The light look the canvas is designed for.
pub fn install_style(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.global_style_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
    });
}

/// Lane background of a segment.
pub fn segment_fill(segment: Segment) -> Color32 {
    rgb(style::segment_fill(segment))
}

/// Lane header colour of a segment.
pub fn segment_strong(segment: Segment) -> Color32 {
    rgb(style::segment_strong(segment))
}

/// Fill colour of a node kind.
pub fn node_fill(kind: NodeKind) -> Color32 {
    rgb(style::node_fill(kind))
}

/// Stroke colour of a link kind.
pub fn link_colour(kind: LinkKind) -> Color32 {
    rgb(style::link_colour(kind))
}

/// Dash pattern of a link kind (dash, gap), or none for a solid line.
pub fn link_dash(kind: LinkKind) -> Option<(f32, f32)> {
    style::link_dash(kind)
}

fn rgb(c: style::Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Selection highlight.
pub const SELECTION: Color32 = Color32::from_rgb(255, 170, 0);
/// Text on the canvas.
pub const CANVAS_TEXT: Color32 = Color32::from_rgb(40, 44, 52);
/// Error text.
/// The ring around a chain leader (a node tagged 链主), on the canvas and in the legend.
pub const LEADER_RING: Color32 = Color32::from_rgb(212, 40, 40);
pub const ERROR: Color32 = Color32::from_rgb(200, 40, 40);
/// Warning text.
pub const WARNING: Color32 = Color32::from_rgb(176, 112, 0);

/// How the canvas is painted: the editor's look, or a high-contrast look for a projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CanvasLook {
    #[default]
    Editor,
    /// White wall, black text, bolder links: for bright rooms.
    ProjectorLight,
    /// Near-black background, light text: for dim rooms and large screens.
    ProjectorDark,
}

impl CanvasLook {
    pub fn is_dark(self) -> bool {
        self == CanvasLook::ProjectorDark
    }

    pub fn background(self) -> Color32 {
        match self {
            CanvasLook::Editor => Color32::from_rgb(250, 250, 248),
            CanvasLook::ProjectorLight => Color32::WHITE,
            CanvasLook::ProjectorDark => Color32::from_rgb(16, 18, 24),
        }
    }

    pub fn lane_fill(self, segment: Segment) -> Color32 {
        match self {
            CanvasLook::Editor => segment_fill(segment),
            // A touch stronger than the editor's, so lanes survive a washed-out projector.
            CanvasLook::ProjectorLight => {
                blend(segment_fill(segment), segment_strong(segment), 0.12)
            }
            CanvasLook::ProjectorDark => blend(self.background(), segment_strong(segment), 0.22),
        }
    }

    pub fn lane_header(self, segment: Segment) -> Color32 {
        segment_strong(segment)
    }

    /// Labels and legend text on the canvas.
    pub fn text(self) -> Color32 {
        match self {
            CanvasLook::Editor => CANVAS_TEXT,
            CanvasLook::ProjectorLight => Color32::from_rgb(10, 10, 14),
            CanvasLook::ProjectorDark => Color32::from_rgb(240, 242, 246),
        }
    }

    /// Behind node labels, so they stay readable over links.
    pub fn label_backdrop(self) -> Color32 {
        match self {
            CanvasLook::ProjectorDark => Color32::from_rgba_unmultiplied(16, 18, 24, 215),
            CanvasLook::ProjectorLight => Color32::from_rgba_unmultiplied(255, 255, 255, 225),
            CanvasLook::Editor => Color32::from_rgba_unmultiplied(250, 250, 248, 210),
        }
    }

    pub fn link(self, kind: LinkKind) -> Color32 {
        match (self, kind) {
            (CanvasLook::ProjectorDark, LinkKind::Supply) => Color32::from_rgb(170, 190, 220),
            (CanvasLook::ProjectorDark, k) => blend(link_colour(k), Color32::WHITE, 0.25),
            (CanvasLook::ProjectorLight, LinkKind::Supply) => Color32::from_rgb(50, 62, 84),
            (_, k) => link_colour(k),
        }
    }

    /// Link widths are multiplied by this: thin lines vanish on a projector.
    pub fn link_width(self) -> f32 {
        match self {
            CanvasLook::Editor => 1.0,
            _ => 1.5,
        }
    }

    /// The smallest node label: a projector needs labels legible from the back of the room.
    pub fn min_label_size(self) -> f32 {
        match self {
            CanvasLook::Editor => 9.0,
            _ => 11.5,
        }
    }

    /// How much of its colour a faded (not highlighted) item keeps.
    pub fn faded(self) -> f32 {
        match self {
            CanvasLook::Editor => 0.22,
            CanvasLook::ProjectorLight => 0.16,
            CanvasLook::ProjectorDark => 0.28,
        }
    }
}

/// `a` moved towards `b` by `t` (0 = a, 1 = b), opaque.
pub fn blend(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}
