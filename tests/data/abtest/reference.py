#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference values for lux::campaigns::AbStatistics (tests/unit/tst_abstatistics.cpp).

Computed independently of the C++ code: scipy.stats.fisher_exact (two-sided) for Fisher's exact
test, scipy.stats.norm for the pooled z-test and the planner, scipy.stats.chi2 for the sample ratio
check; Holm, Wilson and Newcombe's hybrid score interval (method 10) written here from their
textbook definitions (statsmodels is not used). P(best) and the expected loss twice: by Monte Carlo
with numpy (fixed seed, with the standard error of each estimate) and by adaptive quadrature
(scipy.integrate.quad over scipy.stats.beta), so the test can hold the C++ quadrature to both.

Run with Debian's Python (python3-scipy, python3-numpy):

    /usr/bin/python3 tests/data/abtest/reference.py        # writes reference.json beside this file

It takes a minute or two (4,000,000 posterior draws per case).
"""

import json
import math
import os
import sys

import numpy as np
import scipy
import scipy.integrate
import scipy.special
import scipy.stats as st

MC_DRAWS = 4_000_000
MC_CHUNK = 500_000
SEED = 20261207

# ---------------------------------------------------------------------------------------------
# Building blocks, from their definitions


def wilson(s, n, confidence=0.95):
    """Wilson score interval (Wilson 1927)."""
    if n == 0:
        return 0.0, 1.0
    z = st.norm.ppf(1 - (1 - confidence) / 2)
    p = s / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def newcombe(s1, n1, s2, n2, confidence=0.95):
    """Newcombe (1998), method 10: the hybrid score interval for p1 - p2."""
    p1 = s1 / n1 if n1 else 0.0
    p2 = s2 / n2 if n2 else 0.0
    l1, u1 = wilson(s1, n1, confidence)
    l2, u2 = wilson(s2, n2, confidence)
    d = p1 - p2
    delta = math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    eps = math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return d - delta, d + eps


def holm(ps):
    """Holm (1979) step-down adjusted p values, in the order given."""
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    out = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * ps[i]))
        out[i] = running
    return out


def z_test(s1, n1, s2, n2):
    """Two-sided pooled z-test of two proportions."""
    if n1 == 0 or n2 == 0:
        return 1.0
    pooled = (s1 + s2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 1.0
    z = (s1 / n1 - s2 / n2) / se
    return float(2 * st.norm.sf(abs(z)))


def fisher(a, b, c, d):
    return float(st.fisher_exact([[a, b], [c, d]], alternative="two-sided").pvalue)


def min_expected(s1, n1, s2, n2):
    total = n1 + n2
    if total == 0:
        return 0.0
    succ = s1 + s2
    fail = total - succ
    return min(n1, n2) * min(succ, fail) / total


def srm_p(sent, shares):
    total = sum(sent)
    if total == 0:
        return 1.0
    expected = [total * s for s in shares]
    chi2 = sum((o - e) ** 2 / e for o, e in zip(sent, expected))
    return float(st.chi2.sf(chi2, len(sent) - 1))


# ---------------------------------------------------------------------------------------------
# Bayesian view: Beta(1 + s, 1 + n - s) posteriors


def posterior(variants):
    return [(1.0 + s, 1.0 + n - s) for n, s in variants]


def monte_carlo(variants, seed):
    """P(best) and E[max_j p_j - p_i] from MC_DRAWS joint draws, with their standard errors."""
    rng = np.random.default_rng(seed)
    post = posterior(variants)
    k = len(post)
    wins = np.zeros(k)
    loss_sum = np.zeros(k)
    loss_sq = np.zeros(k)
    done = 0
    while done < MC_DRAWS:
        m = min(MC_CHUNK, MC_DRAWS - done)
        draws = np.column_stack([rng.beta(a, b, size=m) for a, b in post])
        best = draws.argmax(axis=1)
        wins += np.bincount(best, minlength=k)
        gap = draws.max(axis=1)[:, None] - draws
        loss_sum += gap.sum(axis=0)
        loss_sq += (gap * gap).sum(axis=0)
        done += m
    p_best = wins / MC_DRAWS
    p_best_se = np.sqrt(p_best * (1 - p_best) / MC_DRAWS)
    loss = loss_sum / MC_DRAWS
    loss_var = np.maximum(loss_sq / MC_DRAWS - loss * loss, 0.0)
    loss_se = np.sqrt(loss_var / MC_DRAWS)
    return p_best.tolist(), p_best_se.tolist(), loss.tolist(), loss_se.tolist()


def quadrature(variants):
    """P(best) and the expected loss by scipy.integrate.quad, piece by piece over the posteriors' mass."""
    post = [st.beta(a, b) for a, b in posterior(variants)]
    k = len(post)
    # Pieces: every posterior's 1e-13 .. 1 - 1e-13 quantile range, cut at its mean +- j sd.
    cuts = {0.0, 1.0}
    for d in post:
        lo, hi = d.ppf(1e-13), d.isf(1e-13)
        mean, sd = d.mean(), d.std()
        cuts.update([lo, hi])
        for j in range(-40, 41):
            x = mean + j * sd / 2
            if lo < x < hi:
                cuts.add(x)
    cuts = sorted(c for c in cuts if 0.0 <= c <= 1.0)
    windows = [(d.ppf(1e-13), d.isf(1e-13)) for d in post]

    def inside(a, b):
        return any(lo < b and a < hi for lo, hi in windows)

    ab = posterior(variants)
    log_norm = [scipy.special.betaln(a, b) for a, b in ab]

    def pdf(i, x):
        a, b = ab[i]
        return math.exp((a - 1) * math.log(x) + (b - 1) * math.log1p(-x) - log_norm[i])

    def cdf(i, x):
        return float(scipy.special.betainc(ab[i][0], ab[i][1], x))

    p_best = [0.0] * k
    e_max = 0.0
    for lo, hi in zip(cuts, cuts[1:]):
        if hi <= lo or not inside(lo, hi):
            continue
        for i in range(k):
            def f(x, i=i):
                prod = pdf(i, x)
                for j in range(k):
                    if j != i and prod != 0.0:
                        prod *= cdf(j, x)
                return prod
            v, _ = scipy.integrate.quad(f, lo, hi, epsabs=1e-14, epsrel=1e-12, limit=200)
            w, _ = scipy.integrate.quad(lambda x: x * f(x), lo, hi, epsabs=1e-14, epsrel=1e-12, limit=200)
            p_best[i] += v
            e_max += w
    means = [d.mean() for d in post]
    loss = [max(0.0, e_max - m) for m in means]
    return p_best, loss


