//! A small tokenizer for the preprocessor: enough to find COPY and REPLACE statements and to match
//! pseudo-text, never a COBOL parser.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    Word,
    Literal,
    /// `==`
    PseudoDelim,
    /// A separator period (followed by white space or the end).
    Period,
    Punct,
    Comment,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: Tok,
    pub start: usize,
    pub end: usize,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b >= 0x80
}

/// Tokenizes `s`; white space is skipped (callers copy the gaps from the text).
pub(crate) fn tokenize(s: &str) -> Vec<Token> {
    let b = s.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let kind = if c.is_ascii_whitespace() || c == b',' || c == b';' {
            i += 1;
            continue;
        } else if c == b'*' && b.get(i + 1) == Some(&b'>') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            Tok::Comment
        } else if c == b'"' || c == b'\'' {
            i += 1;
            while i < b.len() {
                if b[i] == c {
                    if b.get(i + 1) == Some(&c) {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                if b[i] == b'\n' {
                    break;
                }
                i += 1;
            }
            Tok::Literal
        } else if c == b'=' && b.get(i + 1) == Some(&b'=') {
            i += 2;
            Tok::PseudoDelim
        } else if c == b'.' && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) {
            i += 1;
            Tok::Period
        } else if is_word_byte(c) {
            while i < b.len() {
                if is_word_byte(b[i]) {
                    i += 1;
                } else if b[i] == b'.'
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(|n| n.is_ascii_digit())
                {
                    i += 1;
                } else {
                    break;
                }
            }
            // A word directly followed by a quote is a typed literal (X"41", Z'..').
            if i - start == 1 && i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q && b[i] != b'\n' {
                    i += 1;
                }
                i = (i + 1).min(b.len());
                Tok::Literal
            } else {
                Tok::Word
            }
        } else {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
            Tok::Punct
        };
        toks.push(Token {
            kind,
            start,
            end: i,
        });
    }
    toks
}

/// True when the token is the given word, ignoring case.
pub(crate) fn is_word(s: &str, t: &Token, word: &str) -> bool {
    t.kind == Tok::Word && s[t.start..t.end].eq_ignore_ascii_case(word)
}
