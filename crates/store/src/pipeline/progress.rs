//! How far the reading of an import file has come, in its own unit, and when to tell it.

/// What a file's progress is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Bytes of a CSV file.
    Bytes,
    /// Rows of a worksheet, as numbered in the sheet (the header is row 1).
    Rows,
}

/// How far the reading of a file has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes (CSV: through the row just read) or sheet rows (XLSX: the row just read) so far.
    pub done: u64,
    /// All of them, when known: the CSV's size; the last row of the sheet's declared dimensions
    /// (never less than `done`: a stale dimension is not believed past the rows read).
    pub total: Option<u64>,
    pub unit: Unit,
}

impl Progress {
    /// The progress of a file read to its end: everything done.
    pub fn ended(self) -> Progress {
        let all = self.total.unwrap_or(self.done).max(self.done);
        Progress { done: all, total: Some(all), unit: self.unit }
    }
}

/// Bytes between two tellings when a CSV's size is not known.
pub const STEP_BYTES: u64 = 1024 * 1024;
/// Rows between two tellings when a sheet's dimensions are not known.
pub const STEP_ROWS: u64 = 10_000;

/// Tells a reading's progress at every hundredth of its total (or every [`STEP_BYTES`] or
/// [`STEP_ROWS`] when the total is not known), so that a bar moves smoothly without a message
/// per row, and at the end.
pub struct Pace {
    told: Progress,
    seen: Progress,
}

impl Pace {
    /// Starts from the progress before reading ([`super::Input::progress`]).
    pub fn new(start: Progress) -> Pace {
        Pace { told: start, seen: start }
    }

    /// The progress to tell now, if it has come a step since the last told.
    pub fn tell(&mut self, now: Progress) -> Option<Progress> {
        self.seen = now;
        let step = match (now.total, now.unit) {
            (Some(total), _) => (total / 100).max(1),
            (None, Unit::Bytes) => STEP_BYTES,
            (None, Unit::Rows) => STEP_ROWS,
        };
        let due = now.unit != self.told.unit || now.done >= self.told.done.saturating_add(step);
        if due {
            self.told = now;
            Some(now)
        } else {
            None
        }
    }

    /// The progress at the end of a file read to its end.
    pub fn end(&self) -> Progress {
        self.seen.ended()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(done: u64, total: Option<u64>) -> Progress {
        Progress { done, total, unit: Unit::Rows }
    }

    #[test]
    fn a_step_is_a_hundredth_of_the_total_and_the_end_is_everything() {
        let mut pace = Pace::new(rows(0, None));
        let told: Vec<u64> =
            (1..=1_000).filter_map(|r| pace.tell(rows(r, Some(1_000)))).map(|p| p.done).collect();
        assert_eq!(told.len(), 100);
        assert_eq!((told[0], told[99]), (10, 1_000));
        assert!(told.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(pace.end(), rows(1_000, Some(1_000)));
    }

    #[test]
    fn without_a_total_the_step_is_fixed_and_the_end_is_what_was_read() {
        let mut pace = Pace::new(rows(0, None));
        let told = (1..=25_000).filter(|&r| pace.tell(rows(r, None)).is_some()).count();
        assert_eq!(told, 2);
        assert_eq!(pace.end(), rows(25_000, Some(25_000)));
        let bytes = Progress { done: 10, total: Some(8), unit: Unit::Bytes };
        assert_eq!(bytes.ended(), Progress { done: 10, total: Some(10), unit: Unit::Bytes });
    }
}
