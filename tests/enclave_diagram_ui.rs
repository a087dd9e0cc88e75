//! The enclave diagram (飞地示意图, issue 20) driven headless at 1366×768 in both languages: opened
//! from the Sharing tab on the 安康 sample, its parties, park and ribbons read by their
//! accessible labels, the year changed with ← / → and the year buttons, Esc closing it, nothing
//! edited; the 92号 and 消薄飞地 agreements of the enclave-cases sample; the diagram while
//! presenting (E); snapshots of the 安康 diagram in zh and en.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::ui::ChainmapApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;

type H = Harness<'static, ChainmapApp>;

fn app(sample: &str, lang: Lang) -> H {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(format!("{sample}.chainmap.json"));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(lang), None));
    h.run_steps(3);
    h.state_mut().ui.settings.show_analysis = true;
    h.run_steps(3);
    h.get_by_label(lang.pick("协议分成", "Sharing")).click();
    h.run_steps(3);
    h
}

/// The sample with the diagram opened from the Sharing tab's button.
fn diagram(sample: &str, lang: Lang) -> H {
    let mut h = app(sample, lang);
    h.get_by_label(lang.pick("飞地示意图", "Enclave diagram"))
        .click();
    h.run_steps(4);
    assert!(h.state().enclave.is_open());
    h
}

/// Opens the diagram's combo box named `combo` and picks `option` in its popup (the nearest
/// below it: the same name is also in the Sharing tab's list beneath the diagram).
fn choose(h: &mut H, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run_steps(3);
    let below = h
        .get_by_role_and_label(Role::ComboBox, combo)
        .rect()
        .left_bottom();
    let pick = h
        .query_all_by_role_and_label(Role::Button, option)
        .map(|n| n.rect())
        .filter(|r| r.top() >= below.y - 1.0)
        .min_by(|a, b| {
            let d = |r: &egui::Rect| r.left_top().distance(below);
            d(a).total_cmp(&d(b))
        })
        .unwrap_or_else(|| panic!("no option {option} in {combo}"));
    h.hover_at(pick.center());
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: pick.center(),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
    }
    h.run_steps(4);
}

fn key(h: &mut H, key: egui::Key, times: usize) {
    for _ in 0..times {
        h.key_press(key);
        h.run_steps(2);
    }
}

fn has(h: &H, label: &str) -> bool {
    // (A ribbon under the pointer is also named in its tooltip.)
    h.query_all_by_label(label).next().is_some()
}

fn assert_has(h: &H, labels: &[&str]) {
    for label in labels {
        assert!(has(h, label), "no “{label}” in the diagram");
    }
}

