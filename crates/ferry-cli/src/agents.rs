//! External agents inside the verification loop.
//!
//! The built-in agent translates every unit first (its output defines each unit's public interface
//! and, in refine mode, is the agent's starting point). Then, wave by wave in plan order, the external
//! agent ([`ferry_agents`]) is asked for each translated unit; every answer is written into the
//! workspace, built, and checked against the recorded scenarios that run the unit's programs. A failing
//! answer goes back to the agent with the build errors or the diffs, up to the attempt limit. An answer
//! that passes replaces the built-in files; otherwise, in translate mode the unit is marked failed (the
//! built-in files stay in the workspace so that the other units still build, but nothing is claimed
//! for the unit), and in refine mode the built-in translation stays and the report says so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ferry_agents::{AgentConfig, AgentSpec, Client, Mode, Prices, Prompts, UnitContext, Verdict};
use ferry_verify::ScenarioStatus;

use crate::estate::Estate;
use crate::progress::Progress;
use crate::state::{sha256_file, FileHash, State, UnitState};
use crate::{Common, TranslateArgs};

/// An external agent chosen for this run, with its prompt templates.
pub struct Selected {
    pub cfg: AgentConfig,
    pub prompts: Prompts,
}

impl Selected {
    /// What the agent adds to every unit's fingerprint: its settings and its prompt templates.
    pub fn fingerprint_key(&self) -> String {
        format!(
            "{}|prompts:{}",
            serde_json::to_string(&self.cfg.settings()).unwrap_or_default(),
            self.prompts.hash()
        )
    }
}

/// The external agent selected by `--agent*` or `[agent]` in ferry.toml; `None` for the built-in one.
pub fn select(
    estate: &Estate,
    out: &Path,
    args: &TranslateArgs,
    common: &Common,
) -> Result<Option<Selected>> {
    let section = estate.config.agent.clone().unwrap_or_default();
    let spec_text = args
        .agent
        .clone()
        .or(section.spec.clone())
        .unwrap_or_else(|| "builtin".into());
    let spec: AgentSpec = spec_text
        .parse()
        .map_err(|e| anyhow::anyhow!("--agent: {e}"))?;
    if spec == AgentSpec::Builtin {
        return Ok(None);
    }
    let mode: Mode = args
        .agent_mode
        .clone()
        .or(section.mode.clone())
        .unwrap_or_else(|| "translate".into())
        .parse()
        .map_err(|e| anyhow::anyhow!("--agent-mode: {e}"))?;
    let mut cfg = AgentConfig::new(
        spec,
        mode,
        out.join(".ferry/agent-cache"),
        out.join("agents"),
    );
    cfg.endpoint = args.agent_endpoint.clone().or(section.endpoint.clone());
    cfg.key_env = args.agent_key_env.clone().or(section.key_env.clone());
    if let Some(a) = args.agent_attempts.or(section.attempts) {
        cfg.attempts = a;
    }
    if let Some(b) = args.agent_budget.or(section.budget_tokens) {
        cfg.budget_tokens = b;
    }
    if let Some(m) = section.max_output_tokens {
        cfg.max_output_tokens = m;
    }
    if let Some(t) = section.timeout_seconds {
        cfg.timeout = std::time::Duration::from_secs(t);
    }
    if let (Some(i), Some(o)) = (section.input_price_per_mtok, section.output_price_per_mtok) {
        cfg.prices = Some(Prices {
            input_per_mtok: i,
            output_per_mtok: o,
        });
    }
    if let Some(j) = common.jobs {
        cfg.jobs = j.max(1);
    }
    cfg.validate().map_err(|e| anyhow::anyhow!("{e}"))?;
    // Fail now (a missing key, say), not after the built-in translation.
    Client::new(&cfg).map_err(|e| anyhow::anyhow!("{e}"))?;
    let rules = args
        .rules
        .clone()
        .or_else(|| estate.config.rules.as_ref().map(|r| estate.root.join(r)));
    let prompts = Prompts::load(rules.as_deref()).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(Some(Selected { cfg, prompts }))
}

/// What the agent stage did.
#[derive(Debug, Default)]
pub struct AgentStats {
    pub asked: usize,
    pub accepted: usize,
    pub failed: usize,
    pub kept: usize,
}

impl std::fmt::Display for AgentStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "agent: {} unit(s) asked, {} accepted, {} failed, {} unchanged since the last run",
            self.asked, self.accepted, self.failed, self.kept
        )
    }
}

