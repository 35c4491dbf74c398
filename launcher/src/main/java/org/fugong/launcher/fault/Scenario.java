package org.fugong.launcher.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fugong.launcher.ServiceProcess;

/**
 * One fault, injected once in the middle of a scenario's load: what it does and how it is healed.
 * {@link #inject} returns when the fault is over and the faulty part is back (restarted and
 * answering), so the runner knows from when on every write should succeed again.
 */
interface Scenario {

    String name();

    /** A line for the report: what was done, with its durations. */
    String description();

    /** Injects the fault and heals it; returns what it measured on the way (empty when nothing). */
    String inject(FaultTarget target) throws Exception;

    /** The parts a scenario can break. */
    interface FaultTarget {
        BrokerProcess broker();

        ServiceProcess service(String module);

        /** Every replica of the module (one unless the suite was wired with second replicas). */
        List<ServiceProcess> replicas(String module);

        /** The suite's PostgreSQL up to the database name, as {@code jdbc:postgresql://host:port/}. */
        String jdbcPrefix();

        PostgresControl postgres();

        Duration readyWithin();
    }

    /** The broker killed with SIGKILL, left dead for {@code down}, then started on its port and log directory. */
    static Scenario brokerKill(Duration down) {
        return new Scenario() {
            @Override
            public String name() {
                return "broker-kill";
            }

            @Override
            public String description() {
                return "Kafka broker SIGKILLed, down " + down.toSeconds() + " s, restarted on the same port and log dir";
            }

            @Override
            public String inject(FaultTarget target) throws Exception {
                target.broker().kill();
                TimeUnit.MILLISECONDS.sleep(down.toMillis()); // the outage is the scenario
                target.broker().start(target.readyWithin());
                return "";
            }
        };
    }

    /** A service's JVM killed with SIGKILL mid-load and started again at once. */
    static Scenario serviceKill(String module) {
        return new Scenario() {
            @Override
            public String name() {
                return "kill-" + module.replace("-service", "");
            }

            @Override
            public String description() {
                return module + " kill -9, restarted at once";
            }

            @Override
            public String inject(FaultTarget target) throws Exception {
                ServiceProcess service = target.service(module);
                service.handle().ifPresent(process -> {
                    process.destroyForcibly();
                    process.onExit().join();
                });
                service.start();
                service.awaitReady(target.readyWithin());
                return "";
            }
        };
    }

    /** PostgreSQL stopped (fast shutdown: every session ended) for {@code down}, then started again. */
    static Scenario postgresStop(Duration down) {
        return new Scenario() {
            @Override
            public String name() {
                return "postgres-stop";
            }

            @Override
            public String description() {
                return "PostgreSQL stopped (fast shutdown: SIGINT to the postmaster) for " + down.toSeconds() + " s, then started";
            }

            @Override
            public String inject(FaultTarget target) throws Exception {
                target.postgres().stop();
                TimeUnit.MILLISECONDS.sleep(down.toMillis());
                target.postgres().start();
                return "";
            }
        };
    }

    /** Every PostgreSQL process paused (SIGSTOP) for {@code down}, then resumed (SIGCONT): a server that hangs. */
    static Scenario postgresPause(Duration down) {
        return new Scenario() {
            @Override
            public String name() {
                return "postgres-pause";
            }

            @Override
            public String description() {
                return "every PostgreSQL process SIGSTOPped for " + down.toSeconds() + " s, then SIGCONT";
            }

            @Override
            public String inject(FaultTarget target) throws Exception {
                target.postgres().pause();
                try {
                    TimeUnit.MILLISECONDS.sleep(down.toMillis());
                } finally {
                    target.postgres().resume();
                }
                return "";
            }
        };
    }

