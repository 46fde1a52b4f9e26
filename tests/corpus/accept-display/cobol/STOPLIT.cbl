       IDENTIFICATION DIVISION.
       PROGRAM-ID. STOPLIT.
      * STOP literal: the literal is displayed and one line of input
      * (the operator's reply) is read and thrown away; at the end of
      * input the program goes on.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-REPLY                PIC X(10).
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "JOB STARTS"
           STOP "MOUNT TAPE VOL001 AND REPLY"
           ACCEPT WS-REPLY
           DISPLAY "NEXT INPUT [" WS-REPLY "]"
           STOP 42
           ACCEPT WS-REPLY
           DISPLAY "LAST INPUT [" WS-REPLY "]"
           STOP RUN.
