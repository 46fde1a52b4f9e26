      * DISPLAY under cobc -std=ibm (pretty-display no), NUMERIC
      * with hostsign, and ASSIGN TO a word that is also a data item
      * (assign-clause external). Values come from stdin.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IBMDISP.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO OUTNAME
               ORGANIZATION LINE SEQUENTIAL
               FILE STATUS IS OUT-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD OUT-FILE.
       01 OUT-REC          PIC X(40).
       WORKING-STORAGE SECTION.
       01 OUTNAME          PIC X(12) VALUE "NOT-THIS.TXT".
       01 OUT-STATUS       PIC XX.
       01 WS-IN            PIC S9(5)V99.
       01 WS-EOF           PIC X VALUE "N".
       01 Z-U              PIC 9(5).
       01 Z-S              PIC S9(5)V99.
       01 Z-LEAD           PIC S9(3)V9 SIGN LEADING.
       01 Z-LSEP           PIC S9(3)V9 SIGN LEADING SEPARATE.
       01 Z-TSEP           PIC S9(3)V9 SIGN TRAILING SEPARATE.
       01 P-S              PIC S9(5)V99 COMP-3.
       01 P-U              PIC 9(4)V9 COMP-3.
       01 B-S              PIC S9(5)V99 COMP.
       01 B-U              PIC 9(3) BINARY.
       01 C5               PIC S9(3)V9 COMP-5.
       01 V-ONLY           PIC V99.
       01 E-ED             PIC ZZ,ZZ9.99-.
       01 A-X              PIC X(6) VALUE "ABC".
       01 G.
          05 G-A           PIC X(2) VALUE "GR".
          05 G-N           PIC S9(3) VALUE -12.
       01 RAW              PIC X(3).
       01 RAW-P REDEFINES RAW PIC S9(5) COMP-3.
       01 RAW-U REDEFINES RAW PIC 9(5) COMP-3.
       01 ZS-RAW           PIC X(4).
       01 ZS-NUM REDEFINES ZS-RAW PIC 9(4).
       PROCEDURE DIVISION.
       MAIN-PARA.
           OPEN OUTPUT OUT-FILE
           PERFORM READ-ONE
           PERFORM UNTIL WS-EOF = "Y"
               PERFORM SHOW-VALUE
               PERFORM READ-ONE
           END-PERFORM
           DISPLAY "LITERALS " 42 " " -1.5 " " 0.25 " " +7 " " .5
               " " ZERO " " SPACE "|" QUOTE " " ALL "*-"
           DISPLAY "ITEMS [" A-X "] [" G "] " V-ONLY
           MOVE "12 4" TO ZS-RAW
           DISPLAY "SPACE DIGIT " ZS-NUM
           MOVE X"12345C" TO RAW PERFORM CLASS-TEST
           MOVE X"12345D" TO RAW PERFORM CLASS-TEST
           MOVE X"12345F" TO RAW PERFORM CLASS-TEST
           MOVE X"12345A" TO RAW PERFORM CLASS-TEST
           MOVE "ENDED" TO OUT-REC
           WRITE OUT-REC
           CLOSE OUT-FILE
           DISPLAY "FILE STATUS " OUT-STATUS " NAME " OUTNAME
           STOP RUN.
       READ-ONE.
           ACCEPT WS-IN
               ON EXCEPTION MOVE "Y" TO WS-EOF
           END-ACCEPT.
       SHOW-VALUE.
           MOVE WS-IN TO Z-U Z-S Z-LEAD Z-LSEP Z-TSEP P-S P-U
               B-S B-U C5 V-ONLY E-ED
           DISPLAY "Z " Z-U " " Z-S " " Z-LEAD " " Z-LSEP " " Z-TSEP
           DISPLAY "P " P-S " " P-U " B " B-S " " B-U " C5 " C5
           DISPLAY "V " V-ONLY " E " E-ED
           DISPLAY "SYSERR " Z-S " " B-S UPON SYSERR
           MOVE SPACES TO OUT-REC
           STRING "VALUE " DELIMITED BY SIZE
                  Z-U DELIMITED BY SIZE
                  INTO OUT-REC
           END-STRING
           WRITE OUT-REC.
       CLASS-TEST.
           IF RAW-P IS NUMERIC
               DISPLAY "SIGNED NUMERIC " RAW-P
           ELSE
               DISPLAY "SIGNED NOT NUMERIC"
           END-IF
           IF RAW-U IS NUMERIC
               DISPLAY "UNSIGNED NUMERIC " RAW-U
           ELSE
               DISPLAY "UNSIGNED NOT NUMERIC"
           END-IF.
