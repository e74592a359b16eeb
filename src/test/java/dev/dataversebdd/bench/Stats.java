package dev.dataversebdd.bench;

import java.util.Arrays;

/**
 * Requests per second, latency percentiles and the server's CPU time per request of one load run (process CPU minus
 * the client threads' CPU: the server's own cost, which the shared cores hide in requests per second).
 */
record Stats(long requests, double seconds, long p50Micros, long p99Micros, long errors, double serverCpuMicros) {

    double perSecond() {
        return requests / seconds;
    }

    static Stats of(long[][] latenciesPerThread, int[] counts, double seconds, long errors, long serverCpuNanos) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < counts.length; t++) {
            System.arraycopy(latenciesPerThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Stats(total, seconds, percentile(all, 0.50) / 1_000, percentile(all, 0.99) / 1_000, errors,
                total == 0 ? 0 : serverCpuNanos / 1_000.0 / total);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