#[test]
fn the_ankang_enclave_drawn_in_chinese() {
    let mut h = diagram("ankang-enclave", Lang::Zh);
    // The latest year first: 2025.
    assert_eq!(h.state().enclave.year(), Some(2025));
    assert_has(
        &h,
        &[
            "飞出地 岚皋县",
            "飞入地 汉滨区",
            "托管方 安康高新技术产业开发区",
            "飞地园区 岚皋–汉滨飞地产业园",
            "在地统计 · 产值 → 汉滨区 25700.00 万元",
            "考核 · 增加值 → 岚皋县 5756.80 万元",
            "考核 · 增加值 → 汉滨区 2467.20 万元",
            "考核 · 重点项目 → 汉滨区 0.30 个",
            "企业收益 · 利润 → 安康高新技术产业开发区 60.00 万元",
        ],
    );
    // ← a year back: 2024's 7 : 3 split of 7552.
    key(&mut h, egui::Key::ArrowLeft, 1);
    assert_eq!(h.state().enclave.year(), Some(2024));
    assert_has(
        &h,
        &[
            "考核 · 增加值 → 岚皋县 5286.40 万元",
            "考核 · 增加值 → 汉滨区 2265.60 万元",
            "在地统计 · 产值 → 汉滨区 23600.00 万元",
        ],
    );
    assert!(!has(&h, "考核 · 增加值 → 岚皋县 5756.80 万元"));
    // Back to 2019 (and no further): the first five years all the source's.
    key(&mut h, egui::Key::ArrowLeft, 7);
    assert_eq!(h.state().enclave.year(), Some(2019));
    assert_has(&h, &["考核 · 增加值 → 岚皋县 1344.00 万元"]);
    assert!(!has(&h, "考核 · 增加值 → 汉滨区 0.00 万元"));
    assert!(h.query_all_by_label_contains("→ 汉滨区").count() == 1);
    // → forward again.
    key(&mut h, egui::Key::ArrowRight, 1);
    assert_eq!(h.state().enclave.year(), Some(2020));
    assert_has(&h, &["企业收益 · 利润 → 岚皋县 72.00 万元"]);
    // Esc closes it; nothing was edited, the selection stays as it was.
    key(&mut h, egui::Key::Escape, 1);
    assert!(!h.state().enclave.is_open());
    assert!(!has(&h, "考核 · 增加值 → 岚皋县 72.00 万元"));
    assert_eq!(h.state().doc.undo_depth(), 0);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn the_ankang_enclave_drawn_in_english() {
    let mut h = diagram("ankang-enclave", Lang::En);
    assert_has(
        &h,
        &[
            "Source 岚皋县",
            "Host 汉滨区",
            "Trustee 安康高新技术产业开发区",
            "Official statistics · Output → 汉滨区 25700.00 万元",
            "Assessment · Value added → 岚皋县 5756.80 万元",
            "Assessment · Key projects → 岚皋县 0.70 projects",
        ],
    );
    // The button steps back a year too.
    h.get_by_label("← Previous").click();
    h.run_steps(3);
    assert_eq!(h.state().enclave.year(), Some(2024));
    assert_has(&h, &["Assessment · Investment → 汉滨区 1371.00 万元"]);
    h.get_by_label("Close (Esc)").click();
    h.run_steps(3);
    assert!(!h.state().enclave.is_open());
    assert_eq!(h.state().doc.undo_depth(), 0);
}

#[test]
fn the_92_per_firm_and_the_village_group_agreements() {
    let mut h = app("enclave-cases", Lang::Zh);
    // The 消薄飞地 agreement on the Sharing tab, then its diagram.
    h.get_by_label("鄞衢消薄飞地收益分配").click();
    h.run_steps(3);
    h.get_by_label("飞地示意图").click();
    h.run_steps(4);
    assert_eq!(h.state().enclave.year(), Some(2026));
    assert_has(
        &h,
        &[
            "村集体 衢江区162个村集体(示意)",
            "企业收益 · 租金 → 衢江区162个村集体(示意) 561.60 万元",
            "企业收益 · 租金 → 鄞州区国有平台 239.20 万元",
        ],
    );
    // A fixed-return year: the operator pays the shortfall.
    key(&mut h, egui::Key::ArrowLeft, 6);
    assert_eq!(h.state().enclave.year(), Some(2020));
    assert_has(
        &h,
        &[
            "企业收益 · 租金 → 衢江区162个村集体(示意) 648.00 万元",
            "企业收益 · 租金 ← 园区开发运营方 付出 648.00 万元",
        ],
    );
    // The 92号 agreement from the diagram's own combo: per-firm rows summed, the basis named.
    choose(&mut h, "示意图的协议", "A区–B县税收分享协议(仿92号)");
    key(&mut h, egui::Key::ArrowLeft, 4);
    assert_eq!(h.state().enclave.year(), Some(2022));
    assert_has(
        &h,
        &[
            "飞地园区 协议范围内的企业",
            "财税分成 · 税收（地方留成） → 关中A区 918.00 万元",
            "财税分成 · 税收（地方留成） → 陕南B县 3228.00 万元",
            "在地统计 · 产值 → 陕南B县 120000.00 万元",
        ],
    );
    assert_eq!(h.state().doc.undo_depth(), 0);
}

#[test]
fn the_diagram_while_presenting() {
    let mut h = app("ankang-enclave", Lang::Zh);
    h.key_press(egui::Key::F5);
    h.run_steps(4);
    assert!(h.state().present.is_some());
    key(&mut h, egui::Key::E, 1);
    h.run_steps(2);
    assert_has(&h, &["考核 · 增加值 → 岚皋县 5756.80 万元"]);
    // ← steps the diagram's years, not the story.
    key(&mut h, egui::Key::ArrowLeft, 1);
    assert_has(&h, &["考核 · 增加值 → 岚皋县 5286.40 万元"]);
    assert_eq!(h.state().present.as_ref().unwrap().step, 0);
    // Esc closes the diagram first, then leaves the presentation.
    key(&mut h, egui::Key::Escape, 1);
    assert!(h.state().present.is_some());
    assert!(!has(&h, "考核 · 增加值 → 岚皋县 5286.40 万元"));
    key(&mut h, egui::Key::Escape, 1);
    assert!(h.state().present.is_none());
}

fn snapshot(lang: Lang, name: &str) {
    let mut h = diagram("ankang-enclave", lang);
    key(&mut h, egui::Key::ArrowLeft, 1);
    h.state_mut().ui.message = None;
    // The pointer off the diagram (no tooltip in the picture).
    h.hover_at(egui::pos2(1360.0, 760.0));
    h.run_steps(2);
    h.snapshot(name);
}

#[test]
fn ankang_diagram_snapshot_in_chinese() {
    snapshot(Lang::Zh, "enclave_diagram_ankang_zh");
}

#[test]
fn ankang_diagram_snapshot_in_english() {
    snapshot(Lang::En, "enclave_diagram_ankang_en");
}
