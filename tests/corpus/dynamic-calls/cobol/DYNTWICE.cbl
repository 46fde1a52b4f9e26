      * DYNTWICE: doubles its parameter, then calls DYNCOUNT through
      * an item (a dynamic CALL whose names are all known).
       IDENTIFICATION DIVISION.
       PROGRAM-ID. DYNTWICE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-NEXT             PIC X(8) VALUE "DYNCOUNT".
       LINKAGE SECTION.
       01  L-VAL               PIC 9(4).
       01  L-NEXT              PIC X(8).
       PROCEDURE DIVISION USING L-VAL L-NEXT.
           MULTIPLY 2 BY L-VAL
           DISPLAY "DYNTWICE " L-VAL
           MOVE "DYNCOUNT" TO WS-NEXT
           CALL WS-NEXT USING L-VAL
               ON EXCEPTION DISPLAY "DYNTWICE: NO " WS-NEXT
           END-CALL
           GOBACK.
