package org.fugong.launcher.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;


/**
 * What clients were told against what the system holds, after a scenario, in the words of
 * Jepsen's queue checker:
 * <ul>
 * <li><b>ok</b>: acknowledged (2xx), readable through the API, every event of it on Kafka (by
 * {@code ce_id}), and applied by each consumer that shows it exactly once;</li>
 * <li><b>lost</b>: acknowledged but not readable, or its event is not on Kafka, or a consumer never
 * applied it (also a write of unknown outcome that was made but whose event or effect is missing);</li>
 * <li><b>duplicated</b>: an effect applied more than once (two shipments of one allocation, two
 * read-model rows or policy matches of one organisation);</li>
 * <li><b>unexpected</b>: made although its client was told no (4xx), or made by no write the load sent;</li>
 * <li><b>recovered</b>: its client got a 5xx or no answer, yet it was made, completely.</li>
 * </ul>
 * A write of unknown outcome that was not made is none of these: its client may try again.
 * Events and consumers lag behind the answers, so the check is repeated until it holds or
 * {@code settleWithin} passes; how long it took is part of the verdict.
 */
final class Checker {

    private static final List<String> TOPICS = List.of("registry.enterprises", "supply.offers", "supply.requests",
            "supply.allocations", "finance.applications", "logistics.passes");
    private static final String CONFIRMED = "fugong.supply.allocation.confirmed";
    private static final String OUTBREAK_ALERTED = "fugong.registry.enterprise.outbreak-alerted";

