//! `ferry.toml`: what a team sets once for a source tree. Command-line flags override it.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use ferry_source::SourceFormat;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Copybook directories, relative to the source root.
    #[serde(default)]
    pub copybook_dirs: Vec<PathBuf>,
    /// `fixed`, `free`, `variable` or `detect` (the default).
    #[serde(default)]
    pub source_format: Option<String>,
    /// The cobc dialect (`-std=`), e.g. `default`, `ibm`, `mf`.
    #[serde(default)]
    pub dialect: Option<String>,
    /// Extra cobc flags used when recording.
    #[serde(default)]
    pub cobc_flags: Vec<String>,
    /// Paths (relative to the source root, `/`-separated) to leave out; a trailing `/` or `/**`
    /// excludes a whole directory.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// A directory with rule/template overrides (see rules/README.md).
    #[serde(default)]
    pub rules: Option<PathBuf>,
    /// Compile debugging lines (`D` in column 7).
    #[serde(default)]
    pub debugging_lines: bool,
    /// Compile-time variables (`[defines]`, `NAME = "value"` or `NAME = 5`), as cobc's `-D`:
    /// seen by `>>IF` and `>>DEFINE ... AS PARAMETER`, and passed to cobc when recording.
    #[serde(default)]
    pub defines: std::collections::BTreeMap<String, toml::Value>,
    /// The agent that translates (`[agent]`); the built-in one when absent.
    #[serde(default)]
    pub agent: Option<AgentSection>,
}

/// `[agent]` in ferry.toml. Command-line `--agent*` options override it. API keys are never read
/// from here: only from the environment variable named by `key_env`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentSection {
    /// `builtin`, `command:<cmd>`, `openai:<model>` or `anthropic:<model>`.
    pub spec: Option<String>,
    /// `translate` or `refine`.
    pub mode: Option<String>,
    pub attempts: Option<u32>,
    pub endpoint: Option<String>,
    pub key_env: Option<String>,
    pub budget_tokens: Option<usize>,
    pub max_output_tokens: Option<u32>,
    pub timeout_seconds: Option<u64>,
    /// Price per million tokens, for the cost in the report.
    pub input_price_per_mtok: Option<f64>,
    pub output_price_per_mtok: Option<f64>,
}

impl Config {
    /// Reads `SRC/ferry.toml` when present.
    pub fn load(root: &Path) -> Result<Self> {
        let path = root.join("ferry.toml");
        if !path.exists() {
            return Ok(Self::default());
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }

    pub fn format(&self) -> Result<Option<SourceFormat>> {
        match self.source_format.as_deref() {
            None | Some("detect") => Ok(None),
            Some(f) => f
                .parse()
                .map(Some)
                .map_err(|e: String| anyhow::anyhow!("ferry.toml source_format: {e}")),
        }
    }

    pub fn excluded(&self, rel: &str) -> bool {
        self.exclude.iter().any(|pat| {
            let p = pat.trim_end_matches("/**").trim_end_matches('/');
            rel == p || rel.starts_with(&format!("{p}/")) || glob_match(pat, rel)
        })
    }

    /// The dialect translation reproduces: `default` (also when absent) or `ibm` / `ibm-strict`
    /// (`-std=ibm`). Any other dialect is refused: recordings would be made under it and the
    /// translation would behave as the default dialect.
    pub fn dialect(&self) -> Result<ferry_model::Dialect> {
        let d = match self.dialect.as_deref() {
            None | Some("default") => ferry_model::Dialect::Default,
            Some("ibm") | Some("ibm-strict") => ferry_model::Dialect::Ibm,
            Some(other) => anyhow::bail!(
                "ferry.toml: dialect \"{other}\" is not supported (ferry reproduces \"default\" and \"ibm\")"
            ),
        };
        // cobc options that change what a program does at run time: set by the dialect only, so
        // that recordings and translation agree.
        for f in &self.cobc_flags {
            let name = f
                .trim_start_matches("-fno-")
                .trim_start_matches("-f")
                .split('=')
                .next()
                .unwrap_or("");
            if f.starts_with("-std") || f.starts_with("--std") || f.starts_with("-conf") {
                anyhow::bail!("ferry.toml: cobc_flags: {f}: set `dialect` instead");
            }
            if f.starts_with("-f") && DIALECT_OPTIONS.contains(&name) {
                anyhow::bail!(
                    "ferry.toml: cobc_flags: {f} changes run-time behaviour that ferry does not model; only `dialect` may set it"
                );
            }
        }
        Ok(d)
    }

    /// cobc flags for recording: the dialect, then the configured flags.
    pub fn cobc_flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        if let Some(d) = &self.dialect {
            if d != "default" {
                flags.push(format!("-std={d}"));
            }
        }
        match self.source_format.as_deref() {
            Some("free") => flags.push("-free".into()),
            Some("variable") => flags.push("-fformat=variable".into()),
            _ => {}
        }
        for (name, value) in self.defines() {
            flags.push("-D".into());
            flags.push(format!("{name}={value}"));
        }
        flags.extend(self.cobc_flags.iter().cloned());
        flags
    }

