       IDENTIFICATION DIVISION.
       PROGRAM-ID.    DISPFMT.
      *================================================================*
      * DISPFMT - HOW DISPLAY SHOWS EACH USAGE AND SIGN FORM, PLUS     *
      * UPON SYSERR, UPON SYSOUT, WITH NO ADVANCING, LITERALS,         *
      * FIGURATIVE CONSTANTS AND GROUP ITEMS. EACH VALUE IS SHOWN      *
      * POSITIVE, NEGATIVE AND ZERO. RC IS SET WITH STOP RUN RETURNING.*
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-PASS                     PIC 9     VALUE ZERO.
       01  WS-VALUE                    PIC S9(5)V99.
       01  D-UNSIGNED                  PIC 9(5)V99.
       01  D-SIGNED                    PIC S9(5)V99.
       01  D-LEAD                      PIC S9(5)V99 SIGN LEADING.
       01  D-LEAD-SEP                  PIC S9(5)V99
                                       SIGN LEADING SEPARATE.
       01  D-TRAIL-SEP                 PIC S9(5)V99
                                       SIGN TRAILING SEPARATE.
       01  D-PACKED                    PIC S9(5)V99 COMP-3.
       01  D-PACKED-U                  PIC 9(5)V99  COMP-3.
       01  D-PACKED-EVEN               PIC S9(6)    PACKED-DECIMAL.
       01  D-COMP                      PIC S9(5)V99 COMP.
       01  D-BINARY-U                  PIC 9(4)     BINARY.
       01  D-COMP4                     PIC S9(9)    COMP-4.
       01  D-COMP5                     PIC S9(4)    COMP-5.
       01  D-COMP5-U                   PIC 9(2)     COMP-5.
       01  D-COMP5-L                   PIC S9(18)   COMP-5.
       01  D-FRACTION                  PIC SV9(4).
       01  D-INT-ONLY                  PIC S9(3).
       01  WS-GROUP.
           05  G-TEXT                  PIC X(3)  VALUE "ABC".
           05  G-NUM                   PIC S9(3) VALUE -42.
           05  G-SEP                   PIC S9(2) SIGN TRAILING SEPARATE
                                                 VALUE -7.
           05  G-TAIL                  PIC X(2)  VALUE "YZ".
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-SHOW-VALUE VARYING WS-PASS FROM 1 BY 1
                   UNTIL WS-PASS > 3
           PERFORM 2000-OTHER-FORMS
           STOP RUN RETURNING 3.
       1000-SHOW-VALUE.
           EVALUATE WS-PASS
               WHEN 1 MOVE 1234.56 TO WS-VALUE
               WHEN 2 MOVE -98.7 TO WS-VALUE
               WHEN 3 MOVE ZERO TO WS-VALUE
           END-EVALUATE
           MOVE WS-VALUE TO D-UNSIGNED D-SIGNED D-LEAD D-LEAD-SEP
                            D-TRAIL-SEP D-PACKED D-PACKED-U
                            D-PACKED-EVEN D-COMP D-BINARY-U D-COMP4
                            D-COMP5 D-COMP5-U D-COMP5-L D-FRACTION
                            D-INT-ONLY
           DISPLAY "VALUE " WS-VALUE
           DISPLAY "  9(5)V99                  [" D-UNSIGNED "]"
           DISPLAY "  S9(5)V99                 [" D-SIGNED "]"
           DISPLAY "  S9(5)V99 SIGN LEADING    [" D-LEAD "]"
           DISPLAY "  S9(5)V99 LEADING SEP     [" D-LEAD-SEP "]"
           DISPLAY "  S9(5)V99 TRAILING SEP    [" D-TRAIL-SEP "]"
           DISPLAY "  S9(5)V99 COMP-3          [" D-PACKED "]"
           DISPLAY "  9(5)V99 COMP-3           [" D-PACKED-U "]"
           DISPLAY "  S9(6) PACKED-DECIMAL     [" D-PACKED-EVEN "]"
           DISPLAY "  S9(5)V99 COMP            [" D-COMP "]"
           DISPLAY "  9(4) BINARY              [" D-BINARY-U "]"
           DISPLAY "  S9(9) COMP-4             [" D-COMP4 "]"
           DISPLAY "  S9(4) COMP-5             [" D-COMP5 "]"
           DISPLAY "  9(2) COMP-5              [" D-COMP5-U "]"
           DISPLAY "  S9(18) COMP-5            [" D-COMP5-L "]"
           DISPLAY "  SV9(4)                   [" D-FRACTION "]"
           DISPLAY "  S9(3)                    [" D-INT-ONLY "]".
       2000-OTHER-FORMS.
           DISPLAY "GROUP [" WS-GROUP "]"
           DISPLAY "LITERALS [" 42 "][" -1.50 "][" +7 "][" 0.25 "]"
           DISPLAY "FIGURATIVE [" ZERO "][" SPACE "][" QUOTE "]["
                   ALL "*-" "]"
           DISPLAY "NO " WITH NO ADVANCING
           DISPLAY "ADVANCING " WITH NO ADVANCING
           DISPLAY "ON ONE LINE"
           DISPLAY "TO STDERR " G-NUM UPON SYSERR
           DISPLAY "PARTIAL STDERR LINE " UPON SYSERR
                   WITH NO ADVANCING
           DISPLAY "COMPLETED" UPON SYSERR
           DISPLAY "UPON SYSOUT" UPON SYSOUT
           DISPLAY "RETURN-CODE BEFORE STOP [" RETURN-CODE "]"
           DISPLAY "LAST LINE HAS NO NEWLINE" WITH NO ADVANCING.
