//! The 招商 tab of the analysis panel (issue 18): the project's candidate firms ranked by the
//! gaps they fill, a filter by gap, and for each candidate where the county stands with it
//! (a status combo on its row) and a note (in the pane beside the list, with the reason).
//!
//! The list is ranked once per revision (`Derived::targets`); this only draws it. Each change
//! a user commits — a status chosen, a note left with Enter or by leaving the field — is one
//! `Edit::SetCandidates`, one undo step. File → Import Candidates… (`import`) reads a list.

mod detail;
mod import;
mod list;

pub use import::import_candidates;

use crate::analysis::GapClass;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Candidate, Project, StageId};
use crate::targets::{GapTarget, TargetList};
use crate::ui::command::AppCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::Queue;
use crate::ui::widgets::draft::Drafts;
use egui::{Color32, RichText};

/// A gap as the filter remembers it: what it is about, not its place in a list that is ranked
/// again every revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapKey {
    class: GapClass,
    stage: Option<StageId>,
    product: Option<String>,
}

impl GapKey {
    fn of(g: &GapTarget) -> Self {
        Self {
            class: g.class,
            stage: g.stage.clone(),
            product: g.product.clone(),
        }
    }

    fn find(&self, list: &TargetList) -> Option<usize> {
        list.gaps.iter().position(|g| GapKey::of(g) == *self)
    }
}

/// Which candidates the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum GapFilter {
    #[default]
    All,
    /// Those matching this gap (as their target or another).
    Gap(GapKey),
    /// Those filling no gap.
    NoGap,
}

/// The tab's own state.
#[derive(Debug, Default)]
pub struct TargetsPanel {
    pub filter: GapFilter,
    /// The candidate whose reason and note are on show (the first shown when none).
    pub selected: Option<String>,
    /// The note being typed.
    drafts: Drafts,
}

impl TargetsPanel {
    /// Draws the tab.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, queue: &mut Queue) {
        let lang = cx.lang;
        let project = cx.project();
        if project.candidates.is_empty() {
            return empty_ui(ui, lang, queue);
        }
        let Some(list) = cx.derived.targets() else {
            ui.weak(lang.pick("正在计算…", "computing…"));
            return;
        };
        self.head_ui(ui, project, list, lang, queue);
        let shown: Vec<usize> = (0..list.targets.len())
            .filter(|i| self.admits(list, *i))
            .collect();
        if !self
            .selected
            .as_ref()
            .is_some_and(|id| shown.iter().any(|i| &list.targets[*i].candidate == id))
        {
            self.selected = shown.first().map(|i| list.targets[*i].candidate.clone());
        }
        ui.add_space(2.0);
        let detail_width = (ui.available_width() * 0.36).clamp(300.0, 460.0);
        let list_width = ui.available_width() - detail_width - 12.0;
        ui.horizontal_top(|ui| {
            let size = egui::vec2(list_width, ui.available_height());
            ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.set_min_width(list_width);
                list::list_ui(ui, cx, list, &shown, &mut self.selected, queue);
            });
            ui.separator();
            ui.vertical(|ui| {
                let selected = self.selected.as_ref().and_then(|id| {
                    list.targets
                        .iter()
                        .find(|t| &t.candidate == id)
                        .zip(project.candidates.get(id))
                });
                match selected {
                    Some((t, c)) => detail::detail_ui(ui, cx, list, t, c, &mut self.drafts, queue),
                    None => {
                        ui.weak(lang.pick("没有符合筛选的候选", "No candidate fits the filter"));
                    }
                }
            });
        });
    }

    fn admits(&self, list: &TargetList, i: usize) -> bool {
        let t = &list.targets[i];
        match &self.filter {
            GapFilter::All => true,
            GapFilter::NoGap => t.best.is_none(),
            GapFilter::Gap(key) => key.find(list).is_some_and(|g| list.matches(t, g)),
        }
    }

    /// The count, the gap filter, the import button and the formula.
    fn head_ui(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        list: &TargetList,
        lang: Lang,
        queue: &mut Queue,
    ) {
        let fillers = list.targets.iter().filter(|t| t.best.is_some()).count();
        // A gap that is gone (fixed, or the list changed) leaves the filter.
        if let GapFilter::Gap(key) = &self.filter
            && key.find(list).is_none()
        {
            self.filter = GapFilter::All;
        }
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(match lang {
                    Lang::Zh => format!(
                        "招商清单 {} 家 · 可补缺口 {fillers} 家",
                        project.candidates.len()
                    ),
                    Lang::En => format!(
                        "{} candidates · {fillers} fill a gap",
                        project.candidates.len()
                    ),
                })
                .strong(),
            );
            ui.separator();
            ui.label(lang.pick("按缺口筛选", "Filter by gap"));
            self.filter_combo(ui, list, lang);
            ui.separator();
            if ui
                .button(AppCommand::ImportCandidates.label(lang))
                .on_hover_text(AppCommand::ImportCandidates.tooltip(lang))
                .clicked()
            {
                queue.commands.push(AppCommand::ImportCandidates);
            }
            ui.weak(lang.pick(
                "得分 = 缺口优先级 × 匹配度",
                "score = gap priority × fit",
            ))
            .on_hover_text(lang.pick(
                "匹配度 = 产品匹配(同名 1、模板同义 0.9、名称相近 0.6)× (0.6 + 0.25 × 规模 + 0.15 × 资质);规模 = lg(营收万元)÷5,限 0.2–1,未知 0.4;资质取最强标签(上市、500强 1,龙头、小巨人 0.8,专精特新 0.6,高新 0.5,规上 0.3)。无缺口的企业排在所有补缺企业之后。",
                "fit = product match (same name 1, template synonym 0.9, close name 0.6) × (0.6 + 0.25 × size + 0.15 × tags); size = log10(revenue in 万元) ÷ 5 within 0.2–1, 0.4 unknown; tags: the strongest (listed, top-500 1; leading, little giant 0.8; SRDI 0.6; high-tech 0.5; above scale 0.3). Firms with no gap come after every gap filler.",
            ));
        });
    }

    fn filter_combo(&mut self, ui: &mut egui::Ui, list: &TargetList, lang: Lang) {
        let count = |gap: usize| list.targets.iter().filter(|t| list.matches(t, gap)).count();
        let no_gap = list.targets.iter().filter(|t| t.best.is_none()).count();
        let label = |filter: &GapFilter| match filter {
            GapFilter::All => lang.pick("全部候选", "All candidates").to_owned(),
            GapFilter::NoGap => format!("{} ({no_gap})", lang.pick("无缺口", "No gap")),
            GapFilter::Gap(key) => key
                .find(list)
                .map(|g| format!("{} ({})", list.gaps[g].label(lang), count(g)))
                .unwrap_or_default(),
        };
        let mut chosen = self.filter.clone();
        let combo = egui::ComboBox::from_id_salt("targets-gap-filter")
            .width(220.0)
            .selected_text(label(&self.filter))
            .show_ui(ui, |ui| {
                let mut options = vec![GapFilter::All];
                options.extend(
                    list.matched_gaps()
                        .into_iter()
                        .map(|g| GapFilter::Gap(GapKey::of(&list.gaps[g]))),
                );
                if no_gap > 0 {
                    options.push(GapFilter::NoGap);
                }
                for option in options {
                    let text = label(&option);
                    ui.selectable_value(&mut chosen, option, text);
                }
            })
            .response;
        let name = lang.pick("按缺口筛选", "Filter by gap");
        combo.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
        if chosen != self.filter {
            self.filter = chosen;
            self.selected = None;
        }
    }
}

