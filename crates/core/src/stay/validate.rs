//! The stays and permits must make sense before they are counted: each error names the stay or
//! permit by its index and the field at fault.

use super::{Permit, Stay, StayError};
use jiff::civil::Date;

/// Stays in order, each ended on or after its entry, none after `on`, only the last open.
/// A stay may begin on the day the one before it ended (out and back the same day): that day is
/// one day present.
pub(super) fn stays(stays: &[Stay], on: Date) -> Result<(), StayError> {
    for (i, s) in stays.iter().enumerate() {
        if s.entry > on {
            return Err(StayError::at(
                format!("stays[{i}].entry"),
                format!("{} is after the day examined (`on`: {on})", s.entry),
            ));
        }
        match s.exit {
            Some(exit) if exit < s.entry => {
                return Err(StayError::at(
                    format!("stays[{i}].exit"),
                    format!("{exit} is before the entry {}", s.entry),
                ));
            }
            Some(exit) if exit > on => {
                return Err(StayError::at(
                    format!("stays[{i}].exit"),
                    format!(
                        "{exit} is after the day examined (`on`: {on}); a stay not yet ended has exit null"
                    ),
                ));
            }
            None if i + 1 < stays.len() => {
                return Err(StayError::at(
                    format!("stays[{i}].exit"),
                    format!(
                        "null (still open), but stays[{}] follows: only the last stay may be open",
                        i + 1
                    ),
                ));
            }
            _ => {}
        }
        if i > 0 {
            let prev = stays[i - 1];
            if let Some(prev_exit) = prev.exit
                && s.entry < prev_exit
            {
                return Err(StayError::at(
                    format!("stays[{i}].entry"),
                    format!(
                        "{} is before the exit {prev_exit} of stays[{}]: stays must be in order and must not overlap",
                        s.entry,
                        i - 1
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Each permit ends on or after the day it begins. Permits may overlap each other.
pub(super) fn permits(permits: &[Permit]) -> Result<(), StayError> {
    for (i, p) in permits.iter().enumerate() {
        if p.until < p.from {
            return Err(StayError::at(
                format!("permits[{i}].until"),
                format!("{} is before the permit's start {}", p.until, p.from),
            ));
        }
    }
    Ok(())
}
