       >>SOURCE FORMAT IS FREE
*> ---------------------------------------------------------------------------------------
*> freefmt: stock reorder advisor, written in GnuCOBOL free format.
*> Lower case, inline comments, lines longer than 72 columns, level-78 constants,
*> scope terminators everywhere, EXIT PERFORM / EXIT SECTION, MOVE CORRESPONDING.
*> ---------------------------------------------------------------------------------------
identification division.
program-id. freefmt.

environment division.
input-output section.
file-control.
    select stock-file assign to "stock.dat"
        organization is line sequential
        file status is stock-status.

data division.
file section.
fd stock-file.
01 stock-line.
   05 item-code           pic x(8).
   05 description         pic x(24).
   05 on-hand             pic 9(6).
   05 on-order            pic 9(6).
   05 daily-usage         pic 9(4)v99.
   05 lead-days           pic 9(3).

working-storage section.
78 max-items              value 500.
78 safety-days            value 7.
78 program-title          value "FREEFMT - STOCK REORDER ADVISOR".
01 stock-status           pic xx.
   88 stock-ok            value "00".
   88 stock-eof           value "10".
01 item-count             pic 9(4) comp-5 value zero.
01 reorder-count          pic 9(4) comp-5 value zero.
01 item-table.
   05 item occurs 1 to max-items times depending on item-count
           ascending key is item-code
           indexed by it-ix.
      10 item-code        pic x(8).
      10 description      pic x(24).
      10 on-hand          pic 9(6).
      10 on-order         pic 9(6).
      10 daily-usage      pic 9(4)v99.
      10 lead-days        pic 9(3).
      10 reorder-point    pic 9(7).
      10 advice           pic x(10).
01 available              pic s9(7).
01 edited-qty             pic z,zzz,zz9.
01 title-line             pic x(80) value "item     description               on hand  reorder at  advice".

procedure division.
main section.
    display program-title end-display
    perform load-items
    perform advise-items
    display "items: " item-count ", reorder: " reorder-count end-display
    stop run.

load-items section.
    open input stock-file
    if not stock-ok
        display "cannot open stock.dat, status " stock-status upon syserr end-display
        exit section
    end-if
    perform until exit
        read stock-file
            at end exit perform
        end-read
        if item-count >= max-items
            display "table full, remaining items ignored" upon syserr end-display
            exit perform
        end-if
        add 1 to item-count
        move corresponding stock-line to item (item-count)   *> six fields
    end-perform
    close stock-file.

advise-items section.
    display title-line end-display
    perform varying it-ix from 1 by 1 until it-ix > item-count
        compute reorder-point (it-ix) rounded =
            daily-usage of item (it-ix) * (lead-days of item (it-ix) + safety-days)
        end-compute
        compute available = on-hand of item (it-ix) + on-order in item (it-ix) end-compute
        evaluate true
            when daily-usage of item (it-ix) = zero
                move "DORMANT" to advice (it-ix)
            when available < reorder-point (it-ix)
                move "REORDER" to advice (it-ix)
                add 1 to reorder-count
            when available < reorder-point (it-ix) * 2
                move "WATCH" to advice (it-ix)
            when other
                move spaces to advice (it-ix)
        end-evaluate
        move reorder-point (it-ix) to edited-qty
        display item-code of item (it-ix) " " description of item (it-ix) " "
                on-hand of item-table (it-ix) " " edited-qty "  " advice (it-ix)
        end-display
    end-perform.
end program freefmt.
