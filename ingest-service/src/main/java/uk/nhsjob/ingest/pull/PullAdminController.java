package uk.nhsjob.ingest.pull;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.nhsjob.ingest.Problems;
import uk.nhsjob.ingest.Problems.FieldProblem;
import uk.nhsjob.ingest.feed.PulledFeeds;
import uk.nhsjob.ingest.pull.fetch.PullFormat;
import uk.nhsjob.ingest.pull.fetch.SourceFetcher;
import uk.nhsjob.ingest.source.SourceDirectory;

/**
 * The operator's calls on a source's pull: set it, stop it, and see its latest pulls.
 * Every call needs the admin token, as every call under {@code /api/v1/admin}.
 */
@RestController
@RequestMapping("/api/v1/admin/sources/{sourceId}")
@Tag(name = "Sources", description = "The operator's calls; each needs the admin token.")
class PullAdminController {

	private final SourceDirectory sources;

	private final PullStore store;

	private final SourceFetcher fetcher;

	private final PullSettings settings;

	private final Clock clock;

	PullAdminController(SourceDirectory sources, PullStore store, SourceFetcher fetcher, PullSettings settings,
			Clock clock) {
		this.sources = sources;
		this.store = store;
		this.fetcher = fetcher;
		this.settings = settings;
		this.clock = clock;
	}

	@PutMapping("/pull")
	@Operation(summary = "Have the service fetch the source's feed itself",
			description = "Sets or replaces the source's pull, which runs at once and then once every period; "
					+ "resumes a paused pull. A bad url, format or every is a 400 naming the field.")
	PullSettingsView set(@PathVariable String sourceId, @RequestBody SetPull request) {
		PullSettingsView pull = validated(sourceId, request);
		ensureRegistered(sourceId);
		this.store.set(pull, this.clock.instant());
		return pull;
	}

	@DeleteMapping("/pull")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop fetching the source's feed", description = "404 when the source has no pull.")
	void delete(@PathVariable String sourceId) {
		if (!this.store.delete(sourceId)) {
			throw noPull(sourceId);
		}
	}

	@GetMapping("/pulls")
	@Operation(summary = "The source's pull and its latest pulls",
			description = "Its settings, whether it is paused and why, when it runs next, and its latest pulls, "
					+ "newest first: time, HTTP status, the receipt or the error.")
	Pulls pulls(@PathVariable String sourceId) {
		SourcePull pull = this.store.find(sourceId).orElseThrow(() -> noPull(sourceId));
		List<PullRecord> latest = new ArrayList<>(pull.history());
		Collections.reverse(latest);
		return new Pulls(pull.settings(), pull.paused(), pull.pausedReason(), pull.failuresInARow(), pull.nextDueAt(),
				latest);
	}

	private PullSettingsView validated(String sourceId, SetPull request) {
		List<FieldProblem> errors = new ArrayList<>();
		String url = request.url();
		if (url == null || url.isBlank()) {
			errors.add(new FieldProblem("url", "must be given"));
		}
		else {
			String problem = urlProblem(url.trim());
			if (problem != null) {
				errors.add(new FieldProblem("url", problem));
			}
		}
		String format = request.format();
		if (format == null || PullFormat.fromWireName(format).isEmpty()) {
			errors.add(new FieldProblem("format",
					"must be one of " + List.of(PullFormat.values()).stream().map(PullFormat::wireName).toList()));
		}
		String every = request.every();
		Duration period = null;
		try {
			period = (every != null) ? Duration.parse(every) : null;
		}
		catch (DateTimeParseException ex) {
			// named below
		}
		if (period == null || period.compareTo(this.settings.minPeriod()) < 0) {
			errors.add(new FieldProblem("every",
					"must be an ISO 8601 duration of at least " + this.settings.minPeriod() + ", such as PT1H"));
		}
		String mode = (request.mode() != null) ? request.mode().trim().toLowerCase(Locale.ROOT) : "snapshot";
		if (!PulledFeeds.isMode(mode)) {
			errors.add(new FieldProblem("mode", "must be snapshot or delta"));
		}
		if (!errors.isEmpty()) {
			throw Problems.invalid("The request has invalid fields.", errors);
		}
		return new PullSettingsView(sourceId, url.trim(), format, period.toString(), mode);
	}

	private @Nullable String urlProblem(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "is not a URL: " + ex.getReason();
		}
		return this.fetcher.problemWith(uri);
	}

	private void ensureRegistered(String sourceId) {
		if (this.sources.find(sourceId).isEmpty()) {
			throw Problems.of(HttpStatus.NOT_FOUND, "No source " + sourceId + " is registered.");
		}
	}

	private static ErrorResponseException noPull(String sourceId) {
		return Problems.of(HttpStatus.NOT_FOUND, "Source " + sourceId + " has no pull.");
	}

	/**
	 * @param every an ISO 8601 duration, at least the shortest period allowed
	 * @param mode {@code snapshot} (the default) or {@code delta}
	 */
	record SetPull(@Schema(example = "https://www.example.nhs.uk/careers/jobs.xml") @Nullable String url,
			@Schema(allowableValues = {
					"nhs-jobs-xml", "json-ld", "csv", "json" }) @Nullable String format,
			@Schema(example = "PT1H") @Nullable String every,
			@Schema(allowableValues = { "snapshot", "delta" }) @Nullable String mode){
	}

	/**
	 * @param pausedReason why it was paused; absent while it is not
	 * @param nextDueAt when it runs next (while a pull runs, when that run's claim runs
	 * out)
	 * @param latest the latest pulls, newest first
	 */
	record Pulls(PullSettingsView pull, boolean paused, @Nullable String pausedReason, int failuresInARow,
			Instant nextDueAt, List<PullRecord> latest) {
	}

}
