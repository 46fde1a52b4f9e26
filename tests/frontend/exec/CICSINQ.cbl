000100 IDENTIFICATION DIVISION.                                         CICSINQ
000200 PROGRAM-ID. CICSINQ.                                             CICSINQ
000300*===============================================================* CICSINQ
000400*  TRANSACTION CINQ - CUSTOMER BALANCE INQUIRY (PSEUDO-CONV.)    *CICSINQ
000500*  FIRST TIME IN: SEND EMPTY MAP.  THEN: RECEIVE, READ CUSTMAS,  *CICSINQ
000600*  SEND DATA ONLY.  PF3 ENDS, CLEAR RESENDS.                     *CICSINQ
000700*===============================================================* CICSINQ
000800 ENVIRONMENT DIVISION.                                            CICSINQ
000900 DATA DIVISION.                                                   CICSINQ
001000 WORKING-STORAGE SECTION.                                         CICSINQ
001100 01  WS-START         PIC X(16) VALUE 'CICSINQ WS START'.         CICSINQ
001200 01  WS-RESP                     PIC S9(8) COMP.                  CICSINQ
001300 01  WS-RESP2                    PIC S9(8) COMP.                  CICSINQ
001400 01  WS-ABS-TIME                 PIC S9(15) COMP-3.               CICSINQ
001500 01  WS-TODAY                    PIC X(10).                       CICSINQ
001600 01  WS-COMMAREA.                                                 CICSINQ
001700     05  CA-STATE                PIC X.                           CICSINQ
001800         88  CA-MAP-SENT             VALUE 'M'.                   CICSINQ
001900     05  CA-LAST-CUSTNO          PIC X(8).                        CICSINQ
002000 01  WS-CUSTMAS-REC.                                              CICSINQ
002100     05  CM-CUSTNO               PIC X(8).                        CICSINQ
002200     05  CM-NAME                 PIC X(30).                       CICSINQ
002300     05  CM-BALANCE              PIC S9(9)V99 COMP-3.             CICSINQ
002400     05  FILLER                  PIC X(56).                       CICSINQ
002500 01  WS-END-MESSAGE              PIC X(40)                        CICSINQ
002600                                 VALUE 'CINQ ENDED. THANK YOU.'.  CICSINQ
002700     COPY AIDKEYS.                                                CICSINQ
002800     COPY CINQMAP.                                                CICSINQ
002900 LINKAGE SECTION.                                                 CICSINQ
003000 01  DFHCOMMAREA                 PIC X(9).                        CICSINQ
003100 PROCEDURE DIVISION.                                              CICSINQ
003200 0000-MAIN.                                                       CICSINQ
003300     MOVE EIBAID TO AK-AID                                        CICSINQ
003400     EXEC CICS HANDLE CONDITION                                   CICSINQ
003500               MAPFAIL(8000-MAPFAIL)                              CICSINQ
003600               ERROR(9000-ERROR)                                  CICSINQ
003700     END-EXEC.                                                    CICSINQ
003800     IF EIBCALEN = 0                                              CICSINQ
003900         PERFORM 1000-FIRST-TIME                                  CICSINQ
004000     ELSE                                                         CICSINQ
004100         MOVE DFHCOMMAREA TO WS-COMMAREA                          CICSINQ
004200         EVALUATE TRUE                                            CICSINQ
004300             WHEN AK-PF3                                          CICSINQ
004400                 EXEC CICS SEND TEXT FROM(WS-END-MESSAGE)         CICSINQ
004500                           LENGTH(LENGTH OF WS-END-MESSAGE)       CICSINQ
004600                           ERASE FREEKB                           CICSINQ
004700                 END-EXEC                                         CICSINQ
004800                 EXEC CICS RETURN END-EXEC                        CICSINQ
004900             WHEN AK-CLEAR                                        CICSINQ
005000                 PERFORM 1000-FIRST-TIME                          CICSINQ
005100             WHEN AK-ENTER                                        CICSINQ
005200                 PERFORM 2000-INQUIRE                             CICSINQ
005300             WHEN OTHER                                           CICSINQ
005400                 MOVE 'PRESS ENTER, CLEAR OR PF3' TO MSGO         CICSINQ
005500                 PERFORM 3000-SEND-DATAONLY                       CICSINQ
005600         END-EVALUATE                                             CICSINQ
005700     END-IF                                                       CICSINQ
005800     EXEC CICS RETURN TRANSID('CINQ')                             CICSINQ
005900               COMMAREA(WS-COMMAREA)                              CICSINQ
006000               LENGTH(9)                                          CICSINQ
006100     END-EXEC.                                                    CICSINQ
006200     GOBACK.                                                      CICSINQ

