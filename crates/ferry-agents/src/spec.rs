//! Which agent, in which mode, with which limits: [`AgentSpec`], [`Mode`], [`AgentConfig`], prices.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::AgentError;

/// Which agent translates: parsed from `builtin`, `command:<shell command>`, `openai:<model>` or
/// `anthropic:<model>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentSpec {
    /// ferry's own deterministic translator (not an external client).
    Builtin,
    /// A coding-agent command line, run with `sh -c` in a scratch copy of the unit's crate.
    Command { command: String },
    /// An OpenAI chat-completions compatible API.
    OpenAi { model: String },
    /// Anthropic's messages API.
    Anthropic { model: String },
}

impl AgentSpec {
    /// `builtin`, `command`, `openai` or `anthropic`.
    pub fn kind(&self) -> &'static str {
        match self {
            AgentSpec::Builtin => "builtin",
            AgentSpec::Command { .. } => "command",
            AgentSpec::OpenAi { .. } => "openai",
            AgentSpec::Anthropic { .. } => "anthropic",
        }
    }

    /// The model of an API agent.
    pub fn model(&self) -> Option<&str> {
        match self {
            AgentSpec::OpenAi { model } | AgentSpec::Anthropic { model } => Some(model),
            _ => None,
        }
    }

    /// True for the agents ferry talks to over HTTP.
    pub fn is_http(&self) -> bool {
        matches!(self, AgentSpec::OpenAi { .. } | AgentSpec::Anthropic { .. })
    }
}

impl FromStr for AgentSpec {
    type Err = AgentError;

    fn from_str(s: &str) -> Result<Self, AgentError> {
        let s = s.trim();
        if s == "builtin" {
            return Ok(AgentSpec::Builtin);
        }
        let bad = || {
            AgentError::Config(format!(
                "unknown agent `{s}`: expected builtin, command:<shell command>, openai:<model> or \
                 anthropic:<model>"
            ))
        };
        let (kind, rest) = s.split_once(':').ok_or_else(bad)?;
        let rest = rest.trim();
        if rest.is_empty() {
            return Err(AgentError::Config(format!(
                "agent `{s}`: nothing after `{kind}:` (expected {})",
                if kind == "command" {
                    "a shell command"
                } else {
                    "a model name"
                }
            )));
        }
        match kind {
            "command" => Ok(AgentSpec::Command {
                command: rest.to_string(),
            }),
            "openai" => Ok(AgentSpec::OpenAi {
                model: rest.to_string(),
            }),
            "anthropic" => Ok(AgentSpec::Anthropic {
                model: rest.to_string(),
            }),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for AgentSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AgentSpec::Builtin => write!(f, "builtin"),
            AgentSpec::Command { command } => write!(f, "command:{command}"),
            AgentSpec::OpenAi { model } => write!(f, "openai:{model}"),
            AgentSpec::Anthropic { model } => write!(f, "anthropic:{model}"),
        }
    }
}

/// What the agent is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write the unit's Rust from the COBOL.
    Translate,
    /// Start from the built-in translation and make it more idiomatic; every scenario must still pass.
    Refine,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Translate => "translate",
            Mode::Refine => "refine",
        }
    }
}

impl FromStr for Mode {
    type Err = AgentError;