# ---------------------------------------------------------------------------------------------
# The winner rule (docs/ABTESTS.md)


def analyse(case, seed):
    names = [chr(ord("A") + i) for i in range(len(case["variants"]))]
    variants = case["variants"]
    alpha = case.get("alpha", 0.05)
    min_per_variant = case.get("min", 500)
    shares = case.get("shares") or [1.0 / len(variants)] * len(variants)
    srm_alpha = case.get("srm_alpha", 0.001)
    metric = case.get("metric", "clicks")

    rates = [s / n if n else 0.0 for n, s in variants]
    cis = [wilson(s, n) for n, s in variants]
    any_sent = any(n > 0 for n, _ in variants)
    best = max(range(len(variants)), key=lambda i: (rates[i], -i)) if any_sent else -1

    comparisons = []
    if best >= 0:
        nb, sb = variants[best]
        for j, (nj, sj) in enumerate(variants):
            if j == best:
                continue
            if min_expected(sb, nb, sj, nj) < 10:
                test, p = "fisher", fisher(sb, nb - sb, sj, nj - sj)
            else:
                test, p = "z", z_test(sb, nb, sj, nj)
            lo, hi = newcombe(sb, nb, sj, nj)
            comparisons.append({"a": names[best], "b": names[j], "test": test, "p": p,
                                "diff": rates[best] - rates[j], "ci": [lo, hi]})
        for c, adj in zip(comparisons, holm([c["p"] for c in comparisons])):
            c["p_adjusted"] = adj

    srm = srm_p([n for n, _ in variants], shares)
    top = sorted(rates, reverse=True)
    if srm < srm_alpha:
        reason = "abtest.srm"
    elif metric == "manual":
        reason = "abtest.manual"
    elif any(n < min_per_variant for n, _ in variants):
        reason = "abtest.too-few"
    elif best < 0 or top[0] == top[1]:
        reason = "abtest.tie"
    elif max(c["p_adjusted"] for c in comparisons) >= alpha:
        reason = "abtest.not-significant"
    else:
        reason = "abtest.winner"

    mc_best, mc_best_se, mc_loss, mc_loss_se = monte_carlo(variants, seed)
    q_best, q_loss = quadrature(variants)
    return {
        "name": case["name"],
        "input": {"variants": [{"name": names[i], "sent": n, "successes": s} for i, (n, s) in enumerate(variants)],
                  "alpha": alpha, "min": min_per_variant, "shares": case.get("shares") or [],
                  "srm_alpha": srm_alpha, "metric": metric},
        "variants": [{"name": names[i], "rate": rates[i], "ci": list(cis[i]),
                      "p_best_mc": mc_best[i], "p_best_mc_se": mc_best_se[i],
                      "expected_loss_mc": mc_loss[i], "expected_loss_mc_se": mc_loss_se[i],
                      "p_best_quad": q_best[i], "expected_loss_quad": q_loss[i]}
                     for i in range(len(variants))],
        "comparisons": comparisons,
        "best": names[best] if best >= 0 else None,
        "winner": names[best] if reason == "abtest.winner" else None,
        "reason_code": reason,
        "srm_p": srm,
    }


