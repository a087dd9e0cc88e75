//! Id newtypes. Ids are strings chosen by the user or generated (`n12`), stable forever; a newtype
//! per kind of thing keeps a node id from being used where a stage id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }
    };
}

id_type!(
    /// Identifies a chain (产业链).
    ChainId
);
id_type!(
    /// Identifies a stage (环节); unique across the whole project, since nodes refer to stages directly.
    StageId
);
id_type!(
    /// Identifies a node: enterprise, park, region ...
    NodeId
);
id_type!(
    /// Identifies a link between two nodes.
    LinkId
);
id_type!(
    /// Identifies a benefit-sharing agreement.
    AgreementId
);
id_type!(
    /// Identifies a phase inside an agreement.
    PhaseId
);
id_type!(
    /// Identifies a saved view (a workshop slide).
    ViewId
);

/// Makes a fresh id `prefix` + number that is not yet taken, e.g. `n12`.
pub fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1u64..)
        .map(|i| format!("{prefix}{i}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| prefix.to_owned())
}
