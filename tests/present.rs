//! Workshop presentation mode and saved views, driven headless with egui_kittest as a
//! facilitator drives them: F5, the arrow keys a clicker sends, clicks on firms, Esc.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{Colouring, NodeId, ViewId};
use chainmap::ui::ChainmapApp;
use chainmap::ui::command::{AppCommand, Mode, keys::keys_text};
use chainmap::ui::present::{MAX_DEPTH, Presentation, Story, neighbourhood};
use chainmap::ui::state::Camera;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::BTreeSet;

fn harness(lang: Lang) -> Harness<'static, ChainmapApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, None, Some(lang), None));
    harness.run_steps(3);
    harness
}

fn press(harness: &mut Harness<'static, ChainmapApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

/// The stages in lane order, as the chain story walks them.
fn lane_stages(app: &ChainmapApp) -> Vec<chainmap::model::StageId> {
    chainmap::ui::canvas::lanes(&app.doc.project, Lang::Zh)
        .into_iter()
        .map(|l| l.stage)
        .collect()
}

fn lit(app: &ChainmapApp) -> BTreeSet<NodeId> {
    app.ui
        .highlight
        .as_ref()
        .map(|h| h.nodes.clone())
        .unwrap_or_default()
}

/// Presses `key` in a frame of its own and tells whether that frame asked the window to enter
/// (or leave) fullscreen.
fn key_asks_fullscreen(harness: &mut Harness<'static, ChainmapApp>, key: Key, on: bool) -> bool {
    for pressed in [true, false] {
        harness.input_mut().events.push(egui::Event::Key {
            key,
            pressed,
            modifiers: Default::default(),
            repeat: false,
            physical_key: None,
        });
    }
    harness.step();
    harness
        .output()
        .viewport_output
        .values()
        .flat_map(|v| &v.commands)
        .any(|c| *c == egui::ViewportCommand::Fullscreen(on))
}

#[test]
fn f5_enters_and_esc_leaves_with_panels_and_view_restored() {
    let mut harness = harness(Lang::Zh);
    harness.get_by_label("大纲");
    harness.get_by_label("菌种公司A").click();
    harness.run_steps(2);
    let camera = harness.state().ui.camera;
    let selection = harness.state().ui.selection.clone();
    assert!(!selection.is_empty());

    assert!(
        key_asks_fullscreen(&mut harness, Key::F5, true),
        "F5 goes fullscreen"
    );
    harness.run_steps(2);
    assert!(harness.state().present.is_some());
    // Menus and panels are gone; the subtitle shows the step and the project.
    assert!(harness.query_by_label("大纲").is_none());
    assert!(harness.query_by_label("文件").is_none());
    assert!(harness.query_by_label("搜索").is_none());
    let steps = lane_stages(harness.state()).len() + 1;
    harness.get_by_label(&format!("1 / {steps}"));
    harness.get_by_label("柞水木耳产业链图谱(示例)");
    // The graph is still there, read-only, and nothing is selected while presenting.
    harness.get_by_label("菌种公司A");
    assert!(harness.state().ui.selection.is_empty());

    press(&mut harness, Key::ArrowRight);
    assert!(
        key_asks_fullscreen(&mut harness, Key::Escape, false),
        "Esc gives the window back"
    );
    harness.run_steps(2);
    assert!(harness.state().present.is_none());
    harness.get_by_label("大纲");
    harness.get_by_label("文件");
    let app = harness.state();
    assert_eq!(app.ui.camera, camera, "the camera is put back");
    assert_eq!(app.ui.selection, selection, "the selection is put back");
    assert!(app.ui.highlight.is_none(), "the story's highlight is gone");
}

#[test]
fn stepping_lights_the_chain_stage_by_stage() {
    let mut harness = harness(Lang::En);
    press(&mut harness, Key::F5);
    let stages = lane_stages(harness.state());
    let count = stages.len() + 1;
    // Step 1 is the overview: nothing faded.
    assert!(harness.state().ui.highlight.is_none());

    let mut before: BTreeSet<NodeId> = BTreeSet::new();
    for (i, stage) in stages.iter().enumerate().take(4) {
        // What a presentation clicker sends: → and PageDown.
        press(
            &mut harness,
            if i % 2 == 0 {
                Key::ArrowRight
            } else {
                Key::PageDown
            },
        );
        harness.get_by_label(&format!("{} / {count}", i + 2));
        let app = harness.state();
        let now = lit(app);
        let h = app.ui.highlight.as_ref().unwrap();
        for node in app.doc.project.nodes.values() {
            if node.stages.contains(stage) {
                assert!(now.contains(&node.id), "{} lit at its stage", node.name);
            }
            let later = !node.stages.is_empty()
                && node
                    .stages
                    .iter()
                    .all(|s| stages[i + 1..].contains(s) || !stages.contains(s));
            if later {
                assert!(!now.contains(&node.id), "{} lit too early", node.name);
            }
        }
        assert!(before.is_subset(&now), "earlier stages stay lit");
        assert_eq!(
            h.dim_stages.len(),
            stages.len() - i - 1,
            "later ones dimmed"
        );
        assert!(h.stages.contains(stage));
        // The accented links are the supply into this stage.
        for id in &h.links {
            let link = &app.doc.project.links[id];
            assert!(app.doc.project.nodes[&link.to].stages.contains(stage));
        }
        before = now;
    }
    press(&mut harness, Key::PageUp);
    harness.get_by_label(&format!("4 / {count}"));
    press(&mut harness, Key::End);
    harness.get_by_label(&format!("{count} / {count}"));
    let app = harness.state();
    let h = app.ui.highlight.as_ref().unwrap();
    assert!(h.dim_stages.is_empty());
    assert!(
        app.doc
            .project
            .nodes
            .values()
            .filter(|n| !n.stages.is_empty())
            .all(|n| h.nodes.contains(&n.id)),
        "the last step has the whole chain lit"
    );
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label(&format!("{count} / {count}"));
    press(&mut harness, Key::Home);
    harness.get_by_label(&format!("1 / {count}"));
    assert!(harness.state().ui.highlight.is_none());
}

#[test]
fn nothing_can_be_edited_while_presenting() {
    let mut harness = harness(Lang::Zh);
    press(&mut harness, Key::F5);
    press(&mut harness, Key::End);
    let project = harness.state().doc.project.clone();
    let revision = harness.state().doc.revision();

    // Click a firm (focus, not selection), then every editing key there is.
    harness.get_by_label("菌包工厂A").click();
    harness.run_steps(2);
    for key in [Key::Delete, Key::Backspace] {
        press(&mut harness, key);
    }
    for key in [Key::Z, Key::A, Key::V, Key::C, Key::Y] {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
        harness.run_steps(2);
    }
    // Drag a firm across the canvas.
    let from = harness.get_by_label("菌种公司A").rect().center();
    harness.drag_at(from);
    harness.run_steps(1);
    harness.hover_at(from + egui::vec2(160.0, 90.0));
    harness.run_steps(1);
    harness.drop_at(from + egui::vec2(160.0, 90.0));
    harness.run_steps(2);
    // Double-click empty space (which adds a node in the editor).
    let canvas = harness.get_by_role_and_label(Role::Canvas, "画布").rect();
    let spot = egui::pos2(canvas.left() + 20.0, canvas.top() + 20.0);
    harness.hover_at(spot);
    harness.run_steps(1);
    for (pressed, time) in [(true, 20.0), (false, 20.05), (true, 20.1), (false, 20.15)] {
        harness.input_mut().time = Some(time);
        harness.event(egui::Event::PointerButton {
            pos: spot,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert!(
        harness.query_by_label("添加节点").is_none(),
        "no kind picker"
    );
    let app = harness.state();
    assert!(app.present.is_some());
    assert_eq!(app.doc.revision(), revision);
    assert_eq!(app.doc.project, project);
    assert!(app.doc.undo_label(Lang::Zh).is_none());
}

#[test]
fn clicking_a_firm_focuses_its_upstream_and_downstream() {
    let mut harness = harness(Lang::En);
    press(&mut harness, Key::F5);
    let id = NodeId::from("E05");
    let name = harness.state().doc.project.nodes[&id].name.clone();
    harness.get_by_label(&name).click();
    harness.run_steps(2);
    let project = harness.state().doc.project.clone();
    let expect = |depth: usize| neighbourhood(&project, &id, depth).nodes(&id);
    assert_eq!(
        harness.state().present.as_ref().unwrap().focus,
        Some(id.clone())
    );
    assert_eq!(lit(harness.state()), expect(1));
    harness.get_by_label(&format!("{name} · 1 step(s) up and down"));

    press(&mut harness, Key::CloseBracket);
    assert_eq!(lit(harness.state()), expect(2));
    assert!(expect(2).len() > expect(1).len(), "depth 2 reaches further");
    for _ in 0..10 {
        press(&mut harness, Key::CloseBracket);
    }
    assert_eq!(harness.state().present.as_ref().unwrap().depth, MAX_DEPTH);
    for _ in 0..10 {
        press(&mut harness, Key::OpenBracket);
    }
    assert_eq!(harness.state().present.as_ref().unwrap().depth, 1);

    // I: what breaks if it leaves (E05's buyers lose their only local supplier).
    press(&mut harness, Key::I);
    let h = harness.state().ui.highlight.clone().unwrap();
    let impact = chainmap::analysis::impact::impact(&project, &id).unwrap();
    assert_eq!(
        h.danger,
        impact
            .buyers_cut_off
            .iter()
            .cloned()
            .collect::<BTreeSet<_>>()
    );
    assert!(!h.danger.is_empty());
    harness.get_by_label(&format!("{name} · if it leaves"));

    // L and A toggle the spotlight and the flow; T the dark theme.
    press(&mut harness, Key::L);
    press(&mut harness, Key::A);
    press(&mut harness, Key::T);
    {
        let p = harness.state().present.as_ref().unwrap();
        assert!(p.spotlight && p.flow);
        assert!(p.look.is_dark());
    }
    // Ctrl + makes text and nodes larger, Ctrl 0 resets.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    harness.run_steps(2);
    assert!(harness.state().present.as_ref().unwrap().scale > 1.1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num0);
    harness.run_steps(2);
    assert_eq!(harness.state().present.as_ref().unwrap().scale, 1.0);

    // Clicking empty space goes back to the step.
    let canvas = harness.get_by_role_and_label(Role::Canvas, "canvas").rect();
    let spot = egui::pos2(canvas.left() + 15.0, canvas.top() + 15.0);
    harness.hover_at(spot);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: spot,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
        harness.run_steps(1);
    }
    harness.run_steps(1);
    assert!(harness.state().present.as_ref().unwrap().focus.is_none());
    assert!(harness.state().ui.highlight.is_none(), "the overview again");
}

#[test]
fn camera_glides_between_steps_unless_motion_is_reduced() {
    for reduce in [false, true] {
        let mut harness = harness(Lang::En);
        if reduce {
            // The setting lives in the View menu (and is remembered with the others).
            harness.get_by_label("View").click();
            harness.run_steps(3);
            harness.get_by_label("Reduce Motion").click();
            harness.run_steps(2);
        }
        assert_eq!(harness.state().ui.settings.reduce_motion, reduce);
        press(&mut harness, Key::F5);
        harness.run_steps(30);
        harness.key_press(Key::ArrowRight);
        harness.run_steps(1);
        let early = harness.state().ui.camera;
        harness.run_steps(60);
        let settled = harness.state().ui.camera;
        if reduce {
            assert_eq!(early, settled, "jumps straight there");
        } else {
            assert_ne!(early, settled, "still on its way after one frame");
        }
        // A toggle that animates is refused when motion is reduced.
        press(&mut harness, Key::A);
        assert_eq!(harness.state().present.as_ref().unwrap().flow, !reduce);
    }
}

#[test]
fn a_saved_view_survives_save_and_reload_and_plays_as_a_slide() {
    let mut harness = harness(Lang::En);
    // The sample comes with two views (no camera of their own).
    assert_eq!(harness.state().doc.project.views.len(), 2);
    harness.get_by_label("Views").click();
    harness.run_steps(2);
    harness.get_by_label("Save current view").click();
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.views.len(), 3);
    assert_eq!(
        harness.state().doc.undo_label(Lang::En),
        Some("save view \"View 3\"")
    );
    // Rename it and give it a caption.
    harness.get_by_label("View name").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("View name")
        .type_text("菌包 bottleneck");
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    harness
        .get_by_label("Caption (the subtitle when presenting)")
        .click();
    harness.run_steps(1);
    harness
        .get_by_label("Caption (the subtitle when presenting)")
        .type_text("两家工厂供应全县");
    harness.run_steps(1);
    // Moving to another field commits the caption.
    harness.get_by_label("View name").click();
    harness.run_steps(2);
    // Another view, coloured by segment.
    harness.state_mut().ui.colouring = Colouring::Segment;
    harness.get_by_label("Save current view").click();
    harness.run_steps(2);
    let views = harness.state().doc.project.views.clone();
    assert_eq!(views.len(), 4);
    let by_name = |name: &str| views.values().find(|v| v.name == name).unwrap().clone();
    let renamed = by_name("菌包 bottleneck");
    assert_eq!(renamed.caption, "两家工厂供应全县");
    assert_eq!(renamed.order, 3);
    let camera = renamed.camera.expect("the camera is kept");
    assert!(camera.width > 0.0 && camera.height > 0.0);
    assert_eq!(by_name("View 4").colouring, Colouring::Segment);
    // Reorder: the last moves up, one step to undo.
    harness.get_all_by_label("↑").last().unwrap().click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().doc.undo_label(Lang::En),
        Some("reorder views")
    );
    let reordered = harness.state().doc.project.views.clone();
    assert_eq!(reordered[&renamed.id].order, 4);

    // Save, open something else, open it again: the views are in the file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("with-views.chainmap.json");
    harness.state_mut().doc.save(Some(&path)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("菌包 bottleneck") && text.contains("两家工厂供应全县"));
    harness
        .state_mut()
        .open_path(chainmap_sample("meixian-kiwi.chainmap.json"));
    harness.run_steps(2);
    assert!(harness.state().doc.project.views.is_empty());
    harness.state_mut().open_path(path.clone());
    harness.run_steps(2);
    assert_eq!(harness.state().doc.project.views, reordered);

    // Shift+F5 plays them in their order, each caption as the subtitle.
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::F5);
    harness.run_steps(3);
    assert_eq!(
        harness.state().present.as_ref().unwrap().story,
        Story::Views
    );
    harness.get_by_label("1 / 4");
    harness.get_by_label("柞水木耳:从菌种到文旅的 14 个环节");
    press(&mut harness, Key::ArrowRight);
    harness.get_by_label("链主企业");
    assert_eq!(harness.state().ui.colouring, Colouring::Segment);
    assert_eq!(lit(harness.state()).len(), 4);
    press(&mut harness, Key::End);
    harness.get_by_label("4 / 4");
    harness.get_by_label("菌包 bottleneck");
    harness.get_by_label("两家工厂供应全县");
    assert_eq!(harness.state().ui.colouring, Colouring::Kind);
    // V switches to the chain story.
    press(&mut harness, Key::V);
    assert_eq!(
        harness.state().present.as_ref().unwrap().story,
        Story::Chain
    );
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().ui.colouring, Colouring::Segment, "put back");
}

