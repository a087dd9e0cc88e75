//! Help → User Guide and Help → About: the guide is the Markdown in `docs/guide.*.md`, built into
//! the program (so it is there offline, in the version that matches the app) and drawn with
//! egui_commonmark; About names the version, the file format it writes, and the licences of the
//! program and of what it bundles.

use crate::i18n::Lang;
use egui::{Align2, RichText, Vec2};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

const GUIDE_ZH: &str = include_str!("../../docs/guide.zh.md");
const GUIDE_EN: &str = include_str!("../../docs/guide.en.md");
const FONT_LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");
const ICON_LICENCE: &str = include_str!("../../assets/fonts/Symbola-LICENSE.txt");

/// The open/closed state of the two windows, and the guide's render cache.
#[derive(Default)]
pub struct HelpWindows {
    pub guide: bool,
    pub about: bool,
    cache: CommonMarkCache,
}

impl std::fmt::Debug for HelpWindows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HelpWindows")
            .field("guide", &self.guide)
            .field("about", &self.about)
            .finish_non_exhaustive()
    }
}

/// The user guide's Markdown in the language.
pub fn guide_text(lang: Lang) -> &'static str {
    lang.pick(GUIDE_ZH, GUIDE_EN)
}

impl HelpWindows {
    /// Closes the topmost open window; whether one was open (Esc closes the innermost thing).
    pub fn close_one(&mut self) -> bool {
        if self.about {
            self.about = false;
        } else if self.guide {
            self.guide = false;
        } else {
            return false;
        }
        true
    }

    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) {
        let screen = ctx.content_rect();
        egui::Window::new(lang.pick("用户指南", "User Guide"))
            .open(&mut self.guide)
            .collapsible(false)
            .default_size([
                (screen.width() * 0.6).clamp(360.0, 760.0),
                screen.height() * 0.75,
            ])
            .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        CommonMarkViewer::new().show(ui, &mut self.cache, guide_text(lang));
                    });
            });
        egui::Window::new(lang.pick("关于串珠", "About chainmap"))
            .open(&mut self.about)
            .collapsible(false)
            .resizable(false)
            .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
            .show(ctx, |ui| about_ui(ui, lang));
    }
}

fn about_ui(ui: &mut egui::Ui, lang: Lang) {
    ui.set_max_width(520.0);
    ui.heading(lang.pick("串珠 chainmap", "chainmap 串珠"));
    ui.label(lang.pick(
        "县域产业链图谱、补链强链分析与飞地经济利益共享",
        "County industrial-chain mapping, chain-gap analysis and enclave benefit sharing",
    ));
    ui.add_space(6.0);
    egui::Grid::new("about-facts")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(lang.pick("版本", "Version"));
            ui.label(env!("CARGO_PKG_VERSION"));
            ui.end_row();
            ui.label(lang.pick("项目文件格式", "Project file format"));
            ui.label(format!(
                "chainmap {} {}",
                lang.pick("第", "version"),
                crate::file::CURRENT_VERSION
            ));
            ui.end_row();
            ui.label(lang.pick("许可", "Licence"));
            ui.label(format!(
                "{} ({})",
                env!("CARGO_PKG_LICENSE"),
                lang.pick("任选其一", "either, at your option")
            ));
            ui.end_row();
        });
    ui.add_space(6.0);
    ui.label(RichText::new(lang.pick("内置字体", "Bundled fonts")).strong());
    ui.label(lang.pick(
        "思源黑体(Noto Sans SC)子集:SIL 开源字体许可 1.1;Symbola 图标子集:见其许可。",
        "Noto Sans SC (subset): SIL Open Font License 1.1; Symbola icons (subset): see its licence.",
    ));
    egui::CollapsingHeader::new(lang.pick("字体许可全文", "Font licences in full"))
        .id_salt("font-licences")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .show(ui, |ui| {
                    ui.monospace(FONT_LICENCE);
                    ui.separator();
                    ui.monospace(ICON_LICENCE);
                });
        });
    ui.add_space(4.0);
    ui.label(RichText::new(lang.pick("开源组件", "Open-source components")).strong());
    ui.label(lang.pick(
        "egui / eframe、egui_plot、petgraph、serde、rust_decimal、calamine、rust_xlsxwriter、resvg、pinyin、egui_commonmark 等,均以 MIT 或 Apache-2.0 等宽松许可发布。",
        "egui / eframe, egui_plot, petgraph, serde, rust_decimal, calamine, rust_xlsxwriter, resvg, pinyin, egui_commonmark and others, under permissive licences such as MIT or Apache-2.0.",
    ));
}
