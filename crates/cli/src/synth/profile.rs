//! What the synthetic labour market is made of: a profile per occupation (volume, sector, salary
//! level, share among work permits) and per region (population, wages, foreign labour), and the
//! planted signals that the list of professions in demand must find in the data.

use super::Occupation;

/// The years of the data; "as of" is 31 December of `last`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Years {
    pub first: i16,
    pub last: i16,
}

impl Years {
    /// How far `year` is into the window of the last two years: 0 before it, 1 in the
    /// second-last year, 2 in the last.
    pub fn recent(self, year: i16) -> i32 {
        (i32::from(year) - i32::from(self.last) + 2).clamp(0, 2)
    }

    /// Years since the first year.
    pub fn since_first(self, year: i16) -> i32 {
        i32::from(year) - i32::from(self.first)
    }

    pub fn iter(self) -> impl Iterator<Item = i16> {
        self.first..=self.last
    }
}

/// A planted shortage: an occupation whose data, in the last two years, shows every signal of
/// demand the list of professions in demand looks for — vacancies growing fast, staying open long
/// (or expiring unfilled), salaries rising faster than the average, more work permits to
/// foreigners and a high forecast need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Planted {
    /// ISCO-08 unit group.
    pub code: &'static str,
    /// Whether it falls in one of the four priority sectors of DOMAIN.md §1 (healthcare,
    /// education, science and technology, IT).
    pub priority: bool,
    /// Year-on-year factor of its vacancy volume in each of the last two years (1.45 = +45 %),
    /// on top of the general growth.
    pub vacancy_growth: f64,
    /// Median days from posting to closing of its vacancies in the last two years.
    pub median_days: f64,
}

/// The planted shortages (see [`Planted`]).
pub const PLANTED_SHORTAGES: &[Planted] = &[
    // Priority sectors.
    Planted { code: "2212", priority: true, vacancy_growth: 1.50, median_days: 80.0 }, // specialist doctors
    Planted { code: "2211", priority: true, vacancy_growth: 1.35, median_days: 55.0 }, // generalist doctors
    Planted { code: "2250", priority: true, vacancy_growth: 1.40, median_days: 70.0 }, // veterinarians
    Planted { code: "2145", priority: true, vacancy_growth: 1.45, median_days: 75.0 }, // chemical engineers
    Planted { code: "2146", priority: true, vacancy_growth: 1.55, median_days: 85.0 }, // mining, oil & gas engineers
    Planted { code: "2512", priority: true, vacancy_growth: 1.60, median_days: 60.0 }, // software developers
    Planted { code: "2529", priority: true, vacancy_growth: 1.55, median_days: 70.0 }, // information security
    Planted { code: "2511", priority: true, vacancy_growth: 1.40, median_days: 55.0 }, // systems analysts
    Planted { code: "2310", priority: true, vacancy_growth: 1.35, median_days: 65.0 }, // university teachers
    Planted { code: "2320", priority: true, vacancy_growth: 1.30, median_days: 60.0 }, // vocational teachers
    Planted { code: "2131", priority: true, vacancy_growth: 1.40, median_days: 90.0 }, // biologists
    // Outside the priority sectors (not eligible for the list, but short all the same).
    Planted { code: "7212", priority: false, vacancy_growth: 1.45, median_days: 50.0 }, // welders
    Planted { code: "8332", priority: false, vacancy_growth: 1.35, median_days: 45.0 }, // heavy truck drivers
    Planted { code: "3221", priority: false, vacancy_growth: 1.30, median_days: 50.0 }, // nursing associates
];

/// A planted declining occupation: its vacancies fall every year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Declining {
    /// ISCO-08 unit group.
    pub code: &'static str,
    /// Year-on-year factor of its vacancy volume (0.78 = −22 %), permits and forecast alike.
    pub yearly: f64,
}

