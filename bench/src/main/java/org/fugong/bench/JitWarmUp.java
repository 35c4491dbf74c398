package org.fugong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Warm-up until the JIT compilers of the JVMs under load have settled: a step of load is repeated
 * until their C1 and C2 compiler threads used under 2 % of those JVMs' CPU time in the last step,
 * or until a maximum. On two shared cores the compilers hold a large share of the CPU for the first
 * minutes while throughput already plateaus, so neither a fixed warm-up nor "throughput stopped
 * changing" is a reliable sign.
 */
final class JitWarmUp {

    private static final Logger LOG = Logger.getLogger(JitWarmUp.class.getName());
    private static final double SETTLED = 0.02;

    /** One step of load; throws what the load throws. */
    interface Step {
        void run() throws Exception;
    }

    private JitWarmUp() {
    }

    /** Repeats {@code step} until the compilers of {@code jvms} settle, or for at most {@code max}. */
    static void untilSettled(String name, List<ProcessHandle> jvms, Duration max, Step step) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            Sample before = sample(jvms);
            step.run();
            double jitShare = sample(jvms).compilerShareSince(before);
            LOG.info(String.format("  %s: JIT compilers %.1f %% of the CPU time", name, 100 * jitShare));
            if (jitShare < SETTLED) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warning(name + " still compiling after " + max.toSeconds() + " s of warm-up; measuring anyway");
                return;
            }
        }
    }

    /**
     * CPU clock ticks of each compiler thread (by process and thread id) and of the whole processes.
     * The processes' own figure counts threads that ended too, and compiler threads come and go
     * (HotSpot starts and stops them with the queue): summing the live threads of two snapshots
     * would lose the ended ones' ticks and could even give a share above 100 %.
     */
    private record Sample(Map<String, Long> compilers, long total) {

        double compilerShareSince(Sample before) {
            long jit = 0;
            for (Map.Entry<String, Long> thread : compilers.entrySet()) {
                jit += thread.getValue() - before.compilers.getOrDefault(thread.getKey(), 0L);
            }
            return Math.max(0, jit) / (double) Math.max(1, total - before.total);
        }
    }

    /** From /proc (Linux): utime + stime of each JVM and of its C1 and C2 compiler threads. */
    private static Sample sample(List<ProcessHandle> jvms) throws IOException {
        Map<String, Long> compilers = new HashMap<>();
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
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        compilers.put(jvm.pid() + "/" + task.getFileName(), ticks(stat));
                    }
                }
            }
        }
        return new Sample(compilers, total);
    }

    /** utime + stime of a /proc stat line (the fields after the command's closing parenthesis). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
