//! What each command is called and what it does, in both languages.

use super::AppCommand;
use crate::i18n::Lang;

impl AppCommand {
    /// The label in menus, the palette and the help.
    pub fn label(self, lang: Lang) -> String {
        use AppCommand::*;
        let text = match self {
            Export(format) => return format.label(lang).to_owned(),
            ExportTable(table) => {
                return match lang {
                    Lang::Zh => format!("表格 CSV:{}…", table.label(lang)),
                    Lang::En => format!("Table (CSV): {}…", table.label(lang)),
                };
            }
            New => lang.pick("新建…", "New…"),
            NewFromTemplate => lang.pick("新建自参考产业链…", "New from Reference Chain…"),
            CompareReference => lang.pick("对照参考产业链…", "Compare with Reference Chain…"),
            Open => lang.pick("打开…", "Open…"),
            Save => lang.pick("保存", "Save"),
            SaveAs => lang.pick("另存为…", "Save As…"),
            Import => lang.pick("导入表格…", "Import Spreadsheets…"),
            ImportCandidates => lang.pick("导入招商候选…", "Import Candidates…"),
            ImportBoundaries => lang.pick("导入行政区边界…", "Import Boundaries…"),
            Merge => lang.pick("合并…", "Merge…"),
            NewScenario => lang.pick("新建方案…", "New Scenario…"),
            ScenarioFromTargets => lang.pick("从招商清单新建方案…", "New Scenario from 招商 List…"),
            ManageScenarios => lang.pick("管理方案…", "Manage Scenarios…"),
            CompareScenarios => lang.pick("对比方案", "Compare Scenarios"),
            CompareWithFile => lang.pick("与文件对比…", "Compare with File…"),
            ExportImportTemplate => lang.pick("导出导入模板…", "Save Import Template…"),
            ProjectProperties => lang.pick("项目属性…", "Project Properties…"),
            ExportSchedule => lang.pick("导出分成表 CSV…", "Export Schedule (CSV)…"),
            ExportTerritory(format) => match format {
                crate::export::ExportFormat::Png => {
                    lang.pick("县域空间图 PNG…", "Territory Map (PNG)…")
                }
                _ => lang.pick("县域空间图 SVG…", "Territory Map (SVG)…"),
            },
            Quit => lang.pick("退出", "Quit"),
            Undo => lang.pick("撤销", "Undo"),
            Redo => lang.pick("重做", "Redo"),
            SelectAll => lang.pick("全选", "Select All"),
            Copy => lang.pick("复制", "Copy"),
            Paste => lang.pick("粘贴", "Paste"),
            Delete => lang.pick("删除", "Delete"),
            Deselect => lang.pick("取消选择", "Deselect"),
            AddEnterprise => lang.pick("添加企业", "Add Enterprise"),
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
            ToggleReference => lang.pick("全景图缺口(参考产业链)", "Reference Chain Gaps"),
            MapOnly => lang.pick("仅地图", "Map Only"),
            ToggleTerritory => lang.pick("县域空间视图", "Territory View"),
            Present => lang.pick("演示:串珠成链", "Present: the Chain"),
            PresentViews => lang.pick("演示:保存的视图", "Present: Saved Views"),
            EnclaveDiagram => lang.pick("飞地示意图", "Enclave Diagram"),
            PresentEnclave => lang.pick("飞地示意图", "Enclave diagram"),
            ReduceMotion => lang.pick("减少动画", "Reduce Motion"),
            LangZh => "简体中文",
            LangEn => "English",
            Palette => lang.pick("命令面板…", "Command Palette…"),
            KeyHelp => lang.pick("快捷键", "Keyboard Shortcuts"),
            OpenLogFolder => lang.pick("打开日志文件夹", "Open Log Folder"),
            UserGuide => lang.pick("用户指南", "User Guide"),
            About => lang.pick("关于串珠", "About chainmap"),
            NextStep => lang.pick("下一步", "Next step"),
            PreviousStep => lang.pick("上一步", "Previous step"),
            FirstStep => lang.pick("第一步", "First step"),
            LastStep => lang.pick("最后一步", "Last step"),
            SwitchStory => lang.pick("切换:产业链 / 保存的视图", "Switch: chain / saved views"),
            DepthLess => lang.pick("上下游级数减一", "Focus depth −1"),
            DepthMore => lang.pick("上下游级数加一", "Focus depth +1"),
            ToggleImpact => lang.pick("迁出影响", "What breaks if it leaves"),
            ToggleSpotlight => lang.pick("聚光灯", "Spotlight"),
            ToggleFlow => lang.pick("供应流动画", "Supply flow"),
            ToggleProjectorTheme => {
                lang.pick("浅色 / 深色投影主题", "Light / dark projector theme")
            }
            LargerText => lang.pick("文字和节点放大", "Larger text and nodes"),
            SmallerText => lang.pick("文字和节点缩小", "Smaller text and nodes"),
            ResetText => lang.pick("文字和节点原大", "Text and nodes at 100 %"),
            Reframe => lang.pick("回到本步视野", "Back to the step's view"),
            TogglePresentHelp => lang.pick("显示/隐藏帮助", "Show / hide this help"),
            LeavePresentation => lang.pick("退出演示", "Leave the presentation"),
        };
        text.to_owned()
    }

