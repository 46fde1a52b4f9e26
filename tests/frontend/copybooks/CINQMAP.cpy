      *    CINQMAP - SYMBOLIC MAP FOR MAPSET CINQSET, MAP CINQMAP.
      *    (HAND-WRITTEN IN THE LAYOUT THE MAP ASSEMBLER PRODUCES.)
       01  CINQMAPI.
           05  FILLER                  PIC X(12).
           05  CUSTNOL                 PIC S9(4) COMP.
           05  CUSTNOF                 PIC X.
           05  FILLER REDEFINES CUSTNOF.
               10  CUSTNOA             PIC X.
           05  CUSTNOI                 PIC X(8).
           05  NAMEL                   PIC S9(4) COMP.
           05  NAMEF                   PIC X.
           05  FILLER REDEFINES NAMEF.
               10  NAMEA               PIC X.
           05  NAMEI                   PIC X(30).
           05  BALL                    PIC S9(4) COMP.
           05  BALF                    PIC X.
           05  FILLER REDEFINES BALF.
               10  BALA                PIC X.
           05  BALI                    PIC X(13).
           05  MSGL                    PIC S9(4) COMP.
           05  MSGF                    PIC X.
           05  FILLER REDEFINES MSGF.
               10  MSGA                PIC X.
           05  MSGI                    PIC X(60).
       01  CINQMAPO REDEFINES CINQMAPI.
           05  FILLER                  PIC X(12).
           05  FILLER                  PIC X(3).
           05  CUSTNOO                 PIC X(8).
           05  FILLER                  PIC X(3).
           05  NAMEO                   PIC X(30).
           05  FILLER                  PIC X(3).
           05  BALO                    PIC -(9)9.99.
           05  FILLER                  PIC X(3).
           05  MSGO                    PIC X(60).
