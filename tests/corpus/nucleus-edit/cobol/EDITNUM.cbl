       IDENTIFICATION DIVISION.
       PROGRAM-ID.    EDITNUM.
      *================================================================*
      * EDITNUM - NUMERIC EDITING. EACH AMOUNT READ FROM STDIN         *
      * (S9(7)V99 SIGN LEADING SEPARATE, E.G. -000123456 = -1234.56)   *
      * IS MOVED TO A BATTERY OF EDITED PICTURES:                      *
      *   ZERO SUPPRESSION, CHECK PROTECTION, FIXED AND FLOATING       *
      *   CURRENCY / + / -, CR AND DB, B 0 / INSERTION, BLANK WHEN     *
      *   ZERO; THEN SOME EDITED RESULTS ARE DE-EDITED BACK.           *
      * A BLANK LINE OR END OF INPUT ENDS THE RUN.                     *
      *================================================================*
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  IN-LINE.
           05  IN-AMT                  PIC S9(7)V99
                                       SIGN LEADING SEPARATE.
           05  FILLER                  PIC X(70).
       01  WS-AMT                      PIC S9(7)V99.
       01  WS-INT                      PIC S9(9).
       01  WS-BACK                     PIC S9(7)V99.
       01  EDITS.
           05  E01                     PIC ZZZ,ZZ9.99.
           05  E02                     PIC ZZZ,ZZZ.ZZ.
           05  E03                     PIC ***,**9.99.
           05  E04                     PIC ***,***.**.
           05  E05                     PIC $$$$,$$9.99.
           05  E06                     PIC $ZZZ,ZZ9.99CR.
           05  E07                     PIC ZZZ,ZZ9.99DB.
           05  E08                     PIC +ZZZ,ZZ9.99.
           05  E09                     PIC -ZZZ,ZZ9.99.
           05  E10                     PIC ZZZ,ZZ9.99+.
           05  E11                     PIC ZZZ,ZZ9.99-.
           05  E12                     PIC ++++,++9.99.
           05  E13                     PIC ----,--9.99.
           05  E14                     PIC 9(7).99.
           05  E15                     PIC $**,***,**9.99.
           05  E16                     PIC ZZZ9.99 BLANK WHEN ZERO.
           05  E17                     PIC --,---,--9.
           05  E18                     PIC Z(7).
           05  E19                     PIC $$,$$$,$$9.99-.
           05  E20                     PIC ++++++++.++.
       01  INT-EDITS.
           05  I01                     PIC 999B999B999.
           05  I02                     PIC 99/99/99.
           05  I03                     PIC Z(5)00.
           05  I04                     PIC 9(3)0B0.
           05  I05                     PIC ZZZBZZZBZZ9-.
       01  WS-COUNT                    PIC 99 VALUE ZERO.
       PROCEDURE DIVISION.
       0000-MAIN.
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE
           PERFORM 1000-EDIT-ONE UNTIL IN-LINE = SPACES
           DISPLAY "AMOUNTS=" WS-COUNT
           STOP RUN.
       1000-EDIT-ONE.
           ADD 1 TO WS-COUNT
           MOVE IN-AMT TO WS-AMT
           DISPLAY "AMOUNT " WS-AMT
           MOVE WS-AMT TO E01 E02 E03 E04 E05 E06 E07 E08 E09 E10
                          E11 E12 E13 E14 E15 E16 E17 E18 E19 E20
           DISPLAY "  E01 ZZZ,ZZ9.99       [" E01 "]"
           DISPLAY "  E02 ZZZ,ZZZ.ZZ       [" E02 "]"
           DISPLAY "  E03 ***,**9.99       [" E03 "]"
           DISPLAY "  E04 ***,***.**       [" E04 "]"
           DISPLAY "  E05 $$$$,$$9.99      [" E05 "]"
           DISPLAY "  E06 $ZZZ,ZZ9.99CR    [" E06 "]"
           DISPLAY "  E07 ZZZ,ZZ9.99DB     [" E07 "]"
           DISPLAY "  E08 +ZZZ,ZZ9.99      [" E08 "]"
           DISPLAY "  E09 -ZZZ,ZZ9.99      [" E09 "]"
           DISPLAY "  E10 ZZZ,ZZ9.99+      [" E10 "]"
           DISPLAY "  E11 ZZZ,ZZ9.99-      [" E11 "]"
           DISPLAY "  E12 ++++,++9.99      [" E12 "]"
           DISPLAY "  E13 ----,--9.99      [" E13 "]"
           DISPLAY "  E14 9(7).99          [" E14 "]"
           DISPLAY "  E15 $**,***,**9.99   [" E15 "]"
           DISPLAY "  E16 ZZZ9.99 BWZ      [" E16 "]"
           DISPLAY "  E17 --,---,--9       [" E17 "]"
           DISPLAY "  E18 Z(7)             [" E18 "]"
           DISPLAY "  E19 $$,$$$,$$9.99-   [" E19 "]"
           DISPLAY "  E20 ++++++++.++      [" E20 "]"
           MOVE WS-AMT TO WS-INT
           MOVE WS-INT TO I01 I02 I03 I04 I05
           DISPLAY "  I01 999B999B999      [" I01 "]"
           DISPLAY "  I02 99/99/99         [" I02 "]"
           DISPLAY "  I03 Z(5)00           [" I03 "]"
           DISPLAY "  I04 9(3)0B0          [" I04 "]"
           DISPLAY "  I05 ZZZBZZZBZZ9-     [" I05 "]"
      *    DE-EDITING: MOVE AN EDITED ITEM BACK TO A NUMERIC ITEM
           MOVE E06 TO WS-BACK
           DISPLAY "  BACK FROM E06        " WS-BACK
           MOVE E13 TO WS-BACK
           DISPLAY "  BACK FROM E13        " WS-BACK
           MOVE E15 TO WS-BACK
           DISPLAY "  BACK FROM E15        " WS-BACK
           MOVE E07 TO WS-BACK
           DISPLAY "  BACK FROM E07        " WS-BACK
           MOVE SPACES TO IN-LINE
           ACCEPT IN-LINE.
