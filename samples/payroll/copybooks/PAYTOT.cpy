      *================================================================*
      * PAYTOT   - PAYROLL RUN TOTALS, ONE RECORD PER RUN             *
      *            WRITTEN BY PAYROLL (DD PAYTOT), READ BY PAYSUMM.    *
      *            COPY PAYTOT REPLACING ==:TAG:== BY ==XX==.          *
      *            RECORD LENGTH 183.                                  *
      *================================================================*
       01  :TAG:-TOTALS-REC.
           05  :TAG:-RUN-DATE          PIC 9(8).
           05  :TAG:-EMP-COUNT         PIC 9(5).
           05  :TAG:-REJECT-COUNT      PIC 9(5).
           05  :TAG:-TOTAL-GROSS       PIC 9(7)V99.
           05  :TAG:-TOTAL-TAX         PIC 9(7)V99.
           05  :TAG:-TOTAL-NET         PIC S9(7)V99.
           05  :TAG:-DEPT-COUNT        PIC 9(2).
           05  :TAG:-DEPT-ENTRY        OCCURS 8 TIMES.
               10  :TAG:-DEPT-CODE     PIC X(4).
               10  :TAG:-DEPT-EMPS     PIC 9(4).
               10  :TAG:-DEPT-GROSS    PIC 9(7)V99.
