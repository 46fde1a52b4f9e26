       IDENTIFICATION DIVISION.
       PROGRAM-ID. INTRMISC.
      * SIGN, FRACTION-PART, PI, E, NUMVAL-F, CONCATENATE, SUBSTITUTE,
      * BYTE-LENGTH and the century-window date functions (the
      * current year comes from COB_CURRENT_DATE).
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  C                       PIC S9(7)V9(6).
       01  E                       PIC -(6)9.9(6).
       01  X                       PIC X(12) VALUE "abc def abc".
       01  N                       PIC S9(3)V99 VALUE -4.5.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "SIGN " FUNCTION SIGN(N) " " FUNCTION SIGN(0)
                   " " FUNCTION SIGN(2.5)
           DISPLAY "FRAC " FUNCTION FRACTION-PART(-3.75) " "
                   FUNCTION FRACTION-PART(N)
           COMPUTE C = FUNCTION FRACTION-PART(12.125)
           MOVE C TO E
           DISPLAY "FRAC " E
           DISPLAY "PI " FUNCTION PI
           DISPLAY "E " FUNCTION E
           COMPUTE C = FUNCTION PI * 2
           MOVE C TO E
           DISPLAY "2PI " E
           DISPLAY "NUMVAL-F " FUNCTION NUMVAL-F("1.5E+2") " "
                   FUNCTION NUMVAL-F(" -2.5E-1 ") " "
                   FUNCTION NUMVAL-F("42")
           DISPLAY "CONCAT [" FUNCTION CONCATENATE("ab" X "z") "]"
           DISPLAY "SUBST [" FUNCTION SUBSTITUTE(X "abc" "XYZW") "]"
           DISPLAY "SUBST [" FUNCTION SUBSTITUTE(X "a" "" "d" "D") "]"
           DISPLAY "BYTES " FUNCTION BYTE-LENGTH(X) " "
                   FUNCTION BYTE-LENGTH("hello")
           DISPLAY "DATE " FUNCTION DATE-TO-YYYYMMDD(991231) " "
                   FUNCTION DATE-TO-YYYYMMDD(450101) " "
                   FUNCTION DATE-TO-YYYYMMDD(761231) " "
                   FUNCTION DATE-TO-YYYYMMDD(771231)
           DISPLAY "DAY " FUNCTION DAY-TO-YYYYDDD(99365) " "
                   FUNCTION DAY-TO-YYYYDDD(10001, 20)
           DISPLAY "YEAR " FUNCTION YEAR-TO-YYYY(45) " "
                   FUNCTION YEAR-TO-YYYY(76) " "
                   FUNCTION YEAR-TO-YYYY(77) " "
                   FUNCTION YEAR-TO-YYYY(10, 10, 1995)
           STOP RUN.
