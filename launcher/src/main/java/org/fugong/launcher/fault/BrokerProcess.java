package org.fugong.launcher.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka broker in a process of its own ({@link BrokerMain}, on this JVM's class path), so it
 * can be killed with SIGKILL and started again on the same port and log directory.
 */
final class BrokerProcess implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final Path log;
    private Process process;

    BrokerProcess(Path logDir, int port, Path log) {
        this.logDir = logDir;
        this.port = port;
        this.log = log;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker's JVM and waits until the broker answers a metadata request. */
    synchronized void start(Duration within) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m"));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging); // the broker's INFO lines are noise here too
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
                logDir.toString(), String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        process = builder.start();
        awaitAnswering(within);
    }

    private void awaitAnswering(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        // Listening first (an admin client would log every refused connection), then answering.
        while (!listening()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The broker did not listen within " + within + "; see " + log);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers(),
                "request.timeout.ms", "2000", "default.api.timeout.ms", "2000"))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The broker exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    // not listening yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The broker did not answer within " + within + "; see " + log);
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
    }

    private boolean listening() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash. */
    synchronized void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
