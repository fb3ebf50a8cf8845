//! Kazakhstan's time zones: which IANA zone each region keeps, and the civil day and clock time
//! of an instant there. The zones' rules come from the tz database compiled into the binary
//! (`jiff::tz::get!`), so every machine computes the same days, with or without a
//! `/usr/share/zoneinfo`, and a zone named here that the database lacks does not compile.
//!
//! Most of the country (`Asia/Almaty`, `Asia/Qostanay`) kept UTC+6 until 1 March 2024, when it
//! moved to UTC+5; the west (`Asia/Aqtobe`, `Asia/Aqtau`, `Asia/Atyrau`, `Asia/Oral`) and
//! Kyzylorda (since 21 December 2018) were already UTC+5. The region → zone table follows the
//! tz database's own comments (`zone1970.tab`: Asia/Almaty "most of Kazakhstan").

use crate::region::Region;
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use serde::Serialize;

static ALMATY: TimeZone = jiff::tz::get!("Asia/Almaty");
static QOSTANAY: TimeZone = jiff::tz::get!("Asia/Qostanay");
static QYZYLORDA: TimeZone = jiff::tz::get!("Asia/Qyzylorda");
static AQTOBE: TimeZone = jiff::tz::get!("Asia/Aqtobe");
static AQTAU: TimeZone = jiff::tz::get!("Asia/Aqtau");
static ATYRAU: TimeZone = jiff::tz::get!("Asia/Atyrau");
static ORAL: TimeZone = jiff::tz::get!("Asia/Oral");

/// A zone of Kazakhstan in the tz database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Zone {
    /// `Asia/Almaty`: Astana, Almaty and most regions.
    Almaty,
    /// `Asia/Qostanay`: Kostanay Region.
    Qostanay,
    /// `Asia/Qyzylorda`: Kyzylorda Region.
    Qyzylorda,
    /// `Asia/Aqtobe`: Aktobe Region.
    Aqtobe,
    /// `Asia/Aqtau`: Mangystau Region.
    Aqtau,
    /// `Asia/Atyrau`: Atyrau Region.
    Atyrau,
    /// `Asia/Oral`: West Kazakhstan Region.
    Oral,
}

/// The zone of the country's own clock: "today", and the times pages show that belong to no
/// place (an audit record, a decision). Astana's time.
pub const COUNTRY: Zone = Zone::Almaty;

/// Each region's zone, by ISO 3166-2 code: every region of `data/regions.csv` (a test holds it).
const REGION_ZONES: [(&str, Zone); 20] = [
    ("KZ-10", Zone::Almaty),    // Abai (from East Kazakhstan, 2022)
    ("KZ-11", Zone::Almaty),    // Akmola
    ("KZ-15", Zone::Aqtobe),    // Aktobe
    ("KZ-19", Zone::Almaty),    // Almaty Region
    ("KZ-23", Zone::Atyrau),    // Atyrau
    ("KZ-27", Zone::Oral),      // West Kazakhstan
    ("KZ-31", Zone::Almaty),    // Zhambyl
    ("KZ-33", Zone::Almaty),    // Zhetisu (from Almaty Region, 2022)
    ("KZ-35", Zone::Almaty),    // Karaganda
    ("KZ-39", Zone::Qostanay),  // Kostanay
    ("KZ-43", Zone::Qyzylorda), // Kyzylorda
    ("KZ-47", Zone::Aqtau),     // Mangystau
    ("KZ-55", Zone::Almaty),    // Pavlodar
    ("KZ-59", Zone::Almaty),    // North Kazakhstan
    ("KZ-61", Zone::Almaty),    // Turkistan
    ("KZ-62", Zone::Almaty),    // Ulytau (from Karaganda, 2022)
    ("KZ-63", Zone::Almaty),    // East Kazakhstan
    ("KZ-71", Zone::Almaty),    // Astana
    ("KZ-75", Zone::Almaty),    // Almaty
    ("KZ-79", Zone::Almaty),    // Shymkent
];

impl Zone {
    pub const ALL: [Zone; 7] =
        [Zone::Almaty, Zone::Qostanay, Zone::Qyzylorda, Zone::Aqtobe, Zone::Aqtau, Zone::Atyrau, Zone::Oral];

