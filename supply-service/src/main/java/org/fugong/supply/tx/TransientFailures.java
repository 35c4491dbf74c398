package org.fugong.supply.tx;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * PostgreSQL aborts a transaction it picked as a deadlock victim (SQLState 40P01) or could not
 * serialise (40001); running the whole transaction again is the documented remedy. This runs a unit
 * of work — one whole transaction, started inside it — again a bounded number of times on exactly
 * those failures, with a short randomised pause so the contenders do not meet again in step.
 * No framework in it: the interceptor wires it to {@code @Transactional} methods.
 */
public final class TransientFailures {

    static final Set<String> RETRYABLE_SQL_STATES = Set.of("40P01", "40001");

    private TransientFailures() {
    }

    /** Whether anything in the cause chain is a deadlock or a serialisation failure. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && RETRYABLE_SQL_STATES.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Runs {@code work} up to {@code 1 + retries} times while it fails transiently; any other failure,
     * or the last transient one, is thrown as it is.
     *
     * @param pause the first pause; each further one doubles, each randomised to between half and all of it
     */
    public static <T> T retry(int retries, Duration pause, Callable<T> work) throws Exception {
        for (int attempt = 0;; attempt++) {
            try {
                return work.call();
            } catch (Exception e) {
                if (attempt >= retries || !isTransient(e)) {
                    throw e;
                }
                long nanos = pause.toNanos() << Math.min(attempt, 10);
                LockSupport.parkNanos(nanos / 2 + ThreadLocalRandom.current().nextLong(nanos / 2 + 1));
            }
        }
    }
}
