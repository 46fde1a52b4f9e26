000100 IDENTIFICATION DIVISION.                                         DB2MAINT
000200 PROGRAM-ID. DB2MAINT.                                            DB2MAINT
000300*    ACCOUNT MAINTENANCE AGAINST DB2 FROM A CARD FILE:            DB2MAINT
000400*    SINGLETON SELECT WITH NULL INDICATOR, UPDATE, INSERT, DELETE,DB2MAINT
000500*    DYNAMIC SQL FOR THE AUDIT TABLE, SQLCODE HANDLING.           DB2MAINT
000600 ENVIRONMENT DIVISION.                                            DB2MAINT
000700 INPUT-OUTPUT SECTION.                                            DB2MAINT
000800 FILE-CONTROL.                                                    DB2MAINT
000900     SELECT MAINT-IN ASSIGN TO MAINTIN                            DB2MAINT
001000            ORGANIZATION IS SEQUENTIAL.                           DB2MAINT
001100 DATA DIVISION.                                                   DB2MAINT
001200 FILE SECTION.                                                    DB2MAINT
001300 FD  MAINT-IN                                                     DB2MAINT
001400     RECORDING MODE IS F.                                         DB2MAINT
001500 01  MAINT-CARD.                                                  DB2MAINT
001600     05  MC-ACTION               PIC X.                           DB2MAINT
001700     05  MC-ACCT-ID              PIC X(10).                       DB2MAINT
001800     05  MC-BRANCH               PIC 9(4).                        DB2MAINT
001900     05  MC-NAME                 PIC X(40).                       DB2MAINT
002000     05  MC-AMOUNT               PIC S9(9)V99                     DB2MAINT
002100                                 SIGN TRAILING SEPARATE.          DB2MAINT
002200     05  FILLER                  PIC X(13).                       DB2MAINT
002300 WORKING-STORAGE SECTION.                                         DB2MAINT
002400     EXEC SQL                                                     DB2MAINT
002500          INCLUDE SQLCA                                           DB2MAINT
002600     END-EXEC.                                                    DB2MAINT
002700     COPY DCLACCT.                                                DB2MAINT
002800     EXEC SQL BEGIN DECLARE SECTION END-EXEC.                     DB2MAINT
002900 01  HV-LAST-ACTIVITY-IND        PIC S9(4) COMP-5.                DB2MAINT
003000 01  HV-AMOUNT                   PIC S9(11)V99 COMP-3.            DB2MAINT
003100 01  HV-AUDIT-STMT.                                               DB2MAINT
003200     49  HV-AUDIT-STMT-LEN       PIC S9(4) COMP-5.                DB2MAINT
003300     49  HV-AUDIT-STMT-TEXT      PIC X(200).                      DB2MAINT
003400     EXEC SQL END DECLARE SECTION END-EXEC.                       DB2MAINT
003500 01  WS-EOF                      PIC X VALUE 'N'.                 DB2MAINT
003600 01  WS-SQLCODE                  PIC -(9)9.                       DB2MAINT
003700 01  WS-COUNTS.                                                   DB2MAINT
003800     05  WS-UPDATED              PIC 9(5) VALUE 0.                DB2MAINT
003900     05  WS-INSERTED             PIC 9(5) VALUE 0.                DB2MAINT
004000     05  WS-DELETED              PIC 9(5) VALUE 0.                DB2MAINT
004100     05  WS-FAILED               PIC 9(5) VALUE 0.                DB2MAINT
004200 PROCEDURE DIVISION.                                              DB2MAINT
004300 A000-MAIN.                                                       DB2MAINT
004400     OPEN INPUT MAINT-IN                                          DB2MAINT
004500     MOVE 'INSERT INTO ACCT_AUDIT (ACCT_ID, NOTE) VALUES (?, ?)'  DB2MAINT
004600       TO HV-AUDIT-STMT-TEXT                                      DB2MAINT
004700     MOVE 52 TO HV-AUDIT-STMT-LEN                                 DB2MAINT
004800     EXEC SQL                                                     DB2MAINT
004900        PREPARE AUDIT_STMT FROM :HV-AUDIT-STMT                    DB2MAINT
005000     END-EXEC                                                     DB2MAINT
005100     IF SQLCODE NOT = 0                                           DB2MAINT
005200         PERFORM Z900-SQL-ERROR                                   DB2MAINT
005300         GO TO A999-EXIT.                                         DB2MAINT
005400     PERFORM B000-READ                                            DB2MAINT
005500     PERFORM C000-PROCESS UNTIL WS-EOF = 'Y'                      DB2MAINT
005600     EXEC SQL COMMIT END-EXEC.                                    DB2MAINT
005700 A999-EXIT.                                                       DB2MAINT
005800     CLOSE MAINT-IN                                               DB2MAINT
005900     DISPLAY 'DB2MAINT UPDATED ' WS-UPDATED                       DB2MAINT
006000             ' INSERTED ' WS-INSERTED                             DB2MAINT
006100             ' DELETED ' WS-DELETED ' FAILED ' WS-FAILED          DB2MAINT
006200     GOBACK.                                                      DB2MAINT

