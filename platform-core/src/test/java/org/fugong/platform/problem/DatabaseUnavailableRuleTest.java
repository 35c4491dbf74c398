package org.fugong.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which failures mean "the database is unavailable, try again" (503) rather than a bug (500). */
class DatabaseUnavailableRuleTest {

    @ParameterizedTest
    @ValueSource(strings = { "08001", "08003", "08006", "57014", "57P01", "57P03", "53300" })
    void connectionTimeoutAndShutdownStatesAreUnavailable(String sqlState) {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("x", sqlState))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "23505", "42P01", "40001", "22001" })
    void constraintSyntaxAndDataErrorsAreNot(String sqlState) {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("x", sqlState))).isFalse();
    }

    @Test
    void aSocketTimeoutWrappedByHibernateAndTheServiceIsFoundInTheCauseChain() {
        PSQLException io = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new SocketTimeoutException("Read timed out"));
        RuntimeException hibernateLike = new RuntimeException("JDBC exception executing SQL", io);
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("could not load", hibernateLike))).isTrue();
    }

    @Test
    void aFailedCommitCarriesTheDriversExceptionAsSuppressed() {
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST));
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException("Error invoking subclass method", rollback))).isTrue();
    }

    @Test
    void thePoolsAcquisitionTimeoutAndTransientConnectionFailuresAreUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("gone"))).isTrue();
    }

    @Test
    void aConnectionWhoseMakingThePoolInterruptedAtItsTimeoutIsUnavailable() {
        // As the fault suite saw it in supply under load: Hibernate's wrapper, the driver's "unusual" failure, the interrupt.
        PSQLException driver = new PSQLException("Something unusual has occurred to cause the driver to fail. Please "
                + "report this exception.", PSQLState.UNEXPECTED_ERROR,
                new RuntimeException("Interrupted while attempting to connect."));
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException("Unable to acquire JDBC Connection", driver))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new PSQLException("Something unusual has occurred to cause the driver "
                + "to fail. Please report this exception.", PSQLState.UNEXPECTED_ERROR, new NullPointerException())))
                .as("the same wrapper around anything else is still a bug").isFalse();
    }

    @Test
    void anythingElseIsABug() {
        assertThat(DatabaseUnavailable.causedBy(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException(new SQLException("syntax", "42601")))).isFalse();
    }
}
