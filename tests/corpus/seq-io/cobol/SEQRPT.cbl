       IDENTIFICATION DIVISION.
       PROGRAM-ID.    SEQRPT.
      *================================================================*
      * SEQRPT - SALES REPORT WITH WRITE AFTER ADVANCING               *
      *   SALES (LINE SEQUENTIAL, SORTED BY REGION) IS PRINTED TO      *
      *   REPORT.TXT WITH PAGE HEADINGS (6 DETAIL LINES PER PAGE),     *
      *   REGION SUBTOTALS AND A GRAND TOTAL.                          *
      *   ONE VARIABLE-LENGTH RECORD PER REGION GOES TO NOTES.DAT      *
      *   (RECORD VARYING ... DEPENDING ON), WHICH IS READ BACK.       *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT SALES-FILE   ASSIGN TO "SALES"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-SALES.
           SELECT REPORT-FILE  ASSIGN TO "REPORT.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-REPORT.
           SELECT NOTES-FILE   ASSIGN TO "NOTES.DAT"
                               ORGANIZATION IS SEQUENTIAL
                               FILE STATUS IS FS-NOTES.
       DATA DIVISION.
       FILE SECTION.
       FD  SALES-FILE.
       01  SALES-REC.
           05  SR-REGION               PIC X(4).
           05  FILLER                  PIC X.
           05  SR-NAME                 PIC X(12).
           05  FILLER                  PIC X.
           05  SR-AMOUNT               PIC 9(5)V99.
       FD  REPORT-FILE.
       01  REPORT-LINE                 PIC X(50).
       FD  NOTES-FILE
           RECORD IS VARYING IN SIZE FROM 8 TO 60 CHARACTERS
           DEPENDING ON WS-NOTE-LEN.
       01  NOTE-REC                    PIC X(60).
       WORKING-STORAGE SECTION.
       01  FS-SALES                    PIC XX.
       01  FS-REPORT                   PIC XX.
       01  FS-NOTES                    PIC XX.
       01  WS-NOTE-LEN                 PIC 9(4) COMP.
       01  WS-EOF                      PIC X     VALUE "N".
           88  AT-EOF                            VALUE "Y".
       01  WS-PREV-REGION              PIC X(4).
       01  WS-LINE-COUNT               PIC 99    VALUE 99.
       01  WS-PAGE                     PIC 99    VALUE ZERO.
       01  WS-SPACING                  PIC 9     VALUE 1.
       01  WS-REGION-TOTAL             PIC 9(7)V99 VALUE ZERO.
       01  WS-REGION-COUNT             PIC 9(3)  VALUE ZERO.
       01  WS-GRAND-TOTAL              PIC 9(8)V99 VALUE ZERO.
       01  WS-NOTE-COUNT               PIC 99    VALUE ZERO.
       01  WS-TOP-NAME                 PIC X(12) VALUE SPACES.
       01  WS-TOP-AMOUNT               PIC 9(5)V99 VALUE ZERO.
       01  HEAD-1.
           05  FILLER                  PIC X(20)
                                       VALUE "SALES BY REGION".
           05  FILLER                  PIC X(12) VALUE "2026-03-31".
           05  FILLER                  PIC X(5)  VALUE "PAGE ".
           05  H1-PAGE                 PIC Z9.
       01  HEAD-2                      PIC X(40)
               VALUE "REGN SALESPERSON          AMOUNT".
       01  DETAIL-LINE.
           05  DL-REGION               PIC X(4).
           05  FILLER                  PIC X     VALUE SPACE.
           05  DL-NAME                 PIC X(12).
           05  FILLER                  PIC X(3)  VALUE SPACES.
           05  DL-AMOUNT               PIC ZZ,ZZ9.99.
       01  TOTAL-LINE.
           05  FILLER                  PIC X(5)  VALUE SPACES.
           05  TL-LABEL                PIC X(12).
           05  TL-AMOUNT               PIC $$,$$$,$$9.99.
           05  FILLER                  PIC X     VALUE SPACE.
           05  TL-COUNT                PIC ZZ9.
       01  NOTE-WORK.
           05  FILLER                  PIC X(7)  VALUE "REGION ".
           05  NW-REGION               PIC X(4).
           05  FILLER                  PIC X(2)  VALUE ": ".
           05  NW-COUNT                PIC Z9.
           05  FILLER                  PIC X(7)  VALUE " SALES ".
           05  NW-TOTAL                PIC Z(6)9.99.
           05  FILLER                  PIC X(6)  VALUE ", TOP ".
           05  NW-TOP                  PIC X(12).
       PROCEDURE DIVISION.
       0000-MAIN.
           OPEN INPUT SALES-FILE
           IF FS-SALES NOT = "00"
               DISPLAY "SALES FILE STATUS " FS-SALES
               MOVE 12 TO RETURN-CODE
               STOP RUN
           END-IF
           OPEN OUTPUT REPORT-FILE NOTES-FILE
           READ SALES-FILE AT END SET AT-EOF TO TRUE END-READ
           MOVE SR-REGION TO WS-PREV-REGION
           PERFORM UNTIL AT-EOF
               IF SR-REGION NOT = WS-PREV-REGION
                   PERFORM 2000-REGION-BREAK
               END-IF
               PERFORM 1000-DETAIL
               READ SALES-FILE AT END SET AT-EOF TO TRUE END-READ
           END-PERFORM
           IF WS-REGION-COUNT > ZERO
               PERFORM 2000-REGION-BREAK
           END-IF
           MOVE "GRAND TOTAL" TO TL-LABEL
           MOVE WS-GRAND-TOTAL TO TL-AMOUNT
           MOVE ZERO TO TL-COUNT
           WRITE REPORT-LINE FROM TOTAL-LINE AFTER ADVANCING 2 LINES
           MOVE "*** END OF REPORT ***" TO REPORT-LINE
           WRITE REPORT-LINE AFTER ADVANCING 1 LINE
           CLOSE SALES-FILE REPORT-FILE NOTES-FILE
           DISPLAY "PAGES=" WS-PAGE " GRAND=" WS-GRAND-TOTAL
           PERFORM 3000-READ-NOTES
           STOP RUN.
       1000-DETAIL.
           IF WS-LINE-COUNT >= 6
               PERFORM 1100-HEADINGS
           END-IF
           MOVE SR-REGION TO DL-REGION
           MOVE SR-NAME TO DL-NAME
           MOVE SR-AMOUNT TO DL-AMOUNT
           WRITE REPORT-LINE FROM DETAIL-LINE
               AFTER ADVANCING WS-SPACING LINES
           MOVE 1 TO WS-SPACING
           ADD 1 TO WS-LINE-COUNT
           ADD 1 TO WS-REGION-COUNT
           ADD SR-AMOUNT TO WS-REGION-TOTAL WS-GRAND-TOTAL
           IF SR-AMOUNT > WS-TOP-AMOUNT OR WS-REGION-COUNT = 1
               MOVE SR-AMOUNT TO WS-TOP-AMOUNT
               MOVE SR-NAME TO WS-TOP-NAME
           END-IF.
       1100-HEADINGS.
           ADD 1 TO WS-PAGE
           MOVE WS-PAGE TO H1-PAGE
           WRITE REPORT-LINE FROM HEAD-1 AFTER ADVANCING PAGE
           WRITE REPORT-LINE FROM HEAD-2 AFTER ADVANCING 2 LINES
           MOVE 2 TO WS-SPACING
           MOVE ZERO TO WS-LINE-COUNT.
       2000-REGION-BREAK.
           MOVE "REGION TOTAL" TO TL-LABEL
           MOVE WS-REGION-TOTAL TO TL-AMOUNT
           MOVE WS-REGION-COUNT TO TL-COUNT
           WRITE REPORT-LINE FROM TOTAL-LINE AFTER ADVANCING 1 LINE
           MOVE 2 TO WS-SPACING
           MOVE WS-PREV-REGION TO NW-REGION
           MOVE WS-REGION-COUNT TO NW-COUNT
           MOVE WS-REGION-TOTAL TO NW-TOTAL
           MOVE WS-TOP-NAME TO NW-TOP
           MOVE NOTE-WORK TO NOTE-REC
           MOVE 60 TO WS-NOTE-LEN
           PERFORM UNTIL WS-NOTE-LEN = 8
                      OR NOTE-REC(WS-NOTE-LEN:1) NOT = SPACE
               SUBTRACT 1 FROM WS-NOTE-LEN
           END-PERFORM
           WRITE NOTE-REC
           ADD 1 TO WS-NOTE-COUNT
           MOVE ZERO TO WS-REGION-TOTAL WS-REGION-COUNT
           MOVE SR-REGION TO WS-PREV-REGION.
       3000-READ-NOTES.
           OPEN INPUT NOTES-FILE
           MOVE "N" TO WS-EOF
           PERFORM UNTIL AT-EOF
               MOVE ALL "." TO NOTE-REC
               READ NOTES-FILE
                   AT END SET AT-EOF TO TRUE
                   NOT AT END
                       DISPLAY "NOTE LEN=" WS-NOTE-LEN " ["
                               NOTE-REC(1:WS-NOTE-LEN) "] REST ["
                               NOTE-REC(WS-NOTE-LEN + 1:3) "]"
               END-READ
           END-PERFORM
           DISPLAY "NOTES READ BACK, STATUS " FS-NOTES
           CLOSE NOTES-FILE.
