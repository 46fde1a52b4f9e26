//! [`Client`]: one external agent for a run. Asks through the response cache, writes a transcript per
//! attempt, and keeps the API key out of everything it writes or returns.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::cache::{self, Entry};
use crate::http::{self, Api};
use crate::prompt::fence_for;
use crate::{
    command, parse_files, render_files, sha256_hex, AgentConfig, AgentError, AgentSpec, Prompt,
    UnitContext,
};

/// `text` with every occurrence of `secret` replaced by `***` (an empty secret changes nothing).
pub fn redact(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        text.to_string()
    } else {
        text.replace(secret, "***")
    }
}

/// Where the transcript of one attempt goes: `<transcript_dir>/<unit>/attempt-<n>.md` (characters of
/// the unit name other than letters, digits, `-`, `_` and `.` become `_`).
pub fn transcript_path(transcript_dir: &Path, unit: &str, attempt: u32) -> PathBuf {
    let mut name: String = unit
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.chars().all(|c| c == '.') {
        name = name.replace('.', "_") + "_";
    }
    transcript_dir
        .join(name)
        .join(format!("attempt-{attempt}.md"))
}

/// What the agent said for one attempt, before ferry read the files out of it.
#[derive(Debug, Clone)]
pub struct Reply {
    /// The model's text, or the command's exit status and output.
    pub text: String,
    /// The files a command agent wrote (`None` for API agents: their files are in `text`).
    pub files: Option<BTreeMap<String, String>>,
    pub tokens_in: u64,
    pub tokens_out: u64,
    /// Taken from the cache, without a request or a command run.
    pub cached: bool,
    /// sha256 of [`Prompt::full_text`].
    pub prompt_sha256: String,
    /// sha256 of the text (API agents) or of the files in the answer format (command agent).
    pub response_sha256: String,
    pub transcript: PathBuf,
}

impl Reply {
    /// The answer's files: parsed from the text with [`parse_files`], or the command's files, which
    /// must include every editable one.
    pub fn files(&self, editable: &[String]) -> Result<BTreeMap<String, String>, AgentError> {
        match &self.files {
            None => parse_files(&self.text, editable),
            Some(files) => {
                let missing: Vec<&str> = editable
                    .iter()
                    .filter(|p| !files.contains_key(*p))
                    .map(String::as_str)
                    .collect();
                if missing.is_empty() {
                    Ok(files.clone())
                } else {
                    Err(AgentError::Malformed(format!(
                        "the command did not write {} (write every editable file in the current \
                         directory)",
                        missing.join(", ")
                    )))
                }
            }
        }
    }
}

/// An accepted-for-checking answer: the files the agent wrote and what it cost.
#[derive(Debug, Clone)]
pub struct Answer {
    pub files: BTreeMap<String, String>,
    pub tokens_in: u64,
    pub tokens_out: u64,
    pub cached: bool,
    pub prompt_sha256: String,
    pub response_sha256: String,
    pub transcript: PathBuf,
}

#[derive(Debug, Clone)]
enum Backend {
    Http {
        api: Api,
        model: String,
        endpoint: String,
    },
    Command {
        command: String,
    },
}

/// One external agent for a run (cheap to clone).
#[derive(Clone)]
pub struct Client {
    cfg: AgentConfig,
    backend: Backend,
    key: Option<String>,
    http: reqwest::Client,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("backend", &self.backend)
            .field("key", &self.key.as_ref().map(|_| "***"))
            .finish_non_exhaustive()
    }
}

fn http_client() -> Result<reqwest::Client, AgentError> {
    reqwest::Client::builder()
        .build()
        .map_err(|e| AgentError::Config(format!("cannot set up the HTTP client: {e}")))
}

impl Client {
    /// The client for `cfg`. An API agent reads its key from the environment variable here (a missing
    /// or empty variable is an error naming the variable). The builtin spec is not an external agent.
    pub fn new(cfg: &AgentConfig) -> Result<Client, AgentError> {
        cfg.validate()?;
        let (backend, key) = match &cfg.spec {
            AgentSpec::Builtin => {
                return Err(AgentError::Config(
                    "the builtin agent is ferry's own translator, not an external agent client"
                        .into(),
                ))
            }
            AgentSpec::Command { command } => (
                Backend::Command {
                    command: command.clone(),
                },
                None,
            ),
            AgentSpec::OpenAi { model } | AgentSpec::Anthropic { model } => {
                let var = cfg
                    .resolved_key_env()
                    .expect("API agents have a key variable");
                let key = std::env::var(&var)
                    .ok()
                    .filter(|k| !k.trim().is_empty())
                    .ok_or_else(|| AgentError::MissingKey {
                        var: var.clone(),
                        agent: cfg.spec.kind().to_string(),
                    })?;
                let api = if matches!(cfg.spec, AgentSpec::OpenAi { .. }) {
                    Api::OpenAi
                } else {
                    Api::Anthropic
                };
                let endpoint = cfg
                    .resolved_endpoint()
                    .expect("API agents have an endpoint");
                (
                    Backend::Http {
                        api,
                        model: model.clone(),
                        endpoint,
                    },
                    Some(key.trim().to_string()),
                )
            }
        };
        Ok(Client {
            cfg: cfg.clone(),
            backend,
            key,
            http: http_client()?,
        })
    }

