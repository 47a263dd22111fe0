package uk.nhsjob.ingest.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.ingest.source.RegisteredSource;

/**
 * The feed intake's entry for feeds the service fetched itself: a pulled feed is taken in
 * exactly as a pushed feed of its source (same parsing, normalising, receipt,
 * idempotence, cap and lease), its pages one document (docs/feeds.md, "Pulled sources").
 */
@Service
public class PulledFeeds {

	private final FeedIntake intake;

	PulledFeeds(FeedIntake intake) {
		this.intake = intake;
	}

	/**
	 * Takes in the pages of one pull.
	 * @param mode {@code snapshot} or {@code delta}
	 * @throws ErrorResponseException when the feed is refused as a whole, as a pushed one
	 * would be (a page unreadable, too large or of a type not read, the source busy or
	 * over its cap); nothing of it is then published or closed
	 */
	public Outcome takeIn(RegisteredSource source, String mode, List<Page> pages) {
		try {
			FeedIntake.Outcome outcome = this.intake.pull(source, FeedMode.of(mode), pages);
			return new Outcome(outcome.receipt(), outcome.pending());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether a mode is one a feed may be taken in with. */
	public static boolean isMode(String mode) {
		return List.of("snapshot", "delta").contains(mode.toLowerCase(Locale.ROOT));
	}

	/**
	 * A pulled feed's receipt, as the feed endpoint gives it.
	 *
	 * @param pending how many of its vacancies are stored but not yet acknowledged by the
	 * broker; they are published when it does
	 */
	public record Outcome(Receipt receipt, int pending) {
	}

	/** One page as fetched, and the feed content type it is read as. */
	public record Page(byte[] body, String contentType) {
	}

}
