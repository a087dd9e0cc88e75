//! What the county has of one product, under any of its names (DOMAIN.md, "Product
//! completeness" and "Gap classes"): the local firms able to supply it, the local share of local
//! buyers' purchases of it and the concentration (HHI) of that supply, and the status that
//! follows. The project's product reports measure one name; the comparison with a reference
//! chain measures a template product under its name, its synonyms and the project's name for it.

use super::Status;
use super::availability::{Availability, value};
use super::coverage::{HHI_CONCENTRATED, MIN_LOCAL_SHARE, MIN_POSSIBLE_SUPPLIERS};
use crate::model::NodeId;
use std::collections::{BTreeMap, BTreeSet};

/// The measured supply of a product.
pub(crate) struct Supply<'p> {
    /// Local firms able to supply it, in id order.
    pub suppliers: Vec<NodeId>,
    /// Suppliers outside the county on its links into local buyers.
    pub external_suppliers: Vec<NodeId>,
    /// Each supplier's supply into local buyers (a buyer counted by its local share).
    pub by_supplier: BTreeMap<&'p NodeId, f64>,
    /// Σ sᵢ² over the suppliers' shares; none without values.
    pub hhi: Option<f64>,
    /// Local supply ÷ local buyers' purchases; none without values.
    pub local_share: Option<f64>,
    /// Firms that could supply it, local or not.
    pub possible: usize,
    /// Local supply covers less than `MIN_LOCAL_SHARE` of local buyers' purchases.
    pub short: bool,
    pub status: Status,
}

/// Measures the product known under `keys` (`names::key` of each of its names).
pub(crate) fn measure<'p>(avail: &Availability<'p>, keys: &BTreeSet<String>) -> Supply<'p> {
    let places = avail.places;
    let capable = avail.capable_any(keys);
    let suppliers: Vec<NodeId> = capable
        .iter()
        .filter(|id| places.is_local(id))
        .map(|id| (*id).clone())
        .collect();
    let mut by_supplier: BTreeMap<&'p NodeId, f64> = BTreeMap::new();
    let (mut local_value, mut total) = (0.0, 0.0);
    for link in avail.links_of_any(keys) {
        let buyer = places.weight(&link.to);
        if buyer <= 0.0 {
            continue;
        }
        let v = value(link) * buyer;
        *by_supplier.entry(&link.from).or_default() += v;
        total += v;
        local_value += v * places.weight(&link.from);
    }
    let external_suppliers: Vec<NodeId> = by_supplier
        .keys()
        .filter(|id| !places.is_local(id))
        .map(|id| (*id).clone())
        .collect();
    let local_share = (total > 0.0).then(|| local_value / total);
    let hhi = (total > 0.0).then(|| {
        by_supplier
            .values()
            .map(|v| (v / total).powi(2))
            .sum::<f64>()
    });
    let mut possible: Vec<&NodeId> = capable;
    possible.extend(by_supplier.keys().copied());
    possible.sort();
    possible.dedup();
    let concentrated =
        possible.len() >= MIN_POSSIBLE_SUPPLIERS && hhi.is_some_and(|h| h > HHI_CONCENTRATED);
    let short = local_share.is_some_and(|s| s < MIN_LOCAL_SHARE);
    let status = if suppliers.is_empty() {
        Status::Missing
    } else if short || concentrated {
        Status::Weak
    } else {
        Status::Ok
    };
    Supply {
        suppliers,
        external_suppliers,
        by_supplier,
        hhi,
        local_share,
        possible: possible.len(),
        short,
        status,
    }
}
