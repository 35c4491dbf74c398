package org.fugong.logistics.pass.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public delta list of revoked passes: what a checkpoint's handheld adds to its own list. Pass
 * numbers only (the code carries the number), with the last day each would have been valid, after
 * which the handheld may forget it. Poll again with {@code since=next_since}.
 */
@Schema(name = "GreenPassRevocations")
public record RevocationList(List<Revocation> items,
        @Schema(description = "Pass as since on the next call; the same value when nothing new was revoked") long nextSince) {

    @Schema(name = "GreenPassRevocation")
    public record Revocation(long seq, String number, Instant revokedAt, LocalDate validUntil) {
    }
}
