package org.fugong.supply.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.platform.events.CloudEvent;
import org.fugong.platform.inbox.EventHandler;
import org.fugong.supply.allocation.AllocationService;
import org.fugong.supply.allocation.ItemLocks;
import org.fugong.supply.allocation.MatchingService;
import org.fugong.supply.db.NativeSql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the read model of organisations from the registry's events. Each event carries the full
 * state, so the handler upserts it, keeping whichever version is newer; the platform makes sure one
 * event is applied once. Region risk levels are not consumed: no rule of supply depends on them.
 */
@ApplicationScoped
public class RegistryEventHandler implements EventHandler {

    @Inject
    NativeSql sql;

    @Inject
    ObjectMapper json;

    @Inject
    AllocationService allocations;

    @Inject
    MatchingService matching;

    @Inject
    ItemLocks itemLocks;

    /** The name this consumer group has had since it first ran: renaming the class must not change it. */
    @Override
    public String group() {
        return "supply.RegistryEventHandler";
    }

    @Override
    public List<String> topics() {
        return List.of("registry.enterprises");
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        JsonNode payload = json.readTree(event.data());
        if (event.type().startsWith("fugong.registry.enterprise.")) {
            JsonNode e = payload.get("enterprise");
            UUID id = UUID.fromString(e.get("id").asText());
            boolean suspends = Organisation.isKnownAndActive(id) && !"ACTIVE".equals(e.get("status").asText());
            if (suspends) {
                // Supply's lock order: the items the supplier has offers or proposals for, before any row.
                itemLocks.lock(allocations.itemsOf(id));
            }
            // An upsert that keeps the newer version: events may arrive late or twice.
            int changed = sql.update("""
                    INSERT INTO enterprise_view (id, name, kind, status, region_code, priority_tier, version, updated_at)
                    VALUES (:id, :name, :kind, :status, :region, :tier, :version, :now)
                    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, status = EXCLUDED.status,
                        region_code = EXCLUDED.region_code, priority_tier = EXCLUDED.priority_tier,
                        version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                    WHERE enterprise_view.version < EXCLUDED.version""", Map.of(
                    "id", id,
                    "name", e.get("name").asText(),
                    "kind", e.get("kind").asText(),
                    "status", e.get("status").asText(),
                    "region", e.get("region_code").asText(),
                    "tier", e.get("priority_tier").asText(),
                    "version", e.get("version").asLong(),
                    "now", Instant.now()));
            if (changed == 1 && suspends) {
                // The consequences of a suspension: its proposed allocations go back and are matched elsewhere.
                List<String> items = allocations.cancelProposedOf(id);
                if (!items.isEmpty()) {
                    matching.match(items);
                }
            }
        }
        // Other types on the topic are of no interest to supply.
    }
}
