//! The host's notification of a stay: a stay longer than `registration_required_after` days
//! (30) must be notified within `host_notification_days` (3) working days after arrival; working
//! days skip Saturdays, Sundays and the policy's public holidays.

use super::days_parameter;
use crate::policy::Policy;
use crate::stay::StayError;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A notification received after its due day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LateNotice {
    /// The last day to notify: the `host_notification_days`-th working day after arrival.
    pub due: Date,
    pub notified_on: Date,
    /// Working days after `due` up to the day notified; a notification received on a day off
    /// counts as received on the next working day, so a late one is at least 1 day late.
    pub working_days_late: u32,
}

/// Whether the notification of the stay from `from` (arrival) to `until` (both included),
/// received on `notified_on`, was late. `None`: on time, or a stay short enough to need none.
/// The parameters are those in force on the day of arrival. Refused: `until` before `from`, a
/// day the policy has no value of the parameters for.
pub fn late_notification(
    policy: &Policy,
    from: Date,
    until: Date,
    notified_on: Date,
) -> Result<Option<LateNotice>, StayError> {
    if until < from {
        return Err(StayError::at("until", format!("{until} is before the arrival {from}")));
    }
    let threshold = days_parameter(policy, "registration_required_after", from)?;
    let within = days_parameter(policy, "host_notification_days", from)?;
    let length = i64::from((until - from).get_days()) + 1;
    if length <= i64::from(threshold) {
        return Ok(None);
    }
    let due = policy.add_working_days(from, within);
    if notified_on <= due {
        return Ok(None);
    }
    let late = policy.working_days_after(due, notified_on) + u32::from(!policy.is_working_day(notified_on));
    Ok(Some(LateNotice { due, notified_on, working_days_late: late }))
}
