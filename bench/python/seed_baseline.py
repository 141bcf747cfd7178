#!/usr/bin/env python3
"""The seed's two programs, as a baseline to time factorlab against (standard library only).

The seed (see ../../../shared/seed/SUMMARY.md) factors 10,000 random integers in [20000, 10^8] by plain
trial division, once in one process and once split over 10 processes. This program does the same
on numbers read from a file, so that every tool is timed on exactly the same input:

    python3 bench/python/seed_baseline.py sequential FILE
    python3 bench/python/seed_baseline.py processes FILE

FILE holds one non-negative integer per line (e.g. from `factorlab gen --seed 1`). Each number's
factors are printed in Python's list format, `[2, 2, 21460603]`, on standard output; "Starting
number crunching" and "Execution Time: <seconds>" go to standard error, so standard output holds
only results. With `processes`, the input is split into 10 consecutive parts, one
multiprocessing.Process per part; each worker writes its results when done, under a lock so that
lines never mix, and the order of the parts is whatever the workers' finishing order is, as in the
seed. The time covers reading the input, factoring, printing and (for `processes`) starting and
joining the workers.
"""

import multiprocessing
import sys
import time

WORKERS = 10


def calculate_prime_factors(n):
    """The seed's trial division: divide by d = 2, 3, 4, ... while d*d <= n.

    Invariant: n has no factor below d (each was divided out), so when d*d > n the remaining n is 1
    or a prime. Composite d never divide: their prime factors, all below d, are gone already.
    """
    factors = []
    if n < 2:
        return factors
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


def read_numbers(path):
    with open(path) as f:
        return [int(line) for line in f if line.strip()]


def sequential(numbers):
    out = sys.stdout
    for n in numbers:
        out.write(str(calculate_prime_factors(n)) + "\n")
    out.flush()


def worker(numbers, lock):
    text = "".join(str(calculate_prime_factors(n)) + "\n" for n in numbers)
    with lock:
        sys.stdout.write(text)
        sys.stdout.flush()


def processes(numbers):
    sys.stdout.flush()  # nothing buffered may be inherited by the children
    lock = multiprocessing.Lock()
    size = -(-len(numbers) // WORKERS)  # ceiling: the last parts may be shorter or empty
    workers = [multiprocessing.Process(target=worker, args=(numbers[i * size:(i + 1) * size], lock))
               for i in range(WORKERS)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    failed = [p.exitcode for p in workers if p.exitcode != 0]
    if failed:
        raise SystemExit("seed_baseline: a worker failed with exit code %d" % failed[0])


def main(argv):
    programs = {"sequential": sequential, "processes": processes}
    if len(argv) != 3 or argv[1] not in programs:
        sys.stderr.write("usage: seed_baseline.py sequential|processes FILE\n")
        return 2
    start = time.perf_counter()
    try:
        numbers = read_numbers(argv[2])
    except (OSError, ValueError) as e:
        sys.stderr.write("seed_baseline: cannot read %s: %s\n" % (argv[2], e))
        return 1
    sys.stderr.write("Starting number crunching\n")
    programs[argv[1]](numbers)
    sys.stderr.write("Execution Time: %.6f\n" % (time.perf_counter() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
