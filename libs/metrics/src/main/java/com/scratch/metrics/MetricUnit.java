package com.scratch.metrics;

/** The CloudWatch units the project's metrics use, as Embedded Metric Format spells them. */
public enum MetricUnit {
    COUNT("Count"),
    /** Amounts of money in cents: CloudWatch has no currency unit. */
    NONE("None"),
    MILLISECONDS("Milliseconds");

    private final String cloudWatchName;

    MetricUnit(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }
}
