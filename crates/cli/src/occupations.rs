//! `ashyq occupations …`: title search, a group's card, and the measured accuracy of search.

use crate::args::OccupationsCommand;
use ashyq_core::occupation::evaluate::evaluate;
use ashyq_core::occupation::{OccupationCode, classifier, title_index};
use std::process::ExitCode;

const HELD_OUT: &str = include_str!("../../../data/occupations/eval/held-out.csv");

pub fn run(cmd: OccupationsCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        OccupationsCommand::Search { title, limit, json } => {
            let hits = title_index().search(&title, usize::from(limit));
            if json {
                let out: Vec<serde_json::Value> = hits
                    .iter()
                    .map(|h| {
                        let g = classifier().get(&h.code);
                        serde_json::json!({
                            "code": h.code, "score": h.score,
                            "title_en": g.map(|g| g.title_en.as_str()),
                            "title_ru": g.map(|g| g.title_ru.as_str()),
                            "title_kk": g.map(|g| g.title_kk.as_str()),
                            "matched_title": h.matched_title, "matched_lang": h.matched_lang,
                        })
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&out)?);
                if hits.is_empty() {
                    return Ok(ExitCode::from(1));
                }
            } else if hits.is_empty() {
                eprintln!("no occupation matches {title:?}");
                return Ok(ExitCode::from(1));
            } else {
                for h in hits {
                    let name = classifier().get(&h.code).map_or("", |g| g.title_en.as_str());
                    println!(
                        "{:<7} {:>5.3}  {name}   (matched: {} [{}])",
                        h.code.to_string(),
                        h.score,
                        h.matched_title,
                        h.matched_lang
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        OccupationsCommand::Show { code, json } => {
            let parsed =
                OccupationCode::parse(&code).map_err(|e| anyhow::anyhow!("occupation code {code:?} {e}"))?;
            let Some(g) = classifier().get(&parsed) else {
                anyhow::bail!("{parsed} is not in the classifier");
            };
            let ancestors = classifier().ancestors(&g.code);
            let children: Vec<_> = classifier().children(&g.code).collect();
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({
                        "group": g, "ancestors": ancestors, "children": children,
                    }))?
                );
            } else {
                for a in ancestors {
                    println!("  {:<7} {}", a.code.to_string(), a.title_en);
                }
                println!("> {:<7} {}", g.code.to_string(), g.title_en);
                println!("          ru: {}", g.title_ru);
                println!("          kk: {}", g.title_kk);
                if g.working_translation {
                    println!("          (ru and kk titles are working translations)");
                }
                for c in children {
                    println!("    {:<7} {}", c.code.to_string(), c.title_en);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        OccupationsCommand::Evaluate { file, misses } => {
            let text = match &file {
                Some(path) => {
                    std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
                }
                None => HELD_OUT.to_string(),
            };
            let name = file
                .as_ref()
                .map_or("data/occupations/eval/held-out.csv".into(), |p| p.display().to_string());
            let acc = evaluate(title_index(), &text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            println!("held-out set: {name}");
            println!(
                "titles: {}   top-1: {:.1}%   top-3: {:.1}%",
                acc.cases,
                100.0 * acc.top1_share(),
                100.0 * acc.top3_share()
            );
            for (lang, n, top1, top3) in &acc.by_lang {
                let pct = |k: &usize| 100.0 * *k as f64 / (*n).max(1) as f64;
                println!("  {lang}: {n} titles   top-1: {:.1}%   top-3: {:.1}%", pct(top1), pct(top3));
            }
            if misses {
                for m in &acc.misses {
                    println!(
                        "  miss [{}] {:?}: expected {}, got {}",
                        m.lang,
                        m.title,
                        m.expected,
                        m.got.join("; ")
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
