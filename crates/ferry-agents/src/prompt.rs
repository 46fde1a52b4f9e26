//! Prompts: the tera templates of `rules/prompts/` rendered with one unit's context, within a token
//! budget.
//!
//! Tokens are estimated as characters / 4, rounded up (close enough for English and code with the
//! current tokenizers, and needing no tokenizer). When the rendered prompt is over the budget it is
//! shortened in these steps, each keeping the previous ones, until it fits:
//!
//! 1. the runtime API summary is reduced to its headings;
//! 2. the scenario list is cut to its first 10 entries;
//! 3. on a retry, the previous answer's files are left out;
//! 4. on a retry, the failure report is cut to its first 200 lines / 20,000 characters;
//! 5. the callee interfaces are reduced to their `pub` signatures ([`public_interface`]);
//! 6. in refine mode only: the COBOL text and the data layouts are left out (the built-in Rust, which
//!    carries both, stays).
//!
//! If it still does not fit, [`AgentError::OverBudget`]: splitting a unit by section is not implemented.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::{clip, io_err, AgentError, Mode};

/// Everything the prompt may show about one unit (the caller fills it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitContext {
    pub unit: String,
    pub crate_name: String,
    /// The COBOL after COPY expansion, each line prefixed with its original `file:line`.
    pub cobol: String,
    /// The data layouts (text).
    pub layouts: String,
    /// The Rust interfaces of the already translated units this one calls.
    pub callee_interfaces: String,
    /// A summary of the runtime crate's API.
    pub runtime_api: String,
    /// Scenario names / descriptions.
    pub scenarios: Vec<String>,
    /// The built-in translation: path relative to the crate directory -> text. The starting point in
    /// refine mode; in both modes its editable files define the public interface to keep, and its other
    /// files (`Cargo.toml`, `src/bin/*.rs`) are shown as fixed context.
    pub builtin_files: BTreeMap<String, String>,
    /// The paths the agent may (and must) write, e.g. `["src/lib.rs"]`.
    pub editable: Vec<String>,
}

/// Why the previous attempt was rejected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feedback {
    /// The attempt that failed (1-based).
    pub attempt: u32,
    /// Build errors, scenario diffs, or why the answer could not be read.
    pub report: String,
    /// The files of the failed answer (empty when it could not be read), shown so the agent can fix them.
    pub previous: BTreeMap<String, String>,
}

/// A rendered prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub system: String,
    pub user: String,
    /// (characters of system + user) / 4, rounded up.
    pub estimated_tokens: usize,
}

impl Prompt {
    pub fn new(system: String, user: String) -> Prompt {
        let estimated_tokens = (system.chars().count() + user.chars().count()).div_ceil(4);
        Prompt {
            system,
            user,
            estimated_tokens,
        }
    }

    /// The whole prompt as one text: system, a blank line, user (what `PROMPT.md` holds and what
    /// `prompt_sha256` hashes).
    pub fn full_text(&self) -> String {
        format!("{}\n\n{}", self.system, self.user)
    }
}

pub const SYSTEM: &str = "system.tera";
pub const TRANSLATE: &str = "translate.tera";
pub const REFINE: &str = "refine.tera";
pub const RETRY: &str = "retry.tera";

const BUILTIN: &[(&str, &str)] = &[
    (SYSTEM, include_str!("../../../rules/prompts/system.tera")),
    (
        TRANSLATE,
        include_str!("../../../rules/prompts/translate.tera"),
    ),
    (REFINE, include_str!("../../../rules/prompts/refine.tera")),
    (RETRY, include_str!("../../../rules/prompts/retry.tera")),
];

/// The prompt templates: built-in copies of `rules/prompts/*.tera`, each replaced by a file of the same
/// name in `<rules dir>/prompts/` when there is one.
pub struct Prompts {
    tera: tera::Tera,
    hash: String,
}

/// How far a prompt has been shortened (see the module docs).
const LAST_STEP: u8 = 6;

#[derive(Serialize)]
struct FileView<'a> {
    path: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct FeedbackView<'a> {
    attempt: u32,
    next_attempt: u32,
    report: String,
    previous: Vec<FileView<'a>>,
}

