      *================================================================*
      * EMPREC   - WEEKLY PAYROLL EMPLOYEE EXTRACT RECORD             *
      *            LINE SEQUENTIAL, 80 BYTES, ONE EMPLOYEE PER LINE   *
      *            AMOUNTS CARRY AN IMPLIED DECIMAL POINT (V).        *
      *----------------------------------------------------------------*
      * POS  1- 6  EMPLOYEE NUMBER                                    *
      * POS  7-31  NAME (LAST 15, FIRST 10)                           *
      * POS 32-35  DEPARTMENT CODE                                    *
      * POS 36     PAY TYPE  H = HOURLY, S = SALARIED (WEEKLY)        *
      * POS 37-43  HOURLY RATE OR WEEKLY SALARY    9(5)V99            *
      * POS 44-47  HOURS WORKED THIS WEEK          9(3)V9             *
      * POS 48-53  PRE-TAX DEDUCTION               9(4)V99            *
      * POS 54-61  HIRE DATE                       YYYYMMDD           *
      *================================================================*
       01  EMP-RECORD.
           05  EMP-ID                  PIC X(6).
           05  EMP-NAME.
               10  EMP-LAST-NAME       PIC X(15).
               10  EMP-FIRST-NAME      PIC X(10).
           05  EMP-DEPT                PIC X(4).
           05  EMP-PAY-TYPE            PIC X(1).
               88  EMP-HOURLY                      VALUE "H".
               88  EMP-SALARIED                    VALUE "S".
               88  EMP-VALID-PAY-TYPE              VALUE "H" "S".
           05  EMP-RATE                PIC 9(5)V99.
           05  EMP-HOURS               PIC 9(3)V9.
           05  EMP-DEDUCTION           PIC 9(4)V99.
           05  EMP-HIRE-DATE           PIC 9(8).
           05  FILLER                  PIC X(19).
