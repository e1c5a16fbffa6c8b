package io.ta.cli;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks: round values on a linear or logarithmic scale, and on the bar axis the first bar of each year, month,
 * week, day or hour — at the finest of those that leaves room for the labels. Bars are evenly spaced, so a tick marks
 * a bar, never a calendar date between bars. Times are wall-clock times in the chart's zone ({@link Figure#times}).
 */
final class Ticks {
    private Ticks() {}

    /** A tick on the bar axis: the bar, its label, and whether it starts a larger period (drawn bold). */
    record Tick(int bar, String label, boolean major) {}

    private enum Unit { MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }

    private record Step(Unit unit, int k, long millis) {}

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private static final Step[] STEPS = {
        new Step(Unit.MINUTE, 1, MINUTE), new Step(Unit.MINUTE, 5, 5 * MINUTE), new Step(Unit.MINUTE, 15, 15 * MINUTE),
        new Step(Unit.MINUTE, 30, 30 * MINUTE), new Step(Unit.HOUR, 1, HOUR), new Step(Unit.HOUR, 2, 2 * HOUR),
        new Step(Unit.HOUR, 4, 4 * HOUR), new Step(Unit.HOUR, 6, 6 * HOUR), new Step(Unit.HOUR, 12, 12 * HOUR),
        new Step(Unit.DAY, 1, DAY), new Step(Unit.WEEK, 1, 7 * DAY), new Step(Unit.MONTH, 1, 30 * DAY),
        new Step(Unit.MONTH, 3, 91 * DAY), new Step(Unit.MONTH, 6, 182 * DAY), new Step(Unit.YEAR, 1, 365 * DAY),
        new Step(Unit.YEAR, 2, 730 * DAY), new Step(Unit.YEAR, 5, 1826 * DAY), new Step(Unit.YEAR, 10, 3652 * DAY),
        new Step(Unit.YEAR, 25, 9131 * DAY), new Step(Unit.YEAR, 50, 18262 * DAY), new Step(Unit.YEAR, 100, 36525 * DAY)};

    /**
     * Ticks for bars at {@code times}, {@code pxPerBar} apart, at least {@code minGap} pixels between labels.
     */
    static List<Tick> time(long[] times, double pxPerBar, double minGap) {
        int n = times.length;
        if (n == 0) {
            return List.of();
        }
        long typical = typicalInterval(times);
        for (Step s : STEPS) {
            if (s.millis() < typical) {
                continue;
            }
            List<Tick> ticks = new ArrayList<>();
            long previous = key(times[0], s);
            // Each label names what changed since the tick before (a new month among weekly ticks), or since the first bar.
            long before = times[0];
            for (int i = 1; i < n; i++) {
                long k = key(times[i], s);
                if (k != previous) {
                    ticks.add(new Tick(i, label(before, times[i], s), major(before, times[i], s)));
                    before = times[i];
                }
                previous = k;
            }
            if (ticks.size() * minGap <= n * pxPerBar || s == STEPS[STEPS.length - 1]) {
                return thin(ticks, pxPerBar, minGap);
            }
        }
        return List.of();
    }

    /** Ticks every round number of bars, labelled with {@code labels}. */
    static List<Tick> bars(String[] labels, int firstBarNumber, double pxPerBar, double minGap) {
        long step = 1;
        while (step * pxPerBar < minGap) {
            long m = step;
            step = m * 2 * pxPerBar >= minGap ? m * 2 : m * 5 * pxPerBar >= minGap ? m * 5 : m * 10;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if ((firstBarNumber + i) % step == 0) {
                ticks.add(new Tick(i, labels[i], false));
            }
        }
        return ticks;
    }

