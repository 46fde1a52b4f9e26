       IDENTIFICATION DIVISION.
       PROGRAM-ID.    ARITHOPS.
      *================================================================*
      * ARITHOPS - ADD / SUBTRACT / MULTIPLY / DIVIDE IN ALL FORMS,    *
      * SEVERAL RECEIVING FIELDS, ROUNDED, ON SIZE ERROR / NOT ON SIZE *
      * ERROR, DIVISION BY ZERO, ADD/SUBTRACT CORRESPONDING.           *
      * EVERY RESULT IS DISPLAYED WITH A LABEL.                        *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  A                           PIC S9(5)V99 VALUE 123.45.
       01  B                           PIC S9(5)V99 VALUE -67.89.
       01  ZERO-DIVISOR                PIC S9(3)    VALUE ZERO.
       01  T1                          PIC S9(5)V99.
       01  T2                          PIC S9(3)V9.
       01  T3                          PIC 9(4).
       01  SMALL                       PIC S9(2)    VALUE 98.
       01  Q                           PIC S9(4).
       01  R                           PIC S9(4)V99.
       01  R0                          PIC S9(4).
       01  U                           PIC 9(3)V9.
       01  WS-MSG                      PIC X(20).
       01  MONTH-TOTALS.
           05  SALES                   PIC S9(5)  VALUE 100.
           05  COSTS                   PIC S9(5)  VALUE 40.
           05  UNITS                   PIC 9(3)   VALUE 7.
           05  NOTE-TEXT               PIC X(4)   VALUE "MTOT".
       01  WEEK-TOTALS.
           05  UNITS                   PIC 9(3)   VALUE 5.
           05  SALES                   PIC S9(3)  VALUE 25.
           05  RETURNS                 PIC S9(3)  VALUE 3.
           05  COSTS                   PIC S9(3)V9 VALUE 12.5.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-ADD
           PERFORM 2000-SUBTRACT
           PERFORM 3000-MULTIPLY
           PERFORM 4000-DIVIDE
           PERFORM 5000-CORRESPONDING
           STOP RUN.
       1000-ADD.
           MOVE 1 TO T1 T2 T3
           ADD A TO T1 T2 T3
           DISPLAY "ADD TO 3 TARGETS    " T1 " " T2 " " T3
           ADD A B 10 GIVING T1 T2 ROUNDED T3
           DISPLAY "ADD GIVING          " T1 " " T2 " " T3
           ADD 0.05 TO B GIVING T2 ROUNDED
           DISPLAY "ADD ROUNDED NEG     " T2
           ADD 1 TO SMALL
               ON SIZE ERROR DISPLAY "ADD SIZE ERROR 1    " SMALL
               NOT ON SIZE ERROR DISPLAY "ADD NO SIZE ERROR   " SMALL
           END-ADD
           ADD 1 TO SMALL
               ON SIZE ERROR DISPLAY "ADD SIZE ERROR 2    " SMALL
               NOT ON SIZE ERROR DISPLAY "ADD NO SIZE ERROR   " SMALL
           END-ADD
           ADD 1 TO SMALL
           DISPLAY "ADD NO CLAUSE       " SMALL
           MOVE 99 TO SMALL
           MOVE 50 TO T1
           ADD 5 TO T1 SMALL
               ON SIZE ERROR
                   DISPLAY "ADD PARTIAL SIZE ERR " T1 " " SMALL
           END-ADD.
       2000-SUBTRACT.
           MOVE 1000 TO T1
           MOVE 10 TO T2
           SUBTRACT A B FROM T1 T2
           DISPLAY "SUBTRACT FROM 2     " T1 " " T2
           SUBTRACT A FROM 100 GIVING T1 T3
           DISPLAY "SUBTRACT GIVING     " T1 " " T3
           SUBTRACT 0.05 FROM B GIVING T2 ROUNDED
           DISPLAY "SUBTRACT ROUNDED    " T2
           MOVE 5 TO U
           SUBTRACT 7 FROM U
               ON SIZE ERROR DISPLAY "SUB SIZE ERROR      " U
               NOT ON SIZE ERROR DISPLAY "SUB UNSIGNED        " U
           END-SUBTRACT.
       3000-MULTIPLY.
           MOVE 2 TO T1 T2
           MULTIPLY A BY T1 T2 ROUNDED
           DISPLAY "MULTIPLY BY 2       " T1 " " T2
           MULTIPLY 3 BY A GIVING T1 T2 T3
           DISPLAY "MULTIPLY GIVING     " T1 " " T2 " " T3
           MULTIPLY B BY -1.5 GIVING T1
           DISPLAY "MULTIPLY NEG        " T1
           MOVE 50 TO SMALL
           MULTIPLY 2 BY SMALL
               ON SIZE ERROR DISPLAY "MUL SIZE ERROR      " SMALL
           END-MULTIPLY
           MULTIPLY 2 BY SMALL
           DISPLAY "MUL NO CLAUSE       " SMALL.
       4000-DIVIDE.
           MOVE 100 TO T1 T2
           DIVIDE 8 INTO T1 T2
           DISPLAY "DIVIDE INTO 2       " T1 " " T2
           DIVIDE 7 INTO A GIVING T1 T2 ROUNDED
           DISPLAY "DIVIDE INTO GIVING  " T1 " " T2
           DIVIDE A BY 7 GIVING T1 ROUNDED REMAINDER R
           DISPLAY "DIVIDE BY REMAINDER " T1 " " R
           DIVIDE -17 BY 5 GIVING Q REMAINDER R0
           DISPLAY "DIVIDE -17 BY 5     " Q " " R0
           DIVIDE 17 BY -5 GIVING Q REMAINDER R0
           DISPLAY "DIVIDE 17 BY -5     " Q " " R0
           DIVIDE B INTO A GIVING Q REMAINDER R
           DISPLAY "DIVIDE B INTO A     " Q " " R
           MOVE 777 TO Q
           DIVIDE A BY ZERO-DIVISOR GIVING Q
               ON SIZE ERROR DISPLAY "DIV BY ZERO HANDLER " Q
               NOT ON SIZE ERROR DISPLAY "DIV NOT EXPECTED    " Q
           END-DIVIDE
           DIVIDE ZERO-DIVISOR INTO T1
           DISPLAY "DIV BY ZERO NO CLAUSE " T1
           MOVE 555 TO Q
           DIVIDE A BY ZERO-DIVISOR GIVING Q REMAINDER R0
               ON SIZE ERROR DISPLAY "DIV REM BY ZERO     " Q " " R0
           END-DIVIDE
           DIVIDE 1 BY 3 GIVING T1
           DISPLAY "DIVIDE 1 BY 3       " T1
           DIVIDE 2 BY 3 GIVING T1 ROUNDED
           DISPLAY "DIVIDE 2 BY 3 RND   " T1.
       5000-CORRESPONDING.
           ADD CORRESPONDING WEEK-TOTALS TO MONTH-TOTALS
           DISPLAY "ADD CORR            " MONTH-TOTALS
           DISPLAY "   SALES=" SALES OF MONTH-TOTALS
                   " COSTS=" COSTS OF MONTH-TOTALS
                   " UNITS=" UNITS OF MONTH-TOTALS
           SUBTRACT CORR WEEK-TOTALS FROM MONTH-TOTALS ROUNDED
           DISPLAY "SUBTRACT CORR       " MONTH-TOTALS
           MOVE 999 TO SALES OF WEEK-TOTALS
           MOVE 99990 TO SALES OF MONTH-TOTALS
           ADD CORR WEEK-TOTALS TO MONTH-TOTALS
               ON SIZE ERROR MOVE "CORR SIZE ERROR" TO WS-MSG
               NOT ON SIZE ERROR MOVE "CORR OK" TO WS-MSG
           END-ADD
           DISPLAY "ADD CORR SIZE       " WS-MSG " " MONTH-TOTALS.
