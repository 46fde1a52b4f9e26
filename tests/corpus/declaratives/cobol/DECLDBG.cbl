      *================================================================*
      * DECLDBG: a program compiled WITH DEBUGGING MODE, with          *
      * debugging lines (D in column 7) and USE FOR DEBUGGING          *
      * declaratives. libcob enters the declaratives only when         *
      * COB_SET_DEBUG is on; the scenarios run without it.            *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. DECLDBG.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SOURCE-COMPUTER. GNU-LINUX WITH DEBUGGING MODE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-COUNT            PIC 9(3) VALUE 0.
       01  WS-TOTAL            PIC 9(5) VALUE 0.
       01  WS-IN               PIC X(5).
       01  WS-NUM              PIC 9(5).
       01  WS-EOF              PIC X VALUE "N".
           88  AT-EOF          VALUE "Y".
       PROCEDURE DIVISION.
       DECLARATIVES.
       TRACE-PARAS SECTION.
           USE FOR DEBUGGING ON ADD-ONE SHOW-TOTAL.
       TRACE-1.
           DISPLAY "TRACE " DEBUG-LINE " " DEBUG-NAME.
       TRACE-ITEMS SECTION.
           USE FOR DEBUGGING ON ALL REFERENCES OF WS-TOTAL.
       TRACE-2.
           DISPLAY "ITEM " DEBUG-CONTENTS.
       END DECLARATIVES.
       MAIN SECTION.
       MAIN-PARA.
           PERFORM UNTIL AT-EOF
               ACCEPT WS-IN
                   ON EXCEPTION SET AT-EOF TO TRUE
               END-ACCEPT
               IF NOT AT-EOF
                   MOVE WS-IN TO WS-NUM
                   PERFORM ADD-ONE
               END-IF
           END-PERFORM
           GO TO SHOW-TOTAL.
       ADD-ONE.
           ADD 1 TO WS-COUNT
      D    DISPLAY "DEBUG LINE: READ " WS-NUM
           ADD WS-NUM TO WS-TOTAL.
       SHOW-TOTAL.
           DISPLAY "COUNT " WS-COUNT " TOTAL " WS-TOTAL
           STOP RUN.
