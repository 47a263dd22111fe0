package uk.nhsjob.matcher.matching;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the matching runs in one instance.
 *
 * @param matchingThreads the threads that match vacancies, each a consumer of its share
 * of the vacancy topic's partitions in the matching group, with Kafka transactions of its
 * own; unset, one per core. More threads than the instance's share of partitions sit
 * idle.
 */
@ConfigurationProperties("nhsjob.matcher")
@Validated
record MatchingSettings(@Nullable @Min(1) Integer matchingThreads) {

	/** The number of matching threads: as set, or one per core. */
	int threads() {
		return (this.matchingThreads != null) ? this.matchingThreads : Runtime.getRuntime().availableProcessors();
	}

}
