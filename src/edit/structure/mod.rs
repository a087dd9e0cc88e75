//! Structure edits: chains (产业链), their stages (环节) and the stages' products. Each works
//! out the chains after it and everything that follows from them — the firms of a removed stage
//! moved to another stage or let go of it, firms following their lane when lanes shift, supply
//! links following a renamed product, saved views forgetting a removed stage — so that one
//! gesture is one undo step that puts all of it back.

mod firms;
mod label;
#[cfg(test)]
mod tests;

use super::{Change, EditError};
use crate::model::{
    Chain, ChainId, Link, Node, NodeId, Product, Project, Segment, Stage, StageId, View, ViewId,
    chains_in_order,
};
use std::collections::{BTreeMap, BTreeSet};

/// One change of the chains' structure.
#[derive(Debug, Clone, PartialEq)]
pub enum StructureEdit {
    /// Add a chain (with the stages it already has) after the last one.
    AddChain(Chain),
    RenameChain {
        chain: ChainId,
        name: String,
        name_en: String,
    },
    /// Put a chain at this place among the chains (0 = first).
    MoveChain {
        chain: ChainId,
        to: usize,
    },
    /// Remove a chain with its stages; `firms` says what becomes of the firms in them.
    RemoveChain {
        chain: ChainId,
        firms: StageFirms,
    },
    /// Insert a stage into a chain at this place (0 = first; past the end = last).
    AddStage {
        chain: ChainId,
        at: usize,
        stage: Stage,
    },
    RenameStage {
        stage: StageId,
        name: String,
        name_en: String,
    },
    SetSegment {
        stage: StageId,
        segment: Segment,
    },
    /// What the stage does for the 加工产值比 (issue 16); none: inferred.
    SetActivity {
        stage: StageId,
        activity: Option<crate::model::StageActivity>,
    },
    /// The land class the stage's activity needs (issue 20, the 主体功能区 check); none: not
    /// judged.
    SetLandUse {
        stage: StageId,
        land_use: Option<crate::model::LandUse>,
    },
    /// Put a stage at this place in its chain.
    MoveStage {
        stage: StageId,
        to: usize,
    },
    RemoveStage {
        stage: StageId,
        firms: StageFirms,
    },
    AddProduct {
        stage: StageId,
        at: usize,
        product: Product,
    },
    /// Rename a stage's product (named by its current name); supply links of the stage's firms
    /// that deliver it follow.
    RenameProduct {
        stage: StageId,
        product: String,
        name: String,
    },
    SetRequired {
        stage: StageId,
        product: String,
        required: bool,
    },
    MoveProduct {
        stage: StageId,
        product: String,
        to: usize,
    },
    RemoveProduct {
        stage: StageId,
        product: String,
    },
}

/// What becomes of the firms working in a stage that is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StageFirms {
    /// They move to this stage (it takes the removed stage's place in their list of stages).
    MoveTo(StageId),
    /// They stay, without the removed stage (a firm left with no stage is listed as such).
    Keep,
}

/// The structure as the edit reshapes it, and what follows from it.
struct Reshape<'p> {
    project: &'p Project,
    chains: BTreeMap<ChainId, Chain>,
    /// Nodes the edit changes, with their new values.
    nodes: BTreeMap<NodeId, Node>,
    links: Vec<Link>,
    views: Option<BTreeMap<ViewId, View>>,
}

/// The new values a structure edit sets, checked against the project.
pub(super) fn structure_change(
    project: &Project,
    edit: StructureEdit,
) -> Result<Change, EditError> {
    let mut reshape = Reshape {
        project,
        chains: project.chains.clone(),
        nodes: BTreeMap::new(),
        links: Vec::new(),
        views: None,
    };
    reshape.apply(edit)?;
    reshape.follow_lanes();
    let nodes = reshape
        .nodes
        .into_iter()
        .filter(|(id, node)| project.nodes.get(id) != Some(node))
        .map(|(id, node)| (id, Some(node)))
        .collect();
    let links = reshape
        .links
        .into_iter()
        .map(|l| (l.id.clone(), Some(l)))
        .collect();
    let change = Change {
        nodes,
        links,
        views: reshape.views,
        chains: Some(reshape.chains),
        ..Change::default()
    };
    Ok(change)
}

