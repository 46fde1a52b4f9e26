>>SOURCE FORMAT FREE
*> FREEARGS: free format (detected: no source_format in ferry.toml, so
*> ferry record passes -free to cobc), command-line arguments,
*> environment variables read and set, FUNCTION RANDOM.
identification division.
program-id. freeargs.
data division.
working-storage section.
01 ws-argc        pic 9(2).
01 ws-arg         pic x(20).
01 ws-env         pic x(20).
01 ws-name        pic x(30) value "hello world".
01 ws-num         pic s9(5)v99 value 1234.5.
01 ws-rnd         pic 9v9(4).
01 ws-len         pic 9(4) comp.
01 ws-tab.
   05 ws-item occurs 5 times pic x(3).
procedure division.
main-para.
    accept ws-argc from argument-number
    display "args: " ws-argc
    perform ws-argc times
        accept ws-arg from argument-value
        display "arg [" function trim(ws-arg) "]"
    end-perform
    display "HOME" upon environment-name
    accept ws-env from environment-value
    display "env [" function trim(ws-env) "]"
    set environment "FERRYX" to "abc"
    accept ws-env from environment "FERRYX"
    display "set [" function trim(ws-env) "]"
    display function trim(ws-name trailing)
    move function upper-case(ws-name) to ws-name
    display ws-name(1:11)
    compute ws-len = function length(function trim(ws-name))
    display "len " ws-len
    display function concatenate("a", "b") with no advancing
    display " " function numval("  -12.5 ")
    move function random(7) to ws-rnd
    display "rnd " ws-rnd
    stop run.