    /// The same client with a new connection pool (pooled connections belong to the tokio runtime that
    /// opened them; each wave runs on its own runtime).
    pub(crate) fn with_fresh_connections(&self) -> Result<Client, AgentError> {
        Ok(Client {
            http: http_client()?,
            ..self.clone()
        })
    }

    pub fn config(&self) -> &AgentConfig {
        &self.cfg
    }

    /// `text` with the API key replaced by `***`.
    pub fn redact(&self, text: &str) -> String {
        match &self.key {
            Some(k) => redact(text, k),
            None => text.to_string(),
        }
    }

    fn cache_key(&self, ctx: &UnitContext, prompt: &Prompt) -> String {
        match &self.backend {
            Backend::Http {
                api,
                model,
                endpoint,
            } => cache::key(&[
                "http",
                self.cfg.spec.kind(),
                model,
                endpoint,
                &format!("{api:?}:{}", self.cfg.max_output_tokens),
                &prompt.system,
                &prompt.user,
            ]),
            Backend::Command { command } => {
                let start: BTreeMap<String, String> = command::workspace_files(self.cfg.mode, ctx)
                    .into_iter()
                    .map(|(p, t)| (p.to_string(), t.to_string()))
                    .collect();
                cache::key(&[
                    "command",
                    command,
                    self.cfg.mode.as_str(),
                    &render_files(&start),
                    &ctx.editable.join("\n"),
                    &prompt.system,
                    &prompt.user,
                ])
            }
        }
    }

    async fn call(
        &self,
        ctx: &UnitContext,
        prompt: &Prompt,
        attempt: u32,
    ) -> Result<Entry, AgentError> {
        match &self.backend {
            Backend::Http {
                api,
                model,
                endpoint,
            } => {
                let req = http::Request {
                    api: *api,
                    model,
                    endpoint,
                    key: self.key.as_deref().unwrap_or_default(),
                };
                let c = http::complete(&self.http, &self.cfg, &req, prompt).await?;
                let mut e = Entry::new(self.cfg.spec.kind(), model, endpoint);
                e.text = self.redact(&c.text);
                e.tokens_in = c.tokens_in;
                e.tokens_out = c.tokens_out;
                Ok(e)
            }
            Backend::Command { command } => {
                let run = command::run(command, &self.cfg, ctx, prompt, attempt).await?;
                let mut e = Entry::new("command", command, "");
                e.text = run.output;
                e.files = Some(run.files);
                Ok(e)
            }
        }
    }

    /// Asks the agent once (or takes the answer from the cache) and writes the attempt's transcript.
    /// Only answers are cached, whatever they say; errors are not.
    pub async fn complete(
        &self,
        ctx: &UnitContext,
        prompt: &Prompt,
        attempt: u32,
    ) -> Result<Reply, AgentError> {
        let key = self.key.as_deref();
        let prompt_sha256 = sha256_hex(prompt.full_text().as_bytes());
        let cache_key = self.cache_key(ctx, prompt);
        let transcript = transcript_path(&self.cfg.transcript_dir, &ctx.unit, attempt);
        let (entry, cached) = match cache::load(&self.cfg.cache_dir, &cache_key) {
            Some(entry) => (entry, true),
            None => match self.call(ctx, prompt, attempt).await {
                Ok(entry) => {
                    cache::store(&self.cfg.cache_dir, &cache_key, &entry)?;
                    (entry, false)
                }
                Err(e) => {
                    let e = e.redacted(key);
                    let md = self.transcript(ctx, attempt, prompt, &prompt_sha256, None, Some(&e));
                    cache::write_atomic(&transcript, md.as_bytes())?;
                    return Err(e);
                }
            },
        };
        let response_sha256 = match &entry.files {
            Some(files) => sha256_hex(render_files(files).as_bytes()),
            None => sha256_hex(entry.text.as_bytes()),
        };
        let reply = Reply {
            text: entry.text,
            files: entry.files,
            tokens_in: entry.tokens_in,
            tokens_out: entry.tokens_out,
            cached,
            prompt_sha256,
            response_sha256,
            transcript: transcript.clone(),
        };
        let md = self.transcript(
            ctx,
            attempt,
            prompt,
            &reply.prompt_sha256,
            Some(&reply),
            None,
        );
        cache::write_atomic(&transcript, md.as_bytes())?;
        Ok(reply)
    }

