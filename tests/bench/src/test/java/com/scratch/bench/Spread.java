package com.scratch.bench;

import java.util.List;
import java.util.Locale;

/** Median, quartiles and range of a sample (quartiles by linear interpolation). */
record Spread(int n, double median, double q1, double q3, double min, double max) {

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Spread(sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75),
                sorted[0], sorted[sorted.length - 1]);
    }

    /** The {@code q} quantile of a sample ({@code 0.99} for the p99), by linear interpolation as the quartiles are. */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty() || q < 0 || q > 1) {
            throw new IllegalArgumentException("no values, or q not in [0, 1]: " + q);
        }
        return quantile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), q);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /** {@code 812 ms (IQR 790–840, 760–905)}. */
    String millis() {
        return String.format(Locale.ROOT, "%.0f ms (IQR %.0f–%.0f, range %.0f–%.0f)", median, q1, q3, min, max);
    }
}