    /// `[defines]` as (name, value) pairs, each value as cobc's `-D NAME=VALUE` would have it: a
    /// TOML string is taken as it is (a number in a string is a number; quote it again, as in
    /// `'"007"'`, for an alphanumeric literal), a TOML number or boolean by its spelling.
    pub fn defines(&self) -> Vec<(String, String)> {
        self.defines
            .iter()
            .map(|(name, value)| {
                let v = match value {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (name.clone(), v)
            })
            .collect()
    }
}

/// cobc dialect options (`-f<name>[=value]`) whose run-time effect ferry models per dialect only.
const DIALECT_OPTIONS: &[&str] = &[
    "binary-size",
    "binary-truncate",
    "binary-byteorder",
    "pretty-display",
    "arithmetic-osvs",
    "move-ibm",
    "perform-osvs",
    "hostsign",
    "sticky-linkage",
    "assign-clause",
    "implicit-assign-dynamic-var",
    "complex-odo",
    "indirect-redefines",
    "ref-mod-zero-length",
    "defaultbyte",
    "default-byte",
    "numeric-pointer",
    "binary-comp-1",
    "move-non-numeric-lit-to-numeric-is-zero",
    "display-special-fig-consts",
    "larger-redefines-ok",
    "local-implies-recursive",
    "trunc",
    "notrunc",
];

/// `*` matches within a path segment, `**` across segments.
fn glob_match(pat: &str, s: &str) -> bool {
    fn go(p: &[u8], s: &[u8]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some(b'*') if p.get(1) == Some(&b'*') => (0..=s.len()).any(|i| go(&p[2..], &s[i..])),
            Some(b'*') => (0..=s.len())
                .take_while(|&i| i == 0 || s[i - 1] != b'/')
                .any(|i| go(&p[1..], &s[i..])),
            Some(&c) => s.first() == Some(&c) && go(&p[1..], &s[1..]),
        }
    }
    go(pat.as_bytes(), s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusions() {
        let c = Config {
            exclude: vec!["old/".into(), "**/*.bak".into(), "x.cbl".into()],
            ..Default::default()
        };
        assert!(c.excluded("old/A.cbl"));
        assert!(c.excluded("a/b/c.bak"));
        assert!(c.excluded("x.cbl"));
        assert!(!c.excluded("older/A.cbl"));
    }

    #[test]
    fn defines_become_cobc_flags() {
        let c: Config =
            toml::from_str("[defines]\nLEVEL = 2\nSITE = \"north\"\nTAG = '\"007\"'\n").unwrap();
        assert_eq!(
            c.cobc_flags(),
            ["-D", "LEVEL=2", "-D", "SITE=north", "-D", "TAG=\"007\""]
        );
    }

    #[test]
    fn dialects() {
        let c = |t: &str| toml::from_str::<Config>(t).unwrap();
        assert_eq!(c("").dialect().unwrap(), ferry_model::Dialect::Default);
        assert_eq!(
            c("dialect = \"ibm\"").dialect().unwrap(),
            ferry_model::Dialect::Ibm
        );
        assert_eq!(c("dialect = \"ibm\"").cobc_flags(), vec!["-std=ibm"]);
        assert!(c("dialect = \"mf\"").dialect().is_err());
        assert!(c("cobc_flags = [\"-fnotrunc\"]").dialect().is_err());
        assert!(c("cobc_flags = [\"-fbinary-size=2-4-8\"]")
            .dialect()
            .is_err());
        assert!(c("cobc_flags = [\"-std=ibm\"]").dialect().is_err());
        assert!(c("cobc_flags = [\"-Wall\"]").dialect().is_ok());
    }

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(toml::from_str::<Config>("copybok_dirs = []").is_err());
    }
}
