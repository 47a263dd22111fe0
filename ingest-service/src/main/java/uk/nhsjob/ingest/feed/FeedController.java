package uk.nhsjob.ingest.feed;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.ingest.source.RegisteredSource;

/**
 * The feed API of a source; its mappings and OpenAPI description are in {@link FeedApi}.
 */
@RestController
class FeedController implements FeedApi {

	private final FeedIntake intake;

	FeedController(FeedIntake intake) {
		this.intake = intake;
	}

	@Override
	public Receipt push(RegisteredSource source, String mode, boolean confirmEmpty, @Nullable String contentType,
			HttpServletRequest request) throws IOException {
		return this.intake.push(source, FeedMode.of(mode), confirmEmpty, FeedBody.of(contentType, request));
	}

	@Override
	public Validation validate(RegisteredSource source, @Nullable String contentType, HttpServletRequest request)
			throws IOException {
		return this.intake.validate(source, FeedBody.of(contentType, request));
	}

	@Override
	public OpenVacancies openVacancies(RegisteredSource source) {
		return new OpenVacancies(this.intake.openVacancies(source));
	}

	@Override
	public ResponseEntity<Void> withdraw(RegisteredSource source, String externalId) {
		this.intake.withdraw(source, externalId);
		return ResponseEntity.noContent().build();
	}

}
