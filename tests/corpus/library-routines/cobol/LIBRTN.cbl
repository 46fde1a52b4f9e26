      *================================================================*
      * LIBRTN: libcob library routines CALLed by name: SYSTEM (raw   *
      * wait status, DISPLAY output written first, signals), case     *
      * conversion, CBL_DELETE_FILE, CBL_XOR, sleeps.                  *
      *================================================================*
       IDENTIFICATION DIVISION.
       PROGRAM-ID. LIBRTN.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  W   PIC X(12) VALUE "hello World!".
       01  CMD PIC X(40) VALUE "echo from-shell; exit 3".
       01  FN  PIC X(20) VALUE "gone.txt".
       01  A   PIC X(4) VALUE X"0F0F3355".
       01  B   PIC X(4) VALUE X"FF00F0AA".
       01  N   PIC X(4).
       PROCEDURE DIVISION.
           DISPLAY "before".
           CALL "SYSTEM" USING CMD.
           DISPLAY "rc " RETURN-CODE.
           CALL "SYSTEM" USING "exit 300".
           DISPLAY "rc " RETURN-CODE.
           CALL "SYSTEM" USING "kill -9 $$".
           DISPLAY "rc " RETURN-CODE.
           CALL "CBL_TOUPPER" USING W BY VALUE 5.
           DISPLAY W " " RETURN-CODE.
           CALL "CBL_TOLOWER" USING W BY VALUE 12.
           DISPLAY W " " RETURN-CODE.
           CALL "CBL_DELETE_FILE" USING FN.
           DISPLAY "del " RETURN-CODE.
           CALL "SYSTEM" USING "touch gone.txt".
           CALL "CBL_DELETE_FILE" USING FN.
           DISPLAY "del " RETURN-CODE.
           CALL "CBL_XOR" USING A B BY VALUE 4.
           MOVE B TO N. DISPLAY "xor " N " " RETURN-CODE.
           CALL "C$SLEEP" USING 0.
           CALL "CBL_GC_NANOSLEEP" USING 1000.
           DISPLAY "slept " RETURN-CODE.
           CALL "SYSTEM" USING "kill -15 $$".
           DISPLAY "rc " RETURN-CODE.
           CALL "SYSTEM" USING "kill -2 $$".
           DISPLAY "rc " RETURN-CODE.
           CALL "SYSTEM" USING "   ".
           DISPLAY "rc " RETURN-CODE.
           CALL "SYSTEM" USING "echo a   ".
           DISPLAY "rc " RETURN-CODE.
           STOP RUN.
