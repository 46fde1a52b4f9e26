//! External agents: an LLM coding agent translates or refines a unit inside ferry's verification loop.
//!
//! The built-in translator (`ferry-translate`) is deterministic and offline. This crate lets a team put an
//! external agent behind the same pipeline, safely:
//!
//! - [`AgentSpec`] names the agent: `command:<shell command>` (any coding-agent command line, run in a
//!   scratch copy of the unit's crate), `openai:<model>` (chat-completions shape, any compatible endpoint)
//!   or `anthropic:<model>` (messages API). API keys are read from environment variables only
//!   ([`Client::new`]) and are never written to disk, transcripts, errors or settings ([`redact`]).
//! - [`Prompts`] renders the tera templates of `rules/prompts/` with a unit's context ([`UnitContext`]) and
//!   keeps the prompt within a token budget by shortening it in documented steps.
//! - [`Client`] asks the agent (with a response cache keyed by a hash of agent, model, endpoint and prompt,
//!   rate-limit retries and a transcript per attempt); [`parse_files`] reads the files out of an answer.
//! - [`run_wave`] is the loop: ask every unit of a wave concurrently, check each answer one at a time with
//!   the caller's build-and-replay check, send failures back with the evidence, up to N attempts.
//!
//! Architecture invariant: this crate never builds or runs the translated code itself (the caller's
//! `check` does) and never talks to the terminal.

mod answer;
mod cache;
mod client;
mod command;
mod driver;
mod http;
mod prompt;
mod spec;

use std::path::PathBuf;

pub use answer::{parse_files, render_files, safe_path, END_MARKER, FILE_MARKER};
pub use client::{redact, transcript_path, Answer, Client, Reply};
pub use driver::{run_wave, UnitOutcome, Verdict};
pub use prompt::{public_interface, Feedback, Prompt, Prompts, UnitContext};
pub use spec::{cost, AgentConfig, AgentSpec, Mode, Prices};

/// Everything that can go wrong with an external agent. Messages never contain an API key.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    /// A bad setting (agent spec, mode, attempts, ...).
    #[error("{0}")]
    Config(String),
    /// The API key's environment variable is not set (the message names the variable, never a value).
    #[error("environment variable {var} is not set: the {agent} agent reads its API key from it")]
    MissingKey { var: String, agent: String },
    #[error("prompt template error: {0}")]
    Template(String),
    /// The prompt does not fit the budget even after every shortening step.
    #[error(
        "unit {unit}: the prompt needs about {needed} tokens, over the budget of {budget} even after \
         shortening it (splitting a unit by section is not implemented: raise the budget or use the \
         built-in agent for this unit)"
    )]
    OverBudget {
        unit: String,
        needed: usize,
        budget: usize,
    },
    /// An answer ferry cannot use; the message is written to be sent back to the agent.
    #[error("malformed answer: {0}")]
    Malformed(String),
    /// The API answered with an error status (after the retries for 429 and 5xx).
    #[error("HTTP {status} from {url}: {body}")]
    Http {
        status: u16,
        url: String,
        body: String,
    },
    /// The request could not be sent or its answer not read (after retries).
    #[error("request to {url} failed: {message}")]
    Transport { url: String, message: String },
    /// The agent command failed (non-zero exit, timeout, could not start).
    #[error("agent command {0}")]
    Command(String),
    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl AgentError {
    /// True for an error that is the agent's answer being unusable (malformed text, a failing command):
    /// the driver counts it as a failed attempt and sends the message back. Other errors end the unit.
    pub fn is_attempt_failure(&self) -> bool {
        matches!(self, AgentError::Malformed(_) | AgentError::Command(_))
    }

    /// The same error with every occurrence of `secret` replaced by `***`.
    pub(crate) fn redacted(self, secret: Option<&str>) -> AgentError {
        let Some(secret) = secret else { return self };
        let r = |s: String| redact(&s, secret);
        match self {
            AgentError::Config(m) => AgentError::Config(r(m)),
            AgentError::Template(m) => AgentError::Template(r(m)),
            AgentError::Malformed(m) => AgentError::Malformed(r(m)),
            AgentError::Command(m) => AgentError::Command(r(m)),
            AgentError::Http { status, url, body } => AgentError::Http {
                status,
                url: r(url),
                body: r(body),
            },
            AgentError::Transport { url, message } => AgentError::Transport {
                url: r(url),
                message: r(message),
            },
            other => other,
        }
    }
}

fn io_err(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> AgentError {
    let path = path.into();
    move |source| AgentError::Io { path, source }
}

/// Hex sha256 of some bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// At most `max_chars` characters of `text`, with a note of what was cut.
pub(crate) fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some((i, _)) => format!(
            "{}\n[... {} more characters cut]",
            &text[..i],
            text[i..].chars().count()
        ),
    }
}