/// The planted declining occupations (see [`Declining`]).
pub const DECLINING: &[Declining] = &[
    Declining { code: "4132", yearly: 0.75 }, // data-entry clerks
    Declining { code: "2642", yearly: 0.80 }, // journalists
    Declining { code: "4223", yearly: 0.80 }, // telephone switchboard operators
];

/// Extra salary growth of a planted shortage in each of the last two years, over the average.
pub const SHORTAGE_SALARY_EXTRA: f64 = 1.07;
/// Year-on-year factor of work permits for a planted shortage in each of the last two years.
pub const SHORTAGE_PERMIT_GROWTH: f64 = 1.40;
/// Forecast need of a planted shortage relative to its volume: before, in the second-last and
/// in the last year.
pub const SHORTAGE_FORECAST: [f64; 3] = [1.5, 2.3, 3.1];

/// National median offered salary (₸ a month) of an occupation of salary level 1.0 in the
/// middle of 2025; calibrated so that the median of all vacancies of 2025 is about 375,000 ₸.
pub const SALARY_REFERENCE_2025: f64 = 325_000.0;
/// Yearly nominal growth of offered salaries within an occupation and region (the national
/// median grows a little faster, about 9–12 %, as better-paid shortages take a larger share).
pub const SALARY_GROWTH: f64 = 1.085;

/// The monthly minimum wage (₸) in force in a year; no vacancy offers less.
pub fn minimum_wage(year: i16) -> f64 {
    match year {
        ..=2021 => 42_500.0,
        2022 => 60_000.0,
        2023 => 70_000.0,
        _ => 85_000.0,
    }
}

/// The sector an occupation's employers belong to; it decides the regional concentration, the
/// seasonality and the employer pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sector {
    Health,
    Education,
    It,
    Science,
    Energy,
    Construction,
    Agriculture,
    Public,
    Industry,
    Services,
}

impl Sector {
    pub const COUNT: usize = 10;

    pub fn index(self) -> usize {
        self as usize
    }

    fn of(code: &str) -> Sector {
        use Sector::*;
        match code {
            "2114" | "2145" | "2146" | "3117" | "3121" | "3133" | "3134" | "3135" | "3151" | "3152"
            | "1322" | "8111" | "8112" | "8113" | "8121" | "8131" | "8350" | "9311" | "7542" => Energy,
            "1311" | "1312" | "2132" | "2250" | "3142" | "3143" | "3240" | "8341" => Agriculture,
            "1323" | "2142" | "2161" | "2162" | "2164" | "2165" | "3112" | "3123" | "8342" | "8343"
            | "9312" | "9313" => Construction,
            "1342" | "1343" | "5321" | "5322" | "5329" => Health,
            "1341" | "1345" | "5311" | "5312" => Education,
            "1330" | "2356" | "2434" => It,
            "1111" | "1112" | "1113" | "1114" | "2422" | "2612" | "5411" | "5412" | "5413" => Public,
            _ if code.starts_with("335") => Public,
            _ => match code.get(..2).unwrap_or("") {
                "01" | "02" | "03" => Public,
                "22" | "32" => Health,
                "23" => Education,
                "25" | "35" => It,
                "21" | "31" => Science,
                "61" | "62" | "63" | "92" => Agriculture,
                "71" => Construction,
                "72" | "73" | "74" | "75" | "81" | "82" | "93" => Industry,
                _ => Services,
            },
        }
    }
}

