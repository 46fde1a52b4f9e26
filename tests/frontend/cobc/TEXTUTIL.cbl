       Identification Division.
       Program-Id. TextUtil.
      *  Name and address clean-up for the mailing extract: splits
      *  free-text address lines, normalises case and spacing, builds
      *  the label lines and a match key.
       Environment Division.
       Configuration Section.
       Repository.
           Function All Intrinsic.
       Data Division.
       Working-Storage Section.
       01  Raw-Input.
           05  Raw-Name                Pic X(40).
           05  Raw-Address             Pic X(80).
       01  Name-Parts.
           05  Np-Title                Pic X(6).
           05  Np-First                Pic X(20).
           05  Np-Middle               Pic X(20).
           05  Np-Last                 Pic X(25).
           05  Np-Suffix               Pic X(6).
       01  Addr-Parts.
           05  Ap-Line                 Pic X(40) Occurs 4 Times.
           05  Ap-Delim                Pic X     Occurs 4 Times.
           05  Ap-Length               Pic 99    Occurs 4 Times.
       01  Counters.
           05  Part-Count              Pic 99    Value Zero.
           05  Comma-Count             Pic 99    Value Zero.
           05  Space-Count             Pic 999   Value Zero.
           05  Lead-Spaces             Pic 99    Value Zero.
           05  Ptr                     Pic 999   Value 1.
           05  I                       Pic 99.
       01  Label-Line                  Pic X(60).
       01  Match-Key                   Pic X(16).
       01  Work-Text                   Pic X(80).
       01  Rev-First                    Pic X(40).
       01  Name-Len                    Pic 99.
       01  Amount-Text                 Pic X(15) Value ' $1,234.50 '.
       01  Amount-Value                Pic S9(7)V99.
       01  Today-Stamp                 Pic X(21).
       01  Date-Parm.
           05  Dp-Function             Pic X      Value 'V'.
           05  Dp-Date-In              Pic 9(8).
           05  Dp-Date-Out             Pic X(10).
           05  Dp-Return               Pic S9(4)  Comp.
       Procedure Division.
       Main-Logic.
           Move '  mr   john  q  public  jr ' To Raw-Name
           Move '12 high street, apt 4,springfield,,  ' To Raw-Address
           Perform Split-Name
           Perform Split-Address
           Perform Build-Label
           Perform Build-Match-Key
           Perform Numbers-And-Dates
           Goback.

       Split-Name.
      *    Leading spaces are counted, then skipped with the pointer.
           Move Zero To Lead-Spaces
           Inspect Raw-Name Tallying Lead-Spaces For Leading Spaces
           Compute Ptr = Lead-Spaces + 1
           Unstring Raw-Name Delimited By All Spaces
               Into Np-Title Np-First Np-Middle Np-Last Np-Suffix
               With Pointer Ptr
               Tallying In Part-Count
               On Overflow
                   Display 'TextUtil: name has more than five parts'
           End-Unstring
           If Part-Count < 5
               Move Np-Middle To Np-Last
               Move Spaces To Np-Middle
           End-If
           Move Upper-Case (Np-Last) To Np-Last
           Inspect Np-First Converting 'abcdefghijklmnopqrstuvwxyz'
                                    To 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
           Inspect Np-Title Replacing All '.' By Space
                                      First 'mr' By 'MR'.

       Split-Address.
           Move Zero To Comma-Count
           Inspect Raw-Address Tallying Comma-Count For All ','
                               Space-Count For Characters
                                   Before Initial ',,'
           Move 1 To Ptr
           Initialize Addr-Parts
           Unstring Raw-Address
               Delimited By ',' Or All '  '
               Into Ap-Line (1) Delimiter In Ap-Delim (1)
                                Count In Ap-Length (1)
                    Ap-Line (2) Delimiter In Ap-Delim (2)
                                Count In Ap-Length (2)
                    Ap-Line (3) Delimiter Ap-Delim (3)
                                Count Ap-Length (3)
                    Ap-Line (4)
               Pointer Ptr
           End-Unstring
           Perform Varying I From 1 By 1 Until I > 4
               Move Trim (Ap-Line (I)) To Ap-Line (I)
               Inspect Ap-Line (I) Replacing Leading Spaces By Zeros
                                      After Initial '#'
           End-Perform.

       Build-Label.
           Move Spaces To Label-Line
           Move 1 To Ptr
           String Np-Title       Delimited By Space
                  ' '            Delimited By Size
                  Np-First       Delimited By '  '
                  ' '            Delimited By Size
                  Function Trim (Np-Last Trailing)
                                 Delimited By Size
               Into Label-Line
               With Pointer Ptr
               On Overflow
                   Move '*' To Label-Line (60:1)
               Not On Overflow
                   Compute Name-Len = Ptr - 1
           End-String.

       Build-Match-Key.
      *    Key: first four letters of the surname, reversed initials,
      *    then the length of the trimmed name.
           Move Reverse (Np-First) To Rev-First
           Move Spaces To Match-Key
           String Np-Last (1:4)
                  Rev-First (Length (Trim (Np-First)) - 1:)
                  Delimited By Space
                  Name-Len
                  Delimited By Size
               Into Match-Key
           Inspect Match-Key Replacing Characters By '0' After '  '
           Inspect Match-Key Tallying I For All 'A' 'E' 'I' 'O' 'U'.

       Numbers-And-Dates.
           Move Numval-C (Amount-Text) To Amount-Value
           If Test-Numval-C (Amount-Text) Not = 0
               Move Zero To Amount-Value
           End-If
           Move Current-Date To Today-Stamp
           Move Today-Stamp (1:8) To Dp-Date-In
           Call 'DATECONV' Using Date-Parm
               On Exception
                   Display 'TextUtil: DATECONV not available'
           End-Call
           Display 'TextUtil: ' Trim (Label-Line) ' / ' Match-Key
                   ' / ' Amount-Value ' / ' Dp-Date-Out
           Display 'TextUtil: max ' Max (Ap-Length (1) Ap-Length (2)
                                              Ap-Length (3))
                   ' ord of A ' Ord ('A')
                   ' mod ' Mod (Integer-Of-Date (Dp-Date-In), 7).
