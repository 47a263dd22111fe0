package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.ServiceClock;
import uk.nhsjob.matcher.Vacancies;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.MatchPreviews.MatchPreview;
import uk.nhsjob.matcher.alert.PreviewsBusy;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What a preview may cost: kept a few seconds per criteria, a few at once
 * (docs/alerts.md, "Preview").
 */
class OpenVacancyPreviewsTests {

	private static final PostcodeDirectory POSTCODES = PostcodeDirectory.load();

	private static final Duration CACHE_FOR = Duration.ofSeconds(5);

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void answersTheSameCriteriaFromMemoryWithinItsTimeAndAfreshAfterIt() {
		OpenVacancies openVacancies = new OpenVacancies(ServiceClock.LONDON);
		OpenVacancyPreviews previews = new OpenVacancyPreviews(openVacancies, POSTCODES,
				new PreviewSettings(4, CACHE_FOR, 100), this.nanos::get);
		add(openVacancies, Vacancies.vacancy("s:first").build());
		assertThat(previews.preview(near("LS1 3EX"), 20).total()).isOne();

		add(openVacancies, Vacancies.vacancy("s:second").build());
		this.nanos.addAndGet(CACHE_FOR.minusMillis(1).toNanos());
		MatchPreview again = previews.preview(near("ls13ex"), 20);
		assertThat(again.total()).as("the same criteria once normalised, answered from memory").isOne();
		assertThat(previews.preview(near("LS1"), 20).total()).as("other criteria, answered afresh").isEqualTo(2);

		this.nanos.addAndGet(Duration.ofMillis(1).toNanos());
		MatchPreview afresh = previews.preview(near("LS1 3EX"), 1);
		assertThat(afresh.total()).as("once its time is up, answered afresh").isEqualTo(2);
		assertThat(afresh.vacancies()).as("as many as asked for").hasSize(1);
	}

	@Test
	void refusesAPreviewBeyondTheMostComputedAtOnceButStillAnswersFromMemory() throws Exception {
		OpenVacancies openVacancies = mock(OpenVacancies.class);
		OpenVacancyPreviews previews = new OpenVacancyPreviews(openVacancies, POSTCODES,
				new PreviewSettings(2, CACHE_FOR, 100), this.nanos::get);
		given(openVacancies.newestFirst()).willReturn(List.of(Vacancies.vacancy("s:held").description("kept").build()));
		assertThat(previews.preview(keywords("kept"), 5).total()).isOne();

		CountDownLatch computing = new CountDownLatch(2);
		CountDownLatch finish = new CountDownLatch(1);
		given(openVacancies.newestFirst()).willAnswer((invocation) -> {
			computing.countDown();
			finish.await();
			return List.of();
		});
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			Future<MatchPreview> first = callers.submit(() -> previews.preview(keywords("one"), 5));
			Future<MatchPreview> second = callers.submit(() -> previews.preview(keywords("two"), 5));
			await().until(() -> computing.getCount() == 0);

			assertThatThrownBy(() -> previews.preview(keywords("three"), 5)).isInstanceOf(PreviewsBusy.class);
			assertThat(previews.preview(keywords("kept"), 5).total()).as("a preview held in memory costs nothing")
				.isOne();

			finish.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS).total()).isZero();
			assertThat(second.get(30, TimeUnit.SECONDS).total()).isZero();
			assertThat(previews.preview(keywords("three"), 5).total()).as("free again once one is done").isZero();
		}
		finally {
			finish.countDown();
			callers.shutdownNow();
		}
	}

	private static void add(OpenVacancies openVacancies, Vacancy vacancy) {
		openVacancies.update(vacancy.id(), vacancy, ServiceClock.LONDON.instant());
	}

	private static Criteria near(String postcode) {
		return criteria(postcode, null);
	}

	private static Criteria keywords(String words) {
		return criteria(null, words);
	}

	private static Criteria criteria(@Nullable String postcode, @Nullable String keywords) {
		return new Criteria(List.of(), null, null, postcode, null, null, List.of(), List.of(), List.of(), List.of(),
				null, keywords);
	}

}
