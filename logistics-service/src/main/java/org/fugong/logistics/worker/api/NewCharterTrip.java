package org.fugong.logistics.worker.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.pass.api.NewPass;

/** A point-to-point charter trip: one bus and its driver, one origin county, one destination county, one date. */
@Schema(name = "NewCharterTrip")
public record NewCharterTrip(
        @NotNull @Size(max = 20) @Schema(description = "GA 36-2018; full-width characters and spaces are normalised", example = "浙A12345") String plate,
        @NotNull @Min(1) @Max(100) @Schema(description = "Seats of the bus; at most 50 % of them are filled (configurable)", example = "45") Integer seats,
        @NotNull @Schema(example = "2020-02-25") LocalDate travelDate,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code") @Schema(example = "411502") String originRegion,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code")
        @Schema(description = "Within the planning authority's scope; an enterprise's own county", example = "330106") String destinationRegion,
        @Size(max = 8, message = "must list at most 8 regions")
        @Schema(description = "Prefectures or provinces passed through, in order: the pass's route between the two ends", example = "[\"340000\"]")
        List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code") String> via,
        @NotNull @Valid NewPass.Driver driver) {
}
