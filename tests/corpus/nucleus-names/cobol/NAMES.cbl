       IDENTIFICATION DIVISION.
       PROGRAM-ID. NAMES.
      * Level-78 constants, SYMBOLIC CHARACTERS and user-defined
      * classes (SPECIAL-NAMES CLASS) used in statements.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SPECIAL-NAMES.
           SYMBOLIC CHARACTERS SEMI IS 60
                               TILDE IS 127
           CLASS HEX-DIGIT IS "0" THRU "9" "A" THRU "F"
           CLASS VOWEL IS "AEIOU" "aeiou"
           CLASS LOW-CTRL IS 1 THRU 32.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       78  MAX-LINES            VALUE 3.
       78  RATE-PCT             VALUE 12.5.
       78  SHOP-NAME            VALUE "CORNER SHOP".
       01  WS-LINE              PIC X(20).
       01  WS-N                 PIC 9(3) VALUE 0.
       01  WS-AMT               PIC 9(5)V99 VALUE 80.
       01  WS-TAX               PIC Z(4)9.99.
       01  WS-WORD              PIC X(6).
       01  WS-CTRL              PIC X(2).
       01  WS-COUNTS.
           05  WS-HEX           PIC 9(2) VALUE 0.
           05  WS-VOW           PIC 9(2) VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY SHOP-NAME " LIMIT " MAX-LINES " RATE " RATE-PCT
           MOVE SHOP-NAME TO WS-LINE
           DISPLAY "[" WS-LINE "]"
           COMPUTE WS-TAX = WS-AMT * RATE-PCT / 100
           DISPLAY "TAX " WS-TAX
           PERFORM VARYING WS-N FROM 1 BY 1 UNTIL WS-N > MAX-LINES
               DISPLAY "LINE " WS-N SEMI
           END-PERFORM
           IF WS-N = MAX-LINES + 1
               DISPLAY "COUNTED " WS-N
           END-IF
           DISPLAY "A" TILDE "B" SEMI
           MOVE SEMI TO WS-WORD
           DISPLAY "[" WS-WORD "]"
           MOVE X"0920" TO WS-CTRL
           IF WS-CTRL IS LOW-CTRL
               DISPLAY "TAB AND SPACE ARE LOW-CTRL"
           END-IF
           MOVE "A " TO WS-CTRL
           IF WS-CTRL IS NOT LOW-CTRL
               DISPLAY "LETTER IS NOT LOW-CTRL"
           END-IF
           PERFORM CLASSIFY 5 TIMES
           DISPLAY "HEX " WS-HEX " VOWEL-INITIAL " WS-VOW
           STOP RUN.
       CLASSIFY.
           MOVE SPACES TO WS-WORD
           ACCEPT WS-WORD
           IF WS-WORD IS HEX-DIGIT
               ADD 1 TO WS-HEX
               DISPLAY WS-WORD " HEX"
           ELSE
               DISPLAY WS-WORD " NOT HEX"
           END-IF
           IF WS-WORD (1:1) IS VOWEL
               ADD 1 TO WS-VOW
               DISPLAY WS-WORD " STARTS WITH A VOWEL"
           END-IF
           IF WS-WORD (1:2) IS NOT HEX-DIGIT AND WS-WORD (1:1) VOWEL
               DISPLAY WS-WORD " VOWEL, NOT HEX"
           END-IF.
