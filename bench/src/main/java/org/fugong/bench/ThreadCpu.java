package org.fugong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a JVM's CPU goes, by what its threads do: utime + stime of each thread from /proc (Linux),
 * grouped by thread name. Threads come and go (HotSpot starts and stops compiler threads with the
 * queue, pools shrink), so a difference of two snapshots is taken thread by thread, and the CPU of
 * threads that ended in between shows as {@link #ENDED} (the process's total minus the live threads').
 */
final class ThreadCpu {

    static final String ENDED = "threads that ended";
    static final String COMPILERS = "JIT compilers (C1, C2)";

    /** Thread-name prefixes (as /proc shows them: 15 characters at most) and their group, first match wins. */
    private static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry("vert.x-eventloo", "HTTP event loops"),
            Map.entry("executor-thread", "request workers"),
            Map.entry("kafka-producer-", "Kafka producer"),
            Map.entry("C1 CompilerThre", COMPILERS),
            Map.entry("C2 CompilerThre", COMPILERS),
            Map.entry("GC Thread", "GC and VM"),
            Map.entry("G1 ", "GC and VM"),
            Map.entry("VM ", "GC and VM"),
            Map.entry("main", "main thread (start-up)"));

    /** CPU ticks per thread ("pid/tid" → group and ticks) and of the whole processes. */
    record Snapshot(Map<String, Map.Entry<String, Long>> threads, long total) {

        /** CPU used since {@code before}, by group, with {@link #ENDED}; in insertion order of the groups. */
        Map<String, Duration> since(Snapshot before) {
            Map<String, Long> ticks = new LinkedHashMap<>();
            long live = 0;
            for (Map.Entry<String, Map.Entry<String, Long>> thread : threads.entrySet()) {
                Map.Entry<String, Long> earlier = before.threads.get(thread.getKey());
                long used = thread.getValue().getValue() - (earlier == null ? 0 : earlier.getValue());
                ticks.merge(thread.getValue().getKey(), used, Long::sum);
                live += used;
            }
            ticks.put(ENDED, Math.max(0, total - before.total - live));
            Map<String, Duration> cpu = new LinkedHashMap<>();
            ticks.forEach((group, t) -> cpu.put(group, Duration.ofMillis(t * 1000 / TICKS_PER_SECOND)));
            return cpu;
        }
    }

    /** USER_HZ: 100 on every Linux this runs on (the kernel's ABI for /proc). */
    private static final long TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** Nothing yet: what {@link Snapshot#since} counts from for a process's whole life. */
    static final Snapshot NONE = new Snapshot(Map.of(), 0);

    /** The threads of these JVMs now. */
    static Snapshot of(List<ProcessHandle> jvms) throws IOException {
        Map<String, Map.Entry<String, Long>> threads = new HashMap<>();
        long total = 0;
        for (ProcessHandle jvm : jvms) {
            Path process = Path.of("/proc", Long.toString(jvm.pid()));
            total += ticks(Files.readString(process.resolve("stat")));
            try (var tasks = Files.list(process.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException gone) {
                        continue; // the thread ended meanwhile
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    threads.put(jvm.pid() + "/" + task.getFileName(), Map.entry(group(name), ticks(stat)));
                }
            }
        }
        return new Snapshot(threads, total);
    }

    private static String group(String threadName) {
        for (Map.Entry<String, String> g : GROUPS) {
            if (threadName.startsWith(g.getKey())) {
                return g.getValue();
            }
        }
        // The outbox relay's thread is "<service>-outbox-relay", cut to 15 characters.
        return threadName.contains("-outb") || threadName.endsWith("-outbox") ? "outbox relay" : "other threads";
    }

    /** utime + stime of a /proc stat line (the fields after the command's closing parenthesis). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
