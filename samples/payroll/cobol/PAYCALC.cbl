       IDENTIFICATION DIVISION.
       PROGRAM-ID.    PAYCALC.
      *================================================================*
      * PAYCALC  - WEEKLY GROSS-TO-NET CALCULATION                    *
      *                                                                *
      * CALLED BY PAYROLL ONCE PER VALID EMPLOYEE:                     *
      *     CALL "PAYCALC" USING EMP-RECORD PAYCALC-PARMS              *
      *                                                                *
      * HOURLY   : FIRST 40.0 HOURS AT RATE, EXCESS AT 1.5 X RATE      *
      * SALARIED : EMP-RATE IS THE WEEKLY SALARY, HOURS NOT PAID       *
      * TAXABLE  : GROSS LESS PRE-TAX DEDUCTION, NEVER BELOW ZERO      *
      * TAX      : 4 WEEKLY BRACKETS (SEE 3000-COMPUTE-TAX)            *
      * NET      : GROSS LESS TAX LESS DEDUCTION (MAY GO NEGATIVE)     *
      *                                                                *
      * PC-STATUS  00 OK, 90 ARITHMETIC OVERFLOW, 91 BAD PAY TYPE      *
      *----------------------------------------------------------------*
      * CHANGE LOG                                                     *
      * PAY0217  1994-02-17  OVERTIME FACTOR MOVED TO WORKING-STORAGE  *
      * PAY0412  2003-04-12  SIZE ERROR CHECKS ON GROSS PAY            *
      *================================================================*
       ENVIRONMENT DIVISION.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       77  WS-OT-THRESHOLD             PIC S9(3)V9   COMP-3 VALUE 40.0.
       77  WS-OT-FACTOR                PIC S9V9      COMP-3 VALUE 1.5.  PAY0217
       01  WS-WORK-AREAS.
           05  WS-OT-RATE              PIC S9(5)V999 COMP-3.
           05  WS-TAXABLE              PIC S9(5)V99  COMP-3.
               88  BRACKET-NIL         VALUE 0       THRU 250.00.
               88  BRACKET-LOW         VALUE 250.01  THRU 1000.00.
               88  BRACKET-MID         VALUE 1000.01 THRU 2500.00.
               88  BRACKET-HIGH        VALUE 2500.01 THRU 99999.99.
       LINKAGE SECTION.
           COPY EMPREC.
           COPY PAYLINK.
       PROCEDURE DIVISION USING EMP-RECORD PAYCALC-PARMS.
       0000-MAIN.
           MOVE "00" TO PC-STATUS
           MOVE ZERO TO PC-REG-HOURS PC-OT-HOURS
                        PC-REG-PAY   PC-OT-PAY
                        PC-GROSS-PAY PC-TAXABLE
                        PC-TAX       PC-NET-PAY
                        PC-TAX-BRACKET
           EVALUATE TRUE
               WHEN EMP-HOURLY
                   PERFORM 1000-HOURLY-PAY
               WHEN EMP-SALARIED
                   PERFORM 2000-SALARIED-PAY
               WHEN OTHER
                   MOVE "91" TO PC-STATUS
           END-EVALUATE
           IF PC-OK
               PERFORM 3000-COMPUTE-TAX
           END-IF
           IF PC-OK
               PERFORM 4000-NET-PAY
           END-IF
           GOBACK.
      *----------------------------------------------------------------*
      * HOURLY: SPLIT REGULAR / OVERTIME HOURS, PRICE EACH PART        *
      *----------------------------------------------------------------*
       1000-HOURLY-PAY.
           IF EMP-HOURS > WS-OT-THRESHOLD
               MOVE WS-OT-THRESHOLD TO PC-REG-HOURS
               SUBTRACT WS-OT-THRESHOLD FROM EMP-HOURS
                   GIVING PC-OT-HOURS
           ELSE
               MOVE EMP-HOURS TO PC-REG-HOURS
               MOVE ZERO TO PC-OT-HOURS
           END-IF
           MULTIPLY EMP-RATE BY PC-REG-HOURS
               GIVING PC-REG-PAY ROUNDED
               ON SIZE ERROR
                   MOVE "90" TO PC-STATUS                               PAY0412
           END-MULTIPLY
           COMPUTE WS-OT-RATE ROUNDED = EMP-RATE * WS-OT-FACTOR         PAY0217
           MULTIPLY WS-OT-RATE BY PC-OT-HOURS
               GIVING PC-OT-PAY ROUNDED
               ON SIZE ERROR
                   MOVE "90" TO PC-STATUS                               PAY0412
           END-MULTIPLY
           IF PC-OK
               ADD PC-REG-PAY PC-OT-PAY GIVING PC-GROSS-PAY
                   ON SIZE ERROR
                       MOVE "90" TO PC-STATUS                           PAY0412
               END-ADD
           END-IF.
      *----------------------------------------------------------------*
      * SALARIED: FLAT WEEKLY AMOUNT, HOURS KEPT FOR THE REGISTER      *
      *----------------------------------------------------------------*
       2000-SALARIED-PAY.
           MOVE EMP-HOURS TO PC-REG-HOURS
           MOVE EMP-RATE  TO PC-GROSS-PAY.
      *----------------------------------------------------------------*
      * TAX BY WEEKLY BRACKET                                          *
      *       0.00 -   250.00   NIL                                    *
      *     250.01 -  1000.00   10% OVER   250.00                      *
      *    1000.01 -  2500.00   75.00 + 20% OVER 1000.00               *
      *    2500.01 AND UP       375.00 + 30% OVER 2500.00              *
      *----------------------------------------------------------------*
       3000-COMPUTE-TAX.
           SUBTRACT EMP-DEDUCTION FROM PC-GROSS-PAY GIVING WS-TAXABLE
           IF WS-TAXABLE < ZERO
               MOVE ZERO TO WS-TAXABLE
           END-IF
           MOVE WS-TAXABLE TO PC-TAXABLE
           EVALUATE TRUE
               WHEN BRACKET-NIL
                   MOVE 1 TO PC-TAX-BRACKET
                   MOVE ZERO TO PC-TAX
               WHEN BRACKET-LOW
                   MOVE 2 TO PC-TAX-BRACKET
                   COMPUTE PC-TAX ROUNDED =
                       (WS-TAXABLE - 250.00) * 0.10
               WHEN BRACKET-MID
                   MOVE 3 TO PC-TAX-BRACKET
                   COMPUTE PC-TAX ROUNDED =
                       75.00 + (WS-TAXABLE - 1000.00) * 0.20
               WHEN BRACKET-HIGH
                   MOVE 4 TO PC-TAX-BRACKET
                   COMPUTE PC-TAX ROUNDED =
                       375.00 + (WS-TAXABLE - 2500.00) * 0.30
                       ON SIZE ERROR
                           MOVE "90" TO PC-STATUS
                   END-COMPUTE
           END-EVALUATE.
      *----------------------------------------------------------------*
      * NET PAY                                                        *
      *----------------------------------------------------------------*
       4000-NET-PAY.
           SUBTRACT PC-TAX EMP-DEDUCTION FROM PC-GROSS-PAY
               GIVING PC-NET-PAY ROUNDED.
