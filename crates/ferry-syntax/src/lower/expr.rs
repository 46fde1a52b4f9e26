//! Literals, operands, data references and arithmetic expressions.

use super::cst::Node;

use super::{field, fields, kid, kids, span, Lowerer};
use crate::ast::*;

impl<'s> Lowerer<'s> {
    /// Lowers any literal node (`number`, `string`, `hex_string`, `prefixed_string`, `figurative`,
    /// `all_literal`).
    pub(super) fn literal(&mut self, n: Node) -> Literal {
        match n.kind() {
            "number" => Literal::Numeric(self.numeric_text(n)),
            "string" => {
                let bytes = self.original_bytes(n, self.string_bytes(n));
                // cobc 3.1.2: "alphanumeric literal has zero length; a SPACE will be assumed".
                if bytes.is_empty() {
                    Literal::Alphanumeric(vec![b' '])
                } else {
                    Literal::Alphanumeric(bytes)
                }
            }
            "hex_string" => Literal::Alphanumeric(self.hex_bytes(n)),
            "prefixed_string" => {
                let text = self.text(n);
                let mut bytes = unquote(&text[1..]);
                if text.starts_with(['z', 'Z']) {
                    bytes.push(0);
                }
                Literal::Alphanumeric(self.original_bytes(n, bytes))
            }
            "figurative" => Literal::Figurative(figurative(&self.upper(n))),
            "all_literal" => match kids(n).into_iter().next() {
                Some(inner) => Literal::All(Box::new(self.literal(inner))),
                None => Literal::Alphanumeric(Vec::new()),
            },
            other => {
                self.error(span(n), format!("expected a literal, found {other}"));
                Literal::Alphanumeric(Vec::new())
            }
        }
    }

    /// Normalised numeric literal text: the sign as written, `.` as the decimal point.
    pub(super) fn numeric_text(&mut self, n: Node) -> String {
        let raw = self.text(n);
        // The sign is kept as written (DISPLAY +7 prints `+7`).
        let (sign, rest) = match raw.strip_prefix('+') {
            Some(r) => ("+", r),
            None => ("", raw),
        };
        // `,5` is a decimal fraction only under DECIMAL-POINT IS COMMA; otherwise the comma is a
        // separator before the number.
        let rest = match rest.strip_prefix(',') {
            Some(r) if !self.decimal_comma => r,
            _ => rest,
        };
        let t = format!("{sign}{rest}");
        if t.contains(',') {
            if !self.decimal_comma {
                self.error(
                    span(n),
                    format!("numeric literal `{t}` uses a decimal comma but DECIMAL-POINT IS COMMA is not in effect"),
                );
            }
            return t.replace(',', ".");
        }
        if self.decimal_comma && t.contains('.') {
            self.error(
                span(n),
                format!("numeric literal `{t}` uses `.` but DECIMAL-POINT IS COMMA is in effect"),
            );
        }
        t
    }

    /// `1,2` written without spaces is two numbers unless DECIMAL-POINT IS COMMA is in effect. Used in
    /// lists (subscripts, arguments, VALUE lists) where GnuCOBOL splits it.
    pub(super) fn split_numbers(&self, n: Node) -> Option<Vec<String>> {
        if n.kind() != "number" || self.decimal_comma {
            return None;
        }
        let t = self.text(n);
        if !t.contains(',') {
            return None;
        }
        Some(
            t.split(',')
                .map(|p| p.strip_prefix('+').unwrap_or(p).to_string())
                .collect(),
        )
    }

    pub(super) fn string_bytes(&self, n: Node) -> Vec<u8> {
        unquote(self.text(n))
    }

