       IDENTIFICATION DIVISION.
       PROGRAM-ID.    CTLDECIDE.
      *================================================================*
      * CTLDECIDE - CLASSIFIES TRANSACTIONS READ FROM STDIN            *
      *                                                                *
      * NESTED IF WITH NEXT SENTENCE, ONE PERIOD CLOSING SEVERAL IFS,  *
      * EVALUATE (TRUE, IDENTIFIER, ALSO, THRU, ANY, NOT, OTHER),      *
      * LEVEL 88 WITH VALUE LISTS / THRU, SET TO TRUE / FALSE.         *
      *                                                                *
      * INPUT LINE: CC AAAAA R P   (CODE, AMOUNT, REGION, PRIORITY)    *
      * A LINE "EN" OR END OF INPUT (ALL SPACES) STOPS THE RUN.        *
      * RC 0 = ALL ACCEPTED, 4 = ONE OR MORE REJECTED.                 *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  TX-LINE.
           05  TX-CODE                 PIC X(2).
               88  TX-SALE                       VALUE "SA".
               88  TX-RETURN                     VALUE "RT" "RX".
               88  TX-ADJUST                     VALUE "AD".
               88  TX-END                        VALUE "EN" SPACES.
           05  FILLER                  PIC X.
           05  TX-AMOUNT               PIC 9(5).
               88  AMT-ZERO                      VALUE ZERO.
               88  AMT-SMALL                     VALUE 1 THRU 99.
               88  AMT-LARGE                     VALUE 1000 THRU 99999.
           05  FILLER                  PIC X.
           05  TX-REGION               PIC X.
               88  REGION-VALID                  VALUE "N" "S" "E" "W".
               88  REGION-COAST                  VALUE "E" "W".
           05  FILLER                  PIC X.
           05  TX-PRIORITY             PIC 9.
               88  PRIO-URGENT                   VALUE 1 2.
               88  PRIO-NORMAL                   VALUE 3 THRU 6, 8.
           05  FILLER                  PIC X(67).
       01  WS-RESULT.
           05  WS-ZONE                 PIC X(7).
           05  WS-ACTION               PIC X(8).
           05  WS-BAND                 PIC X(6).
           05  WS-CATEGORY             PIC X(2).
               88  CAT-DOMESTIC-SALE             VALUE "DS".
               88  CAT-EXPORT-SALE               VALUE "XS".
               88  CAT-RETURN                    VALUE "RE".
               88  CAT-ADJUST                    VALUE "AJ".
               88  CAT-UNKNOWN                   VALUE "??".
       01  WS-FLAGS.
           05  WS-REJECT-SW            PIC X     VALUE "N".
               88  WS-REJECTED                   VALUE "Y"
                                                 WHEN SET TO FALSE "N".
       01  WS-TOTALS.
           05  CT-READ                 PIC 9(3)  VALUE ZERO.
           05  CT-REJECT               PIC 9(3)  VALUE ZERO.
           05  CT-INLAND-CHECK         PIC 9(3)  VALUE ZERO.
           05  CT-REVIEW               PIC 9(3)  VALUE ZERO.
           05  TOT-SALES               PIC 9(7)  VALUE ZERO.
           05  TOT-RETURNS             PIC 9(7)  VALUE ZERO.
           05  TOT-ADJUST              PIC 9(7)  VALUE ZERO.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-READ
           PERFORM 2000-PROCESS UNTIL TX-END
           DISPLAY "READ=" CT-READ " REJECTED=" CT-REJECT
                   " INLAND-CHECKS=" CT-INLAND-CHECK
                   " REVIEWS=" CT-REVIEW
           DISPLAY "SALES=" TOT-SALES " RETURNS=" TOT-RETURNS
                   " ADJUST=" TOT-ADJUST
           IF CT-REJECT > ZERO
               MOVE 4 TO RETURN-CODE
           END-IF
           STOP RUN.
       1000-READ.
           MOVE SPACES TO TX-LINE
           ACCEPT TX-LINE.
       2000-PROCESS.
           ADD 1 TO CT-READ
           SET WS-REJECTED TO FALSE
           MOVE SPACES TO WS-RESULT
           DISPLAY "TX " CT-READ ": " TX-LINE(1:12)
           IF TX-AMOUNT IS NOT NUMERIC
               DISPLAY "  REJECT: AMOUNT NOT NUMERIC"
               SET WS-REJECTED TO TRUE
           ELSE
               PERFORM 3000-ZONE
               PERFORM 4000-ACTION
               PERFORM 5000-CATEGORY
               PERFORM 6000-BAND
               PERFORM 7000-REVIEW
           END-IF
           IF WS-REJECTED
               ADD 1 TO CT-REJECT
           END-IF
           DISPLAY "  FLAG=" WS-REJECT-SW
           PERFORM 1000-READ.
      *    NEXT SENTENCE INSIDE AN IF THAT USES END-IF: CONTROL GOES
      *    PAST THE PERIOD, SO THE ADD AFTER THE INNER IF IS SKIPPED.
       3000-ZONE.
           MOVE "COASTAL" TO WS-ZONE
           IF REGION-VALID
               IF REGION-COAST
                   NEXT SENTENCE
               ELSE
                   MOVE "INLAND" TO WS-ZONE
               END-IF
               ADD 1 TO CT-INLAND-CHECK
           ELSE
               MOVE "UNKNOWN" TO WS-ZONE
               SET WS-REJECTED TO TRUE.
           DISPLAY "  ZONE=" WS-ZONE.
      *    CLASSIC NESTED IF/ELSE CLOSED BY ONE PERIOD
       4000-ACTION.
           IF PRIO-URGENT
               IF AMT-LARGE
                   MOVE "ESCALATE" TO WS-ACTION
               ELSE
                   MOVE "EXPEDITE" TO WS-ACTION
           ELSE
               IF TX-PRIORITY = ZERO
                   MOVE "HOLD" TO WS-ACTION
               ELSE
                   IF PRIO-NORMAL
                       MOVE "QUEUE" TO WS-ACTION
                   ELSE
                       MOVE "DEFER" TO WS-ACTION.
           DISPLAY "  ACTION=" WS-ACTION.
       5000-CATEGORY.
           EVALUATE TRUE ALSO TX-REGION
               WHEN TX-SALE ALSO "N"
               WHEN TX-SALE ALSO "S"
                   SET CAT-DOMESTIC-SALE TO TRUE
                   ADD TX-AMOUNT TO TOT-SALES
               WHEN TX-SALE ALSO ANY
                   SET CAT-EXPORT-SALE TO TRUE
                   ADD TX-AMOUNT TO TOT-SALES
               WHEN TX-RETURN ALSO NOT "W"
                   SET CAT-RETURN TO TRUE
                   ADD TX-AMOUNT TO TOT-RETURNS
               WHEN TX-ADJUST ALSO ANY
                   SET CAT-ADJUST TO TRUE
                   ADD TX-AMOUNT TO TOT-ADJUST
               WHEN OTHER
                   SET CAT-UNKNOWN TO TRUE
                   SET WS-REJECTED TO TRUE
           END-EVALUATE
           DISPLAY "  CATEGORY=" WS-CATEGORY.
       6000-BAND.
           EVALUATE TX-AMOUNT
               WHEN ZERO
                   MOVE "NIL" TO WS-BAND
               WHEN 1 THRU 99
                   MOVE "SMALL" TO WS-BAND
               WHEN 100 THRU 999
               WHEN 1000 THRU 4999
                   MOVE "MEDIUM" TO WS-BAND
               WHEN OTHER
                   MOVE "LARGE" TO WS-BAND
           END-EVALUATE
           EVALUATE TX-PRIORITY ALSO TRUE ALSO FALSE
               WHEN 1 THRU 2 ALSO AMT-LARGE ALSO REGION-COAST
                   DISPLAY "  RULE A: URGENT LARGE INLAND"
               WHEN ANY ALSO AMT-SMALL OR AMT-ZERO ALSO ANY
                   DISPLAY "  RULE B: SMALL AMOUNT"
               WHEN NOT 9 ALSO TX-AMOUNT > 5000 ALSO ANY
                   DISPLAY "  RULE C: OVER 5000"
               WHEN OTHER
                   DISPLAY "  RULE D: DEFAULT"
           END-EVALUATE
           DISPLAY "  BAND=" WS-BAND.
       7000-REVIEW.
           EVALUATE TRUE
               WHEN WS-REJECTED
                   CONTINUE
               WHEN TX-AMOUNT > 2000 AND (REGION-COAST OR PRIO-URGENT)
               WHEN TX-RETURN AND NOT AMT-SMALL
                   ADD 1 TO CT-REVIEW
                   DISPLAY "  REVIEW REQUIRED"
           END-EVALUATE.
