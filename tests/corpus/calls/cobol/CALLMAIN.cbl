       IDENTIFICATION DIVISION.
       PROGRAM-ID.    CALLMAIN.
      *================================================================*
      * CALLMAIN - CALL / CANCEL / NESTED PROGRAMS                     *
      *   CALL LITERAL WITH BY REFERENCE / BY CONTENT / BY VALUE       *
      *   WORKING-STORAGE KEPT BETWEEN CALLS, CANCEL RESETS IT         *
      *   IS INITIAL PROGRAM, RETURN-CODE AFTER EACH CALL              *
      *   CALL IDENTIFIER WITH ON EXCEPTION / NOT ON EXCEPTION         *
      *   NESTED PROGRAMS: A COMMON ONE, GLOBAL DATA                   *
      * STDIN: LINE 1 PROGRAM NAME FOR THE DYNAMIC CALL                *
      *        LINE 2 FACTOR (S9(3) SIGN LEADING SEPARATE, E.G. -002)  *
      *        LINE 3 "Y" = REPEAT THE DYNAMIC CALL WITHOUT ON         *
      *               EXCEPTION AT THE END                             *
      * CALLS: CALCSUB (CALCSUB.cbl), COUNTER AND FRESHSUB             *
      * (COUNTER.cbl).                                                 *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-RUN-ID                   PIC X(8)  VALUE "RUN-0331"
                                       GLOBAL.
       01  WS-AUDIT-COUNT              PIC 9(3)  VALUE ZERO GLOBAL.
       01  WS-PROG-NAME                PIC X(12).
       01  WS-FACTOR-IN                PIC S9(3)
                                       SIGN LEADING SEPARATE.
       01  WS-REPEAT                   PIC X.
       01  WS-AMOUNT                   PIC S9(7)V99 COMP-3 VALUE 12.5.
       01  WS-LABEL                    PIC X(10) VALUE "ORIGINAL".
       01  WS-FACTOR                   PIC S9(9) COMP-5 VALUE 4.
       01  WS-ID                       PIC X(8).
       01  WS-RESULT                   PIC 9(3).
       01  WS-RC                       PIC S9(4).
       01  WS-FAILURES                 PIC 9     VALUE ZERO.
       PROCEDURE DIVISION.
       0000-MAIN.
           ACCEPT WS-PROG-NAME
           ACCEPT WS-FACTOR-IN
           ACCEPT WS-REPEAT
           CALL "AUDITLOG" USING BY CONTENT "START   "
           PERFORM 1000-PARAMETER-MODES
           PERFORM 2000-STATE
           PERFORM 3000-DYNAMIC
           CALL "AUDITLOG" USING BY CONTENT "END     "
           DISPLAY "AUDIT ENTRIES " WS-AUDIT-COUNT
           IF WS-REPEAT = "Y"
               DISPLAY "CALLING " WS-PROG-NAME " WITHOUT ON EXCEPTION"
               CALL WS-PROG-NAME USING WS-AMOUNT WS-LABEL
                                       BY VALUE WS-FACTOR
               DISPLAY "RETURNED"
           END-IF
           MOVE WS-FAILURES TO RETURN-CODE
           STOP RUN.
       1000-PARAMETER-MODES.
           DISPLAY "BY REFERENCE LABEL:"
           CALL "CALCSUB" USING BY REFERENCE WS-AMOUNT WS-LABEL
                                BY VALUE WS-FACTOR
           MOVE RETURN-CODE TO WS-RC
           DISPLAY "  CALLER SEES " WS-AMOUNT " [" WS-LABEL "] "
                   WS-FACTOR " RC " WS-RC
           DISPLAY "BY CONTENT LABEL:"
           MOVE "ORIGINAL" TO WS-LABEL
           MOVE WS-FACTOR-IN TO WS-FACTOR
           CALL "CALCSUB" USING WS-AMOUNT
                                BY CONTENT WS-LABEL
                                BY VALUE WS-FACTOR
           MOVE RETURN-CODE TO WS-RC
           DISPLAY "  CALLER SEES " WS-AMOUNT " [" WS-LABEL "] "
                   WS-FACTOR " RC " WS-RC
           CALL "AUDITLOG" USING BY CONTENT "MODES   ".
       2000-STATE.
           DISPLAY "COUNTER KEEPS STATE:"
           MOVE "FIRST" TO WS-ID
           CALL "COUNTER" USING WS-ID WS-RESULT
           MOVE "SECOND" TO WS-ID
           CALL "COUNTER" USING WS-ID WS-RESULT
           DISPLAY "  RESULT " WS-RESULT
           CANCEL "COUNTER"
           DISPLAY "AFTER CANCEL:"
           MOVE "THIRD" TO WS-ID
           CALL "COUNTER" USING WS-ID WS-RESULT
           DISPLAY "  RESULT " WS-RESULT
           DISPLAY "INITIAL PROGRAM:"
           MOVE 4 TO RETURN-CODE
           CALL "FRESHSUB" USING WS-RESULT
           CALL "FRESHSUB" USING WS-RESULT
           MOVE RETURN-CODE TO WS-RC
           DISPLAY "  RESULT " WS-RESULT " RC " WS-RC
           CALL "AUDITLOG" USING BY CONTENT "STATE   ".
       3000-DYNAMIC.
           DISPLAY "DYNAMIC CALL OF " WS-PROG-NAME ":"
           MOVE 2 TO WS-FACTOR
           MOVE "DYNAMIC" TO WS-LABEL
           CALL WS-PROG-NAME USING WS-AMOUNT WS-LABEL
                                   BY VALUE WS-FACTOR
               ON EXCEPTION
                   DISPLAY "  NOT FOUND: " WS-PROG-NAME
                   ADD 1 TO WS-FAILURES
               NOT ON EXCEPTION
                   MOVE RETURN-CODE TO WS-RC
                   DISPLAY "  CALLED, AMOUNT " WS-AMOUNT " RC " WS-RC
           END-CALL
           CALL "AUDITLOG" USING BY CONTENT "DYNAMIC ".
      *================================================================*
      * FMTLINE - COMMON NESTED PROGRAM: ANY PROGRAM INSIDE CALLMAIN   *
      * MAY CALL IT. IT READS THE GLOBAL RUN ID.                       *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID.    FMTLINE IS COMMON.
       DATA DIVISION.
       LINKAGE SECTION.
       01  LK-EVENT                    PIC X(8).
       01  LK-LINE                     PIC X(30).
       PROCEDURE DIVISION USING LK-EVENT LK-LINE.
       0000-MAIN.
           MOVE SPACES TO LK-LINE
           STRING WS-RUN-ID DELIMITED BY SIZE
                  " / " DELIMITED BY SIZE
                  LK-EVENT DELIMITED BY SPACE
                  INTO LK-LINE
           END-STRING
           GOBACK.
       END PROGRAM FMTLINE.
      *================================================================*
      * AUDITLOG - NESTED PROGRAM: COUNTS EVENTS IN THE GLOBAL COUNTER *
      * AND CALLS ITS SIBLING FMTLINE (ALLOWED BECAUSE IT IS COMMON).  *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID.    AUDITLOG.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-LINE                     PIC X(30).
       LINKAGE SECTION.
       01  LK-EVENT                    PIC X(8).
       PROCEDURE DIVISION USING LK-EVENT.
       0000-MAIN.
           ADD 1 TO WS-AUDIT-COUNT
           CALL "FMTLINE" USING LK-EVENT WS-LINE
           DISPLAY "AUDIT " WS-AUDIT-COUNT " " WS-LINE
           EXIT PROGRAM.
       END PROGRAM AUDITLOG.
       END PROGRAM CALLMAIN.
