//! The candidate on show beside the list: its facts, the gap it would fill with the parts of its
//! score, the reason in words, and the county's note on it (committed with Enter or by leaving
//! the field: one undo step, not one per keystroke).

use super::{chip, edit_candidate, gap_colour};
use crate::i18n::Lang;
use crate::model::Candidate;
use crate::model::meta::MoneyUnit;
use crate::targets::tags::tag_label;
use crate::targets::{Target, TargetList, revenue_text};
use crate::ui::context::ViewCtx;
use crate::ui::state::Queue;
use crate::ui::widgets::draft::{DraftKey, Drafts};
use egui::RichText;
use rust_decimal::prelude::ToPrimitive;

/// The key of a candidate's note field: its drafts and its widget id.
pub fn note_key(candidate: &str) -> DraftKey {
    DraftKey::new(format!("candidate:{candidate}"), "note")
}

pub(super) fn detail_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    list: &TargetList,
    t: &Target,
    c: &Candidate,
    drafts: &mut Drafts,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    egui::ScrollArea::vertical()
        .id_salt("targets-detail")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&c.name).strong());
                if !c.location.is_empty() {
                    ui.weak(&c.location);
                }
            });
            ui.add(egui::Label::new(facts_line(cx, c)).wrap());
            gap_line(ui, list, t, lang);
            ui.add(egui::Label::new(RichText::new(t.reason(lang)).weak()).wrap());
            ui.add_space(2.0);
            note_ui(ui, cx, c, drafts, queue);
        });
}

/// Products, revenue and tags on one line: "灭菌设备、装袋机 · 4.2 亿元 · 上市、高新".
fn facts_line(cx: &ViewCtx<'_>, c: &Candidate) -> String {
    let lang = cx.lang;
    let sep = lang.pick("、", ", ");
    let mut parts = vec![if c.products.is_empty() {
        lang.pick("主营产品未列", "no products listed").to_owned()
    } else {
        format!("{}{}", lang.pick("主营:", "Makes: "), c.products.join(sep))
    }];
    let unit = MoneyUnit::parse(&cx.project().meta.unit).unwrap_or(MoneyUnit::Wan);
    if let Some(wan) = c
        .revenue
        .and_then(|r| (r * unit.factor_to(MoneyUnit::Wan)).to_f64())
    {
        parts.push(format!(
            "{}{}",
            lang.pick("营收 ", "revenue "),
            revenue_text(wan, lang)
        ));
    }
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| tag_label(t, lang)).collect();
        parts.push(tags.join(sep));
    }
    parts.join(" · ")
}

/// The gap it would fill with the parts of its score: "补链 灭菌设备 优先级 80 × 匹配度 0.98(同名)".
fn gap_line(ui: &mut egui::Ui, list: &TargetList, t: &Target, lang: Lang) {
    ui.horizontal_wrapped(|ui| match t.best.as_ref() {
        Some(m) => {
            let g = &list.gaps[m.gap];
            chip(ui, gap_colour(g.class), g.class.action(lang));
            ui.label(g.subject(lang));
            ui.weak(match lang {
                Lang::Zh => format!(
                    "优先级 {:.0} × 匹配度 {:.2}({})= {:.1}",
                    g.priority,
                    m.fit.value,
                    m.fit.kind.label(lang),
                    m.score
                ),
                Lang::En => format!(
                    "priority {:.0} × fit {:.2} ({}) = {:.1}",
                    g.priority,
                    m.fit.value,
                    m.fit.kind.label(lang),
                    m.score
                ),
            });
        }
        None => {
            ui.weak(lang.pick("不补任何缺口", "fills no gap"));
        }
    });
}

/// The note: typed into a draft, committed once (Enter, or leaving the field).
fn note_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    c: &Candidate,
    drafts: &mut Drafts,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let key = note_key(&c.id);
    let hint = lang.pick(
        "接洽情况、对方诉求…(回车保存)",
        "Who met them, what they asked for… (Enter saves)",
    );
    let committed = ui
        .horizontal(|ui| {
            let label = ui.label(lang.pick("备注", "Note"));
            let field = drafts.field(ui, cx.doc, &key, &c.note, |edit, _| {
                edit.desired_width(f32::INFINITY).hint_text(hint)
            });
            field.response.labelled_by(label.id);
            field.committed
        })
        .inner;
    if let Some(note) = committed
        && let Some(edit) = edit_candidate(cx.project(), &c.id, |c| c.note = note.trim().to_owned())
    {
        queue.edits.push(edit);
    }
}
