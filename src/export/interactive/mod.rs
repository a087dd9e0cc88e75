//! The interactive page (`--to html`, File → Export → 交互网页…): one self-contained HTML file
//! that works offline (a USB stick, a chat attachment). The map is drawn by the page's script
//! from data embedded as JSON; pan and zoom, a hover card, a firm's upstream and downstream,
//! search, the chain story, layer toggles, the summary and the ranked gaps.
//!
//! Names come from whoever made the project, so the data sits in a
//! `<script type="application/json">` with `<`, `>`, `&` and the two JavaScript line separators
//! escaped (no name can close the element), and the script writes every name as text. A
//! Content-Security-Policy forbids every fetch, so even a bug cannot reach the network.

mod data;
mod story;
mod strings;

use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::model::Project;
use std::borrow::Cow;

pub use data::{PageData, page_data};

const TEMPLATE: &str = include_str!("../../../assets/interactive/page.html");
const STYLE: &str = include_str!("../../../assets/interactive/page.css");
/// The script, in the order its parts depend on each other: the map, the panels, the wiring.
const SCRIPTS: [&str; 3] = [
    include_str!("../../../assets/interactive/map.js"),
    include_str!("../../../assets/interactive/panels.js"),
    include_str!("../../../assets/interactive/main.js"),
];

/// The page for `project` and its analysis, in `lang`.
pub fn page(project: &Project, analysis: &Analysis, lang: Lang) -> Result<String, String> {
    let project = placed(project);
    let data = page_data(&project, analysis, lang);
    let json = script_json(&data).map_err(|e| e.to_string())?;
    let title = if project.meta.name.is_empty() {
        lang.pick("产业链图", "Chain map").to_owned()
    } else {
        project.meta.name.clone()
    };
    // Strict mode and a block: the parts' functions stay out of the page's global scope.
    let script = format!("\"use strict\";\n{{\n{}\n}}", SCRIPTS.join("\n"));
    fill(
        TEMPLATE,
        &[
            ("lang", lang.pick("zh-CN", "en")),
            ("title", &super::picture::xml_escape(&title)),
            ("style", STYLE),
            ("data", &json),
            ("script", &script),
        ],
    )
}

/// The project with every node placed: nodes the layout never saw (an import not yet laid out)
/// go at the bottom of their lane, as the editor would put them.
fn placed(project: &Project) -> Cow<'_, Project> {
    if project.nodes.values().all(|n| n.position.is_some()) {
        return Cow::Borrowed(project);
    }
    let mut owned = project.clone();
    for (id, pos) in crate::layout::place_new(project) {
        if let Some(node) = owned.nodes.get_mut(&id) {
            node.position = Some(pos);
        }
    }
    Cow::Owned(owned)
}

/// `value` as JSON that can sit inside a `<script>` element: nothing in it can end the element
/// or start a comment, whatever the names say (`\u003c` is `<` to JSON.parse).
pub fn script_json(value: &impl serde::Serialize) -> Result<String, serde_json::Error> {
    let text = serde_json::to_string(value)?;
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The template with each `{{name}}` replaced, in one pass: what is put in is never read
/// again for placeholders (a project named "{{data}}" stays that).
fn fill(template: &str, values: &[(&str, &str)]) -> Result<String, String> {
    let extra: usize = values.iter().map(|(_, v)| v.len()).sum();
    let mut out = String::with_capacity(template.len() + extra);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| "page template: an unclosed {{".to_owned())?;
        let name = &after[..end];
        let value = values
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .ok_or_else(|| format!("page template: nothing for {{{{{name}}}}}"))?;
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn script_json_cannot_close_the_element() {
        let text = script_json(&"</script><!-- & \u{2028}\u{2029}").unwrap();
        assert_eq!(
            text,
            r#""\u003c/script\u003e\u003c!-- \u0026 \u2028\u2029""#
        );
        let back: String = serde_json::from_str(&text).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}\u{2029}");
    }

    #[test]
    fn filling_is_one_pass() {
        let page = fill("<a>{{x}}</a>{{y}}", &[("x", "{{y}}"), ("y", "2")]).unwrap();
        assert_eq!(page, "<a>{{y}}</a>2");
        assert!(fill("{{z}}", &[]).is_err());
    }

    #[test]
    fn the_assets_cannot_end_their_elements() {
        for script in SCRIPTS {
            assert!(!script.to_ascii_lowercase().contains("</script"));
            assert!(!script.contains("<!--"));
        }
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
    }
}
