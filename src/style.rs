//! The colours and dash patterns of the map, as plain RGB: the canvas (through `ui::theme`)
//! and the exported pictures (SVG, PNG, GraphML, GEXF) draw with the same ones.

use crate::model::{LinkKind, NodeKind, Segment};

/// An opaque colour.
pub type Rgb = [u8; 3];

/// `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Lane background of a segment.
pub fn segment_fill(segment: Segment) -> Rgb {
    match segment {
        Segment::Upstream => [232, 241, 251],
        Segment::Midstream => [233, 246, 236],
        Segment::Downstream => [253, 242, 228],
        Segment::Support => [242, 238, 248],
    }
}

/// Lane header colour of a segment.
pub fn segment_strong(segment: Segment) -> Rgb {
    match segment {
        Segment::Upstream => [44, 108, 176],
        Segment::Midstream => [46, 125, 70],
        Segment::Downstream => [196, 104, 20],
        Segment::Support => [112, 84, 160],
    }
}

/// Fill colour of a node kind.
pub fn node_fill(kind: NodeKind) -> Rgb {
    match kind {
        NodeKind::Enterprise => [52, 120, 198],
        NodeKind::Cooperative => [62, 150, 84],
        NodeKind::VillageCollective => [120, 150, 40],
        NodeKind::FamilyFarms => [120, 186, 110],
        NodeKind::Institute => [136, 92, 190],
        NodeKind::PublicInstitution => [30, 150, 160],
        NodeKind::Financial => [200, 160, 30],
        NodeKind::ExternalEnterprise => [150, 150, 150],
        NodeKind::Park => [230, 140, 40],
        NodeKind::Region => [200, 70, 70],
    }
}

/// Stroke colour of a link kind.
pub fn link_colour(kind: LinkKind) -> Rgb {
    match kind {
        LinkKind::Supply => [80, 96, 120],
        LinkKind::LocatedIn => [200, 150, 90],
        LinkKind::Trusteeship => [214, 110, 20],
        LinkKind::Integrates => [214, 160, 60],
        LinkKind::Enclave => [200, 60, 60],
        LinkKind::FarmerLinkage => [60, 160, 80],
        LinkKind::Investment => [140, 80, 180],
    }
}

/// Dash pattern of a link kind (dash, gap), or none for a solid line.
pub fn link_dash(kind: LinkKind) -> Option<(f32, f32)> {
    match kind {
        LinkKind::Supply => None,
        LinkKind::LocatedIn => Some((2.0, 4.0)),
        LinkKind::Trusteeship => Some((10.0, 5.0)),
        LinkKind::Integrates => Some((6.0, 4.0)),
        LinkKind::Enclave => Some((12.0, 4.0)),
        LinkKind::FarmerLinkage => Some((3.0, 3.0)),
        LinkKind::Investment => Some((8.0, 3.0)),
    }
}

/// Radius of a node on the map: by output, so big firms read big.
pub fn node_radius(node: &crate::model::Node, max_output: f64) -> f32 {
    let base = match node.kind {
        NodeKind::Park => 26.0,
        NodeKind::Region => 22.0,
        _ => 13.0,
    };
    let output = node
        .latest_figures()
        .and_then(|(_, f)| f.output)
        .and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d))
        .unwrap_or(0.0);
    if max_output <= 0.0 || !node.kind.is_enterprise_like() {
        return base;
    }
    base + 15.0 * (output / max_output).sqrt() as f32
}

/// The largest latest output of any node (what `node_radius` scales by).
pub fn max_output(project: &crate::model::Project) -> f64 {
    project
        .nodes
        .values()
        .filter_map(|n| n.latest_figures().and_then(|(_, f)| f.output))
        .filter_map(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d))
        .fold(0.0, f64::max)
}

/// The bundled Chinese font (Noto Sans SC subset to the CJK Unified Ideographs block, OFL):
/// the canvas and the PNG export draw with it.
pub const CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-chainmap.otf");

/// The font families an exported SVG asks for: the bundled one first, then what Chinese
/// systems have.
pub const SVG_FONT_FAMILY: &str = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', \
'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";
