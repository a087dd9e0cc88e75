//! The fields of a region node (issue 20, DOMAIN.md "Territory"): its level (county, town or
//! street, village …), town class, 主体功能区 type, 禁止开发 flag, and whether it has a boundary
//! (imported from GeoJSON with File → Import Boundaries…). Each change goes into the node's
//! pending copy, so it is one edit with whatever else changed in the frame.

use super::Choice;
use crate::file::boundaries::polygons_text;
use crate::i18n::Lang;
use crate::model::{MainFunctionZone, Node, Project, RegionLevel, TownClass};

/// How far up the region tree a type is looked for (a village's town's county is two up).
const MAX_PARENTS: usize = 8;

/// The region rows of the inspector's grid.
pub(super) fn region_rows(
    ui: &mut egui::Ui,
    project: &Project,
    node: &Node,
    pending: &mut Node,
    lang: Lang,
) {
    let choice = Choice::new(
        "region-level",
        lang.pick("行政级别", "Region level"),
        node.region_level,
        &RegionLevel::ALL,
    );
    if let Some(level) = choice.or_none("—").show(ui, |l| l.label(lang).to_owned()) {
        pending.region_level = level;
    }
    let choice = Choice::new(
        "town-class",
        lang.pick("镇类别", "Town class"),
        node.town_class,
        &TownClass::ALL,
    );
    if let Some(class) = choice.or_none("—").show(ui, |c| c.label(lang).to_owned()) {
        pending.town_class = class;
    }
    zone_row(ui, project, node, pending, lang);
    ui.label(lang.pick("禁止开发", "No development"));
    ui.checkbox(
        &mut pending.no_development,
        lang.pick("自然保护区等", "protected area"),
    )
    .on_hover_text(lang.pick(
        "自然保护区、风景名胜区等:这里不应布局工业环节,空间分析会给出警告",
        "A nature reserve, scenic area or the like: industrial stages placed here are warned of",
    ));
    ui.end_row();
    ui.label(lang.pick("边界", "Boundary"));
    ui.label(polygons_text(node.boundary.as_ref(), lang))
        .on_hover_text(lang.pick(
            "用“文件 → 导入行政区边界…”从 GeoJSON 导入",
            "Imported from a GeoJSON with File → Import Boundaries…",
        ));
    ui.end_row();
}

/// The 主体功能区 type; when none is set, a line under it says which one it takes from a
/// region above it (the combo box is too narrow to say both).
fn zone_row(ui: &mut egui::Ui, project: &Project, node: &Node, pending: &mut Node, lang: Lang) {
    let choice = Choice::new(
        "region-zone",
        lang.pick("主体功能区", "Functional zone"),
        node.zone,
        &MainFunctionZone::ALL,
    )
    .or_none("—");
    if let Some(zone) = choice.show(ui, |z| z.label(lang).to_owned()) {
        pending.zone = zone;
    }
    if node.zone.is_none()
        && let Some((zone, from)) = inherited_zone(project, node)
    {
        let text = match lang {
            Lang::Zh => format!("随{from}:\n{}", zone.label(lang)),
            Lang::En => format!("from {from}:\n{}", zone.label(lang)),
        };
        ui.label("");
        // A grid cell does not bound a label's width: wrap at the panel's visible edge.
        let width = (ui.clip_rect().right() - ui.cursor().left() - 4.0).max(80.0);
        ui.scope(|ui| {
            ui.set_max_width(width);
            ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
        });
        ui.end_row();
    }
}

/// The type of the nearest region above `node` that has one, with that region's name.
fn inherited_zone<'p>(project: &'p Project, node: &Node) -> Option<(MainFunctionZone, &'p str)> {
    let mut parent = node.region.as_ref();
    for _ in 0..MAX_PARENTS {
        let region = project.nodes.get(parent?)?;
        if let Some(zone) = region.zone {
            return Some((zone, &region.name));
        }
        parent = region.region.as_ref();
    }
    None
}
