package org.fugong.launcher.fault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * POSIX signals by the {@code kill} command: {@link ProcessHandle} can only end a process, and the
 * scenarios also pause (SIGSTOP) and resume (SIGCONT) them.
 */
final class Signals {

    private Signals() {
    }

    /** Sends {@code signal} (a name without SIG: STOP, CONT, INT) to every pid; fails when {@code kill} does. */
    static void send(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes());
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pids + " failed: " + output);
        }
    }

    /** Sends {@code signal} to {@code pid}; false when the process is no longer there. */
    static boolean sendIfAlive(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        return kill.waitFor() == 0;
    }
}
