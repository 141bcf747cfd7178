# Point counts behind docs/benchmarks.md, session 4: Suyama curves against Montgomery's Z/12 family.
# Run: python3 bench/research/z12-point-counts.py  (pure Python, a few minutes)
from fractions import Fraction as F
import random
def add(P, Q):
    if P is None: return Q
    (x1, y1), (x2, y2) = P, Q
    if x1 == x2:
        l = (3 * x1 * x1 - 12) / (2 * y1)
    else:
        l = (y2 - y1) / (x2 - x1)
    x3 = l * l - x1 - x2
    return (x3, l * (x1 - x3) - y1)
G = (F(-2), F(4)); P = G
z12 = []
for k in range(2, 8):
    P = add(P, G)
    t = P[1] / (2 * P[0]); x3 = (t*t-1)/(t*t+3)
    A = (1 - 3*x3**4 - 6*x3**2)/(4*x3**3); x0 = (3*x3*x3+1)/(4*x3)
    z12.append((A, x0))
suy = []
for sigma in range(6, 12):
    u = F(sigma*sigma-5); v = F(4*sigma)
    A = (v-u)**3*(3*u+v)/(4*u**3*v) - 2
    x0 = u**3/v**3
    suy.append((A, x0))
def primes(lo, hi):
    return [p for p in range(lo, hi) if all(p % q for q in range(2, int(p**0.5)+1))]
def val(n, q):
    c = 0
    while n % q == 0: n //= q; c += 1
    return c
def order_info(A, x0, p):
    try:
        a = A.numerator * pow(A.denominator, -1, p) % p
        x = x0.numerator * pow(x0.denominator, -1, p) % p
    except ValueError:
        return None
    if (a*a-4) % p == 0: return None
    f = lambda X: (X*X*X + a*X*X + X) % p
    fx0 = f(x)
    if fx0 == 0: return None
    chi0 = pow(fx0, (p-1)//2, p)
    # count points of the curve (twist) on which x0 lies: B = f(x0) (B y^2 = f, y=1)
    cnt = 1
    for X in range(p):
        v = f(X) * fx0 % p
        if v == 0: cnt += 1
        else: cnt += 2 if pow(v, (p-1)//2, p) == 1 else 0
    return cnt
ps = primes(3000, 3400)
for name, fam in (("suyama", suy), ("z12", z12)):
    v2 = v3 = n = 0; d12 = 0; sm = 0
    for A, x0 in fam:
        for p in ps:
            o = order_info(A, x0, p)
            if o is None: continue
            n += 1; v2 += val(o, 2); v3 += val(o, 3); d12 += (o % 12 == 0)
            r = o
            for q in range(2, 40):
                while r % q == 0: r //= q
            sm += (r == 1)
    print(name, "n", n, "avg v2 %.3f v3 %.3f" % (v2/n, v3/n), "div12 %.3f" % (d12/n), "39-smooth %.3f" % (sm/n))
