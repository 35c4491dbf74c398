package org.fugong.logistics.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.logistics.config.LogisticsConfig;
import org.fugong.logistics.db.NativeSql;
import org.fugong.logistics.pass.Revocations;
import org.fugong.platform.events.CloudEvent;
import org.fugong.platform.inbox.EventHandler;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the read models of organisations and regions from the registry's events. Each event carries
 * the full state, so the handler upserts it, keeping whichever version is newer; the platform makes
 * sure one event is applied once. An enterprise the registry suspends or deregisters has its passes
 * revoked in the same transaction. Unknown event types on the topics are ignored.
 */
@ApplicationScoped
public class RegistryEventHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(RegistryEventHandler.class);

    static final String ENTERPRISE_EVENTS = "fugong.registry.enterprise.";
    static final String RISK_LEVEL_CHANGED = "fugong.registry.region.risk-level-changed";

    @Inject
    NativeSql sql;

    @Inject
    ObjectMapper json;

    @Inject
    Revocations revocations;

    @Inject
    LogisticsConfig config;

    /** The name this consumer group has had since it first ran: renaming the class must not change it. */
    @Override
    public String group() {
        return "logistics.RegistryEventHandler";
    }

    @Override
    public List<String> topics() {
        return List.of("registry.enterprises", "registry.regions");
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        JsonNode payload = json.readTree(event.data());
        if (event.type().startsWith(ENTERPRISE_EVENTS)) {
            organisation(payload.get("enterprise"));
        } else if (RISK_LEVEL_CHANGED.equals(event.type())) {
            region(payload.get("region"));
        }
    }

    private void organisation(JsonNode e) {
        UUID id = UUID.fromString(e.get("id").asText());
        String status = e.get("status").asText();
        // An upsert that keeps the newer version: events may arrive late or twice.
        int changed = sql.update("""
                INSERT INTO enterprise_view (id, name, kind, status, region_code, priority_tier, key_enterprise,
                    version, updated_at)
                VALUES (:id, :name, :kind, :status, :region, :tier, :key, :version, :now)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, status = EXCLUDED.status,
                    region_code = EXCLUDED.region_code, priority_tier = EXCLUDED.priority_tier,
                    key_enterprise = EXCLUDED.key_enterprise, version = EXCLUDED.version,
                    updated_at = EXCLUDED.updated_at
                WHERE enterprise_view.version < EXCLUDED.version""", Map.of(
                "id", id,
                "name", e.get("name").asText(),
                "kind", e.get("kind").asText(),
                "status", status,
                "region", e.get("region_code").asText(),
                "tier", e.get("priority_tier").asText(),
                "key", e.get("key_enterprise").asBoolean(),
                "version", e.get("version").asLong(),
                "now", Instant.now()));
        if (changed == 1 && !"ACTIVE".equals(status)) {
            // Suspended or deregistered: its passes come off the road (and any under review is never approved).
            JsonNode reason = e.get("status_reason");
            revocations.revokeAllOf(id, status, reason == null ? null : reason.asText());
        }
    }

    /**
     * Regions are all seeded, so a risk change updates a row that exists; one the seed lacks (a code
     * newer than our copy of GB/T 2260) is ignored rather than invented without its name and level.
     * A county that turns HIGH sends the approved passes ending there whose cargo the pass rule would
     * no longer approve back to review, in the same transaction; medical and livelihood passes stand.
     * (The registry sends one event per region whose level changed, so a prefecture or province set
     * HIGH reaches every county below it.)
     */
    private void region(JsonNode r) {
        String code = r.get("code").asText();
        String risk = r.get("risk_level").asText();
        int changed = sql.update("""
                UPDATE region_view SET risk_level = :risk, version = :version
                WHERE code = :code AND version < :version""", Map.of(
                "code", code,
                "risk", risk,
                "version", r.get("version").asLong()));
        if (changed == 1 && "HIGH".equals(risk)) {
            int suspended = revocations.suspendThrough(code, LocalDate.now(config.zone())).size();
            if (suspended > 0) {
                LOG.infof("Region %s turned HIGH: %d approved passes ending there went back to review", code, suspended);
            }
        }
    }
}
