package io.github.webpubsub.camel.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One measured run: how many operations, how long, and how much CPU the whole benchmark JVM spent on them. */
record Measure(long operations, long elapsedNanos, long cpuNanos, long allocatedBytes) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Something measured: it does {@code operations} operations and returns when they are all done. */
    interface Run {
        void run() throws Exception;
    }

    static Measure of(long operations, Run run) throws Exception {
        long allocated = threadAllocatedBytes();
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        run.run();
        long elapsed = System.nanoTime() - start;
        return new Measure(operations, elapsed, OS.getProcessCpuTime() - cpu, threadAllocatedBytes() - allocated);
    }

    /** Bytes allocated so far by every live thread (threads that ended meanwhile are not counted). */
    private static long threadAllocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        return Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(bytes -> bytes > 0).sum();
    }

    double perSecond() {
        return operations * 1e9 / elapsedNanos;
    }

    double cpuMicrosPerOperation() {
        return cpuNanos / 1e3 / operations;
    }

    double bytesPerOperation() {
        return (double) allocatedBytes / operations;
    }

    /** The median of a figure over rounds. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The p-th percentile of latencies in nanoseconds. */
    static double percentile(long[] latencies, double p) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
