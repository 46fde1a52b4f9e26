/**
 * Ferry's tree-sitter grammar for COBOL.
 *
 * Input is the *preprocessed* source produced by ferry-source: COPY expanded, fixed-format sequence
 * and indicator areas blanked, comment lines emptied and continuation lines joined. The grammar is
 * therefore free-form and whitespace-insensitive. Keywords are case-insensitive (see `kw`).
 *
 * Design notes (see README.md)
 * - Keywords are matched through the `word` token (keyword extraction): a keyword is only a keyword
 *   where the grammar allows it, elsewhere the same spelling is an ordinary COBOL word.
 * - The procedure division is flat: a sentence is a list of fragments (statements without their
 *   imperative phrases, IF/EVALUATE/WHEN/inline-PERFORM/SEARCH headers, ELSE, phrases such as
 *   NOT AT END, END-xxx terminators). The Rust lowering rebuilds the nesting with COBOL's scope rules.
 *   Nesting statement lists in the grammar makes the LR(1) follow sets explode.
 * - Conditions are parsed with the usual NOT > AND > OR precedence. Abbreviated combined relations
 *   are left as `abbreviated_relation` / `bare_condition` nodes; the lowering expands them.
 * - Comment entries (AUTHOR. ...) and the bodies of EXEC ... END-EXEC come from `src/scanner.c`.
 */

// Case-insensitive keyword. The node kind is the upper-case spelling, e.g. "MOVE".
function kw(word) {
  const re = word
    .split('')
    .map((c) => (/[a-zA-Z]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c))
    .join('');
  return alias(new RegExp(re), word);
}

const kws = (...words) => choice(...words.map(kw));

const PREC = {
  bare: 0,
  or: 1,
  and: 2,
  not: 3,
  rel: 4,
  add: 5,
  mul: 6,
  pow: 7,
  unary: 8,
};