def plan(case):
    baseline, lift, k = case["baseline"], case["lift"], case.get("variants", 2)
    alpha, power = case.get("alpha", 0.05), case.get("power", 0.8)
    relative = case.get("relative", False)
    p1 = baseline
    p2 = baseline * (1 + lift) if relative else baseline + lift
    alpha_pc = alpha / (k - 1)
    za = st.norm.ppf(1 - alpha_pc / 2)
    zb = st.norm.ppf(power)
    pbar = (p1 + p2) / 2
    n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    per = math.ceil(n)
    return {"name": case["name"],
            "input": {"baseline": baseline, "lift": lift, "relative": relative, "variants": k, "alpha": alpha, "power": power},
            "per_variant": per, "total": per * k, "target": p2, "alpha_per_comparison": alpha_pc, "exact_n": n}


# ---------------------------------------------------------------------------------------------
# The cases


def proportional(sent):
    total = sum(sent)
    return [s / total for s in sent]


ANALYSES = [
    {"name": "two: clear winner", "variants": [[5000, 200], [5000, 260]]},
    {"name": "two: not significant", "variants": [[5000, 200], [5000, 220]]},
    {"name": "two: the issue's example", "variants": [[4000, 160], [4000, 248]]},
    {"name": "two: B ahead, p near alpha", "variants": [[3000, 90], [3000, 118]]},
    {"name": "small: Fisher, too few", "variants": [[20, 2], [25, 9]]},
    {"name": "small: Fisher winner (min 0)", "variants": [[28, 1], [28, 12]], "min": 0},
    {"name": "small: Fisher not significant (min 0)", "variants": [[12, 3], [15, 6]], "min": 0},
    {"name": "zero successes in one", "variants": [[1000, 0], [1000, 8]]},
    {"name": "zero successes in all", "variants": [[800, 0], [820, 0]]},
    {"name": "all successes", "variants": [[50, 50], [60, 60]], "min": 0},
    {"name": "all successes against nearly all", "variants": [[600, 600], [600, 590]]},
    {"name": "tie: equal rates, planned 1:2", "variants": [[1000, 50], [2000, 100]], "shares": [1 / 3, 2 / 3]},
    {"name": "very unequal n", "variants": [[100000, 3000], [700, 35]], "shares": proportional([100000, 700])},
    {"name": "large n: winner", "variants": [[100000, 3000], [100000, 3300]]},
    {"name": "large n: tiny p", "variants": [[100000, 1000], [100000, 2000]]},
    {"name": "large n: no winner", "variants": [[100000, 3000], [100000, 3050]]},
    {"name": "large n, rare: Fisher", "variants": [[20000, 2], [20000, 12]]},
    {"name": "three: winner", "variants": [[6000, 240], [6000, 330], [6000, 250]]},
    {"name": "three: best not ahead of the second", "variants": [[6000, 240], [6000, 300], [6000, 290]]},
    {"name": "three: tie at the top", "variants": [[1000, 50], [1000, 50], [1000, 30]]},
    {"name": "three: too few (C 312 of 500)", "variants": [[800, 30], [800, 60], [312, 12]],
     "shares": proportional([800, 800, 312])},
    {"name": "four: winner", "variants": [[8000, 400], [8000, 520], [8000, 410], [8000, 390]]},
    {"name": "four: no winner", "variants": [[8000, 400], [8000, 430], [8000, 410], [8000, 390]]},
    {"name": "five: winner, n 100,000", "variants": [[100000, 3000], [100000, 3400], [100000, 3050], [100000, 2980], [100000, 3100]]},
    {"name": "five: no winner", "variants": [[5000, 150], [5000, 160], [5000, 155], [5000, 149], [5000, 158]]},
    {"name": "five: small, Fisher", "variants": [[30, 1], [30, 5], [30, 2], [30, 0], [30, 3]], "min": 0},
    {"name": "SRM: 1000 against 1200, planned equal", "variants": [[1000, 40], [1200, 60]], "min": 0},
    {"name": "SRM: planned 1:2, sent equal", "variants": [[3000, 90], [3000, 150]], "shares": [1 / 3, 2 / 3]},
    {"name": "opens: winner", "variants": [[5000, 1000], [5000, 1120]], "metric": "opens"},
    {"name": "click-to-open: not significant", "variants": [[900, 90], [950, 105]], "metric": "ctor"},
    {"name": "manual: no winner declared", "variants": [[5000, 200], [5000, 260]], "metric": "manual"},
    {"name": "alpha 0.01: p 0.02 is not enough", "variants": [[5000, 200], [5000, 245]], "alpha": 0.01},
]

