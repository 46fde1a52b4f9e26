       IDENTIFICATION DIVISION.
       PROGRAM-ID. INTRFIN.
      * ANNUITY and PRESENT-VALUE (cobc's 38-place division, 0 for a
      * negative rate), and how long results below 1 are displayed:
      * .1666... for MEAN, VARIANCE, STANDARD-DEVIATION, 0.7071... for
      * SQRT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  R                       PIC 9V999 VALUE 0.075.
       01  N                       PIC 99 VALUE 12.
       01  C                       PIC S9(7)V9(6).
       01  E                       PIC -(6)9.9(6).
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY FUNCTION ANNUITY(0.05 10)
           DISPLAY FUNCTION ANNUITY(0 4)
           DISPLAY FUNCTION ANNUITY(R N)
           DISPLAY FUNCTION ANNUITY(-0.5 3)
           DISPLAY FUNCTION PRESENT-VALUE(0.1 100 200)
           DISPLAY FUNCTION PRESENT-VALUE(R 1000 1000 1000)
           DISPLAY FUNCTION PRESENT-VALUE(0 5)
           DISPLAY FUNCTION PRESENT-VALUE(3 1)
           COMPUTE C = FUNCTION ANNUITY(0.01 360) * 100000
           MOVE C TO E
           DISPLAY E
           DISPLAY FUNCTION SQRT(0.5)
           DISPLAY FUNCTION SQRT(0.0049)
           DISPLAY FUNCTION MEAN(0.1 0.2 0.2)
           DISPLAY FUNCTION MEAN(-0.1 -0.2 -0.2)
           DISPLAY FUNCTION VARIANCE(0.1 0.2 0.2)
           DISPLAY FUNCTION STANDARD-DEVIATION(0.1 0.2 0.2)
           DISPLAY FUNCTION MEDIAN(0.1 0.2 0.25 0.3)
           IF FUNCTION SQRT(0.5) < 1 AND FUNCTION MEAN(0.1 0.2) < 1
               DISPLAY "BOTH BELOW ONE"
           END-IF
           STOP RUN.
