/*
 * External scanner for Ferry's COBOL grammar.
 *
 * Two tokens cannot be described by regular expressions in the grammar:
 * - comment_entry: the free text after AUTHOR., INSTALLATION., DATE-WRITTEN., ... It runs to the end
 *   of the line and over following lines until a line starts with another identification-division
 *   paragraph name or a division header.
 * - exec_body: everything between EXEC and END-EXEC (string literals are skipped, so an END-EXEC
 *   inside quotes does not end the block).
 */
#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <string.h>
#include <wctype.h>

enum TokenType { COMMENT_ENTRY, EXEC_BODY };

void *tree_sitter_cobol_external_scanner_create(void) { return NULL; }
void tree_sitter_cobol_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_cobol_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_cobol_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

static bool is_word_char(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool is_blank(int32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Reads a COBOL word at the current position (advancing over it), upper-cased into buf. */
static void read_word(TSLexer *lexer, char *buf, unsigned cap) {
  unsigned n = 0;
  while (is_word_char(lexer->lookahead)) {
    int32_t c = lexer->lookahead;
    if (c >= 'a' && c <= 'z') c -= 32;
    if (n + 1 < cap) buf[n++] = (char)c;
    lexer->advance(lexer, false);
  }
  buf[n] = 0;
}

/* A line that starts another paragraph or division ends a comment entry. To keep words such as DATA
 * inside the entry ("DATA PROCESSING DEPT."), the word must really start the header: a paragraph name
 * followed by its period, a division name followed by DIVISION, END followed by PROGRAM. */
static const char *const PARAGRAPHS[] = {
    "AUTHOR", "INSTALLATION", "DATE-WRITTEN", "DATE-COMPILED", "SECURITY", "REMARKS", "PROGRAM-ID", NULL,
};
static const char *const DIVISIONS[] = {"ENVIRONMENT", "DATA", "PROCEDURE", "IDENTIFICATION", "ID", NULL};

static bool in_list(const char *const *list, const char *w) {
  for (int i = 0; list[i]; i++) {
    if (strcmp(w, list[i]) == 0) return true;
  }
  return false;
}

static void skip_blanks(TSLexer *lexer) {
  while (is_blank(lexer->lookahead)) lexer->advance(lexer, false);
}

/* Called with the lexer just after `word`; reads on (beyond the token end) to decide. */
static bool starts_header(TSLexer *lexer, const char *word) {
  if (in_list(PARAGRAPHS, word)) {
    skip_blanks(lexer);
    return lexer->lookahead == '.';
  }
  char next[32];
  if (in_list(DIVISIONS, word)) {
    skip_blanks(lexer);
    read_word(lexer, next, sizeof next);
    return strcmp(next, "DIVISION") == 0;
  }
  if (strcmp(word, "END") == 0) {
    skip_blanks(lexer);
    read_word(lexer, next, sizeof next);
    return strcmp(next, "PROGRAM") == 0;
  }
  return false;
}

static bool scan_comment_entry(TSLexer *lexer) {
  bool any = false;
  bool same_line = true;
  for (;;) {
    while (iswspace(lexer->lookahead)) {
      if (lexer->lookahead == '\n') same_line = false;
      lexer->advance(lexer, !any);
    }
    if (lexer->eof(lexer)) break;
    if (!same_line && is_word_char(lexer->lookahead)) {
      char buf[32];
      read_word(lexer, buf, sizeof buf);
      if (starts_header(lexer, buf)) break;
    }
    while (!lexer->eof(lexer) && lexer->lookahead != '\n') lexer->advance(lexer, false);
    lexer->mark_end(lexer);
    any = true;
    same_line = false;
  }
  if (!any) return false;
  lexer->result_symbol = COMMENT_ENTRY;
  return true;
}

static bool scan_exec_body(TSLexer *lexer) {
  bool any = false;
  while (iswspace(lexer->lookahead)) lexer->advance(lexer, true);
  for (;;) {
    if (lexer->eof(lexer)) return false;
    int32_t c = lexer->lookahead;
    if (is_word_char(c)) {
      char buf[32];
      lexer->mark_end(lexer);
      read_word(lexer, buf, sizeof buf);
      if (strcmp(buf, "END-EXEC") == 0) {
        if (!any) return false;
        lexer->result_symbol = EXEC_BODY;
        return true;
      }
      any = true;
    } else if (c == '"' || c == '\'') {
      int32_t quote = c;
      lexer->advance(lexer, false);
      while (!lexer->eof(lexer) && lexer->lookahead != quote && lexer->lookahead != '\n') {
        lexer->advance(lexer, false);
      }
      if (lexer->lookahead == quote) lexer->advance(lexer, false);
      any = true;
    } else {
      if (!iswspace(c) && !is_blank(c)) any = true;
      lexer->advance(lexer, false);
    }
  }
}

bool tree_sitter_cobol_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  (void)payload;
  /* During error recovery every external token is marked valid: do not guess. */
  if (valid_symbols[COMMENT_ENTRY] && valid_symbols[EXEC_BODY]) return false;
  if (valid_symbols[EXEC_BODY]) return scan_exec_body(lexer);
  if (valid_symbols[COMMENT_ENTRY]) return scan_comment_entry(lexer);
  return false;
}
