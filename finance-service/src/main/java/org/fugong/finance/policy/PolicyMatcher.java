package org.fugong.finance.policy;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.fugong.finance.organisation.Organisation;
import org.fugong.finance.policy.PolicyEvents.Cause;
import org.fugong.finance.policy.PolicyEvents.Matched;
import org.fugong.finance.policy.PolicyEvents.Unmatched;
import org.fugong.finance.policy.eligibility.Eligibility;
import org.fugong.finance.policy.eligibility.Eligibility.Decision;
import org.fugong.finance.policy.eligibility.Eligibility.Evaluation;
import org.fugong.finance.policy.eligibility.EligibilityRules;
import org.fugong.finance.policy.eligibility.EnterpriseFacts;
import org.fugong.finance.policy.eligibility.InvalidEligibility;
import org.fugong.finance.policy.eligibility.Rule;
import org.fugong.platform.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@code policy_match} equal to what {@link Eligibility} says of every enterprise and every
 * policy, and publishes each match that appears ({@code matched}) or disappears ({@code unmatched}).
 * Two ways in, each in its caller's transaction: an enterprise changed (the registry's event, one
 * enterprise against every policy) or a policy changed (one policy against every enterprise, a page
 * of {@value #PAGE} enterprises per query). Only ENTERPRISE organisations that are not deregistered
 * qualify for anything; a policy's validity does not decide a match (it is shown with it).
 * <p>
 * The two must not interleave: an enterprise re-evaluated against a policy's old rules while that
 * policy is re-evaluated against the enterprise's old facts would leave a stale match. A policy
 * change therefore holds a transaction-scoped advisory lock exclusively, and each registry event
 * holds it shared from before it touches the read model until it commits: events run side by side,
 * a policy change waits for them and they for it, and whichever comes second sees the first's commit.
 */
@ApplicationScoped
public class PolicyMatcher {

    private static final Logger LOG = Logger.getLogger(PolicyMatcher.class);

    static final int PAGE = 1000;
    private static final String LOCK_KEY = "hashtextextended('finance.policy-matching', 0)";
    private static final String FACTS = "o.kind, o.status, o.size_class, o.priority_tier, o.key_enterprise, o.region_code, "
            + "o.ownership, o.employees, o.annual_revenue, o.resumption_status";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    PolicyEvents events;

    /** Parsed policies by id, reused while their version is unchanged: events would otherwise parse every rule each time. */
    private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();

    record Compiled(UUID id, long version, String name, PolicyKind kind, String documentNumber, Rule rule) {
    }

    /** Taken by a registry event before it changes the read model. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForEnterpriseChange() {
        execute("SELECT pg_advisory_xact_lock_shared(" + LOCK_KEY + ")");
    }

    /** The enterprise against every policy, after the read model took its change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reevaluateEnterprise(UUID enterpriseId) {
        lockForEnterpriseChange();
        try (Connection c = dataSource.getConnection()) {
            EnterpriseFacts facts = null;
            boolean qualifies = false;
            try (PreparedStatement select = c.prepareStatement("SELECT " + FACTS + " FROM enterprise_view o WHERE o.id = ?")) {
                select.setObject(1, enterpriseId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    facts = facts(rs);
                    qualifies = qualifies(rs);
                }
            }
            Map<UUID, String> held = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT policy_id, decided_by::text FROM policy_match WHERE enterprise_id = ?")) {
                select.setObject(1, enterpriseId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        held.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            Changes changes = new Changes(Cause.ENTERPRISE_CHANGED, Instant.now());
            for (Compiled policy : policies(c)) {
                changes.consider(enterpriseId, facts, qualifies, policy, held.get(policy.id()));
            }
            changes.write(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-evaluate the policies of enterprise " + enterpriseId, e);
        }
    }

    /** The policy against every enterprise, a page at a time; then its matches are of its current version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reevaluatePolicy(UUID policyId) {
        execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
        try (Connection c = dataSource.getConnection()) {
            Compiled policy = load(c, List.of(policyId)).stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No policy " + policyId));
            compiled.put(policy.id(), policy);
            UUID after = new UUID(0, 0);
            int rows;
            do {
                rows = 0;
                Changes changes = new Changes(Cause.POLICY_CHANGED, Instant.now());
                try (PreparedStatement page = c.prepareStatement("SELECT o.id, " + FACTS + ", m.decided_by::text "
                        + "FROM enterprise_view o LEFT JOIN policy_match m ON m.enterprise_id = o.id AND m.policy_id = ? "
                        + "WHERE o.id > ? ORDER BY o.id LIMIT " + PAGE)) {
                    page.setObject(1, policyId);
                    page.setObject(2, after);
                    try (ResultSet rs = page.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            after = rs.getObject("id", UUID.class);
                            changes.consider(after, facts(rs), qualifies(rs), policy, rs.getString("decided_by"));
                        }
                    }
                }
                changes.write(c);
            } while (rows == PAGE);
            try (PreparedStatement done = c.prepareStatement("UPDATE policy SET matched_version = ? WHERE id = ?")) {
                done.setLong(1, policy.version());
                done.setObject(2, policyId);
                done.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not re-evaluate policy " + policyId, e);
        }
    }

    /**
     * At start, every policy whose matches are not of its current version: the seeded ones, and any
     * whose evaluation a crash interrupted (it committed with the policy, so that cannot happen today,
     * but the check costs one query).
     */
    void onStart(@Observes StartupEvent event) {
        try {
            List<UUID> stale = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> ids = new ArrayList<>();
                try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                        "SELECT id FROM policy WHERE matched_version IS DISTINCT FROM version ORDER BY id");
                        ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            });
            for (UUID id : stale) {
                QuarkusTransaction.requiringNew().run(() -> reevaluatePolicy(id));
            }
            if (!stale.isEmpty()) {
                LOG.infof("Matched %d policies against the enterprises finance knows", stale.size());
            }
        } catch (RuntimeException e) {
            // Not fatal: the next registry event or policy change re-evaluates what it touches.
            LOG.warn("Could not match stale policies at start", e);
        }
    }

    /** Every policy, parsed once per version. */
    private List<Compiled> policies(Connection c) throws SQLException {
        Map<UUID, Long> versions = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, version FROM policy ORDER BY id");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                versions.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
        }
        List<UUID> changed = versions.entrySet().stream().filter(v -> {
            Compiled known = compiled.get(v.getKey());
            return known == null || known.version() != v.getValue();
        }).map(Map.Entry::getKey).toList();
        if (!changed.isEmpty()) {
            load(c, changed).forEach(p -> compiled.put(p.id(), p));
        }
        return versions.keySet().stream().sorted().map(compiled::get).toList();
    }

    private List<Compiled> load(Connection c, List<UUID> ids) throws SQLException {
        List<Compiled> loaded = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, version, name, kind, document_number, "
                + "eligibility::text FROM policy WHERE id = ANY(?)")) {
            select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    loaded.add(new Compiled(id, rs.getLong(2), rs.getString(3), PolicyKind.valueOf(rs.getString(4)),
                            rs.getString(5), rule(id, rs.getString(6))));
                }
            }
        }
        return loaded;
    }

    private Rule rule(UUID policyId, String eligibility) {
        try {
            return EligibilityRules.parse(json.readTree(eligibility));
        } catch (IOException | InvalidEligibility e) {
            // Stored only after validation: a rule that no longer parses is a bug, not bad input.
            throw new IllegalStateException("The stored eligibility of policy " + policyId + " does not parse", e);
        }
    }

    private static EnterpriseFacts facts(ResultSet rs) throws SQLException {
        BigDecimal revenue = rs.getBigDecimal("annual_revenue");
        return new EnterpriseFacts(rs.getString("size_class"), rs.getString("priority_tier"),
                rs.getBoolean("key_enterprise"), rs.getString("region_code"), rs.getString("ownership"),
                rs.getInt("employees"), revenue, rs.getString("resumption_status"));
    }

    /** Policies are for enterprises the registry still has; a deregistered one loses every match. */
    private static boolean qualifies(ResultSet rs) throws SQLException {
        return Organisation.ENTERPRISE.equals(rs.getString("kind")) && !"DEREGISTERED".equals(rs.getString("status"));
    }

    private void execute(String statement) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(List<Decision> decisions) {
        try {
            return json.writeValueAsString(decisions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean same(String stored, String fresh) {
        try {
            return json.readTree(stored).equals(json.readTree(fresh));
        } catch (IOException e) {
            return false;
        }
    }

    /** What one pass found: rows to insert, update and delete, and the events of those that appeared or went. */
    private final class Changes {
        final Cause cause;
        final Instant at;
        final List<Object[]> inserts = new ArrayList<>();
        final List<Object[]> updates = new ArrayList<>();
        final List<Object[]> deletes = new ArrayList<>();
        final List<OutboxWriter.Event> published = new ArrayList<>();

        Changes(Cause cause, Instant at) {
            this.cause = cause;
            this.at = at;
        }

        /** @param held the stored decisions of the match, null when there is none */
        void consider(UUID enterpriseId, EnterpriseFacts facts, boolean qualifies, Compiled policy, String held) {
            boolean matches = qualifies && Eligibility.matches(policy.rule(), facts);
            if (!matches && held == null) {
                return; // the common case, decided without building an explanation nobody keeps
            }
            Evaluation evaluation = qualifies ? Eligibility.evaluate(policy.rule(), facts) : null;
            if (matches) {
                String decided = toJson(evaluation.decidedBy());
                if (held == null) {
                    inserts.add(new Object[] { enterpriseId, policy.id(), decided });
                    published.add(PolicyEvents.matched(new Matched(enterpriseId, policy.id(), policy.name(),
                            policy.kind(), policy.documentNumber(), evaluation.decidedBy(), at), cause));
                } else if (!same(held, decided)) {
                    // Still a match, for reasons that changed (other facts, or the policy's new rules).
                    updates.add(new Object[] { decided, enterpriseId, policy.id() });
                }
            } else if (held != null) {
                deletes.add(new Object[] { enterpriseId, policy.id() });
                published.add(PolicyEvents.unmatched(new Unmatched(enterpriseId, policy.id(), policy.name(),
                        policy.kind(), policy.documentNumber(), evaluation == null ? List.of() : evaluation.decidedBy(),
                        at), cause));
            }
        }

        void write(Connection c) throws SQLException {
            batch(c, "INSERT INTO policy_match (enterprise_id, policy_id, decided_by, matched_at) VALUES (?, ?, ?::jsonb, ?) "
                    + "ON CONFLICT (enterprise_id, policy_id) DO UPDATE SET decided_by = EXCLUDED.decided_by",
                    inserts.stream().map(r -> new Object[] { r[0], r[1], r[2], Timestamp.from(at) }).toList());
            batch(c, "UPDATE policy_match SET decided_by = ?::jsonb WHERE enterprise_id = ? AND policy_id = ?", updates);
            batch(c, "DELETE FROM policy_match WHERE enterprise_id = ? AND policy_id = ?", deletes);
            events.publish(published);
        }

        private void batch(Connection c, String statement, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement(statement)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        s.setObject(i + 1, row[i]);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }
}
