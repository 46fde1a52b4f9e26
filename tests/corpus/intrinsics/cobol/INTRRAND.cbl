      *================================================================*
      * INTRRAND: FUNCTION RANDOM. libcob seeds the C library's        *
      * generator with the seed's integer value and returns rand()     *
      * over RAND_MAX, a double: DISPLAY shows it with 16 digits,      *
      * MOVE and COMPUTE see 17. Seeds come from stdin.                *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. INTRRAND.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-SEED             PIC S9(11).
       01  WS-IN               PIC X(12).
       01  WS-R9               PIC 9V9(9).
       01  WS-R15              PIC 9V9(15).
       01  WS-BIG              PIC 9(5)V9(12).
       01  WS-DICE             PIC 9.
       01  WS-D                COMP-2.
       01  WS-F                COMP-1.
       01  WS-Z30              PIC 9V9(30).
       01  WS-Y25              PIC 9(3)V9(25).
       01  WS-I                PIC 99.
       01  WS-EOF              PIC X VALUE "N".
           88  AT-EOF          VALUE "Y".
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE FUNCTION RANDOM TO WS-R9
           DISPLAY "FIRST   " WS-R9
           DISPLAY "NEXT    " FUNCTION RANDOM
           PERFORM EXPANSIONS
           PERFORM UNTIL AT-EOF
               ACCEPT WS-IN
                   ON EXCEPTION SET AT-EOF TO TRUE
               END-ACCEPT
               IF NOT AT-EOF
                   MOVE FUNCTION NUMVAL(WS-IN) TO WS-SEED
                   PERFORM ONE-SEED
               END-IF
           END-PERFORM
           STOP RUN.
      * A double or float enters MOVE and arithmetic as its exact
      * decimal expansion.
       EXPANSIONS.
           MOVE 0.1 TO WS-F WS-D
           MOVE WS-F TO WS-Z30
           DISPLAY "F 0.1   " WS-Z30
           MOVE WS-D TO WS-Z30
           DISPLAY "D 0.1   " WS-Z30
           COMPUTE WS-Y25 = WS-D * 3
           DISPLAY "D*3     " WS-Y25
           COMPUTE WS-D = 1 / 3
           MOVE WS-D TO WS-Z30
           DISPLAY "1/3     " WS-Z30 " " WS-D
           MOVE FUNCTION RANDOM TO WS-Z30
           DISPLAY "RANDOM  " WS-Z30.
       ONE-SEED.
           DISPLAY "SEED    " WS-SEED
           MOVE FUNCTION RANDOM(WS-SEED) TO WS-R15
           DISPLAY "R15     " WS-R15
           COMPUTE WS-BIG = FUNCTION RANDOM * 1000
           DISPLAY "BIG     " WS-BIG
           COMPUTE WS-R15 ROUNDED = FUNCTION RANDOM
           DISPLAY "ROUNDED " WS-R15
           COMPUTE WS-D = FUNCTION RANDOM
           DISPLAY "COMP-2  " WS-D
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 6
               COMPUTE WS-DICE = FUNCTION RANDOM * 6 + 1
               DISPLAY WS-DICE WITH NO ADVANCING
           END-PERFORM
           DISPLAY " "
           DISPLAY "SHOWN   " FUNCTION RANDOM(WS-SEED).
