000100 IDENTIFICATION DIVISION.                                         DATECONV
000200 PROGRAM-ID. DATECONV.                                            DATECONV
000300*    DATE SERVICE ROUTINE, CALLED FROM BATCH PROGRAMS.            DATECONV
000400*    FUNCTION V: VALIDATE CCYYMMDD   F: FORMAT AS DD.MM.CCYY      DATECONV
000500*             A: ADD DP-DAYS        D: DAY OF WEEK NAME           DATECONV
000600*    RETURN: 0 OK, 4 INVALID DATE, 8 BAD FUNCTION                 DATECONV
000700 DATA DIVISION.                                                   DATECONV
000800 WORKING-STORAGE SECTION.                                         DATECONV
000900 01  WS-CALLS                PIC 9(7) COMP-3 VALUE ZERO.          DATECONV
001000 01  WS-DAY-NAMES-AREA.                                           DATECONV
001100     05  FILLER              PIC X(27)                            DATECONV
001200                             VALUE 'MONDAY   TUESDAY  WEDNESDAY'. DATECONV
001300     05  FILLER              PIC X(27)                            DATECONV
001400                             VALUE 'THURSDAY FRIDAY   SATURDAY '. DATECONV
001500     05  FILLER              PIC X(9)  VALUE 'SUNDAY'.            DATECONV
001600 01  WS-DAY-NAMES REDEFINES WS-DAY-NAMES-AREA.                    DATECONV
001700     05  WS-DAY-NAME         PIC X(9)  OCCURS 7 TIMES.            DATECONV
001800 LOCAL-STORAGE SECTION.                                           DATECONV
001900 01  LS-DATE.                                                     DATECONV
002000     05  LS-CCYY             PIC 9(4).                            DATECONV
002100     05  LS-MM               PIC 99.                              DATECONV
002200         88  LS-MONTH-VALID      VALUE 1 THRU 12.                 DATECONV
002300         88  LS-30-DAY-MONTH     VALUES 4 6 9 11.                 DATECONV
002400         88  LS-FEBRUARY         VALUE 2.                         DATECONV
002500     05  LS-DD               PIC 99.                              DATECONV
002600 01  LS-DATE-N REDEFINES LS-DATE PIC 9(8).                        DATECONV
002700 01  LS-INTEGER-DATE         PIC S9(9) COMP.                      DATECONV
002800 01  LS-QUOTIENT             PIC S9(9) COMP.                      DATECONV
002900 01  LS-REMAINDER            PIC S9(4) COMP.                      DATECONV
003000 01  LS-MAX-DAY              PIC 99.                              DATECONV
003100 01  LS-LEAP-FLAG            PIC X.                               DATECONV
003200     88  LS-LEAP-YEAR            VALUE 'Y' WHEN SET TO FALSE 'N'. DATECONV
003300 LINKAGE SECTION.                                                 DATECONV
003400 01  DP-PARAMETERS.                                               DATECONV
003500     05  DP-FUNCTION         PIC X.                               DATECONV
003600         88  DP-VALIDATE         VALUE 'V'.                       DATECONV
003700         88  DP-FORMAT           VALUE 'F'.                       DATECONV
003800         88  DP-ADD-DAYS         VALUE 'A'.                       DATECONV
003900         88  DP-DAY-OF-WEEK      VALUE 'D'.                       DATECONV
004000     05  DP-DATE-IN          PIC 9(8).                            DATECONV
004100     05  DP-DATE-OUT         PIC X(10).                           DATECONV
004200     05  DP-RETURN           PIC S9(4) COMP.                      DATECONV
004300 01  DP-DAYS                 PIC S9(5) COMP-3.                    DATECONV
004400 PROCEDURE DIVISION USING DP-PARAMETERS                           DATECONV
004500                          OPTIONAL DP-DAYS.                       DATECONV
004600 0000-ENTRY.                                                      DATECONV
004700     ADD 1 TO WS-CALLS                                            DATECONV
004800     MOVE ZERO TO DP-RETURN                                       DATECONV
004900     MOVE DP-DATE-IN TO LS-DATE-N                                 DATECONV
005000     PERFORM 1000-VALIDATE                                        DATECONV
005100     IF DP-RETURN NOT = ZERO OR DP-VALIDATE                       DATECONV
005200         GOBACK                                                   DATECONV
005300     END-IF                                                       DATECONV
005400     EVALUATE TRUE                                                DATECONV
005500         WHEN DP-FORMAT                                           DATECONV
005600             STRING LS-DD '.' LS-MM '.' LS-CCYY                   DATECONV
005700                 DELIMITED BY SIZE INTO DP-DATE-OUT               DATECONV
005800         WHEN DP-ADD-DAYS                                         DATECONV
005900             IF ADDRESS OF DP-DAYS = NULL                         DATECONV
006000                 MOVE 8 TO DP-RETURN                              DATECONV
006100             ELSE                                                 DATECONV
006200                 COMPUTE LS-INTEGER-DATE =                        DATECONV
006300                   FUNCTION INTEGER-OF-DATE (LS-DATE-N) + DP-DAYS DATECONV
006400                 COMPUTE LS-DATE-N =                              DATECONV
006500                     FUNCTION DATE-OF-INTEGER (LS-INTEGER-DATE)   DATECONV
006600                 MOVE LS-DATE-N TO DP-DATE-OUT                    DATECONV
006700             END-IF                                               DATECONV
006800         WHEN DP-DAY-OF-WEEK                                      DATECONV
006900             DIVIDE FUNCTION INTEGER-OF-DATE (LS-DATE-N) BY 7     DATECONV
007000                 GIVING LS-QUOTIENT REMAINDER LS-REMAINDER        DATECONV
007100             MOVE WS-DAY-NAME (LS-REMAINDER + 1) TO DP-DATE-OUT   DATECONV
007200         WHEN OTHER                                               DATECONV
007300             MOVE 8 TO DP-RETURN                                  DATECONV
007400     END-EVALUATE                                                 DATECONV
007500     GOBACK.                                                      DATECONV