/// Relative vacancy volume of unit groups that are far more (or less) common than the default of
/// their major group.
const VOLUME: &[(&str, f64)] = &[
    // Common.
    ("5223", 40.0), // shop sales assistants
    ("8322", 22.0), // car, taxi and van drivers
    ("9112", 20.0), // cleaners
    ("2330", 16.0), // secondary teachers
    ("5120", 14.0), // cooks
    ("5414", 14.0), // security guards
    ("3221", 14.0), // nursing associates
    ("8332", 14.0), // heavy truck drivers
    ("2341", 12.0), // primary teachers
    ("2411", 12.0), // accountants
    ("2342", 10.0), // early childhood educators
    ("9313", 10.0), // building labourers
    ("5131", 9.0),  // waiters
    ("5230", 9.0),  // cashiers
    ("7212", 9.0),  // welders
    ("2211", 8.0),  // generalist doctors
    ("2512", 8.0),  // software developers
    ("4110", 8.0),  // general office clerks
    ("7411", 8.0),  // building electricians
    ("9333", 8.0),  // freight handlers
    ("2212", 7.0),  // specialist doctors
    ("2221", 7.0),  // nursing professionals
    ("3322", 7.0),  // commercial sales representatives
    ("4311", 7.0),  // bookkeeping clerks
    ("7231", 7.0),  // motor vehicle mechanics
    ("3313", 6.0),  // accounting associates
    ("9329", 6.0),  // manufacturing labourers
    ("9412", 6.0),  // kitchen helpers
    ("2310", 5.0),  // university teachers
    ("4321", 5.0),  // stock clerks
    ("7112", 5.0),  // bricklayers
    ("7233", 5.0),  // machinery mechanics
    ("7412", 5.0),  // electrical mechanics
    ("9621", 5.0),  // couriers
    ("2320", 4.0),  // vocational teachers
    ("2142", 4.0),  // civil engineers
    ("2353", 4.0),  // language teachers
    ("2514", 4.0),  // applications programmers
    ("3512", 4.0),  // ICT user support
    ("4222", 4.0),  // contact centre clerks
    ("5246", 4.0),  // food counter attendants
    ("5311", 4.0),  // child care workers
    ("5321", 4.0),  // health care assistants
    ("7115", 4.0),  // carpenters
    ("7126", 4.0),  // plumbers and pipe fitters
    ("8331", 4.0),  // bus drivers
    ("1120", 3.0),  // managing directors
    ("1420", 3.0),  // retail managers
    ("2144", 3.0),  // mechanical engineers
    ("2146", 3.0),  // mining, oil & gas engineers
    ("2151", 3.0),  // electrical engineers
    ("2262", 3.0),  // pharmacists
    ("2433", 3.0),  // technical sales
    ("2511", 3.0),  // systems analysts
    ("2513", 3.0),  // web developers
    ("2522", 3.0),  // systems administrators
    ("3115", 3.0),  // mechanical technicians
    ("3213", 3.0),  // pharmaceutical technicians
    ("4226", 3.0),  // receptionists
    ("5141", 3.0),  // hairdressers
    ("5153", 3.0),  // building caretakers
    ("5244", 3.0),  // contact centre salespersons
    ("5312", 3.0),  // teachers' aides
    ("7512", 3.0),  // bakers
    ("8111", 3.0),  // miners
    ("8153", 3.0),  // sewing machine operators
    ("8341", 3.0),  // farm machinery operators
    ("8342", 3.0),  // earthmoving operators
    ("8343", 3.0),  // crane operators
    ("9334", 3.0),  // shelf fillers
    ("9613", 3.0),  // sweepers
    ("1221", 2.5),  // sales managers
    ("2250", 2.5),  // veterinarians
    ("2261", 2.5),  // dentists
    ("2611", 2.5),  // lawyers
    ("2634", 2.5),  // psychologists
    ("3112", 2.5),  // civil engineering technicians
    ("3212", 2.5),  // laboratory technicians
    ("4132", 2.5),  // data-entry clerks
    ("5142", 2.5),  // beauticians
    ("5222", 2.5),  // shop supervisors
    ("7533", 2.5),  // sewing workers
    ("8113", 2.5),  // well drillers
    ("8160", 2.5),  // food machine operators
    ("2352", 2.0),  // special needs teachers
    ("2359", 2.0),  // teaching professionals n.e.c.
    ("3434", 2.0),  // chefs
    ("7511", 2.0),  // butchers
    ("8183", 2.0),  // packing machine operators
    ("9111", 2.0),  // domestic cleaners
    ("9321", 2.0),  // hand packers
    ("9622", 2.0),  // odd job persons
    ("1211", 1.5),  // finance managers
    ("1212", 1.5),  // HR managers
    ("2145", 1.5),  // chemical engineers
    ("2529", 1.5),  // information security
    ("2642", 1.5),  // journalists
    ("2643", 1.5),  // translators
    ("2131", 1.2),  // biologists
    // Rare: few ever reach the labour exchange.
    ("3151", 0.5),
    ("3421", 0.3),
    ("3152", 0.3),
    ("2653", 0.25),
    ("1114", 0.2),
    ("4213", 0.2),
    ("2612", 0.15),
    ("2636", 0.15),
    ("3413", 0.15),
    ("5241", 0.15),
    ("6223", 0.15),
    ("1111", 0.12),
    ("1113", 0.12),
    ("4414", 0.12),
    ("5161", 0.12),
    ("6224", 0.12),
    ("6310", 0.12),
    ("6320", 0.12),
    ("6330", 0.12),
    ("6340", 0.12),
    ("9331", 0.12),
    ("9332", 0.12),
    ("9624", 0.12),
    // Armed forces do not recruit through the labour exchange.
    ("0110", 0.01),
    ("0210", 0.01),
    ("0310", 0.01),
];

