package dev.dataversebdd.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs the mix from N client threads for a fixed time after a warm-up, and collects the latencies. */
final class LoadRunner {

    private LoadRunner() {
    }

    static Stats run(String root, int threads, double warmupSeconds, double measureSeconds) throws Exception {
        return run(root, threads, warmupSeconds, measureSeconds, null);
    }

    /** The same, every request carrying {@code authorization} (null: none, the emulator's System Administrator). */
    static Stats run(String root, int threads, double warmupSeconds, double measureSeconds, String authorization)
            throws Exception {
        List<MixClient> clients = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicBoolean recording = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            MixClient client = new MixClient(root, 2_000_000, authorization);
            clients.add(client);
            Thread worker = new Thread(() -> {
                try {
                    while (running.get()) {
                        client.mix(recording.get());
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    try {
                        client.close();
                    } catch (java.io.IOException ignored) {
                        // the measurement is over; a socket that will not close changes nothing
                    }
                    done.countDown();
                }
            }, "bench-client-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        long processCpuBefore = processCpuNanos();
        long clientCpuBefore = cpuNanos(workers);
        recording.set(true);
        long started = System.nanoTime();
        Thread.sleep((long) (measureSeconds * 1000));
        recording.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        // Everything the process spent that the client threads did not: the server (plus GC/JIT, for all alike).
        long serverCpu = (processCpuNanos() - processCpuBefore) - (cpuNanos(workers) - clientCpuBefore);
        running.set(false);
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client thread failed", failures.get(0));
        }
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long errors = 0;
        for (int t = 0; t < threads; t++) {
            latencies[t] = clients.get(t).latencies();
            counts[t] = clients.get(t).count();
            errors += clients.get(t).errors();
        }
        return Stats.of(latencies, counts, seconds, errors, serverCpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long cpuNanos(List<Thread> threads) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : threads) {
            total += Math.max(0, bean.getThreadCpuTime(thread.getId()));
        }
        return total;
    }
}
