package org.fugong.logistics.pass.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.pass.PassStatus;

/**
 * The public delta list of passes a checkpoint must stop: what a checkpoint's handheld applies to
 * its own list. Pass numbers only (the code carries the number), each with its status when the
 * entry was made — REVOKED, or PENDING_REVIEW for an approved pass sent back to review; a later
 * entry for the same number says APPROVED when an authority approved it again (take it off the
 * list) — and the last day it would have been valid, after which the handheld may forget it. Poll
 * again with {@code since=next_since}.
 */
@Schema(name = "GreenPassRevocations")
public record RevocationList(List<Revocation> items,
        @Schema(description = "Pass as since on the next call; the same value when nothing new was revoked") long nextSince) {

    @Schema(name = "GreenPassRevocation")
    public record Revocation(long seq, String number,
            @Schema(description = "Stop the vehicle unless APPROVED (approved again after a suspension: drop it from your list)") PassStatus status,
            @Schema(description = "When this entry was made") Instant listedAt, Instant revokedAt, LocalDate validUntil) {
    }
}
