       IDENTIFICATION DIVISION.
       PROGRAM-ID.    MOVEGRPS.
      *================================================================*
      * MOVEGRPS - GROUP MOVES, MOVE CORRESPONDING, INITIALIZE,        *
      * REFERENCE MODIFICATION AND REDEFINES, DRIVEN BY CUSTOMER       *
      * RECORDS READ FROM STDIN (ONE PER LINE, ENDS AT A BLANK LINE):  *
      *   1-6 ID 9(6)  7-26 NAME  27-38 CITY                           *
      *   39-46 BALANCE S9(5)V99 SIGN LEADING SEPARATE                 *
      *   47-54 OPENED YYYYMMDD  55 STATUS                             *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  IN-REC.
           05  CUST-ID                 PIC 9(6).
           05  CUST-NAME               PIC X(20).
           05  CITY                    PIC X(12).
           05  BALANCE                 PIC S9(5)V99
                                       SIGN LEADING SEPARATE.
           05  OPEN-DATE               PIC 9(8).
           05  OPEN-DATE-R REDEFINES OPEN-DATE.
               10  OD-YYYY             PIC 9(4).
               10  OD-MM               PIC 99.
               10  OD-DD               PIC 99.
           05  CUST-STATUS             PIC X.
           05  FILLER                  PIC X(25).
       01  OUT-REC.
           05  CITY                    PIC X(10).
           05  FILLER                  PIC X      VALUE "|".
           05  CUST-ID                 PIC Z(5)9.
           05  FILLER                  PIC X      VALUE "|".
           05  BALANCE                 PIC -(5)9.99.
           05  FILLER                  PIC X      VALUE "|".
           05  CUST-NAME               PIC X(20).
           05  FILLER                  PIC X      VALUE "|".
           05  OUT-DATE.
               10  OD-DD               PIC 99.
               10  FILLER              PIC X      VALUE "/".
               10  OD-MM               PIC 99.
               10  FILLER              PIC X      VALUE "/".
               10  OD-YYYY             PIC 9(4).
           05  FILLER                  PIC X      VALUE "|".
           05  CUST-STATUS             PIC X.
       01  NAME-PARTS.
           05  NAME-FIRST8             PIC X(8).
           05  NAME-REST               PIC X(12).
       01  SHORT-COPY                  PIC X(30).
       01  LONG-COPY                   PIC X(60).
       01  WS-SIGNED                   PIC S9(5)V99.
       01  WS-SIGNED-X REDEFINES WS-SIGNED
                                       PIC X(7).
       01  WS-MASKED                   PIC X(6).
       01  WS-PREV                     PIC X.
       01  WS-INITIALS                 PIC X(4).
       01  WS-LEN                      PIC 99.
       01  WS-POS                      PIC 99.
       01  WS-OUT                      PIC 9.
       01  WS-COUNT                    PIC 9(3)     VALUE ZERO.
       01  WS-TOTAL                    PIC S9(7)V99 VALUE ZERO.
       01  WS-TOTAL-E                  PIC -(7)9.99.
       01  MONTH-TABLE.
           05  MONTH-ENTRY OCCURS 3 TIMES.
               10  M-NAME              PIC X(3)   VALUE "JAN".
               10  M-AMT               PIC S9(3)V9 COMP-3 VALUE 1.5.
               10  M-CODE              PIC 9(2)   VALUE 7.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-TABLE-INIT
           MOVE SPACES TO IN-REC
           ACCEPT IN-REC
           PERFORM 2000-CUSTOMER UNTIL IN-REC = SPACES
           MOVE WS-TOTAL TO WS-TOTAL-E
           DISPLAY "CUSTOMERS=" WS-COUNT " TOTAL=" WS-TOTAL-E
           STOP RUN.
       1000-TABLE-INIT.
           DISPLAY "TABLE VALUES   " M-NAME(1) M-AMT(2) M-CODE(3)
           INITIALIZE MONTH-TABLE
           DISPLAY "INITIALIZED    [" M-NAME(1) "]" M-AMT(2) M-CODE(3)
           INITIALIZE MONTH-TABLE REPLACING ALPHANUMERIC DATA BY "N/A"
                                            NUMERIC DATA BY 9
           DISPLAY "REPLACING      [" M-NAME(3) "]" M-AMT(3) M-CODE(1)
           INITIALIZE MONTH-ENTRY(2)
           DISPLAY "ONE ENTRY      [" M-NAME(2) "]" M-AMT(2)
                   " [" M-NAME(1) "]"
           INITIALIZE MONTH-TABLE ALL TO VALUE
           DISPLAY "TO VALUE       [" M-NAME(2) "]" M-AMT(2) M-CODE(2).
       2000-CUSTOMER.
           ADD 1 TO WS-COUNT
           DISPLAY "IN  [" IN-REC(1:55) "]"
      *    INITIALIZE LEAVES THE FILLER SEPARATORS ALONE
           INITIALIZE OUT-REC
           DISPLAY "INI [" OUT-REC "]"
           MOVE CORRESPONDING IN-REC TO OUT-REC
           MOVE CORRESPONDING OPEN-DATE-R TO OUT-DATE
           DISPLAY "OUT [" OUT-REC "]"
      *    GROUP MOVES: PADDING AND TRUNCATION, NO CONVERSION
           MOVE CUST-NAME OF IN-REC TO NAME-PARTS
           DISPLAY "NAME PARTS [" NAME-FIRST8 "][" NAME-REST "]"
           MOVE IN-REC TO SHORT-COPY
           DISPLAY "SHORT [" SHORT-COPY "]"
           MOVE NAME-PARTS TO LONG-COPY
           DISPLAY "LONG  [" LONG-COPY "]"
      *    REDEFINES: THE ZONED SIGN IS VISIBLE IN THE LAST BYTE
           MOVE BALANCE OF IN-REC TO WS-SIGNED
           DISPLAY "SIGNED " WS-SIGNED " BYTES [" WS-SIGNED-X "]"
           ADD WS-SIGNED TO WS-TOTAL
      *    REFERENCE MODIFICATION: CONSTANT, VARIABLE, ON THE LEFT
           PERFORM VARYING WS-LEN FROM 20 BY -1
                   UNTIL WS-LEN = 0
                      OR CUST-NAME OF IN-REC(WS-LEN:1) NOT = SPACE
               CONTINUE
           END-PERFORM
           IF WS-LEN > 0
               DISPLAY "TRIMMED NAME [" CUST-NAME OF IN-REC(1:WS-LEN)
                       "] LEN=" WS-LEN
           ELSE
               DISPLAY "TRIMMED NAME [] LEN=00"
           END-IF
           MOVE SPACES TO WS-INITIALS
           MOVE 1 TO WS-OUT
           MOVE SPACE TO WS-PREV
           PERFORM VARYING WS-POS FROM 1 BY 1
                   UNTIL WS-POS > WS-LEN OR WS-OUT > 4
               IF CUST-NAME OF IN-REC(WS-POS:1) NOT = SPACE
                  AND WS-PREV = SPACE
                   MOVE CUST-NAME OF IN-REC(WS-POS:1)
                     TO WS-INITIALS(WS-OUT:1)
                   ADD 1 TO WS-OUT
               END-IF
               MOVE CUST-NAME OF IN-REC(WS-POS:1) TO WS-PREV
           END-PERFORM
           DISPLAY "INITIALS [" WS-INITIALS "]"
           MOVE CUST-ID OF IN-REC TO WS-MASKED
           MOVE ALL "*" TO WS-MASKED(2:3)
           DISPLAY "MASKED ID [" WS-MASKED "] LAST3 ["
                   CUST-ID OF IN-REC(4:) "]"
           MOVE OD-YYYY OF OPEN-DATE-R(3:2) TO WS-MASKED(1:2)
           MOVE OD-MM OF OPEN-DATE-R TO WS-MASKED(3:2)
           MOVE OD-DD OF OPEN-DATE-R TO WS-MASKED(5:)
           DISPLAY "YYMMDD [" WS-MASKED "]"
           MOVE SPACES TO IN-REC
           ACCEPT IN-REC.
