//! The territory view (县域空间, issue 20): the county's towns with the firms in them, beside
//! the chain view and with the same selection and inspector. With boundaries the towns are
//! drawn from them (`geo`); without, as a schematic of tiles round the county seat
//! (`schematic`). Firms are beads coloured by segment and sized by output, parks frames round
//! their firms, supply between towns arcs as wide as its value, 联农带农 dashed lines to
//! villages.
//!
//! | module      | owns |
//! |-------------|------|
//! | `layout`    | what goes where, in canvas units, from the analysis (once per revision) |
//! | `arcs`      | supply between towns as curves, their ends clear of the towns' names |
//! | `schematic` | towns as tiles, areas in proportion to output |
//! | `treemap`   | the squarified treemap the tiles are laid out by |
//! | `geo`       | towns from their boundaries, projected |
//! | `polygon`   | filling concave outlines with holes, inside tests |
//! | `paint`     | painting a frame from the layout and the camera |
//! | `svg`       | the map as a standalone SVG (and PNG) for File → Export |
//! | `svg_names` | the firms' names on that picture, placed where they fit |
//! | `view`      | the frame: camera, clicks, requests, legend |

mod arcs;
mod geo;
mod layout;
mod paint;
mod polygon;
mod schematic;
pub mod svg;
mod svg_names;
mod treemap;
mod view;

pub use layout::{Bead, TerritoryLayout, TownShape, bead_radius};
pub use paint::thousands as paint_thousands;
pub use view::territory_ui;

use crate::analysis::Analysis;
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{MainFunctionZone, TownClass};
use crate::ui::canvas::legend::LegendStrip;
use crate::ui::state::Camera;
use egui::Color32;
use std::sync::Arc;

/// What the towns are coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TownColouring {
    /// 主体功能区.
    #[default]
    Zone,
    /// 农业大镇、工业重镇、商贸强镇、文旅名镇.
    Class,
}

impl TownColouring {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TownColouring::Zone => lang.pick("主体功能区", "Main functional zone"),
            TownColouring::Class => lang.pick("镇类型", "Town class"),
        }
    }
}

/// The territory view's own camera and colouring (in `UiState`; never saved).
#[derive(Debug, Clone, Default)]
pub struct TerritoryUi {
    pub camera: Camera,
    pub colouring: TownColouring,
    /// The layout and map size the camera was last fitted to.
    fitted: Option<(LayoutKey, egui::Vec2)>,
    /// The user moved the camera: a resize no longer refits.
    touched: bool,
}

impl TerritoryUi {
    /// Zooms about the middle of `rect` (the zoom commands).
    pub fn zoom_at_centre(&mut self, rect: egui::Rect, factor: f32) {
        self.camera.zoom_at(rect.min, rect.center(), factor);
        self.touched = true;
    }
}

/// (document id, revision, analysis address).
type LayoutKey = (u64, u64, usize);

/// The layout's key, the colouring, the width in pixels, the language.
type LegendKey = (LayoutKey, TownColouring, i32, Lang);

/// The layout and legend, each with what it was made for.
#[derive(Debug, Default)]
pub struct TerritoryCache {
    layout: Option<(LayoutKey, Arc<TerritoryLayout>)>,
    legend: Option<(LegendKey, Arc<LegendStrip>)>,
}

/// Size of the font texts are measured at (canvas units at zoom 1).
pub const NAME_SIZE: f32 = 12.0;

impl TerritoryCache {
    fn key(doc: &Document, analysis: &Analysis) -> LayoutKey {
        (
            doc.id(),
            doc.revision(),
            analysis as *const Analysis as usize,
        )
    }

    /// The layout for this document state, laid out again only when it changed.
    fn layout(
        &mut self,
        painter: &egui::Painter,
        doc: &Document,
        analysis: &Analysis,
    ) -> Arc<TerritoryLayout> {
        let key = Self::key(doc, analysis);
        if let Some((k, layout)) = &self.layout
            && *k == key
        {
            return layout.clone();
        }
        let font = egui::FontId::proportional(NAME_SIZE);
        let measure = |s: &str| {
            painter
                .layout_no_wrap(s.to_owned(), font.clone(), Color32::BLACK)
                .size()
                .x
        };
        let layout = Arc::new(TerritoryLayout::build(
            &doc.project,
            &analysis.territory,
            &measure,
        ));
        self.layout = Some((key, layout.clone()));
        layout
    }
}

/// The fill of a town tile under `colouring`.
pub fn town_fill(town: &TownShape, colouring: TownColouring) -> Color32 {
    match colouring {
        TownColouring::Zone => zone_fill(town.zone),
        TownColouring::Class => class_fill(town.class),
    }
}

/// 主体功能区 colours, after the plans' maps: urbanised rose, agricultural wheat, ecological green.
pub fn zone_fill(zone: Option<MainFunctionZone>) -> Color32 {
    match zone {
        Some(MainFunctionZone::Urbanised) => Color32::from_rgb(248, 222, 218),
        Some(MainFunctionZone::Agricultural) => Color32::from_rgb(247, 238, 204),
        Some(MainFunctionZone::Ecological) => Color32::from_rgb(218, 238, 214),
        None => Color32::from_rgb(236, 237, 240),
    }
}

pub fn class_fill(class: Option<TownClass>) -> Color32 {
    match class {
        Some(TownClass::Agricultural) => Color32::from_rgb(230, 240, 208),
        Some(TownClass::Industrial) => Color32::from_rgb(220, 230, 244),
        Some(TownClass::Commercial) => Color32::from_rgb(250, 230, 210),
        Some(TownClass::Tourism) => Color32::from_rgb(236, 226, 246),
        None => Color32::from_rgb(236, 237, 240),
    }
}