    /// The bytes of the original file for literal content `bytes` (UTF-8 of the preprocessed text):
    /// unchanged for UTF-8 sources; for a source read as Latin-1 each character is one byte again.
    fn original_bytes(&self, n: Node, bytes: Vec<u8>) -> Vec<u8> {
        let at = n.start_byte();
        let i = self.latin1.partition_point(|r| r.end <= at);
        if !self.latin1.get(i).is_some_and(|r| r.contains(&at)) || bytes.is_ascii() {
            return bytes;
        }
        match String::from_utf8(bytes) {
            Ok(s) if s.chars().all(|c| (c as u32) < 0x100) => {
                s.chars().map(|c| c as u32 as u8).collect()
            }
            Ok(s) => s.into_bytes(),
            Err(e) => e.into_bytes(),
        }
    }

    fn hex_bytes(&mut self, n: Node) -> Vec<u8> {
        let t = self.text(n);
        let digits: Vec<u8> = t[1..].bytes().filter(|b| b.is_ascii_hexdigit()).collect();
        if digits.len() & 1 == 1 {
            self.error(
                span(n),
                format!("hexadecimal literal {t} has an odd number of digits"),
            );
        }
        digits
            .chunks(2)
            .map(|c| {
                let s = std::str::from_utf8(c).unwrap_or("0");
                u8::from_str_radix(s, 16).unwrap_or(0)
            })
            .collect()
    }

    /// Any operand node: data reference, literal, FUNCTION, LENGTH OF, ADDRESS OF.
    pub(super) fn operand(&mut self, n: Node) -> Operand {
        match n.kind() {
            "data_ref" => match self.bare_intrinsic(n) {
                Some(f) => Operand::Function(f),
                None => Operand::Ref(self.data_ref(n)),
            },
            "function_call" => Operand::Function(self.function_call(n)),
            "length_function" => Operand::Function(self.length_function(n)),
            "length_of" => Operand::LengthOf(self.inner_ref(n)),
            "address_of" => Operand::AddressOf(self.inner_ref(n)),
            "target" => match field(n, "item") {
                Some(item) => self.operand(item),
                None => Operand::Literal(Literal::Numeric("0".into())),
            },
            "paren_expression" | "binary_expression" | "unary_expression" => {
                self.error(
                    span(n),
                    "expected an identifier or literal, found an arithmetic expression",
                );
                Operand::Literal(Literal::Numeric("0".into()))
            }
            _ => Operand::Literal(self.literal(n)),
        }
    }

    /// Operands of a list, splitting `1,2` into two numbers where needed.
    pub(super) fn operands(&mut self, nodes: Vec<Node>) -> Vec<Operand> {
        let mut out = Vec::new();
        for n in nodes {
            match self.split_numbers(n) {
                Some(parts) => out.extend(
                    parts
                        .into_iter()
                        .map(|p| Operand::Literal(Literal::Numeric(p))),
                ),
                None => out.push(self.operand(n)),
            }
        }
        out
    }

    fn inner_ref(&mut self, n: Node) -> DataRef {
        match kid(n, &["data_ref"]) {
            Some(r) => self.data_ref(r),
            None => DataRef {
                name: String::new(),
                qualifiers: Vec::new(),
                subscripts: Vec::new(),
                refmod: None,
                span: span(n),
            },
        }
    }

    pub(super) fn data_ref(&mut self, n: Node) -> DataRef {
        if n.kind() != "data_ref" {
            // e.g. a numeric literal where a receiving item is required
            self.error(
                span(n),
                format!("expected a data item, found `{}`", self.text(n)),
            );
            return DataRef {
                name: self.upper(n),
                qualifiers: Vec::new(),
                subscripts: Vec::new(),
                refmod: None,
                span: span(n),
            };
        }
        let name = field(n, "name").map(|x| self.upper(x)).unwrap_or_default();
        let qualifiers: Vec<String> = fields(n, "qualifier")
            .into_iter()
            .map(|q| self.upper(q))
            .collect();
        if self.in_args == 0 {
            if let Some(bad) = std::iter::once(&name)
                .chain(qualifiers.iter())
                .find(|w| super::reserved::is_reserved(w))
            {
                self.error(span(n), format!("reserved word {bad} used as a data name (a garbled or misspelt statement?)"));
            }
        }
        if qualifiers.is_empty() && n.named_child_count() == 1 {
            self.check_missing_period(n, &name);
        }
        let subscripts = match kid(n, &["subscripts"]) {
            Some(s) => self.expr_list(kids(s)),
            None => Vec::new(),
        };
        let refmod = kid(n, &["refmod"]).map(|r| self.refmod(r));
        DataRef {
            name,
            qualifiers,
            subscripts,
            refmod,
            span: span(n),
        }
    }

