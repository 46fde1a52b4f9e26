//! The front-end test set of `tests/frontend` (see its README): programs in the styles of real
//! estates, written for ferry, that must go through preprocessing, parsing and lowering without a
//! single diagnostic.
//!
//! - `cobc/`: every program is accepted by `cobc -fsyntax-only`.
//! - `exec/`: CICS, DB2 and DL/I programs. cobc does not know EXEC blocks, so the programs are
//!   checked against cobc after the blocks are masked the way a precompiler replaces them (see
//!   [`mask_exec`]); ferry must keep every block as a positioned EXEC node.
//!
//! The cobc checks run when cobc is installed and are required with `FERRY_REQUIRE_COBC=1`, so the
//! set stays honest: a program that only ferry accepts does not belong here.

use std::path::{Path, PathBuf};
use std::process::Command;

use ferry_source::{PreprocessOptions, SourceFormat};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/frontend")
}

fn programs(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("tests/frontend/{dir}: {e}"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("cbl")))
        .collect();
    out.sort();
    out
}

struct Checked {
    pre: ferry_source::Preprocessed,
    parsed: ferry_syntax::Parsed,
}

/// Preprocesses and parses `path` as `ferry scan` does and returns every diagnostic as text.
fn check(path: &Path, problems: &mut Vec<String>) -> Checked {
    let opts = PreprocessOptions {
        copybook_dirs: vec![root().join("copybooks")],
        ..Default::default()
    };
    let pre = ferry_source::preprocess_file(path, &opts);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    for d in &pre.diagnostics {
        problems.push(format!(
            "{name}: preprocess {:?} at {}:{}:{}: {}",
            d.severity,
            d.file.display(),
            d.line,
            d.column,
            d.message
        ));
    }
    let parsed = ferry_syntax::parse(&pre.text);
    for e in &parsed.errors {
        let at = pre
            .map
            .locate(e.span.start)
            .map(|l| format!("{}:{}:{}", l.file.display(), l.line, l.column))
            .unwrap_or_default();
        problems.push(format!("{name}: {at}: {}", e.message));
    }
    if parsed.unit.programs.is_empty() {
        problems.push(format!("{name}: no program"));
    }
    for p in &parsed.unit.programs {
        if p.procedure.is_none() {
            problems.push(format!("{name}: {} has no PROCEDURE DIVISION", p.name));
        }
    }
    Checked { pre, parsed }
}

