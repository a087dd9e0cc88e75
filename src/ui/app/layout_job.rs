//! Layouts: the swimlane at once for ordinary projects; force-directed, and swimlanes of large
//! projects, on a worker with progress and Cancel. A result is applied as one undo step, and
//! only to the document state it was computed from.

use super::ChainmapApp;
use crate::edit::Edit;
use crate::model::{NodeId, Pos};
use crate::ui::job::Job;

/// A layout on its worker, keyed by the document state it started from.
pub(super) type LayoutJob = Job<(u64, u64), Vec<(NodeId, Pos)>>;

/// Above this many nodes the swimlane layout runs off the UI thread too.
const BACKGROUND_LAYOUT_NODES: usize = 5_000;

impl ChainmapApp {
    /// Whether a layout is running on its worker thread.
    pub fn layout_running(&self) -> bool {
        self.layout_job.is_some()
    }

    pub(super) fn auto_layout(&mut self, ctx: &egui::Context) {
        if self.doc.project.nodes.len() > BACKGROUND_LAYOUT_NODES {
            self.start_layout(ctx, false);
            return;
        }
        let moves = crate::layout::swimlane(&self.doc.project);
        if !moves.is_empty() {
            self.apply_edit(Edit::MoveNodes(moves));
            self.ui.fit_requested = true;
        }
    }

    /// Starts a layout (force-directed, or a large swimlane) on a worker thread; progress and
    /// Cancel show in a window.
    pub(super) fn start_layout(&mut self, ctx: &egui::Context, force: bool) {
        if self.layout_job.is_some() {
            return;
        }
        let project = self.doc.project.clone();
        let key = (self.doc.id(), self.doc.revision());
        self.layout_job = Job::spawn("layout", ctx, key, move |progress| {
            if !force {
                // The swimlane runs in one go; the window still shows it is under way.
                return Some(crate::layout::swimlane(&project));
            }
            let steps = crate::layout::force::default_steps(&project);
            let mut layout = crate::layout::ForceLayout::new(&project);
            for step in 0..steps {
                if progress.cancelled() {
                    return None;
                }
                layout.step();
                if step % 5 == 0 {
                    progress.report(step as f32 / steps as f32);
                }
            }
            Some(layout.positions())
        });
    }

    /// Shows the layout's progress; applies its result as one edit when it is done.
    pub(super) fn layout_job_ui(&mut self, ctx: &egui::Context) {
        let Some(job) = self.layout_job.as_mut() else {
            return;
        };
        let done = job.poll();
        let progress = job.progress;
        let lang = self.ui.lang();
        let mut cancelled = false;
        egui::Window::new(lang.pick("正在布局", "Laying out"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.add(
                    egui::ProgressBar::new(progress)
                        .show_percentage()
                        .desired_width(260.0),
                );
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    cancelled = true;
                }
            });
        if cancelled {
            if let Some(job) = self.layout_job.take() {
                job.cancel();
            }
            self.ui.info(lang.pick("布局已取消", "Layout cancelled"));
            return;
        }
        let Some(moves) = done else {
            return;
        };
        let key = self.layout_job.take().map(|j| j.key);
        if key == Some((self.doc.id(), self.doc.revision())) {
            self.apply_edit(Edit::MoveNodes(moves));
            self.ui.fit_requested = true;
        } else {
            self.ui.error(lang.pick(
                "项目在布局期间被修改,布局结果未应用",
                "The project changed during the layout; the result was not applied",
            ));
        }
    }
}
