package org.fugong.logistics.pass;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.fugong.logistics.db.NativeSql;
import org.fugong.logistics.pass.api.RevocationList;

/**
 * Revoking passes, sending them back to review, and the public list of what checkpoints must stop.
 * Every change of a pass's listing takes the next sequence number from one counter row locked until
 * its transaction commits, so the list grows in commit order and a reader who asks for what came
 * after the last number it saw misses nothing.
 */
@ApplicationScoped
public class Revocations {

    /** Who revoked passes of an enterprise the registry suspended or deregistered. */
    public static final String BY_REGISTRY_STATUS = "logistics (registry status)";

    @Inject
    NativeSql sql;

    @Inject
    PassEvents events;

    /** @return whether the pass changed (false when it was revoked already) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revoke(GreenPass p, String by, String reason) {
        if (!p.revoke(by, reason, this::nextSeq, GreenPass.now())) {
            return false;
        }
        GreenPass.flush();
        events.revoked(p);
        return true;
    }

    /** Every live pass of the enterprise, when the registry says it is no longer ACTIVE. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAllOf(UUID enterpriseId, String status, String statusReason) {
        List<GreenPass> live = GreenPass.<GreenPass>find(
                "enterpriseId = ?1 and status in (?2, ?3) order by id", enterpriseId, PassStatus.APPROVED,
                PassStatus.PENDING_REVIEW).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        String reason = "Enterprise " + status + (statusReason == null || statusReason.isBlank() ? "" : ": " + statusReason);
        live.forEach(p -> revoke(p, BY_REGISTRY_STATUS, reason));
        return live.size();
    }

    /**
     * A new entry in the delta list for a listed pass whose status changed otherwise than by a
     * revocation (approved again after a suspension), so handhelds learn of it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relist(GreenPass p) {
        p.relist(this::nextSeq, GreenPass.now());
    }

    /**
     * An end of their route turned HIGH: every APPROVED pass still valid with that county as origin
     * or destination whose cargo does not stand through HIGH counties by {@link PassDecision} goes
     * back to review, in one statement however many there are, each with its own entry in the
     * delta list, in id order, numbered from one move of the counter (whose row stays locked until
     * commit, as for revocations). Their events go out in one batch.
     *
     * @return the passes sent back to review
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<GreenPass> suspendThrough(String county, LocalDate today) {
        List<String> standing = Arrays.stream(CargoCategory.values()).filter(PassDecision::standsWhenAnEndTurnsHigh)
                .map(Enum::name).toList();
        List<Object[]> changed = sql.rows("""
                WITH due AS (
                    SELECT id FROM green_pass
                    WHERE status = 'APPROVED' AND (origin = :county OR destination = :county)
                      AND cargo_category NOT IN (:standing) AND valid_until >= :today
                    ORDER BY id FOR UPDATE),
                numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM due),
                counter AS (
                    UPDATE revocation_counter SET last_seq = last_seq + (SELECT count(*) FROM due)
                    WHERE EXISTS (SELECT 1 FROM due) RETURNING last_seq)
                UPDATE green_pass g SET status = 'PENDING_REVIEW', suspended_at = :now, suspension_reason = :reason,
                    revocation_seq = counter.last_seq - numbered.total + numbered.n, listed_at = :now,
                    updated_at = :now, version = g.version + 1
                FROM numbered, counter WHERE g.id = numbered.id
                RETURNING g.id, g.version""", Map.of("county", county, "standing", standing, "today", today,
                "now", GreenPass.now(), "reason", "Route end " + county + " turned HIGH: only "
                        + String.join(" and ", standing) + " stay approved into or out of a HIGH county ("
                        + PassDecision.HIGH_RISK_END + ")"));
        if (changed.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = changed.stream().map(row -> (UUID) row[0]).toList();
        List<GreenPass> suspended = GreenPass.<GreenPass>list("id in ?1 order by id", ids);
        events.suspended(suspended);
        return suspended;
    }

    public RevocationList since(long since, int limit) {
        List<GreenPass> rows = GreenPass.<GreenPass>find("revocationSeq > ?1 order by revocationSeq", since)
                .range(0, limit - 1).list();
        List<RevocationList.Revocation> items = rows.stream()
                .map(p -> new RevocationList.Revocation(p.revocationSeq, p.number, p.status, p.listedAt, p.revokedAt,
                        p.validUntil))
                .toList();
        return new RevocationList(items, items.isEmpty() ? since : items.get(items.size() - 1).seq());
    }

    private long nextSeq() {
        return ((Number) sql.value("UPDATE revocation_counter SET last_seq = last_seq + 1 RETURNING last_seq",
                Map.of())).longValue();
    }
}
