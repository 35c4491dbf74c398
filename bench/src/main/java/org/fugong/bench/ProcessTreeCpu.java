package org.fugong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU used by a process and every child it has had, from /proc (Linux). PostgreSQL starts a backend
 * per connection and reaps it when the client leaves: a backend that has ended is no longer among the
 * postmaster's descendants, and its CPU is only in the postmaster's {@code cutime}/{@code cstime}
 * (children's CPU, counted when they are waited for). Counting live descendants alone loses pgbench's
 * backends, which all end with pgbench.
 */
final class ProcessTreeCpu {

    /** Clock ticks per second of /proc's times: 100 on every Linux this runs on ({@code getconf CLK_TCK}). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessTreeCpu() {
    }

    /** The root's own CPU, its ended children's, and each live descendant's own. */
    static Duration of(ProcessHandle root) {
        long ticks = times(root.pid(), true);
        ticks += root.descendants().mapToLong(p -> times(p.pid(), false)).sum();
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    /** utime + stime, and with {@code reaped} also cutime + cstime, in ticks; 0 for a process gone meanwhile. */
    private static long times(long pid, boolean reaped) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (IOException gone) {
            return 0;
        }
        // Fields after the command name (which may hold spaces, so it ends at the last ')'): state is
        // field 3; utime, stime, cutime, cstime are fields 14 to 17.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long own = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return reaped ? own + Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]) : own;
    }
}
