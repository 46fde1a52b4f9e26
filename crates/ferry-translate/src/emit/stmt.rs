//! Statements and control flow: one COBOL statement -> Rust statements, scope for scope.

use ferry_syntax::ast::{
    AcceptFrom, DisplayUpon, EvaluateSubject, ExitKind, Handlers, Operand, PerformKind,
    PerformRange, Sentence, SetAction, Statement, StatementKind as K, WhenObject,
};

use super::{ops, Code, Ctx};

/// True when a statement of `stmts`, or of a statement list nested in them (not inside another inline
/// PERFORM), satisfies `pred`.
fn mentions(stmts: &[Statement], pred: &dyn Fn(&K) -> bool) -> bool {
    stmts.iter().any(|s| {
        if pred(&s.kind) {
            return true;
        }
        match &s.kind {
            K::If {
                then_branch,
                else_branch,
                ..
            } => {
                mentions(then_branch, pred)
                    || else_branch.as_deref().is_some_and(|e| mentions(e, pred))
            }
            K::Evaluate { whens, other, .. } => {
                whens.iter().any(|w| mentions(&w.statements, pred))
                    || other.as_deref().is_some_and(|o| mentions(o, pred))
            }
            K::Search { whens, at_end, .. } => {
                whens.iter().any(|(_, b)| mentions(b, pred))
                    || at_end.as_deref().is_some_and(|a| mentions(a, pred))
            }
            other => handlers_of(other).into_iter().any(|h| {
                h.on.as_deref().is_some_and(|b| mentions(b, pred))
                    || h.not_on.as_deref().is_some_and(|b| mentions(b, pred))
            }),
        }
    })
}

/// Every imperative-phrase pair (SIZE ERROR, AT END, INVALID KEY, ...) of a statement.
fn handlers_of(k: &K) -> Vec<&Handlers> {
    match k {
        K::Add { size_error: h, .. }
        | K::Subtract { size_error: h, .. }
        | K::Multiply { size_error: h, .. }
        | K::Divide { size_error: h, .. }
        | K::Compute { size_error: h, .. }
        | K::Rewrite { invalid_key: h, .. }
        | K::Delete { invalid_key: h, .. }
        | K::Start { invalid_key: h, .. }
        | K::Return { at_end: h, .. }
        | K::Accept { exception: h, .. }
        | K::Call { exception: h, .. }
        | K::String { overflow: h, .. }
        | K::Unstring { overflow: h, .. } => vec![h],
        K::Read {
            at_end,
            invalid_key,
            ..
        } => vec![at_end, invalid_key],
        K::Write {
            invalid_key,
            end_of_page,
            ..
        } => vec![invalid_key, end_of_page],
        _ => Vec::new(),
    }
}

fn contains_next_sentence(stmts: &[Statement]) -> bool {
    // Anywhere in the sentence: in IF/EVALUATE/SEARCH arms, imperative phrases and inline PERFORM
    // bodies (NEXT SENTENCE there leaves the loop too, as cobc runs it).
    let mut found = false;
    ferry_syntax::walk::for_each_statement(stmts, &mut |s| {
        found |= matches!(s.kind, K::NextSentence);
    });
    found
}

pub(crate) fn sentence(cx: &mut Ctx<'_>, code: &mut Code, s: &Sentence) {
    if contains_next_sentence(&s.statements) {
        let label = cx.label("sentence");
        code.open(format!("{label}: {{"));
        let saved = cx.sentence_label.replace(label);
        block(cx, code, &s.statements);
        cx.sentence_label = saved;
        code.close("}");
    } else {
        block(cx, code, &s.statements);
    }
}

pub(crate) fn block(cx: &mut Ctx<'_>, code: &mut Code, stmts: &[Statement]) {
    for s in stmts {
        statement(cx, code, s);
        // Anything after an unconditional transfer of control in the same scope never runs.
        if ends_flow(&s.kind) {
            break;
        }
    }
}

fn ends_flow(k: &K) -> bool {
    matches!(
        k,
        K::GoTo {
            depending_on: None,
            ..
        } | K::StopRun { .. }
            | K::Goback
            | K::ReturnWith {
                exit_program: false,
                ..
            }
            | K::NextSentence
            | K::Exit(
                ExitKind::Paragraph
                    | ExitKind::Section
                    | ExitKind::Perform
                    | ExitKind::PerformCycle
            )
    )
}

fn handlers(cx: &mut Ctx<'_>, code: &mut Code, flag: &str, h: &Handlers) {
    match (&h.on, &h.not_on) {
        (None, None) => {}
        (Some(on), None) => {
            code.open(format!("if {flag} {{"));
            block(cx, code, on);
            code.close("}");
        }
        (None, Some(not_on)) => {
            code.open(format!("if !{flag} {{"));
            block(cx, code, not_on);
            code.close("}");
        }
        (Some(on), Some(not_on)) => {
            code.open(format!("if {flag} {{"));
            block(cx, code, on);
            code.close("} else {");
            code.indent += 1;
            block(cx, code, not_on);
            code.close("}");
        }
    }
}

fn para_target(
    cx: &mut Ctx<'_>,
    name: &str,
    section: Option<&str>,
    span: ferry_syntax::ast::Span,
) -> Option<(usize, usize)> {
    if section.is_none() {
        if let Some(s) = cx.sections.iter().find(|s| s.name.as_deref() == Some(name)) {
            if s.first != usize::MAX {
                return Some((s.first, s.last));
            }
        }
    }
    let current_section = cx.paras.get(cx.current_para).map(|p| p.section);
    let matches: Vec<usize> = (0..cx.paras.len())
        .filter(|&i| cx.paras[i].name.as_deref() == Some(name))
        .filter(|&i| {
            section.is_none_or(|s| cx.sections[cx.paras[i].section].name.as_deref() == Some(s))
        })
        .collect();
    let pick = match matches.as_slice() {
        [one] => Some(*one),
        [] => None,
        many => many
            .iter()
            .copied()
            .find(|&i| Some(cx.paras[i].section) == current_section),
    };
    match pick {
        Some(i) => Some((i, i)),
        None => {
            cx.refuse(
                span,
                "procedure-name",
                format!("{name} is not a paragraph or section of this program"),
            );
            None
        }
    }
}

