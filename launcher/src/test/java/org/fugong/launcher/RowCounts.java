package org.fugong.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

import org.fugong.devstack.EmbeddedDatabase;

/**
 * The number of rows of every table of every service's database, read straight from PostgreSQL:
 * what the abuse tests compare before and after a request the API refused, which must have
 * changed nothing (not a row written and rolled back into a count, not an outbox entry, not an
 * idempotency record). One statement per database, on a connection kept open for the run.
 */
final class RowCounts implements AutoCloseable {

    static final List<String> DATABASES = List.of("registry", "supply", "logistics", "finance", "gateway");
    /**
     * Not what a request writes: Flyway's own history, and a consumer's inbox (one row per event it
     * consumed, written only by the Kafka consumer; an event of an earlier accepted write may land
     * at any time, as in the full fuzz run's case #1264).
     */
    private static final java.util.Set<String> NOT_STATE = java.util.Set.of("flyway_schema_history", "processed_event");

    private final List<Connection> connections = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();

    RowCounts(EmbeddedDatabase database) throws SQLException {
        for (String name : DATABASES) {
            Connection connection = DriverManager.getConnection(database.jdbcUrl(name), EmbeddedDatabase.USER, "");
            connections.add(connection);
            queries.add(countingQuery(name, connection));
        }
    }

    /** {@code "<database>.<schema>.<table>"} to its row count, now. */
    Map<String, Long> now() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < connections.size(); i++) {
            count(i, counts);
        }
        return counts;
    }

    /**
     * What a refused request changed in the database of the service that refused it, against
     * {@code before} (a full count): only there could it have written in its own transaction; what
     * goes to other services goes through that service's outbox, in the same database.
     */
    List<String> changedIn(String database, Map<String, Long> before) throws SQLException {
        Map<String, Long> after = new TreeMap<>();
        count(DATABASES.indexOf(database), after);
        Map<String, Long> was = new TreeMap<>(before);
        was.keySet().removeIf(table -> !table.startsWith(database + "."));
        return differences(was, after);
    }

    private void count(int database, Map<String, Long> into) throws SQLException {
        try (Statement s = connections.get(database).createStatement(); ResultSet rs = s.executeQuery(queries.get(database))) {
            while (rs.next()) {
                into.put(rs.getString(1), rs.getLong(2));
            }
        }
    }

    /**
     * The counts once nothing moves any more: the same in three reads 300 ms apart. An accepted
     * write goes on changing rows after its answer (the outbox relay, other services' consumers),
     * so what a later refused request is compared with must wait for that.
     */
    Map<String, Long> settled(Duration within) throws SQLException {
        Instant deadline = Instant.now().plus(within);
        Map<String, Long> last = now();
        int same = 0;
        while (same < 2 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            Map<String, Long> next = now();
            same = next.equals(last) ? same + 1 : 0;
            last = next;
        }
        return last;
    }

    /** The tables whose counts differ, as {@code table: before → after}. */
    static List<String> differences(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        TreeMap<String, Long> all = new TreeMap<>(before);
        after.forEach(all::putIfAbsent);
        all.keySet().forEach(table -> {
            if (!Objects.equals(before.get(table), after.get(table))) {
                changed.add(table + ": " + before.get(table) + " → " + after.get(table));
            }
        });
        return changed;
    }

    private static String countingQuery(String database, Connection connection) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                        + "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2")) {
            while (rs.next()) {
                String schema = rs.getString(1);
                String table = rs.getString(2);
                if (!NOT_STATE.contains(table)) {
                    parts.add("SELECT '" + database + "." + schema + "." + table + "', count(*) FROM \"" + schema
                            + "\".\"" + table + "\"");
                }
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("No tables in database " + database);
        }
        return String.join(" UNION ALL ", parts);
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
