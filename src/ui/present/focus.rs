//! The focused firm's view: a click on a firm lights its upstream and downstream to a chosen
//! depth, or (I) what breaks if it leaves, with a subtitle saying so. The graph walks are the
//! analysis's (`analysis::neighbourhood`); this turns their id sets into a canvas `Highlight`
//! and words, once per change rather than every frame.

use crate::analysis::impact::{Impact, impact};
use crate::analysis::neighbourhood::{Neighbourhood, Reach, impact_reach, neighbourhood};
use crate::document::Document;
use crate::i18n::{Lang, amount_text, count_en};
use crate::model::{NodeId, Project};
use crate::ui::state::Highlight;

/// What is focused: the firm, how far its neighbourhood reaches, and whether its impact is shown
/// instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Focus {
    pub node: NodeId,
    pub depth: usize,
    pub impact: bool,
}

/// What a focus lights, and its subtitle (title, caption).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FocusView {
    pub highlight: Highlight,
    pub subtitle: (String, String),
}

/// The focus's view, worked out again only when the focus, its depth, the impact toggle, the
/// language or the project changes.
#[derive(Debug, Default)]
pub(super) struct FocusCache {
    /// (document id, revision, focus, language) and its view.
    cached: Option<((u64, u64, Focus, Lang), FocusView)>,
}

impl FocusCache {
    /// The view of `focus`; none without a focus.
    pub(super) fn get(
        &mut self,
        doc: &Document,
        focus: Option<Focus>,
        lang: Lang,
    ) -> Option<&FocusView> {
        let key = (doc.id(), doc.revision(), focus?, lang);
        if self.cached.as_ref().map(|(k, _)| k) != Some(&key) {
            let view = focus_view(&doc.project, &key.2, lang);
            self.cached = Some((key, view));
        }
        self.cached.as_ref().map(|(_, view)| view)
    }
}

fn focus_view(project: &Project, focus: &Focus, lang: Lang) -> FocusView {
    let node = &focus.node;
    let name = project.node_name(node);
    if focus.impact {
        let i = impact(project, node);
        let highlight = i
            .as_ref()
            .map(|i| reach_highlight(impact_reach(project, i)))
            .unwrap_or_default();
        let title = match lang {
            Lang::Zh => format!("{name} · 迁出影响"),
            Lang::En => format!("{name} · if it leaves"),
        };
        let caption = impact_caption(project, i.as_ref(), lang);
        return FocusView {
            highlight,
            subtitle: (title, caption),
        };
    }
    let n = neighbourhood(project, node, focus.depth);
    let title = match lang {
        Lang::Zh => format!("{name} · 上下游 {} 级", focus.depth),
        Lang::En => format!("{name} · {} step(s) up and down", focus.depth),
    };
    let (up, down) = (n.upstream.len(), n.downstream.len());
    let caption = match lang {
        Lang::Zh => {
            format!("上游 {up} 家 · 下游 {down} 家    [ ] 调整级数 · I 迁出影响 · 点击空白处返回")
        }
        Lang::En => format!(
            "{up} upstream · {down} downstream    [ ] depth · I if it leaves · click empty space to return"
        ),
    };
    FocusView {
        highlight: neighbourhood_lit(node, n),
        subtitle: (title, caption),
    }
}

/// What the firm's leaving means, in a line.
fn impact_caption(project: &Project, impact: Option<&Impact>, lang: Lang) -> String {
    match impact {
        Some(i) if i.buyers_cut_off.is_empty() => lang
            .pick(
                "若迁出:没有买方会失去全部本地供应",
                "If it leaves: no buyer loses all its local supply",
            )
            .to_owned(),
        Some(i) => match lang {
            Lang::Zh => format!(
                "若迁出:{} 家买方失去本地供应,涉及 {:.0} {};下游受波及 {} 家",
                i.buyers_cut_off.len(),
                i.value_at_stake,
                project.meta.unit,
                i.downstream.len()
            ),
            Lang::En => format!(
                "If it leaves: {} {} local supply, {} at stake; {} downstream {} it",
                count_en(i.buyers_cut_off.len(), "buyer", "buyers"),
                if i.buyers_cut_off.len() == 1 {
                    "loses its"
                } else {
                    "lose their"
                },
                amount_text(i.value_at_stake.round(), &project.meta.unit, lang),
                count_en(i.downstream.len(), "firm", "firms"),
                if i.downstream.len() == 1 {
                    "feels"
                } else {
                    "feel"
                },
            ),
        },
        None => String::new(),
    }
}

fn neighbourhood_lit(node: &NodeId, n: Neighbourhood) -> Highlight {
    Highlight {
        nodes: n.nodes(node),
        links: n.links,
        ..Highlight::default()
    }
}

fn reach_highlight(reach: Reach) -> Highlight {
    Highlight {
        nodes: reach.nodes,
        danger: reach.cut_off,
        links: reach.links,
        ..Highlight::default()
    }
}

/// The focused firm with its neighbourhood lit, and the supply links that lead there.
pub fn neighbourhood_highlight(project: &Project, node: &NodeId, depth: usize) -> Highlight {
    neighbourhood_lit(node, neighbourhood(project, node, depth))
}

/// What breaks if the firm leaves: it and everything downstream lit, the buyers left without
/// local supply in the warning colour.
pub fn impact_highlight(project: &Project, node: &NodeId) -> Highlight {
    impact(project, node)
        .map(|i| reach_highlight(impact_reach(project, &i)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn a_focus_lights_what_the_analysis_finds_and_says_how_many() {
        let project = crate::ui::app::bundled_sample();
        let node = NodeId::from("E05");
        let n = neighbourhood(&project, &node, 2);
        let focus = Focus {
            node: node.clone(),
            depth: 2,
            impact: false,
        };
        let view = focus_view(&project, &focus, Lang::En);
        assert_eq!(view.highlight, neighbourhood_highlight(&project, &node, 2));
        assert_eq!(view.highlight.nodes, n.nodes(&node));
        assert_eq!(view.highlight.links, n.links);
        assert!(view.subtitle.0.ends_with("· 2 step(s) up and down"));
        assert!(view.subtitle.1.starts_with(&format!(
            "{} upstream · {} downstream",
            n.upstream.len(),
            n.downstream.len()
        )));

        let view = focus_view(
            &project,
            &Focus {
                impact: true,
                ..focus
            },
            Lang::Zh,
        );
        let i = impact(&project, &node).unwrap();
        assert_eq!(view.highlight, impact_highlight(&project, &node));
        let cut_off: BTreeSet<NodeId> = i.buyers_cut_off.iter().cloned().collect();
        assert_eq!(view.highlight.danger, cut_off);
        assert!(view.highlight.nodes.contains(&node));
        assert!(view.subtitle.0.ends_with("· 迁出影响"));
    }

    #[test]
    fn the_view_is_worked_out_again_only_when_the_focus_changes() {
        let doc = Document::new(crate::ui::app::bundled_sample());
        let mut cache = FocusCache::default();
        assert!(cache.get(&doc, None, Lang::En).is_none());
        let focus = Focus {
            node: NodeId::from("E05"),
            depth: 1,
            impact: false,
        };
        let first = cache.get(&doc, Some(focus.clone()), Lang::En).cloned();
        let deeper = Focus { depth: 3, ..focus };
        let second = cache.get(&doc, Some(deeper), Lang::En).cloned();
        assert_ne!(first, second);
        assert!(second.unwrap().highlight.nodes.len() > first.unwrap().highlight.nodes.len());
    }
}