pub(crate) fn range(
    cx: &mut Ctx<'_>,
    r: &PerformRange,
    span: ferry_syntax::ast::Span,
) -> Option<String> {
    let (from, mut last) = para_target(cx, &r.from, r.from_section.as_deref(), span)?;
    if let Some(thru) = &r.thru {
        last = para_target(cx, thru, None, span)?.1;
    }
    cx.perform_ranges.push((from, last, span));
    Some(format!(
        "self.perform(Para::{}, Para::{})?;",
        cx.paras[from].variant, cx.paras[last].variant
    ))
}

pub(crate) fn statement(cx: &mut Ctx<'_>, code: &mut Code, s: &Statement) {
    cx.statement_span = s.span;
    statement_kind(cx, code, s);
    declarative_checks(cx, code, s);
}

/// After a file statement on a file covered by a USE AFTER ERROR section: when the statement did
/// not succeed (other than by the AT END / INVALID KEY condition its own phrase took), the section
/// runs, as in GnuCOBOL.
fn declarative_checks(cx: &mut Ctx<'_>, code: &mut Code, s: &Statement) {
    if cx.declaratives.is_empty() {
        return;
    }
    let taken = |h: &Handlers| h.on.is_some() || h.not_on.is_some();
    let mut files: Vec<(String, u8)> = Vec::new();
    match &s.kind {
        K::Open { entries } => files.extend(
            entries
                .iter()
                .flat_map(|(_, fs)| fs.iter().map(|f| (f.clone(), b'0'))),
        ),
        K::Close { files: fs } => files.extend(fs.iter().map(|f| (f.clone(), b'0'))),
        K::Read {
            file,
            at_end,
            invalid_key,
            ..
        } => {
            let class = if taken(at_end) {
                b'1'
            } else if taken(invalid_key) {
                b'2'
            } else {
                b'0'
            };
            files.push((file.clone(), class));
        }
        K::Write {
            record,
            invalid_key,
            ..
        }
        | K::Rewrite {
            record,
            invalid_key,
            ..
        } => {
            if let Some(fi) = cx
                .model
                .resolve(record)
                .ok()
                .and_then(|id| cx.model.file_of(id))
            {
                let class = if taken(invalid_key) { b'2' } else { b'0' };
                files.push((cx.model.files[fi].name.clone(), class));
            }
        }
        K::Delete { file, invalid_key }
        | K::Start {
            file, invalid_key, ..
        } => {
            files.push((file.clone(), if taken(invalid_key) { b'2' } else { b'0' }));
        }
        _ => {}
    }
    for (file, class) in files {
        let Some(fi) = cx.model.file(&file) else {
            continue;
        };
        let Some(&(first, last)) = cx.declaratives.get(&fi) else {
            // USE AFTER ERROR ON INPUT / OUTPUT / I-O / EXTEND: by the file's last OPEN mode.
            if cx.mode_declaratives.is_empty()
                || cx.model.files[fi].kind == ferry_syntax::ast::FdKind::Sd
            {
                continue;
            }
            let h = cx.file_names[fi].clone();
            code.open(format!("if self.{h}.failed(b'{}') {{", class as char));
            code.open(format!("match self.{h}.last_open_mode() {{"));
            for (m, (a, b)) in cx.mode_declaratives.clone() {
                let (a, b) = (cx.paras[a].variant.clone(), cx.paras[b].variant.clone());
                code.line(format!(
                    "Some(rt::OpenMode::{m}) => self.perform(Para::{a}, Para::{b})?,"
                ));
            }
            code.line("_ => {}");
            code.close("}");
            code.close("}");
            continue;
        };
        let h = cx.file_names[fi].clone();
        let (a, b) = (
            cx.paras[first].variant.clone(),
            cx.paras[last].variant.clone(),
        );
        code.open(format!("if self.{h}.failed(b'{}') {{", class as char));
        code.line(format!("self.perform(Para::{a}, Para::{b})?;"));
        code.close("}");
    }
}

