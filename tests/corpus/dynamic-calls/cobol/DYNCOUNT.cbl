      * DYNCOUNT: counts its calls (WORKING-STORAGE kept between
      * calls, reset by CANCEL) and adds 100 to its parameter.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. DYNCOUNT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-CNT              PIC 9 VALUE 0.
       LINKAGE SECTION.
       01  L-VAL               PIC 9(4).
       PROCEDURE DIVISION USING L-VAL.
           ADD 1 TO WS-CNT
           ADD 100 TO L-VAL
           DISPLAY "DYNCOUNT CALL " WS-CNT
           MOVE WS-CNT TO RETURN-CODE
           GOBACK.
