       IDENTIFICATION DIVISION.
       PROGRAM-ID.    SEQMAST.
      *================================================================*
      * SEQMAST - BUILDS AND MAINTAINS A FIXED-LENGTH SEQUENTIAL       *
      * STOCK MASTER                                                   *
      *   1. ITEMS (LINE SEQUENTIAL) -> OPEN OUTPUT MASTER.DAT         *
      *   2. EXTRA (OPTIONAL, LINE SEQUENTIAL) -> OPEN EXTEND MASTER   *
      *   3. OPEN I-O MASTER: READ / REWRITE ITEMS BELOW REORDER LEVEL *
      *   4. OPEN INPUT MASTER: LIST IT, WRITE SUMMARY.TXT             *
      *   5. FILE STATUS OF SOME ILLEGAL OPERATIONS                    *
      * RC 0 OK, 4 WHEN INPUT LINES WERE REJECTED, 16 NO ITEMS FILE.   *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT ITEMS-FILE   ASSIGN TO "ITEMS"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-ITEMS.
           SELECT OPTIONAL EXTRA-FILE ASSIGN TO "EXTRA"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-EXTRA.
           SELECT MASTER-FILE  ASSIGN TO "MASTER.DAT"
                               ORGANIZATION IS SEQUENTIAL
                               ACCESS MODE IS SEQUENTIAL
                               FILE STATUS IS FS-MASTER.
           SELECT SUMMARY-FILE ASSIGN TO "SUMMARY.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-SUMMARY.
       DATA DIVISION.
       FILE SECTION.
       FD  ITEMS-FILE.
       01  ITEM-LINE.
           05  IL-CODE                 PIC X(6).
           05  FILLER                  PIC X.
           05  IL-DESC                 PIC X(16).
           05  FILLER                  PIC X.
           05  IL-QTY                  PIC 9(4).
           05  FILLER                  PIC X.
           05  IL-PRICE                PIC 9(4)V99.
       FD  EXTRA-FILE.
       01  EXTRA-LINE                  PIC X(35).
       FD  MASTER-FILE.
       01  MASTER-REC.
           05  MR-CODE                 PIC X(6).
           05  MR-DESC                 PIC X(16).
           05  MR-QTY                  PIC S9(4).
           05  MR-PRICE                PIC 9(4)V99 COMP-3.
           05  MR-FLAG                 PIC X(4).
           05  MR-SOURCE               PIC X.
       FD  SUMMARY-FILE.
       01  SUMMARY-LINE                PIC X(60).
       WORKING-STORAGE SECTION.
       01  FILE-STATUSES.
           05  FS-ITEMS                PIC XX.
           05  FS-EXTRA                PIC XX.
           05  FS-MASTER               PIC XX.
           05  FS-SUMMARY              PIC XX.
       01  WS-EOF                      PIC X.
           88  AT-EOF                            VALUE "Y".
       01  WS-COUNTS.
           05  CT-LOADED               PIC 9(3)  VALUE ZERO.
           05  CT-APPENDED             PIC 9(3)  VALUE ZERO.
           05  CT-REJECTED             PIC 9(3)  VALUE ZERO.
           05  CT-REWRITTEN            PIC 9(3)  VALUE ZERO.
           05  CT-LISTED               PIC 9(3)  VALUE ZERO.
       01  WS-SOURCE                   PIC X.
       01  WS-VALUE                    PIC 9(7)V99.
       01  WS-TOTAL                    PIC 9(8)V99 VALUE ZERO.
       01  SUM-DETAIL.
           05  SD-CODE                 PIC X(6).
           05  FILLER                  PIC X     VALUE SPACE.
           05  SD-QTY                  PIC -ZZZ9.
           05  FILLER                  PIC X     VALUE SPACE.
           05  SD-VALUE                PIC Z,ZZZ,ZZ9.99.
           05  FILLER                  PIC X     VALUE SPACE.
           05  SD-FLAG                 PIC X(4).
       01  SUM-TOTAL.
           05  FILLER                  PIC X(12) VALUE "TOTAL VALUE ".
           05  ST-VALUE                PIC ZZ,ZZZ,ZZ9.99.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-LOAD
           IF FS-ITEMS NOT = "00"
               MOVE 16 TO RETURN-CODE
               STOP RUN
           END-IF
           PERFORM 2000-APPEND
           PERFORM 3000-REORDER
           PERFORM 4000-LIST
           PERFORM 5000-STATUS-CHECKS
           DISPLAY "LOADED=" CT-LOADED " APPENDED=" CT-APPENDED
                   " REJECTED=" CT-REJECTED " REWRITTEN=" CT-REWRITTEN
                   " LISTED=" CT-LISTED
           IF CT-REJECTED > ZERO
               MOVE 4 TO RETURN-CODE
           END-IF
           STOP RUN.
       1000-LOAD.
           OPEN INPUT ITEMS-FILE
           DISPLAY "OPEN INPUT ITEMS     " FS-ITEMS
           IF FS-ITEMS = "00"
               OPEN OUTPUT MASTER-FILE
               DISPLAY "OPEN OUTPUT MASTER   " FS-MASTER
               MOVE "L" TO WS-SOURCE
               MOVE "N" TO WS-EOF
               PERFORM UNTIL AT-EOF
                   READ ITEMS-FILE
                       AT END SET AT-EOF TO TRUE
                       NOT AT END PERFORM 1100-STORE
                   END-READ
               END-PERFORM
               DISPLAY "ITEMS AT END         " FS-ITEMS
               CLOSE ITEMS-FILE MASTER-FILE
               DISPLAY "CLOSE                " FS-ITEMS " " FS-MASTER
           END-IF.
       1100-STORE.
           IF IL-QTY IS NUMERIC AND IL-PRICE IS NUMERIC
              AND IL-CODE NOT = SPACES
               MOVE IL-CODE  TO MR-CODE
               MOVE IL-DESC  TO MR-DESC
               MOVE IL-QTY   TO MR-QTY
               MOVE IL-PRICE TO MR-PRICE
               MOVE SPACES   TO MR-FLAG
               MOVE WS-SOURCE TO MR-SOURCE
               WRITE MASTER-REC
               IF WS-SOURCE = "L"
                   ADD 1 TO CT-LOADED
               ELSE
                   ADD 1 TO CT-APPENDED
               END-IF
           ELSE
               ADD 1 TO CT-REJECTED
               DISPLAY "REJECTED [" ITEM-LINE "]"
           END-IF.
       2000-APPEND.
           OPEN INPUT EXTRA-FILE
           DISPLAY "OPEN INPUT EXTRA     " FS-EXTRA
           OPEN EXTEND MASTER-FILE
           DISPLAY "OPEN EXTEND MASTER   " FS-MASTER
           MOVE "E" TO WS-SOURCE
           MOVE "N" TO WS-EOF
           PERFORM UNTIL AT-EOF
               READ EXTRA-FILE
                   AT END SET AT-EOF TO TRUE
                   NOT AT END
                       MOVE EXTRA-LINE TO ITEM-LINE
                       PERFORM 1100-STORE
               END-READ
           END-PERFORM
           DISPLAY "EXTRA AT END         " FS-EXTRA
           CLOSE EXTRA-FILE MASTER-FILE
           DISPLAY "CLOSE                " FS-EXTRA " " FS-MASTER.
       3000-REORDER.
           OPEN I-O MASTER-FILE
           DISPLAY "OPEN I-O MASTER      " FS-MASTER
           MOVE "N" TO WS-EOF
           PERFORM UNTIL AT-EOF
               READ MASTER-FILE
                   AT END SET AT-EOF TO TRUE
               END-READ
               IF NOT AT-EOF AND MR-QTY < 10
                   MOVE "LOW" TO MR-FLAG
                   IF MR-QTY = ZERO
                       MOVE "NONE" TO MR-FLAG
                   END-IF
                   REWRITE MASTER-REC
                   DISPLAY "REWRITE " MR-CODE " " FS-MASTER
                   ADD 1 TO CT-REWRITTEN
               END-IF
           END-PERFORM
           CLOSE MASTER-FILE.
       4000-LIST.
           OPEN INPUT MASTER-FILE
           OPEN OUTPUT SUMMARY-FILE
           MOVE "N" TO WS-EOF
           READ MASTER-FILE AT END SET AT-EOF TO TRUE END-READ
           PERFORM UNTIL AT-EOF
               ADD 1 TO CT-LISTED
               DISPLAY "MASTER [" MASTER-REC(1:26) "] " MR-PRICE
                       " [" MR-FLAG "] " MR-SOURCE
               COMPUTE WS-VALUE = MR-QTY * MR-PRICE
               ADD WS-VALUE TO WS-TOTAL
               MOVE MR-CODE TO SD-CODE
               MOVE MR-QTY TO SD-QTY
               MOVE WS-VALUE TO SD-VALUE
               MOVE MR-FLAG TO SD-FLAG
               WRITE SUMMARY-LINE FROM SUM-DETAIL
               READ MASTER-FILE AT END SET AT-EOF TO TRUE END-READ
           END-PERFORM
           MOVE WS-TOTAL TO ST-VALUE
           WRITE SUMMARY-LINE FROM SUM-TOTAL
           CLOSE MASTER-FILE SUMMARY-FILE.
       5000-STATUS-CHECKS.
           READ MASTER-FILE
               AT END DISPLAY "READ CLOSED FILE AT END"
           END-READ
           DISPLAY "READ NOT OPEN        " FS-MASTER
           CLOSE MASTER-FILE
           DISPLAY "CLOSE NOT OPEN       " FS-MASTER
           OPEN INPUT MASTER-FILE
           OPEN INPUT MASTER-FILE
           DISPLAY "OPEN TWICE           " FS-MASTER
           WRITE MASTER-REC
           DISPLAY "WRITE ON INPUT FILE  " FS-MASTER
           REWRITE MASTER-REC
           DISPLAY "REWRITE ON INPUT     " FS-MASTER
           READ MASTER-FILE END-READ
           DISPLAY "READ FIRST RECORD    " FS-MASTER " " MR-CODE
           PERFORM UNTIL FS-MASTER NOT = "00"
               READ MASTER-FILE END-READ
           END-PERFORM
           DISPLAY "READ TO END          " FS-MASTER
           READ MASTER-FILE END-READ
           DISPLAY "READ AFTER END       " FS-MASTER
           CLOSE MASTER-FILE
           DISPLAY "CLOSE                " FS-MASTER.
