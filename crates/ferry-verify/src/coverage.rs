//! Coverage of the original COBOL: which statements and paragraphs a scenario executed, read from
//! GnuCOBOL's trace (`cobc -ftraceall`, run with `COB_SET_TRACE=Y COB_TRACE_FILE=...`) while the
//! scenario is recorded, and kept in `expected/coverage.json` beside the recording, so that a machine
//! without GnuCOBOL still knows what the scenarios exercised.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Result, VerifyError};
use crate::scenario::Scenario;

pub const COVERAGE_FILE: &str = "coverage.json";
pub const COVERAGE_SCHEMA: &str = "ferry-coverage/1";
/// The cobc flag that makes programs traceable.
pub const TRACE_FLAG: &str = "-ftraceall";

/// What one run executed, per PROGRAM-ID.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub schema: String,
    pub programs: BTreeMap<String, ProgramCoverage>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramCoverage {
    /// Source file (relative, `/`-separated) -> lines where a statement was executed, sorted.
    /// Written as ranges (`"38-39 44 46-48"`) to keep recordings small and readable.
    #[serde(with = "line_ranges")]
    pub lines: BTreeMap<String, Vec<u32>>,
    /// Paragraphs (and sections) entered, upper-cased, sorted.
    pub paragraphs: Vec<String>,
}

impl Coverage {
    /// Reads a GnuCOBOL trace. Source file names are made relative to `base` (when under it).
    pub fn from_trace(trace: &str, base: &Path) -> Coverage {
        let base = std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf());
        let mut lines: BTreeMap<String, BTreeMap<String, BTreeSet<u32>>> = BTreeMap::new();
        let mut paragraphs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut file = String::new();
        for l in trace.lines() {
            if let Some(src) = l.strip_prefix("Source:") {
                let src = src.trim().trim_matches('\'');
                file = crate::record::relative_name(Path::new(src), &base);
                continue;
            }
            let Some(rest) = l.strip_prefix("Program-Id:") else {
                continue;
            };
            let rest = rest.trim_start();
            let program: String = rest
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_ascii_uppercase();
            let Some((what, line)) = rest.rsplit_once("Line:") else {
                continue;
            };
            let Ok(line) = line.trim().parse::<u32>() else {
                continue;
            };
            let what = what[what.find(char::is_whitespace).unwrap_or(what.len())..].trim();
            for key in ["Paragraph:", "Section:"] {
                if let Some(name) = what.strip_prefix(key) {
                    let name = name.trim();
                    // cobc's own labels (e.g. `L$0` after NEXT SENTENCE) are not the program's.
                    if !name.contains('$') {
                        paragraphs
                            .entry(program.clone())
                            .or_default()
                            .insert(name.to_ascii_uppercase());
                    }
                }
            }
            if what.starts_with("Paragraph:")
                || what.starts_with("Section:")
                || what.starts_with("Entry:")
            {
                continue;
            }
            lines
                .entry(program)
                .or_default()
                .entry(file.clone())
                .or_default()
                .insert(line);
        }
        let mut programs: BTreeMap<String, ProgramCoverage> = BTreeMap::new();
        for (p, files) in lines {
            programs.entry(p).or_default().lines = files
                .into_iter()
                .map(|(f, ls)| (f, ls.into_iter().collect()))
                .collect();
        }
        for (p, paras) in paragraphs {
            programs.entry(p).or_default().paragraphs = paras.into_iter().collect();
        }
        Coverage {
            schema: COVERAGE_SCHEMA.into(),
            programs,
        }
    }

    /// The coverage recorded with a scenario, if it was recorded with tracing.
    pub fn load(scenario: &Scenario) -> Result<Option<Coverage>> {
        let p = scenario.expected_dir().join(COVERAGE_FILE);
        match std::fs::read(&p) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| VerifyError::Json { path: p, source: e }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(VerifyError::io("reading", &p, e)),
        }
    }

    /// Adds what another run executed.
    pub fn merge(&mut self, other: &Coverage) {
        for (p, c) in &other.programs {
            let mine = self.programs.entry(p.clone()).or_default();
            for (f, ls) in &c.lines {
                let set: BTreeSet<u32> = mine
                    .lines
                    .get(f)
                    .into_iter()
                    .flatten()
                    .chain(ls)
                    .copied()
                    .collect();
                mine.lines.insert(f.clone(), set.into_iter().collect());
            }
            let paras: BTreeSet<String> = mine
                .paragraphs
                .iter()
                .chain(&c.paragraphs)
                .cloned()
                .collect();
            mine.paragraphs = paras.into_iter().collect();
        }
    }
}

