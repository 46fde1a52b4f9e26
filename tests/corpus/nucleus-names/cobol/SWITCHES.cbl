       IDENTIFICATION DIVISION.
       PROGRAM-ID. SWITCHES.
      * SWITCH-n ON/OFF STATUS condition names (set through the
      * COB_SWITCH_n environment variables) and DISPLAY UPON a
      * mnemonic-name for the console.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SPECIAL-NAMES.
           CONSOLE IS OPS-CONSOLE
           SWITCH-1 ON STATUS IS RERUN-ON OFF STATUS IS RERUN-OFF
           SWITCH-3 IS TRACE-SW ON STATUS IS TRACE-ON.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-FLAGS              PIC X(2) VALUE SPACES.
       PROCEDURE DIVISION.
       MAIN-PARA.
           IF RERUN-ON
               DISPLAY "RERUN REQUESTED"
               MOVE "R" TO WS-FLAGS (1:1)
           END-IF
           IF RERUN-OFF
               DISPLAY "FIRST RUN"
           END-IF
           IF TRACE-ON AND NOT RERUN-OFF
               DISPLAY "TRACING THE RERUN"
           ELSE
               IF NOT TRACE-ON
                   DISPLAY "NO TRACE"
               END-IF
           END-IF
           IF TRACE-ON
               MOVE "T" TO WS-FLAGS (2:1)
           END-IF
           DISPLAY "FLAGS [" WS-FLAGS "]" UPON OPS-CONSOLE
           DISPLAY "SWITCHES DONE" UPON SYSERR
           STOP RUN.
