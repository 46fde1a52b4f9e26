//! SCREEN SECTION and REPORT SECTION (Report Writer) entries, and the screen phrases of DISPLAY /
//! ACCEPT.

use super::cst::Node;

use super::{field, fields, has_kw, kid, kids, span, Lowerer};
use crate::ast::*;

/// Items that nest by level number (screen items, report items).
trait Nested: Sized {
    fn level(&self) -> u8;
    fn span_mut(&mut self) -> &mut Span;
    fn children_mut(&mut self) -> &mut Vec<Self>;
}

impl Nested for ScreenItem {
    fn level(&self) -> u8 {
        self.level
    }
    fn span_mut(&mut self) -> &mut Span {
        &mut self.span
    }
    fn children_mut(&mut self) -> &mut Vec<Self> {
        &mut self.children
    }
}

impl Nested for ReportItem {
    fn level(&self) -> u8 {
        self.level
    }
    fn span_mut(&mut self) -> &mut Span {
        &mut self.span
    }
    fn children_mut(&mut self) -> &mut Vec<Self> {
        &mut self.children
    }
}

fn close_one<T: Nested>(stack: &mut Vec<T>, top: &mut Vec<T>) {
    if let Some(mut done) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => {
                let end = done.span_mut().end;
                let pend = &mut parent.span_mut().end;
                *pend = (*pend).max(end);
                parent.children_mut().push(done);
            }
            None => top.push(done),
        }
    }
}

impl<'s> Lowerer<'s> {
    /// Nests items by level number: 01 starts a new top entry, a higher level goes under the
    /// nearest lower one. Levels outside 01-49 are reported.
    fn nest<T: Nested>(&mut self, items: Vec<T>, what: &str) -> Vec<T> {
        let mut top = Vec::new();
        let mut stack: Vec<T> = Vec::new();
        for mut item in items {
            let level = item.level();
            if !(1..=49).contains(&level) {
                let at = *item.span_mut();
                self.error(at, format!("invalid level number {level:02} in the {what}"));
            }
            if level <= 1 {
                while !stack.is_empty() {
                    close_one(&mut stack, &mut top);
                }
                stack.push(item);
                continue;
            }
            while stack.last().is_some_and(|p| p.level() >= level) {
                close_one(&mut stack, &mut top);
            }
            if stack.is_empty() {
                let at = *item.span_mut();
                self.error(
                    at,
                    format!("level {level:02} entry outside a level 01 entry"),
                );
            }
            stack.push(item);
        }
        while !stack.is_empty() {
            close_one(&mut stack, &mut top);
        }
        top
    }

    fn level_of(&self, n: Node) -> u8 {
        field(n, "level")
            .and_then(|l| self.text(l).parse::<u8>().ok())
            .unwrap_or(0)
    }

    fn entry_name(&self, n: Node) -> Option<String> {
        field(n, "name")
            .filter(|x| x.kind() == "word")
            .map(|x| self.upper(x))
    }

    pub(super) fn position(&mut self, n: Node) -> Option<Position> {
        let value = field(n, "value")?;
        let relative = field(n, "relative").map(|r| match r.kind() {
            "MINUS" | "-" => Relative::Minus,
            _ => Relative::Plus,
        });
        Some(Position {
            relative,
            value: self.operand(value),
        })
    }

    pub(super) fn screen_attribute(&mut self, n: Node) -> Option<ScreenAttribute> {
        use ScreenAttribute as A;
        let first = n.child(0)?;
        let second = n.child(1).map(|c| c.kind()).unwrap_or("");
        Some(match first.kind() {
            "BLANK" if second == "LINE" => A::BlankLine,
            "BLANK" => A::BlankScreen,
            "ERASE" => {
                if has_kw(n, "EOS") || has_kw(n, "SCREEN") {
                    A::EraseEos
                } else {
                    A::EraseEol
                }
            }
            "FOREGROUND-COLOR" | "FOREGROUND-COLOUR" | "BACKGROUND-COLOR" | "BACKGROUND-COLOUR" => {
                let v = kids(n).into_iter().next_back()?;
                let v = self.operand(v);
                if first.kind().starts_with("FOREGROUND") {
                    A::ForegroundColor(v)
                } else {
                    A::BackgroundColor(v)
                }
            }
            "HIGHLIGHT" => A::Highlight,
            "LOWLIGHT" => A::Lowlight,
            "REVERSE-VIDEO" => A::ReverseVideo,
            "UNDERLINE" => A::Underline,
            "OVERLINE" => A::Overline,
            "LEFTLINE" => A::Leftline,
            "GRID" => A::Grid,
            "BELL" | "BEEP" => A::Bell,
            "BLINK" => A::Blink,
            "AUTO" | "AUTO-SKIP" | "AUTOTERMINATE" => A::Auto,
            "SECURE" | "NO-ECHO" => A::Secure,
            "REQUIRED" | "EMPTY-CHECK" => A::Required,
            "FULL" | "LENGTH-CHECK" => A::Full,
            "UPPER" => A::Upper,
            "LOWER" => A::Lower,
            "UPDATE" => A::Update,
            "PROMPT" => A::Prompt,
            other => {
                self.error(span(n), format!("unknown screen attribute {other}"));
                return None;
            }
        })
    }

