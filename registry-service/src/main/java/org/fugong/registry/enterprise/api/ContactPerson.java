package org.fugong.registry.enterprise.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who to call at the organisation. Shown in full only to the organisation, its authorities and admins. */
@Schema(description = "Contact person; masked for callers outside the organisation and its authorities")
public record ContactPerson(
        @NotBlank @Size(max = 100) @Schema(example = "王小明") String name,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "must be a phone number of 5 to 20 digits")
        @Schema(example = "13812345678") String phone) {

    /** "王小明" → "王**", "13812345678" → "138****5678". */
    public ContactPerson masked() {
        String maskedName = name.isEmpty() ? name : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
        String digits = phone.replaceAll("[^0-9]", "");
        String maskedPhone = digits.length() <= 7 ? "*".repeat(digits.length())
                : digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
        return new ContactPerson(maskedName, maskedPhone);
    }
}