/// Default volume of a unit group of a major group not in [`VOLUME`] (before a per-code jitter).
fn default_volume(major: u8) -> f64 {
    match major {
        0 => 0.01,
        1 => 0.8,
        5 => 1.2,
        6 => 0.4,
        7 | 8 => 0.9,
        _ => 1.0,
    }
}

/// Salary level (a multiplier on [`SALARY_REFERENCE_2025`]) of an occupation.
fn salary_level(code: &str, major: u8, sector: Sector) -> f64 {
    let group = match major {
        0 => 1.2,
        1 => 1.9,
        2 => 1.35,
        3 => 1.1,
        4 => 0.85,
        5 => 0.8,
        6 => 0.75,
        7 => 1.1,
        8 => 1.05,
        _ => 0.7,
    };
    let specific = match code {
        "3153" => 3.0,                   // pilots
        "1120" | "1330" => 1.4,          // chief executives, ICT managers
        "2212" | "2261" => 1.3,          // specialist doctors, dentists
        "2341" | "2342" | "5311" => 0.8, // teachers of young children
        "3221" | "2221" => 0.85,         // nurses
        _ => match sector {
            Sector::It if major == 2 => 1.5,
            Sector::It => 1.2,
            Sector::Energy => 1.4,
            Sector::Education => 0.9,
            Sector::Agriculture => 0.9,
            _ => 1.0,
        },
    };
    group * specific
}

/// Relative weight of an occupation among work permits to foreigners: managers, professionals,
/// technicians and construction, oil & gas crafts; hardly any clerks, sales or elementary work.
fn permit_weight(volume: f64, major: u8, sector: Sector, planted: bool) -> f64 {
    let group = match major {
        0 => 0.0,
        1 => 3.0,
        2 => 2.5,
        3 => 1.5,
        7 => 1.0,
        8 => 0.6,
        4 => 0.1,
        5 => 0.08,
        _ => 0.05,
    };
    let sector = match sector {
        Sector::Energy => 3.0,
        Sector::Construction if major >= 7 => 2.0,
        Sector::Industry if major >= 7 => 1.3,
        _ => 1.0,
    };
    volume.sqrt() * group * sector * if planted { 1.5 } else { 1.0 }
}

/// Median days to closing of a vacancy, by major group.
fn median_days(major: u8) -> f64 {
    match major {
        0 | 1 => 30.0,
        2 => 28.0,
        3 => 24.0,
        4 | 8 => 18.0,
        5 => 14.0,
        6 => 16.0,
        7 => 20.0,
        _ => 12.0,
    }
}

