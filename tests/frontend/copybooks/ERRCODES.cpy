EC0010*    ERRCODES: SEVERITY CODES, COPIED FROM STDHDR (NESTED COPY).
EC0020     05  ERR-SEVERITY            PIC X       VALUE SPACE.
EC0030         88  ERR-INFO                VALUE 'I'.
EC0040         88  ERR-WARNING             VALUE 'W'.
EC0050         88  ERR-SEVERE              VALUE 'S' 'U'.
EC0060     05  ERR-HEX-MARK            PIC X       VALUE X'FF'.
EC0070     05  ERR-RULER               PIC X(20)   VALUE ALL '*-'.
