package org.fugong.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import org.fugong.devstack.EmbeddedDatabase;

/**
 * What a service's requests did in its database, from PostgreSQL's cumulative statistics
 * ({@code pg_stat_user_tables}, {@code pg_stat_database}): rows inserted, updated and deleted and
 * index and sequential scans, per table, and commits. Backends report their counts when they go
 * idle, and not more often than every half second or so, so a snapshot lags the work a little;
 * dividing by the rows of the request's own table, counted in the same snapshots, makes the lag cancel.
 */
final class TableWork {

    /** One table's counters, or the database's commits under {@link #COMMITS}. */
    record Counts(long inserted, long updated, long deleted, long indexScans, long sequentialScans) {
        Counts minus(Counts before) {
            return new Counts(inserted - before.inserted, updated - before.updated, deleted - before.deleted,
                    indexScans - before.indexScans, sequentialScans - before.sequentialScans);
        }

        boolean any() {
            return inserted != 0 || updated != 0 || deleted != 0 || indexScans != 0 || sequentialScans != 0;
        }
    }

    static final String COMMITS = "(commits)";

    private TableWork() {
    }

    /** The counters of every table of {@code databaseName} now, and its commits. */
    static Map<String, Counts> of(EmbeddedDatabase database, String databaseName) throws SQLException {
        Map<String, Counts> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(databaseName), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("""
                    SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan, 0), coalesce(seq_scan, 0)
                    FROM pg_stat_user_tables""")) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new Counts(rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), rows.getLong(6)));
                }
            }
            try (ResultSet row = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                row.next();
                counts.put(COMMITS, new Counts(row.getLong(1), 0, 0, 0, 0));
            }
        }
        return counts;
    }

    /**
     * The work per row inserted into {@code perRowOf} between two snapshots, one line per table that
     * did any: e.g. "green_pass: 1.0 inserted, 0.0 index scans". Commits are every transaction of
     * the database: the outbox relay's reads as well as the requests' own (and this benchmark's two
     * snapshots per phase, nothing next to thousands of requests).
     */
    static String perRow(Map<String, Counts> before, Map<String, Counts> after, String perRowOf) {
        Map<String, Counts> delta = new TreeMap<>();
        after.forEach((table, counts) -> delta.put(table, counts.minus(before.getOrDefault(table, new Counts(0, 0, 0, 0, 0)))));
        double rows = Math.max(1, delta.getOrDefault(perRowOf, new Counts(0, 0, 0, 0, 0)).inserted());
        StringBuilder lines = new StringBuilder(String.format("  per %s row (%.0f rows): %.2f commits%n", perRowOf, rows,
                delta.get(COMMITS).inserted() / rows));
        delta.forEach((table, d) -> {
            if (!table.equals(COMMITS) && d.any()) {
                lines.append(String.format("    %-28s %5.2f inserted  %5.2f updated  %5.2f deleted  %5.2f index scans  "
                        + "%5.2f sequential scans%n", table, d.inserted() / rows, d.updated() / rows, d.deleted() / rows,
                        d.indexScans() / rows, d.sequentialScans() / rows));
            }
        });
        return lines.toString();
    }
}
