//! The rows of one person: their documents (a renewal, an expired one), their visas and permits,
//! then their crossings, registrations and permits written to the three files.

use super::people::{Group, Nation, Person};
use super::travel::{Overstay, Pattern};
use super::writer::Registration;
use super::{Generator, PERMIT_KINDS, PermitRow, days, people, places};
use rand::Rng;

const VISA: usize = 0;
const WORK_PERMIT: usize = 1;
const TEMPORARY: usize = 2;
const PERMANENT: usize = 3;
const VALUABLE_SKILLS: usize = 4;
const INVESTOR: usize = 5;
const ATA_ZHOLY: usize = 6;

impl Generator {
    /// The person's documents: one, or two when the passport is renewed between two trips or
    /// after a refusal for an expired one.
    pub(super) fn documents(&mut self, person: &Person, planted: bool) {
        self.docs.clear();
        self.renewal = i32::MAX;
        let rng = &mut self.rng;
        let invalid = self.refusals.first().filter(|r| r.reason == "invalid document").map(|r| r.day);
        if let Some(refused) = invalid {
            // Shown expired, refused; renewed before the first entry if there is one.
            let expiry = (refused - rng.random_range(1..=400)).max(person.birth + 1);
            self.docs.push(people::document(rng, person, expiry, &mut self.numbers));
            if let Some(t) = self.trips.first() {
                let renewed = rng.random_range(refused + 1..=t.entry.max(refused + 1));
                let expiry = renewed + people::validity_days(person, renewed) - 1;
                self.docs.push(people::document(rng, person, expiry, &mut self.numbers));
                self.renewal = renewed;
            }
            return;
        }
        if self.trips.len() >= 2 && !planted && rng.random_bool(0.035) {
            let k = rng.random_range(1..self.trips.len());
            let (before, after) = (self.trips[k - 1].exit, self.trips[k].entry);
            let renewed = rng.random_range(before + 1..=after.max(before + 1));
            let old = (renewed + rng.random_range(-30..=150)).max(before);
            self.docs.push(people::document(rng, person, old, &mut self.numbers));
            let expiry = renewed + people::validity_days(person, renewed) - 1;
            self.docs.push(people::document(rng, person, expiry, &mut self.numbers));
            self.renewal = renewed;
            return;
        }
        let last =
            self.trips.last().map(|t| t.exit).into_iter().chain(self.refusals.iter().map(|r| r.day)).max();
        let expiry = match last {
            // Expired after the last crossing.
            Some(last) if last < self.as_of && rng.random_bool(0.012) => rng.random_range(last..self.as_of),
            _ => people::expiry_after(rng, person, self.as_of + 1),
        };
        self.docs.push(people::document(rng, person, expiry, &mut self.numbers));
    }

    fn permit_number(&mut self, kind: usize, from: i32) -> String {
        let (_, prefix) = PERMIT_KINDS.get(kind).copied().unwrap_or(("visa", "V"));
        let counter = self.permit_counters.get_mut(kind).map_or(0, |c| {
            *c += 1;
            *c
        });
        let (year, _, _) = days::to_civil(from);
        format!("{prefix}{year}-{counter:08}")
    }

    fn add_permit(&mut self, kind: usize, from: i32, until: i32, cancelled: Option<i32>, used_from: i32) {
        let number = self.permit_number(kind, from);
        self.permits.push(PermitRow { kind, number, from, until, cancelled, used_from });
    }

    /// The visas and permits covering the person's trips.
    pub(super) fn permits(&mut self, nation: &Nation, pattern: Pattern, overstay: Option<Overstay>) {
        self.permits.clear();
        let (Some(first), Some(last)) = (self.trips.first().copied(), self.trips.last().copied()) else {
            return;
        };
        let rng = &mut self.rng;
        match pattern {
            Pattern::Resident => {
                let u: f64 = rng.random();
                let far =
                    nation.group == Group::VisaFree && !matches!(nation.code, "UZB" | "TJK" | "CHN" | "MNG");
                let (kind, from, until) = if u < 0.3 {
                    let from = first.entry - rng.random_range(100..=3650);
                    (PERMANENT, from, (from + 3649).max(last.exit + 365))
                } else if matches!(nation.code, "MNG" | "CHN" | "UZB" | "TKM") && u < 0.55 {
                    let from = first.entry - rng.random_range(30..=1000);
                    (ATA_ZHOLY, from, (from + 3649).max(last.exit + 365))
                } else if far && u < 0.5 {
                    let from = first.entry - rng.random_range(10..=400);
                    let kind = if rng.random_bool(0.6) { VALUABLE_SKILLS } else { INVESTOR };
                    (kind, from, (from + 3649).max(last.exit + 365))
                } else {
                    let from = first.entry - rng.random_range(10..=300);
                    (TEMPORARY, from, (from + rng.random_range(365..=1095)).max(last.exit + 30))
                };
                self.add_permit(kind, from, until, None, first.entry);
                return;
            }
            Pattern::PermitWorker => {
                let from = first.entry + rng.random_range(0..=3).min(first.exit - first.entry);
                let until = last.exit + rng.random_range(5..=60);
                let cancelled = Some(last.exit + rng.random_range(1..=10)).filter(|&c| {
                    last.exit <= self.as_of && c <= self.as_of && c < until && rng.random_bool(0.15)
                });
                self.add_permit(WORK_PERMIT, from, until, cancelled, first.entry);
            }
            Pattern::EaeuWorker if rng.random_bool(0.1) => {
                let from = first.entry + rng.random_range(0..=10).min(first.exit - first.entry);
                self.add_permit(TEMPORARY, from, (from + 364).max(last.exit + 30), None, first.entry);
            }
            _ => {}
        }
        if nation.group != Group::Visa {
            return;
        }
        let rng = &mut self.rng;
        let multiple = overstay.is_none()
            && (matches!(pattern, Pattern::Frequent | Pattern::PermitWorker) || self.trips.len() >= 3);
        if multiple {
            let from = first.entry - rng.random_range(3..=30);
            let until = (last.exit + rng.random_range(0..=60)).max(from + 179);
            self.add_permit(VISA, from, until, None, first.entry);
            return;
        }
        for k in 0..self.trips.len() {
            let rng = &mut self.rng;
            let t = self.trips[k];
            let from = t.entry - rng.random_range(3..=30);
            let is_last = k + 1 == self.trips.len();
            let until = if is_last && overstay == Some(Overstay::Visa) {
                // Planted: the visa ends 3 to 40 days before the last day present.
                let present = t.exit.min(self.as_of) - t.entry + 1;
                let over = rng.random_range(3..=40.min(present - 1).max(3));
                t.entry + (present - over).max(1) - 1
            } else {
                let until = t.exit + rng.random_range(0..=20);
                match self.trips.get(k + 1) {
                    Some(next) => until.min(next.entry - 1),
                    None => until,
                }
            };
            self.add_permit(VISA, from, until, None, t.entry);
        }
    }

