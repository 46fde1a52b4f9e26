//! JSON, Markdown and HTML renderings of a report.
//!
//! Templates live in `templates/` and are embedded at compile time; they see
//! a view model built here (lists only, so iteration order is fixed).

use std::collections::BTreeSet;

use serde::Serialize;
use tera::{Context, Tera};

use crate::error::{ReportError, Result};
use crate::model::{join_rel, percent, Report, UnitStatus};

const MD_TEMPLATE: &str = include_str!("../templates/report.md.tera");
const HTML_TEMPLATE: &str = include_str!("../templates/report.html.tera");

/// Pretty JSON with a final newline (same report, same bytes).
pub fn render_json(report: &Report) -> Result<String> {
    let mut s = serde_json::to_string_pretty(report)?;
    s.push('\n');
    Ok(s)
}

/// Markdown rendering (GitHub-flavoured; anchors via `<a id>`).
pub fn render_markdown(report: &Report) -> Result<String> {
    render("report.md", MD_TEMPLATE, report, false)
}

/// One self-contained HTML file: inline CSS, no network, print friendly.
pub fn render_html(report: &Report) -> Result<String> {
    render("report.html", HTML_TEMPLATE, report, true)
}

fn render(name: &'static str, template: &str, report: &Report, autoescape: bool) -> Result<String> {
    let err = |e: tera::Error| ReportError::Template {
        template: name,
        message: error_chain(&e),
    };
    let mut tera = Tera::default();
    if autoescape {
        tera.autoescape_on(vec![".html"]);
    } else {
        tera.autoescape_on(vec![]);
    }
    tera.add_raw_template(name, template).map_err(err)?;
    tera.register_filter("md_cell", md_cell);
    tera.register_filter("md_html", md_html);
    tera.register_filter("md_code", md_code);
    let ctx = Context::from_serialize(View::of(report)).map_err(err)?;
    tera.render(name, &ctx).map_err(err)
}

