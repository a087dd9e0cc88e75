//! The segment band above the lane headers: one label over each run of consecutive lanes of the
//! same segment (上游 / 中游 / 下游 / 支撑服务) within a chain, in the segment's colours, so the
//! chain reads as upstream → downstream at a glance. A chain's runs never join the next
//! chain's. The label stays over the part of its run in view while the canvas pans sideways.

use super::CanvasFrame;
use super::lane_headers::HeaderRow;
use super::lanes::Lane;
use crate::i18n::Lang;
use crate::model::{ChainId, Project, Segment};
use crate::ui::panels::outline;
use crate::ui::theme;
use egui::{Align2, CornerRadius, FontId, Sense, Stroke, StrokeKind};

/// Consecutive lanes `first..=last` (indices into the lanes) of one segment of one chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    pub segment: Segment,
    pub chain: ChainId,
    pub first: usize,
    pub last: usize,
}

/// The runs of `lanes` in lane order.
pub(super) fn segment_runs(lanes: &[Lane]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, lane) in lanes.iter().enumerate() {
        match runs.last_mut() {
            Some(run)
                if run.segment == lane.segment && run.chain == lane.chain && run.last + 1 == i =>
            {
                run.last = i;
            }
            _ => runs.push(Run {
                segment: lane.segment,
                chain: lane.chain.clone(),
                first: i,
                last: i,
            }),
        }
    }
    runs
}

/// The accessible name of a run's label ("链段 上游"), which tests find it by.
pub fn band_label(segment: Segment, lang: Lang) -> String {
    format!("{} {}", lang.pick("链段", "Segment"), segment.label(lang))
}

/// The band's wording, longest first: support services are named in full where there is room.
fn wordings(segment: Segment, lang: Lang) -> Vec<&'static str> {
    match segment {
        Segment::Support => vec![
            lang.pick("支撑服务", "Support services"),
            segment.label(lang),
        ],
        _ => vec![segment.label(lang)],
    }
}

/// Paints the band over every run in view and makes each a widget named by [`band_label`]
/// whose value is the text shown; the chain and its stages on hover.
pub(super) fn band_ui(ui: &egui::Ui, frame: &CanvasFrame<'_>, lanes: &[Lane], row: &HeaderRow) {
    let (painter, look, lang) = (&frame.painter, frame.opts.look, frame.lang);
    let screen = frame.screen.rect;
    let font = FontId::proportional(row.band_size);
    let dimmed = |lane: &Lane| {
        frame
            .highlight
            .as_ref()
            .is_some_and(|h| h.dim_stages.contains(&lane.stage))
    };
    for (n, run) in segment_runs(lanes).iter().enumerate() {
        let rect = row.band_rect(frame, &lanes[run.first], &lanes[run.last]);
        let shown = rect.intersect(screen);
        if !shown.is_positive() {
            continue;
        }
        let mut colour = look.lane_header(run.segment);
        if look.is_dark() {
            // The segment's strong colour is too dark to read on the dark projector's fill.
            colour = theme::blend(colour, egui::Color32::WHITE, 0.45);
        }
        let mut fill = look.lane_fill(run.segment);
        if lanes[run.first..=run.last].iter().all(dimmed) {
            colour = theme::blend(colour, look.background(), 0.6);
            fill = theme::blend(fill, look.background(), 0.6);
        }
        painter.rect(
            rect,
            CornerRadius::same(4),
            fill,
            Stroke::new(1.0, colour.gamma_multiply(0.5)),
            StrokeKind::Inside,
        );
        // The label over the part of the run in view, so it stays while panning sideways.
        let room = shown.width() - 8.0;
        let text = wordings(run.segment, lang).into_iter().find(|w| {
            painter
                .layout_no_wrap((*w).to_owned(), font.clone(), colour)
                .size()
                .x
                <= room
        });
        if let Some(text) = text {
            painter.with_clip_rect(shown).text(
                shown.center(),
                Align2::CENTER_CENTER,
                text,
                font.clone(),
                colour,
            );
        }
        let resp = ui.interact(
            shown,
            ui.scope_id().with(("segment-band", n)),
            Sense::hover(),
        );
        resp.widget_info(|| {
            let mut info =
                egui::WidgetInfo::labeled(egui::Role::Group, true, band_label(run.segment, lang));
            info.current_text_value = Some(text.unwrap_or_default().to_owned());
            info
        });
        resp.on_hover_text(run_tooltip(frame.project, lanes, run, lang));
    }
}

/// "木耳产业链 · 上游: U1 菌种研发与繁育, U2 …".
fn run_tooltip(project: &Project, lanes: &[Lane], run: &Run, lang: Lang) -> String {
    let chain = project
        .chains
        .get(&run.chain)
        .map(|c| outline::shown_name(&c.name, &c.name_en, lang).to_owned())
        .unwrap_or_default();
    let stages: Vec<String> = lanes[run.first..=run.last]
        .iter()
        .map(|l| format!("{} {}", l.stage, l.name))
        .collect();
    let segment = wordings(run.segment, lang)[0];
    let sep = lang.pick("、", ", ");
    match chain.is_empty() {
        true => format!("{segment}: {}", stages.join(sep)),
        false => format!("{chain} · {segment}: {}", stages.join(sep)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StageId;

    fn lane(chain: &str, stage: &str, segment: Segment) -> Lane {
        Lane {
            stage: StageId::from(stage),
            chain: ChainId::from(chain),
            name: stage.to_owned(),
            segment,
            center_x: 0.0,
        }
    }

    #[test]
    fn consecutive_lanes_of_a_segment_make_one_run_and_chains_never_join() {
        use Segment::*;
        let lanes = vec![
            lane("a", "U1", Upstream),
            lane("a", "U2", Upstream),
            lane("a", "M1", Midstream),
            lane("a", "D1", Downstream),
            lane("a", "S1", Support),
            lane("b", "S2", Support),
            lane("b", "U3", Upstream),
            lane("b", "M2", Midstream),
            lane("b", "U4", Upstream),
        ];
        let runs: Vec<(Segment, &str, usize, usize)> = segment_runs(&lanes)
            .iter()
            .map(|r| (r.segment, r.chain.as_str(), r.first, r.last))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(s, c, f, l)| (s, if c == "a" { "a" } else { "b" }, f, l))
            .collect();
        assert_eq!(
            runs,
            vec![
                (Upstream, "a", 0, 1),
                (Midstream, "a", 2, 2),
                (Downstream, "a", 3, 3),
                (Support, "a", 4, 4),
                // The next chain's first lane is support too: a run of its own.
                (Support, "b", 5, 5),
                (Upstream, "b", 6, 6),
                (Midstream, "b", 7, 7),
                // Upstream again after midstream: a new run, not the first one extended.
                (Upstream, "b", 8, 8),
            ]
        );
        assert!(segment_runs(&[]).is_empty());
    }

    #[test]
    fn support_is_named_in_full_where_there_is_room() {
        assert_eq!(
            wordings(Segment::Support, Lang::Zh),
            vec!["支撑服务", "支撑"]
        );
        assert_eq!(
            wordings(Segment::Support, Lang::En),
            vec!["Support services", "Support"]
        );
        assert_eq!(wordings(Segment::Upstream, Lang::En), vec!["Upstream"]);
        assert_eq!(band_label(Segment::Midstream, Lang::Zh), "链段 中游");
    }
}