006300 1000-FIRST-TIME.                                                 CICSINQ
006400     MOVE LOW-VALUES TO CINQMAPO                                  CICSINQ
006500     EXEC CICS ASKTIME ABSTIME(WS-ABS-TIME) END-EXEC              CICSINQ
006600     EXEC CICS FORMATTIME ABSTIME(WS-ABS-TIME)                    CICSINQ
006700               DDMMYYYY(WS-TODAY) DATESEP('/')                    CICSINQ
006800     END-EXEC                                                     CICSINQ
006900     STRING 'TODAY IS ' WS-TODAY DELIMITED BY SIZE INTO MSGO      CICSINQ
007000     EXEC CICS SEND MAP('CINQMAP')                                CICSINQ
007100                    MAPSET('CINQSET')                             CICSINQ
007200                    FROM(CINQMAPO)                                CICSINQ
007300                    ERASE                                         CICSINQ
007400     END-EXEC                                                     CICSINQ
007500     SET CA-MAP-SENT TO TRUE.                                     CICSINQ

007600 2000-INQUIRE.                                                    CICSINQ
007700     EXEC CICS RECEIVE MAP('CINQMAP') MAPSET('CINQSET')           CICSINQ
007800                       INTO(CINQMAPI)                             CICSINQ
007900     END-EXEC                                                     CICSINQ
008000     IF CUSTNOL = ZERO OR CUSTNOI = SPACES                        CICSINQ
008100         MOVE 'ENTER A CUSTOMER NUMBER' TO MSGO                   CICSINQ
008200         MOVE -1 TO CUSTNOL                                       CICSINQ
008300     ELSE                                                         CICSINQ
008400         EXEC CICS READ DATASET('CUSTMAS')                        CICSINQ
008500                        INTO(WS-CUSTMAS-REC)                      CICSINQ
008600                        RIDFLD(CUSTNOI)                           CICSINQ
008700*                       NO UPDATE INTENT: INQUIRY ONLY            CICSINQ
008800                        RESP(WS-RESP) RESP2(WS-RESP2)             CICSINQ
008900         END-EXEC                                                 CICSINQ
009000         EVALUATE WS-RESP                                         CICSINQ
009100             WHEN DFHRESP(NORMAL)                                 CICSINQ
009200                 MOVE CM-NAME    TO NAMEO                         CICSINQ
009300                 MOVE CM-BALANCE TO BALO                          CICSINQ
009400                 MOVE SPACES     TO MSGO                          CICSINQ
009500                 MOVE CUSTNOI    TO CA-LAST-CUSTNO                CICSINQ
009600             WHEN DFHRESP(NOTFND)                                 CICSINQ
009700                 MOVE SPACES TO NAMEO                             CICSINQ
009800                 MOVE 'CUSTOMER NOT ON FILE' TO MSGO              CICSINQ
009900             WHEN OTHER                                           CICSINQ
010000                 STRING 'READ FAILED, RESP2 = ' WS-RESP2          CICSINQ
010100                     DELIMITED BY SIZE INTO MSGO                  CICSINQ
010200         END-EVALUATE                                             CICSINQ
010300     END-IF                                                       CICSINQ
010400     PERFORM 3000-SEND-DATAONLY.                                  CICSINQ

010500 3000-SEND-DATAONLY.                                              CICSINQ
010600     EXEC CICS SEND MAP('CINQMAP') MAPSET('CINQSET')              CICSINQ
010700                    FROM(CINQMAPO) DATAONLY CURSOR                CICSINQ
010800     END-EXEC.                                                    CICSINQ

010900 8000-MAPFAIL.                                                    CICSINQ
011000     PERFORM 1000-FIRST-TIME                                      CICSINQ
011100     EXEC CICS RETURN TRANSID(EIBTRNID) COMMAREA(WS-COMMAREA)     CICSINQ
011200     END-EXEC.                                                    CICSINQ

011300 9000-ERROR.                                                      CICSINQ
011400     EXEC CICS ABEND ABCODE('CINQ') NODUMP END-EXEC.              CICSINQ
