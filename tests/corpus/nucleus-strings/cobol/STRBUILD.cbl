       IDENTIFICATION DIVISION.
       PROGRAM-ID.    STRBUILD.
      *================================================================*
      * STRBUILD - STRING AND INSPECT                                  *
      *   PART 1: STRING WITH DELIMITED BY SIZE / SPACE / LITERAL,     *
      *           POINTER, ON OVERFLOW (TARGET TOO SHORT, BAD POINTER) *
      *   PART 2: FOR EACH STDIN LINE (UP TO 40 BYTES):                *
      *           INSPECT TALLYING ALL / LEADING / CHARACTERS WITH     *
      *           BEFORE / AFTER INITIAL, REPLACING ALL / LEADING /    *
      *           FIRST / CHARACTERS, CONVERTING                       *
      * A BLANK LINE OR END OF INPUT STOPS PART 2.                     *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-FIRST                    PIC X(10) VALUE "ADA".
       01  WS-LAST                     PIC X(12) VALUE "LOVELACE".
       01  WS-CITY                     PIC X(10) VALUE "LONDON*UK".
       01  WS-NUM                      PIC 9(4)  VALUE 42.
       01  WS-OUT                      PIC X(30).
       01  WS-SHORT                    PIC X(8).
       01  WS-PTR                      PIC 99.
       01  IN-LINE                     PIC X(40).
       01  WORK                        PIC X(40).
       01  CT-A                        PIC 99.
       01  CT-B                        PIC 99.
       01  CT-C                        PIC 99.
       01  CT-D                        PIC 99.
       01  WS-LINE-NO                  PIC 99    VALUE ZERO.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-STRING
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE
           PERFORM 2000-INSPECT UNTIL IN-LINE = SPACES
           DISPLAY "LINES=" WS-LINE-NO
           STOP RUN.
       1000-STRING.
           MOVE SPACES TO WS-OUT
           STRING WS-FIRST DELIMITED BY SPACE
                  " " DELIMITED BY SIZE
                  WS-LAST DELIMITED BY SPACE
                  ", " DELIMITED BY SIZE
                  WS-CITY DELIMITED BY "*"
                  INTO WS-OUT
           END-STRING
           DISPLAY "S1 [" WS-OUT "]"
           MOVE ALL "-" TO WS-OUT
           MOVE 4 TO WS-PTR
           STRING "NO." WS-NUM DELIMITED BY SIZE
                  INTO WS-OUT WITH POINTER WS-PTR
           END-STRING
           DISPLAY "S2 [" WS-OUT "] PTR=" WS-PTR
           STRING "/" WS-CITY DELIMITED BY "*"
                  INTO WS-OUT WITH POINTER WS-PTR
               NOT ON OVERFLOW DISPLAY "S3 NO OVERFLOW"
           END-STRING
           DISPLAY "S3 [" WS-OUT "] PTR=" WS-PTR
           MOVE SPACES TO WS-SHORT
           MOVE 1 TO WS-PTR
           STRING WS-LAST DELIMITED BY SIZE
                  "XYZ" DELIMITED BY SIZE
                  INTO WS-SHORT WITH POINTER WS-PTR
               ON OVERFLOW DISPLAY "S4 OVERFLOW"
               NOT ON OVERFLOW DISPLAY "S4 NO OVERFLOW"
           END-STRING
           DISPLAY "S4 [" WS-SHORT "] PTR=" WS-PTR
           MOVE "ABCDEFGH" TO WS-SHORT
           MOVE 0 TO WS-PTR
           STRING "ZZ" DELIMITED BY SIZE INTO WS-SHORT
               WITH POINTER WS-PTR
               ON OVERFLOW DISPLAY "S5 OVERFLOW, POINTER 0"
           END-STRING
           DISPLAY "S5 [" WS-SHORT "] PTR=" WS-PTR
           MOVE "ABCDEFGH" TO WS-SHORT
           STRING "12" "345" DELIMITED BY "4"
                  "67" DELIMITED BY "X"
                  INTO WS-SHORT
           END-STRING
           DISPLAY "S6 [" WS-SHORT "]".
       2000-INSPECT.
           ADD 1 TO WS-LINE-NO
           DISPLAY "LINE " WS-LINE-NO " [" IN-LINE "]"
           MOVE ZERO TO CT-A CT-B CT-C CT-D
           INSPECT IN-LINE TALLYING CT-A FOR ALL "A"
                                    CT-B FOR LEADING SPACE
                                    CT-C FOR CHARACTERS
           DISPLAY "  ALL A=" CT-A " LEADING SP=" CT-B " CHARS=" CT-C
           MOVE ZERO TO CT-A CT-B CT-C CT-D
           INSPECT IN-LINE TALLYING
               CT-A FOR CHARACTERS BEFORE INITIAL "."
               CT-B FOR ALL "0" AFTER INITIAL "."
               CT-C FOR LEADING "0" AFTER INITIAL "-"
           INSPECT IN-LINE TALLYING CT-D FOR ALL "AN" "NA"
           DISPLAY "  BEFORE .=" CT-A " ZEROS AFTER .=" CT-B
                   " LEAD 0 AFTER -=" CT-C " AN/NA=" CT-D
           MOVE IN-LINE TO WORK
           INSPECT WORK REPLACING ALL "A" BY "*"
                                  FIRST "E" BY "3"
           DISPLAY "  R1 [" WORK "]"
           MOVE IN-LINE TO WORK
           INSPECT WORK REPLACING LEADING SPACE BY "_"
                                  ALL "  " BY "=="
           DISPLAY "  R2 [" WORK "]"
           MOVE IN-LINE TO WORK
           INSPECT WORK REPLACING CHARACTERS BY "#"
                            AFTER INITIAL "-" BEFORE INITIAL " "
           DISPLAY "  R3 [" WORK "]"
           MOVE IN-LINE TO WORK
           INSPECT WORK CONVERTING "abcdefghijklmnopqrstuvwxyz"
                                TO "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
           INSPECT WORK CONVERTING "0123456789" TO "**********"
                   AFTER INITIAL "="
           DISPLAY "  C1 [" WORK "]"
           MOVE IN-LINE TO WORK
           INSPECT WORK TALLYING CT-A FOR ALL "X"
                        REPLACING ALL "X" BY "Y"
           DISPLAY "  C2 [" WORK "] X COUNT+PREV=" CT-A
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE.
