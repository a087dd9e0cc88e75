//! The keys of every command, per mode, and the one key handler that turns presses into
//! commands. A test checks that no two commands share a key in the same mode.

use super::AppCommand;
use egui::{Key, KeyboardShortcut, Modifiers};

/// Where the keyboard is: it decides which keys mean what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The editor, no text field has the keyboard.
    Editor,
    /// The editor while a text field has the keyboard: keys that edit text (letters, Delete,
    /// Ctrl+Z …) belong to the field.
    Typing,
    /// The workshop presentation: the editor's keys are off, nothing can change the project.
    Presenting,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Editor, Mode::Typing, Mode::Presenting];
}

const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

const fn k(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl AppCommand {
    /// The keys that give this command in `mode`; the first is the one menus show.
    pub fn keys(self, mode: Mode) -> &'static [KeyboardShortcut] {
        match mode {
            Mode::Presenting => self.presentation_keys(),
            Mode::Editor => self.editor_keys(),
            Mode::Typing if self.is_canvas_key() => &[],
            // Tab moves between a form's fields; F11 still works while typing.
            Mode::Typing if self == AppCommand::MapOnly => const { &[k(NONE, Key::F11)] },
            Mode::Typing => self.editor_keys(),
        }
    }

    /// The key menus show beside the command.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.editor_keys().first().copied()
    }

    fn editor_keys(self) -> &'static [KeyboardShortcut] {
        use AppCommand::*;
        match self {
            New => const { &[k(CMD, Key::N)] },
            NewFromTemplate => const { &[k(CMD_SHIFT, Key::N)] },
            Open => const { &[k(CMD, Key::O)] },
            Save => const { &[k(CMD, Key::S)] },
            SaveAs => const { &[k(CMD_SHIFT, Key::S)] },
            Import => const { &[k(CMD, Key::I)] },
            Quit => const { &[k(CMD, Key::Q)] },
            Undo => const { &[k(CMD, Key::Z)] },
            Redo => const { &[k(CMD_SHIFT, Key::Z), k(CMD, Key::Y)] },
            SelectAll => const { &[k(CMD, Key::A)] },
            Copy => const { &[k(CMD, Key::C)] },
            Paste => const { &[k(CMD, Key::V)] },
            Delete => const { &[k(NONE, Key::Delete), k(NONE, Key::Backspace)] },
            Deselect => const { &[k(NONE, Key::Escape)] },
            AddEnterprise => const { &[k(NONE, Key::E)] },
            LinkTool => const { &[k(NONE, Key::L)] },
            AutoLayout => const { &[k(CMD_SHIFT, Key::L)] },
            FitView => const { &[k(NONE, Key::F)] },
            ZoomIn => const { &[k(NONE, Key::Plus), k(NONE, Key::Equals)] },
            ZoomOut => const { &[k(NONE, Key::Minus)] },
            ToggleAnalysis => const { &[k(NONE, Key::F9)] },
            MapOnly => const { &[k(NONE, Key::Tab), k(NONE, Key::F11)] },
            ToggleTerritory => const { &[k(CMD, Key::T)] },
            Present => const { &[k(NONE, Key::F5)] },
            PresentViews => const { &[k(Modifiers::SHIFT, Key::F5)] },
            Palette => const { &[k(CMD, Key::K), k(CMD_SHIFT, Key::P)] },
            KeyHelp => const { &[k(NONE, Key::F1)] },
            _ => &[],
        }
    }

    fn presentation_keys(self) -> &'static [KeyboardShortcut] {
        use AppCommand::*;
        match self {
            NextStep => {
                const {
                    &[
                        k(NONE, Key::ArrowRight),
                        k(NONE, Key::PageDown),
                        k(NONE, Key::Space),
                        k(NONE, Key::ArrowDown),
                        k(NONE, Key::Enter),
                    ]
                }
            }
            PreviousStep => {
                const {
                    &[
                        k(NONE, Key::ArrowLeft),
                        k(NONE, Key::PageUp),
                        k(NONE, Key::ArrowUp),
                        k(NONE, Key::Backspace),
                    ]
                }
            }
            FirstStep => const { &[k(NONE, Key::Home)] },
            LastStep => const { &[k(NONE, Key::End)] },
            SwitchStory => const { &[k(NONE, Key::V)] },
            DepthLess => const { &[k(NONE, Key::OpenBracket)] },
            DepthMore => const { &[k(NONE, Key::CloseBracket)] },
            ToggleImpact => const { &[k(NONE, Key::I)] },
            ToggleSpotlight => const { &[k(NONE, Key::L)] },
            ToggleFlow => const { &[k(NONE, Key::A)] },
            ToggleProjectorTheme => const { &[k(NONE, Key::T)] },
            LargerText => const { &[k(CMD, Key::Plus), k(CMD, Key::Equals)] },
            SmallerText => const { &[k(CMD, Key::Minus)] },
            ResetText => const { &[k(CMD, Key::Num0)] },
            Reframe => const { &[k(NONE, Key::F)] },
            PresentEnclave => const { &[k(NONE, Key::E)] },
            TogglePresentHelp => {
                const {
                    &[
                        k(NONE, Key::H),
                        k(NONE, Key::F1),
                        k(NONE, Key::Questionmark),
                    ]
                }
            }
            LeavePresentation => const { &[k(NONE, Key::Escape), k(NONE, Key::F5)] },
            _ => &[],
        }
    }

    /// Keys that act on the canvas or the selection; while a text field has the keyboard they
    /// belong to the field (Delete deletes a character, Ctrl+Z undoes typing).
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
                | AddEnterprise
                | LinkTool
                | FitView
                | ZoomIn
                | ZoomOut
        )
    }
}

