000100***************************************************************** TRANREC
000200*    TRANREC  -  DAILY ACCOUNT TRANSACTION, 80 BYTES, FIXED       TRANREC
000300***************************************************************** TRANREC
000400 01  TRANS-REC.                                                   TRANREC
000500     05  TR-ACCT-NO              PIC X(10).                       TRANREC
000600     05  TR-TYPE                 PIC X.                           TRANREC
000700         88  TR-DEPOSIT              VALUE 'D'.                   TRANREC
000800         88  TR-WITHDRAWAL           VALUE 'W'.                   TRANREC
000900         88  TR-ADD-ACCOUNT          VALUE 'A'.                   TRANREC
001000         88  TR-CLOSE-ACCOUNT        VALUE 'C'.                   TRANREC
001100         88  TR-VALID-TYPE           VALUES ARE 'A' 'C' 'D' 'W'.  TRANREC
001200     05  TR-DATE.                                                 TRANREC
001300         10  TR-DATE-CCYY        PIC 9(4).                        TRANREC
001400         10  TR-DATE-MM          PIC 99.                          TRANREC
001500         10  TR-DATE-DD          PIC 99.                          TRANREC
001600     05  TR-AMOUNT               PIC S9(9)V99                     TRANREC
001700                           SIGN IS LEADING SEPARATE CHARACTER.    TRANREC
001800     05  TR-DATA                 PIC X(49).                       TRANREC
001900     05  TR-ADD-DATA REDEFINES TR-DATA.                           TRANREC
002000         10  TR-NAME             PIC X(30).                       TRANREC
002100         10  TR-BRANCH           PIC 9(3).                        TRANREC
002200         10  FILLER              PIC X(16).                       TRANREC
