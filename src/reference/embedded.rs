//! The template files built into the binary, in catalogue order (farm chains, then industry).
//! A file added to `assets/templates/` must be listed here too; tests/templates.rs fails when
//! one is missing.

pub(super) const FILES: &[(&str, &str)] = &[
    (
        "edible-fungi.json",
        include_str!("../../assets/templates/edible-fungi.json"),
    ),
    (
        "kiwifruit.json",
        include_str!("../../assets/templates/kiwifruit.json"),
    ),
    ("tea.json", include_str!("../../assets/templates/tea.json")),
    (
        "chinese-herbs.json",
        include_str!("../../assets/templates/chinese-herbs.json"),
    ),
    (
        "selenium-foods.json",
        include_str!("../../assets/templates/selenium-foods.json"),
    ),
    (
        "pork.json",
        include_str!("../../assets/templates/pork.json"),
    ),
    (
        "dairy.json",
        include_str!("../../assets/templates/dairy.json"),
    ),
    (
        "grain-oil.json",
        include_str!("../../assets/templates/grain-oil.json"),
    ),
    (
        "nev-parts.json",
        include_str!("../../assets/templates/nev-parts.json"),
    ),
    (
        "photovoltaic.json",
        include_str!("../../assets/templates/photovoltaic.json"),
    ),
    (
        "lithium-battery.json",
        include_str!("../../assets/templates/lithium-battery.json"),
    ),
    (
        "textile-apparel.json",
        include_str!("../../assets/templates/textile-apparel.json"),
    ),
    (
        "equipment.json",
        include_str!("../../assets/templates/equipment.json"),
    ),
    (
        "agri-tourism.json",
        include_str!("../../assets/templates/agri-tourism.json"),
    ),
];
