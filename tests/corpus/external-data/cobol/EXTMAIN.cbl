       IDENTIFICATION DIVISION.
       PROGRAM-ID. EXTMAIN.
      * EXTERNAL data shared with a separately compiled subprogram:
      * each sees what the other left, across CALLs.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  SHARED-AREA EXTERNAL.
           05  SH-COUNT             PIC 9(3).
           05  SH-NAME              PIC X(8).
       PROCEDURE DIVISION.
           MOVE 5 TO SH-COUNT
           MOVE "MAIN" TO SH-NAME
           CALL "EXTSUB"
           DISPLAY "MAIN SEES " SH-COUNT " " SH-NAME
           CALL "EXTSUB"
           DISPLAY "MAIN SEES " SH-COUNT " " SH-NAME
           STOP RUN.
