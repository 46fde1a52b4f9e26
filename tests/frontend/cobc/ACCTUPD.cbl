000100 IDENTIFICATION DIVISION.                                         ACCTUPD
000200 PROGRAM-ID.    ACCTUPD.                                          ACCTUPD
000300 AUTHOR.        J. HOLLOWAY, DATA PROCESSING DEPT.                ACCTUPD
000400 INSTALLATION.  CENTRAL DATA CENTRE - NIGHTLY BATCH.              ACCTUPD
000500 DATE-WRITTEN.  MARCH 14, 1989.                                   ACCTUPD
000600 DATE-COMPILED.                                                   ACCTUPD
000700 SECURITY.      INTERNAL USE ONLY. NOT FOR DISTRIBUTION           ACCTUPD
000800                OUTSIDE THE ACCOUNTING DEPARTMENT.                ACCTUPD
000900***************************************************************** ACCTUPD
001000*  ACCTUPD - APPLIES SORTED DAILY TRANSACTIONS TO THE ACCOUNT   * ACCTUPD
001100*  MASTER (SEQUENTIAL OLD MASTER IN, NEW MASTER OUT).            *ACCTUPD
001200*                                                               * ACCTUPD
001300*  CHANGE LOG                                                   * ACCTUPD
001400*    03/14/89  JH    ORIGINAL                                   * ACCTUPD
001500*    11/02/96  RKT   CLOSE-ACCOUNT TRANSACTION                  * ACCTUPD
001600*    01/08/99  Y2K   DATES EXPANDED TO CCYYMMDD                 * ACCTUPD
001700***************************************************************** ACCTUPD
001800 ENVIRONMENT DIVISION.                                            ACCTUPD
001900 CONFIGURATION SECTION.                                           ACCTUPD
002000 SOURCE-COMPUTER.  IBM-370 WITH DEBUGGING MODE.                   ACCTUPD
002100 OBJECT-COMPUTER.  IBM-370.                                       ACCTUPD
002200 SPECIAL-NAMES.                                                   ACCTUPD
002300     C01 IS TOP-OF-FORM.                                          ACCTUPD
002400 INPUT-OUTPUT SECTION.                                            ACCTUPD
002500 FILE-CONTROL.                                                    ACCTUPD
002600     SELECT OLD-MASTER   ASSIGN TO OLDMAST                        ACCTUPD
002700                         ORGANIZATION IS SEQUENTIAL               ACCTUPD
002800                         ACCESS MODE IS SEQUENTIAL                ACCTUPD
002900                         FILE STATUS IS WS-OLDMAST-STATUS.        ACCTUPD
003000     SELECT TRANS-FILE   ASSIGN TO TRANSIN                        ACCTUPD
003100                         FILE STATUS IS WS-TRANS-STATUS.          ACCTUPD
003200     SELECT NEW-MASTER   ASSIGN TO NEWMAST                        ACCTUPD
003300                         FILE STATUS IS WS-NEWMAST-STATUS.        ACCTUPD
003400     SELECT ERROR-REPORT ASSIGN TO ERRRPT.                        ACCTUPD
003500/                                                                 ACCTUPD
003600 DATA DIVISION.                                                   ACCTUPD
003700 FILE SECTION.                                                    ACCTUPD
003800 FD  OLD-MASTER                                                   ACCTUPD
003900     RECORDING MODE IS F                                          ACCTUPD
004000     BLOCK CONTAINS 0 RECORDS                                     ACCTUPD
004100     LABEL RECORDS ARE STANDARD                                   ACCTUPD
004200     RECORD CONTAINS 120 CHARACTERS                               ACCTUPD
004300     DATA RECORD IS OLD-MASTER-REC.                               ACCTUPD
004400 01  OLD-MASTER-REC              PIC X(120).                      ACCTUPD
004500 FD  TRANS-FILE                                                   ACCTUPD
004600     RECORDING MODE IS F                                          ACCTUPD
004700     LABEL RECORDS ARE STANDARD.                                  ACCTUPD
004800     COPY TRANREC.                                                ACCTUPD
004900 FD  NEW-MASTER                                                   ACCTUPD
005000     RECORDING MODE IS F                                          ACCTUPD
005100     BLOCK CONTAINS 0 RECORDS                                     ACCTUPD
005200     LABEL RECORDS ARE STANDARD.                                  ACCTUPD
005300     COPY ACCTREC REPLACING ==:TAG:== BY ==NM==.                  ACCTUPD
005400 FD  ERROR-REPORT                                                 ACCTUPD
005500     LABEL RECORDS ARE OMITTED.                                   ACCTUPD
005600 01  ERROR-LINE                  PIC X(133).                      ACCTUPD
005700/                                                                 ACCTUPD
005800 WORKING-STORAGE SECTION.                                         ACCTUPD
005900 01  FILLER                      PIC X(32)                        ACCTUPD
006000                     VALUE '*** ACCTUPD WORKING STORAGE **'.      ACCTUPD
006100 01  WS-FILE-STATUSES.                                            ACCTUPD
006200     05  WS-OLDMAST-STATUS       PIC XX.                          ACCTUPD
006300         88  OLDMAST-OK              VALUE '00'.                  ACCTUPD
006400         88  OLDMAST-AT-END          VALUE '10'.                  ACCTUPD
006500     05  WS-TRANS-STATUS         PIC XX.                          ACCTUPD
006600         88  TRANS-OK                VALUE '00'.                  ACCTUPD
006700     05  WS-NEWMAST-STATUS       PIC XX.                          ACCTUPD
006800 01  WS-SWITCHES.                                                 ACCTUPD
006900     05  WS-MASTER-EOF-SW        PIC X         VALUE 'N'.         ACCTUPD
007000         88  MASTER-EOF                        VALUE 'Y'.         ACCTUPD
007100     05  WS-TRANS-EOF-SW         PIC X         VALUE 'N'.         ACCTUPD
007200         88  TRANS-EOF                         VALUE 'Y'.         ACCTUPD
007300         88  TRANS-NOT-EOF                     VALUE 'N'.         ACCTUPD
007400 01  WS-COUNTERS                 COMP-3.                          ACCTUPD
007500     05  WS-MASTERS-READ         PIC S9(7)     VALUE ZERO.        ACCTUPD
007600     05  WS-TRANS-READ           PIC S9(7)     VALUE ZERO.        ACCTUPD
007700     05  WS-TRANS-APPLIED        PIC S9(7)     VALUE ZERO.        ACCTUPD
007800     05  WS-TRANS-REJECTED       PIC S9(7)     VALUE ZERO.        ACCTUPD
007900     05  WS-MASTERS-WRITTEN      PIC S9(7)     VALUE ZERO.        ACCTUPD
008000 77  WS-HIGH-KEY                 PIC X(10)     VALUE HIGH-VALUES. ACCTUPD
008100 77  WS-REJECT-LIMIT             PIC 9(4) COMP VALUE 500.         ACCTUPD
008200     COPY ACCTREC REPLACING ==:TAG:== BY ==WS-MAST==.             ACCTUPD
008300 01  WS-ERROR-DETAIL.                                             ACCTUPD
008400     05  FILLER                  PIC X         VALUE SPACE.       ACCTUPD
008500     05  ED-ACCOUNT              PIC X(10).                       ACCTUPD
008600     05  FILLER                  PIC XX        VALUE SPACES.      ACCTUPD
008700     05  ED-TYPE                 PIC X.                           ACCTUPD
008800     05  FILLER                  PIC XX        VALUE SPACES.      ACCTUPD
008900     05  ED-MESSAGE              PIC X(80).                       ACCTUPD
009000     05  FILLER                  PIC X(37)     VALUE SPACES.      ACCTUPD
009100 01  WS-MESSAGES.                                                 ACCTUPD
009200     05  WS-MSG-NOT-FOUND   PIC X(80)  VALUE 'REJECTED: ACCOUNT NUACCTUPD
009300-    'MBER IS NOT ON THE MASTER FILE - CHECK THE SOURCE DOCUMENT'.ACCTUPD
009400     05  WS-MSG-DUPLICATE   PIC X(80)  VALUE "ADD REJECTED: ACCOUNACCTUPD
009500-    "T ALREADY EXISTS ON THE MASTER".                            ACCTUPD
009600     05  WS-MSG-BAD-TYPE         PIC X(40)     VALUE 'INVALID T   Y2K-0199
009700-    'RANSACTION TYPE'.                                           ACCTUPD
009800     05  WS-MSG-LIMIT   PIC X(130) VALUE 'REJECT LIMIT REACHED: THACCTUPD
009900-    'E RUN IS ABANDONED. CORRECT THE TRANSACTION FILE AND RESTARTACCTUPD
010000-    ' THE JOB FROM STEP ACCTUPD'.                                ACCTUPD
010100     05  WS-MSG-OVERDRAWN        PIC X(40)     VALUE              ACCTUPD
010200         'WITHDRAWAL EXCEEDS AVAILABLE BALANCE'.                  ACCTUPD
010300 01  WS-RUN-DATE.                                                 ACCTUPD
010400     05  WS-RUN-CCYY             PIC 9(4).                        ACCTUPD
010500     05  WS-RUN-MM               PIC 99.                          ACCTUPD
010600     05  WS-RUN-DD               PIC 99.                          ACCTUPD
010700 01  WS-RUN-DATE-N REDEFINES WS-RUN-DATE                          ACCTUPD
010800                                 PIC 9(8).                        ACCTUPD
010900/                                                                 ACCTUPD
011000 PROCEDURE DIVISION.                                              ACCTUPD
011100***************************************************************** ACCTUPD
011200*    0000 - MAINLINE                                            * ACCTUPD
011300***************************************************************** ACCTUPD
011400 0000-MAINLINE.                                                   ACCTUPD
011500     PERFORM 1000-INITIALIZE THRU 1000-EXIT.                      ACCTUPD
011600     PERFORM 2000-PROCESS THRU 2000-EXIT                          ACCTUPD
011700         UNTIL MASTER-EOF                                         ACCTUPD
011800           AND TRANS-EOF.                                         ACCTUPD
011900     PERFORM 9000-TERMINATE THRU 9000-EXIT.                       ACCTUPD
012000     STOP RUN.                                                    ACCTUPD
012100 1000-INITIALIZE.                                                 ACCTUPD
012200     OPEN INPUT  OLD-MASTER                                       ACCTUPD
012300                 TRANS-FILE                                       ACCTUPD
012400          OUTPUT NEW-MASTER                                       ACCTUPD
012500                 ERROR-REPORT.                                    ACCTUPD
012600     IF NOT OLDMAST-OK                                            ACCTUPD
012700         DISPLAY 'ACCTUPD - OPEN FAILED FOR OLDMAST, STATUS = '   ACCTUPD
012800                 WS-OLDMAST-STATUS                                ACCTUPD
012900         MOVE 16 TO RETURN-CODE                                   ACCTUPD
013000         STOP RUN.                                                ACCTUPD
013100D    DISPLAY 'ACCTUPD - FILES OPENED'.                            ACCTUPD
013200     ACCEPT WS-RUN-DATE FROM DATE YYYYMMDD.                       ACCTUPD
013300     PERFORM 8000-READ-MASTER.                                    ACCTUPD
013400     PERFORM 8100-READ-TRANS.                                     ACCTUPD
013500 1000-EXIT.                                                       ACCTUPD
013600     EXIT.                                                        ACCTUPD
013700/                                                                 ACCTUPD
013800 2000-PROCESS.                                                    ACCTUPD
013900     IF WS-MAST-ACCT-NO < TR-ACCT-NO                              ACCTUPD
014000         PERFORM 3000-COPY-MASTER                                 ACCTUPD
014100         GO TO 2000-EXIT.                                         ACCTUPD
014200     IF WS-MAST-ACCT-NO = TR-ACCT-NO                              ACCTUPD
014300*        KEYS MATCH: THE TRANSACTION UPDATES THIS MASTER          ACCTUPD
014400         IF TR-ADD-ACCOUNT                                        ACCTUPD
014500             MOVE TR-ACCT-NO       TO ED-ACCOUNT                  ACCTUPD
014600             MOVE TR-TYPE          TO ED-TYPE                     ACCTUPD
014700             MOVE WS-MSG-DUPLICATE TO ED-MESSAGE                  ACCTUPD
014800             PERFORM 8500-WRITE-ERROR                             ACCTUPD
014900         ELSE                                                     ACCTUPD
015000             PERFORM 4000-APPLY-TRANS                             ACCTUPD
015100         END-IF                                                   ACCTUPD
015200         PERFORM 8100-READ-TRANS                                  ACCTUPD
015300     ELSE                                                         ACCTUPD
015400         IF TR-ADD-ACCOUNT                                        ACCTUPD
015500             PERFORM 5000-ADD-ACCOUNT                             ACCTUPD
015600         ELSE                                                     ACCTUPD
015700             MOVE TR-ACCT-NO      TO ED-ACCOUNT                   ACCTUPD
015800             MOVE TR-TYPE         TO ED-TYPE                      ACCTUPD
015900             MOVE WS-MSG-NOT-FOUND                                ACCTUPD
016000                                  TO ED-MESSAGE                   ACCTUPD
016100             PERFORM 8500-WRITE-ERROR.                            ACCTUPD
016200     IF WS-MAST-ACCT-NO > TR-ACCT-NO                              ACCTUPD
016300         PERFORM 8100-READ-TRANS.                                 ACCTUPD
016400 2000-EXIT.                                                       ACCTUPD
016500     EXIT.                                                        ACCTUPD
016600/                                                                 ACCTUPD
016700 3000-COPY-MASTER.                                                ACCTUPD
016800     WRITE NM-RECORD FROM WS-MAST-RECORD.                         ACCTUPD
016900     ADD 1 TO WS-MASTERS-WRITTEN.                                 ACCTUPD
017000     PERFORM 8000-READ-MASTER.                                    ACCTUPD
017100 4000-APPLY-TRANS.                                                ACCTUPD
017200     EVALUATE TRUE                                                ACCTUPD
017300         WHEN TR-DEPOSIT                                          ACCTUPD
017400             ADD TR-AMOUNT TO WS-MAST-BALANCE                     ACCTUPD
017500                 ON SIZE ERROR                                    ACCTUPD
017600                     MOVE 'DEPOSIT OVERFLOW' TO ED-MESSAGE        ACCTUPD
017700                     PERFORM 8500-WRITE-ERROR                     ACCTUPD
017800                 NOT ON SIZE ERROR                                ACCTUPD
017900                     ADD 1 TO WS-TRANS-APPLIED                    ACCTUPD
018000             END-ADD                                              ACCTUPD
018100         WHEN TR-WITHDRAWAL                                       ACCTUPD
018200             IF TR-AMOUNT > WS-MAST-BALANCE                       ACCTUPD
018300                 MOVE WS-MSG-OVERDRAWN TO ED-MESSAGE              ACCTUPD
018400                 PERFORM 8500-WRITE-ERROR                         ACCTUPD
018500             ELSE                                                 ACCTUPD
018600                 COMPUTE WS-MAST-BALANCE ROUNDED =                ACCTUPD
018700*                        CURRENT BALANCE LESS THE AMOUNT          ACCTUPD
018800                         WS-MAST-BALANCE                          ACCTUPD
018900D                        - 0                                      ACCTUPD
019000                         - TR-AMOUNT                              ACCTUPD
019100                 ADD 1 TO WS-TRANS-APPLIED                        ACCTUPD
019200             END-IF                                               ACCTUPD
019300         WHEN TR-CLOSE-ACCOUNT                                    RKT'9611
019400             SET WS-MAST-CLOSED TO TRUE                           RKT'9611
019500             ADD 1 TO WS-TRANS-APPLIED                            RKT9611
019600         WHEN OTHER                                               ACCTUPD
019700             MOVE WS-MSG-BAD-TYPE TO ED-MESSAGE                   ACCTUPD
019800             PERFORM 8500-WRITE-ERROR                             ACCTUPD
019900     END-EVALUATE.                                                ACCTUPD
020000     MOVE TR-DATE TO WS-MAST-LAST-ACTIVITY.                       ACCTUPD
020100     ADD 1 TO WS-MAST-TRANS-COUNT.                                ACCTUPD
020200 5000-ADD-ACCOUNT.                                                ACCTUPD
020300     INITIALIZE NM-RECORD.                                        ACCTUPD
020400     MOVE TR-ACCT-NO   TO NM-ACCT-NO.                             ACCTUPD
020500     MOVE TR-NAME      TO NM-NAME.                                ACCTUPD
020600     MOVE TR-BRANCH    TO NM-BRANCH.                              ACCTUPD
020700     SET NM-ACTIVE     TO TRUE.                                   ACCTUPD
020800     MOVE TR-DATE      TO NM-OPEN-DATE  NM-LAST-ACTIVITY.         ACCTUPD
020900     MOVE TR-AMOUNT    TO NM-BALANCE.                             ACCTUPD
021000     MOVE 1            TO NM-TRANS-COUNT.                         ACCTUPD
021100     WRITE NM-RECORD.                                             ACCTUPD
021200     ADD 1 TO WS-MASTERS-WRITTEN WS-TRANS-APPLIED.                ACCTUPD
021300     PERFORM 8100-READ-TRANS.                                     ACCTUPD
021400/                                                                 ACCTUPD
021500 8000-READ-MASTER.                                                ACCTUPD
021600     READ OLD-MASTER INTO WS-MAST-RECORD                          ACCTUPD
021700         AT END                                                   ACCTUPD
021800             SET MASTER-EOF TO TRUE                               ACCTUPD
021900             MOVE WS-HIGH-KEY TO WS-MAST-ACCT-NO.                 ACCTUPD
022000     IF NOT MASTER-EOF                                            ACCTUPD
022100         ADD 1 TO WS-MASTERS-READ.                                ACCTUPD
022200 8100-READ-TRANS.                                                 ACCTUPD
022300     READ TRANS-FILE                                              ACCTUPD
022400         AT END                                                   ACCTUPD
022500             MOVE 'Y' TO WS-TRANS-EOF-SW                          ACCTUPD
022600             MOVE WS-HIGH-KEY TO TR-ACCT-NO                       ACCTUPD
022700         NOT AT END                                               ACCTUPD
022800             ADD 1 TO WS-TRANS-READ                               ACCTUPD
022900             IF NOT TR-VALID-TYPE                                 Y2K-0199
023000                 MOVE TR-ACCT-NO TO ED-ACCOUNT                    Y2K-0199
023100                 MOVE TR-TYPE TO ED-TYPE                          Y2K-0199
023200                 MOVE WS-MSG-BAD-TYPE TO ED-MESSAGE               ACCTUPD
023300                 PERFORM 8500-WRITE-ERROR                         ACCTUPD
023400                 GO TO 8100-READ-TRANS                            ACCTUPD
023500             END-IF                                               ACCTUPD
023600     END-READ.                                                    ACCTUPD
023700 8500-WRITE-ERROR.                                                ACCTUPD
023800     WRITE ERROR-LINE FROM WS-ERROR-DETAIL                        ACCTUPD
023900         AFTER ADVANCING 1 LINE.                                  ACCTUPD
024000     ADD 1 TO WS-TRANS-REJECTED.                                  ACCTUPD
024100     IF WS-TRANS-REJECTED > WS-REJECT-LIMIT                       ACCTUPD
024200         DISPLAY WS-MSG-LIMIT                                     ACCTUPD
024300         MOVE 12 TO RETURN-CODE                                   ACCTUPD
024400         PERFORM 9000-TERMINATE THRU 9000-EXIT                    ACCTUPD
024500         STOP RUN                                                 ACCTUPD
024600     END-IF.                                                      ACCTUPD
024700/                                                                 ACCTUPD
024800 9000-TERMINATE.                                                  ACCTUPD
024900     CLOSE OLD-MASTER TRANS-FILE NEW-MASTER                       ACCTUPD
025000           ERROR-REPORT.                                          ACCTUPD
025100     DISPLAY 'ACCTUPD  MASTERS READ     ' WS-MASTERS-READ.        ACCTUPD
025200     DISPLAY 'ACCTUPD  TRANS READ       ' WS-TRANS-READ.          ACCTUPD
025300     DISPLAY 'ACCTUPD  TRANS APPLIED    ' WS-TRANS-APPLIED.       ACCTUPD
025400     DISPLAY 'ACCTUPD  TRANS REJECTED   ' WS-TRANS-REJECTED.      ACCTUPD
025500     DISPLAY 'ACCTUPD  MASTERS WRITTEN  ' WS-MASTERS-WRITTEN.     ACCTUPD
025600     IF WS-TRANS-REJECTED > ZERO AND RETURN-CODE = ZERO           ACCTUPD
025700         MOVE 4 TO RETURN-CODE.                                   ACCTUPD
025800 9000-EXIT.                                                       ACCTUPD
025900     EXIT.                                                        ACCTUPD
