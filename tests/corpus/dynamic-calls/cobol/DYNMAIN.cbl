      *================================================================*
      * DYNMAIN: CALL identifier whose program name is read from       *
      * stdin (not known before the run), CANCEL identifier, DISPLAY  *
      * ... NOT ON EXCEPTION inside CALL ... ON EXCEPTION (it belongs   *
      * to the DISPLAY). ferry record links every program for it.      *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. DYNMAIN.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-PROG             PIC X(8) VALUE "DYNCOUNT".
       01  WS-NEXT             PIC X(8) VALUE SPACES.
       01  WS-VAL              PIC 9(4) VALUE 7.
       01  WS-IN               PIC X(8).
       01  WS-EOF              PIC X VALUE "N".
           88  AT-EOF          VALUE "Y".
       PROCEDURE DIVISION.
       MAIN-PARA.
           CALL WS-PROG USING WS-VAL
           DISPLAY "AFTER " WS-PROG " " WS-VAL
           PERFORM UNTIL AT-EOF
               ACCEPT WS-IN
                   ON EXCEPTION SET AT-EOF TO TRUE
               END-ACCEPT
               IF NOT AT-EOF
                   PERFORM ONE-NAME
               END-IF
           END-PERFORM
           DISPLAY "RC " RETURN-CODE
           STOP RUN.
       ONE-NAME.
           IF WS-IN (1:7) = "CANCEL "
               MOVE "DYNCOUNT" TO WS-PROG
               CANCEL WS-PROG
               DISPLAY "CANCELLED " WS-PROG
           ELSE
               MOVE WS-IN TO WS-PROG
               CALL WS-PROG USING WS-VAL WS-NEXT
                   ON EXCEPTION DISPLAY "NO PROGRAM " WS-PROG
                   NOT ON EXCEPTION
                       DISPLAY "AFTER " WS-PROG " " WS-VAL
               END-CALL
           END-IF.
