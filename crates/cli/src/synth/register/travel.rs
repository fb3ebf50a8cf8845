//! Trips: how many a traveller makes, how long they last, when they fall (by the season of
//! border traffic), through which checkpoints and at what time of day — placed so that one
//! person's trips never overlap and, unless an overstay is planted, keep within the stay limits
//! of the person's regime.

use super::days::Season;
use super::people::{Nation, weighted};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The most trips a person makes in the year.
pub(super) const MAX_TRIPS: usize = 44;

/// The way a person travels, from the profile and the regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pattern {
    Tourist,
    Visitor,
    Frequent,
    /// An EAEU citizen working under a contract: stays of up to 90 days in 180.
    EaeuWorker,
    /// A worker with a work permit: long stays, which the permit covers.
    PermitWorker,
    /// A worker coming for a month at a time, within the visa-free limits.
    CircularWorker,
    Resident,
}

/// A planted overstay: the person's last trip breaks a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Overstay {
    /// A visa-free visitor staying 31–60 days on one entry.
    PerEntry,
    /// An EAEU citizen staying more than 90 days in 180.
    Window,
    /// A visa holder staying past the visa.
    Visa,
}

impl Overstay {
    /// The planted trip's length, and the fewest days present (counting the entry day as the
    /// first) by which the limit is broken.
    fn length(self, rng: &mut ChaCha8Rng) -> (i32, i32) {
        match self {
            Overstay::PerEntry => (rng.random_range(31..=60), 31),
            Overstay::Window => (rng.random_range(92..=130), 91),
            Overstay::Visa => (rng.random_range(20..=60), 8),
        }
    }
}

/// The stay limits a person's trips are placed within.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Limits {
    /// The most days of one entry (visa-free: 30).
    pub per_entry: Option<i32>,
    /// At most 90 days in any 180.
    pub window: bool,
}

pub(super) const WINDOW: i32 = 180;
pub(super) const WINDOW_LIMIT: i32 = 90;

/// What to place.
pub(super) struct Plan {
    pub pattern: Pattern,
    pub trips: usize,
    /// The last trip is still open at "as of".
    pub open: bool,
    pub limits: Limits,
    pub overstay: Option<Overstay>,
    /// Visits of more than 30 days happen (EAEU citizens).
    pub long_visits: bool,
}

/// One trip: entry and planned exit days (the exit is after "as of" for a trip still open).
#[derive(Clone, Copy, Debug)]
pub(super) struct Trip {
    pub entry: i32,
    pub exit: i32,
    pub entry_checkpoint: &'static str,
    pub exit_checkpoint: &'static str,
    pub entry_second: u32,
    pub exit_second: u32,
}

/// The usual number of trips in the year.
pub(super) fn trips(rng: &mut ChaCha8Rng, pattern: Pattern) -> usize {
    let u: f64 = rng.random();
    match pattern {
        Pattern::Tourist => match u {
            u if u < 0.8 => 1,
            u if u < 0.95 => 2,
            u if u < 0.99 => 3,
            _ => 4,
        },
        Pattern::Visitor => 1 + (3.6 * u.powf(2.4)) as usize,
        Pattern::Frequent => 3 + (22.0 * u.powf(2.2)) as usize,
        Pattern::EaeuWorker => 1 + usize::from(u < 0.5),
        Pattern::PermitWorker => 1 + usize::from(u < 0.3),
        Pattern::CircularWorker => 2 + (3.0 * u) as usize,
        Pattern::Resident => 1 + (4.0 * u) as usize,
    }
}

/// How often the last trip is still open on "as of" (the person is in the country).
pub(super) fn open_share(pattern: Pattern) -> f64 {
    match pattern {
        Pattern::Tourist => 0.02,
        Pattern::Visitor => 0.04,
        Pattern::Frequent => 0.06,
        Pattern::CircularWorker => 0.1,
        Pattern::EaeuWorker | Pattern::PermitWorker => 0.3,
        Pattern::Resident => 0.55,
    }
}

