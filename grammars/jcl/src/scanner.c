// External scanner for Ferry's JCL grammar (hand-written).
//
// JCL is column-sensitive, which regular expressions in grammar.js cannot express, so this scanner
// produces almost every token. It knows:
// - what a line is from its first columns: `//*` comment, `//` statement, `//` + blanks null statement,
//   `/*` delimiter, `/*WORD` JES2 control statement, anything else stray data (or a blank line);
// - the name field (column 3), the operation, blanks between fields, the comment field after the
//   operands, and that columns 72-80 are ignored;
// - continuation: an operand field ending with a comma goes on in the next `//` + blanks line
//   (comment statements may come in between); an apostrophe string running to column 71 goes on
//   in column 16 of the next line;
// - in-stream data after `DD *` (ends at `/*`, the DLM= delimiter, or the next `//` line) and after
//   `DD DATA` (ends at `/*` or the DLM= delimiter only). The scanner learns which from the `*` /
//   `DATA` / DLM value tokens it produces for the DD statement, and keeps it in its state;
// - IF conditions: blanks and continuation lines between the tokens of a condition are skipped.
//
// Columns are 0-based here: a statement field ends before index 71 (column 72).

#include "tree_sitter/alloc.h"
#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum TokenType {
  STMT_START,
  NULL_STATEMENT,
  COMMENT,
  JES2_STATEMENT,
  DELIMITER,
  STRAY_DATA,
  BLANK_LINE,
  INSTREAM_DATA,
  DATA_END,
  NAME,
  BLANKS,
  REMARK,
  NEWLINE,
  CONTINUATION,
  OP_JOB,
  OP_EXEC,
  OP_DD,
  OP_PROC,
  OP_PEND,
  OP_SET,
  OP_INCLUDE,
  OP_JCLLIB,
  OP_IF,
  OP_ELSE,
  OP_ENDIF,
  OP_OTHER,
  WORD,
  STRING,
  STAR,
  DATA_KW,
  DLM_KW,
  DLM_VALUE,
  COND_LPAREN,
  COND_RPAREN,
  COMPARISON_OPERATOR,
  AND,
  OR,
  NOT,
  COND_TERM,
  THEN,
  ERROR_SENTINEL,
};

/* First ignored column (index of column 72). */
#define LAST 71
/* A continued apostrophe string resumes at this index (column 16). */
#define STRING_RESUME 15
#define MAX_DLM 8

enum Mode { MODE_NONE = 0, MODE_STAR = 1, MODE_DATA = 2 };

typedef struct {
  uint8_t mode;
  uint8_t dlm_len;
  char dlm[MAX_DLM];
} Scanner;

/* The lexer with the column of its lookahead character. */
typedef struct {
  TSLexer *lx;
  uint32_t col;
} Cur;

static inline int32_t la(Cur *c) { return c->lx->lookahead; }
static inline bool eof(Cur *c) { return c->lx->eof(c->lx); }

static inline void adv(Cur *c, bool skip) {
  if (c->lx->lookahead == '\n') {
    c->col = 0;
  } else {
    c->col++;
  }
  c->lx->advance(c->lx, skip);
}

static inline void mark(Cur *c) { c->lx->mark_end(c->lx); }

static inline bool is_blank(int32_t ch) { return ch == ' ' || ch == '\t'; }

/* At the end of the line's text: newline, carriage return or end of input. */
static inline bool at_eol(Cur *c) { return eof(c) || la(c) == '\n' || la(c) == '\r'; }

/* At the end of the statement field: end of line or column 72. */
static inline bool at_field_end(Cur *c) { return at_eol(c) || c->col >= LAST; }

static inline int32_t upper(int32_t ch) { return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch; }

static inline bool is_alnum(int32_t ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '@' ||
         ch == '#' || ch == '$';
}

/* Advances to the newline (not over it). */
static void skip_to_eol(Cur *c, bool skip) {
  while (!eof(c) && la(c) != '\n') adv(c, skip);
}

/* Advances over `\r\n` / `\n`; false at end of input. */
static bool eat_newline(Cur *c, bool skip) {
  if (la(c) == '\r') adv(c, skip);
  if (la(c) == '\n') {
    adv(c, skip);
    return true;
  }
  return false;
}

