       IDENTIFICATION DIVISION.
       PROGRAM-ID.    STRPARSE.
      *================================================================*
      * STRPARSE - UNSTRING. EACH STDIN LINE (UP TO 60 BYTES) IS SPLIT *
      * THREE WAYS:                                                    *
      *   A. DELIMITED BY ";" OR "," OR ALL SPACES, WITH DELIMITER IN, *
      *      COUNT IN, POINTER, TALLYING AND ON OVERFLOW               *
      *   B. DELIMITED BY ALL "," (RUNS OF COMMAS ARE ONE DELIMITER)   *
      *      VERSUS "," (EMPTY FIELDS), INTO A NUMERIC RECEIVER TOO    *
      *   C. KEY=VALUE PAIRS, RESUMING WITH THE POINTER                *
      * A LINE "END" OR END OF INPUT STOPS THE RUN.                    *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  IN-LINE                     PIC X(60).
       01  F1                          PIC X(8).
       01  F2                          PIC X(8).
       01  F3                          PIC X(8).
       01  F4                          PIC X(8).
       01  D1                          PIC X.
       01  D2                          PIC X.
       01  D3                          PIC X.
       01  D4                          PIC X.
       01  C1                          PIC 99.
       01  C2                          PIC 99.
       01  C3                          PIC 99.
       01  C4                          PIC 99.
       01  N3                          PIC 9(4).
       01  PTR                         PIC 99.
       01  TALLY-CT                    PIC 99.
       01  WS-KEY                      PIC X(8).
       01  WS-VAL                      PIC X(10).
       01  WS-PAIRS                    PIC 9      VALUE ZERO.
       01  WS-LINE-NO                  PIC 99     VALUE ZERO.
       01  WS-OVERFLOWS                PIC 99     VALUE ZERO.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 0100-READ
           PERFORM UNTIL IN-LINE = "END" OR IN-LINE = SPACES
               ADD 1 TO WS-LINE-NO
               DISPLAY "LINE " WS-LINE-NO " [" IN-LINE "]"
               PERFORM 1000-MIXED
               PERFORM 2000-COMMAS
               PERFORM 3000-PAIRS
               PERFORM 0100-READ
           END-PERFORM
           DISPLAY "LINES=" WS-LINE-NO " OVERFLOWS=" WS-OVERFLOWS
           STOP RUN.
       0100-READ.
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE.
       1000-MIXED.
           MOVE ALL "." TO F1 F2 F3 F4
           MOVE "#" TO D1 D2 D3 D4
           MOVE 99 TO C1 C2 C3 C4
           MOVE 1 TO PTR
           MOVE 0 TO TALLY-CT
           UNSTRING IN-LINE DELIMITED BY ";" OR "," OR ALL SPACES
               INTO F1 DELIMITER IN D1 COUNT IN C1
                    F2 DELIMITER IN D2 COUNT IN C2
                    F3 DELIMITER IN D3 COUNT IN C3
                    F4 DELIMITER IN D4 COUNT IN C4
               WITH POINTER PTR
               TALLYING IN TALLY-CT
               ON OVERFLOW
                   ADD 1 TO WS-OVERFLOWS
                   DISPLAY "  A OVERFLOW"
               NOT ON OVERFLOW
                   DISPLAY "  A COMPLETE"
           END-UNSTRING
           DISPLAY "  A [" F1 "][" D1 "]" C1 " [" F2 "][" D2 "]" C2
                   " [" F3 "][" D3 "]" C3 " [" F4 "][" D4 "]" C4
           DISPLAY "  A POINTER=" PTR " TALLY=" TALLY-CT.
       2000-COMMAS.
           MOVE ALL "." TO F1 F2 F3
           MOVE 1234 TO N3
           UNSTRING IN-LINE DELIMITED BY ALL ","
               INTO F1 F2 N3
           END-UNSTRING
           DISPLAY "  B ALL   [" F1 "][" F2 "] N3=" N3
           MOVE ALL "." TO F1 F2 F3
           MOVE 0 TO TALLY-CT
           UNSTRING IN-LINE DELIMITED BY "," OR " "
               INTO F1 F2 F3
               TALLYING IN TALLY-CT
           END-UNSTRING
           DISPLAY "  B EMPTY [" F1 "][" F2 "][" F3 "] TALLY="
                   TALLY-CT.
       3000-PAIRS.
           MOVE 1 TO PTR
           MOVE 0 TO WS-PAIRS
           PERFORM UNTIL PTR > 60 OR WS-PAIRS = 3
               MOVE SPACES TO WS-KEY WS-VAL
               UNSTRING IN-LINE DELIMITED BY "="
                   INTO WS-KEY
                   WITH POINTER PTR
               END-UNSTRING
               IF PTR > 60
                   EXIT PERFORM
               END-IF
               UNSTRING IN-LINE DELIMITED BY ";" OR ALL SPACE
                   INTO WS-VAL
                   WITH POINTER PTR
                   ON OVERFLOW
                       DISPLAY "  C OVERFLOW: MORE DATA FOLLOWS"
               END-UNSTRING
               ADD 1 TO WS-PAIRS
               DISPLAY "  C PAIR " WS-PAIRS " [" WS-KEY "]=[" WS-VAL
                       "] NEXT=" PTR
           END-PERFORM.
