package org.fugong.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose PostgreSQL's roles, made by deploy/postgres/service-database.sql as init-databases.sh
 * runs it (psql's variables substituted the way psql does), on an embedded server of this class's
 * own that checks passwords as the compose one does.
 */
class PostgresRolesTest {

    static final String REGISTRY_PASSWORD = "registry-secret";
    static final String SUPPLY_PASSWORD = "supply-it's-secret";

    static EmbeddedDatabase database;

    @BeforeAll
    static void initialiseAsTheInitScriptDoes() throws Exception {
        database = EmbeddedDatabase.temporary();
        requirePasswords();
        runServiceSql("registry", REGISTRY_PASSWORD);
        runServiceSql("supply", SUPPLY_PASSWORD);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aServiceOwnsItsDatabaseAndIsNoSuperuser() throws SQLException {
        try (Connection registry = connect("registry", "registry", REGISTRY_PASSWORD); Statement s = registry.createStatement()) {
            s.execute("CREATE TABLE enterprise (id int PRIMARY KEY)");
            s.execute("INSERT INTO enterprise VALUES (1)");
            try (ResultSet rs = s.executeQuery("""
                    SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
                    FROM pg_roles WHERE rolname = current_user""")) {
                rs.next();
                for (int column = 1; column <= 5; column++) {
                    assertThat(rs.getBoolean(column)).as("privilege column " + column).isFalse();
                }
            }
        }
    }

    @Test
    void theRegistrysRoleCannotConnectToSuppliesDatabaseNorReadIt() throws SQLException {
        try (Connection supply = connect("supply", "supply", SUPPLY_PASSWORD); Statement s = supply.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS offer (id int PRIMARY KEY)");
        }
        assertThatThrownBy(() -> connect("supply", "registry", REGISTRY_PASSWORD).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for database")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    @Test
    void noServiceConnectsToTheMaintenanceDatabase() {
        assertThatThrownBy(() -> connect("postgres", "registry", REGISTRY_PASSWORD).close())
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    @Test
    void theWrongPasswordIsRefused() {
        assertThatThrownBy(() -> connect("registry", "registry", SUPPLY_PASSWORD).close())
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
    }

    static Connection connect(String db, String user, String password) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(db), user, password);
    }

    static Connection superuser() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl("postgres"), EmbeddedDatabase.USER, "");
    }

    /**
     * The embedded server trusts every local login; the compose one (the postgres image) asks every
     * role but the superuser for its password over the network. So here too: a new pg_hba.conf, reloaded.
     */
    static void requirePasswords() throws Exception {
        Path hba = Path.of(database.setting("hba_file"));
        Files.writeString(hba, """
                local all postgres trust
                host  all postgres 127.0.0.1/32 trust
                host  all postgres ::1/128 trust
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """, StandardCharsets.UTF_8);
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE probe LOGIN PASSWORD 'probe'");
            s.execute("SELECT pg_reload_conf()");
        }
        // The postmaster rereads the file on the signal: wait until a wrong password is refused.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try (Connection unexpected = DriverManager.getConnection(database.jdbcUrl("postgres"), "probe", "wrong")) {
                assertThat(Instant.now()).as("pg_hba.conf reloaded in time").isBefore(deadline);
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            } catch (SQLException refused) {
                break;
            }
        }
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE probe");
        }
    }

    /** deploy/postgres/service-database.sql as {@code psql -v service=.. -v password=.. -f} runs it. */
    static void runServiceSql(String service, String password) throws Exception {
        String sql;
        try (InputStream in = PostgresRolesTest.class.getResourceAsStream("/deploy/postgres/service-database.sql")) {
            if (in == null) {
                throw new IOException("deploy/postgres/service-database.sql is not on the test classpath");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // psql's interpolation: :"name" becomes a quoted identifier, :'name' a quoted literal.
        sql = sql.replace(":\"service\"", "\"" + service.replace("\"", "\"\"") + "\"")
                .replace(":'password'", "'" + password.replace("'", "''") + "'");
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement); // one at a time, as psql does: CREATE DATABASE refuses a transaction
            }
        }
    }

    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.lines().toList()) {
            if (line.strip().startsWith("--") || line.isBlank()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        assertThat(current.toString()).as("every statement ends with ;").isBlank();
        return statements;
    }
}
