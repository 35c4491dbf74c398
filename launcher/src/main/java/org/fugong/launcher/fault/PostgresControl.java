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
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; io.zonky starts it in a user namespace, so must a restart.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postmaster.info().command().orElseThrow(() -> new IllegalStateException("Cannot read the command of "
                + "PostgreSQL's postmaster " + postmaster.pid())));
        command.addAll(List.of(postmaster.info().arguments().orElse(new String[0])));
        commandLine = command;
        Signals.send("INT", List.of(postmaster.pid()));
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

    /**
     * SIGSTOP to the postmaster first (it forks no backend while stopped), then to every backend and
     * worker it has; one that ended meanwhile is no longer there to stop.
     */
    synchronized void pause() throws IOException, InterruptedException {
        ProcessHandle postmaster = database.server();
        paused.clear();
        Signals.send("STOP", List.of(postmaster.pid()));
        paused.add(postmaster.pid());
        for (ProcessHandle child : postmaster.descendants().toList()) {
            if (Signals.sendIfAlive("STOP", child.pid())) {
                paused.add(child.pid());
            }
        }
    }

    /** SIGCONT to the backends, then to the postmaster. */
    synchronized void resume() throws IOException, InterruptedException {
        for (int i = paused.size() - 1; i >= 0; i--) {
            Signals.sendIfAlive("CONT", paused.get(i));
        }
        paused.clear();
    }
}
