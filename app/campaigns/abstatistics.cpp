// SPDX-License-Identifier: GPL-3.0-or-later
#include "abstatistics.h"

#include "common/errorcodes.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <tuple>
#include <vector>

namespace lux::campaigns {

QString metricName(AbMetric metric)
{
    switch (metric) {
    case AbMetric::HumanClicks: return QStringLiteral("clicks");
    case AbMetric::HumanOpens: return QStringLiteral("opens");
    case AbMetric::ClickToOpen: return QStringLiteral("ctor");
    case AbMetric::Manual: return QStringLiteral("manual");
    }
    return {};
}

std::optional<AbMetric> metricFromName(const QString &name)
{
    for (const AbMetric m : {AbMetric::HumanClicks, AbMetric::HumanOpens, AbMetric::ClickToOpen, AbMetric::Manual})
        if (metricName(m) == name)
            return m;
    return std::nullopt;
}

namespace {

// lgamma without glibc's global signgam, so analyses on two threads do not race on it.
double logGamma(double x)
{
#if defined(__GLIBC__)
    int sign = 0;
    return ::lgamma_r(x, &sign);
#else
    return std::lgamma(x);
#endif
}

double logBeta(double a, double b)
{
    return logGamma(a) + logGamma(b) - logGamma(a + b);
}

double rateOf(qint64 s, qint64 n)
{
    return n > 0 ? double(s) / double(n) : 0.0;
}

// Gauss-Legendre nodes and weights on [-1, 1], and the matrix that integrates the polynomial through
// a function's values at the nodes from -1 up to each node: integral_{-1}^{t_q} f = sum_p S[q][p] f(t_p),
// exact for polynomials of degree < G. It gives every variant's posterior CDF at the nodes from the
// densities already computed there, without an incomplete beta function per node.
struct GaussLegendre
{
    static constexpr int G = 16;
    std::array<double, G> t{}, w{};
    std::array<std::array<double, G>, G> s{};

    GaussLegendre()
    {
        for (int i = 0; i < G; ++i) {
            // Newton's method on P_G from Chebyshev's guess.
            double x = std::cos(std::numbers::pi * (i + 0.75) / (G + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; ++iter) {
                double p0 = 1, p1 = x;
                for (int k = 2; k <= G; ++k) {
                    const double p2 = ((2.0 * k - 1) * x * p1 - (k - 1.0) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = G * (x * p1 - p0) / (x * x - 1);
                const double dx = p1 / dp;
                x -= dx;
                if (std::abs(dx) < 1e-16)
                    break;
            }
            t[G - 1 - i] = x; // ascending
            w[G - 1 - i] = 2 / ((1 - x * x) * dp * dp);
        }
        for (int q = 0; q < G; ++q) {
            const double half = (t[q] + 1) / 2;
            for (int p = 0; p < G; ++p) {
                double sum = 0;
                for (int r = 0; r < G; ++r) {
                    const double u = -1 + half * (t[r] + 1);
                    double lagrange = 1;
                    for (int m = 0; m < G; ++m)
                        if (m != p)
                            lagrange *= (u - t[m]) / (t[p] - t[m]);
                    sum += half * w[r] * lagrange;
                }
                s[q][p] = sum;
            }
        }
    }

    static const GaussLegendre &instance()
    {
        static const GaussLegendre rule;
        return rule;
    }
};

struct BetaPosterior
{
    double a = 1, b = 1, logNorm = 0, mean = 0.5, sd = 0, low = 0, high = 1;

    explicit BetaPosterior(const AbCounts &c)
        : a(1.0 + double(c.successes)), b(1.0 + double(c.sent - c.successes)), logNorm(logBeta(a, b)), mean(a / (a + b)),
          sd(std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1))))
    {
        low = std::max(0.0, mean - kWindow * sd);
        high = std::min(1.0, mean + kWindow * sd);
    }
    double density(double x) const
    {
        if (x <= 0 || x >= 1)
            return 0;
        return std::exp((a - 1) * std::log(x) + (b - 1) * std::log1p(-x) - logNorm);
    }
    // Beyond 20 standard deviations a Beta posterior with a, b >= 1 holds less than 1e-9 of its mass
    // (the worst case is the exponential-like Beta(1, b): e^-21).
    static constexpr double kWindow = 20;
};

// The text of a count in the system locale ("1,200").
QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString numberText(double x)
{
    return QLocale().toString(x, 'g', 6);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Distributions

double AbStatistics::normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

double AbStatistics::normalQuantile(double p)
{
    // Wichura's AS 241 (PPND16), accurate to about 1e-16.
    if (std::isnan(p))
        return std::numeric_limits<double>::quiet_NaN();
    if (p <= 0)
        return -std::numeric_limits<double>::infinity();
    if (p >= 1)
        return std::numeric_limits<double>::infinity();
    const double q = p - 0.5;
    if (std::abs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q
               * (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r
                      + 4.5921953931549871457e+4) * r + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                   + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0)
               / (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r
                      + 2.1213794301586595867e+4) * r + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
                   + 4.2313330701600911252e+1) * r + 1.0);
    }
    double r = std::sqrt(-std::log(q < 0 ? p : 1 - p));
    double value = 0;
    if (r <= 5) {
        r -= 1.6;
        value = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
                     + 1.27045825245236838258e+0) * r + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r
                  + 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0)
                / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
                       + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r
                    + 2.05319162663775882187e+0) * r + 1.0);
    } else {
        r -= 5;
        value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
                     + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r
                  + 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0)
                / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
                       + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                    + 5.99832206555887937690e-1) * r + 1.0);
    }
    return q < 0 ? -value : value;
}

