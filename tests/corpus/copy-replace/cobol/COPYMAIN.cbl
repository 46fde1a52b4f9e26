       IDENTIFICATION DIVISION.
       PROGRAM-ID.    COPYMAIN.
      *================================================================*
      * COPYMAIN - COPY AND REPLACE                                    *
      *   COPY CUSTREC TWICE WITH PSEUDO-TEXT REPLACING OF A TAG       *
      *     (CUSTREC ITSELF COPIES ADDRBLK: NESTED COPY)               *
      *   COPY WSCONST (NO EXTENSION) WITH LEADING AND LITERAL         *
      *     REPLACING, AND AGAIN WITH A MULTI-WORD PSEUDO-TEXT         *
      *   COPY COUNTERS (.cob) PLAIN AND WITH TRAILING REPLACING       *
      *   COPY "datefmt.cpy" BY A LITERAL, LOWER-CASE FILE NAME        *
      *   COPY CALCTAX (.CBL) INSIDE A PARAGRAPH                       *
      *   REPLACE ... REPLACE OFF AROUND PART OF THE PROCEDURE         *
      * STDIN: CUSTOMER LINES  ID(6) NAME(20) BALANCE(+9(5)V99, 8)     *
      * CITY(12) ZIP(5) OPENED(YYYYMMDD); BLANK LINE OR EOF ENDS.      *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       COPY CUSTREC REPLACING ==:PFX:== BY ==IN==.
           05  IN-OPENED               PIC 9(8).
       COPY CUSTREC REPLACING ==:PFX:== BY ==OUT==.
       COPY WSCONST REPLACING LEADING ==RATE== BY ==TAX==
                              "DEFAULT" BY "STANDARD".
       COPY WSCONST REPLACING LEADING ==RATE== BY ==VAT==
                              ==VALUE .200== BY ==VALUE .190==.
       COPY COUNTERS.
       COPY COUNTERS REPLACING TRAILING ==-IN== BY ==-OUT==.
       COPY "datefmt.cpy".
       01  WS-TAX                      PIC S9(5)V99.
       01  WS-TAX-TOTAL                PIC S9(7)V99 VALUE ZERO.
       01  WS-EDIT                     PIC -(6)9.99.
       PROCEDURE DIVISION.
       REPLACE ==SHOW-RESULT== BY ==DISPLAY "  TAX "==
               ==MAX-CUSTOMERS== BY ==4==.
       0000-MAIN.
           DISPLAY "TAX TABLE [" TAX-LABEL "] " TAX-STANDARD " "
                   TAX-REDUCED
           DISPLAY "VAT TABLE [" VAT-LABEL "] " VAT-STANDARD " "
                   VAT-REDUCED
           MOVE SPACES TO IN-CUSTOMER
           ACCEPT IN-CUSTOMER
           PERFORM 1000-CUSTOMER
               UNTIL IN-CUSTOMER = SPACES OR READ-IN = MAX-CUSTOMERS
           PERFORM 9000-TOTALS
           STOP RUN.
       1000-CUSTOMER.
           ADD 1 TO READ-IN
           ADD 1 TO READ-OUT
           DISPLAY "CUSTOMER " IN-CUST-ID " " IN-CUST-NAME
           IF IN-CUST-BAL IS NOT NUMERIC
               DISPLAY "  BAD BALANCE"
               ADD 1 TO ERRORS-IN
           ELSE
               IF IN-CUST-BAL > 50000
                   COPY CALCTAX REPLACING
                       ==:RESULT:== BY ==WS-TAX==
                       ==:AMOUNT:== BY ==IN-CUST-BAL==
                       ==:RATE:==   BY ==TAX-REDUCED==.
               ELSE
                   COPY CALCTAX REPLACING
                       ==:RESULT:== BY ==WS-TAX==
                       ==:AMOUNT:== BY ==IN-CUST-BAL==
                       ==:RATE:==   BY ==TAX-STANDARD==.
               END-IF
           END-IF
           MOVE IN-CUSTOMER TO OUT-CUSTOMER
           MOVE ADDR-CITY OF IN-CUSTOMER TO ADDR-ZIP OF OUT-CUSTOMER
           MOVE IN-OPENED TO DATE-IN
           MOVE DI-DD TO DO-DD
           MOVE DI-MM TO DO-MM
           MOVE DI-YYYY TO DO-YYYY
           DISPLAY "  OUT [" OUT-CUSTOMER "] OPENED " DATE-OUT
           MOVE SPACES TO IN-CUSTOMER
           ACCEPT IN-CUSTOMER.
       REPLACE OFF.
       9000-TOTALS.
           MOVE WS-TAX-TOTAL TO WS-EDIT
           DISPLAY "READ " READ-IN " ERRORS " ERRORS-IN
                   " READ-OUT " READ-OUT " ERRORS-OUT " ERRORS-OUT
           DISPLAY "TAX TOTAL " WS-EDIT.