    // ------------------------------------------------------------------------- SCREEN SECTION

    pub(super) fn screen_section(&mut self, n: Node) -> Vec<ScreenItem> {
        let items = kids(n)
            .into_iter()
            .filter(|e| e.kind() == "screen_entry")
            .map(|e| self.screen_item(e))
            .collect();
        self.nest(items, "SCREEN SECTION")
    }

    fn screen_item(&mut self, n: Node) -> ScreenItem {
        let mut item = ScreenItem {
            level: self.level_of(n),
            name: self.entry_name(n),
            line: None,
            column: None,
            picture: None,
            value: None,
            from: None,
            to: None,
            using: None,
            attributes: Vec::new(),
            usage: Usage::Display,
            sign: None,
            justified_right: false,
            blank_when_zero: false,
            occurs: None,
            global: false,
            children: Vec::new(),
            span: span(n),
        };
        for c in kids(n) {
            match c.kind() {
                "line_clause" => item.line = self.position(c),
                "column_clause" => item.column = self.position(c),
                "picture_clause" => item.picture = self.picture_of(c),
                "screen_value_clause" => item.value = field(c, "value").map(|v| self.literal(v)),
                "screen_from_clause" => item.from = field(c, "value").map(|v| self.operand(v)),
                "screen_to_clause" => item.to = field(c, "value").map(|v| self.data_ref(v)),
                "screen_using_clause" => item.using = field(c, "value").map(|v| self.data_ref(v)),
                "screen_attribute" => item.attributes.extend(self.screen_attribute(c)),
                "usage_clause" => item.usage = self.usage_of(c),
                "sign_clause" => item.sign = Some(self.sign_of(c)),
                "justified_clause" => item.justified_right = true,
                "blank_when_zero_clause" => item.blank_when_zero = true,
                "occurs_clause" => item.occurs = Some(self.occurs(c)),
                "global_clause" => item.global = true,
                _ => {}
            }
        }
        item
    }

    // ------------------------------------------------------------------------- REPORT SECTION

    pub(super) fn report_section(&mut self, n: Node) -> Vec<ReportDescription> {
        kids(n)
            .into_iter()
            .filter(|r| r.kind() == "report_description")
            .map(|r| self.report_description(r))
            .collect()
    }

    fn report_control(&mut self, n: Node) -> ReportControl {
        if n.kind() == "FINAL" {
            ReportControl::Final
        } else {
            ReportControl::Item(self.data_ref(n))
        }
    }

    fn report_description(&mut self, n: Node) -> ReportDescription {
        let mut rd = ReportDescription {
            name: field(n, "name").map(|x| self.upper(x)).unwrap_or_default(),
            global: false,
            controls: Vec::new(),
            page_limit: None,
            heading: None,
            first_detail: None,
            last_detail: None,
            footing: None,
            groups: Vec::new(),
            span: span(n),
        };
        let mut entries = Vec::new();
        for c in kids(n) {
            match c.kind() {
                "global_clause" => rd.global = true,
                "controls_clause" => {
                    rd.controls = fields(c, "control")
                        .into_iter()
                        .map(|x| self.report_control(x))
                        .collect()
                }
                "page_limit_clause" => rd.page_limit = self.number_u32(field(c, "lines")),
                "heading_clause" => rd.heading = self.number_u32(field(c, "value")),
                "first_detail_clause" => rd.first_detail = self.number_u32(field(c, "value")),
                "last_detail_clause" => rd.last_detail = self.number_u32(field(c, "value")),
                "footing_clause" => rd.footing = self.number_u32(field(c, "value")),
                "report_entry" => entries.push(self.report_item(c)),
                _ => {}
            }
        }
        rd.groups = self.nest(entries, "REPORT SECTION");
        rd
    }