module.exports = grammar({
  name: 'cobol',

  word: ($) => $.word,

  extras: ($) => [/\s/, /[,;]/, $.comment, $.directive, $.listing_directive],

  externals: ($) => [$.comment_entry, $.exec_body],

  conflicts: ($) => [
    [$.tally_item],
    [$.bare_condition, $.paren_expression],
  ],

  rules: {
    source_file: ($) => repeat($.program),

    // ------------------------------------------------------------------ programs
    program: ($) =>
      prec.right(
        seq(
          $.identification_division,
          optional($.environment_division),
          optional($.data_division),
          optional($.procedure_division),
          repeat($.program),
          optional($.end_program),
        ),
      ),

    end_program: ($) => seq(kw('END'), kw('PROGRAM'), field('name', $._program_name), optional('.')),

    _program_name: ($) => choice($.word, $.string),

    // ------------------------------------------------------------------ IDENTIFICATION
    identification_division: ($) =>
      seq(kws('IDENTIFICATION', 'ID'), kw('DIVISION'), '.', $.program_id, repeat($.id_paragraph)),

    program_id: ($) =>
      seq(
        kw('PROGRAM-ID'),
        optional('.'),
        field('name', $._program_name),
        optional(
          seq(optional(kw('IS')), repeat1(kws('COMMON', 'INITIAL', 'RECURSIVE')), optional(kw('PROGRAM'))),
        ),
        optional('.'),
      ),

    id_paragraph: ($) =>
      seq(
        kws('AUTHOR', 'INSTALLATION', 'DATE-WRITTEN', 'DATE-COMPILED', 'SECURITY', 'REMARKS'),
        '.',
        optional($.comment_entry),
      ),

    // ------------------------------------------------------------------ ENVIRONMENT
    environment_division: ($) =>
      seq(
        kw('ENVIRONMENT'),
        kw('DIVISION'),
        '.',
        optional($.configuration_section),
        optional($.input_output_section),
      ),

    configuration_section: ($) =>
      seq(
        kw('CONFIGURATION'),
        kw('SECTION'),
        '.',
        repeat(choice($.source_computer, $.object_computer, $.special_names, $.repository)),
      ),

    _loose: ($) => choice($.word, $.number, $.string, $.hex_string),

    source_computer: ($) => seq(kw('SOURCE-COMPUTER'), '.', optional(seq(repeat1($._loose), '.'))),
    object_computer: ($) => seq(kw('OBJECT-COMPUTER'), '.', optional(seq(repeat1($._loose), '.'))),
    repository: ($) => seq(kw('REPOSITORY'), '.', optional(seq(repeat1($._loose), '.'))),

    special_names: ($) =>
      seq(kw('SPECIAL-NAMES'), '.', optional(seq(repeat1($._special_names_clause), '.'))),

    _special_names_clause: ($) =>
      choice(
        $.decimal_point_clause,
        $.currency_clause,
        $.mnemonic_clause,
        $.class_clause,
        $.alphabet_clause,
        $.symbolic_clause,
        $.crt_clause,
      ),

    decimal_point_clause: ($) => seq(kw('DECIMAL-POINT'), optional(kw('IS')), kw('COMMA')),

    currency_clause: ($) =>
      seq(
        kw('CURRENCY'),
        optional(kw('SIGN')),
        optional(kw('IS')),
        field('sign', $._simple_literal),
        optional(seq(optional(kw('WITH')), kw('PICTURE'), kw('SYMBOL'), $._simple_literal)),
      ),

    mnemonic_clause: ($) =>
      prec.right(
        seq(
          field('device', $.word),
          optional(seq(optional(kw('IS')), field('mnemonic', $.word))),
          repeat($.switch_status),
        ),
      ),

    switch_status: ($) =>
      seq(kws('ON', 'OFF'), optional(kw('STATUS')), optional(kw('IS')), field('name', $.word)),

    class_clause: ($) => seq(kw('CLASS'), field('name', $.word), optional(kw('IS')), repeat1($.value_item)),

    alphabet_clause: ($) =>
      prec.right(
        seq(kw('ALPHABET'), field('name', $.word), optional(kw('IS')), repeat1(choice($.word, $.value_item))),
      ),

    symbolic_clause: ($) =>
      prec.right(
        seq(
          kw('SYMBOLIC'),
          optional(kw('CHARACTERS')),
          repeat1(seq(repeat1($.word), optional(kws('IS', 'ARE')), repeat1($.number))),
        ),
      ),

    crt_clause: ($) =>
      choice(
        seq(kw('CRT'), kw('STATUS'), optional(kw('IS')), $.data_ref),
        seq(kw('CURSOR'), optional(kw('IS')), $.data_ref),
      ),

    input_output_section: ($) =>
      seq(kw('INPUT-OUTPUT'), kw('SECTION'), '.', optional($.file_control), optional($.io_control)),

    file_control: ($) => seq(kw('FILE-CONTROL'), '.', repeat($.select_entry)),

    select_entry: ($) =>
      seq(
        kw('SELECT'),
        optional(kw('OPTIONAL')),
        field('name', $.word),
        repeat($._select_clause),
        '.',
      ),

    _select_clause: ($) =>
      choice(
        $.assign_clause,
        $.organization_clause,
        $.access_clause,
        $.record_key_clause,
        $.alternate_key_clause,
        $.relative_key_clause,
        $.file_status_clause,
        $.other_select_clause,
      ),

    assign_clause: ($) =>
      prec.right(
        seq(
          kw('ASSIGN'),
          optional(kws('TO', 'USING')),
          optional(kws('EXTERNAL', 'DYNAMIC')),
          repeat1(field('target', choice($.word, $.string))),
        ),
      ),

    organization_clause: ($) =>
      seq(
        optional(seq(kw('ORGANIZATION'), optional(kw('IS')))),
        choice(seq(optional(kws('LINE', 'RECORD')), kw('SEQUENTIAL')), kw('RELATIVE'), kw('INDEXED')),
      ),

    access_clause: ($) =>
      seq(kw('ACCESS'), optional(kw('MODE')), optional(kw('IS')), kws('SEQUENTIAL', 'RANDOM', 'DYNAMIC')),

    record_key_clause: ($) =>
      seq(kw('RECORD'), kw('KEY'), optional(kw('IS')), field('key', $.data_ref)),

    alternate_key_clause: ($) =>
      prec.right(
        seq(
          kw('ALTERNATE'),
          optional(kw('RECORD')),
          optional(kw('KEY')),
          optional(kw('IS')),
          field('key', $.data_ref),
          optional(seq(optional(kw('WITH')), kw('DUPLICATES'))),
        ),
      ),

    relative_key_clause: ($) =>
      seq(kw('RELATIVE'), kw('KEY'), optional(kw('IS')), field('key', $.data_ref)),

    file_status_clause: ($) =>
      prec.right(
        seq(
          optional(kw('FILE')),
          kw('STATUS'),
          optional(kw('IS')),
          field('status', $.data_ref),
          optional(field('extended', $.data_ref)),
        ),
      ),

    other_select_clause: ($) =>
      choice(
        seq(kw('RESERVE'), $.number, optional(kws('AREA', 'AREAS'))),
        seq(kw('LOCK'), optional(kw('MODE')), optional(kw('IS')), kws('MANUAL', 'AUTOMATIC', 'EXCLUSIVE')),
        seq(kw('PADDING'), optional(kw('CHARACTER')), optional(kw('IS')), $._simple_literal),
        seq(kw('RECORD'), kw('DELIMITER'), optional(kw('IS')), $.word),
        seq(kw('SHARING'), optional(kw('WITH')), choice(seq(kws('ALL', 'NO'), optional(kw('OTHER'))), seq(kw('READ'), kw('ONLY')))),
        seq(optional(kw('COLLATING')), kw('SEQUENCE'), optional(kw('IS')), $.word),
      ),

    io_control: ($) => seq(kw('I-O-CONTROL'), '.', repeat(seq(repeat1($._loose), '.'))),

    // ------------------------------------------------------------------ DATA
    data_division: ($) =>
      seq(
        kw('DATA'),
        kw('DIVISION'),
        '.',
        repeat(
          choice(
            $.file_section,
            $.working_storage_section,
            $.local_storage_section,
            $.linkage_section,
            $.screen_section,
            $.report_section,
          ),
        ),
      ),

    file_section: ($) => seq(kw('FILE'), kw('SECTION'), '.', repeat(choice($.file_description, $._data_exec))),

    working_storage_section: ($) => seq(kw('WORKING-STORAGE'), kw('SECTION'), '.', repeat($._data_entry)),
    local_storage_section: ($) => seq(kw('LOCAL-STORAGE'), kw('SECTION'), '.', repeat($._data_entry)),
    linkage_section: ($) => seq(kw('LINKAGE'), kw('SECTION'), '.', repeat($._data_entry)),

    _data_entry: ($) => choice($.data_description, $._data_exec),
    _data_exec: ($) => seq($.exec_statement, optional('.')),

    // ---- SCREEN SECTION (X/Open, GnuCOBOL)
    screen_section: ($) => seq(kw('SCREEN'), kw('SECTION'), '.', repeat($.screen_entry)),
    screen_entry: ($) =>
      seq(
        field('level', $.level_number),
        optional(field('name', choice($.word, kw('FILLER')))),
        repeat($._screen_clause),
        '.',
      ),

    _screen_clause: ($) =>
      choice(
        $.line_clause,
        $.column_clause,
        $.picture_clause,
        $.usage_clause,
        $.sign_clause,
        $.justified_clause,
        $.blank_when_zero_clause,
        $.occurs_clause,
        $.global_clause,
        $.screen_value_clause,
        $.screen_from_clause,
        $.screen_to_clause,
        $.screen_using_clause,
        $.screen_attribute,
      ),

    // `LINE [NUMBER] [IS] [PLUS | + | MINUS | -] n` (screens and report groups).
    line_clause: ($) =>
      seq(
        kw('LINE'),
        optional(kw('NUMBER')),
        optional(kws('IS', 'ARE')),
        choice(
          seq(optional(field('relative', $._relative_sign)), field('value', $._simple_operand)),
          field('next_page', seq(kw('NEXT'), kw('PAGE'))),
        ),
      ),
    column_clause: ($) =>
      seq(
        kws('COLUMN', 'COL'),
        optional(kw('NUMBER')),
        optional(kws('IS', 'ARE')),
        optional(field('relative', $._relative_sign)),
        field('value', $._simple_operand),
      ),
    _relative_sign: ($) => choice(kws('PLUS', 'MINUS'), '+', '-'),

    screen_value_clause: ($) => seq(kw('VALUE'), optional(kw('IS')), field('value', $._literal)),
    screen_from_clause: ($) => seq(kw('FROM'), field('value', choice($.data_ref, $._simple_literal))),
    screen_to_clause: ($) => seq(kw('TO'), field('value', $.data_ref)),
    screen_using_clause: ($) => seq(kw('USING'), field('value', $.data_ref)),

    // Display attributes of a screen item or of a DISPLAY / ACCEPT ... WITH.
    screen_attribute: ($) =>
      choice(
        field('blank', seq(kw('BLANK'), kws('SCREEN', 'LINE'))),
        field('erase', seq(kw('ERASE'), choice(kws('EOL', 'EOS'), seq(optional(kw('TO')), kw('END'), optional(kw('OF')), kws('LINE', 'SCREEN'))))),
        field('color', seq(kws('FOREGROUND-COLOR', 'FOREGROUND-COLOUR', 'BACKGROUND-COLOR', 'BACKGROUND-COLOUR'), optional(kw('IS')), $._simple_operand)),
        field('flag',
          kws(
            'HIGHLIGHT', 'LOWLIGHT', 'REVERSE-VIDEO', 'UNDERLINE', 'BELL', 'BEEP', 'BLINK', 'AUTO', 'AUTO-SKIP',
            'AUTOTERMINATE', 'SECURE', 'NO-ECHO', 'REQUIRED', 'EMPTY-CHECK', 'FULL', 'LENGTH-CHECK', 'UPPER',
            'LOWER', 'OVERLINE', 'LEFTLINE', 'GRID', 'UPDATE', 'PROMPT',
          ),
        ),
      ),

    // ---- REPORT SECTION (Report Writer)
    report_section: ($) => seq(kw('REPORT'), kw('SECTION'), '.', repeat($.report_description)),
    report_description: ($) =>
      prec.right(
        seq(kw('RD'), field('name', $.word), repeat($._rd_clause), '.', repeat($.report_entry)),
      ),
    _rd_clause: ($) =>
      choice($.global_clause, $.controls_clause, $.page_limit_clause, $.heading_clause, $.first_detail_clause,
        $.last_detail_clause, $.footing_clause),
    controls_clause: ($) =>
      prec.right(seq(kws('CONTROL', 'CONTROLS'), optional(kws('IS', 'ARE')), repeat1(field('control', choice(kw('FINAL'), $.data_ref))))),
    page_limit_clause: ($) =>
      seq(kw('PAGE'), optional(kws('LIMIT', 'LIMITS')), optional(kws('IS', 'ARE')), field('lines', $.number), optional(kws('LINE', 'LINES'))),
    heading_clause: ($) => seq(kw('HEADING'), optional(kw('IS')), field('value', $.number)),
    first_detail_clause: ($) => seq(kw('FIRST'), kw('DETAIL'), optional(kw('IS')), field('value', $.number)),
    last_detail_clause: ($) => seq(kw('LAST'), kw('DETAIL'), optional(kw('IS')), field('value', $.number)),
    footing_clause: ($) => seq(kw('FOOTING'), optional(kw('IS')), field('value', $.number)),

    report_entry: ($) =>
      seq(
        field('level', $.level_number),
        optional(field('name', choice($.word, kw('FILLER')))),
        repeat($._report_clause),
        '.',
      ),
    _report_clause: ($) =>
      choice(
        $.type_clause,
        $.line_clause,
        $.next_group_clause,
        $.column_clause,
        $.source_clause,
        $.sum_clause,
        $.group_indicate_clause,
        $.present_when_clause,
        $.picture_clause,
        $.usage_clause,
        $.sign_clause,
        $.justified_clause,
        $.blank_when_zero_clause,
        $.value_clause,
        $.occurs_clause,
      ),
    type_clause: ($) =>
      prec.right(
        seq(
          kw('TYPE'),
          optional(kw('IS')),
          choice(
            field('kind', choice(seq(kw('REPORT'), kw('HEADING')), kw('RH'))),
            field('kind', choice(seq(kw('PAGE'), kw('HEADING')), kw('PH'))),
            seq(field('kind', choice(seq(kw('CONTROL'), kw('HEADING')), kw('CH'))), optional(field('control', choice(kw('FINAL'), $.data_ref)))),
            field('kind', choice(kw('DETAIL'), kw('DE'))),
            seq(field('kind', choice(seq(kw('CONTROL'), kw('FOOTING')), kw('CF'))), optional(field('control', choice(kw('FINAL'), $.data_ref)))),
            field('kind', choice(seq(kw('PAGE'), kw('FOOTING')), kw('PF'))),
            field('kind', choice(seq(kw('REPORT'), kw('FOOTING')), kw('RF'))),
          ),
        ),
      ),
    next_group_clause: ($) =>
      seq(
        kw('NEXT'),
        kw('GROUP'),
        optional(kw('IS')),
        choice(
          seq(optional(field('relative', $._relative_sign)), field('value', $.number)),
          field('next_page', seq(kw('NEXT'), kw('PAGE'))),
          field('next_page', kw('PAGE')),
        ),
      ),
    source_clause: ($) => seq(kw('SOURCE'), optional(kw('IS')), field('value', $._operand)),
    sum_clause: ($) =>
      prec.right(
        seq(
          kw('SUM'),
          optional(kw('OF')),
          repeat1(field('item', $.data_ref)),
          optional(seq(kw('UPON'), repeat1(field('upon', $.word)))),
          optional(seq(kw('RESET'), optional(kw('ON')), field('reset', choice(kw('FINAL'), $.word)))),
        ),
      ),
    group_indicate_clause: ($) => seq(kw('GROUP'), optional(kw('INDICATE'))),
    present_when_clause: ($) => seq(kw('PRESENT'), kw('WHEN'), field('condition', $._condition)),

    file_description: ($) =>
      prec.right(
        seq(
          field('kind', kws('FD', 'SD')),
          field('name', $.word),
          repeat($._fd_clause),
          '.',
          repeat($._data_entry),
        ),
      ),

    _fd_clause: ($) =>
      choice(
        $.external_clause,
        $.global_clause,
        $.block_clause,
        $.record_clause,
        $.label_clause,
        $.value_of_clause,
        $.data_records_clause,
        $.linage_clause,
        $.recording_clause,
        $.code_set_clause,
        $.report_clause,
      ),

    block_clause: ($) =>
      seq(
        kw('BLOCK'),
        optional(kw('CONTAINS')),
        optional(seq(field('min', $.number), kw('TO'))),
        field('max', $.number),
        optional(kws('RECORDS', 'CHARACTERS')),
      ),

    record_clause: ($) =>
      seq(
        kw('RECORD'),
        choice(
          seq(
            optional(kw('CONTAINS')),
            optional(seq(field('min', $.number), kw('TO'))),
            field('max', $.number),
            optional(kw('CHARACTERS')),
          ),
          seq(
            optional(kw('IS')),
            kw('VARYING'),
            optional(kw('IN')),
            optional(kw('SIZE')),
            optional(seq(optional(kw('FROM')), field('min', $.number))),
            optional(seq(kw('TO'), field('max', $.number))),
            optional(kw('CHARACTERS')),
            optional(seq(kw('DEPENDING'), optional(kw('ON')), field('depending', $.data_ref))),
          ),
        ),
      ),

    label_clause: ($) =>
      seq(kw('LABEL'), kws('RECORD', 'RECORDS'), optional(kws('IS', 'ARE')), field('value', kws('STANDARD', 'OMITTED'))),

    value_of_clause: ($) =>
      prec.right(
        seq(kw('VALUE'), kw('OF'), repeat1(seq($.word, optional(kw('IS')), choice($._simple_literal, $.word)))),
      ),

    data_records_clause: ($) =>
      prec.right(seq(kw('DATA'), kws('RECORD', 'RECORDS'), optional(kws('IS', 'ARE')), repeat1($.word))),

    linage_clause: ($) =>
      prec.right(
        seq(
          kw('LINAGE'),
          optional(kw('IS')),
          field('lines', $._simple_operand),
          optional(kw('LINES')),
          repeat(
            choice(
              seq(optional(kw('WITH')), kw('FOOTING'), optional(kw('AT')), field('footing', $._simple_operand), optional(kw('LINES'))),
              seq(optional(kw('AT')), kw('TOP'), field('top', $._simple_operand), optional(kw('LINES'))),
              seq(optional(kw('AT')), kw('BOTTOM'), field('bottom', $._simple_operand), optional(kw('LINES'))),
            ),
          ),
        ),
      ),

    recording_clause: ($) => seq(kw('RECORDING'), optional(kw('MODE')), optional(kw('IS')), $.word),
    code_set_clause: ($) => seq(kw('CODE-SET'), optional(kw('IS')), $.word),
    report_clause: ($) => prec.right(seq(kws('REPORT', 'REPORTS'), optional(kws('IS', 'ARE')), repeat1(field('report', $.word)))),

    data_description: ($) =>
      seq(
        field('level', $.level_number),
        optional(field('name', choice($.word, kw('FILLER')))),
        repeat($._data_clause),
        '.',
      ),

    level_number: ($) => /[0-9]+/,

    _data_clause: ($) =>
      choice(
        $.redefines_clause,
        $.external_clause,
        $.global_clause,
        $.picture_clause,
        $.usage_clause,
        $.sign_clause,
        $.occurs_clause,
        $.sync_clause,
        $.justified_clause,
        $.blank_when_zero_clause,
        $.value_clause,
        $.renames_clause,
        $.based_clause,
        $.constant_clause,
      ),

    redefines_clause: ($) => seq(kw('REDEFINES'), field('name', $.word)),
    external_clause: ($) => seq(optional(kw('IS')), kw('EXTERNAL')),
    global_clause: ($) => seq(optional(kw('IS')), kw('GLOBAL')),
    based_clause: ($) => kw('BASED'),
    // `01 name CONSTANT [AS] literal` (GnuCOBOL; level 78 `VALUE` is the other spelling).
    constant_clause: ($) => seq(kw('CONSTANT'), optional(kw('AS')), field('value', $._literal)),

    picture_clause: ($) => seq(kws('PIC', 'PICTURE'), $.picture_string),
    // The optional IS is folded into the token: after PIC nothing else may follow.
    picture_string: ($) => token(/([iI][sS][ \t\r\n]+)?([^ \t\r\n.]|\.[^ \t\r\n])+/),

    usage_clause: ($) =>
      prec.right(
        seq(choice(seq(kw('USAGE'), optional(kw('IS')), $.usage), $.usage), optional(kws('SIGNED', 'UNSIGNED'))),
      ),

    usage: ($) =>
      kws(
        'DISPLAY',
        'COMP',
        'COMPUTATIONAL',
        'COMP-1',
        'COMPUTATIONAL-1',
        'COMP-2',
        'COMPUTATIONAL-2',
        'COMP-3',
        'COMPUTATIONAL-3',
        'COMP-4',
        'COMPUTATIONAL-4',
        'COMP-5',
        'COMPUTATIONAL-5',
        'COMP-X',
        'COMPUTATIONAL-X',
        'COMP-N',
        'BINARY',
        'PACKED-DECIMAL',
        'INDEX',
        'POINTER',
        'PROCEDURE-POINTER',
        'PROGRAM-POINTER',
        'FUNCTION-POINTER',
        'NATIONAL',
        'DISPLAY-1',
        'FLOAT-SHORT',
        'FLOAT-LONG',
        'BINARY-CHAR',
        'BINARY-SHORT',
        'BINARY-LONG',
        'BINARY-DOUBLE',
      ),

    sign_clause: ($) =>
      seq(
        optional(seq(kw('SIGN'), optional(kw('IS')))),
        field('position', kws('LEADING', 'TRAILING')),
        optional(seq(kw('SEPARATE'), optional(kw('CHARACTER')))),
      ),

    occurs_clause: ($) =>
      prec.right(
        seq(
          kw('OCCURS'),
          // A bound may be a constant (level 78 / CONSTANT) name.
          optional(seq(field('min', choice($.number, $.word)), kw('TO'))),
          field('max', choice($.number, $.word)),
          optional(kw('TIMES')),
          repeat(
            choice(
              seq(kw('DEPENDING'), optional(kw('ON')), field('depending', $.data_ref)),
              $.occurs_key,
              seq(kw('INDEXED'), optional(kw('BY')), repeat1(field('index', $.word))),
            ),
          ),
        ),
      ),

    occurs_key: ($) =>
      prec.right(
        seq(
          field('direction', kws('ASCENDING', 'DESCENDING')),
          optional(kw('KEY')),
          optional(kw('IS')),
          repeat1(field('key', $.data_ref)),
        ),
      ),

    sync_clause: ($) => prec.right(seq(kws('SYNC', 'SYNCHRONIZED'), optional(kws('LEFT', 'RIGHT')))),
    justified_clause: ($) => prec.right(seq(kws('JUST', 'JUSTIFIED'), optional(kw('RIGHT')))),
    blank_when_zero_clause: ($) => seq(kw('BLANK'), optional(kw('WHEN')), kws('ZERO', 'ZEROS', 'ZEROES')),

    value_clause: ($) =>
      prec.right(
        seq(
          kws('VALUE', 'VALUES'),
          optional(kws('IS', 'ARE')),
          repeat1($.value_item),
          optional($.false_value),
        ),
      ),

    // Level 88: `WHEN SET TO FALSE [IS] literal` (GnuCOBOL) / `FALSE [IS] literal`.
    false_value: ($) =>
      seq(optional(seq(kw('WHEN'), kw('SET'), kw('TO'))), kw('FALSE'), optional(kw('IS')), field('value', $._literal)),

    value_item: ($) =>
      prec.right(seq(field('from', $._literal), optional(seq(kws('THRU', 'THROUGH'), field('to', $._literal))))),

    renames_clause: ($) =>
      seq(kw('RENAMES'), field('from', $.data_ref), optional(seq(kws('THRU', 'THROUGH'), field('to', $.data_ref)))),

    // ------------------------------------------------------------------ PROCEDURE
    procedure_division: ($) =>
      seq(
        kw('PROCEDURE'),
        kw('DIVISION'),
        optional($.procedure_using),
        optional($.procedure_returning),
        '.',
        optional($.declaratives),
        // A lone `.` is a redundant period (an empty sentence), as compilers accept it.
        repeat(choice($.section_header, $.paragraph_header, $.sentence, '.')),
      ),

    // `OPTIONAL` before a parameter: the caller may omit it (GnuCOBOL, IBM).
    procedure_using: ($) => seq(kw('USING'), repeat1(choice($.pass_by, kw('OPTIONAL'), $.data_ref))),
    procedure_returning: ($) => seq(kw('RETURNING'), $.data_ref),
    pass_by: ($) => seq(optional(kw('BY')), kws('REFERENCE', 'CONTENT', 'VALUE')),

    declaratives: ($) =>
      seq(
        kw('DECLARATIVES'),
        '.',
        repeat(choice($.section_header, $.use_statement, $.paragraph_header, $.sentence, '.')),
        kw('END'),
        kw('DECLARATIVES'),
        '.',
      ),

    use_statement: ($) =>
      choice(
        seq(
          kw('USE'),
          optional(kw('GLOBAL')),
          kw('AFTER'),
          optional(kw('STANDARD')),
          kws('ERROR', 'EXCEPTION'),
          kw('PROCEDURE'),
          optional(kw('ON')),
          repeat1(field('target', choice($.word, kws('INPUT', 'OUTPUT', 'I-O', 'EXTEND')))),
          '.',
        ),
        seq(kw('USE'), optional(kw('FOR')), kw('DEBUGGING'), optional(kw('ON')), repeat1($.word), '.'),
        seq(kw('USE'), optional(kw('GLOBAL')), kw('BEFORE'), kw('REPORTING'), field('report_group', $.word), '.'),
      ),

    // Procedure names may be all digits (`0100.`, `0200 SECTION 50.`, `GO TO 0300`).
    section_header: ($) => seq(field('name', choice($.word, $.number)), kw('SECTION'), optional($.number), '.'),
    paragraph_header: ($) => seq(field('name', choice($.word, $.number)), '.'),

    // A sentence cannot start with a phrase, ELSE, WHEN or END-xxx (this also keeps `END PROGRAM`
    // and `END DECLARATIVES` apart from the `END` of an `AT END` phrase).
    sentence: ($) => seq($._leading_statement, repeat($._statement), '.'),


    // A sentence is a flat list of fragments; see the header comment.
    _statement: ($) =>
      choice(
        $.accept_statement,
        $.trace_statement,
        $.transform_statement,
        $.add_statement,
        $.alter_statement,
        $.call_statement,
        $.cancel_statement,
        $.close_statement,
        $.compute_statement,
        $.continue_statement,
        $.delete_statement,
        $.display_statement,
        $.divide_statement,
        $.entry_statement,
        $.exec_statement,
        $.exit_statement,
        $.goback_statement,
        $.goto_statement,
        $.initialize_statement,
        $.inspect_statement,
        $.merge_statement,
        $.move_statement,
        $.multiply_statement,
        $.next_sentence,
        $.open_statement,
        $.perform_statement,
        $.read_statement,
        $.release_statement,
        $.return_statement,
        $.rewrite_statement,
        $.set_statement,
        $.set_environment_statement,
        $.sort_statement,
        $.start_statement,
        $.stop_statement,
        $.string_statement,
        $.subtract_statement,
        $.unstring_statement,
        $.initiate_statement,
        $.generate_statement,
        $.terminate_statement,
        $.suppress_statement,
        $.xml_generate_statement,
        $.xml_parse_statement,
        $.json_generate_statement,
        $.json_parse_statement,
        $.write_statement,
        $.unlock_statement,
        $.commit_statement,
        $.exhibit_statement,
        $.free_statement,
        $.allocate_statement,
        $.validate_statement,
        $.if_header,
        $.else_clause,
        $.evaluate_header,
        $.when_header,
        $.when_other,
        $.perform_header,
        $.search_header,
        $.phrase,
        $.scope_terminator,
      ),

    _leading_statement: ($) =>
      choice(
        $.accept_statement,
        $.trace_statement,
        $.transform_statement,
        $.add_statement,
        $.alter_statement,
        $.call_statement,
        $.cancel_statement,
        $.close_statement,
        $.compute_statement,
        $.continue_statement,
        $.delete_statement,
        $.display_statement,
        $.divide_statement,
        $.entry_statement,
        $.exec_statement,
        $.exit_statement,
        $.goback_statement,
        $.goto_statement,
        $.initialize_statement,
        $.inspect_statement,
        $.merge_statement,
        $.move_statement,
        $.multiply_statement,
        $.next_sentence,
        $.open_statement,
        $.perform_statement,
        $.read_statement,
        $.release_statement,
        $.return_statement,
        $.rewrite_statement,
        $.set_statement,
        $.set_environment_statement,
        $.sort_statement,
        $.start_statement,
        $.stop_statement,
        $.string_statement,
        $.subtract_statement,
        $.unstring_statement,
        $.initiate_statement,
        $.generate_statement,
        $.terminate_statement,
        $.suppress_statement,
        $.xml_generate_statement,
        $.xml_parse_statement,
        $.json_generate_statement,
        $.json_parse_statement,
        $.write_statement,
        $.unlock_statement,
        $.commit_statement,
        $.exhibit_statement,
        $.free_statement,
        $.allocate_statement,
        $.validate_statement,
        $.if_header,
        $.evaluate_header,
        $.perform_header,
        $.search_header,
      ),

    // ---- imperative phrases: only the header is parsed here; the lowering attaches the statements
    // that follow it (up to the next phrase, ELSE, WHEN, END-xxx or period) to the statement before.
    phrase: ($) =>
      seq(
        optional(field('not', kw('NOT'))),
        choice(
          seq(optional(kw('ON')), field('kind', kw('SIZE')), kw('ERROR')),
          seq(optional(kw('AT')), field('kind', kws('END', 'END-OF-PAGE', 'EOP'))),
          seq(field('kind', kw('INVALID')), optional(kw('KEY'))),
          seq(optional(kw('ON')), field('kind', kws('OVERFLOW', 'EXCEPTION'))),
        ),
      ),

    scope_terminator: ($) =>
      kws(
        'END-ACCEPT', 'END-ADD', 'END-CALL', 'END-COMPUTE', 'END-DELETE', 'END-DISPLAY', 'END-DIVIDE',
        'END-EVALUATE', 'END-IF', 'END-MULTIPLY', 'END-PERFORM', 'END-READ', 'END-RETURN', 'END-REWRITE',
        'END-SEARCH', 'END-START', 'END-STRING', 'END-SUBTRACT', 'END-UNSTRING', 'END-WRITE',
        'END-XML', 'END-JSON',
      ),

    else_clause: ($) => kw('ELSE'),

    target: ($) => seq(field('item', choice($.data_ref, $.number)), optional($.rounded)),
    rounded: ($) =>
      prec.right(seq(kw('ROUNDED'), optional(seq(kw('MODE'), optional(kw('IS')), field('mode', $.word))))),

    _corr: ($) => kws('CORR', 'CORRESPONDING'),

    // ---- statements
    accept_statement: ($) =>
      prec.right(
        seq(
          kw('ACCEPT'),
          field('target', $.data_ref),
          optional(seq(kw('FROM'), $.accept_source)),
          repeat(choice($._screen_phrase, seq(kw('AT'), $.line_clause), seq(kw('AT'), $.column_clause))),
        ),
      ),

    // Screen I/O phrases of DISPLAY and ACCEPT: `AT LINE n COL m`, `AT 2010`, `LINE n`,
    // `[WITH] HIGHLIGHT ...`.
    _screen_phrase: ($) =>
      choice(
        $.at_position,
        $.line_clause,
        $.column_clause,
        seq(optional(kw('WITH')), $.screen_attribute),
      ),
    at_position: ($) => seq(kw('AT'), field('position', $._simple_operand)),

    accept_source: ($) =>
      prec.right(
        choice(
          seq(kw('DATE'), optional(field('format', $.word))),
          seq(kw('DAY'), optional(field('format', $.word))),
          kw('DAY-OF-WEEK'),
          kw('TIME'),
          field('exception_status', seq(kw('EXCEPTION'), kw('STATUS'))),
          seq(kw('ENVIRONMENT'), field('name', $._operand)),
          field('device', $.word),
        ),
      ),

    add_statement: ($) =>
      prec.right(
        seq(
          kw('ADD'),
          optional(field('corresponding', $._corr)),
          repeat1(field('operand', $._operand)),
          optional(seq(kw('TO'), repeat1(field('to', $.target)))),
          optional(seq(kw('GIVING'), repeat1(field('giving', $.target)))),
        ),
      ),

    subtract_statement: ($) =>
      prec.right(
        seq(
          kw('SUBTRACT'),
          optional(field('corresponding', $._corr)),
          repeat1(field('operand', $._operand)),
          kw('FROM'),
          repeat1(field('from', $.target)),
          optional(seq(kw('GIVING'), repeat1(field('giving', $.target)))),
        ),
      ),

    multiply_statement: ($) =>
      prec.right(
        seq(
          kw('MULTIPLY'),
          field('operand', $._operand),
          kw('BY'),
          repeat1(field('by', $.target)),
          optional(seq(kw('GIVING'), repeat1(field('giving', $.target)))),
        ),
      ),

    divide_statement: ($) =>
      prec.right(
        seq(
          kw('DIVIDE'),
          field('operand', $._operand),
          field('direction', kws('INTO', 'BY')),
          repeat1(field('into', $.target)),
          optional(seq(kw('GIVING'), repeat1(field('giving', $.target)))),
          optional(seq(kw('REMAINDER'), field('remainder', $.data_ref))),
        ),
      ),

    compute_statement: ($) =>
      prec.right(
        seq(
          kw('COMPUTE'),
          repeat1(field('target', $.target)),
          choice('=', kw('EQUAL')),
          field('expr', $._expr),
        ),
      ),

    alter_statement: ($) =>
      prec.right(
        seq(
          kw('ALTER'),
          repeat1(
            seq(
              field('from', $.procedure_name),
              kw('TO'),
              optional(seq(kw('PROCEED'), kw('TO'))),
              field('to', $.procedure_name),
            ),
          ),
        ),
      ),

    call_statement: ($) =>
      prec.right(
        seq(
          kw('CALL'),
          field('program', choice($.string, $.data_ref)),
          optional(seq(kw('USING'), repeat1(choice($.pass_by, $.omitted, field('arg', $._operand))))),
          optional(seq(kws('RETURNING', 'GIVING'), field('returning', $.data_ref))),
        ),
      ),

    omitted: ($) => kw('OMITTED'),

    cancel_statement: ($) => prec.right(seq(kw('CANCEL'), repeat1(field('program', choice($.string, $.data_ref))))),

    close_statement: ($) =>
      prec.right(
        seq(
          kw('CLOSE'),
          repeat1(
            seq(
              field('file', $.word),
              optional(choice(seq(optional(kw('WITH')), choice(kw('LOCK'), seq(kw('NO'), kw('REWIND')))), kws('REEL', 'UNIT'))),
            ),
          ),
        ),
      ),

    continue_statement: ($) => kw('CONTINUE'),

    // GnuCOBOL statements: UNLOCK, COMMIT / ROLLBACK, EXHIBIT, dynamic storage, VALIDATE.
    unlock_statement: ($) => prec.right(seq(kw('UNLOCK'), field('file', $.word), optional(kws('RECORD', 'RECORDS')))),
    commit_statement: ($) => field('verb', kws('COMMIT', 'ROLLBACK')),
    exhibit_statement: ($) =>
      prec.right(seq(kw('EXHIBIT'), repeat(field('option', kws('NAMED', 'CHANGED'))), repeat1(field('item', $._operand)))),
    free_statement: ($) => prec.right(seq(kw('FREE'), repeat1(field('item', choice($.address_of, $.data_ref))))),
    allocate_statement: ($) =>
      prec.right(
        seq(
          kw('ALLOCATE'),
          choice(seq(field('size', choice($.number, $.data_ref)), kw('CHARACTERS')), field('item', $.data_ref)),
          optional(kw('INITIALIZED')),
          optional(seq(kw('RETURNING'), field('returning', $.data_ref))),
        ),
      ),
    validate_statement: ($) => prec.right(seq(kw('VALIDATE'), repeat1(field('item', $.data_ref)))),

    delete_statement: ($) =>
      prec.right(
        seq(
          kw('DELETE'),
          field('file', $.word),
          optional(kw('RECORD')),
        ),
      ),

    display_statement: ($) =>
      prec.right(
        seq(
          kw('DISPLAY'),
          repeat1(field('item', $._operand)),
          repeat(
            choice(
              seq(kw('UPON'), field('upon', $.word)),
              field('no_advancing', seq(optional(kw('WITH')), kw('NO'), kw('ADVANCING'))),
              $._screen_phrase,
              seq(kw('AT'), $.line_clause),
              seq(kw('AT'), $.column_clause),
            ),
          ),
        ),
      ),

    evaluate_header: ($) =>
      prec.right(
        seq(
          kw('EVALUATE'),
          field('subject', $.evaluate_subject),
          repeat(seq(kw('ALSO'), field('subject', $.evaluate_subject))),
        ),
      ),

    evaluate_subject: ($) => choice(kws('TRUE', 'FALSE'), $._condition),

    // WHEN of EVALUATE (objects) and of SEARCH (one condition).
    when_header: ($) =>
      prec.right(
        seq(kw('WHEN'), field('object', $.when_object), repeat(seq(kw('ALSO'), field('object', $.when_object)))),
      ),

    when_object: ($) => choice(kws('ANY', 'TRUE', 'FALSE'), $.when_range, $._condition),

    when_range: ($) =>
      seq(
        optional(field('negated', kw('NOT'))),
        field('from', $._expr),
        kws('THRU', 'THROUGH'),
        field('to', $._expr),
      ),

    when_other: ($) => seq(kw('WHEN'), kw('OTHER')),

    // Alternate entry point (IBM); parsed so that it is reported, not lowered.
    entry_statement: ($) =>
      prec.right(seq(kw('ENTRY'), field('name', $.string), optional(seq(kw('USING'), repeat1(choice($.pass_by, $.data_ref)))))),

    exec_statement: ($) => seq(kw('EXEC'), $.exec_body, kw('END-EXEC')),

    exit_statement: ($) =>
      prec.right(
        seq(
          kw('EXIT'),
          optional(
            choice(
              field('kind', choice(kws('PARAGRAPH', 'SECTION'), seq(kw('PERFORM'), optional(kw('CYCLE'))))),
              seq(field('kind', kw('PROGRAM')), optional(seq(kws('RETURNING', 'GIVING'), field('status', $._operand)))),
            ),
          ),
        ),
      ),

    goback_statement: ($) => prec.right(seq(kw('GOBACK'), optional(seq(kw('RETURNING'), field('status', $._operand))))),

    goto_statement: ($) =>
      prec.right(
        seq(
          kw('GO'),
          optional(kw('TO')),
          repeat(field('target', $.procedure_name)),
          optional(seq(kw('DEPENDING'), optional(kw('ON')), field('depending', $.data_ref))),
        ),
      ),

    // OS/VS COBOL (GnuCOBOL accepts it): the same as INSPECT ... CONVERTING.
    transform_statement: ($) =>
      seq(
        kw('TRANSFORM'),
        field('target', $.data_ref),
        kw('FROM'),
        field('from', $._inspect_operand),
        kw('TO'),
        field('to', $._inspect_operand),
      ),

    // IBM debugging aid: switches execution tracing on/off; no effect on data or flow.
    trace_statement: ($) => seq(field('mode', kws('READY', 'RESET')), kw('TRACE')),

    if_header: ($) => prec.right(seq(kw('IF'), field('condition', $._condition), optional(kw('THEN')))),

    initialize_statement: ($) =>
      prec.right(
        seq(
          kw('INITIALIZE'),
          repeat1(field('target', $.data_ref)),
          optional(seq(optional(kw('WITH')), kw('FILLER'))),
          optional(seq(kws('ALL'), optional(kw('TO')), kw('VALUE'))),
          optional(seq(kw('REPLACING'), repeat1($.initialize_replacing))),
          optional(seq(optional(kw('THEN')), kw('TO'), kw('DEFAULT'))),
        ),
      ),

    initialize_replacing: ($) =>
      seq(
        field('category', kws('ALPHABETIC', 'ALPHANUMERIC', 'NUMERIC', 'ALPHANUMERIC-EDITED', 'NUMERIC-EDITED', 'NATIONAL', 'NATIONAL-EDITED')),
        optional(kw('DATA')),
        kw('BY'),
        field('value', $._operand),
      ),

    inspect_statement: ($) =>
      prec.right(
        seq(
          kw('INSPECT'),
          field('target', $.data_ref),
          choice(
            seq($.inspect_tallying, optional($.inspect_replacing)),
            $.inspect_replacing,
            $.inspect_converting,
          ),
        ),
      ),

    inspect_tallying: ($) => prec.right(seq(kw('TALLYING'), repeat1($.tally_group))),
    // `FOR ALL "A" N FOR ...`: whether N is one more pattern or the next counter shows only at FOR,
    // so both readings are kept (GLR) and the one that starts a new counter wins.
    tally_group: ($) => prec.dynamic(1, seq(field('counter', $.data_ref), kw('FOR'), repeat1($.tally_item))),
    tally_item: ($) =>
      choice(
        prec.right(seq(field('kind', kw('CHARACTERS')), repeat($.inspect_limit))),
        seq(field('kind', kws('ALL', 'LEADING')), repeat1($.tally_pattern)),
      ),
    tally_pattern: ($) => prec.right(seq(field('pattern', $._inspect_operand), repeat($.inspect_limit))),

    inspect_replacing: ($) => prec.right(seq(kw('REPLACING'), repeat1($.replace_item))),
    replace_item: ($) =>
      prec.right(
        choice(
          seq(field('kind', kw('CHARACTERS')), kw('BY'), field('by', $._inspect_operand), repeat($.inspect_limit)),
          seq(field('kind', kws('ALL', 'LEADING', 'FIRST')), repeat1($.replace_pattern)),
        ),
      ),
    replace_pattern: ($) =>
      prec.right(
        seq(field('pattern', $._inspect_operand), kw('BY'), field('by', $._inspect_operand), repeat($.inspect_limit)),
      ),
    inspect_converting: ($) =>
      prec.right(
        seq(kw('CONVERTING'), field('from', $._inspect_operand), kw('TO'), field('to', $._inspect_operand), repeat($.inspect_limit)),
      ),
    inspect_limit: ($) =>
      seq(field('position', kws('BEFORE', 'AFTER')), optional(kw('INITIAL')), field('pattern', $._inspect_operand)),

    merge_statement: ($) =>
      prec.right(
        seq(
          kw('MERGE'),
          field('file', $.word),
          repeat1($.sort_key),
          optional($.collating_sequence),
          $.sort_using,
          choice($.sort_giving, $.output_procedure),
        ),
      ),

    move_statement: ($) =>
      prec.right(
        seq(
          kw('MOVE'),
          optional(field('corresponding', $._corr)),
          field('from', $._operand),
          kw('TO'),
          repeat1(field('to', $.data_ref)),
        ),
      ),

    next_sentence: ($) => seq(kw('NEXT'), kw('SENTENCE')),

    open_statement: ($) => prec.right(seq(kw('OPEN'), repeat1($.open_entry))),
    open_entry: ($) =>
      prec.right(
        seq(
          field('mode', kws('INPUT', 'OUTPUT', 'I-O', 'EXTEND')),
          repeat1(seq(field('file', $.word), optional(seq(optional(kw('WITH')), kw('NO'), kw('REWIND'))))),
        ),
      ),

    perform_statement: ($) =>
      prec.right(
        choice(
          seq(
            kw('PERFORM'),
            field('procedure', $.procedure_name),
            optional(seq(kws('THRU', 'THROUGH'), field('thru', $.procedure_name))),
            optional($._perform_option),
          ),
        ),
      ),

    // An inline PERFORM: the statements up to END-PERFORM follow as fragments.
    perform_header: ($) => prec.right(seq(kw('PERFORM'), optional($._perform_option))),

    _perform_option: ($) => choice($.perform_times, $.perform_until, $.perform_varying),
    perform_times: ($) => seq(field('count', choice($.data_ref, $.number)), kw('TIMES')),
    // `UNTIL EXIT` (GnuCOBOL): loop until EXIT PERFORM, GO TO, STOP RUN or GOBACK leaves it.
    perform_until: ($) =>
      seq(optional($.test_phrase), kw('UNTIL'), choice(field('forever', kw('EXIT')), field('condition', $._condition))),
    perform_varying: ($) =>
      prec.right(
        seq(
          optional($.test_phrase),
          kw('VARYING'),
          $.varying_clause,
          repeat(seq(kw('AFTER'), $.varying_clause)),
        ),
      ),
    varying_clause: ($) =>
      seq(
        field('item', $.data_ref),
        kw('FROM'),
        field('from', $._expr),
        kw('BY'),
        field('by', $._expr),
        kw('UNTIL'),
        field('condition', $._condition),
      ),
    test_phrase: ($) => seq(optional(kw('WITH')), kw('TEST'), field('when', kws('BEFORE', 'AFTER'))),

    procedure_name: ($) =>
      prec.right(
        seq(field('name', choice($.word, $.number)), optional(seq(kws('OF', 'IN'), field('section', choice($.word, $.number))))),
      ),

    read_statement: ($) =>
      prec.right(
        seq(
          kw('READ'),
          field('file', $.word),
          optional(field('direction', kws('NEXT', 'PREVIOUS'))),
          optional(kw('RECORD')),
          optional(seq(kw('INTO'), field('into', $.data_ref))),
          optional(seq(optional(kw('WITH')), optional(kw('NO')), kw('LOCK'))),
          optional(seq(kw('KEY'), optional(kw('IS')), field('key', $.data_ref))),
        ),
      ),

    release_statement: ($) =>
      prec.right(seq(kw('RELEASE'), field('record', $.data_ref), optional(seq(kw('FROM'), field('from', $._operand))))),

    return_statement: ($) =>
      prec.right(
        seq(
          kw('RETURN'),
          field('file', $.word),
          optional(kw('RECORD')),
          optional(seq(kw('INTO'), field('into', $.data_ref))),
        ),
      ),

    rewrite_statement: ($) =>
      prec.right(
        seq(
          kw('REWRITE'),
          field('record', $.data_ref),
          optional(seq(kw('FROM'), field('from', $._operand))),
        ),
      ),

    search_header: ($) =>
      prec.right(
        seq(
          kw('SEARCH'),
          optional(field('all', kw('ALL'))),
          field('table', $.data_ref),
          optional(seq(kw('VARYING'), field('varying', $.data_ref))),
        ),
      ),

    set_statement: ($) =>
      prec.right(
        seq(
          kw('SET'),
          repeat1(field('target', choice($.data_ref, $.address_of))),
          choice(
            seq(kw('TO'), field('value', choice(kws('TRUE', 'FALSE', 'ON', 'OFF'), $._operand))),
            seq(kw('TO'), field('entry', seq(kw('ENTRY'), $._operand))),
            seq(field('direction', kws('UP', 'DOWN')), kw('BY'), field('value', $._operand)),
          ),
        ),
      ),

    // SET ENVIRONMENT name TO value (GnuCOBOL).
    set_environment_statement: ($) =>
      seq(kw('SET'), kw('ENVIRONMENT'), field('name', $._operand), kw('TO'), field('value', $._operand)),

    // ---- Report Writer
    initiate_statement: ($) => prec.right(seq(kw('INITIATE'), repeat1(field('report', $.word)))),
    generate_statement: ($) => seq(kw('GENERATE'), field('name', $.data_ref)),
    terminate_statement: ($) => prec.right(seq(kw('TERMINATE'), repeat1(field('report', $.word)))),
    suppress_statement: ($) => prec.right(seq(kw('SUPPRESS'), optional(kw('PRINTING')))),

    // ---- XML / JSON (IBM Enterprise COBOL, GnuCOBOL 3.1)
    xml_generate_statement: ($) =>
      prec.right(
        seq(
          kw('XML'),
          kw('GENERATE'),
          field('target', $.data_ref),
          kw('FROM'),
          field('source', $.data_ref),
          repeat(
            choice(
              seq(kw('COUNT'), optional(kw('IN')), field('count', $.data_ref)),
              seq(optional(kw('WITH')), kw('ENCODING'), field('encoding', $._simple_operand)),
              field('declaration', seq(optional(kw('WITH')), kw('XML-DECLARATION'))),
              field('attributes', seq(optional(kw('WITH')), kw('ATTRIBUTES'))),
              seq(kw('NAMESPACE'), optional(kw('IS')), field('namespace', $._inspect_operand)),
              seq(kw('NAMESPACE-PREFIX'), optional(kw('IS')), field('namespace_prefix', $._inspect_operand)),
            ),
          ),
        ),
      ),
    xml_parse_statement: ($) =>
      prec.right(
        seq(
          kw('XML'),
          kw('PARSE'),
          field('source', $.data_ref),
          repeat(
            choice(
              seq(optional(kw('WITH')), kw('ENCODING'), field('encoding', $._simple_operand)),
              field('national', seq(kw('RETURNING'), kw('NATIONAL'))),
              seq(kw('VALIDATING'), optional(kw('WITH')), optional(kw('FILE')), field('validating', $.data_ref)),
            ),
          ),
          kw('PROCESSING'),
          kw('PROCEDURE'),
          optional(kw('IS')),
          field('procedure', $.procedure_name),
          optional(seq(kws('THRU', 'THROUGH'), field('thru', $.procedure_name))),
        ),
      ),
    json_generate_statement: ($) =>
      prec.right(
        seq(
          kw('JSON'),
          kw('GENERATE'),
          field('target', $.data_ref),
          kw('FROM'),
          field('source', $.data_ref),
          optional(seq(kw('COUNT'), optional(kw('IN')), field('count', $.data_ref))),
        ),
      ),
    json_parse_statement: ($) =>
      prec.right(
        seq(
          kw('JSON'),
          kw('PARSE'),
          field('source', $.data_ref),
          kw('INTO'),
          field('target', $.data_ref),
          optional(field('detail', seq(optional(kw('WITH')), kw('DETAIL')))),
        ),
      ),

    sort_statement: ($) =>
      prec.right(
        seq(
          kw('SORT'),
          field('file', $.word),
          repeat1($.sort_key),
          optional(field('duplicates', seq(optional(kw('WITH')), kw('DUPLICATES'), optional(kw('IN')), optional(kw('ORDER'))))),
          optional($.collating_sequence),
          optional(choice($.sort_using, $.input_procedure)),
          optional(choice($.sort_giving, $.output_procedure)),
        ),
      ),

    sort_key: ($) =>
      prec.right(
        seq(
          optional(kw('ON')),
          field('direction', kws('ASCENDING', 'DESCENDING')),
          optional(kw('KEY')),
          optional(kw('IS')),
          repeat1(field('key', $.data_ref)),
        ),
      ),
    collating_sequence: ($) => seq(optional(kw('COLLATING')), kw('SEQUENCE'), optional(kw('IS')), $.word),
    sort_using: ($) => prec.right(seq(kw('USING'), repeat1(field('file', $.word)))),
    sort_giving: ($) => prec.right(seq(kw('GIVING'), repeat1(field('file', $.word)))),
    input_procedure: ($) =>
      prec.right(
        seq(
          kw('INPUT'),
          kw('PROCEDURE'),
          optional(kw('IS')),
          field('procedure', $.procedure_name),
          optional(seq(kws('THRU', 'THROUGH'), field('thru', $.procedure_name))),
        ),
      ),
    output_procedure: ($) =>
      prec.right(
        seq(
          kw('OUTPUT'),
          kw('PROCEDURE'),
          optional(kw('IS')),
          field('procedure', $.procedure_name),
          optional(seq(kws('THRU', 'THROUGH'), field('thru', $.procedure_name))),
        ),
      ),

    start_statement: ($) =>
      prec.right(
        seq(
          kw('START'),
          field('file', $.word),
          optional(seq(kw('KEY'), field('op', $.rel_operator), field('key', $.data_ref))),
        ),
      ),

    stop_statement: ($) =>
      prec.right(
        seq(
          kw('STOP'),
          choice(
            seq(
              kw('RUN'),
              optional(
                choice(
                  seq(kws('RETURNING', 'GIVING'), field('status', $._operand)),
                  seq(
                    optional(kw('WITH')),
                    field('completion', kws('ERROR', 'NORMAL')),
                    optional(kw('STATUS')),
                    optional(field('status', $._operand)),
                  ),
                ),
              ),
            ),
            field('literal', $._simple_literal),
          ),
        ),
      ),

    string_statement: ($) =>
      prec.right(
        seq(
          kw('STRING'),
          repeat1($.string_source),
          kw('INTO'),
          field('into', $.data_ref),
          optional(seq(optional(kw('WITH')), kw('POINTER'), field('pointer', $.data_ref))),
        ),
      ),

    string_source: ($) =>
      prec.right(
        seq(
          repeat1(field('value', $._inspect_operand)),
          optional(seq(kw('DELIMITED'), optional(kw('BY')), field('delimiter', choice(kw('SIZE'), $._inspect_operand)))),
        ),
      ),

    unstring_statement: ($) =>
      prec.right(
        seq(
          kw('UNSTRING'),
          field('source', $.data_ref),
          optional(
            seq(
              kw('DELIMITED'),
              optional(kw('BY')),
              $.unstring_delimiter,
              repeat(seq(kw('OR'), $.unstring_delimiter)),
            ),
          ),
          kw('INTO'),
          repeat1($.unstring_into),
          optional(seq(optional(kw('WITH')), kw('POINTER'), field('pointer', $.data_ref))),
          optional(seq(kw('TALLYING'), optional(kw('IN')), field('tallying', $.data_ref))),
        ),
      ),

    unstring_delimiter: ($) => seq(optional(field('all', kw('ALL'))), field('value', $._inspect_operand)),
    unstring_into: ($) =>
      prec.right(
        seq(
          field('item', $.data_ref),
          optional(seq(kw('DELIMITER'), optional(kw('IN')), field('delimiter', $.data_ref))),
          optional(seq(kw('COUNT'), optional(kw('IN')), field('count', $.data_ref))),
        ),
      ),

    write_statement: ($) =>
      prec.right(
        seq(
          kw('WRITE'),
          field('record', $.data_ref),
          optional(seq(kw('FROM'), field('from', $._operand))),
          optional($.advancing),
        ),
      ),

    advancing: ($) =>
      prec.right(
        seq(
          field('position', kws('BEFORE', 'AFTER')),
          optional(kw('ADVANCING')),
          choice(field('page', kw('PAGE')), seq(field('count', $._simple_operand), optional(field('lines', kws('LINE', 'LINES'))))),
        ),
      ),

    // ------------------------------------------------------------------ conditions
    _condition: ($) =>
      choice(
        $.or_condition,
        $.and_condition,
        $.not_condition,
        $.paren_condition,
        $.relation,
        $.abbreviated_relation,
        $.class_condition,
        $.sign_condition,
        $.bare_condition,
      ),

    or_condition: ($) => prec.left(PREC.or, seq(field('left', $._condition), kw('OR'), field('right', $._condition))),
    and_condition: ($) => prec.left(PREC.and, seq(field('left', $._condition), kw('AND'), field('right', $._condition))),
    not_condition: ($) => prec(PREC.not, seq(kw('NOT'), field('operand', $._condition))),
    paren_condition: ($) => seq('(', $._condition, ')'),
    relation: ($) =>
      prec.left(PREC.rel, seq(field('left', $._expr), field('op', $.rel_operator), field('right', $._expr))),
    // The subject is omitted: `A = 1 OR > 5` (the `> 5`).
    abbreviated_relation: ($) =>
      prec.left(PREC.rel, seq(field('op', alias($.plain_rel_operator, $.rel_operator)), field('right', $._expr))),
    // A condition-name, or an abbreviated relation object with subject and operator omitted.
    bare_condition: ($) => prec(PREC.bare, $._expr),
    class_condition: ($) =>
      prec(
        PREC.rel,
        choice(
          seq(
            field('operand', $._expr),
            optional(kw('IS')),
            optional(field('negated', kw('NOT'))),
            field('class', kws('NUMERIC', 'ALPHABETIC', 'ALPHABETIC-LOWER', 'ALPHABETIC-UPPER')),
          ),
          seq(field('operand', $._expr), kw('IS'), optional(field('negated', kw('NOT'))), field('user_class', $.word)),
          // `X VOWEL`, `X NOT VOWEL`: a user class without IS (cobc takes it).
          prec.dynamic(-1, seq(field('operand', $._expr), optional(field('negated', kw('NOT'))), field('user_class', $.word))),
        ),
      ),
    sign_condition: ($) =>
      prec(
        PREC.rel,
        seq(
          field('operand', $._expr),
          optional(kw('IS')),
          optional(field('negated', kw('NOT'))),
          field('sign', kws('POSITIVE', 'NEGATIVE', 'ZERO', 'ZEROS', 'ZEROES')),
        ),
      ),

    rel_operator: ($) => seq(optional(kw('IS')), optional(field('negated', kw('NOT'))), $._rel_symbol),
    // In an abbreviated relation a NOT before the operator is read as a logical NOT (same meaning).
    plain_rel_operator: ($) => $._rel_symbol,

    _rel_symbol: ($) =>
      choice(
        '=',
        '>',
        '<',
        '>=',
        '<=',
        '<>',
        seq(kw('EQUAL'), optional(kw('TO'))),
        seq(kw('GREATER'), optional(kw('THAN'))),
        seq(kw('LESS'), optional(kw('THAN'))),
        seq(kw('GREATER'), optional(kw('THAN')), kw('OR'), kw('EQUAL'), optional(kw('TO'))),
        seq(kw('LESS'), optional(kw('THAN')), kw('OR'), kw('EQUAL'), optional(kw('TO'))),
      ),

    // ------------------------------------------------------------------ expressions
    _expr: ($) => choice($.binary_expression, $.unary_expression, $.paren_expression, $._operand),

    binary_expression: ($) =>
      choice(
        prec.left(PREC.add, seq(field('left', $._expr), field('op', choice('+', '-')), field('right', $._expr))),
        prec.left(PREC.mul, seq(field('left', $._expr), field('op', choice('*', '/')), field('right', $._expr))),
        prec.right(PREC.pow, seq(field('left', $._expr), field('op', '**'), field('right', $._expr))),
      ),
    unary_expression: ($) => prec(PREC.unary, seq(field('op', choice('+', '-')), field('operand', $._expr))),
    paren_expression: ($) => seq('(', $._expr, ')'),

    _operand: ($) =>
      choice($.data_ref, $._literal, $.function_call, $.length_function, $.length_of, $.address_of),
    _inspect_operand: ($) => choice($.data_ref, $._simple_literal, $.function_call),
    _simple_operand: ($) => choice($.data_ref, $.number),

    data_ref: ($) =>
      prec.right(
        seq(
          field('name', $.word),
          repeat(seq(kws('OF', 'IN'), field('qualifier', $.word))),
          optional($.subscripts),
          optional($.refmod),
        ),
      ),
    subscripts: ($) => seq('(', repeat1($._expr), ')'),
    refmod: ($) => seq('(', field('start', $._expr), ':', optional(field('length', $._expr)), ')'),

    function_call: ($) =>
      prec.right(seq(kw('FUNCTION'), field('name', $.word), optional($.arguments), optional($.refmod))),
    arguments: ($) => seq('(', repeat($._expr), ')'),
    length_of: ($) => seq(kw('LENGTH'), kw('OF'), $.data_ref),
    // `LENGTH (x)` without the word FUNCTION, valid after REPOSITORY. FUNCTION ... INTRINSIC; other
    // intrinsic names parse as subscripted data references and the lowering tells them apart.
    length_function: ($) => prec.right(seq(kw('LENGTH'), $.arguments, optional($.refmod))),
    address_of: ($) => seq(kw('ADDRESS'), kw('OF'), $.data_ref),

    // ------------------------------------------------------------------ literals & tokens
    _literal: ($) => choice($._simple_literal, $.all_literal),
    _simple_literal: ($) => choice($.number, $.string, $.hex_string, $.prefixed_string, $.figurative),
    all_literal: ($) => seq(kw('ALL'), choice($.string, $.hex_string, $.figurative, $.number)),

    figurative: ($) =>
      kws(
        'ZERO',
        'ZEROS',
        'ZEROES',
        'SPACE',
        'SPACES',
        'HIGH-VALUE',
        'HIGH-VALUES',
        'LOW-VALUE',
        'LOW-VALUES',
        'QUOTE',
        'QUOTES',
        'NULL',
        'NULLS',
      ),

    // `1,5`: a decimal comma under DECIMAL-POINT IS COMMA, otherwise two numbers (the lowering splits).
    number: ($) => token(/[+-]?([0-9]+([.,][0-9]+)?|[.,][0-9]+)/),
    string: ($) => token(choice(/"([^"\n]|"")*"/, /'([^'\n]|'')*'/)),
    hex_string: ($) => token(seq(/[xX]/, choice(/"[0-9A-Fa-f \t]*"/, /'[0-9A-Fa-f \t]*'/))),
    // N"..." (national) and Z"..." (zero-terminated) literals.
    prefixed_string: ($) => token(seq(/[nNzZ]/, choice(/"([^"\n]|"")*"/, /'([^'\n]|'')*'/))),

    word: ($) => /[A-Za-z0-9_]*[A-Za-z_][A-Za-z0-9_]*(-+[A-Za-z0-9_]+)*|[0-9]+(-+[A-Za-z0-9_]+)+/,

    comment: ($) => token(seq('*>', /[^\n]*/)),
    directive: ($) => token(seq('>>', /[^\n]*/)),
    // IBM listing control, alone on its line: EJECT, SKIP1/2/3 (optional period), TITLE 'text'.
    listing_directive: ($) =>
      token(
        prec(
          1,
          choice(
            seq(/[eE][jJ][eE][cC][tT]|[sS][kK][iI][pP][123]/, /[ \t]*\.?[ \t]*\r?\n/),
            seq(/[tT][iI][tT][lL][eE]/, /[ \t]+/, /"[^"\n]*"|'[^'\n]*'/, /[ \t]*\.?[ \t]*\r?\n/),
          ),
        ),
      ),
  },
});
