package uk.nhsjob.ingest.publish;

import java.util.function.Consumer;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * The accepted vacancies of one feed, handed on one at a time, so that the publisher
 * never needs the whole feed in memory. A feed may be walked twice: once to count what it
 * would leave open, when it could pass its source's cap ({@link OpenVacancyCap}), then to
 * publish.
 */
public interface VacancyFeed {

	/** At most how many vacancies {@link #forEach} hands on. */
	int most();

	/**
	 * Hands on each vacancy once: normalised, of one source, revision not set, one per
	 * id; the same vacancies at every call.
	 */
	void forEach(Consumer<Vacancy> publish);

	/**
	 * A feed of at most {@code most} vacancies, handed on by {@code vacancies} at every
	 * walk.
	 */
	static VacancyFeed of(int most, Consumer<Consumer<Vacancy>> vacancies) {
		return new VacancyFeed() {

			@Override
			public int most() {
				return most;
			}

			@Override
			public void forEach(Consumer<Vacancy> publish) {
				vacancies.accept(publish);
			}

		};
	}

}