#[test]
fn a_view_can_show_an_agreement_split_beside_the_graph() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| {
            ChainmapApp::new(
                cc,
                Some(chainmap_sample("ankang-enclave.chainmap.json")),
                Some(Lang::En),
            )
        });
    harness.run_steps(3);
    harness.get_by_label("Views").click();
    harness.run_steps(2);
    harness.get_by_label("Save current view").click();
    harness.run_steps(2);
    let agreement = harness
        .state()
        .doc
        .project
        .agreements
        .values()
        .next()
        .unwrap()
        .clone();
    harness
        .get_by_label("Show an agreement's split beside it")
        .click();
    harness.run_steps(4);
    harness.get_by_label(&agreement.name).click();
    harness.run_steps(2);
    let view = &harness.state().doc.project.views[&ViewId::from("v2")];
    assert_eq!(view.agreement.as_ref(), Some(&agreement.id));
    assert_eq!(
        harness.state().doc.undo_label(Lang::En),
        Some("edit view \"View 2\"")
    );
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::F5);
    harness.run_steps(4);
    // The sample's own view first: no chart beside it.
    harness.get_by_label("1 / 2");
    assert!(harness.query_by_label(&agreement.name).is_none());
    press(&mut harness, Key::ArrowRight);
    harness.run_steps(2);
    // Then the chart's panel: the agreement's name as its heading, and the plot's legend.
    harness.get_by_label("2 / 2");
    harness.get_by_label(&agreement.name);
}