    /**
     * Two replicas of {@code module} behind the gateway, one publishing (its outbox relay holds the
     * advisory lock, which pg_locks shows), one standing by: the publishing one killed with SIGKILL;
     * measured: how long until the standby's relay holds the lock and publishes. The killed one is
     * then started again (as a standby now).
     */
    static Scenario relayTakeover(String module) {
        return new Scenario() {
            @Override
            public String name() {
                return "relay-takeover-" + module.replace("-service", "");
            }

            @Override
            public String description() {
                return "two " + module + " replicas; the one whose relay holds the lock killed with kill -9";
            }

            @Override
            public String inject(FaultTarget target) throws Exception {
                List<ServiceProcess> replicas = target.replicas(module);
                if (replicas.size() < 2) {
                    throw new IllegalStateException(name() + " needs the suite wired with second replicas");
                }
                ServiceProcess active = null;
                for (ServiceProcess replica : replicas) {
                    if (relayActive(replica)) {
                        active = replica;
                    }
                }
                if (active == null) {
                    throw new IllegalStateException("No replica of " + module + " says its relay is active");
                }
                String holder = lockHolder(target.jdbcPrefix() + module.replace("-service", ""));
                ServiceProcess killed = active;
                ServiceProcess survivor = replicas.stream().filter(r -> r != killed).findFirst().orElseThrow();
                killed.handle().ifPresent(process -> {
                    process.destroyForcibly();
                    process.onExit().join();
                });
                Instant killedAt = Instant.now();
                Instant deadline = killedAt.plus(target.readyWithin());
                while (!relayActive(survivor)) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("The standby " + survivor.baseUrl() + " never took over publishing");
                    }
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                Duration takeover = Duration.between(killedAt, Instant.now());
                killed.start();
                killed.awaitReady(target.readyWithin());
                Instant readyAgain = Instant.now();
                Instant servesBy = readyAgain.plus(target.readyWithin());
                while (apiRequestsServed(killed) == 0) {
                    if (Instant.now().isAfter(servesBy)) {
                        throw new IllegalStateException("The gateway never sent the restarted replica " + killed.baseUrl()
                                + " a request");
                    }
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                return String.format("relay of %s killed (lock held by backend %s); the standby at %s published after %.2f s; "
                        + "the gateway sent the restarted replica requests again %.2f s after it was ready",
                        killed.baseUrl(), holder, survivor.baseUrl(), takeover.toMillis() / 1000.0,
                        Duration.between(readyAgain, Instant.now()).toMillis() / 1000.0);
            }
        };
    }

    /** What the replica's readiness says of its relay: {@code checks[name=outbox].data.relay_active}. */
    private static boolean relayActive(ServiceProcess replica) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl()
                    + "/q/health/ready")).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : JSON.readTree(response.body()).path("checks")) {
                if ("outbox".equals(check.path("name").asText())) {
                    return check.path("data").path("relay_active").asBoolean(false);
                }
            }
            return false;
        } catch (java.io.IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * API requests the replica has answered since it started, from its Prometheus metrics
     * ({@code http_server_requests_seconds_count} of the {@code /api/} routes): a restarted replica
     * starts at 0, so more means the gateway routes to it again.
     */
    private static long apiRequestsServed(ServiceProcess replica) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(replica.baseUrl() + "/q/metrics answered " + response.statusCode());
            }
            return response.body().lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")
                    && line.contains("uri=\"/api/")).mapToLong(line -> (long) Double.parseDouble(
                            line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (java.io.IOException notAnswering) {
            return 0;
        }
    }

    /** The backend holding the relay's advisory lock in the service's database, as pg_locks shows it. */
    private static String lockHolder(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement s = c.prepareStatement("SELECT l.pid, a.client_port FROM pg_locks l JOIN pg_stat_activity a "
                        + "USING (pid) WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
                        + "(SELECT oid FROM pg_database WHERE datname = current_database())");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? "pid " + rs.getInt(1) + ", client port " + rs.getInt(2) : "none";
        }
    }

    /** For asking the replicas' readiness. */
    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    ObjectMapper JSON = new ObjectMapper();
}