/// Days of one trip, the entry and exit days included (1 = out the same day).
fn length(rng: &mut ChaCha8Rng, pattern: Pattern, long_visits: bool) -> i32 {
    let bucket = |rng: &mut ChaCha8Rng, table: &[((i32, i32), f64)]| {
        let &(lo, hi) = weighted(rng, table).unwrap_or(&(1, 1));
        rng.random_range(lo..=hi)
    };
    match pattern {
        Pattern::Tourist => bucket(rng, &[((1, 3), 0.15), ((4, 7), 0.4), ((8, 14), 0.33), ((15, 30), 0.12)]),
        Pattern::Visitor if long_visits => {
            bucket(rng, &[((1, 2), 0.2), ((3, 7), 0.3), ((8, 15), 0.22), ((16, 30), 0.18), ((31, 80), 0.1)])
        }
        Pattern::Visitor => bucket(rng, &[((1, 2), 0.25), ((3, 7), 0.35), ((8, 15), 0.25), ((16, 30), 0.15)]),
        Pattern::Frequent => bucket(rng, &[((1, 1), 0.35), ((2, 3), 0.45), ((4, 7), 0.2)]),
        Pattern::EaeuWorker => bucket(rng, &[((30, 59), 0.3), ((60, 90), 0.7)]),
        Pattern::PermitWorker => rng.random_range(60..=270),
        Pattern::CircularWorker => rng.random_range(20..=30),
        Pattern::Resident => rng.random_range(10..=200),
    }
}

/// Days present in `from..=to` of the trips placed.
fn present(trips: &[Trip], from: i32, to: i32) -> i32 {
    trips.iter().map(|t| (t.exit.min(to) - t.entry.max(from) + 1).max(0)).sum()
}

/// The longest stay from `start` (at most `wanted` days) that keeps within the limits after the
/// trips placed. The days of a stay in the window ending on its day can only grow day by day, so
/// the last day decides.
fn allowed(trips: &[Trip], start: i32, wanted: i32, limits: Limits) -> i32 {
    let mut len = limits.per_entry.map_or(wanted, |cap| wanted.min(cap));
    if !limits.window {
        return len;
    }
    while len >= 1 {
        let end = start + len - 1;
        let count = len.min(WINDOW) + present(trips, end - WINDOW + 1, end);
        if count <= WINDOW_LIMIT {
            return len;
        }
        len -= count - WINDOW_LIMIT;
    }
    0
}

