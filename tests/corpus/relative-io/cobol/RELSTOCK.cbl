       IDENTIFICATION DIVISION.
       PROGRAM-ID.    RELSTOCK.
      *================================================================*
      * RELSTOCK - STOCK BINS IN A RELATIVE FILE (BIN NUMBER = SLOT)   *
      *   1. BINS.TXT (LINE SEQUENTIAL) LOADS WORK.REL: OPEN OUTPUT,   *
      *      RANDOM WRITE BY RELATIVE KEY, INVALID KEY FOR DUPLICATES  *
      *      AND SLOT 0                                                *
      *   2. TRANS.TXT DRIVES OPEN I-O WITH DYNAMIC ACCESS:            *
      *      R NNN            READ (INVALID KEY WHEN EMPTY)            *
      *      U NNN +QQQQ      READ, ADD TO QUANTITY, REWRITE           *
      *      D NNN            DELETE                                   *
      *      A NNN DESC QQQQ  WRITE A NEW SLOT                         *
      *      S NNN            START KEY >= NNN, READ NEXT TWO          *
      *   3. FULL LISTING WITH READ NEXT TO STOCK.TXT                  *
      * FILE STATUS IS SHOWN AFTER EVERY OPERATION.                    *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT BINS-FILE    ASSIGN TO "BINS.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-BINS.
           SELECT TRANS-FILE   ASSIGN TO "TRANS.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-TRANS.
           SELECT STOCK-FILE   ASSIGN TO "WORK.REL"
                               ORGANIZATION IS RELATIVE
                               ACCESS MODE IS DYNAMIC
                               RELATIVE KEY IS WS-SLOT
                               FILE STATUS IS FS-STOCK.
           SELECT LIST-FILE    ASSIGN TO "STOCK.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  BINS-FILE.
       01  BIN-LINE.
           05  BL-SLOT                 PIC 9(3).
           05  FILLER                  PIC X.
           05  BL-DESC                 PIC X(12).
           05  FILLER                  PIC X.
           05  BL-QTY                  PIC 9(4).
       FD  TRANS-FILE.
       01  TRANS-LINE.
           05  TL-CODE                 PIC X.
           05  FILLER                  PIC X.
           05  TL-SLOT                 PIC 9(3).
           05  FILLER                  PIC X.
           05  TL-REST                 PIC X(17).
           05  TL-DELTA REDEFINES TL-REST.
               10  TL-DELTA-QTY        PIC S9(4)
                                       SIGN LEADING SEPARATE.
               10  FILLER              PIC X(12).
           05  TL-NEW REDEFINES TL-REST.
               10  TL-DESC             PIC X(12).
               10  FILLER              PIC X.
               10  TL-QTY              PIC 9(4).
       FD  STOCK-FILE.
       01  STOCK-REC.
           05  SR-BIN                  PIC 9(3).
           05  SR-DESC                 PIC X(12).
           05  SR-QTY                  PIC S9(5) COMP-3.
       FD  LIST-FILE.
       01  LIST-LINE                   PIC X(40).
       WORKING-STORAGE SECTION.
       01  FS-BINS                     PIC XX.
       01  FS-TRANS                    PIC XX.
       01  FS-STOCK                    PIC XX.
       01  WS-SLOT                     PIC 9(4).
       01  WS-EOF                      PIC X.
           88  AT-EOF                            VALUE "Y".
       01  WS-COUNT                    PIC 99.
       01  LIST-OUT.
           05  LO-SLOT                 PIC ZZ9.
           05  FILLER                  PIC X     VALUE SPACE.
           05  LO-BIN                  PIC 9(3).
           05  FILLER                  PIC X     VALUE SPACE.
           05  LO-DESC                 PIC X(12).
           05  LO-QTY                  PIC -(5)9.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-LOAD
           PERFORM 2000-TRANSACTIONS
           PERFORM 3000-LIST
           STOP RUN.
       1000-LOAD.
           OPEN INPUT BINS-FILE
           OPEN OUTPUT STOCK-FILE
           DISPLAY "OPEN INPUT BINS.TXT " FS-BINS
                   " OPEN OUTPUT WORK.REL " FS-STOCK
           MOVE "N" TO WS-EOF
           IF FS-BINS NOT = "00"
               SET AT-EOF TO TRUE
           END-IF
           PERFORM UNTIL AT-EOF
               READ BINS-FILE
                   AT END SET AT-EOF TO TRUE
                   NOT AT END
                       MOVE BL-SLOT TO WS-SLOT SR-BIN
                       MOVE BL-DESC TO SR-DESC
                       MOVE BL-QTY TO SR-QTY
                       WRITE STOCK-REC
                           INVALID KEY
                               DISPLAY "LOAD " BL-SLOT " INVALID KEY "
                                       FS-STOCK
                           NOT INVALID KEY
                               DISPLAY "LOAD " BL-SLOT " OK " FS-STOCK
                       END-WRITE
               END-READ
           END-PERFORM
           CLOSE BINS-FILE STOCK-FILE.
       2000-TRANSACTIONS.
           OPEN INPUT TRANS-FILE
           IF FS-TRANS NOT = "00"
               DISPLAY "NO TRANSACTIONS, STATUS " FS-TRANS
           ELSE
               OPEN I-O STOCK-FILE
               DISPLAY "OPEN I-O WORK.REL " FS-STOCK
               MOVE "N" TO WS-EOF
               PERFORM UNTIL AT-EOF
                   READ TRANS-FILE
                       AT END SET AT-EOF TO TRUE
                       NOT AT END PERFORM 2100-APPLY
                   END-READ
               END-PERFORM
               CLOSE TRANS-FILE STOCK-FILE
           END-IF.
       2100-APPLY.
           MOVE TL-SLOT TO WS-SLOT
           EVALUATE TL-CODE
               WHEN "R"
                   READ STOCK-FILE
                       INVALID KEY
                           DISPLAY "READ " TL-SLOT " EMPTY " FS-STOCK
                       NOT INVALID KEY
                           DISPLAY "READ " TL-SLOT " [" SR-DESC "] "
                                   SR-QTY " " FS-STOCK
                   END-READ
               WHEN "U"
                   READ STOCK-FILE
                       INVALID KEY
                           DISPLAY "UPDATE " TL-SLOT " NOT FOUND "
                                   FS-STOCK
                       NOT INVALID KEY
                           ADD TL-DELTA-QTY TO SR-QTY
                           REWRITE STOCK-REC
                           DISPLAY "UPDATE " TL-SLOT " QTY " SR-QTY
                                   " " FS-STOCK
                   END-READ
               WHEN "D"
                   DELETE STOCK-FILE
                       INVALID KEY
                           DISPLAY "DELETE " TL-SLOT " INVALID KEY "
                                   FS-STOCK
                       NOT INVALID KEY
                           DISPLAY "DELETE " TL-SLOT " OK " FS-STOCK
                   END-DELETE
               WHEN "A"
                   MOVE TL-SLOT TO SR-BIN
                   MOVE TL-DESC TO SR-DESC
                   MOVE TL-QTY TO SR-QTY
                   WRITE STOCK-REC
                       INVALID KEY
                           DISPLAY "ADD " TL-SLOT " INVALID KEY "
                                   FS-STOCK
                       NOT INVALID KEY
                           DISPLAY "ADD " TL-SLOT " OK " FS-STOCK
                   END-WRITE
               WHEN "S"
                   START STOCK-FILE KEY IS NOT LESS THAN WS-SLOT
                       INVALID KEY
                           DISPLAY "START " TL-SLOT " INVALID KEY "
                                   FS-STOCK
                       NOT INVALID KEY
                           DISPLAY "START " TL-SLOT " OK " FS-STOCK
                           PERFORM 2 TIMES
                               READ STOCK-FILE NEXT RECORD
                                   AT END
                                       DISPLAY "  NEXT AT END "
                                               FS-STOCK
                                   NOT AT END
                                       DISPLAY "  NEXT SLOT " WS-SLOT
                                               " [" SR-DESC "]"
                               END-READ
                           END-PERFORM
                   END-START
               WHEN OTHER
                   DISPLAY "UNKNOWN TRANSACTION [" TRANS-LINE "]"
           END-EVALUATE.
       3000-LIST.
           OPEN INPUT STOCK-FILE
           OPEN OUTPUT LIST-FILE
           MOVE ZERO TO WS-COUNT
           MOVE "N" TO WS-EOF
           PERFORM UNTIL AT-EOF
               READ STOCK-FILE NEXT RECORD
                   AT END SET AT-EOF TO TRUE
                   NOT AT END
                       ADD 1 TO WS-COUNT
                       MOVE WS-SLOT TO LO-SLOT
                       MOVE SR-BIN TO LO-BIN
                       MOVE SR-DESC TO LO-DESC
                       MOVE SR-QTY TO LO-QTY
                       WRITE LIST-LINE FROM LIST-OUT
                       DISPLAY "LIST " LIST-OUT
               END-READ
           END-PERFORM
           DISPLAY "SLOTS IN USE " WS-COUNT " LAST STATUS " FS-STOCK
           CLOSE STOCK-FILE LIST-FILE.
