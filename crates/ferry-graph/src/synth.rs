//! A deterministic synthetic estate for benchmarks and scale tests.

use std::collections::BTreeSet;
use std::path::PathBuf;

use ferry_syntax::ast::Span;

use crate::facts::{
    CallFact, CallMechanism, CopyFact, FileFact, FileMode, Metrics, ProgramFacts, Resolution,
};

/// SplitMix64: tiny, fast and good enough for generating test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// `programs` programs calling mostly "downwards" (with a few call cycles, dynamic, unresolved and
/// missing calls) and using `copybooks` copybooks with a skewed popularity (a few used everywhere, a
/// long tail used once or never), plus a few missing copybooks. Same seed, same estate.
pub fn synthetic_estate(
    programs: usize,
    copybooks: usize,
    seed: u64,
) -> (Vec<ProgramFacts>, Vec<(String, PathBuf)>) {
    let mut rng = Rng(seed);
    let cb_name = |i: usize| format!("CPY{i:05}");
    let pg_name = |i: usize| format!("PGM{i:05}");
    let books: Vec<(String, PathBuf)> = (0..copybooks)
        .map(|i| {
            (
                cb_name(i),
                PathBuf::from(format!("synthetic/copybooks/{}.cpy", cb_name(i))),
            )
        })
        .collect();
    let mut out = Vec::with_capacity(programs);
    for i in 0..programs {
        let path = PathBuf::from(format!("synthetic/cobol/{}.cbl", pg_name(i)));
        let mut f = ProgramFacts::empty(&pg_name(i), &path);
        let call = |resolution, targets: Vec<String>, via: Option<&str>| CallFact {
            mechanism: CallMechanism::Call,
            resolution,
            targets,
            via: via.map(String::from),
            span: Span::default(),
        };
        for _ in 0..rng.below(4) {
            let remaining = programs - i - 1;
            if remaining > 0 {
                let t = i + 1 + rng.below(remaining.min(200));
                f.calls
                    .push(call(Resolution::Static, vec![pg_name(t)], None));
            }
        }
        if i > 0 && rng.chance(1) {
            // A call back up: creates a cycle when the callee reaches this program.
            let t = i - 1 - rng.below(i.min(20));
            f.calls
                .push(call(Resolution::Static, vec![pg_name(t)], None));
        }
        if rng.chance(2) && i + 1 < programs {
            f.calls.push(call(
                Resolution::Dynamic,
                vec![pg_name(i + 1 + rng.below((programs - i - 1).min(50)))],
                Some("WS-PGM"),
            ));
        }
        if rng.chance(1) {
            f.calls
                .push(call(Resolution::Unresolved, vec![], Some("WS-NEXT")));
        }
        if rng.chance(1) {
            f.calls.push(call(
                Resolution::Static,
                vec![format!("EXT{:04}", rng.below(100))],
                None,
            ));
        }
        let mut used = BTreeSet::new();
        for _ in 0..1 + rng.below(6) {
            if copybooks == 0 {
                break;
            }
            // Squared uniform: low indexes are far more popular.
            let r = rng.below(copybooks * copybooks);
            let idx = (r as f64).sqrt() as usize;
            used.insert(copybooks - 1 - idx.min(copybooks - 1));
        }
        for c in used {
            f.copybooks.push(CopyFact {
                name: cb_name(c),
                resolved: Some(books[c].1.clone()),
                replacing: rng.chance(5),
                from_file: path.clone(),
                line: 1,
                column: 8,
            });
        }
        if rng.chance(1) {
            f.copybooks.push(CopyFact {
                name: "NOSUCH".into(),
                resolved: None,
                replacing: false,
                from_file: path.clone(),
                line: 2,
                column: 8,
            });
        }
        for k in 0..rng.below(3) {
            let mode = if k == 0 {
                FileMode::Input
            } else {
                FileMode::Output
            };
            f.files.push(FileFact {
                name: format!("FILE-{k}"),
                assign: format!("DD{i:05}{k}"),
                dd_name: format!("DD{i:05}{k}"),
                modes: BTreeSet::from([mode]),
            });
        }
        let statements = 20 + rng.below(2000);
        f.metrics = Metrics {
            lines: statements * 2,
            statements,
            sections: rng.below(5),
            paragraphs: 1 + rng.below(60),
            complexity: 1 + rng.below(statements / 5 + 1),
            ..Metrics::default()
        };
        out.push(f);
    }
    (out, books)
}
