       IDENTIFICATION DIVISION.
       PROGRAM-ID.    MOVEFLDS.
      *================================================================*
      * MOVEFLDS - ELEMENTARY MOVES ACROSS CATEGORIES                  *
      *   ALPHANUMERIC PADDING / TRUNCATION, JUSTIFIED RIGHT,          *
      *   NUMERIC ALIGNMENT ON THE DECIMAL POINT AND TRUNCATION,       *
      *   SIGNED TO UNSIGNED, NUMERIC <-> ALPHANUMERIC, P SCALING,     *
      *   FIGURATIVE CONSTANTS, MOVE TO AND FROM EDITED ITEMS.         *
      * EACH RESULT IS SHOWN BETWEEN BRACKETS.                         *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  SRC-SHORT                   PIC X(3)  VALUE "ABC".
       01  SRC-LONG                    PIC X(12) VALUE "ABCDEFGHIJKL".
       01  DST-X8                      PIC X(8).
       01  DST-JR                      PIC X(8)  JUSTIFIED RIGHT.
       01  DST-X1                      PIC X.
       01  N-5V2                       PIC 9(5)V99.
       01  N-S3V1                      PIC S9(3)V9.
       01  N-2                         PIC 99.
       01  N-S5                        PIC S9(5).
       01  N-V3                        PIC V999.
       01  N-3P                        PIC 9(3)PP.
       01  N-P3                        PIC PP999.
       01  N-V7                        PIC V9(7).
       01  N-S7V2                      PIC S9(7)V99 VALUE -1234.56.
       01  N-COMP3                     PIC S9(5)V99 COMP-3.
       01  N-COMP                      PIC S9(6)    COMP.
       01  E-AMT                       PIC ZZ,ZZ9.99-.
       01  E-DATE                      PIC 99/99/9999.
       01  A-EDIT                      PIC XXBXXBXX.
       01  A-EDIT0                     PIC X(3)0X(3).
       01  LITERAL-Q                   PIC X(10).
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-ALPHANUMERIC
           PERFORM 2000-NUMERIC
           PERFORM 3000-CROSS-CATEGORY
           PERFORM 4000-FIGURATIVE
           PERFORM 5000-EDITED
           STOP RUN.
       1000-ALPHANUMERIC.
           MOVE SRC-SHORT TO DST-X8
           DISPLAY "X3 TO X8          [" DST-X8 "]"
           MOVE SRC-LONG TO DST-X8
           DISPLAY "X12 TO X8         [" DST-X8 "]"
           MOVE SRC-SHORT TO DST-JR
           DISPLAY "X3 TO JUST RIGHT  [" DST-JR "]"
           MOVE SRC-LONG TO DST-JR
           DISPLAY "X12 TO JUST RIGHT [" DST-JR "]"
           MOVE "HELLO" TO DST-X1
           DISPLAY "LITERAL TO X1     [" DST-X1 "]"
           MOVE SRC-LONG(4:3) TO DST-X8
           DISPLAY "REF MOD SOURCE    [" DST-X8 "]"
           MOVE "ZZ" TO DST-X8(7:)
           DISPLAY "REF MOD TARGET    [" DST-X8 "]".
       2000-NUMERIC.
           MOVE 12345.678 TO N-5V2 N-S3V1 N-2 N-V3
           DISPLAY "12345.678 TO 9(5)V99 [" N-5V2 "]"
           DISPLAY "          TO S9(3)V9 [" N-S3V1 "]"
           DISPLAY "          TO 99      [" N-2 "]"
           DISPLAY "          TO V999    [" N-V3 "]"
           MOVE -42.9 TO N-2 N-S5 N-S3V1
           DISPLAY "-42.9 TO 99         [" N-2 "]"
           DISPLAY "      TO S9(5)      [" N-S5 "]"
           DISPLAY "      TO S9(3)V9    [" N-S3V1 "]"
           MOVE N-S7V2 TO N-5V2 N-COMP3 N-COMP
           DISPLAY "S9(7)V99 TO 9(5)V99 [" N-5V2 "]"
           DISPLAY "         TO COMP-3  [" N-COMP3 "]"
           DISPLAY "         TO COMP    [" N-COMP "]"
           MOVE N-COMP3 TO N-S3V1
           DISPLAY "COMP-3 TO S9(3)V9   [" N-S3V1 "]"
      *    P-SCALED ITEMS ARE SHOWN THROUGH A PLAIN ITEM: LIBCOB'S
      *    DISPLAY OF A P ITEM ITSELF IS NOT RELIABLE IN 3.1.2.
           MOVE 98765 TO N-3P
           MOVE N-3P TO N-S7V2
           DISPLAY "98765 VIA 9(3)PP    [" N-S7V2 "]"
           MOVE 0.0012345 TO N-P3
           MOVE N-P3 TO N-V7
           DISPLAY ".0012345 VIA PP999  [" N-V7 "]"
           MOVE N-P3 TO N-S7V2
           DISPLAY "PP999 TO S9(7)V99   [" N-S7V2 "]".
       3000-CROSS-CATEGORY.
           MOVE 7 TO N-2
           MOVE N-2 TO DST-X8
           DISPLAY "99 TO X8            [" DST-X8 "]"
           MOVE -123 TO N-S5
           MOVE N-S5 TO DST-X8
           DISPLAY "S9(5) -123 TO X8    [" DST-X8 "]"
           MOVE N-S5 TO DST-JR
           DISPLAY "S9(5) TO JUST RIGHT [" DST-JR "]"
           MOVE 123 TO DST-X8
           DISPLAY "LITERAL 123 TO X8   [" DST-X8 "]"
           MOVE "00123" TO N-S5
           DISPLAY "'00123' TO S9(5)    [" N-S5 "]"
           MOVE "987" TO N-5V2
           DISPLAY "'987' TO 9(5)V99    [" N-5V2 "]"
           MOVE "1234567" TO N-S5
           DISPLAY "'1234567' TO S9(5)  [" N-S5 "]"
           MOVE SRC-SHORT TO N-2
           DISPLAY "'ABC' TO 99         [" N-2 "]".
       4000-FIGURATIVE.
           MOVE SPACES TO DST-X8
           DISPLAY "SPACES              [" DST-X8 "]"
           MOVE ZEROS TO DST-X8
           DISPLAY "ZEROS TO X8         [" DST-X8 "]"
           MOVE ZERO TO N-S5 N-5V2
           DISPLAY "ZERO TO NUMERIC     [" N-S5 "] [" N-5V2 "]"
           MOVE HIGH-VALUES TO DST-X8
           DISPLAY "HIGH-VALUES         [" DST-X8 "]"
           MOVE LOW-VALUES TO DST-X8
           DISPLAY "LOW-VALUES          [" DST-X8 "]"
           MOVE QUOTES TO DST-X8
           DISPLAY "QUOTES              [" DST-X8 "]"
           MOVE ALL "AB" TO DST-X8
           DISPLAY "ALL 'AB'            [" DST-X8 "]"
           MOVE ALL "XYZ" TO DST-JR
           DISPLAY "ALL 'XYZ' JUST RIGHT[" DST-JR "]"
           MOVE ALL "*" TO LITERAL-Q
           DISPLAY "ALL '*'             [" LITERAL-Q "]"
           MOVE 'SAY "HI"' TO LITERAL-Q
           DISPLAY "EMBEDDED QUOTES     [" LITERAL-Q "]"
           MOVE "IT""S" TO LITERAL-Q
           DISPLAY "DOUBLED QUOTE       [" LITERAL-Q "]"
           MOVE X"414243" TO LITERAL-Q
           DISPLAY "HEX LITERAL         [" LITERAL-Q "]".
       5000-EDITED.
           MOVE -1234.5 TO E-AMT
           DISPLAY "-1234.5 TO EDITED   [" E-AMT "]"
           MOVE E-AMT TO N-S7V2
           DISPLAY "DE-EDITED BACK      [" N-S7V2 "]"
           MOVE E-AMT TO DST-X8
           DISPLAY "EDITED TO X8        [" DST-X8 "]"
           MOVE 31032026 TO E-DATE
           DISPLAY "DATE EDITED         [" E-DATE "]"
           MOVE "ABCDEF" TO A-EDIT
           DISPLAY "X WITH B INSERTION  [" A-EDIT "]"
           MOVE "ABCDEF" TO A-EDIT0
           DISPLAY "X WITH 0 INSERTION  [" A-EDIT0 "]".