impl Prompts {
    /// The built-in templates, overridden by `rules_dir/prompts/<name>` where such a file exists.
    pub fn load(rules_dir: Option<&Path>) -> Result<Prompts, AgentError> {
        let mut tera = tera::Tera::default();
        let mut text_all = Vec::new();
        for (name, builtin) in BUILTIN {
            let custom = rules_dir
                .map(|d| d.join("prompts").join(name))
                .filter(|p| p.is_file());
            let text = match custom {
                Some(p) => std::fs::read_to_string(&p).map_err(io_err(&p))?,
                None => builtin.to_string(),
            };
            text_all.extend_from_slice(name.as_bytes());
            text_all.push(0);
            text_all.extend_from_slice(text.as_bytes());
            text_all.push(0);
            tera.add_raw_template(name, &text)
                .map_err(|e| AgentError::Template(format!("{name}: {}", chain(&e))))?;
        }
        Ok(Prompts {
            tera,
            hash: crate::sha256_hex(&text_all),
        })
    }

    /// sha256 over every template's name and text (for the units' fingerprints).
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The prompt for one attempt at `ctx`: the mode's template, plus the retry template when there is
    /// feedback, shortened to fit `budget` tokens (see the module docs).
    pub fn render(
        &self,
        mode: Mode,
        ctx: &UnitContext,
        feedback: Option<&Feedback>,
        budget: usize,
    ) -> Result<Prompt, AgentError> {
        if ctx.editable.is_empty() {
            return Err(AgentError::Config(format!(
                "unit {}: no editable files given to the agent",
                ctx.unit
            )));
        }
        let mut needed = 0;
        for step in 0..=LAST_STEP {
            if step == LAST_STEP && mode == Mode::Translate {
                break;
            }
            let prompt = self.render_step(mode, ctx, feedback, step)?;
            if prompt.estimated_tokens <= budget {
                return Ok(prompt);
            }
            needed = prompt.estimated_tokens;
        }
        Err(AgentError::OverBudget {
            unit: ctx.unit.clone(),
            needed,
            budget,
        })
    }

    fn render_step(
        &self,
        mode: Mode,
        ctx: &UnitContext,
        feedback: Option<&Feedback>,
        step: u8,
    ) -> Result<Prompt, AgentError> {
        let mut notes: Vec<&str> = Vec::new();

        let runtime_api = if step >= 1 && !ctx.runtime_api.is_empty() {
            notes.push("the runtime API summary shows only its headings");
            headings(&ctx.runtime_api)
        } else {
            ctx.runtime_api.clone()
        };

        const SCENARIOS_KEPT: usize = 10;
        let mut scenarios: Vec<&str> = ctx.scenarios.iter().map(String::as_str).collect();
        let mut scenarios_more = 0;
        if step >= 2 && scenarios.len() > SCENARIOS_KEPT {
            scenarios_more = scenarios.len() - SCENARIOS_KEPT;
            scenarios.truncate(SCENARIOS_KEPT);
        }

        let feedback_view = feedback.map(|f| {
            let mut previous: Vec<FileView> = f
                .previous
                .iter()
                .map(|(path, text)| FileView { path, text })
                .collect();
            if step >= 3 && !previous.is_empty() {
                notes.push("your previous answer is not repeated");
                previous.clear();
            }
            let report = if step >= 4 {
                let cut = cut_lines(&f.report, 200, 20_000);
                if cut != f.report {
                    notes.push("the failure report is cut");
                }
                cut
            } else {
                f.report.clone()
            };
            FeedbackView {
                attempt: f.attempt,
                next_attempt: f.attempt + 1,
                report,
                previous,
            }
        });

        let callee_interfaces = if step >= 5 {
            let sig = public_interface(&ctx.callee_interfaces);
            if sig.is_empty() {
                ctx.callee_interfaces.clone()
            } else {
                if sig != ctx.callee_interfaces {
                    notes.push("the callee interfaces show only their public signatures");
                }
                sig
            }
        } else {
            ctx.callee_interfaces.clone()
        };

        let drop_source = step >= 6 && mode == Mode::Refine;
        if drop_source {
            notes.push(
                "the COBOL source and the data layouts are left out: the built-in Rust carries both",
            );
        }

        let editable_files: Vec<FileView> = ctx
            .builtin_files
            .iter()
            .filter(|(p, _)| ctx.editable.contains(p))
            .map(|(path, text)| FileView { path, text })
            .collect();
        let context_files: Vec<FileView> = ctx
            .builtin_files
            .iter()
            .filter(|(p, _)| !ctx.editable.contains(p))
            .map(|(path, text)| FileView { path, text })
            .collect();
        let interface = editable_files
            .iter()
            .map(|f| {
                let sig = public_interface(f.text);
                format!("// {}\n{}", f.path, sig)
            })
            .collect::<Vec<_>>()
            .join("\n");

        let mut c = tera::Context::new();
        c.insert("unit", &ctx.unit);
        c.insert("crate_name", &ctx.crate_name);
        c.insert("mode", mode.as_str());
        c.insert("cobol", if drop_source { "" } else { &ctx.cobol });
        c.insert("layouts", if drop_source { "" } else { &ctx.layouts });
        c.insert("callee_interfaces", &callee_interfaces);
        c.insert("runtime_api", &runtime_api);
        c.insert("scenarios", &scenarios);
        c.insert("scenarios_more", &scenarios_more);
        c.insert("editable", &ctx.editable);
        c.insert("editable_files", &editable_files);
        c.insert("context_files", &context_files);
        c.insert("interface", &interface);
        c.insert("notes", &notes);
        let mut all_text: Vec<&str> = vec![
            &ctx.cobol,
            &ctx.layouts,
            &callee_interfaces,
            &runtime_api,
            &interface,
        ];
        all_text.extend(ctx.builtin_files.values().map(String::as_str));
        if let Some(f) = &feedback_view {
            all_text.push(&f.report);
            all_text.extend(f.previous.iter().map(|p| p.text));
        }
        c.insert("fence", &fence_for(&all_text));

        let system = self.render_one(SYSTEM, &c)?;
        let mut user = self.render_one(
            match mode {
                Mode::Translate => TRANSLATE,
                Mode::Refine => REFINE,
            },
            &c,
        )?;
        if let Some(f) = &feedback_view {
            c.insert("feedback", f);
            user.push_str("\n\n");
            user.push_str(&self.render_one(RETRY, &c)?);
        }
        Ok(Prompt::new(
            system.trim().to_string(),
            user.trim().to_string(),
        ))
    }

