//! The labour market behind the list of professions in demand: the records of the three data
//! sources, reading them from rows, the indicators of a period, the methodology and the list.

pub mod coordination;
pub mod indicators;
pub mod list;
pub mod methodology;
pub mod published;
pub mod records;
pub mod rows;

pub use indicators::{Accumulator, Indicators, LabourIndicators};
pub use list::{Candidate, ListComputation, compute};
pub use methodology::{IndicatorId, Methodology};
pub use records::{ForecastRow, Source, Vacancy, VacancyStatus, WorkPermit};
