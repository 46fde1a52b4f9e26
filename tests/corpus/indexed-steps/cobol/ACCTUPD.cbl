       IDENTIFICATION DIVISION.
       PROGRAM-ID.    ACCTUPD.
      *================================================================*
      * ACCTUPD - APPLIES TRANSACTIONS TO AN ACCOUNT MASTER GIVEN AS   *
      *   AN INDEXED FILE (ACCTS.IDX, RECORD KEY AC-ID, ALTERNATE KEY  *
      *   AC-BRANCH WITH DUPLICATES, ALTERNATE KEY AC-CODE UNIQUE).    *
      *   ACCTTX.TXT (LINE SEQUENTIAL):                                *
      *      A ID BRANCH CODE NAME   WRITE (02 / 22)                   *
      *      M ID BRANCH             READ, REWRITE WITH A NEW BRANCH   *
      *      N ID NAME               READ, REWRITE WITH A NEW NAME     *
      *      D ID                    DELETE (00 / 23)                  *
      *      B BRANCH                READ KEY IS AC-BRANCH, READ NEXT  *
      *                              WHILE THE BRANCH IS THE SAME      *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT TX-FILE      ASSIGN TO "ACCTTX.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-TX.
           SELECT ACCT-FILE    ASSIGN TO "ACCTS.IDX"
                               ORGANIZATION IS INDEXED
                               ACCESS MODE IS DYNAMIC
                               RECORD KEY IS AC-ID
                               ALTERNATE RECORD KEY IS AC-BRANCH
                                   WITH DUPLICATES
                               ALTERNATE RECORD KEY IS AC-CODE
                               FILE STATUS IS FS-ACCT.
       DATA DIVISION.
       FILE SECTION.
       FD  TX-FILE.
       01  TX-LINE.
           05  TX-CODE                 PIC X.
           05  FILLER                  PIC X.
           05  TX-ID                   PIC X(4).
           05  FILLER                  PIC X.
           05  TX-ARG1                 PIC X(3).
           05  FILLER                  PIC X.
           05  TX-ARG2                 PIC X(6).
           05  FILLER                  PIC X.
           05  TX-ARG3                 PIC X(12).
       FD  ACCT-FILE.
       01  ACCT-REC.
           05  AC-ID                   PIC X(4).
           05  AC-BRANCH               PIC X(3).
           05  AC-CODE                 PIC X(6).
           05  AC-NAME                 PIC X(12).
           05  AC-CHANGES              PIC 9(3).
       WORKING-STORAGE SECTION.
       01  FS-TX                       PIC XX.
       01  FS-ACCT                     PIC XX.
       01  WS-EOF                      PIC X.
           88  AT-EOF                            VALUE "Y".
       01  WS-BRANCH                   PIC X(3).
       PROCEDURE DIVISION.
       0000-MAIN.
           OPEN INPUT TX-FILE
           OPEN I-O ACCT-FILE
           DISPLAY "OPEN " FS-TX " " FS-ACCT
           IF FS-ACCT NOT = "00"
               STOP RUN RETURNING 8
           END-IF
           MOVE "N" TO WS-EOF
           IF FS-TX NOT = "00"
               SET AT-EOF TO TRUE
           END-IF
           PERFORM UNTIL AT-EOF
               READ TX-FILE
                   AT END SET AT-EOF TO TRUE
                   NOT AT END PERFORM 1000-APPLY
               END-READ
           END-PERFORM
           CLOSE TX-FILE ACCT-FILE
           STOP RUN.
       1000-APPLY.
           DISPLAY "TX [" TX-LINE "]"
           MOVE TX-ID TO AC-ID
           EVALUATE TX-CODE
               WHEN "A"
                   MOVE TX-ARG1 TO AC-BRANCH
                   MOVE TX-ARG2 TO AC-CODE
                   MOVE TX-ARG3 TO AC-NAME
                   MOVE ZERO TO AC-CHANGES
                   WRITE ACCT-REC
                       INVALID KEY DISPLAY "  WRITE INVALID " FS-ACCT
                       NOT INVALID KEY DISPLAY "  WRITE " FS-ACCT
                   END-WRITE
               WHEN "M"
                   READ ACCT-FILE
                       INVALID KEY DISPLAY "  NOT FOUND " FS-ACCT
                       NOT INVALID KEY
                           MOVE TX-ARG1 TO AC-BRANCH
                           ADD 1 TO AC-CHANGES
                           REWRITE ACCT-REC
                           DISPLAY "  REWRITE " FS-ACCT
                   END-READ
               WHEN "N"
                   READ ACCT-FILE
                       INVALID KEY DISPLAY "  NOT FOUND " FS-ACCT
                       NOT INVALID KEY
                           MOVE TX-ARG3 TO AC-NAME
                           ADD 1 TO AC-CHANGES
                           REWRITE ACCT-REC
                           DISPLAY "  REWRITE " FS-ACCT
                   END-READ
               WHEN "D"
                   DELETE ACCT-FILE
                       INVALID KEY DISPLAY "  DELETE INVALID " FS-ACCT
                       NOT INVALID KEY DISPLAY "  DELETE " FS-ACCT
                   END-DELETE
               WHEN "B"
                   MOVE TX-ARG1 TO AC-BRANCH WS-BRANCH
                   READ ACCT-FILE KEY IS AC-BRANCH
                       INVALID KEY DISPLAY "  NO BRANCH " FS-ACCT
                   END-READ
                   PERFORM UNTIL FS-ACCT NOT = "00" AND NOT = "02"
                              OR AC-BRANCH NOT = WS-BRANCH
                       DISPLAY "  " ACCT-REC
                       READ ACCT-FILE NEXT RECORD
                           AT END CONTINUE
                       END-READ
                   END-PERFORM
               WHEN OTHER
                   DISPLAY "  BAD CODE"
           END-EVALUATE.
