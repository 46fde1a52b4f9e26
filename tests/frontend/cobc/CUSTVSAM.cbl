000010 IDENTIFICATION DIVISION.                                         CUSTVSAM
000020 PROGRAM-ID. CUSTVSAM.                                            CUSTVSAM
000030 AUTHOR. M. OKONKWO.                                              CUSTVSAM
000040 REMARKS. CUSTOMER MASTER MAINTENANCE AGAINST THE KSDS.           CUSTVSAM
000050          ADD / CHANGE / DELETE BY PRIMARY KEY, BROWSE BY NAME    CUSTVSAM
000060          USING THE ALTERNATE INDEX.                              CUSTVSAM
000070 ENVIRONMENT DIVISION.                                            CUSTVSAM
000080 CONFIGURATION SECTION.                                           CUSTVSAM
000090 SOURCE-COMPUTER. IBM-3090.                                       CUSTVSAM
000100 OBJECT-COMPUTER. IBM-3090.                                       CUSTVSAM
000110 INPUT-OUTPUT SECTION.                                            CUSTVSAM
000120 FILE-CONTROL.                                                    CUSTVSAM
000130     SELECT CUST-MASTER                                           CUSTVSAM
000140         ASSIGN TO CUSTKSDS                                       CUSTVSAM
000150         ORGANIZATION IS INDEXED                                  CUSTVSAM
000160         ACCESS MODE IS DYNAMIC                                   CUSTVSAM
000170         RECORD KEY IS CM-KEY                                     CUSTVSAM
000180         ALTERNATE RECORD KEY IS CM-NAME WITH DUPLICATES          CUSTVSAM
000190         FILE STATUS IS WS-CM-STATUS WS-CM-VSAM-FB.               CUSTVSAM
000200     SELECT MAINT-CARDS                                           CUSTVSAM
000210         ASSIGN TO SYSIN-CARDS                                    CUSTVSAM
000220         ORGANIZATION LINE SEQUENTIAL.                            CUSTVSAM
000230 I-O-CONTROL.                                                     CUSTVSAM
000240     APPLY WRITE-ONLY ON MAINT-CARDS.                             CUSTVSAM
000250 DATA DIVISION.                                                   CUSTVSAM
000260 FILE SECTION.                                                    CUSTVSAM
000270 FD  CUST-MASTER                                                  CUSTVSAM
000280     RECORD IS VARYING IN SIZE FROM 119 TO 167 CHARACTERS         CUSTVSAM
000290         DEPENDING ON WS-REC-LEN.                                 CUSTVSAM
000300     COPY CUSTREC REPLACING LEADING ==CUST-== BY ==CM-==.         CUSTVSAM
000310 FD  MAINT-CARDS.                                                 CUSTVSAM
000320 01  MAINT-CARD.                                                  CUSTVSAM
000330     05  MC-FUNCTION             PIC X.                           CUSTVSAM
000340         88  MC-ADD                  VALUE 'A'.                   CUSTVSAM
000350         88  MC-CHANGE               VALUE 'C'.                   CUSTVSAM
000360         88  MC-DELETE               VALUE 'D'.                   CUSTVSAM
000370         88  MC-BROWSE               VALUE 'B'.                   CUSTVSAM
000380     05  MC-KEY.                                                  CUSTVSAM
000390         10  MC-REGION           PIC XX.                          CUSTVSAM
000400         10  MC-ID               PIC 9(8).                        CUSTVSAM
000410     05  MC-NAME                 PIC X(30).                       CUSTVSAM
000420     05  MC-CREDIT-LIMIT         PIC 9(7)V99.                     CUSTVSAM
000430     05  FILLER                  PIC X(30).                       CUSTVSAM
000440 WORKING-STORAGE SECTION.                                         CUSTVSAM
000450 01  WS-CM-STATUS.                                                CUSTVSAM
000460     05  WS-CM-STAT-1            PIC X.                           CUSTVSAM
000470     05  WS-CM-STAT-2            PIC X.                           CUSTVSAM
000480 01  WS-CM-STATUS-X REDEFINES WS-CM-STATUS PIC XX.                CUSTVSAM
000490     88  CM-OK                       VALUE '00' '02'.             CUSTVSAM
000500     88  CM-DUP-ALT                  VALUE '02'.                  CUSTVSAM
000510     88  CM-NOT-FOUND                VALUE '23'.                  CUSTVSAM
000520     88  CM-DUP-KEY                  VALUE '22'.                  CUSTVSAM
000530     88  CM-END-OF-FILE              VALUE '10'.                  CUSTVSAM
000540 01  WS-CM-VSAM-FB.                                               CUSTVSAM
000550     05  WS-VSAM-RETURN-CODE     PIC S9(4) COMP-5.                CUSTVSAM
000560     05  WS-VSAM-FUNCTION-CODE   PIC S9(4) COMP-5.                CUSTVSAM
000570     05  WS-VSAM-FEEDBACK-CODE   PIC S9(4) COMP-5.                CUSTVSAM
000580 01  WS-REC-LEN                  PIC 9(4) COMP.                   CUSTVSAM
000590 01  WS-CARD-EOF                 PIC X VALUE 'N'.                 CUSTVSAM
000600     88  NO-MORE-CARDS               VALUE 'Y'.                   CUSTVSAM
000610 01  WS-BROWSE-NAME              PIC X(30).                       CUSTVSAM
000620 01  WS-BROWSE-COUNT             PIC 9(5) COMP-3.                 CUSTVSAM
000630 01  WS-ERRORS                   PIC 9(5) COMP-3 VALUE 0.         CUSTVSAM
000640 01  WS-DISPLAY-KEY.                                              CUSTVSAM
000650     05  WS-DK-REGION            PIC XX.                          CUSTVSAM
000660     05  FILLER                  PIC X VALUE '-'.                 CUSTVSAM
000670     05  WS-DK-ID                PIC 9(8).                        CUSTVSAM
000680 PROCEDURE DIVISION.                                              CUSTVSAM
000690 DECLARATIVES.                                                    CUSTVSAM
000700 CM-ERROR SECTION.                                                CUSTVSAM
000710     USE AFTER STANDARD ERROR PROCEDURE ON CUST-MASTER.           CUSTVSAM
000720 CM-ERROR-PARA.                                                   CUSTVSAM
000730     IF WS-CM-STAT-1 = '3' OR '9'                                 CUSTVSAM
000740         DISPLAY 'CUSTVSAM: I/O ERROR, STATUS '                   CUSTVSAM
000750                 WS-CM-STATUS ' VSAM ' WS-VSAM-RETURN-CODE        CUSTVSAM
000760                 '/' WS-VSAM-FUNCTION-CODE                        CUSTVSAM
000770                 '/' WS-VSAM-FEEDBACK-CODE                        CUSTVSAM
000780         MOVE 20 TO RETURN-CODE                                   CUSTVSAM
000790     END-IF.                                                      CUSTVSAM
000800 END DECLARATIVES.                                                CUSTVSAM

