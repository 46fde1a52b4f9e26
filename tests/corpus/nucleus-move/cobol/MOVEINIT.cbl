       IDENTIFICATION DIVISION.
       PROGRAM-ID. MOVEINIT.
      * VALUE clauses on table entries and their subordinates, SIGN
      * LEADING SEPARATE, ALL literal, COMP-5; JUSTIFIED RIGHT does
      * not apply to VALUE; BLANK WHEN ZERO makes a numeric item
      * numeric-edited (VALUE, MOVE, COMPUTE).
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  G.
           05  T                   PIC X(2) OCCURS 3 VALUE "AB".
           05  N                   PIC 9(2) OCCURS 2 VALUE 7.
           05  E OCCURS 2.
               10  E1              PIC X VALUE "e".
               10  E2              PIC 99 VALUE 12.
       01  P                       PIC S9(3)V9 VALUE -12.5
                                   SIGN LEADING SEPARATE.
       01  Q                       PIC 9(3) VALUE ZERO BLANK WHEN ZERO.
       01  R                       PIC X(5) VALUE "AB" JUSTIFIED RIGHT.
       01  S                       PIC X(4) VALUE ALL "XY".
       01  U                       PIC 9(4) VALUE 12 COMP-5.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "[" G "]"
           DISPLAY "[" P "][" Q "][" R "][" S "][" U "]"
           MOVE "CD" TO R
           DISPLAY "[" R "]"
           MOVE 5 TO Q
           DISPLAY "[" Q "]"
           COMPUTE Q = 3.25 + 0
           DISPLAY "[" Q "]"
           MOVE ZERO TO Q
           DISPLAY "[" Q "]"
           STOP RUN.
