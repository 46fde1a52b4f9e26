       IDENTIFICATION DIVISION.
       PROGRAM-ID. GORET.
      * GOBACK RETURNING and EXIT PROGRAM RETURNING in a main program:
      * RETURN-CODE takes the value; EXIT PROGRAM then does nothing in
      * a main program, GOBACK ends it.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-CHOICE               PIC X.
       01  WS-CODE                 PIC 99 VALUE 7.
       PROCEDURE DIVISION.
       MAIN-PARA.
           ACCEPT WS-CHOICE
           MOVE 3 TO RETURN-CODE
           IF WS-CHOICE = "G"
               DISPLAY "GOBACK RETURNING " WS-CODE
               GOBACK RETURNING WS-CODE
           END-IF
           IF WS-CHOICE = "E"
               EXIT PROGRAM RETURNING 9
               DISPLAY "AFTER EXIT PROGRAM " RETURN-CODE
           END-IF
           DISPLAY "END " RETURN-CODE.
