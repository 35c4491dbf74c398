package org.fugong.logistics.worker.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request put on a charter trip, as a whole. */
@Schema(name = "NewCharterTripAssignment")
public record NewAssignment(@NotNull UUID requestId) {
}
