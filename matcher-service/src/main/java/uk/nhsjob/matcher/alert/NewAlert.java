package uk.nhsjob.matcher.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Frequency;

/**
 * The body of {@code POST /api/v1/alerts}.
 *
 * @param criteria absent for an alert that matches everything
 */
public record NewAlert(@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
		@Nullable @Valid Criteria criteria, @NotNull Frequency frequency) {
}
