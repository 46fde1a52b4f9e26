       IDENTIFICATION DIVISION.
       PROGRAM-ID. SALESRPT.
      *================================================================
      *  MONTHLY SALES BY REGION AND BRANCH.
      *  PAGED PRINT FILE WITH LINAGE, CONTROL BREAKS ON REGION AND
      *  BRANCH, GRAND TOTALS, PAGE FOOTING AT END-OF-PAGE.
      *================================================================
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT SALES-IN     ASSIGN TO "SALESIN"
                               ORGANIZATION IS LINE SEQUENTIAL
                               FILE STATUS IS SALES-STATUS.
           SELECT REPORT-OUT   ASSIGN TO "SALESRPT"
                               ORGANIZATION IS LINE SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  SALES-IN.
       01  SALES-REC.
           05  SR-REGION           PIC X(4).
           05  SR-BRANCH           PIC X(4).
           05  SR-REP-ID           PIC X(6).
           05  SR-REP-NAME         PIC X(20).
           05  SR-UNITS            PIC 9(5).
           05  SR-AMOUNT           PIC S9(7)V99.
           05  SR-RETURNS          PIC S9(5)V99.
       FD  REPORT-OUT
           LINAGE IS 56 LINES
               WITH FOOTING AT 52
               LINES AT TOP 3
               LINES AT BOTTOM 4.
       01  REPORT-LINE             PIC X(132).

       WORKING-STORAGE SECTION.
       01  SALES-STATUS            PIC XX.
           88  SALES-EOF                 VALUE "10".
       01  FLAGS.
           05  FIRST-RECORD-FLAG   PIC X VALUE "Y".
               88  FIRST-RECORD          VALUE "Y" FALSE "N".
       01  PREVIOUS-KEYS.
           05  PREV-REGION         PIC X(4)  VALUE LOW-VALUES.
           05  PREV-BRANCH         PIC X(4)  VALUE LOW-VALUES.
       01  TOTALS.
           05  BRANCH-TOTALS.
               10  BT-UNITS        PIC 9(7)        COMP-3.
               10  BT-AMOUNT       PIC S9(9)V99    COMP-3.
           05  REGION-TOTALS.
               10  RT-UNITS        PIC 9(7)        COMP-3.
               10  RT-AMOUNT       PIC S9(9)V99    COMP-3.
           05  GRAND-TOTALS.
               10  GT-UNITS        PIC 9(9)        COMP-3.
               10  GT-AMOUNT       PIC S9(11)V99   COMP-3.
       01  PAGE-NO                 PIC 9(4)  VALUE ZERO.
       01  NET-AMOUNT              PIC S9(9)V99.
       01  TODAY.
           05  TODAY-YY            PIC 99.
           05  TODAY-MM            PIC 99.
           05  TODAY-DD            PIC 99.
       01  NOW                     PIC 9(8).

       01  HEADING-1.
           05  FILLER              PIC X(10) VALUE "SALESRPT".
           05  FILLER              PIC X(40) VALUE SPACES.
           05  FILLER              PIC X(30)
                                   VALUE "MONTHLY SALES BY REGION".
           05  FILLER              PIC X(30) VALUE SPACES.
           05  FILLER              PIC X(5)  VALUE "PAGE ".
           05  H1-PAGE             PIC ZZZ9.
       01  HEADING-2.
           05  FILLER              PIC X(10) VALUE "RUN DATE ".
           05  H2-DATE             PIC 99/99/99.
           05  FILLER              PIC X(3)  VALUE SPACES.
           05  H2-TIME             PIC 99B99B99.
       01  HEADING-3.
           05  FILLER              PIC X(8)  VALUE "REGION".
           05  FILLER              PIC X(8)  VALUE "BRANCH".
           05  FILLER              PIC X(28) VALUE "SALES REP".
           05  FILLER              PIC X(10) VALUE "    UNITS".
           05  FILLER              PIC X(18) VALUE "        NET SALES".
       01  DETAIL-LINE.
           05  DL-REGION           PIC X(4).
           05  FILLER              PIC X(4)  VALUE SPACES.
           05  DL-BRANCH           PIC X(4).
           05  FILLER              PIC X(4)  VALUE SPACES.
           05  DL-REP-ID           PIC X(6).
           05  FILLER              PIC X     VALUE SPACE.
           05  DL-REP-NAME         PIC X(20).
           05  FILLER              PIC X     VALUE SPACE.
           05  DL-UNITS            PIC ZZ,ZZ9.
           05  FILLER              PIC X(3)  VALUE SPACES.
           05  DL-AMOUNT           PIC $$$,$$$,$$9.99CR.
       01  TOTAL-LINE.
           05  FILLER              PIC X(8)  VALUE SPACES.
           05  TL-LABEL            PIC X(36).
           05  TL-UNITS            PIC ZZZ,ZZ9.
           05  FILLER              PIC XX    VALUE SPACES.
           05  TL-AMOUNT           PIC **,***,***,**9.99-.
       01  FOOTING-LINE.
           05  FILLER              PIC X(50) VALUE ALL "-".
           05  FILLER              PIC X(20) VALUE " CONTINUED ON".
           05  FILLER              PIC X(6)  VALUE " PAGE".
           05  FL-NEXT-PAGE        PIC Z(3)9.

       PROCEDURE DIVISION.
       MAIN-LINE SECTION.
       M-010.
           OPEN INPUT SALES-IN OUTPUT REPORT-OUT
           ACCEPT TODAY FROM DATE
           ACCEPT NOW FROM TIME
           MOVE TODAY-MM TO H2-DATE (1:2)
           MOVE TODAY-DD TO H2-DATE (4:2)
           MOVE TODAY-YY TO H2-DATE (7:2)
           MOVE NOW (1:6) TO H2-TIME
           INITIALIZE TOTALS
           PERFORM PRINT-HEADINGS
           PERFORM READ-SALES
           PERFORM PROCESS-SALES UNTIL SALES-EOF
           IF NOT FIRST-RECORD
               PERFORM BRANCH-BREAK
               PERFORM REGION-BREAK
           END-IF
           PERFORM PRINT-GRAND-TOTAL
           CLOSE SALES-IN REPORT-OUT
           GOBACK.

       PROCESS-SALES SECTION.
       P-010.
           IF FIRST-RECORD
               MOVE SR-REGION TO PREV-REGION
               MOVE SR-BRANCH TO PREV-BRANCH
               SET FIRST-RECORD TO FALSE
           END-IF
           EVALUATE TRUE
               WHEN SR-REGION NOT = PREV-REGION
                   PERFORM BRANCH-BREAK
                   PERFORM REGION-BREAK
               WHEN SR-BRANCH NOT = PREV-BRANCH
                   PERFORM BRANCH-BREAK
           END-EVALUATE
           COMPUTE NET-AMOUNT = SR-AMOUNT - SR-RETURNS
           MOVE SR-REGION   TO DL-REGION
           MOVE SR-BRANCH   TO DL-BRANCH
           MOVE SR-REP-ID   TO DL-REP-ID
           MOVE SR-REP-NAME TO DL-REP-NAME
           MOVE SR-UNITS    TO DL-UNITS
           MOVE NET-AMOUNT  TO DL-AMOUNT
           WRITE REPORT-LINE FROM DETAIL-LINE AFTER ADVANCING 1 LINE
               AT END-OF-PAGE
                   PERFORM PAGE-FOOTING
                   PERFORM PRINT-HEADINGS
           END-WRITE
           ADD SR-UNITS   TO BT-UNITS
           ADD NET-AMOUNT TO BT-AMOUNT
           PERFORM READ-SALES.
       P-EXIT.
           EXIT.

       BREAKS SECTION.
       BRANCH-BREAK.
           MOVE SPACES TO TL-LABEL
           STRING "TOTAL BRANCH " DELIMITED BY SIZE
                  PREV-BRANCH     DELIMITED BY SPACE
                  INTO TL-LABEL
           MOVE BT-UNITS  TO TL-UNITS
           MOVE BT-AMOUNT TO TL-AMOUNT
           WRITE REPORT-LINE FROM TOTAL-LINE AFTER 2
               AT EOP
                   PERFORM PAGE-FOOTING
                   PERFORM PRINT-HEADINGS
           END-WRITE
           ADD BT-UNITS  TO RT-UNITS
           ADD BT-AMOUNT TO RT-AMOUNT
           MOVE ZERO TO BT-UNITS BT-AMOUNT
           MOVE SR-BRANCH TO PREV-BRANCH.
       REGION-BREAK.
           MOVE SPACES TO TL-LABEL
           STRING "TOTAL REGION " PREV-REGION DELIMITED BY SIZE
                  INTO TL-LABEL
           END-STRING
           MOVE RT-UNITS  TO TL-UNITS
           MOVE RT-AMOUNT TO TL-AMOUNT
           WRITE REPORT-LINE FROM TOTAL-LINE
               AFTER ADVANCING 2 LINES
           MOVE SPACES TO REPORT-LINE
           WRITE REPORT-LINE BEFORE ADVANCING 1
           ADD RT-UNITS  TO GT-UNITS
           ADD RT-AMOUNT TO GT-AMOUNT
           INITIALIZE REGION-TOTALS
           MOVE SR-REGION TO PREV-REGION.

       REPORT-IO SECTION.
       READ-SALES.
           READ SALES-IN
               AT END CONTINUE
           END-READ.
       PRINT-HEADINGS.
           ADD 1 TO PAGE-NO
           MOVE PAGE-NO TO H1-PAGE
           WRITE REPORT-LINE FROM HEADING-1 AFTER ADVANCING PAGE
           WRITE REPORT-LINE FROM HEADING-2 AFTER ADVANCING 1 LINE
           WRITE REPORT-LINE FROM HEADING-3 AFTER ADVANCING 2 LINES
           MOVE ALL "=" TO REPORT-LINE
           WRITE REPORT-LINE AFTER 1.
       PAGE-FOOTING.
           COMPUTE FL-NEXT-PAGE = PAGE-NO + 1
           IF LINAGE-COUNTER < 52
               MOVE SPACES TO REPORT-LINE
               WRITE REPORT-LINE BEFORE ADVANCING 1 LINE
           END-IF
           WRITE REPORT-LINE FROM FOOTING-LINE AFTER ADVANCING 1 LINE.
       PRINT-GRAND-TOTAL.
           MOVE "GRAND TOTAL" TO TL-LABEL
           MOVE GT-UNITS  TO TL-UNITS
           MOVE GT-AMOUNT TO TL-AMOUNT
           WRITE REPORT-LINE FROM TOTAL-LINE AFTER ADVANCING 3 LINES
               AT END-OF-PAGE
                   PERFORM PRINT-HEADINGS
                   WRITE REPORT-LINE FROM TOTAL-LINE AFTER ADVANCING 2
           END-WRITE.
