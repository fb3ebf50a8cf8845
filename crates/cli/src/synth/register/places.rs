//! Where foreigners stay and work: regions weighted by the foreigners they receive, addresses
//! in their cities, hosts (people, hotels, companies) and employers with valid BINs.

use super::people::weighted;
use anyhow::bail;
use ashyq_core::ids::Bin;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write as _;

/// Regions (ISO 3166-2), their main city and their weight as a place of stay or work.
const REGIONS: &[(&str, &str, f64)] = &[
    ("KZ-75", "Алматы", 30.0),
    ("KZ-71", "Астана", 18.0),
    ("KZ-79", "Шымкент", 9.0),
    ("KZ-61", "Туркестан", 6.0),
    ("KZ-19", "Конаев", 5.0),
    ("KZ-23", "Атырау", 5.0),
    ("KZ-47", "Актау", 4.0),
    ("KZ-35", "Караганда", 3.5),
    ("KZ-15", "Актобе", 2.5),
    ("KZ-31", "Тараз", 2.5),
    ("KZ-33", "Талдыкорган", 2.0),
    ("KZ-63", "Усть-Каменогорск", 2.0),
    ("KZ-55", "Павлодар", 1.5),
    ("KZ-27", "Уральск", 1.5),
    ("KZ-59", "Петропавловск", 1.2),
    ("KZ-39", "Костанай", 1.2),
    ("KZ-43", "Кызылорда", 1.2),
    ("KZ-11", "Кокшетау", 1.0),
    ("KZ-10", "Семей", 1.0),
    ("KZ-62", "Жезказган", 0.5),
];

/// The region of each checkpoint (data/checkpoints.csv).
const CHECKPOINT_REGIONS: &[(&str, &str)] = &[
    ("ALA", "KZ-75"),
    ("NQZ", "KZ-71"),
    ("CIT", "KZ-79"),
    ("AKX", "KZ-15"),
    ("GUW", "KZ-23"),
    ("SCO", "KZ-47"),
    ("KGF", "KZ-35"),
    ("UKK", "KZ-63"),
    ("HSA", "KZ-61"),
    ("KHG", "KZ-33"),
    ("DST", "KZ-33"),
    ("ALT", "KZ-33"),
    ("KLZ", "KZ-19"),
    ("BKT", "KZ-10"),
    ("MKP", "KZ-63"),
    ("ZHZ", "KZ-61"),
    ("KZG", "KZ-61"),
    ("SRG", "KZ-61"),
    ("TMB", "KZ-47"),
    ("KRD", "KZ-31"),
    ("KRS", "KZ-31"),
    ("KRK", "KZ-19"),
    ("SRM", "KZ-27"),
    ("KRQ", "KZ-23"),
    ("KRA", "KZ-15"),
    ("ZHN", "KZ-59"),
    ("PTR", "KZ-59"),
    ("AUL", "KZ-63"),
    ("SHR", "KZ-55"),
    ("AKP", "KZ-47"),
];

const STREETS: &[&str] = &[
    "Абая",
    "Толе би",
    "Сатпаева",
    "Жибек Жолы",
    "Байтурсынова",
    "Кабанбай батыра",
    "Райымбека",
    "Достык",
    "Гагарина",
    "Розыбакиева",
    "Жандосова",
    "Тимирязева",
    "Сейфуллина",
    "Кенесары",
    "Республики",
    "Мангилик Ел",
    "Туран",
    "Желтоксан",
    "Богенбай батыра",
    "Ауэзова",
    "Навои",
    "Момышулы",
    "Шевченко",
    "Пушкина",
    "Байзакова",
    "Муканова",
    "Есенберлина",
    "Аль-Фараби",
    "Тауке хана",
    "Иляева",
];

const HOTELS: &[&str] = &[
    "Гостиница «Казахстан»",
    "Отель «Алатау»",
    "Гостиница «Достык»",
    "Отель «Жибек Жолы»",
    "Гостиница «Турист»",
    "Хостел «Шанырак»",
    "Отель «Астана»",
    "Гостиница «Самал»",
    "Отель «Ордабасы»",
];

