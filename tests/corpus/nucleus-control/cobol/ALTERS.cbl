       IDENTIFICATION DIVISION.
       PROGRAM-ID. ALTERS.
      * ALTER as old batch programs use it: a switch paragraph whose
      * GO TO is changed at run time, first-time logic, and GO TO.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 WS-COUNT        PIC 9(2) VALUE 0.
       01 WS-TRACE        PIC X(40) VALUE SPACES.
       01 WS-POS          PIC 9(2) VALUE 1.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-STEP THRU 1900-EXIT 4 TIMES.
           DISPLAY "TRACE: " WS-TRACE.
           PERFORM 3000-PHASE THRU 3000-EXIT.
           ALTER 3100-SWITCH TO PROCEED TO 3300-LATE.
           PERFORM 3000-PHASE THRU 3000-EXIT.
           PERFORM 5000-OPEN-ONCE THRU 5900-DONE 3 TIMES.
           DISPLAY "COUNT " WS-COUNT.
           STOP RUN.
       1000-STEP.
           ADD 1 TO WS-COUNT.
       1100-FIRST-TIME.
           GO TO 1200-INIT.
       1200-INIT.
           STRING "I" DELIMITED BY SIZE INTO WS-TRACE
               WITH POINTER WS-POS.
           ALTER 1100-FIRST-TIME TO PROCEED TO 1300-AGAIN.
           GO TO 1900-EXIT.
       1300-AGAIN.
           STRING "A" DELIMITED BY SIZE INTO WS-TRACE
               WITH POINTER WS-POS.
       1900-EXIT.
           EXIT.
       3000-PHASE.
           DISPLAY "PHASE START".
       3100-SWITCH.
           GO TO 3200-EARLY.
       3200-EARLY.
           DISPLAY "EARLY".
           GO TO 3000-EXIT.
       3300-LATE.
           DISPLAY "LATE".
       3000-EXIT.
           EXIT.
       5000-OPEN-ONCE.
           GO TO.
       5100-OPEN.
           DISPLAY "OPENING".
           ALTER 5000-OPEN-ONCE TO PROCEED TO 5900-DONE.
       5900-DONE.
           DISPLAY "READY".