fn chainmap_sample(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join(name)
}

#[test]
fn the_chain_story_keeps_the_editors_filter() {
    let mut harness = harness(Lang::En);
    let filter = chainmap::model::ViewFilter {
        kinds: vec![chainmap::model::NodeKind::Cooperative],
        ..Default::default()
    };
    harness.state_mut().ui.filter = filter.clone();
    harness.run_steps(2);
    assert!(
        harness.query_by_label("菌包工厂A").is_none(),
        "filtered out"
    );
    press(&mut harness, Key::F5);
    press(&mut harness, Key::ArrowRight);
    assert_eq!(harness.state().ui.filter, filter);
    assert!(harness.query_by_label("菌包工厂A").is_none());
    harness.get_by_label("木耳专业合作社1");
    press(&mut harness, Key::Escape);
    assert_eq!(harness.state().ui.filter, filter);
    // In the editor a banner says nodes are hidden, and clears the filter.
    harness.run_steps(2);
    harness.get_by_label("Filtered: 8 of 50 nodes shown");
    harness.get_by_label("Clear filter").click();
    harness.run_steps(2);
    assert!(harness.state().ui.filter.is_empty());
    harness.get_by_label("菌包工厂A");
}

/// What a presentation key can change, to compare before and after a press.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    present: bool,
    story: Story,
    step: usize,
    depth: usize,
    /// Per mille, so float steps compare exactly.
    scale: i32,
    focus: Option<NodeId>,
    impact: bool,
    spotlight: bool,
    flow: bool,
    dark: bool,
    help: bool,
    /// The enclave diagram shown (E).
    enclave: bool,
}

