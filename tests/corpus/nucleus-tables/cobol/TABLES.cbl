       IDENTIFICATION DIVISION.
       PROGRAM-ID.    TABLES.
      *================================================================*
      * TABLES - ORDER LINES FROM STDIN ARE PRICED AND TOTALLED        *
      *   PRICE LIST   : OCCURS ASCENDING KEY, SEARCH ALL              *
      *   REGION NAMES : OCCURS INDEXED BY, SET, SEARCH WITH AT END    *
      *   QUARTER NAMES: VALUE STRING REDEFINED AS A TABLE             *
      *   SALES MATRIX : 2 DIMENSIONS, SUBSCRIPTS WITH ARITHMETIC      *
      *   ORDER LINES  : OCCURS DEPENDING ON (AT MOST 8 LINES KEPT)    *
      * INPUT LINE: PPPP R Q NNN  (PRODUCT, REGION CODE, QUARTER, QTY) *
      * A BLANK LINE OR END OF INPUT ENDS THE ORDER.                   *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  IN-LINE.
           05  IN-PRODUCT              PIC X(4).
           05  FILLER                  PIC X.
           05  IN-REGION               PIC X.
           05  FILLER                  PIC X.
           05  IN-QUARTER              PIC 9.
           05  FILLER                  PIC X.
           05  IN-QTY                  PIC 9(3).
           05  FILLER                  PIC X(68).
       01  PRICE-DATA.
           05  FILLER PIC X(10) VALUE "A100000125".
           05  FILLER PIC X(10) VALUE "A200001999".
           05  FILLER PIC X(10) VALUE "B150000050".
           05  FILLER PIC X(10) VALUE "C300010000".
           05  FILLER PIC X(10) VALUE "D010000001".
           05  FILLER PIC X(10) VALUE "K999002500".
       01  PRICE-TABLE REDEFINES PRICE-DATA.
           05  PRICE-ENTRY OCCURS 6 TIMES
                   ASCENDING KEY IS PT-CODE
                   INDEXED BY PX.
               10  PT-CODE             PIC X(4).
               10  PT-PRICE            PIC 9(4)V99.
       01  REGION-TABLE.
           05  REGION-ENTRY OCCURS 4 TIMES INDEXED BY RX.
               10  RG-CODE             PIC X.
               10  RG-NAME             PIC X(6).
       01  QUARTER-NAMES               PIC X(8) VALUE "Q1Q2Q3Q4".
       01  QUARTER-TABLE REDEFINES QUARTER-NAMES.
           05  QUARTER-NAME            PIC X(2) OCCURS 4 TIMES.
       01  SALES-MATRIX.
           05  SALES-ROW OCCURS 4 TIMES.
               10  SALES-CELL          PIC 9(6)V99 OCCURS 4 TIMES.
       01  ROW-TOTAL                   PIC 9(7)V99.
       01  COL-TOTALS.
           05  COL-TOTAL               PIC 9(7)V99 OCCURS 4 TIMES.
       01  ORDER-COUNT                 PIC 9(2) VALUE ZERO.
       01  ORDER-TABLE.
           05  ORDER-LINE OCCURS 1 TO 8 TIMES
                   DEPENDING ON ORDER-COUNT.
               10  OL-PRODUCT          PIC X(4).
               10  OL-QTY              PIC 9(3).
               10  OL-MARK             PIC X.
       01  WS-AMOUNT                   PIC 9(6)V99.
       01  WS-R                        PIC 9.
       01  WS-Q                        PIC 9.
       01  WS-I                        PIC 99.
       01  WS-REJECTS                  PIC 99   VALUE ZERO.
       01  WS-DROPPED                  PIC 99   VALUE ZERO.
       01  EDIT-AMT                    PIC ZZZ,ZZ9.99.
       01  EDIT-ROW.
           05  ER-NAME                 PIC X(7).
           05  ER-CELL                 PIC ZZZ,ZZ9.99 OCCURS 5 TIMES.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-SETUP
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE
           PERFORM 2000-ORDER-LINE UNTIL IN-LINE = SPACES
           PERFORM 3000-MATRIX
           PERFORM 4000-ORDER-LINES
           DISPLAY "REJECTED=" WS-REJECTS " NOT KEPT=" WS-DROPPED
           STOP RUN.
       1000-SETUP.
           SET RX TO 1
           MOVE "NNORTH " TO REGION-ENTRY(RX)
           SET RX UP BY 1
           MOVE "SSOUTH " TO REGION-ENTRY(RX)
           SET RX TO 4
           MOVE "WWEST  " TO REGION-ENTRY(RX)
           SET RX DOWN BY 1
           MOVE "EEAST  " TO REGION-ENTRY(RX)
           INITIALIZE SALES-MATRIX COL-TOTALS
           DISPLAY "REGIONS [" REGION-TABLE "]"
           DISPLAY "PRICES " PT-CODE(1) "-" PT-CODE(6)
                   " COUNT 6 FIRST " PT-PRICE(1).
       2000-ORDER-LINE.
           DISPLAY "LINE [" IN-LINE(1:12) "]"
           SET RX TO 1
           SEARCH REGION-ENTRY
               AT END
                   MOVE ZERO TO WS-R
               WHEN RG-CODE(RX) = IN-REGION
                   SET WS-R TO RX
           END-SEARCH
           SEARCH ALL PRICE-ENTRY
               AT END
                   SET PX TO 1
                   MOVE ZERO TO WS-R
               WHEN PT-CODE(PX) = IN-PRODUCT
                   CONTINUE
           END-SEARCH
           EVALUATE TRUE
               WHEN WS-R = ZERO
                   DISPLAY "  REJECT: UNKNOWN PRODUCT OR REGION"
                   ADD 1 TO WS-REJECTS
               WHEN IN-QUARTER < 1 OR IN-QUARTER > 4
                 OR IN-QTY IS NOT NUMERIC
                   DISPLAY "  REJECT: BAD QUARTER OR QUANTITY"
                   ADD 1 TO WS-REJECTS
               WHEN OTHER
                   PERFORM 2100-ACCEPT-LINE
           END-EVALUATE
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE.
       2100-ACCEPT-LINE.
           MOVE IN-QUARTER TO WS-Q
           COMPUTE WS-AMOUNT = IN-QTY * PT-PRICE(PX)
           ADD WS-AMOUNT TO SALES-CELL(WS-R, WS-Q)
           MOVE WS-AMOUNT TO EDIT-AMT
           DISPLAY "  " RG-NAME(WS-R) " " QUARTER-NAME(WS-Q)
                   " PRICE " PT-PRICE(PX) " AMOUNT " EDIT-AMT
      *    THE NEXT QUARTER OF THE SAME REGION GETS A 1% NOTE IF ANY
           IF WS-Q < 4
               COMPUTE WS-AMOUNT ROUNDED = WS-AMOUNT / 100
               ADD WS-AMOUNT TO SALES-CELL(WS-R, WS-Q + 1)
           END-IF
           IF ORDER-COUNT < 8
               ADD 1 TO ORDER-COUNT
               MOVE IN-PRODUCT TO OL-PRODUCT(ORDER-COUNT)
               MOVE IN-QTY TO OL-QTY(ORDER-COUNT)
               MOVE "*" TO OL-MARK(ORDER-COUNT)
               IF ORDER-COUNT > 1
                 AND OL-PRODUCT(ORDER-COUNT - 1) = IN-PRODUCT
                   MOVE "=" TO OL-MARK(ORDER-COUNT)
               END-IF
           ELSE
               ADD 1 TO WS-DROPPED
           END-IF.
       3000-MATRIX.
           DISPLAY "REGION      Q1         Q2         Q3         Q4"
                   "      TOTAL"
           PERFORM VARYING WS-R FROM 1 BY 1 UNTIL WS-R > 4
               MOVE RG-NAME(WS-R) TO ER-NAME
               MOVE ZERO TO ROW-TOTAL
               PERFORM VARYING WS-Q FROM 1 BY 1 UNTIL WS-Q > 4
                   MOVE SALES-CELL(WS-R, WS-Q) TO ER-CELL(WS-Q)
                   ADD SALES-CELL(WS-R, WS-Q) TO ROW-TOTAL
                                                 COL-TOTAL(WS-Q)
               END-PERFORM
               MOVE ROW-TOTAL TO ER-CELL(5)
               DISPLAY EDIT-ROW
           END-PERFORM
           MOVE "TOTAL" TO ER-NAME
           MOVE ZERO TO ROW-TOTAL
           PERFORM VARYING WS-Q FROM 1 BY 1 UNTIL WS-Q > 4
               MOVE COL-TOTAL(WS-Q) TO ER-CELL(WS-Q)
               ADD COL-TOTAL(WS-Q) TO ROW-TOTAL
           END-PERFORM
           MOVE ROW-TOTAL TO ER-CELL(5)
           DISPLAY EDIT-ROW.
       4000-ORDER-LINES.
           DISPLAY "ORDER LINES KEPT " ORDER-COUNT
           IF ORDER-COUNT > ZERO
               DISPLAY "ORDER TABLE [" ORDER-TABLE "]"
               PERFORM VARYING WS-I FROM ORDER-COUNT BY -1
                       UNTIL WS-I < 1
                   DISPLAY "  " WS-I " " OL-PRODUCT(WS-I) " "
                           OL-QTY(WS-I) " " OL-MARK(WS-I)
               END-PERFORM
           END-IF
           SET PX TO 6
           SET PX DOWN BY 2
           SET WS-I TO PX
           DISPLAY "INDEX ARITHMETIC " WS-I " " PT-CODE(PX + 1)
                   " " PT-CODE(PX - 3).
