CL0010 IDENTIFICATION DIVISION.                                         SORTCLM
CL0020 PROGRAM-ID.  SORTCLM.                                            SORTCLM
CL0030*---------------------------------------------------------------  SORTCLM
CL0040*  INSURANCE CLAIMS EXTRACT.                                      SORTCLM
CL0050*  1. SORT THE DAY'S CLAIMS BY POLICY / CLAIM DATE, DROPPING      SORTCLM
CL0060*     WITHDRAWN CLAIMS IN THE INPUT PROCEDURE.                    SORTCLM
CL0070*  2. SUMMARISE PER POLICY IN THE OUTPUT PROCEDURE.               SORTCLM
CL0080*  3. MERGE TODAY'S SUMMARY WITH THE HISTORY FILE.                SORTCLM
CL0090*---------------------------------------------------------------  SORTCLM
CL0100 ENVIRONMENT DIVISION.                                            SORTCLM
CL0110 INPUT-OUTPUT SECTION.                                            SORTCLM
CL0120 FILE-CONTROL.                                                    SORTCLM
CL0130     SELECT CLAIMS-IN    ASSIGN TO CLAIMSIN.                      SORTCLM
CL0140     SELECT SORT-WORK    ASSIGN TO SORTWK01.                      SORTCLM
CL0150     SELECT SUMMARY-OUT  ASSIGN TO SUMMOUT.                       SORTCLM
CL0160     SELECT HISTORY-IN   ASSIGN TO HISTIN.                        SORTCLM
CL0170     SELECT MERGE-WORK   ASSIGN TO SORTWK02.                      SORTCLM
CL0180     SELECT HISTORY-OUT  ASSIGN TO HISTOUT.                       SORTCLM
CL0190 DATA DIVISION.                                                   SORTCLM
CL0200 FILE SECTION.                                                    SORTCLM
CL0210 FD  CLAIMS-IN                                                    SORTCLM
CL0220     BLOCK CONTAINS 0 RECORDS                                     SORTCLM
CL0230     RECORD CONTAINS 100 CHARACTERS.                              SORTCLM
CL0240 01  CLAIM-IN-REC.                                                SORTCLM
CL0250     05  CI-POLICY-NO            PIC X(10).                       SORTCLM
CL0260     05  CI-CLAIM-NO             PIC X(12).                       SORTCLM
CL0270     05  CI-CLAIM-DATE           PIC 9(8).                        SORTCLM
CL0280     05  CI-STATUS               PIC X.                           SORTCLM
CL0290         88  CI-WITHDRAWN            VALUE 'W'.                   SORTCLM
CL0300         88  CI-OPEN                 VALUE 'O' 'R'.               SORTCLM
CL0310     05  CI-AMOUNT               PIC S9(9)V99 COMP-3.             SORTCLM
CL0320     05  CI-CAUSE-CODE           PIC X(4).                        SORTCLM
CL0330     05  FILLER                  PIC X(59).                       SORTCLM
CL0340 SD  SORT-WORK                                                    SORTCLM
CL0350     DATA RECORD IS SORT-REC.                                     SORTCLM
CL0360 01  SORT-REC.                                                    SORTCLM
CL0370     05  SR-POLICY-NO            PIC X(10).                       SORTCLM
CL0380     05  SR-CLAIM-DATE           PIC 9(8).                        SORTCLM
CL0390     05  SR-CLAIM-NO             PIC X(12).                       SORTCLM
CL0400     05  SR-AMOUNT               PIC S9(9)V99 COMP-3.             SORTCLM
CL0410     05  SR-CAUSE-CODE           PIC X(4).                        SORTCLM
CL0420 FD  SUMMARY-OUT.                                                 SORTCLM
CL0430 01  SUMMARY-REC.                                                 SORTCLM
CL0440     05  SM-POLICY-NO            PIC X(10).                       SORTCLM
CL0450     05  SM-CLAIM-COUNT          PIC 9(5).                        SORTCLM
CL0460     05  SM-TOTAL-AMOUNT         PIC S9(11)V99.                   SORTCLM
CL0470     05  SM-FIRST-DATE           PIC 9(8).                        SORTCLM
CL0480     05  SM-LAST-DATE            PIC 9(8).                        SORTCLM
CL0490 FD  HISTORY-IN.                                                  SORTCLM
CL0500 01  HISTORY-IN-REC              PIC X(44).                       SORTCLM
CL0510 SD  MERGE-WORK.                                                  SORTCLM
CL0520 01  MERGE-REC.                                                   SORTCLM
CL0530     05  MR-POLICY-NO            PIC X(10).                       SORTCLM
CL0540     05  FILLER                  PIC X(18).                       SORTCLM
CL0550     05  MR-FIRST-DATE           PIC 9(8).                        SORTCLM
CL0560     05  FILLER                  PIC X(8).                        SORTCLM
CL0570 FD  HISTORY-OUT.                                                 SORTCLM
CL0580 01  HISTORY-OUT-REC             PIC X(44).                       SORTCLM
CL0590 WORKING-STORAGE SECTION.                                         SORTCLM
CL0600 01  WS-SWITCHES.                                                 SORTCLM
CL0610     05  WS-IN-EOF               PIC X VALUE 'N'.                 SORTCLM
CL0620     05  WS-SORT-EOF             PIC X VALUE 'N'.                 SORTCLM
CL0630 01  WS-COUNTS.                                                   SORTCLM
CL0640     05  WS-RELEASED             PIC 9(7) COMP VALUE 0.           SORTCLM
CL0650     05  WS-DROPPED              PIC 9(7) COMP VALUE 0.           SORTCLM
CL0660     05  WS-POLICIES             PIC 9(7) COMP VALUE 0.           SORTCLM
CL0670 01  WS-CURRENT                  PIC X(10) VALUE LOW-VALUES.      SORTCLM
CL0680 01  WS-SUMMARY-WORK.                                             SORTCLM
CL0690     05  WS-COUNT                PIC 9(5).                        SORTCLM
CL0700     05  WS-TOTAL                PIC S9(11)V99.                   SORTCLM
CL0710     05  WS-FIRST                PIC 9(8).                        SORTCLM
CL0720     05  WS-LAST                 PIC 9(8).                        SORTCLM
CL0730 PROCEDURE DIVISION.                                              SORTCLM
CL0740 0000-MAIN SECTION.                                               SORTCLM
CL0750     SORT SORT-WORK                                               SORTCLM
CL0760         ON ASCENDING KEY SR-POLICY-NO                            SORTCLM
CL0770         ON ASCENDING KEY SR-CLAIM-DATE                           SORTCLM
CL0780            DESCENDING KEY SR-AMOUNT                              SORTCLM
CL0790         WITH DUPLICATES IN ORDER                                 SORTCLM
CL0800         INPUT PROCEDURE IS 1000-SELECT-CLAIMS                    SORTCLM
CL0810                       THRU 1999-SELECT-EXIT                      SORTCLM
CL0820         OUTPUT PROCEDURE 2000-SUMMARISE                          SORTCLM
CL0830     IF SORT-RETURN NOT = ZERO                                    SORTCLM
CL0840         DISPLAY 'SORTCLM: SORT FAILED, RC ' SORT-RETURN          SORTCLM
CL0850         MOVE 16 TO RETURN-CODE                                   SORTCLM
CL0860         STOP RUN                                                 SORTCLM
CL0870     END-IF                                                       SORTCLM
CL0880     MERGE MERGE-WORK                                             SORTCLM
CL0890         ON ASCENDING KEY MR-POLICY-NO                            SORTCLM
CL0900            DESCENDING KEY MR-FIRST-DATE                          SORTCLM
CL0910         USING HISTORY-IN SUMMARY-OUT                             SORTCLM
CL0920         GIVING HISTORY-OUT                                       SORTCLM
CL0930     DISPLAY 'SORTCLM: RELEASED ' WS-RELEASED                     SORTCLM
CL0940             ', DROPPED ' WS-DROPPED                              SORTCLM
CL0950             ', POLICIES ' WS-POLICIES                            SORTCLM
CL0960     STOP RUN.                                                    SORTCLM

