      *    STDHDR (LIBRARY SHARED): STANDARD ERROR FIELDS.
       01  ERR-FIELDS.
           05  ERR-PROGRAM             PIC X(8).
           05  ERR-MESSAGE             PIC X(60).
           05  ERR-CODE                PICTURE IS 9(4).
           COPY ERRCODES.
