//! The merge window: one row per conflict (where, which field, our value, their value, each cut
//! to fit with the whole text on hover) with a choice of side, "all ours" / "all theirs", and
//! Merge / Cancel; below, the problems of a result that failed the checks.

use super::{MergeDialog, Pending, finish};
use crate::i18n::Lang;
use crate::merge::{Conflict, ConflictKind, Side};
use crate::ui::app::ChainmapApp;
use egui::{Align2, RichText, Vec2};
use serde_json::Value;

/// What the user did in the window this frame.
enum Action {
    Merge,
    Cancel,
}

/// Draws the merge window, if open, and carries out Merge or Cancel.
pub fn window(app: &mut ChainmapApp, ctx: &egui::Context) {
    let lang = app.ui.lang();
    let doc = (app.doc.id(), app.doc.revision());
    let MergeDialog { shown, .. } = &mut app.merge;
    if shown.as_ref().is_some_and(|p| p.doc.0 != doc.0) {
        // Another document was opened: the merge was about the old one.
        *shown = None;
    }
    let Some(pending) = shown.as_mut() else {
        return;
    };
    let mut open = true;
    let mut action = None;
    let title = if pending.conflicts.is_empty() {
        lang.pick("合并的结果有问题", "Problems in the merge")
    } else {
        lang.pick("合并冲突", "Merge conflicts")
    };
    egui::Window::new(title)
        .id(egui::Id::unique("merge-conflicts"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_width(WIDTH);
            action = body(ui, pending, lang);
        });
    if !open {
        action = Some(Action::Cancel);
    }
    match action {
        Some(Action::Cancel) => {
            app.merge.shown = None;
            app.ui.info(lang.pick(
                "已取消合并,项目没有改动",
                "Merge cancelled, nothing changed",
            ));
        }
        Some(Action::Merge) => merge(app, doc.1, lang),
        None => {}
    }
}

/// Merges again with the chosen sides; applied as one undo step, or the problems shown.
fn merge(app: &mut ChainmapApp, revision: u64, lang: Lang) {
    let Some(mut pending) = app.merge.shown.take() else {
        return;
    };
    if pending.doc.1 != revision {
        app.ui.error(lang.pick(
            "项目在此期间有改动,请重新合并(未作修改)",
            "The project changed meanwhile: merge again (nothing changed)",
        ));
        return;
    }
    let choose = |c: &Conflict| {
        pending
            .conflicts
            .iter()
            .position(|x| x == c)
            .and_then(|i| pending.choices.get(i).copied())
    };
    match crate::merge::merge_with(&pending.base, &pending.ours, &pending.theirs, &choose) {
        Ok(merged) => {
            let ours = pending.ours.clone();
            let problems = finish(app, &ours, merged, &pending.from);
            if !problems.is_empty() {
                pending.problems = problems;
                app.merge.shown = Some(pending);
            }
        }
        Err(e) => app.ui.error(format!(
            "{}{e}{}",
            lang.pick("无法合并:", "Cannot merge: "),
            super::nothing_changed(lang)
        )),
    }
}

/// The window's width: the widest that sits comfortably on a 1366-pixel screen.
const WIDTH: f32 = 860.0;
/// How many columns (a CJK character counts two) a value or a place may take before it is cut.
const VALUE_COLUMNS: usize = 34;
const PLACE_COLUMNS: usize = 30;

fn body(ui: &mut egui::Ui, p: &mut Pending, lang: Lang) -> Option<Action> {
    let mut action = None;
    if !p.conflicts.is_empty() {
        let intro = match lang {
            Lang::Zh => format!(
                "当前项目(我方)与“{}”(对方)有 {} 处冲突。请为每一处选择保留哪一方:",
                p.from,
                p.conflicts.len()
            ),
            Lang::En => format!(
                "The open project (ours) and \"{}\" (theirs) disagree in {}. Choose a side for each:",
                p.from,
                crate::i18n::count_en(p.conflicts.len(), "place", "places")
            ),
        };
        ui.add(egui::Label::new(intro).wrap());
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(330.0)
            .auto_shrink([false, true])
            .show(ui, |ui| rows(ui, p, lang));
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if ui.button(lang.pick("全部我方", "All ours")).clicked() {
                p.choices.fill(Side::Ours);
            }
            if ui.button(lang.pick("全部对方", "All theirs")).clicked() {
                p.choices.fill(Side::Theirs);
            }
        });
    }
    if !p.problems.is_empty() {
        if !p.conflicts.is_empty() {
            ui.separator();
        }
        let head = match lang {
            Lang::Zh => format!("合并后的项目有 {} 个问题,未作修改:", p.problems.len()),
            Lang::En => format!(
                "The merged project would have {}; nothing was changed:",
                crate::i18n::count_en(p.problems.len(), "problem", "problems")
            ),
        };
        ui.label(
            RichText::new(head)
                .strong()
                .color(ui.visuals().error_fg_color),
        );
        egui::ScrollArea::vertical()
            .id_salt("merge-problems")
            .max_height(140.0)
            .show(ui, |ui| {
                for problem in &p.problems {
                    ui.add(egui::Label::new(problem.text(lang)).wrap());
                }
            });
    }
    ui.separator();
    ui.horizontal(|ui| {
        if !p.conflicts.is_empty() && ui.button(lang.pick("合并", "Merge")).clicked() {
            action = Some(Action::Merge);
        }
        let cancel = if p.conflicts.is_empty() {
            lang.pick("关闭", "Close")
        } else {
            lang.pick("取消", "Cancel")
        };
        if ui.button(cancel).clicked() {
            action = Some(Action::Cancel);
        }
    });
    action
}

