       IDENTIFICATION DIVISION.
       PROGRAM-ID.    IDXBENCH.
      *================================================================*
      * IDXBENCH - INDEXED FILE WORKLOAD FOR bench/indexed-vs-cobc.sh  *
      *   N (ENVIRONMENT IDXBENCH_N) RECORDS WITH PSEUDO-RANDOM KEYS   *
      *   (MINSTD) INTO BENCH.IDX (RECORD KEY BR-KEY, ALTERNATE KEY    *
      *   BR-GROUP WITH DUPLICATES); OPEN I-O: N RANDOM READS (EVERY   *
      *   WRITTEN KEY AND N / 4 MISSING ONES), A REWRITE OF EVERY      *
      *   RECORD FOUND; START BR-GROUP >= 500 + READ NEXT TO THE END;  *
      *   THE FILE UNLOADED IN KEY ORDER TO BENCH.UNL                  *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT BENCH-FILE   ASSIGN TO "BENCH.IDX"
                               ORGANIZATION IS INDEXED
                               ACCESS MODE IS DYNAMIC
                               RECORD KEY IS BR-KEY
                               ALTERNATE RECORD KEY IS BR-GROUP
                                   WITH DUPLICATES
                               FILE STATUS IS FS-BENCH.
           SELECT UNL-FILE     ASSIGN TO "BENCH.UNL"
                               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  BENCH-FILE.
       01  BENCH-REC.
           05  BR-KEY                  PIC 9(10).
           05  BR-GROUP                PIC 9(4).
           05  BR-SEQ                  PIC 9(9).
           05  BR-HITS                 PIC 9(5).
           05  BR-TEXT                 PIC X(52).
       FD  UNL-FILE.
       01  UNL-REC                     PIC X(80).
       WORKING-STORAGE SECTION.
       01  FS-BENCH                    PIC XX.
       01  WS-N-TEXT                   PIC X(10).
       01  WS-N                        PIC 9(9) COMP.
       01  WS-I                        PIC 9(9) COMP.
       01  WS-SEED                     PIC 9(10) COMP.
       01  WS-WORK                     PIC 9(15) COMP.
       01  WS-WRITTEN                  PIC 9(9) VALUE ZERO.
       01  WS-DUPKEY                   PIC 9(9) VALUE ZERO.
       01  WS-DUPALT                   PIC 9(9) VALUE ZERO.
       01  WS-FOUND                    PIC 9(9) VALUE ZERO.
       01  WS-MISSING                  PIC 9(9) VALUE ZERO.
       01  WS-REWRITTEN                PIC 9(9) VALUE ZERO.
       01  WS-SCANNED                  PIC 9(9) VALUE ZERO.
       01  WS-UNLOADED                 PIC 9(9) VALUE ZERO.
       01  WS-SUM                      PIC 9(18) VALUE ZERO.
       PROCEDURE DIVISION.
       0000-MAIN.
           ACCEPT WS-N-TEXT FROM ENVIRONMENT "IDXBENCH_N"
           COMPUTE WS-N = FUNCTION NUMVAL(WS-N-TEXT)
           PERFORM 1000-LOAD
           PERFORM 2000-UPDATE
           PERFORM 3000-SCAN
           PERFORM 4000-UNLOAD
           DISPLAY "WRITTEN   " WS-WRITTEN
           DISPLAY "DUP KEY   " WS-DUPKEY
           DISPLAY "DUP ALT   " WS-DUPALT
           DISPLAY "FOUND     " WS-FOUND
           DISPLAY "MISSING   " WS-MISSING
           DISPLAY "REWRITTEN " WS-REWRITTEN
           DISPLAY "SCANNED   " WS-SCANNED
           DISPLAY "CHECKSUM  " WS-SUM
           DISPLAY "UNLOADED  " WS-UNLOADED
           STOP RUN.
       0100-NEXT-SEED.
           COMPUTE WS-WORK = WS-SEED * 48271
           COMPUTE WS-SEED = FUNCTION MOD(WS-WORK, 2147483647).
       1000-LOAD.
           OPEN OUTPUT BENCH-FILE
           MOVE 20260331 TO WS-SEED
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > WS-N
               PERFORM 0100-NEXT-SEED
               MOVE WS-SEED TO BR-KEY
               COMPUTE BR-GROUP = FUNCTION MOD(WS-SEED, 1000)
               MOVE WS-I TO BR-SEQ
               MOVE ZERO TO BR-HITS
               MOVE "INITIAL RECORD TEXT" TO BR-TEXT
               WRITE BENCH-REC
               EVALUATE FS-BENCH
                   WHEN "00" ADD 1 TO WS-WRITTEN
                   WHEN "02" ADD 1 TO WS-WRITTEN WS-DUPALT
                   WHEN "22" ADD 1 TO WS-DUPKEY
                   WHEN OTHER DISPLAY "WRITE " FS-BENCH
               END-EVALUATE
           END-PERFORM
           CLOSE BENCH-FILE.
       2000-UPDATE.
           OPEN I-O BENCH-FILE
           MOVE 20260331 TO WS-SEED
           PERFORM VARYING WS-I FROM 1 BY 1
                   UNTIL WS-I > WS-N + WS-N / 4
               PERFORM 0100-NEXT-SEED
               IF WS-I > WS-N
                   COMPUTE BR-KEY = WS-SEED + 1
               ELSE
                   MOVE WS-SEED TO BR-KEY
               END-IF
               READ BENCH-FILE
                   INVALID KEY ADD 1 TO WS-MISSING
                   NOT INVALID KEY
                       ADD 1 TO WS-FOUND
                       ADD 1 TO BR-HITS
                       MOVE "UPDATED RECORD TEXT" TO BR-TEXT
                       REWRITE BENCH-REC
                       IF FS-BENCH = "00"
                           ADD 1 TO WS-REWRITTEN
                       END-IF
               END-READ
           END-PERFORM
           CLOSE BENCH-FILE.
       3000-SCAN.
           OPEN INPUT BENCH-FILE
           MOVE 500 TO BR-GROUP
           START BENCH-FILE KEY IS NOT LESS THAN BR-GROUP
           PERFORM UNTIL FS-BENCH NOT = "00" AND NOT = "02"
               READ BENCH-FILE NEXT RECORD
                   AT END CONTINUE
                   NOT AT END
                       ADD 1 TO WS-SCANNED
                       COMPUTE WS-SUM = FUNCTION MOD(
                           WS-SUM * 31 + BR-SEQ, 1000000007)
               END-READ
           END-PERFORM
           CLOSE BENCH-FILE.
       4000-UNLOAD.
           OPEN INPUT BENCH-FILE
           OPEN OUTPUT UNL-FILE
           PERFORM UNTIL FS-BENCH NOT = "00"
               READ BENCH-FILE NEXT RECORD
                   AT END CONTINUE
                   NOT AT END
                       WRITE UNL-REC FROM BENCH-REC
                       ADD 1 TO WS-UNLOADED
               END-READ
           END-PERFORM
           CLOSE BENCH-FILE UNL-FILE.
