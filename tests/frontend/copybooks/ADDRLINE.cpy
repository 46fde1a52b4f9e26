       01  ADDR-:N:.
           05  ADDR-:N:-TEXT           PIC X(:LEN:).
           05  ADDR-:N:-LIMIT          PIC 9(3) VALUE :LEN:.
