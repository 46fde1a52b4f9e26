      *    ACCTREC  -  ACCOUNT MASTER RECORD, 120 BYTES.
      *    COPY ACCTREC REPLACING ==:TAG:== BY ==prefix==.
       01  :TAG:-RECORD.
           05  :TAG:-ACCT-NO           PIC X(10).
           05  :TAG:-NAME              PIC X(30).
           05  :TAG:-BRANCH            PIC 9(3).
           05  :TAG:-STATUS            PIC X.
               88  :TAG:-ACTIVE            VALUE 'A'.
               88  :TAG:-CLOSED            VALUE 'C'.
           05  :TAG:-OPEN-DATE         PIC 9(8).
           05  :TAG:-LAST-ACTIVITY     PIC 9(8).
           05  :TAG:-BALANCE           PIC S9(11)V99 COMP-3.
           05  :TAG:-TRANS-COUNT       PIC S9(7) COMP.
           05  FILLER                  PIC X(49).
