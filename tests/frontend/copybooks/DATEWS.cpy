      *    DATEWS: DATE WORK AREA. COPY ... REPLACING LEADING ==WS-==.
       01  WS-DATE-AREA.
           05  WS-DATE.
               10  WS-DATE-CCYY        PIC 9(4).
               10  WS-DATE-MM          PIC 99.
               10  WS-DATE-DD          PIC 99.
           05  WS-DATE-N REDEFINES WS-DATE PIC 9(8).
           05  WS-DATE-EDIT            PIC X(10).
