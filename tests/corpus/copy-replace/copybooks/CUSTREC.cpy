      *----------------------------------------------------------------*
      * CUSTREC - CUSTOMER RECORD. EVERY NAME CARRIES THE :PFX: TAG,   *
      * WHICH THE COPY STATEMENT REPLACES. THE ADDRESS BLOCK COMES     *
      * FROM A NESTED COPY OF ADDRBLK.                                 *
      *----------------------------------------------------------------*
       01  :PFX:-CUSTOMER.
           05  :PFX:-CUST-ID           PIC 9(6).
           05  :PFX:-CUST-NAME         PIC X(20).
           05  :PFX:-CUST-BAL          PIC S9(5)V99
                                       SIGN LEADING SEPARATE.
           COPY ADDRBLK.
