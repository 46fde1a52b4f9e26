//! Constant propagation for dynamic CALL targets.
//!
//! An identifier is resolved when every value it can hold is a literal: its WORKING-STORAGE /
//! LOCAL-STORAGE `VALUE` and the literals MOVEd into it. Any other write (MOVE of a data item, ACCEPT,
//! STRING, UNSTRING, INITIALIZE, SET, READ INTO, passing it BY REFERENCE, a write to an enclosing group
//! or a subordinate item) makes it unresolved.

use std::collections::{BTreeMap, BTreeSet};

use ferry_syntax::ast::{self, DataItem, Literal, Operand, PassBy, SetAction, StatementKind};

use super::walk::for_each_statement;

#[derive(Debug, Default)]
struct Writes {
    literals: BTreeSet<String>,
    other: bool,
}

/// What the program's data division and MOVEs say about alphanumeric constants.
#[derive(Debug, Default)]
pub struct Constants {
    /// Initial VALUE literals per data name (several when a name is declared more than once).
    values: BTreeMap<String, BTreeSet<String>>,
    /// Names of the groups containing an item, and of the items it contains.
    related: BTreeMap<String, BTreeSet<String>>,
    writes: BTreeMap<String, Writes>,
}

/// The value of a literal usable as a program name, upper-cased and trimmed; None for figuratives and
/// numerics.
pub fn literal_text(lit: &Literal) -> Option<String> {
    match lit {
        Literal::Alphanumeric(bytes) => {
            let s = String::from_utf8_lossy(bytes).trim().to_ascii_uppercase();
            (!s.is_empty()).then_some(s)
        }
        _ => None,
    }
}

/// What constant propagation says about an identifier.
pub enum Value {
    /// Every possible value (sorted, non-empty).
    Known(Vec<String>),
    /// Unknown; the literals seen (possibly none).
    Unknown(Vec<String>),
}

impl Constants {
    pub fn collect(program: &ast::Program) -> Constants {
        let mut c = Constants::default();
        for item in program
            .data
            .working_storage
            .iter()
            .chain(&program.data.local_storage)
        {
            c.add_item(item, &mut Vec::new());
        }
        if let Some(pd) = &program.procedure {
            for section in pd.declaratives.iter().chain(&pd.sections) {
                for para in &section.paragraphs {
                    for sentence in &para.sentences {
                        for_each_statement(&sentence.statements, &mut |s| c.note_writes(&s.kind));
                    }
                }
            }
        }
        c
    }

    fn add_item(&mut self, item: &DataItem, ancestors: &mut Vec<String>) {
        let name = item.name.as_ref().map(|n| n.to_ascii_uppercase());
        if let Some(n) = &name {
            if let Some(v) = item.value.as_ref().and_then(literal_text) {
                self.values.entry(n.clone()).or_default().insert(v);
            } else {
                self.values.entry(n.clone()).or_default();
            }
            for a in ancestors.iter() {
                self.related.entry(n.clone()).or_default().insert(a.clone());
                self.related.entry(a.clone()).or_default().insert(n.clone());
            }
            if let Some(r) = &item.redefines {
                let r = r.to_ascii_uppercase();
                self.related.entry(n.clone()).or_default().insert(r.clone());
                self.related.entry(r).or_default().insert(n.clone());
            }
        }
        let pushed = name.is_some();
        if let Some(n) = name {
            ancestors.push(n);
        }
        for child in &item.children {
            self.add_item(child, ancestors);
        }
        if pushed {
            ancestors.pop();
        }
    }

    fn other(&mut self, name: &str) {
        self.writes
            .entry(name.to_ascii_uppercase())
            .or_default()
            .other = true;
    }

    fn note_writes(&mut self, kind: &StatementKind) {
        match kind {
            StatementKind::Move { from, to, .. } => {
                let lit = match from {
                    Operand::Literal(l) => literal_text(l),
                    _ => None,
                };
                for t in to {
                    match (&lit, t.refmod.is_some()) {
                        (Some(v), false) => {
                            self.writes
                                .entry(t.name.to_ascii_uppercase())
                                .or_default()
                                .literals
                                .insert(v.clone());
                        }
                        _ => self.other(&t.name),
                    }
                }
            }
            StatementKind::Accept { target, .. } => self.other(&target.name),
            StatementKind::String { into, .. } => self.other(&into.name),
            StatementKind::Unstring { targets, .. } => {
                targets.iter().for_each(|t| self.other(&t.item.name))
            }
            StatementKind::Initialize { targets, .. } => {
                targets.iter().for_each(|t| self.other(&t.name))
            }
            StatementKind::Inspect {
                target,
                replacing,
                converting,
                ..
            } if !replacing.is_empty() || converting.is_some() => self.other(&target.name),
            StatementKind::Set(SetAction::To { targets, .. }) => {
                targets.iter().for_each(|t| self.other(&t.name))
            }
            StatementKind::Read { into: Some(i), .. }
            | StatementKind::Return { into: Some(i), .. } => self.other(&i.name),
            StatementKind::Call { using, .. } => {
                for arg in using {
                    if let (PassBy::Reference, Some(Operand::Ref(r))) = (arg.by, &arg.value) {
                        self.other(&r.name);
                    }
                }
            }
            _ => {}
        }
    }

    /// Every value `name` can hold when used as a CALL target.
    pub fn value_of(&self, name: &str) -> Value {
        let name = name.to_ascii_uppercase();
        let mut values: BTreeSet<String> = BTreeSet::new();
        let declared = self.values.get(&name);
        if let Some(v) = declared {
            values.extend(v.iter().cloned());
        }
        let mut unknown = match declared {
            Some(v) => v.is_empty(),
            None => true,
        };
        if let Some(w) = self.writes.get(&name) {
            values.extend(w.literals.iter().cloned());
            unknown |= w.other;
        }
        if let Some(rel) = self.related.get(&name) {
            if rel.iter().any(|r| self.writes.contains_key(r)) {
                unknown = true;
            }
        }
        let values: Vec<String> = values.into_iter().collect();
        if unknown || values.is_empty() {
            Value::Unknown(values)
        } else {
            Value::Known(values)
        }
    }
}
