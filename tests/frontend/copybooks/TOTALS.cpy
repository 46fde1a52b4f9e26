      *    TOTALS: A COUNTER GROUP.
      *    COPY TOTALS REPLACING LEADING ==PFX-== BY ==name-==
      *                          ==CNT== BY ==n==.
       01  PFX-TOTALS.
           05  PFX-COUNT               PIC 9(5) COMP-3 VALUE ZERO.
           05  PFX-AMOUNT              PIC S9(9)V99 COMP-3 VALUE ZERO.
           05  PFX-BY-TYPE             PIC 9(5) COMP-3 OCCURS CNT.