000810 MAIN SECTION.                                                    CUSTVSAM
000820 A000-START.                                                      CUSTVSAM
000830     OPEN I-O CUST-MASTER                                         CUSTVSAM
000840     IF NOT CM-OK                                                 CUSTVSAM
000850         DISPLAY 'CUSTVSAM: OPEN FAILED ' WS-CM-STATUS            CUSTVSAM
000860         GO TO A999-END                                           CUSTVSAM
000870     END-IF                                                       CUSTVSAM
000880     OPEN INPUT MAINT-CARDS                                       CUSTVSAM
000890     PERFORM B000-READ-CARD                                       CUSTVSAM
000900     PERFORM C000-APPLY-CARD THRU C000-EXIT                       CUSTVSAM
000910         WITH TEST BEFORE                                         CUSTVSAM
000920         UNTIL NO-MORE-CARDS                                      CUSTVSAM
000930     CLOSE CUST-MASTER MAINT-CARDS.                               CUSTVSAM
000940 A999-END.                                                        CUSTVSAM
000950     IF WS-ERRORS > 0                                             CUSTVSAM
000960         MOVE 8 TO RETURN-CODE                                    CUSTVSAM
000970     END-IF                                                       CUSTVSAM
000980     GOBACK.                                                      CUSTVSAM