    /// `MOVE 1 TO A` + newline + `P2.` with the period after `A` forgotten: `P2` lowers as one more
    /// receiver. Flag an undeclared name that stands alone on its line right before a period.
    fn check_missing_period(&mut self, n: Node, name: &str) {
        if self.data_names.contains(name) || SPECIAL_NAMES_OK.contains(&name) || !self.names_known()
        {
            return;
        }
        let line_start = self.src[..n.start_byte()].rfind('\n').map_or(0, |i| i + 1);
        let alone = self.src[line_start..n.start_byte()].trim().is_empty();
        let rest = self.src[n.end_byte()..].trim_start_matches([' ', '\t']);
        if alone && (rest.starts_with(".\n") || rest.starts_with(".\r") || rest == ".") {
            self.error(span(n), format!("{name} is not a declared data item; missing separator period before paragraph {name}?"));
        }
    }

    /// The heuristic above needs the unit's data names (a program without any is probably a fragment).
    fn names_known(&self) -> bool {
        !self.data_names.is_empty()
    }

    fn refmod(&mut self, n: Node) -> (Box<Expr>, Option<Box<Expr>>) {
        let start = match field(n, "start") {
            Some(s) => self.expr(s),
            None => Expr::Operand(Operand::Literal(Literal::Numeric("1".into()))),
        };
        let length = field(n, "length").map(|l| Box::new(self.expr(l)));
        (Box::new(start), length)
    }

    /// `TRIM (x)` / `CURRENT-DATE` without the word FUNCTION, where REPOSITORY allows it: parsed as a
    /// data reference whose subscripts are the arguments. A declared data item of the same name wins.
    fn bare_intrinsic(&mut self, n: Node) -> Option<FunctionCall> {
        let name = field(n, "name").map(|x| self.upper(x))?;
        if !self.bare_intrinsics.contains(&name)
            || self.data_names.contains(&name)
            || !fields(n, "qualifier").is_empty()
        {
            return None;
        }
        self.in_args += 1;
        let args = match kid(n, &["subscripts"]) {
            Some(s) => self.expr_list(kids(s)),
            None => Vec::new(),
        };
        self.in_args -= 1;
        let refmod = kid(n, &["refmod"]).map(|r| self.refmod(r));
        Some(FunctionCall {
            name,
            args,
            refmod,
            span: span(n),
        })
    }

    /// `LENGTH (x)` without the word FUNCTION.
    fn length_function(&mut self, n: Node) -> FunctionCall {
        if !self.bare_intrinsics.contains("LENGTH") {
            self.error(
                span(n),
                "LENGTH (...) without FUNCTION needs REPOSITORY. FUNCTION LENGTH INTRINSIC (or ALL INTRINSIC)",
            );
        }
        self.in_args += 1;
        let args = match kid(n, &["arguments"]) {
            Some(a) => self.expr_list(kids(a)),
            None => Vec::new(),
        };
        self.in_args -= 1;
        let refmod = kid(n, &["refmod"]).map(|r| self.refmod(r));
        FunctionCall {
            name: "LENGTH".into(),
            args,
            refmod,
            span: span(n),
        }
    }

    fn function_call(&mut self, n: Node) -> FunctionCall {
        let name = field(n, "name").map(|x| self.upper(x)).unwrap_or_default();
        self.in_args += 1;
        let args = match kid(n, &["arguments"]) {
            Some(a) => self.expr_list(kids(a)),
            None => Vec::new(),
        };
        self.in_args -= 1;
        let refmod = kid(n, &["refmod"]).map(|r| self.refmod(r));
        FunctionCall {
            name,
            args,
            refmod,
            span: span(n),
        }
    }

