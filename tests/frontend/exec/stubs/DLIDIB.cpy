      *> DLIDIB - STAND-IN FOR THE DL/I INTERFACE BLOCK, USED ONLY WHEN
      *> THE TEST MASKS EXEC BLOCKS TO LET COBC CHECK THE REST.
       01  DLIDIB.
           05  DIBVER                  PIC X(2).
           05  DIBSTAT                 PIC X(2).
           05  DIBSEGM                 PIC X(8).
           05  FILLER                  PIC X.
           05  DIBSEGLV                PIC X(2).
           05  DIBKFBL                 PIC S9(4) COMP.
