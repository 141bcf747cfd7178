/*
 * What one sieve update costs on this machine, without Java: byte stores and byte read-modify-writes
 * at a prime stride across a 32 KiB block, and the rate of dependent one-cycle additions (the
 * effective clock, which on this shared vCPU changes from hour to hour).
 *
 *   gcc -O2 bench/research/store-throughput.c -o /tmp/st && /tmp/st 263 && /tmp/st 4099
 *
 * Prints ns per update for: one root at a time (rmw), both roots of the prime in one loop (rmw2),
 * plain stores (store), and the dependent-add rate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BLOCK 32768
static unsigned char sieve[BLOCK + 64];

__attribute__((noinline)) static void rmw(int p, int r, unsigned char lg) {
    for (; r < BLOCK; r += p) sieve[r] += lg;
}

__attribute__((noinline)) static void rmw2(int p, int r1, int r2, unsigned char lg) {
    if (r1 > r2) { int t = r1; r1 = r2; r2 = t; }
    for (; r2 < BLOCK; r1 += p, r2 += p) { sieve[r1] += lg; sieve[r2] += lg; }
    if (r1 < BLOCK) sieve[r1] += lg;
}

__attribute__((noinline)) static void store(int p, int r, unsigned char lg) {
    for (; r < BLOCK; r += p) sieve[r] = lg;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
    int p = argc > 1 ? atoi(argv[1]) : 263;
    const char *names[] = {"rmw", "rmw2", "store"};
    for (int mode = 0; mode < 3; mode++) {
        double best = 1e30;
        for (int rep = 0; rep < 5; rep++) {
            double t0 = now();
            long updates = 0;
            for (long k = 0; k < 200000; k++) {
                int r1 = (int) ((k * 7919L) % p), r2 = (int) ((k * 104729L + 13) % p);
                if (mode == 0) { rmw(p, r1, 3); rmw(p, r2, 3); }
                else if (mode == 1) rmw2(p, r1, r2, 3);
                else { store(p, r1, 3); store(p, r2, 3); }
                updates += 2L * (BLOCK / p);
            }
            double ns = (now() - t0) / updates;
            if (ns < best) best = ns;
        }
        printf("p=%d %-5s %.2f ns/update\n", p, names[mode], best);
    }
    long x = 1, n = 500000000;
    double t0 = now();
    for (long i = 0; i < n; i++) {
        __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
    }
    double ns = (now() - t0) / (4.0 * n);
    printf("dependent add %.3f ns -> ~%.2f GHz effective (%ld)\n", ns, 1 / ns, x);
    return sieve[5] == 42;
}
