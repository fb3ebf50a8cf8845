//! Border crossings and the stays they make: entry … exit, both days present. Gaps in the record
//! (an entry with no exit before the next entry, an exit with no entry before it) are recorded as
//! anomalies and read so that no unknown day counts against the person.

use crate::stay::{Stay, StayError};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrossingKind {
    Entry,
    Exit,
}

impl CrossingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CrossingKind::Entry => "entry",
            CrossingKind::Exit => "exit",
        }
    }
}

/// An entry or exit on a day (the civil day in Kazakhstan of the crossing's instant). Refused
/// entries are not crossings and are never passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crossing {
    pub day: Date,
    pub kind: CrossingKind,
}

/// A gap in the record of crossings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Anomaly {
    /// Two entries with no exit between them: the stay from `entry` is taken to have ended on its
    /// entry day (one day present), the days up to `next_entry` unknown and not counted.
    MissingExit { entry: Date, next_entry: Date },
    /// An exit with no entry before it: the stay is taken to be the exit day alone.
    ExitWithoutEntry { exit: Date },
}

/// The stays the crossings up to `on` make, the anomalies met, and the entry day of the stay
/// still open on `on` (if the person is in the country).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub stays: Vec<Stay>,
    pub anomalies: Vec<Anomaly>,
    pub open_since: Option<Date>,
}

/// Reads the crossings (in time order; crossings after `on` are ignored) into stays.
pub(crate) fn stays(crossings: &[Crossing], on: Date) -> Result<Record, StayError> {
    for (i, pair) in crossings.windows(2).enumerate() {
        if pair[1].day < pair[0].day {
            return Err(StayError::at(
                format!("crossings[{}].day", i + 1),
                format!(
                    "{} is before the crossing before it ({}): crossings are in time order",
                    pair[1].day, pair[0].day
                ),
            ));
        }
    }
    let mut stays = Vec::new();
    let mut anomalies = Vec::new();
    let mut open: Option<Date> = None;
    for c in crossings.iter().take_while(|c| c.day <= on) {
        match (c.kind, open) {
            (CrossingKind::Entry, Some(entry)) => {
                anomalies.push(Anomaly::MissingExit { entry, next_entry: c.day });
                stays.push(Stay { entry, exit: Some(entry) });
                open = Some(c.day);
            }
            (CrossingKind::Entry, None) => open = Some(c.day),
            (CrossingKind::Exit, Some(entry)) => {
                stays.push(Stay { entry, exit: Some(c.day) });
                open = None;
            }
            (CrossingKind::Exit, None) => {
                anomalies.push(Anomaly::ExitWithoutEntry { exit: c.day });
                stays.push(Stay { entry: c.day, exit: Some(c.day) });
            }
        }
    }
    if let Some(entry) = open {
        stays.push(Stay { entry, exit: None });
    }
    Ok(Record { stays, anomalies, open_since: open })
}
