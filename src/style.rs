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
