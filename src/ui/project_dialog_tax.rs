//! The project dialog's 税收分享 part (issue 19): whose rules the project's tax sharing is
//! (region, source) and, for VAT, corporate income tax and other taxes, the percentage each
//! tier takes (central, province, city, county), each row summed and shown in the error colour
//! when it is not 100. It goes into the dialog's one OK.

use super::ProjectDialog;
use crate::i18n::Lang;
use crate::model::{TaxSharing, TaxType, Tier};
use crate::ui::theme;
use rust_decimal::Decimal;

/// The tax sharing as typed: region, source and the 3 × 4 percentages as text.
#[derive(Debug, Default)]
pub(super) struct TaxDraft {
    region: String,
    source: String,
    cells: [[String; 4]; 3],
}

impl TaxDraft {
    pub(super) fn of(sharing: &TaxSharing) -> Self {
        let mut cells: [[String; 4]; 3] = Default::default();
        for (r, tax) in TaxType::ALL.iter().enumerate() {
            for (c, tier) in Tier::ALL.iter().enumerate() {
                cells[r][c] = sharing.of(*tax).get(*tier).normalize().to_string();
            }
        }
        Self {
            region: sharing.region.clone(),
            source: sharing.source.clone(),
            cells,
        }
    }

    fn cell(&self, r: usize, c: usize) -> Option<Decimal> {
        let t = self.cells[r][c].trim();
        if t.is_empty() {
            return Some(Decimal::ZERO);
        }
        t.parse::<Decimal>()
            .ok()
            .filter(|v| !v.is_sign_negative() && *v <= Decimal::ONE_HUNDRED)
    }

    fn row_sum(&self, r: usize) -> Option<Decimal> {
        (0..4).map(|c| self.cell(r, c)).sum()
    }

    /// What is wrong with the percentages (zh, en), if anything.
    pub(super) fn problem(&self) -> Option<(&'static str, &'static str)> {
        if (0..3).any(|r| (0..4).any(|c| self.cell(r, c).is_none())) {
            return Some((
                "税收分享比例应为 0 到 100 之间的数字",
                "Tax sharing percentages are numbers from 0 to 100",
            ));
        }
        (0..3)
            .any(|r| self.row_sum(r) != Some(Decimal::ONE_HUNDRED))
            .then_some((
                "税收分享:每种税各级比例合计应为 100%",
                "Tax sharing: each tax's tiers must add up to 100 %",
            ))
    }

    /// The table as the project keeps it (cells that do not parse keep `before`'s value; OK
    /// waits until there are none).
    pub(super) fn sharing(&self, before: &TaxSharing) -> TaxSharing {
        let mut out = before.clone();
        out.region = self.region.trim().to_owned();
        out.source = self.source.trim().to_owned();
        for (r, tax) in TaxType::ALL.iter().enumerate() {
            for (c, tier) in Tier::ALL.iter().enumerate() {
                if let Some(v) = self.cell(r, c) {
                    out.of_mut(*tax).set(*tier, v.normalize());
                }
            }
        }
        out
    }
}

impl ProjectDialog {
    /// The 税收分享 part: region and source, then the grid of percentages with row sums.
    pub(super) fn tax_ui(&mut self, ui: &mut egui::Ui, lang: Lang, show_problem: bool) {
        egui::CollapsingHeader::new(lang.pick("税收分享(各级财政比例)", "Tax sharing (tiers' shares)"))
            .id_salt("tax-sharing")
            .default_open(true)
            // OK said there is a problem here: show it.
            .open((show_problem && self.tax.problem().is_some()).then_some(true))
            .show(ui, |ui| {
                egui::Grid::new("tax-sharing-meta")
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .min_col_width(90.0)
                    .show(ui, |ui| {
                        for (label, hint, source) in [
                            (lang.pick("地区", "Region"), lang.pick("如 陕西省(示意)", "e.g. Shaanxi (illustrative)"), false),
                            (lang.pick("依据", "Source"), lang.pick("文件名称,或注明为示意", "the rule's document, or say it is illustrative"), true),
                        ] {
                            let l = ui.label(label);
                            let text = if source { &mut self.tax.source } else { &mut self.tax.region };
                            ui.add(egui::TextEdit::singleline(text).hint_text(hint).desired_width(f32::INFINITY))
                                .labelled_by(l.id);
                            ui.end_row();
                        }
                    });
                self.tax_grid_ui(ui, lang);
                ui.weak(lang.pick(
                    "中央分享比例为全国统一规定(增值税 50%、企业所得税 60%);省以下的划分各省不同,请按本省文件填写。",
                    "The central shares are national (VAT 50 %, corporate income tax 60 %); the split below varies by province: enter your province's.",
                ));
                if let Some((zh, en)) = self.tax.problem().filter(|_| show_problem) {
                    ui.colored_label(theme::ERROR, lang.pick(zh, en));
                }
            });
    }

    fn tax_grid_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        egui::Grid::new("tax-sharing-grid")
            .num_columns(6)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                for tier in Tier::ALL {
                    ui.strong(format!("{} %", tier.label(lang)));
                }
                ui.strong(lang.pick("合计", "Sum"));
                ui.end_row();
                for (r, tax) in TaxType::ALL.iter().enumerate() {
                    ui.label(tax.label(lang));
                    for (c, tier) in Tier::ALL.iter().enumerate() {
                        let bad = self.tax.cell(r, c).is_none();
                        let name = format!("{} · {}", tax.label(lang), tier.label(lang));
                        ui.add(
                            egui::TextEdit::singleline(&mut self.tax.cells[r][c])
                                .desired_width(48.0)
                                .text_color_opt(bad.then_some(theme::ERROR)),
                        )
                        .accessible_name(name);
                    }
                    match self.tax.row_sum(r) {
                        Some(sum) if sum == Decimal::ONE_HUNDRED => {
                            ui.label(format!("{}%", sum.normalize()));
                        }
                        Some(sum) => {
                            ui.colored_label(theme::ERROR, format!("{}%", sum.normalize()))
                                .on_hover_text(lang.pick("合计应为 100%", "Must add up to 100 %"));
                        }
                        None => {
                            ui.colored_label(theme::ERROR, "?");
                        }
                    }
                    ui.end_row();
                }
            });
    }
}
