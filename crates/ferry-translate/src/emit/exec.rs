//! EXEC SQL / CICS / DLI blocks: each executable block becomes a call of one method of the
//! program's generated `Exec` trait (the original block as the method's doc comment), so that a
//! team can bind the program to a real database or transaction layer. The translator never
//! executes or drops a block: a program whose binding is missing stops at its first block with a
//! message naming it (see `ferry_runtime::exec`), and the unit is reported as needing a binding.
//!
//! What the precompiler would do at translation time is done here: `WHENEVER` adds, after every
//! later SQL statement in source order, the test and GO TO it asks for; DECLARE, INCLUDE and
//! BEGIN/END DECLARE SECTION are declarations (no code); `DFHRESP(c)` is the number CICS gives `c`.

use ferry_syntax::ast::{DataRef, ExecKind, Span, Statement, StatementKind as K};

use super::{Code, Ctx};

/// One block the generated trait has a method for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExecMethod {
    pub kind: &'static str,
    pub method: String,
    pub origin: String,
    pub text: String,
    /// (role, COBOL name, indicator name)
    pub host: Vec<(String, String, Option<String>)>,
}

/// What `WHENEVER` asked for, per condition.
#[derive(Debug, Clone, Default)]
pub(crate) struct Whenever {
    pub sqlerror: Option<String>,
    pub not_found: Option<String>,
    pub sqlwarning: Option<String>,
}

fn kind_word(k: ExecKind) -> &'static str {
    match k {
        ExecKind::Sql => "SQL",
        ExecKind::Cics => "CICS",
        ExecKind::Dli => "DLI",
        ExecKind::Other => "OTHER",
    }
}

/// The block's text without its kind word and without SQL `--` comments, words upper-cased
/// outside string literals, white space collapsed.
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut in_str: Option<char> = None;
        let mut cut = line.len();
        let b: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut byte = 0;
        while i < b.len() {
            let c = b[i];
            match in_str {
                Some(q) if c == q => in_str = None,
                Some(_) => {}
                None if c == '\'' || c == '"' => in_str = Some(c),
                None if c == '-' && b.get(i + 1) == Some(&'-') => {
                    cut = byte;
                    break;
                }
                None => {}
            }
            byte += c.len_utf8();
            i += 1;
        }
        out.push_str(&line[..cut]);
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_uppercase())
        .collect()
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The characters of `text` with the contents of its string literals blanked (the quotes stay),
/// so that scanning for names and `:` never looks inside a literal.
fn mask_literals(text: &str) -> Vec<char> {
    let mut in_str: Option<char> = None;
    text.chars()
        .map(|c| match in_str {
            Some(q) if c == q => {
                in_str = None;
                c
            }
            Some(_) => ' ',
            None => {
                if c == '\'' || c == '"' {
                    in_str = Some(c);
                }
                c
            }
        })
        .collect()
}