    fn report_item(&mut self, n: Node) -> ReportItem {
        let mut item = ReportItem {
            level: self.level_of(n),
            name: self.entry_name(n),
            group_type: None,
            line: None,
            line_next_page: false,
            next_group: None,
            column: None,
            picture: None,
            usage: Usage::Display,
            sign: None,
            justified_right: false,
            blank_when_zero: false,
            value: None,
            source: None,
            sum: None,
            group_indicate: false,
            present_when: None,
            occurs: None,
            children: Vec::new(),
            span: span(n),
        };
        for c in kids(n) {
            match c.kind() {
                "type_clause" => item.group_type = Some(self.group_type(c)),
                "line_clause" => {
                    if field(c, "next_page").is_some() {
                        item.line_next_page = true;
                    } else {
                        item.line = self.position(c);
                    }
                }
                "next_group_clause" => {
                    item.next_group = if field(c, "next_page").is_some() {
                        Some(NextGroup::NextPage)
                    } else {
                        let v = self.number_u32(field(c, "value"));
                        v.map(|v| match field(c, "relative") {
                            Some(_) => NextGroup::Plus(v),
                            None => NextGroup::Absolute(v),
                        })
                    }
                }
                "column_clause" => item.column = self.position(c),
                "source_clause" => item.source = field(c, "value").map(|v| self.operand(v)),
                "sum_clause" => {
                    let items = self.refs(fields(c, "item"));
                    let upon = fields(c, "upon")
                        .into_iter()
                        .map(|u| self.upper(u))
                        .collect();
                    let reset = field(c, "reset").map(|r| {
                        if r.kind() == "FINAL" {
                            ReportControl::Final
                        } else {
                            ReportControl::Item(DataRef {
                                name: self.upper(r),
                                qualifiers: Vec::new(),
                                subscripts: Vec::new(),
                                refmod: None,
                                span: span(r),
                            })
                        }
                    });
                    item.sum = Some(ReportSum { items, upon, reset });
                }
                "group_indicate_clause" => item.group_indicate = true,
                "present_when_clause" => {
                    item.present_when = field(c, "condition").map(|x| self.condition(x))
                }
                "picture_clause" => item.picture = self.picture_of(c),
                "usage_clause" => item.usage = self.usage_of(c),
                "sign_clause" => item.sign = Some(self.sign_of(c)),
                "justified_clause" => item.justified_right = true,
                "blank_when_zero_clause" => item.blank_when_zero = true,
                "value_clause" => {
                    let values: Vec<_> = kids(c)
                        .into_iter()
                        .filter(|v| v.kind() == "value_item")
                        .flat_map(|v| self.value_item(v))
                        .collect();
                    item.value = values.into_iter().next().map(|(v, _)| v);
                }
                "occurs_clause" => item.occurs = Some(self.occurs(c)),
                _ => {}
            }
        }
        item
    }

    fn group_type(&mut self, n: Node) -> ReportGroupType {
        let kinds: Vec<&str> = fields(n, "kind").iter().map(|k| k.kind()).collect();
        let control = field(n, "control").map(|c| self.report_control(c));
        match kinds.as_slice() {
            ["REPORT", "HEADING"] | ["RH"] => ReportGroupType::ReportHeading,
            ["PAGE", "HEADING"] | ["PH"] => ReportGroupType::PageHeading,
            ["CONTROL", "HEADING"] | ["CH"] => ReportGroupType::ControlHeading(control),
            ["CONTROL", "FOOTING"] | ["CF"] => ReportGroupType::ControlFooting(control),
            ["PAGE", "FOOTING"] | ["PF"] => ReportGroupType::PageFooting,
            ["REPORT", "FOOTING"] | ["RF"] => ReportGroupType::ReportFooting,
            _ => ReportGroupType::Detail,
        }
    }

    // ------------------------------------------------------------------- DISPLAY / ACCEPT phrases

    /// The screen phrases of a DISPLAY or ACCEPT node: position and attributes.
    pub(super) fn screen_phrases(&mut self, n: Node) -> (ScreenAt, Vec<ScreenAttribute>) {
        let mut at = ScreenAt::default();
        let mut attributes = Vec::new();
        for c in kids(n) {
            match c.kind() {
                "at_position" => {
                    let pos = field(c, "position").map(|p| self.operand(p));
                    // END, END-OF-PAGE and EOP are reserved: `DISPLAY x AT END` is a misplaced
                    // AT END phrase, not a screen position.
                    if let Some(Operand::Ref(r)) = &pos {
                        if r.qualifiers.is_empty()
                            && matches!(r.name.as_str(), "END" | "END-OF-PAGE" | "EOP")
                        {
                            self.error(
                                span(c),
                                format!(
                                    "`AT {}` phrase does not belong to any statement before it",
                                    r.name
                                ),
                            );
                        }
                    }
                    at.combined = pos;
                }
                "line_clause" => at.line = self.position(c),
                "column_clause" => at.column = self.position(c),
                "screen_attribute" => attributes.extend(self.screen_attribute(c)),
                _ => {}
            }
        }
        (at, attributes)
    }

    pub(super) fn has_screen_phrase(&self, n: Node) -> bool {
        kid(
            n,
            &[
                "at_position",
                "line_clause",
                "column_clause",
                "screen_attribute",
            ],
        )
        .is_some()
    }
}
