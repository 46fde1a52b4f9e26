      * Behaviour of cobc -std=ibm that ferry does not reproduce and
      * refuses: arithmetic-osvs intermediate results, perform-osvs
      * returns and move-ibm overlapping moves.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IBMOSVS.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 A                PIC S9(5)V99 VALUE 10.
       01 B                PIC S9(5)V99 VALUE 3.
       01 C                PIC S9(5)V99.
       01 N                PIC 9 VALUE 0.
       01 BUF              PIC X(10) VALUE "ABCDEFGHIJ".
       PROCEDURE DIVISION.
       P0.
           COMPUTE C ROUNDED = A / B * B
           DISPLAY "OSVS " C
           MOVE BUF(1:9) TO BUF(2:9)
           DISPLAY "MOVE " BUF
           PERFORM P1 THRU P2
           DISPLAY "BACK IN P0"
           STOP RUN.
       P1.
           DISPLAY "P1"
           ADD 1 TO N
           IF N < 2
               PERFORM P2 THRU P3
           END-IF
           DISPLAY "P1 END".
       P2.
           DISPLAY "P2".
       P3.
           DISPLAY "P3".
