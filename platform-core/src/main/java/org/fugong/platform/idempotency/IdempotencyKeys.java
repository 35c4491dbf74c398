package org.fugong.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} for creating requests. Runs inside the business transaction: a
 * transaction-scoped advisory lock on the key makes a concurrent request with the same key answer
 * 409 at once; the stored response is inserted in the same transaction as the resource, so either
 * both exist or neither. A repeat within 24 hours replays the stored response; the same key with a
 * different body is 422.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * @param key    the header value, or null to just run the action
     * @param scope  who is calling which endpoint, e.g. {@code subject + " POST /api/v1/enterprises"}
     * @param request the parsed request body, compared by its canonical JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> IdempotentResponse run(String key, String scope, Object request, Supplier<Created<T>> action) {
        if (key == null) {
            return fresh(action.get());
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = hash(request);
        try (Connection c = dataSource.getConnection()) {
            if (!tryLock(c, scope, key)) {
                throw ProblemException.conflict(HEADER + ": a request with this key is still in progress");
            }
            try (PreparedStatement find = c.prepareStatement("""
                    SELECT request_hash, status, location, body FROM idempotency_record
                    WHERE scope = ? AND key = ? AND created_at > now() - interval '24 hours'""")) {
                find.setString(1, scope);
                find.setString(2, key);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        if (!rs.getString(1).equals(hash)) {
                            throw ProblemException.unprocessable("idempotency-key-reused",
                                    HEADER + " was used before with a different request body");
                        }
                        return replay(rs.getInt(2), rs.getString(3), rs.getString(4));
                    }
                }
            }
            Created<T> created = action.get();
            IdempotentResponse response = fresh(created);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO idempotency_record (scope, key, request_hash, status, location, body)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
                        status = EXCLUDED.status, location = EXCLUDED.location, body = EXCLUDED.body,
                        created_at = now()""")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, hash);
                insert.setInt(4, response.status());
                insert.setString(5, response.location());
                insert.setString(6, json.writeValueAsString(new Stored(created.body(), created.etag())));
                insert.executeUpdate();
            }
            return response;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Idempotency record failed", e);
        }
    }

    private static IdempotentResponse fresh(Created<?> created) {
        return new IdempotentResponse(201, created.location() == null ? null : created.location().toString(),
                created.body(), created.etag(), false);
    }

    private IdempotentResponse replay(int status, String location, String stored) throws JsonProcessingException {
        Stored body = json.readValue(stored, Stored.class);
        return new IdempotentResponse(status, location, body.body(), body.etag(), true);
    }

    private static boolean tryLock(Connection c, String scope, String key) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 7))")) {
            lock.setString(1, scope + "\n" + key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(json.valueToTree(request));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored response body as a JSON tree, so a replay is byte-for-byte what the first answer carried. */
    record Stored(Object body, String etag) {
    }

    /** Deletes records past their 24 hours; returns how many. */
    @Transactional
    public int prune() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM idempotency_record WHERE created_at < now() - interval '24 hours'")) {
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