CL0970 1000-SELECT-CLAIMS SECTION.                                      SORTCLM
CL0980 1010-OPEN.                                                       SORTCLM
CL0990     OPEN INPUT CLAIMS-IN.                                        SORTCLM
CL1000 1020-READ.                                                       SORTCLM
CL1010     READ CLAIMS-IN                                               SORTCLM
CL1020         AT END MOVE 'Y' TO WS-IN-EOF                             SORTCLM
CL1030                GO TO 1090-CLOSE.                                 SORTCLM
CL1040     IF CI-WITHDRAWN                                              SORTCLM
CL1050         ADD 1 TO WS-DROPPED                                      SORTCLM
CL1060         GO TO 1020-READ.                                         SORTCLM
CL1070     MOVE CI-POLICY-NO   TO SR-POLICY-NO                          SORTCLM
CL1080     MOVE CI-CLAIM-DATE  TO SR-CLAIM-DATE                         SORTCLM
CL1090     MOVE CI-CLAIM-NO    TO SR-CLAIM-NO                           SORTCLM
CL1100     MOVE CI-AMOUNT      TO SR-AMOUNT                             SORTCLM
CL1110     MOVE CI-CAUSE-CODE  TO SR-CAUSE-CODE                         SORTCLM
CL1120     RELEASE SORT-REC                                             SORTCLM
CL1130     ADD 1 TO WS-RELEASED                                         SORTCLM
CL1140     GO TO 1020-READ.                                             SORTCLM
CL1150 1090-CLOSE.                                                      SORTCLM
CL1160     CLOSE CLAIMS-IN.                                             SORTCLM
CL1170 1999-SELECT-EXIT SECTION.                                        SORTCLM
CL1180 1999-EXIT.                                                       SORTCLM
CL1190     EXIT.                                                        SORTCLM

