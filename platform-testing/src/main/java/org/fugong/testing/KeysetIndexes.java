package org.fugong.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which list filters lack a keyset index. A list filtered by a column and paged in id order reads
 * only its page when an index on (column, id) exists; without one PostgreSQL scans the primary key
 * and throws away what does not match (or sorts every match), which for a rare value is the whole
 * table for one page (docs/benchmarks.md, "Reads at a million rows").
 */
public final class KeysetIndexes {

    /** A full (not partial) btree index on one column, with or without an operator class, then id. */
    private static final Pattern COLUMN_THEN_ID = Pattern.compile("USING btree \\((\\w+)(?: \\w+)?, id\\)$");

    private KeysetIndexes() {
    }

    /** The {@code columns} of {@code table} (in the connection's current schema) with no index on (column, id). */
    public static List<String> missing(Connection db, String table, List<String> columns) throws SQLException {
        Set<String> indexed = new HashSet<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Matcher m = COLUMN_THEN_ID.matcher(rs.getString(1));
                    if (m.find()) {
                        indexed.add(m.group(1));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>(columns);
        missing.removeAll(indexed);
        return missing;
    }
}
