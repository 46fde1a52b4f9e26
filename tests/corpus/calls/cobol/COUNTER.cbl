       IDENTIFICATION DIVISION.
       PROGRAM-ID.    COUNTER.
      *================================================================*
      * COUNTER - WORKING-STORAGE SURVIVES BETWEEN CALLS UNTIL THE     *
      * CALLER CANCELS THE PROGRAM; LOCAL-STORAGE IS FRESH EVERY CALL. *
      * RETURNS THE CALL NUMBER IN LK-RESULT. ENDS WITH GOBACK.        *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-CALLS                    PIC 9(3)  VALUE ZERO.
       01  WS-LAST-ID                  PIC X(8)  VALUE "NONE".
       LOCAL-STORAGE SECTION.
       01  LS-SCRATCH                  PIC 9(3)  VALUE 100.
       LINKAGE SECTION.
       01  LK-ID                       PIC X(8).
       01  LK-RESULT                   PIC 9(3).
       PROCEDURE DIVISION USING LK-ID LK-RESULT.
       0000-MAIN.
           ADD 1 TO WS-CALLS
           ADD 1 TO LS-SCRATCH
           DISPLAY "  COUNTER CALL " WS-CALLS " LOCAL " LS-SCRATCH
                   " PREVIOUS " WS-LAST-ID " NOW " LK-ID
           MOVE LK-ID TO WS-LAST-ID
           MOVE WS-CALLS TO LK-RESULT
           GOBACK.
       END PROGRAM COUNTER.
      *================================================================*
      * FRESHSUB - AN INITIAL PROGRAM: WORKING-STORAGE IS RESET TO ITS *
      * VALUE CLAUSES ON EVERY CALL, SO IT ALWAYS REPORTS CALL 1.      *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID.    FRESHSUB IS INITIAL.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-CALLS                    PIC 9(3)  VALUE ZERO.
       LINKAGE SECTION.
       01  LK-RESULT                   PIC 9(3).
       PROCEDURE DIVISION USING LK-RESULT.
       0000-MAIN.
           ADD 1 TO WS-CALLS
           MOVE WS-CALLS TO LK-RESULT
           MOVE 3 TO RETURN-CODE
           GOBACK.
       END PROGRAM FRESHSUB.
