       IDENTIFICATION DIVISION.
       PROGRAM-ID. EXTSUB.
      * The subprogram side of EXTMAIN: the same EXTERNAL record.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  SHARED-AREA EXTERNAL.
           05  SH-COUNT             PIC 9(3).
           05  SH-NAME              PIC X(8).
       PROCEDURE DIVISION.
           DISPLAY "SUB SEES " SH-COUNT " " SH-NAME
           ADD 1 TO SH-COUNT
           MOVE "SUB" TO SH-NAME
           GOBACK.