/// The commands whose keys were pressed this frame in `mode`, in the order pressed; their key
/// presses are consumed. egui matches keys "logically" (Ctrl+Shift+Z also matches Ctrl+Z), so
/// keys with more modifiers are tried first: Ctrl+Shift+Z redoes, Ctrl+Shift+S saves as.
pub fn pressed(ctx: &egui::Context, mode: Mode) -> Vec<AppCommand> {
    let mut shortcuts: Vec<(AppCommand, KeyboardShortcut)> = AppCommand::all()
        .into_iter()
        .flat_map(|c| c.keys(mode).iter().map(move |s| (c, *s)))
        .collect();
    let weight = |m: Modifiers| {
        [m.alt, m.shift, m.command || m.ctrl || m.mac_cmd]
            .iter()
            .filter(|b| **b)
            .count()
    };
    shortcuts.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s.modifiers)));
    let mut fired = Vec::new();
    ctx.input_mut(|input| {
        for (command, shortcut) in &shortcuts {
            if input.consume_shortcut(shortcut) {
                fired.push(*command);
            }
        }
    });
    fired
}

/// Every pair of commands that share a key in one mode (none, or the table is wrong).
pub fn clashes() -> Vec<(Mode, KeyboardShortcut, AppCommand, AppCommand)> {
    find_clashes(&AppCommand::all(), |c, m| c.keys(m))
}

fn find_clashes(
    commands: &[AppCommand],
    keys: impl Fn(AppCommand, Mode) -> &'static [KeyboardShortcut],
) -> Vec<(Mode, KeyboardShortcut, AppCommand, AppCommand)> {
    let mut found = Vec::new();
    for mode in Mode::ALL {
        let mut seen: Vec<(KeyboardShortcut, AppCommand)> = Vec::new();
        for &command in commands {
            for shortcut in keys(command, mode) {
                if let Some((_, other)) = seen.iter().find(|(s, _)| s == shortcut) {
                    found.push((mode, *shortcut, *other, command));
                } else {
                    seen.push((*shortcut, command));
                }
            }
        }
    }
    found
}

/// The keys of `command` in `mode` as text ("Ctrl+K / Ctrl+Shift+P").
pub fn keys_text(ctx: &egui::Context, command: AppCommand, mode: Mode) -> String {
    command
        .keys(mode)
        .iter()
        .map(|s| shortcut_text(ctx, s))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A key as people read it on the keyboard: arrows as →, brackets as [, Escape as Esc.
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let is_mac = ctx.os() == egui::os::OperatingSystem::Mac;
    let names = egui::ModifierNames::NAMES;
    let mut text = names.format(&shortcut.modifiers, is_mac);
    if !text.is_empty() {
        text += names.concat;
    }
    text += match shortcut.logical_key {
        Key::ArrowRight => "→",
        Key::ArrowLeft => "←",
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Escape => "Esc",
        Key::PageUp => "PgUp",
        Key::PageDown => "PgDn",
        Key::Delete => "Del",
        key @ (Key::Plus
        | Key::Equals
        | Key::Minus
        | Key::OpenBracket
        | Key::CloseBracket
        | Key::Questionmark) => key.symbol_or_name(),
        key => key.name(),
    };
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key_in_one_mode() {
        let clashes = clashes();
        assert!(clashes.is_empty(), "clashing shortcuts: {clashes:?}");
    }

    #[test]
    fn a_clash_is_found() {
        // The check must be able to fail: give the spotlight the link tool's L in the editor.
        let keys = |c: AppCommand, m: Mode| match (c, m) {
            (AppCommand::ToggleSpotlight, Mode::Editor) => AppCommand::LinkTool.keys(m),
            _ => c.keys(m),
        };
        let found = find_clashes(&AppCommand::all(), keys);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Mode::Editor);
        assert_eq!(found[0].1, k(NONE, Key::L));
        // The same key in two modes is fine: L is the link tool and, presenting, the spotlight.
        assert_eq!(
            AppCommand::LinkTool.keys(Mode::Editor),
            AppCommand::ToggleSpotlight.keys(Mode::Presenting)
        );
    }

    #[test]
    fn typing_leaves_text_keys_to_the_field() {
        assert!(AppCommand::Delete.keys(Mode::Typing).is_empty());
        assert!(AppCommand::Undo.keys(Mode::Typing).is_empty());
        assert_eq!(
            AppCommand::Save.keys(Mode::Typing),
            AppCommand::Save.keys(Mode::Editor)
        );
    }
}