007600 1000-VALIDATE.                                                   DATECONV
007700     IF LS-DATE-N IS NOT NUMERIC                                  DATECONV
007800        OR NOT LS-MONTH-VALID                                     DATECONV
007900        OR LS-DD = ZERO                                           DATECONV
008000         MOVE 4 TO DP-RETURN                                      DATECONV
008100     ELSE                                                         DATECONV
008200         SET LS-LEAP-YEAR TO FALSE                                DATECONV
008300         IF FUNCTION MOD (LS-CCYY, 4) = 0                         DATECONV
008400            AND (FUNCTION MOD (LS-CCYY, 100) NOT = 0              DATECONV
008500                 OR FUNCTION MOD (LS-CCYY, 400) = 0)              DATECONV
008600             SET LS-LEAP-YEAR TO TRUE                             DATECONV
008700         END-IF                                                   DATECONV
008800         EVALUATE TRUE ALSO TRUE                                  DATECONV
008900             WHEN LS-FEBRUARY ALSO LS-LEAP-YEAR                   DATECONV
009000                 MOVE 29 TO LS-MAX-DAY                            DATECONV
009100             WHEN LS-FEBRUARY ALSO ANY                            DATECONV
009200                 MOVE 28 TO LS-MAX-DAY                            DATECONV
009300             WHEN LS-30-DAY-MONTH ALSO ANY                        DATECONV
009400                 MOVE 30 TO LS-MAX-DAY                            DATECONV
009500             WHEN OTHER                                           DATECONV
009600                 MOVE 31 TO LS-MAX-DAY                            DATECONV
009700         END-EVALUATE                                             DATECONV
009800         IF LS-DD > LS-MAX-DAY                                    DATECONV
009900             MOVE 4 TO DP-RETURN                                  DATECONV
010000         END-IF                                                   DATECONV
010100     END-IF.                                                      DATECONV
