package org.fugong.launcher.fault;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fugong.devstack.EmbeddedDatabase;

/**
 * Faults of the suite's PostgreSQL, from outside as an operator or the kernel would: a fast
 * shutdown (SIGINT to the postmaster: every session is ended) and a start with the very command
 * line the server ran with; or every server process paused with SIGSTOP and resumed with SIGCONT.
 */
final class PostgresControl {

    private final EmbeddedDatabase database;
    private final Path log;
    private final List<Long> paused = new ArrayList<>();
    private List<String> commandLine;

    PostgresControl(EmbeddedDatabase database, Path log) {
        this.database = database;
        this.log = log;
    }

    synchronized void stop() throws IOException, InterruptedException {
        ProcessHandle postmaster = database.server();
        List<String> command = new ArrayList<>();
        command.add(postmaster.info().command().orElseThrow(() -> new IllegalStateException("Cannot read the command of "
                + "PostgreSQL's postmaster " + postmaster.pid())));
        command.addAll(List.of(postmaster.info().arguments().orElse(new String[0])));
        commandLine = command;
        signal("INT", List.of(postmaster.pid()));
        postmaster.onExit().join();
    }

    /** Starts the server again as it ran before {@link #stop()} and waits until it takes connections. */
    synchronized void start() throws IOException, InterruptedException {
        if (commandLine == null) {
            throw new IllegalStateException("PostgreSQL was not stopped by this control");
        }
        new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Connection ignored = DriverManager.getConnection(database.jdbcUrl("postgres"), EmbeddedDatabase.USER, "")) {
                return;
            } catch (SQLException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not start again within 60 s; see " + log, notYet);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** SIGSTOP to the postmaster and every backend and worker it has. */
    synchronized void pause() throws IOException, InterruptedException {
        ProcessHandle postmaster = database.server();
        paused.clear();
        paused.add(postmaster.pid());
        postmaster.descendants().forEach(child -> paused.add(child.pid()));
        signal("STOP", paused);
    }

    synchronized void resume() throws IOException, InterruptedException {
        signal("CONT", paused);
        paused.clear();
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pids + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }
}
