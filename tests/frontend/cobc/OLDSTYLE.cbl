000010 IDENTIFICATION DIVISION.                                         PAY0374
000020 PROGRAM-ID. OLDSTYLE.                                            PAY0374
000030 AUTHOR. B. KRAMER.                                               PAY0374
000040 DATE-WRITTEN. 1974.                                              PAY0374
000050 REMARKS. WEEKLY PIECE-RATE PAY. WRITTEN FOR THE 1974 COMPILER;   PAY0374
000060     NO SCOPE TERMINATORS, NUMBERED PARAGRAPHS, ALTERED SWITCH    PAY0374
000070     PARAGRAPH, SEGMENT NUMBERS ON SECTIONS.                      PAY0374
000080 ENVIRONMENT DIVISION.                                            PAY0374
000090 CONFIGURATION SECTION.                                           PAY0374
000100 SOURCE-COMPUTER. IBM-370.                                        PAY0374
000110 OBJECT-COMPUTER. IBM-370                                         PAY0374
000120     MEMORY SIZE 256000 CHARACTERS.                               PAY0374
000130 SPECIAL-NAMES.                                                   PAY0374
000140     C01 IS NEW-PAGE                                              PAY0374
000150     SWITCH-1 ON STATUS IS RERUN-REQUESTED                        PAY0374
000160              OFF STATUS IS NORMAL-RUN.                           PAY0374
000170 INPUT-OUTPUT SECTION.                                            PAY0374
000180 FILE-CONTROL.                                                    PAY0374
000190     SELECT TIME-CARDS ASSIGN TO UT-S-TIMECRD.                    PAY0374
000200     SELECT PAY-REGISTER ASSIGN TO UR-S-PRINTER.                  PAY0374
000210 DATA DIVISION.                                                   PAY0374
000220 FILE SECTION.                                                    PAY0374
000230 FD  TIME-CARDS                                                   PAY0374
000240     LABEL RECORDS ARE STANDARD                                   PAY0374
000250     BLOCK CONTAINS 20 RECORDS                                    PAY0374
000260     RECORD CONTAINS 80 CHARACTERS                                PAY0374
000270     DATA RECORD IS TIME-CARD.                                    PAY0374
000280 01  TIME-CARD.                                                   PAY0374
000290     02  TC-EMP-NO               PICTURE 9(6).                    PAY0374
000300     02  TC-DEPT                 PICTURE XX.                      PAY0374
000310     02  TC-PAY-CLASS            PICTURE 9.                       PAY0374
000320     02  TC-PIECES OCCURS 6 TIMES PICTURE 9(4).                   PAY0374
000330     02  TC-HOURS                PICTURE 99V9.                    PAY0374
000340     02  FILLER                  PICTURE X(44).                   PAY0374
000350 FD  PAY-REGISTER                                                 PAY0374
000360     LABEL RECORDS ARE OMITTED                                    PAY0374
000370     DATA RECORD IS REGISTER-LINE.                                PAY0374
000380 01  REGISTER-LINE               PICTURE X(133).                  PAY0374
000390 WORKING-STORAGE SECTION.                                         PAY0374
000400 77  CARD-COUNT                  PICTURE S9(5)    COMPUTATIONAL   PAY0374
000410                                 VALUE ZERO.                      PAY0374
000420 77  DAY-IX                      PICTURE S9(4)    COMP VALUE ZERO.PAY0374
000430 77  WEEK-PIECES                 PICTURE S9(6)    COMP-3 VALUE 0. PAY0374
000440 77  GROSS-PAY                   PICTURE S9(5)V99 COMP-3 VALUE 0. PAY0374
000450 77  RATE                        PICTURE S9V9(4)  COMP-3 VALUE 0. PAY0374
000460 77  END-SWITCH                  PICTURE X        VALUE 'N'.      PAY0374
000470 77  LINES-ON-PAGE               PICTURE 99       VALUE 99.       PAY0374
000480 01  PAY-DETAIL.                                                  PAY0374
000490     02  FILLER                  PICTURE X        VALUE SPACE.    PAY0374
000500     02  PD-EMP-NO               PICTURE 9(6).                    PAY0374
000510     02  FILLER                  PICTURE X(3)     VALUE SPACES.   PAY0374
000520     02  PD-DEPT                 PICTURE XX.                      PAY0374
000530     02  FILLER                  PICTURE X(3)     VALUE SPACES.   PAY0374
000540     02  PD-PIECES               PICTURE ZZZ,ZZ9.                 PAY0374
000550     02  FILLER                  PICTURE X(3)     VALUE SPACES.   PAY0374
000560     02  PD-GROSS                PICTURE $$,$$9.99.               PAY0374
000570     02  FILLER                  PICTURE X(3)     VALUE SPACES.   PAY0374
000580     02  PD-FLAG                 PICTURE X(10).                   PAY0374
000590 01  PAGE-HEADING.                                                PAY0374
000600     02  FILLER                  PICTURE X(40)                    PAY0374
000610             VALUE ' EMP NO  DEPT   PIECES       GROSS'.          PAY0374
000620 PROCEDURE DIVISION.                                              PAY0374
000630 0100-START SECTION.                                              PAY0374
000640 0110.                                                            PAY0374
000650     OPEN INPUT TIME-CARDS OUTPUT PAY-REGISTER.                   PAY0374
000660     IF RERUN-REQUESTED READY TRACE.                              PAY0374
000670     IF RERUN-REQUESTED                                           PAY0374
000680         DISPLAY 'OLDSTYLE - RERUN, REGISTER WILL BE REPRINTED'.  PAY0374
000690 0120.                                                            PAY0374
000700     READ TIME-CARDS AT END GO TO 0900.                           PAY0374
000710     ADD 1 TO CARD-COUNT.                                         PAY0374
000720     GO TO 0130.                                                  PAY0374
000730 0125.                                                            PAY0374
000740*    FIRST-TIME SWITCH: ALTERED TO 0140 AFTER THE FIRST CARD.     PAY0374
000750     GO TO.                                                       PAY0374
000760 0130.                                                            PAY0374
000770     ALTER 0125 TO PROCEED TO 0140.                               PAY0374
000780     MOVE ZERO TO WEEK-PIECES.                                    PAY0374
000790     PERFORM 0200 VARYING DAY-IX FROM 1 BY 1 UNTIL DAY-IX > 6.    PAY0374
000800     GO TO 0300-RATE 0310-RATE 0320-RATE                          PAY0374
000810         DEPENDING ON TC-PAY-CLASS.                               PAY0374
000820     MOVE 'BAD CLASS' TO PD-FLAG.                                 PAY0374
000830     MOVE ZERO TO GROSS-PAY.                                      PAY0374
000840     GO TO 0400.                                                  PAY0374
000850 0140.                                                            PAY0374
000860     GO TO 0130.                                                  PAY0374
000870 0200.                                                            PAY0374
000880     IF TC-PIECES (DAY-IX) NOT NUMERIC                            PAY0374
000890         NEXT SENTENCE                                            PAY0374
000900     ELSE                                                         PAY0374
000910         ADD TC-PIECES (DAY-IX) TO WEEK-PIECES.                   PAY0374
000920 0300-RATE.                                                       PAY0374
000930     MOVE .0850 TO RATE.                                          PAY0374
000940     GO TO 0350.                                                  PAY0374
000950 0310-RATE.                                                       PAY0374
000960     MOVE .1125 TO RATE.                                          PAY0374
000970     GO TO 0350.                                                  PAY0374
000980 0320-RATE.                                                       PAY0374
000990     MOVE .1400 TO RATE.                                          PAY0374
001000 0350.                                                            PAY0374
001010     MULTIPLY WEEK-PIECES BY RATE GIVING GROSS-PAY ROUNDED.       PAY0374
001020     IF TC-HOURS GREATER 40.0 AND TC-PAY-CLASS = 1 OR 2           PAY0374
001030         MULTIPLY 1.10 BY GROSS-PAY ROUNDED                       PAY0374
001040         MOVE 'OVERTIME' TO PD-FLAG                               PAY0374
001050     ELSE IF WEEK-PIECES LESS THAN 100 AND NOT = ZERO             PAY0374
001060         MOVE 'LOW OUTPUT' TO PD-FLAG                             PAY0374
001070     ELSE                                                         PAY0374
001080         MOVE SPACES TO PD-FLAG.                                  PAY0374
001090 0400.                                                            PAY0374
001100     TRANSFORM TC-DEPT FROM 'abcdefghijklmnopqrstuvwxyz'          PAY0374
001110                         TO 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.         PAY0374
001120*    MOVE TC-DEPT TO PD-FLAG                                      PAY0374
001130     .                                                            PAY0374
001140     IF LINES-ON-PAGE GREATER THAN 55                             PAY0374
001150         PERFORM 0800-NEW-PAGE.                                   PAY0374
001160     MOVE TC-EMP-NO TO PD-EMP-NO.                                 PAY0374
001170     MOVE TC-DEPT TO PD-DEPT.                                     PAY0374
001180     MOVE WEEK-PIECES TO PD-PIECES.                               PAY0374
001190     MOVE GROSS-PAY TO PD-GROSS.                                  PAY0374
001200     WRITE REGISTER-LINE FROM PAY-DETAIL AFTER ADVANCING 1 LINES. PAY0374
001210     ADD 1 TO LINES-ON-PAGE.                                      PAY0374
001220     GO TO 0120.                                                  PAY0374
001230 0800-NEW-PAGE SECTION 60.                                        PAY0374
001240 0810.                                                            PAY0374
001250     WRITE REGISTER-LINE FROM PAGE-HEADING AFTER NEW-PAGE.        PAY0374
001260     MOVE SPACES TO REGISTER-LINE.                                PAY0374
001270     WRITE REGISTER-LINE AFTER ADVANCING 2 LINES.                 PAY0374
001280     MOVE 3 TO LINES-ON-PAGE.                                     PAY0374
001290 0899.                                                            PAY0374
001300     EXIT.                                                        PAY0374
001310 0900-END SECTION.                                                PAY0374
001320 0900.                                                            PAY0374
001330     RESET TRACE.                                                 PAY0374
001340     CLOSE TIME-CARDS PAY-REGISTER.                               PAY0374
001350     DISPLAY 'OLDSTYLE - CARDS READ ' CARD-COUNT.                 PAY0374
001360     STOP RUN.                                                    PAY0374
