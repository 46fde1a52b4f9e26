       IDENTIFICATION DIVISION.
       PROGRAM-ID. COLLEBC.
      * PROGRAM COLLATING SEQUENCE IS an EBCDIC alphabet: item
      * comparisons and SORT keys follow EBCDIC (lower case before
      * upper case before digits); two literals compare natively.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       OBJECT-COMPUTER. X86
           PROGRAM COLLATING SEQUENCE IS EBC.
       SPECIAL-NAMES.
           ALPHABET EBC IS EBCDIC.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT SW ASSIGN TO "SW.TMP".
       DATA DIVISION.
       FILE SECTION.
       SD  SW.
       01  SW-REC                  PIC X(6).
       WORKING-STORAGE SECTION.
       01  A                       PIC X(3) VALUE "abc".
       01  B                       PIC X(3) VALUE "ABC".
       01  D                       PIC X(3) VALUE "123".
       01  G.
           05  G1                  PIC X VALUE "a".
       01  N                       PIC 9(3) VALUE 123.
       01  WS-IN                   PIC X(6).
       01  WS-EOF                  PIC X VALUE "N".
       PROCEDURE DIVISION.
       MAIN-PARA.
           IF A < B DISPLAY "a < A" ELSE DISPLAY "a >= A" END-IF
           IF D > B DISPLAY "1 > A" ELSE DISPLAY "1 <= A" END-IF
           IF "a" < "A"
               DISPLAY "literals: a < A"
           ELSE
               DISPLAY "literals: a >= A"
           END-IF
           IF G < B DISPLAY "group a < A" ELSE DISPLAY "group a >= A"
           END-IF
           IF A < "ABC" DISPLAY "item a < literal A" END-IF
           IF N > "ABC" DISPLAY "numeric 123 > ABC as text" END-IF
           IF A < SPACES DISPLAY "a < space" ELSE DISPLAY "a >= space"
           END-IF
           IF A = "abc  " DISPLAY "padding equal" END-IF
           IF A > LOW-VALUES AND A < HIGH-VALUES
               DISPLAY "between LOW and HIGH"
           END-IF
           SORT SW ON ASCENDING KEY SW-REC
               INPUT PROCEDURE IS LOADER
               OUTPUT PROCEDURE IS SHOWER
           STOP RUN.
       LOADER SECTION.
       L1.
           PERFORM UNTIL WS-EOF = "Y"
               MOVE SPACES TO WS-IN
               ACCEPT WS-IN
               IF WS-IN = SPACES
                   MOVE "Y" TO WS-EOF
               ELSE
                   RELEASE SW-REC FROM WS-IN
               END-IF
           END-PERFORM.
       SHOWER SECTION.
       S1.
           MOVE "N" TO WS-EOF
           PERFORM UNTIL WS-EOF = "Y"
               RETURN SW AT END MOVE "Y" TO WS-EOF
               NOT AT END DISPLAY "[" SW-REC "]"
               END-RETURN
           END-PERFORM.