    /// The zone's IANA identifier, e.g. `Asia/Almaty`.
    pub fn iana(self) -> &'static str {
        match self {
            Zone::Almaty => "Asia/Almaty",
            Zone::Qostanay => "Asia/Qostanay",
            Zone::Qyzylorda => "Asia/Qyzylorda",
            Zone::Aqtobe => "Asia/Aqtobe",
            Zone::Aqtau => "Asia/Aqtau",
            Zone::Atyrau => "Asia/Atyrau",
            Zone::Oral => "Asia/Oral",
        }
    }

    /// The zone's rules (its offsets and when they changed).
    pub fn time_zone(self) -> &'static TimeZone {
        match self {
            Zone::Almaty => &ALMATY,
            Zone::Qostanay => &QOSTANAY,
            Zone::Qyzylorda => &QYZYLORDA,
            Zone::Aqtobe => &AQTOBE,
            Zone::Aqtau => &AQTAU,
            Zone::Atyrau => &ATYRAU,
            Zone::Oral => &ORAL,
        }
    }

    /// The offset from UTC in force at an instant.
    pub fn offset(self, at: Timestamp) -> Offset {
        self.time_zone().to_offset(at)
    }

    /// The instant as a clock in the zone reads it.
    pub fn zoned(self, at: Timestamp) -> jiff::Zoned {
        at.to_zoned(self.time_zone().clone())
    }

    /// The civil day of an instant in the zone.
    pub fn day(self, at: Timestamp) -> Date {
        self.offset(at).to_datetime(at).date()
    }
}

/// The zone a region keeps (a test holds that the table has every region; the country's zone
/// otherwise).
pub fn of_region(region: &Region) -> Zone {
    REGION_ZONES.iter().find(|(c, _)| *c == region.code).map_or(COUNTRY, |&(_, z)| z)
}

/// The zone of a checkpoint (its region's), by the code crossings name it by; the country's
/// zone for a code not in the table.
pub fn of_checkpoint(code: &str) -> Zone {
    crate::checkpoint::by_code(code).map_or(COUNTRY, crate::checkpoint::Checkpoint::zone)
}