/// One unit handed to the agent, and what the check needs to know about it.
struct Job {
    index: usize,
    crate_dir: PathBuf,
    builtin: BTreeMap<String, String>,
    scenarios: Vec<ferry_verify::Scenario>,
}

/// Runs the external agent over every translated unit, in plan order. Saves the state after each wave.
pub fn run(
    estate: &Estate,
    out: &Path,
    state: &mut State,
    sel: &Selected,
    common: &Common,
    progress: &Progress,
) -> Result<AgentStats> {
    let client = Client::new(&sel.cfg).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut stats = AgentStats::default();
    let scenarios: Vec<ferry_verify::Scenario> = crate::jobs::discover(&estate.root)?
        .into_iter()
        .filter(|s| s.has_recording())
        .collect();
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from);
    let jobs = common
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let runtime_api = runtime_api(out);
    let mut waves: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, u) in state.units.iter().enumerate() {
        if u.state != UnitState::Translated {
            continue;
        }
        if u.agent_run.is_some() {
            // Same fingerprint as when the agent last worked on it: its outcome stands.
            stats.kept += 1;
            continue;
        }
        waves.entry(u.wave).or_default().push(i);
    }
    if waves.is_empty() {
        return Ok(stats);
    }
    let spinner = progress.spinner("agent", "building the built-in translation");
    let first = ferry_verify::build_workspace(out, true, target.as_deref());
    spinner.finish_and_clear();
    first.context("the built-in translation does not build, so no agent answer can be checked")?;
    for (wave, indexes) in waves {
        let mut contexts = Vec::new();
        let mut jobs_by_unit: BTreeMap<String, Job> = BTreeMap::new();
        for i in indexes {
            let u = &state.units[i];
            let crate_dir = out.join("units").join(&u.crate_name);
            let builtin = read_crate(&crate_dir)?;
            let editable: Vec<String> = builtin
                .keys()
                .filter(|p| p.starts_with("src/") && !p.starts_with("src/bin/"))
                .filter(|p| p.ends_with(".rs"))
                .cloned()
                .collect();
            let callers: Vec<String> = u
                .programs
                .iter()
                .flat_map(|p| state.callers_of(p))
                .collect();
            let unit_scenarios: Vec<ferry_verify::Scenario> = scenarios
                .iter()
                .filter(|s| {
                    s.programs()
                        .unwrap_or_else(|_| vec![s.program.clone()])
                        .iter()
                        .any(|p| callers.contains(p))
                })
                .cloned()
                .collect();
            contexts.push(UnitContext {
                unit: u.name.clone(),
                crate_name: u.crate_name.clone(),
                cobol: cobol_listing(estate, &u.programs),
                layouts: layouts(estate, &u.programs),
                callee_interfaces: callee_interfaces(out, &u.dependencies),
                runtime_api: runtime_api.clone(),
                scenarios: unit_scenarios.iter().map(|s| s.id()).collect(),
                builtin_files: builtin.clone(),
                editable,
            });
            jobs_by_unit.insert(
                u.name.clone(),
                Job {
                    index: i,
                    crate_dir,
                    builtin,
                    scenarios: unit_scenarios,
                },
            );
        }
        stats.asked += contexts.len();
        let bar = progress.spinner("agent", &format!("wave {wave}: {} unit(s)", contexts.len()));
        let mut check = |ctx: &UnitContext, files: &BTreeMap<String, String>| -> Verdict {
            let Some(job) = jobs_by_unit.get(&ctx.unit) else {
                return Verdict::Fail {
                    report: format!("ferry lost track of unit {}", ctx.unit),
                };
            };
            let verdict = check_answer(out, job, files, target.as_deref(), jobs);
            if !matches!(verdict, Verdict::Pass) {
                // Put the built-in files back, so that the next check builds.
                let _ = write_files(&job.crate_dir, &job.builtin);
            }
            verdict
        };
        let outcomes =
            ferry_agents::run_wave(&client, &sel.prompts, &sel.cfg, contexts, &mut check);
        bar.finish_and_clear();
        for o in outcomes {
            let Some(job) = jobs_by_unit.get(&o.unit) else {
                continue;
            };
            let record = &mut state.units[job.index];
            let mode = sel.cfg.mode;
            let outcome = match (&o.accepted, mode) {
                (Some(_), _) => "accepted",
                (None, Mode::Refine) => "kept-builtin",
                (None, Mode::Translate) => "failed",
            };
            match &o.accepted {
                Some(files) => {
                    write_files(&job.crate_dir, files)?;
                    record.agent = sel.cfg.spec.kind().into();
                    record.agent_settings = sel.cfg.settings();
                    stats.accepted += 1;
                }
                None => {
                    write_files(&job.crate_dir, &job.builtin)?;
                    stats.failed += 1;
                    let why = o.failure.clone().unwrap_or_default();
                    match mode {
                        Mode::Translate => {
                            record.state = UnitState::Error;
                            record.detail = Some(format!(
                                "the {} agent gave no answer that passes after {} attempt(s): {why}. The built-in translation stays in the workspace so that the other units build; this unit is not claimed",
                                sel.cfg.spec.kind(),
                                o.attempts
                            ));
                        }
                        Mode::Refine => {
                            record.detail = Some(format!(
                                "the {} agent's refinement did not pass every scenario after {} attempt(s) ({why}); the built-in translation is kept",
                                sel.cfg.spec.kind(),
                                o.attempts
                            ));
                        }
                    }
                }
            }
            refresh_outputs(out, &job.crate_dir, record);
            record.agent_run = Some(ferry_report::AgentRun {
                agent: sel.cfg.spec.kind().into(),
                model: sel
                    .cfg
                    .spec
                    .model()
                    .map(str::to_string)
                    .unwrap_or_else(|| sel.cfg.spec.to_string()),
                mode: mode.as_str().into(),
                outcome: outcome.into(),
                attempts: o.attempts,
                tokens_in: o.tokens_in,
                tokens_out: o.tokens_out,
                cost: o.cost,
                cache_hits: o.cache_hits,
                prompt_sha256: o.prompt_sha256.clone(),
                response_sha256: o.response_sha256.clone(),
                transcripts: o
                    .transcripts
                    .iter()
                    .map(|t| {
                        crate::state::relative_path(out, t)
                            .unwrap_or_else(|| t.display().to_string())
                    })
                    .collect(),
                failure: o.failure.clone(),
            });
        }
        state.save(out)?;
    }
    Ok(stats)
}