006300 B000-READ.                                                       DB2MAINT
006400     READ MAINT-IN AT END MOVE 'Y' TO WS-EOF END-READ.            DB2MAINT

006500 C000-PROCESS.                                                    DB2MAINT
006600     MOVE MC-ACCT-ID TO ACCT-ID                                   DB2MAINT
006700     EVALUATE MC-ACTION                                           DB2MAINT
006800         WHEN 'U'                                                 DB2MAINT
006900             PERFORM D100-UPDATE                                  DB2MAINT
007000         WHEN 'I'                                                 DB2MAINT
007100             PERFORM D200-INSERT                                  DB2MAINT
007200         WHEN 'D'                                                 DB2MAINT
007300             EXEC SQL                                             DB2MAINT
007400                 DELETE FROM ACCOUNT                              DB2MAINT
007500                  WHERE ACCT_ID = :DCLACCOUNT.ACCT-ID             DB2MAINT
007600                    AND STATUS = 'C'    -- ONLY CLOSED ACCOUNTS   DB2MAINT
007700             END-EXEC                                             DB2MAINT
007800             IF SQLCODE = 0 ADD 1 TO WS-DELETED                   DB2MAINT
007900             ELSE PERFORM Z900-SQL-ERROR                          DB2MAINT
008000             END-IF                                               DB2MAINT
008100         WHEN OTHER                                               DB2MAINT
008200             ADD 1 TO WS-FAILED                                   DB2MAINT
008300     END-EVALUATE                                                 DB2MAINT
008400     PERFORM B000-READ.                                           DB2MAINT

008500 D100-UPDATE.                                                     DB2MAINT
008600     EXEC SQL                                                     DB2MAINT
008700         SELECT BALANCE, LAST_ACTIVITY                            DB2MAINT
008800           INTO :BALANCE, :LAST-ACTIVITY:HV-LAST-ACTIVITY-IND     DB2MAINT
008900           FROM ACCOUNT                                           DB2MAINT
009000          WHERE ACCT_ID = :ACCT-ID                                DB2MAINT
009100     END-EXEC                                                     DB2MAINT
009200     EVALUATE SQLCODE                                             DB2MAINT
009300         WHEN 0                                                   DB2MAINT
009400             COMPUTE HV-AMOUNT = BALANCE + MC-AMOUNT              DB2MAINT
009500             EXEC SQL                                             DB2MAINT
009600                 UPDATE ACCOUNT                                   DB2MAINT
009700                    SET BALANCE = :HV-AMOUNT,                     DB2MAINT
009800                        LAST_ACTIVITY = CURRENT DATE              DB2MAINT
009900                  WHERE ACCT_ID = :ACCT-ID                        DB2MAINT
010000             END-EXEC                                             DB2MAINT
010100             IF SQLCODE = 0                                       DB2MAINT
010200                 ADD 1 TO WS-UPDATED                              DB2MAINT
010300                 PERFORM E000-AUDIT                               DB2MAINT
010400             ELSE                                                 DB2MAINT
010500                 PERFORM Z900-SQL-ERROR                           DB2MAINT
010600             END-IF                                               DB2MAINT
010700         WHEN +100                                                DB2MAINT
010800             DISPLAY 'DB2MAINT: NO ACCOUNT ' MC-ACCT-ID           DB2MAINT
010900             ADD 1 TO WS-FAILED                                   DB2MAINT
011000         WHEN OTHER                                               DB2MAINT
011100             PERFORM Z900-SQL-ERROR                               DB2MAINT
011200     END-EVALUATE.                                                DB2MAINT

