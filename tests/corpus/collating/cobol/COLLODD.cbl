       IDENTIFICATION DIVISION.
       PROGRAM-ID. COLLODD.
      * PROGRAM COLLATING SEQUENCE IS a literal alphabet: the listed
      * characters first, in the listed order, then the others.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       OBJECT-COMPUTER. X86
           PROGRAM COLLATING SEQUENCE IS ODD.
       SPECIAL-NAMES.
           ALPHABET ODD IS "Z" "A" THRU "C" "9" THRU "7" "xy".
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-PAIR.
           05  WS-L                PIC X(2).
           05  FILLER              PIC X.
           05  WS-R                PIC X(2).
       01  WS-EOF                  PIC X VALUE "N".
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM UNTIL WS-EOF = "Y"
               MOVE SPACES TO WS-PAIR
               ACCEPT WS-PAIR
               IF WS-PAIR = SPACES
                   MOVE "Y" TO WS-EOF
               ELSE
                   EVALUATE TRUE
                       WHEN WS-L < WS-R
                           DISPLAY WS-L " < " WS-R
                       WHEN WS-L = WS-R
                           DISPLAY WS-L " = " WS-R
                       WHEN OTHER
                           DISPLAY WS-L " > " WS-R
                   END-EVALUATE
               END-IF
           END-PERFORM
           STOP RUN.