double AbStatistics::upperGammaQ(double a, double x)
{
    if (x <= 0)
        return 1;
    constexpr double eps = 1e-16;
    constexpr double tiny = 1e-300;
    const double logPrefix = -x + a * std::log(x) - logGamma(a);
    if (x < a + 1) {
        // The series of P(a, x); Q = 1 - P is not small here, so nothing is lost.
        double ap = a, del = 1 / a, sum = del;
        for (int n = 0; n < 10000; ++n) {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (std::abs(del) < std::abs(sum) * eps)
                break;
        }
        return std::clamp(1 - sum * std::exp(logPrefix), 0.0, 1.0);
    }
    // The continued fraction of Q (modified Lentz), accurate in relative terms far into the tail.
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 10000; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const double del = d * c;
        h *= del;
        if (std::abs(del - 1) < eps)
            break;
    }
    return std::clamp(std::exp(logPrefix) * h, 0.0, 1.0);
}

// ---------------------------------------------------------------------------------------------
// Tests

double AbStatistics::fisherTwoSided(qint64 a, qint64 b, qint64 c, qint64 d)
{
    if (a < 0 || b < 0 || c < 0 || d < 0)
        return 1;
    const qint64 rowA = a + b, rowC = c + d, colA = a + c, total = rowA + rowC;
    if (rowA == 0 || rowC == 0 || colA == 0 || colA == total)
        return 1; // as SciPy: a margin of 0 leaves nothing to test
    // x = a is hypergeometric: colA draws from total, rowA of them "first row". Its probabilities
    // relative to the mode's, by the ratio of neighbours, stay accurate for any n (no factorials).
    const qint64 lo = std::max<qint64>(0, colA - rowC), hi = std::min(rowA, colA);
    const double nTotal = double(total), nRow = double(rowA), nCol = double(colA);
    const qint64 mode = std::clamp<qint64>(qint64((double(colA) + 1) * (double(rowA) + 1) / (nTotal + 2)), lo, hi);
    std::vector<double> weight(size_t(hi - lo + 1), 0.0);
    weight[size_t(mode - lo)] = 1;
    for (qint64 x = mode; x < hi; ++x) { // P(x + 1) / P(x)
        const double ratio = (nRow - double(x)) * (nCol - double(x)) / ((double(x) + 1) * (nTotal - nRow - nCol + double(x) + 1));
        weight[size_t(x + 1 - lo)] = weight[size_t(x - lo)] * ratio;
    }
    for (qint64 x = mode; x > lo; --x) { // P(x - 1) / P(x)
        const double ratio = double(x) * (nTotal - nRow - nCol + double(x)) / ((nRow - double(x) + 1) * (nCol - double(x) + 1));
        weight[size_t(x - 1 - lo)] = weight[size_t(x - lo)] * ratio;
    }
    // Two-sided: every table at most as likely as the one observed. The relative tolerance keeps
    // tables of mathematically equal probability (symmetric ones) that rounding set apart.
    const double observed = weight[size_t(a - lo)] * (1 + 1e-7);
    double all = 0, tail = 0;
    for (const double w : weight) {
        all += w;
        if (w <= observed)
            tail += w;
    }
    return std::min(1.0, tail / all);
}

