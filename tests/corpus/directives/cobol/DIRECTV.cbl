      *> Compiler-directing statements and the GnuCOBOL statements
      *> UNLOCK, COMMIT, ROLLBACK, EXHIBIT, READY / RESET TRACE.
      *> TAXMODE and REGION come from ferry.toml [defines] (cobc -D).
       >>DEFINE CONSTANT MAX-ITEMS AS 4
       >>DEFINE CONSTANT SHOP-NAME AS "FERRY STORES"
       >>DEFINE TAXMODE AS PARAMETER
       >>SET CONSTANT UNIT-LABEL "UNITS"
       >>DEFINE VERBOSE AS 1
       >>DEFINE QUIET AS 1
       >>DEFINE QUIET AS OFF
       >>TURN EC-ALL CHECKING OFF
       IDENTIFICATION DIVISION.
       PROGRAM-ID. DIRECTV.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT LOG-FILE ASSIGN TO "DIRLOG.TXT"
               ORGANIZATION LINE SEQUENTIAL
               FILE STATUS IS LOG-STATUS.
           SELECT OLD-FILE ASSIGN TO "NOSUCH.TXT"
               ORGANIZATION LINE SEQUENTIAL
               FILE STATUS IS OLD-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD LOG-FILE.
       01 LOG-REC                PIC X(40).
       FD OLD-FILE.
       01 OLD-REC                PIC X(40).
       WORKING-STORAGE SECTION.
       01 LOG-STATUS             PIC XX.
       01 OLD-STATUS             PIC XX.
       01 IN-LINE                PIC X(20).
       01 Item-Count             PIC 9(2) VALUE 0.
       01 ITEM-TABLE.
          05 ITEM-ENTRY OCCURS MAX-ITEMS.
             10 ITEM-CODE        PIC X(6).
             10 ITEM-QTY         PIC 9(3).
       01 IX                     PIC 9(2).
       01 Cur-Code               PIC X(6).
       01 Cur-Qty                PIC 9(3).
       01 Total-Qty              PIC 9(5) VALUE 0.
       01 TAX-RATE               PIC 9V99.
       01 TAX-DUE                PIC 9(5)V99.
       01 REGION-NAME            PIC X(8).
       01 LINE-LIMIT             PIC 9(2) VALUE MAX-ITEMS.
       >>PAGE
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY SHOP-NAME " (" LINE-LIMIT " LINES)"
       >>IF TAXMODE IS DEFINED
           DISPLAY "TAX MODE GIVEN"
       >>ELSE
           DISPLAY "TAX MODE MISSING"
       >>END-IF
       >>IF TAXMODE = 1
           MOVE 0.05 TO TAX-RATE
       >>ELIF TAXMODE IS GREATER THAN OR EQUAL TO 2
           MOVE 0.10 TO TAX-RATE
       >>ELSE
           MOVE 0 TO TAX-RATE
       >>END-IF
       >>IF REGION IS DEFINED
       >>IF REGION = "north"
           MOVE "NORTH" TO REGION-NAME
       >>ELSE
           MOVE "OTHER" TO REGION-NAME
       >>END-IF
       >>ELSE
           MOVE "NONE" TO REGION-NAME
       >>END-IF
       >>IF QUIET IS NOT DEFINED
           EXHIBIT NAMED TAX-RATE REGION-NAME
       >>END-IF
           PERFORM READ-ITEMS
           PERFORM SHOW-ITEMS
           PERFORM FILE-WORK
           STOP RUN.
       READ-ITEMS.
           PERFORM UNTIL Item-Count >= MAX-ITEMS
               MOVE SPACES TO IN-LINE
               ACCEPT IN-LINE
               IF IN-LINE = SPACES
                   EXIT PERFORM
               END-IF
               ADD 1 TO Item-Count
               MOVE IN-LINE(1:6) TO ITEM-CODE(Item-Count)
               MOVE IN-LINE(8:3) TO ITEM-QTY(Item-Count)
           END-PERFORM.
       SHOW-ITEMS.
           PERFORM VARYING IX FROM 1 BY 1 UNTIL IX > Item-Count
               MOVE ITEM-CODE(IX) TO Cur-Code
               MOVE ITEM-QTY(IX) TO Cur-Qty
               ADD Cur-Qty TO Total-Qty
       >>IF VERBOSE IS DEFINED
               EXHIBIT "LINE" IX CUR-CODE cur-qty UNIT-LABEL
       >>ELSE
               DISPLAY "NOT VERBOSE"
       >>END-IF
           END-PERFORM
           COMPUTE TAX-DUE = TOTAL-QTY * TAX-RATE
           EXHIBIT TOTAL-QTY TAX-DUE 42
       >>D DISPLAY "DEBUGGING LINE: NOT COMPILED"
           .
       FILE-WORK.
           OPEN INPUT OLD-FILE
           DISPLAY "OLD OPEN " OLD-STATUS
           UNLOCK OLD-FILE
           DISPLAY "OLD UNLOCK " OLD-STATUS
           OPEN OUTPUT LOG-FILE
           MOVE "99" TO LOG-STATUS
           UNLOCK LOG-FILE RECORDS
           DISPLAY "LOG UNLOCK " LOG-STATUS
           MOVE SHOP-NAME TO LOG-REC
           WRITE LOG-REC
           MOVE "77" TO LOG-STATUS
           COMMIT
           DISPLAY "COMMIT " LOG-STATUS
           MOVE Total-Qty TO LOG-REC
           WRITE LOG-REC
           ROLLBACK
           DISPLAY "ROLLBACK " LOG-STATUS
           RESET TRACE
           READY TRACE
           UNLOCK LOG-FILE RECORD
           CLOSE LOG-FILE
           DISPLAY "CLOSED " LOG-STATUS.
