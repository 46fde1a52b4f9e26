      *================================================================*
      * PAYLINK  - PARAMETER BLOCK FOR CALL "PAYCALC"                 *
      *            COPIED IN THE CALLER'S WORKING-STORAGE AND IN      *
      *            PAYCALC'S LINKAGE SECTION.  PAYCALC FILLS EVERY    *
      *            PC- FIELD AND SETS PC-STATUS.                       *
      *================================================================*
       01  PAYCALC-PARMS.
           05  PC-RESULTS.
               10  PC-REG-HOURS        PIC S9(3)V9   COMP-3.
               10  PC-OT-HOURS         PIC S9(3)V9   COMP-3.
               10  PC-REG-PAY          PIC S9(5)V99  COMP-3.
               10  PC-OT-PAY           PIC S9(5)V99  COMP-3.
               10  PC-GROSS-PAY        PIC S9(5)V99  COMP-3.
               10  PC-TAXABLE          PIC S9(5)V99  COMP-3.
               10  PC-TAX              PIC S9(5)V99  COMP-3.
               10  PC-NET-PAY          PIC S9(5)V99  COMP-3.
               10  PC-TAX-BRACKET      PIC 9(1).
           05  PC-STATUS               PIC X(2).
               88  PC-OK                           VALUE "00".
               88  PC-SIZE-ERROR                   VALUE "90".
               88  PC-BAD-PAY-TYPE                 VALUE "91".
