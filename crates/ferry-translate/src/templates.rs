//! The tera templates of `rules/templates`, embedded at build time and overridable from a directory.

use std::path::Path;

use crate::TranslateError;

const BUILTIN: &[(&str, &str)] = &[
    (
        "workspace-Cargo.toml.tera",
        include_str!("../../../rules/templates/workspace-Cargo.toml.tera"),
    ),
    (
        "unit-Cargo.toml.tera",
        include_str!("../../../rules/templates/unit-Cargo.toml.tera"),
    ),
    (
        "main.rs.tera",
        include_str!("../../../rules/templates/main.rs.tera"),
    ),
];

pub struct Templates {
    tera: tera::Tera,
    /// sha256 over every template's name and text (part of unit fingerprints).
    pub hash: String,
}

impl Templates {
    /// The built-in templates, with any file of the same name in `dir/templates/` taking precedence.
    pub fn load(dir: Option<&Path>) -> Result<Self, TranslateError> {
        use sha2::Digest;
        let mut tera = tera::Tera::default();
        let mut hasher = sha2::Sha256::new();
        for (name, text) in BUILTIN {
            let custom = dir
                .map(|d| d.join("templates").join(name))
                .filter(|p| p.is_file());
            let text = match custom {
                Some(p) => std::fs::read_to_string(&p)
                    .map_err(|source| TranslateError::Io { path: p, source })?,
                None => (*text).to_string(),
            };
            hasher.update(name.as_bytes());
            hasher.update([0]);
            hasher.update(text.as_bytes());
            hasher.update([0]);
            tera.add_raw_template(name, &text)
                .map_err(|e| TranslateError::Template(format!("{name}: {e}")))?;
        }
        Ok(Self {
            tera,
            hash: hex::encode(hasher.finalize()),
        })
    }

    pub fn render(&self, name: &str, ctx: &tera::Context) -> Result<String, TranslateError> {
        self.tera.render(name, ctx).map_err(|e| {
            let mut msg = format!("{name}: {e}");
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                msg.push_str(&format!(": {s}"));
                src = s.source();
            }
            TranslateError::Template(msg)
        })
    }
}