/// Places the trips of `plan` within `first..=as_of` into `out`; returns whether the planted
/// overstay (if any) could be placed. The planted trip is the last one.
pub(super) fn place(
    rng: &mut ChaCha8Rng,
    season: &Season,
    first: i32,
    as_of: i32,
    plan: &Plan,
    lens: &mut Vec<i32>,
    out: &mut Vec<Trip>,
) -> bool {
    out.clear();
    lens.clear();
    lens.extend((0..plan.trips).map(|_| length(rng, plan.pattern, plan.long_visits)));
    let mut planted = None;
    if let (Some(o), Some(last)) = (plan.overstay, lens.last_mut()) {
        let (len, threshold) = o.length(rng);
        *last = len;
        planted = Some(threshold);
    }

    // The open trip starts some days before "as of" and is planned to end after it.
    let mut open = None;
    let mut hi = as_of;
    if plan.open
        && let Some(&len) = lens.last()
    {
        let len = len.max(2);
        let least = planted.map_or(0, |t| t - 1);
        let most = (len - 2).min(as_of - first);
        if least <= most {
            let offset = rng.random_range(least..=most);
            open = Some((as_of - offset, len));
            hi = as_of - offset - 1;
            lens.pop();
        }
    }
    let planted_closed = planted.is_some() && open.is_none();

    // The closed trips, shortened (or the earliest dropped) until they fit.
    let span = hi - first + 1;
    loop {
        let need: i32 = lens.iter().sum::<i32>() + i32::try_from(lens.len()).unwrap_or(0) - 1;
        if lens.is_empty() || need <= span {
            break;
        }
        let protected = if planted_closed { lens.len() - 1 } else { lens.len() };
        let mut shrunk = false;
        for l in lens.iter_mut().take(protected) {
            if *l > 1 {
                *l = (*l + 1) / 2;
                shrunk = true;
            }
        }
        if !shrunk {
            lens.remove(0);
        }
    }

    let worker =
        matches!(plan.pattern, Pattern::EaeuWorker | Pattern::PermitWorker | Pattern::CircularWorker);
    let mut anchors: Vec<i32> = (0..lens.len())
        .map(|_| {
            if worker && span > 60 {
                // Migrant workers come in spring and stay through the season.
                first + rng.random_range(0..=span * 2 / 5)
            } else {
                season.draw(rng)
            }
        })
        .collect();
    anchors.sort_unstable();
    let mut cursor = first;
    let mut placed_planted = false;
    for (k, (&anchor, &len)) in anchors.iter().zip(lens.iter()).enumerate() {
        let is_planted = planted_closed && k + 1 == lens.len();
        let reserve: i32 = lens.iter().skip(k + 1).map(|l| l + 1).sum();
        let latest = hi - reserve - len + 1;
        let mut start = anchor.clamp(cursor, latest.max(cursor));
        let mut len = if latest < cursor && !is_planted { (hi - reserve - cursor + 1).max(1) } else { len };
        if !is_planted {
            let mut fits = allowed(out, start, len, plan.limits);
            // The window is full: wait for days to drop out of it.
            while fits < 1 && start < hi {
                start += 7;
                fits = allowed(out, start, len, plan.limits);
            }
            len = fits;
        }
        let end = start + len - 1;
        if len < 1 || end > hi || start < cursor {
            break;
        }
        out.push(Trip {
            entry: start,
            exit: end,
            entry_checkpoint: "",
            exit_checkpoint: "",
            entry_second: 0,
            exit_second: 0,
        });
        placed_planted |= is_planted;
        cursor = end + 1;
    }

    if let Some((start, len)) = open {
        let start = start.max(cursor);
        let mut len = len;
        let mut ok = start <= as_of;
        if planted.is_none() && ok {
            len = allowed(out, start, len, plan.limits);
            // Stay open: the planned exit is after "as of".
            ok = start + len - 1 > as_of;
        }
        if ok {
            out.push(Trip {
                entry: start,
                exit: start + len - 1,
                entry_checkpoint: "",
                exit_checkpoint: "",
                entry_second: 0,
                exit_second: 0,
            });
            placed_planted |= planted.is_some();
        }
    }
    placed_planted
}

/// Airports: flights land at any hour.
fn airport(code: &str) -> bool {
    matches!(code, "ALA" | "NQZ" | "CIT" | "AKX" | "GUW" | "SCO" | "KGF" | "UKK" | "HSA")
}

/// A second of the day for a crossing at this checkpoint (never in the first minutes, so that
/// a refusal can precede an entry of the same day).
pub(super) fn second_of_day(rng: &mut ChaCha8Rng, checkpoint: &str) -> u32 {
    if airport(checkpoint) {
        rng.random_range(300..86_400)
    } else {
        // Road and rail traffic: mostly from 6:00 to 23:00.
        rng.random_range(6 * 3600..23 * 3600)
    }
}

/// Fills in the checkpoints and times of the trips: a person mostly uses one checkpoint, and
/// usually leaves the way they came.
pub(super) fn checkpoints(rng: &mut ChaCha8Rng, nation: &Nation, trips: &mut [Trip]) {
    let draw = |rng: &mut ChaCha8Rng| weighted(rng, nation.route).copied().unwrap_or("ALA");
    let home = draw(rng);
    for t in trips {
        t.entry_checkpoint = if rng.random_bool(0.7) { home } else { draw(rng) };
        t.exit_checkpoint = if rng.random_bool(0.75) { t.entry_checkpoint } else { draw(rng) };
        t.entry_second = second_of_day(rng, t.entry_checkpoint);
        t.exit_second = second_of_day(rng, t.exit_checkpoint);
        if t.entry == t.exit {
            // Out the same day: a few hours after coming in.
            t.entry_second = rng.random_range(300..14 * 3600);
            t.exit_second = t.entry_second + rng.random_range(1800..9 * 3600);
        }
    }
}
