package org.fugong.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.fugong.gateway.GatewayConfig;
import org.fugong.platform.Schedulers;
import org.fugong.platform.ids.UuidV7;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * API keys, stored only as SHA-256 hashes. Every replica keeps the active keys in memory (the
 * request path never waits for the database) and reloads them every few seconds, so a key revoked
 * on one replica stops working on all of them within that interval. When a key was last used is
 * noted in memory and written in one statement per interval, not once per request.
 */
@Singleton
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, key_prefix, role, org_id, region_scope, tier, created_at, last_used_at, "
            + "issued_by, revoked_at, revoked_by";
    /** The bootstrap key opens everything: at least this long, so it cannot be guessed or be a word. */
    static final int MIN_BOOTSTRAP_KEY_LENGTH = 32;

    @Inject
    DataSource dataSource;

    @Inject
    GatewayConfig config;

    private volatile Map<String, Known> byHash = Map.of();
    private final Map<UUID, Instant> usedSinceFlush = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    /** An active key's client, with the identity its requests carry, built once per reload rather than per request. */
    private record Known(ApiClient client, Identity identity) {
    }

    /** A new key and what it stands for; the key itself is shown only here. */
    public record Issued(ApiClient client, String key) {
    }

    void onStart(@Observes StartupEvent event) {
        // Stripped before hashing too: a header value arrives without surrounding whitespace, so a
        // trailing newline in the secret would otherwise make the key unusable.
        config.adminKey().map(String::strip).filter(k -> !k.isBlank()).map(ApiKeys::requireStrongBootstrapKey)
                .ifPresent(this::ensureBootstrapAdmin);
        reload();
        refresher = Schedulers.daemon("api-key-refresh");
        long every = config.keyRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::flushAndReload, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        flushAndReload();
    }

    /** Refuses (and so stops the start-up) a bootstrap administrator key shorter than 32 characters. */
    static String requireStrongBootstrapKey(String key) {
        if (key.strip().length() < MIN_BOOTSTRAP_KEY_LENGTH) {
            throw new IllegalStateException("FUGONG_GATEWAY_ADMIN_KEY must be at least " + MIN_BOOTSTRAP_KEY_LENGTH
                    + " characters (it has " + key.strip().length() + "), e.g. fg_$(openssl rand -hex 24)");
        }
        return key;
    }

    /** The client a key belongs to, if the key is valid and not revoked. */
    public Optional<ApiClient> authenticate(String key) {
        return known(key).map(Known::client);
    }

    /** Who a request with this key acts as, if the key is valid and not revoked. */
    public Optional<Identity> identify(String key) {
        return known(key).map(Known::identity);
    }

    private Optional<Known> known(String key) {
        Known known = key == null || key.isBlank() ? null : byHash.get(hash(key));
        if (known != null) {
            usedSinceFlush.put(known.client().id(), Instant.now());
        }
        return Optional.ofNullable(known);
    }

    /** Keys in id order (oldest first) after {@code after}, active ones only unless asked: a keyset page. */
    public List<ApiClient> list(UUID after, int limit, boolean includeRevoked) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM api_key WHERE (revoked_at IS NULL OR ?) AND id > ? ORDER BY id LIMIT ?")) {
            select.setBoolean(1, includeRevoked);
            select.setObject(2, after == null ? new UUID(0, 0) : after);
            select.setInt(3, limit);
            List<ApiClient> clients = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    clients.add(client(rs));
                }
            }
            return clients;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Issued issue(String name, String role, UUID orgId, String regionScope, String tier, UUID issuedBy) {
        StringBuilder key = new StringBuilder("fg_");
        for (int i = 0; i < 40; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        ApiClient client = new ApiClient(UuidV7.next(), name, key.substring(0, 8), role, orgId, regionScope, tier,
                Instant.now(), null, issuedBy, null, null);
        insert(client, key.toString());
        reload();
        return new Issued(client, key.toString());
    }

    /** @return false when there was no such active key */
    public boolean revoke(UUID id, UUID revokedBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE api_key SET revoked_at = now(), revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
            update.setObject(1, revokedBy);
            update.setObject(2, id);
            boolean revoked = update.executeUpdate() == 1;
            reload();
            return revoked;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureBootstrapAdmin(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement find = c.prepareStatement(
                "SELECT 1 FROM api_key WHERE key_hash = ?")) {
            find.setString(1, hash(key));
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    insert(new ApiClient(UuidV7.next(), "bootstrap administrator", key.substring(0, Math.min(8, key.length())),
                            "ADMIN", null, null, config.rateLimit().defaultTier(), Instant.now(), null, null, null, null),
                            key);
                    LOG.info("Registered the bootstrap administrator key from FUGONG_GATEWAY_ADMIN_KEY");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(ApiClient client, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO api_key (" + COLUMNS + ", key_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, ?)")) {
            insert.setObject(1, client.id());
            insert.setString(2, client.name());
            insert.setString(3, client.keyPrefix());
            insert.setString(4, client.role());
            insert.setObject(5, client.orgId());
            insert.setString(6, client.regionScope());
            insert.setString(7, client.tier());
            insert.setTimestamp(8, Timestamp.from(client.createdAt()));
            insert.setObject(9, client.issuedBy());
            insert.setString(10, hash(key));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void flushAndReload() {
        try {
            flushLastUsed();
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Refreshing API keys failed; keeping the last known set", e);
        }
    }

    /** One statement for every key used since the last flush; a recorded time never goes back. */
    void flushLastUsed() {
        if (usedSinceFlush.isEmpty()) {
            return;
        }
        Map<UUID, Instant> batch = new HashMap<>(usedSinceFlush);
        batch.forEach(usedSinceFlush::remove);
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE api_key k SET last_used_at = GREATEST(k.last_used_at, u.used_at) "
                        + "FROM unnest(?::uuid[], ?::timestamptz[]) AS u(id, used_at) WHERE k.id = u.id")) {
            update.setArray(1, c.createArrayOf("uuid", batch.keySet().toArray()));
            update.setArray(2, c.createArrayOf("timestamptz", batch.values().stream().map(Timestamp::from).toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            batch.forEach(usedSinceFlush::putIfAbsent); // tried again at the next flush
            throw new IllegalStateException(e);
        }
    }

    void reload() {
        Map<String, Known> keys = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT key_hash, " + COLUMNS + " FROM api_key WHERE revoked_at IS NULL");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ApiClient client = client(rs);
                keys.put(rs.getString("key_hash"), new Known(client, client.identity()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        byHash = Map.copyOf(keys);
    }

    private static ApiClient client(ResultSet rs) throws SQLException {
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiClient(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_prefix"),
                rs.getString("role"), rs.getObject("org_id", UUID.class), rs.getString("region_scope"),
                rs.getString("tier"), rs.getTimestamp("created_at").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant(), rs.getObject("issued_by", UUID.class),
                revoked == null ? null : revoked.toInstant(), rs.getObject("revoked_by", UUID.class));
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: every request hashes its key, and looking the algorithm up each time costs more. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