fn statement_kind(cx: &mut Ctx<'_>, code: &mut Code, s: &Statement) {
    match &s.kind {
        K::Continue | K::Exit(ExitKind::Plain) => {}
        K::NextSentence => match cx.sentence_label.clone() {
            Some(l) => code.line(format!("break {l};")),
            None => cx.refuse(s.span, "NEXT SENTENCE", "NEXT SENTENCE outside a sentence"),
        },
        K::Move {
            from,
            to,
            corresponding,
        } => {
            if cx.ibm() {
                for t in to {
                    if let Operand::Ref(src) = from {
                        if ops::may_overlap(cx, src, t) {
                            cx.refuse(
                                s.span,
                                "MOVE (dialect ibm)",
                                format!(
                                    "MOVE {} TO {}: the two may overlap, and under dialect ibm (move-ibm) cobc copies byte by byte from the left; not translated",
                                    src.name, t.name
                                ),
                            );
                        }
                    }
                }
            }
            if *corresponding {
                ops::move_corresponding(cx, code, from, to, s.span);
            } else {
                for t in to {
                    let src = ops::value(cx, from);
                    let dst = ops::field(cx, t);
                    code.line(format!("rt::move_value(&mut self.mem, {src}, {dst});"));
                }
            }
        }
        K::Display {
            items,
            upon,
            no_advancing,
            exception,
        } if !exception.is_empty() => {
            let plain = Statement {
                kind: K::Display {
                    items: items.clone(),
                    upon: upon.clone(),
                    no_advancing: *no_advancing,
                    exception: Default::default(),
                },
                span: s.span,
            };
            statement_kind(cx, code, &plain);
            // A DISPLAY on a stream does not fail in libcob: ON EXCEPTION is never taken, NOT ON
            // EXCEPTION always (cobc 3.1.2).
            if let Some(not_on) = &exception.not_on {
                block(cx, code, not_on);
            }
        }
        K::Display {
            items,
            upon,
            no_advancing,
            ..
        } => {
            // A numeric literal is displayed as written (cobc prints `1.50` as `1.50`).
            let vals: Vec<String> = if cx.ibm() {
                items
                    .iter()
                    .map(|i| ops::display_operand_ibm(cx, i, s.span))
                    .collect()
            } else {
                items
                    .iter()
                    .map(|i| match i {
                        Operand::Literal(ferry_syntax::ast::Literal::Numeric(t)) => {
                            format!("rt::Val::Bytes({})", ops::bytes_lit(t.as_bytes()))
                        }
                        other => ops::value(cx, other),
                    })
                    .collect()
            };
            let display_fn = if cx.ibm() { "display_ibm" } else { "display" };
            let on_screen = match upon {
                DisplayUpon::Default => console_is_crt(cx),
                DisplayUpon::Other(dev) => dev.eq_ignore_ascii_case("CRT"),
                DisplayUpon::Syserr => false,
            };
            if on_screen {
                cx.refuse(
                    s.span,
                    "DISPLAY",
                    "DISPLAY on the screen (UPON CRT, or CONSOLE IS CRT in SPECIAL-NAMES) is screen I/O, not translated yet",
                );
                return;
            }
            let stream = match upon {
                DisplayUpon::Default => "rt::Upon::Stdout".to_string(),
                DisplayUpon::Syserr => "rt::Upon::Stderr".to_string(),
                DisplayUpon::Other(dev) => {
                    let mut d = dev.to_ascii_uppercase();
                    // A mnemonic-name of SPECIAL-NAMES (`CONSOLE IS OPS-CONSOLE`) stands for its device.
                    if let Some((_, device)) = cx
                        .program
                        .environment
                        .special_names
                        .mnemonics
                        .iter()
                        .find(|(m, _)| *m == d)
                    {
                        d = device.clone();
                    }
                    if matches!(
                        d.as_str(),
                        "CONSOLE" | "SYSOUT" | "STDOUT" | "SYSLIST" | "PRINTER"
                    ) {
                        "rt::Upon::Stdout".to_string()
                    } else if matches!(d.as_str(), "SYSERR" | "STDERR") {
                        "rt::Upon::Stderr".to_string()
                    } else if d == "ENVIRONMENT-NAME" || d == "ENVIRONMENT-VALUE" {
                        // The operand's storage bytes name / set an environment variable.
                        let func = if d == "ENVIRONMENT-NAME" {
                            "display_env_name"
                        } else {
                            "display_env_value"
                        };
                        code.line(format!("rt::{func}(&self.mem, &[{}]);", vals.join(", ")));
                        return;
                    } else if d == "ARGUMENT-NUMBER" && vals.len() == 1 {
                        code.line(format!("rt::display_arg_number(&self.mem, {});", vals[0]));
                        return;
                    } else {
                        cx.refuse(
                            s.span,
                            "DISPLAY UPON",
                            format!("DISPLAY UPON {dev} is not translated yet"),
                        );
                        return;
                    }
                }
            };
            code.line(format!(
                "rt::{display_fn}(&self.mem, &[{}], {stream}, {});",
                vals.join(", "),
                !no_advancing
            ));
        }
        K::Accept {
            target,
            from,
            exception,
        } => {
            let dst = ops::field(cx, target);
            // Sources kept by the run unit's environment state (gen_env): a call that returns
            // whether ON EXCEPTION is raised.
            let env_call = match from {
                AcceptFrom::Environment(op) => {
                    let v = ops::value(cx, op);
                    code.open("{");
                    code.line(format!("let name = rt::text(&self.mem, {v});"));
                    Some(format!(
                        "rt::accept_environment(&mut self.mem, {dst}, &name)"
                    ))
                }
                AcceptFrom::Other(what) => match what.to_ascii_uppercase().as_str() {
                    "ENVIRONMENT-VALUE" => {
                        Some(format!("rt::accept_env_value(&mut self.mem, {dst})"))
                    }
                    "ARGUMENT-VALUE" => Some(format!("rt::accept_arg_value(&mut self.mem, {dst})")),
                    // Never raises ON EXCEPTION.
                    "ARGUMENT-NUMBER" => Some(format!(
                        "{{ rt::accept_arg_number(&mut self.mem, {dst}); false }}"
                    )),
                    _ => None,
                },
                _ => None,
            };
            if let Some(call) = env_call {
                if exception.on.is_none() && exception.not_on.is_none() {
                    match call
                        .strip_prefix("{ ")
                        .and_then(|c| c.strip_suffix(" false }"))
                    {
                        Some(plain) => code.line(plain.to_string()),
                        None => code.line(format!("{call};")),
                    }
                } else {
                    code.open("{");
                    code.line(format!("let exception = {call};"));
                    handlers(cx, code, "exception", exception);
                    code.close("}");
                }
                if matches!(from, AcceptFrom::Environment(_)) {
                    code.close("}");
                }
                return;
            }
            if matches!(from, AcceptFrom::Stdin) && console_is_crt(cx) {
                cx.refuse(
                    s.span,
                    "ACCEPT",
                    "ACCEPT from the screen (CONSOLE IS CRT in SPECIAL-NAMES) is screen I/O, not translated yet",
                );
                return;
            }
            let how = match from {
                AcceptFrom::Stdin => "rt::AcceptSource::Stdin".to_string(),
                AcceptFrom::Date { yyyymmdd: false } => "rt::AcceptSource::Date".into(),
                AcceptFrom::Date { yyyymmdd: true } => "rt::AcceptSource::DateYyyymmdd".into(),
                AcceptFrom::Day { yyyyddd: false } => "rt::AcceptSource::Day".into(),
                AcceptFrom::Day { yyyyddd: true } => "rt::AcceptSource::DayYyyyddd".into(),
                AcceptFrom::DayOfWeek => "rt::AcceptSource::DayOfWeek".into(),
                AcceptFrom::Time => "rt::AcceptSource::Time".into(),
                AcceptFrom::CommandLine => "rt::AcceptSource::CommandLine".into(),
                AcceptFrom::Environment(op) => {
                    let v = ops::value(cx, op);
                    format!("rt::AcceptSource::Environment(rt::text(&self.mem, {v}))")
                }
                AcceptFrom::Other(what) => {
                    cx.refuse(
                        s.span,
                        "ACCEPT",
                        format!("ACCEPT FROM {what} is not translated yet"),
                    );
                    return;
                }
            };
            if exception.on.is_none() && exception.not_on.is_none() {
                code.line(format!("rt::accept(&mut self.mem, {dst}, {how});"));
            } else {
                code.open("{");
                code.line(format!(
                    "let exception = rt::accept(&mut self.mem, {dst}, {how});"
                ));
                handlers(cx, code, "exception", exception);
                code.close("}");
            }
        }
        K::If {
            condition,
            then_branch,
            else_branch,
        } => {
            let c = ops::condition(cx, condition);
            code.open(format!("if {} {{", super::bare(&c)));
            block(cx, code, then_branch);
            match else_branch {
                Some(e) if !e.is_empty() => {
                    code.close("} else {");
                    code.indent += 1;
                    block(cx, code, e);
                    code.close("}");
                }
                _ => code.close("}"),
            }
        }
        K::Evaluate {
            subjects,
            whens,
            other,
        } => evaluate(cx, code, subjects, whens, other.as_deref()),
        K::Perform { target, kind, body } => {
            perform(cx, code, s, target.as_ref(), kind, body.as_deref())
        }
        K::Alter { pairs } => {
            for (from, to) in pairs {
                let slot = (0..cx.paras.len())
                    .find(|&i| cx.paras[i].name.as_deref() == Some(from.as_str()))
                    .and_then(|i| cx.altered.get(&i).copied());
                let Some(k) = slot else {
                    cx.refuse(
                        s.span,
                        "ALTER",
                        format!("ALTER of {from}: not a paragraph of this program (or not unique)"),
                    );
                    return;
                };
                let Some((first, _)) = para_target(cx, to, None, s.span) else {
                    return;
                };
                if let Some(altered) = (0..cx.paras.len())
                    .find(|&i| cx.paras[i].name.as_deref() == Some(from.as_str()))
                {
                    cx.goto_edges.push((altered, first));
                }
                let variant = cx.paras[first].variant.clone();
                code.line(format!("self.altered[{k}] = Some(Para::{variant});"));
            }
        }
        K::GoTo {
            targets,
            depending_on,
        } => {
            let mut dests = Vec::new();
            for t in targets {
                match para_target(cx, t, None, s.span) {
                    Some((first, _)) => {
                        cx.goto_edges.push((cx.current_para, first));
                        dests.push(cx.paras[first].variant.clone())
                    }
                    None => return,
                }
            }
            let slot = cx.altered.get(&cx.current_para).copied();
            match (depending_on, slot) {
                // A paragraph an ALTER may change: go where the last ALTER said, else as written.
                (None, Some(k)) if dests.len() == 1 => code.line(format!(
                    "return Err(Jump::GoTo(self.altered[{k}].unwrap_or(Para::{})));",
                    dests[0]
                )),
                // `GO TO.` not altered yet falls through, as cobc runs it.
                (None, Some(k)) if dests.is_empty() => {
                    code.open(format!("if let Some(target) = self.altered[{k}] {{"));
                    code.line("return Err(Jump::GoTo(target));");
                    code.close("}");
                }
                (None, _) if dests.len() == 1 => {
                    code.line(format!("return Err(Jump::GoTo(Para::{}));", dests[0]))
                }
                (None, _) if dests.is_empty() => cx.refuse(
                    s.span,
                    "GO TO",
                    "GO TO without a target outside a paragraph ALTER can change",
                ),
                (None, _) => cx.refuse(
                    s.span,
                    "GO TO",
                    "GO TO with several targets needs DEPENDING ON",
                ),
                (Some(d), _) => {
                    let v = ops::num(cx, &Operand::Ref(d.clone()));
                    code.open(format!("match {v}.to_i64() {{"));
                    for (i, d) in dests.iter().enumerate() {
                        code.line(format!("{} => return Err(Jump::GoTo(Para::{d})),", i + 1));
                    }
                    code.line("_ => {}");
                    code.close("}");
                }
            }
        }
        // GOBACK / EXIT PROGRAM RETURNING x: RETURN-CODE takes x, then the plain statement (checked
        // under cobc 3.1.2: a main program exits with x either way).
        K::ReturnWith {
            exit_program,
            status,
        } => {
            let v = ops::num(cx, status);
            code.line(format!(
                "rt::store(&mut self.mem, RETURN_CODE, &{v}, Round::Truncate, false);"
            ));
            let kind = if *exit_program {
                K::Exit(ExitKind::Program)
            } else {
                K::Goback
            };
            statement_kind(cx, code, &Statement { kind, span: s.span });
        }
        K::StopLiteral { literal } => {
            let v = match literal {
                // pretty-display: no (cobc -std=ibm): `STOP 12.5` shows "125"
                ferry_syntax::ast::Literal::Numeric(t) if cx.ibm() => {
                    format!(
                        "rt::Val::Bytes({})",
                        ops::bytes_lit(&ops::ibm_numeric_literal(cx, t))
                    )
                }
                _ => ops::literal_value(cx, literal, None),
            };
            code.line(format!("rt::stop_literal(&self.mem, {v});"));
        }
        K::StopRun { status } => {
            if let Some(st) = status {
                let v = ops::num(cx, st);
                code.line(format!(
                    "rt::store(&mut self.mem, RETURN_CODE, &{v}, Round::Truncate, false);"
                ));
            }
            code.line("return Err(Jump::StopRun);");
        }
        K::Goback => code.line("return Err(Jump::Goback);"),
        K::Exit(ExitKind::Program) => {
            code.open("if self.called {");
            code.line("return Err(Jump::Goback);");
            code.close("}");
        }
        K::Exit(ExitKind::Paragraph) => code.line("return Ok(());"),
        K::Exit(ExitKind::Section) => {
            let sec = cx.paras[cx.current_para].section;
            let last = cx.sections[sec].last;
            code.line(format!(
                "return Err(Jump::EndOf(Para::{}));",
                cx.paras[last].variant
            ));
        }
        K::Exit(kind @ (ExitKind::Perform | ExitKind::PerformCycle)) => {
            match cx.loop_labels.last().cloned() {
                Some((l, _)) if *kind == ExitKind::Perform => code.line(format!("break {l};")),
                Some((_, body)) => code.line(format!("break {body};")),
                None => cx.refuse(
                    s.span,
                    "EXIT PERFORM",
                    "EXIT PERFORM outside an inline PERFORM",
                ),
            }
        }
        K::Add { .. }
        | K::Subtract { .. }
        | K::Multiply { .. }
        | K::Divide { .. }
        | K::Compute { .. } => {
            ops::arithmetic(cx, code, s);
        }
        K::Initialize {
            targets,
            replacing,
            with_filler,
            to_value,
        } => {
            let how = ops::InitializeHow::new(cx, replacing, *with_filler, *to_value);
            for t in targets {
                ops::initialize(cx, code, t, &how);
            }
        }
        K::Set(SetAction::Condition {
            targets,
            value: false,
        }) => {
            for t in targets {
                ops::set_condition_false(cx, code, t, s.span);
            }
        }
        K::Set(SetAction::Condition {
            targets,
            value: true,
        }) => {
            for t in targets {
                ops::set_condition(cx, code, t, s.span);
            }
        }
        K::Set(SetAction::Environment { name, value }) => {
            // libcob: the same as DISPLAY name UPON ENVIRONMENT-NAME, then DISPLAY value UPON
            // ENVIRONMENT-VALUE.
            let (n, v) = (ops::value(cx, name), ops::value(cx, value));
            code.line(format!("rt::display_env_name(&self.mem, &[{n}]);"));
            code.line(format!("rt::display_env_value(&self.mem, &[{v}]);"));
        }
        K::Set(SetAction::To { targets, value }) => {
            for t in targets {
                let src = ops::value(cx, value);
                let dst = ops::field(cx, t);
                code.line(format!("rt::move_value(&mut self.mem, {src}, {dst});"));
            }
        }
        K::Set(SetAction::UpBy { targets, value })
        | K::Set(SetAction::DownBy { targets, value }) => {
            let up = matches!(&s.kind, K::Set(SetAction::UpBy { .. }));
            for t in targets {
                let dst = ops::field(cx, t);
                let v = ops::num(cx, value);
                let op = if up { "add" } else { "sub" };
                code.line(format!("rt::store(&mut self.mem, {dst}, &rt::get(&self.mem, {dst}).{op}(&{v}), Round::Truncate, false);"));
            }
        }
        K::Call {
            program,
            using,
            returning,
            exception,
        } => ops::call(
            cx,
            code,
            s.span,
            program,
            using,
            returning.as_ref(),
            exception,
        ),
        K::Cancel { programs } => {
            for p in programs {
                match p {
                    Operand::Literal(ferry_syntax::ast::Literal::Alphanumeric(name)) => {
                        let name = String::from_utf8_lossy(name).to_ascii_uppercase();
                        match cx.callees.get(&name) {
                            Some(i) => {
                                let krate = i.crate_name.clone();
                                cx.uses.insert(krate.clone());
                                code.line(format!("{krate}::cancel();"));
                            }
                            None => {} // CANCEL of a program never called is a no-op.
                        }
                    }
                    Operand::Ref(r) => {
                        // CANCEL identifier: the program named by the item's value at run time.
                        let f = ops::field(cx, r);
                        let me = cx.program.name.clone();
                        let (known, later) = ops::dynamic_targets(cx);
                        code.open(format!(
                            "match rt::text(&self.mem, rt::Val::Field({f})).to_ascii_uppercase().as_str() {{"
                        ));
                        for (p, krate) in known {
                            cx.uses.insert(krate.clone());
                            code.line(format!("{p:?} => {krate}::cancel(),"));
                        }
                        for p in later {
                            code.line(format!(
                                "{p:?} => rt::dynamic_call_not_translated({me:?}, {p:?}),"
                            ));
                        }
                        // CANCEL of a program never called (or of no program) is a no-op.
                        code.line("_ => {}");
                        code.close("}");
                    }
                    _ => cx.refuse(
                        s.span,
                        "CANCEL",
                        "CANCEL of this kind of operand is not translated yet",
                    ),
                }
            }
        }
        K::Open { entries } => {
            for (mode, files) in entries {
                let m = format!("rt::OpenMode::{mode:?}");
                for f in files {
                    if let Some(h) = ops::file_handle(cx, f, s.span) {
                        ops::set_linage(cx, code, f, &h);
                        code.line(format!("self.{h}.open(&mut self.mem, {m});"));
                        ops::store_linage_counter(cx, code, f, &h);
                    }
                }
            }
        }
        K::Unlock { file } => {
            if let Some(h) = ops::file_handle(cx, file, s.span) {
                code.line(format!("self.{h}.unlock(&mut self.mem);"));
            }
        }
        // cobc: neither sets a FILE STATUS nor undoes a WRITE (ferry takes no locks to release).
        K::Commit { .. } => {}
        K::Exhibit {
            changed,
            items,
            labels,
            ..
        } => exhibit(cx, code, s, *changed, items, labels),
        K::Free { .. } | K::Allocate { .. } => {
            let word = if matches!(s.kind, K::Free { .. }) {
                "FREE"
            } else {
                "ALLOCATE"
            };
            cx.refuse(
                s.span,
                word,
                format!("{word}: dynamic storage (BASED items and pointers) is not translated"),
            )
        }
        K::Validate { .. } => cx.refuse(
            s.span,
            "VALIDATE",
            "VALIDATE is not translated (cobc 3.1.2 does not implement it)",
        ),
        K::Close { files } => {
            for f in files {
                if let Some(h) = ops::file_handle(cx, f, s.span) {
                    code.line(format!("self.{h}.close(&mut self.mem);"));
                }
            }
        }
        K::Read {
            file,
            next,
            previous,
            into,
            key,
            at_end,
            invalid_key,
        } => {
            if let Some(fi) = super::files::keyed(cx, file) {
                super::files::read(
                    cx,
                    code,
                    s.span,
                    fi,
                    *next,
                    *previous,
                    into.as_ref(),
                    key.as_ref(),
                    at_end,
                    invalid_key,
                );
                return;
            }
            if *previous
                || key.is_some()
                || invalid_key.on.is_some()
                || invalid_key.not_on.is_some()
            {
                cx.refuse(
                    s.span,
                    "READ",
                    "keyed and backward READ are not translated yet",
                );
                return;
            }
            let Some(h) = ops::file_handle(cx, file, s.span) else {
                return;
            };
            let handled = at_end.on.is_some();
            code.line(format!(
                "let at_end = self.{h}.read(&mut self.mem, {handled}) == rt::IoOutcome::AtEnd;"
            ));
            if let Some(fi) = cx.model.file(file) {
                if let Some(dep) = ops::depending_on(cx, fi) {
                    code.open("if !at_end {");
                    code.line(format!(
                        "rt::store_int(&mut self.mem, {dep}, self.{h}.record_length());"
                    ));
                    code.close("}");
                }
            }
            if let Some(into) = into {
                let rec = ops::record_of(cx, file, s.span);
                let dst = ops::field(cx, into);
                if let Some(rec) = rec {
                    code.open("if !at_end {");
                    code.line(format!(
                        "rt::move_value(&mut self.mem, rt::Val::Field({rec}), {dst});"
                    ));
                    code.close("}");
                }
            }
            handlers(cx, code, "at_end", at_end);
        }
        K::Write {
            record,
            from,
            advancing,
            end_of_page,
            invalid_key,
        } => {
            if let Some(fi) = super::files::keyed_record(cx, record) {
                if advancing.is_some() || end_of_page.on.is_some() || end_of_page.not_on.is_some() {
                    cx.refuse(
                        s.span,
                        "WRITE",
                        "ADVANCING / END-OF-PAGE on a RELATIVE or INDEXED file",
                    );
                    return;
                }
                super::files::write(cx, code, fi, record, from.as_ref(), invalid_key, false);
                return;
            }
            let linage_file = cx
                .model
                .resolve(record)
                .ok()
                .and_then(|id| cx.model.file_of(id))
                .map(|fi| cx.model.files[fi].name.clone())
                .filter(|f| {
                    cx.program
                        .data
                        .files
                        .iter()
                        .any(|fd| &fd.name == f && fd.linage.is_some())
                });
            let eop = end_of_page.on.is_some() || end_of_page.not_on.is_some();
            if (eop && linage_file.is_none())
                || invalid_key.on.is_some()
                || invalid_key.not_on.is_some()
            {
                cx.refuse(
                    s.span,
                    "WRITE",
                    "WRITE with END-OF-PAGE on a file without LINAGE, or INVALID KEY on a sequential file, is not translated yet",
                );
                return;
            }
            if let Some(f) = &linage_file {
                if let Some(h) = ops::file_handle(cx, f, s.span) {
                    ops::set_linage(cx, code, f, &h);
                }
            }
            ops::write(cx, code, s.span, record, from.as_ref(), advancing.as_ref());
            if let Some(f) = &linage_file {
                if let Some(h) = ops::file_handle(cx, f, s.span) {
                    ops::store_linage_counter(cx, code, f, &h);
                    if eop {
                        handlers(cx, code, &format!("self.{h}.end_of_page()"), end_of_page);
                    }
                }
            }
        }
        K::String {
            sources,
            into,
            pointer,
            overflow,
        } => super::strings::string(cx, code, sources, into, pointer.as_ref(), overflow),
        K::Unstring {
            source,
            delimiters,
            targets,
            pointer,
            tallying,
            overflow,
        } => super::strings::unstring(
            cx,
            code,
            source,
            delimiters,
            targets,
            pointer.as_ref(),
            tallying.as_ref(),
            overflow,
        ),
        K::Inspect {
            target,
            tallying,
            replacing,
            converting,
        } => super::strings::inspect(cx, code, target, tallying, replacing, converting.as_ref()),
        K::Rewrite {
            record,
            from,
            invalid_key,
        } => {
            if let Some(fi) = super::files::keyed_record(cx, record) {
                super::files::write(cx, code, fi, record, from.as_ref(), invalid_key, true);
                return;
            }
            if invalid_key.on.is_some() || invalid_key.not_on.is_some() {
                cx.refuse(
                    s.span,
                    "REWRITE",
                    "REWRITE with INVALID KEY is not translated yet",
                );
                return;
            }
            ops::rewrite(cx, code, s.span, record, from.as_ref());
        }
        K::Delete { file, invalid_key } => {
            super::files::delete(cx, code, s.span, file, invalid_key)
        }
        K::Start {
            file,
            key,
            invalid_key,
        } => super::files::start(cx, code, s.span, file, key.as_ref(), invalid_key),
        K::Sort {
            file,
            keys,
            duplicates_in_order: _,
            input,
            output,
            collating,
        } => super::sort::sort(
            cx,
            code,
            s.span,
            file,
            keys,
            input,
            output,
            collating.as_deref(),
            "SORT",
        ),
        K::Merge {
            file,
            keys,
            using,
            output,
            collating,
        } => {
            let input = ferry_syntax::ast::SortIo::Files(using.clone());
            super::sort::sort(
                cx,
                code,
                s.span,
                file,
                keys,
                &input,
                output,
                collating.as_deref(),
                "MERGE",
            )
        }
        K::Release { record, from } => {
            super::sort::release(cx, code, s.span, record, from.as_ref())
        }
        K::Return { file, into, at_end } => {
            super::sort::return_(cx, code, s.span, file, into.as_ref(), at_end)
        }
        K::Search {
            table,
            all,
            varying,
            at_end,
            whens,
        } => super::sort::search(
            cx,
            code,
            s.span,
            table,
            *all,
            varying.as_ref(),
            at_end.as_deref(),
            whens,
        ),
        K::Exec { kind, text } => super::exec::statement(cx, code, s.span, *kind, text),
        other => {
            let name = format!("{other:?}");
            let word = name
                .split([' ', '{', '('])
                .next()
                .unwrap_or("statement")
                .to_ascii_uppercase();
            cx.refuse(s.span, &word, format!("{word} is not translated yet"));
        }
    }
}