PLANS = [
    {"name": "the issue's check: 4 % + 1 point, 2 variants", "baseline": 0.04, "lift": 0.01},
    {"name": "4 % + 25 % relative", "baseline": 0.04, "lift": 0.25, "relative": True},
    {"name": "2 % + 0.5 point, 3 variants", "baseline": 0.02, "lift": 0.005, "variants": 3},
    {"name": "10 % + 10 % relative, 4 variants", "baseline": 0.1, "lift": 0.1, "relative": True, "variants": 4},
    {"name": "30 % + 5 points, 5 variants, alpha 0.01, power 0.9", "baseline": 0.3, "lift": 0.05, "variants": 5,
     "alpha": 0.01, "power": 0.9},
    {"name": "50 % + 10 % relative", "baseline": 0.5, "lift": 0.1, "relative": True},
    {"name": "1 % + 0.2 point, 5 variants", "baseline": 0.01, "lift": 0.002, "variants": 5},
    {"name": "90 % + 5 points, 3 variants", "baseline": 0.9, "lift": 0.05, "variants": 3},
]

# Fisher's test alone: symmetric tables, one-row-zero tables, tiny p values, larger tables.
FISHER = [
    [3, 7, 7, 3], [5, 5, 5, 5], [0, 10, 10, 0], [1, 9, 11, 3], [2, 28, 9, 16], [0, 5, 0, 7], [0, 0, 3, 4],
    [12, 0, 0, 12], [1, 999, 8, 992], [2, 19998, 12, 19988], [0, 100000, 30, 99970], [40, 960, 60, 1140],
    [100, 900, 100, 900], [7, 3, 2, 8], [20, 5, 4, 21], [1, 1, 1, 2],
]

HOLM = [[0.01], [0.04, 0.01], [0.01, 0.02, 0.03], [0.2, 0.001, 0.04, 0.03], [0.5, 0.5, 0.5, 0.5], [0.9, 0.02], [1.0, 0.3, 0.04]]

QUANTILES = [0.5, 0.975, 0.95, 0.8, 0.9, 0.99, 0.995, 0.999, 0.9999, 0.0125, 0.025, 1e-5, 1e-10, 1e-15, 0.3, 0.7, 0.999999]

Z_TESTS = [[200, 5000, 260, 5000], [3000, 100000, 3300, 100000], [1000, 100000, 2000, 100000], [0, 100, 0, 100],
           [50, 50, 60, 60], [45, 1000, 30, 1200]]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = {
        "generator": "tests/data/abtest/reference.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "monte_carlo": {"draws": MC_DRAWS, "seed": SEED, "generator": "numpy.random.default_rng (PCG64), seed + case index"},
        "analyses": [analyse(c, SEED + i) for i, c in enumerate(ANALYSES)],
        "plans": [plan(c) for c in PLANS],
        "fisher": [{"table": t, "p": fisher(*t)} for t in FISHER],
        "z_tests": [{"counts": c, "p": z_test(*c)} for c in Z_TESTS],
        "holm": [{"p": p, "adjusted": holm(p)} for p in HOLM],
        "normal_quantile": [{"p": p, "z": float(st.norm.ppf(p))} for p in QUANTILES],
    }
    with open(os.path.join(here, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"{len(out['analyses'])} analyses, {len(out['plans'])} plans, {len(out['fisher'])} Fisher tables", file=sys.stderr)


if __name__ == "__main__":
    main()