/// `{file: [1, 2, 3, 7]}` <-> `{file: "1-3 7"}`.
mod line_ranges {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        map: &BTreeMap<String, Vec<u32>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let text: BTreeMap<&String, String> = map.iter().map(|(f, ls)| (f, encode(ls))).collect();
        text.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, Vec<u32>>, D::Error> {
        let text = BTreeMap::<String, String>::deserialize(d)?;
        text.into_iter()
            .map(|(f, r)| decode(&r).map(|ls| (f, ls)))
            .collect::<Result<_, String>>()
            .map_err(serde::de::Error::custom)
    }

    pub fn encode(lines: &[u32]) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let start = lines[i];
            let mut end = start;
            while i + 1 < lines.len() && lines[i + 1] == end + 1 {
                i += 1;
                end = lines[i];
            }
            parts.push(if start == end {
                start.to_string()
            } else {
                format!("{start}-{end}")
            });
            i += 1;
        }
        parts.join(" ")
    }

    pub fn decode(text: &str) -> Result<Vec<u32>, String> {
        let mut out = Vec::new();
        for part in text.split_whitespace() {
            let bad = || format!("bad line range {part:?}");
            match part.split_once('-') {
                Some((a, b)) => {
                    let (a, b): (u32, u32) =
                        (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
                    if b < a {
                        return Err(bad());
                    }
                    out.extend(a..=b);
                }
                None => out.push(part.parse().map_err(|_| bad())?),
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRACE: &str = "Source: '/src/est/cobol/T.cbl'
Program-Id:  T
Program-Id:  T                    Entry: T                               Line:      6
Program-Id:  T                Paragraph: MAIN-PARA                       Line:      7
Program-Id:  T                           IF                              Line:      8
Program-Id:  T                           DISPLAY                         Line:      9
Program-Id:  T                           PERFORM                         Line:     13
Program-Id:  T                Paragraph: SUB-PARA                        Line:     15
Program-Id:  T                           DISPLAY                         Line:     16
Program-Id:  T                           NEXT SENTENCE                   Line:     19
Program-Id:  T                Paragraph: L$0                             Line:     19
Source: '/src/est/copybooks/P.cpy'
Program-Id:  T                           MOVE                            Line:      2
Source: '/src/est/cobol/T.cbl'
Program-Id:  T                           STOP RUN                        Line:     14
";

    #[test]
    fn a_trace_gives_lines_per_file_and_the_paragraphs_entered() {
        let c = Coverage::from_trace(TRACE, Path::new("/src/est"));
        let t = &c.programs["T"];
        assert_eq!(t.lines["cobol/T.cbl"], vec![8, 9, 13, 14, 16, 19]);
        assert_eq!(t.lines["copybooks/P.cpy"], vec![2]);
        assert_eq!(t.paragraphs, vec!["MAIN-PARA", "SUB-PARA"]);
    }

    #[test]
    fn lines_are_kept_as_ranges() {
        let c = Coverage::from_trace(TRACE, Path::new("/src/est"));
        let json = serde_json::to_string(&c).unwrap();
        assert!(
            json.contains(r#""cobol/T.cbl":"8-9 13-14 16 19""#),
            "{json}"
        );
        let back: Coverage = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert!(line_ranges::decode("3-1").is_err());
    }

    #[test]
    fn merging_is_a_union() {
        let mut a = Coverage::from_trace(TRACE, Path::new("/src/est"));
        let b = Coverage::from_trace(
            "Source: '/src/est/cobol/T.cbl'\nProgram-Id:  T                Paragraph: OTHER  Line: 30\nProgram-Id:  T   ADD   Line: 31\n",
            Path::new("/src/est"),
        );
        a.merge(&b);
        let t = &a.programs["T"];
        assert_eq!(t.lines["cobol/T.cbl"], vec![8, 9, 13, 14, 16, 19, 31]);
        assert_eq!(t.paragraphs, vec!["MAIN-PARA", "OTHER", "SUB-PARA"]);
    }
}