/// EXHIBIT [NAMED] as cobc 3.1.2 runs it (with or without NAMED): one line, the items separated
/// by a space, a data item as `name = value` with its declared name, a literal as it is. Refused:
/// CHANGED (cobc does not implement it) and items other than literals and plain data names.
fn exhibit(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    s: &Statement,
    changed: bool,
    items: &[Operand],
    labels: &[Option<String>],
) {
    use ferry_syntax::ast::Literal;
    if changed {
        return cx.refuse(
            s.span,
            "EXHIBIT CHANGED",
            "EXHIBIT CHANGED is not translated (cobc 3.1.2 does not implement it)",
        );
    }
    let mut shown = Vec::new();
    let text = |t: String| Operand::Literal(Literal::Alphanumeric(t.into_bytes()));
    for (i, (item, label)) in items.iter().zip(labels).enumerate() {
        let sep = if i > 0 { " " } else { "" };
        match (item, label) {
            (Operand::Literal(Literal::Numeric(_) | Literal::Alphanumeric(_)), _) => {
                if i > 0 {
                    shown.push(text(sep.into()));
                }
                shown.push(item.clone());
            }
            (Operand::Ref(_), Some(name)) => {
                shown.push(text(format!("{sep}{name} = ")));
                shown.push(item.clone());
            }
            _ => {
                return cx.refuse(
                    s.span,
                    "EXHIBIT",
                    "EXHIBIT: only literals and plain data names (no qualification, subscript, \
                     reference modification or figurative constant) are translated",
                )
            }
        }
    }
    let display = Statement {
        kind: K::Display {
            items: shown,
            upon: DisplayUpon::Default,
            no_advancing: false,
            exception: Default::default(),
        },
        span: s.span,
    };
    statement_kind(cx, code, &display);
}

