//! The 空间 tab (issue 20): the towns (class, 主体功能区, firms, output and share, location
//! quotients per segment, specialisation, whether the town fits its class, farmer linkage),
//! the concentration in parks (by level, by year) and the 主体功能区 warnings, each with its
//! rule and a 定位 button selecting the firm. All from `Analysis.territory`.

use super::locate_button;
use crate::analysis::territory::{SPECIALISED, TerritoryReport, TownReport};
use crate::analysis::{Analysis, percent};
use crate::i18n::Lang;
use crate::model::Segment;
use crate::ui::context::ViewCtx;
use crate::ui::state::{Queue, UiAction};
use crate::ui::territory::paint_thousands as thousands;
use crate::ui::theme;
use egui::RichText;

/// Draws the tab.
pub(super) fn territory_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, a: &Analysis, queue: &mut Queue) {
    let (t, lang) = (&a.territory, cx.lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.heading(lang)).strong());
        ui.weak(match lang {
            Lang::Zh => format!(
                "本地企业 {} 家,产值 {}(各镇区位熵 LQ ≥ {SPECIALISED} 为专业化)",
                t.firms.len(),
                thousands(t.output)
            ),
            Lang::En => format!(
                "{} local firms, output {} (a town's location quotient LQ ≥ {SPECIALISED} reads as specialised)",
                t.firms.len(),
                thousands(t.output)
            ),
        });
    });
    if t.towns.is_empty() {
        ui.weak(lang.pick(
            "没有镇级行政区:在区域节点的“级别”中选“镇”,并把企业登记到镇。",
            "No towns: give region nodes the level Town and register firms in them.",
        ));
    } else {
        towns_table(ui, t, lang, queue);
    }
    ui.add_space(8.0);
    ui.columns(2, |cols| {
        concentration_ui(&mut cols[0], t, lang);
        warnings_ui(&mut cols[1], cx, t, queue);
    });
}

fn towns_table(ui: &mut egui::Ui, t: &TerritoryReport, lang: Lang, queue: &mut Queue) {
    egui::Grid::new("territory-towns")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            let mut head = vec![
                lang.pick("镇", "Town"),
                lang.pick("类型", "Class"),
                lang.pick("主体功能区", "Zone"),
                lang.pick("企业", "Firms"),
                lang.pick("产值", "Output"),
                lang.pick("占全县", "Share"),
            ];
            let lq = |s: Segment| match lang {
                Lang::Zh => format!("区位熵·{}", s.label(lang)),
                Lang::En => format!("LQ {}", s.label(lang)),
            };
            let segments: Vec<String> = Segment::ALL.iter().map(|s| lq(*s)).collect();
            head.extend(segments.iter().map(String::as_str));
            head.extend([
                lang.pick("符合类型", "Fits class"),
                lang.pick("联农带农户数", "Farmers linked"),
            ]);
            for h in head {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for town in &t.towns {
                town_row(ui, town, lang, queue);
                ui.end_row();
            }
        });
}