    /** Drops ticks too close to the one before (uneven bars: holidays, sessions), keeping major ones first. */
    private static List<Tick> thin(List<Tick> ticks, double pxPerBar, double minGap) {
        List<Tick> out = new ArrayList<>();
        for (Tick t : ticks) {
            if (!out.isEmpty() && (t.bar() - out.getLast().bar()) * pxPerBar < minGap * 0.75) {
                if (t.major() && !out.getLast().major()) {
                    out.removeLast();
                } else {
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    /** The median interval between bars (days for daily bars even with weekends). */
    private static long typicalInterval(long[] times) {
        int n = Math.min(times.length - 1, 1000);
        if (n <= 0) {
            return 1;
        }
        long[] d = new long[n];
        for (int i = 0; i < n; i++) {
            d[i] = times[times.length - n + i] - times[times.length - n + i - 1];
        }
        java.util.Arrays.sort(d);
        return Math.max(1, d[n / 2]);
    }

    private static LocalDateTime utc(long t) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(t, 1000), 0, ZoneOffset.UTC);
    }

    private static long key(long t, Step s) {
        return switch (s.unit()) {
            case MINUTE, HOUR -> Math.floorDiv(t, s.millis());
            case DAY -> Math.floorDiv(t, DAY);
            case WEEK -> Math.floorDiv(Math.floorDiv(t, DAY) + 3, 7);
            case MONTH -> {
                LocalDateTime d = utc(t);
                yield Math.floorDiv(d.getYear() * 12L + d.getMonthValue() - 1, s.k());
            }
            case YEAR -> Math.floorDiv(utc(t).getYear(), s.k());
        };
    }

    private static boolean major(long before, long t, Step s) {
        LocalDateTime a = utc(before);
        LocalDateTime b = utc(t);
        return switch (s.unit()) {
            case MINUTE, HOUR -> !a.toLocalDate().equals(b.toLocalDate());
            case DAY, WEEK -> a.getMonthValue() != b.getMonthValue() || a.getYear() != b.getYear();
            case MONTH -> a.getYear() != b.getYear();
            case YEAR -> false;
        };
    }

    private static String label(long before, long t, Step s) {
        LocalDateTime a = utc(before);
        LocalDateTime b = utc(t);
        String month = b.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return switch (s.unit()) {
            case MINUTE, HOUR -> a.toLocalDate().equals(b.toLocalDate()) ? String.format(Locale.ROOT, "%02d:%02d", b.getHour(), b.getMinute())
                    : b.getDayOfMonth() + " " + month;
            case DAY, WEEK -> a.getYear() != b.getYear() ? Integer.toString(b.getYear())
                    : a.getMonthValue() != b.getMonthValue() ? month : Integer.toString(b.getDayOfMonth());
            case MONTH -> a.getYear() != b.getYear() ? Integer.toString(b.getYear()) : month;
            case YEAR -> Integer.toString(b.getYear());
        };
    }

    /** Round values between {@code lo} and {@code hi}, at most about {@code max} of them. */
    static List<Double> linear(double lo, double hi, int max) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || max < 1) {
            return out;
        }
        // In halves, as hi - lo may be more than a double holds.
        double step = niceStep((hi / 2 - lo / 2) / max * 2);
        double first = Math.ceil(lo / step);
        // Counted, not stepped: v += step stands still where step is under half an ulp of v.
        for (int k = 0; k <= 2 * max + 2; k++) {
            double v = (first + k) * step;
            if (!(v <= hi + step * 1e-9) || Double.isInfinite(v) || !out.isEmpty() && v <= out.getLast()) {
                break;
            }
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    /**
     * Round values for a logarithmic scale, the finest that fits: 1, 1.5, 2, 3, 5, 7 times powers of ten (about evenly
     * spaced on the log axis, so a price from 3 to 53 gets eight labels, not four), else 1, 2, 5, else powers of ten
     * alone over many decades, else every k-th of them.
     */
    static List<Double> log(double lo, double hi, int max) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || lo <= 0) {
            return out;
        }
        int d0 = (int) Math.floor(Math.log10(lo));
        // An infinite hi would count decades up to Integer.MAX_VALUE, each adding infinity.
        int d1 = (int) Math.ceil(Math.log10(Math.min(hi, Double.MAX_VALUE)));
        for (double[] mantissas : new double[][] {{1, 1.5, 2, 3, 5, 7}, {1, 2, 5}, {1}}) {
            out.clear();
            for (int d = d0; d <= d1; d++) {
                for (double m : mantissas) {
                    double v = m * Math.pow(10, d);
                    if (v >= lo && v <= hi) {
                        out.add(v);
                    }
                }
            }
            if (out.size() <= max) {
                break;
            }
        }
        if (out.size() > max) {
            // More decades than labels fit (1e-300 to 1e300): every k-th power of ten, k 2, 5, 10, 20, 50, ….
            int size = out.size();
            int k = 1000;
            for (int every : new int[] {500, 200, 100, 50, 20, 10, 5, 2}) {
                k = (size + every - 1) / every <= max ? every : k;
            }
            int every = k;
            out.removeIf(v -> Math.floorMod((int) Math.round(Math.log10(v)), every) != 0);
        }
        if (out.size() < 3) {
            // Less than a decade: round values spaced evenly are easier to read.
            return linear(lo, hi, max);
        }
        return out;
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    /**
     * A value for an axis or a legend: about four significant digits, K/M/B for large magnitudes, and an exponent
     * from 1e15 up and below 1e-4, where K/M/B would need a dozen digits more and six decimals would show 2.5e-7 as 0.
     */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1e15 || a != 0 && a < 1e-4) {
            return scientific(v, 3);
        }
        if (a >= 1e9) {
            return trim(v / 1e9, 2) + "B";
        }
        if (a >= 1e6) {
            return trim(v / 1e6, 2) + "M";
        }
        if (a >= 1e5) {
            return trim(v / 1e3, 1) + "K";
        }
        int decimals = a == 0 ? 0 : Math.max(0, Math.min(6, 3 - (int) Math.floor(Math.log10(a))));
        return trim(v, decimals);
    }

    /** A value on an axis whose ticks are {@code step} apart: as many decimals as the step needs. */
    static String format(double v, double step) {
        double a = Math.abs(v);
        if (step < 1e-5 && v != 0) {
            // More decimals than the axis has room for: as many significant digits as the step needs (2.55e-7).
            int e = (int) Math.floor(Math.log10(step));
            double m = step / Math.pow(10, e);
            int digits = (int) Math.floor(Math.log10(a)) - e + (Math.abs(m - Math.rint(m)) > 1e-6 ? 1 : 0);
            return scientific(v, Math.max(0, Math.min(16, digits)));
        }
        if (a >= 1e5 || step >= 1e5) {
            return format(v);
        }
        int decimals = Math.max(0, Math.min(8, (int) Math.ceil(-Math.log10(step) - 1e-9)));
        if (Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code v} with {@code decimals} decimals of its mantissa, trailing zeros dropped: 2.507e-7, 1.7e308. */
    private static String scientific(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "e", v);
        int e = s.indexOf('e');
        return withoutTrailingZeros(s.substring(0, e)) + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private static String trim(double v, int decimals) {
        String s = withoutTrailingZeros(String.format(Locale.ROOT, "%." + decimals + "f", v));
        return s.equals("-0") ? "0" : s;
    }

    /** A decimal number without the zeros ending its fraction, nor a point left bare: 2.50 is 2.5, 3.00 is 3. */
    private static String withoutTrailingZeros(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * The date of a wall-clock time {@code t} (see {@link Figure#times}), and its time of day unless midnight, with
     * {@code Z} for UTC or the zone's name.
     */
    static String when(long t, ZoneId zone) {
        // Not the text of the Instant cut at 10 and 16: a year before 0 or after 9999 is longer (-0100-01-01).
        LocalDateTime d = utc(t);
        if (Math.floorMod(t, DAY) == 0) {
            return d.toLocalDate().toString();
        }
        String local = d.toLocalDate() + String.format(Locale.ROOT, " %02d:%02d", d.getHour(), d.getMinute());
        return zone.normalized().equals(ZoneOffset.UTC) ? local + "Z" : local + " " + zone.getId();
    }
}
