package org.fugong.platform.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure because the database is unreachable, paused, shutting down or too slow to
 * answer in time, which the caller may retry, from a bug. It looks through the whole cause
 * chain, because Hibernate, Narayana, Agroal and our own code each wrap the driver's exception
 * in their own.
 */
public final class DatabaseUnavailable {

    /**
     * What the Agroal pool says, in a plain SQLException without SQLState, when no connection
     * became free within the acquisition timeout ("Acquisition timeout while waiting for new
     * connection", "Sorry, acquisition timeout!").
     */
    private static final String AGROAL_ACQUISITION_TIMEOUT = "acquisition timeout";

    /**
     * What the PostgreSQL driver wraps, as "Something unusual has occurred to cause the driver to
     * fail" (SQLState XX000), when the thread making a new connection is interrupted: Agroal does
     * that to a connection still being made when the acquisition timeout passes, so it is the
     * pool's timeout in another shape. Seen by the fault suite (issue 17) as 500s under load.
     */
    private static final String DRIVER_CONNECT_INTERRUPTED = "interrupted while attempting to connect";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    // Suppressed ones too: when a transaction's commit fails on the broken connection, the
    // transaction manager's exception carries the driver's as suppressed, not as cause.
    private static boolean causedBy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLException sql && unavailable(sql)) {
            return true;
        }
        if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(DRIVER_CONNECT_INTERRUPTED)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (causedBy(suppressed, seen)) {
                return true;
            }
        }
        return causedBy(t.getCause(), seen);
    }

    private static boolean unavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTimeoutException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") // connection exception: refused, broken, socket timeout
                || state.equals("57014") // query cancelled: statement timeout
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") // shutting down, starting
                || state.equals("53300"))) { // too many connections
            return true;
        }
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(AGROAL_ACQUISITION_TIMEOUT);
    }
}
