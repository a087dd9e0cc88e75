//! Nodes as widgets: each visible node is painted and given an interactive rectangle labelled
//! with its name (so tests and screen readers find it); its clicks and drags go to `gestures`.
//! In the overview the nodes become one mesh and only the node under the pointer and the
//! selection stay interactive.

use super::context_menu::{self, MenuTarget};
use super::labels::DrawnNode;
use super::paint::{NodeLook, bead_rect, paint_node};
use super::{CanvasFrame, CanvasOutput, CanvasState, gestures};
use crate::i18n::Lang;
use crate::model::{Node, NodeId, Project};
use crate::ui::state::{Queue, UiState};
use crate::ui::theme;
use egui::{Rect, Role, Sense, Shape, Vec2, WidgetInfo};

/// What the nodes saw of the pointer this frame.
#[derive(Debug, Default)]
pub(super) struct NodesSeen<'p> {
    /// The pointer is over a node.
    pub hovered: bool,
    /// The node under the pointer while a link is being drawn.
    pub drop_target: Option<&'p NodeId>,
    /// The nodes drawn, for their labels.
    pub drawn: Vec<DrawnNode>,
    /// The node under the pointer (index in project order).
    pub hovered_node: Option<usize>,
}

/// Paints the nodes and handles their clicks and drags.
pub(super) fn nodes_ui<'p>(
    ui: &egui::Ui,
    frame: &CanvasFrame<'p>,
    state: &mut UiState,
    canvas: &mut CanvasState,
    queue: &mut Queue,
    output: &mut CanvasOutput,
) -> NodesSeen<'p> {
    let (screen, opts) = (&frame.screen, frame.opts);
    let highlight = frame.highlight.as_ref();
    let mut seen = NodesSeen::default();
    let mut mesh = egui::Mesh::default();
    for (index, (node, centre)) in frame
        .project
        .nodes
        .values()
        .zip(&screen.centres)
        .enumerate()
    {
        let Some((c, r)) = *centre else {
            continue;
        };
        let hit = Rect::from_center_size(c, Vec2::splat(2.0 * r.max(6.0)));
        if !screen.rect.intersects(hit) {
            continue;
        }
        let selected = state.selection.nodes.contains(&node.id);
        let fill = frame.colours.fill(frame.colouring, &node.id, node.kind);
        let look = NodeLook::of(node, fill, selected, highlight);
        seen.drawn.push(DrawnNode {
            index,
            bead: if screen.overview {
                Rect::from_center_size(c, Vec2::splat((2.0 * r).max(2.0)))
            } else {
                bead_rect(node, c, r)
            },
            faded: look.faded,
            selected,
            lit: look.lit || look.danger,
        });
        if screen.overview {
            let faded = highlight.is_some_and(|h| !h.contains(&node.id));
            let fill = if selected {
                theme::SELECTION
            } else if faded {
                fill.gamma_multiply(opts.look.faded())
            } else {
                fill
            };
            mesh.add_colored_rect(
                Rect::from_center_size(c, Vec2::splat((2.0 * r).max(2.0))),
                fill,
            );
            let near_pointer = screen.pointer.is_some_and(|p| hit.expand(2.0).contains(p));
            if !(near_pointer || selected) {
                continue;
            }
        } else {
            paint_node(frame, node, c, r, &look);
        }
        let resp = ui.interact(
            hit,
            ui.scope_id().with(("node", node.id.as_str())),
            if opts.read_only {
                Sense::click()
            } else {
                Sense::click_and_drag()
            },
        );
        let name = node.name.clone();
        resp.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &name));
        if resp.hovered() {
            seen.hovered = true;
            seen.hovered_node = Some(index);
            if canvas.gesture.linking.is_some() {
                seen.drop_target = Some(&node.id);
            }
        }
        if resp.clicked() && opts.read_only {
            output.clicked_node = Some(node.id.clone());
        }
        if resp.secondary_clicked()
            && !opts.read_only
            && let Some(p) = resp.interact_pointer_pos()
        {
            context_menu::open(MenuTarget::Node(node.id.clone()), p, state, canvas);
        }
        gestures::on_node(&resp, &node.id, selected, frame, state, canvas, queue);
        // Built only for the hovered node: thousands of tooltips a frame would cost dearly. None
        // while a picker or a menu is open: it would sit on their first choice.
        let popup_open = state.picker.is_some() || canvas.menu_open();
        if resp.hovered() && !popup_open {
            resp.on_hover_text(node_tooltip(node, frame.project, frame.lang));
        }
    }
    if !mesh.is_empty() {
        frame.painter.add(Shape::mesh(mesh));
    }
    seen
}

fn node_tooltip(node: &Node, project: &Project, lang: Lang) -> String {
    let mut lines = vec![format!(
        "{} ({}) · {}",
        node.name,
        node.id,
        node.kind.label(lang)
    )];
    for stage in &node.stages {
        if let Some((_, s)) = project.stage(stage) {
            lines.push(format!("{}: {}", lang.pick("环节", "stage"), s.name));
        }
    }
    if let Some((year, f)) = node.latest_figures() {
        if let Some(o) = f.output {
            lines.push(format!(
                "{year} {}: {o} {}",
                lang.pick("产值", "output"),
                project.meta.unit
            ));
        }
        if let Some(t) = f.tax {
            lines.push(format!(
                "{year} {}: {t} {}",
                lang.pick("税收", "tax"),
                project.meta.unit
            ));
        }
    }
    if !node.tags.is_empty() {
        lines.push(node.tags.join(" · "));
    }
    lines.join("\n")
}
