       IDENTIFICATION DIVISION.
       PROGRAM-ID. RETMAIN.
      * CALL ... RETURNING: the callee's return code goes to the named
      * item (binary or display), and RETURN-CODE is left alone.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 WS-BIN          PIC S9(9) COMP-5 VALUE 0.
       01 WS-DISP         PIC 9(4) VALUE 0.
       01 WS-CODE         PIC S9(4) VALUE 7.
       PROCEDURE DIVISION.
           CALL "RETSUB" USING WS-CODE RETURNING WS-BIN
           DISPLAY "BIN=" WS-BIN " RC=" RETURN-CODE
           MOVE 12 TO WS-CODE
           CALL "RETSUB" USING WS-CODE RETURNING WS-DISP
           DISPLAY "DISP=" WS-DISP " RC=" RETURN-CODE
           CALL "RETSUB" USING WS-CODE
           DISPLAY "PLAIN RC=" RETURN-CODE
           MOVE 0 TO RETURN-CODE
           STOP RUN.
