       IDENTIFICATION DIVISION.
       PROGRAM-ID.    SORTEMP.
      *================================================================*
      * SORTEMP - SORT AND MERGE                                       *
      *   1. SORT USING EMPLOYEES GIVING BYDEPT.TXT                    *
      *      KEYS: DEPT ASCENDING, SALARY DESCENDING, ID ASCENDING     *
      *   2. SORT WITH INPUT PROCEDURE (VALIDATE, COMPUTE YEARS OF     *
      *      SERVICE, RELEASE) AND OUTPUT PROCEDURE (RETURN, WRITE     *
      *      SENIORITY.TXT), WITH DUPLICATES IN ORDER                  *
      *   3. MERGE JAN.TXT AND FEB.TXT (BOTH SORTED BY ID) GIVING      *
      *      MERGED.TXT                                                *
      * EMPLOYEE LINE: DEPT(3) ID(5) NAME(15) SALARY 9(6)V99 HIRED(8)  *
      *================================================================*
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT EMP-FILE     ASSIGN TO "EMPLOYEES"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS FS-EMP.
           SELECT BYDEPT-FILE  ASSIGN TO "BYDEPT.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL.
           SELECT SENIOR-FILE  ASSIGN TO "SENIORITY.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL.
           SELECT JAN-FILE     ASSIGN TO "JAN.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL.
           SELECT FEB-FILE     ASSIGN TO "FEB.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL.
           SELECT MERGED-FILE  ASSIGN TO "MERGED.TXT"
                               ORGANIZATION IS LINE SEQUENTIAL.
           SELECT SORT-WORK    ASSIGN TO "SORTWORK".
           SELECT SENIOR-WORK  ASSIGN TO "SENIORWORK".
           SELECT MERGE-WORK   ASSIGN TO "MERGEWORK".
       DATA DIVISION.
       FILE SECTION.
       FD  EMP-FILE.
       01  EMP-REC.
           05  EMP-DEPT                PIC X(3).
           05  EMP-ID                  PIC 9(5).
           05  EMP-NAME                PIC X(15).
           05  EMP-SALARY              PIC 9(6)V99.
           05  EMP-HIRED               PIC 9(8).
       FD  BYDEPT-FILE.
       01  BYDEPT-REC                  PIC X(39).
       FD  SENIOR-FILE.
       01  SENIOR-LINE                 PIC X(40).
       FD  JAN-FILE.
       01  JAN-REC                     PIC X(20).
       FD  FEB-FILE.
       01  FEB-REC                     PIC X(20).
       FD  MERGED-FILE.
       01  MERGED-REC                  PIC X(20).
       SD  SORT-WORK.
       01  SW-REC.
           05  SW-DEPT                 PIC X(3).
           05  SW-ID                   PIC 9(5).
           05  SW-NAME                 PIC X(15).
           05  SW-SALARY               PIC 9(6)V99.
           05  SW-HIRED                PIC 9(8).
       SD  SENIOR-WORK.
       01  SN-REC.
           05  SN-YEARS                PIC 99.
           05  SN-DEPT                 PIC X(3).
           05  SN-ID                   PIC 9(5).
           05  SN-NAME                 PIC X(15).
       SD  MERGE-WORK.
       01  MW-REC.
           05  MW-ID                   PIC 9(5).
           05  MW-REST                 PIC X(15).
       WORKING-STORAGE SECTION.
       01  FS-EMP                      PIC XX.
       01  WS-EOF                      PIC X.
           88  AT-EOF                            VALUE "Y".
       01  WS-RUN-DATE                 PIC 9(8)  VALUE 20260331.
       01  WS-YEARS                    PIC 99.
       01  CT-RELEASED                 PIC 99    VALUE ZERO.
       01  CT-SKIPPED                  PIC 99    VALUE ZERO.
       01  CT-RETURNED                 PIC 99    VALUE ZERO.
       01  WS-PREV-YEARS               PIC 99    VALUE 99.
       01  SENIOR-OUT.
           05  SO-YEARS                PIC Z9.
           05  FILLER                  PIC X(3)  VALUE " Y ".
           05  SO-DEPT                 PIC X(3).
           05  FILLER                  PIC X     VALUE SPACE.
           05  SO-ID                   PIC 9(5).
           05  FILLER                  PIC X     VALUE SPACE.
           05  SO-NAME                 PIC X(15).
           05  SO-MARK                 PIC X(2).
       PROCEDURE DIVISION.
       0000-MAIN.
           SORT SORT-WORK
               ON ASCENDING KEY SW-DEPT
               ON DESCENDING KEY SW-SALARY
               ON ASCENDING KEY SW-ID
               USING EMP-FILE
               GIVING BYDEPT-FILE
           DISPLAY "SORT 1 DONE, SORT-RETURN " SORT-RETURN
           SORT SENIOR-WORK
               ON DESCENDING KEY SN-YEARS
               ON ASCENDING KEY SN-DEPT
               WITH DUPLICATES IN ORDER
               INPUT PROCEDURE IS 1000-SELECT-EMPLOYEES
               OUTPUT PROCEDURE IS 2000-LIST-SENIORITY
           DISPLAY "SORT 2 RELEASED " CT-RELEASED " SKIPPED "
                   CT-SKIPPED " RETURNED " CT-RETURNED
           MERGE MERGE-WORK
               ON ASCENDING KEY MW-ID
               USING JAN-FILE FEB-FILE
               GIVING MERGED-FILE
           DISPLAY "MERGE DONE, SORT-RETURN " SORT-RETURN
           STOP RUN.
       1000-SELECT-EMPLOYEES SECTION.
       1000-START.
           OPEN INPUT EMP-FILE
           MOVE "N" TO WS-EOF
           PERFORM UNTIL AT-EOF
               READ EMP-FILE
                   AT END SET AT-EOF TO TRUE
                   NOT AT END PERFORM 1100-CHECK-AND-RELEASE
               END-READ
           END-PERFORM
           CLOSE EMP-FILE.
       1100-CHECK-AND-RELEASE SECTION.
       1100-START.
           IF EMP-SALARY IS NOT NUMERIC OR EMP-HIRED IS NOT NUMERIC
               ADD 1 TO CT-SKIPPED
               DISPLAY "SKIP [" EMP-REC "]"
           ELSE
               COMPUTE WS-YEARS = (WS-RUN-DATE - EMP-HIRED) / 10000
               MOVE WS-YEARS TO SN-YEARS
               MOVE EMP-DEPT TO SN-DEPT
               MOVE EMP-ID TO SN-ID
               MOVE EMP-NAME TO SN-NAME
               RELEASE SN-REC
               ADD 1 TO CT-RELEASED
           END-IF.
       2000-LIST-SENIORITY SECTION.
       2000-START.
           OPEN OUTPUT SENIOR-FILE
           MOVE "N" TO WS-EOF
           PERFORM UNTIL AT-EOF
               RETURN SENIOR-WORK
                   AT END SET AT-EOF TO TRUE
                   NOT AT END PERFORM 2100-WRITE-LINE
               END-RETURN
           END-PERFORM
           CLOSE SENIOR-FILE.
       2100-WRITE-LINE SECTION.
       2100-START.
           ADD 1 TO CT-RETURNED
           MOVE SN-YEARS TO SO-YEARS
           MOVE SN-DEPT TO SO-DEPT
           MOVE SN-ID TO SO-ID
           MOVE SN-NAME TO SO-NAME
           MOVE SPACES TO SO-MARK
           IF SN-YEARS = WS-PREV-YEARS
               MOVE " =" TO SO-MARK
           END-IF
           MOVE SN-YEARS TO WS-PREV-YEARS
           WRITE SENIOR-LINE FROM SENIOR-OUT
           DISPLAY "SENIORITY " SENIOR-OUT.
