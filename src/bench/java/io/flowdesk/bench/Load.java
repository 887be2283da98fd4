package io.flowdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A closed-loop load driver: N clients each run an action back to back; warm-up first, then a fixed time. */
final class Load {

    @FunctionalInterface
    interface Action {
        /** Returns true on success. */
        boolean run(int client, int iteration) throws Exception;
    }

    record Outcome(double perSecond, int ok, int failed, double p50, double p95, double p99) {
    }

    static Outcome run(int clients, double warmupSeconds, double seconds, Action action) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<List<Long>> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        long t0 = System.nanoTime();
                        boolean success;
                        try {
                            success = action.run(client, i);
                        } catch (Exception e) {
                            success = false;
                        }
                        long took = System.nanoTime() - t0;
                        if (measuring.get()) {
                            (success ? ok : failed).incrementAndGet();
                            mine.add(took);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        long elapsed = System.nanoTime() - started;
        stop.set(true);
        done.await();
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        return new Outcome(ok.get() / (elapsed / 1e9), ok.get(), failed.get(), pct(all, 0.50), pct(all, 0.95),
                pct(all, 0.99));
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Latency percentiles of one action run {@code count} times in a row (after {@code warmup} runs). */
    static Outcome repeat(int warmup, int count, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run(0, i);
        }
        List<Long> times = new ArrayList<>();
        long started = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            if (action.run(0, i)) {
                ok++;
            }
            times.add(System.nanoTime() - t0);
        }
        long elapsed = System.nanoTime() - started;
        Collections.sort(times);
        return new Outcome(ok / (elapsed / 1e9), ok, count - ok, pct(times, 0.5), pct(times, 0.95), pct(times, 0.99));
    }
}
