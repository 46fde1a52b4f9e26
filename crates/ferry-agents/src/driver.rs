//! The verification loop for one wave of units: ask concurrently, check one at a time, retry with the
//! evidence.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::{
    clip, cost, transcript_path, AgentConfig, AgentError, Client, Feedback, Prompt, Prompts, Reply,
    UnitContext,
};

/// The caller's judgement of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// `report`: the build errors or scenario diffs, sent to the agent with the next attempt.
    Fail {
        report: String,
    },
}

/// What happened to one unit, for the report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UnitOutcome {
    pub unit: String,
    /// The files of the answer that passed the check; `None` when no answer did.
    pub accepted: Option<BTreeMap<String, String>>,
    /// Attempts made (answers asked for, cached or not).
    pub attempts: u32,
    /// Tokens of every answer of this unit, including answers taken from the cache.
    pub tokens_in: u64,
    pub tokens_out: u64,
    /// Cost of those tokens, when a price table is given.
    pub cost: Option<f64>,
    /// One entry per answer received, in attempt order.
    pub prompt_sha256: Vec<String>,
    pub response_sha256: Vec<String>,
    /// Answers taken from the cache (no request, no command run).
    pub cache_hits: u32,
    /// One transcript per attempt, in order.
    pub transcripts: Vec<PathBuf>,
    /// Why no answer was accepted.
    pub failure: Option<String>,
}

type Asked = (usize, u32, Result<Reply, AgentError>);

/// Runs one wave: asks for every unit concurrently (at most `cfg.jobs` requests in flight), checks the
/// answers one at a time with `check` as they arrive (it builds and replays scenarios, so it never runs
/// concurrently), and asks again for a failing unit with the failure report and its previous answer as
/// [`Feedback`], up to `cfg.attempts` attempts per unit.
///
/// A malformed answer, or a failing agent command, is a failed attempt whose error message is the
/// feedback. A prompt over the budget fails the unit without a request; any other error (HTTP status,
/// unreachable server, I/O) fails the unit at once. Outcomes come back in the order of `units`.
///
/// `cfg` gives the loop's settings (mode, attempts, jobs, budget, prices): normally the configuration
/// the client was made from. Runs its own tokio runtime (so one after another is fine): call it from
/// synchronous code, not from within an async context.
pub fn run_wave(
    client: &Client,
    prompts: &Prompts,
    cfg: &AgentConfig,
    units: Vec<UnitContext>,
    check: &mut dyn FnMut(&UnitContext, &BTreeMap<String, String>) -> Verdict,
) -> Vec<UnitOutcome> {
    let mut outcomes: Vec<UnitOutcome> = units
        .iter()
        .map(|u| UnitOutcome {
            unit: u.unit.clone(),
            ..UnitOutcome::default()
        })
        .collect();
    let fail_all = |outcomes: &mut Vec<UnitOutcome>, why: String| {
        for o in outcomes.iter_mut() {
            o.failure = Some(why.clone());
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            fail_all(
                &mut outcomes,
                format!("cannot start the async runtime: {e}"),
            );
            return outcomes;
        }
    };
    let client = match client.with_fresh_connections() {
        Ok(c) => Arc::new(c),
        Err(e) => {
            fail_all(&mut outcomes, e.to_string());
            return outcomes;
        }
    };
    let units: Vec<Arc<UnitContext>> = units.into_iter().map(Arc::new).collect();
    let permits = Arc::new(tokio::sync::Semaphore::new(cfg.jobs.max(1)));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Asked>();
    let mut in_flight = 0usize;
    let ask = |index: usize, attempt: u32, prompt: Prompt| {
        let (client, unit, permits, tx) = (
            client.clone(),
            units[index].clone(),
            permits.clone(),
            tx.clone(),
        );
        let handle = runtime.handle().clone();
        runtime.spawn(async move {
            let _permit = permits.acquire_owned().await;
            let asked = handle.spawn(async move { client.complete(&unit, &prompt, attempt).await });
            // A panicking task still reports, so the loop below never waits for it forever.
            let result = asked
                .await
                .unwrap_or_else(|e| Err(AgentError::Config(format!("the agent task failed: {e}"))));
            let _ = tx.send((index, attempt, result));
        });
    };

    for (i, unit) in units.iter().enumerate() {
        match prompts.render(cfg.mode, unit, None, cfg.budget_tokens) {
            Ok(prompt) => {
                ask(i, 1, prompt);
                in_flight += 1;
            }
            Err(e) => outcomes[i].failure = Some(e.to_string()),
        }
    }

    while in_flight > 0 {
        let Some((i, attempt, result)) = rx.blocking_recv() else {
            break;
        };
        in_flight -= 1;
        let unit = &units[i];
        let o = &mut outcomes[i];
        o.attempts = attempt;
        let (report, previous) = match result {
            Ok(reply) => {
                o.tokens_in += reply.tokens_in;
                o.tokens_out += reply.tokens_out;
                o.cache_hits += u32::from(reply.cached);
                o.prompt_sha256.push(reply.prompt_sha256.clone());
                o.response_sha256.push(reply.response_sha256.clone());
                o.transcripts.push(reply.transcript.clone());
                match reply.files(&unit.editable) {
                    Ok(files) => match check(unit, &files) {
                        Verdict::Pass => {
                            o.accepted = Some(files);
                            continue;
                        }
                        Verdict::Fail { report } => (report, files),
                    },
                    Err(e) => (e.to_string(), BTreeMap::new()),
                }
            }
            Err(e) if e.is_attempt_failure() => {
                o.transcripts.push(transcript_path(
                    &client.config().transcript_dir,
                    &unit.unit,
                    attempt,
                ));
                (e.to_string(), BTreeMap::new())
            }
            Err(e) => {
                let path = transcript_path(&client.config().transcript_dir, &unit.unit, attempt);
                if path.is_file() {
                    o.transcripts.push(path);
                }
                o.failure = Some(e.to_string());
                continue;
            }
        };
        if attempt >= cfg.attempts {
            o.failure = Some(format!(
                "no answer accepted after {attempt} attempt(s); the last failed with:\n{}",
                clip(&report, 2_000)
            ));
            continue;
        }
        let feedback = Feedback {
            attempt,
            report,
            previous,
        };
        match prompts.render(cfg.mode, unit, Some(&feedback), cfg.budget_tokens) {
            Ok(prompt) => {
                ask(i, attempt + 1, prompt);
                in_flight += 1;
            }
            Err(e) => o.failure = Some(e.to_string()),
        }
    }

    if let Some(prices) = &cfg.prices {
        for o in &mut outcomes {
            o.cost = Some(cost(prices, o.tokens_in, o.tokens_out));
        }
    }
    runtime.shutdown_background();
    outcomes
}