    /// What a command of the Scenarios menu does (issue 22).
    fn scenario_tooltip(self, lang: Lang) -> Option<&'static str> {
        use AppCommand::*;
        Some(match self {
            NewScenario => lang.pick(
                "在现状之上新建一个方案(规划),从当前状态复制开始;之后的修改只进入方案,现状不变",
                "A new scenario (a plan) on top of the base, starting as a copy of what is shown; edits then go into it and the base stays as it is",
            ),
            ScenarioFromTargets => lang.pick(
                "勾选招商清单中的企业,新建“签约之后”的方案:新企业落户对应缺口的环节",
                "Tick firms of the 招商 list and make the scenario \"after signing them\": each new firm in the stage of the gap it fills",
            ),
            ManageScenarios => lang.pick(
                "重命名、说明、删除方案,或把正在编辑的方案应用到现状",
                "Rename, describe or delete scenarios, or make the one being edited the base",
            ),
            CompareScenarios => lang.pick(
                "对比现状、方案或另一个项目文件:指标变化、增删改清单,并在画布上标出差异",
                "Compare the base, scenarios or another project file: figures before and after, what was added, removed and changed, marked on the canvas",
            ),
            CompareWithFile => lang.pick(
                "选择另一个项目文件(同事的副本、去年的版本)与画布上的版本对比",
                "Pick another project file (a colleague's copy, last year's version) to compare with what the canvas shows",
            ),
            _ => return None,
        })
    }

    /// What the command does, for tooltips and the palette.
    pub fn tooltip(self, lang: Lang) -> &'static str {
        use AppCommand::*;
        match self {
            NewScenario | ScenarioFromTargets | ManageScenarios | CompareScenarios
            | CompareWithFile => self.scenario_tooltip(lang).unwrap_or_default(),
            New => lang.pick(
                "新建项目:先填写名称和所属县(区)",
                "Start a new project: its name and county first",
            ),
            NewFromTemplate | CompareReference => self.reference_tooltip(lang),
            Open => lang.pick("打开项目文件", "Open a project file"),
            Save => lang.pick("保存当前项目", "Save the project"),
            SaveAs => lang.pick("保存到新的文件", "Save the project to a new file"),
            Import => lang.pick(
                "从 CSV 或 Excel 导入环节、企业和供应关系",
                "Import stages, enterprises and supply links from CSV or Excel",
            ),
            ImportCandidates => lang.pick(
                "导入招商对象名单(CSV 或 Excel:企业名称、所在地、主营产品、营业收入、标签),按所补缺口排序",
                "Import a list of firms to attract (CSV or Excel: name, location, products, revenue, tags), ranked by the gaps they fill",
            ),
            ImportBoundaries => lang.pick(
                "从 GeoJSON(如 DataV 导出的乡镇边界)按名称导入各镇的边界,用于空间视图",
                "Import the towns' outlines from a GeoJSON (e.g. DataV's town boundaries), matched by name, for the territory view",
            ),
            Merge => lang.pick(
                "把同事修改过的项目副本合并进当前项目:先选对方的文件,再选双方共同的原始版本;冲突逐项选择",
                "Merge a colleague's copy into the open project: pick their file, then the version you both started from; choose a side for each conflict",
            ),
            ExportImportTemplate => lang.pick(
                "写一个空白的 Excel 导入模板:表头与导入一致,附各列说明",
                "Write an empty Excel workbook headed as the import reads it, with notes on each column",
            ),
            ProjectProperties => lang.pick(
                "项目名称、所属县(区)、说明、金额单位和数据年份",
                "The project's name, county, description, money unit and data year",
            ),
            Export(_) | ExportTable(_) | ExportTerritory(_) => {
                lang.pick("导出到文件(选择位置)", "Export to a file (choose where)")
            }
            ExportSchedule => lang.pick(
                "把“协议分成”页显示的逐年分成表写成 CSV",
                "Write the yearly schedule shown on the Sharing tab as CSV",
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
            AddEnterprise => lang.pick(
                "在视图中央所在的环节添加一家企业,随即输入名称",
                "Add an enterprise in the lane at the centre of the view, then type its name",
            ),
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
            ToggleOutline => lang.pick(
                "展开大纲,或收起为窄条(点窄条上的标签再展开)",
                "Expand the outline, or fold it to a strip (click a tab on the strip to expand)",
            ),
            ToggleInspector => lang.pick(
                "展开属性面板,或收起为窄条",
                "Expand the inspector, or fold it to a strip",
            ),
            ToggleLegend => lang.pick("显示或隐藏图例", "Show or hide the legend"),
            ToggleMinimap => lang.pick(
                "显示或隐藏小地图(点击可跳转)",
                "Show or hide the minimap (click it to look there)",
            ),
            ToggleReference => lang.pick(
                "在画布上用虚线珠子显示参考产业链(全景图)中本县缺少的环节和必需产品;它们不计入任何指标",
                "Show the reference chain's stages and required products the county lacks as dashed beads on the map; they count in no measure",
            ),
            ToggleAnalysis => lang.pick(
                "展开或收起分析面板(缺口、链主、风险、亩均效益和影响);收起时只显示一行概要",
                "Open or close the analysis panel (gaps, leaders, risks, land, impact); closed, it is one summary line",
            ),
            ToggleTerritory => lang.pick(
                "在产业链视图与县域空间视图(各镇及其企业、园区、主体功能区)之间切换",
                "Switch between the chain view and the territory view (the towns with their firms, parks and main functional zones)",
            ),
            MapOnly => lang.pick(
                "隐藏所有面板,整个窗口只显示地图;再按一次恢复(Tab 或 F11)",
                "Hide every panel, the map on the whole window; again to bring them back (Tab or F11)",
            ),
            Present => lang.pick(
                "全屏演示,按环节逐步点亮产业链(→ 下一步,Esc 退出)",
                "Fullscreen, lighting the chain stage by stage (→ next, Esc to leave)",
            ),
            PresentViews => lang.pick(
                "全屏演示,逐张播放保存的视图",
                "Fullscreen, stepping through the saved views as slides",
            ),
            EnclaveDiagram => lang.pick(
                "所选协议的飞地示意图:飞出地、飞入地和园区,各本账当年的金额按带状流向各方(← → 换年份,Esc 关闭)",
                "The chosen agreement drawn: source, host and park, each ledger's amounts of the year flowing to each party (← → years, Esc closes)",
            ),
            ReduceMotion => lang.pick(
                "关闭镜头过渡和流动动画",
                "No camera glides or flow animation",
            ),
            LangZh => lang.pick("界面使用简体中文", "Use Chinese"),
            LangEn => lang.pick("界面使用英文", "Use English"),
            Palette => lang.pick(
                "按名称或拼音(全拼或首字母)查找命令、企业、环节、协议和视图",
                "Find a command, firm, stage, agreement or view by name or pinyin",
            ),
            KeyHelp => lang.pick(
                "列出全部快捷键和鼠标操作",
                "List every key and mouse gesture",
            ),
            UserGuide => lang.pick(
                "从新建项目到分析、飞地分成和演示的操作说明",
                "How to work: from a new project to analysis, enclave sharing and presenting",
            ),
            About => lang.pick("版本、文件格式与许可", "Version, file format and licences"),
            OpenLogFolder => lang.pick(
                "打开存放运行日志的文件夹(报告问题时附上日志)",
                "Open the folder with the log (attach it when reporting a problem)",
            ),
            NextStep | PreviousStep | FirstStep | LastStep | SwitchStory | DepthLess
            | DepthMore | ToggleImpact | ToggleSpotlight | ToggleFlow | ToggleProjectorTheme
            | LargerText | SmallerText | ResetText | Reframe | TogglePresentHelp
            | PresentEnclave | LeavePresentation => self.present_tooltip(lang),
        }
    }

    /// The tooltips of presentation mode's commands.
    fn present_tooltip(self, lang: Lang) -> &'static str {
        use AppCommand::*;
        match self {
            NextStep | PreviousStep | FirstStep | LastStep => {
                lang.pick("在演示的各步之间移动", "Move between the steps")
            }
            SwitchStory => lang.pick(
                "在产业链讲述与保存的视图之间切换",
                "Switch between the chain story and the saved views",
            ),
            DepthLess | DepthMore => lang.pick(
                "聚焦企业时显示几级上下游(1–6)",
                "How many levels around a focused firm (1–6)",
            ),
            ToggleImpact => lang.pick(
                "聚焦的企业迁出后哪些买方失去本地供应",
                "Who loses local supply if the focused firm leaves",
            ),
            ToggleSpotlight => {
                lang.pick("跟随鼠标的聚光灯", "A spotlight that follows the pointer")
            }
            ToggleFlow => lang.pick(
                "沿供应连线流动的动画(速度随金额)",
                "Animated flow along supply links (speed by value)",
            ),
            ToggleProjectorTheme => lang.pick("适应明亮或昏暗的会议室", "For bright or dark rooms"),
            LargerText | SmallerText | ResetText => lang.pick(
                "投影时调整文字和节点大小",
                "Text and node size on the projector",
            ),
            Reframe => lang.pick("镜头回到本步的视野", "The camera back to the step's view"),
            TogglePresentHelp => lang.pick("演示模式的全部按键", "Every key of presentation mode"),
            PresentEnclave => lang.pick(
                "显示或关闭本步(或所选)协议的飞地示意图;显示时 ← → 换年份",
                "Show or close the enclave diagram of the step's (or the chosen) agreement; ← → change its year",
            ),
            LeavePresentation => lang.pick(
                "回到编辑器,窗口和镜头恢复原样",
                "Back to the editor as it was",
            ),
            // Only presentation commands are sent here (see `tooltip`).
            _ => "",
        }
    }

    /// The tooltips of the reference-chain commands (issue 18), kept apart so `tooltip` stays
    /// one screen long.
    fn reference_tooltip(self, lang: Lang) -> &'static str {
        if self == AppCommand::NewFromTemplate {
            lang.pick(
                "从内置的参考产业链(全景图)新建项目:环节和产品已列好,只需添加本县企业",
                "Start a project from a built-in reference chain: stages and products laid out, the county's firms to add",
            )
        } else {
            lang.pick(
                "确认本项目的环节和产品与参考产业链如何对应;缺少的必需环节和产品列为缺口",
                "Confirm how the project's stages and products correspond to a reference chain; the required ones missing become gaps",
            )
        }
    }
}
