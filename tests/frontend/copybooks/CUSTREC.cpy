      *  CUSTREC - CUSTOMER MASTER (KSDS), KEY CUST-KEY, AIX CUST-NAME
      *  USE: COPY CUSTREC REPLACING LEADING ==CUST-== BY ==xx-==.
       01  CUST-RECORD.
           05  CUST-KEY.
               10  CUST-REGION         PIC XX.
               10  CUST-ID             PIC 9(8).
           05  CUST-NAME               PIC X(30).
           05  CUST-ADDRESS.
               10  CUST-STREET         PIC X(30).
               10  CUST-CITY           PIC X(20).
               10  CUST-POSTCODE       PIC X(10).
           05  CUST-CREDIT-LIMIT       PIC S9(7)V99 COMP-3.
           05  CUST-BALANCE            PIC S9(7)V99 COMP-3.
           05  CUST-STATUS             PIC X.
               88  CUST-GOOD               VALUE 'G'.
               88  CUST-ON-HOLD            VALUE 'H'.
               88  CUST-BAD-DEBT           VALUE 'B' 'X'.
           05  CUST-PHONE-COUNT        PIC 9.
           05  CUST-PHONES             OCCURS 0 TO 3 TIMES
                                       DEPENDING ON CUST-PHONE-COUNT.
               10  CUST-PHONE-TYPE     PIC X.
               10  CUST-PHONE-NO       PIC X(15).
