package org.fugong.finance.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.fugong.finance.policy.api.SubsidyTerms;
import org.fugong.finance.policy.eligibility.Eligibility.Decision;
import org.fugong.platform.outbox.OutboxWriter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What finance publishes on {@code finance.policies}: policies as administrators create and change
 * them (key: the policy id), and each enterprise's matches as they appear and disappear (key: the
 * enterprise id, so that a portal reads one enterprise's matches in the order they changed). A
 * match names organisations and policies only.
 */
@ApplicationScoped
public class PolicyEvents {

    public static final String TOPIC = "finance.policies";
    public static final String POLICY_AGGREGATE = "policy";
    /** Matches are one enterprise's: ordered and locked per enterprise. */
    public static final String MATCH_AGGREGATE = "enterprise-policies";
    public static final String CREATED = "fugong.finance.policy.created";
    public static final String UPDATED = "fugong.finance.policy.updated";
    public static final String MATCHED = "fugong.finance.policy.matched";
    public static final String UNMATCHED = "fugong.finance.policy.unmatched";

    /** Why matches changed: the registry's news of the enterprise, or a policy that was created, changed or seeded. */
    public enum Cause {
        ENTERPRISE_CHANGED, POLICY_CHANGED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PolicyState(UUID id, String name, PolicyKind kind, String issuingBody, String documentNumber,
            String documentTitle, String grants, LocalDate validFrom, LocalDate validUntil, JsonNode eligibility,
            SubsidyTerms subsidy, long version, Instant updatedAt) {
        static PolicyState of(Policy p, JsonNode eligibility) {
            return new PolicyState(p.id, p.name, p.kind, p.issuingBody, p.documentNumber, p.documentTitle, p.grants,
                    p.validFrom, p.validUntil, eligibility, p.subsidy(), p.version, p.updatedAt);
        }
    }

    public record PolicyPayload(PolicyState policy) {
    }

    public record Matched(UUID enterpriseId, UUID policyId, String policyName, PolicyKind policyKind,
            String documentNumber, List<Decision> decidedBy, Instant matchedAt) {
    }

    public record Unmatched(UUID enterpriseId, UUID policyId, String policyName, PolicyKind policyKind,
            String documentNumber, List<Decision> decidedBy, Instant unmatchedAt) {
    }

    public record MatchPayload(Object match, Cause cause) {
    }

    @Inject
    OutboxWriter outbox;

    public void created(Policy p, JsonNode eligibility) {
        outbox.append(TOPIC, POLICY_AGGREGATE, p.id.toString(), CREATED, new PolicyPayload(PolicyState.of(p, eligibility)));
    }

    public void updated(Policy p, JsonNode eligibility) {
        outbox.append(TOPIC, POLICY_AGGREGATE, p.id.toString(), UPDATED, new PolicyPayload(PolicyState.of(p, eligibility)));
    }

    static OutboxWriter.Event matched(Matched m, Cause cause) {
        return new OutboxWriter.Event(TOPIC, MATCH_AGGREGATE, m.enterpriseId().toString(), MATCHED, new MatchPayload(m, cause));
    }

    static OutboxWriter.Event unmatched(Unmatched m, Cause cause) {
        return new OutboxWriter.Event(TOPIC, MATCH_AGGREGATE, m.enterpriseId().toString(), UNMATCHED,
                new MatchPayload(m, cause));
    }

    /** Several match events in one batch (the outbox locks their enterprises in a fixed order). */
    void publish(List<OutboxWriter.Event> events) {
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
    }
}