fn seen(app: &ChainmapApp) -> Seen {
    let p = app.present.as_ref();
    Seen {
        present: p.is_some(),
        story: p.map_or(Story::Chain, |p| p.story),
        step: p.map_or(0, |p| p.step),
        depth: p.map_or(0, |p| p.depth),
        scale: p.map_or(0, |p| (p.scale * 1000.0).round() as i32),
        focus: p.and_then(|p| p.focus.clone()),
        impact: p.is_some_and(|p| p.impact),
        spotlight: p.is_some_and(|p| p.spotlight),
        flow: p.is_some_and(|p| p.flow),
        dark: p.is_some_and(|p| p.look.is_dark()),
        help: p.is_some_and(|p| p.help),
        enclave: p.is_some_and(|p| p.enclave.is_open()),
    }
}

fn presentation<'h>(harness: &'h mut Harness<'static, ChainmapApp>) -> &'h mut Presentation {
    harness.state_mut().present.as_mut().unwrap()
}

/// Each presentation command has a key, and every one of its keys, pressed as a clicker or a
/// keyboard sends it, changes the presentation as the command says.
#[test]
fn every_presentation_key_does_what_its_command_says() {
    for command in AppCommand::PRESENTATION {
        assert!(
            !command.keys(Mode::Presenting).is_empty(),
            "{command:?} has no key while presenting"
        );
    }
    let mut harness = harness(Lang::En);
    let count = lane_stages(harness.state()).len() + 1;
    assert!(count > 4, "room to step both ways");
    let focus = NodeId::from("E05");
    let away = Camera {
        offset: egui::vec2(-4000.0, -3000.0),
        zoom: 0.3,
    };
    for command in AppCommand::PRESENTATION {
        for shortcut in command.keys(Mode::Presenting) {
            let name = format!("{command:?} by {}", harness.ctx.format_shortcut(shortcut));
            if harness.state().present.is_none() {
                press(&mut harness, Key::F5);
            }
            // The same start for every key: step 3 of the chain, a firm focused two links deep,
            // every toggle off; text at 200 % for the reset.
            let p = presentation(&mut harness);
            p.switch_story(Story::Chain);
            p.go_to(2, count);
            p.focus = Some(focus.clone());
            p.depth = 3;
            p.impact = false;
            p.spotlight = false;
            p.flow = false;
            p.help = false;
            p.enclave.close();
            if p.look.is_dark() {
                p.run(AppCommand::ToggleProjectorTheme, count, false);
            }
            let scale = if command == AppCommand::ResetText {
                2.0
            } else {
                1.0
            };
            p.scale = scale;
            if command == AppCommand::Reframe {
                p.run(AppCommand::Reframe, count, false);
            }
            harness.run_steps(40);
            let framed = harness.state().ui.camera;
            if command == AppCommand::Reframe {
                harness.state_mut().ui.camera = away;
                harness.run_steps(2);
                assert_eq!(harness.state().ui.camera, away, "nothing moves it unasked");
            }

            let before = seen(harness.state());
            harness.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
            harness.run_steps(2);
            let after = seen(harness.state());

            let same = before.clone();
            let stepped = |step: usize| Seen {
                step,
                focus: None,
                ..before.clone()
            };
            let scaled = |by: f32| (scale * by * 1000.0).round() as i32;
            use AppCommand::*;
            let want = match command {
                NextStep => stepped(3),
                PreviousStep => stepped(1),
                FirstStep => stepped(0),
                LastStep => stepped(count - 1),
                SwitchStory => Seen {
                    story: Story::Views,
                    ..stepped(0)
                },
                DepthLess => Seen { depth: 2, ..same },
                DepthMore => Seen { depth: 4, ..same },
                ToggleImpact => Seen {
                    impact: true,
                    ..same
                },
                ToggleSpotlight => Seen {
                    spotlight: true,
                    ..same
                },
                ToggleFlow => Seen { flow: true, ..same },
                ToggleProjectorTheme => Seen { dark: true, ..same },
                LargerText => Seen {
                    scale: scaled(1.15),
                    ..same
                },
                SmallerText => Seen {
                    scale: scaled(1.0 / 1.15),
                    ..same
                },
                ResetText => Seen {
                    scale: 1000,
                    ..same
                },
                TogglePresentHelp => Seen { help: true, ..same },
                PresentEnclave => Seen {
                    enclave: true,
                    ..same
                },
                LeavePresentation => seen_outside(),
                // The camera, checked below.
                Reframe => same,
                other => panic!("{other:?} is not a presentation command"),
            };
            assert_eq!(after, want, "{name}");
            if command == AppCommand::Reframe {
                harness.run_steps(40);
                let camera = harness.state().ui.camera;
                assert!(
                    (camera.zoom - framed.zoom).abs() < 1e-4
                        && (camera.offset - framed.offset).length() < 0.1,
                    "{name}: back to the step's view {framed:?}, not {camera:?}"
                );
            }
        }
    }
}