    fn expr_list(&mut self, nodes: Vec<Node>) -> Vec<Expr> {
        let mut out = Vec::new();
        for n in nodes {
            match self.split_numbers(n) {
                Some(parts) => out.extend(
                    parts
                        .into_iter()
                        .map(|p| Expr::Operand(Operand::Literal(Literal::Numeric(p)))),
                ),
                None => out.push(self.expr(n)),
            }
        }
        out
    }

    pub(super) fn expr(&mut self, n: Node) -> Expr {
        match n.kind() {
            "binary_expression" => {
                let op = match field(n, "op").map(|o| o.kind()) {
                    Some("+") => BinOp::Add,
                    Some("-") => BinOp::Sub,
                    Some("*") => BinOp::Mul,
                    Some("/") => BinOp::Div,
                    _ => BinOp::Pow,
                };
                let left = field(n, "left").map(|x| self.expr(x)).unwrap_or_else(zero);
                let right = field(n, "right").map(|x| self.expr(x)).unwrap_or_else(zero);
                Expr::Binary(op, Box::new(left), Box::new(right))
            }
            "unary_expression" => {
                let inner = field(n, "operand")
                    .map(|x| self.expr(x))
                    .unwrap_or_else(zero);
                if field(n, "op").is_some_and(|o| o.kind() == "-") {
                    Expr::Neg(Box::new(inner))
                } else {
                    inner
                }
            }
            "paren_expression" | "bare_condition" => match kids(n).into_iter().next() {
                Some(inner) => self.expr(inner),
                None => zero(),
            },
            _ => Expr::Operand(self.operand(n)),
        }
    }

    /// The text of an EXEC block and its kind.
    pub(super) fn exec_parts(&mut self, n: Node) -> (ExecKind, String) {
        let text = kid(n, &["exec_body"])
            .map(|b| self.text(b).trim().to_string())
            .unwrap_or_default();
        let first = text
            .split(|c: char| c.is_ascii_whitespace())
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let kind = match first.as_str() {
            "SQL" => ExecKind::Sql,
            "CICS" => ExecKind::Cics,
            "DLI" => ExecKind::Dli,
            _ => ExecKind::Other,
        };
        (kind, text)
    }
}

/// Special registers and names supplied by precompilers, never declared in the program.
const SPECIAL_NAMES_OK: &[&str] = &[
    "RETURN-CODE",
    "SORT-RETURN",
    "TALLY",
    "SQLCODE",
    "SQLSTATE",
    "SQLCA",
    "EIBCALEN",
    "EIBRESP",
    "EIBAID",
    "EIBTRNID",
    "DFHCOMMAREA",
    "WHEN-COMPILED",
    "DEBUG-ITEM",
    "LINAGE-COUNTER",
    "NUMBER-OF-CALL-PARAMETERS",
];

fn zero() -> Expr {
    Expr::Operand(Operand::Literal(Literal::Numeric("0".into())))
}

/// Content of a quoted literal `"..."` / `'...'` with doubled quotes collapsed.
fn unquote(t: &str) -> Vec<u8> {
    let bytes = t.as_bytes();
    if bytes.len() < 2 {
        return Vec::new();
    }
    let q = bytes[0];
    let inner = &bytes[1..bytes.len() - 1];
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        out.push(inner[i]);
        if inner[i] == q && i + 1 < inner.len() && inner[i + 1] == q {
            i += 1;
        }
        i += 1;
    }
    out
}

pub(super) fn figurative(word: &str) -> Figurative {
    match word {
        "ZERO" | "ZEROS" | "ZEROES" => Figurative::Zero,
        "SPACE" | "SPACES" => Figurative::Space,
        "HIGH-VALUE" | "HIGH-VALUES" => Figurative::HighValue,
        "LOW-VALUE" | "LOW-VALUES" => Figurative::LowValue,
        "QUOTE" | "QUOTES" => Figurative::Quote,
        _ => Figurative::Null,
    }
}
