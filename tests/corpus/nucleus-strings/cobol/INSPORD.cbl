      *================================================================*
      * INSPORD: INSPECT clause order. libcob applies the clauses of  *
      * one INSPECT one after the other over the whole region, never  *
      * touching a character an earlier clause counted or replaced,   *
      * and narrows a region by BEFORE / AFTER in the written order.  *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. INSPORD.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-LINE             PIC X(16).
       01  WS-W                PIC X(16).
       01  WS-C1               PIC 99.
       01  WS-C2               PIC 99.
       01  WS-C3               PIC 99.
       01  WS-EOF              PIC X VALUE "N".
           88  AT-EOF          VALUE "Y".
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM UNTIL AT-EOF
               ACCEPT WS-LINE
                   ON EXCEPTION SET AT-EOF TO TRUE
               END-ACCEPT
               IF NOT AT-EOF
                   PERFORM ONE-LINE
               END-IF
           END-PERFORM
           STOP RUN.
       ONE-LINE.
           DISPLAY "LINE  " WS-LINE
           MOVE WS-LINE TO WS-W
           INSPECT WS-W REPLACING ALL "BA" BY "YY" ALL "AB" BY "XX"
           DISPLAY "R1    " WS-W
           MOVE WS-LINE TO WS-W
           INSPECT WS-W REPLACING FIRST "A" BY "1" LEADING "A" BY "2"
               ALL "AE" BY "XY" AFTER INITIAL "B"
           DISPLAY "R2    " WS-W
           MOVE WS-LINE TO WS-W
           INSPECT WS-W REPLACING CHARACTERS BY "#" BEFORE INITIAL "X"
               LEADING "A" BY "L"
           DISPLAY "R3    " WS-W
           MOVE WS-LINE TO WS-W
           INSPECT WS-W REPLACING ALL "A" BY "Q" AFTER INITIAL "B"
               BEFORE INITIAL "X"
           DISPLAY "R4    " WS-W
           MOVE WS-LINE TO WS-W
           INSPECT WS-W REPLACING ALL "A" BY "Q" BEFORE INITIAL "X"
               AFTER INITIAL "B"
           DISPLAY "R5    " WS-W
           MOVE WS-LINE TO WS-W
           INSPECT WS-W CONVERTING "AB" TO "ab" BEFORE INITIAL "X"
               AFTER INITIAL "C"
           DISPLAY "R6    " WS-W
           MOVE 0 TO WS-C1 WS-C2 WS-C3
           INSPECT WS-LINE TALLYING WS-C1 FOR LEADING "AB"
               WS-C2 FOR LEADING "A" WS-C3 FOR ALL "B"
           DISPLAY "T1    " WS-C1 " " WS-C2 " " WS-C3
           MOVE 0 TO WS-C1 WS-C2 WS-C3
           INSPECT WS-LINE TALLYING WS-C1 FOR ALL "A"
               WS-C2 FOR CHARACTERS AFTER INITIAL "B"
               WS-C3 FOR ALL "B" BEFORE INITIAL "X"
           DISPLAY "T2    " WS-C1 " " WS-C2 " " WS-C3.