000990 B000-READ-CARD.                                                  CUSTVSAM
001000     READ MAINT-CARDS                                             CUSTVSAM
001010         AT END SET NO-MORE-CARDS TO TRUE                         CUSTVSAM
001020     END-READ.                                                    CUSTVSAM

001030 C000-APPLY-CARD.                                                 CUSTVSAM
001040     MOVE MC-REGION TO WS-DK-REGION                               CUSTVSAM
001050     MOVE MC-ID     TO WS-DK-ID                                   CUSTVSAM
001060     EVALUATE TRUE                                                CUSTVSAM
001070       WHEN MC-ADD      PERFORM D100-ADD                          CUSTVSAM
001080       WHEN MC-CHANGE   PERFORM D200-CHANGE                       CUSTVSAM
001090       WHEN MC-DELETE   PERFORM D300-DELETE                       CUSTVSAM
001100       WHEN MC-BROWSE   PERFORM D400-BROWSE                       CUSTVSAM
001110       WHEN OTHER                                                 CUSTVSAM
001120            DISPLAY 'CUSTVSAM: BAD FUNCTION CODE ' MC-FUNCTION    CUSTVSAM
001130            ADD 1 TO WS-ERRORS                                    CUSTVSAM
001140     END-EVALUATE.                                                CUSTVSAM
001150     PERFORM B000-READ-CARD.                                      CUSTVSAM
001160 C000-EXIT.                                                       CUSTVSAM
001170     EXIT.                                                        CUSTVSAM

001180 D100-ADD.                                                        CUSTVSAM
001190     INITIALIZE CM-RECORD                                         CUSTVSAM
001200     MOVE MC-KEY          TO CM-KEY                               CUSTVSAM
001210     MOVE MC-NAME         TO CM-NAME                              CUSTVSAM
001220     MOVE MC-CREDIT-LIMIT TO CM-CREDIT-LIMIT                      CUSTVSAM
001230     MOVE ZERO            TO CM-BALANCE CM-PHONE-COUNT            CUSTVSAM
001240     SET CM-GOOD          TO TRUE                                 CUSTVSAM
001250     COMPUTE WS-REC-LEN = LENGTH OF CM-RECORD                     CUSTVSAM
001260     WRITE CM-RECORD                                              CUSTVSAM
001270         INVALID KEY                                              CUSTVSAM
001280             DISPLAY 'CUSTVSAM: ' WS-DISPLAY-KEY ' ALREADY EXISTS'CUSTVSAM
001290             ADD 1 TO WS-ERRORS                                   CUSTVSAM
001300         NOT INVALID KEY                                          CUSTVSAM
001310             IF CM-DUP-ALT                                        CUSTVSAM
001320                 DISPLAY 'CUSTVSAM: ' WS-DISPLAY-KEY              CUSTVSAM
001330                         ' ADDED (NAME IS NOT UNIQUE)'            CUSTVSAM
001340             END-IF                                               CUSTVSAM
001350     END-WRITE.                                                   CUSTVSAM