fn town_row(ui: &mut egui::Ui, town: &TownReport, lang: Lang, queue: &mut Queue) {
    if ui
        .selectable_label(false, &town.name)
        .on_hover_text(lang.pick("选中这个镇", "Select this town"))
        .clicked()
    {
        queue.actions.push(UiAction::ShowNode(town.id.clone()));
    }
    let or_dash = |s: Option<&str>| s.unwrap_or("—").to_owned();
    ui.label(or_dash(town.class.map(|c| c.label(lang))));
    let mut zone = or_dash(town.zone.map(|z| z.label(lang)));
    if town.no_development {
        zone.push_str(lang.pick("(含禁止开发)", " (no-development)"));
    }
    ui.label(zone);
    ui.label(town.firms.len().to_string());
    ui.label(thousands(town.output));
    ui.label(percent(town.share));
    for segment in Segment::ALL {
        match town.segment_lq.get(&segment) {
            Some(v) if *v >= SPECIALISED => {
                ui.label(
                    RichText::new(format!("{v:.2}"))
                        .strong()
                        .color(theme::segment_strong(segment)),
                )
                .on_hover_text(lang.pick("专业化(LQ ≥ 1.5)", "Specialised (LQ ≥ 1.5)"));
            }
            Some(v) => {
                ui.label(format!("{v:.2}"));
            }
            None => {
                ui.weak("—");
            }
        }
    }
    match town.fits_class {
        Some(true) => ui.label(lang.pick("是", "yes")),
        Some(false) => ui.label(RichText::new(lang.pick("否", "no")).color(theme::WARNING)),
        None => ui.weak("—"),
    }
    .on_hover_text(match town.class_lq {
        Some(v) => format!(
            "{} {v:.2}",
            lang.pick("该类型对应用地环节的区位熵", "LQ of the class's land use:")
        ),
        None => lang
            .pick("无类型或无产值", "no class or no output")
            .to_owned(),
    });
    let villages = town.villages_linked.len();
    ui.label(match lang {
        Lang::Zh => format!(
            "{} 户 · {} 条链接 · {villages} 村",
            town.farmers_linked, town.farmer_links
        ),
        Lang::En => format!(
            "{} · {} links · {villages} villages",
            town.farmers_linked, town.farmer_links
        ),
    });
}

fn concentration_ui(ui: &mut egui::Ui, t: &TerritoryReport, lang: Lang) {
    let c = &t.concentration;
    ui.label(RichText::new(lang.pick("向核心平台集中(园区)", "Concentration in parks")).strong());
    ui.label(match lang {
        Lang::Zh => format!(
            "园区内产值占 {},企业占 {}",
            percent(c.park_output_share),
            percent(c.park_firm_share)
        ),
        Lang::En => format!(
            "Parks hold {} of output and {} of firms",
            percent(c.park_output_share),
            percent(c.park_firm_share)
        ),
    });
    egui::Grid::new("territory-levels")
        .striped(true)
        .show(ui, |ui| {
            for h in [
                lang.pick("园区级别", "Park level"),
                lang.pick("企业", "Firms"),
                lang.pick("产值占比", "Output share"),
                lang.pick("企业占比", "Firm share"),
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for level in &c.by_level {
                ui.label(
                    level
                        .level
                        .map_or(lang.pick("未定级", "no level"), |l| l.label(lang)),
                );
                ui.label(level.firms.to_string());
                ui.label(percent(level.output_share));
                ui.label(percent(level.firm_share));
                ui.end_row();
            }
        });
    if !c.by_year.is_empty() {
        ui.add_space(4.0);
        egui::Grid::new("territory-years")
            .striped(true)
            .show(ui, |ui| {
                for h in [
                    lang.pick("年份", "Year"),
                    lang.pick("园区产值", "Park output"),
                    lang.pick("产值占比", "Output share"),
                    lang.pick("园区企业", "Park firms"),
                ] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for year in &c.by_year {
                    ui.label(year.year.to_string());
                    ui.label(thousands(year.park_output));
                    ui.label(percent(year.park_output_share));
                    ui.label(format!("{}/{}", year.park_firms, year.firms));
                    ui.end_row();
                }
            });
    }
}

fn warnings_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, t: &TerritoryReport, queue: &mut Queue) {
    let lang = cx.lang;
    let title = match lang {
        Lang::Zh => format!("主体功能区提示({})", t.zone_warnings.len()),
        Lang::En => format!("Main functional zone warnings ({})", t.zone_warnings.len()),
    };
    ui.label(RichText::new(title).strong());
    if t.zone_warnings.is_empty() {
        ui.weak(lang.pick(
            "没有企业的环节与所在地的主体功能区冲突",
            "No firm's stage conflicts with its place's zone",
        ));
    }
    for warning in &t.zone_warnings {
        ui.horizontal(|ui| {
            let located = locate_button(ui, lang);
            let name = cx.project().node_name(&warning.node);
            let row = ui
                .selectable_label(false, RichText::new(name).color(theme::WARNING))
                .on_hover_text(warning.message(lang).to_owned());
            ui.weak(warning.rule.label(lang));
            if located || row.clicked() {
                queue.actions.push(UiAction::ShowNode(warning.node.clone()));
            }
        });
    }
}
