//! Writing the output Cargo workspace: the runtime's source, one crate per unit, atomically and only
//! where bytes change (so cargo's incremental builds stay warm).

use std::path::{Path, PathBuf};

use crate::templates::Templates;
use crate::{TranslateError, UnitOutput};

include!(concat!(env!("OUT_DIR"), "/runtime_files.rs"));

/// The runtime crate's files as written into every output workspace: (relative path, contents).
pub fn runtime_sources() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = RUNTIME_FILES
        .iter()
        .map(|(p, t)| (format!("ferry-runtime/{p}"), (*t).to_string()))
        .collect();
    // redb (INDEXED files) pinned to the version ferry itself builds with, so that
    // `cargo build --offline` finds it in the local registry cache and the lock file cargo
    // writes is the same on every machine.
    files.push((
        "ferry-runtime/Cargo.toml".into(),
        format!(
            "[package]\nname = \"ferry-runtime\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nredb = \"={RUNTIME_REDB_VERSION}\"\n"
        ),
    ));
    files
}

/// One unit's crate in the workspace.
pub struct WorkspaceUnit {
    pub unit: String,
    pub crate_name: String,
    pub agent: String,
    pub output: UnitOutput,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TranslateError + '_ {
    move |source| TranslateError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `bytes` at `path` through a temporary file and a rename; leaves an identical file untouched.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool, TranslateError> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    write_atomic(path, bytes)?;
    Ok(true)
}

/// Writes `bytes` at `path` through a temporary file and a rename (for a caller that knows the
/// file differs or does not exist).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), TranslateError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.ferry-tmp"));
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))?;
    Ok(())
}

/// Every file of the workspace as (path relative to OUT, contents), sorted.
pub fn workspace_files(
    units: &[WorkspaceUnit],
    templates: &Templates,
    source_root: &str,
    ferry_version: &str,
) -> Result<Vec<(String, String)>, TranslateError> {
    let names: Vec<&str> = units.iter().map(|u| u.crate_name.as_str()).collect();
    let mut files = root_files(&names, templates, source_root, ferry_version)?;
    for u in units {
        files.extend(unit_files(u, templates, ferry_version)?);
    }
    files.sort();
    Ok(files)
}

/// The files outside `units/`: the runtime's source and the workspace `Cargo.toml` listing `crates`.
pub fn root_files(
    crates: &[&str],
    templates: &Templates,
    source_root: &str,
    ferry_version: &str,
) -> Result<Vec<(String, String)>, TranslateError> {
    let mut files = runtime_sources();
    let mut ctx = tera::Context::new();
    ctx.insert("ferry_version", ferry_version);
    ctx.insert("source_root", source_root);
    ctx.insert("units", crates);
    files.push((
        "Cargo.toml".into(),
        templates.render("workspace-Cargo.toml.tera", &ctx)?,
    ));
    files.sort();
    Ok(files)
}

/// One unit's crate: `units/<crate>/Cargo.toml`, a `src/bin/*.rs` per batch step and the agent's
/// files, as (path relative to OUT, contents), sorted.
pub fn unit_files(
    u: &WorkspaceUnit,
    templates: &Templates,
    ferry_version: &str,
) -> Result<Vec<(String, String)>, TranslateError> {
    let mut files = unit_frame_files(
        &u.unit,
        &u.crate_name,
        &u.agent,
        &u.output.binaries,
        &u.output.dependencies,
        templates,
        ferry_version,
    )?;
    let dir = format!("units/{}", u.crate_name);
    for (path, text) in &u.output.files {
        files.push((format!("{dir}/{path}"), text.clone()));
    }
    files.sort();
    Ok(files)
}

/// The files of a unit's crate around the agent's: `units/<crate>/Cargo.toml` and a
/// `src/bin/*.rs` per batch step, as (path relative to OUT, contents).
pub fn unit_frame_files(
    unit: &str,
    crate_name: &str,
    agent: &str,
    binaries: &[crate::Binary],
    dependencies: &[String],
    templates: &Templates,
    ferry_version: &str,
) -> Result<Vec<(String, String)>, TranslateError> {
    let mut files = Vec::new();
    let dir = format!("units/{crate_name}");
    let mut ctx = tera::Context::new();
    ctx.insert("ferry_version", ferry_version);
    ctx.insert("unit", unit);
    ctx.insert("crate_name", crate_name);
    ctx.insert("agent", agent);
    let bins: Vec<&str> = binaries.iter().map(|b| b.name.as_str()).collect();
    ctx.insert("binaries", &bins);
    ctx.insert("dependencies", dependencies);
    files.push((
        format!("{dir}/Cargo.toml"),
        templates.render("unit-Cargo.toml.tera", &ctx)?,
    ));
    for b in binaries {
        let mut bctx = tera::Context::new();
        bctx.insert("program", &b.program);
        bctx.insert("entry", &b.entry);
        files.push((
            format!("{dir}/src/bin/{}.rs", b.name),
            templates.render("main.rs.tera", &bctx)?,
        ));
    }
    Ok(files)
}

/// Writes the workspace under `out`; returns the paths written (relative to `out`).
pub fn write_workspace(
    out: &Path,
    units: &[WorkspaceUnit],
    templates: &Templates,
    source_root: &str,
    ferry_version: &str,
) -> Result<Vec<PathBuf>, TranslateError> {
    let files = workspace_files(units, templates, source_root, ferry_version)?;
    let mut written = Vec::new();
    for (rel, text) in &files {
        write_if_changed(&out.join(rel), text.as_bytes())?;
        written.push(PathBuf::from(rel));
    }
    Ok(written)
}