/* The rest of the line, its newline included, belongs to the token. */
static bool finish_line(Cur *c, enum TokenType t) {
  skip_to_eol(c, false);
  eat_newline(c, false);
  mark(c);
  c->lx->result_symbol = t;
  return true;
}

static void reset_data(Scanner *s) {
  s->mode = MODE_NONE;
  s->dlm_len = 0;
}

/* ------------------------------------------------------------------------------------- lines */

/* Reads up to `want` characters of the line into buf (stops at the newline). When the line starts
 * with `//` and `mark_slashes`, marks the token end after those two characters: a statement start
 * is exactly `//`, every other line token re-marks at its end. */
static unsigned read_prefix(Cur *c, char *buf, unsigned want, bool mark_slashes) {
  unsigned n = 0;
  while (n < want && !at_eol(c)) {
    int32_t ch = la(c);
    buf[n++] = (ch > 0 && ch < 128) ? (char)ch : '?';
    adv(c, false);
    if (n == 2 && mark_slashes && buf[0] == '/' && buf[1] == '/') mark(c);
  }
  return n;
}

static bool prefix_is(const char *buf, unsigned n, const char *p, unsigned len) {
  return n >= len && memcmp(buf, p, len) == 0;
}

/* Does a line starting with buf end the in-stream data? */
static bool ends_data(Scanner *s, const char *buf, unsigned n) {
  if (s->dlm_len > 0) {
    if (prefix_is(buf, n, s->dlm, s->dlm_len)) return true;
  } else if (prefix_is(buf, n, "/*", 2)) {
    return true;
  }
  return s->mode != MODE_DATA && prefix_is(buf, n, "//", 2);
}

static bool is_delimiter_line(Scanner *s, const char *buf, unsigned n) {
  return s->dlm_len > 0 ? prefix_is(buf, n, s->dlm, s->dlm_len) : prefix_is(buf, n, "/*", 2);
}

/* A line whose first n characters (already consumed) are buf, outside in-stream data. */
static bool dispatch_line(Scanner *s, Cur *c, const bool *valid, const char *buf, unsigned n) {
  if (prefix_is(buf, n, "//", 2)) {
    if (n >= 3 && buf[2] == '*') return finish_line(c, COMMENT);
    bool blank = true;
    for (unsigned i = 2; i < n; i++) {
      if (!is_blank((unsigned char)buf[i])) blank = false;
    }
    if (blank) {
      while (!at_field_end(c) && is_blank(la(c))) adv(c, false);
      if (at_field_end(c)) {
        if (!valid[NULL_STATEMENT]) return false;
        reset_data(s);
        return finish_line(c, NULL_STATEMENT);
      }
    }
    /* The token end was marked after `//` while reading the prefix. */
    if (!valid[STMT_START]) return false;
    reset_data(s);
    c->lx->result_symbol = STMT_START;
    return true;
  }
  if (prefix_is(buf, n, "/*", 2)) {
    if (n >= 3 && is_alnum((unsigned char)buf[2])) return finish_line(c, JES2_STATEMENT);
    return finish_line(c, DELIMITER);
  }
  bool blank = true;
  for (unsigned i = 0; i < n; i++) {
    if (!is_blank((unsigned char)buf[i])) blank = false;
  }
  while (blank && !at_eol(c)) {
    if (!is_blank(la(c))) blank = false;
    adv(c, false);
  }
  return finish_line(c, blank ? BLANK_LINE : STRAY_DATA);
}

static bool scan_line_start(Scanner *s, Cur *c, const bool *valid, bool recovering) {
  char buf[MAX_DLM + 4];
  unsigned want = s->dlm_len > 3 ? s->dlm_len : 3;
  if (recovering || !(valid[INSTREAM_DATA] || valid[DATA_END])) {
    if (eof(c)) return false;
    unsigned n = read_prefix(c, buf, 3, true);
    return dispatch_line(s, c, valid, buf, n);
  }
  /* In-stream data: whole lines up to the terminating one. */
  unsigned lines = 0;
  for (;;) {
    if (eof(c)) break;
    unsigned n = read_prefix(c, buf, want, lines == 0);
    if (ends_data(s, buf, n) || !valid[INSTREAM_DATA]) {
      if (lines > 0) break;
      if (valid[DATA_END] && is_delimiter_line(s, buf, n)) {
        reset_data(s);
        return finish_line(c, DATA_END);
      }
      return dispatch_line(s, c, valid, buf, n);
    }
    skip_to_eol(c, false);
    eat_newline(c, false);
    mark(c);
    lines++;
  }
  if (lines == 0) return false;
  c->lx->result_symbol = INSTREAM_DATA;
  return true;
}

