//! The ghost beads of the reference chain (全景图 vs 现状), driven headless with egui_kittest:
//! after View → Compare with Reference Chain… → OK on the 柞水 sample, the required products the
//! county lacks show on the canvas as dashed beads (each a hover widget labelled with what is
//! missing), View → Reference Chain Gaps hides and shows them, and they change no measure.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::ui::ChainmapApp;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type H = Harness<'static, ChainmapApp>;

fn editor(lang: Lang) -> H {
    chainmap::ui::force_in_app_file_browser();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    harness
}

/// Opens `menu` and clicks its entry that reads `item` (the leftmost: menus open at the left).
fn menu(h: &mut H, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run_steps(3);
    let entry = h
        .get_all_by_label_contains(item)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap_or_else(|| panic!("no {item} in {menu}"));
    entry.click();
    h.run_steps(4);
}

/// The labels of the ghost beads on the canvas.
fn ghosts(h: &H, prefix: &str) -> Vec<String> {
    let mut labels: Vec<String> = h
        .query_all_by_label_contains(prefix)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with(prefix))
        .collect();
    labels.sort();
    labels
}

/// The measures the ghosts must leave alone: completeness, the local supporting rate, the
/// stages' reports and every node's network figures, as text to compare.
fn measures(h: &H) -> String {
    let a = h.state().analysis().expect("analysed");
    format!(
        "{:?} {:?} {:?} {:?} {:?}",
        a.completeness, a.local_supporting_rate, a.stages, a.nodes, a.leaders
    )
}

fn compare_and_confirm(h: &mut H, lang: Lang) {
    menu(
        h,
        lang.pick("视图", "View"),
        lang.pick("对照参考产业链…", "Compare with Reference Chain…"),
    );
    h.get_by_label(lang.pick("确定", "OK")).click();
    h.run_steps(4);
}

#[test]
fn a_saved_matching_shows_the_missing_products_as_ghosts_the_view_menu_hides_them() {
    for (lang, prefix, view, toggle) in [
        (Lang::Zh, "全景图:", "视图", "全景图缺口(参考产业链)"),
        (
            Lang::En,
            "Reference chain: ",
            "View",
            "Reference Chain Gaps",
        ),
    ] {
        let mut h = editor(lang);
        assert!(ghosts(&h, prefix).is_empty(), "no matching saved yet");
        let before = measures(&h);
        compare_and_confirm(&mut h, lang);
        assert_eq!(h.state().doc.project.references.len(), 1);
        let shown = ghosts(&h, prefix);
        // The 柞水 sample lacks, of the edible-fungi chain's required products, 原种, 麸皮 and
        // 栽培袋 (no project product matched), 灭菌设备 (only an outside firm makes it) and
        // 商品菇; every stage is matched, so no ghost lane.
        for missing in ["原种", "麸皮", "栽培袋", "灭菌设备", "商品菇"] {
            assert!(
                shown.iter().any(|l| l.contains(&format!("“{missing}”"))
                    || l.contains(&format!("\"{missing}\""))),
                "{missing} in {shown:?}"
            );
        }
        assert_eq!(shown.len(), 5, "{shown:?}");
        assert_eq!(measures(&h), before, "ghosts count in no measure");

        menu(&mut h, view, toggle);
        assert!(ghosts(&h, prefix).is_empty(), "hidden from the View menu");
        assert!(!h.state().ui.settings.show_reference);
        menu(&mut h, view, toggle);
        assert_eq!(ghosts(&h, prefix), shown, "and back");
    }
}
