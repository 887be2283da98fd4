package io.flowdesk.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sliding-window limits per key (client address, ticket number, e-mail), in memory on each node. */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();

    /** Records an attempt; false when {@code max} attempts already happened within {@code window}. */
    public boolean allow(String key, int max, Duration window) {
        long now = System.nanoTime();
        long horizon = now - window.toNanos();
        Deque<Long> deque = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (deque) {
            while (!deque.isEmpty() && deque.peekFirst() < horizon) {
                deque.pollFirst();
            }
            if (deque.size() >= max) {
                return false;
            }
            deque.addLast(now);
        }
        if (hits.size() > 100_000) {
            hits.clear();
        }
        return true;
    }

    /** For tests: forget every key. */
    public void reset() {
        hits.clear();
    }
}
