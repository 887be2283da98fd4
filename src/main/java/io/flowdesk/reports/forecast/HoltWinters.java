package io.flowdesk.reports.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Additive Holt-Winters with a weekly cycle that knows holidays and make-up working days (ADR 0037, docs/metrics.md).
 *
 * <p>The seasonal indexes are kept per slot of the week (0 = Monday … 6 = Sunday), not by position, so a make-up
 * working day can be read and updated as the weekday it stands in for. A holiday is its own day type: it does not
 * update the state (level and trend move on as forecast, as for a missing value); its observed volume is recorded as
 * a ratio to the normal workday expectation, and a holiday ahead is forecast as that expectation times the ratio.
 * Without any holiday in the history the ratio is that of an average weekend day to an average workday.
 *
 * <p>α, β, γ are chosen on a grid by the least sum of squared one-step-ahead errors after the first two weeks (which
 * set the initial state). Prediction intervals are normal with the one-step error variance σ² widened for lead time h
 * as for the additive model: σ²(1 + Σ_{j<h} (α(1 + jβ) + γ·[j ≡ 0 mod 7])²) (Hyndman et al., class 1).
 */
public final class HoltWinters {

    public static final String METHOD = "holt-winters-additive-weekly-holidays";
    static final int WEEK = 7;
    static final int INIT = 2 * WEEK;
    static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
    static final double[] BETAS = {0, 0.01, 0.03, 0.1, 0.2};
    static final double[] GAMMAS = {0.01, 0.05, 0.1, 0.2, 0.3, 0.5};
    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;

    /** One day of the series: the slot of the week it behaves like (0..6) and its type. */
    public record Step(int season, DayType type) {
    }

    /** One forecast day: the expectation and the 80 % and 95 % prediction intervals (never below 0). */
    public record Point(double expected, double low80, double high80, double low95, double high95) {
    }

    /** The chosen parameters and what the fit learnt. */
    public record Params(double alpha, double beta, double gamma, double sigma, double holidayRatio) {
    }

    private record Run(double sse, int errors, double level, double trend, double[] season, double holidaySum,
            double holidayBase) {
    }

    private final Params params;
    private final Run state;
    private final boolean[] weekend = new boolean[WEEK];
    private final boolean[] workday;

    private HoltWinters(Params params, Run state, List<Step> steps) {
        this.params = params;
        this.state = state;
        this.workday = workdays(steps);
        steps.stream().filter(s -> s.type() == DayType.WEEKEND).forEach(s -> weekend[s.season()] = true);
    }

    /** Fits the model to at least {@link #INIT} + 1 days of counts. */
    public static HoltWinters fit(double[] y, List<Step> steps) {
        if (y.length != steps.size() || y.length <= INIT) {
            throw new IllegalArgumentException("need more than " + INIT + " days, one step per value");
        }
        Run best = null;
        double[] chosen = null;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    Run run = run(y, steps, a, b, g);
                    if (best == null || run.sse() < best.sse() - 1e-9) {
                        best = run;
                        chosen = new double[] {a, b, g};
                    }
                }
            }
        }
        double sigma = best.errors() == 0 ? 0 : Math.sqrt(best.sse() / best.errors());
        HoltWinters model = new HoltWinters(new Params(chosen[0], chosen[1], chosen[2], sigma, 1), best, steps);
        double ratio = best.holidayBase() > 0 ? best.holidaySum() / best.holidayBase() : model.weekendRatio();
        return new HoltWinters(new Params(chosen[0], chosen[1], chosen[2], sigma, Math.max(0, Math.min(3, ratio))),
                best, steps);
    }

    public Params params() {
        return params;
    }

    /** The next {@code steps.size()} days after the fitted series. */
    public List<Point> forecast(List<Step> steps) {
        List<Point> out = new ArrayList<>();
        double a = params.alpha();
        double b = params.beta();
        double g = params.gamma();
        double widening = 0;
        for (int h = 1; h <= steps.size(); h++) {
            if (h > 1) {
                int j = h - 1;
                double c = a * (1 + j * b) + (j % WEEK == 0 ? g : 0);
                widening += c * c;
            }
            Step step = steps.get(h - 1);
            double base = state.level() + h * state.trend();
            double expected;
            double scale = 1;
            if (step.type() == DayType.HOLIDAY) {
                expected = (base + workdayMean(state.season())) * params.holidayRatio();
                scale = params.holidayRatio();
            } else {
                expected = base + state.season()[step.season()];
            }
            double sd = params.sigma() * Math.sqrt(1 + widening) * scale;
            out.add(new Point(Math.max(0, expected), Math.max(0, expected - Z80 * sd), Math.max(0, expected + Z80 * sd),
                    Math.max(0, expected - Z95 * sd), Math.max(0, expected + Z95 * sd)));
        }
        return out;
    }

    /** One pass of the recursions with the given smoothing parameters. */
    private static Run run(double[] y, List<Step> steps, double a, double b, double g) {
        double[] season = new double[WEEK];
        boolean[] work = workdays(steps);
        double week1 = weekMean(y, steps, 0);
        double week2 = weekMean(y, steps, WEEK);
        double level = week1;
        double trend = (week2 - week1) / WEEK;
        int[] n = new int[WEEK];
        for (int t = 0; t < INIT; t++) {
            Step s = steps.get(t);
            if (s.type() != DayType.HOLIDAY) {
                double mean = t < WEEK ? week1 : week2;
                season[s.season()] += y[t] - mean;
                n[s.season()]++;
            }
        }
        for (int i = 0; i < WEEK; i++) {
            season[i] = n[i] == 0 ? 0 : season[i] / n[i];
        }
        double sse = 0;
        int errors = 0;
        double holidaySum = 0;
        double holidayBase = 0;
        for (int t = 0; t < y.length; t++) {
            Step s = steps.get(t);
            if (s.type() == DayType.HOLIDAY) {
                if (t >= INIT) {
                    holidaySum += y[t];
                    holidayBase += Math.max(0, level + trend + mean(season, work));
                }
                level += trend;
                continue;
            }
            double forecast = level + trend + season[s.season()];
            if (t >= INIT) {
                double e = y[t] - forecast;
                sse += e * e;
                errors++;
            }
            double previous = level;
            level = a * (y[t] - season[s.season()]) + (1 - a) * (level + trend);
            trend = b * (level - previous) + (1 - b) * trend;
            season[s.season()] = g * (y[t] - level) + (1 - g) * season[s.season()];
        }
        return new Run(sse, errors, level, trend, season, holidaySum, holidayBase);
    }

    /** The mean of the non-holiday values of the week starting at {@code from}. */
    private static double weekMean(double[] y, List<Step> steps, int from) {
        double sum = 0;
        int n = 0;
        for (int t = from; t < from + WEEK; t++) {
            if (steps.get(t).type() != DayType.HOLIDAY) {
                sum += y[t];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static boolean[] workdays(List<Step> steps) {
        boolean[] work = new boolean[WEEK];
        for (Step s : steps) {
            if (s.type() == DayType.WORKDAY) {
                work[s.season()] = true;
            }
        }
        return work;
    }

    private double workdayMean(double[] season) {
        return mean(season, workday);
    }

    /** A holiday like an average weekend day, relative to an average workday (when no holiday has been seen). */
    private double weekendRatio() {
        double work = state.level() + mean(state.season(), workday);
        double rest = state.level() + mean(state.season(), weekend);
        return work <= 0 ? 1 : Math.max(0, rest) / work;
    }

    private static double mean(double[] values, boolean[] mask) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (mask[i]) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