/// No candidates yet: what the tab is for and how to start.
fn empty_ui(ui: &mut egui::Ui, lang: Lang, queue: &mut Queue) {
    ui.add_space(8.0);
    ui.label(RichText::new(lang.pick("还没有招商候选", "No candidate firms yet")).strong());
    ui.label(lang.pick(
        "导入一份企业名单(CSV 或 Excel,列:企业名称、所在地、主营产品、营业收入、标签),串珠按产品把企业与缺口对应,按“缺口优先级 × 匹配度”排序,并写明理由。",
        "Import a list of firms (CSV or Excel with name, location, main products, revenue and tags): chainmap matches each to the gaps by product, ranks them by gap priority × fit and says why.",
    ));
    ui.weak(lang.pick(
        "示例名单:sample_projects/zhashui-candidates.csv(柞水木耳,企业均为虚构)",
        "Sample list: sample_projects/zhashui-candidates.csv (柞水 black fungus; the firms are fictional)",
    ));
    ui.add_space(4.0);
    if ui
        .button(AppCommand::ImportCandidates.label(lang))
        .on_hover_text(AppCommand::ImportCandidates.tooltip(lang))
        .clicked()
    {
        queue.commands.push(AppCommand::ImportCandidates);
    }
}

/// The edit that sets one candidate's field: the whole list with it changed (one undo step);
/// none when the candidate is gone or nothing changes.
fn edit_candidate(
    project: &Project,
    id: &str,
    change: impl FnOnce(&mut Candidate),
) -> Option<Edit> {
    let mut candidates = project.candidates.clone();
    let c = candidates.get_mut(id)?;
    let before = c.clone();
    change(c);
    (*c != before).then_some(Edit::SetCandidates(candidates))
}

/// Colour of a gap class (as the gaps tab shows it).
fn gap_colour(class: GapClass) -> Color32 {
    match class {
        GapClass::Missing => Color32::from_rgb(204, 51, 51),
        GapClass::Weak => Color32::from_rgb(222, 140, 20),
        GapClass::Extend => Color32::from_rgb(52, 120, 198),
        GapClass::AtRisk => Color32::from_rgb(140, 80, 180),
    }
}

/// A small coloured tag with text.
fn chip(ui: &mut egui::Ui, colour: Color32, text: &str) {
    egui::Frame::new()
        .fill(colour)
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(Color32::WHITE).small());
        });
}
