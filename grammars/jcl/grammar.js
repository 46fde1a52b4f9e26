/**
 * Ferry's tree-sitter grammar for z/OS JCL (job control language), written for ferry.
 *
 * JCL is a card language: what a character means depends on its column.
 *   columns 1-2    `//` for a statement, `//*` for a comment statement, `/*` for a delimiter
 *   column 3       the name field, when not blank
 *   then           blanks, the operation, blanks, the operand field (no blanks outside apostrophes),
 *                  blanks, a free comment
 *   columns 72-80  ignored (continuation column and sequence number)
 * An operand field that ends with a comma continues on the next `//` line (operands resume in
 * columns 4-16); an apostrophe string that runs to column 71 resumes in column 16 of the next line.
 * After `DD *` or `DD DATA` come in-stream data lines, up to `/*`, the `DLM=` delimiter, or (for
 * `DD *` only) the next `//` statement.
 *
 * Regular expressions cannot see columns, so almost every token comes from the external scanner
 * (`src/scanner.c`); the grammar only arranges them. The grammar is flat: a file is a list of
 * statements. PROC/PEND pairs, IF/ELSE/ENDIF nesting, steps and their DD statements are put
 * together by the reader in ferry-graph (`crates/ferry-graph/src/jcl`), which reports unbalanced
 * ones as diagnostics rather than syntax errors.
 */

const PREC = {
  logical: 1,
  relation: 3,
  not: 4,
};