/* ------------------------------------------------------------------------------ within a line */

/* After a trailing comma (and the rest of that line, already skipped): the newline, any comment
 * statements, and the `//` + blanks of the next line. Marks the end before the resumed operand. */
static bool scan_continuation(Cur *c) {
  for (;;) {
    if (!eat_newline(c, false)) return false;
    if (la(c) != '/') return false;
    adv(c, false);
    if (la(c) != '/') return false;
    adv(c, false);
    if (la(c) == '*') {
      skip_to_eol(c, false);
      continue;
    }
    if (!is_blank(la(c))) return false;
    while (!at_field_end(c) && is_blank(la(c))) adv(c, false);
    if (at_field_end(c)) return false;
    mark(c);
    c->lx->result_symbol = CONTINUATION;
    return true;
  }
}

/* At a blank, the end of the line, or column 72. */
static bool scan_gap(Cur *c, const bool *valid, bool recovering) {
  bool blanks = false;
  while (!at_field_end(c) && is_blank(la(c))) {
    adv(c, false);
    blanks = true;
  }
  if (!at_field_end(c)) {
    if (!blanks) return false;
    if (valid[BLANKS]) {
      mark(c);
      c->lx->result_symbol = BLANKS;
      return true;
    }
    if (valid[REMARK] && !valid[CONTINUATION]) {
      while (!at_field_end(c)) {
        int32_t ch = la(c);
        adv(c, false);
        if (!is_blank(ch)) mark(c);
      }
      c->lx->result_symbol = REMARK;
      return true;
    }
    if (!valid[CONTINUATION]) return false;
    /* A comment after the trailing comma: part of the continuation. */
  }
  skip_to_eol(c, false);
  if (eof(c)) {
    if (!valid[NEWLINE]) return false;
    mark(c);
    c->lx->result_symbol = NEWLINE;
    return true;
  }
  if (valid[NEWLINE] && (recovering || !valid[CONTINUATION])) {
    eat_newline(c, false);
    mark(c);
    c->lx->result_symbol = NEWLINE;
    return true;
  }
  if (valid[CONTINUATION]) return scan_continuation(c);
  return false;
}

static bool scan_name(Cur *c) {
  while (!at_field_end(c) && !is_blank(la(c))) adv(c, false);
  mark(c);
  c->lx->result_symbol = NAME;
  return true;
}

static const struct {
  const char *word;
  enum TokenType token;
} OPERATIONS[] = {
    {"JOB", OP_JOB},   {"EXEC", OP_EXEC},       {"DD", OP_DD},         {"PROC", OP_PROC},
    {"PEND", OP_PEND}, {"SET", OP_SET},         {"INCLUDE", OP_INCLUDE}, {"JCLLIB", OP_JCLLIB},
    {"IF", OP_IF},     {"ELSE", OP_ELSE},       {"ENDIF", OP_ENDIF},   {NULL, OP_OTHER},
};

static bool scan_operation(Cur *c, const bool *valid) {
  char buf[16];
  unsigned n = 0;
  while (!at_field_end(c) && is_alnum(la(c))) {
    if (n + 1 < sizeof buf) buf[n++] = (char)upper(la(c));
    adv(c, false);
  }
  if (n == 0) return false;
  buf[n] = 0;
  enum TokenType t = OP_OTHER;
  for (unsigned i = 0; OPERATIONS[i].word; i++) {
    if (strcmp(buf, OPERATIONS[i].word) == 0) {
      t = OPERATIONS[i].token;
      break;
    }
  }
  if (!valid[t]) return false;
  mark(c);
  c->lx->result_symbol = t;
  return true;
}