fn error_chain(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

/// Escapes text for a Markdown table cell.
fn md_cell(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let s = match value {
        tera::Value::String(s) => s.clone(),
        tera::Value::Null => String::new(),
        other => other.to_string(),
    };
    let s = s
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ");
    Ok(tera::Value::String(html_escape(&s)))
}

/// Escapes text for a code span inside a Markdown table cell.
fn md_code(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let s = match value {
        tera::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(
        s.replace('|', "\\|")
            .replace(['\n', '\r'], " ")
            .replace('`', "'"),
    ))
}

/// Escapes text placed in inline HTML or Markdown prose.
fn md_html(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let s = match value {
        tera::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(tera::Value::String(html_escape(&s)))
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[derive(Serialize)]
struct View {
    ferry_version: String,
    generated_at: Option<String>,
    digest: String,
    source_root: String,
    counts: Vec<CountView>,
    scenarios: usize,
    scenarios_passed: usize,
    /// Overall statement coverage, when any unit has coverage.
    coverage: Option<String>,
    statements: usize,
    statements_executed: usize,
    units: Vec<UnitView>,
    manifest: Vec<crate::model::FileHash>,
}

#[derive(Serialize)]
struct CountView {
    status: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct UnitView {
    name: String,
    anchor: String,
    status: &'static str,
    agent: String,
    settings: Vec<(String, String)>,
    binary: Option<String>,
    binary_sha256: Option<String>,
    sources: Vec<crate::model::FileHash>,
    outputs: Vec<crate::model::FileHash>,
    untranslated: Vec<crate::model::Untranslated>,
    scenarios: Vec<ScenarioView>,
    scenarios_passed: usize,
    coverage: Option<CoverageView>,
    agent_run: Option<crate::model::AgentRun>,
    cost: Option<String>,
    detail: Option<String>,
    exec_blocks: Vec<crate::model::ExecBlock>,
}

#[derive(Serialize)]
struct CoverageView {
    c: crate::model::Coverage,
    statements_percent: String,
    procedures_percent: String,
    arms_percent: String,
}

#[derive(Serialize)]
struct ScenarioView {
    id: String,
    name: String,
    program: String,
    anchor: String,
    status: String,
    detail: Option<String>,
    fence: String,
    /// `(class, text)` per detail line: `add`, `del`, `hunk`, `head` or `ctx`.
    detail_lines: Vec<(&'static str, String)>,
    checks: Vec<(String, String)>,
}

fn classify(line: &str) -> &'static str {
    if line.starts_with("+++ ") || line.starts_with("--- ") {
        "head"
    } else if line.starts_with('+') {
        "add"
    } else if line.starts_with('-') {
        "del"
    } else if line.starts_with("@@") {
        "hunk"
    } else {
        "ctx"
    }
}

/// Lower-case ASCII letters/digits, everything else `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn unique(base: String, used: &mut BTreeSet<String>) -> String {
    let mut candidate = base.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// A Markdown code fence longer than any backtick run in `text`.
fn fence_for(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat(longest.max(2) + 1)
}

fn lower<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

impl View {
    fn of(r: &Report) -> View {
        let mut used = BTreeSet::new();
        let units = r
            .units
            .iter()
            .map(|u| {
                let anchor = unique(format!("unit-{}", slug(&u.name)), &mut used);
                let scenarios = u
                    .scenarios
                    .iter()
                    .map(|s| {
                        let detail = s.detail.clone();
                        ScenarioView {
                            id: format!("{}/{}", s.program, s.name),
                            name: s.name.clone(),
                            program: s.program.clone(),
                            anchor: unique(format!("{anchor}-{}", slug(&s.name)), &mut used),
                            status: lower(&s.status),
                            fence: fence_for(detail.as_deref().unwrap_or("")),
                            detail_lines: detail
                                .as_deref()
                                .unwrap_or("")
                                .lines()
                                .map(|l| (classify(l), l.to_string()))
                                .collect(),
                            detail,
                            checks: s
                                .checks
                                .iter()
                                .map(|c| (c.artefact.clone(), lower(&c.outcome)))
                                .collect(),
                        }
                    })
                    .collect();
                UnitView {
                    name: u.name.clone(),
                    anchor,
                    status: u.status.as_str(),
                    agent: u.agent.clone(),
                    settings: u
                        .agent_settings
                        .iter()
                        .map(|(k, v)| (k.clone(), lower(v)))
                        .collect(),
                    binary: u.binary.clone(),
                    binary_sha256: u.binary_sha256.clone(),
                    sources: u
                        .sources
                        .iter()
                        .map(|f| crate::model::FileHash {
                            path: join_rel(&r.source_root, &f.path),
                            sha256: f.sha256.clone(),
                        })
                        .collect(),
                    outputs: u.outputs.clone(),
                    untranslated: u.untranslated.clone(),
                    scenarios,
                    scenarios_passed: u.scenarios_passed(),
                    coverage: u.coverage.as_ref().map(|c| CoverageView {
                        c: c.clone(),
                        statements_percent: percent(c.statements_executed, c.statements),
                        procedures_percent: percent(c.procedures_executed, c.procedures),
                        arms_percent: percent(c.arms_taken, c.arms),
                    }),
                    agent_run: u.agent_run.clone(),
                    cost: u
                        .agent_run
                        .as_ref()
                        .and_then(|a| a.cost)
                        .map(|c| format!("{c:.4}")),
                    detail: u.detail.clone(),
                    exec_blocks: u.exec_blocks.clone(),
                }
            })
            .collect();
        View {
            ferry_version: r.ferry_version.clone(),
            generated_at: r.generated_at.clone(),
            digest: r.digest.clone(),
            source_root: r.source_root.clone(),
            counts: UnitStatus::ALL
                .iter()
                .map(|s| CountView {
                    status: s.as_str(),
                    count: r.summary.count(*s),
                })
                .collect(),
            scenarios: r.summary.scenarios,
            scenarios_passed: r.summary.scenarios_passed,
            coverage: (r.summary.statements > 0)
                .then(|| percent(r.summary.statements_executed, r.summary.statements)),
            statements: r.summary.statements,
            statements_executed: r.summary.statements_executed,
            units,
            manifest: r.manifest.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_fences() {
        assert_eq!(slug("PAY-ROLL 2"), "pay-roll-2");
        let mut used = BTreeSet::new();
        assert_eq!(unique("a".into(), &mut used), "a");
        assert_eq!(unique("a".into(), &mut used), "a-2");
        assert_eq!(fence_for("x ```` y"), "`````");
        assert_eq!(fence_for("plain"), "```");
    }
}
