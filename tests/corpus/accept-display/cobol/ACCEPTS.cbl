       IDENTIFICATION DIVISION.
       PROGRAM-ID.    ACCEPTS.
      *================================================================*
      * ACCEPTS - EVERY ACCEPT SOURCE                                  *
      *   DATE, DATE YYYYMMDD, DAY, DAY YYYYDDD, DAY-OF-WEEK, TIME     *
      *   (PINNED BY COB_CURRENT_DATE)                                 *
      *   ENVIRONMENT "NAME", ENVIRONMENT-NAME / ENVIRONMENT-VALUE     *
      *   COMMAND-LINE, ARGUMENT-NUMBER, ARGUMENT-VALUE                *
      *   STDIN: LINE 1 INTO A NUMERIC ITEM, LINE 2 INTO A SIGNED ONE, *
      *   THEN LINES INTO X(12) UNTIL END OF INPUT (AT MOST 8 LINES).  *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-DATE6                    PIC 9(6).
       01  WS-DATE8                    PIC 9(8).
       01  WS-DAY5                     PIC 9(5).
       01  WS-DAY7                     PIC 9(7).
       01  WS-DOW                      PIC 9.
       01  WS-TIME                     PIC 9(8).
       01  WS-DATE-GROUP.
           05  WS-YY                   PIC 99.
           05  WS-MM                   PIC 99.
           05  WS-DD                   PIC 99.
       01  WS-ENV                      PIC X(16).
       01  WS-FLAG                     PIC X.
       01  WS-CMDLINE                  PIC X(40).
       01  WS-ARGC                     PIC 9(3).
       01  WS-ARG                      PIC X(10).
       01  WS-I                        PIC 9(3).
       01  WS-NUM                      PIC 9(5).
       01  WS-SNUM                     PIC S9(4)V99.
       01  WS-TEXT                     PIC X(12).
       01  WS-LEN                      PIC 99.
       01  WS-LINES                    PIC 99    VALUE ZERO.
       PROCEDURE DIVISION.
       0000-MAIN.
           PERFORM 1000-CLOCK
           PERFORM 2000-ENVIRONMENT
           PERFORM 3000-ARGUMENTS
           PERFORM 4000-STDIN
           STOP RUN.
       1000-CLOCK.
           ACCEPT WS-DATE6 FROM DATE
           ACCEPT WS-DATE8 FROM DATE YYYYMMDD
           ACCEPT WS-DAY5 FROM DAY
           ACCEPT WS-DAY7 FROM DAY YYYYDDD
           ACCEPT WS-DOW FROM DAY-OF-WEEK
           ACCEPT WS-TIME FROM TIME
           ACCEPT WS-DATE-GROUP FROM DATE
           DISPLAY "DATE " WS-DATE6 " " WS-DATE8 " DAY " WS-DAY5 " "
                   WS-DAY7 " DOW " WS-DOW " TIME " WS-TIME
           DISPLAY "DATE GROUP " WS-DD "." WS-MM "." WS-YY.
       2000-ENVIRONMENT.
           MOVE ALL "?" TO WS-ENV
           ACCEPT WS-ENV FROM ENVIRONMENT "APP_MODE"
               ON EXCEPTION MOVE "E" TO WS-FLAG
               NOT ON EXCEPTION MOVE "N" TO WS-FLAG
           END-ACCEPT
           DISPLAY "APP_MODE [" WS-ENV "] EXCEPTION=" WS-FLAG
           MOVE ALL "?" TO WS-ENV
           DISPLAY "APP_REGION" UPON ENVIRONMENT-NAME
           ACCEPT WS-ENV FROM ENVIRONMENT-VALUE
               ON EXCEPTION MOVE "E" TO WS-FLAG
               NOT ON EXCEPTION MOVE "N" TO WS-FLAG
           END-ACCEPT
           DISPLAY "APP_REGION [" WS-ENV "] EXCEPTION=" WS-FLAG
           DISPLAY "APP_STAMP" UPON ENVIRONMENT-NAME
           DISPLAY "SET-BY-PROGRAM" UPON ENVIRONMENT-VALUE
           MOVE ALL "?" TO WS-ENV
           ACCEPT WS-ENV FROM ENVIRONMENT "APP_STAMP"
           DISPLAY "APP_STAMP [" WS-ENV "]".
       3000-ARGUMENTS.
           MOVE ALL "?" TO WS-CMDLINE
           ACCEPT WS-CMDLINE FROM COMMAND-LINE
           DISPLAY "COMMAND-LINE [" WS-CMDLINE "]"
           ACCEPT WS-ARGC FROM ARGUMENT-NUMBER
           DISPLAY "ARGUMENT-NUMBER " WS-ARGC
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > WS-ARGC + 1
               MOVE ALL "?" TO WS-ARG
               ACCEPT WS-ARG FROM ARGUMENT-VALUE
                   ON EXCEPTION MOVE "E" TO WS-FLAG
                   NOT ON EXCEPTION MOVE "N" TO WS-FLAG
               END-ACCEPT
               DISPLAY "ARGUMENT " WS-I " [" WS-ARG "] EXCEPTION="
                       WS-FLAG
           END-PERFORM
           MOVE ALL "?" TO WS-ARG
           DISPLAY 2 UPON ARGUMENT-NUMBER
           ACCEPT WS-ARG FROM ARGUMENT-VALUE
           DISPLAY "ARGUMENT 2 AGAIN [" WS-ARG "]".
       4000-STDIN.
           MOVE 11111 TO WS-NUM
           ACCEPT WS-NUM
           DISPLAY "NUMERIC LINE  " WS-NUM
           MOVE 1111 TO WS-SNUM
           ACCEPT WS-SNUM
           DISPLAY "SIGNED LINE   " WS-SNUM
           MOVE "N" TO WS-FLAG
           PERFORM UNTIL WS-FLAG = "E" OR WS-LINES = 8
               MOVE ALL "#" TO WS-TEXT
               ACCEPT WS-TEXT
                   ON EXCEPTION MOVE "E" TO WS-FLAG
               END-ACCEPT
               ADD 1 TO WS-LINES
               MOVE 12 TO WS-LEN
               PERFORM UNTIL WS-LEN = 0
                          OR WS-TEXT(WS-LEN:1) NOT = SPACE
                   SUBTRACT 1 FROM WS-LEN
               END-PERFORM
               DISPLAY "TEXT " WS-LINES " [" WS-TEXT "] LEN=" WS-LEN
                       " EXCEPTION=" WS-FLAG
           END-PERFORM.