/// What `seen` reads with no presentation running.
fn seen_outside() -> Seen {
    Seen {
        present: false,
        story: Story::Chain,
        step: 0,
        depth: 0,
        scale: 0,
        focus: None,
        impact: false,
        spotlight: false,
        flow: false,
        dark: false,
        help: false,
        enclave: false,
    }
}

/// H lays the keys over the graph, generated from the command table: each command's label and
/// its keys, then the mouse; H again takes it away.
#[test]
fn the_help_lists_every_presentation_command_with_its_keys() {
    for lang in [Lang::En, Lang::Zh] {
        let mut harness = harness(lang);
        press(&mut harness, Key::F5);
        // A row reads "label", or "label (state)" for a toggle, a depth or a size.
        let shown = |harness: &Harness<'static, ChainmapApp>, label: &str| {
            let with_state = format!("{label} (");
            harness
                .query_all_by(|n| {
                    n.value()
                        .or_else(|| n.label())
                        .is_some_and(|t| t == label || t.starts_with(&with_state))
                })
                .next()
                .is_some()
        };
        for command in AppCommand::PRESENTATION {
            assert!(
                !shown(&harness, &command.label(lang)),
                "{command:?} before H"
            );
        }
        press(&mut harness, Key::H);
        harness.get_by_label(lang.pick("演示模式按键", "Presentation keys"));
        for command in AppCommand::PRESENTATION {
            let label = command.label(lang);
            assert!(shown(&harness, &label), "{lang:?}: {label} in the help");
            harness.get_by_label(&keys_text(&harness.ctx, command, Mode::Presenting));
        }
        harness.get_by_label(lang.pick("点击企业", "Click a firm"));
        press(&mut harness, Key::H);
        assert!(
            harness
                .query_by_label(lang.pick("演示模式按键", "Presentation keys"))
                .is_none()
        );
    }
}

#[test]
fn escape_closes_the_key_help_before_leaving() {
    let mut harness = harness(Lang::En);
    press(&mut harness, Key::F5);
    press(&mut harness, Key::H);
    assert!(harness.state().present.as_ref().unwrap().help);
    press(&mut harness, Key::Escape);
    let app = harness.state();
    assert!(app.present.is_some(), "still presenting");
    assert!(!app.present.as_ref().unwrap().help, "the help is closed");
    press(&mut harness, Key::Escape);
    assert!(harness.state().present.is_none(), "the second Esc leaves");
}
