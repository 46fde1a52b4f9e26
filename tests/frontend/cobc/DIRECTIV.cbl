      *> Compiler-directing statements and GnuCOBOL statements.
       >>DEFINE CONSTANT TABLE-SIZE AS 3
       >>DEFINE CONSTANT SITE-NAME AS 'HEAD OFFICE'
       >>DEFINE BUILD-LEVEL AS 4
       >>DEFINE BUILD-TAG AS "prod"
       >>DEFINE PLATFORM AS PARAMETER
       >>DEFINE BUILD-LEVEL AS 5 OVERRIDE
       >>SET CONSTANT MAX-RETRY 3
       >>TURN EC-ALL CHECKING ON
       >>LISTING OFF
      $SET NOTRUNC
       IDENTIFICATION DIVISION.
       PROGRAM-ID. DIRECTIV.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT AUDIT-FILE ASSIGN TO "AUDIT.TXT"
               ORGANIZATION LINE SEQUENTIAL
               FILE STATUS IS AUDIT-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD AUDIT-FILE.
       01 AUDIT-REC              PIC X(60).
       WORKING-STORAGE SECTION.
       01 AUDIT-STATUS           PIC XX.
       01 SITE                   PIC X(20) VALUE SITE-NAME.
       01 RETRIES                PIC 9 VALUE MAX-RETRY.
       01 SLOT-TABLE.
          05 SLOT OCCURS TABLE-SIZE PIC X(4).
       >>IF BUILD-LEVEL >= 5
       01 LEVEL-TEXT             PIC X(8) VALUE "LEVEL 5+".
       >>ELIF BUILD-LEVEL > 2
       01 LEVEL-TEXT             PIC X(8) VALUE "LEVEL 3".
       >>ELSE
       01 LEVEL-TEXT             PIC X(8) VALUE "LEVEL 1".
       >>END-IF
       01 WORK-PTR               USAGE POINTER.
       01 AREA-SIZE              PIC 9(4) VALUE 16.
       LINKAGE SECTION.
       01 WORK-AREA              PIC X(16).
       >>PAGE
       PROCEDURE DIVISION.
       MAIN-PARA.
       >>IF PLATFORM IS NOT DEFINED
           DISPLAY "NO PLATFORM"
       >>ELSE
           THIS IS NOT COBOL BUT IT IS EXCLUDED
           COPY NOSUCHMEMBER.
       >>END-IF
       >>IF BUILD-TAG = "prod"
       >>IF BUILD-LEVEL IS LESS THAN OR EQUAL TO 5
           DISPLAY "PROD BUILD " LEVEL-TEXT
       >>END-IF
       >>IF BUILD-LEVEL <> 5
           DISPLAY "NEVER"
       >>END-IF
       >>ELSE
           DISPLAY "TEST BUILD"
       >>END-IF
      $IF BUILD-TAG DEFINED
           DISPLAY "TAG DEFINED"
      $ELSE
           DISPLAY "NO TAG"
      $END
       >>D DISPLAY "ONLY WITH DEBUGGING LINES"
       >>SOURCE FORMAT IS FREE
           display site " " retries " " table-size *> free format now
           perform varying retries from 1 by 1 until retries > max-retry
               move "USED" to slot (function min (retries table-size))
           end-perform
>>SOURCE FORMAT IS FIXED
           OPEN OUTPUT AUDIT-FILE
           UNLOCK AUDIT-FILE
           UNLOCK AUDIT-FILE RECORD
           UNLOCK AUDIT-FILE RECORDS
           MOVE SITE TO AUDIT-REC
           WRITE AUDIT-REC
           COMMIT
           ROLLBACK
           IF AUDIT-STATUS = "00"
               COMMIT
           ELSE
               ROLLBACK
           END-IF
           CLOSE AUDIT-FILE
           READY TRACE
           EXHIBIT NAMED SITE RETRIES
           EXHIBIT "SLOTS" SLOT-TABLE
           EXHIBIT CHANGED NAMED AUDIT-STATUS
           RESET TRACE
           ALLOCATE AREA-SIZE CHARACTERS RETURNING WORK-PTR
           SET ADDRESS OF WORK-AREA TO WORK-PTR
           ALLOCATE AREA-SIZE CHARACTERS RETURNING WORK-PTR
           ALLOCATE 32 CHARACTERS INITIALIZED RETURNING WORK-PTR
           FREE WORK-PTR
           VALIDATE SLOT-TABLE
           STOP RUN.