impl Reshape<'_> {
    fn apply(&mut self, edit: StructureEdit) -> Result<(), EditError> {
        match edit {
            StructureEdit::AddChain(chain) => self.add_chain(chain)?,
            StructureEdit::RenameChain {
                chain,
                name,
                name_en,
            } => {
                let name = checked_name(&name, Item::Chain)?;
                let chain = self.chain_mut(&chain)?;
                chain.name = name;
                chain.name_en = name_en.trim().to_owned();
            }
            StructureEdit::MoveChain { chain, to } => {
                self.chain_mut(&chain)?;
                let mut order: Vec<ChainId> = chains_in_order(&self.chains)
                    .into_iter()
                    .map(|c| c.id.clone())
                    .filter(|id| *id != chain)
                    .collect();
                order.insert(to.min(order.len()), chain);
                for (place, id) in order.iter().enumerate() {
                    if let Some(c) = self.chains.get_mut(id) {
                        c.order = u32::try_from(place).unwrap_or(u32::MAX);
                    }
                }
            }
            StructureEdit::RemoveChain { chain, firms } => {
                let removed = self
                    .chains
                    .remove(&chain)
                    .ok_or_else(|| missing_chain(&chain))?;
                let gone: BTreeSet<StageId> = removed.stages.into_iter().map(|s| s.id).collect();
                self.let_go(&gone, &[chain], &firms)?;
            }
            StructureEdit::AddStage { chain, at, stage } => {
                let stage = self.checked_new_stage(&chain, stage)?;
                let stages = &mut self.chain_mut(&chain)?.stages;
                stages.insert(at.min(stages.len()), stage);
            }
            StructureEdit::RenameStage {
                stage,
                name,
                name_en,
            } => {
                let name = checked_name(&name, Item::Stage)?;
                let (chain, index) = self.find_stage(&stage)?;
                check_stage_name_free(&self.chains[&chain], &name, Some(&stage))?;
                let stage = &mut self.stages_mut(&chain)?[index];
                stage.name = name;
                stage.name_en = name_en.trim().to_owned();
            }
            StructureEdit::SetSegment { stage, segment } => {
                self.stage_mut(&stage)?.segment = segment
            }
            StructureEdit::SetActivity { stage, activity } => {
                self.stage_mut(&stage)?.activity = activity
            }
            StructureEdit::SetLandUse { stage, land_use } => {
                self.stage_mut(&stage)?.land_use = land_use
            }
            StructureEdit::MoveStage { stage, to } => {
                let (chain, index) = self.find_stage(&stage)?;
                let stages = self.stages_mut(&chain)?;
                let moved = stages.remove(index);
                stages.insert(to.min(stages.len()), moved);
            }
            StructureEdit::RemoveStage { stage, firms } => {
                let (chain, index) = self.find_stage(&stage)?;
                self.stages_mut(&chain)?.remove(index);
                self.let_go(&BTreeSet::from([stage]), &[], &firms)?;
            }
            product_edit => self.apply_to_product(product_edit)?,
        }
        Ok(())
    }

    /// The edits of one stage's products.
    fn apply_to_product(&mut self, edit: StructureEdit) -> Result<(), EditError> {
        match edit {
            StructureEdit::AddProduct { stage, at, product } => {
                let name = checked_name(&product.name, Item::Product)?;
                let products = &mut self.stage_mut(&stage)?.products;
                check_product_name_free(products, &name, None)?;
                let product = Product { name, ..product };
                products.insert(at.min(products.len()), product);
            }
            StructureEdit::RenameProduct {
                stage,
                product,
                name,
            } => {
                let name = checked_name(&name, Item::Product)?;
                let products = &mut self.stage_mut(&stage)?.products;
                let index = product_index(products, &product)?;
                check_product_name_free(products, &name, Some(index))?;
                products[index].name = name.clone();
                self.links_follow_product(&stage, &product, &name);
            }
            StructureEdit::SetRequired {
                stage,
                product,
                required,
            } => {
                let products = &mut self.stage_mut(&stage)?.products;
                let index = product_index(products, &product)?;
                products[index].required = required;
            }
            StructureEdit::MoveProduct { stage, product, to } => {
                let products = &mut self.stage_mut(&stage)?.products;
                let moved = products.remove(product_index(products, &product)?);
                products.insert(to.min(products.len()), moved);
            }
            StructureEdit::RemoveProduct { stage, product } => {
                let products = &mut self.stage_mut(&stage)?.products;
                products.remove(product_index(products, &product)?);
            }
            _ => {}
        }
        Ok(())
    }

    fn add_chain(&mut self, mut chain: Chain) -> Result<(), EditError> {
        if chain.id.as_str().trim().is_empty() || self.chains.contains_key(&chain.id) {
            return Err(EditError::new(
                format!("产业链编号“{}”无效或已被占用", chain.id),
                format!("chain id \"{}\" is empty or already taken", chain.id),
            ));
        }
        chain.name = checked_name(&chain.name, Item::Chain)?;
        chain.name_en = chain.name_en.trim().to_owned();
        chain.order = self.chains.values().map(|c| c.order + 1).max().unwrap_or(0);
        let stages = std::mem::take(&mut chain.stages);
        let id = chain.id.clone();
        self.chains.insert(id.clone(), chain);
        // Each stage is checked against the ones before it, already in the chain.
        for stage in stages {
            let stage = self.checked_new_stage(&id, stage)?;
            self.stages_mut(&id)?.push(stage);
        }
        Ok(())
    }

    /// A new stage for `chain`, with its id, names and products checked.
    fn checked_new_stage(&self, chain: &ChainId, mut stage: Stage) -> Result<Stage, EditError> {
        let chain = self.chains.get(chain).ok_or_else(|| missing_chain(chain))?;
        let used_elsewhere = self
            .chains
            .values()
            .flat_map(|c| &c.stages)
            .any(|s| s.id == stage.id);
        if stage.id.as_str().trim().is_empty() || used_elsewhere {
            return Err(EditError::new(
                format!("环节编号“{}”无效或已被占用", stage.id),
                format!("stage id \"{}\" is empty or already taken", stage.id),
            ));
        }
        stage.name = checked_name(&stage.name, Item::Stage)?;
        stage.name_en = stage.name_en.trim().to_owned();
        check_stage_name_free(chain, &stage.name, None)?;
        let mut products: Vec<Product> = Vec::new();
        for product in stage.products {
            let name = checked_name(&product.name, Item::Product)?;
            check_product_name_free(&products, &name, None)?;
            products.push(Product { name, ..product });
        }
        stage.products = products;
        Ok(stage)
    }

    fn chain_mut(&mut self, id: &ChainId) -> Result<&mut Chain, EditError> {
        self.chains.get_mut(id).ok_or_else(|| missing_chain(id))
    }

    fn stages_mut(&mut self, chain: &ChainId) -> Result<&mut Vec<Stage>, EditError> {
        Ok(&mut self.chain_mut(chain)?.stages)
    }

    /// The chain holding a stage, and the stage's place in it.
    fn find_stage(&self, id: &StageId) -> Result<(ChainId, usize), EditError> {
        self.chains
            .values()
            .find_map(|c| {
                c.stages
                    .iter()
                    .position(|s| &s.id == id)
                    .map(|i| (c.id.clone(), i))
            })
            .ok_or_else(|| missing_stage(id))
    }

    fn stage_mut(&mut self, id: &StageId) -> Result<&mut Stage, EditError> {
        let (chain, index) = self.find_stage(id)?;
        Ok(&mut self.stages_mut(&chain)?[index])
    }

    /// Supply links from the stage's firms that deliver the product by its old name now
    /// deliver it by the new one (gap analysis matches products by name).
    fn links_follow_product(&mut self, stage: &StageId, old: &str, new: &str) {
        let project = self.project;
        let works_in_stage = |id: &NodeId| {
            project
                .nodes
                .get(id)
                .is_some_and(|n| n.stages.contains(stage))
        };
        self.links = project
            .links
            .values()
            .filter(|l| l.product == old && works_in_stage(&l.from))
            .map(|l| Link {
                product: new.to_owned(),
                ..l.clone()
            })
            .collect();
    }
}

