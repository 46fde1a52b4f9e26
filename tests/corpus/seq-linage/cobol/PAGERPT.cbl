       IDENTIFICATION DIVISION.
       PROGRAM-ID. PAGERPT.
      * A paged listing on a LINE SEQUENTIAL file with LINAGE: page
      * size from data items (read at OPEN and at each new page),
      * FOOTING, TOP and BOTTOM margins, LINAGE-COUNTER, AT
      * END-OF-PAGE / NOT AT END-OF-PAGE, WRITE BEFORE and AFTER
      * ADVANCING lines and PAGE, crossing page ends both ways.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT RPT ASSIGN TO "PAGERPT.TXT"
               ORGANIZATION IS LINE SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  RPT
           LINAGE IS WS-BODY LINES
               WITH FOOTING AT WS-FOOT
               LINES AT TOP 2
               LINES AT BOTTOM WS-BOTTOM.
       01  RPT-LINE                PIC X(30).
       WORKING-STORAGE SECTION.
       01  WS-BODY                 PIC 99 VALUE 6.
       01  WS-FOOT                 PIC 99 VALUE 5.
       01  WS-BOTTOM               PIC 9 VALUE 1.
       01  WS-IN                   PIC X(20).
       01  WS-EOF                  PIC X VALUE "N".
       01  WS-N                    PIC 999 VALUE 0.
       01  WS-PAGES                PIC 99 VALUE 1.
       01  WS-LC                   PIC Z(9)9.
       PROCEDURE DIVISION.
       MAIN-PARA.
           ACCEPT WS-BODY
           OPEN OUTPUT RPT
           DISPLAY "OPEN LC " LINAGE-COUNTER
           WRITE RPT-LINE FROM "LISTING" AFTER ADVANCING 1 LINE
           PERFORM UNTIL WS-EOF = "Y"
               MOVE SPACES TO WS-IN
               ACCEPT WS-IN
               IF WS-IN = SPACES OR WS-N > 40
                   MOVE "Y" TO WS-EOF
               ELSE
                   ADD 1 TO WS-N
                   PERFORM PRINT-ONE
               END-IF
           END-PERFORM
           WRITE RPT-LINE FROM "END OF LISTING" BEFORE ADVANCING PAGE
           MOVE LINAGE-COUNTER OF RPT TO WS-LC
           DISPLAY "PAGES " WS-PAGES " LAST LC " WS-LC
           WRITE RPT-LINE FROM "TRAILER" AFTER ADVANCING PAGE
           CLOSE RPT
           STOP RUN.
       PRINT-ONE.
           MOVE SPACES TO RPT-LINE
           STRING WS-N " " WS-IN DELIMITED BY SIZE INTO RPT-LINE
           EVALUATE WS-IN (1:1)
               WHEN "+"
                   WRITE RPT-LINE AFTER ADVANCING 3 LINES
                       AT END-OF-PAGE PERFORM NEW-PAGE
                   END-WRITE
               WHEN "-"
                   WRITE RPT-LINE BEFORE ADVANCING 2 LINES
                       AT END-OF-PAGE PERFORM NEW-PAGE
                       NOT AT END-OF-PAGE DISPLAY "NOT EOP " WS-N
                   END-WRITE
               WHEN "0"
                   WRITE RPT-LINE AFTER ADVANCING 0 LINES
               WHEN "*"
                   WRITE RPT-LINE AFTER ADVANCING PAGE
               WHEN "#"
                   MOVE 4 TO WS-BODY
                   MOVE 3 TO WS-FOOT
                   MOVE 0 TO WS-BOTTOM
                   WRITE RPT-LINE
               WHEN OTHER
                   WRITE RPT-LINE
                       AT EOP PERFORM NEW-PAGE
                   END-WRITE
           END-EVALUATE
           DISPLAY WS-N " LC " LINAGE-COUNTER.
       NEW-PAGE.
           ADD 1 TO WS-PAGES
           DISPLAY "END OF PAGE AT " WS-N " LC " LINAGE-COUNTER.