const HOST_SURNAMES: &[&str] = &[
    "Сериков",
    "Ахметов",
    "Нурланов",
    "Жумабеков",
    "Касымов",
    "Оспанов",
    "Мухамеджанов",
    "Байжанов",
    "Искаков",
    "Садыков",
    "Тулегенов",
    "Кенжебаев",
    "Абдрахманов",
    "Есенов",
    "Бекова",
    "Ким",
    "Иванова",
    "Смагулова",
    "Омарова",
    "Алиева",
];
const HOST_NAMES: &[&str] = &[
    "Ерлан",
    "Айгуль",
    "Марат",
    "Гульнара",
    "Нурлан",
    "Асель",
    "Данияр",
    "Жанар",
    "Бауыржан",
    "Динара",
    "Ержан",
    "Сауле",
    "Арман",
    "Алия",
    "Тимур",
    "Мадина",
    "Кайрат",
    "Салтанат",
];

const COMPANY_A: &[&str] = &[
    "Казстрой",
    "Алатау",
    "Достык",
    "Береке",
    "Нур",
    "Сункар",
    "Атамекен",
    "Жибек",
    "Каспий",
    "Сарыарка",
    "Тянь-Шань",
    "Арман",
    "Ак жол",
    "Самал",
    "Темир",
    "Шанырак",
    "Байтерек",
    "Алтын",
    "Кокжиек",
    "Медеу",
];
const COMPANY_B: &[&str] = &[
    "Строй",
    "Сервис",
    "Групп",
    "Агро",
    "Логистик",
    "Трейд",
    "Инжиниринг",
    "Монтаж",
    "Текстиль",
    "Транс",
    "Ойл",
    "Фуд",
    "Девелопмент",
    "Пром",
    "Маркет",
];

/// A region drawn by the foreigners it receives.
pub(super) fn region(rng: &mut ChaCha8Rng) -> &'static str {
    let table: &[(&str, f64)] = &REGION_TABLE;
    weighted(rng, table).copied().unwrap_or("KZ-75")
}

const REGION_TABLE: [(&str, f64); 20] = {
    let mut t = [("", 0.0); 20];
    let mut i = 0;
    while i < 20 {
        t[i] = (REGIONS[i].0, REGIONS[i].2);
        i += 1;
    }
    t
};

/// The region of a checkpoint.
pub(super) fn checkpoint_region(code: &str) -> &'static str {
    CHECKPOINT_REGIONS.iter().find(|(c, _)| *c == code).map_or("KZ-75", |(_, r)| r)
}

/// An address in the region's main city, written into `out`.
pub(super) fn address(rng: &mut ChaCha8Rng, region: &str, out: &mut String) {
    out.clear();
    let city = REGIONS.iter().find(|(r, _, _)| *r == region).map_or("Алматы", |(_, c, _)| c);
    let street = STREETS.get(rng.random_range(0..STREETS.len())).copied().unwrap_or("Абая");
    let _ = write!(out, "г. {city}, ул. {street}, д. {}", rng.random_range(1..=220));
    if rng.random_bool(0.6) {
        let _ = write!(out, ", кв. {}", rng.random_range(1..=180));
    }
}