double AbStatistics::zTestTwoSided(qint64 s1, qint64 n1, qint64 s2, qint64 n2)
{
    if (n1 <= 0 || n2 <= 0)
        return 1;
    const double pooled = double(s1 + s2) / double(n1 + n2);
    const double se = std::sqrt(pooled * (1 - pooled) * (1 / double(n1) + 1 / double(n2)));
    if (!(se > 0))
        return 1;
    const double z = (rateOf(s1, n1) - rateOf(s2, n2)) / se;
    return std::min(1.0, std::erfc(std::abs(z) / std::numbers::sqrt2));
}

AbTestKind AbStatistics::testFor(qint64 s1, qint64 n1, qint64 s2, qint64 n2)
{
    const qint64 total = n1 + n2;
    if (total <= 0)
        return AbTestKind::Fisher;
    const qint64 successes = s1 + s2;
    // The smallest expected count of the 2x2 table: smallest row total times smallest column total.
    const double smallest = double(std::min(n1, n2)) * double(std::min(successes, total - successes)) / double(total);
    return smallest < 10 ? AbTestKind::Fisher : AbTestKind::ZTest;
}

QList<double> AbStatistics::holm(const QList<double> &p)
{
    const qsizetype m = p.size();
    QList<qsizetype> order(m);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&p](qsizetype x, qsizetype y) { return p.at(x) < p.at(y); });
    QList<double> adjusted(m, 1.0);
    double running = 0;
    for (qsizetype rank = 0; rank < m; ++rank) {
        const qsizetype i = order.at(rank);
        running = std::max(running, std::min(1.0, double(m - rank) * p.at(i)));
        adjusted[i] = running;
    }
    return adjusted;
}

std::pair<double, double> AbStatistics::wilson(qint64 s, qint64 n, double confidence)
{
    if (n <= 0)
        return {0.0, 1.0};
    const double z = normalQuantile(1 - (1 - confidence) / 2);
    const double nn = double(n), p = double(s) / nn;
    const double denominator = 1 + z * z / nn;
    const double centre = (p + z * z / (2 * nn)) / denominator;
    const double half = z / denominator * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::pair<double, double> AbStatistics::newcombe(qint64 s1, qint64 n1, qint64 s2, qint64 n2, double confidence)
{
    const double p1 = rateOf(s1, n1), p2 = rateOf(s2, n2);
    const auto [l1, u1] = wilson(s1, n1, confidence);
    const auto [l2, u2] = wilson(s2, n2, confidence);
    const double diff = p1 - p2;
    const double below = std::sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
    const double above = std::sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
    return {diff - below, diff + above};
}

double AbStatistics::chiSquareSrm(const QList<qint64> &sent, const QList<double> &shares)
{
    if (sent.size() < 2 || shares.size() != sent.size())
        return 1;
    const double total = std::accumulate(sent.cbegin(), sent.cend(), 0.0, [](double sum, qint64 n) { return sum + double(n); });
    const double shareSum = std::accumulate(shares.cbegin(), shares.cend(), 0.0);
    if (!(total > 0) || !(shareSum > 0))
        return 1;
    double chi2 = 0;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const double expected = total * shares.at(i) / shareSum;
        if (!(expected > 0))
            return sent.at(i) > 0 ? 0.0 : 1.0;
        const double gap = double(sent.at(i)) - expected;
        chi2 += gap * gap / expected;
    }
    return upperGammaQ(double(sent.size() - 1) / 2, chi2 / 2);
}