/// The table of conflicts.
fn rows(ui: &mut egui::Ui, p: &mut Pending, lang: Lang) {
    egui::Grid::new("merge-conflict-rows")
        .num_columns(5)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for head in [
                lang.pick("位置", "Where"),
                lang.pick("字段", "Field"),
                lang.pick("我方的值", "Our value"),
                lang.pick("对方的值", "Their value"),
                lang.pick("保留", "Keep"),
            ] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for (i, c) in p.conflicts.iter().enumerate() {
                let name = crate::merge::item_name(&p.ours, c.section, &c.id)
                    .or_else(|| crate::merge::item_name(&p.theirs, c.section, &c.id));
                let section = crate::merge::section_label(c.section, lang);
                let place = match (c.id.is_empty(), name) {
                    (true, _) => section.to_owned(),
                    (false, Some(name)) => format!("{section} · {} “{name}”", c.id),
                    (false, None) => format!("{section} · {}", c.id),
                };
                cut_label(ui, &place, PLACE_COLUMNS, Some(c.kind.label(lang)));
                let field = c
                    .field
                    .clone()
                    .unwrap_or_else(|| lang.pick("(整项)", "(whole item)").to_owned());
                cut_label(ui, &field, 18, None);
                let removed = c.kind == ConflictKind::RemovedChanged;
                cut_label(
                    ui,
                    &shown(c.ours.as_ref(), removed, lang),
                    VALUE_COLUMNS,
                    None,
                );
                cut_label(
                    ui,
                    &shown(c.theirs.as_ref(), removed, lang),
                    VALUE_COLUMNS,
                    None,
                );
                ui.horizontal(|ui| {
                    if let Some(choice) = p.choices.get_mut(i) {
                        ui.radio_value(choice, Side::Ours, lang.pick("我方", "Ours"));
                        ui.radio_value(choice, Side::Theirs, lang.pick("对方", "Theirs"));
                    }
                });
                ui.end_row();
            }
        });
}

/// A value in words: text as it is, anything else as compact JSON (a whole item after its name); absent as "(none)", or
/// "(removed)" for the removed side of a removed-and-changed conflict.
fn shown(value: Option<&Value>, removed: bool, lang: Lang) -> String {
    match value {
        None if removed => lang.pick("(已删除)", "(removed)").to_owned(),
        None => lang.pick("(无)", "(none)").to_owned(),
        Some(Value::String(s)) => s.clone(),
        // A whole item: its name first, so the cut-short cell still says which one it is.
        Some(v @ Value::Object(m)) => match m.get("name").and_then(Value::as_str) {
            Some(name) => format!("“{name}” {v}"),
            None => v.to_string(),
        },
        Some(v) => v.to_string(),
    }
}

/// A label cut to `columns` (a wide character counts two) with … , the whole text (and `why`)
/// on hover. Newlines become spaces so a row stays one line.
fn cut_label(ui: &mut egui::Ui, text: &str, columns: usize, why: Option<&str>) {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cut = cut(&flat, columns);
    let hover = match why {
        Some(why) => format!("{text}\n({why})"),
        None => text.to_owned(),
    };
    if cut.len() < flat.len() || why.is_some() {
        ui.label(cut).on_hover_text(hover);
    } else {
        ui.label(cut);
    }
}

/// `text` cut to `columns` display columns, with … when cut.
pub(super) fn cut(text: &str, columns: usize) -> String {
    let width = |c: char| if (c as u32) >= 0x1100 { 2 } else { 1 };
    let total: usize = text.chars().map(width).sum();
    if total <= columns {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + width(c) > columns.saturating_sub(1) {
            break;
        }
        used += width(c);
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn cut_counts_wide_characters_twice_and_ends_with_an_ellipsis() {
        assert_eq!(cut("name", 4), "name");
        assert_eq!(cut("description", 6), "descr…");
        // 菌种公司A is 9 columns: cut to 6, five columns of text and the ellipsis.
        assert_eq!(cut("菌种公司A", 9), "菌种公司A");
        assert_eq!(cut("菌种公司A", 6), "菌种…");
        assert_eq!(cut("<script>alert(1)</script>", 9), "<script>…");
    }
}
