package org.fugong.logistics.pass;

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
 * Revoking passes and the public list of what was revoked. Every revocation takes the next
 * sequence number from one counter row locked until its transaction commits, so the list grows in
 * commit order and a reader who asks for what came after the last number it saw misses nothing.
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

    public RevocationList since(long since, int limit) {
        List<GreenPass> rows = GreenPass.<GreenPass>find("revocationSeq > ?1 order by revocationSeq", since)
                .range(0, limit - 1).list();
        List<RevocationList.Revocation> items = rows.stream()
                .map(p -> new RevocationList.Revocation(p.revocationSeq, p.number, p.revokedAt, p.validUntil)).toList();
        return new RevocationList(items, items.isEmpty() ? since : items.get(items.size() - 1).seq());
    }

    private long nextSeq() {
        return ((Number) sql.value("UPDATE revocation_counter SET last_seq = last_seq + 1 RETURNING last_seq",
                Map.of())).longValue();
    }
}
