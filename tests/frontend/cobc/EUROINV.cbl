       IDENTIFICATION DIVISION.
       PROGRAM-ID. EUROINV.
      *    INVOICE PRINT FOR THE CONTINENTAL BRANCHES:
      *    DECIMAL COMMA, CURRENCY SIGN, CLASS TESTS ON INPUT CODES.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SOURCE-COMPUTER. X86-64.
       OBJECT-COMPUTER. X86-64
           PROGRAM COLLATING SEQUENCE IS NATIVE-ORDER.
       SPECIAL-NAMES.
           CONSOLE IS OPERATOR-CONSOLE
           ALPHABET NATIVE-ORDER IS NATIVE
           ALPHABET CODE-ORDER IS 'A' ALSO 'a' 'B' THRU 'Z'
                                  '0' THRU '9' '-'
           SYMBOLIC CHARACTERS TAB-CHAR IS 10
                               ESC-CHAR IS 28
           CLASS VAT-CODE IS 'S' 'R' 'Z' 'E'
           CLASS ALNUM-CODE IS 'A' THRU 'Z' '0' THRU '9' '-'
           CURRENCY SIGN IS 'F'
           DECIMAL-POINT IS COMMA.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT INVOICE-LINES ASSIGN TO 'INVLINES'
               ORGANIZATION LINE SEQUENTIAL
               FILE STATUS IS IL-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD  INVOICE-LINES.
       01  IL-RECORD.
           05  IL-ARTICLE          PIC X(10).
           05  IL-QUANTITY         PIC 9(5).
           05  IL-UNIT-PRICE       PIC 9(7)V99.
           05  IL-VAT-CODE         PIC X.
           05  IL-DISCOUNT-PCT     PIC 99V9.
       WORKING-STORAGE SECTION.
       01  IL-STATUS               PIC XX.
           88  IL-OK                   VALUE '00'.
           88  IL-EOF                  VALUE '10'.
       01  VAT-RATES.
           05  VAT-STANDARD        PIC V999    VALUE ,200.
           05  VAT-REDUCED         PIC V999    VALUE 0,055.
           05  VAT-ZERO            PIC V999    VALUE ZERO.
       01  LINE-AMOUNTS.
           05  LA-NET              PIC S9(9)V99 COMP-3.
           05  LA-DISCOUNT         PIC S9(9)V99 COMP-3.
           05  LA-VAT              PIC S9(9)V99 COMP-3.
       01  TOTALS.
           05  TOT-NET             PIC S9(11)V99 COMP-3 VALUE ZERO.
           05  TOT-VAT             PIC S9(11)V99 COMP-3 VALUE ZERO.
           05  TOT-GROSS           PIC S9(11)V99 COMP-3 VALUE ZERO.
       01  VAT-BY-CODE.
           05  VAT-SUM OCCURS 4 TIMES PIC S9(9)V99 COMP-3.
       01  PRINT-LINE.
           05  PL-ARTICLE          PIC X(10).
           05  FILLER              PIC X       VALUE SPACE.
           05  PL-QUANTITY         PIC ZZ.ZZ9.
           05  FILLER              PIC X       VALUE SPACE.
           05  PL-UNIT-PRICE       PIC FFF.FFF.FF9,99.
           05  FILLER              PIC X       VALUE SPACE.
           05  PL-NET              PIC FFF.FFF.FF9,99-.
           05  FILLER              PIC X       VALUE SPACE.
           05  PL-VAT-CODE         PIC X.
       01  TOTAL-LINE.
           05  TL-LABEL            PIC X(20).
           05  TL-AMOUNT           PIC F.FFF.FFF.FF9,99CR.
       01  PERCENT-EDIT            PIC ZZ9,9.
       01  BAD-LINES               PIC 9(4)    VALUE 0.
       01  IX                      PIC 9.
       PROCEDURE DIVISION.
       MAIN.
           OPEN INPUT INVOICE-LINES
           INITIALIZE VAT-BY-CODE
           PERFORM UNTIL IL-EOF
               READ INVOICE-LINES
                   AT END CONTINUE
                   NOT AT END PERFORM ONE-LINE
               END-READ
           END-PERFORM
           CLOSE INVOICE-LINES
           PERFORM PRINT-TOTALS
           STOP RUN.
       ONE-LINE.
           IF IL-VAT-CODE IS NOT VAT-CODE
              OR IL-ARTICLE IS NOT ALNUM-CODE
              OR IL-QUANTITY IS NOT NUMERIC
               ADD 1 TO BAD-LINES
               DISPLAY 'EUROINV: REJECTED ' IL-ARTICLE
                   UPON OPERATOR-CONSOLE
           ELSE
               COMPUTE LA-NET ROUNDED = IL-QUANTITY * IL-UNIT-PRICE
               COMPUTE LA-DISCOUNT ROUNDED =
                       LA-NET * IL-DISCOUNT-PCT / 100
               SUBTRACT LA-DISCOUNT FROM LA-NET
               EVALUATE IL-VAT-CODE
                   WHEN 'S'
                       COMPUTE LA-VAT ROUNDED = LA-NET * VAT-STANDARD
                       MOVE 1 TO IX
                   WHEN 'R'
                       COMPUTE LA-VAT ROUNDED = LA-NET * VAT-REDUCED
                       MOVE 2 TO IX
                   WHEN 'Z'
                   WHEN 'E'
                       MOVE ZERO TO LA-VAT
                       MOVE 3 TO IX
               END-EVALUATE
               ADD LA-VAT TO VAT-SUM (IX)
               ADD LA-NET TO TOT-NET
               ADD LA-VAT TO TOT-VAT
               MOVE IL-ARTICLE    TO PL-ARTICLE
               MOVE IL-QUANTITY   TO PL-QUANTITY
               MOVE IL-UNIT-PRICE TO PL-UNIT-PRICE
               MOVE LA-NET        TO PL-NET
               MOVE IL-VAT-CODE   TO PL-VAT-CODE
               DISPLAY PRINT-LINE
           END-IF.
       PRINT-TOTALS.
           ADD TOT-NET, TOT-VAT GIVING TOT-GROSS
           IF TOT-GROSS > 1000000,00
               MOVE 1,5 TO PERCENT-EDIT
           ELSE
               COMPUTE PERCENT-EDIT = 0,5 * 2
           END-IF
           MOVE 'NET TOTAL'   TO TL-LABEL
           MOVE TOT-NET       TO TL-AMOUNT
           DISPLAY TOTAL-LINE
           MOVE 'VAT TOTAL'   TO TL-LABEL
           MOVE TOT-VAT       TO TL-AMOUNT
           DISPLAY TOTAL-LINE
           MOVE 'GROSS TOTAL' TO TL-LABEL
           MOVE TOT-GROSS     TO TL-AMOUNT
           DISPLAY TOTAL-LINE
           DISPLAY 'SETTLEMENT DISCOUNT ' PERCENT-EDIT ' %' TAB-CHAR
                   'REJECTED LINES ' BAD-LINES.
