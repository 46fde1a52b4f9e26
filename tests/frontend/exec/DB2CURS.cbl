       >>SOURCE FORMAT IS FREE
*> db2curs: branch balance listing from DB2, batch, free format.
*> Cursor declared in WORKING-STORAGE, host variables with indicators,
*> WHENEVER, FETCH loop driven by SQLCODE, COMMIT every n rows.
identification division.
program-id. db2curs.
data division.
working-storage section.
exec sql include sqlca end-exec.
exec sql
    include dclacct
end-exec.
exec sql begin declare section end-exec.
01 hv-branch             pic s9(4) comp.
01 hv-min-balance        pic s9(11)v99 comp-3.
01 hv-last-activity-ind  pic s9(4) comp.
01 hv-row-count          pic s9(9) comp.
exec sql end declare section end-exec.
exec sql
    declare acct_cursor cursor with hold for
        select acct_id, holder_name, balance, last_activity
          from account
         where branch_id = :hv-branch
           and balance  >= :hv-min-balance
           and status   <> 'C'
         order by balance desc
         for fetch only
end-exec.
01 ws-edited-balance     pic -(10)9.99.
01 ws-rows               pic 9(7) value zero.
01 ws-commit-every       pic 9(4) value 500.
01 ws-sqlcode-disp       pic -(8)9.

procedure division.
main-para.
    exec sql whenever sqlerror go to sql-error end-exec
    exec sql whenever sqlwarning continue end-exec
    move 42 to hv-branch
    move 1000.00 to hv-min-balance
    exec sql
        select count(*) into :hv-row-count
          from account
         where branch_id = :hv-branch
    end-exec
    display "db2curs: " hv-row-count " accounts in branch " hv-branch
    exec sql open acct_cursor end-exec
    perform fetch-row
    perform until sqlcode = 100
        add 1 to ws-rows
        move balance to ws-edited-balance
        if hv-last-activity-ind < 0
            move spaces to last-activity
        end-if
        display acct-id " " holder-name-text (1:holder-name-len) " "
                ws-edited-balance " " last-activity
        if function mod (ws-rows, ws-commit-every) = 0
            exec sql commit end-exec
        end-if
        perform fetch-row
    end-perform
    exec sql close acct_cursor end-exec
    exec sql commit work end-exec
    goback.

fetch-row.
    exec sql
        fetch acct_cursor
         into :acct-id, :holder-name,
              :balance,
              :last-activity :hv-last-activity-ind
    end-exec.

sql-error.
    move sqlcode to ws-sqlcode-disp
    display "db2curs: sql error " ws-sqlcode-disp " " sqlerrmc (1:sqlerrml)
    exec sql whenever sqlerror continue end-exec
    exec sql rollback end-exec
    move 12 to return-code
    goback.
