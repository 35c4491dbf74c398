package org.fugong.gateway;

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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.fugong.platform.ids.UuidV7;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * API keys, stored only as SHA-256 hashes. Every replica keeps the active keys in memory (the
 * request path never waits for the database) and reloads them every few seconds, so a key revoked
 * on one replica stops working on all of them within that interval.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource dataSource;

    @Inject
    GatewayConfig config;

    private volatile Map<String, ApiClient> byHash = Map.of();
    private ScheduledExecutorService refresher;

    /** A new key and what it stands for; the key itself is shown only here. */
    public record Issued(ApiClient client, String key) {
    }

    void onStart(@Observes StartupEvent event) {
        config.adminKey().filter(k -> !k.isBlank()).ifPresent(this::ensureBootstrapAdmin);
        reload();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "api-key-refresh");
            t.setDaemon(true);
            return t;
        });
        long every = config.keyRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::reloadQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** The client a key belongs to, if the key is valid and not revoked. */
    public Optional<ApiClient> authenticate(String key) {
        return key == null || key.isBlank() ? Optional.empty() : Optional.ofNullable(byHash.get(hash(key)));
    }

    public Issued issue(String name, String role, UUID orgId, String regionScope) {
        StringBuilder key = new StringBuilder("fg_");
        for (int i = 0; i < 40; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        ApiClient client = new ApiClient(UuidV7.next(), name, role, orgId, regionScope);
        insert(client, key.toString());
        reload();
        return new Issued(client, key.toString());
    }

    /** @return false when there was no such active key */
    public boolean revoke(UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE api_key SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")) {
            update.setObject(1, id);
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
                    insert(new ApiClient(UuidV7.next(), "bootstrap administrator", "ADMIN", null, null), key);
                    LOG.info("Registered the bootstrap administrator key from FUGONG_GATEWAY_ADMIN_KEY");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(ApiClient client, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO api_key (id, name, key_hash, key_prefix, role, org_id, region_scope, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, client.id());
            insert.setString(2, client.name());
            insert.setString(3, hash(key));
            insert.setString(4, key.substring(0, Math.min(8, key.length())));
            insert.setString(5, client.role());
            insert.setObject(6, client.orgId());
            insert.setString(7, client.regionScope());
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Reloading API keys failed; keeping the last known set", e);
        }
    }

    void reload() {
        Map<String, ApiClient> keys = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT id, name, key_hash, role, org_id, region_scope FROM api_key WHERE revoked_at IS NULL");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                keys.put(rs.getString("key_hash"), new ApiClient(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("role"), rs.getObject("org_id", UUID.class), rs.getString("region_scope")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        byHash = Map.copyOf(keys);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