static inline bool is_word_char(int32_t ch) {
  return !(is_blank(ch) || ch == ',' || ch == '(' || ch == ')' || ch == '=' || ch == '\'' || ch == '\n' ||
           ch == '\r' || ch == 0);
}

/* 'text' with '' for an apostrophe; a string reaching column 71 resumes in column 16 of the next
 * `//` line. An unterminated string ends at the end of its line (the reader reports it). */
static bool scan_string(Cur *c, enum TokenType t, Scanner *s) {
  unsigned n = 0;
  adv(c, false);
  for (;;) {
    if (at_eol(c)) break;
    if (c->col >= LAST) {
      mark(c);
      skip_to_eol(c, false);
      if (!eat_newline(c, false)) goto done;
      if (la(c) != '/') goto done;
      adv(c, false);
      if (la(c) != '/') goto done;
      adv(c, false);
      if (!is_blank(la(c))) goto done;
      while (c->col < STRING_RESUME && is_blank(la(c))) adv(c, false);
      if (at_field_end(c)) goto done;
      continue;
    }
    int32_t ch = la(c);
    adv(c, false);
    if (ch == '\'') {
      if (la(c) == '\'' && c->col < LAST) {
        adv(c, false);
      } else {
        break;
      }
    }
    if (s && n < MAX_DLM) s->dlm[n++] = (ch > 0 && ch < 128) ? (char)ch : '?';
  }
  mark(c);
done:
  if (s) s->dlm_len = (uint8_t)n;
  c->lx->result_symbol = t;
  return true;
}

static bool scan_word(Scanner *s, Cur *c, const bool *valid, bool recovering) {
  if (la(c) == '\'') {
    if (!recovering && valid[DLM_VALUE]) return scan_string(c, DLM_VALUE, s);
    if (valid[STRING]) return scan_string(c, STRING, NULL);
    return false;
  }
  char up[8], raw[MAX_DLM];
  unsigned n = 0;
  while (!at_field_end(c) && is_word_char(la(c))) {
    int32_t ch = la(c);
    char b = (ch > 0 && ch < 128) ? (char)ch : '?';
    if (n < sizeof up) up[n] = (char)upper(b);
    if (n < MAX_DLM) raw[n] = b;
    n++;
    adv(c, false);
  }
  if (n == 0) return false;
  mark(c);
  if (!recovering) {
    if (valid[DLM_VALUE]) {
      s->dlm_len = (uint8_t)(n < MAX_DLM ? n : MAX_DLM);
      memcpy(s->dlm, raw, s->dlm_len);
      c->lx->result_symbol = DLM_VALUE;
      return true;
    }
    if (valid[STAR] && n == 1 && up[0] == '*') {
      s->mode = MODE_STAR;
      c->lx->result_symbol = STAR;
      return true;
    }
    if (valid[DATA_KW] && n == 4 && memcmp(up, "DATA", 4) == 0) {
      s->mode = MODE_DATA;
      c->lx->result_symbol = DATA_KW;
      return true;
    }
    if (valid[DLM_KW] && n == 3 && memcmp(up, "DLM", 3) == 0) {
      c->lx->result_symbol = DLM_KW;
      return true;
    }
  }
  if (!valid[WORD]) return false;
  c->lx->result_symbol = WORD;
  return true;
}

/* ----------------------------------------------------------------------------- IF conditions */

static inline bool is_cond_char(int32_t ch) { return is_alnum(ch) || ch == '.' || ch == '_' || ch == '&'; }

