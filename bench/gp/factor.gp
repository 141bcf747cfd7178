\\ PARI/GP baseline for `factorlab factor`: factors integers with PARI's factor() and prints them in
\\ GNU factor's format, `n: p1 p2 ...` (factors ascending, with multiplicity; 0 and 1 have none).
\\
\\ Reads one non-negative integer per line from standard input, or from the file named by the
\\ environment variable FACTOR_INPUT:
\\
\\   gp -q -D parisizemax=1000000000 bench/gp/factor.gp < numbers.txt
\\   FACTOR_INPUT=numbers.txt gp -q bench/gp/factor.gp
\\
\\ Why this way: gp 2.15 has no command-line arguments for scripts (-D sets only defaults), and
\\ after a script file gp reads standard input as GP commands. So the script opens the input itself
\\ (fileopen on /dev/stdin works for files and pipes alike), streams it line by line with
\\ filereadstr, and ends with quit, so gp never reads the numbers as commands. parisizemax lets
\\ the stack grow for large inputs (setting it inside the script prints a warning; -D does not).
\\ Lines are printed 1024 at a time: print() writes each call straight through, and one write per
\\ line costs more than factoring a small number. Any error (a line that is not an integer) ends gp
\\ with exit status 1 and one line on standard error.

{
gnu_line(n) = my(m = if (n < 2, matrix(0, 2), factor(n)), s = Str(n, ":"));
  for (i = 1, #m~, for (j = 1, m[i, 2], s = Str(s, " ", m[i, 1])));
  s;
}

{
factor_stream(path) = my(f = fileopen(path), buf = vector(1024), k = 0, s, n);
  while (s = filereadstr(f),
    if (s == "", next);
    n = eval(s);
    if (type(n) != "t_INT" || n < 0, error("not a non-negative integer: ", s));
    k++; buf[k] = gnu_line(n);
    if (k == #buf, print(strjoin(buf, "\n")); k = 0));
  if (k, print(strjoin(buf[1..k], "\n")));
  fileclose(f);
}

{
iferr(factor_stream(if (getenv("FACTOR_INPUT"), getenv("FACTOR_INPUT"), "/dev/stdin")),
  E, write("/dev/stderr", "factor.gp: ", E); quit(1));
}
quit;