/// The host of a stay: a private person most often, else a hotel or a company.
pub(super) fn host(rng: &mut ChaCha8Rng, employers: &Employers, out: &mut String) {
    out.clear();
    let pick =
        |rng: &mut ChaCha8Rng, list: &[&'static str]| list.get(rng.random_range(0..list.len())).copied();
    let u: f64 = rng.random();
    if u < 0.6 {
        let _ = write!(
            out,
            "{} {}",
            pick(rng, HOST_SURNAMES).unwrap_or("Сериков"),
            pick(rng, HOST_NAMES).unwrap_or("Ерлан")
        );
    } else if u < 0.85 {
        out.push_str(pick(rng, HOTELS).unwrap_or("Гостиница «Казахстан»"));
    } else {
        out.push_str(&employers.pick(rng).name);
    }
}

/// An employer of foreign workers.
pub(super) struct Employer {
    pub bin: String,
    pub name: String,
}

/// The employers, the large ones drawn far more often.
pub(super) struct Employers(Vec<Employer>);

impl Employers {
    pub fn new(rng: &mut ChaCha8Rng, count: usize) -> anyhow::Result<Employers> {
        let mut list = Vec::with_capacity(count);
        for i in 0..count {
            let a = COMPANY_A.get(i % COMPANY_A.len()).copied().unwrap_or("Нур");
            let b = COMPANY_B.get((i / COMPANY_A.len()) % COMPANY_B.len()).copied().unwrap_or("Строй");
            let round = i / (COMPANY_A.len() * COMPANY_B.len());
            let name = if round == 0 {
                format!("ТОО «{a} {b}»")
            } else {
                format!("ТОО «{a} {b}-{}»", round + 1)
            };
            list.push(Employer { bin: new_bin(rng, i)?, name });
        }
        Ok(Employers(list))
    }

    pub fn pick(&self, rng: &mut ChaCha8Rng) -> &Employer {
        let u: f64 = rng.random();
        let i = (self.0.len() as f64 * u.powf(2.2)) as usize;
        self.0.get(i.min(self.0.len().saturating_sub(1))).unwrap_or_else(|| unreachable!("employers exist"))
    }
}

/// A BIN of a resident legal entity: registration year and month, `4` (resident legal entity),
/// `0` head office or `1` branch, a five-digit serial unique to `index`, and the check digit
/// (completed by `ashyq_core::ids::Bin`).
fn new_bin(rng: &mut ChaCha8Rng, index: usize) -> anyhow::Result<String> {
    let serial = (index * 7919 + 4_242) % 100_000;
    let mut digits = [0u8; 11];
    for (i, slot) in digits.iter_mut().skip(6).enumerate() {
        *slot = u8::try_from((serial / 10usize.pow(4 - u32::try_from(i).unwrap_or(0))) % 10).unwrap_or(0);
    }
    digits[4] = 4;
    digits[5] = u8::from(rng.random_bool(0.15));
    for _ in 0..1000 {
        let yy = (95 + rng.random_range(0..=30u8)) % 100;
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
    fn employers_have_valid_distinct_bins() -> anyhow::Result<()> {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let employers = Employers::new(&mut rng, 5000)?;
        let mut seen = std::collections::HashSet::new();
        for e in &employers.0 {
            assert!(ashyq_core::ids::check_12(&e.bin).is_ok(), "{}", e.bin);
            assert!(seen.insert(e.bin.clone()), "{} repeated", e.bin);
        }
        Ok(())
    }

    #[test]
    fn checkpoints_are_those_of_the_data_file_with_their_regions() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/checkpoints.csv");
        let text = std::fs::read_to_string(path).unwrap();
        let file: Vec<(&str, &str)> = text
            .lines()
            .skip(1)
            .map(|l| {
                let mut f = l.split(',');
                let code = f.next().unwrap_or("");
                (code, f.nth(1).unwrap_or(""))
            })
            .collect();
        assert_eq!(file.len(), CHECKPOINT_REGIONS.len());
        for (code, region) in CHECKPOINT_REGIONS {
            assert!(file.contains(&(code, region)), "{code} {region}");
        }
        for nation in super::super::people::NATIONS {
            for (code, _) in nation.route {
                assert!(CHECKPOINT_REGIONS.iter().any(|(c, _)| c == code), "{} uses {code}", nation.code);
            }
        }
    }

    #[test]
    fn regions_exist() {
        for (code, _, _) in REGIONS {
            assert!(ashyq_core::region::by_code(code).is_some(), "{code}");
        }
        for (_, region) in CHECKPOINT_REGIONS {
            assert!(ashyq_core::region::by_code(region).is_some(), "{region}");
        }
    }
}
