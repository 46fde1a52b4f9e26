       IDENTIFICATION DIVISION.
       PROGRAM-ID.    IDXCUST.
      *================================================================*
      * IDXCUST - CUSTOMER MASTER IN AN INDEXED FILE                   *
      *   PRIMARY KEY CM-ID, ALTERNATE KEY CM-CITY WITH DUPLICATES     *
      *   1. CUSTIN.TXT (LINE SEQUENTIAL) LOADS WORK.IDX: OPEN OUTPUT, *
      *      WRITE (STATUS 22 FOR A DUPLICATE PRIMARY KEY)             *
      *   2. CUSTTX.TXT DRIVES OPEN I-O, DYNAMIC ACCESS:               *
      *      R ID            READ BY PRIMARY KEY                       *
      *      C CITY          READ KEY IS CM-CITY, THEN READ NEXT WHILE *
      *                      THE CITY IS THE SAME (DUPLICATES)         *
      *      U ID NAME       READ, REWRITE WITH A NEW NAME             *
      *      M ID CITY       READ, REWRITE WITH A NEW CITY (ALT KEY)   *
      *      D ID            DELETE                                    *
      *      A ID NAME CITY  WRITE                                     *
      *      G ID / N ID     START >= / START > THEN READ NEXT TWO     *
      *   3. LISTING IN PRIMARY AND IN ALTERNATE KEY ORDER TO          *
      *      CUSTLIST.TXT                                              *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT IN-FILE      ASSIGN TO "CUSTIN.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-IN.
           SELECT TX-FILE      ASSIGN TO "CUSTTX.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-TX.
           SELECT CUST-FILE    ASSIGN TO "WORK.IDX"
                               ORGANIZATION IS INDEXED
                               ACCESS MODE IS DYNAMIC
                               RECORD KEY IS CM-ID
                               ALTERNATE RECORD KEY IS CM-CITY
                                   WITH DUPLICATES
                               FILE STATUS IS FS-CUST.
           SELECT LIST-FILE    ASSIGN TO "CUSTLIST.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  IN-FILE.
       01  IN-LINE.
           05  IN-ID                   PIC X(5).
           05  FILLER                  PIC X.
           05  IN-NAME                 PIC X(14).
           05  FILLER                  PIC X.
           05  IN-CITY                 PIC X(10).
       FD  TX-FILE.
       01  TX-LINE.
           05  TX-CODE                 PIC X.
           05  FILLER                  PIC X.
           05  TX-ID                   PIC X(5).
           05  FILLER                  PIC X.
           05  TX-ARG1                 PIC X(14).
           05  FILLER                  PIC X.
           05  TX-ARG2                 PIC X(10).
       FD  CUST-FILE.
       01  CUST-REC.
           05  CM-ID                   PIC X(5).
           05  CM-NAME                 PIC X(14).
           05  CM-CITY                 PIC X(10).
           05  CM-UPDATES              PIC 9(2).
       FD  LIST-FILE.
       01  LIST-LINE                   PIC X(40).
       WORKING-STORAGE SECTION.
       01  FS-IN                       PIC XX.
       01  FS-TX                       PIC XX.
       01  FS-CUST                     PIC XX.
       01  WS-EOF                      PIC X.
           88  AT-EOF                            VALUE "Y".
       01  WS-CITY                     PIC X(10).
       01  WS-COUNT                    PIC 99.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-LOAD
           PERFORM 2000-TRANSACTIONS
           OPEN INPUT CUST-FILE
           OPEN OUTPUT LIST-FILE
           MOVE "BY ID" TO LIST-LINE
           WRITE LIST-LINE
           MOVE LOW-VALUES TO CM-ID
           START CUST-FILE KEY IS GREATER THAN CM-ID
           PERFORM 3000-LIST
           MOVE "BY CITY" TO LIST-LINE
           WRITE LIST-LINE
           MOVE LOW-VALUES TO CM-CITY
           START CUST-FILE KEY IS NOT LESS THAN CM-CITY
           PERFORM 3000-LIST
           CLOSE CUST-FILE LIST-FILE
           STOP RUN.
       1000-LOAD.
           OPEN INPUT IN-FILE
           OPEN OUTPUT CUST-FILE
           DISPLAY "OPEN " FS-IN " " FS-CUST
           MOVE "N" TO WS-EOF
           IF FS-IN NOT = "00"
               SET AT-EOF TO TRUE
           END-IF
           PERFORM UNTIL AT-EOF
               READ IN-FILE
                   AT END SET AT-EOF TO TRUE
                   NOT AT END
                       MOVE IN-ID TO CM-ID
                       MOVE IN-NAME TO CM-NAME
                       MOVE IN-CITY TO CM-CITY
                       MOVE ZERO TO CM-UPDATES
                       WRITE CUST-REC
                           INVALID KEY
                               DISPLAY "LOAD " IN-ID " STATUS " FS-CUST
                       END-WRITE
               END-READ
           END-PERFORM
           CLOSE IN-FILE CUST-FILE.
       2000-TRANSACTIONS.
           OPEN INPUT TX-FILE
           OPEN I-O CUST-FILE
           DISPLAY "OPEN I-O " FS-CUST
           MOVE "N" TO WS-EOF
           IF FS-TX NOT = "00"
               SET AT-EOF TO TRUE
           END-IF
           PERFORM UNTIL AT-EOF
               READ TX-FILE
                   AT END SET AT-EOF TO TRUE
                   NOT AT END PERFORM 2100-APPLY
               END-READ
           END-PERFORM
           CLOSE TX-FILE CUST-FILE.
       2100-APPLY.
           DISPLAY "TX [" TX-LINE "]"
           MOVE TX-ID TO CM-ID
           EVALUATE TX-CODE
               WHEN "R"
                   READ CUST-FILE
                       INVALID KEY DISPLAY "  NOT FOUND " FS-CUST
                       NOT INVALID KEY PERFORM 2900-SHOW
                   END-READ
               WHEN "C"
                   MOVE TX-ARG1 TO CM-CITY WS-CITY
                   READ CUST-FILE KEY IS CM-CITY
                       INVALID KEY DISPLAY "  NO CITY " FS-CUST
                   END-READ
                   PERFORM UNTIL FS-CUST NOT = "00" AND NOT = "02"
                              OR CM-CITY NOT = WS-CITY
                       PERFORM 2900-SHOW
                       READ CUST-FILE NEXT RECORD
                           AT END CONTINUE
                       END-READ
                   END-PERFORM
               WHEN "U"
               WHEN "M"
                   READ CUST-FILE
                       INVALID KEY DISPLAY "  NOT FOUND " FS-CUST
                       NOT INVALID KEY
                           IF TX-CODE = "U"
                               MOVE TX-ARG1 TO CM-NAME
                           ELSE
                               MOVE TX-ARG1 TO CM-CITY
                           END-IF
                           ADD 1 TO CM-UPDATES
                           REWRITE CUST-REC
                               INVALID KEY
                                   DISPLAY "  REWRITE FAILED " FS-CUST
                           END-REWRITE
                           PERFORM 2900-SHOW
                   END-READ
               WHEN "D"
                   DELETE CUST-FILE RECORD
                       INVALID KEY DISPLAY "  NOT DELETED " FS-CUST
                       NOT INVALID KEY DISPLAY "  DELETED " FS-CUST
                   END-DELETE
               WHEN "A"
                   MOVE TX-ARG1 TO CM-NAME
                   MOVE TX-ARG2 TO CM-CITY
                   MOVE ZERO TO CM-UPDATES
                   WRITE CUST-REC
                       INVALID KEY DISPLAY "  NOT ADDED " FS-CUST
                       NOT INVALID KEY DISPLAY "  ADDED " FS-CUST
                   END-WRITE
               WHEN "G"
               WHEN "N"
                   IF TX-CODE = "G"
                       START CUST-FILE KEY IS >= CM-ID
                           INVALID KEY DISPLAY "  START FAILED " FS-CUST
                       END-START
                   ELSE
                       START CUST-FILE KEY IS > CM-ID
                           INVALID KEY DISPLAY "  START FAILED " FS-CUST
                       END-START
                   END-IF
                   IF FS-CUST = "00"
                       PERFORM 2 TIMES
                           READ CUST-FILE NEXT RECORD
                               AT END DISPLAY "  AT END " FS-CUST
                               NOT AT END PERFORM 2900-SHOW
                           END-READ
                       END-PERFORM
                   END-IF
               WHEN OTHER
                   DISPLAY "  UNKNOWN CODE"
           END-EVALUATE.
       2900-SHOW.
           DISPLAY "  " CM-ID " " CM-NAME " " CM-CITY " " CM-UPDATES
                   " STATUS " FS-CUST.
       3000-LIST.
           MOVE ZERO TO WS-COUNT
           MOVE "N" TO WS-EOF
           PERFORM UNTIL AT-EOF
               READ CUST-FILE NEXT RECORD
                   AT END SET AT-EOF TO TRUE
                   NOT AT END
                       ADD 1 TO WS-COUNT
                       MOVE CUST-REC TO LIST-LINE
                       WRITE LIST-LINE
               END-READ
           END-PERFORM
           DISPLAY "LISTED " WS-COUNT.
