      *>   DCLACCT - TABLE DECLARATION AND HOST STRUCTURE FOR ACCOUNT
      *>   (WRITTEN IN THE LAYOUT DCLGEN PRODUCES)
           EXEC SQL DECLARE ACCOUNT TABLE
           ( ACCT_ID                        CHAR(10) NOT NULL,
             BRANCH_ID                      SMALLINT NOT NULL,
             HOLDER_NAME                    VARCHAR(40) NOT NULL,
             BALANCE                        DECIMAL(13, 2) NOT NULL,
             LAST_ACTIVITY                  DATE,
             STATUS                         CHAR(1) NOT NULL
           ) END-EXEC.
       01  DCLACCOUNT.
           10 ACCT-ID              PIC X(10).
           10 BRANCH-ID            PIC S9(4) USAGE COMP.
           10 HOLDER-NAME.
              49 HOLDER-NAME-LEN   PIC S9(4) USAGE COMP.
              49 HOLDER-NAME-TEXT  PIC X(40).
           10 BALANCE              PIC S9(11)V9(2) USAGE COMP-3.
           10 LAST-ACTIVITY        PIC X(10).
           10 ACCT-STATUS          PIC X(1).
