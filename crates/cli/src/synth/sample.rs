//! Sampling helpers over a seeded generator: weighted choice by cumulative table, normal and
//! log-normal draws, and the pools of employers (with valid BINs) that post vacancies and hire
//! foreigners.

use super::profile::Sector;
use anyhow::bail;
use ashyq_core::ids::Bin;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// A weighted choice among many items by binary search in the running sums of their weights.
pub(super) struct Cumulative {
    acc: Vec<f64>,
}

impl Cumulative {
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Cumulative {
        let mut total = 0.0;
        let acc = weights
            .into_iter()
            .map(|w| {
                total += w.max(0.0);
                total
            })
            .collect();
        Cumulative { acc }
    }

    pub fn total(&self) -> f64 {
        self.acc.last().copied().unwrap_or(0.0)
    }

    /// The index of a drawn item; never one of weight 0 unless all are.
    pub fn sample(&self, rng: &mut ChaCha8Rng) -> usize {
        let u = rng.random::<f64>() * self.total();
        self.acc.partition_point(|&c| c <= u).min(self.acc.len().saturating_sub(1))
    }
}

/// A weighted choice among a few items, by a linear scan.
pub(super) fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [(T, f64)]) -> Option<&'a T> {
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    let mut u = rng.random::<f64>() * total;
    for (item, w) in items {
        if u < *w {
            return Some(item);
        }
        u -= w;
    }
    items.last().map(|(item, _)| item)
}

/// A standard normal draw (Box–Muller).
pub(super) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>(); // (0, 1]
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A log-normal draw with this median and shape.
pub(super) fn lognormal(rng: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

/// Rounds up or down at random, in proportion, so that small expectations still add up.
pub(super) fn round_random(rng: &mut ChaCha8Rng, x: f64) -> u64 {
    (x.max(0.0) + rng.random::<f64>()).floor() as u64
}

/// The employers of each region and sector. Every employer has its own BIN; a few large
/// employers post most of the vacancies.
pub(super) struct Employers {
    /// Region-major, then sector.
    pools: Vec<Vec<String>>,
}

/// At most this many employers, so that the five-digit serial of every BIN is distinct.
const MAX_EMPLOYERS: usize = 95_000;

impl Employers {
    /// Pools sized by `weights` (region-major, [`Sector::COUNT`] per region; 0 = no employer
    /// needed), about `target` employers in all.
    pub fn new(rng: &mut ChaCha8Rng, weights: &[f64], target: usize) -> anyhow::Result<Employers> {
        let total: f64 = weights.iter().sum();
        let needed = weights.iter().filter(|&&w| w > 0.0).count();
        let target = target.clamp(needed * 3, MAX_EMPLOYERS - needed * 3) as f64;
        let mut serial = 0usize;
        let mut pools = Vec::with_capacity(weights.len());
        for &w in weights {
            let size = if w > 0.0 { ((target * w / total).round() as usize).max(3) } else { 0 };
            let mut pool = Vec::with_capacity(size);
            for _ in 0..size {
                pool.push(new_bin(rng, serial)?);
                serial += 1;
            }
            pools.push(pool);
        }
        Ok(Employers { pools })
    }

    /// An employer of a region and sector, the large ones far more often.
    pub fn pick(&self, rng: &mut ChaCha8Rng, region: usize, sector: Sector) -> &str {
        let pool = self.pools.get(region * Sector::COUNT + sector.index()).map_or(&[][..], |p| p);
        let u = rng.random::<f64>();
        let i = (pool.len() as f64 * u.powf(2.5)) as usize;
        pool.get(i.min(pool.len().saturating_sub(1))).map_or("", |b| b.as_str())
    }
}

/// A BIN of a resident legal entity: registration year and month, `4` (resident legal entity),
/// `0` head office or `1` branch, a five-digit serial unique to `index`, and the check digit.
fn new_bin(rng: &mut ChaCha8Rng, index: usize) -> anyhow::Result<String> {
    // A bijection of 0..100000, so serials look scattered but never repeat.
    let serial = (index * 7919 + 31_337) % 100_000;
    let mut digits = [0u8; 11];
    for (i, slot) in digits[6..].iter_mut().enumerate() {
        *slot = ((serial / 10usize.pow(4 - i as u32)) % 10) as u8;
    }
    digits[4] = 4;
    digits[5] = u8::from(rng.random_bool(0.15));
    for _ in 0..1000 {
        let year = rng.random_range(0..=30u8); // 1995–2024
        let yy = (95 + year) % 100;
        let mm = rng.random_range(1..=12u8);
        digits[..4].copy_from_slice(&[yy / 10, yy % 10, mm / 10, mm % 10]);
        if let Some(bin) = Bin::complete(&digits) {
            return Ok(bin.as_str().to_string());
        }
    }
    bail!("no valid BIN found for employer {index}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn bins_are_valid_and_distinct() -> anyhow::Result<()> {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut seen = std::collections::BTreeSet::new();
        for i in 0..20_000 {
            let bin = new_bin(&mut rng, i)?;
            assert!(ashyq_core::ids::check_12(&bin).is_ok(), "{bin}");
            assert!(seen.insert(bin[6..11].to_string()), "serial repeated: {bin}");
        }
        Ok(())
    }

    #[test]
    fn cumulative_never_draws_a_zero_weight() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let table = Cumulative::new([0.0, 1.0, 0.0, 3.0, 0.0]);
        for _ in 0..10_000 {
            let i = table.sample(&mut rng);
            assert!(i == 1 || i == 3, "{i}");
        }
    }
}