static bool scan_condition(Cur *c, const bool *valid) {
  /* Blanks, columns 72-80 and continuation lines (`//` + blanks) between tokens are skipped. */
  for (;;) {
    if (eof(c)) return false;
    if (at_field_end(c)) {
      skip_to_eol(c, true);
      if (!eat_newline(c, true)) return false;
      if (la(c) != '/') return false;
      adv(c, true);
      if (la(c) != '/') return false;
      adv(c, true);
      if (la(c) == '*') {
        skip_to_eol(c, true);
        continue;
      }
      if (!is_blank(la(c))) return false;
      continue;
    }
    if (!is_blank(la(c))) break;
    adv(c, true);
  }
  int32_t ch = la(c);
  enum TokenType t;
  if (ch == '(' || ch == ')') {
    t = ch == '(' ? COND_LPAREN : COND_RPAREN;
    adv(c, false);
  } else if (ch == '=' || ch == '<' || ch == '>') {
    t = COMPARISON_OPERATOR;
    adv(c, false);
    if (ch != '=' && la(c) == '=') adv(c, false);
  } else if (ch == 0xAC /* ¬ */ || ch == '^') {
    adv(c, false);
    if (la(c) == '=' || la(c) == '<' || la(c) == '>') {
      t = COMPARISON_OPERATOR;
      adv(c, false);
    } else {
      t = NOT;
    }
  } else if (ch == '&' && valid[AND]) {
    t = AND;
    adv(c, false);
  } else if (ch == '|') {
    t = OR;
    adv(c, false);
  } else if (is_cond_char(ch)) {
    char buf[8];
    unsigned n = 0;
    while (!at_field_end(c) && is_cond_char(la(c))) {
      if (n < sizeof buf - 1) buf[n] = (char)upper(la(c));
      n++;
      adv(c, false);
    }
    buf[n < sizeof buf - 1 ? n : sizeof buf - 1] = 0;
    if (n >= sizeof buf - 1) buf[0] = 0; /* too long for a keyword */
    static const char *const REL[] = {"EQ", "NE", "GT", "LT", "GE", "LE", "NG", "NL", NULL};
    t = COND_TERM;
    if (valid[THEN] && strcmp(buf, "THEN") == 0) {
      t = THEN;
    } else if (valid[AND] && strcmp(buf, "AND") == 0) {
      t = AND;
    } else if (valid[OR] && strcmp(buf, "OR") == 0) {
      t = OR;
    } else if (valid[NOT] && strcmp(buf, "NOT") == 0) {
      t = NOT;
    } else if (valid[COMPARISON_OPERATOR]) {
      for (unsigned i = 0; REL[i]; i++) {
        if (strcmp(buf, REL[i]) == 0) t = COMPARISON_OPERATOR;
      }
    }
  } else {
    return false;
  }
  if (!valid[t]) return false;
  mark(c);
  c->lx->result_symbol = t;
  return true;
}

/* ---------------------------------------------------------------------------------- entry */

void *tree_sitter_jcl_external_scanner_create(void) {
  static const Scanner zero = {0};
  Scanner *s = (Scanner *)ts_malloc(sizeof(Scanner));
  *s = zero;
  return s;
}

void tree_sitter_jcl_external_scanner_destroy(void *payload) { ts_free(payload); }

unsigned tree_sitter_jcl_external_scanner_serialize(void *payload, char *buffer) {
  Scanner *s = (Scanner *)payload;
  buffer[0] = (char)s->mode;
  buffer[1] = (char)s->dlm_len;
  memcpy(buffer + 2, s->dlm, s->dlm_len);
  return 2u + s->dlm_len;
}

void tree_sitter_jcl_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  Scanner *s = (Scanner *)payload;
  reset_data(s);
  if (length >= 2) {
    s->mode = (uint8_t)buffer[0];
    uint8_t len = (uint8_t)buffer[1];
    if (len > MAX_DLM || 2u + len > length) len = 0;
    s->dlm_len = len;
    memcpy(s->dlm, buffer + 2, len);
  }
}

bool tree_sitter_jcl_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid) {
  Scanner *s = (Scanner *)payload;
  bool recovering = valid[ERROR_SENTINEL];
  Cur cur = {lexer, lexer->get_column(lexer)};
  Cur *c = &cur;

  if (c->col == 0) return scan_line_start(s, c, valid, recovering);

  if (!recovering && (valid[COND_TERM] || valid[THEN] || valid[COND_RPAREN] || valid[AND])) {
    return scan_condition(c, valid);
  }

  if (eof(c)) {
    if (!valid[NEWLINE]) return false;
    mark(c);
    lexer->result_symbol = NEWLINE;
    return true;
  }
  if (at_field_end(c) || is_blank(la(c))) return scan_gap(c, valid, recovering);
  if (c->col == 2 && valid[NAME]) return scan_name(c);
  if (!recovering && valid[OP_OTHER]) return scan_operation(c, valid);
  return scan_word(s, c, valid, recovering);
}
