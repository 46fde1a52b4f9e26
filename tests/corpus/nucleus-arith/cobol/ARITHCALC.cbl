       IDENTIFICATION DIVISION.
       PROGRAM-ID.    ARITHCALC.
      *================================================================*
      * ARITHCALC - COMPUTE: PRECEDENCE, UNARY MINUS, **, ROUNDED,     *
      * SIZE ERROR, INTERMEDIATE PRECISION AND MIXED USAGES            *
      * (DISPLAY, SIGN SEPARATE, COMP-3, COMP, BINARY, COMP-5).        *
      *                                                                *
      * PART 1 USES CONSTANTS. PART 2 READS OPERAND PAIRS FROM STDIN:  *
      *   COLS 1-10  A  S9(7)V99 SIGN LEADING SEPARATE  (+000012345)   *
      *   COLS 12-21 B  S9(7)V99 SIGN LEADING SEPARATE                 *
      *   COL  23    N  EXPONENT 0-9                                   *
      * A LINE OF SPACES (OR END OF INPUT) ENDS PART 2.                *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  X                           PIC S9(5)V99.
       01  Y                           PIC S9(3).
       01  V1                          PIC S9V9.
       01  V2                          PIC SV99.
       01  P3                          PIC S9(7)V99 COMP-3.
       01  P3-EVEN                     PIC S9(4)    COMP-3.
       01  B4                          PIC S9(4)    COMP.
       01  B4U                         PIC 9(4)     COMP.
       01  BIN8                        PIC S9(8)    BINARY.
       01  C5                          PIC S9(4)    COMP-5.
       01  SEP-L                       PIC S9(5)V9
                                       SIGN LEADING SEPARATE.
       01  SEP-T                       PIC S9(5)V9
                                       SIGN TRAILING SEPARATE.
       01  IN-LINE.
           05  IN-A                    PIC S9(7)V99
                                       SIGN LEADING SEPARATE.
           05  FILLER                  PIC X.
           05  IN-B                    PIC S9(7)V99
                                       SIGN LEADING SEPARATE.
           05  FILLER                  PIC X.
           05  IN-N                    PIC 9.
           05  FILLER                  PIC X(57).
       01  R-DISP                      PIC S9(7)V99.
       01  R-P3                        PIC S9(7)V99 COMP-3.
       01  R-BIN                       PIC S9(4)    COMP.
       01  R-C5                        PIC S9(4)    COMP-5.
       01  R-SEP                       PIC S9(5)V9
                                       SIGN TRAILING SEPARATE.
       01  R-PCT                       PIC S9(3)V9.
       01  LINE-NO                     PIC 9(2) VALUE ZERO.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-PRECEDENCE
           PERFORM 2000-ROUNDING
           PERFORM 3000-USAGES
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE
           PERFORM 4000-PAIR UNTIL IN-LINE = SPACES
           DISPLAY "PAIRS=" LINE-NO
           STOP RUN.
       1000-PRECEDENCE.
           COMPUTE X = 2 + 3 * 4
           DISPLAY "2 + 3 * 4           " X
           COMPUTE X = (2 + 3) * 4
           DISPLAY "(2 + 3) * 4         " X
           COMPUTE X = 2 ** 3 ** 2
           DISPLAY "2 ** 3 ** 2         " X
           COMPUTE X = - 2 ** 2
           DISPLAY "- 2 ** 2            " X
           COMPUTE X = 2 ** -1
           DISPLAY "2 ** -1             " X
           COMPUTE X = 16 ** 0.5
           DISPLAY "16 ** 0.5           " X
           COMPUTE X = 10 - 4 - 3
           DISPLAY "10 - 4 - 3          " X
           COMPUTE X = 100 / 10 / 4
           DISPLAY "100 / 10 / 4        " X
           COMPUTE X = - (3 - 10) * - 2
           DISPLAY "- (3 - 10) * - 2    " X
           COMPUTE X = 1 / 3 * 3
           DISPLAY "1 / 3 * 3           " X
           COMPUTE X ROUNDED = 1 / 3 * 3
           DISPLAY "1 / 3 * 3 ROUNDED   " X
           COMPUTE X = 1 / 3 + 1 / 3 + 1 / 3
           DISPLAY "1/3 + 1/3 + 1/3     " X
           COMPUTE X = 2 / 3 * 300
           DISPLAY "2 / 3 * 300         " X
           COMPUTE X = 1.5 ** 3
           DISPLAY "1.5 ** 3            " X
           COMPUTE X Y = 12345.678 / 10
           DISPLAY "TWO TARGETS         " X " " Y
           COMPUTE X ROUNDED Y ROUNDED = -7 / 2
           DISPLAY "-7 / 2 ROUNDED      " X " " Y
           MOVE 5 TO Y
           COMPUTE Y = 999 * 2
               ON SIZE ERROR DISPLAY "SIZE ERROR KEEPS    " Y
           END-COMPUTE
           COMPUTE Y = 99999 * 99999 / 99999 - 99000
               ON SIZE ERROR DISPLAY "UNEXPECTED SIZE ERR " Y
               NOT ON SIZE ERROR DISPLAY "BIG INTERMEDIATE OK " Y
           END-COMPUTE.
       2000-ROUNDING.
           COMPUTE Y ROUNDED = 2.5
           DISPLAY "2.5 ROUNDED         " Y
           COMPUTE Y ROUNDED = -2.5
           DISPLAY "-2.5 ROUNDED        " Y
           COMPUTE Y = -2.7
           DISPLAY "-2.7 TRUNCATED      " Y
           COMPUTE V1 ROUNDED = 2.45
           DISPLAY "2.45 ROUNDED TO V9  " V1
           COMPUTE V1 ROUNDED = 9.96
               ON SIZE ERROR DISPLAY "9.96 ROUNDS OVER    " V1
           END-COMPUTE
           COMPUTE V2 ROUNDED = 0.005
           DISPLAY "0.005 ROUNDED V99   " V2
           COMPUTE V2 ROUNDED = -0.994
           DISPLAY "-0.994 ROUNDED V99  " V2.
       3000-USAGES.
           MOVE 9999 TO B4
           ADD 1 TO B4
           DISPLAY "COMP 9999 + 1       " B4
           MOVE 9999 TO B4
           ADD 1 TO B4 ON SIZE ERROR DISPLAY "COMP SIZE ERROR     " B4
           END-ADD
           MOVE 9999 TO C5
           ADD 1 TO C5
           DISPLAY "COMP-5 9999 + 1     " C5
           MOVE 3 TO B4U
           SUBTRACT 10 FROM B4U
           DISPLAY "UNSIGNED COMP 3-10  " B4U
           MOVE -1234.5 TO P3
           MOVE 17 TO P3-EVEN
           MOVE -250 TO BIN8
           MOVE -12.3 TO SEP-L
           MOVE 45.6 TO SEP-T
           COMPUTE X ROUNDED = P3 / P3-EVEN + BIN8 - SEP-L * SEP-T
           DISPLAY "MIXED USAGE         " X
           ADD P3 P3-EVEN BIN8 SEP-L SEP-T GIVING P3
           DISPLAY "ADD MIXED TO COMP-3 " P3
           MULTIPLY SEP-L BY SEP-T GIVING SEP-L ROUNDED
           DISPLAY "SEP LEADING RESULT  " SEP-L
           SUBTRACT 100 FROM SEP-T
           DISPLAY "SEP TRAILING RESULT " SEP-T
           COMPUTE BIN8 = P3 * 1000
           DISPLAY "BINARY 8 DIGITS     " BIN8
           COMPUTE P3-EVEN = P3-EVEN ** 3
           DISPLAY "COMP-3 CUBE         " P3-EVEN.
       4000-PAIR.
           ADD 1 TO LINE-NO
           DISPLAY "PAIR " LINE-NO " A=" IN-A " B=" IN-B " N=" IN-N
           COMPUTE R-DISP ROUNDED = IN-A + IN-B * 2 - IN-A / 4
           DISPLAY "  A + B * 2 - A / 4   " R-DISP
           COMPUTE R-P3 = (IN-A + IN-B) * (IN-A - IN-B)
               ON SIZE ERROR DISPLAY "  (A+B)*(A-B)         SIZE ERROR"
               NOT ON SIZE ERROR DISPLAY "  (A+B)*(A-B)         " R-P3
           END-COMPUTE
           MOVE 1111 TO R-BIN
           COMPUTE R-BIN = IN-A / IN-B
               ON SIZE ERROR DISPLAY "  A / B TO COMP       SIZE ERROR "
                                     R-BIN
               NOT ON SIZE ERROR DISPLAY "  A / B TO COMP       " R-BIN
           END-COMPUTE
           COMPUTE R-C5 = IN-A
           DISPLAY "  A TO COMP-5         " R-C5
           COMPUTE R-SEP ROUNDED = - (IN-A / 100) ** IN-N
               ON SIZE ERROR DISPLAY "  -(A/100)**N         SIZE ERROR"
               NOT ON SIZE ERROR DISPLAY "  -(A/100)**N         " R-SEP
           END-COMPUTE
           COMPUTE R-DISP ROUNDED = (IN-A + IN-B) / 2
           DISPLAY "  AVERAGE             " R-DISP
           COMPUTE R-PCT ROUNDED = IN-B / IN-A * 100
               ON SIZE ERROR DISPLAY "  B AS % OF A         SIZE ERROR"
               NOT ON SIZE ERROR DISPLAY "  B AS % OF A         " R-PCT
           END-COMPUTE
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE.
