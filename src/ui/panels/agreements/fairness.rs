//! The Fair split tab: for the agreement on show, the Shapley value, the nucleolus and the
//! contract's own split side by side, with a core check of each and a chart; or, when the
//! coalition values do not make a game, what is wrong with them instead of numbers.

use super::current;
use super::form::combo;
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Agreement, AgreementId, Ledger, Project};
use crate::sharing::benchmark::{FairSplit, GameProblem};
use crate::sharing::fair::{self, Q};
use crate::ui::context::ViewCtx;
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;
use crate::ui::widgets::split_chart::party_colour;
use egui::{Color32, RichText};
use rust_decimal::prelude::ToPrimitive;

/// Shapley value, nucleolus and the contract side by side, computed once per revision (on a
/// worker for many parties); values that do not make a game are shown as problems, not
/// computed around.
pub(super) fn fairness_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let (lang, project) = (cx.lang, cx.project());
    let Some(a) = current(project, state) else {
        ui.weak(lang.pick("还没有协议。", "No agreement yet."));
        return;
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(&a.name).strong());
        let ids: Vec<AgreementId> = project.agreements.keys().cloned().collect();
        if ids.len() > 1
            && let Some(id) = combo(
                ui,
                "fair-agreement",
                &a.id,
                &ids,
                |id| {
                    project
                        .agreements
                        .get(id)
                        .map(|x| x.name.clone())
                        .unwrap_or_default()
                },
                200.0,
                lang.pick("协议", "Agreement"),
            )
        {
            state.agreement = Some(id);
        }
        if cx.derived.fair_busy() {
            ui.spinner();
            ui.weak(lang.pick("正在计算…", "computing…"));
        }
    });
    fair_ledgers_ui(ui, a, queue, lang);
    let judged = judged_on(a, lang);
    match cx.derived.fair(&a.id) {
        None => {
            ui.spinner();
        }
        Some(Err(problems)) => game_problems_ui(ui, project, problems, lang),
        Some(Ok(split)) => fair_split_ui(ui, split, &judged, lang),
    }
}

/// The money ledgers the contract is judged on, as they are stored: empty means all three.
fn chosen_ledgers(a: &Agreement) -> Vec<Ledger> {
    if a.fair_ledgers.is_empty() {
        Ledger::MONEY.to_vec()
    } else {
        Ledger::MONEY
            .into_iter()
            .filter(|l| a.fair_ledgers.contains(l))
            .collect()
    }
}

/// A money ledger's name here: quota settlements are the money side of quota transfers.
fn ledger_label(l: Ledger, lang: Lang) -> &'static str {
    match l {
        Ledger::Quota => lang.pick("指标交易结算", "Quota settlements"),
        other => other.label(lang),
    }
}

/// "财税分成 + 企业收益", the ledgers the contract column adds up.
fn judged_on(a: &Agreement, lang: Lang) -> String {
    let labels: Vec<&str> = chosen_ledgers(a)
        .into_iter()
        .map(|l| ledger_label(l, lang))
        .collect();
    labels.join(" + ")
}

/// A checkbox a money ledger (one undo step a click); the last one ticked cannot be cleared,
/// and all three ticked are stored as none (the default).
fn fair_ledgers_ui(ui: &mut egui::Ui, a: &Agreement, queue: &mut Queue, lang: Lang) {
    let chosen = chosen_ledgers(a);
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.pick("按以下账目评判合同:", "Judge the contract on:"));
        for l in Ledger::MONEY {
            let mut on = chosen.contains(&l);
            let last = on && chosen.len() == 1;
            let name = format!(
                "{} · {}",
                lang.pick("评判账目", "Judged on"),
                ledger_label(l, lang)
            );
            let r = ui
                .add_enabled(!last, egui::Checkbox::new(&mut on, ledger_label(l, lang)))
                .on_disabled_hover_text(lang.pick("至少选一个账目", "Choose at least one ledger"))
                .accessible_name(name);
            if r.changed() {
                let mut list: Vec<Ledger> = Ledger::MONEY
                    .into_iter()
                    .filter(|x| if *x == l { on } else { chosen.contains(x) })
                    .collect();
                if list.len() == Ledger::MONEY.len() {
                    list.clear();
                }
                let mut edited = a.clone();
                edited.fair_ledgers = list;
                queue.edits.push(Edit::SetAgreement(edited));
            }
        }
    });
    ui.weak(lang.pick(
        "合同一栏为各方在整个期限内从所选账目累计得到的金额;联盟价值 v(S) 应按同一口径填写。",
        "The contract column is what each party receives over the whole term across the chosen ledgers; enter the coalition values v(S) on the same basis.",
    ));
}

/// Why no fair split is shown, and what to do.
fn game_problems_ui(ui: &mut egui::Ui, project: &Project, problems: &[GameProblem], lang: Lang) {
    let only_empty = problems.iter().all(|p| *p == GameProblem::NoValues);
    if !only_empty {
        ui.colored_label(
            theme::WARNING,
            lang.pick(
                "联盟价值不完整或有误,无法计算公平分成:",
                "The coalition values are incomplete or wrong; no fair split is computed:",
            ),
        );
    }
    for p in problems {
        ui.label(format!("• {}", p.message(project, lang)));
    }
    ui.weak(lang.pick(
        "在“协议分成”页为每个联盟填写价值 v(S)。",
        "Enter a value v(S) for every coalition on the Sharing tab.",
    ));
}