fn evaluate(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    subjects: &[EvaluateSubject],
    whens: &[ferry_syntax::ast::WhenClause],
    other: Option<&[Statement]>,
) {
    // Subjects are evaluated once, before the WHENs (COBOL semantics).
    let mut subject_vals = Vec::new();
    for (i, subj) in subjects.iter().enumerate() {
        match subj {
            EvaluateSubject::Expr(e) => {
                let v = ops::expr_value(cx, e);
                let name = format!("subject{}", i + 1);
                code.line(format!("let {name} = {v};"));
                subject_vals.push(Some(name));
            }
            EvaluateSubject::Condition(c) => {
                let v = ops::condition(cx, c);
                let name = format!("subject{}", i + 1);
                code.line(format!("let {name} = {v};"));
                subject_vals.push(Some(name));
            }
            _ => subject_vals.push(None),
        }
    }
    let mut first = true;
    for w in whens {
        let mut tests = Vec::new();
        for (i, obj) in w.objects.iter().enumerate() {
            let subj = subjects.get(i);
            let t = match (subj, obj) {
                (_, WhenObject::Any) => continue,
                (Some(EvaluateSubject::True), WhenObject::Condition(c)) => ops::condition(cx, c),
                (Some(EvaluateSubject::False), WhenObject::Condition(c)) => {
                    format!("!({})", ops::condition(cx, c))
                }
                (Some(EvaluateSubject::Condition(_)), WhenObject::True) => {
                    subject_vals[i].clone().unwrap_or_default()
                }
                (Some(EvaluateSubject::Condition(_)), WhenObject::False) => {
                    format!("!{}", subject_vals[i].clone().unwrap_or_default())
                }
                (
                    Some(EvaluateSubject::Expr(_)),
                    WhenObject::Value {
                        negated,
                        value,
                        thru,
                    },
                ) => {
                    let s = subject_vals[i].clone().unwrap_or_default();
                    let t = ops::when_value(cx, &s, value, thru.as_ref());
                    if *negated {
                        format!("!({t})")
                    } else {
                        t
                    }
                }
                (Some(EvaluateSubject::True), WhenObject::True)
                | (Some(EvaluateSubject::False), WhenObject::False) => "true".into(),
                (Some(EvaluateSubject::True), WhenObject::False)
                | (Some(EvaluateSubject::False), WhenObject::True) => "false".into(),
                (Some(EvaluateSubject::Expr(_)), WhenObject::Condition(c)) => {
                    // A WHEN object written as a condition against a value subject: compare as value.
                    ops::condition(cx, c)
                }
                _ => {
                    cx.refuse(
                        w.statements.first().map_or(Default::default(), |s| s.span),
                        "EVALUATE",
                        "this WHEN form is not translated yet",
                    );
                    "false".into()
                }
            };
            tests.push(t);
        }
        let cond = if tests.is_empty() {
            "true".to_string()
        } else {
            tests.join(" && ")
        };
        let cond = super::bare(&cond).to_string();
        if first {
            code.open(format!("if {cond} {{"));
            first = false;
        } else {
            code.close(format!("}} else if {cond} {{"));
            code.indent += 1;
        }
        block(cx, code, &w.statements);
    }
    if let Some(o) = other {
        if first {
            block(cx, code, o);
            return;
        }
        code.close("} else {");
        code.indent += 1;
        block(cx, code, o);
    }
    if !first {
        code.close("}");
    }
}

