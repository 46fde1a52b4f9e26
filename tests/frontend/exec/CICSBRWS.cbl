       IDENTIFICATION DIVISION.                                         BRWS0100
       PROGRAM-ID. CICSBRWS.                                            BRWS0100
      *    TRANSACTION CBRW: PAGES THROUGH THE ORDER FILE BY CUSTOMER.  BRWS0100
      *    STARTBR / READNEXT / READPREV / ENDBR, A TS QUEUE HOLDS THE  BRWS0100
      *    KEYS OF THE PAGES SHOWN, LINK TO THE PRICING PROGRAM, XCTL   BRWS0100
      *    BACK TO THE MENU.                                            BRWS0100
       DATA DIVISION.                                                   BRWS0100
       WORKING-STORAGE SECTION.                                         BRWS0100
       01  WS-RESP                     PIC S9(8) COMP VALUE 0.          BRWS0100
       01  WS-ITEM                     PIC S9(4) COMP VALUE 1.          BRWS0100
       01  WS-LINES                    PIC S9(4) COMP VALUE 0.          BRWS0100
       01  WS-QUEUE-NAME.                                               BRWS0100
           05  FILLER                  PIC X(4)  VALUE 'CBRW'.          BRWS0100
           05  WS-Q-TERM               PIC X(4).                        BRWS0100
       01  WS-ORDER-KEY.                                                BRWS0100
           05  WS-OK-CUSTOMER          PIC X(8).                        BRWS0100
           05  WS-OK-ORDER             PIC 9(8).                        BRWS0100
       01  WS-ORDER-REC.                                                BRWS0100
           05  OR-KEY.                                                  BRWS0100
               10  OR-CUSTOMER         PIC X(8).                        BRWS0100
               10  OR-ORDER-NO         PIC 9(8).                        BRWS0100
           05  OR-DATE                 PIC 9(8).                        BRWS0100
           05  OR-VALUE                PIC S9(7)V99 COMP-3.             BRWS0100
           05  OR-STATUS               PIC X.                           BRWS0100
       01  WS-SCREEN.                                                   BRWS0100
           05  WS-SCREEN-LINE          OCCURS 12 TIMES.                 BRWS0100
               10  SL-ORDER            PIC 9(8).                        BRWS0100
               10  FILLER              PIC X     VALUE SPACE.           BRWS0100
               10  SL-DATE             PIC 9999/99/99.                  BRWS0100
               10  FILLER              PIC X     VALUE SPACE.           BRWS0100
               10  SL-VALUE            PIC Z,ZZZ,ZZ9.99-.               BRWS0100
       01  WS-PRICING-AREA.                                             BRWS0100
           05  PA-ORDER-KEY            PIC X(16).                       BRWS0100
           05  PA-PRICE                PIC S9(7)V99 COMP-3.             BRWS0100
           05  PA-RC                   PIC S9(4) COMP.                  BRWS0100
       01  WS-LITERAL-WITH-KEYWORD     PIC X(30)                        BRWS0100
                           VALUE 'TEXT WITH END-EXEC INSIDE'.           BRWS0100
           COPY AIDKEYS.                                                BRWS0100
       LINKAGE SECTION.                                                 BRWS0100
       01  DFHCOMMAREA.                                                 BRWS0100
           05  CA-DIRECTION            PIC X.                           BRWS0100
               88  CA-FORWARD              VALUE 'F'.                   BRWS0100
               88  CA-BACKWARD             VALUE 'B'.                   BRWS0100
           05  CA-PAGE-NO              PIC S9(4) COMP.                  BRWS0100
           05  CA-FIRST-KEY            PIC X(16).                       BRWS0100
           05  CA-LAST-KEY             PIC X(16).                       BRWS0100
       PROCEDURE DIVISION.                                              BRWS0100
       MAIN-PARA.                                                       BRWS0100
           MOVE EIBAID TO AK-AID                                        BRWS0100
           MOVE EIBTRMID TO WS-Q-TERM                                   BRWS0100
           IF AK-PF3                                                    BRWS0100
               EXEC CICS DELETEQ TS QUEUE(WS-QUEUE-NAME)                BRWS0100
                         RESP(WS-RESP)                                  BRWS0100
               END-EXEC                                                 BRWS0100
               EXEC CICS XCTL PROGRAM('MENU01')                         BRWS0100
               END-EXEC.                                                BRWS0100
           IF EIBCALEN < LENGTH OF DFHCOMMAREA                          BRWS0100
               EXEC CICS SEND TEXT FROM(WS-LITERAL-WITH-KEYWORD)        BRWS0100
                         LENGTH(30) ERASE                               BRWS0100
               END-EXEC                                                 BRWS0100
               EXEC CICS RETURN END-EXEC                                BRWS0100
           END-IF                                                       BRWS0100
           EVALUATE TRUE                                                BRWS0100
               WHEN AK-PF8                                              BRWS0100
                   SET CA-FORWARD TO TRUE                               BRWS0100
                   MOVE CA-LAST-KEY TO WS-ORDER-KEY                     BRWS0100
                   PERFORM FORWARD-PAGE                                 BRWS0100
               WHEN AK-PF7                                              BRWS0100
                   SET CA-BACKWARD TO TRUE                              BRWS0100
                   PERFORM BACKWARD-PAGE                                BRWS0100
               WHEN AK-ENTER                                            BRWS0100
                   PERFORM PRICE-FIRST-ORDER                            BRWS0100
           END-EVALUATE                                                 BRWS0100
           EXEC CICS SEND TEXT FROM(WS-SCREEN)                          BRWS0100
                     LENGTH(LENGTH OF WS-SCREEN)                        BRWS0100
                     ERASE                                              BRWS0100
           END-EXEC                                                     BRWS0100
           EXEC CICS RETURN TRANSID(EIBTRNID)                           BRWS0100
                     COMMAREA(DFHCOMMAREA)                              BRWS0100
           END-EXEC.                                                    BRWS0100

       FORWARD-PAGE.                                                    BRWS0100
           EXEC CICS STARTBR FILE('ORDERS')                             BRWS0100
                     RIDFLD(WS-ORDER-KEY)                               BRWS0100
                     GTEQ                                               BRWS0100
                     RESP(WS-RESP)                                      BRWS0100
           END-EXEC                                                     BRWS0100
           IF WS-RESP NOT = DFHRESP(NORMAL)                             BRWS0100
               MOVE 'NO MORE ORDERS' TO WS-SCREEN                       BRWS0100
           ELSE                                                         BRWS0100
               MOVE ZERO TO WS-LINES                                    BRWS0100
               PERFORM UNTIL WS-LINES = 12                              BRWS0100
                          OR WS-RESP NOT = DFHRESP(NORMAL)              BRWS0100
                   EXEC CICS READNEXT FILE('ORDERS')                    BRWS0100
                             INTO(WS-ORDER-REC)                         BRWS0100
                             RIDFLD(WS-ORDER-KEY)                       BRWS0100
                             RESP(WS-RESP)                              BRWS0100
                   END-EXEC                                             BRWS0100
                   IF WS-RESP = DFHRESP(NORMAL)                         BRWS0100
                       ADD 1 TO WS-LINES                                BRWS0100
                       MOVE OR-ORDER-NO TO SL-ORDER (WS-LINES)          BRWS0100
                       MOVE OR-DATE     TO SL-DATE (WS-LINES)           BRWS0100
                       MOVE OR-VALUE    TO SL-VALUE (WS-LINES)          BRWS0100
                       IF WS-LINES = 1                                  BRWS0100
                           MOVE OR-KEY TO CA-FIRST-KEY                  BRWS0100
                       END-IF                                           BRWS0100
                       MOVE OR-KEY TO CA-LAST-KEY                       BRWS0100
                   END-IF                                               BRWS0100
               END-PERFORM                                              BRWS0100
               EXEC CICS ENDBR FILE('ORDERS') END-EXEC                  BRWS0100
               ADD 1 TO CA-PAGE-NO                                      BRWS0100
               EXEC CICS WRITEQ TS QUEUE(WS-QUEUE-NAME)                 BRWS0100
                         FROM(CA-FIRST-KEY)                             BRWS0100
                         ITEM(WS-ITEM)                                  BRWS0100
                         MAIN                                           BRWS0100
               END-EXEC                                                 BRWS0100
           END-IF.                                                      BRWS0100

       BACKWARD-PAGE.                                                   BRWS0100
           IF CA-PAGE-NO > 1                                            BRWS0100
               SUBTRACT 1 FROM CA-PAGE-NO                               BRWS0100
               MOVE CA-PAGE-NO TO WS-ITEM                               BRWS0100
               EXEC CICS READQ TS QUEUE(WS-QUEUE-NAME)                  BRWS0100
                         INTO(WS-ORDER-KEY) ITEM(WS-ITEM)               BRWS0100
                         RESP(WS-RESP)                                  BRWS0100
               END-EXEC                                                 BRWS0100
               IF WS-RESP = DFHRESP(NORMAL)                             BRWS0100
                   PERFORM FORWARD-PAGE                                 BRWS0100
               ELSE                                                     BRWS0100
                   MOVE 'PAGE HISTORY LOST' TO WS-SCREEN.               BRWS0100

       PRICE-FIRST-ORDER.                                               BRWS0100
           MOVE CA-FIRST-KEY TO PA-ORDER-KEY                            BRWS0100
           EXEC CICS LINK PROGRAM('PRICE01')                            BRWS0100
                     COMMAREA(WS-PRICING-AREA)                          BRWS0100
                     LENGTH(LENGTH OF WS-PRICING-AREA)                  BRWS0100
                     RESP(WS-RESP)                                      BRWS0100
           END-EXEC                                                     BRWS0100
           IF WS-RESP = DFHRESP(PGMIDERR)                               BRWS0100
               MOVE 'PRICING NOT AVAILABLE' TO WS-SCREEN                BRWS0100
           ELSE                                                         BRWS0100
               IF PA-RC = ZERO                                          BRWS0100
                   EXEC CICS SYNCPOINT END-EXEC                         BRWS0100
               ELSE                                                     BRWS0100
                   EXEC CICS SYNCPOINT ROLLBACK END-EXEC                BRWS0100
               END-IF                                                   BRWS0100
           END-IF.                                                      BRWS0100
