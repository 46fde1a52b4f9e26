       IDENTIFICATION DIVISION.
       PROGRAM-ID.    INTRFUNC.
      *================================================================*
      * INTRFUNC - INTRINSIC FUNCTIONS                                 *
      *   PART 1: STRING, NUMERIC AND CLOCK FUNCTIONS ON CONSTANTS     *
      *   PART 2: FOR EACH STDIN LINE  YYYYMMDD NNNN TEXT              *
      *     (DATE, DAYS TO ADD, A NUMBER AS TEXT IN COLS 15-34)        *
      *     DATE ARITHMETIC WITH INTEGER-OF-DATE / DATE-OF-INTEGER,    *
      *     NUMVAL AND NUMVAL-C OF THE TEXT                            *
      * A BLANK LINE OR END OF INPUT ENDS PART 2.                      *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-TEXT                     PIC X(20)
                                       VALUE "  Mixed Case Text".
       01  WS-SHORT                    PIC X(6)  VALUE "ABC".
       01  WS-OUT                      PIC X(24).
       01  WS-NUM                      PIC S9(7)V9(4).
       01  WS-INT                      PIC S9(9).
       01  WS-LEN                      PIC 9(4).
       01  WS-P3                       PIC S9(5)V99 COMP-3 VALUE -7.25.
       01  WS-VALUES.
           05  WS-V                    PIC S9(3)V9 OCCURS 5 TIMES.
       01  WS-NOW                      PIC X(21).
       01  WS-NOW-R REDEFINES WS-NOW.
           05  NOW-DATE                PIC 9(8).
           05  NOW-TIME                PIC 9(8).
           05  NOW-OFFSET              PIC X(5).
       01  IN-LINE.
           05  IN-DATE                 PIC 9(8).
           05  FILLER                  PIC X.
           05  IN-DAYS                 PIC 9(4).
           05  FILLER                  PIC X.
           05  IN-TEXT                 PIC X(20).
           05  FILLER                  PIC X(46).
       01  WS-DAYNUM                   PIC 9(7).
       01  WS-NEWDATE                  PIC 9(8).
       01  WS-DOW                      PIC 9.
       01  DAY-NAMES                   PIC X(21)
                                       VALUE "SUNMONTUEWEDTHUFRISAT".
       01  DAY-TABLE REDEFINES DAY-NAMES.
           05  DAY-NAME                PIC X(3) OCCURS 7 TIMES.
       01  WS-EDIT                     PIC -(7)9.9(4).
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-STRINGS
           PERFORM 2000-NUMBERS
           PERFORM 3000-CLOCK
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE
           PERFORM 4000-LINE UNTIL IN-LINE = SPACES
           STOP RUN.
       1000-STRINGS.
           MOVE FUNCTION LENGTH(WS-TEXT) TO WS-LEN
           DISPLAY "LENGTH          " WS-LEN
           DISPLAY "LENGTH OF TRIM  " FUNCTION LENGTH(
                                      FUNCTION TRIM(WS-TEXT))
           DISPLAY "UPPER-CASE      [" FUNCTION UPPER-CASE(WS-TEXT) "]"
           DISPLAY "LOWER-CASE      [" FUNCTION LOWER-CASE(WS-TEXT) "]"
           DISPLAY "REVERSE         [" FUNCTION REVERSE(WS-SHORT) "]"
           DISPLAY "TRIM            [" FUNCTION TRIM(WS-TEXT) "]"
           DISPLAY "TRIM LEADING    [" FUNCTION TRIM(WS-TEXT LEADING)
                   "]"
           DISPLAY "TRIM TRAILING   [" FUNCTION TRIM(WS-TEXT TRAILING)
                   "]"
           MOVE FUNCTION UPPER-CASE(FUNCTION REVERSE(
                    FUNCTION TRIM(WS-TEXT))) TO WS-OUT
           DISPLAY "NESTED          [" WS-OUT "]"
           DISPLAY "ORD OF A        " FUNCTION ORD("A")
           DISPLAY "CHAR 66         [" FUNCTION CHAR(66) "]"
           DISPLAY "ORD-MAX         " FUNCTION ORD-MAX(3 9 2 9 1)
           DISPLAY "TRIM OF SPACES  [" FUNCTION TRIM(SPACES) "] LEN "
                   FUNCTION LENGTH(FUNCTION TRIM(SPACES)).
       2000-NUMBERS.
           COMPUTE WS-INT = FUNCTION INTEGER(-3.5)
           DISPLAY "INTEGER -3.5    " WS-INT
           COMPUTE WS-INT = FUNCTION INTEGER-PART(-3.5)
           DISPLAY "INTEGER-PART    " WS-INT
           COMPUTE WS-INT = FUNCTION INTEGER(3.5)
           DISPLAY "INTEGER 3.5     " WS-INT
           COMPUTE WS-INT = FUNCTION MOD(-11, 5)
           DISPLAY "MOD -11 5       " WS-INT
           COMPUTE WS-INT = FUNCTION REM(-11, 5)
           DISPLAY "REM -11 5       " WS-INT
           COMPUTE WS-INT = FUNCTION MOD(11, -5)
           DISPLAY "MOD 11 -5       " WS-INT
           COMPUTE WS-NUM = FUNCTION REM(7.5, 2)
           DISPLAY "REM 7.5 2       " WS-NUM
           COMPUTE WS-NUM = FUNCTION ABS(WS-P3)
           DISPLAY "ABS             " WS-NUM
           MOVE 12.5 TO WS-V(1)
           MOVE -3   TO WS-V(2)
           MOVE 40.1 TO WS-V(3)
           MOVE 0    TO WS-V(4)
           MOVE 7.4  TO WS-V(5)
           COMPUTE WS-NUM = FUNCTION MAX(WS-V(1) WS-V(2) WS-V(3)
                                         WS-V(4) WS-V(5))
           DISPLAY "MAX             " WS-NUM
           COMPUTE WS-NUM = FUNCTION MIN(WS-V(1) WS-V(2) WS-V(3)
                                         WS-V(4) WS-V(5))
           DISPLAY "MIN             " WS-NUM
           COMPUTE WS-NUM = FUNCTION SUM(WS-V(1) WS-V(2) WS-V(3)
                                         WS-V(4) WS-V(5))
           DISPLAY "SUM             " WS-NUM
           COMPUTE WS-NUM ROUNDED = FUNCTION MEAN(WS-V(1) WS-V(2)
                                         WS-V(3) WS-V(4) WS-V(5))
           DISPLAY "MEAN            " WS-NUM
           COMPUTE WS-NUM = FUNCTION SQRT(2)
           DISPLAY "SQRT 2          " WS-NUM
           COMPUTE WS-NUM ROUNDED = FUNCTION SQRT(WS-V(3) + 8.9)
           DISPLAY "SQRT 49         " WS-NUM
           COMPUTE WS-INT = FUNCTION FACTORIAL(10)
           DISPLAY "FACTORIAL 10    " WS-INT
           COMPUTE WS-NUM = FUNCTION NUMVAL("  -12.5 ")
                          + FUNCTION NUMVAL-C("$1,234.56CR")
           DISPLAY "NUMVAL SUM      " WS-NUM
           DISPLAY "DIRECT INTEGER  " FUNCTION INTEGER(-7.2)
           DISPLAY "DIRECT MOD      " FUNCTION MOD(100, 7)
           DISPLAY "DIRECT NUMVAL   " FUNCTION NUMVAL("- 4.50")
           DISPLAY "DIRECT SUM      " FUNCTION SUM(1.5 2 -0.25)
           DISPLAY "DIRECT ABS      " FUNCTION ABS(WS-P3).
       3000-CLOCK.
           MOVE FUNCTION CURRENT-DATE TO WS-NOW
           DISPLAY "CURRENT-DATE    [" WS-NOW "]"
           DISPLAY "  DATE " NOW-DATE " TIME " NOW-TIME
                   " OFFSET " NOW-OFFSET
           COMPUTE WS-DAYNUM = FUNCTION INTEGER-OF-DATE(NOW-DATE)
           DISPLAY "  DAY NUMBER " WS-DAYNUM
           COMPUTE WS-NEWDATE = FUNCTION DATE-OF-INTEGER(WS-DAYNUM - 31)
           DISPLAY "  31 DAYS EARLIER " WS-NEWDATE
           DISPLAY "  DAY OF YEAR " FUNCTION DAY-OF-INTEGER(WS-DAYNUM).
       4000-LINE.
           DISPLAY "LINE [" IN-LINE(1:34) "]"
           IF FUNCTION TEST-DATE-YYYYMMDD(IN-DATE) = ZERO
               COMPUTE WS-DAYNUM = FUNCTION INTEGER-OF-DATE(IN-DATE)
               COMPUTE WS-NEWDATE =
                   FUNCTION DATE-OF-INTEGER(WS-DAYNUM + IN-DAYS)
               COMPUTE WS-DOW = FUNCTION MOD(WS-DAYNUM, 7) + 1
               DISPLAY "  DAY " WS-DAYNUM " IS A " DAY-NAME(WS-DOW)
                       ", PLUS " IN-DAYS " DAYS = " WS-NEWDATE
           ELSE
               DISPLAY "  INVALID DATE, TEST-DATE-YYYYMMDD = "
                       FUNCTION TEST-DATE-YYYYMMDD(IN-DATE)
           END-IF
           IF FUNCTION TEST-NUMVAL(IN-TEXT) = ZERO
               COMPUTE WS-NUM = FUNCTION NUMVAL(IN-TEXT)
               MOVE WS-NUM TO WS-EDIT
               DISPLAY "  NUMVAL   [" WS-EDIT "]"
           ELSE
               DISPLAY "  NUMVAL   NOT VALID AT "
                       FUNCTION TEST-NUMVAL(IN-TEXT)
           END-IF
           IF FUNCTION TEST-NUMVAL-C(IN-TEXT) = ZERO
               COMPUTE WS-NUM = FUNCTION NUMVAL-C(IN-TEXT)
               MOVE WS-NUM TO WS-EDIT
               DISPLAY "  NUMVAL-C [" WS-EDIT "]"
           ELSE
               DISPLAY "  NUMVAL-C NOT VALID AT "
                       FUNCTION TEST-NUMVAL-C(IN-TEXT)
           END-IF
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE.
