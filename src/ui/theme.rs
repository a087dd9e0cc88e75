//! Colours, strokes and fonts. The bundled CJK font makes Chinese render on a machine with no
//! fonts installed; eframe's system-font fallback stays on for anything rarer.

use crate::model::{LinkKind, NodeKind, Segment};
use egui::{
    Color32, FontData, FontFamily,
    epaint::text::{FontInsert, FontPriority, InsertFontFamily},
};

/// Noto Sans CJK SC, subset to the CJK Unified Ideographs block (SIL OFL 1.1, see assets/fonts).
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-chainmap.otf");

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
    match segment {
        Segment::Upstream => Color32::from_rgb(232, 241, 251),
        Segment::Midstream => Color32::from_rgb(233, 246, 236),
        Segment::Downstream => Color32::from_rgb(253, 242, 228),
        Segment::Support => Color32::from_rgb(242, 238, 248),
    }
}

/// Lane header colour of a segment.
pub fn segment_strong(segment: Segment) -> Color32 {
    match segment {
        Segment::Upstream => Color32::from_rgb(44, 108, 176),
        Segment::Midstream => Color32::from_rgb(46, 125, 70),
        Segment::Downstream => Color32::from_rgb(196, 104, 20),
        Segment::Support => Color32::from_rgb(112, 84, 160),
    }
}

/// Fill colour of a node kind.
pub fn node_fill(kind: NodeKind) -> Color32 {
    match kind {
        NodeKind::Enterprise => Color32::from_rgb(52, 120, 198),
        NodeKind::Cooperative => Color32::from_rgb(62, 150, 84),
        NodeKind::VillageCollective => Color32::from_rgb(120, 150, 40),
        NodeKind::FamilyFarms => Color32::from_rgb(120, 186, 110),
        NodeKind::Institute => Color32::from_rgb(136, 92, 190),
        NodeKind::PublicInstitution => Color32::from_rgb(30, 150, 160),
        NodeKind::Financial => Color32::from_rgb(200, 160, 30),
        NodeKind::ExternalEnterprise => Color32::from_rgb(150, 150, 150),
        NodeKind::Park => Color32::from_rgb(230, 140, 40),
        NodeKind::Region => Color32::from_rgb(200, 70, 70),
    }
}

/// Stroke colour of a link kind.
pub fn link_colour(kind: LinkKind) -> Color32 {
    match kind {
        LinkKind::Supply => Color32::from_rgb(80, 96, 120),
        LinkKind::LocatedIn => Color32::from_rgb(200, 150, 90),
        LinkKind::Trusteeship => Color32::from_rgb(214, 110, 20),
        LinkKind::Integrates => Color32::from_rgb(214, 160, 60),
        LinkKind::Enclave => Color32::from_rgb(200, 60, 60),
        LinkKind::FarmerLinkage => Color32::from_rgb(60, 160, 80),
        LinkKind::Investment => Color32::from_rgb(140, 80, 180),
    }
}

/// Dash pattern of a link kind (dash, gap), or none for a solid line.
pub fn link_dash(kind: LinkKind) -> Option<(f32, f32)> {
    match kind {
        LinkKind::Supply => None,
        LinkKind::LocatedIn => Some((2.0, 4.0)),
        LinkKind::Trusteeship => Some((10.0, 5.0)),
        LinkKind::Integrates => Some((6.0, 4.0)),
        LinkKind::Enclave => Some((12.0, 4.0)),
        LinkKind::FarmerLinkage => Some((3.0, 3.0)),
        LinkKind::Investment => Some((8.0, 3.0)),
    }
}

/// Selection highlight.
pub const SELECTION: Color32 = Color32::from_rgb(255, 170, 0);
/// Text on the canvas.
pub const CANVAS_TEXT: Color32 = Color32::from_rgb(40, 44, 52);
/// Error text.
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
