       IDENTIFICATION DIVISION.
       PROGRAM-ID.    ACCTRPT.
      *================================================================*
      * ACCTRPT - REPORTS ON THE ACCOUNT MASTER (ACCTS.IDX) AND        *
      *   CLOSES ACCOUNTS:                                             *
      *   1. BY BRANCH: START AC-BRANCH >= LOW-VALUES, READ NEXT       *
      *      (DUPLICATES IN THE ORDER THEY WERE WRITTEN, ALSO BY AN    *
      *      EARLIER PROGRAM)                                          *
      *   2. BACKWARDS: START AC-ID < PARM-ID, READ PREVIOUS TO THE    *
      *      START OF THE FILE                                         *
      *   3. BRANCH BEFORE: START AC-BRANCH < "M", READ PREVIOUS TWO   *
      *   4. BY CODE: READ KEY IS AC-CODE                              *
      *   5. I-O: DELETE EVERY ACCOUNT OF BRANCH "CLS" (READ NEXT ON   *
      *      THE ALTERNATE KEY, DELETE BY PRIMARY KEY), REWRITE THE    *
      *      FIRST ACCOUNT OF BRANCH "NTH" TO BRANCH "STH"             *
      *   THE REPORT GOES TO ACCTRPT.TXT                               *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT ACCT-FILE    ASSIGN TO "ACCTS.IDX"
                               ORGANIZATION IS INDEXED
                               ACCESS MODE IS DYNAMIC
                               RECORD KEY IS AC-ID
                               ALTERNATE RECORD KEY IS AC-BRANCH
                                   WITH DUPLICATES
                               ALTERNATE RECORD KEY IS AC-CODE
                               FILE STATUS IS FS-ACCT.
           SELECT RPT-FILE     ASSIGN TO "ACCTRPT.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  ACCT-FILE.
       01  ACCT-REC.
           05  AC-ID                   PIC X(4).
           05  AC-BRANCH               PIC X(3).
           05  AC-CODE                 PIC X(6).
           05  AC-NAME                 PIC X(12).
           05  AC-CHANGES              PIC 9(3).
       FD  RPT-FILE.
       01  RPT-LINE                    PIC X(40).
       WORKING-STORAGE SECTION.
       01  FS-ACCT                     PIC XX.
       01  WS-COUNT                    PIC 99 VALUE ZERO.
       01  WS-DONE                     PIC X.
       PROCEDURE DIVISION.
       0000-MAIN.
           OPEN INPUT ACCT-FILE
           OPEN OUTPUT RPT-FILE
           DISPLAY "OPEN " FS-ACCT
           MOVE "BY BRANCH" TO RPT-LINE
           WRITE RPT-LINE
           MOVE LOW-VALUES TO AC-BRANCH
           START ACCT-FILE KEY IS NOT LESS THAN AC-BRANCH
           PERFORM 1000-LIST-NEXT
           MOVE "BACKWARDS FROM M" TO RPT-LINE
           WRITE RPT-LINE
           MOVE "M" TO AC-ID
           START ACCT-FILE KEY IS LESS THAN AC-ID
               INVALID KEY DISPLAY "START < " FS-ACCT
           END-START
           PERFORM 2000-LIST-PREVIOUS
           MOVE "BRANCHES BEFORE M" TO RPT-LINE
           WRITE RPT-LINE
           MOVE "M" TO AC-BRANCH
           START ACCT-FILE KEY IS LESS THAN AC-BRANCH
               INVALID KEY DISPLAY "START < " FS-ACCT
           END-START
           MOVE ZERO TO WS-COUNT
           PERFORM 2 TIMES
               READ ACCT-FILE PREVIOUS RECORD
                   AT END DISPLAY "PREVIOUS AT END " FS-ACCT
                   NOT AT END
                       MOVE ACCT-REC TO RPT-LINE
                       WRITE RPT-LINE
               END-READ
           END-PERFORM
           MOVE "BY CODE" TO RPT-LINE
           WRITE RPT-LINE
           MOVE "C00300" TO AC-CODE
           PERFORM 3000-BY-CODE
           MOVE "C99999" TO AC-CODE
           PERFORM 3000-BY-CODE
           MOVE LOW-VALUES TO AC-ID
           START ACCT-FILE KEY IS LESS THAN AC-ID
               INVALID KEY DISPLAY "START < LOW-VALUES " FS-ACCT
           END-START
           CLOSE ACCT-FILE
           PERFORM 4000-CLOSE-ACCOUNTS
           CLOSE RPT-FILE
           STOP RUN.
       1000-LIST-NEXT.
           PERFORM UNTIL FS-ACCT NOT = "00" AND NOT = "02"
               READ ACCT-FILE NEXT RECORD
                   AT END CONTINUE
                   NOT AT END
                       MOVE ACCT-REC TO RPT-LINE
                       WRITE RPT-LINE
               END-READ
           END-PERFORM.
       2000-LIST-PREVIOUS.
           PERFORM UNTIL FS-ACCT NOT = "00"
               READ ACCT-FILE PREVIOUS RECORD
                   AT END DISPLAY "PREVIOUS AT END " FS-ACCT
                   NOT AT END
                       MOVE ACCT-REC TO RPT-LINE
                       WRITE RPT-LINE
               END-READ
           END-PERFORM.
       3000-BY-CODE.
           READ ACCT-FILE KEY IS AC-CODE
               INVALID KEY
                   DISPLAY "CODE " AC-CODE " NOT FOUND " FS-ACCT
               NOT INVALID KEY
                   MOVE ACCT-REC TO RPT-LINE
                   WRITE RPT-LINE
           END-READ.
       4000-CLOSE-ACCOUNTS.
           OPEN I-O ACCT-FILE
           MOVE "N" TO WS-DONE
           PERFORM UNTIL WS-DONE = "Y"
               MOVE "CLS" TO AC-BRANCH
               READ ACCT-FILE KEY IS AC-BRANCH
                   INVALID KEY MOVE "Y" TO WS-DONE
                   NOT INVALID KEY
                       DISPLAY "CLOSING " AC-ID
                       DELETE ACCT-FILE
                       DISPLAY "  DELETE " FS-ACCT
               END-READ
           END-PERFORM
           MOVE "NTH" TO AC-BRANCH
           READ ACCT-FILE KEY IS AC-BRANCH
               INVALID KEY DISPLAY "NO NTH " FS-ACCT
               NOT INVALID KEY
                   MOVE "STH" TO AC-BRANCH
                   ADD 1 TO AC-CHANGES
                   REWRITE ACCT-REC
                   DISPLAY "MOVED " AC-ID " TO STH " FS-ACCT
           END-READ
           CLOSE ACCT-FILE.
