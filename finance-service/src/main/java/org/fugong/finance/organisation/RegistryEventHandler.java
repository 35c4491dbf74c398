package org.fugong.finance.organisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.finance.application.ApplicantChanges;
import org.fugong.finance.db.NativeSql;
import org.fugong.finance.policy.PolicyMatcher;
import org.fugong.platform.events.CloudEvent;
import org.fugong.platform.inbox.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the read model of organisations from the registry's events. Every enterprise event carries
 * the organisation's full state, so the handler upserts it, keeping whichever version is newer; the
 * platform makes sure one event is applied once. A change that was applied (not a stale or repeated
 * event) reaches the organisation's financing applications in the same transaction: re-scored, put
 * on hold on suspension, resumed on reinstatement, withdrawn on deregistration. Region risk levels
 * are not consumed: no rule of finance depends on them.
 * <p>
 * In the same transaction, what depends on the read model follows it: the debtor's county on its
 * arrears claims (what authorities' scopes and the statistics go by), and the enterprise's policy
 * matches, with their matched / unmatched events.
 */
@ApplicationScoped
public class RegistryEventHandler implements EventHandler {

    @Inject
    NativeSql sql;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicantChanges applicants;

    @Inject
    PolicyMatcher policies;

    /** The name this consumer group has had since it first ran: renaming the class must not change it. */
    @Override
    public String group() {
        return "finance.RegistryEventHandler";
    }

    @Override
    public List<String> topics() {
        return List.of("registry.enterprises");
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        if (!event.type().startsWith("fugong.registry.enterprise.")) {
            return; // other types on the topic are of no interest to finance
        }
        JsonNode e = json.readTree(event.data()).get("enterprise");
        UUID id = UUID.fromString(e.get("id").asText());
        // Before the read model changes: a policy's re-evaluation must not interleave with this one.
        policies.lockForEnterpriseChange();
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("kind", e.get("kind").asText());
        row.put("name", e.get("name").asText());
        row.put("uscc", e.get("uscc").asText());
        row.put("region", e.get("region_code").asText());
        row.put("industry", e.get("industry").asText());
        row.put("ownership", e.get("ownership").asText());
        row.put("employees", e.get("employees").asInt());
        row.put("revenue", new BigDecimal(e.get("annual_revenue").asText()));
        row.put("size", e.get("size_class").asText());
        row.put("tier", e.get("priority_tier").asText());
        row.put("key", e.get("key_enterprise").asBoolean());
        row.put("status", e.get("status").asText());
        // Bound as text even when absent, so PostgreSQL knows the parameter's type.
        row.put("reason", e.hasNonNull("status_reason") ? e.get("status_reason").asText() : "");
        row.put("resumption", e.get("resumption_status").asText());
        row.put("version", e.get("version").asLong());
        row.put("now", Instant.now());
        // An upsert that keeps the newer version: events may arrive late or twice.
        int applied = sql.update("""
                INSERT INTO enterprise_view (id, kind, name, uscc, region_code, industry, ownership, employees,
                    annual_revenue, size_class, priority_tier, key_enterprise, status, status_reason, resumption_status,
                    version, updated_at)
                VALUES (:id, :kind, :name, :uscc, :region, :industry, :ownership, :employees, :revenue, :size, :tier,
                    :key, :status, nullif(:reason, ''), :resumption, :version, :now)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, uscc = EXCLUDED.uscc,
                    region_code = EXCLUDED.region_code, industry = EXCLUDED.industry, ownership = EXCLUDED.ownership,
                    employees = EXCLUDED.employees, annual_revenue = EXCLUDED.annual_revenue,
                    size_class = EXCLUDED.size_class, priority_tier = EXCLUDED.priority_tier,
                    key_enterprise = EXCLUDED.key_enterprise, status = EXCLUDED.status,
                    status_reason = EXCLUDED.status_reason, resumption_status = EXCLUDED.resumption_status,
                    version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                WHERE enterprise_view.version < EXCLUDED.version""", row);
        // From the read model as it now is, so that a stale event changes nothing here either.
        sql.update("""
                UPDATE arrears_claim c SET debtor_region_code = o.region_code, version = c.version + 1
                FROM enterprise_view o
                WHERE o.id = :id AND c.debtor_org_id = o.id AND c.debtor_region_code <> o.region_code""", Map.of("id", id));
        policies.reevaluateEnterprise(id);
        if (applied == 1) {
            applicants.registryChanged((UUID) row.get("id"));
        }
    }
}