    fn render_one(&self, name: &str, c: &tera::Context) -> Result<String, AgentError> {
        self.tera
            .render(name, c)
            .map_err(|e| AgentError::Template(format!("{name}: {}", chain(&e))))
    }
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    msg
}

/// A Markdown fence longer than any run of backticks in the texts it will wrap.
pub(crate) fn fence_for(texts: &[&str]) -> String {
    let longest = texts
        .iter()
        .flat_map(|t| t.split(|c| c != '`'))
        .map(str::len)
        .max()
        .unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// The heading lines (`#` ...) of a Markdown text.
fn headings(text: &str) -> String {
    let mut out: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect();
    if out.is_empty() {
        out = text.lines().take(20).collect();
    }
    out.join("\n")
}

/// At most `max_lines` lines and `max_chars` characters of `text`, with a note of what was cut.
fn cut_lines(text: &str, max_lines: usize, max_chars: usize) -> String {
    let total = text.lines().count();
    let mut out = if total > max_lines {
        let mut s = text.lines().take(max_lines).collect::<Vec<_>>().join("\n");
        s.push_str(&format!("\n[... {} more lines cut]", total - max_lines));
        s
    } else {
        text.to_string()
    };
    if out.chars().count() > max_chars {
        out = clip(&out, max_chars);
    }
    out
}

/// The public API of Rust source, one signature per line: `pub fn` headers (up to their body),
/// `pub struct`/`enum`/`trait`/`type`/`use` headers, and the `impl` and `pub mod` lines that give the
/// functions inside them their context (only when something public is inside). Constants and statics
/// are left out: they are data descriptors, which the layouts give. A listing, not compilable code.
pub fn public_interface(source: &str) -> String {
    const KEEP: &[&str] = &[
        "pub fn ",
        "pub async fn ",
        "pub unsafe fn ",
        "pub const fn ",
        "pub struct ",
        "pub enum ",
        "pub trait ",
        "pub mod ",
        "pub type ",
        "pub use ",
        "impl ",
        "impl<",
    ];
    let mut out = Vec::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if !KEEP.iter().any(|k| t.starts_with(k)) {
            continue;
        }
        let indent = &line[..line.len() - t.len()];
        let mut sig = t.trim_end().to_string();
        // A signature wrapped over several lines (rustfmt) ends at its `{` or `;`.
        while !sig.contains('{') && !sig.contains(';') {
            match lines.next() {
                Some(next) => {
                    sig.push(' ');
                    sig.push_str(next.trim());
                }
                None => break,
            }
        }
        if let Some(i) = sig.find('{') {
            sig.truncate(i);
        }
        let sig = sig
            .trim_end()
            .trim_end_matches(';')
            .replace("( ", "(")
            .replace(", )", ")");
        out.push((
            indent.len(),
            t.starts_with("impl") || t.starts_with("pub mod "),
            format!("{indent}{sig}"),
        ));
    }
    // A container (`impl`, `pub mod`) stays only when the next item kept is inside it.
    let mut kept: Vec<(usize, bool, String)> = Vec::new();
    for item in out.into_iter().rev() {
        let (indent, container, _) = &item;
        if *container && !matches!(kept.last(), Some(next) if next.0 > *indent) {
            continue;
        }
        kept.push(item);
    }
    kept.reverse();
    kept.into_iter()
        .map(|(_, _, l)| l)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> UnitContext {
        let mut builtin = BTreeMap::new();
        builtin.insert(
            "src/lib.rs".to_string(),
            "//! X\npub mod fields {\n    pub const A: Field = Field::Num(NumField::binary(0, 4, 0, false));\n}\npub struct Callee {\n    mem: Vec<u8>,\n}\nimpl Callee {\n    pub fn new() -> Self {\n        todo!()\n    }\n}\npub fn call(\n    args: &mut [&mut [u8]],\n) -> Result<i64, rt::StopRun> {\n    todo!()\n}\nfn private() {}\nimpl Para {\n    fn next(self) {}\n}\npub mod nested {\n    pub fn call() {}\n}\n"
                .to_string(),
        );
        builtin.insert(
            "src/bin/CALLEE.rs".to_string(),
            "fn main() { std::process::exit(callee::main_entry()); }\n".to_string(),
        );
        UnitContext {
            unit: "CALLEE".into(),
            crate_name: "callee".into(),
            cobol: "callee.cbl:1        IDENTIFICATION DIVISION.\ncallee.cbl:2        PROGRAM-ID. CALLEE.\n"
                .into(),
            layouts: "01 WS-CALLS  offset 0 size 2 COMP\n".into(),
            callee_interfaces: String::new(),
            runtime_api: "# ferry-runtime\n## Storage\nlong detail line\n".repeat(50),
            scenarios: (1..=30).map(|i| format!("CALLEE/case-{i}")).collect(),
            builtin_files: builtin,
            editable: vec!["src/lib.rs".into()],
        }
    }

    #[test]
    fn public_interface_lists_signatures() {
        let c = ctx();
        let i = public_interface(&c.builtin_files["src/lib.rs"]);
        assert_eq!(
            i,
            "pub struct Callee\nimpl Callee\n    pub fn new() -> Self\npub fn call(args: &mut [&mut [u8]]) -> Result<i64, rt::StopRun>\npub mod nested\n    pub fn call()"
        );
    }

    #[test]
    fn translate_prompt_shows_cobol_interface_and_format() {
        let p = Prompts::load(None).unwrap();
        let pr = p.render(Mode::Translate, &ctx(), None, 1_000_000).unwrap();
        assert!(pr.user.contains("callee.cbl:2        PROGRAM-ID. CALLEE."));
        assert!(pr.user.contains("pub fn call(args: &mut [&mut [u8]])"));
        assert!(pr.user.contains("src/bin/CALLEE.rs"));
        assert!(pr.user.contains("CALLEE/case-30"));
        // In translate mode the built-in body is not shown.
        assert!(!pr.user.contains("todo!()"));
        assert!(pr.system.contains("=== FILE: src/lib.rs ==="));
        assert!(pr.system.contains("=== END FILE ==="));
        assert_eq!(
            pr.estimated_tokens,
            (pr.system.chars().count() + pr.user.chars().count()).div_ceil(4)
        );
    }

    #[test]
    fn refine_prompt_shows_builtin_code_and_retry_shows_feedback() {
        let p = Prompts::load(None).unwrap();
        let mut previous = BTreeMap::new();
        previous.insert(
            "src/lib.rs".to_string(),
            "fn wrong_attempt() {}\n".to_string(),
        );
        let fb = Feedback {
            attempt: 1,
            report: "scenario CALLEE/case-3: stdout differs\n-expected\n+got".into(),
            previous,
        };
        let pr = p
            .render(Mode::Refine, &ctx(), Some(&fb), 1_000_000)
            .unwrap();
        assert!(pr.user.contains("todo!()"));
        assert!(pr.user.contains("scenario CALLEE/case-3: stdout differs"));
        assert!(pr.user.contains("fn wrong_attempt() {}"));
        assert!(pr.user.contains("attempt 2"), "{}", pr.user);
    }

    #[test]
    fn shrinks_in_steps_then_refuses() {
        let p = Prompts::load(None).unwrap();
        let c = ctx();
        let full = p.render(Mode::Refine, &c, None, usize::MAX).unwrap();
        assert!(full.user.contains("long detail line"));

        // Step 1: runtime API headings only.
        let budget = full.estimated_tokens - 1;
        let s1 = p.render(Mode::Refine, &c, None, budget).unwrap();
        assert!(!s1.user.contains("long detail line"));
        assert!(s1.user.contains("## Storage"));
        assert!(s1.user.contains("CALLEE/case-30"));
        assert!(s1.user.contains("headings"));

        // Step 2: ten scenarios.
        let s2 = p
            .render(Mode::Refine, &c, None, s1.estimated_tokens - 1)
            .unwrap();
        assert!(s2.user.contains("CALLEE/case-10\n"));
        assert!(!s2.user.contains("CALLEE/case-11"));
        assert!(s2.user.contains("20 more"));
        assert!(s2.user.contains("PROGRAM-ID. CALLEE."));

        // Last step in refine mode: the COBOL goes, the built-in Rust stays.
        let s6 = p
            .render(Mode::Refine, &c, None, s2.estimated_tokens - 1)
            .unwrap();
        assert!(!s6.user.contains("PROGRAM-ID. CALLEE."));
        assert!(!s6.user.contains("WS-CALLS"));
        assert!(s6.user.contains("todo!()"));

        match p.render(Mode::Refine, &c, None, s6.estimated_tokens - 1) {
            Err(AgentError::OverBudget {
                unit,
                needed,
                budget,
            }) => {
                assert_eq!(unit, "CALLEE");
                assert_eq!(needed, s6.estimated_tokens);
                assert_eq!(budget, s6.estimated_tokens - 1);
            }
            other => panic!("expected OverBudget, got {other:?}"),
        }
        // Over budget in translate mode too, with an honest message.
        let e = p.render(Mode::Translate, &c, None, 100).unwrap_err();
        assert!(e
            .to_string()
            .contains("splitting a unit by section is not implemented"));
    }

    #[test]
    fn shrinks_feedback_on_a_retry() {
        let p = Prompts::load(None).unwrap();
        let c = UnitContext {
            runtime_api: String::new(),
            scenarios: vec![],
            ..ctx()
        };
        let mut previous = BTreeMap::new();
        previous.insert("src/lib.rs".to_string(), "fn old_answer() {}\n".repeat(100));
        let fb = Feedback {
            attempt: 2,
            report: (0..1000).map(|i| format!("error line {i}\n")).collect(),
            previous,
        };
        let full = p
            .render(Mode::Translate, &c, Some(&fb), usize::MAX)
            .unwrap();
        assert!(full.user.contains("fn old_answer()"));
        let s3 = p
            .render(Mode::Translate, &c, Some(&fb), full.estimated_tokens - 1)
            .unwrap();
        assert!(!s3.user.contains("fn old_answer()"));
        assert!(s3.user.contains("error line 999"));
        let s4 = p
            .render(Mode::Translate, &c, Some(&fb), s3.estimated_tokens - 1)
            .unwrap();
        assert!(s4.user.contains("error line 199\n"));
        assert!(!s4.user.contains("error line 200\n"));
        assert!(s4.user.contains("800 more lines cut"));
    }

    #[test]
    fn templates_can_be_overridden() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("prompts")).unwrap();
        std::fs::write(
            dir.path().join("prompts/translate.tera"),
            "custom prompt for {{ unit }}",
        )
        .unwrap();
        let p = Prompts::load(Some(dir.path())).unwrap();
        assert_ne!(p.hash(), Prompts::load(None).unwrap().hash());
        let pr = p.render(Mode::Translate, &ctx(), None, usize::MAX).unwrap();
        assert_eq!(pr.user, "custom prompt for CALLEE");
        // An unknown variable is an error, not silence.
        std::fs::write(dir.path().join("prompts/refine.tera"), "{{ nope }}").unwrap();
        let p = Prompts::load(Some(dir.path())).unwrap();
        let e = p
            .render(Mode::Refine, &ctx(), None, usize::MAX)
            .unwrap_err();
        assert!(e.to_string().contains("refine.tera"), "{e}");
    }

    #[test]
    fn fence_is_longer_than_any_backtick_run() {
        assert_eq!(fence_for(&["no ticks"]), "```");
        assert_eq!(fence_for(&["a ```` b"]), "`````");
    }
}