011300 D200-INSERT.                                                     DB2MAINT
011400     MOVE MC-BRANCH TO BRANCH-ID                                  DB2MAINT
011500     MOVE FUNCTION LENGTH (FUNCTION TRIM (MC-NAME TRAILING))      DB2MAINT
011600       TO HOLDER-NAME-LEN                                         DB2MAINT
011700     MOVE MC-NAME TO HOLDER-NAME-TEXT                             DB2MAINT
011800     MOVE MC-AMOUNT TO BALANCE                                    DB2MAINT
011900     MOVE 'A' TO ACCT-STATUS                                      DB2MAINT
012000     MOVE -1 TO HV-LAST-ACTIVITY-IND                              DB2MAINT
012100     EXEC SQL                                                     DB2MAINT
012200         INSERT INTO ACCOUNT                                      DB2MAINT
012300                (ACCT_ID, BRANCH_ID, HOLDER_NAME, BALANCE,        DB2MAINT
012400                 LAST_ACTIVITY, STATUS)                           DB2MAINT
012500         VALUES (:ACCT-ID, :BRANCH-ID, :HOLDER-NAME, :BALANCE,    DB2MAINT
012600                 :LAST-ACTIVITY :HV-LAST-ACTIVITY-IND,            DB2MAINT
012700                 :ACCT-STATUS)                                    DB2MAINT
012800     END-EXEC                                                     DB2MAINT
012900     IF SQLCODE = -803                                            DB2MAINT
013000         DISPLAY 'DB2MAINT: DUPLICATE ACCOUNT ' MC-ACCT-ID        DB2MAINT
013100         ADD 1 TO WS-FAILED                                       DB2MAINT
013200     ELSE IF SQLCODE NOT = 0                                      DB2MAINT
013300         PERFORM Z900-SQL-ERROR                                   DB2MAINT
013400     ELSE                                                         DB2MAINT
013500         ADD 1 TO WS-INSERTED.                                    DB2MAINT

013600 E000-AUDIT.                                                      DB2MAINT
013700     EXEC SQL                                                     DB2MAINT
013800         EXECUTE AUDIT_STMT                                       DB2MAINT
013900           USING :ACCT-ID, 'BALANCE CHANGED; NOT AN END-EXEC'     DB2MAINT
014000     END-EXEC.                                                    DB2MAINT

014100 Z900-SQL-ERROR.                                                  DB2MAINT
014200     MOVE SQLCODE TO WS-SQLCODE                                   DB2MAINT
014300     DISPLAY 'DB2MAINT: SQLCODE ' WS-SQLCODE ' FOR ' MC-ACCT-ID   DB2MAINT
014400     ADD 1 TO WS-FAILED                                           DB2MAINT
014500     IF SQLCODE < -900                                            DB2MAINT
014600         EXEC SQL ROLLBACK END-EXEC                               DB2MAINT
014700         MOVE 16 TO RETURN-CODE                                   DB2MAINT
014800         STOP RUN                                                 DB2MAINT
014900     END-IF.                                                      DB2MAINT