/// Writes an answer, builds the workspace and replays the unit's scenarios.
fn check_answer(
    out: &Path,
    job: &Job,
    files: &BTreeMap<String, String>,
    target: Option<&Path>,
    jobs: usize,
) -> Verdict {
    if let Err(e) = write_files(&job.crate_dir, files) {
        return Verdict::Fail {
            report: format!("ferry could not write the answer: {e}"),
        };
    }
    let build = match ferry_verify::build_workspace(out, true, target) {
        Ok(b) => b,
        Err(e) => {
            return Verdict::Fail {
                report: clip(&format!("the crate does not build:\n{e}"), 12_000),
            }
        }
    };
    let bins: BTreeMap<String, String> = binaries(out);
    let results = match ferry_verify::replay_all(
        &job.scenarios,
        |s| bins.get(&s.program).map(|b| build.exe(b)),
        jobs,
        ferry_verify::DEFAULT_TIMEOUT,
    ) {
        Ok(r) => r,
        Err(e) => {
            return Verdict::Fail {
                report: format!("the scenarios could not be replayed: {e}"),
            }
        }
    };
    let failing: Vec<String> = results
        .iter()
        .filter(|r| r.status != ScenarioStatus::Pass)
        .map(|r| {
            format!(
                "scenario {}/{}: {:?}\n{}",
                r.program,
                r.name,
                r.status,
                r.detail.clone().unwrap_or_default()
            )
        })
        .collect();
    if failing.is_empty() {
        Verdict::Pass
    } else {
        Verdict::Fail {
            report: clip(&failing.join("\n\n"), 12_000),
        }
    }
}

/// Program -> binary name, for every unit of the workspace (from the crates' `src/bin`).
fn binaries(out: &Path) -> BTreeMap<String, String> {
    let Ok(state) = State::load(out) else {
        return BTreeMap::new();
    };
    state
        .into_iter()
        .flat_map(|s| s.units)
        .filter(|u| matches!(u.state, UnitState::Translated | UnitState::PortedByHand))
        .flat_map(|u| u.binaries)
        .map(|b| (b.program, b.name))
        .collect()
}

fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n[... {} more bytes]", &text[..end], text.len() - end)
}

