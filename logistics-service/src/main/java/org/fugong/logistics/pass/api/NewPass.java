package org.fugong.logistics.pass.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fugong.logistics.pass.CargoCategory;
import org.fugong.logistics.pass.VehicleType;

/** An enterprise's application for a green pass: one vehicle, one route. */
@Schema(name = "NewGreenPass")
public record NewPass(
        @NotNull @Size(max = 20) @Schema(description = "GA 36-2018; full-width characters and spaces are normalised", example = "鄂A12345") String plate,
        @NotNull VehicleType vehicleType,
        @NotNull @Valid Driver driver,
        @NotNull CargoCategory cargoCategory,
        @NotBlank @Size(max = 500) @Schema(example = "Medical protective masks, 40 cartons") String cargoDescription,
        @NotNull @Size(min = 2, max = 10, message = "must list from 2 to 10 region codes, origin county first and destination county last")
        @Schema(description = "GB/T 2260 codes in order: origin county, prefectures or provinces passed through, destination county", example = "[\"330106\", \"420000\", \"420102\"]")
        List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 code") String> route,
        @NotNull @Schema(example = "2020-02-25") LocalDate validFrom,
        @NotNull @Schema(description = "Inclusive; the window is at most 14 days (configurable)", example = "2020-03-05") LocalDate validUntil) {

    @Schema(name = "NewDriver")
    public record Driver(
            @NotBlank @Size(max = 50) @Schema(example = "张伟") String name,
            @NotNull @Pattern(regexp = "1[3-9][0-9]{9}", message = "must be an 11-digit mainland mobile number") @Schema(example = "13812345678") String phone,
            @NotNull @Size(max = 18) @Schema(description = "GB 11643-1999 resident identity number", example = "11010519491231002X") String idNumber) {
    }
}