module.exports = grammar({
  name: 'jcl',

  // Order matters: src/scanner.c has the same list in `enum TokenType`.
  externals: ($) => [
    // whole lines, recognised in column 1
    $._stmt_start, // `//` starting a statement (not `//*`, not a null statement)
    $.null_statement, // `//` and blanks: end of job
    $.comment, // `//*` comment statement
    $.jes2_statement, // `/*JOBPARM`, `/*ROUTE`, ... (JES2 control statements)
    $.delimiter, // `/*` (outside in-stream data)
    $.stray_data, // a line that is no JCL statement, outside in-stream data
    $._blank_line,
    $.instream_data, // the lines after `DD *` / `DD DATA`
    $._data_end, // `/*` or the DLM= delimiter ending in-stream data
    // fields of a statement
    $.name,
    $._blanks,
    $.remark, // the comment field after the operands
    $._newline, // end of a statement line (columns 72-80 included)
    $._continuation, // end of a line after a comma, and the `//` + blanks of the next line
    // operations
    $._op_job,
    $._op_exec,
    $._op_dd,
    $._op_proc,
    $._op_pend,
    $._op_set,
    $._op_include,
    $._op_jcllib,
    $._op_if,
    $._op_else,
    $._op_endif,
    $._op_other,
    // operands
    $.word,
    $.string,
    $._star, // `*` as first operand of DD
    $._data_kw, // `DATA` as first operand of DD
    $._dlm_kw, // `DLM` in a DD * / DD DATA statement
    $._dlm_value,
    // IF conditions (blanks and continuation lines are skipped inside)
    $._cond_lparen,
    $._cond_rparen,
    $.comparison_operator,
    $._and,
    $._or,
    $._not,
    $._cond_term,
    $._then,
    // never valid in a parse state: tells the scanner the parser is recovering from an error
    $._error_sentinel,
  ],

  extras: ($) => [$.comment, $.jes2_statement, $.delimiter, $.stray_data, $._blank_line],

  rules: {
    source_file: ($) => repeat($._statement),

    _statement: ($) =>
      choice(
        $.job_statement,
        $.exec_statement,
        $.dd_statement,
        $.proc_statement,
        $.pend_statement,
        $.set_statement,
        $.include_statement,
        $.jcllib_statement,
        $.if_statement,
        $.else_statement,
        $.endif_statement,
        $.statement,
        $.null_statement,
      ),

    // `//name` (name optional) and the blanks before the operation
    _head: ($) => seq($._stmt_start, optional(field('name', $.name)), $._blanks),
    _tail: ($) => seq(optional($.remark), $._newline),
    _operand_field: ($) => seq($._blanks, field('operands', $.operands)),

    job_statement: ($) =>
      seq($._head, alias($._op_job, $.operation), optional($._operand_field), $._tail),

    exec_statement: ($) =>
      seq($._head, alias($._op_exec, $.operation), optional($._operand_field), $._tail),

    dd_statement: ($) =>
      choice(
        seq($._head, alias($._op_dd, $.operation), optional($._operand_field), $._tail),
        // DD * / DD DATA: in-stream data follows
        seq(
          $._head,
          alias($._op_dd, $.operation),
          $._blanks,
          field('operands', alias($._instream_operands, $.operands)),
          $._tail,
          optional(field('data', $.instream_data)),
          optional(field('delimiter', alias($._data_end, $.delimiter))),
        ),
      ),

    proc_statement: ($) =>
      seq($._head, alias($._op_proc, $.operation), optional($._operand_field), $._tail),

    pend_statement: ($) => seq($._head, alias($._op_pend, $.operation), $._tail),

    set_statement: ($) =>
      seq($._head, alias($._op_set, $.operation), optional($._operand_field), $._tail),

    include_statement: ($) =>
      seq($._head, alias($._op_include, $.operation), optional($._operand_field), $._tail),

    jcllib_statement: ($) =>
      seq($._head, alias($._op_jcllib, $.operation), optional($._operand_field), $._tail),

    if_statement: ($) =>
      seq(
        $._head,
        alias($._op_if, $.operation),
        field('condition', $.condition),
        $._then,
        $._tail,
      ),

    else_statement: ($) => seq($._head, alias($._op_else, $.operation), $._tail),

    endif_statement: ($) => seq($._head, alias($._op_endif, $.operation), $._tail),

    // OUTPUT, CNTL, ENDCNTL, EXPORT, SCHEDULE, XMIT, COMMAND, and anything else. A name with no
    // operation (`//STEP1`) is a statement too, so that the next line still parses; the reader
    // reports it.
    statement: ($) =>
      choice(
        seq($._head, alias($._op_other, $.operation), optional($._operand_field), $._tail),
        seq($._stmt_start, field('name', $.name), $._tail),
      ),

    // ------------------------------------------------------------------ operands

    // Positional and keyword parameters separated by commas; a positional may be omitted
    // (`,'NAME'`, `A,,B`), a trailing comma needs a continuation line.
    operands: ($) =>
      seq(repeat(seq(optional($._value), ',', optional($._continuation))), $._value),

    _instream_operands: ($) =>
      seq(
        choice(alias($._star, $.word), alias($._data_kw, $.word)),
        repeat(
          seq(
            ',',
            optional($._continuation),
            choice($._value, alias($.dlm_parameter, $.keyword_parameter)),
          ),
        ),
      ),

    dlm_parameter: ($) =>
      seq(
        field('key', alias($._dlm_kw, $.keyword)),
        '=',
        field('value', alias($._dlm_value, $.word)),
      ),

    _value: ($) => choice($.word, $.string, $.list, $.subscripted, $.keyword_parameter),

    // KEY=value; `VOL=SER=X` nests; `PARM.STEP=` (nothing) nullifies
    keyword_parameter: ($) =>
      seq(field('key', alias($.word, $.keyword)), '=', optional(field('value', $._value))),

    // (a,b,(c,d),e=f): subparameters, some possibly omitted
    list: ($) =>
      seq(
        '(',
        repeat(seq(optional($._value), ',', optional($._continuation))),
        optional($._value),
        ')',
      ),

    // A.B(MEMBER), A.B(+1), &LIB(&MEM)
    subscripted: ($) => seq($.word, $.list),

    // ------------------------------------------------------------------ IF conditions

    condition: ($) => $._condition,

    _condition: ($) =>
      choice(
        $.term,
        $.relation,
        $.not_condition,
        $.and_condition,
        $.or_condition,
        $.parenthesized_condition,
      ),

    term: ($) => $._cond_term,

    relation: ($) =>
      prec(
        PREC.relation,
        seq(
          field('left', $.term),
          field('operator', $.comparison_operator),
          field('right', $.term),
        ),
      ),

    not_condition: ($) => prec(PREC.not, seq($._not, $._condition)),

    and_condition: ($) => prec.left(PREC.logical, seq($._condition, $._and, $._condition)),

    or_condition: ($) => prec.left(PREC.logical, seq($._condition, $._or, $._condition)),

    parenthesized_condition: ($) => seq($._cond_lparen, $._condition, $._cond_rparen),
  },
});
