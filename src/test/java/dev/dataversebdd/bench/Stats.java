package dev.dataversebdd.bench;

import java.util.Arrays;

/** Requests per second and latency percentiles of one load run. */
record Stats(long requests, double seconds, long p50Micros, long p99Micros, long errors) {

    double perSecond() {
        return requests / seconds;
    }

    static Stats of(long[][] latenciesPerThread, int[] counts, double seconds, long errors) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < counts.length; t++) {
            System.arraycopy(latenciesPerThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Stats(total, seconds, percentile(all, 0.50) / 1_000, percentile(all, 0.99) / 1_000, errors);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
