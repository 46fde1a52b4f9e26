//! DISPLAY and ACCEPT that cobc sends to the screen (curses) are refused, never sent to
//! stdout: `UPON CRT`, and every plain DISPLAY / ACCEPT under `CONSOLE IS CRT`. Checked against
//! cobc 3.1.2 (without a terminal such a run stops with "Error opening terminal"); `CONSOLE IS
//! name` with another name stays the console (stdout).

mod common;

use ferry_translate::UnitOutput;

fn translate(special_names: &str, proc_: &str) -> UnitOutput {
    let text = format!(
        "       IDENTIFICATION DIVISION.
       PROGRAM-ID. T.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SPECIAL-NAMES.
{special_names}
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 X PIC X(4).
       PROCEDURE DIVISION.
{proc_}
           STOP RUN.
"
    );
    common::translate_text(&text, ferry_model::Dialect::Default)
}

fn refused(out: &UnitOutput) -> Vec<(String, u32)> {
    out.untranslated
        .iter()
        .map(|u| (u.construct.clone(), u.line))
        .collect()
}

#[test]
fn console_is_crt_is_the_screen() {
    let out = translate(
        "           CONSOLE IS CRT.",
        "           DISPLAY \"A\"\n           ACCEPT X\n           DISPLAY \"B\" UPON SYSERR.",
    );
    assert_eq!(
        refused(&out),
        vec![("DISPLAY".to_string(), 11), ("ACCEPT".to_string(), 12)]
    );
}

#[test]
fn upon_crt_is_the_screen_other_console_names_are_not() {
    let out = translate(
        "           CONSOLE IS MYCON.",
        "           DISPLAY \"A\" UPON MYCON\n           DISPLAY \"B\" UPON CRT\n           ACCEPT X.",
    );
    assert_eq!(refused(&out), vec![("DISPLAY".to_string(), 12)]);
}
