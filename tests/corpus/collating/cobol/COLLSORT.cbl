       IDENTIFICATION DIVISION.
       PROGRAM-ID. COLLSORT.
      * SORT ... COLLATING SEQUENCE IS an EBCDIC alphabet in a program
      * whose own collating sequence is native: the keys follow EBCDIC,
      * comparisons in the output procedure stay native. Then SORT
      * with a literal alphabet and a descending key.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SPECIAL-NAMES.
           ALPHABET EBC IS EBCDIC
           ALPHABET VOWELS-FIRST IS "AEIOU" "aeiou".
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT SW ASSIGN TO "SW.TMP".
       DATA DIVISION.
       FILE SECTION.
       SD  SW.
       01  SW-REC.
           05  SW-KEY              PIC X(6).
           05  SW-SEQ              PIC 99.
       WORKING-STORAGE SECTION.
       01  WS-WORDS.
           05  FILLER              PIC X(30) VALUE
               "zeta  Alpha 10    beta  Bravo ".
           05  FILLER              PIC X(30) VALUE
               "9livesecho  Omega apple Ultra ".
       01  WS-I                    PIC 99.
       01  WS-EOF                  PIC X.
       01  WS-PREV                 PIC X(6).
       PROCEDURE DIVISION.
       MAIN-PARA.
           SORT SW ON ASCENDING KEY SW-KEY
               COLLATING SEQUENCE IS EBC
               INPUT PROCEDURE IS LOADER
               OUTPUT PROCEDURE IS SHOWER
           SORT SW ON DESCENDING KEY SW-KEY
               COLLATING SEQUENCE IS VOWELS-FIRST
               INPUT PROCEDURE IS LOADER
               OUTPUT PROCEDURE IS SHOWER
           STOP RUN.
       LOADER SECTION.
       L1.
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 10
               MOVE WS-WORDS ((WS-I - 1) * 6 + 1 : 6) TO SW-KEY
               MOVE WS-I TO SW-SEQ
               RELEASE SW-REC
           END-PERFORM.
       SHOWER SECTION.
       S1.
           MOVE "N" TO WS-EOF
           MOVE LOW-VALUES TO WS-PREV
           PERFORM UNTIL WS-EOF = "Y"
               RETURN SW AT END MOVE "Y" TO WS-EOF
               NOT AT END
                   IF SW-KEY < WS-PREV
                       DISPLAY SW-KEY " " SW-SEQ " (natively below "
                               WS-PREV ")"
                   ELSE
                       DISPLAY SW-KEY " " SW-SEQ
                   END-IF
                   MOVE SW-KEY TO WS-PREV
               END-RETURN
           END-PERFORM
           DISPLAY "--".
