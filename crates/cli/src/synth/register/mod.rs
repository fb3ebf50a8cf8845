//! `ashyq generate register`: a synthetic national year of the register of movements —
//! the border crossings of foreigners, their registrations at the place of stay and work, and
//! their visas and permits — written as the three CSV files of docs/register.md ("Register
//! files"): `crossings.csv`, `registrations.csv`, `permits.csv`.
//!
//! **Deterministic and streaming.** One seed gives byte-identical files. People are drawn one
//! after another and each person's rows are written at once, so memory does not grow with the
//! number of crossings (only a 64-bit fingerprint per person is kept, so that no two people share
//! citizenship, names and birth date). Rows are grouped by person, each person's in time order;
//! ids are sequential in file order: `E2026-000000001` (crossings), `R2026-000000001`
//! (registrations), `V2026-00000001`, `WP2026-…`, `TR…`, `PR…`, `VS…`, `IV…`, `AZ…` (permits, by
//! the year they were issued).
//!
//! **Who crosses.** Citizenships weighted as the foreigners who cross Kazakhstan's border:
//! Uzbekistan 30 %, Russia 24 %, Kyrgyzstan 14 %, China 7 %, Tajikistan 4.5 %, Türkiye, India,
//! Azerbaijan, Germany, Korea, the USA, Belarus, Mongolia, Ukraine, Georgia, the UK, Armenia,
//! France, Italy, Poland, Israel, Japan, the Emirates, and visa-required Turkmenistan,
//! Afghanistan, Pakistan and Iran; a few stateless people (`XXA`) with a travel document of the
//! state they live in. Regimes: EAEU (RUS, KGZ, BLR, ARM: 90 days in any 180), visa-free (30 days
//! per entry, 90 in 180), visa. Each person has a profile — tourist, visitor, frequent traveller
//! (drivers, shuttle traders), migrant worker (mostly UZB, KGZ, TJK), resident — with its sex and
//! age mix, trip count and trip lengths (most under 30 days; EAEU workers up to 90; workers with a
//! work permit up to 270, the permit covering them).
//!
//! **Documents.** A passport (`P`) mostly; Kyrgyz, Belarusian and Armenian ID cards (`I`) and
//! Russia's internal passport (`P`, ten digits) for some; numbers in each state's format, unique
//! per issuing state; names from per-nationality pools in MRZ Latin. About 3.5 % of those with
//! two trips or more renew their passport between two trips: a second document, same names,
//! birth date and nationality. About 1 % hold a document that expired after their last trip.
//!
//! **Trips.** Entry then exit, through checkpoints of the person's border (UZB via ZHZ, KZG, SRG;
//! KGZ via KRD, KRS; CHN via KHG, DST, ALT, ALA; RUS via the road and rail checkpoints of the
//! Russian border and airports; far countries via ALA and NQZ …), mostly the same one in and out;
//! start days follow the season (the summer peak, New Year, Nauryz in March, the May holidays;
//! workers arrive in spring). A person's trips never overlap; the last may still be open on
//! "as of" (the person is in the country). Instants are RFC 3339 with the offset of the
//! checkpoint's clock on that day (the tz database: `+06:00` in most of the country before
//! 1 March 2024, `+05:00` since and in the west).
//!
//! **Planted signals.** About 1.3 % of people overstay on their last trip: visa-free visitors
//! staying 31–60 days on one entry, EAEU citizens staying 92–130 days (more than 90 in 180),
//! visa holders staying 3–40 days past their visa. Everyone else keeps within the limits of their
//! regime (checked while trips are placed). About 0.3 % of crossings are refusals of entry
//! (`invalid document` — with an expired document —, `entry ban`, `no visa`, `purpose not
//! confirmed`): some people are only refused, others are refused before a later entry.
//!
//! **Registrations and permits.** Stays of more than 30 days are registered at the place of stay
//! (5 % notified late, 5 to 15 working days after arrival); migrant workers get `work`
//! registrations with an employer whose BIN has a valid check digit and, for those with one, the
//! work permit's number. Visa-required people hold visas covering their trips (one multiple-entry
//! visa for frequent travellers and workers), except the planted visa overstayers; workers with
//! a permit hold a `work_permit` (some cancelled after they left); some EAEU workers a temporary
//! residence permit; residents a temporary or permanent residence permit, an Ata zholy card or a
//! long-term (valuable-skills, investor) visa.

