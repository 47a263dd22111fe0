package uk.nhsjob.matcher.matching;

import java.time.Instant;

import org.springframework.context.ApplicationContext;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * For a test with a second matcher instance: what that instance's index makes of a
 * vacancy, to tell whether its profile reader has applied a record yet.
 */
public final class IndexLook {

	private IndexLook() {
	}

	/** Whether the instance's index matches the vacancy to the alert, appended now. */
	public static boolean matchesNow(ApplicationContext instance, Vacancy vacancy, String alertId) {
		return instance.getBean(ActiveAlertIndex.class)
			.matching(vacancy, Instant.now())
			.stream()
			.anyMatch((match) -> match.alertId().equals(alertId));
	}

}