/// What a name belongs to, for messages.
#[derive(Clone, Copy)]
enum Item {
    Chain,
    Stage,
    Product,
}

/// The name trimmed, or why it cannot be used.
fn checked_name(name: &str, item: Item) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        let (zh, en) = match item {
            Item::Chain => ("产业链", "chain"),
            Item::Stage => ("环节", "stage"),
            Item::Product => ("产品", "product"),
        };
        return Err(EditError::new(
            format!("{zh}名称不能为空"),
            format!("the {en} name cannot be empty"),
        ));
    }
    Ok(name.to_owned())
}

/// No two stages of a chain share a name (`except`: the stage being renamed).
fn check_stage_name_free(
    chain: &Chain,
    name: &str,
    except: Option<&StageId>,
) -> Result<(), EditError> {
    let clash = chain
        .stages
        .iter()
        .any(|s| Some(&s.id) != except && s.name == name);
    if clash {
        return Err(EditError::new(
            format!("产业链“{}”已有名为“{name}”的环节", chain.name),
            format!(
                "chain \"{}\" already has a stage named \"{name}\"",
                chain.name
            ),
        ));
    }
    Ok(())
}

/// No two products of a stage share a name (`except`: the place of the product being renamed).
fn check_product_name_free(
    products: &[Product],
    name: &str,
    except: Option<usize>,
) -> Result<(), EditError> {
    let clash = products
        .iter()
        .enumerate()
        .any(|(i, p)| Some(i) != except && p.name == name);
    if clash {
        return Err(EditError::new(
            format!("这个环节已有产品“{name}”"),
            format!("the stage already has a product \"{name}\""),
        ));
    }
    Ok(())
}

fn product_index(products: &[Product], name: &str) -> Result<usize, EditError> {
    products.iter().position(|p| p.name == name).ok_or_else(|| {
        EditError::new(
            format!("产品“{name}”不存在"),
            format!("product \"{name}\" does not exist"),
        )
    })
}

fn missing_chain(id: &ChainId) -> EditError {
    EditError::new(
        format!("产业链“{id}”不存在"),
        format!("chain \"{id}\" does not exist"),
    )
}

fn missing_stage(id: &StageId) -> EditError {
    EditError::new(
        format!("环节“{id}”不存在"),
        format!("stage \"{id}\" does not exist"),
    )
}