#[test]
fn every_program_scans_without_a_diagnostic() {
    let mut problems = Vec::new();
    let mut count = 0;
    for dir in ["cobc", "exec"] {
        for path in programs(dir) {
            check(&path, &mut problems);
            count += 1;
        }
    }
    assert!(
        count >= 18,
        "expected the whole front-end set, found {count} programs"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every EXEC block of the `exec/` programs is an EXEC node (statement or data-division block)
/// whose span leads back to the `EXEC` word in the original file, with the right kind.
#[test]
fn exec_blocks_are_positioned_nodes() {
    let mut problems = Vec::new();
    for path in programs("exec") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let c = check(&path, &mut problems);
        let json = serde_json::to_value(&c.parsed.unit).expect("AST serialises");
        let mut nodes = Vec::new();
        collect_exec(&json, &mut nodes);
        // Blocks written in the program itself (EXEC blocks inside copybooks are counted there).
        let original = std::fs::read(&path).expect("read program");
        let format = ferry_source::detect_format(&ferry_source::decode(&original));
        let expected = exec_blocks(&original, format).len();
        let mut here = 0;
        for (kind, start) in nodes {
            let Some(loc) = c.pre.map.locate(start) else {
                problems.push(format!(
                    "{name}: EXEC node at {start} has no source position"
                ));
                continue;
            };
            let text = std::fs::read(loc.file).expect("read source");
            let line = text
                .split(|&b| b == b'\n')
                .nth(loc.line as usize - 1)
                .unwrap_or_default();
            let at = &line[(loc.column as usize - 1).min(line.len())..];
            let word: String = String::from_utf8_lossy(at)
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_uppercase();
            let want = format!("EXEC {}", kind.to_ascii_uppercase());
            if !word.starts_with(&want) {
                problems.push(format!(
                    "{name}: {kind} node points at {}:{}:{} = `{word}`",
                    loc.file.display(),
                    loc.line,
                    loc.column
                ));
            }
            if loc.file == path.as_path() {
                here += 1;
            }
        }
        if here != expected {
            problems.push(format!(
                "{name}: {expected} EXEC blocks in the source, {here} EXEC nodes point into it"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// (kind, span start) of every EXEC statement and data-division EXEC block of a serialised AST.
fn collect_exec(v: &serde_json::Value, out: &mut Vec<(String, usize)>) {
    match v {
        serde_json::Value::Object(m) => {
            let exec = m
                .get("kind")
                .and_then(|k| k.get("Exec"))
                .and_then(|e| e.get("kind"));
            let block = m
                .get("kind")
                .filter(|k| k.is_string() && m.contains_key("text") && m.contains_key("span"));
            if let Some(kind) = exec.or(block).and_then(|k| k.as_str()) {
                let start = m["span"]["start"].as_u64().expect("span") as usize;
                out.push((kind.to_string(), start));
            }
            m.values().for_each(|x| collect_exec(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_exec(x, out)),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------- cobc

fn cobc_available() -> bool {
    let found = Command::new("cobc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var("FERRY_REQUIRE_COBC").as_deref() == Ok("1") {
        panic!("FERRY_REQUIRE_COBC=1 but cobc is not installed");
    }
    if !found {
        eprintln!("cobc not installed: the cobc checks of tests/frontend are skipped");
    }
    found
}

fn cobc_syntax(file: &Path, includes: &[PathBuf]) -> Result<(), String> {
    let mut cmd = Command::new("cobc");
    cmd.arg("-fsyntax-only");
    for i in includes {
        cmd.arg("-I").arg(i);
    }
    let out = cmd.arg(file).output().map_err(|e| e.to_string())?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

#[test]
fn cobc_accepts_every_program_of_the_cobc_folder() {
    if !cobc_available() {
        return;
    }
    let mut problems = Vec::new();
    for path in programs("cobc") {
        if let Err(e) = cobc_syntax(&path, &[root().join("copybooks")]) {
            problems.push(format!("{}:\n{e}", path.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn cobc_accepts_the_exec_programs_once_their_blocks_are_masked() {
    if !cobc_available() {
        return;
    }
    let tmp = std::env::temp_dir().join(format!("ferry-frontend-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    // Copybooks may hold EXEC blocks too (a DCLGEN member): mask them alike.
    let books = tmp.join("copybooks");
    copy_masked(&root().join("copybooks"), &books);
    let mut problems = Vec::new();
    for path in programs("exec") {
        let bytes = std::fs::read(&path).expect("read program");
        let masked = match mask_exec(&bytes) {
            Ok(m) => m,
            Err(e) => {
                problems.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let file = tmp.join(path.file_name().unwrap());
        std::fs::write(&file, masked).expect("write masked program");
        if let Err(e) = cobc_syntax(&file, &[books.clone(), root().join("exec/stubs")]) {
            problems.push(format!(
                "{} (masked as {}):\n{e}",
                path.display(),
                file.display()
            ));
        }
    }
    if problems.is_empty() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn copy_masked(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read copybooks") {
        let p = e.expect("entry").path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_masked(&p, &dest);
        } else {
            let bytes = std::fs::read(&p).expect("read copybook");
            let masked = mask_exec(&bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            std::fs::write(dest, masked).expect("write copybook");
        }
    }
}

// ------------------------------------------------------------------------- EXEC block masking

/// Byte offsets of the code characters of `src` in reading order, `None` between lines: columns
/// 8-72 of the lines that are not comments in fixed format, everything before `*>` in free format.
fn code_positions(src: &[u8], format: SourceFormat) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut off = 0;
    for line in src.split(|&b| b == b'\n') {
        let len = line.strip_suffix(b"\r").unwrap_or(line).len();
        let (s, e) = match format {
            SourceFormat::Free => {
                let e = line[..len]
                    .windows(2)
                    .position(|w| w == b"*>")
                    .unwrap_or(len);
                (0, e)
            }
            _ => match line.get(6) {
                Some(b'*' | b'/') => (0, 0),
                _ => (7, len.min(72)),
            },
        };
        out.extend((s..e.max(s)).map(|i| Some(off + i)));
        out.push(None);
        off += line.len() + 1;
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn word_at(code: &[u8], i: usize, word: &str) -> bool {
    let w = word.as_bytes();
    code.len() >= i + w.len()
        && code[i..i + w.len()].eq_ignore_ascii_case(w)
        && (i == 0 || !is_word_byte(code[i - 1]))
        && code.get(i + w.len()).is_none_or(|&b| !is_word_byte(b))
}

/// `EXEC ... END-EXEC` blocks as ranges of the code text, string literals skipped.
fn blocks_in(code: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        if c == b'"' || c == b'\'' {
            i = code[i + 1..]
                .iter()
                .position(|&b| b == c)
                .map_or(code.len(), |p| i + 1 + p + 1);
            continue;
        }
        if start.is_none() && word_at(code, i, "EXEC") {
            start = Some(i);
            i += 4;
            continue;
        }
        if let Some(s) = start {
            if word_at(code, i, "END-EXEC") {
                out.push((s, i + 8));
                start = None;
                i += 8;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn code_text(src: &[u8], pos: &[Option<usize>]) -> Vec<u8> {
    pos.iter().map(|p| p.map_or(b' ', |o| src[o])).collect()
}

/// The EXEC blocks of `src` that stay EXEC nodes: `EXEC SQL INCLUDE member` (other than SQLCA and
/// SQLDA) is copied like COPY by the preprocessor.
fn exec_blocks(src: &[u8], format: SourceFormat) -> Vec<(usize, usize)> {
    let code = code_text(src, &code_positions(src, format));
    blocks_in(&code)
        .into_iter()
        .filter(|&(s, e)| {
            let words: Vec<String> = String::from_utf8_lossy(&code[s..e])
                .split_whitespace()
                .take(4)
                .map(|w| w.to_ascii_uppercase())
                .collect();
            !(words.len() >= 4
                && words[1] == "SQL"
                && words[2] == "INCLUDE"
                && words[3] != "SQLCA"
                && words[3] != "SQLDA")
        })
        .collect()
}

/// What a precompiler leaves for the compiler: each EXEC block of the PROCEDURE DIVISION becomes
/// `CONTINUE`; in the DATA DIVISION `EXEC SQL INCLUDE m END-EXEC.` becomes `COPY M.` and other
/// blocks disappear with their period; `DFHRESP(x)` / `DFHVALUE(x)` become a number; a program with
/// EXEC CICS / EXEC DLI gets the interface block (`COPY DFHEIBLK.` / `COPY DLIDIB.`, stand-ins in
/// `exec/stubs`) in its LINKAGE SECTION. Sequence and identification areas are left alone.
fn mask_exec(src: &[u8]) -> Result<Vec<u8>, String> {
    let format = ferry_source::detect_format(&ferry_source::decode(src));
    let pos = code_positions(src, format);
    let code = code_text(src, &pos);
    let upper = code.to_ascii_uppercase();
    let proc_at = find(&upper, b"PROCEDURE DIVISION");
    let mut out = src.to_vec();
    let mut masked = code.clone();
    let put = |out: &mut Vec<u8>, masked: &mut Vec<u8>, at: usize, b: u8| {
        if let Some(o) = pos[at] {
            out[o] = b;
        }
        masked[at] = b;
    };
    for (s, e) in blocks_in(&code) {
        for k in s..e {
            put(&mut out, &mut masked, k, b' ');
        }
        let in_procedure = proc_at.is_some_and(|p| s > p);
        let body: Vec<String> = String::from_utf8_lossy(&upper[s + 4..e - 8])
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let (at, text) = if in_procedure {
            (s, "CONTINUE".to_string())
        } else {
            // The block's separator period goes too.
            let mut k = e;
            while k < code.len() && code[k] == b' ' {
                k += 1;
            }
            if code.get(k) == Some(&b'.') {
                put(&mut out, &mut masked, k, b' ');
            }
            match body.as_slice() {
                [sql, include, member] if sql == "SQL" && include == "INCLUDE" => {
                    let at = s + find(&upper[s..e], b"INCLUDE").unwrap_or(0);
                    (at, format!("COPY {member}."))
                }
                _ => (s, String::new()),
            }
        };
        for (j, b) in text.bytes().enumerate() {
            match (pos.get(at + j).copied().flatten(), pos[at]) {
                (Some(o), Some(first)) if o == first + j => out[o] = b,
                _ => return Err(format!("no room for `{text}` in place of an EXEC block")),
            }
        }
    }
    // DFHRESP(NORMAL) and friends are translated to numbers by the CICS translator.
    let up = masked.to_ascii_uppercase();
    for word in ["DFHRESP", "DFHVALUE"] {
        let mut from = 0;
        while let Some(i) = find(&up[from..], word.as_bytes()).map(|i| from + i) {
            from = i + word.len();
            if !word_at(&up, i, word) {
                continue;
            }
            let Some(close) = up[i..].iter().position(|&b| b == b')').map(|p| i + p) else {
                continue;
            };
            for (j, k) in (i..=close).enumerate() {
                let b = match j {
                    0 => b'+',
                    1 => b'0',
                    _ => b' ',
                };
                if let Some(o) = pos[k] {
                    out[o] = b;
                }
            }
        }
    }
    let text = String::from_utf8_lossy(src).to_ascii_uppercase();
    let mut books = Vec::new();
    if text.contains("EXEC CICS") {
        books.push("DFHEIBLK");
    }
    if text.contains("EXEC DLI") {
        books.push("DLIDIB");
    }
    for book in books {
        out = insert_in_linkage(&out, format, book)?;
    }
    Ok(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Adds `COPY book.` at the start of the LINKAGE SECTION (creating the section if needed).
fn insert_in_linkage(src: &[u8], format: SourceFormat, book: &str) -> Result<Vec<u8>, String> {
    let mut lines: Vec<Vec<u8>> = src.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let code = |l: &[u8]| -> String {
        let l = match format {
            SourceFormat::Free => l,
            _ => l.get(7..l.len().min(72)).unwrap_or_default(),
        };
        String::from_utf8_lossy(l).trim().to_ascii_uppercase()
    };
    let copy = format!("       COPY {book}.").into_bytes();
    for i in 0..lines.len() {
        let c = code(&lines[i]);
        if c.starts_with("LINKAGE SECTION") {
            lines.insert(i + 1, copy);
            return Ok(lines.join(&b'\n'));
        }
        if c.starts_with("PROCEDURE DIVISION") {
            lines.insert(i, copy);
            lines.insert(i, b"       LINKAGE SECTION.".to_vec());
            return Ok(lines.join(&b'\n'));
        }
    }
    Err("no LINKAGE SECTION or PROCEDURE DIVISION to put the interface block in".into())
}