    fn from_str(s: &str) -> Result<Self, AgentError> {
        match s.trim() {
            "translate" => Ok(Mode::Translate),
            "refine" => Ok(Mode::Refine),
            other => Err(AgentError::Config(format!(
                "unknown agent mode `{other}`: expected translate or refine"
            ))),
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Prices in USD per million tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prices {
    pub input_per_mtok: f64,
    pub output_per_mtok: f64,
}

/// Cost in USD of `tokens_in` prompt tokens and `tokens_out` answer tokens.
pub fn cost(prices: &Prices, tokens_in: u64, tokens_out: u64) -> f64 {
    (tokens_in as f64 * prices.input_per_mtok + tokens_out as f64 * prices.output_per_mtok)
        / 1_000_000.0
}

pub const OPENAI_ENDPOINT: &str = "https://api.openai.com/v1";
pub const ANTHROPIC_ENDPOINT: &str = "https://api.anthropic.com";

/// Settings of one run of an external agent.
#[derive(Debug, Clone)]
pub struct AgentConfig {
    pub spec: AgentSpec,
    pub mode: Mode,
    /// API base URL; default `https://api.openai.com/v1` (openai) or `https://api.anthropic.com`.
    pub endpoint: Option<String>,
    /// Environment variable holding the API key; default `OPENAI_API_KEY` / `ANTHROPIC_API_KEY`.
    pub key_env: Option<String>,
    /// Maximum attempts per unit (at least 1).
    pub attempts: u32,
    /// Prompt budget in tokens, estimated as characters / 4 (rounded up).
    pub budget_tokens: usize,
    /// `max_tokens` of each request.
    pub max_output_tokens: u32,
    /// Agent calls in flight at once (at least 1).
    pub jobs: usize,
    /// Price table; `None`: no cost is computed.
    pub prices: Option<Prices>,
    /// Time limit of one HTTP request or one run of the agent command.
    pub timeout: Duration,
    /// Retries of one request answered 429 or 5xx (or not answered at all).
    pub retries: u32,
    /// Upper bound of one wait between retries (also caps a server's `retry-after`).
    pub max_retry_wait: Duration,
    /// Response cache (e.g. `OUT/.ferry/agent-cache`).
    pub cache_dir: PathBuf,
    /// Transcripts, at `<dir>/<unit>/attempt-<n>.md` (e.g. `OUT/agents`).
    pub transcript_dir: PathBuf,
}

impl AgentConfig {
    /// A configuration with the defaults: 3 attempts, a 100,000-token prompt budget, 16,384 output
    /// tokens, 4 jobs, no prices, 10 minutes per request, 5 retries waiting at most 60 s each.
    pub fn new(spec: AgentSpec, mode: Mode, cache_dir: PathBuf, transcript_dir: PathBuf) -> Self {
        AgentConfig {
            spec,
            mode,
            endpoint: None,
            key_env: None,
            attempts: 3,
            budget_tokens: 100_000,
            max_output_tokens: 16_384,
            jobs: 4,
            prices: None,
            timeout: Duration::from_secs(600),
            retries: 5,
            max_retry_wait: Duration::from_secs(60),
            cache_dir,
            transcript_dir,
        }
    }

    /// The API base URL (the default one of the API when none is set); `None` for non-HTTP agents.
    pub fn resolved_endpoint(&self) -> Option<String> {
        let default = match self.spec {
            AgentSpec::OpenAi { .. } => OPENAI_ENDPOINT,
            AgentSpec::Anthropic { .. } => ANTHROPIC_ENDPOINT,
            _ => return None,
        };
        let e = self.endpoint.as_deref().unwrap_or(default);
        Some(e.trim_end_matches('/').to_string())
    }

    /// The environment variable of the API key; `None` for non-HTTP agents.
    pub fn resolved_key_env(&self) -> Option<String> {
        let default = match self.spec {
            AgentSpec::OpenAi { .. } => "OPENAI_API_KEY",
            AgentSpec::Anthropic { .. } => "ANTHROPIC_API_KEY",
            _ => return None,
        };
        Some(self.key_env.clone().unwrap_or_else(|| default.to_string()))
    }

    /// What influences the agent's output, for the report and the units' fingerprints: agent kind,
    /// model or command, endpoint, mode, attempts, budget, output tokens. Never the key (nor its
    /// variable).
    pub fn settings(&self) -> BTreeMap<String, String> {
        let mut s = BTreeMap::new();
        s.insert("agent".to_string(), self.spec.kind().to_string());
        match &self.spec {
            AgentSpec::Command { command } => {
                s.insert("command".to_string(), command.clone());
            }
            AgentSpec::OpenAi { model } | AgentSpec::Anthropic { model } => {
                s.insert("model".to_string(), model.clone());
            }
            AgentSpec::Builtin => {}
        }
        if let Some(e) = self.resolved_endpoint() {
            s.insert("endpoint".to_string(), e);
        }
        s.insert("mode".to_string(), self.mode.to_string());
        s.insert("attempts".to_string(), self.attempts.to_string());
        s.insert("budget_tokens".to_string(), self.budget_tokens.to_string());
        if self.spec.is_http() {
            s.insert(
                "max_output_tokens".to_string(),
                self.max_output_tokens.to_string(),
            );
        }
        s
    }

    /// Checks the limits (attempts and jobs at least 1, a non-zero budget).
    pub fn validate(&self) -> Result<(), AgentError> {
        if self.attempts == 0 {
            return Err(AgentError::Config(
                "agent attempts must be at least 1".into(),
            ));
        }
        if self.jobs == 0 {
            return Err(AgentError::Config("agent jobs must be at least 1".into()));
        }
        if self.budget_tokens == 0 {
            return Err(AgentError::Config(
                "agent token budget must be above 0".into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_agent_kind() {
        assert_eq!("builtin".parse::<AgentSpec>().unwrap(), AgentSpec::Builtin);
        assert_eq!(
            "command:claude -p --yes".parse::<AgentSpec>().unwrap(),
            AgentSpec::Command {
                command: "claude -p --yes".into()
            }
        );
        assert_eq!(
            "openai:gpt-4.1".parse::<AgentSpec>().unwrap(),
            AgentSpec::OpenAi {
                model: "gpt-4.1".into()
            }
        );
        let a: AgentSpec = "anthropic:claude-sonnet-4-5".parse().unwrap();
        assert_eq!(a.model(), Some("claude-sonnet-4-5"));
        assert_eq!(a.to_string(), "anthropic:claude-sonnet-4-5");
    }

    #[test]
    fn rejects_unknown_agents_clearly() {
        let e = "gemini:pro".parse::<AgentSpec>().unwrap_err().to_string();
        assert!(e.contains("unknown agent `gemini:pro`"), "{e}");
        assert!(e.contains("openai:<model>"), "{e}");
        let e = "openai:".parse::<AgentSpec>().unwrap_err().to_string();
        assert!(e.contains("a model name"), "{e}");
        let e = "command: ".parse::<AgentSpec>().unwrap_err().to_string();
        assert!(e.contains("a shell command"), "{e}");
        assert!("Builtin".parse::<AgentSpec>().is_err());
    }

    #[test]
    fn modes() {
        assert_eq!("refine".parse::<Mode>().unwrap(), Mode::Refine);
        assert_eq!("translate".parse::<Mode>().unwrap(), Mode::Translate);
        assert!("rewrite".parse::<Mode>().is_err());
    }

    #[test]
    fn settings_name_the_agent_but_not_the_key() {
        let mut cfg = AgentConfig::new(
            "anthropic:m1".parse().unwrap(),
            Mode::Refine,
            "c".into(),
            "t".into(),
        );
        cfg.key_env = Some("MY_SECRET_VAR".into());
        let s = cfg.settings();
        assert_eq!(s["agent"], "anthropic");
        assert_eq!(s["model"], "m1");
        assert_eq!(s["endpoint"], ANTHROPIC_ENDPOINT);
        assert_eq!(s["mode"], "refine");
        assert_eq!(s["attempts"], "3");
        assert!(!s.values().any(|v| v.contains("MY_SECRET_VAR")));
        cfg.endpoint = Some("http://127.0.0.1:9/".into());
        assert_eq!(cfg.settings()["endpoint"], "http://127.0.0.1:9");
    }

    #[test]
    fn cost_per_million_tokens() {
        let p = Prices {
            input_per_mtok: 3.0,
            output_per_mtok: 15.0,
        };
        assert!((cost(&p, 1_000_000, 0) - 3.0).abs() < 1e-12);
        assert!((cost(&p, 2_000, 1_000) - 0.021).abs() < 1e-12);
    }

    #[test]
    fn validation() {
        let mut cfg = AgentConfig::new(AgentSpec::Builtin, Mode::Translate, "c".into(), "t".into());
        assert!(cfg.validate().is_ok());
        cfg.attempts = 0;
        assert!(cfg.validate().is_err());
    }
}