001360 D200-CHANGE.                                                     CUSTVSAM
001370     MOVE MC-KEY TO CM-KEY                                        CUSTVSAM
001380     READ CUST-MASTER RECORD                                      CUSTVSAM
001390         KEY IS CM-KEY                                            CUSTVSAM
001400         INVALID KEY                                              CUSTVSAM
001410             DISPLAY 'CUSTVSAM: ' WS-DISPLAY-KEY ' NOT FOUND'     CUSTVSAM
001420             ADD 1 TO WS-ERRORS                                   CUSTVSAM
001430         NOT INVALID KEY                                          CUSTVSAM
001440             IF MC-NAME NOT = SPACES                              CUSTVSAM
001450                 MOVE MC-NAME TO CM-NAME                          CUSTVSAM
001460             END-IF                                               CUSTVSAM
001470             IF MC-CREDIT-LIMIT IS NUMERIC                        CUSTVSAM
001480                AND MC-CREDIT-LIMIT > ZERO                        CUSTVSAM
001490                 MOVE MC-CREDIT-LIMIT TO CM-CREDIT-LIMIT          CUSTVSAM
001500             END-IF                                               CUSTVSAM
001510             REWRITE CM-RECORD                                    CUSTVSAM
001520                 INVALID KEY                                      CUSTVSAM
001530                     ADD 1 TO WS-ERRORS                           CUSTVSAM
001540             END-REWRITE                                          CUSTVSAM
001550     END-READ.                                                    CUSTVSAM

001560 D300-DELETE.                                                     CUSTVSAM
001570     MOVE MC-KEY TO CM-KEY                                        CUSTVSAM
001580     DELETE CUST-MASTER RECORD                                    CUSTVSAM
001590         INVALID KEY                                              CUSTVSAM
001600             DISPLAY 'CUSTVSAM: ' WS-DISPLAY-KEY ' NOT FOUND'     CUSTVSAM
001610             ADD 1 TO WS-ERRORS                                   CUSTVSAM
001620     END-DELETE.                                                  CUSTVSAM

001630 D400-BROWSE.                                                     CUSTVSAM
001640     MOVE MC-NAME TO WS-BROWSE-NAME CM-NAME                       CUSTVSAM
001650     MOVE ZERO TO WS-BROWSE-COUNT                                 CUSTVSAM
001660     START CUST-MASTER KEY IS NOT LESS THAN CM-NAME               CUSTVSAM
001670         INVALID KEY                                              CUSTVSAM
001680             DISPLAY 'CUSTVSAM: NO CUSTOMER NAMED ' WS-BROWSE-NAMECUSTVSAM
001690             GO TO D400-EXIT                                      CUSTVSAM
001700     END-START                                                    CUSTVSAM
001710     PERFORM UNTIL CM-END-OF-FILE                                 CUSTVSAM
001720         READ CUST-MASTER NEXT RECORD                             CUSTVSAM
001730             AT END                                               CUSTVSAM
001740                 CONTINUE                                         CUSTVSAM
001750             NOT AT END                                           CUSTVSAM
001760                 IF CM-NAME NOT = WS-BROWSE-NAME                  CUSTVSAM
001770                     MOVE '10' TO WS-CM-STATUS-X                  CUSTVSAM
001780                 ELSE                                             CUSTVSAM
001790                     ADD 1 TO WS-BROWSE-COUNT                     CUSTVSAM
001800                     DISPLAY CM-REGION '-' CM-ID ' ' CM-NAME      CUSTVSAM
001810                 END-IF                                           CUSTVSAM
001820         END-READ                                                 CUSTVSAM
001830     END-PERFORM                                                  CUSTVSAM
001840     DISPLAY 'CUSTVSAM: ' WS-BROWSE-COUNT ' CUSTOMERS LISTED'.    CUSTVSAM
001850 D400-EXIT.                                                       CUSTVSAM
001860     EXIT.                                                        CUSTVSAM
001870 D500-POSITION-BY-KEY.                                            CUSTVSAM
001880     MOVE LOW-VALUES TO CM-KEY                                    CUSTVSAM
001890     START CUST-MASTER KEY >= CM-KEY                              CUSTVSAM
001900     READ CUST-MASTER PREVIOUS RECORD                             CUSTVSAM
001910         AT END CONTINUE                                          CUSTVSAM
001920     END-READ.                                                    CUSTVSAM
