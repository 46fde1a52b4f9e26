      *    AIDKEYS - OUR NAMES FOR THE ATTENTION IDENTIFIERS WE TEST.
      *    COPY INTO WORKING-STORAGE; MOVE EIBAID TO AK-AID FIRST.
       01  AK-AID                      PIC X.
           88  AK-ENTER                    VALUE QUOTE.
           88  AK-CLEAR                    VALUE '_'.
           88  AK-PF3                      VALUE '3'.
           88  AK-PF7                      VALUE '7'.
           88  AK-PF8                      VALUE '8'.
           88  AK-PF12                     VALUE '@'.