// ---------------------------------------------------------------------------------------------
// The Bayesian view

AbStatistics::Posterior AbStatistics::posterior(const QList<AbCounts> &v)
{
    const qsizetype k = v.size();
    Posterior out;
    out.pBest = QList<double>(k, k > 0 ? 1.0 / double(k) : 0.0);
    out.expectedLoss = QList<double>(k, 0.0);
    if (k < 2)
        return out;
    std::vector<BetaPosterior> post;
    post.reserve(size_t(k));
    for (const AbCounts &c : v)
        post.emplace_back(AbCounts{c.name, std::max<qint64>(0, c.sent), std::clamp<qint64>(c.successes, 0, std::max<qint64>(0, c.sent))});

    // Where the posteriors have mass: each one's mean +- 20 sd, cut every standard deviation, so no
    // piece is wider than one sd of any posterior that covers it.
    std::vector<double> cuts;
    for (const BetaPosterior &p : post) {
        cuts.push_back(p.low);
        cuts.push_back(p.high);
        for (int j = -int(BetaPosterior::kWindow); j <= int(BetaPosterior::kWindow); ++j) {
            const double x = p.mean + j * p.sd;
            if (x > p.low && x < p.high)
                cuts.push_back(x);
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    const GaussLegendre &gl = GaussLegendre::instance();
    constexpr int G = GaussLegendre::G;
    const size_t count = size_t(k);
    std::vector<double> cdfLeft(count, 0.0); // each CDF at the left end of the piece
    std::vector<std::array<double, G>> f(count), F(count);
    std::vector<double> best(count, 0.0);
    double expectedMax = 0;
    for (size_t c = 0; c + 1 < cuts.size(); ++c) {
        const double l = cuts[c], r = cuts[c + 1];
        if (!(r > l))
            continue;
        bool covered = false;
        const double h = (r - l) / 2;
        for (qsizetype j = 0; j < k; ++j) {
            const BetaPosterior &p = post[size_t(j)];
            auto &fj = f[size_t(j)];
            auto &Fj = F[size_t(j)];
            if (r <= p.low) { // below its mass
                fj.fill(0);
                Fj.fill(0);
            } else if (l >= p.high) { // above it
                fj.fill(0);
                Fj.fill(1);
            } else {
                covered = true;
                for (int q = 0; q < G; ++q)
                    fj[size_t(q)] = p.density(l + h * (gl.t[size_t(q)] + 1));
                double whole = 0;
                for (int q = 0; q < G; ++q) {
                    double part = 0;
                    for (int m = 0; m < G; ++m)
                        part += gl.s[size_t(q)][size_t(m)] * fj[size_t(m)];
                    Fj[size_t(q)] = std::clamp(cdfLeft[size_t(j)] + h * part, 0.0, 1.0);
                    whole += gl.w[size_t(q)] * fj[size_t(q)];
                }
                cdfLeft[size_t(j)] += h * whole;
            }
        }
        if (!covered)
            continue;
        for (int q = 0; q < G; ++q) {
            const double x = l + h * (gl.t[size_t(q)] + 1);
            for (qsizetype i = 0; i < k; ++i) {
                double term = f[size_t(i)][size_t(q)];
                for (qsizetype j = 0; j < k && term != 0; ++j)
                    if (j != i)
                        term *= F[size_t(j)][size_t(q)];
                term *= h * gl.w[size_t(q)];
                best[size_t(i)] += term;
                expectedMax += x * term;
            }
        }
    }
    const double sum = std::accumulate(best.cbegin(), best.cend(), 0.0);
    for (qsizetype i = 0; i < k; ++i) {
        if (sum > 0)
            out.pBest[i] = best[size_t(i)] / sum;
        // E[max_j p_j - p_i] = E[max_j p_j] - E[p_i]; the mean of a Beta is exact.
        out.expectedLoss[i] = std::max(0.0, expectedMax / (sum > 0 ? sum : 1) - post[size_t(i)].mean);
    }
    return out;
}

QList<double> AbStatistics::probabilityBest(const QList<AbCounts> &v)
{
    return posterior(v).pBest;
}

QList<double> AbStatistics::expectedLoss(const QList<AbCounts> &v)
{
    return posterior(v).expectedLoss;
}

// ---------------------------------------------------------------------------------------------
// Words

// "A", "A and B", "A, B and C" (QLocale::createSeparatedList leaves the C locale of a bare session
// with "A, B").
QString AbStatistics::listOf(const QStringList &items)
{
    if (items.size() < 2)
        return items.value(0);
    return tr("%1 and %2").arg(items.mid(0, items.size() - 1).join(QStringLiteral(", ")), items.last());
}

QString AbStatistics::percent(double rate)
{
    const QLocale locale;
    return locale.toString(rate * 100, 'f', 1) + QLatin1Char(' ') + locale.percent();
}

QString AbStatistics::pText(double p)
{
    const QLocale locale;
    if (p < 0.001)
        return tr("p < %1").arg(locale.toString(0.001, 'f', 3));
    // Two significant digits, more when rounding would carry p across 0.05 (0.0496 reads 0.0496,
    // never "0.05" beside a winner).
    int digits = 2;
    while (digits < 5 && (p < 0.05) != (QString::number(p, 'g', digits).toDouble() < 0.05))
        ++digits;
    return tr("p = %1").arg(locale.toString(p, 'g', digits));
}

// ---------------------------------------------------------------------------------------------
// The analysis

Result<AbAnalysis> AbStatistics::analyse(const QList<AbCounts> &input, const AbRule &rule, AbMetric metric)
{
    const qsizetype k = input.size();
    if (k < AbStatistics::kMinVariants || k > AbStatistics::kMaxVariants)
        return Error(errc::abtestInput, tr("An A/B test compares 2 to 5 variants, not %1.").arg(k));
    QList<AbCounts> v = input;
    for (qsizetype i = 0; i < k; ++i) {
        AbCounts &c = v[i];
        if (c.name.isEmpty())
            c.name = QChar(char16_t(u'A' + i));
        if (c.sent < 0 || c.successes < 0)
            return Error(errc::abtestInput, tr("Variant %1: counts cannot be negative (%2 sent, %3 successes).")
                                                .arg(c.name, number(c.sent), number(c.successes)));
        if (c.successes > c.sent)
            return Error(errc::abtestInput, tr("Variant %1: %Ln success(es) out of %2 sent.", nullptr, int(std::min<qint64>(c.successes, INT_MAX)))
                                                .arg(c.name, number(c.sent)));
    }
    if (!(rule.alpha > 0 && rule.alpha < 1))
        return Error(errc::abtestInput, tr("The significance level must be between 0 and 1, not %1.").arg(numberText(rule.alpha)));
    if (!(rule.srmAlpha >= 0 && rule.srmAlpha < 1))
        return Error(errc::abtestInput, tr("The significance level of the split check must be between 0 and 1, not %1.").arg(numberText(rule.srmAlpha)));
    if (rule.minPerVariant < 0)
        return Error(errc::abtestInput, tr("The minimum per variant cannot be negative (%1).").arg(number(rule.minPerVariant)));
    QList<double> shares = rule.plannedShares;
    if (shares.isEmpty()) {
        shares = QList<double>(k, 1.0 / double(k));
    } else {
        if (shares.size() != k)
            return Error(errc::abtestInput, tr("The planned split has %n share(s) for %1 variants.", nullptr, int(shares.size())).arg(k));
        for (qsizetype i = 0; i < k; ++i)
            if (!(shares.at(i) > 0 && shares.at(i) < 1))
                return Error(errc::abtestInput, tr("Variant %1: a planned share of %2; each share must be above 0 and below 1.")
                                                    .arg(v.at(i).name, numberText(shares.at(i))));
        const double sum = std::accumulate(shares.cbegin(), shares.cend(), 0.0);
        if (std::abs(sum - 1) > 1e-3)
            return Error(errc::abtestInput, tr("The planned shares add up to %1, not 1.").arg(numberText(sum)));
    }

    AbAnalysis out;
    bool anySent = false;
    for (const AbCounts &c : std::as_const(v)) {
        AbVariantResult r;
        r.name = c.name;
        r.sent = c.sent;
        r.successes = c.successes;
        r.rate = rateOf(c.successes, c.sent);
        std::tie(r.ciLow, r.ciHigh) = wilson(c.successes, c.sent);
        out.variants.append(r);
        anySent = anySent || c.sent > 0;
    }
    if (anySent) {
        out.best = 0;
        for (qsizetype i = 1; i < k; ++i)
            if (out.variants.at(i).rate > out.variants.at(out.best).rate)
                out.best = int(i);
    }

    // The best against each other one.
    if (out.best >= 0) {
        const AbCounts &b = v.at(out.best);
        QList<double> ps;
        for (qsizetype j = 0; j < k; ++j) {
            if (j == out.best)
                continue;
            const AbCounts &o = v.at(j);
            AbComparison c;
            c.a = b.name;
            c.b = o.name;
            c.test = testFor(b.successes, b.sent, o.successes, o.sent);
            c.p = c.test == AbTestKind::Fisher ? fisherTwoSided(b.successes, b.sent - b.successes, o.successes, o.sent - o.successes)
                                               : zTestTwoSided(b.successes, b.sent, o.successes, o.sent);
            c.diff = rateOf(b.successes, b.sent) - rateOf(o.successes, o.sent);
            std::tie(c.diffLow, c.diffHigh) = newcombe(b.successes, b.sent, o.successes, o.sent);
            out.comparisons.append(c);
            ps.append(c.p);
        }
        const QList<double> adjusted = holm(ps);
        for (qsizetype j = 0; j < out.comparisons.size(); ++j)
            out.comparisons[j].pAdjusted = adjusted.at(j);
    }

    QList<qint64> sent;
    for (const AbCounts &c : std::as_const(v))
        sent.append(c.sent);
    if (rule.splitCounts.size() == sent.size())
        sent = rule.splitCounts;
    out.srmP = chiSquareSrm(sent, shares);

    const Posterior bayes = posterior(v);
    for (qsizetype i = 0; i < k; ++i) {
        out.variants[i].pBest = bayes.pBest.at(i);
        out.variants[i].expectedLoss = bayes.expectedLoss.at(i);
    }

    // The reason, in the documented order.
    const AbVariantResult *top = out.best >= 0 ? &out.variants.at(out.best) : nullptr;
    QStringList tied; // the names sharing the top rate
    for (const AbVariantResult &r : std::as_const(out.variants))
        if (!top || r.rate == top->rate)
            tied << r.name;
    // The comparison with the largest adjusted p; Holm often gives several the same, and then the
    // closest rival (the largest p before adjustment) is the one to name.
    const AbComparison *weakest = nullptr;
    for (const AbComparison &c : std::as_const(out.comparisons))
        if (!weakest || c.pAdjusted > weakest->pAdjusted || (c.pAdjusted == weakest->pAdjusted && c.p > weakest->p))
            weakest = &c;
    QList<const AbVariantResult *> others; // the rest, best rate first
    for (qsizetype i = 0; i < k; ++i)
        if (i != out.best)
            others << &out.variants.at(i);
    std::stable_sort(others.begin(), others.end(), [](const AbVariantResult *x, const AbVariantResult *y) { return x->rate > y->rate; });
    QStringList otherRates;
    for (const AbVariantResult *r : std::as_const(others))
        otherRates << percent(r->rate);

    const AbVariantResult *fewest = nullptr;
    for (const AbVariantResult &r : std::as_const(out.variants))
        if (r.sent < rule.minPerVariant && (!fewest || r.sent < fewest->sent))
            fewest = &r;

    if (out.srmP < rule.srmAlpha) {
        QStringList counts;
        for (const qint64 n : std::as_const(sent))
            counts << number(n);
        out.reasonCode = QStringLiteral("abtest.srm");
        out.reason = tr("No winner: the split is not the planned one (%1 delivered, %2), which usually means a sending problem.")
                         .arg(listOf(counts), pText(out.srmP));
    } else if (metric == AbMetric::Manual) {
        out.reasonCode = QStringLiteral("abtest.manual");
        if (!top)
            out.reason = tr("You choose the winner: nothing has been delivered yet.");
        else if (tied.size() > 1)
            out.reason = tr("You choose the winner: %1 have the same rate, %2.").arg(listOf(tied), percent(top->rate));
        else
            out.reason = tr("You choose the winner: %1 leads with %2 against %3 of people clicked (%4).")
                             .arg(top->name, percent(top->rate), listOf(otherRates), pText(weakest ? weakest->pAdjusted : 1.0));
    } else if (fewest) {
        out.reasonCode = QStringLiteral("abtest.too-few");
        out.reason = metric == AbMetric::ClickToOpen
                         ? tr("No winner yet: too few opened, %1 has %2 of %3.").arg(fewest->name, number(fewest->sent), number(rule.minPerVariant))
                         : tr("No winner yet: too few delivered, %1 has %2 of %3.").arg(fewest->name, number(fewest->sent), number(rule.minPerVariant));
    } else if (!top || tied.size() > 1) {
        out.reasonCode = QStringLiteral("abtest.tie");
        out.reason = tr("No winner: %1 have the same rate, %2.").arg(listOf(tied), percent(top ? top->rate : 0.0));
    } else if (weakest && weakest->pAdjusted >= rule.alpha) {
        const AbVariantResult *other = nullptr;
        for (const AbVariantResult &r : std::as_const(out.variants))
            if (r.name == weakest->b)
                other = &r;
        out.reasonCode = QStringLiteral("abtest.not-significant");
        out.reason = tr("No winner: %1's %2 against %3's %4 could be chance (%5).")
                         .arg(top->name, percent(top->rate), weakest->b, percent(other ? other->rate : 0.0), pText(weakest->pAdjusted));
    } else {
        out.reasonCode = QStringLiteral("abtest.winner");
        out.winner = out.best;
        const QString p = pText(weakest ? weakest->pAdjusted : 1.0);
        switch (metric) {
        case AbMetric::HumanOpens:
            out.reason = tr("%1 won: %2 against %3 of people opened, %4.").arg(top->name, percent(top->rate), listOf(otherRates), p);
            break;
        case AbMetric::ClickToOpen:
            out.reason = tr("%1 won: %2 against %3 of people who opened clicked, %4.").arg(top->name, percent(top->rate), listOf(otherRates), p);
            break;
        case AbMetric::HumanClicks:
        case AbMetric::Manual:
            out.reason = tr("%1 won: %2 against %3 of people clicked, %4.").arg(top->name, percent(top->rate), listOf(otherRates), p);
            break;
        }
    }
    return out;
}

QJsonObject AbAnalysis::toJson() const
{
    QJsonArray vs;
    for (const AbVariantResult &r : variants)
        vs.append(QJsonObject{{QStringLiteral("name"), r.name},
                              {QStringLiteral("sent"), r.sent},
                              {QStringLiteral("successes"), r.successes},
                              {QStringLiteral("rate"), r.rate},
                              {QStringLiteral("ci"), QJsonArray{r.ciLow, r.ciHigh}},
                              {QStringLiteral("p_best"), r.pBest},
                              {QStringLiteral("expected_loss"), r.expectedLoss}});
    QJsonArray cs;
    for (const AbComparison &c : comparisons)
        cs.append(QJsonObject{{QStringLiteral("a"), c.a},
                              {QStringLiteral("b"), c.b},
                              {QStringLiteral("test"), c.test == AbTestKind::Fisher ? QStringLiteral("fisher") : QStringLiteral("z")},
                              {QStringLiteral("p"), c.p},
                              {QStringLiteral("p_adjusted"), c.pAdjusted},
                              {QStringLiteral("diff"), c.diff},
                              {QStringLiteral("ci"), QJsonArray{c.diffLow, c.diffHigh}}});
    return {{QStringLiteral("variants"), vs},
            {QStringLiteral("comparisons"), cs},
            {QStringLiteral("winner"), winner >= 0 && winner < variants.size() ? QJsonValue(variants.at(winner).name) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("reason_code"), reasonCode},
            {QStringLiteral("srm_p"), srmP}};
}

// ---------------------------------------------------------------------------------------------
// The planner

Result<AbPlan> AbStatistics::plan(const AbPlanInput &input)
{
    if (!(input.baseline > 0 && input.baseline < 1))
        return Error(errc::abtestPlan, tr("The baseline rate must be between 0 and 1 (say 0.04 for 4 %), not %1.").arg(numberText(input.baseline)));
    if (!(input.lift > 0) || !std::isfinite(input.lift))
        return Error(errc::abtestPlan, tr("The lift must be above 0, not %1.").arg(numberText(input.lift)));
    if (input.variants < AbStatistics::kMinVariants || input.variants > AbStatistics::kMaxVariants)
        return Error(errc::abtestPlan, tr("An A/B test compares 2 to 5 variants, not %1.").arg(input.variants));
    if (!(input.alpha > 0 && input.alpha < 1))
        return Error(errc::abtestPlan, tr("The significance level must be between 0 and 1, not %1.").arg(numberText(input.alpha)));
    if (!(input.power > 0 && input.power < 1))
        return Error(errc::abtestPlan, tr("The power must be between 0 and 1, not %1.").arg(numberText(input.power)));
    const double p1 = input.baseline;
    const double p2 = input.relativeLift ? input.baseline * (1 + input.lift) : input.baseline + input.lift;
    if (!(p2 < 1))
        return Error(errc::abtestPlan, tr("The baseline plus the lift makes a target rate of %1; it must be below 1.").arg(numberText(p2)));

    AbPlan out;
    out.input = input;
    out.target = p2;
    out.alphaPerComparison = input.alpha / (input.variants - 1); // Bonferroni: what Holm needs at worst
    const double za = normalQuantile(1 - out.alphaPerComparison / 2);
    const double zb = normalQuantile(input.power);
    const double pBar = (p1 + p2) / 2;
    const double root = za * std::sqrt(2 * pBar * (1 - pBar)) + zb * std::sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    const double n = std::ceil(root * root / ((p2 - p1) * (p2 - p1)));
    constexpr double kLargest = 1e12;
    if (!(n <= kLargest))
        return Error(errc::abtestPlan, tr("A lift that small cannot be measured: it would take more than %1 people per variant.")
                                           .arg(QLocale().toString(kLargest, 'f', 0)));
    out.perVariant = std::max<qint64>(1, qint64(n));
    out.total = out.perVariant * input.variants;
    return out;
}

QJsonObject AbPlan::toJson() const
{
    return {{QStringLiteral("per_variant"), perVariant},
            {QStringLiteral("total"), total},
            {QStringLiteral("baseline"), input.baseline},
            {QStringLiteral("target"), target},
            {QStringLiteral("lift"), input.lift},
            {QStringLiteral("relative_lift"), input.relativeLift},
            {QStringLiteral("variants"), input.variants},
            {QStringLiteral("alpha"), input.alpha},
            {QStringLiteral("alpha_per_comparison"), alphaPerComparison},
            {QStringLiteral("power"), input.power}};
}

} // namespace lux::campaigns