CL1200 2000-SUMMARISE SECTION.                                          SORTCLM
CL1210 2010-START.                                                      SORTCLM
CL1220     OPEN OUTPUT SUMMARY-OUT                                      SORTCLM
CL1230     PERFORM 2100-RETURN-ONE                                      SORTCLM
CL1240     PERFORM UNTIL WS-SORT-EOF = 'Y'                              SORTCLM
CL1250         MOVE SR-POLICY-NO  TO WS-CURRENT                         SORTCLM
CL1260         MOVE ZERO          TO WS-COUNT WS-TOTAL                  SORTCLM
CL1270         MOVE SR-CLAIM-DATE TO WS-FIRST                           SORTCLM
CL1280         PERFORM UNTIL WS-SORT-EOF = 'Y'                          SORTCLM
CL1290                    OR SR-POLICY-NO NOT = WS-CURRENT              SORTCLM
CL1300             ADD 1          TO WS-COUNT                           SORTCLM
CL1310             ADD SR-AMOUNT  TO WS-TOTAL                           SORTCLM
CL1320             MOVE SR-CLAIM-DATE TO WS-LAST                        SORTCLM
CL1330             PERFORM 2100-RETURN-ONE                              SORTCLM
CL1340         END-PERFORM                                              SORTCLM
CL1350         PERFORM 2200-WRITE-SUMMARY                               SORTCLM
CL1360     END-PERFORM                                                  SORTCLM
CL1370     CLOSE SUMMARY-OUT                                            SORTCLM
CL1380     GO TO 2999-EXIT.                                             SORTCLM
CL1390 2100-RETURN-ONE.                                                 SORTCLM
CL1400     RETURN SORT-WORK RECORD                                      SORTCLM
CL1410         AT END                                                   SORTCLM
CL1420             MOVE 'Y' TO WS-SORT-EOF                              SORTCLM
CL1430     END-RETURN.                                                  SORTCLM
CL1440 2200-WRITE-SUMMARY.                                              SORTCLM
CL1450     MOVE WS-CURRENT TO SM-POLICY-NO                              SORTCLM
CL1460     MOVE WS-COUNT   TO SM-CLAIM-COUNT                            SORTCLM
CL1470     MOVE WS-TOTAL   TO SM-TOTAL-AMOUNT                           SORTCLM
CL1480     MOVE WS-FIRST   TO SM-FIRST-DATE                             SORTCLM
CL1490     MOVE WS-LAST    TO SM-LAST-DATE                              SORTCLM
CL1500     WRITE SUMMARY-REC                                            SORTCLM
CL1510     ADD 1 TO WS-POLICIES.                                        SORTCLM
CL1520 2999-EXIT.                                                       SORTCLM
CL1530     EXIT.                                                        SORTCLM