    pub(super) fn write_crossings(&mut self) -> anyhow::Result<()> {
        for k in 0..self.refusals.len() {
            let r = self.refusals[k];
            let id = &self.ids[self.doc_on(r.day).min(1)];
            self.out.crossing("refusal", r.day, r.second, r.checkpoint, id, r.reason)?;
        }
        for k in 0..self.trips.len() {
            let t = self.trips[k];
            let id = &self.ids[self.doc_on(t.entry).min(1)];
            self.out.crossing("entry", t.entry, t.entry_second, t.entry_checkpoint, id, "")?;
            if t.exit <= self.as_of {
                self.out.crossing("exit", t.exit, t.exit_second, t.exit_checkpoint, id, "")?;
            }
        }
        Ok(())
    }

    pub(super) fn write_registrations(
        &mut self,
        pattern: Pattern,
        overstay: Option<Overstay>,
    ) -> anyhow::Result<()> {
        let worker = matches!(pattern, Pattern::EaeuWorker | Pattern::PermitWorker);
        let work_region = places::region(&mut self.rng);
        let employer = worker.then(|| {
            let e = self.employers.pick(&mut self.rng);
            (e.bin.clone(), e.name.clone())
        });
        let permit_number =
            self.permits.iter().find(|p| p.kind == WORK_PERMIT).map(|p| (p.number.clone(), p.until));
        for k in 0..self.trips.len() {
            let t = self.trips[k];
            let doc = self.doc_on(t.entry).min(1);
            let days = t.exit - t.entry + 1;
            let rng = &mut self.rng;
            let planted_trip = overstay.is_some() && k + 1 == self.trips.len();
            if days > 30 && !(planted_trip && rng.random_bool(0.5)) {
                let late = rng.random_bool(0.05);
                let after = if late { rng.random_range(5..=15) } else { rng.random_range(0..=2) };
                let notified_on = days::working_days_after(t.entry, after);
                let region = if worker {
                    work_region
                } else if rng.random_bool(0.5) {
                    places::checkpoint_region(t.entry_checkpoint)
                } else {
                    places::region(rng)
                };
                let [address, host, _] = &mut self.text;
                places::address(rng, region, address);
                places::host(rng, &self.employers, host);
                if notified_on <= self.as_of {
                    let r = Registration {
                        kind: "stay",
                        region,
                        address,
                        host,
                        from: t.entry,
                        until: t.exit,
                        notified_on,
                        employer_bin: "",
                        permit_number: "",
                    };
                    self.out.registration(&r, &self.ids[doc])?;
                }
            }
            if let Some((bin, name)) = &employer
                && days >= 20
            {
                let rng = &mut self.rng;
                let from = t.entry + rng.random_range(1..=7);
                let notified_on = days::working_days_after(from, rng.random_range(0..=5));
                let (permit, until) = match &permit_number {
                    Some((number, until)) => (number.as_str(), (*until).max(from)),
                    None => ("", t.exit),
                };
                let [address, _, _] = &mut self.text;
                places::address(rng, work_region, address);
                if notified_on <= self.as_of {
                    let r = Registration {
                        kind: "work",
                        region: work_region,
                        address,
                        host: name,
                        from,
                        until,
                        notified_on,
                        employer_bin: bin,
                        permit_number: permit,
                    };
                    self.out.registration(&r, &self.ids[doc])?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn write_permits(&mut self) -> anyhow::Result<()> {
        let permits = std::mem::take(&mut self.permits);
        for p in &permits {
            let doc = self.doc_on(p.used_from).min(1);
            let kind = PERMIT_KINDS.get(p.kind).map_or("visa", |(k, _)| k);
            self.out.permit(&p.number, kind, &self.ids[doc], p.from, p.until, p.cancelled)?;
        }
        self.permits = permits;
        Ok(())
    }
}
