       IDENTIFICATION DIVISION.
       PROGRAM-ID. NEXTSENT.
      * NEXT SENTENCE inside SEARCH WHEN, inside an inline PERFORM,
      * inside AT END and nested IFs: control goes after the next
      * period, leaving any inline PERFORM it is in.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-TABLE.
           05  WS-ENTRY  OCCURS 5 TIMES INDEXED BY TX.
               10  WS-CODE       PIC X(2).
               10  WS-USED       PIC X.
       01  WS-K                  PIC 9(2) VALUE 0.
       01  WS-HITS               PIC 9(2) VALUE 0.
       01  WS-IN                 PIC X(2).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE "AAYBBNCCYDDNEEY" TO WS-TABLE
           PERFORM VARYING WS-K FROM 1 BY 1 UNTIL WS-K > 3
               ACCEPT WS-IN
               SET TX TO 1
               SEARCH WS-ENTRY
                   AT END
                       DISPLAY "NOT FOUND " WS-IN
                   WHEN WS-CODE (TX) = WS-IN AND WS-USED (TX) = "N"
                       NEXT SENTENCE
                   WHEN WS-CODE (TX) = WS-IN
                       ADD 1 TO WS-HITS
                       DISPLAY "HIT " WS-IN
               END-SEARCH
               DISPLAY "END OF ITERATION " WS-K
           END-PERFORM
           DISPLAY "AFTER LOOP K=" WS-K " HITS=" WS-HITS.
           IF WS-HITS > 0
               IF WS-K > 1
                   NEXT SENTENCE
               ELSE
                   DISPLAY "NOT SHOWN"
               END-IF
               DISPLAY "SKIPPED BY NEXT SENTENCE"
           END-IF
           DISPLAY "ALSO SKIPPED".
           DISPLAY "DONE"
           STOP RUN.
