//! The typed COBOL AST.
//!
//! Built from the tree-sitter CST by `lower`. Every node carries a [`Span`] into the *preprocessed*
//! text (after reference-format handling and COPY/REPLACE); `ferry_source::SourceMap` maps a span back to
//! the original file, line and column. Names are kept as written but upper-cased (COBOL is
//! case-insensitive); literals keep their exact bytes.
//!
//! Architecture invariant: this module knows COBOL syntax only. It does not compute storage layouts
//! (that is `ferry-model`), and knows nothing of graphs, translation or Rust.

use serde::{Deserialize, Serialize};

/// Byte range in the preprocessed text of one compilation unit.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One parsed file (a compilation unit may hold several programs, nested or consecutive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SourceUnit {
    pub programs: Vec<Program>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Program {
    /// PROGRAM-ID, upper-cased, quotes removed.
    pub name: String,
    pub is_common: bool,
    pub is_initial: bool,
    pub span: Span,
    pub environment: Environment,
    pub data: DataDivision,
    pub procedure: Option<ProcedureDivision>,
    /// Programs contained in this one (before its END PROGRAM).
    pub nested: Vec<Program>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Environment {
    pub special_names: SpecialNames,
    pub files: Vec<FileControl>,
    /// The second item of `FILE STATUS IS status extended` (VSAM return, function and feedback
    /// codes), per file name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extended_file_status: Vec<(String, DataRef)>,
    /// Intrinsic functions the REPOSITORY paragraph lets the program call without the word
    /// FUNCTION.
    #[serde(default, skip_serializing_if = "Repository::is_empty")]
    pub repository: Repository,
    /// OBJECT-COMPUTER `PROGRAM COLLATING SEQUENCE IS alphabet-name` (upper-cased).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_collating: Option<String>,
    /// SOURCE-COMPUTER `WITH DEBUGGING MODE`: debugging lines and USE FOR DEBUGGING are compiled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub debugging_mode: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Repository {
    /// `FUNCTION ALL INTRINSIC`
    pub all_intrinsic: bool,
    /// `FUNCTION name ... INTRINSIC`, upper-cased.
    pub intrinsic: Vec<String>,
}

impl Repository {
    pub fn is_empty(&self) -> bool {
        !self.all_intrinsic && self.intrinsic.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SpecialNames {
    pub decimal_point_is_comma: bool,
    /// CURRENCY SIGN IS literal (the sign text).
    pub currency_sign: Option<String>,
    /// mnemonic-name -> system name, e.g. `TOP-OF-PAGE` -> `C01`, `CONSOLE` -> `CONSOLE`.
    pub mnemonics: Vec<(String, String)>,
    /// CLASS name IS ... ranges (inclusive byte ranges).
    pub classes: Vec<ClassDef>,
    /// ALPHABET name IS ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alphabets: Vec<AlphabetDef>,
    /// SYMBOLIC CHARACTERS name IS n: the name stands for the character at ordinal position n
    /// (1-based) of the native character set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symbolic_characters: Vec<(String, u32)>,
    /// `CRT STATUS IS item`: the key that ended a screen ACCEPT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crt_status: Option<DataRef>,
    /// `CURSOR IS item`: the cursor position for screen ACCEPT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<DataRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlphabetDef {
    pub name: String,
    /// `NATIVE`, `STANDARD-1`, `STANDARD-2`, `EBCDIC`, `ASCII`, ... (upper-cased), or None for a
    /// literal collating sequence.
    pub system: Option<String>,
    /// The literal sequence in collating order.
    pub items: Vec<AlphabetItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AlphabetItem {
    /// One literal (several characters: one position each, in order).
    Literal(Literal),
    /// `a THRU b`
    Range(Literal, Literal),
    /// `a ALSO b ...`: characters sharing one position.
    Also(Vec<Literal>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassDef {
    pub name: String,
    pub ranges: Vec<(Literal, Option<Literal>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Organization {
    #[default]
    Sequential,
    LineSequential,
    Relative,
    Indexed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum AccessMode {
    #[default]
    Sequential,
    Random,
    Dynamic,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Assign {
    /// `ASSIGN TO "name"`
    Literal(String),
    /// `ASSIGN TO NAME` (an external name, or a data item holding the name)
    Name(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileControl {
    pub name: String,
    pub optional: bool,
    pub assign: Assign,
    pub organization: Organization,
    pub access: AccessMode,
    pub record_key: Option<DataRef>,
    pub alternate_keys: Vec<AlternateKey>,
    pub relative_key: Option<DataRef>,
    pub file_status: Option<DataRef>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlternateKey {
    pub key: DataRef,
    pub duplicates: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DataDivision {
    pub files: Vec<FileDescription>,
    pub working_storage: Vec<DataItem>,
    pub local_storage: Vec<DataItem>,
    pub linkage: Vec<DataItem>,
    /// `EXEC ... END-EXEC` blocks written among the data entries (e.g. `EXEC SQL INCLUDE SQLCA END-EXEC`,
    /// `EXEC SQL BEGIN DECLARE SECTION END-EXEC`), in source order.
    #[serde(default)]
    pub exec_blocks: Vec<ExecBlock>,
    /// Named constants: level 78 `VALUE` entries and `01 name CONSTANT AS literal` (GnuCOBOL). They
    /// take no storage, so they are kept out of the sections above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constants: Vec<Constant>,
    /// SCREEN SECTION: screen items nested by level number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub screen: Vec<ScreenItem>,
    /// REPORT SECTION: one entry per RD (Report Writer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ReportDescription>,
}

/// `PLUS` / `+` or `MINUS` / `-` before a LINE or COLUMN number: relative to the current position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Relative {
    Plus,
    Minus,
}

/// A LINE or COLUMN phrase of a screen item, a report item or a screen DISPLAY / ACCEPT.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub relative: Option<Relative>,
    pub value: Operand,
}

/// Where a screen DISPLAY / ACCEPT happens: `AT LINE l COL c`, `LINE l COL c` or `AT lc` (a
/// four- or six-digit line-and-column number or item).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ScreenAt {
    pub line: Option<Position>,
    pub column: Option<Position>,
    /// `AT 2010`: line and column in one value.
    pub combined: Option<Operand>,
}

/// Display attributes of a screen item, or of a DISPLAY / ACCEPT ... WITH.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ScreenAttribute {
    BlankScreen,
    BlankLine,
    EraseEol,
    EraseEos,
    ForegroundColor(Operand),
    BackgroundColor(Operand),
    Highlight,
    Lowlight,
    ReverseVideo,
    Underline,
    Overline,
    Leftline,
    Grid,
    /// BELL / BEEP
    Bell,
    Blink,
    /// AUTO / AUTO-SKIP / AUTOTERMINATE
    Auto,
    /// SECURE / NO-ECHO
    Secure,
    /// REQUIRED / EMPTY-CHECK
    Required,
    /// FULL / LENGTH-CHECK
    Full,
    Upper,
    Lower,
    Update,
    Prompt,
}

/// One entry of the SCREEN SECTION with its subordinate entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScreenItem {
    pub level: u8,
    /// None for FILLER or an unnamed entry.
    pub name: Option<String>,
    pub line: Option<Position>,
    pub column: Option<Position>,
    /// The PICTURE character-string as written.
    pub picture: Option<String>,
    /// `VALUE literal`: text shown as is.
    pub value: Option<Literal>,
    /// `FROM x`: shown on DISPLAY.
    pub from: Option<Operand>,
    /// `TO x`: filled on ACCEPT.
    pub to: Option<DataRef>,
    /// `USING x`: both.
    pub using: Option<DataRef>,
    pub attributes: Vec<ScreenAttribute>,
    pub usage: Usage,
    pub sign: Option<SignClause>,
    pub justified_right: bool,
    pub blank_when_zero: bool,
    pub occurs: Option<Occurs>,
    pub global: bool,
    pub children: Vec<ScreenItem>,
    pub span: Span,
}

/// A control of a report (CONTROLS ARE ..., TYPE CONTROL HEADING x, SUM ... RESET ON x).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReportControl {
    Final,
    Item(DataRef),
}

/// An RD entry with its report groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDescription {
    pub name: String,
    pub global: bool,
    /// `CONTROLS ARE FINAL a b`, major to minor.
    pub controls: Vec<ReportControl>,
    /// `PAGE LIMIT IS n LINES`
    pub page_limit: Option<u32>,
    pub heading: Option<u32>,
    pub first_detail: Option<u32>,
    pub last_detail: Option<u32>,
    pub footing: Option<u32>,
    /// Report group entries (level 01) with their subordinate entries.
    pub groups: Vec<ReportItem>,
    pub span: Span,
}

/// TYPE of a report group (RH, PH, CH, DE, CF, PF, RF).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReportGroupType {
    ReportHeading,
    PageHeading,
    ControlHeading(Option<ReportControl>),
    Detail,
    ControlFooting(Option<ReportControl>),
    PageFooting,
    ReportFooting,
}

/// `NEXT GROUP IS n | PLUS n | NEXT PAGE`, and the `NEXT PAGE` form of LINE.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NextGroup {
    Absolute(u32),
    Plus(u32),
    NextPage,
}

/// `SUM a b UPON group RESET ON control`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSum {
    pub items: Vec<DataRef>,
    pub upon: Vec<String>,
    pub reset: Option<ReportControl>,
}

/// One entry of a report group description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportItem {
    pub level: u8,
    pub name: Option<String>,
    pub group_type: Option<ReportGroupType>,
    /// `LINE NUMBER IS [PLUS] n`
    pub line: Option<Position>,
    /// `LINE NEXT PAGE`
    pub line_next_page: bool,
    pub next_group: Option<NextGroup>,
    pub column: Option<Position>,
    pub picture: Option<String>,
    pub usage: Usage,
    pub sign: Option<SignClause>,
    pub justified_right: bool,
    pub blank_when_zero: bool,
    pub value: Option<Literal>,
    pub source: Option<Operand>,
    pub sum: Option<ReportSum>,
    pub group_indicate: bool,
    pub present_when: Option<Condition>,
    pub occurs: Option<Occurs>,
    pub children: Vec<ReportItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Constant {
    pub name: String,
    pub value: Literal,
    pub span: Span,
}

/// An opaque `EXEC ... END-EXEC` block of the DATA DIVISION.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExecBlock {
    pub kind: ExecKind,
    /// The text between `EXEC` and `END-EXEC`, trimmed (starts with `SQL`, `CICS`, ...).
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FdKind {
    Fd,
    Sd,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileDescription {
    pub kind: FdKind,
    pub name: String,
    pub external: bool,
    pub global: bool,
    /// RECORD CONTAINS min [TO max] / RECORD VARYING FROM min TO max DEPENDING ON x.
    pub record_min: Option<u32>,
    pub record_max: Option<u32>,
    pub record_depending: Option<DataRef>,
    pub block_contains: Option<u32>,
    pub label_records_standard: Option<bool>,
    pub linage: Option<Linage>,
    /// `REPORT IS name ...`: the file is written by these reports (Report Writer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<String>,
    /// Level-01 records of the file (they share one record area).
    pub records: Vec<DataItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Linage {
    pub lines: Operand,
    pub footing: Option<Operand>,
    pub top: Option<Operand>,
    pub bottom: Option<Operand>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Usage {
    #[default]
    Display,
    /// COMP, COMP-4, BINARY: big-endian, truncated to the PICTURE digits.
    Binary,
    /// COMP-5 / COMP-X: native binary, not truncated to the picture.
    NativeBinary,
    /// COMP-3 / PACKED-DECIMAL
    Packed,
    /// COMP-1
    Float,
    /// COMP-2
    Double,
    Index,
    Pointer,
    National,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignClause {
    pub leading: bool,
    pub separate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurs {
    /// OCCURS min TO max (min is None for the fixed form).
    pub min: Option<u32>,
    pub max: u32,
    pub depending_on: Option<DataRef>,
    pub keys: Vec<OccursKey>,
    pub indexed_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OccursKey {
    pub ascending: bool,
    pub names: Vec<DataRef>,
}

/// One entry of a data description (levels 01-49, 66, 77, 88), with its subordinate items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataItem {
    pub level: u8,
    /// None for FILLER or an unnamed item.
    pub name: Option<String>,
    /// The PICTURE character-string exactly as written (e.g. `S9(5)V99`, `ZZ,ZZ9.99-`).
    pub picture: Option<String>,
    pub usage: Usage,
    pub sign: Option<SignClause>,
    pub occurs: Option<Occurs>,
    pub redefines: Option<String>,
    /// Level 66: RENAMES a [THRU b].
    pub renames: Option<(DataRef, Option<DataRef>)>,
    pub justified_right: bool,
    pub blank_when_zero: bool,
    pub synchronized: bool,
    pub external: bool,
    pub global: bool,
    /// VALUE for levels 01-49/77.
    pub value: Option<Literal>,
    /// VALUE(S) for level 88: each entry is a value or a THRU range.
    pub condition_values: Vec<(Literal, Option<Literal>)>,
    /// Level 88 `WHEN SET TO FALSE IS literal`.
    #[serde(default)]
    pub condition_false: Option<Literal>,
    pub children: Vec<DataItem>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Literal {
    /// A numeric literal as written, e.g. `-12.50`, `+3`, `.5` (with DECIMAL-POINT IS COMMA already
    /// normalised to a `.` decimal point).
    Numeric(String),
    /// Alphanumeric literal content (quotes removed, doubled quotes collapsed), or the bytes of a
    /// hexadecimal literal `X"..."`.
    Alphanumeric(Vec<u8>),
    Figurative(Figurative),
    /// `ALL literal`
    All(Box<Literal>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Figurative {
    Zero,
    Space,
    HighValue,
    LowValue,
    Quote,
    Null,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataRef {
    /// Upper-cased data name (or special register such as `RETURN-CODE`).
    pub name: String,
    /// `OF`/`IN` qualifiers, innermost first.
    pub qualifiers: Vec<String>,
    pub subscripts: Vec<Expr>,
    /// `(start : length)`; length None means to the end.
    pub refmod: Option<(Box<Expr>, Option<Box<Expr>>)>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Operand {
    Ref(DataRef),
    Literal(Literal),
    /// `FUNCTION NAME (args)` with optional reference modification.
    Function(FunctionCall),
    /// `LENGTH OF x`, `ADDRESS OF x`
    LengthOf(DataRef),
    AddressOf(DataRef),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunctionCall {
    pub name: String,
    pub args: Vec<Expr>,
    pub refmod: Option<(Box<Expr>, Option<Box<Expr>>)>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

/// Arithmetic expression (COMPUTE, subscripts, relation operands).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expr {
    Operand(Operand),
    Neg(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RelOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClassTest {
    Numeric,
    Alphabetic,
    AlphabeticLower,
    AlphabeticUpper,
    /// A class-name from SPECIAL-NAMES (index into `SpecialNames::classes` is resolved later).
    User,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignTest {
    Positive,
    Negative,
    Zero,
}

/// Conditions, with abbreviated combined relations (`A = 1 OR 2`) already expanded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    Relation {
        left: Expr,
        op: RelOp,
        right: Expr,
    },
    Class {
        operand: Expr,
        class: ClassTest,
        user_class: Option<String>,
        negated: bool,
    },
    Sign {
        operand: Expr,
        sign: SignTest,
        negated: bool,
    },
    /// A level-88 condition-name (possibly subscripted).
    ConditionName(DataRef),
    Not(Box<Condition>),
    And(Box<Condition>, Box<Condition>),
    Or(Box<Condition>, Box<Condition>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ProcedureDivision {
    pub using: Vec<UsingParam>,
    pub returning: Option<DataRef>,
    pub declaratives: Vec<Section>,
    /// Sections in order. Paragraphs written outside any section sit in a section with `name: None`.
    pub sections: Vec<Section>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum PassBy {
    #[default]
    Reference,
    Content,
    Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsingParam {
    pub by: PassBy,
    pub name: DataRef,
    /// `OPTIONAL`: the caller may omit the argument.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub name: Option<String>,
    /// `USE AFTER ... ERROR ON files/modes` for declarative sections.
    pub use_statement: Option<UseStatement>,
    /// Paragraphs; statements written before the first paragraph sit in a paragraph with `name: None`.
    pub paragraphs: Vec<Paragraph>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UseStatement {
    /// File names, or modes (`INPUT`, `OUTPUT`, `I-O`, `EXTEND`).
    pub targets: Vec<String>,
    /// `USE BEFORE REPORTING group` (Report Writer): the report group; `targets` is then empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_reporting: Option<String>,
    /// `USE FOR DEBUGGING ON ...`: `targets` are the procedure, data or file names (or `ALL`,
    /// `PROCEDURES`, `REFERENCES`, `OF` as written).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub debugging: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub name: Option<String>,
    pub sentences: Vec<Sentence>,
    pub span: Span,
}

/// Statements up to a separator period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub statements: Vec<Statement>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub kind: StatementKind,
    pub span: Span,
}

/// A receiving item of an arithmetic statement, with its ROUNDED phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub item: DataRef,
    pub rounded: Option<RoundingMode>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RoundingMode {
    /// Plain `ROUNDED` (nearest, away from zero on ties).
    #[default]
    NearestAwayFromZero,
    AwayFromZero,
    NearestEven,
    NearestTowardZero,
    TowardGreater,
    TowardLesser,
    Truncation,
    Prohibited,
}

/// Imperative statements for an optional phrase pair, e.g. ON SIZE ERROR / NOT ON SIZE ERROR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Handlers {
    pub on: Option<Vec<Statement>>,
    pub not_on: Option<Vec<Statement>>,
}

impl Handlers {
    pub fn is_empty(&self) -> bool {
        self.on.is_none() && self.not_on.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DisplayUpon {
    Default,
    /// SYSERR / STDERR
    Syserr,
    /// any other device or mnemonic, as written
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AcceptFrom {
    /// From standard input (or CONSOLE/SYSIN).
    Stdin,
    Date {
        yyyymmdd: bool,
    },
    Day {
        yyyyddd: bool,
    },
    DayOfWeek,
    Time,
    /// `ENVIRONMENT "NAME"` / `ENVIRONMENT-VALUE`
    Environment(Operand),
    CommandLine,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PerformRange {
    pub from: String,
    pub thru: Option<String>,
    /// Qualifier for `para OF section`.
    pub from_section: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VaryingClause {
    pub item: DataRef,
    pub from: Expr,
    pub by: Expr,
    pub until: Condition,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PerformKind {
    Once,
    Times(Operand),
    Until {
        test_after: bool,
        condition: Condition,
    },
    /// First clause is VARYING, the rest are AFTER.
    Varying {
        test_after: bool,
        clauses: Vec<VaryingClause>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhenClause {
    /// One selection object per subject (ALSO).
    pub objects: Vec<WhenObject>,
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WhenObject {
    Any,
    True,
    False,
    Condition(Condition),
    Value {
        negated: bool,
        value: Expr,
        thru: Option<Expr>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EvaluateSubject {
    True,
    False,
    Expr(Expr),
    Condition(Condition),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenMode {
    Input,
    Output,
    InputOutput,
    Extend,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Advancing {
    /// BEFORE/AFTER n LINES (`before` true for BEFORE).
    Lines {
        before: bool,
        count: Operand,
    },
    /// BEFORE/AFTER PAGE or a mnemonic (e.g. TOP-OF-PAGE).
    Page {
        before: bool,
    },
    Mnemonic {
        before: bool,
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallArg {
    pub by: PassBy,
    /// None for `OMITTED`.
    pub value: Option<Operand>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InspectTallying {
    pub counter: DataRef,
    pub items: Vec<InspectTallyItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum InspectTallyItem {
    Characters {
        limits: Vec<InspectLimit>,
    },
    All {
        pattern: Operand,
        limits: Vec<InspectLimit>,
    },
    Leading {
        pattern: Operand,
        limits: Vec<InspectLimit>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InspectLimit {
    pub before: bool,
    pub pattern: Operand,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum InspectReplaceItem {
    Characters {
        by: Operand,
        limits: Vec<InspectLimit>,
    },
    All {
        pattern: Operand,
        by: Operand,
        limits: Vec<InspectLimit>,
    },
    Leading {
        pattern: Operand,
        by: Operand,
        limits: Vec<InspectLimit>,
    },
    First {
        pattern: Operand,
        by: Operand,
        limits: Vec<InspectLimit>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StringSource {
    pub value: Operand,
    /// None for DELIMITED BY SIZE.
    pub delimiter: Option<Operand>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnstringDelimiter {
    pub all: bool,
    pub value: Operand,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnstringTarget {
    pub item: DataRef,
    pub delimiter_in: Option<DataRef>,
    pub count_in: Option<DataRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SetAction {
    /// SET a b TO value
    To {
        targets: Vec<DataRef>,
        value: Operand,
    },
    UpBy {
        targets: Vec<DataRef>,
        value: Operand,
    },
    DownBy {
        targets: Vec<DataRef>,
        value: Operand,
    },
    /// SET condition-name(s) TO TRUE / FALSE
    Condition { targets: Vec<DataRef>, value: bool },
    /// SET ENVIRONMENT name TO value (GnuCOBOL)
    Environment { name: Operand, value: Operand },
    /// SET ADDRESS OF / POINTER forms and anything else, kept as text.
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SortKey {
    pub ascending: bool,
    pub names: Vec<DataRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SortIo {
    Files(Vec<String>),
    Procedure(PerformRange),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExecKind {
    Sql,
    Cics,
    Dli,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExitKind {
    /// Plain `EXIT` (a no-op, usually alone in a paragraph).
    Plain,
    Program,
    Paragraph,
    Section,
    Perform,
    PerformCycle,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum StatementKind {
    Accept {
        target: DataRef,
        from: AcceptFrom,
        exception: Handlers,
    },
    Add {
        operands: Vec<Operand>,
        to: Vec<Target>,
        giving: Vec<Target>,
        corresponding: bool,
        size_error: Handlers,
    },
    Subtract {
        operands: Vec<Operand>,
        from: Vec<Target>,
        giving: Vec<Target>,
        corresponding: bool,
        size_error: Handlers,
    },
    /// MULTIPLY a BY b [GIVING c]: without GIVING, `by` are the receiving targets.
    Multiply {
        operand: Operand,
        by: Vec<Target>,
        by_operand: Option<Operand>,
        giving: Vec<Target>,
        size_error: Handlers,
    },
    /// DIVIDE a INTO b / DIVIDE a BY b GIVING c [REMAINDER r]
    Divide {
        divisor_first: bool,
        operand: Operand,
        into: Vec<Target>,
        second: Option<Operand>,
        giving: Vec<Target>,
        remainder: Option<DataRef>,
        size_error: Handlers,
    },
    Compute {
        targets: Vec<Target>,
        expr: Expr,
        size_error: Handlers,
    },
    Alter {
        pairs: Vec<(String, String)>,
    },
    Call {
        program: Operand,
        using: Vec<CallArg>,
        returning: Option<DataRef>,
        exception: Handlers,
    },
    Cancel {
        programs: Vec<Operand>,
    },
    Close {
        files: Vec<String>,
    },
    /// CONTINUE; also READY TRACE / RESET TRACE, which only switch execution tracing.
    Continue,
    Delete {
        file: String,
        invalid_key: Handlers,
    },
    Display {
        items: Vec<Operand>,
        upon: DisplayUpon,
        no_advancing: bool,
        /// `[NOT] ON EXCEPTION` (GnuCOBOL): the phrases bind to the innermost DISPLAY, as cobc
        /// parses them.
        #[serde(default, skip_serializing_if = "Handlers::is_empty")]
        exception: Handlers,
    },
    Evaluate {
        subjects: Vec<EvaluateSubject>,
        whens: Vec<WhenClause>,
        other: Option<Vec<Statement>>,
    },
    Exit(ExitKind),
    Goback,
    /// GO TO. No targets: `GO TO.`, the target being set by ALTER.
    GoTo {
        targets: Vec<String>,
        depending_on: Option<DataRef>,
    },
    If {
        condition: Condition,
        then_branch: Vec<Statement>,
        else_branch: Option<Vec<Statement>>,
    },
    /// INITIALIZE targets [WITH FILLER] [ALL TO VALUE] [REPLACING category BY value ...].
    Initialize {
        targets: Vec<DataRef>,
        replacing: Vec<(String, Operand)>,
        with_filler: bool,
        to_value: bool,
    },
    /// INSPECT; also OS/VS COBOL's `TRANSFORM x FROM a TO b` (= `CONVERTING a TO b`).
    Inspect {
        target: DataRef,
        tallying: Vec<InspectTallying>,
        replacing: Vec<InspectReplaceItem>,
        converting: Option<(Operand, Operand, Vec<InspectLimit>)>,
    },
    Merge {
        file: String,
        keys: Vec<SortKey>,
        using: Vec<String>,
        output: SortIo,
        /// `COLLATING SEQUENCE IS alphabet-name`
        #[serde(default, skip_serializing_if = "Option::is_none")]
        collating: Option<String>,
    },
    Move {
        from: Operand,
        to: Vec<DataRef>,
        corresponding: bool,
    },
    NextSentence,
    Open {
        entries: Vec<(OpenMode, Vec<String>)>,
    },
    Perform {
        target: Option<PerformRange>,
        kind: PerformKind,
        body: Option<Vec<Statement>>,
    },
    Read {
        file: String,
        next: bool,
        previous: bool,
        into: Option<DataRef>,
        key: Option<DataRef>,
        at_end: Handlers,
        invalid_key: Handlers,
    },
    Release {
        record: DataRef,
        from: Option<Operand>,
    },
    Return {
        file: String,
        into: Option<DataRef>,
        at_end: Handlers,
    },
    Rewrite {
        record: DataRef,
        from: Option<Operand>,
        invalid_key: Handlers,
    },
    Search {
        table: DataRef,
        all: bool,
        varying: Option<DataRef>,
        at_end: Option<Vec<Statement>>,
        whens: Vec<(Condition, Vec<Statement>)>,
    },
    Set(SetAction),
    Sort {
        file: String,
        keys: Vec<SortKey>,
        duplicates_in_order: bool,
        input: SortIo,
        output: SortIo,
        /// `COLLATING SEQUENCE IS alphabet-name`
        #[serde(default, skip_serializing_if = "Option::is_none")]
        collating: Option<String>,
    },
    Start {
        file: String,
        key: Option<(RelOp, DataRef)>,
        invalid_key: Handlers,
    },
    StopRun {
        status: Option<Operand>,
    },
    String {
        sources: Vec<StringSource>,
        into: DataRef,
        pointer: Option<DataRef>,
        overflow: Handlers,
    },
    Unstring {
        source: DataRef,
        delimiters: Vec<UnstringDelimiter>,
        targets: Vec<UnstringTarget>,
        pointer: Option<DataRef>,
        tallying: Option<DataRef>,
        overflow: Handlers,
    },
    Write {
        record: DataRef,
        from: Option<Operand>,
        advancing: Option<Advancing>,
        end_of_page: Handlers,
        invalid_key: Handlers,
    },
    /// EXEC SQL/CICS/DLI ... END-EXEC, kept opaque.
    Exec {
        kind: ExecKind,
        text: String,
    },
    /// DISPLAY of a screen item, or DISPLAY with screen phrases (AT / LINE / COLUMN / WITH
    /// attributes).
    DisplayScreen {
        items: Vec<Operand>,
        at: ScreenAt,
        attributes: Vec<ScreenAttribute>,
    },
    /// ACCEPT of a screen item, or ACCEPT with screen phrases.
    AcceptScreen {
        target: DataRef,
        at: ScreenAt,
        attributes: Vec<ScreenAttribute>,
        exception: Handlers,
    },
    /// `STOP literal`: shows the literal and waits for the operator.
    StopLiteral {
        literal: Literal,
    },
    /// `GOBACK RETURNING x` / `EXIT PROGRAM RETURNING x`.
    ReturnWith {
        exit_program: bool,
        status: Operand,
    },
    /// `INITIALIZE ... THEN TO DEFAULT` (the plain form is `Initialize`).
    InitializeToDefault {
        targets: Vec<DataRef>,
        replacing: Vec<(String, Operand)>,
        with_filler: bool,
        to_value: bool,
    },
    /// `UNLOCK file [RECORD | RECORDS]`: releases the file's record locks.
    Unlock {
        file: String,
    },
    /// `COMMIT` (`rollback` false) or `ROLLBACK`: ends a unit of work on the files.
    Commit {
        rollback: bool,
    },
    /// `EXHIBIT [NAMED] [CHANGED] operand ...`: DISPLAY with the item names (GnuCOBOL / OS/VS).
    Exhibit {
        named: bool,
        changed: bool,
        items: Vec<Operand>,
        /// Per item: the data name as declared (cobc shows it as `name = value`), when the item
        /// is a plain name whose declarations of the unit all spell it the same.
        labels: Vec<Option<String>>,
    },
    /// `FREE item ...` (data items, pointers, `ADDRESS OF x`): releases dynamic storage.
    Free {
        items: Vec<Operand>,
    },
    /// `ALLOCATE {size CHARACTERS | based-item} [INITIALIZED] [RETURNING pointer]`.
    Allocate {
        size: Option<Operand>,
        item: Option<DataRef>,
        initialized: bool,
        returning: Option<DataRef>,
    },
    /// `VALIDATE item ...` (cobc 3.1.2 parses it and does nothing: "not implemented").
    Validate {
        items: Vec<DataRef>,
    },
    /// `ENTRY "name" [USING ...]`: an alternate entry point.
    Entry {
        name: String,
        using: Vec<UsingParam>,
    },
    /// Report Writer `INITIATE report ...`
    Initiate {
        reports: Vec<String>,
    },
    /// Report Writer `GENERATE detail-group | report`
    Generate {
        name: DataRef,
    },
    /// Report Writer `TERMINATE report ...`
    Terminate {
        reports: Vec<String>,
    },
    /// Report Writer `SUPPRESS [PRINTING]` (in a USE BEFORE REPORTING declarative).
    Suppress,
    XmlGenerate {
        target: DataRef,
        source: DataRef,
        count_in: Option<DataRef>,
        encoding: Option<Operand>,
        xml_declaration: bool,
        attributes: bool,
        namespace: Option<Operand>,
        namespace_prefix: Option<Operand>,
        exception: Handlers,
    },
    XmlParse {
        source: DataRef,
        encoding: Option<Operand>,
        returning_national: bool,
        validating: Option<DataRef>,
        procedure: PerformRange,
        exception: Handlers,
    },
    JsonGenerate {
        target: DataRef,
        source: DataRef,
        count_in: Option<DataRef>,
        exception: Handlers,
    },
    JsonParse {
        source: DataRef,
        target: DataRef,
        with_detail: bool,
        exception: Handlers,
    },
}
