//! What the list pages share: entries as table rows in the reader's language, indicator names
//! and values formatted for people, and the checks behind an entry.

use crate::web::page::Page;
use ashyq_core::labour::methodology::IndicatorId;
use ashyq_core::occupation::{OccupationCode, classifier};
use ashyq_store::lists::Entry;

/// One entry as a table row.
pub struct Row {
    pub rank: i64,
    pub code: String,
    pub title: String,
    pub sector: String,
    pub score: String,
    pub included: bool,
    pub basis: String,
    pub justification: String,
    pub criteria: String,
}

/// The title of a classifier code in the page's language.
pub fn title(page: &Page, code: &str) -> String {
    OccupationCode::parse(code)
        .ok()
        .and_then(|c| classifier().get(&c))
        .map_or_else(|| code.to_string(), |g| g.title(page.lang_code()).to_string())
}

pub fn sector(page: &Page, sector: Option<&str>) -> String {
    match sector {
        Some(s) => {
            let key = format!("sector-{s}");
            let text = page.t(&key);
            if text == key { s.to_string() } else { text }
        }
        None => "—".into(),
    }
}

pub fn rows(page: &Page, entries: &[Entry]) -> Vec<Row> {
    entries
        .iter()
        .map(|e| Row {
            rank: e.rank,
            code: e.occupation.clone(),
            title: title(page, &e.occupation),
            sector: sector(page, e.sector.as_deref()),
            score: format!("{:.2}", e.score),
            included: e.included,
            basis: page.t(&format!("basis-{}", e.basis)),
            justification: e.justification.clone().unwrap_or_default(),
            criteria: format!(
                "{}/{}",
                e.detail["criteria_passed"].as_u64().unwrap_or(0),
                e.detail["criteria_total"].as_u64().unwrap_or(0)
            ),
        })
        .collect()
}

/// An indicator's name in the page's language.
pub fn indicator_name(page: &Page, id: &str) -> String {
    page.t(&format!("ind-{id}"))
}

/// An indicator's value as a person reads it.
pub fn indicator_value(id: &str, v: &serde_json::Value) -> String {
    let Some(x) = v.as_f64() else { return "—".into() };
    match id {
        "hard_to_fill_share" => format!("{:.1} %", 100.0 * x),
        "vacancy_growth" | "salary_growth" | "work_permit_growth" => format!("{:+.1} %", 100.0 * x),
        "salary_growth_relative" => format!("{:+.1} pp", 100.0 * x),
        "median_duration_days" => format!("{x:.1}"),
        "median_salary_kzt" => format!("{} ₸", thousands(x.round() as i64)),
        _ => thousands(x.round() as i64),
    }
}

/// 1234567 → "1 234 567" (a thin space, as in Kazakh and Russian typography).
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// One criterion of an entry: indicator, value, benchmark, threshold, passed, percentile.
pub struct CheckRow {
    pub id: String,
    pub name: String,
    pub value: String,
    pub benchmark: String,
    pub threshold: String,
    pub passed: bool,
    pub percentile: f64,
    pub weight: String,
}

pub fn checks(page: &Page, e: &Entry) -> Vec<CheckRow> {
    e.detail["checks"]
        .as_array()
        .map(|checks| {
            checks
                .iter()
                .map(|c| {
                    let id = c["indicator"].as_str().unwrap_or_default().to_string();
                    CheckRow {
                        name: indicator_name(page, &id),
                        value: indicator_value(&id, &c["value"]),
                        benchmark: indicator_value(&id, &c["benchmark"]),
                        threshold: indicator_value(&id, &c["threshold"]),
                        passed: c["passed"].as_bool().unwrap_or(false),
                        percentile: c["percentile"].as_f64().unwrap_or(0.0),
                        weight: format!("{}", c["weight"].as_f64().unwrap_or(0.0)),
                        id,
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The reasons of an entry in the page's language.
pub fn reasons(page: &Page, e: &Entry) -> Vec<String> {
    let Some(list) = e.detail["reasons"].as_array() else { return Vec::new() };
    list.iter()
        .map(|r| {
            let code = r["code"].as_str().unwrap_or_default();
            let args: Vec<(String, String)> = r
                .as_object()
                .map(|o| {
                    o.iter()
                        .filter(|(k, _)| k.as_str() != "code")
                        .map(|(k, v)| {
                            (k.clone(), v.as_f64().map_or_else(|| v.to_string(), |x| format!("{x}")))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let key = format!("reason-{code}");
            match counted(code).and_then(|name| r[name].as_i64()) {
                Some(n) => page.tc(&key, n, &args),
                None => page.tn(&key, &args),
            }
        })
        .collect()
}

/// The argument a reason's sentence counts, whose number chooses its plural form (`$count`).
fn counted(code: &str) -> Option<&'static str> {
    match code {
        "too_few_vacancies" => Some("posted"),
        "too_few_criteria" => Some("passed"),
        "beyond_max_entries" => Some("max"),
        "meets_all" => Some("of"),
        _ => None,
    }
}

/// Every indicator id, in the order the pages show them.
pub fn indicator_ids() -> impl Iterator<Item = &'static str> {
    IndicatorId::ALL.into_iter().map(IndicatorId::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_people_write_them() {
        assert_eq!(thousands(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(thousands(-950), "-950");
        assert_eq!(indicator_value("hard_to_fill_share", &serde_json::json!(0.4567)), "45.7 %");
        assert_eq!(indicator_value("vacancy_growth", &serde_json::json!(-0.1)), "-10.0 %");
        assert_eq!(indicator_value("median_salary_kzt", &serde_json::json!(450000.0)), "450\u{202f}000 ₸");
        assert_eq!(indicator_value("forecast_need", &serde_json::Value::Null), "—");
    }
}
