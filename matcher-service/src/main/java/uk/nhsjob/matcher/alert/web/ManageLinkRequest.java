package uk.nhsjob.matcher.alert.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/candidates/manage-link}, checked as a new alert's
 * address is.
 */
record ManageLinkRequest(@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email) {
}