/// One occupation as the generator sees it.
#[derive(Debug)]
pub(super) struct OccProfile<'a> {
    pub code: &'a str,
    /// The title as passed in, made singular where that is safe to do.
    pub title: String,
    /// The title after a seniority prefix ("Senior software developer"), when it could be made
    /// singular; other titles get no prefix.
    pub title_after_prefix: Option<String>,
    pub major: u8,
    /// The two-digit sub-major group.
    pub sub_major: u8,
    pub sector: Sector,
    /// Relative vacancy volume.
    pub volume: f64,
    /// Salary level, a multiplier on [`SALARY_REFERENCE_2025`].
    pub salary: f64,
    /// Relative weight among work permits.
    pub permit: f64,
    pub median_days: f64,
    pub planted: Option<&'static Planted>,
    pub declining: Option<&'static Declining>,
}

impl<'a> OccProfile<'a> {
    pub fn new(occupation: &'a Occupation) -> OccProfile<'a> {
        let code = occupation.code.as_str();
        let digit = |i: usize| code.as_bytes().get(i).map_or(0, |b| b.wrapping_sub(b'0'));
        let major = digit(0);
        let sub_major = major * 10 + digit(1);
        let sector = Sector::of(code);
        let planted = PLANTED_SHORTAGES.iter().find(|p| p.code == code);
        let declining = DECLINING.iter().find(|d| d.code == code);
        let volume = match VOLUME.iter().find(|(c, _)| *c == code) {
            Some(&(_, v)) => v,
            None => default_volume(major) * (0.6 + 0.9 * unit_hash(code)),
        };
        let given = occupation.title.trim();
        let title = singular(given);
        let title_after_prefix = (title != given).then(|| lower_first(&title));
        OccProfile {
            code,
            title,
            title_after_prefix,
            major,
            sub_major,
            sector,
            volume,
            salary: salary_level(code, major, sector),
            permit: permit_weight(volume, major, sector, planted.is_some()),
            median_days: median_days(major),
            planted,
            declining,
        }
    }

    /// Whether it belongs to ISCO major group 2, "Professionals".
    pub fn professional(&self) -> bool {
        self.major == 2
    }

    /// Multiplier of the vacancy volume in a year: planted shortages grow in the last two years,
    /// declining occupations fall every year.
    pub fn vacancy_trend(&self, years: Years, year: i16) -> f64 {
        if let Some(p) = self.planted {
            p.vacancy_growth.powi(years.recent(year))
        } else if let Some(d) = self.declining {
            d.yearly.powi(years.since_first(year))
        } else {
            1.0
        }
    }

    /// Multiplier of the work-permit volume in a year.
    pub fn permit_trend(&self, years: Years, year: i16) -> f64 {
        if self.planted.is_some() {
            SHORTAGE_PERMIT_GROWTH.powi(years.recent(year))
        } else if let Some(d) = self.declining {
            d.yearly.powi(years.since_first(year))
        } else {
            1.0
        }
    }

    /// Multiplier of the forecast need in a year.
    pub fn forecast_trend(&self, years: Years, year: i16) -> f64 {
        if self.planted.is_some() {
            SHORTAGE_FORECAST[years.recent(year) as usize]
        } else if let Some(d) = self.declining {
            d.yearly.powi(years.since_first(year))
        } else {
            1.0
        }
    }

    /// Extra salary multiplier in a year, over the general growth.
    pub fn salary_trend(&self, years: Years, year: i16) -> f64 {
        if self.planted.is_some() { SHORTAGE_SALARY_EXTRA.powi(years.recent(year)) } else { 1.0 }
    }

    /// Whether its vacancies of this year show the planted shortage.
    pub fn short_in(&self, years: Years, year: i16) -> bool {
        self.planted.is_some() && years.recent(year) > 0
    }
}

/// A number in [0, 1) fixed by the code, so that unit groups of the same major group differ in
/// volume the same way on every run (FNV-1a).
fn unit_hash(code: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in code.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// The singular of a simple English plural title ("Software developers" → "Software
/// developer"); anything else (lists, qualifiers, other languages) is kept as it is.
fn singular(title: &str) -> String {
    let simple = title.is_ascii()
        && !title.contains([',', '(', ')'])
        && !title.contains(" and ")
        && title.ends_with('s')
        && !title.ends_with("ss");
    match title.strip_suffix('s') {
        Some(stem) if simple => stem.to_string(),
        _ => title.to_string(),
    }
}

/// The title after a prefix: "Software developer" → "software developer", but "ICT manager"
/// stays.
fn lower_first(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_string(),
    }
}

/// One region as the generator sees it.
#[derive(Debug)]
pub(super) struct RegionProfile {
    /// ISO 3166-2, e.g. `KZ-75`.
    pub iso: String,
    /// KATO, e.g. `750000000`.
    pub kato: String,
    /// The two digits after `KZ-`.
    pub digits: u8,
    /// Weight of its vacancies: population (thousands) × labour-market activity.
    pub vacancies: f64,
    /// Regional salary level.
    pub salary: f64,
    /// Relative weight among work permits.
    pub permits: f64,
}

/// Population (thousands, 2024), labour-market activity, salary level and share of foreign
/// labour of each region.
const REGIONS: &[(u8, f64, f64, f64, f64)] = &[
    (10, 605.0, 0.9, 0.92, 1.0),    // Abai
    (11, 785.0, 0.9, 0.90, 1.0),    // Akmola
    (15, 930.0, 1.0, 1.02, 6.0),    // Aktobe
    (19, 1530.0, 0.85, 0.92, 2.0),  // Almaty Region
    (23, 700.0, 1.2, 1.65, 28.0),   // Atyrau
    (27, 690.0, 1.0, 1.05, 6.0),    // West Kazakhstan
    (31, 1215.0, 0.8, 0.82, 1.0),   // Zhambyl
    (33, 700.0, 0.8, 0.82, 0.7),    // Zhetisu
    (35, 1135.0, 1.05, 1.02, 3.0),  // Karaganda
    (39, 830.0, 0.95, 0.88, 1.0),   // Kostanay
    (43, 840.0, 0.85, 0.90, 2.0),   // Kyzylorda
    (47, 775.0, 1.1, 1.50, 12.0),   // Mangystau
    (55, 750.0, 1.0, 1.00, 2.5),    // Pavlodar
    (59, 530.0, 0.9, 0.86, 0.5),    // North Kazakhstan
    (61, 2140.0, 0.65, 0.78, 1.0),  // Turkistan
    (62, 220.0, 1.0, 1.15, 1.5),    // Ulytau
    (63, 730.0, 1.0, 1.00, 2.0),    // East Kazakhstan
    (71, 1450.0, 1.35, 1.35, 11.0), // Astana
    (75, 2240.0, 1.35, 1.35, 14.0), // Almaty
    (79, 1230.0, 0.95, 0.90, 2.5),  // Shymkent
];

impl RegionProfile {
    /// The profile of a region code already checked to be `KZ-` and two digits.
    pub fn new(iso: &str) -> RegionProfile {
        let two = iso.get(3..5).unwrap_or("00");
        let digits = two.parse::<u8>().unwrap_or(0);
        let (people, activity, salary, permits) = REGIONS
            .iter()
            .find(|r| r.0 == digits)
            .map_or((700.0, 1.0, 1.0, 1.0), |&(_, p, a, s, w)| (p, a, s, w));
        RegionProfile {
            iso: iso.to_string(),
            kato: format!("{two}0000000"),
            digits,
            vacancies: people * activity,
            salary,
            permits,
        }
    }
}

/// How much more (or less) an occupation of a sector is found in a region than its size says.
pub(super) fn affinity(sector: Sector, region: u8) -> f64 {
    match sector {
        Sector::Energy => match region {
            23 => 5.0,
            47 => 4.0,
            62 => 3.0,
            15 | 27 => 2.5,
            35 => 2.0,
            43 | 55 | 63 => 1.5,
            71 | 75 => 0.6,
            _ => 0.4,
        },
        Sector::It => match region {
            75 => 3.0,
            71 => 2.5,
            79 | 35 => 1.0,
            _ => 0.5,
        },
        Sector::Science => match region {
            75 => 2.0,
            71 => 1.8,
            _ => 0.8,
        },
        Sector::Agriculture => match region {
            71 | 75 | 79 => 0.15,
            10 | 11 | 15 | 19 | 27 | 31 | 33 | 39 | 43 | 59 | 61 | 63 => 1.5,
            _ => 1.0,
        },
        Sector::Construction => match region {
            71 => 1.6,
            75 => 1.3,
            23 | 47 => 1.3,
            79 => 1.2,
            _ => 1.0,
        },
        Sector::Industry => match region {
            35 | 55 | 63 => 1.4,
            _ => 1.0,
        },
        Sector::Public => match region {
            71 => 2.5,
            _ => 1.0,
        },
        Sector::Education => match region {
            61 => 1.3,
            79 => 1.2,
            _ => 1.0,
        },
        Sector::Health | Sector::Services => 1.0,
    }
}

/// Seasonality of postings by sector, month 0 = January (mean about 1 over the year), on top of
/// the general seasonality of the exchange.
pub(super) fn season(sector: Sector, month0: usize) -> f64 {
    const EDUCATION: [f64; 12] = [1.1, 0.9, 0.8, 0.8, 0.8, 1.1, 1.3, 1.8, 1.0, 0.8, 0.8, 0.8];
    const AGRICULTURE: [f64; 12] = [0.5, 0.7, 1.5, 1.7, 1.5, 1.2, 1.0, 1.0, 1.0, 0.8, 0.6, 0.5];
    const CONSTRUCTION: [f64; 12] = [0.6, 0.8, 1.3, 1.5, 1.4, 1.2, 1.1, 1.0, 1.0, 0.9, 0.8, 0.6];
    const SERVICES: [f64; 12] = [0.95, 0.95, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.05];
    let table = match sector {
        Sector::Education => &EDUCATION,
        Sector::Agriculture => &AGRICULTURE,
        Sector::Construction => &CONSTRUCTION,
        Sector::Services => &SERVICES,
        _ => return 1.0,
    };
    table.get(month0).copied().unwrap_or(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_made_singular_only_when_simple() {
        assert_eq!(singular("Software developers"), "Software developer");
        assert_eq!(singular("Welders and flamecutters"), "Welders and flamecutters");
        assert_eq!(singular("Secretaries (general)"), "Secretaries (general)");
        assert_eq!(singular("Программисты"), "Программисты");
        assert_eq!(lower_first("Software developer"), "software developer");
        assert_eq!(lower_first("ICT manager"), "ICT manager");
    }

    #[test]
    fn planted_lists_are_unit_groups_and_disjoint() {
        for p in PLANTED_SHORTAGES {
            assert!(p.code.len() == 4 && p.code.bytes().all(|b| b.is_ascii_digit()), "{p:?}");
            assert!((1.3..=1.6).contains(&p.vacancy_growth), "{p:?}");
            assert!((45.0..=90.0).contains(&p.median_days), "{p:?}");
            assert!(DECLINING.iter().all(|d| d.code != p.code));
        }
    }

    #[test]
    fn the_last_two_years_are_the_shortage_window() {
        let y = Years { first: 2022, last: 2025 };
        assert_eq!([2022, 2023, 2024, 2025].map(|x| y.recent(x)), [0, 0, 1, 2]);
        let one = Years { first: 2025, last: 2025 };
        assert_eq!(one.recent(2025), 2);
    }
}
