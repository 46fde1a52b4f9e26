       IDENTIFICATION DIVISION.
       PROGRAM-ID. MOVESYNC.
      * SYNCHRONIZED binary items: slack bytes before them, counted
      * from the start of the level-01 record (also inside a nested
      * group), seen through a REDEFINES and in group lengths.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  G.
           05  A                   PIC X.
           05  B                   PIC S9(9) COMP SYNC.
           05  C                   PIC X.
           05  D                   PIC S9(4) COMP-5 SYNCHRONIZED.
           05  E                   PIC S9(18) BINARY SYNC.
           05  F                   PIC 9(3) SYNC.
           05  N.
               10  N1              PIC X.
               10  N2              PIC S9(9) COMP SYNC.
                   88  N2-ONE      VALUE 1.
           05  P                   PIC S9(2) COMP SYNC.
           05  Z                   PIC X.
       01  H REDEFINES G           PIC X(48).
       01  K.
           05  K1                  PIC XX.
           05  K2                  COMP-2 SYNC.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "G " FUNCTION LENGTH(G) " N " FUNCTION LENGTH(N)
               " K " FUNCTION LENGTH(K)
           MOVE ALL "." TO H
           MOVE "a" TO A
           MOVE 1 TO B
           MOVE "c" TO C
           MOVE 2 TO D
           MOVE 3 TO E
           MOVE 456 TO F
           MOVE "n" TO N1
           MOVE 1 TO N2
           MOVE 4 TO P
           MOVE "z" TO Z
           IF N2-ONE
               DISPLAY "N2 IS ONE"
           END-IF
           INSPECT H REPLACING ALL X"00" BY "0" ALL X"01" BY "1"
               ALL X"02" BY "2" ALL X"03" BY "3" ALL X"04" BY "4"
           DISPLAY "[" H "]"
           MOVE "ab" TO K1
           MOVE 1.5 TO K2
           DISPLAY K2
           STOP RUN.