/// `:NAME`, `:GROUP.NAME`, each with its indicator (`:NAME :IND`, `:NAME:IND`,
/// `:NAME INDICATOR :IND`), outside string literals, in order of appearance.
fn sql_host_variables(text: &str) -> Vec<(Vec<String>, Option<Vec<String>>)> {
    let chars = mask_literals(text);
    let mut out: Vec<(Vec<String>, Option<Vec<String>>)> = Vec::new();
    let mut i = 0;
    // Reads `:A.B` at i (i on the colon); returns the parts and the index after it.
    let read = |i: usize| -> Option<(Vec<String>, usize)> {
        let mut j = i + 1;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let mut parts = Vec::new();
        loop {
            let start = j;
            while j < chars.len() && is_name_char(chars[j]) {
                j += 1;
            }
            if j == start {
                return None;
            }
            parts.push(
                chars[start..j]
                    .iter()
                    .collect::<String>()
                    .to_ascii_uppercase(),
            );
            if j + 1 < chars.len() && chars[j] == '.' && is_name_char(chars[j + 1]) {
                j += 1;
                continue;
            }
            return Some((parts, j));
        }
    };
    let mut last_end: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        if c == ':' {
            if let Some((parts, end)) = read(i) {
                // An indicator follows its variable directly, or after INDICATOR.
                let between: String = last_end
                    .map(|e| chars[e..i].iter().collect::<String>())
                    .unwrap_or_else(|| ",".into());
                let between = between.trim().to_ascii_uppercase();
                if (between.is_empty() || between == "INDICATOR") && !out.is_empty() {
                    let last = out.last_mut().expect("not empty");
                    if last.1.is_none() {
                        last.1 = Some(parts);
                        last_end = None;
                        i = end;
                        continue;
                    }
                }
                out.push((parts, None));
                last_end = Some(end);
                i = end;
                continue;
            }
        }
        if !c.is_whitespace() && last_end.is_some_and(|e| e <= i) {
            // Anything but white space or INDICATOR between two variables separates them.
            let rest: String = chars[i..]
                .iter()
                .take(9)
                .collect::<String>()
                .to_ascii_uppercase();
            if !rest.starts_with("INDICATOR") {
                last_end = None;
            } else {
                i += 9;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn data_ref(parts: &[String], span: Span) -> DataRef {
    // `:GROUP.NAME` is NAME OF GROUP.
    let mut rev = parts.iter().rev();
    let name = rev.next().cloned().unwrap_or_default();
    DataRef {
        name,
        qualifiers: rev.cloned().collect(),
        subscripts: Vec::new(),
        refmod: None,
        span,
    }
}

fn method_name(kind: &str, n: usize, verb: &[String]) -> String {
    let verb: Vec<String> = verb
        .iter()
        .take(2)
        .map(|w| {
            w.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect()
        })
        .collect();
    format!("{}_{n:03}_{}", kind.to_ascii_lowercase(), verb.join("_"))
}

/// A statement `EXEC kind text END-EXEC` of the PROCEDURE DIVISION.
pub(crate) fn statement(cx: &mut Ctx<'_>, code: &mut Code, span: Span, kind: ExecKind, text: &str) {
    let kw = kind_word(kind);
    if kind == ExecKind::Other {
        cx.refuse(
            span,
            "EXEC",
            "an EXEC block other than SQL, CICS or DLI has no binding",
        );
        return;
    }
    let norm = normalise(text);
    let w = words(&norm);
    // w[0] is the kind word (SQL, CICS, DLI).
    let body: Vec<String> = w.iter().skip(1).cloned().collect();
    let first = body.first().map(String::as_str).unwrap_or("");
    let second = body.get(1).map(String::as_str).unwrap_or("");
    if kind == ExecKind::Sql {
        match first {
            "WHENEVER" => {
                whenever(cx, span, &body);
                return;
            }
            "INCLUDE" | "DECLARE" => return,
            "BEGIN" | "END" if second == "DECLARE" => return,
            _ => {}
        }
    }
    if kind == ExecKind::Cics {
        match first {
            "HANDLE" | "IGNORE" | "PUSH" | "POP" => {
                cx.refuse(
                    span,
                    "EXEC CICS",
                    format!(
                        "EXEC CICS {first} {second} changes control flow at run time; not translated (use RESP on each command)"
                    ),
                );
                return;
            }
            _ => {}
        }
    }
    // Host variables: `:name` in SQL; data names given as options in CICS and DL/I.
    let mut host: Vec<(String, String, Option<String>)> = Vec::new();
    let mut fields: Vec<(String, String, String, Option<String>)> = Vec::new();
    if kind == ExecKind::Sql {
        // OPEN binds the host variables of the cursor's SELECT, as the precompiler does.
        let mut text_vars = norm.clone();
        if first == "OPEN" {
            if let Some((_, decl)) = cursor_declarations(cx).get(second) {
                text_vars = format!("{} {}", normalise(decl), norm);
            }
        }
        for (parts, ind) in sql_host_variables(&text_vars) {
            let r = data_ref(&parts, span);
            let Some(f) = resolve_field(cx, &r, true) else {
                return;
            };
            let indf = match &ind {
                Some(ip) => match resolve_field(cx, &data_ref(ip, span), true) {
                    Some(f) => Some(f),
                    None => return,
                },
                None => None,
            };
            let name = parts.join(".");
            host.push((
                String::new(),
                name.clone(),
                ind.as_ref().map(|p| p.join(".")),
            ));
            fields.push((String::new(), name, f, indf));
        }
    } else {
        for (role, name) in option_arguments(&norm) {
            let r = data_ref(std::slice::from_ref(&name), span);
            if cx.model.resolve(&r).is_err() {
                continue;
            }
            let Some(f) = resolve_field(cx, &r, false) else {
                continue;
            };
            host.push((role.clone(), name.clone(), None));
            fields.push((role, name, f, None));
        }
    }
    let n = cx.exec.len() + 1;
    let method = method_name(kw, n, &body);
    let origin = cx.origin(span);
    cx.exec.push(ExecMethod {
        kind: kw,
        method: method.clone(),
        origin,
        text: text.trim().to_string(),
        host,
    });
    let vars: Vec<String> = fields
        .iter()
        .map(|(role, name, f, ind)| {
            format!(
                "rt::exec::HostVar::new({}, {}, {f}, {})",
                super::ops::str_lit(name),
                super::ops::str_lit(role),
                ind.as_ref()
                    .map_or("None".to_string(), |i| format!("Some({i})"))
            )
        })
        .collect();
    code.line(format!(
        "exec_block(&mut self.mem, &EXEC_BLOCKS[{}], &[{}], |b, cx| b.{method}(cx));",
        n - 1,
        vars.join(", ")
    ));
    match (kind, first) {
        (ExecKind::Sql, _) => after_sql(cx, code, span),
        // RETURN and XCTL end the program (control goes back to CICS or to the program XCTL names,
        // which the binding runs); ABEND ends the task.
        (ExecKind::Cics, "RETURN" | "XCTL") => code.line("return Err(Jump::Goback);"),
        (ExecKind::Cics, "ABEND") => code.line("return Err(Jump::StopRun);"),
        _ => {}
    }
}

fn resolve_field(cx: &mut Ctx<'_>, r: &DataRef, refuse: bool) -> Option<String> {
    match cx.model.resolve(r) {
        Ok(id) => {
            if !cx.model.items[id].dims.is_empty() {
                if refuse {
                    cx.refuse(
                        r.span,
                        "EXEC",
                        format!("host variable {} is a table; not translated yet", r.name),
                    );
                }
                return None;
            }
            Some(cx.field_names[id].clone())
        }
        Err(e) => {
            if refuse {
                cx.refuse(r.span, "EXEC", format!("host variable: {e}"));
            }
            None
        }
    }
}

/// `OPTION(data-name)` pairs of a CICS or DL/I command (the data names that name items; literals
/// and numbers are left to the binding, which sees the block's text).
fn option_arguments(norm: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let chars = mask_literals(norm);
    let mut i = 0;
    let mut word_start: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        if is_name_char(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
        } else if c == '(' {
            if let Some(ws) = word_start {
                let role: String = chars[ws..i].iter().collect::<String>().to_ascii_uppercase();
                let close = chars[i..].iter().position(|&c| c == ')').map(|p| i + p);
                if let Some(close) = close {
                    let inner: String = chars[i + 1..close].iter().collect();
                    for arg in inner.split(|c: char| !is_name_char(c)) {
                        if !arg.is_empty() && !arg.chars().all(|c| c.is_ascii_digit()) {
                            out.push((role.clone(), arg.to_ascii_uppercase()));
                        }
                    }
                    i = close + 1;
                    word_start = None;
                    continue;
                }
            }
            word_start = None;
        } else {
            word_start = None;
        }
        i += 1;
    }
    out
}

fn whenever(cx: &mut Ctx<'_>, span: Span, body: &[String]) {
    let (cond, rest) = match body.get(1).map(String::as_str) {
        Some("SQLERROR") => (0, &body[2..]),
        Some("SQLWARNING") => (2, &body[2..]),
        Some("NOT") if body.get(2).map(String::as_str) == Some("FOUND") => (1, &body[3..]),
        _ => {
            cx.refuse(
                span,
                "EXEC SQL WHENEVER",
                "WHENEVER needs SQLERROR, SQLWARNING or NOT FOUND",
            );
            return;
        }
    };
    let action = match rest {
        [c] if c == "CONTINUE" => None,
        [g, t, target] if g == "GO" && t == "TO" => Some(target.clone()),
        [g, target] if g == "GOTO" => Some(target.clone()),
        _ => {
            cx.refuse(
                span,
                "EXEC SQL WHENEVER",
                format!(
                    "WHENEVER action `{}` is not translated (CONTINUE or GO TO)",
                    rest.join(" ")
                ),
            );
            return;
        }
    };
    let slot = match cond {
        0 => &mut cx.whenever.sqlerror,
        1 => &mut cx.whenever.not_found,
        _ => &mut cx.whenever.sqlwarning,
    };
    *slot = action;
}

/// The tests WHENEVER asked for, after an executable SQL statement.
fn after_sql(cx: &mut Ctx<'_>, code: &mut Code, span: Span) {
    let w = cx.whenever.clone();
    let checks = [
        (w.sqlerror, "SQLCODE", "< 0"),
        (w.not_found, "SQLCODE", "== 100"),
        (w.sqlwarning, "SQLWARN0", "W"),
    ];
    for (target, reg, test) in checks {
        let Some(target) = target else { continue };
        let r = DataRef {
            name: reg.into(),
            qualifiers: Vec::new(),
            subscripts: Vec::new(),
            refmod: None,
            span,
        };
        let Some(f) = resolve_field(cx, &r, true) else {
            return;
        };
        let cond = if reg == "SQLWARN0" {
            format!("rt::bytes(&self.mem, {f}) == b\"W\"")
        } else {
            format!("rt::get(&self.mem, {f}).to_i64() {test}")
        };
        code.open(format!("if {cond} {{"));
        let go = Statement {
            kind: K::GoTo {
                targets: vec![target],
                depending_on: None,
            },
            span,
        };
        super::stmt::statement(cx, code, &go);
        code.close("}");
    }
}

/// `DFHRESP(condition)` as a number (None when `r` is not DFHRESP).
pub(crate) fn dfhresp(cx: &mut Ctx<'_>, r: &DataRef) -> Option<String> {
    if r.name != "DFHRESP" || r.subscripts.len() != 1 || !r.qualifiers.is_empty() {
        return None;
    }
    if cx.model.resolve(r).is_ok() {
        return None;
    }
    let cond = match &r.subscripts[0] {
        ferry_syntax::ast::Expr::Operand(ferry_syntax::ast::Operand::Ref(c))
            if c.subscripts.is_empty() =>
        {
            c.name.clone()
        }
        _ => return None,
    };
    match dfhresp_code(&cond) {
        Some(v) => Some(format!("Dec::int({v})")),
        None => {
            cx.refuse(
                r.span,
                "DFHRESP",
                format!("DFHRESP({cond}): unknown CICS condition"),
            );
            Some("Dec::ZERO".into())
        }
    }
}

fn dfhresp_code(c: &str) -> Option<i64> {
    // The CICS response codes (EIBRESP values) of the conditions.
    const CODES: &[(&str, i64)] = &[
        ("NORMAL", 0),
        ("ERROR", 1),
        ("RDATT", 2),
        ("WRBRK", 3),
        ("EOF", 4),
        ("EODS", 5),
        ("EOC", 6),
        ("INBFMH", 7),
        ("ENDINPT", 8),
        ("NONVAL", 9),
        ("NOSTART", 10),
        ("TERMIDERR", 11),
        ("FILENOTFOUND", 12),
        ("DSIDERR", 12),
        ("NOTFND", 13),
        ("DUPREC", 14),
        ("DUPKEY", 15),
        ("INVREQ", 16),
        ("IOERR", 17),
        ("NOSPACE", 18),
        ("NOTOPEN", 19),
        ("ENDFILE", 20),
        ("ILLOGIC", 21),
        ("LENGERR", 22),
        ("QZERO", 23),
        ("SIGNAL", 24),
        ("QBUSY", 25),
        ("ITEMERR", 26),
        ("PGMIDERR", 27),
        ("TRANSIDERR", 28),
        ("ENDDATA", 29),
        ("INVTSREQ", 30),
        ("EXPIRED", 31),
        ("RETPAGE", 32),
        ("RTEFAIL", 33),
        ("RTESOME", 34),
        ("TSIOERR", 35),
        ("MAPFAIL", 36),
        ("INVERRTERM", 37),
        ("INVMPSZ", 38),
        ("IGREQID", 39),
        ("OVERFLOW", 40),
        ("INVLDC", 41),
        ("NOSTG", 42),
        ("JIDERR", 43),
        ("QIDERR", 44),
        ("NOJBUFSP", 45),
        ("DSSTAT", 46),
        ("SELNERR", 47),
        ("FUNCERR", 48),
        ("UNEXPIN", 49),
        ("NOPASSBKRD", 50),
        ("NOPASSBKWR", 51),
        ("SYSIDERR", 53),
        ("ISCINVREQ", 54),
        ("ENQBUSY", 55),
        ("ENVDEFERR", 56),
        ("IGREQCD", 57),
        ("SESSIONERR", 58),
        ("SYSBUSY", 59),
        ("SESSBUSY", 60),
        ("NOTALLOC", 61),
        ("CBIDERR", 62),
        ("INVEXITREQ", 63),
        ("INVPARTNSET", 64),
        ("INVPARTN", 65),
        ("PARTNFAIL", 66),
        ("USERIDERR", 69),
        ("NOTAUTH", 70),
        ("VOLIDERR", 71),
        ("SUPPRESSED", 72),
        ("RESIDERR", 75),
        ("NOSPOOL", 80),
        ("TERMERR", 81),
        ("ROLLEDBACK", 82),
        ("END", 83),
        ("DISABLED", 84),
        ("ALLOCERR", 85),
        ("STRELERR", 86),
        ("OPENERR", 87),
        ("SPOLBUSY", 88),
        ("SPOLERR", 89),
        ("NODEIDERR", 90),
        ("TASKIDERR", 91),
        ("TCIDERR", 92),
        ("DSNNOTFOUND", 93),
        ("LOADING", 94),
        ("MODELIDERR", 95),
        ("OUTDESCRERR", 96),
        ("PARTNERIDERR", 97),
        ("PROFILEIDERR", 98),
        ("NETNAMEIDERR", 99),
        ("LOCKED", 100),
        ("RECORDBUSY", 101),
        ("UOWNOTFOUND", 102),
        ("UOWLNOTFOUND", 103),
        ("LINKABEND", 104),
        ("CHANGED", 105),
        ("PROCESSBUSY", 106),
        ("ACTIVITYBUSY", 107),
        ("PROCESSERR", 108),
        ("ACTIVITYERR", 109),
        ("CONTAINERERR", 110),
        ("EVENTERR", 111),
        ("TOKENERR", 112),
        ("NOTFINISHED", 113),
        ("POOLERR", 114),
        ("TIMERERR", 115),
        ("SYMBOLERR", 116),
        ("TEMPLATERR", 117),
        ("NOTSUPERUSER", 118),
        ("CSDERR", 119),
        ("DUPRES", 120),
        ("RESUNAVAIL", 121),
        ("CHANNELERR", 122),
        ("CCSIDERR", 123),
        ("TIMEDOUT", 124),
        ("CODEPAGEERR", 125),
        ("INCOMPLETE", 126),
        ("APPNOTFOUND", 127),
        ("BUSY", 128),
    ];
    CODES.iter().find(|(n, _)| *n == c).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::{dfhresp_code, option_arguments, sql_host_variables};

    #[test]
    fn host_variables_and_options_skip_literals() {
        let hv = sql_host_variables(
            "SQL SELECT A INTO :X :XI, :G.Y INDICATOR :YI FROM T WHERE B = ':NOT' AND C = :Z",
        );
        let names: Vec<(String, Option<String>)> = hv
            .into_iter()
            .map(|(p, i)| (p.join("."), i.map(|i| i.join("."))))
            .collect();
        assert_eq!(
            names,
            [
                ("X".to_string(), Some("XI".to_string())),
                ("G.Y".to_string(), Some("YI".to_string())),
                ("Z".to_string(), None),
            ]
        );
        let opts =
            option_arguments("CICS READ DATASET('CUST(1)') INTO(WS-REC) RIDFLD(KEY) LENGTH(80)");
        assert_eq!(
            opts,
            [
                ("INTO".to_string(), "WS-REC".to_string()),
                ("RIDFLD".to_string(), "KEY".to_string()),
            ]
        );
    }

    #[test]
    fn dfhresp_codes() {
        assert_eq!(dfhresp_code("NORMAL"), Some(0));
        assert_eq!(dfhresp_code("NOTFND"), Some(13));
        assert_eq!(dfhresp_code("DUPREC"), Some(14));
        assert_eq!(dfhresp_code("PGMIDERR"), Some(27));
        assert_eq!(dfhresp_code("NO-SUCH"), None);
    }
}

/// The program's `Exec` trait, its blocks, the special registers and the dispatch function; and
/// the first version of the user's `binding.rs`.
pub(crate) fn module_items(cx: &Ctx<'_>, code: &mut Code, program: &str, binding_file: &str) {
    if cx.exec.is_empty() {
        return;
    }
    code.line("");
    code.line(format!(
        "/// The EXEC blocks of {program}, one method each. Implement this trait to bind the program to"
    ));
    code.line(format!(
        "/// a database or transaction layer and return it from `binding()` in `{binding_file}`;"
    ));
    code.line("/// each method reads and sets the block's host variables through `cx`.");
    let cursors = cursor_declarations(cx);
    code.open("pub trait Exec: Send {");
    for m in &cx.exec {
        code.line("/// ```text");
        let mut first = true;
        for l in m.text.lines() {
            let l = l.trim();
            if l.is_empty() {
                continue;
            }
            if first {
                code.line(format!("/// EXEC {l}"));
                first = false;
            } else {
                code.line(format!("///     {l}"));
            }
        }
        code.line("/// END-EXEC");
        code.line("/// ```");
        let w = words(&normalise(&m.text));
        if matches!(
            w.get(1).map(String::as_str),
            Some("OPEN" | "FETCH" | "CLOSE")
        ) {
            if let Some((origin, text)) = w.get(2).and_then(|c| cursors.get(c)) {
                code.line(format!("/// The cursor is declared at {origin}:"));
                code.line("/// ```text");
                for l in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    code.line(format!("///     {l}"));
                }
                code.line("/// ```");
            }
        }
        let vars: Vec<String> = m
            .host
            .iter()
            .enumerate()
            .map(|(i, (role, name, ind))| {
                let mut s = format!("{i} `{name}`");
                if !role.is_empty() {
                    s = format!("{i} {role} `{name}`");
                }
                if let Some(ind) = ind {
                    s.push_str(&format!(" (indicator `{ind}`)"));
                }
                s
            })
            .collect();
        if vars.is_empty() {
            code.line(format!("/// ({})", m.origin));
        } else {
            code.line(format!(
                "/// ({}) Host variables: {}.",
                m.origin,
                vars.join(", ")
            ));
        }
        code.line(format!(
            "fn {}(&mut self, cx: &mut rt::exec::ExecContext<'_>);",
            m.method
        ));
    }
    code.close("}");
    code.line("");
    code.line("/// The EXEC blocks in source order.");
    code.open(format!(
        "static EXEC_BLOCKS: [rt::exec::ExecBlock; {}] = [",
        cx.exec.len()
    ));
    for m in &cx.exec {
        code.open("rt::exec::ExecBlock {");
        code.line(format!("kind: {},", super::ops::str_lit(m.kind)));
        code.line(format!("method: {},", super::ops::str_lit(&m.method)));
        code.line(format!("origin: {},", super::ops::str_lit(&m.origin)));
        code.line(format!("text: {},", super::ops::str_lit(&m.text)));
        code.close("},");
    }
    code.close("];");
    code.line("");
    let specials = specials(cx);
    code.line("/// The precompiler's special registers (SQLCA, EIB, DIB fields) a binding reads and sets.");
    code.open(format!(
        "fn exec_specials() -> [rt::exec::HostVar; {}] {{",
        specials.len()
    ));
    code.open("[");
    for (name, f) in &specials {
        code.line(format!(
            "rt::exec::HostVar::new({}, \"\", {f}, None),",
            super::ops::str_lit(name)
        ));
    }
    code.close("]");
    code.close("}");
    code.line("");
    code.line("mod binding;");
    code.line("");
    code.line(
        "static BINDING: std::sync::Mutex<Option<Box<dyn Exec>>> = std::sync::Mutex::new(None);",
    );
    code.line("");
    code.line("/// Installs a binding (instead of the one `binding()` returns).");
    code.open("pub fn bind(binding: Box<dyn Exec>) {");
    code.line("*BINDING.lock().unwrap_or_else(|e| e.into_inner()) = Some(binding);");
    code.close("}");
    code.line("");
    code.line("/// Runs one EXEC block through the binding; stops the run if there is none.");
    code.open("fn exec_block(");
    code.line("mem: &mut [u8],");
    code.line("block: &'static rt::exec::ExecBlock,");
    code.line("host: &[rt::exec::HostVar],");
    code.line("run: impl FnOnce(&mut dyn Exec, &mut rt::exec::ExecContext<'_>),");
    code.close(") {");
    code.indent += 1;
    code.line("let mut guard = BINDING.lock().unwrap_or_else(|e| e.into_inner());");
    code.open("if guard.is_none() {");
    code.line("*guard = binding::binding();");
    code.close("}");
    code.line("let specials = exec_specials();");
    code.line("let mut cx = rt::exec::ExecContext::new(mem, block, host, &specials);");
    code.open("match guard.as_mut() {");
    code.line("Some(b) => run(b.as_mut(), &mut cx),");
    code.line(format!(
        "None => cx.unbound({}),",
        super::ops::str_lit(binding_file)
    ));
    code.close("}");
    code.close("}");
}

/// `DECLARE name CURSOR ...` blocks of the program: cursor name -> (origin, text).
fn cursor_declarations(cx: &Ctx<'_>) -> std::collections::BTreeMap<String, (String, String)> {
    let mut blocks: Vec<(Span, &str)> = cx
        .program
        .data
        .exec_blocks
        .iter()
        .filter(|b| b.kind == ExecKind::Sql)
        .map(|b| (b.span, b.text.as_str()))
        .collect();
    if let Some(proc) = &cx.program.procedure {
        for section in proc.declaratives.iter().chain(&proc.sections) {
            for p in &section.paragraphs {
                for sentence in &p.sentences {
                    ferry_syntax::walk::for_each_statement(&sentence.statements, &mut |s| {
                        if let K::Exec {
                            kind: ExecKind::Sql,
                            text,
                        } = &s.kind
                        {
                            blocks.push((s.span, text.as_str()));
                        }
                    });
                }
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    for (span, text) in blocks {
        let w = words(&normalise(text));
        if w.get(1).map(String::as_str) == Some("DECLARE")
            && w.get(3).map(String::as_str) == Some("CURSOR")
        {
            out.insert(w[2].clone(), (cx.origin(span), text.trim().to_string()));
        }
    }
    out
}

/// (name, field expression) of every elementary item of SQLCA, DFHEIBLK and DLIDIB.
fn specials(cx: &Ctx<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for top in ["SQLCA", "DFHEIBLK", "DLIDIB"] {
        let Some(id) = cx
            .model
            .items
            .iter()
            .position(|i| i.name.as_deref() == Some(top) && i.parent.is_none())
        else {
            continue;
        };
        for e in cx.model.elementary_under(id) {
            let it = &cx.model.items[e];
            let Some(name) = it.name.clone() else {
                continue;
            };
            match it.dims.last() {
                Some(d) => {
                    for k in 0..d.max {
                        let f = &cx.field_names[e];
                        let f = if k == 0 {
                            f.clone()
                        } else {
                            format!("{f}.at({})", k as usize * d.stride)
                        };
                        out.push((format!("{name}({})", k + 1), f));
                    }
                }
                None => out.push((name, cx.field_names[e].clone())),
            }
        }
    }
    out
}

/// The first version of the binding file, written once and then the team's.
pub(crate) fn binding_file(program: &str, methods: &[ExecMethod]) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "//! The binding of {program}'s EXEC blocks to a database or transaction layer.\n//!\n"
    ));
    s.push_str("//! ferry wrote this file once and never overwrites it: it is yours. Implement\n");
    s.push_str("//! `super::Exec` (one method per EXEC block; each method's documentation shows the block)\n");
    s.push_str("//! and return it from `binding()`. Until then the program stops at its first EXEC block\n");
    s.push_str("//! with a message naming it. Blocks:\n//!\n");
    for m in methods {
        s.push_str(&format!("//! - `{}` ({})\n", m.method, m.origin));
    }
    s.push_str("\n/// The binding the program uses (`None`: not bound yet).\n");
    s.push_str("pub(super) fn binding() -> Option<Box<dyn super::Exec>> {\n    None\n}\n");
    s
}
