//! Firm names on the exported territory map. On screen the view names firms when zoomed in and
//! shows the rest on hover; a printed or shared picture has no hover, so it names every firm
//! whose label fits (largest first) beside its bead, clear of other beads, the towns' names,
//! the parks' name rows and the villages, with the same placement rules as the chain canvas.

use super::layout::{Bead, TerritoryLayout};
use crate::export::picture::{self, xml_escape};
use crate::ui::canvas::placement::{self, Candidate, Limits};
use egui::{Rect, vec2};
use std::fmt::Write;

/// The firm names' font size on the exported map (canvas units).
const NAME_FONT: f32 = 10.0;
/// How many of the largest firms are named even over other beads (never over a label).
const ALWAYS_NAMED: usize = 5;
/// A park frame's name row.
const PARK_ROW: f32 = 18.0;

/// Appends a `<g id="firm-names">` with the names that fit inside `area`.
pub(super) fn firm_names(s: &mut String, layout: &TerritoryLayout, area: Rect) {
    let placed = place_names(layout, area);
    s.push_str("<g id=\"firm-names\" font-size=\"10\" fill=\"#282c34\">\n");
    for p in placed {
        let bead = &layout.beads[p.node];
        // The text's baseline sits about a fifth of the size above the label box's bottom.
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" stroke="#ffffff" stroke-width="2.5" stroke-opacity="0.85" paint-order="stroke">{}</text>"##,
            p.rect.left(),
            p.rect.bottom() - 0.22 * NAME_FONT,
            xml_escape(&bead.name)
        );
    }
    s.push_str("</g>\n");
}

/// Where each firm's name goes (largest firms first); the ones with no free spot are left out.
fn place_names(layout: &TerritoryLayout, area: Rect) -> Vec<placement::Placed> {
    let bead_rect = |b: &Bead| Rect::from_center_size(b.at, vec2(2.0 * b.radius, 2.0 * b.radius));
    let beads: Vec<(usize, Rect)> = layout
        .beads
        .iter()
        .enumerate()
        .map(|(i, b)| (i, bead_rect(b)))
        .collect();
    let mut blocked: Vec<Rect> = layout
        .towns
        .iter()
        .filter(|t| !t.rings.is_empty())
        .map(|t| t.label_box)
        .collect();
    blocked.extend(
        layout.towns.iter().filter(|t| t.rings.is_empty()).map(|t| {
            Rect::from_min_size(t.rect.min, vec2(t.rect.width(), super::schematic::HEADER))
        }),
    );
    blocked.extend(
        layout
            .parks
            .iter()
            .map(|p| Rect::from_min_size(p.rect.min, vec2(p.rect.width(), PARK_ROW))),
    );
    blocked.extend(layout.villages.iter().map(|v| v.rect.expand(2.0)));
    let mut order: Vec<usize> = (0..layout.beads.len()).collect();
    order.sort_by(|&a, &b| layout.beads[b].output.total_cmp(&layout.beads[a].output));
    let candidates = order.into_iter().enumerate().map(|(rank, i)| {
        let bead = &layout.beads[i];
        let size = vec2(picture::text_width(&bead.name, NAME_FONT), NAME_FONT * 1.25);
        Candidate {
            node: i,
            bead: bead_rect(bead),
            texts: [Some(size), None],
            // The largest firms sit in the densest parks: their names may cover a neighbour.
            over_beads: rank < ALWAYS_NAMED,
        }
    });
    placement::place(area, &beads, &blocked, candidates, Limits::default())
}