fn perform(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    s: &Statement,
    target: Option<&PerformRange>,
    kind: &PerformKind,
    body: Option<&[Statement]>,
) {
    let call = match target {
        Some(r) => match range(cx, r, s.span) {
            Some(c) => Some(c),
            None => return,
        },
        None => None,
    };
    let label = cx.label("perform");
    let emit_body = |cx: &mut Ctx<'_>, code: &mut Code| {
        if let Some(c) = &call {
            code.line(c);
        }
        if let Some(b) = body {
            // EXIT PERFORM CYCLE needs a block to leave; without it the body is emitted as is.
            if mentions(b, &|k| matches!(k, K::Exit(ExitKind::PerformCycle))) {
                let cycle = cx.label("body");
                code.open(format!("{cycle}: {{"));
                cx.loop_labels.push((label.clone(), cycle));
                block(cx, code, b);
                cx.loop_labels.pop();
                code.close("}");
            } else {
                cx.loop_labels.push((label.clone(), String::new()));
                block(cx, code, b);
                cx.loop_labels.pop();
            }
        }
    };
    match kind {
        PerformKind::Once => {
            if body.is_some() {
                code.open(format!("{label}: loop {{"));
                emit_body(cx, code);
                code.line(format!("break {label};"));
                code.close("}");
            } else {
                emit_body(cx, code);
            }
        }
        PerformKind::Times(n) => {
            let v = ops::num(cx, n);
            code.open(format!("{label}: for _ in 0..{v}.to_i64().max(0) {{"));
            emit_body(cx, code);
            code.close("}");
        }
        PerformKind::Until {
            test_after,
            condition,
        } => {
            let c = ops::condition(cx, condition);
            if *test_after {
                code.open(format!("{label}: loop {{"));
                emit_body(cx, code);
                code.open(format!("if {} {{", super::bare(&c)));
                code.line(format!("break {label};"));
                code.close("}");
                code.close("}");
            } else {
                code.open(format!("{label}: while !({}) {{", super::bare(&c)));
                emit_body(cx, code);
                code.close("}");
            }
        }
        PerformKind::Varying {
            test_after,
            clauses,
        } => {
            if *test_after {
                cx.refuse(
                    s.span,
                    "PERFORM VARYING WITH TEST AFTER",
                    "PERFORM VARYING WITH TEST AFTER is not translated yet",
                );
                return;
            }
            varying(cx, code, clauses, 0, &label, &emit_body);
        }
    }
}

