package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * For a second matcher instance in a test: a vacancy view that fails a few times on a
 * vacancy whose id starts with {@value #FAILING}, as an unexpected fault would, and notes
 * every vacancy it took in.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingVacancyView {

	public static final String FAILING = "test-trust:fail-thrice-";

	private static final Set<String> TAKEN_IN = ConcurrentHashMap.newKeySet();

	@Bean
	@Primary
	OpenVacancies failingOpenVacancies(Clock clock) {
		AtomicInteger failures = new AtomicInteger();
		return new OpenVacancies(clock) {

			@Override
			boolean update(String vacancyId, @Nullable Vacancy latest, Instant appendedAt) {
				if (vacancyId.startsWith(FAILING) && failures.getAndIncrement() < 3) {
					throw new IllegalStateException("a fault the test put in");
				}
				TAKEN_IN.add(vacancyId);
				return super.update(vacancyId, latest, appendedAt);
			}

		};
	}

	/** Whether the view has taken the vacancy in. */
	public static boolean tookIn(String vacancyId) {
		return TAKEN_IN.contains(vacancyId);
	}

}
