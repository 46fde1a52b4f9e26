      * datefmt.cpy - LOWER-CASE FILE NAME, COPIED BY A LITERAL NAME
       01  DATE-IN                     PIC 9(8).
       01  DATE-IN-R REDEFINES DATE-IN.
           05  DI-YYYY                 PIC 9(4).
           05  DI-MM                   PIC 99.
           05  DI-DD                   PIC 99.
       01  DATE-OUT.
           05  DO-DD                   PIC 99.
           05  FILLER                  PIC X     VALUE ".".
           05  DO-MM                   PIC 99.
           05  FILLER                  PIC X     VALUE ".".
           05  DO-YYYY                 PIC 9(4).
