      *================================================================*
      * CUSTSCR  - ONLINE CUSTOMER MAINTENANCE, GNUCOBOL SCREEN I/O    *
      *            SCREEN SECTION, DISPLAY/ACCEPT OF SCREENS AND AT    *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CUSTSCR.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SPECIAL-NAMES.
           CRT STATUS IS WS-CRT-STATUS.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-CRT-STATUS         PIC 9(4).
       01  WS-CUST-ID            PIC X(8).
       01  WS-CUST-NAME          PIC X(30).
       01  WS-BALANCE            PIC S9(7)V99.
       01  WS-PASSWORD           PIC X(8).
       01  WS-MSG                PIC X(60).
       01  WS-ROW                PIC 99 VALUE 10.
       SCREEN SECTION.
       01  MAIN-SCREEN BLANK SCREEN
               FOREGROUND-COLOR 7 BACKGROUND-COLOR 1.
           05  LINE 1 COLUMN 25 VALUE "CUSTOMER MAINTENANCE"
                   HIGHLIGHT UNDERLINE.
           05  LINE 3 COL 5 VALUE "CUSTOMER ID:".
           05  SC-CUST-ID LINE 3 COL 20 PIC X(8)
                   USING WS-CUST-ID REQUIRED AUTO REVERSE-VIDEO.
           05  LINE PLUS 2 COLUMN 5 VALUE "NAME:".
           05  SC-NAME LINE 5 COLUMN PLUS 10 PIC X(30)
                   TO WS-CUST-NAME FULL.
           05  LINE 7 COL 5 VALUE "BALANCE:".
           05  SC-BAL LINE 7 COL 20 PIC -Z,ZZZ,ZZ9.99
                   FROM WS-BALANCE.
           05  LINE 9 COL 5 VALUE "PASSWORD:".
           05  SC-PW LINE 9 COL 20 PIC X(8) TO WS-PASSWORD SECURE.
           05  SC-MSG LINE 22 COL 1 PIC X(60) FROM WS-MSG
                   BELL ERASE EOL.
       01  CLEAR-SCREEN.
           05  BLANK SCREEN.
       01  ERR-LINE.
           05  LINE 23 COLUMN 1 BLANK LINE.
           05  LINE 23 COLUMN 1 ERASE EOS VALUE "ERROR" BLINK
               LOWLIGHT.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY CLEAR-SCREEN
           DISPLAY MAIN-SCREEN
           ACCEPT MAIN-SCREEN
           ACCEPT SC-CUST-ID
           DISPLAY "HELLO" AT LINE 20 COLUMN 5
           DISPLAY WS-MSG AT 2101
           ACCEPT WS-CUST-ID AT LINE WS-ROW COL 10
           ACCEPT WS-PASSWORD LINE 12 COLUMN 10 WITH SECURE
           DISPLAY ERR-LINE
           ACCEPT WS-CUST-ID AT 1010 WITH UPDATE ON EXCEPTION
               DISPLAY "EXC" END-ACCEPT
           STOP RUN.
