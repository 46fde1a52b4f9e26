      *================================================================*
      * MODERNIO - ORDER EXPORT TO XML AND JSON FOR THE WEB FRONT END  *
      *            (GNUCOBOL 3.X / ENTERPRISE COBOL V6 FEATURES)       *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MODERNIO.
       AUTHOR. INTEGRATION TEAM.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-ORDER.
           05  ORDER-ID              PIC 9(8)      VALUE 10045.
           05  FILLER                PIC X(2)      VALUE "--".
           05  ORDER-CUST            PIC X(20)     VALUE "ACME TRADING".
           05  ORDER-TOTAL           PIC 9(7)V99   VALUE 1250.75.
           05  ORDER-LINES           PIC 99        VALUE 3.
       01  WS-XML-DOC                PIC X(2000).
       01  WS-JSON-DOC               PIC X(2000).
       01  WS-DOC-LEN                PIC 9(5)      COMP.
       01  WS-ENV-VALUE              PIC X(40).
       01  WS-EXC-STATUS             PIC X(4).
       01  WS-RC                     PIC S9(4)     COMP VALUE 0.
       01  WS-ENTRY-PTR              USAGE PROGRAM-POINTER.
       01  WS-SUBPGM                 PIC X(8)      VALUE "ORDAUDIT".
       01  WS-ERRORS                 PIC 9(3)      VALUE 0.
       PROCEDURE DIVISION.
       0000-MAIN.
           INITIALIZE WS-ORDER WITH FILLER ALL TO VALUE
           INITIALIZE WS-XML-DOC WS-JSON-DOC
               REPLACING ALPHANUMERIC BY SPACES THEN TO DEFAULT
           XML GENERATE WS-XML-DOC FROM WS-ORDER
               COUNT IN WS-DOC-LEN
               WITH XML-DECLARATION
               ON EXCEPTION
                   ADD 1 TO WS-ERRORS
               NOT ON EXCEPTION
                   DISPLAY "XML BYTES: " WS-DOC-LEN
           END-XML
           JSON GENERATE WS-JSON-DOC FROM WS-ORDER COUNT WS-DOC-LEN
               ON EXCEPTION ADD 1 TO WS-ERRORS
           END-JSON
           SET ENVIRONMENT "ORDER_EXPORT" TO "DONE"
           ACCEPT WS-ENV-VALUE FROM ENVIRONMENT "HOME"
           ACCEPT WS-EXC-STATUS FROM EXCEPTION STATUS
           SET WS-ENTRY-PTR TO ENTRY "ORDAUDIT"
           CALL WS-SUBPGM USING WS-ORDER
               ON OVERFLOW
                   DISPLAY "ORDAUDIT NOT AVAILABLE" UPON SYSERR
           END-CALL
           IF WS-ERRORS > 0
               STOP RUN WITH ERROR STATUS 8
           END-IF
           IF ORDER-LINES = 0
               STOP "NO ORDER LINES - PRESS ENTER"
           END-IF
           STOP RUN WITH NORMAL STATUS.
       END PROGRAM MODERNIO.

      *----------------------------------------------------------------*
      * ORDAUDIT - AUDIT TRAIL WITH AN ALTERNATE ENTRY FOR RE-RUNS     *
      *----------------------------------------------------------------*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ORDAUDIT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-RUNS                   PIC 9(4)      VALUE 0.
       01  WS-RESULT                 PIC S9(4)     COMP VALUE 0.
       LINKAGE SECTION.
       01  LS-ORDER                  PIC X(41).
       PROCEDURE DIVISION USING LS-ORDER.
       1000-AUDIT.
           ADD 1 TO WS-RUNS
           IF LS-ORDER = SPACES
               MOVE 4 TO WS-RESULT
               GOBACK RETURNING WS-RESULT
           END-IF
           GOBACK.
           ENTRY "ORDRERUN" USING LS-ORDER.
           MOVE 0 TO WS-RUNS
           EXIT PROGRAM RETURNING 0.
       END PROGRAM ORDAUDIT.

       IDENTIFICATION DIVISION.
       PROGRAM-ID. ORDXMLIN.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-XML-IN                 PIC X(500).
       01  WS-JSON-IN                PIC X(500).
       01  WS-TARGET.
           05  T-ID                  PIC 9(8).
           05  T-CUST                PIC X(20).
       PROCEDURE DIVISION.
       2000-PARSE.
           XML PARSE WS-XML-IN
               PROCESSING PROCEDURE 2100-XML-EVENT THRU 2100-EXIT
               ON EXCEPTION DISPLAY "BAD XML"
           END-XML
           JSON PARSE WS-JSON-IN INTO WS-TARGET
               ON EXCEPTION DISPLAY "BAD JSON"
           END-JSON
           GOBACK.
       2100-XML-EVENT.
           DISPLAY "XML EVENT".
       2100-EXIT.
           EXIT.
       END PROGRAM ORDXMLIN.
