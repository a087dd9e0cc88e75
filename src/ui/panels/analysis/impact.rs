//! The impact tab: pick a firm (or use the selected one) and see what its leaving would cost:
//! supply with no local replacement, the buyers cut off, the firms downstream. "Show on the
//! canvas" lights them up and brings them into view (at once when the canvas's context menu
//! asked for the firm's impact).

use crate::ui::context::ViewCtx;
use crate::ui::derived::ImpactView;
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;

pub(super) fn impact_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    if state.impact_node.is_none()
        && let Some(id) = state.selection.nodes.iter().next()
    {
        state.impact_node = Some(id.clone());
    }
    firm_picker(ui, cx, state);
    let Some(node) = state.impact_node.clone() else {
        ui.weak(lang.pick(
            "选择一家企业,看它离开后哪些企业失去本地供应。",
            "Pick a firm to see who loses local supply if it leaves.",
        ));
        return;
    };
    match cx.derived.impact(&node) {
        Some(Some(view)) => {
            if std::mem::take(&mut state.impact_show) {
                show(cx, &node, view, state, queue);
            }
            report_ui(ui, cx, &node, view, state, queue);
        }
        // The firm is gone (deleted, or another project).
        Some(None) => {
            state.impact_node = None;
            state.impact_show = false;
        }
        None => {
            ui.spinner();
        }
    }
}

/// The firm looked at: a drop-down of every firm, and "use the selected firm".
fn firm_picker(ui: &mut egui::Ui, cx: &ViewCtx<'_>, state: &mut UiState) {
    let (project, lang) = (cx.project(), cx.lang);
    ui.horizontal(|ui| {
        let label = ui
            .label(lang.pick("如果这家企业离开:", "If this firm leaves:"))
            .id;
        let current = state
            .impact_node
            .as_ref()
            .map(|id| project.node_name(id))
            .unwrap_or_else(|| "—".into());
        egui::ComboBox::from_id_salt("impact-node")
            .selected_text(current)
            .width(240.0)
            .show_ui(ui, |ui| {
                // Listed only while the drop-down is open.
                for n in project
                    .nodes
                    .values()
                    .filter(|n| n.kind.is_enterprise_like())
                {
                    if ui
                        .selectable_label(state.impact_node.as_ref() == Some(&n.id), &n.name)
                        .clicked()
                    {
                        state.impact_node = Some(n.id.clone());
                    }
                }
            })
            .response
            .labelled_by(label);
        if let Some(id) = state.selection.nodes.iter().next().cloned()
            && ui
                .button(lang.pick("用所选企业", "Use the selected firm"))
                .clicked()
        {
            state.impact_node = Some(id);
        }
    });
}

/// How many names a list in the tab shows before "… and N more".
const LISTED: usize = 60;

/// Lights up what `node` leaving would cost and frames it, the firm in the middle.
fn show(
    cx: &ViewCtx<'_>,
    node: &crate::model::NodeId,
    view: &ImpactView,
    state: &mut UiState,
    queue: &mut Queue,
) {
    super::locate(
        cx.project(),
        &mut state.frame_request,
        queue,
        view.highlight.clone(),
        Some(node),
        None,
    );
}

/// What leaving would cost, and the button that lights it up.
fn report_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    node: &crate::model::NodeId,
    view: &ImpactView,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let (project, lang) = (cx.project(), cx.lang);
    let i = &view.impact;
    ui.label(format!(
        "{}: {:.0} / {:.0} {}",
        lang.pick(
            "失去本地替代的供应 / 其全部供应",
            "Supply with no local replacement / all its supply"
        ),
        i.value_at_stake,
        i.supply_value,
        project.meta.unit
    ));
    if state.highlight.as_ref() != Some(&view.highlight)
        && ui
            .button(lang.pick("在画布上显示", "Show on the canvas"))
            .clicked()
    {
        show(cx, node, view, state, queue);
    }
    if i.lost.is_empty() {
        ui.label(lang.pick(
            "没有企业因此失去全部本地供应。",
            "No firm loses all its local supply of anything.",
        ));
    }
    for l in i.lost.iter().take(LISTED) {
        ui.colored_label(
            theme::ERROR,
            format!(
                "{} ← {} ({:.0})",
                project.node_name(&l.buyer),
                l.product,
                l.value
            ),
        );
    }
    if i.lost.len() > LISTED {
        ui.weak(more(i.lost.len() - LISTED, lang));
    }
    let names = &view.downstream_names;
    let mut listed = names
        .iter()
        .take(LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join("、");
    if names.len() > LISTED {
        listed = format!("{listed} {}", more(names.len() - LISTED, lang));
    }
    ui.label(format!(
        "{} ({}): {listed}",
        lang.pick("下游受波及企业", "Downstream firms affected"),
        names.len(),
    ));
}

/// "… and 12 more".
fn more(n: usize, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::Zh => format!("……等另外 {n} 家"),
        crate::i18n::Lang::En => format!("… and {n} more"),
    }
}