/// Every file of a unit's crate, relative to the crate directory.
fn read_crate(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e?;
        if !e.file_type().is_file() {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap_or(e.path())
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(e.path())
            .with_context(|| format!("cannot read {}", e.path().display()))?;
        files.insert(rel, text);
    }
    Ok(files)
}

fn write_files(dir: &Path, files: &BTreeMap<String, String>) -> Result<()> {
    for (rel, text) in files {
        ferry_translate::write_if_changed(&dir.join(rel), text.as_bytes())?;
    }
    Ok(())
}

/// The unit's outputs after the agent: current hashes of the crate's files (what ferry wrote).
fn refresh_outputs(out: &Path, crate_dir: &Path, record: &mut crate::state::UnitRecord) {
    let mut outputs = Vec::new();
    for e in walkdir::WalkDir::new(crate_dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !e.file_type().is_file() {
            continue;
        }
        if let (Some(rel), Some(h)) = (
            crate::state::relative_path(out, e.path()),
            sha256_file(e.path()),
        ) {
            outputs.push(FileHash {
                path: rel.trim_start_matches("./").to_string(),
                sha256: h,
            });
        }
    }
    record.outputs = outputs;
    record.generated.clear();
}

/// The COBOL of the unit's programs after COPY expansion, each line with its original `file:line`.
fn cobol_listing(estate: &Estate, programs: &[String]) -> String {
    let mut out = String::new();
    let mut seen = std::collections::BTreeSet::new();
    for name in programs {
        let Some(p) = estate.program(name) else {
            continue;
        };
        if !seen.insert(p.path.clone()) {
            continue;
        }
        let mut offset = 0;
        for line in p.pre.text.split_inclusive('\n') {
            let (file, l, _) = p.locate(&estate.root, offset);
            offset += line.len();
            let text = line.trim_end();
            if text.trim().is_empty() {
                continue;
            }
            out.push_str(&format!("{file}:{l:<5} {text}\n"));
        }
    }
    out
}

/// The storage layout of the unit's programs: every named item with offset, size and category.
fn layouts(estate: &Estate, programs: &[String]) -> String {
    let mut out = String::new();
    for name in programs {
        let Some(p) = estate.program(name) else {
            continue;
        };
        out.push_str(&format!(
            "PROGRAM {} (storage {} bytes)\n",
            p.model.name, p.model.storage_size
        ));
        for item in &p.model.items {
            let Some(n) = &item.name else { continue };
            let depth = {
                let mut d = 0;
                let mut at = item.parent;
                while let Some(i) = at {
                    d += 1;
                    at = p.model.items[i].parent;
                }
                d
            };
            let occurs: String = item.dims.iter().map(|d| format!(" x{}", d.max)).collect();
            out.push_str(&format!(
                "{:indent$}{:02} {n} @{} size {}{occurs} {:?} {}\n",
                "",
                item.level,
                item.offset,
                item.size,
                item.section,
                kind(&item.kind),
                indent = depth * 2
            ));
        }
    }
    out
}

fn kind(k: &ferry_model::ItemKind) -> String {
    let text = format!("{k:?}");
    // The Debug form is precise; keep it on one line and short.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The public interfaces of the crates this unit depends on (already translated, plan order).
fn callee_interfaces(out: &Path, dependencies: &[String]) -> String {
    let mut text = String::new();
    for d in dependencies {
        let src = out.join("units").join(d).join("src");
        for e in walkdir::WalkDir::new(&src)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let p = e.path();
            if !e.file_type().is_file() || p.components().any(|c| c.as_os_str() == "bin") {
                continue;
            }
            if let Ok(code) = std::fs::read_to_string(p) {
                let rel = p.strip_prefix(out).unwrap_or(p).display().to_string();
                text.push_str(&format!(
                    "// crate `{d}`: {rel}\n{}\n",
                    ferry_agents::public_interface(&code)
                ));
            }
        }
    }
    text
}

/// The runtime's API as generated code uses it (public signatures of its modules).
fn runtime_api(out: &Path) -> String {
    let src = out.join("ferry-runtime/src");
    let mut text = String::new();
    for name in ["lib.rs", "gen.rs", "gen_files.rs", "gen_env.rs"] {
        if let Ok(code) = std::fs::read_to_string(src.join(name)) {
            text.push_str(&format!(
                "// ferry_runtime: src/{name}\n{}\n",
                ferry_agents::public_interface(&code)
            ));
        }
    }
    text
}
