//! The project dialog's rows of issue 16: 本县 (the home county deciding what is local) and the
//! 加工产值比 target.

use super::ProjectDialog;
use crate::analysis::extension::DEFAULT_PROCESSING_TARGET;
use crate::i18n::Lang;
use crate::model::{NodeId, NodeKind, Project, ProjectMeta, RegionLevel};
use rust_decimal::prelude::ToPrimitive;

impl ProjectDialog {
    /// 本县: the region whose places count as local (none: local by kind), and the 加工产值比
    /// target.
    pub(super) fn home_rows(&mut self, ui: &mut egui::Ui, lang: Lang) {
        ui.label(lang.pick("本县", "Home county"));
        let none = lang.pick("未设置(按类型判断本地)", "Not set (local by kind)");
        let shown = self
            .home_region
            .as_ref()
            .map(|id| {
                self.regions
                    .iter()
                    .find(|(r, _)| r == id)
                    .map_or_else(|| id.to_string(), |(_, n)| n.clone())
            })
            .unwrap_or_else(|| none.to_owned());
        let combo = egui::ComboBox::from_id_salt("home-region")
            .selected_text(shown)
            .width(300.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.home_region, None, none);
                for (id, name) in &self.regions {
                    ui.selectable_value(&mut self.home_region, Some(id.clone()), name);
                }
            })
            .response;
        // Named for screen readers (and tests) by its row's label.
        let label = lang.pick("本县", "Home county");
        combo.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
        combo.on_hover_text(lang.pick(
                "所在行政区(或所在园区的行政区)位于本县境内的节点算本地;飞地园区的企业按协议计入",
                "Nodes whose region, or whose park's region, lies within it count as local; firms in its enclave parks count as the agreements say",
            ));
        ui.end_row();
        ui.label(lang.pick("加工产值比目标", "Processing target"));
        ui.horizontal(|ui| {
            ui.add(
                egui::DragValue::new(&mut self.processing_target)
                    .range(0.1..=20.0)
                    .speed(0.05)
                    .fixed_decimals(1),
            );
            ui.weak(lang.pick(
                ": 1(农产品加工业产值 : 农业总产值,默认 2.8)",
                ": 1 (processing : farm output; 2.8 by default)",
            ));
        });
        ui.end_row();
    }

    /// The target as the project keeps it: unset while it is the default.
    pub(super) fn target_decimal(&self, meta: &ProjectMeta) -> Option<rust_decimal::Decimal> {
        let before = meta.processing_target;
        let unchanged = before
            .and_then(|t| t.to_f64())
            .unwrap_or(DEFAULT_PROCESSING_TARGET);
        if (self.processing_target - unchanged).abs() < 1e-9 {
            return before;
        }
        rust_decimal::Decimal::from_f64_retain(self.processing_target)
            .map(|d| d.round_dp(2).normalize())
    }
}

/// The project's regions (id, name shown), counties first, then by name.
pub(super) fn regions(project: &Project) -> Vec<(NodeId, String)> {
    let mut regions: Vec<_> = project
        .nodes
        .values()
        .filter(|n| n.kind == NodeKind::Region)
        .map(|n| {
            let county = n.region_level == Some(RegionLevel::County);
            (!county, n.name.clone(), n.id.clone())
        })
        .collect();
    regions.sort();
    regions
        .into_iter()
        .map(|(_, name, id)| (id, name))
        .collect()
}