    /// [`Client::complete`], then the files of the answer ([`AgentError::Malformed`] when they cannot
    /// be read).
    pub async fn ask(
        &self,
        ctx: &UnitContext,
        prompt: &Prompt,
        attempt: u32,
    ) -> Result<Answer, AgentError> {
        let reply = self.complete(ctx, prompt, attempt).await?;
        let files = reply.files(&ctx.editable)?;
        Ok(Answer {
            files,
            tokens_in: reply.tokens_in,
            tokens_out: reply.tokens_out,
            cached: reply.cached,
            prompt_sha256: reply.prompt_sha256,
            response_sha256: reply.response_sha256,
            transcript: reply.transcript,
        })
    }

    /// The Markdown transcript of one attempt (redacted).
    fn transcript(
        &self,
        ctx: &UnitContext,
        attempt: u32,
        prompt: &Prompt,
        prompt_sha256: &str,
        reply: Option<&Reply>,
        error: Option<&AgentError>,
    ) -> String {
        let block = |lang: &str, text: &str| {
            let f = fence_for(&[text]);
            format!("{f}{lang}\n{text}\n{f}\n")
        };
        let mut md = format!("# {} — attempt {attempt}\n\n", ctx.unit);
        for (k, v) in self.cfg.settings() {
            md.push_str(&format!("- {k}: {v}\n"));
        }
        md.push_str(&format!(
            "- prompt: {} tokens (estimated), sha256 {prompt_sha256}\n",
            prompt.estimated_tokens
        ));
        if let Some(r) = reply {
            md.push_str(&format!(
                "- cached: {}\n- tokens in / out: {} / {}\n- response sha256: {}\n",
                if r.cached { "yes" } else { "no" },
                r.tokens_in,
                r.tokens_out,
                r.response_sha256
            ));
        }
        md.push_str("\n## System prompt\n\n");
        md.push_str(&block("text", &prompt.system));
        md.push_str("\n## User prompt\n\n");
        md.push_str(&block("text", &prompt.user));
        if let Some(r) = reply {
            md.push_str("\n## Response\n\n");
            md.push_str(&block("text", &r.text));
            if let Some(files) = &r.files {
                md.push_str("\n## Files written by the command\n\n");
                md.push_str(&block("text", &render_files(files)));
            }
        }
        if let Some(e) = error {
            md.push_str("\n## Error\n\n");
            md.push_str(&block("text", &e.to_string()));
        }
        self.redact(&md)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_every_occurrence() {
        assert_eq!(redact("a sk-1 b sk-1", "sk-1"), "a *** b ***");
        assert_eq!(redact("abc", ""), "abc");
    }

    #[test]
    fn transcript_paths_are_safe() {
        let d = Path::new("/o/agents");
        assert_eq!(
            transcript_path(d, "PAYROLL", 2),
            Path::new("/o/agents/PAYROLL/attempt-2.md")
        );
        assert_eq!(
            transcript_path(d, "../x y", 1),
            Path::new("/o/agents/.._x_y/attempt-1.md")
        );
        assert_eq!(
            transcript_path(d, "..", 1),
            Path::new("/o/agents/___/attempt-1.md")
        );
    }

    #[test]
    fn builtin_is_not_a_client_and_missing_keys_name_the_variable() {
        let mut cfg = AgentConfig::new(
            AgentSpec::Builtin,
            crate::Mode::Translate,
            "c".into(),
            "t".into(),
        );
        assert!(Client::new(&cfg)
            .unwrap_err()
            .to_string()
            .contains("builtin"));
        cfg.spec = "openai:m".parse().unwrap();
        cfg.key_env = Some("FERRY_AGENTS_TEST_SURELY_UNSET_VAR".into());
        let e = Client::new(&cfg).unwrap_err();
        assert!(matches!(e, AgentError::MissingKey { .. }));
        assert!(e.to_string().contains("FERRY_AGENTS_TEST_SURELY_UNSET_VAR"));
    }
}
