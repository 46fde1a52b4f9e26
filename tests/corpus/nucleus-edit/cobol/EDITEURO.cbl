       IDENTIFICATION DIVISION.
       PROGRAM-ID.    EDITEURO.
      *================================================================*
      * EDITEURO - AN INVOICE PRINTED WITH DECIMAL-POINT IS COMMA AND  *
      * A CURRENCY SIGN OF "F". NUMERIC LITERALS IN THIS PROGRAM USE   *
      * THE COMMA AS DECIMAL SEPARATOR (1234,56). QUANTITY AND PRICE   *
      * LINES ARE READ FROM STDIN:  QQQQ PPPPPPP  (PRICE IN CENTS)     *
      * A BLANK LINE OR END OF INPUT ENDS THE INVOICE.                 *
      *================================================================*
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SPECIAL-NAMES.
           CURRENCY SIGN IS "F"
           DECIMAL-POINT IS COMMA.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  IN-LINE.
           05  IN-QTY                  PIC 9(4).
           05  FILLER                  PIC X.
           05  IN-PRICE                PIC 9(5)V99.
           05  FILLER                  PIC X(68).
       01  WS-VAT-RATE                 PIC V999     VALUE ,195.
       01  WS-DISCOUNT-LIMIT           PIC 9(5)V99  VALUE 1000,00.
       01  WS-LINE-AMT                 PIC S9(7)V99.
       01  WS-NET                      PIC S9(7)V99 VALUE ZERO.
       01  WS-DISCOUNT                 PIC S9(7)V99 VALUE ZERO.
       01  WS-VAT                      PIC S9(7)V99.
       01  WS-GROSS                    PIC S9(7)V99.
       01  WS-LINES                    PIC 99       VALUE ZERO.
       01  PRINT-LINE.
           05  PL-NO                   PIC Z9.
           05  FILLER                  PIC X(2)     VALUE SPACES.
           05  PL-QTY                  PIC Z.ZZ9.
           05  FILLER                  PIC X(3)     VALUE " X ".
           05  PL-PRICE                PIC FFF.FF9,99.
           05  FILLER                  PIC X(3)     VALUE " = ".
           05  PL-AMT                  PIC F.FFF.FF9,99-.
       01  TOTAL-LINE.
           05  TL-LABEL                PIC X(14).
           05  TL-AMT                  PIC F**.***.**9,99CR.
       01  PCT-EDIT                    PIC ZZ9,9.
       01  SMALL-EDIT                  PIC -9,999.
       PROCEDURE DIVISION.
       0000-MAIN.
           DISPLAY "INVOICE 2026-0331"
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE
           PERFORM 1000-LINE UNTIL IN-LINE = SPACES
           IF WS-NET > WS-DISCOUNT-LIMIT
               COMPUTE WS-DISCOUNT ROUNDED = WS-NET * -0,025
           END-IF
           COMPUTE WS-VAT ROUNDED =
               (WS-NET + WS-DISCOUNT) * WS-VAT-RATE
           COMPUTE WS-GROSS = WS-NET + WS-DISCOUNT + WS-VAT
           MOVE "NET" TO TL-LABEL
           MOVE WS-NET TO TL-AMT
           DISPLAY TOTAL-LINE
           MOVE "DISCOUNT 2,5%" TO TL-LABEL
           MOVE WS-DISCOUNT TO TL-AMT
           DISPLAY TOTAL-LINE
           MOVE WS-VAT-RATE TO PCT-EDIT
           MOVE WS-VAT-RATE TO SMALL-EDIT
           DISPLAY "VAT RATE [" PCT-EDIT "] [" SMALL-EDIT "]"
           MOVE "VAT" TO TL-LABEL
           MOVE WS-VAT TO TL-AMT
           DISPLAY TOTAL-LINE
           MOVE "TOTAL DUE" TO TL-LABEL
           MOVE WS-GROSS TO TL-AMT
           DISPLAY TOTAL-LINE
           MOVE TL-AMT TO WS-LINE-AMT
           DISPLAY "DE-EDITED TOTAL " WS-LINE-AMT
           STOP RUN.
       1000-LINE.
           ADD 1 TO WS-LINES
           IF IN-QTY IS NUMERIC AND IN-PRICE IS NUMERIC
               COMPUTE WS-LINE-AMT = IN-QTY * IN-PRICE
               IF IN-QTY = 0
                   COMPUTE WS-LINE-AMT = -1,5 * IN-PRICE
               END-IF
               ADD WS-LINE-AMT TO WS-NET
               MOVE WS-LINES TO PL-NO
               MOVE IN-QTY TO PL-QTY
               MOVE IN-PRICE TO PL-PRICE
               MOVE WS-LINE-AMT TO PL-AMT
               DISPLAY PRINT-LINE
           ELSE
               DISPLAY "LINE " WS-LINES " SKIPPED: NOT NUMERIC"
           END-IF
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE.
