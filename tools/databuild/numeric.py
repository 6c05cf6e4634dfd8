"""Numbers of the builders: text format, root finding, interpolation, rounding to totals, IPF, life table."""
import math


def fmt(x, sig=6):
    """Fixed-point text with `sig` significant digits (no exponent), deterministic."""
    if x == 0:
        return "0"
    d = sig - 1 - int(math.floor(math.log10(abs(x))))
    s = f"{x:.{max(d, 0)}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def fmt_fixed(x, decimals):
    """`decimals` decimals; "0" for anything that rounds to zero (no "-0.0000")."""
    s = f"{x:.{decimals}f}"
    return "0" if float(s) == 0 else s


def pct(x, d=1):
    """A share as a percentage with `d` decimals (text)."""
    return f"{100.0 * x:.{d}f}"


def bisect(f, lo, hi, tol=1e-12, it=200):
    """The root of f on [lo, hi] by bisection; f must change sign on the interval."""
    flo = f(lo)
    if (f(hi) > 0) == (flo > 0):
        raise ValueError(f"bisect: no sign change on [{lo}, {hi}]")
    for _ in range(it):
        mid = 0.5 * (lo + hi)
        fm = f(mid)
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
        if hi - lo < tol:
            break
    return 0.5 * (lo + hi)


def interp(points, t):
    """Piecewise-linear interpolation through sorted (x, y) points, flat outside."""
    if t <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if t <= x1:
            return y0 + (y1 - y0) * (t - x0) / (x1 - x0)
    return points[-1][1]


def largest_remainder(values, total):
    """Round non-negative reals to integers summing to `total`; ties broken by index."""
    floors = [int(math.floor(v)) for v in values]
    rest = total - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] - floors[i]), i))
    if rest < 0:
        raise ValueError("largest_remainder: total below the sum of floors")
    for k in range(rest):
        floors[order[k % len(order)]] += 1
    return floors


def shares_to_units(shares, units=10000):
    """Shares summing to ~1 -> integers summing to `units` (largest remainder)."""
    s = sum(shares)
    return largest_remainder([v / s * units for v in shares], units)


def ipf2(seed, rows, cols, iters=2000, tol=1e-10):
    """Two-way iterative proportional fitting of the matrix `seed` to row and column totals."""
    m = [list(r) for r in seed]
    for _ in range(iters):
        for i, r in enumerate(m):
            s = sum(r)
            if s > 0:
                f = rows[i] / s
                m[i] = [v * f for v in r]
        for j in range(len(cols)):
            s = sum(m[i][j] for i in range(len(m)))
            if s > 0:
                f = cols[j] / s
                for i in range(len(m)):
                    m[i][j] *= f
        err = max(abs(sum(r) - rows[i]) for i, r in enumerate(m))
        if err < tol * max(1.0, max(rows)):
            break
    return m


def expand5(counts, maxage):
    """5-year group counts -> single ages 0..maxage, uniform within a group (the last group over its 5 ages)."""
    out = [0.0] * (maxage + 1)
    for g, c in enumerate(counts):
        for x in range(5 * g, 5 * g + 5):
            out[x] += c / 5.0
    return out


def life_table(m, a0):
    """(l, L, e) of the single-age death rates m, radix 1, the last age open; a_x = a0 at 0, 0.5 above."""
    n = len(m)
    l = [1.0] * n
    L = [0.0] * n
    for x in range(n - 1):
        a = a0 if x == 0 else 0.5
        q = m[x] / (1.0 + (1.0 - a) * m[x])
        q = min(q, 1.0)
        d = l[x] * q
        l[x + 1] = l[x] - d
        L[x] = l[x + 1] + a * d
    L[n - 1] = l[n - 1] / m[n - 1]
    T = [0.0] * n
    acc = 0.0
    for x in range(n - 1, -1, -1):
        acc += L[x]
        T[x] = acc
    e = [T[x] / l[x] if l[x] > 0 else 0.0 for x in range(n)]
    return l, L, e