/// "UTC+5", "UTC+6", "UTC+5:30": an offset as people read it.
pub fn offset_label(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let (h, m) = (seconds.unsigned_abs() / 3600, seconds.unsigned_abs() / 60 % 60);
    if m == 0 { format!("UTC{sign}{h}") } else { format!("UTC{sign}{h}:{m:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn every_region_has_one_zone_and_the_table_names_only_regions() {
        for r in crate::region::all() {
            let n = REGION_ZONES.iter().filter(|(c, _)| *c == r.code).count();
            assert_eq!(n, 1, "{} is in the zone table {n} times", r.code);
            assert_eq!(r.zone(), of_region(r));
        }
        for (code, _) in REGION_ZONES {
            assert!(crate::region::by_code(code).is_some(), "{code} is not a region");
        }
        let zone = |code: &str| crate::region::by_code(code).map(Region::zone);
        assert_eq!(zone("KZ-75"), Some(Zone::Almaty));
        assert_eq!(zone("KZ-71"), Some(Zone::Almaty));
        assert_eq!(zone("KZ-39"), Some(Zone::Qostanay));
        assert_eq!(zone("KZ-43"), Some(Zone::Qyzylorda));
        assert_eq!(zone("KZ-15"), Some(Zone::Aqtobe));
        assert_eq!(zone("KZ-47"), Some(Zone::Aqtau));
        assert_eq!(zone("KZ-23"), Some(Zone::Atyrau));
        assert_eq!(zone("KZ-27"), Some(Zone::Oral));
    }

    #[test]
    fn each_zone_is_the_tz_database_zone_it_names() {
        for z in Zone::ALL {
            assert_eq!(z.time_zone().iana_name(), Some(z.iana()), "{z:?}");
            // Every zone is used by a region, and every zone has been UTC+5 since 1 March 2024.
            assert!(REGION_ZONES.iter().any(|(_, rz)| *rz == z), "{z:?} is used by no region");
            assert_eq!(z.offset(at("2024-03-01T00:00:00Z")).seconds(), 5 * 3600, "{z:?}");
            assert_eq!(z.offset(at("2026-11-22T12:00:00Z")).seconds(), 5 * 3600, "{z:?}");
        }
    }

    #[test]
    fn almaty_moved_from_utc6_to_utc5_on_1_march_2024() {
        let almaty = Zone::Almaty;
        assert_eq!(almaty.offset(at("2024-02-29T12:00:00Z")).seconds(), 6 * 3600);
        assert_eq!(almaty.offset(at("2024-03-02T12:00:00Z")).seconds(), 5 * 3600);
        // The change: midnight of 1 March at UTC+6 became 23:00 of 29 February at UTC+5.
        assert_eq!(almaty.offset(at("2024-02-29T17:59:59Z")).seconds(), 6 * 3600);
        assert_eq!(almaty.offset(at("2024-02-29T18:00:00Z")).seconds(), 5 * 3600);
        assert_eq!(almaty.day(at("2024-02-29T17:59:59Z")), jiff::civil::date(2024, 2, 29));
        assert_eq!(almaty.day(at("2024-02-29T18:00:00Z")), jiff::civil::date(2024, 2, 29));
        assert_eq!(almaty.day(at("2024-02-29T19:00:00Z")), jiff::civil::date(2024, 3, 1));
        assert_eq!(Zone::Qostanay.offset(at("2024-02-29T12:00:00Z")).seconds(), 6 * 3600);
    }

    #[test]
    fn the_west_and_kyzylorda_were_already_utc5() {
        for z in [Zone::Aqtobe, Zone::Aqtau, Zone::Atyrau, Zone::Oral, Zone::Qyzylorda] {
            assert_eq!(z.offset(at("2023-06-15T12:00:00Z")).seconds(), 5 * 3600, "{z:?}");
            assert_eq!(z.offset(at("2024-02-29T12:00:00Z")).seconds(), 5 * 3600, "{z:?}");
        }
        // Kyzylorda left UTC+6 on 21 December 2018.
        assert_eq!(Zone::Qyzylorda.offset(at("2018-12-01T12:00:00Z")).seconds(), 6 * 3600);
    }

    #[test]
    fn a_crossing_at_half_past_midnight_in_almaty_in_2023_is_on_that_day() {
        // 00:30 at UTC+6 on 15 May 2023 is 18:30 UTC on the 14th: a fixed UTC+5 said the 14th.
        let t = at("2023-05-15T00:30:00+06:00");
        assert_eq!(Zone::Almaty.day(t), jiff::civil::date(2023, 5, 15));
        assert_eq!(Zone::Atyrau.day(t), jiff::civil::date(2023, 5, 14));
        assert_eq!(Zone::Almaty.zoned(t).strftime("%H:%M").to_string(), "00:30");
    }

    #[test]
    fn checkpoints_keep_their_regions_zones() {
        assert_eq!(of_checkpoint("ALA"), Zone::Almaty);
        assert_eq!(of_checkpoint("GUW"), Zone::Atyrau);
        assert_eq!(of_checkpoint("KRQ"), Zone::Atyrau);
        assert_eq!(of_checkpoint("AKX"), Zone::Aqtobe);
        assert_eq!(of_checkpoint("SRM"), Zone::Oral);
        assert_eq!(of_checkpoint("SCO"), Zone::Aqtau);
        assert_eq!(of_checkpoint("TMB"), Zone::Aqtau);
        assert_eq!(of_checkpoint("nope"), COUNTRY);
    }

    #[test]
    fn offsets_read_as_utc_plus_hours() {
        assert_eq!(offset_label(Offset::constant(5)), "UTC+5");
        assert_eq!(offset_label(Offset::constant(6)), "UTC+6");
        assert_eq!(offset_label(Offset::constant(-3)), "UTC-3");
        assert_eq!(offset_label(Offset::from_seconds(5 * 3600 + 1800).unwrap()), "UTC+5:30");
    }

    proptest! {
        /// Between 2000 and 2100 every zone is between UTC+4 and UTC+7, and a day is the date
        /// of the instant moved by the zone's offset.
        #[test]
        fn days_are_the_instant_moved_by_the_offset(secs in 946_684_800i64..4_102_444_800, z in 0usize..7) {
            let zone = Zone::ALL[z];
            let t = Timestamp::from_second(secs).unwrap();
            let off = zone.offset(t).seconds();
            prop_assert!((4 * 3600..=7 * 3600).contains(&off), "{zone:?} {t} {off}");
            let moved = Timestamp::from_second(secs + i64::from(off)).unwrap();
            prop_assert_eq!(zone.day(t), moved.to_zoned(TimeZone::UTC).date());
            prop_assert_eq!(zone.zoned(t).date(), zone.day(t));
        }

        /// Whatever a file names as a checkpoint, its crossing gets a zone of Kazakhstan; the
        /// checkpoint's own when the code is known, in any case and with spaces around.
        #[test]
        fn any_checkpoint_code_gives_a_zone_of_kazakhstan(text in "\\PC{0,6}", i in 0usize..30) {
            prop_assert!(Zone::ALL.contains(&of_checkpoint(&text)));
            let all = crate::checkpoint::all();
            let c = &all[i % all.len()];
            prop_assert_eq!(of_checkpoint(&format!(" {} ", c.code.to_lowercase())), of_region(c.region));
        }
    }
}
