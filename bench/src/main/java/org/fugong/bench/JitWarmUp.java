package org.fugong.bench;

import java.io.IOException;
import java.time.Duration;
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
            ThreadCpu.Snapshot before = sample(jvms);
            step.run();
            double jitShare = compilerShare(before, sample(jvms));
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

    private static ThreadCpu.Snapshot sample(List<ProcessHandle> jvms) throws IOException {
        return ThreadCpu.of(jvms);
    }

    /** The compilers' share of the CPU the JVMs used since {@code before}. */
    private static double compilerShare(ThreadCpu.Snapshot before, ThreadCpu.Snapshot after) {
        Map<String, Duration> used = after.since(before);
        long total = used.values().stream().mapToLong(Duration::toNanos).sum();
        return used.getOrDefault(ThreadCpu.COMPILERS, Duration.ZERO).toNanos() / (double) Math.max(1, total);
    }
}