fn fair_split_ui(ui: &mut egui::Ui, split: &FairSplit, judged: &str, lang: Lang) {
    let names = &split.names;
    let columns: [(String, Option<&Vec<Q>>); 3] = [
        (
            // Short, so Shapley and the nucleolus stay in view; the ledgers are ticked above.
            lang.pick("合同(累计)", "Contract (cumulative)").to_owned(),
            split.contract.as_ref(),
        ),
        ("Shapley".to_owned(), Some(&split.shapley)),
        (
            lang.pick("核仁", "Nucleolus").to_owned(),
            split.nucleolus.as_ref().ok(),
        ),
    ];
    // Table beside the chart, each in the panel's height: many parties scroll the table
    // rather than grow the panel over the map.
    let (width, height) = (ui.available_width(), ui.available_height().max(160.0));
    ui.horizontal_top(|ui| {
        ui.allocate_ui(egui::vec2(width * 0.58, height), |ui| {
            egui::ScrollArea::both()
                .id_salt("fairness-table")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.vertical(|ui| fair_table_ui(ui, split, &columns, judged, lang))
                });
        });
        ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
            fair_chart_ui(ui, names, &columns);
        });
    });
}

/// Each party's share by the contract, Shapley and the nucleolus, and whether each split is in
/// the core.
fn fair_table_ui(
    ui: &mut egui::Ui,
    split: &FairSplit,
    columns: &[(String, Option<&Vec<Q>>); 3],
    judged: &str,
    lang: Lang,
) {
    let names = &split.names;
    egui::Grid::new("fairness")
        .striped(true)
        .num_columns(4)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.strong(lang.pick("参与方", "Party"));
            for (i, (title, _)) in columns.iter().enumerate() {
                let r = ui.strong(title);
                if i == 0 {
                    r.on_hover_text(judged);
                }
            }
            ui.end_row();
            for (i, name) in names.iter().enumerate() {
                ui.label(name);
                for (_, x) in columns {
                    ui.label(
                        x.map(|x| fair::q_to_decimal_string(&x[i], 2))
                            .unwrap_or_else(|| "—".into()),
                    )
                    .on_hover_text(x.map(|x| x[i].to_string()).unwrap_or_default());
                }
                ui.end_row();
            }
            ui.label(lang.pick("在核心中?", "In the core?"));
            for check in &split.core {
                match check {
                    Some(check) if check.in_core => {
                        ui.colored_label(Color32::from_rgb(46, 139, 87), lang.pick("是", "Yes"));
                    }
                    Some(_) => {
                        ui.colored_label(theme::ERROR, lang.pick("否 ↓", "No ↓"));
                    }
                    None => {
                        ui.label("—");
                    }
                }
            }
            ui.end_row();
        });
    // Who would do better alone, under each split that is not in the core.
    for ((title, _), check) in columns.iter().zip(&split.core) {
        let Some(check) = check.as_ref().filter(|c| !c.in_core) else {
            continue;
        };
        if let Some((mask, short)) = check.blocking.first() {
            let (who, more) = (
                split.coalition_name(*mask),
                fair::q_to_decimal_string(short, 2),
            );
            ui.colored_label(
                theme::ERROR,
                match lang {
                    Lang::Zh => format!("{title}:{who} 单干可多得 {more}"),
                    Lang::En => format!("{title}: {who} would get {more} more on its own"),
                },
            );
        }
    }
    if let Err(e) = &split.nucleolus {
        ui.colored_label(theme::WARNING, fair_error_text(e, lang));
    }
}

/// Why the nucleolus is missing, in the user's language.
fn fair_error_text(e: &fair::FairError, lang: Lang) -> String {
    match (e, lang) {
        (fair::FairError::NoImputation { singletons, grand }, Lang::Zh) => format!(
            "没有可行分配:各方单独的价值合计 {singletons},超过全体联盟的价值 v(N) = {grand}"
        ),
        (fair::FairError::NotConverged, Lang::Zh) => {
            "核仁计算未收敛(请把这组数值报告给我们)".to_owned()
        }
        (e, _) => e.to_string(),
    }
}

fn fair_chart_ui(ui: &mut egui::Ui, names: &[String], columns: &[(String, Option<&Vec<Q>>); 3]) {
    let bars: Vec<egui_plot::BarChart> = columns
        .iter()
        .enumerate()
        .filter_map(|(c, (title, x))| {
            let x = (*x)?;
            let bars = x
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    egui_plot::Bar::new(
                        i as f64 + (c as f64 - 1.0) * 0.25,
                        v.to_f64().unwrap_or(0.0),
                    )
                    .width(0.22)
                    .name(&names[i])
                })
                .collect();
            Some(egui_plot::BarChart::new(title.clone(), bars).color(party_colour(c + 3)))
        })
        .collect();
    let labels = names.to_vec();
    egui_plot::Plot::new("fairness-plot")
        .height(ui.available_height().max(160.0))
        .allow_scroll(false)
        .legend(egui_plot::Legend::default())
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            for b in bars {
                plot.bar_chart(b);
            }
        });
}
