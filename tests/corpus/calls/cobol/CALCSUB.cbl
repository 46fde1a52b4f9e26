       IDENTIFICATION DIVISION.
       PROGRAM-ID.    CALCSUB.
      *================================================================*
      * CALCSUB - SHOWS WHICH PARAMETERS A CALLER SEES CHANGED:        *
      *   LK-AMOUNT  BY REFERENCE (CALLER SEES THE NEW VALUE)          *
      *   LK-LABEL   BY REFERENCE OR BY CONTENT, AS THE CALLER CHOSE   *
      *   LK-FACTOR  BY VALUE (A COPY, NEVER VISIBLE TO THE CALLER)    *
      * RETURN-CODE 8 WHEN THE RESULT IS NEGATIVE, ELSE 0.             *
      * ENDS WITH EXIT PROGRAM.                                        *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-INVOCATIONS              PIC 9(3)  VALUE ZERO.
       LINKAGE SECTION.
       01  LK-AMOUNT                   PIC S9(7)V99 COMP-3.
       01  LK-LABEL                    PIC X(10).
       01  LK-FACTOR                   PIC S9(9) COMP-5.
       PROCEDURE DIVISION USING BY REFERENCE LK-AMOUNT
                                BY REFERENCE LK-LABEL
                                BY VALUE     LK-FACTOR.
       0000-MAIN.
           ADD 1 TO WS-INVOCATIONS
           DISPLAY "  CALCSUB #" WS-INVOCATIONS " GOT " LK-AMOUNT
                   " [" LK-LABEL "] " LK-FACTOR
           COMPUTE LK-AMOUNT = LK-AMOUNT * LK-FACTOR
           MOVE "CHANGED" TO LK-LABEL
           ADD 1 TO LK-FACTOR
           DISPLAY "  CALCSUB SETS " LK-AMOUNT " [" LK-LABEL "] "
                   LK-FACTOR
           IF LK-AMOUNT < ZERO
               MOVE 8 TO RETURN-CODE
           ELSE
               MOVE 0 TO RETURN-CODE
           END-IF
           EXIT PROGRAM.
