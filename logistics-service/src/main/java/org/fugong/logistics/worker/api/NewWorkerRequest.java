package org.fugong.logistics.worker.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An enterprise asks to bring employees back from one county on one date. The destination is not
 * asked for: it is the enterprise's own county in the registry. The number of people is the
 * manifest's length.
 */
@Schema(name = "NewWorkerTransportRequest")
public record NewWorkerRequest(
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code")
        @Schema(description = "The county the employees come back from", example = "411502") String originRegion,
        @NotNull @Schema(description = "Today or later, within the horizon (30 days by default)", example = "2020-02-25") LocalDate travelDate,
        @NotNull @Size(min = 1, max = 100, message = "must list from 1 to 100 passengers")
        @Schema(description = "The manifest: everyone to be brought back (at most 30 by default)")
        List<@NotNull @Valid NewPassenger> passengers) {

    @Schema(name = "NewPassenger")
    public record NewPassenger(
            @NotBlank @Size(max = 50) @Schema(example = "李娜") String name,
            @NotNull @Size(max = 18) @Schema(description = "GB 11643-1999 resident identity number", example = "11010519491231002X") String idNumber,
            @Pattern(regexp = "1[3-9][0-9]{9}", message = "must be an 11-digit mainland mobile number") @Schema(example = "13912345678") String phone) {
    }
}