/// PERFORM VARYING a FROM .. BY .. UNTIL .. AFTER b ...: every identifier is set first; the innermost
/// varies fastest; when an inner condition turns true, the next outer identifier steps and the inner
/// one is set back to its FROM value before the outer condition is tested (COBOL's Format 4 rules).
fn varying(
    cx: &mut Ctx<'_>,
    code: &mut Code,
    clauses: &[ferry_syntax::ast::VaryingClause],
    depth: usize,
    label: &str,
    emit_body: &dyn Fn(&mut Ctx<'_>, &mut Code),
) {
    if depth == 0 {
        for c in clauses {
            let item = ops::field(cx, &c.item);
            let from = ops::expr_value(cx, &c.from);
            code.line(format!("rt::move_value(&mut self.mem, {from}, {item});"));
        }
    }
    let Some(c) = clauses.get(depth) else {
        emit_body(cx, code);
        return;
    };
    let item = ops::field(cx, &c.item);
    let by = ops::expr_value(cx, &c.by);
    let cond = ops::condition(cx, &c.until);
    let loop_label = if depth == 0 {
        label.to_string()
    } else {
        cx.label("vary")
    };
    code.open(format!("{loop_label}: while !({}) {{", super::bare(&cond)));
    varying(cx, code, clauses, depth + 1, label, emit_body);
    code.line(format!("rt::step(&mut self.mem, {item}, {by});"));
    if let Some(inner) = clauses.get(depth + 1) {
        let inner_item = ops::field(cx, &inner.item);
        let inner_from = ops::expr_value(cx, &inner.from);
        code.line(format!(
            "rt::move_value(&mut self.mem, {inner_from}, {inner_item});"
        ));
    }
    code.close("}");
}

/// `CONSOLE IS CRT` in SPECIAL-NAMES: cobc sends every DISPLAY and ACCEPT without UPON / FROM to
/// the screen (curses), not to stdout / stdin (checked against cobc 3.1.2: without a terminal
/// the run stops with "Error opening terminal").
fn console_is_crt(cx: &Ctx<'_>) -> bool {
    cx.program
        .environment
        .special_names
        .mnemonics
        .iter()
        .any(|(m, device)| m == "CRT" && device == "CONSOLE")
}