mod days;
mod documents;
mod names;
mod people;
mod places;
mod rows;
mod travel;
mod writer;

use anyhow::{Context, ensure};
use days::Season;
use documents::Numbers;
use people::{Document, Group, Identities, Nation, Nations, Profile};
use places::Employers;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::Path;
use travel::{Limits, MAX_TRIPS, Overstay, Pattern, Plan, Trip};
use writer::{IdentityText, Writer};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterSynthOptions {
    /// People who crossed the border (each has at least one crossing).
    pub people: u64,
    /// Crossings to write (entries, exits and refusals); at least `people`.
    pub crossings: u64,
    /// The year the register covers, from 1 January …
    pub year: i16,
    /// … to this day (default: 31 December of `year`), on which the trips still open are open.
    pub as_of: Option<jiff::civil::Date>,
    pub seed: u64,
}

impl Default for RegisterSynthOptions {
    fn default() -> RegisterSynthOptions {
        RegisterSynthOptions { people: 3_000_000, crossings: 10_000_000, year: 2026, as_of: None, seed: 2026 }
    }
}

impl RegisterSynthOptions {
    /// The demo's size: 20,000 people, 60,000 crossings.
    pub fn demo() -> RegisterSynthOptions {
        RegisterSynthOptions { people: 20_000, crossings: 60_000, ..RegisterSynthOptions::default() }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegisterSynthSummary {
    pub people: u64,
    pub crossings: u64,
    pub refusals: u64,
    pub registrations: u64,
    pub permits: u64,
    /// Planted overstayers: 31–60 days on one visa-free entry …
    pub overstay_per_entry: u64,
    /// … EAEU citizens over 90 days in 180 …
    pub overstay_window: u64,
    /// … and visa holders past their visa.
    pub overstay_visa: u64,
    /// People with a second document (a passport renewed during the year).
    pub renewals: u64,
    /// People whose last trip is still open on "as of".
    pub present: u64,
}

impl RegisterSynthSummary {
    pub fn overstayers(&self) -> u64 {
        self.overstay_per_entry + self.overstay_window + self.overstay_visa
    }
}

/// Generates the three files into `out_dir` (created if missing), each written under a temporary
/// name and renamed into place once all three are complete.
pub fn generate(options: &RegisterSynthOptions, out_dir: &Path) -> anyhow::Result<RegisterSynthSummary> {
    let (first, as_of) = validate(options)?;
    std::fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    let writer = Writer::create(out_dir, options.year)?;
    let tmps = writer.tmps();
    let result = (|| {
        let mut g = Generator::new(options, first, as_of, writer)?;
        g.run(options)?;
        let summary = g.summary();
        g.out.finish()?;
        anyhow::Ok(summary)
    })();
    if result.is_err() {
        for tmp in tmps {
            let _ = std::fs::remove_file(tmp);
        }
    }
    result
}

/// The first and last day of the period.
fn validate(o: &RegisterSynthOptions) -> anyhow::Result<(i32, i32)> {
    ensure!((2000..=2100).contains(&o.year), "the year must be between 2000 and 2100, got {}", o.year);
    ensure!(o.people >= 1, "at least one person is needed");
    ensure!(
        o.crossings >= o.people,
        "every person crosses at least once: --crossings {} is less than --people {}",
        o.crossings,
        o.people
    );
    ensure!(
        o.crossings <= o.people.saturating_mul(60),
        "at most 60 crossings per person: --crossings {} for --people {}",
        o.crossings,
        o.people
    );
    let year = i32::from(o.year);
    let first = days::from_civil(year, 1, 1);
    let as_of = match o.as_of {
        Some(d) => {
            ensure!(
                d.year() == o.year,
                "--as-of {d} is not in {}: the register covers 1 January to the day given",
                o.year
            );
            days::from_civil(year, u32::try_from(d.month()).unwrap_or(1), u32::try_from(d.day()).unwrap_or(1))
        }
        None => days::from_civil(year, 12, 31),
    };
    Ok((first, as_of))
}

/// The permit kinds, their number prefixes and their index in the counters.
const PERMIT_KINDS: &[(&str, &str)] = &[
    ("visa", "V"),
    ("work_permit", "WP"),
    ("temporary_residence", "TR"),
    ("permanent_residence", "PR"),
    ("valuable_skills_visa", "VS"),
    ("investor_visa", "IV"),
    ("ata_zholy", "AZ"),
];

/// A visa or permit of the person being generated.
struct PermitRow {
    kind: usize,
    number: String,
    from: i32,
    until: i32,
    cancelled: Option<i32>,
    /// The day whose document the permit names (the first day it is used).
    used_from: i32,
}

/// A refusal of entry.
#[derive(Clone, Copy)]
struct Refused {
    day: i32,
    second: u32,
    checkpoint: &'static str,
    reason: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RefusalPlan {
    None,
    /// Refused once or twice and never admitted.
    Only(u8),
    /// Refused once before the first entry.
    Before,
}

/// Share of people refused at least once (≈ 0.3 % of crossings).
const REFUSED_SHARE: f64 = 0.0095;

struct Generator {
    first: i32,
    as_of: i32,
    rng: ChaCha8Rng,
    nations: Nations,
    season: Season,
    employers: Employers,
    numbers: Numbers,
    identities: Identities,
    out: Writer,
    /// Mean crossings per person when every person makes one trip, and the mean of the extra
    /// crossings of the further trips: the number of further trips is scaled to reach the
    /// crossings asked for.
    fixed_mean: f64,
    extra_mean: f64,
    permit_counters: [u64; 7],
    summary: RegisterSynthSummary,
    // Buffers reused from person to person.
    trips: Vec<Trip>,
    lens: Vec<i32>,
    refusals: Vec<Refused>,
    docs: Vec<Document>,
    ids: [IdentityText; 2],
    permits: Vec<PermitRow>,
    /// The first day the second document (if any) is shown.
    renewal: i32,
    text: [String; 3],
}

fn rng(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

impl Generator {
    fn new(o: &RegisterSynthOptions, first: i32, as_of: i32, out: Writer) -> anyhow::Result<Generator> {
        let nations = Nations::new();
        let mut setup = rng(o.seed, 2);
        let employers = usize::try_from(o.people / 150).unwrap_or(20_000).clamp(200, 20_000);
        let employers = Employers::new(&mut setup, employers)?;
        // The mean crossings of the unscaled draws.
        let mut sample = rng(o.seed, 3);
        let (mut fixed, mut extra) = (0.0, 0.0);
        const SAMPLES: u32 = 20_000;
        for _ in 0..SAMPLES {
            let nation = nations.draw(&mut sample);
            let profile = nation.profile(&mut sample);
            let pattern = pattern(&mut sample, nation, profile);
            let (trips, open, refusal) = draw_counts(&mut sample, pattern);
            let r = refusal_count(refusal);
            if trips == 0 {
                fixed += f64::from(r);
            } else {
                fixed += f64::from(r) + 2.0 - f64::from(u8::from(open));
                extra += 2.0 * (trips - 1) as f64;
            }
        }
        Ok(Generator {
            first,
            as_of,
            rng: rng(o.seed, 1),
            nations,
            season: Season::new(first, as_of),
            employers,
            numbers: Numbers::new(o.seed),
            identities: Identities::new(o.people),
            out,
            fixed_mean: fixed / f64::from(SAMPLES),
            extra_mean: extra / f64::from(SAMPLES),
            permit_counters: [0; 7],
            summary: RegisterSynthSummary::default(),
            trips: Vec::new(),
            lens: Vec::new(),
            refusals: Vec::new(),
            docs: Vec::new(),
            ids: Default::default(),
            permits: Vec::new(),
            renewal: i32::MAX,
            text: Default::default(),
        })
    }

    fn run(&mut self, o: &RegisterSynthOptions) -> anyhow::Result<()> {
        for i in 0..o.people {
            let people_left = o.people - i;
            let crossings_left = o.crossings.saturating_sub(self.out.crossings).max(people_left);
            self.person(people_left, crossings_left)?;
        }
        Ok(())
    }

    fn summary(&self) -> RegisterSynthSummary {
        RegisterSynthSummary {
            crossings: self.out.crossings,
            registrations: self.out.registrations,
            permits: self.out.permits,
            ..self.summary
        }
    }

    /// Draws one person and writes their rows.
    fn person(&mut self, people_left: u64, crossings_left: u64) -> anyhow::Result<()> {
        let rng = &mut self.rng;
        let nation = self.nations.draw(rng);
        let profile = nation.profile(rng);
        let mut pattern = pattern(rng, nation, profile);
        let (mut n, mut open, mut refusal) = draw_counts(rng, pattern);
        let mut overstay = match (nation.group, pattern, refusal) {
            (_, Pattern::PermitWorker | Pattern::Resident, _) | (_, _, RefusalPlan::Only(_)) => None,
            (Group::VisaFree, _, _) if rng.random_bool(0.016) => Some(Overstay::PerEntry),
            (Group::Eaeu, _, _) if rng.random_bool(0.012) => Some(Overstay::Window),
            (Group::Visa, _, _) if rng.random_bool(0.03) => Some(Overstay::Visa),
            _ => None,
        };

        // Scale the further trips to the crossings still to write, leaving one for each person after.
        let cap = crossings_left - (people_left - 1);
        if people_left == 1 {
            refusal = RefusalPlan::None;
            n = usize::try_from(cap.div_ceil(2)).unwrap_or(MAX_TRIPS).min(MAX_TRIPS);
            open = cap % 2 == 1;
            if n > 4 {
                pattern = Pattern::Frequent;
                overstay = None;
            }
        } else if n > 0 {
            let target = crossings_left as f64 / people_left as f64;
            let f = if self.extra_mean > 0.0 {
                ((target - self.fixed_mean) / self.extra_mean).clamp(0.0, 40.0)
            } else {
                1.0
            };
            let extra = (n - 1) as f64 * f;
            let whole = extra.floor();
            let extra = whole as usize + usize::from(rng.random_bool((extra - whole).clamp(0.0, 1.0)));
            n = (1 + extra).min(MAX_TRIPS);
        }
        let crossings =
            |n: usize, open: bool, r: u8| (2 * n as u64 + u64::from(r)).saturating_sub(u64::from(open));
        loop {
            let r = refusal_count(refusal);
            if crossings(n, open, r) <= cap {
                break;
            }
            if n > 1 {
                n -= 1;
            } else if n == 1 && !open {
                open = true;
            } else if refusal == RefusalPlan::Before {
                refusal = RefusalPlan::None;
            } else {
                n = 0;
                open = false;
                refusal = RefusalPlan::Only(1);
                overstay = None;
            }
        }

        let person = people::person(rng, nation, profile, self.as_of, &mut self.identities);
        let limits = limits(nation.group, pattern);
        let long_visits = nation.group == Group::Eaeu;
        let plan = Plan { pattern, trips: n, open, limits, overstay, long_visits };
        let planted =
            travel::place(rng, &self.season, self.first, self.as_of, &plan, &mut self.lens, &mut self.trips);
        let overstay = overstay.filter(|_| planted);
        travel::checkpoints(rng, nation, &mut self.trips);
        if self.trips.is_empty() && refusal == RefusalPlan::Before {
            refusal = RefusalPlan::Only(1);
        }
        if self.trips.is_empty() && refusal == RefusalPlan::None {
            // Nothing could be placed: a refusal keeps every person in the files.
            refusal = RefusalPlan::Only(1);
        }
        self.refusals(nation, refusal);
        self.documents(&person, overstay.is_some());
        self.permits(nation, pattern, overstay);

        // Count and write.
        let s = &mut self.summary;
        s.people += 1;
        s.refusals += self.refusals.len() as u64;
        s.renewals += u64::from(self.docs.len() > 1);
        s.present += u64::from(self.trips.last().is_some_and(|t| t.exit > self.as_of));
        match overstay {
            Some(Overstay::PerEntry) => s.overstay_per_entry += 1,
            Some(Overstay::Window) => s.overstay_window += 1,
            Some(Overstay::Visa) => s.overstay_visa += 1,
            None => {}
        }
        for (id, doc) in self.ids.iter_mut().zip(&self.docs) {
            id.fill(&person, doc);
        }
        self.write_crossings()?;
        self.write_registrations(pattern, overstay)?;
        self.write_permits()
    }

    /// Which document is shown on a day: the second one from the renewal on.
    fn doc_on(&self, day: i32) -> usize {
        usize::from(self.docs.len() > 1 && day >= self.renewal)
    }

    fn refusals(&mut self, nation: &'static Nation, plan: RefusalPlan) {
        self.refusals.clear();
        let rng = &mut self.rng;
        let checkpoint = |rng: &mut ChaCha8Rng| people::weighted(rng, nation.route).copied().unwrap_or("ALA");
        match plan {
            RefusalPlan::None => {}
            RefusalPlan::Only(count) => {
                let reasons: &[(&str, f64)] = if nation.group == Group::Visa {
                    &[
                        ("no visa", 0.4),
                        ("entry ban", 0.25),
                        ("invalid document", 0.2),
                        ("purpose not confirmed", 0.15),
                    ]
                } else {
                    &[("entry ban", 0.4), ("invalid document", 0.3), ("purpose not confirmed", 0.3)]
                };
                let reason = people::weighted(rng, reasons).copied().unwrap_or("entry ban");
                let day = self.season.draw(rng);
                let cp = checkpoint(rng);
                self.refusals.push(Refused {
                    day,
                    second: travel::second_of_day(rng, cp),
                    checkpoint: cp,
                    reason,
                });
                let again = day + rng.random_range(1..=10);
                if count > 1 && again <= self.as_of {
                    let cp = checkpoint(rng);
                    let second = travel::second_of_day(rng, cp);
                    self.refusals.push(Refused { day: again, second, checkpoint: cp, reason });
                }
            }
            RefusalPlan::Before => {
                let Some(t) = self.trips.first() else { return };
                let reasons: &[(&str, f64)] = if nation.group == Group::Visa {
                    &[("purpose not confirmed", 0.45), ("invalid document", 0.35), ("no visa", 0.2)]
                } else {
                    &[("purpose not confirmed", 0.6), ("invalid document", 0.4)]
                };
                let mut reason = people::weighted(rng, reasons).copied().unwrap_or("purpose not confirmed");
                let day = t.entry - rng.random_range(1..=20);
                let cp = t.entry_checkpoint;
                if day >= self.first {
                    self.refusals.push(Refused {
                        day,
                        second: travel::second_of_day(rng, cp),
                        checkpoint: cp,
                        reason,
                    });
                } else {
                    // Refused in the morning, admitted later the same day.
                    if reason == "invalid document" {
                        reason = "purpose not confirmed";
                    }
                    let second = t.entry_second / 2;
                    self.refusals.push(Refused { day: t.entry, second, checkpoint: cp, reason });
                }
            }
        }
    }
}

/// The pattern of travel of a profile in a regime.
fn pattern(rng: &mut ChaCha8Rng, nation: &Nation, profile: Profile) -> Pattern {
    match profile {
        Profile::Tourist => Pattern::Tourist,
        Profile::Visitor => Pattern::Visitor,
        Profile::Frequent => Pattern::Frequent,
        Profile::Resident => Pattern::Resident,
        Profile::Worker => match nation.group {
            Group::Eaeu => Pattern::EaeuWorker,
            Group::Visa => Pattern::PermitWorker,
            Group::VisaFree if rng.random_bool(0.8) => Pattern::PermitWorker,
            Group::VisaFree => Pattern::CircularWorker,
        },
    }
}

/// The limits a person's trips keep within (a permit or a visa covers them otherwise).
fn limits(group: Group, pattern: Pattern) -> Limits {
    match (group, pattern) {
        (_, Pattern::PermitWorker | Pattern::Resident) | (Group::Visa, _) => {
            Limits { per_entry: None, window: false }
        }
        (Group::VisaFree, _) => Limits { per_entry: Some(30), window: true },
        (Group::Eaeu, _) => Limits { per_entry: None, window: true },
    }
}

/// Trips, whether the last is open, and refusals, before scaling.
fn draw_counts(rng: &mut ChaCha8Rng, pattern: Pattern) -> (usize, bool, RefusalPlan) {
    if rng.random_bool(REFUSED_SHARE) {
        if rng.random_bool(0.55) {
            return (0, false, RefusalPlan::Only(if rng.random_bool(0.15) { 2 } else { 1 }));
        }
        let n = travel::trips(rng, pattern);
        return (n, rng.random_bool(travel::open_share(pattern)), RefusalPlan::Before);
    }
    let n = travel::trips(rng, pattern);
    (n, rng.random_bool(travel::open_share(pattern)), RefusalPlan::None)
}

fn refusal_count(plan: RefusalPlan) -> u8 {
    match plan {
        RefusalPlan::None => 0,
        RefusalPlan::Only(n) => n,
        RefusalPlan::Before => 1,
    }
}
