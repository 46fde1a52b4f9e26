       IDENTIFICATION DIVISION.
       PROGRAM-ID.    PAYSUMM.
      *================================================================*
      * PAYSUMM  - PAYROLL BUDGET VARIANCE SUMMARY                     *
      *                                                                *
      * READS THE RUN-TOTALS RECORD WRITTEN BY PAYROLL (DD PAYTOT) AND *
      * THE WEEKLY DEPARTMENT BUDGET (DD BUDGET) AND LISTS, FOR EACH   *
      * BUDGET LINE, BUDGET, ACTUAL GROSS PAY AND VARIANCE ON SYSOUT.  *
      *                                                                *
      * BUDGET RECORD: POS 1-4 DEPT, POS 6-14 AMOUNT 9(7)V99,          *
      *                POS 16-35 DESCRIPTION                           *
      *                                                                *
      * RETURN CODES   0  EVERY DEPARTMENT WITHIN BUDGET               *
      *                4  ONE OR MORE DEPARTMENTS OVER BUDGET          *
      *                8  PAYROLL FOR A DEPARTMENT WITH NO BUDGET      *
      *               12  PAYTOT IS EMPTY                              *
      *               16  PAYTOT OR BUDGET COULD NOT BE OPENED         *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT TOTALS-FILE  ASSIGN TO "PAYTOT"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS WS-TOT-STATUS.
           SELECT BUDGET-FILE  ASSIGN TO "BUDGET"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS WS-BUD-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD  TOTALS-FILE.
           COPY PAYTOT REPLACING ==:TAG:== BY ==PT==.
       FD  BUDGET-FILE.
       01  BUDGET-REC.
           05  BUD-DEPT                PIC X(4).
           05  FILLER                  PIC X(1).
           05  BUD-AMOUNT              PIC 9(7)V99.
           05  FILLER                  PIC X(1).
           05  BUD-DESC                PIC X(20).
       WORKING-STORAGE SECTION.
       77  WS-RC                       PIC 9(2)  VALUE ZERO.
       01  WS-STATUSES.
           05  WS-TOT-STATUS           PIC X(2).
               88  WS-TOT-OK                       VALUE "00".
           05  WS-BUD-STATUS           PIC X(2).
               88  WS-BUD-OK                       VALUE "00".
       01  WS-EOF-BUDGET               PIC X(1)  VALUE "N".
           88  END-OF-BUDGET                       VALUE "Y".
       01  WS-SUBSCRIPTS.
           05  WS-DX                   PIC S9(4) COMP VALUE ZERO.
           05  WS-HIT                  PIC S9(4) COMP VALUE ZERO.
       01  WS-MATCH-TABLE.
           05  WS-MATCHED              PIC X(1)  OCCURS 8 TIMES.
       01  WS-COUNTS.
           05  WS-BUDGET-LINES         PIC S9(4) COMP VALUE ZERO.
           05  WS-OVER-COUNT           PIC S9(4) COMP VALUE ZERO.
           05  WS-UNBUDGETED           PIC S9(4) COMP VALUE ZERO.
       01  WS-AMOUNTS.
           05  WS-ACTUAL               PIC S9(7)V99 COMP-3 VALUE ZERO.
           05  WS-VARIANCE             PIC S9(7)V99 COMP-3 VALUE ZERO.
           05  WS-PCT-USED             PIC S9(5)V9  COMP-3 VALUE ZERO.
           05  WS-TOTAL-BUDGET         PIC S9(9)V99 COMP-3 VALUE ZERO.
           05  WS-TOTAL-ACTUAL         PIC S9(9)V99 COMP-3 VALUE ZERO.
           05  WS-TOTAL-VARIANCE       PIC S9(9)V99 COMP-3 VALUE ZERO.
       01  SUM-HEADING.
           05  FILLER                  PIC X(35)
                         VALUE "PAYSUMM: DEPT DESCRIPTION         ".
           05  FILLER                  PIC X(34)
                         VALUE "    BUDGET     ACTUAL     VARIANCE".
           05  FILLER                  PIC X(14)
                         VALUE "   USED STATUS".
       01  SUM-LINE.
           05  FILLER                  PIC X(9)  VALUE "PAYSUMM: ".
           05  SL-DEPT                 PIC X(4).
           05  FILLER                  PIC X(1)  VALUE SPACE.
           05  SL-DESC                 PIC X(20).
           05  FILLER                  PIC X(1)  VALUE SPACE.
           05  SL-BUDGET               PIC ZZZ,ZZ9.99.
           05  FILLER                  PIC X(1)  VALUE SPACE.
           05  SL-ACTUAL               PIC ZZZ,ZZ9.99.
           05  FILLER                  PIC X(1)  VALUE SPACE.
           05  SL-VARIANCE             PIC -,---,--9.99.
           05  FILLER                  PIC X(1)  VALUE SPACE.
           05  SL-PCT                  PIC ZZZ9.9.
           05  FILLER                  PIC X(1)  VALUE "%".
           05  FILLER                  PIC X(1)  VALUE SPACE.
           05  SL-FLAG                 PIC X(11).
       01  NOBUD-LINE.
           05  FILLER                  PIC X(9)  VALUE "PAYSUMM: ".
           05  NB-DEPT                 PIC X(4).
           05  FILLER                  PIC X(13) VALUE " HAS PAYROLL ".
           05  NB-GROSS                PIC $$$,$$9.99.
           05  FILLER                  PIC X(15) VALUE " BUT NO BUDGET".
       PROCEDURE DIVISION.
       0000-MAIN.
           DISPLAY "PAYSUMM: BUDGET VARIANCE SUMMARY"
           PERFORM 1000-LOAD-TOTALS
           OPEN INPUT BUDGET-FILE
           IF NOT WS-BUD-OK
               DISPLAY "PAYSUMM: CANNOT OPEN BUDGET, FILE STATUS "
                       WS-BUD-STATUS
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           MOVE SPACES TO WS-MATCH-TABLE
           DISPLAY SUM-HEADING
           PERFORM 2900-READ-BUDGET
           PERFORM 2000-PROCESS-BUDGET UNTIL END-OF-BUDGET
           CLOSE BUDGET-FILE
           PERFORM 3000-CHECK-UNBUDGETED
               VARYING WS-DX FROM 1 BY 1 UNTIL WS-DX > PT-DEPT-COUNT
           PERFORM 4000-PRINT-TOTALS
           EVALUATE TRUE
               WHEN WS-UNBUDGETED > ZERO
                   MOVE 8 TO WS-RC
               WHEN WS-OVER-COUNT > ZERO
                   MOVE 4 TO WS-RC
               WHEN OTHER
                   MOVE 0 TO WS-RC
           END-EVALUATE
           DISPLAY "PAYSUMM: ENDED, RETURN CODE " WS-RC
           MOVE WS-RC TO RETURN-CODE
           STOP RUN.
      *----------------------------------------------------------------*
       1000-LOAD-TOTALS.
           OPEN INPUT TOTALS-FILE
           IF NOT WS-TOT-OK
               DISPLAY "PAYSUMM: CANNOT OPEN PAYTOT, FILE STATUS "
                       WS-TOT-STATUS
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           READ TOTALS-FILE
               AT END
                   DISPLAY "PAYSUMM: PAYTOT IS EMPTY"
                   CLOSE TOTALS-FILE
                   MOVE 12 TO RETURN-CODE
                   STOP RUN
           END-READ
           CLOSE TOTALS-FILE
           DISPLAY "PAYSUMM: PAYROLL RUN DATE " PT-RUN-DATE
                   ", EMPLOYEES PAID " PT-EMP-COUNT
                   ", REJECTED " PT-REJECT-COUNT
           DISPLAY "PAYSUMM: PAYROLL NET PAY " PT-TOTAL-NET.
      *----------------------------------------------------------------*
       2000-PROCESS-BUDGET.
           ADD 1 TO WS-BUDGET-LINES
           MOVE ZERO TO WS-HIT
           PERFORM VARYING WS-DX FROM 1 BY 1
                   UNTIL WS-DX > PT-DEPT-COUNT OR WS-HIT > ZERO
               IF PT-DEPT-CODE (WS-DX) = BUD-DEPT
                   MOVE WS-DX TO WS-HIT
               END-IF
           END-PERFORM
           IF WS-HIT > ZERO
               MOVE PT-DEPT-GROSS (WS-HIT) TO WS-ACTUAL
               MOVE "Y" TO WS-MATCHED (WS-HIT)
           ELSE
               MOVE ZERO TO WS-ACTUAL
           END-IF
           SUBTRACT WS-ACTUAL FROM BUD-AMOUNT GIVING WS-VARIANCE
           COMPUTE WS-PCT-USED ROUNDED = WS-ACTUAL * 100 / BUD-AMOUNT
               ON SIZE ERROR
                   MOVE ZERO TO WS-PCT-USED
           END-COMPUTE
           ADD BUD-AMOUNT TO WS-TOTAL-BUDGET
           ADD WS-ACTUAL  TO WS-TOTAL-ACTUAL
           IF WS-VARIANCE < ZERO
               ADD 1 TO WS-OVER-COUNT
               MOVE "OVER BUDGET" TO SL-FLAG
           ELSE
               MOVE "OK" TO SL-FLAG
           END-IF
           MOVE BUD-DEPT    TO SL-DEPT
           MOVE BUD-DESC    TO SL-DESC
           MOVE BUD-AMOUNT  TO SL-BUDGET
           MOVE WS-ACTUAL   TO SL-ACTUAL
           MOVE WS-VARIANCE TO SL-VARIANCE
           MOVE WS-PCT-USED TO SL-PCT
           DISPLAY SUM-LINE
           PERFORM 2900-READ-BUDGET.
      *----------------------------------------------------------------*
       2900-READ-BUDGET.
           READ BUDGET-FILE
               AT END
                   MOVE "Y" TO WS-EOF-BUDGET
           END-READ.
      *----------------------------------------------------------------*
       3000-CHECK-UNBUDGETED.
           IF WS-MATCHED (WS-DX) NOT = "Y"
               ADD 1 TO WS-UNBUDGETED
               ADD PT-DEPT-GROSS (WS-DX) TO WS-TOTAL-ACTUAL
               MOVE PT-DEPT-CODE (WS-DX)  TO NB-DEPT
               MOVE PT-DEPT-GROSS (WS-DX) TO NB-GROSS
               DISPLAY NOBUD-LINE
           END-IF.
      *----------------------------------------------------------------*
       4000-PRINT-TOTALS.
           COMPUTE WS-TOTAL-VARIANCE = WS-TOTAL-BUDGET - WS-TOTAL-ACTUAL
           COMPUTE WS-PCT-USED ROUNDED =
               WS-TOTAL-ACTUAL * 100 / WS-TOTAL-BUDGET
               ON SIZE ERROR
                   MOVE ZERO TO WS-PCT-USED
           END-COMPUTE
           MOVE "ALL "              TO SL-DEPT
           MOVE "TOTAL"             TO SL-DESC
           MOVE WS-TOTAL-BUDGET     TO SL-BUDGET
           MOVE WS-TOTAL-ACTUAL     TO SL-ACTUAL
           MOVE WS-TOTAL-VARIANCE   TO SL-VARIANCE
           MOVE WS-PCT-USED         TO SL-PCT
           IF WS-TOTAL-VARIANCE < ZERO
               MOVE "OVER BUDGET" TO SL-FLAG
           ELSE
               MOVE "OK" TO SL-FLAG
           END-IF
           DISPLAY SUM-LINE
           DISPLAY "PAYSUMM: BUDGET LINES      " WS-BUDGET-LINES
           DISPLAY "PAYSUMM: DEPTS OVER BUDGET " WS-OVER-COUNT
           DISPLAY "PAYSUMM: DEPTS NO BUDGET   " WS-UNBUDGETED
           DISPLAY "PAYSUMM: TOTAL VARIANCE    " WS-TOTAL-VARIANCE.
