       IDENTIFICATION DIVISION.
       PROGRAM-ID.    CTLFLOW.
      *================================================================*
      * CTLFLOW  - PERFORM FORMS, GO TO, GO TO DEPENDING ON, SECTIONS  *
      *                                                                *
      * STDIN LINE 1 : LOOP LIMIT  (2 DIGITS, 00-99)                   *
      * STDIN LINE 2 : ROUTE CODE  (1 DIGIT, 1-3 VALID)                *
      * EVERY STEP DISPLAYS A TRACE LINE SO THE ORDER OF EXECUTION IS  *
      * VISIBLE ON STDOUT.                                             *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-PARMS.
           05  WS-LIMIT                PIC 9(2).
           05  WS-ROUTE                PIC 9.
       01  WS-COUNTERS.
           05  WS-I                    PIC S9(4) COMP.
           05  WS-J                    PIC S9(4) COMP.
           05  WS-K                    PIC 9(3)  VALUE ZERO.
           05  WS-SUM                  PIC S9(7) VALUE ZERO.
           05  WS-QUOT                 PIC 9(3).
           05  WS-REM                  PIC 9(3).
           05  WS-DEPTH                PIC 9     VALUE ZERO.
       01  WS-SWITCHES.
           05  WS-DONE-SW              PIC X     VALUE "N".
               88  WS-DONE                       VALUE "Y".
               88  WS-NOT-DONE                   VALUE "N".
       PROCEDURE DIVISION.
       MAIN-CONTROL SECTION.
       M-000-START.
           ACCEPT WS-LIMIT
           ACCEPT WS-ROUTE
           DISPLAY "LIMIT=" WS-LIMIT " ROUTE=" WS-ROUTE
      *    SIMPLE PERFORM AND PERFORM THRU (P-A JUMPS OVER P-B)
           PERFORM P-SIMPLE
           PERFORM P-A THRU P-C
      *    N TIMES, LITERAL AND IDENTIFIER (LIMIT MAY BE ZERO)
           PERFORM P-COUNT 3 TIMES
           DISPLAY "AFTER 3 TIMES K=" WS-K
           PERFORM P-COUNT WS-LIMIT TIMES
           DISPLAY "AFTER LIMIT TIMES K=" WS-K
      *    UNTIL WITH TEST BEFORE (DEFAULT) AND TEST AFTER
           MOVE ZERO TO WS-I
           PERFORM P-INC-I UNTIL WS-I >= WS-LIMIT
           DISPLAY "TEST BEFORE I=" WS-I
           MOVE ZERO TO WS-I
           PERFORM P-INC-I WITH TEST AFTER UNTIL WS-I >= WS-LIMIT
           DISPLAY "TEST AFTER  I=" WS-I
      *    VARYING WITH AFTER, INNER INDEX COUNTS DOWN
           MOVE ZERO TO WS-SUM
           PERFORM P-CELL
               VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 3
                 AFTER WS-J FROM 10 BY -5 UNTIL WS-J < 0
           DISPLAY "GRID SUM=" WS-SUM " I=" WS-I " J=" WS-J
      *    INLINE PERFORM WITH EXIT PERFORM CYCLE AND EXIT PERFORM
           MOVE ZERO TO WS-SUM
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 20
               DIVIDE WS-I BY 3 GIVING WS-QUOT REMAINDER WS-REM
               IF WS-REM = 0
                   EXIT PERFORM CYCLE
               END-IF
               IF WS-I > WS-LIMIT
                   EXIT PERFORM
               END-IF
               ADD WS-I TO WS-SUM
           END-PERFORM
           DISPLAY "INLINE SUM=" WS-SUM " STOPPED AT I=" WS-I
      *    NESTED INLINE PERFORMS, INNER ONE TEST AFTER
           MOVE ZERO TO WS-K
           PERFORM 2 TIMES
               MOVE 5 TO WS-J
               PERFORM WITH TEST AFTER UNTIL WS-J > 3
                   ADD 1 TO WS-K
                   ADD 1 TO WS-J
               END-PERFORM
           END-PERFORM
           DISPLAY "NESTED K=" WS-K
      *    PERFORM UNTIL A LEVEL-88 CONDITION
           SET WS-NOT-DONE TO TRUE
           MOVE ZERO TO WS-I
           PERFORM P-STEP UNTIL WS-DONE
           DISPLAY "STEPS=" WS-I
      *    RECURSION-FREE NESTING OF PERFORMED PARAGRAPHS
           PERFORM P-OUTER
      *    GO TO DEPENDING ON INSIDE A PERFORM THRU RANGE
           PERFORM R-ROUTE THRU R-EXIT
      *    PERFORM OF A SECTION THAT MAY LEAVE BY EXIT SECTION
           PERFORM WORK-SECTION
           PERFORM P-PARA-EXIT
           GO TO M-FALL-1.
       M-NEVER.
           DISPLAY "M-NEVER MUST NOT APPEAR".
       M-FALL-1.
           DISPLAY "FALL-1"
           IF WS-ROUTE = 1
               GO TO M-END
           END-IF.
       M-FALL-2.
           DISPLAY "FALL-2".
       M-END.
           DISPLAY "END OF CTLFLOW"
           STOP RUN.
      *----------------------------------------------------------------*
       PARAGRAPHS SECTION.
       P-SIMPLE.
           DISPLAY "P-SIMPLE".
       P-A.
           DISPLAY "P-A"
           GO TO P-C.
       P-B.
           DISPLAY "P-B MUST NOT APPEAR".
       P-C.
           DISPLAY "P-C".
       P-COUNT.
           ADD 1 TO WS-K.
       P-INC-I.
           ADD 1 TO WS-I.
       P-CELL.
           COMPUTE WS-SUM = WS-SUM + WS-I * 100 + WS-J
           DISPLAY "CELL I=" WS-I " J=" WS-J.
       P-STEP.
           ADD 1 TO WS-I
           IF WS-I * WS-I > WS-LIMIT
               SET WS-DONE TO TRUE
           END-IF.
       P-OUTER.
           ADD 1 TO WS-DEPTH
           DISPLAY "OUTER DEPTH=" WS-DEPTH
           PERFORM P-INNER 2 TIMES
           SUBTRACT 1 FROM WS-DEPTH
           DISPLAY "OUTER BACK DEPTH=" WS-DEPTH.
       P-INNER.
           ADD 1 TO WS-DEPTH
           DISPLAY "INNER DEPTH=" WS-DEPTH
           SUBTRACT 1 FROM WS-DEPTH.
       P-PARA-EXIT.
           DISPLAY "P-PARA-EXIT START"
           IF WS-LIMIT < 10
               EXIT PARAGRAPH
           END-IF
           DISPLAY "P-PARA-EXIT LIMIT >= 10".
       R-ROUTE.
           GO TO R-ONE R-TWO R-THREE DEPENDING ON WS-ROUTE
           DISPLAY "ROUTE " WS-ROUTE " OUT OF RANGE"
           GO TO R-EXIT.
       R-ONE.
           DISPLAY "ROUTE ONE"
           GO TO R-EXIT.
       R-TWO.
           DISPLAY "ROUTE TWO FALLS THROUGH".
       R-THREE.
           DISPLAY "ROUTE THREE".
       R-EXIT.
           EXIT.
      *----------------------------------------------------------------*
       WORK-SECTION SECTION.
       W-START.
           DISPLAY "W-START"
           IF WS-ROUTE > 2
               EXIT SECTION
           END-IF
           DISPLAY "W-MIDDLE".
       W-END.
           DISPLAY "W-END".
