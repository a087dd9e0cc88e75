//! Every command of the editor, in one enum: its label in both languages, its shortcut and the
//! menu it sits in. The menu bar and the key handler both iterate this enum, so nothing is wired
//! twice.

use crate::i18n::Lang;
use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give from a menu or a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppCommand {
    New,
    Open,
    Save,
    SaveAs,
    Import,
    Quit,
    Undo,
    Redo,
    SelectAll,
    Copy,
    Paste,
    Delete,
    Deselect,
    LinkTool,
    AutoLayout,
    ForceLayout,
    FitView,
    ZoomIn,
    ZoomOut,
    ToggleOutline,
    ToggleInspector,
    ToggleLegend,
    ToggleMinimap,
    ToggleAnalysis,
    Present,
    PresentViews,
    ReduceMotion,
    LangZh,
    LangEn,
}

/// The menus, in menu-bar order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
}

impl Menu {
    pub const ALL: [Menu; 3] = [Menu::File, Menu::Edit, Menu::View];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Menu::File => lang.pick("文件", "File"),
            Menu::Edit => lang.pick("编辑", "Edit"),
            Menu::View => lang.pick("视图", "View"),
        }
    }
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl AppCommand {
    /// Every command, in menu order.
    pub const ALL: [AppCommand; 29] = [
        AppCommand::New,
        AppCommand::Open,
        AppCommand::Save,
        AppCommand::SaveAs,
        AppCommand::Import,
        AppCommand::Quit,
        AppCommand::Undo,
        AppCommand::Redo,
        AppCommand::SelectAll,
        AppCommand::Copy,
        AppCommand::Paste,
        AppCommand::Delete,
        AppCommand::Deselect,
        AppCommand::LinkTool,
        AppCommand::AutoLayout,
        AppCommand::ForceLayout,
        AppCommand::FitView,
        AppCommand::ZoomIn,
        AppCommand::ZoomOut,
        AppCommand::ToggleOutline,
        AppCommand::ToggleInspector,
        AppCommand::ToggleLegend,
        AppCommand::ToggleMinimap,
        AppCommand::ToggleAnalysis,
        AppCommand::Present,
        AppCommand::PresentViews,
        AppCommand::ReduceMotion,
        AppCommand::LangZh,
        AppCommand::LangEn,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        use AppCommand::*;
        match self {
            New => lang.pick("新建", "New"),
            Open => lang.pick("打开…", "Open…"),
            Save => lang.pick("保存", "Save"),
            SaveAs => lang.pick("另存为…", "Save As…"),
            Import => lang.pick("导入表格…", "Import Spreadsheets…"),
            Quit => lang.pick("退出", "Quit"),
            Undo => lang.pick("撤销", "Undo"),
            Redo => lang.pick("重做", "Redo"),
            SelectAll => lang.pick("全选", "Select All"),
            Copy => lang.pick("复制", "Copy"),
            Paste => lang.pick("粘贴", "Paste"),
            Delete => lang.pick("删除", "Delete"),
            Deselect => lang.pick("取消选择", "Deselect"),
            LinkTool => lang.pick("连线工具", "Link Tool"),
            AutoLayout => lang.pick("自动布局(串珠成链)", "Auto Layout (Swimlanes)"),
            ForceLayout => lang.pick("力导向布局(探索)", "Force Layout (Explore)"),
            FitView => lang.pick("适应窗口", "Fit to View"),
            ZoomIn => lang.pick("放大", "Zoom In"),
            ZoomOut => lang.pick("缩小", "Zoom Out"),
            ToggleOutline => lang.pick("大纲面板", "Outline Panel"),
            ToggleInspector => lang.pick("属性面板", "Inspector Panel"),
            ToggleLegend => lang.pick("图例", "Legend"),
            ToggleAnalysis => lang.pick("分析面板", "Analysis Panel"),
            ToggleMinimap => lang.pick("小地图", "Minimap"),
            Present => lang.pick("演示:串珠成链", "Present: the Chain"),
            PresentViews => lang.pick("演示:保存的视图", "Present: Saved Views"),
            ReduceMotion => lang.pick("减少动画", "Reduce Motion"),
            LangZh => "简体中文",
            LangEn => "English",
        }
    }

    /// What the command does, for tooltips.
    pub fn tooltip(self, lang: Lang) -> &'static str {
        use AppCommand::*;
        match self {
            New => lang.pick("新建空白项目", "Start an empty project"),
            Open => lang.pick("打开项目文件", "Open a project file"),
            Save => lang.pick("保存当前项目", "Save the project"),
            SaveAs => lang.pick("保存到新的文件", "Save the project to a new file"),
            Import => lang.pick(
                "从 CSV 或 Excel 导入环节、企业和供应关系",
                "Import stages, enterprises and supply links from CSV or Excel",
            ),
            Quit => lang.pick("关闭窗口", "Close the window"),
            Undo => lang.pick("撤销上一步修改", "Undo the last change"),
            Redo => lang.pick("重做刚撤销的修改", "Redo the change just undone"),
            SelectAll => lang.pick("选择全部节点", "Select every node"),
            Copy => lang.pick(
                "复制所选节点及其之间的连线",
                "Copy the selected nodes and the links between them",
            ),
            Paste => lang.pick("粘贴为新节点(新编号)", "Paste as new nodes (new ids)"),
            Delete => lang.pick("删除所选节点和连线", "Delete the selected nodes and links"),
            Deselect => lang.pick("取消选择,关闭弹出框", "Clear the selection, close pickers"),
            LinkTool => lang.pick(
                "开启后从节点拖到另一节点即可连线",
                "When on, drag from one node to another to link them",
            ),
            AutoLayout => lang.pick(
                "按环节分列排布企业,并调整顺序减少连线交叉(固定位置的节点不动)",
                "One column per stage, ordered to cut link crossings (pinned nodes stay)",
            ),
            ForceLayout => lang.pick(
                "按连线关系弹簧式排布,便于发现聚集;可随时取消(固定位置的节点不动)",
                "Springs along links to see clusters; can be cancelled (pinned nodes stay)",
            ),
            FitView => lang.pick("显示整张图", "Show the whole graph"),
            ZoomIn => lang.pick("以画布中心放大", "Zoom in at the centre"),
            ZoomOut => lang.pick("以画布中心缩小", "Zoom out at the centre"),
            ToggleOutline => lang.pick("显示或隐藏大纲", "Show or hide the outline"),
            ToggleInspector => lang.pick("显示或隐藏属性面板", "Show or hide the inspector"),
            ToggleLegend => lang.pick("显示或隐藏图例", "Show or hide the legend"),
            ToggleMinimap => lang.pick(
                "显示或隐藏小地图(点击可跳转)",
                "Show or hide the minimap (click it to look there)",
            ),
            ToggleAnalysis => lang.pick(
                "缺口、链主、风险、亩均效益和影响分析",
                "Gaps, leaders, risks, land efficiency and impact",
            ),
            Present => lang.pick(
                "全屏演示,按环节逐步点亮产业链(→ 下一步,Esc 退出)",
                "Fullscreen, lighting the chain stage by stage (→ next, Esc to leave)",
            ),
            PresentViews => lang.pick(
                "全屏演示,逐张播放保存的视图",
                "Fullscreen, stepping through the saved views as slides",
            ),
            ReduceMotion => lang.pick(
                "关闭镜头过渡和流动动画",
                "No camera glides or flow animation",
            ),
            LangZh => lang.pick("界面使用简体中文", "Use Chinese"),
            LangEn => lang.pick("界面使用英文", "Use English"),
        }
    }

    /// The main shortcut.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        use AppCommand::*;
        let k = KeyboardShortcut::new;
        Some(match self {
            New => k(CMD, Key::N),
            Open => k(CMD, Key::O),
            Save => k(CMD, Key::S),
            SaveAs => k(CMD_SHIFT, Key::S),
            Import => k(CMD, Key::I),
            Quit => k(CMD, Key::Q),
            Undo => k(CMD, Key::Z),
            Redo => k(CMD_SHIFT, Key::Z),
            SelectAll => k(CMD, Key::A),
            Copy => k(CMD, Key::C),
            Paste => k(CMD, Key::V),
            Delete => k(Modifiers::NONE, Key::Delete),
            Deselect => k(Modifiers::NONE, Key::Escape),
            LinkTool => k(Modifiers::NONE, Key::L),
            AutoLayout => k(CMD_SHIFT, Key::L),
            ForceLayout => return None,
            FitView => k(Modifiers::NONE, Key::F),
            ZoomIn => k(Modifiers::NONE, Key::Plus),
            ZoomOut => k(Modifiers::NONE, Key::Minus),
            ToggleOutline | ToggleInspector | ToggleLegend | ToggleMinimap | LangZh | LangEn => {
                return None;
            }
            ToggleAnalysis => k(Modifiers::NONE, Key::F9),
            Present => k(Modifiers::NONE, Key::F5),
            PresentViews => k(Modifiers::SHIFT, Key::F5),
            ReduceMotion => return None,
        })
    }

    /// Further keys that give the same command (Ctrl+Y for redo, Backspace for delete, = for +).
    pub fn extra_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(CMD, Key::Y)];
        const DELETE: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)];
        const ZOOM_IN: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Equals)];
        match self {
            AppCommand::Redo => &REDO,
            AppCommand::Delete => &DELETE,
            AppCommand::ZoomIn => &ZOOM_IN,
            _ => &[],
        }
    }

    /// Commands that act on the canvas and must not fire while a text field has the keyboard.
    pub fn is_canvas_key(self) -> bool {
        use AppCommand::*;
        matches!(
            self,
            Undo | Redo
                | SelectAll
                | Copy
                | Paste
                | Delete
                | Deselect
                | LinkTool
                | FitView
                | ZoomIn
                | ZoomOut
        )
    }

    pub fn menu(self) -> Menu {
        use AppCommand::*;
        match self {
            New | Open | Save | SaveAs | Import | Quit => Menu::File,
            Undo | Redo | SelectAll | Copy | Paste | Delete | Deselect | LinkTool | AutoLayout
            | ForceLayout => Menu::Edit,
            _ => Menu::View,
        }
    }
}
