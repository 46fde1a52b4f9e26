      * Binary items under cobc -std=ibm: binary-size 2-4-8 and
      * binary-truncate no. Values come from stdin, one per line.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IBMBIN.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 WS-IN            PIC S9(12).
       01 WS-EOF           PIC X VALUE "N".
       01 U1               PIC 9(1) COMP.
       01 S2               PIC S9(2) COMP.
       01 U4               PIC 9(4) COMP.
       01 S4               PIC S9(4) COMP.
       01 U4V              PIC 9(3)V9 BINARY.
       01 S9               PIC S9(9) COMP-4.
       01 U12              PIC 9(12) COMP.
       01 C5A              PIC 9(2) COMP-5.
       01 C5B              PIC S9(4) COMP-5.
       01 D4               PIC 9(4).
       01 D6               PIC S9(6).
       01 E7               PIC ZZZ,ZZ9-.
       01 X8               PIC X(8).
       01 REC.
          05 R-A           PIC 9(2) COMP.
          05 R-B           PIC S9(4) COMP.
          05 R-C           PIC 9(6) COMP.
       01 REC-X REDEFINES REC PIC X(8).
       01 TBL.
          05 T-ENT OCCURS 3 TIMES PIC 9(3) COMP.
       01 I                PIC 9(2) COMP.
       01 TOT              PIC S9(5) COMP.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "SIZES " LENGTH OF U1 " " LENGTH OF S2 " "
               LENGTH OF U4 " " LENGTH OF U4V " " LENGTH OF S9 " "
               LENGTH OF U12 " " LENGTH OF C5A " " LENGTH OF C5B " "
               LENGTH OF REC " " LENGTH OF TBL
           PERFORM READ-ONE
           PERFORM UNTIL WS-EOF = "Y"
               PERFORM TRY-VALUE
               PERFORM READ-ONE
           END-PERFORM
           PERFORM FIXED-CASES
           STOP RUN.
       READ-ONE.
           ACCEPT WS-IN
               ON EXCEPTION MOVE "Y" TO WS-EOF
           END-ACCEPT.
       TRY-VALUE.
           DISPLAY "IN " WS-IN
           MOVE WS-IN TO U1 S2 U4 S4 U4V S9 U12
           DISPLAY "  U1=" U1 " S2=" S2 " U4=" U4 " S4=" S4
           DISPLAY "  U4V=" U4V " S9=" S9 " U12=" U12
           MOVE U4 TO D4 D6 E7 X8
           DISPLAY "  D4=" D4 " D6=" D6 " E7=" E7 " X8=" X8
           MOVE S4 TO D6 E7
           DISPLAY "  S4 D6=" D6 " E7=" E7
           IF U4 > 9999
               DISPLAY "  U4 ABOVE 9999"
           ELSE
               DISPLAY "  U4 NOT ABOVE 9999"
           END-IF
           ADD 1 TO U4
               ON SIZE ERROR DISPLAY "  ADD SIZE ERROR U4=" U4
               NOT ON SIZE ERROR DISPLAY "  ADD OK U4=" U4
           END-ADD
           ADD 1 TO S4
           DISPLAY "  S4+1=" S4
           COMPUTE S2 = WS-IN * 3
               ON SIZE ERROR DISPLAY "  COMPUTE SIZE ERROR S2=" S2
               NOT ON SIZE ERROR DISPLAY "  COMPUTE OK S2=" S2
           END-COMPUTE
           MULTIPLY 2 BY U1
           ADD 7 TO U12
           DISPLAY "  U1*2=" U1 " U12+7=" U12.
       FIXED-CASES.
           MOVE 255 TO R-A
           MOVE -2 TO R-B
           MOVE 70000 TO R-C
           DISPLAY "REC [" REC-X "]"
           DISPLAY "R-A=" R-A " R-B=" R-B " R-C=" R-C
           MOVE 300 TO C5A
           MOVE 40000 TO C5B
           DISPLAY "C5A=" C5A " C5B=" C5B
           MOVE ZERO TO TOT
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 3
               COMPUTE T-ENT(I) = I * 4000
               ADD T-ENT(I) TO TOT
               DISPLAY "T-ENT(" I ")=" T-ENT(I) " TOT=" TOT
           END-PERFORM
           MOVE 9999 TO U4
           PERFORM 3 TIMES
               ADD 30000 TO U4
                   ON SIZE ERROR DISPLAY "U4 SIZE ERROR " U4
                   NOT ON SIZE ERROR DISPLAY "U4 NOW " U4
               END-ADD
           END-PERFORM
           INITIALIZE REC
           DISPLAY "INIT [" REC-X "]".
