//! Occupations (кәсіптер): the classifier NK RK 01-2017 on the base of ISCO-08, its codes, and the
//! search of a typed job title for its unit group.

pub mod classifier;
pub mod code;
pub mod evaluate;
pub mod search;
mod text;

pub use classifier::{Classifier, Group, classifier};
pub use code::{CodeError, OccupationCode};
pub use search::{SearchHit, TitleIndex, title_index};