    private final String jdbc;
    private final String kafkaBootstrapServers;
    private final Fixture fixture;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code jdbcPrefix}: the suite's PostgreSQL up to the database name, as {@code jdbc:postgresql://host:port/}. */
    Checker(String jdbcPrefix, String kafkaBootstrapServers, Fixture fixture) {
        this.jdbc = jdbcPrefix;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.fixture = fixture;
    }

    /**
     * One write's resource as the system holds it (a health report's id is its day), and whether it
     * must have an event: everything but a scan, which only logistics keeps, and a health report
     * that raised no alert.
     */
    private record Made(Op.Kind kind, String key, String id, boolean evented) {

        Made(Op.Kind kind, String key, String id) {
            this(kind, key, id, kind != Op.Kind.SCAN);
        }
    }

    /** {@code reporter}: the load's enterprise whose health reports are the load's. */
    Verdict check(String prefix, Fixture.Reporter reporter, List<Op> ops, Duration settleWithin) throws Exception {
        Instant began = Instant.now();
        Instant deadline = began.plus(settleWithin);
        Snapshot snapshot;
        do {
            snapshot = snapshot(prefix, reporter.id());
            if (snapshot.complete()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500); // events and consumers catch up on their own; poll until the deadline
        } while (Instant.now().isBefore(deadline));
        Duration settled = Duration.between(began, Instant.now());
        Set<String> unreadable = unreadable(ops, reporter.id());
        return verdict(ops, snapshot, unreadable, settled);
    }

    /** Everything the checker reads from the databases and Kafka at one moment. */
    private record Snapshot(Map<String, Made> made, Map<String, List<String>> eventsOf, Set<String> unpublished,
            Map<String, Integer> onKafka, Map<String, Map<String, Integer>> effects, Map<String, Integer> expectedEffects) {

        /** Every event of every made resource is on Kafka and every consumer applied it. */
        boolean complete() {
            for (Made m : made.values()) {
                if (!problems(m).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        List<String> problems(Made m) {
            List<String> problems = new ArrayList<>();
            List<String> events = eventsOf.getOrDefault(m.id(), List.of());
            if (events.isEmpty() && m.evented()) {
                problems.add("no event in the outbox");
            }
            for (String event : events) {
                if (!onKafka.containsKey(event)) {
                    problems.add("event " + event + (unpublished.contains(event) ? " not yet published" : " not on Kafka"));
                }
            }
            Map<String, Integer> applied = effects.getOrDefault(m.id(), Map.of());
            int expected = expectedEffects.getOrDefault(m.kind().name(), 0);
            if (applied.size() < expected) {
                problems.add("applied by " + applied.size() + " of " + expected + " consumers " + applied.keySet());
            }
            return problems;
        }

        /** An effect applied twice, or a day's outbreak alert raised twice. */
        boolean duplicated(Made m) {
            return effects.getOrDefault(m.id(), Map.of()).values().stream().anyMatch(n -> n > 1)
                    || m.kind() == Op.Kind.HEALTH_REPORT && eventsOf.getOrDefault(m.id(), List.of()).size() > 1;
        }
    }

    private Snapshot snapshot(String prefix, String reporterId) throws Exception {
        Map<String, Made> made = new HashMap<>();
        try (Connection registry = connect("registry"); Connection supply = connect("supply");
                Connection logistics = connect("logistics"); Connection finance = connect("finance")) {
            for (Map.Entry<String, String> e : idempotencyRecords(registry, prefix).entrySet()) {
                made.put(e.getKey(), new Made(Op.Kind.REGISTRATION, e.getKey(), e.getValue()));
            }
            for (Map.Entry<String, String> e : idempotencyRecords(supply, prefix).entrySet()) {
                Op.Kind kind = e.getValue().contains("/supply-offers/") ? Op.Kind.OFFER : Op.Kind.REQUEST;
                made.put(e.getKey(), new Made(kind, e.getKey(), lastSegment(e.getValue())));
            }
            for (Map.Entry<String, String> e : idempotencyRecords(finance, prefix).entrySet()) {
                made.put(e.getKey(), new Made(Op.Kind.APPLICATION, e.getKey(), lastSegment(e.getValue())));
            }
            for (Map.Entry<String, String> e : idempotencyRecords(logistics, prefix).entrySet()) {
                Op.Kind kind = e.getValue().contains("/green-passes/") ? Op.Kind.PASS : Op.Kind.SCAN;
                made.put(e.getKey(), new Made(kind, e.getKey(), lastSegment(e.getValue())));
            }
            made.replaceAll((key, m) -> new Made(m.kind(), key, lastSegment(m.id())));
            healthReports(registry, prefix, reporterId, made);
            // Confirmations: every allocation of the load's requests that is no longer a proposal.
            List<String> requests = made.values().stream().filter(m -> m.kind() == Op.Kind.REQUEST).map(Made::id).toList();
            for (String allocation : queryIds(supply, "SELECT id::text FROM allocation WHERE status NOT IN ('PROPOSED', "
                    + "'DECLINED') AND request_id::text = ANY (?)", requests)) {
                made.put(allocation, new Made(Op.Kind.CONFIRMATION, allocation, allocation));
            }

            Map<String, List<String>> eventsOf = new HashMap<>();
            Set<String> unpublished = new HashSet<>();
            events(registry, ids(made, Op.Kind.REGISTRATION), null, eventsOf, unpublished);
            events(supply, ids(made, Op.Kind.OFFER, Op.Kind.REQUEST), null, eventsOf, unpublished);
            events(supply, ids(made, Op.Kind.CONFIRMATION), CONFIRMED, eventsOf, unpublished);
            events(finance, ids(made, Op.Kind.APPLICATION), null, eventsOf, unpublished);
            events(logistics, ids(made, Op.Kind.PASS), null, eventsOf, unpublished);
            outbreakAlerts(registry, reporterId, eventsOf, unpublished);

            Map<String, Map<String, Integer>> effects = new HashMap<>();
            List<String> organisations = ids(made, Op.Kind.REGISTRATION);
            countEffects(supply, "supply", "SELECT id::text, count(*) FROM enterprise_view WHERE id::text = ANY (?) GROUP BY 1",
                    organisations, effects);
            countEffects(logistics, "logistics", "SELECT id::text, count(*) FROM enterprise_view WHERE id::text = ANY (?) "
                    + "GROUP BY 1", organisations, effects);
            countEffects(finance, "finance", "SELECT id::text, count(*) FROM enterprise_view WHERE id::text = ANY (?) "
                    + "GROUP BY 1", organisations, effects);
            countEffects(logistics, "logistics shipment", "SELECT allocation_id::text, count(*) FROM shipment WHERE "
                    + "allocation_id::text = ANY (?) GROUP BY 1", ids(made, Op.Kind.CONFIRMATION), effects);
            // The fixture's policy is for the load's county: finance matches each registration to it once.
            countEffects(finance, "finance policy match", "SELECT enterprise_id::text, count(*) FROM policy_match WHERE "
                    + "enterprise_id::text = ANY (?) AND policy_id = ?::uuid GROUP BY 1", organisations, effects,
                    fixture.policyId());
            Map<String, Integer> expected = Map.of(Op.Kind.REGISTRATION.name(), 4, Op.Kind.CONFIRMATION.name(), 1);
            return new Snapshot(made, eventsOf, unpublished, kafkaEventIds(), effects, expected);
        }
    }

    private Connection connect(String database) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbc + database, "postgres", "");
        connection.setReadOnly(true);
        return connection;
    }

    /** The load's keys to the location of what each made, from the service's Idempotency-Key records. */
    private static Map<String, String> idempotencyRecords(Connection db, String prefix) throws SQLException {
        Map<String, String> records = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement(
                "SELECT key, location FROM idempotency_record WHERE key LIKE ? AND status BETWEEN 200 AND 299")) {
            s.setString(1, prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return records;
    }

    /** The reporter's days, each a health report of the load; one with a confirmed case must have raised an alert. */
    private static void healthReports(Connection registry, String prefix, String reporterId, Map<String, Made> into)
            throws SQLException {
        try (PreparedStatement s = registry.prepareStatement(
                "SELECT report_date, confirmed > 0 FROM health_report WHERE enterprise_id = ?::uuid")) {
            s.setString(1, reporterId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = WriteLoad.reportKey(prefix, rs.getDate(1).toLocalDate());
                    into.put(key, new Made(Op.Kind.HEALTH_REPORT, key, rs.getString(1), rs.getBoolean(2)));
                }
            }
        }
    }

    /** The reporter's outbreak alerts, by the day they were raised for (a health report's id). */
    private static void outbreakAlerts(Connection registry, String reporterId, Map<String, List<String>> into,
            Set<String> unpublished) throws SQLException {
        try (PreparedStatement s = registry.prepareStatement("SELECT payload ->> 'report_date', id::text, "
                + "published_at IS NULL FROM outbox_event WHERE aggregate_id = ? AND type = ?")) {
            s.setString(1, reporterId);
            s.setString(2, OUTBREAK_ALERTED);
            collectEvents(s, into, unpublished);
        }
    }

    private static String lastSegment(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static List<String> ids(Map<String, Made> made, Op.Kind... kinds) {
        Set<Op.Kind> wanted = Set.of(kinds);
        return made.values().stream().filter(m -> wanted.contains(m.kind())).map(Made::id).toList();
    }

    private static List<String> queryIds(Connection db, String sql, List<String> ids) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** The outbox events of these aggregates (of {@code type} only, when given), and which are not published yet. */
    private static void events(Connection db, List<String> aggregates, String type, Map<String, List<String>> into,
            Set<String> unpublished) throws SQLException {
        String sql = "SELECT aggregate_id, id::text, published_at IS NULL FROM outbox_event WHERE aggregate_id = ANY (?)"
                + (type == null ? "" : " AND type = ?");
        try (PreparedStatement s = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("text", aggregates.toArray());
            s.setArray(1, array);
            if (type != null) {
                s.setString(2, type);
            }
            collectEvents(s, into, unpublished);
        }
    }

    /**
     * Outbox rows of {@code s}, which selects what they are filed under, their id and whether they
     * are unpublished, in that order.
     */
    private static void collectEvents(PreparedStatement s, Map<String, List<String>> into, Set<String> unpublished)
            throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                into.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                if (rs.getBoolean(3)) {
                    unpublished.add(rs.getString(2));
                }
            }
        }
    }

    /** {@code sql}'s first parameter is the ids; {@code more}, when given, are its next ones. */
    private static void countEffects(Connection db, String consumer, String sql, List<String> ids,
            Map<String, Map<String, Integer>> into, String... more) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setArray(1, db.createArrayOf("text", ids.toArray()));
            for (int i = 0; i < more.length; i++) {
                s.setString(i + 2, more[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(rs.getString(1), id -> new HashMap<>()).put(consumer, rs.getInt(2));
                }
            }
        }
    }

    /** Every {@code ce_id} on the load's topics, with how many copies of it the topics hold. */
    private Map<String, Integer> kafkaEventIds() {
        Map<String, Integer> copies = new HashMap<>();
        TopicReader.ceIds(kafkaBootstrapServers, TOPICS).forEach(id -> copies.merge(id, 1, Integer::sum));
        return copies;
    }

    /** The acknowledged writes' resources that the API does not show (a confirmation: not as confirmed), by id. */
    private Set<String> unreadable(List<Op> ops, String reporterId) throws Exception {
        Set<String> missing = ConcurrentHashMap.newKeySet();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (Op op : ops) {
                if (!op.acknowledged()) {
                    continue;
                }
                String id = switch (op.kind) {
                    case CONFIRMATION -> op.key;
                    case HEALTH_REPORT -> WriteLoad.reportDay(op.key).toString();
                    default -> op.id();
                };
                reads.add(readers.submit(() -> {
                    if (id == null || !readable(op.kind, id, reporterId)) {
                        missing.add(String.valueOf(id));
                    }
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } finally {
            readers.shutdown();
        }
        return missing;
    }

    /**
     * Whether the API shows it: a 200 (a confirmation: no longer PROPOSED). A 429 or a 5xx says
     * nothing about the write, only about the moment, so the read is asked again for a while.
     */
    private boolean readable(Op.Kind kind, String id, String reporterId) throws Exception {
        String path = switch (kind) {
            case HEALTH_REPORT -> "/api/v1/enterprises/" + reporterId + "/health-reports/" + id;
            case PASS -> "/api/v1/green-passes/" + id;
            case SCAN -> "/api/v1/checkpoint-scans/" + id;
            case REGISTRATION -> "/api/v1/enterprises/" + id;
            case OFFER -> "/api/v1/supply-offers/" + id;
            case REQUEST -> "/api/v1/supply-requests/" + id;
            case CONFIRMATION -> "/api/v1/allocations/" + id;
            case APPLICATION -> "/api/v1/financing-applications/" + id;
        };
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fixture.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(10)).header("X-Api-Key", fixture.admin())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return kind != Op.Kind.CONFIRMATION || !response.body().contains("\"status\":\"PROPOSED\"");
            }
            if ((status != 429 && status < 500) || Instant.now().isAfter(deadline)) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static Verdict verdict(List<Op> ops, Snapshot snapshot, Set<String> unreadable, Duration settled) {
        Verdict.Counter v = new Verdict.Counter();
        Map<String, Op> byKey = ops.stream().collect(Collectors.toMap(op -> op.key, Function.identity(), (a, b) -> a));
        for (Op op : ops) {
            v.attempt(op);
            Made made = snapshot.made().get(op.key);
            if (op.acknowledged()) {
                if (made == null) {
                    v.lost(op.key + " (" + op.kind + ", " + op.status() + "): not made");
                    continue;
                }
                List<String> problems = new ArrayList<>(snapshot.problems(made));
                if (unreadable.contains(made.id())) {
                    problems.add("not readable through the API");
                }
                if (snapshot.duplicated(made)) {
                    v.duplicated(op.key + ": " + snapshot.effects().get(made.id()));
                } else if (problems.isEmpty()) {
                    v.ok();
                } else {
                    v.lost(op.key + " (" + op.kind + "): " + String.join("; ", problems));
                }
            } else if (made != null && op.refused()) {
                v.unexpected(op.key + " (" + op.kind + ") was answered " + op.status() + " but made");
            } else if (made != null && op.indeterminate()) {
                List<String> problems = snapshot.problems(made);
                if (snapshot.duplicated(made)) {
                    v.duplicated(op.key + ": " + snapshot.effects().get(made.id()));
                } else if (problems.isEmpty()) {
                    v.recovered();
                } else {
                    v.lost(op.key + " (" + op.kind + ", answered " + op.status() + " but made): " + String.join("; ", problems));
                }
            }
        }
        for (Made made : snapshot.made().values()) {
            if (!byKey.containsKey(made.key())) {
                v.unexpected(made.key() + " (" + made.kind() + ") was made by no write of the load");
            }
        }
        long redelivered = snapshot.onKafka().values().stream().filter(n -> n > 1).count();
        return v.build(settled, redelivered);
    }
}
